//! The results an approved plan's file carries: read back as stored, left
//! out while none, refused on any other file and whenever a record does not
//! hold against the file's document.

use super::{decision, refusal, revision_file};
use crate::money::Money;
use crate::planfile::{FileKind, PlanFileV2, parse};
use crate::results::tests::recorded;
use crate::results::{
    ActivityResult, ActivityStatus, LineSpending, ObjectiveResult, Period, PlanResults, ReportTexts,
};
use crate::review::ReviewAction;

const AT: &str = "2027-07-01T03:00:00.000Z";

/// What was done of activity `id`, recorded at [`AT`].
fn activity(id: i64, status: ActivityStatus) -> ActivityResult {
    ActivityResult {
        recorded_at: AT.into(),
        ..recorded(id, status)
    }
}

/// Two activities (one done, one cancelled), one line's spending, one
/// objective's actual value, the first half's texts.
fn results() -> PlanResults {
    let mut done = activity(1, ActivityStatus::Done);
    done.done_on = "2027-03-20".into();
    let mut cancelled = activity(2, ActivityStatus::Cancelled);
    cancelled.reason = "Lồng ghép vào hội nghị khác.".into();
    // As stored: the unit of the count its target states.
    cancelled.achieved_unit = "tin, bài".into();
    PlanResults {
        activities: vec![done, cancelled],
        spending: vec![LineSpending {
            budget_line_id: 1,
            spent: Money::new(58_000_000).expect("money"),
            note: String::new(),
            recorded_at: AT.into(),
        }],
        objectives: vec![ObjectiveResult {
            objective_id: 4,
            actual: Some(72),
            note: String::new(),
            recorded_at: AT.into(),
        }],
        reports: vec![ReportTexts {
            period: Period::FirstHalf,
            number: "45".into(),
            issue_date: "2027-07-10".into(),
            difficulties: String::new(),
            proposals: String::new(),
        }],
    }
}

/// The sample's revision 1, approved, carrying `results`.
fn approved_with(results: PlanResults) -> PlanFileV2 {
    let mut file = revision_file(decision(ReviewAction::Approve, "2027-01-10T09:30:00Z"));
    file.results = Some(results);
    file
}

/// The refusal of the approved file once `change` made its results JSON.
fn refusal_of(change: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut json = serde_json::to_value(approved_with(results())).expect("json");
    change(&mut json["results"]);
    parse(&serde_json::to_vec(&json).expect("bytes"))
        .expect_err("refused")
        .message
}

#[test]
fn an_approved_plans_file_carries_its_results_and_other_files_none() {
    let file = approved_with(results());
    let read = parse(&file.to_bytes()).expect("an approved plan's file with results");
    assert_eq!(read.results, Some(results()));
    assert_eq!(read.revision, revision_file(None).revision, "not hashed");
    // Nothing recorded: the key is left out, and a file without it reads.
    let plain = revision_file(decision(ReviewAction::Approve, "2027-01-10T09:30:00Z"));
    let text = String::from_utf8(plain.to_bytes()).expect("utf-8");
    assert!(!text.contains("\"results\""), "{text:.300}");
    assert_eq!(
        parse(plain.to_bytes().as_slice()).expect("read").results,
        None
    );
}

#[test]
fn results_ride_only_on_an_approved_revision() {
    let mut submitted = approved_with(results());
    submitted.decision = None;
    assert!(
        refusal(&submitted).starts_with("Tệp kế hoạch chưa được phê duyệt không được mang kết quả"),
        "{}",
        refusal(&submitted)
    );
    let mut draft = approved_with(results());
    draft.decision = None;
    draft.revision = None;
    assert!(refusal(&draft).starts_with("Bản nháp không được mang kết quả thực hiện"));
    let mut answer = approved_with(results());
    answer.kind = FileKind::Return;
    answer.document = None;
    answer.totals = None;
    assert!(refusal(&answer).starts_with("Tệp trả lời không được mang kết quả thực hiện"));
    let mut json = serde_json::to_value(approved_with(results())).expect("json");
    json["version"] = 2.into();
    let v2 = parse(&serde_json::to_vec(&json).expect("bytes")).expect_err("version 2");
    assert!(!v2.message.is_ascii(), "{}", v2.message);
}

#[test]
fn every_record_must_hold_against_the_files_document() {
    type Change = fn(&mut serde_json::Value);
    let cases: [(Change, &str); 9] = [
        (
            |r| r["activities"][0]["activityId"] = 999_999.into(),
            "ghi cho hoạt động mã 999999, không có trong kế hoạch của tệp",
        ),
        (
            |r| r["activities"][1]["activityId"] = 1.into(),
            "ghi hai lần cho hoạt động “",
        ),
        (
            |r| r["activities"][1]["reason"] = "".into(),
            "cần ghi lý do không thực hiện",
        ),
        (
            |r| r["spending"][0]["spent"] = "-5".into(),
            "Số tiền không được âm",
        ),
        (
            |r| r["spending"][0]["spent"] = "1000000000000000".into(),
            "vượt mức tối đa",
        ),
        (
            |r| r["spending"][0]["budgetLineId"] = 0.into(),
            "ghi cho dòng kinh phí mã 0",
        ),
        (
            |r| r["objectives"][0]["objectiveId"] = 1.into(),
            "chỉ ghi chú được, không nhập kết quả",
        ),
        (
            |r| r["activities"][0]["recordedAt"] = "hôm qua".into(),
            "Thời điểm ghi kết quả của hoạt động “",
        ),
        (
            |r| r["activities"][0]["secret"] = 1.into(),
            "Kết quả thực hiện trong tệp có trường lạ hoặc thiếu trường",
        ),
    ];
    for (change, says) in cases {
        let message = refusal_of(change);
        assert!(message.contains(says), "“{message}” does not say “{says}”");
    }
    let twice = refusal_of(|r| {
        let first = r["reports"][0].clone();
        r["reports"].as_array_mut().expect("reports").push(first);
    });
    assert!(
        twice.contains("ghi hai lần báo cáo 6 tháng đầu năm 2027"),
        "{twice}"
    );
}
