import type { Stage } from "./bindings";

/** The five lifecycle stages in order. */
export const STAGES: readonly Stage[] = [
  "planning",
  "drafting",
  "finalising",
  "promulgation",
  "implementation",
];
