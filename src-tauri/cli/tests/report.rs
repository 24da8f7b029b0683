//! `commplan report`: the results report of an approved plan for a period,
//! as a PDF and a workbook; refused, writing nothing, for a plan that is not
//! approved or a period it does not know.

#[path = "../../store/tests/common/mod.rs"]
mod common;
mod run;

use commplan_core::money::Money;
use commplan_core::results::{ActivityResult, ActivityStatus, LineSpending};
use run::{arg, assert_exit, err, out, run_in};

/// The sample plan approved, its first activity done, its first line spent.
fn approved_with_results(dir: &std::path::Path) -> i64 {
    let (mut store, plan) = common::sample_in(dir);
    store.submit_plan(plan).expect("submit");
    store.approve_plan(plan).expect("approve");
    let doc = store.plan_document(plan).expect("doc");
    let done = ActivityResult {
        activity_id: doc.activities[0].id,
        status: ActivityStatus::Done,
        reason: String::new(),
        done_on: "15/02/2027".into(),
        output: "Hội nghị quán triệt".into(),
        achieved: Some(1),
        achieved_unit: String::new(),
        reach: Some(250),
        note: String::new(),
        recorded_at: String::new(),
    };
    store.record_activity(plan, &done).expect("record");
    let spent = LineSpending {
        budget_line_id: doc.budget_lines[0].id,
        spent: Money::new(1_000_000).expect("money"),
        note: String::new(),
        recorded_at: String::new(),
    };
    store.record_spending(plan, &spent).expect("spend");
    plan
}

#[test]
fn an_approved_plans_report_is_written_as_pdf_and_workbook() {
    let dir = common::temp_dir();
    let plan = approved_with_results(dir.path()).to_string();
    let db = common::db_in(dir.path());
    let (pdf, xlsx) = (
        dir.path().join("báo cáo.pdf"),
        dir.path().join("báo cáo.xlsx"),
    );
    let args = [
        "report",
        "--db",
        arg(&db),
        "--plan",
        &plan,
        "--period",
        "6m",
    ];
    let written = run_in(
        dir.path(),
        &[&args[..], &["--pdf", arg(&pdf), "--xlsx", arg(&xlsx)]].concat(),
    );
    assert_exit(&written, 0);
    assert!(out(&written).contains("Đã ghi "), "{}", out(&written));
    let bytes = std::fs::read(&pdf).expect("pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    let book = std::fs::read(&xlsx).expect("xlsx");
    assert!(book.starts_with(b"PK"), "a zip");

    let year = run_in(
        dir.path(),
        &[
            "report",
            "--db",
            arg(&db),
            "--plan",
            &plan,
            "--period",
            "year",
            "--pdf",
            arg(&pdf),
        ],
    );
    assert_exit(&year, 0);
}

#[test]
fn a_draft_or_an_unknown_period_is_refused_and_nothing_is_written() {
    let dir = common::temp_dir();
    let (store, plan) = common::sample_in(dir.path());
    drop(store);
    let db = common::db_in(dir.path());
    let pdf = dir.path().join("báo cáo.pdf");
    let plan = plan.to_string();
    let draft = run_in(
        dir.path(),
        &[
            "report",
            "--db",
            arg(&db),
            "--plan",
            &plan,
            "--period",
            "year",
            "--pdf",
            arg(&pdf),
        ],
    );
    assert_exit(&draft, 2);
    assert!(
        err(&draft).contains("Chỉ lập báo cáo kết quả cho kế hoạch đã được phê duyệt"),
        "{}",
        err(&draft)
    );
    let period = run_in(
        dir.path(),
        &[
            "report",
            "--db",
            arg(&db),
            "--plan",
            &plan,
            "--period",
            "q3",
            "--pdf",
            arg(&pdf),
        ],
    );
    assert_exit(&period, 2);
    assert!(!pdf.exists(), "nothing written");
}
