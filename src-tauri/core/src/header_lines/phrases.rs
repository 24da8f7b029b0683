//! What a reader of a Vietnamese header treats as one phrase, and where a new
//! line may begin: the word lists of the line-breaking rule and how a gap
//! between two words is classed ([`gaps`]).

use unicode_normalization::UnicodeNormalization;

/// Words that begin a phrase: a line may well begin with them ("SỞ NÔNG
/// NGHIỆP / VÀ MÔI TRƯỜNG", "… / NĂM 2027"), as with the kind of a place
/// ([`PLACES`]: "ỦY BAN NHÂN DÂN / TỈNH GIA LAI").
const STARTS: &[&str] = &[
    "và",
    "của",
    "về",
    "năm",
    "giai đoạn",
    "trên",
    "đối với",
    "trong",
    "tại",
    "thuộc",
];

/// Words that never end a line: they lean on what follows ("VÀ", "CỦA",
/// "NĂM 2027", "TỈNH GIA LAI").
const LEANING: &[&str] = &[
    "và",
    "của",
    "về",
    "cho",
    "với",
    "tại",
    "trên",
    "trong",
    "thuộc",
    "các",
    "những",
    "năm",
    "tỉnh",
    "huyện",
    "quận",
    "xã",
    "phường",
    "từ",
    "đến",
];

/// Words after which a place's name follows; the name is not broken
/// ("TỈNH GIA LAI", "THÀNH PHỐ HỒ CHÍ MINH").
const PLACES: &[&str] = &[
    "tỉnh",
    "thành phố",
    "huyện",
    "quận",
    "thị xã",
    "thị trấn",
    "xã",
    "phường",
    "đặc khu",
];

/// Words of two or more syllables that occur in the names of units and in
/// plans' subjects and are never broken across lines ("NÔNG / NGHIỆP" reads
/// as two words). A phrase of [`STARTS`] or [`PLACES`] of two syllables is
/// never broken either.
const COMPOUNDS: &[&str] = &[
    "ủy ban nhân dân",
    "hội đồng nhân dân",
    "ủy ban",
    "nhân dân",
    "hội đồng",
    "văn phòng",
    "nông nghiệp",
    "nông thôn",
    "phát triển",
    "môi trường",
    "tài nguyên",
    "văn hóa",
    "thể thao",
    "du lịch",
    "khoa học",
    "công nghệ",
    "công nghiệp",
    "tư pháp",
    "tài chính",
    "kế hoạch",
    "đầu tư",
    "nội vụ",
    "ngoại vụ",
    "y tế",
    "giáo dục",
    "đào tạo",
    "xây dựng",
    "công thương",
    "giao thông",
    "vận tải",
    "lao động",
    "thương binh",
    "xã hội",
    "dân tộc",
    "tôn giáo",
    "thanh tra",
    "quản lý",
    "kinh tế",
    "công an",
    "quân sự",
    "quốc phòng",
    "biên phòng",
    "trung tâm",
    "chi cục",
    "truyền thông",
    "thông tin",
    "chính sách",
    "chính phủ",
    "thủ tướng",
    "báo chí",
    "phát thanh",
    "truyền hình",
    "hành chính",
    "pháp luật",
    "địa bàn",
    "chuyển đổi số",
    "việt nam",
    "cộng hòa",
    "chủ nghĩa",
    "mặt trận",
    "tổ quốc",
    "phụ nữ",
    "thanh niên",
    "cựu chiến binh",
    "gia lai",
];

/// A word as the lists are matched: lower case, its trailing and leading
/// punctuation left out, and its tone mark put last, so that the old and the
/// new placing of the tone ("HOÁ", "HÓA"; "UỶ", "ỦY") are the same word while
/// "NĂM" and "NAM" are not.
pub(super) fn key(word: &str) -> String {
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    let mut out = String::with_capacity(word.len());
    let mut tone = None;
    for c in word.nfd().flat_map(char::to_lowercase) {
        if TONES.contains(&c) {
            tone = Some(c);
        } else {
            out.push(c);
        }
    }
    out.extend(tone);
    out
}

/// Whether the phrase (words of a list) occurs in `keys` at `at`.
fn at(keys: &[String], at: usize, phrase: &str) -> bool {
    let mut n = 0;
    for (i, word) in phrase.split(' ').enumerate() {
        match keys.get(at + i) {
            Some(k) if *k == key(word) => n += 1,
            _ => return false,
        }
    }
    n > 0
}

/// The longest of the list's phrases that occurs at `i`, in words.
fn phrase_at(keys: &[String], i: usize, list: &[&str]) -> Option<usize> {
    list.iter()
        .filter(|p| at(keys, i, p))
        .map(|p| p.split(' ').count())
        .max()
}

/// Whether a phrase of [`STARTS`] or [`PLACES`] begins at `i` ("XÃ" does,
/// "XÃ HỘI" does not).
fn starts_at(keys: &[String], i: usize) -> bool {
    let starts = phrase_at(keys, i, STARTS).or_else(|| phrase_at(keys, i, PLACES));
    starts.is_some() && phrase_at(keys, i, COMPOUNDS).is_none()
}

/// The longest name of a place, in words ("BÀ RỊA - VŨNG TÀU").
const PLACE_WORDS: usize = 5;

/// Where the name of a place that begins at `from` ends: at a comma, a
/// word that begins a phrase or a bracket, after [`PLACE_WORDS`], or at the end.
fn place_end(words: &[&str], keys: &[String], from: usize) -> usize {
    let mut end = from;
    while end < words.len() && end - from < PLACE_WORDS {
        let word = words[end];
        let stop = end > from && (starts_at(keys, end) || word.starts_with(['(', '“', '"']));
        if stop {
            break;
        }
        end += 1;
        if word.ends_with([',', ';', ':']) {
            break;
        }
    }
    end
}

/// How good a place a gap between two words is for a new line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gap {
    /// After a comma, or before a word that begins a phrase.
    Phrase,
    /// Between two words that are not one phrase: allowed, not sought.
    Plain,
    /// Inside a phrase, weighed ([`weights`]).
    Inside(u8),
}

/// How badly a new line at each gap of `words` breaks a phrase: 2 inside a
/// word of two syllables ("NÔNG NGHIỆP", "THÀNH PHỐ"), after a word that
/// leans on the next and around a dash; 1 inside a longer phrase between its
/// words ("ỦY BAN / NHÂN DÂN") and inside a place's name; the sum where
/// phrases nest ("ỦY / BAN NHÂN DÂN" is 3); 0 outside any phrase.
fn weights(words: &[&str], keys: &[String]) -> Vec<u8> {
    let n = words.len();
    let mut inside = vec![0u8; n.saturating_sub(1)];
    let mut mark = |from: usize, to: usize, weight: u8| {
        for x in inside.iter_mut().take(to.saturating_sub(1)).skip(from) {
            *x = x.saturating_add(weight);
        }
    };
    let word = |len: usize| if len == 2 { 2 } else { 1 };
    let mut i = 0;
    while i < n {
        let compounds: Vec<usize> = COMPOUNDS
            .iter()
            .filter(|p| at(keys, i, p))
            .map(|p| p.split(' ').count())
            .collect();
        if !compounds.is_empty() {
            compounds
                .into_iter()
                .for_each(|len| mark(i, i + len, word(len)));
        } else if let Some(len) = phrase_at(keys, i, PLACES) {
            let end = place_end(words, keys, i + len);
            mark(i, end, 1);
            // The kind never ends a line: "THÀNH PHỐ / HỒ CHÍ MINH".
            mark(i, (i + len + 1).min(end), 1);
            i = end.max(i + 1);
            continue;
        } else if let Some(len) = phrase_at(keys, i, STARTS) {
            mark(i, i + len, word(len));
        }
        i += 1;
    }
    let dash = |w: &str| w.chars().all(|c| matches!(c, '-' | '–' | '—'));
    for (g, x) in inside.iter_mut().enumerate() {
        let leans = LEANING.iter().any(|w| key(w) == keys[g]);
        if leans || dash(words[g]) || dash(words[g + 1]) {
            *x = (*x).max(2);
        }
    }
    inside
}

/// Each gap of `words`: the gap `g` is between `words[g]` and `words[g + 1]`.
pub(super) fn gaps(words: &[&str]) -> Vec<Gap> {
    let keys: Vec<String> = words.iter().map(|w| key(w)).collect();
    weights(words, &keys)
        .into_iter()
        .enumerate()
        .map(|(g, weight)| match weight {
            0 if words[g].ends_with([',', ';', ':']) || starts_at(&keys, g + 1) => Gap::Phrase,
            0 => Gap::Plain,
            n => Gap::Inside(n),
        })
        .collect()
}
