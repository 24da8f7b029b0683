// Generated from the Rust types in src-tauri/core by `scripts/gen-bindings`.
// Do not edit by hand: a test fails when this file differs from the Rust types.

export type ErrorCode = "validation" | "not_found" | "conflict" | "read_only" | "newer_schema" | "not_commplan_file" | "database" | "io" | "internal";

export type AppError = { code: ErrorCode, message: string, };

export type AppStatus = { 
/**
 * Where the database file is.
 */
databasePath: string, 
/**
 * True when nothing may be written (for instance a database from a newer version).
 */
readOnly: boolean, 
/**
 * A Vietnamese notice to show on every screen, if any.
 */
notice: AppError | null, version: string, };

export type Unit = { id: number, 
/**
 * e.g. "Sở Văn hóa, Thể thao và Du lịch".
 */
name: string, 
/**
 * The body it belongs to, e.g. "Ủy ban nhân dân tỉnh Gia Lai".
 */
parentBody: string, 
/**
 * The abbreviation used in document symbols, e.g. "SVHTTDL" in "12/KH-SVHTTDL".
 */
abbreviation: string, };

export type UnitInput = { name: string, parentBody: string, abbreviation: string, };

export type PlanStatus = "draft" | "submitted" | "returned" | "resubmitted" | "approved";

export type PlanSummary = { id: number, unitId: number, unitName: string, year: number, status: PlanStatus, title: string, 
/**
 * When it was last changed, ISO 8601 in UTC.
 */
updatedAt: string, };

export type NewPlan = { unitId: number, year: number, };

export type Step = "general" | "policies" | "activities" | "staffing" | "press" | "monitoring" | "budget" | "implementation" | "signature";

export type PlanView = { plan: PlanSummary, unit: Unit, 
/**
 * The steps of the editor, in order.
 */
steps: Array<Step>, };
