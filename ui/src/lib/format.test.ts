import { describe, expect, it } from "vitest";
import { formatDate } from "./format";

describe("formatDate", () => {
  it("writes dd/mm/yyyy with leading zeros", () => {
    expect(formatDate("2027-01-05T10:00:00")).toBe("05/01/2027");
    expect(formatDate("2026-11-26T08:30:00")).toBe("26/11/2026");
  });
  it("gives nothing for an unreadable timestamp", () => {
    expect(formatDate("not a date")).toBe("");
  });
});

describe("stored dates", () => {
  it("are shown dd/mm/yyyy", async () => {
    const { displayDate } = await import("./format");
    expect(displayDate("2027-03-15")).toBe("15/03/2027");
    expect(displayDate("")).toBe("");
  });
});
