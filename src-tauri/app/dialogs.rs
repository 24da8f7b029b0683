//! The native "Save as" and "Open" dialogs, opened from Rust (the web view
//! has no dialog or file permission). A build with the `test-hooks` feature
//! (the tests' builds, never a release) skips them: the save dialog when
//! `COMMPLAN_SAVE_DIR` names a folder, the open dialog when
//! `COMMPLAN_OPEN_FILE` names a file (or, for Tổng hợp, several files or a
//! folder, joined as in `PATH`).

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

/// Set by the end-to-end tests to skip the save dialog: the file is saved in
/// this folder under the name the dialog would offer. Read only by builds
/// with the `test-hooks` feature.
#[cfg(any(test, feature = "test-hooks"))]
pub const SAVE_DIR_ENV: &str = "COMMPLAN_SAVE_DIR";

/// Set by the end-to-end tests to skip the open dialog: the file "chosen"
/// (several joined as in `PATH`). Read only by builds with the `test-hooks`
/// feature.
#[cfg(any(test, feature = "test-hooks"))]
pub const OPEN_FILE_ENV: &str = "COMMPLAN_OPEN_FILE";

/// What a "Save as" dialog offers: a name, and the type of file it is.
pub struct Offer<'a> {
    pub file_name: &'a str,
    /// The name of the file type, for the dialog's filter ("PDF").
    pub type_name: &'a str,
    /// The extension, without the dot, added when the user typed none.
    pub extension: &'a str,
}

/// Where a test build saves without asking: the offered name inside the
/// folder `env` gives for [`SAVE_DIR_ENV`], with any path separator of the
/// name (a unit's name may hold one) made a dash, so that two files of a plan
/// never share a path.
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

/// The files (or folders) a test build opens without asking, from what `env`
/// gives for [`OPEN_FILE_ENV`]: one path, or several joined as in `PATH`.
#[cfg(feature = "test-hooks")]
fn opened_without_asking(env: impl Fn(&str) -> Option<std::ffi::OsString>) -> Option<Vec<PathBuf>> {
    env(OPEN_FILE_ENV).map(|paths| std::env::split_paths(&paths).collect())
}

/// A release build always asks, whatever the environment says.
#[cfg(not(feature = "test-hooks"))]
fn opened_without_asking(
    _env: impl Fn(&str) -> Option<std::ffi::OsString>,
) -> Option<Vec<PathBuf>> {
    None
}

/// Asks where to save (a test build may skip it, see
/// [`saved_without_asking`]); `None` when cancelled.
pub async fn ask_save_path(app: &AppHandle, offer: Offer<'_>) -> Option<PathBuf> {
    if let Some(path) = saved_without_asking(offer.file_name, |name| std::env::var_os(name)) {
        return Some(path);
    }
    let dialog = app
        .dialog()
        .file()
        .set_title("Lưu tệp")
        .set_file_name(offer.file_name)
        .add_filter(offer.type_name, &[offer.extension]);
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .ok()
        .flatten()?;
    let mut path = chosen.into_path().ok()?;
    if path.extension().is_none() {
        path.set_extension(offer.extension);
    }
    Some(path)
}

/// Asks which file to open, showing only files of `type_name` (a test
/// build may skip it, see [`opened_without_asking`]); `None` when cancelled.
pub async fn ask_open_path(
    app: &AppHandle,
    title: &str,
    type_name: &str,
    extensions: &[&str],
) -> Option<PathBuf> {
    if let Some(paths) = opened_without_asking(|name| std::env::var_os(name)) {
        return paths.into_iter().next();
    }
    let dialog = app
        .dialog()
        .file()
        .set_title(title)
        .add_filter(type_name, extensions);
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file())
        .await
        .ok()
        .flatten()?;
    chosen.into_path().ok()
}

/// Asks for several files of `type_name`, or (`folder`) for one folder (a
/// test build may skip it, see [`opened_without_asking`]); `None` when
/// cancelled.
pub async fn ask_open_paths(
    app: &AppHandle,
    title: &str,
    type_name: &str,
    extensions: &[&str],
    folder: bool,
) -> Option<Vec<PathBuf>> {
    if let Some(paths) = opened_without_asking(|name| std::env::var_os(name)) {
        return Some(paths);
    }
    let dialog = app.dialog().file().set_title(title);
    let picked = if folder {
        tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_folder().map(|f| vec![f]))
            .await
    } else {
        let dialog = dialog.add_filter(type_name, extensions);
        tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_files()).await
    };
    let picked = picked.ok().flatten()?;
    Some(
        picked
            .into_iter()
            .filter_map(|f| f.into_path().ok())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a test sets: a folder to save in and a file to open.
    fn hooks_set(name: &str) -> Option<std::ffi::OsString> {
        match name {
            SAVE_DIR_ENV => Some("xuat".into()),
            OPEN_FILE_ENV => Some("danh-muc.json".into()),
            _ => None,
        }
    }

    /// Built without `test-hooks` (as a release is), the variables are ignored.
    #[cfg(not(feature = "test-hooks"))]
    #[test]
    fn a_release_build_ignores_the_test_hooks() {
        assert_eq!(saved_without_asking("Kế hoạch.pdf", hooks_set), None);
        assert_eq!(opened_without_asking(hooks_set), None);
    }

    /// With `test-hooks`, each file is saved under its own offered name in
    /// the folder, and a separator in the name stays inside it.
    #[cfg(feature = "test-hooks")]
    #[test]
    fn a_test_build_saves_each_file_under_its_own_name() {
        let folder = std::path::Path::new("xuat");
        assert_eq!(
            saved_without_asking("Kế hoạch 2027 - Sở A/B.pdf", hooks_set),
            Some(folder.join("Kế hoạch 2027 - Sở A-B.pdf"))
        );
        assert_eq!(
            saved_without_asking("Kế hoạch 2027 - Sở A/B.docx", hooks_set),
            Some(folder.join("Kế hoạch 2027 - Sở A-B.docx"))
        );
        assert_eq!(
            saved_without_asking("Dự toán 2027 - Sở A/B.xlsx", hooks_set),
            Some(folder.join("Dự toán 2027 - Sở A-B.xlsx"))
        );
        assert_eq!(saved_without_asking("Kế hoạch.pdf", |_| None), None);
    }

    /// With `test-hooks`, the file named is opened without asking; several
    /// (Tổng hợp) are joined as in `PATH`.
    #[cfg(feature = "test-hooks")]
    #[test]
    fn a_test_build_opens_the_named_files() {
        assert_eq!(
            opened_without_asking(hooks_set),
            Some(vec![PathBuf::from("danh-muc.json")])
        );
        assert_eq!(opened_without_asking(|_| None), None);
        let two = std::env::join_paths(["a.khtt", "thư mục"]).expect("join");
        assert_eq!(
            opened_without_asking(|name| (name == OPEN_FILE_ENV).then(|| two.clone())),
            Some(vec![PathBuf::from("a.khtt"), PathBuf::from("thư mục")])
        );
    }
}
