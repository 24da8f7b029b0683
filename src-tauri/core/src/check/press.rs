//! Checks of the "Press" step: a press partner, information given to the press
//! regularly every month, and a press conference every quarter (Decree
//! 09/2017/NĐ-CP, Article 5(2)(a) and (b), which binds ministries and provincial
//! People's Committees; for other units the same rhythm is a warning).
//! Activities are recognised by their folded content and channel.

use super::catalogue::{PRESS_CONFERENCE, PRESS_PARTNER, PRESS_REGULAR};
use super::helpers::{activity_text, blank, contains_any, target};
use super::{Found, Target};
use crate::edit::Entity;
use crate::model::Step;
use crate::plan::{Activity, PlanDocument};
use crate::schedule::months_of;
use crate::text::fold;

/// Words that say an activity gives information to the press.
const PRESS_INFORMATION: &[&str] = &[
    "cung cap thong tin cho bao chi",
    "giao ban bao chi",
    "thong cao bao chi",
    "hop bao",
];
/// Words that say it is done regularly.
const REGULAR: &[&str] = &["dinh ky", "hang thang", "moi thang", "thuong xuyen"];

/// True when `a` is a press conference (its content says so, or its channel
/// is one for press conferences only).
pub(crate) fn is_press_conference(doc: &PlanDocument, a: &Activity) -> bool {
    if fold(&a.content).contains("hop bao") {
        return true;
    }
    // A channel only for press conferences; the common "Họp báo, cung cấp
    // thông tin cho báo chí" also covers written information, so it alone
    // does not make an activity a press conference.
    let channel = fold(doc.channel_name(a.channel_id).unwrap_or_default());
    channel.contains("hop bao") && !channel.contains("cung cap thong tin")
}

/// True when `a` gives information to the press: a press conference, an
/// activity of a press channel ("Họp báo, cung cấp thông tin cho báo chí"),
/// or information given to the press regularly. (A training in giving
/// information to the press is none of these.)
pub(crate) fn gives_press_information(doc: &PlanDocument, a: &Activity) -> bool {
    let channel = fold(doc.channel_name(a.channel_id).unwrap_or_default());
    contains_any(&channel, PRESS_INFORMATION)
        || is_press_conference(doc, a)
        || gives_regular_information(doc, a)
}

/// True when `a` gives information to the press regularly (every month …).
fn gives_regular_information(doc: &PlanDocument, a: &Activity) -> bool {
    let text = activity_text(doc, a);
    contains_any(&text, PRESS_INFORMATION) && contains_any(&text, REGULAR)
}

const QUARTERS: [&str; 4] = ["Quý I", "Quý II", "Quý III", "Quý IV"];

/// Partners, regular information and press conferences.
pub(super) fn press(doc: &PlanDocument, found: &mut Found) {
    partner(doc, found);
    regular_information(doc, found);
    conferences(doc, found);
}

/// Where the user goes to add the missing activity.
fn add_activity() -> Target {
    target(Step::Activities, Some(Entity::Activity), None, None)
}

fn partner(doc: &PlanDocument, found: &mut Found) {
    if !doc
        .press_partners
        .iter()
        .any(|p| !blank(&p.name) || !blank(&p.tasks))
    {
        found.add(
            &PRESS_PARTNER,
            "Chưa có cơ quan báo chí phối hợp hoặc được đặt hàng, giao nhiệm vụ.".to_string(),
            target(
                Step::Press,
                Some(Entity::PressPartner),
                doc.press_partners.first().map(|p| p.id),
                Some("name"),
            ),
        );
    }
}

/// Every month of the year has an activity giving information to the press regularly.
fn regular_information(doc: &PlanDocument, found: &mut Found) {
    let mut months = [false; 13];
    for a in doc
        .activities
        .iter()
        .filter(|a| gives_regular_information(doc, a))
    {
        for m in months_of(a, doc.year) {
            months[usize::from(m)] = true;
        }
    }
    let missing: Vec<String> = (1..=12usize)
        .filter(|m| !months[*m])
        .map(|m| m.to_string())
        .collect();
    if missing.len() == 12 {
        found.add(
            &PRESS_REGULAR,
            "Chưa có hoạt động người phát ngôn cung cấp thông tin định kỳ hằng tháng cho báo chí."
                .to_string(),
            add_activity(),
        );
    } else if !missing.is_empty() {
        found.add(
            &PRESS_REGULAR,
            format!(
                "Việc cung cấp thông tin định kỳ cho báo chí chưa được bố trí trong tháng {}.",
                missing.join(", ")
            ),
            add_activity(),
        );
    }
}

/// Every quarter has a press conference.
fn conferences(doc: &PlanDocument, found: &mut Found) {
    let mut quarters = [false; 4];
    let mut any = false;
    for a in doc
        .activities
        .iter()
        .filter(|a| is_press_conference(doc, a))
    {
        for m in months_of(a, doc.year) {
            any = true;
            quarters[usize::from((m - 1) / 3)] = true;
        }
    }
    let missing: Vec<&str> = QUARTERS
        .iter()
        .zip(quarters)
        .filter(|(_, held)| !held)
        .map(|(q, _)| *q)
        .collect();
    if !any {
        found.add(
            &PRESS_CONFERENCE,
            "Chưa có cuộc họp báo nào có thời gian trong năm; nên họp báo ít nhất mỗi quý một lần."
                .to_string(),
            add_activity(),
        );
    } else if !missing.is_empty() {
        found.add(
            &PRESS_CONFERENCE,
            format!("Chưa có họp báo trong {}.", missing.join(", ")),
            add_activity(),
        );
    }
}
