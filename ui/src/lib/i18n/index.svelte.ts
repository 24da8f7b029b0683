// The current locale and the translation function. Vietnamese is the default;
// the choice is remembered on this computer.
import type {
  ActivityStatus,
  AppError,
  ErrorCode,
  HeaderName,
  IndicatorMeasure,
  Period,
  PlanStatus,
  SignerAuthority,
  Stage,
  Step,
} from "../bindings";
import { en } from "./en";
import { vi, type MessageKey } from "./vi";

export type Locale = "vi" | "en";
export const catalogs: Record<Locale, Record<MessageKey, string>> = { vi, en };

const STORAGE_KEY = "commplan.locale";

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

const state = $state<{ locale: Locale }>({ locale: initialLocale() });

export function locale(): Locale {
  return state.locale;
}

export function setLocale(next: Locale): void {
  state.locale = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembering the choice is harmless.
  }
}

/** Fills `{name}` placeholders. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return format(catalogs[state.locale][key], params);
}

// Exhaustive maps from the generated enums to catalog keys: a new variant in
// Rust fails type-checking here until it has its strings.
export const statusKey: Record<PlanStatus, MessageKey> = {
  draft: "status.draft",
  submitted: "status.submitted",
  returned: "status.returned",
  resubmitted: "status.resubmitted",
  approved: "status.approved",
};

export const stepKey: Record<Step, { title: MessageKey; desc: MessageKey }> = {
  general: { title: "step.general", desc: "step.general.desc" },
  policies: { title: "step.policies", desc: "step.policies.desc" },
  activities: { title: "step.activities", desc: "step.activities.desc" },
  staffing: { title: "step.staffing", desc: "step.staffing.desc" },
  press: { title: "step.press", desc: "step.press.desc" },
  monitoring: { title: "step.monitoring", desc: "step.monitoring.desc" },
  budget: { title: "step.budget", desc: "step.budget.desc" },
  implementation: { title: "step.implementation", desc: "step.implementation.desc" },
  signature: { title: "step.signature", desc: "step.signature.desc" },
};

export const errorKey: Record<ErrorCode, MessageKey> = {
  validation: "error.validation",
  not_found: "error.not_found",
  conflict: "error.conflict",
  read_only: "error.read_only",
  locked: "error.locked",
  newer_schema: "error.newer_schema",
  not_commplan_file: "error.not_commplan_file",
  database: "error.database",
  busy: "error.busy",
  damaged: "error.damaged",
  io: "error.io",
  internal: "error.internal",
};

/** What to show for an error: the backend's Vietnamese message, or in English the message for its code. */
export function errorText(err: AppError): string {
  return state.locale === "vi" ? err.message : t(errorKey[err.code]);
}

export const stageKey: Record<Stage, MessageKey> = {
  planning: "stage.planning",
  drafting: "stage.drafting",
  finalising: "stage.finalising",
  promulgation: "stage.promulgation",
  implementation: "stage.implementation",
};

export const headerNameKey: Record<HeaderName, MessageKey> = {
  parent: "general.headerParent",
  unit: "general.headerUnit",
  subject: "general.headerSubject",
};

export const authorityKey: Record<SignerAuthority, MessageKey> = {
  direct: "authority.direct",
  on_behalf: "authority.on_behalf",
  deputy: "authority.deputy",
  acting: "authority.acting",
  by_order: "authority.by_order",
  authorised: "authority.authorised",
};

export const activityStatusKey: Record<ActivityStatus, MessageKey> = {
  not_started: "activityStatus.not_started",
  in_progress: "activityStatus.in_progress",
  done: "activityStatus.done",
  cancelled: "activityStatus.cancelled",
};

export const periodKey: Record<Period, MessageKey> = {
  first_half: "period.first_half",
  year: "period.year",
};

export const measureKey: Record<IndicatorMeasure, MessageKey> = {
  manual: "measure.manual",
  major_policies_from_proposal: "measure.major_policies_from_proposal",
  press_conferences: "measure.press_conferences",
  monthly_press_information: "measure.monthly_press_information",
  activities_done: "measure.activities_done",
};

type Guide = { what: MessageKey; source: MessageKey; example: MessageKey };
const guide = (step: Step): Guide => ({
  what: `guide.${step}.what` as MessageKey,
  source: `guide.${step}.source` as MessageKey,
  example: `guide.${step}.example` as MessageKey,
});

/** The explanation, legal source and example of each step. */
export const guideKey: Record<Step, Guide> = {
  general: guide("general"),
  policies: guide("policies"),
  activities: guide("activities"),
  staffing: guide("staffing"),
  press: guide("press"),
  monitoring: guide("monitoring"),
  budget: guide("budget"),
  implementation: guide("implementation"),
  signature: guide("signature"),
};
