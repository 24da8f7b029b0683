import { describe, expect, it } from "vitest";
import type { Board, BoardRow } from "./bindings";
import { alignedRight, ariaSort, chosenValue, columnWidths, freshQuery, receivedUnits, defaultYear, sortedBy, withFilter } from "./consolidation-query";

const row = (unitId: number, unitName: string, state: BoardRow["state"], planUuid = ""): BoardRow => ({
  unitId,
  unitName,
  fileUnitName: null,
  state,
  planUuid,
  title: "",
  receivedFile: null,
  writtenAt: null,
  revision: null,
  olderRevisions: [],
  blocking: 0,
  blockingMessages: [],
  totalProposed: null,
  totalApproved: null,
  activitiesDone: null,
  totalSpent: null,
  conflict: false,
});

describe("a view's query", () => {
  it("sorts by a header ascending, then the other way on a second click, from the first page", () => {
    const start = { ...freshQuery("activities"), offset: 50 };
    const once = sortedBy(start, "unit");
    expect([once.sort, once.desc, once.offset]).toEqual(["unit", false, 0]);
    expect(ariaSort(once, "unit")).toBe("ascending");
    expect(ariaSort(once, "policy")).toBe("none");
    const twice = sortedBy(once, "unit");
    expect(ariaSort(twice, "unit")).toBe("descending");
    expect(sortedBy(twice, "policy").desc).toBe(false);
  });

  it("sets and clears each filter select, back to the first page", () => {
    let q = { ...freshQuery("activities"), offset: 100 };
    q = withFilter(q, "unit", "7");
    q = withFilter(q, "month", "3");
    q = withFilter(q, "stage", "drafting");
    q = withFilter(q, "channel", "Báo in");
    expect([q.unitId, q.month, q.stage, q.channel, q.offset]).toEqual([7, 3, "drafting", "Báo in", 0]);
    expect(["unit", "month", "stage", "channel"].map((f) => chosenValue(q, f as never))).toEqual([
      "7",
      "3",
      "drafting",
      "Báo in",
    ]);
    q = withFilter(q, "month", "");
    expect(q.month).toBeNull();
    expect(chosenValue(q, "month")).toBe("");
  });
});

describe("the unit filter", () => {
  it("offers each unit with a plan once, in the board's order, and none not received", () => {
    const board = {
      rows: [row(2, "Sở Y tế", "draft", "a"), row(3, "Sở Tư pháp", "notReceived"), row(2, "Sở Y tế", "submitted", "b"), row(1, "Sở Nội vụ", "approved", "c")],
    } as Board;
    expect(receivedUnits(board)).toEqual([
      { id: 2, name: "Sở Y tế" },
      { id: 1, name: "Sở Nội vụ" },
    ]);
    expect(receivedUnits(null)).toEqual([]);
  });
});

describe("the year first shown", () => {
  it("is the next one", () => {
    expect(defaultYear(new Date(2026, 11, 1))).toBe(2027);
  });
});

describe("the columns' widths", () => {
  it("give a long text more room than a count, and fill the table", () => {
    const [content, lines, unknown] = columnWidths(["content", "lines", "somethingNew"]);
    expect(content).toBeGreaterThan(lines ?? 0);
    expect(lines).toBe(unknown);
    expect(Math.round((content ?? 0) + (lines ?? 0) + (unknown ?? 0))).toBe(100);
  });
});

describe("the columns' alignment", () => {
  it("puts amounts and counts on the right and text on the left, even text sorted by a number", () => {
    expect(alignedRight({ key: "proposed", numeric: true })).toBe(true);
    expect(alignedRight({ key: "months", numeric: true })).toBe(false);
    expect(alignedRight({ key: "consultation", numeric: true })).toBe(false);
    expect(alignedRight({ key: "unit", numeric: false })).toBe(false);
  });
});
