import { describe, expect, it } from "vitest";
import type { AppError } from "./bindings";
import { retryWhileBusy } from "./retry";

const busy: AppError = { code: "busy", message: "Cơ sở dữ liệu đang bị một chương trình khác giữ." };
const asError = (err: unknown) => err as AppError;
const instant = { tries: 5, pause: () => Promise.resolve() };

describe("retryWhileBusy", () => {
  it("tries again while the database is busy, then gives the saved result", async () => {
    let calls = 0;
    const told: string[] = [];
    const result = await retryWhileBusy(
      () => {
        calls += 1;
        return calls < 3 ? Promise.reject(busy) : Promise.resolve("đã lưu");
      },
      (e) => told.push(e.code),
      asError,
      instant,
    );
    expect(result).toBe("đã lưu");
    expect(calls).toBe(3);
    expect(told).toEqual(["busy", "busy"]);
  });

  it("does not retry a refusal that is not about a busy file", async () => {
    let calls = 0;
    const invalid: AppError = { code: "validation", message: "Số tiền không được âm." };
    await expect(
      retryWhileBusy(
        () => {
          calls += 1;
          return Promise.reject(invalid);
        },
        () => undefined,
        asError,
        instant,
      ),
    ).rejects.toBe(invalid);
    expect(calls).toBe(1);
  });

  it("gives up after the last try with the busy error", async () => {
    let calls = 0;
    await expect(
      retryWhileBusy(
        () => {
          calls += 1;
          return Promise.reject(busy);
        },
        () => undefined,
        asError,
        instant,
      ),
    ).rejects.toBe(busy);
    expect(calls).toBe(5);
  });
});
