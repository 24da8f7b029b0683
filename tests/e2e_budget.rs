//! End-to-end: a manager edits amounts in the budget sheet and sees the line,
//! the totals, the words and the history follow; the values survive a restart.

mod common;

use common::{
    Driver, check_value, click, fill, open_first_plan, screenshot, tid, wait_count, wait_for,
    wait_for_exact_text, wait_for_text, wait_for_texts, wait_saved,
};

#[tokio::test(flavor = "multi_thread")]
async fn a_manager_edits_amounts_and_totals_words_and_history_follow() {
    let data = tempfile::tempdir().expect("temp dir");
    let (driver, folder) = Driver::start_exporting(data.path());
    let client = driver.launch().await;
    click(&client, &tid("open-sample")).await;
    click(&client, &tid("step-budget")).await;
    wait_for_text(&client, &tid("budget-total"), "612.760.000 đ").await;
    wait_for_exact_text(
        &client,
        &tid("budget-words"),
        "Bằng chữ: Sáu trăm mười hai triệu bảy trăm sáu mươi nghìn đồng.",
    )
    .await;
    wait_for_exact_text(&client, &tid("budget.0.amount"), "60.000.000 đ").await;

    // A new unit price: the line, the total and the words follow.
    fill(&client, "budget.0.unitPrice", "3000000").await;
    wait_for_text(&client, &tid("budget.0.amount"), "72.000.000 đ").await;
    wait_for_text(&client, &tid("budget-total"), "624.760.000 đ").await;
    wait_for_text(
        &client,
        &tid("budget-words"),
        "Sáu trăm hai mươi tư triệu bảy trăm sáu mươi nghìn đồng",
    )
    .await;
    check_value(&client, "budget.0.unitPrice", "3.000.000").await;

    // A quantity with a decimal comma; an approved amount.
    fill(&client, "budget.1.quantity", "12,5").await;
    wait_for_text(&client, &tid("budget.1.amount"), "106.250.000 đ").await;
    fill(&client, "budget.1.approved", "100.000.000").await;
    wait_saved(&client).await;

    // Refused input says why, in Vietnamese, and changes nothing.
    fill(&client, "budget.0.unitPrice", "12,5").await;
    wait_for_text(
        &client,
        "[data-testid=field-error]",
        "không có phần thập phân",
    )
    .await;
    wait_for_text(&client, &tid("budget.0.amount"), "72.000.000 đ").await;

    // The history of the first line shows the change of price and amount.
    click(
        &client,
        "[data-testid=budget-row]:first-child [data-testid=budget-history]",
    )
    .await;
    wait_for(&client, &tid("budget-history-panel")).await;
    wait_count(&client, &tid("history-row"), 2).await;
    wait_for_texts(
        &client,
        &tid("budget-history-panel"),
        &["2.500.000 đ", "3.000.000 đ", "60.000.000 đ", "72.000.000 đ"],
    )
    .await;
    screenshot(&client, "budget").await;

    // Exported to Excel (the save dialog answered by COMMPLAN_SAVE_DIR).
    click(&client, &tid("export-xlsx")).await;
    wait_for_text(&client, &tid("exported"), "Dự toán kinh phí 2027").await;
    let bytes = std::fs::read(common::exported(&folder, "xlsx")).expect("the workbook");
    assert!(bytes.starts_with(b"PK"), "an xlsx is a zip file");
    client.close().await.expect("quit");

    let client = driver.launch().await;
    open_first_plan(&client).await;
    click(&client, &tid("step-budget")).await;
    wait_for_text(&client, &tid("budget-total"), "629.010.000 đ").await;
    check_value(&client, "budget.0.unitPrice", "3.000.000").await;
    check_value(&client, "budget.1.quantity", "12,5").await;
    check_value(&client, "budget.1.approved", "100.000.000").await;
    client.close().await.expect("quit");
}
