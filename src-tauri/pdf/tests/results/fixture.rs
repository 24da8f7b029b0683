//! A results report made by hand from the sample plan, as core would compute
//! it: every activity of the sample with a status in a fixed pattern (36
//! done, 5 in progress, 5 not done, 5 not started of 51), the counts per
//! policy and stage tallied from them, three indicators, and every budget
//! line, spent or not, approved or not.

use commplan_core::money::Money;
use commplan_core::plan::Stage;
use commplan_core::results::{
    ActivityLine, ActivityStatus, IndicatorLine, Period, PolicyResults, ReportTexts, ResultsReport,
    SpendingLine, StageResults, StatusCounts,
};
use commplan_core::{Activity, PlanDocument};

/// The status of the `i`-th line: seven done, then one of each other.
fn status(i: usize) -> ActivityStatus {
    match i % 10 {
        7 => ActivityStatus::InProgress,
        8 => ActivityStatus::NotStarted,
        9 => ActivityStatus::Cancelled,
        _ => ActivityStatus::Done,
    }
}

fn add(k: &mut StatusCounts, s: ActivityStatus) {
    k.planned += 1;
    match s {
        ActivityStatus::Done => k.done += 1,
        ActivityStatus::InProgress => k.in_progress += 1,
        ActivityStatus::Cancelled => k.cancelled += 1,
        ActivityStatus::NotStarted => k.not_started += 1,
    }
}

fn when(a: &Activity) -> String {
    match a.months.len() {
        0 => String::new(),
        12 => "Cả năm".into(),
        _ => {
            let months: Vec<String> = a.months.iter().map(u8::to_string).collect();
            format!("Tháng {}", months.join(", "))
        }
    }
}

fn line(policy: &str, a: &Activity, s: ActivityStatus) -> ActivityLine {
    let (done_on, achieved, note) = match s {
        ActivityStatus::Done => ("15/06/2027", a.expected_output.as_str(), ""),
        ActivityStatus::InProgress => ("", "Đang triển khai", ""),
        ActivityStatus::Cancelled => ("", "", "Dự thảo lùi thời điểm trình, chưa tổ chức"),
        ActivityStatus::NotStarted => ("", "", ""),
    };
    ActivityLine {
        activity_id: a.id,
        policy: policy.to_string(),
        stage: a.stage,
        content: a.content.clone(),
        planned_when: when(a),
        target: a.target.clone(),
        status: s,
        done_on: done_on.into(),
        achieved: achieved.into(),
        note: note.into(),
    }
}

/// The lines of each policy by stage (its lines of no stage last), then
/// those of no policy, with the policies' counts.
fn activities(doc: &PlanDocument) -> (Vec<ActivityLine>, Vec<PolicyResults>, StatusCounts) {
    let mut lines = Vec::new();
    let mut policies = Vec::new();
    for p in &doc.policies {
        let mut counts = StatusCounts::default();
        let mut stages = Vec::new();
        for stage in Stage::ALL.into_iter().map(Some).chain([None]) {
            let mut k = StatusCounts::default();
            for a in doc
                .activities
                .iter()
                .filter(|a| a.policy_id == Some(p.id) && a.stage == stage)
            {
                let s = status(lines.len());
                add(&mut k, s);
                add(&mut counts, s);
                lines.push(line(&p.title, a, s));
            }
            if let Some(stage) = stage {
                stages.push(StageResults { stage, counts: k });
            }
        }
        policies.push(PolicyResults {
            title: p.title.clone(),
            major_impact: p.major_impact,
            stages,
            counts,
        });
    }
    let mut general = StatusCounts::default();
    for a in doc.activities.iter().filter(|a| a.policy_id.is_none()) {
        let s = status(lines.len());
        add(&mut general, s);
        lines.push(line("", a, s));
    }
    (lines, policies, general)
}

fn indicators() -> Vec<IndicatorLine> {
    let indicator = |id, name: &str, unit: &str, target, actual, computed| IndicatorLine {
        objective_id: id,
        name: name.into(),
        unit: unit.into(),
        target,
        actual,
        computed,
        note: String::new(),
    };
    vec![
        indicator(
            1,
            "Chính sách có tác động lớn đến xã hội được truyền thông từ khi đề xuất",
            "%",
            Some(100),
            Some(83),
            true,
        ),
        indicator(
            2,
            "Họp báo, cung cấp thông tin định kỳ",
            "cuộc",
            Some(12),
            Some(6),
            true,
        ),
        indicator(
            3,
            "Lượt người dân được tiếp cận thông tin chính sách",
            "lượt",
            Some(50_000),
            None,
            false,
        ),
    ]
}

/// Every budget line: those approved spent at nine tenths except each
/// third, which has nothing spent yet; the third line, not approved, spent.
fn spending(doc: &PlanDocument) -> Vec<SpendingLine> {
    doc.budget_lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let spent = match l.approved {
                Some(a) if i % 3 != 0 => Money::new(a.dong() / 10 * 9).ok(),
                None if i == 2 => Money::new(5_000_000).ok(),
                _ => None,
            };
            let category = l
                .category_id
                .and_then(|id| doc.budget_categories.iter().find(|c| c.id == id))
                .map(|c| c.name.clone())
                .unwrap_or_default();
            SpendingLine {
                budget_line_id: l.id,
                category,
                description: l.description.clone(),
                proposed: l.amount,
                approved: l.approved,
                spent,
                note: String::new(),
            }
        })
        .collect()
}

/// The sum of the amounts set, `None` when none is.
fn total(amounts: impl Iterator<Item = Option<Money>>) -> Option<Money> {
    let set: Vec<Money> = amounts.flatten().collect();
    (!set.is_empty()).then(|| commplan_core::money::sum(set).expect("in range"))
}

/// The sample's report of the first half of 2027.
pub fn report(doc: &PlanDocument) -> ResultsReport {
    let (activities, policies, general) = activities(doc);
    let mut counts = StatusCounts::default();
    for a in &activities {
        add(&mut counts, a.status);
    }
    let spending = spending(doc);
    ResultsReport {
        period: Period::FirstHalf,
        year: doc.year,
        plan_reference: format!(
            "Kế hoạch truyền thông chính sách năm {} của {}",
            doc.year, doc.unit.name
        ),
        texts: ReportTexts {
            period: Period::FirstHalf,
            number: String::new(),
            issue_date: String::new(),
            difficulties: "Kinh phí đặt hàng báo chí được giao chậm.\nMột số dự thảo chính sách lùi thời điểm trình nên chưa tổ chức lấy ý kiến theo kế hoạch.".into(),
            proposals: "Đề nghị Sở Tài chính sớm giao dự toán kinh phí đặt hàng báo chí năm 2027.".into(),
        },
        counts,
        policies,
        general,
        activities,
        indicators: indicators(),
        total_approved: total(spending.iter().map(|l| l.approved)),
        total_spent: total(spending.iter().map(|l| l.spent)),
        spending,
    }
}

/// A report of the whole year with nothing in it: no activity, no
/// indicator, no budget, no text.
pub fn empty(doc: &PlanDocument) -> ResultsReport {
    ResultsReport {
        period: Period::Year,
        year: doc.year,
        plan_reference: format!(
            "Kế hoạch truyền thông chính sách năm {} của {}",
            doc.year, doc.unit.name
        ),
        texts: ReportTexts {
            period: Period::Year,
            number: String::new(),
            issue_date: String::new(),
            difficulties: String::new(),
            proposals: " ".into(),
        },
        counts: StatusCounts::default(),
        policies: Vec::new(),
        general: StatusCounts::default(),
        activities: Vec::new(),
        indicators: Vec::new(),
        spending: Vec::new(),
        total_approved: None,
        total_spent: None,
    }
}
