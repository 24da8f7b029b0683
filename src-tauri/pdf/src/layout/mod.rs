//! A small layout engine for administrative documents: paragraphs wrapped
//! greedily and justified by spreading the gaps, tables whose header row
//! repeats on every page they span and whose rows split line by line, columns
//! kept side by side, and pages with a running number and a draft mark.
//! Coordinates are points, y measured down from the top of the page.
//!
//! This module holds the types (blocks in, positioned draws out); `wrap`
//! breaks paragraphs into lines and `flow` pours blocks onto pages.

mod flow;
mod wrap;

use crate::fonts::Style;

pub use flow::{Flow, row_height};
pub use wrap::para_height;

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
    /// Never the last thing on a page (a heading): [`Flow::add_all`] moves it
    /// to the next page unless what follows starts on the same page.
    pub keep_with_next: bool,
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
            keep_with_next: false,
        }
    }

    pub fn keep_with_next(mut self) -> Para {
        self.keep_with_next = true;
        self
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

/// A row of a table's body.
#[derive(Debug, Clone)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// A group's title row (a policy, a stage, a budget category): never the
    /// last row of a page, it goes to the next page with the row after it.
    pub keep_with_next: bool,
}

impl Row {
    pub fn new(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            keep_with_next: false,
        }
    }

    pub fn keep_with_next(mut self) -> Row {
        self.keep_with_next = true;
        self
    }
}

#[derive(Debug, Clone)]
pub struct Table {
    pub widths: Vec<f32>,
    pub header: Vec<Cell>,
    pub rows: Vec<Row>,
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

/// Every span in `blocks`, in reading order, through tables, columns and
/// kept groups.
pub fn spans_of(blocks: &[Block]) -> Vec<&Span> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Para(p) => out.extend(p.spans.iter()),
            Block::Table(t) => {
                for c in t.header.iter().chain(t.rows.iter().flat_map(|r| &r.cells)) {
                    out.extend(c.paras.iter().flat_map(|p| p.spans.iter()));
                }
            }
            Block::Columns(cols) => {
                for (_, bs) in cols {
                    out.extend(spans_of(bs));
                }
            }
            Block::Keep(bs) => out.extend(spans_of(bs)),
            _ => {}
        }
    }
    out
}
