//! The field registry: for each [`Entity`] its table, its scope and every
//! editable field with its column, kind and Vietnamese label. The store builds
//! its SQL only from these names; `diff` and `check` name fields by them.

use super::Entity;
use crate::error::{AppError, Result};
use crate::header_lines::HeaderName;
use crate::model::Step;

/// How a field is validated and stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// One line of text, at most this many characters.
    Line(usize),
    /// Free text with line breaks.
    Long,
    Bool,
    /// Months 1–12, stored as a bit mask (bit 0 = January).
    Months,
    /// yyyy-mm-dd or empty.
    Date,
    /// A stage code or nothing.
    Stage,
    SignerAuthority,
    /// The id of a channel, or nothing.
    ChannelRef,
    /// The id of a policy of the same plan, or nothing.
    PolicyRef,
    /// The id of an activity of the same plan, or nothing.
    ActivityRef,
    /// The id of a budget category, or nothing.
    CategoryRef,
    /// The id of a funding source, or nothing.
    SourceRef,
    /// Whole đồng, typed "12.500.000" or "12500000".
    Money,
    /// Whole đồng or nothing (an approved amount not yet set).
    OptionalMoney,
    /// Up to two decimals ("2,5"), stored in hundredths.
    Quantity,
    /// A whole number from 0 to [`MAX_COUNT`], or nothing (a target not yet set).
    Count,
    /// How an objective's actual value is obtained: an
    /// [`crate::results::IndicatorMeasure`] code.
    Measure,
    /// Where the officer breaks a name of the header into lines: the name
    /// with a line break at the end of each line, or empty (automatic); it
    /// must break that very name ([`crate::header_lines::check_breaks`]).
    Breaks(HeaderName),
}

impl FieldKind {
    /// The kind of item a reference field points to; `None` for a value.
    pub fn refers_to(self) -> Option<Entity> {
        match self {
            FieldKind::ChannelRef => Some(Entity::Channel),
            FieldKind::PolicyRef => Some(Entity::Policy),
            FieldKind::ActivityRef => Some(Entity::Activity),
            FieldKind::CategoryRef => Some(Entity::BudgetCategory),
            FieldKind::SourceRef => Some(Entity::FundingSource),
            _ => None,
        }
    }
}

/// The largest whole number a count holds (a target, a number achieved,
/// people reached): 999.999.999.
pub const MAX_COUNT: i64 = 999_999_999;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldDef {
    /// The wire name (camelCase).
    pub name: &'static str,
    pub column: &'static str,
    pub kind: FieldKind,
    /// Vietnamese label, for messages.
    pub label: &'static str,
    /// For a field of the plan row itself, the step of the editor it is
    /// filled in (the leader's name in "Nhân sự" …); `None` for a field of a
    /// list item, which is in its list's step ([`EntityDef::step`]).
    pub step: Option<Step>,
}

/// Where an item hangs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The plan row itself.
    PlanRow,
    /// A row with a `plan_id`, ordered by `position` within the plan.
    Plan,
    /// A row with a `policy_id` (the five stages; not added or deleted one by one).
    Policy,
    /// Reference data shared by all plans, ordered by `position`.
    Global,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityDef {
    pub table: &'static str,
    pub scope: Scope,
    pub fields: &'static [FieldDef],
    /// Vietnamese name of one item, for messages ("chính sách").
    pub noun: &'static str,
    /// The field whose value names an item in messages.
    pub title_field: Option<&'static str>,
    /// Where its items are in a `PlanDocument` (camelCase): a list of the plan
    /// ("legalBases"), the plan's own "fields", each policy's "stages", or a
    /// reference list ("channels").
    pub document_key: &'static str,
    /// The step of the editor its items are edited in; `None` for the shared
    /// lists, edited under "Danh mục".
    pub step: Option<Step>,
}

const LINE: FieldKind = FieldKind::Line(1_000);

/// A field of a list item: no step of its own.
pub(crate) const fn f(
    name: &'static str,
    column: &'static str,
    kind: FieldKind,
    label: &'static str,
) -> FieldDef {
    FieldDef {
        name,
        column,
        kind,
        label,
        step: None,
    }
}

/// A field of the plan row, filled in at `step`.
const fn pf(
    step: Step,
    name: &'static str,
    column: &'static str,
    kind: FieldKind,
    label: &'static str,
) -> FieldDef {
    FieldDef {
        step: Some(step),
        ..f(name, column, kind, label)
    }
}

const PLAN_FIELDS: &[FieldDef] = &[
    pf(
        Step::General,
        "number",
        "number",
        FieldKind::Line(20),
        "Số văn bản",
    ),
    pf(
        Step::General,
        "symbol",
        "symbol",
        FieldKind::Line(60),
        "Ký hiệu",
    ),
    pf(
        Step::General,
        "place",
        "place",
        FieldKind::Line(200),
        "Địa danh",
    ),
    pf(
        Step::General,
        "issueDate",
        "issue_date",
        FieldKind::Date,
        "Ngày ban hành",
    ),
    pf(Step::General, "title", "title", LINE, "Tên kế hoạch"),
    pf(
        Step::General,
        "headerParentLines",
        "header_parent_lines",
        FieldKind::Breaks(HeaderName::Parent),
        "Ngắt dòng tên cơ quan chủ quản",
    ),
    pf(
        Step::General,
        "headerUnitLines",
        "header_unit_lines",
        FieldKind::Breaks(HeaderName::Unit),
        "Ngắt dòng tên đơn vị",
    ),
    pf(
        Step::General,
        "subjectLines",
        "subject_lines",
        FieldKind::Breaks(HeaderName::Subject),
        "Ngắt dòng trích yếu",
    ),
    pf(
        Step::General,
        "previousResults",
        "previous_results",
        FieldKind::Long,
        "Kết quả thực hiện năm trước",
    ),
    pf(
        Step::General,
        "purposes",
        "purposes",
        FieldKind::Long,
        "Mục đích",
    ),
    pf(
        Step::General,
        "requirements",
        "requirements",
        FieldKind::Long,
        "Yêu cầu",
    ),
    pf(
        Step::Staffing,
        "leaderName",
        "leader_name",
        LINE,
        "Lãnh đạo phụ trách",
    ),
    pf(
        Step::Staffing,
        "leaderPosition",
        "leader_position",
        LINE,
        "Chức vụ lãnh đạo phụ trách",
    ),
    pf(
        Step::Staffing,
        "spokespersonName",
        "spokesperson_name",
        LINE,
        "Người phát ngôn",
    ),
    pf(
        Step::Staffing,
        "spokespersonPosition",
        "spokesperson_position",
        LINE,
        "Chức vụ người phát ngôn",
    ),
    pf(
        Step::Staffing,
        "spokespersonContact",
        "spokesperson_contact",
        LINE,
        "Liên hệ người phát ngôn",
    ),
    pf(
        Step::Press,
        "pressCoordination",
        "press_coordination",
        FieldKind::Long,
        "Phối hợp với cơ quan tuyên giáo, hội nhà báo",
    ),
    pf(
        Step::Monitoring,
        "publicDisclosure",
        "public_disclosure",
        FieldKind::Long,
        "Công khai thông tin",
    ),
    pf(
        Step::Monitoring,
        "opinionMonitoring",
        "opinion_monitoring",
        FieldKind::Long,
        "Theo dõi dư luận xã hội",
    ),
    pf(
        Step::Monitoring,
        "falseInformation",
        "false_information",
        FieldKind::Long,
        "Xử lý thông tin sai sự thật",
    ),
    pf(
        Step::Monitoring,
        "crisisProcedure",
        "crisis_procedure",
        FieldKind::Long,
        "Quy trình xử lý khủng hoảng truyền thông",
    ),
    pf(
        Step::Implementation,
        "reporting",
        "reporting",
        FieldKind::Long,
        "Chế độ báo cáo",
    ),
    pf(
        Step::Signature,
        "signerAuthority",
        "signer_authority",
        FieldKind::SignerAuthority,
        "Thẩm quyền ký",
    ),
    pf(
        Step::Signature,
        "signerAuthorityOf",
        "signer_authority_of",
        LINE,
        "Thay mặt / ký thay cho",
    ),
    pf(
        Step::Signature,
        "signerDeputyOf",
        "signer_deputy_of",
        LINE,
        "Ký thay (dòng thứ hai)",
    ),
    pf(
        Step::Signature,
        "signerPosition",
        "signer_position",
        LINE,
        "Chức vụ người ký",
    ),
    pf(
        Step::Signature,
        "signerName",
        "signer_name",
        LINE,
        "Họ tên người ký",
    ),
];

const LEGAL_BASIS_FIELDS: &[FieldDef] = &[f("text", "text", FieldKind::Long, "Căn cứ")];

const POLICY_FIELDS: &[FieldDef] = &[
    f("title", "title", LINE, "Tên chính sách"),
    f("field", "field", LINE, "Lĩnh vực"),
    f(
        "majorImpact",
        "major_impact",
        FieldKind::Bool,
        "Tác động lớn đến xã hội",
    ),
    f(
        "affectedGroups",
        "affected_groups",
        FieldKind::Long,
        "Nhóm đối tượng chịu tác động",
    ),
    f(
        "keyMessages",
        "key_messages",
        FieldKind::Long,
        "Thông điệp chính",
    ),
    f("draftDocument", "draft_document", LINE, "Dự thảo văn bản"),
];

const STAGE_FIELDS: &[FieldDef] = &[
    f(
        "notApplicable",
        "not_applicable",
        FieldKind::Bool,
        "Không áp dụng",
    ),
    f("reason", "reason", FieldKind::Long, "Lý do không áp dụng"),
];

const ACTIVITY_FIELDS: &[FieldDef] = &[
    f("policyId", "policy_id", FieldKind::PolicyRef, "Chính sách"),
    f("stage", "stage", FieldKind::Stage, "Giai đoạn"),
    f("content", "content", FieldKind::Long, "Nội dung hoạt động"),
    f(
        "channelId",
        "channel_id",
        FieldKind::ChannelRef,
        "Hình thức",
    ),
    f("audience", "audience", LINE, "Đối tượng"),
    f("leadUnit", "lead_unit", LINE, "Đơn vị chủ trì"),
    f(
        "coordinatingUnits",
        "coordinating_units",
        LINE,
        "Đơn vị phối hợp",
    ),
    f("months", "months", FieldKind::Months, "Tháng thực hiện"),
    f("startDate", "start_date", FieldKind::Date, "Từ ngày"),
    f("endDate", "end_date", FieldKind::Date, "Đến ngày"),
    f(
        "expectedOutput",
        "expected_output",
        LINE,
        "Sản phẩm dự kiến",
    ),
    f("target", "target", LINE, "Chỉ tiêu"),
];

const FOCAL_FIELDS: &[FieldDef] = &[
    f("name", "name", LINE, "Họ tên"),
    f("position", "position_title", LINE, "Chức vụ"),
    f("unit", "unit", LINE, "Đơn vị công tác"),
    f("phone", "phone", FieldKind::Line(40), "Điện thoại"),
    f("email", "email", FieldKind::Line(200), "Thư điện tử"),
];

const TRAINING_FIELDS: &[FieldDef] = &[
    f("topic", "topic", LINE, "Nội dung bồi dưỡng"),
    f("participants", "participants", LINE, "Thành phần tham gia"),
    f("timing", "timing", LINE, "Thời gian"),
    f("organiser", "organiser", LINE, "Đơn vị tổ chức"),
];

const PRESS_FIELDS: &[FieldDef] = &[
    f("name", "name", LINE, "Cơ quan báo chí"),
    f("arrangement", "arrangement", LINE, "Hình thức phối hợp"),
    f("tasks", "tasks", FieldKind::Long, "Nhiệm vụ, sản phẩm"),
];

const RESPONSIBILITY_FIELDS: &[FieldDef] = &[
    f("unit", "unit", LINE, "Đơn vị"),
    f("tasks", "tasks", FieldKind::Long, "Nhiệm vụ"),
];

const REPORT_FIELDS: &[FieldDef] = &[
    f("content", "content", LINE, "Nội dung báo cáo"),
    f("deadline", "deadline", LINE, "Thời hạn"),
    f("recipient", "recipient", LINE, "Nơi nhận báo cáo"),
];

const RECIPIENT_FIELDS: &[FieldDef] = &[f("text", "text", LINE, "Nơi nhận")];

const CHANNEL_FIELDS: &[FieldDef] = &[f("name", "name", LINE, "Tên hình thức")];

const BUDGET_LINE_FIELDS: &[FieldDef] = &[
    f(
        "categoryId",
        "category_id",
        FieldKind::CategoryRef,
        "Nhóm chi",
    ),
    f("description", "description", LINE, "Nội dung chi"),
    f(
        "unitOfMeasure",
        "unit_of_measure",
        FieldKind::Line(100),
        "Đơn vị tính",
    ),
    f(
        "quantity",
        "quantity_centi",
        FieldKind::Quantity,
        "Số lượng",
    ),
    f("unitPrice", "unit_price", FieldKind::Money, "Đơn giá"),
    f(
        "approved",
        "approved",
        FieldKind::OptionalMoney,
        "Số được duyệt",
    ),
    f(
        "fundingSourceId",
        "funding_source_id",
        FieldKind::SourceRef,
        "Nguồn kinh phí",
    ),
    f(
        "activityId",
        "activity_id",
        FieldKind::ActivityRef,
        "Hoạt động",
    ),
    f("notes", "notes", FieldKind::Long, "Ghi chú"),
];

const OBJECTIVE_FIELDS: &[FieldDef] = &[
    f("name", "name", LINE, "Chỉ tiêu"),
    f("target", "target", FieldKind::Count, "Giá trị chỉ tiêu"),
    f(
        "unit",
        "unit",
        FieldKind::Line(50),
        "Đơn vị tính của chỉ tiêu",
    ),
    f(
        "measure",
        "measure",
        FieldKind::Measure,
        "Cách tính kết quả",
    ),
];

const CATEGORY_FIELDS: &[FieldDef] = &[f("name", "name", LINE, "Tên nhóm chi")];
const SOURCE_FIELDS: &[FieldDef] = &[f("name", "name", LINE, "Tên nguồn kinh phí")];

/// One row per entity, in the order of [`Entity::ALL`] (a test checks it).
#[rustfmt::skip]
pub(super) const DEFS: [(Entity, EntityDef); 16] = [
    (Entity::Plan, d("plans", Scope::PlanRow, PLAN_FIELDS, "kế hoạch", Some("title"), "fields", Some(Step::General))),
    (Entity::LegalBasis, d("legal_bases", Scope::Plan, LEGAL_BASIS_FIELDS, "căn cứ", Some("text"), "legalBases", Some(Step::General))),
    (Entity::Policy, d("policies", Scope::Plan, POLICY_FIELDS, "chính sách", Some("title"), "policies", Some(Step::Policies))),
    (Entity::PolicyStage, d("policy_stages", Scope::Policy, STAGE_FIELDS, "giai đoạn", None, "stages", Some(Step::Policies))),
    (Entity::Activity, d("activities", Scope::Plan, ACTIVITY_FIELDS, "hoạt động", Some("content"), "activities", Some(Step::Activities))),
    (Entity::FocalOfficer, d("focal_officers", Scope::Plan, FOCAL_FIELDS, "cán bộ đầu mối", Some("name"), "focalOfficers", Some(Step::Staffing))),
    (Entity::Training, d("trainings", Scope::Plan, TRAINING_FIELDS, "khóa bồi dưỡng", Some("topic"), "trainings", Some(Step::Staffing))),
    (Entity::PressPartner, d("press_partners", Scope::Plan, PRESS_FIELDS, "cơ quan báo chí", Some("name"), "pressPartners", Some(Step::Press))),
    (Entity::Responsibility, d("responsibilities", Scope::Plan, RESPONSIBILITY_FIELDS, "nhiệm vụ của đơn vị", Some("unit"), "responsibilities", Some(Step::Implementation))),
    (Entity::Report, d("reports", Scope::Plan, REPORT_FIELDS, "báo cáo", Some("content"), "reports", Some(Step::Implementation))),
    (Entity::Recipient, d("recipients", Scope::Plan, RECIPIENT_FIELDS, "nơi nhận", Some("text"), "recipients", Some(Step::Signature))),
    (Entity::Channel, d("channels", Scope::Global, CHANNEL_FIELDS, "hình thức truyền thông", Some("name"), "channels", None)),
    (Entity::BudgetLine, d("budget_lines", Scope::Plan, BUDGET_LINE_FIELDS, "dòng kinh phí", Some("description"), "budgetLines", Some(Step::Budget))),
    (Entity::BudgetCategory, d("budget_categories", Scope::Global, CATEGORY_FIELDS, "nhóm chi", Some("name"), "budgetCategories", None)),
    (Entity::FundingSource, d("funding_sources", Scope::Global, SOURCE_FIELDS, "nguồn kinh phí", Some("name"), "fundingSources", None)),
    (Entity::Objective, d("objectives", Scope::Plan, OBJECTIVE_FIELDS, "chỉ tiêu", Some("name"), "objectives", Some(Step::General))),
];

const fn d(
    table: &'static str,
    scope: Scope,
    fields: &'static [FieldDef],
    noun: &'static str,
    title_field: Option<&'static str>,
    document_key: &'static str,
    step: Option<Step>,
) -> EntityDef {
    EntityDef {
        table,
        scope,
        fields,
        noun,
        title_field,
        document_key,
        step,
    }
}

impl Entity {
    pub fn def(self) -> EntityDef {
        DEFS[self as usize].1
    }

    /// The step of the editor where this entity's `field` is filled in: a
    /// field of the plan row has its own step, any other field is in its list's
    /// step. `None` for the shared lists.
    pub fn step_of(self, field: Option<&str>) -> Option<Step> {
        let own = field
            .and_then(|name| self.def().fields.iter().find(|f| f.name == name))
            .and_then(|f| f.step);
        own.or(self.def().step)
    }

    pub fn field(self, name: &str) -> Result<FieldDef> {
        self.def()
            .fields
            .iter()
            .find(|f| f.name == name)
            .copied()
            .ok_or_else(|| AppError::internal(format!("Trường “{name}” không tồn tại.")))
    }
}
