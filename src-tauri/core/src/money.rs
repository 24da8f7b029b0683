//! Money and quantities, exactly.
//!
//! Money is whole đồng in an `i64`, never a float, with checked arithmetic.
//! It crosses IPC as a string ("12500000"), since JavaScript numbers are exact
//! only to 2^53 − 1. Users type and read it the Vietnamese way: "12.500.000"
//! (a dot groups thousands), shown as "12.500.000 đ".
//!
//! Quantities carry up to two decimals, kept as hundredths in an `i64`
//! ("2,5" = 250). The amount of a line is quantity × unit price, rounded to
//! whole đồng by one rule: **half up** (…,5 đồng and above go up), computed in
//! `i128` and checked against [`MAX_AMOUNT`].

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

use crate::error::{AppError, Result};

/// The largest amount a line, a total or an approved figure may hold:
/// 999.999.999.999.999 đ (just under a million billion đồng).
pub const MAX_AMOUNT: i64 = 999_999_999_999_999;
/// The largest quantity, in hundredths (9.999.999,99).
pub const MAX_QUANTITY_CENTI: i64 = 999_999_999;

/// Whole đồng, 0 ≤ value ≤ [`MAX_AMOUNT`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, TS)]
#[ts(type = "string")]
pub struct Money(i64);

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn new(dong: i64) -> Result<Money> {
        if dong < 0 {
            return Err(AppError::validation("Số tiền không được âm."));
        }
        if dong > MAX_AMOUNT {
            return Err(AppError::validation(format!(
                "Số tiền vượt mức tối đa cho phép ({} đ).",
                group(MAX_AMOUNT)
            )));
        }
        Ok(Money(dong))
    }

    pub fn dong(self) -> i64 {
        self.0
    }

    /// Sum, or an error when it would pass [`MAX_AMOUNT`]: never a silent overflow.
    pub fn checked_add(self, other: Money) -> Result<Money> {
        self.0
            .checked_add(other.0)
            .ok_or_else(too_large)
            .and_then(Money::new)
            .map_err(|_| too_large())
    }

    /// Parses what a user types: "12.500.000", "12500000", "12 500 000", with or
    /// without "đ". Refuses decimals, commas, negative values and misplaced dots.
    pub fn parse(input: &str) -> Result<Money> {
        let s = input
            .trim()
            .trim_end_matches('đ')
            .trim_end_matches("VNĐ")
            .trim();
        if s.is_empty() {
            return Err(AppError::validation("Hãy nhập số tiền (ví dụ 12.500.000)."));
        }
        if s.starts_with('-') || s.starts_with('−') {
            return Err(AppError::validation("Số tiền không được âm."));
        }
        if s.contains(',') {
            return Err(AppError::validation(
                "Số tiền tính bằng đồng, không có phần thập phân: dùng dấu chấm để phân cách hàng nghìn (ví dụ 12.500.000).",
            ));
        }
        let compact: String = s.chars().filter(|c| *c != ' ' && *c != '\u{a0}').collect();
        let digits = if compact.contains('.') {
            let groups: Vec<&str> = compact.split('.').collect();
            let well_grouped = groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
                && groups[1..].iter().all(|g| g.len() == 3);
            if !well_grouped {
                return Err(AppError::validation(format!(
                    "“{}” không phải là số tiền hợp lệ: dấu chấm chỉ dùng để phân cách hàng nghìn (ví dụ 1.500.000).",
                    input.trim()
                )));
            }
            groups.concat()
        } else {
            compact
        };
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(AppError::validation(format!(
                "“{}” không phải là số tiền hợp lệ (ví dụ 12.500.000).",
                input.trim()
            )));
        }
        // More than 15 digits is over the maximum whatever they are.
        let value: i64 = digits.parse().map_err(|_| too_large())?;
        Money::new(value)
    }

    /// "12.500.000 đ".
    pub fn display(self) -> String {
        format!("{} đ", group(self.0))
    }
}

fn too_large() -> AppError {
    AppError::validation(format!(
        "Số tiền vượt mức tối đa cho phép ({} đ).",
        group(MAX_AMOUNT)
    ))
}

/// Digits grouped by dots: 12500000 → "12.500.000".
pub fn group(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

impl FromStr for Money {
    type Err = AppError;
    fn from_str(s: &str) -> Result<Money> {
        Money::parse(s)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.to_string())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Money, D::Error> {
        let s = String::deserialize(d)?;
        let n: i64 = s.parse().map_err(serde::de::Error::custom)?;
        Money::new(n).map_err(|e| serde::de::Error::custom(e.message))
    }
}

/// A quantity in hundredths: 250 = 2,5.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize, TS,
)]
pub struct Quantity(#[ts(type = "number")] pub i64);

impl Quantity {
    /// Parses "3", "2,5", "2,25", "1.000" (thousands) or "1.000,5".
    pub fn parse(input: &str) -> Result<Quantity> {
        let s: String = input.trim().chars().filter(|c| *c != ' ').collect();
        if s.is_empty() {
            return Err(AppError::validation(
                "Hãy nhập số lượng (ví dụ 2 hoặc 2,5).",
            ));
        }
        if s.starts_with('-') || s.starts_with('−') {
            return Err(AppError::validation("Số lượng không được âm."));
        }
        let (whole, frac) = match s.split_once(',') {
            Some((w, f)) => (w.to_string(), f.to_string()),
            None => (s.clone(), String::new()),
        };
        let whole = if whole.contains('.') {
            let groups: Vec<&str> = whole.split('.').collect();
            let ok = groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
                && groups[1..].iter().all(|g| g.len() == 3);
            if !ok {
                return Err(AppError::validation(format!(
                    "“{}”: số thập phân viết bằng dấu phẩy (ví dụ 2,5); dấu chấm chỉ phân cách hàng nghìn.",
                    input.trim()
                )));
            }
            groups.concat()
        } else {
            whole
        };
        if frac.len() > 2 {
            return Err(AppError::validation(
                "Số lượng chỉ có tối đa hai chữ số thập phân (ví dụ 2,25).",
            ));
        }
        let all_digits = |t: &str| t.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty() || !all_digits(&whole) || !all_digits(&frac) {
            return Err(AppError::validation(format!(
                "“{}” không phải là số lượng hợp lệ (ví dụ 2 hoặc 2,5).",
                input.trim()
            )));
        }
        let frac_centi = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().unwrap_or(0) * 10,
            _ => frac.parse::<i64>().unwrap_or(0),
        };
        let centi = whole
            .parse::<i64>()
            .ok()
            .and_then(|w| w.checked_mul(100))
            .and_then(|w| w.checked_add(frac_centi))
            .filter(|c| *c <= MAX_QUANTITY_CENTI)
            .ok_or_else(|| AppError::validation("Số lượng quá lớn (tối đa 9.999.999,99)."))?;
        Ok(Quantity(centi))
    }

    /// "2,5", "3", "1.000,25".
    pub fn display(self) -> String {
        let whole = group(self.0 / 100);
        match self.0 % 100 {
            0 => whole,
            f if f % 10 == 0 => format!("{whole},{}", f / 10),
            f => format!("{whole},{f:02}"),
        }
    }
}

/// quantity × unit price, rounded half up to whole đồng; an error past [`MAX_AMOUNT`].
pub fn line_amount(quantity: Quantity, unit_price: Money) -> Result<Money> {
    let product = i128::from(quantity.0) * i128::from(unit_price.0);
    let rounded = (product + 50) / 100;
    let dong = i64::try_from(rounded).map_err(|_| too_large())?;
    Money::new(dong).map_err(|_| {
        AppError::validation(format!(
            "Thành tiền ({} × {}) vượt mức tối đa cho phép ({} đ).",
            quantity.display(),
            unit_price.display(),
            group(MAX_AMOUNT)
        ))
    })
}

/// Sum of amounts, or an error: never a silent overflow.
pub fn sum<I: IntoIterator<Item = Money>>(amounts: I) -> Result<Money> {
    amounts
        .into_iter()
        .try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(s: &str) -> Money {
        Money::parse(s).unwrap_or_else(|e| panic!("{s}: {}", e.message))
    }

    #[test]
    fn money_is_typed_with_or_without_thousand_dots() {
        assert_eq!(money("12.500.000").dong(), 12_500_000);
        assert_eq!(money("12500000").dong(), 12_500_000);
        assert_eq!(money("12 500 000 đ").dong(), 12_500_000);
        assert_eq!(money("0").dong(), 0);
        assert_eq!(money("999.999.999.999.999").dong(), MAX_AMOUNT);
    }

    #[test]
    fn bad_money_gets_a_clear_vietnamese_message() {
        for (input, part) in [
            ("12,5", "không có phần thập phân"),
            ("1.5", "dấu chấm chỉ dùng để phân cách hàng nghìn"),
            ("1.5000", "dấu chấm chỉ dùng để phân cách hàng nghìn"),
            ("-5", "không được âm"),
            ("", "Hãy nhập số tiền"),
            ("abc", "không phải là số tiền hợp lệ"),
            ("1000000000000000", "vượt mức tối đa"),
            ("99999999999999999999999", "vượt mức tối đa"),
        ] {
            let err = Money::parse(input).expect_err(input);
            assert!(err.message.contains(part), "{input}: {}", err.message);
        }
    }

    #[test]
    fn money_displays_the_vietnamese_way() {
        assert_eq!(Money(12_500_000).display(), "12.500.000 đ");
        assert_eq!(Money(0).display(), "0 đ");
        assert_eq!(Money(999).display(), "999 đ");
        assert_eq!(Money(1_000).display(), "1.000 đ");
    }

    #[test]
    fn money_crosses_ipc_as_a_string() {
        let json = serde_json::to_string(&Money(MAX_AMOUNT)).expect("json");
        assert_eq!(json, "\"999999999999999\"");
        let back: Money = serde_json::from_str(&json).expect("parse");
        assert_eq!(back, Money(MAX_AMOUNT));
        assert!(serde_json::from_str::<Money>("\"-1\"").is_err());
    }

    #[test]
    fn quantities_have_at_most_two_decimals() {
        assert_eq!(Quantity::parse("3").expect("3").0, 300);
        assert_eq!(Quantity::parse("2,5").expect("2,5").0, 250);
        assert_eq!(Quantity::parse("2,25").expect("2,25").0, 225);
        assert_eq!(Quantity::parse("1.000").expect("1.000").0, 100_000);
        assert_eq!(Quantity::parse("1.000,5").expect("1.000,5").0, 100_050);
        assert!(
            Quantity::parse("2,255")
                .expect_err("3 decimals")
                .message
                .contains("hai chữ số")
        );
        assert!(Quantity::parse("1.5").is_err());
        assert!(Quantity::parse("-1").is_err());
        assert_eq!(Quantity(250).display(), "2,5");
        assert_eq!(Quantity(225).display(), "2,25");
        assert_eq!(Quantity(100_000).display(), "1.000");
    }

    #[test]
    fn amounts_round_half_up_to_whole_dong() {
        // 2,5 × 3 đ = 7,5 đ → 8 đ; 0,01 × 49 đ = 0,49 đ → 0 đ; 0,01 × 50 đ = 0,5 đ → 1 đ.
        assert_eq!(line_amount(Quantity(250), Money(3)).expect("ok"), Money(8));
        assert_eq!(line_amount(Quantity(1), Money(49)).expect("ok"), Money(0));
        assert_eq!(line_amount(Quantity(1), Money(50)).expect("ok"), Money(1));
        assert_eq!(
            line_amount(Quantity(1_200), Money(2_500_000)).expect("ok"),
            Money(30_000_000)
        );
        assert!(line_amount(Quantity(MAX_QUANTITY_CENTI), Money(MAX_AMOUNT)).is_err());
    }

    #[test]
    fn sums_never_overflow_silently() {
        assert_eq!(sum([Money(1), Money(2)]).expect("ok"), Money(3));
        assert!(sum([Money(MAX_AMOUNT), Money(1)]).is_err());
    }
}
