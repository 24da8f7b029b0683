//! Editing a plan on a real database file: fields, lists, undo, order, copies.

mod common;

use common::{
    add, copy_to, create_plan, edit, edit_plan, field, ids, link, open_in, text, with_plan,
    with_sample,
};
use commplan_core::{Entity, ErrorCode, FieldValue, NewItem, PlanStatus, Stage, Step};
use commplan_store::Store;

/// Sets a field of activity `id`, which must be accepted.
fn edit_activity(store: &mut Store, id: i64, name: &str, value: FieldValue) {
    edit(store, Entity::Activity, id, name, value);
}

#[test]
fn plan_fields_are_saved_and_read_back() {
    let (dir, mut store, plan) = with_plan();
    edit_plan(&mut store, plan, "place", "Gia Lai");
    edit_plan(&mut store, plan, "issueDate", "2027-01-05");
    edit_plan(&mut store, plan, "purposes", "Mục đích 1\nMục đích 2");
    edit_plan(&mut store, plan, "signerAuthority", "deputy");
    edit_plan(
        &mut store,
        plan,
        "leaderName",
        "Nguye\u{302}\u{303}n Văn An",
    );
    drop(store);

    let store = open_in(dir.path());
    let doc = store.plan_document(plan).expect("doc");
    assert_eq!(doc.fields.place, "Gia Lai");
    assert_eq!(doc.fields.issue_date, "2027-01-05");
    assert_eq!(doc.fields.purposes, "Mục đích 1\nMục đích 2");
    assert_eq!(
        doc.fields.signer_authority,
        Some(commplan_core::SignerAuthority::Deputy)
    );
    assert_eq!(doc.fields.leader_name, "Nguyễn Văn An");
}

#[test]
fn a_bad_value_is_refused_and_nothing_changes() {
    let (_dir, mut store, plan) = with_plan();
    edit_plan(&mut store, plan, "issueDate", "2027-01-05");
    let before = store.plan_document(plan).expect("doc");
    for (name, value) in [
        ("issueDate", text("2027-02-30")),
        ("title", text(&"x".repeat(1_001))),
        ("signerAuthority", text("KT.")),
        ("no_such_field", text("x")),
    ] {
        let err = store
            .edit_field(&field(Entity::Plan, plan, name, value))
            .expect_err(name);
        assert!(!err.message.is_empty());
    }
    assert_eq!(store.plan_document(plan).expect("doc"), before);
}

#[test]
fn a_new_policy_has_five_stages_and_activities_attach_to_them() {
    let (_dir, mut store, plan) = with_plan();
    let policy = add(&mut store, Entity::Policy, plan);
    let doc = store.plan_document(plan).expect("doc");
    let stages: Vec<Stage> = doc.policies[0].stages.iter().map(|s| s.stage).collect();
    assert_eq!(stages, Stage::ALL);

    let changed = store
        .add_item(&NewItem {
            entity: Entity::Activity,
            plan_id: plan,
            policy_id: Some(policy),
            stage: Some(Stage::Drafting),
        })
        .expect("activity");
    let activity = changed.added_id.expect("id");
    edit_activity(
        &mut store,
        activity,
        "months",
        FieldValue::Months(vec![3, 4]),
    );
    let channel = store.list_reference(Entity::Channel).expect("channels")[5].id;
    edit_activity(&mut store, activity, "channelId", link(channel));
    let doc = store.plan_document(plan).expect("doc");
    assert_eq!(doc.activities_of(policy, Stage::Drafting).count(), 1);
    assert_eq!(doc.activities[0].months, [3, 4]);
    assert_eq!(doc.activities[0].channel_id, Some(channel));

    // A stage marked not applicable counts as covered once it has a reason.
    let stage_id = doc.policies[0].stages[0].id;
    edit(
        &mut store,
        Entity::PolicyStage,
        stage_id,
        "notApplicable",
        FieldValue::Bool(true),
    );
    edit(
        &mut store,
        Entity::PolicyStage,
        stage_id,
        "reason",
        text("Chủ trương đã được phê duyệt năm 2026."),
    );
    let doc = store.plan_document(plan).expect("doc");
    assert!(doc.policies[0].stages[0].not_applicable);
}

#[test]
fn an_activity_cannot_point_at_another_plans_policy() {
    let (_dir, mut store, plan) = with_plan();
    let other = create_plan(&mut store, 1, 2027).id;
    let foreign_policy = add(&mut store, Entity::Policy, other);
    let activity = add(&mut store, Entity::Activity, plan);
    let err = store
        .edit_field(&field(
            Entity::Activity,
            activity,
            "policyId",
            link(foreign_policy),
        ))
        .expect_err("foreign policy");
    assert_eq!(err.code, ErrorCode::Validation);
}

#[test]
fn deleting_a_policy_takes_its_activities_and_undo_brings_all_back() {
    let (_dir, mut store, plan) = with_plan();
    let policy = add(&mut store, Entity::Policy, plan);
    edit(
        &mut store,
        Entity::Policy,
        policy,
        "title",
        text("Chính sách hỗ trợ nông nghiệp hữu cơ"),
    );
    for stage in [Stage::Planning, Stage::Implementation] {
        store
            .add_item(&NewItem {
                entity: Entity::Activity,
                plan_id: plan,
                policy_id: Some(policy),
                stage: Some(stage),
            })
            .expect("activity");
    }
    let before = store.plan_document(plan).expect("doc");

    let changed = store.delete_item(Entity::Policy, policy).expect("delete");
    let deleted = changed.deleted.expect("undo handle");
    assert_eq!(
        deleted.description,
        "chính sách “Chính sách hỗ trợ nông nghiệp hữu cơ”"
    );
    assert!(changed.view.document.policies.is_empty());
    assert!(changed.view.document.activities.is_empty());

    let restored = store.undo_delete_in_plan(deleted.trash_id).expect("undo");
    let mut after = restored.view.document;
    after.updated_at.clone_from(&before.updated_at);
    assert_eq!(after, before);
    // Undo is not repeatable.
    assert_eq!(
        store.undo_delete(deleted.trash_id).expect_err("twice").code,
        ErrorCode::NotFound
    );
}

#[test]
fn a_deleted_plan_can_be_restored() {
    let (_dir, mut store, plan) = with_plan();
    add(&mut store, Entity::Policy, plan);
    let before = store.plan_document(plan).expect("doc");
    let deleted = store.delete_plan(plan).expect("delete plan");
    assert!(store.list_plans().expect("list").is_empty());
    assert_eq!(
        store.undo_delete(deleted.trash_id).expect("undo"),
        Some(plan)
    );
    let mut after = store.plan_document(plan).expect("restored");
    after.updated_at.clone_from(&before.updated_at);
    assert_eq!(after, before);
}

#[test]
fn objectives_are_added_edited_and_deleted_with_the_plan() {
    let (_dir, mut store, plan) = with_plan();
    let objective = add(&mut store, Entity::Objective, plan);
    let new = store.plan_document(plan).expect("doc").objectives;
    assert_eq!(new.len(), 1);
    assert_eq!(
        (new[0].target, new[0].measure),
        (None, commplan_core::results::IndicatorMeasure::Manual)
    );
    let name = "Tỷ lệ chính sách có tác động lớn được truyền thông từ khâu đề xuất";
    edit(&mut store, Entity::Objective, objective, "name", text(name));
    edit(
        &mut store,
        Entity::Objective,
        objective,
        "target",
        text("100"),
    );
    edit(&mut store, Entity::Objective, objective, "unit", text("%"));
    edit(
        &mut store,
        Entity::Objective,
        objective,
        "measure",
        text("major_policies_from_proposal"),
    );
    let refused = store
        .edit_field(&field(Entity::Objective, objective, "target", text("95,5")))
        .expect_err("a decimal");
    assert_eq!(refused.code, ErrorCode::Validation);
    edit_plan(&mut store, plan, "previousResults", "Năm 2026, Sở đã …");
    let doc = store.plan_document(plan).expect("doc");
    assert_eq!(doc.fields.previous_results, "Năm 2026, Sở đã …");
    let o = &doc.objectives[0];
    assert_eq!(
        (o.name.as_str(), o.target, o.unit.as_str()),
        (name, Some(100), "%")
    );
    let deleted = store
        .delete_item(Entity::Objective, objective)
        .expect("delete")
        .deleted
        .expect("undo handle");
    assert!(deleted.description.starts_with("chỉ tiêu “Tỷ lệ"));
    store.undo_delete(deleted.trash_id).expect("undo");
    assert_eq!(
        store.plan_document(plan).expect("doc").objectives,
        doc.objectives
    );
}

#[test]
fn lists_can_be_reordered() {
    let (_dir, mut store, plan) = with_plan();
    let doc = store.plan_document(plan).expect("doc");
    let bases = ids(&doc.legal_bases, |b| b.id);
    assert!(bases.len() >= 3);
    let last = *bases.last().expect("last");
    let changed = store.move_item(Entity::LegalBasis, last, 0).expect("move");
    let order = ids(&changed.view.document.legal_bases, |b| b.id);
    assert_eq!(order[0], last);
    assert_eq!(&order[1..], &bases[..bases.len() - 1]);
}

#[test]
fn a_channel_in_use_cannot_be_deleted() {
    let (_dir, mut store, plan) = with_plan();
    let activity = add(&mut store, Entity::Activity, plan);
    let channel = store.list_reference(Entity::Channel).expect("channels")[0].id;
    edit_activity(&mut store, activity, "channelId", link(channel));
    let err = store
        .delete_reference(Entity::Channel, channel)
        .expect_err("in use");
    assert_eq!(err.code, ErrorCode::Conflict);
    let unused = store.list_reference(Entity::Channel).expect("channels")[1].id;
    let deleted = store
        .delete_reference(Entity::Channel, unused)
        .expect("unused");
    assert!(
        store
            .list_reference(Entity::Channel)
            .expect("channels")
            .iter()
            .all(|c| c.id != unused)
    );
    store.undo_delete(deleted.trash_id).expect("undo");
    assert!(
        store
            .list_reference(Entity::Channel)
            .expect("channels")
            .iter()
            .any(|c| c.id == unused)
    );
}

#[test]
fn a_channel_name_already_listed_is_refused_when_added_or_renamed() {
    let (_dir, mut store, _plan) = with_plan();
    let names = |store: &Store| -> Vec<String> {
        let list = store.list_reference(Entity::Channel).expect("channels");
        list.into_iter().map(|c| c.name).collect()
    };
    let before = names(&store);
    let added = store
        .add_reference(Entity::Channel, "Podcast của Sở")
        .expect("a new name");
    assert_eq!(names(&store).len(), before.len() + 1);
    let err = store
        .add_reference(Entity::Channel, " podcast   của SỞ ")
        .expect_err("the same name again");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(err.message.contains("“Podcast của Sở”"), "{}", err.message);
    let first = store.list_reference(Entity::Channel).expect("channels")[0].id;
    let err = store
        .edit_field(&commplan_core::FieldEdit {
            entity: Entity::Channel,
            id: first,
            field: "name".into(),
            value: text("Podcast của Sở"),
        })
        .expect_err("renamed to a name in use");
    assert_eq!(err.code, ErrorCode::Conflict);
    // An entry keeps its own name when it is saved again.
    edit(
        &mut store,
        Entity::Channel,
        added.id,
        "name",
        text("Podcast của Sở"),
    );
    let mut expected = before;
    expected.push("Podcast của Sở".into());
    assert_eq!(names(&store), expected);
}

#[test]
fn copying_to_the_next_year_moves_dates_and_resets_the_status() {
    let (_dir, mut store, plan) = with_plan();
    edit_plan(&mut store, plan, "number", "12");
    edit_plan(&mut store, plan, "issueDate", "2027-01-05");
    let activity = add(&mut store, Entity::Activity, plan);
    edit_activity(&mut store, activity, "startDate", text("2027-03-15"));
    edit_activity(&mut store, activity, "endDate", text("2027-03-31"));
    store
        .write(|tx| {
            tx.execute("UPDATE plans SET status = 'approved' WHERE id = ?1", [plan])
                .map_err(commplan_store::db_error)
        })
        .expect("approve");

    let copy = store.copy_plan(&copy_to(plan, 2028)).expect("copy");
    assert_eq!(copy.year, 2028);
    assert_eq!(copy.status, PlanStatus::Draft);
    assert_eq!(copy.title, "Truyền thông chính sách năm 2028");
    let doc = store.plan_document(copy.id).expect("doc");
    assert_eq!(doc.activities[0].start_date, "2028-03-15");
    assert_eq!(doc.activities[0].end_date, "2028-03-31");
    assert_eq!(doc.fields.number, "");
    assert_eq!(doc.fields.issue_date, "");
    let original = store.plan_document(plan).expect("original");
    assert_eq!(doc.legal_bases.len(), original.legal_bases.len());

    let err = store.copy_plan(&copy_to(plan, 2028)).expect_err("twice");
    assert_eq!(err.code, ErrorCode::Conflict);
}

/// The officer's line breaks of the header: saved tidy, refused when they
/// change the words, empty for the automatic rule, and moved with the year
/// when the plan is copied.
#[test]
fn header_breaks_change_only_where_lines_end() {
    let (_dir, mut store, plan) = with_sample();
    let saved = store
        .edit_field(&field(
            Entity::Plan,
            plan,
            "headerUnitLines",
            text(" Sở Nông nghiệp \n\n và  Môi trường "),
        ))
        .expect("the unit's own words");
    assert_eq!(saved.value, text("Sở Nông nghiệp\nvà Môi trường"));

    let before = store.plan_document(plan).expect("doc");
    for (name, value) in [
        ("headerUnitLines", "SỞ NÔNG NGHIỆP\nVÀ PHÁT TRIỂN NÔNG THÔN"),
        ("headerParentLines", "ỦY BAN NHÂN DÂN\nTỈNH KON TUM"),
        ("subjectLines", "Kế hoạch truyền thông\nnăm 2027"),
    ] {
        let err = store
            .edit_field(&field(Entity::Plan, plan, name, text(value)))
            .expect_err(name);
        assert_eq!(err.code, ErrorCode::Validation, "{name}");
        assert!(
            err.message
                .contains("chỉ đổi được chỗ xuống dòng, không đổi chữ"),
            "{name}: {}",
            err.message
        );
    }
    assert_eq!(store.plan_document(plan).expect("doc"), before);

    edit_plan(
        &mut store,
        plan,
        "subjectLines",
        "Truyền thông chính sách\nnăm 2027",
    );
    let copy = store.copy_plan(&copy_to(plan, 2028)).expect("copy");
    let doc = store.plan_document(copy.id).expect("copy's doc");
    assert_eq!(
        doc.fields.subject_lines,
        "Truyền thông chính sách\nnăm 2028"
    );
    assert_eq!(
        doc.fields.header_unit_lines,
        "Sở Nông nghiệp\nvà Môi trường"
    );

    edit_plan(&mut store, plan, "headerUnitLines", "");
    let doc = store.plan_document(plan).expect("doc");
    assert_eq!(doc.fields.header_unit_lines, "", "automatic again");
}

#[test]
fn the_sample_plan_is_complete_enough_to_learn_from() {
    let (_dir, store, plan) = with_sample();
    let view = store.plan_view(plan).expect("view");
    let doc = &view.document;
    assert!(doc.policies.len() >= 4, "policies: {}", doc.policies.len());
    assert!(
        doc.activities.len() >= 30,
        "activities: {}",
        doc.activities.len()
    );
    for stage in Stage::ALL {
        assert!(
            doc.activities.iter().any(|a| a.stage == Some(stage)),
            "{stage:?}"
        );
    }
    for p in &doc.policies {
        for s in &p.stages {
            assert!(
                doc.activities_of(p.id, s.stage).next().is_some()
                    || (s.not_applicable && !s.reason.is_empty()),
                "{} / {:?}",
                p.title,
                s.stage
            );
        }
    }
    assert!(!doc.focal_officers.is_empty() && !doc.press_partners.is_empty());
    assert!(!doc.fields.opinion_monitoring.is_empty() && !doc.responsibilities.is_empty());
    for step in Step::ALL {
        let p = view.progress.iter().find(|p| p.step == step).expect("step");
        assert!(p.complete(), "{step:?}: {}/{}", p.done, p.total);
    }
}
