//! The budget estimate on a real database file.

use commplan_core::money::Money;
use commplan_core::{CopyPlan, Entity, ErrorCode, FieldEdit, FieldValue, NewItem, NewPlan};
use commplan_store::Store;
use proptest::prelude::*;

fn setup() -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("commplan.sqlite3")).expect("open");
    let unit = store.list_units().expect("units")[0].clone();
    let plan = store
        .create_plan(&NewPlan {
            unit_id: unit.id,
            year: 2027,
        })
        .expect("plan");
    (dir, store, plan.id)
}

fn add_line(store: &mut Store, plan: i64) -> i64 {
    store
        .add_item(&NewItem {
            entity: Entity::BudgetLine,
            plan_id: plan,
            policy_id: None,
            stage: None,
        })
        .expect("add line")
        .added_id
        .expect("id")
}

fn set(
    store: &mut Store,
    entity: Entity,
    id: i64,
    field: &str,
    value: FieldValue,
) -> Result<(), commplan_core::AppError> {
    store
        .edit_field(&FieldEdit {
            entity,
            id,
            field: field.into(),
            value,
        })
        .map(|_| ())
}

fn text(s: &str) -> FieldValue {
    FieldValue::Text(s.into())
}

fn money(n: i64) -> Money {
    Money::new(n).expect("in range")
}

#[test]
fn the_amount_is_quantity_times_unit_price_and_totals_follow() {
    let (_dir, mut store, plan) = setup();
    let line = add_line(&mut store, plan);
    set(&mut store, Entity::BudgetLine, line, "quantity", text("12")).expect("qty");
    set(
        &mut store,
        Entity::BudgetLine,
        line,
        "unitPrice",
        text("2.500.000"),
    )
    .expect("price");
    let view = store.budget_view(plan).expect("view");
    assert_eq!(view.lines[0].amount, money(30_000_000));
    assert_eq!(view.total, money(30_000_000));
    assert_eq!(view.words, "Ba mươi triệu đồng");

    set(
        &mut store,
        Entity::BudgetLine,
        line,
        "quantity",
        text("2,5"),
    )
    .expect("qty");
    set(&mut store, Entity::BudgetLine, line, "unitPrice", text("3")).expect("price");
    // 2,5 × 3 đ = 7,5 đ, rounded half up.
    assert_eq!(store.budget_view(plan).expect("view").total, money(8));
}

#[test]
fn every_change_of_an_amount_is_recorded() {
    let (_dir, mut store, plan) = setup();
    let line = add_line(&mut store, plan);
    set(
        &mut store,
        Entity::BudgetLine,
        line,
        "unitPrice",
        text("1.000.000"),
    )
    .expect("price");
    set(
        &mut store,
        Entity::BudgetLine,
        line,
        "approved",
        text("900.000"),
    )
    .expect("approve");
    set(&mut store, Entity::BudgetLine, line, "approved", text("")).expect("clear");
    let history = store.amount_history(line).expect("history");
    let seen: Vec<(String, String, String)> = history
        .iter()
        .map(|h| (h.field.clone(), h.old_value.clone(), h.new_value.clone()))
        .collect();
    assert_eq!(
        seen,
        [
            ("approved".into(), "900.000 đ".into(), String::new()),
            ("approved".into(), String::new(), "900.000 đ".into()),
            ("amount".into(), "0 đ".into(), "1.000.000 đ".into()),
            ("unitPrice".into(), "0 đ".into(), "1.000.000 đ".into()),
        ]
    );
    assert!(history.iter().all(|h| h.changed_at.starts_with("20")));
}

#[test]
fn bad_amounts_are_refused_in_vietnamese_and_change_nothing() {
    let (_dir, mut store, plan) = setup();
    let line = add_line(&mut store, plan);
    set(
        &mut store,
        Entity::BudgetLine,
        line,
        "unitPrice",
        text("1.000"),
    )
    .expect("price");
    let before = store.budget_view(plan).expect("view");
    let history = store.amount_history(line).expect("history").len();
    for (field, value, part) in [
        ("unitPrice", "12,5", "không có phần thập phân"),
        ("unitPrice", "1.5", "phân cách hàng nghìn"),
        ("unitPrice", "-100", "không được âm"),
        ("unitPrice", "1000000000000000", "vượt mức tối đa"),
        ("quantity", "2,555", "hai chữ số thập phân"),
        ("quantity", "-1", "không được âm"),
        ("approved", "abc", "không phải là số tiền hợp lệ"),
    ] {
        let err = set(&mut store, Entity::BudgetLine, line, field, text(value)).expect_err(value);
        assert_eq!(err.code, ErrorCode::Validation);
        assert!(err.message.contains(part), "{value}: {}", err.message);
    }
    // A product past the maximum is refused as a whole: the quantity is not kept.
    set(
        &mut store,
        Entity::BudgetLine,
        line,
        "unitPrice",
        text("999.999.999.999.999"),
    )
    .expect("max price");
    let err =
        set(&mut store, Entity::BudgetLine, line, "quantity", text("2")).expect_err("overflow");
    assert!(err.message.contains("vượt mức tối đa"), "{}", err.message);
    let after = store.budget_view(plan).expect("view");
    assert_eq!(after.lines[0].quantity, before.lines[0].quantity);
    assert_eq!(
        store.amount_history(line).expect("history").len(),
        history + 2
    );
}

#[test]
fn a_deleted_line_comes_back_with_its_history_and_an_activity_link_survives_undo() {
    let (_dir, mut store, plan) = setup();
    let line = add_line(&mut store, plan);
    set(
        &mut store,
        Entity::BudgetLine,
        line,
        "unitPrice",
        text("500.000"),
    )
    .expect("price");
    let activity = store
        .add_item(&NewItem {
            entity: Entity::Activity,
            plan_id: plan,
            policy_id: None,
            stage: None,
        })
        .expect("activity")
        .added_id
        .expect("id");
    set(
        &mut store,
        Entity::BudgetLine,
        line,
        "activityId",
        FieldValue::Number(Some(activity)),
    )
    .expect("link");
    let history = store.amount_history(line).expect("history");

    // Deleting the activity unlinks the line; undo links it again.
    let deleted = store
        .delete_item(Entity::Activity, activity)
        .expect("delete activity");
    assert_eq!(
        store.budget_view(plan).expect("view").lines[0].activity_id,
        None
    );
    store
        .undo_delete(deleted.deleted.expect("undo").trash_id)
        .expect("undo");
    assert_eq!(
        store.budget_view(plan).expect("view").lines[0].activity_id,
        Some(activity)
    );

    let deleted = store
        .delete_item(Entity::BudgetLine, line)
        .expect("delete line");
    assert!(store.budget_view(plan).expect("view").lines.is_empty());
    store
        .undo_delete(deleted.deleted.expect("undo").trash_id)
        .expect("undo");
    assert_eq!(store.amount_history(line).expect("history"), history);
}

#[test]
fn a_line_is_duplicated_below_itself() {
    let (_dir, mut store, plan) = setup();
    let first = add_line(&mut store, plan);
    let second = add_line(&mut store, plan);
    set(
        &mut store,
        Entity::BudgetLine,
        first,
        "description",
        text("Đặt hàng tin, bài"),
    )
    .expect("desc");
    set(
        &mut store,
        Entity::BudgetLine,
        first,
        "unitPrice",
        text("2.000.000"),
    )
    .expect("price");
    let changed = store.duplicate_budget_line(first).expect("duplicate");
    let copy = changed.added_id.expect("the copy's id");
    // What the editor shows comes back with the copy, in one call.
    let shown: Vec<i64> = changed
        .view
        .document
        .budget_lines
        .iter()
        .map(|l| l.id)
        .collect();
    assert_eq!(shown, [first, copy, second]);
    let ids: Vec<i64> = store
        .budget_view(plan)
        .expect("view")
        .lines
        .iter()
        .map(|l| l.id)
        .collect();
    assert_eq!(ids, [first, copy, second]);
    let view = store.budget_view(plan).expect("view");
    assert_eq!(view.lines[1].description, "Đặt hàng tin, bài");
    assert_eq!(view.total, money(4_000_000));
}

#[test]
fn this_years_budget_is_compared_with_last_years() {
    let (_dir, mut store, plan) = setup();
    let category = store
        .list_reference(Entity::BudgetCategory)
        .expect("categories")[0]
        .id;
    let line = add_line(&mut store, plan);
    set(
        &mut store,
        Entity::BudgetLine,
        line,
        "categoryId",
        FieldValue::Number(Some(category)),
    )
    .expect("cat");
    set(
        &mut store,
        Entity::BudgetLine,
        line,
        "unitPrice",
        text("20.000.000"),
    )
    .expect("price");
    set(
        &mut store,
        Entity::BudgetLine,
        line,
        "approved",
        text("18.000.000"),
    )
    .expect("approved");

    let next = store
        .copy_plan(&CopyPlan {
            from_id: plan,
            year: 2028,
        })
        .expect("copy");
    let view = store.budget_view(next.id).expect("view");
    assert_eq!(
        view.lines[0].approved, None,
        "a new year is approved afresh"
    );
    let copied = view.lines[0].id;
    set(
        &mut store,
        Entity::BudgetLine,
        copied,
        "unitPrice",
        text("25.000.000"),
    )
    .expect("price");

    let cmp = store
        .budget_view(next.id)
        .expect("view")
        .comparison
        .expect("comparison");
    assert_eq!(cmp.previous_year, 2027);
    assert_eq!(cmp.rows[0].previous, money(20_000_000));
    assert_eq!(cmp.rows[0].current, money(25_000_000));
    assert_eq!(cmp.rows[0].difference.to_string(), "+5.000.000 đ");
    assert_eq!(cmp.total.percent, "+25%");
    assert!(store.budget_view(plan).expect("view").comparison.is_none());
}

#[test]
fn a_reference_in_use_cannot_be_deleted() {
    let (_dir, mut store, plan) = setup();
    let source = store
        .list_reference(Entity::FundingSource)
        .expect("sources")[0]
        .id;
    let line = add_line(&mut store, plan);
    set(
        &mut store,
        Entity::BudgetLine,
        line,
        "fundingSourceId",
        FieldValue::Number(Some(source)),
    )
    .expect("src");
    let err = store
        .delete_reference(Entity::FundingSource, source)
        .expect_err("in use");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(err.message.contains("1 dòng kinh phí"), "{}", err.message);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]
    #[test]
    fn the_sql_total_equals_the_rust_total(prices in prop::collection::vec((0i64..10_000_000_000, 0u32..100_000), 1..12)) {
        let (_dir, mut store, plan) = setup();
        for (price, centi) in &prices {
            let line = add_line(&mut store, plan);
            let q = commplan_core::money::Quantity(i64::from(*centi)).display();
            set(&mut store, Entity::BudgetLine, line, "quantity", text(&q)).expect("qty");
            set(&mut store, Entity::BudgetLine, line, "unitPrice", text(&price.to_string())).expect("price");
        }
        let view = store.budget_view(plan).expect("view");
        prop_assert_eq!(store.sql_budget_total(plan).expect("sql"), view.total.dong());
        let exact: i128 = prices.iter().map(|(p, c)| (i128::from(*p) * i128::from(*c) + 50) / 100).sum();
        prop_assert_eq!(i128::from(view.total.dong()), exact);
    }
}
