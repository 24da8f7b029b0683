//! Closing the window without losing what was just typed. A close request is
//! held while the page sends its unsaved text and waits for the database; the
//! page then calls [`close_window`]. Should the page not answer, the window
//! closes after a few seconds anyway: the user is never trapped.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tauri::{Emitter, Window, WindowEvent};

/// How long a close waits for the page at most.
const PAGE_DEADLINE: Duration = Duration::from_secs(5);

/// Set once the page has saved everything (or the deadline passed).
static MAY_CLOSE: AtomicBool = AtomicBool::new(false);

pub fn on_window_event(window: &Window, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    if MAY_CLOSE.load(Ordering::SeqCst) {
        return;
    }
    api.prevent_close();
    if window.emit("close-requested", ()).is_err() {
        close_now(window);
        return;
    }
    let window = window.clone();
    std::thread::spawn(move || {
        std::thread::sleep(PAGE_DEADLINE);
        if !MAY_CLOSE.load(Ordering::SeqCst) {
            log::warn!("the page did not confirm its last edits in time; closing");
            close_now(&window);
        }
    });
}

fn close_now(window: &Window) {
    MAY_CLOSE.store(true, Ordering::SeqCst);
    if let Err(err) = window.close() {
        log::error!("closing the window failed: {err}");
        let _ = window.destroy();
    }
}

/// The page has saved everything: close for real.
#[tauri::command]
pub async fn close_window(window: Window) -> Result<(), commplan_core::AppError> {
    close_now(&window);
    Ok(())
}
