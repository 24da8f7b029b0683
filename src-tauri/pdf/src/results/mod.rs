//! The results report: "BÁO CÁO Kết quả thực hiện Kế hoạch truyền thông
//! chính sách 6 tháng đầu năm N" (or "năm N"), issued by the plan's unit in
//! the format of Decree 30/2020/NĐ-CP, built from the official format's
//! builders as the consolidation report is. The plan lends it its header
//! (parent body, unit and their line breaks), place, recipients and
//! signature; the report's texts give its number and date, its symbol is the
//! plan's with "BC" for "KH" and its subject names the period (core's
//! `results::documents`). The body (`body`, its tables in `tables`) tells
//! what was done; the activities and the budget follow as Phụ lục I and II
//! (`appendices`), landscape tables whose header row repeats on every page,
//! each only when it has a line.

mod appendices;
mod body;
mod tables;

use commplan_core::results::ResultsReport;
use commplan_core::results::documents::{report_symbol, subject};
use commplan_core::{AppError, PlanDocument};

use crate::fonts::Fonts;
use crate::layout::PageSpec;
use crate::{Document, Meta, Part, RenderOptions, pages, refuse_missing_characters, to_pdf};

/// The report as a document of the plan's unit, for the official format's
/// builders: the plan's header, place, recipients and signer; the report's
/// number, date, symbol and subject (with the automatic line breaks: the
/// officer's were set for the plan's subject).
fn report_document(doc: &PlanDocument, report: &ResultsReport) -> PlanDocument {
    let mut d = doc.clone();
    d.year = report.year;
    let f = &mut d.fields;
    f.number = report.texts.number.clone();
    f.issue_date = report.texts.issue_date.clone();
    f.symbol = report_symbol(&doc.fields.symbol, &doc.unit.abbreviation);
    f.title = subject(report.period, report.year);
    f.subject_lines = String::new();
    d
}

/// The Roman numerals of the appendices the report has: Phụ lục I for the
/// activities when there is one, then the budget's when it has a line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Appendices {
    pub activities: Option<&'static str>,
    pub budget: Option<&'static str>,
}

impl Appendices {
    fn of(report: &ResultsReport) -> Appendices {
        let mut numerals = ["I", "II"].into_iter();
        let activities = (!report.activities.is_empty())
            .then(|| numerals.next())
            .flatten();
        let budget = (!report.spending.is_empty())
            .then(|| numerals.next())
            .flatten();
        Appendices { activities, budget }
    }
}

/// The report as its parts: the body (portrait), then its appendices
/// (landscape). Never a draft: the report is not reviewed as the plan is.
pub fn results_document(fonts: &Fonts, doc: &PlanDocument, report: &ResultsReport) -> Document {
    let doc = report_document(doc, report);
    let numbers = Appendices::of(report);
    let portrait = PageSpec::a4_portrait();
    let landscape = PageSpec::a4_landscape();
    let mut parts = vec![Part {
        spec: portrait,
        blocks: body::blocks(fonts, &doc, report, numbers, portrait.text_width()),
    }];
    let head = appendices::Head {
        fonts,
        doc: &doc,
        width: landscape.text_width(),
    };
    let appendices = [
        numbers
            .activities
            .map(|r| appendices::activities(head, report, r)),
        numbers.budget.map(|r| appendices::budget(head, report, r)),
    ];
    parts.extend(appendices.into_iter().flatten().map(|blocks| Part {
        spec: landscape,
        blocks,
    }));
    Document {
        parts,
        draft: false,
    }
}

/// The results report's PDF bytes, refusing characters the font lacks.
pub fn results_report(
    doc: &PlanDocument,
    report: &ResultsReport,
    options: RenderOptions,
) -> Result<Vec<u8>, AppError> {
    let fonts = Fonts::shared()?;
    let document = results_document(fonts, doc, report);
    let parts = pages(fonts, document.parts);
    refuse_missing_characters(fonts, &parts)?;
    let title = subject(report.period, report.year);
    let unit = doc.unit.name.trim();
    let meta = Meta {
        subject: format!("Báo cáo {} – {unit}", title.to_lowercase()),
        title,
        author: unit.to_string(),
        keywords: vec![
            "truyền thông chính sách".into(),
            "báo cáo kết quả".into(),
            "Chỉ thị 07/CT-TTg".into(),
        ],
    };
    to_pdf(fonts, &meta, parts, false, options)
}
