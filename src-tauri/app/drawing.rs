//! How the window's page is drawn on Linux: by WebKitGTK without its GPU
//! compositing (`HardwareAccelerationPolicy::Never`).
//!
//! The editor is forms and tables, with no animation or video to gain from the
//! GPU. Where the GPU's drivers are missing or weak (an office PC's graphics, a
//! virtual machine, a remote desktop, where Mesa draws on the CPU), compositing
//! costs much more than it saves. Measured on such a machine (2 cores, Mesa's
//! software OpenGL), opening the stress plan (a page of about 200 elements):
//! with compositing, each of the first two frames took 0.8 s to come, long
//! after the page's script had finished, and the plan showed after 2.0 s,
//! against 0.4 s without; with the sample plan at its budget step, the web
//! process held about 140 MB more. Windows (WebView2) and macOS are not
//! concerned.
//!
//! One thing waits on a paint drawn this way: WebDriver's screenshot, which
//! WebKitGTK 2.50 answers only after it next paints something changed. The
//! end-to-end tests take their pictures through `tests/common/picture.rs`,
//! which keeps a pixel changing meanwhile.

/// Turns WebKitGTK's accelerated compositing off in the main window. Called
/// first in `setup`, while the page is still loading: WebKit applies the
/// setting to the page from then on.
pub fn draw_without_compositing(app: &tauri::App) {
    #[cfg(target_os = "linux")]
    {
        use tauri::Manager;
        use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
        let Some(window) = app.get_webview_window("main") else {
            return;
        };
        let set = window.with_webview(|webview| {
            if let Some(settings) = webview.inner().settings() {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        });
        if let Err(e) = set {
            log::warn!("the web view's drawing could not be set: {e}");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}
