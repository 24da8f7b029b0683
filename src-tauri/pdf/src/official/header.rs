//! The top of the document: the issuing body with its number and symbol on
//! the left, the national title with the place and date on the right, then
//! "KẾ HOẠCH" and the subject. The names (parent body, unit, subject) break
//! into lines by core's `header_lines`, measured in the document's font.

use commplan_core::PlanDocument;
use commplan_core::dates::place_and_date;
use commplan_core::header_lines::{self, Column, HeaderLines, HeaderName, HeaderPreview};

use crate::fonts::{Fonts, Style};
use crate::layout::{Align, Block};

use super::{p, rule_under, title_rule};

/// "Số: 12/KH-SNNMT", or "Số:      /KH-SNNMT" before the registry numbers it.
pub fn number_and_symbol(number: &str, symbol: &str) -> String {
    let number = if number.trim().is_empty() {
        "     "
    } else {
        number.trim()
    };
    format!("Số: {number}/{}", symbol.trim())
}

/// The share of the text width the left column (the issuing body) takes.
const LEFT_SHARE: f32 = 0.45;
/// The names' sizes: the parent body and the unit 12 points, the subject 14.
const NAME_SIZE: f32 = 12.0;
const SUBJECT_SIZE: f32 = 14.0;

/// The header's names as they are printed in a text `width` wide: the parent
/// body (regular) and the unit (bold) in the left column, the subject (bold)
/// across the page, each broken into lines by core's `header_lines`. The
/// editor shows the same lines before export.
pub fn header_lines(fonts: &Fonts, doc: &PlanDocument, width: f32) -> HeaderPreview {
    let set = |name: HeaderName, style: Style, size: f32, column: f32| {
        let measure = |s: &str| fonts.width(style, size, s);
        header_lines::set(
            name,
            doc,
            &Column {
                width: column,
                size,
                bold: style == Style::Bold,
                measure: &measure,
            },
        )
    };
    let left = width * LEFT_SHARE;
    HeaderPreview {
        parent: (!doc.unit.parent_body.trim().is_empty())
            .then(|| set(HeaderName::Parent, Style::Regular, NAME_SIZE, left)),
        unit: set(HeaderName::Unit, Style::Bold, NAME_SIZE, left),
        subject: set(HeaderName::Subject, Style::Bold, SUBJECT_SIZE, width),
    }
}

/// The lines of a name as one paragraph (a line break between them).
fn name(lines: &HeaderLines, style: Style) -> Block {
    p(lines.lines.join("\n"), style, lines.size, Align::Center)
}

/// The header: issuing body on the left, the national title on the right.
pub(super) fn header(
    fonts: &Fonts,
    doc: &PlanDocument,
    names: &HeaderPreview,
    width: f32,
) -> Block {
    let left_w = width * LEFT_SHARE;
    let right_w = width - left_w;
    let mut left = Vec::new();
    if let Some(parent) = &names.parent {
        left.push(name(parent, Style::Regular));
    }
    left.push(name(&names.unit, Style::Bold));
    left.push(Block::Space(2.0));
    left.push(unit_rule(fonts, &names.unit));
    left.push(Block::Space(4.0));
    left.push(p(
        number_and_symbol(&doc.fields.number, &doc.fields.symbol),
        Style::Regular,
        13.0,
        Align::Center,
    ));

    const NATION: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
    let nation_size = if fonts.width(Style::Bold, 12.0, NATION) <= right_w {
        12.0
    } else {
        11.0
    };
    let right = vec![
        p(NATION, Style::Bold, nation_size, Align::Center),
        p(MOTTO, Style::Bold, 13.0, Align::Center),
        Block::Space(2.0),
        rule_under(fonts, MOTTO, Style::Bold, 13.0, 1.0),
        Block::Space(4.0),
        p(
            place_and_date(&doc.fields.place, &doc.fields.issue_date, doc.year),
            Style::Italic,
            13.0,
            Align::Center,
        ),
    ];
    Block::Columns(vec![(left_w, left), (right_w, right)])
}

/// The rule under the unit's name (Decree 30/2020/NĐ-CP, Phụ lục I: from a
/// third to a half of the line above it): half its longest line.
fn unit_rule(fonts: &Fonts, unit: &HeaderLines) -> Block {
    let longest = unit
        .lines
        .iter()
        .max_by(|a, b| {
            let w = |s: &str| fonts.width(Style::Bold, unit.size, s);
            w(a).total_cmp(&w(b))
        })
        .map_or("", String::as_str);
    rule_under(fonts, longest, Style::Bold, unit.size, 0.5)
}

/// The kind of document ("KẾ HOẠCH", "BÁO CÁO") and the subject under it,
/// in the lines of `names`.
pub(super) fn title(fonts: &Fonts, names: &HeaderPreview, kind: &str) -> Vec<Block> {
    vec![
        Block::Space(16.0),
        p(kind, Style::Bold, SUBJECT_SIZE, Align::Center),
        name(&names.subject, Style::Bold),
        Block::Space(2.0),
        title_rule(fonts, "KẾ HOẠCH", 1.6),
    ]
}
