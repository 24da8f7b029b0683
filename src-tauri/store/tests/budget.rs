//! The budget estimate on a real database file.

mod common;

use common::{add, copy_to, ids, link, set, text, with_plan};
use commplan_core::money::Money;
use commplan_core::{AppError, Entity, ErrorCode, FieldValue};
use commplan_store::Store;
use proptest::prelude::*;

fn add_line(store: &mut Store, plan: i64) -> i64 {
    add(store, Entity::BudgetLine, plan)
}

/// Sets a field of budget line `line`.
fn set_line(store: &mut Store, line: i64, field: &str, value: FieldValue) -> Result<(), AppError> {
    set(store, Entity::BudgetLine, line, field, value)
}

/// A new line of `plan` whose `field` names the first item of the reference
/// list `list`; gives back the line and that item.
fn line_with_first(store: &mut Store, plan: i64, list: Entity, field: &str) -> (i64, i64) {
    let item = store.list_reference(list).expect("reference list")[0].id;
    let line = add_line(store, plan);
    set_line(store, line, field, link(item)).expect(field);
    (line, item)
}

fn money(n: i64) -> Money {
    Money::new(n).expect("in range")
}

#[test]
fn the_amount_is_quantity_times_unit_price_and_totals_follow() {
    let (_dir, mut store, plan) = with_plan();
    let line = add_line(&mut store, plan);
    set_line(&mut store, line, "quantity", text("12")).expect("qty");
    set_line(&mut store, line, "unitPrice", text("2.500.000")).expect("price");
    let view = store.budget_view(plan).expect("view");
    assert_eq!(view.lines[0].amount, money(30_000_000));
    assert_eq!(view.total, money(30_000_000));
    assert_eq!(view.words, "Ba mươi triệu đồng");

    set_line(&mut store, line, "quantity", text("2,5")).expect("qty");
    set_line(&mut store, line, "unitPrice", text("3")).expect("price");
    // 2,5 × 3 đ = 7,5 đ, rounded half up.
    assert_eq!(store.budget_view(plan).expect("view").total, money(8));
}

#[test]
fn every_change_of_an_amount_is_recorded() {
    let (_dir, mut store, plan) = with_plan();
    let line = add_line(&mut store, plan);
    set_line(&mut store, line, "unitPrice", text("1.000.000")).expect("price");
    set_line(&mut store, line, "approved", text("900.000")).expect("approve");
    set_line(&mut store, line, "approved", text("")).expect("clear");
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
    let (_dir, mut store, plan) = with_plan();
    let line = add_line(&mut store, plan);
    set_line(&mut store, line, "unitPrice", text("1.000")).expect("price");
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
        let err = set_line(&mut store, line, field, text(value)).expect_err(value);
        assert_eq!(err.code, ErrorCode::Validation);
        assert!(err.message.contains(part), "{value}: {}", err.message);
    }
    // A product past the maximum is refused as a whole: the quantity is not kept.
    set_line(&mut store, line, "unitPrice", text("999.999.999.999.999")).expect("max price");
    let err = set_line(&mut store, line, "quantity", text("2")).expect_err("overflow");
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
    let (_dir, mut store, plan) = with_plan();
    let line = add_line(&mut store, plan);
    set_line(&mut store, line, "unitPrice", text("500.000")).expect("price");
    let activity = add(&mut store, Entity::Activity, plan);
    set_line(&mut store, line, "activityId", link(activity)).expect("link");
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
    let (_dir, mut store, plan) = with_plan();
    let first = add_line(&mut store, plan);
    let second = add_line(&mut store, plan);
    set_line(&mut store, first, "description", text("Đặt hàng tin, bài")).expect("desc");
    set_line(&mut store, first, "unitPrice", text("2.000.000")).expect("price");
    let changed = store.duplicate_budget_line(first).expect("duplicate");
    let copy = changed.added_id.expect("the copy's id");
    // What the editor shows comes back with the copy, in one call.
    let shown = ids(&changed.view.document.budget_lines, |l| l.id);
    assert_eq!(shown, [first, copy, second]);
    let view = store.budget_view(plan).expect("view");
    assert_eq!(ids(&view.lines, |l| l.id), [first, copy, second]);
    assert_eq!(view.lines[1].description, "Đặt hàng tin, bài");
    assert_eq!(view.total, money(4_000_000));
}

#[test]
fn this_years_budget_is_compared_with_last_years() {
    let (_dir, mut store, plan) = with_plan();
    let (line, _) = line_with_first(&mut store, plan, Entity::BudgetCategory, "categoryId");
    set_line(&mut store, line, "unitPrice", text("20.000.000")).expect("price");
    set_line(&mut store, line, "approved", text("18.000.000")).expect("approved");

    let next = store.copy_plan(&copy_to(plan, 2028)).expect("copy");
    let view = store.budget_view(next.id).expect("view");
    assert_eq!(
        view.lines[0].approved, None,
        "a new year is approved afresh"
    );
    let copied = view.lines[0].id;
    set_line(&mut store, copied, "unitPrice", text("25.000.000")).expect("price");

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
    let (_dir, mut store, plan) = with_plan();
    let (_, source) = line_with_first(&mut store, plan, Entity::FundingSource, "fundingSourceId");
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
        let (_dir, mut store, plan) = with_plan();
        for (price, centi) in &prices {
            let line = add_line(&mut store, plan);
            let q = commplan_core::money::Quantity(i64::from(*centi)).display();
            set_line(&mut store, line, "quantity", text(&q)).expect("qty");
            set_line(&mut store, line, "unitPrice", text(&price.to_string())).expect("price");
        }
        let view = store.budget_view(plan).expect("view");
        prop_assert_eq!(store.sql_budget_total(plan).expect("sql"), view.total.dong());
        let exact: i128 = prices.iter().map(|(p, c)| (i128::from(*p) * i128::from(*c) + 50) / 100).sum();
        prop_assert_eq!(i128::from(view.total.dong()), exact);
    }
}
