//! Text as it is stored: NFC-normalised, trimmed, bounded.

use unicode_normalization::UnicodeNormalization;

/// Longest text one field may hold, in characters.
pub const MAX_FIELD_CHARS: usize = 20_000;

/// The canonical stored form of a text typed by the user: Unicode NFC (a
/// decomposed "ệ" becomes one character) with surrounding white space removed.
pub fn clean(input: &str) -> String {
    input.trim().nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_vietnamese_becomes_composed() {
        let nfd = "Ke\u{302}\u{301} hoa\u{323}ch";
        assert_eq!(clean(nfd), "Kế hoạch");
        assert_eq!(clean(nfd).chars().count(), 8);
    }

    #[test]
    fn trims_white_space() {
        assert_eq!(clean("  Sở Tư pháp \n"), "Sở Tư pháp");
    }
}
