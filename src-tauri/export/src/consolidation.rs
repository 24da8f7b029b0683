//! The consolidation's exports: the workbook (core) and the report (pdf),
//! with the names they are offered under. The app (after its "Save as"
//! dialog) and `commplan consolidate` both write these.

use commplan_core::consolidate::{Consolidation, workbook};
use commplan_core::{AppError, Unit};

/// What a consolidation is exported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsolidationExport {
    /// The board and the five views, one sheet each, totals as formulas.
    Xlsx,
    /// The report in the format of Decree 30/2020/NĐ-CP, views as appendices.
    Pdf,
}

impl ConsolidationExport {
    pub fn extension(self) -> &'static str {
        match self {
            ConsolidationExport::Xlsx => "xlsx",
            ConsolidationExport::Pdf => "pdf",
        }
    }

    /// "Tổng hợp kế hoạch truyền thông chính sách năm 2027.pdf".
    pub fn file_name(self, year: i32) -> String {
        format!(
            "{}.{}",
            commplan_core::consolidate::title(year),
            self.extension()
        )
    }
}

/// The bytes of `c` exported as `kind`, `issuer` being the consolidating unit.
pub fn render_consolidation(
    c: &Consolidation,
    issuer: &Unit,
    kind: ConsolidationExport,
) -> Result<Vec<u8>, AppError> {
    match kind {
        ConsolidationExport::Xlsx => workbook(c, issuer),
        ConsolidationExport::Pdf => commplan_pdf::consolidation_report(c, issuer, super::now()),
    }
}
