//! The legal texts in the database: seeded from the shipped list, cited by a
//! new plan as in force in its year, edited under Danh mục (with undo), read
//! by the checker, and a newer list imported; a hostile list file is refused
//! whole and leaves the file's bytes as they were.

mod common;

use std::path::Path;

use common::{create_plan, db_in, open, with_plan, with_sample};
use commplan_core::backup::BackupKind;
use commplan_core::legal::{LegalTextInput, LegalTextsView, MAX_LIST_BYTES, parse_list};
use commplan_core::{Entity, ErrorCode};
use commplan_store::Store;
use serde_json::{Value, json};

const SHIPPED: &str = include_str!("../../../assets/legal-texts.json");

fn shipped() -> Value {
    serde_json::from_str(SHIPPED).expect("json")
}

fn ids(view: &LegalTextsView) -> Vec<&str> {
    view.texts.iter().map(|t| t.id.as_str()).collect()
}

fn bases(store: &Store, plan: i64) -> Vec<String> {
    let doc = store.plan_document(plan).expect("plan");
    doc.legal_bases.into_iter().map(|b| b.text).collect()
}

/// The database file and its journal, byte for byte.
fn bytes_of(db: &Path) -> (Vec<u8>, Option<Vec<u8>>) {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    (std::fs::read(db).expect("db"), std::fs::read(wal).ok())
}

/// What the store holds, table by table (for refusals inside a transaction).
fn dump(store: &Store) -> String {
    format!(
        "{:?}{:?}{:?}",
        store.legal_texts().expect("texts"),
        store.list_plans().expect("plans"),
        store
            .list_plans()
            .expect("plans")
            .iter()
            .map(|p| store.plan_document(p.id).expect("doc"))
            .collect::<Vec<_>>()
    )
}

#[test]
fn a_new_file_holds_the_shipped_list_with_its_sources() {
    let (_dir, store) = open();
    let view = store.legal_texts().expect("texts");
    assert_eq!(view.texts.len(), 11);
    assert_eq!(view.list_date.as_deref(), Some("2026-12-01"));
    assert_eq!(ids(&view)[..2], ["luat-bao-chi-2016", "luat-bao-chi-2025"]);
    let press = &view.texts[1];
    assert_eq!(
        press.in_force_from.map(|d| d.to_string()).as_deref(),
        Some("2026-07-01")
    );
    assert_eq!(press.sources.len(), 4);
    assert!(press.cite_by_default);
}

#[test]
fn a_new_plan_cites_the_texts_in_force_in_its_year() {
    let (_dir, mut store, plan) = with_plan();
    let texts = bases(&store, plan);
    assert_eq!(texts.len(), 6, "{texts:#?}");
    assert_eq!(texts[2], "Luật Báo chí ngày 10 tháng 12 năm 2025");
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("2016") && t.starts_with("Luật Báo chí"))
    );
    assert!(
        !texts.iter().any(|t| t.contains("765/QĐ-BTTTT")),
        "765 could not be confirmed"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Quyết định số 407/QĐ-TTg"))
    );
    let report = store.check_plan(plan).expect("check");
    assert!(
        !report.findings.iter().any(|f| f.rule.starts_with("legal.")),
        "{:#?}",
        report.findings
    );
    let early = create_plan(&mut store, 1, 2025).id;
    let texts = bases(&store, early);
    assert_eq!(texts[0], "Luật Báo chí ngày 05 tháng 4 năm 2016");
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("ngày 10 tháng 12 năm 2025"))
    );
}

fn input_of(view: &LegalTextsView, id: &str) -> LegalTextInput {
    view.texts
        .iter()
        .find(|t| t.id == id)
        .expect("the text")
        .input()
}

/// The check's `legal.superseded` finding on `plan`.
fn superseded(store: &Store, plan: i64) -> commplan_core::check::Finding {
    store
        .check_plan(plan)
        .expect("check")
        .findings
        .into_iter()
        .find(|f| f.rule == "legal.superseded")
        .expect("superseded")
}

#[test]
fn an_edit_is_saved_and_the_checker_reads_it() {
    let (_dir, mut store, plan) = with_sample();
    let basis = store.plan_document(plan).expect("doc").legal_bases[0].id;
    common::edit(
        &mut store,
        Entity::LegalBasis,
        basis,
        "text",
        common::text("Luật Báo chí số 103/2016/QH13"),
    );
    let f = superseded(&store, plan);
    assert!(
        f.message
            .contains("đã có văn bản mới hơn cùng lĩnh vực có hiệu lực"),
        "{}",
        f.message
    );
    // Say in Danh mục what replaces it: the finding says so.
    let view = store.legal_texts().expect("texts");
    let mut old = input_of(&view, "luat-bao-chi-2016");
    old.replaced_by = Some("luat-bao-chi-2025".into());
    old.governs = "  báo chí (luật cũ) ".into();
    let view = store
        .save_legal_text(Some("luat-bao-chi-2016"), &old)
        .expect("saved");
    assert_eq!(view.texts[0].governs, "báo chí (luật cũ)");
    assert_eq!(view.texts[0].sources.len(), 3, "the sources are kept");
    let f = superseded(&store, plan);
    assert!(
        f.message
            .contains("đã được thay thế bởi Luật Báo chí ngày 10 tháng 12 năm 2025"),
        "{}",
        f.message
    );
    // The fix goes through the normal edit path and clears it.
    let fix = f.fix.clone().expect("a fix");
    store.edit_field(&fix.edit).expect("fixed");
    let report = store.check_plan(plan).expect("check");
    assert!(!report.findings.iter().any(|f| f.rule == "legal.superseded"));
}

#[test]
fn a_text_is_added_deleted_and_put_back_and_a_bad_one_writes_nothing() {
    let (_dir, mut store) = open();
    let new = LegalTextInput {
        kind: "Nghị định".into(),
        number: "09/2017/NĐ-CP".into(),
        date: "1/2/2030".into(),
        title: "Thử".into(),
        citation: "Nghị định thử".into(),
        ..LegalTextInput::default()
    };
    let view = store.save_legal_text(None, &new).expect("added");
    let added = view.texts.last().expect("added");
    assert_eq!(added.id, "nghi-dinh-09-2017-nd-cp-2");
    assert_eq!(added.date.to_string(), "2030-02-01");
    let deleted = store
        .delete_legal_text("nghi-dinh-09-2017-nd-cp-2")
        .expect("deleted");
    assert!(
        deleted.description.contains("09/2017/NĐ-CP"),
        "{}",
        deleted.description
    );
    assert_eq!(store.legal_texts().expect("texts").texts.len(), 11);
    store.undo_delete(deleted.trash_id).expect("undone");
    assert_eq!(
        ids(&store.legal_texts().expect("texts"))[11],
        "nghi-dinh-09-2017-nd-cp-2"
    );

    let before = dump(&store);
    for (bad, why) in [
        (
            LegalTextInput {
                date: "31/02/2030".into(),
                ..new.clone()
            },
            "không hợp lệ",
        ),
        (
            LegalTextInput {
                title: "a\u{1b}[31m".into(),
                ..new.clone()
            },
            "U+001B",
        ),
        (
            LegalTextInput {
                replaced_by: Some("khong-co".into()),
                ..new.clone()
            },
            "khong-co",
        ),
    ] {
        let err = store.save_legal_text(None, &bad).expect_err("refused");
        assert_eq!(err.code, ErrorCode::Validation);
        assert!(err.message.contains(why), "{}", err.message);
    }
    // 2025 said replaced by 2016 while 2016 is replaced by 2025: a cycle.
    let view = store.legal_texts().expect("texts");
    let mut old = input_of(&view, "luat-bao-chi-2016");
    old.replaced_by = Some("luat-bao-chi-2025".into());
    store
        .save_legal_text(Some("luat-bao-chi-2016"), &old)
        .expect("saved");
    let before_cycle = dump(&store);
    let mut newer = input_of(&view, "luat-bao-chi-2025");
    newer.replaced_by = Some("luat-bao-chi-2016".into());
    let err = store
        .save_legal_text(Some("luat-bao-chi-2025"), &newer)
        .expect_err("cycle");
    assert!(err.message.contains("thành vòng"), "{}", err.message);
    assert_eq!(dump(&store), before_cycle);
    assert_ne!(before, before_cycle);
    let err = store
        .delete_legal_text("luat-bao-chi-2025")
        .expect_err("in use");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(err.message.contains("103/2016/QH13"), "{}", err.message);
    let err = store.delete_legal_text("khong-co").expect_err("gone");
    assert_eq!(err.code, ErrorCode::NotFound);
}

/// The shipped list, reviewed later, with one more (made-up) text.
fn newer_list() -> Value {
    let mut list = shipped();
    list["updated"] = json!("2027-03-01");
    list["texts"][2]["governs"] = json!("tiếp cận thông tin");
    list["texts"].as_array_mut().expect("texts").push(json!({
        "id": "van-ban-thu", "kind": "Luật", "number": "1/2026/QH99", "date": "2026-01-01",
        "title": "Văn bản thử", "inForceFrom": null, "inForceUntil": null, "replacedBy": null,
        "governs": "", "citation": "Văn bản thử", "sources": []
    }));
    list
}

#[test]
fn a_newer_list_updates_and_adds_keeps_the_users_texts_and_no_plan() {
    let (dir, mut store, plan) = with_sample();
    let own = LegalTextInput {
        kind: "Quyết định".into(),
        number: "5/QĐ-UBND".into(),
        date: "05/01/2027".into(),
        title: "Của đơn vị".into(),
        citation: "Quyết định số 5/QĐ-UBND".into(),
        ..LegalTextInput::default()
    };
    store.save_legal_text(None, &own).expect("own text");
    let doc = store.plan_document(plan).expect("doc");
    let bytes = serde_json::to_vec(&newer_list()).expect("json");
    let done = store.import_legal_texts(&bytes).expect("imported");
    assert_eq!((done.added, done.updated, done.kept), (1, 11, 1));
    assert_eq!(done.list_date.as_deref(), Some("2027-03-01"));
    let view = store.legal_texts().expect("texts");
    assert_eq!(view.list_date.as_deref(), Some("2027-03-01"));
    assert_eq!(view.texts.len(), 13);
    assert_eq!(view.texts[2].governs, "tiếp cận thông tin");
    assert_eq!(ids(&view)[11..], ["quyet-dinh-5-qd-ubnd", "van-ban-thu"]);
    assert_eq!(
        store.plan_document(plan).expect("doc"),
        doc,
        "no plan is touched"
    );
    let backups = store.list_backups().expect("backups");
    assert!(backups.iter().any(|b| b.kind == BackupKind::PreImport));
    drop(store);
    let again = Store::open(&db_in(dir.path())).expect("reopen");
    assert_eq!(again.legal_texts().expect("texts").texts.len(), 13);
}

/// Hostile list files, each refused whole.
fn hostile_lists() -> Vec<(&'static str, Vec<u8>)> {
    let with = |change: &dyn Fn(&mut Value)| {
        let mut list = shipped();
        change(&mut list);
        serde_json::to_vec(&list).expect("json")
    };
    let mut huge = SHIPPED.as_bytes().to_vec();
    huge.resize(MAX_LIST_BYTES + 10, b' ');
    vec![
        (
            "truncated",
            SHIPPED.as_bytes()[..SHIPPED.len() / 3].to_vec(),
        ),
        ("huge", huge),
        ("not UTF-8", vec![0xc3, 0x28, 0xa0]),
        ("newer version", with(&|l| l["version"] = json!(2))),
        (
            "another format",
            with(&|l| l["format"] = json!("commplan-plan")),
        ),
        (
            "a number for a title",
            with(&|l| l["texts"][3]["title"] = json!(7)),
        ),
        (
            "texts as an object",
            with(&|l| l["texts"] = json!({"a": 1})),
        ),
        (
            "a control character",
            with(&|l| l["texts"][4]["citation"] = json!("Nghị định\u{0}")),
        ),
        (
            "a bidi override",
            with(&|l| l["texts"][4]["title"] = json!("\u{202e}gnas")),
        ),
        (
            "a cycle",
            with(&|l| {
                l["texts"][0]["replacedBy"] = json!("luat-bao-chi-2025");
                l["texts"][1]["replacedBy"] = json!("luat-bao-chi-2016");
            }),
        ),
        (
            "a missing replacement",
            with(&|l| l["texts"][0]["replacedBy"] = json!("khong-co")),
        ),
        (
            "twice the same id",
            with(&|l| l["texts"][1]["id"] = json!("luat-bao-chi-2016")),
        ),
        (
            "a day that does not exist",
            with(&|l| l["texts"][5]["date"] = json!("2020-02-30")),
        ),
        (
            "a title too long",
            with(&|l| l["texts"][5]["title"] = json!("a".repeat(1_001))),
        ),
        (
            "an emoji",
            with(&|l| l["texts"][5]["title"] = json!("Luật 😀")),
        ),
        (
            "deep nesting",
            format!(
                "{{\"format\":\"commplan-legal-texts\",\"version\":1,\"texts\":{}{}}}",
                "[".repeat(5_000),
                "]".repeat(5_000)
            )
            .into_bytes(),
        ),
    ]
}

#[test]
fn a_hostile_list_is_refused_whole_and_the_file_is_untouched() {
    let (dir, mut store, _plan) = with_sample();
    let db = db_in(dir.path());
    let view = store.legal_texts().expect("texts");
    let backups = store.list_backups().expect("backups").len();
    let before = bytes_of(&db);
    for (what, bytes) in hostile_lists() {
        let err = store.import_legal_texts(&bytes).expect_err(what);
        assert_eq!(err.code, ErrorCode::Validation, "{what}: {}", err.message);
        assert!(
            err.message.starts_with("Tệp danh mục văn bản"),
            "{what}: {}",
            err.message
        );
        assert!(bytes_of(&db) == before, "{what}: the file changed");
    }
    let newer = store
        .import_legal_texts(
            &serde_json::to_vec(
                &json!({"format": "commplan-legal-texts", "version": 9, "texts": []}),
            )
            .expect("json"),
        )
        .expect_err("newer");
    assert!(
        newer.message.contains("hãy cập nhật ứng dụng"),
        "{}",
        newer.message
    );
    assert_eq!(store.legal_texts().expect("texts"), view);
    assert_eq!(
        store.list_backups().expect("backups").len(),
        backups,
        "nothing was even backed up"
    );
}

#[test]
fn changed_bytes_of_the_list_never_panic_nor_write_half() {
    let (dir, mut store, _plan) = with_sample();
    let db = db_in(dir.path());
    let base = SHIPPED.as_bytes();
    // A small deterministic generator: the same cases every run.
    let mut seed: u64 = 0x5eed_1e6a;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..200 {
        let mut bytes = base.to_vec();
        for _ in 0..1 + next() % 4 {
            let at = usize::try_from(next() % base.len() as u64).expect("index");
            bytes[at] = u8::try_from(next() % 256).expect("byte");
        }
        let cut = usize::try_from(next() % (base.len() as u64 + 1)).expect("cut");
        for candidate in [&bytes[..], &bytes[..cut]] {
            let files = bytes_of(&db);
            match store.import_legal_texts(candidate) {
                Ok(_) => {
                    // Read whole: every text of the list is stored as it says.
                    let list = parse_list(candidate).expect("what was imported reads");
                    let view = store.legal_texts().expect("texts");
                    for t in &list.texts {
                        assert!(view.texts.contains(t), "{} not stored whole", t.id);
                    }
                }
                Err(e) => {
                    assert_eq!(e.code, ErrorCode::Validation, "{}", e.message);
                    assert!(bytes_of(&db) == files, "a refused list changed the file");
                }
            }
        }
    }
}

#[test]
fn a_read_only_file_refuses_an_import() {
    let (dir, store) = open();
    drop(store);
    let db = db_in(dir.path());
    let conn = rusqlite::Connection::open(&db).expect("raw");
    conn.pragma_update(None, "user_version", 99).expect("newer");
    drop(conn);
    let mut store = Store::open(&db).expect("read-only open");
    let err = store
        .import_legal_texts(SHIPPED.as_bytes())
        .expect_err("read-only");
    assert_eq!(err.code, ErrorCode::ReadOnly);
}
