//! Received plans (origin `received`): plans read from a plan file another
//! unit sent. Their content is never editable here (the lock of
//! `migrations/007_plan_files.sql`); only [`receive`] replaces it, with a newer
//! received revision, in the import's one transaction, marked by a row in
//! `receiving`. Each received revision is a revision of the local plan with the
//! sender's number; `received_revisions` binds it to the sender's SHA-256 and
//! records the reviewer's decision; `received_ids` maps each item's local id
//! to the sender's, which the return file's comment anchors use (and the
//! results an approved plan's file carries, `received_results`).

use commplan_core::planfile::{PlanFileV2, Received, sha256_of};
use commplan_core::review::ReviewAction;
use commplan_core::{AppError, Code, Entity, PlanDocument, PlanStatus, Unit};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::Result;
use crate::error::db_error;
use crate::import::{self, Keep};
use crate::review::{freeze, last_revision};
use crate::rows::{self, Ids};

const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/// True for a plan received in a plan file.
pub(crate) fn is_received(conn: &Connection, plan_id: i64) -> Result<bool> {
    let origin: Option<String> = conn
        .query_row("SELECT origin FROM plans WHERE id = ?1", [plan_id], |r| {
            r.get(0)
        })
        .optional()
        .map_err(db_error)?;
    Ok(origin.as_deref() == Some("received"))
}

/// Who sent a received plan, when, and the decision on its latest revision;
/// `None` for an own plan.
pub(crate) fn received_info(
    conn: &Connection,
    plan_id: i64,
    last: i64,
) -> Result<Option<Received>> {
    let row: Option<(String, String, Option<String>)> = conn
        .query_row(
            "SELECT rp.sender, rp.received_at,
                    (SELECT decision FROM received_revisions
                      WHERE plan_id = rp.plan_id AND number = ?2)
               FROM received_plans rp WHERE rp.plan_id = ?1",
            params![plan_id, last],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()
        .map_err(db_error)?;
    Ok(row.map(|(sender, received_at, decision)| Received {
        sender,
        received_at,
        decision: decision.as_deref().and_then(ReviewAction::from_code),
    }))
}

/// Records the reviewer's decision on a received plan's latest revision
/// (inside the review's transaction). Returning needs a comment on it.
pub(crate) fn record_decision(
    tx: &Transaction<'_>,
    plan_id: i64,
    action: ReviewAction,
) -> Result<()> {
    let last = last_revision(tx, plan_id)?;
    if action == ReviewAction::Return {
        let on_last: i64 = tx
            .query_row(
                "SELECT count(*) FROM comments WHERE plan_id = ?1 AND revision = ?2",
                params![plan_id, last],
                |r| r.get(0),
            )
            .map_err(db_error)?;
        if on_last == 0 {
            return Err(AppError::validation(format!(
                "Hãy ghi ít nhất một ý kiến về lần trình {last} khi trả lại, để đơn vị biết cần sửa gì."
            )));
        }
    }
    tx.execute(
        &format!(
            "UPDATE received_revisions SET decision = ?1, decided_at = {NOW}
              WHERE plan_id = ?2 AND number = ?3"
        ),
        params![action.code(), plan_id, last],
    )
    .map_err(db_error)?;
    Ok(())
}

/// Where a plan file lands on this computer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Landing {
    /// A new received plan.
    New,
    /// The received plan of this id, given a newer revision (or draft).
    Newer(i64),
    /// The received plan of this id holds this very revision (or draft) already.
    Same(i64),
    /// The received plan of this id holds this very revision, and the file
    /// (its approved plan's, written later) carries newer results.
    Results(i64),
}

fn plan_by_uuid(conn: &Connection, uuid: &str) -> Result<Option<(i64, String)>> {
    conn.query_row(
        "SELECT id, origin FROM plans WHERE uuid = ?1",
        [uuid],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
    .map_err(db_error)
}

/// "kế hoạch “…” năm 2027 của Sở …" of a local plan.
pub(crate) fn local_label(conn: &Connection, plan_id: i64) -> Result<String> {
    conn.query_row(
        "SELECT p.title, p.year, u.name FROM plans p JOIN units u ON u.id = p.unit_id
          WHERE p.id = ?1",
        [plan_id],
        |r| {
            Ok(commplan_core::planfile::plan_label(
                &r.get::<_, String>(0)?,
                r.get(1)?,
                &r.get::<_, String>(2)?,
            ))
        },
    )
    .map_err(db_error)
}

/// The local plan of the file's plan: found by its UUID, else none (the
/// unit's plan of that year, if this computer has one, is another plan).
pub(crate) fn plan_of_file(conn: &Connection, file: &PlanFileV2) -> Result<Option<(i64, bool)>> {
    Ok(plan_by_uuid(conn, &file.plan_uuid)?.map(|(id, origin)| (id, origin == "received")))
}

/// The plan of the same unit and year as the file's, if this computer has one.
pub(crate) fn same_unit_and_year(conn: &Connection, file: &PlanFileV2) -> Result<Option<i64>> {
    conn.query_row(
        "SELECT p.id FROM plans p JOIN units u ON u.id = p.unit_id
          WHERE u.name = ?1 AND u.parent_body = ?2 AND p.year = ?3",
        params![
            commplan_core::text::clean(&file.unit.name),
            commplan_core::text::clean(&file.unit.parent_body),
            file.year
        ],
        |r| r.get(0),
    )
    .optional()
    .map_err(db_error)
}

/// Decides, reading only, where a plan file lands, or why it cannot.
pub(crate) fn landing(conn: &Connection, file: &PlanFileV2, doc: &PlanDocument) -> Result<Landing> {
    let label = file.plan_label();
    let Some((id, received)) = plan_of_file(conn, file)? else {
        if let Some(other) = same_unit_and_year(conn, file)? {
            return Err(AppError::conflict(format!(
                "Không nhận được {label}: máy này đã có {} (một kế hoạch khác, cùng đơn vị và năm).",
                local_label(conn, other)?
            )));
        }
        return Ok(Landing::New);
    };
    if !received {
        return Err(AppError::conflict(format!(
            "Tệp này mang {label}, là kế hoạch được lập trên chính máy này: không mở như hồ sơ nhận được."
        )));
    }
    let last = last_revision(conn, id)?;
    let Some(stamp) = &file.revision else {
        if last > 0 {
            return Err(AppError::conflict(format!(
                "Máy này đã nhận lần trình {last} của {label}: bản nháp không thay thế được bản đã trình."
            )));
        }
        let held: Option<String> = conn
            .query_row(
                "SELECT draft_sha256 FROM received_plans WHERE plan_id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()
            .map_err(db_error)?
            .flatten();
        return Ok(if held.as_deref() == Some(sha256_of(doc).as_str()) {
            Landing::Same(id)
        } else {
            Landing::Newer(id)
        });
    };
    let n = stamp.number;
    if n > last {
        return Ok(Landing::Newer(id));
    }
    if n < last {
        return Err(AppError::conflict(format!(
            "Tệp mang lần trình {n} của {label}, nhưng máy này đã nhận lần trình {last}, mới hơn."
        )));
    }
    let held: String = conn
        .query_row(
            "SELECT sha256 FROM received_revisions WHERE plan_id = ?1 AND number = ?2",
            params![id, n],
            |r| r.get(0),
        )
        .map_err(db_error)?;
    if held == stamp.sha256 {
        return Ok(if crate::received_results::newer(conn, id, file)? {
            Landing::Results(id)
        } else {
            Landing::Same(id)
        });
    }
    Err(AppError::conflict(format!(
        "Tệp mang lần trình {n} của {label} (mã {}…), khác với lần trình {n} đã nhận (mã {}…): hãy hỏi lại đơn vị gửi.",
        &stamp.sha256[..12],
        &held[..12.min(held.len())]
    )))
}

/// Deletes every list of a received plan (inside [`receive`]).
fn delete_lists(tx: &Transaction<'_>, plan_id: i64) -> Result<()> {
    let lists = Entity::ALL
        .into_iter()
        .rev()
        .filter(|e| e.def().scope == commplan_core::edit::Scope::Plan);
    for entity in lists {
        tx.execute(
            &format!("DELETE FROM {} WHERE plan_id = ?1", entity.def().table),
            [plan_id],
        )
        .map_err(db_error)?;
    }
    Ok(())
}

/// Sets a received plan's own fields and status (inside [`receive`]).
fn update_plan_row(
    tx: &Transaction<'_>,
    plan_id: i64,
    status: PlanStatus,
    fields: Vec<commplan_core::edit::Stored>,
) -> Result<()> {
    let def = Entity::Plan.def();
    let sets: Vec<String> = def
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| format!("{} = ?{}", f.column, i + 3))
        .collect();
    let sql = format!(
        "UPDATE plans SET status = ?1, updated_at = {NOW}, {} WHERE id = ?2",
        sets.join(", ")
    );
    let head = [Value::from(status.code().to_string()), Value::from(plan_id)];
    let all = head.into_iter().chain(fields.into_iter().map(rows::to_sql));
    tx.execute(&sql, rusqlite::params_from_iter(all))
        .map_err(db_error)?;
    Ok(())
}

/// The sender's ids of a received plan's items → their local ids.
pub(crate) fn kept_ids(tx: &Connection, plan_id: i64) -> Result<Keep> {
    let mut stmt = tx
        .prepare("SELECT entity, remote_id, local_id FROM received_ids WHERE plan_id = ?1")
        .map_err(db_error)?;
    let rows: Vec<(String, i64, i64)> = stmt
        .query_map([plan_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .and_then(Iterator::collect)
        .map_err(db_error)?;
    Ok(rows
        .into_iter()
        .filter_map(|(e, remote, local)| Entity::from_code(&e).map(|e| ((e, remote), local)))
        .collect())
}

fn record_ids(tx: &Transaction<'_>, plan_id: i64, ids: &Ids) -> Result<()> {
    let mut stmt = tx
        .prepare(
            "INSERT OR REPLACE INTO received_ids (plan_id, entity, local_id, remote_id)
             VALUES (?1, ?2, ?3, ?4)",
        )
        .map_err(db_error)?;
    for (entity, remote, local) in ids.pairs() {
        if entity.def().scope != commplan_core::edit::Scope::Global {
            stmt.execute(params![plan_id, entity.code(), local, remote])
                .map_err(db_error)?;
        }
    }
    Ok(())
}

/// Writes a checked plan file as a received plan (new, or a newer revision
/// or draft of one), in the caller's transaction; gives the local plan's id.
pub(crate) fn receive(
    tx: &Transaction<'_>,
    file: &PlanFileV2,
    doc: &PlanDocument,
    landing: Landing,
) -> Result<i64> {
    let json = import::document_json(doc)?;
    let mut ids = Ids::default();
    import::insert_references(tx, &json, &mut ids)?;
    let status = match &file.revision {
        Some(_) => doc.status,
        None => PlanStatus::Draft,
    };
    let fields = import::plan_fields(&json, &ids)?;
    let plan = match landing {
        Landing::New => {
            let unit = import::unit_id(tx, &file_unit(file))?;
            let head = [
                Value::from(unit),
                Value::from(file.year),
                Value::from(status.code().to_string()),
                Value::from(file.plan_uuid.clone()),
                Value::from("received".to_string()),
            ];
            let plan = import::insert_plan_row(tx, head, fields)?;
            mark_receiving(tx, plan)?;
            plan
        }
        Landing::Newer(plan) | Landing::Same(plan) | Landing::Results(plan) => {
            mark_receiving(tx, plan)?;
            delete_lists(tx, plan)?;
            update_plan_row(tx, plan, status, fields)?;
            plan
        }
    };
    let keep = kept_ids(tx, plan)?;
    import::insert_lists(tx, &json, plan, &mut ids, &keep)?;
    ids.insert(Entity::Plan, &serde_json::Value::from(doc.id), plan)?;
    record_ids(tx, plan, &ids)?;
    let draft_sha = match &file.revision {
        Some(stamp) => {
            let local = crate::read::load(tx, plan)?;
            freeze(tx, &local, stamp.number, status)?;
            tx.execute(
                "INSERT INTO received_revisions (plan_id, number, sha256) VALUES (?1, ?2, ?3)",
                params![plan, stamp.number, stamp.sha256],
            )
            .map_err(db_error)?;
            resolutions(tx, plan, file)?;
            None
        }
        None => Some(sha256_of(doc)),
    };
    tx.execute(
        &format!(
            "INSERT INTO received_plans (plan_id, sender, draft_sha256) VALUES (?1, ?2, ?3)
             ON CONFLICT (plan_id) DO UPDATE SET sender = excluded.sender,
                 received_at = {NOW}, draft_sha256 = excluded.draft_sha256"
        ),
        params![plan, commplan_core::text::clean(&file.unit.name), draft_sha],
    )
    .map_err(db_error)?;
    if file.revision.is_some() {
        crate::received_results::replace(tx, plan, file)?;
    }
    unmark_receiving(tx, plan)?;
    Ok(plan)
}

/// Gives received plan `plan_id`, which holds the file's revision already,
/// the newer results the file carries (in the caller's transaction).
pub(crate) fn receive_results(
    tx: &Transaction<'_>,
    plan_id: i64,
    file: &PlanFileV2,
) -> Result<i64> {
    mark_receiving(tx, plan_id)?;
    crate::received_results::replace(tx, plan_id, file)?;
    unmark_receiving(tx, plan_id)?;
    Ok(plan_id)
}

/// What the officer did about the reviewer's comments, as the plan file
/// tells (each matched by its revision, text and time, which the return file
/// carried and the officer's database kept): marked resolved here too.
fn resolutions(tx: &Transaction<'_>, plan_id: i64, file: &PlanFileV2) -> Result<()> {
    let mut stmt = tx
        .prepare(
            "UPDATE comments SET resolved_at = ?1, resolved_note = ?2
              WHERE plan_id = ?3 AND revision = ?4 AND text = ?5 AND created_at = ?6",
        )
        .map_err(db_error)?;
    for c in &file.comments {
        if let Some(at) = &c.resolved_at {
            let note = commplan_core::text::clean(&c.resolved_note);
            let text = commplan_core::text::clean(&c.text);
            stmt.execute(params![at, note, plan_id, c.revision, text, c.created_at])
                .map_err(db_error)?;
        }
    }
    Ok(())
}

fn mark_receiving(tx: &Transaction<'_>, plan_id: i64) -> Result<()> {
    tx.execute("INSERT INTO receiving (plan_id) VALUES (?1)", [plan_id])
        .map_err(db_error)?;
    Ok(())
}

fn unmark_receiving(tx: &Transaction<'_>, plan_id: i64) -> Result<()> {
    tx.execute("DELETE FROM receiving WHERE plan_id = ?1", [plan_id])
        .map_err(db_error)?;
    Ok(())
}

fn file_unit(file: &PlanFileV2) -> Unit {
    Unit {
        id: 0,
        name: file.unit.name.clone(),
        parent_body: file.unit.parent_body.clone(),
        abbreviation: file.unit.abbreviation.clone(),
    }
}

/// The sender's id of a received plan's item.
pub(crate) fn remote_id(
    conn: &Connection,
    plan_id: i64,
    entity: Entity,
    local: i64,
) -> Result<i64> {
    conn.query_row(
        "SELECT remote_id FROM received_ids WHERE plan_id = ?1 AND entity = ?2 AND local_id = ?3",
        params![plan_id, entity.code(), local],
        |r| r.get(0),
    )
    .optional()
    .map_err(db_error)?
    .ok_or_else(|| {
        AppError::internal(format!(
            "Không tìm thấy {} được góp ý trong hồ sơ đã nhận.",
            entity.def().noun
        ))
    })
}
