import { describe, expect, it } from "vitest";
import type { Activity } from "./bindings";
import { activitiesByCell, cellKey, filterActivities } from "./activities";

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

describe("activitiesByCell", () => {
  it("groups activities by policy and stage, in the plan's order", () => {
    const list: Activity[] = [
      { ...base, id: 1, policyId: 7, stage: "drafting" },
      { ...base, id: 2, policyId: 7, stage: "implementation" },
      { ...base, id: 3, policyId: 7, stage: "drafting" },
      { ...base, id: 4, policyId: null, stage: null },
    ];
    const cells = activitiesByCell(list);
    expect(cells.get(cellKey(7, "drafting"))?.map((a) => a.id)).toEqual([1, 3]);
    expect(cells.get(cellKey(7, "implementation"))?.map((a) => a.id)).toEqual([2]);
    expect(cells.get(cellKey(null, null))?.map((a) => a.id)).toEqual([4]);
    expect(cells.get(cellKey(7, "promulgation"))).toBeUndefined();
  });
});
