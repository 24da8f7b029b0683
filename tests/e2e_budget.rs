//! End-to-end: a manager edits amounts in the budget sheet and sees the line,
//! the totals, the words and the history follow; the values survive a restart.
//! The sheet fits an office laptop's window (1366×768, 1280×720) beside the
//! steps, a line's details link it to an activity, and the keyboard moves
//! through the sheet as it is drawn.

mod common;

use common::{
    Driver, check_value, choose, click, fill, open_first_plan, press, screenshot, tid, wait_count,
    wait_for, wait_for_exact_text, wait_for_text, wait_for_texts, wait_saved,
};
use commplan_core::PlanDocument;
use commplan_core::budget::BudgetLine;
use commplan_core::money::{Money, Quantity};
use commplan_core::stress::large_plan;
use fantoccini::Client;
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn a_manager_edits_amounts_and_totals_words_and_history_follow() {
    let data = tempfile::tempdir().expect("temp dir");
    let (driver, folder) = Driver::start_exporting(data.path());
    let client = driver.launch().await;
    click(&client, &tid("open-sample")).await;
    click(&client, &tid("step-budget")).await;
    wait_for_text(&client, &tid("budget-total"), "612.760.000").await;
    wait_for_exact_text(
        &client,
        &tid("budget-words"),
        "Bằng chữ: Sáu trăm mười hai triệu bảy trăm sáu mươi nghìn đồng.",
    )
    .await;
    wait_for_exact_text(&client, &tid("budget.0.amount"), "60.000.000").await;

    // A new unit price: the line, the total and the words follow.
    fill(&client, "budget.0.unitPrice", "3000000").await;
    wait_for_text(&client, &tid("budget.0.amount"), "72.000.000").await;
    wait_for_text(&client, &tid("budget-total"), "624.760.000").await;
    wait_for_text(
        &client,
        &tid("budget-words"),
        "Sáu trăm hai mươi tư triệu bảy trăm sáu mươi nghìn đồng",
    )
    .await;
    check_value(&client, "budget.0.unitPrice", "3.000.000").await;

    // A quantity with a decimal comma; an approved amount.
    fill(&client, "budget.1.quantity", "12,5").await;
    wait_for_text(&client, &tid("budget.1.amount"), "106.250.000").await;
    fill(&client, "budget.1.approved", "100.000.000").await;
    wait_saved(&client).await;

    // Refused input says why, in Vietnamese, below the sheet and naming the
    // line; the row keeps its height, and nothing changes.
    let height = row_height(&client, 0).await;
    fill(&client, "budget.0.unitPrice", "12,5").await;
    wait_for_texts(
        &client,
        "[data-testid=field-error]",
        &["Dòng 1: Đơn giá:", "không có phần thập phân"],
    )
    .await;
    wait_for_text(&client, &tid("budget.0.amount"), "72.000.000").await;
    assert_eq!(
        row_height(&client, 0).await,
        height,
        "a refusal makes no row taller"
    );
    common::wait_script(
        &client,
        "the refusal below the sheet to be in view",
        "document.activeElement?.blur();
         const el = document.querySelector('[data-testid=budget-cell-errors]');
         el.scrollIntoView({block: 'center'});
         const r = el.getBoundingClientRect();
         return r.top >= 0 && r.bottom <= window.innerHeight;",
        &[],
        json!(true),
    )
    .await;
    screenshot(&client, "budget-refusal").await;
    // Back to a valid value, the one stored: the message is gone.
    fill(&client, "budget.0.unitPrice", "3.000.000").await;
    wait_count(&client, "[data-testid=field-error]", 0).await;

    // The history of the first line, in its details, shows the change of price and amount.
    click(
        &client,
        "[data-testid=budget-row]:first-child [data-testid=budget-details]",
    )
    .await;
    click(
        &client,
        "[data-testid=budget-detail] [data-testid=budget-history]",
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
    wait_for_text(&client, &tid("budget-total"), "629.010.000").await;
    check_value(&client, "budget.0.unitPrice", "3.000.000").await;
    check_value(&client, "budget.1.quantity", "12,5").await;
    check_value(&client, "budget.1.approved", "100.000.000").await;
    client.close().await.expect("quit");
}

/// The app on a fresh data folder, with the sample plan open on its budget.
async fn sample_budget() -> (tempfile::TempDir, Driver, Client) {
    let (data, driver, client) = common::start_app().await;
    common::open_sample(&client).await;
    click(&client, &tid("step-budget")).await;
    wait_for_text(&client, &tid("budget-total"), "612.760.000").await;
    (data, driver, client)
}

/// The height in pixels of the `n`-th row of the sheet, as drawn now.
async fn row_height(client: &Client, n: usize) -> i64 {
    client
        .execute(
            "return Math.round(document.querySelectorAll('[data-testid=budget-row]')[arguments[0]]
                .getBoundingClientRect().height);",
            vec![n.into()],
        )
        .await
        .expect("row height")
        .as_i64()
        .expect("pixels")
}

/// What the page looks like at the window's size: its widths, the sheet's
/// controls that lie (partly) outside the window sideways, the content cells
/// not wholly in it, and the rows' heights.
const LAYOUT: &str = r#"
    const vw = window.innerWidth;
    const sheet = document.querySelector('[data-testid=budget-sheet]');
    const outside = [];
    for (const el of sheet.querySelectorAll('button, input, select, textarea')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < 0 || r.right > vw) {
        outside.push(`${el.dataset.testid || el.tagName} ${Math.round(r.left)}–${Math.round(r.right)}`);
      }
    }
    // An amount's digits lie within its cell (a total may run into the empty cell after it).
    const table = sheet.getBoundingClientRect();
    for (const el of sheet.querySelectorAll('.amount, tfoot [data-testid]')) {
      const range = document.createRange();
      range.selectNodeContents(el);
      const text = range.getBoundingClientRect();
      const room = el.closest('tfoot') ? table : el.closest('td').getBoundingClientRect();
      if (text.width > 0 && (text.left < room.left || text.right > room.right)) {
        outside.push(`${el.dataset.testid} ${el.textContent} ${Math.round(text.left)}–${Math.round(text.right)}`);
      }
    }
    const contents = [...sheet.querySelectorAll('[data-col=description] textarea')];
    const heights = [...sheet.querySelectorAll('[data-testid=budget-row]')]
      .map((row) => Math.round(row.getBoundingClientRect().height));
    return {
      innerWidth: vw,
      scrollWidth: document.documentElement.scrollWidth,
      rows: heights.length,
      contents: contents.length,
      narrowestContent: Math.min(...contents.map((c) => Math.round(c.getBoundingClientRect().width))),
      outside,
      heights: [...new Set(heights)],
    };
"#;

/// Waits until the window is `width` wide and everything of the sheet fits
/// in it: the page does not scroll sideways, every control of the sheet (and
/// every row's content) lies within the window, and the rows are of one height.
async fn wait_fits(client: &Client, width: u32) -> serde_json::Value {
    let what = format!("the budget sheet to fit a window {width} px wide");
    common::wait_until(client, &what, |c| async move {
        let seen = c
            .execute(LAYOUT, Vec::new())
            .await
            .map_err(|e| e.to_string())?;
        let fits = seen["innerWidth"] == width
            && seen["scrollWidth"].as_u64() <= seen["innerWidth"].as_u64()
            && seen["outside"].as_array().is_some_and(Vec::is_empty)
            && seen["rows"] == seen["contents"]
            && seen["heights"].as_array().is_some_and(|h| h.len() == 1);
        common::look(fits, seen)
    })
    .await
}

/// Waits until the focus is on the element with `data-testid` `id`.
async fn wait_focus(client: &Client, id: &str) {
    common::wait_script(
        client,
        &format!("the focus on {id}"),
        "return document.activeElement?.dataset.testid ?? null;",
        &[],
        json!(id),
    )
    .await;
}

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";
const UP: &str = "\u{E013}";
const DOWN: &str = "\u{E015}";
/// Ctrl+Enter, then Ctrl let go.
const CTRL_ENTER: &str = "\u{E009}\u{E007}\u{E000}";

#[tokio::test(flavor = "multi_thread")]
async fn the_sheet_fits_office_laptop_windows() {
    let (_data, _driver, client) = sample_budget().await;
    for (width, height) in [(1366_u32, 768_u32), (1280, 720)] {
        client
            .set_window_size(width, height)
            .await
            .expect("window size");
        let layout = wait_fits(&client, width).await;
        eprintln!("{width}×{height}: {layout}");
        client
            .execute("window.scrollTo(0, 0);", Vec::new())
            .await
            .expect("scroll");
        screenshot(&client, &format!("budget-{width}")).await;
    }

    // The third line's details: its activity, unlinked there and shown as such.
    click(&client, "[data-row=\"2\"] [data-testid=budget-details]").await;
    wait_for(&client, "[data-row=\"2\"] [aria-expanded=true]").await;
    choose(
        &client,
        &tid("budget.2.activity"),
        "— Không gắn hoạt động —",
    )
    .await;
    wait_saved(&client).await;
    wait_for_text(
        &client,
        "[data-row=\"2\"] [data-testid=budget-unscheduled]",
        "Chưa gắn",
    )
    .await;
    wait_for_text(
        &client,
        &tid("budget-unscheduled-why"),
        "Chưa gắn hoạt động",
    )
    .await;
    wait_for_texts(
        &client,
        &tid("quarter-unscheduled"),
        &["Chưa xác định thời gian", "1 dòng chưa gắn hoạt động."],
    )
    .await;
    let layout = wait_fits(&client, 1280).await;
    eprintln!("1280, details open: {layout}");
    screenshot(&client, "budget-1280-details").await;
    client
        .execute(
            "document.querySelector('[data-testid=by-quarter]').scrollIntoView({block: 'center'});",
            Vec::new(),
        )
        .await
        .expect("scroll");
    screenshot(&client, "budget-1280-quarters").await;

    // Closed, then found again from the quarter totals and linked.
    click(&client, "[data-row=\"2\"] [data-testid=budget-details]").await;
    wait_count(&client, &tid("budget-detail"), 0).await;
    click(&client, &tid("show-unscheduled")).await;
    wait_for(&client, "[data-row=\"2\"].marked").await;
    wait_focus(&client, "budget.2.activity").await;
    wait_for(&client, &tid("budget.2.activity"))
        .await
        .select_by_index(1)
        .await
        .expect("the first activity");
    wait_saved(&client).await;
    wait_count(&client, &tid("budget-unscheduled"), 0).await;
    wait_count(&client, &tid("quarter-unscheduled"), 0).await;
    wait_count(&client, "[data-testid=budget-row].marked", 0).await;

    // Submitted, the plan cannot be edited: every line's details are shown,
    // their fields read only, and the sheet still fits.
    click(&client, &tid("view-review")).await;
    click(&client, &tid("submit-plan")).await;
    click(&client, &tid("confirm-yes")).await;
    wait_for_text(&client, &tid("review-status"), "Đã trình").await;
    click(&client, &tid("step-budget")).await;
    wait_count(&client, &tid("budget-detail"), 16).await;
    common::wait_script(
        &client,
        "the notes of a submitted plan to be read only",
        "const el = document.querySelector('[data-testid=\"budget.1.notes\"]');
         return el ? [el.value, el.matches(':disabled')] : null;",
        &[],
        json!(["Mỗi tháng 01 chương trình", true]),
    )
    .await;
    wait_fits(&client, 1280).await;
    client.close().await.expect("quit");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_keyboard_moves_through_the_sheet_as_it_is_drawn() {
    let (_data, _driver, client) = sample_budget().await;

    // Arrows and Enter move within a column, in the wrapped content too.
    click(&client, &tid("budget.0.quantity")).await;
    press(&client, DOWN).await;
    wait_focus(&client, "budget.1.quantity").await;
    press(&client, ENTER).await;
    wait_focus(&client, "budget.2.quantity").await;
    press(&client, UP).await;
    wait_focus(&client, "budget.1.quantity").await;
    let content = common::value_of(&client, &tid("budget.1.description")).await;
    click(&client, &tid("budget.1.description")).await;
    press(&client, ENTER).await;
    wait_focus(&client, "budget.2.description").await;
    check_value(&client, "budget.1.description", &content).await;

    // Tab follows the row as drawn; its details come after the last field,
    // then the next row's content: never the delete button (Alt+Delete).
    let order = [
        "budget.2.category",
        "budget.2.source",
        "budget.2.unit",
        "budget.2.quantity",
        "budget.2.unitPrice",
        "budget.2.approved",
        "budget-details",
        "budget.3.description",
    ];
    for id in order {
        press(&client, TAB).await;
        wait_focus(&client, id).await;
    }

    // Ctrl+Enter in a cell opens the row's details, and closes them.
    click(&client, &tid("budget.3.unit")).await;
    press(&client, CTRL_ENTER).await;
    wait_for(&client, "[data-row=\"3\"] [aria-expanded=true]").await;
    wait_for(&client, &tid("budget.3.notes")).await;
    press(&client, CTRL_ENTER).await;
    wait_count(&client, &tid("budget-detail"), 0).await;
    // Alt+Delete in a row asks before deleting it.
    press(&client, "\u{E00A}\u{E017}\u{E000}").await;
    wait_for(&client, "dialog.confirm[open]").await;
    client.close().await.expect("quit");
}

/// The large plan of the benchmarks (1,000 activities) with `n` budget lines
/// of long content and amounts in the tens of billions, every fifth of them
/// linked to no activity.
fn large_plan_with_lines(n: usize) -> PlanDocument {
    let mut doc = large_plan(100, 1_000, 2027);
    doc.budget_lines = (1..=n)
        .map(|k| {
            let id = i64::try_from(k).expect("a small number");
            BudgetLine {
                id,
                category_id: None,
                description: format!(
                    "Khoản chi {k}: tổ chức hội nghị tuyên truyền, phổ biến chính sách cho cán bộ, \
                     công chức cấp xã và người dân ở các thôn, làng vùng đồng bào dân tộc thiểu số"
                ),
                unit_of_measure: "cuộc khảo sát".into(),
                quantity: Quantity(100_050),
                unit_price: Money::new(12_345_678).expect("money"),
                amount: Money::new(12_351_850_839).expect("money"),
                approved: None,
                funding_source_id: None,
                activity_id: (k % 5 != 0).then_some(id),
                notes: String::new(),
            }
        })
        .collect();
    doc
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sheet_of_a_large_plan_fits_too() {
    // A page of the sheet (30 lines), all drawn at once.
    let data = common::data_with_plan(large_plan_with_lines(30));
    let driver = Driver::start(data.path());
    let client = driver.launch().await;
    client
        .set_window_size(1280, 720)
        .await
        .expect("window size");
    open_first_plan(&client).await;
    click(&client, &tid("step-budget")).await;
    wait_for_text(&client, &tid("budget-total"), "370.555.525.170").await;
    wait_count(&client, &tid("budget-unscheduled"), 6).await;
    let layout = wait_fits(&client, 1280).await;
    eprintln!("large plan, 1280×720: {layout}");
    screenshot(&client, "budget-large-1280").await;
    click(&client, "[data-row=\"4\"] [data-testid=budget-unscheduled]").await;
    wait_focus(&client, "budget.4.activity").await;
    let layout = wait_fits(&client, 1280).await;
    eprintln!("large plan, details open: {layout}");
    screenshot(&client, "budget-large-1280-details").await;
    client.close().await.expect("quit");
}
