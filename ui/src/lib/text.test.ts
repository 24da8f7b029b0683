import { describe, expect, it } from "vitest";
import { shortLabel } from "./text";

describe("shortLabel", () => {
  it("keeps a short text and puts a long one on one cut line", () => {
    expect(shortLabel("Họp báo  quý I")).toBe("Họp báo quý I");
    expect(shortLabel("dòng 1\ndòng 2", 80)).toBe("dòng 1 dòng 2");
    const cut = shortLabel("Tổ chức hội nghị đối thoại với doanh nghiệp", 20);
    expect(cut).toBe("Tổ chức hội nghị đố…");
    expect(cut.length).toBe(20);
  });
});
