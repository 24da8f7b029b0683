//! The Tauri shell: opens the store, registers the commands, runs the window.
//! Commands are thin (see [`commands`]); the work is in core, store and pdf.

mod closing;
mod commands;
mod consolidate;
mod dialogs;
mod drawing;
mod export;
mod legal;
mod opening;
mod planfile;
mod results;
mod state;

pub use state::AppState;

use tauri::Manager;

include!("command_names.rs");

/// One running app per database: the instance name carries the data folder
/// when `COMMPLAN_DATA_DIR` points elsewhere (tests, a second data set).
fn instance_id() -> String {
    use std::hash::{Hash, Hasher};
    let mut id = String::from("vn.commplan.app");
    if let Some(dir) = std::env::var_os(commplan_store::DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        dir.hash(&mut h);
        id.push_str(&format!(".d{:016x}", h.finish()));
    }
    id
}

/// Shows, restores and focuses the main window.
fn bring_forward(app: &tauri::AppHandle) {
    use tauri::Manager;
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// Starts the desktop app.
pub fn run() {
    let result = tauri::Builder::default()
        // First: a second start of the app only brings the first window
        // forward, handing over the plan files it was given.
        .plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id(instance_id())
                .callback(|app, args, cwd| {
                    bring_forward(app);
                    opening::handed_over(app, &args, &cwd);
                })
                .build(),
        )
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState::new())
        .setup(|app| {
            // Only the one instance that goes on checks and opens the database,
            // on a thread of its own: the window's page is served from this
            // thread meanwhile, and a command asked before the database is
            // open waits for it on the store's lock.
            drawing::draw_without_compositing(app);
            let handle = app.handle().clone();
            let opening = std::thread::Builder::new()
                .name("open-database".into())
                .spawn(move || handle.state::<AppState>().open_now());
            if opening.is_err() {
                app.state::<AppState>().open_now();
            }
            opening::remember_own_args(app.handle());
            Ok(())
        })
        .manage(export::Exported::default())
        .manage(opening::PendingFiles::default())
        .manage(consolidate::Consolidating::default())
        .on_window_event(|window, event| {
            closing::on_window_event(window, event);
            consolidate::on_window_event(window, event);
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_status,
            commands::list_units,
            commands::create_unit,
            commands::update_unit,
            commands::delete_unit,
            commands::restore_unit,
            commands::list_plans,
            commands::create_plan,
            commands::copy_plan,
            commands::create_sample,
            commands::delete_plan,
            commands::open_plan,
            commands::edit_field,
            commands::add_item,
            commands::delete_item,
            commands::move_item,
            commands::undo_in_plan,
            commands::undo_delete_plan,
            commands::undo_delete_reference,
            closing::close_window,
            commands::budget_view,
            commands::amount_history,
            commands::duplicate_budget_line,
            commands::list_reference,
            commands::add_reference,
            commands::delete_reference,
            export::export_budget_xlsx,
            export::open_exported,
            export::open_exported_folder,
            export::export_pdf,
            export::export_word,
            commands::list_backups,
            commands::backup_now,
            commands::restore_backup,
            commands::recover,
            commands::submit_plan,
            commands::return_plan,
            commands::resubmit_plan,
            commands::approve_plan,
            commands::check_plan,
            commands::check_counts,
            commands::header_lines,
            commands::add_comment,
            commands::list_comments,
            commands::resolve_comment,
            commands::reopen_comment,
            commands::list_revisions,
            commands::revision_diff,
            commands::list_legal_texts,
            commands::save_legal_text,
            commands::delete_legal_text,
            commands::undo_delete_legal_text,
            legal::import_legal_texts,
            opening::pending_plan_files,
            planfile::save_plan_file,
            planfile::save_return_file,
            planfile::open_plan_file,
            planfile::open_plan_file_at,
            consolidate::consolidation_board,
            consolidate::consolidation_open,
            consolidate::consolidation_map_unit,
            consolidate::consolidation_clear,
            consolidate::consolidation_view,
            consolidate::consolidation_export_xlsx,
            consolidate::consolidation_export_pdf,
            results::results_view,
            results::record_result,
            results::results_history,
            results::export_results_pdf,
            results::export_results_xlsx,
        ])
        .run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!("commplan: the window could not be started: {err}");
        std::process::exit(1);
    }
}
