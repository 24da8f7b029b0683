//! End-to-end tests of the foundation: the window, the plan list, creating a
//! plan, restarting, units. See `common` for how the app is driven.

mod common;

use std::process::Command;

use common::{Driver, WINDOW_TITLE, create_plan, text, wait_for, wait_for_text};
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread")]
async fn a_plan_created_in_the_ui_is_listed_after_a_restart() {
    let data = tempfile::tempdir().expect("temp dir");
    let driver = Driver::start(data.path());

    let client = driver.launch().await;
    assert_eq!(client.title().await.expect("title"), WINDOW_TITLE);
    // The native window carries the Vietnamese title too.
    let found = Command::new("xdotool")
        .args(["search", "--name", WINDOW_TITLE])
        .output()
        .expect("run xdotool");
    assert!(
        !found.stdout.is_empty(),
        "no X window titled {WINDOW_TITLE:?}"
    );

    let empty = text(&client, "[data-testid=empty-state]").await;
    assert!(empty.contains("Chưa có kế hoạch nào"), "{empty}");

    create_plan(&client, "Sở Tư pháp", 2027).await;
    wait_for_text(
        &client,
        "[data-testid=editor-title]",
        "Kế hoạch truyền thông chính sách năm 2027",
    )
    .await;
    let steps = client
        .find_all(Locator::Css("[data-testid=step-list] button"))
        .await
        .expect("steps");
    let mut names = Vec::new();
    for s in &steps {
        let t = s.text().await.expect("step text");
        names.push(t.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    assert_eq!(
        names,
        [
            // A new plan starts with its title, symbol, the usual legal bases
            // and the recipients "Như trên" and "Lưu: VT" filled in; the last
            // number is what the directive check still requires of the step.
            "1 Thông tin chung 3/6 1",
            "2 Chính sách và giai đoạn 0/1",
            "3 Hoạt động truyền thông 0/1",
            "4 Nhân sự 0/4 3",
            "5 Mạng lưới và báo chí 0/2",
            "6 Công khai thông tin và theo dõi dư luận 0/4 3",
            "7 Kinh phí 0/1",
            "8 Tổ chức thực hiện 0/2",
            "9 Ký ban hành và nơi nhận 2/5 1",
        ]
    );
    wait_for(&client, "[data-testid=step-budget]")
        .await
        .click()
        .await
        .expect("step");
    wait_for_text(&client, "[data-testid=step-heading]", "Kinh phí").await;
    client.close().await.expect("quit the app");

    // Second run of the app on the same data folder.
    let client = driver.launch().await;
    wait_for(&client, "[data-testid=plan-row]").await;
    let rows = client
        .find_all(Locator::Css("[data-testid=plan-row]"))
        .await
        .expect("rows");
    assert_eq!(rows.len(), 1);
    let row = rows[0].text().await.expect("row text");
    assert!(
        row.contains("2027") && row.contains("Sở Tư pháp") && row.contains("Dự thảo"),
        "{row}"
    );
    rows[0]
        .find(Locator::Css("td"))
        .await
        .expect("a cell")
        .click()
        .await
        .expect("open");
    wait_for_text(&client, "[data-testid=editor-year]", "2027").await;
    client.close().await.expect("quit");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_plan_for_the_same_unit_and_year_is_refused_in_vietnamese() {
    let data = tempfile::tempdir().expect("temp dir");
    let driver = Driver::start(data.path());
    let client = driver.launch().await;
    create_plan(&client, "Sở Y tế", 2028).await;
    wait_for(&client, "[data-testid=plan-editor]").await;
    wait_for(&client, "[data-testid=back-to-list]")
        .await
        .click()
        .await
        .expect("back");
    create_plan(&client, "Sở Y tế", 2028).await;
    wait_for_text(
        &client,
        "[data-testid=new-plan-error]",
        "Sở Y tế đã có kế hoạch năm 2028.",
    )
    .await;
    client.close().await.expect("quit");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_unit_added_in_the_app_can_be_deleted_and_the_deletion_undone() {
    let data = tempfile::tempdir().expect("temp dir");
    let driver = Driver::start(data.path());
    let client = driver.launch().await;
    wait_for(&client, "[data-testid=nav-units]")
        .await
        .click()
        .await
        .expect("units");
    let name = "Ủy ban nhân dân xã Ia Grai";
    wait_for(&client, "[data-testid=unit-name]")
        .await
        .send_keys(name)
        .await
        .expect("name");
    wait_for(&client, "[data-testid=unit-parent]")
        .await
        .send_keys("Ủy ban nhân dân tỉnh Gia Lai")
        .await
        .expect("parent");
    wait_for(&client, "[data-testid=unit-abbr]")
        .await
        .send_keys("UBND")
        .await
        .expect("abbr");
    wait_for(&client, "[data-testid=unit-add]")
        .await
        .click()
        .await
        .expect("add");
    wait_for_text(&client, "[data-testid=units-table]", name).await;

    let rows = client
        .find_all(Locator::Css("[data-testid=unit-row]"))
        .await
        .expect("rows");
    let count = rows.len();
    let mut target = None;
    for row in rows {
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
    wait_for(&client, "[data-testid=confirm-yes]")
        .await
        .click()
        .await
        .expect("confirm");
    wait_for_text(&client, "[data-testid=toast]", "Đã xóa").await;
    assert_eq!(
        client
            .find_all(Locator::Css("[data-testid=unit-row]"))
            .await
            .expect("rows")
            .len(),
        count - 1
    );
    wait_for(&client, "[data-testid=undo]")
        .await
        .click()
        .await
        .expect("undo");
    wait_for_text(&client, "[data-testid=units-table]", name).await;
    assert_eq!(
        client
            .find_all(Locator::Css("[data-testid=unit-row]"))
            .await
            .expect("rows")
            .len(),
        count
    );
    client.close().await.expect("quit");
}
