//! What is recorded: validation and the history as people read it.

use serde_json::json;

use super::{done, sample};
use crate::error::ErrorCode;
use crate::model::PlanStatus;
use crate::plan::PlanDocument;
use crate::results::*;

fn refusal(doc: &PlanDocument, r: &ActivityResult) -> String {
    activity_result(doc, r).expect_err("refused").message
}

#[test]
fn only_an_own_approved_plan_takes_results() {
    assert!(recording_allowed(PlanStatus::Approved, false).is_ok());
    for status in [
        PlanStatus::Draft,
        PlanStatus::Submitted,
        PlanStatus::Returned,
    ] {
        let err = recording_allowed(status, false).expect_err("not approved");
        assert_eq!(
            err.message,
            "Chỉ ghi kết quả thực hiện cho kế hoạch đã được phê duyệt."
        );
    }
    let err = recording_allowed(PlanStatus::Approved, true).expect_err("received");
    assert!(err.message.starts_with("Đây là kế hoạch nhận được"));
}

#[test]
fn a_cancelled_activity_needs_its_reason_and_only_it_keeps_one() {
    let doc = sample();
    let mut r = done(doc.activities[0].id);
    r.reason = "Không cần".into();
    assert_eq!(activity_result(&doc, &r).expect("done").reason, "");
    r.status = ActivityStatus::Cancelled;
    r.reason = "  Chính sách đã được lùi sang năm sau  ".into();
    assert_eq!(
        activity_result(&doc, &r).expect("cancelled").reason,
        "Chính sách đã được lùi sang năm sau"
    );
    r.reason = " \n ".into();
    assert_eq!(
        refusal(&doc, &r),
        "Hoạt động không thực hiện: cần ghi lý do không thực hiện."
    );
}

#[test]
fn the_day_it_was_done_is_typed_day_first_within_the_year_and_the_next() {
    let doc = sample();
    let mut r = done(doc.activities[0].id);
    let stored = |r: &ActivityResult| activity_result(&doc, r).map(|s| s.done_on);
    r.done_on = " 5/3/2027 ".into();
    assert_eq!(stored(&r).expect("typed"), "2027-03-05");
    r.done_on = "2028-12-31".into();
    assert_eq!(stored(&r).expect("the year after"), "2028-12-31");
    for (typed, says) in [
        (
            "31/12/2026",
            "Ngày hoàn thành: ngày phải trong năm 2027 hoặc năm 2028",
        ),
        (
            "01/01/2029",
            "Ngày hoàn thành: ngày phải trong năm 2027 hoặc năm 2028",
        ),
        (
            "30/02/2027",
            "Ngày hoàn thành: ngày “30/02/2027” không hợp lệ",
        ),
    ] {
        r.done_on = typed.into();
        assert!(
            refusal(&doc, &r).starts_with(says),
            "{typed}: {}",
            refusal(&doc, &r)
        );
    }
    r.status = ActivityStatus::NotStarted;
    r.done_on = "05/03/2027".into();
    assert!(refusal(&doc, &r).starts_with("Hoạt động chưa thực hiện thì chưa có ngày"));
}

#[test]
fn counts_are_whole_and_bounded_and_texts_are_cleaned() {
    let doc = sample();
    let mut r = done(doc.activities[0].id);
    r.achieved = Some(12);
    r.reach = Some(1_200);
    r.output = "  Ho\u{323}p ba\u{301}o  ".into();
    let stored = activity_result(&doc, &r).expect("valid");
    assert_eq!((stored.achieved, stored.reach), (Some(12), Some(1_200)));
    assert_eq!(stored.output, "Họp báo");
    r.reach = Some(1_000_000_000);
    assert_eq!(
        refusal(&doc, &r),
        "Số lượt người được tiếp cận: phải từ 0 đến 999.999.999."
    );
    r.reach = Some(-1);
    assert!(activity_result(&doc, &r).is_err());
    r.reach = None;
    r.note = "x".repeat(crate::text::MAX_FIELD_CHARS + 1);
    assert!(refusal(&doc, &r).starts_with("Ghi chú quá dài"));
    let err = activity_result(&doc, &done(999_999)).expect_err("not of the plan");
    assert_eq!(err.code, ErrorCode::NotFound);
}

#[test]
fn what_was_achieved_is_counted_in_the_unit_of_the_target() {
    let mut doc = sample();
    doc.activities[0].target = "Tổ chức 03 hội nghị, ≥ 200 đại biểu".into();
    let mut r = done(doc.activities[0].id);
    r.achieved = Some(3);
    assert_eq!(
        activity_result(&doc, &r).expect("valid").achieved_unit,
        "hội nghị"
    );
    assert_eq!(
        default_unit(&doc.activities[0]).as_deref(),
        Some("hội nghị")
    );
    r.achieved_unit = "buổi".into();
    assert_eq!(
        activity_result(&doc, &r).expect("valid").achieved_unit,
        "buổi"
    );
    doc.activities[0].target = "100% xã, phường".into();
    r.achieved_unit.clear();
    assert_eq!(activity_result(&doc, &r).expect("valid").achieved_unit, "");
}

#[test]
fn a_computed_objective_takes_a_note_but_no_value() {
    let doc = sample();
    let computed = doc
        .objectives
        .iter()
        .find(|o| o.measure.is_computed())
        .expect("a computed objective");
    let manual = doc
        .objectives
        .iter()
        .find(|o| !o.measure.is_computed())
        .expect("a manual objective");
    let result = |id: i64, actual: Option<i64>| ObjectiveResult {
        objective_id: id,
        actual,
        note: " Theo báo cáo khảo sát ".into(),
        recorded_at: String::new(),
    };
    let stored = objective_result(&doc, &result(manual.id, Some(72))).expect("manual");
    assert_eq!(
        (stored.actual, stored.note.as_str()),
        (Some(72), "Theo báo cáo khảo sát")
    );
    assert!(objective_result(&doc, &result(computed.id, None)).is_ok());
    let err = objective_result(&doc, &result(computed.id, Some(3))).expect_err("computed");
    assert!(err.message.contains("chỉ ghi chú được"), "{}", err.message);
    let err = objective_result(&doc, &result(999, None)).expect_err("not of the plan");
    assert_eq!(err.code, ErrorCode::NotFound);
}

#[test]
fn spending_is_of_a_line_of_the_plan_and_report_texts_follow_the_plans_rules() {
    let doc = sample();
    let spent = crate::money::Money::new(1_000).expect("money");
    let line = LineSpending {
        budget_line_id: doc.budget_lines[0].id,
        spent,
        note: "  vượt do tăng số tin, bài ".into(),
        recorded_at: String::new(),
    };
    assert_eq!(
        line_spending(&doc, &line).expect("valid").note,
        "vượt do tăng số tin, bài"
    );
    let other = LineSpending {
        budget_line_id: 999,
        ..line
    };
    assert!(line_spending(&doc, &other).is_err());
    let texts = ReportTexts {
        period: Period::FirstHalf,
        number: " 45 ".into(),
        issue_date: "10/7/2027".into(),
        difficulties: "Kinh phí hạn chế.".into(),
        proposals: String::new(),
    };
    let stored = report_texts(&texts).expect("valid");
    assert_eq!(
        (stored.number.as_str(), stored.issue_date.as_str()),
        ("45", "2027-07-10")
    );
    let bad = ReportTexts {
        issue_date: "31/6/2027".into(),
        ..texts
    };
    assert!(
        report_texts(&bad)
            .expect_err("no 31 June")
            .message
            .starts_with("Ngày báo cáo")
    );
}

fn row(
    what: &str,
    item: Option<i64>,
    field: Option<&str>,
    old: serde_json::Value,
    new: serde_json::Value,
) -> RecordedChange {
    RecordedChange {
        what: what.into(),
        item_id: item,
        period: (what == "report").then(|| "first_half".to_string()),
        field: field.map(str::to_string),
        old,
        new,
        changed_at: "2027-03-05T02:00:00Z".into(),
    }
}

#[test]
fn the_history_names_items_and_fields_and_shows_values_as_people_read_them() {
    let doc = sample();
    let activity = &doc.activities[1];
    let line = &doc.budget_lines[0];
    let first = json!({"status": "in_progress", "reason": "", "done_on": "", "output": "",
        "achieved": null, "achieved_unit": "", "reach": 1200, "note": ""});
    let rows = [
        row("activity", Some(activity.id), None, json!(null), first),
        row(
            "activity",
            Some(activity.id),
            Some("status"),
            json!("in_progress"),
            json!("done"),
        ),
        row(
            "activity",
            Some(activity.id),
            Some("done_on"),
            json!(""),
            json!("2027-03-20"),
        ),
        row(
            "spending",
            Some(line.id),
            Some("spent"),
            json!(1_000_000),
            json!(62_500_000),
        ),
        row("report", None, Some("number"), json!(""), json!("45")),
        row(
            "objective",
            Some(999),
            Some("note"),
            json!(""),
            json!("Đạt"),
        ),
    ];
    let shown: Vec<(String, String, String, String)> = changes(&doc, &rows)
        .into_iter()
        .map(|c| (c.item, c.field, c.before, c.after))
        .collect();
    let on_activity = format!(
        "Hoạt động “{}”",
        crate::text::shorten(&activity.content, 80)
    );
    let t = |a: &str, b: &str, c: &str, d: &str| {
        (a.to_string(), b.to_string(), c.to_string(), d.to_string())
    };
    assert_eq!(
        shown,
        [
            t(&on_activity, "Tình trạng", "", "Đang thực hiện"),
            t(&on_activity, "Số lượt người được tiếp cận", "", "1.200"),
            t(&on_activity, "Tình trạng", "Đang thực hiện", "Hoàn thành"),
            t(&on_activity, "Ngày hoàn thành", "", "20/03/2027"),
            t(
                &format!(
                    "Dòng kinh phí “{}”",
                    crate::text::shorten(&line.description, 80)
                ),
                "Số tiền đã chi",
                "1.000.000 đ",
                "62.500.000 đ"
            ),
            t("Báo cáo 6 tháng đầu năm 2027", "Số báo cáo", "", "45"),
            t("Chỉ tiêu (đã xóa)", "Ghi chú", "", "Đạt"),
        ]
    );
}
