// Tổng hợp: the consolidation the app keeps in its state (Rust), as this
// screen shows it. The page keeps only what the user chose (the year, the
// tab, each view's query); the board and every view page come from Rust,
// sorted, filtered, counted and formatted there.
import { api } from "./api";
import { Action } from "./action.svelte";
import type { Board, ViewKind, ViewQuery } from "./bindings";
import { defaultYear, freshQuery, TABS, type Tab } from "./consolidation-query";

/** The screen's state: kept while the user visits other screens. */
class ConsolidationScreen {
  year = $state(defaultYear());
  tab = $state<Tab>("board");
  board = $state<Board | null>(null);
  /** The unit that issues the report (Đơn vị tổng hợp), an id of the unit list. */
  issuer = $state<number | null>(null);
  /** Each view's query, so that going back to a tab finds it as left. */
  queries = $state<Record<ViewKind, ViewQuery>>({
    activities: freshQuery("activities"),
    policies: freshQuery("policies"),
    spokespersons: freshQuery("spokespersons"),
    press: freshQuery("press"),
    budget: freshQuery("budget"),
  });
  readonly action = new Action();

  /** The board of the chosen year, of the files opened so far. */
  async load(): Promise<void> {
    await this.show(() => api.consolidationBoard(this.year));
  }

  /** Shows another year (the files opened so far, consolidated for it); refused, the year stays. */
  async chooseYear(year: number): Promise<void> {
    const before = this.year;
    await this.show(() => api.consolidationBoard(year));
    if (this.year !== before) this.resetQueries();
  }

  /** Asks for files (or a folder) and adds them; nothing changes when cancelled. */
  async open(folder: boolean): Promise<void> {
    await this.show(() => api.consolidationOpen(this.year, folder, null));
  }

  /** Files or folders dropped on the window. */
  async dropped(paths: string[]): Promise<void> {
    if (paths.length === 0 || this.action.busy) return;
    await this.show(() => api.consolidationOpen(this.year, false, paths));
  }

  async mapUnit(fileUnitName: string, unitId: number): Promise<void> {
    await this.show(() => api.consolidationMapUnit(fileUnitName, unitId));
  }

  /** Forgets the files opened: the board starts again empty. */
  async clear(): Promise<void> {
    this.resetQueries();
    this.tab = "board";
    await this.show(() => api.consolidationClear(this.year));
  }

  private resetQueries(): void {
    for (const view of TABS) if (view !== "board") this.queries[view] = freshQuery(view);
  }

  private async show(work: () => Promise<Board | null>): Promise<void> {
    const board = await this.action.run(work);
    if (board) {
      this.board = board;
      this.year = board.year;
    }
  }
}

export const consolidation = new ConsolidationScreen();
