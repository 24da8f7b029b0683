//! Writing plan files and return files (`.khtt`, core `planfile`): an own
//! plan's latest frozen revision (an approved one with its approval and its
//! results) or working copy, and a received plan's return
//! (the reviewer's decision and comments, anchored with the sender's ids).
//! Every file written is read back through core's `parse` first, so that this
//! computer never sends what another would refuse.

use std::io::Read;
use std::path::Path;

use chrono::SecondsFormat;
use commplan_core::planfile::{
    self, EXTENSION, FileComment, FileDecision, FileKind, FileSource, PlanFileV2, RevisionStamp,
    sha256_of, totals_of,
};
use commplan_core::review::{Comment, CommentAnchor, ReviewAction, RevisionRef};
use commplan_core::{AppError, Code, PlanDocument, PlanStatus};
use rusqlite::{Connection, OptionalExtension, params};

use crate::error::db_error;
use crate::received::{is_received, remote_id};
use crate::review::{last_revision, status_of};
use crate::{Result, Store};

/// Reads a file to open, never more than `max` bytes and one more (for the
/// size check to refuse it); `what` names it in the refusal ("tệp kế hoạch").
pub(crate) fn read_limited(path: &Path, max: usize, what: &str) -> Result<Vec<u8>> {
    let cannot = |e: std::io::Error| {
        log::warn!("{}: {e}", path.display());
        AppError::new(
            commplan_core::ErrorCode::Io,
            format!("Không đọc được {what} “{}”.", path.display()),
        )
    };
    let file = std::fs::File::open(path).map_err(cannot)?;
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    let mut bytes = Vec::new();
    file.take(limit).read_to_end(&mut bytes).map_err(cannot)?;
    Ok(bytes)
}

/// Reads a plan file or a return file to open: at most
/// [`planfile::MAX_BYTES`] and one byte more, which `open_plan_file` refuses.
pub fn read_plan_file(path: &Path) -> Result<Vec<u8>> {
    read_limited(path, planfile::MAX_BYTES, "tệp kế hoạch")
}

/// A file ready to be written: the name to offer and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileOut {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// "Kế hoạch 2027 - Sở … - lần trình 2.khtt" (no path separator in it).
fn file_name(year: i32, unit: &str, what: &str) -> String {
    let name = format!("Kế hoạch {year} - {unit} - {what}.{EXTENSION}");
    name.replace(['/', '\\'], "-")
}

pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn plan_uuid(conn: &Connection, plan_id: i64) -> Result<String> {
    conn.query_row("SELECT uuid FROM plans WHERE id = ?1", [plan_id], |r| {
        r.get(0)
    })
    .map_err(db_error)
}

fn file_comment(c: &Comment, anchor: CommentAnchor) -> FileComment {
    FileComment {
        revision: c.revision,
        anchor,
        text: c.text.clone(),
        author: c.author.clone(),
        created_at: c.created_at.clone(),
        resolved_at: c.resolved_at.clone(),
        resolved_note: c.resolved_note.clone(),
    }
}

/// The frame of a file about `doc`'s plan, written now by this version.
fn frame(kind: FileKind, uuid: String, doc: &PlanDocument) -> PlanFileV2 {
    PlanFileV2::frame(kind, uuid, doc, now(), env!("CARGO_PKG_VERSION"))
}

/// The file's bytes, once they read back as this build reads files.
fn checked(file: &PlanFileV2, what: &str) -> Result<Vec<u8>> {
    let bytes = file.to_bytes();
    planfile::parse(&bytes)
        .map_err(|e| AppError::validation(format!("Không ghi được {what}: {}", e.message)))?;
    Ok(bytes)
}

impl Store {
    /// A plan file of `plan_id`: its latest frozen revision (`Submitted`,
    /// refused while there is none waiting or approved; an approved one with
    /// its approval and, once anything is recorded, its results) or its
    /// working copy (`Draft`, never with a decision).
    /// Only an own plan is sent.
    pub fn plan_file(&self, plan_id: i64, source: FileSource) -> Result<FileOut> {
        let conn = self.conn();
        let status = status_of(conn, plan_id)?;
        if is_received(conn, plan_id)? {
            return Err(AppError::conflict(
                "Đây là hồ sơ nhận được: chỉ đơn vị lập kế hoạch gửi được tệp kế hoạch. Sau khi quyết định, hãy ghi tệp trả lời.",
            ));
        }
        let last = last_revision(conn, plan_id)?;
        let approved = status == PlanStatus::Approved;
        let (doc, revision, what) = match source {
            FileSource::Submitted => {
                if last == 0 || !status.is_locked() {
                    return Err(AppError::conflict(format!(
                        "Chỉ gửi được tệp kế hoạch khi kế hoạch đã trình và đang chờ xem xét hoặc đã được phê duyệt; kế hoạch đang ở trạng thái “{}”. Có thể lưu bản nháp ra tệp.",
                        status.label_vi()
                    )));
                }
                let doc =
                    self.revision_document(plan_id, RevisionRef::Revision { number: last })?;
                let stamp = RevisionStamp {
                    number: last,
                    sha256: sha256_of(&doc),
                };
                (doc, Some(stamp), format!("lần trình {last}"))
            }
            FileSource::Draft => (self.plan_document(plan_id)?, None, "bản nháp".to_string()),
        };
        let mut file = frame(FileKind::Plan, plan_uuid(conn, plan_id)?, &doc);
        file.comments = self
            .list_comments(plan_id)?
            .iter()
            .filter(|c| c.revision <= last)
            .map(|c| {
                // A comment on a line deleted since stays with its step.
                let anchor = if c.line_exists {
                    c.anchor.clone()
                } else {
                    CommentAnchor::Section { step: c.step }
                };
                file_comment(c, anchor)
            })
            .collect();
        if approved && revision.is_some() {
            file.decision = Some(approval(conn, plan_id, last)?);
            // What was done, recorded against this very revision's items.
            let results = crate::results::read(conn, plan_id)?;
            file.results = (!results.is_empty()).then_some(results);
        }
        file.revision = revision;
        file.totals = Some(totals_of(&doc));
        let name = file_name(doc.year, &doc.unit.name, &what);
        file.document = Some(doc);
        Ok(FileOut {
            file_name: name,
            bytes: checked(&file, "tệp kế hoạch")?,
        })
    }

    /// The return file of a received plan on whose latest revision the
    /// reviewer has decided: the decision and the comments on that revision,
    /// anchored with the sender's ids, bound to the revision's number and hash.
    pub fn return_file(&self, plan_id: i64) -> Result<FileOut> {
        let conn = self.conn();
        status_of(conn, plan_id)?;
        if !is_received(conn, plan_id)? {
            return Err(AppError::conflict(
                "Chỉ ghi được tệp trả lời cho hồ sơ nhận được từ đơn vị khác.",
            ));
        }
        let last = last_revision(conn, plan_id)?;
        let decided: Option<(String, Option<String>, Option<String>)> = conn
            .query_row(
                "SELECT sha256, decision, decided_at FROM received_revisions
                  WHERE plan_id = ?1 AND number = ?2",
                params![plan_id, last],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(db_error)?;
        let (sha256, Some(action), Some(at)) = decided.unwrap_or_default() else {
            return Err(AppError::conflict(if last == 0 {
                "Bản nháp nhận được không có quyết định xem xét nên không có tệp trả lời."
                    .to_string()
            } else {
                format!(
                    "Chưa quyết định “Trả lại” hoặc “Phê duyệt” lần trình {last}: chưa ghi được tệp trả lời."
                )
            }));
        };
        let action = ReviewAction::from_code(&action)
            .ok_or_else(|| AppError::internal("Quyết định đã lưu không đọc được."))?;
        let doc = self.plan_document(plan_id)?;
        let mut file = frame(FileKind::Return, plan_uuid(conn, plan_id)?, &doc);
        let comments: Vec<Comment> = self
            .list_comments(plan_id)?
            .into_iter()
            .filter(|c| c.revision == last)
            .collect();
        for c in &comments {
            file.comments
                .push(file_comment(c, sender_anchor(conn, plan_id, &c.anchor)?));
        }
        file.revision = Some(RevisionStamp {
            number: last,
            sha256,
        });
        file.decision = Some(FileDecision {
            action,
            at,
            by: deciders(&comments),
        });
        let name = file_name(
            doc.year,
            &doc.unit.name,
            &format!("trả lời lần trình {last}"),
        );
        Ok(FileOut {
            file_name: name,
            bytes: checked(&file, "tệp trả lời")?,
        })
    }
}

/// The approval of an own plan's revision `number`: when and by whom, as the
/// approving return file said (`applied_returns`); approved on this computer,
/// when the revision was dated, by no one named.
fn approval(conn: &Connection, plan_id: i64, number: i64) -> Result<FileDecision> {
    let (at, by): (Option<String>, String) = conn
        .query_row(
            "SELECT coalesce(a.decided_at, r.approved_at), coalesce(a.decided_by, '')
               FROM revisions r
               LEFT JOIN applied_returns a ON a.plan_id = r.plan_id
                    AND a.revision = r.number AND a.decision = 'approve'
              WHERE r.plan_id = ?1 AND r.number = ?2",
            params![plan_id, number],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(db_error)?;
    let at = at.ok_or_else(|| {
        AppError::internal("Kế hoạch đã phê duyệt nhưng không ghi ngày phê duyệt.")
    })?;
    Ok(FileDecision {
        action: ReviewAction::Approve,
        at,
        by,
    })
}

/// A comment's anchor with the sender's ids.
fn sender_anchor(conn: &Connection, plan_id: i64, anchor: &CommentAnchor) -> Result<CommentAnchor> {
    Ok(match anchor {
        CommentAnchor::Section { .. } => anchor.clone(),
        CommentAnchor::Line { entity, id, field } => CommentAnchor::Line {
            entity: *entity,
            id: remote_id(conn, plan_id, *entity, *id)?,
            field: field.clone(),
        },
    })
}

/// Who decided: the names the comments were signed with, each once.
fn deciders(comments: &[Comment]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for c in comments {
        if !c.author.is_empty() && !names.contains(&c.author.as_str()) {
            names.push(&c.author);
        }
    }
    commplan_core::text::shorten(&names.join(", "), commplan_core::review::MAX_AUTHOR_CHARS)
}
