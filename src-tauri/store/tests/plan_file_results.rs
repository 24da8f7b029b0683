//! What was done of an approved plan travels in its plan file: the officer
//! records results and sends the approved plan's file; the reviewer, who holds
//! that revision, gets the results beside the received plan (the same file
//! again changes nothing); more recorded and sent again, they are replaced;
//! an older file opened after a newer one changes nothing; another computer
//! receives the revision with its results.

mod common;
mod travel;

use commplan_core::planfile::{FileSource, OpenedKind};
use commplan_core::results::{ActivityStatus, PlanResults};
use commplan_store::Store;
use travel::{backups, dump, record_some};

/// An activity's result as [`seen`] names it: content, status, reason, time.
type Seen = (String, ActivityStatus, String, String);

/// What a store holds of a plan's results, named by the items' texts (ids
/// differ from one computer to the other): each activity's content, status,
/// reason and time; each line's description, amount and time.
fn seen(store: &Store, plan: i64) -> (Vec<Seen>, Vec<String>) {
    let doc = store.plan_document(plan).expect("doc");
    let results = store.plan_results(plan).expect("results");
    let activities = results
        .activities
        .iter()
        .map(|r| {
            let a = doc.activities.iter().find(|a| a.id == r.activity_id);
            let content = a.map(|a| a.content.clone()).unwrap_or_default();
            (content, r.status, r.reason.clone(), r.recorded_at.clone())
        })
        .collect();
    let spending = results
        .spending
        .iter()
        .map(|s| {
            let l = doc.budget_lines.iter().find(|l| l.id == s.budget_line_id);
            let line = l.map(|l| l.description.clone()).unwrap_or_default();
            format!("{line}: {} ({})", s.spent.dong(), s.recorded_at)
        })
        .collect();
    (activities, spending)
}

#[test]
fn results_travel_with_the_approved_plan_and_newer_ones_replace_older_ones() {
    let mut officer = travel::officer();
    let (dir, mut reviewer) = common::open();
    let received = reviewer
        .open_plan_file(&officer.file)
        .expect("revision 1")
        .plan
        .id;
    reviewer.approve_plan(received).expect("approve");
    let approval = reviewer.return_file(received).expect("approval").bytes;
    officer.store.open_plan_file(&approval).expect("approved");
    let doc = officer.store.plan_document(officer.plan).expect("doc");
    record_some(&mut officer.store, officer.plan, &doc);
    let first = approved_file(&officer.store, officer.plan);
    reviewer_gets_the_results(&mut reviewer, received, &first, &officer);
    the_same_file_again_changes_nothing(&mut reviewer, &common::db_in(dir.path()), &first);
    let mut more = common::result(doc.activities[0].id, ActivityStatus::InProgress);
    more.note = "Đang chuẩn bị hội nghị.".into();
    officer
        .store
        .record_activity(officer.plan, &more)
        .expect("more");
    let line = common::spending(doc.budget_lines[0].id, 60_000_000, "");
    officer
        .store
        .record_spending(officer.plan, &line)
        .expect("spent more");
    let second = approved_file(&officer.store, officer.plan);
    newer_results_replace_older_ones(&mut reviewer, received, (&first, &second), &officer);
    the_history_dates_each_change_as_the_officer_recorded_it(&reviewer, received);
    another_computer_receives_the_revision_with_its_results(&second, &officer);
}

/// The approved plan's file of `plan`, with the results recorded so far.
fn approved_file(store: &Store, plan: i64) -> Vec<u8> {
    let file = store
        .plan_file(plan, FileSource::Submitted)
        .expect("approved plan file")
        .bytes;
    let json: serde_json::Value = serde_json::from_slice(&file).expect("json");
    assert_eq!(json["decision"]["action"], "approve");
    let carried: PlanResults =
        serde_json::from_value(json["results"].clone()).expect("results carried");
    assert_eq!(carried, store.plan_results(plan).expect("results"));
    file
}

/// The reviewer holds revision 1 already: the file gives it the results.
fn reviewer_gets_the_results(
    reviewer: &mut Store,
    plan: i64,
    file: &[u8],
    officer: &travel::Officer,
) {
    assert_eq!(
        reviewer.plan_results(plan).expect("none yet"),
        PlanResults::default()
    );
    let saved = backups(reviewer);
    let opened = reviewer.open_plan_file(file).expect("results");
    assert_eq!((opened.outcome, opened.revision), (OpenedKind::Received, 1));
    assert!(
        opened
            .message
            .starts_with("Đã cập nhật kết quả thực hiện kế hoạch “"),
        "{}",
        opened.message
    );
    assert_ne!(backups(reviewer), saved, "a pre-import backup");
    assert_eq!(seen(reviewer, plan), seen(&officer.store, officer.plan));
    assert_eq!(seen(reviewer, plan).0.len(), 2);
    let state = reviewer.review_state(plan).expect("state");
    assert!(state.received && !state.editable);
    let v = reviewer.verify().expect("verify");
    assert!(v.is_sound(), "{v:?}");
}

fn the_same_file_again_changes_nothing(reviewer: &mut Store, db: &std::path::Path, file: &[u8]) {
    let (before, saved) = (dump(db), backups(reviewer));
    let again = reviewer.open_plan_file(file).expect("again");
    assert_eq!(again.outcome, OpenedKind::Unchanged);
    assert_eq!((dump(db), backups(reviewer)), (before, saved));
}

/// The second file replaces the first's results; the first, opened after
/// it, is older and changes nothing.
fn newer_results_replace_older_ones(
    reviewer: &mut Store,
    plan: i64,
    (first, second): (&[u8], &[u8]),
    officer: &travel::Officer,
) {
    let written = |f: &[u8]| {
        travel::json(f)["writtenAt"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert!(written(second) > written(first), "written later");
    let opened = reviewer.open_plan_file(second).expect("newer results");
    assert_eq!(opened.outcome, OpenedKind::Received);
    let (activities, spending) = seen(reviewer, plan);
    assert_eq!(
        (activities, spending.clone()),
        seen(&officer.store, officer.plan)
    );
    assert_eq!(
        reviewer
            .plan_results(plan)
            .expect("results")
            .activities
            .len(),
        3
    );
    assert!(spending[0].contains(": 60000000 ("), "{spending:?}");
    let older = reviewer.open_plan_file(first).expect("older");
    assert_eq!(older.outcome, OpenedKind::Unchanged);
    assert_eq!(seen(reviewer, plan), seen(&officer.store, officer.plan));
}

/// The received history: each record first, then the changes, dated as the
/// officer recorded them.
fn the_history_dates_each_change_as_the_officer_recorded_it(reviewer: &Store, plan: i64) {
    let history = reviewer.results_history(plan).expect("history");
    let spent: Vec<(&str, &str)> = history
        .iter()
        .filter(|c| c.field == "Số tiền đã chi")
        .map(|c| (c.before.as_str(), c.after.as_str()))
        .collect();
    assert_eq!(
        spent,
        [("", "58.000.000 đ"), ("58.000.000 đ", "60.000.000 đ")]
    );
    let held = reviewer.plan_results(plan).expect("results");
    assert!(
        history
            .iter()
            .any(|c| c.changed_at == held.spending[0].recorded_at)
    );
}

/// A computer without the plan receives the revision with the results, waiting
/// for its own decision.
fn another_computer_receives_the_revision_with_its_results(file: &[u8], officer: &travel::Officer) {
    let (_dir, mut other) = common::open();
    let opened = other.open_plan_file(file).expect("received");
    assert_eq!(opened.outcome, OpenedKind::Received);
    assert!(
        opened.message.contains("cùng kết quả thực hiện"),
        "{}",
        opened.message
    );
    assert_eq!(
        seen(&other, opened.plan.id),
        seen(&officer.store, officer.plan)
    );
    let state = other.review_state(opened.plan.id).expect("state");
    assert_eq!(state.decision, None);
}
