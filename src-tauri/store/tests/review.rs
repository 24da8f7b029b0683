//! The review of a plan on a real database file: submit (refused while the
//! checker finds a blocking gap), the lock on every write path, comments,
//! return, resubmit, the revisions and their diff, approval, and copies.

mod common;

use common::{add, copy_to, edit, edit_plan, field, open_in, text, with_sample};
use commplan_core::review::{CommentAnchor, NewComment, RevisionRef};
use commplan_core::{
    Activity, AppError, Entity, ErrorCode, FieldValue, NewItem, PlanDocument, PlanStatus, Step,
};
use commplan_store::Store;

const LOCKED: &str =
    "Kế hoạch đã trình, đang chờ xem xét: không sửa được cho đến khi được trả lại.";

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
    field_edits_are_refused(store, plan, &before, message);
    adding_deleting_and_moving_are_refused(store, plan, &before, trash_id, message);
    let after = store.plan_document(plan).expect("doc");
    assert_eq!(after, before, "nothing changed");
}

/// Edits of a field of the plan, of a line in a list and of a budget line.
fn field_edits_are_refused(store: &mut Store, plan: i64, doc: &PlanDocument, message: &str) {
    let activity = doc.activities[0].id;
    let line = doc.budget_lines[0].id;
    let stage = doc.policies[0].stages[0].id;
    let basis = doc.legal_bases[0].id;
    let objective = doc.objectives[0].id;
    for (what, edit) in [
        (
            "edit a plan field",
            field(Entity::Plan, plan, "title", text("Khác")),
        ),
        (
            "break the unit's name into lines",
            field(
                Entity::Plan,
                plan,
                "headerUnitLines",
                text("SỞ NÔNG NGHIỆP\nVÀ MÔI TRƯỜNG"),
            ),
        ),
        (
            "edit an activity",
            field(Entity::Activity, activity, "content", text("Khác")),
        ),
        (
            "edit a legal basis",
            field(Entity::LegalBasis, basis, "text", text("Khác")),
        ),
        (
            "edit a policy stage",
            field(Entity::PolicyStage, stage, "reason", text("Khác")),
        ),
        (
            "edit the previous year's results",
            field(Entity::Plan, plan, "previousResults", text("Khác")),
        ),
        (
            "edit an objective's target",
            field(Entity::Objective, objective, "target", text("90")),
        ),
        (
            "edit a budget amount",
            field(Entity::BudgetLine, line, "unitPrice", text("1.000")),
        ),
        (
            "relink a budget line",
            field(
                Entity::BudgetLine,
                line,
                "activityId",
                FieldValue::Number(None),
            ),
        ),
    ] {
        assert_locked(what, store.edit_field(&edit), message);
    }
}

/// Adding, deleting, moving and duplicating lines, undoing a deletion and
/// deleting the plan itself.
fn adding_deleting_and_moving_are_refused(
    store: &mut Store,
    plan: i64,
    doc: &PlanDocument,
    trash_id: i64,
    message: &str,
) {
    let activity = doc.activities[0].id;
    let line = doc.budget_lines[0].id;
    let policy = doc.policies[0].id;
    for entity in [
        Entity::Activity,
        Entity::Policy,
        Entity::BudgetLine,
        Entity::Recipient,
        Entity::Objective,
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
        "delete an objective",
        store.delete_item(Entity::Objective, doc.objectives[0].id),
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
}

#[test]
fn the_whole_review_cycle() {
    let (_dir, mut store, plan) = with_sample();
    let doc = store.plan_document(plan).expect("doc");
    let spokesperson = doc.fields.spokesperson_name.clone();
    let trash_id = a_draft_with_a_deletion(&mut store, plan);
    submitting_is_refused_while_a_gap_blocks(&mut store, plan);
    submit_and_check_frozen(&mut store, plan, &spokesperson);
    every_edit_is_refused(&mut store, plan, trash_id, LOCKED);

    let (activity, on_activity, on_budget) = comment_while_submitted(&mut store, plan);
    return_for_a_second_revision(&mut store, plan);
    let fixed = fix_the_text_and_resolve_its_comment(&mut store, &activity, on_activity);
    resubmit_with_one_comment_open(&mut store, plan);
    every_edit_is_refused(&mut store, plan, trash_id, LOCKED);
    diff_shows_the_one_changed_text(&store, plan, &activity, &fixed);

    let approved = approve_and_check_locked_for_good(&mut store, plan, trash_id, on_budget);
    the_copy_is_an_editable_draft_without_history(&mut store, plan, &approved);
}

/// A fresh draft: revision 1 being drafted. A deletion made while drafting,
/// whose undo must wait for a return; gives back its trash id.
fn a_draft_with_a_deletion(store: &mut Store, plan: i64) -> i64 {
    let review = store.review_state(plan).expect("state");
    assert_eq!(review.status, PlanStatus::Draft);
    assert_eq!((review.last_revision, review.working_revision), (0, 1));
    let extra = add(store, Entity::Recipient, plan);
    store
        .delete_item(Entity::Recipient, extra)
        .expect("delete")
        .deleted
        .expect("undo handle")
        .trash_id
}

/// A blocking gap: submitting is refused, names the checker, and changes nothing.
fn submitting_is_refused_while_a_gap_blocks(store: &mut Store, plan: i64) {
    edit_plan(store, plan, "spokespersonName", "");
    let report = store.check_plan(plan).expect("check");
    assert!(!report.can_submit());
    // The editor's step list reads the counts alone, the same as the report's.
    let counts = store.check_counts(plan).expect("counts");
    assert_eq!(counts.blocking, 1);
    assert_eq!(counts, report.counts());
    let staffing = counts.per_step.iter().find(|s| s.blocking == 1);
    assert_eq!(
        staffing.map(|s| s.step),
        Some(commplan_core::Step::Staffing)
    );
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
}

/// Fixed, it is submitted as revision 1 and locked; the revision counts the
/// sample's lines and its total.
fn submit_and_check_frozen(store: &mut Store, plan: i64, spokesperson: &str) {
    edit_plan(store, plan, "spokespersonName", spokesperson);
    let state = store.submit_plan(plan).expect("submit");
    assert_eq!(state.status, PlanStatus::Submitted);
    assert!(!state.editable);
    assert_eq!((state.last_revision, state.working_revision), (1, 1));
    let revisions = store.list_revisions(plan).expect("revisions");
    assert_eq!(revisions.len(), 1);
    assert_eq!(revisions[0].number, 1);
    assert_eq!(revisions[0].status, PlanStatus::Submitted);
    assert_eq!(revisions[0].policies, 6);
    assert_eq!(revisions[0].activities, 51);
    assert_eq!(revisions[0].budget_lines, 16);
    assert_eq!(
        revisions[0].total_proposed.map(|m| m.dong()),
        Some(store.sql_budget_total(plan).expect("total"))
    );
}

/// The reviewer comments while it is submitted: on an activity and on a step.
/// Gives back the activity and the ids of both comments.
fn comment_while_submitted(store: &mut Store, plan: i64) -> (Activity, i64, i64) {
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
    (activity, on_activity.id, on_budget.id)
}

/// Returned: editable again, the working copy is the draft of revision 2.
fn return_for_a_second_revision(store: &mut Store, plan: i64) {
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
}

/// The officer fixes one text and resolves its comment (reopened and resolved
/// again on the way); gives back the new text.
fn fix_the_text_and_resolve_its_comment(
    store: &mut Store,
    activity: &Activity,
    comment: i64,
) -> String {
    let fixed = format!("{} cho người dân và doanh nghiệp", activity.content);
    edit(
        store,
        Entity::Activity,
        activity.id,
        "content",
        text(&fixed),
    );
    let resolved = store
        .resolve_comment(comment, "Đã bổ sung đối tượng.")
        .expect("resolve");
    assert!(resolved.resolved_at.is_some());
    assert_eq!(resolved.resolved_note, "Đã bổ sung đối tượng.");
    let reopened = store.reopen_comment(comment).expect("reopen");
    assert!(reopened.resolved_at.is_none());
    store
        .resolve_comment(comment, "Đã bổ sung đối tượng.")
        .expect("resolve again");
    fixed
}

/// Resubmitted with one comment still open: allowed, and counted.
fn resubmit_with_one_comment_open(store: &mut Store, plan: i64) {
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
}

/// Revision 1 → 2 shows exactly the one text the officer changed, and the
/// working copy is revision 2.
fn diff_shows_the_one_changed_text(store: &Store, plan: i64, activity: &Activity, fixed: &str) {
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
    let d = store
        .revision_diff(
            plan,
            RevisionRef::Revision { number: 2 },
            RevisionRef::Working,
        )
        .expect("diff");
    assert!(d.is_empty());
}

/// Approved: locked for good, with its own message, comments included.
/// Gives back the approved document.
fn approve_and_check_locked_for_good(
    store: &mut Store,
    plan: i64,
    trash_id: i64,
    on_budget: i64,
) -> PlanDocument {
    let state = store.approve_plan(plan).expect("approve");
    assert_eq!(state.status, PlanStatus::Approved);
    let revisions = store.list_revisions(plan).expect("revisions");
    assert_eq!(revisions.len(), 2, "approving freezes nothing new");
    assert!(revisions[0].approved_at.is_none() && revisions[1].approved_at.is_some());
    assert_eq!(revisions[1].status, PlanStatus::Resubmitted);
    assert_eq!((revisions[0].comments, revisions[0].open_comments), (2, 1));
    let approved = store.plan_document(plan).expect("doc").clone();
    let message = store
        .edit_field(&field(Entity::Plan, plan, "title", text("Khác")))
        .expect_err("approved")
        .message;
    assert!(
        message.starts_with("Kế hoạch đã được phê duyệt"),
        "{message}"
    );
    every_edit_is_refused(store, plan, trash_id, &message);
    assert_eq!(
        store
            .resolve_comment(on_budget, "")
            .expect_err("approved")
            .code,
        ErrorCode::Locked
    );
    approved
}

/// Its copy into the next year is an editable draft without history, and
/// editing the copy leaves the approved plan as it was.
fn the_copy_is_an_editable_draft_without_history(
    store: &mut Store,
    plan: i64,
    approved: &PlanDocument,
) {
    let copy = store
        .copy_plan(&copy_to(plan, approved.year + 1))
        .expect("copy");
    assert_eq!(copy.status, PlanStatus::Draft);
    assert!(store.list_revisions(copy.id).expect("revisions").is_empty());
    assert!(store.list_comments(copy.id).expect("comments").is_empty());
    let state = store.review_state(copy.id).expect("state");
    assert!(state.editable && state.last_revision == 0 && state.comments == 0);
    edit_plan(store, copy.id, "title", "Kế hoạch mới");
    let copied = store.plan_document(copy.id).expect("copy doc");
    store
        .delete_item(Entity::Activity, copied.activities[0].id)
        .expect("the copy is editable");
    assert_eq!(&store.plan_document(plan).expect("doc"), approved);
}

#[test]
fn illegal_transitions_are_refused() {
    let (_dir, mut store, plan) = with_sample();
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
    let (_dir, mut store, plan) = with_sample();
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
    let (_dir, mut store, plan) = with_sample();
    let other = store.copy_plan(&copy_to(plan, 2030)).expect("copy");
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
    let (dir, mut store, plan) = with_sample();
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
    let store = open_in(dir.path());
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
    let (_dir, mut store, plan) = with_sample();
    store.submit_plan(plan).expect("submit");
    store
        .return_plan(plan, &[on_step(Step::General, "Sửa tiêu đề.")])
        .expect("return");
    let deleted = store.delete_plan(plan).expect("delete a returned plan");
    let listed = store.list_plans().expect("plans");
    assert!(listed.iter().all(|p| p.id != plan));
    store.undo_delete(deleted.trash_id).expect("undo");
    assert_eq!(store.list_revisions(plan).expect("revisions").len(), 1);
    assert_eq!(store.list_comments(plan).expect("comments").len(), 1);
    let state = store.review_state(plan).expect("state");
    assert_eq!(state.status, PlanStatus::Returned);
    assert_eq!(state.working_revision, 2);
}
