import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Notice } from "./notice.svelte";

describe("Notice", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("goes away by itself after its time", () => {
    const n = new Notice<string>(1000);
    n.show("Đã lưu tệp");
    vi.advanceTimersByTime(999);
    expect(n.value).toBe("Đã lưu tệp");
    vi.advanceTimersByTime(1);
    expect(n.value).toBeNull();
  });

  it("stays while held and goes its time after being left", () => {
    const n = new Notice<string>(1000);
    n.show("Đã lưu tệp");
    n.hold();
    vi.advanceTimersByTime(5000);
    expect(n.value).toBe("Đã lưu tệp");
    n.release();
    vi.advanceTimersByTime(1000);
    expect(n.value).toBeNull();
  });

  it("a second notice gets its own full time", () => {
    const n = new Notice<string>(1000);
    n.show("a");
    vi.advanceTimersByTime(800);
    n.show("b");
    vi.advanceTimersByTime(800);
    expect(n.value).toBe("b");
    vi.advanceTimersByTime(200);
    expect(n.value).toBeNull();
  });
});
