-- Schema version 2: everything an officer drafts (DESIGN.md, "What a plan holds",
-- parts 1–6, 8 and 9), the channel list, and the trash that makes deletions undoable.
-- Lists are ordered by `position` within their plan; deleting a plan deletes
-- all that is in it (CASCADE); a channel in use cannot be deleted (RESTRICT).

ALTER TABLE plans ADD COLUMN number TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN symbol TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN place TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN issue_date TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN purposes TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN requirements TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN leader_name TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN leader_position TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN spokesperson_name TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN spokesperson_position TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN spokesperson_contact TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN press_coordination TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN public_disclosure TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN opinion_monitoring TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN false_information TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN crisis_procedure TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN reporting TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN signer_authority TEXT
    CHECK (signer_authority IN ('direct', 'on_behalf', 'deputy', 'acting', 'by_order', 'authorised'));
ALTER TABLE plans ADD COLUMN signer_authority_of TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN signer_deputy_of TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN signer_position TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN signer_name TEXT NOT NULL DEFAULT '';

-- Reference list of channels (hình thức truyền thông), seeded from assets/channels.json.
CREATE TABLE channels (
    id       INTEGER PRIMARY KEY,
    position INTEGER NOT NULL DEFAULT 0,
    name     TEXT NOT NULL
) STRICT;

CREATE TABLE legal_bases (
    id       INTEGER PRIMARY KEY,
    plan_id  INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    text     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX legal_bases_by_plan ON legal_bases (plan_id, position);

CREATE TABLE policies (
    id              INTEGER PRIMARY KEY,
    plan_id         INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL DEFAULT 0,
    title           TEXT NOT NULL DEFAULT '',
    field           TEXT NOT NULL DEFAULT '',
    major_impact    INTEGER NOT NULL DEFAULT 0 CHECK (major_impact IN (0, 1)),
    affected_groups TEXT NOT NULL DEFAULT '',
    key_messages    TEXT NOT NULL DEFAULT '',
    draft_document  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX policies_by_plan ON policies (plan_id, position);

-- Exactly the five stages of each policy; created with the policy.
CREATE TABLE policy_stages (
    id             INTEGER PRIMARY KEY,
    policy_id      INTEGER NOT NULL REFERENCES policies (id) ON DELETE CASCADE,
    stage          TEXT NOT NULL
                   CHECK (stage IN ('planning', 'drafting', 'finalising', 'promulgation', 'implementation')),
    not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0, 1)),
    reason         TEXT NOT NULL DEFAULT '',
    UNIQUE (policy_id, stage)
) STRICT;

-- An activity belongs to its plan; to a policy (deleted with it) or to none.
CREATE TABLE activities (
    id                 INTEGER PRIMARY KEY,
    plan_id            INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    policy_id          INTEGER REFERENCES policies (id) ON DELETE CASCADE,
    stage              TEXT
                       CHECK (stage IN ('planning', 'drafting', 'finalising', 'promulgation', 'implementation')),
    position           INTEGER NOT NULL DEFAULT 0,
    content            TEXT NOT NULL DEFAULT '',
    channel_id         INTEGER REFERENCES channels (id) ON DELETE RESTRICT,
    audience           TEXT NOT NULL DEFAULT '',
    lead_unit          TEXT NOT NULL DEFAULT '',
    coordinating_units TEXT NOT NULL DEFAULT '',
    months             INTEGER NOT NULL DEFAULT 0 CHECK (months BETWEEN 0 AND 4095),
    start_date         TEXT NOT NULL DEFAULT '',
    end_date           TEXT NOT NULL DEFAULT '',
    expected_output    TEXT NOT NULL DEFAULT '',
    target             TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX activities_by_plan ON activities (plan_id, position);
CREATE INDEX activities_by_policy ON activities (policy_id, stage);
CREATE INDEX activities_by_channel ON activities (channel_id);

CREATE TABLE focal_officers (
    id             INTEGER PRIMARY KEY,
    plan_id        INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL DEFAULT 0,
    name           TEXT NOT NULL DEFAULT '',
    position_title TEXT NOT NULL DEFAULT '',
    unit           TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX focal_officers_by_plan ON focal_officers (plan_id, position);

CREATE TABLE trainings (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL DEFAULT 0,
    topic        TEXT NOT NULL DEFAULT '',
    participants TEXT NOT NULL DEFAULT '',
    timing       TEXT NOT NULL DEFAULT '',
    organiser    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX trainings_by_plan ON trainings (plan_id, position);

CREATE TABLE press_partners (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL DEFAULT 0,
    name        TEXT NOT NULL DEFAULT '',
    arrangement TEXT NOT NULL DEFAULT '',
    tasks       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX press_partners_by_plan ON press_partners (plan_id, position);

CREATE TABLE responsibilities (
    id       INTEGER PRIMARY KEY,
    plan_id  INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    unit     TEXT NOT NULL DEFAULT '',
    tasks    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX responsibilities_by_plan ON responsibilities (plan_id, position);

CREATE TABLE reports (
    id        INTEGER PRIMARY KEY,
    plan_id   INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL DEFAULT 0,
    content   TEXT NOT NULL DEFAULT '',
    deadline  TEXT NOT NULL DEFAULT '',
    recipient TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX reports_by_plan ON reports (plan_id, position);

CREATE TABLE recipients (
    id       INTEGER PRIMARY KEY,
    plan_id  INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    text     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX recipients_by_plan ON recipients (plan_id, position);

-- What a deletion removed, so that it can be undone: the rows as JSON
-- ({"table": [{column: value}]}), parents first. Kept per plan, newest 50.
CREATE TABLE trash (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER REFERENCES plans (id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    rows        TEXT NOT NULL CHECK (json_valid(rows)),
    deleted_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
