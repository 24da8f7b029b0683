//! Phụ lục I–V of the report: each view as one landscape table, every row
//! numbered, its header row repeated on every page, amounts right-aligned
//! and the totals of the views with money on a last row.

use commplan_core::PlanDocument;
use commplan_core::consolidate::{Column, ViewPage};

use crate::appendix::{SIZE, appendix_head, table};
use crate::fonts::{Fonts, Style};
use crate::layout::{Align, Block, Row};
use crate::official::{BODY, ROMAN, cell, p};

use super::body::total_row;

/// How wide a column is, relative to the others.
fn weight(key: &str) -> f32 {
    match key {
        "content" | "tasks" => 3.6,
        "policy" | "draftDocument" | "consultation" => 2.7,
        "unit" | "agency" | "category" | "contact" => 2.3,
        "channel" | "source" | "position" | "name" => 1.9,
        "audience" | "lead" => 1.6,
        "proposed" | "approved" => 1.45,
        "stage" | "months" | "role" | "arrangement" => 1.25,
        _ => 0.95,
    }
}

/// Where a column's cells sit: amounts right, other numbers centred.
fn align(c: &Column) -> Align {
    match c.key.as_str() {
        "proposed" | "approved" => Align::Right,
        "stage" | "months" => Align::Left,
        _ if c.numeric => Align::Center,
        _ => Align::Left,
    }
}

/// Phụ lục `i + 1`: the view of `page` as a table `width` wide.
pub(super) fn appendix(
    fonts: &Fonts,
    doc: &PlanDocument,
    i: usize,
    page: &ViewPage,
    width: f32,
) -> Vec<Block> {
    let roman = ROMAN.get(i).copied().unwrap_or("");
    let mut out = appendix_head(fonts, doc, "Báo cáo", roman, page.view.heading_vi());
    if page.rows.is_empty() {
        out.push(p(
            "Không có nội dung trong các kế hoạch được tổng hợp.",
            Style::Italic,
            BODY,
            Align::Center,
        ));
        return out;
    }
    let mut weights = vec![0.5];
    weights.extend(page.columns.iter().map(|c| weight(&c.key)));
    let sum: f32 = weights.iter().sum();
    let shares: Vec<f32> = weights.iter().map(|w| w / sum).collect();
    let mut header = vec!["TT"];
    header.extend(page.columns.iter().map(|c| c.label.as_str()));
    let aligns: Vec<Align> = page.columns.iter().map(align).collect();
    let mut rows: Vec<Row> = page
        .rows
        .iter()
        .enumerate()
        .map(|(n, r)| {
            let mut cells = vec![cell(
                (n + 1).to_string(),
                Style::Regular,
                SIZE,
                Align::Center,
            )];
            cells.extend(
                r.cells
                    .iter()
                    .zip(&aligns)
                    .map(|(text, a)| cell(text.as_str(), Style::Regular, SIZE, *a)),
            );
            Row::new(cells)
        })
        .collect();
    if let Some(t) = &page.totals {
        rows.push(total_row(header.len(), t.proposed, t.approved));
    }
    out.push(table(&shares, width, &header, rows));
    out
}
