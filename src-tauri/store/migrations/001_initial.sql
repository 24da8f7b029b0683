-- Schema version 1: units, plans and a key-value table for the file's own facts.
-- Every table is STRICT; every foreign key has a deliberate ON DELETE rule.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Issuing units (đơn vị). Seeded from assets/units.json when the file is created,
-- then the user's data.
CREATE TABLE units (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    parent_body  TEXT NOT NULL DEFAULT '',
    abbreviation TEXT NOT NULL DEFAULT '',
    sort_order   INTEGER NOT NULL DEFAULT 0,
    UNIQUE (name, parent_body)
) STRICT;

-- A unit's yearly plan. A unit that still has plans cannot be deleted.
CREATE TABLE plans (
    id         INTEGER PRIMARY KEY,
    unit_id    INTEGER NOT NULL REFERENCES units (id) ON DELETE RESTRICT,
    year       INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    status     TEXT NOT NULL DEFAULT 'draft'
               CHECK (status IN ('draft', 'submitted', 'returned', 'resubmitted', 'approved')),
    title      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (unit_id, year)
) STRICT;

CREATE INDEX plans_by_year ON plans (year DESC, unit_id);
