// The plan open in the editor. Every change goes to the database at once
// through api.ts; this object mirrors what was saved and tells the UI whether
// the last change is saved.
import { getContext, setContext } from "svelte";
import { api, toAppError } from "./api";
import { retryWhileBusy } from "./retry";
import { flushAll, trackWrite } from "./saving";
import type {
  AppError,
  CheckReport,
  Comment,
  Deleted,
  Entity,
  FieldEdit,
  FieldValue,
  PlanChanged,
  PlanDocument,
  PlanSaved,
  PlanView,
  ReviewState,
  Stage,
  Step,
  Target,
} from "./bindings";

/** What the editor shows: a step of the plan, or one of the overviews. */
export type Section = Step | "matrix" | "timeline" | "check" | "review";

export type ActivityFilter = {
  /** A policy id, "general" for activities of no policy, or null for all. */
  policy: number | "general" | null;
  stage: Stage | null;
  channel: number | null;
};

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: number }
  | { kind: "error"; error: AppError }
  | { kind: "retrying" };

type Item = Record<string, unknown>;

/** Budget line fields whose stored form differs from what is typed. */
const NUMERIC_LINE_FIELDS = new Set(["quantity", "unitPrice", "approved"]);

/** The object in the document that an edit of (entity, id) changes. */
export function findItem(doc: PlanDocument, entity: Entity, id: number): Item | null {
  const byId = <T extends { id: number }>(list: T[]): Item | null =>
    (list.find((x) => x.id === id) as Item | undefined) ?? null;
  switch (entity) {
    case "plan":
      return doc.id === id ? (doc.fields as unknown as Item) : null;
    case "legal_basis":
      return byId(doc.legalBases);
    case "policy":
      return byId(doc.policies);
    case "policy_stage":
      for (const p of doc.policies) {
        const s = p.stages.find((x) => x.id === id);
        if (s) return s as unknown as Item;
      }
      return null;
    case "activity":
      return byId(doc.activities);
    case "focal_officer":
      return byId(doc.focalOfficers);
    case "training":
      return byId(doc.trainings);
    case "press_partner":
      return byId(doc.pressPartners);
    case "responsibility":
      return byId(doc.responsibilities);
    case "report":
      return byId(doc.reports);
    case "recipient":
      return byId(doc.recipients);
    case "channel":
      return byId(doc.channels);
    case "budget_line":
      return byId(doc.budgetLines);
    case "budget_category":
      return byId(doc.budgetCategories);
    case "funding_source":
      return byId(doc.fundingSources);
  }
}

/** How often, and how far apart, a write refused because another program holds
 * the database is tried again (each try itself waits the database's 5 s). */
const BUSY_TRIES = 12;
/** How long after the last save the checker runs again. */
const CHECK_DELAY_MS = 600;
const BUSY_PAUSE_MS = 1000;

/** Saves a field; while the database is held by another program, says so
 * (through `onBusy`) and tries again, so that nothing typed is lost. */
function editRetryingWhileBusy(edit: FieldEdit, onBusy: () => void): Promise<PlanSaved> {
  return retryWhileBusy(() => api.editField(edit), onBusy, toAppError, {
    tries: BUSY_TRIES,
    pause: () => new Promise((resolve) => setTimeout(resolve, BUSY_PAUSE_MS)),
  });
}

export class PlanSession {
  view = $state<PlanView | null>(null);
  save = $state<SaveState>({ kind: "idle" });
  failure = $state<AppError | null>(null);
  /** The last deletion, undoable until the next edit. */
  deleted = $state<Deleted | null>(null);
  /** Edits sent and not yet answered. */
  pending = $state(0);
  /** A deletion waiting for the user's confirmation. */
  confirming = $state<{ entity: Entity; id: number; what: string } | null>(null);

  /** Where the editor is. */
  section = $state<Section>("general");
  filter = $state<ActivityFilter>({ policy: null, stage: null, channel: null });
  /** The activity open for editing in the activity list. */
  expanded = $state<number | null>(null);

  /** What the directive checker says of the plan as saved; refreshed after each save. */
  report = $state<CheckReport | null>(null);
  /** A field the editor should bring into view and focus (a finding's "Sửa"). */
  focus = $state<{ entity: Entity | null; id: number | null; field: string | null } | null>(null);
  private checkTimer: ReturnType<typeof setTimeout> | null = null;

  /** Every write waits for the one before: the database sees them in the order made. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly planId: number) {}

  private enqueue<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    trackWrite(next);
    return next;
  }

  private markSaved(): void {
    this.save = { kind: "saved", at: Date.now() };
    this.scheduleCheck();
  }

  /** Runs the checker again once the writes have settled. */
  private scheduleCheck(): void {
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

  /** The reviewers' comments on the plan, oldest first. */
  comments = $state<Comment[]>([]);
  /** Why the last review action failed, if it did. */
  reviewError = $state<AppError | null>(null);

  /** The comments not yet marked done, of one step or of all. */
  openComments(step: Step | null = null): Comment[] {
    return this.comments.filter((c) => c.resolvedAt === null && (step === null || c.step === step));
  }

  get review(): ReviewState | null {
    return this.view?.review ?? null;
  }

  /** False while the plan is submitted, resubmitted or approved. */
  get editable(): boolean {
    return this.review?.editable ?? true;
  }

  async loadComments(): Promise<void> {
    try {
      this.comments = await api.listComments(this.planId);
    } catch (err) {
      this.reviewError = toAppError(err);
    }
  }

  /** Runs a review action (submit, return …), then reads the plan and its comments again. */
  async reviewAction(run: () => Promise<unknown>): Promise<boolean> {
    this.reviewError = null;
    try {
      await flushAll();
      await this.enqueue(run);
      this.view = await api.openPlan(this.planId);
      await this.loadComments();
      void this.refreshCheck();
      return true;
    } catch (err) {
      this.reviewError = toAppError(err);
      return false;
    }
  }

  /** Marks a comment dealt with (or open again). */
  async setResolved(id: number, resolved: boolean): Promise<void> {
    await this.reviewAction(() => (resolved ? api.resolveComment(id, null) : api.reopenComment(id)));
  }

  /** Takes the user to where a comment applies. */
  goToComment(c: Comment): void {
    const a = c.anchor;
    if (a.kind === "section") {
      this.section = a.step;
      return;
    }
    this.goTo({ step: c.step, entity: a.entity, id: a.id, field: a.field });
  }

  /** Takes the user to where a finding is fixed. */
  goTo(target: Target): void {
    if (target.step === "activities" && target.entity === "activity" && target.id !== null) {
      this.showActivities(null, null, target.id);
    } else {
      this.section = target.step;
    }
    this.focus = { entity: target.entity, id: target.id, field: target.field };
  }

  /** Opens the activity list filtered to one policy and stage. */
  showActivities(policy: number | "general" | null, stage: Stage | null, expand: number | null = null): void {
    this.filter = { policy, stage, channel: null };
    this.expanded = expand;
    this.section = "activities";
  }

  get doc(): PlanDocument | null {
    return this.view?.document ?? null;
  }

  async load(): Promise<void> {
    try {
      this.view = await api.openPlan(this.planId);
      this.failure = null;
      void this.refreshCheck();
      void this.loadComments();
    } catch (err) {
      this.failure = toAppError(err);
    }
  }

  /** Saves one field; gives null when it is in the database, else the error. */
  edit(entity: Entity, id: number, field: string, value: FieldValue): Promise<AppError | null> {
    this.deleted = null;
    this.pending += 1;
    this.save = { kind: "saving" };
    return this.enqueue(() => this.send(entity, id, field, value));
  }

  private async send(entity: Entity, id: number, field: string, value: FieldValue): Promise<AppError | null> {
    try {
      const saved = await editRetryingWhileBusy({ entity, id, field, value }, () => {
        this.save = { kind: "retrying" };
      });
      if (entity === "budget_line" && NUMERIC_LINE_FIELDS.has(field)) {
        // What was typed ("12.500.000", "2,5") is stored in its exact form;
        // read that back rather than keep the typed text.
        this.view = await api.openPlan(this.planId);
        this.markSaved();
        return null;
      }
      const view = this.view;
      if (view) {
        const item = findItem(view.document, entity, id);
        if (item) item[field] = value;
        view.document.updatedAt = saved.updatedAt;
        if (saved.progress.length > 0) view.progress = saved.progress;
      }
      this.markSaved();
      return null;
    } catch (err) {
      const error = toAppError(err);
      this.save = { kind: "error", error };
      return error;
    } finally {
      this.pending -= 1;
    }
  }

  private async change(run: () => Promise<PlanChanged>): Promise<PlanChanged | null> {
    this.save = { kind: "saving" };
    try {
      const changed = await this.enqueue(run);
      this.view = changed.view;
      this.markSaved();
      return changed;
    } catch (err) {
      this.save = { kind: "error", error: toAppError(err) };
      return null;
    }
  }

  /** Adds an item at the end of its list; gives its id. */
  async add(entity: Entity, policyId: number | null = null, stage: Stage | null = null): Promise<number | null> {
    this.deleted = null;
    const changed = await this.change(() =>
      api.addItem({ entity, planId: this.planId, policyId, stage }),
    );
    return changed?.addedId ?? null;
  }

  async remove(entity: Entity, id: number): Promise<void> {
    const changed = await this.change(() => api.deleteItem(entity, id));
    this.deleted = changed?.deleted ?? null;
  }

  /** Asks before deleting; `what` names the item in the question. */
  askDelete(entity: Entity, id: number, what: string): void {
    this.confirming = { entity, id, what };
  }

  async confirmDelete(): Promise<void> {
    const c = this.confirming;
    this.confirming = null;
    if (c) await this.remove(c.entity, c.id);
  }

  async move(entity: Entity, id: number, toIndex: number): Promise<void> {
    this.deleted = null;
    await this.change(() => api.moveItem(entity, id, toIndex));
  }

  /** Copies a budget line below itself. */
  async duplicateLine(lineId: number): Promise<void> {
    this.deleted = null;
    this.save = { kind: "saving" };
    try {
      this.view = await this.enqueue(async () => {
        await api.duplicateBudgetLine(lineId);
        return api.openPlan(this.planId);
      });
      this.markSaved();
    } catch (err) {
      this.save = { kind: "error", error: toAppError(err) };
    }
  }

  async undo(): Promise<void> {
    const deleted = this.deleted;
    this.deleted = null;
    if (!deleted) return;
    this.save = { kind: "saving" };
    try {
      this.view = await this.enqueue(async () => {
        await api.undoDelete(deleted.trashId);
        return api.openPlan(this.planId);
      });
      this.markSaved();
    } catch (err) {
      this.save = { kind: "error", error: toAppError(err) };
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
