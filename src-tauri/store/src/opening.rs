//! Opening a plan file or a return file: validated whole (core `planfile::parse`),
//! then where it lands is decided reading only; then a backup (pre-import) and
//! one transaction, in which the decision is taken again before anything is
//! written. A file already opened changes nothing and writes no backup.

use commplan_core::backup::BackupKind;
use commplan_core::planfile::{
    self, FileKind, Opened, OpenedKind, PlanFileV2, check_anchors, sha256_of,
};
use commplan_core::review::{NewComment, ReviewAction, RevisionRef};
use commplan_core::{AppError, Code};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::error::db_error;
use crate::received::{self, Landing, local_label, plan_of_file, same_unit_and_year};
use crate::review::{insert_comment, last_revision, revision_document, status_of};
use crate::{Result, Store};

/// Where a return file lands: the own plan it answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReturnTarget {
    Apply(i64),
    /// This very decision was applied already.
    Same(i64),
}

fn short(sha: &str) -> &str {
    &sha[..12.min(sha.len())]
}

/// The own plan a return file answers, or why it answers none here.
fn return_target(conn: &Connection, file: &PlanFileV2) -> Result<ReturnTarget> {
    let label = file.plan_label();
    let (Some(stamp), Some(decision)) = (&file.revision, &file.decision) else {
        return Err(AppError::internal(
            "Tệp trả lời thiếu lần trình hoặc quyết định.",
        ));
    };
    let id = match plan_of_file(conn, file)? {
        None => return Err(not_here(conn, file)?),
        Some((_, true)) => {
            return Err(AppError::conflict(format!(
                "Tệp trả lời dành cho đơn vị lập {label}; trên máy này kế hoạch đó là hồ sơ nhận được."
            )));
        }
        Some((id, false)) => id,
    };
    let n = stamp.number;
    let applied: Option<String> = conn
        .query_row(
            "SELECT decision FROM applied_returns WHERE plan_id = ?1 AND revision = ?2",
            params![id, n],
            |r| r.get(0),
        )
        .optional()
        .map_err(db_error)?;
    if let Some(applied) = applied {
        if applied == decision.action.code() {
            return Ok(ReturnTarget::Same(id));
        }
        return Err(AppError::conflict(format!(
            "Máy này đã nhận quyết định khác cho lần trình {n} của {label}: không áp dụng tệp trả lời này."
        )));
    }
    let last = last_revision(conn, id)?;
    let local = match last {
        0 => None,
        _ => {
            let doc = revision_document(conn, id, RevisionRef::Revision { number: last })?;
            Some((sha256_of(&doc), doc))
        }
    };
    let doc = match local {
        Some((sha, doc)) if n == last && sha == stamp.sha256 => doc,
        other => {
            let ours = match other {
                None => "chưa trình lần nào".to_string(),
                Some((sha, _)) => format!("đang ở lần trình {last} (mã {}…)", short(&sha)),
            };
            return Err(AppError::conflict(format!(
                "Tệp trả lời dành cho lần trình {n} (mã {}…) của {label}, nhưng kế hoạch trên máy này {ours}: không áp dụng được.",
                short(&stamp.sha256)
            )));
        }
    };
    let status = status_of(conn, id)?;
    if !status.takes_comments() {
        return Err(AppError::conflict(format!(
            "{} đang ở trạng thái “{}”, không chờ xem xét: không áp dụng được tệp trả lời.",
            capitalised(&local_label(conn, id)?),
            status.label_vi()
        )));
    }
    check_anchors(&doc, file.comments.iter().map(|c| &c.anchor))?;
    Ok(ReturnTarget::Apply(id))
}

/// The refusal of a return file whose plan is not on this computer, naming
/// the local plan of the same unit and year, if any.
fn not_here(conn: &Connection, file: &PlanFileV2) -> Result<AppError> {
    let other = match same_unit_and_year(conn, file)? {
        Some(other) => format!(
            " {} trên máy này là một kế hoạch khác.",
            capitalised(&local_label(conn, other)?)
        ),
        None => String::new(),
    };
    Ok(AppError::not_found(format!(
        "Tệp trả lời dành cho {}, không có trên máy này.{other} Hãy mở tệp trả lời trên máy đã gửi kế hoạch.",
        file.plan_label()
    )))
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Applies a checked return file to the own plan it answers (in the caller's
/// transaction): the status by the transition table, the comments where the
/// reviewer put them, the approval's date. Gives the comments added.
fn apply_return(tx: &Transaction<'_>, plan_id: i64, file: &PlanFileV2) -> Result<u32> {
    let (Some(stamp), Some(decision)) = (&file.revision, &file.decision) else {
        return Err(AppError::internal(
            "Tệp trả lời thiếu lần trình hoặc quyết định.",
        ));
    };
    let to = decision.action.from(status_of(tx, plan_id)?)?;
    tx.execute(
        "UPDATE plans SET status = ?1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
          WHERE id = ?2",
        params![to.code(), plan_id],
    )
    .map_err(db_error)?;
    for c in &file.comments {
        let new = NewComment {
            anchor: c.anchor.clone(),
            text: c.text.clone(),
            author: c.author.clone(),
        };
        insert_comment(tx, plan_id, &new, Some(&c.created_at))?;
    }
    if decision.action == ReviewAction::Approve {
        tx.execute(
            "UPDATE revisions SET approved_at = ?1 WHERE plan_id = ?2 AND number = ?3",
            params![decision.at, plan_id, stamp.number],
        )
        .map_err(db_error)?;
    }
    let added = u32::try_from(file.comments.len()).unwrap_or(u32::MAX);
    tx.execute(
        "INSERT INTO applied_returns (plan_id, revision, decision, decided_by, decided_at, comments)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            plan_id,
            stamp.number,
            decision.action.code(),
            decision.by,
            decision.at,
            added
        ],
    )
    .map_err(db_error)?;
    Ok(added)
}

impl Store {
    /// Reads a plan file or a return file (the bytes as read from disk, at
    /// most `planfile::MAX_BYTES`; a larger one is refused). Validated
    /// entirely, then a backup (pre-import), then one transaction. A plan
    /// file makes or updates a received plan; a return file returns or
    /// approves the own plan it answers. Opening the same file again changes
    /// nothing.
    pub fn open_plan_file(&mut self, bytes: &[u8]) -> Result<commplan_core::planfile::Opened> {
        let file = planfile::parse(bytes)?;
        self.writable()?;
        match file.kind {
            FileKind::Plan => self.open_received(&file),
            FileKind::Return => self.open_return(&file),
        }
    }

    /// A plan file, received as its revision (or draft). The approval an
    /// approved plan's file carries is not taken: on this computer the
    /// reviewer's own decision on the revision is what counts. The results
    /// it carries are: with the revision, or in place of older ones when the
    /// revision is held already (`received_results`).
    fn open_received(&mut self, file: &PlanFileV2) -> Result<Opened> {
        let doc = file
            .document
            .as_ref()
            .ok_or_else(|| AppError::internal("Tệp kế hoạch thiếu nội dung."))?;
        let label = file.plan_label();
        let revision = file.revision.as_ref().map_or(0, |r| r.number);
        let what = match revision {
            0 => "bản nháp".to_string(),
            n => format!("lần trình {n}"),
        };
        let landing = received::landing(self.conn(), file, doc)?;
        if let Landing::Same(id) = landing {
            let message = format!(
                "Tệp đã được mở trước đây: {what} của {label} đã có trong “Hồ sơ nhận được”. Không có gì thay đổi."
            );
            return self.opened(OpenedKind::Unchanged, id, revision, 0, message);
        }
        self.backup(BackupKind::PreImport)?;
        let id = self.write(|tx| match received::landing(tx, file, doc)? {
            Landing::Results(id) => received::receive_results(tx, id, file),
            landing => received::receive(tx, file, doc, landing),
        })?;
        let with = if file.results.is_some() {
            " cùng kết quả thực hiện đơn vị đã ghi"
        } else {
            ""
        };
        let message = match landing {
            Landing::New => format!("Đã nhận {what} của {label}{with} vào “Hồ sơ nhận được”."),
            Landing::Results(_) => format!(
                "Đã cập nhật kết quả thực hiện {label} theo tệp ghi lúc {}.",
                commplan_core::dates::moment_vi(&file.written_at)
            ),
            _ => format!(
                "Đã nhận {what} của {label}{with}; có thể so sánh với bản nhận trước trong “Hồ sơ nhận được”."
            ),
        };
        self.opened(OpenedKind::Received, id, revision, 0, message)
    }

    fn open_return(&mut self, file: &PlanFileV2) -> Result<Opened> {
        let revision = file.revision.as_ref().map_or(0, |r| r.number);
        let approve = file
            .decision
            .as_ref()
            .is_some_and(|d| d.action == ReviewAction::Approve);
        let label = file.plan_label();
        if let ReturnTarget::Same(id) = return_target(self.conn(), file)? {
            let message = format!(
                "Tệp trả lời lần trình {revision} của {label} đã được mở trước đây. Không có gì thay đổi."
            );
            return self.opened(OpenedKind::Unchanged, id, revision, 0, message);
        }
        self.backup(BackupKind::PreImport)?;
        let (id, added) = self.write(|tx| match return_target(tx, file)? {
            ReturnTarget::Apply(id) => Ok((id, apply_return(tx, id, file)?)),
            ReturnTarget::Same(_) => Err(AppError::conflict("Tệp trả lời vừa được mở.")),
        })?;
        let (outcome, message) = if approve {
            (
                OpenedKind::Approved,
                format!(
                    "Lần trình {revision} của {label} đã được phê duyệt; kế hoạch không sửa được nữa."
                ),
            )
        } else {
            (
                OpenedKind::Returned,
                format!(
                    "Lần trình {revision} của {label} bị trả lại với {added} ý kiến; hãy sửa theo ý kiến rồi trình lại."
                ),
            )
        };
        self.opened(outcome, id, revision, added, message)
    }

    fn opened(
        &self,
        outcome: OpenedKind,
        id: i64,
        revision: i64,
        comments: u32,
        message: String,
    ) -> Result<Opened> {
        Ok(Opened {
            outcome,
            plan: self.plan_summary(id)?,
            revision,
            comments,
            message,
        })
    }
}
