//! The fields of what is recorded, each with its column (as the store's
//! `result_changes` names it), its kind (how it is validated and shown) and
//! its Vietnamese label: one table that validation and the history share.

use crate::edit::{FieldDef, FieldKind, item_field as f};

/// What a row of results is about, as the history (`result_changes.what`)
/// names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Recorded {
    Activity,
    Spending,
    Objective,
    Report,
}

impl Recorded {
    pub(crate) fn from_code(code: &str) -> Option<Recorded> {
        match code {
            "activity" => Some(Recorded::Activity),
            "spending" => Some(Recorded::Spending),
            "objective" => Some(Recorded::Objective),
            "report" => Some(Recorded::Report),
            _ => None,
        }
    }

    /// Its fields, in the order they are shown.
    pub(crate) fn fields(self) -> &'static [FieldDef] {
        match self {
            Recorded::Activity => ACTIVITY,
            Recorded::Spending => SPENDING,
            Recorded::Objective => OBJECTIVE,
            Recorded::Report => REPORT,
        }
    }
}

/// Where an activity stands: its code, shown by its name (not a registry kind).
pub(crate) const STATUS: FieldDef = f("status", "status", FieldKind::Line(20), "Tình trạng");
pub(crate) const REASON: FieldDef = f("reason", "reason", FieldKind::Long, "Lý do không thực hiện");
pub(crate) const DONE_ON: FieldDef = f("doneOn", "done_on", FieldKind::Date, "Ngày hoàn thành");
pub(crate) const OUTPUT: FieldDef = f("output", "output", FieldKind::Long, "Sản phẩm đạt được");
pub(crate) const ACHIEVED: FieldDef = f(
    "achieved",
    "achieved",
    FieldKind::Count,
    "Số lượng đạt được",
);
pub(crate) const ACHIEVED_UNIT: FieldDef = f(
    "achievedUnit",
    "achieved_unit",
    FieldKind::Line(100),
    "Đơn vị tính của số lượng đạt được",
);
pub(crate) const REACH: FieldDef = f(
    "reach",
    "reach",
    FieldKind::Count,
    "Số lượt người được tiếp cận",
);
pub(crate) const NOTE: FieldDef = f("note", "note", FieldKind::Long, "Ghi chú");
pub(crate) const SPENT: FieldDef = f("spent", "spent", FieldKind::Money, "Số tiền đã chi");
pub(crate) const ACTUAL: FieldDef = f("actual", "actual", FieldKind::Count, "Kết quả đạt được");
pub(crate) const REPORT_NUMBER: FieldDef = f("number", "number", FieldKind::Line(20), "Số báo cáo");
pub(crate) const REPORT_DATE: FieldDef =
    f("issueDate", "issue_date", FieldKind::Date, "Ngày báo cáo");
pub(crate) const DIFFICULTIES: FieldDef = f(
    "difficulties",
    "difficulties",
    FieldKind::Long,
    "Khó khăn, vướng mắc",
);
pub(crate) const PROPOSALS: FieldDef = f(
    "proposals",
    "proposals",
    FieldKind::Long,
    "Đề xuất, kiến nghị",
);

const ACTIVITY: &[FieldDef] = &[
    STATUS,
    REASON,
    DONE_ON,
    OUTPUT,
    ACHIEVED,
    ACHIEVED_UNIT,
    REACH,
    NOTE,
];
const SPENDING: &[FieldDef] = &[SPENT, NOTE];
const OBJECTIVE: &[FieldDef] = &[ACTUAL, NOTE];
const REPORT: &[FieldDef] = &[REPORT_NUMBER, REPORT_DATE, DIFFICULTIES, PROPOSALS];
