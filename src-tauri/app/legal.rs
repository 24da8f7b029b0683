//! Importing a newer list of legal texts: the native "Open" dialog
//! ([`dialogs`]), then the file read (never more than the largest list
//! allowed) and handed to the store, which validates it whole before writing
//! anything.

use commplan_core::AppError;
use commplan_core::legal::LegalTextsImported;
use tauri::{AppHandle, State};

use crate::AppState;
use crate::dialogs;

/// Imports a newer list of legal texts chosen in the dialog; gives what it
/// did, or `None` if cancelled. No plan is touched.
#[tauri::command]
pub async fn import_legal_texts(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<LegalTextsImported>, AppError> {
    let title = "Nhập danh mục văn bản pháp lý";
    let Some(path) =
        dialogs::ask_open_path(&app, title, "Danh mục văn bản (JSON)", &["json"]).await
    else {
        return Ok(None);
    };
    let bytes = commplan_store::read_list_file(&path)?;
    state.with_store(|s| s.import_legal_texts(&bytes)).map(Some)
}
