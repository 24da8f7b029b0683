//! Reading a whole plan: the document, and the view the editor opens.

use commplan_core::edit::mask_to_months;
use commplan_core::progress::progress;
use commplan_core::{
    Activity, AppError, FocalOfficer, LegalBasis, PlanDocument, PlanFields, PlanStatus, PlanView,
    Policy, PolicyStage, PressPartner, Recipient, Report, Responsibility, SignerAuthority, Stage,
    Training,
};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::error::db_error;
use crate::{Result, Store};

fn list<T>(
    conn: &Connection,
    sql: &str,
    plan_id: i64,
    map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql).map_err(db_error)?;
    stmt.query_map(params![plan_id], map)
        .and_then(Iterator::collect)
        .map_err(db_error)
}

fn stage(code: Option<String>) -> Option<Stage> {
    code.as_deref().and_then(Stage::from_code)
}

pub(crate) fn load(conn: &Connection, id: i64) -> Result<PlanDocument> {
    let head = conn
        .query_row(
            "SELECT p.*, u.name AS unit_name, u.parent_body, u.abbreviation
               FROM plans p JOIN units u ON u.id = p.unit_id WHERE p.id = ?1",
            [id],
            |r| {
                let status: String = r.get("status")?;
                let authority: Option<String> = r.get("signer_authority")?;
                Ok((
                    commplan_core::Unit {
                        id: r.get("unit_id")?,
                        name: r.get("unit_name")?,
                        parent_body: r.get("parent_body")?,
                        abbreviation: r.get("abbreviation")?,
                    },
                    r.get::<_, i32>("year")?,
                    PlanStatus::from_code(&status).unwrap_or(PlanStatus::Draft),
                    r.get::<_, String>("updated_at")?,
                    PlanFields {
                        number: r.get("number")?,
                        symbol: r.get("symbol")?,
                        place: r.get("place")?,
                        issue_date: r.get("issue_date")?,
                        title: r.get("title")?,
                        purposes: r.get("purposes")?,
                        requirements: r.get("requirements")?,
                        leader_name: r.get("leader_name")?,
                        leader_position: r.get("leader_position")?,
                        spokesperson_name: r.get("spokesperson_name")?,
                        spokesperson_position: r.get("spokesperson_position")?,
                        spokesperson_contact: r.get("spokesperson_contact")?,
                        press_coordination: r.get("press_coordination")?,
                        public_disclosure: r.get("public_disclosure")?,
                        opinion_monitoring: r.get("opinion_monitoring")?,
                        false_information: r.get("false_information")?,
                        crisis_procedure: r.get("crisis_procedure")?,
                        reporting: r.get("reporting")?,
                        signer_authority: authority.as_deref().and_then(SignerAuthority::from_code),
                        signer_authority_of: r.get("signer_authority_of")?,
                        signer_deputy_of: r.get("signer_deputy_of")?,
                        signer_position: r.get("signer_position")?,
                        signer_name: r.get("signer_name")?,
                    },
                ))
            },
        )
        .optional()
        .map_err(db_error)?
        .ok_or_else(|| AppError::not_found("Không tìm thấy kế hoạch này; có thể nó đã bị xóa."))?;
    let (unit, year, status, updated_at, fields) = head;

    let legal_bases = list(
        conn,
        "SELECT id, text FROM legal_bases WHERE plan_id = ?1 ORDER BY position, id",
        id,
        |r| {
            Ok(LegalBasis {
                id: r.get(0)?,
                text: r.get(1)?,
            })
        },
    )?;

    let mut stages = list(
        conn,
        "SELECT s.policy_id, s.id, s.stage, s.not_applicable, s.reason
           FROM policy_stages s JOIN policies p ON p.id = s.policy_id
          WHERE p.plan_id = ?1",
        id,
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                PolicyStage {
                    id: r.get(1)?,
                    stage: stage(r.get(2)?).unwrap_or(Stage::Planning),
                    not_applicable: r.get(3)?,
                    reason: r.get(4)?,
                },
            ))
        },
    )?;
    stages.sort_by_key(|(policy, s)| (*policy, s.stage));
    let mut policies = list(
        conn,
        "SELECT id, title, field, major_impact, affected_groups, key_messages, draft_document
           FROM policies WHERE plan_id = ?1 ORDER BY position, id",
        id,
        |r| {
            Ok(Policy {
                id: r.get(0)?,
                title: r.get(1)?,
                field: r.get(2)?,
                major_impact: r.get(3)?,
                affected_groups: r.get(4)?,
                key_messages: r.get(5)?,
                draft_document: r.get(6)?,
                stages: Vec::new(),
            })
        },
    )?;
    for policy in &mut policies {
        let start = stages.partition_point(|(p, _)| *p < policy.id);
        let end = stages.partition_point(|(p, _)| *p <= policy.id);
        policy.stages = stages[start..end].iter().map(|(_, s)| s.clone()).collect();
    }

    let activities = list(
        conn,
        "SELECT id, policy_id, stage, content, channel_id, audience, lead_unit,
                coordinating_units, months, start_date, end_date, expected_output, target
           FROM activities WHERE plan_id = ?1 ORDER BY position, id",
        id,
        |r| {
            Ok(Activity {
                id: r.get(0)?,
                policy_id: r.get(1)?,
                stage: stage(r.get(2)?),
                content: r.get(3)?,
                channel_id: r.get(4)?,
                audience: r.get(5)?,
                lead_unit: r.get(6)?,
                coordinating_units: r.get(7)?,
                months: mask_to_months(r.get(8)?),
                start_date: r.get(9)?,
                end_date: r.get(10)?,
                expected_output: r.get(11)?,
                target: r.get(12)?,
            })
        },
    )?;

    let focal_officers = list(
        conn,
        "SELECT id, name, position_title, unit, phone, email FROM focal_officers
          WHERE plan_id = ?1 ORDER BY position, id",
        id,
        |r| {
            Ok(FocalOfficer {
                id: r.get(0)?,
                name: r.get(1)?,
                position: r.get(2)?,
                unit: r.get(3)?,
                phone: r.get(4)?,
                email: r.get(5)?,
            })
        },
    )?;
    let trainings = list(
        conn,
        "SELECT id, topic, participants, timing, organiser FROM trainings
          WHERE plan_id = ?1 ORDER BY position, id",
        id,
        |r| {
            Ok(Training {
                id: r.get(0)?,
                topic: r.get(1)?,
                participants: r.get(2)?,
                timing: r.get(3)?,
                organiser: r.get(4)?,
            })
        },
    )?;
    let press_partners = list(
        conn,
        "SELECT id, name, arrangement, tasks FROM press_partners
          WHERE plan_id = ?1 ORDER BY position, id",
        id,
        |r| {
            Ok(PressPartner {
                id: r.get(0)?,
                name: r.get(1)?,
                arrangement: r.get(2)?,
                tasks: r.get(3)?,
            })
        },
    )?;
    let responsibilities = list(
        conn,
        "SELECT id, unit, tasks FROM responsibilities WHERE plan_id = ?1 ORDER BY position, id",
        id,
        |r| {
            Ok(Responsibility {
                id: r.get(0)?,
                unit: r.get(1)?,
                tasks: r.get(2)?,
            })
        },
    )?;
    let reports = list(
        conn,
        "SELECT id, content, deadline, recipient FROM reports WHERE plan_id = ?1 ORDER BY position, id",
        id,
        |r| {
            Ok(Report {
                id: r.get(0)?,
                content: r.get(1)?,
                deadline: r.get(2)?,
                recipient: r.get(3)?,
            })
        },
    )?;
    let recipients = list(
        conn,
        "SELECT id, text FROM recipients WHERE plan_id = ?1 ORDER BY position, id",
        id,
        |r| {
            Ok(Recipient {
                id: r.get(0)?,
                text: r.get(1)?,
            })
        },
    )?;

    Ok(PlanDocument {
        id,
        unit,
        year,
        status,
        updated_at,
        fields,
        legal_bases,
        policies,
        activities,
        focal_officers,
        trainings,
        press_partners,
        responsibilities,
        reports,
        recipients,
        channels: crate::references::channels(conn)?,
        budget_lines: crate::budget::lines(conn, id)?,
        budget_categories: crate::references::ref_list(conn, "budget_categories")?,
        funding_sources: crate::references::ref_list(conn, "funding_sources")?,
    })
}

impl Store {
    /// The whole plan.
    pub fn plan_document(&self, id: i64) -> Result<PlanDocument> {
        load(self.conn(), id)
    }

    /// A plan as the editor opens it: the document and the progress of each step.
    pub fn plan_view(&self, id: i64) -> Result<PlanView> {
        let document = self.plan_document(id)?;
        let progress = progress(&document);
        let review = crate::review::review_state(self.conn(), id)?;
        Ok(PlanView {
            document,
            progress,
            review,
        })
    }
}
