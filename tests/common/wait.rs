//! Reading the page and waiting for it. The app re-renders after every action
//! a moment later (an answer from Rust, a re-read list), so a test never
//! asserts what the page shows right after an action: it waits until the page
//! shows what it expects, or [`WAIT`] has passed. Everything here is built on
//! [`wait_until`]; on a timeout the panic names what was awaited and what was
//! last seen, and a picture of the window is saved to
//! `target/screenshots/timeout-TEST.png`.
//!
//! [`text`], [`value_of`] and [`count`] read the page once, without waiting:
//! they are for a value to compare with later (how many rows there were before
//! a deletion), never for an assertion.

use std::fmt::Debug;
use std::future::{Future, ready};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use serde_json::Value;

use super::{WAIT, tid};

/// How long a waiting helper pauses before it looks again.
pub const POLL: Duration = Duration::from_millis(50);

/// What one look found: `Ok` (with what the caller wants back) once the
/// condition holds, else `Err` with what was seen instead.
pub type Look<T> = Result<T, String>;

/// `Ok(seen)` when `holds`, else `seen` written out for the timeout message.
pub fn look<T: Debug>(holds: bool, seen: T) -> Look<T> {
    if holds {
        Ok(seen)
    } else {
        Err(format!("{seen:?}"))
    }
}

/// Looks with `probe` until it gives `Ok` or [`WAIT`] has passed; gives the last look.
pub async fn poll<T, Fut>(mut probe: impl FnMut() -> Fut) -> Look<T>
where
    Fut: Future<Output = Look<T>>,
{
    let deadline = Instant::now() + WAIT;
    loop {
        let seen = probe().await;
        if seen.is_ok() || Instant::now() >= deadline {
            return seen;
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Waits until `probe` finds on the page what the test expects, and gives
/// back what it found. `what` says what is awaited, for the timeout message.
pub async fn wait_until<'a, T, Fut>(
    client: &'a Client,
    what: &str,
    mut probe: impl FnMut(&'a Client) -> Fut,
) -> T
where
    Fut: Future<Output = Look<T>>,
{
    match poll(|| probe(client)).await {
        Ok(found) => found,
        Err(seen) => {
            timeout_screenshot(client).await;
            panic!("waited {} s for {what}; last seen: {seen}", WAIT.as_secs())
        }
    }
}

/// Waits until `probe`, which looks outside the page (a process, a window),
/// gives `Ok`.
pub async fn wait_for_condition<T>(what: &str, mut probe: impl FnMut() -> Look<T>) -> T {
    poll(|| ready(probe()))
        .await
        .unwrap_or_else(|seen| panic!("waited {} s for {what}; last seen: {seen}", WAIT.as_secs()))
}

/// A picture of the window when a wait timed out, named after the test (the
/// thread a test runs on carries its name). The app may be gone: no panic.
async fn timeout_screenshot(client: &Client) {
    let test = std::thread::current()
        .name()
        .unwrap_or("test")
        .replace("::", "-");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    if let Ok(png) = super::picture::picture(client).await
        && std::fs::create_dir_all(&dir).is_ok()
    {
        let _ = std::fs::write(dir.join(format!("timeout-{test}.png")), png);
    }
}

/// The first element matching `css`, or that there is none.
pub(super) async fn find(client: &Client, css: &str) -> Look<Element> {
    client
        .find(Locator::Css(css))
        .await
        .map_err(|_| format!("no element matches {css}"))
}

/// The text of the first element matching `css`, as seen now.
async fn text_now(client: &Client, css: &str) -> Look<String> {
    find(client, css)
        .await?
        .text()
        .await
        .map_err(|e| e.to_string())
}

/// The value of the first input, textarea or select matching `css`, as seen now.
async fn value_now(client: &Client, css: &str) -> Look<String> {
    find(client, css)
        .await?
        .prop("value")
        .await
        .map(Option::unwrap_or_default)
        .map_err(|e| e.to_string())
}

/// Waits until `css` matches an element, and gives it.
pub async fn wait_for(client: &Client, css: &str) -> Element {
    wait_until(client, &format!("{css} to appear"), |c| find(c, css)).await
}

/// Waits until `css` matches exactly `n` elements.
pub async fn wait_count(client: &Client, css: &str, n: usize) {
    wait_until(
        client,
        &format!("{n} elements matching {css}"),
        |c| async move {
            let found = count(c, css).await;
            look(found == n, found)
        },
    )
    .await;
}

/// Waits until the element matching `css` shows `expected` (among other text).
pub async fn wait_for_text(client: &Client, css: &str, expected: &str) {
    wait_for_texts(client, css, &[expected]).await;
}

/// Waits until the element matching `css` shows each of `expected`; gives its text.
pub async fn wait_for_texts(client: &Client, css: &str, expected: &[&str]) -> String {
    wait_until(
        client,
        &format!("{css} to show {expected:?}"),
        |c| async move {
            let text = text_now(c, css).await?;
            look(expected.iter().all(|e| text.contains(e)), text)
        },
    )
    .await
}

/// Waits until the text of the element matching `css` is exactly `expected`.
pub async fn wait_for_exact_text(client: &Client, css: &str, expected: &str) {
    wait_until(
        client,
        &format!("{css} to read {expected:?}"),
        |c| async move {
            let text = text_now(c, css).await?;
            look(text == expected, text)
        },
    )
    .await;
}

/// Waits until the input, textarea or select matching `css` holds `expected`.
pub async fn wait_value(client: &Client, css: &str, expected: &str) {
    wait_until(
        client,
        &format!("{css} to hold {expected:?}"),
        |c| async move {
            let value = value_now(c, css).await?;
            look(value == expected, value)
        },
    )
    .await;
}

/// Waits until the field with `data-testid` `id` holds `expected`.
pub async fn check_value(client: &Client, id: &str, expected: &str) {
    wait_value(client, &tid(id), expected).await;
}

/// Waits until the checkbox or option matching `css` is (or is not) selected.
pub async fn wait_selected(client: &Client, css: &str, selected: bool) {
    let what = format!("{css} to be {}selected", if selected { "" } else { "not " });
    wait_until(client, &what, |c| async move {
        let now = find(c, css)
            .await?
            .is_selected()
            .await
            .map_err(|e| e.to_string())?;
        look(now == selected, now)
    })
    .await;
}

/// Waits until `script` (run in the page with `args`) returns `expected`.
pub async fn wait_script(
    client: &Client,
    what: &str,
    script: &str,
    args: &[Value],
    expected: Value,
) {
    let expected = &expected;
    wait_until(client, what, move |c| async move {
        let got = c
            .execute(script, args.to_vec())
            .await
            .map_err(|e| e.to_string())?;
        look(got == *expected, got)
    })
    .await;
}

/// Waits until exactly `months` are pressed in the months of activity `id`.
pub async fn wait_months_on(client: &Client, id: &str, months: &[u8]) {
    let pressed = format!(
        "{} button[aria-pressed=\"true\"]",
        tid(&format!("activity.{id}.months"))
    );
    let want: Vec<String> = months.iter().map(u8::to_string).collect();
    wait_script(
        client,
        &format!("months {want:?} to be on"),
        "return [...document.querySelectorAll(arguments[0])].map((b) => b.dataset.month);",
        &[serde_json::json!(pressed)],
        serde_json::json!(want),
    )
    .await;
}

/// Waits until every edit sent has been written to the database.
pub async fn wait_saved(client: &Client) {
    let css = &tid("save-state");
    wait_until(client, "every edit to be saved", move |c| async move {
        let el = find(c, css).await?;
        let class = el.attr("class").await.map_err(|e| e.to_string())?;
        let pending = el.attr("data-pending").await.map_err(|e| e.to_string())?;
        let saved = class
            .as_deref()
            .is_some_and(|c| c.split_whitespace().any(|w| w == "saved"));
        look(saved && pending.as_deref() == Some("0"), (class, pending))
    })
    .await;
}

/// The text of the element matching `css` as it is now (waiting only for the element).
pub async fn text(client: &Client, css: &str) -> String {
    wait_for(client, css).await.text().await.expect("text")
}

/// The current value of an input, textarea or select (waiting only for the element).
pub async fn value_of(client: &Client, css: &str) -> String {
    wait_for(client, css)
        .await
        .prop("value")
        .await
        .expect("value")
        .unwrap_or_default()
}

/// How many elements match `css` now.
pub async fn count(client: &Client, css: &str) -> usize {
    client
        .find_all(Locator::Css(css))
        .await
        .map(|v| v.len())
        .unwrap_or(0)
}
