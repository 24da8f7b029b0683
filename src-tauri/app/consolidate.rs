//! Tổng hợp: the plan files the units sent, consolidated for one year by
//! core ([`commplan_core::consolidate`]) and kept in the app's state, never
//! in the database. Files come from the native open dialog (several files,
//! or a folder: its `*.khtt`), opened from Rust, or from a drop on the
//! window: only paths the window itself reported dropped are read. Each file
//! is read up to the plan-file size limit; one that cannot be read is listed
//! as refused, with why, and never stops the others. The dialog is
//! [`dialogs::ask_open_paths`], which a build with the `test-hooks` feature
//! skips (`COMMPLAN_OPEN_FILE` names a folder, or files).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use commplan_core::consolidate::{
    Board, Consolidation, Input, UnitMapping, ViewPage, ViewQuery, consolidate,
};
use commplan_core::{AppError, ErrorCode, Unit};
use commplan_export::{ConsolidationExport, render_consolidation};
use tauri::{AppHandle, DragDropEvent, Manager, State, Window, WindowEvent};

use crate::AppState;
use crate::dialogs::{self, Offer};
use crate::export::{Exported, save};

/// What was read from the paths given: the files, and those that could not
/// be read (name, Vietnamese reason).
#[derive(Default)]
struct Read {
    inputs: Vec<Input>,
    unreadable: Vec<(String, String)>,
}

impl Read {
    /// Adds what was read into `c`.
    fn add_to(&self, c: &mut Consolidation) {
        c.add(self.inputs.clone());
        for (name, reason) in &self.unreadable {
            c.add_refused(name, reason);
        }
    }
}

/// What the app keeps: every file opened (name and bytes, so that another
/// year can be consolidated from them) and the consolidation of the year shown.
struct Kept {
    read: Read,
    consolidation: Consolidation,
}

/// The consolidation in the app's state, and the paths last dropped on the
/// window (the only paths a drop may ask to read).
#[derive(Default)]
pub struct Consolidating {
    kept: Mutex<Option<Kept>>,
    dropped: Mutex<Vec<PathBuf>>,
}

/// Remembers the paths dropped on the window, for [`consolidation_open`].
pub fn on_window_event(window: &Window, event: &WindowEvent) {
    if let WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) = event {
        let state = window.state::<Consolidating>();
        *state.dropped.lock().unwrap_or_else(|e| e.into_inner()) = paths.clone();
    }
}

/// The name a file is listed under: its own name, without the folder.
fn shown_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The plan files in `folder`, by name: those whose extension is `khtt`.
fn plan_files_in(folder: &Path) -> std::io::Result<Vec<PathBuf>> {
    let ext = commplan_core::planfile::EXTENSION;
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext)))
        .collect();
    files.sort();
    Ok(files)
}

/// Reads what `paths` name (a folder: its plan files), each file at most the
/// plan-file limit and a byte more (which core refuses as too large). What
/// cannot be read is listed with why; it never stops the others.
fn read_paths(paths: &[PathBuf]) -> Read {
    let mut read = Read::default();
    for path in paths {
        let files = if path.is_dir() {
            match plan_files_in(path) {
                Ok(files) => files,
                Err(e) => {
                    log::warn!("{}: {e}", path.display());
                    let reason = "Không đọc được thư mục này.".to_string();
                    read.unreadable.push((shown_name(path), reason));
                    continue;
                }
            }
        } else {
            vec![path.clone()]
        };
        for file in files {
            let name = shown_name(&file);
            match commplan_store::read_plan_file(&file) {
                Ok(bytes) => read.inputs.push(Input { name, bytes }),
                Err(e) => read.unreadable.push((name, e.message)),
            }
        }
    }
    read
}

/// Asks for plan files (or a folder); `None` when cancelled.
async fn ask_paths(app: &AppHandle, folder: bool) -> Option<Vec<PathBuf>> {
    let title = if folder {
        "Mở thư mục tệp kế hoạch"
    } else {
        "Mở tệp kế hoạch"
    };
    let ext = commplan_core::planfile::EXTENSION;
    dialogs::ask_open_paths(app, title, crate::planfile::TYPE_NAME, &[ext], folder).await
}

impl Consolidating {
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Kept>> {
        self.kept.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The paths of the last drop, if `asked` are all among them.
    fn dropped(&self, asked: Vec<String>) -> Result<Vec<PathBuf>, AppError> {
        let dropped = self.dropped.lock().unwrap_or_else(|e| e.into_inner());
        let asked: Vec<PathBuf> = asked.into_iter().map(PathBuf::from).collect();
        if asked.iter().all(|p| dropped.contains(p)) {
            Ok(asked)
        } else {
            Err(AppError::new(
                ErrorCode::Validation,
                "Chỉ mở được tệp chọn trong hộp thoại hoặc kéo thả vào cửa sổ.",
            ))
        }
    }
}

/// The units and legal texts a consolidation is read against, from the store.
fn reference(state: &AppState) -> Result<(Vec<Unit>, commplan_core::legal::Law), AppError> {
    state.with_store(|s| Ok((s.list_units()?, s.law()?)))
}

/// The kept consolidation for `year` against today's unit list: made again
/// from the kept files when the year or the list changed, or from none.
fn current<'a>(
    kept: &'a mut Option<Kept>,
    year: i32,
    state: &AppState,
) -> Result<&'a mut Kept, AppError> {
    commplan_core::validate_year(year)?;
    let (units, law) = reference(state)?;
    let stale = kept
        .as_ref()
        .is_none_or(|k| k.consolidation.year() != year || k.consolidation.units() != units);
    if stale {
        let (read, mapping) = kept.take().map_or_else(
            || (Read::default(), UnitMapping::default()),
            |k| (k.read, k.consolidation.mapping().clone()),
        );
        let mut consolidation = consolidate(year, Vec::new(), &units, &mapping, &law);
        read.add_to(&mut consolidation);
        *kept = Some(Kept {
            read,
            consolidation,
        });
    }
    kept.as_mut()
        .ok_or_else(|| AppError::internal("Chưa có bảng tổng hợp."))
}

/// Runs `work` off the async runtime (reading, consolidating, rendering).
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|_| AppError::internal("Thao tác bị gián đoạn."))?
}

/// Runs `f` on the kept consolidation of `year` (see [`current`]), off the
/// async runtime.
async fn on_year<T: Send + 'static>(
    app: &AppHandle,
    year: i32,
    f: impl FnOnce(&mut Kept) -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    let app = app.clone();
    blocking(move || {
        let cons = app.state::<Consolidating>();
        let mut kept = cons.lock();
        f(current(&mut kept, year, &app.state::<AppState>())?)
    })
    .await
}

/// Runs `f` on the kept consolidation, refused while there is none.
async fn on_kept<T: Send + 'static>(
    app: &AppHandle,
    f: impl FnOnce(&mut Kept) -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    let app = app.clone();
    blocking(move || {
        let cons = app.state::<Consolidating>();
        let mut kept = cons.lock();
        let kept = kept
            .as_mut()
            .ok_or_else(|| AppError::not_found("Chưa mở tệp kế hoạch nào."))?;
        f(kept)
    })
    .await
}

/// The board of `year`, of the files opened so far.
#[tauri::command]
pub async fn consolidation_board(app: AppHandle, year: i32) -> Result<Board, AppError> {
    on_year(&app, year, |k| Ok(k.consolidation.board())).await
}

/// Adds plan files to the consolidation of `year`: the paths dropped on the
/// window, or those chosen in the open dialog (a folder when `folder`);
/// gives the board, or `None` when the dialog was cancelled.
#[tauri::command]
pub async fn consolidation_open(
    app: AppHandle,
    cons: State<'_, Consolidating>,
    year: i32,
    folder: bool,
    paths: Option<Vec<String>>,
) -> Result<Option<Board>, AppError> {
    let paths = match paths {
        Some(asked) => cons.dropped(asked)?,
        None => match ask_paths(&app, folder).await {
            Some(chosen) => chosen,
            None => return Ok(None),
        },
    };
    on_year(&app, year, move |k| {
        let read = read_paths(&paths);
        read.add_to(&mut k.consolidation);
        k.read.inputs.extend(read.inputs);
        k.read.unreadable.extend(read.unreadable);
        Ok(Some(k.consolidation.board()))
    })
    .await
}

/// Counts the files of `file_unit_name` (a unit not in the list) for unit `unit_id` of the list.
#[tauri::command]
pub async fn consolidation_map_unit(
    app: AppHandle,
    file_unit_name: String,
    unit_id: i64,
) -> Result<Board, AppError> {
    on_kept(&app, move |k| {
        k.consolidation.map_unit(&file_unit_name, unit_id)?;
        Ok(k.consolidation.board())
    })
    .await
}

/// Forgets every file opened: the board of `year` with nothing received.
#[tauri::command]
pub async fn consolidation_clear(
    app: AppHandle,
    cons: State<'_, Consolidating>,
    year: i32,
) -> Result<Board, AppError> {
    cons.lock().take();
    on_year(&app, year, |k| Ok(k.consolidation.board())).await
}

/// One page of one consolidated view, filtered, sorted and formatted by core.
#[tauri::command]
pub async fn consolidation_view(app: AppHandle, query: ViewQuery) -> Result<ViewPage, AppError> {
    on_kept(&app, move |k| Ok(k.consolidation.view(&query))).await
}

/// A copy of the consolidation as it now is, and unit `unit_id` of the
/// list, which issues the report.
fn to_export(
    state: &AppState,
    cons: &Consolidating,
    unit_id: i64,
) -> Result<(Consolidation, Unit), AppError> {
    let issuer = state.with_store(|s| s.unit(unit_id))?;
    let kept = cons.lock();
    let kept = kept
        .as_ref()
        .ok_or_else(|| AppError::not_found("Chưa mở tệp kế hoạch nào."))?;
    Ok((kept.consolidation.clone(), issuer))
}

/// Renders the consolidation as `kind`, issued by unit `unit_id`, asks where
/// to save it and writes it; gives the path, or `None` if cancelled. What the
/// content makes impossible (a character the font lacks) is said first.
async fn export(
    app: &AppHandle,
    exported: &Exported,
    unit_id: i64,
    kind: ConsolidationExport,
) -> Result<Option<String>, AppError> {
    let (c, issuer) = to_export(
        &app.state::<AppState>(),
        &app.state::<Consolidating>(),
        unit_id,
    )?;
    let file_name = kind.file_name(c.year());
    let bytes = blocking(move || render_consolidation(&c, &issuer, kind)).await?;
    let offer = Offer {
        file_name: &file_name,
        type_name: match kind {
            ConsolidationExport::Xlsx => "Excel",
            ConsolidationExport::Pdf => "PDF",
        },
        extension: kind.extension(),
    };
    save(app, exported, offer, &bytes).await
}

/// Saves the consolidation as a workbook (the board, then one sheet per
/// view), issued by unit `unit_id`; gives the path, or `None` if cancelled.
#[tauri::command]
pub async fn consolidation_export_xlsx(
    app: AppHandle,
    exported: State<'_, Exported>,
    unit_id: i64,
) -> Result<Option<String>, AppError> {
    export(&app, &exported, unit_id, ConsolidationExport::Xlsx).await
}

/// Saves the consolidation as the report (BÁO CÁO, the views as appendices),
/// issued by unit `unit_id`; gives the path, or `None` if cancelled.
#[tauri::command]
pub async fn consolidation_export_pdf(
    app: AppHandle,
    exported: State<'_, Exported>,
    unit_id: i64,
) -> Result<Option<String>, AppError> {
    export(&app, &exported, unit_id, ConsolidationExport::Pdf).await
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder gives its plan files (by name, whatever the extension's
    /// case), not its other files or sub-folders; a file that cannot be read
    /// is listed with why, and the others are read all the same.
    #[test]
    fn a_folder_gives_its_plan_files_and_a_file_not_read_is_listed() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("b.khtt"), b"B").expect("write");
        std::fs::write(dir.path().join("a.KHTT"), b"A").expect("write");
        std::fs::write(dir.path().join("ghi chú.txt"), b"-").expect("write");
        std::fs::create_dir(dir.path().join("c.khtt")).expect("a folder");
        let gone = dir.path().join("mất.khtt");
        let read = read_paths(&[dir.path().to_path_buf(), gone]);
        let names: Vec<&str> = read.inputs.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["a.KHTT", "b.khtt"]);
        assert_eq!(read.inputs[0].bytes, b"A");
        assert_eq!(read.unreadable.len(), 1);
        let (name, reason) = &read.unreadable[0];
        assert_eq!(name, "mất.khtt");
        assert!(reason.starts_with("Không đọc được"), "{reason}");
    }

    /// The page may name only paths the window reported dropped.
    #[test]
    fn only_paths_dropped_on_the_window_are_read() {
        let folder = std::env::temp_dir();
        let plan = folder.join("a.khtt");
        let other = folder.join("b.khtt");
        let name = |p: &PathBuf| p.to_string_lossy().into_owned();
        let cons = Consolidating::default();
        assert!(cons.dropped(vec![name(&plan)]).is_err());
        *cons.dropped.lock().expect("lock") = vec![plan.clone()];
        assert_eq!(
            cons.dropped(vec![name(&plan)]).expect("dropped"),
            std::slice::from_ref(&plan)
        );
        let err = cons
            .dropped(vec![name(&plan), name(&other)])
            .expect_err("not dropped");
        assert_eq!(err.code, ErrorCode::Validation);
    }
}
