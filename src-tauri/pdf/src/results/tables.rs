//! The tables of the report's body: the activities planned and where they
//! stand, by policy (a bold row) and stage, with the general activities and
//! the totals; and the indicators, target against actual.

use commplan_core::money::group;
use commplan_core::results::documents::{
    GENERAL, INDICATOR_COLUMNS, NO_STAGE, measured_vi, unstaged,
};
use commplan_core::results::{ActivityStatus, IndicatorLine, ResultsReport, StatusCounts};

use crate::appendix::{SIZE, table};
use crate::fonts::Style;
use crate::layout::{Align, Block, Cell, Row};
use crate::official::cell;

const COUNT_SHARES: [f32; 7] = [0.06, 0.39, 0.11, 0.11, 0.11, 0.11, 0.11];
const INDICATOR_SHARES: [f32; 7] = [0.06, 0.4, 0.1, 0.1, 0.1, 0.11, 0.13];

/// A number, centred.
fn count(n: u32, style: Style) -> Cell {
    cell(n.to_string(), style, SIZE, Align::Center)
}

/// A row of counts: its number, its name, then planned and each status.
fn counts_row(no: String, name: String, k: &StatusCounts, style: Style) -> Row {
    let mut cells = vec![
        cell(no, style, SIZE, Align::Center),
        cell(name, style, SIZE, Align::Left),
    ];
    cells.extend(
        [k.planned, k.done, k.in_progress, k.cancelled, k.not_started]
            .into_iter()
            .map(|n| count(n, style)),
    );
    Row::new(cells)
}

/// Each policy (bold, numbered) with its counts, under it each stage that
/// has an activity in the period (and its activities of no stage), then the
/// general activities and the totals.
pub(super) fn counts(report: &ResultsReport, width: f32) -> Block {
    let header = [
        "TT",
        "Chính sách, giai đoạn",
        "Kế hoạch",
        ActivityStatus::Done.label_vi(),
        ActivityStatus::InProgress.label_vi(),
        ActivityStatus::Cancelled.label_vi(),
        ActivityStatus::NotStarted.label_vi(),
    ];
    let mut rows = Vec::new();
    let mut n = 0;
    for p in &report.policies {
        n += 1;
        let mut stages: Vec<Row> = p
            .stages
            .iter()
            .filter(|s| s.counts.planned > 0)
            .map(|s| {
                let name = format!("Giai đoạn {}", s.stage.label_vi().to_lowercase());
                counts_row(String::new(), name, &s.counts, Style::Regular)
            })
            .collect();
        let other = unstaged(p);
        if other.planned > 0 {
            stages.push(counts_row(
                String::new(),
                NO_STAGE.to_string(),
                &other,
                Style::Regular,
            ));
        }
        let title = counts_row(
            n.to_string(),
            p.title.trim().to_string(),
            &p.counts,
            Style::Bold,
        );
        rows.push(if stages.is_empty() {
            title
        } else {
            title.keep_with_next()
        });
        rows.extend(stages);
    }
    if report.general.planned > 0 {
        n += 1;
        rows.push(counts_row(
            n.to_string(),
            GENERAL.to_string(),
            &report.general,
            Style::Bold,
        ));
    }
    rows.push(counts_row(
        String::new(),
        "Tổng cộng".to_string(),
        &report.counts,
        Style::Bold,
    ));
    table(&COUNT_SHARES, width, &header, rows)
}

/// A number with grouped digits, or nothing.
fn value(n: Option<i64>) -> Cell {
    cell(
        n.map(group).unwrap_or_default(),
        Style::Regular,
        SIZE,
        Align::Center,
    )
}

fn indicator_row(no: usize, i: &IndicatorLine) -> Row {
    let left = |text: &str| cell(text.trim(), Style::Regular, SIZE, Align::Left);
    Row::new(vec![
        cell(no.to_string(), Style::Regular, SIZE, Align::Center),
        left(&i.name),
        cell(i.unit.trim(), Style::Regular, SIZE, Align::Center),
        value(i.target),
        value(i.actual),
        cell(measured_vi(i.computed), Style::Regular, SIZE, Align::Center),
        left(&i.note),
    ])
}

/// The indicators: each with its unit, target and actual value (blank while
/// unset), how that value is obtained and a note.
pub(super) fn indicators(lines: &[IndicatorLine], width: f32) -> Block {
    let rows = lines
        .iter()
        .enumerate()
        .map(|(i, l)| indicator_row(i + 1, l))
        .collect();
    table(&INDICATOR_SHARES, width, &INDICATOR_COLUMNS, rows)
}
