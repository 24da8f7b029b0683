-- Schema version 8: the plan's objectives and last year's results (plan
-- content).
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

