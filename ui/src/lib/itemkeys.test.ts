import { describe, expect, it } from "vitest";
import { enterOpens, itemKeyAction } from "./itemkeys";

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

describe("enterOpens", () => {
  it("opens the row on Enter, and on no other key", () => {
    let opened = 0;
    let prevented = 0;
    const press = (k: string) =>
      enterOpens({ key: k, preventDefault: () => (prevented += 1) } as unknown as KeyboardEvent, () => (opened += 1));
    press("Tab");
    press(" ");
    expect(opened).toBe(0);
    press("Enter");
    expect(opened).toBe(1);
    expect(prevented).toBe(1);
  });
});
