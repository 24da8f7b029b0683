//! The next year's plan opens with last year's results: [`previous_year_summary`]
//! writes the key figures of a plan's year as one Vietnamese paragraph, which
//! a copy of the plan into the next year takes as its "Kết quả thực hiện năm
//! trước" (editable like any field).

use super::compute::{count_text, measured, report};
use super::{IndicatorMeasure, Period, PlanResults, ResultsReport};
use crate::money::{Money, group};
use crate::plan::PlanDocument;

/// `part` of `whole` as a percentage with one decimal, rounded half up:
/// "81,8 %", "100 %"; `None` of nothing.
fn percent_one_decimal(part: u32, whole: u32) -> Option<String> {
    let (part, whole) = (u64::from(part), u64::from(whole));
    if whole == 0 {
        return None;
    }
    let tenths = (part * 2_000 + whole) / (whole * 2);
    Some(match tenths % 10 {
        0 => format!("{} %", tenths / 10),
        d => format!("{},{d} %", tenths / 10),
    })
}

fn dong(m: Money) -> String {
    format!("{} đồng", group(m.dong()))
}

/// "tỷ lệ …" of "Tỷ lệ …": a name inside a sentence.
fn in_sentence(name: &str) -> String {
    let mut chars = name.trim().chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// What was done of the activities: "đã hoàn thành 18/22 hoạt động truyền
/// thông (81,8 %), đang thực hiện 2 hoạt động, không thực hiện 1 hoạt động".
fn activities(year: &ResultsReport) -> String {
    let c = year.counts;
    let mut out = format!(
        "đã hoàn thành {}/{} hoạt động truyền thông",
        c.done, c.planned
    );
    if let Some(p) = percent_one_decimal(c.done, c.planned) {
        out.push_str(&format!(" ({p})"));
    }
    for (n, what) in [
        (c.in_progress, "đang thực hiện"),
        (c.cancelled, "không thực hiện"),
    ] {
        if n > 0 {
            out.push_str(&format!(", {what} {n} hoạt động"));
        }
    }
    out
}

/// The indicators: press conferences held, months with information to the
/// press, major-impact policies reached from the proposal stage (each when
/// there is something to say), then every objective entered by hand.
fn indicators(doc: &PlanDocument, results: &PlanResults, report: &ResultsReport) -> Vec<String> {
    let year = |m| measured(doc, results, Period::Year, m);
    let mut out = Vec::new();
    if let Some(n) = year(IndicatorMeasure::PressConferences).filter(|n| *n > 0) {
        out.push(format!("tổ chức {} cuộc họp báo", count_text(n)));
    }
    if let Some(n) = year(IndicatorMeasure::MonthlyPressInformation).filter(|n| *n > 0) {
        out.push(format!("cung cấp thông tin cho báo chí {n}/12 tháng"));
    }
    if doc.policies.iter().any(|p| p.major_impact)
        && let Some(p) = year(IndicatorMeasure::MajorPoliciesFromProposal)
    {
        out.push(format!(
            "{p} % chính sách có tác động lớn được truyền thông từ khâu đề xuất chính sách"
        ));
    }
    for line in report.indicators.iter().filter(|i| !i.computed) {
        let Some(actual) = line.actual else { continue };
        let unit = line.unit.trim();
        let mut text = format!("{} đạt {} {unit}", in_sentence(&line.name), group(actual));
        if let Some(target) = line.target {
            text.push_str(&format!(" (chỉ tiêu {} {unit})", group(target)));
        }
        out.push(text.replace(" )", ")").trim_end().to_string());
    }
    out
}

/// The budget: "kinh phí đã chi 320.000.000 đồng/350.000.000 đồng được phê
/// duyệt"; nothing while nothing is recorded as spent.
fn budget(doc: &PlanDocument, report: &ResultsReport) -> Option<String> {
    let spent = report.total_spent?;
    Some(match report.total_approved {
        Some(approved) => format!(
            "kinh phí đã chi {}/{} được phê duyệt",
            dong(spent),
            dong(approved)
        ),
        None => match crate::budget::total_proposed(&doc.budget_lines) {
            Ok(proposed) => format!("kinh phí đã chi {}/{} dự toán", dong(spent), dong(proposed)),
            Err(_) => format!("kinh phí đã chi {}", dong(spent)),
        },
    })
}

/// The key figures of `doc`'s year as one paragraph: "Năm 2026, Sở … đã hoàn
/// thành 18/22 hoạt động truyền thông (81,8 %), …; tổ chức 04 cuộc họp báo; …;
/// kinh phí đã chi 320.000.000 đồng/350.000.000 đồng được phê duyệt."
pub fn previous_year_summary(doc: &PlanDocument, results: &PlanResults) -> String {
    let year = report(doc, results, Period::Year);
    let mut parts = vec![activities(&year)];
    parts.extend(indicators(doc, results, &year));
    parts.extend(budget(doc, &year));
    format!(
        "Năm {}, {} {}.",
        doc.year,
        doc.unit.name.trim(),
        parts.join("; ")
    )
}
