//! Checks of the "Policies" and "Activities" steps: every policy covers its five
//! stages (or says why not), a policy with a major impact is consulted on from
//! the proposal to promulgation (Decision 407/QĐ-TTg), policies have key
//! messages written as sentences, and activities have a channel and a time.

use super::Found;
use super::catalogue::{
    ACTIVITY_CHANNEL_TIMING, POLICY_CONSULTATION, POLICY_KEY_MESSAGES, POLICY_SEMICOLON_CAPITAL,
    POLICY_STAGES,
};
use super::helpers::{activity_name, activity_text, blank, contains_any, policy_name, target};
use super::wording::capitals_after_semicolon;
use crate::edit::Entity;
use crate::model::Step;
use crate::plan::{PlanDocument, Policy, Stage};

/// Words that make an activity a consultation of the people affected.
const CONSULTATION: &[&str] = &["lay y kien", "tham van", "doi thoai", "hoi thao"];

/// Whether an activity consults the people affected (its content or
/// channel speaks of "lấy ý kiến", "tham vấn", "đối thoại", "hội thảo").
pub fn is_consultation(doc: &PlanDocument, a: &crate::plan::Activity) -> bool {
    contains_any(&activity_text(doc, a), CONSULTATION)
}

/// The rules of the policies step, each over all policies in turn.
pub(super) fn policies(doc: &PlanDocument, found: &mut Found) {
    for (i, p) in doc.policies.iter().enumerate() {
        stages(doc, &policy_name(i, p), p, found);
    }
    for (i, p) in doc.policies.iter().enumerate() {
        consultation(doc, i, p, found);
    }
    for (i, p) in doc.policies.iter().enumerate() {
        key_messages(i, p, found);
    }
    for (i, p) in doc.policies.iter().enumerate() {
        semicolons(i, p, found);
    }
}

/// Each of the five stages has an activity, or is marked not applicable with a reason.
fn stages(doc: &PlanDocument, name: &str, p: &Policy, found: &mut Found) {
    let step = Step::Policies;
    for stage in Stage::ALL {
        let label = stage.label_vi();
        match p.stages.iter().find(|s| s.stage == stage) {
            None => found.add(
                &POLICY_STAGES,
                format!("{name}: thiếu giai đoạn {label}."),
                target(step, Some(Entity::Policy), Some(p.id), None),
            ),
            Some(s) if s.not_applicable => {
                if blank(&s.reason) {
                    found.add(
                        &POLICY_STAGES,
                        format!(
                            "{name}: giai đoạn {label} được đánh dấu không áp dụng nhưng chưa ghi lý do."
                        ),
                        target(step, Some(Entity::PolicyStage), Some(s.id), Some("reason")),
                    );
                }
            }
            Some(s) => {
                if doc.activities_of(p.id, stage).next().is_none() {
                    found.add(
                        &POLICY_STAGES,
                        format!(
                            "{name}: giai đoạn {label} chưa có hoạt động và chưa ghi lý do không áp dụng."
                        ),
                        target(step, Some(Entity::PolicyStage), Some(s.id), None),
                    );
                }
            }
        }
    }
}

/// The stages Decision 407/QĐ-TTg covers: from the proposal to promulgation.
const DECISION_407: [Stage; 4] = [
    Stage::Planning,
    Stage::Drafting,
    Stage::Finalising,
    Stage::Promulgation,
];

/// A policy with a major impact has a consultation in one of the stages from
/// the proposal to promulgation that fall in the plan's year, unless every
/// stage in which opinions can still change the draft (up to finalising) is
/// left to another year.
fn consultation(doc: &PlanDocument, i: usize, p: &Policy, found: &mut Found) {
    if !p.major_impact {
        return;
    }
    // Left to another year (or done before it), with a reason.
    let elsewhere = |stage: Stage| {
        p.stages
            .iter()
            .any(|s| s.stage == stage && s.not_applicable && !blank(&s.reason))
    };
    let this_year: Vec<Stage> = DECISION_407
        .into_iter()
        .filter(|s| !elsewhere(*s))
        .collect();
    if !this_year.iter().any(|s| *s != Stage::Promulgation) {
        return;
    }
    let consulted = doc
        .activities
        .iter()
        .filter(|a| a.policy_id == Some(p.id) && a.stage.is_some_and(|s| this_year.contains(&s)))
        .any(|a| is_consultation(doc, a));
    if !consulted {
        let stages: Vec<&str> = this_year.iter().map(|s| s.label_vi()).collect();
        found.add(
            &POLICY_CONSULTATION,
            format!(
                "{}: chính sách có tác động lớn đến xã hội nhưng các giai đoạn {} trong năm chưa có hoạt động lấy ý kiến, tham vấn hoặc đối thoại với đối tượng chịu tác động.",
                policy_name(i, p),
                stages.join(", ")
            ),
            target(Step::Policies, Some(Entity::Policy), Some(p.id), None),
        );
    }
}

fn key_messages(i: usize, p: &Policy, found: &mut Found) {
    if blank(&p.key_messages) {
        found.add(
            &POLICY_KEY_MESSAGES,
            format!("{}: chưa có thông điệp chính.", policy_name(i, p)),
            target(
                Step::Policies,
                Some(Entity::Policy),
                Some(p.id),
                Some("keyMessages"),
            ),
        );
    }
}

/// No capital letter after ";" in the affected groups and key messages, but
/// for names.
fn semicolons(i: usize, p: &Policy, found: &mut Found) {
    let fields = [
        (
            "nhóm đối tượng chịu tác động",
            &p.affected_groups,
            "affectedGroups",
        ),
        ("thông điệp chính", &p.key_messages, "keyMessages"),
    ];
    for (label, text, field) in fields {
        let words = capitals_after_semicolon(text);
        if words.is_empty() {
            continue;
        }
        let shown: Vec<String> = words.iter().map(|w| format!("“{w}”")).collect();
        let lower: Vec<String> = words
            .iter()
            .map(|w| format!("“{}”", w.to_lowercase()))
            .collect();
        found.add(
            &POLICY_SEMICOLON_CAPITAL,
            format!(
                "{}, {label}: sau dấu chấm phẩy, {} viết hoa; nếu không phải tên riêng hay tên cơ quan, tổ chức thì viết thường ({}).",
                policy_name(i, p),
                shown.join(", "),
                lower.join(", ")
            ),
            target(Step::Policies, Some(Entity::Policy), Some(p.id), Some(field)),
        );
    }
}

/// Every activity has a channel and a time (months or dates).
pub(super) fn activities(doc: &PlanDocument, found: &mut Found) {
    for (i, a) in doc.activities.iter().enumerate() {
        let no_channel = a.channel_id.is_none();
        let no_time = a.months.is_empty() && blank(&a.start_date);
        let (what, field) = match (no_channel, no_time) {
            (true, true) => (
                "chưa chọn hình thức và chưa có thời gian thực hiện",
                "channelId",
            ),
            (true, false) => ("chưa chọn hình thức truyền thông", "channelId"),
            (false, true) => ("chưa có thời gian thực hiện (tháng hoặc ngày)", "months"),
            (false, false) => continue,
        };
        found.add(
            &ACTIVITY_CHANNEL_TIMING,
            format!("{}: {what}.", activity_name(i, a)),
            target(
                Step::Activities,
                Some(Entity::Activity),
                Some(a.id),
                Some(field),
            ),
        );
    }
}
