//! The results report of one period, computed once from the plan and what
//! was recorded ([`report`]): the activities planned in the period and where
//! each stands, counted per policy and stage; the indicators; the budget
//! approved against spent; the officer's texts. The PDF, the workbook and the
//! screens only lay it out.
//!
//! An activity is planned in a period when one of its months
//! ([`crate::schedule::months_of`]) is up to the period's last; one of no
//! month counts in the year only. The computed indicators count done
//! activities planned in the period: press conferences (the checker's
//! recogniser; each counts the number achieved when recorded, else one per
//! month it was planned in the period), months with information given to the
//! press (a press conference, an activity of a press channel, regular
//! information: the checker's recognisers), the share of major-impact
//! policies whose proposal stage applies that have a done activity of that
//! stage (Stage::Planning), the share of activities done.

use std::collections::BTreeSet;

use super::{
    ActivityLine, ActivityResult, ActivityStatus, IndicatorLine, IndicatorMeasure, Period,
    PlanResults, PolicyResults, ReportTexts, ResultsReport, SpendingLine, StageResults,
    StatusCounts,
};
use crate::budget::approved_sum;
use crate::money::{group, sum};
use crate::plan::{Activity, Objective, PlanDocument, Stage};
use crate::schedule::{months_of, months_text};

/// True when `activity` is planned in `period` of `year`.
pub fn planned_in(activity: &Activity, year: i32, period: Period) -> bool {
    match months_of(activity, year).first() {
        Some(first) => *first <= period.last_month(),
        None => period == Period::Year,
    }
}

/// The months of `activity` in `period` of `year`.
fn months_in(activity: &Activity, year: i32, period: Period) -> Vec<u8> {
    let mut months = months_of(activity, year);
    months.retain(|m| *m <= period.last_month());
    months
}

impl StatusCounts {
    fn add(&mut self, status: ActivityStatus) {
        self.planned += 1;
        match status {
            ActivityStatus::NotStarted => self.not_started += 1,
            ActivityStatus::InProgress => self.in_progress += 1,
            ActivityStatus::Done => self.done += 1,
            ActivityStatus::Cancelled => self.cancelled += 1,
        }
    }
}

impl PlanResults {
    /// What was recorded of activity `id`, if anything.
    pub fn activity(&self, id: i64) -> Option<&ActivityResult> {
        self.activities.iter().find(|r| r.activity_id == id)
    }

    /// Where activity `id` stands: not started until something is recorded.
    pub fn status_of(&self, id: i64) -> ActivityStatus {
        self.activity(id).map(|r| r.status).unwrap_or_default()
    }
}

/// The plan's activities in the order the report lists them: each policy's
/// by stage, then those of no stage, then those of the plan as a whole.
fn in_report_order(doc: &PlanDocument) -> Vec<&Activity> {
    let mut out: Vec<&Activity> = Vec::with_capacity(doc.activities.len());
    for p in &doc.policies {
        for stage in Stage::ALL {
            out.extend(doc.activities_of(p.id, stage));
        }
        out.extend(
            doc.activities
                .iter()
                .filter(|a| a.policy_id == Some(p.id) && a.stage.is_none()),
        );
    }
    let listed: BTreeSet<i64> = out.iter().map(|a| a.id).collect();
    out.extend(doc.activities.iter().filter(|a| !listed.contains(&a.id)));
    out
}

/// The results report of `period` of the plan `doc`, from what was recorded.
pub fn report(doc: &PlanDocument, results: &PlanResults, period: Period) -> ResultsReport {
    let planned: Vec<&Activity> = in_report_order(doc)
        .into_iter()
        .filter(|a| planned_in(a, doc.year, period))
        .collect();
    let mut counts = StatusCounts::default();
    let mut general = StatusCounts::default();
    for a in &planned {
        let status = results.status_of(a.id);
        counts.add(status);
        if a.policy_id.is_none() {
            general.add(status);
        }
    }
    let (total_approved, total_spent, spending) = spending(doc, results);
    ResultsReport {
        period,
        year: doc.year,
        plan_reference: plan_reference(doc),
        texts: results
            .reports
            .iter()
            .find(|t| t.period == period)
            .cloned()
            .unwrap_or_else(|| empty_texts(period)),
        counts,
        policies: policies(doc, results, &planned),
        general,
        activities: planned.iter().map(|a| line(doc, results, a)).collect(),
        indicators: doc
            .objectives
            .iter()
            .map(|o| indicator(doc, results, period, &planned, o))
            .collect(),
        spending,
        total_approved,
        total_spent,
    }
}

fn empty_texts(period: Period) -> ReportTexts {
    ReportTexts {
        period,
        number: String::new(),
        issue_date: String::new(),
        difficulties: String::new(),
        proposals: String::new(),
    }
}

/// "Kế hoạch số 12/KH-SNNMT ngày 05/01/2026 của Sở …", or unnumbered
/// "Kế hoạch truyền thông chính sách năm 2026 của Sở …".
pub fn plan_reference(doc: &PlanDocument) -> String {
    let f = &doc.fields;
    let unit = doc.unit.name.trim();
    if f.number.trim().is_empty() {
        let title = match f.title.trim() {
            "" => format!("Truyền thông chính sách năm {}", doc.year),
            t => t.to_string(),
        };
        let mut chars = title.chars();
        let title: String = chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default();
        return format!("Kế hoạch {title} của {unit}");
    }
    let mut out = format!("Kế hoạch số {}", f.number.trim());
    if !f.symbol.trim().is_empty() {
        out.push_str(&format!("/{}", f.symbol.trim()));
    }
    if crate::dates::parse_iso(&f.issue_date).is_some() {
        out.push_str(&format!(" ngày {}", crate::dates::format_vi(&f.issue_date)));
    }
    format!("{out} của {unit}")
}

fn policies(
    doc: &PlanDocument,
    results: &PlanResults,
    planned: &[&Activity],
) -> Vec<PolicyResults> {
    doc.policies
        .iter()
        .map(|p| {
            let mut counts = StatusCounts::default();
            let stages = Stage::ALL
                .into_iter()
                .map(|stage| {
                    let mut c = StatusCounts::default();
                    for a in planned
                        .iter()
                        .filter(|a| a.policy_id == Some(p.id) && a.stage == Some(stage))
                    {
                        c.add(results.status_of(a.id));
                    }
                    StageResults { stage, counts: c }
                })
                .collect();
            for a in planned.iter().filter(|a| a.policy_id == Some(p.id)) {
                counts.add(results.status_of(a.id));
            }
            PolicyResults {
                title: p.title.clone(),
                major_impact: p.major_impact,
                stages,
                counts,
            }
        })
        .collect()
}

/// A count as documents write it: "03", "12", "1.200".
pub(crate) fn count_text(n: i64) -> String {
    if (0..10).contains(&n) {
        format!("{n:02}")
    } else {
        group(n)
    }
}

fn line(doc: &PlanDocument, results: &PlanResults, a: &Activity) -> ActivityLine {
    let r = results.activity(a.id);
    let status = r.map(|r| r.status).unwrap_or_default();
    let achieved = r
        .map(|r| {
            let count = r.achieved.map(|n| {
                format!("{} {}", count_text(n), r.achieved_unit)
                    .trim_end()
                    .to_string()
            });
            let reach = r.reach.map(|n| format!("{} lượt người", group(n)));
            [count, reach, Some(r.output.clone())]
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("; ")
        })
        .unwrap_or_default();
    let note = match (status, r) {
        (ActivityStatus::Cancelled, Some(r)) => r.reason.clone(),
        (_, Some(r)) => r.note.clone(),
        (_, None) => String::new(),
    };
    ActivityLine {
        activity_id: a.id,
        policy: a
            .policy_id
            .and_then(|id| doc.policies.iter().find(|p| p.id == id))
            .map(|p| p.title.clone())
            .unwrap_or_default(),
        stage: a.stage,
        content: a.content.clone(),
        planned_when: months_text(&months_of(a, doc.year)),
        target: a.target.clone(),
        status,
        done_on: r
            .map(|r| crate::dates::format_vi(&r.done_on))
            .unwrap_or_default(),
        achieved,
        note,
    }
}

/// `part` of `whole` in whole percent, rounded half up; `None` of nothing.
fn percent(part: usize, whole: usize) -> Option<i64> {
    let (part, whole) = (i64::try_from(part).ok()?, i64::try_from(whole).ok()?);
    (whole > 0).then(|| (part * 200 + whole) / (whole * 2))
}

fn indicator(
    doc: &PlanDocument,
    results: &PlanResults,
    period: Period,
    planned: &[&Activity],
    o: &Objective,
) -> IndicatorLine {
    let recorded = results.objectives.iter().find(|r| r.objective_id == o.id);
    let actual = match o.measure {
        IndicatorMeasure::Manual => recorded.and_then(|r| r.actual),
        measure => computed(doc, results, period, planned, measure),
    };
    IndicatorLine {
        objective_id: o.id,
        name: o.name.clone(),
        unit: o.unit.clone(),
        target: o.target,
        actual,
        computed: o.measure.is_computed(),
        note: recorded.map(|r| r.note.clone()).unwrap_or_default(),
    }
}

/// The actual value of a computed indicator over `period`, whether or not
/// the plan has it as an objective; `None` for [`IndicatorMeasure::Manual`].
pub(crate) fn measured(
    doc: &PlanDocument,
    results: &PlanResults,
    period: Period,
    measure: IndicatorMeasure,
) -> Option<i64> {
    let planned: Vec<&Activity> = doc
        .activities
        .iter()
        .filter(|a| planned_in(a, doc.year, period))
        .collect();
    computed(doc, results, period, &planned, measure)
}

/// The actual value of a computed indicator (see the module's doc).
fn computed(
    doc: &PlanDocument,
    results: &PlanResults,
    period: Period,
    planned: &[&Activity],
    measure: IndicatorMeasure,
) -> Option<i64> {
    let done: Vec<&Activity> = planned
        .iter()
        .copied()
        .filter(|a| results.status_of(a.id) == ActivityStatus::Done)
        .collect();
    match measure {
        IndicatorMeasure::Manual => None,
        IndicatorMeasure::ActivitiesDone => percent(done.len(), planned.len()),
        IndicatorMeasure::MajorPoliciesFromProposal => {
            // A policy whose proposal stage does not apply (proposed in an
            // earlier year, or needing none) is not counted.
            let majors: Vec<i64> = doc
                .policies
                .iter()
                .filter(|p| {
                    p.major_impact
                        && !p
                            .stages
                            .iter()
                            .any(|s| s.stage == Stage::Planning && s.not_applicable)
                })
                .map(|p| p.id)
                .collect();
            let reached = majors
                .iter()
                .filter(|id| {
                    done.iter()
                        .any(|a| a.policy_id == Some(**id) && a.stage == Some(Stage::Planning))
                })
                .count();
            percent(reached, majors.len())
        }
        IndicatorMeasure::PressConferences => {
            let held = done
                .iter()
                .filter(|a| crate::check::is_press_conference(doc, a))
                .map(|a| {
                    let recorded = results.activity(a.id).and_then(|r| r.achieved);
                    recorded.unwrap_or_else(|| {
                        i64::try_from(months_in(a, doc.year, period).len().max(1)).unwrap_or(1)
                    })
                });
            Some(held.fold(0i64, i64::saturating_add))
        }
        IndicatorMeasure::MonthlyPressInformation => {
            let months: BTreeSet<u8> = done
                .iter()
                .filter(|a| crate::check::gives_press_information(doc, a))
                .flat_map(|a| months_in(a, doc.year, period))
                .collect();
            i64::try_from(months.len()).ok()
        }
    }
}

/// The approved total by `approved_sum`'s rule, the total spent (none while
/// nothing is recorded) and each budget line approved against spent.
fn spending(
    doc: &PlanDocument,
    results: &PlanResults,
) -> (
    Option<crate::money::Money>,
    Option<crate::money::Money>,
    Vec<SpendingLine>,
) {
    let lines: Vec<SpendingLine> = doc
        .budget_lines
        .iter()
        .map(|l| {
            let recorded = results.spending.iter().find(|s| s.budget_line_id == l.id);
            SpendingLine {
                budget_line_id: l.id,
                category: l
                    .category_id
                    .and_then(|id| doc.budget_categories.iter().find(|c| c.id == id))
                    .map(|c| c.name.clone())
                    .unwrap_or_default(),
                description: l.description.clone(),
                proposed: l.amount,
                approved: l.approved,
                spent: recorded.map(|s| s.spent),
                note: recorded.map(|s| s.note.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let spent: Vec<_> = lines.iter().filter_map(|l| l.spent).collect();
    let total_spent = if spent.is_empty() {
        None
    } else {
        sum(spent).ok()
    };
    let total_approved = approved_sum(&doc.budget_lines).ok().flatten();
    (total_approved, total_spent, lines)
}
