import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Opened } from "./bindings";

const log: string[] = [];
const answers = new Map<string, Opened | { code: "validation"; message: string }>();

vi.mock("./api", () => ({
  api: {
    openPlanFileAt: async (path: string) => {
      log.push(`open ${path}`);
      const answer = answers.get(path);
      if (!answer || !("outcome" in answer)) throw answer;
      return answer;
    },
    openPlanFile: async () => {
      log.push("dialog");
      return null;
    },
    pendingPlanFiles: async () => ["given.khtt"],
  },
  toAppError: (err: unknown) => err,
}));

const { PlanFiles } = await import("./planfiles.svelte");
const { holdUnsent, releaseUnsent } = await import("./saving");

function opened(planId: number, message: string): Opened {
  return {
    outcome: "received",
    plan: {
      id: planId,
      unitId: 1,
      unitName: "Sở Nông nghiệp và Môi trường",
      year: 2027,
      status: "submitted",
      title: "Kế hoạch",
      updatedAt: "2027-01-05T00:00:00Z",
      received: true,
    } as Opened["plan"],
    revision: 1,
    comments: 0,
    message,
  };
}

describe("PlanFiles", () => {
  beforeEach(() => {
    log.length = 0;
    answers.clear();
  });

  it("opens dropped files one after another and says what the last one did", async () => {
    answers.set("a.khtt", opened(7, "Đã nhận kế hoạch A."));
    answers.set("b.khtt", opened(9, "Đã nhận kế hoạch B."));
    const files = new PlanFiles();
    await files.openPaths(["a.khtt", "b.khtt"]);
    expect(log).toEqual(["open a.khtt", "open b.khtt"]);
    expect(files.opened.value?.message).toBe("Đã nhận kế hoạch B.");
    expect(files.changes).toBe(2);
    expect(files.lastPlanId).toBe(9);
    files.opened.close();
  });

  it("says why a file was refused, forgets the one before, and still opens the next", async () => {
    answers.set("good.khtt", opened(3, "Đã nhận."));
    answers.set("bad.khtt", { code: "validation", message: "Tệp bị cắt cụt." });
    const files = new PlanFiles();
    await files.openPaths(["good.khtt", "bad.khtt"]);
    expect(files.action.failure?.message).toBe("Tệp bị cắt cụt.");
    expect(files.opened.value).toBeNull();
    expect(files.changes).toBe(1);
    await files.openPaths(["good.khtt"]);
    expect(files.action.failure).toBeNull();
    expect(files.changes).toBe(2);
    files.opened.close();
  });

  it("changes nothing when the dialog is cancelled", async () => {
    const files = new PlanFiles();
    await files.openChosen();
    expect(log).toEqual(["dialog"]);
    expect(files.changes).toBe(0);
    expect(files.action.failure).toBeNull();
  });

  it("sends what was typed before a file lands on the plan", async () => {
    answers.set("given.khtt", opened(5, "Kế hoạch bị trả lại."));
    const flush = async () => {
      log.push("typed text sent");
      releaseUnsent(flush);
    };
    holdUnsent(flush);
    const files = new PlanFiles();
    await files.openPending();
    expect(log).toEqual(["typed text sent", "open given.khtt"]);
    files.opened.close();
  });
});
