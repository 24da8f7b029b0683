// Plan files (.khtt) opened from anywhere in the app: the button on the plan
// list, files dropped on the window, the files the app was started with (or a
// second start handed over). One place opens them in turn, says what was done
// (the store's Vietnamese message) or why a file was refused, and counts what
// changed so that the screens read their data again.
import { Action } from "./action.svelte";
import { api } from "./api";
import type { Opened } from "./bindings";
import { Notice } from "./notice.svelte";
import { flushAll } from "./saving";

export class PlanFiles {
  /** Opening a file: `busy` while it runs, `failure` why the last one was refused. */
  readonly action = new Action();
  /** What the last file opened did, said for a moment. */
  readonly opened = new Notice<Opened>();
  /** A file is being dragged over the window. */
  dragging = $state(false);
  /** Files opened so far; a screen showing plans reads them again when it grows. */
  changes = $state(0);
  /** The plan the last file landed on. */
  lastPlanId = $state<number | null>(null);
  /** Opens one after another, in the order asked. */
  private queue: Promise<void> = Promise.resolve();

  /** "Mở tệp kế hoạch": the open dialog, then the file chosen. */
  openChosen(): Promise<void> {
    return this.enqueue(() => api.openPlanFile());
  }

  /** Files dropped on the window or given to the app, each opened in turn. */
  openPaths(paths: readonly string[]): Promise<void> {
    return paths.reduce<Promise<void>>(
      (done, path) => done.then(() => this.enqueue(() => api.openPlanFileAt(path))),
      Promise.resolve(),
    );
  }

  /** The files the app was started with or handed over, not opened yet. */
  async openPending(): Promise<void> {
    const paths = await this.action.run(() => api.pendingPlanFiles());
    if (paths && paths.length > 0) await this.openPaths(paths);
  }

  private enqueue(open: () => Promise<Opened | null>): Promise<void> {
    this.queue = this.queue.then(() => this.run(open));
    return this.queue;
  }

  private async run(open: () => Promise<Opened | null>): Promise<void> {
    const opened = await this.action.run(async () => {
      // What was just typed is saved before a return lands on the plan.
      await flushAll();
      return open();
    });
    if (!opened) {
      // A refusal replaces what an earlier file did; a cancelled dialog says nothing.
      if (this.action.failure) this.opened.close();
      return;
    }
    this.opened.show(opened);
    this.lastPlanId = opened.plan.id;
    this.changes += 1;
  }
}

export const planFiles = new PlanFiles();
