import { describe, expect, it } from "vitest";
import type { Activity } from "./bindings";
import { filterActivities } from "./activities";

const base: Activity = {
  id: 1, policyId: null, stage: null, content: "", channelId: null, audience: "", leadUnit: "",
  coordinatingUnits: "", months: [], startDate: "", endDate: "", expectedOutput: "", target: "",
};

describe("filterActivities", () => {
  const list: Activity[] = [
    { ...base, id: 1, policyId: 7, stage: "drafting", channelId: 2 },
    { ...base, id: 2, policyId: 7, stage: "implementation", channelId: 3 },
    { ...base, id: 3, policyId: null, stage: null, channelId: 2 },
  ];
  it("filters by policy, stage and channel together", () => {
    const ids = (f: Parameters<typeof filterActivities>[1]) => filterActivities(list, f).map((a) => a.id);
    expect(ids({ policy: null, stage: null, channel: null })).toEqual([1, 2, 3]);
    expect(ids({ policy: 7, stage: null, channel: null })).toEqual([1, 2]);
    expect(ids({ policy: "general", stage: null, channel: null })).toEqual([3]);
    expect(ids({ policy: 7, stage: "drafting", channel: null })).toEqual([1]);
    expect(ids({ policy: null, stage: null, channel: 2 })).toEqual([1, 3]);
  });
});
