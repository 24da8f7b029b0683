//! The consolidation report: "BÁO CÁO Tổng hợp kế hoạch truyền thông chính
//! sách năm N" in the format of Decree 30/2020/NĐ-CP (symbol BC), issued by
//! the consolidating unit, built from the official format's header, table
//! and signature builders. Its body is the board (who sent what, in which
//! state, with what budget) and a summary of each view; the views follow as
//! Phụ lục I–V, landscape tables whose header row repeats on every page:
//! the activities counted by channel, stage and month (every activity is
//! listed in the workbook), then the policies, the people, the press orders
//! and the budget row by row.
//! The parts are laid out in parallel.

mod appendices;
mod body;

use commplan_core::consolidate::{Consolidation, ViewKind, ViewPage, ViewQuery, title};
use commplan_core::{AppError, PlanDocument, PlanFields, PlanStatus, Recipient, Unit};

use crate::fonts::Fonts;
use crate::layout::{Flow, Page, PageSpec};
use crate::{Meta, RenderOptions, refuse_missing_characters, to_pdf};

/// The report as a document of the consolidating unit, for the official
/// format's builders: the unit, the symbol "BC-…", its province as the
/// place, the title as the subject, a signature to complete by hand.
fn report_document(c: &Consolidation, issuer: &Unit) -> PlanDocument {
    let symbol = match issuer.abbreviation.trim() {
        "" => "BC".to_string(),
        a => format!("BC-{a}"),
    };
    let recipients = ["Các đơn vị có kế hoạch được tổng hợp", "Lưu: VT"];
    PlanDocument {
        id: 0,
        unit: issuer.clone(),
        year: c.year(),
        status: PlanStatus::Draft,
        updated_at: String::new(),
        fields: PlanFields {
            symbol,
            place: issuer.province().unwrap_or_default(),
            title: title(c.year()),
            signer_position: "Quyền hạn, chức vụ\ncủa người ký".into(),
            ..PlanFields::default()
        },
        legal_bases: Vec::new(),
        policies: Vec::new(),
        activities: Vec::new(),
        focal_officers: Vec::new(),
        trainings: Vec::new(),
        press_partners: Vec::new(),
        responsibilities: Vec::new(),
        reports: Vec::new(),
        recipients: recipients
            .iter()
            .zip(1..)
            .map(|(text, id)| Recipient {
                id,
                text: (*text).to_string(),
            })
            .collect(),
        channels: Vec::new(),
        budget_lines: Vec::new(),
        budget_categories: Vec::new(),
        funding_sources: Vec::new(),
        objectives: Vec::new(),
    }
}

/// The pages of the report: the body (portrait), then Phụ lục I–V
/// (landscape), each part numbered on its own and laid out on its own thread.
pub fn report_layout(fonts: &Fonts, c: &Consolidation, issuer: &Unit) -> Vec<Vec<Page>> {
    let doc = report_document(c, issuer);
    // Phụ lục I counts the activities; the list of them is the workbook's.
    let pages: Vec<ViewPage> = ViewKind::ALL
        .iter()
        .map(|kind| match kind {
            ViewKind::Activities => c.view(&ViewQuery {
                limit: 1,
                ..ViewQuery::all(*kind)
            }),
            _ => c.view(&ViewQuery::all(*kind)),
        })
        .collect();
    let counts = c.activity_counts();
    let board = c.board();
    std::thread::scope(|s| {
        let main = s.spawn(|| {
            let spec = PageSpec::a4_portrait();
            let mut flow = Flow::new(fonts, spec);
            flow.add_all(&body::blocks(
                fonts,
                &doc,
                &board,
                &pages,
                spec.text_width(),
            ));
            flow.pages
        });
        let appendices: Vec<_> = pages
            .iter()
            .enumerate()
            .map(|(i, page)| {
                let (doc, counts) = (&doc, &counts);
                s.spawn(move || {
                    let spec = PageSpec::a4_landscape();
                    let mut flow = Flow::new(fonts, spec);
                    let width = spec.text_width();
                    let blocks = match i {
                        0 => appendices::counts(fonts, doc, counts, width),
                        _ => appendices::appendix(fonts, doc, i, page, width),
                    };
                    flow.add_all(&blocks);
                    flow.pages
                })
            })
            .collect();
        std::iter::once(main)
            .chain(appendices)
            .map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// The report's PDF bytes, refusing characters the font lacks.
pub fn consolidation_report(
    c: &Consolidation,
    issuer: &Unit,
    options: RenderOptions,
) -> Result<Vec<u8>, AppError> {
    let fonts = Fonts::shared()?;
    let parts = report_layout(fonts, c, issuer);
    refuse_missing_characters(fonts, &parts)?;
    let meta = Meta {
        title: title(c.year()),
        author: issuer.name.trim().to_string(),
        subject: format!("Báo cáo {}", title(c.year()).to_lowercase()),
        keywords: vec![
            "truyền thông chính sách".into(),
            "báo cáo tổng hợp".into(),
            "Chỉ thị 07/CT-TTg".into(),
        ],
    };
    to_pdf(fonts, &meta, parts, false, options)
}
