//! Plan files for the tests of files from elsewhere: genuine ones made by the
//! store on real databases (an officer's and a reviewer's, an approved plan's
//! with what was recorded of it), ways to alter them as an attacker would
//! (reseal the hash and totals after a change), a small plan file for fast
//! fuzzing, and what proves that a refused file changed nothing: a dump of
//! every table and the list of backups, checked for each named hostile case.

#![allow(dead_code)]

use std::path::Path;

use commplan_core::PlanDocument;
use commplan_core::planfile::{FileSource, sha256_of, totals_of};
use commplan_core::review::{CommentAnchor, NewComment};
use commplan_core::{Entity, Step};
use commplan_store::Store;
use rusqlite::types::ValueRef;
use serde_json::Value as Json;
use tempfile::TempDir;

use crate::common::{db_in, open, result, spending, with_sample};
use commplan_core::results::ActivityStatus;

/// The officer's database with the sample plan submitted, and its plan file.
pub struct Officer {
    pub dir: TempDir,
    pub store: Store,
    pub plan: i64,
    pub file: Vec<u8>,
}

/// The sample plan submitted and written as a plan file.
pub fn officer() -> Officer {
    sent(|_, _| {})
}

/// The officer's database with the sample plan submitted and approved on
/// it, what `record` records, and the approved plan's file (with them).
pub fn approved_officer(record: impl FnOnce(&mut Store, i64, &PlanDocument)) -> Officer {
    sent(|store, plan| {
        store.approve_plan(plan).expect("approve");
        let doc = store.plan_document(plan).expect("doc");
        record(store, plan, &doc);
    })
}

/// The sample plan submitted, then whatever `then` does, and its latest
/// submission's plan file.
fn sent(then: impl FnOnce(&mut Store, i64)) -> Officer {
    let (dir, mut store, plan) = with_sample();
    store.submit_plan(plan).expect("submit");
    then(&mut store, plan);
    let file = store
        .plan_file(plan, FileSource::Submitted)
        .expect("plan file")
        .bytes;
    Officer {
        dir,
        store,
        plan,
        file,
    }
}

/// Records what was done of the sample's approved plan `plan`: the second
/// activity of its first policy done, the third cancelled with the reason
/// (both among what [`small`] keeps), 58,000,000 đồng spent of its first
/// budget line.
pub fn record_some(store: &mut Store, plan: i64, doc: &PlanDocument) {
    let first = doc.policies[0].id;
    let of_first: Vec<i64> = doc
        .activities
        .iter()
        .filter(|a| a.policy_id == Some(first))
        .map(|a| a.id)
        .collect();
    let mut done = result(of_first[1], ActivityStatus::Done);
    done.done_on = "20/3/2027".into();
    store.record_activity(plan, &done).expect("done");
    let mut cancelled = result(of_first[2], ActivityStatus::Cancelled);
    cancelled.reason = "Lồng ghép vào hội nghị khác.".into();
    store.record_activity(plan, &cancelled).expect("cancelled");
    let line = spending(doc.budget_lines[0].id, 58_000_000, "");
    store.record_spending(plan, &line).expect("spent");
}

/// A return file of `plan_file` (a return with a comment on an activity's
/// content and one on the budget step), made on a reviewer's database.
pub fn return_of(plan_file: &[u8]) -> Vec<u8> {
    let (_dir, mut reviewer) = open();
    let plan = reviewer.open_plan_file(plan_file).expect("receive").plan.id;
    let activity = reviewer.plan_document(plan).expect("doc").activities[3].id;
    let comments = [
        NewComment {
            anchor: CommentAnchor::Line {
                entity: Entity::Activity,
                id: activity,
                field: Some("content".into()),
            },
            text: "Nêu rõ đối tượng tiếp nhận.".into(),
            author: "Sở Tư pháp".into(),
        },
        NewComment {
            anchor: CommentAnchor::Section { step: Step::Budget },
            text: "Đối chiếu định mức chi.".into(),
            author: "Sở Tài chính".into(),
        },
    ];
    reviewer.return_plan(plan, &comments).expect("return");
    reviewer.return_file(plan).expect("return file").bytes
}

/// An approving return file of `plan_file` (with a comment on the budget
/// step signed “Sở Tư pháp”), made on a reviewer's database.
pub fn approval_of(plan_file: &[u8]) -> Vec<u8> {
    let (_dir, mut reviewer) = open();
    let plan = reviewer.open_plan_file(plan_file).expect("receive").plan.id;
    let note = NewComment {
        anchor: CommentAnchor::Section { step: Step::Budget },
        text: "Đồng ý với dự toán.".into(),
        author: "Sở Tư pháp".into(),
    };
    reviewer.add_comment(plan, &note).expect("comment");
    reviewer.approve_plan(plan).expect("approve");
    reviewer.return_file(plan).expect("approval file").bytes
}

pub fn json(bytes: &[u8]) -> Json {
    serde_json::from_slice(bytes).expect("json")
}

pub fn bytes(json: &Json) -> Vec<u8> {
    serde_json::to_vec_pretty(json).expect("bytes")
}

/// The file with one change made by `change`, nothing else touched.
pub fn altered(file: &[u8], change: impl FnOnce(&mut Json)) -> Vec<u8> {
    let mut j = json(file);
    change(&mut j);
    bytes(&j)
}

/// Recomputes a plan file's totals and hash from its document, as an
/// attacker who knows the format would after a change; a document that no
/// longer reads as one is left as it is.
pub fn reseal(j: &mut Json) {
    let Some(doc) = j
        .get("document")
        .and_then(|d| serde_json::from_value::<PlanDocument>(d.clone()).ok())
    else {
        return;
    };
    j["totals"] = serde_json::to_value(totals_of(&doc)).expect("totals");
    if j.get("revision").is_some_and(Json::is_object) {
        j["revision"]["sha256"] = sha256_of(&doc).into();
    }
}

/// The file changed by `change`, then resealed.
pub fn resealed(file: &[u8], change: impl FnOnce(&mut Json)) -> Vec<u8> {
    let mut j = json(file);
    change(&mut j);
    reseal(&mut j);
    bytes(&j)
}

/// A small genuine-looking revision file: the sample's first policy with
/// three of its activities, two budget lines, one item of each other list,
/// only the channels used; resealed. It reads as a valid file.
pub fn small(file: &[u8]) -> Vec<u8> {
    resealed(file, |j| {
        let d = &mut j["document"];
        let keep = |d: &mut Json, key: &str, n: usize| {
            if let Some(a) = d[key].as_array_mut() {
                a.truncate(n);
            }
        };
        keep(d, "policies", 1);
        let policy = d["policies"][0]["id"].clone();
        if let Some(a) = d["activities"].as_array_mut() {
            a.retain(|x| x["policyId"] == policy);
            a.truncate(3);
        }
        let activities: Vec<Json> = d["activities"]
            .as_array()
            .map(|a| a.iter().map(|x| x["id"].clone()).collect())
            .unwrap_or_default();
        let channels: Vec<Json> = d["activities"]
            .as_array()
            .map(|a| a.iter().map(|x| x["channelId"].clone()).collect())
            .unwrap_or_default();
        if let Some(a) = d["channels"].as_array_mut() {
            a.retain(|c| channels.contains(&c["id"]));
        }
        keep(d, "budgetLines", 2);
        for line in d["budgetLines"].as_array_mut().into_iter().flatten() {
            if !activities.contains(&line["activityId"]) {
                line["activityId"] = Json::Null;
            }
        }
        for key in [
            "legalBases",
            "focalOfficers",
            "trainings",
            "pressPartners",
            "responsibilities",
            "reports",
            "recipients",
        ] {
            keep(d, key, 1);
        }
        j["comments"] = Json::Array(Vec::new());
    })
}

/// [`small`] of an approved plan's file, keeping the results of the items
/// it keeps. It reads as a valid file.
pub fn small_with_results(file: &[u8]) -> Vec<u8> {
    altered(&small(file), |j| {
        for (list, key, items) in [
            ("activities", "activityId", "activities"),
            ("spending", "budgetLineId", "budgetLines"),
            ("objectives", "objectiveId", "objectives"),
        ] {
            let kept: Vec<Json> = j["document"][items]
                .as_array()
                .map(|a| a.iter().map(|x| x["id"].clone()).collect())
                .unwrap_or_default();
            if let Some(records) = j["results"][list].as_array_mut() {
                records.retain(|r| kept.contains(&r[key]));
            }
        }
    })
}

/// A hostile file, what the test calls it and what the refusal must say.
pub struct Case {
    pub name: &'static str,
    pub bytes: Vec<u8>,
    pub says: &'static str,
}

pub fn case(name: &'static str, bytes: Vec<u8>, says: &'static str) -> Case {
    Case { name, bytes, says }
}

/// Every case refused as it says, nothing written.
pub fn all_refused(store: &mut Store, db: &std::path::Path, cases: &[Case]) {
    for c in cases {
        let before = dump(db);
        let saved = backups(store);
        let err = match store.open_plan_file(&c.bytes) {
            Ok(opened) => panic!("{}: accepted ({:?})", c.name, opened.outcome),
            Err(e) => e,
        };
        assert!(
            err.message.contains(c.says) && !err.message.is_ascii(),
            "{}: “{}” does not say “{}”",
            c.name,
            err.message,
            c.says
        );
        assert_eq!(dump(db), before, "{}: the database changed", c.name);
        assert_eq!(backups(store), saved, "{}: a backup was written", c.name);
    }
}

/// Every table's rows (and the schema), sorted, as text: equal before and
/// after means the database's content did not change.
pub fn dump(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).expect("open");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("tables");
    let mut out: Vec<String> = conn
        .prepare("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_schema")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("schema");
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{table}\""))
            .expect("select");
        let n = stmt.column_count();
        let mut rows = stmt.query([]).expect("rows");
        let mut lines = Vec::new();
        while let Some(row) = rows.next().expect("row") {
            let cells: Vec<String> = (0..n)
                .map(|i| match row.get_ref(i).expect("cell") {
                    ValueRef::Null => "NULL".to_string(),
                    ValueRef::Integer(v) => v.to_string(),
                    ValueRef::Real(v) => v.to_string(),
                    ValueRef::Text(t) => format!("{:?}", String::from_utf8_lossy(t)),
                    ValueRef::Blob(b) => format!("{b:?}"),
                })
                .collect();
            lines.push(format!("{table}: {}", cells.join("|")));
        }
        lines.sort();
        out.extend(lines);
    }
    out
}

/// The names of the backups beside a store's database.
pub fn backups(store: &Store) -> Vec<String> {
    let mut names: Vec<String> = store
        .list_backups()
        .expect("backups")
        .into_iter()
        .map(|b| b.file_name)
        .collect();
    names.sort();
    names
}

/// The database file of a store in `dir`.
pub fn db(dir: &TempDir) -> std::path::PathBuf {
    db_in(dir.path())
}

/// A gzip file of `data` (stored, uncompressed blocks): what a mail program
/// or a user who compressed the attachment would hand over.
pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
    let chunks: Vec<&[u8]> = data.chunks(65_535).collect();
    for (i, chunk) in chunks.iter().enumerate() {
        out.push(u8::from(i + 1 == chunks.len()));
        let len = u16::try_from(chunk.len()).expect("chunk");
        out.extend(len.to_le_bytes());
        out.extend((!len).to_le_bytes());
        out.extend(*chunk);
    }
    out.extend(crc32(data).to_le_bytes());
    out.extend(u32::try_from(data.len()).expect("size").to_le_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
