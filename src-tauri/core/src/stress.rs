//! A large synthetic plan, for benchmarks and stress tests: `policies`
//! policies and `activities` activities spread over them and their stages,
//! every text in Vietnamese with diacritics.

use crate::model::{PlanStatus, Unit};
use crate::plan::*;

/// The channel names of assets/channels.json are not needed here: the plan
/// file carries its own list, matched by name on import.
const CHANNELS: [&str; 6] = [
    "Tin, bài trên báo in, báo điện tử",
    "Chương trình phát thanh, truyền hình",
    "Tin, bài trên cổng/trang thông tin điện tử",
    "Đối thoại, tham vấn, lấy ý kiến",
    "Hệ thống thông tin cơ sở (loa truyền thanh)",
    "Tờ rơi, tờ gấp, áp phích, pa nô",
];

fn to_id(i: usize) -> i64 {
    i64::try_from(i).unwrap_or(i64::MAX)
}

pub fn large_plan(policies: usize, activities: usize, year: i32) -> PlanDocument {
    PlanDocument {
        id: 1,
        unit: Unit {
            id: 1,
            name: "Sở Thử nghiệm Hiệu năng".into(),
            parent_body: "Ủy ban nhân dân tỉnh Gia Lai".into(),
            abbreviation: "STNHN".into(),
        },
        year,
        status: PlanStatus::Draft,
        updated_at: String::new(),
        fields: PlanFields {
            title: format!("Truyền thông chính sách năm {year} (kế hoạch lớn)"),
            symbol: "KH-STNHN".into(),
            place: "Gia Lai".into(),
            purposes: "Bảo đảm người dân tiếp cận đầy đủ thông tin về chính sách.".into(),
            requirements: "Kịp thời, chính xác, đúng đối tượng.".into(),
            ..PlanFields::default()
        },
        legal_bases: vec![LegalBasis {
            id: 1,
            text: "Chỉ thị số 07/CT-TTg ngày 21 tháng 3 năm 2023 của Thủ tướng Chính phủ về tăng cường công tác truyền thông chính sách".into(),
        }],
        policies: (0..policies).map(policy).collect(),
        activities: (0..activities).map(|j| activity(j, policies)).collect(),
        focal_officers: Vec::new(),
        trainings: Vec::new(),
        press_partners: Vec::new(),
        responsibilities: Vec::new(),
        reports: Vec::new(),
        recipients: vec![Recipient {
            id: 1,
            text: "Lưu: VT".into(),
        }],
        budget_lines: Vec::new(),
        budget_categories: Vec::new(),
        funding_sources: Vec::new(),
        channels: CHANNELS
            .iter()
            .enumerate()
            .map(|(i, name)| Channel {
                id: to_id(i + 1),
                name: (*name).to_string(),
            })
            .collect(),
    }
}

/// Policy number `i + 1`, with its five stages.
fn policy(i: usize) -> Policy {
    Policy {
        id: to_id(i + 1),
        title: format!(
            "Chính sách số {} về hỗ trợ phát triển kinh tế – xã hội vùng đồng bào dân tộc thiểu số",
            i + 1
        ),
        field: "Nông nghiệp và Môi trường".into(),
        major_impact: i.is_multiple_of(3),
        affected_groups: "Người dân, hợp tác xã, doanh nghiệp nhỏ và vừa".into(),
        key_messages: "Chính sách đúng – người dân được lợi.\nMinh bạch, công khai, kịp thời."
            .into(),
        draft_document: format!("Nghị quyết số {}/2027/NQ-HĐND (dự thảo)", i + 1),
        stages: Stage::ALL
            .iter()
            .enumerate()
            .map(|(k, s)| PolicyStage {
                id: to_id(i * 5 + k + 1),
                stage: *s,
                not_applicable: false,
                reason: String::new(),
            })
            .collect(),
    }
}

/// Activity number `j + 1`: policies in turn, then their stages, channels in turn.
fn activity(j: usize, policies: usize) -> Activity {
    let policy = if policies == 0 {
        None
    } else {
        Some(to_id(j % policies + 1))
    };
    let month = u8::try_from(j % 12 + 1).unwrap_or(1);
    Activity {
        id: to_id(j + 1),
        policy_id: policy,
        stage: Some(Stage::ALL[(j / policies.max(1)) % 5]),
        content: format!(
            "Hoạt động {}: tổ chức tuyên truyền, phổ biến nội dung chính sách đến người dân ở các xã, phường, thị trấn; đăng tải tin, bài và tiếp nhận ý kiến phản hồi",
            j + 1
        ),
        channel_id: Some(to_id(j % CHANNELS.len() + 1)),
        audience: "Người dân, doanh nghiệp".into(),
        lead_unit: "Văn phòng Sở".into(),
        coordinating_units: "Ủy ban nhân dân các xã, phường".into(),
        months: vec![month, (month % 12) + 1],
        start_date: String::new(),
        end_date: String::new(),
        expected_output: "05 tin, bài; 01 phóng sự".into(),
        target: "100% xã, phường được phổ biến".into(),
    }
}
