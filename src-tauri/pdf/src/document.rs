//! The plan as a format-neutral document: its parts (the main text, Phụ lục I,
//! Phụ lục II), each a list of [`Block`]s on pages of its own size and
//! numbered on its own, and whether it is a draft. The PDF lays these blocks
//! out itself ([`crate::layout`]); the Word copy (`commplan-docx`) writes the
//! same blocks as Word paragraphs and tables, so both files say the same
//! thing in the same order.

use commplan_core::budget::summarise;
use commplan_core::{AppError, PlanDocument, PlanStatus};

use crate::fonts::Fonts;
use crate::layout::{Block, PageSpec};
use crate::{appendix, official};

/// The mark a plan carries on every page until it is approved.
pub const DRAFT_MARK: &str = "DỰ THẢO";

/// One part of the document, on pages of `spec`, numbered from its second page.
#[derive(Debug, Clone)]
pub struct Part {
    pub spec: PageSpec,
    pub blocks: Vec<Block>,
}

/// The whole document: its parts in order, and whether every page is marked
/// [`DRAFT_MARK`].
#[derive(Debug, Clone)]
pub struct Document {
    pub parts: Vec<Part>,
    pub draft: bool,
}

/// The plan as its parts: the main document (portrait), then Phụ lục I when
/// it has activities and Phụ lục II when it has budget lines (landscape).
pub fn document(fonts: &Fonts, doc: &PlanDocument) -> Result<Document, AppError> {
    let budget = summarise(
        doc.id,
        doc.budget_lines.clone(),
        doc.budget_categories.clone(),
        doc.funding_sources.clone(),
        &doc.activities,
        doc.year,
        None,
    )?;
    let portrait = PageSpec::a4_portrait();
    let landscape = PageSpec::a4_landscape();
    let mut parts = vec![Part {
        spec: portrait,
        blocks: official::main_blocks(fonts, doc, &budget, portrait.text_width()),
    }];
    if !doc.activities.is_empty() {
        parts.push(Part {
            spec: landscape,
            blocks: appendix::activities_appendix(fonts, doc, landscape.text_width()),
        });
    }
    if !doc.budget_lines.is_empty() {
        parts.push(Part {
            spec: landscape,
            blocks: appendix::budget_appendix(fonts, doc, &budget, landscape.text_width())?,
        });
    }
    Ok(Document {
        parts,
        draft: doc.status != PlanStatus::Approved,
    })
}
