//! What the results report's documents (the PDF, the workbook) share: how
//! they write its subject, its symbol and its shares, and how they name and
//! count the rows of no policy or no stage. One rule each, so that both say
//! the same.

use super::{Period, PolicyResults, StatusCounts};
use crate::money::Money;

/// Where the activities of no policy are counted and listed.
pub const GENERAL: &str = "Hoạt động truyền thông chung";
/// Where a policy's activities of no stage are counted.
pub const NO_STAGE: &str = "Không gắn giai đoạn";

/// The title of the list of every activity line (the PDF's Phụ lục I).
pub const ACTIVITIES_TITLE: &str = "Kết quả thực hiện các hoạt động truyền thông";
/// The title of the budget approved against spent (the PDF's last appendix).
pub const SPENDING_TITLE: &str = "Kinh phí được duyệt và kinh phí đã sử dụng";

/// The columns of the list of activity lines after their number (and, in
/// the workbook, their policy: the PDF groups the lines by policy).
pub const ACTIVITY_COLUMNS: [&str; 8] = [
    "Giai đoạn",
    "Nội dung hoạt động",
    "Thời gian theo kế hoạch",
    "Chỉ tiêu",
    "Tình trạng",
    "Ngày thực hiện",
    "Kết quả đạt được",
    "Ghi chú",
];

/// The columns of the indicators' table.
pub const INDICATOR_COLUMNS: [&str; 7] = [
    "TT",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Kế hoạch",
    "Thực hiện",
    "Cách xác định",
    "Ghi chú",
];

/// The columns of the budget's table, approved against spent.
pub const SPENDING_COLUMNS: [&str; 7] = [
    "TT",
    "Nhóm chi",
    "Nội dung chi",
    "Được duyệt (đồng)",
    "Đã chi (đồng)",
    "Chênh lệch (đồng)",
    "Ghi chú",
];

/// "Kết quả thực hiện Kế hoạch truyền thông chính sách 6 tháng đầu năm 2026",
/// "… năm 2026": the report's subject, under "BÁO CÁO".
pub fn subject(period: Period, year: i32) -> String {
    format!(
        "Kết quả thực hiện Kế hoạch truyền thông chính sách {}",
        period.label_vi(year)
    )
}

/// The report's symbol (Decree 30/2020/NĐ-CP: the kind, then the issuing
/// body's abbreviation): the plan's with "BC" for "KH" ("KH-SNNMT" gives
/// "BC-SNNMT"); for a symbol of another form, "BC-" and the unit's
/// abbreviation, or "BC" alone when it has none.
pub fn report_symbol(plan_symbol: &str, abbreviation: &str) -> String {
    match plan_symbol.trim().strip_prefix("KH-").map(str::trim) {
        Some(rest) if !rest.is_empty() => format!("BC-{rest}"),
        _ => match abbreviation.trim() {
            "" => "BC".to_string(),
            a => format!("BC-{a}"),
        },
    }
}

/// "81,8 %": `part` as a percentage of `whole`, to one decimal rounded half
/// up in integers ("50 %" when the decimal is 0); `None` when `whole` is 0.
/// A no-break space before "%" keeps the sign on the number's line.
pub fn share(part: u64, whole: u64) -> Option<String> {
    if whole == 0 {
        return None;
    }
    let (part, whole) = (u128::from(part), u128::from(whole));
    let tenths = (part * 2000 + whole) / (2 * whole);
    Some(if tenths % 10 == 0 {
        format!("{}\u{a0}%", tenths / 10)
    } else {
        format!("{},{}\u{a0}%", tenths / 10, tenths % 10)
    })
}

/// How an indicator's actual value is obtained, as its column says:
/// computed from what was recorded, or entered by the officer.
pub fn measured_vi(computed: bool) -> &'static str {
    if computed {
        "Tự tính"
    } else {
        "Tự nhập"
    }
}

/// What is left of the approved amount: approved less spent (negative when
/// more was spent), `None` unless both are set.
pub fn difference(approved: Option<Money>, spent: Option<Money>) -> Option<i64> {
    // Both lie in 0..=MAX_AMOUNT: the difference cannot overflow.
    Some(approved?.dong() - spent?.dong())
}

/// A policy's activities of no stage: its counts less its stages'.
pub fn unstaged(p: &PolicyResults) -> StatusCounts {
    p.stages.iter().fold(p.counts, |r, s| StatusCounts {
        planned: r.planned.saturating_sub(s.counts.planned),
        done: r.done.saturating_sub(s.counts.done),
        in_progress: r.in_progress.saturating_sub(s.counts.in_progress),
        cancelled: r.cancelled.saturating_sub(s.counts.cancelled),
        not_started: r.not_started.saturating_sub(s.counts.not_started),
    })
}

#[cfg(test)]
mod tests;
