//! Files from elsewhere cannot change the rules, from the command line: a
//! backup whose schema is not ours fails `commplan verify` (exit 1, the
//! difference named, also in `--json`) and `commplan restore` (exit 2), and
//! the database stays byte for byte as it was; a `file:` URI given as `--db`
//! is a file of that name; `commplan purge` erases a deleted plan's details.

#[path = "../../store/tests/hostile/mod.rs"]
mod hostile;
mod run;

use hostile::{
    HOSTILE, Hostile, bytes_of, contains, sample_store, sample_with_backup, set_contact,
    with_big_pages,
};
use run::{arg, run_in};

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn hostile_backups_fail_verify_and_restore_and_change_nothing() {
    for hostile in &HOSTILE {
        refused_by_the_command(hostile);
    }
}

fn refused_by_the_command(hostile: &Hostile) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (db, genuine) = sample_with_backup(dir.path());
    let path = dir.path().join("la.sqlite3");
    (hostile.make)(&genuine, &path);

    let out = run_in(dir.path(), &["verify", arg(&path)]);
    assert_eq!(out.status.code(), Some(1), "{}", hostile.label);
    let said = text(&out.stdout);
    assert!(said.contains("KHÔNG ĐẠT"), "{said}");
    assert!(said.contains(hostile.named), "{}: {said}", hostile.label);
    let out = run_in(dir.path(), &["verify", "--json", arg(&path)]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let named = json["schemaDifferences"]
        .as_array()
        .expect("schemaDifferences")
        .iter()
        .any(|d| d["message"] == hostile.named);
    assert!(named, "{}: {json}", hostile.label);

    let before = bytes_of(&db);
    let name = genuine.file_name().and_then(|n| n.to_str()).expect("name");
    std::fs::copy(&path, &genuine).expect("the hostile file under a backup's name");
    let fresh = dir.path().join("moi.sqlite3");
    for args in [
        ["restore", "--db", arg(&db), "--from", arg(&path)],
        ["restore", "--db", arg(&db), "--from", name],
        ["restore", "--db", arg(&fresh), "--from", arg(&path)],
    ] {
        let out = run_in(dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{}: {args:?}", hostile.label);
        let err = text(&out.stderr);
        assert!(
            err.contains("cấu trúc dữ liệu khác"),
            "{}: {err}",
            hostile.label
        );
    }
    assert!(
        bytes_of(&db) == before,
        "{}: the database changed",
        hostile.label
    );
    assert!(!fresh.exists());
}

#[test]
fn a_file_uri_as_db_is_a_file_of_that_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = "file:ke-hoach.sqlite3?mode=memory";
    let out = run_in(dir.path(), &["sample", "--db", name]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        dir.path().join(name).is_file(),
        "a file of that literal name"
    );
    let out = run_in(dir.path(), &["list", "--db", name]);
    assert!(text(&out.stdout).contains("2027"), "{}", text(&out.stdout));
    let out = run_in(dir.path(), &["verify", name]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
}

#[test]
fn purge_erases_a_deleted_plans_details_and_says_what_it_removed() {
    let phone = "0987 654 321 (máy riêng)";
    let dir = tempfile::tempdir().expect("temp dir");
    let (db, mut store, plan) = sample_store(dir.path());
    set_contact(&mut store, plan, phone);
    store.delete_plan(plan).expect("delete");
    drop(store);
    assert!(contains(&bytes_of(&db).0, phone), "held for undo");
    let out = run_in(dir.path(), &["purge", "--db", arg(&db)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("Đã xóa vĩnh viễn dữ liệu của 1 lần xóa"),
        "{said}"
    );
    assert!(said.contains("1 kế hoạch đã xóa"), "{said}");
    assert!(
        said.contains("bản sao lưu"),
        "the backups still hold it: {said}"
    );
    assert!(!contains(&bytes_of(&db).0, phone));
    let out = run_in(dir.path(), &["purge", "--db", arg(&db)]);
    assert!(text(&out.stdout).contains("Thùng rác đã trống"));
    let missing = dir.path().join("khong-co.sqlite3");
    let out = run_in(dir.path(), &["purge", "--db", arg(&missing)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!missing.exists(), "purge creates nothing");
}

#[test]
fn restoring_a_backup_of_another_page_size_says_why_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (db, genuine) = sample_with_backup(dir.path());
    let big = dir.path().join("trang-lon.sqlite3");
    with_big_pages(&genuine, &big);
    let before = bytes_of(&db);
    let out = run_in(
        dir.path(),
        &["restore", "--db", arg(&db), "--from", arg(&big)],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("65536 byte") && !err.contains("chỉ đọc"),
        "{err}"
    );
    assert!(bytes_of(&db) == before);
}
