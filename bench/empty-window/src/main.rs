//! An empty Tauri window: the page in `dist/` and nothing else (no commands,
//! no plugins, no state). The app's start-up time and memory are measured
//! beside it, in the same run (scripts/bench-startup).

// No console window beside the window on Windows, as the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the empty window did not start");
}
