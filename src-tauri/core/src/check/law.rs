//! The legal bases read against time: each basis is matched to the legal
//! text it cites (`legal::cited_text`); a text not in force in the plan's
//! year, or superseded in it (`legal::superseded_in`), is a warning naming
//! what supersedes it, with the edit that cites that text instead. A basis
//! citing a provincial document issued before the 2025 merger of provinces
//! is advised to write "(cũ)" after the former province's name.

use super::catalogue::{LEGAL_FORMER_PROVINCE, LEGAL_NOT_IN_FORCE, LEGAL_SUPERSEDED};
use super::helpers::target;
use super::{Fix, Found, Target};
use crate::edit::{Entity, FieldEdit, FieldValue};
use crate::legal::{
    Law, LegalText, Supersession, cited_text, former_province, superseded_in, written_on,
};
use crate::model::Step;
use crate::plan::{LegalBasis, PlanDocument};
use crate::text::shorten;

fn basis_target(basis: &LegalBasis) -> Target {
    target(
        Step::General,
        Some(Entity::LegalBasis),
        Some(basis.id),
        Some("text"),
    )
}

/// The edit that makes `basis` read `text`.
fn rewrite(basis: &LegalBasis, label: String, text: &str) -> Fix {
    Fix {
        label,
        edit: FieldEdit {
            entity: Entity::LegalBasis,
            id: basis.id,
            field: "text".to_string(),
            value: FieldValue::Text(text.to_string()),
        },
    }
}

/// " (có hiệu lực từ 01/07/2026)" when the day is known.
fn from_day(text: &LegalText) -> String {
    text.in_force_from
        .map(|d| format!(" (có hiệu lực từ {})", crate::legal::shown(d)))
        .unwrap_or_default()
}

/// Each basis citing a known text: not in force in the plan's year, or superseded in it.
pub(super) fn legal_texts(doc: &PlanDocument, law: &Law, found: &mut Found) {
    for basis in &doc.legal_bases {
        let Some(text) = cited_text(&basis.text, &law.texts) else {
            continue;
        };
        let name = shorten(&basis.text, 120);
        if text.not_yet_in_force(doc.year) {
            found.add(
                &LEGAL_NOT_IN_FORCE,
                format!(
                    "Căn cứ “{name}”: văn bản chưa có hiệu lực trong năm {}{}.",
                    doc.year,
                    from_day(text)
                ),
                basis_target(basis),
            );
            continue;
        }
        if let Some(by) = superseded_in(&law.texts, text, doc.year) {
            let now = by.by();
            let what = match by {
                Supersession::Replaced(_) => "đã được thay thế bởi",
                Supersession::Newer(_) => "đã có văn bản mới hơn cùng lĩnh vực có hiệu lực:",
            };
            let label = format!("Thay bằng “{}”", shorten(&now.citation, 80));
            found.add_fixable(
                &LEGAL_SUPERSEDED,
                format!("Căn cứ “{name}”: {what} {}{}.", now.citation, from_day(now)),
                basis_target(basis),
                Some(rewrite(basis, label, &now.citation)),
            );
        } else if let Some(until) = text.in_force_until.filter(|_| text.ended_before(doc.year)) {
            found.add(
                &LEGAL_NOT_IN_FORCE,
                format!(
                    "Căn cứ “{name}”: văn bản đã hết hiệu lực từ {}, trước năm {} của kế hoạch.",
                    crate::legal::shown(until),
                    doc.year
                ),
                basis_target(basis),
            );
        }
    }
}

/// Each basis citing a provincial document issued before the merged
/// provinces' governments began, naming a former province without "(cũ)".
pub(super) fn former_provinces(doc: &PlanDocument, law: &Law, found: &mut Found) {
    let Some(from) = law.merges.from else {
        return;
    };
    let written = written_on(&doc.fields.issue_date, doc.year);
    for basis in &doc.legal_bases {
        if cited_text(&basis.text, &law.texts).is_some() {
            continue;
        }
        let Some(former) = former_province(&basis.text, &law.merges, written) else {
            continue;
        };
        let now = if former.name == former.now_in {
            format!("để phân biệt với tỉnh {} sau sắp xếp", former.now_in)
        } else {
            format!("nay thuộc tỉnh {}", former.now_in)
        };
        found.add_fixable(
            &LEGAL_FORMER_PROVINCE,
            format!(
                "Căn cứ “{}” là văn bản ban hành trước ngày {}, khi chính quyền tỉnh sau sắp xếp bắt đầu hoạt động: nên ghi “tỉnh {} (cũ)”, {now}.",
                shorten(&basis.text, 120),
                crate::legal::shown(from),
                former.name
            ),
            basis_target(basis),
            Some(rewrite(
                basis,
                format!("Ghi “tỉnh {} (cũ)”", former.name),
                &former.fixed,
            )),
        );
    }
}
