//! The report's subject, symbol and shares as the documents write them.

use super::*;

#[test]
fn the_subject_names_the_period() {
    assert_eq!(
        subject(Period::FirstHalf, 2026),
        "Kết quả thực hiện Kế hoạch truyền thông chính sách 6 tháng đầu năm 2026"
    );
    assert_eq!(
        subject(Period::Year, 2026),
        "Kết quả thực hiện Kế hoạch truyền thông chính sách năm 2026"
    );
}

#[test]
fn a_report_takes_its_plans_symbol_with_bc_for_kh() {
    assert_eq!(report_symbol("KH-SNNMT", "SNNMT"), "BC-SNNMT");
    assert_eq!(report_symbol(" KH-BCĐ-2027 ", ""), "BC-BCĐ-2027");
    assert_eq!(report_symbol("12/UBND", "UBND"), "BC-UBND");
    assert_eq!(report_symbol("KH-", " SYT "), "BC-SYT");
    assert_eq!(report_symbol("", ""), "BC");
}

#[test]
fn shares_have_one_decimal_rounded_half_up() {
    assert_eq!(share(9, 11).as_deref(), Some("81,8\u{a0}%"));
    assert_eq!(share(1, 3).as_deref(), Some("33,3\u{a0}%"));
    assert_eq!(share(2, 3).as_deref(), Some("66,7\u{a0}%"));
    // 1/8 = 12,5 % exactly; 1/16 = 6,25 % goes up to 6,3 %.
    assert_eq!(share(1, 8).as_deref(), Some("12,5\u{a0}%"));
    assert_eq!(share(1, 16).as_deref(), Some("6,3\u{a0}%"));
    assert_eq!(share(1, 2).as_deref(), Some("50\u{a0}%"));
    assert_eq!(share(0, 7).as_deref(), Some("0\u{a0}%"));
    assert_eq!(share(7, 7).as_deref(), Some("100\u{a0}%"));
    assert_eq!(share(3, 0), None);
    assert_eq!(
        share(u64::MAX, u64::MAX - 1).as_deref(),
        Some("100\u{a0}%"),
        "no overflow"
    );
}

#[test]
fn a_policys_activities_of_no_stage_are_what_its_stages_leave() {
    use crate::plan::Stage;
    use crate::results::StageResults;
    let k = |planned, done| StatusCounts {
        planned,
        done,
        in_progress: 0,
        cancelled: 0,
        not_started: planned - done,
    };
    let p = PolicyResults {
        title: "Bảng giá đất".into(),
        major_impact: false,
        stages: vec![
            StageResults {
                stage: Stage::Planning,
                counts: k(2, 1),
            },
            StageResults {
                stage: Stage::Implementation,
                counts: k(3, 3),
            },
        ],
        counts: k(6, 4),
    };
    assert_eq!(unstaged(&p), k(1, 0));
}

#[test]
fn an_indicator_is_computed_or_entered() {
    assert_eq!(measured_vi(true), "Tự tính");
    assert_eq!(measured_vi(false), "Tự nhập");
}

#[test]
fn the_difference_needs_both_amounts() {
    let m = |d| Money::new(d).ok();
    assert_eq!(difference(m(60_000_000), m(45_500_000)), Some(14_500_000));
    assert_eq!(
        difference(m(10), m(25)),
        Some(-15),
        "more spent than approved"
    );
    assert_eq!(difference(None, m(25)), None);
    assert_eq!(difference(m(10), None), None);
}
