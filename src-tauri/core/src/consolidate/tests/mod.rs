//! Consolidation of plan files made from the sample plan (as the store
//! writes them: a frame, the document, its totals and hash), several units,
//! revisions, drafts, strangers, conflicts and broken files. The views'
//! filters and sorts are in `views`, the workbook in `exports`, what the
//! approved plans' files say was done in `results`.

mod exports;
mod results;
mod views;

use super::*;
use crate::PlanStatus;
use crate::money::Money;
use crate::plan::{PlanDocument, Stage};
use crate::planfile::{PlanFileV2, uuid_v4};

use crate::check::tests::{LAW, sample};

pub(super) const NNMT: i64 = 1;
pub(super) const TU_PHAP: i64 = 2;
pub(super) const Y_TE: i64 = 3;
pub(super) const TAI_CHINH: i64 = 4;

pub(super) fn units() -> Vec<Unit> {
    [
        (NNMT, "Sở Nông nghiệp và Môi trường", "SNNMT"),
        (TU_PHAP, "Sở Tư pháp", "STP"),
        (Y_TE, "Sở Y tế", "SYT"),
        (TAI_CHINH, "Sở Tài chính", "STC"),
    ]
    .into_iter()
    .map(|(id, name, abbreviation)| Unit {
        id,
        name: name.into(),
        parent_body: "Ủy ban nhân dân tỉnh Gia Lai".into(),
        abbreviation: abbreviation.into(),
    })
    .collect()
}

/// The sample as the plan of unit `name`.
pub(super) fn plan_of(name: &str) -> PlanDocument {
    let mut doc = sample();
    doc.unit.name = name.into();
    doc
}

/// A plan file of `doc` (identity `uuid`), a revision or a draft, as the
/// store writes one.
pub(super) fn file(
    name: &str,
    doc: &PlanDocument,
    uuid: u8,
    revision: Option<i64>,
    at: &str,
) -> Input {
    let mut doc = doc.clone();
    if revision.is_some() {
        doc.status = PlanStatus::Submitted;
    }
    let file = PlanFileV2::of_plan(doc, uuid_v4([uuid; 16]), revision, at.into(), "0.1.0");
    Input {
        name: name.into(),
        bytes: file.to_bytes(),
    }
}

pub(super) fn run(inputs: Vec<Input>) -> Consolidation {
    consolidate(2027, inputs, &units(), &UnitMapping::default(), &LAW)
}

pub(super) fn row_of(board: &Board, unit: i64) -> &BoardRow {
    board
        .rows
        .iter()
        .find(|r| r.unit_id == unit)
        .expect("a row")
}

pub(super) fn money(n: i64) -> Option<Money> {
    Some(Money::new(n).expect("in range"))
}

#[test]
fn the_latest_revision_counts_and_older_ones_are_listed_under_it() {
    let first = plan_of("Sở Nông nghiệp và Môi trường");
    let mut second = first.clone();
    second.budget_lines.truncate(1);
    let c = run(vec![
        file(
            "lần trình 1.khtt",
            &first,
            1,
            Some(1),
            "2026-11-10T08:00:00Z",
        ),
        file("bản nháp.khtt", &first, 1, None, "2026-12-01T08:00:00Z"),
        file(
            "lần trình 2.khtt",
            &second,
            1,
            Some(2),
            "2026-11-20T08:00:00Z",
        ),
    ]);
    let board = c.board();
    let row = row_of(&board, NNMT);
    assert_eq!(row.received_file.as_deref(), Some("lần trình 2.khtt"));
    assert_eq!((row.revision, row.state), (Some(2), BoardState::Submitted));
    let older: Vec<(&str, i64)> = row
        .older_revisions
        .iter()
        .map(|o| (o.file_name.as_str(), o.revision))
        .collect();
    // A draft counts below any revision, however late it was written.
    assert_eq!(older, [("lần trình 1.khtt", 1), ("bản nháp.khtt", 0)]);
    assert_eq!(row.total_proposed, money(60_000_000));
    assert_eq!(row.total_approved, money(60_000_000));
    assert!(!row.conflict);
    let budget = c.view(&ViewQuery::all(ViewKind::Budget));
    assert_eq!(budget.total, 1, "only the counted revision's lines");
}

#[test]
fn every_unit_of_the_list_is_on_the_board_received_or_not() {
    let mut no_spokesperson = plan_of("Sở Tài chính");
    no_spokesperson.fields.spokesperson_name.clear();
    let c = run(vec![
        file(
            "nnmt.khtt",
            &plan_of("Sở Nông nghiệp và Môi trường"),
            1,
            None,
            "2026-11-10T08:00:00Z",
        ),
        file(
            "stc.khtt",
            &no_spokesperson,
            2,
            Some(1),
            "2026-11-10T08:00:00Z",
        ),
    ]);
    let board = c.board();
    let states: Vec<(&str, BoardState)> = board
        .rows
        .iter()
        .map(|r| (r.unit_name.as_str(), r.state))
        .collect();
    assert_eq!(
        states,
        [
            ("Sở Nông nghiệp và Môi trường", BoardState::Draft),
            ("Sở Tư pháp", BoardState::NotReceived),
            ("Sở Y tế", BoardState::NotReceived),
            ("Sở Tài chính", BoardState::Submitted),
        ]
    );
    assert_eq!(
        (
            board.counts.units,
            board.counts.received,
            board.counts.not_received
        ),
        (4, 2, 2)
    );
    let missing = row_of(&board, Y_TE);
    assert_eq!(
        (missing.received_file.clone(), missing.total_proposed),
        (None, None)
    );
    // Nothing blocks the sample; a plan without a spokesperson is blocked.
    let row = row_of(&board, NNMT);
    assert_eq!((row.blocking, row.blocking_messages.len()), (0, 0));
    let blocked = row_of(&board, TAI_CHINH);
    assert_eq!(blocked.blocking, 1);
    assert_eq!(
        blocked.blocking_messages,
        ["Chưa ghi họ tên người phát ngôn của cơ quan."]
    );
    let sum = row
        .total_proposed
        .expect("a total")
        .checked_add(blocked.total_proposed.expect("a total"));
    assert_eq!(board.total_proposed, sum.ok());
}

#[test]
fn a_unit_not_in_the_list_is_offered_for_mapping_and_counted_only_once_mapped() {
    let stranger = plan_of("Ban Quản lý các khu công nghiệp tỉnh");
    let no_marks = plan_of("So Tu phap");
    let mut c = run(vec![
        file("ban.khtt", &stranger, 7, Some(1), "2026-11-10T08:00:00Z"),
        file("stp.khtt", &no_marks, 8, Some(1), "2026-11-11T08:00:00Z"),
    ]);
    let board = c.board();
    let offered: Vec<(&str, Option<i64>)> = board
        .unmatched
        .iter()
        .map(|u| (u.unit_name.as_str(), u.suggestion))
        .collect();
    assert_eq!(
        offered,
        [
            ("Ban Quản lý các khu công nghiệp tỉnh", None),
            ("So Tu phap", Some(TU_PHAP)),
        ]
    );
    assert_eq!(board.counts.received, 0);
    assert_eq!(board.total_proposed, Some(Money::ZERO));
    assert_eq!(c.view(&ViewQuery::all(ViewKind::Activities)).total, 0);

    assert!(
        c.map_unit("Ban Quản lý các khu công nghiệp tỉnh", 99)
            .is_err()
    );
    c.map_unit("So Tu phap", TU_PHAP).expect("mapped");
    let board = c.board();
    let row = row_of(&board, TU_PHAP);
    assert_eq!(row.received_file.as_deref(), Some("stp.khtt"));
    assert_eq!(row.file_unit_name.as_deref(), Some("So Tu phap"));
    assert_eq!(board.unmatched.len(), 1);
    assert_eq!(c.mapping().unit_of("So Tu phap"), Some(TU_PHAP));
    let activities = c.view(&ViewQuery::all(ViewKind::Activities));
    assert_eq!(activities.total, 51);
    assert!(activities.rows.iter().all(|r| r.cells[0] == "Sở Tư pháp"));
}

/// `input` (a revision's plan file) as an approved plan's file: the approval
/// of its revision, decided at `at`.
pub(super) fn approved(input: Input, at: &str) -> Input {
    let mut file = crate::planfile::parse(&input.bytes).expect("a plan file");
    file.decision = Some(crate::planfile::FileDecision {
        action: crate::review::ReviewAction::Approve,
        at: at.into(),
        by: "Sở Tư pháp".into(),
    });
    Input {
        name: input.name,
        bytes: file.to_bytes(),
    }
}

#[test]
fn a_file_carrying_the_approval_shows_the_plan_approved() {
    let nnmt = plan_of("Sở Nông nghiệp và Môi trường");
    let tu_phap = plan_of("Sở Tư pháp");
    let submitted = file("nnmt 1.khtt", &nnmt, 1, Some(1), "2026-11-10T08:00:00Z");
    let c = run(vec![
        // The approved file of the same revision counts, though read first
        // and written before the other copy (a clock set wrong).
        approved(
            file("nnmt duyệt.khtt", &nnmt, 1, Some(1), "2026-11-01T08:00:00Z"),
            "2026-11-20T08:00:00Z",
        ),
        submitted,
        file("stp.khtt", &tu_phap, 2, Some(1), "2026-11-10T08:00:00Z"),
    ]);
    let board = c.board();
    let row = row_of(&board, NNMT);
    assert_eq!(
        (row.received_file.as_deref(), row.state),
        (Some("nnmt duyệt.khtt"), BoardState::Approved)
    );
    assert_eq!(row_of(&board, TU_PHAP).state, BoardState::Submitted);
    assert_eq!((board.counts.approved, board.counts.submitted), (1, 1));
    assert!(board.ignored.iter().any(|i| i.file_name == "nnmt 1.khtt"));
}

#[test]
fn two_plans_claiming_one_unit_are_both_shown_and_flagged() {
    let doc = plan_of("Sở Y tế");
    let c = run(vec![
        file("một.khtt", &doc, 1, Some(1), "2026-11-10T08:00:00Z"),
        file("hai.khtt", &doc, 2, None, "2026-11-12T08:00:00Z"),
    ]);
    let board = c.board();
    let rows: Vec<(&str, bool)> = board
        .rows
        .iter()
        .filter(|r| r.unit_id == Y_TE)
        .map(|r| (r.received_file.as_deref().unwrap_or(""), r.conflict))
        .collect();
    assert_eq!(rows, [("một.khtt", true), ("hai.khtt", true)]);
    assert_eq!(board.counts.conflicts, 1);
    assert!(
        board
            .rows
            .iter()
            .filter(|r| r.unit_id != Y_TE)
            .all(|r| !r.conflict)
    );
}

#[test]
fn refused_and_ignored_files_are_listed_with_their_reason_and_the_rest_counts() {
    let doc = plan_of("Sở Tài chính");
    let good = file("stc.khtt", &doc, 4, Some(1), "2026-11-10T08:00:00Z");
    let mut truncated = good.bytes.clone();
    truncated.truncate(truncated.len() / 2);
    let mut other_year = doc.clone();
    other_year.year = 2026;
    let c = run(vec![
        Input {
            name: "ghi chú.txt".into(),
            bytes: b"not a plan".to_vec(),
        },
        Input {
            name: "cắt cụt.khtt".into(),
            bytes: truncated,
        },
        file(
            "năm trước.khtt",
            &other_year,
            5,
            None,
            "2026-01-10T08:00:00Z",
        ),
        Input {
            name: "bản sao.khtt".into(),
            bytes: good.bytes.clone(),
        },
        good,
    ]);
    let board = c.board();
    let refused: Vec<(&str, &str)> = board
        .refused
        .iter()
        .map(|r| (r.file_name.as_str(), r.reason.as_str()))
        .collect();
    assert_eq!(
        refused[0],
        (
            "ghi chú.txt",
            "Tệp này không phải là tệp kế hoạch của ứng dụng."
        )
    );
    assert_eq!(refused[1].0, "cắt cụt.khtt");
    assert!(
        refused[1].1.starts_with("Tệp kế hoạch bị cắt cụt"),
        "{}",
        refused[1].1
    );
    let ignored: Vec<(&str, &str)> = board
        .ignored
        .iter()
        .map(|r| (r.file_name.as_str(), r.reason.as_str()))
        .collect();
    assert_eq!(
        ignored,
        [
            (
                "năm trước.khtt",
                "Kế hoạch năm 2026 của Sở Tài chính: không thuộc năm tổng hợp 2027."
            ),
            (
                "stc.khtt",
                "Trùng với tệp “bản sao.khtt” (cùng kế hoạch, cùng lần trình 1)."
            ),
        ]
    );
    assert_eq!(
        row_of(&board, TAI_CHINH).received_file.as_deref(),
        Some("bản sao.khtt")
    );
    assert_eq!((board.counts.refused, board.counts.ignored), (2, 2));
}

#[test]
fn synthetic_unit_plans_for_benchmarks_read_as_valid_plan_files() {
    let doc = crate::stress::unit_plan(7, 10, 100, 40, 2027);
    let mut list = units();
    list.push(Unit {
        id: 7,
        name: "Đơn vị thử nghiệm số 7".into(),
        parent_body: "Ủy ban nhân dân tỉnh Gia Lai".into(),
        abbreviation: "DVTN7".into(),
    });
    let inputs = vec![file("7.khtt", &doc, 7, Some(1), "2026-11-10T08:00:00Z")];
    let c = consolidate(2027, inputs, &list, &UnitMapping::default(), &LAW);
    let board = c.board();
    assert!(board.refused.is_empty(), "{:?}", board.refused);
    assert_eq!(row_of(&board, 7).state, BoardState::Submitted);
    let total = |kind| c.view(&ViewQuery::all(kind)).total;
    assert_eq!(
        ViewKind::ALL.map(total),
        [100, 4, 2, 2, 12],
        "activities, policies of major impact, people, agencies, source × category"
    );
}
