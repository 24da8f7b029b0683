//! The board: every unit of the list with its plan (or none received), what
//! was done of it as an approved plan's file tells (the share of its
//! activities done, the money spent), the files offered for mapping, refused
//! or ignored, and the counts.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::PlanStatus;
use crate::money::{Money, sum};
use crate::results::StatusCounts;
use crate::results::documents::share;

use super::Consolidation;
use super::collect::{Counted, Received};

/// Where a unit's plan stands, as its latest file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BoardState {
    /// No plan file of the year from this unit.
    NotReceived,
    /// A working copy (a draft, or a plan returned for changes).
    Draft,
    /// A submitted revision.
    Submitted,
    /// A plan whose file carries the approval of its revision.
    Approved,
}

impl BoardState {
    /// The state of a plan file by its document's status: a returned plan
    /// counts as a plan being reworked (a draft). A file carrying the
    /// approval is `Approved` whatever its document says (`Received::state`).
    pub fn of(status: PlanStatus) -> BoardState {
        match status {
            PlanStatus::Draft | PlanStatus::Returned => BoardState::Draft,
            PlanStatus::Submitted | PlanStatus::Resubmitted => BoardState::Submitted,
            PlanStatus::Approved => BoardState::Approved,
        }
    }

    /// The Vietnamese name, for the report, the workbook and the command line.
    pub fn label_vi(self) -> &'static str {
        match self {
            BoardState::NotReceived => "Chưa nhận",
            BoardState::Draft => "Dự thảo",
            BoardState::Submitted => "Đã trình",
            BoardState::Approved => "Đã phê duyệt",
        }
    }
}

/// How many of a plan's activities of the year are done (those of several
/// plans, in the totals), by the results report's counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ActivitiesDone {
    pub done: u32,
    pub planned: u32,
    /// "18/22 (81,8 %)"; "0/0" when nothing is planned.
    pub label: String,
}

impl ActivitiesDone {
    pub fn new(done: u32, planned: u32) -> ActivitiesDone {
        let label = match share(done.into(), planned.into()) {
            Some(share) => format!("{done}/{planned} ({share})"),
            None => format!("{done}/{planned}"),
        };
        ActivitiesDone {
            done,
            planned,
            label,
        }
    }

    /// The sum of `counts` (none when there are none).
    fn of_all<'a>(counts: impl Iterator<Item = &'a StatusCounts>) -> Option<ActivitiesDone> {
        let mut any = false;
        let (done, planned) = counts.fold((0u32, 0u32), |(d, p), k| {
            any = true;
            (d.saturating_add(k.done), p.saturating_add(k.planned))
        });
        any.then(|| ActivitiesDone::new(done, planned))
    }
}

/// An older file of a plan, listed under the one that counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct OlderRevision {
    pub file_name: String,
    /// The revision number; 0 for a draft.
    #[ts(type = "number")]
    pub revision: i64,
    pub written_at: String,
}

/// One row of the board: a unit of the list, with the plan counted for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct BoardRow {
    #[ts(type = "number")]
    pub unit_id: i64,
    /// The unit's name in the list.
    pub unit_name: String,
    /// The unit's name as the file writes it, when it differs (a mapped file).
    pub file_unit_name: Option<String>,
    pub state: BoardState,
    /// The plan's identity and title (empty when not received).
    pub plan_uuid: String,
    pub title: String,
    /// The name of the file that counts.
    pub received_file: Option<String>,
    /// When that file was written, RFC 3339.
    pub written_at: Option<String>,
    /// Its revision number (0 for a draft); `None` when not received.
    #[ts(type = "number | null")]
    pub revision: Option<i64>,
    /// The older files of the same plan, newest first.
    pub older_revisions: Vec<OlderRevision>,
    /// Blocking findings of the checker, and the first of them.
    pub blocking: u32,
    pub blocking_messages: Vec<String>,
    /// `None` when not received or past the maximum.
    pub total_proposed: Option<Money>,
    /// `None` while no line is approved (shown blank, never 0).
    pub total_approved: Option<Money>,
    /// The share of the plan's activities of the year done, while its file
    /// carries results (an approved plan's); `None` otherwise.
    pub activities_done: Option<ActivitiesDone>,
    /// What was spent, as its file's results say; `None` while nothing is
    /// recorded (shown blank, never 0).
    pub total_spent: Option<Money>,
    /// Another plan claims the same unit and year: both are shown, flagged.
    pub conflict: bool,
}

/// A plan whose unit is not in the list: offered for mapping, not counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct UnmatchedFile {
    pub file_name: String,
    /// The unit's name as the file writes it: what a `UnitMapping` maps.
    pub unit_name: String,
    pub parent_body: String,
    pub title: String,
    #[ts(type = "number")]
    pub revision: i64,
    pub written_at: String,
    /// A unit of the list whose name reads the same without tone marks, if any.
    #[ts(type = "number | null")]
    pub suggestion: Option<i64>,
    pub older_revisions: Vec<OlderRevision>,
}

/// A file that is not a valid plan file, with the Vietnamese reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct RefusedFile {
    pub file_name: String,
    pub reason: String,
}

/// A valid file that does not count: a return file, another year's plan, a
/// second copy of a file already read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct IgnoredFile {
    pub file_name: String,
    pub reason: String,
    /// A copy of a counted file (found again each time the files are selected).
    #[serde(skip)]
    #[ts(skip)]
    pub duplicate: bool,
}

/// The board's counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct BoardCounts {
    /// Units in the list.
    pub units: u32,
    /// Units with a plan counted, and those without.
    pub received: u32,
    pub not_received: u32,
    /// Plans counted, by state.
    pub draft: u32,
    pub submitted: u32,
    pub approved: u32,
    /// Units claimed by two plans or more.
    pub conflicts: u32,
    pub unmatched: u32,
    pub refused: u32,
    pub ignored: u32,
}

/// Every unit of the list and where its plan stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Board {
    pub year: i32,
    pub rows: Vec<BoardRow>,
    pub unmatched: Vec<UnmatchedFile>,
    pub refused: Vec<RefusedFile>,
    pub ignored: Vec<IgnoredFile>,
    pub counts: BoardCounts,
    /// The budget of every plan counted (`None` past the maximum).
    pub total_proposed: Option<Money>,
    /// `None` while no line of any plan is approved.
    pub total_approved: Option<Money>,
    /// The activities done of every plan whose file carries results.
    pub activities_done: Option<ActivitiesDone>,
    /// What every plan spent; `None` while nothing is recorded (or past the
    /// maximum).
    pub total_spent: Option<Money>,
}

impl Board {
    /// The files that do not count, as lists under their heading (empty
    /// lists left out), each file "name: why" (for a file of a unit not in
    /// the list, its unit's name).
    pub fn not_counted(&self) -> Vec<(&'static str, Vec<String>)> {
        let named = |name: &str, what: &str| format!("{name}: {what}");
        let unmatched = self
            .unmatched
            .iter()
            .map(|u| named(&u.file_name, &u.unit_name))
            .collect();
        let refused = self
            .refused
            .iter()
            .map(|r| named(&r.file_name, &r.reason))
            .collect();
        let ignored = self
            .ignored
            .iter()
            .map(|r| named(&r.file_name, &r.reason))
            .collect();
        [
            (
                "Tệp của đơn vị chưa có trong danh sách, chưa tính vào tổng hợp",
                unmatched,
            ),
            ("Tệp không hợp lệ", refused),
            ("Tệp không dùng để tổng hợp", ignored),
        ]
        .into_iter()
        .filter(|(_, lines): &(&str, Vec<String>)| !lines.is_empty())
        .collect()
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn older(c: &Consolidation, counted: &Counted) -> Vec<OlderRevision> {
    counted
        .older
        .iter()
        .map(|&i| {
            let r = &c.received[i];
            OlderRevision {
                file_name: r.name.clone(),
                revision: r.number(),
                written_at: r.written_at.clone(),
            }
        })
        .collect()
}

fn row(c: &Consolidation, counted: &Counted, r: &Received, unit_id: i64) -> BoardRow {
    let unit_name = c.unit_name(unit_id).to_string();
    BoardRow {
        unit_id,
        file_unit_name: (super::collect::unit_key(&r.unit.name)
            != super::collect::unit_key(&unit_name))
        .then(|| r.unit.name.clone()),
        unit_name,
        state: r.state(),
        plan_uuid: r.uuid.clone(),
        title: r.doc.fields.title.clone(),
        received_file: Some(r.name.clone()),
        written_at: Some(r.written_at.clone()),
        revision: Some(r.number()),
        older_revisions: older(c, counted),
        blocking: r.blocking,
        blocking_messages: r.blocking_messages.clone(),
        total_proposed: r.proposed,
        total_approved: r.approved,
        activities_done: r.done.map(|k| ActivitiesDone::new(k.done, k.planned)),
        total_spent: r.spent,
        conflict: counted.conflict,
    }
}

fn not_received(unit_id: i64, unit_name: &str) -> BoardRow {
    BoardRow {
        unit_id,
        unit_name: unit_name.to_string(),
        file_unit_name: None,
        state: BoardState::NotReceived,
        plan_uuid: String::new(),
        title: String::new(),
        received_file: None,
        written_at: None,
        revision: None,
        older_revisions: Vec::new(),
        blocking: 0,
        blocking_messages: Vec::new(),
        total_proposed: None,
        total_approved: None,
        activities_done: None,
        total_spent: None,
        conflict: false,
    }
}

fn unmatched(c: &Consolidation) -> Vec<UnmatchedFile> {
    let folded: Vec<(String, i64)> = c
        .units
        .iter()
        .map(|u| (crate::text::fold(&u.name), u.id))
        .collect();
    c.counted
        .iter()
        .filter(|k| k.unit_id.is_none())
        .map(|k| {
            let r = &c.received[k.latest];
            let name = crate::text::fold(&r.unit.name);
            UnmatchedFile {
                file_name: r.name.clone(),
                unit_name: r.unit.name.clone(),
                parent_body: r.unit.parent_body.clone(),
                title: r.doc.fields.title.clone(),
                revision: r.number(),
                written_at: r.written_at.clone(),
                suggestion: folded.iter().find(|(n, _)| *n == name).map(|(_, id)| *id),
                older_revisions: older(c, k),
            }
        })
        .collect()
}

/// The board of `c`: the units in the list's order, each with its plans
/// (two or more when they conflict) or "not received".
pub(super) fn board(c: &Consolidation) -> Board {
    let mut rows = Vec::with_capacity(c.units.len());
    for unit in &c.units {
        let before = rows.len();
        for (k, r) in c.assigned().filter(|(k, _)| k.unit_id == Some(unit.id)) {
            rows.push(row(c, k, r, unit.id));
        }
        if rows.len() == before {
            rows.push(not_received(unit.id, &unit.name));
        }
    }
    let plans: Vec<&Received> = c.assigned().map(|(_, r)| r).collect();
    let state_count = |s: BoardState| count(rows.iter().filter(|r| r.state == s).count());
    let received_units = c
        .units
        .iter()
        .filter(|u| {
            rows.iter()
                .any(|r| r.unit_id == u.id && r.revision.is_some())
        })
        .count();
    let unmatched = unmatched(c);
    let counts = BoardCounts {
        units: count(c.units.len()),
        received: count(received_units),
        not_received: state_count(BoardState::NotReceived),
        draft: state_count(BoardState::Draft),
        submitted: state_count(BoardState::Submitted),
        approved: state_count(BoardState::Approved),
        conflicts: count(
            c.units
                .iter()
                .filter(|u| rows.iter().any(|r| r.unit_id == u.id && r.conflict))
                .count(),
        ),
        unmatched: count(unmatched.len()),
        refused: count(c.refused.len()),
        ignored: count(c.ignored.len()),
    };
    let proposed: Option<Vec<Money>> = plans.iter().map(|r| r.proposed).collect();
    let some_sum = |amounts: Vec<Money>| (!amounts.is_empty()).then(|| sum(amounts).ok()).flatten();
    Board {
        year: c.year,
        rows,
        unmatched,
        refused: c.refused.clone(),
        ignored: c.ignored.clone(),
        counts,
        total_proposed: proposed.and_then(|p| sum(p).ok()),
        total_approved: some_sum(plans.iter().filter_map(|r| r.approved).collect()),
        activities_done: ActivitiesDone::of_all(plans.iter().filter_map(|r| r.done.as_ref())),
        total_spent: some_sum(plans.iter().filter_map(|r| r.spent).collect()),
    }
}
