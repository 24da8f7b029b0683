//! The PDF renderer: a plan laid out as a Decree 30/2020/NĐ-CP document with
//! printpdf's low-level operations. This is the start of it: a document with
//! the plan's metadata and one page.

use commplan_core::PlanSummary;
use printpdf::{Mm, PdfDocument, PdfPage, PdfSaveOptions};

/// A4 portrait, in millimetres.
pub const A4: (f32, f32) = (210.0, 297.0);

/// Renders a plan to PDF bytes.
pub fn render(plan: &PlanSummary) -> Vec<u8> {
    let mut doc = PdfDocument::new(&plan.title);
    let page = PdfPage::new(Mm(A4.0), Mm(A4.1), Vec::new());
    let mut warnings = Vec::new();
    doc.with_pages(vec![page])
        .save(&PdfSaveOptions::default(), &mut warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use commplan_core::PlanStatus;

    #[test]
    fn renders_a_pdf() {
        let plan = PlanSummary {
            id: 1,
            unit_id: 1,
            unit_name: "Sở Tư pháp".into(),
            year: 2027,
            status: PlanStatus::Draft,
            title: "Kế hoạch truyền thông chính sách năm 2027".into(),
            updated_at: String::new(),
        };
        let bytes = render(&plan);
        assert!(bytes.starts_with(b"%PDF-"));
    }
}
