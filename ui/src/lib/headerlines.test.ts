import { describe, expect, it } from "vitest";
import { breaksText, gapsOf, linesOf, toggled } from "./headerlines";

describe("header lines", () => {
  const unit = gapsOf(["SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"]);

  it("knows where each line ends", () => {
    expect(unit.words).toEqual(["SỞ", "NÔNG", "NGHIỆP", "VÀ", "MÔI", "TRƯỜNG"]);
    expect(unit.breaks).toEqual([false, false, true, false, false]);
    expect(breaksText(unit)).toBe("SỞ NÔNG NGHIỆP\nVÀ MÔI TRƯỜNG");
  });

  it("moves a break without changing a word", () => {
    const moved = toggled(toggled(unit, 2), 3);
    expect(breaksText(moved)).toBe("SỞ NÔNG NGHIỆP VÀ\nMÔI TRƯỜNG");
    expect(moved.words).toEqual(unit.words);
    expect(breaksText(toggled(unit, 2))).toBe("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG");
  });

  it("lays the words out line by line with the gap after each", () => {
    expect(linesOf(unit).map((l) => l.map((w) => w.word).join(" "))).toEqual(["SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"]);
    const [first, second] = linesOf(unit);
    expect(first?.map((w) => w.gap)).toEqual([0, 1, 2]);
    expect(second?.map((w) => w.gap)).toEqual([3, 4, null]);
    expect(linesOf(gapsOf(["SỞ Y TẾ"]))).toEqual([
      [
        { word: "SỞ", gap: 0 },
        { word: "Y", gap: 1 },
        { word: "TẾ", gap: null },
      ],
    ]);
  });
});
