//! Tests of the header lines: the place and date, the number and symbol.

use super::*;

#[test]
fn dates_follow_the_leading_zero_rule() {
    assert_eq!(
        place_and_date("Gia Lai", "2027-01-05", 2027),
        "Gia Lai, ngày 05 tháng 01 năm 2027"
    );
    assert_eq!(
        place_and_date("Gia Lai", "2027-02-28", 2027),
        "Gia Lai, ngày 28 tháng 02 năm 2027"
    );
    assert_eq!(
        place_and_date("Gia Lai", "2027-03-15", 2027),
        "Gia Lai, ngày 15 tháng 3 năm 2027"
    );
    assert_eq!(
        place_and_date("Gia Lai", "2027-12-09", 2027),
        "Gia Lai, ngày 09 tháng 12 năm 2027"
    );
    assert_eq!(
        place_and_date("Gia Lai", "", 2027),
        "Gia Lai, ngày      tháng      năm 2027"
    );
}

#[test]
fn number_and_symbol_leave_room_for_the_registry() {
    assert_eq!(number_and_symbol("12", "KH-STTTT"), "Số: 12/KH-STTTT");
    assert_eq!(number_and_symbol("", "KH-STTTT"), "Số:      /KH-STTTT");
}
