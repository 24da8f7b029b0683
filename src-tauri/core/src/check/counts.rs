//! The counts an activity states in its expected output or target ("03 hội
//! nghị", "24 kỳ/năm", "≥ 04 buổi đối thoại"), read for one unit of measure,
//! and which units are counted one by one.
//!
//! Units are compared as written, diacritics kept ("bộ" is not "bó"), in lower
//! case, with commas as spaces ("tin, bài" = "tin bài"); "kỳ", "kì" and "số"
//! (of a periodical) are the same unit. A count per month or week ("02
//! kỳ/tháng") is a rate, not a total, and is left aside; "/năm" is a total.

use unicode_normalization::UnicodeNormalization;

use crate::money::Quantity;

/// How a stated count binds the quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Bound {
    Exact,
    AtLeast,
    AtMost,
    /// "khoảng 600", a range: not compared.
    About,
}

/// A count stated in a text, for one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Count {
    /// The number as written, e.g. "03", "5.000".
    pub(super) written: String,
    pub(super) value: Quantity,
    pub(super) bound: Bound,
}

impl Count {
    /// True when a budget line of `quantity` agrees with this count.
    pub(super) fn agrees(&self, quantity: Quantity) -> bool {
        match self.bound {
            Bound::Exact => quantity == self.value,
            Bound::AtLeast => quantity >= self.value,
            Bound::AtMost => quantity <= self.value,
            Bound::About => true,
        }
    }

    /// The count as a message quotes it: "03", "ít nhất 04".
    pub(super) fn shown(&self) -> String {
        match self.bound {
            Bound::AtLeast => format!("ít nhất {}", self.written),
            Bound::AtMost => format!("tối đa {}", self.written),
            Bound::Exact | Bound::About => self.written.clone(),
        }
    }
}

/// Units that are the same thing under another name.
const SAME: &[&[&str]] = &[&["kỳ", "kì", "số"]];

/// A unit followed by these words is another thing ("bản tin" is not "bản").
const DIFFERENT: &[&str] = &["bản tin", "bản đồ", "tin nhắn"];

/// Words before a number that make it a bound rather than an exact count.
const AT_LEAST: &[&str] = &["≥", ">=", ">", "ít nhất", "tối thiểu", "hơn"];
const AT_MOST: &[&str] = &["≤", "<=", "<", "tối đa", "dưới", "không quá"];
const ABOUT: &[&str] = &["khoảng", "~", "gần", "xấp xỉ", "-", "–"];

/// Units counted one by one: a quantity of them is a whole number.
const COUNTABLE: &[&str] = &[
    "bộ",
    "cuộc",
    "hội nghị",
    "hội thảo",
    "tọa đàm",
    "toạ đàm",
    "kỳ",
    "kì",
    "số",
    "tin",
    "bài",
    "tin bài",
    "bản",
    "bản tin",
    "cái",
    "chiếc",
    "lớp",
    "người",
    "học viên",
    "đại biểu",
    "buổi",
    "đợt",
    "lượt",
    "lần",
    "phóng sự",
    "video",
    "chương trình",
    "chuyên mục",
    "tờ",
    "cuốn",
    "quyển",
    "pa nô",
    "áp phích",
    "sản phẩm",
    "phiếu",
];

/// A unit of measure as compared: NFC, lower case, commas as spaces, single spaces.
pub(super) fn normalise_unit(unit: &str) -> String {
    let text: String = unit.nfc().flat_map(char::to_lowercase).collect();
    text.replace(',', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when `unit` is counted one by one ("hội nghị", "lớp tập huấn", "bộ").
pub(super) fn is_countable(unit: &str) -> bool {
    let unit = normalise_unit(unit);
    COUNTABLE
        .iter()
        .any(|c| unit == *c || unit.strip_prefix(c).is_some_and(|r| r.starts_with(' ')))
}

/// The names `unit` goes by: itself and its synonyms, normalised.
fn names_of(unit: &str) -> Vec<String> {
    let unit = normalise_unit(unit);
    match SAME.iter().find(|group| group.contains(&unit.as_str())) {
        Some(group) => group.iter().map(|s| (*s).to_string()).collect(),
        None => vec![unit],
    }
}

/// Where each number of `chars` that may be a count starts and ends: digits
/// not glued to a word, a symbol or another number ("05/6" has one).
fn numbers(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_number = chars[i].is_ascii_digit()
            && (i == 0 || !(chars[i - 1].is_alphanumeric() || "/.,".contains(chars[i - 1])));
        if !starts_number {
            i += 1;
            continue;
        }
        let end = number_end(chars, i);
        out.push((i, end));
        i = end;
    }
    out
}

/// A text as its counts are read: NFC, lower case.
fn chars_of(text: &str) -> Vec<char> {
    text.nfc().flat_map(char::to_lowercase).collect()
}

/// The counts of `unit` that `text` states, in order.
pub(super) fn counts_of(text: &str, unit: &str) -> Vec<Count> {
    let names = names_of(unit);
    if names.iter().all(String::is_empty) {
        return Vec::new();
    }
    let chars = chars_of(text);
    let mut out = Vec::new();
    for (start, end) in numbers(&chars) {
        let written: String = chars[start..end].iter().collect();
        let rest: String = chars[end..].iter().take(80).collect();
        if let Ok(value) = Quantity::parse(&written)
            && let Some(rest) = after_number(&rest)
            && names.iter().any(|n| is_total_of(&rest, n))
        {
            let before: String = chars[..start].iter().collect();
            out.push(Count {
                written,
                value,
                bound: bound(before.trim_end()),
            });
        }
    }
    out
}

/// The unit of the first count `text` states of a unit counted one by one
/// ("hội nghị" of "Tổ chức 03 hội nghị", "tin, bài" of "≥ 40 tin, bài"), as
/// a results record names what was achieved; `None` when it states none (a
/// rate, a share, a date).
pub(crate) fn counted_unit(text: &str) -> Option<String> {
    let chars = chars_of(text);
    numbers(&chars).into_iter().find_map(|(_, end)| {
        let rest: String = chars[end..].iter().take(80).collect();
        let rest = after_number(&rest)?;
        let unit = COUNTABLE
            .iter()
            .filter(|c| is_total_of(&rest, c))
            .max_by_key(|c| c.len())?;
        // Written as officers write it.
        Some(
            if *unit == "tin bài" {
                "tin, bài"
            } else {
                unit
            }
            .to_string(),
        )
    })
}

/// Where the number starting at `start` ends: digits, with "." or "," between digits.
fn number_end(chars: &[char], start: usize) -> usize {
    let mut j = start;
    while j < chars.len() {
        let inner = ".,".contains(chars[j]) && chars.get(j + 1).is_some_and(char::is_ascii_digit);
        if !(chars[j].is_ascii_digit() || inner) {
            break;
        }
        j += 1;
    }
    j
}

/// What follows a number, normalised once for [`is_total_of`] to compare with
/// every name; `None` when it is the rest of a date ("05/6").
fn after_number(rest: &str) -> Option<String> {
    (!rest.starts_with('/')).then(|| normalise_unit(rest))
}

/// True when `rest` (what follows a number, from [`after_number`]) names the
/// unit `name`, as a total: not a rate ("02 kỳ/tháng"), not another unit
/// that starts the same ("bản tin" for "bản").
fn is_total_of(rest: &str, name: &str) -> bool {
    let Some(after) = rest.strip_prefix(name) else {
        return false;
    };
    if after.starts_with(char::is_alphanumeric) {
        return false;
    }
    if DIFFERENT
        .iter()
        .any(|d| d.starts_with(name) && d.len() > name.len() && rest.starts_with(d))
    {
        return false;
    }
    match after.strip_prefix('/') {
        Some(period) => period.trim_start().starts_with("năm"),
        None => true,
    }
}

fn bound(before: &str) -> Bound {
    let ends = |words: &[&str]| words.iter().any(|w| before.ends_with(w));
    if ends(AT_LEAST) {
        Bound::AtLeast
    } else if ends(AT_MOST) {
        Bound::AtMost
    } else if ends(ABOUT) {
        Bound::About
    } else {
        Bound::Exact
    }
}

#[cfg(test)]
mod tests {
    use super::{Bound, counts_of, is_countable};
    use crate::money::Quantity;

    fn read(text: &str, unit: &str) -> Vec<(String, i64, Bound)> {
        counts_of(text, unit)
            .into_iter()
            .map(|c| (c.written, c.value.0 / 100, c.bound))
            .collect()
    }

    #[test]
    fn counts_are_read_for_their_unit_only() {
        assert_eq!(
            read("03 hội nghị theo cụm xã, phường", "Hội nghị"),
            [("03".into(), 3, Bound::Exact)]
        );
        assert_eq!(
            read("02 hội nghị (≥ 200 đại biểu)", "đại biểu"),
            [("200".into(), 200, Bound::AtLeast)]
        );
        assert_eq!(
            read("5.000 tờ gấp", "tờ"),
            [("5.000".into(), 5000, Bound::Exact)]
        );
        assert_eq!(read("06 tin, bài trên báo in", "tin, bài").len(), 1);
        assert_eq!(read("06 tin bài", "tin, bài").len(), 1);
        assert_eq!(
            read("06 lớp tập huấn (khoảng 600 học viên)", "học viên"),
            [("600".into(), 600, Bound::About)]
        );
        // Diacritics are kept: "bó" is not "bộ".
        assert!(read("10 bó hoa", "bộ").is_empty());
        // A longer unit that starts the same is another thing.
        assert!(read("02 bản tin song ngữ", "bản").is_empty());
        assert_eq!(read("02 bản tin song ngữ", "Bản tin").len(), 1);
        // Not a word of its own.
        assert!(read("03 kỳa", "kỳ").is_empty());
    }

    #[test]
    fn periodicals_count_issues_by_either_name_and_rates_are_left_aside() {
        assert_eq!(read("24 kỳ/năm", "kỳ"), [("24".into(), 24, Bound::Exact)]);
        assert_eq!(read("04 số/năm (mỗi số 2.000 bản)", "kỳ").len(), 1);
        assert!(read("02 kỳ/tháng, mỗi kỳ 10 phút", "kỳ").is_empty());
        assert!(read("phát 03 lần/tuần", "lần").is_empty());
        // Dates, symbols and codes are not counts.
        assert!(read("ngày 05/6 và 01/01/2028", "tháng").is_empty());
        assert!(read("kênh VTV8 kỳ này", "kỳ").is_empty());
    }

    #[test]
    fn bounds_bind_the_quantity_each_their_way() {
        let count = |text: &str| counts_of(text, "buổi").remove(0);
        let q = |n: i64| Quantity(n * 100);
        assert!(count("04 buổi").agrees(q(4)) && !count("04 buổi").agrees(q(3)));
        assert!(count("≥ 04 buổi").agrees(q(5)) && !count("ít nhất 04 buổi").agrees(q(3)));
        assert!(count("tối đa 04 buổi").agrees(q(3)) && !count("≤ 04 buổi").agrees(q(5)));
        assert!(count("khoảng 04 buổi").agrees(q(9)));
        assert_eq!(count("≥ 04 buổi").shown(), "ít nhất 04");
    }

    #[test]
    fn the_first_counted_unit_is_what_a_result_is_counted_in() {
        use super::counted_unit;
        let unit = |t: &str| counted_unit(t);
        assert_eq!(
            unit("Tổ chức 03 hội nghị tại các xã").as_deref(),
            Some("hội nghị")
        );
        assert_eq!(
            unit("≥ 15 cơ quan báo chí dự mỗi cuộc; ≥ 40 tin, bài").as_deref(),
            Some("tin, bài")
        );
        assert_eq!(unit("02 bản tin song ngữ").as_deref(), Some("bản tin"));
        assert_eq!(
            unit("Phát sóng đủ 12 chương trình").as_deref(),
            Some("chương trình")
        );
        assert_eq!(unit("24 kỳ/năm").as_deref(), Some("kỳ"));
        for none in [
            "100% xã, phường có ý kiến",
            "02 kỳ/tháng",
            "Thông tin trong ngày 05/6",
            "",
        ] {
            assert_eq!(unit(none), None, "{none}");
        }
    }

    #[test]
    fn countable_units_are_recognised_by_their_head() {
        for unit in [
            "bộ",
            "Hội nghị",
            "lớp tập huấn",
            "cuộc khảo sát",
            "tin, bài",
            "kì",
        ] {
            assert!(is_countable(unit), "{unit}");
        }
        for unit in ["tháng", "m2", "gói dịch vụ", "bó", ""] {
            assert!(!is_countable(unit), "{unit}");
        }
    }
}
