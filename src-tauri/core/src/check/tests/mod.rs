//! Tests of the directive checker, on the sample plan and on variations of it:
//! `cases` breaks and fixes each rule in turn, `rules` pins the finer points of
//! single rules, `report` the ordering, counts, wording and JSON of a report.

use std::sync::LazyLock;

use crate::check::{CheckReport, Finding};
use crate::legal::{Law, ProvinceMerges, parse_list};
use crate::plan::{Activity, PlanDocument};

mod cases;
mod law;
mod report;
mod rules;

/// The legal texts and the provinces merged in 2025, as the app ships them.
pub(crate) static LAW: LazyLock<Law> = LazyLock::new(|| Law {
    texts: parse_list(include_bytes!("../../../../../assets/legal-texts.json"))
        .expect("the shipped list is valid")
        .texts,
    merges: ProvinceMerges::parse(include_str!("../../../../../assets/provinces-2025.json"))
        .expect("the merger data is valid"),
});

/// The checker, with the law as shipped.
pub(super) fn check(doc: &PlanDocument) -> CheckReport {
    crate::check::check(doc, &LAW)
}

pub(crate) fn sample() -> PlanDocument {
    crate::file::PlanFile::parse(include_str!("../../../../../assets/sample-plan.json"))
        .expect("the sample plan parses")
        .plan
}

pub(super) fn ids(report: &CheckReport) -> Vec<&str> {
    report.findings.iter().map(|f| f.rule.as_str()).collect()
}

/// The findings of `doc` that the sample does not have.
pub(super) fn new_findings(doc: &PlanDocument) -> Vec<Finding> {
    let base = check(&sample()).findings;
    check(doc)
        .findings
        .into_iter()
        .filter(|f| !base.contains(f))
        .collect()
}

pub(super) fn activity_mut(doc: &mut PlanDocument, id: i64) -> &mut Activity {
    doc.activities
        .iter_mut()
        .find(|a| a.id == id)
        .expect("activity in the sample")
}
