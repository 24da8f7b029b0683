//! The Word copy of a plan, for a leader who edits it before signing: the
//! very document the PDF prints (`commplan_pdf::document`: the same blocks,
//! texts, header lines, tables and amounts), written as a .docx in the same
//! Decree 30/2020/NĐ-CP layout with docx-rs. Nothing here decides what the
//! plan says; it only says how each block of the document becomes Word's
//! paragraphs and tables ([`blocks`]), how the pages are set up and numbered
//! ([`page`]), and the file itself ([`package`]).
//!
//! Times New Roman throughout (the PDF's Liberation Serif has its metrics, so
//! the header's names break where the PDF breaks them); A4 with the margins
//! 30/15/20/20 mm, the appendices landscape; the main document and each
//! appendix numbered on their own from their second page; "DỰ THẢO" on every
//! page of a plan not yet approved.

mod blocks;
mod package;
mod page;

use commplan_core::{AppError, PlanDocument};
use commplan_pdf::fonts::Fonts;
use commplan_pdf::{Document, RenderOptions};
use docx_rs::{Docx, RunFonts};

use crate::blocks::{Item, Writer};

/// The font of the whole document, as Decree 30/2020/NĐ-CP asks.
pub const FONT: &str = "Times New Roman";
/// The size of text that does not set its own (the page numbers): 13 points.
const DEFAULT_HALF_POINTS: usize = 26;

/// Writes a plan as a Word document (the bytes of a .docx file).
pub fn render(doc: &PlanDocument, options: RenderOptions) -> Result<Vec<u8>, AppError> {
    let fonts = Fonts::shared()?;
    let document = commplan_pdf::document(fonts, doc)?;
    package::pack(build(fonts, &document), options)
}

/// The document as docx-rs builds it: one section per part (the main text,
/// each appendix), the last one set on the document itself.
fn build(fonts: &Fonts, document: &Document) -> Docx {
    let headers = page::Headers::new(document.draft);
    let fonts_of_runs = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT);
    let mut docx = Docx::new()
        .default_fonts(fonts_of_runs)
        .default_size(DEFAULT_HALF_POINTS);
    let last = document.parts.len().saturating_sub(1);
    for (i, part) in document.parts.iter().enumerate() {
        let writer = Writer::new(fonts, &part.spec);
        let mut items = Vec::new();
        writer.blocks(&part.blocks, part.spec.text_width(), &mut items);
        if i < last {
            // A section ends with the paragraph that holds its properties.
            items.push(Item::para(
                blocks::spacer(1.0, false).section_property(headers.section(&part.spec)),
            ));
        }
        docx = items.into_iter().fold(docx, |d, item| match item {
            Item::Para(p) => d.add_paragraph(*p),
            Item::Table(t) => d.add_table(*t),
        });
        if i == last {
            docx = headers.last_section(docx, &part.spec);
        }
    }
    docx
}

#[cfg(test)]
mod tests;
