//! The results workbook read back with calamine: its four sheets, a row of
//! each as written, the totals as formulas with their results, and an unset
//! amount blank rather than 0.

use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx};

use super::*;
use crate::money::Money;
use crate::plan::Stage;
use crate::results::documents::{GENERAL, NO_STAGE};
use crate::results::{ActivityStatus, Period, PolicyResults, ReportTexts, StageResults};
use crate::xlsx::read_back::{at, formula};

fn k(planned: u32, done: u32, in_progress: u32, cancelled: u32) -> StatusCounts {
    StatusCounts {
        planned,
        done,
        in_progress,
        cancelled,
        not_started: planned - done - in_progress - cancelled,
    }
}

fn money(dong: i64) -> Option<Money> {
    Money::new(dong).ok()
}

fn activity(policy: &str, stage: Option<Stage>, status: ActivityStatus) -> ActivityLine {
    ActivityLine {
        activity_id: 1,
        policy: policy.into(),
        stage,
        content: "Hội nghị phổ biến chính sách cho hộ chăn nuôi".into(),
        planned_when: "Tháng 3, 6".into(),
        target: "03 hội nghị".into(),
        status,
        done_on: "15/03/2027".into(),
        achieved: "03 hội nghị; 450 lượt người".into(),
        note: String::new(),
    }
}

fn spending(approved: Option<Money>, spent: Option<Money>) -> SpendingLine {
    SpendingLine {
        budget_line_id: 1,
        category: "Hội nghị, đối thoại, tọa đàm".into(),
        description: "Tổ chức hội nghị".into(),
        proposed: Money::new(50_000_000).unwrap_or_default(),
        approved,
        spent,
        note: String::new(),
    }
}

/// Two policies (the second with an activity of no stage), a general
/// activity, two indicators and three budget lines, one not approved and one
/// with nothing spent.
fn report() -> ResultsReport {
    let stages = |counts: [StatusCounts; 5]| {
        Stage::ALL
            .iter()
            .zip(counts)
            .map(|(stage, counts)| StageResults {
                stage: *stage,
                counts,
            })
            .collect()
    };
    let none = StatusCounts::default();
    ResultsReport {
        period: Period::FirstHalf,
        year: 2027,
        plan_reference: "Kế hoạch số 12/KH-SNNMT ngày 05/01/2027 của Sở Nông nghiệp và Môi trường"
            .into(),
        texts: ReportTexts {
            period: Period::FirstHalf,
            number: String::new(),
            issue_date: String::new(),
            difficulties: String::new(),
            proposals: String::new(),
        },
        counts: k(9, 5, 2, 1),
        policies: vec![
            PolicyResults {
                title: "Chính sách hỗ trợ phát triển nông nghiệp hữu cơ".into(),
                major_impact: true,
                stages: stages([k(2, 2, 0, 0), k(1, 1, 0, 0), none, none, k(2, 0, 1, 1)]),
                counts: k(5, 3, 1, 1),
            },
            PolicyResults {
                title: "Bảng giá đất".into(),
                major_impact: false,
                stages: stages([none, none, none, none, k(2, 1, 0, 0)]),
                counts: k(3, 2, 0, 0),
            },
        ],
        general: k(1, 0, 1, 0),
        activities: vec![
            activity(
                "Bảng giá đất",
                Some(Stage::Implementation),
                ActivityStatus::Done,
            ),
            activity("", None, ActivityStatus::InProgress),
        ],
        indicators: vec![
            IndicatorLine {
                objective_id: 1,
                name: "Họp báo định kỳ".into(),
                unit: "cuộc".into(),
                target: Some(4),
                actual: Some(2),
                computed: true,
                note: String::new(),
            },
            IndicatorLine {
                objective_id: 2,
                name: "Người dân được tiếp cận thông tin".into(),
                unit: "%".into(),
                target: Some(80),
                actual: None,
                computed: false,
                note: "Chưa có số liệu điều tra".into(),
            },
        ],
        spending: vec![
            spending(money(60_000_000), money(45_500_000)),
            spending(None, money(2_000_000)),
            spending(money(30_000_000), None),
        ],
        total_approved: money(90_000_000),
        total_spent: money(47_500_000),
    }
}

fn book(r: &ResultsReport) -> Xlsx<Cursor<Vec<u8>>> {
    let bytes = results_workbook(r, "Sở Nông nghiệp và Môi trường").expect("a workbook");
    Xlsx::new(Cursor::new(bytes)).expect("it reads back")
}

fn row(range: &Range<Data>, r: u32, columns: u32) -> Vec<String> {
    (0..columns).map(|c| at(range, (r, c))).collect()
}

#[test]
fn the_workbook_has_the_summary_the_activities_the_indicators_and_the_budget() {
    let mut book = book(&report());
    assert_eq!(
        book.sheet_names(),
        ["Tổng hợp", "Hoạt động", "Chỉ tiêu", "Kinh phí"]
    );
    let summary = book.worksheet_range("Tổng hợp").expect("summary");
    assert_eq!(
        at(&summary, (0, 0)),
        "KẾT QUẢ THỰC HIỆN KẾ HOẠCH TRUYỀN THÔNG CHÍNH SÁCH 6 THÁNG ĐẦU NĂM 2027"
    );
    assert_eq!(at(&summary, (1, 0)), "Đơn vị: Sở Nông nghiệp và Môi trường");
    assert_eq!(
        row(&summary, 5, 8),
        [
            "1",
            "Chính sách hỗ trợ phát triển nông nghiệp hữu cơ",
            "Hoạch định chủ trương",
            "2",
            "2",
            "0",
            "0",
            "0"
        ]
    );
    // Rows 6–15: five stages a policy; row 16: the second policy's activity
    // of no stage; row 17: the general activities; row 18: the totals.
    assert_eq!(
        row(&summary, 15, 8),
        ["11", "Bảng giá đất", NO_STAGE, "1", "1", "0", "0", "0"]
    );
    assert_eq!(row(&summary, 16, 4), ["12", GENERAL, "", "1"]);
    assert_eq!(
        row(&summary, 17, 8),
        ["Tổng cộng", "", "", "9", "5", "2", "1", "1"]
    );
    let formulas = book.worksheet_formula("Tổng hợp").expect("formulas");
    assert_eq!(formula(&formulas, (17, 3)), "SUM(D6:D17)");
    assert_eq!(formula(&formulas, (17, 7)), "SUM(H6:H17)");

    let activities = book.worksheet_range("Hoạt động").expect("activities");
    assert_eq!(
        row(&activities, 5, 10),
        [
            "1",
            "Bảng giá đất",
            "Thực thi",
            "Hội nghị phổ biến chính sách cho hộ chăn nuôi",
            "Tháng 3, 6",
            "03 hội nghị",
            "Hoàn thành",
            "15/03/2027",
            "03 hội nghị; 450 lượt người",
            ""
        ]
    );
    assert_eq!(at(&activities, (6, 1)), GENERAL);
    assert_eq!(at(&activities, (6, 6)), "Đang thực hiện");

    let indicators = book.worksheet_range("Chỉ tiêu").expect("indicators");
    assert_eq!(
        row(&indicators, 5, 6),
        ["1", "Họp báo định kỳ", "cuộc", "4", "2", "Tự tính"]
    );
    assert_eq!(
        row(&indicators, 6, 7),
        [
            "2",
            "Người dân được tiếp cận thông tin",
            "%",
            "80",
            "",
            "Tự nhập",
            "Chưa có số liệu điều tra"
        ]
    );
}

#[test]
fn the_budget_sheet_leaves_unset_amounts_blank_and_totals_them_by_formula() {
    let mut book = book(&report());
    let budget = book.worksheet_range("Kinh phí").expect("budget");
    assert_eq!(
        row(&budget, 5, 6),
        [
            "1",
            "Hội nghị, đối thoại, tọa đàm",
            "Tổ chức hội nghị",
            "60000000",
            "45500000",
            "14500000"
        ]
    );
    // Not approved, or nothing spent: blank, never 0, and no difference.
    assert_eq!(row(&budget, 6, 6)[3..], ["", "2000000", ""]);
    assert_eq!(row(&budget, 7, 6)[3..], ["30000000", "", ""]);
    assert_eq!(
        row(&budget, 8, 6),
        ["Tổng cộng", "", "", "90000000", "47500000", "42500000"]
    );
    let formulas = book.worksheet_formula("Kinh phí").expect("formulas");
    assert_eq!(formula(&formulas, (5, 5)), "IF(COUNT(D6:E6)=2,D6-E6,\"\")");
    assert_eq!(
        formula(&formulas, (8, 3)),
        "IF(COUNT(D6:D8)=0,\"\",SUM(D6:D8))"
    );
    assert_eq!(
        formula(&formulas, (8, 4)),
        "IF(COUNT(E6:E8)=0,\"\",SUM(E6:E8))"
    );
    assert_eq!(formula(&formulas, (8, 5)), "IF(COUNT(D9:E9)=2,D9-E9,\"\")");
}

#[test]
fn an_empty_report_gives_headers_and_blank_totals() {
    let mut r = report();
    r.policies.clear();
    r.general = StatusCounts::default();
    r.counts = StatusCounts::default();
    r.activities.clear();
    r.indicators.clear();
    r.spending.clear();
    r.total_approved = None;
    r.total_spent = None;
    let mut book = book(&r);
    let summary = book.worksheet_range("Tổng hợp").expect("summary");
    assert_eq!(row(&summary, 4, 3), ["TT", "Chính sách", "Giai đoạn"]);
    assert_eq!(row(&summary, 6, 4), ["Tổng cộng", "", "", "0"]);
    let budget = book.worksheet_range("Kinh phí").expect("budget");
    assert_eq!(row(&budget, 6, 6), ["Tổng cộng", "", "", "", "", ""]);
    let formulas = book.worksheet_formula("Kinh phí").expect("formulas");
    // With no line the totals sum the empty row under the header, not themselves.
    assert_eq!(
        formula(&formulas, (6, 3)),
        "IF(COUNT(D6:D6)=0,\"\",SUM(D6:D6))"
    );
}

/// Printed, every sheet is A4 landscape on the page's width with its header
/// row on every page (the XML itself: calamine does not read it).
#[test]
fn every_sheet_prints_landscape_with_its_header_repeated() {
    let bytes = results_workbook(&report(), "Sở Y tế").expect("a workbook");
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut xml = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).expect(name), &mut text)
            .expect("UTF-8");
        text
    };
    for n in 1..=4 {
        let sheet = xml(&format!("xl/worksheets/sheet{n}.xml"));
        assert!(
            sheet.contains(r#"paperSize="9""#) && sheet.contains(r#"orientation="landscape""#),
            "sheet {n}"
        );
    }
    assert_eq!(
        xml("xl/workbook.xml").matches("_xlnm.Print_Titles").count(),
        4
    );
}
