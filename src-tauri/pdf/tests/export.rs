//! The exported PDF checked as a reviewer would: with poppler's pdftotext,
//! pdffonts and pdfinfo, and qpdf. The sample plan's text and page count are
//! pinned by a golden file (regenerate with UPDATE_GOLDEN=1); the first pages
//! are rendered to PNG under target/pdf-pages for a person to look at.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use commplan_core::PlanStatus;
use commplan_pdf::{RenderOptions, render};

use common::{CREATED, export, page_lines, pages, root, run, sample, squash, text};

#[test]
fn the_sample_plan_matches_its_golden_text_and_page_count() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = export(&sample(), dir.path(), "sample.pdf");
    let extracted = format!("pages: {}\n{}", pages(&pdf), text(&pdf, &["-raw"]));
    let golden = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/sample.txt");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &extracted).expect("write golden");
    }
    let expected = std::fs::read_to_string(&golden).expect("golden file");
    assert!(
        extracted == expected,
        "the sample PDF's text changed; look at it and run with UPDATE_GOLDEN=1"
    );

    // Pictures of the first pages and of each appendix's first page.
    let out = root().join("target/pdf-pages");
    std::fs::create_dir_all(&out).expect("pictures folder");
    let prefix = out.join("sample");
    run(
        "pdftoppm",
        &[
            "-r",
            "70",
            "-png",
            "-f",
            "1",
            "-l",
            "3",
            pdf.to_str().expect("p"),
            prefix.to_str().expect("p"),
        ],
    );
}

/// The first page's lines (in drawing order) of `doc` rendered.
fn first_page(doc: &commplan_core::PlanDocument) -> Vec<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = export(doc, dir.path(), "header.pdf");
    page_lines(&pdf).swap_remove(0)
}

/// Whether `first` and `second` are two lines of `lines`, one after the other.
fn in_a_row(lines: &[String], first: &str, second: &str) -> bool {
    lines.windows(2).any(|w| w[0] == first && w[1] == second)
}

#[test]
fn the_units_name_breaks_where_a_reader_would_or_where_the_officer_chose() {
    let mut doc = sample();
    let lines = first_page(&doc);
    assert!(
        in_a_row(&lines, "SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"),
        "{lines:?}"
    );
    assert!(lines.iter().all(|l| !l.ends_with("VÀ MÔI")), "{lines:?}");

    // The officer's breaks, typed in any case: printed as the name is.
    doc.fields.header_unit_lines = "Sở Nông nghiệp và\nMôi trường".into();
    doc.fields.subject_lines = "truyền thông chính sách\nnăm 2027".into();
    let lines = first_page(&doc);
    assert!(
        in_a_row(&lines, "SỞ NÔNG NGHIỆP VÀ", "MÔI TRƯỜNG"),
        "{lines:?}"
    );
    assert!(
        in_a_row(&lines, "Truyền thông chính sách", "năm 2027"),
        "{lines:?}"
    );
}

#[test]
fn every_text_entered_can_be_copied_back_with_its_diacritics() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = sample();
    let pdf = export(&doc, dir.path(), "sample.pdf");
    // The pages' own furniture (number, draft mark) is left out, so that a
    // paragraph running onto the next page reads on.
    let all = squash(
        &(1..=pages(&pdf))
            .map(|page| {
                let p = page.to_string();
                text(&pdf, &["-f", &p, "-l", &p, "-raw"])
                    .lines()
                    .enumerate()
                    .filter(|(i, l)| {
                        let furniture = l
                            .split_whitespace()
                            .all(|w| w == p || w == "DỰ" || w == "THẢO");
                        !(*i < 2 && furniture)
                    })
                    .map(|(_, l)| l)
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let f = &doc.fields;
    let mut expected: Vec<&str> = vec![
        &f.title,
        &f.leader_name,
        &f.spokesperson_name,
        &f.signer_name,
    ];
    expected.extend(doc.legal_bases.iter().map(|b| b.text.as_str()));
    expected.extend(doc.policies.iter().map(|p| p.title.as_str()));
    expected.extend(doc.policies.iter().map(|p| p.affected_groups.as_str()));
    expected.extend(doc.activities.iter().map(|a| a.content.as_str()));
    expected.extend(doc.activities.iter().map(|a| a.lead_unit.as_str()));
    expected.extend(doc.press_partners.iter().map(|p| p.tasks.as_str()));
    expected.extend(doc.responsibilities.iter().map(|r| r.unit.as_str()));
    expected.extend(doc.budget_lines.iter().map(|l| l.description.as_str()));
    for para in [
        &f.purposes,
        &f.requirements,
        &f.public_disclosure,
        &f.crisis_procedure,
    ] {
        expected.extend(para.split('\n'));
    }
    for r in &doc.recipients {
        expected.push(r.text.trim_end_matches(['.', ';']));
    }
    for e in expected.iter().filter(|e| !e.trim().is_empty()) {
        let want = squash(e.trim().trim_end_matches(['.', ';']));
        assert!(all.contains(&want), "not found in the PDF's text: {want}");
    }
    assert!(all.contains("Bằng chữ: Sáu trăm mười hai triệu bảy trăm sáu mươi nghìn đồng."));
    assert!(all.contains("612.760.000"));
}

#[test]
fn the_plan_opens_with_last_years_results_and_lists_its_objectives() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut doc = sample();
    let opening = "Năm 2026, Sở Nông nghiệp và Môi trường đã hoàn thành 45/51 hoạt động truyền thông (88,2 %); tổ chức 04 cuộc họp báo.";
    doc.fields.previous_results = opening.into();
    let all = squash(&text(&export(&doc, dir.path(), "opening.pdf"), &["-raw"]));
    let at = |needle: &str| {
        all.find(needle)
            .unwrap_or_else(|| panic!("not in the PDF: {needle}"))
    };
    assert!(at("như sau:") < at("Kết quả thực hiện năm trước"));
    assert!(at("Kết quả thực hiện năm trước") < at(opening));
    assert!(at(opening) < at("I. MỤC ĐÍCH, YÊU CẦU"));
    let first = &doc.objectives[0];
    let listed = format!("- {}: 100 %;", first.name);
    assert!(at("2. Yêu cầu") < at("3. Chỉ tiêu"));
    assert!(at("3. Chỉ tiêu") < at(&listed) && at(&listed) < at("II. NỘI DUNG TRUYỀN THÔNG"));
    let last = doc.objectives.last().expect("objectives");
    assert!(all.contains(&format!("- {}: 70 %.", last.name)));

    // Without them, neither heading.
    doc.fields.previous_results.clear();
    doc.objectives.clear();
    let all = squash(&text(&export(&doc, dir.path(), "plain.pdf"), &["-raw"]));
    assert!(!all.contains("Kết quả thực hiện năm trước") && !all.contains("3. Chỉ tiêu"));
}

#[test]
fn decomposed_text_comes_out_composed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut doc = sample();
    // As typed on a keyboard that sends combining marks; the store keeps NFC,
    // and so must the renderer for any text that reaches it.
    doc.fields.signer_name =
        commplan_core::text::clean("Nguye\u{302}\u{303}n Thi\u{323} Hoa\u{300}");
    let pdf = export(&doc, dir.path(), "nfd.pdf");
    assert!(text(&pdf, &[]).contains("Nguyễn Thị Hoà"));
}

#[test]
fn a_character_the_font_lacks_is_reported_not_dropped() {
    let mut doc = sample();
    doc.fields.title = "Kế hoạch truyền thông 🎉 năm 2027".into();
    let err = render(
        &doc,
        RenderOptions {
            created_unix: CREATED,
        },
    )
    .expect_err("emoji");
    assert!(
        err.message.contains("🎉") && err.message.contains("U+1F389"),
        "{}",
        err.message
    );
}

#[test]
fn fonts_are_embedded_subsets_and_qpdf_finds_no_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = export(&sample(), dir.path(), "sample.pdf");
    let fonts = run("pdffonts", &[pdf.to_str().expect("path")]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 4, "{fonts}");
    for style in [
        "LiberationSerif ",
        "LiberationSerif-Bold ",
        "LiberationSerif-Italic ",
        "LiberationSerif-BoldItalic ",
    ] {
        let row = rows
            .iter()
            .find(|r| r.contains(&format!("+{style}")))
            .unwrap_or_else(|| panic!("{style}: {fonts}"));
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name, type (2 words), encoding, emb, sub, uni, object id, generation
        assert_eq!(&cols[4..7], ["yes", "yes", "yes"], "{row}");
    }
    let check = Command::new("qpdf")
        .args(["--check", pdf.to_str().expect("path")])
        .output()
        .expect("qpdf");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn metadata_names_the_plan_the_unit_and_the_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = export(&sample(), dir.path(), "sample.pdf");
    let info = run("pdfinfo", &[pdf.to_str().expect("path")]);
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}:")))
            .map(str::trim)
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(field("Title"), "Truyền thông chính sách năm 2027");
    assert_eq!(field("Author"), "Sở Nông nghiệp và Môi trường");
    assert!(field("Subject").contains("năm 2027"));
    assert!(field("CreationDate").contains("2026"), "{info}");
    assert_eq!(field("PDF version"), "1.7");
    let bytes = std::fs::read(&pdf).expect("read");
    let lang = bytes
        .windows(5)
        .position(|w| w == b"/Lang")
        .expect("no /Lang in the catalog");
    let after = String::from_utf8_lossy(&bytes[lang..lang + 20]);
    assert!(after.contains("(vi-VN)"), "{after}");
}

#[test]
fn a_draft_is_marked_on_every_page_and_an_approved_plan_nowhere() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut doc = sample();
    let draft = export(&doc, dir.path(), "draft.pdf");
    let n = pages(&draft);
    for page in 1..=n {
        let p = page.to_string();
        assert!(
            text(&draft, &["-f", &p, "-l", &p]).contains("DỰ THẢO"),
            "page {page}"
        );
    }
    doc.status = PlanStatus::Approved;
    let approved = export(&doc, dir.path(), "approved.pdf");
    assert!(!text(&approved, &[]).contains("DỰ THẢO"));
}

/// A word and its box: text, xMin, yMin, xMax, yMax (points from the top left).
type WordBox = (String, f32, f32, f32, f32);

/// Word boxes from `pdftotext -bbox`, per page: (page width, height, words).
fn boxes(pdf: &Path) -> Vec<(f32, f32, Vec<WordBox>)> {
    let html = run("pdftotext", &["-bbox", pdf.to_str().expect("path"), "-"]);
    let attr = |tag: &str, name: &str| -> f32 {
        tag.split(&format!("{name}=\""))
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    };
    let mut out = Vec::new();
    for page in html.split("<page ").skip(1) {
        let head = page.split('>').next().unwrap_or_default();
        let mut words = Vec::new();
        for w in page.split("<word ").skip(1) {
            let tag = w.split('>').next().unwrap_or_default();
            let text = w
                .split('>')
                .nth(1)
                .and_then(|t| t.split('<').next())
                .unwrap_or_default()
                .to_string();
            words.push((
                text,
                attr(tag, "xMin"),
                attr(tag, "yMin"),
                attr(tag, "xMax"),
                attr(tag, "yMax"),
            ));
        }
        out.push((attr(head, "width"), attr(head, "height"), words));
    }
    out
}

#[test]
fn text_stays_inside_the_decree_30_margins_on_every_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = export(&sample(), dir.path(), "sample.pdf");
    let mm = 72.0 / 25.4;
    for (i, (w, h, words)) in boxes(&pdf).into_iter().enumerate() {
        for (text, x0, y0, x1, y1) in words {
            // The page number and the draft mark live in the top margin.
            if text == "DỰ"
                || text == "THẢO"
                || text.chars().all(|c| c.is_ascii_digit()) && y1 < 20.0 * mm
            {
                continue;
            }
            for (inside, outside) in [
                (
                    x0 >= 30.0 * mm - 0.5,
                    format!("starts {x0:.1} pt from the left"),
                ),
                (
                    x1 <= w - 15.0 * mm + 0.5,
                    format!("ends {:.1} pt from the right", w - x1),
                ),
                (y0 >= 20.0 * mm - 3.0, "is in the top margin".to_owned()),
                (
                    y1 <= h - 20.0 * mm + 0.5,
                    "is in the bottom margin".to_owned(),
                ),
            ] {
                assert!(inside, "page {}: “{text}” {outside}", i + 1);
            }
        }
    }
}

#[test]
fn tables_repeat_their_header_on_every_page_they_span() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = export(&sample(), dir.path(), "sample.pdf");
    let n = pages(&pdf);
    let mut in_appendix = None;
    for page in 1..=n {
        let p = page.to_string();
        let t = text(&pdf, &["-f", &p, "-l", &p, "-raw"]);
        if t.contains("(Kèm theo Kế hoạch số") {
            in_appendix = Some(if t.contains("Phụ lục II") {
                "Nội dung chi"
            } else {
                "Nội dung hoạt động"
            });
        }
        if let Some(header) = in_appendix {
            assert!(t.contains(header), "page {page} has no table header");
        }
    }
    assert!(in_appendix.is_some());
}

#[test]
fn a_cell_taller_than_a_page_splits_line_by_line_and_loses_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut doc = sample();
    let long: Vec<String> = (1..=700).map(|i| format!("đoạn{i}")).collect();
    doc.activities[0].content = long.join(" ");
    let pdf = export(&doc, dir.path(), "long.pdf");
    let all = squash(&text(&pdf, &["-raw"]));
    for word in &long {
        assert!(all.contains(word.as_str()), "{word} lost");
    }
    assert!(pages(&pdf) > 29);
}
