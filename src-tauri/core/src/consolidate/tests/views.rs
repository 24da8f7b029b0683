//! The five views: filters, sorts, pages and totals on concrete rows.

use super::*;
use crate::text::fold;

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

/// The sample as two units' plans, nothing approved in Sở Y tế's.
fn two_units() -> Consolidation {
    let mut none_approved = plan_of("Sở Y tế");
    for l in &mut none_approved.budget_lines {
        l.approved = None;
    }
    run(vec![
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
    ])
}

#[test]
fn spokespersons_are_listed_with_the_focal_officers() {
    let c = two_units();
    let mut q = query(ViewKind::Spokespersons);
    q.unit_id = Some(NNMT);
    let page = c.view(&q);
    assert_eq!(
        page.rows[0].cells[1..3],
        ["Người phát ngôn", "Đoàn Minh Triết"]
    );
    assert_eq!(page.total, 7, "the spokesperson and six focal officers");
}

#[test]
fn press_orders_are_summed_per_agency_named() {
    let c = two_units();
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
}

#[test]
fn the_budget_is_summed_by_unit_source_and_category() {
    let c = two_units();
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

#[test]
fn activities_are_counted_by_channel_stage_and_month() {
    let c = two_units();
    let counts = c.activity_counts();
    let press = counts
        .iter()
        .find(|k| k.channel == "Họp báo, cung cấp thông tin cho báo chí" && k.stage.is_none())
        .expect("press conferences");
    // Activity 1 of the sample is held monthly, activity 2 each quarter's last month.
    assert_eq!((press.activities, press.units), (4, 2));
    assert_eq!(press.months, [2, 2, 4, 2, 2, 4, 2, 2, 4, 2, 2, 4]);
    assert_eq!(counts.len(), 36, "the sample's (channel, stage) pairs");
    let total: u32 = counts.iter().map(|k| k.activities).sum();
    assert_eq!(total, 102);
    let first: Vec<(&str, Option<Stage>)> = counts[..2]
        .iter()
        .map(|k| (k.channel.as_str(), k.stage))
        .collect();
    assert_eq!(first[0].0, first[1].0, "a channel's stages together");
    assert!(
        counts
            .windows(2)
            .all(|w| fold(&w[0].channel) <= fold(&w[1].channel))
    );
}
