-- Schema version 5: the legal texts the app knows, dated (when each is in
-- force, what replaces it). Seeded from assets/legal-texts.json when the file
-- is created or upgraded, then the user's: edited under Danh mục, updated by
-- importing a newer list. No plan points to a row: a plan cites a text in
-- its own words, and the checker matches them.

CREATE TABLE legal_texts (
    id              INTEGER PRIMARY KEY,
    -- The stable id of the list file ("luat-bao-chi-2016"); never changed.
    code            TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 100),
    position        INTEGER NOT NULL DEFAULT 0,
    kind            TEXT NOT NULL CHECK (length(trim(kind)) > 0),
    number          TEXT NOT NULL CHECK (length(trim(number)) > 0),
    issued          TEXT NOT NULL
                    CHECK (issued GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    issuer          TEXT NOT NULL DEFAULT '',
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    in_force_from   TEXT
                    CHECK (in_force_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    in_force_until  TEXT
                    CHECK (in_force_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- A text that another is said to replace cannot be deleted first.
    replaced_by     TEXT REFERENCES legal_texts (code) ON DELETE RESTRICT,
    governs         TEXT NOT NULL DEFAULT '',
    citation        TEXT NOT NULL CHECK (length(trim(citation)) > 0),
    cite_by_default INTEGER NOT NULL DEFAULT 0 CHECK (cite_by_default IN (0, 1)),
    -- The pages that confirm it, as JSON: [{"title", "url", "confirms"}].
    sources         TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX legal_texts_by_replacement ON legal_texts (replaced_by);
