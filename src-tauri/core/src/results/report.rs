//! The results report of one period as documents show it: planned against done
//! per policy and stage, the indicators, the budget approved against spent, and
//! the officer's texts. Computed once here ([`super::report`]); the PDF, the
//! workbook and the screens only lay it out.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ActivityStatus, Period, ReportTexts};
use crate::money::Money;
use crate::plan::Stage;

/// How many of a set of planned activities stand where.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct StatusCounts {
    pub planned: u32,
    pub done: u32,
    pub in_progress: u32,
    pub cancelled: u32,
    pub not_started: u32,
}

/// One stage of one policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct StageResults {
    pub stage: Stage,
    pub counts: StatusCounts,
}

/// One policy of the plan with its activities' counts per stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct PolicyResults {
    pub title: String,
    pub major_impact: bool,
    /// The five stages, in order.
    pub stages: Vec<StageResults>,
    pub counts: StatusCounts,
}

/// One planned activity of the period and what was done of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ActivityLine {
    #[ts(type = "number")]
    pub activity_id: i64,
    /// The policy's title; empty for an activity of the plan as a whole.
    pub policy: String,
    pub stage: Option<Stage>,
    pub content: String,
    /// When it was planned, as written ("Tháng 3, 6, 9").
    pub planned_when: String,
    pub target: String,
    pub status: ActivityStatus,
    /// dd/mm/yyyy or empty.
    pub done_on: String,
    /// What was achieved as written: "03 hội nghị; 1.200 lượt người; …".
    pub achieved: String,
    /// The reason it was not done, or the officer's note.
    pub note: String,
}

/// One objective of the plan: its target and its actual value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct IndicatorLine {
    #[ts(type = "number")]
    pub objective_id: i64,
    pub name: String,
    /// "%", "cuộc", "tháng" …
    pub unit: String,
    #[ts(type = "number | null")]
    pub target: Option<i64>,
    /// `None` while it is neither computed nor entered.
    #[ts(type = "number | null")]
    pub actual: Option<i64>,
    /// True when computed from what was recorded, false when entered.
    pub computed: bool,
    pub note: String,
}

/// One budget line: approved against spent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SpendingLine {
    #[ts(type = "number")]
    pub budget_line_id: i64,
    /// The line's category, "" when it has none.
    pub category: String,
    pub description: String,
    pub proposed: Money,
    pub approved: Option<Money>,
    /// `None` while nothing is recorded.
    pub spent: Option<Money>,
    pub note: String,
}

/// The results report of one period of one plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ResultsReport {
    pub period: Period,
    pub year: i32,
    /// "Kế hoạch số 12/KH-SVHTTDL ngày 05/01/2026 của Sở …" or, unnumbered,
    /// "Kế hoạch truyền thông chính sách năm 2026 của Sở …".
    pub plan_reference: String,
    pub texts: ReportTexts,
    /// Every activity planned in the period (a month up to the period's last;
    /// an activity of no month counts in the year).
    pub counts: StatusCounts,
    pub policies: Vec<PolicyResults>,
    /// Activities of the plan as a whole (no policy).
    pub general: StatusCounts,
    pub activities: Vec<ActivityLine>,
    pub indicators: Vec<IndicatorLine>,
    pub spending: Vec<SpendingLine>,
    /// `budget::approved_sum`'s rule: `None` while no line has an approved amount.
    pub total_approved: Option<Money>,
    /// `None` while nothing is recorded as spent.
    pub total_spent: Option<Money>,
}
