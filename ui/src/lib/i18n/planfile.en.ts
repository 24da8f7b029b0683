// English strings of the plan file (.khtt), typed against planfile.vi.ts.
import type { viPlanFile } from "./planfile.vi";

export const enPlanFile: Record<keyof typeof viPlanFile, string> = {
  "planFile.send": "Send plan file",
  "planFile.sendHint":
    "Writes the latest submission to a .khtt file to attach to the e-office system or an e-mail to the reviewer.",
  "planFile.sendNotYet": "A plan file can be sent once the plan is submitted: it carries a frozen submission.",
  "planFile.saveDraft": "Save draft as file",
  "planFile.saveDraftHint":
    "Writes the working copy to a .khtt file (not a submission), to move it to another computer or ask for early comments.",
  "planFile.writeReturn": "Write return file",
  "planFile.writeReturnHint": "Writes your comments and decision to a .khtt file to send back to the drafting unit.",
  "planFile.writeReturnNotYet": "The return file can be written once you have returned or approved the latest submission.",
  "planFile.busy": "Writing the file…",
  "planFile.openFolder": "Open folder",
  "planFile.open": "Open plan file",
  "planFile.opening": "Opening the file…",
  "planFile.openHint":
    "Opens a .khtt file you received: a plan sent for review, or a reviewer's return file. You can also drop the file on the window.",
  "planFile.openPlan": "Open plan",
  "planFile.dropHint": "Drop a plan file (.khtt) here to open it",
  "planFile.dropDetail": "A plan sent for review, or a reviewer's return file.",
  "planFile.outcome.received": "Plan of {unit} received, submission {n}.",
  "planFile.outcome.returned": "The plan was returned with {comments} comments; submission {n}.",
  "planFile.outcome.approved": "The plan was approved; submission {n}.",
  "planFile.outcome.unchanged": "This file was opened before; nothing changed.",

  "received.heading": "Received for review",
  "received.intro":
    "Plans other units sent as files: view, check, comment, then return or approve; their content cannot be edited on this computer.",
  "received.empty":
    "Nothing received yet. When a plan file (.khtt) arrives through the e-office system or e-mail, click “Open plan file” or drop it on the window.",
  "received.own": "This unit's plans",
  "received.ownEmpty": "This unit has no plan of its own on this computer yet.",
  "received.col.unit": "Sent by",
  "received.col.revision": "Submission",
  "received.col.receivedAt": "Received",
  "received.col.decision": "Decision",
  "received.revisionN": "No. {n}",
  "received.draft": "Draft",
  "received.undecided": "Not decided",
  "received.decision.return": "Returned",
  "received.decision.approve": "Approved",
  "received.open": "Open {title} of {unit}",
  "received.revisionWaiting": "Submission {n} waits for your review",
  "received.revisionReturned": "Submission {n}: you returned it",
  "received.revisionApproved": "Submission {n}: you approved it",
  "received.reviewIntro":
    "A plan received as a file from another unit: go through its steps, run the check, compare the submissions received, comment, then decide. Your decision and comments go back to the unit in a return file.",
  "received.banner":
    "Received from {sender}, submission {n}, received {time}: view, check and comment only; the content cannot be edited.",
  "received.bannerDraft":
    "Draft received from {sender}, received {time}: view only; a draft is not a submission, so no decision can be taken.",
  "received.decidedReturn": "You returned this submission. Click “Write return file” to send your comments back.",
  "received.decidedApprove": "You approved this submission. Click “Write return file” to send your decision back.",
  "received.explain":
    "Comment on a section or a line, then return it (with comments) or approve it; then click “Write return file” to send it back.",
};
