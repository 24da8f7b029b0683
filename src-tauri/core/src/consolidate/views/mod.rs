//! The rows of the five views, built once per consolidation (when files are
//! added or a unit is mapped) so that a page is only filtered, sorted and
//! cut: activities and major-impact policies (`plans`), spokespersons, press
//! orders and the budget (`others`). Every plan counted under a unit of the
//! list is in them; a plan offered for mapping is not, until it is mapped.

mod others;
mod plans;

use crate::money::{Money, group};
use crate::text::fold;

use super::Consolidation;
use super::collect::Received;
use super::query::{ColumnDef, Row, SortKey, ViewKind, ViewSpec};

/// The rows of one view and the channels they name (to filter by).
#[derive(Debug, Clone, Default)]
pub(super) struct ViewData {
    pub rows: Vec<Row>,
    pub channels: Vec<String>,
}

/// Every view's rows.
#[derive(Debug, Clone, Default)]
pub(super) struct Views {
    activities: ViewData,
    policies: ViewData,
    spokespersons: ViewData,
    press: ViewData,
    budget: ViewData,
}

/// One counted plan as the views read it.
pub(super) struct Plan<'a> {
    /// Stable within the consolidation: the file's place among those read.
    pub key: usize,
    pub unit_id: i64,
    pub unit_name: &'a str,
    pub received: &'a Received,
}

impl Views {
    pub fn build(c: &Consolidation) -> Views {
        let plans: Vec<Plan<'_>> = c
            .assigned()
            .map(|(k, r)| {
                let unit_id = k.unit_id.unwrap_or_default();
                Plan {
                    key: k.latest,
                    unit_id,
                    unit_name: c.unit_name(unit_id),
                    received: r,
                }
            })
            .collect();
        Views {
            activities: plans::activities(&plans),
            policies: plans::policies(&plans),
            spokespersons: others::spokespersons(&plans),
            press: others::press(&plans),
            budget: others::budget(&plans),
        }
    }

    pub fn data(&self, kind: ViewKind) -> &ViewData {
        match kind {
            ViewKind::Activities => &self.activities,
            ViewKind::Policies => &self.policies,
            ViewKind::Spokespersons => &self.spokespersons,
            ViewKind::Press => &self.press,
            ViewKind::Budget => &self.budget,
        }
    }
}

/// What each view is.
pub(super) fn spec(kind: ViewKind) -> &'static ViewSpec {
    match kind {
        ViewKind::Activities => &plans::ACTIVITIES,
        ViewKind::Policies => &plans::POLICIES,
        ViewKind::Spokespersons => &others::SPOKESPERSONS,
        ViewKind::Press => &others::PRESS,
        ViewKind::Budget => &others::BUDGET,
    }
}

/// A sortable text column.
pub(super) const fn text(key: &'static str, label: &'static str) -> ColumnDef {
    ColumnDef {
        key,
        label,
        sortable: true,
        numeric: false,
    }
}

/// A sortable number or amount column.
pub(super) const fn number(key: &'static str, label: &'static str) -> ColumnDef {
    ColumnDef {
        key,
        label,
        sortable: true,
        numeric: true,
    }
}

/// A row as it is filled, cell by cell.
#[derive(Default)]
pub(super) struct RowBuilder {
    row: Row,
}

impl RowBuilder {
    pub fn new(id: String, unit_id: i64) -> RowBuilder {
        RowBuilder {
            row: Row {
                id,
                unit_id,
                ..Row::default()
            },
        }
    }

    /// A text cell, sorted folded.
    pub fn text(mut self, cell: impl Into<String>) -> RowBuilder {
        let cell = cell.into();
        let folded = fold(&cell);
        self.row.haystack.push_str(&folded);
        self.row.haystack.push(' ');
        self.row.keys.push(SortKey::Text(folded));
        self.row.cells.push(cell);
        self
    }

    /// A cell shown as `cell`, sorted as `n`.
    pub fn number(mut self, cell: impl Into<String>, n: i64) -> RowBuilder {
        self.row.cells.push(cell.into());
        self.row.keys.push(SortKey::Number(n));
        self
    }

    /// An amount: grouped digits; blank when none.
    pub fn money(self, m: Option<Money>) -> RowBuilder {
        let n = m.map_or(-1, Money::dong);
        self.number(m.map(|m| group(m.dong())).unwrap_or_default(), n)
    }

    /// When the row happens and through what (the filters' bits).
    pub fn at(mut self, months: u16, stages: u8, channels: Vec<String>) -> RowBuilder {
        self.row.months = months;
        self.row.stages = stages;
        self.row.channels = channels;
        self
    }

    /// The money the row counts in the totals.
    pub fn amounts(mut self, proposed: Option<Money>, approved: Option<Money>) -> RowBuilder {
        self.row.proposed = proposed;
        self.row.approved = approved;
        self
    }

    pub fn build(self) -> Row {
        self.row
    }
}

/// The distinct channel names of `names`, sorted the Vietnamese way.
pub(super) fn distinct_sorted<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<(String, String)> = Vec::new();
    for name in names {
        let folded = fold(name);
        if !folded.is_empty() && !out.iter().any(|(f, _)| *f == folded) {
            out.push((folded, name.to_string()));
        }
    }
    out.sort();
    out.into_iter().map(|(_, n)| n).collect()
}
