//! The top of the document: the issuing body with its number and symbol on
//! the left, the national title with the place and date on the right, then
//! "KẾ HOẠCH" and the subject.

use commplan_core::PlanDocument;
use commplan_core::dates::place_and_date;

use crate::fonts::{Fonts, Style};
use crate::layout::{Align, Block};

use super::{p, rule_under, title_rule, upper};

/// "Số: 12/KH-SNNMT", or "Số:      /KH-SNNMT" before the registry numbers it.
pub fn number_and_symbol(number: &str, symbol: &str) -> String {
    let number = if number.trim().is_empty() {
        "     "
    } else {
        number.trim()
    };
    format!("Số: {number}/{}", symbol.trim())
}

/// The header: issuing body on the left, the national title on the right.
pub(super) fn header(fonts: &Fonts, doc: &PlanDocument, width: f32) -> Block {
    let left_w = width * 0.45;
    let right_w = width - left_w;
    let parent = upper(&doc.unit.parent_body);
    let unit = upper(&doc.unit.name);
    let mut left = Vec::new();
    if !parent.is_empty() {
        left.push(p(parent, Style::Regular, 12.0, Align::Center));
    }
    left.push(p(unit.clone(), Style::Bold, 12.0, Align::Center));
    let unit_line = unit
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    left.push(Block::Space(2.0));
    left.push(rule_under(fonts, &unit_line, Style::Bold, 12.0, 0.8));
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

pub(super) fn title(fonts: &Fonts, doc: &PlanDocument) -> Vec<Block> {
    let subject = if doc.fields.title.trim().is_empty() {
        format!("Truyền thông chính sách năm {}", doc.year)
    } else {
        doc.fields.title.trim().to_string()
    };
    vec![
        Block::Space(16.0),
        p("KẾ HOẠCH", Style::Bold, 14.0, Align::Center),
        p(subject, Style::Bold, 14.0, Align::Center),
        Block::Space(2.0),
        title_rule(fonts, "KẾ HOẠCH", 1.6),
    ]
}
