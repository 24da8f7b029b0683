//! Legal texts: the shipped list, force in a year, supersession, defaults of
//! a new plan, what a basis cites, validation, and hostile list files.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

const SHIPPED: &[u8] = include_bytes!("../../../../assets/legal-texts.json");
const MERGES: &str = include_str!("../../../../assets/provinces-2025.json");

fn shipped() -> Vec<LegalText> {
    parse_list(SHIPPED)
        .expect("the shipped list is valid")
        .texts
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
}

fn get<'a>(texts: &'a [LegalText], id: &str) -> &'a LegalText {
    texts.iter().find(|t| t.id == id).expect("in the list")
}

/// A made-up text for the rules (numbers of a session "QH99" that never sat).
fn made_up(id: &str, number: &str, date: &str, from: &str, until: &str) -> LegalText {
    let input = LegalTextInput {
        kind: "Luật".into(),
        number: number.into(),
        date: date.into(),
        issuer: "Quốc hội".into(),
        title: "Luật Thử nghiệm".into(),
        in_force_from: from.into(),
        in_force_until: until.into(),
        replaced_by: None,
        governs: "thử nghiệm".into(),
        citation: format!("Luật Thử nghiệm số {number}"),
        cite_by_default: true,
    };
    LegalText::from_input(id, &input, &[]).expect("valid")
}

fn ids(texts: &[&LegalText]) -> Vec<String> {
    texts.iter().map(|t| t.id.clone()).collect()
}

#[test]
fn the_shipped_list_reads_whole_with_its_sources() {
    let list = parse_list(SHIPPED).expect("valid");
    assert_eq!(list.updated, Some(day(2026, 12, 1)));
    assert_eq!(list.texts.len(), 11);
    assert!(
        list.texts.iter().all(|t| !t.sources.is_empty()),
        "every text has a source"
    );
    let press = get(&list.texts, "luat-bao-chi-2025");
    assert_eq!(press.number, "126/2025/QH15");
    assert_eq!(press.in_force_from, Some(day(2026, 7, 1)));
    assert_eq!(press.citation, "Luật Báo chí ngày 10 tháng 12 năm 2025");
    // What could not be confirmed stays unknown.
    let old = get(&list.texts, "luat-bao-chi-2016");
    assert_eq!(
        (old.in_force_until, old.replaced_by.as_deref()),
        (None, None)
    );
    assert!(list.texts.iter().all(|t| !t.number.contains("765")));
    let merges = ProvinceMerges::parse(MERGES).expect("valid");
    assert_eq!(merges.from, Some(day(2025, 7, 1)));
    assert_eq!(merges.merges[0].formed_from, ["Gia Lai", "Bình Định"]);
}

#[test]
fn in_force_in_a_year_counts_any_day_of_it() {
    let t = made_up("a", "1/2020/QH99", "2020-01-01", "2026-07-01", "2028-01-01");
    assert!(!t.in_force_in(2025));
    assert!(t.in_force_in(2026) && t.in_force_in(2027));
    assert!(!t.in_force_in(2028), "it ends on the first day of 2028");
    assert!(t.not_yet_in_force(2025) && !t.not_yet_in_force(2026));
    assert!(t.ended_before(2028) && !t.ended_before(2027));
    assert!(t.in_force_on(day(2026, 7, 1)) && !t.in_force_on(day(2026, 6, 30)));
    let unknown = made_up("b", "2/2020/QH99", "2020-01-01", "", "");
    assert!(unknown.in_force_in(2000) && unknown.in_force_in(2100));
}

#[test]
fn a_newer_text_of_the_same_field_supersedes_without_claiming_a_repeal() {
    let texts = shipped();
    let old = get(&texts, "luat-bao-chi-2016");
    let by = superseded_in(&texts, old, 2027).expect("superseded in 2027");
    assert_eq!(by, Supersession::Newer(get(&texts, "luat-bao-chi-2025")));
    assert_eq!(
        superseded_in(&texts, old, 2025),
        None,
        "the 2025 law is not in force in 2025"
    );
    assert_eq!(
        superseded_in(&texts, get(&texts, "luat-bao-chi-2025"), 2027),
        None
    );
    // The decree of 2017 stays: nothing newer governs the same.
    assert_eq!(
        superseded_in(&texts, get(&texts, "nghi-dinh-09-2017-nd-cp"), 2027),
        None
    );
}

#[test]
fn a_stated_replacement_in_force_comes_first_and_empty_fields_never_match() {
    let mut old = made_up("cu", "1/2020/QH99", "2020-01-01", "2020-07-01", "");
    let stated = made_up("thay", "2/2026/QH99", "2026-01-01", "2027-01-01", "");
    let newer = made_up("moi", "3/2025/QH99", "2025-01-01", "2025-07-01", "");
    old.replaced_by = Some("thay".into());
    let texts = vec![old.clone(), stated.clone(), newer.clone()];
    assert_eq!(
        superseded_in(&texts, &old, 2027),
        Some(Supersession::Replaced(&texts[1]))
    );
    // Before the stated replacement is in force, the newer text of the field.
    assert_eq!(
        superseded_in(&texts, &old, 2026),
        Some(Supersession::Newer(&texts[2]))
    );
    let mut unrelated = texts.clone();
    unrelated[2].governs = String::new();
    unrelated[0].governs = String::new();
    assert_eq!(superseded_in(&unrelated, &unrelated[0], 2026), None);
    let mut other_kind = texts;
    other_kind[2].kind = "Nghị định".into();
    assert_eq!(superseded_in(&other_kind, &other_kind[0], 2026), None);
}

#[test]
fn a_new_plan_cites_what_is_in_force_in_its_year_laws_first() {
    let texts = shipped();
    assert_eq!(
        ids(&cited_by_default(&texts, 2027)),
        [
            "luat-tiep-can-thong-tin-2016",
            "luat-ban-hanh-vbqppl-2025",
            "luat-bao-chi-2025",
            "nghi-dinh-09-2017-nd-cp",
            "quyet-dinh-407-qd-ttg-2022",
            "chi-thi-07-ct-ttg-2023",
        ]
    );
    let in_2025 = ids(&cited_by_default(&texts, 2025));
    assert_eq!(
        in_2025[..3],
        [
            "luat-bao-chi-2016",
            "luat-tiep-can-thong-tin-2016",
            "luat-ban-hanh-vbqppl-2025"
        ]
    );
    let in_2024 = ids(&cited_by_default(&texts, 2024));
    assert!(
        !in_2024.contains(&"luat-ban-hanh-vbqppl-2025".to_string()),
        "{in_2024:?}"
    );
}

#[test]
fn a_basis_cites_the_first_document_it_names() {
    let texts = shipped();
    let cited = |basis: &str| cited_text(basis, &texts).map(|t| t.id.as_str());
    for (basis, id) in [
        ("Luật Báo chí ngày 05 tháng 4 năm 2016", "luat-bao-chi-2016"),
        (
            "Luật Báo chí ngày 10 tháng 12 năm 2025",
            "luat-bao-chi-2025",
        ),
        (
            "luật báo chí ngày 5/4/2016 (sửa đổi, bổ sung năm 2018)",
            "luat-bao-chi-2016",
        ),
        ("Luật Báo chí số 126/2025/QH15", "luat-bao-chi-2025"),
        (
            "Nghị định số 9 / 2017 / nđ–cp ngày 09/02/2017",
            "nghi-dinh-09-2017-nd-cp",
        ),
        ("Chi\u{309} thi\u{323} 7/CT-TTg", "chi-thi-07-ct-ttg-2023"),
        (
            "Quyết định số 407/QĐ-TTg ngày 30/3/2022",
            "quyet-dinh-407-qd-ttg-2022",
        ),
    ] {
        assert_eq!(cited(basis), Some(id), "{basis}");
    }
    for basis in [
        "Luật Báo chí",
        "Luật Báo chí ngày 01 tháng 01 năm 2020",
        "Chỉ thị số 107/CT-TTg",
        "Chỉ thị số 07/CT-TTgX",
        "Công văn số 1372/UBND-KGVX ngày 26 tháng 5 năm 2023 của Ủy ban nhân dân tỉnh Gia Lai về việc triển khai Chỉ thị số 07/CT-TTg",
        "Kế hoạch số 5/KH-UBND ngày 01/3/2026 triển khai Luật Báo chí ngày 05 tháng 4 năm 2016",
        "",
    ] {
        assert_eq!(cited(basis), None, "{basis}");
    }
    assert_eq!(
        dates_in("ngày 05 tháng 4 năm 2016, ngày 21/3/2023; 30/02/2023; ngày“"),
        [day(2016, 4, 5), day(2023, 3, 21)]
    );
}

#[test]
fn a_former_province_gets_cu_after_its_first_mention() {
    let merges = ProvinceMerges::parse(MERGES).expect("valid");
    let after = day(2027, 1, 1);
    let basis = "Kế hoạch số 1295/KH-UBND ngày 17 tháng 6 năm 2022 của Ủy ban nhân dân tỉnh Gia Lai triển khai trên địa bàn tỉnh Gia Lai";
    let found = former_province(basis, &merges, after).expect("a former province");
    assert_eq!(
        (found.name.as_str(), found.now_in.as_str()),
        ("Gia Lai", "Gia Lai")
    );
    assert_eq!(
        found.fixed,
        "Kế hoạch số 1295/KH-UBND ngày 17 tháng 6 năm 2022 của Ủy ban nhân dân tỉnh Gia Lai (cũ) triển khai trên địa bàn tỉnh Gia Lai"
    );
    assert_eq!(former_province(&found.fixed, &merges, after), None);
    let binh_dinh = "Quyết định số 2/QĐ-UBND ngày 02/01/2024 của UBND TỈNH BÌNH ĐỊNH";
    let found = former_province(binh_dinh, &merges, after).expect("Bình Định");
    assert_eq!(found.now_in, "Gia Lai");
    assert_eq!(found.fixed, format!("{binh_dinh} (cũ)"));
    for (basis, written) in [
        (basis, day(2025, 6, 30)),
        (
            "Kế hoạch số 318/KH-UBND ngày 01 tháng 7 năm 2025 của UBND tỉnh Gia Lai",
            after,
        ),
        ("Kế hoạch của UBND tỉnh Gia Lai", after),
        (
            "Kế hoạch số 9/KH-UBND ngày 02/01/2024 của UBND tỉnh Gia Lai ( Cũ )",
            after,
        ),
        (
            "Kế hoạch số 9/KH-UBND ngày 02/01/2024 của UBND tỉnh Kon Tum",
            after,
        ),
    ] {
        assert_eq!(former_province(basis, &merges, written), None, "{basis}");
    }
    assert_eq!(
        former_province(basis, &ProvinceMerges::default(), after),
        None
    );
}

fn input() -> LegalTextInput {
    LegalTextInput {
        kind: "Nghị định".into(),
        number: "1/2030/NĐ-CP".into(),
        date: "3/2/2030".into(),
        title: "Quy định thử".into(),
        citation: "Nghị định số 1/2030/NĐ-CP".into(),
        ..LegalTextInput::default()
    }
}

#[test]
fn a_text_is_validated_as_typed_text() {
    let t = LegalText::from_input("nd-1", &input(), &[]).expect("valid");
    assert_eq!(t.date, day(2030, 2, 3));
    assert_eq!(t.input().date, "03/02/2030");
    let nfd = LegalTextInput {
        title: "  Quy \u{111}i\u{323}nh  ".into(),
        ..input()
    };
    assert_eq!(
        LegalText::from_input("x", &nfd, &[]).expect("valid").title,
        "Quy định"
    );
    let refused = |change: fn(&mut LegalTextInput), id: &str| {
        let mut i = input();
        change(&mut i);
        LegalText::from_input(id, &i, &[])
            .expect_err("refused")
            .message
    };
    assert_eq!(
        refused(|i| i.kind = " ".into(), "x"),
        "Hãy nhập loại văn bản."
    );
    assert!(refused(|i| i.title = "a\u{7}b".into(), "x").contains("U+0007"));
    assert!(refused(|i| i.title = "a\u{202E}b".into(), "x").contains("U+202E"));
    assert!(refused(|i| i.title = "a\nb".into(), "x").contains("một dòng"));
    assert!(refused(|i| i.title = "Vui 😀".into(), "x").contains("😀"));
    assert!(refused(|i| i.number = "1".repeat(61), "x").contains("quá dài"));
    assert!(refused(|i| i.date = "30/02/2030".into(), "x").contains("không hợp lệ"));
    assert!(refused(|i| i.date = "01/01/1900".into(), "x").contains("1945"));
    assert!(refused(|i| i.date = String::new(), "x").contains("ngày ban hành"));
    assert!(
        refused(
            |i| {
                i.in_force_from = "01/01/2031".into();
                i.in_force_until = "01/01/2031".into();
            },
            "x"
        )
        .contains("sau ngày có hiệu lực")
    );
    assert!(refused(|i| i.replaced_by = Some("x".into()), "x").contains("chính nó"));
    assert!(refused(|_| {}, "Luật Báo Chí").contains("Mã văn bản"));
    assert!(refused(|_| {}, "a--b").contains("Mã văn bản"));
    assert_eq!(
        new_id("Nghị định", "09/2017/NĐ-CP", ["nghi-dinh-09-2017-nd-cp"]),
        "nghi-dinh-09-2017-nd-cp-2"
    );
    assert_eq!(new_id("", "—", []), "van-ban");
}

#[test]
fn a_list_holds_each_id_once_and_no_replacement_goes_round() {
    let a = made_up("a", "1/2020/QH99", "2020-01-01", "", "");
    let b = made_up("b", "2/2021/QH99", "2021-01-01", "", "");
    assert!(validate_list(&[a.clone(), b.clone()]).is_ok());
    assert!(
        validate_list(&[a.clone(), a.clone()])
            .expect_err("twice")
            .message
            .contains("hai lần")
    );
    let mut to_missing = a.clone();
    to_missing.replaced_by = Some("khong-co".into());
    assert!(
        validate_list(&[to_missing])
            .expect_err("missing")
            .message
            .contains("khong-co")
    );
    let (mut a2, mut b2) = (a.clone(), b.clone());
    a2.replaced_by = Some("b".into());
    b2.replaced_by = Some("a".into());
    let err = validate_list(&[a2.clone(), b2]).expect_err("cycle").message;
    assert!(err.contains("a → b → a"), "{err}");
    // A long chain is no cycle.
    let chain: Vec<LegalText> = (0..MAX_TEXTS)
        .map(|i| {
            let mut t = made_up(
                &format!("t{i}"),
                &format!("{i}/2020/QH99"),
                "2020-01-01",
                "",
                "",
            );
            t.replaced_by = (i + 1 < MAX_TEXTS).then(|| format!("t{}", i + 1));
            t
        })
        .collect();
    assert!(validate_list(&chain).is_ok());
}

fn list_with(texts: &str) -> String {
    format!(r#"{{"format": "commplan-legal-texts", "version": 1, "texts": {texts}}}"#)
}

const TEXT: &str = r#"{"id": "a", "kind": "Luật", "number": "1/2020/QH99", "date": "2020-01-01", "title": "Luật Thử", "citation": "Luật Thử"}"#;

#[test]
fn a_hostile_list_file_is_refused_with_what_is_wrong() {
    let refused = |bytes: &[u8]| parse_list(bytes).expect_err("refused").message;
    assert!(parse_list(list_with(&format!("[{TEXT}]")).as_bytes()).is_ok());
    assert!(refused(&vec![b' '; MAX_LIST_BYTES + 1]).contains("lớn hơn 1 MB"));
    assert!(refused(&[0xff, 0xfe]).contains("UTF-8"));
    assert!(refused(&SHIPPED[..SHIPPED.len() / 2]).contains("JSON"));
    assert!(refused(b"[]").contains("không phải danh mục"));
    assert!(
        refused(br#"{"format": "khac", "version": 1, "texts": []}"#)
            .contains("không phải danh mục")
    );
    let newer = refused(br#"{"format": "commplan-legal-texts", "version": 2, "texts": []}"#);
    assert!(newer.contains("hãy cập nhật ứng dụng"), "{newer}");
    assert!(
        refused(br#"{"format": "commplan-legal-texts", "version": "1", "texts": []}"#)
            .contains("phiên bản")
    );
    assert!(
        refused(br#"{"format": "commplan-legal-texts", "version": 1, "texts": {}}"#)
            .contains("texts")
    );
    let wrong_type =
        refused(list_with(&format!("[{TEXT}, {}]", TEXT.replace(r#""Luật""#, "5"))).as_bytes());
    assert!(
        wrong_type.contains("văn bản thứ 2") && wrong_type.contains("“kind”"),
        "{wrong_type}"
    );
    assert!(refused(list_with("[5]").as_bytes()).contains("đối tượng"));
    assert!(
        refused(
            list_with(&format!(
                "[{}]",
                TEXT.replace("Luật Thử\"", "Luật\\u0000Thử\"")
            ))
            .as_bytes()
        )
        .contains("U+0000")
    );
    assert!(
        refused(
            list_with(&format!(
                "[{}]",
                TEXT.replace("\"id\": \"a\"", "\"id\": \"a\", \"replacedBy\": \"a\"")
            ))
            .as_bytes()
        )
        .contains("chính nó")
    );
    let many = vec![TEXT; MAX_TEXTS + 1].join(",");
    assert!(refused(list_with(&format!("[{many}]")).as_bytes()).contains("1000"));
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(refused(list_with(&deep).as_bytes()).contains("JSON"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any bytes, and the shipped list cut or with a byte changed: read or
    /// refused, never a panic.
    #[test]
    fn no_list_file_makes_it_panic(noise in proptest::collection::vec(any::<u8>(), 0..400), at in 0usize..20_000, byte in any::<u8>()) {
        let _ = parse_list(&noise);
        let at = at % SHIPPED.len();
        let _ = parse_list(&SHIPPED[..at]);
        let mut changed = SHIPPED.to_vec();
        changed[at] = byte;
        let _ = parse_list(&changed);
    }
}
