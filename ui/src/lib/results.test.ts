import { describe, expect, it } from "vitest";
import { likelyPeriod } from "./session/results.svelte";

describe("the results screen's first period", () => {
  it("is the first six months until July of the plan's year, then the year", () => {
    expect(likelyPeriod(2027, new Date(2026, 11, 20))).toBe("first_half");
    expect(likelyPeriod(2027, new Date(2027, 5, 30))).toBe("first_half");
    expect(likelyPeriod(2027, new Date(2027, 6, 1))).toBe("year");
    expect(likelyPeriod(2027, new Date(2028, 0, 10))).toBe("year");
  });
});
