//! End-to-end tests of the foundation: the window, the plan list, creating a
//! plan, restarting, units. See `common` for how the app is driven.

mod common;

use std::process::Command;

use common::{
    Look, WINDOW_TITLE, click, count, create_plan, look, start_app, tid, wait_count, wait_for,
    wait_for_condition, wait_for_text, wait_for_texts, wait_until,
};
use fantoccini::{Client, Locator};

/// The steps of a new plan in the side bar, as a person reads them.
const NEW_PLAN_STEPS: [&str; 9] = [
    // A new plan starts with its title, symbol, place (the unit's province),
    // the usual legal bases and the recipients "Như trên" and "Lưu: VT"
    // filled in; the last number is what the directive check still requires
    // of the step.
    "1 Thông tin chung 4/6",
    "2 Chính sách và giai đoạn 0/1",
    "3 Hoạt động truyền thông 0/1",
    "4 Nhân sự 0/4 3",
    "5 Mạng lưới và báo chí 0/2",
    "6 Công khai thông tin và theo dõi dư luận 0/4 3",
    "7 Kinh phí 0/1",
    "8 Tổ chức thực hiện 0/2",
    "9 Ký ban hành và nơi nhận 2/5 1",
];

/// The text of every step button of the side bar, its spaces folded.
async fn step_names(client: &Client) -> Look<Vec<String>> {
    let steps = client
        .find_all(Locator::Css("[data-testid=step-list] button"))
        .await
        .map_err(|e| e.to_string())?;
    let mut names = Vec::new();
    for s in &steps {
        let t = s.text().await.map_err(|e| e.to_string())?;
        names.push(t.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    Ok(names)
}

/// The window and the page carry the Vietnamese title; the list is empty.
async fn the_first_start_shows_an_empty_list(client: &Client) {
    wait_until(client, "the page title", |c| async move {
        let title = c.title().await.map_err(|e| e.to_string())?;
        look(title == WINDOW_TITLE, title)
    })
    .await;
    // The native window carries the Vietnamese title too.
    wait_for_condition(&format!("an X window titled {WINDOW_TITLE:?}"), || {
        let found = Command::new("xdotool")
            .args(["search", "--name", WINDOW_TITLE])
            .output()
            .expect("run xdotool");
        look(!found.stdout.is_empty(), "no such window")
    })
    .await;
    wait_for_text(client, "[data-testid=empty-state]", "Chưa có kế hoạch nào").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_plan_created_in_the_ui_is_listed_after_a_restart() {
    let (_data, driver, client) = start_app().await;
    the_first_start_shows_an_empty_list(&client).await;
    create_plan(&client, "Sở Tư pháp", 2027).await;
    wait_for_text(
        &client,
        "[data-testid=editor-title]",
        "Truyền thông chính sách năm 2027",
    )
    .await;
    wait_until(&client, "the steps of a new plan", |c| async move {
        let names = step_names(c).await?;
        look(names == NEW_PLAN_STEPS, names)
    })
    .await;
    click(&client, "[data-testid=step-budget]").await;
    wait_for_text(&client, "[data-testid=step-heading]", "Kinh phí").await;
    client.close().await.expect("quit the app");

    // Second run of the app on the same data folder.
    let client = driver.launch().await;
    wait_count(&client, "[data-testid=plan-row]", 1).await;
    wait_for_texts(
        &client,
        "[data-testid=plan-row]",
        &["2027", "Sở Tư pháp", "Dự thảo"],
    )
    .await;
    click(&client, "[data-testid=plan-row] td").await;
    wait_for_text(&client, "[data-testid=editor-year]", "2027").await;
    client.close().await.expect("quit");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_plan_for_the_same_unit_and_year_is_refused_in_vietnamese() {
    let (_data, _driver, client) = start_app().await;
    create_plan(&client, "Sở Y tế", 2028).await;
    wait_for(&client, "[data-testid=plan-editor]").await;
    click(&client, "[data-testid=back-to-list]").await;
    create_plan(&client, "Sở Y tế", 2028).await;
    wait_for_text(
        &client,
        "[data-testid=new-plan-error]",
        "Sở Y tế đã có kế hoạch năm 2028.",
    )
    .await;
    client.close().await.expect("quit");
}

/// Adds a unit through the form and waits until the table lists it.
async fn add_unit(client: &Client, name: &str) {
    click(client, "[data-testid=nav-units]").await;
    for (field, text) in [
        ("unit-name", name),
        ("unit-parent", "Ủy ban nhân dân tỉnh Gia Lai"),
        ("unit-abbr", "UBND"),
    ] {
        wait_for(client, &tid(field))
            .await
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type {field}: {e}"));
    }
    click(client, "[data-testid=unit-add]").await;
    wait_for_text(client, "[data-testid=units-table]", name).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_unit_added_in_the_app_can_be_deleted_and_the_deletion_undone() {
    let (_data, _driver, client) = start_app().await;
    let name = "Ủy ban nhân dân xã Ia Grai";
    add_unit(&client, name).await;

    let rows = "[data-testid=unit-row]";
    // The table is drawn whole from one list: with the new unit, it has them all.
    let units = count(&client, rows).await;
    let mut target = None;
    for row in client.find_all(Locator::Css(rows)).await.expect("rows") {
        if row.text().await.expect("row").contains(name) {
            target = Some(row);
        }
    }
    let row = target.expect("the new unit is listed");
    row.find(Locator::Css("[data-testid=unit-delete]"))
        .await
        .expect("delete button")
        .click()
        .await
        .expect("delete");
    wait_for_text(&client, "[data-testid=confirm-dialog]", name).await;
    click(&client, "[data-testid=confirm-yes]").await;
    // The message comes before the list is read again: wait for the list.
    wait_for_text(&client, "[data-testid=toast]", "Đã xóa").await;
    wait_count(&client, rows, units - 1).await;
    click(&client, "[data-testid=undo]").await;
    wait_for_text(&client, "[data-testid=units-table]", name).await;
    wait_count(&client, rows, units).await;
    client.close().await.expect("quit");
}
