//! The review of a plan: submitting (which freezes a revision), returning with
//! comments, resubmitting, approving; the comments and the revision history.
//!
//! The lock (no change of a submitted, resubmitted or approved plan's content)
//! is not here: it is in the schema's triggers (`migrations/004_review.sql`),
//! so that every write path obeys it. Here are only the transitions, which
//! change `plans.status` and nothing else of the plan.

use commplan_core::Code;
use commplan_core::budget::{total_approved, total_proposed};
use commplan_core::check::{CheckCounts, CheckReport, check};
use commplan_core::diff::{PlanDiff, diff};
use commplan_core::legal::Law;
use commplan_core::money::Money;
use commplan_core::review::{
    Comment, CommentAnchor, NewComment, ReviewAction, ReviewState, RevisionRef, RevisionSummary,
    blocking_error,
};
use commplan_core::{AppError, Entity, PlanDocument, PlanStatus, Step};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use crate::edit::{describe, plan_of};
use crate::error::db_error;
use crate::read::load;
use crate::{Result, Store};

const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

fn plan_gone() -> AppError {
    AppError::not_found("Không tìm thấy kế hoạch này; có thể nó đã bị xóa.")
}

pub(crate) fn status_of(conn: &Connection, plan_id: i64) -> Result<PlanStatus> {
    let code: Option<String> = conn
        .query_row("SELECT status FROM plans WHERE id = ?1", [plan_id], |r| {
            r.get(0)
        })
        .optional()
        .map_err(db_error)?;
    let code = code.ok_or_else(plan_gone)?;
    // The CHECK constraint admits only known codes.
    Ok(PlanStatus::from_code(&code).unwrap_or(PlanStatus::Draft))
}

/// The newest frozen revision's number, 0 before the first submission.
pub(crate) fn last_revision(conn: &Connection, plan_id: i64) -> Result<i64> {
    conn.query_row(
        "SELECT coalesce(max(number), 0) FROM revisions WHERE plan_id = ?1",
        [plan_id],
        |r| r.get(0),
    )
    .map_err(db_error)
}

fn count(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Where a plan stands in its review.
pub(crate) fn review_state(conn: &Connection, plan_id: i64) -> Result<ReviewState> {
    let status = status_of(conn, plan_id)?;
    let last = last_revision(conn, plan_id)?;
    let (all, open): (i64, i64) = conn
        .query_row(
            "SELECT count(*), count(*) FILTER (WHERE resolved_at IS NULL)
               FROM comments WHERE plan_id = ?1",
            [plan_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(db_error)?;
    let state = ReviewState::new(status, last, count(all), count(open));
    Ok(match crate::received::received_info(conn, plan_id, last)? {
        Some(info) => state.received(info),
        None => state,
    })
}

fn comment_from_row(row: &Row<'_>) -> rusqlite::Result<(Comment, Option<String>)> {
    let step: String = row.get("step")?;
    let step = Step::from_code(&step).unwrap_or(Step::General);
    let entity: Option<String> = row.get("entity")?;
    let item_id: Option<i64> = row.get("item_id")?;
    let entity = entity.as_deref().and_then(Entity::from_code);
    let anchor = match (entity, item_id) {
        (Some(entity), Some(id)) => CommentAnchor::Line {
            entity,
            id,
            field: row.get("field")?,
        },
        _ => CommentAnchor::Section { step },
    };
    let table = match &anchor {
        CommentAnchor::Line { entity, .. } => Some(entity.def().table.to_string()),
        CommentAnchor::Section { .. } => None,
    };
    Ok((
        Comment {
            id: row.get("id")?,
            plan_id: row.get("plan_id")?,
            revision: row.get("revision")?,
            anchor,
            step,
            anchor_label: row.get("anchor_label")?,
            line_exists: true,
            text: row.get("text")?,
            author: row.get("author")?,
            created_at: row.get("created_at")?,
            resolved_at: row.get("resolved_at")?,
            resolved_note: row.get("resolved_note")?,
        },
        table,
    ))
}

/// The comments matching `filter` (which uses ?1), oldest first, each told
/// whether its line still exists.
fn comments_where(conn: &Connection, filter: &str, id: i64) -> Result<Vec<Comment>> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT * FROM comments WHERE {filter} ORDER BY id"
        ))
        .map_err(db_error)?;
    let rows: Vec<(Comment, Option<String>)> = stmt
        .query_map([id], comment_from_row)
        .and_then(Iterator::collect)
        .map_err(db_error)?;
    let mut out = Vec::with_capacity(rows.len());
    for (mut comment, table) in rows {
        if let (Some(table), CommentAnchor::Line { id, .. }) = (table, &comment.anchor) {
            // The table name comes from the core registry, never from the file.
            let found: Option<i64> = conn
                .query_row(&format!("SELECT 1 FROM {table} WHERE id = ?1"), [id], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(db_error)?;
            comment.line_exists = found.is_some();
        }
        out.push(comment);
    }
    Ok(out)
}

fn comment(conn: &Connection, id: i64) -> Result<Comment> {
    comments_where(conn, "id = ?1", id)?
        .pop()
        .ok_or_else(|| AppError::not_found("Không tìm thấy ý kiến này; có thể nó đã bị xóa."))
}

/// Stores a reviewer's comment on the plan's newest revision.
pub(crate) fn insert_comment(
    tx: &Transaction<'_>,
    plan_id: i64,
    new: &NewComment,
    created_at: Option<&str>,
) -> Result<i64> {
    let new = new.validated()?;
    let revision = last_revision(tx, plan_id)?;
    if revision == 0 {
        return Err(AppError::conflict(
            "Kế hoạch chưa được trình lần nào: chưa góp ý được.",
        ));
    }
    let step = new.anchor.step();
    let (entity, item_id, field, label) = match &new.anchor {
        CommentAnchor::Section { step } => (None, None, None, step.label_vi().to_string()),
        CommentAnchor::Line { entity, id, field } => {
            let owner = plan_of(tx, *entity, *id).map_err(|_| {
                AppError::not_found("Không tìm thấy dòng được góp ý; có thể nó đã bị xóa.")
            })?;
            if owner != Some(plan_id) {
                return Err(AppError::validation(
                    "Dòng được góp ý không thuộc kế hoạch này.",
                ));
            }
            let mut label = describe(tx, *entity, *id)?;
            if let Some(name) = field {
                label = format!("{label} — {}", entity.field(name)?.label);
            }
            (
                Some(entity.code().to_string()),
                Some(*id),
                field.clone(),
                label,
            )
        }
    };
    tx.execute(
        &format!(
            "INSERT INTO comments (plan_id, revision, step, entity, item_id, field, anchor_label,
                text, author, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, coalesce(?10, {NOW}))"
        ),
        params![
            plan_id,
            revision,
            step.code().to_string(),
            entity,
            item_id,
            field,
            label,
            new.text,
            new.author,
            created_at
        ],
    )
    .map_err(db_error)?;
    Ok(tx.last_insert_rowid())
}

/// Freezes the plan as it now is as revision `number`.
pub(crate) fn freeze(
    tx: &Transaction<'_>,
    doc: &PlanDocument,
    number: i64,
    status: PlanStatus,
) -> Result<()> {
    let mut frozen = doc.clone();
    frozen.status = status;
    let json = serde_json::to_string(&frozen).map_err(|e| {
        log::error!("revision to JSON: {e}");
        AppError::internal("Không lưu được bản trình của kế hoạch.")
    })?;
    tx.execute(
        "INSERT INTO revisions (plan_id, number, status, document, total_proposed, total_approved)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            doc.id,
            number,
            status.code(),
            json,
            total_proposed(&doc.budget_lines).ok().map(Money::dong),
            total_approved(&doc.budget_lines).ok().map(Money::dong),
        ],
    )
    .map_err(db_error)?;
    Ok(())
}

/// A frozen revision, or the working copy, as a whole document.
pub(crate) fn revision_document(
    conn: &Connection,
    plan_id: i64,
    which: RevisionRef,
) -> Result<PlanDocument> {
    match which {
        RevisionRef::Working => load(conn, plan_id),
        RevisionRef::Revision { number } => {
            let json: Option<String> = conn
                .query_row(
                    "SELECT document FROM revisions WHERE plan_id = ?1 AND number = ?2",
                    params![plan_id, number],
                    |r| r.get(0),
                )
                .optional()
                .map_err(db_error)?;
            let json = json.ok_or_else(|| {
                AppError::not_found(format!("Kế hoạch này không có lần trình {number}."))
            })?;
            serde_json::from_str(&json).map_err(|e| {
                log::error!("revision {number} of plan {plan_id}: {e}");
                AppError::new(
                    commplan_core::ErrorCode::Damaged,
                    format!("Bản lưu lần trình {number} bị hỏng, không đọc được."),
                )
            })
        }
    }
}

impl Store {
    /// Where a plan stands in its review (for the editor's banner).
    pub fn review_state(&self, plan_id: i64) -> Result<ReviewState> {
        review_state(self.conn(), plan_id)
    }

    /// The directive checker's report on the plan as it now is.
    pub fn check_plan(&self, plan_id: i64) -> Result<CheckReport> {
        let (doc, law) = self.check_input(plan_id)?;
        Ok(check(&doc, &law))
    }

    /// What the checker reads from the file: the plan and the legal texts.
    /// The app reads them under its store's lock and checks after letting it
    /// go, so an edit never waits on the checker (tens of milliseconds on a
    /// plan of thousands of lines).
    pub fn check_input(&self, plan_id: i64) -> Result<(PlanDocument, Law)> {
        Ok((self.plan_document(plan_id)?, self.law()?))
    }

    /// The checker's counts only, for the editor's steps.
    pub fn check_counts(&self, plan_id: i64) -> Result<CheckCounts> {
        Ok(self.check_plan(plan_id)?.counts())
    }

    /// Draft → submitted: refused while the checker finds a blocking gap;
    /// freezes revision 1.
    pub fn submit_plan(&mut self, plan_id: i64) -> Result<ReviewState> {
        self.move_plan(plan_id, ReviewAction::Submit, &[])
    }

    /// Returned → resubmitted: refused while the checker finds a blocking gap;
    /// freezes the next revision. Open comments do not stop it: the result
    /// says how many remain (`open_comments`) and the banner names them.
    pub fn resubmit_plan(&mut self, plan_id: i64) -> Result<ReviewState> {
        self.move_plan(plan_id, ReviewAction::Resubmit, &[])
    }

    /// Submitted or resubmitted → returned, adding `comments` in the same
    /// transaction. Refused when the plan would have no open comment.
    pub fn return_plan(&mut self, plan_id: i64, comments: &[NewComment]) -> Result<ReviewState> {
        self.move_plan(plan_id, ReviewAction::Return, comments)
    }

    /// Submitted or resubmitted → approved. Nothing new is frozen: the newest
    /// revision is the approved one (its `approved_at` is set).
    pub fn approve_plan(&mut self, plan_id: i64) -> Result<ReviewState> {
        self.move_plan(plan_id, ReviewAction::Approve, &[])
    }

    fn move_plan(
        &mut self,
        plan_id: i64,
        action: ReviewAction,
        comments: &[NewComment],
    ) -> Result<ReviewState> {
        let comments = comments
            .iter()
            .map(NewComment::validated)
            .collect::<Result<Vec<_>>>()?;
        self.write(|tx| {
            let to = action.from(status_of(tx, plan_id)?)?;
            let received = crate::received::is_received(tx, plan_id)?;
            if received && action.freezes() {
                return Err(AppError::conflict(
                    "Hồ sơ nhận được không trình được trên máy này: chỉ đơn vị lập kế hoạch trình kế hoạch của mình.",
                ));
            }
            if action.freezes() {
                let doc = load(tx, plan_id)?;
                let report = check(&doc, &crate::legal::law(tx)?);
                if !report.can_submit() {
                    return Err(blocking_error(report.blocking));
                }
                freeze(tx, &doc, last_revision(tx, plan_id)? + 1, to)?;
            }
            // A change of status is the one change the lock lets through.
            tx.execute(
                &format!("UPDATE plans SET status = ?1, updated_at = {NOW} WHERE id = ?2"),
                params![to.code(), plan_id],
            )
            .map_err(db_error)?;
            match action {
                ReviewAction::Return => {
                    for c in &comments {
                        insert_comment(tx, plan_id, c, None)?;
                    }
                    let open: i64 = tx
                        .query_row(
                            "SELECT count(*) FROM comments WHERE plan_id = ?1 AND resolved_at IS NULL",
                            [plan_id],
                            |r| r.get(0),
                        )
                        .map_err(db_error)?;
                    if open == 0 {
                        return Err(AppError::validation(
                            "Hãy ghi ít nhất một ý kiến khi trả lại kế hoạch, để đơn vị biết cần sửa gì.",
                        ));
                    }
                }
                ReviewAction::Approve => {
                    tx.execute(
                        &format!(
                            "UPDATE revisions SET approved_at = {NOW}
                              WHERE plan_id = ?1 AND number = (SELECT max(number) FROM revisions WHERE plan_id = ?1)"
                        ),
                        [plan_id],
                    )
                    .map_err(db_error)?;
                }
                ReviewAction::Submit | ReviewAction::Resubmit => {}
            }
            if received {
                crate::received::record_decision(tx, plan_id, action)?;
            }
            Ok(())
        })?;
        self.review_state(plan_id)
    }

    /// A reviewer's comment on a plan that waits for review (submitted or
    /// resubmitted). Comments are not content: the lock does not stop them.
    pub fn add_comment(&mut self, plan_id: i64, new: &NewComment) -> Result<Comment> {
        let id = self.write(|tx| {
            let status = status_of(tx, plan_id)?;
            if !status.takes_comments() {
                return Err(AppError::conflict(format!(
                    "Chỉ góp ý được khi kế hoạch đã trình và đang chờ xem xét; kế hoạch đang ở trạng thái “{}”.",
                    status.label_vi()
                )));
            }
            insert_comment(tx, plan_id, new, None)
        })?;
        comment(self.conn(), id)
    }

    /// Every comment on a plan, oldest first (resolved ones too).
    pub fn list_comments(&self, plan_id: i64) -> Result<Vec<Comment>> {
        status_of(self.conn(), plan_id)?;
        comments_where(self.conn(), "plan_id = ?1", plan_id)
    }

    /// Marks a comment resolved, with what was done about it (may be empty).
    pub fn resolve_comment(&mut self, id: i64, note: &str) -> Result<Comment> {
        let note = commplan_core::text::clean(note);
        commplan_core::validate_length("Ghi chú xử lý", &note)?;
        self.set_resolved(id, Some(note))
    }

    /// Opens a resolved comment again (undo of [`Store::resolve_comment`]).
    pub fn reopen_comment(&mut self, id: i64) -> Result<Comment> {
        self.set_resolved(id, None)
    }

    fn set_resolved(&mut self, id: i64, note: Option<String>) -> Result<Comment> {
        self.write(|tx| {
            let plan: Option<i64> = tx
                .query_row("SELECT plan_id FROM comments WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(db_error)?;
            let plan = plan.ok_or_else(|| {
                AppError::not_found("Không tìm thấy ý kiến này; có thể nó đã bị xóa.")
            })?;
            if !status_of(tx, plan)?.comments_open() {
                return Err(AppError::new(
                    commplan_core::ErrorCode::Locked,
                    "Kế hoạch đã được phê duyệt: các ý kiến không thay đổi được nữa.",
                ));
            }
            match note {
                Some(note) => tx.execute(
                    &format!(
                        "UPDATE comments SET resolved_at = coalesce(resolved_at, {NOW}),
                            resolved_note = ?1 WHERE id = ?2"
                    ),
                    params![note, id],
                ),
                None => tx.execute(
                    "UPDATE comments SET resolved_at = NULL, resolved_note = '' WHERE id = ?1",
                    [id],
                ),
            }
            .map_err(db_error)?;
            Ok(())
        })?;
        comment(self.conn(), id)
    }

    /// The frozen revisions of a plan, oldest first.
    pub fn list_revisions(&self, plan_id: i64) -> Result<Vec<RevisionSummary>> {
        status_of(self.conn(), plan_id)?;
        let mut stmt = self
            .conn()
            .prepare_cached(
                "SELECT r.number, r.status, r.created_at, r.approved_at, r.total_proposed,
                        r.total_approved,
                        json_array_length(r.document, '$.policies'),
                        json_array_length(r.document, '$.activities'),
                        coalesce(json_array_length(r.document, '$.budgetLines'), 0),
                        (SELECT count(*) FROM comments c
                          WHERE c.plan_id = r.plan_id AND c.revision = r.number),
                        (SELECT count(*) FROM comments c
                          WHERE c.plan_id = r.plan_id AND c.revision = r.number
                            AND c.resolved_at IS NULL)
                   FROM revisions r WHERE r.plan_id = ?1 ORDER BY r.number",
            )
            .map_err(db_error)?;
        stmt.query_map([plan_id], |r| {
            let status: String = r.get(1)?;
            let money = |v: Option<i64>| v.and_then(|v| Money::new(v).ok());
            Ok(RevisionSummary {
                number: r.get(0)?,
                status: PlanStatus::from_code(&status).unwrap_or(PlanStatus::Submitted),
                created_at: r.get(2)?,
                approved_at: r.get(3)?,
                total_proposed: money(r.get(4)?),
                total_approved: money(r.get(5)?),
                policies: count(r.get::<_, Option<i64>>(6)?.unwrap_or(0)),
                activities: count(r.get::<_, Option<i64>>(7)?.unwrap_or(0)),
                budget_lines: count(r.get(8)?),
                comments: count(r.get(9)?),
                open_comments: count(r.get(10)?),
            })
        })
        .and_then(Iterator::collect)
        .map_err(db_error)
    }

    /// A frozen revision, or the working copy, as a whole document.
    pub fn revision_document(&self, plan_id: i64, which: RevisionRef) -> Result<PlanDocument> {
        revision_document(self.conn(), plan_id, which)
    }

    /// What changed from one revision (or the working copy) to another.
    pub fn revision_diff(
        &self,
        plan_id: i64,
        from: RevisionRef,
        to: RevisionRef,
    ) -> Result<PlanDiff> {
        let old = self.revision_document(plan_id, from)?;
        let new = self.revision_document(plan_id, to)?;
        Ok(diff(&old, &new))
    }
}
