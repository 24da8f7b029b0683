// Tổng hợp's enum values mapped to catalog keys, exhaustively: a new board
// state or view in Rust fails type-checking here until it has its strings.
import type { BoardState, Column, FilterKind, ViewKind } from "../bindings";
import type { Tab } from "../consolidation-query";
import { locale } from "./index.svelte";
import type { MessageKey } from "./vi";

export const tabKey: Record<Tab, MessageKey> = {
  board: "consolidate.tab.board",
  activities: "consolidate.tab.activities",
  policies: "consolidate.tab.policies",
  spokespersons: "consolidate.tab.spokespersons",
  press: "consolidate.tab.press",
  budget: "consolidate.tab.budget",
};

export const viewAboutKey: Record<ViewKind, MessageKey> = {
  activities: "consolidate.about.activities",
  policies: "consolidate.about.policies",
  spokespersons: "consolidate.about.spokespersons",
  press: "consolidate.about.press",
  budget: "consolidate.about.budget",
};

export const filterKey: Record<FilterKind, MessageKey> = {
  unit: "consolidate.filter.unit",
  month: "consolidate.filter.month",
  stage: "consolidate.filter.stage",
  channel: "consolidate.filter.channel",
};

export const boardStateKey: Record<BoardState, MessageKey> = {
  notReceived: "consolidate.state.notReceived",
  draft: "consolidate.state.draft",
  submitted: "consolidate.state.submitted",
  approved: "consolidate.state.approved",
};

/** The English headers of the views' columns, by the column's key. */
const columnEn: Record<string, string> = {
  unit: "Unit",
  policy: "Policy",
  stage: "Stage",
  content: "Activity",
  channel: "Channel",
  months: "Months",
  audience: "Audience",
  lead: "Lead",
  draftDocument: "Draft document",
  planning: "Planning",
  drafting: "Drafting",
  finalising: "Finalising",
  promulgation: "Promulgation",
  implementation: "Implementation",
  consultation: "Consultation",
  role: "Role",
  name: "Name",
  position: "Position",
  contact: "Contact",
  agency: "Press agency",
  arrangement: "Arrangement",
  tasks: "What is ordered",
  proposed: "Proposed",
  approved: "Approved",
  source: "Funding source",
  category: "Category",
  lines: "Lines",
};

/** A column's header: as Rust names it, in English where it has one. */
export function columnLabel(col: Column): string {
  return locale() === "en" ? (columnEn[col.key] ?? col.label) : col.label;
}
