// What the first screen shows is asked of Rust as soon as the page's script
// starts, before the page is built: the app's status and the plan list. The
// web view then builds and lays out the page while Rust answers, instead of
// asking only once the page is up. Each answer is taken once, by the first
// read of it; any later read asks again, so nothing read before a change
// (a restored backup, a recovered database, an opened plan file) is shown
// after it.
import { api } from "./api";
import type { AppStatus, PlanSummary } from "./bindings";

let status: Promise<AppStatus> | null = api.appStatus();
let plans: Promise<PlanSummary[]> | null = api.listPlans();
// Whoever takes an answer handles its failure; one never taken is not an error.
status.catch(() => undefined);
plans.catch(() => undefined);

/** The app's status: the one asked for at start, the first time. */
export function readStatus(): Promise<AppStatus> {
  const first = status;
  status = null;
  return first ?? api.appStatus();
}

/** The plan list: the one asked for at start, the first time. */
export function readPlans(): Promise<PlanSummary[]> {
  const first = plans;
  plans = null;
  return first ?? api.listPlans();
}

/** Drops the plan list asked for at start: what it was read from changed
 * before it was shown (a database to recover first). */
export function forgetStartPlans(): void {
  plans = null;
}
