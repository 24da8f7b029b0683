//! The IPC commands. Each one parses its arguments, calls the store and maps
//! the result; errors cross as `{code, message}` with a Vietnamese message.

use commplan_core::backup::{BackupInfo, BackupKind};
use commplan_core::budget::{AmountChange, BudgetView, RefItem};
use commplan_core::check::{CheckCounts, CheckReport, check};
use commplan_core::diff::PlanDiff;
use commplan_core::header_lines::HeaderPreview;
use commplan_core::legal::{LegalTextInput, LegalTextsView};
use commplan_core::review::{Comment, NewComment, ReviewState, RevisionRef, RevisionSummary};
use commplan_core::{
    AppError, AppStatus, CopyPlan, Deleted, Entity, FieldEdit, NewItem, NewPlan, PlanChanged,
    PlanSaved, PlanSummary, PlanView, Unit, UnitInput,
};
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

#[tauri::command]
pub async fn copy_plan(state: State<'_, AppState>, request: CopyPlan) -> Result<PlanSummary> {
    state.with_store(|s| s.copy_plan(&request))
}

#[tauri::command]
pub async fn create_sample(state: State<'_, AppState>) -> Result<PlanSummary> {
    state.with_store(|s| s.create_sample())
}

#[tauri::command]
pub async fn delete_plan(state: State<'_, AppState>, id: i64) -> Result<Deleted> {
    state.with_store(|s| s.delete_plan(id))
}

#[tauri::command]
pub async fn edit_field(state: State<'_, AppState>, edit: FieldEdit) -> Result<PlanSaved> {
    state.with_store(|s| s.edit_field(&edit))
}

#[tauri::command]
pub async fn add_item(state: State<'_, AppState>, item: NewItem) -> Result<PlanChanged> {
    state.with_store(|s| s.add_item(&item))
}

#[tauri::command]
pub async fn delete_item(
    state: State<'_, AppState>,
    entity: Entity,
    id: i64,
) -> Result<PlanChanged> {
    state.with_store(|s| s.delete_item(entity, id))
}

#[tauri::command]
pub async fn move_item(
    state: State<'_, AppState>,
    entity: Entity,
    id: i64,
    to_index: usize,
) -> Result<PlanChanged> {
    state.with_store(|s| s.move_item(entity, id, to_index))
}

/// Puts back what a deletion in the open plan removed; gives the plan as it now is.
#[tauri::command]
pub async fn undo_in_plan(state: State<'_, AppState>, trash_id: i64) -> Result<PlanChanged> {
    state.with_store(|s| s.undo_delete_in_plan(trash_id))
}

/// Puts back a deleted plan; gives the plan list as it now is.
#[tauri::command]
pub async fn undo_delete_plan(
    state: State<'_, AppState>,
    trash_id: i64,
) -> Result<Vec<PlanSummary>> {
    state.with_store(|s| s.undo_delete(trash_id).and_then(|_| s.list_plans()))
}

/// Puts back a deleted entry of a shared list; gives that list as it now is.
#[tauri::command]
pub async fn undo_delete_reference(
    state: State<'_, AppState>,
    entity: Entity,
    trash_id: i64,
) -> Result<Vec<RefItem>> {
    state.with_store(|s| {
        s.undo_delete(trash_id)
            .and_then(|_| s.list_reference(entity))
    })
}

#[tauri::command]
pub async fn budget_view(state: State<'_, AppState>, plan_id: i64) -> Result<BudgetView> {
    state.with_store(|s| s.budget_view(plan_id))
}

#[tauri::command]
pub async fn amount_history(state: State<'_, AppState>, line_id: i64) -> Result<Vec<AmountChange>> {
    state.with_store(|s| s.amount_history(line_id))
}

/// Copies a line below itself; gives the plan with the copy's id.
#[tauri::command]
pub async fn duplicate_budget_line(
    state: State<'_, AppState>,
    line_id: i64,
) -> Result<PlanChanged> {
    state.with_store(|s| s.duplicate_budget_line(line_id))
}

#[tauri::command]
pub async fn list_reference(state: State<'_, AppState>, entity: Entity) -> Result<Vec<RefItem>> {
    state.with_store(|s| s.list_reference(entity))
}

#[tauri::command]
pub async fn add_reference(
    state: State<'_, AppState>,
    entity: Entity,
    name: String,
) -> Result<RefItem> {
    state.with_store(|s| s.add_reference(entity, &name))
}

#[tauri::command]
pub async fn delete_reference(
    state: State<'_, AppState>,
    entity: Entity,
    id: i64,
) -> Result<Deleted> {
    state.with_store(|s| s.delete_reference(entity, id))
}

#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupInfo>> {
    state.with_store(|s| s.list_backups())
}

#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Result<BackupInfo> {
    state.with_store(|s| s.backup(BackupKind::Manual))
}

/// Puts back the backup `file_name`: a name from the backup folder, as `list_backups` gives it; a path is refused.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, file_name: String) -> Result<()> {
    state.with_store(|s| s.restore_backup(&file_name))
}

/// After start-up found the database damaged: restore `file_name` (a name from the backup folder, never a path), or start empty.
#[tauri::command]
pub async fn recover(state: State<'_, AppState>, file_name: Option<String>) -> Result<AppStatus> {
    state.recover(file_name.as_deref())
}

/// Draft → submitted; refused while the checker finds a blocking gap. Freezes revision 1.
#[tauri::command]
pub async fn submit_plan(state: State<'_, AppState>, plan_id: i64) -> Result<ReviewState> {
    state.with_store(|s| s.submit_plan(plan_id))
}

/// Submitted or resubmitted → returned, with the reviewer's comments, in one step.
#[tauri::command]
pub async fn return_plan(
    state: State<'_, AppState>,
    plan_id: i64,
    comments: Vec<NewComment>,
) -> Result<ReviewState> {
    state.with_store(|s| s.return_plan(plan_id, &comments))
}

/// Returned → resubmitted; freezes the next revision.
#[tauri::command]
pub async fn resubmit_plan(state: State<'_, AppState>, plan_id: i64) -> Result<ReviewState> {
    state.with_store(|s| s.resubmit_plan(plan_id))
}

#[tauri::command]
pub async fn approve_plan(state: State<'_, AppState>, plan_id: i64) -> Result<ReviewState> {
    state.with_store(|s| s.approve_plan(plan_id))
}

/// The header's names (parent body, unit, subject) as the PDF prints them,
/// line by line, for the editor to show before export.
#[tauri::command]
pub async fn header_lines(state: State<'_, AppState>, plan_id: i64) -> Result<HeaderPreview> {
    let doc = state.with_store(|s| s.plan_document(plan_id))?;
    commplan_pdf::header_preview(&doc)
}

/// The directive checker's counts, in total and per step (the editor's step
/// list; the findings themselves only on the check's page, from `check_plan`).
#[tauri::command]
pub async fn check_counts(state: State<'_, AppState>, plan_id: i64) -> Result<CheckCounts> {
    let (doc, law) = state.with_store(|s| s.check_input(plan_id))?;
    Ok(check(&doc, &law).counts())
}

/// The directive checker's report on the plan as it now is.
#[tauri::command]
pub async fn check_plan(state: State<'_, AppState>, plan_id: i64) -> Result<CheckReport> {
    let (doc, law) = state.with_store(|s| s.check_input(plan_id))?;
    Ok(check(&doc, &law))
}

/// A reviewer's comment on a plan that waits for review.
#[tauri::command]
pub async fn add_comment(
    state: State<'_, AppState>,
    plan_id: i64,
    comment: NewComment,
) -> Result<Comment> {
    state.with_store(|s| s.add_comment(plan_id, &comment))
}

#[tauri::command]
pub async fn list_comments(state: State<'_, AppState>, plan_id: i64) -> Result<Vec<Comment>> {
    state.with_store(|s| s.list_comments(plan_id))
}

#[tauri::command]
pub async fn resolve_comment(
    state: State<'_, AppState>,
    id: i64,
    note: Option<String>,
) -> Result<Comment> {
    state.with_store(|s| s.resolve_comment(id, note.as_deref().unwrap_or_default()))
}

#[tauri::command]
pub async fn reopen_comment(state: State<'_, AppState>, id: i64) -> Result<Comment> {
    state.with_store(|s| s.reopen_comment(id))
}

#[tauri::command]
pub async fn list_revisions(
    state: State<'_, AppState>,
    plan_id: i64,
) -> Result<Vec<RevisionSummary>> {
    state.with_store(|s| s.list_revisions(plan_id))
}

/// What changed from one revision (or the working copy) to another.
#[tauri::command]
pub async fn revision_diff(
    state: State<'_, AppState>,
    plan_id: i64,
    from: RevisionRef,
    to: RevisionRef,
) -> Result<PlanDiff> {
    state.with_store(|s| s.revision_diff(plan_id, from, to))
}

/// The legal texts of Danh mục and the day their list was reviewed.
#[tauri::command]
pub async fn list_legal_texts(state: State<'_, AppState>) -> Result<LegalTextsView> {
    state.with_store(|s| s.legal_texts())
}

/// Saves a legal text typed in Danh mục: text `id` changed, or a new one;
/// gives the list as it now is.
#[tauri::command]
pub async fn save_legal_text(
    state: State<'_, AppState>,
    id: Option<String>,
    input: LegalTextInput,
) -> Result<LegalTextsView> {
    state.with_store(|s| s.save_legal_text(id.as_deref(), &input))
}

#[tauri::command]
pub async fn delete_legal_text(state: State<'_, AppState>, id: String) -> Result<Deleted> {
    state.with_store(|s| s.delete_legal_text(&id))
}

/// Puts back a deleted legal text; gives the list as it now is.
#[tauri::command]
pub async fn undo_delete_legal_text(
    state: State<'_, AppState>,
    trash_id: i64,
) -> Result<LegalTextsView> {
    state.with_store(|s| s.undo_delete(trash_id).and_then(|_| s.legal_texts()))
}
