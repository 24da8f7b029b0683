//! The results report as an Excel workbook: "Tổng hợp", the activities
//! counted per policy and stage with the totals as SUM formulas; "Hoạt động",
//! every activity line; "Chỉ tiêu", the indicators; "Kinh phí", approved
//! against spent with the difference a formula per line and the totals as
//! formulas (blank while no line has an amount, as `budget::approved_sum`
//! has it). Counts and amounts are numbers; nothing unset is written as 0.
//! Bytes only.

use rust_xlsxwriter::utility::column_number_to_name;
use rust_xlsxwriter::{Formula, Workbook, Worksheet};

use super::documents::{
    self, ACTIVITIES_TITLE, ACTIVITY_COLUMNS, GENERAL, INDICATOR_COLUMNS, NO_STAGE,
    SPENDING_COLUMNS, SPENDING_TITLE, measured_vi, subject, unstaged,
};
use super::{ActivityLine, IndicatorLine, ResultsReport, SpendingLine, StatusCounts};
use crate::error::Result;
use crate::money::Money;
use crate::xlsx::{Formats, HEADER_ROW, failed, headers, heading, money_cell, total_rows};

const SUMMARY: [&str; 8] = [
    "TT",
    "Chính sách",
    "Giai đoạn",
    "Kế hoạch",
    "Hoàn thành",
    "Đang thực hiện",
    "Không thực hiện",
    "Chưa thực hiện",
];
const SUMMARY_WIDTHS: [f64; 8] = [5.0, 60.0, 24.0, 11.0, 11.0, 11.0, 11.0, 11.0];

const ACTIVITIES_WIDTHS: [f64; 10] = [5.0, 36.0, 18.0, 50.0, 16.0, 30.0, 16.0, 13.0, 30.0, 30.0];

const INDICATORS_WIDTHS: [f64; 7] = [5.0, 60.0, 12.0, 12.0, 12.0, 14.0, 40.0];

const SPENDING_WIDTHS: [f64; 7] = [5.0, 28.0, 55.0, 18.0, 18.0, 18.0, 36.0];

/// The workbook's bytes; `unit_name` is the unit that reports.
pub fn results_workbook(report: &ResultsReport, unit_name: &str) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let f = Formats::new();
    let title = subject(report.period, report.year);
    let unit = format!("Đơn vị: {}", unit_name.trim());
    let about = [unit.clone(), report.plan_reference.trim().to_string()];
    let lines = [title.clone(), unit];
    let sheet = add_sheet(&mut book, ("Tổng hợp", &title, 8), &about, &f)?;
    summary_sheet(sheet, report, &f)?;
    let sheet = add_sheet(&mut book, ("Hoạt động", ACTIVITIES_TITLE, 10), &lines, &f)?;
    activities_sheet(sheet, &report.activities, &f)?;
    let sheet = add_sheet(
        &mut book,
        ("Chỉ tiêu", "Kết quả thực hiện các chỉ tiêu", 7),
        &lines,
        &f,
    )?;
    indicators_sheet(sheet, &report.indicators, &f)?;
    let sheet = add_sheet(&mut book, ("Kinh phí", SPENDING_TITLE, 7), &lines, &f)?;
    spending_sheet(sheet, report, &f)?;
    book.save_to_buffer().map_err(failed)
}

/// A new sheet of `book` with its name, title over its columns and `lines`.
fn add_sheet<'a>(
    book: &'a mut Workbook,
    (name, title, columns): (&str, &str, u16),
    lines: &[String],
    f: &Formats,
) -> Result<&'a mut Worksheet> {
    let sheet = book.add_worksheet();
    heading(sheet, name, title, columns, lines, f)?;
    Ok(sheet)
}

/// `cells` as strings on `row` from column `from`.
fn texts(sheet: &mut Worksheet, row: u32, from: u16, cells: &[&str], f: &Formats) -> Result<()> {
    for (col, text) in (from..).zip(cells) {
        sheet
            .write_string_with_format(row, col, *text, &f.cell)
            .map_err(failed)?;
    }
    Ok(())
}

/// A number, or a blank cell for none.
fn number(sheet: &mut Worksheet, row: u32, col: u16, n: Option<i64>, f: &Formats) -> Result<()> {
    match n {
        // Counts and indicators are far below 2^53: exact as doubles.
        Some(n) => sheet.write_number_with_format(row, col, n as f64, &f.cell),
        None => sheet.write_blank(row, col, &f.cell),
    }
    .map_err(failed)?;
    Ok(())
}

/// The five counts of `k` from column 3 on.
fn counts(sheet: &mut Worksheet, row: u32, k: &StatusCounts, f: &Formats) -> Result<()> {
    let values = [k.planned, k.done, k.in_progress, k.cancelled, k.not_started];
    for (col, n) in (3..).zip(values) {
        number(sheet, row, col, Some(i64::from(n)), f)?;
    }
    Ok(())
}

/// One row per policy and stage (and a policy's activities of no stage, when
/// it has some), then the general activities, then the totals as SUM formulas.
fn summary_sheet(sheet: &mut Worksheet, report: &ResultsReport, f: &Formats) -> Result<()> {
    headers(sheet, &SUMMARY, &SUMMARY_WIDTHS, f)?;
    let mut rows: Vec<(&str, &str, StatusCounts)> = Vec::new();
    for p in &report.policies {
        for s in &p.stages {
            rows.push((&p.title, s.stage.label_vi(), s.counts));
        }
        let other = unstaged(p);
        if other.planned > 0 {
            rows.push((&p.title, NO_STAGE, other));
        }
    }
    if report.general.planned > 0 {
        rows.push((GENERAL, "", report.general));
    }
    let mut row = HEADER_ROW + 1;
    for (n, (policy, stage, k)) in (1..).zip(&rows) {
        number(sheet, row, 0, Some(n), f)?;
        texts(sheet, row, 1, &[policy, stage], f)?;
        counts(sheet, row, k, f)?;
        row += 1;
    }
    let (first, last, row) = total_rows(row);
    sheet
        .merge_range(row, 0, row, 2, "Tổng cộng", &f.header)
        .map_err(failed)?;
    let k = &report.counts;
    let totals = [k.planned, k.done, k.in_progress, k.cancelled, k.not_started];
    for (col, n) in (3u16..).zip(totals) {
        let c = column_number_to_name(col);
        sheet
            .write_formula_with_format(
                row,
                col,
                Formula::new(format!("=SUM({c}{first}:{c}{last})")).set_result(n.to_string()),
                &f.total_money,
            )
            .map_err(failed)?;
    }
    Ok(())
}

/// Every activity line, its policy named (the general ones under [`GENERAL`]).
fn activities_sheet(sheet: &mut Worksheet, lines: &[ActivityLine], f: &Formats) -> Result<()> {
    let columns: Vec<&str> = ["TT", "Chính sách"]
        .into_iter()
        .chain(ACTIVITY_COLUMNS)
        .collect();
    headers(sheet, &columns, &ACTIVITIES_WIDTHS, f)?;
    for (n, (row, a)) in (1..).zip((HEADER_ROW + 1..).zip(lines)) {
        number(sheet, row, 0, Some(n), f)?;
        let policy = match a.policy.trim() {
            "" => GENERAL,
            p => p,
        };
        texts(
            sheet,
            row,
            1,
            &[
                policy,
                a.stage.map_or("", |s| s.label_vi()),
                &a.content,
                &a.planned_when,
                &a.target,
                a.status.label_vi(),
                &a.done_on,
                &a.achieved,
                &a.note,
            ],
            f,
        )?;
    }
    Ok(())
}

/// Every indicator: its target and actual value as numbers (blank while
/// unset), and whether the value is computed or entered.
fn indicators_sheet(sheet: &mut Worksheet, lines: &[IndicatorLine], f: &Formats) -> Result<()> {
    headers(sheet, &INDICATOR_COLUMNS, &INDICATORS_WIDTHS, f)?;
    for (n, (row, i)) in (1..).zip((HEADER_ROW + 1..).zip(lines)) {
        number(sheet, row, 0, Some(n), f)?;
        texts(sheet, row, 1, &[&i.name, &i.unit], f)?;
        number(sheet, row, 3, i.target, f)?;
        number(sheet, row, 4, i.actual, f)?;
        texts(sheet, row, 5, &[measured_vi(i.computed), &i.note], f)?;
    }
    Ok(())
}

/// "=IF(COUNT(D6:E6)=2,D6-E6,\"\")": approved less spent on Excel row `r`,
/// blank unless both are set.
fn difference(r: u32, approved: Option<Money>, spent: Option<Money>) -> Formula {
    let result = documents::difference(approved, spent).map_or_else(String::new, |d| d.to_string());
    Formula::new(format!("=IF(COUNT(D{r}:E{r})=2,D{r}-E{r},\"\")")).set_result(result)
}

/// One spending line on `row`.
fn spending_row(
    sheet: &mut Worksheet,
    row: u32,
    n: i64,
    l: &SpendingLine,
    f: &Formats,
) -> Result<()> {
    number(sheet, row, 0, Some(n), f)?;
    texts(sheet, row, 1, &[&l.category, &l.description], f)?;
    money_cell(sheet, row, 3, l.approved, &f.money)?;
    money_cell(sheet, row, 4, l.spent, &f.money)?;
    sheet
        .write_formula_with_format(row, 5, difference(row + 1, l.approved, l.spent), &f.money)
        .map_err(failed)?;
    texts(sheet, row, 6, &[&l.note], f)
}

/// Every spending line, then the totals: approved and spent as
/// `IF(COUNT(…)=0,"",SUM(…))`, their difference as on each line.
fn spending_sheet(sheet: &mut Worksheet, report: &ResultsReport, f: &Formats) -> Result<()> {
    headers(sheet, &SPENDING_COLUMNS, &SPENDING_WIDTHS, f)?;
    let mut row = HEADER_ROW + 1;
    for (n, l) in (1..).zip(&report.spending) {
        spending_row(sheet, row, n, l, f)?;
        row += 1;
    }
    let (first, last, row) = total_rows(row);
    sheet
        .merge_range(row, 0, row, 2, "Tổng cộng", &f.header)
        .map_err(failed)?;
    let shown = |m: Option<Money>| m.map(|m| m.dong().to_string()).unwrap_or_default();
    for (col, total) in [(3u16, report.total_approved), (4, report.total_spent)] {
        let c = column_number_to_name(col);
        sheet
            .write_formula_with_format(
                row,
                col,
                Formula::new(format!(
                    "=IF(COUNT({c}{first}:{c}{last})=0,\"\",SUM({c}{first}:{c}{last}))"
                ))
                .set_result(shown(total)),
                &f.total_money,
            )
            .map_err(failed)?;
    }
    let total = difference(row + 1, report.total_approved, report.total_spent);
    sheet
        .write_formula_with_format(row, 5, total, &f.total_money)
        .map_err(failed)?;
    Ok(())
}

#[cfg(test)]
mod tests;
