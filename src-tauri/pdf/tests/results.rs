//! The results report read back with poppler: the unit's official header with
//! the report's symbol and date, "BÁO CÁO" and the period, the shares of the
//! activities, the tables by policy and stage and of the indicators, the
//! officer's texts, the signature; the appendices with their header row on
//! every page and blank cells for amounts not set; an empty report too.

mod common;
#[path = "results/fixture.rs"]
mod fixture;

use std::path::{Path, PathBuf};

use commplan_core::PlanDocument;
use commplan_core::results::ResultsReport;
use commplan_pdf::{RenderOptions, results_report};

use common::{CREATED, appendix_starts, assert_has, page_lines, run, sample, squash, text};

fn render(doc: &PlanDocument, report: &ResultsReport, dir: &Path) -> PathBuf {
    let bytes = results_report(
        doc,
        report,
        RenderOptions {
            created_unix: CREATED,
        },
    )
    .expect("render");
    let path = dir.join("bao-cao-ket-qua.pdf");
    std::fs::write(&path, bytes).expect("write");
    path
}

/// The sample's report of the first half of 2027, rendered into `dir`.
fn full(dir: &Path) -> PathBuf {
    let doc = sample();
    render(&doc, &fixture::report(&doc), dir)
}

#[test]
fn the_report_is_the_units_with_its_symbol_its_period_and_the_shares_done() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = full(dir.path());
    let pages = page_lines(&pdf);
    let first = squash(&pages[0].join(" "));
    assert_has(
        &first,
        &[
            "ỦY BAN NHÂN DÂN TỈNH GIA LAI SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG Số: /BC-SNNMT",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Gia Lai, ngày tháng năm 2027",
            "BÁO CÁO Kết quả thực hiện Kế hoạch truyền thông chính sách 6 tháng đầu năm 2027",
            "Thực hiện Kế hoạch truyền thông chính sách năm 2027 của Sở Nông nghiệp và Môi trường, Sở Nông nghiệp và Môi trường báo cáo kết quả thực hiện 6 tháng đầu năm 2027 như sau:",
            "I. KẾT QUẢ THỰC HIỆN",
            // 36, 5, 5 and 5 of 51: 70,588… and 9,803… per cent.
            "theo kế hoạch có 51 hoạt động truyền thông cần triển khai; trong đó: hoàn thành 36 hoạt động (70,6 %), đang thực hiện 5 hoạt động (9,8 %), không thực hiện 5 hoạt động (9,8 %), chưa thực hiện 5 hoạt động (9,8 %). Chi tiết từng hoạt động tại Phụ lục I.",
            "1 Chính sách hỗ trợ phát triển nông nghiệp hữu cơ",
        ],
    );
    let all = squash(&text(&pdf, &["-raw"]));
    assert_has(
        &all,
        &[
            "Giai đoạn hoạch định chủ trương 2 2 0 0 0",
            "7 Hoạt động truyền thông chung 10 7 1 1 1",
            "Tổng cộng 51 36 5 5 5",
            // The indicators: a value not entered is blank.
            "2 Họp báo, cung cấp thông tin định kỳ cuộc 12 6 Tự tính",
            "thông tin chính sách lượt 50.000 Tự nhập",
            "- Kinh phí được duyệt: 319.000.000 đồng (bằng chữ: ba trăm mười chín triệu đồng);",
            "- Kinh phí đã sử dụng: 141.800.000 đồng (bằng chữ: một trăm bốn mươi mốt triệu tám trăm nghìn đồng), bằng 44,5 % kinh phí được duyệt. Chi tiết từng khoản chi tại Phụ lục II.",
            "II. KHÓ KHĂN, VƯỚNG MẮC Kinh phí đặt hàng báo chí được giao chậm.",
            "Một số dự thảo chính sách lùi thời điểm trình",
            "III. ĐỀ XUẤT, KIẾN NGHỊ Đề nghị Sở Tài chính sớm giao dự toán",
            "Nơi nhận:",
            "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC",
            "Phan Thị Ngọc Diệp",
        ],
    );
    assert!(!all.contains("DỰ THẢO"), "a report carries no draft mark");
}

#[test]
fn every_activity_is_an_appendix_row_whose_header_repeats_on_every_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = full(dir.path());
    let pages = page_lines(&pdf);
    let starts = appendix_starts(&pages, &["I", "II"]);
    let head = squash(&pages[starts[0]].join(" "));
    assert!(
        head.contains(
            "KẾT QUẢ THỰC HIỆN CÁC HOẠT ĐỘNG TRUYỀN THÔNG (Kèm theo Báo cáo số /BC-SNNMT ngày / /2027 của Sở Nông nghiệp và Môi trường)"
        ),
        "{head}"
    );
    assert!(starts[1] - starts[0] >= 3, "{starts:?}");
    for page in &pages[starts[0]..starts[1]] {
        let page = squash(&page.join(" "));
        assert!(
            page.contains("TT Giai đoạn Nội dung hoạt động Thời gian theo kế hoạch"),
            "{page}"
        );
    }
    let rows = squash(&pages[starts[0]..starts[1]].concat().join(" "));
    assert_has(
        &rows,
        &[
            "I. Chính sách hỗ trợ phát triển nông nghiệp hữu cơ",
            "VI. Quy định khu vực không được phép chăn nuôi",
            "Hoạt động truyền thông chung",
            "Hoàn thành 15/06/2027",
            "Đang thực hiện Đang triển khai",
            "Không thực hiện Dự thảo lùi thời điểm trình, chưa tổ chức",
            "Chưa thực hiện",
        ],
    );
    // Every one of the 51 activities is numbered.
    assert!(rows.contains(" 51 "), "{rows}");
}

#[test]
fn the_budget_appendix_leaves_amounts_not_set_blank_and_totals_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = full(dir.path());
    let pages = page_lines(&pdf);
    let [_, budget] = appendix_starts(&pages, &["I", "II"])[..] else {
        panic!("two appendices");
    };
    let head = squash(&pages[budget].join(" "));
    assert!(
        head.contains("KINH PHÍ ĐƯỢC DUYỆT VÀ KINH PHÍ ĐÃ SỬ DỤNG"),
        "{head}"
    );
    let table = squash(&pages[budget..].concat().join(" "));
    assert_has(
        &table,
        &[
            "TT Nhóm chi Nội dung chi Được duyệt (đồng) Đã chi (đồng) Chênh lệch (đồng) Ghi chú",
            // Approved and spent, with the difference.
            "102.000.000 91.800.000 10.200.000",
            // Approved, nothing spent yet: one amount only.
            "Báo và Phát thanh, Truyền hình Gia Lai 60.000.000 2 ",
            // Not approved, yet spent: one amount only.
            "5.000.000 4 ",
            "TỔNG CỘNG 319.000.000 141.800.000 177.200.000",
        ],
    );
    assert!(
        !table.split(' ').any(|word| word == "0"),
        "an amount not set is blank, never 0: {table}"
    );
}

#[test]
fn a_numbered_report_prints_its_number_and_date() {
    let doc = sample();
    let mut report = fixture::report(&doc);
    report.texts.number = "45".into();
    report.texts.issue_date = "2027-06-10".into();
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = render(&doc, &report, dir.path());
    let all = squash(&text(&pdf, &["-raw"]));
    assert_has(
        &all,
        &[
            "Số: 45/BC-SNNMT",
            "Gia Lai, ngày 10 tháng 6 năm 2027",
            "(Kèm theo Báo cáo số 45/BC-SNNMT ngày 10/06/2027 của Sở Nông nghiệp và Môi trường)",
        ],
    );
}

#[test]
fn an_empty_report_is_one_page_that_says_there_is_nothing() {
    let doc = sample();
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = render(&doc, &fixture::empty(&doc), dir.path());
    let pages = page_lines(&pdf);
    assert_eq!(pages.len(), 1, "{pages:?}");
    let page = squash(&pages[0].join(" "));
    assert_has(
        &page,
        &[
            "BÁO CÁO Kết quả thực hiện Kế hoạch truyền thông chính sách năm 2027",
            "Trong năm 2027, theo kế hoạch không có hoạt động truyền thông nào cần triển khai.",
            "2. Kết quả theo chính sách và giai đoạn Không có.",
            "3. Chỉ tiêu Kế hoạch không đặt chỉ tiêu.",
            "4. Kinh phí Kế hoạch không có dự toán kinh phí.",
            "II. KHÓ KHĂN, VƯỚNG MẮC Không có.",
            "III. ĐỀ XUẤT, KIẾN NGHỊ Không có.",
            "Phan Thị Ngọc Diệp",
        ],
    );
    assert!(!page.contains("Phụ lục"), "{page}");
}

#[test]
fn the_reports_fonts_are_embedded_subsets_and_its_metadata_names_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = full(dir.path());
    let fonts = run("pdffonts", &[pdf.to_str().expect("path")]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 4, "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert!(cols[0].contains("+LiberationSerif"), "{row}");
        assert_eq!(&cols[4..7], ["yes", "yes", "yes"], "{row}");
    }
    let info = run("pdfinfo", &[pdf.to_str().expect("path")]);
    assert_has(
        &info,
        &[
            "Title:           Kết quả thực hiện Kế hoạch truyền thông chính sách 6 tháng đầu năm 2027",
            "Author:          Sở Nông nghiệp và Môi trường",
            "Page size:       595.276 x 841.89 pts (A4)",
        ],
    );
}
