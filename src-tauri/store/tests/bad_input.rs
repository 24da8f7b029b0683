//! Bad input, each tried through the store call that the UI's command makes:
//! refused with a Vietnamese message that says what to do, and nothing stored
//! changes; or, where the input is legitimate text (HTML, SQL, NFD), stored
//! exactly as text.

mod common;

use common::{new_plan, set, text, with_sample};
use commplan_core::{AppError, Entity, ErrorCode, FieldValue, NewItem, PlanDocument, UnitInput};
use commplan_store::Store;

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    plan: i64,
    line: i64,
    activity: i64,
}

fn fixture() -> Fixture {
    let (dir, store, plan) = with_sample();
    let doc = store.plan_document(plan).expect("doc");
    Fixture {
        line: doc.budget_lines[0].id,
        activity: doc.activities[0].id,
        _dir: dir,
        store,
        plan,
    }
}

/// Sets a field to typed text; gives back the store's refusal, if any.
fn edit(
    store: &mut Store,
    entity: Entity,
    id: i64,
    field: &str,
    value: &str,
) -> Result<(), AppError> {
    set(store, entity, id, field, text(value))
}

/// Everything a plan holds plus the units and the channel list.
fn everything(f: &Fixture) -> (PlanDocument, Vec<commplan_core::Unit>, usize) {
    (
        f.store.plan_document(f.plan).expect("doc"),
        f.store.list_units().expect("units"),
        f.store.list_plans().expect("plans").len(),
    )
}

/// Vietnamese: at least one letter only Vietnamese has, and no English.
fn assert_vietnamese(err: &AppError, case: &str) {
    assert!(
        err.message.chars().any(|c| {
            "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
                .contains(c.to_lowercase().next().unwrap_or(c))
        }),
        "{case}: not Vietnamese: {}",
        err.message
    );
    for leak in [
        "error",
        "Error",
        "SQLITE",
        "constraint",
        "panicked",
        "called `",
    ] {
        assert!(
            !err.message.contains(leak),
            "{case}: raw text leaked: {}",
            err.message
        );
    }
}

/// One edit that must be refused: what it tries, where, the value, the
/// error code, and a part of the message that says what is wrong.
type BadEdit<'a> = (&'a str, Entity, i64, &'a str, &'a str, ErrorCode, &'a str);

/// Each edit is refused with its code and a Vietnamese message that says what
/// is wrong, and nothing stored changes.
fn each_is_refused_in_vietnamese_and_nothing_changes(f: &mut Fixture, cases: Vec<BadEdit>) {
    let before = everything(f);
    let mut tried = Vec::new();
    for (case, entity, id, field, value, code, says) in cases {
        let err = edit(&mut f.store, entity, id, field, value).expect_err(case);
        assert_eq!(err.code, code, "{case}: {}", err.message);
        assert!(err.message.contains(says), "{case}: {}", err.message);
        assert_vietnamese(&err, case);
        tried.push(case);
    }
    assert_eq!(everything(f), before, "nothing changed after: {tried:?}");
}

/// Negative, overflowing and fractional amounts and quantities.
#[test]
fn bad_amounts_are_refused_in_vietnamese_and_nothing_changes() {
    let mut f = fixture();
    let line = f.line;
    let cases: Vec<BadEdit> = vec![
        (
            "negative amount",
            Entity::BudgetLine,
            line,
            "unitPrice",
            "-1.000.000",
            ErrorCode::Validation,
            "âm",
        ),
        (
            "overflowing amount",
            Entity::BudgetLine,
            line,
            "unitPrice",
            "1.000.000.000.000.000",
            ErrorCode::Validation,
            "vượt mức tối đa",
        ),
        (
            "amount past i64",
            Entity::BudgetLine,
            line,
            "unitPrice",
            "99999999999999999999999",
            ErrorCode::Validation,
            "vượt mức tối đa",
        ),
        (
            "decimal amount",
            Entity::BudgetLine,
            line,
            "unitPrice",
            "12,5",
            ErrorCode::Validation,
            "",
        ),
        (
            "negative approved",
            Entity::BudgetLine,
            line,
            "approved",
            "-5",
            ErrorCode::Validation,
            "âm",
        ),
        (
            "three decimals",
            Entity::BudgetLine,
            line,
            "quantity",
            "2,555",
            ErrorCode::Validation,
            "",
        ),
        (
            "negative quantity",
            Entity::BudgetLine,
            line,
            "quantity",
            "-1",
            ErrorCode::Validation,
            "",
        ),
    ];
    each_is_refused_in_vietnamese_and_nothing_changes(&mut f, cases);
}

/// Text too long to store, emoji, and a line break where one line is expected.
#[test]
fn overlong_text_emoji_and_line_breaks_are_refused_in_vietnamese_and_nothing_changes() {
    let mut f = fixture();
    let long = "Đ".repeat(100_000);
    let (plan, activity) = (f.plan, f.activity);
    let cases: Vec<BadEdit> = vec![
        (
            "100,000 characters",
            Entity::Plan,
            plan,
            "purposes",
            &long,
            ErrorCode::Validation,
            "quá dài",
        ),
        (
            "100,000 in one line",
            Entity::Plan,
            plan,
            "title",
            &long,
            ErrorCode::Validation,
            "quá dài",
        ),
        (
            "emoji",
            Entity::Plan,
            plan,
            "title",
            "Kế hoạch 🎉 năm 2027",
            ErrorCode::Validation,
            "“🎉”",
        ),
        (
            "emoji in a list",
            Entity::Activity,
            activity,
            "content",
            "Đăng tin 👍",
            ErrorCode::Validation,
            "“👍”",
        ),
        (
            "line break in a one-line field",
            Entity::Plan,
            plan,
            "symbol",
            "KH-\nSNNMT",
            ErrorCode::Validation,
            "một dòng",
        ),
    ];
    each_is_refused_in_vietnamese_and_nothing_changes(&mut f, cases);
}

/// Dates that do not exist or are not dates.
#[test]
fn impossible_dates_are_refused_in_vietnamese_and_nothing_changes() {
    let mut f = fixture();
    let (plan, activity) = (f.plan, f.activity);
    let cases: Vec<BadEdit> = vec![
        (
            "impossible date",
            Entity::Plan,
            plan,
            "issueDate",
            "2027-02-30",
            ErrorCode::Validation,
            "",
        ),
        (
            "not a date",
            Entity::Activity,
            activity,
            "startDate",
            "mùng 5 tháng Giêng",
            ErrorCode::Validation,
            "",
        ),
        (
            "month 13",
            Entity::Activity,
            activity,
            "startDate",
            "2027-13-01",
            ErrorCode::Validation,
            "",
        ),
    ];
    each_is_refused_in_vietnamese_and_nothing_changes(&mut f, cases);
}

/// A field name that is not a field (SQL in it included) and an item that does not exist.
#[test]
fn unknown_fields_and_missing_items_are_refused_in_vietnamese_and_nothing_changes() {
    let mut f = fixture();
    let plan = f.plan;
    let cases: Vec<BadEdit> = vec![
        (
            "unknown field",
            Entity::Plan,
            plan,
            "title; DROP TABLE plans",
            "x",
            ErrorCode::Internal,
            "",
        ),
        (
            "missing item",
            Entity::Activity,
            987_654,
            "content",
            "x",
            ErrorCode::NotFound,
            "",
        ),
    ];
    each_is_refused_in_vietnamese_and_nothing_changes(&mut f, cases);
}

#[test]
fn wrong_numbers_and_references_are_refused_and_nothing_changes() {
    let mut f = fixture();
    let before = everything(&f);
    let (plan, line, activity) = (f.plan, f.line, f.activity);
    for (entity, id, field, value) in [
        (
            Entity::Activity,
            activity,
            "channelId",
            FieldValue::Number(Some(987_654)),
        ),
        (
            Entity::Activity,
            activity,
            "policyId",
            FieldValue::Number(Some(987_654)),
        ),
        (
            Entity::BudgetLine,
            line,
            "fundingSourceId",
            FieldValue::Number(Some(-1)),
        ),
        (
            Entity::Activity,
            activity,
            "months",
            FieldValue::Months(vec![0, 13]),
        ),
        (
            Entity::Plan,
            plan,
            "signerAuthority",
            FieldValue::Text("Tổng thống".into()),
        ),
        (
            Entity::Policy,
            f.store.plan_document(plan).expect("doc").policies[0].id,
            "majorImpact",
            FieldValue::Text("có lẽ".into()),
        ),
    ] {
        let err = set(&mut f.store, entity, id, field, value).expect_err(field);
        assert_vietnamese(&err, field);
    }
    assert_eq!(everything(&f), before);
}

#[test]
fn empty_required_names_are_refused() {
    let mut f = fixture();
    let before = everything(&f);
    let blank = UnitInput {
        name: "   ".into(),
        parent_body: "Ủy ban nhân dân tỉnh Gia Lai".into(),
        abbreviation: "X".into(),
    };
    let err = f.store.create_unit(&blank).expect_err("blank unit");
    assert_vietnamese(&err, "blank unit");
    let unit = before.1[0].id;
    let err = f.store.update_unit(unit, &blank).expect_err("blank rename");
    assert_vietnamese(&err, "blank rename");
    let err = f
        .store
        .add_reference(Entity::Channel, " \n ")
        .expect_err("blank channel");
    assert_vietnamese(&err, "blank channel");
    let err = f
        .store
        .add_reference(Entity::FundingSource, "")
        .expect_err("blank source");
    assert_vietnamese(&err, "blank source");
    let emoji_unit = UnitInput {
        name: "Sở Du lịch 🏖".into(),
        parent_body: String::new(),
        abbreviation: "SDL".into(),
    };
    assert_vietnamese(
        &f.store.create_unit(&emoji_unit).expect_err("emoji"),
        "emoji unit",
    );
    assert_eq!(everything(&f), before);
}

#[test]
fn years_out_of_range_and_duplicate_plans_are_refused() {
    let mut f = fixture();
    let unit = f.store.plan_document(f.plan).expect("doc").unit.id;
    let before = everything(&f);
    for year in [1999, 2101, 0, -2027] {
        let err = f
            .store
            .create_plan(&new_plan(unit, year))
            .expect_err("year out of range");
        assert_eq!(err.code, ErrorCode::Validation);
        assert_vietnamese(&err, "year");
    }
    let err = f
        .store
        .create_plan(&new_plan(unit, 2027))
        .expect_err("a second plan of the unit for 2027");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_vietnamese(&err, "duplicate plan");
    let err = f
        .store
        .create_plan(&new_plan(987_654, 2028))
        .expect_err("no such unit");
    assert_vietnamese(&err, "no such unit");
    assert_eq!(everything(&f), before);
}

#[test]
fn a_duplicate_document_number_in_the_same_year_is_refused() {
    let mut f = fixture();
    let doc = f.store.plan_document(f.plan).expect("doc");
    for (field, value) in [
        ("number", "12"),
        ("symbol", "KH-SNNMT"),
        ("issueDate", "2027-01-05"),
    ] {
        edit(&mut f.store, Entity::Plan, f.plan, field, value).expect("numbered");
    }
    // Another plan of the same unit, for the next year, issued the same year.
    let other = f
        .store
        .create_plan(&new_plan(doc.unit.id, 2028))
        .expect("plan")
        .id;
    for (field, value) in [("symbol", "KH-SNNMT"), ("issueDate", "2027-12-20")] {
        edit(&mut f.store, Entity::Plan, other, field, value).expect("same symbol, same year");
    }
    let before = f.store.plan_document(other).expect("doc");
    let err =
        edit(&mut f.store, Entity::Plan, other, "number", "12").expect_err("duplicate number");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(err.message.contains("“12/KH-SNNMT”"), "{}", err.message);
    assert_vietnamese(&err, "duplicate number");
    assert_eq!(f.store.plan_document(other).expect("doc"), before);
    // Issued the next year, the same number is free again.
    edit(&mut f.store, Entity::Plan, other, "issueDate", "2028-01-04").expect("next year");
    edit(&mut f.store, Entity::Plan, other, "number", "12").expect("a new year, a new series");
    // And moving the date back into the clashing year is refused.
    let err =
        edit(&mut f.store, Entity::Plan, other, "issueDate", "2027-12-20").expect_err("clash");
    assert_eq!(err.code, ErrorCode::Conflict);
}

#[test]
fn html_sql_and_decomposed_text_are_stored_exactly_as_text() {
    let mut f = fixture();
    let plan = f.plan;
    let cases = [
        ("title", "<script>alert('xss')</script> Kế hoạch"),
        (
            "purposes",
            "<img src=x onerror=\"document.body.innerHTML='hỏng'\"> <b>đậm</b> &amp; &lt;",
        ),
        (
            "requirements",
            "'; DROP TABLE plans; -- \" OR 1=1 /* % _ \\ ` ;",
        ),
        (
            "reporting",
            "Robert'); DELETE FROM activities WHERE ('1'='1",
        ),
    ];
    for (field, value) in cases {
        edit(&mut f.store, Entity::Plan, plan, field, value).expect(field);
    }
    // NFD in, NFC out.
    edit(
        &mut f.store,
        Entity::Plan,
        plan,
        "place",
        "Gia Lai, Pleiku (tie\u{302}\u{301}ng Vie\u{323}\u{302}t)",
    )
    .expect("nfd");
    let doc = f.store.plan_document(plan).expect("doc");
    assert_eq!(doc.fields.title, cases[0].1);
    assert_eq!(doc.fields.purposes, cases[1].1);
    assert_eq!(doc.fields.requirements, cases[2].1);
    assert_eq!(doc.fields.reporting, cases[3].1);
    assert_eq!(doc.fields.place, "Gia Lai, Pleiku (tiếng Việt)");
    // The tables the SQL text names are all still there and whole.
    assert_eq!(
        f.store.list_plans().expect("plans").len(),
        common::SAMPLE_PLANS
    );
    assert_eq!(doc.activities.len(), 51);
    assert!(f.store.verify().expect("verify").is_sound());
}

#[test]
fn a_database_held_by_another_program_gives_a_clear_message_after_the_timeout() {
    let mut f = fixture();
    let before = everything(&f);
    let other = rusqlite::Connection::open(f.store.path()).expect("second connection");
    other
        .execute_batch("BEGIN IMMEDIATE")
        .expect("hold the write lock");
    let started = std::time::Instant::now();
    let err = edit(
        &mut f.store,
        Entity::Plan,
        f.plan,
        "title",
        "Không lưu được lúc này",
    )
    .expect_err("busy");
    assert!(
        started.elapsed() >= std::time::Duration::from_secs(4),
        "waited the busy timeout"
    );
    assert_eq!(err.code, ErrorCode::Busy);
    assert!(err.message.contains("chương trình khác"), "{}", err.message);
    assert!(err.message.contains("chưa được lưu"), "{}", err.message);
    assert_vietnamese(&err, "busy");
    other.execute_batch("ROLLBACK").expect("release");
    assert_eq!(everything(&f), before);
    // Once released, the same edit goes through.
    edit(&mut f.store, Entity::Plan, f.plan, "title", "Lưu được rồi").expect("after release");
}

#[test]
fn added_items_obey_the_same_rules() {
    let mut f = fixture();
    let err = f
        .store
        .add_item(&NewItem {
            entity: Entity::Activity,
            plan_id: 987_654,
            policy_id: None,
            stage: None,
        })
        .expect_err("no such plan");
    assert_vietnamese(&err, "no such plan");
}
