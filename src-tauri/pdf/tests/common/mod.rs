//! What the PDF tests share: the sample plan, a rendering written to a
//! folder, and poppler's tools to read it back.

// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use commplan_core::PlanDocument;
use commplan_core::file::PlanFile;
use commplan_pdf::{RenderOptions, render};

/// 26 November 2026, 09:00 UTC: the metadata date of every test rendering.
pub const CREATED: i64 = 1_795_683_600;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn sample() -> PlanDocument {
    let json = std::fs::read_to_string(root().join("assets/sample-plan.json")).expect("sample");
    PlanFile::parse(&json).expect("valid sample").plan
}

/// Renders `doc` into `dir/name`.
pub fn export(doc: &PlanDocument, dir: &Path, name: &str) -> PathBuf {
    let bytes = render(
        doc,
        RenderOptions {
            created_unix: CREATED,
        },
    )
    .expect("render");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write pdf");
    path
}

pub fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed (poppler-utils, qpdf): {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// `pdftotext` of the whole file, with `extra` options.
pub fn text(pdf: &Path, extra: &[&str]) -> String {
    let mut args = extra.to_vec();
    let p = pdf.to_str().expect("path");
    args.extend([p, "-"]);
    run("pdftotext", &args)
}

/// The text of each page in reading order (`pdftotext -raw`, which ends
/// every page with a form feed), as its non-empty lines.
pub fn page_lines(pdf: &Path) -> Vec<Vec<String>> {
    let all = text(pdf, &["-raw"]);
    let mut pages: Vec<Vec<String>> = all
        .split('\u{c}')
        .map(|page| {
            page.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect()
        })
        .collect();
    // After the last form feed there is nothing.
    if pages.last().is_some_and(Vec::is_empty) {
        pages.pop();
    }
    pages
}

pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn pages(pdf: &Path) -> usize {
    run("pdfinfo", &[pdf.to_str().expect("path")])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

/// Fails naming the first of `expected` that `text` lacks, and `text`.
pub fn assert_has(text: &str, expected: &[&str]) {
    for e in expected {
        assert!(text.contains(e), "{e}: {text}");
    }
}

/// The index of the page each of Phụ lục `romans` starts on (its first line).
pub fn appendix_starts(pages: &[Vec<String>], romans: &[&str]) -> Vec<usize> {
    romans
        .iter()
        .map(|r| {
            pages
                .iter()
                .position(|p| p.first().is_some_and(|l| *l == format!("Phụ lục {r}")))
                .unwrap_or_else(|| panic!("Phụ lục {r}"))
        })
        .collect()
}
