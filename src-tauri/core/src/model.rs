//! The plan model, as far as it has been built, and the validation of what the
//! user enters for it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{AppError, Result};
use crate::text::{MAX_FIELD_CHARS, clean};

/// Years a plan may be made for.
pub const YEAR_RANGE: std::ops::RangeInclusive<i32> = 2000..=2100;

/// An issuing unit (đơn vị): a department, a board or a People's Committee.
/// Units are the user's data: seeded from `assets/units.json`, editable in the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Unit {
    #[ts(type = "number")]
    pub id: i64,
    /// e.g. "Sở Văn hóa, Thể thao và Du lịch".
    pub name: String,
    /// The body it belongs to, e.g. "Ủy ban nhân dân tỉnh Gia Lai".
    pub parent_body: String,
    /// The abbreviation used in document symbols, e.g. "SVHTTDL" in "12/KH-SVHTTDL".
    pub abbreviation: String,
}

/// What the user enters to add or change a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct UnitInput {
    pub name: String,
    pub parent_body: String,
    pub abbreviation: String,
}

impl UnitInput {
    /// The input in its stored form, or a Vietnamese message saying what is wrong.
    pub fn validated(&self) -> Result<UnitInput> {
        let name = clean(&self.name);
        if name.is_empty() {
            return Err(AppError::validation("Hãy nhập tên đơn vị."));
        }
        let parent_body = clean(&self.parent_body);
        let abbreviation = clean(&self.abbreviation);
        for (label, value) in [
            ("Tên đơn vị", &name),
            ("Cơ quan chủ quản", &parent_body),
            ("Chữ viết tắt", &abbreviation),
        ] {
            if value.chars().count() > 500 {
                return Err(AppError::validation(format!(
                    "{label} quá dài (tối đa 500 ký tự)."
                )));
            }
        }
        crate::text::refuse_emoji("Tên đơn vị", &name)?;
        crate::text::refuse_emoji("Cơ quan chủ quản", &parent_body)?;
        crate::text::refuse_emoji("Chữ viết tắt", &abbreviation)?;
        if abbreviation.chars().any(char::is_whitespace) {
            return Err(AppError::validation(
                "Chữ viết tắt không được chứa dấu cách (ví dụ: SVHTTDL).",
            ));
        }
        Ok(UnitInput {
            name,
            parent_body,
            abbreviation,
        })
    }
}

/// Where a plan is in its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum PlanStatus {
    Draft,
    Submitted,
    Returned,
    Resubmitted,
    Approved,
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 5] = [
        PlanStatus::Draft,
        PlanStatus::Submitted,
        PlanStatus::Returned,
        PlanStatus::Resubmitted,
        PlanStatus::Approved,
    ];

    /// The Vietnamese name, for the CLI and documents.
    pub fn label_vi(self) -> &'static str {
        match self {
            PlanStatus::Draft => "Dự thảo",
            PlanStatus::Submitted => "Đã trình",
            PlanStatus::Returned => "Trả lại",
            PlanStatus::Resubmitted => "Trình lại",
            PlanStatus::Approved => "Đã phê duyệt",
        }
    }
}

/// One plan as the plan list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct PlanSummary {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub unit_id: i64,
    pub unit_name: String,
    pub year: i32,
    pub status: PlanStatus,
    pub title: String,
    /// When it was last changed, ISO 8601 in UTC.
    pub updated_at: String,
    /// Received in a plan file from another unit (listed under “Hồ sơ nhận được”).
    pub received: bool,
    /// A received plan: the newest revision received (`None` for a received draft or an own plan).
    #[ts(type = "number | null")]
    pub received_revision: Option<i64>,
    /// A received plan: when its newest file was opened, RFC 3339.
    pub received_at: Option<String>,
    /// A received plan: the reviewer's decision on its newest revision, if taken.
    pub decision: Option<crate::review::ReviewAction>,
}

/// What the user enters to start a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct NewPlan {
    #[ts(type = "number")]
    pub unit_id: i64,
    pub year: i32,
}

impl NewPlan {
    pub fn validate(&self) -> Result<()> {
        validate_year(self.year)
    }

    /// The title a new plan starts with; the user may change it. It is the
    /// subject printed under "KẾ HOẠCH", so it does not repeat that word.
    pub fn default_title(&self) -> String {
        format!("Truyền thông chính sách năm {}", self.year)
    }

    /// The symbol a new plan of `unit` starts with: "KH-" and the unit's
    /// abbreviation (Decree 30/2020/NĐ-CP, Appendix III), or nothing.
    pub fn default_symbol(unit: &Unit) -> String {
        if unit.abbreviation.trim().is_empty() {
            String::new()
        } else {
            format!("KH-{}", unit.abbreviation.trim())
        }
    }
}

impl Unit {
    /// The province or centrally-run city the unit belongs to, read from its
    /// parent body or, for the provincial People's Committee itself, its own
    /// name ("Ủy ban nhân dân tỉnh Gia Lai" → "Gia Lai"); a new plan's place
    /// of issue starts as this. None when neither names one.
    pub fn province(&self) -> Option<String> {
        [&self.parent_body, &self.name]
            .into_iter()
            .find_map(|body| province_in(body))
    }
}

/// What follows the last "tỉnh" or "thành phố" in `body`, if anything does.
fn province_in(body: &str) -> Option<String> {
    let words: Vec<&str> = body.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let start = (0..words.len())
        .rev()
        .find(|&i| lower[i] == "tỉnh" || (lower[i] == "phố" && i > 0 && lower[i - 1] == "thành"))?
        + 1;
    let name = words.get(start..)?.join(" ");
    (!name.is_empty()).then_some(name)
}

pub fn validate_year(year: i32) -> Result<()> {
    if YEAR_RANGE.contains(&year) {
        Ok(())
    } else {
        Err(AppError::validation(format!(
            "Năm kế hoạch phải từ {} đến {}.",
            YEAR_RANGE.start(),
            YEAR_RANGE.end()
        )))
    }
}

/// Checks the length of a free text field, naming the field in the message.
pub fn validate_length(label: &str, value: &str) -> Result<()> {
    if value.chars().count() > MAX_FIELD_CHARS {
        return Err(AppError::validation(format!(
            "{label} quá dài (tối đa {MAX_FIELD_CHARS} ký tự)."
        )));
    }
    Ok(())
}

/// The parts of a plan, in the order the editor walks through them
/// (DESIGN.md, "What a plan holds").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Step {
    /// Issuing unit, number and symbol, place and date, legal bases, purposes.
    General,
    /// Policies and their five lifecycle stages.
    Policies,
    /// Communication activities.
    Activities,
    /// Leader in charge, spokesperson, focal officers, training.
    Staffing,
    /// Partner press agencies and orders placed with them.
    Press,
    /// Public disclosure, monitoring, false information, crisis handling.
    Monitoring,
    /// Budget estimate.
    Budget,
    /// Responsibilities of each unit, reporting.
    Implementation,
    /// Signer and recipients.
    Signature,
}

impl Step {
    pub const ALL: [Step; 9] = [
        Step::General,
        Step::Policies,
        Step::Activities,
        Step::Staffing,
        Step::Press,
        Step::Monitoring,
        Step::Budget,
        Step::Implementation,
        Step::Signature,
    ];

    /// The step's Vietnamese name, as the editor's side bar shows it.
    pub fn label_vi(self) -> &'static str {
        match self {
            Step::General => "Thông tin chung",
            Step::Policies => "Chính sách và giai đoạn",
            Step::Activities => "Hoạt động truyền thông",
            Step::Staffing => "Nhân sự",
            Step::Press => "Mạng lưới và báo chí",
            Step::Monitoring => "Công khai thông tin và theo dõi dư luận",
            Step::Budget => "Kinh phí",
            Step::Implementation => "Tổ chức thực hiện",
            Step::Signature => "Ký ban hành và nơi nhận",
        }
    }
}

/// A plan opened in the editor: everything in it, and what Rust decides about
/// it that the editor shows (how far each step is, the signature block, the
/// months of each activity), so that the UI never works these out itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct PlanView {
    pub document: crate::plan::PlanDocument,
    /// One entry per step, in the editor's order.
    pub progress: Vec<crate::progress::StepProgress>,
    /// Where the plan stands in its review (status, revision, open comments, banner).
    pub review: crate::review::ReviewState,
    pub signature: crate::signature::SignatureBlock,
    /// The months of the plan's year each activity takes place in ([`crate::schedule`]).
    pub months: Vec<crate::schedule::ActivityMonths>,
}

impl PlanView {
    pub fn new(document: crate::plan::PlanDocument, review: crate::review::ReviewState) -> Self {
        let (progress, signature, months) = decided(&document);
        PlanView {
            document,
            progress,
            review,
            signature,
            months,
        }
    }
}

/// What Rust decides about a plan that the editor shows beside it.
fn decided(
    doc: &crate::plan::PlanDocument,
) -> (
    Vec<crate::progress::StepProgress>,
    crate::signature::SignatureBlock,
    Vec<crate::schedule::ActivityMonths>,
) {
    (
        crate::progress::progress(doc),
        crate::signature::signature_block(&doc.fields),
        crate::schedule::plan_months(doc),
    )
}

/// What an edit of one field gives back: when it was saved, and what the edit
/// may have changed of what Rust decides (progress, signature block, months).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct PlanSaved {
    /// The value as it was stored (NFC, trimmed; a date as yyyy-mm-dd …).
    pub value: crate::edit::FieldValue,
    pub updated_at: String,
    pub progress: Vec<crate::progress::StepProgress>,
    pub signature: crate::signature::SignatureBlock,
    pub months: Vec<crate::schedule::ActivityMonths>,
    /// The budget line as stored after an edit of its quantity or one of its
    /// amounts (its amount worked out again); none after any other edit.
    pub line: Option<crate::budget::BudgetLine>,
}

impl PlanSaved {
    /// The plan as it is after an edit that stored `value`.
    pub fn of(doc: &crate::plan::PlanDocument, value: crate::edit::FieldValue) -> Self {
        let (progress, signature, months) = decided(doc);
        PlanSaved {
            value,
            updated_at: doc.updated_at.clone(),
            progress,
            signature,
            months,
            line: None,
        }
    }

    /// The same, with the budget line `line_id` of `doc` as stored.
    pub fn with_line(self, doc: &crate::plan::PlanDocument, line_id: i64) -> Self {
        let line = doc.budget_lines.iter().find(|l| l.id == line_id).cloned();
        PlanSaved { line, ..self }
    }

    /// An edit of a shared list, which belongs to no plan.
    pub fn outside_a_plan(value: crate::edit::FieldValue) -> Self {
        PlanSaved {
            value,
            updated_at: String::new(),
            progress: Vec::new(),
            signature: crate::signature::signature_block(&crate::plan::PlanFields::default()),
            months: Vec::new(),
            line: None,
        }
    }
}

/// A change to a list (add, delete, move, undo): the plan as it now is, and
/// for a deletion what is needed to undo it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct PlanChanged {
    pub view: PlanView,
    /// The id of the item added, if any.
    #[ts(type = "number | null")]
    pub added_id: Option<i64>,
    pub deleted: Option<crate::edit::Deleted>,
}

/// "Tạo từ kế hoạch năm trước": copy a plan into another year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct CopyPlan {
    #[ts(type = "number")]
    pub from_id: i64,
    pub year: i32,
}

/// What the app knows about its database, shown in the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct AppStatus {
    /// Where the database file is.
    pub database_path: String,
    /// True when nothing may be written (for instance a database from a newer version).
    pub read_only: bool,
    /// A Vietnamese notice to show on every screen, if any.
    pub notice: Option<AppError>,
    pub version: String,
    /// Set when the database failed its start-up check and was moved aside:
    /// the UI offers the newest good backup or a fresh start.
    pub recovery: Option<crate::backup::Recovery>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::Code;

    fn unit(name: &str, parent: &str, abbreviation: &str) -> Unit {
        Unit {
            id: 1,
            name: name.into(),
            parent_body: parent.into(),
            abbreviation: abbreviation.into(),
        }
    }

    #[test]
    fn a_new_plan_starts_with_the_units_province_and_symbol() {
        let department = unit("Sở Y tế", "Ủy ban nhân dân tỉnh Gia Lai", "SYT");
        assert_eq!(department.province().as_deref(), Some("Gia Lai"));
        assert_eq!(NewPlan::default_symbol(&department), "KH-SYT");
        let committee = unit("Ủy ban nhân dân tỉnh Gia Lai", "", "UBND");
        assert_eq!(committee.province().as_deref(), Some("Gia Lai"));
        let city = unit("Sở Tư pháp", "Ủy ban nhân dân Thành phố Hồ Chí Minh", "");
        assert_eq!(city.province().as_deref(), Some("Hồ Chí Minh"));
        assert_eq!(NewPlan::default_symbol(&city), "");
        assert_eq!(unit("Ban Dân tộc", "", "BDT").province(), None);
        assert_eq!(unit("Sở Y tế", "Ủy ban nhân dân tỉnh", "").province(), None);
    }

    #[test]
    fn year_out_of_range_is_refused_in_vietnamese() {
        let err = NewPlan {
            unit_id: 1,
            year: 1999,
        }
        .validate()
        .expect_err("1999 is out of range");
        assert_eq!(err.message, "Năm kế hoạch phải từ 2000 đến 2100.");
        assert!(
            NewPlan {
                unit_id: 1,
                year: 2027
            }
            .validate()
            .is_ok()
        );
    }

    #[test]
    fn unit_input_is_cleaned_and_checked() {
        let ok = UnitInput {
            name: "  Sở Tư pha\u{301}p ".into(),
            parent_body: "Ủy ban nhân dân tỉnh Gia Lai".into(),
            abbreviation: "STP".into(),
        }
        .validated()
        .expect("valid");
        assert_eq!(ok.name, "Sở Tư pháp");

        let empty = UnitInput {
            name: "   ".into(),
            parent_body: String::new(),
            abbreviation: String::new(),
        };
        assert_eq!(
            empty.validated().expect_err("empty").message,
            "Hãy nhập tên đơn vị."
        );
    }

    #[test]
    fn status_codes_round_trip() {
        for s in PlanStatus::ALL {
            assert_eq!(PlanStatus::from_code(s.code()), Some(s));
            let json = serde_json::to_string(&s).expect("serialise");
            assert_eq!(json, format!("\"{}\"", s.code()));
        }
        assert_eq!(PlanStatus::from_code("bogus"), None);
    }
}
