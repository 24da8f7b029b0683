import { describe, expect, it } from "vitest";
import { shownSave } from "./indicator";
import type { SaveState } from "./session/writes.svelte";

const saved: SaveState = { kind: "saved", at: 1 };
const saving: SaveState = { kind: "saving" };
const error: SaveState = { kind: "error", error: { code: "io", message: "Ổ đĩa đầy." } };

describe("what the save indicator shows", () => {
  it("shows the writes' state when none is on its way", () => {
    expect(shownSave(saved, false, false, { kind: "idle" })).toBe(saved);
    expect(shownSave(error, false, false, saved)).toBe(error);
  });

  it("keeps what it showed while a write is on its way, until it is slow", () => {
    expect(shownSave(saving, true, false, saved)).toBe(saved);
    expect(shownSave(saving, true, false, { kind: "idle" })).toEqual({ kind: "idle" });
    expect(shownSave(saving, true, true, saved)).toEqual({ kind: "saving" });
  });

  it("does not say saved while another write is on its way", () => {
    const answered: SaveState = { kind: "saved", at: 2 };
    expect(shownSave(answered, true, false, saved)).toBe(saved);
    expect(shownSave(answered, true, true, saved)).toEqual({ kind: "saving" });
  });

  it("says at once that a write is tried again or failed", () => {
    expect(shownSave({ kind: "retrying" }, true, false, saved)).toEqual({ kind: "retrying" });
    expect(shownSave(error, true, false, saved)).toBe(error);
  });
});
