//! Phụ lục I–V of the report: each view as one landscape table, every row
//! numbered, its header row repeated on every page, amounts right-aligned
//! and the totals of the views with money on a last row.

use commplan_core::PlanDocument;
use commplan_core::consolidate::{ActivityCount, Column, ViewPage};

use crate::appendix::{SIZE, appendix_head, table};
use crate::fonts::{Fonts, Style};
use crate::layout::{Align, Block, Cell, Row};
use crate::official::{BODY, ROMAN, cell, p};

use super::body::{amounts, total_row};

/// How wide a column is, relative to the others.
fn weight(key: &str) -> f32 {
    match key {
        "content" | "tasks" | "consultation" => 3.6,
        "policy" | "draftDocument" => 2.4,
        "unit" | "agency" | "category" | "contact" => 2.3,
        "channel" | "source" | "position" | "name" => 1.9,
        "audience" | "lead" => 1.6,
        "proposed" | "approved" => 1.45,
        "stage" | "months" | "role" | "arrangement" => 1.25,
        _ => 0.95,
    }
}

/// Where a column's cells sit: amounts right, counts centred, text (also
/// where it sorts by a number) left.
fn align(c: &Column) -> Align {
    match c.key.as_str() {
        "proposed" | "approved" => Align::Right,
        "stage" | "months" | "consultation" => Align::Left,
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
        rows.push(total_row(header.len(), amounts(t.proposed, t.approved)));
    }
    out.push(table(&shares, width, &header, rows));
    out
}

/// The count cells of a row: each month, the activities, the units (blank
/// for a channel's row, whose units cannot be summed).
fn count_cells(months: &[u32], activities: u32, units: Option<u32>, style: Style) -> Vec<Cell> {
    let number = |n: u32| {
        let text = if n == 0 { String::new() } else { n.to_string() };
        cell(text, style, SIZE, Align::Center)
    };
    let mut cells: Vec<Cell> = months.iter().map(|n| number(*n)).collect();
    cells.push(number(activities));
    cells.push(units.map_or_else(|| cell("", style, SIZE, Align::Center), number));
    cells
}

/// The sums of `counts`' months and activities.
fn summed<'a>(counts: impl Iterator<Item = &'a ActivityCount>) -> (Vec<u32>, u32) {
    counts.fold((vec![0; 12], 0), |(mut months, n), k| {
        for (m, add) in months.iter_mut().zip(&k.months) {
            *m += add;
        }
        (months, n + k.activities)
    })
}

/// Phụ lục I: the activities of every plan counted by channel (a bold row
/// of its sums), stage and month, with the grand total.
pub(super) fn counts(
    fonts: &Fonts,
    doc: &PlanDocument,
    counts: &[ActivityCount],
    width: f32,
) -> Vec<Block> {
    let mut out = appendix_head(
        fonts,
        doc,
        "Báo cáo",
        "I",
        "Số hoạt động truyền thông theo hình thức, giai đoạn và tháng",
    );
    let months: Vec<String> = (1..=12).map(|m| format!("T{m}")).collect();
    let mut header = vec!["TT", "Hình thức", "Giai đoạn"];
    header.extend(months.iter().map(String::as_str));
    header.extend(["Số hoạt động", "Số đơn vị"]);
    let mut weights = vec![0.5, 3.0, 2.0];
    weights.extend([0.55; 12]);
    weights.extend([0.9, 0.8]);
    let sum: f32 = weights.iter().sum();
    let shares: Vec<f32> = weights.iter().map(|w| w / sum).collect();
    let rows = count_rows(counts);
    out.push(table(&shares, width, &header, rows));
    out.push(Block::Space(6.0));
    out.push(p(
        "T1–T12: tháng 1 đến tháng 12; một hoạt động diễn ra trong nhiều tháng được tính ở mỗi tháng. Danh sách từng hoạt động có trong bảng tính tổng hợp kèm theo.",
        Style::Italic,
        BODY,
        Align::Left,
    ));
    out
}

/// Each channel's bold row of sums, its stages' rows, then the grand total.
fn count_rows(counts: &[ActivityCount]) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut start = 0;
    let mut n = 0;
    while start < counts.len() {
        let channel = &counts[start].channel;
        let end = start
            + counts[start..]
                .iter()
                .take_while(|k| k.channel == *channel)
                .count();
        n += 1;
        let (m, total) = summed(counts[start..end].iter());
        let name = if channel.is_empty() {
            "(Chưa ghi hình thức)"
        } else {
            channel.as_str()
        };
        let mut cells = vec![
            cell(n.to_string(), Style::Bold, SIZE, Align::Center),
            cell(name, Style::Bold, SIZE, Align::Left),
            cell("", Style::Bold, SIZE, Align::Left),
        ];
        cells.extend(count_cells(&m, total, None, Style::Bold));
        rows.push(Row::new(cells).keep_with_next());
        for k in &counts[start..end] {
            let stage = k.stage.map_or("Không gắn giai đoạn", |s| s.label_vi());
            let mut cells = vec![
                cell("", Style::Regular, SIZE, Align::Center),
                cell("", Style::Regular, SIZE, Align::Left),
                cell(stage, Style::Regular, SIZE, Align::Left),
            ];
            cells.extend(count_cells(
                &k.months,
                k.activities,
                Some(k.units),
                Style::Regular,
            ));
            rows.push(Row::new(cells));
        }
        start = end;
    }
    let (m, total) = summed(counts.iter());
    let mut cells = vec![
        cell("", Style::Bold, SIZE, Align::Center),
        cell("Tổng cộng", Style::Bold, SIZE, Align::Left),
        cell("", Style::Bold, SIZE, Align::Left),
    ];
    cells.extend(count_cells(&m, total, None, Style::Bold));
    rows.push(Row::new(cells));
    rows
}
