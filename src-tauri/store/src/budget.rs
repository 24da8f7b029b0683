//! The budget estimate: lines, their amounts and history, totals, and the
//! comparison with the previous year.

use commplan_core::budget::{AmountChange, BudgetLine, BudgetView, compare, summarise};
use commplan_core::money::{Money, Quantity, line_amount};
use commplan_core::{AppError, PlanChanged};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use crate::error::db_error;
use crate::{Result, Store, touch_plan};

fn money(row: &Row<'_>, col: &str) -> rusqlite::Result<Money> {
    let v: i64 = row.get(col)?;
    // The CHECK constraints keep stored amounts in range.
    Ok(Money::new(v).unwrap_or(Money::ZERO))
}

fn line_from_row(row: &Row<'_>) -> rusqlite::Result<BudgetLine> {
    let approved: Option<i64> = row.get("approved")?;
    Ok(BudgetLine {
        id: row.get("id")?,
        category_id: row.get("category_id")?,
        description: row.get("description")?,
        unit_of_measure: row.get("unit_of_measure")?,
        quantity: Quantity(row.get("quantity_centi")?),
        unit_price: money(row, "unit_price")?,
        amount: money(row, "amount")?,
        approved: approved.and_then(|a| Money::new(a).ok()),
        funding_source_id: row.get("funding_source_id")?,
        activity_id: row.get("activity_id")?,
        notes: row.get("notes")?,
    })
}

pub(crate) fn lines(conn: &Connection, plan_id: i64) -> Result<Vec<BudgetLine>> {
    let mut stmt = conn
        .prepare_cached("SELECT * FROM budget_lines WHERE plan_id = ?1 ORDER BY position, id")
        .map_err(db_error)?;
    stmt.query_map([plan_id], line_from_row)
        .and_then(Iterator::collect)
        .map_err(db_error)
}

/// After the quantity or the unit price of a line changed: its amount again,
/// exactly, or an error that rolls the whole edit back.
pub(crate) fn recompute_amount(tx: &Transaction<'_>, line_id: i64) -> Result<()> {
    let (q, p): (i64, i64) = tx
        .query_row(
            "SELECT quantity_centi, unit_price FROM budget_lines WHERE id = ?1",
            [line_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(db_error)?;
    let amount = line_amount(Quantity(q), Money::new(p)?)?;
    tx.execute(
        "UPDATE budget_lines SET amount = ?1 WHERE id = ?2",
        params![amount.dong(), line_id],
    )
    .map_err(db_error)?;
    Ok(())
}

fn show(field: &str, value: Option<i64>) -> String {
    match (field, value) {
        (_, None) => String::new(),
        ("quantity", Some(v)) => Quantity(v).display(),
        (_, Some(v)) => Money::new(v).map(Money::display).unwrap_or_default(),
    }
}

impl Store {
    /// The budget step: lines, totals, words, and last year's comparison.
    pub fn budget_view(&self, plan_id: i64) -> Result<BudgetView> {
        let doc = self.plan_document(plan_id)?;
        let previous: Option<(i64, i32)> = self
            .conn()
            .query_row(
                "SELECT id, year FROM plans WHERE unit_id = ?1 AND year = ?2",
                params![doc.unit.id, doc.year - 1],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(db_error)?;
        let comparison = match previous {
            Some((id, year)) => Some(compare(
                year,
                &lines(self.conn(), id)?,
                &doc.budget_lines,
                &doc.budget_categories,
            )?),
            None => None,
        };
        summarise(
            plan_id,
            doc.budget_lines,
            doc.budget_categories,
            doc.funding_sources,
            &doc.activities,
            doc.year,
            comparison,
        )
    }

    /// Every recorded change of a line's amounts, newest first.
    pub fn amount_history(&self, line_id: i64) -> Result<Vec<AmountChange>> {
        let mut stmt = self
            .conn()
            .prepare_cached(
                "SELECT id, line_id, field, old_value, new_value, changed_at FROM amount_changes
                  WHERE line_id = ?1 ORDER BY id DESC",
            )
            .map_err(db_error)?;
        stmt.query_map([line_id], |r| {
            let field: String = r.get(2)?;
            let old: Option<i64> = r.get(3)?;
            let new: Option<i64> = r.get(4)?;
            Ok(AmountChange {
                id: r.get(0)?,
                line_id: r.get(1)?,
                old_value: show(&field, old),
                new_value: show(&field, new),
                field,
                changed_at: r.get(5)?,
            })
        })
        .and_then(Iterator::collect)
        .map_err(db_error)
    }

    /// A copy of a line right below it (without its approved amount or history).
    pub fn duplicate_budget_line(&mut self, line_id: i64) -> Result<PlanChanged> {
        let (plan_id, copy) = self.write(|tx| {
            let (plan_id, position): (i64, i64) = tx
                .query_row(
                    "SELECT plan_id, position FROM budget_lines WHERE id = ?1",
                    [line_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()
                .map_err(db_error)?
                .ok_or_else(|| AppError::not_found("Không tìm thấy dòng kinh phí này."))?;
            tx.execute(
                "UPDATE budget_lines SET position = position + 1 WHERE plan_id = ?1 AND position > ?2",
                params![plan_id, position],
            )
            .map_err(db_error)?;
            tx.execute(
                "INSERT INTO budget_lines (plan_id, position, category_id, description,
                    unit_of_measure, quantity_centi, unit_price, amount, funding_source_id,
                    activity_id, notes)
                 SELECT plan_id, position + 1, category_id, description, unit_of_measure,
                    quantity_centi, unit_price, amount, funding_source_id, activity_id, notes
                   FROM budget_lines WHERE id = ?1",
                [line_id],
            )
            .map_err(db_error)?;
            let id = tx.last_insert_rowid();
            touch_plan(tx, plan_id)?;
            Ok((plan_id, id))
        })?;
        Ok(PlanChanged {
            view: self.plan_view(plan_id)?,
            added_id: Some(copy),
            deleted: None,
        })
    }

    /// The total of a plan's lines computed by SQLite (to check it against Rust's sum).
    pub fn sql_budget_total(&self, plan_id: i64) -> Result<i64> {
        self.conn()
            .query_row(
                "SELECT coalesce(sum(amount), 0) FROM budget_lines WHERE plan_id = ?1",
                [plan_id],
                |r| r.get(0),
            )
            .map_err(db_error)
    }
}
