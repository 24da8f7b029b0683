//! The files commplan writes for people to take away: the official PDF of a
//! plan and its budget workbook, and a consolidation's workbook and report. Each is assembled here once — the name it is
//! offered under, its time stamp, its bytes, and the atomic write — and both
//! the app (after its "Save as" dialog) and the command line call this.

mod consolidation;
mod files;

use std::path::Path;

use commplan_core::budget::BudgetView;
use commplan_core::{AppError, PlanDocument};
use commplan_store::Store;

pub use consolidation::{ConsolidationExport, render_consolidation};
pub use files::{write_atomically, write_atomically_with};

/// What can be exported from a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The plan in the format of Decree 30/2020/NĐ-CP.
    PlanPdf,
    /// The budget estimate as an Excel workbook with formula totals.
    BudgetXlsx,
}

impl ExportKind {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportKind::PlanPdf => "pdf",
            ExportKind::BudgetXlsx => "xlsx",
        }
    }

    /// The name of the file type, for a "Save as" dialog's filter.
    pub fn type_name(self) -> &'static str {
        match self {
            ExportKind::PlanPdf => "PDF",
            ExportKind::BudgetXlsx => "Excel",
        }
    }

    /// The name the file is offered under, e.g. "Kế hoạch truyền thông chính
    /// sách 2027 - Sở Nông nghiệp và Môi trường.pdf".
    pub fn file_name(self, doc: &PlanDocument) -> String {
        let what = match self {
            ExportKind::PlanPdf => "Kế hoạch truyền thông chính sách",
            ExportKind::BudgetXlsx => "Dự toán kinh phí",
        };
        format!(
            "{what} {} - {}.{}",
            doc.year,
            doc.unit.name,
            self.extension()
        )
    }
}

/// An export rendered and ready to be written: everything that can fail
/// because of the plan's content (a character the font cannot print …) has
/// failed before anyone is asked where to save.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub kind: ExportKind,
    /// The name to offer in a "Save as" dialog.
    pub file_name: String,
    pub bytes: Vec<u8>,
}

impl Prepared {
    /// Writes the file whole or not at all.
    pub fn write(&self, path: &Path) -> Result<(), AppError> {
        write_atomically(path, &self.bytes)
    }
}

/// Seconds since the Unix epoch: the creation date written into a PDF.
fn now_unix() -> i64 {
    chrono::Utc::now().timestamp()
}

/// What an export is made from, read from the database. Reading is quick and
/// needs the store; rendering ([`Source::render`]) is slower and does not, so
/// the app renders without holding the database.
#[derive(Debug, Clone)]
pub enum Source {
    PlanPdf(Box<PlanDocument>),
    BudgetXlsx(Box<(PlanDocument, BudgetView)>),
}

/// Reads what plan `plan_id` needs to be exported as `kind`.
pub fn read(store: &Store, plan_id: i64, kind: ExportKind) -> Result<Source, AppError> {
    let doc = store.plan_document(plan_id)?;
    Ok(match kind {
        ExportKind::PlanPdf => Source::PlanPdf(Box::new(doc)),
        ExportKind::BudgetXlsx => Source::BudgetXlsx(Box::new((doc, store.budget_view(plan_id)?))),
    })
}

impl Source {
    /// The file's bytes and the name to offer for it.
    pub fn render(&self) -> Result<Prepared, AppError> {
        let (kind, doc, bytes) = match self {
            Source::PlanPdf(doc) => {
                let options = commplan_pdf::RenderOptions {
                    created_unix: now_unix(),
                };
                let bytes = commplan_pdf::render(doc, options)?;
                (ExportKind::PlanPdf, &**doc, bytes)
            }
            Source::BudgetXlsx(both) => {
                let (doc, view) = &**both;
                let bytes = commplan_core::xlsx::budget_workbook(doc, view)?;
                (ExportKind::BudgetXlsx, doc, bytes)
            }
        };
        Ok(Prepared {
            kind,
            file_name: kind.file_name(doc),
            bytes,
        })
    }
}

/// Renders plan `plan_id` as `kind` and writes it to `path`, whole or not at all.
pub fn export(store: &Store, plan_id: i64, kind: ExportKind, path: &Path) -> Result<(), AppError> {
    read(store, plan_id, kind)?.render()?.write(path)
}
