import { describe, expect, it } from "vitest";
import { en } from "./en";
import { vi } from "./vi";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogs", () => {
  it("have the same keys in vi and en", () => {
    const viKeys = Object.keys(vi).sort();
    const enKeys = Object.keys(en).sort();
    expect(enKeys.filter((k) => !viKeys.includes(k))).toEqual([]);
    expect(viKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it("have no empty message and the same placeholders in both", () => {
    for (const [key, text] of Object.entries(vi)) {
      const other = en[key as keyof typeof vi];
      expect(text.trim(), key).not.toBe("");
      expect(other.trim(), key).not.toBe("");
      expect(placeholders(other), key).toEqual(placeholders(text));
    }
  });

  it("writes Vietnamese with its diacritics, composed (NFC)", () => {
    for (const [key, text] of Object.entries(vi)) {
      expect(text, key).toBe(text.normalize("NFC"));
    }
    expect(vi["plans.empty.title"]).toBe("Chưa có kế hoạch nào");
  });
});
