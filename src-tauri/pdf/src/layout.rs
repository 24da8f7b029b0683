//! A small layout engine for administrative documents: paragraphs wrapped
//! greedily and justified by spreading the gaps, tables whose header row
//! repeats on every page they span and whose rows split line by line, columns
//! kept side by side, and pages with a running number and a draft mark.
//! Coordinates are points, y measured down from the top of the page.

use crate::fonts::{Fonts, Style};

pub const MM: f32 = 72.0 / 25.4;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Align {
    Left,
    Center,
    Right,
    Justify,
}

#[derive(Debug, Clone)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

pub fn span(text: impl Into<String>, style: Style) -> Span {
    Span {
        text: text.into(),
        style,
    }
}

#[derive(Debug, Clone)]
pub struct Para {
    pub spans: Vec<Span>,
    pub size: f32,
    pub align: Align,
    pub first_indent: f32,
    pub space_before: f32,
    pub space_after: f32,
    /// Baseline-to-baseline distance as a multiple of the size.
    pub leading: f32,
}

impl Para {
    pub fn new(spans: Vec<Span>, size: f32, align: Align) -> Para {
        Para {
            spans,
            size,
            align,
            first_indent: 0.0,
            space_before: 0.0,
            space_after: 0.0,
            leading: 1.2,
        }
    }

    pub fn indent(mut self, first: f32) -> Para {
        self.first_indent = first;
        self
    }

    pub fn after(mut self, pt: f32) -> Para {
        self.space_after = pt;
        self
    }

    pub fn before(mut self, pt: f32) -> Para {
        self.space_before = pt;
        self
    }
}

#[derive(Debug, Clone)]
pub struct Cell {
    pub paras: Vec<Para>,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub widths: Vec<f32>,
    pub header: Vec<Cell>,
    pub rows: Vec<Vec<Cell>>,
    pub padding: f32,
}

#[derive(Debug, Clone)]
pub enum Block {
    Para(Para),
    /// A horizontal rule `width` long, aligned like text.
    Rule {
        width: f32,
        align: Align,
        thickness: f32,
        space_after: f32,
    },
    Space(f32),
    Table(Table),
    /// Columns side by side, each of a width; never split across pages.
    Columns(Vec<(f32, Vec<Block>)>),
    /// Blocks moved to the next page together when they do not fit.
    Keep(Vec<Block>),
}

/// One positioned piece of text: a run of one style.
#[derive(Debug, Clone)]
pub struct TextRun {
    pub x: f32,
    /// Baseline, from the top of the page.
    pub y: f32,
    pub size: f32,
    pub style: Style,
    /// Words and the extra space (in points) after each, for justification.
    pub pieces: Vec<(String, f32)>,
}

#[derive(Debug, Clone)]
pub enum Draw {
    Text(TextRun),
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
    /// The draft mark: text in a red box.
    Stamp {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        run: TextRun,
    },
}

#[derive(Debug, Clone, Copy)]
pub struct PageSpec {
    pub width: f32,
    pub height: f32,
    pub top: f32,
    pub bottom: f32,
    pub left: f32,
    pub right: f32,
}

impl PageSpec {
    pub const fn a4_portrait() -> PageSpec {
        PageSpec {
            width: 210.0 * MM,
            height: 297.0 * MM,
            top: 20.0 * MM,
            bottom: 20.0 * MM,
            left: 30.0 * MM,
            right: 15.0 * MM,
        }
    }

    pub const fn a4_landscape() -> PageSpec {
        PageSpec {
            width: 297.0 * MM,
            height: 210.0 * MM,
            top: 20.0 * MM,
            bottom: 20.0 * MM,
            left: 30.0 * MM,
            right: 15.0 * MM,
        }
    }

    pub fn text_width(&self) -> f32 {
        self.width - self.left - self.right
    }
}

#[derive(Debug, Clone)]
pub struct Page {
    pub spec: PageSpec,
    pub draws: Vec<Draw>,
}

/// A laid-out line: its runs of one style each, its natural width, the number
/// of gaps between words, and whether it ends its paragraph (not justified).
struct Line {
    runs: Vec<(Style, Vec<String>)>,
    width: f32,
    gaps: usize,
    last: bool,
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

fn wrap(fonts: &Fonts, para: &Para, width: f32) -> Vec<Line> {
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
        let flush = |current: &mut Vec<Token>, lines: &mut Vec<Line>| {
            let toks = std::mem::take(current);
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
            lines.push(Line {
                runs,
                width: w,
                gaps,
                last: false,
            });
        };
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
                    flush(&mut current, &mut lines);
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
            flush(&mut current, &mut lines);
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

/// Lays out paragraphs into pages.
pub struct Flow<'a> {
    fonts: &'a Fonts,
    pub pages: Vec<Page>,
    spec: PageSpec,
    y: f32,
}

impl<'a> Flow<'a> {
    pub fn new(fonts: &'a Fonts, spec: PageSpec) -> Flow<'a> {
        let mut f = Flow {
            fonts,
            pages: Vec::new(),
            spec,
            y: 0.0,
        };
        f.new_page();
        f
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page {
            spec: self.spec,
            draws: Vec::new(),
        });
        self.y = self.spec.top;
    }

    fn room(&self) -> f32 {
        self.spec.height - self.spec.bottom - self.y
    }

    fn draw(&mut self, d: Draw) {
        if let Some(p) = self.pages.last_mut() {
            p.draws.push(d);
        }
    }

    /// Draws the lines of a paragraph at `x`, `width`, from `self.y`, breaking pages.
    fn para(&mut self, para: &Para, x: f32, width: f32, paged: bool) {
        self.y += para.space_before;
        let lines = wrap(self.fonts, para, width);
        let lh = para.size * para.leading;
        for (i, line) in lines.iter().enumerate() {
            if paged && self.room() < lh {
                self.new_page();
            }
            let baseline = self.y + para.size * 0.95;
            let indent = if i == 0 { para.first_indent } else { 0.0 };
            self.line(line, para, x + indent, width - indent, baseline);
            self.y += lh;
        }
        self.y += para.space_after;
    }

    fn line(&mut self, line: &Line, para: &Para, x: f32, width: f32, baseline: f32) {
        let last = line.last;
        let slack = (width - line.width).max(0.0);
        let (start, extra) = match para.align {
            Align::Left => (x, 0.0),
            Align::Right => (x + slack, 0.0),
            Align::Center => (x + slack / 2.0, 0.0),
            Align::Justify if last || line.gaps == 0 => (x, 0.0),
            Align::Justify => (x, slack / line.gaps as f32),
        };
        let mut cx = start;
        for (style, pieces) in &line.runs {
            let pieces: Vec<(String, f32)> = pieces
                .iter()
                .map(|t| (t.clone(), if t.ends_with(' ') { extra } else { 0.0 }))
                .collect();
            let w: f32 = pieces
                .iter()
                .map(|(t, e)| self.fonts.width(*style, para.size, t) + e)
                .sum();
            self.draw(Draw::Text(TextRun {
                x: cx,
                y: baseline,
                size: para.size,
                style: *style,
                pieces,
            }));
            cx += w;
        }
    }

    fn height(&self, block: &Block, width: f32) -> f32 {
        match block {
            Block::Para(p) => para_height(self.fonts, p, width),
            Block::Rule {
                thickness,
                space_after,
                ..
            } => thickness + space_after,
            Block::Space(h) => *h,
            Block::Table(t) => {
                let header = row_height(self.fonts, t, &t.header);
                header
                    + t.rows
                        .iter()
                        .map(|r| row_height(self.fonts, t, r))
                        .sum::<f32>()
            }
            Block::Columns(cols) => cols
                .iter()
                .map(|(w, bs)| bs.iter().map(|b| self.height(b, *w)).sum::<f32>())
                .fold(0.0, f32::max),
            Block::Keep(bs) => bs.iter().map(|b| self.height(b, width)).sum(),
        }
    }

    pub fn add(&mut self, block: &Block) {
        let x = self.spec.left;
        let width = self.spec.text_width();
        self.block(block, x, width, true);
    }

    fn block(&mut self, block: &Block, x: f32, width: f32, paged: bool) {
        match block {
            Block::Para(p) => self.para(p, x, width, paged),
            Block::Space(h) => {
                self.y += h;
                if paged && self.room() < 0.0 {
                    self.new_page();
                }
            }
            Block::Rule {
                width: w,
                align,
                thickness,
                space_after,
            } => {
                let start = match align {
                    Align::Center => x + (width - w) / 2.0,
                    Align::Right => x + width - w,
                    _ => x,
                };
                let y = self.y + thickness / 2.0;
                self.draw(Draw::Line {
                    x1: start,
                    y1: y,
                    x2: start + w,
                    y2: y,
                    width: *thickness,
                });
                self.y += thickness + space_after;
            }
            Block::Keep(blocks) => {
                let h = self.height(block, width);
                let full = self.spec.height - self.spec.top - self.spec.bottom;
                if paged && h > self.room() && h <= full {
                    self.new_page();
                }
                for b in blocks {
                    self.block(b, x, width, paged);
                }
            }
            Block::Columns(cols) => {
                let h = self.height(block, width);
                if paged && h > self.room() {
                    self.new_page();
                }
                let top = self.y;
                let mut bottom = top;
                let mut cx = x;
                for (w, blocks) in cols {
                    self.y = top;
                    for b in blocks {
                        self.block(b, cx, *w, false);
                    }
                    bottom = bottom.max(self.y);
                    cx += w;
                }
                self.y = bottom;
            }
            Block::Table(t) => self.table(t, x),
        }
    }

    fn table(&mut self, t: &Table, x: f32) {
        let header_h = row_height(self.fonts, t, &t.header);
        // A table starts on a new page if not even its header and one line fit.
        if self.room() < header_h + 30.0 {
            self.new_page();
        }
        self.row(t, &t.header, x);
        for cells in &t.rows {
            let laid: Vec<Vec<(Para, Vec<Line>)>> = cells
                .iter()
                .zip(&t.widths)
                .map(|(c, w)| {
                    c.paras
                        .iter()
                        .map(|p| (p.clone(), wrap(self.fonts, p, w - 2.0 * t.padding)))
                        .collect()
                })
                .collect();
            let mut progress = vec![0usize; cells.len()];
            loop {
                let remaining: f32 = laid
                    .iter()
                    .zip(&progress)
                    .map(|(paras, done)| lines_height(paras, *done))
                    .fold(0.0, f32::max)
                    + 2.0 * t.padding;
                if remaining <= self.room() {
                    self.row_part(t, &laid, &mut progress, x, f32::INFINITY);
                    break;
                }
                // A row that fits on a page moves whole to the next one; only a
                // row taller than a page is split, line by line.
                let page_room = self.spec.height - self.spec.top - self.spec.bottom - header_h;
                if remaining > page_room {
                    let space = self.room() - 2.0 * t.padding;
                    if space >= 14.0 {
                        self.row_part(t, &laid, &mut progress, x, space);
                    }
                }
                self.new_page();
                self.row(t, &t.header, x);
            }
        }
    }

    /// Draws a header row.
    fn row(&mut self, t: &Table, cells: &[Cell], x: f32) {
        let laid: Vec<Vec<(Para, Vec<Line>)>> = cells
            .iter()
            .zip(&t.widths)
            .map(|(c, w)| {
                c.paras
                    .iter()
                    .map(|p| (p.clone(), wrap(self.fonts, p, w - 2.0 * t.padding)))
                    .collect()
            })
            .collect();
        let mut progress = vec![0usize; cells.len()];
        self.row_part(t, &laid, &mut progress, x, f32::INFINITY);
    }

    /// Draws as many lines of each cell as fit in `space`, with the cell borders.
    fn row_part(
        &mut self,
        t: &Table,
        laid: &[Vec<(Para, Vec<Line>)>],
        progress: &mut [usize],
        x: f32,
        space: f32,
    ) {
        let top = self.y;
        let mut used = 0.0f32;
        let mut cx = x;
        for ((paras, done), w) in laid.iter().zip(progress.iter_mut()).zip(&t.widths) {
            let mut y = top + t.padding;
            let mut index = 0usize;
            for (para, lines) in paras {
                let lh = para.size * para.leading;
                for line in lines {
                    if index >= *done {
                        if y + lh > top + t.padding + space {
                            break;
                        }
                        let baseline = y + para.size * 0.95;
                        let indent = 0.0;
                        self.line(
                            line,
                            para,
                            cx + t.padding + indent,
                            w - 2.0 * t.padding,
                            baseline,
                        );
                        y += lh;
                        *done = index + 1;
                    }
                    index += 1;
                }
            }
            used = used.max(y - top - t.padding);
            cx += w;
        }
        let h = used + 2.0 * t.padding;
        let bottom = top + h;
        // Borders: the outline and the column separators.
        let right = x + t.widths.iter().sum::<f32>();
        for (y1, y2) in [(top, top), (bottom, bottom)] {
            self.draw(Draw::Line {
                x1: x,
                y1,
                x2: right,
                y2,
                width: 0.5,
            });
        }
        let mut cx = x;
        self.draw(Draw::Line {
            x1: cx,
            y1: top,
            x2: cx,
            y2: bottom,
            width: 0.5,
        });
        for w in &t.widths {
            cx += w;
            self.draw(Draw::Line {
                x1: cx,
                y1: top,
                x2: cx,
                y2: bottom,
                width: 0.5,
            });
        }
        self.y = bottom;
    }
}

fn lines_height(paras: &[(Para, Vec<Line>)], done: usize) -> f32 {
    let mut index = 0;
    let mut h = 0.0;
    for (p, lines) in paras {
        for _ in lines {
            if index >= done {
                h += p.size * p.leading;
            }
            index += 1;
        }
    }
    h
}

fn row_height(fonts: &Fonts, t: &Table, cells: &[Cell]) -> f32 {
    cells
        .iter()
        .zip(&t.widths)
        .map(|(c, w)| {
            c.paras
                .iter()
                .map(|p| wrap(fonts, p, w - 2.0 * t.padding).len() as f32 * p.size * p.leading)
                .sum::<f32>()
        })
        .fold(0.0, f32::max)
        + 2.0 * t.padding
}
