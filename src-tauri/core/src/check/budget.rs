//! Checks of the "Budget" step: every line names its funding source, and one
//! the unit can commit (a provincial department does not commit a commune's
//! budget); a line's quantity agrees with the count its activity states in
//! the same unit; a unit counted one by one has a whole quantity.

use std::collections::HashMap;

use super::Found;
use super::catalogue::{
    BUDGET_FRACTIONAL, BUDGET_FUNDING_LEVEL, BUDGET_QUANTITY_TARGET, BUDGET_SOURCE,
};
use super::counts::{Count, counts_of, is_countable};
use super::helpers::{activity_name, blank, target};
use crate::budget::BudgetLine;
use crate::edit::Entity;
use crate::model::{Step, Unit};
use crate::plan::{Activity, PlanDocument};
use crate::text::{fold, shorten};

/// Every rule of the budget step, each over all lines in turn.
pub(super) fn budget(doc: &PlanDocument, found: &mut Found) {
    funding_source(doc, found);
    funding_level(doc, found);
    quantity_target(doc, found);
    fractional(doc, found);
}

/// How a message names a line.
fn line_name(index: usize, line: &BudgetLine) -> String {
    if blank(&line.description) {
        format!("Dòng kinh phí thứ {} (chưa có nội dung)", index + 1)
    } else {
        format!("Dòng kinh phí “{}”", shorten(&line.description, 120))
    }
}

/// Where a finding on a line's `field` points.
fn line_field(line: &BudgetLine, field: &str) -> super::Target {
    target(
        Step::Budget,
        Some(Entity::BudgetLine),
        Some(line.id),
        Some(field),
    )
}

/// Every budget line names its funding source.
fn funding_source(doc: &PlanDocument, found: &mut Found) {
    for (i, line) in doc.budget_lines.iter().enumerate() {
        if line.funding_source_id.is_none() {
            found.add(
                &BUDGET_SOURCE,
                format!("{} chưa có nguồn kinh phí.", line_name(i, line)),
                line_field(line, "fundingSourceId"),
            );
        }
    }
}

/// True when the folded name is that of a provincial People's Committee.
fn is_province_body(folded: &str) -> bool {
    [
        "uy ban nhan dan tinh ",
        "uy ban nhan dan thanh pho ",
        "ubnd tinh ",
    ]
    .iter()
    .any(|head| folded.starts_with(head))
}

/// True when the unit belongs to a province: its People's Committee, or a
/// department, board or office ("Sở", "Ban", "Văn phòng") under it.
pub(super) fn is_provincial(unit: &Unit) -> bool {
    let name = fold(&unit.name);
    let parent = fold(&unit.parent_body);
    let office = ["so ", "ban ", "van phong "]
        .iter()
        .any(|head| name.starts_with(head));
    (is_province_body(&name) && !is_province_body(&parent)) || (office && is_province_body(&parent))
}

/// The level below the province a funding source belongs to, if any:
/// "cấp xã" for "Ngân sách địa phương (cấp xã)", "Ngân sách xã".
pub(super) fn lower_level(source: &str) -> Option<&'static str> {
    let words: Vec<String> = fold(source)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let has = |seq: &[&str]| {
        words.windows(seq.len()).enumerate().any(|(i, w)| {
            w == seq
                && (seq.last() != Some(&"xa")
                    || words.get(i + seq.len()).is_none_or(|n| n != "hoi"))
        })
    };
    if has(&["cap", "xa"]) || has(&["ngan", "sach", "xa"]) || has(&["ngan", "sach", "phuong"]) {
        Some("cấp xã")
    } else if has(&["cap", "huyen"]) || has(&["ngan", "sach", "huyen"]) {
        Some("cấp huyện")
    } else {
        None
    }
}

/// A provincial unit does not commit the budget of a commune or district.
fn funding_level(doc: &PlanDocument, found: &mut Found) {
    if !is_provincial(&doc.unit) {
        return;
    }
    // Each source's level read once, not once per line.
    let lower: HashMap<i64, (&str, &str)> = doc
        .funding_sources
        .iter()
        .filter_map(|s| Some((s.id, (s.name.as_str(), lower_level(&s.name)?))))
        .collect();
    for (i, line) in doc.budget_lines.iter().enumerate() {
        let source = line.funding_source_id.and_then(|id| lower.get(&id));
        let Some(&(name, level)) = source else {
            continue;
        };
        found.add(
            &BUDGET_FUNDING_LEVEL,
            format!(
                "{} lấy nguồn “{}”, nhưng {} là đơn vị cấp tỉnh, không cam kết được ngân sách {level}; hãy chọn nguồn đơn vị bố trí được, phần kinh phí do {level} tự bảo đảm ghi ở ghi chú.",
                line_name(i, line),
                name.trim(),
                doc.unit.name.trim()
            ),
            line_field(line, "fundingSourceId"),
        );
    }
}

/// The counts of `unit` an activity states, with where ("chỉ tiêu" …).
type Stated = Vec<(&'static str, Count)>;

/// The counts of `unit` that `a` states in its expected output and its target.
fn stated_counts(a: &Activity, unit: &str) -> Stated {
    [
        ("sản phẩm dự kiến", &a.expected_output),
        ("chỉ tiêu", &a.target),
    ]
    .into_iter()
    .flat_map(|(label, text)| counts_of(text, unit).into_iter().map(move |c| (label, c)))
    .collect()
}

/// A line's quantity agrees with a count its activity states in the same unit.
/// An activity's texts are read once per unit, however many lines it has.
fn quantity_target(doc: &PlanDocument, found: &mut Found) {
    let index_of: HashMap<i64, usize> = doc
        .activities
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, i))
        .collect();
    let mut read: HashMap<(usize, &str), Stated> = HashMap::new();
    for (i, line) in doc.budget_lines.iter().enumerate() {
        let unit = line.unit_of_measure.trim();
        let activity = line.activity_id.and_then(|id| index_of.get(&id).copied());
        let Some(index) = activity.filter(|_| !unit.is_empty()) else {
            continue;
        };
        let a = &doc.activities[index];
        let stated = read
            .entry((index, unit))
            .or_insert_with(|| stated_counts(a, unit));
        if stated.is_empty() || stated.iter().any(|(_, c)| c.agrees(line.quantity)) {
            continue;
        }
        let (label, count) = &stated[0];
        found.add(
            &BUDGET_QUANTITY_TARGET,
            format!(
                "{} dự trù {} {unit}, nhưng {} gắn với dòng nêu {} {unit} ({label}).",
                line_name(i, line),
                line.quantity.display(),
                activity_name(index, a).replacen("Hoạt động", "hoạt động", 1),
                count.shown()
            ),
            line_field(line, "quantity"),
        );
    }
}

/// A unit counted one by one ("bộ", "hội nghị") has a whole quantity.
fn fractional(doc: &PlanDocument, found: &mut Found) {
    for (i, line) in doc.budget_lines.iter().enumerate() {
        let unit = line.unit_of_measure.trim();
        if line.quantity.0 % 100 == 0 || !is_countable(unit) {
            continue;
        }
        found.add(
            &BUDGET_FRACTIONAL,
            format!(
                "{}: số lượng {} {unit} không phải số nguyên, mà “{unit}” được đếm từng đơn vị.",
                line_name(i, line),
                line.quantity.display()
            ),
            line_field(line, "quantity"),
        );
    }
}
