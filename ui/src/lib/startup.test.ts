import { describe, expect, it, vi } from "vitest";
import type { AppStatus, PlanSummary } from "./bindings";

const asked: string[] = [];
let plansAnswer: () => Promise<PlanSummary[]> = async () => [];

function status(readOnly: boolean): AppStatus {
  return { readOnly, databasePath: "", notice: null, version: "0", recovery: null } as unknown as AppStatus;
}

vi.mock("./api", () => ({
  api: {
    appStatus: async () => {
      asked.push("app_status");
      return status(asked.filter((c) => c === "app_status").length > 1);
    },
    listPlans: () => {
      asked.push("list_plans");
      return plansAnswer();
    },
  },
}));

describe("what the first screen shows, asked for at start", () => {
  it("asks once as the script starts; the first read takes that answer, later reads ask again", async () => {
    plansAnswer = () => Promise.reject({ code: "damaged", message: "Tệp dữ liệu bị hỏng." });
    const { readStatus, readPlans } = await import("./startup");
    expect(asked).toEqual(["app_status", "list_plans"]);

    // The first status is the one asked at start; the next is asked anew.
    expect((await readStatus()).readOnly).toBe(false);
    expect(asked).toEqual(["app_status", "list_plans"]);
    expect((await readStatus()).readOnly).toBe(true);
    expect(asked).toEqual(["app_status", "list_plans", "app_status"]);

    // A failure at start is the first reader's to show, then the list is asked again.
    await expect(readPlans()).rejects.toMatchObject({ code: "damaged" });
    plansAnswer = async () => [{ id: 7 } as PlanSummary];
    expect(await readPlans()).toEqual([{ id: 7 }]);
    expect(asked).toEqual(["app_status", "list_plans", "app_status", "list_plans"]);
  });

  it("drops the list asked at start when told it is stale (a database recovered first)", async () => {
    vi.resetModules();
    asked.length = 0;
    plansAnswer = async () => [{ id: 1 } as PlanSummary];
    const { readPlans, forgetStartPlans } = await import("./startup");
    plansAnswer = async () => [{ id: 2 } as PlanSummary];
    forgetStartPlans();
    expect(await readPlans()).toEqual([{ id: 2 }]);
    expect(asked).toEqual(["app_status", "list_plans", "list_plans"]);
  });

  it("lets the page be built once both answers have come, or after the most it waits", async () => {
    vi.resetModules();
    vi.useFakeTimers();
    try {
      let answerPlans: (plans: PlanSummary[]) => void = () => undefined;
      plansAnswer = () => new Promise((resolve) => (answerPlans = resolve));
      const { startAnswered, readPlans } = await import("./startup");
      let built = false;
      void startAnswered(300).then(() => (built = true));
      await vi.advanceTimersByTimeAsync(10);
      expect(built).toBe(false); // the plan list has not come
      answerPlans([{ id: 3 } as PlanSummary]);
      await vi.advanceTimersByTimeAsync(0);
      expect(built).toBe(true);
      expect(await readPlans()).toEqual([{ id: 3 }]);

      // A list that does not come holds the page back no longer than the most.
      vi.resetModules();
      plansAnswer = () => new Promise<PlanSummary[]>(() => undefined);
      const late = await import("./startup");
      let builtLate = false;
      void late.startAnswered(300).then(() => (builtLate = true));
      await vi.advanceTimersByTimeAsync(299);
      expect(builtLate).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(builtLate).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
