// The one module that talks to Tauri. Every command of the Rust side has a
// function here; its name, arguments and result are checked against
// commands.ts, generated from the Rust commands themselves.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import type {
  AppError,
  Entity,
  FieldEdit,
  FileSource,
  LegalTextInput,
  NewComment,
  NewItem,
  NewPlan,
  CopyPlan,
  Period,
  ResultEdit,
  ViewQuery,
  RevisionRef,
  Unit,
  UnitInput,
} from "./bindings";
import type { CommandName, Commands } from "./commands";

export function isAppError(value: unknown): value is AppError {
  return (
    typeof value === "object" &&
    value !== null &&
    "code" in value &&
    "message" in value &&
    typeof value.code === "string" &&
    typeof value.message === "string"
  );
}

/** Any failure of a call, as an AppError (never a raw exception). */
export function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  console.error("commplan: unexpected failure", err);
  return {
    code: "internal",
    message: "Đã xảy ra lỗi ngoài dự kiến; thao tác chưa được thực hiện.",
  };
}

/** Calls a command of the Rust side; a failure is always thrown as an AppError. */
async function call<C extends CommandName>(
  command: C,
  args: Commands[C]["args"],
): Promise<Commands[C]["returns"]> {
  try {
    return await invoke<Commands[C]["returns"]>(command, args);
  } catch (err) {
    throw toAppError(err);
  }
}

/** Files dragged over the window: entering it, leaving it, or dropped on it. */
export type FileDrag = { kind: "enter" } | { kind: "leave" } | { kind: "drop"; paths: string[] };

export const api = {
  appStatus: () => call("app_status", {}),
  listUnits: () => call("list_units", {}),
  createUnit: (input: UnitInput) => call("create_unit", { input }),
  updateUnit: (id: number, input: UnitInput) => call("update_unit", { id, input }),
  deleteUnit: (id: number) => call("delete_unit", { id }),
  restoreUnit: (unit: Unit) => call("restore_unit", { unit }),
  listPlans: () => call("list_plans", {}),
  createPlan: (plan: NewPlan) => call("create_plan", { plan }),
  copyPlan: (request: CopyPlan) => call("copy_plan", { request }),
  createSample: () => call("create_sample", {}),
  deletePlan: (id: number) => call("delete_plan", { id }),
  /** Puts back a deleted plan; gives the plan list as it now is. */
  undoDeletePlan: (trashId: number) => call("undo_delete_plan", { trashId }),
  openPlan: (id: number) => call("open_plan", { id }),
  editField: (edit: FieldEdit) => call("edit_field", { edit }),
  addItem: (item: NewItem) => call("add_item", { item }),
  deleteItem: (entity: Entity, id: number) => call("delete_item", { entity, id }),
  moveItem: (entity: Entity, id: number, toIndex: number) => call("move_item", { entity, id, toIndex }),
  /** Puts back what a deletion in the open plan removed; gives the plan as it now is. */
  undoInPlan: (trashId: number) => call("undo_in_plan", { trashId }),
  closeWindow: () => call("close_window", {}),
  budgetView: (planId: number) => call("budget_view", { planId }),
  amountHistory: (lineId: number) => call("amount_history", { lineId }),
  /** Copies a budget line below itself; gives the plan with the copy's id. */
  duplicateBudgetLine: (lineId: number) => call("duplicate_budget_line", { lineId }),
  listReference: (entity: Entity) => call("list_reference", { entity }),
  addReference: (entity: Entity, name: string) => call("add_reference", { entity, name }),
  deleteReference: (entity: Entity, id: number) => call("delete_reference", { entity, id }),
  /** Puts back a deleted entry of a shared list; gives that list as it now is. */
  undoDeleteReference: (entity: Entity, trashId: number) =>
    call("undo_delete_reference", { entity, trashId }),
  listLegalTexts: () => call("list_legal_texts", {}),
  saveLegalText: (id: string | null, input: LegalTextInput) => call("save_legal_text", { id, input }),
  deleteLegalText: (id: string) => call("delete_legal_text", { id }),
  undoDeleteLegalText: (trashId: number) => call("undo_delete_legal_text", { trashId }),
  importLegalTexts: () => call("import_legal_texts", {}),
  /** Asks where to save and writes the budget workbook; null when cancelled. */
  exportBudgetXlsx: (planId: number) => call("export_budget_xlsx", { planId }),
  openExported: (path: string) => call("open_exported", { path }),
  /** Opens the folder of a file saved in this session. */
  openExportedFolder: (path: string) => call("open_exported_folder", { path }),
  /** Asks where to save and writes the plan's file: its latest submission, or the working copy; null when cancelled. */
  savePlanFile: (planId: number, source: FileSource) => call("save_plan_file", { planId, source }),
  /** Asks where to save and writes the return file of a received plan decided on; null when cancelled. */
  saveReturnFile: (planId: number) => call("save_return_file", { planId }),
  /** Asks which plan file to open and opens it; null when cancelled. */
  openPlanFile: () => call("open_plan_file", {}),
  /** Opens the plan file at `path` (dropped on the window, or given to the app). */
  openPlanFileAt: (path: string) => call("open_plan_file_at", { path }),
  /** The files the app was started with or handed over, each given once. */
  pendingPlanFiles: () => call("pending_plan_files", {}),
  /** Asks where to save and writes the plan's PDF; null when cancelled. */
  exportPdf: (planId: number) => call("export_pdf", { planId }),
  /** Asks where to save and writes the plan as a Word file; null when cancelled. */
  exportWord: (planId: number) => call("export_word", { planId }),
  listBackups: () => call("list_backups", {}),
  backupNow: () => call("backup_now", {}),
  /** Replaces all data with the backup (after a pre-restore copy of the current data). */
  restoreBackup: (fileName: string) => call("restore_backup", { fileName }),
  /** After a damaged database was moved aside: restore `fileName`, or start empty with null. */
  recover: (fileName: string | null) => call("recover", { fileName }),
  /** Draft → submitted; refused while the checker finds a blocking gap. */
  submitPlan: (planId: number) => call("submit_plan", { planId }),
  /** Submitted or resubmitted → returned, adding the reviewer's comments. */
  returnPlan: (planId: number, comments: NewComment[]) => call("return_plan", { planId, comments }),
  resubmitPlan: (planId: number) => call("resubmit_plan", { planId }),
  approvePlan: (planId: number) => call("approve_plan", { planId }),
  checkPlan: (planId: number) => call("check_plan", { planId }),
  checkCounts: (planId: number) => call("check_counts", { planId }),
  /** The header's names as the PDF prints them, line by line. */
  headerLines: (planId: number) => call("header_lines", { planId }),
  addComment: (planId: number, comment: NewComment) => call("add_comment", { planId, comment }),
  listComments: (planId: number) => call("list_comments", { planId }),
  resolveComment: (id: number, note: string | null) => call("resolve_comment", { id, note }),
  reopenComment: (id: number) => call("reopen_comment", { id }),
  listRevisions: (planId: number) => call("list_revisions", { planId }),
  revisionDiff: (planId: number, from: RevisionRef, to: RevisionRef) =>
    call("revision_diff", { planId, from, to }),
  /** Tổng hợp: the board of `year`, of the plan files opened so far (kept by the app, not in the database). */
  consolidationBoard: (year: number) => call("consolidation_board", { year }),
  /** Adds plan files: asked for in the open dialog (several files, or a folder), or the paths dropped on the window; null when cancelled. */
  consolidationOpen: (year: number, folder: boolean, paths: string[] | null) =>
    call("consolidation_open", { year, folder, paths }),
  /** Counts the files of a unit not in the list for unit `unitId` of the list. */
  consolidationMapUnit: (fileUnitName: string, unitId: number) =>
    call("consolidation_map_unit", { fileUnitName, unitId }),
  consolidationClear: (year: number) => call("consolidation_clear", { year }),
  consolidationView: (query: ViewQuery) => call("consolidation_view", { query }),
  /** Asks where to save and writes the consolidation's workbook, issued by unit `unitId`; null when cancelled. */
  consolidationExportXlsx: (unitId: number) => call("consolidation_export_xlsx", { unitId }),
  /** Asks where to save and writes the consolidation's report (PDF), issued by unit `unitId`; null when cancelled. */
  consolidationExportPdf: (unitId: number) => call("consolidation_export_pdf", { unitId }),
  /** The "Thực hiện" screen of an approved plan for a period. */
  resultsView: (planId: number, period: Period) => call("results_view", { planId, period }),
  /** Records the fields changed of one record; gives the view as it now is. */
  recordResult: (planId: number, edit: ResultEdit) => call("record_result", { planId, edit }),
  resultsHistory: (planId: number) => call("results_history", { planId }),
  /** Asks where to save and writes the results report of a period as a PDF; null when cancelled. */
  exportResultsPdf: (planId: number, period: Period) => call("export_results_pdf", { planId, period }),
  /** Asks where to save and writes the results report of a period as a workbook; null when cancelled. */
  exportResultsXlsx: (planId: number, period: Period) => call("export_results_xlsx", { planId, period }),
  /** The user asked to close the window: `handler` saves what is pending, then calls closeWindow. */
  onCloseRequested: (handler: () => Promise<void>) => listen("close-requested", () => void handler()),
  /** A second start of the app handed over plan files: `handler` takes them (pendingPlanFiles). */
  onPlanFilesPending: (handler: () => void) => listen("plan-files-pending", () => handler()),
  /** Files dragged over the window and dropped on it (the window's own drag-and-drop events). */
  onFileDrag: (handler: (drag: FileDrag) => void) =>
    getCurrentWebview().onDragDropEvent(({ payload }) => {
      if (payload.type === "enter") handler({ kind: "enter" });
      else if (payload.type === "leave") handler({ kind: "leave" });
      else if (payload.type === "drop") handler({ kind: "drop", paths: payload.paths });
    }),
};
