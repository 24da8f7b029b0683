// The one module that talks to Tauri. Every command of the Rust side has a
// typed function here; the types come from the generated bindings.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import type {
  AmountChange,
  AppError,
  BudgetView,
  RefItem,
  AppStatus,
  BackupInfo,
  Channel,
  CheckReport,
  Comment,
  CopyPlan,
  Deleted,
  Entity,
  FieldEdit,
  NewComment,
  NewItem,
  NewPlan,
  PlanChanged,
  PlanDiff,
  PlanSaved,
  PlanSummary,
  PlanView,
  ReviewState,
  RevisionRef,
  RevisionSummary,
  Unit,
  UnitInput,
} from "./bindings";

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

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (err) {
    throw toAppError(err);
  }
}

export const api = {
  appStatus: () => call<AppStatus>("app_status"),
  listUnits: () => call<Unit[]>("list_units"),
  createUnit: (input: UnitInput) => call<Unit>("create_unit", { input }),
  updateUnit: (id: number, input: UnitInput) => call<Unit>("update_unit", { id, input }),
  deleteUnit: (id: number) => call<Unit>("delete_unit", { id }),
  restoreUnit: (unit: Unit) => call<Unit>("restore_unit", { unit }),
  listPlans: () => call<PlanSummary[]>("list_plans"),
  createPlan: (plan: NewPlan) => call<PlanSummary>("create_plan", { plan }),
  copyPlan: (request: CopyPlan) => call<PlanSummary>("copy_plan", { request }),
  createSample: () => call<PlanSummary>("create_sample"),
  deletePlan: (id: number) => call<Deleted>("delete_plan", { id }),
  openPlan: (id: number) => call<PlanView>("open_plan", { id }),
  editField: (edit: FieldEdit) => call<PlanSaved>("edit_field", { edit }),
  addItem: (item: NewItem) => call<PlanChanged>("add_item", { item }),
  deleteItem: (entity: Entity, id: number) => call<PlanChanged>("delete_item", { entity, id }),
  moveItem: (entity: Entity, id: number, toIndex: number) =>
    call<PlanChanged>("move_item", { entity, id, toIndex }),
  undoDelete: (trashId: number) => call<number | null>("undo_delete", { trashId }),
  listChannels: () => call<Channel[]>("list_channels"),
  addChannel: (name: string) => call<Channel>("add_channel", { name }),
  deleteChannel: (id: number) => call<Deleted>("delete_channel", { id }),
  closeWindow: () => call<null>("close_window"),
  budgetView: (planId: number) => call<BudgetView>("budget_view", { planId }),
  amountHistory: (lineId: number) => call<AmountChange[]>("amount_history", { lineId }),
  duplicateBudgetLine: (lineId: number) => call<number>("duplicate_budget_line", { lineId }),
  listReference: (entity: Entity) => call<RefItem[]>("list_reference", { entity }),
  addReference: (entity: Entity, name: string) => call<RefItem>("add_reference", { entity, name }),
  deleteReference: (entity: Entity, id: number) => call<Deleted>("delete_reference", { entity, id }),
  /** Asks where to save and writes the budget workbook; null when cancelled. */
  exportBudgetXlsx: (planId: number) => call<string | null>("export_budget_xlsx", { planId }),
  openExported: (path: string) => call<null>("open_exported", { path }),
  /** Asks where to save and writes the plan's PDF; null when cancelled. */
  exportPdf: (planId: number) => call<string | null>("export_pdf", { planId }),
  listBackups: () => call<BackupInfo[]>("list_backups"),
  backupNow: () => call<BackupInfo>("backup_now"),
  /** Replaces all data with the backup (after a pre-restore copy of the current data). */
  restoreBackup: (fileName: string) => call<null>("restore_backup", { fileName }),
  /** After a damaged database was moved aside: restore `fileName`, or start empty with null. */
  recover: (fileName: string | null) => call<AppStatus>("recover", { fileName }),
  /** Draft → submitted; refused while the checker finds a blocking gap. */
  submitPlan: (planId: number) => call<ReviewState>("submit_plan", { planId }),
  /** Submitted or resubmitted → returned, adding the reviewer's comments. */
  returnPlan: (planId: number, comments: NewComment[]) =>
    call<ReviewState>("return_plan", { planId, comments }),
  resubmitPlan: (planId: number) => call<ReviewState>("resubmit_plan", { planId }),
  approvePlan: (planId: number) => call<ReviewState>("approve_plan", { planId }),
  checkPlan: (planId: number) => call<CheckReport>("check_plan", { planId }),
  addComment: (planId: number, comment: NewComment) =>
    call<Comment>("add_comment", { planId, comment }),
  listComments: (planId: number) => call<Comment[]>("list_comments", { planId }),
  resolveComment: (id: number, note: string | null) =>
    call<Comment>("resolve_comment", { id, note }),
  reopenComment: (id: number) => call<Comment>("reopen_comment", { id }),
  listRevisions: (planId: number) => call<RevisionSummary[]>("list_revisions", { planId }),
  revisionDiff: (planId: number, from: RevisionRef, to: RevisionRef) =>
    call<PlanDiff>("revision_diff", { planId, from, to }),
  /** The user asked to close the window: `handler` saves what is pending, then calls closeWindow. */
  onCloseRequested: (handler: () => Promise<void>) => listen("close-requested", () => void handler()),
};
