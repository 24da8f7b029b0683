-- Schema version 8: the plan's objectives and last year's results (plan
-- content), and what was done of an approved plan (not content).
--
-- Objectives (chỉ tiêu) and the opening text "Kết quả thực hiện năm trước"
-- are drafted, reviewed and frozen with the plan: the review lock of
-- 007_plan_files.sql (`plan_locks`) covers `objectives` exactly as it covers
-- every other list of a plan.

ALTER TABLE plans ADD COLUMN previous_results TEXT NOT NULL DEFAULT '';

CREATE TABLE objectives (
    id       INTEGER PRIMARY KEY,
    plan_id  INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    name     TEXT NOT NULL DEFAULT '',
    target   INTEGER CHECK (target BETWEEN 0 AND 999999999),
    unit     TEXT NOT NULL DEFAULT '',
    measure  TEXT NOT NULL DEFAULT 'manual'
             CHECK (measure IN ('manual', 'major_policies_from_proposal', 'press_conferences',
                                'monthly_press_information', 'activities_done'))
) STRICT;
CREATE INDEX objectives_by_plan ON objectives (plan_id, position);

CREATE TRIGGER objectives_locked_insert BEFORE INSERT ON objectives
WHEN (SELECT lock FROM plan_locks WHERE id = NEW.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = NEW.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER objectives_locked_update BEFORE UPDATE ON objectives
WHEN (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id IN (OLD.plan_id, NEW.plan_id) AND lock IS NOT NULL
      ORDER BY lock = 'plan_locked' LIMIT 1)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

CREATE TRIGGER objectives_locked_delete BEFORE DELETE ON objectives
WHEN (SELECT lock FROM plan_locks WHERE id = OLD.plan_id) IS NOT NULL
BEGIN
    SELECT CASE (SELECT lock FROM plan_locks WHERE id = OLD.plan_id)
        WHEN 'plan_received' THEN RAISE(ABORT, 'plan_received')
        WHEN 'plan_approved' THEN RAISE(ABORT, 'plan_approved')
        ELSE RAISE(ABORT, 'plan_locked') END;
END;

-- What was done of an approved plan, kept beside it, dated, with its own
-- history: per activity (`activity_results`), per budget line
-- (`line_spending`), per objective (`objective_results`) and per reporting
-- period the report's own texts (`report_texts`). These are not plan
-- content: the review lock does not cover them. They are recorded only for
-- an own, approved plan (`results_closed` below; the store says so first, in
-- Vietnamese), whose items can no longer be deleted; each row hangs on its
-- plan and on its item of that plan (deleted with either). A received plan
-- holds the results the approved plan's file it was received from carries,
-- written only while that file is received; `received_plans.results_written_at`
-- says when that file was written (NULL while it holds none).

ALTER TABLE received_plans ADD COLUMN results_written_at TEXT;

CREATE UNIQUE INDEX activities_of_plan ON activities (id, plan_id);
CREATE UNIQUE INDEX budget_lines_of_plan ON budget_lines (id, plan_id);
CREATE UNIQUE INDEX objectives_of_plan ON objectives (id, plan_id);

CREATE TABLE activity_results (
    activity_id   INTEGER PRIMARY KEY,
    plan_id       INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    status        TEXT NOT NULL
                  CHECK (status IN ('not_started', 'in_progress', 'done', 'cancelled')),
    -- Why it was not done: required for 'cancelled', empty otherwise.
    reason        TEXT NOT NULL DEFAULT '',
    -- yyyy-mm-dd of a day that exists (date() alone would take 30 February).
    done_on       TEXT NOT NULL DEFAULT ''
                  CHECK (done_on = '' OR date(done_on, '+0 days') IS done_on),
    output        TEXT NOT NULL DEFAULT '',
    achieved      INTEGER CHECK (achieved BETWEEN 0 AND 999999999),
    achieved_unit TEXT NOT NULL DEFAULT '',
    reach         INTEGER CHECK (reach BETWEEN 0 AND 999999999),
    note          TEXT NOT NULL DEFAULT '',
    recorded_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((status = 'cancelled') = (length(reason) > 0)),
    FOREIGN KEY (activity_id, plan_id) REFERENCES activities (id, plan_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX activity_results_by_plan ON activity_results (plan_id);

CREATE TABLE line_spending (
    budget_line_id INTEGER PRIMARY KEY,
    plan_id        INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    spent          INTEGER NOT NULL CHECK (spent BETWEEN 0 AND 999999999999999),
    note           TEXT NOT NULL DEFAULT '',
    recorded_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    FOREIGN KEY (budget_line_id, plan_id) REFERENCES budget_lines (id, plan_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX line_spending_by_plan ON line_spending (plan_id);

CREATE TABLE objective_results (
    objective_id INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    actual       INTEGER CHECK (actual BETWEEN 0 AND 999999999),
    note         TEXT NOT NULL DEFAULT '',
    recorded_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    FOREIGN KEY (objective_id, plan_id) REFERENCES objectives (id, plan_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX objective_results_by_plan ON objective_results (plan_id);

CREATE TABLE report_texts (
    plan_id      INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    period       TEXT NOT NULL CHECK (period IN ('first_half', 'year')),
    number       TEXT NOT NULL DEFAULT '',
    issue_date   TEXT NOT NULL DEFAULT ''
                 CHECK (issue_date = '' OR date(issue_date, '+0 days') IS issue_date),
    difficulties TEXT NOT NULL DEFAULT '',
    proposals    TEXT NOT NULL DEFAULT '',
    recorded_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (plan_id, period)
) STRICT;

-- Every result recorded, then every change of one of its fields: what
-- (which table), the item (NULL for a report's texts, which name their
-- period), the field with its old and new value, or, when the row is first
-- recorded, the row as JSON in `new_value` (`field` NULL); when. Filled by
-- the triggers below only; never changed; deleted with the plan.
CREATE TABLE result_changes (
    id         INTEGER PRIMARY KEY,
    plan_id    INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    what       TEXT NOT NULL CHECK (what IN ('activity', 'spending', 'objective', 'report')),
    item_id    INTEGER,
    period     TEXT CHECK (period IN ('first_half', 'year')),
    field      TEXT,
    old_value  ANY,
    new_value  ANY,
    changed_at TEXT NOT NULL,
    CHECK ((what = 'report') = (item_id IS NULL)),
    CHECK ((what = 'report') = (period IS NOT NULL))
) STRICT;
CREATE INDEX result_changes_by_plan ON result_changes (plan_id, id);

CREATE TRIGGER result_changes_frozen BEFORE UPDATE ON result_changes
BEGIN
    SELECT RAISE(ABORT, 'history_frozen');
END;

-- Results only for an own, approved plan, or for a received plan while a
-- plan file is being received (`receiving`): the results an approved plan's
-- file carries.

CREATE TRIGGER activity_results_open_insert BEFORE INSERT ON activity_results
WHEN (SELECT (status = 'approved' AND origin = 'own')
             OR (origin = 'received' AND id IN (SELECT plan_id FROM receiving))
        FROM plans WHERE id = NEW.plan_id) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'results_closed');
END;

CREATE TRIGGER activity_results_open_update BEFORE UPDATE ON activity_results
WHEN (SELECT (status = 'approved' AND origin = 'own')
             OR (origin = 'received' AND id IN (SELECT plan_id FROM receiving))
        FROM plans WHERE id = NEW.plan_id) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'results_closed');
END;

CREATE TRIGGER line_spending_open_insert BEFORE INSERT ON line_spending
WHEN (SELECT (status = 'approved' AND origin = 'own')
             OR (origin = 'received' AND id IN (SELECT plan_id FROM receiving))
        FROM plans WHERE id = NEW.plan_id) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'results_closed');
END;

CREATE TRIGGER line_spending_open_update BEFORE UPDATE ON line_spending
WHEN (SELECT (status = 'approved' AND origin = 'own')
             OR (origin = 'received' AND id IN (SELECT plan_id FROM receiving))
        FROM plans WHERE id = NEW.plan_id) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'results_closed');
END;

CREATE TRIGGER objective_results_open_insert BEFORE INSERT ON objective_results
WHEN (SELECT (status = 'approved' AND origin = 'own')
             OR (origin = 'received' AND id IN (SELECT plan_id FROM receiving))
        FROM plans WHERE id = NEW.plan_id) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'results_closed');
END;

CREATE TRIGGER objective_results_open_update BEFORE UPDATE ON objective_results
WHEN (SELECT (status = 'approved' AND origin = 'own')
             OR (origin = 'received' AND id IN (SELECT plan_id FROM receiving))
        FROM plans WHERE id = NEW.plan_id) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'results_closed');
END;

CREATE TRIGGER report_texts_open_insert BEFORE INSERT ON report_texts
WHEN (SELECT (status = 'approved' AND origin = 'own')
             OR (origin = 'received' AND id IN (SELECT plan_id FROM receiving))
        FROM plans WHERE id = NEW.plan_id) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'results_closed');
END;

CREATE TRIGGER report_texts_open_update BEFORE UPDATE ON report_texts
WHEN (SELECT (status = 'approved' AND origin = 'own')
             OR (origin = 'received' AND id IN (SELECT plan_id FROM receiving))
        FROM plans WHERE id = NEW.plan_id) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'results_closed');
END;

-- The history.

CREATE TRIGGER activity_results_recorded AFTER INSERT ON activity_results
BEGIN
    INSERT INTO result_changes (plan_id, what, item_id, new_value, changed_at)
    VALUES (NEW.plan_id, 'activity', NEW.activity_id,
            json_object('status', NEW.status, 'reason', NEW.reason, 'done_on', NEW.done_on,
                        'output', NEW.output, 'achieved', NEW.achieved,
                        'achieved_unit', NEW.achieved_unit, 'reach', NEW.reach, 'note', NEW.note),
            NEW.recorded_at);
END;

CREATE TRIGGER activity_results_changed AFTER UPDATE ON activity_results
BEGIN
    INSERT INTO result_changes (plan_id, what, item_id, field, old_value, new_value, changed_at)
    SELECT NEW.plan_id, 'activity', NEW.activity_id, f, o, n, NEW.recorded_at
      FROM (SELECT 1 AS k, 'status' AS f, OLD.status AS o, NEW.status AS n
            UNION ALL SELECT 2, 'reason', OLD.reason, NEW.reason
            UNION ALL SELECT 3, 'done_on', OLD.done_on, NEW.done_on
            UNION ALL SELECT 4, 'output', OLD.output, NEW.output
            UNION ALL SELECT 5, 'achieved', OLD.achieved, NEW.achieved
            UNION ALL SELECT 6, 'achieved_unit', OLD.achieved_unit, NEW.achieved_unit
            UNION ALL SELECT 7, 'reach', OLD.reach, NEW.reach
            UNION ALL SELECT 8, 'note', OLD.note, NEW.note)
     WHERE o IS NOT n
     ORDER BY k;
END;

CREATE TRIGGER line_spending_recorded AFTER INSERT ON line_spending
BEGIN
    INSERT INTO result_changes (plan_id, what, item_id, new_value, changed_at)
    VALUES (NEW.plan_id, 'spending', NEW.budget_line_id,
            json_object('spent', NEW.spent, 'note', NEW.note), NEW.recorded_at);
END;

CREATE TRIGGER line_spending_changed AFTER UPDATE ON line_spending
BEGIN
    INSERT INTO result_changes (plan_id, what, item_id, field, old_value, new_value, changed_at)
    SELECT NEW.plan_id, 'spending', NEW.budget_line_id, f, o, n, NEW.recorded_at
      FROM (SELECT 1 AS k, 'spent' AS f, OLD.spent AS o, NEW.spent AS n
            UNION ALL SELECT 2, 'note', OLD.note, NEW.note)
     WHERE o IS NOT n
     ORDER BY k;
END;

CREATE TRIGGER objective_results_recorded AFTER INSERT ON objective_results
BEGIN
    INSERT INTO result_changes (plan_id, what, item_id, new_value, changed_at)
    VALUES (NEW.plan_id, 'objective', NEW.objective_id,
            json_object('actual', NEW.actual, 'note', NEW.note), NEW.recorded_at);
END;

CREATE TRIGGER objective_results_changed AFTER UPDATE ON objective_results
BEGIN
    INSERT INTO result_changes (plan_id, what, item_id, field, old_value, new_value, changed_at)
    SELECT NEW.plan_id, 'objective', NEW.objective_id, f, o, n, NEW.recorded_at
      FROM (SELECT 1 AS k, 'actual' AS f, OLD.actual AS o, NEW.actual AS n
            UNION ALL SELECT 2, 'note', OLD.note, NEW.note)
     WHERE o IS NOT n
     ORDER BY k;
END;

CREATE TRIGGER report_texts_recorded AFTER INSERT ON report_texts
BEGIN
    INSERT INTO result_changes (plan_id, what, period, new_value, changed_at)
    VALUES (NEW.plan_id, 'report', NEW.period,
            json_object('number', NEW.number, 'issue_date', NEW.issue_date,
                        'difficulties', NEW.difficulties, 'proposals', NEW.proposals),
            NEW.recorded_at);
END;

CREATE TRIGGER report_texts_changed AFTER UPDATE ON report_texts
BEGIN
    INSERT INTO result_changes (plan_id, what, period, field, old_value, new_value, changed_at)
    SELECT NEW.plan_id, 'report', NEW.period, f, o, n, NEW.recorded_at
      FROM (SELECT 1 AS k, 'number' AS f, OLD.number AS o, NEW.number AS n
            UNION ALL SELECT 2, 'issue_date', OLD.issue_date, NEW.issue_date
            UNION ALL SELECT 3, 'difficulties', OLD.difficulties, NEW.difficulties
            UNION ALL SELECT 4, 'proposals', OLD.proposals, NEW.proposals)
     WHERE o IS NOT n
     ORDER BY k;
END;
