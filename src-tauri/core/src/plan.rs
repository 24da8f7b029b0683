//! A whole plan as one value: what the editor shows, what the PDF renders, what
//! the checker reads and what a plan file holds (DESIGN.md, "What a plan holds").

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{PlanStatus, Unit};

/// The five lifecycle stages of a policy (Directive 07/CT-TTg; the seed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Stage {
    /// Hoạch định chủ trương.
    Planning,
    /// Xây dựng.
    Drafting,
    /// Hoàn thiện.
    Finalising,
    /// Ban hành.
    Promulgation,
    /// Thực thi.
    Implementation,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Planning,
        Stage::Drafting,
        Stage::Finalising,
        Stage::Promulgation,
        Stage::Implementation,
    ];

    /// The stage's name as documents write it.
    pub fn label_vi(self) -> &'static str {
        match self {
            Stage::Planning => "Hoạch định chủ trương",
            Stage::Drafting => "Xây dựng",
            Stage::Finalising => "Hoàn thiện",
            Stage::Promulgation => "Ban hành",
            Stage::Implementation => "Thực thi",
        }
    }
}

/// How the signer signs (Decree 30/2020/NĐ-CP, Article 13).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum SignerAuthority {
    /// The head signs in their own name (e.g. GIÁM ĐỐC).
    Direct,
    /// TM. — on behalf of a collective body (TM. ỦY BAN NHÂN DÂN).
    OnBehalf,
    /// KT. — a deputy signs for the head (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC).
    Deputy,
    /// Q. — acting head.
    Acting,
    /// TL. — signed by order of the head.
    ByOrder,
    /// TUQ. — signed by authorisation.
    Authorised,
}

impl SignerAuthority {
    pub const ALL: [SignerAuthority; 6] = [
        SignerAuthority::Direct,
        SignerAuthority::OnBehalf,
        SignerAuthority::Deputy,
        SignerAuthority::Acting,
        SignerAuthority::ByOrder,
        SignerAuthority::Authorised,
    ];

    /// The prefix written before the authority line: "TM.", "KT." …; "" for a direct signature.
    pub fn prefix(self) -> &'static str {
        match self {
            SignerAuthority::Direct => "",
            SignerAuthority::OnBehalf => "TM.",
            SignerAuthority::Deputy => "KT.",
            SignerAuthority::Acting => "Q.",
            SignerAuthority::ByOrder => "TL.",
            SignerAuthority::Authorised => "TUQ.",
        }
    }
}

/// The plan's own fields: its header, its texts, its people and its signer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "camelCase", default)]
#[ts(rename_all = "camelCase")]
pub struct PlanFields {
    /// Số, e.g. "12" in "Số: 12/KH-SVHTTDL"; empty until the document is numbered.
    pub number: String,
    /// Ký hiệu, e.g. "KH-SVHTTDL".
    pub symbol: String,
    /// Địa danh, e.g. "Gia Lai".
    pub place: String,
    /// Ngày ban hành, yyyy-mm-dd; empty until it is issued.
    pub issue_date: String,
    pub title: String,
    /// Where the officer breaks the header's names into lines: the name with a
    /// line break at the end of each line; empty for the automatic rule
    /// ([`crate::header_lines`]). The parent body, the unit, the subject.
    pub header_parent_lines: String,
    pub header_unit_lines: String,
    pub subject_lines: String,
    /// Kết quả thực hiện năm trước: the opening of the plan, what was done of
    /// last year's plan (filled from last year's results when a plan is
    /// copied into the next year, [`crate::results::previous_year_summary`]).
    pub previous_results: String,
    /// Mục đích.
    pub purposes: String,
    /// Yêu cầu.
    pub requirements: String,
    /// Lãnh đạo phụ trách: họ tên và chức vụ.
    pub leader_name: String,
    pub leader_position: String,
    /// Người phát ngôn (Decree 09/2017/NĐ-CP).
    pub spokesperson_name: String,
    pub spokesperson_position: String,
    pub spokesperson_contact: String,
    /// Phối hợp với Ban Tuyên giáo, Hội Nhà báo.
    pub press_coordination: String,
    /// Công khai thông tin (Law on Access to Information).
    pub public_disclosure: String,
    /// Theo dõi dư luận, mạng xã hội.
    pub opinion_monitoring: String,
    /// Xử lý thông tin sai sự thật.
    pub false_information: String,
    /// Quy trình xử lý khủng hoảng truyền thông.
    pub crisis_procedure: String,
    /// Chế độ báo cáo.
    pub reporting: String,
    pub signer_authority: Option<SignerAuthority>,
    /// The body or head the signer acts for, e.g. "ỦY BAN NHÂN DÂN", "GIÁM ĐỐC".
    pub signer_authority_of: String,
    /// For TM. with a deputy: the second line "KT. CHỦ TỊCH" holds "CHỦ TỊCH".
    pub signer_deputy_of: String,
    /// e.g. "PHÓ GIÁM ĐỐC".
    pub signer_position: String,
    pub signer_name: String,
}

/// One plan with everything in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct PlanDocument {
    #[ts(type = "number")]
    pub id: i64,
    pub unit: Unit,
    pub year: i32,
    pub status: PlanStatus,
    pub updated_at: String,
    pub fields: PlanFields,
    pub legal_bases: Vec<LegalBasis>,
    pub policies: Vec<Policy>,
    pub activities: Vec<Activity>,
    pub focal_officers: Vec<FocalOfficer>,
    pub trainings: Vec<Training>,
    pub press_partners: Vec<PressPartner>,
    pub responsibilities: Vec<Responsibility>,
    pub reports: Vec<Report>,
    pub recipients: Vec<Recipient>,
    /// The channel list (reference data, shared by all plans).
    pub channels: Vec<Channel>,
    /// The budget estimate's lines.
    #[serde(default)]
    pub budget_lines: Vec<crate::budget::BudgetLine>,
    /// The budget category list (reference data).
    #[serde(default)]
    pub budget_categories: Vec<crate::budget::RefItem>,
    /// The funding source list (reference data).
    #[serde(default)]
    pub funding_sources: Vec<crate::budget::RefItem>,
    /// Chỉ tiêu: the plan's measurable objectives.
    #[serde(default)]
    pub objectives: Vec<Objective>,
}

/// Căn cứ: one legal basis, e.g. "Chỉ thị số 07/CT-TTg ngày 21/3/2023 …".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct LegalBasis {
    #[ts(type = "number")]
    pub id: i64,
    pub text: String,
}

/// A policy to communicate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Policy {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    /// Lĩnh vực.
    pub field: String,
    /// Chính sách có tác động lớn đến xã hội.
    pub major_impact: bool,
    /// Nhóm đối tượng chịu tác động.
    pub affected_groups: String,
    /// Thông điệp chính.
    pub key_messages: String,
    /// The draft legal document the policy belongs to.
    pub draft_document: String,
    /// Always the five stages, in order.
    pub stages: Vec<PolicyStage>,
}

/// One stage of one policy: its activities live in [`Activity`]; here is whether it applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct PolicyStage {
    #[ts(type = "number")]
    pub id: i64,
    pub stage: Stage,
    /// "Không áp dụng".
    pub not_applicable: bool,
    /// Why it does not apply.
    pub reason: String,
}

/// A communication activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Activity {
    #[ts(type = "number")]
    pub id: i64,
    /// The policy it serves; `None` for an activity of the plan as a whole.
    #[ts(type = "number | null")]
    pub policy_id: Option<i64>,
    pub stage: Option<Stage>,
    pub content: String,
    #[ts(type = "number | null")]
    pub channel_id: Option<i64>,
    /// Đối tượng.
    pub audience: String,
    /// Đơn vị chủ trì.
    pub lead_unit: String,
    /// Đơn vị phối hợp.
    pub coordinating_units: String,
    /// Months of the plan's year, 1–12, ascending.
    pub months: Vec<u8>,
    /// Exact dates, yyyy-mm-dd, when known.
    pub start_date: String,
    pub end_date: String,
    /// Sản phẩm dự kiến.
    pub expected_output: String,
    /// Chỉ tiêu.
    pub target: String,
}

/// Chỉ tiêu: one measurable objective of the plan, e.g. "Tỷ lệ chính sách có
/// tác động lớn được truyền thông từ khâu đề xuất chính sách": 100 %. Plan
/// content: drafted, reviewed and locked with the plan; what was achieved is
/// in its results ([`crate::results`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Objective {
    #[ts(type = "number")]
    pub id: i64,
    /// The indicator, as the plan writes it.
    pub name: String,
    /// The value aimed at, a whole number; `None` while not set.
    #[ts(type = "number | null")]
    pub target: Option<i64>,
    /// "%", "cuộc", "tháng" …
    pub unit: String,
    /// How its actual value is obtained.
    pub measure: crate::results::IndicatorMeasure,
}

/// Hình thức / kênh truyền thông (reference list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Channel {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
}

/// Cán bộ đầu mối.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct FocalOfficer {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub position: String,
    pub unit: String,
    pub phone: String,
    pub email: String,
}

/// Bồi dưỡng, tập huấn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Training {
    #[ts(type = "number")]
    pub id: i64,
    pub topic: String,
    pub participants: String,
    pub timing: String,
    pub organiser: String,
}

/// Cơ quan báo chí phối hợp, and what is ordered from or assigned to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct PressPartner {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    /// "Đặt hàng", "Giao nhiệm vụ", "Phối hợp" …
    pub arrangement: String,
    pub tasks: String,
}

/// Trách nhiệm của một đơn vị trong tổ chức thực hiện.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Responsibility {
    #[ts(type = "number")]
    pub id: i64,
    pub unit: String,
    pub tasks: String,
}

/// Một báo cáo phải nộp: nội dung, thời hạn, nơi nhận.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Report {
    #[ts(type = "number")]
    pub id: i64,
    pub content: String,
    pub deadline: String,
    pub recipient: String,
}

/// Một dòng nơi nhận, e.g. "Như trên", "Lưu: VT, KGVX".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Recipient {
    #[ts(type = "number")]
    pub id: i64,
    pub text: String,
}

impl PlanDocument {
    /// Activities of one policy in one stage.
    pub fn activities_of(&self, policy_id: i64, stage: Stage) -> impl Iterator<Item = &Activity> {
        self.activities
            .iter()
            .filter(move |a| a.policy_id == Some(policy_id) && a.stage == Some(stage))
    }

    pub fn channel_name(&self, id: Option<i64>) -> Option<&str> {
        let id = id?;
        self.channels
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.as_str())
    }
}
