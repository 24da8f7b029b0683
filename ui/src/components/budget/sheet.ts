// What the rows of the budget sheet share: moving between rows with the
// keyboard as in a spreadsheet, and the refusals told below the sheet.
import type { Unscheduled } from "../../lib/bindings";
import type { MessageKey } from "../../lib/i18n/vi";

/** A value of one cell that was refused, told below the sheet (a row keeps its
 *  height); Rust's message names the field. */
export type CellError = { lineId: number; field: string; message: string };

/** The marker of a line that falls in no quarter, short and in full. */
export const UNSCHEDULED: Record<Unscheduled, { short: MessageKey; long: MessageKey }> = {
  no_activity: { short: "budget.noActivityShort", long: "budget.noActivityLong" },
  no_months: { short: "budget.noMonthsShort", long: "budget.noMonthsLong" },
};

/** The fields of a line edited in its details, not in its row. */
export const DETAIL_FIELDS = new Set(["activityId", "notes"]);

/** The id of a line's details row (the toggle's `aria-controls`). */
export const detailId = (lineId: number) => `budget-detail-${lineId}`;

/** Whether the caret of a multi-line cell is where a move to the row above (−1) or below (+1) begins. */
function atEdge(area: HTMLTextAreaElement, delta: number): boolean {
  if (area.selectionStart !== area.selectionEnd) return false;
  return delta < 0 ? area.selectionStart === 0 : area.selectionEnd === area.value.length;
}

/** The typed cell of column `col` in row `row`, if there is one. */
function cellInput(row: number, col: string): HTMLInputElement | HTMLTextAreaElement | null {
  return document.querySelector<HTMLInputElement | HTMLTextAreaElement>(
    `[data-row="${row}"] [data-col="${col}"] :is(input, textarea)`,
  );
}

/**
 * Arrow keys and Enter move between rows in the same column (in the content,
 * whose text wraps, the arrows move a row from its first or last character,
 * and Enter never starts a new line: the content is one line of text).
 * Ctrl+Enter opens or closes the details of the row (`toggle` gets its index).
 */
export function gridKey(event: KeyboardEvent, toggle: (row: number) => void): void {
  const target = event.target as HTMLElement;
  const row = target.closest<HTMLElement>("[data-row]");
  if (!row) return;
  const index = Number(row.dataset.row);
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    toggle(index);
    return;
  }
  if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
  const delta = event.key === "ArrowDown" || event.key === "Enter" ? 1 : event.key === "ArrowUp" ? -1 : 0;
  if (delta === 0) return;
  if (target instanceof HTMLTextAreaElement) {
    if (event.key === "Enter") event.preventDefault();
    else if (!atEdge(target, delta)) return;
  }
  const col = target.closest<HTMLElement>("[data-col]")?.dataset.col;
  const next = col === undefined ? null : cellInput(index + delta, col);
  if (next) {
    event.preventDefault();
    next.focus();
    next.select();
  }
}
