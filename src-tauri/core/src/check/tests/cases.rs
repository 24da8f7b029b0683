//! Each rule of the catalogue broken alone in the sample plan: exactly its
//! finding, with the message expected, and a fix that clears it.

use super::{activity_mut, check, new_findings, sample};
use crate::check::catalogue::CATALOGUE;
use crate::check::{Severity, rules};
use crate::money::Quantity;
use crate::plan::{Activity, PlanDocument, SignerAuthority, Stage};

type Mutation = fn(&mut PlanDocument);

/// A rule id, how to break it in the sample, the message expected, and a fix.
pub(super) type Case = (&'static str, Mutation, &'static str, Mutation);

/// For each rule: how to break it in the sample, the message expected, and
/// a fix that is not merely the sample's own value. In catalogue order.
pub(super) fn cases() -> Vec<Case> {
    [
        general_cases(),
        policy_cases(),
        staffing_cases(),
        press_cases(),
        monitoring_cases(),
        signature_cases(),
    ]
    .concat()
}

/// Back to a draft with neither number nor date.
fn unnumbered(d: &mut PlanDocument) {
    d.fields.number = String::new();
    d.fields.issue_date = String::new();
}

/// The general step: legal bases, symbol, number, date and place.
fn general_cases() -> Vec<Case> {
    vec![
        (
            "legal.directive_07",
            |d| d.legal_bases.retain(|b| !b.text.starts_with("Chỉ thị")),
            "Phần căn cứ chưa có Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về việc tăng cường công tác truyền thông chính sách.",
            |d| {
                d.legal_bases.push(crate::plan::LegalBasis {
                    id: 99,
                    text: "chi\u{309} thi\u{323} so\u{302}\u{301} 07 / ct – ttg ngày 21/3/2023"
                        .into(),
                })
            },
        ),
        (
            "legal.superseded",
            |d| d.legal_bases[2].text = "Luật Báo chí ngày 05 tháng 4 năm 2016".into(),
            "Căn cứ “Luật Báo chí ngày 05 tháng 4 năm 2016”: đã có văn bản mới hơn cùng lĩnh vực có hiệu lực: Luật Báo chí ngày 10 tháng 12 năm 2025 (có hiệu lực từ 01/07/2026).",
            |d| d.legal_bases[2].text = "Luật Báo chí số 126/2025/QH15".into(),
        ),
        (
            "legal.former_province",
            |d| d.legal_bases[7].text = d.legal_bases[7].text.replace(" (cũ)", ""),
            "Căn cứ “Công văn số 1372/UBND-KGVX ngày 26 tháng 5 năm 2023 của Ủy ban nhân dân tỉnh Gia Lai về việc triển khai Chỉ thị số…” là văn bản ban hành trước ngày 01/07/2025, khi chính quyền tỉnh sau sắp xếp bắt đầu hoạt động: nên ghi “tỉnh Gia Lai (cũ)”, để phân biệt với tỉnh Gia Lai sau sắp xếp.",
            |d| {
                d.legal_bases[7].text = d.legal_bases[7]
                    .text
                    .replace("tỉnh Gia Lai", "tỉnh Gia Lai ( Cũ )")
            },
        ),
        (
            "general.symbol",
            |d| d.fields.symbol = "kh-snnmt".into(),
            "Ký hiệu “kh-snnmt” không đúng thể thức: phải bắt đầu bằng “KH-”, tiếp theo là chữ in hoa hoặc chữ số, nối bằng dấu gạch nối (ví dụ: KH-SNNMT, KH-UBND).",
            |d| d.fields.symbol = "KH-SĐT-2".into(),
        ),
        (
            "general.number",
            |d| {
                d.fields.number = "12/KH".into();
                d.fields.issue_date = "2027-01-05".into();
            },
            "Số văn bản “12/KH” chỉ được gồm chữ số (ví dụ: 12); ký hiệu ghi ở ô Ký hiệu.",
            unnumbered,
        ),
        (
            "general.issue_date",
            |d| {
                d.fields.number = "12".into();
                d.fields.issue_date = "2027-02-30".into();
            },
            "Ngày ban hành “2027-02-30” không phải là một ngày hợp lệ.",
            unnumbered,
        ),
        (
            "general.issue_year",
            |d| {
                d.fields.number = "12".into();
                d.fields.issue_date = "2025-12-30".into();
            },
            "Ngày ban hành 30/12/2025 không thuộc năm 2026 hoặc năm 2027 của kế hoạch.",
            unnumbered,
        ),
        (
            "general.place",
            |d| d.fields.place = "  ".into(),
            "Chưa có địa danh ghi trước ngày tháng năm ban hành (ví dụ: Gia Lai).",
            |d| d.fields.place = "Pleiku".into(),
        ),
        (
            "general.subject_repeats_type",
            |d| d.fields.title = "Kế hoạch truyền thông chính sách năm 2027".into(),
            "Tên kế hoạch “Kế hoạch truyền thông chính sách năm 2027” lặp lại tên loại “KẾ HOẠCH” in ngay phía trên; nên ghi: “Truyền thông chính sách năm 2027”.",
            |d| d.fields.title = "Truyền thông chính sách về nông nghiệp năm 2027".into(),
        ),
    ]
}

/// The policies and activities steps.
fn policy_cases() -> Vec<Case> {
    vec![
        (
            "policy.stages",
            |d| {
                d.activities
                    .retain(|a| !(a.policy_id == Some(5) && a.stage == Some(Stage::Drafting)))
            },
            "Chính sách “Chính sách hỗ trợ đầu tư, quản lý, khai thác công trình cấp nước sạch nông thôn tập trung”: giai đoạn Xây dựng chưa có hoạt động và chưa ghi lý do không áp dụng.",
            |d| {
                let s = &mut d.policies[4].stages[1];
                s.not_applicable = true;
                s.reason = "Dự thảo được xây dựng trong năm 2028.".into();
            },
        ),
        (
            "policy.major_impact_consultation",
            |d| {
                for a in d.activities.iter_mut().filter(|a| {
                    a.policy_id == Some(6)
                        && matches!(a.stage, Some(Stage::Drafting | Stage::Finalising))
                }) {
                    a.channel_id = Some(3);
                    a.content = "Đăng tải dự thảo Nghị quyết".into();
                }
            },
            "Chính sách “Quy định khu vực không được phép chăn nuôi và chính sách hỗ trợ di dời cơ sở chăn nuôi ra khỏi khu vực không được phép chăn nuôi”: chính sách có tác động lớn đến xã hội nhưng các giai đoạn Xây dựng, Hoàn thiện, Ban hành trong năm chưa có hoạt động lấy ý kiến, tham vấn hoặc đối thoại với đối tượng chịu tác động.",
            // Decomposed, capitals: still a consultation.
            |d| {
                activity_mut(d, 45).content =
                    "LA\u{302}\u{301}Y Y\u{301} KIE\u{302}\u{301}N hộ chăn nuôi".into()
            },
        ),
        (
            "policy.key_messages",
            |d| d.policies[2].key_messages = "\n".into(),
            "Chính sách “Phân loại chất thải rắn sinh hoạt tại nguồn và thu giá dịch vụ thu gom, vận chuyển, xử lý theo khối lượng”: chưa có thông điệp chính.",
            |d| d.policies[2].key_messages = "Phân loại rác tại nguồn.".into(),
        ),
        (
            "policy.capital_after_semicolon",
            |d| {
                d.policies[0].affected_groups =
                    "Hộ nông dân; Doanh nghiệp, hợp tác xã; Ủy ban nhân dân các xã.".into()
            },
            "Chính sách “Chính sách hỗ trợ phát triển nông nghiệp hữu cơ, nông nghiệp ứng dụng công nghệ cao trên địa bàn tỉnh Gia Lai giai đoạn 2028 - 2030”, nhóm đối tượng chịu tác động: sau dấu chấm phẩy, “Doanh nghiệp” viết hoa; nếu không phải tên riêng hay tên cơ quan, tổ chức thì viết thường (“doanh nghiệp”).",
            |d| {
                d.policies[0].affected_groups =
                    "Hộ nông dân; doanh nghiệp, hợp tác xã; Ủy ban nhân dân các xã.".into()
            },
        ),
        (
            "activity.channel_timing",
            |d| {
                let a = activity_mut(d, 5);
                a.channel_id = None;
                a.months.clear();
            },
            "Hoạt động “Vận hành Zalo OA chính thức của Sở: gửi thông tin chính sách, lịch lấy ý kiến, cảnh báo…”: chưa chọn hình thức và chưa có thời gian thực hiện.",
            |d| {
                let a = activity_mut(d, 5);
                a.channel_id = Some(4);
                a.start_date = "2027-02-01".into();
            },
        ),
    ]
}

/// The staffing step.
fn staffing_cases() -> Vec<Case> {
    vec![
        (
            "staffing.leader",
            |d| d.fields.leader_name = " ".into(),
            "Chưa ghi họ tên lãnh đạo phụ trách công tác truyền thông chính sách.",
            |d| d.fields.leader_name = "Nguyễn Văn A".into(),
        ),
        (
            "staffing.spokesperson",
            |d| d.fields.spokesperson_name = String::new(),
            "Chưa ghi họ tên người phát ngôn của cơ quan.",
            |d| d.fields.spokesperson_name = "Trần Thị B".into(),
        ),
        (
            "staffing.focal_officer",
            |d| {
                d.focal_officers
                    .iter_mut()
                    .for_each(|o| o.name = String::new())
            },
            "Cán bộ đầu mối truyền thông chính sách chưa có họ tên.",
            |d| d.focal_officers[3].name = "Rơ Mah Tuấn".into(),
        ),
        (
            "staffing.training",
            |d| d.trainings.iter_mut().for_each(|t| t.topic = " ".into()),
            "Chưa có khóa bồi dưỡng, tập huấn nào có nội dung cho đội ngũ làm truyền thông chính sách.",
            |d| d.trainings[1].topic = "Kỹ năng viết tin".into(),
        ),
    ]
}

/// The press step.
fn press_cases() -> Vec<Case> {
    vec![
        (
            "press.partner",
            |d| d.press_partners.clear(),
            "Chưa có cơ quan báo chí phối hợp hoặc được đặt hàng, giao nhiệm vụ.",
            |d| {
                d.press_partners.push(crate::plan::PressPartner {
                    id: 9,
                    name: "Báo Gia Lai".into(),
                    arrangement: "Đặt hàng".into(),
                    tasks: String::new(),
                })
            },
        ),
        (
            "press.regular_information",
            |d| d.activities.retain(|a| a.id != 1),
            "Việc cung cấp thông tin định kỳ cho báo chí chưa được bố trí trong tháng 1, 2, 4, 5, 7, 8, 10, 11.",
            |d| {
                d.activities.push(Activity {
                    id: 100,
                    content: "Người phát ngôn cung cấp thông tin cho báo chí hàng tháng".into(),
                    months: vec![1, 2, 4, 5, 7, 8, 10, 11],
                    ..d.activities[0].clone()
                })
            },
        ),
        (
            "press.quarterly_conference",
            |d| activity_mut(d, 2).months = vec![3, 6],
            "Chưa có họp báo trong Quý III.",
            |d| activity_mut(d, 2).months = vec![3, 6, 8],
        ),
    ]
}

/// The monitoring, budget and implementation steps.
fn monitoring_cases() -> Vec<Case> {
    vec![
        (
            "monitoring.public_disclosure",
            |d| d.fields.public_disclosure = String::new(),
            "Chưa nêu thông tin được công khai và hình thức công khai theo Luật Tiếp cận thông tin.",
            |d| d.fields.public_disclosure = "Đăng tải trên trang thông tin điện tử.".into(),
        ),
        (
            "monitoring.opinion",
            |d| d.fields.opinion_monitoring = String::new(),
            "Chưa nêu cách theo dõi dư luận xã hội, báo chí và mạng xã hội về chính sách.",
            |d| d.fields.opinion_monitoring = "Theo dõi hằng ngày.".into(),
        ),
        (
            "monitoring.false_information",
            |d| d.fields.false_information = String::new(),
            "Chưa nêu cách phát hiện và xử lý thông tin sai sự thật.",
            |d| d.fields.false_information = "Đính chính trong 24 giờ.".into(),
        ),
        (
            "monitoring.crisis_procedure",
            |d| d.fields.crisis_procedure = String::new(),
            "Chưa có quy trình xử lý khủng hoảng truyền thông.",
            |d| d.fields.crisis_procedure = "Bước 1 …".into(),
        ),
        (
            "budget.funding_source",
            |d| d.budget_lines[2].funding_source_id = None,
            "Dòng kinh phí “Phóng sự truyền hình về cộng đồng nhận khoán bảo vệ rừng” chưa có nguồn kinh phí.",
            |d| d.budget_lines[2].funding_source_id = Some(1),
        ),
        (
            "budget.funding_level",
            |d| d.budget_lines[5].funding_source_id = Some(2),
            "Dòng kinh phí “Biên soạn bản tin song ngữ phát trên loa truyền thanh cơ sở” lấy nguồn “Ngân sách địa phương (cấp xã)”, nhưng Sở Nông nghiệp và Môi trường là đơn vị cấp tỉnh, không cam kết được ngân sách cấp xã; hãy chọn nguồn đơn vị bố trí được, phần kinh phí do cấp xã tự bảo đảm ghi ở ghi chú.",
            // A commune's own plan commits the commune's budget.
            |d| {
                d.unit.name = "Ủy ban nhân dân xã Ia Hrung".into();
                d.unit.parent_body = "Ủy ban nhân dân tỉnh Gia Lai".into();
            },
        ),
        (
            "budget.quantity_target",
            |d| d.budget_lines[7].quantity = Quantity(300),
            "Dòng kinh phí “Hội nghị lấy ý kiến dự thảo bảng giá đất điều chỉnh” dự trù 3 hội nghị, nhưng hoạt động “Hội nghị lấy ý kiến dự thảo bảng giá đất điều chỉnh với Ủy ban nhân dân các xã, phường…” gắn với dòng nêu 01 hội nghị (sản phẩm dự kiến).",
            |d| activity_mut(d, 20).expected_output = "03 Hội nghị theo cụm xã, phường".into(),
        ),
        (
            "budget.fractional_count",
            |d| {
                d.budget_lines[12].unit_of_measure = "bộ".into();
                d.budget_lines[12].quantity = Quantity(1250);
            },
            "Dòng kinh phí “Thuê dịch vụ theo dõi, tổng hợp thông tin trên báo chí và mạng xã hội”: số lượng 12,5 bộ không phải số nguyên, mà “bộ” được đếm từng đơn vị.",
            |d| d.budget_lines[12].quantity = Quantity(1300),
        ),
        (
            "implementation.reporting",
            |d| {
                d.fields.reporting = String::new();
                d.reports.clear();
            },
            "Chưa có chế độ báo cáo kết quả thực hiện kế hoạch.",
            |d| d.fields.reporting = "Báo cáo năm trước ngày 20/11.".into(),
        ),
    ]
}

/// The signature step.
fn signature_cases() -> Vec<Case> {
    vec![
        (
            "signature.signer",
            |d| {
                d.fields.signer_authority_of = String::new();
                d.fields.signer_name = String::new();
            },
            "Phần ký ban hành chưa có: chức danh được thay mặt, ký thay (ví dụ: GIÁM ĐỐC); họ tên người ký.",
            |d| {
                d.fields.signer_authority = Some(SignerAuthority::Direct);
                d.fields.signer_position = "GIÁM ĐỐC".into();
                d.fields.signer_name = "Đoàn Minh Triết".into();
            },
        ),
        (
            "signature.recipients",
            |d| d.recipients.clear(),
            "Chưa có nơi nhận.",
            |d| {
                d.recipients.push(crate::plan::Recipient {
                    id: 1,
                    text: "- Lưu VT, VP".into(),
                })
            },
        ),
        (
            "signature.archive_copy",
            |d| {
                if let Some(r) = d.recipients.last_mut() {
                    r.text = "Lưu: VP".into();
                }
            },
            "Dòng cuối của nơi nhận là “Lưu: VP”; theo thể thức phải là “Lưu: VT, …” (ví dụ: “Lưu: VT, VP”).",
            |d| {
                if let Some(r) = d.recipients.last_mut() {
                    r.text = "lưu :  vt, VP".into();
                }
            },
        ),
    ]
}

#[test]
fn each_rule_broken_alone_gives_exactly_its_finding_and_the_fix_clears_it() {
    let base = check(&sample());
    for (rule, brk, message, fix) in cases() {
        let mut doc = sample();
        brk(&mut doc);
        let new = new_findings(&doc);
        assert_eq!(new.len(), 1, "{rule}: {new:#?}");
        assert_eq!(new[0].rule, rule);
        assert_eq!(new[0].message, message, "{rule}");
        let def = CATALOGUE
            .iter()
            .find(|d| d.id == rule)
            .expect("in catalogue");
        assert_eq!(new[0].severity, def.severity, "{rule}");
        assert_eq!(new[0].step, def.step, "{rule}");
        let report = check(&doc);
        let text = report.rule(rule).expect("the rule's text is in the report");
        assert_eq!(text.citation, def.citation, "{rule}");
        assert_eq!(text.title, def.title, "{rule}");
        assert_eq!(
            report.can_submit(),
            def.severity != Severity::Blocking,
            "{rule}"
        );
        fix(&mut doc);
        assert_eq!(
            check(&doc).findings,
            base.findings,
            "{rule}: the fix must clear it"
        );
    }
}

#[test]
fn every_rule_is_exercised_by_a_case() {
    let mut covered: Vec<&str> = cases().iter().map(|c| c.0).collect();
    covered.push("general.number_date_pending"); // in the sample itself
    // Needs a text not in force in the plan's year, which the shipped list
    // has not for 2027: broken and fixed in `law.rs`.
    covered.push("legal.not_in_force");
    // Rules of what was recorded of an approved plan (`check_results`):
    // broken and mended in `results/tests/report.rs`.
    covered.extend(["results.unrecorded_activity", "results.overspent"]);
    for r in rules() {
        assert!(covered.contains(&r.id), "no test breaks {}", r.id);
    }
}
