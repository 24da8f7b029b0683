//! The plan as blocks of the official format (Decree 30/2020/NĐ-CP, Appendix I):
//! the two-column header, "KẾ HOẠCH" and the subject (`header`), the legal
//! bases in italics, the numbered sections (`sections`), and Nơi nhận beside
//! the signature. The small builders here (a paragraph, body text, a heading,
//! a bold lead-in, a bullet, a table cell, a rule) are shared with the
//! appendices ([`crate::appendix`]).

mod header;
mod sections;

use commplan_core::budget::BudgetView;
use commplan_core::signature::signature_block;
use commplan_core::{Activity, PlanDocument};

use crate::fonts::{Fonts, Style};
use crate::layout::{Align, Block, Cell, MM, Para, Span, span};

pub use header::{header_lines, number_and_symbol};

pub const BODY: f32 = 13.0;
const INDENT: f32 = 1.27 * 10.0 * MM;
pub(crate) const PARA_GAP: f32 = 6.0;

/// Roman numerals for sections, policies in Phụ lục I and budget categories.
pub(crate) const ROMAN: [&str; 8] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

pub(crate) fn p(text: impl Into<String>, style: Style, size: f32, align: Align) -> Block {
    Block::Para(Para::new(vec![span(text, style)], size, align))
}

/// A justified body paragraph with the first line indented.
pub(crate) fn indented(spans: Vec<Span>) -> Para {
    Para::new(spans, BODY, Align::Justify).indent(INDENT)
}

pub(crate) fn body(text: &str) -> Vec<Block> {
    text.split('\n')
        .filter(|l| !l.trim().is_empty())
        .map(|l| Block::Para(indented(vec![span(l.trim(), Style::Regular)]).after(PARA_GAP)))
        .collect()
}

/// A heading, never the last line of a page.
pub(crate) fn heading(text: impl Into<String>) -> Block {
    Block::Para(
        indented(vec![span(text, Style::Bold)])
            .before(PARA_GAP)
            .after(PARA_GAP)
            .keep_with_next(),
    )
}

/// A paragraph with a bold lead-in: "Lãnh đạo phụ trách: Nguyễn Văn A".
fn labelled(label: &str, text: &str) -> Block {
    Block::Para(
        indented(vec![
            span(format!("{label}: "), Style::Bold),
            span(text.trim(), Style::Regular),
        ])
        .after(PARA_GAP),
    )
}

pub(crate) fn bullet(text: &str) -> Block {
    Block::Para(
        indented(vec![span(format!("- {}", text.trim()), Style::Regular)]).after(PARA_GAP / 2.0),
    )
}

pub(crate) fn cell(text: impl Into<String>, style: Style, size: f32, align: Align) -> Cell {
    Cell {
        paras: vec![Para::new(vec![span(text, style)], size, align)],
    }
}

fn rule_under(fonts: &Fonts, text: &str, style: Style, size: f32, share: f32) -> Block {
    Block::Rule {
        width: fonts.width(style, size, text) * share,
        align: Align::Center,
        thickness: 0.6,
        space_after: 4.0,
    }
}

/// The rule under a title, `share` times as wide as `text` in 14-point bold.
pub(crate) fn title_rule(fonts: &Fonts, text: &str, share: f32) -> Block {
    Block::Rule {
        width: fonts.width(Style::Bold, 14.0, text) * share,
        align: Align::Center,
        thickness: 0.6,
        space_after: 10.0,
    }
}

/// The activities of no policy, listed after the policies.
pub(crate) fn general_activities(doc: &PlanDocument) -> Vec<&Activity> {
    doc.activities
        .iter()
        .filter(|a| a.policy_id.is_none())
        .collect()
}

fn legal_bases(doc: &PlanDocument) -> Vec<Block> {
    let n = doc.legal_bases.len();
    let mut out: Vec<Block> = doc
        .legal_bases
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let text = b.text.trim().trim_end_matches([';', '.']);
            let end = if i + 1 == n { "." } else { ";" };
            Block::Para(
                indented(vec![span(format!("Căn cứ {text}{end}"), Style::Italic)]).after(PARA_GAP),
            )
        })
        .collect();
    out.push(Block::Para(
        indented(vec![span(
            format!(
                "{} ban hành Kế hoạch truyền thông chính sách năm {} như sau:",
                doc.unit.name.trim(),
                doc.year
            ),
            Style::Regular,
        )])
        .after(PARA_GAP),
    ));
    out
}

/// Nơi nhận on the left and the signature on the right, kept together and
/// with `last`, the body's last paragraph: the signature never stands alone
/// on a page.
pub(crate) fn closing(doc: &PlanDocument, width: f32, last: Option<Block>) -> Block {
    let left_w = width * 0.5;
    let mut left = vec![Block::Para(Para::new(
        vec![span("Nơi nhận:", Style::BoldItalic)],
        12.0,
        Align::Left,
    ))];
    let n = doc.recipients.len();
    for (i, r) in doc.recipients.iter().enumerate() {
        let text = r.text.trim().trim_end_matches(['.', ';']);
        let end = if i + 1 == n { "." } else { ";" };
        left.push(Block::Para(Para::new(
            vec![span(format!("- {text}{end}"), Style::Regular)],
            11.0,
            Align::Left,
        )));
    }
    let block = signature_block(&doc.fields);
    let mut right: Vec<Block> = block
        .lines
        .into_iter()
        .map(|l| p(l, Style::Bold, 13.0, Align::Center))
        .collect();
    right.push(Block::Space(60.0));
    right.push(p(block.name, Style::Bold, 13.0, Align::Center));
    let mut kept: Vec<Block> = last.into_iter().collect();
    kept.push(Block::Space(10.0));
    kept.push(Block::Columns(vec![
        (left_w, left),
        (width - left_w, right),
    ]));
    Block::Keep(kept)
}

/// The top of a document of kind `kind` ("KẾ HOẠCH", "BÁO CÁO") issued by
/// `doc`'s unit: the two-column header, the kind and the subject (`doc`'s
/// title) under it.
pub(crate) fn document_head(
    fonts: &Fonts,
    doc: &PlanDocument,
    width: f32,
    kind: &str,
) -> Vec<Block> {
    let names = header::header_lines(fonts, doc, width);
    let mut out = vec![header::header(fonts, doc, &names, width)];
    out.extend(header::title(fonts, &names, kind));
    out
}

/// The main document's blocks.
pub fn main_blocks(
    fonts: &Fonts,
    doc: &PlanDocument,
    budget: &BudgetView,
    width: f32,
) -> Vec<Block> {
    let mut out = document_head(fonts, doc, width, "KẾ HOẠCH");
    out.extend(legal_bases(doc));
    let mut body = sections::sections(doc, budget);
    let last = body.pop();
    out.extend(body);
    out.push(closing(doc, width, last));
    out
}

#[cfg(test)]
mod tests;
