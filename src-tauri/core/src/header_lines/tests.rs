//! The line-breaking rule with a simple measure (one unit per character, a
//! space included), the officer's breaks and their refusal. The names at the
//! PDF's real column width and font are tested in the pdf crate.

use super::*;

fn count(s: &str) -> f32 {
    s.chars().count() as f32
}

/// `text` broken automatically in a column `width` characters wide.
fn auto(text: &str, width: f32) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut at = 0;
    breaking::automatic(&words, width, &count)
        .into_iter()
        .map(|n| {
            at += n;
            words[at - n..at].join(" ")
        })
        .collect()
}

fn sample() -> PlanDocument {
    crate::file::PlanFile::parse(include_str!("../../../../assets/sample-plan.json"))
        .expect("sample plan")
        .plan
}

fn column(width: f32) -> Column<'static> {
    Column {
        width,
        size: 12.0,
        bold: true,
        measure: &count,
    }
}

#[test]
fn a_unit_breaks_before_va_not_inside_moi_truong() {
    // Greedy filling gives "SỞ NÔNG NGHIỆP VÀ MÔI / TRƯỜNG" at 22.
    for width in [17.0, 20.0, 22.0, 26.0] {
        assert_eq!(
            auto("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", width),
            ["SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"],
            "at {width}"
        );
    }
    assert_eq!(
        auto("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", 40.0),
        ["SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"],
        "one line when it fits"
    );
}

#[test]
fn a_list_of_fields_keeps_va_with_the_last_one_and_the_longer_line_above() {
    for text in [
        "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
        // The old placing of the tone mark is the same word.
        "SỞ VĂN HOÁ, THỂ THAO VÀ DU LỊCH",
    ] {
        let lines = auto(text, 22.0);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].ends_with("THỂ THAO"), "{lines:?}");
        assert_eq!(lines[1], "VÀ DU LỊCH");
    }
    assert_eq!(
        auto("SỞ KHOA HỌC VÀ CÔNG NGHỆ", 16.0),
        ["SỞ KHOA HỌC", "VÀ CÔNG NGHỆ"]
    );
    assert_eq!(
        auto("SỞ GIÁO DỤC VÀ ĐÀO TẠO", 16.0),
        ["SỞ GIÁO DỤC", "VÀ ĐÀO TẠO"]
    );
}

#[test]
fn a_place_stays_whole_after_its_kind() {
    assert_eq!(
        auto("ỦY BAN NHÂN DÂN TỈNH GIA LAI", 30.0),
        ["ỦY BAN NHÂN DÂN TỈNH GIA LAI"]
    );
    for width in [16.0, 20.0, 24.0] {
        assert_eq!(
            auto("ỦY BAN NHÂN DÂN TỈNH GIA LAI", width),
            ["ỦY BAN NHÂN DÂN", "TỈNH GIA LAI"],
            "at {width}"
        );
    }
    assert_eq!(
        auto("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", 26.0),
        ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"]
    );
}

#[test]
fn no_word_is_left_alone_and_no_line_ends_on_a_word_that_leans_on_the_next() {
    // Greedy: "Kế hoạch truyền thông chính sách năm" / "2027".
    assert_eq!(
        auto("Kế hoạch truyền thông chính sách năm 2027", 36.0),
        ["Kế hoạch truyền thông chính sách", "năm 2027"]
    );
    // "XÃ HỘI" is a word, not a commune: no new line before "XÃ".
    assert_eq!(
        auto("SỞ LAO ĐỘNG, THƯƠNG BINH VÀ XÃ HỘI", 26.0),
        ["SỞ LAO ĐỘNG, THƯƠNG BINH", "VÀ XÃ HỘI"]
    );
    let units = [
        "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
        "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH",
        "ỦY BAN NHÂN DÂN TỈNH GIA LAI",
    ];
    let compounds = [
        "NÔNG NGHIỆP",
        "MÔI TRƯỜNG",
        "VĂN HÓA",
        "THỂ THAO",
        "DU LỊCH",
        "KHOA HỌC",
        "CÔNG NGHỆ",
        "VĂN PHÒNG",
        "ỦY BAN",
        "NHÂN DÂN",
        "GIA LAI",
    ];
    for unit in units {
        for width in 14..40 {
            let lines = auto(unit, width as f32);
            let joined = lines.join(" / ");
            for (i, line) in lines.iter().enumerate() {
                assert!(line.contains(' '), "{unit} at {width}: {joined}");
                for leaning in ["VÀ", "TỈNH", "CỦA"] {
                    let last = i + 1 == lines.len();
                    assert!(
                        last || !line.ends_with(leaning),
                        "{unit} at {width}: {joined}"
                    );
                }
            }
            for c in compounds {
                let (first, second) = c.split_once(' ').expect("two words");
                assert!(
                    !joined.contains(&format!("{first} / {second}")),
                    "{unit} at {width}: {joined}"
                );
            }
        }
    }
}

#[test]
fn the_officers_breaks_are_used_when_they_break_this_name() {
    let mut doc = sample();
    let unit = |doc: &PlanDocument| set(HeaderName::Unit, doc, &column(40.0));
    let auto = unit(&doc);
    assert_eq!(auto.lines, ["SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"]);
    assert!(!auto.custom && !auto.outdated);
    assert_eq!(auto.field, "headerUnitLines");

    // Case, spacing and the Unicode form of the officer's text do not matter.
    doc.fields.header_unit_lines = "Sở Nông nghiệp và\n  Mo\u{302}i trường".into();
    let custom = unit(&doc);
    assert_eq!(custom.lines, ["SỞ NÔNG NGHIỆP VÀ", "MÔI TRƯỜNG"]);
    assert!(custom.custom && !custom.outdated && !custom.too_wide);

    // A line wider than the column is broken further by the rule.
    let narrow = set(HeaderName::Unit, &doc, &column(16.0));
    assert_eq!(narrow.lines, ["SỞ NÔNG NGHIỆP", "VÀ", "MÔI TRƯỜNG"]);
    assert!(narrow.custom && narrow.too_wide);

    // The unit renamed since: the breaks no longer match; automatic again.
    doc.unit.name = "Sở Tài chính".into();
    let renamed = unit(&doc);
    assert_eq!(renamed.lines, ["SỞ TÀI CHÍNH"]);
    assert!(!renamed.custom && renamed.outdated);
}

#[test]
fn breaks_of_another_text_are_refused_in_vietnamese() {
    let mut doc = sample();
    doc.fields.header_unit_lines = "SỞ NÔNG NGHIỆP\nVÀ MÔI TRƯỜNG".into();
    assert!(check_breaks(&doc, HeaderName::Unit).is_ok());
    doc.fields.header_unit_lines = "SỞ NÔNG NGHIỆP\nVÀ PHÁT TRIỂN NÔNG THÔN".into();
    let err = check_breaks(&doc, HeaderName::Unit).expect_err("another text");
    assert_eq!(err.code, crate::ErrorCode::Validation);
    assert!(
        err.message
            .starts_with("Ngắt dòng tên đơn vị: chỉ đổi được chỗ xuống dòng"),
        "{}",
        err.message
    );
    assert!(err.message.contains("“SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG”"));
    // A word left out is another text too; empty is automatic.
    doc.fields.header_unit_lines = "SỞ NÔNG NGHIỆP\nVÀ MÔI".into();
    assert!(check_breaks(&doc, HeaderName::Unit).is_err());
    doc.fields.header_unit_lines = String::new();
    assert!(check_breaks(&doc, HeaderName::Unit).is_ok());

    // The subject breaks the title, or the default subject while it is empty.
    doc.fields.title = String::new();
    doc.fields.subject_lines = "Truyền thông chính sách\nnăm 2027".into();
    assert!(check_breaks(&doc, HeaderName::Subject).is_ok());
    assert_eq!(
        subject(&doc.fields, 2027),
        "Truyền thông chính sách năm 2027"
    );
}

#[test]
fn breaks_are_stored_tidy() {
    assert_eq!(
        tidy("  SỞ  NÔNG NGHIỆP \n\n VÀ MÔI   TRƯỜNG \n"),
        "SỞ NÔNG NGHIỆP\nVÀ MÔI TRƯỜNG"
    );
    assert_eq!(tidy(" \n "), "");
    assert_eq!(
        tidy("SỞ NÔNG NGHIỆP\r\nVÀ MÔI TRƯỜNG"),
        "SỞ NÔNG NGHIỆP\nVÀ MÔI TRƯỜNG"
    );
}

/// Every name of `doc` set in a 30-character column.
fn all_set(doc: &PlanDocument) -> Vec<HeaderLines> {
    HeaderName::ALL
        .iter()
        .map(|&name| set(name, doc, &column(30.0)))
        .collect()
}

/// `doc` with the plan field `key` changed: a text changed, a code turned into
/// another one, a number one more, a yes/no turned over.
fn with_field_changed(doc: &PlanDocument, key: &str) -> PlanDocument {
    let fields = serde_json::to_value(&doc.fields).expect("fields as JSON");
    let candidates: Vec<serde_json::Value> = match &fields[key] {
        serde_json::Value::String(s) => vec![format!("{s} KHÁC").into(), "direct".into()],
        serde_json::Value::Number(n) => vec![(n.as_i64().unwrap_or(0) + 1).into()],
        serde_json::Value::Bool(b) => vec![(!b).into()],
        other => panic!("{key}: a plan field of an unexpected kind: {other}"),
    };
    candidates
        .into_iter()
        .filter(|value| *value != fields[key])
        .find_map(|value| {
            let mut fields = fields.clone();
            fields[key] = value;
            let mut changed = doc.clone();
            changed.fields = serde_json::from_value(fields).ok()?;
            Some(changed)
        })
        .unwrap_or_else(|| panic!("{key}: no other value found"))
}

#[test]
fn the_header_is_set_from_its_plan_fields_and_from_no_other() {
    let doc = sample();
    let before = all_set(&doc);
    let fields = serde_json::to_value(&doc.fields).expect("fields as JSON");
    let keys: Vec<&String> = fields.as_object().expect("an object").keys().collect();
    for key in &keys {
        let after = all_set(&with_field_changed(&doc, key));
        if HeaderName::PLAN_FIELDS.contains(&key.as_str()) {
            assert_ne!(after, before, "{key} changes the header");
        } else {
            assert_eq!(after, before, "{key} leaves the header as it was");
        }
    }
    for field in HeaderName::PLAN_FIELDS {
        assert!(keys.iter().any(|k| *k == field), "{field} is a plan field");
    }
}
