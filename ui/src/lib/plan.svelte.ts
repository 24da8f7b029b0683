// The plan open in the editor, in three parts: the writes (one queue, the
// save state, undo), where the editor is, and the check and review. Every
// change goes to the database at once; `view` mirrors what was saved, with
// what Rust decided about it (progress, signature block, months, review).
import { getContext, setContext } from "svelte";
import { api, toAppError } from "./api";
import type { AppError, PlanDocument, PlanView } from "./bindings";
import { Navigation } from "./session/navigation.svelte";
import { ReviewSession } from "./session/review.svelte";
import { PlanWrites } from "./session/writes.svelte";

export type { ActivityFilter, Section } from "./session/navigation.svelte";
export type { SaveState } from "./session/writes.svelte";
export { findItem } from "./session/writes.svelte";

export class PlanSession {
  view = $state<PlanView | null>(null);
  /** Why the plan could not be opened, if it could not. */
  failure = $state<AppError | null>(null);
  readonly nav = new Navigation();
  readonly writes: PlanWrites;
  readonly review: ReviewSession;

  constructor(readonly planId: number) {
    this.writes = new PlanWrites(planId, this, () => this.review.scheduleCheck());
    this.review = new ReviewSession(planId, this, (run) => this.writes.enqueue(run));
  }

  get doc(): PlanDocument | null {
    return this.view?.document ?? null;
  }

  /** False while the plan is submitted, resubmitted or approved. */
  get editable(): boolean {
    return this.view?.review.editable ?? true;
  }

  async load(): Promise<void> {
    try {
      this.view = await api.openPlan(this.planId);
      this.failure = null;
      void this.review.refreshCheck();
      void this.review.loadComments();
    } catch (err) {
      this.failure = toAppError(err);
    }
  }
}

const KEY = Symbol("plan-session");

export function providePlan(session: PlanSession): void {
  setContext(KEY, session);
}

export function usePlan(): PlanSession {
  const session = getContext<PlanSession | undefined>(KEY);
  if (!session) throw new Error("usePlan() outside the plan editor");
  return session;
}
