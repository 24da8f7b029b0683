//! The files commplan writes for people to take away: the official PDF of a
//! plan, its Word copy and its budget workbook, its results report (PDF and
//! workbook), and a consolidation's workbook and report. Each is assembled here once — the name it is offered under, its
//! time stamp, its bytes, and the atomic write — and both the app (after its
//! "Save as" dialog) and the command line call this.

mod consolidation;
mod files;

use std::path::Path;

use commplan_core::budget::BudgetView;
use commplan_core::results::{Period, ResultsReport};
use commplan_core::{AppError, ErrorCode, PlanDocument};
use commplan_store::Store;

pub use consolidation::{ConsolidationExport, render_consolidation};
pub use files::{write_atomically, write_atomically_with};

/// What can be exported from a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The plan in the format of Decree 30/2020/NĐ-CP.
    PlanPdf,
    /// The same document as a Word file, for a leader to edit before signing.
    PlanWord,
    /// The budget estimate as an Excel workbook with formula totals.
    BudgetXlsx,
    /// The results report of a period (BÁO CÁO kết quả), Decree 30's format.
    ResultsPdf(Period),
    /// The same report as an Excel workbook with formula totals.
    ResultsXlsx(Period),
}

impl ExportKind {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportKind::PlanPdf | ExportKind::ResultsPdf(_) => "pdf",
            ExportKind::PlanWord => "docx",
            ExportKind::BudgetXlsx | ExportKind::ResultsXlsx(_) => "xlsx",
        }
    }

    /// The name of the file type, for a "Save as" dialog's filter.
    pub fn type_name(self) -> &'static str {
        match self {
            ExportKind::PlanPdf | ExportKind::ResultsPdf(_) => "PDF",
            ExportKind::PlanWord => "Word",
            ExportKind::BudgetXlsx | ExportKind::ResultsXlsx(_) => "Excel",
        }
    }

    /// The plan's export a file name asks for by its extension (in any
    /// case): `.pdf` the official PDF, `.docx` the Word copy; any other is
    /// refused, naming both.
    pub fn plan_for(path: &Path) -> Result<ExportKind, AppError> {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase);
        match extension.as_deref() {
            Some("pdf") => Ok(ExportKind::PlanPdf),
            Some("docx") => Ok(ExportKind::PlanWord),
            _ => Err(AppError::new(
                ErrorCode::Validation,
                format!(
                    "Không biết xuất “{}” ra định dạng nào: tên tệp phải kết thúc bằng .pdf (bản PDF) hoặc .docx (bản Word).",
                    path.display()
                ),
            )),
        }
    }

    /// The name the file is offered under, e.g. "Kế hoạch truyền thông chính
    /// sách 2027 - Sở Nông nghiệp và Môi trường.pdf", "Báo cáo kết quả
    /// truyền thông chính sách 6 tháng đầu năm 2026 - ….pdf".
    pub fn file_name(self, doc: &PlanDocument) -> String {
        let what = match self {
            ExportKind::PlanPdf | ExportKind::PlanWord => {
                format!("Kế hoạch truyền thông chính sách {}", doc.year)
            }
            ExportKind::BudgetXlsx => format!("Dự toán kinh phí {}", doc.year),
            ExportKind::ResultsPdf(period) | ExportKind::ResultsXlsx(period) => format!(
                "Báo cáo kết quả truyền thông chính sách {}",
                period.label_vi(doc.year)
            ),
        };
        format!("{what} - {}.{}", doc.unit.name, self.extension())
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

/// Now, the creation date written into a PDF or a Word file.
fn now() -> commplan_pdf::RenderOptions {
    commplan_pdf::RenderOptions {
        created_unix: chrono::Utc::now().timestamp(),
    }
}

/// What an export is made from, read from the database. Reading is quick and
/// needs the store; rendering ([`Source::render`]) is slower and does not, so
/// the app renders without holding the database.
#[derive(Debug, Clone)]
pub enum Source {
    PlanPdf(Box<PlanDocument>),
    PlanWord(Box<PlanDocument>),
    BudgetXlsx(Box<(PlanDocument, BudgetView)>),
    /// The plan and its results report of a period, as a PDF or a workbook.
    Results(ExportKind, Box<(PlanDocument, ResultsReport)>),
}

/// Reads what plan `plan_id` needs to be exported as `kind`.
pub fn read(store: &Store, plan_id: i64, kind: ExportKind) -> Result<Source, AppError> {
    let doc = store.plan_document(plan_id)?;
    Ok(match kind {
        ExportKind::PlanPdf => Source::PlanPdf(Box::new(doc)),
        ExportKind::PlanWord => Source::PlanWord(Box::new(doc)),
        ExportKind::BudgetXlsx => Source::BudgetXlsx(Box::new((doc, store.budget_view(plan_id)?))),
        ExportKind::ResultsPdf(period) | ExportKind::ResultsXlsx(period) => {
            commplan_core::results::report_allowed(doc.status)?;
            let results = store.plan_results(plan_id)?;
            let report = commplan_core::results::report(&doc, &results, period);
            Source::Results(kind, Box::new((doc, report)))
        }
    })
}

impl Source {
    /// The file's bytes and the name to offer for it.
    pub fn render(&self) -> Result<Prepared, AppError> {
        let (kind, doc, bytes) = match self {
            Source::PlanPdf(doc) => {
                let bytes = commplan_pdf::render(doc, now())?;
                (ExportKind::PlanPdf, &**doc, bytes)
            }
            Source::PlanWord(doc) => {
                let bytes = commplan_docx::render(doc, now())?;
                (ExportKind::PlanWord, &**doc, bytes)
            }
            Source::BudgetXlsx(both) => {
                let (doc, view) = &**both;
                let bytes = commplan_core::xlsx::budget_workbook(doc, view)?;
                (ExportKind::BudgetXlsx, doc, bytes)
            }
            Source::Results(kind, both) => {
                let (doc, report) = &**both;
                let bytes = match kind {
                    ExportKind::ResultsXlsx(_) => {
                        commplan_core::results::xlsx::results_workbook(report, &doc.unit.name)?
                    }
                    _ => commplan_pdf::results_report(doc, report, now())?,
                };
                (*kind, doc, bytes)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_chooses_the_plans_format() {
        let kind = |name: &str| ExportKind::plan_for(Path::new(name));
        assert_eq!(kind("kế hoạch.pdf"), Ok(ExportKind::PlanPdf));
        assert_eq!(kind("KH.PDF"), Ok(ExportKind::PlanPdf));
        assert_eq!(kind("thư mục/kế hoạch.docx"), Ok(ExportKind::PlanWord));
        assert_eq!(kind("KH.Docx"), Ok(ExportKind::PlanWord));
        for refused in ["kế hoạch.doc", "kế hoạch.odt", "kế hoạch", "pdf"] {
            let err = kind(refused).expect_err(refused);
            assert_eq!(err.code, ErrorCode::Validation);
            assert!(err.message.contains(".pdf") && err.message.contains(".docx"));
            assert!(err.message.contains(refused), "{}", err.message);
        }
    }

    #[test]
    fn the_word_copy_is_offered_under_the_pdfs_name() {
        let doc =
            commplan_core::file::PlanFile::parse(include_str!("../../../assets/sample-plan.json"))
                .expect("sample")
                .plan;
        let pdf = ExportKind::PlanPdf.file_name(&doc);
        let word = ExportKind::PlanWord.file_name(&doc);
        assert!(pdf.ends_with(".pdf") && word.ends_with(".docx"));
        assert_eq!(pdf.trim_end_matches(".pdf"), word.trim_end_matches(".docx"));
        assert_eq!(ExportKind::PlanWord.type_name(), "Word");
    }
}
