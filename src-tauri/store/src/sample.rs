//! The sample a new user can open (`commplan sample`, the app's sample
//! button): the 2027 plan of a provincial department
//! (`assets/sample-plan.json`) and, before it, the same unit's 2026 plan: the
//! sample moved to 2026 by the copy-into-year machinery (`moved_to_year`, its
//! texts speaking of the year before), numbered and dated, submitted and
//! approved through the review, with what was done of it recorded
//! (`assets/sample-results.json`). The 2027 plan opens with the summary of
//! those results.

use commplan_core::edit::{FieldKind, Scope};
use commplan_core::file::PlanFile;
use commplan_core::money::Money;
use commplan_core::results::{
    ActivityResult, ActivityStatus, LineSpending, ObjectiveResult, PlanResults, ReportTexts,
    previous_year_summary,
};
use commplan_core::{AppError, Entity, PlanDocument, PlanSummary};
use serde::Deserialize;
use serde_json::Value as Json;

use crate::import::{conflict_year, find_id, insert, moved_to_year, unit_id};
use crate::{Result, Store};

const SAMPLE: &str = include_str!("../../../assets/sample-plan.json");
const RESULTS: &str = include_str!("../../../assets/sample-results.json");

/// What was done of the sample's year, as `assets/sample-results.json` has
/// it (ids are the sample plan's).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SampleResults {
    number: String,
    issue_date: String,
    activities: Vec<SampleActivity>,
    spending: Vec<SampleSpending>,
    objectives: Vec<SampleObjective>,
    reports: Vec<ReportTexts>,
}

/// An activity's result; what it leaves out is that it was done, on the
/// 20th of its last month (or its end date), its expected output achieved.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SampleActivity {
    activity_id: i64,
    #[serde(default = "done")]
    status: ActivityStatus,
    #[serde(default)]
    reason: String,
    done_on: Option<String>,
    output: Option<String>,
    achieved: Option<i64>,
    #[serde(default)]
    achieved_unit: String,
    reach: Option<i64>,
    #[serde(default)]
    note: String,
}

fn done() -> ActivityStatus {
    ActivityStatus::Done
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SampleSpending {
    budget_line_id: i64,
    spent: Money,
    note: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SampleObjective {
    objective_id: i64,
    actual: Option<i64>,
    note: String,
}

fn broken(what: &str) -> AppError {
    log::error!("{what}");
    AppError::internal("Dữ liệu kế hoạch mẫu bị hỏng.")
}

/// "năm 2027" → "năm 2026" in a text of the sample: every year from 2026 on
/// one earlier, but for the period 2022 - 2027 of the texts it names.
fn year_before(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let year: String = chars[i..chars.len().min(i + 4)].iter().collect();
        let bounded = |at: Option<&char>| !at.is_some_and(char::is_ascii_digit);
        let standalone =
            year.len() == 4 && (i == 0 || bounded(chars.get(i - 1))) && bounded(chars.get(i + 4));
        let before: String = chars[i.saturating_sub(7)..i].iter().collect();
        match year.parse::<i32>() {
            Ok(y) if standalone && (2026..=2030).contains(&y) && before != "2022 - " => {
                out.push_str(&(y - 1).to_string());
                i += 4;
            }
            _ => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

/// The texts of `doc` (every text field of the registry but the legal bases,
/// which cite real documents) speaking of the year before.
fn texts_of_the_year_before(doc: &PlanDocument) -> Result<PlanDocument> {
    let mut json = serde_json::to_value(doc).map_err(|e| broken(&e.to_string()))?;
    for entity in Entity::ALL {
        let def = entity.def();
        let items: Vec<&mut Json> = match def.scope {
            _ if entity == Entity::LegalBasis => continue,
            Scope::PlanRow => json.get_mut(def.document_key).into_iter().collect(),
            Scope::Plan => json[def.document_key]
                .as_array_mut()
                .into_iter()
                .flatten()
                .collect(),
            Scope::Policy => json["policies"]
                .as_array_mut()
                .into_iter()
                .flatten()
                .filter_map(|p| p[def.document_key].as_array_mut())
                .flatten()
                .collect(),
            Scope::Global => continue,
        };
        for item in items {
            for f in def.fields {
                let text = matches!(f.kind, FieldKind::Line(_) | FieldKind::Long);
                if let (true, Some(s)) = (text, item[f.name].as_str()) {
                    item[f.name] = Json::from(year_before(s));
                }
            }
        }
    }
    serde_json::from_value(json).map_err(|e| broken(&e.to_string()))
}

/// The sample moved to the year before, numbered, dated and with its
/// estimate approved (as the sample approves it, else as proposed).
fn year_before_plan(sample: &PlanDocument, recorded: &SampleResults) -> Result<PlanDocument> {
    let mut doc = moved_to_year(&texts_of_the_year_before(sample)?, sample.year - 1)?;
    doc.fields.number.clone_from(&recorded.number);
    doc.fields.issue_date.clone_from(&recorded.issue_date);
    for (line, was) in doc.budget_lines.iter_mut().zip(&sample.budget_lines) {
        line.approved = Some(was.approved.unwrap_or(was.amount));
    }
    Ok(doc)
}

/// The day an activity of `doc` not otherwise said was done: its end date,
/// else the 20th of its last month.
fn done_on(doc: &PlanDocument, index: usize) -> String {
    let Some(a) = doc.activities.get(index) else {
        return String::new();
    };
    if !a.end_date.is_empty() {
        return a.end_date.clone();
    }
    commplan_core::schedule::months_of(a, doc.year)
        .last()
        .map(|m| format!("{}-{m:02}-20", doc.year))
        .unwrap_or_default()
}

/// What was done of `doc` (the plan as stored), from the sample's record
/// keyed by the sample's ids (items are in the sample's order).
fn results_of(doc: &PlanDocument, sample: &PlanDocument, recorded: &SampleResults) -> PlanResults {
    let at = |id: i64, ids: Vec<i64>| ids.iter().position(|x| *x == id);
    let index = |id: i64| at(id, sample.activities.iter().map(|a| a.id).collect());
    let activities = doc
        .activities
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let said = recorded
                .activities
                .iter()
                .find(|r| index(r.activity_id) == Some(i));
            ActivityResult {
                activity_id: a.id,
                status: said.map_or(ActivityStatus::Done, |r| r.status),
                reason: said.map(|r| r.reason.clone()).unwrap_or_default(),
                done_on: said
                    .and_then(|r| r.done_on.clone())
                    .unwrap_or_else(|| done_on(doc, i)),
                output: said
                    .and_then(|r| r.output.clone())
                    .unwrap_or_else(|| a.expected_output.clone()),
                achieved: said.and_then(|r| r.achieved),
                achieved_unit: said.map(|r| r.achieved_unit.clone()).unwrap_or_default(),
                reach: said.and_then(|r| r.reach),
                note: said.map(|r| r.note.clone()).unwrap_or_default(),
                recorded_at: String::new(),
            }
        })
        .collect();
    let line = |id: i64| {
        at(id, sample.budget_lines.iter().map(|l| l.id).collect())
            .and_then(|i| doc.budget_lines.get(i))
            .map(|l| l.id)
    };
    let objective = |id: i64| {
        at(id, sample.objectives.iter().map(|o| o.id).collect())
            .and_then(|i| doc.objectives.get(i))
            .map(|o| o.id)
    };
    PlanResults {
        activities,
        spending: recorded
            .spending
            .iter()
            .filter_map(|s| {
                Some(LineSpending {
                    budget_line_id: line(s.budget_line_id)?,
                    spent: s.spent,
                    note: s.note.clone(),
                    recorded_at: String::new(),
                })
            })
            .collect(),
        objectives: recorded
            .objectives
            .iter()
            .filter_map(|o| {
                Some(ObjectiveResult {
                    objective_id: objective(o.objective_id)?,
                    actual: o.actual,
                    note: o.note.clone(),
                    recorded_at: String::new(),
                })
            })
            .collect(),
        reports: recorded.reports.clone(),
    }
}

impl Store {
    /// Creates the sample plans (see the module's doc) and gives the newer
    /// one. When the unit already has a plan of the year before, that year's
    /// sample is left out and the newer one opens with nothing.
    pub fn create_sample(&mut self) -> Result<PlanSummary> {
        let mut sample = PlanFile::parse(SAMPLE)?.plan;
        let recorded: SampleResults =
            serde_json::from_str(RESULTS).map_err(|e| broken(&e.to_string()))?;
        self.writable()?;
        self.backup(commplan_core::backup::BackupKind::PreImport)?;
        if let Some(before) = self.sample_year_before(&sample, &recorded)? {
            sample.fields.previous_results = before;
        }
        let id = self.write(|tx| {
            let unit = unit_id(tx, &sample.unit)?;
            conflict_year(tx, unit, sample.year, &sample.unit.name)?;
            insert(tx, &sample, unit)
        })?;
        self.plan_summary(id)
    }

    /// The sample's year before, approved with its results; gives the
    /// summary of its results, or `None` when the unit has a plan that year.
    fn sample_year_before(
        &mut self,
        sample: &PlanDocument,
        recorded: &SampleResults,
    ) -> Result<Option<String>> {
        let doc = year_before_plan(sample, recorded)?;
        let id = self.write(|tx| {
            let unit = unit_id(tx, &doc.unit)?;
            conflict_year(tx, unit, sample.year, &sample.unit.name)?;
            let taken = "SELECT id FROM plans WHERE unit_id = ?1 AND year = ?2";
            if find_id(tx, taken, rusqlite::params![unit, doc.year])?.is_some() {
                return Ok(None);
            }
            insert(tx, &doc, unit).map(Some)
        })?;
        let Some(id) = id else { return Ok(None) };
        self.submit_plan(id)?;
        self.approve_plan(id)?;
        let stored = self.plan_document(id)?;
        let results = results_of(&stored, sample, recorded);
        self.write(|tx| crate::results::record_all(tx, id, &results))?;
        Ok(Some(previous_year_summary(
            &stored,
            &self.plan_results(id)?,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::year_before;

    #[test]
    fn the_year_before_speaks_of_its_own_years_but_not_of_a_texts_period() {
        assert_eq!(
            year_before("Hội nghị tổng kết năm 2027"),
            "Hội nghị tổng kết năm 2026"
        );
        assert_eq!(
            year_before("Nghị quyết số 45/2026/NQ-HĐND có hiệu lực từ ngày 01/01/2027"),
            "Nghị quyết số 45/2025/NQ-HĐND có hiệu lực từ ngày 01/01/2026"
        );
        assert_eq!(
            year_before("giai đoạn 2028 - 2030"),
            "giai đoạn 2027 - 2029"
        );
        assert_eq!(
            year_before("Kế hoạch số 1295/KH-UBND giai đoạn 2022 - 2027"),
            "Kế hoạch số 1295/KH-UBND giai đoạn 2022 - 2027"
        );
        assert_eq!(
            year_before("Luật Đất đai năm 2024; 20271; 12027"),
            "Luật Đất đai năm 2024; 20271; 12027"
        );
    }
}
