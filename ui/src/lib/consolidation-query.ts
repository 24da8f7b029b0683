// Tổng hợp's helpers: the tabs, the years offered, and a view's query as the
// user changes it (a header clicked, a filter chosen). Rust filters, sorts and
// pages; these only say what the user asked for.
import type { Board, FilterKind, Stage, ViewKind, ViewQuery } from "./bindings";

export type Tab = "board" | ViewKind;

/** The tabs of the screen, in order: the board, then the five views. */
export const TABS: Tab[] = ["board", "activities", "policies", "spokespersons", "press", "budget"];

/** Rows a view page holds: enough for the first screen, small enough to come at once. */
export const PAGE_ROWS = 50;

/** The year first shown: the next one, whose plans are consolidated at the end of this one. */
export function defaultYear(now: Date = new Date()): number {
  return now.getFullYear() + 1;
}

/** A view's query as first shown: no filter, Rust's default order, the first page. */
export function freshQuery(view: ViewKind): ViewQuery {
  return {
    view,
    filter: "",
    unitId: null,
    month: null,
    stage: null,
    channel: null,
    sort: null,
    desc: false,
    offset: 0,
    limit: PAGE_ROWS,
  };
}

/** The query after a click on a column's header: that column ascending, or the other way when it is already sorted by it. */
export function sortedBy(query: ViewQuery, key: string): ViewQuery {
  const again = query.sort === key;
  return { ...query, sort: key, desc: again ? !query.desc : false, offset: 0 };
}

/** `aria-sort` of a column: Rust sorts the page as the query asks (none: the view's own order). */
export function ariaSort(query: ViewQuery, key: string): "ascending" | "descending" | "none" {
  if (query.sort !== key) return "none";
  return query.desc ? "descending" : "ascending";
}

/** What a filter select holds now ("" for all). */
export function chosenValue(query: ViewQuery, filter: FilterKind): string {
  const value = { unit: query.unitId, month: query.month, stage: query.stage, channel: query.channel }[filter];
  return value === null ? "" : String(value);
}

/** The query with a filter select set to `value` ("" for all), from the first page. */
export function withFilter(query: ViewQuery, filter: FilterKind, value: string): ViewQuery {
  const next = { ...query, offset: 0 };
  const none = value === "";
  if (filter === "unit") next.unitId = none ? null : Number(value);
  else if (filter === "month") next.month = none ? null : Number(value);
  else if (filter === "stage") next.stage = none ? null : (value as Stage);
  else next.channel = none ? null : value;
  return next;
}

/** The units with a plan counted, once each, in the board's order: what the unit filter offers. */
export function receivedUnits(board: Board | null): { id: number; name: string }[] {
  const seen = new Map<number, string>();
  for (const row of board?.rows ?? []) {
    if (row.state !== "notReceived" && !seen.has(row.unitId)) seen.set(row.unitId, row.unitName);
  }
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** How much room a view's column takes, by its key: long texts more, counts less. */
const COLUMN_WEIGHT: Record<string, number> = {
  content: 3,
  tasks: 3,
  consultation: 2.4,
  policy: 2,
  draftDocument: 1.8,
  position: 2,
  contact: 2,
  planning: 1.1,
  drafting: 1.1,
  finalising: 1.1,
  promulgation: 1.1,
  implementation: 1.1,
  audience: 1.6,
  category: 1.6,
  unit: 1.5,
  agency: 1.5,
  lead: 1.3,
  name: 1.3,
  channel: 1.3,
  source: 1.3,
  proposed: 1.3,
  approved: 1.3,
};

/** Each column's width in percent of the table (a key not listed counts 1). */
export function columnWidths(keys: string[]): number[] {
  const weights = keys.map((k) => COLUMN_WEIGHT[k] ?? 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.round((w / sum) * 1000) / 10);
}

/** Columns Rust sorts by a number but that hold text (a stage, months, a paragraph). */
const TEXT_CELLS = new Set(["stage", "months", "consultation"]);

/** Whether a column's cells are aligned right: amounts and counts, not text. */
export function alignedRight(column: { key: string; numeric: boolean }): boolean {
  return column.numeric && !TEXT_CELLS.has(column.key);
}
