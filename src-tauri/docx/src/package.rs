//! The .docx file: docx-rs builds the parts, two marks are put right in
//! them, and the parts are zipped.
//!
//! - docx-rs (0.4) writes no `w:tblHeader`, the row property that repeats a
//!   table's header row on every page: the header rows carry a mark instead
//!   (a height of one twip "at least", [`HEADER_ROW_MARK`]), replaced here.
//! - docx-rs writes no language: Vietnamese (`vi-VN`) is set on the
//!   document's default run properties, so Word checks the spelling in
//!   Vietnamese.

use std::io::Cursor;

use commplan_core::AppError;
use commplan_pdf::RenderOptions;
use docx_rs::Docx;

use crate::blocks::HEADER_ROW_MARK;

/// What docx-rs writes for a header row's mark.
fn header_row_mark() -> String {
    format!(r#"<w:trHeight w:val="{HEADER_ROW_MARK}" w:hRule="atLeast" />"#)
}

const REPEAT_HEADER_ROW: &str = "<w:tblHeader />";
const DEFAULT_RUN_END: &str = "</w:rPr></w:rPrDefault>";
const VIETNAMESE: &str = r#"<w:lang w:val="vi-VN" />"#;

fn broken(what: &str) -> AppError {
    AppError::internal(format!("Không tạo được tệp Word ({what})."))
}

/// `document.xml` with every header row's mark made `w:tblHeader`.
pub(crate) fn repeat_header_rows(document: &[u8]) -> Result<Vec<u8>, AppError> {
    let xml = std::str::from_utf8(document).map_err(|_| broken("document.xml"))?;
    Ok(xml
        .replace(&header_row_mark(), REPEAT_HEADER_ROW)
        .into_bytes())
}

/// `styles.xml` with Vietnamese as the document's language.
fn in_vietnamese(styles: &[u8]) -> Result<Vec<u8>, AppError> {
    let xml = std::str::from_utf8(styles).map_err(|_| broken("styles.xml"))?;
    if !xml.contains(DEFAULT_RUN_END) {
        return Err(broken("styles.xml"));
    }
    Ok(xml
        .replacen(
            DEFAULT_RUN_END,
            &format!("{VIETNAMESE}{DEFAULT_RUN_END}"),
            1,
        )
        .into_bytes())
}

/// The bytes of the .docx file, dated as `options` say.
pub(crate) fn pack(docx: Docx, options: RenderOptions) -> Result<Vec<u8>, AppError> {
    let date = chrono::DateTime::from_timestamp(options.created_unix, 0)
        .ok_or_else(|| AppError::internal("Ngày tạo văn bản không hợp lệ."))?
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    let mut xml = docx.created_at(&date).updated_at(&date).build();
    xml.document = repeat_header_rows(&xml.document)?;
    xml.styles = in_vietnamese(&xml.styles)?;
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| broken(&e.to_string()))?;
    Ok(out.into_inner())
}
