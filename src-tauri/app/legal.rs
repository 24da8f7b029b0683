//! Importing a newer list of legal texts: the native "Open" dialog (opened
//! from Rust; the web view has no dialog or file permission), then the file
//! read (never more than the largest list allowed) and handed to the store,
//! which validates it whole before writing anything. A build with the
//! `test-hooks` feature (the tests' builds, never a release) skips the dialog
//! when `COMMPLAN_OPEN_FILE` names a file.

use std::path::PathBuf;

use commplan_core::AppError;
use commplan_core::legal::LegalTextsImported;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::AppState;

/// Set by the end-to-end tests to skip the dialog: the file "chosen". Read
/// only by builds with the `test-hooks` feature.
#[cfg(any(test, feature = "test-hooks"))]
pub const OPEN_FILE_ENV: &str = "COMMPLAN_OPEN_FILE";

/// The files (or folders) a test build opens without asking, from what `env`
/// gives for [`OPEN_FILE_ENV`]: one path, or several joined as in `PATH`.
#[cfg(feature = "test-hooks")]
pub(crate) fn files_without_asking(
    env: impl Fn(&str) -> Option<std::ffi::OsString>,
) -> Option<Vec<PathBuf>> {
    env(OPEN_FILE_ENV).map(|paths| std::env::split_paths(&paths).collect())
}

/// A release build always asks, whatever the environment says.
#[cfg(not(feature = "test-hooks"))]
pub(crate) fn files_without_asking(
    _env: impl Fn(&str) -> Option<std::ffi::OsString>,
) -> Option<Vec<PathBuf>> {
    None
}

/// The one file a test build opens without asking (see [`files_without_asking`]).
fn opened_without_asking(env: impl Fn(&str) -> Option<std::ffi::OsString>) -> Option<PathBuf> {
    files_without_asking(env)?.into_iter().next()
}

/// Asks which list file to import; `None` when cancelled.
async fn ask_list(app: &AppHandle) -> Option<PathBuf> {
    if let Some(path) = opened_without_asking(|name| std::env::var_os(name)) {
        return Some(path);
    }
    let dialog = app
        .dialog()
        .file()
        .set_title("Nhập danh mục văn bản pháp lý")
        .add_filter("Danh mục văn bản (JSON)", &["json"]);
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file())
        .await
        .ok()
        .flatten()?;
    chosen.into_path().ok()
}

/// Imports a newer list of legal texts chosen in the dialog; gives what it
/// did, or `None` if cancelled. No plan is touched.
#[tauri::command]
pub async fn import_legal_texts(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<LegalTextsImported>, AppError> {
    let Some(path) = ask_list(&app).await else {
        return Ok(None);
    };
    let bytes = commplan_store::read_list_file(&path)?;
    state.with_store(|s| s.import_legal_texts(&bytes)).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a test sets: a file.
    fn file_set(name: &str) -> Option<std::ffi::OsString> {
        (name == OPEN_FILE_ENV).then(|| "danh-muc.json".into())
    }

    /// Built without `test-hooks` (as a release is), the variable is ignored.
    #[cfg(not(feature = "test-hooks"))]
    #[test]
    fn a_release_build_ignores_the_file_to_open() {
        assert_eq!(opened_without_asking(file_set), None);
    }

    /// With `test-hooks`, the file named is opened without asking.
    #[cfg(feature = "test-hooks")]
    #[test]
    fn a_test_build_opens_the_named_file() {
        assert_eq!(
            opened_without_asking(file_set),
            Some(PathBuf::from("danh-muc.json"))
        );
        assert_eq!(opened_without_asking(|_| None), None);
        // Several files (Tổng hợp) are joined as in PATH.
        let two = std::env::join_paths(["a.khtt", "thư mục"]).expect("join");
        assert_eq!(
            files_without_asking(|name| (name == OPEN_FILE_ENV).then(|| two.clone())),
            Some(vec![PathBuf::from("a.khtt"), PathBuf::from("thư mục")])
        );
    }
}
