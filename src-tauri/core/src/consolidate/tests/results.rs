//! What the approved plans' files say was done, on the board: a unit whose
//! file carries results shows the share of its activities done and what it
//! spent, one without shows neither; the totals add them up; of two approved
//! files of one revision, the one written last counts.

use super::*;
use crate::results::tests::recorded;
use crate::results::{
    ActivityResult, ActivityStatus, LineSpending, Period, PlanResults, documents::share, report,
};

const AT: &str = "2027-07-01T03:00:00.000Z";

/// Activity `activity_id` done, recorded at [`AT`].
fn done(activity_id: i64) -> ActivityResult {
    ActivityResult {
        recorded_at: AT.into(),
        ..recorded(activity_id, ActivityStatus::Done)
    }
}

/// The first `n` activities of the sample done, `spent` đồng of its first line.
pub(super) fn results(n: usize, spent: Option<i64>) -> PlanResults {
    let doc = sample();
    let activities = doc.activities[..n].iter().map(|a| done(a.id)).collect();
    let spending = spent
        .map(|dong| LineSpending {
            budget_line_id: doc.budget_lines[0].id,
            spent: Money::new(dong).expect("money"),
            note: String::new(),
            recorded_at: AT.into(),
        })
        .into_iter()
        .collect();
    PlanResults {
        activities,
        spending,
        ..PlanResults::default()
    }
}

/// The approved plan's file of unit `name` (identity `uuid`) written at
/// `at`, carrying `results`.
pub(super) fn with_results(name: &str, uuid: u8, at: &str, results: PlanResults) -> Input {
    let input = approved(
        file(name, &plan_of(name), uuid, Some(1), at),
        "2026-12-01T08:00:00Z",
    );
    let mut file = crate::planfile::parse(&input.bytes).expect("a plan file");
    file.results = Some(results);
    Input {
        name: format!("{name}.khtt"),
        bytes: file.to_bytes(),
    }
}

#[test]
fn a_unit_whose_file_carries_results_shows_its_share_done_and_its_spending() {
    let nnmt = "Sở Nông nghiệp và Môi trường";
    let recorded = results(3, Some(58_000_000));
    let c = run(vec![
        with_results(nnmt, 1, "2027-07-02T08:00:00Z", recorded.clone()),
        approved(
            file("stp.khtt", &plan_of("Sở Tư pháp"), 2, Some(1), AT),
            "2026-12-01T08:00:00Z",
        ),
        file("syt.khtt", &plan_of("Sở Y tế"), 3, Some(1), AT),
    ]);
    let board = c.board();
    // The counts are the results report's, for the year.
    let year = report(&plan_of(nnmt), &recorded, Period::Year).counts;
    assert_eq!(year.done, 3);
    let row = row_of(&board, NNMT);
    let shown = row.activities_done.clone().expect("a share done");
    assert_eq!((shown.done, shown.planned), (year.done, year.planned));
    let percent = share(3, u64::from(year.planned)).expect("planned");
    assert_eq!(shown.label, format!("3/{} ({percent})", year.planned));
    assert_eq!(row.total_spent, money(58_000_000));
    // Approved without anything recorded, or not approved: nothing shown.
    for unit in [TU_PHAP, Y_TE, TAI_CHINH] {
        let row = row_of(&board, unit);
        assert_eq!((&row.activities_done, row.total_spent), (&None, None));
    }
    assert_eq!(board.activities_done, Some(shown));
    assert_eq!(board.total_spent, money(58_000_000));
}

#[test]
fn the_totals_add_every_units_results_up() {
    let c = run(vec![
        with_results(
            "Sở Nông nghiệp và Môi trường",
            1,
            AT,
            results(3, Some(58_000_000)),
        ),
        with_results("Sở Tư pháp", 2, AT, results(5, None)),
        with_results("Sở Y tế", 3, AT, results(0, Some(2_000_000))),
    ]);
    let board = c.board();
    let planned = row_of(&board, NNMT)
        .activities_done
        .as_ref()
        .expect("done")
        .planned;
    let total = board.activities_done.clone().expect("a total");
    assert_eq!((total.done, total.planned), (8, 3 * planned));
    assert_eq!(row_of(&board, TU_PHAP).total_spent, None, "nothing spent");
    let y_te = row_of(&board, Y_TE)
        .activities_done
        .clone()
        .expect("none done");
    assert_eq!(y_te.label, format!("0/{planned} (0\u{a0}%)"));
    assert_eq!(board.total_spent, money(60_000_000));
    // Nothing recorded anywhere: no total.
    let none = run(vec![file(
        "nnmt.khtt",
        &plan_of("Sở Nông nghiệp và Môi trường"),
        1,
        Some(1),
        AT,
    )]);
    let board = none.board();
    assert_eq!((board.activities_done, board.total_spent), (None, None));
}

#[test]
fn of_two_approved_files_of_one_revision_the_one_written_last_counts() {
    let nnmt = "Sở Nông nghiệp và Môi trường";
    let mut earlier = with_results(nnmt, 1, "2027-07-01T08:00:00Z", results(2, None));
    earlier.name = "nnmt tháng 7.khtt".into();
    let mut later = with_results(nnmt, 1, "2027-10-01T08:00:00Z", results(4, Some(1)));
    later.name = "nnmt tháng 10.khtt".into();
    // Read in either order, the later one counts.
    for inputs in [
        vec![earlier.clone(), later.clone()],
        vec![later.clone(), earlier.clone()],
    ] {
        let board = run(inputs).board();
        let row = row_of(&board, NNMT);
        assert_eq!(row.received_file.as_deref(), Some("nnmt tháng 10.khtt"));
        assert_eq!(row.activities_done.as_ref().map(|d| d.done), Some(4));
        let ignored = &board.ignored[0];
        assert_eq!(ignored.file_name, "nnmt tháng 7.khtt");
        assert!(
            ignored
                .reason
                .contains("được ghi trước: kết quả thực hiện được lấy theo tệp ghi sau"),
            "{}",
            ignored.reason
        );
    }
}
