// Every write of the open plan (field edit, add, delete, move, duplicate,
// undo) goes through one queue, so the database sees them in the order they
// were made; this object also says whether the last change is saved.
import { SvelteSet } from "svelte/reactivity";
import { api, toAppError } from "../api";
import { retryWhileBusy } from "../retry";
import { trackWrite } from "../saving";
import type {
  AppError,
  Deleted,
  Entity,
  FieldEdit,
  FieldValue,
  PlanChanged,
  PlanDocument,
  PlanSaved,
  PlanView,
  RefItem,
  Stage,
} from "../bindings";

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: number }
  | { kind: "error"; error: AppError }
  | { kind: "retrying" };

/** What the writes read and replace: the plan as the editor shows it. */
export interface ViewHolder {
  view: PlanView | null;
}

type Item = Record<string, unknown>;

/** How often, and how far apart, a write refused because another program holds
 * the database is tried again (each try itself waits the database's 5 s). */
const BUSY_TRIES = 12;
const BUSY_PAUSE_MS = 1000;

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
    case "objective":
      return byId(doc.objectives);
  }
}

/** Saves a field; while the database is held by another program, says so
 * (through `onBusy`) and tries again, so that nothing typed is lost. */
function editRetryingWhileBusy(edit: FieldEdit, onBusy: () => void): Promise<PlanSaved> {
  return retryWhileBusy(() => api.editField(edit), onBusy, toAppError, {
    tries: BUSY_TRIES,
    pause: () => new Promise((resolve) => setTimeout(resolve, BUSY_PAUSE_MS)),
  });
}

/** Puts what an edit changed into the view shown: the value as stored (a
 * budget line's amounts as Rust stored and worked them out, not as typed),
 * and what Rust decided again (progress, signature block, months). */
function applySaved(view: PlanView, saved: PlanSaved, entity: Entity, id: number, field: string) {
  const item = findItem(view.document, entity, id);
  if (item && saved.line) Object.assign(item, saved.line);
  else if (item) item[field] = saved.value;
  view.document.updatedAt = saved.updatedAt;
  if (saved.progress.length > 0) view.progress = saved.progress;
  view.signature = saved.signature;
  view.months = saved.months;
}

export class PlanWrites {
  save = $state<SaveState>({ kind: "idle" });
  /** Edits sent and not yet answered. */
  pending = $state(0);
  /** The last deletion, undoable until the next edit. */
  deleted = $state<Deleted | null>(null);
  /** Fields whose typed value was refused and is not saved, as "entity.id.field". */
  readonly refused = new SvelteSet<string>();
  /** What the indicator showed before the last edit was sent. */
  private settled: SaveState = { kind: "idle" };
  /** A deletion waiting for the user's confirmation. */
  confirming = $state<{ entity: Entity; id: number; what: string } | null>(null);

  /** Every write waits for the one before. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly planId: number,
    private readonly holder: ViewHolder,
    private readonly onSaved: () => void,
  ) {}

  /** Runs `run` after every write made before it. */
  enqueue<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    trackWrite(next);
    return next;
  }

  private markSaved(): void {
    this.save = { kind: "saved", at: Date.now() };
    this.settled = this.save;
    this.onSaved();
  }

  /** A field shows its saved value again: what it refused is gone. */
  clearRefusal(entity: Entity, id: number, field: string): void {
    this.refused.delete(`${entity}.${id}.${field}`);
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
      if (this.holder.view) applySaved(this.holder.view, saved, entity, id, field);
      this.refused.delete(`${entity}.${id}.${field}`);
      this.markSaved();
      return null;
    } catch (err) {
      const error = toAppError(err);
      if (error.code === "validation") {
        // A refused value is the field's to say; the plan is as it was.
        this.refused.add(`${entity}.${id}.${field}`);
        this.save = this.settled;
      } else {
        this.save = { kind: "error", error };
      }
      return error;
    } finally {
      this.pending -= 1;
    }
  }

  /** Runs a write that is not a field of the plan (what was done of an
   * approved plan): queued, counted and shown as saved like an edit. A refused
   * value is its field's to say, counted among the refused as `key`. */
  async other<T>(key: string, run: () => Promise<T>): Promise<{ value: T } | { error: AppError }> {
    this.deleted = null;
    this.pending += 1;
    this.save = { kind: "saving" };
    try {
      const value = await this.enqueue(run);
      this.refused.delete(key);
      this.markSaved();
      return { value };
    } catch (err) {
      const error = toAppError(err);
      if (error.code === "validation") {
        this.refused.add(key);
        this.save = this.settled;
      } else {
        this.save = { kind: "error", error };
      }
      return { error };
    } finally {
      this.pending -= 1;
    }
  }

  /** Runs a change that gives the whole plan back (add, delete, move, duplicate,
   * undo); like an edit, it counts as pending until it is written. */
  private async change(run: () => Promise<PlanChanged>): Promise<PlanChanged | null> {
    this.pending += 1;
    this.save = { kind: "saving" };
    try {
      const changed = await this.enqueue(run);
      this.holder.view = changed.view;
      this.markSaved();
      return changed;
    } catch (err) {
      this.save = { kind: "error", error: toAppError(err) };
      return null;
    } finally {
      this.pending -= 1;
    }
  }

  /** Adds an item at the end of its list; gives its id. */
  async add(entity: Entity, policyId: number | null = null, stage: Stage | null = null): Promise<number | null> {
    this.deleted = null;
    const changed = await this.change(() => api.addItem({ entity, planId: this.planId, policyId, stage }));
    return changed?.addedId ?? null;
  }

  /** Adds an entry to a shared list (a channel …) from inside the plan, then
   * reads the plan again, whose lists now hold it. Gives the entry, or why it
   * was refused (a name the list has already); a refusal changes nothing. */
  async addReference(entity: Entity, name: string): Promise<RefItem | AppError> {
    const before = this.save;
    this.pending += 1;
    this.save = { kind: "saving" };
    try {
      const item = await this.enqueue(() => api.addReference(entity, name));
      this.holder.view = await api.openPlan(this.planId);
      this.markSaved();
      return item;
    } catch (err) {
      this.save = before;
      return toAppError(err);
    } finally {
      this.pending -= 1;
    }
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

  /** Copies a budget line below itself; gives the copy's id. */
  async duplicateLine(lineId: number): Promise<number | null> {
    this.deleted = null;
    const changed = await this.change(() => api.duplicateBudgetLine(lineId));
    return changed?.addedId ?? null;
  }

  /** Puts back the last deletion. */
  async undo(): Promise<void> {
    const deleted = this.deleted;
    this.deleted = null;
    if (deleted) await this.change(() => api.undoInPlan(deleted.trashId));
  }
}
