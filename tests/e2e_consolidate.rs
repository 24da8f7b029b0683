//! End-to-end: Tổng hợp. Three units' plan files in a folder — Sở Nông nghiệp
//! và Môi trường's second submission with its first one, Sở Y tế's draft with
//! a blocking gap, and the approved plan of a unit written differently from
//! the list — another plan of Sở Y tế (a conflict) and a damaged file, opened
//! through "Mở thư mục…" (`COMMPLAN_OPEN_FILE` names the folder). The board shows every unit,
//! the file of the unknown unit is offered for mapping and counted once
//! mapped; each view is shown, one filtered and sorted (by mouse and by
//! keyboard); the workbook and the PDF report are exported
//! (`COMMPLAN_SAVE_DIR`) and read back. Pictures of the board, every view and
//! the report's pages land in `target/screenshots/consolidate-*.png`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use std::time::Instant;

use common::{
    Driver, choose, click, exported, fill, look, screenshot, text, tid, wait_count, wait_for,
    wait_for_text, wait_for_texts, wait_until,
};
use commplan_core::file::PlanFile;
use commplan_core::planfile::FileSource;
use commplan_core::review::{CommentAnchor, NewComment};
use commplan_core::{PlanDocument, Step, Unit};
use commplan_store::Store;
use fantoccini::Client;

/// The units of the seeded list (`assets/units.json`).
const UNITS: usize = 12;
/// How the third unit writes its name: "Sở Khoa học và Công nghệ" in the list.
const UNKNOWN: &str = "Sở Khoa học Công nghệ tỉnh Gia Lai";

fn unit(name: &str) -> Unit {
    Unit {
        id: 0,
        name: name.to_string(),
        parent_body: "Ủy ban nhân dân tỉnh Gia Lai".to_string(),
        abbreviation: String::new(),
    }
}

fn write_file(store: &Store, folder: &Path, plan_id: i64, source: FileSource) {
    let out = store.plan_file(plan_id, source).expect("a plan file");
    std::fs::write(folder.join(out.file_name), out.bytes).expect("write the plan file");
}

/// Another plan of Sở Y tế for 2027, made on another computer: a conflict.
fn second_health_plan(doc: &PlanDocument, folder: &Path) {
    let db = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&db.path().join(commplan_store::DB_FILE_NAME)).expect("store");
    let id = plan_of(&mut store, doc, "Sở Y tế");
    let out = store.plan_file(id, FileSource::Draft).expect("a plan file");
    let name = "Kế hoạch 2027 - Sở Y tế - bản nháp (máy khác).khtt";
    std::fs::write(folder.join(name), out.bytes).expect("write the plan file");
}

/// The sample's content as another unit's plan, as a draft of its own.
fn plan_of(store: &mut Store, doc: &PlanDocument, name: &str) -> i64 {
    let mut doc = doc.clone();
    doc.unit = unit(name);
    if name == "Sở Y tế" {
        // No legal basis: the checker's blocking finding on Directive 07.
        doc.legal_bases.clear();
    }
    store
        .import_plan(&PlanFile::new(doc))
        .expect("import the plan")
        .id
}

/// Writes the units' plan files, as they would send them, into `folder`.
fn plan_files(folder: &Path) {
    let db = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&db.path().join(commplan_store::DB_FILE_NAME)).expect("store");
    let sample = store.create_sample().expect("the sample plan").id;
    let doc = store.plan_document(sample).expect("the sample");
    // Sở Nông nghiệp và Môi trường: submitted, returned, submitted again.
    store.submit_plan(sample).expect("submit");
    write_file(&store, folder, sample, FileSource::Submitted);
    let comment = NewComment {
        anchor: CommentAnchor::Section {
            step: Step::General,
        },
        text: "Bổ sung số văn bản.".to_string(),
        author: "Sở Văn hóa, Thể thao và Du lịch".to_string(),
    };
    store.return_plan(sample, &[comment]).expect("return");
    store.resubmit_plan(sample).expect("resubmit");
    write_file(&store, folder, sample, FileSource::Submitted);
    // Sở Y tế: a draft with a blocking gap.
    let health = plan_of(&mut store, &doc, "Sở Y tế");
    write_file(&store, folder, health, FileSource::Draft);
    second_health_plan(&doc, folder);
    // The unit the list names "Sở Khoa học và Công nghệ": approved, sent as
    // its working copy (a revision's file carries the submitted document).
    let science = plan_of(&mut store, &doc, UNKNOWN);
    store.submit_plan(science).expect("submit");
    store.approve_plan(science).expect("approve");
    write_file(&store, folder, science, FileSource::Draft);
    std::fs::write(folder.join("hỏng.khtt"), b"{\"format\": ").expect("a damaged file");
}

/// The app on a fresh data folder, its open dialog answered with `folder`
/// and its save dialog with `xuat/` (given back).
async fn start(data: &Path, folder: &Path) -> (Driver, Client, PathBuf) {
    let save = data.join("xuat");
    std::fs::create_dir_all(&save).expect("the export folder");
    let driver = Driver::start_with(
        data,
        &[("COMMPLAN_OPEN_FILE", folder), ("COMMPLAN_SAVE_DIR", &save)],
    );
    let client = driver.launch().await;
    (driver, client, save)
}

fn row_in(state: &str) -> String {
    format!("[data-testid=cons-row][data-state={state}]")
}

/// Opened for 2028, the 2027 files are set aside; the same files then count
/// for 2027, without opening them again.
async fn another_year_first(client: &Client) {
    fill(client, "cons-year", "2028").await;
    wait_for_text(client, &tid("cons-empty"), "năm 2028").await;
    click(client, &tid("cons-open-folder")).await;
    wait_for_texts(client, &tid("cons-summary"), &["0/12", "5 tệp không tính"]).await;
    wait_count(
        client,
        "[data-testid=cons-row][data-state=notReceived]",
        UNITS,
    )
    .await;
    fill(client, "cons-year", "2027").await;
}

/// The board before mapping: two units received, the unknown one offered,
/// the damaged file refused in Vietnamese.
async fn board_before_mapping(client: &Client) {
    // Sở Y tế's two plans are both shown, flagged.
    wait_count(client, "[data-testid=cons-row]", UNITS + 1).await;
    wait_count(client, &row_in("submitted"), 1).await;
    wait_count(client, &row_in("draft"), 2).await;
    wait_count(
        client,
        "[data-testid=cons-row] [data-testid=cons-conflict]",
        2,
    )
    .await;
    wait_count(client, &row_in("notReceived"), UNITS - 2).await;
    wait_for_texts(
        client,
        &row_in("submitted"),
        &["Sở Nông nghiệp và Môi trường", "Lần trình 2", "Không có"],
    )
    .await;
    wait_for_text(client, &tid("cons-older"), "Bản cũ hơn (1)").await;
    wait_for_texts(
        client,
        &row_in("draft"),
        &["Sở Y tế", "Hai kế hoạch", "1 lỗi"],
    )
    .await;
    wait_for_texts(
        client,
        &tid("cons-unmatched"),
        &[UNKNOWN, "Tệp của đơn vị chưa có trong danh sách (1)"],
    )
    .await;
    wait_for_texts(
        client,
        &tid("cons-refused"),
        &["hỏng.khtt", "Tệp kế hoạch bị cắt cụt"],
    )
    .await;
    wait_for_texts(
        client,
        &tid("cons-summary"),
        &[
            "2/12 đơn vị đã gửi kế hoạch năm 2027",
            "1 đơn vị có hai kế hoạch",
        ],
    )
    .await;
    screenshot(client, "consolidate-board-unmapped").await;
}

/// Maps the unknown unit's file to the list's unit: three units received.
async fn map_the_unknown_unit(client: &Client) {
    choose(client, &tid("cons-map-unit"), "Sở Khoa học và Công nghệ").await;
    click(client, &tid("cons-map")).await;
    wait_count(client, &tid("cons-unmatched"), 0).await;
    wait_count(client, &row_in("approved"), 1).await;
    wait_count(client, &row_in("notReceived"), UNITS - 3).await;
    wait_for_texts(
        client,
        &row_in("approved"),
        &["Sở Khoa học và Công nghệ", UNKNOWN],
    )
    .await;
    wait_for_text(
        client,
        &tid("cons-summary"),
        "3/12 đơn vị đã gửi kế hoạch năm 2027",
    )
    .await;
    picture(client, "consolidate-board").await;
}

/// Saves a picture of the screen from its tabs down (the tab's table in
/// view), once two frames have been drawn since the scroll.
async fn picture(client: &Client, name: &str) {
    client
        .execute_async(
            "const done = arguments[0];
             document.querySelector('[role=tablist]').scrollIntoView({block: 'start'});
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            vec![],
        )
        .await
        .expect("scroll to the tabs");
    screenshot(client, name).await;
}

/// Opens each view's tab and waits for its rows.
async fn every_view(client: &Client) {
    for view in ["activities", "policies", "spokespersons", "press", "budget"] {
        click(client, &tid(&format!("cons-tab-{view}"))).await;
        let rows = format!("[data-testid=cons-view][data-view={view}] [data-testid=cons-view-row]");
        wait_for(client, &rows).await;
        picture(client, &format!("consolidate-{view}")).await;
    }
    // The budget's totals, of every row matched, under their columns.
    wait_for_texts(client, &tid("cons-view-totals"), &["Tổng cộng", " đ"]).await;
}

/// The first cells of the activities shown, as the page lists them.
async fn first_cells(client: &Client) -> Vec<String> {
    let value = client
        .execute(
            "return [...document.querySelectorAll('[data-testid=cons-view-row]')].map((r) => r.cells[0].textContent.trim());",
            vec![],
        )
        .await
        .expect("the rows");
    serde_json::from_value(value).expect("texts")
}

/// Filters the activities by a word, then sorts them by unit both ways.
async fn filter_and_sort(client: &Client) {
    click(client, &tid("cons-tab-activities")).await;
    let all = text(client, &tid("cons-view-count")).await;
    fill(client, "cons-filter", "hội nghị").await;
    let filtered = wait_until(client, "fewer activities after filtering", |c| {
        let all = all.clone();
        async move {
            let now = common::text(c, &tid("cons-view-count")).await;
            look(now != all, now)
        }
    })
    .await;
    assert!(filtered.contains("Dòng 1–"), "{filtered}");
    let sort = "[data-testid=cons-sort-unit]";
    click(client, sort).await;
    wait_for(
        client,
        "th[aria-sort=ascending] [data-testid=cons-sort-unit]",
    )
    .await;
    let up = &first_cells(client).await;
    // The keyboard: Enter on the focused header turns the order round.
    common::press(client, "\u{E007}").await;
    wait_for(
        client,
        "th[aria-sort=descending] [data-testid=cons-sort-unit]",
    )
    .await;
    let down = wait_until(client, "the rows in the other order", |c| async move {
        let cells = first_cells(c).await;
        look(cells.first() != up.first(), cells)
    })
    .await;
    assert!(!down.is_empty());
    picture(client, "consolidate-activities-filtered").await;
}

/// Exports the workbook and the report, and reads them back.
async fn exports(client: &Client, save: &Path) -> PathBuf {
    click(client, &tid("cons-export-xlsx")).await;
    wait_for_text(client, &tid("cons-exported"), "Đã lưu tệp").await;
    let xlsx = std::fs::read(exported(save, "xlsx")).expect("the workbook");
    assert!(xlsx.starts_with(b"PK"), "an xlsx is a zip file");
    click(client, &tid("cons-export-pdf")).await;
    wait_for_text(client, &tid("cons-exported"), ".pdf").await;
    let pdf = exported(save, "pdf");
    let out = Command::new("pdftotext")
        .args([pdf.as_os_str(), "-".as_ref()])
        .output()
        .expect("pdftotext");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    for expected in [
        "BÁO CÁO",
        "năm 2027",
        "Sở Nông nghiệp và Môi trường",
        "Sở Khoa học và Công nghệ",
    ] {
        assert!(
            text.contains(expected),
            "the report says {expected:?}:\n{text}"
        );
    }
    pdf
}

/// Pictures of the report's pages, to look at.
fn pdf_pictures(pdf: &Path) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "60"])
        .arg(pdf)
        .arg(dir.join("consolidate-pdf"))
        .status()
        .expect("pdftoppm");
    assert!(status.success());
}

#[tokio::test(flavor = "multi_thread")]
async fn three_units_files_are_consolidated_viewed_and_exported() {
    let files = tempfile::tempdir().expect("temp dir");
    plan_files(files.path());
    let data = tempfile::tempdir().expect("temp dir");
    let (_driver, client, save) = start(data.path(), files.path()).await;
    click(&client, &tid("nav-consolidate")).await;
    wait_for(&client, &tid("cons-empty")).await;
    screenshot(&client, "consolidate-empty").await;
    another_year_first(&client).await;
    board_before_mapping(&client).await;
    map_the_unknown_unit(&client).await;
    every_view(&client).await;
    filter_and_sort(&client).await;
    let pdf = exports(&client, &save).await;
    pdf_pictures(&pdf);
    // In English, the screen's own words change; the plans' stay as written.
    choose(&client, &tid("locale"), "English").await;
    wait_for_text(&client, &tid("cons-tab-board"), "Board").await;
    click(&client, &tid("cons-tab-board")).await;
    wait_for_text(
        &client,
        &tid("cons-summary"),
        "3/12 units have sent their 2027 plan",
    )
    .await;
    picture(&client, "consolidate-board-en").await;
    client.close().await.expect("quit");
}

/// 150 units' files: the board comes in chunks and each view a page at a
/// time, so that the first screen is drawn as soon as Rust has answered.
/// The times (of this debug build) are printed.
#[tokio::test(flavor = "multi_thread")]
async fn a_province_of_150_units_shows_its_first_screens_a_page_at_a_time() {
    let files = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("temp dir");
    // Smaller plans than a real one (1 policy, 10 activities, 4 budget
    // lines), so that this debug build reads them in a few seconds:
    // tests/e2e_consolidate_scale.rs times the full size.
    common::province::province(data.path(), files.path(), 150, (1, 10, 4));
    let (_driver, client, _save) = start(data.path(), files.path()).await;
    click(&client, &tid("nav-consolidate")).await;
    fill(&client, "cons-year", "2027").await;
    wait_for(&client, &tid("cons-empty")).await;
    let started = Instant::now();
    click(&client, &tid("cons-open-folder")).await;
    wait_for_text(&client, &tid("cons-summary"), "150/162 đơn vị").await;
    let board = started.elapsed();
    let drawn = common::count(&client, "[data-testid=cons-row]").await;
    assert!(
        drawn < 162,
        "the board is drawn in chunks: {drawn} rows at first"
    );
    let started = Instant::now();
    click(&client, &tid("cons-tab-activities")).await;
    wait_for_text(&client, &tid("cons-view-count"), "Dòng 1–50 trong 1.500").await;
    let view = started.elapsed();
    wait_count(&client, "[data-testid=cons-view-row]", 50).await;
    let started = Instant::now();
    click(&client, "[data-testid=cons-sort-content]").await;
    wait_for(
        &client,
        "th[aria-sort=ascending] [data-testid=cons-sort-content]",
    )
    .await;
    wait_for_text(&client, &tid("cons-view-count"), "Dòng 1–50").await;
    let sorted = started.elapsed();
    picture(&client, "consolidate-150-activities").await;
    println!(
        "150 units: board after opening {} ms, activities {} ms, sorted {} ms",
        board.as_millis(),
        view.as_millis(),
        sorted.as_millis()
    );
    client.close().await.expect("quit");
}
