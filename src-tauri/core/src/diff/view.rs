//! Values as people read them: money "12.500.000 đ", quantities "2,5",
//! months "tháng 1, 3, 5", dates dd/mm/yyyy, stages and signer authorities by
//! name, references (channels, categories, sources, policies, activities) by
//! the name their revision gives them; and the one-line summaries' helpers.

use crate::codes::Code;
use crate::text::shorten;
use serde_json::Value;

use crate::edit::FieldKind;
use crate::money::{Money, Quantity};
use crate::plan::{PlanDocument, SignerAuthority, Stage};
use crate::results::IndicatorMeasure;

/// One revision, to resolve references with its own lists.
#[derive(Clone, Copy)]
pub(super) struct View<'a> {
    pub(super) doc: &'a PlanDocument,
}

impl View<'_> {
    pub(super) fn render(&self, kind: FieldKind, value: &Value) -> String {
        let doc = self.doc;
        let id = value.as_i64();
        match (kind, value) {
            (_, Value::Null) => String::new(),
            (FieldKind::Bool, Value::Bool(b)) => yes_no(*b).to_string(),
            (FieldKind::Months, Value::Array(months)) => {
                let months: Vec<String> = months.iter().map(|m| m.to_string()).collect();
                if months.is_empty() {
                    String::new()
                } else {
                    format!("tháng {}", months.join(", "))
                }
            }
            (FieldKind::Date, Value::String(s)) => crate::dates::format_vi(s),
            (FieldKind::Stage, Value::String(s)) => Stage::from_code(s)
                .map(|st| st.label_vi().to_string())
                .unwrap_or_else(|| s.clone()),
            (FieldKind::SignerAuthority, Value::String(s)) => SignerAuthority::from_code(s)
                .map(|a| authority_vi(a).to_string())
                .unwrap_or_else(|| s.clone()),
            (FieldKind::Measure, Value::String(s)) => IndicatorMeasure::from_code(s)
                .map(|m| m.label_vi().to_string())
                .unwrap_or_else(|| s.clone()),
            (FieldKind::Count, Value::Number(n)) => n
                .as_i64()
                .map(crate::money::group)
                .unwrap_or_else(|| n.to_string()),
            (FieldKind::ChannelRef, _) => name_or_id(doc.channel_name(id), id),
            (FieldKind::CategoryRef, _) => name_or_id(ref_name(&doc.budget_categories, id), id),
            (FieldKind::SourceRef, _) => name_or_id(ref_name(&doc.funding_sources, id), id),
            (FieldKind::PolicyRef, _) => {
                let title = doc
                    .policies
                    .iter()
                    .find(|p| Some(p.id) == id)
                    .map(|p| or_blank(shorten(&p.title, 80)));
                name_or_id(title.as_deref(), id)
            }
            (FieldKind::ActivityRef, _) => {
                let content = doc
                    .activities
                    .iter()
                    .find(|a| Some(a.id) == id)
                    .map(|a| or_blank(shorten(&a.content, 80)));
                name_or_id(content.as_deref(), id)
            }
            (FieldKind::Money | FieldKind::OptionalMoney, Value::String(s)) => s
                .parse::<i64>()
                .ok()
                .and_then(|n| Money::new(n).ok())
                .map(Money::display)
                .unwrap_or_else(|| s.clone()),
            (FieldKind::Quantity, _) => match id {
                Some(centi) => Quantity(centi).display(),
                None => value.to_string(),
            },
            (_, Value::String(s)) => s.clone(),
            (_, other) => other.to_string(),
        }
    }
}

fn yes_no(b: bool) -> &'static str {
    if b { "Có" } else { "Không" }
}

fn ref_name(list: &[crate::budget::RefItem], id: Option<i64>) -> Option<&str> {
    let id = id?;
    list.iter().find(|r| r.id == id).map(|r| r.name.as_str())
}

fn name_or_id(name: Option<&str>, id: Option<i64>) -> String {
    match (name, id) {
        (Some(name), _) => name.to_string(),
        (None, Some(id)) => format!("(mục không còn trong danh sách, mã {id})"),
        (None, None) => String::new(),
    }
}

fn authority_vi(a: SignerAuthority) -> &'static str {
    match a {
        SignerAuthority::Direct => "Ký trực tiếp",
        SignerAuthority::OnBehalf => "TM. (thay mặt)",
        SignerAuthority::Deputy => "KT. (ký thay)",
        SignerAuthority::Acting => "Q. (quyền)",
        SignerAuthority::ByOrder => "TL. (thừa lệnh)",
        SignerAuthority::Authorised => "TUQ. (thừa ủy quyền)",
    }
}

pub(super) fn or_blank(s: String) -> String {
    if s.is_empty() {
        "(chưa có nội dung)".to_string()
    } else {
        s
    }
}

pub(super) fn join_nonempty(parts: &[&str], sep: &str) -> String {
    let parts: Vec<String> = parts
        .iter()
        .map(|p| shorten(p, 60))
        .filter(|p| !p.is_empty())
        .collect();
    or_blank(parts.join(sep))
}
