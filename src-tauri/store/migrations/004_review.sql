-- Schema version 4: the review of a plan (submit, return with comments,
-- resubmit, approve), its frozen revisions, the reviewers' comments, and the
-- lock: while a plan is submitted, resubmitted or approved, no row of its
-- content may be inserted, changed or deleted. The lock is enforced here, by
-- triggers, so that every write path (field edits, lists, undo, budget,
-- deletion) is covered by one rule; the store maps the messages 'plan_locked'
-- and 'plan_approved' to Vietnamese. A change of status passes.

-- One frozen submission of a plan: the whole PlanDocument as JSON. Numbered
-- 1, 2, 3 … per plan: revision numbers count submissions.
CREATE TABLE revisions (
    id             INTEGER PRIMARY KEY,
    plan_id        INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    number         INTEGER NOT NULL CHECK (number >= 1),
    status         TEXT NOT NULL CHECK (status IN ('submitted', 'resubmitted')),
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    document       TEXT NOT NULL CHECK (json_valid(document)),
    -- NULL when a total is past the maximum ("không tính được").
    total_proposed INTEGER CHECK (total_proposed BETWEEN 0 AND 999999999999999),
    total_approved INTEGER CHECK (total_approved BETWEEN 0 AND 999999999999999),
    -- Set once, when the plan is approved on this revision.
    approved_at    TEXT,
    UNIQUE (plan_id, number)
) STRICT;

-- A frozen revision never changes; only its approval date is set, once.
CREATE TRIGGER revisions_frozen
BEFORE UPDATE OF plan_id, number, status, created_at, document, total_proposed, total_approved
ON revisions
BEGIN
    SELECT RAISE(ABORT, 'revision_frozen');
END;

CREATE TRIGGER revisions_approved_once BEFORE UPDATE OF approved_at ON revisions
WHEN OLD.approved_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'revision_frozen');
END;

-- A reviewer's comment, made on a revision, about a section (a step of the
-- editor) or a line (entity + item_id, optionally one field). The line may
-- be deleted later: `anchor_label` keeps what it was called. Comments are not
-- content: they may be added and resolved while the plan is locked.
CREATE TABLE comments (
    id            INTEGER PRIMARY KEY,
    plan_id       INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    revision      INTEGER NOT NULL,
    step          TEXT NOT NULL CHECK (step IN ('general', 'policies', 'activities', 'staffing',
                      'press', 'monitoring', 'budget', 'implementation', 'signature')),
    entity        TEXT CHECK (entity IS NULL OR length(entity) > 0),
    item_id       INTEGER,
    field         TEXT CHECK (field IS NULL OR entity IS NOT NULL),
    anchor_label  TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL CHECK (length(trim(text)) > 0),
    author        TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    resolved_at   TEXT,
    resolved_note TEXT NOT NULL DEFAULT '',
    CHECK ((entity IS NULL) = (item_id IS NULL)),
    FOREIGN KEY (plan_id, revision) REFERENCES revisions (plan_id, number) ON DELETE CASCADE
) STRICT;
CREATE INDEX comments_by_plan ON comments (plan_id, id);
CREATE INDEX comments_by_revision ON comments (plan_id, revision);

-- The lock. A locked plan's own row changes only by a change of status, and
-- it cannot be deleted.
CREATE TRIGGER plans_locked_update BEFORE UPDATE ON plans
WHEN OLD.status IN ('submitted', 'resubmitted', 'approved') AND NEW.status IS OLD.status
BEGIN
    SELECT CASE OLD.status WHEN 'approved' THEN RAISE(ABORT, 'plan_approved')
                           ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER plans_locked_delete BEFORE DELETE ON plans
WHEN OLD.status IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE OLD.status WHEN 'approved' THEN RAISE(ABORT, 'plan_approved')
                           ELSE RAISE(ABORT, 'plan_locked') END;
END;


-- The content of a locked plan: every list that hangs on the plan.

CREATE TRIGGER legal_bases_locked_insert BEFORE INSERT ON legal_bases
WHEN (SELECT status FROM plans WHERE id = NEW.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT status FROM plans WHERE id = NEW.plan_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER legal_bases_locked_update BEFORE UPDATE ON legal_bases
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) IN ('submitted', 'resubmitted', 'approved')
  OR (SELECT status FROM plans WHERE id = NEW.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT CASE WHEN max(status = 'approved') THEN 'approved' END FROM plans
                 WHERE id IN (OLD.plan_id, NEW.plan_id))
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER legal_bases_locked_delete BEFORE DELETE ON legal_bases
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT status FROM plans WHERE id = OLD.plan_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER policies_locked_insert BEFORE INSERT ON policies
WHEN (SELECT status FROM plans WHERE id = NEW.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT status FROM plans WHERE id = NEW.plan_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER policies_locked_update BEFORE UPDATE ON policies
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) IN ('submitted', 'resubmitted', 'approved')
  OR (SELECT status FROM plans WHERE id = NEW.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT CASE WHEN max(status = 'approved') THEN 'approved' END FROM plans
                 WHERE id IN (OLD.plan_id, NEW.plan_id))
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER policies_locked_delete BEFORE DELETE ON policies
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT status FROM plans WHERE id = OLD.plan_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER activities_locked_insert BEFORE INSERT ON activities
WHEN (SELECT status FROM plans WHERE id = NEW.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT status FROM plans WHERE id = NEW.plan_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER activities_locked_update BEFORE UPDATE ON activities
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) IN ('submitted', 'resubmitted', 'approved')
  OR (SELECT status FROM plans WHERE id = NEW.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT CASE WHEN max(status = 'approved') THEN 'approved' END FROM plans
                 WHERE id IN (OLD.plan_id, NEW.plan_id))
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER activities_locked_delete BEFORE DELETE ON activities
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT status FROM plans WHERE id = OLD.plan_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER focal_officers_locked_insert BEFORE INSERT ON focal_officers
WHEN (SELECT status FROM plans WHERE id = NEW.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT status FROM plans WHERE id = NEW.plan_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER focal_officers_locked_update BEFORE UPDATE ON focal_officers
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) IN ('submitted', 'resubmitted', 'approved')
  OR (SELECT status FROM plans WHERE id = NEW.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT CASE WHEN max(status = 'approved') THEN 'approved' END FROM plans
                 WHERE id IN (OLD.plan_id, NEW.plan_id))
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER focal_officers_locked_delete BEFORE DELETE ON focal_officers
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT status FROM plans WHERE id = OLD.plan_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER trainings_locked_insert BEFORE INSERT ON trainings
WHEN (SELECT status FROM plans WHERE id = NEW.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT status FROM plans WHERE id = NEW.plan_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER trainings_locked_update BEFORE UPDATE ON trainings
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) IN ('submitted', 'resubmitted', 'approved')
  OR (SELECT status FROM plans WHERE id = NEW.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT CASE WHEN max(status = 'approved') THEN 'approved' END FROM plans
                 WHERE id IN (OLD.plan_id, NEW.plan_id))
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER trainings_locked_delete BEFORE DELETE ON trainings
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT status FROM plans WHERE id = OLD.plan_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER press_partners_locked_insert BEFORE INSERT ON press_partners
WHEN (SELECT status FROM plans WHERE id = NEW.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT status FROM plans WHERE id = NEW.plan_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER press_partners_locked_update BEFORE UPDATE ON press_partners
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) IN ('submitted', 'resubmitted', 'approved')
  OR (SELECT status FROM plans WHERE id = NEW.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT CASE WHEN max(status = 'approved') THEN 'approved' END FROM plans
                 WHERE id IN (OLD.plan_id, NEW.plan_id))
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER press_partners_locked_delete BEFORE DELETE ON press_partners
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT status FROM plans WHERE id = OLD.plan_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER responsibilities_locked_insert BEFORE INSERT ON responsibilities
WHEN (SELECT status FROM plans WHERE id = NEW.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT status FROM plans WHERE id = NEW.plan_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER responsibilities_locked_update BEFORE UPDATE ON responsibilities
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) IN ('submitted', 'resubmitted', 'approved')
  OR (SELECT status FROM plans WHERE id = NEW.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT CASE WHEN max(status = 'approved') THEN 'approved' END FROM plans
                 WHERE id IN (OLD.plan_id, NEW.plan_id))
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER responsibilities_locked_delete BEFORE DELETE ON responsibilities
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT status FROM plans WHERE id = OLD.plan_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER reports_locked_insert BEFORE INSERT ON reports
WHEN (SELECT status FROM plans WHERE id = NEW.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT status FROM plans WHERE id = NEW.plan_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER reports_locked_update BEFORE UPDATE ON reports
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) IN ('submitted', 'resubmitted', 'approved')
  OR (SELECT status FROM plans WHERE id = NEW.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT CASE WHEN max(status = 'approved') THEN 'approved' END FROM plans
                 WHERE id IN (OLD.plan_id, NEW.plan_id))
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER reports_locked_delete BEFORE DELETE ON reports
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT status FROM plans WHERE id = OLD.plan_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER recipients_locked_insert BEFORE INSERT ON recipients
WHEN (SELECT status FROM plans WHERE id = NEW.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT status FROM plans WHERE id = NEW.plan_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER recipients_locked_update BEFORE UPDATE ON recipients
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) IN ('submitted', 'resubmitted', 'approved')
  OR (SELECT status FROM plans WHERE id = NEW.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT CASE WHEN max(status = 'approved') THEN 'approved' END FROM plans
                 WHERE id IN (OLD.plan_id, NEW.plan_id))
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER recipients_locked_delete BEFORE DELETE ON recipients
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT status FROM plans WHERE id = OLD.plan_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER budget_lines_locked_insert BEFORE INSERT ON budget_lines
WHEN (SELECT status FROM plans WHERE id = NEW.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT status FROM plans WHERE id = NEW.plan_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER budget_lines_locked_update BEFORE UPDATE ON budget_lines
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) IN ('submitted', 'resubmitted', 'approved')
  OR (SELECT status FROM plans WHERE id = NEW.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT CASE WHEN max(status = 'approved') THEN 'approved' END FROM plans
                 WHERE id IN (OLD.plan_id, NEW.plan_id))
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER budget_lines_locked_delete BEFORE DELETE ON budget_lines
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT status FROM plans WHERE id = OLD.plan_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

-- The five stages of a policy belong to the plan through the policy.

CREATE TRIGGER policy_stages_locked_insert BEFORE INSERT ON policy_stages
WHEN (SELECT p.status FROM policies s JOIN plans p ON p.id = s.plan_id WHERE s.id = NEW.policy_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT p.status FROM policies s JOIN plans p ON p.id = s.plan_id WHERE s.id = NEW.policy_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER policy_stages_locked_update BEFORE UPDATE ON policy_stages
WHEN (SELECT p.status FROM policies s JOIN plans p ON p.id = s.plan_id WHERE s.id = OLD.policy_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT p.status FROM policies s JOIN plans p ON p.id = s.plan_id WHERE s.id = OLD.policy_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER policy_stages_locked_delete BEFORE DELETE ON policy_stages
WHEN (SELECT p.status FROM policies s JOIN plans p ON p.id = s.plan_id WHERE s.id = OLD.policy_id) IN ('submitted', 'resubmitted', 'approved')
BEGIN
    SELECT CASE (SELECT p.status FROM policies s JOIN plans p ON p.id = s.plan_id WHERE s.id = OLD.policy_id)
        WHEN 'approved' THEN RAISE(ABORT, 'plan_approved') ELSE RAISE(ABORT, 'plan_locked') END;
END;
