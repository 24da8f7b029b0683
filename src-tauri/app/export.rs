//! Exports: the native "Save as" dialog (opened from Rust; the web view has no
//! dialog or file permission), an atomic write, and opening the result in the
//! system's viewer, which only works for files this session exported. A build
//! with the `test-hooks` feature (the tests' builds, never a release) skips
//! the dialog when `COMMPLAN_SAVE_DIR` names a folder.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use commplan_core::{AppError, ErrorCode};
use commplan_export::{ExportKind, Prepared};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::AppState;

/// Set by the end-to-end tests to skip the dialog: the file is saved in this
/// folder under the name the dialog would offer. Read only by builds with
/// the `test-hooks` feature.
#[cfg(any(test, feature = "test-hooks"))]
pub const SAVE_DIR_ENV: &str = "COMMPLAN_SAVE_DIR";

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

/// Where a test build saves without asking: the offered name inside the
/// folder `env` gives for [`SAVE_DIR_ENV`], with any path separator of the
/// name (a unit's name may hold one) made a dash, so the PDF and the workbook
/// of a plan never share a path.
#[cfg(feature = "test-hooks")]
fn saved_without_asking(
    file_name: &str,
    env: impl Fn(&str) -> Option<std::ffi::OsString>,
) -> Option<PathBuf> {
    let folder = PathBuf::from(env(SAVE_DIR_ENV)?);
    Some(folder.join(file_name.replace(['/', '\\'], "-")))
}

/// A release build always asks, whatever the environment says.
#[cfg(not(feature = "test-hooks"))]
fn saved_without_asking(
    _file_name: &str,
    _env: impl Fn(&str) -> Option<std::ffi::OsString>,
) -> Option<PathBuf> {
    None
}

/// A file ready to be saved: the name the dialog offers, its type and bytes.
pub(crate) struct ToSave {
    pub file_name: String,
    pub extension: &'static str,
    /// The type's name in the dialog's filter ("PDF", "Excel").
    pub type_name: &'static str,
    pub bytes: Vec<u8>,
}

impl From<Prepared> for ToSave {
    fn from(p: Prepared) -> ToSave {
        ToSave {
            file_name: p.file_name,
            extension: p.kind.extension(),
            type_name: p.kind.type_name(),
            bytes: p.bytes,
        }
    }
}

/// Asks where to save (a test build may skip it, see
/// [`saved_without_asking`]); `None` when cancelled.
async fn ask_path(app: &AppHandle, file: &ToSave) -> Option<PathBuf> {
    if let Some(path) = saved_without_asking(&file.file_name, |name| std::env::var_os(name)) {
        return Some(path);
    }
    let extension = file.extension;
    let dialog = app
        .dialog()
        .file()
        .set_title("Lưu tệp")
        .set_file_name(&file.file_name)
        .add_filter(file.type_name, &[extension]);
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

/// Asks where to save `file` and writes it whole; gives the path, or `None`
/// if cancelled. Only files saved this way are opened by `open_exported`.
pub(crate) async fn save(
    app: &AppHandle,
    exported: &Exported,
    file: ToSave,
) -> Result<Option<String>, AppError> {
    let Some(path) = ask_path(app, &file).await else {
        return Ok(None);
    };
    commplan_export::write_atomically(&path, &file.bytes)?;
    exported.remember(path.clone());
    Ok(Some(path.display().to_string()))
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
    save(app, exported, source.render()?.into()).await
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What a test sets: a folder.
    fn folder_set(name: &str) -> Option<std::ffi::OsString> {
        (name == SAVE_DIR_ENV).then(|| "xuat".into())
    }

    /// Built without `test-hooks` (as a release is), the variable is ignored.
    #[cfg(not(feature = "test-hooks"))]
    #[test]
    fn a_release_build_ignores_the_save_folder() {
        assert_eq!(saved_without_asking("Kế hoạch.pdf", folder_set), None);
    }

    /// With `test-hooks`, each kind is saved under its own offered name in
    /// the folder, and a separator in the name stays inside it.
    #[cfg(feature = "test-hooks")]
    #[test]
    fn a_test_build_saves_each_kind_under_its_own_name() {
        let pdf = "Kế hoạch 2027 - Sở A/B.pdf";
        let xlsx = "Dự toán 2027 - Sở A/B.xlsx";
        let folder = Path::new("xuat");
        assert_eq!(
            saved_without_asking(pdf, folder_set),
            Some(folder.join("Kế hoạch 2027 - Sở A-B.pdf"))
        );
        assert_eq!(
            saved_without_asking(xlsx, folder_set),
            Some(folder.join("Dự toán 2027 - Sở A-B.xlsx"))
        );
        assert_eq!(saved_without_asking(pdf, |_| None), None);
    }
}
