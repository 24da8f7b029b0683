//! The plan file (`.khtt`, format version 3; version 2 is read too): what
//! travels between an officer's computer and a reviewer's. A plan file
//! carries a plan's frozen revision (or its working copy, a draft) with its
//! stable identity (a UUID);
//! a return file carries a reviewer's decision and comments, bound to the
//! revision's number and SHA-256; an approved plan's file also carries the
//! approval, and what was done of the plan once anything is recorded (its
//! results). `docs/plan-file.md` describes the format,
//! `docs/plan-file.schema.json` is its JSON Schema.
//!
//! A file is untrusted input: [`parse`] validates all of it (size, encoding,
//! format, version, structure, every text as if typed, every reference, every
//! amount, the stated totals, the hash) before the store writes anything.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::model::PlanSummary;
use crate::plan::PlanDocument;
use crate::results::PlanResults;
use crate::review::{CommentAnchor, ReviewAction};

mod document;
mod parse;
mod received;
mod results;
#[cfg(test)]
mod tests;

pub use document::{check_anchors, check_document, totals_of};
pub use parse::parse;
pub use received::{Received, received_locked_error};

/// The file name extension of plan and return files.
pub const EXTENSION: &str = "khtt";
/// The format name every plan file states.
pub const FORMAT: &str = crate::file::FORMAT;
/// The format version this build writes (version 1, [`crate::file::PlanFile`], is the sample's).
/// Version 3 added a document's `objectives` and `fields.previousResults`,
/// and an approved plan's `results`; a version 2 file (without them) is read
/// as well ([`V3_KEYS`]).
pub const VERSION: u32 = 3;
/// The oldest plan-file version this build reads.
pub const OLDEST_READ: u32 = 2;
/// The largest file read: 8 MiB (a plan of 100 policies and 1,000 activities is about 1 MiB).
pub const MAX_BYTES: usize = 8 * 1024 * 1024;
/// The highest revision number a file may carry.
pub const MAX_REVISION: i64 = 9_999;

/// Which copy of a plan a plan file carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FileSource {
    /// The latest frozen (submitted) revision.
    Submitted,
    /// The working copy, without a revision stamp.
    Draft,
}

/// What a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Plan,
    Return,
}

/// The unit whose plan it is, as the sender's database names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileUnit {
    pub name: String,
    pub parent_body: String,
    pub abbreviation: String,
}

/// The revision a file carries or answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RevisionStamp {
    pub number: i64,
    /// [`sha256_of`] the revision's document.
    pub sha256: String,
}

/// The budget totals the file states; each must equal the one recomputed
/// from the document (`None`: past the maximum, "không tính được").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatedTotals {
    pub proposed: Option<crate::money::Money>,
    pub approved: Option<crate::money::Money>,
}

/// A reviewer's comment as a file carries it. In a return file the anchor's
/// ids are the officer's (those of the revision's document).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileComment {
    /// The revision it was made on.
    pub revision: i64,
    pub anchor: CommentAnchor,
    pub text: String,
    pub author: String,
    pub created_at: String,
    pub resolved_at: Option<String>,
    pub resolved_note: String,
}

/// The reviewer's decision on the revision a return file answers, or the
/// approval of the revision an approved plan's file carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileDecision {
    /// `return` or `approve`.
    pub action: ReviewAction,
    /// When it was decided, RFC 3339.
    pub at: String,
    /// Who decided (the reviewers' names as they signed their comments; may be empty).
    pub by: String,
}

/// A plan file or a return file, format version 3 (or 2, read).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanFileV2 {
    pub format: String,
    pub version: u32,
    /// The version of the app that wrote it.
    pub app: String,
    /// When it was written, RFC 3339.
    pub written_at: String,
    pub kind: FileKind,
    /// The plan's identity, kept for its life (UUID v4, lowercase).
    pub plan_uuid: String,
    pub unit: FileUnit,
    pub year: i32,
    /// The plan's title, to name it in messages.
    pub title: String,
    /// The revision carried (a plan file; absent for a draft) or answered (a return).
    pub revision: Option<RevisionStamp>,
    /// The plan (a plan file only).
    pub document: Option<PlanDocument>,
    /// The budget totals of `document` (a plan file only).
    pub totals: Option<StatedTotals>,
    /// A plan file: the comments the plan has had; a return: the reviewer's
    /// comments on the revision it answers.
    pub comments: Vec<FileComment>,
    /// A return file: the reviewer's decision. A plan file: the approval of
    /// the revision carried, once the officer's computer has applied it
    /// (`approve` only, never on a draft); `None` while not approved.
    pub decision: Option<FileDecision>,
    /// An approved plan's file: what was done of the plan, as the unit
    /// recorded it when the file was written, ids those of `document`.
    /// Left out of the file while nothing is recorded (and on every other file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results: Option<PlanResults>,
}

impl PlanFileV2 {
    /// The file's bytes: pretty JSON in UTF-8, no BOM, ending with a line break.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    /// The frame of a file of `kind` about `doc`'s plan (identity `uuid`),
    /// written at `written_at` by app version `app`: no revision, document,
    /// totals, comment, decision or results yet.
    pub fn frame(
        kind: FileKind,
        uuid: String,
        doc: &PlanDocument,
        written_at: String,
        app: &str,
    ) -> PlanFileV2 {
        PlanFileV2 {
            format: FORMAT.to_string(),
            version: VERSION,
            app: app.to_string(),
            written_at,
            kind,
            plan_uuid: uuid,
            unit: FileUnit {
                name: doc.unit.name.clone(),
                parent_body: doc.unit.parent_body.clone(),
                abbreviation: doc.unit.abbreviation.clone(),
            },
            year: doc.year,
            title: doc.fields.title.clone(),
            revision: None,
            document: None,
            totals: None,
            comments: Vec::new(),
            decision: None,
            results: None,
        }
    }

    /// A plan file of `doc` as plan `uuid`: revision `number` (stamped with
    /// the document's hash) or, for `None`, a draft; with its totals and no
    /// comment.
    pub fn of_plan(
        doc: PlanDocument,
        uuid: String,
        revision: Option<i64>,
        written_at: String,
        app: &str,
    ) -> PlanFileV2 {
        let mut file = PlanFileV2::frame(FileKind::Plan, uuid, &doc, written_at, app);
        file.revision = revision.map(|number| RevisionStamp {
            number,
            sha256: sha256_of(&doc),
        });
        file.totals = Some(totals_of(&doc));
        file.document = Some(doc);
        file
    }

    /// "kế hoạch “…” năm 2027 của Sở …", to name the file's plan in a message.
    pub fn plan_label(&self) -> String {
        plan_label(&self.title, self.year, &self.unit.name)
    }
}

/// "kế hoạch “…” năm 2027 của Sở …".
pub fn plan_label(title: &str, year: i32, unit: &str) -> String {
    format!(
        "kế hoạch “{}” năm {year} của {}",
        crate::text::shorten(title, 80),
        crate::text::shorten(unit, 80)
    )
}

/// What opening a file did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OpenedKind {
    /// A plan file: a received plan was added or given a newer revision.
    Received,
    /// A return file: the plan was returned with the reviewer's comments.
    Returned,
    /// A return file: the plan was approved.
    Approved,
    /// The file had been opened already: nothing changed.
    Unchanged,
}

/// What opening a plan file or a return file did, for a notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Opened {
    pub outcome: OpenedKind,
    /// The local plan it landed on.
    pub plan: PlanSummary,
    /// The revision number the file carries (0 for a draft).
    #[ts(type = "number")]
    pub revision: i64,
    /// Comments added.
    pub comments: u32,
    /// What was done, in Vietnamese.
    pub message: String,
}

/// Lowercase hex SHA-256 of the document's canonical JSON ([`canonical_json`]).
pub fn sha256_of(doc: &PlanDocument) -> String {
    sha256_of_value(&serde_json::to_value(doc).unwrap_or_default())
}

/// The keys version 3 added to a document: its objectives, and in its
/// fields the previous year's results.
pub const V3_KEYS: [(&str, Option<&str>); 2] =
    [("objectives", None), ("fields", Some("previousResults"))];

/// A serialised document as version 2 wrote it when the keys version 3
/// added hold nothing (no objective, no previous results): the same plan has
/// the same hash in either version, and a version 2 document reads back as
/// it was written.
pub fn without_empty_v3_keys(value: &serde_json::Value) -> serde_json::Value {
    without_v3_keys(value, true)
}

/// `value` without the keys version 3 added: all of them, or (`only_empty`)
/// those that hold nothing.
pub(crate) fn without_v3_keys(value: &serde_json::Value, only_empty: bool) -> serde_json::Value {
    let mut out = value.clone();
    let empty = |v: &serde_json::Value| {
        v.as_array().is_some_and(Vec::is_empty) || v.as_str().is_some_and(str::is_empty)
    };
    for (key, inner) in V3_KEYS {
        let parent = match inner {
            None => out.as_object_mut(),
            Some(_) => out.get_mut(key).and_then(serde_json::Value::as_object_mut),
        };
        let name = inner.unwrap_or(key);
        if let Some(map) = parent
            && map.get(name).is_some_and(|v| !only_empty || empty(v))
        {
            map.remove(name);
        }
    }
    out
}

/// [`sha256_of`] a document already serialised (`serde_json::to_value`): the
/// hash of its canonical JSON, the keys version 3 added left out while they
/// hold nothing ([`without_empty_v3_keys`]).
pub fn sha256_of_value(value: &serde_json::Value) -> String {
    let mut canonical = Vec::new();
    write_canonical(&without_empty_v3_keys(value), &mut canonical);
    let digest = Sha256::digest(&canonical);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The canonical form of a JSON value: object keys sorted by their UTF-8
/// bytes, no white space, strings escaped as serde_json escapes them
/// (`"`, `\`, control characters; nothing else), integers in decimal.
pub fn canonical_json(value: &serde_json::Value) -> String {
    let mut out = Vec::new();
    write_canonical(value, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

fn write_canonical(value: &serde_json::Value, out: &mut Vec<u8>) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            out.push(b'{');
            for (i, (key, item)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                let _ = serde_json::to_writer(&mut *out, key);
                out.push(b':');
                write_canonical(item, out);
            }
            out.push(b'}');
        }
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(item, out);
            }
            out.push(b']');
        }
        other => {
            let _ = serde_json::to_writer(&mut *out, other);
        }
    }
}

/// A UUID version 4 (RFC 9562) made of 16 random bytes, lowercase.
pub fn uuid_v4(random: [u8; 16]) -> String {
    let mut b = random;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// True for a lowercase UUID version 4 as [`uuid_v4`] writes it.
pub fn is_uuid_v4(s: &str) -> bool {
    let b = s.as_bytes();
    let hex = |c: u8| c.is_ascii_digit() || (b'a'..=b'f').contains(&c);
    b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 13 | 18 | 23 => c == b'-',
            14 => c == b'4',
            19 => matches!(c, b'8' | b'9' | b'a' | b'b'),
            _ => hex(c),
        })
}

/// True for 64 lowercase hex digits.
pub fn is_sha256(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
}
