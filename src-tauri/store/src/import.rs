//! Writing a whole plan document into the database: the sample plan, a copy
//! of a plan into another year, an imported plan file.

use commplan_core::edit::{months_to_mask, shift_years};
use commplan_core::file::PlanFile;
use commplan_core::text::clean;
use commplan_core::{AppError, CopyPlan, PlanDocument, PlanStatus, PlanSummary, Stage, Unit};
use rusqlite::{OptionalExtension, Transaction, params};

use crate::error::db_error;
use crate::{Result, Store};

/// The sample plan a new user can open (Vietnamese, a provincial department).
const SAMPLE: &str = include_str!("../../../assets/sample-plan.json");

fn conflict_year(tx: &Transaction<'_>, unit_id: i64, year: i32, unit_name: &str) -> Result<()> {
    let existing: Option<i64> = tx
        .query_row(
            "SELECT id FROM plans WHERE unit_id = ?1 AND year = ?2",
            params![unit_id, year],
            |r| r.get(0),
        )
        .optional()
        .map_err(db_error)?;
    if existing.is_some() {
        return Err(AppError::conflict(format!(
            "{unit_name} đã có kế hoạch năm {year}. Hãy mở kế hoạch đó trong danh sách."
        )));
    }
    Ok(())
}

/// Finds the unit by name and parent body, or adds it.
fn unit_id(tx: &Transaction<'_>, unit: &Unit) -> Result<i64> {
    let name = clean(&unit.name);
    let parent = clean(&unit.parent_body);
    let found: Option<i64> = tx
        .query_row(
            "SELECT id FROM units WHERE name = ?1 AND parent_body = ?2",
            params![name, parent],
            |r| r.get(0),
        )
        .optional()
        .map_err(db_error)?;
    if let Some(id) = found {
        return Ok(id);
    }
    tx.execute(
        "INSERT INTO units (name, parent_body, abbreviation, sort_order)
         VALUES (?1, ?2, ?3, (SELECT coalesce(max(sort_order), 0) + 1 FROM units))",
        params![name, parent, clean(&unit.abbreviation)],
    )
    .map_err(db_error)?;
    Ok(tx.last_insert_rowid())
}

/// Finds an entry of a reference list (channels, budget categories, funding
/// sources) by name, or adds it at the end of the list.
fn reference_id(tx: &Transaction<'_>, table: &str, name: &str) -> Result<i64> {
    let name = clean(name);
    let found: Option<i64> = tx
        .query_row(
            &format!("SELECT id FROM {table} WHERE name = ?1"),
            [&name],
            |r| r.get(0),
        )
        .optional()
        .map_err(db_error)?;
    if let Some(id) = found {
        return Ok(id);
    }
    tx.execute(
        &format!(
            "INSERT INTO {table} (position, name)
             VALUES ((SELECT coalesce(max(position), -1) + 1 FROM {table}), ?1)"
        ),
        [&name],
    )
    .map_err(db_error)?;
    Ok(tx.last_insert_rowid())
}

/// Inserts `doc` as a new plan of `unit_id` and returns its id.
pub(crate) fn insert(tx: &Transaction<'_>, doc: &PlanDocument, unit_id: i64) -> Result<i64> {
    let f = &doc.fields;
    tx.execute(
        "INSERT INTO plans (unit_id, year, status, title, number, symbol, place, issue_date,
            purposes, requirements, leader_name, leader_position, spokesperson_name,
            spokesperson_position, spokesperson_contact, press_coordination, public_disclosure,
            opinion_monitoring, false_information, crisis_procedure, reporting, signer_authority,
            signer_authority_of, signer_deputy_of, signer_position, signer_name)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
        rusqlite::params![
            unit_id,
            doc.year,
            doc.status.code(),
            clean(&f.title),
            clean(&f.number),
            clean(&f.symbol),
            clean(&f.place),
            clean(&f.issue_date),
            clean(&f.purposes),
            clean(&f.requirements),
            clean(&f.leader_name),
            clean(&f.leader_position),
            clean(&f.spokesperson_name),
            clean(&f.spokesperson_position),
            clean(&f.spokesperson_contact),
            clean(&f.press_coordination),
            clean(&f.public_disclosure),
            clean(&f.opinion_monitoring),
            clean(&f.false_information),
            clean(&f.crisis_procedure),
            clean(&f.reporting),
            f.signer_authority.map(|a| a.code()),
            clean(&f.signer_authority_of),
            clean(&f.signer_deputy_of),
            clean(&f.signer_position),
            clean(&f.signer_name),
        ],
    )
    .map_err(db_error)?;
    let plan = tx.last_insert_rowid();

    for (b, pos) in doc.legal_bases.iter().zip(0i64..) {
        tx.execute(
            "INSERT INTO legal_bases (plan_id, position, text) VALUES (?1, ?2, ?3)",
            params![plan, pos, clean(&b.text)],
        )
        .map_err(db_error)?;
    }

    let mut policy_ids = Vec::with_capacity(doc.policies.len());
    for (p, pos) in doc.policies.iter().zip(0i64..) {
        tx.execute(
            "INSERT INTO policies (plan_id, position, title, field, major_impact, affected_groups,
                key_messages, draft_document) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                plan,
                pos,
                clean(&p.title),
                clean(&p.field),
                p.major_impact,
                clean(&p.affected_groups),
                clean(&p.key_messages),
                clean(&p.draft_document)
            ],
        )
        .map_err(db_error)?;
        let new_id = tx.last_insert_rowid();
        policy_ids.push((p.id, new_id));
        for stage in Stage::ALL {
            let given = p.stages.iter().find(|s| s.stage == stage);
            tx.execute(
                "INSERT INTO policy_stages (policy_id, stage, not_applicable, reason)
                 VALUES (?1, ?2, ?3, ?4)",
                params![
                    new_id,
                    stage.code(),
                    given.is_some_and(|s| s.not_applicable),
                    given.map(|s| clean(&s.reason)).unwrap_or_default()
                ],
            )
            .map_err(db_error)?;
        }
    }

    let mut channel_ids = Vec::with_capacity(doc.channels.len());
    for c in &doc.channels {
        channel_ids.push((c.id, reference_id(tx, "channels", &c.name)?));
    }
    let lookup = |pairs: &[(i64, i64)], old: Option<i64>| -> Option<i64> {
        old.and_then(|o| pairs.iter().find(|(from, _)| *from == o).map(|(_, to)| *to))
    };
    let mut activity_ids = Vec::with_capacity(doc.activities.len());
    {
        let mut stmt = tx
            .prepare(
                "INSERT INTO activities (plan_id, policy_id, stage, position, content, channel_id,
                    audience, lead_unit, coordinating_units, months, start_date, end_date,
                    expected_output, target)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )
            .map_err(db_error)?;
        for (a, pos) in doc.activities.iter().zip(0i64..) {
            stmt.execute(rusqlite::params![
                plan,
                lookup(&policy_ids, a.policy_id),
                a.stage.map(Stage::code),
                pos,
                clean(&a.content),
                lookup(&channel_ids, a.channel_id),
                clean(&a.audience),
                clean(&a.lead_unit),
                clean(&a.coordinating_units),
                months_to_mask(&a.months)?,
                clean(&a.start_date),
                clean(&a.end_date),
                clean(&a.expected_output),
                clean(&a.target),
            ])
            .map_err(db_error)?;
            activity_ids.push((a.id, tx.last_insert_rowid()));
        }
    }

    let mut category_ids = Vec::new();
    for c in &doc.budget_categories {
        category_ids.push((c.id, reference_id(tx, "budget_categories", &c.name)?));
    }
    let mut source_ids = Vec::new();
    for c in &doc.funding_sources {
        source_ids.push((c.id, reference_id(tx, "funding_sources", &c.name)?));
    }
    for (l, pos) in doc.budget_lines.iter().zip(0i64..) {
        let amount = commplan_core::money::line_amount(l.quantity, l.unit_price)?;
        tx.execute(
            "INSERT INTO budget_lines (plan_id, position, category_id, description, unit_of_measure,
                quantity_centi, unit_price, amount, approved, funding_source_id, activity_id, notes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            rusqlite::params![
                plan,
                pos,
                lookup(&category_ids, l.category_id),
                clean(&l.description),
                clean(&l.unit_of_measure),
                l.quantity.0,
                l.unit_price.dong(),
                amount.dong(),
                l.approved.map(|a| a.dong()),
                lookup(&source_ids, l.funding_source_id),
                lookup(&activity_ids, l.activity_id),
                clean(&l.notes),
            ],
        )
        .map_err(db_error)?;
    }

    for (o, pos) in doc.focal_officers.iter().zip(0i64..) {
        tx.execute(
            "INSERT INTO focal_officers (plan_id, position, name, position_title, unit, phone, email)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![plan, pos, clean(&o.name), clean(&o.position), clean(&o.unit), clean(&o.phone), clean(&o.email)],
        )
        .map_err(db_error)?;
    }
    for (t, pos) in doc.trainings.iter().zip(0i64..) {
        tx.execute(
            "INSERT INTO trainings (plan_id, position, topic, participants, timing, organiser)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                plan,
                pos,
                clean(&t.topic),
                clean(&t.participants),
                clean(&t.timing),
                clean(&t.organiser)
            ],
        )
        .map_err(db_error)?;
    }
    for (p, pos) in doc.press_partners.iter().zip(0i64..) {
        tx.execute(
            "INSERT INTO press_partners (plan_id, position, name, arrangement, tasks)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                plan,
                pos,
                clean(&p.name),
                clean(&p.arrangement),
                clean(&p.tasks)
            ],
        )
        .map_err(db_error)?;
    }
    for (r, pos) in doc.responsibilities.iter().zip(0i64..) {
        tx.execute(
            "INSERT INTO responsibilities (plan_id, position, unit, tasks) VALUES (?1, ?2, ?3, ?4)",
            params![plan, pos, clean(&r.unit), clean(&r.tasks)],
        )
        .map_err(db_error)?;
    }
    for (r, pos) in doc.reports.iter().zip(0i64..) {
        tx.execute(
            "INSERT INTO reports (plan_id, position, content, deadline, recipient)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                plan,
                pos,
                clean(&r.content),
                clean(&r.deadline),
                clean(&r.recipient)
            ],
        )
        .map_err(db_error)?;
    }
    for (r, pos) in doc.recipients.iter().zip(0i64..) {
        tx.execute(
            "INSERT INTO recipients (plan_id, position, text) VALUES (?1, ?2, ?3)",
            params![plan, pos, clean(&r.text)],
        )
        .map_err(db_error)?;
    }
    Ok(plan)
}

/// `doc` moved into `year`: every date moved by the same number of years, status
/// back to draft, number and issue date cleared (a new document gets a new number).
pub fn moved_to_year(doc: &PlanDocument, year: i32) -> Result<PlanDocument> {
    let years = year - doc.year;
    let mut out = doc.clone();
    out.year = year;
    out.status = PlanStatus::Draft;
    out.fields.number.clear();
    out.fields.issue_date.clear();
    let old_year = doc.year.to_string();
    if out.fields.title.contains(&old_year) {
        out.fields.title = out.fields.title.replace(&old_year, &year.to_string());
    }
    for a in &mut out.activities {
        a.start_date = shift_years(&a.start_date, years)?;
        a.end_date = shift_years(&a.end_date, years)?;
    }
    // A new year's estimate is proposed afresh: nothing is approved yet.
    for l in &mut out.budget_lines {
        l.approved = None;
    }
    Ok(out)
}

impl Store {
    /// "Tạo từ kế hoạch năm trước": a copy of a plan in another year, as a draft.
    pub fn copy_plan(&mut self, request: &CopyPlan) -> Result<PlanSummary> {
        commplan_core::validate_year(request.year)?;
        let source = self.plan_document(request.from_id)?;
        let doc = moved_to_year(&source, request.year)?;
        let id = self.write(|tx| {
            conflict_year(tx, source.unit.id, request.year, &source.unit.name)?;
            insert(tx, &doc, source.unit.id)
        })?;
        self.plan_summary(id)
    }

    /// Imports a plan file as a new draft plan (its unit is found by name or added).
    pub fn import_plan(&mut self, file: &PlanFile) -> Result<PlanSummary> {
        file.check()?;
        self.writable()?;
        self.backup(commplan_core::backup::BackupKind::PreImport)?;
        let mut doc = file.plan.clone();
        doc.status = PlanStatus::Draft;
        let id = self.write(|tx| {
            let unit = unit_id(tx, &doc.unit)?;
            conflict_year(tx, unit, doc.year, &clean(&doc.unit.name))?;
            insert(tx, &doc, unit)
        })?;
        self.plan_summary(id)
    }

    /// Creates the sample plan (assets/sample-plan.json).
    pub fn create_sample(&mut self) -> Result<PlanSummary> {
        let file = PlanFile::parse(SAMPLE)?;
        self.import_plan(&file)
    }
}
