//! The report's body: the header, "BÁO CÁO" and its subject, why it is
//! made, I. the plans received (counts, the board as a table with what was
//! done of the approved plans, the files not counted), II. what the plans
//! hold (one paragraph per view, pointing to its appendix), then Nơi nhận
//! and the signature.

use commplan_core::PlanDocument;
use commplan_core::consolidate::{
    ActivitiesDone, Board, BoardRow, BoardState, ViewPage, counts_line,
};
use commplan_core::dates::moment_vi;
use commplan_core::money::{Money, group};
use commplan_core::words::amount_in_words;

use crate::appendix::{SIZE, table};
use crate::fonts::{Fonts, Style};
use crate::layout::{Align, Block, Cell, Row, span};
use crate::official::{PARA_GAP, ROMAN, bullet, cell, closing, document_head, heading, indented};

/// The amounts' columns fit "99.999.999.999" (a province's total) on one
/// line; the blocking findings are counted in the state's column.
const SHARES: [f32; 8] = [0.045, 0.14, 0.1, 0.125, 0.16, 0.16, 0.11, 0.16];
const HEADER: [&str; 8] = [
    "TT",
    "Đơn vị",
    "Tình trạng",
    "Tệp nhận được",
    "Dự toán (đồng)",
    "Được duyệt (đồng)",
    "Đã thực hiện",
    "Đã chi (đồng)",
];

fn para(text: String) -> Block {
    Block::Para(indented(vec![span(text, Style::Regular)]).after(PARA_GAP))
}

fn amount(m: Option<Money>) -> String {
    m.map(|m| group(m.dong())).unwrap_or_default()
}

/// "18/22" over "(81,8 %)": the share of activities done, on two lines.
fn done(d: Option<&ActivitiesDone>) -> String {
    d.map(|d| d.label.replacen(" (", "\n(", 1))
        .unwrap_or_default()
}

fn board_row(n: usize, r: &BoardRow) -> Row {
    let mut unit = r.unit_name.clone();
    if let Some(name) = &r.file_unit_name {
        unit.push_str(&format!("\n(tên trong tệp: {name})"));
    }
    let mut state = r.state.label_vi().to_string();
    if r.conflict {
        state.push_str("\n(hai kế hoạch cùng đơn vị)");
    }
    if r.state != BoardState::NotReceived && r.blocking > 0 {
        state.push_str(&format!("\n{} lỗi bắt buộc sửa", r.blocking));
    }
    let file = match (r.revision, &r.written_at) {
        (Some(0), Some(at)) => format!("Bản nháp\n{}", moment_vi(at)),
        (Some(n), Some(at)) => format!("Lần trình {n}\n{}", moment_vi(at)),
        _ => String::new(),
    };
    let left = |t: String| cell(t, Style::Regular, SIZE, Align::Left);
    let right = |t: String| cell(t, Style::Regular, SIZE, Align::Right);
    Row::new(vec![
        cell(n.to_string(), Style::Regular, SIZE, Align::Center),
        left(unit),
        left(state),
        left(file),
        right(amount(r.total_proposed)),
        right(amount(r.total_approved)),
        right(done(r.activities_done.as_ref())),
        right(amount(r.total_spent)),
    ])
}

/// A bold "Tổng cộng" row of `columns`: the label in the second column,
/// `totals` in the last ones.
pub(super) fn total_row(columns: usize, totals: Vec<String>) -> Row {
    let first = columns.saturating_sub(totals.len());
    let mut cells: Vec<Cell> = (0..first)
        .map(|_| cell("", Style::Bold, SIZE, Align::Left))
        .collect();
    if let Some(label) = cells.get_mut(1) {
        *label = cell("Tổng cộng", Style::Bold, SIZE, Align::Left);
    }
    cells.extend(
        totals
            .into_iter()
            .map(|t| cell(t, Style::Bold, SIZE, Align::Right)),
    );
    Row::new(cells)
}

/// The proposed and approved totals, as a totals row shows them.
pub(super) fn amounts(proposed: Option<Money>, approved: Option<Money>) -> Vec<String> {
    vec![amount(proposed), amount(approved)]
}

/// The files that do not count, under a line saying how many, each a bullet.
fn not_counted(board: &Board) -> Vec<Block> {
    let mut out = Vec::new();
    for (heading, lines) in board.not_counted() {
        out.push(para(format!("{heading} ({} tệp):", lines.len())));
        out.extend(lines.iter().map(|l| bullet(l)));
    }
    out
}

/// I. The plans received: counts, the board, the files not counted.
fn received(board: &Board, width: f32) -> Vec<Block> {
    let mut out = vec![
        heading("I. TÌNH HÌNH TIẾP NHẬN KẾ HOẠCH"),
        para(counts_line(board)),
    ];
    if board.counts.conflicts > 0 {
        out.push(para(format!(
            "Có {} đơn vị được hai kế hoạch khác nhau cùng ghi tên (đánh dấu trong bảng): cần đơn vị xác nhận kế hoạch nào được tổng hợp.",
            board.counts.conflicts
        )));
    }
    let mut rows: Vec<Row> = board
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| board_row(i + 1, r))
        .collect();
    let mut totals = amounts(board.total_proposed, board.total_approved);
    totals.push(done(board.activities_done.as_ref()));
    totals.push(amount(board.total_spent));
    rows.push(total_row(HEADER.len(), totals));
    out.push(table(&SHARES, width, &HEADER, rows));
    out.push(Block::Space(PARA_GAP));
    out.extend(not_counted(board));
    out
}

/// The cells of column `key` of a page.
fn column<'a>(page: &'a ViewPage, key: &str) -> Vec<&'a str> {
    match page.columns.iter().position(|c| c.key == key) {
        Some(i) => page.rows.iter().map(|r| r.cells[i].as_str()).collect(),
        None => Vec::new(),
    }
}

/// "… (Phụ lục III)."
fn see(i: usize) -> String {
    format!(" (Phụ lục {}).", ROMAN.get(i).copied().unwrap_or(""))
}

/// II. What the plans hold: one paragraph per view.
fn contents(board: &Board, pages: &[ViewPage]) -> Vec<Block> {
    let [activities, policies, people, press, budget] = pages else {
        return Vec::new();
    };
    let unconsulted = column(policies, "consultation")
        .iter()
        .filter(|c| **c == "Chưa có")
        .count();
    let roles = column(people, "role");
    let names = column(people, "name");
    let no_spokesperson = roles
        .iter()
        .zip(&names)
        .filter(|(r, n)| **r == "Người phát ngôn" && **n == "(chưa ghi)")
        .count();
    let totals = |p: &ViewPage| {
        p.totals
            .clone()
            .map_or((None, None), |t| (t.proposed, t.approved))
    };
    let (press_p, press_a) = totals(press);
    let (budget_p, budget_a) = totals(budget);
    let money = |m: Option<Money>| {
        m.map_or("không tính được".to_string(), |m| {
            format!("{} đồng", group(m.dong()))
        })
    };
    let approved = |m: Option<Money>| {
        m.map_or("chưa có khoản nào được duyệt".to_string(), |m| {
            format!("được duyệt {} đồng", group(m.dong()))
        })
    };
    let mut out = vec![heading("II. NỘI DUNG TỔNG HỢP")];
    out.push(bullet(&format!(
        "Hoạt động truyền thông: {} hoạt động trong kế hoạch của {} đơn vị, số hoạt động theo hình thức, giai đoạn và tháng{}",
        activities.total,
        board.counts.received,
        see(0)
    )));
    out.push(bullet(&format!(
        "Chính sách có tác động lớn đến xã hội: {} chính sách, trong đó {} chính sách chưa có hoạt động lấy ý kiến, tham vấn{}",
        policies.total,
        unconsulted,
        see(1)
    )));
    out.push(bullet(&format!(
        "Người phát ngôn và cán bộ đầu mối: {} người; {} kế hoạch chưa ghi người phát ngôn{}",
        people.total,
        no_spokesperson,
        see(2)
    )));
    out.push(bullet(&format!(
        "Đặt hàng, giao nhiệm vụ cho cơ quan báo chí: dự toán {}, {}{}",
        money(press_p),
        approved(press_a),
        see(3)
    )));
    let words = budget_p
        .map(|m| format!(" (bằng chữ: {})", amount_in_words(m).to_lowercase()))
        .unwrap_or_default();
    out.push(bullet(&format!(
        "Kinh phí: tổng dự toán {}{words}, {} theo đơn vị, nguồn kinh phí và nhóm chi{}",
        money(budget_p),
        approved(budget_a),
        see(4)
    )));
    out
}

/// The body's blocks, `width` wide.
pub(super) fn blocks(
    fonts: &Fonts,
    doc: &PlanDocument,
    board: &Board,
    pages: &[ViewPage],
    width: f32,
) -> Vec<Block> {
    let mut out = document_head(fonts, doc, width, "BÁO CÁO");
    out.push(para(format!(
        "Thực hiện Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về tăng cường công tác truyền thông chính sách, trên cơ sở kế hoạch truyền thông chính sách năm {} do các đơn vị gửi đến, {} tổng hợp như sau:",
        board.year,
        doc.unit.name.trim()
    )));
    out.extend(received(board, width));
    let mut body = contents(board, pages);
    let last = body.pop();
    out.extend(body);
    out.push(closing(doc, width, last));
    out
}
