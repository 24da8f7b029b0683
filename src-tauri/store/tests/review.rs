//! The review of a plan on a real database file: submit (refused while the
//! checker finds a blocking gap), the lock on every write path, comments,
//! return, resubmit, the revisions and their diff, approval, and copies.

use commplan_core::review::{CommentAnchor, NewComment, RevisionRef};
use commplan_core::{
    AppError, CopyPlan, Entity, ErrorCode, FieldEdit, FieldValue, NewItem, PlanDocument,
    PlanStatus, Step,
};
use commplan_store::Store;

const LOCKED: &str =
    "Kế hoạch đã trình, đang chờ xem xét: không sửa được cho đến khi được trả lại.";

fn setup() -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("commplan.sqlite3")).expect("open");
    let plan = store.create_sample().expect("sample").id;
    (dir, store, plan)
}

fn field(entity: Entity, id: i64, field: &str, value: &str) -> FieldEdit {
    FieldEdit {
        entity,
        id,
        field: field.into(),
        value: FieldValue::Text(value.into()),
    }
}

fn edit(store: &mut Store, entity: Entity, id: i64, name: &str, value: &str) {
    store
        .edit_field(&field(entity, id, name, value))
        .unwrap_or_else(|e| panic!("{name}: {}", e.message));
}

fn on_line(entity: Entity, id: i64, text: &str) -> NewComment {
    NewComment {
        anchor: CommentAnchor::Line {
            entity,
            id,
            field: None,
        },
        text: text.into(),
        author: "Sở Tư pháp".into(),
    }
}

fn on_step(step: Step, text: &str) -> NewComment {
    NewComment {
        anchor: CommentAnchor::Section { step },
        text: text.into(),
        author: "Sở Tài chính".into(),
    }
}

fn assert_locked<T: std::fmt::Debug>(what: &str, result: Result<T, AppError>, message: &str) {
    let err = result.expect_err(what);
    assert_eq!(err.code, ErrorCode::Locked, "{what}: {}", err.message);
    assert_eq!(err.message, message, "{what}");
}

/// Every write path that changes a plan's content, tried on a locked plan:
/// each is refused with `message` and nothing changes.
fn every_edit_is_refused(store: &mut Store, plan: i64, trash_id: i64, message: &str) {
    let before = store.plan_document(plan).expect("doc");
    let activity = before.activities[0].id;
    let line = before.budget_lines[0].id;
    let policy = before.policies[0].id;
    let stage = before.policies[0].stages[0].id;
    let basis = before.legal_bases[0].id;

    assert_locked(
        "edit a plan field",
        store.edit_field(&field(Entity::Plan, plan, "title", "Khác")),
        message,
    );
    assert_locked(
        "edit an activity",
        store.edit_field(&field(Entity::Activity, activity, "content", "Khác")),
        message,
    );
    assert_locked(
        "edit a legal basis",
        store.edit_field(&field(Entity::LegalBasis, basis, "text", "Khác")),
        message,
    );
    assert_locked(
        "edit a policy stage",
        store.edit_field(&field(Entity::PolicyStage, stage, "reason", "Khác")),
        message,
    );
    assert_locked(
        "edit a budget amount",
        store.edit_field(&FieldEdit {
            entity: Entity::BudgetLine,
            id: line,
            field: "unitPrice".into(),
            value: FieldValue::Text("1.000".into()),
        }),
        message,
    );
    assert_locked(
        "relink a budget line",
        store.edit_field(&FieldEdit {
            entity: Entity::BudgetLine,
            id: line,
            field: "activityId".into(),
            value: FieldValue::Number(None),
        }),
        message,
    );
    for entity in [
        Entity::Activity,
        Entity::Policy,
        Entity::BudgetLine,
        Entity::Recipient,
    ] {
        assert_locked(
            "add an item",
            store.add_item(&NewItem {
                entity,
                plan_id: plan,
                policy_id: None,
                stage: None,
            }),
            message,
        );
    }
    assert_locked(
        "delete an activity",
        store.delete_item(Entity::Activity, activity),
        message,
    );
    assert_locked(
        "delete a policy",
        store.delete_item(Entity::Policy, policy),
        message,
    );
    assert_locked(
        "move an activity",
        store.move_item(Entity::Activity, activity, 3),
        message,
    );
    assert_locked(
        "duplicate a budget line",
        store.duplicate_budget_line(line),
        message,
    );
    assert_locked("undo a deletion", store.undo_delete(trash_id), message);
    assert_locked("delete the plan", store.delete_plan(plan), message);

    let after = store.plan_document(plan).expect("doc");
    assert_eq!(after, before, "nothing changed");
}

#[test]
fn the_whole_review_cycle() {
    let (_dir, mut store, plan) = setup();
    let doc = store.plan_document(plan).expect("doc");
    let spokesperson = doc.fields.spokesperson_name.clone();
    let review = store.review_state(plan).expect("state");
    assert_eq!(review.status, PlanStatus::Draft);
    assert_eq!((review.last_revision, review.working_revision), (0, 1));

    // A deletion made while drafting, whose undo must wait for a return.
    let extra = store
        .add_item(&NewItem {
            entity: Entity::Recipient,
            plan_id: plan,
            policy_id: None,
            stage: None,
        })
        .expect("add")
        .added_id
        .expect("id");
    let deleted = store
        .delete_item(Entity::Recipient, extra)
        .expect("delete")
        .deleted
        .expect("undo handle");

    // A blocking gap: submitting is refused and names the checker.
    edit(&mut store, Entity::Plan, plan, "spokespersonName", "");
    assert!(!store.check_plan(plan).expect("check").can_submit());
    let err = store.submit_plan(plan).expect_err("blocking gap");
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(
        err.message
            .starts_with("Chưa trình được: kế hoạch còn 1 nội dung bắt buộc phải sửa."),
        "{}",
        err.message
    );
    assert!(err.message.contains("“Kiểm tra”"));
    assert_eq!(
        store.plan_summary(plan).expect("summary").status,
        PlanStatus::Draft
    );
    assert!(store.list_revisions(plan).expect("revisions").is_empty());

    // Fixed, it is submitted as revision 1 and locked.
    edit(
        &mut store,
        Entity::Plan,
        plan,
        "spokespersonName",
        &spokesperson,
    );
    let state = store.submit_plan(plan).expect("submit");
    assert_eq!(state.status, PlanStatus::Submitted);
    assert!(!state.editable);
    assert_eq!((state.last_revision, state.working_revision), (1, 1));
    let revisions = store.list_revisions(plan).expect("revisions");
    assert_eq!(revisions.len(), 1);
    assert_eq!(revisions[0].number, 1);
    assert_eq!(revisions[0].status, PlanStatus::Submitted);
    assert_eq!(revisions[0].policies, 6);
    assert_eq!(revisions[0].activities, 50);
    assert_eq!(revisions[0].budget_lines, 16);
    assert_eq!(
        revisions[0].total_proposed.map(|m| m.dong()),
        Some(store.sql_budget_total(plan).expect("total"))
    );

    every_edit_is_refused(&mut store, plan, deleted.trash_id, LOCKED);

    // The reviewer comments while it is submitted: on an activity and on a step.
    let doc = store.plan_document(plan).expect("doc");
    let activity = doc.activities[2].clone();
    let on_activity = store
        .add_comment(
            plan,
            &on_line(Entity::Activity, activity.id, "Nêu rõ đối tượng tiếp nhận."),
        )
        .expect("comment on a line");
    assert_eq!(on_activity.revision, 1);
    assert_eq!(on_activity.step, Step::Activities);
    assert!(on_activity.anchor_label.starts_with("hoạt động “"));
    assert!(on_activity.line_exists && on_activity.resolved_at.is_none());
    let on_budget = store
        .add_comment(plan, &on_step(Step::Budget, "Đối chiếu định mức chi."))
        .expect("comment on a step");
    assert_eq!(on_budget.anchor_label, "Kinh phí");
    assert_eq!(store.review_state(plan).expect("state").open_comments, 2);

    // Returned: editable again, the working copy is the draft of revision 2.
    let state = store.return_plan(plan, &[]).expect("return");
    assert_eq!(state.status, PlanStatus::Returned);
    assert!(state.editable);
    assert_eq!((state.last_revision, state.working_revision), (1, 2));
    assert!(
        state
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("Đang soạn lần 2"))
    );
    let view = store.plan_view(plan).expect("view");
    assert_eq!(view.review, state);

    // The officer fixes one text and resolves its comment.
    let fixed = format!("{} cho người dân và doanh nghiệp", activity.content);
    edit(&mut store, Entity::Activity, activity.id, "content", &fixed);
    let resolved = store
        .resolve_comment(on_activity.id, "Đã bổ sung đối tượng.")
        .expect("resolve");
    assert!(resolved.resolved_at.is_some());
    assert_eq!(resolved.resolved_note, "Đã bổ sung đối tượng.");
    let reopened = store.reopen_comment(on_activity.id).expect("reopen");
    assert!(reopened.resolved_at.is_none());
    store
        .resolve_comment(on_activity.id, "Đã bổ sung đối tượng.")
        .expect("resolve again");

    // Resubmitted with one comment still open: allowed, and counted.
    let state = store.resubmit_plan(plan).expect("resubmit");
    assert_eq!(state.status, PlanStatus::Resubmitted);
    assert_eq!(state.last_revision, 2);
    assert_eq!(state.open_comments, 1);
    assert!(
        state
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("Còn 1 ý kiến chưa xử lý"))
    );
    every_edit_is_refused(&mut store, plan, deleted.trash_id, LOCKED);

    // Revision 1 → 2 shows exactly the one text the officer changed.
    let d = store
        .revision_diff(
            plan,
            RevisionRef::Revision { number: 1 },
            RevisionRef::Revision { number: 2 },
        )
        .expect("diff");
    assert!(d.texts.is_empty(), "{:?}", d.texts);
    assert_eq!(d.lists.len(), 1, "{:?}", d.lists);
    let list = &d.lists[0];
    assert_eq!(list.entity, Entity::Activity);
    assert!(list.added.is_empty() && list.removed.is_empty() && list.moved.is_empty());
    assert_eq!(list.changed.len(), 1);
    assert_eq!(list.changed[0].id, activity.id);
    assert_eq!(list.changed[0].fields.len(), 1);
    assert_eq!(list.changed[0].fields[0].field, "content");
    assert_eq!(list.changed[0].fields[0].before, activity.content);
    assert_eq!(list.changed[0].fields[0].after, fixed);
    assert!(!d.totals.proposed.changed());
    // The working copy is revision 2.
    let d = store
        .revision_diff(
            plan,
            RevisionRef::Revision { number: 2 },
            RevisionRef::Working,
        )
        .expect("diff");
    assert!(d.is_empty());

    // Approved: locked for good, with its own message.
    let state = store.approve_plan(plan).expect("approve");
    assert_eq!(state.status, PlanStatus::Approved);
    let revisions = store.list_revisions(plan).expect("revisions");
    assert_eq!(revisions.len(), 2, "approving freezes nothing new");
    assert!(revisions[0].approved_at.is_none() && revisions[1].approved_at.is_some());
    assert_eq!(revisions[1].status, PlanStatus::Resubmitted);
    assert_eq!((revisions[0].comments, revisions[0].open_comments), (2, 1));
    let approved = store.plan_document(plan).expect("doc").clone();
    let message = store
        .edit_field(&field(Entity::Plan, plan, "title", "Khác"))
        .expect_err("approved")
        .message;
    assert!(
        message.starts_with("Kế hoạch đã được phê duyệt"),
        "{message}"
    );
    every_edit_is_refused(&mut store, plan, deleted.trash_id, &message);
    assert_eq!(
        store
            .resolve_comment(on_budget.id, "")
            .expect_err("approved")
            .code,
        ErrorCode::Locked
    );

    // Its copy into the next year is an editable draft without history.
    let copy = store
        .copy_plan(&CopyPlan {
            from_id: plan,
            year: approved.year + 1,
        })
        .expect("copy");
    assert_eq!(copy.status, PlanStatus::Draft);
    assert!(store.list_revisions(copy.id).expect("revisions").is_empty());
    assert!(store.list_comments(copy.id).expect("comments").is_empty());
    let state = store.review_state(copy.id).expect("state");
    assert!(state.editable && state.last_revision == 0 && state.comments == 0);
    edit(&mut store, Entity::Plan, copy.id, "title", "Kế hoạch mới");
    let copied = store.plan_document(copy.id).expect("copy doc");
    store
        .delete_item(Entity::Activity, copied.activities[0].id)
        .expect("the copy is editable");
    assert_eq!(store.plan_document(plan).expect("doc"), approved);
}

#[test]
fn illegal_transitions_are_refused() {
    let (_dir, mut store, plan) = setup();
    for (what, result) in [
        ("approve a draft", store.approve_plan(plan)),
        (
            "return a draft",
            store.return_plan(plan, &[on_step(Step::General, "x")]),
        ),
        ("resubmit a draft", store.resubmit_plan(plan)),
    ] {
        let err = result.expect_err(what);
        assert_eq!(err.code, ErrorCode::Conflict, "{what}");
        assert!(err.message.contains("“Dự thảo”"), "{what}: {}", err.message);
    }
    assert!(
        store
            .add_comment(plan, &on_step(Step::General, "x"))
            .is_err(),
        "no comment on a draft"
    );
    store.submit_plan(plan).expect("submit");
    let err = store.submit_plan(plan).expect_err("submit twice");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(err.message.contains("“Đã trình”"), "{}", err.message);
    assert!(
        store.resubmit_plan(plan).is_err(),
        "resubmit before a return"
    );

    // Returning needs a comment; the refusal changes nothing.
    let err = store.return_plan(plan, &[]).expect_err("no comment");
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(
        store.plan_summary(plan).expect("summary").status,
        PlanStatus::Submitted
    );
    let err = store
        .return_plan(plan, &[on_step(Step::General, "   ")])
        .expect_err("empty comment");
    assert_eq!(err.message, "Hãy nhập nội dung ý kiến.");
    assert!(store.list_comments(plan).expect("comments").is_empty());

    // Returned with comments added in the same step.
    let state = store
        .return_plan(
            plan,
            &[
                on_step(Step::General, "Bổ sung căn cứ."),
                on_step(Step::Staffing, "Ghi số điện thoại."),
            ],
        )
        .expect("return");
    assert_eq!(state.open_comments, 2);
    assert!(store.approve_plan(plan).is_err(), "approve a returned plan");
    assert!(store.return_plan(plan, &[]).is_err(), "return twice");
    store.resubmit_plan(plan).expect("resubmit");
    // Resubmitted → returned again → resubmitted → approved.
    store
        .return_plan(plan, &[on_step(Step::Budget, "Chưa đủ.")])
        .expect("return again");
    let state = store.resubmit_plan(plan).expect("resubmit again");
    assert_eq!(state.last_revision, 3);
    store.approve_plan(plan).expect("approve");
    for (what, result) in [
        ("submit an approved plan", store.submit_plan(plan)),
        ("return an approved plan", store.return_plan(plan, &[])),
        ("approve twice", store.approve_plan(plan)),
    ] {
        assert_eq!(result.expect_err(what).code, ErrorCode::Conflict, "{what}");
    }
    assert!(
        store
            .add_comment(plan, &on_step(Step::General, "x"))
            .is_err()
    );
}

#[test]
fn comments_on_deleted_lines_are_still_listed() {
    let (_dir, mut store, plan) = setup();
    store.submit_plan(plan).expect("submit");
    let doc = store.plan_document(plan).expect("doc");
    let activity = doc.activities[0].clone();
    let line = doc.budget_lines[0].clone();
    let policy = doc.policies[0].clone();
    store
        .return_plan(
            plan,
            &[
                on_line(Entity::Activity, activity.id, "Bỏ hoạt động này."),
                on_line(Entity::BudgetLine, line.id, "Dòng này trùng."),
                NewComment {
                    anchor: CommentAnchor::Line {
                        entity: Entity::Plan,
                        id: plan,
                        field: Some("spokespersonName".into()),
                    },
                    text: "Ghi rõ chức vụ.".into(),
                    author: "Văn phòng UBND".into(),
                },
            ],
        )
        .expect("return");
    store
        .delete_item(Entity::Activity, activity.id)
        .expect("delete activity");
    store
        .delete_item(Entity::BudgetLine, line.id)
        .expect("delete line");
    store
        .delete_item(Entity::Policy, policy.id)
        .expect("delete policy");

    let comments = store.list_comments(plan).expect("comments");
    assert_eq!(comments.len(), 3);
    assert!(!comments[0].line_exists);
    assert!(
        comments[0]
            .anchor_label
            .contains(&activity.content.chars().take(20).collect::<String>())
    );
    assert_eq!(
        comments[0].anchor,
        CommentAnchor::Line {
            entity: Entity::Activity,
            id: activity.id,
            field: None
        }
    );
    assert!(!comments[1].line_exists);
    assert!(
        comments[1].anchor_label.starts_with("dòng kinh phí"),
        "{}",
        comments[1].anchor_label
    );
    assert!(comments[2].line_exists);
    assert_eq!(comments[2].step, Step::Staffing);
    assert!(
        comments[2].anchor_label.ends_with("— Người phát ngôn"),
        "{}",
        comments[2].anchor_label
    );
    // Comments survive the resubmission.
    store.resubmit_plan(plan).expect("resubmit");
    assert_eq!(store.list_comments(plan).expect("comments").len(), 3);
}

#[test]
fn a_comment_must_name_a_line_of_this_plan() {
    let (_dir, mut store, plan) = setup();
    let other = store
        .copy_plan(&CopyPlan {
            from_id: plan,
            year: 2030,
        })
        .expect("copy");
    let foreign = store.plan_document(other.id).expect("doc").activities[0].id;
    store.submit_plan(plan).expect("submit");
    let err = store
        .add_comment(plan, &on_line(Entity::Activity, foreign, "x"))
        .expect_err("foreign line");
    assert_eq!(err.code, ErrorCode::Validation);
    let err = store
        .add_comment(plan, &on_line(Entity::Activity, 999_999, "x"))
        .expect_err("missing line");
    assert_eq!(err.code, ErrorCode::NotFound);
    assert!(
        store
            .add_comment(plan, &on_line(Entity::Channel, 1, "x"))
            .is_err()
    );
}

#[test]
fn revisions_round_trip_and_are_frozen() {
    let (dir, mut store, plan) = setup();
    let before: PlanDocument = store.plan_document(plan).expect("doc");
    store.submit_plan(plan).expect("submit");
    let frozen = store
        .revision_document(plan, RevisionRef::Revision { number: 1 })
        .expect("revision");
    let mut expected = before.clone();
    expected.status = PlanStatus::Submitted;
    assert_eq!(frozen, expected);
    let json = serde_json::to_string(&frozen).expect("json");
    let back: PlanDocument = serde_json::from_str(&json).expect("parse");
    assert_eq!(back, frozen);
    assert_eq!(
        store
            .revision_document(plan, RevisionRef::Revision { number: 7 })
            .expect_err("no such revision")
            .code,
        ErrorCode::NotFound
    );

    // The frozen text cannot be changed, even through the write path.
    let err = store
        .write(|tx| {
            tx.execute("UPDATE revisions SET document = '{}'", [])
                .map_err(commplan_store::db_error)
        })
        .expect_err("frozen");
    assert_eq!(err.code, ErrorCode::Locked);
    drop(store);

    // Reopened, everything is still there.
    let store = Store::open(&dir.path().join("commplan.sqlite3")).expect("reopen");
    assert_eq!(store.list_revisions(plan).expect("revisions").len(), 1);
    assert_eq!(
        store
            .revision_document(plan, RevisionRef::Revision { number: 1 })
            .expect("revision"),
        frozen
    );
}

#[test]
fn a_returned_plan_can_be_deleted_and_undone_with_its_history() {
    let (_dir, mut store, plan) = setup();
    store.submit_plan(plan).expect("submit");
    store
        .return_plan(plan, &[on_step(Step::General, "Sửa tiêu đề.")])
        .expect("return");
    let deleted = store.delete_plan(plan).expect("delete a returned plan");
    assert!(store.list_plans().expect("plans").is_empty());
    store.undo_delete(deleted.trash_id).expect("undo");
    assert_eq!(store.list_revisions(plan).expect("revisions").len(), 1);
    assert_eq!(store.list_comments(plan).expect("comments").len(), 1);
    let state = store.review_state(plan).expect("state");
    assert_eq!(state.status, PlanStatus::Returned);
    assert_eq!(state.working_revision, 2);
}
