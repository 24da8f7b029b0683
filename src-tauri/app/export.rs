//! Exports: the native "Save as" dialog (opened from Rust; the web view has no
//! dialog or file permission), an atomic write, and opening the result in the
//! system's viewer, which only works for files this session exported.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Mutex;

use commplan_core::{AppError, ErrorCode};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::AppState;

/// Set in tests to skip the dialog and save to this path.
pub const SAVE_PATH_ENV: &str = "COMMPLAN_SAVE_PATH";

/// The files exported in this session: the only ones `open_exported` opens.
#[derive(Default)]
pub struct Exported(Mutex<HashSet<PathBuf>>);

/// Asks where to save (or takes `COMMPLAN_SAVE_PATH`); `None` when cancelled.
async fn ask_path(app: &AppHandle, name: String, filter: (&str, &str)) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(SAVE_PATH_ENV) {
        return Some(PathBuf::from(path));
    }
    let dialog = app
        .dialog()
        .file()
        .set_title("Lưu tệp")
        .set_file_name(name)
        .add_filter(filter.0, &[filter.1]);
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .ok()
        .flatten()?;
    let mut path = chosen.into_path().ok()?;
    if path.extension().is_none() {
        path.set_extension(filter.1);
    }
    Some(path)
}

/// Saves the plan's budget as an Excel workbook; gives the path, or `None` if cancelled.
#[tauri::command]
pub async fn export_budget_xlsx(
    app: AppHandle,
    state: State<'_, AppState>,
    exported: State<'_, Exported>,
    plan_id: i64,
) -> Result<Option<String>, AppError> {
    let name = state.with_store(|s| {
        let doc = s.plan_document(plan_id)?;
        Ok(format!(
            "Dự toán kinh phí {} - {}.xlsx",
            doc.year, doc.unit.name
        ))
    })?;
    let Some(path) = ask_path(&app, name, ("Excel", "xlsx")).await else {
        return Ok(None);
    };
    state.with_store(|s| s.export_budget_xlsx(plan_id, &path))?;
    exported
        .0
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(path.clone());
    Ok(Some(path.display().to_string()))
}

/// Saves the plan as the official PDF; gives the path, or `None` if cancelled.
/// Characters the font lacks are reported before anything is asked.
#[tauri::command]
pub async fn export_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    exported: State<'_, Exported>,
    plan_id: i64,
) -> Result<Option<String>, AppError> {
    let doc = state.with_store(|s| s.plan_document(plan_id))?;
    let created = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(0))
        .unwrap_or(0);
    let bytes = commplan_pdf::render(
        &doc,
        commplan_pdf::RenderOptions {
            created_unix: created,
        },
    )?;
    let name = format!(
        "Kế hoạch truyền thông chính sách {} - {}.pdf",
        doc.year, doc.unit.name
    );
    let Some(path) = ask_path(&app, name, ("PDF", "pdf")).await else {
        return Ok(None);
    };
    commplan_store::write_atomically(&path, &bytes)?;
    exported
        .0
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(path.clone());
    Ok(Some(path.display().to_string()))
}

/// Opens a file exported in this session in the system's viewer.
#[tauri::command]
pub async fn open_exported(exported: State<'_, Exported>, path: String) -> Result<(), AppError> {
    let path = PathBuf::from(path);
    if !exported
        .0
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .contains(&path)
    {
        return Err(AppError::new(
            ErrorCode::Validation,
            "Chỉ mở được tệp vừa xuất.",
        ));
    }
    open::that_detached(&path).map_err(|e| {
        log::warn!("open {}: {e}", path.display());
        AppError::new(
            ErrorCode::Io,
            "Không mở được tệp: máy chưa có chương trình để xem loại tệp này.",
        )
    })
}
