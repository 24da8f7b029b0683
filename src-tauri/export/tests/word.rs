//! The Word copy read back as a reader's word processor shows it: the sample
//! plan exported as .docx and as PDF, the .docx converted to PDF by
//! LibreOffice (headless, with a profile of its own in a temporary folder),
//! and both PDFs read with poppler's pdftotext. Every paragraph and every
//! table cell of the document (the model both files are written from) must
//! be found, in order and with every diacritic, in both texts; pictures of
//! both files' pages land in target/word-pages for a person to compare.
//!
//! Needs LibreOffice Writer and the Liberation fonts (Times New Roman's
//! metrics and every Vietnamese letter): `scripts/setup.sh` installs
//! libreoffice-writer-nogui, fonts-liberation2 and poppler-utils.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use commplan_export::ExportKind;
use commplan_pdf::fonts::Fonts;
use commplan_pdf::layout::Block;
use commplan_store::Store;
use unicode_normalization::UnicodeNormalization;

/// White space as one space, NFC: how a text is compared.
fn normal(text: &str) -> String {
    text.nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every paragraph and table cell of `blocks`, in reading order.
fn texts(blocks: &[Block], out: &mut Vec<String>) {
    let para = |p: &commplan_pdf::layout::Para| {
        normal(&p.spans.iter().map(|s| s.text.as_str()).collect::<String>())
    };
    for b in blocks {
        match b {
            Block::Para(p) => out.push(para(p)),
            Block::Table(t) => {
                for cell in t.header.iter().chain(t.rows.iter().flat_map(|r| &r.cells)) {
                    out.extend(cell.paras.iter().map(para));
                }
            }
            Block::Columns(cols) => cols.iter().for_each(|(_, bs)| texts(bs, out)),
            Block::Keep(bs) => texts(bs, out),
            Block::Space(_) | Block::Rule { .. } => {}
        }
    }
    out.retain(|t| !t.is_empty());
}

fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed (scripts/setup.sh installs it): {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The text of a PDF below the page number and the draft mark (both lie in
/// the top margin, above 16 mm; the text starts at 20 mm), so that a
/// paragraph running onto the next page reads on.
fn body_text(pdf: &Path) -> String {
    // 16 mm in points; the width and height reach past any A4 page.
    let top = (16.0_f32 * 72.0 / 25.4).round().to_string();
    let text = run(
        "pdftotext",
        &[
            "-raw",
            "-r",
            "72",
            "-x",
            "0",
            "-y",
            &top,
            "-W",
            "1000",
            "-H",
            "1000",
            pdf.to_str().expect("path"),
            "-",
        ],
    );
    normal(&text)
}

/// Converts `docx` to PDF in `dir` with LibreOffice, with a profile of its
/// own there so that runs side by side never share one; gives the PDF.
fn libreoffice_pdf(docx: &Path, dir: &Path) -> PathBuf {
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let mut child = Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            dir.to_str().expect("dir"),
            docx.to_str().expect("docx"),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect(
            "LibreOffice is needed: apt-get install libreoffice-writer-nogui (scripts/setup.sh)",
        );
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for soffice") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(300) {
            let _ = child.kill();
            panic!("LibreOffice took more than 5 minutes to convert the file");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "soffice failed: {status}");
    let pdf = dir.join(docx.with_extension("pdf").file_name().expect("name"));
    assert!(pdf.exists(), "LibreOffice wrote no PDF");
    pdf
}

/// Finds each text in `haystack` after the one before it; gives the first
/// text not found there, with what follows the last one found.
fn missing_in_order<'a>(texts: &'a [String], haystack: &str) -> Option<(&'a str, String)> {
    let mut at = 0;
    for t in texts {
        match haystack[at..].find(t.as_str()) {
            Some(i) => at += i + t.len(),
            None => return Some((t, haystack[at..].chars().take(300).collect())),
        }
    }
    None
}

/// Pictures of the pages a reader compares: the first, a Phụ lục I page, a
/// Phụ lục II page and the signature's page, of both files.
fn pictures(ours: &Path, word: &Path) {
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/word-pages");
    std::fs::create_dir_all(&out).expect("pictures folder");
    for (pdf, name) in [(ours, "pdf"), (word, "word")] {
        let prefix = out.join(name);
        run(
            "pdftoppm",
            &[
                "-png",
                "-r",
                "60",
                pdf.to_str().expect("p"),
                prefix.to_str().expect("p"),
            ],
        );
    }
}

#[test]
fn the_word_copy_says_what_the_pdf_says_in_libreoffice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("plans.sqlite3")).expect("store");
    let id = store.create_sample().expect("sample").id;
    let (pdf, docx) = (
        dir.path().join("kế hoạch.pdf"),
        dir.path().join("kế hoạch.docx"),
    );
    commplan_export::export(&store, id, ExportKind::PlanPdf, &pdf).expect("pdf");
    commplan_export::export(&store, id, ExportKind::PlanWord, &docx).expect("docx");

    let converted = libreoffice_pdf(&docx, &dir.path().join("word"));
    let fonts = run("pdffonts", &[converted.to_str().expect("p")]);
    for line in fonts.lines().skip(2) {
        assert!(
            line.contains("LiberationSerif"),
            "a font other than Times New Roman's (Liberation Serif) stands in: {line}"
        );
    }

    let doc = store.plan_document(id).expect("plan");
    let document = commplan_pdf::document(&Fonts::load().expect("fonts"), &doc).expect("model");
    let mut all = Vec::new();
    for part in &document.parts {
        texts(&part.blocks, &mut all);
    }
    assert!(
        all.len() > 300,
        "the sample has every section and both appendices"
    );
    for (what, file) in [("our PDF", &pdf), ("the Word copy", &converted)] {
        if let Some((text, after)) = missing_in_order(&all, &body_text(file)) {
            panic!("not found in order in {what}: «{text}»\nafter the last found: «{after}»");
        }
    }
    println!("{} paragraphs and cells found in both, in order", all.len());
    pictures(&pdf, &converted);
}
