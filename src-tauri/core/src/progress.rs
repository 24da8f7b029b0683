//! How complete each step of a plan is: a count of the things the step asks
//! for that are filled in. The directive checker (later) says *why* something
//! is required; this only tells the officer where they are.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::Step;
use crate::plan::{PlanDocument, Stage};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct StepProgress {
    pub step: Step,
    /// Things asked for that are filled in.
    pub done: u32,
    /// Things asked for; 0 when the step asks nothing yet.
    pub total: u32,
}

impl StepProgress {
    pub fn complete(&self) -> bool {
        self.total > 0 && self.done == self.total
    }
}

struct Tally {
    done: u32,
    total: u32,
}

impl Tally {
    fn new() -> Tally {
        Tally { done: 0, total: 0 }
    }
    fn check(&mut self, ok: bool) {
        self.total += 1;
        if ok {
            self.done += 1;
        }
    }
    fn text(&mut self, s: &str) {
        self.check(!s.trim().is_empty());
    }
}

/// Progress of every step, in the editor's order.
pub fn progress(doc: &PlanDocument) -> Vec<StepProgress> {
    Step::ALL
        .into_iter()
        .map(|step| {
            let t = tally(doc, step);
            StepProgress {
                step,
                done: t.done,
                total: t.total,
            }
        })
        .collect()
}

fn tally(doc: &PlanDocument, step: Step) -> Tally {
    let f = &doc.fields;
    let mut t = Tally::new();
    match step {
        Step::General => {
            t.text(&f.title);
            t.text(&f.symbol);
            t.text(&f.place);
            t.check(!doc.legal_bases.is_empty());
            t.text(&f.purposes);
            t.text(&f.requirements);
        }
        Step::Policies => policies(&mut t, doc),
        Step::Activities => activities(&mut t, doc),
        Step::Staffing => {
            t.text(&f.leader_name);
            t.text(&f.spokesperson_name);
            t.check(!doc.focal_officers.is_empty());
            t.check(!doc.trainings.is_empty());
        }
        Step::Press => {
            t.check(!doc.press_partners.is_empty());
            t.text(&f.press_coordination);
        }
        Step::Monitoring => {
            t.text(&f.public_disclosure);
            t.text(&f.opinion_monitoring);
            t.text(&f.false_information);
            t.text(&f.crisis_procedure);
        }
        Step::Budget => budget(&mut t, doc),
        Step::Implementation => {
            t.check(!doc.responsibilities.is_empty());
            t.check(!doc.reports.is_empty() || !f.reporting.trim().is_empty());
        }
        Step::Signature => signature(&mut t, doc),
    }
    t
}

/// At least one policy; each with its texts, and each stage covered by an
/// activity or marked not applicable with a reason.
fn policies(t: &mut Tally, doc: &PlanDocument) {
    t.check(!doc.policies.is_empty());
    for p in &doc.policies {
        t.text(&p.title);
        t.text(&p.field);
        t.text(&p.affected_groups);
        t.text(&p.key_messages);
        for s in &p.stages {
            let covered = if s.not_applicable {
                !s.reason.trim().is_empty()
            } else {
                doc.activities_of(p.id, s.stage).next().is_some()
            };
            t.check(covered);
        }
    }
}

/// At least one activity; each with its content, channel, lead unit and time.
fn activities(t: &mut Tally, doc: &PlanDocument) {
    t.check(!doc.activities.is_empty());
    for a in &doc.activities {
        let when = !a.months.is_empty() || !a.start_date.is_empty();
        t.check(
            !a.content.trim().is_empty()
                && a.channel_id.is_some()
                && !a.lead_unit.trim().is_empty()
                && when,
        );
    }
}

/// At least one budget line; each with a category, a source, an amount and a description.
fn budget(t: &mut Tally, doc: &PlanDocument) {
    t.check(!doc.budget_lines.is_empty());
    for l in &doc.budget_lines {
        t.check(
            l.category_id.is_some()
                && l.funding_source_id.is_some()
                && l.amount.dong() > 0
                && !l.description.trim().is_empty(),
        );
    }
}

/// The signer, and recipients ending with the archive copy ("Lưu …").
fn signature(t: &mut Tally, doc: &PlanDocument) {
    let f = &doc.fields;
    t.check(f.signer_authority.is_some());
    t.text(&f.signer_position);
    t.text(&f.signer_name);
    t.check(!doc.recipients.is_empty());
    t.check(
        doc.recipients
            .last()
            .is_some_and(|r| r.text.trim_start().starts_with("Lưu")),
    );
}

/// The number of activities of each policy in each stage, in stage order.
pub fn stage_counts(doc: &PlanDocument, policy_id: i64) -> [usize; 5] {
    Stage::ALL.map(|s| doc.activities_of(policy_id, s).count())
}
