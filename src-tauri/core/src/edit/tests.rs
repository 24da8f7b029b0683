//! Tests of the field registry and of validation.

use super::*;
use crate::text::MAX_FIELD_CHARS;

fn field(e: Entity, name: &str) -> FieldDef {
    e.field(name).expect("field exists")
}

#[test]
fn every_field_name_is_unique_and_columns_are_identifiers() {
    for e in Entity::ALL {
        let def = e.def();
        let mut names: Vec<_> = def.fields.iter().map(|f| f.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), def.fields.len(), "{e:?}");
        for f in def.fields {
            assert!(
                f.column.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{}",
                f.column
            );
        }
        if let Some(t) = def.title_field {
            assert!(e.field(t).is_ok(), "{e:?}.{t}");
        }
    }
}

#[test]
fn the_registry_has_one_row_per_entity_in_order() {
    for (i, e) in Entity::ALL.into_iter().enumerate() {
        assert_eq!(e as usize, i, "{e:?}");
        assert_eq!(registry::DEFS[i].0, e);
        let key = e.def().document_key;
        assert!(key.chars().all(|c| c.is_ascii_alphabetic()), "{key}");
    }
    let mut tables: Vec<_> = Entity::ALL.iter().map(|e| e.def().table).collect();
    tables.sort_unstable();
    tables.dedup();
    assert_eq!(tables.len(), Entity::ALL.len());
}

#[test]
fn references_name_the_kind_of_item_they_point_to() {
    assert_eq!(FieldKind::PolicyRef.refers_to(), Some(Entity::Policy));
    assert_eq!(
        FieldKind::SourceRef.refers_to(),
        Some(Entity::FundingSource)
    );
    assert_eq!(FieldKind::Money.refers_to(), None);
    for e in Entity::ALL {
        for f in e.def().fields.iter().filter(|f| f.name.ends_with("Id")) {
            assert!(f.kind.refers_to().is_some(), "{e:?}.{}", f.name);
        }
    }
}

#[test]
fn unknown_fields_are_refused() {
    assert!(Entity::Plan.field("id; DROP TABLE plans").is_err());
}

#[test]
fn text_is_normalised_and_bounded() {
    let title = field(Entity::Plan, "title");
    assert_eq!(
        validate(
            &title,
            &FieldValue::Text("  Ke\u{302}\u{301} hoa\u{323}ch ".into())
        )
        .expect("ok"),
        Stored::Text("Kế hoạch".into())
    );
    assert!(validate(&title, &FieldValue::Text("x".repeat(1_001))).is_err());
    assert!(validate(&title, &FieldValue::Text("hai\ndòng".into())).is_err());
    let long = field(Entity::Plan, "purposes");
    assert!(validate(&long, &FieldValue::Text("dòng 1\ndòng 2".into())).is_ok());
    assert!(validate(&long, &FieldValue::Text("a".repeat(MAX_FIELD_CHARS + 1))).is_err());
}

#[test]
fn dates_must_exist() {
    let d = field(Entity::Activity, "startDate");
    assert!(validate(&d, &FieldValue::Text("2027-03-15".into())).is_ok());
    assert!(validate(&d, &FieldValue::Text(String::new())).is_ok());
    let err = validate(&d, &FieldValue::Text("2027-02-30".into())).expect_err("30 Feb");
    assert!(err.message.contains("không hợp lệ"), "{}", err.message);
    assert!(validate(&d, &FieldValue::Text("1899-01-01".into())).is_err());
}

#[test]
fn dates_are_typed_day_first_and_stored_iso() {
    let d = field(Entity::Plan, "issueDate");
    let stored = |typed: &str| validate(&d, &FieldValue::Text(typed.into())).expect(typed);
    assert_eq!(stored("3/2/2027"), Stored::Text("2027-02-03".into()));
    assert_eq!(stored(" 15/03/2027 "), Stored::Text("2027-03-15".into()));
    assert_eq!(stored("2027-03-15"), Stored::Text("2027-03-15".into()));
    let err = validate(&d, &FieldValue::Text("31/4/2027".into())).expect_err("31 April");
    assert_eq!(
        err.message,
        "Ngày ban hành: ngày “31/4/2027” không hợp lệ (ví dụ đúng: 15/03/2027)."
    );
}

#[test]
fn months_round_trip_through_the_mask() {
    let mask = months_to_mask(&[1, 3, 12]).expect("valid");
    assert_eq!(mask, 1 | 4 | 2048);
    assert_eq!(mask_to_months(mask), [1, 3, 12]);
    assert!(months_to_mask(&[13]).is_err());
    assert!(months_to_mask(&[0]).is_err());
}

#[test]
fn stages_and_authorities_accept_only_their_codes() {
    let s = field(Entity::Activity, "stage");
    assert_eq!(
        validate(&s, &FieldValue::Text("drafting".into())).expect("ok"),
        Stored::Text("drafting".into())
    );
    assert_eq!(
        validate(&s, &FieldValue::Number(None)).expect("ok"),
        Stored::Null
    );
    assert!(validate(&s, &FieldValue::Text("bogus".into())).is_err());
    let a = field(Entity::Plan, "signerAuthority");
    assert!(validate(&a, &FieldValue::Text("deputy".into())).is_ok());
    assert!(validate(&a, &FieldValue::Text("KT.".into())).is_err());
}

#[test]
fn money_and_quantities_are_validated_with_their_label() {
    let price = field(Entity::BudgetLine, "unitPrice");
    assert_eq!(
        validate(&price, &FieldValue::Text("12.500.000".into())).expect("ok"),
        Stored::Int(12_500_000)
    );
    let err = validate(&price, &FieldValue::Text("12,5".into())).expect_err("decimal");
    assert!(err.message.starts_with("Đơn giá: "), "{}", err.message);
    let approved = field(Entity::BudgetLine, "approved");
    assert_eq!(
        validate(&approved, &FieldValue::Text(String::new())).expect("ok"),
        Stored::Null
    );
    let q = field(Entity::BudgetLine, "quantity");
    assert_eq!(
        validate(&q, &FieldValue::Text("2,5".into())).expect("ok"),
        Stored::Int(250)
    );
    assert!(validate(&q, &FieldValue::Text("2,555".into())).is_err());
}

#[test]
fn a_target_is_a_whole_number_or_nothing() {
    let t = field(Entity::Objective, "target");
    let stored = |v: FieldValue| validate(&t, &v);
    assert_eq!(
        stored(FieldValue::Number(Some(100))).expect("ok"),
        Stored::Int(100)
    );
    assert_eq!(
        stored(FieldValue::Text(" 1.200 ".into())).expect("ok"),
        Stored::Int(1_200)
    );
    assert_eq!(
        stored(FieldValue::Text("12".into())).expect("ok"),
        Stored::Int(12)
    );
    assert_eq!(
        stored(FieldValue::Text(String::new())).expect("ok"),
        Stored::Null
    );
    assert_eq!(stored(FieldValue::Number(None)).expect("ok"), Stored::Null);
    let err = stored(FieldValue::Text("2,5".into())).expect_err("a decimal");
    assert_eq!(
        err.message,
        "Giá trị chỉ tiêu: cần nhập một số nguyên không âm (ví dụ 12 hoặc 1.200)."
    );
    for refused in ["-3", "12.50", "1.2.3", "mười"] {
        assert!(
            stored(FieldValue::Text(refused.into())).is_err(),
            "{refused}"
        );
    }
    let err = stored(FieldValue::Number(Some(MAX_COUNT + 1))).expect_err("too large");
    assert_eq!(err.message, "Giá trị chỉ tiêu: phải từ 0 đến 999.999.999.");
    assert!(stored(FieldValue::Text("99999999999999999999".into())).is_err());
    assert!(stored(FieldValue::Number(Some(-1))).is_err());
}

#[test]
fn a_measure_is_one_of_its_codes() {
    let m = field(Entity::Objective, "measure");
    assert_eq!(
        validate(&m, &FieldValue::Text("press_conferences".into())).expect("ok"),
        Stored::Text("press_conferences".into())
    );
    assert!(validate(&m, &FieldValue::Text("bogus".into())).is_err());
    assert!(validate(&m, &FieldValue::Text(String::new())).is_err());
    assert!(validate(&m, &FieldValue::Number(None)).is_err());
}

#[test]
fn a_year_later_keeps_the_day_except_29_february() {
    assert_eq!(shift_years("2026-03-15", 1).expect("ok"), "2027-03-15");
    assert_eq!(shift_years("2028-02-29", 1).expect("ok"), "2029-02-28");
    assert_eq!(shift_years("2028-02-29", 4).expect("ok"), "2032-02-29");
    assert_eq!(shift_years("", 1).expect("ok"), "");
}

#[test]
fn field_values_deserialise_from_plain_json() {
    let e: FieldEdit =
        serde_json::from_str(r#"{"entity":"activity","id":3,"field":"months","value":[1,2]}"#)
            .expect("parse");
    assert_eq!(e.value, FieldValue::Months(vec![1, 2]));
    let e: FieldEdit =
        serde_json::from_str(r#"{"entity":"activity","id":3,"field":"channelId","value":null}"#)
            .expect("parse");
    assert_eq!(e.value, FieldValue::Number(None));
    let e: FieldEdit =
        serde_json::from_str(r#"{"entity":"policy","id":3,"field":"majorImpact","value":true}"#)
            .expect("parse");
    assert_eq!(e.value, FieldValue::Bool(true));
}

#[test]
fn every_field_is_filled_in_at_a_step_of_the_editor() {
    use crate::model::Step;
    assert_eq!(
        Entity::Plan.step_of(Some("leaderName")),
        Some(Step::Staffing)
    );
    assert_eq!(
        Entity::Plan.step_of(Some("signerName")),
        Some(Step::Signature)
    );
    assert_eq!(
        Entity::Plan.step_of(Some("reporting")),
        Some(Step::Implementation)
    );
    assert_eq!(Entity::Plan.step_of(Some("title")), Some(Step::General));
    assert_eq!(Entity::Plan.step_of(None), Some(Step::General));
    assert_eq!(
        Entity::Training.step_of(Some("topic")),
        Some(Step::Staffing)
    );
    assert_eq!(Entity::PolicyStage.step_of(None), Some(Step::Policies));
    assert_eq!(Entity::Channel.step_of(Some("name")), None);
    for e in Entity::ALL {
        let def = e.def();
        // A field of the plan row has its own step; a field of a list item has none.
        for f in def.fields {
            assert_eq!(f.step.is_some(), e == Entity::Plan, "{e:?}.{}", f.name);
        }
        // Everything of a plan is edited in some step; the shared lists are not.
        assert_eq!(def.step.is_some(), def.scope != Scope::Global, "{e:?}");
    }
}

#[test]
fn a_stored_value_comes_back_as_the_document_holds_it() {
    let shown = |e: Entity, name: &str, typed: FieldValue| {
        let def = field(e, name);
        as_field_value(&def, &validate(&def, &typed).expect("valid"))
    };
    let text = |s: &str| FieldValue::Text(s.into());
    assert_eq!(
        shown(Entity::Plan, "issueDate", text("3/2/2027")),
        text("2027-02-03")
    );
    assert_eq!(
        shown(Entity::Plan, "title", text("  Kế hoạch ")),
        text("Kế hoạch")
    );
    assert_eq!(
        shown(Entity::Activity, "months", FieldValue::Months(vec![3, 1])),
        FieldValue::Months(vec![1, 3])
    );
    assert_eq!(
        shown(Entity::Policy, "majorImpact", FieldValue::Bool(true)),
        FieldValue::Bool(true)
    );
    assert_eq!(
        shown(Entity::Activity, "stage", FieldValue::Number(None)),
        FieldValue::Number(None)
    );
    assert_eq!(
        shown(Entity::BudgetLine, "unitPrice", text("12.500.000")),
        text("12500000")
    );
    assert_eq!(
        shown(Entity::Activity, "channelId", FieldValue::Number(Some(4))),
        FieldValue::Number(Some(4))
    );
}

#[test]
fn a_shared_list_holds_each_name_once_whatever_its_case() {
    let taken = ["Tin, bài trên báo in, báo điện tử", "Họp báo"];
    let err = refuse_taken_name(
        Entity::Channel,
        "  tin, bài trên BÁO IN,  báo điện tử ",
        taken,
    )
    .expect_err("the same name in other case and spacing");
    assert_eq!(err.code, crate::error::ErrorCode::Conflict);
    assert_eq!(
        err.message,
        "Danh mục đã có hình thức truyền thông “Tin, bài trên báo in, báo điện tử”. \
         Hãy chọn mục đó trong danh sách thay vì thêm lại."
    );
    // Decomposed input is the same name; another tone mark is another name.
    assert!(refuse_taken_name(Entity::Channel, "Ho\u{323}p ba\u{301}o", taken).is_err());
    assert!(refuse_taken_name(Entity::Channel, "Họp bão", taken).is_ok());
    assert!(refuse_taken_name(Entity::FundingSource, "Ngân sách tỉnh", []).is_ok());
}
