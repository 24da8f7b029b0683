-- Schema version 7: plans that travel (the plan file, issue 15).
--
-- Every plan gets a UUID v4 (`uuid`), given when it is made and kept for its
-- life; a copy into another year is a new plan with a new one. A plan is
-- `own` (made here) or `received` (read from a plan file another unit sent).
-- A received plan's content is never editable on this computer: the lock
-- below covers it whatever its status, except while the store itself is
-- replacing it with a newer received revision, in one transaction, marked by
-- a row in `receiving` (which only a received plan may have).
--
-- The lock of 004_review.sql is rebuilt on one view, `plan_locks`: the
-- reason a plan's content may not change now ('plan_received',
-- 'plan_approved', 'plan_locked') or NULL.

ALTER TABLE plans ADD COLUMN uuid TEXT
    CHECK (uuid IS NULL OR (length(uuid) = 36 AND uuid NOT GLOB '*[^0-9a-f-]*'));
ALTER TABLE plans ADD COLUMN origin TEXT NOT NULL DEFAULT 'own'
    CHECK (origin IN ('own', 'received'));

-- The old lock would refuse giving a submitted plan its UUID.
DROP TRIGGER plans_locked_update;
DROP TRIGGER plans_locked_delete;

UPDATE plans SET uuid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
    || substr(lower(hex(randomblob(2))), 2) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-'
    || lower(hex(randomblob(6)));

CREATE UNIQUE INDEX plans_by_uuid ON plans (uuid);

CREATE TRIGGER plans_uuid_required BEFORE INSERT ON plans
WHEN NEW.uuid IS NULL
BEGIN
    SELECT RAISE(ABORT, 'plan_uuid_missing');
END;

-- A plan's identity and origin never change.
CREATE TRIGGER plans_identity_frozen BEFORE UPDATE OF uuid, origin ON plans
WHEN NEW.uuid IS NOT OLD.uuid OR NEW.origin IS NOT OLD.origin
BEGIN
    SELECT RAISE(ABORT, 'plan_identity_frozen');
END;

-- The plan whose received content the store is replacing, inside that one
-- transaction (the row is deleted before it commits).
CREATE TABLE receiving (
    plan_id INTEGER PRIMARY KEY REFERENCES plans (id) ON DELETE CASCADE
) STRICT;

CREATE TRIGGER receiving_received_only BEFORE INSERT ON receiving
WHEN (SELECT origin FROM plans WHERE id = NEW.plan_id) IS NOT 'received'
BEGIN
    SELECT RAISE(ABORT, 'plan_locked');
END;

-- Who sent a received plan, and when its latest revision (or draft) came;
-- the hash of the draft it holds, while it holds one.
CREATE TABLE received_plans (
    plan_id      INTEGER PRIMARY KEY REFERENCES plans (id) ON DELETE CASCADE,
    sender       TEXT NOT NULL CHECK (length(trim(sender)) > 0),
    received_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    draft_sha256 TEXT CHECK (draft_sha256 IS NULL
                             OR (length(draft_sha256) = 64 AND draft_sha256 NOT GLOB '*[^0-9a-f]*'))
) STRICT;

-- What a received revision is bound to: the sender's revision number (the
-- local revision has the same number) and the SHA-256 of the sender's
-- document; and the reviewer's decision on it, taken once.
CREATE TABLE received_revisions (
    plan_id     INTEGER NOT NULL,
    number      INTEGER NOT NULL,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    received_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    decision    TEXT CHECK (decision IN ('return', 'approve')),
    decided_at  TEXT,
    CHECK ((decision IS NULL) = (decided_at IS NULL)),
    PRIMARY KEY (plan_id, number),
    FOREIGN KEY (plan_id, number) REFERENCES revisions (plan_id, number) ON DELETE CASCADE
) STRICT;

CREATE TRIGGER received_revisions_frozen
BEFORE UPDATE OF plan_id, number, sha256, received_at ON received_revisions
BEGIN
    SELECT RAISE(ABORT, 'revision_frozen');
END;

CREATE TRIGGER received_revisions_decided_once
BEFORE UPDATE OF decision, decided_at ON received_revisions
WHEN OLD.decision IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'revision_frozen');
END;

-- A received plan's items: the id each has here and the id it has on the
-- sender's computer (which the return file's comment anchors use). An item
-- keeps its local id from one received revision to the next.
CREATE TABLE received_ids (
    plan_id   INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    entity    TEXT NOT NULL,
    local_id  INTEGER NOT NULL,
    remote_id INTEGER NOT NULL,
    PRIMARY KEY (plan_id, entity, remote_id),
    UNIQUE (plan_id, entity, local_id)
) STRICT;

-- The return files applied to an own plan, one per revision: opening the
-- same return again changes nothing.
CREATE TABLE applied_returns (
    plan_id    INTEGER NOT NULL,
    revision   INTEGER NOT NULL,
    decision   TEXT NOT NULL CHECK (decision IN ('return', 'approve')),
    decided_by TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL,
    comments   INTEGER NOT NULL CHECK (comments >= 0),
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (plan_id, revision),
    FOREIGN KEY (plan_id, revision) REFERENCES revisions (plan_id, number) ON DELETE CASCADE
) STRICT;

CREATE VIEW plan_locks (id, lock) AS
SELECT p.id,
       CASE WHEN EXISTS (SELECT 1 FROM receiving r WHERE r.plan_id = p.id) THEN NULL
            WHEN p.origin = 'received' THEN 'plan_received'
            WHEN p.status = 'approved' THEN 'plan_approved'
            WHEN p.status IN ('submitted', 'resubmitted') THEN 'plan_locked'
       END
  FROM plans p;

-- The plan row of a locked plan changes only by a change of status; a
-- locked plan (own and waiting or approved, or received) is not deleted.
CREATE TRIGGER plans_locked_update BEFORE UPDATE ON plans
WHEN NEW.status IS OLD.status AND (SELECT lock FROM plan_locks WHERE id = OLD.id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = OLD.id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER plans_locked_delete BEFORE DELETE ON plans
WHEN (SELECT lock FROM plan_locks WHERE id = OLD.id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = OLD.id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

-- The content of a locked plan: every list that hangs on it.
DROP TRIGGER legal_bases_locked_insert;
DROP TRIGGER legal_bases_locked_update;
DROP TRIGGER legal_bases_locked_delete;
DROP TRIGGER policies_locked_insert;
DROP TRIGGER policies_locked_update;
DROP TRIGGER policies_locked_delete;
DROP TRIGGER activities_locked_insert;
DROP TRIGGER activities_locked_update;
DROP TRIGGER activities_locked_delete;
DROP TRIGGER focal_officers_locked_insert;
DROP TRIGGER focal_officers_locked_update;
DROP TRIGGER focal_officers_locked_delete;
DROP TRIGGER trainings_locked_insert;
DROP TRIGGER trainings_locked_update;
DROP TRIGGER trainings_locked_delete;
DROP TRIGGER press_partners_locked_insert;
DROP TRIGGER press_partners_locked_update;
DROP TRIGGER press_partners_locked_delete;
DROP TRIGGER responsibilities_locked_insert;
DROP TRIGGER responsibilities_locked_update;
DROP TRIGGER responsibilities_locked_delete;
DROP TRIGGER reports_locked_insert;
DROP TRIGGER reports_locked_update;
DROP TRIGGER reports_locked_delete;
DROP TRIGGER recipients_locked_insert;
DROP TRIGGER recipients_locked_update;
DROP TRIGGER recipients_locked_delete;
DROP TRIGGER budget_lines_locked_insert;
DROP TRIGGER budget_lines_locked_update;
DROP TRIGGER budget_lines_locked_delete;
DROP TRIGGER policy_stages_locked_insert;
DROP TRIGGER policy_stages_locked_update;
DROP TRIGGER policy_stages_locked_delete;

CREATE TRIGGER legal_bases_locked_insert BEFORE INSERT ON legal_bases
WHEN (SELECT lock FROM plan_locks WHERE id = NEW.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = NEW.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER legal_bases_locked_update BEFORE UPDATE ON legal_bases
WHEN (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER legal_bases_locked_delete BEFORE DELETE ON legal_bases
WHEN (SELECT lock FROM plan_locks WHERE id = OLD.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = OLD.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER policies_locked_insert BEFORE INSERT ON policies
WHEN (SELECT lock FROM plan_locks WHERE id = NEW.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = NEW.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER policies_locked_update BEFORE UPDATE ON policies
WHEN (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER policies_locked_delete BEFORE DELETE ON policies
WHEN (SELECT lock FROM plan_locks WHERE id = OLD.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = OLD.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER activities_locked_insert BEFORE INSERT ON activities
WHEN (SELECT lock FROM plan_locks WHERE id = NEW.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = NEW.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER activities_locked_update BEFORE UPDATE ON activities
WHEN (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER activities_locked_delete BEFORE DELETE ON activities
WHEN (SELECT lock FROM plan_locks WHERE id = OLD.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = OLD.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER focal_officers_locked_insert BEFORE INSERT ON focal_officers
WHEN (SELECT lock FROM plan_locks WHERE id = NEW.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = NEW.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER focal_officers_locked_update BEFORE UPDATE ON focal_officers
WHEN (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER focal_officers_locked_delete BEFORE DELETE ON focal_officers
WHEN (SELECT lock FROM plan_locks WHERE id = OLD.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = OLD.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER trainings_locked_insert BEFORE INSERT ON trainings
WHEN (SELECT lock FROM plan_locks WHERE id = NEW.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = NEW.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER trainings_locked_update BEFORE UPDATE ON trainings
WHEN (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER trainings_locked_delete BEFORE DELETE ON trainings
WHEN (SELECT lock FROM plan_locks WHERE id = OLD.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = OLD.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER press_partners_locked_insert BEFORE INSERT ON press_partners
WHEN (SELECT lock FROM plan_locks WHERE id = NEW.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = NEW.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER press_partners_locked_update BEFORE UPDATE ON press_partners
WHEN (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER press_partners_locked_delete BEFORE DELETE ON press_partners
WHEN (SELECT lock FROM plan_locks WHERE id = OLD.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = OLD.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER responsibilities_locked_insert BEFORE INSERT ON responsibilities
WHEN (SELECT lock FROM plan_locks WHERE id = NEW.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = NEW.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER responsibilities_locked_update BEFORE UPDATE ON responsibilities
WHEN (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER responsibilities_locked_delete BEFORE DELETE ON responsibilities
WHEN (SELECT lock FROM plan_locks WHERE id = OLD.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = OLD.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER reports_locked_insert BEFORE INSERT ON reports
WHEN (SELECT lock FROM plan_locks WHERE id = NEW.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = NEW.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER reports_locked_update BEFORE UPDATE ON reports
WHEN (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER reports_locked_delete BEFORE DELETE ON reports
WHEN (SELECT lock FROM plan_locks WHERE id = OLD.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = OLD.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER recipients_locked_insert BEFORE INSERT ON recipients
WHEN (SELECT lock FROM plan_locks WHERE id = NEW.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = NEW.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER recipients_locked_update BEFORE UPDATE ON recipients
WHEN (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER recipients_locked_delete BEFORE DELETE ON recipients
WHEN (SELECT lock FROM plan_locks WHERE id = OLD.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = OLD.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER budget_lines_locked_insert BEFORE INSERT ON budget_lines
WHEN (SELECT lock FROM plan_locks WHERE id = NEW.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = NEW.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER budget_lines_locked_update BEFORE UPDATE ON budget_lines
WHEN (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER budget_lines_locked_delete BEFORE DELETE ON budget_lines
WHEN (SELECT lock FROM plan_locks WHERE id = OLD.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = OLD.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER policy_stages_locked_insert BEFORE INSERT ON policy_stages
WHEN (SELECT l.lock FROM policies s JOIN plan_locks l ON l.id = s.plan_id WHERE s.id = NEW.policy_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT l.lock FROM policies s JOIN plan_locks l ON l.id = s.plan_id WHERE s.id = NEW.policy_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER policy_stages_locked_update BEFORE UPDATE ON policy_stages
WHEN (SELECT l.lock FROM policies s JOIN plan_locks l ON l.id = s.plan_id
      WHERE s.id IN (OLD.policy_id, NEW.policy_id) AND l.lock IS NOT NULL
      ORDER BY l.lock = 'plan_locked' LIMIT 1) IS NOT NULL
BEGIN
    SELECT CASE (SELECT l.lock FROM policies s JOIN plan_locks l ON l.id = s.plan_id
      WHERE s.id IN (OLD.policy_id, NEW.policy_id) AND l.lock IS NOT NULL
      ORDER BY l.lock = 'plan_locked' LIMIT 1)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER policy_stages_locked_delete BEFORE DELETE ON policy_stages
WHEN (SELECT l.lock FROM policies s JOIN plan_locks l ON l.id = s.plan_id WHERE s.id = OLD.policy_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT l.lock FROM policies s JOIN plan_locks l ON l.id = s.plan_id WHERE s.id = OLD.policy_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;
