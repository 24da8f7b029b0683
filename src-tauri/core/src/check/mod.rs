//! The directive checker: reads a whole [`PlanDocument`] and says what the plan
//! still lacks under Directive 07/CT-TTg and the texts around it (Decree
//! 09/2017/NĐ-CP, Decree 30/2020/NĐ-CP, the Law on Access to Information,
//! Decision 407/QĐ-TTg on communicating draft policies), and where its parts
//! disagree with one another (a budget line and its activity, the subject and
//! the document type).
//!
//! Each requirement is one [`Rule`] of the catalogue ([`rules`]); [`check`]
//! gives one [`Finding`] per gap, naming the policy, line or field concerned,
//! in Vietnamese, with the legal text it rests on and where to fix it; a
//! finding that one edit mends carries that edit ([`Fix`]).
//!
//! The checker knows time: it is given the legal texts and the provinces
//! merged in 2025 ([`Law`]), and reads each legal basis against the plan's
//! year (`law.rs`).
//!
//! **Invariant: rule ids are stable forever.** They are stored by reviewers,
//! matched by the UI and by tests; a rule may be reworded, re-rated or retired,
//! but its id is never reused for another requirement nor renamed.
//!
//! Matching of free text (consultation, regular press information, press
//! conferences) is done on a folded form: NFC/NFD-insensitive, case-insensitive,
//! tone marks and "đ" folded, so "Lấy ý kiến", "lấy ý kiến" (decomposed) and
//! "hằng tháng"/"hàng tháng" are the same.
//!
//! Layout: this module holds the public types, [`check`] and the collector that
//! orders findings and counts them; `catalogue` defines every rule; `helpers`
//! the targets and names shared by the checks; one module per group of steps
//! checks them (`general`, `law`, `policies`, `staffing`, `press`,
//! `monitoring`, `budget`, `signature`), and `results` what was recorded of an
//! approved plan ([`check_results`]); `counts` reads the counts an activity
//! states ("03 hội nghị") and `wording` how list items are written. Folding
//! lives in [`crate::text::fold`].

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::edit::{Entity, FieldEdit};
use crate::legal::Law;
use crate::model::Step;
use crate::plan::PlanDocument;

mod budget;
mod catalogue;
mod counts;
mod general;
mod helpers;
mod law;
mod monitoring;
mod policies;
mod press;
mod results;
mod signature;
mod staffing;
#[cfg(test)]
pub(crate) mod tests;
mod wording;

use catalogue::{CATALOGUE, RuleDef};
pub(crate) use counts::counted_unit;
pub use policies::is_consultation;
pub(crate) use press::{gives_press_information, is_press_conference};
pub use results::check_results;

/// How much a finding stands in the way of submitting the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Severity {
    /// Required by the directive or a decree: the plan cannot be submitted so.
    Blocking,
    /// Good practice the reviewer will ask about.
    Warning,
    /// A suggestion.
    Advice,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Blocking, Severity::Warning, Severity::Advice];

    pub fn label_vi(self) -> &'static str {
        match self {
            Severity::Blocking => "Bắt buộc sửa",
            Severity::Warning => "Cảnh báo",
            Severity::Advice => "Gợi ý",
        }
    }
}

/// The legal text a rule rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum LegalSource {
    /// Chỉ thị số 07/CT-TTg ngày 21/3/2023.
    Directive07,
    /// Nghị định số 09/2017/NĐ-CP: spokesperson and information to the press.
    Decree09,
    /// Nghị định số 30/2020/NĐ-CP: công tác văn thư (format of documents).
    Decree30,
    /// Luật Tiếp cận thông tin 2016.
    AccessToInformation,
    /// Quyết định số 407/QĐ-TTg ngày 30/3/2022: communicating draft policies
    /// with a major impact, from the proposal to promulgation.
    Decision407,
    /// The dated list of legal texts (when each is in force, what replaces it).
    LegalTexts,
    /// Nghị quyết số 202/2025/QH15: the 2025 merger of provinces.
    Resolution202,
}

impl LegalSource {
    pub const ALL: [LegalSource; 7] = [
        LegalSource::Directive07,
        LegalSource::Decree09,
        LegalSource::Decree30,
        LegalSource::AccessToInformation,
        LegalSource::Decision407,
        LegalSource::LegalTexts,
        LegalSource::Resolution202,
    ];

    /// The full Vietnamese citation of the document.
    pub fn label_vi(self) -> &'static str {
        match self {
            LegalSource::Directive07 => {
                "Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về việc tăng cường công tác truyền thông chính sách"
            }
            LegalSource::Decree09 => {
                "Nghị định số 09/2017/NĐ-CP ngày 09/02/2017 của Chính phủ quy định chi tiết việc phát ngôn và cung cấp thông tin cho báo chí của các cơ quan hành chính nhà nước"
            }
            LegalSource::Decree30 => {
                "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư"
            }
            LegalSource::AccessToInformation => "Luật Tiếp cận thông tin ngày 06/4/2016",
            LegalSource::Decision407 => {
                "Quyết định số 407/QĐ-TTg ngày 30/3/2022 của Thủ tướng Chính phủ phê duyệt Đề án “Tổ chức truyền thông chính sách có tác động lớn đến xã hội trong quá trình xây dựng văn bản quy phạm pháp luật giai đoạn 2022 - 2027”"
            }
            LegalSource::LegalTexts => {
                "Danh mục văn bản pháp lý (ngày ban hành, ngày có hiệu lực, ngày hết hiệu lực, văn bản thay thế; mỗi văn bản có nguồn đối chiếu)"
            }
            LegalSource::Resolution202 => {
                "Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh"
            }
        }
    }
}

/// One requirement the checker verifies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Rule {
    /// Stable forever, e.g. "legal.directive_07" (see the module's invariant).
    pub id: &'static str,
    pub severity: Severity,
    /// The step of the editor the requirement belongs to.
    pub step: Step,
    /// Short Vietnamese title.
    pub title: &'static str,
    /// Why it is required, in Vietnamese.
    pub explanation: &'static str,
    pub source: LegalSource,
    /// The precise place in the source, e.g. "Nghị định 30/2020/NĐ-CP, Phụ lục I".
    pub citation: String,
}

/// Where the editor takes the user to fix a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Target {
    pub step: Step,
    pub entity: Option<Entity>,
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    /// The field's wire name (camelCase), as in the field registry.
    pub field: Option<String>,
}

/// One edit that mends a finding, offered beside **Sửa**.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Fix {
    /// What the button says, in Vietnamese ("Thay bằng …").
    pub label: String,
    /// The edit it makes, through the editor's normal path.
    pub edit: FieldEdit,
}

/// One gap found in a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Finding {
    /// The rule's id.
    pub rule: String,
    pub severity: Severity,
    pub step: Step,
    /// Vietnamese, naming what is concerned. The rule's title, why it is
    /// required and its source are said once for all its findings, in the
    /// report's `rules`.
    pub message: String,
    pub target: Target,
    /// The one edit that mends it, when there is one.
    pub fix: Option<Fix>,
}

/// What a report says once of a rule that has findings: its short title, why
/// it is required and where (Vietnamese).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct RuleText {
    /// The rule's id, as its findings name it.
    pub id: String,
    pub title: String,
    pub explanation: String,
    pub source: LegalSource,
    pub citation: String,
}

/// The counts of one step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct StepFindings {
    pub step: Step,
    pub blocking: u32,
    pub warnings: u32,
    pub advice: u32,
}

/// Everything the checker found in one plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct CheckReport {
    /// Ordered by step, then by the rule's place in the catalogue, then by the
    /// order of the items in the plan.
    pub findings: Vec<Finding>,
    /// Each rule that has findings, once, in the catalogue's order (a plan of
    /// thousands of items may have thousands of findings of a few rules).
    pub rules: Vec<RuleText>,
    pub blocking: u32,
    pub warnings: u32,
    pub advice: u32,
    /// All nine steps, in the editor's order.
    pub per_step: Vec<StepFindings>,
}

/// What the editor shows of a report beside its steps, without the findings
/// (only the check's own page lists those).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct CheckCounts {
    pub blocking: u32,
    pub warnings: u32,
    pub advice: u32,
    /// All nine steps, in the editor's order.
    pub per_step: Vec<StepFindings>,
}

impl CheckReport {
    /// The report's counts, in total and per step.
    pub fn counts(&self) -> CheckCounts {
        CheckCounts {
            blocking: self.blocking,
            warnings: self.warnings,
            advice: self.advice,
            per_step: self.per_step.clone(),
        }
    }

    /// True when nothing blocks submitting the plan.
    pub fn can_submit(&self) -> bool {
        self.blocking == 0
    }

    /// What the report says of the rule `id` (the rule of one of its findings).
    pub fn rule(&self, id: &str) -> Option<&RuleText> {
        self.rules.iter().find(|r| r.id == id)
    }
}

/// Every rule, in catalogue order.
pub fn rules() -> Vec<Rule> {
    CATALOGUE.iter().map(|d| d.rule()).collect()
}

/// Checks a plan against every rule of the catalogue, reading its legal
/// bases against `law` in the plan's year.
pub fn check(doc: &PlanDocument, law: &Law) -> CheckReport {
    let mut found = Found::default();
    general::legal_bases(doc, &mut found);
    law::legal_texts(doc, law, &mut found);
    law::former_provinces(doc, law, &mut found);
    general::general(doc, &mut found);
    policies::policies(doc, &mut found);
    policies::activities(doc, &mut found);
    staffing::staffing(doc, &mut found);
    press::press(doc, &mut found);
    monitoring::monitoring(doc, &mut found);
    budget::budget(doc, &mut found);
    monitoring::implementation(doc, &mut found);
    signature::signature(doc, &mut found);
    found.report()
}

/// What the checks found so far; [`Found::report`] orders and counts it.
#[derive(Default)]
struct Found {
    /// (step index, rule index, finding), in document order within a rule.
    items: Vec<(usize, usize, Finding)>,
}

/// The place of `step` in the editor's order.
fn step_index(step: Step) -> usize {
    Step::ALL
        .iter()
        .position(|s| *s == step)
        .unwrap_or(Step::ALL.len())
}

impl Found {
    /// One finding of rule `def`, in the order the checks meet the items.
    fn add(&mut self, def: &RuleDef, message: String, target: Target) {
        self.add_fixable(def, message, target, None);
    }

    /// As [`Found::add`], with the edit that mends it.
    fn add_fixable(&mut self, def: &RuleDef, message: String, target: Target, fix: Option<Fix>) {
        let rule_index = CATALOGUE
            .iter()
            .position(|d| d.id == def.id)
            .unwrap_or(CATALOGUE.len());
        self.items.push((
            step_index(def.step),
            rule_index,
            Finding {
                rule: def.id.to_string(),
                severity: def.severity,
                step: def.step,
                message,
                target,
                fix,
            },
        ));
    }

    /// Ordered by step, then rule, then document order; counted per severity and step.
    fn report(mut self) -> CheckReport {
        // Stable: document order is kept within a rule.
        self.items.sort_by_key(|(step, rule, _)| (*step, *rule));
        let findings: Vec<Finding> = self.items.into_iter().map(|(_, _, f)| f).collect();
        let count = |step: Option<Step>, severity: Severity| -> u32 {
            let n = findings
                .iter()
                .filter(|f| f.severity == severity && step.is_none_or(|s| f.step == s))
                .count();
            u32::try_from(n).unwrap_or(u32::MAX)
        };
        let per_step = Step::ALL
            .into_iter()
            .map(|step| StepFindings {
                step,
                blocking: count(Some(step), Severity::Blocking),
                warnings: count(Some(step), Severity::Warning),
                advice: count(Some(step), Severity::Advice),
            })
            .collect();
        let rules = CATALOGUE
            .iter()
            .filter(|def| findings.iter().any(|f| f.rule == def.id))
            .map(|def| RuleText {
                id: def.id.to_string(),
                title: def.title.to_string(),
                explanation: def.explanation.to_string(),
                source: def.source,
                citation: def.citation.to_string(),
            })
            .collect();
        CheckReport {
            blocking: count(None, Severity::Blocking),
            warnings: count(None, Severity::Warning),
            advice: count(None, Severity::Advice),
            per_step,
            findings,
            rules,
        }
    }
}
