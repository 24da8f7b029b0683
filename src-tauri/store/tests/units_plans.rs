//! Units and plans on a real database file.

mod common;

use common::{ids, new_plan, open};
use commplan_core::{Entity, ErrorCode, NewItem, PlanStatus, UnitInput};

fn input(name: &str) -> UnitInput {
    UnitInput {
        name: name.into(),
        parent_body: "Ủy ban nhân dân tỉnh Gia Lai".into(),
        abbreviation: "UBND".into(),
    }
}

#[test]
fn a_new_database_holds_the_reference_units_in_order() {
    let (_dir, store) = open();
    let units = store.list_units().expect("units");
    assert_eq!(units[0].name, "Sở Văn hóa, Thể thao và Du lịch");
    assert!(
        units
            .iter()
            .any(|u| u.name == "Sở Tư pháp" && u.abbreviation == "STP")
    );
}

#[test]
fn units_are_added_renamed_deleted_and_restored() {
    let (_dir, mut store) = open();
    let before = store.list_units().expect("units").len();

    let unit = store
        .create_unit(&input("Ủy ban nhân dân xa\u{303} Ia Grai"))
        .expect("add");
    assert_eq!(unit.name, "Ủy ban nhân dân xã Ia Grai", "stored NFC");
    assert_eq!(store.list_units().expect("units").last(), Some(&unit));

    let renamed = store
        .update_unit(unit.id, &input("Ủy ban nhân dân xã Ia Hrung"))
        .expect("rename");
    assert_eq!(renamed.id, unit.id);
    assert_eq!(renamed.name, "Ủy ban nhân dân xã Ia Hrung");

    let removed = store.delete_unit(unit.id).expect("delete");
    assert_eq!(store.list_units().expect("units").len(), before);
    let back = store.restore_unit(&removed).expect("undo");
    assert_eq!(back, renamed);
    assert_eq!(store.list_units().expect("units").len(), before + 1);
}

#[test]
fn a_duplicate_unit_is_a_conflict_and_changes_nothing() {
    let (_dir, mut store) = open();
    store
        .create_unit(&input("Ủy ban nhân dân xã Ia Grai"))
        .expect("add");
    let count = store.list_units().expect("units").len();
    let err = store
        .create_unit(&input("Ủy ban nhân dân xã Ia Grai"))
        .expect_err("duplicate");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(err.message.contains("Đã có đơn vị"), "{}", err.message);
    assert_eq!(store.list_units().expect("units").len(), count);
}

#[test]
fn a_unit_with_plans_cannot_be_deleted() {
    let (_dir, mut store) = open();
    let unit = store.list_units().expect("units")[0].clone();
    store.create_plan(&new_plan(unit.id, 2027)).expect("plan");
    let err = store.delete_unit(unit.id).expect_err("in use");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(
        err.message,
        format!(
            "Không xóa được “{}” vì đơn vị này đang có 1 kế hoạch.",
            unit.name
        )
    );
    assert!(store.unit(unit.id).is_ok());
}

#[test]
fn plans_are_listed_newest_year_first_with_one_plan_per_unit_and_year() {
    let (_dir, mut store) = open();
    let units = store.list_units().expect("units");
    let (a, b) = (&units[0], &units[1]);
    let p2026 = store.create_plan(&new_plan(a.id, 2026)).expect("2026");
    let p2027 = store.create_plan(&new_plan(b.id, 2027)).expect("2027");
    assert_eq!(p2027.status, PlanStatus::Draft);

    let plans = store.list_plans().expect("list");
    assert_eq!(ids(&plans, |p| p.id), [p2027.id, p2026.id]);

    let err = store
        .create_plan(&new_plan(a.id, 2026))
        .expect_err("same unit and year");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(store.list_plans().expect("list").len(), 2);

    let err = store
        .create_plan(&new_plan(a.id, 2101))
        .expect_err("year out of range");
    assert_eq!(err.code, ErrorCode::Validation);

    let view = store.plan_view(p2026.id).expect("open");
    assert_eq!(view.document.unit, *a);
    assert_eq!(view.progress.len(), 9);
    assert!(
        view.document
            .legal_bases
            .iter()
            .any(|b| b.text.contains("07/CT-TTg"))
    );
    assert_eq!(
        view.document.fields.symbol,
        format!("KH-{}", a.abbreviation)
    );
    assert_eq!(
        store.plan_view(999_999).expect_err("missing").code,
        ErrorCode::NotFound
    );
}

#[test]
fn a_new_plan_starts_with_its_units_province_as_place_and_its_symbol() {
    let (_dir, mut store) = open();
    let units = store.list_units().expect("units");
    let health = units.iter().find(|u| u.name == "Sở Y tế").expect("Sở Y tế");
    let plan = store.create_plan(&new_plan(health.id, 2027)).expect("plan");
    let doc = store.plan_document(plan.id).expect("doc");
    assert_eq!(doc.fields.place, "Gia Lai");
    assert_eq!(doc.fields.symbol, "KH-SYT");
}

/// Adds an empty recipient to `plan` as the app's "+" does; gives its id.
fn add_recipient(store: &mut commplan_store::Store, plan: i64) -> i64 {
    store
        .add_item(&NewItem {
            entity: Entity::Recipient,
            plan_id: plan,
            policy_id: None,
            stage: None,
        })
        .expect("add")
        .added_id
        .expect("id")
}

#[test]
fn a_new_recipient_goes_above_the_archive_line() {
    let (_dir, mut store) = open();
    let unit = store.list_units().expect("units")[0].id;
    let plan = store.create_plan(&new_plan(unit, 2027)).expect("plan").id;
    let before = store.plan_document(plan).expect("doc").recipients;
    assert!(before.last().is_some_and(|r| r.text.starts_with("Lưu: VT")));
    let added = add_recipient(&mut store, plan);
    let after = store.plan_document(plan).expect("doc").recipients;
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(after[after.len() - 2].id, added, "{after:?}");
    assert!(after.last().is_some_and(|r| r.text.starts_with("Lưu: VT")));

    // With no archive line, a recipient is added at the end.
    let last = after.last().expect("archive line").id;
    store.delete_item(Entity::Recipient, last).expect("delete");
    let again = add_recipient(&mut store, plan);
    let list = store.plan_document(plan).expect("doc").recipients;
    assert_eq!(list.last().map(|r| r.id), Some(again));
}
