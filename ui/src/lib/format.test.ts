import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./format";

describe("formatDate", () => {
  it("writes dd/mm/yyyy with leading zeros", () => {
    expect(formatDate("2027-01-05T10:00:00Z")).toBe("05/01/2027");
    expect(formatDate("2026-11-26T08:30:00+07:00")).toBe("26/11/2026");
  });
  it("shows a moment in Vietnam's time, as the documents print it", () => {
    // As core::dates::moment_vi: the evening in UTC is the next morning in Vietnam.
    expect(formatDateTime("2026-11-26T20:05:12.345Z")).toBe("27/11/2026 03:05");
    expect(formatDateTime("2026-11-26T08:00:00+07:00")).toBe("26/11/2026 08:00");
    expect(formatDateTime("không rõ")).toBe("");
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
