//! The Tauri shell: opens the store, registers the commands, runs the window.
//! Commands are thin (see [`commands`]); the work is in core, store and pdf.

mod closing;
mod commands;
mod export;
mod state;

pub use state::AppState;

include!("command_names.rs");

/// Starts the desktop app.
pub fn run() {
    let state = AppState::open();
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(export::Exported::default())
        .on_window_event(closing::on_window_event)
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
            commands::undo_delete,
            commands::list_channels,
            commands::add_channel,
            commands::delete_channel,
            closing::close_window,
            commands::budget_view,
            commands::amount_history,
            commands::duplicate_budget_line,
            commands::list_reference,
            commands::add_reference,
            commands::delete_reference,
            export::export_budget_xlsx,
            export::open_exported,
            export::export_pdf,
        ])
        .run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!("commplan: the window could not be started: {err}");
        std::process::exit(1);
    }
}
