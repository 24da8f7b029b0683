//! Pages: A4 with the margins of Decree 30/2020/NĐ-CP (top and bottom 20 mm,
//! left 30 mm, right 15 mm, as the PDF's `PageSpec`), portrait or landscape;
//! each part numbered on its own from 1, the number shown at the top centre
//! from its second page (Word's "different first page"); and, on a draft,
//! "DỰ THẢO" in a red box at the top right of every page, as in the PDF.
//!
//! Two headers serve every section: the usual one (number, mark) and the
//! first page's (mark only). The last section registers them with docx-rs;
//! the others point at the same parts by their relationship ids.

use commplan_pdf::DRAFT_MARK;
use commplan_pdf::layout::{MM, PageSpec};
use docx_rs::{
    AlignmentType, BorderType, Docx, Header, PageMargin, PageNum, PageNumType, PageOrientationType,
    PageSize, Paragraph, Run, SectionProperty, TextBorder, create_header_rid,
};

use crate::blocks::twips;

/// The draft mark's red, the PDF's.
const RED: &str = "BF1414";
/// From the top of the page to the header's first line: the page number
/// then sits where the PDF prints it (its baseline 12 mm from the top).
const HEADER_FROM_TOP: f32 = 8.0 * MM;
/// The draft mark's frame, from the top of the page: its box then stands
/// where the PDF draws it (from 7 mm).
const MARK_FROM_TOP: f32 = 5.5 * MM;

fn twips_u32(points: f32) -> u32 {
    twips(points).unsigned_abs()
}

/// The headers every section shows.
pub(crate) struct Headers {
    /// From the second page: the number, and the mark on a draft.
    usual: Header,
    /// The first page of each part: the mark on a draft, else nothing.
    first: Header,
}

impl Headers {
    pub(crate) fn new(draft: bool) -> Headers {
        // Centred on the page, not on the text between the margins: the
        // right margin is 15 mm narrower than the left.
        let number = Paragraph::new()
            .align(AlignmentType::Center)
            .indent(None, None, Some(twips(15.0 * MM)), None)
            .add_page_num(PageNum::new());
        let (usual, first) = if draft {
            (
                Header::new()
                    .add_paragraph(framed(mark()))
                    .add_paragraph(number),
                Header::new().add_paragraph(mark()),
            )
        } else {
            (
                Header::new().add_paragraph(number),
                Header::new().add_paragraph(Paragraph::new()),
            )
        };
        Headers { usual, first }
    }

    /// The properties of a section that is not the last: its pages, and the
    /// headers the last section registers (the usual one first).
    pub(crate) fn section(&self, spec: &PageSpec) -> SectionProperty {
        SectionProperty::new()
            .page_size(page_size(spec))
            .page_margin(margin(spec))
            .page_num_type(PageNumType::new().start(1))
            .header(self.usual.clone(), &create_header_rid(1))
            .first_header(self.first.clone(), &create_header_rid(2))
    }

    /// Sets the last section, on the document, and registers the headers.
    pub(crate) fn last_section(&self, docx: Docx, spec: &PageSpec) -> Docx {
        docx.page_size(twips_u32(spec.width), twips_u32(spec.height))
            .page_orient(orientation(spec))
            .page_margin(margin(spec))
            .page_num_type(PageNumType::new().start(1))
            .header(self.usual.clone())
            .first_header(self.first.clone())
            .title_pg()
    }
}

fn page_size(spec: &PageSpec) -> PageSize {
    PageSize::new()
        .size(twips_u32(spec.width), twips_u32(spec.height))
        .orient(orientation(spec))
}

fn orientation(spec: &PageSpec) -> PageOrientationType {
    if spec.width > spec.height {
        PageOrientationType::Landscape
    } else {
        PageOrientationType::Portrait
    }
}

fn margin(spec: &PageSpec) -> PageMargin {
    PageMargin {
        top: twips(spec.top),
        left: twips(spec.left),
        bottom: twips(spec.bottom),
        right: twips(spec.right),
        header: twips(HEADER_FROM_TOP),
        footer: twips(10.0 * MM),
        gutter: 0,
    }
}

/// "DỰ THẢO" in 13-point bold red in a red box, at the top right.
fn mark() -> Paragraph {
    Paragraph::new().align(AlignmentType::Right).add_run(
        Run::new()
            .add_text(DRAFT_MARK)
            .bold()
            .size(26)
            .color(RED)
            .text_border(
                TextBorder::new()
                    .border_type(BorderType::Single)
                    .size(10)
                    .space(4)
                    .color(RED),
            ),
    )
}

/// The mark in a frame at the top of the page, so that the page number
/// beside it keeps its place in the middle.
fn framed(mark: Paragraph) -> Paragraph {
    mark.wrap("notBeside")
        .v_anchor("page")
        .h_anchor("text")
        .x_align("right")
        .frame_y(twips(MARK_FROM_TOP))
}
