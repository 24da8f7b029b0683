//! The workbook, read back with calamine: one sheet per view after the
//! board, amounts and what was done as numbers, totals as formulas with their
//! results, none of which sums its own row.

use std::io::Cursor;

use calamine::{Reader, Xlsx};

use super::*;
use crate::xlsx::read_back::{at, formula};

/// The workbook's bytes, of two units' plans.
fn bytes() -> Vec<u8> {
    let mut none_approved = plan_of("Sở Y tế");
    for l in &mut none_approved.budget_lines {
        l.approved = None;
    }
    let c = run(vec![
        file(
            "nnmt.khtt",
            &plan_of("Sở Nông nghiệp và Môi trường"),
            1,
            Some(1),
            "2026-11-10T08:00:00Z",
        ),
        file("syt.khtt", &none_approved, 3, None, "2026-11-26T20:05:00Z"),
    ]);
    let issuer = Unit {
        id: 9,
        name: "Ủy ban nhân dân tỉnh Gia Lai".into(),
        parent_body: String::new(),
        abbreviation: "UBND".into(),
    };
    workbook(&c, &issuer).expect("a workbook")
}

fn book() -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes())).expect("it reads back")
}

/// Printed, every sheet is A4 landscape, as wide as the page, with its
/// header row on every page (what calamine does not read: the XML itself).
#[test]
fn every_sheet_prints_landscape_on_the_page_width_with_its_header_repeated() {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes())).expect("a zip");
    let mut xml = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).expect(name), &mut text)
            .expect("UTF-8");
        text
    };
    for n in 1..=6 {
        let sheet = xml(&format!("xl/worksheets/sheet{n}.xml"));
        assert!(
            sheet.contains(r#"<pageSetUpPr fitToPage="1"/>"#),
            "sheet {n}"
        );
        assert!(
            sheet.contains(r#"paperSize="9""#)
                && sheet.contains(r#"orientation="landscape""#)
                && sheet.contains(r#"fitToHeight="0""#),
            "sheet {n}: {sheet:.600}"
        );
    }
    let book = xml("xl/workbook.xml");
    assert_eq!(book.matches("_xlnm.Print_Titles").count(), 6, "{book}");
}

#[test]
fn the_workbook_has_the_board_and_one_sheet_per_view_with_formula_totals() {
    let mut book = book();
    assert_eq!(
        book.sheet_names(),
        [
            "Tổng hợp",
            "Hoạt động truyền thông",
            "Chính sách có tác động lớn",
            "Người phát ngôn và đầu mối",
            "Đặt hàng báo chí",
            "Kinh phí",
        ]
    );
    let board = book.worksheet_range("Tổng hợp").expect("the board");
    assert_eq!(
        at(&board, (0, 0)),
        "TỔNG HỢP KẾ HOẠCH TRUYỀN THÔNG CHÍNH SÁCH NĂM 2027"
    );
    assert_eq!(
        at(&board, (1, 0)),
        "Đơn vị tổng hợp: Ủy ban nhân dân tỉnh Gia Lai"
    );
    // Rows 6–9: the four units of the list.
    assert_eq!(at(&board, (5, 1)), "Sở Nông nghiệp và Môi trường");
    assert_eq!(at(&board, (5, 2)), "Đã trình");
    assert_eq!(at(&board, (5, 7)), "612760000");
    assert_eq!(at(&board, (5, 8)), "319000000");
    assert_eq!(at(&board, (6, 2)), "Chưa nhận");
    assert_eq!(at(&board, (7, 1)), "Sở Y tế");
    // Written at 20:05 UTC: 03:05 the next day in Vietnam.
    assert_eq!(at(&board, (7, 4)), "27/11/2026 03:05");
    assert_eq!(at(&board, (7, 5)), "bản nháp");
    assert_eq!(at(&board, (7, 8)), "", "nothing approved: blank, not 0");
    // Row 10: the totals, as formulas with their results.
    assert_eq!(at(&board, (9, 0)), "Tổng cộng");
    assert_eq!(at(&board, (9, 7)), "1225520000");
    assert_eq!(at(&board, (9, 8)), "319000000");
    let formulas = book.worksheet_formula("Tổng hợp").expect("formulas");
    assert_eq!(formula(&formulas, (9, 7)), "SUM(H6:H9)");
    assert_eq!(
        formula(&formulas, (9, 8)),
        "IF(COUNT(I6:I9)=0,\"\",SUM(I6:I9))"
    );

    let budget = book.worksheet_range("Kinh phí").expect("the budget");
    // 9 rows per plan (rows 6–23), then the totals.
    assert_eq!(at(&budget, (5, 1)), "Ngân sách tỉnh");
    assert_eq!(at(&budget, (5, 3)), "2");
    assert_eq!(at(&budget, (5, 4)), "162000000");
    assert_eq!(at(&budget, (23, 4)), "1225520000");
    let formulas = book.worksheet_formula("Kinh phí").expect("formulas");
    assert_eq!(formula(&formulas, (23, 4)), "SUM(E6:E23)");

    let activities = book
        .worksheet_range("Hoạt động truyền thông")
        .expect("activities");
    assert_eq!(
        activities.height(),
        5 + 102,
        "the title, the header, 51 activities per plan"
    );
    assert_eq!(at(&activities, (5, 5)), "Cả năm");
}

/// The workbook of `inputs`.
fn book_of(inputs: Vec<Input>) -> Xlsx<Cursor<Vec<u8>>> {
    let issuer = &units()[0];
    let bytes = workbook(&run(inputs), issuer).expect("a workbook");
    Xlsx::new(Cursor::new(bytes)).expect("it reads back")
}

#[test]
fn the_board_sheet_has_what_was_done_as_numbers_with_formula_totals() {
    let nnmt = "Sở Nông nghiệp và Môi trường";
    let recorded = super::results::results(3, Some(58_000_000));
    let mut book = book_of(vec![
        super::results::with_results(nnmt, 1, "2027-07-02T08:00:00Z", recorded.clone()),
        file(
            "stp.khtt",
            &plan_of("Sở Tư pháp"),
            2,
            Some(1),
            "2026-11-10T08:00:00Z",
        ),
    ]);
    let planned = crate::results::report(&plan_of(nnmt), &recorded, crate::results::Period::Year)
        .counts
        .planned;
    let board = book.worksheet_range("Tổng hợp").expect("the board");
    assert_eq!(
        (at(&board, (4, 9)), at(&board, (4, 10)), at(&board, (4, 11))),
        (
            "Hoạt động đã hoàn thành".to_string(),
            "Hoạt động trong năm".to_string(),
            "Đã chi (đồng)".to_string()
        )
    );
    assert_eq!(at(&board, (5, 9)), "3");
    assert_eq!(at(&board, (5, 10)), planned.to_string());
    assert_eq!(at(&board, (5, 11)), "58000000");
    // Sở Tư pháp's file carries no results: blank, never 0.
    assert_eq!(
        (at(&board, (6, 9)), at(&board, (6, 11))),
        (String::new(), String::new())
    );
    assert_eq!(at(&board, (9, 11)), "58000000");
    assert_eq!(at(&board, (9, 9)), "3");
    let formulas = book.worksheet_formula("Tổng hợp").expect("formulas");
    assert_eq!(
        formula(&formulas, (9, 11)),
        "IF(COUNT(L6:L9)=0,\"\",SUM(L6:L9))"
    );
    assert_eq!(
        formula(&formulas, (9, 10)),
        "IF(COUNT(K6:K9)=0,\"\",SUM(K6:K9))"
    );
}

/// The rows (1-based) a formula names: the digits after a column's letters.
fn rows_named(formula: &str) -> Vec<u32> {
    let mut rows = Vec::new();
    let mut chars = formula.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_uppercase() && chars.peek().is_some_and(char::is_ascii_digit) {
            let mut n = String::new();
            while let Some(d) = chars.next_if(char::is_ascii_digit) {
                n.push(d);
            }
            rows.extend(n.parse::<u32>());
        }
    }
    rows
}

#[test]
fn no_total_sums_its_own_row_when_a_sheet_has_no_row() {
    // A plan without budget lines: the press and budget sheets have no row.
    let mut doc = plan_of("Sở Y tế");
    doc.budget_lines.clear();
    let mut book = book_of(vec![file(
        "syt.khtt",
        &doc,
        3,
        Some(1),
        "2026-11-10T08:00:00Z",
    )]);
    let mut checked = 0;
    for name in book.sheet_names() {
        let formulas = book.worksheet_formula(&name).expect("formulas");
        for (row, col, text) in formulas.used_cells() {
            let (row, col) = (formulas.start().map_or(0, |s| s.0) + row as u32, col);
            assert!(
                rows_named(text).iter().all(|&r| r <= row),
                "{name}: the total on row {} sums itself: {text}",
                row + 1
            );
            checked += usize::from(!text.is_empty() && col > 0);
        }
    }
    assert!(checked >= 6, "{checked}");
    let budget = book.worksheet_range("Kinh phí").expect("the budget");
    assert_eq!(
        at(&budget, (6, 0)),
        "Tổng cộng",
        "one empty row under the header"
    );
    let formulas = book.worksheet_formula("Kinh phí").expect("formulas");
    assert_eq!(formula(&formulas, (6, 4)), "SUM(E6:E6)");
}
