//! End-to-end: what was done of an approved plan. The sample is submitted and
//! approved; "Thực hiện" appears; one activity is recorded done with its date,
//! one not carried out (refused until its reason is given), one amount spent;
//! the results report of the first six months is exported as a PDF that says
//! so, with the reason, and the history lists what was recorded.

mod common;

use std::path::Path;
use std::process::Command;

use common::{
    Driver, choose, click, exported, fill_in, open_sample, screenshot, tid, wait_count, wait_for,
    wait_for_text, wait_saved, wait_script, wait_until,
};
use fantoccini::Client;
use serde_json::json;

const REASON: &str = "Không bố trí được kinh phí; lùi sang năm sau";

/// Runs a review action and confirms it.
async fn confirm(client: &Client, action: &str) {
    click(client, &tid(action)).await;
    click(client, &tid("confirm-yes")).await;
}

/// The sample, submitted and approved; only then is "Thực hiện" offered.
async fn approve_the_sample(client: &Client) {
    open_sample(client).await;
    wait_count(client, &tid("view-results"), 0).await;
    click(client, &tid("view-review")).await;
    confirm(client, "submit-plan").await;
    wait_for_text(client, &tid("review-status"), "Đã trình").await;
    wait_count(client, &tid("view-results"), 0).await;
    confirm(client, "approve-plan").await;
    wait_for_text(client, &tid("review-status"), "Đã phê duyệt").await;
}

/// The ids of the first two activities of the period shown.
async fn first_two_activities(client: &Client) -> (String, String) {
    let ids = wait_until(client, "two activities of the period", |c| async move {
        let ids = c
            .execute(
                "return [...document.querySelectorAll('[data-testid=result-activity]')]
                   .slice(0, 2).map((e) => e.dataset.id);",
                vec![],
            )
            .await
            .map_err(|e| e.to_string())?;
        let ids: Vec<String> = serde_json::from_value(ids).map_err(|e| e.to_string())?;
        common::look(ids.len() == 2, ids)
    })
    .await;
    (ids[0].clone(), ids[1].clone())
}

fn in_activity(id: &str, what: &str) -> String {
    format!(
        "[data-testid=result-activity][data-id=\"{id}\"] {}",
        tid(what)
    )
}

/// Done on a day typed dd/mm/yyyy, shown back as typed.
async fn record_done(client: &Client, id: &str) {
    choose(client, &in_activity(id, "result-status"), "Hoàn thành").await;
    wait_saved(client).await;
    fill_in(client, &in_activity(id, "result-done-on"), "15/03/2027").await;
    wait_saved(client).await;
    wait_script(
        client,
        "the date done to be recorded",
        "const el = document.querySelector(arguments[0]); return el && el.value;",
        &[json!(in_activity(id, "result-done-on"))],
        json!("15/03/2027"),
    )
    .await;
}

/// "Không thực hiện" without a reason is refused in Vietnamese; with one, kept.
async fn record_cancelled(client: &Client, id: &str) {
    choose(client, &in_activity(id, "result-status"), "Không thực hiện").await;
    wait_for_text(
        client,
        &in_activity(id, "field-error"),
        "cần ghi lý do không thực hiện",
    )
    .await;
    fill_in(client, &in_activity(id, "result-reason"), REASON).await;
    wait_saved(client).await;
    wait_count(client, &in_activity(id, "field-error"), 0).await;
    wait_for_text(client, &tid("results-counts"), "không thực hiện 1").await;
}

/// An amount typed as money is, and the total says so.
async fn record_spent(client: &Client) {
    let spent = format!("{} {}", tid("result-line"), tid("result-spent"));
    fill_in(client, &spent, "12.500.000").await;
    wait_saved(client).await;
    wait_for_text(client, &tid("results-total-spent"), "12.500.000 đ").await;
}

/// The report of the period as a PDF: "BÁO CÁO", its period and the reason.
async fn export_the_report(client: &Client, folder: &Path) {
    click(client, &tid("export-results-pdf")).await;
    wait_for_text(client, &tid("results-exported"), "Báo cáo kết quả").await;
    let pdf = exported(folder, "pdf");
    let out = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in ["BÁO CÁO", "6 tháng đầu năm 2027", REASON] {
        assert!(
            flat.contains(expected),
            "the report says {expected:?}:\n{text}"
        );
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pdf-pages");
    std::fs::create_dir_all(&dir).expect("pages folder");
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "2"])
        .arg(&pdf)
        .arg(dir.join("results-report"))
        .status()
        .expect("pdftoppm");
    assert!(status.success());
}

/// A picture of the window with the element matching `css` at its top, once
/// the page has painted it.
async fn picture(client: &Client, css: String, name: &str) {
    let painted = client
        .execute_async(
            "const [css, done] = arguments;
             document.querySelector(css).scrollIntoView({block: 'start'});
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            vec![json!(css)],
        )
        .await
        .expect("scroll and paint");
    assert_eq!(painted, json!(true));
    screenshot(client, name).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn what_was_done_is_recorded_beside_the_approved_plan_and_reported() {
    let data = tempfile::tempdir().expect("temp dir");
    let (driver, folder) = Driver::start_exporting(data.path());
    let client = driver.launch().await;
    approve_the_sample(&client).await;

    click(&client, &tid("view-results")).await;
    wait_for(&client, &tid("results-page")).await;
    click(&client, &tid("period-first_half")).await;
    wait_for(&client, "[data-testid=period-first_half].current").await;
    let (done, cancelled) = first_two_activities(&client).await;
    record_done(&client, &done).await;
    record_cancelled(&client, &cancelled).await;
    record_spent(&client).await;
    picture(&client, tid("results-page"), "results-top").await;
    picture(&client, tid("results-spending"), "results-spending").await;
    let activity = format!("[data-testid=result-activity][data-id=\"{done}\"]");
    picture(&client, activity, "results").await;

    // The history lists what was recorded, the reason among it.
    click(&client, &format!("{} summary", tid("results-history"))).await;
    wait_for_text(&client, &tid("results-history"), REASON).await;
    wait_for_text(&client, &tid("results-history"), "Hoàn thành").await;
    picture(&client, tid("results-history"), "results-history").await;

    export_the_report(&client, &folder).await;
    client.close().await.expect("quit");
}
