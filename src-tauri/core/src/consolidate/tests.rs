//! Consolidation of plan files made from the sample plan (as the store
//! writes them: a frame, the document, its totals and hash), several units,
//! revisions, drafts, strangers, conflicts and broken files.

use std::sync::LazyLock;

use super::*;
use crate::PlanStatus;
use crate::legal::{ProvinceMerges, parse_list};
use crate::money::Money;
use crate::plan::{PlanDocument, Stage};
use crate::planfile::{
    FORMAT, FileKind, FileUnit, PlanFileV2, RevisionStamp, VERSION, sha256_of, totals_of, uuid_v4,
};

static LAW: LazyLock<Law> = LazyLock::new(|| Law {
    texts: parse_list(include_bytes!("../../../../assets/legal-texts.json"))
        .expect("the shipped list is valid")
        .texts,
    merges: ProvinceMerges::parse(include_str!("../../../../assets/provinces-2025.json"))
        .expect("the merger data is valid"),
});

pub(super) fn sample() -> PlanDocument {
    crate::file::PlanFile::parse(include_str!("../../../../assets/sample-plan.json"))
        .expect("the sample plan parses")
        .plan
}

const NNMT: i64 = 1;
const TU_PHAP: i64 = 2;
const Y_TE: i64 = 3;
const TAI_CHINH: i64 = 4;

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
    let file = PlanFileV2 {
        format: FORMAT.into(),
        version: VERSION,
        app: "0.1.0".into(),
        written_at: at.into(),
        kind: FileKind::Plan,
        plan_uuid: uuid_v4([uuid; 16]),
        unit: FileUnit {
            name: doc.unit.name.clone(),
            parent_body: doc.unit.parent_body.clone(),
            abbreviation: doc.unit.abbreviation.clone(),
        },
        year: doc.year,
        title: doc.fields.title.clone(),
        revision: revision.map(|number| RevisionStamp {
            number,
            sha256: sha256_of(&doc),
        }),
        totals: Some(totals_of(&doc)),
        document: Some(doc),
        comments: Vec::new(),
        decision: None,
    };
    Input {
        name: name.into(),
        bytes: file.to_bytes(),
    }
}

fn run(inputs: Vec<Input>) -> Consolidation {
    consolidate(2027, inputs, &units(), &UnitMapping::default(), &LAW)
}

fn row_of(board: &Board, unit: i64) -> &BoardRow {
    board
        .rows
        .iter()
        .find(|r| r.unit_id == unit)
        .expect("a row")
}

fn money(n: i64) -> Option<Money> {
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

/// The sample as unit `name`'s plan with only its first six (general)
/// activities, renamed `contents`, and the budget lines they keep.
fn small_plan(name: &str, contents: [&str; 6]) -> PlanDocument {
    let mut doc = plan_of(name);
    doc.activities.truncate(6);
    for (a, text) in doc.activities.iter_mut().zip(contents) {
        a.content = text.into();
    }
    let kept: Vec<i64> = doc.activities.iter().map(|a| a.id).collect();
    doc.budget_lines
        .retain(|l| l.activity_id.is_none_or(|id| kept.contains(&id)));
    doc
}

fn cells(page: &ViewPage, col: &str) -> Vec<String> {
    let i = page
        .columns
        .iter()
        .position(|c| c.key == col)
        .expect("a column");
    page.rows.iter().map(|r| r.cells[i].clone()).collect()
}

fn query(view: ViewKind) -> ViewQuery {
    ViewQuery::all(view)
}

#[test]
fn activities_sort_the_vietnamese_way_and_filter_by_text_unit_month_stage_and_channel() {
    let c = run(vec![
        file(
            "nnmt.khtt",
            &small_plan(
                "Sở Nông nghiệp và Môi trường",
                [
                    "Zalo OA",
                    "Ánh sáng",
                    "anh hùng",
                    "Đối thoại",
                    "dân vận",
                    "Bản tin",
                ],
            ),
            1,
            Some(1),
            "2026-11-10T08:00:00Z",
        ),
        file(
            "stp.khtt",
            &small_plan(
                "Sở Tư pháp",
                ["Ảnh", "Bản tin", "Hỏi đáp", "Họp báo", "Loa", "Tọa đàm"],
            ),
            2,
            Some(1),
            "2026-11-10T08:00:00Z",
        ),
    ]);
    let mut q = query(ViewKind::Activities);
    q.unit_id = Some(NNMT);
    q.sort = Some("content".into());
    let page = c.view(&q);
    assert_eq!(
        cells(&page, "content"),
        [
            "anh hùng",
            "Ánh sáng",
            "Bản tin",
            "dân vận",
            "Đối thoại",
            "Zalo OA"
        ]
    );
    q.desc = true;
    q.limit = 2;
    q.offset = 1;
    let page = c.view(&q);
    assert_eq!(cells(&page, "content"), ["Đối thoại", "dân vận"]);
    assert_eq!((page.total, page.offset), (6, 1));

    // Folded text: "BAN TIN" finds "Bản tin" in both units.
    let mut q = query(ViewKind::Activities);
    q.filter = "BAN TIN".into();
    assert_eq!(
        cells(&c.view(&q), "unit"),
        ["Sở Nông nghiệp và Môi trường", "Sở Tư pháp"]
    );
    // Activity 2 of the sample is held every quarter's last month; the others all year.
    let mut q = query(ViewKind::Activities);
    q.month = Some(2);
    q.unit_id = Some(TU_PHAP);
    assert_eq!(
        cells(&c.view(&q), "content"),
        ["Ảnh", "Hỏi đáp", "Họp báo", "Loa", "Tọa đàm"]
    );
    q.channel = Some("Chương trình phát thanh, truyền hình".into());
    assert_eq!(cells(&c.view(&q), "content"), ["Tọa đàm"]);
    let mut q = query(ViewKind::Activities);
    q.stage = Some(Stage::Drafting);
    assert_eq!(c.view(&q).total, 0, "general activities have no stage");
    let page = c.view(&query(ViewKind::Activities));
    assert_eq!(page.channels.len(), 5);
    assert!(page.totals.is_none());
}

#[test]
fn major_impact_policies_show_their_draft_stages_and_consultation() {
    let c = run(vec![file(
        "nnmt.khtt",
        &plan_of("Sở Nông nghiệp và Môi trường"),
        1,
        Some(1),
        "2026-11-10T08:00:00Z",
    )]);
    let page = c.view(&query(ViewKind::Policies));
    assert_eq!(
        page.total, 3,
        "three of the sample's six policies have a major impact"
    );
    let draft = cells(&page, "draftDocument");
    assert!(
        draft[0].starts_with(
            "Dự thảo Nghị quyết của Hội đồng nhân dân tỉnh quy định chính sách hỗ trợ"
        )
    );
    let consultation = cells(&page, "consultation");
    assert!(
        consultation.iter().all(|c| c != "Chưa có"),
        "{consultation:?}"
    );
    let mut q = query(ViewKind::Policies);
    q.sort = Some("policy".into());
    q.filter = "bang gia dat".into();
    let page = c.view(&q);
    assert_eq!(page.total, 1);
    assert!(cells(&page, "policy")[0].starts_with("Bảng giá đất"));
}

#[test]
fn spokespersons_press_orders_and_budget_across_units() {
    let mut none_approved = plan_of("Sở Y tế");
    for l in &mut none_approved.budget_lines {
        l.approved = None;
    }
    let c = run(vec![
        file(
            "nnmt.khtt",
            &plan_of("Sở Nông nghiệp và Môi trường"),
            1,
            Some(1),
            "2026-11-10T08:00:00Z",
        ),
        file(
            "syt.khtt",
            &none_approved,
            3,
            Some(1),
            "2026-11-10T08:00:00Z",
        ),
    ]);
    let mut q = query(ViewKind::Spokespersons);
    q.unit_id = Some(NNMT);
    let page = c.view(&q);
    assert_eq!(
        page.rows[0].cells[1..3],
        ["Người phát ngôn", "Đoàn Minh Triết"]
    );
    assert_eq!(page.total, 7, "the spokesperson and six focal officers");

    let mut q = query(ViewKind::Press);
    q.filter = "Báo và Phát thanh, Truyền hình Gia Lai".into();
    let page = c.view(&q);
    assert_eq!(
        cells(&page, "unit"),
        ["Sở Nông nghiệp và Môi trường", "Sở Y tế"]
    );
    // Line 1 of the sample names the agency.
    assert_eq!(cells(&page, "proposed"), ["60.000.000", "60.000.000"]);
    assert_eq!(
        cells(&page, "approved"),
        ["60.000.000", ""],
        "none approved: blank, never 0"
    );
    // Lines 2 and 3 are press orders that name no agency.
    let mut q = query(ViewKind::Press);
    q.unit_id = Some(NNMT);
    q.sort = Some("proposed".into());
    q.desc = true;
    let page = c.view(&q);
    assert_eq!(page.rows[0].cells[0], "(Chưa ghi rõ cơ quan báo chí)");
    assert_eq!(page.rows[0].cells[4..], ["132.000.000", "102.000.000"]);
    let totals = page.totals.clone().expect("money");
    assert_eq!(
        (totals.proposed, totals.approved),
        (money(192_000_000), money(162_000_000))
    );

    let mut q = query(ViewKind::Budget);
    q.unit_id = Some(NNMT);
    let page = c.view(&q);
    assert_eq!(page.total, 9);
    assert_eq!(
        page.rows[0].cells[1..],
        [
            "Ngân sách tỉnh",
            "Đặt hàng, giao nhiệm vụ cho cơ quan báo chí",
            "2",
            "162.000.000",
            "162.000.000"
        ]
    );
    assert_eq!(
        page.rows[8].cells[1..],
        ["Nguồn hợp pháp khác", "Chi khác", "1", "45.000.000", ""]
    );
    q.unit_id = Some(Y_TE);
    let page = c.view(&q);
    let totals = page.totals.clone().expect("money");
    assert_eq!(totals.approved, None);
    assert_eq!(totals.proposed, row_of(&c.board(), Y_TE).total_proposed);
    assert!(cells(&page, "approved").iter().all(String::is_empty));
    q.unit_id = None;
    q.sort = Some("proposed".into());
    q.desc = true;
    let page = c.view(&q);
    let amounts: Vec<i64> = cells(&page, "proposed")
        .iter()
        .map(|s| s.replace('.', "").parse().expect("a number"))
        .collect();
    assert!(amounts.windows(2).all(|w| w[0] >= w[1]), "{amounts:?}");
    assert_eq!(
        page.totals.expect("money").approved,
        row_of(&c.board(), NNMT).total_approved
    );
}
