//! What was done: the results of an approved plan (Directive 07/CT-TTg's cycle
//! closes with a results report, BÁO CÁO kết quả thực hiện).
//!
//! An approved plan stays locked; what was done is kept beside it, dated, with
//! its own history: per activity a [`ActivityResult`], per budget line a
//! [`LineSpending`], per objective of the plan an [`ObjectiveResult`] (its
//! actual value where it cannot be computed), and per reporting period the
//! report's own texts ([`ReportTexts`]). [`PlanResults`] is all of it for one
//! plan, as the store reads it and as a plan file carries it.
//!
//! The objectives themselves ([`crate::plan::Objective`]) are plan content:
//! drafted, reviewed and locked with the plan.
//!
//! Layout: this module holds the types; `validate` what a record becomes when
//! stored (and who may record); `fields` the recorded fields with their
//! labels; `history` the history of records as people read it; `report` the
//! results report's types and `compute` the report itself ([`report`]);
//! `summary` last year's key figures for the next year's plan
//! ([`previous_year_summary`]); `edit` a change as the results screen sends it
//! and that screen's view; the checks of what was recorded are the
//! checker's ([`check_results`]).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::money::Money;

/// Where an activity stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum ActivityStatus {
    /// Chưa thực hiện.
    #[default]
    NotStarted,
    /// Đang thực hiện.
    InProgress,
    /// Hoàn thành.
    Done,
    /// Không thực hiện (with a reason).
    Cancelled,
}

impl ActivityStatus {
    pub const ALL: [ActivityStatus; 4] = [
        ActivityStatus::NotStarted,
        ActivityStatus::InProgress,
        ActivityStatus::Done,
        ActivityStatus::Cancelled,
    ];

    /// The Vietnamese name, as screens and reports write it.
    pub fn label_vi(self) -> &'static str {
        match self {
            ActivityStatus::NotStarted => "Chưa thực hiện",
            ActivityStatus::InProgress => "Đang thực hiện",
            ActivityStatus::Done => "Hoàn thành",
            ActivityStatus::Cancelled => "Không thực hiện",
        }
    }
}

/// What was done of one activity of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ActivityResult {
    #[ts(type = "number")]
    pub activity_id: i64,
    pub status: ActivityStatus,
    /// Why it was not done; required when the status is `Cancelled`, empty otherwise.
    pub reason: String,
    /// When it was done (or finished), yyyy-mm-dd; empty when not known.
    pub done_on: String,
    /// Sản phẩm đạt được, as the officer writes it.
    pub output: String,
    /// The number achieved, counted in `achieved_unit` (the unit of the activity's
    /// target where the target states a count, e.g. "hội nghị" of "03 hội nghị").
    #[ts(type = "number | null")]
    pub achieved: Option<i64>,
    pub achieved_unit: String,
    /// How many people it reached (lượt người), when known.
    #[ts(type = "number | null")]
    pub reach: Option<i64>,
    /// A note or the reference of a document that shows it (số, ký hiệu văn bản).
    pub note: String,
    /// When it was last recorded (RFC 3339, UTC).
    pub recorded_at: String,
}

impl ActivityResult {
    /// A record that activity `activity_id` stands at `status`, nothing else
    /// said yet.
    pub fn new(activity_id: i64, status: ActivityStatus) -> ActivityResult {
        ActivityResult {
            activity_id,
            status,
            reason: String::new(),
            done_on: String::new(),
            output: String::new(),
            achieved: None,
            achieved_unit: String::new(),
            reach: None,
            note: String::new(),
            recorded_at: String::new(),
        }
    }
}

/// What was spent of one budget line, against its approved amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct LineSpending {
    #[ts(type = "number")]
    pub budget_line_id: i64,
    /// Whole đồng, the same rules as every amount.
    pub spent: Money,
    /// Required when more is spent than was approved.
    pub note: String,
    pub recorded_at: String,
}

/// The actual value of an objective whose indicator is not computed from what
/// was recorded ([`IndicatorMeasure::Manual`]), or a note on a computed one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ObjectiveResult {
    #[ts(type = "number")]
    pub objective_id: i64,
    #[ts(type = "number | null")]
    pub actual: Option<i64>,
    pub note: String,
    pub recorded_at: String,
}

/// A results report's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Period {
    /// 6 tháng đầu năm: January to June.
    FirstHalf,
    /// Cả năm.
    Year,
}

impl Period {
    pub const ALL: [Period; 2] = [Period::FirstHalf, Period::Year];

    /// The last month the period covers.
    pub fn last_month(self) -> u8 {
        match self {
            Period::FirstHalf => 6,
            Period::Year => 12,
        }
    }

    /// "6 tháng đầu năm 2026", "năm 2026".
    pub fn label_vi(self, year: i32) -> String {
        match self {
            Period::FirstHalf => format!("6 tháng đầu năm {year}"),
            Period::Year => format!("năm {year}"),
        }
    }
}

/// The texts of one period's report the officer writes: its number and date
/// (the same rules as the plan's), difficulties and proposals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ReportTexts {
    pub period: Period,
    /// Số, e.g. "45" of "Số: 45/BC-SVHTTDL"; empty until numbered.
    pub number: String,
    /// Ngày ban hành, yyyy-mm-dd; empty until issued.
    pub issue_date: String,
    /// Khó khăn, vướng mắc.
    pub difficulties: String,
    /// Đề xuất, kiến nghị.
    pub proposals: String,
}

/// Everything recorded of one plan's year.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct PlanResults {
    pub activities: Vec<ActivityResult>,
    pub spending: Vec<LineSpending>,
    pub objectives: Vec<ObjectiveResult>,
    pub reports: Vec<ReportTexts>,
}

impl PlanResults {
    /// True while nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.activities.is_empty()
            && self.spending.is_empty()
            && self.objectives.is_empty()
            && self.reports.is_empty()
    }
}

/// How an objective's actual value is obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum IndicatorMeasure {
    /// Entered by the officer ([`ObjectiveResult::actual`]).
    #[default]
    Manual,
    /// The share (%) of the plan's major-impact policies with a done activity
    /// from the proposal stage on (Decision 407/QĐ-TTg's target is 100 %),
    /// of those whose proposal stage applies.
    MajorPoliciesFromProposal,
    /// Press conferences held (done activities that are press conferences).
    PressConferences,
    /// Months in which press information was given (done activities of
    /// information to the press).
    MonthlyPressInformation,
    /// The share (%) of the plan's activities done.
    ActivitiesDone,
}

impl IndicatorMeasure {
    pub const ALL: [IndicatorMeasure; 5] = [
        IndicatorMeasure::Manual,
        IndicatorMeasure::MajorPoliciesFromProposal,
        IndicatorMeasure::PressConferences,
        IndicatorMeasure::MonthlyPressInformation,
        IndicatorMeasure::ActivitiesDone,
    ];

    /// How the actual value is obtained, as the editor and the diff name it.
    pub fn label_vi(self) -> &'static str {
        match self {
            IndicatorMeasure::Manual => "Nhập kết quả thực hiện",
            IndicatorMeasure::MajorPoliciesFromProposal => {
                "Tỷ lệ chính sách có tác động lớn được truyền thông từ khâu đề xuất"
            }
            IndicatorMeasure::PressConferences => "Số cuộc họp báo đã tổ chức",
            IndicatorMeasure::MonthlyPressInformation => {
                "Số tháng có cung cấp thông tin cho báo chí"
            }
            IndicatorMeasure::ActivitiesDone => "Tỷ lệ hoạt động đã hoàn thành",
        }
    }

    /// True when the actual value is computed from what was recorded of the
    /// activities, not entered.
    pub fn is_computed(self) -> bool {
        self != IndicatorMeasure::Manual
    }
}

mod compute;
mod edit;
mod fields;
mod history;
mod report;
mod summary;
#[cfg(test)]
pub(crate) mod tests;
mod validate;

pub use crate::check::check_results;
pub use compute::{plan_reference, planned_in, report};
pub use edit::{Record, RecordKind, ResultEdit, ResultField, ResultsView, edited, view};
pub use history::{RecordedChange, ResultChange, changes};
pub use report::{
    ActivityLine, IndicatorLine, PolicyResults, ResultsReport, SpendingLine, StageResults,
    StatusCounts,
};
pub use summary::previous_year_summary;
pub use validate::{
    activity_result, default_unit, line_spending, objective_result, recording_allowed,
    recording_closed_error, report_allowed, report_texts,
};

pub mod documents;
pub mod xlsx;
