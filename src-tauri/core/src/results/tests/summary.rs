//! Last year's key figures, as the next year's plan opens with them.

use super::{done, recorded, sample};
use crate::money::Money;
use crate::results::*;

#[test]
fn the_summary_gives_the_key_figures_of_the_year_in_one_paragraph() {
    let doc = sample();
    let ids: Vec<i64> = doc.activities.iter().map(|a| a.id).collect();
    let mut activities: Vec<ActivityResult> = ids[..45].iter().map(|id| done(*id)).collect();
    activities.push(recorded(ids[45], ActivityStatus::InProgress));
    let mut cancelled = recorded(ids[46], ActivityStatus::Cancelled);
    cancelled.reason = "Chính sách được lùi sang năm sau.".into();
    activities.push(cancelled);
    let manual = doc
        .objectives
        .iter()
        .find(|o| o.measure == IndicatorMeasure::Manual)
        .expect("manual");
    let spend = |i: usize, d: i64| LineSpending {
        budget_line_id: doc.budget_lines[i].id,
        spent: Money::new(d).expect("money"),
        note: String::new(),
        recorded_at: String::new(),
    };
    let results = PlanResults {
        activities,
        spending: vec![spend(0, 58_000_000), spend(1, 100_000_000)],
        objectives: vec![ObjectiveResult {
            objective_id: manual.id,
            actual: Some(72),
            note: String::new(),
            recorded_at: String::new(),
        }],
        reports: Vec::new(),
    };
    let approved = crate::budget::approved_sum(&doc.budget_lines)
        .expect("sum")
        .expect("some approved");
    assert_eq!(
        previous_year_summary(&doc, &results),
        format!(
            "Năm 2027, Sở Nông nghiệp và Môi trường đã hoàn thành 45/51 hoạt động truyền thông (88,2 %), \
             đang thực hiện 1 hoạt động, không thực hiện 1 hoạt động; tổ chức 05 cuộc họp báo; \
             cung cấp thông tin cho báo chí 12/12 tháng; \
             100 % chính sách có tác động lớn được truyền thông từ khâu đề xuất chính sách; \
             tỷ lệ người dân được khảo sát biết ít nhất 03 chính sách do Sở chủ trì tham mưu đạt 72 % (chỉ tiêu 70 %); \
             kinh phí đã chi 158.000.000 đồng/{} đồng được phê duyệt.",
            crate::money::group(approved.dong())
        )
    );
}

#[test]
fn a_year_with_little_recorded_says_only_what_it_knows() {
    let mut doc = sample();
    doc.policies.iter_mut().for_each(|p| p.major_impact = false);
    for l in &mut doc.budget_lines {
        l.approved = None;
    }
    let id = doc.activities[7].id;
    let results = PlanResults {
        activities: vec![done(id)],
        spending: vec![LineSpending {
            budget_line_id: doc.budget_lines[0].id,
            spent: Money::new(1_000_000).expect("money"),
            note: String::new(),
            recorded_at: String::new(),
        }],
        ..PlanResults::default()
    };
    let total = crate::budget::total_proposed(&doc.budget_lines).expect("total");
    assert_eq!(
        previous_year_summary(&doc, &results),
        format!(
            "Năm 2027, Sở Nông nghiệp và Môi trường đã hoàn thành 1/51 hoạt động truyền thông (2 %); \
             kinh phí đã chi 1.000.000 đồng/{} đồng dự toán.",
            crate::money::group(total.dong())
        )
    );
}
