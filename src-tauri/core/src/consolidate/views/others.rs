//! The views of people and money: spokespersons and focal officers with
//! their contacts, what is ordered from each press agency with its amounts,
//! and the budget by unit × funding source × category.
//!
//! A press agency's amount is that of the plan's budget lines whose
//! description names the agency (folded; the longest name first, so that a
//! line counts once); the approved amount follows the one rule of
//! [`approved_sum`] (none while no line is approved).

use std::collections::BTreeMap;

use crate::budget::{BudgetLine, RefItem, approved_sum, total_proposed};
use crate::plan::PressPartner;
use crate::text::fold;

use super::super::query::{FilterKind, Row, ViewKind, ViewSpec};
use super::{Plan, RowBuilder, ViewData, number, text};

pub(in super::super) static SPOKESPERSONS: ViewSpec = ViewSpec {
    kind: ViewKind::Spokespersons,
    columns: &[
        text("unit", "Đơn vị"),
        text("role", "Vai trò"),
        text("name", "Họ và tên"),
        text("position", "Chức vụ"),
        text("contact", "Liên hệ"),
    ],
    filters: &[FilterKind::Unit],
    money: false,
};

pub(in super::super) static PRESS: ViewSpec = ViewSpec {
    kind: ViewKind::Press,
    columns: &[
        text("agency", "Cơ quan báo chí"),
        text("unit", "Đơn vị"),
        text("arrangement", "Hình thức"),
        text("tasks", "Nội dung đặt hàng, nhiệm vụ"),
        number("proposed", "Kinh phí dự toán (đồng)"),
        number("approved", "Kinh phí được duyệt (đồng)"),
    ],
    filters: &[FilterKind::Unit],
    money: true,
};

pub(in super::super) static BUDGET: ViewSpec = ViewSpec {
    kind: ViewKind::Budget,
    columns: &[
        text("unit", "Đơn vị"),
        text("source", "Nguồn kinh phí"),
        text("category", "Nhóm chi"),
        number("lines", "Số khoản chi"),
        number("proposed", "Dự toán (đồng)"),
        number("approved", "Được duyệt (đồng)"),
    ],
    filters: &[FilterKind::Unit],
    money: true,
};

/// What the spokesperson and focal officer rows call a missing name.
const NOT_GIVEN: &str = "(chưa ghi)";

fn or_not_given(s: &str) -> &str {
    if s.trim().is_empty() {
        NOT_GIVEN
    } else {
        s.trim()
    }
}

/// Each plan's spokesperson (even when not named: the province sees who has
/// none), then its focal officers.
pub(super) fn spokespersons(plans: &[Plan<'_>]) -> ViewData {
    let mut rows = Vec::new();
    for plan in plans {
        let doc = &plan.received.doc;
        let f = &doc.fields;
        rows.push(
            RowBuilder::new(format!("{}-s", plan.key), plan.unit_id)
                .text(plan.unit_name)
                .text("Người phát ngôn")
                .text(or_not_given(&f.spokesperson_name))
                .text(f.spokesperson_position.trim())
                .text(f.spokesperson_contact.trim())
                .build(),
        );
        for o in &doc.focal_officers {
            let position = match (o.position.trim(), o.unit.trim()) {
                (p, "") => p.to_string(),
                ("", u) => u.to_string(),
                (p, u) => format!("{p}, {u}"),
            };
            let contact: Vec<&str> = [o.phone.trim(), o.email.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            rows.push(
                RowBuilder::new(format!("{}-f{}", plan.key, o.id), plan.unit_id)
                    .text(plan.unit_name)
                    .text("Cán bộ đầu mối")
                    .text(or_not_given(&o.name))
                    .text(position)
                    .text(contact.join("; "))
                    .build(),
            );
        }
    }
    ViewData {
        rows,
        channels: Vec::new(),
    }
}

/// The budget lines of each press partner: a line goes to the first partner
/// (longest name first) its description names; the last list holds the
/// lines of a press category ("… báo chí") that name no partner.
fn lines_of_partners<'a>(
    partners: &'a [PressPartner],
    categories: &[RefItem],
    lines: &'a [BudgetLine],
) -> Vec<Vec<&'a BudgetLine>> {
    let mut order: Vec<(usize, String)> = partners
        .iter()
        .enumerate()
        .map(|(i, p)| (i, fold(&p.name)))
        .filter(|(_, name)| !name.is_empty())
        .collect();
    order.sort_by_key(|(_, name)| std::cmp::Reverse(name.chars().count()));
    let press: Vec<i64> = categories
        .iter()
        .filter(|c| fold(&c.name).contains(PRESS_CATEGORY))
        .map(|c| c.id)
        .collect();
    let mut out: Vec<Vec<&BudgetLine>> = vec![Vec::new(); partners.len() + 1];
    for l in lines {
        let description = fold(&l.description);
        match order.iter().find(|(_, name)| description.contains(name)) {
            Some((i, _)) => out[*i].push(l),
            None if l.category_id.is_some_and(|c| press.contains(&c)) => {
                out[partners.len()].push(l);
            }
            None => {}
        }
    }
    out
}

/// What a press category's name holds, folded.
const PRESS_CATEGORY: &str = "bao chi";
/// The agency of the press lines that name none.
const NO_AGENCY: &str = "(Chưa ghi rõ cơ quan báo chí)";

/// One press row: an agency (or none named) of a plan, with its lines' amounts.
fn press_row(
    plan: &Plan<'_>,
    id: String,
    p: Option<&PressPartner>,
    lines: Vec<&BudgetLine>,
) -> Row {
    let owned: Vec<BudgetLine> = lines.into_iter().cloned().collect();
    let proposed = total_proposed(&owned).ok();
    let approved = approved_sum(&owned).ok().flatten();
    let shown = if owned.is_empty() { None } else { proposed };
    RowBuilder::new(id, plan.unit_id)
        .text(p.map_or(NO_AGENCY, |p| p.name.trim()))
        .text(plan.unit_name)
        .text(p.map_or("", |p| p.arrangement.trim()))
        .text(p.map_or("", |p| p.tasks.trim()))
        .money(shown)
        .money(approved)
        .amounts(proposed, approved)
        .build()
}

/// Each press agency of each plan with what is ordered and its amounts,
/// sorted by agency (folded), then in unit order.
pub(super) fn press(plans: &[Plan<'_>]) -> ViewData {
    let mut rows: Vec<Row> = Vec::new();
    for plan in plans {
        let doc = &plan.received.doc;
        let mut lines = lines_of_partners(
            &doc.press_partners,
            &doc.budget_categories,
            &doc.budget_lines,
        );
        let unnamed = lines.pop().unwrap_or_default();
        for (p, lines) in doc.press_partners.iter().zip(lines) {
            rows.push(press_row(
                plan,
                format!("{}-n{}", plan.key, p.id),
                Some(p),
                lines,
            ));
        }
        if !unnamed.is_empty() {
            rows.push(press_row(plan, format!("{}-n", plan.key), None, unnamed));
        }
    }
    // Stable: the plans' order within one agency.
    rows.sort_by(|a, b| a.keys[0].cmp_text(&b.keys[0]));
    ViewData {
        rows,
        channels: Vec::new(),
    }
}

/// The name of list entry `id`, or `none`.
fn name_in(list: &[RefItem], id: Option<i64>, none: &str) -> String {
    id.and_then(|id| list.iter().find(|r| r.id == id))
        .map_or_else(|| none.to_string(), |r| r.name.clone())
}

/// The place of list entry `id` (for the order of rows), none last.
fn place_in(list: &[RefItem], id: Option<i64>) -> usize {
    id.and_then(|id| list.iter().position(|r| r.id == id))
        .unwrap_or(usize::MAX)
}

/// Each plan's lines summed by funding source, then category, in the order
/// of the plan's lists (lines of none last).
pub(super) fn budget(plans: &[Plan<'_>]) -> ViewData {
    let mut rows = Vec::new();
    for plan in plans {
        let doc = &plan.received.doc;
        let mut groups: BTreeMap<(usize, usize), Vec<BudgetLine>> = BTreeMap::new();
        for l in &doc.budget_lines {
            let key = (
                place_in(&doc.funding_sources, l.funding_source_id),
                place_in(&doc.budget_categories, l.category_id),
            );
            groups.entry(key).or_default().push(l.clone());
        }
        for lines in groups.into_values() {
            let first = &lines[0];
            let proposed = total_proposed(&lines).ok();
            let approved = approved_sum(&lines).ok().flatten();
            let n = i64::try_from(lines.len()).unwrap_or(i64::MAX);
            rows.push(
                RowBuilder::new(
                    format!(
                        "{}-b{}-{}",
                        plan.key,
                        first.funding_source_id.unwrap_or(0),
                        first.category_id.unwrap_or(0)
                    ),
                    plan.unit_id,
                )
                .text(plan.unit_name)
                .text(name_in(
                    &doc.funding_sources,
                    first.funding_source_id,
                    crate::budget::NO_SOURCE,
                ))
                .text(name_in(
                    &doc.budget_categories,
                    first.category_id,
                    crate::budget::NO_CATEGORY,
                ))
                .number(n.to_string(), n)
                .money(proposed)
                .money(approved)
                .amounts(proposed, approved)
                .build(),
            );
        }
    }
    ViewData {
        rows,
        channels: Vec::new(),
    }
}
