// Pure helpers over activities, shared by the list, the matrix and the timeline.
import type { Activity } from "./bindings";
import type { ActivityFilter } from "./session/navigation.svelte";

export function filterActivities(activities: Activity[], f: ActivityFilter): Activity[] {
  return activities.filter(
    (a) =>
      (f.policy === null || (f.policy === "general" ? a.policyId === null : a.policyId === f.policy)) &&
      (f.stage === null || a.stage === f.stage) &&
      (f.channel === null || a.channelId === f.channel),
  );
}

/** The activities of each (policy, stage) cell, in the plan's order, keyed as [`cellKey`]. */
export function activitiesByCell(activities: Activity[]): Map<string, Activity[]> {
  const m = new Map<string, Activity[]>();
  for (const a of activities) {
    const key = cellKey(a.policyId, a.stage);
    const list = m.get(key);
    if (list) list.push(a);
    else m.set(key, [a]);
  }
  return m;
}

export function cellKey(policyId: number | null, stage: string | null): string {
  return `${policyId ?? "general"}:${stage ?? "none"}`;
}

/** Policy names by id; an untitled policy is named by `untitled(n)`. */
export function policyNames(
  policies: { id: number; title: string }[],
  untitled: (n: number) => string,
): Map<number, string> {
  return new Map(policies.map((p, i) => [p.id, p.title || untitled(i + 1)]));
}
