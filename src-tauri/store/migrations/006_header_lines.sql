-- The officer's line breaks of the header's names: the parent body, the unit
-- and the subject, each the name with a line break at the end of each line,
-- or '' for the automatic rule (core `header_lines`). Fields of the plan row,
-- so they travel with the plan, are frozen in its revisions and are locked
-- with it by the review's triggers (004_review.sql).
ALTER TABLE plans ADD COLUMN header_parent_lines TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN header_unit_lines TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN subject_lines TEXT NOT NULL DEFAULT '';
