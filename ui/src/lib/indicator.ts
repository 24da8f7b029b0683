// What the save indicator shows while writes are on their way.
import type { SaveState } from "./session/writes.svelte";

/** Milliseconds writes may take before the indicator says "Đang lưu…". */
export const SHOW_SAVING_MS = 300;

/**
 * What the save indicator shows, given the writes' state (`save`), whether
 * any is still on its way (`busy`), whether they have been for
 * SHOW_SAVING_MS (`slow`), and what it showed before they were sent
 * (`before`). A write answered sooner goes from what was shown to "Đã lưu"
 * with nothing between: a flash of "Đang lưu…" is too short to read, and
 * drawing it made each write's answer wait while the page was drawn (about
 * 2 ms of the 5 ms from a change to "Đã lưu", in the typing benchmark).
 * Writes still on their way after that say "Đang lưu…", even if an earlier
 * one was answered; a write tried again, or one that failed, is said at once.
 */
export function shownSave(save: SaveState, busy: boolean, slow: boolean, before: SaveState): SaveState {
  if (!busy || save.kind === "retrying" || save.kind === "error") return save;
  return slow ? { kind: "saving" } : before;
}
