//! Amounts in Vietnamese words, for "Bằng chữ: …" under a total.
//!
//! House style (one rule each, applied everywhere):
//! - groups of three digits are read with "nghìn", "triệu", "tỷ"; past a
//!   billion the scales repeat ("nghìn tỷ", "triệu tỷ");
//! - a group of three zeros inside the number is left out; any other group
//!   after the first is read in full, hundreds included ("một nghìn không
//!   trăm linh năm");
//! - a zero in the tens before a non-zero unit is "linh" ("một trăm linh năm");
//! - 10–19 are "mười …"; the tens from 20 on are "… mươi";
//! - after "mươi", 1 is "mốt", 4 is "tư" and 5 is "lăm"; after "mười", 5 is
//!   "lăm"; 5 after "linh" stays "năm";
//! - the first letter is a capital and the text ends with " đồng".

use crate::money::Money;

const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];
const SCALES: [&str; 6] = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ"];

fn digit(d: u64) -> &'static str {
    DIGITS[usize::try_from(d).unwrap_or(0) % 10]
}

/// Reads one group of three digits. `full` reads the hundreds even when zero.
fn group_words(n: u64, full: bool, out: &mut Vec<&'static str>) {
    let (h, t, u) = (n / 100, (n / 10) % 10, n % 10);
    if full || h > 0 {
        out.push(digit(h));
        out.push("trăm");
    }
    match t {
        0 => {
            if u > 0 {
                if full || h > 0 {
                    out.push("linh");
                }
                out.push(digit(u));
            }
        }
        1 => {
            out.push("mười");
            match u {
                0 => {}
                5 => out.push("lăm"),
                _ => out.push(digit(u)),
            }
        }
        _ => {
            out.push(digit(t));
            out.push("mươi");
            match u {
                0 => {}
                1 => out.push("mốt"),
                4 => out.push("tư"),
                5 => out.push("lăm"),
                _ => out.push(digit(u)),
            }
        }
    }
}

/// The number in words, lower case, without "đồng": 1005 → "một nghìn không trăm linh năm".
pub fn number_words(n: u64) -> String {
    if n == 0 {
        return "không".to_string();
    }
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push(rest % 1000);
        rest /= 1000;
    }
    let mut words: Vec<&'static str> = Vec::new();
    let top = groups.len() - 1;
    for (i, g) in groups.iter().enumerate().rev() {
        if *g == 0 {
            continue;
        }
        group_words(*g, i != top, &mut words);
        if let Some(scale) = SCALES.get(i).filter(|s| !s.is_empty()) {
            words.push(scale);
        }
    }
    words.join(" ")
}

/// "Mười hai triệu năm trăm nghìn đồng".
pub fn amount_in_words(amount: Money) -> String {
    let n = u64::try_from(amount.dong()).unwrap_or(0);
    let text = format!("{} đồng", number_words(n));
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::MAX_AMOUNT;

    #[test]
    fn the_house_style_table() {
        let cases: &[(u64, &str)] = &[
            (0, "Không đồng"),
            (1, "Một đồng"),
            (4, "Bốn đồng"),
            (5, "Năm đồng"),
            (10, "Mười đồng"),
            (11, "Mười một đồng"),
            (14, "Mười bốn đồng"),
            (15, "Mười lăm đồng"),
            (20, "Hai mươi đồng"),
            (21, "Hai mươi mốt đồng"),
            (24, "Hai mươi tư đồng"),
            (25, "Hai mươi lăm đồng"),
            (55, "Năm mươi lăm đồng"),
            (100, "Một trăm đồng"),
            (101, "Một trăm linh một đồng"),
            (104, "Một trăm linh bốn đồng"),
            (105, "Một trăm linh năm đồng"),
            (110, "Một trăm mười đồng"),
            (115, "Một trăm mười lăm đồng"),
            (999, "Chín trăm chín mươi chín đồng"),
            (1_000, "Một nghìn đồng"),
            (1_001, "Một nghìn không trăm linh một đồng"),
            (1_005, "Một nghìn không trăm linh năm đồng"),
            (1_010, "Một nghìn không trăm mười đồng"),
            (1_021, "Một nghìn không trăm hai mươi mốt đồng"),
            (10_000, "Mười nghìn đồng"),
            (15_000, "Mười lăm nghìn đồng"),
            (21_000, "Hai mươi mốt nghìn đồng"),
            (100_000, "Một trăm nghìn đồng"),
            (105_000, "Một trăm linh năm nghìn đồng"),
            (1_000_000, "Một triệu đồng"),
            (1_000_001, "Một triệu không trăm linh một đồng"),
            (1_001_000, "Một triệu không trăm linh một nghìn đồng"),
            (12_500_000, "Mười hai triệu năm trăm nghìn đồng"),
            (30_000_000, "Ba mươi triệu đồng"),
            (
                125_450_000,
                "Một trăm hai mươi lăm triệu bốn trăm năm mươi nghìn đồng",
            ),
            (1_000_000_000, "Một tỷ đồng"),
            (1_000_000_005, "Một tỷ không trăm linh năm đồng"),
            (2_024_000_000, "Hai tỷ không trăm hai mươi tư triệu đồng"),
            (1_000_000_000_000, "Một nghìn tỷ đồng"),
            (
                MAX_AMOUNT as u64,
                "Chín trăm chín mươi chín nghìn tỷ chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng",
            ),
        ];
        assert!(cases.len() >= 30);
        for (n, expected) in cases {
            let money = Money::new(i64::try_from(*n).expect("fits")).expect("valid");
            assert_eq!(amount_in_words(money), *expected, "{n}");
        }
    }
}
