//! The views of what the plans do: every activity across units (by month,
//! stage and channel), and the policies with a major impact (Decision
//! 407/QĐ-TTg) with their draft document, their activities per stage and
//! their consultation.

use crate::check::is_consultation;
use crate::plan::{Activity, PlanDocument, Policy, Stage};
use crate::schedule::{months_of, months_text};
use crate::text::{fold, shorten};

use super::super::query::{ColumnDef, FilterKind, Row, ViewKind, ViewSpec, stage_bit};
use super::{Plan, RowBuilder, ViewData, distinct_sorted, number, text};

/// The activities and the policies are filtered by unit, month, stage and channel.
const WHEN_AND_HOW: [FilterKind; 4] = [
    FilterKind::Unit,
    FilterKind::Month,
    FilterKind::Stage,
    FilterKind::Channel,
];

pub(in super::super) static ACTIVITIES: ViewSpec = ViewSpec {
    kind: ViewKind::Activities,
    columns: &[
        text("unit", "Đơn vị"),
        text("policy", "Chính sách"),
        number("stage", "Giai đoạn"),
        text("content", "Nội dung hoạt động"),
        text("channel", "Hình thức"),
        number("months", "Thời gian"),
        text("audience", "Đối tượng"),
        text("lead", "Đơn vị chủ trì"),
    ],
    filters: &WHEN_AND_HOW,
    money: false,
};

const STAGE_COLUMNS: [ColumnDef; 5] = [
    number("planning", "Hoạch định chủ trương"),
    number("drafting", "Xây dựng"),
    number("finalising", "Hoàn thiện"),
    number("promulgation", "Ban hành"),
    number("implementation", "Thực thi"),
];

pub(in super::super) static POLICIES: ViewSpec = ViewSpec {
    kind: ViewKind::Policies,
    columns: &[
        text("unit", "Đơn vị"),
        text("policy", "Chính sách"),
        text("draftDocument", "Dự thảo văn bản"),
        STAGE_COLUMNS[0],
        STAGE_COLUMNS[1],
        STAGE_COLUMNS[2],
        STAGE_COLUMNS[3],
        STAGE_COLUMNS[4],
        number("consultation", "Lấy ý kiến, tham vấn"),
    ],
    filters: &WHEN_AND_HOW,
    money: false,
};

/// The place of `stage` in the lifecycle (for sorting), none last.
fn stage_rank(stage: Option<Stage>) -> i64 {
    stage
        .and_then(|s| Stage::ALL.iter().position(|x| *x == s))
        .map_or(i64::MAX, |i| i64::try_from(i).unwrap_or(i64::MAX))
}

/// Months as the bits of [`Row::months`].
fn month_bits(months: &[u8]) -> u16 {
    months.iter().fold(0, |bits, m| bits | (1 << m))
}

/// The title of the policy an activity serves, or "Hoạt động chung".
fn policy_title(doc: &PlanDocument, a: &Activity) -> String {
    a.policy_id
        .and_then(|id| doc.policies.iter().find(|p| p.id == id))
        .map_or_else(|| "Hoạt động chung".to_string(), |p| p.title.clone())
}

fn activity_row(plan: &Plan<'_>, a: &Activity) -> Row {
    let doc = &plan.received.doc;
    let months = months_of(a, doc.year);
    let channel = doc.channel_name(a.channel_id).unwrap_or_default();
    RowBuilder::new(format!("{}-a{}", plan.key, a.id), plan.unit_id)
        .text(plan.unit_name)
        .text(policy_title(doc, a))
        .number(
            a.stage.map(|s| s.label_vi()).unwrap_or_default(),
            stage_rank(a.stage),
        )
        .text(a.content.trim())
        .text(channel)
        .number(
            months_text(&months),
            months.first().map_or(i64::MAX, |m| i64::from(*m)),
        )
        .text(a.audience.trim())
        .text(a.lead_unit.trim())
        .at(
            month_bits(&months),
            a.stage.map_or(0, stage_bit),
            vec![fold(channel)],
        )
        .build()
}

/// Every activity of every plan, unit by unit in the plan's order.
pub(super) fn activities(plans: &[Plan<'_>]) -> ViewData {
    let rows = plans
        .iter()
        .flat_map(|plan| {
            plan.received
                .doc
                .activities
                .iter()
                .map(move |a| activity_row(plan, a))
        })
        .collect();
    let channels = distinct_sorted(plans.iter().flat_map(|p| {
        let doc = &p.received.doc;
        doc.activities
            .iter()
            .filter_map(|a| doc.channel_name(a.channel_id))
    }));
    ViewData { rows, channels }
}

/// A stage's cell: "Không áp dụng", or how many activities it has.
fn stage_cell(doc: &PlanDocument, p: &Policy, stage: Stage) -> (String, i64) {
    if p.stages
        .iter()
        .any(|s| s.stage == stage && s.not_applicable)
    {
        return ("Không áp dụng".to_string(), -1);
    }
    let n = doc.activities_of(p.id, stage).count();
    let n = i64::try_from(n).unwrap_or(i64::MAX);
    (n.to_string(), n)
}

/// The consultation activities of a policy, named; "Chưa có" without any.
fn consultation_cell(doc: &PlanDocument, consulting: &[&Activity]) -> String {
    if consulting.is_empty() {
        return "Chưa có".to_string();
    }
    consulting
        .iter()
        .map(|a| {
            let stage = a.stage.map(|s| s.label_vi()).unwrap_or_default();
            let what = shorten(&a.content, 90);
            let months = months_text(&months_of(a, doc.year));
            match (stage.is_empty(), months.is_empty()) {
                (true, true) => what,
                (false, true) => format!("{what} ({stage})"),
                (true, false) => format!("{what} ({months})"),
                (false, false) => format!("{what} ({stage}, {months})"),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn policy_row(plan: &Plan<'_>, p: &Policy) -> Row {
    let doc = &plan.received.doc;
    let own: Vec<&Activity> = doc
        .activities
        .iter()
        .filter(|a| a.policy_id == Some(p.id))
        .collect();
    let consulting: Vec<&Activity> = own
        .iter()
        .copied()
        .filter(|a| is_consultation(doc, a))
        .collect();
    let mut row = RowBuilder::new(format!("{}-p{}", plan.key, p.id), plan.unit_id)
        .text(plan.unit_name)
        .text(p.title.trim())
        .text(p.draft_document.trim());
    for stage in Stage::ALL {
        let (cell, n) = stage_cell(doc, p, stage);
        row = row.number(cell, n);
    }
    let n = i64::try_from(consulting.len()).unwrap_or(i64::MAX);
    row.number(consultation_cell(doc, &consulting), n)
        .at(
            own.iter()
                .fold(0, |bits, a| bits | month_bits(&months_of(a, doc.year))),
            own.iter()
                .fold(0, |bits, a| bits | a.stage.map_or(0, stage_bit)),
            own.iter()
                .filter_map(|a| doc.channel_name(a.channel_id))
                .map(fold)
                .collect(),
        )
        .build()
}

/// The policies of a plan with a major impact.
fn major<'a>(plan: &Plan<'a>) -> Vec<&'a Policy> {
    plan.received
        .doc
        .policies
        .iter()
        .filter(|p| p.major_impact)
        .collect()
}

/// Every policy with a major impact, unit by unit in the plan's order.
pub(super) fn policies(plans: &[Plan<'_>]) -> ViewData {
    let rows = plans
        .iter()
        .flat_map(|plan| major(plan).into_iter().map(move |p| policy_row(plan, p)))
        .collect();
    let channels = distinct_sorted(plans.iter().flat_map(|plan| {
        let doc = &plan.received.doc;
        major(plan).into_iter().flat_map(move |p| {
            doc.activities
                .iter()
                .filter(move |a| a.policy_id == Some(p.id))
                .filter_map(|a| doc.channel_name(a.channel_id))
        })
    }));
    ViewData { rows, channels }
}
