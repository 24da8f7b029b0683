// Writes refused because another program holds the database are tried again.
import type { AppError } from "./bindings";

export type RetryOptions = {
  /** How many tries in all, the first included. */
  tries: number;
  /** Waits between tries (a timer in the app, instant in tests). */
  pause: () => Promise<void>;
};

/** Runs `run`; while it fails with `busy`, says so through `onBusy`, waits and
 * tries again, up to `tries` times. Any other failure, or the last busy one,
 * is thrown as it came. */
export async function retryWhileBusy<T>(
  run: () => Promise<T>,
  onBusy: (error: AppError) => void,
  toAppError: (err: unknown) => AppError,
  options: RetryOptions,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (err) {
      const error = toAppError(err);
      if (error.code !== "busy" || attempt >= options.tries) throw err;
      onBusy(error);
      await options.pause();
    }
  }
}
