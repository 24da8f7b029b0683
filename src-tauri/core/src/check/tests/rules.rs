//! The finer points of single rules: what counts as Directive 07 or a valid
//! symbol, the messages and targets of variants, and how months and dates of
//! activities are read.

use super::{activity_mut, check, ids, new_findings, sample};
use crate::check::general::{names_directive_07, symbol_ok};
use crate::check::{Finding, Severity, Target};
use crate::edit::Entity;
use crate::model::Step;
use crate::plan::{Activity, Channel, Stage};
use crate::text::fold;

#[test]
fn number_and_date_pending_is_advice_that_goes_once_both_are_filled() {
    let mut doc = sample();
    doc.fields.number = "12".into();
    let report = check(&doc);
    assert_eq!(ids(&report), ["general.number_date_pending"]);
    assert_eq!(
        report.findings[0].message,
        "Ngày ban hành còn để trống: điền khi ban hành."
    );
    assert_eq!(report.findings[0].severity, Severity::Advice);
    assert_eq!(
        report.findings[0].target.field.as_deref(),
        Some("issueDate")
    );
    doc.fields.issue_date = "2027-01-05".into();
    assert!(check(&doc).findings.is_empty());
    doc.fields.issue_date = "2026-12-28".into();
    assert!(check(&doc).findings.is_empty());
    doc.fields.issue_date = "2027-02-30".into();
    assert_eq!(
        check(&doc).findings[0].message,
        "Ngày ban hành “2027-02-30” không phải là một ngày hợp lệ."
    );
}

#[test]
fn directive_07_is_recognised_only_as_the_document_a_basis_names() {
    for ok in [
        "Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ",
        "Căn cứ Chỉ thị 07 / CT - TTg",
        "chỉ thị số 7/ct‑ttg",
        "Chi\u{309} thi\u{323} 07/CT–TTg ngày 21 tháng 3 năm 2023",
    ] {
        assert!(names_directive_07(ok), "{ok}");
    }
    for not in [
        "Quyết định số 765/QĐ-BTTTT … thực hiện Chỉ thị số 07/CT-TTg",
        "Chỉ thị số 107/CT-TTg",
        "Chỉ thị số 07/CT-TTgX",
        "Luật Báo chí ngày 05/4/2016",
        "",
    ] {
        assert!(!names_directive_07(not), "{not}");
    }
}

#[test]
fn symbols_follow_decree_30() {
    for ok in ["KH-SNNMT", "KH-UBND", "KH-SĐT", "KH-BCĐ-2027"] {
        assert!(symbol_ok(ok), "{ok}");
    }
    for not in [
        "KH-",
        "KH-snnmt",
        "QĐ-UBND",
        "KH-SNN MT",
        "KH--UBND",
        "KH-UBND-",
        "12/KH-UBND",
    ] {
        assert!(!symbol_ok(not), "{not}");
    }
    let mut doc = sample();
    doc.fields.symbol = String::new();
    assert_eq!(
        new_findings(&doc)[0].message,
        "Chưa có ký hiệu văn bản (ví dụ: KH-SNNMT)."
    );
}

#[test]
fn stage_not_applicable_without_a_reason_has_its_own_message_and_target() {
    let mut doc = sample();
    doc.policies[4].stages[2].reason = " ".into();
    let new = new_findings(&doc);
    assert_eq!(new.len(), 1, "{new:#?}");
    assert_eq!(
        new[0].message,
        "Chính sách “Chính sách hỗ trợ đầu tư, quản lý, khai thác công trình cấp nước sạch nông thôn tập trung”: giai đoạn Hoàn thiện được đánh dấu không áp dụng nhưng chưa ghi lý do."
    );
    assert_eq!(
        new[0].target,
        Target {
            step: Step::Policies,
            entity: Some(Entity::PolicyStage),
            id: Some(doc.policies[4].stages[2].id),
            field: Some("reason".into()),
        }
    );
}

#[test]
fn one_stage_finding_per_policy_and_stage() {
    let mut doc = sample();
    doc.activities.clear();
    let report = check(&doc);
    let stages: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.rule == "policy.stages")
        .collect();
    let expected: usize = doc
        .policies
        .iter()
        .map(|p| p.stages.iter().filter(|s| !s.not_applicable).count())
        .sum();
    assert_eq!(stages.len(), expected);
    assert!(
        stages
            .iter()
            .all(|f| f.target.entity == Some(Entity::PolicyStage))
    );
}

#[test]
fn a_major_policy_whose_drafting_is_in_another_year_needs_no_consultation_now() {
    let mut doc = sample();
    for a in doc.activities.iter_mut().filter(|a| a.policy_id == Some(6)) {
        a.channel_id = Some(3);
        a.content = "Đăng tải".into();
    }
    for s in doc.policies[5].stages.iter_mut() {
        if matches!(s.stage, Stage::Drafting | Stage::Finalising) {
            s.not_applicable = true;
            s.reason = "Đã thực hiện năm 2026.".into();
        }
    }
    assert!(new_findings(&doc).is_empty(), "{:#?}", new_findings(&doc));
    // A consultation in another stage does not count.
    doc.policies[5].stages[1].not_applicable = false;
    activity_mut(&mut doc, 48).content = "Đối thoại với hộ chăn nuôi".into();
    assert_eq!(
        ids(&check(&doc))
            .iter()
            .filter(|r| **r == "policy.major_impact_consultation")
            .count(),
        1
    );
}

#[test]
fn press_information_and_conferences_read_months_and_dates() {
    let mut doc = sample();
    // No press conference at all.
    doc.activities
        .retain(|a| !fold(&a.content).contains("hop bao"));
    let new = new_findings(&doc);
    assert_eq!(
        new.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>(),
        ["press.quarterly_conference"]
    );
    assert_eq!(
        new[0].target,
        Target {
            step: Step::Activities,
            entity: Some(Entity::Activity),
            id: None,
            field: None
        }
    );
    // A press-conference-only channel counts; dates spanning two quarters count for both.
    let channel = Channel {
        id: 50,
        name: "Họp báo".into(),
    };
    doc.channels.push(channel);
    doc.activities.push(Activity {
        id: 200,
        policy_id: None,
        stage: None,
        content: "Công bố kết quả".into(),
        channel_id: Some(50),
        audience: String::new(),
        lead_unit: String::new(),
        coordinating_units: String::new(),
        months: Vec::new(),
        start_date: "2026-12-20".into(),
        end_date: "2027-10-02".into(),
        expected_output: String::new(),
        target: String::new(),
    });
    assert!(new_findings(&doc).is_empty(), "{:#?}", new_findings(&doc));
    // The shared channel "Họp báo, cung cấp thông tin cho báo chí" alone is not a press conference.
    if let Some(a) = doc.activities.last_mut() {
        a.channel_id = Some(5);
    }
    assert_eq!(
        new_findings(&doc)[0].message,
        "Chưa có cuộc họp báo nào có thời gian trong năm; nên họp báo ít nhất mỗi quý một lần."
    );
}

#[test]
fn regular_information_missing_entirely_is_said_so() {
    let mut doc = sample();
    doc.activities.retain(|a| a.id != 1 && a.id != 2);
    let new: Vec<Finding> = new_findings(&doc)
        .into_iter()
        .filter(|f| f.rule == "press.regular_information")
        .collect();
    assert_eq!(new.len(), 1, "{new:#?}");
    assert_eq!(
        new[0].message,
        "Chưa có hoạt động người phát ngôn cung cấp thông tin định kỳ hằng tháng cho báo chí."
    );
}
