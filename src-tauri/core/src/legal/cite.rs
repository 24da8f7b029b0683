//! Reading what a legal basis of a plan cites. A basis names the document it
//! rests on first ("Nghị định số 09/2017/NĐ-CP ngày …", "Luật Báo chí ngày 05
//! tháng 4 năm 2016", "Kế hoạch số 15/KH-UBND ngày … của Ủy ban nhân dân tỉnh
//! Gia Lai …"); later documents it mentions are not what it cites. Text is
//! compared folded (case, tone marks and NFC/NFD aside, any dash as "-", no
//! space around "/" and "-"), so "09/2017/NĐ-CP" and "9 / 2017 / nđ–cp" agree.

use chrono::NaiveDate;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::{FormerProvince, LegalText, ProvinceMerges};

/// A text folded for matching, with, for each byte of it, the byte offset
/// just after the character of the original it came from.
struct Folded {
    text: String,
    ends: Vec<usize>,
}

impl Folded {
    fn push(&mut self, c: char, end: usize) {
        self.text.push(c);
        self.ends.extend(std::iter::repeat_n(end, c.len_utf8()));
    }

    fn last(&self) -> Option<char> {
        self.text.chars().next_back()
    }
}

/// Folds `s` as [`crate::text::fold`] does (no marks, "đ" as "d", lower case,
/// runs of white space as one space), with dashes as "-" and no space next to
/// "/" or "-".
fn folded(s: &str) -> Folded {
    let mut out = Folded {
        text: String::with_capacity(s.len()),
        ends: Vec::with_capacity(s.len()),
    };
    let mut space_at: Option<usize> = None;
    for (i, c) in s.char_indices() {
        let end = i + c.len_utf8();
        let mut parts = Vec::with_capacity(4);
        decompose_canonical(c, |d| parts.push(d));
        for d in parts {
            if is_combining_mark(d) {
                continue;
            }
            if d.is_whitespace() {
                if !out.text.is_empty() {
                    space_at = Some(i);
                }
                continue;
            }
            let d = match d {
                'đ' | 'Đ' => 'd',
                '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
                _ => d,
            };
            if let Some(at) = space_at.take()
                && !matches!(d, '/' | '-')
                && !matches!(out.last(), Some('/' | '-'))
            {
                out.push(' ', at);
            }
            for l in d.to_lowercase() {
                out.push(l, end);
            }
        }
    }
    out
}

fn word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// The first place `needle` stands in `hay` as whole words.
fn find_words(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(found) = hay[from..].find(needle) {
        let start = from + found;
        let end = start + needle.len();
        if !word_char(hay[..start].chars().next_back()) && !word_char(hay[end..].chars().next()) {
            return Some(start);
        }
        from = start + hay[start..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// A number and symbol as compared: folded, without the leading zeros of
/// its number ("07/CT-TTg" and "7/ct-ttg" are one).
fn normal_symbol(folded: &str) -> String {
    match folded.split_once('/') {
        Some((n, rest)) if n.bytes().all(|b| b.is_ascii_digit()) => {
            let n = n.trim_start_matches('0');
            format!("{}/{rest}", if n.is_empty() { "0" } else { n })
        }
        _ => folded.to_string(),
    }
}

/// Runs of digits, letters, "/" and "-" that start with a digit: each with
/// where it starts.
fn tokens(text: &str) -> Vec<(usize, &str)> {
    let bytes = text.as_bytes();
    let part = |b: u8| b.is_ascii_alphanumeric() || b == b'/' || b == b'-';
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i].is_ascii_digit() && (i == 0 || !part(bytes[i - 1]));
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < bytes.len() && part(bytes[j]) {
            j += 1;
        }
        let token = text[i..j].trim_end_matches(['/', '-']);
        out.push((i, token));
        i = j;
    }
    out
}

/// The numbers and symbols of documents ("09/2017/nd-cp"): tokens with a "/"
/// and a letter, each with where it starts.
fn symbols(text: &str) -> Vec<(usize, String)> {
    tokens(text)
        .into_iter()
        .filter(|(_, t)| t.contains('/') && t.bytes().any(|b| b.is_ascii_alphabetic()))
        .map(|(at, t)| (at, normal_symbol(t)))
        .collect()
}

/// "05 thang 4 nam 2016" at the start of `rest` (after "ngay ").
fn spelled_date(rest: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = rest.splitn(6, ' ').collect();
    match words.as_slice() {
        [d, "thang", m, "nam", y, ..] => {
            let y: String = y.chars().take_while(char::is_ascii_digit).collect();
            if d.len() > 2 || m.len() > 2 || y.len() != 4 {
                return None;
            }
            NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
        }
        _ => None,
    }
}

/// The dates written in a folded text, "ngay 05 thang 4 nam 2016" or
/// "05/4/2016", each with where it starts, in order.
fn dates_at(text: &str) -> Vec<(usize, NaiveDate)> {
    let mut out: Vec<(usize, NaiveDate)> = tokens(text)
        .into_iter()
        .filter(|(_, t)| t.bytes().all(|b| b.is_ascii_digit() || b == b'/'))
        .filter_map(|(at, t)| crate::dates::parse_typed(t).map(|d| (at, d)))
        .collect();
    let mut from = 0;
    while let Some(found) = find_words(&text[from..], "ngay") {
        let at = from + found;
        if let Some(d) = text[at + "ngay".len()..]
            .strip_prefix(' ')
            .and_then(spelled_date)
        {
            out.push((at, d));
        }
        from = at + "ngay".len();
    }
    out.sort_by_key(|(at, _)| *at);
    out
}

/// The dates a text writes, in order ("ngày 05 tháng 4 năm 2016", "21/3/2023").
pub fn dates_in(text: &str) -> Vec<NaiveDate> {
    dates_at(&folded(text).text)
        .into_iter()
        .map(|(_, d)| d)
        .collect()
}

/// The legal text a basis cites: the first document it names, when that is
/// a text of `texts` (by its number and symbol, by its citation, or by its
/// title with its date, as laws are cited); `None` when the first document
/// named is not in the list.
pub fn cited_text<'a>(basis: &str, texts: &'a [LegalText]) -> Option<&'a LegalText> {
    let f = folded(basis).text;
    let dates = dates_at(&f);
    let mut first: Option<(usize, Option<&'a LegalText>)> = None;
    let mut consider = |at: usize, text: Option<&'a LegalText>| {
        let earlier = match first {
            None => true,
            Some((p, known)) => at < p || (at == p && known.is_none()),
        };
        if earlier {
            first = Some((at, text));
        }
    };
    if let Some((at, symbol)) = symbols(&f).into_iter().next() {
        let known = texts
            .iter()
            .find(|t| normal_symbol(&folded(&t.number).text) == symbol);
        consider(at, known);
    }
    for t in texts {
        let by_citation = find_words(&f, &folded(&t.citation).text);
        let by_title = find_words(&f, &folded(&t.title).text)
            .filter(|_| dates.iter().any(|(_, d)| *d == t.date));
        if let Some(at) = by_citation.or(by_title) {
            consider(at, Some(t));
        }
    }
    first.and_then(|(_, t)| t)
}

/// True when `rest` starts with "(cu)", spaces aside.
fn marked_former(rest: &str) -> bool {
    let compact: String = rest.chars().take(12).filter(|c| *c != ' ').collect();
    compact.starts_with("(cu)")
}

/// A basis written on `written` (a plan's issue date, or the start of its
/// year) that cites a document dated before the merged provinces' governments
/// began, and names a former province ("tỉnh Gia Lai") first without
/// "(cũ)": which province, and the basis with "(cũ)" after its name.
pub fn former_province(
    basis: &str,
    merges: &ProvinceMerges,
    written: NaiveDate,
) -> Option<FormerProvince> {
    let from = merges.from?;
    if written < from {
        return None;
    }
    let f = folded(basis);
    let (_, issued) = *dates_at(&f.text).first()?;
    if issued >= from {
        return None;
    }
    let mut first: Option<(usize, usize, &str, &str)> = None;
    for m in &merges.merges {
        for name in &m.formed_from {
            let needle = format!("tinh {}", folded(name).text);
            if let Some(at) = find_words(&f.text, &needle)
                && first.is_none_or(|(p, ..)| at < p)
            {
                first = Some((at, at + needle.len(), name, &m.province));
            }
        }
    }
    let (_, end, name, now_in) = first?;
    if marked_former(&f.text[end..]) {
        return None;
    }
    let at = *f.ends.get(end.checked_sub(1)?)?;
    Some(FormerProvince {
        name: name.to_string(),
        now_in: now_in.to_string(),
        fixed: format!("{} (cũ){}", &basis[..at], &basis[at..]),
    })
}
