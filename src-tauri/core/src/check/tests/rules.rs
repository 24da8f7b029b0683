//! The finer points of single rules: what counts as Directive 07 or a valid
//! symbol, the messages and targets of variants, and how months and dates of
//! activities are read.

use super::{activity_mut, check, ids, new_findings, sample};
use crate::check::budget::{is_provincial, lower_level};
use crate::check::general::{names_directive_07, subject_without_type, symbol_ok};
use crate::check::{Finding, Severity, Target};
use crate::edit::Entity;
use crate::model::{Step, Unit};
use crate::money::Quantity;
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

#[test]
fn the_subject_is_what_follows_the_words_ke_hoach() {
    let cases = [
        (
            "Kế hoạch truyền thông chính sách năm 2027",
            Some("Truyền thông chính sách năm 2027"),
        ),
        (
            "  KẾ HOẠCH: công tác truyền thông",
            Some("Công tác truyền thông"),
        ),
        (
            "Ke\u{302}\u{301} hoa\u{323}ch “Truyền thông”",
            Some("“Truyền thông”"),
        ),
        ("Kế hoạch", Some("")),
        ("Truyền thông chính sách năm 2027", None),
        ("Kế hoạch hóa gia đình và truyền thông dân số", None),
        ("Kế hoạchx", None),
        ("", None),
    ];
    for (title, subject) in cases {
        assert_eq!(subject_without_type(title).as_deref(), subject, "{title}");
    }
    let mut doc = sample();
    doc.fields.title = "Kế hoạch".into();
    assert_eq!(
        new_findings(&doc)[0].message,
        "Tên kế hoạch “Kế hoạch” chỉ lặp lại tên loại “KẾ HOẠCH” in ngay phía trên; hãy ghi nội dung của kế hoạch (ví dụ: “Truyền thông chính sách năm 2027”)."
    );
}

#[test]
fn consultation_counts_from_the_proposal_to_promulgation() {
    // Policy 1 consults only on its proposal (Hoạch định chủ trương): enough.
    let mut doc = sample();
    for a in doc
        .activities
        .iter_mut()
        .filter(|a| a.policy_id == Some(1) && a.stage != Some(Stage::Planning))
    {
        a.channel_id = Some(3);
        a.content = "Đăng tải".into();
    }
    assert!(new_findings(&doc).is_empty(), "{:#?}", new_findings(&doc));
    // Nor on it: the finding names every stage of the year up to promulgation.
    for id in [10, 11] {
        activity_mut(&mut doc, id).content = "Tọa đàm chuyên gia".into();
        activity_mut(&mut doc, id).channel_id = Some(3);
    }
    let new = new_findings(&doc);
    assert_eq!(ids_of(&new), ["policy.major_impact_consultation"]);
    assert!(
        new[0].message.contains(
            "các giai đoạn Hoạch định chủ trương, Xây dựng, Hoàn thiện, Ban hành trong năm"
        ),
        "{}",
        new[0].message
    );
    // A consultation listed under promulgation (before the vote) counts.
    activity_mut(&mut doc, 17).content = "Đối thoại trước kỳ họp".into();
    assert!(new_findings(&doc).is_empty());
    // Only promulgation left in the year: the drafting was consulted on before.
    activity_mut(&mut doc, 17).content = "Đăng tải".into();
    for s in doc.policies[0].stages.iter_mut() {
        if matches!(
            s.stage,
            Stage::Planning | Stage::Drafting | Stage::Finalising
        ) {
            s.not_applicable = true;
            s.reason = "Đã thực hiện năm 2026.".into();
        }
    }
    doc.activities
        .retain(|a| a.policy_id != Some(1) || a.stage == Some(Stage::Promulgation));
    assert!(new_findings(&doc).is_empty(), "{:#?}", new_findings(&doc));
}

fn ids_of(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.rule.as_str()).collect()
}

#[test]
fn a_fractional_count_that_its_activity_states_whole_is_two_findings() {
    // The issue's "150,5 bộ" against an activity of 150 sets.
    let mut doc = sample();
    doc.budget_lines[14].quantity = Quantity(15050);
    let new = new_findings(&doc);
    assert_eq!(
        ids_of(&new),
        ["budget.quantity_target", "budget.fractional_count"]
    );
    assert_eq!(
        new[0].message,
        "Dòng kinh phí “In pa nô, áp phích hướng dẫn phân loại rác” dự trù 150,5 bộ, nhưng hoạt động “Lắp đặt pa nô, phát hành áp phích hướng dẫn phân loại chất thải rắn sinh hoạt thành 03…” gắn với dòng nêu 150 bộ (sản phẩm dự kiến)."
    );
    assert_eq!(new[1].target.field.as_deref(), Some("quantity"));
    // A unit that is not counted one by one may be fractional.
    doc.budget_lines[14].quantity = Quantity(15000);
    doc.budget_lines[12].quantity = Quantity(1150);
    assert!(new_findings(&doc).is_empty(), "{:#?}", new_findings(&doc));
}

#[test]
fn a_stated_bound_or_another_unit_is_not_a_disagreement() {
    let mut doc = sample();
    // "04 buổi" read as at least four: five agree, three do not.
    activity_mut(&mut doc, 26).expected_output = "≥ 04 buổi đối thoại".into();
    doc.budget_lines[9].quantity = Quantity(500);
    assert!(new_findings(&doc).is_empty());
    doc.budget_lines[9].quantity = Quantity(300);
    assert!(
        new_findings(&doc)[0]
            .message
            .ends_with("nêu ít nhất 04 buổi (sản phẩm dự kiến).")
    );
    // The same count in another unit (cuộc, not buổi) is not compared.
    doc.budget_lines[9].unit_of_measure = "cuộc".into();
    assert!(new_findings(&doc).is_empty());
    // The target counts as well as the expected output.
    activity_mut(&mut doc, 26).target = "05 cuộc đối thoại".into();
    assert!(
        new_findings(&doc)[0]
            .message
            .ends_with("nêu 05 cuộc (chỉ tiêu).")
    );
}

#[test]
fn the_units_level_and_the_level_of_a_funding_source() {
    let unit = |name: &str, parent: &str| Unit {
        id: 1,
        name: name.into(),
        parent_body: parent.into(),
        abbreviation: String::new(),
    };
    let gia_lai = "Ủy ban nhân dân tỉnh Gia Lai";
    assert!(is_provincial(&unit("Sở Tư pháp", gia_lai)));
    assert!(is_provincial(&unit(
        "Văn phòng Ủy ban nhân dân tỉnh",
        gia_lai
    )));
    assert!(is_provincial(&unit(
        "Ban Dân tộc",
        "UỶ BAN NHÂN DÂN TỈNH GIA LAI"
    )));
    assert!(is_provincial(&unit(gia_lai, "")));
    assert!(is_provincial(&unit(
        "Sở Y tế",
        "Ủy ban nhân dân thành phố Hà Nội"
    )));
    assert!(!is_provincial(&unit(
        "Ủy ban nhân dân xã Ia Hrung",
        gia_lai
    )));
    assert!(!is_provincial(&unit(
        "Ban Chỉ huy Quân sự xã",
        "Ủy ban nhân dân xã Ia Hrung"
    )));
    assert!(!is_provincial(&unit("Sở Tư pháp", "")));
    for (source, level) in [
        ("Ngân sách địa phương (cấp xã)", Some("cấp xã")),
        ("Ngân sách cấp xã", Some("cấp xã")),
        ("ngân sách xã", Some("cấp xã")),
        ("Ngân sách phường", Some("cấp xã")),
        ("Ngân sách cấp huyện", Some("cấp huyện")),
        ("Ngân sách tỉnh", None),
        ("Quỹ xã hội hóa", None),
        ("Ngân sách xã hội hóa", None),
    ] {
        assert_eq!(lower_level(source), level, "{source}");
    }
}
