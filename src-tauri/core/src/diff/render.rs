//! The differences as plain Vietnamese text for a terminal (`commplan diff`).

use super::{CountChange, ListDiff, PlanDiff, SegmentKind, TextChange, TotalChange, WordSegment};
use crate::model::Step;
use crate::money::Money;

const NOT_COMPUTABLE: &str = "không tính được";
const INDENT: &str = "    ";

fn money_or_not(m: Option<Money>) -> String {
    m.map(Money::display)
        .unwrap_or_else(|| NOT_COMPUTABLE.to_string())
}

fn shown(value: &str) -> &str {
    if value.is_empty() { "(trống)" } else { value }
}

fn is_short(value: &str) -> bool {
    value.chars().count() <= 70 && !value.contains('\n')
}

/// Indents every line after the first.
fn indented(text: &str, indent: &str) -> String {
    text.replace('\n', &format!("\n{indent}"))
}

/// A word diff inline: removed text in [-…-], added text in {+…+}; long
/// unchanged stretches are shortened to their ends.
fn inline_words(words: &[WordSegment]) -> String {
    let mut out = String::new();
    for w in words {
        match w.kind {
            SegmentKind::Same => {
                let chars: Vec<char> = w.text.chars().collect();
                if chars.len() > 120 {
                    // Keep whole words at both ends of what is left out.
                    let head: String = chars[..50].iter().collect();
                    let head = head.rsplit_once(' ').map_or(head.as_str(), |(h, _)| h);
                    let tail: String = chars[chars.len() - 50..].iter().collect();
                    let tail = tail.split_once(' ').map_or(tail.as_str(), |(_, t)| t);
                    out.push_str(&format!("{head} … {tail}"));
                } else {
                    out.push_str(&w.text);
                }
            }
            SegmentKind::Added => out.push_str(&format!("{{+{}+}}", w.text)),
            SegmentKind::Removed => out.push_str(&format!("[-{}-]", w.text)),
        }
    }
    out
}

fn before_after(out: &mut String, indent: &str, label: &str, before: &str, after: &str) {
    if is_short(before) && is_short(after) {
        out.push_str(&format!(
            "{indent}{label}: {} → {}\n",
            shown(before),
            shown(after)
        ));
    } else {
        let deeper = format!("{indent}{INDENT}");
        out.push_str(&format!("{indent}{label}:\n"));
        out.push_str(&format!(
            "{deeper}Trước: {}\n",
            indented(shown(before), &deeper)
        ));
        out.push_str(&format!(
            "{deeper}Sau:   {}\n",
            indented(shown(after), &deeper)
        ));
    }
}

fn total_line(label: &str, t: &TotalChange) -> String {
    if !t.changed() {
        return format!("{label}: {} (không đổi)", money_or_not(t.after));
    }
    let difference = t.difference.map(|d| format!(" ({d})")).unwrap_or_default();
    format!(
        "{label}: {} → {}{difference}",
        money_or_not(t.before),
        money_or_not(t.after)
    )
}

fn count_line(label: &str, c: &CountChange) -> String {
    if c.before == c.after {
        format!("{label}: {} (không đổi)", c.before)
    } else {
        format!("{label}: {} → {}", c.before, c.after)
    }
}

/// The differences as plain Vietnamese text for a terminal, grouped by step:
/// "+" an added item, "−" a removed one, "~" a changed one, "↕" a moved one.
/// Long texts show their word diff, removed words in [-…-], added in {+…+}.
pub fn render_text(d: &PlanDiff) -> String {
    let mut out = String::from("Những thay đổi giữa hai phiên bản kế hoạch\n");
    if d.is_empty() {
        out.push_str("\nHai phiên bản giống nhau: không có thay đổi nào.\n");
    }
    for step in Step::ALL {
        let texts: Vec<&TextChange> = d.texts.iter().filter(|t| t.step == step).collect();
        let lists: Vec<&ListDiff> = d.lists.iter().filter(|l| l.step == step).collect();
        if texts.is_empty() && lists.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{}\n", step.label_vi().to_uppercase()));
        for t in texts {
            if is_short(&t.before) && is_short(&t.after) {
                before_after(&mut out, "  ", &t.label, &t.before, &t.after);
            } else {
                out.push_str(&format!("  {}:\n", t.label));
                let deeper = format!("  {INDENT}");
                out.push_str(&format!(
                    "{deeper}{}\n",
                    indented(&inline_words(&t.words), &deeper)
                ));
            }
        }
        for l in lists {
            out.push_str(&format!(
                "  {}: thêm {}, bỏ {}, sửa {}{}\n",
                l.label,
                l.added.len(),
                l.removed.len(),
                l.changed.len(),
                if l.moved.is_empty() {
                    String::new()
                } else {
                    format!(", đổi thứ tự {}", l.moved.len())
                }
            ));
            for i in &l.added {
                out.push_str(&format!("    + {}\n", i.summary));
            }
            for i in &l.removed {
                out.push_str(&format!("    − {}\n", i.summary));
            }
            for c in &l.changed {
                out.push_str(&format!("    ~ {}\n", c.summary));
                for f in &c.fields {
                    before_after(&mut out, "        ", &f.label, &f.before, &f.after);
                }
            }
            for i in &l.moved {
                out.push_str(&format!("    ↕ {}\n", i.summary));
            }
        }
    }
    let t = &d.totals;
    out.push_str("\nTỔNG HỢP\n");
    for line in [
        total_line("Tổng kinh phí đề xuất", &t.proposed),
        total_line("Tổng kinh phí được duyệt", &t.approved),
        count_line("Số chính sách", &t.policies),
        count_line("Số hoạt động", &t.activities),
        count_line("Số dòng kinh phí", &t.budget_lines),
    ] {
        out.push_str(&format!("  {line}\n"));
    }
    out
}
