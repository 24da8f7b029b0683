//! Typing never waits: edits of a field of the sample plan, each timed inside
//! the page from the change (the text put in and the field left, which sends
//! it at once) to the save indicator saying "Đã lưu" for it: the IPC call, the
//! SQLite write (synchronous=FULL) and the page's update. WebDriver round trips
//! are not counted; calls that read nothing and the same number of saves
//! through the IPC call alone, without the page, are timed first, to tell
//! the IPC, the write and the page's update apart. `scripts/bench` runs 1,000 edits (`COMMPLAN_TYPING_EDITS`)
//! and prints p50, p90, p99 and the slowest; the suite runs 20 and asserts
//! only that every edit was saved and is there after the app is started again.

mod common;

use common::{Driver, check_value, open_first_plan, open_sample, tid, wait_for};
use fantoccini::Client;

/// Edits in the normal suite; `COMMPLAN_TYPING_EDITS` sets another number.
const EDITS: usize = 20;
/// Edits timed by one script (each script call must end well within the
/// WebDriver's script timeout).
const CHUNK: usize = 50;
const FIELD: &str = "plan.place";
const PREFIX: &str = "Pleiku, Gia Lai — lần sửa ";

/// Makes edits `from`, `from + 1` … of the field one after another, each once
/// the one before is saved; gives each one's milliseconds, or why an edit was
/// not saved.
const EDIT_SCRIPT: &str = r#"
    const [css, prefix, from, count, done] = arguments;
    const field = document.querySelector(css);
    const indicator = document.querySelector('[data-testid=save-state]');
    const saved = () => indicator.classList.contains('saved')
        && indicator.dataset.pending === '0'
        && indicator.textContent.includes('Đã lưu');
    const times = [];
    const edit = (k) => {
        if (k === from + count) { done(times); return; }
        let t0 = 0;
        let left = false;
        const observer = new MutationObserver(() => {
            if (!saved()) { left = true; return; }
            if (!left) return;
            times.push(performance.now() - t0);
            observer.disconnect();
            clearTimeout(timer);
            setTimeout(() => edit(k + 1), 0);
        });
        const timer = setTimeout(() => {
            observer.disconnect();
            done(`edit ${k} was not saved in 10 s: the indicator says "${indicator.textContent.trim()}"`);
        }, 10000);
        observer.observe(indicator, { attributes: true, childList: true, characterData: true, subtree: true });
        t0 = performance.now();
        field.value = prefix + k;
        field.dispatchEvent(new Event('input', { bubbles: true }));
        field.dispatchEvent(new FocusEvent('blur'));
    };
    edit(from);
"#;

/// Saves the field `count` times through the IPC call the page makes for an
/// edit, without the page (or, when not `write`, makes a call that reads
/// nothing, the app's status): each call's milliseconds, to tell the IPC, the
/// write and the page's update apart.
const IPC_SCRIPT: &str = r#"
    const [css, prefix, count, write, done] = arguments;
    const [entity, id, field] = document.querySelector(css).dataset.field.split('.');
    const invoke = window.__TAURI_INTERNALS__.invoke;
    const call = (k) => write
        ? invoke('edit_field', { edit: { entity, id: Number(id), field, value: prefix + k } })
        : invoke('app_status');
    (async () => {
        const times = [];
        for (let k = 0; k < count; k++) {
            const t0 = performance.now();
            await call(k);
            times.push(performance.now() - t0);
        }
        return times;
    })().then(done, (e) => done(`the IPC call failed: ${JSON.stringify(e)}`));
"#;

fn edits() -> usize {
    std::env::var("COMMPLAN_TYPING_EDITS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(EDITS)
}

/// Runs `script` with `args`; gives the milliseconds it answers with, or
/// panics with what it answered instead.
async fn run_timed(client: &Client, script: &str, args: Vec<serde_json::Value>) -> Vec<f64> {
    let answer = client
        .execute_async(script, args)
        .await
        .unwrap_or_else(|e| panic!("timed edits: {e}"));
    let times = answer
        .as_array()
        .unwrap_or_else(|| panic!("timed edits: {answer}"));
    times
        .iter()
        .map(|ms| ms.as_f64().expect("milliseconds"))
        .collect()
}

/// Makes `n` edits in the page; gives each one's milliseconds, in order.
async fn timed_edits(client: &Client, n: usize) -> Vec<f64> {
    let mut times = Vec::with_capacity(n);
    for from in (0..n).step_by(CHUNK) {
        let count = CHUNK.min(n - from);
        let args = vec![tid(FIELD).into(), PREFIX.into(), from.into(), count.into()];
        times.extend(run_timed(client, EDIT_SCRIPT, args).await);
    }
    times
}

/// Makes `n` saves through the IPC call alone (`write`), or `n` calls that
/// read nothing; gives each one's milliseconds.
async fn timed_calls(client: &Client, n: usize, write: bool) -> Vec<f64> {
    let mut times = Vec::with_capacity(n);
    for from in (0..n).step_by(CHUNK) {
        let count = CHUNK.min(n - from);
        let prefix = format!("{PREFIX}(IPC) {from}.");
        let args = vec![tid(FIELD).into(), prefix.into(), count.into(), write.into()];
        times.extend(run_timed(client, IPC_SCRIPT, args).await);
    }
    times
}

/// The value at `q` (0 < q ≤ 1) of `sorted` by the nearest rank.
fn percentile(sorted: &[f64], q: f64) -> f64 {
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn report(what: &str, times: &[f64]) {
    let mut sorted = times.to_vec();
    sorted.sort_by(f64::total_cmp);
    eprintln!(
        "typing: {} {what}: p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        sorted.len(),
        percentile(&sorted, 0.50),
        percentile(&sorted, 0.90),
        percentile(&sorted, 0.99),
        percentile(&sorted, 1.0),
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn every_edit_typed_one_after_another_is_saved_and_kept() {
    let n = edits();
    let data = tempfile::tempdir().expect("temp dir");
    let driver = Driver::start(data.path());
    let client = driver.launch().await;
    open_sample(&client).await;
    wait_for(&client, &tid(FIELD)).await;

    // First the IPC call and the write alone, then the same through the page.
    let reads = timed_calls(&client, n, false).await;
    let calls = timed_calls(&client, n, true).await;
    assert_eq!(calls.len(), n, "every call was answered");
    let times = timed_edits(&client, n).await;
    assert_eq!(times.len(), n, "every edit was saved");
    report("calls that read nothing (the IPC alone)", &reads);
    report("saves through the IPC call alone", &calls);
    report("edits, change to \"Đã lưu\"", &times);
    client.close().await.expect("quit the app");

    // The last edit is what the plan holds after the app is started again.
    let client = driver.launch().await;
    open_first_plan(&client).await;
    check_value(&client, FIELD, &format!("{PREFIX}{}", n - 1)).await;
    client.close().await.expect("quit");
}
