//! Pictures of the window through WebDriver.
//!
//! The app draws without WebKitGTK's GPU compositing (`drawing.rs`). Drawn
//! that way, WebKitGTK 2.50 answers a WebDriver screenshot only after its next
//! paint of something changed (`DrawingAreaCoordinatedGraphics` keeps the
//! request until `display()` finds a region to paint), so a screenshot of a
//! page at rest never returns: under Xvfb, with Mesa drawing on the CPU, it
//! hung every time. While a picture is taken, a one-pixel box in a corner
//! changes its colour every frame, between two all but transparent whites
//! (too faint to see in the picture), so that a paint always comes.

use fantoccini::Client;
use std::time::Duration;

/// Starts the repaint: a box of one pixel whose colour changes every frame,
/// for at most 30 s (stopped sooner by [`STOP`]).
const START: &str = r"
    let box = document.getElementById('test-repaint');
    if (!box) {
        box = document.createElement('div');
        box.id = 'test-repaint';
        box.setAttribute('aria-hidden', 'true');
        box.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;pointer-events:none;z-index:2147483647';
        document.body.appendChild(box);
    }
    const until = performance.now() + 30000;
    const run = (window.__testRepaint = {});
    let on = false;
    const frame = () => {
        if (window.__testRepaint !== run || performance.now() > until) return;
        on = !on;
        box.style.backgroundColor = on ? 'rgba(255,255,255,0.01)' : 'rgba(255,255,255,0.02)';
        requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
";

/// Stops the repaint and takes the box away.
const STOP: &str = r"
    window.__testRepaint = null;
    document.getElementById('test-repaint')?.remove();
";

/// How long a picture may take before the test is told it did not come.
const LIMIT: Duration = Duration::from_secs(60);

/// A PNG picture of the window, or why there is none (the app may be gone).
pub async fn picture(client: &Client) -> Result<Vec<u8>, String> {
    client
        .execute(START, vec![])
        .await
        .map_err(|e| format!("start the repaint: {e}"))?;
    let png = tokio::time::timeout(LIMIT, client.screenshot())
        .await
        .map_err(|_| format!("no picture came in {} s", LIMIT.as_secs()))?
        .map_err(|e| e.to_string());
    // The box goes whether or not the picture came, so no test sees it.
    let _ = client.execute(STOP, vec![]).await;
    png
}
