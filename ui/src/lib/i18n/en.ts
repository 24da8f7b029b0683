// English, the second locale. Typed against the Vietnamese catalog, so a key
// missing here does not compile; the catalog test checks the reverse too.
import type { MessageKey } from "./vi";

export const en: Record<MessageKey, string> = {
  "app.title": "Policy communication plan",
  "app.subtitle": "Under Prime Minister's Directive 07/CT-TTg of 21 March 2023",
  "app.loading": "Opening your data…",
  "app.language": "Language",
  "app.units": "Units",
  "app.plans": "Plans",
  "app.readOnly": "Read-only",

  "plans.heading": "Plans",
  "plans.new": "New plan",
  "plans.count": "{n} plans",
  "plans.col.year": "Year",
  "plans.col.unit": "Unit",
  "plans.col.title": "Title",
  "plans.col.status": "Status",
  "plans.col.updated": "Updated",
  "plans.open": "Open plan {title}",
  "plans.empty.title": "No plans yet",
  "plans.empty.body":
    "Every year each body drafts its policy-communication plan under Directive 07/CT-TTg: the policies to communicate, the activities at each stage, staffing, press, budget and implementation. Start by choosing the issuing unit and the year.",
  "plans.empty.hint": "Your data is saved on this computer; no network is needed.",

  "newPlan.heading": "New plan",
  "newPlan.unit": "Issuing unit",
  "newPlan.unitHelp": "The body that issues the plan. The list of units can be edited under “Units”.",
  "newPlan.chooseUnit": "— Choose a unit —",
  "newPlan.year": "Plan year",
  "newPlan.yearHelp": "The year the plan is carried out, from 2000 to 2100.",
  "newPlan.create": "Create plan",
  "newPlan.cancel": "Cancel",
  "newPlan.noUnit": "Choose the issuing unit.",
  "newPlan.noUnits": "There are no units yet. Add one under “Units” first.",

  "editor.back": "Plans",
  "editor.steps": "Drafting steps",
  "editor.stepOf": "Step {n} of {total}",
  "editor.savedNote": "Every change is saved as you type; there is no Save button.",
  "editor.upcoming": "The content of this step comes in a coming version.",
  "editor.unit": "Unit",
  "editor.parentBody": "Parent body",
  "editor.year": "Year",
  "editor.title": "Title",
  "editor.status": "Status",

  "step.general": "General information",
  "step.general.desc":
    "Issuing unit, number and symbol, place and date, legal bases, purposes and requirements of the plan.",
  "step.policies": "Policies and stages",
  "step.policies.desc":
    "The policies to communicate, their field, social impact, affected groups, key messages, and the five stages: planning, drafting, finalising, promulgation, implementation.",
  "step.activities": "Communication activities",
  "step.activities.desc":
    "Content, channel, audience, lead and coordinating units, timing, expected output and target of each activity.",
  "step.staffing": "Staffing",
  "step.staffing.desc":
    "Leader in charge, spokesperson (Decree 09/2017/NĐ-CP), focal officers and their training.",
  "step.press": "Network and press",
  "step.press.desc":
    "Partner press agencies, orders and tasks placed with them; coordination with the propaganda board and the press association.",
  "step.monitoring": "Disclosure and monitoring",
  "step.monitoring.desc":
    "Public disclosure of information, monitoring of public opinion and social media, handling of false information, the crisis-communication procedure.",
  "step.budget": "Budget",
  "step.budget.desc":
    "Budget estimate: quantity, unit price, amount, funding source; totals by category, source, stage and quarter.",
  "step.implementation": "Implementation",
  "step.implementation.desc": "Responsibilities of each unit, reporting regime and deadlines.",
  "step.signature": "Signature and recipients",
  "step.signature.desc": "The signer's authority, position and name, and the list of recipients.",

  "status.draft": "Draft",
  "status.submitted": "Submitted",
  "status.returned": "Returned",
  "status.resubmitted": "Resubmitted",
  "status.approved": "Approved",

  "units.heading": "Issuing units",
  "units.intro":
    "The bodies you can create plans for. Since 2025 names change as government is reorganised: edit them to match your unit.",
  "units.name": "Unit name",
  "units.parentBody": "Parent body",
  "units.abbreviation": "Abbreviation",
  "units.abbreviationHelp": "Used in document symbols, e.g. SVHTTDL in “12/KH-SVHTTDL”.",
  "units.add": "Add unit",
  "units.edit": "Edit",
  "units.save": "Save unit",
  "units.cancel": "Cancel",
  "units.delete": "Delete",
  "units.empty": "There are no units yet. Add the first one.",
  "units.confirmDelete": "Delete the unit “{name}”?",
  "units.confirmDeleteBody": "You can undo this right after deleting.",
  "units.deleted": "“{name}” deleted.",
  "units.added": "“{name}” added.",
  "units.saved": "“{name}” saved.",

  "common.confirm": "Confirm",
  "common.cancel": "Cancel",
  "common.undo": "Undo",
  "common.close": "Close",

  "error.validation": "The input is not valid.",
  "error.not_found": "This item was not found; it may have been deleted.",
  "error.conflict": "This change collides with existing data.",
  "error.read_only": "The database is open read-only.",
  "error.newer_schema": "The database was made by a newer version; it is open read-only.",
  "error.not_commplan_file": "This file is not a commplan database.",
  "error.database": "Database error; nothing was changed.",
  "error.io": "A file could not be read or written.",
  "error.internal": "Something unexpected went wrong; nothing was changed.",
};
