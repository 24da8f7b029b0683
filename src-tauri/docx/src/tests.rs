//! The Word file as Word reads it: the parts of the sample plan's .docx,
//! unzipped, looked for what a reader sees (the header's lines as the PDF
//! breaks them, tables whose header row repeats, pages, the draft mark).

use std::io::{Cursor, Read};

use commplan_core::file::PlanFile;
use commplan_core::{PlanDocument, PlanStatus};

use super::*;

fn sample() -> PlanDocument {
    PlanFile::parse(include_str!("../../../assets/sample-plan.json"))
        .expect("sample")
        .plan
}

const OPTIONS: RenderOptions = RenderOptions {
    created_unix: 1_795_683_600,
};

/// The text of every part of the .docx, by its name in the zip.
fn parts(doc: &PlanDocument) -> Vec<(String, String)> {
    let bytes = render(doc, OPTIONS).expect("render");
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).expect("entry");
            let mut text = String::new();
            file.read_to_string(&mut text).expect("UTF-8 XML");
            (file.name().expect("name").to_string(), text)
        })
        .collect()
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    parts
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, t)| t.as_str())
        .unwrap_or_else(|| panic!("no {name}"))
}

/// A run's text: its lines with a line break between them.
fn lines_in_a_run(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| format!(r#"<w:t xml:space="preserve">{l}</w:t>"#))
        .collect::<Vec<_>>()
        .join(r#"<w:br w:type="textWrapping" />"#)
}

#[test]
fn the_header_names_break_into_the_pdfs_lines() {
    let mut doc = sample();
    let parts = parts(&doc);
    let xml = part(&parts, "word/document.xml");
    let names = commplan_pdf::header_preview(&doc).expect("header");
    assert_eq!(names.unit.lines, ["SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"]);
    let parent = names.parent.expect("a parent body");
    for lines in [&parent.lines, &names.unit.lines, &names.subject.lines] {
        let run = lines_in_a_run(lines);
        assert!(xml.contains(&run), "not in document.xml: {run}");
    }
    for fixed in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số:      /KH-SNNMT",
        "KẾ HOẠCH",
        "Nơi nhận:",
        "KT. GIÁM ĐỐC",
    ] {
        assert!(xml.contains(fixed), "{fixed}");
    }

    // The officer's own breaks are the Word file's too.
    doc.fields.header_unit_lines = "Sở Nông nghiệp và\nMôi trường".into();
    let parts = self::parts(&doc);
    let run = lines_in_a_run(&["SỞ NÔNG NGHIỆP VÀ".into(), "MÔI TRƯỜNG".into()]);
    assert!(part(&parts, "word/document.xml").contains(&run));
}

/// The `<w:tbl>` elements of `xml`, each up to its end (tables are not
/// nested in this document's body).
fn tables(xml: &str) -> Vec<&str> {
    xml.split("<w:tbl>")
        .skip(1)
        .map(|t| t.split("</w:tbl>").next().unwrap_or(""))
        .collect()
}

#[test]
fn both_appendix_tables_repeat_their_header_row_and_only_it() {
    let parts = parts(&sample());
    let xml = part(&parts, "word/document.xml");
    let all = tables(xml);
    // The header's columns, the closing's columns, Phụ lục I, Phụ lục II.
    assert_eq!(all.len(), 4);
    let repeating: Vec<&&str> = all
        .iter()
        .filter(|t| t.contains("<w:tblHeader />"))
        .collect();
    assert_eq!(repeating.len(), 2);
    assert!(repeating[0].contains("Nội dung hoạt động"));
    assert!(repeating[1].contains("Nội dung chi"));
    for t in repeating {
        let rows: Vec<&str> = t.split("<w:tr>").skip(1).collect();
        assert!(rows[0].contains("<w:tblHeader />"), "the first row repeats");
        assert!(rows[1..].iter().all(|r| !r.contains("<w:tblHeader />")));
        assert!(t.contains(r#"<w:tblLayout w:type="fixed" />"#));
    }
    assert_eq!(xml.matches("<w:tblHeader />").count(), 2);
    assert!(!xml.contains("<w:trHeight"), "no mark is left");
}

#[test]
fn pages_are_a4_with_the_decree_margins_and_numbered_per_part() {
    let parts = parts(&sample());
    let xml = part(&parts, "word/document.xml");
    let sections: Vec<&str> = xml.split("<w:sectPr>").skip(1).collect();
    assert_eq!(sections.len(), 3, "the main text and two appendices");
    let orient = |s: &str, o: &str| s.contains(&format!(r#"w:orient="{o}""#));
    assert!(orient(sections[0], "portrait") && sections[0].contains(r#"w:w="11906""#));
    for s in &sections[1..] {
        assert!(orient(s, "landscape") && s.contains(r#"w:w="16838" w:h="11906""#));
    }
    for s in &sections {
        // 20 mm top and bottom, 15 mm right, 30 mm left.
        assert!(
            s.contains(r#"w:top="1134" w:right="850" w:bottom="1134" w:left="1701""#),
            "{s}"
        );
        assert!(s.contains(r#"<w:pgNumType w:start="1" />"#));
        assert!(
            s.contains("<w:titlePg />"),
            "no number on a part's first page"
        );
        assert!(s.contains(r#"<w:headerReference w:type="default" r:id="rIdHeader1" />"#));
        assert!(s.contains(r#"<w:headerReference w:type="first" r:id="rIdHeader2" />"#));
    }
    let styles = part(&parts, "word/styles.xml");
    assert!(styles.contains(r#"w:ascii="Times New Roman""#));
    assert!(styles.contains(r#"<w:lang w:val="vi-VN" />"#));
    let usual = part(&parts, "word/header1.xml");
    assert!(usual.contains("<w:instrText>PAGE</w:instrText>"));
    assert!(!part(&parts, "word/header2.xml").contains("PAGE"));
}

#[test]
fn a_draft_is_marked_on_every_page_and_an_approved_plan_nowhere() {
    let mut doc = sample();
    let parts = parts(&doc);
    for header in ["word/header1.xml", "word/header2.xml"] {
        assert!(part(&parts, header).contains("DỰ THẢO"), "{header}");
    }
    doc.status = PlanStatus::Approved;
    let parts = self::parts(&doc);
    assert!(parts.iter().all(|(_, text)| !text.contains("DỰ THẢO")));
}

#[test]
fn text_is_escaped_and_amounts_read_as_in_the_pdf() {
    let mut doc = sample();
    doc.fields.purposes = "Giá < 5 & > 3 \"đồng\"".into();
    let parts = parts(&doc);
    let xml = part(&parts, "word/document.xml");
    assert!(xml.contains("Giá &lt; 5 &amp; &gt; 3"), "escaped");
    assert!(xml.contains(">612.760.000<"));
    assert!(xml.contains("Sáu trăm mười hai triệu bảy trăm sáu mươi nghìn đồng"));
}
