//! The keep rules of the flow on synthetic tables and paragraphs, laid out in
//! memory: every position of a page break is tried by padding with rows or
//! paragraphs one at a time.

use super::*;
use crate::fonts::Style;
use crate::layout::{Row, span};

fn fonts() -> Fonts {
    Fonts::load().expect("fonts")
}

fn cell(text: &str) -> Cell {
    Cell {
        paras: vec![Para::new(
            vec![span(text, Style::Regular)],
            11.0,
            Align::Left,
        )],
    }
}

fn row(text: &str) -> Row {
    Row::new(vec![cell(text), cell("")])
}

/// The words drawn on a page, in order.
fn words(page: &Page) -> Vec<String> {
    page.draws
        .iter()
        .filter_map(|d| match d {
            Draw::Text(run) => Some(run.pieces.iter().map(|(t, _)| t.trim().to_string())),
            _ => None,
        })
        .flatten()
        .collect()
}

/// The page a word is on.
fn page_of(pages: &[Page], word: &str) -> usize {
    pages
        .iter()
        .position(|p| words(p).iter().any(|w| w == word))
        .unwrap_or_else(|| panic!("{word} is on no page"))
}

/// `n` filler rows, two title rows kept with the next, then `last`.
fn table(n: usize, last: Row) -> Block {
    let mut rows: Vec<Row> = (0..n).map(|i| row(&format!("hàng{i}"))).collect();
    rows.push(row("Nhóm").keep_with_next());
    rows.push(row("Giai").keep_with_next());
    rows.push(last);
    Block::Table(Table {
        widths: vec![300.0, 100.0],
        header: vec![cell("Đầu"), cell("bảng")],
        rows,
        padding: 3.0,
    })
}

#[test]
fn group_title_rows_go_to_the_next_page_with_the_row_after_them() {
    let fonts = fonts();
    let long: Vec<String> = (1..=900).map(|i| format!("từ{i}")).collect();
    // 33 lines: it fits on a page under the header, not with the titles too.
    let almost = Row::new(vec![
        Cell {
            paras: (1..=33)
                .flat_map(|i| cell(&format!("dòng{i}")).paras)
                .collect(),
        },
        cell(""),
    ]);
    for last in [row("Cuối"), row(&long.join(" ")), almost] {
        let first = last.cells[0].paras[0].spans[0]
            .text
            .split(' ')
            .next()
            .map(str::to_string);
        let first = first.expect("a word");
        let mut moved = 0;
        for n in 0..45 {
            let mut flow = Flow::new(&fonts, PageSpec::a4_landscape());
            flow.add_all(&[table(n, last.clone())]);
            let title = page_of(&flow.pages, "Nhóm");
            assert_eq!(page_of(&flow.pages, "Giai"), title, "{n} rows: Giai");
            assert_eq!(page_of(&flow.pages, &first), title, "{n} rows: {first}");
            if n > 0 && title > page_of(&flow.pages, &format!("hàng{}", n - 1)) {
                moved += 1;
            }
        }
        assert!(moved > 0, "the titles never had to move");
    }
}

fn para(text: &str) -> Block {
    Block::Para(Para::new(vec![span(text, Style::Regular)], 13.0, Align::Left).after(6.0))
}

#[test]
fn a_heading_goes_to_the_next_page_with_two_lines_of_what_follows() {
    let fonts = fonts();
    let heading = Block::Para(
        Para::new(vec![span("Mục", Style::Bold)], 13.0, Align::Left)
            .after(6.0)
            .keep_with_next(),
    );
    let text: Vec<String> = (1..=60).map(|i| format!("chữ{i}")).collect();
    for n in 0..40 {
        let mut blocks: Vec<Block> = (0..n).map(|i| para(&format!("đoạn{i}"))).collect();
        blocks.push(heading.clone());
        blocks.push(para(&text.join(" ")));
        let mut flow = Flow::new(&fonts, PageSpec::a4_portrait());
        flow.add_all(&blocks);
        let page = &flow.pages[page_of(&flow.pages, "Mục")];
        let mut lines: Vec<f32> = page
            .draws
            .iter()
            .filter_map(|d| match d {
                Draw::Text(run) if run.pieces.iter().any(|(t, _)| t.starts_with("chữ")) => {
                    Some(run.y)
                }
                _ => None,
            })
            .collect();
        lines.dedup();
        assert!(
            lines.len() >= 2,
            "{n} paragraphs: {} line(s) after the heading",
            lines.len()
        );
    }
}

/// The heights of the lines of words starting with `prefix` on each page.
fn lines_per_page(pages: &[Page], prefix: &str) -> Vec<usize> {
    pages
        .iter()
        .map(|page| {
            let mut ys: Vec<f32> = page
                .draws
                .iter()
                .filter_map(|d| match d {
                    Draw::Text(run) if run.pieces.iter().any(|(t, _)| t.starts_with(prefix)) => {
                        Some(run.y)
                    }
                    _ => None,
                })
                .collect();
            ys.dedup();
            ys.len()
        })
        .filter(|&n| n > 0)
        .collect()
}

#[test]
fn a_paragraph_split_across_pages_leaves_no_lone_line_on_either() {
    let fonts = fonts();
    for words in [12, 25, 40, 60] {
        let text: Vec<String> = (1..=words).map(|i| format!("chữ{i}")).collect();
        for n in 0..60 {
            let mut blocks: Vec<Block> = (0..n).map(|i| para(&format!("đoạn{i}"))).collect();
            blocks.push(para(&text.join(" ")));
            let mut flow = Flow::new(&fonts, PageSpec::a4_portrait());
            flow.add_all(&blocks);
            let parts = lines_per_page(&flow.pages, "chữ");
            assert!(
                parts.len() == 1 || parts.iter().all(|&l| l >= 2),
                "{words} words after {n} paragraphs: lines per page {parts:?}"
            );
        }
    }
}
