// What was done of the open plan, once approved (the "Thực hiện" screen):
// the view of the chosen period as Rust computed it, the history, and each
// recording, which goes through the plan's write queue and answers the view
// again, so the screen shows what Rust decided.
import { api, toAppError } from "../api";
import type { AppError, Period, RecordKind, ResultChange, ResultField, ResultsView } from "../bindings";
import { flushAll } from "../saving";
import type { PlanWrites } from "./writes.svelte";

/** The period a report is most likely written for on `today`: the first half until July of the plan's year. */
export function likelyPeriod(year: number, today: Date): Period {
  return today.getFullYear() < year || (today.getFullYear() === year && today.getMonth() < 6)
    ? "first_half"
    : "year";
}

export class ResultsSession {
  period = $state<Period>("year");
  view = $state<ResultsView | null>(null);
  /** Why the view could not be read, if it could not. */
  failure = $state<AppError | null>(null);
  history = $state<ResultChange[]>([]);

  constructor(
    private readonly planId: number,
    private readonly writes: PlanWrites,
  ) {}

  async load(): Promise<void> {
    try {
      this.view = await api.resultsView(this.planId, this.period);
      this.failure = null;
    } catch (err) {
      this.failure = toAppError(err);
    }
    await this.loadHistory();
  }

  async loadHistory(): Promise<void> {
    try {
      this.history = await api.resultsHistory(this.planId);
    } catch {
      // The history is for reading; the screen works without it.
    }
  }

  /** Shows another period, once what was typed is saved. */
  async choose(period: Period): Promise<void> {
    if (period === this.period) return;
    await flushAll();
    this.period = period;
    await this.load();
  }

  /** Records `fields` of one record; gives null once saved, else why not. */
  async record(kind: RecordKind, id: number, fields: ResultField[]): Promise<AppError | null> {
    const period = this.period;
    // One refusal a record: the record as sent is refused or saved whole.
    const key = `results.${kind}.${id}`;
    const done = await this.writes.other(key, () => api.recordResult(this.planId, { kind, id, period, fields }));
    if ("error" in done) return done.error;
    if (period === this.period) this.view = done.value;
    void this.loadHistory();
    return null;
  }
}
