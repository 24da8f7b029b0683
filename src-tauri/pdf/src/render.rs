//! Laid-out pages to printpdf operations, with page numbers, the draft mark and
//! the document's metadata.

use commplan_core::{AppError, PlanDocument};
use printpdf::{
    Color, DateTime, FontId, Line, LinePoint, Mm, Op, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rgb, TextItem,
};

use crate::RenderOptions;
use crate::document::DRAFT_MARK;
use crate::fonts::{Fonts, Style};
use crate::layout::{Draw, MM, Page, TextRun};

fn black() -> Color {
    Color::Rgb(Rgb {
        r: 0.0,
        g: 0.0,
        b: 0.0,
        icc_profile: None,
    })
}

fn red() -> Color {
    Color::Rgb(Rgb {
        r: 0.75,
        g: 0.08,
        b: 0.08,
        icc_profile: None,
    })
}

fn text_ops(ops: &mut Vec<Op>, ids: &[FontId], run: &TextRun, page_h: f32) {
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFont {
        font: PdfFontHandle::External(ids[run.style.index()].clone()),
        size: Pt(run.size),
    });
    ops.push(Op::SetTextCursor {
        pos: Point {
            x: Pt(run.x),
            y: Pt(page_h - run.y),
        },
    });
    // Words run together into one string up to each justification offset.
    let mut items = Vec::with_capacity(run.pieces.len() * 2);
    let mut text = String::new();
    for (piece, extra) in &run.pieces {
        text.push_str(piece);
        if *extra > 0.0 {
            items.push(TextItem::Text(std::mem::take(&mut text)));
            // TJ offsets are thousandths of the font size; negative moves right.
            items.push(TextItem::Offset(-extra * 1000.0 / run.size));
        }
    }
    if !text.is_empty() {
        items.push(TextItem::Text(text));
    }
    ops.push(Op::ShowText { items });
    ops.push(Op::EndTextSection);
}

fn line_ops(ops: &mut Vec<Op>, points: &[(f32, f32)], closed: bool, width: f32, page_h: f32) {
    ops.push(Op::SetOutlineThickness { pt: Pt(width) });
    ops.push(Op::DrawLine {
        line: Line {
            points: points
                .iter()
                .map(|(x, y)| LinePoint {
                    p: Point {
                        x: Pt(*x),
                        y: Pt(page_h - y),
                    },
                    bezier: false,
                })
                .collect(),
            is_closed: closed,
        },
    });
}

fn page_ops(
    fonts: &Fonts,
    ids: &[FontId],
    page: &Page,
    number: Option<usize>,
    draft: bool,
) -> Vec<Op> {
    let h = page.spec.height;
    let mut ops = vec![
        Op::SetFillColor { col: black() },
        Op::SetOutlineColor { col: black() },
    ];
    if let Some(n) = number {
        let text = n.to_string();
        let size = 13.0;
        let w = fonts.width(Style::Regular, size, &text);
        text_ops(
            &mut ops,
            ids,
            &TextRun {
                x: (page.spec.width - w) / 2.0,
                y: 12.0 * MM,
                size,
                style: Style::Regular,
                pieces: vec![(text, 0.0)],
            },
            h,
        );
    }
    if draft {
        let size = 13.0;
        let w = fonts.width(Style::Bold, size, DRAFT_MARK);
        let (pad_x, pad_y) = (6.0, 4.0);
        let x = page.spec.width - page.spec.right - w - 2.0 * pad_x;
        let y = 7.0 * MM;
        let bw = w + 2.0 * pad_x;
        let bh = size + 2.0 * pad_y;
        ops.push(Op::SetFillColor { col: red() });
        ops.push(Op::SetOutlineColor { col: red() });
        line_ops(
            &mut ops,
            &[(x, y), (x + bw, y), (x + bw, y + bh), (x, y + bh)],
            true,
            1.2,
            h,
        );
        text_ops(
            &mut ops,
            ids,
            &TextRun {
                x: x + pad_x,
                y: y + pad_y + size * 0.8,
                size,
                style: Style::Bold,
                pieces: vec![(DRAFT_MARK.to_string(), 0.0)],
            },
            h,
        );
        ops.push(Op::SetFillColor { col: black() });
        ops.push(Op::SetOutlineColor { col: black() });
    }
    for d in &page.draws {
        match d {
            Draw::Text(run) => text_ops(&mut ops, ids, run, h),
            Draw::Line {
                x1,
                y1,
                x2,
                y2,
                width,
            } => line_ops(&mut ops, &[(*x1, *y1), (*x2, *y2)], false, *width, h),
            Draw::Stamp { run, .. } => text_ops(&mut ops, ids, run, h),
        }
    }
    ops
}

/// What a PDF's metadata says of it.
#[derive(Debug, Clone)]
pub struct Meta {
    pub title: String,
    /// The issuing unit.
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
}

impl Meta {
    /// A plan's: its title, its unit, "Kế hoạch truyền thông chính sách năm N – unit".
    pub fn of_plan(doc: &PlanDocument) -> Meta {
        Meta {
            title: doc.fields.title.trim().to_string(),
            author: doc.unit.name.trim().to_string(),
            subject: format!(
                "Kế hoạch truyền thông chính sách năm {} – {}",
                doc.year,
                doc.unit.name.trim()
            ),
            keywords: vec!["truyền thông chính sách".into(), "Chỉ thị 07/CT-TTg".into()],
        }
    }
}

/// The PDF bytes of laid-out parts: page numbers from the second page of each
/// part, "DỰ THẢO" on every page of a draft, metadata, language vi-VN.
pub fn to_pdf(
    fonts: &Fonts,
    meta: &Meta,
    parts: Vec<Vec<Page>>,
    draft: bool,
    options: RenderOptions,
) -> Result<Vec<u8>, AppError> {
    let mut pdf = PdfDocument::new(&meta.title);
    let ids: Vec<FontId> = fonts.parsed.iter().map(|f| pdf.add_font(f)).collect();
    let mut pages = Vec::new();
    // Each laid-out page is dropped as soon as it is turned into operations.
    for part in parts {
        for (i, page) in part.into_iter().enumerate() {
            let number = (i > 0).then_some(i + 1);
            pages.push(PdfPage::new(
                Mm(page.spec.width / MM),
                Mm(page.spec.height / MM),
                page_ops(fonts, &ids, &page, number, draft),
            ));
        }
    }
    let created = DateTime::from_unix_timestamp(options.created_unix)
        .map_err(|_| AppError::internal("Ngày tạo văn bản không hợp lệ."))?;
    let info = &mut pdf.metadata.info;
    info.document_title = meta.title.clone();
    info.author = meta.author.clone();
    info.subject = meta.subject.clone();
    info.creator = "commplan".to_string();
    info.producer = "commplan".to_string();
    info.keywords = meta.keywords.clone();
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;
    // printpdf's own optimising pass compresses at the slowest level; the
    // finishing pass below compresses every stream at a fast level instead.
    let options = PdfSaveOptions {
        optimize: false,
        ..PdfSaveOptions::default()
    };
    let lo = pdf
        .with_pages(pages)
        .to_lopdf_document(&options, &mut Vec::new());
    // The operations are in the lopdf document now: free them before compressing.
    drop(pdf);
    finish(lo)
}

/// What printpdf does not write: PDF 1.7 in the header, /Lang (vi-VN) in the
/// catalog, and compressed streams.
fn finish(mut doc: lopdf::Document) -> Result<Vec<u8>, AppError> {
    use std::io::Write;

    let failed =
        |e: lopdf::Error| AppError::internal(format!("Không hoàn tất được tệp PDF ({e})."));
    doc.version = "1.7".to_string();
    doc.catalog_mut()
        .map_err(failed)?
        .set("Lang", lopdf::Object::string_literal("vi-VN"));
    for object in doc.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = object
            && stream.dict.get(b"Filter").is_err()
            && stream.content.len() > 64
        {
            let mut encoder = flate2::write::ZlibEncoder::new(
                Vec::with_capacity(stream.content.len() / 3),
                flate2::Compression::fast(),
            );
            if encoder.write_all(&stream.content).is_ok()
                && let Ok(packed) = encoder.finish()
            {
                stream
                    .dict
                    .set("Filter", lopdf::Object::Name(b"FlateDecode".to_vec()));
                stream.set_content(packed);
            }
        }
    }
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .map_err(|e| AppError::internal(format!("Không ghi được tệp PDF ({e}).")))?;
    Ok(out)
}
