//! The `commplan` binary, run as a user would run it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use commplan_core::{Entity, FieldEdit, FieldValue, NewPlan, PlanSummary};
use commplan_store::Store;
use tempfile::TempDir;

fn commplan(args: &[&str], data_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_commplan"))
        .args(args)
        .env("COMMPLAN_DATA_DIR", data_dir)
        .output()
        .expect("run commplan")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

/// Creates the sample plan in `db` through the binary; gives back its id.
fn sample(db: &str, data_dir: &Path) -> String {
    stdout(&commplan(&["sample", "--db", db], data_dir))
        .trim()
        .to_string()
}

/// The command succeeded; its error output shown otherwise.
fn assert_ok(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// How many plans `commplan sample` makes: the sample plan and its year
/// before, approved with its results.
const SAMPLE_PLANS: usize = 2;

/// How many plans the database at `db` holds.
fn plan_count(db: &Path) -> usize {
    Store::open(db)
        .expect("open")
        .list_plans()
        .expect("plans")
        .len()
}

/// A path as a command-line argument.
fn path_arg(path: &Path) -> &str {
    path.to_str().expect("path")
}

/// A fresh data folder with a database `plans.sqlite3` holding the sample
/// plan, made through the binary; gives back the folder, the database and the
/// plan's id.
fn sample_folder() -> (TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("plans.sqlite3");
    let id = sample(path_arg(&db), dir.path());
    (dir, db, id)
}

/// In a fresh sample folder, runs `commplan <command>` on the sample plan with
/// `flag` naming the file `file` in the folder, which must succeed; gives back
/// the folder, the database and the written file.
fn write_from_sample(command: &str, flag: &str, file: &str) -> (TempDir, PathBuf, PathBuf) {
    let (dir, db, id) = sample_folder();
    let out = dir.path().join(file);
    let (db_arg, out_arg) = (path_arg(&db), path_arg(&out));
    let run = commplan(
        &[command, "--db", db_arg, "--plan", &id, flag, out_arg],
        dir.path(),
    );
    assert_ok(&run);
    (dir, db, out)
}

/// Creates a plan of unit `unit_id` for `year` through the store.
fn create_plan(store: &mut Store, unit_id: i64, year: i32) -> PlanSummary {
    store.create_plan(&NewPlan { unit_id, year }).expect("plan")
}

/// Sets a text field of plan `plan` through the store, as the app would.
fn edit_plan(store: &mut Store, plan: i64, field: &str, value: &str) {
    store
        .edit_field(&FieldEdit {
            entity: Entity::Plan,
            id: plan,
            field: field.into(),
            value: FieldValue::Text(value.into()),
        })
        .expect(field);
}

#[test]
fn help_names_the_commands() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = commplan(&["--help"], dir.path());
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("Kế hoạch truyền thông chính sách"), "{text}");
    assert!(text.contains("list"), "{text}");
}

#[test]
fn list_on_a_fresh_path_creates_the_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("new/plans.sqlite3");
    let out = commplan(&["list", "--db", path_arg(&db)], dir.path());
    assert_ok(&out);
    assert_eq!(stdout(&out), "Chưa có kế hoạch nào.\n");
    assert!(db.exists());
    // The default database was not touched.
    assert!(!dir.path().join(commplan_store::DB_FILE_NAME).exists());
}

#[test]
fn list_prints_id_unit_year_and_status() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("plans.sqlite3");
    let (id, unit) = {
        let mut store = Store::open(&db).expect("open");
        let unit = store.list_units().expect("units")[0].clone();
        (create_plan(&mut store, unit.id, 2027).id, unit.name)
    };
    let out = commplan(&["list", "--db", path_arg(&db)], dir.path());
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with("ID"));
    let cells: Vec<&str> = lines[1]
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(
        cells,
        [id.to_string().as_str(), unit.as_str(), "2027", "Dự thảo"]
    );
}

#[test]
fn reading_commands_on_a_missing_database_say_so_and_create_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("typo/plans.sqlite3");
    let path = db.to_str().expect("path");
    let out_pdf = dir.path().join("out.pdf");
    let out_xlsx = dir.path().join("out.xlsx");
    let commands: [&[&str]; 5] = [
        &[
            "export",
            "--db",
            path,
            "--plan",
            "1",
            "--out",
            out_pdf.to_str().expect("pdf"),
        ],
        &[
            "budget",
            "--db",
            path,
            "--plan",
            "1",
            "--xlsx",
            out_xlsx.to_str().expect("xlsx"),
        ],
        &["check", "--db", path, "--plan", "1"],
        &["revisions", "--db", path, "--plan", "1"],
        &["diff", "--db", path, "--plan", "1", "--from", "1"],
    ];
    for args in commands {
        let out = commplan(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).expect("UTF-8");
        assert!(
            err.contains("Không tìm thấy tệp cơ sở dữ liệu") && err.contains("typo"),
            "{args:?}: {err}"
        );
    }
    assert!(!db.exists() && !db.parent().expect("parent").exists());
    assert!(!out_pdf.exists() && !out_xlsx.exists());
    // Nor was the default database created in its place.
    assert!(!dir.path().join(commplan_store::DB_FILE_NAME).exists());
}

#[test]
fn a_file_that_is_not_a_database_gets_a_vietnamese_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("notes.txt");
    std::fs::write(&db, "Ghi chú cuộc họp, không phải cơ sở dữ liệu.").expect("write");
    let out = commplan(&["list", "--db", path_arg(&db)], dir.path());
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(err.starts_with("Lỗi: "), "{err}");
    assert_eq!(err.lines().count(), 1, "only the Vietnamese message: {err}");
    assert!(err.contains("không phải là cơ sở dữ liệu"), "{err}");
}

#[test]
fn sample_creates_the_sample_plan_and_prints_its_id() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("plans.sqlite3");
    let path = db.to_str().expect("path");
    let out = commplan(&["sample", "--db", path], dir.path());
    assert_ok(&out);
    let id: i64 = stdout(&out).trim().parse().expect("an id");
    let store = Store::open(&db).expect("open");
    let doc = store.plan_document(id).expect("the sample");
    assert_eq!(doc.unit.name, "Sở Nông nghiệp và Môi trường");
    assert!(doc.activities.len() >= 30);

    // A second sample for the same unit and year is refused in Vietnamese.
    let again = commplan(&["sample", "--db", path], dir.path());
    assert!(!again.status.success());
    let err = String::from_utf8(again.stderr).expect("UTF-8");
    assert!(err.contains("đã có kế hoạch năm 2027"), "{err}");
}

#[test]
fn budget_writes_a_workbook_whose_totals_are_formulas() {
    use calamine::{Data, Reader, Xlsx, open_workbook};

    let (dir, db, out) = write_from_sample("budget", "--xlsx", "du-toan.xlsx");
    let mut book: Xlsx<_> = open_workbook(&out).expect("a valid workbook");
    let values = book.worksheet_range("Dự toán").expect("the sheet");
    let formulas = book.worksheet_formula("Dự toán").expect("formulas");
    // Row 6 (the first line): 24 tin, bài × 2.500.000 đ.
    let first = (5u32, 1u32);
    assert_eq!(
        values.get_value(first),
        Some(&Data::String(
            "Đặt hàng tin, bài về chính sách nông nghiệp, môi trường trên Báo và Phát thanh, Truyền hình Gia Lai".into()
        ))
    );
    assert_eq!(values.get_value((5, 6)), Some(&Data::Float(60_000_000.0)));
    let all: Vec<String> = formulas.used_cells().map(|(_, _, f)| f.clone()).collect();
    assert!(all.iter().any(|f| f == "ROUND(E6*F6,0)"), "{all:?}");
    assert!(all.iter().any(|f| f.starts_with("SUM(G6:G")), "{all:?}");
    assert!(all.iter().any(|f| f.starts_with("SUMIF(C6:C")), "{all:?}");
    // The total row holds the exact total and the words follow it.
    let total = values
        .rows()
        .find(|r| r.first() == Some(&Data::String("Tổng cộng".into())))
        .expect("total row");
    assert_eq!(total.get(6), Some(&Data::Float(612_760_000.0)));
    assert_eq!(total.get(7), Some(&Data::Float(319_000_000.0)));
    assert!(
        all.iter().any(|f| f.starts_with("IF(COUNT(H6:H")),
        "{all:?}"
    );
    assert!(values.rows().any(|r| r.first()
        == Some(&Data::String(
            "Bằng chữ: Sáu trăm mười hai triệu bảy trăm sáu mươi nghìn đồng.".into()
        ))));

    // Nothing approved: the approved total is blank, not 0, as in the PDF.
    let mut store = Store::open(&db).expect("open");
    let plan = store.list_plans().expect("plans")[0].id;
    let lines = store
        .plan_document(plan)
        .expect("plan")
        .budget_lines
        .clone();
    for line in lines {
        store
            .edit_field(&FieldEdit {
                entity: Entity::BudgetLine,
                id: line.id,
                field: "approved".into(),
                value: FieldValue::Text(String::new()),
            })
            .expect("clear the approved amount");
    }
    drop(store);
    let none = dir.path().join("none.xlsx");
    let run = commplan(
        &[
            "budget",
            "--db",
            path_arg(&db),
            "--plan",
            &plan.to_string(),
            "--xlsx",
            path_arg(&none),
        ],
        dir.path(),
    );
    assert_ok(&run);
    let mut book: Xlsx<_> = open_workbook(&none).expect("a valid workbook");
    let values = book.worksheet_range("Dự toán").expect("the sheet");
    let total = values
        .rows()
        .find(|r| r.first() == Some(&Data::String("Tổng cộng".into())))
        .expect("total row");
    assert_eq!(total.get(6), Some(&Data::Float(612_760_000.0)));
    assert_eq!(total.get(7), Some(&Data::String(String::new())));
}

#[test]
fn export_writes_the_official_pdf() {
    let (dir, db, out) = write_from_sample("export", "--out", "kế hoạch.pdf");
    let bytes = std::fs::read(&out).expect("the pdf");
    assert!(bytes.starts_with(b"%PDF-1.7"));
    // A colleague can read it, as any other file saved here.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| {
            std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777
        };
        let plain = dir.path().join("plain.txt");
        std::fs::write(&plain, b"x").expect("plain");
        assert_eq!(mode(&out), mode(&plain));
    }
    // No temporary file is left beside it.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".part")), "{names:?}");

    let path = path_arg(&db);
    let missing = commplan(
        &["export", "--db", path, "--plan", "999", "--out", "x.pdf"],
        dir.path(),
    );
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("Không tìm thấy kế hoạch"));
}

#[test]
fn export_writes_the_word_copy_when_the_file_ends_in_docx() {
    let (dir, db, out) = write_from_sample("export", "--out", "kế hoạch.DOCX");
    let bytes = std::fs::read(&out).expect("the Word file");
    // A zip whose entries include Word's document part.
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let has = |name: &[u8]| bytes.windows(name.len()).any(|w| w == name);
    assert!(has(b"word/document.xml") && has(b"[Content_Types].xml"));

    // Another extension is refused in Vietnamese, before anything is read.
    let (db_arg, odt) = (path_arg(&db), dir.path().join("kế hoạch.odt"));
    for target in [odt.as_path(), Path::new("kế hoạch")] {
        let out = commplan(
            &[
                "export",
                "--db",
                db_arg,
                "--plan",
                "1",
                "--out",
                path_arg(target),
            ],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).expect("UTF-8");
        assert!(
            err.contains("phải kết thúc bằng .pdf (bản PDF) hoặc .docx (bản Word)"),
            "{err}"
        );
        assert!(!dir.path().join(target).exists());
    }
}

#[test]
fn check_passes_the_sample_and_fails_once_a_required_item_is_removed() {
    let (dir, db, id) = sample_folder();
    let path = path_arg(&db);
    check_passes_the_sample(path, &id, dir.path());
    remove_the_spokesperson(&db, &id);
    check_fails_on_the_missing_spokesperson(path, &id, dir.path());

    // An error (no such plan) is exit 2, with the Vietnamese message.
    let missing = commplan(&["check", "--db", path, "--plan", "999"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("Không tìm thấy kế hoạch"));
}

/// The sample: nothing blocking, exit 0, in text and in JSON.
fn check_passes_the_sample(path: &str, id: &str, data_dir: &Path) {
    let human = commplan(&["check", "--db", path, "--plan", id], data_dir);
    assert_eq!(
        human.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&human.stderr)
    );
    let text = stdout(&human);
    assert!(text.contains("1. Thông tin chung"), "{text}");
    assert!(text.contains("[Gợi ý]"), "{text}");
    assert!(
        text.trim_end()
            .ends_with("Kế hoạch đáp ứng các yêu cầu bắt buộc; còn 0 cảnh báo, 1 gợi ý."),
        "{text}"
    );
    let json = commplan(&["check", "--db", path, "--plan", id, "--json"], data_dir);
    assert_eq!(json.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(report["blocking"], 0);
    assert_eq!(report["perStep"].as_array().map(Vec::len), Some(9));
}

/// Removes the spokesperson through the store, as the app would.
fn remove_the_spokesperson(db: &Path, id: &str) {
    let mut store = Store::open(db).expect("open");
    edit_plan(&mut store, id.parse().expect("id"), "spokespersonName", "");
}

/// Without a spokesperson: exit 1, the one blocking rule in JSON, and in text
/// the step, the finding, its legal basis and the summary.
fn check_fails_on_the_missing_spokesperson(path: &str, id: &str, data_dir: &Path) {
    let json = commplan(&["check", "--db", path, "--plan", id, "--json"], data_dir);
    assert_eq!(json.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(report["blocking"], 1);
    let rules: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] == "blocking")
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert_eq!(rules, ["staffing.spokesperson"]);

    let human = commplan(&["check", "--db", path, "--plan", id], data_dir);
    assert_eq!(human.status.code(), Some(1));
    let text = stdout(&human);
    assert!(text.contains("4. Nhân sự"), "{text}");
    assert!(
        text.contains("[Bắt buộc sửa] Chưa ghi họ tên người phát ngôn của cơ quan."),
        "{text}"
    );
    assert!(text.contains("Căn cứ: Nghị định 09/2017/NĐ-CP"), "{text}");
    assert!(
        text.trim_end()
            .ends_with("1 lỗi bắt buộc sửa, 0 cảnh báo, 1 gợi ý."),
        "{text}"
    );
}

#[test]
fn backup_restore_and_verify_work_headless() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("commplan.sqlite3");
    assert!(
        commplan(&["sample", "--db", path_arg(&db)], dir.path())
            .status
            .success()
    );
    let (made, chosen) = back_up_to_the_folder_and_to_a_chosen_file(&db, dir.path());
    verify_says_sound_files_are_sound(&db, &chosen, &made, dir.path());
    restoring_undoes_a_later_change(&db, &chosen, dir.path());
    a_damaged_file_fails_verify_and_is_not_restored(&db, &chosen, dir.path());

    // Restoring where there is no database puts the backup there.
    let elsewhere = dir.path().join("moi/commplan.sqlite3");
    std::fs::create_dir_all(elsewhere.parent().expect("parent")).expect("dir");
    let out = commplan(
        &[
            "restore",
            "--db",
            path_arg(&elsewhere),
            "--from",
            path_arg(&made),
        ],
        dir.path(),
    );
    assert_ok(&out);
    assert_eq!(plan_count(&elsewhere), SAMPLE_PLANS);
}

/// A backup into the backup folder, and one to a chosen file; the list names
/// the first. Gives back both files.
fn back_up_to_the_folder_and_to_a_chosen_file(db: &Path, data_dir: &Path) -> (PathBuf, PathBuf) {
    let db_arg = path_arg(db);
    let out = commplan(&["backup", "--db", db_arg], data_dir);
    assert_ok(&out);
    let made = PathBuf::from(stdout(&out).trim());
    assert!(
        made.starts_with(data_dir.join("backups")),
        "{}",
        made.display()
    );
    assert!(made.is_file());
    let chosen = data_dir.join("ban-sao.sqlite3");
    let out = commplan(
        &["backup", "--db", db_arg, "--out", path_arg(&chosen)],
        data_dir,
    );
    assert!(out.status.success());
    assert!(chosen.is_file());
    let list = stdout(&commplan(&["backup", "--db", db_arg, "--list"], data_dir));
    assert!(list.contains("Sao lưu thủ công"), "{list}");
    assert!(
        list.contains(made.file_name().and_then(|n| n.to_str()).expect("name")),
        "{list}"
    );
    (made, chosen)
}

/// verify: the database and both backups are sound, exit 0 and say so; in
/// JSON it counts the database's plans.
fn verify_says_sound_files_are_sound(db: &Path, chosen: &Path, made: &Path, data_dir: &Path) {
    for file in [db, chosen, made] {
        let out = commplan(&["verify", path_arg(file)], data_dir);
        assert!(out.status.success(), "{}", stdout(&out));
        assert!(stdout(&out).contains("tệp nguyên vẹn"), "{}", stdout(&out));
    }
    let json = stdout(&commplan(&["verify", "--json", path_arg(db)], data_dir));
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["plans"], SAMPLE_PLANS);
}

/// A change, then restore from the backup: the change is gone.
fn restoring_undoes_a_later_change(db: &Path, backup: &Path, data_dir: &Path) {
    {
        let mut store = Store::open(db).expect("open");
        let plan = store.list_plans().expect("plans")[0].id;
        let unit = store.plan_document(plan).expect("doc").unit.id;
        create_plan(&mut store, unit, 2030);
    }
    let out = commplan(
        &["restore", "--db", path_arg(db), "--from", path_arg(backup)],
        data_dir,
    );
    assert_ok(&out);
    assert!(stdout(&out).contains("Đã khôi phục"), "{}", stdout(&out));
    assert_eq!(plan_count(db), SAMPLE_PLANS);
}

/// A damaged copy of the backup: verify exits 1 and says where; restore
/// refuses it (exit 2) and the database stays as it was.
fn a_damaged_file_fails_verify_and_is_not_restored(db: &Path, backup: &Path, data_dir: &Path) {
    let mut bytes = std::fs::read(backup).expect("read");
    for b in &mut bytes[4096..4096 + 12] {
        *b ^= 0x5A;
    }
    let damaged = data_dir.join("hong.sqlite3");
    std::fs::write(&damaged, &bytes).expect("write");
    let out = commplan(&["verify", path_arg(&damaged)], data_dir);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("KHÔNG ĐẠT"), "{}", stdout(&out));
    let out = commplan(
        &[
            "restore",
            "--db",
            path_arg(db),
            "--from",
            path_arg(&damaged),
        ],
        data_dir,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bị hỏng"));
    assert_eq!(plan_count(db), SAMPLE_PLANS);
}

#[test]
fn revisions_and_diff_show_what_changed_between_submissions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("commplan.sqlite3");
    let db_arg = path_arg(&db);
    let out = commplan(&["revisions", "--db", db_arg, "--plan", "1"], dir.path());
    assert!(!out.status.success(), "no such plan yet");
    let plan = submit_return_fix_and_resubmit(&db).to_string();

    let out = commplan(&["revisions", "--db", db_arg, "--plan", &plan], dir.path());
    assert_ok(&out);
    let table = stdout(&out);
    assert!(table.contains("LẦN TRÌNH"), "{table}");
    assert!(
        table.contains("Đã trình") && table.contains("Trình lại"),
        "{table}"
    );
    assert!(table.contains("6 / 51 / 16"), "{table}");
    diff_shows_the_changed_contact(db_arg, &plan, dir.path());

    // The working copy is the default "to"; a bad revision is said in Vietnamese.
    let out = commplan(
        &["diff", "--db", db_arg, "--plan", &plan, "--from", "2"],
        dir.path(),
    );
    assert!(out.status.success());
    let out = commplan(
        &["diff", "--db", db_arg, "--plan", &plan, "--from", "ba"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("không phải là số lần trình"));
}

/// Through the store: the sample is submitted, returned with a comment, its
/// spokesperson's contact filled in, and resubmitted; gives its id.
fn submit_return_fix_and_resubmit(db: &Path) -> i64 {
    use commplan_core::Step;
    use commplan_core::review::{CommentAnchor, NewComment};

    let mut store = Store::open(db).expect("open");
    let plan = store.create_sample().expect("sample").id;
    store.submit_plan(plan).expect("submit");
    store
        .return_plan(
            plan,
            &[NewComment {
                anchor: CommentAnchor::Section {
                    step: Step::Staffing,
                },
                text: "Bổ sung số điện thoại.".into(),
                author: "Sở Tư pháp".into(),
            }],
        )
        .expect("return");
    edit_plan(&mut store, plan, "spokespersonContact", "0269 3823 456");
    store.resubmit_plan(plan).expect("resubmit");
    plan
}

/// The diff of revision 1 → 2, in text and in JSON: the one changed text.
fn diff_shows_the_changed_contact(db_arg: &str, plan: &str, data_dir: &Path) {
    let out = commplan(
        &[
            "diff", "--db", db_arg, "--plan", plan, "--from", "1", "--to", "2",
        ],
        data_dir,
    );
    assert_ok(&out);
    let text = stdout(&out);
    assert!(text.contains("Liên hệ người phát ngôn"), "{text}");
    assert!(text.contains("456"), "{text}");
    let json = stdout(&commplan(
        &[
            "diff", "--db", db_arg, "--plan", plan, "--from", "1", "--to", "2", "--json",
        ],
        data_dir,
    ));
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["texts"].as_array().map(Vec::len), Some(1), "{json}");
    assert_eq!(v["texts"][0]["field"], "spokespersonContact");
    assert_eq!(v["lists"].as_array().map(Vec::len), Some(0));
}

#[test]
fn legal_texts_import_takes_a_newer_list_and_refuses_a_bad_one_untouched() {
    let (dir, db, id) = sample_folder();
    let db_arg = path_arg(&db);
    let mut list: serde_json::Value =
        serde_json::from_str(include_str!("../../../assets/legal-texts.json")).expect("json");
    list["updated"] = serde_json::json!("2027-03-01");
    let good = dir.path().join("danh-muc.json");
    std::fs::write(&good, serde_json::to_vec(&list).expect("json")).expect("write");
    let doc = Store::open(&db)
        .expect("open")
        .plan_document(id.parse().expect("id"))
        .expect("doc");
    let run = commplan(
        &["legal-texts", "import", "--db", db_arg, path_arg(&good)],
        dir.path(),
    );
    assert_ok(&run);
    assert_eq!(
        stdout(&run).trim(),
        "Đã nhập danh mục văn bản pháp lý (rà soát ngày 01/03/2027): thêm 0, cập nhật 11, giữ nguyên 0 văn bản. Không kế hoạch nào bị thay đổi."
    );
    let store = Store::open(&db).expect("open");
    assert_eq!(
        store.legal_texts().expect("texts").list_date.as_deref(),
        Some("2027-03-01")
    );
    assert_eq!(store.plan_document(doc.id).expect("doc"), doc);
    drop(store);

    list["version"] = serde_json::json!(2);
    let newer = dir.path().join("moi-hon.json");
    std::fs::write(&newer, serde_json::to_vec(&list).expect("json")).expect("write");
    let before = std::fs::read(&db).expect("db");
    let run = commplan(
        &["legal-texts", "import", "--db", db_arg, path_arg(&newer)],
        dir.path(),
    );
    assert_eq!(run.status.code(), Some(2));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("hãy cập nhật ứng dụng"), "{err}");
    assert!(
        std::fs::read(&db).expect("db") == before,
        "the file changed"
    );
    let missing = dir.path().join("khong-co.json");
    let run = commplan(
        &["legal-texts", "import", "--db", db_arg, path_arg(&missing)],
        dir.path(),
    );
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("Không đọc được tệp danh mục"));
}
