//! Checks of the "Monitoring", "Budget" and "Implementation" steps: public
//! disclosure, opinion monitoring, false information and crisis handling are
//! described; every budget line has a funding source; reporting is arranged.

use super::Found;
use super::catalogue::{
    BUDGET_SOURCE, IMPLEMENTATION_REPORTING, MONITORING_CRISIS, MONITORING_DISCLOSURE,
    MONITORING_FALSE_INFO, MONITORING_OPINION, RuleDef,
};
use super::helpers::{blank, plan_field, target};
use crate::edit::Entity;
use crate::model::Step;
use crate::plan::PlanDocument;
use crate::text::shorten;

/// The four texts of the monitoring step are written.
pub(super) fn monitoring(doc: &PlanDocument, found: &mut Found) {
    let f = &doc.fields;
    let checks: [(&RuleDef, &str, &str, &str); 4] = [
        (
            &MONITORING_DISCLOSURE,
            &f.public_disclosure,
            "publicDisclosure",
            "Chưa nêu thông tin được công khai và hình thức công khai theo Luật Tiếp cận thông tin.",
        ),
        (
            &MONITORING_OPINION,
            &f.opinion_monitoring,
            "opinionMonitoring",
            "Chưa nêu cách theo dõi dư luận xã hội, báo chí và mạng xã hội về chính sách.",
        ),
        (
            &MONITORING_FALSE_INFO,
            &f.false_information,
            "falseInformation",
            "Chưa nêu cách phát hiện và xử lý thông tin sai sự thật.",
        ),
        (
            &MONITORING_CRISIS,
            &f.crisis_procedure,
            "crisisProcedure",
            "Chưa có quy trình xử lý khủng hoảng truyền thông.",
        ),
    ];
    for (def, value, field, message) in checks {
        if blank(value) {
            found.add(
                def,
                message.to_string(),
                plan_field(doc, Step::Monitoring, field),
            );
        }
    }
}

/// Every budget line names its funding source.
pub(super) fn budget(doc: &PlanDocument, found: &mut Found) {
    for (i, line) in doc.budget_lines.iter().enumerate() {
        if line.funding_source_id.is_some() {
            continue;
        }
        let name = if blank(&line.description) {
            format!("Dòng kinh phí thứ {} (chưa có nội dung)", i + 1)
        } else {
            format!("Dòng kinh phí “{}”", shorten(&line.description, 120))
        };
        found.add(
            &BUDGET_SOURCE,
            format!("{name} chưa có nguồn kinh phí."),
            target(
                Step::Budget,
                Some(Entity::BudgetLine),
                Some(line.id),
                Some("fundingSourceId"),
            ),
        );
    }
}

/// Reports are listed, or reporting is described.
pub(super) fn implementation(doc: &PlanDocument, found: &mut Found) {
    if doc.reports.is_empty() && blank(&doc.fields.reporting) {
        found.add(
            &IMPLEMENTATION_REPORTING,
            "Chưa có chế độ báo cáo kết quả thực hiện kế hoạch.".to_string(),
            plan_field(doc, Step::Implementation, "reporting"),
        );
    }
}
