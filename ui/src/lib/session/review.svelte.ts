// What the directive checker and the reviewers say of the open plan: the
// check's counts (run again after each save; its findings too while the
// check's page is shown, a large plan having thousands), the comments, and the review
// actions (submit, return, resubmit, approve) with their outcome.
import { api, toAppError } from "../api";
import type { AppError, CheckCounts, CheckReport, Comment, PlanView, ReviewState, Step } from "../bindings";
import { flushAll } from "../saving";
import type { ViewHolder } from "./writes.svelte";

/** How long after the last save the checker runs again. */
const CHECK_DELAY_MS = 600;

export class ReviewSession {
  /** How many findings the checker has of the plan as saved, per step. */
  counts = $state.raw<CheckCounts | null>(null);
  /** The findings themselves, read only while the check's page is shown.
   *  Both are replaced whole, never changed in place: kept raw, a report of
   *  thousands of findings is not made deeply reactive. */
  report = $state.raw<CheckReport | null>(null);
  /** The pages showing the findings now. */
  private findingsShown = 0;
  /** Each check asked for; only the last one's answer is kept. */
  private asked = 0;
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

  /** The findings are read while a page shows them (call from an effect:
   * gives what ends it). */
  showFindings(): () => void {
    this.findingsShown += 1;
    void this.refreshCheck();
    return () => {
      this.findingsShown -= 1;
      if (this.findingsShown === 0) this.report = null;
    };
  }

  async refreshCheck(): Promise<void> {
    const ticket = ++this.asked;
    try {
      if (this.findingsShown > 0) {
        const report = await api.checkPlan(this.planId);
        if (ticket !== this.asked) return;
        const { blocking, warnings, advice, perStep } = report;
        // The page may have closed meanwhile: then its findings are not kept.
        if (this.findingsShown > 0) this.report = report;
        this.counts = { blocking, warnings, advice, perStep };
      } else {
        const counts = await api.checkCounts(this.planId);
        if (ticket === this.asked) this.counts = counts;
      }
    } catch {
      // The checker is advice; the editor works without it.
      if (ticket === this.asked) {
        this.report = null;
        this.counts = null;
      }
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
