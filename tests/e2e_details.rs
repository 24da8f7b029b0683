//! The small things an officer notices while drafting: a refusal that goes
//! once the value is right, a save indicator that tells the state of now, a
//! notice that goes by itself, a new plan that starts with its province, a
//! recipient added above "Lưu: VT", Tab from field to field with the row's
//! shortcuts for moving and deleting, a step list that stays in view and
//! badges that say what they count.

mod common;

use common::{
    Driver, check_value, click, count, create_plan, fill, look, press, start_app, tid, wait_count,
    wait_for, wait_for_text, wait_saved, wait_script, wait_until,
};
use fantoccini::Client;
use serde_json::{Value, json};

/// The `data-testid` of the focused element.
async fn focused(client: &Client) -> String {
    let v = client
        .execute(
            "return document.activeElement?.getAttribute('data-testid') ?? '';",
            vec![],
        )
        .await
        .expect("the focused element");
    v.as_str().unwrap_or_default().to_string()
}

/// Puts `value` in the field as a paste does, then leaves it.
async fn paste(client: &Client, id: &str, value: &str) {
    client
        .execute(
            "const el = document.querySelector(`[data-testid=\"${arguments[0]}\"]`);
             el.focus();
             el.value = arguments[1];
             el.dispatchEvent(new Event('input', { bubbles: true }));
             el.blur();",
            vec![json!(id), json!(value)],
        )
        .await
        .expect("paste");
}

async fn height_of(client: &Client, css: &str) -> Value {
    wait_for(client, css).await;
    client
        .execute(
            "return Math.round(document.querySelector(arguments[0]).getBoundingClientRect().height);",
            vec![json!(css)],
        )
        .await
        .expect("height")
}

/// Waits until the save indicator says "saved" and no refusal stands.
async fn wait_clean(client: &Client) {
    wait_saved(client).await;
    wait_count(client, &tid("refused-state"), 0).await;
    wait_count(client, &tid("field-error"), 0).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refusal_goes_once_the_value_is_right_and_the_indicator_tells_the_state_of_now() {
    let (_data, _driver, client) = start_app().await;
    click(&client, &tid("open-sample")).await;
    let toolbar = height_of(&client, "[data-testid=export-pdf]").await;

    // A date that does not exist: refused under the field, counted beside the
    // indicator, which still says the plan is saved.
    fill(&client, "plan.issueDate", "31/2/2027").await;
    wait_for_text(&client, &tid("field-error"), "31/2/2027").await;
    wait_for_text(&client, &tid("refused-state"), "1 ô").await;
    wait_count(&client, "[data-testid=save-state].error", 0).await;
    assert_eq!(
        height_of(&client, "[data-testid=export-pdf]").await,
        toolbar
    );
    // Typed the short way, the date is stored and shown back the one way.
    fill(&client, "plan.issueDate", "3/2/2027").await;
    wait_clean(&client).await;
    check_value(&client, "plan.issueDate", "03/02/2027").await;

    // A refused title, then the saved title again: nothing to save, and the
    // refusal goes all the same.
    let title = common::value_of(&client, &tid("plan.title")).await;
    paste(&client, "plan.title", "Kế hoạch 🎉").await;
    wait_for_text(&client, &tid("field-error"), "biểu tượng cảm xúc").await;
    paste(&client, "plan.title", &title).await;
    wait_clean(&client).await;
    // A refused title, then a good one: saved, and the refusal gone.
    paste(&client, "plan.title", "Kế hoạch 🎉").await;
    wait_for_text(&client, &tid("field-error"), "biểu tượng cảm xúc").await;
    fill(&client, "plan.title", "Kế hoạch truyền thông năm 2027").await;
    wait_clean(&client).await;
    client.close().await.expect("quit");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_notice_of_a_saved_file_goes_away_by_itself() {
    let data = tempfile::tempdir().expect("temp dir");
    let (driver, _folder) = Driver::start_exporting(data.path());
    let client = driver.launch().await;
    click(&client, &tid("open-sample")).await;
    click(&client, &tid("export-pdf")).await;
    wait_for(&client, &tid("pdf-exported")).await;
    // Nothing is clicked: it goes within the wait (it stays 10 s).
    wait_count(&client, &tid("pdf-exported"), 0).await;
    client.close().await.expect("quit");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_plan_starts_with_its_province_and_a_recipient_goes_above_the_archive_line() {
    let (_data, _driver, client) = start_app().await;
    create_plan(&client, "Sở Y tế", 2028).await;
    wait_for(&client, &tid("plan.place")).await;
    check_value(&client, "plan.place", "Gia Lai").await;

    click(&client, &tid("step-signature")).await;
    wait_count(&client, &tid("item-recipient"), 2).await;
    click(&client, &tid("add-recipient")).await;
    wait_count(&client, &tid("item-recipient"), 3).await;
    // The new line is the second of three, focused, and "Lưu: VT" stays last.
    wait_until(&client, "the new recipient focused", |c| async move {
        let f = focused(c).await;
        look(f == "recipient.1.text", f)
    })
    .await;
    press(&client, "Sở Tài chính").await;
    wait_saved(&client).await;
    check_value(&client, "recipient.1.text", "Sở Tài chính").await;
    let last = common::value_of(&client, &tid("recipient.2.text")).await;
    assert!(last.starts_with("Lưu: VT"), "last recipient: {last}");
    client.close().await.expect("quit");
}

#[tokio::test(flavor = "multi_thread")]
async fn tab_goes_from_field_to_field_and_the_rows_keys_move_and_delete() {
    let (_data, _driver, client) = start_app().await;
    click(&client, &tid("open-sample")).await;
    wait_for(&client, &tid("legal_basis.1.text")).await;
    let first = common::value_of(&client, &tid("legal_basis.0.text")).await;
    let second = common::value_of(&client, &tid("legal_basis.1.text")).await;
    click(&client, &tid("legal_basis.0.text")).await;
    // Tab: from the first legal basis to the second, never through ↑ ↓ ✕.
    press(&client, "\u{E004}").await;
    let f = focused(&client).await;
    assert_eq!(f, "legal_basis.1.text", "Tab landed on {f}");
    // Alt+↑ moves the row up, and the focus stays in its field.
    press(&client, "\u{E00A}\u{E013}\u{E000}").await;
    wait_saved(&client).await;
    check_value(&client, "legal_basis.0.text", &second).await;
    check_value(&client, "legal_basis.1.text", &first).await;
    wait_until(&client, "the focus kept in the moved row", |c| async move {
        let f = focused(c).await;
        look(f == "legal_basis.0.text", f)
    })
    .await;
    // Alt+Delete asks before deleting.
    press(&client, "\u{E00A}\u{E017}\u{E000}").await;
    wait_for(&client, "dialog.confirm[open]").await;
    client.close().await.expect("quit");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_step_list_stays_in_view_and_its_badges_say_what_they_count() {
    let (_data, _driver, client) = start_app().await;
    click(&client, &tid("open-sample")).await;
    click(&client, &tid("step-activities")).await;
    wait_for_text(&client, "[data-testid=step-heading]", "Hoạt động").await;
    client
        .execute("window.scrollTo(0, document.body.scrollHeight);", vec![])
        .await
        .expect("scroll");
    wait_script(
        &client,
        "the step list in view at the bottom of a long step",
        "const r = document.querySelector('[data-testid=step-general]').getBoundingClientRect();
         return window.scrollY > 0 && r.top >= 0 && r.bottom <= window.innerHeight;",
        &[],
        json!(true),
    )
    .await;
    // A badge says what it counts, on hover and to screen readers.
    let badge = "[data-testid=step-general] [data-testid=step-badge]";
    wait_for_text(&client, badge, "✓").await;
    let meaning = client
        .execute(
            "const b = document.querySelector(arguments[0]).parentElement;
             return [b.title, b.querySelector('.visually-hidden')?.textContent ?? ''];",
            vec![json!(badge)],
        )
        .await
        .expect("the badge's meaning");
    assert_eq!(meaning[0], meaning[1], "{meaning}");
    assert!(
        meaning[0].as_str().is_some_and(|m| m.contains("Đã điền")),
        "{meaning}"
    );
    assert_eq!(
        count(&client, "[data-testid=step-badge][aria-hidden=true]").await,
        9
    );
    client.close().await.expect("quit");
}
