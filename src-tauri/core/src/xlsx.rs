//! The budget estimate as an Excel workbook for a finance office: every line
//! with its amount as a formula (=ROUND(quantity × unit price; 0), the same
//! half-up rule), and every total as a formula, so the office can keep working
//! on it. Bytes only; writing the file is the caller's.

use rust_xlsxwriter::{
    Color, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};

use crate::budget::{BudgetLine, BudgetView, RefItem, approved_sum};
use crate::error::{AppError, Result};
use crate::money::Money;
use crate::plan::PlanDocument;

const SHEET: &str = "Dự toán";
const HEADERS: [&str; 11] = [
    "TT",
    "Nội dung chi",
    "Nhóm chi",
    "Đơn vị tính",
    "Số lượng",
    "Đơn giá (đồng)",
    "Thành tiền (đồng)",
    "Được duyệt (đồng)",
    "Nguồn kinh phí",
    "Hoạt động",
    "Ghi chú",
];
/// The row (0-based) of the first budget line.
pub const FIRST_LINE_ROW: u32 = 5;

pub(crate) fn failed(e: XlsxError) -> AppError {
    AppError::new(
        crate::ErrorCode::Io,
        format!("Không tạo được tệp Excel ({e})."),
    )
}

/// The formats of a sheet, made once (the consolidation's workbook uses them too).
pub(crate) struct Formats {
    pub title: Format,
    pub bold: Format,
    pub header: Format,
    pub cell: Format,
    pub money: Format,
    qty: Format,
    pub total_money: Format,
    pub italic: Format,
}

impl Formats {
    pub(crate) fn new() -> Formats {
        let money = Format::new()
            .set_border(FormatBorder::Thin)
            .set_num_format("#,##0");
        Formats {
            title: Format::new()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center),
            bold: Format::new().set_bold(),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(0xEEF1F5))
                .set_border(FormatBorder::Thin),
            cell: Format::new().set_border(FormatBorder::Thin).set_text_wrap(),
            qty: Format::new()
                .set_border(FormatBorder::Thin)
                .set_num_format("#,##0.##"),
            total_money: money.clone().set_bold(),
            money,
            italic: Format::new().set_italic(),
        }
    }
}

/// The row (0-based) of a listing sheet's column headers (the consolidation's
/// and the results report's sheets); its rows follow.
pub(crate) const HEADER_ROW: u32 = 4;

/// A sheet named `name`, its title over `columns` columns, and the lines under it.
pub(crate) fn heading(
    sheet: &mut Worksheet,
    name: &str,
    title: &str,
    columns: u16,
    lines: &[String],
    f: &Formats,
) -> Result<()> {
    sheet.set_name(name).map_err(failed)?;
    // A formula's result as computed here; one left empty is blank, not 0.
    sheet.set_formula_result_default("");
    sheet
        .merge_range(
            0,
            0,
            0,
            columns.saturating_sub(1),
            &title.to_uppercase(),
            &f.title,
        )
        .map_err(failed)?;
    for (i, line) in lines.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        sheet
            .write_string_with_format(row, 0, line, &f.italic)
            .map_err(failed)?;
    }
    Ok(())
}

/// The column headers of a listing sheet on [`HEADER_ROW`], with the
/// columns' widths; the rows above frozen; printed A4 landscape.
pub(crate) fn headers(
    sheet: &mut Worksheet,
    labels: &[&str],
    widths: &[f64],
    f: &Formats,
) -> Result<()> {
    for (c, (label, width)) in labels.iter().zip(widths).enumerate() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        sheet
            .write_string_with_format(HEADER_ROW, col, *label, &f.header)
            .map_err(failed)?;
        sheet.set_column_width(col, *width).map_err(failed)?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 0).map_err(failed)?;
    // Printed as a reviewer reads it: A4 landscape, every column on the
    // page's width, the header row on every page.
    sheet
        .set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_repeat_rows(HEADER_ROW, HEADER_ROW)
        .map_err(failed)?;
    Ok(())
}

/// The Excel rows (1-based) the totals' formulas of a listing sheet sum, and
/// the row (0-based) of the totals, when its rows end before `row`: with no
/// row, one empty row is left under the header so that no total sums itself.
pub(crate) fn total_rows(row: u32) -> (u32, u32, u32) {
    let row = row.max(HEADER_ROW + 2);
    (HEADER_ROW + 2, row, row)
}

/// An amount as a number, or a blank cell for none (never 0).
pub(crate) fn money_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    m: Option<Money>,
    f: &Format,
) -> Result<()> {
    // Spreadsheets hold numbers as doubles: exact below 2^53 > every amount.
    match m {
        Some(m) => sheet.write_number_with_format(row, col, m.dong() as f64, f),
        None => sheet.write_blank(row, col, f),
    }
    .map_err(failed)?;
    Ok(())
}

/// The Excel rows (1-based) of the first and last budget line, for the
/// formulas' ranges (one empty row when there is no line).
#[derive(Clone, Copy)]
struct LineRows {
    first: u32,
    last: u32,
}

/// The workbook's bytes.
pub fn budget_workbook(doc: &PlanDocument, view: &BudgetView) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET).map_err(failed)?;
    // A formula's result as computed here; one left empty is blank, not 0.
    sheet.set_formula_result_default("");
    let f = Formats::new();

    write_heading(sheet, doc, &f)?;
    let mut row = FIRST_LINE_ROW;
    for (i, l) in view.lines.iter().enumerate() {
        write_line(sheet, row, i + 1, l, doc, view, &f)?;
        row += 1;
    }
    let lines = LineRows {
        first: FIRST_LINE_ROW + 1,
        last: row.max(FIRST_LINE_ROW + 1),
    };
    let total_row = row;
    write_total(sheet, total_row, lines, view, &f)?;
    write_summaries(sheet, total_row + 3, lines, view, &f)?;
    set_layout(sheet)?;
    book.save_to_buffer().map_err(failed)
}

/// The title, the plan's name, the unit and year, and the column headers.
fn write_heading(sheet: &mut Worksheet, doc: &PlanDocument, f: &Formats) -> Result<()> {
    let last_col = u16::try_from(HEADERS.len() - 1).unwrap_or(0);
    sheet
        .merge_range(
            0,
            0,
            0,
            last_col,
            "DỰ TOÁN KINH PHÍ THỰC HIỆN KẾ HOẠCH TRUYỀN THÔNG CHÍNH SÁCH",
            &f.title,
        )
        .map_err(failed)?;
    sheet
        .merge_range(
            1,
            0,
            1,
            last_col,
            &doc.fields.title,
            &Format::new().set_align(FormatAlign::Center),
        )
        .map_err(failed)?;
    sheet
        .write_string_with_format(
            2,
            0,
            format!("Đơn vị: {} — Năm {}", doc.unit.name, doc.year),
            &f.italic,
        )
        .map_err(failed)?;
    for (c, h) in HEADERS.iter().enumerate() {
        sheet
            .write_string_with_format(4, u16::try_from(c).unwrap_or(0), *h, &f.header)
            .map_err(failed)?;
    }
    Ok(())
}

/// The name of a category or source, or nothing.
fn ref_name(list: &[RefItem], id: Option<i64>) -> String {
    id.and_then(|id| list.iter().find(|r| r.id == id))
        .map(|r| r.name.clone())
        .unwrap_or_default()
}

/// The content of the activity a line pays for, or nothing.
fn activity_content(doc: &PlanDocument, id: Option<i64>) -> String {
    id.and_then(|id| doc.activities.iter().find(|a| a.id == id))
        .map(|a| a.content.clone())
        .unwrap_or_default()
}

/// Budget line number `number` (1-based) on `row`, its amount as a formula.
fn write_line(
    sheet: &mut Worksheet,
    row: u32,
    number: usize,
    l: &BudgetLine,
    doc: &PlanDocument,
    view: &BudgetView,
    f: &Formats,
) -> Result<()> {
    let excel_row = row + 1;
    let n = u32::try_from(number).unwrap_or(0);
    sheet
        .write_number_with_format(row, 0, f64::from(n), &f.cell)
        .map_err(failed)?;
    sheet
        .write_string_with_format(row, 1, &l.description, &f.cell)
        .map_err(failed)?;
    sheet
        .write_string_with_format(row, 2, ref_name(&view.categories, l.category_id), &f.cell)
        .map_err(failed)?;
    sheet
        .write_string_with_format(row, 3, &l.unit_of_measure, &f.cell)
        .map_err(failed)?;
    // Spreadsheets hold numbers as doubles: exact for every quantity (two
    // decimals below 10^7) and every amount (below 10^15 < 2^53).
    sheet
        .write_number_with_format(row, 4, l.quantity.0 as f64 / 100.0, &f.qty)
        .map_err(failed)?;
    sheet
        .write_number_with_format(row, 5, l.unit_price.dong() as f64, &f.money)
        .map_err(failed)?;
    sheet
        .write_formula_with_format(
            row,
            6,
            Formula::new(format!("=ROUND(E{excel_row}*F{excel_row},0)"))
                .set_result(l.amount.dong().to_string()),
            &f.money,
        )
        .map_err(failed)?;
    match l.approved {
        Some(a) => sheet.write_number_with_format(row, 7, a.dong() as f64, &f.money),
        None => sheet.write_blank(row, 7, &f.money),
    }
    .map_err(failed)?;
    sheet
        .write_string_with_format(
            row,
            8,
            ref_name(&view.sources, l.funding_source_id),
            &f.cell,
        )
        .map_err(failed)?;
    sheet
        .write_string_with_format(row, 9, activity_content(doc, l.activity_id), &f.cell)
        .map_err(failed)?;
    sheet
        .write_string_with_format(row, 10, &l.notes, &f.cell)
        .map_err(failed)?;
    Ok(())
}

/// The "Tổng cộng" row (proposed and approved sums) and the total in words
/// below it. The approved total is blank while no line has an approved amount
/// ([`approved_sum`], as a formula that follows the office's edits).
fn write_total(
    sheet: &mut Worksheet,
    total_row: u32,
    lines: LineRows,
    view: &BudgetView,
    f: &Formats,
) -> Result<()> {
    let LineRows { first, last } = lines;
    sheet
        .merge_range(total_row, 0, total_row, 5, "Tổng cộng", &f.header)
        .map_err(failed)?;
    sheet
        .write_formula_with_format(
            total_row,
            6,
            Formula::new(format!("=SUM(G{first}:G{last})"))
                .set_result(view.total.dong().to_string()),
            &f.total_money,
        )
        .map_err(failed)?;
    sheet
        .write_formula_with_format(
            total_row,
            7,
            Formula::new(format!(
                "=IF(COUNT(H{first}:H{last})=0,\"\",SUM(H{first}:H{last}))"
            ))
            .set_result(
                approved_sum(&view.lines)?
                    .map(|m| m.dong().to_string())
                    .unwrap_or_default(),
            ),
            &f.total_money,
        )
        .map_err(failed)?;
    sheet
        .write_string_with_format(
            total_row + 1,
            0,
            format!("Bằng chữ: {}.", view.words),
            &f.italic,
        )
        .map_err(failed)?;
    Ok(())
}

/// Totals by category and by source from row `r` on, as SUMIF formulas over the lines.
fn write_summaries(
    sheet: &mut Worksheet,
    mut r: u32,
    lines: LineRows,
    view: &BudgetView,
    f: &Formats,
) -> Result<()> {
    let LineRows { first, last } = lines;
    for (heading, col, rows) in [
        ("Tổng hợp theo nhóm chi", 'C', &view.by_category),
        ("Tổng hợp theo nguồn kinh phí", 'I', &view.by_source),
    ] {
        sheet
            .write_string_with_format(r, 1, heading, &f.bold)
            .map_err(failed)?;
        r += 1;
        for t in rows.iter() {
            let excel_r = r + 1;
            sheet
                .write_string_with_format(r, 1, &t.label, &f.cell)
                .map_err(failed)?;
            let criteria = if t.label.starts_with("Chưa") {
                "\"\"".to_string()
            } else {
                format!("B{excel_r}")
            };
            sheet
                .write_formula_with_format(
                    r,
                    6,
                    Formula::new(format!(
                        "=SUMIF({col}{first}:{col}{last},{criteria},G{first}:G{last})"
                    ))
                    .set_result(t.proposed.dong().to_string()),
                    &f.money,
                )
                .map_err(failed)?;
            r += 1;
        }
        r += 1;
    }
    Ok(())
}

/// Column widths, and the header rows frozen above the lines.
fn set_layout(sheet: &mut Worksheet) -> Result<()> {
    for (c, w) in [
        5.0, 48.0, 26.0, 12.0, 10.0, 16.0, 18.0, 18.0, 22.0, 40.0, 24.0,
    ]
    .iter()
    .enumerate()
    {
        sheet
            .set_column_width(u16::try_from(c).unwrap_or(0), *w)
            .map_err(failed)?;
    }
    sheet.set_freeze_panes(FIRST_LINE_ROW, 0).map_err(failed)?;
    Ok(())
}

#[cfg(test)]
pub(crate) mod read_back;
