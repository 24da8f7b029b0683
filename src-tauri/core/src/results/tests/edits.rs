//! A change as the results screen sends it, and that screen's view.

use chrono::NaiveDate;

use super::{recorded, sample};
use crate::edit::FieldValue;
use crate::money::Money;
use crate::results::*;

fn edit(kind: RecordKind, id: i64, fields: &[(&str, FieldValue)]) -> ResultEdit {
    ResultEdit {
        kind,
        id,
        period: Period::Year,
        fields: fields
            .iter()
            .map(|(field, value)| ResultField {
                field: (*field).to_string(),
                value: value.clone(),
            })
            .collect(),
    }
}

fn text(s: &str) -> FieldValue {
    FieldValue::Text(s.to_string())
}

#[test]
fn a_field_changes_the_recorded_record_and_keeps_the_rest() {
    let mut doc = sample();
    doc.activities[0].target = "Tổ chức 03 hội nghị".into();
    let id = doc.activities[0].id;
    let mut results = PlanResults::default();
    let mut before = recorded(id, ActivityStatus::Done);
    before.output = "Kỷ yếu".into();
    results.activities.push(before);
    let e = edit(RecordKind::Activity, id, &[("achieved", text("1.200"))]);
    let Ok(Record::Activity(r)) = edited(&doc, &results, &e) else {
        panic!("an activity's record");
    };
    assert_eq!(
        (r.status, r.output.as_str()),
        (ActivityStatus::Done, "Kỷ yếu")
    );
    assert_eq!(r.achieved, Some(1200));

    // Nothing recorded yet: a blank record counted in the target's unit.
    let blank = edit(RecordKind::Activity, id, &[("status", text("in_progress"))]);
    let Ok(Record::Activity(r)) = edited(&doc, &PlanResults::default(), &blank) else {
        panic!("an activity's record");
    };
    assert_eq!(r.status, ActivityStatus::InProgress);
    assert_eq!(r.achieved_unit, "hội nghị");

    // A cancellation and its reason travel together; alone it is refused.
    let both = edit(
        RecordKind::Activity,
        id,
        &[
            ("status", text("cancelled")),
            ("reason", text("Hết kinh phí")),
        ],
    );
    let Ok(Record::Activity(r)) = edited(&doc, &results, &both) else {
        panic!("an activity's record");
    };
    assert_eq!(
        activity_result(&doc, &r).expect("valid").reason,
        "Hết kinh phí"
    );
    let alone = edit(RecordKind::Activity, id, &[("status", text("cancelled"))]);
    let Ok(Record::Activity(r)) = edited(&doc, &results, &alone) else {
        panic!("an activity's record");
    };
    assert_eq!(
        activity_result(&doc, &r).expect_err("no reason").message,
        "Hoạt động không thực hiện: cần ghi lý do không thực hiện."
    );
}

#[test]
fn amounts_and_counts_are_read_as_typed_and_unknown_fields_are_refused() {
    let doc = sample();
    let line = doc.budget_lines[0].id;
    let e = edit(RecordKind::Spending, line, &[("spent", text("12.500.000"))]);
    let Ok(Record::Spending(s)) = edited(&doc, &PlanResults::default(), &e) else {
        panic!("a spending record");
    };
    assert_eq!(s.spent, Money::new(12_500_000).expect("amount"));
    let bad = edit(RecordKind::Spending, line, &[("spent", text("mười"))]);
    assert!(
        edited(&doc, &PlanResults::default(), &bad)
            .expect_err("not money")
            .message
            .starts_with("Số tiền đã chi")
    );
    let bad = edit(RecordKind::Activity, 1, &[("status", text("finished"))]);
    assert!(edited(&doc, &PlanResults::default(), &bad).is_err());
    let bad = edit(RecordKind::Report, 0, &[("title", text("x"))]);
    assert_eq!(
        edited(&doc, &PlanResults::default(), &bad)
            .expect_err("no such field")
            .message,
        "Không có trường “title” để ghi kết quả."
    );
    let e = edit(
        RecordKind::Report,
        0,
        &[("difficulties", text("Thiếu người"))],
    );
    let Ok(Record::Report(t)) = edited(&doc, &PlanResults::default(), &e) else {
        panic!("a report's texts");
    };
    assert_eq!(
        (t.period, t.difficulties.as_str()),
        (Period::Year, "Thiếu người")
    );
}

#[test]
fn the_view_gives_a_record_for_every_activity_of_the_report_and_the_findings() {
    let doc = sample();
    let first = doc.activities[0].id;
    let mut results = PlanResults::default();
    results
        .activities
        .push(recorded(first, ActivityStatus::Done));
    let as_of = NaiveDate::from_ymd_opt(doc.year + 1, 1, 15).expect("date");
    let v = view(&doc, &results, Period::Year, as_of);
    assert_eq!(v.activities.len(), v.report.activities.len());
    assert_eq!(v.activities.len(), doc.activities.len());
    for (record, line) in v.activities.iter().zip(&v.report.activities) {
        assert_eq!(record.activity_id, line.activity_id);
    }
    let mine = v.activities.iter().find(|r| r.activity_id == first);
    assert_eq!(mine.map(|r| r.status), Some(ActivityStatus::Done));
    // Every other activity's year is over and nothing is recorded of it.
    assert_eq!(
        v.findings.findings.len(),
        doc.activities.len() - 1,
        "{:?}",
        v.findings
    );
}
