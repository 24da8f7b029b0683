// Pure helpers over activities, shared by the list, the matrix and the timeline.
import type { Activity } from "./bindings";
import type { ActivityFilter } from "./plan.svelte";

export function filterActivities(activities: Activity[], f: ActivityFilter): Activity[] {
  return activities.filter(
    (a) =>
      (f.policy === null || (f.policy === "general" ? a.policyId === null : a.policyId === f.policy)) &&
      (f.stage === null || a.stage === f.stage) &&
      (f.channel === null || a.channelId === f.channel),
  );
}

/**
 * The months of `year` an activity runs in: its chosen months, or else the
 * months its dates span within that year.
 */
export function activeMonths(a: Activity, year: number): number[] {
  if (a.months.length > 0) return a.months;
  const start = parse(a.startDate);
  if (!start) return [];
  const end = parse(a.endDate) ?? start;
  const from = start.y < year ? 1 : start.y > year ? 13 : start.m;
  const to = end.y > year ? 12 : end.y < year ? 0 : end.m;
  const out: number[] = [];
  for (let m = from; m <= to; m++) out.push(m);
  return out;
}

function parse(iso: string): { y: number; m: number } | null {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(iso);
  return m ? { y: Number(m[1]), m: Number(m[2]) } : null;
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
