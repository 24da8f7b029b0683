//! The automatic rule: the lines a name is set in, chosen among every way of
//! breaking it (dynamic programming over the words) by one cost. In order of
//! weight: a break inside a word of two syllables or after a word that leans
//! on the next, then a word alone on a line, then a break between the words
//! of a longer phrase ("ỦY BAN / NHÂN DÂN") each cost more than a line more;
//! a line costs more than a break between words that are not a phrase; such a break costs more than any unevenness of the lines; then
//! lines of even length, the longer above (centred names read as an inverted
//! pyramid: "SỞ VĂN HÓA, THỂ THAO / VÀ DU LỊCH").

use std::collections::HashMap;

use super::phrases::{Gap, gaps};

/// Each line.
const LINE: f64 = 10_000.0;
/// A break inside a phrase, times its weight: 2 inside a word of two
/// syllables, 1 between the words of a longer phrase.
const INSIDE: f64 = 25_000.0;
/// A word alone on a line (when there are more): when one of the two cannot
/// be avoided, "SỞ NÔNG NGHIỆP / VÀ" rather than "SỞ NÔNG / NGHIỆP VÀ".
const ALONE: f64 = 40_000.0;
/// A break between two words that are not one phrase.
const PLAIN: f64 = 2_000.0;
/// Times the sum of the squares of the lines' widths (each as a share of the
/// column): even lines cost least.
const EVEN: f64 = 1_000.0;
/// Times how much wider a line is than the one above it (as a share).
const WIDER_BELOW: f64 = 500.0;

fn gap_cost(gap: Gap) -> f64 {
    match gap {
        Gap::Phrase => 0.0,
        Gap::Plain => PLAIN,
        Gap::Inside(n) => INSIDE * f64::from(n),
    }
}

/// The number of words of each line `words` are set in, in a column `max`
/// wide, `width` measuring a line as printed. A line holds as many words as
/// fit; a word wider than the column is a line of its own.
pub(super) fn automatic(words: &[&str], max: f32, width: &dyn Fn(&str) -> f32) -> Vec<usize> {
    let n = words.len();
    if n == 0 {
        return Vec::new();
    }
    let gaps = gaps(words);
    let max = f64::from(max.max(1.0));
    // The width of each line that fits (as a share of the column), by (start, end).
    let mut lines: HashMap<(usize, usize), f64> = HashMap::new();
    for i in 0..n {
        for j in i + 1..=n {
            let w = f64::from(width(&words[i..j].join(" "))) / max;
            if w > 1.0 + 1e-6 && j > i + 1 {
                break;
            }
            lines.insert((i, j), w);
        }
    }
    let own = |i: usize, j: usize, w: f64| {
        let alone = if j == i + 1 && n > 1 { ALONE } else { 0.0 };
        let gap = if i > 0 { gap_cost(gaps[i - 1]) } else { 0.0 };
        LINE + EVEN * w * w + alone + gap
    };
    // The cheapest way to set words[..j] with words[i..j] as the last line,
    // and where the line above it starts.
    let mut best: HashMap<(usize, usize), (f64, usize)> = HashMap::new();
    for j in 1..=n {
        for i in 0..j {
            let Some(&w) = lines.get(&(i, j)) else {
                continue;
            };
            let cost = own(i, j, w);
            let found = if i == 0 {
                Some((cost, 0))
            } else {
                (0..i)
                    .filter_map(|h| {
                        let above = lines.get(&(h, i))?;
                        let (before, _) = best.get(&(h, i))?;
                        Some((before + cost + WIDER_BELOW * (w - above).max(0.0), h))
                    })
                    .min_by(|a, b| a.0.total_cmp(&b.0))
            };
            if let Some(found) = found {
                best.insert((i, j), found);
            }
        }
    }
    let mut start = (0..n)
        .filter_map(|i| best.get(&(i, n)).map(|(c, _)| (*c, i)))
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map_or(0, |(_, i)| i);
    let mut end = n;
    let mut counts = vec![end - start];
    while start > 0 {
        let above = best.get(&(start, end)).map_or(0, |(_, h)| *h);
        counts.push(start - above);
        end = start;
        start = above;
    }
    counts.reverse();
    counts
}
