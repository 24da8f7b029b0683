// What the first screen shows is asked of Rust as soon as the page's script
// starts, before the page is built: the app's status and the plan list. The
// web view then builds and lays out the page while Rust answers, instead of
// asking only once the page is up. Each answer is taken once, by the first
// read of it; any later read asks again, so nothing read before a change
// (a restored backup, a recovered database, an opened plan file) is shown
// after it.
import { api } from "./api";

/** Asks now; the first read takes this answer, later reads ask again. */
function askedAtStart<T>(ask: () => Promise<T>) {
  let first: Promise<T> | null = ask();
  // Whoever takes the answer handles its failure; one never taken is not an error.
  first.catch(() => undefined);
  return {
    read(): Promise<T> {
      const answer = first ?? ask();
      first = null;
      return answer;
    },
    forget(): void {
      first = null;
    },
    /** Settles when the answer asked at start has come, whatever it is. */
    settled(): Promise<unknown> {
      return (first ?? Promise.resolve()).catch(() => undefined);
    },
  };
}

const status = askedAtStart(api.appStatus);
const plans = askedAtStart(api.listPlans);

/** Settles once both answers asked at start have come, or after `most`
 * milliseconds if one is slower (a large database checked at start): the page
 * is then built once, with the plan list, instead of first as "loading" and
 * again when the answers come, which made the list show later (measured in
 * the start-up benchmark). */
export function startAnswered(most: number): Promise<void> {
  const late = new Promise<void>((resolve) => setTimeout(resolve, most));
  return Promise.race([Promise.all([status.settled(), plans.settled()]).then(() => undefined), late]);
}

/** The app's status: the one asked for at start, the first time. */
export const readStatus = status.read;

/** The plan list: the one asked for at start, the first time. */
export const readPlans = plans.read;

/** Drops the plan list asked for at start: what it was read from changed
 * before it was shown (a database to recover first). */
export const forgetStartPlans = plans.forget;
