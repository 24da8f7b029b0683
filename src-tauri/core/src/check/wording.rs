//! How lists are written: after ";" the next word is written in lower case,
//! unless it is a name. Names are recognised the way Vietnamese writes them:
//! every syllable capitalised ("Gia Lai", "Sở Tư pháp"), an abbreviation
//! ("UBND", "VTV8"), or the head of the name of a body ("Ủy ban nhân dân …",
//! "Báo và Phát thanh …", "Nhà nước").

use unicode_normalization::UnicodeNormalization;

/// One-syllable heads of names of bodies and offices, in lower case.
const HEADS: &[&str] = &[
    "sở",
    "ban",
    "bộ",
    "cục",
    "vụ",
    "phòng",
    "hội",
    "báo",
    "đài",
    "cổng",
    "trang",
    "đảng",
    "đoàn",
    "thuế",
    "kênh",
    "hạt",
    "viện",
    "trường",
    "quỹ",
    "chánh",
    "phó",
];

/// Two-syllable heads of names of bodies, offices and titles, in lower case.
const HEADS_2: &[&str] = &[
    "ủy ban",
    "uỷ ban",
    "chi cục",
    "tổng cục",
    "văn phòng",
    "trung tâm",
    "tỉnh ủy",
    "tỉnh uỷ",
    "tỉnh đoàn",
    "thành ủy",
    "thành uỷ",
    "công an",
    "quân đội",
    "bộ đội",
    "kho bạc",
    "ngân hàng",
    "thông tấn",
    "liên minh",
    "liên đoàn",
    "liên hiệp",
    "mặt trận",
    "nhà nước",
    "nhân dân",
    "chính phủ",
    "quốc hội",
    "thủ tướng",
    "bệnh viện",
    "tòa án",
    "toà án",
    "thanh tra",
    "công ty",
    "tập đoàn",
    "lãnh đạo",
    "giám đốc",
    "chủ tịch",
    "hợp tác",
];

/// The words written with a capital right after a ";" on the same line that
/// are not names, each once, in the order met; each with the words after it
/// up to a punctuation mark (at most three words, then "…").
pub(super) fn capitals_after_semicolon(text: &str) -> Vec<String> {
    let text: String = text.nfc().collect();
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        for after in line.split(';').skip(1) {
            let words: Vec<&str> = after.split_whitespace().collect();
            let Some(first) = words.first() else {
                continue;
            };
            let word = first.trim_end_matches(|c: char| !c.is_alphanumeric());
            if !is_common_capitalised(word, words.get(1).copied()) {
                continue;
            }
            let phrase = phrase(&words);
            if !out.contains(&phrase) {
                out.push(phrase);
            }
        }
    }
    out
}

/// The first words of `words`, up to a punctuation mark, at most three.
fn phrase(words: &[&str]) -> String {
    let mut taken: Vec<&str> = Vec::new();
    for w in words {
        let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if taken.len() == 3 {
            return format!("{}…", taken.join(" "));
        }
        taken.push(bare);
        if bare.len() != w.len() || bare.is_empty() {
            break;
        }
    }
    taken.join(" ")
}

/// True when `word` starts with a capital letter yet is not part of a name
/// (given the word that follows it).
fn is_common_capitalised(word: &str, next: Option<&str>) -> bool {
    let mut chars = word.chars();
    let starts_upper = chars.next().is_some_and(char::is_uppercase);
    let abbreviation = chars
        .clone()
        .any(|c| c.is_uppercase() || c.is_ascii_digit());
    if !starts_upper || abbreviation || !word.chars().all(char::is_alphabetic) {
        return false;
    }
    let next = next.unwrap_or_default();
    if next.starts_with(char::is_uppercase) {
        return false;
    }
    let head = word.to_lowercase();
    let next_word = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    let head_2 = format!("{head} {}", next_word.to_lowercase());
    !HEADS.contains(&head.as_str()) && !HEADS_2.contains(&head_2.as_str())
}

#[cfg(test)]
mod tests {
    use super::capitals_after_semicolon;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn names_after_a_semicolon_keep_their_capital_and_other_words_do_not() {
        let names = "Hộ nông dân, hợp tác xã; Ủy ban nhân dân các xã, phường; Sở Tư pháp; \
                     Báo và Phát thanh, Truyền hình Gia Lai; Nhà nước hỗ trợ; UBND xã; \
                     Gia Lai; VTV8; tổ chức; Thông tấn xã Việt Nam;\nHộ gia đình";
        assert!(capitals_after_semicolon(names).is_empty());
        let common = "Hộ gia đình, cá nhân; Cơ quan, tổ chức; Doanh nghiệp; \
                      Cơ quan nhà nước các cấp; Nhà đầu tư.";
        assert_eq!(
            capitals_after_semicolon(common),
            ["Cơ quan", "Doanh nghiệp", "Cơ quan nhà…", "Nhà đầu tư"]
        );
        // Decomposed input reads the same.
        let nfd: String = "hộ gia đình; Cơ quan".nfd().collect();
        assert_eq!(capitals_after_semicolon(&nfd), ["Cơ quan"]);
    }
}
