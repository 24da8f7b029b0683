// The results session shared by the pieces of the "Thực hiện" screen.
import { getContext, setContext } from "svelte";
import type { ResultsSession } from "../../lib/session/results.svelte";

const KEY = Symbol("results-session");

export function provideResults(session: ResultsSession): void {
  setContext(KEY, session);
}

export function useResults(): ResultsSession {
  const session = getContext<ResultsSession | undefined>(KEY);
  if (!session) throw new Error("useResults() outside the results screen");
  return session;
}
