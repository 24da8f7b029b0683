//! Pages as a reviewer expects them, read back page by page with pdftotext:
//! the signature never alone on a page, no heading and no group row (a
//! policy, a stage, a budget category) at the foot of a page, and approved
//! amounts blank while none is set. Each case lengthens what comes before it
//! a line or a row at a time, less than what it keeps together, across a page
//! break (each sweep checks that the page count grew), so that every place of
//! the break it can meet is met.

mod common;

use std::path::Path;

use commplan_core::budget::BudgetLine;
use commplan_core::money::{Money, Quantity};
use commplan_core::{Activity, PlanDocument};

use common::{export, page_lines, sample};

/// The sample plan's main document cut short: no policy, activity, budget
/// line or list, and its long texts emptied.
fn short_plan() -> PlanDocument {
    let mut doc = sample();
    doc.policies.clear();
    doc.activities.clear();
    doc.budget_lines.clear();
    doc.focal_officers.clear();
    doc.trainings.clear();
    doc.press_partners.clear();
    doc.responsibilities.clear();
    doc.reports.clear();
    let f = &mut doc.fields;
    for text in [
        &mut f.purposes,
        &mut f.requirements,
        &mut f.press_coordination,
        &mut f.public_disclosure,
        &mut f.opinion_monitoring,
        &mut f.false_information,
        &mut f.crisis_procedure,
        &mut f.reporting,
    ] {
        text.clear();
    }
    doc
}

/// Paragraph `k` of the padding: one line.
fn padding_line(k: usize) -> String {
    format!("Đoạn đệm thứ {k} của phần này.")
}

/// `n` one-line paragraphs.
fn padding(n: usize) -> String {
    (1..=n).map(padding_line).collect::<Vec<_>>().join("\n")
}

/// The index of the page that has a line equal to `line`.
fn page_with(pages: &[Vec<String>], line: &str) -> usize {
    pages
        .iter()
        .position(|p| p.iter().any(|l| l == line))
        .unwrap_or_else(|| panic!("“{line}” is on no page"))
}

fn has(page: &[String], line: &str) -> bool {
    page.iter().any(|l| l == line)
}

/// A heading of the body: "IV. CÔNG KHAI …", "2. Yêu cầu".
fn is_heading(line: &str) -> bool {
    line.split_once(". ").is_some_and(|(number, _)| {
        !number.is_empty()
            && (number.chars().all(|c| c.is_ascii_digit())
                || number.chars().all(|c| "IVX".contains(c)))
    })
}

/// Renders `plan(n)` for n from 1 to 24 and checks the lines of its pages
/// (those of the appendix whose table has the header `table`, if given) with
/// `check(n, pages)`; the page count must grow on the way: the sweep went
/// across a page break.
fn sweep(
    plan: impl Fn(usize) -> PlanDocument,
    table: Option<&str>,
    check: impl Fn(usize, &[Vec<String>]),
) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut counts = Vec::new();
    for n in 1..=24 {
        let pdf = export(&plan(n), dir.path(), "sweep.pdf");
        let pages = match table {
            Some(header) => appendix_pages(&pdf, header),
            None => page_lines(&pdf),
        };
        check(n, &pages);
        counts.push(pages.len());
    }
    assert!(
        counts.first() < counts.last(),
        "no page break met: {counts:?}"
    );
}

/// Checks that no page's last line is one `bad` finds.
fn no_page_ends_with(n: usize, pages: &[Vec<String>], bad: impl Fn(&str) -> bool) {
    for (i, page) in pages.iter().enumerate() {
        let end = page.last().map(String::as_str).unwrap_or_default();
        assert!(!bad(end), "{n}: page {} ends with “{end}”", i + 1);
    }
}

/// The lines of the pages of the appendix whose table has `header`.
fn appendix_pages(pdf: &Path, header: &str) -> Vec<Vec<String>> {
    page_lines(pdf)
        .into_iter()
        .filter(|p| p.iter().any(|l| l.contains(header)))
        .collect()
}

#[test]
fn the_signature_always_takes_the_last_paragraph_of_the_body_with_it() {
    let signer = sample().fields.signer_name;
    let plan = |n| {
        let mut doc = short_plan();
        doc.fields.reporting = padding(n);
        doc
    };
    sweep(plan, None, |n, pages| {
        let signed = page_with(pages, &signer);
        assert!(
            has(&pages[signed], &padding_line(n)),
            "{n} paragraphs: the signature stands on page {} without the last paragraph:\n{:#?}",
            signed + 1,
            pages[signed]
        );
        assert!(has(&pages[signed], "Nơi nhận:"), "{n}: Nơi nhận");
    });
}

#[test]
fn a_heading_never_ends_a_page_and_the_last_ones_go_with_the_signature() {
    let signer = sample().fields.signer_name;
    let last = "Đoạn cuối của kế hoạch.";
    // The short plan fills the first two pages and part of the third; the
    // first 16 paragraphs bring the sweep near the foot of the third page.
    let plan = |n| {
        let mut doc = short_plan();
        doc.fields.crisis_procedure = padding(n + 16);
        doc.fields.reporting = last.to_string();
        doc
    };
    sweep(plan, None, |n, pages| {
        no_page_ends_with(n, pages, is_heading);
        let signed = page_with(pages, &signer);
        for line in ["VI. TỔ CHỨC THỰC HIỆN", "1. Chế độ báo cáo", last] {
            assert!(
                has(&pages[signed], line),
                "{n}: “{line}” is not with the signature"
            );
        }
    });
}

/// One activity of a row of its own.
fn activity(id: i64, policy: Option<&commplan_core::Policy>, stage: usize) -> Activity {
    Activity {
        id,
        policy_id: policy.map(|p| p.id),
        stage: policy.map(|p| p.stages[stage].stage),
        content: format!("Hoạt động số {id}"),
        channel_id: None,
        audience: String::new(),
        lead_unit: "Văn phòng Sở".into(),
        coordinating_units: String::new(),
        months: vec![3],
        start_date: String::new(),
        end_date: String::new(),
        expected_output: String::new(),
        target: String::new(),
    }
}

/// Three policies whose five stages apply, `n` activities in the first
/// policy's first stage and two in every other, then two general activities.
fn activities_plan(n: usize) -> PlanDocument {
    let mut doc = short_plan();
    let template = sample().policies[0].clone();
    doc.policies = (1..=3)
        .map(|k| {
            let mut p = template.clone();
            p.id = k;
            p.title = format!("Chính sách thứ {k}");
            for s in &mut p.stages {
                s.not_applicable = false;
                s.reason.clear();
            }
            p
        })
        .collect();
    let mut id = 0;
    for p in &doc.policies {
        for stage in 0..p.stages.len() {
            let count = if p.id == 1 && stage == 0 { n } else { 2 };
            for _ in 0..count {
                id += 1;
                doc.activities.push(activity(id, Some(p), stage));
            }
        }
    }
    for _ in 0..2 {
        id += 1;
        doc.activities.push(activity(id, None, 0));
    }
    doc
}

#[test]
fn in_appendix_i_every_page_ends_with_an_activity_not_a_policy_or_a_stage() {
    sweep(
        activities_plan,
        Some("Nội dung hoạt động"),
        |n, pages| {
            no_page_ends_with(n, pages, |end| {
                !end.split_once(' ').is_some_and(|(no, rest)| {
                    no.parse::<u32>().is_ok() && rest.starts_with("Hoạt động số ")
                })
            });
        },
    );
}

/// One budget line of a row of its own, in category `category`.
fn budget_line(id: i64, category: i64) -> BudgetLine {
    let amount = Money::new(1_000_000).expect("amount");
    BudgetLine {
        id,
        category_id: Some(category),
        description: format!("Dòng chi số {id}"),
        unit_of_measure: "cuộc".into(),
        quantity: Quantity(100),
        unit_price: amount,
        amount,
        approved: None,
        funding_source_id: None,
        activity_id: None,
        notes: String::new(),
    }
}

/// The first category with `n` lines, three more with six.
fn budget_plan(n: usize) -> PlanDocument {
    let mut doc = short_plan();
    let mut id = 0;
    for category in 1..=4 {
        for _ in 0..if category == 1 { n } else { 6 } {
            id += 1;
            doc.budget_lines.push(budget_line(id, category));
        }
    }
    doc
}

#[test]
fn in_appendix_ii_no_page_ends_with_a_category_row() {
    sweep(budget_plan, Some("Nội dung chi"), |n, pages| {
        no_page_ends_with(n, pages, |end| {
            end.split_once(' ')
                .is_some_and(|(no, _)| !no.is_empty() && no.chars().all(|c| "IVX".contains(c)))
        });
    });
}

/// Renders `doc` and checks that Phụ lục II has each of `rows` as a line;
/// gives back its lines.
fn budget_rows(doc: &PlanDocument, dir: &Path, rows: &[&str]) -> Vec<String> {
    let lines = appendix_pages(&export(doc, dir, "budget.pdf"), "Nội dung chi").concat();
    for row in rows {
        assert!(
            lines.iter().any(|l| l == row),
            "no row “{row}” in {lines:#?}"
        );
    }
    lines
}

#[test]
fn approved_totals_are_blank_while_nothing_is_approved_and_summed_once_it_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut doc = sample();
    // The sample approves some lines, none of categories VI and VII.
    budget_rows(
        &doc,
        dir.path(),
        &[
            "I Đặt hàng, giao nhiệm vụ cho cơ quan báo chí 192.000.000 162.000.000",
            "II Sản xuất sản phẩm truyền thông 88.800.000 36.000.000",
            "VI In ấn, phát hành tài liệu 72.460.000",
            "VII Chi khác 45.000.000",
            "TỔNG CỘNG 612.760.000 319.000.000",
        ],
    );

    // Nothing approved: the approved column is blank, totals too.
    for l in &mut doc.budget_lines {
        l.approved = None;
    }
    let rows = budget_rows(
        &doc,
        dir.path(),
        &[
            "I Đặt hàng, giao nhiệm vụ cho cơ quan báo chí 192.000.000",
            "II Sản xuất sản phẩm truyền thông 88.800.000",
            "III Hội nghị, đối thoại, tọa đàm 107.500.000",
            "IV Bồi dưỡng, tập huấn 71.000.000",
            "V Theo dõi, giám sát thông tin 36.000.000",
            "VI In ấn, phát hành tài liệu 72.460.000",
            "VII Chi khác 45.000.000",
            "TỔNG CỘNG 612.760.000",
        ],
    );
    assert!(!rows.iter().any(|r| r.ends_with(" 0")), "{rows:#?}");

    // An amount approved as 0 is approved: its category and the total say 0.
    let last = doc.budget_lines.len() - 1;
    doc.budget_lines[last].approved = Some(Money::ZERO);
    budget_rows(
        &doc,
        dir.path(),
        &["VII Chi khác 45.000.000 0", "TỔNG CỘNG 612.760.000 0"],
    );
}
