//! A large plan (100 policies, 1,000 activities) opens in the app, and every
//! view of it renders in full. The time each takes is printed (run with
//! `--nocapture`, as `scripts/bench` does); no time is asserted here.

mod common;

use common::{Driver, click, tid, wait_count, wait_for, wait_for_text};
use commplan_core::stress::large_plan;
use fantoccini::Client;

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
    let ms = client
        .execute_async(script, vec![target.into(), n.into()])
        .await
        .unwrap_or_else(|e| panic!("{label}: {e}"))
        .as_f64()
        .expect("milliseconds");
    eprintln!("large plan: {label}: {ms:.0} ms");
    ms
}

/// Clicks `click`, then waits in the page until `target` matches `n` elements
/// and the next frame is painted; prints and returns the milliseconds taken.
async fn timed(client: &Client, label: &str, click: &str, target: &str, n: usize) -> f64 {
    let script = r#"
        const [click, target, n, done] = arguments;
        const el = document.querySelector(click);
        el.scrollIntoView({ block: 'center' });
        const t0 = performance.now();
        el.click();
        const check = () => {
            if (document.querySelectorAll(target).length >= n) {
                requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
            } else {
                requestAnimationFrame(check);
            }
        };
        check();
    "#;
    let ms = client
        .execute_async(script, vec![click.into(), target.into(), n.into()])
        .await
        .unwrap_or_else(|e| panic!("{label}: {e}"))
        .as_f64()
        .expect("milliseconds");
    eprintln!("large plan: {label}: {ms:.0} ms");
    ms
}

/// Opens the plan, then draws the policies and the activities in full.
async fn time_the_lists(client: &Client) {
    let activities = tid("item-activity");
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
        20,
    )
    .await;
    timed_scroll(
        client,
        "scroll through all 100 policies",
        &tid("item-policy"),
        100,
    )
    .await;
    timed(
        client,
        "activities step, first rows drawn",
        &tid("step-activities"),
        &activities,
        100,
    )
    .await;
    timed_scroll(
        client,
        "scroll through all 1,000 activities",
        &activities,
        1_000,
    )
    .await;
    timed(
        client,
        "open the last activity",
        "[data-testid=item-activity]:last-child [data-testid=activity-toggle]",
        &tid("activity-editor"),
        1,
    )
    .await;
}

/// The matrix, the timeline, and back to the first step.
async fn time_the_overviews(client: &Client) {
    timed(
        client,
        "matrix (100 x 5)",
        &tid("view-matrix"),
        &tid("matrix-cell"),
        500,
    )
    .await;
    timed(
        client,
        "timeline (1,000 rows)",
        &tid("view-timeline"),
        &tid("timeline-row"),
        1_000,
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
async fn a_plan_with_100_policies_and_1000_activities_opens_and_every_view_renders() {
    let data = common::data_with_plan(large_plan(100, 1_000, 2027));
    let driver = Driver::start(data.path());
    let client = driver.launch().await;
    wait_for(&client, "[data-testid=plan-row] td").await;
    time_the_lists(&client).await;
    time_the_overviews(&client).await;
    // Everything rendered: the last policy, activity and timeline row are in the page.
    click(&client, &tid("view-timeline")).await;
    wait_count(&client, &tid("timeline-row"), 1_000).await;
    click(&client, &tid("step-general")).await;
    wait_for_text(&client, "[data-testid=step-heading]", "Thông tin chung").await;
    wait_count(&client, &tid("item-legal_basis"), 1).await;
    client.close().await.expect("quit");
}
