//! Checks of the "Monitoring" and "Implementation" steps: public disclosure,
//! opinion monitoring, false information and crisis handling are described;
//! reporting is arranged. The budget's checks are in `budget`.

use super::Found;
use super::catalogue::{
    IMPLEMENTATION_REPORTING, MONITORING_CRISIS, MONITORING_DISCLOSURE, MONITORING_FALSE_INFO,
    MONITORING_OPINION, RuleDef,
};
use super::helpers::{blank, plan_field};
use crate::model::Step;
use crate::plan::PlanDocument;

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
