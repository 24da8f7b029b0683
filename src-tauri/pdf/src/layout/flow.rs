//! The flow of blocks onto pages: paragraphs line by line with a page break
//! when a line does not fit, rules and spaces, columns side by side, blocks
//! kept together, headings kept with what follows, and tables whose header
//! repeats on every page they span and whose group rows (a policy, a stage)
//! never end a page.

use crate::fonts::Fonts;

use super::wrap::{Line, wrap};
use super::{Align, Block, Cell, Draw, Page, PageSpec, Para, Table, TextRun, para_height};

/// The least of a row split across pages that a page shows: one line.
const LEAST_PART: f32 = 14.0;
/// How many lines of a paragraph go to the next page with the heading above it.
const LINES_AFTER_HEADING: usize = 2;
/// The fewest lines of a paragraph split across pages that either page holds.
const MIN_LINES: usize = 2;
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

    /// The height between the margins.
    fn full(&self) -> f32 {
        self.spec.height - self.spec.top - self.spec.bottom
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
        let early = if paged {
            self.early_break(lines.len(), lh)
        } else {
            None
        };
        for (i, line) in lines.iter().enumerate() {
            if paged && (self.room() < lh || early == Some(i)) {
                self.new_page();
            }
            let baseline = self.y + para.size * 0.95;
            let indent = if i == 0 { para.first_indent } else { 0.0 };
            self.line(line, para, x + indent, width - indent, baseline);
            self.y += lh;
        }
        self.y += para.space_after;
    }

    /// Where a paragraph of `n` lines that does not fit the rest of the page
    /// breaks earlier than the page's end, so that neither page holds a lone
    /// line of it: at least two lines at the foot of a page and two at the
    /// head of the next, or the whole paragraph on the next page.
    fn early_break(&self, n: usize, lh: f32) -> Option<usize> {
        let fit = (self.room() / lh).floor().max(0.0) as usize;
        let at_top = self.room() >= self.full() - 0.5;
        if fit >= n || at_top {
            return None;
        }
        if fit < MIN_LINES || n < 2 * MIN_LINES {
            return Some(0);
        }
        (n - fit < MIN_LINES).then_some(n - MIN_LINES)
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
                let header = self.row_height(t, &t.header);
                header
                    + t.rows
                        .iter()
                        .map(|r| self.row_height(t, &r.cells))
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

    /// Adds blocks in order; a paragraph kept with the next (a heading) goes
    /// to the next page when it and the start of what follows do not fit.
    pub fn add_all(&mut self, blocks: &[Block]) {
        let width = self.spec.text_width();
        let kept = |b: &Block| matches!(b, Block::Para(p) if p.keep_with_next);
        for (i, b) in blocks.iter().enumerate() {
            if kept(b) && (i == 0 || !kept(&blocks[i - 1])) {
                let need = self.lead_height(&blocks[i..], width);
                if need > self.room() && need <= self.full() {
                    self.new_page();
                }
            }
            self.add(b);
        }
    }

    /// The height of the paragraphs kept with the next at the start of
    /// `blocks` and of the start of the block after them: two lines of a
    /// paragraph, a table's header and first rows, any other block whole.
    fn lead_height(&self, blocks: &[Block], width: f32) -> f32 {
        let mut h = 0.0;
        for b in blocks {
            match b {
                Block::Para(p) if p.keep_with_next => h += para_height(self.fonts, p, width),
                Block::Para(p) => {
                    let lines = wrap(self.fonts, p, width).len().min(LINES_AFTER_HEADING);
                    return h + p.space_before + lines as f32 * p.size * p.leading;
                }
                Block::Table(t) => {
                    let header = self.row_height(t, &t.header);
                    return h + header + self.need(t, 0, self.full() - header);
                }
                _ => return h + self.height(b, width),
            }
        }
        h
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
        let header_h = self.row_height(t, &t.header);
        let page_room = self.full() - header_h;
        // A table starts on a new page if its header and the start of its
        // rows (a row whole, or a group's title rows with the row after them)
        // do not fit.
        let first = self.need(t, 0, page_room).max(LEAST_PART);
        if self.room() < header_h + first && first <= page_room {
            self.new_page();
        }
        self.row(t, &t.header, x);
        // The page and the y where the group title rows right above begin.
        let mut kept: Option<(usize, f32)> = None;
        for (i, r) in t.rows.iter().enumerate() {
            if r.keep_with_next && kept.is_none() {
                let need = self.need(t, i, page_room);
                if need > self.room() && need <= page_room {
                    self.new_page();
                    self.row(t, &t.header, x);
                }
            }
            let above = match kept {
                Some((page, y)) if page == self.pages.len() => self.y - y,
                _ => 0.0,
            };
            let top = self.body_row(t, &r.cells, x, page_room - above);
            kept = match kept {
                _ if !r.keep_with_next => None,
                Some((page, y)) if page == self.pages.len() => Some((page, y)),
                _ => Some((self.pages.len(), top)),
            };
        }
    }

    /// The height rows from `i` need at the bottom of a page: group title
    /// rows with the row after them, that row whole when it would move whole
    /// (it fits in `page_room` with them), else its least part.
    fn need(&self, t: &Table, i: usize, page_room: f32) -> f32 {
        let mut h = 0.0;
        for r in &t.rows[i..] {
            let row = self.row_height(t, &r.cells);
            if !r.keep_with_next {
                return if h + row <= page_room {
                    h + row
                } else {
                    h + 2.0 * t.padding + LEAST_PART
                };
            }
            h += row;
        }
        h
    }

    /// Draws a body row, moving it whole to the next page when it does not
    /// fit unless it is taller than `split_over` (the room of a page under
    /// the header and the group title rows drawn above it): that row is split
    /// line by line. Gives back the y where its part on the last page begins.
    fn body_row(&mut self, t: &Table, cells: &[Cell], x: f32, split_over: f32) -> f32 {
        let laid = self.lay_out(t, cells);
        let mut progress = vec![0usize; cells.len()];
        let mut split_over = split_over;
        loop {
            let remaining: f32 = laid
                .iter()
                .zip(&progress)
                .map(|(paras, done)| lines_height(paras, *done))
                .fold(0.0, f32::max)
                + 2.0 * t.padding;
            if remaining <= self.room() {
                let top = self.y;
                self.row_part(t, &laid, &mut progress, x, f32::INFINITY);
                return top;
            }
            if remaining > split_over {
                let space = self.room() - 2.0 * t.padding;
                if space >= LEAST_PART {
                    self.row_part(t, &laid, &mut progress, x, space);
                }
            }
            self.new_page();
            self.row(t, &t.header, x);
            split_over = self.room();
        }
    }

    fn lay_out(&self, t: &Table, cells: &[Cell]) -> Vec<Vec<(Para, Vec<Line>)>> {
        lay_out(self.fonts, t, cells)
    }

    fn row_height(&self, t: &Table, cells: &[Cell]) -> f32 {
        row_height(self.fonts, t, cells)
    }

    /// Draws a header row.
    fn row(&mut self, t: &Table, cells: &[Cell], x: f32) {
        let laid = self.lay_out(t, cells);
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
        self.borders(t, x, top, bottom);
        self.y = bottom;
    }

    /// A row's borders: the outline and the column separators.
    fn borders(&mut self, t: &Table, x: f32, top: f32, bottom: f32) {
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
        let mut xs = vec![x];
        for w in &t.widths {
            xs.push(xs[xs.len() - 1] + w);
        }
        for cx in xs {
            self.draw(Draw::Line {
                x1: cx,
                y1: top,
                x2: cx,
                y2: bottom,
                width: 0.5,
            });
        }
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

/// The paragraphs of each cell of a row of `t`, wrapped to the cell's width.
fn lay_out(fonts: &Fonts, t: &Table, cells: &[Cell]) -> Vec<Vec<(Para, Vec<Line>)>> {
    cells
        .iter()
        .zip(&t.widths)
        .map(|(c, w)| {
            c.paras
                .iter()
                .map(|p| (p.clone(), wrap(fonts, p, w - 2.0 * t.padding)))
                .collect()
        })
        .collect()
}

/// The height of a row of `t` drawn whole: its tallest cell and the padding.
pub fn row_height(fonts: &Fonts, t: &Table, cells: &[Cell]) -> f32 {
    lay_out(fonts, t, cells)
        .iter()
        .map(|paras| {
            paras
                .iter()
                .map(|(p, lines)| lines.len() as f32 * p.size * p.leading)
                .sum::<f32>()
        })
        .fold(0.0, f32::max)
        + 2.0 * t.padding
}

#[cfg(test)]
mod tests;
