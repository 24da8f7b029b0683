//! A report as a whole: the sample's findings, ordering by step, rule and
//! document, counts, well-formed ids, Vietnamese wording, and the JSON shape.

use crate::codes::Code;
use unicode_normalization::UnicodeNormalization;

use super::cases::cases;
use super::{check, ids, sample};
use crate::check::{CheckReport, LegalSource, Severity, rules, step_index};
use crate::model::Step;
use crate::text::fold;

#[test]
fn the_sample_has_no_blocking_finding_and_no_warning() {
    let report = check(&sample());
    assert!(report.can_submit(), "{:#?}", report.findings);
    assert_eq!(report.blocking, 0);
    assert_eq!(report.warnings, 0, "{:#?}", report.findings);
    // Only the reminder to number and date the plan when it is issued.
    assert_eq!(ids(&report), ["general.number_date_pending"]);
    assert_eq!(
        report.findings[0].message,
        "Số và ngày ban hành còn để trống: điền khi ban hành."
    );
}

#[test]
fn the_sample_agrees_with_itself_and_cites_texts_in_force() {
    // The consistency rules of issue 14 find nothing in the sample plan.
    let report = check(&sample());
    for rule in [
        "general.issue_year",
        "general.subject_repeats_type",
        "policy.capital_after_semicolon",
        "budget.funding_level",
        "budget.quantity_target",
        "budget.fractional_count",
    ] {
        assert!(rules().iter().any(|r| r.id == rule), "{rule}");
        assert!(
            !ids(&report).contains(&rule),
            "{rule}: {:#?}",
            report.findings
        );
    }
    let doc = sample();
    let bases: Vec<&str> = doc.legal_bases.iter().map(|b| b.text.as_str()).collect();
    let bases = bases.join("\n");
    assert!(bases.contains("Luật Báo chí ngày 10 tháng 12 năm 2025"));
    assert!(bases.contains("Quyết định số 407/QĐ-TTg"));
    assert!(!bases.contains("ngày 05 tháng 4 năm 2016") && !bases.contains("765/QĐ-BTTTT"));
}

#[test]
fn findings_are_ordered_by_step_then_rule_then_document() {
    let mut doc = sample();
    // Break things in reverse step order, and two lines of one rule.
    doc.recipients.clear();
    doc.budget_lines[5].funding_source_id = None;
    doc.budget_lines[1].funding_source_id = None;
    doc.fields.crisis_procedure = String::new();
    doc.fields.spokesperson_name = String::new();
    doc.fields.leader_name = String::new();
    doc.policies[3].key_messages = String::new();
    doc.policies[0].key_messages = String::new();
    doc.legal_bases.clear();
    let report = check(&doc);
    assert_eq!(
        ids(&report),
        [
            "legal.directive_07",
            "general.number_date_pending",
            "policy.key_messages",
            "policy.key_messages",
            "staffing.leader",
            "staffing.spokesperson",
            "monitoring.crisis_procedure",
            "budget.funding_source",
            "budget.funding_source",
            "signature.recipients",
        ]
    );
    assert_eq!(report.findings[2].target.id, Some(doc.policies[0].id));
    assert_eq!(report.findings[3].target.id, Some(doc.policies[3].id));
    assert_eq!(report.findings[7].target.id, Some(doc.budget_lines[1].id));
    assert_eq!(report.findings[8].target.id, Some(doc.budget_lines[5].id));
}

#[test]
fn counts_per_step_and_in_total() {
    let mut doc = sample();
    doc.recipients.clear();
    doc.fields.crisis_procedure = String::new();
    doc.fields.false_information = String::new();
    doc.trainings.clear();
    doc.fields.leader_name = String::new();
    let report = check(&doc);
    assert_eq!((report.blocking, report.warnings, report.advice), (3, 2, 1));
    assert!(!report.can_submit());
    let steps: Vec<Step> = report.per_step.iter().map(|s| s.step).collect();
    assert_eq!(steps, Step::ALL);
    let counts: Vec<(u32, u32, u32)> = report
        .per_step
        .iter()
        .map(|s| (s.blocking, s.warnings, s.advice))
        .collect();
    assert_eq!(
        counts,
        [
            (0, 0, 1),
            (0, 0, 0),
            (0, 0, 0),
            (1, 1, 0),
            (0, 0, 0),
            (1, 1, 0),
            (0, 0, 0),
            (0, 0, 0),
            (1, 0, 0),
        ]
    );
}

#[test]
fn each_rule_with_findings_is_said_once_in_catalogue_order() {
    // Thousands of findings of one rule carry its texts once (a large plan's
    // report crosses the IPC whole after every pause in typing).
    let mut doc = sample();
    doc.recipients.clear();
    doc.fields.leader_name = String::new();
    for line in &mut doc.budget_lines {
        line.funding_source_id = None;
    }
    let report = check(&doc);
    assert!(report.findings.len() > report.rules.len());
    let said: Vec<&str> = report.rules.iter().map(|r| r.id.as_str()).collect();
    let in_catalogue: Vec<&str> = rules()
        .iter()
        .map(|r| r.id)
        .filter(|id| report.findings.iter().any(|f| f.rule == *id))
        .collect();
    assert_eq!(said, in_catalogue, "every rule found, once, in order");
    let funding = report.rule("budget.funding_source").expect("said");
    let def = rules()
        .into_iter()
        .find(|r| r.id == "budget.funding_source");
    let def = def.expect("in the catalogue");
    assert_eq!(
        (funding.title.as_str(), funding.explanation.as_str()),
        (def.title, def.explanation)
    );
    assert_eq!(
        (funding.source, funding.citation.as_str()),
        (def.source, def.citation.as_str())
    );
    assert!(report.rule("no.such_rule").is_none());
}

#[test]
fn rule_ids_are_unique_and_well_formed() {
    let all = rules();
    for (i, r) in all.iter().enumerate() {
        assert!(
            all[i + 1..].iter().all(|o| o.id != r.id),
            "duplicate id {}",
            r.id
        );
        let (area, name) = r.id.split_once('.').expect("area.name");
        assert!(!area.is_empty() && area.chars().all(|c| c.is_ascii_lowercase()));
        assert!(
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{}",
            r.id
        );
    }
    // Catalogue order follows the steps.
    let steps: Vec<usize> = all.iter().map(|r| step_index(r.step)).collect();
    assert!(steps.windows(2).all(|w| w[0] <= w[1]), "{steps:?}");
}

/// Vietnamese, not English: NFC and with at least one letter that has a
/// Vietnamese diacritic.
fn is_vietnamese(s: &str) -> bool {
    let nfc: String = s.nfc().collect();
    !s.trim().is_empty()
        && nfc == s
        && s.chars().any(|c| {
            "ăâđêôơưĂÂĐÊÔƠƯ".contains(c) || fold(&c.to_string()) != c.to_lowercase().to_string()
        })
}

#[test]
fn every_rule_speaks_vietnamese() {
    for r in rules() {
        assert!(is_vietnamese(r.title), "{}: title", r.id);
        assert!(is_vietnamese(r.explanation), "{}: explanation", r.id);
        assert!(is_vietnamese(&r.citation), "{}: citation", r.id);
        assert!(
            r.explanation.chars().count() > r.title.chars().count(),
            "{}",
            r.id
        );
    }
    for s in Severity::ALL {
        assert!(is_vietnamese(s.label_vi()));
    }
    for s in LegalSource::ALL {
        assert!(is_vietnamese(s.label_vi()));
    }
    for s in Step::ALL {
        assert!(is_vietnamese(s.label_vi()));
    }
    let mut doc = sample();
    for (_, brk, _, _) in cases() {
        brk(&mut doc);
    }
    for f in check(&doc).findings {
        assert!(is_vietnamese(&f.message), "{}", f.message);
    }
}

#[test]
fn codes_and_json_shape() {
    assert_eq!(
        serde_json::to_string(&Severity::Blocking).expect("json"),
        "\"blocking\""
    );
    for s in Severity::ALL {
        assert_eq!(
            serde_json::to_string(&s).expect("json"),
            format!("\"{}\"", s.code())
        );
    }
    assert_eq!(
        serde_json::to_string(&LegalSource::AccessToInformation).expect("json"),
        "\"access_to_information\""
    );
    let mut doc = sample();
    doc.budget_lines[0].funding_source_id = None;
    let report = check(&doc);
    let json = serde_json::to_value(&report).expect("json");
    assert_eq!(json["blocking"], 1);
    assert_eq!(json["perStep"].as_array().map(Vec::len), Some(9));
    assert_eq!(json["findings"][1]["rule"], "budget.funding_source");
    assert_eq!(json["findings"][1]["target"]["entity"], "budget_line");
    assert_eq!(json["findings"][1]["target"]["field"], "fundingSourceId");
    let back: CheckReport = serde_json::from_value(json).expect("round trip");
    assert_eq!(back, report);
}
