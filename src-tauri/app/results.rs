//! The commands of the "Thực hiện" screen: what was done of an approved plan,
//! for one period (see `commplan_core::results`). Each recording answers the
//! screen's whole view, as Rust decided it; the findings are those of today
//! in Vietnam.

use commplan_core::AppError;
use commplan_core::results::{Period, ResultChange, ResultEdit, ResultsView};
use commplan_export::ExportKind;
use tauri::{AppHandle, State};

use crate::AppState;
use crate::export::{Exported, export};

type Result<T> = std::result::Result<T, AppError>;

fn today() -> chrono::NaiveDate {
    commplan_core::dates::day_in_vietnam(chrono::Utc::now())
}

/// The results of a plan for a period: the report, each activity's record and the findings.
#[tauri::command]
pub async fn results_view(
    state: State<'_, AppState>,
    plan_id: i64,
    period: Period,
) -> Result<ResultsView> {
    state.with_store(|s| s.results_view(plan_id, period, today()))
}

/// Records the fields changed of one activity, budget line, objective or
/// report; gives the view of the edit's period as it now is.
#[tauri::command]
pub async fn record_result(
    state: State<'_, AppState>,
    plan_id: i64,
    edit: ResultEdit,
) -> Result<ResultsView> {
    state.with_store(|s| {
        s.record_edit(plan_id, &edit)?;
        s.results_view(plan_id, edit.period, today())
    })
}

/// Every record and change of what was done of a plan, oldest first.
#[tauri::command]
pub async fn results_history(
    state: State<'_, AppState>,
    plan_id: i64,
) -> Result<Vec<ResultChange>> {
    state.with_store(|s| s.results_history(plan_id))
}

/// Saves the results report of a period as a PDF; gives the path, or `None` if cancelled.
#[tauri::command]
pub async fn export_results_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    exported: State<'_, Exported>,
    plan_id: i64,
    period: Period,
) -> Result<Option<String>> {
    let kind = ExportKind::ResultsPdf(period);
    export(&app, &state, &exported, plan_id, kind).await
}

/// Saves the results report of a period as an Excel workbook; gives the path, or `None` if cancelled.
#[tauri::command]
pub async fn export_results_xlsx(
    app: AppHandle,
    state: State<'_, AppState>,
    exported: State<'_, Exported>,
    plan_id: i64,
    period: Period,
) -> Result<Option<String>> {
    let kind = ExportKind::ResultsXlsx(period);
    export(&app, &state, &exported, plan_id, kind).await
}
