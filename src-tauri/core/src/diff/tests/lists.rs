//! Items of the lists: added, removed, changed (fields as people read them) and moved.

use serde::Serialize;

use super::{independent_total, list, money, only_list, sample};
use crate::budget::Difference;
use crate::diff::lists::extra_fields;
use crate::diff::{ItemChange, diff, object, render_text};
use crate::edit::Entity;
use crate::model::Step;
use crate::money::Quantity;
use crate::plan::Stage;
use crate::text::shorten;

/// The changed fields of an item as (label, before, after).
fn shown(change: &ItemChange) -> Vec<(&str, &str, &str)> {
    change
        .fields
        .iter()
        .map(|f| (f.label.as_str(), f.before.as_str(), f.after.as_str()))
        .collect()
}

#[test]
fn an_added_activity_is_named_with_its_policy_and_stage() {
    let a = sample();
    let mut b = a.clone();
    let policy = &a.policies[1];
    let mut act = a.activities[3].clone();
    act.id = a.activities.iter().map(|x| x.id).max().unwrap_or(0) + 1;
    act.policy_id = Some(policy.id);
    act.stage = Some(Stage::Drafting);
    act.content = "Tọa đàm trên sóng phát thanh về dự thảo chính sách".into();
    b.activities.push(act.clone());
    let d = diff(&a, &b);
    let l = only_list(&d, Entity::Activity);
    assert_eq!(l.step, Step::Activities);
    assert!(l.removed.is_empty() && l.changed.is_empty() && l.moved.is_empty());
    assert_eq!(l.added.len(), 1);
    assert_eq!(l.added[0].id, act.id);
    let s = &l.added[0].summary;
    assert!(
        s.starts_with("Tọa đàm trên sóng phát thanh về dự thảo chính sách ("),
        "{s}"
    );
    assert!(s.ends_with("; giai đoạn Xây dựng)"), "{s}");
    assert_eq!(d.totals.activities.before, 51);
    assert_eq!(d.totals.activities.after, 52);
    assert!(!d.totals.proposed.changed());
}

#[test]
fn a_removed_budget_line_lowers_the_totals() {
    let a = sample();
    let mut b = a.clone();
    let gone = b.budget_lines.remove(0);
    let d = diff(&a, &b);
    let l = only_list(&d, Entity::BudgetLine);
    assert_eq!(l.step, Step::Budget);
    assert_eq!(l.removed.len(), 1);
    assert_eq!(l.removed[0].id, gone.id);
    assert!(
        l.removed[0].summary.ends_with(": 60.000.000 đ"),
        "{}",
        l.removed[0].summary
    );
    assert!(l.removed[0].summary.starts_with("Đặt hàng tin, bài"));
    let t = &d.totals.proposed;
    assert_eq!(t.before, Some(money(independent_total(&a))));
    assert_eq!(t.after, Some(money(independent_total(&a) - 60_000_000)));
    assert_eq!(t.difference, Some(Difference(-60_000_000)));
    assert_eq!(d.totals.approved.difference, Some(Difference(-60_000_000)));
    assert_eq!(d.totals.budget_lines.before, 16);
    assert_eq!(d.totals.budget_lines.after, 15);
    let text = render_text(&d);
    assert!(text.contains("−60.000.000 đ"), "{text}");
}

#[test]
fn a_new_unit_price_shows_as_money_with_the_new_totals() {
    let a = sample();
    let mut b = a.clone();
    let line = &mut b.budget_lines[0];
    assert_eq!(line.quantity, Quantity(2400));
    line.unit_price = money(3_000_000);
    line.amount = crate::money::line_amount(line.quantity, line.unit_price).expect("amount");
    let d = diff(&a, &b);
    let l = only_list(&d, Entity::BudgetLine);
    assert_eq!(l.changed.len(), 1);
    let fields = shown(&l.changed[0]);
    assert_eq!(
        fields,
        [
            ("Đơn giá", "2.500.000 đ", "3.000.000 đ"),
            ("Thành tiền", "60.000.000 đ", "72.000.000 đ"),
        ]
    );
    assert!(l.changed[0].summary.ends_with(": 72.000.000 đ"));
    assert_eq!(d.totals.proposed.difference, Some(Difference(12_000_000)));
    assert_eq!(
        d.totals.proposed.after,
        Some(money(independent_total(&a) + 12_000_000))
    );
    assert!(!d.totals.approved.changed());
    let text = render_text(&d);
    assert!(
        text.contains("Đơn giá: 2.500.000 đ → 3.000.000 đ"),
        "{text}"
    );
    assert!(text.contains("(+12.000.000 đ)"), "{text}");
}

#[test]
fn a_stage_marked_not_applicable_is_a_change_of_its_policy() {
    let a = sample();
    let mut b = a.clone();
    let reason = "Chính sách đã được hoạch định từ năm trước.";
    let stage = &mut b.policies[0].stages[0];
    assert_eq!(stage.stage, Stage::Planning);
    assert!(!stage.not_applicable);
    stage.not_applicable = true;
    stage.reason = reason.into();
    let d = diff(&a, &b);
    let l = only_list(&d, Entity::Policy);
    assert_eq!(l.changed.len(), 1);
    assert_eq!(l.changed[0].id, a.policies[0].id);
    let fields: Vec<(&str, &str, &str, &str)> = l.changed[0]
        .fields
        .iter()
        .map(|f| {
            (
                f.field.as_str(),
                f.label.as_str(),
                f.before.as_str(),
                f.after.as_str(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        [
            (
                "stages.planning.notApplicable",
                "Giai đoạn Hoạch định chủ trương — Không áp dụng",
                "Không",
                "Có"
            ),
            (
                "stages.planning.reason",
                "Giai đoạn Hoạch định chủ trương — Lý do không áp dụng",
                "",
                reason
            ),
        ]
    );
}

#[test]
fn activity_fields_are_shown_as_people_read_them() {
    let a = sample();
    let mut b = a.clone();
    let act = &mut b.activities[0];
    let old_channel = a
        .channel_name(act.channel_id)
        .expect("a channel")
        .to_string();
    let other = a
        .channels
        .iter()
        .find(|c| Some(c.id) != act.channel_id)
        .expect("another channel");
    act.channel_id = Some(other.id);
    act.months = vec![1, 3, 5];
    act.policy_id = Some(a.policies[0].id);
    act.stage = Some(Stage::Promulgation);
    let d = diff(&a, &b);
    let l = only_list(&d, Entity::Activity);
    let f = shown(&l.changed[0]);
    let policy = shorten(&a.policies[0].title, 80);
    assert_eq!(
        f,
        [
            ("Chính sách", "", policy.as_str()),
            ("Giai đoạn", "", "Ban hành"),
            ("Hình thức", old_channel.as_str(), other.name.as_str()),
            (
                "Tháng thực hiện",
                "tháng 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12",
                "tháng 1, 3, 5"
            ),
        ]
    );
}

#[test]
fn quantities_booleans_and_approved_amounts_are_readable() {
    let a = sample();
    let mut b = a.clone();
    b.policies[0].major_impact = !a.policies[0].major_impact;
    let line = &mut b.budget_lines[1];
    line.quantity = Quantity(250);
    line.amount = crate::money::line_amount(line.quantity, line.unit_price).expect("amount");
    line.approved = None;
    let d = diff(&a, &b);
    let p = &list(&d, Entity::Policy).changed[0].fields[0];
    assert_eq!(
        (p.label.as_str(), p.before.as_str(), p.after.as_str()),
        ("Tác động lớn đến xã hội", "Có", "Không")
    );
    let fields = shown(&list(&d, Entity::BudgetLine).changed[0]);
    assert_eq!(
        fields,
        [
            ("Số lượng", "12", "2,5"),
            ("Số được duyệt", "102.000.000 đ", ""),
            ("Thành tiền", "102.000.000 đ", "21.250.000 đ"),
        ]
    );
    assert_eq!(d.totals.approved.difference, Some(Difference(-102_000_000)));
}

#[test]
fn a_reorder_alone_is_no_change_of_content() {
    let a = sample();
    let mut b = a.clone();
    b.legal_bases.swap(0, 1);
    b.budget_lines.reverse();
    let d = diff(&a, &b);
    assert!(!d.has_content_changes(), "{d:#?}");
    assert!(!d.is_empty());
    assert!(d.texts.is_empty());
    let bases = list(&d, Entity::LegalBasis);
    assert!(bases.added.is_empty() && bases.removed.is_empty() && bases.changed.is_empty());
    assert_eq!(bases.moved.len(), 1);
    assert!([a.legal_bases[0].id, a.legal_bases[1].id].contains(&bases.moved[0].id));
    assert_eq!(list(&d, Entity::BudgetLine).moved.len(), 15);
    assert!(!d.totals.proposed.changed() && !d.totals.approved.changed());
}

#[test]
fn moving_and_editing_an_item_reports_both() {
    let a = sample();
    let mut b = a.clone();
    let r = b.recipients.remove(0);
    b.recipients.push(crate::Recipient {
        text: format!("{} (để b/c)", r.text),
        ..r
    });
    let d = diff(&a, &b);
    let l = only_list(&d, Entity::Recipient);
    assert_eq!(l.changed.len(), 1);
    assert_eq!(l.moved.len(), 1);
    assert_eq!(l.moved[0].id, a.recipients[0].id);
    assert!(d.has_content_changes());
}

/// A field added to a document type must get a label (the registry's, or an
/// extra one here), else its changes would go unseen.
#[test]
fn every_field_of_every_item_has_a_label() {
    let doc = sample();
    fn check<T: Serialize>(entity: Entity, item: &T) {
        let known: Vec<&str> = entity
            .def()
            .fields
            .iter()
            .map(|f| f.name)
            .chain(extra_fields(entity).iter().map(|e| e.0))
            .chain(["id", "stages"])
            .collect();
        // A policy's stages are matched by their stage.
        let known = if entity == Entity::PolicyStage {
            [known, vec!["stage"]].concat()
        } else {
            known
        };
        for key in object(item).keys() {
            assert!(
                known.contains(&key.as_str()),
                "{entity:?}.{key} has no label"
            );
        }
    }
    check(Entity::Plan, &doc.fields);
    check(Entity::LegalBasis, &doc.legal_bases[0]);
    check(Entity::Policy, &doc.policies[0]);
    check(Entity::PolicyStage, &doc.policies[0].stages[0]);
    check(Entity::Activity, &doc.activities[0]);
    check(Entity::FocalOfficer, &doc.focal_officers[0]);
    check(Entity::Training, &doc.trainings[0]);
    check(Entity::PressPartner, &doc.press_partners[0]);
    check(Entity::Responsibility, &doc.responsibilities[0]);
    check(Entity::Report, &doc.reports[0]);
    check(Entity::Recipient, &doc.recipients[0]);
    check(Entity::BudgetLine, &doc.budget_lines[0]);
    check(Entity::Objective, &doc.objectives[0]);
}
