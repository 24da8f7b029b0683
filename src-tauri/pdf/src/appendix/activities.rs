//! Phụ lục I: one table of the activities, grouped by policy (a bold row
//! under its roman numeral) and stage (a bold italic row, with the reason when
//! the stage does not apply), then the general activities; the activities are
//! numbered through the whole table.

use commplan_core::dates::format_vi;
use commplan_core::{Activity, PlanDocument, Policy};

use crate::fonts::{Fonts, Style};
use crate::layout::{Align, Block, Row};
use crate::official::{ROMAN, cell, general_activities};

use super::{SIZE, appendix_head, table};

const SHARES: [f32; 8] = [0.05, 0.27, 0.13, 0.12, 0.12, 0.11, 0.08, 0.12];
const HEADER: [&str; 8] = [
    "TT",
    "Nội dung hoạt động",
    "Hình thức",
    "Đối tượng",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Thời gian",
    "Sản phẩm, chỉ tiêu",
];

/// Phụ lục I: the activities of each policy by stage, then the general ones.
pub fn activities_appendix(fonts: &Fonts, doc: &PlanDocument, width: f32) -> Vec<Block> {
    let mut out = appendix_head(
        fonts,
        doc,
        "Kế hoạch",
        "I",
        "Hoạt động truyền thông theo chính sách và giai đoạn",
    );
    let mut rows = Rows {
        doc,
        rows: Vec::new(),
        n: 0,
    };
    for (i, p) in doc.policies.iter().enumerate() {
        rows.policy(i, p);
    }
    let general = general_activities(doc);
    if !general.is_empty() {
        rows.title("Hoạt động truyền thông chung".to_string(), Style::Bold);
        for a in general {
            rows.activity(a);
        }
    }
    out.push(table(&SHARES, width, &HEADER, rows.rows));
    out
}

/// The table's rows as they are added, with the number of the last activity.
struct Rows<'a> {
    doc: &'a PlanDocument,
    rows: Vec<Row>,
    n: usize,
}

impl Rows<'_> {
    /// A row with only a text in the content column.
    fn text_row(text: String, style: Style) -> Row {
        let mut r = vec![
            cell("", style, SIZE, Align::Center),
            cell(text, style, SIZE, Align::Left),
        ];
        r.extend((0..6).map(|_| cell("", style, SIZE, Align::Left)));
        Row::new(r)
    }

    /// A group's title (a policy, a stage, the general activities): never
    /// the last row of a page.
    fn title(&mut self, text: String, style: Style) {
        self.rows.push(Self::text_row(text, style).keep_with_next());
    }

    /// A policy's title, its stages with their activities, then its
    /// activities of no stage.
    fn policy(&mut self, i: usize, p: &Policy) {
        let doc = self.doc;
        self.title(
            format!(
                "{}. {}",
                ROMAN
                    .get(i)
                    .copied()
                    .map_or_else(|| (i + 1).to_string(), str::to_string),
                p.title.trim()
            ),
            Style::Bold,
        );
        for s in &p.stages {
            self.title(
                format!("Giai đoạn {}", s.stage.label_vi().to_lowercase()),
                Style::BoldItalic,
            );
            if s.not_applicable {
                let reason = format!("Không áp dụng: {}", s.reason.trim());
                self.rows.push(Self::text_row(reason, Style::Italic));
            }
            for a in doc.activities_of(p.id, s.stage) {
                self.activity(a);
            }
        }
        for a in doc
            .activities
            .iter()
            .filter(|a| a.policy_id == Some(p.id) && a.stage.is_none())
        {
            self.activity(a);
        }
    }

    /// One numbered activity.
    fn activity(&mut self, a: &Activity) {
        self.n += 1;
        let output = [a.expected_output.trim(), a.target.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("; ");
        let left = |text: &str| cell(text, Style::Regular, SIZE, Align::Left);
        self.rows.push(Row::new(vec![
            cell(self.n.to_string(), Style::Regular, SIZE, Align::Center),
            left(a.content.trim()),
            left(self.doc.channel_name(a.channel_id).unwrap_or("")),
            left(a.audience.trim()),
            left(a.lead_unit.trim()),
            left(a.coordinating_units.trim()),
            cell(when(a), Style::Regular, SIZE, Align::Center),
            left(&output),
        ]));
    }
}

/// When an activity happens: its dates (day/month/year), else its months
/// ("Cả năm" for all twelve), else nothing.
fn when(a: &Activity) -> String {
    if !a.start_date.is_empty() {
        if a.end_date.is_empty() || a.end_date == a.start_date {
            format_vi(&a.start_date)
        } else {
            format!("{} - {}", format_vi(&a.start_date), format_vi(&a.end_date))
        }
    } else if a.months.len() == 12 {
        "Cả năm".to_string()
    } else if a.months.is_empty() {
        String::new()
    } else {
        format!(
            "Tháng {}",
            a.months
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}
