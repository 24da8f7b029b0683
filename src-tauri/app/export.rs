//! Exports: the native "Save as" dialog (opened from Rust; the web view has no
//! dialog or file permission), an atomic write, and opening the result in the
//! system's viewer, which only works for files this session exported.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use commplan_core::{AppError, ErrorCode};
use commplan_export::{ExportKind, Prepared};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::AppState;

/// Set in tests to skip the dialog and save to this path.
pub const SAVE_PATH_ENV: &str = "COMMPLAN_SAVE_PATH";

/// The files exported in this session: the only ones `open_exported` opens.
#[derive(Default)]
pub struct Exported(Mutex<HashSet<PathBuf>>);

impl Exported {
    fn remember(&self, path: PathBuf) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path);
    }

    fn contains(&self, path: &Path) -> bool {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .contains(path)
    }

    /// Opens `path` in the system's viewer, if this session exported it.
    fn open(&self, path: &Path) -> Result<(), AppError> {
        if !self.contains(path) {
            return Err(AppError::new(
                ErrorCode::Validation,
                "Chỉ mở được tệp vừa xuất.",
            ));
        }
        open::that_detached(path).map_err(|e| {
            log::warn!("open {}: {e}", path.display());
            AppError::new(
                ErrorCode::Io,
                "Không mở được tệp: máy chưa có chương trình để xem loại tệp này.",
            )
        })
    }
}

/// Asks where to save (or takes `COMMPLAN_SAVE_PATH`); `None` when cancelled.
async fn ask_path(app: &AppHandle, prepared: &Prepared) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(SAVE_PATH_ENV) {
        return Some(PathBuf::from(path));
    }
    let extension = prepared.kind.extension();
    let dialog = app
        .dialog()
        .file()
        .set_title("Lưu tệp")
        .set_file_name(&prepared.file_name)
        .add_filter(prepared.kind.type_name(), &[extension]);
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .ok()
        .flatten()?;
    let mut path = chosen.into_path().ok()?;
    if path.extension().is_none() {
        path.set_extension(extension);
    }
    Some(path)
}

/// Renders the export, asks where to save it, writes it; gives the path, or
/// `None` if cancelled. What the content makes impossible (a character the
/// font lacks) is reported before anything is asked.
async fn export(
    app: &AppHandle,
    state: &AppState,
    exported: &Exported,
    plan_id: i64,
    kind: ExportKind,
) -> Result<Option<String>, AppError> {
    let source = state.with_store(|s| commplan_export::read(s, plan_id, kind))?;
    let prepared = source.render()?;
    let Some(path) = ask_path(app, &prepared).await else {
        return Ok(None);
    };
    prepared.write(&path)?;
    exported.remember(path.clone());
    Ok(Some(path.display().to_string()))
}

/// Saves the plan's budget as an Excel workbook; gives the path, or `None` if cancelled.
#[tauri::command]
pub async fn export_budget_xlsx(
    app: AppHandle,
    state: State<'_, AppState>,
    exported: State<'_, Exported>,
    plan_id: i64,
) -> Result<Option<String>, AppError> {
    export(&app, &state, &exported, plan_id, ExportKind::BudgetXlsx).await
}

/// Saves the plan as the official PDF; gives the path, or `None` if cancelled.
#[tauri::command]
pub async fn export_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    exported: State<'_, Exported>,
    plan_id: i64,
) -> Result<Option<String>, AppError> {
    export(&app, &state, &exported, plan_id, ExportKind::PlanPdf).await
}

/// Opens a file exported in this session in the system's viewer.
#[tauri::command]
pub async fn open_exported(exported: State<'_, Exported>, path: String) -> Result<(), AppError> {
    exported.open(&PathBuf::from(path))
}
