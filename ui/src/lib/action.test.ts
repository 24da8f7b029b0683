import { beforeEach, describe, expect, it, vi } from "vitest";
import { Action } from "./action.svelte";

describe("Action", () => {
  beforeEach(() => {
    // An unexpected failure is logged for developers; keep the test output clean.
    vi.spyOn(console, "error").mockImplementation(() => undefined);
  });

  it("is busy while its work runs and gives the work's result", async () => {
    const action = new Action();
    let release: (value: number) => void = () => undefined;
    const running = action.run(() => new Promise<number>((resolve) => (release = resolve)));
    expect(action.busy).toBe(true);
    release(7);
    expect(await running).toBe(7);
    expect(action.busy).toBe(false);
    expect(action.failure).toBeNull();
  });

  it("keeps a refusal from Rust as it is, and any other failure as an AppError", async () => {
    const action = new Action();
    const refused = { code: "validation", message: "Hãy nhập tên đơn vị." } as const;
    expect(await action.run(() => Promise.reject(refused))).toBeUndefined();
    expect(action.failure).toEqual(refused);
    expect(action.busy).toBe(false);

    await action.run(() => Promise.reject(new TypeError("boom")));
    expect(action.failure?.code).toBe("internal");
    expect(action.failure?.message).toContain("lỗi ngoài dự kiến");
  });

  it("forgets the last failure when the next run starts or when dismissed", async () => {
    const action = new Action();
    await action.run(() => Promise.reject(new Error("x")));
    expect(action.failure).not.toBeNull();
    await action.run(() => Promise.resolve(1));
    expect(action.failure).toBeNull();
    await action.run(() => Promise.reject(new Error("y")));
    action.dismiss();
    expect(action.failure).toBeNull();
  });
});
