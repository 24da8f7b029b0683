//! The consolidation report read back with poppler: the official header of
//! the consolidating unit, "BÁO CÁO" and its subject, every unit of the list
//! with its diacritics, the five appendices whose header row repeats on
//! every page, embedded font subsets, no draft mark.

mod common;

use std::path::{Path, PathBuf};

use commplan_core::consolidate::{Consolidation, Input, UnitMapping, consolidate};
use commplan_core::legal::{Law, ProvinceMerges, parse_list};
use commplan_core::planfile::{PlanFileV2, uuid_v4};
use commplan_core::{PlanStatus, Unit};
use commplan_pdf::{RenderOptions, consolidation_report};

use common::{CREATED, appendix_starts, page_lines, run, sample, squash, text};

const UNITS: [&str; 5] = [
    "Sở Nông nghiệp và Môi trường",
    "Sở Tư pháp",
    "Sở Y tế",
    "Sở Xây dựng",
    "Ủy ban nhân dân tỉnh Gia Lai",
];

fn units() -> Vec<Unit> {
    UNITS
        .iter()
        .zip(1..)
        .map(|(name, id)| Unit {
            id,
            name: (*name).to_string(),
            parent_body: if id == 5 {
                String::new()
            } else {
                "Ủy ban nhân dân tỉnh Gia Lai".into()
            },
            abbreviation: if id == 5 {
                "UBND".into()
            } else {
                format!("S{id}")
            },
        })
        .collect()
}

fn law() -> Law {
    let root = common::root();
    let texts = std::fs::read(root.join("assets/legal-texts.json")).expect("legal texts");
    let merges = std::fs::read_to_string(root.join("assets/provinces-2025.json")).expect("merges");
    Law {
        texts: parse_list(&texts).expect("valid").texts,
        merges: ProvinceMerges::parse(&merges).expect("valid"),
    }
}

/// The sample as the submitted plan of the first three units, and one of a
/// unit not in the list.
fn three_units() -> Consolidation {
    let mut inputs = Vec::new();
    for (i, name) in UNITS[..3]
        .iter()
        .chain(["Ban Dân tộc tỉnh"].iter())
        .enumerate()
    {
        let mut doc = sample();
        doc.unit.name = (*name).to_string();
        doc.status = PlanStatus::Submitted;
        let n = u8::try_from(i).expect("few");
        let file = PlanFileV2::of_plan(
            doc,
            uuid_v4([n; 16]),
            Some(1),
            "2026-11-20T02:00:00Z".into(),
            "0.1.0",
        );
        inputs.push(Input {
            name: format!("Kế hoạch 2027 - {name} - lần trình 1.khtt"),
            bytes: file.to_bytes(),
        });
    }
    consolidate(2027, inputs, &units(), &UnitMapping::default(), &law())
}

fn report(dir: &Path) -> PathBuf {
    let c = three_units();
    let issuer = units().pop().expect("the committee");
    let bytes = consolidation_report(
        &c,
        &issuer,
        RenderOptions {
            created_unix: CREATED,
        },
    )
    .expect("render");
    let path = dir.join("bao-cao.pdf");
    std::fs::write(&path, bytes).expect("write");
    path
}

#[test]
fn the_report_is_issued_by_the_consolidating_unit_and_names_every_unit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = report(dir.path());
    let pages = page_lines(&pdf);
    let first = squash(&pages[0].join(" "));
    for expected in [
        "ỦY BAN NHÂN DÂN TỈNH GIA LAI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: /BC-UBND",
        "Gia Lai, ngày",
        "BÁO CÁO",
        "Tổng hợp kế hoạch truyền thông chính sách năm 2027",
        "I. TÌNH HÌNH TIẾP NHẬN KẾ HOẠCH",
        "Đã nhận kế hoạch của 3/5 đơn vị (0 dự thảo, 3 đã trình, 0 đã phê duyệt); chưa nhận: 2.",
    ] {
        assert!(first.contains(expected), "{expected}: {first}");
    }
    let all = squash(&text(&pdf, &["-raw"]));
    for unit in UNITS.iter().chain(["Ban Dân tộc tỉnh"].iter()) {
        assert!(all.contains(unit), "{unit}");
    }
    assert!(all.contains("Chưa nhận"));
    assert!(all.contains("QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ"), "{all}");
    // No draft stamp (the policies' appendix names draft documents).
    for page in [&pages[0], &pages[pages.len() - 1]] {
        assert!(!page.iter().any(|l| l.contains("DỰ THẢO")), "{page:?}");
    }
    // Three sample plans: 3 × 612.760.000 đồng proposed.
    assert!(all.contains("Tổng cộng 1.838.280.000 957.000.000"), "{all}");
}

#[test]
fn each_view_is_an_appendix_whose_header_repeats_on_every_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = report(dir.path());
    let pages = page_lines(&pdf);
    let starts = appendix_starts(&pages, &["I", "II", "III", "IV", "V"]);
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
    let head = squash(&pages[starts[0]].join(" "));
    assert!(
        head.contains("SỐ HOẠT ĐỘNG TRUYỀN THÔNG THEO HÌNH THỨC, GIAI ĐOẠN VÀ THÁNG"),
        "{head}"
    );
    assert!(
        head.contains(
            "(Kèm theo Báo cáo số /BC-UBND ngày / /2027 của Ủy ban nhân dân tỉnh Gia Lai)"
        ),
        "{head}"
    );
    // Tables that take several pages repeat their header row on each.
    for (from, to, header) in [
        (starts[0], starts[1], "Số hoạt động Số đơn vị"),
        (starts[1], starts[2], "Dự thảo văn bản"),
    ] {
        assert!(to - from >= 2, "{starts:?}");
        for page in &pages[from..to] {
            let page = squash(&page.join(" "));
            assert!(page.contains(header), "{header}: {page}");
        }
    }
    let counts = squash(&pages[starts[0]..starts[1]].concat().join(" "));
    // Three sample plans: 153 activities in all.
    assert!(counts.contains("Tổng cộng"), "{counts}");
    assert!(counts.contains(" 153 "), "{counts}");
    let press = squash(&pages[starts[3]..starts[4]].concat().join(" "));
    assert!(
        press.contains("Báo và Phát thanh, Truyền hình Gia Lai"),
        "{press}"
    );
    let last = squash(&pages.last().expect("pages").join(" "));
    assert!(
        last.contains("Tổng cộng 1.838.280.000 957.000.000"),
        "{last}"
    );
}

#[test]
fn the_reports_fonts_are_embedded_subsets() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = report(dir.path());
    let fonts = run("pdffonts", &[pdf.to_str().expect("path")]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert!(cols[0].contains("+LiberationSerif"), "{row}");
        assert_eq!(&cols[4..7], ["yes", "yes", "yes"], "{row}");
    }
    let info = run("pdfinfo", &[pdf.to_str().expect("path")]);
    assert!(
        info.contains("Author:          Ủy ban nhân dân tỉnh Gia Lai"),
        "{info}"
    );
}
