//! End-to-end: activities edited where their stage is. In step 2 an activity
//! is added on a stage and filled with the keyboard alone in its editor over
//! the step (Tab in reading order, never onto a delete button); a channel the
//! shared list lacks is added from the editor; deleting asks and can be
//! undone. From the matrix and the timeline an activity opens over the
//! overview, which stays where it was. At 1280×720 and 1366×768 no page is
//! wider than the window and a long activity row keeps its ✕ in view.

mod common;

use common::{
    check_value, click, fill, look, open_sample, press, screenshot, start_app, tid, wait_count,
    wait_for, wait_for_exact_text, wait_for_text, wait_months_on, wait_saved, wait_script,
    wait_until,
};
use fantoccini::Client;
use serde_json::{Value, json};

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";
const CONTENT: &str = "Tọa đàm trực tuyến giải đáp chính sách hỗ trợ nông nghiệp hữu cơ";
const AUDIENCE: &str =
    "Nông dân, hợp tác xã, doanh nghiệp nông nghiệp vùng đồng bào dân tộc thiểu số";
const TARGET: &str = "500 lượt người theo dõi trực tuyến";
const CHANNEL: &str = "Podcast chính sách của Sở";
/// The first policy's finalising stage in the sample plan (two activities).
const STAGE: &str =
    "[data-testid=item-policy]:first-of-type [data-testid=stage-row][data-stage=finalising]";

/// A picture of the window once the page has drawn two more frames (the
/// window's picture may otherwise be the frame before the last change).
async fn picture(client: &Client, name: &str) {
    client
        .execute_async(
            "const done = arguments[0];
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            vec![],
        )
        .await
        .expect("two frames");
    screenshot(client, name).await;
}

/// Opens a section from the side bar and waits for its heading.
async fn section(client: &Client, button: &str, heading: &str) {
    click(client, &tid(button)).await;
    wait_for_text(client, &tid("step-heading"), heading).await;
}

/// What has the focus: the field it belongs to (the last part of its
/// `data-field`) or its test id, whether it deletes, and where it is in the
/// editor's reading order (its top within the scrolled panel, then its left).
const FOCUSED: &str = "const el = document.activeElement;
    const body = el.closest('.modal-body');
    const r = el.getBoundingClientRect();
    const b = body ? body.getBoundingClientRect() : { top: 0 };
    const owner = el.closest('[data-field]');
    return {
      field: owner ? owner.dataset.field.split('.').pop() : (el.dataset.testid || el.tagName),
      month: el.dataset.month || '',
      deletes: el.matches('.danger, .danger-text, [data-testid^=delete]'),
      top: Math.round(r.top - b.top + (body ? body.scrollTop : 0)),
      left: Math.round(r.left),
    };";

async fn focused(client: &Client) -> Value {
    client
        .execute(FOCUSED, vec![])
        .await
        .expect("the focused element")
}

/// Presses Tab and waits until the focus has moved; gives where it is now.
async fn tab(client: &Client) -> Value {
    let before = focused(client).await;
    press(client, TAB).await;
    let before = &before;
    wait_until(client, "the focus to move on", |c| async move {
        let now = c
            .execute(FOCUSED, vec![])
            .await
            .map_err(|e| e.to_string())?;
        look(now != *before, now)
    })
    .await
}

/// The fields of the editor in reading order, as Tab must reach them.
const TAB_ORDER: &[&str] = &[
    "policyId",
    "stage",
    "channelId",
    "new-channel",
    "audience",
    "leadUnit",
    "coordinatingUnits",
    "months",
    "startDate",
    "endDate",
    "expectedOutput",
    "target",
];

/// Tabs from the content to the target, typing on the way; asserts each stop
/// follows the one before on the page and none deletes.
async fn fill_with_the_keyboard(client: &Client) {
    let mut seen = vec![focused(client).await];
    press(client, CONTENT).await;
    while seen.last().is_some_and(|f| f["field"] != "target") {
        let now = tab(client).await;
        let prev = seen.last().expect("a stop before");
        assert_eq!(
            now["deletes"], false,
            "Tab landed on a delete button after {prev}"
        );
        let (dy, dx) = (
            now["top"].as_i64().unwrap_or(0) - prev["top"].as_i64().unwrap_or(0),
            now["left"].as_i64().unwrap_or(0) - prev["left"].as_i64().unwrap_or(0),
        );
        assert!(
            dy > 2 || (dy.abs() <= 2 && dx > 0),
            "{now} comes before {prev} on the page"
        );
        match (now["field"].as_str(), now["month"].as_str()) {
            (Some("audience"), _) => press(client, AUDIENCE).await,
            (Some("months"), Some("3" | "4")) => press(client, " ").await,
            (Some("target"), _) => press(client, TARGET).await,
            _ => {}
        }
        seen.push(now);
        assert!(seen.len() < 40, "Tab never reached the target: {seen:?}");
    }
    let mut order: Vec<&str> = seen.iter().filter_map(|f| f["field"].as_str()).collect();
    order.dedup();
    assert_eq!(order[0], "content");
    assert_eq!(&order[1..], TAB_ORDER);
    let months = seen.iter().filter(|f| f["field"] == "months").count();
    assert_eq!(months, 12, "each month is one stop");
}

/// Waits until the stage lists an activity of this content (its line may
/// show only the first words).
async fn stage_lists(client: &Client, content: &str) {
    wait_script(
        client,
        &format!("the stage to list {content:?}"),
        "return [...document.querySelectorAll(arguments[0])].some((b) => b.textContent.includes(arguments[1]));",
        &[json!(format!("{STAGE} {}", tid("open-activity"))), json!(content)],
        json!(true),
    )
    .await;
}

/// The id of the activity open in the editor over the page.
async fn dialog_activity(client: &Client) -> String {
    wait_for(client, "[data-testid=activity-dialog] [data-activity]")
        .await
        .attr("data-activity")
        .await
        .expect("attr")
        .expect("data-activity")
}

/// In step 2, "+ Thêm hoạt động" on a stage (pressed with Enter) opens the new
/// activity over the step with the focus in its content; it is filled with
/// the keyboard and closed with Escape, which gives the focus back.
async fn add_on_a_stage_with_the_keyboard(client: &Client) -> String {
    section(client, "step-policies", "Chính sách và giai đoạn").await;
    let counted = format!("{STAGE} {}", tid("stage-count"));
    wait_for_exact_text(client, &counted, "2").await;
    let add = format!("{STAGE} {}", tid("add-stage-activity"));
    let button = wait_for(client, &add).await;
    let arg = serde_json::to_value(&button).expect("element");
    client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();",
            vec![arg],
        )
        .await
        .expect("focus the button");
    press(client, ENTER).await;
    let a = dialog_activity(client).await;
    wait_for_exact_text(client, &counted, "3").await;
    wait_for_text(client, &tid("step-heading"), "Chính sách và giai đoạn").await;
    wait_until(
        client,
        "the focus in the new activity's content",
        |c| async move {
            let f = c
                .execute(FOCUSED, vec![])
                .await
                .map_err(|e| e.to_string())?;
            look(f["field"] == "content", f)
        },
    )
    .await;
    picture(client, "activity-editor-new").await;
    fill_with_the_keyboard(client).await;
    press(client, ESCAPE).await;
    wait_count(client, &tid("activity-dialog"), 0).await;
    wait_saved(client).await;
    stage_lists(client, CONTENT).await;
    wait_script(
        client,
        "the focus back on the stage's add button",
        "return document.activeElement === document.querySelector(arguments[0]);",
        &[json!(add)],
        json!(true),
    )
    .await;
    a
}

/// The activity opens again from its stage with what was typed.
async fn typed_values_are_there(client: &Client, a: &str) {
    click(client, &format!("{STAGE} [data-activity=\"{a}\"]")).await;
    check_value(client, &format!("activity.{a}.content"), CONTENT).await;
    check_value(client, &format!("activity.{a}.audience"), AUDIENCE).await;
    check_value(client, &format!("activity.{a}.target"), TARGET).await;
    wait_months_on(client, a, &[3, 4]).await;
}

/// A channel the list lacks is added from the editor and chosen; the same
/// name again is refused in Vietnamese; Escape leaves the new name only.
async fn a_new_channel_is_added_from_the_editor(client: &Client, a: &str) {
    let select = tid(&format!("activity.{a}.channelId"));
    click(client, &tid("new-channel")).await;
    fill(client, "new-channel-name", CHANNEL).await;
    click(client, &tid("new-channel-add")).await;
    wait_for_exact_text(client, &format!("{select} option:checked"), CHANNEL).await;
    wait_count(client, &tid("new-channel-form"), 0).await;
    picture(client, "activity-editor-channel").await;

    click(client, &tid("new-channel")).await;
    fill(client, "new-channel-name", "  podcast CHÍNH SÁCH của sở ").await;
    click(client, &tid("new-channel-add")).await;
    wait_for_text(
        client,
        "[data-testid=activity-dialog] .channel-field [data-testid=field-error]",
        &format!("Danh mục đã có hình thức truyền thông “{CHANNEL}”"),
    )
    .await;
    picture(client, "activity-editor-channel-twice").await;
    click(client, &tid("new-channel-name")).await;
    press(client, ESCAPE).await;
    wait_count(client, &tid("new-channel-form"), 0).await;
    wait_for(client, &tid("activity-dialog")).await;
    wait_for_exact_text(client, &format!("{select} option:checked"), CHANNEL).await;
    wait_saved(client).await;
}

/// Deleting from the editor asks first, closes it and can be undone.
async fn deleting_asks_and_can_be_undone(client: &Client) {
    let counted = format!("{STAGE} {}", tid("stage-count"));
    click(
        client,
        &format!("{STAGE} li:last-child {}", tid("open-activity")),
    )
    .await;
    click(client, &tid("delete-activity")).await;
    // The question and the toast name the activity by its first words.
    let start: String = CONTENT.chars().take(40).collect();
    wait_for_text(client, &tid("confirm-dialog"), &start).await;
    click(client, &tid("confirm-yes")).await;
    wait_count(client, &tid("activity-dialog"), 0).await;
    wait_for_exact_text(client, &counted, "2").await;
    wait_for_text(client, &tid("toast"), &start).await;
    click(client, &tid("undo")).await;
    wait_for_exact_text(client, &counted, "3").await;
    stage_lists(client, CONTENT).await;
    wait_count(client, &tid("activity-dialog"), 0).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_activity_is_added_on_its_stage_and_filled_with_the_keyboard() {
    let (_data, _driver, client) = start_app().await;
    open_sample(&client).await;
    let a = add_on_a_stage_with_the_keyboard(&client).await;
    typed_values_are_there(&client, &a).await;
    a_new_channel_is_added_from_the_editor(&client, &a).await;
    click(
        &client,
        "[data-testid=activity-dialog] [data-testid=modal-close]",
    )
    .await;
    wait_count(&client, &tid("activity-dialog"), 0).await;
    deleting_asks_and_can_be_undone(&client).await;

    // The new channel joined the list every plan shares.
    click(&client, &tid("nav-catalogs")).await;
    let channels = format!("{} {}", tid("catalog-channel"), tid("ref-item"));
    wait_script(
        &client,
        "the new channel once in Danh mục",
        "return [...document.querySelectorAll(arguments[0])]
             .filter((li) => li.textContent.includes(arguments[1])).length;",
        &[json!(channels), json!(CHANNEL)],
        json!(1),
    )
    .await;
    client.close().await.expect("quit");
}

/// The page's scroll position, to compare before and after an editor.
async fn scroll_y(client: &Client) -> Value {
    client
        .execute("return Math.round(window.scrollY);", vec![])
        .await
        .expect("scrollY")
}

/// Waits until the page is scrolled to `y` and `heading` is still shown.
async fn still_there(client: &Client, heading: &str, y: &Value) {
    wait_for_text(client, &tid("step-heading"), heading).await;
    wait_script(
        client,
        "the page where it was",
        "return Math.round(window.scrollY);",
        &[],
        y.clone(),
    )
    .await;
}

/// A cell of the matrix opens its activities over the matrix; one is edited
/// in its editor over that; closing both leaves the matrix where it was.
async fn edited_from_the_matrix(client: &Client) -> String {
    section(client, "view-matrix", "Ma trận chính sách – giai đoạn").await;
    let cell = "[data-testid=matrix-row]:last-child [data-testid=matrix-cell][data-stage=drafting]";
    click(client, cell).await;
    wait_for(
        client,
        "[data-testid=cell-dialog] [data-testid=open-activity]",
    )
    .await;
    picture(client, "matrix-cell").await;
    let y = scroll_y(client).await;
    click(
        client,
        "[data-testid=cell-dialog] [data-testid=open-activity]",
    )
    .await;
    let a = dialog_activity(client).await;
    fill(
        client,
        &format!("activity.{a}.expectedOutput"),
        "02 hội nghị, 120 đại biểu",
    )
    .await;
    wait_saved(client).await;
    picture(client, "matrix-activity-editor").await;
    click(
        client,
        "[data-testid=activity-dialog] [data-testid=modal-close]",
    )
    .await;
    wait_count(client, &tid("activity-dialog"), 0).await;
    wait_for(client, &tid("cell-dialog")).await;
    click(
        client,
        "[data-testid=cell-dialog] [data-testid=modal-close]",
    )
    .await;
    wait_count(client, &tid("cell-dialog"), 0).await;
    wait_for(client, &tid("matrix")).await;
    still_there(client, "Ma trận chính sách – giai đoạn", &y).await;
    a
}

/// The same activity opens from the timeline with the matrix's edit; its
/// target is changed; closing leaves the timeline where it was.
async fn edited_from_the_timeline(client: &Client, a: &str) {
    section(client, "view-timeline", "Lịch hoạt động").await;
    let name = format!("[data-testid=timeline-row][data-activity=\"{a}\"] button");
    click(client, &name).await;
    let y = scroll_y(client).await;
    check_value(
        client,
        &format!("activity.{a}.expectedOutput"),
        "02 hội nghị, 120 đại biểu",
    )
    .await;
    fill(
        client,
        &format!("activity.{a}.target"),
        "100% xã, phường được tham vấn",
    )
    .await;
    wait_saved(client).await;
    press(client, ESCAPE).await;
    wait_count(client, &tid("activity-dialog"), 0).await;
    still_there(client, "Lịch hoạt động", &y).await;
    wait_for(client, &tid("timeline")).await;
    click(client, &name).await;
    check_value(
        client,
        &format!("activity.{a}.target"),
        "100% xã, phường được tham vấn",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_activity_is_edited_over_the_matrix_and_the_timeline() {
    let (_data, _driver, client) = start_app().await;
    open_sample(&client).await;
    let a = edited_from_the_matrix(&client).await;
    edited_from_the_timeline(&client, &a).await;
    client.close().await.expect("quit");
}

/// Resizes the window and waits until the page has the new width.
async fn window(client: &Client, width: u32, height: u32) {
    client.set_window_size(width, height).await.expect("resize");
    wait_script(
        client,
        "the new window width",
        "return window.innerWidth;",
        &[],
        json!(width),
    )
    .await;
}

/// The page is no wider than the window.
async fn fits(client: &Client, what: &str) {
    wait_script(
        client,
        &format!("{what} no wider than the window"),
        "return document.documentElement.scrollWidth <= window.innerWidth;",
        &[],
        json!(true),
    )
    .await;
}

/// Steps 2 and 3, the matrix and the timeline fit the window; the longest
/// activity row of step 3 keeps its ✕ inside it.
async fn every_view_fits(client: &Client, size: &str) {
    section(client, "step-policies", "Chính sách và giai đoạn").await;
    fits(client, "step 2").await;
    client
        .execute(
            "document.querySelector('[data-testid=stage-row]').scrollIntoView();",
            vec![],
        )
        .await
        .expect("scroll to the stages");
    picture(client, &format!("step2-{size}")).await;
    section(client, "step-activities", "Hoạt động truyền thông").await;
    fits(client, "step 3").await;
    wait_script(
        client,
        "the ✕ of the longest activity row inside the window",
        "const rows = [...document.querySelectorAll('[data-testid=item-activity]')];
         if (rows.length < 30) return 'only ' + rows.length + ' rows';
         const longest = rows.reduce((a, b) => (b.textContent.length > a.textContent.length ? b : a));
         longest.scrollIntoView({ block: 'center' });
         const r = longest.querySelector('[data-testid=delete-activity]').getBoundingClientRect();
         return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth;",
        &[],
        json!(true),
    )
    .await;
    picture(client, &format!("step3-{size}")).await;
    click(
        client,
        "[data-testid=item-activity]:first-child [data-testid=activity-toggle]",
    )
    .await;
    wait_for(client, &tid("activity-editor")).await;
    fits(client, "step 3 with an activity open").await;
    picture(client, &format!("step3-open-{size}")).await;
    click(
        client,
        "[data-testid=item-activity]:first-child [data-testid=activity-toggle]",
    )
    .await;
    wait_count(client, &tid("activity-editor"), 0).await;
    section(client, "view-matrix", "Ma trận chính sách – giai đoạn").await;
    fits(client, "the matrix").await;
    picture(client, &format!("matrix-{size}")).await;
    section(client, "view-timeline", "Lịch hoạt động").await;
    fits(client, "the timeline").await;
    picture(client, &format!("timeline-{size}")).await;
    click(client, "[data-testid=timeline-row] button").await;
    wait_for(client, &tid("activity-dialog")).await;
    fits(client, "the timeline with an activity open").await;
    picture(client, &format!("timeline-editor-{size}")).await;
    press(client, ESCAPE).await;
    wait_count(client, &tid("activity-dialog"), 0).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn activity_views_fit_a_small_laptop_screen() {
    let (_data, _driver, client) = start_app().await;
    open_sample(&client).await;
    window(&client, 1366, 768).await;
    every_view_fits(&client, "1366x768").await;
    window(&client, 1280, 720).await;
    every_view_fits(&client, "1280x720").await;
    client.close().await.expect("quit");
}
