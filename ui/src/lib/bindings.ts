// Generated from the Rust types in src-tauri/core by `scripts/gen-bindings`.
// Do not edit by hand: a test fails when this file differs from the Rust types.

export type ErrorCode = "validation" | "not_found" | "conflict" | "read_only" | "locked" | "newer_schema" | "not_commplan_file" | "database" | "busy" | "damaged" | "io" | "internal";

export type AppError = { code: ErrorCode, message: string, };

export type AppStatus = { 
/**
 * Where the database file is.
 */
databasePath: string, 
/**
 * True when nothing may be written (for instance a database from a newer version).
 */
readOnly: boolean, 
/**
 * A Vietnamese notice to show on every screen, if any.
 */
notice: AppError | null, version: string, 
/**
 * Set when the database failed its start-up check and was moved aside:
 * the UI offers the newest good backup or a fresh start.
 */
recovery: Recovery | null, };

export type Unit = { id: number, 
/**
 * e.g. "Sở Văn hóa, Thể thao và Du lịch".
 */
name: string, 
/**
 * The body it belongs to, e.g. "Ủy ban nhân dân tỉnh Gia Lai".
 */
parentBody: string, 
/**
 * The abbreviation used in document symbols, e.g. "SVHTTDL" in "12/KH-SVHTTDL".
 */
abbreviation: string, };

export type UnitInput = { name: string, parentBody: string, abbreviation: string, };

export type PlanStatus = "draft" | "submitted" | "returned" | "resubmitted" | "approved";

export type PlanSummary = { id: number, unitId: number, unitName: string, year: number, status: PlanStatus, title: string, 
/**
 * When it was last changed, ISO 8601 in UTC.
 */
updatedAt: string, 
/**
 * Received in a plan file from another unit (listed under “Hồ sơ nhận được”).
 */
received: boolean, 
/**
 * A received plan: the newest revision received (`None` for a received draft or an own plan).
 */
receivedRevision: number | null, 
/**
 * A received plan: when its newest file was opened, RFC 3339.
 */
receivedAt: string | null, 
/**
 * A received plan: the reviewer's decision on its newest revision, if taken.
 */
decision: ReviewAction | null, };

export type NewPlan = { unitId: number, year: number, };

export type Step = "general" | "policies" | "activities" | "staffing" | "press" | "monitoring" | "budget" | "implementation" | "signature";

export type PlanView = { document: PlanDocument, 
/**
 * One entry per step, in the editor's order.
 */
progress: Array<StepProgress>, 
/**
 * Where the plan stands in its review (status, revision, open comments, banner).
 */
review: ReviewState, signature: SignatureBlock, 
/**
 * The months of the plan's year each activity takes place in ([`crate::schedule`]).
 */
months: Array<ActivityMonths>, };

export type SignatureBlock = { 
/**
 * In capitals, in order: e.g. "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH".
 */
lines: Array<string>, 
/**
 * The signer's name, below the space for the signature ("" until given).
 */
name: string, };

export type ActivityMonths = { id: number, months: Array<number>, };

export type CopyPlan = { fromId: number, year: number, };

export type PlanSaved = { 
/**
 * The value as it was stored (NFC, trimmed; a date as yyyy-mm-dd …).
 */
value: FieldValue, updatedAt: string, progress: Array<StepProgress>, signature: SignatureBlock, months: Array<ActivityMonths>, 
/**
 * The budget line as stored after an edit of its quantity or one of its
 * amounts (its amount worked out again); none after any other edit.
 */
line: BudgetLine | null, };

export type PlanChanged = { view: PlanView, 
/**
 * The id of the item added, if any.
 */
addedId: number | null, deleted: Deleted | null, };

export type StepProgress = { step: Step, 
/**
 * Things asked for that are filled in.
 */
done: number, 
/**
 * Things asked for; 0 when the step asks nothing yet.
 */
total: number, };

export type Stage = "planning" | "drafting" | "finalising" | "promulgation" | "implementation";

export type SignerAuthority = "direct" | "on_behalf" | "deputy" | "acting" | "by_order" | "authorised";

export type PlanFields = { 
/**
 * Số, e.g. "12" in "Số: 12/KH-SVHTTDL"; empty until the document is numbered.
 */
number: string, 
/**
 * Ký hiệu, e.g. "KH-SVHTTDL".
 */
symbol: string, 
/**
 * Địa danh, e.g. "Gia Lai".
 */
place: string, 
/**
 * Ngày ban hành, yyyy-mm-dd; empty until it is issued.
 */
issueDate: string, title: string, 
/**
 * Where the officer breaks the header's names into lines: the name with a
 * line break at the end of each line; empty for the automatic rule
 * ([`crate::header_lines`]). The parent body, the unit, the subject.
 */
headerParentLines: string, headerUnitLines: string, subjectLines: string, 
/**
 * Kết quả thực hiện năm trước: the opening of the plan, what was done of
 * last year's plan (filled from last year's results when a plan is
 * copied into the next year, [`crate::results::previous_year_summary`]).
 */
previousResults: string, 
/**
 * Mục đích.
 */
purposes: string, 
/**
 * Yêu cầu.
 */
requirements: string, 
/**
 * Lãnh đạo phụ trách: họ tên và chức vụ.
 */
leaderName: string, leaderPosition: string, 
/**
 * Người phát ngôn (Decree 09/2017/NĐ-CP).
 */
spokespersonName: string, spokespersonPosition: string, spokespersonContact: string, 
/**
 * Phối hợp với Ban Tuyên giáo, Hội Nhà báo.
 */
pressCoordination: string, 
/**
 * Công khai thông tin (Law on Access to Information).
 */
publicDisclosure: string, 
/**
 * Theo dõi dư luận, mạng xã hội.
 */
opinionMonitoring: string, 
/**
 * Xử lý thông tin sai sự thật.
 */
falseInformation: string, 
/**
 * Quy trình xử lý khủng hoảng truyền thông.
 */
crisisProcedure: string, 
/**
 * Chế độ báo cáo.
 */
reporting: string, signerAuthority: SignerAuthority | null, 
/**
 * The body or head the signer acts for, e.g. "ỦY BAN NHÂN DÂN", "GIÁM ĐỐC".
 */
signerAuthorityOf: string, 
/**
 * For TM. with a deputy: the second line "KT. CHỦ TỊCH" holds "CHỦ TỊCH".
 */
signerDeputyOf: string, 
/**
 * e.g. "PHÓ GIÁM ĐỐC".
 */
signerPosition: string, signerName: string, };

export type HeaderName = "parent" | "unit" | "subject";

export type HeaderLines = { name: HeaderName, 
/**
 * The plan field that holds the officer's breaks ([`HeaderName::field`]).
 */
field: string, 
/**
 * The lines, each its words joined by one space.
 */
lines: Array<string>, 
/**
 * The officer's breaks are used; else the automatic rule's.
 */
custom: boolean, 
/**
 * The officer's breaks were set for another text (the name changed
 * since): the automatic rule is used.
 */
outdated: boolean, 
/**
 * A line the officer set is wider than the column: it is broken further.
 */
tooWide: boolean, 
/**
 * The column's width and the font's size, in points, and its weight.
 */
width: number, size: number, bold: boolean, };

export type HeaderPreview = { parent: HeaderLines | null, unit: HeaderLines, subject: HeaderLines, };

export type LegalBasis = { id: number, text: string, };

export type PolicyStage = { id: number, stage: Stage, 
/**
 * "Không áp dụng".
 */
notApplicable: boolean, 
/**
 * Why it does not apply.
 */
reason: string, };

export type Policy = { id: number, title: string, 
/**
 * Lĩnh vực.
 */
field: string, 
/**
 * Chính sách có tác động lớn đến xã hội.
 */
majorImpact: boolean, 
/**
 * Nhóm đối tượng chịu tác động.
 */
affectedGroups: string, 
/**
 * Thông điệp chính.
 */
keyMessages: string, 
/**
 * The draft legal document the policy belongs to.
 */
draftDocument: string, 
/**
 * Always the five stages, in order.
 */
stages: Array<PolicyStage>, };

export type Activity = { id: number, 
/**
 * The policy it serves; `None` for an activity of the plan as a whole.
 */
policyId: number | null, stage: Stage | null, content: string, channelId: number | null, 
/**
 * Đối tượng.
 */
audience: string, 
/**
 * Đơn vị chủ trì.
 */
leadUnit: string, 
/**
 * Đơn vị phối hợp.
 */
coordinatingUnits: string, 
/**
 * Months of the plan's year, 1–12, ascending.
 */
months: Array<number>, 
/**
 * Exact dates, yyyy-mm-dd, when known.
 */
startDate: string, endDate: string, 
/**
 * Sản phẩm dự kiến.
 */
expectedOutput: string, 
/**
 * Chỉ tiêu.
 */
target: string, };

export type Channel = { id: number, name: string, };

export type FocalOfficer = { id: number, name: string, position: string, unit: string, phone: string, email: string, };

export type Training = { id: number, topic: string, participants: string, timing: string, organiser: string, };

export type PressPartner = { id: number, name: string, 
/**
 * "Đặt hàng", "Giao nhiệm vụ", "Phối hợp" …
 */
arrangement: string, tasks: string, };

export type Responsibility = { id: number, unit: string, tasks: string, };

export type Report = { id: number, content: string, deadline: string, recipient: string, };

export type Recipient = { id: number, text: string, };

export type IndicatorMeasure = "manual" | "major_policies_from_proposal" | "press_conferences" | "monthly_press_information" | "activities_done";

export type Objective = { id: number, 
/**
 * The indicator, as the plan writes it.
 */
name: string, 
/**
 * The value aimed at, a whole number; `None` while not set.
 */
target: number | null, 
/**
 * "%", "cuộc", "tháng" …
 */
unit: string, 
/**
 * How its actual value is obtained.
 */
measure: IndicatorMeasure, };

export type PlanDocument = { id: number, unit: Unit, year: number, status: PlanStatus, updatedAt: string, fields: PlanFields, legalBases: Array<LegalBasis>, policies: Array<Policy>, activities: Array<Activity>, focalOfficers: Array<FocalOfficer>, trainings: Array<Training>, pressPartners: Array<PressPartner>, responsibilities: Array<Responsibility>, reports: Array<Report>, recipients: Array<Recipient>, 
/**
 * The channel list (reference data, shared by all plans).
 */
channels: Array<Channel>, 
/**
 * The budget estimate's lines.
 */
budgetLines: Array<BudgetLine>, 
/**
 * The budget category list (reference data).
 */
budgetCategories: Array<RefItem>, 
/**
 * The funding source list (reference data).
 */
fundingSources: Array<RefItem>, 
/**
 * Chỉ tiêu: the plan's measurable objectives.
 */
objectives: Array<Objective>, };

export type Entity = "plan" | "legal_basis" | "policy" | "policy_stage" | "activity" | "focal_officer" | "training" | "press_partner" | "responsibility" | "report" | "recipient" | "channel" | "budget_line" | "budget_category" | "funding_source" | "objective";

export type FieldValue = string | boolean | number | null | Array<number>;

export type FieldEdit = { entity: Entity, id: number, 
/**
 * The field's name as in the document types (camelCase), e.g. "leaderName".
 */
field: string, value: FieldValue, };

export type NewItem = { entity: Entity, planId: number, 
/**
 * For an activity: the policy it serves.
 */
policyId: number | null, 
/**
 * For an activity: the stage it belongs to.
 */
stage: Stage | null, };

export type Deleted = { 
/**
 * Pass it to `undo_delete` to put everything back.
 */
trashId: number, 
/**
 * What was deleted, in Vietnamese, for the undo message.
 */
description: string, };

export type Money = string;

export type Quantity = number;

export type Difference = string;

export type RefItem = { id: number, name: string, };

export type BudgetLine = { id: number, categoryId: number | null, description: string, 
/**
 * Đơn vị tính, e.g. "tin, bài", "hội nghị".
 */
unitOfMeasure: string, quantity: Quantity, unitPrice: Money, 
/**
 * quantity × unit price, rounded half up (the proposed amount).
 */
amount: Money, 
/**
 * The amount a manager approved, once set.
 */
approved: Money | null, fundingSourceId: number | null, activityId: number | null, notes: string, };

export type Total = { 
/**
 * What is totalled, as shown: a category, a source, a stage, "Quý I" …
 */
label: string, proposed: Money, 
/**
 * `None` while no line of the row has an approved amount.
 */
approved: Money | null, lines: number, 
/**
 * The row of the lines that have no category, source, stage or quarter
 * ("Chưa phân loại" …, "Chưa xác định thời gian"); it comes last.
 */
unassigned: boolean, };

export type Unscheduled = "no_activity" | "no_months";

export type UnscheduledLine = { lineId: number, reason: Unscheduled, };

export type CompareRow = { label: string, previous: Money, current: Money, difference: Difference, 
/**
 * "+12,5%", "−3%", or empty when last year had nothing.
 */
percent: string, };

export type Comparison = { previousYear: number, rows: Array<CompareRow>, total: CompareRow, };

export type AmountChange = { id: number, lineId: number, 
/**
 * "quantity", "unitPrice", "amount" or "approved".
 */
field: string, 
/**
 * As shown: "2,5", "12.500.000 đ"; empty for none.
 */
oldValue: string, newValue: string, 
/**
 * ISO 8601, UTC.
 */
changedAt: string, };

export type BudgetView = { planId: number, categories: Array<RefItem>, sources: Array<RefItem>, total: Money, 
/**
 * `None` while no line has an approved amount: shown blank, not "0".
 */
totalApproved: Money | null, 
/**
 * "Mười hai triệu năm trăm nghìn đồng".
 */
words: string, 
/**
 * The approved total in words, when there is one.
 */
wordsApproved: string | null, byCategory: Array<Total>, bySource: Array<Total>, byStage: Array<Total>, byQuarter: Array<Total>, 
/**
 * The lines of no quarter, in the plan's order, each with its reason.
 */
unscheduled: Array<UnscheduledLine>, comparison: Comparison | null, };

export type BackupKind = "startup" | "manual" | "pre_migration" | "pre_import" | "pre_restore";

export type BackupInfo = { 
/**
 * The file name inside the backup folder (also its identity over IPC).
 */
fileName: string, kind: BackupKind, 
/**
 * When it was made, RFC 3339 in UTC.
 */
createdAt: string, sizeBytes: number, };

export type Damage = "corrupt" | "truncated" | "lost_journal";

export type Recovery = { damage: Damage, 
/**
 * Where the damaged file (and its journal files) now lie, untouched.
 */
movedTo: string, 
/**
 * The newest backup that passed its integrity check, offered to the user.
 */
newestGoodBackup: BackupInfo | null, };

export type SourcePage = { title: string, url: string, 
/**
 * Which facts the page confirms.
 */
confirms: string, };

export type LegalText = { 
/**
 * Stable id, e.g. "luat-bao-chi-2016"; never changes once given.
 */
id: string, 
/**
 * Loại văn bản: "Luật", "Nghị định" …
 */
kind: string, 
/**
 * Số, ký hiệu as on the text, e.g. "09/2017/NĐ-CP".
 */
number: string, 
/**
 * Ngày ban hành (for a law: the day it was passed).
 */
date: string, issuer: string, title: string, 
/**
 * First day in force; `None` when not known.
 */
inForceFrom: string | null, 
/**
 * First day no longer in force; `None` while in force or not known.
 */
inForceUntil: string | null, 
/**
 * The id of the text that replaces it, when that is known.
 */
replacedBy: string | null, 
/**
 * What it governs, a short phrase; texts of one kind governing the same
 * thing supersede each other by date.
 */
governs: string, 
/**
 * How a plan cites it under "Căn cứ …".
 */
citation: string, 
/**
 * A new plan cites it when it is in force in the plan's year.
 */
citeByDefault: boolean, 
/**
 * Where its facts were confirmed.
 */
sources: Array<SourcePage>, };

export type LegalTextInput = { kind: string, number: string, date: string, issuer: string, title: string, 
/**
 * Empty when not known.
 */
inForceFrom: string, 
/**
 * Empty while in force or not known.
 */
inForceUntil: string, replacedBy: string | null, governs: string, citation: string, citeByDefault: boolean, };

export type LegalTextsView = { texts: Array<LegalText>, 
/**
 * The day the list in use was reviewed (yyyy-mm-dd), when known.
 */
listDate: string | null, };

export type LegalTextsImported = { 
/**
 * Texts the list added.
 */
added: number, 
/**
 * Texts already there that the list updated.
 */
updated: number, 
/**
 * Texts of the database the list does not hold, kept as they were.
 */
kept: number, 
/**
 * The day the list says it was reviewed (yyyy-mm-dd), if it says so.
 */
listDate: string | null, };

export type Severity = "blocking" | "warning" | "advice";

export type LegalSource = "directive07" | "decree09" | "decree30" | "access_to_information" | "decision407" | "legal_texts" | "resolution202";

export type Rule = { 
/**
 * Stable forever, e.g. "legal.directive_07" (see the module's invariant).
 */
id: string, severity: Severity, 
/**
 * The step of the editor the requirement belongs to.
 */
step: Step, 
/**
 * Short Vietnamese title.
 */
title: string, 
/**
 * Why it is required, in Vietnamese.
 */
explanation: string, source: LegalSource, 
/**
 * The precise place in the source, e.g. "Nghị định 30/2020/NĐ-CP, Phụ lục I".
 */
citation: string, };

export type Target = { step: Step, entity: Entity | null, id: number | null, 
/**
 * The field's wire name (camelCase), as in the field registry.
 */
field: string | null, };

export type Fix = { 
/**
 * What the button says, in Vietnamese ("Thay bằng …").
 */
label: string, 
/**
 * The edit it makes, through the editor's normal path.
 */
edit: FieldEdit, };

export type Finding = { 
/**
 * The rule's id.
 */
rule: string, severity: Severity, step: Step, 
/**
 * Vietnamese, naming what is concerned. The rule's title, why it is
 * required and its source are said once for all its findings, in the
 * report's `rules`.
 */
message: string, target: Target, 
/**
 * The one edit that mends it, when there is one.
 */
fix: Fix | null, };

export type RuleText = { 
/**
 * The rule's id, as its findings name it.
 */
id: string, title: string, explanation: string, source: LegalSource, citation: string, };

export type StepFindings = { step: Step, blocking: number, warnings: number, advice: number, };

export type CheckReport = { 
/**
 * Ordered by step, then by the rule's place in the catalogue, then by the
 * order of the items in the plan.
 */
findings: Array<Finding>, 
/**
 * Each rule that has findings, once, in the catalogue's order (a plan of
 * thousands of items may have thousands of findings of a few rules).
 */
rules: Array<RuleText>, blocking: number, warnings: number, advice: number, 
/**
 * All nine steps, in the editor's order.
 */
perStep: Array<StepFindings>, };

export type CheckCounts = { blocking: number, warnings: number, advice: number, 
/**
 * All nine steps, in the editor's order.
 */
perStep: Array<StepFindings>, };

export type SegmentKind = "same" | "added" | "removed";

export type WordSegment = { kind: SegmentKind, text: string, };

export type TextChange = { 
/**
 * The field's wire name, as in [`crate::FieldEdit`] ("title", "purposes" …);
 * "unitName", "unitParentBody" and "year" for the header outside the fields.
 */
field: string, 
/**
 * The Vietnamese label of the field registry.
 */
label: string, 
/**
 * The editor step it belongs to, for grouping.
 */
step: Step, 
/**
 * The whole old value, as shown (a date as dd/mm/yyyy, a signer authority by name).
 */
before: string, 
/**
 * The whole new value, as shown.
 */
after: string, 
/**
 * `before` turned into `after` word by word; the segments of one kind
 * concatenated give back `before` (same + removed) and `after` (same + added).
 */
words: Array<WordSegment>, };

export type ItemSummary = { id: number, summary: string, };

export type FieldChange = { 
/**
 * The wire name ("unitPrice"); for a policy's stage "stages.drafting.notApplicable".
 */
field: string, label: string, 
/**
 * Empty when the field was empty.
 */
before: string, after: string, };

export type ItemChange = { id: number, 
/**
 * The item as it now is.
 */
summary: string, fields: Array<FieldChange>, };

export type ListDiff = { entity: Entity, 
/**
 * The list's Vietnamese name ("Căn cứ pháp lý", "Dự toán kinh phí" …).
 */
label: string, step: Step, 
/**
 * Items only in the new revision, in its order.
 */
added: Array<ItemSummary>, 
/**
 * Items only in the old revision, in its order.
 */
removed: Array<ItemSummary>, 
/**
 * Items in both whose content differs, in the new order.
 */
changed: Array<ItemChange>, 
/**
 * Items in both whose place in the list changed (not a change of content),
 * in the new order: the fewest items that, moved, give the new order.
 */
moved: Array<ItemSummary>, };

export type TotalChange = { before: Money | null, after: Money | null, 
/**
 * after − before, when both are known.
 */
difference: Difference | null, };

export type CountChange = { before: number, after: number, };

export type DiffTotals = { 
/**
 * Tổng kinh phí đề xuất.
 */
proposed: TotalChange, 
/**
 * Tổng kinh phí được duyệt (lines without an approved amount count 0).
 */
approved: TotalChange, policies: CountChange, activities: CountChange, budgetLines: CountChange, };

export type PlanDiff = { 
/**
 * The plan's own fields that changed, in the editor's order.
 */
texts: Array<TextChange>, 
/**
 * The lists with a difference, in the editor's order; lists without one are left out.
 */
lists: Array<ListDiff>, 
/**
 * Budget totals and counts, before and after (always present).
 */
totals: DiffTotals, };

export type ReviewAction = "submit" | "return" | "resubmit" | "approve";

export type CommentAnchor = { "kind": "section", step: Step, } | { "kind": "line", entity: Entity, id: number, 
/**
 * The field's wire name (camelCase), as in the field registry.
 */
field: string | null, };

export type NewComment = { anchor: CommentAnchor, text: string, 
/**
 * Who comments, free text, e.g. "Sở Tư pháp".
 */
author: string, };

export type Comment = { id: number, planId: number, 
/**
 * The revision it was made on.
 */
revision: number, anchor: CommentAnchor, 
/**
 * The step it is shown in.
 */
step: Step, 
/**
 * What the anchor was called when the comment was made, e.g. "hoạt động “Họp báo …”".
 */
anchorLabel: string, 
/**
 * False when the line it is about has since been deleted.
 */
lineExists: boolean, text: string, author: string, createdAt: string, 
/**
 * When the officer marked it resolved; `None` while open.
 */
resolvedAt: string | null, 
/**
 * What the officer did about it (may be empty).
 */
resolvedNote: string, };

export type RevisionRef = { "kind": "revision", number: number, } | { "kind": "working" };

export type RevisionSummary = { number: number, 
/**
 * The status it was frozen with (submitted or resubmitted).
 */
status: PlanStatus, createdAt: string, 
/**
 * When the plan was approved on this revision.
 */
approvedAt: string | null, 
/**
 * The proposed budget total; `None` past the maximum ("không tính được").
 */
totalProposed: Money | null, totalApproved: Money | null, policies: number, activities: number, budgetLines: number, 
/**
 * Comments made on this revision, and how many of them are still open.
 */
comments: number, openComments: number, };

export type ReviewState = { status: PlanStatus, 
/**
 * False while the plan is submitted, resubmitted or approved.
 */
editable: boolean, 
/**
 * The newest frozen revision (0 before the first submission).
 */
lastRevision: number, 
/**
 * The revision the working copy is or will be: `last_revision + 1` while
 * editable ("đang soạn lần N+1"), `last_revision` while locked.
 */
workingRevision: number, comments: number, openComments: number, 
/**
 * The Vietnamese banner text, if there is anything to say.
 */
notice: string | null, 
/**
 * What may be done to the plan now ([`PlanStatus::actions`]).
 */
actions: Array<ReviewAction>, 
/**
 * A reviewer may add comments now ([`PlanStatus::takes_comments`]).
 */
canComment: boolean, 
/**
 * Comments may be marked done or opened again now ([`PlanStatus::comments_open`]).
 */
canResolve: boolean, 
/**
 * A plan received in a plan file: read-only forever on this computer.
 */
received: boolean, 
/**
 * An own plan with a frozen revision waiting or approved: “Gửi tệp kế hoạch”.
 */
canSendFile: boolean, 
/**
 * A received plan decided on its latest revision: “Ghi tệp trả lời”.
 */
canWriteReturn: boolean, 
/**
 * A received plan: the reviewer's decision on its latest revision, if taken.
 */
decision: ReviewAction | null, 
/**
 * A received plan: the unit that sent it.
 */
sender: string | null, 
/**
 * A received plan: when its latest revision (or draft) was received, RFC 3339.
 */
receivedAt: string | null, };

export type FileSource = "submitted" | "draft";

export type OpenedKind = "received" | "returned" | "approved" | "unchanged";

export type Opened = { outcome: OpenedKind, 
/**
 * The local plan it landed on.
 */
plan: PlanSummary, 
/**
 * The revision number the file carries (0 for a draft).
 */
revision: number, 
/**
 * Comments added.
 */
comments: number, 
/**
 * What was done, in Vietnamese.
 */
message: string, };

export type BoardState = "notReceived" | "draft" | "submitted" | "approved";

export type OlderRevision = { fileName: string, 
/**
 * The revision number; 0 for a draft.
 */
revision: number, writtenAt: string, };

export type ActivitiesDone = { done: number, planned: number, 
/**
 * "18/22 (81,8 %)"; "0/0" when nothing is planned.
 */
label: string, };

export type BoardRow = { unitId: number, 
/**
 * The unit's name in the list.
 */
unitName: string, 
/**
 * The unit's name as the file writes it, when it differs (a mapped file).
 */
fileUnitName: string | null, state: BoardState, 
/**
 * The plan's identity and title (empty when not received).
 */
planUuid: string, title: string, 
/**
 * The name of the file that counts.
 */
receivedFile: string | null, 
/**
 * When that file was written, RFC 3339.
 */
writtenAt: string | null, 
/**
 * Its revision number (0 for a draft); `None` when not received.
 */
revision: number | null, 
/**
 * The older files of the same plan, newest first.
 */
olderRevisions: Array<OlderRevision>, 
/**
 * Blocking findings of the checker, and the first of them.
 */
blocking: number, blockingMessages: Array<string>, 
/**
 * `None` when not received or past the maximum.
 */
totalProposed: Money | null, 
/**
 * `None` while no line is approved (shown blank, never 0).
 */
totalApproved: Money | null, 
/**
 * The share of the plan's activities of the year done, while its file
 * carries results (an approved plan's); `None` otherwise.
 */
activitiesDone: ActivitiesDone | null, 
/**
 * What was spent, as its file's results say; `None` while nothing is
 * recorded (shown blank, never 0).
 */
totalSpent: Money | null, 
/**
 * Another plan claims the same unit and year: both are shown, flagged.
 */
conflict: boolean, };

export type UnmatchedFile = { fileName: string, 
/**
 * The unit's name as the file writes it: what a `UnitMapping` maps.
 */
unitName: string, parentBody: string, title: string, revision: number, writtenAt: string, 
/**
 * A unit of the list whose name reads the same without tone marks, if any.
 */
suggestion: number | null, olderRevisions: Array<OlderRevision>, };

export type RefusedFile = { fileName: string, reason: string, };

export type IgnoredFile = { fileName: string, reason: string, };

export type BoardCounts = { 
/**
 * Units in the list.
 */
units: number, 
/**
 * Units with a plan counted, and those without.
 */
received: number, notReceived: number, 
/**
 * Plans counted, by state.
 */
draft: number, submitted: number, approved: number, 
/**
 * Units claimed by two plans or more.
 */
conflicts: number, unmatched: number, refused: number, ignored: number, };

export type Board = { year: number, rows: Array<BoardRow>, unmatched: Array<UnmatchedFile>, refused: Array<RefusedFile>, ignored: Array<IgnoredFile>, counts: BoardCounts, 
/**
 * The budget of every plan counted (`None` past the maximum).
 */
totalProposed: Money | null, 
/**
 * `None` while no line of any plan is approved.
 */
totalApproved: Money | null, 
/**
 * The activities done of every plan whose file carries results.
 */
activitiesDone: ActivitiesDone | null, 
/**
 * What every plan spent; `None` while nothing is recorded (or past the
 * maximum).
 */
totalSpent: Money | null, };

export type UnitMapping = Record<string, number>;

export type ViewKind = "activities" | "policies" | "spokespersons" | "press" | "budget";

export type FilterKind = "unit" | "month" | "stage" | "channel";

export type ViewQuery = { view: ViewKind, 
/**
 * Free text, matched folded (case, tone marks and composition aside);
 * every word must appear in the row.
 */
filter: string, unitId: number | null, 
/**
 * 1–12.
 */
month: number | null, stage: Stage | null, 
/**
 * A channel's name, as the page lists them.
 */
channel: string | null, 
/**
 * The key of a sortable column; none: the view's own order.
 */
sort: string | null, desc: boolean, offset: number, 
/**
 * Rows per page; 0 for every row.
 */
limit: number, };

export type Column = { key: string, 
/**
 * Vietnamese.
 */
label: string, sortable: boolean, 
/**
 * A number or an amount, aligned right.
 */
numeric: boolean, };

export type ViewRow = { 
/**
 * Stable within a consolidation (for keyed lists).
 */
id: string, unitId: number, cells: Array<string>, };

export type ViewTotals = { 
/**
 * `None` past the maximum.
 */
proposed: Money | null, 
/**
 * `None` while no line of the rows matched is approved: shown blank, never 0.
 */
approved: Money | null, };

export type ViewPage = { view: ViewKind, title: string, columns: Array<Column>, 
/**
 * The filters this view offers beside the free text.
 */
filters: Array<FilterKind>, 
/**
 * The channels of the rows, to choose from (views filtered by channel).
 */
channels: Array<string>, rows: Array<ViewRow>, 
/**
 * Rows matched in all.
 */
total: number, offset: number, 
/**
 * The views with money (press, budget).
 */
totals: ViewTotals | null, };

export type ActivityCount = { 
/**
 * The channel's name ("" for activities of no channel).
 */
channel: string, 
/**
 * `None`: activities of no stage.
 */
stage: Stage | null, 
/**
 * Activities taking place in each month, January first (one that lasts
 * several months counts in each).
 */
months: Array<number>, 
/**
 * Activities, each once.
 */
activities: number, 
/**
 * Units with at least one of them.
 */
units: number, };

export type ActivityStatus = "not_started" | "in_progress" | "done" | "cancelled";

export type ActivityResult = { activityId: number, status: ActivityStatus, 
/**
 * Why it was not done; required when the status is `Cancelled`, empty otherwise.
 */
reason: string, 
/**
 * When it was done (or finished), yyyy-mm-dd; empty when not known.
 */
doneOn: string, 
/**
 * Sản phẩm đạt được, as the officer writes it.
 */
output: string, 
/**
 * The number achieved, counted in `achieved_unit` (the unit of the activity's
 * target where the target states a count, e.g. "hội nghị" of "03 hội nghị").
 */
achieved: number | null, achievedUnit: string, 
/**
 * How many people it reached (lượt người), when known.
 */
reach: number | null, 
/**
 * A note or the reference of a document that shows it (số, ký hiệu văn bản).
 */
note: string, 
/**
 * When it was last recorded (RFC 3339, UTC).
 */
recordedAt: string, };

export type LineSpending = { budgetLineId: number, 
/**
 * Whole đồng, the same rules as every amount.
 */
spent: Money, 
/**
 * Required when more is spent than was approved.
 */
note: string, recordedAt: string, };

export type ObjectiveResult = { objectiveId: number, actual: number | null, note: string, recordedAt: string, };

export type ResultChange = { 
/**
 * When (RFC 3339, UTC).
 */
changedAt: string, 
/**
 * The item: "Hoạt động “…”", "Dòng kinh phí “…”", "Chỉ tiêu “…”",
 * "Báo cáo 6 tháng đầu năm 2026".
 */
item: string, 
/**
 * The field's label, e.g. "Tình trạng".
 */
field: string, 
/**
 * The value before, as people read it; empty when first recorded.
 */
before: string, after: string, };

export type Period = "first_half" | "year";

export type ReportTexts = { period: Period, 
/**
 * Số, e.g. "45" of "Số: 45/BC-SVHTTDL"; empty until numbered.
 */
number: string, 
/**
 * Ngày ban hành, yyyy-mm-dd; empty until issued.
 */
issueDate: string, 
/**
 * Khó khăn, vướng mắc.
 */
difficulties: string, 
/**
 * Đề xuất, kiến nghị.
 */
proposals: string, };

export type PlanResults = { activities: Array<ActivityResult>, spending: Array<LineSpending>, objectives: Array<ObjectiveResult>, reports: Array<ReportTexts>, };

export type StatusCounts = { planned: number, done: number, inProgress: number, cancelled: number, notStarted: number, };

export type StageResults = { stage: Stage, counts: StatusCounts, };

export type PolicyResults = { title: string, majorImpact: boolean, 
/**
 * The five stages, in order.
 */
stages: Array<StageResults>, counts: StatusCounts, };

export type ActivityLine = { activityId: number, 
/**
 * The policy's title; empty for an activity of the plan as a whole.
 */
policy: string, stage: Stage | null, content: string, 
/**
 * When it was planned, as written ("Tháng 3, 6, 9").
 */
plannedWhen: string, target: string, status: ActivityStatus, 
/**
 * dd/mm/yyyy or empty.
 */
doneOn: string, 
/**
 * What was achieved as written: "03 hội nghị; 1.200 lượt người; …".
 */
achieved: string, 
/**
 * The reason it was not done, or the officer's note.
 */
note: string, };

export type IndicatorLine = { objectiveId: number, name: string, 
/**
 * "%", "cuộc", "tháng" …
 */
unit: string, target: number | null, 
/**
 * `None` while it is neither computed nor entered.
 */
actual: number | null, 
/**
 * True when computed from what was recorded, false when entered.
 */
computed: boolean, note: string, };

export type SpendingLine = { budgetLineId: number, 
/**
 * The line's category, "" when it has none.
 */
category: string, description: string, proposed: Money, approved: Money | null, 
/**
 * `None` while nothing is recorded.
 */
spent: Money | null, note: string, };

export type ResultsReport = { period: Period, year: number, 
/**
 * "Kế hoạch số 12/KH-SVHTTDL ngày 05/01/2026 của Sở …" or, unnumbered,
 * "Kế hoạch truyền thông chính sách năm 2026 của Sở …".
 */
planReference: string, texts: ReportTexts, 
/**
 * Every activity planned in the period (a month up to the period's last;
 * an activity of no month counts in the year).
 */
counts: StatusCounts, policies: Array<PolicyResults>, 
/**
 * Activities of the plan as a whole (no policy).
 */
general: StatusCounts, activities: Array<ActivityLine>, indicators: Array<IndicatorLine>, spending: Array<SpendingLine>, 
/**
 * `budget::approved_sum`'s rule: `None` while no line has an approved amount.
 */
totalApproved: Money | null, 
/**
 * `None` while nothing is recorded as spent.
 */
totalSpent: Money | null, };

export type RecordKind = "activity" | "spending" | "objective" | "report";

export type ResultField = { 
/**
 * Its wire name, as in [`ActivityResult`] … (camelCase).
 */
field: string, value: FieldValue, };

export type ResultEdit = { kind: RecordKind, 
/**
 * The activity's, budget line's or objective's id; unused for a report.
 */
id: number, 
/**
 * The report's period, and the period the screen shows.
 */
period: Period, fields: Array<ResultField>, };

export type ResultsView = { report: ResultsReport, 
/**
 * What is recorded of each activity of the report, in its order; where
 * nothing is, a blank record (not started, the unit its target counts in).
 */
activities: Array<ActivityResult>, 
/**
 * What the results check finds for the period on today's date.
 */
findings: CheckReport, };

/** How the editor treats each kind of item (from the field registry in src-tauri/core). */
export type EntityInfo = { step: Step | null; planList: boolean; documentKey: string; titleField: string | null };

export const ENTITIES: Record<Entity, EntityInfo> = {
  plan: { step: "general", planList: false, documentKey: "fields", titleField: "title" },
  legal_basis: { step: "general", planList: true, documentKey: "legalBases", titleField: "text" },
  policy: { step: "policies", planList: true, documentKey: "policies", titleField: "title" },
  policy_stage: { step: "policies", planList: false, documentKey: "stages", titleField: null },
  activity: { step: "activities", planList: true, documentKey: "activities", titleField: "content" },
  focal_officer: { step: "staffing", planList: true, documentKey: "focalOfficers", titleField: "name" },
  training: { step: "staffing", planList: true, documentKey: "trainings", titleField: "topic" },
  press_partner: { step: "press", planList: true, documentKey: "pressPartners", titleField: "name" },
  responsibility: { step: "implementation", planList: true, documentKey: "responsibilities", titleField: "unit" },
  report: { step: "implementation", planList: true, documentKey: "reports", titleField: "content" },
  recipient: { step: "signature", planList: true, documentKey: "recipients", titleField: "text" },
  channel: { step: null, planList: false, documentKey: "channels", titleField: "name" },
  budget_line: { step: "budget", planList: true, documentKey: "budgetLines", titleField: "description" },
  budget_category: { step: null, planList: false, documentKey: "budgetCategories", titleField: "name" },
  funding_source: { step: null, planList: false, documentKey: "fundingSources", titleField: "name" },
  objective: { step: "general", planList: true, documentKey: "objectives", titleField: "name" },
};

/** The plan fields the header's lines are set from, besides the unit and the year (from src-tauri/core). */
export const HEADER_FIELDS = ["title", "headerParentLines", "headerUnitLines", "subjectLines"] as const;
