//! Plan files from the command line: `commplan export-file` writes the
//! submitted revision (or, with `--draft`, the working copy); `commplan
//! import` reads a plan file or a return file on another database and says
//! what it did (exit 0), or why it refused (exit 2, nothing changed).

#[path = "../../store/tests/common/mod.rs"]
mod common;
mod run;
#[path = "../../store/tests/travel/mod.rs"]
mod travel;

use std::path::Path;

use commplan_core::review::{CommentAnchor, NewComment};
use commplan_core::{PlanStatus, Step};
use commplan_store::Store;
use run::{arg, assert_exit, err, out, run_in};

#[test]
fn a_plan_file_goes_out_and_its_return_comes_back_through_the_command() {
    let officer_dir = common::temp_dir();
    let officer_db = common::db_in(officer_dir.path());
    let (mut officer, plan) = common::sample_in(officer_dir.path());
    let plan_arg = plan.to_string();
    let sent = officer_dir.path().join("kế hoạch.khtt");
    let export = |extra: &[&str]| {
        let mut args = vec!["export-file", "--db", arg(&officer_db), "--plan", &plan_arg];
        args.extend(["--out", arg(&sent)]);
        args.extend(extra);
        run_in(officer_dir.path(), &args)
    };

    let refused = export(&[]);
    assert_exit(&refused, 2);
    assert!(err(&refused).starts_with("Lỗi: Chỉ gửi được tệp kế hoạch khi kế hoạch đã trình"));
    assert!(!sent.exists(), "nothing written");
    let draft = export(&["--draft"]);
    assert_exit(&draft, 0);
    assert!(
        out(&draft).starts_with("Đã ghi tệp kế hoạch (bản nháp) của "),
        "{}",
        out(&draft)
    );
    officer.submit_plan(plan).expect("submit");
    drop(officer);
    let written = export(&[]);
    assert_exit(&written, 0);
    assert!(out(&written).starts_with("Đã ghi tệp kế hoạch (lần trình 1) của "));

    let reviewer_dir = common::temp_dir();
    let reviewer_db = common::db_in(reviewer_dir.path());
    let import =
        |dir: &Path, db: &Path, file: &Path| run_in(dir, &["import", "--db", arg(db), arg(file)]);
    assert_exit(
        &run_in(reviewer_dir.path(), &["list", "--db", arg(&reviewer_db)]),
        0,
    );
    let received = import(reviewer_dir.path(), &reviewer_db, &sent);
    assert_exit(&received, 0);
    assert!(
        out(&received).starts_with("Đã nhận lần trình 1 của kế hoạch “"),
        "{}",
        out(&received)
    );
    let listed = run_in(reviewer_dir.path(), &["list", "--db", arg(&reviewer_db)]);
    assert!(
        out(&listed).contains("Đã trình (hồ sơ nhận được)"),
        "{}",
        out(&listed)
    );
    let again = import(reviewer_dir.path(), &reviewer_db, &sent);
    assert_exit(&again, 0);
    assert!(
        out(&again).contains("Không có gì thay đổi"),
        "{}",
        out(&again)
    );

    let answer = reviewer_dir.path().join("trả lời.khtt");
    return_with_a_comment(&reviewer_db, &answer);
    let before = travel::dump(&officer_db);
    let home = import(officer_dir.path(), &officer_db, &answer);
    assert_exit(&home, 0);
    assert!(
        out(&home).contains("bị trả lại với 1 ý kiến"),
        "{}",
        out(&home)
    );
    assert_ne!(travel::dump(&officer_db), before);
    let officer = Store::open(&officer_db).expect("open");
    assert_eq!(
        officer.plan_summary(plan).expect("plan").status,
        PlanStatus::Returned
    );
}

/// On the reviewer's database: a return with one comment, its file at `path`.
fn return_with_a_comment(db: &Path, path: &Path) {
    let mut reviewer = Store::open(db).expect("open");
    let plan = reviewer.list_plans().expect("plans")[0].id;
    let comment = NewComment {
        anchor: CommentAnchor::Section { step: Step::Budget },
        text: "Đối chiếu định mức chi.".into(),
        author: "Sở Tài chính".into(),
    };
    reviewer.return_plan(plan, &[comment]).expect("return");
    let file = reviewer.return_file(plan).expect("return file");
    std::fs::write(path, file.bytes).expect("write");
}

/// Once the approving return file is opened, `export-file` writes the
/// approved revision with its approval, and `consolidate` counts it approved.
#[test]
fn an_approved_plan_goes_out_with_its_approval_and_is_counted_approved() {
    let travel::Officer {
        dir,
        mut store,
        plan,
        file,
    } = travel::officer();
    let approval = travel::approval_of(&file);
    store.open_plan_file(&approval).expect("approval");
    drop(store);
    let files = dir.path().join("tổng hợp");
    std::fs::create_dir(&files).expect("folder");
    let sent = files.join("duyệt.khtt");
    let plan_arg = plan.to_string();
    let db = common::db_in(dir.path());
    let export = run_in(
        dir.path(),
        &[
            "export-file",
            "--db",
            arg(&db),
            "--plan",
            &plan_arg,
            "--out",
            arg(&sent),
        ],
    );
    assert_exit(&export, 0);
    let written = travel::json(&std::fs::read(&sent).expect("read"));
    assert_eq!(written["decision"]["action"], "approve");
    assert_eq!(
        written["decision"]["at"],
        travel::json(&approval)["decision"]["at"]
    );
    assert_eq!(written["decision"]["by"], "Sở Tư pháp");
    let board = run_in(dir.path(), &["consolidate", "--year", "2027", arg(&files)]);
    assert_exit(&board, 0);
    assert!(
        out(&board).contains("(0 dự thảo, 0 đã trình, 1 đã phê duyệt)"),
        "{}",
        out(&board)
    );
}

#[test]
fn a_hostile_file_is_refused_with_exit_2_and_changes_nothing() {
    let officer = travel::officer();
    let dir = common::temp_dir();
    let db = common::db_in(dir.path());
    drop(Store::open(&db).expect("create"));
    let cases: [(&str, Vec<u8>, &str); 4] = [
        (
            "cắt cụt.khtt",
            officer.file[..officer.file.len() / 3].to_vec(),
            "Lỗi: Tệp kế hoạch bị cắt cụt",
        ),
        (
            "mới hơn.khtt",
            travel::altered(&officer.file, |j| j["version"] = 9.into()),
            "hãy cập nhật ứng dụng",
        ),
        (
            "sửa nội dung.khtt",
            travel::altered(&officer.file, |j| {
                j["document"]["fields"]["purposes"] = "Khác".into();
            }),
            "Mã kiểm tra (SHA-256)",
        ),
        ("nén.khtt", travel::gzip(&officer.file), "tệp nén"),
    ];
    for (name, bytes, says) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let before = travel::dump(&db);
        let o = run_in(dir.path(), &["import", "--db", arg(&db), arg(&path)]);
        assert_exit(&o, 2);
        assert!(err(&o).contains(says), "{name}: {}", err(&o));
        assert!(out(&o).is_empty(), "{name}");
        assert_eq!(travel::dump(&db), before, "{name}: the database changed");
        assert!(
            !dir.path().join("backups").exists(),
            "{name}: a backup was written"
        );
    }
    let missing = run_in(dir.path(), &["import", "--db", arg(&db), "không có.khtt"]);
    assert_exit(&missing, 2);
    assert!(
        err(&missing).starts_with("Lỗi: Không đọc được tệp kế hoạch “"),
        "{}",
        err(&missing)
    );
}
