//! Plan files handed to the app from outside: the paths on its command line
//! (a `.khtt` file opened from the file manager starts the app with its path),
//! also when a second start hands its arguments to the first through the
//! single-instance plugin. They wait here until the page takes them
//! ([`pending_plan_files`]) and opens each as it opens a file dropped on the
//! window (`open_plan_file_at`), which refuses what is not a plan file.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tauri::{AppHandle, Emitter, Manager, State};

/// Told to the page when a second start handed files over.
pub const PENDING_EVENT: &str = "plan-files-pending";

/// The files given to the app that the page has not taken yet.
#[derive(Default)]
pub struct PendingFiles(Mutex<Vec<PathBuf>>);

impl PendingFiles {
    fn add(&self, paths: Vec<PathBuf>) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend(paths);
    }

    fn take(&self) -> Vec<PathBuf> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// The files among a start's arguments: every argument after the program's
/// name that is not an option, a relative path taken from `cwd`.
pub fn files_in_args(args: &[String], cwd: &Path) -> Vec<PathBuf> {
    args.iter()
        .skip(1)
        .filter(|a| !a.is_empty() && !a.starts_with('-'))
        .map(|a| cwd.join(a))
        .collect()
}

/// At start-up: the files this process was started with.
pub fn remember_own_args(app: &AppHandle) {
    let args: Vec<String> = std::env::args().collect();
    let cwd = std::env::current_dir().unwrap_or_default();
    app.state::<PendingFiles>().add(files_in_args(&args, &cwd));
}

/// A second start handed over its arguments: they wait for the page, which
/// is told to take them.
pub fn handed_over(app: &AppHandle, args: &[String], cwd: &str) {
    let files = files_in_args(args, Path::new(cwd));
    if files.is_empty() {
        return;
    }
    app.state::<PendingFiles>().add(files);
    if let Err(e) = app.emit(PENDING_EVENT, ()) {
        log::warn!("plan files handed over, the page not told: {e}");
    }
}

/// The files given to the app that the page has not opened yet, each given once.
#[tauri::command]
pub async fn pending_plan_files(
    pending: State<'_, PendingFiles>,
) -> Result<Vec<String>, commplan_core::AppError> {
    Ok(pending
        .take()
        .into_iter()
        .map(|p| p.display().to_string())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    /// The program's name and the options a driver adds are not files; a
    /// relative path is read from the folder the start was made in.
    #[test]
    fn the_files_of_a_start_are_its_arguments_that_are_not_options() {
        let cwd = Path::new("ho-so");
        let elsewhere = std::env::temp_dir().join("Trả lời.khtt");
        let given = args(&[
            "commplan-app",
            "--automation",
            "Kế hoạch.khtt",
            &elsewhere.display().to_string(),
        ]);
        assert_eq!(
            files_in_args(&given, cwd),
            vec![cwd.join("Kế hoạch.khtt"), elsewhere]
        );
        assert!(files_in_args(&args(&["commplan-app"]), cwd).is_empty());
    }

    #[test]
    fn pending_files_are_given_once() {
        let pending = PendingFiles::default();
        pending.add(vec![PathBuf::from("a.khtt")]);
        pending.add(vec![PathBuf::from("b.khtt")]);
        assert_eq!(
            pending.take(),
            vec![PathBuf::from("a.khtt"), PathBuf::from("b.khtt")]
        );
        assert!(pending.take().is_empty());
    }
}
