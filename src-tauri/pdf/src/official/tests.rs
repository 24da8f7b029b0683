//! Tests of the header lines: the number and symbol (the place and date are
//! core's `dates::place_and_date`), and the reference units' names broken at
//! the header's column width in the document's font.

use commplan_core::file::PlanFile;
use commplan_core::header_lines::HeaderPreview;

use super::*;
use crate::layout::PageSpec;

#[test]
fn number_and_symbol_leave_room_for_the_registry() {
    assert_eq!(number_and_symbol("12", "KH-STTTT"), "Số: 12/KH-STTTT");
    assert_eq!(number_and_symbol("", "KH-STTTT"), "Số:      /KH-STTTT");
}

/// The header's names of the sample plan issued by `unit` under `parent`.
fn names(unit: &str, parent: &str, width: f32) -> HeaderPreview {
    let mut doc = PlanFile::parse(include_str!("../../../../assets/sample-plan.json"))
        .expect("sample")
        .plan;
    doc.unit.name = unit.into();
    doc.unit.parent_body = parent.into();
    let fonts = Fonts::load().expect("fonts");
    header_lines(&fonts, &doc, width)
}

/// Each reference unit of assets/units.json and the lines its name is set
/// in at the header's width (12-point bold in the left column).
const UNITS: [(&str, &[&str]); 12] = [
    (
        "Sở Văn hóa, Thể thao và Du lịch",
        &["SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"],
    ),
    ("Sở Khoa học và Công nghệ", &["SỞ KHOA HỌC VÀ CÔNG NGHỆ"]),
    ("Sở Tư pháp", &["SỞ TƯ PHÁP"]),
    ("Sở Tài chính", &["SỞ TÀI CHÍNH"]),
    ("Sở Nội vụ", &["SỞ NỘI VỤ"]),
    ("Sở Y tế", &["SỞ Y TẾ"]),
    ("Sở Giáo dục và Đào tạo", &["SỞ GIÁO DỤC VÀ ĐÀO TẠO"]),
    (
        "Sở Nông nghiệp và Môi trường",
        &["SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"],
    ),
    ("Sở Xây dựng", &["SỞ XÂY DỰNG"]),
    ("Sở Công Thương", &["SỞ CÔNG THƯƠNG"]),
    (
        "Văn phòng Ủy ban nhân dân tỉnh",
        &["VĂN PHÒNG", "ỦY BAN NHÂN DÂN TỈNH"],
    ),
    (
        "Ủy ban nhân dân tỉnh Gia Lai",
        &["ỦY BAN NHÂN DÂN TỈNH GIA LAI"],
    ),
];

const GIA_LAI: &str = "Ủy ban nhân dân tỉnh Gia Lai";

#[test]
fn the_reference_units_break_where_a_reader_would() {
    let units = include_str!("../../../../assets/units.json");
    assert_eq!(
        units.matches("\"name\":").count(),
        UNITS.len(),
        "every reference unit is in the table"
    );
    let width = PageSpec::a4_portrait().text_width();
    for (unit, expected) in UNITS {
        assert!(units.contains(&format!("\"name\": \"{unit}\"")), "{unit}");
        let names = names(unit, GIA_LAI, width);
        assert_eq!(names.unit.lines, expected, "{unit}");
        assert!(names.unit.bold && !names.unit.custom);
        let parent = names.parent.expect("a parent body");
        assert_eq!(parent.lines, ["ỦY BAN NHÂN DÂN TỈNH GIA LAI"]);
        assert!(!parent.bold);
    }
    // The province's own committee has no parent body.
    assert_eq!(names(GIA_LAI, "", width).parent, None);
}

#[test]
fn a_name_that_needs_two_lines_breaks_before_the_province() {
    // A column a fifth narrower than the header's.
    let width = PageSpec::a4_portrait().text_width() * 0.8;
    let names = names("Sở Khoa học và Công nghệ", GIA_LAI, width);
    assert_eq!(
        names.parent.expect("parent").lines,
        ["ỦY BAN NHÂN DÂN", "TỈNH GIA LAI"]
    );
    assert_eq!(names.unit.lines, ["SỞ KHOA HỌC", "VÀ CÔNG NGHỆ"]);
    assert_eq!(
        self::names(GIA_LAI, "", width).unit.lines,
        ["ỦY BAN NHÂN DÂN", "TỈNH GIA LAI"]
    );
}

#[test]
fn a_long_subject_breaks_into_even_lines_at_a_phrase() {
    let mut doc = PlanFile::parse(include_str!("../../../../assets/sample-plan.json"))
        .expect("sample")
        .plan;
    doc.fields.title = "Truyền thông chính sách về nông nghiệp, nông thôn và môi trường trên địa bàn tỉnh Gia Lai năm 2027".into();
    let fonts = Fonts::load().expect("fonts");
    let subject = header_lines(&fonts, &doc, PageSpec::a4_portrait().text_width()).subject;
    assert_eq!(
        subject.lines,
        [
            "Truyền thông chính sách về nông nghiệp, nông thôn",
            "và môi trường trên địa bàn tỉnh Gia Lai năm 2027"
        ]
    );
    assert!((subject.size - 14.0).abs() < f32::EPSILON && subject.bold);
}
