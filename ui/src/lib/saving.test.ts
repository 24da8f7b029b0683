import { describe, expect, it } from "vitest";
import { flushAll, holdUnsent, releaseUnsent, trackWrite } from "./saving";

describe("flushAll", () => {
  it("sends what is unsent and waits for every write", async () => {
    const log: string[] = [];
    let finish: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => {
      finish = () => {
        log.push("written");
        resolve();
      };
    });
    trackWrite(slow);
    const flush = async () => {
      log.push("sent");
      releaseUnsent(flush);
    };
    holdUnsent(flush);
    const done = flushAll().then(() => log.push("closed"));
    await Promise.resolve();
    expect(log).toEqual(["sent"]);
    finish();
    await done;
    expect(log).toEqual(["sent", "written", "closed"]);
  });

  it("does not wait on a write that failed", async () => {
    trackWrite(Promise.reject(new Error("disk full")));
    await expect(flushAll()).resolves.toBeUndefined();
  });
});
