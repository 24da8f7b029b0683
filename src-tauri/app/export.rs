//! Exports: the native "Save as" dialog ([`dialogs`]), an atomic write, and
//! opening the result in the system's viewer, which only works for files this
//! session exported.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use commplan_core::{AppError, ErrorCode};
use commplan_export::{ExportKind, write_atomically};
use tauri::{AppHandle, State};

use crate::AppState;
use crate::dialogs::{self, Offer};

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

    /// Opens `path` in the system's viewer, or (`folder`) the folder that
    /// holds it in the file manager, if this session exported it.
    fn open(&self, path: &Path, folder: bool) -> Result<(), AppError> {
        if !self.contains(path) {
            return Err(AppError::new(
                ErrorCode::Validation,
                "Chỉ mở được tệp vừa xuất.",
            ));
        }
        let target = if folder {
            path.parent().unwrap_or(path)
        } else {
            path
        };
        open::that_detached(target).map_err(|e| {
            log::warn!("open {}: {e}", target.display());
            AppError::new(
                ErrorCode::Io,
                "Không mở được tệp: máy chưa có chương trình để xem loại tệp này.",
            )
        })
    }
}

/// Asks where to save a file offered as `offer` (see [`dialogs::ask_save_path`]),
/// writes `bytes` there whole or not at all, and remembers it; gives the path,
/// or `None` if cancelled.
pub async fn save(
    app: &AppHandle,
    exported: &Exported,
    offer: Offer<'_>,
    bytes: &[u8],
) -> Result<Option<String>, AppError> {
    let Some(path) = dialogs::ask_save_path(app, offer).await else {
        return Ok(None);
    };
    write_atomically(&path, bytes)?;
    exported.remember(path.clone());
    Ok(Some(path.display().to_string()))
}

/// Renders the export, asks where to save it, writes it; gives the path, or
/// `None` if cancelled. What the content makes impossible (a character the
/// font lacks) is reported before anything is asked.
pub(crate) async fn export(
    app: &AppHandle,
    state: &AppState,
    exported: &Exported,
    plan_id: i64,
    kind: ExportKind,
) -> Result<Option<String>, AppError> {
    let source = state.with_store(|s| commplan_export::read(s, plan_id, kind))?;
    let prepared = source.render()?;
    let offer = Offer {
        file_name: &prepared.file_name,
        type_name: prepared.kind.type_name(),
        extension: prepared.kind.extension(),
    };
    save(app, exported, offer, &prepared.bytes).await
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

/// Saves the plan as a Word file in the PDF's layout, for a leader to edit
/// before signing; gives the path, or `None` if cancelled.
#[tauri::command]
pub async fn export_word(
    app: AppHandle,
    state: State<'_, AppState>,
    exported: State<'_, Exported>,
    plan_id: i64,
) -> Result<Option<String>, AppError> {
    export(&app, &state, &exported, plan_id, ExportKind::PlanWord).await
}

/// Opens a file exported in this session in the system's viewer.
#[tauri::command]
pub async fn open_exported(exported: State<'_, Exported>, path: String) -> Result<(), AppError> {
    exported.open(&PathBuf::from(path), false)
}

/// Opens the folder of a file saved in this session (a plan file, which is
/// sent on rather than viewed) in the file manager.
#[tauri::command]
pub async fn open_exported_folder(
    exported: State<'_, Exported>,
    path: String,
) -> Result<(), AppError> {
    exported.open(&PathBuf::from(path), true)
}
