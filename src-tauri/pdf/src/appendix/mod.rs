//! The appendices attached to the plan, each a landscape part numbered on its
//! own: Phụ lục I, the activities by policy and stage (`activities`), and
//! Phụ lục II, the budget estimate (`budget`). Both open with the same heading
//! that ties them to the plan and hold one table in 11-point type.

mod activities;
mod budget;

use commplan_core::PlanDocument;
use commplan_core::dates::{format_vi, parse_iso};

use crate::fonts::{Fonts, Style};
use crate::layout::{Align, Block, Row, Table};
use crate::official::{cell, p, title_rule};

pub use activities::activities_appendix;
pub use budget::budget_appendix;

/// The type size of the appendix tables.
pub(crate) const SIZE: f32 = 11.0;

/// The heading of Phụ lục `roman` of the document (`document`: "Kế hoạch",
/// "Báo cáo") of `doc`'s unit.
pub(crate) fn appendix_head(
    fonts: &Fonts,
    doc: &PlanDocument,
    document: &str,
    roman: &str,
    title: &str,
) -> Vec<Block> {
    let date = match parse_iso(&doc.fields.issue_date) {
        Some(_) => format!("ngày {}", format_vi(&doc.fields.issue_date)),
        None => format!("ngày      /      /{}", doc.year),
    };
    let number = if doc.fields.number.trim().is_empty() {
        "     "
    } else {
        doc.fields.number.trim()
    };
    vec![
        p(format!("Phụ lục {roman}"), Style::Bold, 14.0, Align::Center),
        p(title.to_uppercase(), Style::Bold, 13.0, Align::Center),
        p(
            format!(
                "(Kèm theo {document} số {number}/{} {date} của {})",
                doc.fields.symbol.trim(),
                doc.unit.name.trim()
            ),
            Style::Italic,
            13.0,
            Align::Center,
        ),
        Block::Space(2.0),
        title_rule(fonts, "Phụ lục II", 1.5),
    ]
}

/// A table `width` wide whose columns take the given shares of it, under a
/// bold centred header row.
pub(crate) fn table(shares: &[f32], width: f32, header: &[&str], rows: Vec<Row>) -> Block {
    let widths: Vec<f32> = shares.iter().map(|s| s * width).collect();
    let header = header
        .iter()
        .map(|h| cell(*h, Style::Bold, SIZE, Align::Center))
        .collect::<Vec<_>>();
    Block::Table(Table {
        widths,
        header,
        rows,
        padding: 3.0,
    })
}
