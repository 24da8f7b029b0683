-- Schema version 3: the budget estimate. Money is whole đồng in INTEGER
-- columns, bounded by CHECKs (0 … 999.999.999.999.999); quantities are
-- hundredths. Every change of an amount is recorded by a trigger, so no path
-- can change one without a trace.

CREATE TABLE budget_categories (
    id       INTEGER PRIMARY KEY,
    position INTEGER NOT NULL DEFAULT 0,
    name     TEXT NOT NULL
) STRICT;

CREATE TABLE funding_sources (
    id       INTEGER PRIMARY KEY,
    position INTEGER NOT NULL DEFAULT 0,
    name     TEXT NOT NULL
) STRICT;

CREATE TABLE budget_lines (
    id                INTEGER PRIMARY KEY,
    plan_id           INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL DEFAULT 0,
    category_id       INTEGER REFERENCES budget_categories (id) ON DELETE RESTRICT,
    description       TEXT NOT NULL DEFAULT '',
    unit_of_measure   TEXT NOT NULL DEFAULT '',
    quantity_centi    INTEGER NOT NULL DEFAULT 100 CHECK (quantity_centi BETWEEN 0 AND 999999999),
    unit_price        INTEGER NOT NULL DEFAULT 0 CHECK (unit_price BETWEEN 0 AND 999999999999999),
    amount            INTEGER NOT NULL DEFAULT 0 CHECK (amount BETWEEN 0 AND 999999999999999),
    approved          INTEGER CHECK (approved BETWEEN 0 AND 999999999999999),
    funding_source_id INTEGER REFERENCES funding_sources (id) ON DELETE RESTRICT,
    -- A line outlives its activity: deleting the activity only unlinks it.
    activity_id       INTEGER REFERENCES activities (id) ON DELETE SET NULL,
    notes             TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX budget_lines_by_plan ON budget_lines (plan_id, position);
CREATE INDEX budget_lines_by_activity ON budget_lines (activity_id);

CREATE TABLE amount_changes (
    id         INTEGER PRIMARY KEY,
    line_id    INTEGER NOT NULL REFERENCES budget_lines (id) ON DELETE CASCADE,
    field      TEXT NOT NULL CHECK (field IN ('quantity', 'unitPrice', 'amount', 'approved')),
    old_value  INTEGER,
    new_value  INTEGER,
    changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX amount_changes_by_line ON amount_changes (line_id, id);

CREATE TRIGGER budget_quantity_changed AFTER UPDATE OF quantity_centi ON budget_lines
WHEN OLD.quantity_centi IS NOT NEW.quantity_centi
BEGIN
    INSERT INTO amount_changes (line_id, field, old_value, new_value)
    VALUES (NEW.id, 'quantity', OLD.quantity_centi, NEW.quantity_centi);
END;

CREATE TRIGGER budget_unit_price_changed AFTER UPDATE OF unit_price ON budget_lines
WHEN OLD.unit_price IS NOT NEW.unit_price
BEGIN
    INSERT INTO amount_changes (line_id, field, old_value, new_value)
    VALUES (NEW.id, 'unitPrice', OLD.unit_price, NEW.unit_price);
END;

CREATE TRIGGER budget_amount_changed AFTER UPDATE OF amount ON budget_lines
WHEN OLD.amount IS NOT NEW.amount
BEGIN
    INSERT INTO amount_changes (line_id, field, old_value, new_value)
    VALUES (NEW.id, 'amount', OLD.amount, NEW.amount);
END;

CREATE TRIGGER budget_approved_changed AFTER UPDATE OF approved ON budget_lines
WHEN OLD.approved IS NOT NEW.approved
BEGIN
    INSERT INTO amount_changes (line_id, field, old_value, new_value)
    VALUES (NEW.id, 'approved', OLD.approved, NEW.approved);
END;
