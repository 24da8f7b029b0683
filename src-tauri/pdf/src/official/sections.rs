//! The numbered sections of the plan, I to VI, one function each: purposes,
//! requirements and objectives, the content (policies and general
//! activities), staff and the press network, disclosure and crisis handling,
//! funding, and who does what with the reporting duties; before them, when
//! the plan has them, last year's results.

use commplan_core::budget::BudgetView;
use commplan_core::money::group;
use commplan_core::{PlanDocument, Policy};

use crate::fonts::Style;
use crate::layout::{Block, span};

use super::{PARA_GAP, ROMAN, body, bullet, general_activities, heading, indented, labelled};

const LETTERS: [&str; 26] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y", "z", "aa", "ab",
];

fn letter(i: usize) -> String {
    LETTERS
        .get(i)
        .map_or_else(|| format!("{}", i + 1), |l| (*l).to_string())
}

/// Last year's results, then the sections in order, each under its roman
/// numeral and upper-case title.
pub(super) fn sections(doc: &PlanDocument, budget: &BudgetView) -> Vec<Block> {
    let numbered = [
        ("MỤC ĐÍCH, YÊU CẦU", purposes(doc)),
        ("NỘI DUNG TRUYỀN THÔNG", content(doc)),
        ("NHÂN SỰ, MẠNG LƯỚI TRUYỀN THÔNG", staff_and_network(doc)),
        (
            "CÔNG KHAI THÔNG TIN, THEO DÕI DƯ LUẬN VÀ XỬ LÝ KHỦNG HOẢNG",
            disclosure_and_crisis(doc),
        ),
        ("KINH PHÍ THỰC HIỆN", funding(budget)),
        ("TỔ CHỨC THỰC HIỆN", organisation(doc)),
    ];
    let mut out = previous_results(doc);
    for ((title, blocks), r) in numbered.into_iter().zip(ROMAN) {
        out.push(heading(format!("{r}. {title}")));
        out.extend(blocks);
    }
    out
}

/// The opening: what was done of last year's plan, when the plan says so.
fn previous_results(doc: &PlanDocument) -> Vec<Block> {
    let text = &doc.fields.previous_results;
    if text.trim().is_empty() {
        return Vec::new();
    }
    let mut out = vec![heading("Kết quả thực hiện năm trước")];
    out.extend(body(text));
    out
}

/// I. Mục đích, yêu cầu, and the objectives when there are any.
fn purposes(doc: &PlanDocument) -> Vec<Block> {
    let f = &doc.fields;
    let mut out = vec![heading("1. Mục đích")];
    out.extend(body(&f.purposes));
    out.push(heading("2. Yêu cầu"));
    out.extend(body(&f.requirements));
    if !doc.objectives.is_empty() {
        out.push(heading("3. Chỉ tiêu"));
        let n = doc.objectives.len();
        for (i, o) in doc.objectives.iter().enumerate() {
            let end = if i + 1 == n { "." } else { ";" };
            let text = match o.target {
                Some(target) => format!("{}: {} {}", o.name.trim(), group(target), o.unit.trim()),
                None => o.name.trim().to_string(),
            };
            out.push(bullet(&format!("{}{end}", text.trim_end())));
        }
    }
    out
}

/// II. Nội dung truyền thông: each policy, then the general activities.
fn content(doc: &PlanDocument) -> Vec<Block> {
    let mut out = vec![heading("1. Các chính sách cần truyền thông")];
    for (i, p) in doc.policies.iter().enumerate() {
        out.extend(policy(doc, i, p));
    }
    let general = general_activities(doc);
    if !general.is_empty() {
        out.push(heading("2. Các hoạt động truyền thông chung"));
        for a in general {
            let channel = doc.channel_name(a.channel_id).unwrap_or("");
            let mut text = a.content.trim().to_string();
            if !channel.is_empty() {
                text.push_str(&format!(" (hình thức: {channel})"));
            }
            out.push(bullet(&text));
        }
    }
    out
}

/// One policy of section II, lettered a), b), …
fn policy(doc: &PlanDocument, i: usize, p: &Policy) -> Vec<Block> {
    let mut out = vec![Block::Para(
        indented(vec![span(
            format!("{}) {}", letter(i), p.title.trim()),
            Style::Bold,
        )])
        .after(PARA_GAP),
    )];
    if !p.field.trim().is_empty() {
        out.push(labelled("Lĩnh vực", &p.field));
    }
    if !p.draft_document.trim().is_empty() {
        out.push(labelled("Văn bản", &p.draft_document));
    }
    out.push(labelled(
        "Mức độ tác động",
        if p.major_impact {
            "chính sách có tác động lớn đến xã hội"
        } else {
            "chính sách không thuộc diện có tác động lớn đến xã hội"
        },
    ));
    if !p.affected_groups.trim().is_empty() {
        out.push(labelled("Đối tượng chịu tác động", &p.affected_groups));
    }
    if !p.key_messages.trim().is_empty() {
        out.push(labelled("Thông điệp chính", ""));
        for m in p.key_messages.split('\n').filter(|m| !m.trim().is_empty()) {
            out.push(bullet(m));
        }
    }
    out.push(stages(doc, p));
    out
}

/// A policy's stages: how many activities each has, or why it does not apply.
fn stages(doc: &PlanDocument, p: &Policy) -> Block {
    let counts: Vec<String> = p
        .stages
        .iter()
        .map(|s| {
            let n = doc.activities_of(p.id, s.stage).count();
            if s.not_applicable {
                format!(
                    "{}: không áp dụng ({})",
                    s.stage.label_vi(),
                    s.reason.trim()
                )
            } else {
                format!("{}: {n} hoạt động", s.stage.label_vi())
            }
        })
        .collect();
    labelled(
        "Các giai đoạn",
        &format!("{}; chi tiết tại Phụ lục I.", counts.join("; ")),
    )
}

/// III. Nhân sự, mạng lưới truyền thông.
fn staff_and_network(doc: &PlanDocument) -> Vec<Block> {
    let mut out = staff(doc);
    out.push(heading("2. Mạng lưới truyền thông, báo chí"));
    for pp in &doc.press_partners {
        out.push(bullet(&format!(
            "{} ({}): {}",
            pp.name.trim(),
            pp.arrangement.trim(),
            pp.tasks.trim()
        )));
    }
    out.extend(body(&doc.fields.press_coordination));
    out
}

/// III.1 Nhân sự: the leader, the spokesperson, focal officers and training.
fn staff(doc: &PlanDocument) -> Vec<Block> {
    let f = &doc.fields;
    let mut out = vec![heading("1. Nhân sự")];
    if !f.leader_name.trim().is_empty() {
        out.push(labelled(
            "Lãnh đạo phụ trách",
            &format!("{}, {}", f.leader_name.trim(), f.leader_position.trim()),
        ));
    }
    if !f.spokesperson_name.trim().is_empty() {
        let mut s = format!(
            "{}, {}",
            f.spokesperson_name.trim(),
            f.spokesperson_position.trim()
        );
        if !f.spokesperson_contact.trim().is_empty() {
            s.push_str(&format!("; {}", f.spokesperson_contact.trim()));
        }
        out.push(labelled("Người phát ngôn", &s));
    }
    if !doc.focal_officers.is_empty() {
        out.push(labelled("Cán bộ đầu mối", ""));
        for o in &doc.focal_officers {
            let contact: Vec<&str> = [o.phone.trim(), o.email.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            out.push(bullet(&format!(
                "{}, {}, {}; {}",
                o.name.trim(),
                o.position.trim(),
                o.unit.trim(),
                contact.join(", ")
            )));
        }
    }
    if !doc.trainings.is_empty() {
        out.push(labelled("Bồi dưỡng, tập huấn", ""));
        for t in &doc.trainings {
            out.push(bullet(&format!(
                "{}; thành phần: {}; thời gian: {}; đơn vị tổ chức: {}",
                t.topic.trim(),
                t.participants.trim(),
                t.timing.trim(),
                t.organiser.trim()
            )));
        }
    }
    out
}

/// IV. Công khai thông tin, theo dõi dư luận và xử lý khủng hoảng.
fn disclosure_and_crisis(doc: &PlanDocument) -> Vec<Block> {
    let f = &doc.fields;
    let mut out = Vec::new();
    for (i, (t, text)) in [
        ("Công khai thông tin", &f.public_disclosure),
        (
            "Theo dõi dư luận xã hội, mạng xã hội",
            &f.opinion_monitoring,
        ),
        ("Xử lý thông tin sai sự thật", &f.false_information),
        (
            "Quy trình xử lý khủng hoảng truyền thông",
            &f.crisis_procedure,
        ),
    ]
    .iter()
    .enumerate()
    {
        out.push(heading(format!("{}. {t}", i + 1)));
        out.extend(body(text));
    }
    out
}

/// V. Kinh phí thực hiện: the total in figures and words, then by source.
fn funding(budget: &BudgetView) -> Vec<Block> {
    let mut out = vec![Block::Para(
        indented(vec![
            span("Tổng kinh phí dự kiến: ", Style::Regular),
            span(budget.total.display(), Style::Bold),
            span(
                format!(" (Bằng chữ: {}); chi tiết tại Phụ lục II.", budget.words),
                Style::Italic,
            ),
        ])
        .after(PARA_GAP),
    )];
    for t in &budget.by_source {
        out.push(bullet(&format!("{}: {}", t.label, t.proposed.display())));
    }
    out
}

/// VI. Tổ chức thực hiện: each unit's tasks, then the reporting duties.
fn organisation(doc: &PlanDocument) -> Vec<Block> {
    let f = &doc.fields;
    let mut out = Vec::new();
    for (i, r) in doc.responsibilities.iter().enumerate() {
        out.push(heading(format!("{}. {}", i + 1, r.unit.trim())));
        out.extend(body(&r.tasks));
    }
    if !doc.reports.is_empty() || !f.reporting.trim().is_empty() {
        out.push(heading(format!(
            "{}. Chế độ báo cáo",
            doc.responsibilities.len() + 1
        )));
        for r in &doc.reports {
            out.push(bullet(&format!(
                "{}: {}, gửi {}",
                r.content.trim(),
                r.deadline.trim(),
                r.recipient.trim()
            )));
        }
        out.extend(body(&f.reporting));
    }
    out
}
