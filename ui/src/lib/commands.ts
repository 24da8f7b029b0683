// Generated from the #[tauri::command] functions in src-tauri/app by `scripts/gen-bindings`.
// Do not edit by hand: a test fails when this file differs from the Rust commands.
import type { AmountChange, AppStatus, BackupInfo, Board, BudgetView, CheckCounts, CheckReport, Comment, CopyPlan, Deleted, Entity, FieldEdit, FileSource, HeaderPreview, LegalTextInput, LegalTextsImported, LegalTextsView, NewComment, NewItem, NewPlan, Opened, Period, PlanChanged, PlanDiff, PlanSaved, PlanSummary, PlanView, RefItem, ResultChange, ResultEdit, ResultsView, ReviewState, RevisionRef, RevisionSummary, Unit, UnitInput, ViewPage, ViewQuery } from "./bindings";

/** Every command of the Rust side: the arguments the web view sends and what it gets back. */
export type Commands = {
  /** The page has saved everything: close for real. */
  close_window: { args: Record<string, never>; returns: null };
  app_status: { args: Record<string, never>; returns: AppStatus };
  list_units: { args: Record<string, never>; returns: Array<Unit> };
  create_unit: { args: { input: UnitInput }; returns: Unit };
  update_unit: { args: { id: number; input: UnitInput }; returns: Unit };
  delete_unit: { args: { id: number }; returns: Unit };
  restore_unit: { args: { unit: Unit }; returns: Unit };
  list_plans: { args: Record<string, never>; returns: Array<PlanSummary> };
  create_plan: { args: { plan: NewPlan }; returns: PlanSummary };
  open_plan: { args: { id: number }; returns: PlanView };
  copy_plan: { args: { request: CopyPlan }; returns: PlanSummary };
  create_sample: { args: Record<string, never>; returns: PlanSummary };
  delete_plan: { args: { id: number }; returns: Deleted };
  edit_field: { args: { edit: FieldEdit }; returns: PlanSaved };
  add_item: { args: { item: NewItem }; returns: PlanChanged };
  delete_item: { args: { entity: Entity; id: number }; returns: PlanChanged };
  move_item: { args: { entity: Entity; id: number; toIndex: number }; returns: PlanChanged };
  /** Puts back what a deletion in the open plan removed; gives the plan as it now is. */
  undo_in_plan: { args: { trashId: number }; returns: PlanChanged };
  /** Puts back a deleted plan; gives the plan list as it now is. */
  undo_delete_plan: { args: { trashId: number }; returns: Array<PlanSummary> };
  /** Puts back a deleted entry of a shared list; gives that list as it now is. */
  undo_delete_reference: { args: { entity: Entity; trashId: number }; returns: Array<RefItem> };
  budget_view: { args: { planId: number }; returns: BudgetView };
  amount_history: { args: { lineId: number }; returns: Array<AmountChange> };
  /** Copies a line below itself; gives the plan with the copy's id. */
  duplicate_budget_line: { args: { lineId: number }; returns: PlanChanged };
  list_reference: { args: { entity: Entity }; returns: Array<RefItem> };
  add_reference: { args: { entity: Entity; name: string }; returns: RefItem };
  delete_reference: { args: { entity: Entity; id: number }; returns: Deleted };
  list_backups: { args: Record<string, never>; returns: Array<BackupInfo> };
  backup_now: { args: Record<string, never>; returns: BackupInfo };
  /** Puts back the backup `file_name`: a name from the backup folder, as `list_backups` gives it; a path is refused. */
  restore_backup: { args: { fileName: string }; returns: null };
  /** After start-up found the database damaged: restore `file_name` (a name from the backup folder, never a path), or start empty. */
  recover: { args: { fileName: string | null }; returns: AppStatus };
  /** Draft → submitted; refused while the checker finds a blocking gap. Freezes revision 1. */
  submit_plan: { args: { planId: number }; returns: ReviewState };
  /** Submitted or resubmitted → returned, with the reviewer's comments, in one step. */
  return_plan: { args: { planId: number; comments: Array<NewComment> }; returns: ReviewState };
  /** Returned → resubmitted; freezes the next revision. */
  resubmit_plan: { args: { planId: number }; returns: ReviewState };
  approve_plan: { args: { planId: number }; returns: ReviewState };
  /** The header's names (parent body, unit, subject) as the PDF prints them, line by line, for the editor to show before export. */
  header_lines: { args: { planId: number }; returns: HeaderPreview };
  /** The directive checker's counts, in total and per step (the editor's step list; the findings themselves only on the check's page, from `check_plan`). */
  check_counts: { args: { planId: number }; returns: CheckCounts };
  /** The directive checker's report on the plan as it now is. */
  check_plan: { args: { planId: number }; returns: CheckReport };
  /** A reviewer's comment on a plan that waits for review. */
  add_comment: { args: { planId: number; comment: NewComment }; returns: Comment };
  list_comments: { args: { planId: number }; returns: Array<Comment> };
  resolve_comment: { args: { id: number; note: string | null }; returns: Comment };
  reopen_comment: { args: { id: number }; returns: Comment };
  list_revisions: { args: { planId: number }; returns: Array<RevisionSummary> };
  /** What changed from one revision (or the working copy) to another. */
  revision_diff: { args: { planId: number; from: RevisionRef; to: RevisionRef }; returns: PlanDiff };
  /** The legal texts of Danh mục and the day their list was reviewed. */
  list_legal_texts: { args: Record<string, never>; returns: LegalTextsView };
  /** Saves a legal text typed in Danh mục: text `id` changed, or a new one; gives the list as it now is. */
  save_legal_text: { args: { id: string | null; input: LegalTextInput }; returns: LegalTextsView };
  delete_legal_text: { args: { id: string }; returns: Deleted };
  /** Puts back a deleted legal text; gives the list as it now is. */
  undo_delete_legal_text: { args: { trashId: number }; returns: LegalTextsView };
  /** The board of `year`, of the files opened so far. */
  consolidation_board: { args: { year: number }; returns: Board };
  /** Adds plan files to the consolidation of `year`: the paths dropped on the window, or those chosen in the open dialog (a folder when `folder`); gives the board, or `None` when the dialog was cancelled. */
  consolidation_open: { args: { year: number; folder: boolean; paths: Array<string> | null }; returns: Board | null };
  /** Counts the files of `file_unit_name` (a unit not in the list) for unit `unit_id` of the list. */
  consolidation_map_unit: { args: { fileUnitName: string; unitId: number }; returns: Board };
  /** Forgets every file opened: the board of `year` with nothing received. */
  consolidation_clear: { args: { year: number }; returns: Board };
  /** One page of one consolidated view, filtered, sorted and formatted by core. */
  consolidation_view: { args: { query: ViewQuery }; returns: ViewPage };
  /** Saves the consolidation as a workbook (the board, then one sheet per view), issued by unit `unit_id`; gives the path, or `None` if cancelled. */
  consolidation_export_xlsx: { args: { unitId: number }; returns: string | null };
  /** Saves the consolidation as the report (BÁO CÁO, the views as appendices), issued by unit `unit_id`; gives the path, or `None` if cancelled. */
  consolidation_export_pdf: { args: { unitId: number }; returns: string | null };
  /** Saves the plan's budget as an Excel workbook; gives the path, or `None` if cancelled. */
  export_budget_xlsx: { args: { planId: number }; returns: string | null };
  /** Saves the plan as the official PDF; gives the path, or `None` if cancelled. */
  export_pdf: { args: { planId: number }; returns: string | null };
  /** Saves the plan as a Word file in the PDF's layout, for a leader to edit before signing; gives the path, or `None` if cancelled. */
  export_word: { args: { planId: number }; returns: string | null };
  /** Opens a file exported in this session in the system's viewer. */
  open_exported: { args: { path: string }; returns: null };
  /** Opens the folder of a file saved in this session (a plan file, which is sent on rather than viewed) in the file manager. */
  open_exported_folder: { args: { path: string }; returns: null };
  /** Imports a newer list of legal texts chosen in the dialog; gives what it did, or `None` if cancelled. No plan is touched. */
  import_legal_texts: { args: Record<string, never>; returns: LegalTextsImported | null };
  /** The files given to the app that the page has not opened yet, each given once. */
  pending_plan_files: { args: Record<string, never>; returns: Array<string> };
  /** "Gửi tệp kế hoạch" (`submitted`: the latest submission, refused while there is none) or "Lưu bản nháp ra tệp" (`draft`: the working copy); gives the path, or `None` if cancelled. */
  save_plan_file: { args: { planId: number; source: FileSource }; returns: string | null };
  /** "Ghi tệp trả lời": the reviewer's decision on a received plan and the comments, bound to the revision decided on; gives the path, or `None` if cancelled. */
  save_return_file: { args: { planId: number }; returns: string | null };
  /** "Mở tệp kế hoạch": the plan or return file chosen in the dialog; gives what opening it did, or `None` if cancelled. */
  open_plan_file: { args: Record<string, never>; returns: Opened | null };
  /** A plan or return file dropped on the window or given to the app. */
  open_plan_file_at: { args: { path: string }; returns: Opened };
  /** The results of a plan for a period: the report, each activity's record and the findings. */
  results_view: { args: { planId: number; period: Period }; returns: ResultsView };
  /** Records the fields changed of one activity, budget line, objective or report; gives the view of the edit's period as it now is. */
  record_result: { args: { planId: number; edit: ResultEdit }; returns: ResultsView };
  /** Every record and change of what was done of a plan, oldest first. */
  results_history: { args: { planId: number }; returns: Array<ResultChange> };
  /** Saves the results report of a period as a PDF; gives the path, or `None` if cancelled. */
  export_results_pdf: { args: { planId: number; period: Period }; returns: string | null };
  /** Saves the results report of a period as an Excel workbook; gives the path, or `None` if cancelled. */
  export_results_xlsx: { args: { planId: number; period: Period }; returns: string | null };
};

export type CommandName = keyof Commands;
