//! End-to-end tests of drafting: every step filled through the UI and found
//! again after a restart, deletion with undo, the sample plan with its matrix
//! and timeline, and copying a plan into the next year.

mod common;

use common::{
    check_value, choose, click, count, create_plan, fill, look, open_first_plan, open_sample,
    screenshot, start_app, tid, value_of, wait_count, wait_for, wait_for_exact_text, wait_for_text,
    wait_for_texts, wait_months_on, wait_saved, wait_script, wait_selected, wait_until,
};
use fantoccini::Client;
use serde_json::json;

/// Opens a step from the side bar and waits for its heading.
async fn step(client: &Client, name: &str, heading: &str) {
    click(client, &tid(&format!("step-{name}"))).await;
    wait_for_text(client, "[data-testid=step-heading]", heading).await;
}

/// Adds an item to a list and waits until it is drawn (after it is written).
async fn add(client: &Client, entity: &str) {
    let before = count(client, &tid(&format!("item-{entity}"))).await;
    click(client, &tid(&format!("add-{entity}"))).await;
    wait_count(client, &tid(&format!("item-{entity}")), before + 1).await;
}

/// The id of the activity open in the activity list.
async fn open_activity_id(client: &Client) -> String {
    wait_for(client, "[data-testid=item-activity].open")
        .await
        .attr("data-id")
        .await
        .expect("attr")
        .expect("data-id")
}

/// Text typed into each step, by field (`*` stands for the open activity's id).
/// The same table is checked after the restart.
const GENERAL: &[(&str, &str)] = &[
    (
        "plan.title",
        "Kế hoạch truyền thông chính sách năm 2027 của Sở Tư pháp",
    ),
    ("plan.number", "15"),
    ("plan.place", "Gia Lai"),
    ("plan.issueDate", "05/01/2027"),
    (
        // After the six bases a new plan of 2027 starts with.
        "legal_basis.6.text",
        "Kế hoạch số 1295/KH-UBND ngày 17/6/2022 của Ủy ban nhân dân tỉnh Gia Lai (cũ)",
    ),
    (
        "plan.purposes",
        "Cung cấp thông tin kịp thời.\nTạo đồng thuận xã hội.",
    ),
    ("plan.requirements", "Đúng đối tượng, đúng thời điểm."),
];
const POLICY: &[(&str, &str)] = &[
    (
        "policy.0.title",
        "Chính sách trợ giúp pháp lý cho người dân tộc thiểu số",
    ),
    ("policy.0.field", "Tư pháp"),
    (
        "policy.0.draftDocument",
        "Nghị quyết của Hội đồng nhân dân tỉnh",
    ),
    ("policy.0.affectedGroups", "Đồng bào dân tộc thiểu số"),
    (
        "policy.0.keyMessages",
        "Trợ giúp pháp lý miễn phí, gần dân.",
    ),
];
const STAGE_REASON: (&str, &str) = (
    "policy.0.stage.0.reason",
    "Chủ trương đã được phê duyệt năm 2026.",
);
const ACTIVITY: &[(&str, &str)] = &[
    (
        "activity.*.content",
        "Tổ chức đối thoại với người dân về dự thảo nghị quyết",
    ),
    (
        "activity.*.audience",
        "Người dân vùng đồng bào dân tộc thiểu số",
    ),
    ("activity.*.leadUnit", "Phòng Phổ biến giáo dục pháp luật"),
    ("activity.*.coordinatingUnits", "Ủy ban nhân dân các xã"),
    ("activity.*.startDate", "15/03/2027"),
    ("activity.*.endDate", "20/04/2027"),
    ("activity.*.expectedOutput", "02 hội nghị"),
    ("activity.*.target", "150 lượt người tham dự"),
];
const STAFFING: &[(&str, &str)] = &[
    ("plan.leaderPosition", "Phó Giám đốc Sở"),
    ("plan.spokespersonName", "Trần Thị Mai"),
    ("plan.spokespersonPosition", "Giám đốc Sở"),
    (
        "plan.spokespersonContact",
        "0269 3 824 111 – phatngon@gialai.gov.vn",
    ),
    ("focal_officer.0.name", "Lê Văn Tâm"),
    ("focal_officer.0.position", "Chuyên viên"),
    ("focal_officer.0.unit", "Văn phòng Sở"),
    ("focal_officer.0.phone", "0269 3 824 222"),
    ("focal_officer.0.email", "tam@gialai.gov.vn"),
    ("training.0.topic", "Kỹ năng cung cấp thông tin cho báo chí"),
    ("training.0.participants", "Cán bộ đầu mối"),
    ("training.0.timing", "Quý II/2027"),
    ("training.0.organiser", "Văn phòng Sở"),
];
const PRESS: &[(&str, &str)] = &[
    (
        "press_partner.0.name",
        "Báo và Phát thanh, Truyền hình Gia Lai",
    ),
    ("press_partner.0.arrangement", "Đặt hàng"),
    ("press_partner.0.tasks", "12 tin, bài về trợ giúp pháp lý"),
    (
        "plan.pressCoordination",
        "Phối hợp với Ban Tuyên giáo và Dân vận Tỉnh ủy.",
    ),
];
const MONITORING: &[(&str, &str)] = &[
    (
        "plan.publicDisclosure",
        "Công khai trên Cổng thông tin điện tử của Sở.",
    ),
    ("plan.opinionMonitoring", "Theo dõi mạng xã hội hằng ngày."),
    ("plan.falseInformation", "Cải chính trong 24 giờ."),
    (
        "plan.crisisProcedure",
        "1. Phát hiện.\n2. Báo cáo.\n3. Cung cấp thông tin.",
    ),
];
const IMPLEMENTATION: &[(&str, &str)] = &[
    ("responsibility.0.unit", "Văn phòng Sở"),
    (
        "responsibility.0.tasks",
        "Theo dõi, đôn đốc thực hiện kế hoạch.",
    ),
    ("report.0.content", "Báo cáo 6 tháng"),
    ("report.0.deadline", "Trước ngày 15/6/2027"),
    ("report.0.recipient", "Ủy ban nhân dân tỉnh"),
    ("plan.reporting", "Báo cáo đột xuất khi có yêu cầu."),
];
const SIGNATURE: &[(&str, &str)] = &[
    ("plan.signerAuthorityOf", "GIÁM ĐỐC"),
    ("plan.signerPosition", "PHÓ GIÁM ĐỐC"),
    ("plan.signerName", "Nguyễn Văn Hùng"),
];
const NEW_RECIPIENT: &str = "Ủy ban nhân dân tỉnh (để báo cáo)";

async fn fill_all(client: &Client, fields: &[(&str, &str)], activity: &str) {
    for (id, value) in fields {
        fill(client, &id.replace('*', activity), value).await;
    }
}

async fn check_all(client: &Client, fields: &[(&str, &str)], activity: &str) {
    for (id, value) in fields {
        check_value(client, &id.replace('*', activity), value).await;
    }
}

/// 1. General information, with one more legal basis.
async fn draft_general(client: &Client) {
    add(client, "legal_basis").await;
    fill_all(client, GENERAL, "").await;
    wait_saved(client).await;
    wait_for_text(
        client,
        "[data-testid=step-general] [data-testid=step-badge]",
        "✓",
    )
    .await;
}

/// 2. A policy with its stages; the first stage does not apply.
async fn draft_policy(client: &Client) {
    step(client, "policies", "Chính sách và giai đoạn").await;
    add(client, "policy").await;
    fill_all(client, POLICY, "").await;
    click(client, &tid("policy.0.majorImpact")).await;
    click(client, &tid("policy.0.stage.0.notApplicable")).await;
    fill(client, STAGE_REASON.0, STAGE_REASON.1).await;
    wait_saved(client).await;
}

/// 3. An activity added on the drafting stage opens in its editor over step 2.
async fn draft_activity(client: &Client) {
    click(
        client,
        "[data-testid=stage-row][data-stage=drafting] [data-testid=add-stage-activity]",
    )
    .await;
    let a = wait_for(client, "[data-testid=activity-dialog] [data-activity]")
        .await
        .attr("data-activity")
        .await
        .expect("attr")
        .expect("data-activity");
    wait_for_text(
        client,
        "[data-testid=step-heading]",
        "Chính sách và giai đoạn",
    )
    .await;
    fill_all(client, ACTIVITY, &a).await;
    choose(
        client,
        &tid(&format!("activity.{a}.channelId")),
        "Đối thoại, tham vấn, lấy ý kiến",
    )
    .await;
    let months = tid(&format!("activity.{a}.months"));
    click(client, &format!("{months} [data-month=\"3\"]")).await;
    click(client, &format!("{months} [data-month=\"4\"]")).await;
    wait_saved(client).await;
    click(
        client,
        "[data-testid=activity-dialog] [data-testid=modal-close]",
    )
    .await;
    wait_count(client, &tid("activity-dialog"), 0).await;
    wait_for_exact_text(
        client,
        "[data-testid=stage-row][data-stage=drafting] [data-testid=stage-count]",
        "1",
    )
    .await;
}

/// 4. Staffing (the leader's name typed decomposed, NFD, is stored composed);
/// 5. press; 6. disclosure and monitoring; 8. implementation.
async fn draft_staffing_press_monitoring_implementation(client: &Client) {
    step(client, "staffing", "Nhân sự").await;
    add(client, "focal_officer").await;
    add(client, "training").await;
    fill(client, "plan.leaderName", "Nguye\u{302}\u{303}n Văn Hùng").await;
    fill_all(client, STAFFING, "").await;
    step(client, "press", "Mạng lưới và báo chí").await;
    add(client, "press_partner").await;
    fill_all(client, PRESS, "").await;
    step(client, "monitoring", "Công khai thông tin").await;
    fill_all(client, MONITORING, "").await;
    step(client, "implementation", "Tổ chức thực hiện").await;
    add(client, "responsibility").await;
    add(client, "report").await;
    fill_all(client, IMPLEMENTATION, "").await;
}

/// 9. Signature and recipients: a new recipient goes above "Lưu: VT" by itself.
async fn draft_signature(client: &Client) {
    step(client, "signature", "Ký ban hành").await;
    choose(
        client,
        &tid("plan.signerAuthority"),
        "KT. – Ký thay người đứng đầu",
    )
    .await;
    fill_all(client, SIGNATURE, "").await;
    add(client, "recipient").await;
    fill(client, "recipient.1.text", NEW_RECIPIENT).await;
    check_value(client, "recipient.2.text", "Lưu: VT").await;
    wait_saved(client).await;
    wait_for_text(client, "[data-testid=signature-preview]", "KT. GIÁM ĐỐC").await;
    wait_for_text(client, "[data-testid=step-list]", "✓").await;
}

/// After the restart: general information, the policy and its stages.
async fn check_general_and_policy(client: &Client) {
    check_all(client, GENERAL, "").await;
    step(client, "policies", "Chính sách và giai đoạn").await;
    check_all(client, POLICY, "").await;
    check_value(client, STAGE_REASON.0, STAGE_REASON.1).await;
    wait_selected(client, &tid("policy.0.majorImpact"), true).await;
    wait_for_exact_text(
        client,
        "[data-testid=stage-row][data-stage=drafting] [data-testid=stage-count]",
        "1",
    )
    .await;
}

/// After the restart: the activity, its channel, stage and months.
async fn check_activity(client: &Client) {
    step(client, "activities", "Hoạt động truyền thông").await;
    click(client, "[data-testid=activity-toggle]").await;
    let a = open_activity_id(client).await;
    check_all(client, ACTIVITY, &a).await;
    let selected =
        |field: &str| format!("{} option:checked", tid(&format!("activity.{a}.{field}")));
    wait_for_exact_text(
        client,
        &selected("channelId"),
        "Đối thoại, tham vấn, lấy ý kiến",
    )
    .await;
    wait_for_exact_text(client, &selected("stage"), "Xây dựng").await;
    wait_months_on(client, &a, &[3, 4]).await;
}

/// After the restart: staffing, press, monitoring, implementation, signature.
async fn check_the_other_steps(client: &Client) {
    step(client, "staffing", "Nhân sự").await;
    check_value(client, "plan.leaderName", "Nguyễn Văn Hùng").await;
    check_all(client, STAFFING, "").await;
    step(client, "press", "Mạng lưới và báo chí").await;
    check_all(client, PRESS, "").await;
    step(client, "monitoring", "Công khai thông tin").await;
    check_all(client, MONITORING, "").await;
    step(client, "implementation", "Tổ chức thực hiện").await;
    check_all(client, IMPLEMENTATION, "").await;
    step(client, "signature", "Ký ban hành").await;
    check_value(client, "plan.signerAuthority", "deputy").await;
    check_all(client, SIGNATURE, "").await;
    check_value(client, "recipient.0.text", "Như trên").await;
    check_value(client, "recipient.1.text", NEW_RECIPIENT).await;
    check_value(client, "recipient.2.text", "Lưu: VT").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_step_is_saved_as_typed_and_found_again_after_a_restart() {
    let (_data, driver, client) = start_app().await;
    create_plan(&client, "Sở Tư pháp", 2027).await;
    wait_for(&client, "[data-testid=step-list]").await;
    draft_general(&client).await;
    draft_policy(&client).await;
    draft_activity(&client).await;
    draft_staffing_press_monitoring_implementation(&client).await;
    draft_signature(&client).await;
    client.close().await.expect("quit");

    // Everything is there after a restart.
    let client = driver.launch().await;
    open_first_plan(&client).await;
    check_general_and_policy(&client).await;
    check_activity(&client).await;
    check_the_other_steps(&client).await;
    client.close().await.expect("quit");
}

#[tokio::test(flavor = "multi_thread")]
async fn deleting_a_policy_asks_first_and_can_be_undone() {
    let (_data, _driver, client) = start_app().await;
    open_sample(&client).await;
    step(&client, "policies", "Chính sách và giai đoạn").await;
    let policies = wait_until(&client, "the sample's policies", |c| async move {
        let n = count(c, &tid("item-policy")).await;
        look(n > 0, n)
    })
    .await;
    let title = value_of(&client, &tid("policy.0.title")).await;
    step(&client, "activities", "Hoạt động truyền thông").await;
    let activities = common::text(&client, &tid("activity-count")).await;
    step(&client, "policies", "Chính sách và giai đoạn").await;

    // Cancelling keeps it.
    click(
        &client,
        &format!(
            "{}:first-of-type {}",
            tid("item-policy"),
            tid("delete-policy")
        ),
    )
    .await;
    wait_for_text(&client, &tid("confirm-dialog"), &title).await;
    click(
        &client,
        &format!("{} button[autofocus]", tid("confirm-dialog")),
    )
    .await;
    wait_count(&client, &tid("confirm-dialog"), 0).await;
    wait_count(&client, &tid("item-policy"), policies).await;

    // Confirming deletes it with its activities; undo brings all back.
    click(
        &client,
        &format!(
            "{}:first-of-type {}",
            tid("item-policy"),
            tid("delete-policy")
        ),
    )
    .await;
    click(&client, &tid("confirm-yes")).await;
    wait_count(&client, &tid("item-policy"), policies - 1).await;
    let start: String = title.chars().take(40).collect();
    wait_for_text(&client, &tid("toast"), &start).await;
    click(&client, &tid("undo")).await;
    wait_count(&client, &tid("item-policy"), policies).await;
    check_value(&client, "policy.0.title", &title).await;
    step(&client, "activities", "Hoạt động truyền thông").await;
    wait_for_exact_text(&client, &tid("activity-count"), &activities).await;
    client.close().await.expect("quit");
}

/// Every policy against the five stages, every cell covered; a cell opens
/// the activities of that policy and stage over the matrix, and from there
/// the activity list filtered to them.
async fn the_matrix_covers_every_stage(client: &Client) {
    click(client, &tid("view-matrix")).await;
    // At least four policies, five stages each; every cell is covered:
    // activities or "not applicable", none missing.
    wait_until(
        client,
        "a row of five covered cells for each of 4+ policies",
        |c| async move {
            let rows = count(c, &tid("matrix-row")).await;
            let cells = count(c, &tid("matrix-cell")).await;
            let missing = count(c, "[data-testid=matrix-cell].missing").await;
            look(
                rows >= 4 && cells == rows * 5 && missing == 0,
                (rows, cells, missing),
            )
        },
    )
    .await;

    click(
        client,
        "[data-testid=matrix-row]:first-child [data-testid=matrix-cell][data-stage=drafting]",
    )
    .await;
    wait_for_text(client, &tid("cell-dialog"), "Giai đoạn Xây dựng").await;
    wait_until(client, "the cell's activities", |c| async move {
        let n = count(c, "[data-testid=cell-dialog] [data-testid=open-activity]").await;
        look(n > 0, n)
    })
    .await;
    click(client, &tid("cell-open-list")).await;
    wait_for_text(
        client,
        "[data-testid=step-heading]",
        "Hoạt động truyền thông",
    )
    .await;
    wait_for_exact_text(
        client,
        &format!("{} option:checked", tid("filter-stage")),
        "Xây dựng",
    )
    .await;
}

/// The timeline shows every activity, and filters by channel.
async fn the_timeline_filters_by_channel(client: &Client) {
    click(client, &tid("view-timeline")).await;
    wait_for(client, &tid("timeline")).await;
    choose(client, &tid("filter-policy"), "Tất cả").await;
    choose(client, &tid("filter-stage"), "Tất cả").await;
    wait_for_text(client, &tid("timeline-count"), "51/51").await;
    screenshot(client, "timeline").await;
    let rows = &tid("timeline-row");
    let all = wait_until(client, "30+ activities in the timeline", |c| async move {
        let all = count(c, rows).await;
        look(all >= 30, all)
    })
    .await;
    choose(
        client,
        &tid("filter-channel"),
        "Họp báo, cung cấp thông tin cho báo chí",
    )
    .await;
    wait_until(client, "the press activities only", |c| async move {
        let press = count(c, rows).await;
        look(press > 0 && press < all, format!("{press} of {all}"))
    })
    .await;
    // The monthly press update runs in all twelve months.
    wait_script(
        client,
        "an activity that runs all year",
        "return [...document.querySelectorAll(arguments[0])]
             .some((row) => row.querySelectorAll('td.t-cell.on').length === 12);",
        &[json!(rows)],
        json!(true),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sample_plan_shows_its_matrix_and_timeline() {
    let (_data, _driver, client) = start_app().await;
    open_sample(&client).await;
    wait_for_text(&client, &tid("overall-progress"), "Hoàn thành 100%").await;
    the_matrix_covers_every_stage(&client).await;
    the_timeline_filters_by_channel(&client).await;
    client.close().await.expect("quit");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_plan_is_copied_into_the_next_year_as_a_draft() {
    let (_data, _driver, client) = start_app().await;
    open_sample(&client).await;
    click(&client, &tid("back-to-list")).await;
    click(&client, &tid("copy-plan")).await;
    check_value(&client, "copy-year", "2028").await;
    click(&client, &tid("copy-submit")).await;
    wait_for_text(&client, &tid("editor-year"), "2028").await;
    wait_for_text(&client, &tid("editor-title"), "2028").await;
    click(&client, &tid("back-to-list")).await;
    // The sample's two years (2026, approved; 2027) and the copy.
    wait_count(&client, &tid("plan-row"), 3).await;
    wait_for_texts(
        &client,
        "[data-testid=plan-row]:first-child",
        &["2028", "Dự thảo"],
    )
    .await;
    client.close().await.expect("quit");
}
