//! Line breaking: a paragraph's spans cut into tokens (words with the space
//! after them), words too wide for a line broken into pieces, and the tokens
//! filled greedily into lines that remember their gaps for justification.

use crate::fonts::{Fonts, Style};

use super::Para;

/// A laid-out line: its runs of one style each, its natural width, the number
/// of gaps between words, and whether it ends its paragraph (not justified).
pub(super) struct Line {
    pub(super) runs: Vec<(Style, Vec<String>)>,
    pub(super) width: f32,
    pub(super) gaps: usize,
    pub(super) last: bool,
}

struct Token {
    text: String,
    style: Style,
    width: f32,
    space: f32,
    /// The token ends with a space (a gap to the next token on the line).
    spaced: bool,
}

fn tokens(fonts: &Fonts, para: &Para) -> Vec<Vec<Token>> {
    // Paragraph text may hold explicit line breaks: each becomes its own group.
    let mut groups = vec![Vec::new()];
    for s in &para.spans {
        let space = fonts.width(s.style, para.size, " ");
        let mut parts = s.text.split('\n').peekable();
        while let Some(part) = parts.next() {
            let words: Vec<&str> = part.split(' ').collect();
            let n = words.len();
            for (i, w) in words.into_iter().enumerate() {
                let spaced = i + 1 < n;
                if w.is_empty() {
                    if spaced
                        && let Some(last) = groups
                            .last_mut()
                            .and_then(|g: &mut Vec<Token>| g.last_mut())
                    {
                        if last.spaced {
                            // Several spaces in a row keep their width ("ngày    tháng").
                            last.text.push(' ');
                            last.width += space;
                        } else {
                            // A span that starts with a space: a gap after the previous word.
                            last.spaced = true;
                        }
                    }
                    continue;
                }
                groups.last_mut().expect("a group").push(Token {
                    text: w.to_string(),
                    style: s.style,
                    width: fonts.width(s.style, para.size, w),
                    space,
                    spaced,
                });
            }
            if parts.peek().is_some() {
                groups.push(Vec::new());
            }
        }
    }
    groups
}

/// Breaks a word wider than the line into pieces that fit.
fn split_long(fonts: &Fonts, t: Token, size: f32, max: f32) -> Vec<Token> {
    if t.width <= max {
        return vec![t];
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in t.text.chars() {
        let mut next = cur.clone();
        next.push(c);
        if !cur.is_empty() && fonts.width(t.style, size, &next) > max {
            out.push(Token {
                width: fonts.width(t.style, size, &cur),
                text: std::mem::take(&mut cur),
                style: t.style,
                space: t.space,
                spaced: false,
            });
            next = c.to_string();
        }
        cur = next;
    }
    out.push(Token {
        width: fonts.width(t.style, size, &cur),
        text: cur,
        style: t.style,
        space: t.space,
        spaced: t.spaced,
    });
    out
}

/// The tokens gathered for one line, joined into runs of one style.
fn line_of(toks: Vec<Token>) -> Line {
    let mut runs: Vec<(Style, Vec<String>)> = Vec::new();
    let mut w = 0.0;
    let mut gaps = 0;
    let n = toks.len();
    for (i, mut t) in toks.into_iter().enumerate() {
        let last = i + 1 == n;
        if last {
            // Spaces at the end of a line take no room.
            let trimmed = t.text.trim_end().len();
            let dropped = t.text.len() - trimmed;
            if dropped > 0 {
                t.text.truncate(trimmed);
                t.width -= t.space * dropped as f32;
            }
        }
        let text = if t.spaced && !last {
            format!("{} ", t.text)
        } else {
            t.text
        };
        w += t.width + if t.spaced && !last { t.space } else { 0.0 };
        if t.spaced && !last {
            gaps += 1;
        }
        match runs.last_mut() {
            Some((style, pieces)) if *style == t.style => pieces.push(text),
            _ => runs.push((t.style, vec![text])),
        }
    }
    Line {
        runs,
        width: w,
        gaps,
        last: false,
    }
}

/// A paragraph broken into lines `width` wide, the first indented.
pub(super) fn wrap(fonts: &Fonts, para: &Para, width: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    for group in tokens(fonts, para) {
        let mut current: Vec<Token> = Vec::new();
        let mut used = 0.0;
        let indent = if lines.is_empty() {
            para.first_indent
        } else {
            0.0
        };
        let mut limit = width - indent;
        for t in group {
            for t in split_long(fonts, t, para.size, limit.max(10.0)) {
                let need = if current.is_empty() {
                    t.width
                } else {
                    current
                        .last()
                        .map_or(0.0, |p| if p.spaced { p.space } else { 0.0 })
                        + t.width
                };
                if !current.is_empty() && used + need > limit + 0.01 {
                    lines.push(line_of(std::mem::take(&mut current)));
                    used = 0.0;
                    limit = width;
                    used += t.width;
                } else {
                    used += need;
                }
                current.push(t);
            }
        }
        if current.is_empty() {
            lines.push(Line {
                runs: Vec::new(),
                width: 0.0,
                gaps: 0,
                last: true,
            });
        } else {
            lines.push(line_of(current));
        }
        // The last line of each group is not justified.
        if let Some(l) = lines.last_mut() {
            l.last = true;
        }
    }
    lines
}

/// Height of a paragraph laid out in `width`.
pub fn para_height(fonts: &Fonts, para: &Para, width: f32) -> f32 {
    let n = wrap(fonts, para, width).len() as f32;
    para.space_before + n * para.size * para.leading + para.space_after
}
