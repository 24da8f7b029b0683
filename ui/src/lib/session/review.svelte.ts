// What the directive checker and the reviewers say of the open plan: the
// check report (run again after each save), the comments, and the review
// actions (submit, return, resubmit, approve) with their outcome.
import { api, toAppError } from "../api";
import type { AppError, CheckReport, Comment, PlanView, ReviewState, Step } from "../bindings";
import { flushAll } from "../saving";
import type { ViewHolder } from "./writes.svelte";

/** How long after the last save the checker runs again. */
const CHECK_DELAY_MS = 600;

export class ReviewSession {
  /** What the directive checker says of the plan as saved. */
  report = $state<CheckReport | null>(null);
  /** The reviewers' comments on the plan, oldest first. */
  comments = $state<Comment[]>([]);
  /** Why the last review action failed, if it did. */
  error = $state<AppError | null>(null);
  private checkTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly planId: number,
    private readonly holder: ViewHolder,
    /** Runs a write after those already queued. */
    private readonly enqueue: <T>(run: () => Promise<T>) => Promise<T>,
  ) {}

  /** Where the plan stands, and what may be done now (decided by Rust). */
  get state(): ReviewState | null {
    return this.holder.view?.review ?? null;
  }

  /** Runs the checker again once the writes have settled. */
  scheduleCheck(): void {
    if (this.checkTimer !== null) clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => {
      this.checkTimer = null;
      void this.refreshCheck();
    }, CHECK_DELAY_MS);
  }

  async refreshCheck(): Promise<void> {
    try {
      this.report = await api.checkPlan(this.planId);
    } catch {
      // The checker is advice; the editor works without it.
      this.report = null;
    }
  }

  /** The comments not yet marked done, of one step or of all. */
  openComments(step: Step | null = null): Comment[] {
    return this.comments.filter((c) => c.resolvedAt === null && (step === null || c.step === step));
  }

  async loadComments(): Promise<void> {
    try {
      this.comments = await api.listComments(this.planId);
    } catch (err) {
      this.error = toAppError(err);
    }
  }

  /** Runs a review action (submit, a comment …), then reads the plan and its comments again. */
  async act(run: () => Promise<unknown>): Promise<boolean> {
    this.error = null;
    try {
      await flushAll();
      await this.enqueue(run);
      const view: PlanView = await api.openPlan(this.planId);
      this.holder.view = view;
      await this.loadComments();
      void this.refreshCheck();
      return true;
    } catch (err) {
      this.error = toAppError(err);
      return false;
    }
  }

  /** Marks a comment dealt with (or open again). */
  async setResolved(id: number, resolved: boolean): Promise<void> {
    await this.act(() => (resolved ? api.resolveComment(id, null) : api.reopenComment(id)));
  }
}
