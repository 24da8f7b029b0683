//! The budget estimate (dự toán kinh phí): lines of quantity × unit price,
//! totals by category, funding source, stage and quarter, the total in words,
//! proposed and approved amounts, the history of every amount, and the
//! comparison with the previous year. All sums are checked.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

use crate::error::Result;
use crate::money::{Money, Quantity, group, sum};
use crate::plan::{Activity, Stage};
use crate::words::amount_in_words;

/// An entry of an editable reference list (budget categories, funding sources).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct RefItem {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct BudgetLine {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number | null")]
    pub category_id: Option<i64>,
    pub description: String,
    /// Đơn vị tính, e.g. "tin, bài", "hội nghị".
    pub unit_of_measure: String,
    pub quantity: Quantity,
    pub unit_price: Money,
    /// quantity × unit price, rounded half up (the proposed amount).
    pub amount: Money,
    /// The amount a manager approved, once set.
    pub approved: Option<Money>,
    #[ts(type = "number | null")]
    pub funding_source_id: Option<i64>,
    #[ts(type = "number | null")]
    pub activity_id: Option<i64>,
    pub notes: String,
}

/// A signed amount (a difference), as a string over IPC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, TS)]
#[ts(type = "string")]
pub struct Difference(pub i64);

impl<'de> Deserialize<'de> for Difference {
    /// Reads back what [`Serialize`] writes ("-1500000"); a plain number is accepted too.
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Difference, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Wire {
            Text(String),
            Number(i64),
        }
        match Wire::deserialize(d)? {
            Wire::Text(s) => s.parse().map(Difference).map_err(serde::de::Error::custom),
            Wire::Number(n) => Ok(Difference(n)),
        }
    }
}

impl Serialize for Difference {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.to_string())
    }
}

impl fmt::Display for Difference {
    /// "+1.000.000 đ", "−1.000.000 đ", "0 đ".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = match self.0.signum() {
            1 => "+",
            -1 => "−",
            _ => "",
        };
        write!(f, "{sign}{} đ", group(self.0.abs()))
    }
}

/// One row of totals: proposed and approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Total {
    /// What is totalled, as shown: a category, a source, a stage, "Quý I" …
    pub label: String,
    pub proposed: Money,
    /// `None` while no line of the row has an approved amount.
    pub approved: Option<Money>,
    pub lines: u32,
    /// The row of the lines that have no category, source, stage or quarter
    /// ("Chưa phân loại" …, "Chưa xác định thời gian"); it comes last.
    pub unassigned: bool,
}

/// Why a budget line falls in no quarter ([`crate::schedule`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Unscheduled {
    /// The line is linked to no activity of the plan.
    NoActivity,
    /// Its activity names no month, and no date within the plan's year.
    NoMonths,
}

/// A line of the quarter totals' "Chưa xác định thời gian" row, and why it is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct UnscheduledLine {
    #[ts(type = "number")]
    pub line_id: i64,
    pub reason: Unscheduled,
}

/// One row of the comparison with the previous year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct CompareRow {
    pub label: String,
    pub previous: Money,
    pub current: Money,
    pub difference: Difference,
    /// "+12,5%", "−3%", or empty when last year had nothing.
    pub percent: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Comparison {
    pub previous_year: i32,
    pub rows: Vec<CompareRow>,
    pub total: CompareRow,
}

/// One recorded change of an amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct AmountChange {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub line_id: i64,
    /// "quantity", "unitPrice", "amount" or "approved".
    pub field: String,
    /// As shown: "2,5", "12.500.000 đ"; empty for none.
    pub old_value: String,
    pub new_value: String,
    /// ISO 8601, UTC.
    pub changed_at: String,
}

/// The budget step as the editor shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct BudgetView {
    #[ts(type = "number")]
    pub plan_id: i64,
    /// The lines, for what is written in process (the workbook, the PDF).
    /// Not sent to the editor: it has them in the plan, and the answer to an
    /// edit of a line is the line as stored, its amount worked out.
    #[serde(skip)]
    #[ts(skip)]
    pub lines: Vec<BudgetLine>,
    pub categories: Vec<RefItem>,
    pub sources: Vec<RefItem>,
    pub total: Money,
    /// `None` while no line has an approved amount: shown blank, not "0".
    pub total_approved: Option<Money>,
    /// "Mười hai triệu năm trăm nghìn đồng".
    pub words: String,
    /// The approved total in words, when there is one.
    pub words_approved: Option<String>,
    pub by_category: Vec<Total>,
    pub by_source: Vec<Total>,
    pub by_stage: Vec<Total>,
    pub by_quarter: Vec<Total>,
    /// The lines of no quarter, in the plan's order, each with its reason.
    pub unscheduled: Vec<UnscheduledLine>,
    pub comparison: Option<Comparison>,
}

pub(crate) const NO_CATEGORY: &str = "Chưa phân loại";
pub(crate) const NO_SOURCE: &str = "Chưa có nguồn kinh phí";
const NO_STAGE: &str = "Không gắn giai đoạn";
const NO_QUARTER: &str = "Chưa xác định thời gian";
const QUARTERS: [&str; 4] = ["Quý I", "Quý II", "Quý III", "Quý IV"];

/// Adds up lines by a key; rows come in the order of `keys`, then those with no key.
fn totals_by<K: PartialEq + Copy>(
    lines: &[BudgetLine],
    keys: &[(K, String)],
    key_of: impl Fn(&BudgetLine) -> Option<K>,
    none_label: &str,
) -> Result<Vec<Total>> {
    let mut rows = Vec::new();
    let mut row = |label: &str, members: Vec<&BudgetLine>, unassigned: bool| -> Result<()> {
        if members.is_empty() {
            return Ok(());
        }
        rows.push(Total {
            label: label.to_string(),
            proposed: sum(members.iter().map(|l| l.amount))?,
            approved: approved_sum(members.iter().copied())?,
            lines: u32::try_from(members.len()).unwrap_or(u32::MAX),
            unassigned,
        });
        Ok(())
    };
    for (key, label) in keys {
        row(
            label,
            lines.iter().filter(|l| key_of(l) == Some(*key)).collect(),
            false,
        )?;
    }
    row(
        none_label,
        lines.iter().filter(|l| key_of(l).is_none()).collect(),
        true,
    )?;
    Ok(rows)
}

/// "+12,5%": the change as a percentage of `previous`, one decimal, rounded
/// half away from zero; empty when `previous` is zero.
pub fn percent(previous: Money, current: Money) -> String {
    if previous.dong() == 0 {
        return String::new();
    }
    let diff = i128::from(current.dong()) - i128::from(previous.dong());
    let prev = i128::from(previous.dong());
    let tenths = (diff * 1000 + diff.signum() * prev / 2) / prev;
    let sign = match tenths.signum() {
        1 => "+",
        -1 => "−",
        _ => "",
    };
    let abs = tenths.abs();
    if abs % 10 == 0 {
        format!("{sign}{}%", abs / 10)
    } else {
        format!("{sign}{},{}%", abs / 10, abs % 10)
    }
}

fn compare_row(label: &str, previous: Money, current: Money) -> CompareRow {
    CompareRow {
        label: label.to_string(),
        previous,
        current,
        difference: Difference(current.dong() - previous.dong()),
        percent: percent(previous, current),
    }
}

/// Compares this year's lines with last year's, per category and in total.
pub fn compare(
    previous_year: i32,
    previous: &[BudgetLine],
    current: &[BudgetLine],
    categories: &[RefItem],
) -> Result<Comparison> {
    let by_cat = |lines: &[BudgetLine], id: Option<i64>| -> Result<Money> {
        sum(lines
            .iter()
            .filter(|l| l.category_id == id)
            .map(|l| l.amount))
    };
    let mut rows = Vec::new();
    for c in categories {
        let (p, n) = (by_cat(previous, Some(c.id))?, by_cat(current, Some(c.id))?);
        if p != Money::ZERO || n != Money::ZERO {
            rows.push(compare_row(&c.name, p, n));
        }
    }
    let (p, n) = (by_cat(previous, None)?, by_cat(current, None)?);
    if p != Money::ZERO || n != Money::ZERO {
        rows.push(compare_row(NO_CATEGORY, p, n));
    }
    let total = compare_row(
        "Tổng cộng",
        sum(previous.iter().map(|l| l.amount))?,
        sum(current.iter().map(|l| l.amount))?,
    );
    Ok(Comparison {
        previous_year,
        rows,
        total,
    })
}

/// The proposed total: the sum of the lines' amounts, or an error past the maximum.
pub fn total_proposed(lines: &[BudgetLine]) -> Result<Money> {
    sum(lines.iter().map(|l| l.amount))
}

/// The approved amount of a group of lines (a category, the whole estimate):
/// none while no line of the group has an approved amount, else the sum of
/// those set, or an error past the maximum. What is printed shows none blank,
/// never "0": nothing is approved yet.
pub fn approved_sum<'a>(lines: impl IntoIterator<Item = &'a BudgetLine>) -> Result<Option<Money>> {
    let mut set = lines.into_iter().filter_map(|l| l.approved).peekable();
    if set.peek().is_none() {
        return Ok(None);
    }
    sum(set).map(Some)
}

/// The approved total as a number: [`approved_sum`] with nothing approved
/// counted 0 (the diff, the revisions and the editor's totals, where a total
/// that is none means one past the maximum).
pub fn total_approved<'a>(lines: impl IntoIterator<Item = &'a BudgetLine>) -> Result<Money> {
    Ok(approved_sum(lines)?.unwrap_or(Money::ZERO))
}

/// What the totals need of an activity: its stage and its quarter (0 for
/// Quý I … 3 for Quý IV, [`crate::schedule::quarter_of`]).
struct ActivityFacts {
    stage: Option<Stage>,
    quarter: Option<usize>,
}

/// The facts of every activity by id, worked out once: a line finds its
/// activity by id, not by a search of the list (3,000 lines over 1,000
/// activities, `store/examples/budget_timing.rs`). The first activity of an
/// id counts.
fn activity_facts(activities: &[Activity], year: i32) -> HashMap<i64, ActivityFacts> {
    let mut facts = HashMap::with_capacity(activities.len());
    for a in activities {
        facts.entry(a.id).or_insert_with(|| ActivityFacts {
            stage: a.stage,
            quarter: crate::schedule::quarter_of(a, year),
        });
    }
    facts
}

/// The quarter of a line: that of its activity, or why it has none.
fn quarter_of_line(
    line: &BudgetLine,
    facts: &HashMap<i64, ActivityFacts>,
) -> std::result::Result<usize, Unscheduled> {
    let activity = line
        .activity_id
        .and_then(|id| facts.get(&id))
        .ok_or(Unscheduled::NoActivity)?;
    activity.quarter.ok_or(Unscheduled::NoMonths)
}

/// Everything the budget step shows, from the lines and the plan's activities
/// (a line's quarter is that of its activity in `year`, [`crate::schedule`]).
pub fn summarise(
    plan_id: i64,
    lines: Vec<BudgetLine>,
    categories: Vec<RefItem>,
    sources: Vec<RefItem>,
    activities: &[Activity],
    year: i32,
    comparison: Option<Comparison>,
) -> Result<BudgetView> {
    let total = total_proposed(&lines)?;
    let total_approved = approved_sum(&lines)?;
    let facts = activity_facts(activities, year);
    let cat_keys: Vec<(i64, String)> = categories.iter().map(|c| (c.id, c.name.clone())).collect();
    let src_keys: Vec<(i64, String)> = sources.iter().map(|c| (c.id, c.name.clone())).collect();
    let stage_keys: Vec<(Stage, String)> = Stage::ALL
        .iter()
        .map(|s| (*s, s.label_vi().to_string()))
        .collect();
    let quarter_keys: Vec<(usize, String)> = QUARTERS
        .iter()
        .enumerate()
        .map(|(i, q)| (i, (*q).to_string()))
        .collect();
    Ok(BudgetView {
        plan_id,
        by_category: totals_by(&lines, &cat_keys, |l| l.category_id, NO_CATEGORY)?,
        by_source: totals_by(&lines, &src_keys, |l| l.funding_source_id, NO_SOURCE)?,
        by_stage: totals_by(
            &lines,
            &stage_keys,
            |l| l.activity_id.and_then(|id| facts.get(&id)?.stage),
            NO_STAGE,
        )?,
        by_quarter: totals_by(
            &lines,
            &quarter_keys,
            |l| quarter_of_line(l, &facts).ok(),
            NO_QUARTER,
        )?,
        unscheduled: lines
            .iter()
            .filter_map(|l| {
                let reason = quarter_of_line(l, &facts).err()?;
                Some(UnscheduledLine {
                    line_id: l.id,
                    reason,
                })
            })
            .collect(),
        words: amount_in_words(total),
        words_approved: total_approved.map(amount_in_words),
        total,
        total_approved,
        lines,
        categories,
        sources,
        comparison,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: i64, cat: Option<i64>, amount: i64) -> BudgetLine {
        BudgetLine {
            id,
            category_id: cat,
            description: String::new(),
            unit_of_measure: String::new(),
            quantity: Quantity(100),
            unit_price: Money::new(amount).expect("ok"),
            amount: Money::new(amount).expect("ok"),
            approved: None,
            funding_source_id: None,
            activity_id: None,
            notes: String::new(),
        }
    }

    #[test]
    fn percentages_have_one_decimal_and_a_sign() {
        let m = |n| Money::new(n).expect("ok");
        assert_eq!(percent(m(100), m(112)), "+12%");
        assert_eq!(percent(m(200), m(225)), "+12,5%");
        assert_eq!(percent(m(300), m(200)), "−33,3%");
        assert_eq!(percent(m(100), m(100)), "0%");
        assert_eq!(percent(m(0), m(100)), "");
        assert_eq!(Difference(-1_500_000).to_string(), "−1.500.000 đ");
        assert_eq!(Difference(2_000).to_string(), "+2.000 đ");
        let json = serde_json::to_string(&Difference(-1_500_000)).expect("json");
        assert_eq!(json, "\"-1500000\"");
        let back: Difference = serde_json::from_str(&json).expect("back");
        assert_eq!(back, Difference(-1_500_000));
    }

    #[test]
    fn an_approved_total_is_none_until_a_line_of_the_group_is_approved() {
        let m = |n| Money::new(n).expect("ok");
        let mut lines = vec![line(1, Some(1), 1_000), line(2, Some(1), 500)];
        assert_eq!(approved_sum(&lines).expect("ok"), None);
        assert_eq!(total_approved(&lines).expect("ok"), Money::ZERO);
        lines[1].approved = Some(m(400));
        assert_eq!(approved_sum(&lines).expect("ok"), Some(m(400)));
        assert_eq!(approved_sum(&lines[..1]).expect("ok"), None);
        // An amount approved as 0 is approved: the total is 0, not none.
        lines[1].approved = Some(Money::ZERO);
        assert_eq!(approved_sum(&lines).expect("ok"), Some(Money::ZERO));
        lines[0].approved = Some(m(crate::money::MAX_AMOUNT));
        lines[1].approved = Some(m(1));
        assert!(approved_sum(&lines).is_err(), "past the maximum");
    }

    #[test]
    fn totals_by_category_include_the_unclassified() {
        let cats = vec![
            RefItem {
                id: 1,
                name: "Đặt hàng báo chí".into(),
            },
            RefItem {
                id: 2,
                name: "Hội nghị, đối thoại".into(),
            },
        ];
        let lines = vec![
            line(1, Some(1), 1_000),
            line(2, Some(1), 500),
            line(3, None, 7),
        ];
        let view = summarise(1, lines, cats, Vec::new(), &[], 2027, None).expect("ok");
        assert_eq!(view.total, Money::new(1_507).expect("ok"));
        assert_eq!(view.by_category.len(), 2);
        assert_eq!(view.by_category[0].proposed, Money::new(1_500).expect("ok"));
        assert_eq!(view.by_category[1].label, "Chưa phân loại");
        assert_eq!(view.words, "Một nghìn năm trăm linh bảy đồng");
        assert!(view.by_category[1].unassigned && !view.by_category[0].unassigned);
    }

    #[test]
    fn an_approved_total_is_blank_until_a_line_is_approved() {
        let mut lines = vec![line(1, Some(1), 1_000), line(2, Some(2), 500)];
        let view =
            summarise(1, lines.clone(), Vec::new(), Vec::new(), &[], 2027, None).expect("ok");
        assert_eq!(view.total_approved, None);
        assert_eq!(view.words_approved, None);
        assert!(view.by_quarter.iter().all(|t| t.approved.is_none()));
        assert_eq!(total_approved(&lines).expect("ok"), Money::ZERO);

        lines[1].approved = Some(Money::ZERO);
        let view = summarise(1, lines, Vec::new(), Vec::new(), &[], 2027, None).expect("ok");
        assert_eq!(view.total_approved, Some(Money::ZERO));
        assert_eq!(view.words_approved.as_deref(), Some("Không đồng"));
    }

    #[test]
    fn lines_of_no_quarter_say_why() {
        // Activity 1 takes place in January and February; activity 2, never.
        let mut activities = crate::stress::large_plan(0, 2, 2027).activities;
        activities[1].months.clear();
        let mut lines = vec![
            line(1, None, 100),
            line(2, None, 200),
            line(3, None, 400),
            line(4, None, 800),
        ];
        lines[1].activity_id = Some(1);
        lines[2].activity_id = Some(2);
        lines[3].activity_id = Some(99);
        let view =
            summarise(1, lines, Vec::new(), Vec::new(), &activities, 2027, None).expect("ok");
        let unscheduled: Vec<_> = view
            .unscheduled
            .iter()
            .map(|u| (u.line_id, u.reason))
            .collect();
        assert_eq!(
            unscheduled,
            [
                (1, Unscheduled::NoActivity),
                (3, Unscheduled::NoMonths),
                (4, Unscheduled::NoActivity),
            ]
        );
        let last = view.by_quarter.last().expect("rows");
        assert_eq!(
            (last.label.as_str(), last.lines, last.unassigned),
            ("Chưa xác định thời gian", 3, true)
        );
        assert_eq!(last.proposed, Money::new(1_300).expect("ok"));
        assert_eq!(view.by_quarter[0].label, "Quý I");
    }
}
