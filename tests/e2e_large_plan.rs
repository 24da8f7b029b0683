//! The stress plan (100 policies, 1,000 activities, 3,000 budget lines)
//! opens in the app, and every view of it renders: its first screen at once,
//! the rest of a long list as it is scrolled through, until its last item is
//! drawn; and a finding's "Sửa" reaches items far down their lists. The time each takes is printed as "large plan: <label>: N ms"
//! (run with `--nocapture`, as `scripts/bench` does); no time is asserted here.

mod common;

use common::{
    Driver, check_value, click, count, fill, look, press, tid, wait_count, wait_for,
    wait_for_exact_text, wait_for_text, wait_saved, wait_script, wait_until,
};
use commplan_core::PlanDocument;
use commplan_core::money::{Money, Quantity, group, line_amount, sum};
use commplan_core::stress::{STRESS, stress_plan};
use fantoccini::Client;
use fantoccini::wd::TimeoutConfiguration;
use std::time::Duration;

/// The first screen of a long list (rows of activities, of the matrix, of the timeline, of
/// the budget sheet, findings), more than a 1280×860 window shows: what must
/// be drawn for a view to be usable.
const FIRST_SCREEN: usize = 20;
/// The same for the policies, a policy with its stages being most of a screen tall.
const FIRST_POLICIES: usize = 3;

/// The most rows of a long list the page may hold at once: the budget sheet
/// (pages of 30 lines), the policies (of 6), the activities and the timeline (of 60) are
/// drawn a page at a time, only the pages near the visible area, so that an
/// edit never waits on thousands of rows of fields and leaving a view never
/// takes down a thousand items.
const MOST_PAGED_ROWS: usize = 250;

/// Runs `script` (which ends by calling its last argument with milliseconds),
/// prints "large plan: `label`: N ms" and returns N.
async fn run_timed(
    client: &Client,
    label: &str,
    script: &str,
    args: Vec<serde_json::Value>,
) -> f64 {
    let ms = client
        .execute_async(script, args)
        .await
        .unwrap_or_else(|e| panic!("{label}: {e}"))
        .as_f64()
        .expect("milliseconds");
    eprintln!("large plan: {label}: {ms:.0} ms");
    ms
}

/// Scrolls to the bottom of the page, again and again, until `target` matches
/// `n` elements (long lists are drawn in chunks as they scroll into view);
/// prints and returns the milliseconds taken.
async fn timed_scroll(client: &Client, label: &str, target: &str, n: usize) -> f64 {
    let script = r#"
        const [target, n, done] = arguments;
        const t0 = performance.now();
        const step = () => {
            window.scrollTo(0, document.body.scrollHeight);
            if (document.querySelectorAll(target).length >= n) {
                requestAnimationFrame(() => done(performance.now() - t0));
            } else {
                requestAnimationFrame(step);
            }
        };
        step();
    "#;
    run_timed(client, label, script, vec![target.into(), n.into()]).await
}

/// Scrolls a list drawn a page at a time (the policies, the activities, the
/// timeline, the budget sheet) down a screen at a time, each time waiting until no part of
/// the visible area is a page not yet drawn, until its item `n` shows (its
/// `data-row` is `n - 1`); prints the milliseconds taken and returns the most
/// items of `rows` the page held at once.
async fn timed_paged_scroll(client: &Client, label: &str, rows: &str, n: usize) -> usize {
    let script = r#"
        const [rows, last, done] = arguments;
        const t0 = performance.now();
        let most = 0;
        const gapInView = () => [...document.querySelectorAll('.page-gap')].some((g) => {
            const r = g.getBoundingClientRect();
            return r.bottom > 0 && r.top < window.innerHeight;
        });
        const step = () => {
            most = Math.max(most, document.querySelectorAll(rows).length);
            if (gapInView()) {
                requestAnimationFrame(step);
            } else if (document.querySelector(last)) {
                requestAnimationFrame(() => done([performance.now() - t0, most]));
            } else {
                window.scrollBy(0, window.innerHeight);
                requestAnimationFrame(step);
            }
        };
        step();
    "#;
    let last = format!("{rows}[data-row=\"{}\"]", n - 1);
    let got = client
        .execute_async(script, vec![rows.into(), last.into()])
        .await
        .unwrap_or_else(|e| panic!("{label}: {e}"));
    let ms = got[0].as_f64().expect("milliseconds");
    eprintln!("large plan: {label}: {ms:.0} ms");
    usize::try_from(got[1].as_u64().expect("rows")).expect("rows")
}

/// Clicks `click`, then waits in the page until each selector of `targets`
/// matches at least its count of elements and the next frame is painted;
/// prints and returns the milliseconds taken.
async fn timed_all(client: &Client, label: &str, click: &str, targets: &[(&str, usize)]) -> f64 {
    let script = r#"
        const [click, targets, done] = arguments;
        const el = document.querySelector(click);
        el.scrollIntoView({ block: 'center' });
        const t0 = performance.now();
        el.click();
        const check = () => {
            if (targets.every(([css, n]) => document.querySelectorAll(css).length >= n)) {
                requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
            } else {
                requestAnimationFrame(check);
            }
        };
        check();
    "#;
    let targets: Vec<serde_json::Value> = targets
        .iter()
        .map(|(css, n)| serde_json::json!([css, n]))
        .collect();
    run_timed(client, label, script, vec![click.into(), targets.into()]).await
}

/// [`timed_all`] with one selector.
async fn timed(client: &Client, label: &str, click: &str, target: &str, n: usize) -> f64 {
    timed_all(client, label, click, &[(target, n)]).await
}

/// Opens the plan, then scrolls through the policies and the activities.
async fn time_the_lists(client: &Client) {
    let (policies, activities, _) = STRESS;
    timed(
        client,
        "open the plan",
        "[data-testid=plan-row] td",
        &tid("plan.title"),
        1,
    )
    .await;
    timed(
        client,
        "policies step, first policies drawn",
        &tid("step-policies"),
        &tid("item-policy"),
        FIRST_POLICIES,
    )
    .await;
    let most = timed_paged_scroll(
        client,
        "scroll through all 100 policies, a screen at a time",
        &tid("item-policy"),
        policies,
    )
    .await;
    assert!(
        most <= MOST_PAGED_ROWS,
        "the page held {most} policies at once"
    );
    timed(
        client,
        "activities step, first rows drawn",
        &tid("step-activities"),
        &tid("item-activity"),
        FIRST_SCREEN,
    )
    .await;
    let most = timed_paged_scroll(
        client,
        "scroll through all 1,000 activities, a screen at a time",
        &tid("item-activity"),
        activities,
    )
    .await;
    assert!(
        most <= MOST_PAGED_ROWS,
        "the page held {most} activities at once"
    );
    timed(
        client,
        "open the last activity",
        &format!(
            "[data-testid=item-activity][data-row=\"{}\"] [data-testid=activity-toggle]",
            activities - 1
        ),
        &tid("activity-editor"),
        1,
    )
    .await;
}

/// The total of the stress plan's lines once the first line's quantity is `typed`.
fn total_after_edit(doc: &PlanDocument, typed: i64) -> String {
    let first = &doc.budget_lines[0];
    let edited = line_amount(Quantity(typed * 100), first.unit_price).expect("amount");
    let rest = sum(doc.budget_lines[1..].iter().map(|l| l.amount)).expect("sum");
    let total = sum([edited, rest]).expect("total");
    group(total.dong())
}

/// Types `value` in the first line's quantity and leaves the cell (which
/// saves it at once); prints and returns the milliseconds from leaving the
/// cell until the sheet's total reads `expected`.
async fn timed_budget_edit(client: &Client, value: &str, expected: &str) -> f64 {
    let script = r#"
        const [cell, value, total, expected, done] = arguments;
        const input = document.querySelector(cell);
        input.scrollIntoView({ block: 'center' });
        input.focus();
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const t0 = performance.now();
        input.blur();
        const check = () => {
            if (document.querySelector(total)?.textContent.trim() === expected) {
                requestAnimationFrame(() => done(performance.now() - t0));
            } else {
                requestAnimationFrame(check);
            }
        };
        check();
    "#;
    let args = vec![
        tid("budget.0.quantity").into(),
        value.into(),
        tid("budget-total").into(),
        expected.into(),
    ];
    run_timed(client, "budget edit until the total shows it", script, args).await
}

/// The budget step: its first rows and totals, every line, an edit.
async fn time_the_budget(client: &Client, doc: &PlanDocument) {
    let lines = doc.budget_lines.len();
    timed_all(
        client,
        "budget step, first lines and the total drawn",
        &tid("step-budget"),
        &[
            (&tid("budget-row"), FIRST_SCREEN),
            (&tid("budget-total"), 1),
        ],
    )
    .await;
    let label = format!("scroll through {lines} budget lines, a screen at a time");
    let most = timed_paged_scroll(client, &label, &tid("budget-row"), lines).await;
    assert!(
        most <= MOST_PAGED_ROWS,
        "the page held {most} budget rows at once"
    );
    // Back at the top, the first line is drawn again to be edited.
    scroll_to_line(client, 0, true).await;
    timed_budget_edit(client, "7", &total_after_edit(doc, 7)).await;
}

/// The matrix, the timeline, the check, the review, and back to the first step.
async fn time_the_overviews(client: &Client) {
    let (policies, activities, _) = STRESS;
    timed(
        client,
        "matrix, first rows drawn",
        &tid("view-matrix"),
        &tid("matrix-cell"),
        FIRST_SCREEN * 5,
    )
    .await;
    timed_scroll(
        client,
        "scroll through all 100 x 5 matrix cells",
        &tid("matrix-cell"),
        policies * 5,
    )
    .await;
    timed(
        client,
        "timeline, first rows drawn",
        &tid("view-timeline"),
        &tid("timeline-row"),
        FIRST_SCREEN,
    )
    .await;
    let most = timed_paged_scroll(
        client,
        "scroll through all 1,000 timeline rows, a screen at a time",
        &tid("timeline-row"),
        activities,
    )
    .await;
    assert!(
        most <= MOST_PAGED_ROWS,
        "the page held {most} timeline rows at once"
    );
    timed(
        client,
        "check, its first findings drawn",
        &tid("view-check"),
        &tid("finding"),
        FIRST_SCREEN,
    )
    .await;
    timed(
        client,
        "review",
        &tid("view-review"),
        &tid("review-status"),
        1,
    )
    .await;
    client
        .execute("window.scrollTo(0, document.body.scrollHeight);", vec![])
        .await
        .expect("scroll");
    timed(
        client,
        "back to general information",
        &tid("step-general"),
        &tid("item-legal_basis"),
        1,
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_stress_plan_opens_and_every_view_renders() {
    let doc = stress_plan(2027);
    let data = common::data_with_plan(doc.clone());
    let driver = Driver::start(data.path());
    let client = driver.launch().await;
    // Scrolling through 3,000 lines takes longer than a script may by default
    // in a debug build on a busy machine.
    let scripts = TimeoutConfiguration::new(Some(Duration::from_secs(300)), None, None);
    client.update_timeouts(scripts).await.expect("timeouts");
    wait_for(&client, "[data-testid=plan-row] td").await;
    time_the_lists(&client).await;
    time_the_overviews(&client).await;
    time_the_budget(&client, &doc).await;
    // Every view drew in full (a list not drawn to its end fails the timing
    // above); the first step is still there to go back to.
    click(&client, &tid("step-general")).await;
    wait_for_text(&client, "[data-testid=step-heading]", "Thông tin chung").await;
    wait_count(&client, &tid("item-legal_basis"), 1).await;
    client.close().await.expect("quit");
}

/// Scrolls to the top of the page (`top`) or to its end until line `row` is drawn there.
async fn scroll_to_line(client: &Client, row: usize, top: bool) {
    let css = format!("[data-row=\"{row}\"]");
    let what = format!("line {row} to be drawn");
    let scroll = if top {
        "window.scrollTo(0, 0);"
    } else {
        "window.scrollTo(0, document.body.scrollHeight);"
    };
    wait_until(client, &what, |c| {
        let css = css.clone();
        async move {
            c.execute(scroll, vec![]).await.map_err(|e| e.to_string())?;
            let found = count(c, &css).await;
            look(found == 1, found)
        }
    })
    .await;
}

/// The sheet draws only the lines near the visible area: a refused value and
/// the field being typed in stay as they are while the officer scrolls to the
/// last of 3,000 lines and back.
#[tokio::test(flavor = "multi_thread")]
async fn the_budget_sheet_keeps_what_is_typed_while_scrolled_far_away() {
    let doc = stress_plan(2027);
    let last = doc.budget_lines.len() - 1;
    let priced = line_amount(
        doc.budget_lines[5].quantity,
        Money::new(1234).expect("price"),
    )
    .expect("amount");
    let data = common::data_with_plan(doc);
    let driver = Driver::start(data.path());
    let client = driver.launch().await;
    click(&client, "[data-testid=plan-row] td").await;
    click(&client, &tid("step-budget")).await;
    fill(&client, "budget.0.quantity", "abc").await;
    wait_for(&client, &tid("budget-cell-errors")).await;
    // Typing in the unit price of line 6, not yet left.
    let price = wait_for(&client, &tid("budget.5.unitPrice")).await;
    price.clear().await.expect("clear");
    price.send_keys("1234").await.expect("type");
    scroll_to_line(&client, last, false).await;
    let rows = count(&client, &tid("budget-row")).await;
    assert!(rows <= MOST_PAGED_ROWS, "{rows} budget rows in the page");
    wait_script(
        &client,
        "the unit price of line 6 to keep the focus",
        "return document.activeElement?.closest('[data-row]')?.dataset.row ?? null;",
        &[],
        serde_json::json!("5"),
    )
    .await;
    scroll_to_line(&client, 0, true).await;
    check_value(&client, "budget.0.quantity", "abc").await;
    wait_for(
        &client,
        "[data-testid=\"budget.0.quantity\"][aria-invalid=true]",
    )
    .await;
    press(&client, "\u{E004}").await;
    wait_saved(&client).await;
    wait_for_exact_text(&client, &tid("budget.5.amount"), &group(priced.dong())).await;
    client.close().await.expect("quit");
}

/// On the check's page, scrolls down until the finding of `rule` is drawn,
/// then clicks its "Sửa".
async fn fix_finding(client: &Client, rule: &str) {
    let css = format!("[data-testid=finding][data-rule=\"{rule}\"]");
    wait_until(client, &format!("the finding {rule}"), |c| {
        let css = css.clone();
        async move {
            c.execute("window.scrollBy(0, window.innerHeight);", vec![])
                .await
                .map_err(|e| e.to_string())?;
            let found = count(c, &css).await;
            look(found == 1, found)
        }
    })
    .await;
    click(client, &format!("{css} {}", tid("finding-go"))).await;
}

/// Waits until the focus is in the field `testid`, within the window.
async fn wait_focus_in_view(client: &Client, testid: &str) {
    let script = "const el = document.activeElement;
         const r = el.getBoundingClientRect();
         return [el.dataset.testid ?? el.tagName, Math.round(r.top), Math.round(r.bottom), window.innerHeight];";
    wait_until(
        client,
        &format!("the focus in {testid}, in view"),
        |c| async move {
            let got = c.execute(script, vec![]).await.map_err(|e| e.to_string())?;
            let px = |i: usize| got[i].as_i64().unwrap_or(-1);
            look(got[0] == testid && px(1) >= 0 && px(2) <= px(3), got)
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_findings_fix_reaches_a_policy_and_an_activity_far_down_their_lists() {
    let mut doc = stress_plan(2027);
    // Policy 91 has no key message, activity 901 no channel: one finding each.
    doc.policies[90].key_messages.clear();
    doc.activities[900].channel_id = None;
    let data = common::data_with_plan(doc);
    let driver = Driver::start(data.path());
    let client = driver.launch().await;
    click(&client, "[data-testid=plan-row] td").await;

    click(&client, &tid("view-check")).await;
    fix_finding(&client, "policy.key_messages").await;
    wait_for_text(&client, &tid("step-heading"), "Chính sách").await;
    wait_focus_in_view(&client, "policy.90.keyMessages").await;
    let policies = count(&client, &tid("item-policy")).await;
    assert!(
        policies <= MOST_PAGED_ROWS,
        "{policies} policies in the page"
    );

    click(&client, &tid("view-check")).await;
    fix_finding(&client, "activity.channel_timing").await;
    wait_for_text(&client, &tid("step-heading"), "Hoạt động").await;
    let activity = "[data-testid=item-activity][data-row=\"900\"]";
    wait_for(
        &client,
        &format!("{activity}.open {}", tid("activity-editor")),
    )
    .await;
    wait_script(
        &client,
        "activity 901 in view with the focus in it",
        "const item = document.querySelector(arguments[0]);
         const r = document.activeElement.getBoundingClientRect();
         return item.contains(document.activeElement) && r.top >= 0 && r.bottom <= window.innerHeight;",
        &[activity.into()],
        serde_json::json!(true),
    )
    .await;
    client.close().await.expect("quit");
}
