//! The results screen's path on a real database file: fields changed one at
//! a time as typed, each keeping what was recorded before, and the view of a
//! period answered with what Rust computed.

mod common;

use chrono::NaiveDate;
use common::with_sample;
use commplan_core::FieldValue;
use commplan_core::results::{ActivityStatus, Period, RecordKind, ResultEdit, ResultField};
use commplan_store::Store;

fn edit(kind: RecordKind, id: i64, fields: &[(&str, &str)]) -> ResultEdit {
    ResultEdit {
        kind,
        id,
        period: Period::Year,
        fields: fields
            .iter()
            .map(|(field, value)| ResultField {
                field: (*field).to_string(),
                value: FieldValue::Text((*value).to_string()),
            })
            .collect(),
    }
}

fn approved() -> (tempfile::TempDir, Store, i64) {
    let (dir, mut store, plan) = with_sample();
    store.submit_plan(plan).expect("submit");
    store.approve_plan(plan).expect("approve");
    (dir, store, plan)
}

#[test]
fn fields_typed_one_at_a_time_make_one_record_and_the_view_shows_it() {
    let (_dir, mut store, plan) = approved();
    let doc = store.plan_document(plan).expect("doc");
    let id = doc.activities[0].id;
    let line = doc.budget_lines[0].id;
    let as_of = NaiveDate::from_ymd_opt(2027, 4, 1).expect("date");

    let before = store.results_view(plan, Period::Year, as_of).expect("view");
    let blank = before.activities.iter().find(|r| r.activity_id == id);
    assert_eq!(blank.map(|r| r.status), Some(ActivityStatus::NotStarted));

    let status = edit(RecordKind::Activity, id, &[("status", "done")]);
    store.record_edit(plan, &status).expect("status");
    let day = edit(RecordKind::Activity, id, &[("doneOn", "15/03/2027")]);
    let results = store.record_edit(plan, &day).expect("date");
    let r = results.activity(id).expect("recorded");
    assert_eq!(
        (r.status, r.done_on.as_str()),
        (ActivityStatus::Done, "2027-03-15")
    );

    // Cancelling alone is refused and changes nothing; with its reason it is kept.
    let alone = edit(RecordKind::Activity, id, &[("status", "cancelled")]);
    let refused = store.record_edit(plan, &alone).expect_err("no reason");
    assert_eq!(
        refused.message,
        "Hoạt động không thực hiện: cần ghi lý do không thực hiện."
    );
    assert_eq!(store.plan_results(plan).expect("read"), results);
    let both = edit(
        RecordKind::Activity,
        id,
        &[("status", "cancelled"), ("reason", "Hết kinh phí")],
    );
    store.record_edit(plan, &both).expect("cancelled");

    let spent = edit(RecordKind::Spending, line, &[("spent", "12.500.000")]);
    store.record_edit(plan, &spent).expect("spent");
    let view = store.results_view(plan, Period::Year, as_of).expect("view");
    let shown = view.report.activities.iter().find(|l| l.activity_id == id);
    assert_eq!(shown.map(|l| l.note.as_str()), Some("Hết kinh phí"));
    assert_eq!(view.report.total_spent.map(|m| m.dong()), Some(12_500_000));
}

#[test]
fn a_draft_takes_no_result_through_the_screen_either() {
    let (_dir, mut store, plan) = with_sample();
    let id = store.plan_document(plan).expect("doc").activities[0].id;
    let status = edit(RecordKind::Activity, id, &[("status", "done")]);
    let refused = store.record_edit(plan, &status).expect_err("a draft");
    assert_eq!(
        refused.message,
        "Chỉ ghi kết quả thực hiện cho kế hoạch đã được phê duyệt."
    );
}
