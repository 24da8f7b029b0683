//! End-to-end: Tổng hợp at a province's scale. N units' plan files of 10
//! policies, 100 activities and 40 budget lines each (N from
//! `COMMPLAN_SCALE_FILES`, 12 by default so that the suite stays quick;
//! `scripts/bench-consolidate` asks for 150 in a release build) are opened
//! through "Mở thư mục…" (`COMMPLAN_OPEN_FILE` names their folder). Timed in
//! the page, from the user's action to its first screen painted: the board
//! after opening, each of the five views after a click on its tab, the board
//! again, and the activities sorted and filtered. The times are printed as
//! `consolidation: <label>: N ms` (run with `--nocapture`); what renders is
//! asserted, never a time.

mod common;

use common::{Driver, click, fill, look, tid, wait_count, wait_for, wait_for_text, wait_until};
use fantoccini::Client;
use serde_json::Value;

/// The units of the seeded list (`assets/units.json`), besides the N added.
const SEEDED: usize = 12;
/// Rows of a view page (`PAGE_ROWS` in `ui/src/lib/consolidation-query.ts`).
const PAGE: usize = 50;
/// Rows the board draws at first (`CHUNK` in `consolidate/Board.svelte`).
const CHUNK: usize = 40;

/// How many plan files: `COMMPLAN_SCALE_FILES`, else 12.
fn files_count() -> usize {
    std::env::var("COMMPLAN_SCALE_FILES")
        .ok()
        .map(|n| n.trim().parse().expect("COMMPLAN_SCALE_FILES: a number"))
        .unwrap_or(12)
}

/// `n` with its thousands grouped by dots, as the page writes counts.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Shared by the timing scripts: `settle(t0, ready, done)` looks at every
/// frame until `ready()` holds, then gives `done` the milliseconds since
/// `t0` once the next frame is painted.
const SETTLE: &str = r#"
    const text = (css) => document.querySelector(css)?.textContent ?? '';
    const settle = (t0, ready, done) => {
        const check = () => {
            if (ready()) {
                requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
            } else {
                requestAnimationFrame(check);
            }
        };
        check();
    };
"#;

/// Clicks `click`, then waits until `target` matches `n` elements and the
/// element `text_css` (when not empty) holds `part`.
const CLICK_THEN: &str = r#"
    const [click, target, n, textCss, part, done] = arguments;
    const el = document.querySelector(click);
    const t0 = performance.now();
    el.click();
    settle(t0, () => document.querySelectorAll(target).length >= n
        && (textCss === '' || text(textCss).includes(part)), done);
"#;

/// Clicks the unit column's header of a view sorted by it ascending, and
/// waits until the rows come the other way (another unit first).
const SORT_DOWN: &str = r#"
    const [done] = arguments;
    const first = () => text('[data-testid=cons-view-row] td');
    const before = first();
    const t0 = performance.now();
    document.querySelector('[data-testid=cons-sort-unit]').click();
    settle(t0, () => first() !== before
        && document.querySelector('th[aria-sort=descending] [data-testid=cons-sort-unit]') !== null, done);
"#;

/// Chooses the first unit in the unit filter, and waits until the count of
/// the rows matched changes.
const FILTER_UNIT: &str = r#"
    const [done] = arguments;
    const count = '[data-testid=cons-view-count]';
    const before = text(count);
    const select = document.querySelector('[data-testid=cons-filter-unit]');
    select.value = select.options[1].value;
    const t0 = performance.now();
    select.dispatchEvent(new Event('change', { bubbles: true }));
    settle(t0, () => text(count) !== before, done);
"#;

/// Runs one timing script (`SETTLE` before it) with `args`, and prints and
/// returns the milliseconds it measured.
async fn timed(client: &Client, label: &str, script: &str, args: Vec<Value>) -> f64 {
    let ms = client
        .execute_async(&format!("{SETTLE}{script}"), args)
        .await
        .unwrap_or_else(|e| panic!("{label}: {e}"))
        .as_f64()
        .expect("milliseconds");
    eprintln!("consolidation: {label}: {ms:.0} ms");
    ms
}

/// Clicks `click`, and times until `target` matches `n` elements and
/// `text_css` holds `part`.
async fn timed_click(client: &Client, label: &str, click: &str, target: &str, n: usize) {
    timed_click_text(client, label, click, target, n, ("", "")).await;
}

async fn timed_click_text(
    client: &Client,
    label: &str,
    click: &str,
    target: &str,
    n: usize,
    (text_css, part): (&str, &str),
) {
    let args = vec![
        click.into(),
        target.into(),
        n.into(),
        text_css.into(),
        part.into(),
    ];
    timed(client, label, CLICK_THEN, args).await;
}

/// Opens the folder for 2027: the board's first rows and its count of the N
/// units received.
async fn open_the_folder(client: &Client, n: usize) {
    click(client, &tid("nav-consolidate")).await;
    fill(client, "cons-year", "2027").await;
    wait_for_text(client, &tid("cons-empty"), "năm 2027").await;
    wait_for(client, "[data-testid=cons-open-folder]:enabled").await;
    let summary = format!("{n}/{} đơn vị", n + SEEDED);
    timed_click_text(
        client,
        &format!("open {n} files, board's first rows"),
        &tid("cons-open-folder"),
        &tid("cons-row"),
        CHUNK.min(n + SEEDED),
        (&tid("cons-summary"), &summary),
    )
    .await;
    wait_for_text(
        client,
        &tid("cons-summary"),
        &format!("{n}/{} đơn vị đã gửi kế hoạch năm 2027", n + SEEDED),
    )
    .await;
    // The units received are among the rows drawn (the list's own units too).
    wait_until(client, "rows of units received", |c| async move {
        let seen = common::count(c, "[data-testid=cons-row][data-state=submitted]").await;
        look(seen > 0, seen)
    })
    .await;
}

/// Each view after a click on its tab, to its first page of rows (drawn at
/// once, as Rust gives the page), then the board again.
async fn every_view(client: &Client, n: usize) {
    for view in ["activities", "policies", "spokespersons", "press", "budget"] {
        let target =
            format!("[data-testid=cons-view][data-view={view}] [data-testid=cons-view-row]");
        timed_click(
            client,
            &format!("{view} view, first rows"),
            &tid(&format!("cons-tab-{view}")),
            &target,
            1,
        )
        .await;
        wait_for_text(client, &tid("cons-view-count"), "Dòng 1–").await;
    }
    // And the board again, its files already consolidated.
    timed_click(
        client,
        "back to the board, first rows",
        &tid("cons-tab-board"),
        &tid("cons-row"),
        CHUNK.min(n + SEEDED),
    )
    .await;
}

/// The activities sorted by unit (the other way round) and filtered to one unit.
async fn sort_and_filter(client: &Client, n: usize) {
    let rows = "[data-testid=cons-view][data-view=activities] [data-testid=cons-view-row]";
    timed_click(
        client,
        "back to the activities view",
        &tid("cons-tab-activities"),
        rows,
        PAGE,
    )
    .await;
    let all = format!("Dòng 1–{PAGE} trong {}", grouped(100 * n));
    wait_for_text(client, &tid("cons-view-count"), &all).await;
    click(client, &tid("cons-sort-unit")).await;
    wait_for(
        client,
        "th[aria-sort=ascending] [data-testid=cons-sort-unit]",
    )
    .await;
    wait_count(client, rows, PAGE).await;
    timed(
        client,
        "activities sorted by unit, descending",
        SORT_DOWN,
        vec![],
    )
    .await;
    wait_count(client, rows, PAGE).await;
    timed(
        client,
        "activities filtered to one unit",
        FILTER_UNIT,
        vec![],
    )
    .await;
    wait_for_text(client, &tid("cons-view-count"), "Dòng 1–50 trong 100").await;
    wait_count(client, rows, PAGE).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_province_s_files_show_the_board_and_every_view_a_page_at_a_time() {
    let n = files_count();
    assert!(n >= 2, "COMMPLAN_SCALE_FILES: at least 2 files");
    let files = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("temp dir");
    common::province::province(data.path(), files.path(), n, (10, 100, 40));
    let driver = Driver::start_with(data.path(), &[("COMMPLAN_OPEN_FILE", files.path())]);
    let client = driver.launch().await;
    open_the_folder(&client, n).await;
    every_view(&client, n).await;
    sort_and_filter(&client, n).await;
    client.close().await.expect("quit");
}
