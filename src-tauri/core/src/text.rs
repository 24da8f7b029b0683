//! Text as it is stored and compared: NFC-normalised, trimmed, bounded when
//! stored; folded (no tone marks, no case) when matched.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Longest text one field may hold, in characters.
pub const MAX_FIELD_CHARS: usize = 20_000;

/// The canonical stored form of a text typed by the user: Unicode NFC (a
/// decomposed "ệ" becomes one character) with surrounding white space removed.
pub fn clean(input: &str) -> String {
    input.trim().nfc().collect()
}

/// A text shortened for a message or a summary: its words on one line, at
/// most `max` characters, cut after a whole word, with "…" when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        return line;
    }
    let cut: String = line.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i >= cut.len() / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!(
        "{}…",
        cut.trim_end_matches([' ', ',', ';', ':', '.', '-', '('])
    )
}

/// The first emoji or pictograph in `text`, if any. An administrative
/// document has no such characters and its font has none to print.
pub fn first_emoji(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        matches!(u32::from(c),
            0x1F000..=0x1FAFF // emoji, pictographs, playing cards, flags
            | 0x2600..=0x27BF // miscellaneous symbols, dingbats
            | 0x2B00..=0x2BFF // arrows and stars used as emoji
            | 0xFE0F // "show as emoji"
            | 0x200D // the joiner inside composed emoji
            | 0xE0000..=0xE007F // tag characters
        )
    })
}

/// A Vietnamese refusal naming the emoji found in field `label`, if any.
pub fn refuse_emoji(label: &str, text: &str) -> crate::error::Result<()> {
    match first_emoji(text) {
        Some(c) => Err(crate::error::AppError::validation(format!(
            "{label}: ký tự “{c}” (biểu tượng cảm xúc, ký hiệu hình) không dùng được trong văn bản hành chính và không in được trong tệp PDF. Hãy xóa ký tự này."
        ))),
        None => Ok(()),
    }
}

/// The text folded for matching: tone marks and other diacritics removed (on
/// the canonical decomposition, so composed and decomposed input agree), "đ"
/// as "d", lower case, runs of white space as one space.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_are_found_and_vietnamese_is_not() {
        assert_eq!(first_emoji("Tuyên truyền 👍 tốt"), Some('👍'));
        assert_eq!(first_emoji("Hoàn thành ✅"), Some('✅'));
        assert_eq!(first_emoji("Cờ 🇻🇳"), Some('🇻'));
        assert_eq!(
            first_emoji("Kế hoạch số 12/KH-SVHTTDL – “Bình dân học vụ số”; 1.000.000 đ (≥ 95%)"),
            None
        );
        let err = refuse_emoji("Tên kế hoạch", "Vui 😀").expect_err("refused");
        assert!(err.message.contains("“😀”"), "{}", err.message);
    }

    #[test]
    fn long_summaries_are_cut_after_a_whole_word() {
        let s = shorten(
            "Tổ chức hội nghị   đối thoại\nvới doanh nghiệp về chính sách",
            30,
        );
        assert_eq!(s, "Tổ chức hội nghị đối thoại…");
        assert!(s.chars().count() <= 30);
        assert_eq!(shorten("Ngắn", 30), "Ngắn");
        assert_eq!(shorten("", 30), "");
    }

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

    #[test]
    fn folding_ignores_marks_case_and_composition() {
        assert_eq!(fold("  Lấy  Ý KIẾN "), "lay y kien");
        assert_eq!(
            fold("La\u{302}\u{301}y y\u{301} kie\u{302}\u{301}n"),
            "lay y kien"
        );
        assert_eq!(fold("Đối thoại"), "doi thoai");
        assert_eq!(fold("hằng tháng"), fold("hàng tháng"));
    }
}
