import { describe, expect, it } from "vitest";
import { itemKeyAction } from "./itemkeys";

const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe("itemKeyAction", () => {
  it("reads Alt+↑, Alt+↓ and Alt+Delete", () => {
    expect(itemKeyAction(key("ArrowUp", { altKey: true }))).toBe("up");
    expect(itemKeyAction(key("ArrowDown", { altKey: true }))).toBe("down");
    expect(itemKeyAction(key("Delete", { altKey: true }))).toBe("remove");
  });

  it("leaves the keys of typing alone", () => {
    expect(itemKeyAction(key("ArrowUp"))).toBeNull();
    expect(itemKeyAction(key("Delete"))).toBeNull();
    expect(itemKeyAction(key("Delete", { ctrlKey: true }))).toBeNull();
    expect(itemKeyAction(key("Delete", { altKey: true, shiftKey: true }))).toBeNull();
    expect(itemKeyAction(key("a", { altKey: true }))).toBeNull();
  });
});
