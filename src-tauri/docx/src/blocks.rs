//! The document's blocks as Word's paragraphs and tables, block for block:
//! a paragraph keeps its spans (bold, italic), size, alignment, first-line
//! indent, spacing, line height and "keep with next"; a space is an empty
//! paragraph of that height; a rule is an empty paragraph with a bottom
//! border as wide as the rule; columns side by side (the header, Nơi nhận
//! beside the signature) are a table without borders whose cells have no
//! margins, so each column is exactly as wide as in the PDF; a table is a
//! table of the same column widths and padding whose header row repeats on
//! every page and whose rows move whole to the next page unless taller than
//! a page, the PDF's rule.

use commplan_pdf::fonts::{Fonts, Style};
use commplan_pdf::layout::{Align, Block, Cell, PageSpec, Para, Table as PdfTable, row_height};
use docx_rs::{
    AlignmentType, BorderType, BreakType, HeightRule, LineSpacing, LineSpacingType,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, SpecialIndentType, Table,
    TableBorder, TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableLayoutType,
    TableRow, WidthType,
};

pub(crate) use docx_rs::Paragraph;

/// What a block becomes in the document's body or in a cell.
pub(crate) enum Item {
    Para(Box<Paragraph>),
    Table(Box<Table>),
}

impl Item {
    pub(crate) fn para(p: Paragraph) -> Item {
        Item::Para(Box::new(p))
    }

    fn table(t: Table) -> Item {
        Item::Table(Box::new(t))
    }
}

/// The height (twips, "at least") that marks a table's header row, which
/// changes nothing of its layout. docx-rs writes no `w:tblHeader`, so
/// [`crate::package`] puts one in place of this mark.
pub(crate) const HEADER_ROW_MARK: f32 = 1.0;

/// Twentieths of a point, Word's unit of length.
pub(crate) fn twips(points: f32) -> i32 {
    (points * 20.0).round() as i32
}

fn width_twips(points: f32) -> usize {
    usize::try_from(twips(points).max(0)).unwrap_or(0)
}

/// A table's lines: 0.5 point, in eighths of a point.
const TABLE_LINE: usize = 4;

/// Turns blocks into items for one part of the document.
pub(crate) struct Writer<'a> {
    fonts: &'a Fonts,
    /// The height between the page's top and bottom margins.
    page_height: f32,
}

impl<'a> Writer<'a> {
    pub(crate) fn new(fonts: &'a Fonts, spec: &PageSpec) -> Writer<'a> {
        Writer {
            fonts,
            page_height: spec.height - spec.top - spec.bottom,
        }
    }

    /// The items of `blocks` laid in a column `width` points wide.
    pub(crate) fn blocks(&self, blocks: &[Block], width: f32, out: &mut Vec<Item>) {
        self.list(blocks, width, |_| false, out);
    }

    /// Blocks one after the other, the `i`-th tied to what follows it when
    /// `keep(i)`. Between two paragraphs the space after the
    /// first and before the second add up, as in the PDF: the space is all
    /// put after the first (a reader of the file may otherwise take the
    /// larger of the two only).
    fn list(
        &self,
        blocks: &[Block],
        width: f32,
        keep: impl Fn(usize) -> bool,
        out: &mut Vec<Item>,
    ) {
        let para = |i: Option<usize>| match i.and_then(|i| blocks.get(i)) {
            Some(Block::Para(p)) => Some(p),
            _ => None,
        };
        for (i, b) in blocks.iter().enumerate() {
            let keep = keep(i);
            match b {
                Block::Para(p) => {
                    let before = if para(i.checked_sub(1)).is_some() {
                        0.0
                    } else {
                        p.space_before
                    };
                    let after = p.space_after + para(Some(i + 1)).map_or(0.0, |n| n.space_before);
                    out.push(Item::para(paragraph(p, keep, (before, after))));
                }
                _ => self.block(b, width, keep, out),
            }
        }
    }

    /// One block; `keep` ties it to what follows.
    fn block(&self, block: &Block, width: f32, keep: bool, out: &mut Vec<Item>) {
        match block {
            Block::Para(p) => out.push(Item::para(paragraph(
                p,
                keep,
                (p.space_before, p.space_after),
            ))),
            Block::Space(h) => out.push(Item::para(spacer(*h, keep))),
            Block::Rule {
                width: w,
                align,
                thickness,
                space_after,
            } => out.push(Item::para(rule(
                width,
                *w,
                *align,
                *thickness,
                *space_after,
                keep,
            ))),
            Block::Table(t) => out.push(Item::table(self.table(t))),
            Block::Columns(cols) => out.push(Item::table(self.columns(cols, keep))),
            // Kept together, the last tied to what follows when `keep`.
            Block::Keep(inner) => self.list(inner, width, |i| keep || i + 1 < inner.len(), out),
        }
    }

    /// Columns side by side: a table without borders or cell margins, one
    /// row that never splits.
    fn columns(&self, cols: &[(f32, Vec<Block>)], keep: bool) -> Table {
        let widths: Vec<usize> = cols.iter().map(|(w, _)| width_twips(*w)).collect();
        let cells = cols
            .iter()
            .zip(&widths)
            .map(|((w, blocks), tw)| {
                let mut items = Vec::new();
                self.list(blocks, *w, |_| keep, &mut items);
                cell_of(items, *tw)
            })
            .collect();
        let total = widths.iter().sum();
        Table::without_borders(vec![TableRow::new(cells).cant_split()])
            .set_grid(widths)
            .layout(TableLayoutType::Fixed)
            .width(total, WidthType::Dxa)
            .margins(TableCellMargins::new().margin(0, 0, 0, 0))
    }

    /// A ruled table whose header row repeats on every page. A row moves
    /// whole to the next page unless it is taller than a page under the
    /// header; a group's title row goes with the row after it.
    fn table(&self, t: &PdfTable) -> Table {
        let widths: Vec<usize> = t.widths.iter().map(|w| width_twips(*w)).collect();
        let room = self.page_height - row_height(self.fonts, t, &t.header);
        let mut rows = vec![
            TableRow::new(cells(&t.header, &widths, false))
                .cant_split()
                .row_height(HEADER_ROW_MARK)
                .height_rule(HeightRule::AtLeast),
        ];
        for r in &t.rows {
            let row = TableRow::new(cells(&r.cells, &widths, r.keep_with_next));
            rows.push(if row_height(self.fonts, t, &r.cells) <= room {
                row.cant_split()
            } else {
                row
            });
        }
        let pad = width_twips(t.padding);
        let total = widths.iter().sum();
        let borders = [
            TableBorderPosition::Top,
            TableBorderPosition::Left,
            TableBorderPosition::Bottom,
            TableBorderPosition::Right,
            TableBorderPosition::InsideH,
            TableBorderPosition::InsideV,
        ]
        .into_iter()
        .fold(TableBorders::with_empty(), |b, position| {
            b.set(
                TableBorder::new(position)
                    .border_type(BorderType::Single)
                    .size(TABLE_LINE)
                    .color("000000"),
            )
        });
        Table::new(rows)
            .set_grid(widths)
            .layout(TableLayoutType::Fixed)
            .width(total, WidthType::Dxa)
            .margins(TableCellMargins::new().margin(pad, pad, pad, pad))
            .set_borders(borders)
    }
}

/// The cells of a table row; `keep` ties the row to the next.
fn cells(cells: &[Cell], widths: &[usize], keep: bool) -> Vec<TableCell> {
    cells
        .iter()
        .zip(widths)
        .map(|(c, w)| {
            let items = c
                .paras
                .iter()
                .map(|p| Item::para(paragraph(p, keep, (p.space_before, p.space_after))))
                .collect();
            cell_of(items, *w)
        })
        .collect()
}

/// A cell `width` twips wide holding `items`; Word wants a paragraph last.
fn cell_of(items: Vec<Item>, width: usize) -> TableCell {
    let ends_with_paragraph = matches!(items.last(), Some(Item::Para(_)));
    let mut cell = items.into_iter().fold(
        TableCell::new().width(width, WidthType::Dxa),
        |c, item| match item {
            Item::Para(p) => c.add_paragraph(*p),
            Item::Table(t) => c.add_table(*t),
        },
    );
    if !ends_with_paragraph {
        cell = cell.add_paragraph(spacer(1.0, false));
    }
    cell
}

fn alignment(align: Align) -> AlignmentType {
    match align {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
        Align::Justify => AlignmentType::Both,
    }
}

/// Word's size of a run: half points.
fn half_points(size: f32) -> usize {
    usize::try_from((size * 2.0).round() as i64).unwrap_or(0)
}

/// A run of one style; a line break where the text has one.
fn run(text: &str, style: Style, size: f32) -> Run {
    let mut r = Run::new().size(half_points(size));
    if matches!(style, Style::Bold | Style::BoldItalic) {
        r = r.bold();
    }
    if matches!(style, Style::Italic | Style::BoldItalic) {
        r = r.italic();
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        r = r.add_text(line);
    }
    r
}

/// A paragraph as the PDF sets it, with the space (`before`, `after`) in
/// points: the line height at least the PDF's leading, never one line alone
/// at the top or bottom of a page.
pub(crate) fn paragraph(p: &Para, keep: bool, (before, after): (f32, f32)) -> Paragraph {
    let spacing = LineSpacing::new()
        .before(twips(before).unsigned_abs())
        .after(twips(after).unsigned_abs())
        .line(twips(p.size * p.leading))
        .line_rule(LineSpacingType::AtLeast);
    let mut out = Paragraph::new()
        .align(alignment(p.align))
        .line_spacing(spacing)
        .widow_control(true)
        .size(half_points(p.size));
    if p.first_indent > 0.0 {
        out = out.indent(
            None,
            Some(SpecialIndentType::FirstLine(twips(p.first_indent))),
            None,
            None,
        );
    }
    if p.keep_with_next || keep {
        out = out.keep_next(true);
    }
    p.spans
        .iter()
        .fold(out, |o, s| o.add_run(run(&s.text, s.style, p.size)))
}

/// An empty paragraph exactly `height` points high.
pub(crate) fn spacer(height: f32, keep: bool) -> Paragraph {
    Paragraph::new()
        .line_spacing(
            LineSpacing::new()
                .line(twips(height.max(1.0)))
                .line_rule(LineSpacingType::Exact),
        )
        .size(2)
        .keep_next(keep)
}

/// A rule `w` points long, aligned in a column `width` points wide: an empty
/// paragraph, indented to the rule's length, with a bottom border.
fn rule(
    width: f32,
    w: f32,
    align: Align,
    thickness: f32,
    space_after: f32,
    keep: bool,
) -> Paragraph {
    let free = (width - w).max(0.0);
    let (left, right) = match align {
        Align::Center => (free / 2.0, free / 2.0),
        Align::Right => (free, 0.0),
        Align::Left | Align::Justify => (0.0, free),
    };
    let eighths = usize::try_from((thickness * 8.0).round() as i64)
        .unwrap_or(2)
        .max(2);
    let border = ParagraphBorder::new(ParagraphBorderPosition::Bottom)
        .val(BorderType::Single)
        .size(eighths)
        .space(0)
        .color("000000");
    Paragraph::new()
        .line_spacing(
            LineSpacing::new()
                .line(twips(1.0))
                .line_rule(LineSpacingType::Exact)
                .after(twips(space_after).unsigned_abs()),
        )
        .size(2)
        .keep_next(keep)
        .indent(Some(twips(left)), None, Some(twips(right)), None)
        .set_borders(ParagraphBorders::with_empty().set(border))
}
