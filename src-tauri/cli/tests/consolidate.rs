//! `commplan consolidate` on plan files written by real stores: a folder of
//! three units' files (a revision with its older draft, two drafts) and a
//! broken file, against the seeded unit list or a database's; the board
//! printed, the workbook and the report written; an approved plan's file
//! with what was done of it; errors end with exit 2.

#[path = "../../store/tests/common/mod.rs"]
mod common;
mod run;

use std::path::{Path, PathBuf};

use commplan_core::UnitInput;
use commplan_core::planfile::FileSource;
use commplan_core::results::documents::share;
use commplan_core::results::{ActivityStatus, Period, report};
use run::{arg, assert_exit, err, out, run_in};

/// A folder of plan files from an officer's database: the sample plan of
/// Sở Nông nghiệp và Môi trường as a draft, then as revision 1; empty plans
/// of Sở Tư pháp and Sở Y tế as drafts; and a file that is not a plan file.
fn folder(dir: &Path) -> PathBuf {
    let files = dir.join("nhận được");
    std::fs::create_dir(&files).expect("folder");
    let (mut store, sample) = common::sample_in(dir);
    let write = |store: &commplan_store::Store, plan: i64, source: FileSource, name: &str| {
        let file = store.plan_file(plan, source).expect("plan file");
        std::fs::write(files.join(name), file.bytes).expect("write");
    };
    write(&store, sample, FileSource::Draft, "nnmt - bản nháp.khtt");
    store.submit_plan(sample).expect("submit");
    write(
        &store,
        sample,
        FileSource::Submitted,
        "nnmt - lần trình 1.khtt",
    );
    for (n, name) in [(2, "stp.khtt"), (5, "syt.khtt")] {
        let plan = common::create_plan(&mut store, n, 2027).id;
        write(&store, plan, FileSource::Draft, name);
    }
    std::fs::write(files.join("hỏng.khtt"), "{ \"format\": ").expect("write");
    std::fs::write(files.join("ghi chú.txt"), "không phải tệp kế hoạch").expect("write");
    files
}

/// `commplan consolidate` of `files` for 2027 in `dir`, with both exports:
/// what it printed (it must succeed), the workbook's path and the report's.
fn with_exports(dir: &Path, files: &Path) -> (String, PathBuf, PathBuf) {
    let (xlsx, pdf) = (dir.join("tổng hợp.xlsx"), dir.join("báo cáo.pdf"));
    let o = run_in(
        dir,
        &[
            "consolidate",
            "--year",
            "2027",
            "--xlsx",
            arg(&xlsx),
            "--pdf",
            arg(&pdf),
            arg(files),
        ],
    );
    assert_exit(&o, 0);
    (out(&o), xlsx, pdf)
}

/// `text` with every run of white space (a no-break one too) one space.
fn squashed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The board's line of `unit` in `text`, its cells one space apart.
fn row_line(text: &str, unit: &str) -> String {
    squashed(
        text.lines()
            .find(|l| l.contains(unit))
            .unwrap_or_else(|| panic!("{unit}: {text}")),
    )
}

#[test]
fn a_folder_is_consolidated_against_the_seeded_units_and_both_exports_are_written() {
    let dir = common::temp_dir();
    let files = folder(dir.path());
    let (text, xlsx, pdf) = with_exports(dir.path(), &files);
    assert!(
        text.starts_with("Tổng hợp kế hoạch truyền thông chính sách năm 2027 — đơn vị tổng hợp: Ủy ban nhân dân tỉnh Gia Lai\nĐã nhận kế hoạch của 3/12 đơn vị (2 dự thảo, 1 đã trình, 0 đã phê duyệt); chưa nhận: 9."),
        "{text}"
    );
    let line = |unit: &str| row_line(&text, unit);
    assert_eq!(
        line("Sở Nông nghiệp và Môi trường"),
        "8 Sở Nông nghiệp và Môi trường Đã trình lần trình 1 0 612.760.000 319.000.000"
    );
    assert!(line("Sở Tư pháp").starts_with("3 Sở Tư pháp Dự thảo bản nháp"));
    assert_eq!(line("Sở Xây dựng"), "9 Sở Xây dựng Chưa nhận");
    assert!(
        text.contains("\n\nTệp không hợp lệ:\n- hỏng.khtt: Tệp kế hoạch bị cắt cụt"),
        "{text}"
    );
    assert!(
        !text.contains("ghi chú.txt"),
        "only .khtt files of a folder"
    );
    assert!(text.ends_with(&format!(
        "Đã ghi {}.\nĐã ghi {}.\n",
        xlsx.display(),
        pdf.display()
    )));

    use calamine::{Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(&xlsx).expect("a workbook");
    assert_eq!(book.sheet_names().len(), 6);
    let board = book.worksheet_range("Tổng hợp").expect("board");
    assert_eq!(
        board.height(),
        5 + 12 + 1 + 2 + 2,
        "headings, 12 units, totals, two blank rows, the refused file under its heading"
    );
    let report = std::fs::read(&pdf).expect("pdf");
    assert!(report.starts_with(b"%PDF-1.7"));
}

/// A folder with the sample plan approved, three of its activities done and
/// 58,000,000 đồng spent, sent as its file; and an empty draft of Sở Tư
/// pháp. Gives the folder and the activities planned in the year.
fn approved_folder(dir: &Path) -> (PathBuf, u32) {
    let files = dir.join("kết quả");
    std::fs::create_dir(&files).expect("folder");
    let (mut store, sample) = common::sample_in(dir);
    store.submit_plan(sample).expect("submit");
    store.approve_plan(sample).expect("approve");
    let doc = store.plan_document(sample).expect("doc");
    for a in &doc.activities[..3] {
        let done = common::result(a.id, ActivityStatus::Done);
        store.record_activity(sample, &done).expect("done");
    }
    let spent = common::spending(doc.budget_lines[0].id, 58_000_000, "");
    let results = store.record_spending(sample, &spent).expect("spent");
    let planned = report(&doc, &results, Period::Year).counts.planned;
    let draft = common::create_plan(&mut store, 2, 2027).id;
    for (plan, source, name) in [
        (sample, FileSource::Submitted, "nnmt - đã phê duyệt.khtt"),
        (draft, FileSource::Draft, "stp.khtt"),
    ] {
        let file = store.plan_file(plan, source).expect("plan file");
        std::fs::write(files.join(name), file.bytes).expect("write");
    }
    (files, planned)
}

#[test]
fn what_was_done_of_an_approved_plan_is_on_the_board_and_in_the_workbook() {
    let dir = common::temp_dir();
    let (files, planned) = approved_folder(dir.path());
    let (text, xlsx, pdf) = with_exports(dir.path(), &files);
    let share = share(3, u64::from(planned)).expect("planned");
    assert_eq!(
        row_line(&text, "Sở Nông nghiệp và Môi trường"),
        squashed(&format!(
            "8 Sở Nông nghiệp và Môi trường Đã phê duyệt lần trình 1 0 612.760.000 319.000.000 3/{planned} ({share}) 58.000.000"
        ))
    );
    assert!(
        text.contains(&format!("\nKết quả thực hiện (các kế hoạch đã gửi kết quả): hoạt động đã hoàn thành 3/{planned} ({share}); đã chi: 58.000.000 đồng.")),
        "{text}"
    );

    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(&xlsx).expect("a workbook");
    let board = book.worksheet_range("Tổng hợp").expect("board");
    // Sở Nông nghiệp và Môi trường is the 8th unit of the list (row 13).
    let number = |row, col| match board.get_value((row, col)) {
        Some(Data::Float(n)) => Some(*n),
        _ => None,
    };
    assert_eq!(number(12, 9), Some(3.0));
    assert_eq!(number(12, 10), Some(f64::from(planned)));
    assert_eq!(number(12, 11), Some(58_000_000.0));
    assert_eq!(number(7, 9), None, "Sở Tư pháp's draft carries none");
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF-1.7"));
}

#[test]
fn a_database_gives_the_units_and_the_consolidating_unit_is_chosen() {
    let dir = common::temp_dir();
    let files = folder(dir.path());
    let db = common::db_in(dir.path());
    let mut store = common::open_in(dir.path());
    let ban = store
        .create_unit(&UnitInput {
            name: "Ban Dân tộc tỉnh".into(),
            parent_body: "Ủy ban nhân dân tỉnh Gia Lai".into(),
            abbreviation: "BDT".into(),
        })
        .expect("unit");
    drop(store);
    let id = ban.id.to_string();
    let o = run_in(
        dir.path(),
        &[
            "consolidate",
            "--year",
            "2027",
            "--db",
            arg(&db),
            "--unit",
            &id,
            arg(&files),
        ],
    );
    assert_exit(&o, 0);
    assert!(out(&o).starts_with("Tổng hợp kế hoạch truyền thông chính sách năm 2027 — đơn vị tổng hợp: Ban Dân tộc tỉnh\nĐã nhận kế hoạch của 3/13 đơn vị"), "{}", out(&o));

    let unknown = run_in(
        dir.path(),
        &[
            "consolidate",
            "--year",
            "2027",
            "--unit",
            "999",
            arg(&files),
        ],
    );
    assert_exit(&unknown, 2);
    assert!(err(&unknown).starts_with("Lỗi: Hãy chọn đơn vị tổng hợp (--unit ID) trong danh sách đơn vị: 1 = Sở Văn hóa, Thể thao và Du lịch;"), "{}", err(&unknown));
    let missing = run_in(dir.path(), &["consolidate", "--year", "2027", "không có"]);
    assert_exit(&missing, 2);
    assert_eq!(
        err(&missing),
        "Lỗi: Không tìm thấy tệp hoặc thư mục “không có”.\n"
    );
    let no_db = run_in(
        dir.path(),
        &[
            "consolidate",
            "--year",
            "2027",
            "--db",
            "không có.sqlite3",
            arg(&files),
        ],
    );
    assert_exit(&no_db, 2);
    let year = run_in(dir.path(), &["consolidate", "--year", "1999", arg(&files)]);
    assert_exit(&year, 2);
    assert_eq!(err(&year), "Lỗi: Năm kế hoạch phải từ 2000 đến 2100.\n");
}

#[test]
fn without_a_database_the_units_and_the_law_are_those_a_new_database_starts_with() {
    let (_dir, store) = common::open();
    assert_eq!(
        commplan_store::seeded_units().expect("units"),
        store.list_units().expect("units")
    );
    assert_eq!(
        commplan_store::shipped_law().expect("law"),
        store.law().expect("law")
    );
}
