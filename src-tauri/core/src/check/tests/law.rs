//! The legal bases against time: texts not in force in the plan's year,
//! superseded texts and former provinces, each finding's one-click fix, and
//! what is not said (a document the list does not hold, a plan written
//! before the merger).

use super::{LAW, check, sample};
use crate::check::{CheckReport, Finding, Severity};
use crate::edit::{Entity, FieldValue};
use crate::legal::{Law, LegalText, LegalTextInput};
use crate::plan::{LegalBasis, PlanDocument};

/// The findings of the `legal.*` rules other than Directive 07's.
fn legal(report: &CheckReport) -> Vec<&Finding> {
    report
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("legal.") && f.rule != "legal.directive_07")
        .collect()
}

fn with_basis(text: &str) -> PlanDocument {
    let mut doc = sample();
    doc.legal_bases.push(LegalBasis {
        id: 99,
        text: text.into(),
    });
    doc
}

/// Applies a finding's fix as the editor would: the basis gets the new text.
fn apply(doc: &mut PlanDocument, finding: &Finding) {
    let fix = finding.fix.as_ref().expect("a fix");
    assert_eq!(fix.edit.entity, Entity::LegalBasis);
    assert_eq!(fix.edit.field, "text");
    let FieldValue::Text(text) = &fix.edit.value else {
        panic!("a text");
    };
    let basis = doc
        .legal_bases
        .iter_mut()
        .find(|b| b.id == fix.edit.id)
        .expect("the basis");
    basis.text = text.clone();
}

#[test]
fn the_2016_press_law_in_a_2027_plan_is_a_warning_whose_fix_cites_the_2025_law() {
    let mut doc = with_basis("Luật Báo chí ngày 05 tháng 4 năm 2016");
    let report = check(&doc);
    let found = legal(&report);
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = found[0];
    assert_eq!(
        (f.rule.as_str(), f.severity),
        ("legal.superseded", Severity::Warning)
    );
    assert_eq!(
        (f.target.id, f.target.field.as_deref()),
        (Some(99), Some("text"))
    );
    let fix = f.fix.as_ref().expect("a fix");
    assert_eq!(
        fix.label,
        "Thay bằng “Luật Báo chí ngày 10 tháng 12 năm 2025”"
    );
    assert!(report.can_submit(), "a warning does not block");
    let f = f.clone();
    apply(&mut doc, &f);
    assert_eq!(
        doc.legal_bases.last().map(|b| b.text.as_str()),
        Some("Luật Báo chí ngày 10 tháng 12 năm 2025")
    );
    assert!(legal(&check(&doc)).is_empty());
}

#[test]
fn in_a_2025_plan_the_2016_law_stands_and_the_2025_law_is_not_yet_in_force() {
    let mut doc = sample();
    doc.year = 2025;
    doc.legal_bases[2].text = "Luật Báo chí ngày 05 tháng 4 năm 2016".into();
    let report = check(&doc);
    assert!(legal(&report).is_empty(), "{:#?}", legal(&report));
    doc.legal_bases[0].text = "Luật Báo chí số 126/2025/QH15".into();
    let report = check(&doc);
    let found = legal(&report);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].rule, "legal.not_in_force");
    assert_eq!(
        found[0].message,
        "Căn cứ “Luật Báo chí số 126/2025/QH15”: văn bản chưa có hiệu lực trong năm 2025 (có hiệu lực từ 01/07/2026)."
    );
    assert_eq!(found[0].fix, None);
}

/// The shipped law with a made-up text (session "QH99" never sat).
fn with_made_up(id: &str, from: &str, until: &str, replaced_by: Option<&str>) -> Law {
    let mut law = LAW.clone();
    let input = LegalTextInput {
        kind: "Luật".into(),
        number: format!("1/2020/QH99-{id}"),
        date: "2020-01-01".into(),
        title: "Luật Thử nghiệm".into(),
        in_force_from: from.into(),
        in_force_until: until.into(),
        replaced_by: replaced_by.map(str::to_string),
        governs: "thử nghiệm".into(),
        citation: format!("Luật Thử nghiệm {id}"),
        ..LegalTextInput::default()
    };
    law.texts
        .push(LegalText::from_input(id, &input, &[]).expect("valid"));
    law
}

#[test]
fn a_text_ended_before_the_year_or_not_yet_in_force_is_a_warning_until_replaced() {
    let doc = with_basis("Luật Thử nghiệm số 1/2020/QH99-het");
    let law = with_made_up("het", "2020-07-01", "2026-01-01", None);
    let report = crate::check::check(&doc, &law);
    let found = legal(&report);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].rule, "legal.not_in_force");
    assert_eq!(
        found[0].message,
        "Căn cứ “Luật Thử nghiệm số 1/2020/QH99-het”: văn bản đã hết hiệu lực từ 01/01/2026, trước năm 2027 của kế hoạch."
    );
    // Stated as replaced by the 2025 Press Law: the replacement is named, with its fix.
    let law = with_made_up("het", "2020-07-01", "2026-01-01", Some("luat-bao-chi-2025"));
    let report = crate::check::check(&doc, &law);
    let found = legal(&report);
    assert_eq!(
        found[0].message,
        "Căn cứ “Luật Thử nghiệm số 1/2020/QH99-het”: đã được thay thế bởi Luật Báo chí ngày 10 tháng 12 năm 2025 (có hiệu lực từ 01/07/2026)."
    );
    let mut fixed = doc.clone();
    apply(&mut fixed, found[0]);
    assert!(legal(&crate::check::check(&fixed, &law)).is_empty());
    // Cited by its citation; in force from 2028.
    let doc = with_basis("Luật Thử nghiệm sau");
    let law = with_made_up("sau", "2028-01-01", "", None);
    let report = crate::check::check(&doc, &law);
    assert_eq!(legal(&report)[0].rule, "legal.not_in_force");
    let mut later = doc;
    later.year = 2028;
    assert!(legal(&crate::check::check(&later, &law)).is_empty());
}

#[test]
fn a_document_the_list_does_not_hold_is_not_judged() {
    for basis in [
        "Kế hoạch số 5/KH-UBND ngày 01/3/2026 của Ủy ban nhân dân tỉnh Gia Lai triển khai Luật Báo chí ngày 05 tháng 4 năm 2016",
        "Quyết định số 765/QĐ-BTTTT ngày 28 tháng 4 năm 2023",
    ] {
        assert!(legal(&check(&with_basis(basis))).is_empty(), "{basis}");
    }
}

#[test]
fn a_provincial_document_before_the_merger_is_advised_cu_with_its_fix() {
    let mut doc = with_basis(
        "Quyết định số 12/QĐ-UBND ngày 02/01/2024 của Ủy ban nhân dân tỉnh Bình Định về việc thử",
    );
    let report = check(&doc);
    let found = legal(&report);
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].rule.as_str(), found[0].severity),
        ("legal.former_province", Severity::Advice)
    );
    assert!(
        found[0]
            .message
            .ends_with("nên ghi “tỉnh Bình Định (cũ)”, nay thuộc tỉnh Gia Lai."),
        "{}",
        found[0].message
    );
    assert_eq!(
        found[0].fix.as_ref().map(|f| f.label.as_str()),
        Some("Ghi “tỉnh Bình Định (cũ)”")
    );
    let f = found[0].clone();
    apply(&mut doc, &f);
    assert_eq!(
        doc.legal_bases.last().map(|b| b.text.as_str()),
        Some(
            "Quyết định số 12/QĐ-UBND ngày 02/01/2024 của Ủy ban nhân dân tỉnh Bình Định (cũ) về việc thử"
        )
    );
    assert!(legal(&check(&doc)).is_empty());
    // A plan written before the new governments began says nothing of it.
    let mut early = with_basis("Quyết định số 12/QĐ-UBND ngày 02/01/2024 của UBND tỉnh Gia Lai");
    early.year = 2025;
    // In 2025 the sample's 2025 Press Law is not in force yet; the 2016 one is.
    early.legal_bases[2].text = "Luật Báo chí ngày 05 tháng 4 năm 2016".into();
    early.fields.issue_date = "2025-06-30".into();
    assert!(legal(&check(&early)).is_empty());
    early.fields.issue_date = "2025-07-01".into();
    assert_eq!(legal(&check(&early))[0].rule, "legal.former_province");
    // Without merger data, nothing.
    let law = Law {
        texts: LAW.texts.clone(),
        merges: crate::legal::ProvinceMerges::default(),
    };
    assert!(legal(&crate::check::check(&early, &law)).is_empty());
}
