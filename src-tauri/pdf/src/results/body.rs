//! The report's body: the header, "BÁO CÁO" and its subject, the plan it
//! reports on, I. what was done (the activities counted with their shares,
//! the table by policy and stage, the indicators, the budget approved
//! against spent), II. difficulties, III. proposals, then Nơi nhận and the
//! signature.

use commplan_core::PlanDocument;
use commplan_core::money::{Money, group};
use commplan_core::results::ResultsReport;
use commplan_core::results::documents::share;
use commplan_core::words::amount_in_words;

use crate::fonts::{Fonts, Style};
use crate::layout::{Block, span};
use crate::official::{PARA_GAP, body, bullet, closing, document_head, heading, indented};

use super::{Appendices, tables};

fn para(text: String) -> Block {
    Block::Para(indented(vec![span(text, Style::Regular)]).after(PARA_GAP))
}

/// " Chi tiết từng hoạt động tại Phụ lục I." when the report has that
/// appendix (`what`: "hoạt động", "khoản chi").
fn see(what: &str, roman: Option<&str>) -> String {
    roman
        .map(|r| format!(" Chi tiết từng {what} tại Phụ lục {r}."))
        .unwrap_or_default()
}

/// Why the report is made: the plan it reports on.
fn intro(doc: &PlanDocument, report: &ResultsReport) -> Block {
    para(format!(
        "Thực hiện {}, {} báo cáo kết quả thực hiện {} như sau:",
        report.plan_reference.trim().trim_end_matches(['.', ';']),
        doc.unit.name.trim(),
        report.period.label_vi(report.year)
    ))
}

/// "hoàn thành 9 hoạt động (81,8 %)".
fn part(label: &str, n: u32, planned: u32) -> String {
    let of = share(u64::from(n), u64::from(planned)).unwrap_or_default();
    format!("{} {n} hoạt động ({of})", label.to_lowercase())
}

/// 1. How many activities the period planned and where they stand.
fn overall(report: &ResultsReport, numbers: Appendices) -> Block {
    let k = &report.counts;
    let period = report.period.label_vi(report.year);
    if k.planned == 0 {
        return para(format!(
            "Trong {period}, theo kế hoạch không có hoạt động truyền thông nào cần triển khai."
        ));
    }
    use commplan_core::results::ActivityStatus::{Cancelled, Done, InProgress, NotStarted};
    para(format!(
        "Trong {period}, theo kế hoạch có {} hoạt động truyền thông cần triển khai; trong đó: {}, {}, {}, {}.{}",
        k.planned,
        part(Done.label_vi(), k.done, k.planned),
        part(InProgress.label_vi(), k.in_progress, k.planned),
        part(Cancelled.label_vi(), k.cancelled, k.planned),
        part(NotStarted.label_vi(), k.not_started, k.planned),
        see("hoạt động", numbers.activities)
    ))
}

/// "612.760.000 đồng (bằng chữ: sáu trăm … đồng)".
fn amount(m: Money) -> String {
    format!(
        "{} đồng (bằng chữ: {})",
        group(m.dong()),
        amount_in_words(m).to_lowercase()
    )
}

/// 4. The budget: approved, spent and its share of the approved.
fn budget(report: &ResultsReport, numbers: Appendices) -> Vec<Block> {
    if report.spending.is_empty() {
        return vec![para("Kế hoạch không có dự toán kinh phí.".to_string())];
    }
    let approved = report
        .total_approved
        .map_or_else(|| "chưa có khoản nào được duyệt".to_string(), amount);
    let of_approved = match (report.total_spent, report.total_approved) {
        (Some(s), Some(a)) => share(
            u64::try_from(s.dong()).unwrap_or(0),
            u64::try_from(a.dong()).unwrap_or(0),
        )
        .map(|p| format!(", bằng {p} kinh phí được duyệt"))
        .unwrap_or_default(),
        _ => String::new(),
    };
    let spent = report.total_spent.map_or_else(
        || "chưa ghi nhận khoản chi nào".to_string(),
        |s| format!("{}{of_approved}", amount(s)),
    );
    vec![
        bullet(&format!("Kinh phí được duyệt: {approved};")),
        bullet(&format!(
            "Kinh phí đã sử dụng: {spent}.{}",
            see("khoản chi", numbers.budget)
        )),
    ]
}

/// I. What was done.
fn results(report: &ResultsReport, numbers: Appendices, width: f32) -> Vec<Block> {
    let mut out = vec![
        heading("I. KẾT QUẢ THỰC HIỆN"),
        heading("1. Kết quả chung"),
        overall(report, numbers),
        heading("2. Kết quả theo chính sách và giai đoạn"),
    ];
    if report.counts.planned == 0 {
        out.push(para("Không có.".to_string()));
    } else {
        out.push(tables::counts(report, width));
        out.push(Block::Space(PARA_GAP));
    }
    out.push(heading("3. Chỉ tiêu"));
    if report.indicators.is_empty() {
        out.push(para("Kế hoạch không đặt chỉ tiêu.".to_string()));
    } else {
        out.push(tables::indicators(&report.indicators, width));
        out.push(Block::Space(PARA_GAP));
    }
    out.push(heading("4. Kinh phí"));
    out.extend(budget(report, numbers));
    out
}

/// A section of the officer's text, or "Không có." when it is blank.
fn written(title: &str, text: &str) -> Vec<Block> {
    let mut out = vec![heading(title)];
    let text = body(text);
    if text.is_empty() {
        out.push(para("Không có.".to_string()));
    } else {
        out.extend(text);
    }
    out
}

/// The body's blocks, `width` wide.
pub(super) fn blocks(
    fonts: &Fonts,
    doc: &PlanDocument,
    report: &ResultsReport,
    numbers: Appendices,
    width: f32,
) -> Vec<Block> {
    let mut out = document_head(fonts, doc, width, "BÁO CÁO");
    out.push(intro(doc, report));
    out.extend(results(report, numbers, width));
    out.extend(written(
        "II. KHÓ KHĂN, VƯỚNG MẮC",
        &report.texts.difficulties,
    ));
    out.extend(written("III. ĐỀ XUẤT, KIẾN NGHỊ", &report.texts.proposals));
    // The signature goes to the next page with the last paragraph, never alone.
    let last = out.pop();
    out.push(closing(doc, width, last));
    out
}
