//! A view's page: the rows of one view that match a query's filters, in the
//! order asked (stable; text compared folded, then as written, so that
//! Vietnamese sorts by its letters whatever the tone marks), one page of
//! them, and the money totals of all the rows matched.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::money::{Money, sum};
use crate::plan::Stage;
use crate::text::fold;

/// The five consolidated views.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ViewKind {
    /// Every activity across units, by month, stage and channel.
    #[default]
    Activities,
    /// Policies with a major impact: draft document, activities per stage, consultation.
    Policies,
    /// Spokespersons and focal officers with their contacts.
    Spokespersons,
    /// What is ordered from each press agency, with amounts.
    Press,
    /// The budget by unit × funding source × category, proposed and approved.
    Budget,
}

impl ViewKind {
    pub const ALL: [ViewKind; 5] = [
        ViewKind::Activities,
        ViewKind::Policies,
        ViewKind::Spokespersons,
        ViewKind::Press,
        ViewKind::Budget,
    ];

    /// The view's Vietnamese title (a sheet, an appendix, a tab).
    pub fn title_vi(self) -> &'static str {
        match self {
            ViewKind::Activities => "Hoạt động truyền thông",
            ViewKind::Policies => "Chính sách có tác động lớn",
            ViewKind::Spokespersons => "Người phát ngôn và đầu mối",
            ViewKind::Press => "Đặt hàng báo chí",
            ViewKind::Budget => "Kinh phí",
        }
    }

    /// What the view shows, in a sentence (the report's appendix titles).
    pub fn heading_vi(self) -> &'static str {
        match self {
            ViewKind::Activities => {
                "Hoạt động truyền thông của các đơn vị theo tháng, giai đoạn và hình thức"
            }
            ViewKind::Policies => {
                "Chính sách có tác động lớn đến xã hội: dự thảo văn bản, hoạt động theo giai đoạn và lấy ý kiến"
            }
            ViewKind::Spokespersons => {
                "Người phát ngôn và cán bộ đầu mối truyền thông của các đơn vị"
            }
            ViewKind::Press => "Đặt hàng, giao nhiệm vụ cho cơ quan báo chí",
            ViewKind::Budget => "Kinh phí theo đơn vị, nguồn kinh phí và nhóm chi",
        }
    }
}

/// The filters a view offers beside the free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FilterKind {
    Unit,
    Month,
    Stage,
    Channel,
}

/// What the user asks of a view. Filters a view does not offer are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(rename_all = "camelCase")]
pub struct ViewQuery {
    pub view: ViewKind,
    /// Free text, matched folded (case, tone marks and composition aside);
    /// every word must appear in the row.
    pub filter: String,
    #[ts(type = "number | null")]
    pub unit_id: Option<i64>,
    /// 1–12.
    pub month: Option<u8>,
    pub stage: Option<Stage>,
    /// A channel's name, as the page lists them.
    pub channel: Option<String>,
    /// The key of a sortable column; none: the view's own order.
    pub sort: Option<String>,
    pub desc: bool,
    pub offset: u32,
    /// Rows per page; 0 for every row.
    pub limit: u32,
}

impl ViewQuery {
    /// Every row of `view`, in its own order.
    pub fn all(view: ViewKind) -> ViewQuery {
        ViewQuery {
            view,
            ..ViewQuery::default()
        }
    }
}

/// A column of a view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Column {
    pub key: String,
    /// Vietnamese.
    pub label: String,
    pub sortable: bool,
    /// A number or an amount, aligned right.
    pub numeric: bool,
}

/// One row of a page: its cells as shown, in the columns' order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ViewRow {
    /// Stable within a consolidation (for keyed lists).
    pub id: String,
    #[ts(type = "number")]
    pub unit_id: i64,
    pub cells: Vec<String>,
}

/// The money totals of every row matched (not only the page's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ViewTotals {
    /// `None` past the maximum.
    pub proposed: Option<Money>,
    /// `None` while no line of the rows matched is approved: shown blank, never 0.
    pub approved: Option<Money>,
}

/// One page of one view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ViewPage {
    pub view: ViewKind,
    pub title: String,
    pub columns: Vec<Column>,
    /// The filters this view offers beside the free text.
    pub filters: Vec<FilterKind>,
    /// The channels of the rows, to choose from (views filtered by channel).
    pub channels: Vec<String>,
    pub rows: Vec<ViewRow>,
    /// Rows matched in all.
    pub total: u32,
    pub offset: u32,
    /// The views with money (press, budget).
    pub totals: Option<ViewTotals>,
}

/// A column as a view declares it.
#[derive(Debug, Clone, Copy)]
pub(super) struct ColumnDef {
    pub key: &'static str,
    pub label: &'static str,
    pub sortable: bool,
    pub numeric: bool,
}

/// What a view is: its columns, filters and whether it has money.
pub(super) struct ViewSpec {
    pub kind: ViewKind,
    pub columns: &'static [ColumnDef],
    pub filters: &'static [FilterKind],
    pub money: bool,
}

/// How a cell sorts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum SortKey {
    /// Folded text (the cell breaks ties as written).
    Text(String),
    Number(i64),
}

impl SortKey {
    /// Two text keys in order (anything else as equal).
    pub(super) fn cmp_text(&self, other: &SortKey) -> Ordering {
        match (self, other) {
            (SortKey::Text(a), SortKey::Text(b)) => a.cmp(b),
            _ => Ordering::Equal,
        }
    }
}

/// One row of a view with what filtering and sorting read.
#[derive(Debug, Clone, Default)]
pub(super) struct Row {
    pub id: String,
    pub unit_id: i64,
    pub cells: Vec<String>,
    pub keys: Vec<SortKey>,
    /// Every cell folded, for the free text.
    pub haystack: String,
    /// Bit m for month m (1–12).
    pub months: u16,
    /// Bit i for `Stage::ALL[i]`.
    pub stages: u8,
    /// The channels, folded.
    pub channels: Vec<String>,
    pub proposed: Option<Money>,
    pub approved: Option<Money>,
}

/// The bit of `stage` in [`Row::stages`].
pub(super) fn stage_bit(stage: Stage) -> u8 {
    let i = Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0);
    1 << i
}

/// The rows of `spec` matching `q`'s filters, as indices.
fn matching(rows: &[Row], spec: &ViewSpec, q: &ViewQuery) -> Vec<usize> {
    let offers = |f: FilterKind| spec.filters.contains(&f);
    let folded = fold(&q.filter);
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let unit = q.unit_id.filter(|_| offers(FilterKind::Unit));
    let month = q
        .month
        .filter(|m| (1..=12).contains(m) && offers(FilterKind::Month));
    let stage = q.stage.filter(|_| offers(FilterKind::Stage));
    let channel = q
        .channel
        .as_deref()
        .filter(|c| !c.trim().is_empty() && offers(FilterKind::Channel))
        .map(fold);
    rows.iter()
        .enumerate()
        .filter(|(_, r)| {
            unit.is_none_or(|u| r.unit_id == u)
                && month.is_none_or(|m| r.months & (1 << m) != 0)
                && stage.is_none_or(|s| r.stages & stage_bit(s) != 0)
                && channel.as_ref().is_none_or(|c| r.channels.contains(c))
                && words.iter().all(|w| r.haystack.contains(w))
        })
        .map(|(i, _)| i)
        .collect()
}

/// Two rows by column `col`: text folded then as written, numbers as numbers.
fn compare(a: &Row, b: &Row, col: usize) -> Ordering {
    match (a.keys.get(col), b.keys.get(col)) {
        (Some(SortKey::Text(x)), Some(SortKey::Text(y))) => {
            x.cmp(y).then_with(|| a.cells[col].cmp(&b.cells[col]))
        }
        (Some(SortKey::Number(x)), Some(SortKey::Number(y))) => x.cmp(y),
        (Some(SortKey::Number(_)), Some(SortKey::Text(_))) => Ordering::Less,
        (Some(SortKey::Text(_)), Some(SortKey::Number(_))) => Ordering::Greater,
        _ => Ordering::Equal,
    }
}

/// The totals of the rows matched: the checked sum of what is proposed, and
/// of what is approved (none while nothing is).
pub(super) fn totals(rows: &[Row], matched: &[usize]) -> ViewTotals {
    let proposed: Option<Vec<Money>> = matched.iter().map(|&i| rows[i].proposed).collect();
    let approved: Vec<Money> = matched.iter().filter_map(|&i| rows[i].approved).collect();
    ViewTotals {
        proposed: proposed.and_then(|p| sum(p).ok()),
        approved: if approved.is_empty() {
            None
        } else {
            sum(approved).ok()
        },
    }
}

/// The page of `rows` that `q` asks for.
pub(super) fn page(rows: &[Row], channels: &[String], spec: &ViewSpec, q: &ViewQuery) -> ViewPage {
    let mut matched = matching(rows, spec, q);
    let col = q
        .sort
        .as_deref()
        .and_then(|key| spec.columns.iter().position(|c| c.key == key && c.sortable));
    if let Some(col) = col {
        // Stable: rows that compare equal keep the view's own order.
        if q.desc {
            matched.sort_by(|&a, &b| compare(&rows[b], &rows[a], col));
        } else {
            matched.sort_by(|&a, &b| compare(&rows[a], &rows[b], col));
        }
    }
    let start = usize::try_from(q.offset)
        .unwrap_or(usize::MAX)
        .min(matched.len());
    let limit = match usize::try_from(q.limit).unwrap_or(usize::MAX) {
        0 => usize::MAX,
        n => n,
    };
    ViewPage {
        view: spec.kind,
        title: spec.kind.title_vi().to_string(),
        columns: spec
            .columns
            .iter()
            .map(|c| Column {
                key: c.key.to_string(),
                label: c.label.to_string(),
                sortable: c.sortable,
                numeric: c.numeric,
            })
            .collect(),
        filters: spec.filters.to_vec(),
        channels: channels.to_vec(),
        rows: matched
            .iter()
            .skip(start)
            .take(limit)
            .map(|&i| ViewRow {
                id: rows[i].id.clone(),
                unit_id: rows[i].unit_id,
                cells: rows[i].cells.clone(),
            })
            .collect(),
        total: u32::try_from(matched.len()).unwrap_or(u32::MAX),
        offset: u32::try_from(start).unwrap_or(u32::MAX),
        totals: spec.money.then(|| totals(rows, &matched)),
    }
}
