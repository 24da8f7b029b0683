// One way to run what the user asked for: whether it is running, and why it
// failed, as an AppError whose message the page shows with `errorText`.
import { toAppError } from "./api";
import type { AppError } from "./bindings";

export class Action {
  busy = $state(false);
  failure = $state<AppError | null>(null);

  /** Runs `work`; gives its result, or undefined when it failed (`failure` then says why). */
  async run<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.busy = true;
    this.failure = null;
    try {
      return await work();
    } catch (err) {
      this.failure = toAppError(err);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /** Forgets the last failure (the user closed its message). */
  dismiss(): void {
    this.failure = null;
  }
}
