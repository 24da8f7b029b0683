//! The plan as blocks of the official format (Decree 30/2020/NĐ-CP, Appendix I):
//! the two-column header, "KẾ HOẠCH" and the subject, the legal bases in
//! italics, numbered sections, Nơi nhận beside the signature, and the
//! appendices (activities by policy and stage; the budget estimate).

use commplan_core::budget::BudgetView;
use commplan_core::money::Money;
use commplan_core::{PlanDocument, SignerAuthority};

use crate::fonts::{Fonts, Style};
use crate::layout::{Align, Block, Cell, MM, Para, Span, Table, span};

pub const BODY: f32 = 13.0;
const INDENT: f32 = 1.27 * 10.0 * MM;
const PARA_GAP: f32 = 6.0;

fn upper(s: &str) -> String {
    s.trim().to_uppercase()
}

/// "Gia Lai, ngày 05 tháng 01 năm 2027": a leading zero for days 1–9 and for
/// months 1 and 2 only; blanks to fill by hand while the date is not set.
pub fn place_and_date(place: &str, iso: &str, year: i32) -> String {
    let place = if place.trim().is_empty() {
        "……"
    } else {
        place.trim()
    };
    let parts: Vec<u32> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
    match parts.as_slice() {
        [y, m, d] => {
            let month = if *m <= 2 {
                format!("{m:02}")
            } else {
                m.to_string()
            };
            format!("{place}, ngày {d:02} tháng {month} năm {y}")
        }
        _ => format!("{place}, ngày      tháng      năm {year}"),
    }
}

/// "Số: 12/KH-SNNMT", or "Số:      /KH-SNNMT" before the registry numbers it.
pub fn number_and_symbol(number: &str, symbol: &str) -> String {
    let number = if number.trim().is_empty() {
        "     "
    } else {
        number.trim()
    };
    format!("Số: {number}/{}", symbol.trim())
}

fn p(text: impl Into<String>, style: Style, size: f32, align: Align) -> Block {
    Block::Para(Para::new(vec![span(text, style)], size, align))
}

fn body(text: &str) -> Vec<Block> {
    text.split('\n')
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            Block::Para(
                Para::new(vec![span(l.trim(), Style::Regular)], BODY, Align::Justify)
                    .indent(INDENT)
                    .after(PARA_GAP),
            )
        })
        .collect()
}

fn heading(text: impl Into<String>) -> Block {
    Block::Para(
        Para::new(vec![span(text, Style::Bold)], BODY, Align::Justify)
            .indent(INDENT)
            .before(PARA_GAP)
            .after(PARA_GAP),
    )
}

/// A paragraph with a bold lead-in: "Lãnh đạo phụ trách: Nguyễn Văn A".
fn labelled(label: &str, text: &str) -> Block {
    Block::Para(
        Para::new(
            vec![
                span(format!("{label}: "), Style::Bold),
                span(text.trim(), Style::Regular),
            ],
            BODY,
            Align::Justify,
        )
        .indent(INDENT)
        .after(PARA_GAP),
    )
}

fn bullet(text: &str) -> Block {
    Block::Para(
        Para::new(
            vec![span(format!("- {}", text.trim()), Style::Regular)],
            BODY,
            Align::Justify,
        )
        .indent(INDENT)
        .after(PARA_GAP / 2.0),
    )
}

fn cell(text: impl Into<String>, style: Style, size: f32, align: Align) -> Cell {
    Cell {
        paras: vec![Para::new(vec![span(text, style)], size, align)],
    }
}

fn rule_under(fonts: &Fonts, text: &str, style: Style, size: f32, share: f32) -> Block {
    Block::Rule {
        width: fonts.width(style, size, text) * share,
        align: Align::Center,
        thickness: 0.6,
        space_after: 4.0,
    }
}

/// The header: issuing body on the left, the national title on the right.
fn header(fonts: &Fonts, doc: &PlanDocument, width: f32) -> Block {
    let left_w = width * 0.45;
    let right_w = width - left_w;
    let parent = upper(&doc.unit.parent_body);
    let unit = upper(&doc.unit.name);
    let mut left = Vec::new();
    if !parent.is_empty() {
        left.push(p(parent, Style::Regular, 12.0, Align::Center));
    }
    left.push(p(unit.clone(), Style::Bold, 12.0, Align::Center));
    let unit_line = unit
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    left.push(Block::Space(2.0));
    left.push(rule_under(fonts, &unit_line, Style::Bold, 12.0, 0.8));
    left.push(Block::Space(4.0));
    left.push(p(
        number_and_symbol(&doc.fields.number, &doc.fields.symbol),
        Style::Regular,
        13.0,
        Align::Center,
    ));

    const NATION: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
    let nation_size = if fonts.width(Style::Bold, 12.0, NATION) <= right_w {
        12.0
    } else {
        11.0
    };
    let right = vec![
        p(NATION, Style::Bold, nation_size, Align::Center),
        p(MOTTO, Style::Bold, 13.0, Align::Center),
        Block::Space(2.0),
        rule_under(fonts, MOTTO, Style::Bold, 13.0, 1.0),
        Block::Space(4.0),
        p(
            place_and_date(&doc.fields.place, &doc.fields.issue_date, doc.year),
            Style::Italic,
            13.0,
            Align::Center,
        ),
    ];
    Block::Columns(vec![(left_w, left), (right_w, right)])
}

fn title(fonts: &Fonts, doc: &PlanDocument) -> Vec<Block> {
    let subject = if doc.fields.title.trim().is_empty() {
        format!("Truyền thông chính sách năm {}", doc.year)
    } else {
        doc.fields.title.trim().to_string()
    };
    vec![
        Block::Space(16.0),
        p("KẾ HOẠCH", Style::Bold, 14.0, Align::Center),
        p(subject, Style::Bold, 14.0, Align::Center),
        Block::Space(2.0),
        Block::Rule {
            width: fonts.width(Style::Bold, 14.0, "KẾ HOẠCH") * 1.6,
            align: Align::Center,
            thickness: 0.6,
            space_after: 10.0,
        },
    ]
}

fn legal_bases(doc: &PlanDocument) -> Vec<Block> {
    let n = doc.legal_bases.len();
    let mut out: Vec<Block> = doc
        .legal_bases
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let text = b.text.trim().trim_end_matches([';', '.']);
            let end = if i + 1 == n { "." } else { ";" };
            Block::Para(
                Para::new(
                    vec![span(format!("Căn cứ {text}{end}"), Style::Italic)],
                    BODY,
                    Align::Justify,
                )
                .indent(INDENT)
                .after(PARA_GAP),
            )
        })
        .collect();
    out.push(Block::Para(
        Para::new(
            vec![span(
                format!(
                    "{} ban hành Kế hoạch truyền thông chính sách năm {} như sau:",
                    doc.unit.name.trim(),
                    doc.year
                ),
                Style::Regular,
            )],
            BODY,
            Align::Justify,
        )
        .indent(INDENT)
        .after(PARA_GAP),
    ));
    out
}

const ROMAN: [&str; 8] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];
const LETTERS: [&str; 26] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y", "z", "aa", "ab",
];

fn letter(i: usize) -> String {
    LETTERS
        .get(i)
        .map_or_else(|| format!("{}", i + 1), |l| (*l).to_string())
}

fn sections(doc: &PlanDocument, budget: &BudgetView) -> Vec<Block> {
    let f = &doc.fields;
    let mut out = Vec::new();
    let mut roman = ROMAN.iter();
    let mut section = |out: &mut Vec<Block>, title: &str| {
        let r = roman.next().copied().unwrap_or("");
        out.push(Block::Para(
            Para::new(
                vec![span(format!("{r}. {title}"), Style::Bold)],
                BODY,
                Align::Justify,
            )
            .indent(INDENT)
            .before(PARA_GAP)
            .after(PARA_GAP),
        ));
    };

    section(&mut out, "MỤC ĐÍCH, YÊU CẦU");
    out.push(heading("1. Mục đích"));
    out.extend(body(&f.purposes));
    out.push(heading("2. Yêu cầu"));
    out.extend(body(&f.requirements));

    section(&mut out, "NỘI DUNG TRUYỀN THÔNG");
    out.push(heading("1. Các chính sách cần truyền thông"));
    for (i, p) in doc.policies.iter().enumerate() {
        out.push(Block::Para(
            Para::new(
                vec![span(
                    format!("{}) {}", letter(i), p.title.trim()),
                    Style::Bold,
                )],
                BODY,
                Align::Justify,
            )
            .indent(INDENT)
            .after(PARA_GAP),
        ));
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
        out.push(labelled(
            "Các giai đoạn",
            &format!("{}; chi tiết tại Phụ lục I.", counts.join("; ")),
        ));
    }
    let general: Vec<_> = doc
        .activities
        .iter()
        .filter(|a| a.policy_id.is_none())
        .collect();
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

    section(&mut out, "NHÂN SỰ, MẠNG LƯỚI TRUYỀN THÔNG");
    out.push(heading("1. Nhân sự"));
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
    out.push(heading("2. Mạng lưới truyền thông, báo chí"));
    for pp in &doc.press_partners {
        out.push(bullet(&format!(
            "{} ({}): {}",
            pp.name.trim(),
            pp.arrangement.trim(),
            pp.tasks.trim()
        )));
    }
    out.extend(body(&f.press_coordination));

    section(
        &mut out,
        "CÔNG KHAI THÔNG TIN, THEO DÕI DƯ LUẬN VÀ XỬ LÝ KHỦNG HOẢNG",
    );
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

    section(&mut out, "KINH PHÍ THỰC HIỆN");
    out.push(Block::Para(
        Para::new(
            vec![
                span("Tổng kinh phí dự kiến: ", Style::Regular),
                span(budget.total.display(), Style::Bold),
                span(
                    format!(" (Bằng chữ: {}); chi tiết tại Phụ lục II.", budget.words),
                    Style::Italic,
                ),
            ],
            BODY,
            Align::Justify,
        )
        .indent(INDENT)
        .after(PARA_GAP),
    ));
    for t in &budget.by_source {
        out.push(bullet(&format!("{}: {}", t.label, t.proposed.display())));
    }

    section(&mut out, "TỔ CHỨC THỰC HIỆN");
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

/// The signer's lines: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" … then the name after space to sign.
pub fn signer_lines(doc: &PlanDocument) -> (Vec<String>, String) {
    let f = &doc.fields;
    let mut lines = Vec::new();
    if let Some(a) = f.signer_authority
        && a != SignerAuthority::Direct
        && !f.signer_authority_of.trim().is_empty()
    {
        lines.push(format!("{} {}", a.prefix(), upper(&f.signer_authority_of)));
    }
    if f.signer_authority == Some(SignerAuthority::OnBehalf)
        && !f.signer_deputy_of.trim().is_empty()
    {
        lines.push(format!("KT. {}", upper(&f.signer_deputy_of)));
    }
    if !f.signer_position.trim().is_empty() {
        lines.push(upper(&f.signer_position));
    }
    (lines, f.signer_name.trim().to_string())
}

/// Nơi nhận on the left and the signature on the right, kept together.
fn closing(doc: &PlanDocument, width: f32) -> Block {
    let left_w = width * 0.5;
    let mut left = vec![Block::Para(Para::new(
        vec![span("Nơi nhận:", Style::BoldItalic)],
        12.0,
        Align::Left,
    ))];
    let n = doc.recipients.len();
    for (i, r) in doc.recipients.iter().enumerate() {
        let text = r.text.trim().trim_end_matches(['.', ';']);
        let end = if i + 1 == n { "." } else { ";" };
        left.push(Block::Para(Para::new(
            vec![span(format!("- {text}{end}"), Style::Regular)],
            11.0,
            Align::Left,
        )));
    }
    let (lines, name) = signer_lines(doc);
    let mut right: Vec<Block> = lines
        .into_iter()
        .map(|l| p(l, Style::Bold, 13.0, Align::Center))
        .collect();
    right.push(Block::Space(60.0));
    right.push(p(name, Style::Bold, 13.0, Align::Center));
    Block::Keep(vec![
        Block::Space(10.0),
        Block::Columns(vec![(left_w, left), (width - left_w, right)]),
    ])
}

/// The main document's blocks.
pub fn main_blocks(
    fonts: &Fonts,
    doc: &PlanDocument,
    budget: &BudgetView,
    width: f32,
) -> Vec<Block> {
    let mut out = vec![header(fonts, doc, width)];
    out.extend(title(fonts, doc));
    out.extend(legal_bases(doc));
    out.extend(sections(doc, budget));
    out.push(closing(doc, width));
    out
}

fn appendix_head(fonts: &Fonts, doc: &PlanDocument, roman: &str, title: &str) -> Vec<Block> {
    let date = match doc
        .fields
        .issue_date
        .split('-')
        .collect::<Vec<_>>()
        .as_slice()
    {
        [y, m, d] => format!("ngày {d}/{m}/{y}"),
        _ => format!("ngày      /      /{}", doc.year),
    };
    let number = if doc.fields.number.trim().is_empty() {
        "     "
    } else {
        doc.fields.number.trim()
    };
    vec![
        p(format!("Phụ lục {roman}"), Style::Bold, 14.0, Align::Center),
        p(title.to_uppercase(), Style::Bold, 13.0, Align::Center),
        p(
            format!(
                "(Kèm theo Kế hoạch số {number}/{} {date} của {})",
                doc.fields.symbol.trim(),
                doc.unit.name.trim()
            ),
            Style::Italic,
            13.0,
            Align::Center,
        ),
        Block::Space(2.0),
        Block::Rule {
            width: fonts.width(Style::Bold, 14.0, "Phụ lục II") * 1.5,
            align: Align::Center,
            thickness: 0.6,
            space_after: 10.0,
        },
    ]
}

/// Phụ lục I: the activities of each policy by stage, then the general ones.
pub fn activities_appendix(fonts: &Fonts, doc: &PlanDocument, width: f32) -> Vec<Block> {
    let mut out = appendix_head(
        fonts,
        doc,
        "I",
        "Hoạt động truyền thông theo chính sách và giai đoạn",
    );
    let size = 11.0;
    let shares = [0.05, 0.27, 0.13, 0.12, 0.12, 0.11, 0.08, 0.12];
    let widths: Vec<f32> = shares.iter().map(|s| s * width).collect();
    let header = [
        "TT",
        "Nội dung hoạt động",
        "Hình thức",
        "Đối tượng",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Thời gian",
        "Sản phẩm, chỉ tiêu",
    ]
    .iter()
    .map(|h| cell(*h, Style::Bold, size, Align::Center))
    .collect::<Vec<_>>();
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut n = 0;
    let group_row = |text: String, style: Style| -> Vec<Cell> {
        let mut r = vec![
            cell("", style, size, Align::Center),
            cell(text, style, size, Align::Left),
        ];
        r.extend((0..6).map(|_| cell("", style, size, Align::Left)));
        r
    };
    let mut add_activity = |rows: &mut Vec<Vec<Cell>>, a: &commplan_core::Activity| {
        n += 1;
        let when = if !a.start_date.is_empty() {
            let d = |iso: &str| {
                let p: Vec<&str> = iso.split('-').collect();
                if p.len() == 3 {
                    format!("{}/{}/{}", p[2], p[1], p[0])
                } else {
                    iso.to_string()
                }
            };
            if a.end_date.is_empty() || a.end_date == a.start_date {
                d(&a.start_date)
            } else {
                format!("{} - {}", d(&a.start_date), d(&a.end_date))
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
        };
        let output = [a.expected_output.trim(), a.target.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("; ");
        rows.push(vec![
            cell(n.to_string(), Style::Regular, size, Align::Center),
            cell(a.content.trim(), Style::Regular, size, Align::Left),
            cell(
                doc.channel_name(a.channel_id).unwrap_or(""),
                Style::Regular,
                size,
                Align::Left,
            ),
            cell(a.audience.trim(), Style::Regular, size, Align::Left),
            cell(a.lead_unit.trim(), Style::Regular, size, Align::Left),
            cell(
                a.coordinating_units.trim(),
                Style::Regular,
                size,
                Align::Left,
            ),
            cell(when, Style::Regular, size, Align::Center),
            cell(output, Style::Regular, size, Align::Left),
        ]);
    };
    for (i, p) in doc.policies.iter().enumerate() {
        rows.push(group_row(
            format!(
                "{}. {}",
                ROMAN
                    .get(i)
                    .copied()
                    .map_or_else(|| (i + 1).to_string(), str::to_string),
                p.title.trim()
            ),
            Style::Bold,
        ));
        for s in &p.stages {
            rows.push(group_row(
                format!("Giai đoạn {}", s.stage.label_vi().to_lowercase()),
                Style::BoldItalic,
            ));
            if s.not_applicable {
                rows.push(group_row(
                    format!("Không áp dụng: {}", s.reason.trim()),
                    Style::Italic,
                ));
            }
            for a in doc.activities_of(p.id, s.stage) {
                add_activity(&mut rows, a);
            }
        }
        for a in doc
            .activities
            .iter()
            .filter(|a| a.policy_id == Some(p.id) && a.stage.is_none())
        {
            add_activity(&mut rows, a);
        }
    }
    let general: Vec<_> = doc
        .activities
        .iter()
        .filter(|a| a.policy_id.is_none())
        .collect();
    if !general.is_empty() {
        rows.push(group_row(
            "Hoạt động truyền thông chung".to_string(),
            Style::Bold,
        ));
        for a in general {
            add_activity(&mut rows, a);
        }
    }
    out.push(Block::Table(Table {
        widths,
        header,
        rows,
        padding: 3.0,
    }));
    out
}

/// Phụ lục II: the budget estimate with right-aligned amounts, totals and words.
pub fn budget_appendix(
    fonts: &Fonts,
    doc: &PlanDocument,
    budget: &BudgetView,
    width: f32,
) -> Vec<Block> {
    let mut out = appendix_head(fonts, doc, "II", "Dự toán kinh phí thực hiện kế hoạch");
    let size = 11.0;
    let shares = [0.05, 0.33, 0.09, 0.08, 0.12, 0.13, 0.10, 0.10];
    let widths: Vec<f32> = shares.iter().map(|s| s * width).collect();
    let header = [
        "TT",
        "Nội dung chi",
        "Đơn vị tính",
        "Số lượng",
        "Đơn giá (đồng)",
        "Thành tiền (đồng)",
        "Được duyệt (đồng)",
        "Nguồn kinh phí",
    ]
    .iter()
    .map(|h| cell(*h, Style::Bold, size, Align::Center))
    .collect::<Vec<_>>();
    let plain = |m: Money| commplan_core::money::group(m.dong());
    // A bold row of totals: a category's, or the grand total.
    let summary_row = |no: &str, label: &str, align: Align, proposed: Money, approved: Money| {
        let blank = || cell("", Style::Bold, size, Align::Left);
        vec![
            cell(no, Style::Bold, size, Align::Center),
            cell(label, Style::Bold, size, align),
            blank(),
            blank(),
            blank(),
            cell(plain(proposed), Style::Bold, size, Align::Right),
            cell(plain(approved), Style::Bold, size, Align::Right),
            blank(),
        ]
    };
    let mut rows = Vec::new();
    for (i, cat) in budget.by_category.iter().enumerate() {
        let lines: Vec<_> = budget
            .lines
            .iter()
            .filter(|l| {
                match l
                    .category_id
                    .and_then(|id| budget.categories.iter().find(|c| c.id == id))
                {
                    Some(c) => c.name == cat.label,
                    None => cat.label.starts_with("Chưa"),
                }
            })
            .collect();
        rows.push(summary_row(
            ROMAN.get(i).copied().unwrap_or(""),
            &cat.label,
            Align::Left,
            cat.proposed,
            cat.approved,
        ));
        for (j, l) in lines.iter().enumerate() {
            let source = l
                .funding_source_id
                .and_then(|id| budget.sources.iter().find(|s| s.id == id))
                .map(|s| s.name.as_str())
                .unwrap_or("");
            rows.push(vec![
                cell((j + 1).to_string(), Style::Regular, size, Align::Center),
                cell(l.description.trim(), Style::Regular, size, Align::Left),
                cell(
                    l.unit_of_measure.trim(),
                    Style::Regular,
                    size,
                    Align::Center,
                ),
                cell(l.quantity.display(), Style::Regular, size, Align::Right),
                cell(plain(l.unit_price), Style::Regular, size, Align::Right),
                cell(plain(l.amount), Style::Regular, size, Align::Right),
                cell(
                    l.approved.map(plain).unwrap_or_default(),
                    Style::Regular,
                    size,
                    Align::Right,
                ),
                cell(source, Style::Regular, size, Align::Left),
            ]);
        }
    }
    rows.push(summary_row(
        "",
        "TỔNG CỘNG",
        Align::Center,
        budget.total,
        budget.total_approved,
    ));
    out.push(Block::Table(Table {
        widths,
        header,
        rows,
        padding: 3.0,
    }));
    out.push(Block::Space(6.0));
    out.push(Block::Para(Para::new(
        vec![
            span("Bằng chữ: ", Style::BoldItalic),
            span(format!("{}.", budget.words), Style::Italic),
        ],
        BODY,
        Align::Left,
    )));

    out
}

pub fn spans_of(blocks: &[Block]) -> Vec<&Span> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Para(p) => out.extend(p.spans.iter()),
            Block::Table(t) => {
                for c in t.header.iter().chain(t.rows.iter().flatten()) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_the_leading_zero_rule() {
        assert_eq!(
            place_and_date("Gia Lai", "2027-01-05", 2027),
            "Gia Lai, ngày 05 tháng 01 năm 2027"
        );
        assert_eq!(
            place_and_date("Gia Lai", "2027-02-28", 2027),
            "Gia Lai, ngày 28 tháng 02 năm 2027"
        );
        assert_eq!(
            place_and_date("Gia Lai", "2027-03-15", 2027),
            "Gia Lai, ngày 15 tháng 3 năm 2027"
        );
        assert_eq!(
            place_and_date("Gia Lai", "2027-12-09", 2027),
            "Gia Lai, ngày 09 tháng 12 năm 2027"
        );
        assert_eq!(
            place_and_date("Gia Lai", "", 2027),
            "Gia Lai, ngày      tháng      năm 2027"
        );
    }

    #[test]
    fn number_and_symbol_leave_room_for_the_registry() {
        assert_eq!(number_and_symbol("12", "KH-STTTT"), "Số: 12/KH-STTTT");
        assert_eq!(number_and_symbol("", "KH-STTTT"), "Số:      /KH-STTTT");
    }
}
