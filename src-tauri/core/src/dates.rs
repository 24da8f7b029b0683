//! Dates the Vietnamese way, decided once: a date is stored as `yyyy-mm-dd`
//! (ISO 8601), typed and shown as `dd/mm/yyyy`, and written in a document's
//! header as "Gia Lai, ngày 05 tháng 01 năm 2027" (Decree 30/2020/NĐ-CP: a
//! leading zero for days 1–9 and for months 1 and 2 only). Every crate and the
//! UI take their dates from here.

use chrono::{Datelike, Months, NaiveDate};

/// A stored date (`yyyy-mm-dd`), or `None` when it is empty or not a day that exists.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    // chrono would also take "2027-3-5"; the stored form has fixed widths.
    let fixed = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    if !fixed {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// A date as a person types it: `dd/mm/yyyy`, `d/m/yyyy` (with `/`, `.` or
/// `-` between the parts), or the stored `yyyy-mm-dd`; `None` when it is not a
/// day that exists.
pub fn parse_typed(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Some(date) = parse_iso(text) {
        return Some(date);
    }
    let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let digits = |s: &str, lengths: &[usize]| {
        lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(d, &[1, 2]) && digits(m, &[1, 2]) && digits(y, &[4])) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The stored form of a date.
pub fn to_iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// `2027-03-15` → `15/03/2027`; anything that is not a stored date is given back as it is.
pub fn format_vi(iso: &str) -> String {
    match parse_iso(iso) {
        Some(date) => date.format("%d/%m/%Y").to_string(),
        None => iso.to_string(),
    }
}

/// A moment (RFC 3339) as people in Vietnam read it: `dd/mm/yyyy hh:mm` in
/// Vietnam's time (UTC+7, no daylight saving); given back as it is when it
/// cannot be read.
pub fn moment_vi(rfc3339: &str) -> String {
    let vietnam = chrono::FixedOffset::east_opt(7 * 3600);
    match (
        chrono::DateTime::parse_from_rfc3339(rfc3339.trim()),
        vietnam,
    ) {
        (Ok(t), Some(tz)) => t.with_timezone(&tz).format("%d/%m/%Y %H:%M").to_string(),
        _ => rfc3339.to_string(),
    }
}

/// The day it is in Vietnam (UTC+7) at the moment `now`.
pub fn day_in_vietnam(now: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    let offset = chrono::FixedOffset::east_opt(7 * 3600);
    match offset {
        Some(tz) => now.with_timezone(&tz).date_naive(),
        None => now.date_naive(),
    }
}

/// The header's place and date: "Gia Lai, ngày 05 tháng 01 năm 2027",
/// "…, ngày 15 tháng 3 năm 2027"; blanks to fill by hand while the date is not
/// set (the plan's `year` stands in the blank's place).
pub fn place_and_date(place: &str, iso: &str, year: i32) -> String {
    let place = match place.trim() {
        "" => "……",
        p => p,
    };
    match parse_iso(iso) {
        Some(date) => {
            let month = date.month();
            let month = if month <= 2 {
                format!("{month:02}")
            } else {
                month.to_string()
            };
            format!(
                "{place}, ngày {:02} tháng {month} năm {}",
                date.day(),
                date.year()
            )
        }
        None => format!("{place}, ngày      tháng      năm {year}"),
    }
}

/// The same calendar day `years` years later (or earlier); 29 February
/// becomes 28 February in a year that has none.
pub fn shift_years(date: NaiveDate, years: i32) -> Option<NaiveDate> {
    let months = years.unsigned_abs().checked_mul(12)?;
    if years >= 0 {
        date.checked_add_months(Months::new(months))
    } else {
        date.checked_sub_months(Months::new(months))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moment_is_shown_in_vietnam_time() {
        assert_eq!(moment_vi("2026-11-26T20:05:12.345Z"), "27/11/2026 03:05");
        assert_eq!(moment_vi("2026-11-26T08:00:00+07:00"), "26/11/2026 08:00");
        assert_eq!(moment_vi("không rõ"), "không rõ");
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
    }

    #[test]
    fn stored_dates_must_exist_and_have_the_fixed_form() {
        assert_eq!(parse_iso("2027-03-15"), Some(day(2027, 3, 15)));
        assert_eq!(parse_iso(" 2027-03-15 "), Some(day(2027, 3, 15)));
        for bad in [
            "2027-02-30",
            "2027-13-01",
            "2027-3-5",
            "15/03/2027",
            "",
            "mùng 5 tháng Giêng",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn typed_dates_are_read_day_first() {
        assert_eq!(parse_typed("15/03/2027"), Some(day(2027, 3, 15)));
        assert_eq!(parse_typed("3/2/2027"), Some(day(2027, 2, 3)));
        assert_eq!(parse_typed("03.02.2027"), Some(day(2027, 2, 3)));
        assert_eq!(parse_typed("2027-02-03"), Some(day(2027, 2, 3)));
        for bad in ["30/02/2027", "15/3/27", "15/03", "a/b/cdef", "1/1/20270"] {
            assert_eq!(parse_typed(bad), None, "{bad}");
        }
    }

    #[test]
    fn shown_day_first_with_leading_zeros() {
        assert_eq!(format_vi("2027-03-05"), "05/03/2027");
        assert_eq!(format_vi(""), "");
        assert_eq!(format_vi("sắp tới"), "sắp tới");
        assert_eq!(to_iso(day(2027, 1, 5)), "2027-01-05");
    }

    #[test]
    fn the_header_follows_the_leading_zero_rule() {
        for (date, header) in [
            ("2027-01-05", "Gia Lai, ngày 05 tháng 01 năm 2027"),
            ("2027-02-15", "Gia Lai, ngày 15 tháng 02 năm 2027"),
            ("2027-03-09", "Gia Lai, ngày 09 tháng 3 năm 2027"),
            ("2027-12-31", "Gia Lai, ngày 31 tháng 12 năm 2027"),
        ] {
            assert_eq!(place_and_date("Gia Lai", date, 2027), header, "{date}");
        }
        assert_eq!(
            place_and_date("", "", 2027),
            "……, ngày      tháng      năm 2027"
        );
    }

    #[test]
    fn a_year_later_keeps_the_day_except_29_february() {
        assert_eq!(shift_years(day(2026, 3, 15), 1), Some(day(2027, 3, 15)));
        assert_eq!(shift_years(day(2028, 2, 29), 1), Some(day(2029, 2, 28)));
        assert_eq!(shift_years(day(2028, 2, 29), 4), Some(day(2032, 2, 29)));
        assert_eq!(shift_years(day(2027, 5, 1), -2), Some(day(2025, 5, 1)));
    }
}
