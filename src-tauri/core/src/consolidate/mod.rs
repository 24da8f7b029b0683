//! Consolidation (Tổng hợp): every unit's plan file of one year read together
//! into a board (who sent what, when, in which state, with how many blocking
//! findings and what budget) and five views across units (activities,
//! major-impact policies, spokespersons, press orders, budget), each
//! filterable and sortable, and exported as a workbook and a report.
//!
//! Everything here works on bytes already read: no IO. Each file goes through
//! the plan-file parser ([`crate::planfile::parse`]); a refused file is listed
//! with its reason and never stops the others. Per plan identity (its UUID)
//! the latest revision counts (the highest number; a draft below any
//! revision); older ones are listed under it. A plan is counted under the
//! unit of the list whose name it carries, or the unit the user mapped its
//! name to ([`UnitMapping`]); until then it is only offered for mapping.
//! Two plans claiming one unit are both shown and flagged.
//!
//! `collect` reads and selects the files, `board` says where every unit
//! stands, `query` filters, sorts and pages a view, `views` builds the rows
//! of the five views, `counts` counts the activities by channel, stage and
//! month, `xlsx` writes the workbook.

mod board;
mod collect;
mod counts;
mod query;
#[cfg(test)]
mod tests;
mod views;
mod xlsx;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{AppError, Result};
use crate::legal::Law;
use crate::model::Unit;

pub use board::{
    ActivitiesDone, Board, BoardCounts, BoardRow, BoardState, IgnoredFile, OlderRevision,
    RefusedFile, UnmatchedFile,
};
pub use collect::revision_label;
pub use counts::ActivityCount;
pub use query::{Column, FilterKind, ViewKind, ViewPage, ViewQuery, ViewRow, ViewTotals};
pub use xlsx::{counts_line, title, workbook};

use collect::{Counted, Received};
use views::Views;

/// One file to consolidate: its name (for messages) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The user's choices of unit for the files whose unit is not in the list:
/// the unit name a file carries → the id of a unit of the list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UnitMapping(#[ts(type = "Record<string, number>")] pub BTreeMap<String, i64>);

impl UnitMapping {
    /// Counts the plans of `file_unit_name` under unit `unit_id` from now on.
    pub fn map_unit(&mut self, file_unit_name: &str, unit_id: i64) {
        self.0.insert(crate::text::clean(file_unit_name), unit_id);
    }

    /// The unit chosen for `file_unit_name`, if any.
    pub fn unit_of(&self, file_unit_name: &str) -> Option<i64> {
        self.0.get(&crate::text::clean(file_unit_name)).copied()
    }
}

/// A consolidation made in memory from files, for one year, against a list
/// of units. The app keeps one in its state; the board and the views are
/// read from it.
#[derive(Debug, Clone)]
pub struct Consolidation {
    year: i32,
    units: Vec<Unit>,
    law: Law,
    mapping: UnitMapping,
    /// Every plan file of the year read, in the order given.
    received: Vec<Received>,
    refused: Vec<RefusedFile>,
    ignored: Vec<IgnoredFile>,
    /// The latest revision of each plan, in unit-list order.
    counted: Vec<Counted>,
    views: Views,
}

/// Reads `inputs` as the plan files of `year`, against `units` (the list every
/// plan is counted under) and `mapping`; `law` is what the checker reads the
/// plans' legal bases against.
pub fn consolidate(
    year: i32,
    inputs: Vec<Input>,
    units: &[Unit],
    mapping: &UnitMapping,
    law: &Law,
) -> Consolidation {
    let mut c = Consolidation {
        year,
        units: units.to_vec(),
        law: law.clone(),
        mapping: mapping.clone(),
        received: Vec::new(),
        refused: Vec::new(),
        ignored: Vec::new(),
        counted: Vec::new(),
        views: Views::default(),
    };
    c.add(inputs);
    c
}

impl Consolidation {
    /// The year consolidated.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The unit list plans are counted under.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// The user's mapping of file unit names to units.
    pub fn mapping(&self) -> &UnitMapping {
        &self.mapping
    }

    /// Adds more files to those already read.
    pub fn add(&mut self, inputs: Vec<Input>) {
        let read = collect::read_all(self.year, inputs, &self.law);
        self.received.extend(read.received);
        self.refused.extend(read.refused);
        self.ignored.extend(read.ignored);
        self.derive();
    }

    /// Lists a file that could not be read at all (the reason in Vietnamese).
    pub fn add_refused(&mut self, name: &str, reason: &str) {
        self.refused.push(RefusedFile {
            file_name: name.to_string(),
            reason: reason.to_string(),
        });
    }

    /// Counts the plans whose file names the unit `file_unit_name` under the
    /// unit `unit_id` of the list.
    pub fn map_unit(&mut self, file_unit_name: &str, unit_id: i64) -> Result<()> {
        if !self.units.iter().any(|u| u.id == unit_id) {
            return Err(AppError::not_found(
                "Không có đơn vị này trong danh sách đơn vị.",
            ));
        }
        self.mapping.map_unit(file_unit_name, unit_id);
        self.derive();
        Ok(())
    }

    /// Where every unit of the list stands.
    pub fn board(&self) -> Board {
        board::board(self)
    }

    /// The activities across units counted by channel, stage and month.
    pub fn activity_counts(&self) -> Vec<ActivityCount> {
        counts::activity_counts(self)
    }

    /// One page of one view, filtered and sorted as `q` asks.
    pub fn view(&self, q: &ViewQuery) -> ViewPage {
        let data = self.views.data(q.view);
        query::page(&data.rows, &data.channels, views::spec(q.view), q)
    }

    /// Selects the latest revision of each plan, assigns units, and builds
    /// the views' rows again.
    fn derive(&mut self) {
        let (counted, duplicates) = collect::select(&self.received, &self.units, &self.mapping);
        self.counted = counted;
        self.ignored.retain(|i| !i.duplicate);
        self.ignored.extend(duplicates);
        self.views = Views::build(self);
    }

    /// The plans counted under a unit of the list (mapped ones included),
    /// in unit-list order.
    fn assigned(&self) -> impl Iterator<Item = (&Counted, &Received)> {
        self.counted
            .iter()
            .filter(|c| c.unit_id.is_some())
            .map(|c| (c, &self.received[c.latest]))
    }

    /// The name of unit `id` in the list.
    fn unit_name(&self, id: i64) -> &str {
        self.units
            .iter()
            .find(|u| u.id == id)
            .map_or("", |u| u.name.as_str())
    }
}
