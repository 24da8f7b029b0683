//! The report's appendices, landscape tables in 11-point type whose header
//! row repeats on every page: every activity of the period and what was done
//! of it, grouped by policy (a bold row under its Roman numeral, never the
//! last of a page) with the general activities last, numbered through the
//! table; and the budget, each line approved against spent with the
//! difference and a row of totals. An amount not set is a blank cell, never
//! "0" (as in the plan's budget appendix).

use commplan_core::PlanDocument;
use commplan_core::money::{Money, group};
use commplan_core::results::documents::{
    ACTIVITIES_TITLE, ACTIVITY_COLUMNS, GENERAL, SPENDING_COLUMNS, SPENDING_TITLE, difference,
};
use commplan_core::results::{ActivityLine, ResultsReport, SpendingLine};

use crate::appendix::{SIZE, appendix_head, table};
use crate::fonts::{Fonts, Style};
use crate::layout::{Align, Block, Cell, Row};
use crate::official::{BODY, ROMAN, cell, p};

const ACTIVITY_SHARES: [f32; 9] = [0.035, 0.085, 0.26, 0.085, 0.14, 0.085, 0.08, 0.13, 0.10];

const BUDGET_SHARES: [f32; 7] = [0.05, 0.17, 0.32, 0.11, 0.11, 0.11, 0.13];

/// What every appendix opens with, and how wide its table is.
#[derive(Clone, Copy)]
pub(super) struct Head<'a> {
    pub fonts: &'a Fonts,
    /// The report as a document of the plan's unit.
    pub doc: &'a PlanDocument,
    pub width: f32,
}

impl Head<'_> {
    /// "Phụ lục `roman`", its title and what it is attached to.
    fn blocks(self, roman: &str, title: &str) -> Vec<Block> {
        appendix_head(self.fonts, self.doc, "Báo cáo", roman, title)
    }
}

fn left(text: &str) -> Cell {
    cell(text.trim(), Style::Regular, SIZE, Align::Left)
}

fn centred(text: &str) -> Cell {
    cell(text.trim(), Style::Regular, SIZE, Align::Center)
}

/// A group's bold title in the content column, kept with the row after it.
fn group_row(title: String) -> Row {
    let mut cells: Vec<Cell> = (0..ACTIVITY_SHARES.len())
        .map(|_| cell("", Style::Bold, SIZE, Align::Left))
        .collect();
    cells[2] = cell(title, Style::Bold, SIZE, Align::Left);
    Row::new(cells).keep_with_next()
}

fn activity_row(no: usize, a: &ActivityLine) -> Row {
    Row::new(vec![
        centred(&no.to_string()),
        left(a.stage.map_or("", |s| s.label_vi())),
        left(&a.content),
        centred(&a.planned_when),
        left(&a.target),
        centred(a.status.label_vi()),
        centred(&a.done_on),
        left(&a.achieved),
        left(&a.note),
    ])
}

/// The group title of the `i`-th policy: "I. …", or the general activities'.
fn group_title(i: usize, policy: &str) -> String {
    match policy.trim() {
        "" => GENERAL.to_string(),
        title => match ROMAN.get(i) {
            Some(r) => format!("{r}. {title}"),
            None => format!("{}. {title}", i + 1),
        },
    }
}

/// Phụ lục `roman`: every activity line, a group row where the policy changes.
pub(super) fn activities(head: Head, report: &ResultsReport, roman: &str) -> Vec<Block> {
    let mut out = head.blocks(roman, ACTIVITIES_TITLE);
    let mut rows = Vec::new();
    let mut policies = 0;
    let mut current: Option<&str> = None;
    for (n, a) in report.activities.iter().enumerate() {
        if current != Some(a.policy.trim()) {
            current = Some(a.policy.trim());
            rows.push(group_row(group_title(policies, &a.policy)));
            if !a.policy.trim().is_empty() {
                policies += 1;
            }
        }
        rows.push(activity_row(n + 1, a));
    }
    let header: Vec<&str> = std::iter::once("TT").chain(ACTIVITY_COLUMNS).collect();
    out.push(table(&ACTIVITY_SHARES, head.width, &header, rows));
    out
}

/// An amount with grouped digits, or nothing.
fn amount(m: Option<Money>) -> String {
    m.map(|m| group(m.dong())).unwrap_or_default()
}

fn money_cells(approved: Option<Money>, spent: Option<Money>, style: Style) -> [Cell; 3] {
    let right = |text: String| cell(text, style, SIZE, Align::Right);
    [
        right(amount(approved)),
        right(amount(spent)),
        right(difference(approved, spent).map(group).unwrap_or_default()),
    ]
}

fn spending_row(no: usize, l: &SpendingLine) -> Row {
    let mut cells = vec![
        centred(&no.to_string()),
        left(&l.category),
        left(&l.description),
    ];
    cells.extend(money_cells(l.approved, l.spent, Style::Regular));
    cells.push(left(&l.note));
    Row::new(cells)
}

/// Phụ lục `roman`: each budget line, approved against spent, then the totals.
pub(super) fn budget(head: Head, report: &ResultsReport, roman: &str) -> Vec<Block> {
    let mut out = head.blocks(roman, SPENDING_TITLE);
    let mut rows: Vec<Row> = report
        .spending
        .iter()
        .enumerate()
        .map(|(i, l)| spending_row(i + 1, l))
        .collect();
    let bold = |text: &str| cell(text, Style::Bold, SIZE, Align::Center);
    let mut total = vec![bold(""), bold(""), bold("TỔNG CỘNG")];
    total.extend(money_cells(
        report.total_approved,
        report.total_spent,
        Style::Bold,
    ));
    total.push(bold(""));
    rows.push(Row::new(total));
    out.push(table(&BUDGET_SHARES, head.width, &SPENDING_COLUMNS, rows));
    out.push(Block::Space(6.0));
    out.push(p(
        "Chênh lệch: kinh phí được duyệt trừ kinh phí đã sử dụng; để trống khi khoản chi chưa được duyệt hoặc chưa ghi nhận số đã chi.",
        Style::Italic,
        BODY,
        Align::Left,
    ));
    out
}
