// What is typed but not yet sent, and what is sent but not yet written: the
// window waits for both before it closes, so nothing typed is lost.

const unsent = new Set<() => Promise<void>>();
let writes: Promise<unknown> = Promise.resolve();

/** A field with text not yet sent registers how to send it now. */
export function holdUnsent(flush: () => Promise<void>): void {
  unsent.add(flush);
}

export function releaseUnsent(flush: () => Promise<void>): void {
  unsent.delete(flush);
}

/** Every write to the database is tracked until it is answered. */
export function trackWrite(write: Promise<unknown>): void {
  const previous = writes;
  writes = Promise.all([previous, write.catch(() => undefined)]);
}

/** Sends what is typed and waits until every write is answered. */
export async function flushAll(): Promise<void> {
  await Promise.all([...unsent].map((flush) => flush()));
  await writes;
}
