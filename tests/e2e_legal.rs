//! End-to-end: the law as it stands in the plan's year. A new plan for 2027
//! cites the 2025 Press Law; a basis citing the 2016 one is a warning in the
//! check, and "Thay bằng …" replaces it in one click. Under Danh mục the legal
//! texts are listed with their dates, an edit is saved, a deletion is
//! confirmed and undone, and a newer list file is imported (the open dialog
//! answered by `COMMPLAN_OPEN_FILE`).

mod common;

use common::{
    Driver, click, create_plan, fill, screenshot, start_app, tid, wait_count, wait_for,
    wait_for_text, wait_saved, wait_value,
};
use fantoccini::Client;

const PRESS_2016: &str = "Luật Báo chí ngày 05 tháng 4 năm 2016";
const PRESS_2025: &str = "Luật Báo chí ngày 10 tháng 12 năm 2025";
const SUPERSEDED: &str = "[data-testid=finding][data-rule=\"legal.superseded\"]";

/// A picture of the window with the element `css` scrolled to the top.
async fn picture(client: &Client, css: &str, name: &str) {
    client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView({block: 'start'});",
            vec![serde_json::json!(css)],
        )
        .await
        .expect("scroll");
    screenshot(client, name).await;
}

/// A new plan for 2027 starts with six legal bases, the 2025 Press Law third.
async fn a_new_plan_cites_the_2025_press_law(client: &Client) {
    create_plan(client, "Sở Tư pháp", 2027).await;
    wait_for(client, &tid("legal_basis.5.text")).await;
    wait_count(client, "[data-testid=item-legal_basis]", 6).await;
    wait_value(client, &tid("legal_basis.2.text"), PRESS_2025).await;
}

/// The officer adds the 2016 Press Law as a seventh basis.
async fn the_2016_press_law_is_added(client: &Client) {
    click(client, &tid("add-legal_basis")).await;
    wait_for(client, &tid("legal_basis.6.text")).await;
    fill(client, "legal_basis.6.text", PRESS_2016).await;
    wait_saved(client).await;
}

/// The check warns, naming the newer law; its button replaces the basis and
/// the warning goes.
async fn the_check_replaces_it_in_one_click(client: &Client) {
    click(client, &tid("view-check")).await;
    wait_for_text(
        client,
        SUPERSEDED,
        "đã có văn bản mới hơn cùng lĩnh vực có hiệu lực: Luật Báo chí ngày 10 tháng 12 năm 2025",
    )
    .await;
    wait_for_text(client, &format!("{SUPERSEDED} .chip"), "Cảnh báo").await;
    let apply = format!("{SUPERSEDED} {}", tid("finding-apply"));
    wait_for_text(client, &apply, &format!("Thay bằng “{PRESS_2025}”")).await;
    picture(client, SUPERSEDED, "legal-superseded").await;
    click(client, &apply).await;
    wait_count(client, SUPERSEDED, 0).await;
    click(client, &tid("step-general")).await;
    wait_value(client, &tid("legal_basis.6.text"), PRESS_2025).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_superseded_legal_basis_is_replaced_in_one_click() {
    let (_data, _driver, client) = start_app().await;
    a_new_plan_cites_the_2025_press_law(&client).await;
    the_2016_press_law_is_added(&client).await;
    the_check_replaces_it_in_one_click(&client).await;
    client.close().await.expect("quit the app");
}

/// A row of the legal texts' table, by its id.
fn row(id: &str) -> String {
    format!("[data-testid=legal-row][data-id=\"{id}\"]")
}

/// Danh mục lists the eleven shipped texts with their dates.
async fn danh_muc_lists_the_texts(client: &Client) {
    click(client, &tid("nav-catalogs")).await;
    wait_count(client, "[data-testid=legal-row]", 11).await;
    wait_for_text(client, &row("luat-bao-chi-2025"), "126/2025/QH15").await;
    wait_for_text(client, &row("luat-bao-chi-2025"), "01/07/2026").await;
    wait_for_text(
        client,
        &tid("legal-texts"),
        "Danh mục rà soát ngày 01/12/2026",
    )
    .await;
}

/// The 2016 law no longer cited by default: saved, and still so once the
/// page is read again from the database.
async fn an_edit_is_saved(client: &Client) {
    let old = row("luat-bao-chi-2016");
    wait_for_text(client, &old, "Điền sẵn").await;
    click(client, &format!("{old} {}", tid("legal-edit"))).await;
    wait_value(client, &tid("legal-number"), "103/2016/QH13").await;
    wait_value(client, &tid("legal-date"), "05/04/2016").await;
    click(client, &tid("legal-cite")).await;
    fill(client, "legal-governs", "báo chí (luật năm 2016)").await;
    wait_value(client, &tid("legal-governs"), "báo chí (luật năm 2016)").await;
    picture(client, &tid("legal-form"), "legal-edit").await;
    click(client, &tid("legal-save")).await;
    wait_for_text(client, &tid("legal-notice"), "Đã lưu văn bản 103/2016/QH13").await;
    wait_count(client, &tid("legal-form"), 0).await;
    click(client, &tid("nav-plans")).await;
    click(client, &tid("nav-catalogs")).await;
    wait_count(client, "[data-testid=legal-row]", 11).await;
    wait_count(client, &format!("{old} .chip"), 0).await;
}

/// A deletion asks first, and can be undone.
async fn a_deletion_is_confirmed_and_undone(client: &Client) {
    let decree = row("nghi-dinh-30-2020-nd-cp");
    click(client, &format!("{decree} {}", tid("legal-delete"))).await;
    wait_for_text(
        client,
        &tid("confirm-dialog"),
        "Xóa văn bản 30/2020/NĐ-CP khỏi danh mục?",
    )
    .await;
    click(client, &tid("confirm-yes")).await;
    wait_count(client, "[data-testid=legal-row]", 10).await;
    wait_count(client, &decree, 0).await;
    wait_for_text(client, &tid("legal-notice"), "30/2020/NĐ-CP").await;
    click(client, &tid("legal-undo")).await;
    wait_count(client, "[data-testid=legal-row]", 11).await;
    wait_for_text(client, &decree, "Về công tác văn thư").await;
}

/// Importing the list file puts the shipped facts back over the edit.
async fn a_newer_list_is_imported(client: &Client) {
    click(client, &tid("legal-import")).await;
    wait_for_text(
        client,
        &tid("legal-notice"),
        "Đã nhập danh mục văn bản (rà soát ngày 15/03/2027): thêm 0, cập nhật 11, giữ nguyên 0 văn bản.",
    )
    .await;
    wait_for_text(
        client,
        &tid("legal-texts"),
        "Danh mục rà soát ngày 15/03/2027",
    )
    .await;
    wait_for_text(client, &row("luat-bao-chi-2016"), "Điền sẵn").await;
    picture(client, &tid("legal-texts"), "legal-texts").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn danh_muc_lists_edits_deletes_and_imports_the_legal_texts() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut list: serde_json::Value =
        serde_json::from_str(include_str!("../assets/legal-texts.json")).expect("the list");
    list["updated"] = serde_json::json!("2027-03-15");
    let file = data.path().join("danh-muc-van-ban.json");
    std::fs::write(&file, serde_json::to_vec_pretty(&list).expect("json")).expect("write");
    let driver = Driver::start_with(data.path(), &[("COMMPLAN_OPEN_FILE", &file)]);
    let client = driver.launch().await;
    danh_muc_lists_the_texts(&client).await;
    an_edit_is_saved(&client).await;
    a_deletion_is_confirmed_and_undone(&client).await;
    a_newer_list_is_imported(&client).await;
    client.close().await.expect("quit the app");
}
