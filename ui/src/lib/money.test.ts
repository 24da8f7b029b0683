import { describe, expect, it } from "vitest";
import {
  formatDifference,
  formatMoney,
  formatQuantity,
  lineAmount,
  parseMoney,
  parseQuantity,
} from "./money";

describe("money", () => {
  it("is shown with dots between thousands", () => {
    expect(formatMoney("12500000")).toBe("12.500.000 đ");
    expect(formatMoney("0")).toBe("0 đ");
    expect(formatMoney("999999999999999")).toBe("999.999.999.999.999 đ");
    expect(formatDifference("-1500000")).toBe("−1.500.000 đ");
    expect(formatDifference("2000")).toBe("+2.000 đ");
  });

  it("is read exactly, beyond what a JavaScript number holds", () => {
    expect(parseMoney("12.500.000")).toBe(12500000n);
    expect(parseMoney("12500000")).toBe(12500000n);
    expect(parseMoney("999.999.999.999.999")).toBe(999999999999999n);
    expect(parseMoney("12,5")).toBeNull();
    expect(parseMoney("1.5")).toBeNull();
    expect(parseMoney("-5")).toBeNull();
  });

  it("rounds a line's amount half up like the database side", () => {
    expect(lineAmount(parseQuantity("2,5") ?? 0n, 3n)).toBe(8n);
    expect(lineAmount(parseQuantity("0,01") ?? 0n, 49n)).toBe(0n);
    expect(lineAmount(parseQuantity("12") ?? 0n, 2500000n)).toBe(30000000n);
  });

  it("shows quantities with a decimal comma", () => {
    expect(formatQuantity(250)).toBe("2,5");
    expect(formatQuantity(225)).toBe("2,25");
    expect(formatQuantity(100000)).toBe("1.000");
    expect(parseQuantity("1.000,5")).toBe(100050n);
    expect(parseQuantity("2,555")).toBeNull();
  });
});
