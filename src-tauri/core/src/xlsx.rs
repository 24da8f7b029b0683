//! The budget estimate as an Excel workbook for a finance office: every line
//! with its amount as a formula (=ROUND(quantity × unit price; 0), the same
//! half-up rule), and every total as a formula, so the office can keep working
//! on it. Bytes only; writing the file is the caller's.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Formula, Workbook, XlsxError};

use crate::budget::BudgetView;
use crate::document::PlanDocument;
use crate::error::{AppError, Result};

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

fn failed(e: XlsxError) -> AppError {
    AppError::new(
        crate::ErrorCode::Io,
        format!("Không tạo được tệp Excel ({e})."),
    )
}

/// The workbook's bytes.
pub fn budget_workbook(doc: &PlanDocument, view: &BudgetView) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET).map_err(failed)?;

    let title = Format::new()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center);
    let bold = Format::new().set_bold();
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(Color::RGB(0xEEF1F5))
        .set_border(FormatBorder::Thin);
    let cell = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
    let money = Format::new()
        .set_border(FormatBorder::Thin)
        .set_num_format("#,##0");
    let qty = Format::new()
        .set_border(FormatBorder::Thin)
        .set_num_format("#,##0.##");
    let total_money = money.clone().set_bold();
    let italic = Format::new().set_italic();

    let last_col = u16::try_from(HEADERS.len() - 1).unwrap_or(0);
    sheet
        .merge_range(
            0,
            0,
            0,
            last_col,
            "DỰ TOÁN KINH PHÍ THỰC HIỆN KẾ HOẠCH TRUYỀN THÔNG CHÍNH SÁCH",
            &title,
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
            &italic,
        )
        .map_err(failed)?;
    for (c, h) in HEADERS.iter().enumerate() {
        sheet
            .write_string_with_format(4, u16::try_from(c).unwrap_or(0), *h, &header)
            .map_err(failed)?;
    }

    let name = |list: &[crate::budget::RefItem], id: Option<i64>| -> String {
        id.and_then(|id| list.iter().find(|r| r.id == id))
            .map(|r| r.name.clone())
            .unwrap_or_default()
    };
    let activity = |id: Option<i64>| -> String {
        id.and_then(|id| doc.activities.iter().find(|a| a.id == id))
            .map(|a| a.content.clone())
            .unwrap_or_default()
    };
    let mut row = FIRST_LINE_ROW;
    for (i, l) in view.lines.iter().enumerate() {
        let excel_row = row + 1;
        let n = u32::try_from(i + 1).unwrap_or(0);
        sheet
            .write_number_with_format(row, 0, f64::from(n), &cell)
            .map_err(failed)?;
        sheet
            .write_string_with_format(row, 1, &l.description, &cell)
            .map_err(failed)?;
        sheet
            .write_string_with_format(row, 2, name(&view.categories, l.category_id), &cell)
            .map_err(failed)?;
        sheet
            .write_string_with_format(row, 3, &l.unit_of_measure, &cell)
            .map_err(failed)?;
        // Spreadsheets hold numbers as doubles: exact for every quantity (two
        // decimals below 10^7) and every amount (below 10^15 < 2^53).
        sheet
            .write_number_with_format(row, 4, l.quantity.0 as f64 / 100.0, &qty)
            .map_err(failed)?;
        sheet
            .write_number_with_format(row, 5, l.unit_price.dong() as f64, &money)
            .map_err(failed)?;
        sheet
            .write_formula_with_format(
                row,
                6,
                Formula::new(format!("=ROUND(E{excel_row}*F{excel_row},0)"))
                    .set_result(l.amount.dong().to_string()),
                &money,
            )
            .map_err(failed)?;
        match l.approved {
            Some(a) => sheet.write_number_with_format(row, 7, a.dong() as f64, &money),
            None => sheet.write_blank(row, 7, &money),
        }
        .map_err(failed)?;
        sheet
            .write_string_with_format(row, 8, name(&view.sources, l.funding_source_id), &cell)
            .map_err(failed)?;
        sheet
            .write_string_with_format(row, 9, activity(l.activity_id), &cell)
            .map_err(failed)?;
        sheet
            .write_string_with_format(row, 10, &l.notes, &cell)
            .map_err(failed)?;
        row += 1;
    }
    let (first, last) = (FIRST_LINE_ROW + 1, row.max(FIRST_LINE_ROW + 1));
    let total_row = row;
    sheet
        .merge_range(total_row, 0, total_row, 5, "Tổng cộng", &header)
        .map_err(failed)?;
    sheet
        .write_formula_with_format(
            total_row,
            6,
            Formula::new(format!("=SUM(G{first}:G{last})"))
                .set_result(view.total.dong().to_string()),
            &total_money,
        )
        .map_err(failed)?;
    sheet
        .write_formula_with_format(
            total_row,
            7,
            Formula::new(format!("=SUM(H{first}:H{last})"))
                .set_result(view.total_approved.dong().to_string()),
            &total_money,
        )
        .map_err(failed)?;
    sheet
        .write_string_with_format(
            total_row + 1,
            0,
            format!("Bằng chữ: {}.", view.words),
            &italic,
        )
        .map_err(failed)?;

    // Totals by category and by source, as SUMIF formulas over the lines.
    let mut r = total_row + 3;
    for (heading, col, rows) in [
        ("Tổng hợp theo nhóm chi", 'C', &view.by_category),
        ("Tổng hợp theo nguồn kinh phí", 'I', &view.by_source),
    ] {
        sheet
            .write_string_with_format(r, 1, heading, &bold)
            .map_err(failed)?;
        r += 1;
        for t in rows.iter() {
            let excel_r = r + 1;
            sheet
                .write_string_with_format(r, 1, &t.label, &cell)
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
                    &money,
                )
                .map_err(failed)?;
            r += 1;
        }
        r += 1;
    }

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
    book.save_to_buffer().map_err(failed)
}
