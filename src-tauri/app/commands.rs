//! The IPC commands. Each one parses its arguments, calls the store and maps
//! the result; errors cross as `{code, message}` with a Vietnamese message.

use commplan_core::{AppError, AppStatus, NewPlan, PlanSummary, PlanView, Unit, UnitInput};
use tauri::State;

use crate::AppState;

type Result<T> = std::result::Result<T, AppError>;

#[tauri::command]
pub async fn app_status(state: State<'_, AppState>) -> Result<AppStatus> {
    Ok(state.status())
}

#[tauri::command]
pub async fn list_units(state: State<'_, AppState>) -> Result<Vec<Unit>> {
    state.with_store(|s| s.list_units())
}

#[tauri::command]
pub async fn create_unit(state: State<'_, AppState>, input: UnitInput) -> Result<Unit> {
    state.with_store(|s| s.create_unit(&input))
}

#[tauri::command]
pub async fn update_unit(state: State<'_, AppState>, id: i64, input: UnitInput) -> Result<Unit> {
    state.with_store(|s| s.update_unit(id, &input))
}

#[tauri::command]
pub async fn delete_unit(state: State<'_, AppState>, id: i64) -> Result<Unit> {
    state.with_store(|s| s.delete_unit(id))
}

#[tauri::command]
pub async fn restore_unit(state: State<'_, AppState>, unit: Unit) -> Result<Unit> {
    state.with_store(|s| s.restore_unit(&unit))
}

#[tauri::command]
pub async fn list_plans(state: State<'_, AppState>) -> Result<Vec<PlanSummary>> {
    state.with_store(|s| s.list_plans())
}

#[tauri::command]
pub async fn create_plan(state: State<'_, AppState>, plan: NewPlan) -> Result<PlanSummary> {
    state.with_store(|s| s.create_plan(&plan))
}

#[tauri::command]
pub async fn open_plan(state: State<'_, AppState>, id: i64) -> Result<PlanView> {
    state.with_store(|s| s.plan_view(id))
}
