//! Plan files (`.khtt`): sending a plan (its latest submission), saving a
//! draft, writing a reviewer's return file (the native save dialog,
//! [`dialogs`], and the atomic write of exports), and opening a file received
//! (the open dialog, a file dropped on the window, a file given on the
//! command line). The file is read up to the size a plan file may have and
//! handed to the store, which validates it whole before writing anything.

use std::path::Path;

use commplan_core::planfile::{EXTENSION, FileSource, Opened};
use commplan_core::{AppError, ErrorCode};
use commplan_store::FileOut;
use tauri::{AppHandle, State};

use crate::AppState;
use crate::dialogs::{self, Offer};
use crate::export::{self, Exported};

type Result<T> = std::result::Result<T, AppError>;

/// The file type as the dialogs name it (also Tổng hợp's).
pub(crate) const TYPE_NAME: &str = "Tệp kế hoạch (.khtt)";

/// Asks where to save a plan or return file and writes it; gives the path,
/// or `None` if cancelled.
async fn save(app: &AppHandle, exported: &Exported, out: FileOut) -> Result<Option<String>> {
    let offer = Offer {
        file_name: &out.file_name,
        type_name: TYPE_NAME,
        extension: EXTENSION,
    };
    export::save(app, exported, offer, &out.bytes).await
}

/// Opens the plan or return file at `path`: only a `.khtt` name, read up to
/// the size allowed, then validated whole and taken in by the store.
fn open_at(state: &AppState, path: &Path) -> Result<Opened> {
    let named = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(EXTENSION));
    if !named {
        let name = path.file_name().unwrap_or(path.as_os_str());
        return Err(AppError::new(
            ErrorCode::Validation,
            format!(
                "“{}” không phải tệp kế hoạch: chỉ mở được tệp có đuôi .{EXTENSION}.",
                name.to_string_lossy()
            ),
        ));
    }
    let bytes = commplan_store::read_plan_file(path)?;
    state.with_store(|s| s.open_plan_file(&bytes))
}

/// "Gửi tệp kế hoạch" (`submitted`: the latest submission, refused while
/// there is none) or "Lưu bản nháp ra tệp" (`draft`: the working copy);
/// gives the path, or `None` if cancelled.
#[tauri::command]
pub async fn save_plan_file(
    app: AppHandle,
    state: State<'_, AppState>,
    exported: State<'_, Exported>,
    plan_id: i64,
    source: FileSource,
) -> Result<Option<String>> {
    let out = state.with_store(|s| s.plan_file(plan_id, source))?;
    save(&app, &exported, out).await
}

/// "Ghi tệp trả lời": the reviewer's decision on a received plan and the
/// comments, bound to the revision decided on; gives the path, or `None` if
/// cancelled.
#[tauri::command]
pub async fn save_return_file(
    app: AppHandle,
    state: State<'_, AppState>,
    exported: State<'_, Exported>,
    plan_id: i64,
) -> Result<Option<String>> {
    let out = state.with_store(|s| s.return_file(plan_id))?;
    save(&app, &exported, out).await
}

/// "Mở tệp kế hoạch": the plan or return file chosen in the dialog; gives
/// what opening it did, or `None` if cancelled.
#[tauri::command]
pub async fn open_plan_file(app: AppHandle, state: State<'_, AppState>) -> Result<Option<Opened>> {
    let title = "Mở tệp kế hoạch";
    let Some(path) = dialogs::ask_open_path(&app, title, TYPE_NAME, &[EXTENSION]).await else {
        return Ok(None);
    };
    open_at(&state, &path).map(Some)
}

/// A plan or return file dropped on the window or given to the app.
#[tauri::command]
pub async fn open_plan_file_at(state: State<'_, AppState>, path: String) -> Result<Opened> {
    open_at(&state, Path::new(&path))
}
