//! Tests of the diff: the plan's own fields, totals, the text rendering and
//! the IPC form here; the lists in `lists`; properties in `props`.

use super::*;
use crate::file::PlanFile;
use crate::model::PlanStatus;
use crate::money::Quantity;
use crate::plan::SignerAuthority;

mod lists;
mod props;

fn sample() -> PlanDocument {
    match PlanFile::parse(include_str!("../../../../../assets/sample-plan.json")) {
        Ok(file) => file.plan,
        Err(e) => panic!("sample plan: {}", e.message),
    }
}

fn money(n: i64) -> Money {
    Money::new(n).expect("a valid amount")
}

fn list(d: &PlanDiff, entity: Entity) -> &ListDiff {
    d.lists
        .iter()
        .find(|l| l.entity == entity)
        .unwrap_or_else(|| panic!("no differences in {entity:?}: {d:#?}"))
}

/// The only list with differences is `entity`, and no text changed.
fn only_list(d: &PlanDiff, entity: Entity) -> &ListDiff {
    assert!(d.texts.is_empty(), "{:#?}", d.texts);
    assert_eq!(d.lists.len(), 1, "{:#?}", d.lists);
    list(d, entity)
}

fn independent_total(doc: &PlanDocument) -> i64 {
    doc.budget_lines.iter().map(|l| l.amount.dong()).sum()
}

#[test]
fn identical_revisions_differ_in_nothing() {
    let a = sample();
    let d = diff(&a, &a.clone());
    assert!(d.is_empty());
    assert!(!d.has_content_changes());
    assert!(d.texts.is_empty() && d.lists.is_empty());
    assert!(!d.totals.proposed.changed() && !d.totals.approved.changed());
    assert_eq!(d.totals.activities.before, 51);
    assert_eq!(d.totals.activities.after, 51);
    let text = render_text(&d);
    assert!(text.contains("Hai phiên bản giống nhau"), "{text}");
}

#[test]
fn status_and_time_of_saving_are_not_differences() {
    let a = sample();
    let mut b = a.clone();
    b.status = PlanStatus::Submitted;
    b.updated_at = "2027-01-05T09:30:00.000Z".into();
    b.id = 42;
    assert!(diff(&a, &b).is_empty());
}

#[test]
fn one_changed_text_is_one_text_change() {
    let a = sample();
    let mut b = a.clone();
    b.fields.title = format!("{} (sửa đổi)", a.fields.title);
    let d = diff(&a, &b);
    assert!(d.lists.is_empty());
    assert_eq!(d.texts.len(), 1, "{:#?}", d.texts);
    let t = &d.texts[0];
    assert_eq!(t.field, "title");
    assert_eq!(t.label, "Tên kế hoạch");
    assert_eq!(t.step, Step::General);
    assert_eq!(t.before, a.fields.title);
    assert_eq!(t.after, b.fields.title);
    assert_eq!(
        t.words.last(),
        Some(&WordSegment {
            kind: SegmentKind::Added,
            text: " (sửa đổi)".into()
        })
    );
    assert!(d.has_content_changes() && !d.is_empty());
}

#[test]
fn every_plan_field_is_compared_and_labelled_in_its_step() {
    let a = sample();
    let mut b = a.clone();
    b.fields.spokesperson_contact = "0269 3 999 999".into();
    b.fields
        .crisis_procedure
        .push_str("\nBước 5: rút kinh nghiệm.");
    b.fields.signer_authority = Some(SignerAuthority::Direct);
    b.fields.issue_date = "2027-01-05".into();
    b.year = 2028;
    let d = diff(&a, &b);
    let got: Vec<(&str, Step)> = d.texts.iter().map(|t| (t.label.as_str(), t.step)).collect();
    assert_eq!(
        got,
        [
            ("Năm kế hoạch", Step::General),
            ("Ngày ban hành", Step::General),
            ("Liên hệ người phát ngôn", Step::Staffing),
            ("Quy trình xử lý khủng hoảng truyền thông", Step::Monitoring),
            ("Thẩm quyền ký", Step::Signature),
        ]
    );
    assert_eq!(d.texts[1].after, "05/01/2027");
    assert_eq!(d.texts[4].after, "Ký trực tiếp");
}

#[test]
fn a_total_past_the_maximum_is_not_computable_and_does_not_panic() {
    let a = sample();
    let mut b = a.clone();
    for line in &mut b.budget_lines {
        line.unit_price = money(crate::money::MAX_AMOUNT);
        line.quantity = Quantity(100);
        line.amount = money(crate::money::MAX_AMOUNT);
    }
    let d = diff(&a, &b);
    assert_eq!(d.totals.proposed.after, None);
    assert_eq!(d.totals.proposed.difference, None);
    assert!(d.totals.proposed.before.is_some());
    let text = render_text(&d);
    assert!(text.contains("→ không tính được"), "{text}");
    let back = diff(&b, &b);
    assert!(back.is_empty());
    assert_eq!(back.totals.proposed.before, None);
    assert!(render_text(&back).contains("không tính được (không đổi)"));
}

#[test]
fn the_text_rendering_reads_in_vietnamese() {
    let a = sample();
    let mut b = a.clone();
    b.fields.purposes = a.fields.purposes.replacen("người dân", "nhân dân", 1);
    assert_ne!(a.fields.purposes, b.fields.purposes);
    b.recipients.pop();
    b.trainings[0].timing = "Quý III/2027".into();
    let d = diff(&a, &b);
    let text = d.summary_vi();
    assert!(text.starts_with("Những thay đổi giữa hai phiên bản kế hoạch\n"));
    assert!(text.contains("\nTHÔNG TIN CHUNG\n  Mục đích:\n"), "{text}");
    assert!(text.contains("[-người-]{+nhân+} dân"), "{text}");
    assert!(text.contains("\nNHÂN SỰ\n  Bồi dưỡng, tập huấn: thêm 0, bỏ 0, sửa 1\n"));
    assert!(text.contains("Thời gian: "), "{text}");
    assert!(text.contains("\nKÝ BAN HÀNH VÀ NƠI NHẬN\n  Nơi nhận: thêm 0, bỏ 1, sửa 0\n    − "));
    assert!(text.contains("\nTỔNG HỢP\n  Tổng kinh phí đề xuất: "));
    assert!(text.contains("  Số chính sách: 6 (không đổi)\n"));
    // Sections come in the editor's order.
    let general = text.find("THÔNG TIN CHUNG").unwrap_or(usize::MAX);
    let staffing = text.find("NHÂN SỰ").unwrap_or(0);
    assert!(general < staffing);
}

#[test]
fn the_diff_crosses_ipc_as_camel_case_json() {
    let a = sample();
    let mut b = a.clone();
    b.budget_lines.remove(0);
    let json = serde_json::to_value(diff(&a, &b)).expect("json");
    assert_eq!(json["lists"][0]["entity"], "budget_line");
    assert_eq!(json["totals"]["proposed"]["difference"], "-60000000");
    assert!(json["totals"]["budgetLines"]["before"].is_number());
    let back: PlanDiff = serde_json::from_value(json).expect("back");
    assert_eq!(back, diff(&a, &b));
}
