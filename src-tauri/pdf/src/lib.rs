//! The PDF renderer: a plan laid out as a document of a Vietnamese state body
//! (Decree 30/2020/NĐ-CP, Appendix I) with printpdf's low-level operations and
//! a layout of our own ([`layout`]): [`official`] turns a plan into the blocks
//! of the main document and [`appendix`] into those of Phụ lục I and II.
//! Liberation Serif is embedded as subsets; text is NFC (stored so by core)
//! and can be copied back with every diacritic. A plan that is not approved
//! carries "DỰ THẢO" on every page. The same builders lay out the reports:
//! the consolidation's ([`report`]) and a plan's results ([`results`]).

pub mod appendix;
pub mod document;
pub mod fonts;
pub mod layout;
pub mod official;
mod render;
pub mod report;
pub mod results;

use commplan_core::header_lines::HeaderPreview;
use commplan_core::{AppError, ErrorCode, PlanDocument};

use crate::fonts::Fonts;
use crate::layout::{Flow, Page, PageSpec};

pub use document::{DRAFT_MARK, Document, Part, document};

pub use render::{Meta, to_pdf};
pub use report::consolidation_report;
pub use results::{results_document, results_report};

/// Options that make a rendering reproducible.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    /// The creation date written into the metadata, as a Unix timestamp.
    pub created_unix: i64,
}

/// The pages of a plan: the main document, Phụ lục I and Phụ lục II, each
/// numbered on its own.
pub fn layout(fonts: &Fonts, doc: &PlanDocument) -> Result<Vec<Vec<Page>>, AppError> {
    Ok(pages(fonts, document(fonts, doc)?.parts))
}

/// Each part's blocks poured onto its pages.
fn pages(fonts: &Fonts, parts: Vec<Part>) -> Vec<Vec<Page>> {
    parts
        .into_iter()
        .map(|part| {
            let mut flow = Flow::new(fonts, part.spec);
            flow.add_all(&part.blocks);
            flow.pages
        })
        .collect()
}

/// Characters on the laid-out pages that the embedded font cannot draw
/// (emoji, say), each with the text it appears in. Checked before export:
/// nothing is dropped silently.
pub fn missing_characters(fonts: &Fonts, parts: &[Vec<Page>]) -> Vec<(char, String)> {
    let mut missing: Vec<(char, String)> = Vec::new();
    for page in parts.iter().flatten() {
        for d in &page.draws {
            let run = match d {
                layout::Draw::Text(r) | layout::Draw::Stamp { run: r, .. } => r,
                layout::Draw::Line { .. } => continue,
            };
            for (text, _) in &run.pieces {
                for c in text.chars() {
                    if !fonts.covers(c) && !missing.iter().any(|(m, _)| *m == c) {
                        missing.push((c, text.trim().to_string()));
                    }
                }
            }
        }
    }
    missing
}

/// The header's names of a plan as its PDF prints them (the parent body,
/// the unit, the subject, line by line), for the editor to show before export.
pub fn header_preview(doc: &PlanDocument) -> Result<HeaderPreview, AppError> {
    let fonts = Fonts::shared()?;
    Ok(official::header_lines(
        fonts,
        doc,
        PageSpec::a4_portrait().text_width(),
    ))
}

/// Renders a plan to PDF bytes, refusing characters the font lacks.
pub fn render(doc: &PlanDocument, options: RenderOptions) -> Result<Vec<u8>, AppError> {
    let fonts = Fonts::shared()?;
    let document = document(fonts, doc)?;
    let draft = document.draft;
    let parts = pages(fonts, document.parts);
    refuse_missing_characters(fonts, &parts)?;
    to_pdf(fonts, &Meta::of_plan(doc), parts, draft, options)
}

/// A Vietnamese refusal naming the characters the font cannot draw, if any.
pub(crate) fn refuse_missing_characters(
    fonts: &Fonts,
    parts: &[Vec<Page>],
) -> Result<(), AppError> {
    let missing = missing_characters(fonts, parts);
    if !missing.is_empty() {
        let list: Vec<String> = missing
            .iter()
            .take(5)
            .map(|(c, word)| format!("“{c}” (U+{:04X}, trong “{word}”)", u32::from(*c)))
            .collect();
        return Err(AppError::new(
            ErrorCode::Validation,
            format!(
                "Phông chữ của văn bản không có ký tự: {}. Hãy xóa hoặc thay các ký tự này rồi xuất lại.",
                list.join(", ")
            ),
        ));
    }
    Ok(())
}
