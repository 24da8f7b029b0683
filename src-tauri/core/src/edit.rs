//! How the editor changes a plan: one field at a time ([`FieldEdit`]), adding,
//! deleting (with undo) and reordering items. The registry here says, for each
//! kind of item, which fields exist, how each is validated and where it is
//! stored; the store builds its SQL only from these names.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::document::{SignerAuthority, Stage};
use crate::error::{AppError, Result};
use crate::text::{MAX_FIELD_CHARS, clean};

/// A kind of thing in a plan that the editor can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    Plan,
    LegalBasis,
    Policy,
    PolicyStage,
    Activity,
    FocalOfficer,
    Training,
    PressPartner,
    Responsibility,
    Report,
    Recipient,
    Channel,
    BudgetLine,
    BudgetCategory,
    FundingSource,
}

/// A new value for one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum FieldValue {
    Text(String),
    Bool(bool),
    Number(#[ts(type = "number | null")] Option<i64>),
    Months(Vec<u8>),
}

/// One edit of one field of one item, as the editor sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct FieldEdit {
    pub entity: Entity,
    #[ts(type = "number")]
    pub id: i64,
    /// The field's name as in the document types (camelCase), e.g. "leaderName".
    pub field: String,
    pub value: FieldValue,
}

/// A request to add an item at the end of its list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct NewItem {
    pub entity: Entity,
    #[ts(type = "number")]
    pub plan_id: i64,
    /// For an activity: the policy it serves.
    #[ts(type = "number | null")]
    pub policy_id: Option<i64>,
    /// For an activity: the stage it belongs to.
    pub stage: Option<Stage>,
}

/// What a deletion left behind so that it can be undone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Deleted {
    /// Pass it to `undo_delete` to put everything back.
    #[ts(type = "number")]
    pub trash_id: i64,
    /// What was deleted, in Vietnamese, for the undo message.
    pub description: String,
}

/// A value ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    Null,
    Int(i64),
    Text(String),
}

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldDef {
    /// The wire name (camelCase).
    pub name: &'static str,
    pub column: &'static str,
    pub kind: FieldKind,
    /// Vietnamese label, for messages.
    pub label: &'static str,
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
}

const LINE: FieldKind = FieldKind::Line(1_000);

const fn f(
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
    }
}

const PLAN_FIELDS: &[FieldDef] = &[
    f("number", "number", FieldKind::Line(20), "Số văn bản"),
    f("symbol", "symbol", FieldKind::Line(60), "Ký hiệu"),
    f("place", "place", FieldKind::Line(200), "Địa danh"),
    f("issueDate", "issue_date", FieldKind::Date, "Ngày ban hành"),
    f("title", "title", LINE, "Tên kế hoạch"),
    f("purposes", "purposes", FieldKind::Long, "Mục đích"),
    f("requirements", "requirements", FieldKind::Long, "Yêu cầu"),
    f("leaderName", "leader_name", LINE, "Lãnh đạo phụ trách"),
    f(
        "leaderPosition",
        "leader_position",
        LINE,
        "Chức vụ lãnh đạo phụ trách",
    ),
    f(
        "spokespersonName",
        "spokesperson_name",
        LINE,
        "Người phát ngôn",
    ),
    f(
        "spokespersonPosition",
        "spokesperson_position",
        LINE,
        "Chức vụ người phát ngôn",
    ),
    f(
        "spokespersonContact",
        "spokesperson_contact",
        LINE,
        "Liên hệ người phát ngôn",
    ),
    f(
        "pressCoordination",
        "press_coordination",
        FieldKind::Long,
        "Phối hợp với cơ quan tuyên giáo, hội nhà báo",
    ),
    f(
        "publicDisclosure",
        "public_disclosure",
        FieldKind::Long,
        "Công khai thông tin",
    ),
    f(
        "opinionMonitoring",
        "opinion_monitoring",
        FieldKind::Long,
        "Theo dõi dư luận xã hội",
    ),
    f(
        "falseInformation",
        "false_information",
        FieldKind::Long,
        "Xử lý thông tin sai sự thật",
    ),
    f(
        "crisisProcedure",
        "crisis_procedure",
        FieldKind::Long,
        "Quy trình xử lý khủng hoảng truyền thông",
    ),
    f("reporting", "reporting", FieldKind::Long, "Chế độ báo cáo"),
    f(
        "signerAuthority",
        "signer_authority",
        FieldKind::SignerAuthority,
        "Thẩm quyền ký",
    ),
    f(
        "signerAuthorityOf",
        "signer_authority_of",
        LINE,
        "Thay mặt / ký thay cho",
    ),
    f(
        "signerDeputyOf",
        "signer_deputy_of",
        LINE,
        "Ký thay (dòng thứ hai)",
    ),
    f(
        "signerPosition",
        "signer_position",
        LINE,
        "Chức vụ người ký",
    ),
    f("signerName", "signer_name", LINE, "Họ tên người ký"),
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

const CATEGORY_FIELDS: &[FieldDef] = &[f("name", "name", LINE, "Tên nhóm chi")];
const SOURCE_FIELDS: &[FieldDef] = &[f("name", "name", LINE, "Tên nguồn kinh phí")];

impl Entity {
    pub const ALL: [Entity; 15] = [
        Entity::Plan,
        Entity::LegalBasis,
        Entity::Policy,
        Entity::PolicyStage,
        Entity::Activity,
        Entity::FocalOfficer,
        Entity::Training,
        Entity::PressPartner,
        Entity::Responsibility,
        Entity::Report,
        Entity::Recipient,
        Entity::Channel,
        Entity::BudgetLine,
        Entity::BudgetCategory,
        Entity::FundingSource,
    ];

    pub fn def(self) -> EntityDef {
        let d = |table, scope, fields, noun, title_field| EntityDef {
            table,
            scope,
            fields,
            noun,
            title_field,
        };
        match self {
            Entity::Plan => d(
                "plans",
                Scope::PlanRow,
                PLAN_FIELDS,
                "kế hoạch",
                Some("title"),
            ),
            Entity::LegalBasis => d(
                "legal_bases",
                Scope::Plan,
                LEGAL_BASIS_FIELDS,
                "căn cứ",
                Some("text"),
            ),
            Entity::Policy => d(
                "policies",
                Scope::Plan,
                POLICY_FIELDS,
                "chính sách",
                Some("title"),
            ),
            Entity::PolicyStage => d(
                "policy_stages",
                Scope::Policy,
                STAGE_FIELDS,
                "giai đoạn",
                None,
            ),
            Entity::Activity => d(
                "activities",
                Scope::Plan,
                ACTIVITY_FIELDS,
                "hoạt động",
                Some("content"),
            ),
            Entity::FocalOfficer => d(
                "focal_officers",
                Scope::Plan,
                FOCAL_FIELDS,
                "cán bộ đầu mối",
                Some("name"),
            ),
            Entity::Training => d(
                "trainings",
                Scope::Plan,
                TRAINING_FIELDS,
                "khóa bồi dưỡng",
                Some("topic"),
            ),
            Entity::PressPartner => d(
                "press_partners",
                Scope::Plan,
                PRESS_FIELDS,
                "cơ quan báo chí",
                Some("name"),
            ),
            Entity::Responsibility => d(
                "responsibilities",
                Scope::Plan,
                RESPONSIBILITY_FIELDS,
                "nhiệm vụ của đơn vị",
                Some("unit"),
            ),
            Entity::Report => d(
                "reports",
                Scope::Plan,
                REPORT_FIELDS,
                "báo cáo",
                Some("content"),
            ),
            Entity::Recipient => d(
                "recipients",
                Scope::Plan,
                RECIPIENT_FIELDS,
                "nơi nhận",
                Some("text"),
            ),
            Entity::Channel => d(
                "channels",
                Scope::Global,
                CHANNEL_FIELDS,
                "hình thức truyền thông",
                Some("name"),
            ),
            Entity::BudgetLine => d(
                "budget_lines",
                Scope::Plan,
                BUDGET_LINE_FIELDS,
                "dòng kinh phí",
                Some("description"),
            ),
            Entity::BudgetCategory => d(
                "budget_categories",
                Scope::Global,
                CATEGORY_FIELDS,
                "nhóm chi",
                Some("name"),
            ),
            Entity::FundingSource => d(
                "funding_sources",
                Scope::Global,
                SOURCE_FIELDS,
                "nguồn kinh phí",
                Some("name"),
            ),
        }
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

/// Months 1–12 as a bit mask (bit 0 = January).
pub fn months_to_mask(months: &[u8]) -> Result<i64> {
    let mut mask = 0i64;
    for &m in months {
        if !(1..=12).contains(&m) {
            return Err(AppError::validation(format!(
                "Tháng {m} không hợp lệ; tháng phải từ 1 đến 12."
            )));
        }
        mask |= 1 << (m - 1);
    }
    Ok(mask)
}

pub fn mask_to_months(mask: i64) -> Vec<u8> {
    (1u8..=12).filter(|m| mask & (1 << (m - 1)) != 0).collect()
}

/// Parses yyyy-mm-dd; the message names the field.
pub fn parse_date(label: &str, text: &str) -> Result<time::Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text, &format).map_err(|_| {
        AppError::validation(format!(
            "{label}: ngày “{text}” không hợp lệ (ví dụ đúng: 15/03/2027)."
        ))
    })
}

fn text_of(def: &FieldDef, value: &FieldValue) -> Result<String> {
    match value {
        FieldValue::Text(s) => Ok(s.clone()),
        _ => Err(AppError::validation(format!(
            "{}: cần nhập văn bản.",
            def.label
        ))),
    }
}

/// Checks a new value for a field and gives its stored form.
pub fn validate(def: &FieldDef, value: &FieldValue) -> Result<Stored> {
    match def.kind {
        FieldKind::Line(max) => {
            let text = clean(&text_of(def, value)?);
            if text.contains('\n') {
                return Err(AppError::validation(format!(
                    "{}: chỉ nhập trên một dòng.",
                    def.label
                )));
            }
            if text.chars().count() > max {
                return Err(AppError::validation(format!(
                    "{} quá dài (tối đa {} ký tự).",
                    def.label,
                    crate::money::group(max as i64)
                )));
            }
            crate::text::refuse_emoji(def.label, &text)?;
            Ok(Stored::Text(text))
        }
        FieldKind::Long => {
            let text = clean(&text_of(def, value)?);
            if text.chars().count() > MAX_FIELD_CHARS {
                return Err(AppError::validation(format!(
                    "{} quá dài (tối đa {} ký tự).",
                    def.label,
                    crate::money::group(MAX_FIELD_CHARS as i64)
                )));
            }
            crate::text::refuse_emoji(def.label, &text)?;
            Ok(Stored::Text(text))
        }
        FieldKind::Bool => match value {
            FieldValue::Bool(b) => Ok(Stored::Int(i64::from(*b))),
            _ => Err(AppError::validation(format!(
                "{}: cần chọn có hoặc không.",
                def.label
            ))),
        },
        FieldKind::Months => match value {
            FieldValue::Months(m) => Ok(Stored::Int(months_to_mask(m)?)),
            _ => Err(AppError::validation(format!(
                "{}: cần chọn các tháng.",
                def.label
            ))),
        },
        FieldKind::Date => {
            let text = clean(&text_of(def, value)?);
            if text.is_empty() {
                return Ok(Stored::Text(text));
            }
            let date = parse_date(def.label, &text)?;
            if !(2000..=2100).contains(&date.year()) {
                return Err(AppError::validation(format!(
                    "{}: năm phải từ 2000 đến 2100.",
                    def.label
                )));
            }
            Ok(Stored::Text(text))
        }
        FieldKind::Stage => match value {
            FieldValue::Text(s) if s.is_empty() => Ok(Stored::Null),
            FieldValue::Number(None) => Ok(Stored::Null),
            FieldValue::Text(s) => Stage::from_code(s)
                .map(|st| Stored::Text(st.code().to_string()))
                .ok_or_else(|| {
                    AppError::validation(format!("{}: giai đoạn không hợp lệ.", def.label))
                }),
            _ => Err(AppError::validation(format!(
                "{}: giai đoạn không hợp lệ.",
                def.label
            ))),
        },
        FieldKind::SignerAuthority => match value {
            FieldValue::Text(s) if s.is_empty() => Ok(Stored::Null),
            FieldValue::Number(None) => Ok(Stored::Null),
            FieldValue::Text(s) => SignerAuthority::from_code(s)
                .map(|a| Stored::Text(a.code().to_string()))
                .ok_or_else(|| AppError::validation(format!("{}: không hợp lệ.", def.label))),
            _ => Err(AppError::validation(format!(
                "{}: không hợp lệ.",
                def.label
            ))),
        },
        FieldKind::Money => {
            let text = text_of(def, value)?;
            let money = crate::money::Money::parse(&text)
                .map_err(|e| AppError::validation(format!("{}: {}", def.label, e.message)))?;
            Ok(Stored::Int(money.dong()))
        }
        FieldKind::OptionalMoney => {
            let text = text_of(def, value)?;
            if text.trim().is_empty() {
                return Ok(Stored::Null);
            }
            let money = crate::money::Money::parse(&text)
                .map_err(|e| AppError::validation(format!("{}: {}", def.label, e.message)))?;
            Ok(Stored::Int(money.dong()))
        }
        FieldKind::Quantity => {
            let text = text_of(def, value)?;
            let q = crate::money::Quantity::parse(&text)
                .map_err(|e| AppError::validation(format!("{}: {}", def.label, e.message)))?;
            Ok(Stored::Int(q.0))
        }
        FieldKind::ChannelRef
        | FieldKind::PolicyRef
        | FieldKind::ActivityRef
        | FieldKind::CategoryRef
        | FieldKind::SourceRef => match value {
            FieldValue::Number(None) => Ok(Stored::Null),
            FieldValue::Number(Some(id)) if *id > 0 => Ok(Stored::Int(*id)),
            _ => Err(AppError::validation(format!(
                "{}: lựa chọn không hợp lệ.",
                def.label
            ))),
        },
    }
}

/// The same calendar day `years` years later; 29 February becomes 28 February
/// in a year that has none.
pub fn shift_years(text: &str, years: i32) -> Result<String> {
    if text.is_empty() {
        return Ok(String::new());
    }
    let date = parse_date("Ngày", text)?;
    let year = date.year() + years;
    let day = date
        .day()
        .min(time::util::days_in_month(date.month(), year));
    let shifted = time::Date::from_calendar_date(year, date.month(), day)
        .map_err(|_| AppError::validation(format!("Không dời được ngày “{text}” sang năm sau.")))?;
    Ok(format!(
        "{:04}-{:02}-{:02}",
        shifted.year(),
        u8::from(shifted.month()),
        shifted.day()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(e: Entity, name: &str) -> FieldDef {
        e.field(name).expect("field exists")
    }

    #[test]
    fn every_field_name_is_unique_and_columns_are_identifiers() {
        for e in Entity::ALL {
            let def = e.def();
            let mut names: Vec<_> = def.fields.iter().map(|f| f.name).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), def.fields.len(), "{e:?}");
            for f in def.fields {
                assert!(
                    f.column.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                    "{}",
                    f.column
                );
            }
            if let Some(t) = def.title_field {
                assert!(e.field(t).is_ok(), "{e:?}.{t}");
            }
        }
    }

    #[test]
    fn unknown_fields_are_refused() {
        assert!(Entity::Plan.field("id; DROP TABLE plans").is_err());
    }

    #[test]
    fn text_is_normalised_and_bounded() {
        let title = field(Entity::Plan, "title");
        assert_eq!(
            validate(
                &title,
                &FieldValue::Text("  Ke\u{302}\u{301} hoa\u{323}ch ".into())
            )
            .expect("ok"),
            Stored::Text("Kế hoạch".into())
        );
        assert!(validate(&title, &FieldValue::Text("x".repeat(1_001))).is_err());
        assert!(validate(&title, &FieldValue::Text("hai\ndòng".into())).is_err());
        let long = field(Entity::Plan, "purposes");
        assert!(validate(&long, &FieldValue::Text("dòng 1\ndòng 2".into())).is_ok());
        assert!(validate(&long, &FieldValue::Text("a".repeat(MAX_FIELD_CHARS + 1))).is_err());
    }

    #[test]
    fn dates_must_exist() {
        let d = field(Entity::Activity, "startDate");
        assert!(validate(&d, &FieldValue::Text("2027-03-15".into())).is_ok());
        assert!(validate(&d, &FieldValue::Text(String::new())).is_ok());
        let err = validate(&d, &FieldValue::Text("2027-02-30".into())).expect_err("30 Feb");
        assert!(err.message.contains("không hợp lệ"), "{}", err.message);
        assert!(validate(&d, &FieldValue::Text("1899-01-01".into())).is_err());
    }

    #[test]
    fn months_round_trip_through_the_mask() {
        let mask = months_to_mask(&[1, 3, 12]).expect("valid");
        assert_eq!(mask, 1 | 4 | 2048);
        assert_eq!(mask_to_months(mask), [1, 3, 12]);
        assert!(months_to_mask(&[13]).is_err());
        assert!(months_to_mask(&[0]).is_err());
    }

    #[test]
    fn stages_and_authorities_accept_only_their_codes() {
        let s = field(Entity::Activity, "stage");
        assert_eq!(
            validate(&s, &FieldValue::Text("drafting".into())).expect("ok"),
            Stored::Text("drafting".into())
        );
        assert_eq!(
            validate(&s, &FieldValue::Number(None)).expect("ok"),
            Stored::Null
        );
        assert!(validate(&s, &FieldValue::Text("bogus".into())).is_err());
        let a = field(Entity::Plan, "signerAuthority");
        assert!(validate(&a, &FieldValue::Text("deputy".into())).is_ok());
        assert!(validate(&a, &FieldValue::Text("KT.".into())).is_err());
    }

    #[test]
    fn money_and_quantities_are_validated_with_their_label() {
        let price = field(Entity::BudgetLine, "unitPrice");
        assert_eq!(
            validate(&price, &FieldValue::Text("12.500.000".into())).expect("ok"),
            Stored::Int(12_500_000)
        );
        let err = validate(&price, &FieldValue::Text("12,5".into())).expect_err("decimal");
        assert!(err.message.starts_with("Đơn giá: "), "{}", err.message);
        let approved = field(Entity::BudgetLine, "approved");
        assert_eq!(
            validate(&approved, &FieldValue::Text(String::new())).expect("ok"),
            Stored::Null
        );
        let q = field(Entity::BudgetLine, "quantity");
        assert_eq!(
            validate(&q, &FieldValue::Text("2,5".into())).expect("ok"),
            Stored::Int(250)
        );
        assert!(validate(&q, &FieldValue::Text("2,555".into())).is_err());
    }

    #[test]
    fn a_year_later_keeps_the_day_except_29_february() {
        assert_eq!(shift_years("2026-03-15", 1).expect("ok"), "2027-03-15");
        assert_eq!(shift_years("2028-02-29", 1).expect("ok"), "2029-02-28");
        assert_eq!(shift_years("2028-02-29", 4).expect("ok"), "2032-02-29");
        assert_eq!(shift_years("", 1).expect("ok"), "");
    }

    #[test]
    fn field_values_deserialise_from_plain_json() {
        let e: FieldEdit =
            serde_json::from_str(r#"{"entity":"activity","id":3,"field":"months","value":[1,2]}"#)
                .expect("parse");
        assert_eq!(e.value, FieldValue::Months(vec![1, 2]));
        let e: FieldEdit = serde_json::from_str(
            r#"{"entity":"activity","id":3,"field":"channelId","value":null}"#,
        )
        .expect("parse");
        assert_eq!(e.value, FieldValue::Number(None));
        let e: FieldEdit = serde_json::from_str(
            r#"{"entity":"policy","id":3,"field":"majorImpact","value":true}"#,
        )
        .expect("parse");
        assert_eq!(e.value, FieldValue::Bool(true));
    }
}
