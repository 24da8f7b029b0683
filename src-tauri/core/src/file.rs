//! The plan file: a whole plan as JSON, for the sample plan, for exchange
//! between an officer and a reviewer, and for copies. Ids inside the file are
//! local to it; importing gives every row a new id.

use serde::{Deserialize, Serialize};

use crate::error::{AppError, Result};
use crate::model::validate_year;
use crate::plan::{PlanDocument, Stage};

pub const FORMAT: &str = "commplan-plan";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanFile {
    pub format: String,
    pub version: u32,
    pub plan: PlanDocument,
}

impl PlanFile {
    pub fn new(plan: PlanDocument) -> PlanFile {
        PlanFile {
            format: FORMAT.to_string(),
            version: VERSION,
            plan,
        }
    }

    /// Reads a plan file, refusing anything that is not one this version understands.
    pub fn parse(json: &str) -> Result<PlanFile> {
        let file: PlanFile = serde_json::from_str(json).map_err(|e| {
            AppError::validation(format!(
                "Tệp kế hoạch không đọc được (dòng {}, cột {}).",
                e.line(),
                e.column()
            ))
        })?;
        if file.format != FORMAT {
            return Err(AppError::validation(
                "Tệp này không phải là tệp kế hoạch của ứng dụng.",
            ));
        }
        if file.version > VERSION {
            return Err(AppError::validation(
                "Tệp kế hoạch được tạo bởi phiên bản mới hơn của ứng dụng; hãy cập nhật ứng dụng.",
            ));
        }
        file.check()?;
        Ok(file)
    }

    /// The references inside the file hold together.
    pub fn check(&self) -> Result<()> {
        let plan = &self.plan;
        validate_year(plan.year)?;
        for p in &plan.policies {
            let stages: Vec<Stage> = p.stages.iter().map(|s| s.stage).collect();
            if stages != Stage::ALL {
                return Err(AppError::validation(format!(
                    "Chính sách “{}” phải có đủ năm giai đoạn theo thứ tự.",
                    p.title
                )));
            }
        }
        for a in &plan.activities {
            if let Some(pid) = a.policy_id
                && !plan.policies.iter().any(|p| p.id == pid)
            {
                return Err(AppError::validation(format!(
                    "Hoạt động “{}” gắn với một chính sách không có trong tệp.",
                    a.content
                )));
            }
            if let Some(cid) = a.channel_id
                && !plan.channels.iter().any(|c| c.id == cid)
            {
                return Err(AppError::validation(format!(
                    "Hoạt động “{}” dùng một hình thức không có trong tệp.",
                    a.content
                )));
            }
        }
        for l in &plan.budget_lines {
            let known = |id: Option<i64>, list: &[crate::budget::RefItem]| {
                id.is_none_or(|id| list.iter().any(|r| r.id == id))
            };
            if !known(l.category_id, &plan.budget_categories)
                || !known(l.funding_source_id, &plan.funding_sources)
                || !l
                    .activity_id
                    .is_none_or(|id| plan.activities.iter().any(|a| a.id == id))
            {
                return Err(AppError::validation(format!(
                    "Dòng kinh phí “{}” gắn với một mục không có trong tệp.",
                    l.description
                )));
            }
            let amount = crate::money::line_amount(l.quantity, l.unit_price)?;
            if amount != l.amount {
                return Err(AppError::validation(format!(
                    "Dòng kinh phí “{}”: thành tiền không bằng số lượng × đơn giá.",
                    l.description
                )));
            }
        }
        Ok(())
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
