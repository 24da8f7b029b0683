//! Plans: creation and the plan list.

use commplan_core::Code;
use commplan_core::review::ReviewAction;
use commplan_core::{AppError, NewPlan, PlanStatus, PlanSummary};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::error::db_error;
use crate::{Result, Store};

const SUMMARY_SQL: &str = "SELECT p.id, p.unit_id, u.name AS unit_name, p.year, p.status,
        p.title, p.updated_at, p.origin, rp.received_at,
        (SELECT max(number) FROM received_revisions r WHERE r.plan_id = p.id) AS received_revision,
        (SELECT decision FROM received_revisions r WHERE r.plan_id = p.id
          ORDER BY number DESC LIMIT 1) AS decision
   FROM plans p JOIN units u ON u.id = p.unit_id
   LEFT JOIN received_plans rp ON rp.plan_id = p.id";

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<PlanSummary> {
    let status: String = row.get("status")?;
    Ok(PlanSummary {
        id: row.get("id")?,
        unit_id: row.get("unit_id")?,
        unit_name: row.get("unit_name")?,
        year: row.get("year")?,
        // The CHECK constraint admits only known codes.
        status: PlanStatus::from_code(&status).unwrap_or(PlanStatus::Draft),
        title: row.get("title")?,
        updated_at: row.get("updated_at")?,
        received: row.get::<_, String>("origin")? == "received",
        received_revision: row.get("received_revision")?,
        received_at: row.get("received_at")?,
        decision: row
            .get::<_, Option<String>>("decision")?
            .as_deref()
            .and_then(ReviewAction::from_code),
    })
}

/// A new plan's identity: a UUID v4 from SQLite's random source.
pub(crate) fn new_uuid(conn: &Connection) -> Result<String> {
    let bytes: Vec<u8> = conn
        .query_row("SELECT randomblob(16)", [], |r| r.get(0))
        .map_err(db_error)?;
    let random: [u8; 16] = bytes
        .try_into()
        .map_err(|_| AppError::internal("Không tạo được mã kế hoạch."))?;
    Ok(commplan_core::planfile::uuid_v4(random))
}

impl Store {
    /// Every plan, newest year first.
    pub fn list_plans(&self) -> Result<Vec<PlanSummary>> {
        let sql = format!("{SUMMARY_SQL} ORDER BY p.year DESC, u.sort_order, u.name, p.id");
        let mut stmt = self.conn().prepare_cached(&sql).map_err(db_error)?;
        stmt.query_map([], summary_from_row)
            .and_then(Iterator::collect)
            .map_err(db_error)
    }

    pub fn plan_summary(&self, id: i64) -> Result<PlanSummary> {
        let sql = format!("{SUMMARY_SQL} WHERE p.id = ?1");
        self.conn()
            .query_row(&sql, [id], summary_from_row)
            .optional()
            .map_err(db_error)?
            .ok_or_else(|| AppError::not_found("Không tìm thấy kế hoạch này; có thể nó đã bị xóa."))
    }

    /// Starts a draft plan for a unit and a year (one plan per unit and year),
    /// citing the legal texts cited by default that are in force in its year.
    pub fn create_plan(&mut self, new: &NewPlan) -> Result<PlanSummary> {
        new.validate()?;
        let unit = self.unit(new.unit_id)?;
        let id = self.write(|tx| {
            let existing: Option<i64> = tx
                .query_row(
                    "SELECT id FROM plans WHERE unit_id = ?1 AND year = ?2",
                    params![new.unit_id, new.year],
                    |r| r.get(0),
                )
                .optional()
                .map_err(db_error)?;
            if existing.is_some() {
                return Err(AppError::conflict(format!(
                    "{} đã có kế hoạch năm {}. Hãy mở kế hoạch đó trong danh sách.",
                    unit.name, new.year
                )));
            }
            tx.execute(
                "INSERT INTO plans (unit_id, year, title, symbol, place, uuid)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    new.unit_id,
                    new.year,
                    new.default_title(),
                    NewPlan::default_symbol(&unit),
                    unit.province().unwrap_or_default(),
                    new_uuid(tx)?
                ],
            )
            .map_err(db_error)?;
            let plan = tx.last_insert_rowid();
            let defaults = crate::schema::plan_defaults()?;
            let texts = crate::legal::read_all(tx)?;
            let cited = commplan_core::legal::cited_by_default(&texts, new.year);
            for (text, pos) in cited.iter().zip(0i64..) {
                tx.execute(
                    "INSERT INTO legal_bases (plan_id, position, text) VALUES (?1, ?2, ?3)",
                    params![plan, pos, text.citation],
                )
                .map_err(db_error)?;
            }
            for (text, pos) in defaults.recipients.iter().zip(0i64..) {
                tx.execute(
                    "INSERT INTO recipients (plan_id, position, text) VALUES (?1, ?2, ?3)",
                    params![plan, pos, text],
                )
                .map_err(db_error)?;
            }
            Ok(plan)
        })?;
        self.plan_summary(id)
    }
}
