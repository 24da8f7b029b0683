//! Checks of the "General" step: the legal bases name Directive 07/CT-TTg; the
//! plan's symbol, number, issue date and place follow Decree 30/2020/NĐ-CP; the
//! issue date lies near the plan's year; the subject does not repeat "Kế hoạch".

use chrono::Datelike;
use unicode_normalization::UnicodeNormalization;

use super::Found;
use super::catalogue::{
    GENERAL_ISSUE_DATE, GENERAL_ISSUE_YEAR, GENERAL_NUMBER, GENERAL_PENDING, GENERAL_PLACE,
    GENERAL_SUBJECT, GENERAL_SYMBOL, LEGAL_DIRECTIVE_07,
};
use super::helpers::{blank, plan_field, target};
use crate::edit::Entity;
use crate::model::Step;
use crate::plan::PlanDocument;
use crate::text::fold;

/// True when the first document a legal basis names (number/symbol) is
/// Directive 07/CT-TTg. Tolerates case, spaces around "/" and "-", any dash,
/// a missing leading zero, and decomposed input.
pub(super) fn names_directive_07(text: &str) -> bool {
    let chars: Vec<char> = text
        .nfc()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    // Drop white space next to "/" or "-".
    let mut t: Vec<char> = Vec::with_capacity(chars.len());
    for (i, c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            let before = t.last().is_some_and(|p| *p == '/' || *p == '-');
            let after = chars[i..]
                .iter()
                .find(|n| !n.is_whitespace())
                .is_some_and(|n| *n == '/' || *n == '-');
            if before || after {
                continue;
            }
        }
        t.push(*c);
    }
    for i in 0..t.len() {
        if t[i] != '/' || !t.get(i + 1).is_some_and(|n| n.is_alphabetic()) {
            continue;
        }
        let mut j = i;
        while j > 0 && t[j - 1].is_ascii_digit() {
            j -= 1;
        }
        let number: String = t[j..i].iter().collect();
        let mut k = i + 1;
        while k < t.len() && (t[k].is_alphanumeric() || t[k] == '-') {
            k += 1;
        }
        let symbol: String = t[i + 1..k].iter().collect();
        return number.trim_start_matches('0') == "7" && symbol == "ct-ttg";
    }
    false
}

pub(super) fn legal_bases(doc: &PlanDocument, found: &mut Found) {
    if !doc.legal_bases.iter().any(|b| names_directive_07(&b.text)) {
        found.add(
            &LEGAL_DIRECTIVE_07,
            "Phần căn cứ chưa có Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về việc tăng cường công tác truyền thông chính sách.".to_string(),
            target(Step::General, Some(Entity::LegalBasis), None, Some("text")),
        );
    }
}

/// "KH-" then groups of capital letters (with Đ) and digits joined by hyphens.
pub(super) fn symbol_ok(symbol: &str) -> bool {
    let Some(rest) = symbol.strip_prefix("KH-") else {
        return false;
    };
    !rest.is_empty()
        && rest.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == 'Đ')
        })
}

/// The plan's symbol, number, issue date, place and subject, and the reminder
/// to fill number and date when the plan is issued.
pub(super) fn general(doc: &PlanDocument, found: &mut Found) {
    symbol(doc, found);
    number(doc, found);
    issue_date(doc, found);
    place(doc, found);
    subject(doc, found);
    pending(doc, found);
}

fn symbol(doc: &PlanDocument, found: &mut Found) {
    let symbol: String = doc.fields.symbol.trim().nfc().collect();
    if symbol.is_empty() {
        found.add(
            &GENERAL_SYMBOL,
            "Chưa có ký hiệu văn bản (ví dụ: KH-SNNMT).".to_string(),
            plan_field(doc, Step::General, "symbol"),
        );
    } else if !symbol_ok(&symbol) {
        found.add(
            &GENERAL_SYMBOL,
            format!(
                "Ký hiệu “{symbol}” không đúng thể thức: phải bắt đầu bằng “KH-”, tiếp theo là chữ in hoa hoặc chữ số, nối bằng dấu gạch nối (ví dụ: KH-SNNMT, KH-UBND)."
            ),
            plan_field(doc, Step::General, "symbol"),
        );
    }
}

fn number(doc: &PlanDocument, found: &mut Found) {
    let number = doc.fields.number.trim();
    if !number.is_empty() && !number.chars().all(|c| c.is_ascii_digit()) {
        found.add(
            &GENERAL_NUMBER,
            format!(
                "Số văn bản “{number}” chỉ được gồm chữ số (ví dụ: 12); ký hiệu ghi ở ô Ký hiệu."
            ),
            plan_field(doc, Step::General, "number"),
        );
    }
}

fn issue_date(doc: &PlanDocument, found: &mut Found) {
    let date = doc.fields.issue_date.trim();
    if date.is_empty() {
        return;
    }
    match crate::dates::parse_iso(date) {
        None => found.add(
            &GENERAL_ISSUE_DATE,
            format!("Ngày ban hành “{date}” không phải là một ngày hợp lệ."),
            plan_field(doc, Step::General, "issueDate"),
        ),
        Some(d) if d.year() != doc.year && d.year() != doc.year - 1 => found.add(
            &GENERAL_ISSUE_YEAR,
            format!(
                "Ngày ban hành {} không thuộc năm {} hoặc năm {} của kế hoạch.",
                crate::dates::format_vi(date),
                doc.year - 1,
                doc.year
            ),
            plan_field(doc, Step::General, "issueDate"),
        ),
        Some(_) => {}
    }
}

fn place(doc: &PlanDocument, found: &mut Found) {
    if blank(&doc.fields.place) {
        found.add(
            &GENERAL_PLACE,
            "Chưa có địa danh ghi trước ngày tháng năm ban hành (ví dụ: Gia Lai).".to_string(),
            plan_field(doc, Step::General, "place"),
        );
    }
}

/// The subject printed under "KẾ HOẠCH" without the words "Kế hoạch" in
/// front, capitalised; `None` when the title does not start with them.
/// "Kế hoạch hóa …" (family planning) is a subject of its own.
pub(super) fn subject_without_type(title: &str) -> Option<String> {
    let title: String = title.trim().nfc().collect();
    let after = fold(&title).strip_prefix("ke hoach")?.to_string();
    let boundary = |t: &str| !t.starts_with(char::is_alphanumeric);
    let next = after.trim_start();
    if !boundary(&after) || next.strip_prefix("hoa").is_some_and(boundary) {
        return None;
    }
    // "Kế hoạch" is seven letters in NFC: the rest starts after them.
    let mut letters = 0;
    let rest: String = title
        .chars()
        .skip_while(|c| {
            let skip = letters < 7;
            letters += usize::from(c.is_alphanumeric());
            skip
        })
        .collect();
    let rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric() && !"“\"(".contains(c));
    let mut chars = rest.chars();
    Some(match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    })
}

/// The subject does not repeat the document type printed above it.
fn subject(doc: &PlanDocument, found: &mut Found) {
    let Some(suggested) = subject_without_type(&doc.fields.title) else {
        return;
    };
    let title = doc.fields.title.trim();
    let message = if suggested.is_empty() {
        format!(
            "Tên kế hoạch “{title}” chỉ lặp lại tên loại “KẾ HOẠCH” in ngay phía trên; hãy ghi nội dung của kế hoạch (ví dụ: “Truyền thông chính sách năm {}”).",
            doc.year
        )
    } else {
        format!(
            "Tên kế hoạch “{title}” lặp lại tên loại “KẾ HOẠCH” in ngay phía trên; nên ghi: “{suggested}”."
        )
    };
    found.add(
        &GENERAL_SUBJECT,
        message,
        plan_field(doc, Step::General, "title"),
    );
}

/// A draft may leave number and date empty: advice to fill them when issued.
fn pending(doc: &PlanDocument, found: &mut Found) {
    let number = doc.fields.number.trim();
    let date = doc.fields.issue_date.trim();
    let (message, field) = match (number.is_empty(), date.is_empty()) {
        (true, true) => (
            "Số và ngày ban hành còn để trống: điền khi ban hành.",
            "number",
        ),
        (true, false) => ("Số văn bản còn để trống: điền khi ban hành.", "number"),
        (false, true) => (
            "Ngày ban hành còn để trống: điền khi ban hành.",
            "issueDate",
        ),
        (false, false) => return,
    };
    found.add(
        &GENERAL_PENDING,
        message.to_string(),
        plan_field(doc, Step::General, field),
    );
}
