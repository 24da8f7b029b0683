//! Checks of the "Staffing" step: a leader in charge, a spokesperson, a named
//! focal officer (Directive 07/CT-TTg, Decree 09/2017/NĐ-CP) and training.

use super::Found;
use super::catalogue::{STAFFING_FOCAL, STAFFING_LEADER, STAFFING_SPOKESPERSON, STAFFING_TRAINING};
use super::helpers::{blank, plan_field, target};
use crate::edit::Entity;
use crate::model::Step;
use crate::plan::PlanDocument;

/// The people the plan names, and their training.
pub(super) fn staffing(doc: &PlanDocument, found: &mut Found) {
    let step = Step::Staffing;
    let f = &doc.fields;
    if blank(&f.leader_name) {
        found.add(
            &STAFFING_LEADER,
            "Chưa ghi họ tên lãnh đạo phụ trách công tác truyền thông chính sách.".to_string(),
            plan_field(doc, step, "leaderName"),
        );
    }
    if blank(&f.spokesperson_name) {
        found.add(
            &STAFFING_SPOKESPERSON,
            "Chưa ghi họ tên người phát ngôn của cơ quan.".to_string(),
            plan_field(doc, step, "spokespersonName"),
        );
    }
    if !doc.focal_officers.iter().any(|o| !blank(&o.name)) {
        let (message, id) = match doc.focal_officers.first() {
            None => ("Chưa có cán bộ đầu mối truyền thông chính sách nào.", None),
            Some(o) => (
                "Cán bộ đầu mối truyền thông chính sách chưa có họ tên.",
                Some(o.id),
            ),
        };
        found.add(
            &STAFFING_FOCAL,
            message.to_string(),
            target(step, Some(Entity::FocalOfficer), id, Some("name")),
        );
    }
    if !doc.trainings.iter().any(|t| !blank(&t.topic)) {
        found.add(
            &STAFFING_TRAINING,
            "Chưa có khóa bồi dưỡng, tập huấn nào có nội dung cho đội ngũ làm truyền thông chính sách.".to_string(),
            target(
                step,
                Some(Entity::Training),
                doc.trainings.first().map(|t| t.id),
                Some("topic"),
            ),
        );
    }
}
