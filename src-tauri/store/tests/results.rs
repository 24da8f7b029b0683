//! What was done of an approved plan, recorded beside it on a real database
//! file: recorded on an own approved plan while its content stays locked,
//! refused on a draft and on a received plan, listed in a history of every
//! change, and deleted only with the plan.

mod common;
mod travel;

use common::{db_in, field, result, spending, text, with_sample};
use commplan_core::results::{
    ActivityStatus, LineSpending, ObjectiveResult, Period, PlanResults, ReportTexts,
};
use commplan_core::{Entity, ErrorCode, PlanDocument};
use commplan_store::Store;
use rusqlite::Connection;

const NOT_APPROVED: &str = "Chỉ ghi kết quả thực hiện cho kế hoạch đã được phê duyệt.";

/// The sample plan submitted and approved; its document.
fn approved() -> (tempfile::TempDir, Store, i64, PlanDocument) {
    let (dir, mut store, plan) = with_sample();
    store.submit_plan(plan).expect("submit");
    store.approve_plan(plan).expect("approve");
    let doc = store.plan_document(plan).expect("doc");
    (dir, store, plan, doc)
}

fn texts(period: Period) -> ReportTexts {
    ReportTexts {
        period,
        number: "45".into(),
        issue_date: "10/7/2027".into(),
        difficulties: "Kinh phí hạn chế.".into(),
        proposals: "Bổ sung kinh phí đặt hàng báo chí.".into(),
    }
}

/// Records one of each kind on `plan`; gives what the store answered last.
fn record_one_of_each(store: &mut Store, plan: i64, doc: &PlanDocument) -> PlanResults {
    let mut done = result(doc.activities[1].id, ActivityStatus::Done);
    done.done_on = "20/3/2027".into();
    done.achieved = Some(1);
    done.reach = Some(1_200);
    store.record_activity(plan, &done).expect("activity");
    store
        .record_spending(plan, &spending(doc.budget_lines[0].id, 58_000_000, ""))
        .expect("spending");
    let manual = doc
        .objectives
        .iter()
        .find(|o| !o.measure.is_computed())
        .expect("manual objective");
    let actual = ObjectiveResult {
        objective_id: manual.id,
        actual: Some(72),
        note: "Theo kết quả khảo sát tháng 11.".into(),
        recorded_at: String::new(),
    };
    store.record_objective(plan, &actual).expect("objective");
    store
        .save_report_texts(plan, &texts(Period::FirstHalf))
        .expect("texts")
}

#[test]
fn results_are_recorded_beside_an_approved_plan_that_stays_locked() {
    let (_dir, mut store, plan, doc) = approved();
    assert_eq!(
        store.plan_results(plan).expect("none yet"),
        PlanResults::default()
    );
    let results = record_one_of_each(&mut store, plan, &doc);
    let done = &results.activities[0];
    assert_eq!(done.status, ActivityStatus::Done);
    assert_eq!(done.done_on, "2027-03-20");
    assert!(!done.recorded_at.is_empty());
    assert_eq!(results.spending[0].spent.dong(), 58_000_000);
    assert_eq!(results.objectives[0].actual, Some(72));
    assert_eq!(results.reports[0].issue_date, "2027-07-10");
    assert_eq!(store.plan_results(plan).expect("read back"), results);

    // The plan's content, its row included, did not move and is still locked.
    assert_eq!(store.plan_document(plan).expect("doc"), doc);
    let refused = store
        .edit_field(&field(
            Entity::Activity,
            doc.activities[1].id,
            "content",
            text("Khác"),
        ))
        .expect_err("locked");
    assert_eq!(refused.code, ErrorCode::Locked);
    let v = store.verify().expect("verify");
    assert!(v.is_sound(), "{v:?}");
}

#[test]
fn a_record_replaces_the_last_one_and_a_refused_one_writes_nothing() {
    let (_dir, mut store, plan, doc) = approved();
    let id = doc.activities[0].id;
    store
        .record_activity(plan, &result(id, ActivityStatus::InProgress))
        .expect("in progress");
    let mut cancelled = result(id, ActivityStatus::Cancelled);
    let before = store.plan_results(plan).expect("results");
    let refused = store
        .record_activity(plan, &cancelled)
        .expect_err("no reason");
    assert_eq!(refused.code, ErrorCode::Validation);
    assert_eq!(store.plan_results(plan).expect("results"), before);
    cancelled.reason = "Nội dung đã được lồng ghép vào hội nghị khác.".into();
    let after = store.record_activity(plan, &cancelled).expect("cancelled");
    assert_eq!(after.activities.len(), 1);
    assert_eq!(after.activities[0].status, ActivityStatus::Cancelled);
    let foreign = store
        .record_activity(plan, &result(999_999, ActivityStatus::Done))
        .expect_err("not of this plan");
    assert_eq!(foreign.code, ErrorCode::NotFound);
}

#[test]
fn nothing_is_recorded_for_a_draft_or_a_submitted_plan() {
    let (_dir, mut store, plan) = with_sample();
    let doc = store.plan_document(plan).expect("doc");
    let activity = result(doc.activities[0].id, ActivityStatus::Done);
    let err = store.record_activity(plan, &activity).expect_err("draft");
    assert_eq!(
        (err.code, err.message.as_str()),
        (ErrorCode::Conflict, NOT_APPROVED)
    );
    store.submit_plan(plan).expect("submit");
    let err = store
        .save_report_texts(plan, &texts(Period::Year))
        .expect_err("submitted");
    assert_eq!(err.message, NOT_APPROVED);
    let err = store
        .record_spending(plan, &spending(doc.budget_lines[0].id, 1, ""))
        .expect_err("submitted");
    assert_eq!(err.message, NOT_APPROVED);
    assert_eq!(
        store.plan_results(plan).expect("results"),
        PlanResults::default()
    );
    let missing = store
        .record_activity(999_999, &activity)
        .expect_err("no plan");
    assert_eq!(missing.code, ErrorCode::NotFound);
}

#[test]
fn nothing_is_recorded_for_a_plan_received_from_another_unit() {
    let officer = travel::officer();
    let (_dir, mut reviewer) = common::open();
    let plan = reviewer
        .open_plan_file(&officer.file)
        .expect("receive")
        .plan
        .id;
    reviewer.approve_plan(plan).expect("approve");
    let doc = reviewer.plan_document(plan).expect("doc");
    let err = reviewer
        .record_activity(plan, &result(doc.activities[0].id, ActivityStatus::Done))
        .expect_err("received");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(
        err.message
            .starts_with("Đây là kế hoạch nhận được từ đơn vị khác")
    );
}

#[test]
fn the_history_lists_every_change_in_order_and_is_never_changed() {
    let (dir, mut store, plan, doc) = approved();
    let id = doc.activities[0].id;
    store
        .record_activity(plan, &result(id, ActivityStatus::InProgress))
        .expect("in progress");
    let mut done = result(id, ActivityStatus::Done);
    done.done_on = "2027-06-30".into();
    store.record_activity(plan, &done).expect("done");
    // The same again changes nothing, and is not a change.
    store.record_activity(plan, &done).expect("again");
    let line = doc.budget_lines[0].id;
    store
        .record_spending(plan, &spending(line, 10_000_000, ""))
        .expect("spent");
    store
        .record_spending(plan, &spending(line, 12_500_000, ""))
        .expect("spent more");
    let history = store.results_history(plan).expect("history");
    let shown: Vec<(&str, &str, &str)> = history
        .iter()
        .map(|c| (c.field.as_str(), c.before.as_str(), c.after.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            ("Tình trạng", "", "Đang thực hiện"),
            ("Tình trạng", "Đang thực hiện", "Hoàn thành"),
            ("Ngày hoàn thành", "", "30/06/2027"),
            ("Số tiền đã chi", "", "10.000.000 đ"),
            ("Số tiền đã chi", "10.000.000 đ", "12.500.000 đ"),
        ]
    );
    assert!(history[0].item.starts_with("Hoạt động “"));
    assert!(
        history
            .windows(2)
            .all(|w| w[0].changed_at <= w[1].changed_at)
    );

    let conn = Connection::open(db_in(dir.path())).expect("raw");
    let refused = conn.execute("UPDATE result_changes SET new_value = 'x'", []);
    assert!(
        refused
            .expect_err("frozen")
            .to_string()
            .contains("history_frozen")
    );
}

#[test]
fn the_schema_takes_results_only_for_an_own_approved_plan() {
    let (dir, store, plan) = with_sample();
    let activity = store.plan_document(plan).expect("doc").activities[0].id;
    drop(store);
    let conn = Connection::open(db_in(dir.path())).expect("raw");
    conn.execute_batch("PRAGMA foreign_keys = ON").expect("fk");
    let refused = conn.execute(
        "INSERT INTO activity_results (activity_id, plan_id, status) VALUES (?1, ?2, 'done')",
        [activity, plan],
    );
    assert!(
        refused
            .expect_err("draft")
            .to_string()
            .contains("results_closed")
    );
}

#[test]
fn an_approved_plan_keeps_its_results_and_they_go_only_with_the_plan() {
    let (dir, mut store, plan, doc) = approved();
    record_one_of_each(&mut store, plan, &doc);
    let refused = store.delete_plan(plan).expect_err("approved");
    assert_eq!(refused.code, ErrorCode::Locked);
    assert_eq!(store.plan_results(plan).expect("kept").activities.len(), 1);
    drop(store);

    // Were the plan deleted (the lock taken away here by hand), everything
    // recorded of it would go with it.
    let conn = Connection::open(db_in(dir.path())).expect("raw");
    conn.execute_batch("PRAGMA foreign_keys = ON; DROP TRIGGER plans_locked_delete;")
        .expect("unlock");
    conn.execute("DELETE FROM plans WHERE id = ?1", [plan])
        .expect("delete");
    for table in [
        "activity_results",
        "line_spending",
        "objective_results",
        "report_texts",
        "result_changes",
    ] {
        let n: i64 = conn
            .query_row(
                &format!("SELECT count(*) FROM {table} WHERE plan_id = ?1"),
                [plan],
                |r| r.get(0),
            )
            .expect("count");
        assert_eq!(n, 0, "{table}");
    }
}

#[test]
fn the_next_year_opens_with_the_summary_of_the_results_and_may_change_it() {
    let (_dir, mut store, plan, doc) = approved();
    let results = record_one_of_each(&mut store, plan, &doc);
    let copy = store
        .copy_plan(&common::copy_to(plan, 2028))
        .expect("copy")
        .id;
    let opening = store
        .plan_document(copy)
        .expect("copy")
        .fields
        .previous_results;
    assert_eq!(
        opening,
        commplan_core::results::previous_year_summary(&doc, &results)
    );
    assert!(opening.starts_with("Năm 2027, Sở Nông nghiệp và Môi trường đã hoàn thành 1/51"));
    common::edit_plan(&mut store, copy, "previousResults", "Năm 2027, Sở đã …");
    // A copy of that copy, which has no results, opens with nothing.
    let again = store.copy_plan(&common::copy_to(copy, 2029)).expect("copy");
    let doc = store.plan_document(again.id).expect("copy of the copy");
    assert_eq!(doc.fields.previous_results, "");
}

#[test]
fn the_sample_comes_with_its_year_before_approved_and_its_results_recorded() {
    use commplan_core::results::{check_results, previous_year_summary, report};
    let (_dir, store, plan) = with_sample();
    let plans = store.list_plans().expect("plans");
    assert_eq!(plans.len(), common::SAMPLE_PLANS);
    let before = plans
        .iter()
        .find(|p| p.year == 2026)
        .expect("the year before")
        .id;
    let doc = store.plan_document(before).expect("doc");
    assert_eq!(doc.status, commplan_core::PlanStatus::Approved);
    assert_eq!(
        (doc.fields.number.as_str(), doc.fields.issue_date.as_str()),
        ("08", "2026-01-12")
    );
    assert_eq!(doc.fields.title, "Truyền thông chính sách năm 2026");
    assert!(doc.activities.iter().all(|a| !a.content.contains("2028")));
    assert!(doc.budget_lines.iter().all(|l| l.approved.is_some()));
    assert_eq!(store.list_revisions(before).expect("revisions").len(), 1);

    let results = store.plan_results(before).expect("results");
    let year = report(&doc, &results, Period::Year);
    assert_eq!((year.counts.planned, year.counts.done), (51, 49));
    assert_eq!((year.counts.in_progress, year.counts.cancelled), (1, 1));
    let cancelled = results
        .activities
        .iter()
        .find(|r| r.status == ActivityStatus::Cancelled)
        .expect("cancelled");
    assert!(!cancelled.reason.is_empty());
    assert_eq!(results.spending.len(), 14);
    let over: Vec<&LineSpending> = results
        .spending
        .iter()
        .filter(|s| {
            let line = doc.budget_lines.iter().find(|l| l.id == s.budget_line_id);
            line.and_then(|l| l.approved).is_some_and(|a| s.spent > a)
        })
        .collect();
    assert_eq!(over.len(), 1);
    assert!(!over[0].note.is_empty());
    assert_eq!(results.reports.len(), 2);
    assert!(results.reports.iter().all(|t| !t.difficulties.is_empty()));
    // Everything due is recorded and the one overspending explained.
    let as_of = chrono::NaiveDate::from_ymd_opt(2027, 1, 5).expect("day");
    let found = check_results(&doc, &results, Period::Year, as_of);
    assert!(found.findings.is_empty(), "{:#?}", found.findings);
    assert!(!store.results_history(before).expect("history").is_empty());

    // The sample opens with them.
    let opening = store
        .plan_document(plan)
        .expect("sample")
        .fields
        .previous_results;
    assert_eq!(opening, previous_year_summary(&doc, &results));
}

#[test]
fn a_unit_with_a_plan_of_the_year_before_gets_the_sample_alone() {
    let (_dir, mut store) = common::open();
    let unit = store
        .list_units()
        .expect("units")
        .into_iter()
        .find(|u| u.name == "Sở Nông nghiệp và Môi trường")
        .expect("the sample's unit")
        .id;
    let own = store
        .create_plan(&common::new_plan(unit, 2026))
        .expect("own plan")
        .id;
    let sample = store.create_sample().expect("sample").id;
    assert_eq!(store.list_plans().expect("plans").len(), 2);
    let doc = store.plan_document(sample).expect("sample");
    assert_eq!((doc.year, doc.fields.previous_results.as_str()), (2027, ""));
    assert_eq!(
        store.plan_results(own).expect("none"),
        PlanResults::default()
    );
    // A second sample is refused as before: the unit has its 2027 plan.
    let again = store.create_sample().expect_err("twice");
    assert_eq!(again.code, ErrorCode::Conflict);
}
