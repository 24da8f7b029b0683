//! Phụ lục II: the budget estimate as one table, each category a bold row of
//! its totals followed by its lines, amounts right-aligned, then the grand
//! total and the total in words. An approved amount is blank while none is
//! set: on a line, and on a category's or the total row while no line of it
//! has one (core's `approved_sum`).

use commplan_core::budget::{BudgetLine, BudgetView, Total, approved_sum};
use commplan_core::money::{Money, group};
use commplan_core::{AppError, PlanDocument};

use crate::fonts::{Fonts, Style};
use crate::layout::{Align, Block, Cell, Para, Row, span};
use crate::official::{BODY, ROMAN, cell};

use super::{SIZE, appendix_head, table};

const SHARES: [f32; 8] = [0.05, 0.33, 0.09, 0.08, 0.12, 0.13, 0.10, 0.10];
const HEADER: [&str; 8] = [
    "TT",
    "Nội dung chi",
    "Đơn vị tính",
    "Số lượng",
    "Đơn giá (đồng)",
    "Thành tiền (đồng)",
    "Được duyệt (đồng)",
    "Nguồn kinh phí",
];

/// Phụ lục II: the budget estimate with right-aligned amounts, totals and
/// words; an error only for an approved sum past the maximum.
pub fn budget_appendix(
    fonts: &Fonts,
    doc: &PlanDocument,
    budget: &BudgetView,
    width: f32,
) -> Result<Vec<Block>, AppError> {
    let mut out = appendix_head(
        fonts,
        doc,
        "Kế hoạch",
        "II",
        "Dự toán kinh phí thực hiện kế hoạch",
    );
    let mut rows = Vec::new();
    for (i, cat) in budget.by_category.iter().enumerate() {
        rows.extend(category_rows(budget, i, cat)?);
    }
    rows.push(Row::new(summary_row(
        "",
        "TỔNG CỘNG",
        Align::Center,
        budget.total,
        approved_sum(&budget.lines)?,
    )));
    out.push(table(&SHARES, width, &HEADER, rows));
    out.push(Block::Space(6.0));
    out.push(Block::Para(Para::new(
        vec![
            span("Bằng chữ: ", Style::BoldItalic),
            span(format!("{}.", budget.words), Style::Italic),
        ],
        BODY,
        Align::Left,
    )));
    Ok(out)
}

/// An amount in dong with grouped digits and no unit.
fn plain(m: Money) -> String {
    group(m.dong())
}

/// A bold row of totals: a category's, or the grand total.
fn summary_row(
    no: &str,
    label: &str,
    align: Align,
    proposed: Money,
    approved: Option<Money>,
) -> Vec<Cell> {
    let blank = || cell("", Style::Bold, SIZE, Align::Left);
    vec![
        cell(no, Style::Bold, SIZE, Align::Center),
        cell(label, Style::Bold, SIZE, align),
        blank(),
        blank(),
        blank(),
        cell(plain(proposed), Style::Bold, SIZE, Align::Right),
        cell(
            approved.map(plain).unwrap_or_default(),
            Style::Bold,
            SIZE,
            Align::Right,
        ),
        blank(),
    ]
}

/// The `i`-th category: its totals under a roman numeral, kept with its
/// first line, then its lines numbered from 1 (lines of no category go under
/// "Chưa phân loại").
fn category_rows(budget: &BudgetView, i: usize, cat: &Total) -> Result<Vec<Row>, AppError> {
    let lines: Vec<_> = budget
        .lines
        .iter()
        .filter(|l| {
            match l
                .category_id
                .and_then(|id| budget.categories.iter().find(|c| c.id == id))
            {
                Some(c) => c.name == cat.label,
                None => cat.label.starts_with("Chưa"),
            }
        })
        .collect();
    let title = summary_row(
        ROMAN.get(i).copied().unwrap_or(""),
        &cat.label,
        Align::Left,
        cat.proposed,
        approved_sum(lines.iter().copied())?,
    );
    let mut rows = vec![Row::new(title).keep_with_next()];
    for (j, l) in lines.iter().enumerate() {
        rows.push(Row::new(line_row(budget, j + 1, l)));
    }
    Ok(rows)
}

/// One budget line, numbered `no` within its category.
fn line_row(budget: &BudgetView, no: usize, l: &BudgetLine) -> Vec<Cell> {
    let source = l
        .funding_source_id
        .and_then(|id| budget.sources.iter().find(|s| s.id == id))
        .map(|s| s.name.as_str())
        .unwrap_or("");
    let right = |text: String| cell(text, Style::Regular, SIZE, Align::Right);
    vec![
        cell(no.to_string(), Style::Regular, SIZE, Align::Center),
        cell(l.description.trim(), Style::Regular, SIZE, Align::Left),
        cell(
            l.unit_of_measure.trim(),
            Style::Regular,
            SIZE,
            Align::Center,
        ),
        right(l.quantity.display()),
        right(plain(l.unit_price)),
        right(plain(l.amount)),
        right(l.approved.map(plain).unwrap_or_default()),
        cell(source, Style::Regular, SIZE, Align::Left),
    ]
}
