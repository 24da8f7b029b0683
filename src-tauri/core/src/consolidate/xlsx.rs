//! The consolidation as an Excel workbook: the board on the first sheet
//! (with what was done of each approved plan: its activities done against
//! those of the year, the money spent), then one sheet per view with every
//! row; amounts and counts are numbers and every total is a formula (the
//! approved total blank while nothing is approved, the rule of
//! `budget::approved_sum` as a formula; the results' totals blank alike while
//! no plan has any). Bytes only.

use rust_xlsxwriter::{Formula, Workbook, Worksheet};

use crate::dates::moment_vi;
use crate::error::Result;
use crate::model::Unit;
use crate::money::{Money, group};
use crate::xlsx::{Formats, HEADER_ROW, failed, headers, heading, money_cell, total_rows};

use super::board::{Board, BoardRow};
use super::collect::revision_label;
use super::query::{Row, SortKey, ViewKind, ViewSpec};
use super::{Consolidation, views};

const BOARD_HEADERS: [&str; 13] = [
    "TT",
    "Đơn vị",
    "Tình trạng",
    "Tệp kế hoạch",
    "Thời điểm ghi tệp",
    "Lần trình",
    "Lỗi bắt buộc sửa",
    "Dự toán (đồng)",
    "Được duyệt (đồng)",
    "Hoạt động đã hoàn thành",
    "Hoạt động trong năm",
    "Đã chi (đồng)",
    "Ghi chú",
];
const BOARD_WIDTHS: [f64; 13] = [
    5.0, 36.0, 14.0, 40.0, 17.0, 11.0, 10.0, 18.0, 18.0, 12.0, 12.0, 18.0, 50.0,
];
/// The board's column of the proposed total; the totals follow it.
const BOARD_PROPOSED: u16 = 7;

/// "TỔNG HỢP KẾ HOẠCH TRUYỀN THÔNG CHÍNH SÁCH NĂM 2027".
pub fn title(year: i32) -> String {
    format!("Tổng hợp kế hoạch truyền thông chính sách năm {year}")
}

/// The workbook's bytes; `issuer` is the consolidating unit.
pub fn workbook(c: &Consolidation, issuer: &Unit) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let f = Formats::new();
    let board = c.board();
    board_sheet(book.add_worksheet(), &board, issuer, &f)?;
    for kind in ViewKind::ALL {
        let data = c.views.data(kind);
        view_sheet(
            book.add_worksheet(),
            views::spec(kind),
            &data.rows,
            c.year,
            &f,
        )?;
    }
    book.save_to_buffer().map_err(failed)
}

/// How a column of a totals row adds up.
#[derive(Debug, Clone, Copy)]
enum Total {
    /// The sum of every row.
    Sum,
    /// Blank while no row has a value, else the sum (`budget::approved_sum`'s
    /// rule of the approved total).
    SumOrBlank,
}

/// The "Tổng cộng" row: the label across the columns before the first of
/// `totals`, then each column's total as a formula of the Excel rows
/// `rows` (1-based), with its result (`None`: blank).
fn total_row(
    sheet: &mut Worksheet,
    row: u32,
    rows: (u32, u32),
    totals: &[(u16, Total, Option<i64>)],
    f: &Formats,
) -> Result<()> {
    let (first, last) = rows;
    let start = totals.first().map_or(0, |t| t.0);
    if start > 0 {
        sheet
            .merge_range(row, 0, row, start - 1, "Tổng cộng", &f.header)
            .map_err(failed)?;
    }
    for &(col, total, result) in totals {
        let c = rust_xlsxwriter::utility::column_number_to_name(col);
        let range = format!("{c}{first}:{c}{last}");
        let formula = match total {
            Total::Sum => format!("=SUM({range})"),
            Total::SumOrBlank => format!("=IF(COUNT({range})=0,\"\",SUM({range}))"),
        };
        let shown = result.map(|n| n.to_string()).unwrap_or_default();
        sheet
            .write_formula_with_format(
                row,
                col,
                Formula::new(formula).set_result(shown),
                &f.total_money,
            )
            .map_err(failed)?;
    }
    Ok(())
}

/// The proposed and approved totals of a money view (or the board) from
/// column `proposed` on.
fn money_totals(
    proposed: u16,
    totals: (Option<Money>, Option<Money>),
) -> [(u16, Total, Option<i64>); 2] {
    [
        (proposed, Total::Sum, totals.0.map(Money::dong)),
        (proposed + 1, Total::SumOrBlank, totals.1.map(Money::dong)),
    ]
}

/// What the board's last column says of a row.
fn board_note(r: &BoardRow) -> String {
    let mut notes = Vec::new();
    if r.conflict {
        notes.push("Hai kế hoạch cùng ghi đơn vị này".to_string());
    }
    if let Some(name) = &r.file_unit_name {
        notes.push(format!("Tên đơn vị trong tệp: {name}"));
    }
    if !r.older_revisions.is_empty() {
        let older: Vec<String> = r
            .older_revisions
            .iter()
            .map(|o| format!("{} ({})", o.file_name, revision_label(o.revision)))
            .collect();
        notes.push(format!("Tệp cũ hơn: {}", older.join("; ")));
    }
    notes.extend(r.blocking_messages.iter().cloned());
    notes.join(". ")
}

fn board_row(sheet: &mut Worksheet, row: u32, n: usize, r: &BoardRow, f: &Formats) -> Result<()> {
    let text = |s: &str| s.to_string();
    let cells = [
        n.to_string(),
        text(&r.unit_name),
        text(r.state.label_vi()),
        r.received_file.clone().unwrap_or_default(),
        r.written_at.as_deref().map(moment_vi).unwrap_or_default(),
        r.revision.map(revision_label).unwrap_or_default(),
    ];
    for (c, cell) in cells.iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        sheet
            .write_string_with_format(row, col, cell, &f.cell)
            .map_err(failed)?;
    }
    if r.revision.is_some() {
        sheet
            .write_number_with_format(row, 6, f64::from(r.blocking), &f.cell)
            .map_err(failed)?;
    } else {
        sheet.write_blank(row, 6, &f.cell).map_err(failed)?;
    }
    money_cell(sheet, row, 7, r.total_proposed, &f.money)?;
    money_cell(sheet, row, 8, r.total_approved, &f.money)?;
    let done = r.activities_done.as_ref();
    for (col, n) in [(9, done.map(|d| d.done)), (10, done.map(|d| d.planned))] {
        match n {
            Some(n) => sheet.write_number_with_format(row, col, f64::from(n), &f.cell),
            None => sheet.write_blank(row, col, &f.cell),
        }
        .map_err(failed)?;
    }
    money_cell(sheet, row, 11, r.total_spent, &f.money)?;
    sheet
        .write_string_with_format(row, 12, board_note(r), &f.cell)
        .map_err(failed)?;
    Ok(())
}

/// The files that do not count: offered for mapping, refused, ignored.
fn board_lists(sheet: &mut Worksheet, mut row: u32, board: &Board, f: &Formats) -> Result<()> {
    for (heading, lines) in board.not_counted() {
        sheet
            .write_string_with_format(row, 1, heading, &f.bold)
            .map_err(failed)?;
        row += 1;
        for line in lines {
            sheet.write_string(row, 1, line).map_err(failed)?;
            row += 1;
        }
        row += 1;
    }
    Ok(())
}

/// "Đã nhận kế hoạch của 3/12 đơn vị (…); chưa nhận: 9."
pub fn counts_line(board: &Board) -> String {
    let k = &board.counts;
    format!(
        "Đã nhận kế hoạch của {}/{} đơn vị ({} dự thảo, {} đã trình, {} đã phê duyệt); chưa nhận: {}.",
        k.received, k.units, k.draft, k.submitted, k.approved, k.not_received
    )
}

fn board_sheet(sheet: &mut Worksheet, board: &Board, issuer: &Unit, f: &Formats) -> Result<()> {
    let lines = [
        format!("Đơn vị tổng hợp: {}", issuer.name),
        counts_line(board),
    ];
    heading(sheet, "Tổng hợp", &title(board.year), 13, &lines, f)?;
    headers(sheet, &BOARD_HEADERS, &BOARD_WIDTHS, f)?;
    let mut row = HEADER_ROW + 1;
    for (i, r) in board.rows.iter().enumerate() {
        board_row(sheet, row, i + 1, r, f)?;
        row += 1;
    }
    let (first, last, row) = total_rows(row);
    let [proposed, approved] =
        money_totals(BOARD_PROPOSED, (board.total_proposed, board.total_approved));
    let done = board.activities_done.as_ref();
    let totals = [
        proposed,
        approved,
        (9, Total::SumOrBlank, done.map(|d| i64::from(d.done))),
        (10, Total::SumOrBlank, done.map(|d| i64::from(d.planned))),
        (11, Total::SumOrBlank, board.total_spent.map(Money::dong)),
    ];
    total_row(sheet, row, (first, last), &totals, f)?;
    board_lists(sheet, row + 3, board, f)
}

/// A column's width: long texts wide, amounts and counts narrow.
fn width(key: &str, numeric: bool) -> f64 {
    match key {
        "content" | "tasks" | "consultation" | "draftDocument" | "policy" => 50.0,
        "unit" | "agency" | "category" | "source" | "name" | "contact" | "position" => 30.0,
        "proposed" | "approved" => 18.0,
        _ if numeric => 12.0,
        _ => 20.0,
    }
}

/// A view's cell: a number where the cell shows its sort key (grouped or
/// not), else the text shown.
fn view_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    r: &Row,
    c: usize,
    f: &Formats,
) -> Result<()> {
    let cell = &r.cells[c];
    let number = match r.keys.get(c) {
        Some(SortKey::Number(n))
            if *n >= 0 && !cell.is_empty() && (*cell == group(*n) || *cell == n.to_string()) =>
        {
            Some(*n)
        }
        _ => None,
    };
    match number {
        Some(n) => sheet.write_number_with_format(row, col, n as f64, &f.money),
        None => sheet.write_string_with_format(row, col, cell, &f.cell),
    }
    .map_err(failed)?;
    Ok(())
}

fn view_sheet(
    sheet: &mut Worksheet,
    spec: &ViewSpec,
    rows: &[Row],
    year: i32,
    f: &Formats,
) -> Result<()> {
    let columns = u16::try_from(spec.columns.len()).unwrap_or(u16::MAX);
    let name = spec.kind.title_vi();
    heading(sheet, name, name, columns, &[title(year)], f)?;
    let labels: Vec<&str> = spec.columns.iter().map(|c| c.label).collect();
    let widths: Vec<f64> = spec
        .columns
        .iter()
        .map(|c| width(c.key, c.numeric))
        .collect();
    headers(sheet, &labels, &widths, f)?;
    let mut row = HEADER_ROW + 1;
    for r in rows {
        for c in 0..spec.columns.len() {
            view_cell(sheet, row, u16::try_from(c).unwrap_or(u16::MAX), r, c, f)?;
        }
        row += 1;
    }
    if spec.money {
        let proposed = spec
            .columns
            .iter()
            .position(|c| c.key == "proposed")
            .unwrap_or(0);
        let all: Vec<usize> = (0..rows.len()).collect();
        let t = super::query::totals(rows, &all);
        let col = u16::try_from(proposed).unwrap_or(u16::MAX);
        let (first, last, row) = total_rows(row);
        let totals = money_totals(col, (t.proposed, t.approved));
        total_row(sheet, row, (first, last), &totals, f)?;
    }
    Ok(())
}
