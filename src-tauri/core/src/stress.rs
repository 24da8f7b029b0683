//! A large synthetic plan, for benchmarks and stress tests: `policies`
//! policies and `activities` activities spread over them and their stages,
//! with `lines` budget lines if asked ([`budgeted_plan`]), every text in
//! Vietnamese with diacritics. [`STRESS`] is the size the benchmarks time.

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

/// The size of the plan every view must handle at full speed: policies,
/// activities, budget lines.
pub const STRESS: (usize, usize, usize) = (100, 1_000, 3_000);

/// The plan of [`STRESS`]'s size, for `year`.
pub fn stress_plan(year: i32) -> PlanDocument {
    let (policies, activities, lines) = STRESS;
    budgeted_plan(policies, activities, lines, year)
}

/// A plan without budget lines.
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
        objectives: Vec::new(),
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

/// The funding sources and budget categories of a synthetic plan.
const SOURCES: [&str; 3] = [
    "Ngân sách tỉnh",
    "Ngân sách địa phương (cấp xã)",
    "Nguồn hợp pháp khác",
];
const CATEGORIES: [&str; 4] = [
    "Đặt hàng, giao nhiệm vụ cho cơ quan báo chí",
    "Sản xuất sản phẩm truyền thông",
    "Hội nghị, đối thoại, tọa đàm",
    "In ấn, phát hành tài liệu",
];
const PRESS: [&str; 2] = [
    "Báo và Phát thanh, Truyền hình Gia Lai",
    "Cổng Thông tin điện tử tỉnh Gia Lai",
];

fn ref_items(names: &[&str]) -> Vec<crate::budget::RefItem> {
    names
        .iter()
        .enumerate()
        .map(|(i, name)| crate::budget::RefItem {
            id: to_id(i + 1),
            name: (*name).to_string(),
        })
        .collect()
}

/// Budget line number `i + 1`: categories, sources and activities in turn,
/// every other line approved; press lines name an agency.
fn budget_line(i: usize, activities: usize) -> crate::budget::BudgetLine {
    use crate::money::{Money, Quantity, line_amount};
    let category = i % CATEGORIES.len();
    let price = Money::new(to_id(1_500_000 + (i % 7) * 250_000)).unwrap_or_default();
    let quantity = Quantity(to_id(100 * (i % 5 + 1)));
    let amount = line_amount(quantity, price).unwrap_or_default();
    let description = if category == 0 {
        format!(
            "Đặt hàng tin, bài số {} trên {}",
            i + 1,
            PRESS[i % PRESS.len()]
        )
    } else {
        format!(
            "Khoản chi số {} cho hoạt động truyền thông chính sách",
            i + 1
        )
    };
    crate::budget::BudgetLine {
        id: to_id(i + 1),
        category_id: Some(to_id(category + 1)),
        description,
        unit_of_measure: "tin, bài".into(),
        quantity,
        unit_price: price,
        amount,
        approved: i.is_multiple_of(2).then_some(amount),
        funding_source_id: Some(to_id(i % SOURCES.len() + 1)),
        activity_id: (activities > 0).then(|| to_id(i % activities + 1)),
        notes: String::new(),
    }
}

/// A large plan with `lines` budget lines: categories, funding sources and
/// activities in turn, every other line approved.
pub fn budgeted_plan(policies: usize, activities: usize, lines: usize, year: i32) -> PlanDocument {
    let mut doc = large_plan(policies, activities, year);
    doc.funding_sources = ref_items(&SOURCES);
    doc.budget_categories = ref_items(&CATEGORIES);
    doc.budget_lines = (0..lines).map(|i| budget_line(i, activities)).collect();
    doc
}

/// The plan of synthetic unit number `k` for a consolidation: a budgeted plan
/// with a spokesperson, a focal officer and two press agencies.
pub fn unit_plan(
    k: usize,
    policies: usize,
    activities: usize,
    lines: usize,
    year: i32,
) -> PlanDocument {
    let mut doc = budgeted_plan(policies, activities, lines, year);
    doc.unit.name = format!("Đơn vị thử nghiệm số {k}");
    doc.unit.abbreviation = format!("DVTN{k}");
    doc.fields.symbol = format!("KH-DVTN{k}");
    doc.fields.spokesperson_name = format!("Nguyễn Văn Phát Ngôn {k}");
    doc.fields.spokesperson_position = "Phó Giám đốc".into();
    doc.fields.spokesperson_contact = "Điện thoại: 0269 3824 517".into();
    doc.focal_officers = vec![FocalOfficer {
        id: 1,
        name: format!("Trần Thị Đầu Mối {k}"),
        position: "Chuyên viên".into(),
        unit: "Văn phòng".into(),
        phone: "0269 3824 520".into(),
        email: "daumoi@gialai.gov.vn".into(),
    }];
    doc.press_partners = PRESS
        .iter()
        .enumerate()
        .map(|(i, name)| PressPartner {
            id: to_id(i + 1),
            name: (*name).to_string(),
            arrangement: "Đặt hàng".into(),
            tasks: "Tin, bài, phóng sự về chính sách mới của tỉnh.".into(),
        })
        .collect();
    doc
}
