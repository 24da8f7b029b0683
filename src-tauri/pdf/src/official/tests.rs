//! Tests of the header lines: the number and symbol (the place and date are
//! core's `dates::place_and_date`).

use super::*;

#[test]
fn number_and_symbol_leave_room_for_the_registry() {
    assert_eq!(number_and_symbol("12", "KH-STTTT"), "Số: 12/KH-STTTT");
    assert_eq!(number_and_symbol("", "KH-STTTT"), "Số:      /KH-STTTT");
}
