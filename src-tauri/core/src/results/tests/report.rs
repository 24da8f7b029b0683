//! The results report of a period and the checks of what was recorded, on the
//! sample plan with results made up for each case.

use chrono::NaiveDate;

use super::{done, recorded, sample};
use crate::money::Money;
use crate::plan::{Objective, PlanDocument, Stage};
use crate::results::*;

fn with(activities: Vec<ActivityResult>) -> PlanResults {
    PlanResults {
        activities,
        ..PlanResults::default()
    }
}

fn actual(
    doc: &PlanDocument,
    r: &PlanResults,
    period: Period,
    measure: IndicatorMeasure,
) -> Option<i64> {
    let id = doc
        .objectives
        .iter()
        .find(|o| o.measure == measure)
        .expect("the sample has one")
        .id;
    report(doc, r, period)
        .indicators
        .into_iter()
        .find(|i| i.objective_id == id)
        .and_then(|i| i.actual)
}

#[test]
fn the_period_holds_what_was_planned_up_to_its_last_month() {
    let mut doc = sample();
    let year = report(&doc, &PlanResults::default(), Period::Year);
    assert_eq!(year.counts.planned, 51);
    assert_eq!(year.counts.not_started, 51);
    let half = report(&doc, &PlanResults::default(), Period::FirstHalf);
    let expected = doc
        .activities
        .iter()
        .filter(|a| {
            crate::schedule::months_of(a, doc.year)
                .first()
                .is_some_and(|m| *m <= 6)
        })
        .count();
    assert_eq!(half.counts.planned as usize, expected);
    assert!(expected < 51 && expected > 20, "{expected}");
    // An activity of no month counts in the year only.
    let a = &mut doc.activities[0];
    a.months.clear();
    a.start_date.clear();
    a.end_date.clear();
    assert_eq!(
        report(&doc, &PlanResults::default(), Period::Year)
            .counts
            .planned,
        51
    );
    let half = report(&doc, &PlanResults::default(), Period::FirstHalf);
    assert_eq!(half.counts.planned as usize, expected - 1);
}

#[test]
fn counts_go_per_policy_and_stage_and_for_the_plan_as_a_whole() {
    let doc = sample();
    let p = &doc.policies[0];
    let planning: Vec<i64> = doc
        .activities_of(p.id, Stage::Planning)
        .map(|a| a.id)
        .collect();
    let mut cancelled = recorded(planning[1], ActivityStatus::Cancelled);
    cancelled.reason = "Tọa đàm được ghép vào hội nghị tham vấn.".into();
    let results = with(vec![
        done(planning[0]),
        cancelled,
        recorded(doc.activities[0].id, ActivityStatus::InProgress),
    ]);
    let r = report(&doc, &results, Period::Year);
    let policy = &r.policies[0];
    assert_eq!(policy.stages.len(), 5);
    assert_eq!(policy.stages[0].stage, Stage::Planning);
    let c = policy.stages[0].counts;
    assert_eq!(
        (c.planned, c.done, c.cancelled, c.not_started),
        (2, 1, 1, 0)
    );
    let all_of_policy = doc
        .activities
        .iter()
        .filter(|a| a.policy_id == Some(p.id))
        .count();
    assert_eq!(policy.counts.planned as usize, all_of_policy);
    assert_eq!(
        (r.counts.done, r.counts.cancelled, r.counts.in_progress),
        (1, 1, 1)
    );
    let general = doc
        .activities
        .iter()
        .filter(|a| a.policy_id.is_none())
        .count();
    assert_eq!(r.general.planned as usize, general);
    assert_eq!(r.general.in_progress, 1);
    // Listed by policy and stage, then the plan's own.
    assert_eq!(r.activities[0].activity_id, planning[0]);
    assert_eq!(r.activities[0].policy, p.title);
    assert_eq!(
        r.activities[1].note,
        "Tọa đàm được ghép vào hội nghị tham vấn."
    );
    assert_eq!(r.activities.last().map(|l| l.policy.as_str()), Some(""));
}

#[test]
fn an_activity_line_says_when_and_what_was_achieved_as_written() {
    let doc = sample();
    let a = &doc.activities[1];
    let mut r = done(a.id);
    r.done_on = "2027-03-31".into();
    r.achieved = Some(3);
    r.achieved_unit = "cuộc".into();
    r.reach = Some(1_200);
    r.output = "Thông cáo báo chí sau mỗi cuộc".into();
    r.note = "Công văn số 15/SNNMT-VP".into();
    let line = report(&doc, &with(vec![r]), Period::Year)
        .activities
        .into_iter()
        .find(|l| l.activity_id == a.id)
        .expect("planned");
    assert_eq!(line.planned_when, "Tháng 3, 6, 9, 12");
    assert_eq!(line.done_on, "31/03/2027");
    assert_eq!(
        line.achieved,
        "03 cuộc; 1.200 lượt người; Thông cáo báo chí sau mỗi cuộc"
    );
    assert_eq!(line.note, "Công văn số 15/SNNMT-VP");
    assert_eq!(
        (line.status, line.target.as_str()),
        (ActivityStatus::Done, a.target.as_str())
    );
}

#[test]
fn indicators_are_computed_from_done_activities_or_taken_as_entered() {
    let doc = sample();
    let none = PlanResults::default();
    let planning = doc
        .activities_of(doc.policies[0].id, Stage::Planning)
        .next()
        .expect("one")
        .id;
    // Activity 2: quarterly press conferences; activity 1: monthly information.
    let (conferences, information) = (doc.activities[1].id, doc.activities[0].id);
    let results = with(vec![done(planning), done(conferences), done(information)]);
    use IndicatorMeasure::*;
    assert_eq!(actual(&doc, &none, Period::Year, PressConferences), Some(0));
    assert_eq!(
        actual(&doc, &results, Period::Year, PressConferences),
        Some(4)
    );
    assert_eq!(
        actual(&doc, &results, Period::FirstHalf, PressConferences),
        Some(2)
    );
    assert_eq!(
        actual(&doc, &results, Period::Year, MonthlyPressInformation),
        Some(12)
    );
    assert_eq!(
        actual(&doc, &results, Period::FirstHalf, MonthlyPressInformation),
        Some(6)
    );
    // Of the three major-impact policies only the first has a proposal stage
    // (the others' does not apply), and it was reached from there.
    assert_eq!(
        actual(&doc, &results, Period::Year, MajorPoliciesFromProposal),
        Some(100)
    );
    let mut two = doc.clone();
    two.policies[4].major_impact = true;
    assert_eq!(
        actual(&two, &results, Period::Year, MajorPoliciesFromProposal),
        Some(50)
    );
    assert_eq!(
        actual(&doc, &none, Period::Year, MajorPoliciesFromProposal),
        Some(0)
    );
    // The number of conferences recorded counts over one per month.
    let mut held = done(conferences);
    held.achieved = Some(5);
    let five = with(vec![held]);
    assert_eq!(actual(&doc, &five, Period::Year, PressConferences), Some(5));
    // Entered by the officer.
    let manual = doc
        .objectives
        .iter()
        .find(|o| o.measure == Manual)
        .expect("manual");
    let entered = PlanResults {
        objectives: vec![ObjectiveResult {
            objective_id: manual.id,
            actual: Some(72),
            note: "Khảo sát tháng 11".into(),
            recorded_at: String::new(),
        }],
        ..PlanResults::default()
    };
    let line = report(&doc, &entered, Period::Year)
        .indicators
        .into_iter()
        .find(|i| i.objective_id == manual.id)
        .expect("indicator");
    assert_eq!(
        (line.actual, line.computed, line.note.as_str()),
        (Some(72), false, "Khảo sát tháng 11")
    );
    assert_eq!(actual(&doc, &none, Period::Year, Manual), None);
}

#[test]
fn the_share_of_activities_done_rounds_half_up() {
    let mut doc = sample();
    doc.objectives.push(Objective {
        id: 99,
        name: "Tỷ lệ hoạt động hoàn thành".into(),
        target: Some(100),
        unit: "%".into(),
        measure: IndicatorMeasure::ActivitiesDone,
    });
    // 17 of 51 is 33,33 %; 26 of 51 is 50,98 %.
    let ids: Vec<i64> = doc.activities.iter().map(|a| a.id).collect();
    let share = |n: usize| {
        let r = with(ids[..n].iter().map(|id| done(*id)).collect());
        actual(&doc, &r, Period::Year, IndicatorMeasure::ActivitiesDone)
    };
    assert_eq!(
        (share(0), share(17), share(26), share(51)),
        (Some(0), Some(33), Some(51), Some(100))
    );
}

#[test]
fn spending_goes_line_by_line_against_the_approved_total() {
    let doc = sample();
    let none = report(&doc, &PlanResults::default(), Period::Year);
    assert_eq!(none.spending.len(), doc.budget_lines.len());
    assert_eq!(none.total_spent, None);
    assert_eq!(
        none.total_approved,
        crate::budget::approved_sum(&doc.budget_lines).expect("sum")
    );
    let money = |d: i64| Money::new(d).expect("money");
    let spent = |id: i64, d: i64| LineSpending {
        budget_line_id: id,
        spent: money(d),
        note: String::new(),
        recorded_at: String::new(),
    };
    let results = PlanResults {
        spending: vec![
            spent(doc.budget_lines[0].id, 58_000_000),
            spent(doc.budget_lines[2].id, 30_000_000),
        ],
        ..PlanResults::default()
    };
    let r = report(&doc, &results, Period::FirstHalf);
    assert_eq!(r.total_spent, Some(money(88_000_000)));
    let first = &r.spending[0];
    assert_eq!(
        (first.spent, first.approved),
        (Some(money(58_000_000)), doc.budget_lines[0].approved)
    );
    assert!(!first.category.is_empty());
    assert_eq!(r.spending[1].spent, None);
}

#[test]
fn the_report_names_the_plan_and_carries_its_periods_texts() {
    let mut doc = sample();
    let r = report(&doc, &PlanResults::default(), Period::FirstHalf);
    assert_eq!(
        r.plan_reference,
        "Kế hoạch truyền thông chính sách năm 2027 của Sở Nông nghiệp và Môi trường"
    );
    assert_eq!(
        (r.texts.period, r.texts.number.as_str()),
        (Period::FirstHalf, "")
    );
    doc.fields.number = "12".into();
    doc.fields.issue_date = "2027-01-05".into();
    let texts = ReportTexts {
        period: Period::Year,
        number: "98".into(),
        issue_date: "2027-12-15".into(),
        difficulties: "Kinh phí hạn chế.".into(),
        proposals: String::new(),
    };
    let results = PlanResults {
        reports: vec![texts.clone()],
        ..PlanResults::default()
    };
    let r = report(&doc, &results, Period::Year);
    assert_eq!(
        r.plan_reference,
        "Kế hoạch số 12/KH-SNNMT ngày 05/01/2027 của Sở Nông nghiệp và Môi trường"
    );
    assert_eq!((r.texts, r.year, r.period), (texts, 2027, Period::Year));
    assert_eq!(report(&doc, &results, Period::FirstHalf).texts.number, "");
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a day")
}

fn rules(report: &crate::check::CheckReport) -> Vec<&str> {
    report.findings.iter().map(|f| f.rule.as_str()).collect()
}

#[test]
fn an_activity_past_its_last_month_with_nothing_recorded_is_found() {
    let doc = sample();
    let none = PlanResults::default();
    let early = check_results(&doc, &none, Period::FirstHalf, day(2027, 4, 1));
    let due: Vec<i64> = early.findings.iter().filter_map(|f| f.target.id).collect();
    // Planned up to March at the latest: policy 1's proposal stage, policy 4's promulgation.
    assert_eq!(due, [10, 11, 32, 33]);
    let f = &early.findings[1];
    assert_eq!(
        (f.rule.as_str(), f.step),
        (
            "results.unrecorded_activity",
            crate::model::Step::Activities
        )
    );
    assert_eq!(
        f.message,
        format!(
            "Hoạt động “{}” dự kiến thực hiện trong tháng 3/2027 nhưng chưa được ghi kết quả.",
            crate::text::shorten(
                &doc.activities
                    .iter()
                    .find(|a| a.id == 11)
                    .expect("11")
                    .content,
                90
            )
        )
    );
    assert_eq!(early.warnings, 4);
    // Recorded, even as in progress, it is no longer found.
    let some = with(vec![
        recorded(10, ActivityStatus::InProgress),
        done(11),
        done(32),
    ]);
    let checked = check_results(&doc, &some, Period::FirstHalf, day(2027, 4, 1));
    assert_eq!(
        checked
            .findings
            .iter()
            .filter_map(|f| f.target.id)
            .collect::<Vec<_>>(),
        [33]
    );
    // After the year, every activity is due; a not-started one still counts.
    let late = check_results(
        &doc,
        &with(vec![recorded(1, ActivityStatus::NotStarted)]),
        Period::Year,
        day(2028, 1, 2),
    );
    assert_eq!(late.findings.len(), 51);
    assert!(
        rules(&late)
            .iter()
            .all(|r| *r == "results.unrecorded_activity")
    );
}

#[test]
fn money_spent_beyond_what_was_approved_needs_a_note() {
    let doc = sample();
    let approved = &doc.budget_lines[0];
    let proposed_only = doc
        .budget_lines
        .iter()
        .find(|l| l.approved.is_none())
        .expect("one");
    let spend = |id: i64, d: i64, note: &str| LineSpending {
        budget_line_id: id,
        spent: Money::new(d).expect("money"),
        note: note.into(),
        recorded_at: String::new(),
    };
    let over = approved.approved.expect("approved").dong() + 2_500_000;
    let results = PlanResults {
        spending: vec![
            spend(approved.id, over, ""),
            spend(proposed_only.id, proposed_only.amount.dong() + 1, ""),
        ],
        ..PlanResults::default()
    };
    let found = check_results(&doc, &results, Period::Year, day(2027, 1, 1));
    assert_eq!(rules(&found), ["results.overspent", "results.overspent"]);
    assert_eq!(
        found.findings[0].message,
        format!(
            "Dòng kinh phí “{}” đã chi 62.500.000 đ, vượt số được duyệt 60.000.000 đ, nhưng chưa ghi lý do.",
            crate::text::shorten(&approved.description, 90)
        )
    );
    assert!(found.findings[1].message.contains("vượt số dự toán"));
    assert_eq!(found.findings[0].target.id, Some(approved.id));
    let explained = PlanResults {
        spending: vec![
            spend(
                approved.id,
                over,
                "Tăng số tin, bài theo chỉ đạo của Ủy ban nhân dân tỉnh.",
            ),
            spend(proposed_only.id, proposed_only.amount.dong(), ""),
        ],
        ..PlanResults::default()
    };
    assert!(
        check_results(&doc, &explained, Period::Year, day(2027, 1, 1))
            .findings
            .is_empty()
    );
}
