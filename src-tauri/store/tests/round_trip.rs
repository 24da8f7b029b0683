//! A whole plan written and read back on a real database file: the sample
//! plan, the large stress plan, and a plan in which every field the core
//! registry lists is set, built from the registry itself so that a field added
//! to it later is covered without touching this file. Also the copy of that
//! plan into the next year, which carries every field but what it changes on
//! purpose.

mod common;

use commplan_core::Code;
use std::collections::HashMap;

use common::{copy_to, open};
use commplan_core::edit::{FieldDef, FieldKind, Scope};
use commplan_core::file::PlanFile;
use commplan_core::header_lines::HeaderName;
use commplan_core::money::{Money, Quantity, line_amount};
use commplan_core::{Entity, PlanDocument, PlanStatus, Stage};
use commplan_store::Store;
use serde_json::{Map, Value as Json, json};

const SAMPLE: &str = include_str!("../../../assets/sample-plan.json");

/// Where `entity`'s items are in a serialised plan.
fn key(entity: Entity) -> &'static str {
    entity.def().document_key
}

/// A distinct id for the `n`th item of `entity`, local to the document.
fn id(entity: Entity, n: usize) -> i64 {
    i64::try_from((entity as usize + 1) * 100 + n).expect("small")
}

/// A value for `field` that is not its default (nor what a new item starts with).
fn value(field: &FieldDef, n: usize) -> Json {
    let target = |e: Entity| json!(id(e, 2));
    match field.kind {
        FieldKind::Line(max) => {
            let text: String = format!("{} {n}", field.label).chars().take(max).collect();
            json!(text.trim_end())
        }
        FieldKind::Long => json!(format!(
            "{} {n}\nDòng thứ hai: Nghị định số 09/2017/NĐ-CP.",
            field.label
        )),
        // The names of `every_field_plan`, broken where a line may end.
        FieldKind::Breaks(name) => json!(match name {
            HeaderName::Parent => "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI",
            HeaderName::Unit => "SỞ THỬ NGHIỆM\nMỌI TRƯỜNG",
            HeaderName::Subject => "Tên kế hoạch\n1",
        }),
        FieldKind::Bool => json!(true),
        FieldKind::Months => json!([2, 5, 11]),
        FieldKind::Date => json!(format!("2027-{:02}-15", n % 12 + 1)),
        FieldKind::Stage => json!(Stage::Finalising.code()),
        FieldKind::SignerAuthority => json!("deputy"),
        FieldKind::ChannelRef => target(Entity::Channel),
        FieldKind::PolicyRef => target(Entity::Policy),
        FieldKind::ActivityRef => target(Entity::Activity),
        FieldKind::CategoryRef => target(Entity::BudgetCategory),
        FieldKind::SourceRef => target(Entity::FundingSource),
        FieldKind::Money => json!("12500000"),
        FieldKind::OptionalMoney => json!("9000000"),
        FieldKind::Quantity => json!(250),
        FieldKind::Count => json!(1_200 + n),
        FieldKind::Measure => json!("press_conferences"),
    }
}

/// The `n`th item of `entity` with every registry field set.
fn item(entity: Entity, n: usize) -> Map<String, Json> {
    let mut item = Map::new();
    item.insert("id".into(), json!(id(entity, n)));
    for f in entity.def().fields {
        assert_eq!(f.kind.refers_to().is_some(), f.name.ends_with("Id"));
        item.insert(f.name.into(), value(f, n));
    }
    item
}

/// What the registry does not list but the document types carry: each
/// policy's five stages, each budget line's amount.
fn add_unlisted(entity: Entity, item: &mut Map<String, Json>, n: usize) {
    match entity {
        Entity::Policy => {
            let stages: Vec<Json> = (Stage::ALL.iter().enumerate())
                .map(|(k, stage)| {
                    let mut s = self::item(Entity::PolicyStage, n * 10 + k);
                    s.insert("stage".into(), json!(stage.code()));
                    Json::Object(s)
                })
                .collect();
            item.insert(key(Entity::PolicyStage).into(), json!(stages));
        }
        Entity::BudgetLine => {
            let quantity = Quantity(item["quantity"].as_i64().expect("quantity"));
            let price: Money = serde_json::from_value(item["unitPrice"].clone()).expect("price");
            let amount = line_amount(quantity, price).expect("amount");
            item.insert("amount".into(), json!(amount));
        }
        _ => {}
    }
}

/// A plan in which every field of every kind of item is set, two items to
/// each list (references point to the second, so a reference moved to the
/// wrong item shows).
fn every_field_plan() -> PlanDocument {
    let mut doc = Map::new();
    doc.insert("id".into(), json!(1));
    let unit = json!({"id": 1, "name": "Sở Thử nghiệm Mọi trường",
        "parentBody": "Ủy ban nhân dân tỉnh Gia Lai", "abbreviation": "STNMT"});
    doc.insert("unit".into(), unit);
    doc.insert("year".into(), json!(2027));
    doc.insert("status".into(), json!(PlanStatus::Draft));
    doc.insert("updatedAt".into(), json!(""));
    for entity in Entity::ALL {
        match entity.def().scope {
            Scope::PlanRow => {
                let mut fields = item(entity, 1);
                fields.remove("id");
                doc.insert(key(entity).into(), Json::Object(fields));
            }
            Scope::Plan | Scope::Global => {
                let items: Vec<Json> = (1..=2)
                    .map(|n| {
                        let mut i = item(entity, n);
                        add_unlisted(entity, &mut i, n);
                        Json::Object(i)
                    })
                    .collect();
                doc.insert(key(entity).into(), json!(items));
            }
            // Inside each policy (`add_unlisted`).
            Scope::Policy => {}
        }
    }
    serde_json::from_value(Json::Object(doc)).expect("a plan document")
}

/// A plan as JSON with what a round trip may change taken out: the plan's id
/// and updated_at, the unit's id, and item ids, each replaced by the item's
/// place in its list; months in ascending order. A reference becomes the place of what it points to, or
/// the name of a reference list entry; the reference lists themselves are
/// compared by [`assert_lists_kept`].
fn normalise(doc: &PlanDocument) -> Json {
    let mut json = serde_json::to_value(doc).expect("json");
    let mut tokens: HashMap<(Entity, i64), Json> = HashMap::new();
    for entity in Entity::ALL {
        let items = json[key(entity)].as_array().cloned().unwrap_or_default();
        for (i, item) in items.iter().enumerate() {
            let token = match entity.def().scope {
                Scope::Global => item["name"].clone(),
                _ => json!(format!("{}#{i}", key(entity))),
            };
            tokens.insert((entity, item["id"].as_i64().expect("id")), token);
        }
    }
    let rewrite = |entity: Entity, item: &mut Json, place: usize| {
        if item.get("id").is_some() {
            item["id"] = json!(place);
        }
        for f in entity.def().fields {
            // Months are a set, read back in ascending order.
            if let (FieldKind::Months, Some(months)) = (f.kind, item[f.name].as_array_mut()) {
                months.sort_by_key(Json::as_u64);
            }
            if let (Some(target), Some(old)) = (f.kind.refers_to(), item[f.name].as_i64()) {
                let token = tokens.get(&(target, old)).cloned();
                item[f.name] = token.unwrap_or_else(|| json!("(nowhere)"));
            }
        }
    };
    for entity in Entity::ALL {
        let k = key(entity);
        match entity.def().scope {
            Scope::PlanRow => rewrite(entity, &mut json[k], 0),
            Scope::Plan => {
                for (i, item) in json[k].as_array_mut().expect("list").iter_mut().enumerate() {
                    rewrite(entity, item, i);
                }
            }
            Scope::Policy => {
                for policy in json[key(Entity::Policy)].as_array_mut().expect("list") {
                    for (i, s) in policy[k]
                        .as_array_mut()
                        .expect("stages")
                        .iter_mut()
                        .enumerate()
                    {
                        rewrite(entity, s, i);
                    }
                }
            }
            Scope::Global => {
                json.as_object_mut().expect("object").remove(k);
            }
        }
    }
    let plan = json.as_object_mut().expect("object");
    plan.remove("id");
    plan.remove("updatedAt");
    plan["unit"].as_object_mut().expect("unit").remove("id");
    json
}

/// The first place where `actual` and `expected` differ.
fn difference(actual: &Json, expected: &Json, path: &str) -> Option<String> {
    match (actual, expected) {
        (Json::Object(a), Json::Object(e)) => a.keys().chain(e.keys()).find_map(|k| {
            let (av, ev) = (
                a.get(k).unwrap_or(&Json::Null),
                e.get(k).unwrap_or(&Json::Null),
            );
            difference(av, ev, &format!("{path}.{k}"))
        }),
        (Json::Array(a), Json::Array(e)) if a.len() != e.len() => {
            Some(format!("{path}: {} items, expected {}", a.len(), e.len()))
        }
        (Json::Array(a), Json::Array(e)) => (a.iter().zip(e).enumerate())
            .find_map(|(i, (av, ev))| difference(av, ev, &format!("{path}[{i}]"))),
        _ if actual == expected => None,
        _ => Some(format!("{path}: {actual}, expected {expected}")),
    }
}

fn assert_same(actual: &Json, expected: &Json) {
    if let Some(d) = difference(actual, expected, "plan") {
        panic!("{d}");
    }
}

/// Every entry of the document's reference lists is in the store's, by name.
fn assert_lists_kept(loaded: &PlanDocument, original: &PlanDocument) {
    let (loaded, original) = (
        serde_json::to_value(loaded).expect("json"),
        serde_json::to_value(original).expect("json"),
    );
    for entity in Entity::ALL
        .into_iter()
        .filter(|e| e.def().scope == Scope::Global)
    {
        let names = |doc: &Json| -> Vec<Json> {
            let items = doc[key(entity)].as_array().cloned().unwrap_or_default();
            items.iter().map(|i| i["name"].clone()).collect()
        };
        let kept = names(&loaded);
        for name in names(&original) {
            assert!(kept.contains(&name), "{entity:?}: {name}");
        }
    }
}

fn round_trip(store: &mut Store, doc: &PlanDocument) -> PlanDocument {
    let summary = store
        .import_plan(&PlanFile::new(doc.clone()))
        .unwrap_or_else(|e| panic!("import: {}", e.message));
    let loaded = store.plan_document(summary.id).expect("load");
    assert_same(&normalise(&loaded), &normalise(doc));
    assert_lists_kept(&loaded, doc);
    loaded
}

#[test]
fn the_sample_plan_reads_back_as_written() {
    let (_dir, mut store) = open();
    let original = PlanFile::parse(SAMPLE).expect("sample").plan;
    let summary = store.create_sample().expect("sample");
    let mut loaded = store.plan_document(summary.id).expect("load");
    // It opens with the results of its year before, the other sample.
    let opening = std::mem::take(&mut loaded.fields.previous_results);
    assert!(opening.starts_with("Năm 2026, Sở Nông nghiệp và Môi trường đã hoàn thành"));
    assert_same(&normalise(&loaded), &normalise(&original));
    assert_lists_kept(&loaded, &original);
}

#[test]
fn the_stress_plan_reads_back_as_written() {
    let (_dir, mut store) = open();
    let doc = commplan_core::stress::large_plan(100, 1_000, 2027);
    let loaded = round_trip(&mut store, &doc);
    assert_eq!(loaded.activities.len(), 1_000);
    assert_eq!(loaded.policies.len(), 100);
}

#[test]
fn every_field_of_the_registry_reads_back_as_written() {
    let (_dir, mut store) = open();
    let doc = every_field_plan();
    let loaded = round_trip(&mut store, &doc);
    assert!(loaded.policies[1].stages.iter().all(|s| s.not_applicable));
    assert_eq!(loaded.budget_lines[1].approved, Money::new(9_000_000).ok());
}

/// What the copy into `year` changes on purpose, applied to a normalised plan:
/// the year, the status, the number and the issue date; no previous year's
/// results (the plan has no results recorded); every date of every list moved
/// by the same number of years; no amount approved yet.
fn moved(mut json: Json, years: i32) -> Json {
    json["year"] = json!(json["year"].as_i64().expect("year") + i64::from(years));
    json["status"] = json!(PlanStatus::Draft);
    json[key(Entity::Plan)]["number"] = json!("");
    json[key(Entity::Plan)]["issueDate"] = json!("");
    json[key(Entity::Plan)]["previousResults"] = json!("");
    for entity in Entity::ALL
        .into_iter()
        .filter(|e| e.def().scope == Scope::Plan)
    {
        for item in json[key(entity)].as_array_mut().expect("list") {
            for f in entity.def().fields {
                match f.kind {
                    FieldKind::Date => {
                        let date = item[f.name].as_str().expect("date");
                        let shifted = commplan_core::edit::shift_years(date, years);
                        item[f.name] = json!(shifted.expect("date"));
                    }
                    FieldKind::OptionalMoney => item[f.name] = Json::Null,
                    _ => {}
                }
            }
        }
    }
    json
}

#[test]
fn a_copy_into_the_next_year_carries_every_field() {
    let (_dir, mut store) = open();
    let doc = round_trip(&mut store, &every_field_plan());
    let copy = store
        .copy_plan(&copy_to(doc.id, 2028))
        .unwrap_or_else(|e| panic!("copy: {}", e.message));
    let copied = store.plan_document(copy.id).expect("copy");
    assert_same(&normalise(&copied), &moved(normalise(&doc), 1));

    assert_eq!(copied.year, 2028);
    assert_eq!(copied.status, PlanStatus::Draft);
    assert_eq!(
        (
            copied.fields.number.as_str(),
            copied.fields.issue_date.as_str()
        ),
        ("", "")
    );
    assert_ne!(doc.fields.number, "");
    for (a, before) in copied.activities.iter().zip(&doc.activities) {
        assert_eq!(a.start_date, before.start_date.replacen("2027", "2028", 1));
        assert_eq!(a.end_date, before.end_date.replacen("2027", "2028", 1));
    }
    assert!(copied.budget_lines.iter().all(|l| l.approved.is_none()));
    assert!(doc.budget_lines.iter().all(|l| l.approved.is_some()));
}
