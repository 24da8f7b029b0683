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

/** Activities per (policy, stage) cell, keyed "policyId|general:stage|none". */
export function countByCell(activities: Activity[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const a of activities) {
    const key = cellKey(a.policyId, a.stage);
    m.set(key, (m.get(key) ?? 0) + 1);
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
