//! A plan that travels, on two real databases in two temporary folders: the
//! officer submits and writes a plan file; the reviewer opens it (a received
//! plan, read-only), comments and returns; the officer opens the return file
//! (comments on the right step and line, status returned), fixes, resubmits
//! and sends; the reviewer opens revision 2 (the same received plan, the diff
//! between received revisions), approves; the officer opens the approval,
//! and the approved plan's file carries it.

mod common;

use common::{add, edit, edit_plan, field, open, text, with_sample};
use commplan_core::planfile::{FileSource, OpenedKind};
use commplan_core::review::{CommentAnchor, NewComment, ReviewAction, RevisionRef};
use commplan_core::{Entity, ErrorCode, PlanStatus, Step};
use commplan_store::{FileOut, Store};

const RECEIVED: &str =
    "Đây là hồ sơ nhận được từ đơn vị khác: nội dung chỉ để xem, không sửa được trên máy này.";

fn comment(anchor: CommentAnchor, text: &str) -> NewComment {
    NewComment {
        anchor,
        text: text.into(),
        author: "Sở Tư pháp".into(),
    }
}

/// The file's JSON with one change made by `change`, as bytes.
pub fn altered(bytes: &[u8], change: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut json: serde_json::Value = serde_json::from_slice(bytes).expect("json");
    change(&mut json);
    serde_json::to_vec_pretty(&json).expect("bytes")
}

#[test]
fn a_plan_travels_to_the_reviewer_and_comes_home() {
    let (_officer_dir, mut officer, plan) = with_sample();
    let (_reviewer_dir, mut reviewer) = open();
    let first = submit_and_send(&mut officer, plan, 1);
    let received = reviewer_opens_revision_1(&mut reviewer, &officer, plan, &first);
    nothing_of_a_received_plan_can_be_edited(&mut reviewer, received);
    let (activity_content, answer) = reviewer_comments_and_returns(&mut reviewer, received);
    officer_opens_the_return(&mut officer, plan, &answer, &activity_content);
    the_same_return_again_changes_nothing(&mut officer, plan, &answer);
    let fixed = officer_fixes_after_the_return(&mut officer, plan, &activity_content);
    the_same_return_again_changes_nothing(&mut officer, plan, &answer);
    let second = submit_and_send(&mut officer, plan, 2);
    reviewer_opens_revision_2(&mut reviewer, received, &second, &activity_content, &fixed);
    returns_for_another_revision_or_plan_are_refused(&mut officer, plan, &answer);
    let approval = reviewer_approves(&mut reviewer, received);
    officer_opens_the_approval(&mut officer, plan, &approval);
    the_approved_plan_file_carries_the_approval(&mut officer, plan, &approval, &mut reviewer);
}

/// The officer submits (or resubmits) and writes the plan file of revision `n`.
fn submit_and_send(officer: &mut Store, plan: i64, n: i64) -> FileOut {
    let state = if n == 1 {
        let draft = officer.plan_file(plan, FileSource::Submitted);
        assert_eq!(
            draft.expect_err("nothing submitted").code,
            ErrorCode::Conflict
        );
        officer.submit_plan(plan)
    } else {
        officer.resubmit_plan(plan)
    }
    .expect("submit");
    assert!(state.can_send_file && !state.received);
    let file = officer
        .plan_file(plan, FileSource::Submitted)
        .expect("plan file");
    assert!(
        file.file_name.ends_with(&format!("lần trình {n}.khtt")),
        "{}",
        file.file_name
    );
    assert_eq!(json(&file.bytes)["decision"], serde_json::Value::Null);
    file
}

/// A new received plan, listed as received, read-only, waiting for a decision.
fn reviewer_opens_revision_1(
    reviewer: &mut Store,
    officer: &Store,
    plan: i64,
    file: &FileOut,
) -> i64 {
    let opened = reviewer.open_plan_file(&file.bytes).expect("open");
    assert_eq!(opened.outcome, OpenedKind::Received);
    assert_eq!(opened.revision, 1);
    assert!(opened.plan.received);
    assert_eq!(opened.plan.received_revision, Some(1));
    assert!(opened.plan.received_at.is_some() && opened.plan.decision.is_none());
    assert!(
        opened
            .message
            .starts_with("Đã nhận lần trình 1 của kế hoạch “"),
        "{}",
        opened.message
    );
    let id = opened.plan.id;
    let state = reviewer.review_state(id).expect("state");
    assert!(state.received && !state.editable && !state.can_send_file && !state.can_write_return);
    assert_eq!(state.actions, [ReviewAction::Return, ReviewAction::Approve]);
    assert_eq!(state.decision, None);
    assert!(state.can_comment);
    let theirs = officer.plan_document(plan).expect("officer doc");
    assert_eq!(state.sender.as_deref(), Some(theirs.unit.name.as_str()));
    let ours = reviewer.plan_document(id).expect("received doc");
    assert_eq!(ours.fields, theirs.fields);
    assert_eq!(ours.activities.len(), theirs.activities.len());
    assert_eq!(ours.budget_lines.len(), theirs.budget_lines.len());
    let again = reviewer.open_plan_file(&file.bytes).expect("again");
    assert_eq!(again.outcome, OpenedKind::Unchanged);
    assert_eq!(again.plan.id, id);
    let file_back = reviewer.plan_file(id, FileSource::Draft);
    assert_eq!(file_back.expect_err("received").code, ErrorCode::Conflict);
    id
}

/// Every write path is refused with the received plan's message.
fn nothing_of_a_received_plan_can_be_edited(reviewer: &mut Store, plan: i64) {
    let before = reviewer.plan_document(plan).expect("doc");
    let refused = |r: Result<(), commplan_core::AppError>, what: &str| {
        let e = r.expect_err(what);
        assert_eq!(
            (e.code, e.message.as_str()),
            (ErrorCode::Locked, RECEIVED),
            "{what}"
        );
    };
    let title = field(Entity::Plan, plan, "title", text("Khác"));
    refused(reviewer.edit_field(&title).map(drop), "title");
    let activity = field(
        Entity::Activity,
        before.activities[0].id,
        "content",
        text("Khác"),
    );
    refused(reviewer.edit_field(&activity).map(drop), "activity");
    let new = commplan_core::NewItem {
        entity: Entity::Recipient,
        plan_id: plan,
        policy_id: None,
        stage: None,
    };
    refused(reviewer.add_item(&new).map(drop), "add");
    refused(
        reviewer
            .delete_item(Entity::Activity, before.activities[0].id)
            .map(drop),
        "delete",
    );
    refused(reviewer.delete_plan(plan).map(drop), "delete plan");
    assert_eq!(
        reviewer.submit_plan(plan).expect_err("submit").code,
        ErrorCode::Conflict
    );
    assert_eq!(reviewer.plan_document(plan).expect("doc"), before);
}

/// Comments on a line (an activity's content) and on a step, then a return;
/// gives the activity's content and the return file.
fn reviewer_comments_and_returns(reviewer: &mut Store, plan: i64) -> (String, FileOut) {
    let doc = reviewer.plan_document(plan).expect("doc");
    let activity = &doc.activities[3];
    let on_line = CommentAnchor::Line {
        entity: Entity::Activity,
        id: activity.id,
        field: Some("content".into()),
    };
    reviewer
        .add_comment(plan, &comment(on_line, "Nêu rõ đối tượng tiếp nhận."))
        .expect("comment");
    let not_yet = reviewer.return_file(plan).expect_err("undecided");
    assert!(
        not_yet.message.starts_with("Chưa quyết định"),
        "{}",
        not_yet.message
    );
    let section = CommentAnchor::Section { step: Step::Budget };
    let state = reviewer
        .return_plan(plan, &[comment(section, "Đối chiếu định mức chi.")])
        .expect("return");
    assert_eq!(state.decision, Some(ReviewAction::Return));
    assert!(state.can_write_return && state.actions.is_empty() && !state.editable);
    let listed = reviewer.plan_summary(plan).expect("summary");
    assert_eq!(listed.decision, Some(ReviewAction::Return));
    nothing_of_a_received_plan_can_be_edited(reviewer, plan);
    let file = reviewer.return_file(plan).expect("return file");
    assert!(
        file.file_name.ends_with("trả lời lần trình 1.khtt"),
        "{}",
        file.file_name
    );
    (activity.content.clone(), file)
}

/// The comments land on the officer's own activity and step; returned.
fn officer_opens_the_return(officer: &mut Store, plan: i64, file: &FileOut, content: &str) {
    let opened = officer.open_plan_file(&file.bytes).expect("open return");
    assert_eq!(opened.outcome, OpenedKind::Returned);
    assert_eq!(
        (opened.plan.id, opened.revision, opened.comments),
        (plan, 1, 2)
    );
    assert!(!opened.plan.received);
    let state = officer.review_state(plan).expect("state");
    assert_eq!(state.status, PlanStatus::Returned);
    assert!(state.editable && state.open_comments == 2);
    let comments = officer.list_comments(plan).expect("comments");
    let doc = officer.plan_document(plan).expect("doc");
    let on_line = comments
        .iter()
        .find(|c| c.text == "Nêu rõ đối tượng tiếp nhận.")
        .expect("line comment");
    let CommentAnchor::Line { entity, id, field } = &on_line.anchor else {
        panic!("anchor {:?}", on_line.anchor);
    };
    assert_eq!(
        (*entity, field.as_deref()),
        (Entity::Activity, Some("content"))
    );
    let mine = doc
        .activities
        .iter()
        .find(|a| a.id == *id)
        .expect("own activity");
    assert_eq!(mine.content, content);
    assert_eq!(on_line.step, Step::Activities);
    assert!(on_line.line_exists && on_line.author == "Sở Tư pháp");
    assert!(
        comments
            .iter()
            .any(|c| c.step == Step::Budget && c.text == "Đối chiếu định mức chi.")
    );
}

/// Opening the same return file again changes nothing and writes no backup.
fn the_same_return_again_changes_nothing(officer: &mut Store, plan: i64, file: &FileOut) {
    let doc = officer.plan_document(plan).expect("doc");
    let comments = officer.list_comments(plan).expect("comments");
    let backups = officer.list_backups().expect("backups").len();
    let opened = officer.open_plan_file(&file.bytes).expect("again");
    assert_eq!(opened.outcome, OpenedKind::Unchanged);
    assert_eq!(opened.comments, 0);
    assert_eq!(officer.plan_document(plan).expect("doc"), doc);
    assert_eq!(officer.list_comments(plan).expect("comments"), comments);
    assert_eq!(officer.list_backups().expect("backups").len(), backups);
}

/// The officer types the fix (kept whatever is opened later); gives the new text.
fn officer_fixes_after_the_return(officer: &mut Store, plan: i64, content: &str) -> String {
    let doc = officer.plan_document(plan).expect("doc");
    let activity = doc
        .activities
        .iter()
        .find(|a| a.content == content)
        .expect("activity");
    let fixed = format!("{content} cho người dân");
    edit(
        officer,
        Entity::Activity,
        activity.id,
        "content",
        text(&fixed),
    );
    edit_plan(officer, plan, "purposes", "Mục đích đã sửa theo ý kiến.");
    add(officer, Entity::Recipient, plan);
    fixed
}

/// Revision 2 lands on the same received plan; the diff between the received
/// revisions shows the officer's change as a change of the same activity.
fn reviewer_opens_revision_2(
    reviewer: &mut Store,
    plan: i64,
    file: &FileOut,
    content: &str,
    fixed: &str,
) {
    let opened = reviewer.open_plan_file(&file.bytes).expect("open 2");
    assert_eq!(
        (opened.outcome, opened.plan.id, opened.revision),
        (OpenedKind::Received, plan, 2)
    );
    let state = reviewer.review_state(plan).expect("state");
    assert_eq!(
        (state.status, state.last_revision),
        (PlanStatus::Resubmitted, 2)
    );
    assert_eq!(state.decision, None);
    assert_eq!(state.actions, [ReviewAction::Return, ReviewAction::Approve]);
    let diff = reviewer
        .revision_diff(
            plan,
            RevisionRef::Revision { number: 1 },
            RevisionRef::Revision { number: 2 },
        )
        .expect("diff");
    let activities = diff
        .lists
        .iter()
        .find(|l| l.entity == Entity::Activity)
        .expect("activities");
    assert!(activities.added.is_empty() && activities.removed.is_empty());
    assert_eq!(activities.changed.len(), 1);
    assert_eq!(activities.changed[0].fields[0].before, content);
    assert_eq!(activities.changed[0].fields[0].after, fixed);
    let recipients = diff
        .lists
        .iter()
        .find(|l| l.entity == Entity::Recipient)
        .expect("recipients");
    assert_eq!((recipients.added.len(), recipients.removed.len()), (1, 0));
    let comments = reviewer.list_comments(plan).expect("comments");
    assert!(
        comments.iter().all(|c| c.line_exists),
        "line comments still find their line"
    );
    nothing_of_a_received_plan_can_be_edited(reviewer, plan);
}

/// A return for another revision, or for another plan, is refused naming both.
fn returns_for_another_revision_or_plan_are_refused(
    officer: &mut Store,
    plan: i64,
    file: &FileOut,
) {
    let doc = officer.plan_document(plan).expect("doc");
    let other_revision = altered(&file.bytes, |j| {
        j["revision"]["number"] = 5.into();
        for c in j["comments"].as_array_mut().expect("comments") {
            c["revision"] = 5.into();
        }
    });
    let e = officer
        .open_plan_file(&other_revision)
        .expect_err("other revision");
    assert!(
        e.message.contains("lần trình 5") && e.message.contains("đang ở lần trình 2"),
        "{}",
        e.message
    );
    let other_plan = altered(&file.bytes, |j| {
        j["planUuid"] = "0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f".into();
    });
    let e = officer.open_plan_file(&other_plan).expect_err("other plan");
    assert_eq!(e.code, ErrorCode::NotFound);
    assert!(
        e.message.starts_with("Tệp trả lời dành cho kế hoạch “"),
        "{}",
        e.message
    );
    assert!(
        e.message.contains("trên máy này là một kế hoạch khác"),
        "{}",
        e.message
    );
    assert_eq!(officer.plan_document(plan).expect("doc"), doc);
}

/// Approval of revision 2 with a comment signed by the reviewer; the return
/// file says so.
fn reviewer_approves(reviewer: &mut Store, plan: i64) -> FileOut {
    let note = comment(CommentAnchor::Section { step: Step::Budget }, "Đồng ý.");
    reviewer.add_comment(plan, &note).expect("comment");
    let state = reviewer.approve_plan(plan).expect("approve");
    assert_eq!(
        (state.status, state.decision),
        (PlanStatus::Approved, Some(ReviewAction::Approve))
    );
    assert!(state.can_write_return && !state.can_comment);
    reviewer.return_file(plan).expect("approval file")
}

/// The officer's plan is approved and locked for good.
fn officer_opens_the_approval(officer: &mut Store, plan: i64, file: &FileOut) {
    let opened = officer.open_plan_file(&file.bytes).expect("approval");
    assert_eq!((opened.outcome, opened.revision), (OpenedKind::Approved, 2));
    let state = officer.review_state(plan).expect("state");
    assert_eq!(state.status, PlanStatus::Approved);
    assert!(!state.editable);
    let revisions = officer.list_revisions(plan).expect("revisions");
    assert!(revisions[1].approved_at.is_some());
    let e = officer
        .edit_field(&field(Entity::Plan, plan, "title", text("Khác")))
        .expect_err("approved");
    assert_eq!(e.code, ErrorCode::Locked);
    let again = officer.open_plan_file(&file.bytes).expect("again");
    assert_eq!(again.outcome, OpenedKind::Unchanged);
}

fn json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).expect("json")
}

/// The approved plan's file carries the approval as the return file told it
/// (its draft does not); the reviewer, who holds that revision, changes
/// nothing, and another reviewer receives it waiting for their own decision.
fn the_approved_plan_file_carries_the_approval(
    officer: &mut Store,
    plan: i64,
    approval: &FileOut,
    reviewer: &mut Store,
) {
    let file = officer
        .plan_file(plan, FileSource::Submitted)
        .expect("the approved plan's file");
    let (sent, told) = (json(&file.bytes), json(&approval.bytes));
    assert_eq!(sent["decision"]["action"], "approve");
    assert_eq!(sent["decision"]["at"], told["decision"]["at"]);
    assert_eq!(sent["decision"]["by"], "Sở Tư pháp");
    assert_eq!(sent["revision"]["number"], 2);
    let draft = officer.plan_file(plan, FileSource::Draft).expect("draft");
    assert_eq!(json(&draft.bytes)["decision"], serde_json::Value::Null);
    let again = reviewer.open_plan_file(&file.bytes).expect("again");
    assert_eq!(again.outcome, OpenedKind::Unchanged);
    let (_dir, mut other) = open();
    let opened = other.open_plan_file(&file.bytes).expect("received");
    assert_eq!((opened.outcome, opened.revision), (OpenedKind::Received, 2));
    let state = other.review_state(opened.plan.id).expect("state");
    assert_eq!(
        (state.status, state.decision),
        (PlanStatus::Resubmitted, None)
    );
    assert_eq!(state.actions, [ReviewAction::Return, ReviewAction::Approve]);
}

/// An own plan approved on this computer: its file carries the approval,
/// dated as the revision was, by no one named.
#[test]
fn a_plan_approved_here_carries_its_approval() {
    let (_dir, mut officer, plan) = with_sample();
    officer.submit_plan(plan).expect("submit");
    officer.approve_plan(plan).expect("approve");
    let file = officer
        .plan_file(plan, FileSource::Submitted)
        .expect("plan file");
    let sent = json(&file.bytes);
    let revisions = officer.list_revisions(plan).expect("revisions");
    assert_eq!(sent["decision"]["action"], "approve");
    assert_eq!(
        sent["decision"]["at"].as_str(),
        revisions[0].approved_at.as_deref()
    );
    assert_eq!(sent["decision"]["by"], "");
}
