//! The directive checker: reads a whole [`PlanDocument`] and says what the plan
//! still lacks under Directive 07/CT-TTg and the texts around it (Decree
//! 09/2017/NĐ-CP, Decree 30/2020/NĐ-CP, the Law on Access to Information, the
//! province's plan for communicating draft policies).
//!
//! Each requirement is one [`Rule`] of the catalogue ([`rules`]); [`check`]
//! gives one [`Finding`] per gap, naming the policy, line or field concerned,
//! in Vietnamese, with the legal text it rests on and where to fix it.
//!
//! **Invariant: rule ids are stable forever.** They are stored by reviewers,
//! matched by the UI and by tests; a rule may be reworded, re-rated or retired,
//! but its id is never reused for another requirement nor renamed.
//!
//! Matching of free text (consultation, regular press information, press
//! conferences) is done on a folded form: NFC/NFD-insensitive, case-insensitive,
//! tone marks and "đ" folded, so "Lấy ý kiến", "lấy ý kiến" (decomposed) and
//! "hằng tháng"/"hàng tháng" are the same.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;

use crate::document::{Activity, PlanDocument, Policy, Stage};
use crate::edit::Entity;
use crate::model::Step;
use crate::text::fold;

/// How much a finding stands in the way of submitting the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
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

    pub fn code(self) -> &'static str {
        match self {
            Severity::Blocking => "blocking",
            Severity::Warning => "warning",
            Severity::Advice => "advice",
        }
    }

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
pub enum LegalSource {
    /// Chỉ thị số 07/CT-TTg ngày 21/3/2023.
    Directive07,
    /// Nghị định số 09/2017/NĐ-CP: spokesperson and information to the press.
    Decree09,
    /// Nghị định số 30/2020/NĐ-CP: công tác văn thư (format of documents).
    Decree30,
    /// Luật Tiếp cận thông tin 2016.
    AccessToInformation,
    /// The province's plan for communicating draft policies.
    ProvincePlan,
}

impl LegalSource {
    pub const ALL: [LegalSource; 5] = [
        LegalSource::Directive07,
        LegalSource::Decree09,
        LegalSource::Decree30,
        LegalSource::AccessToInformation,
        LegalSource::ProvincePlan,
    ];

    /// The full Vietnamese citation of the document.
    pub fn label_vi(self) -> &'static str {
        match self {
            LegalSource::Directive07 => {
                "Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về tăng cường công tác truyền thông chính sách"
            }
            LegalSource::Decree09 => {
                "Nghị định số 09/2017/NĐ-CP ngày 09/02/2017 của Chính phủ quy định chi tiết việc phát ngôn và cung cấp thông tin cho báo chí của các cơ quan hành chính nhà nước"
            }
            LegalSource::Decree30 => {
                "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư"
            }
            LegalSource::AccessToInformation => "Luật Tiếp cận thông tin ngày 06/4/2016",
            LegalSource::ProvincePlan => {
                "Kế hoạch của Ủy ban nhân dân tỉnh về truyền thông dự thảo chính sách có tác động lớn đến xã hội trong quá trình xây dựng văn bản quy phạm pháp luật"
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

/// One gap found in a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Finding {
    /// The rule's id.
    pub rule: String,
    pub severity: Severity,
    pub step: Step,
    /// Vietnamese, naming what is concerned.
    pub message: String,
    /// The rule's short title and why it is required (Vietnamese).
    pub title: String,
    pub explanation: String,
    pub source: LegalSource,
    pub citation: String,
    pub target: Target,
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
    pub blocking: u32,
    pub warnings: u32,
    pub advice: u32,
    /// All nine steps, in the editor's order.
    pub per_step: Vec<StepFindings>,
}

impl CheckReport {
    /// True when nothing blocks submitting the plan.
    pub fn can_submit(&self) -> bool {
        self.blocking == 0
    }
}

// ---------------------------------------------------------------------------
// The catalogue.

struct RuleDef {
    id: &'static str,
    severity: Severity,
    step: Step,
    title: &'static str,
    explanation: &'static str,
    source: LegalSource,
    citation: &'static str,
}

impl RuleDef {
    fn rule(&self) -> Rule {
        Rule {
            id: self.id,
            severity: self.severity,
            step: self.step,
            title: self.title,
            explanation: self.explanation,
            source: self.source,
            citation: self.citation.to_string(),
        }
    }
}

const CT07: &str = "Chỉ thị 07/CT-TTg";
const ND09: &str = "Nghị định 09/2017/NĐ-CP";
const ND30_FORMAT: &str = "Nghị định 30/2020/NĐ-CP, Điều 8 và Phụ lục I";
const ND30_SIGN: &str = "Nghị định 30/2020/NĐ-CP, Điều 8 và Điều 13";
const ND30_RECIPIENTS: &str = "Nghị định 30/2020/NĐ-CP, Phụ lục I";

const LEGAL_DIRECTIVE_07: RuleDef = RuleDef {
    id: "legal.directive_07",
    severity: Severity::Blocking,
    step: Step::General,
    title: "Căn cứ Chỉ thị số 07/CT-TTg",
    explanation: "Kế hoạch truyền thông chính sách hằng năm được ban hành để thực hiện Chỉ thị số 07/CT-TTg, nên chỉ thị phải được nêu trong phần căn cứ.",
    source: LegalSource::Directive07,
    citation: CT07,
};

const GENERAL_SYMBOL: RuleDef = RuleDef {
    id: "general.symbol",
    severity: Severity::Blocking,
    step: Step::General,
    title: "Ký hiệu văn bản đúng thể thức",
    explanation: "Số, ký hiệu là thành phần thể thức bắt buộc của văn bản hành chính; ký hiệu của kế hoạch gồm chữ viết tắt “KH” và chữ viết tắt tên cơ quan ban hành, nối bằng dấu gạch nối.",
    source: LegalSource::Decree30,
    citation: ND30_FORMAT,
};

const GENERAL_NUMBER: RuleDef = RuleDef {
    id: "general.number",
    severity: Severity::Blocking,
    step: Step::General,
    title: "Số văn bản chỉ gồm chữ số",
    explanation: "Số của văn bản hành chính được ghi bằng chữ số Ả Rập; chữ cái và ký hiệu thuộc phần ký hiệu, không thuộc phần số.",
    source: LegalSource::Decree30,
    citation: ND30_FORMAT,
};

const GENERAL_ISSUE_DATE: RuleDef = RuleDef {
    id: "general.issue_date",
    severity: Severity::Blocking,
    step: Step::General,
    title: "Ngày ban hành hợp lệ",
    explanation: "Thời gian ban hành là thành phần thể thức của văn bản; kế hoạch năm được ban hành trong năm kế hoạch hoặc cuối năm trước đó.",
    source: LegalSource::Decree30,
    citation: ND30_FORMAT,
};

const GENERAL_PLACE: RuleDef = RuleDef {
    id: "general.place",
    severity: Severity::Blocking,
    step: Step::General,
    title: "Địa danh",
    explanation: "Địa danh ghi trước ngày tháng năm ban hành là thành phần thể thức bắt buộc của văn bản hành chính.",
    source: LegalSource::Decree30,
    citation: ND30_FORMAT,
};

const GENERAL_PENDING: RuleDef = RuleDef {
    id: "general.number_date_pending",
    severity: Severity::Advice,
    step: Step::General,
    title: "Số và ngày ban hành điền khi ban hành",
    explanation: "Dự thảo có thể để trống số và ngày; văn thư cấp số và ghi ngày khi văn bản được ký ban hành.",
    source: LegalSource::Decree30,
    citation: ND30_FORMAT,
};

const POLICY_STAGES: RuleDef = RuleDef {
    id: "policy.stages",
    severity: Severity::Blocking,
    step: Step::Policies,
    title: "Truyền thông đủ năm giai đoạn của chính sách",
    explanation: "Chỉ thị số 07/CT-TTg yêu cầu truyền thông chính sách từ khi hoạch định chủ trương, trong quá trình xây dựng, hoàn thiện, ban hành và thực thi; giai đoạn nào không có hoạt động trong năm kế hoạch phải ghi rõ lý do không áp dụng.",
    source: LegalSource::Directive07,
    citation: CT07,
};

const POLICY_CONSULTATION: RuleDef = RuleDef {
    id: "policy.major_impact_consultation",
    severity: Severity::Blocking,
    step: Step::Policies,
    title: "Lấy ý kiến về chính sách có tác động lớn",
    explanation: "Chính sách có tác động lớn đến xã hội phải được truyền thông, tham vấn, lấy ý kiến đối tượng chịu tác động trong quá trình xây dựng, hoàn thiện dự thảo văn bản quy phạm pháp luật.",
    source: LegalSource::ProvincePlan,
    citation: "Kế hoạch của tỉnh triển khai Đề án “Tổ chức truyền thông chính sách có tác động lớn đến xã hội trong quá trình xây dựng văn bản quy phạm pháp luật giai đoạn 2022 - 2027”",
};

const POLICY_KEY_MESSAGES: RuleDef = RuleDef {
    id: "policy.key_messages",
    severity: Severity::Advice,
    step: Step::Policies,
    title: "Thông điệp chính của chính sách",
    explanation: "Thông điệp chính ngắn gọn, dễ hiểu giúp các hoạt động truyền thông của cùng một chính sách nói thống nhất với nhau.",
    source: LegalSource::Directive07,
    citation: CT07,
};

const ACTIVITY_CHANNEL_TIMING: RuleDef = RuleDef {
    id: "activity.channel_timing",
    severity: Severity::Advice,
    step: Step::Activities,
    title: "Hình thức và thời gian của hoạt động",
    explanation: "Mỗi hoạt động cần rõ hình thức truyền thông và thời gian thực hiện để phân công, bố trí kinh phí và theo dõi kết quả.",
    source: LegalSource::Directive07,
    citation: CT07,
};

const STAFFING_LEADER: RuleDef = RuleDef {
    id: "staffing.leader",
    severity: Severity::Blocking,
    step: Step::Staffing,
    title: "Lãnh đạo phụ trách",
    explanation: "Chỉ thị số 07/CT-TTg đặt trách nhiệm truyền thông chính sách lên người đứng đầu cơ quan; kế hoạch phải nêu lãnh đạo trực tiếp phụ trách công tác này.",
    source: LegalSource::Directive07,
    citation: CT07,
};

const STAFFING_SPOKESPERSON: RuleDef = RuleDef {
    id: "staffing.spokesperson",
    severity: Severity::Blocking,
    step: Step::Staffing,
    title: "Người phát ngôn",
    explanation: "Cơ quan hành chính nhà nước phát ngôn và cung cấp thông tin cho báo chí qua người đứng đầu hoặc người được giao phát ngôn; kế hoạch phải nêu rõ người phát ngôn.",
    source: LegalSource::Decree09,
    citation: ND09,
};

const STAFFING_FOCAL: RuleDef = RuleDef {
    id: "staffing.focal_officer",
    severity: Severity::Blocking,
    step: Step::Staffing,
    title: "Cán bộ đầu mối truyền thông chính sách",
    explanation: "Chỉ thị số 07/CT-TTg yêu cầu bố trí cán bộ phụ trách truyền thông chính sách; kế hoạch phải nêu ít nhất một cán bộ đầu mối có họ tên.",
    source: LegalSource::Directive07,
    citation: CT07,
};

const STAFFING_TRAINING: RuleDef = RuleDef {
    id: "staffing.training",
    severity: Severity::Warning,
    step: Step::Staffing,
    title: "Bồi dưỡng, tập huấn",
    explanation: "Chỉ thị số 07/CT-TTg yêu cầu bồi dưỡng, nâng cao năng lực đội ngũ làm truyền thông chính sách; đơn vị có thể cử cán bộ dự lớp do cơ quan khác tổ chức, nên thiếu tập huấn trong kế hoạch là cảnh báo, không chặn việc trình.",
    source: LegalSource::Directive07,
    citation: CT07,
};

const PRESS_PARTNER: RuleDef = RuleDef {
    id: "press.partner",
    severity: Severity::Warning,
    step: Step::Press,
    title: "Cơ quan báo chí phối hợp, đặt hàng",
    explanation: "Chỉ thị số 07/CT-TTg khuyến khích kết nối mạng lưới truyền thông, đặt hàng, giao nhiệm vụ cho cơ quan báo chí phù hợp với yêu cầu và kinh phí; đơn vị nhỏ có thể chưa có hợp đồng nên đây là cảnh báo.",
    source: LegalSource::Directive07,
    citation: CT07,
};

const PRESS_REGULAR: RuleDef = RuleDef {
    id: "press.regular_information",
    severity: Severity::Warning,
    step: Step::Press,
    title: "Cung cấp thông tin định kỳ hằng tháng cho báo chí",
    explanation: "Người phát ngôn chủ động cung cấp thông tin định kỳ cho báo chí; kế hoạch nên bố trí việc này trong cả 12 tháng. Nhịp định kỳ bắt buộc do Nghị định quy định cho bộ và Ủy ban nhân dân cấp tỉnh, nên với kế hoạch của đơn vị đây là cảnh báo.",
    source: LegalSource::Decree09,
    citation: ND09,
};

const PRESS_CONFERENCE: RuleDef = RuleDef {
    id: "press.quarterly_conference",
    severity: Severity::Warning,
    step: Step::Press,
    title: "Họp báo mỗi quý",
    explanation: "Họp báo là một hình thức phát ngôn và cung cấp thông tin cho báo chí; kế hoạch nên có ít nhất một cuộc họp báo trong mỗi quý.",
    source: LegalSource::Decree09,
    citation: ND09,
};

const MONITORING_DISCLOSURE: RuleDef = RuleDef {
    id: "monitoring.public_disclosure",
    severity: Severity::Blocking,
    step: Step::Monitoring,
    title: "Công khai thông tin",
    explanation: "Cơ quan nhà nước phải công khai thông tin theo Luật Tiếp cận thông tin; kế hoạch phải nêu thông tin nào được công khai, bằng hình thức nào.",
    source: LegalSource::AccessToInformation,
    citation: "Luật Tiếp cận thông tin năm 2016",
};

const MONITORING_OPINION: RuleDef = RuleDef {
    id: "monitoring.opinion",
    severity: Severity::Blocking,
    step: Step::Monitoring,
    title: "Theo dõi dư luận xã hội",
    explanation: "Chỉ thị số 07/CT-TTg yêu cầu nắm bắt dư luận xã hội, thông tin trên báo chí và mạng xã hội về chính sách để kịp thời định hướng, điều chỉnh.",
    source: LegalSource::Directive07,
    citation: CT07,
};

const MONITORING_FALSE_INFO: RuleDef = RuleDef {
    id: "monitoring.false_information",
    severity: Severity::Blocking,
    step: Step::Monitoring,
    title: "Xử lý thông tin sai sự thật",
    explanation: "Chỉ thị số 07/CT-TTg yêu cầu chủ động phát hiện, bác bỏ, ngăn chặn thông tin sai sự thật, xuyên tạc chủ trương, chính sách.",
    source: LegalSource::Directive07,
    citation: CT07,
};

const MONITORING_CRISIS: RuleDef = RuleDef {
    id: "monitoring.crisis_procedure",
    severity: Severity::Warning,
    step: Step::Monitoring,
    title: "Quy trình xử lý khủng hoảng truyền thông",
    explanation: "Khi có sự việc đột xuất, bất thường, người phát ngôn phải cung cấp thông tin kịp thời cho báo chí; một quy trình định sẵn (ai phát hiện, ai quyết định, ai phát ngôn, trong bao lâu) giúp làm được điều đó.",
    source: LegalSource::Decree09,
    citation: ND09,
};

const BUDGET_SOURCE: RuleDef = RuleDef {
    id: "budget.funding_source",
    severity: Severity::Blocking,
    step: Step::Budget,
    title: "Nguồn kinh phí của từng khoản chi",
    explanation: "Chỉ thị số 07/CT-TTg yêu cầu bố trí kinh phí cho truyền thông chính sách; mỗi khoản chi phải ghi rõ nguồn để cơ quan tài chính thẩm định và bố trí.",
    source: LegalSource::Directive07,
    citation: CT07,
};

const IMPLEMENTATION_REPORTING: RuleDef = RuleDef {
    id: "implementation.reporting",
    severity: Severity::Advice,
    step: Step::Implementation,
    title: "Chế độ báo cáo",
    explanation: "Nêu rõ báo cáo nào, gửi ai, hạn nào giúp theo dõi và đánh giá kết quả thực hiện kế hoạch.",
    source: LegalSource::Directive07,
    citation: CT07,
};

const SIGNATURE_SIGNER: RuleDef = RuleDef {
    id: "signature.signer",
    severity: Severity::Blocking,
    step: Step::Signature,
    title: "Thẩm quyền, chức vụ và họ tên người ký",
    explanation: "Quyền hạn, chức vụ, họ tên của người ký là thành phần thể thức bắt buộc; người ký thay, thay mặt phải ghi đúng thẩm quyền (TM., KT., TL. …).",
    source: LegalSource::Decree30,
    citation: ND30_SIGN,
};

const SIGNATURE_RECIPIENTS: RuleDef = RuleDef {
    id: "signature.recipients",
    severity: Severity::Blocking,
    step: Step::Signature,
    title: "Nơi nhận",
    explanation: "Nơi nhận là thành phần thể thức bắt buộc của văn bản hành chính.",
    source: LegalSource::Decree30,
    citation: ND30_RECIPIENTS,
};

const SIGNATURE_ARCHIVE: RuleDef = RuleDef {
    id: "signature.archive_copy",
    severity: Severity::Blocking,
    step: Step::Signature,
    title: "Lưu văn thư ở cuối nơi nhận",
    explanation: "Dòng cuối của nơi nhận ghi “Lưu: VT,” và chữ viết tắt tên đơn vị soạn thảo, số lượng bản lưu khi cần.",
    source: LegalSource::Decree30,
    citation: ND30_RECIPIENTS,
};

/// The catalogue, in the order findings are reported within a step.
const CATALOGUE: &[&RuleDef] = &[
    &LEGAL_DIRECTIVE_07,
    &GENERAL_SYMBOL,
    &GENERAL_NUMBER,
    &GENERAL_ISSUE_DATE,
    &GENERAL_PLACE,
    &GENERAL_PENDING,
    &POLICY_STAGES,
    &POLICY_CONSULTATION,
    &POLICY_KEY_MESSAGES,
    &ACTIVITY_CHANNEL_TIMING,
    &STAFFING_LEADER,
    &STAFFING_SPOKESPERSON,
    &STAFFING_FOCAL,
    &STAFFING_TRAINING,
    &PRESS_PARTNER,
    &PRESS_REGULAR,
    &PRESS_CONFERENCE,
    &MONITORING_DISCLOSURE,
    &MONITORING_OPINION,
    &MONITORING_FALSE_INFO,
    &MONITORING_CRISIS,
    &BUDGET_SOURCE,
    &IMPLEMENTATION_REPORTING,
    &SIGNATURE_SIGNER,
    &SIGNATURE_RECIPIENTS,
    &SIGNATURE_ARCHIVE,
];

/// Every rule, in catalogue order.
pub fn rules() -> Vec<Rule> {
    CATALOGUE.iter().map(|d| d.rule()).collect()
}

// ---------------------------------------------------------------------------
// Checking.

/// Checks a plan against every rule of the catalogue.
pub fn check(doc: &PlanDocument) -> CheckReport {
    let mut found = Found::default();
    legal_bases(doc, &mut found);
    general(doc, &mut found);
    policies(doc, &mut found);
    activities(doc, &mut found);
    staffing(doc, &mut found);
    press(doc, &mut found);
    monitoring(doc, &mut found);
    budget(doc, &mut found);
    implementation(doc, &mut found);
    signature(doc, &mut found);
    found.report()
}

#[derive(Default)]
struct Found {
    /// (step index, rule index, finding), in document order within a rule.
    items: Vec<(usize, usize, Finding)>,
}

fn step_index(step: Step) -> usize {
    Step::ALL
        .iter()
        .position(|s| *s == step)
        .unwrap_or(Step::ALL.len())
}

impl Found {
    fn add(&mut self, def: &RuleDef, message: String, target: Target) {
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
                title: def.title.to_string(),
                explanation: def.explanation.to_string(),
                source: def.source,
                citation: def.citation.to_string(),
                target,
            },
        ));
    }

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
        CheckReport {
            blocking: count(None, Severity::Blocking),
            warnings: count(None, Severity::Warning),
            advice: count(None, Severity::Advice),
            per_step,
            findings,
        }
    }
}

fn target(step: Step, entity: Option<Entity>, id: Option<i64>, field: Option<&str>) -> Target {
    Target {
        step,
        entity,
        id,
        field: field.map(str::to_string),
    }
}

/// A field of the plan row itself.
fn plan_field(doc: &PlanDocument, step: Step, field: &str) -> Target {
    target(step, Some(Entity::Plan), Some(doc.id), Some(field))
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn contains_any(folded: &str, terms: &[&str]) -> bool {
    terms.iter().any(|t| folded.contains(t))
}

/// A text shortened for a message: its first line, at most `max` characters.
fn short(s: &str, max: usize) -> String {
    let line = s.trim().lines().next().unwrap_or_default().trim();
    if line.chars().count() <= max {
        line.to_string()
    } else {
        let mut out: String = line.chars().take(max.saturating_sub(1)).collect();
        out = out.trim_end().to_string();
        out.push('…');
        out
    }
}

fn policy_name(index: usize, p: &Policy) -> String {
    if blank(&p.title) {
        format!("Chính sách thứ {} (chưa có tên)", index + 1)
    } else {
        format!("Chính sách “{}”", short(&p.title, 200))
    }
}

fn activity_name(index: usize, a: &Activity) -> String {
    if blank(&a.content) {
        format!("Hoạt động thứ {} (chưa có nội dung)", index + 1)
    } else {
        format!("Hoạt động “{}”", short(&a.content, 90))
    }
}

/// Content and channel of an activity, folded.
fn activity_text(doc: &PlanDocument, a: &Activity) -> String {
    let channel = doc.channel_name(a.channel_id).unwrap_or_default();
    fold(&format!("{} {}", a.content, channel))
}

/// The months of the plan's year an activity takes place in: its months, or
/// else those spanned by its dates.
fn activity_months(doc: &PlanDocument, a: &Activity) -> Vec<u8> {
    if !a.months.is_empty() {
        return a
            .months
            .iter()
            .copied()
            .filter(|m| (1..=12).contains(m))
            .collect();
    }
    let date = |s: &str| crate::edit::parse_date("", s.trim()).ok();
    let Some(start) = date(&a.start_date) else {
        return Vec::new();
    };
    let end = date(&a.end_date).filter(|e| *e >= start).unwrap_or(start);
    let first = if start.year() < doc.year {
        1
    } else if start.year() == doc.year {
        u8::from(start.month())
    } else {
        return Vec::new();
    };
    let last = if end.year() > doc.year {
        12
    } else if end.year() == doc.year {
        u8::from(end.month())
    } else {
        return Vec::new();
    };
    (first..=last).collect()
}

// --- General ---------------------------------------------------------------

/// True when the first document a legal basis names (number/symbol) is
/// Directive 07/CT-TTg. Tolerates case, spaces around "/" and "-", any dash,
/// a missing leading zero, and decomposed input.
fn names_directive_07(text: &str) -> bool {
    let chars: Vec<char> = text
        .nfc()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    // Drop white space next to "/" or "-".
    let mut t: Vec<char> = Vec::with_capacity(chars.len());
    for (i, c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            let before = t.last().is_some_and(|p| *p == '/' || *p == '-');
            let after = chars[i..]
                .iter()
                .find(|n| !n.is_whitespace())
                .is_some_and(|n| *n == '/' || *n == '-');
            if before || after {
                continue;
            }
        }
        t.push(*c);
    }
    for i in 0..t.len() {
        if t[i] != '/' || !t.get(i + 1).is_some_and(|n| n.is_alphabetic()) {
            continue;
        }
        let mut j = i;
        while j > 0 && t[j - 1].is_ascii_digit() {
            j -= 1;
        }
        let number: String = t[j..i].iter().collect();
        let mut k = i + 1;
        while k < t.len() && (t[k].is_alphanumeric() || t[k] == '-') {
            k += 1;
        }
        let symbol: String = t[i + 1..k].iter().collect();
        return number.trim_start_matches('0') == "7" && symbol == "ct-ttg";
    }
    false
}

fn legal_bases(doc: &PlanDocument, found: &mut Found) {
    if !doc.legal_bases.iter().any(|b| names_directive_07(&b.text)) {
        found.add(
            &LEGAL_DIRECTIVE_07,
            "Phần căn cứ chưa có Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về tăng cường công tác truyền thông chính sách.".to_string(),
            target(Step::General, Some(Entity::LegalBasis), None, Some("text")),
        );
    }
}

/// "KH-" then groups of capital letters (with Đ) and digits joined by hyphens.
fn symbol_ok(symbol: &str) -> bool {
    let Some(rest) = symbol.strip_prefix("KH-") else {
        return false;
    };
    !rest.is_empty()
        && rest.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == 'Đ')
        })
}

fn general(doc: &PlanDocument, found: &mut Found) {
    let f = &doc.fields;
    let step = Step::General;
    let symbol: String = f.symbol.trim().nfc().collect();
    if symbol.is_empty() {
        found.add(
            &GENERAL_SYMBOL,
            "Chưa có ký hiệu văn bản (ví dụ: KH-SNNMT).".to_string(),
            plan_field(doc, step, "symbol"),
        );
    } else if !symbol_ok(&symbol) {
        found.add(
            &GENERAL_SYMBOL,
            format!(
                "Ký hiệu “{symbol}” không đúng thể thức: phải bắt đầu bằng “KH-”, tiếp theo là chữ in hoa hoặc chữ số, nối bằng dấu gạch nối (ví dụ: KH-SNNMT, KH-UBND)."
            ),
            plan_field(doc, step, "symbol"),
        );
    }

    let number = f.number.trim();
    if !number.is_empty() && !number.chars().all(|c| c.is_ascii_digit()) {
        found.add(
            &GENERAL_NUMBER,
            format!(
                "Số văn bản “{number}” chỉ được gồm chữ số (ví dụ: 12); ký hiệu ghi ở ô Ký hiệu."
            ),
            plan_field(doc, step, "number"),
        );
    }

    let date = f.issue_date.trim();
    if !date.is_empty() {
        match crate::edit::parse_date("", date) {
            Err(_) => found.add(
                &GENERAL_ISSUE_DATE,
                format!("Ngày ban hành “{date}” không phải là một ngày hợp lệ."),
                plan_field(doc, step, "issueDate"),
            ),
            Ok(d) if d.year() != doc.year && d.year() != doc.year - 1 => found.add(
                &GENERAL_ISSUE_DATE,
                format!(
                    "Ngày ban hành {:02}/{:02}/{} không thuộc năm {} hoặc năm {} của kế hoạch.",
                    d.day(),
                    u8::from(d.month()),
                    d.year(),
                    doc.year - 1,
                    doc.year
                ),
                plan_field(doc, step, "issueDate"),
            ),
            Ok(_) => {}
        }
    }

    if blank(&f.place) {
        found.add(
            &GENERAL_PLACE,
            "Chưa có địa danh ghi trước ngày tháng năm ban hành (ví dụ: Gia Lai).".to_string(),
            plan_field(doc, step, "place"),
        );
    }

    let (message, field) = match (number.is_empty(), date.is_empty()) {
        (true, true) => (
            "Số và ngày ban hành còn để trống: điền khi ban hành.",
            "number",
        ),
        (true, false) => ("Số văn bản còn để trống: điền khi ban hành.", "number"),
        (false, true) => (
            "Ngày ban hành còn để trống: điền khi ban hành.",
            "issueDate",
        ),
        (false, false) => ("", ""),
    };
    if !message.is_empty() {
        found.add(
            &GENERAL_PENDING,
            message.to_string(),
            plan_field(doc, step, field),
        );
    }
}

// --- Policies and activities ----------------------------------------------

/// Words that make an activity a consultation of the people affected.
const CONSULTATION: &[&str] = &["lay y kien", "tham van", "doi thoai", "hoi thao"];

fn policies(doc: &PlanDocument, found: &mut Found) {
    let step = Step::Policies;
    for (i, p) in doc.policies.iter().enumerate() {
        let name = policy_name(i, p);
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

    for (i, p) in doc.policies.iter().enumerate() {
        if !p.major_impact {
            continue;
        }
        // Both stages left to another year (with a reason): nothing to consult on now.
        let elsewhere = |stage: Stage| {
            p.stages
                .iter()
                .any(|s| s.stage == stage && s.not_applicable && !blank(&s.reason))
        };
        if elsewhere(Stage::Drafting) && elsewhere(Stage::Finalising) {
            continue;
        }
        let consulted = doc
            .activities
            .iter()
            .filter(|a| {
                a.policy_id == Some(p.id)
                    && matches!(a.stage, Some(Stage::Drafting | Stage::Finalising))
            })
            .any(|a| contains_any(&activity_text(doc, a), CONSULTATION));
        if !consulted {
            found.add(
                &POLICY_CONSULTATION,
                format!(
                    "{}: chính sách có tác động lớn đến xã hội nhưng giai đoạn Xây dựng và Hoàn thiện chưa có hoạt động lấy ý kiến, tham vấn hoặc đối thoại với đối tượng chịu tác động.",
                    policy_name(i, p)
                ),
                target(step, Some(Entity::Policy), Some(p.id), None),
            );
        }
    }

    for (i, p) in doc.policies.iter().enumerate() {
        if blank(&p.key_messages) {
            found.add(
                &POLICY_KEY_MESSAGES,
                format!("{}: chưa có thông điệp chính.", policy_name(i, p)),
                target(step, Some(Entity::Policy), Some(p.id), Some("keyMessages")),
            );
        }
    }
}

fn activities(doc: &PlanDocument, found: &mut Found) {
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

// --- Staffing and press ------------------------------------------------------

fn staffing(doc: &PlanDocument, found: &mut Found) {
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

/// Words that say an activity gives information to the press.
const PRESS_INFORMATION: &[&str] = &[
    "cung cap thong tin cho bao chi",
    "giao ban bao chi",
    "thong cao bao chi",
    "hop bao",
];
/// Words that say it is done regularly.
const REGULAR: &[&str] = &["dinh ky", "hang thang", "moi thang", "thuong xuyen"];

fn is_press_conference(doc: &PlanDocument, a: &Activity) -> bool {
    if fold(&a.content).contains("hop bao") {
        return true;
    }
    // A channel only for press conferences; the common "Họp báo, cung cấp
    // thông tin cho báo chí" also covers written information, so it alone
    // does not make an activity a press conference.
    let channel = fold(doc.channel_name(a.channel_id).unwrap_or_default());
    channel.contains("hop bao") && !channel.contains("cung cap thong tin")
}

const QUARTERS: [&str; 4] = ["Quý I", "Quý II", "Quý III", "Quý IV"];

fn press(doc: &PlanDocument, found: &mut Found) {
    let step = Step::Press;
    if !doc
        .press_partners
        .iter()
        .any(|p| !blank(&p.name) || !blank(&p.tasks))
    {
        found.add(
            &PRESS_PARTNER,
            "Chưa có cơ quan báo chí phối hợp hoặc được đặt hàng, giao nhiệm vụ.".to_string(),
            target(
                step,
                Some(Entity::PressPartner),
                doc.press_partners.first().map(|p| p.id),
                Some("name"),
            ),
        );
    }

    let add_activity = target(Step::Activities, Some(Entity::Activity), None, None);

    let mut months = [false; 13];
    for a in &doc.activities {
        let text = activity_text(doc, a);
        if contains_any(&text, PRESS_INFORMATION) && contains_any(&text, REGULAR) {
            for m in activity_months(doc, a) {
                months[usize::from(m)] = true;
            }
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
            add_activity.clone(),
        );
    } else if !missing.is_empty() {
        found.add(
            &PRESS_REGULAR,
            format!(
                "Việc cung cấp thông tin định kỳ cho báo chí chưa được bố trí trong tháng {}.",
                missing.join(", ")
            ),
            add_activity.clone(),
        );
    }

    let mut quarters = [false; 4];
    let mut any = false;
    for a in doc
        .activities
        .iter()
        .filter(|a| is_press_conference(doc, a))
    {
        for m in activity_months(doc, a) {
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
            add_activity,
        );
    } else if !missing.is_empty() {
        found.add(
            &PRESS_CONFERENCE,
            format!("Chưa có họp báo trong {}.", missing.join(", ")),
            add_activity,
        );
    }
}

// --- Monitoring, budget, implementation, signature ---------------------------

fn monitoring(doc: &PlanDocument, found: &mut Found) {
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

fn budget(doc: &PlanDocument, found: &mut Found) {
    for (i, line) in doc.budget_lines.iter().enumerate() {
        if line.funding_source_id.is_some() {
            continue;
        }
        let name = if blank(&line.description) {
            format!("Dòng kinh phí thứ {} (chưa có nội dung)", i + 1)
        } else {
            format!("Dòng kinh phí “{}”", short(&line.description, 120))
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

fn implementation(doc: &PlanDocument, found: &mut Found) {
    if doc.reports.is_empty() && blank(&doc.fields.reporting) {
        found.add(
            &IMPLEMENTATION_REPORTING,
            "Chưa có chế độ báo cáo kết quả thực hiện kế hoạch.".to_string(),
            plan_field(doc, Step::Implementation, "reporting"),
        );
    }
}

/// "Lưu: VT, …", tolerating "Lưu VT", spacing, case, a leading dash.
fn is_archive_line(text: &str) -> bool {
    let folded: String = fold(text)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ':')
        .collect();
    folded.trim_start_matches('-').starts_with("luuvt")
}

fn signature(doc: &PlanDocument, found: &mut Found) {
    let step = Step::Signature;
    let f = &doc.fields;
    let mut missing: Vec<(&str, &str)> = Vec::new();
    match f.signer_authority {
        None => missing.push(("thẩm quyền ký", "signerAuthority")),
        Some(a)
            if a != crate::document::SignerAuthority::Direct && blank(&f.signer_authority_of) =>
        {
            missing.push((
                "chức danh được thay mặt, ký thay (ví dụ: GIÁM ĐỐC)",
                "signerAuthorityOf",
            ));
        }
        Some(_) => {}
    }
    if blank(&f.signer_position) {
        missing.push(("chức vụ người ký", "signerPosition"));
    }
    if blank(&f.signer_name) {
        missing.push(("họ tên người ký", "signerName"));
    }
    if let Some((_, field)) = missing.first() {
        let labels: Vec<&str> = missing.iter().map(|(l, _)| *l).collect();
        found.add(
            &SIGNATURE_SIGNER,
            format!("Phần ký ban hành chưa có: {}.", labels.join("; ")),
            plan_field(doc, step, field),
        );
    }

    match doc.recipients.last() {
        None => found.add(
            &SIGNATURE_RECIPIENTS,
            "Chưa có nơi nhận.".to_string(),
            target(step, Some(Entity::Recipient), None, Some("text")),
        ),
        Some(last) if !is_archive_line(&last.text) => {
            let shown = if blank(&last.text) {
                "Dòng cuối của nơi nhận còn trống".to_string()
            } else {
                format!("Dòng cuối của nơi nhận là “{}”", short(&last.text, 80))
            };
            found.add(
                &SIGNATURE_ARCHIVE,
                format!("{shown}; theo thể thức phải là “Lưu: VT, …” (ví dụ: “Lưu: VT, VP”)."),
                target(step, Some(Entity::Recipient), Some(last.id), Some("text")),
            );
        }
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SignerAuthority;

    fn sample() -> PlanDocument {
        crate::file::PlanFile::parse(include_str!("../../../assets/sample-plan.json"))
            .expect("the sample plan parses")
            .plan
    }

    fn ids(report: &CheckReport) -> Vec<&str> {
        report.findings.iter().map(|f| f.rule.as_str()).collect()
    }

    /// The findings of `doc` that the sample does not have.
    fn new_findings(doc: &PlanDocument) -> Vec<Finding> {
        let base = check(&sample()).findings;
        check(doc)
            .findings
            .into_iter()
            .filter(|f| !base.contains(f))
            .collect()
    }

    fn activity_mut(doc: &mut PlanDocument, id: i64) -> &mut Activity {
        doc.activities
            .iter_mut()
            .find(|a| a.id == id)
            .expect("activity in the sample")
    }

    #[test]
    fn the_sample_has_no_blocking_finding_and_no_warning() {
        let report = check(&sample());
        assert!(report.can_submit(), "{:#?}", report.findings);
        assert_eq!(report.blocking, 0);
        assert_eq!(report.warnings, 0, "{:#?}", report.findings);
        // Only the reminder to number and date the plan when it is issued.
        assert_eq!(ids(&report), ["general.number_date_pending"]);
        assert_eq!(
            report.findings[0].message,
            "Số và ngày ban hành còn để trống: điền khi ban hành."
        );
    }

    type Mutation = fn(&mut PlanDocument);

    /// For each rule: how to break it in the sample, the message expected, and
    /// a fix that is not merely the sample's own value.
    fn cases() -> Vec<(&'static str, Mutation, &'static str, Mutation)> {
        vec![
            (
                "legal.directive_07",
                |d| d.legal_bases.retain(|b| !b.text.starts_with("Chỉ thị")),
                "Phần căn cứ chưa có Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về tăng cường công tác truyền thông chính sách.",
                |d| {
                    d.legal_bases.push(crate::document::LegalBasis {
                        id: 99,
                        text: "chi\u{309} thi\u{323} so\u{302}\u{301} 07 / ct – ttg ngày 21/3/2023"
                            .into(),
                    })
                },
            ),
            (
                "general.symbol",
                |d| d.fields.symbol = "kh-snnmt".into(),
                "Ký hiệu “kh-snnmt” không đúng thể thức: phải bắt đầu bằng “KH-”, tiếp theo là chữ in hoa hoặc chữ số, nối bằng dấu gạch nối (ví dụ: KH-SNNMT, KH-UBND).",
                |d| d.fields.symbol = "KH-SĐT-2".into(),
            ),
            (
                "general.number",
                |d| {
                    d.fields.number = "12/KH".into();
                    d.fields.issue_date = "2027-01-05".into();
                },
                "Số văn bản “12/KH” chỉ được gồm chữ số (ví dụ: 12); ký hiệu ghi ở ô Ký hiệu.",
                |d| {
                    d.fields.number = String::new();
                    d.fields.issue_date = String::new();
                },
            ),
            (
                "general.issue_date",
                |d| {
                    d.fields.number = "12".into();
                    d.fields.issue_date = "2025-12-30".into();
                },
                "Ngày ban hành 30/12/2025 không thuộc năm 2026 hoặc năm 2027 của kế hoạch.",
                |d| {
                    d.fields.number = String::new();
                    d.fields.issue_date = String::new();
                },
            ),
            (
                "general.place",
                |d| d.fields.place = "  ".into(),
                "Chưa có địa danh ghi trước ngày tháng năm ban hành (ví dụ: Gia Lai).",
                |d| d.fields.place = "Pleiku".into(),
            ),
            (
                "policy.stages",
                |d| {
                    d.activities
                        .retain(|a| !(a.policy_id == Some(5) && a.stage == Some(Stage::Drafting)))
                },
                "Chính sách “Chính sách hỗ trợ đầu tư, quản lý, khai thác công trình cấp nước sạch nông thôn tập trung”: giai đoạn Xây dựng chưa có hoạt động và chưa ghi lý do không áp dụng.",
                |d| {
                    let s = &mut d.policies[4].stages[1];
                    s.not_applicable = true;
                    s.reason = "Dự thảo được xây dựng trong năm 2028.".into();
                },
            ),
            (
                "policy.major_impact_consultation",
                |d| {
                    for a in d.activities.iter_mut().filter(|a| {
                        a.policy_id == Some(6)
                            && matches!(a.stage, Some(Stage::Drafting | Stage::Finalising))
                    }) {
                        a.channel_id = Some(3);
                        a.content = "Đăng tải dự thảo Nghị quyết".into();
                    }
                },
                "Chính sách “Quy định khu vực không được phép chăn nuôi và chính sách hỗ trợ di dời cơ sở chăn nuôi ra khỏi khu vực không được phép chăn nuôi”: chính sách có tác động lớn đến xã hội nhưng giai đoạn Xây dựng và Hoàn thiện chưa có hoạt động lấy ý kiến, tham vấn hoặc đối thoại với đối tượng chịu tác động.",
                // Decomposed, capitals: still a consultation.
                |d| {
                    activity_mut(d, 45).content =
                        "LA\u{302}\u{301}Y Y\u{301} KIE\u{302}\u{301}N hộ chăn nuôi".into()
                },
            ),
            (
                "policy.key_messages",
                |d| d.policies[2].key_messages = "\n".into(),
                "Chính sách “Phân loại chất thải rắn sinh hoạt tại nguồn và thu giá dịch vụ thu gom, vận chuyển, xử lý theo khối lượng”: chưa có thông điệp chính.",
                |d| d.policies[2].key_messages = "Phân loại rác tại nguồn.".into(),
            ),
            (
                "activity.channel_timing",
                |d| {
                    let a = activity_mut(d, 5);
                    a.channel_id = None;
                    a.months.clear();
                },
                "Hoạt động “Vận hành Zalo OA chính thức của Sở: gửi thông tin chính sách, lịch lấy ý kiến, cảnh báo t…”: chưa chọn hình thức và chưa có thời gian thực hiện.",
                |d| {
                    let a = activity_mut(d, 5);
                    a.channel_id = Some(4);
                    a.start_date = "2027-02-01".into();
                },
            ),
            (
                "staffing.leader",
                |d| d.fields.leader_name = " ".into(),
                "Chưa ghi họ tên lãnh đạo phụ trách công tác truyền thông chính sách.",
                |d| d.fields.leader_name = "Nguyễn Văn A".into(),
            ),
            (
                "staffing.spokesperson",
                |d| d.fields.spokesperson_name = String::new(),
                "Chưa ghi họ tên người phát ngôn của cơ quan.",
                |d| d.fields.spokesperson_name = "Trần Thị B".into(),
            ),
            (
                "staffing.focal_officer",
                |d| {
                    d.focal_officers
                        .iter_mut()
                        .for_each(|o| o.name = String::new())
                },
                "Cán bộ đầu mối truyền thông chính sách chưa có họ tên.",
                |d| d.focal_officers[3].name = "Rơ Mah Tuấn".into(),
            ),
            (
                "staffing.training",
                |d| d.trainings.iter_mut().for_each(|t| t.topic = " ".into()),
                "Chưa có khóa bồi dưỡng, tập huấn nào có nội dung cho đội ngũ làm truyền thông chính sách.",
                |d| d.trainings[1].topic = "Kỹ năng viết tin".into(),
            ),
            (
                "press.partner",
                |d| d.press_partners.clear(),
                "Chưa có cơ quan báo chí phối hợp hoặc được đặt hàng, giao nhiệm vụ.",
                |d| {
                    d.press_partners.push(crate::document::PressPartner {
                        id: 9,
                        name: "Báo Gia Lai".into(),
                        arrangement: "Đặt hàng".into(),
                        tasks: String::new(),
                    })
                },
            ),
            (
                "press.regular_information",
                |d| d.activities.retain(|a| a.id != 1),
                "Việc cung cấp thông tin định kỳ cho báo chí chưa được bố trí trong tháng 1, 2, 4, 5, 7, 8, 10, 11.",
                |d| {
                    d.activities.push(Activity {
                        id: 100,
                        content: "Người phát ngôn cung cấp thông tin cho báo chí hàng tháng".into(),
                        months: vec![1, 2, 4, 5, 7, 8, 10, 11],
                        ..d.activities[0].clone()
                    })
                },
            ),
            (
                "press.quarterly_conference",
                |d| activity_mut(d, 2).months = vec![3, 6],
                "Chưa có họp báo trong Quý III.",
                |d| activity_mut(d, 2).months = vec![3, 6, 8],
            ),
            (
                "monitoring.public_disclosure",
                |d| d.fields.public_disclosure = String::new(),
                "Chưa nêu thông tin được công khai và hình thức công khai theo Luật Tiếp cận thông tin.",
                |d| d.fields.public_disclosure = "Đăng tải trên trang thông tin điện tử.".into(),
            ),
            (
                "monitoring.opinion",
                |d| d.fields.opinion_monitoring = String::new(),
                "Chưa nêu cách theo dõi dư luận xã hội, báo chí và mạng xã hội về chính sách.",
                |d| d.fields.opinion_monitoring = "Theo dõi hằng ngày.".into(),
            ),
            (
                "monitoring.false_information",
                |d| d.fields.false_information = String::new(),
                "Chưa nêu cách phát hiện và xử lý thông tin sai sự thật.",
                |d| d.fields.false_information = "Đính chính trong 24 giờ.".into(),
            ),
            (
                "monitoring.crisis_procedure",
                |d| d.fields.crisis_procedure = String::new(),
                "Chưa có quy trình xử lý khủng hoảng truyền thông.",
                |d| d.fields.crisis_procedure = "Bước 1 …".into(),
            ),
            (
                "budget.funding_source",
                |d| d.budget_lines[2].funding_source_id = None,
                "Dòng kinh phí “Phóng sự truyền hình về cộng đồng nhận khoán bảo vệ rừng” chưa có nguồn kinh phí.",
                |d| d.budget_lines[2].funding_source_id = Some(1),
            ),
            (
                "implementation.reporting",
                |d| {
                    d.fields.reporting = String::new();
                    d.reports.clear();
                },
                "Chưa có chế độ báo cáo kết quả thực hiện kế hoạch.",
                |d| d.fields.reporting = "Báo cáo năm trước ngày 20/11.".into(),
            ),
            (
                "signature.signer",
                |d| {
                    d.fields.signer_authority_of = String::new();
                    d.fields.signer_name = String::new();
                },
                "Phần ký ban hành chưa có: chức danh được thay mặt, ký thay (ví dụ: GIÁM ĐỐC); họ tên người ký.",
                |d| {
                    d.fields.signer_authority = Some(SignerAuthority::Direct);
                    d.fields.signer_position = "GIÁM ĐỐC".into();
                    d.fields.signer_name = "Đoàn Minh Triết".into();
                },
            ),
            (
                "signature.recipients",
                |d| d.recipients.clear(),
                "Chưa có nơi nhận.",
                |d| {
                    d.recipients.push(crate::document::Recipient {
                        id: 1,
                        text: "- Lưu VT, VP".into(),
                    })
                },
            ),
            (
                "signature.archive_copy",
                |d| {
                    if let Some(r) = d.recipients.last_mut() {
                        r.text = "Lưu: VP".into();
                    }
                },
                "Dòng cuối của nơi nhận là “Lưu: VP”; theo thể thức phải là “Lưu: VT, …” (ví dụ: “Lưu: VT, VP”).",
                |d| {
                    if let Some(r) = d.recipients.last_mut() {
                        r.text = "lưu :  vt, VP".into();
                    }
                },
            ),
        ]
    }

    #[test]
    fn each_rule_broken_alone_gives_exactly_its_finding_and_the_fix_clears_it() {
        let base = check(&sample());
        for (rule, brk, message, fix) in cases() {
            let mut doc = sample();
            brk(&mut doc);
            let new = new_findings(&doc);
            assert_eq!(new.len(), 1, "{rule}: {new:#?}");
            assert_eq!(new[0].rule, rule);
            assert_eq!(new[0].message, message, "{rule}");
            let def = CATALOGUE
                .iter()
                .find(|d| d.id == rule)
                .expect("in catalogue");
            assert_eq!(new[0].severity, def.severity, "{rule}");
            assert_eq!(new[0].step, def.step, "{rule}");
            assert_eq!(new[0].citation, def.citation, "{rule}");
            let report = check(&doc);
            assert_eq!(
                report.can_submit(),
                def.severity != Severity::Blocking,
                "{rule}"
            );
            fix(&mut doc);
            assert_eq!(
                check(&doc).findings,
                base.findings,
                "{rule}: the fix must clear it"
            );
        }
    }

    #[test]
    fn every_rule_is_exercised_by_a_case() {
        let mut covered: Vec<&str> = cases().iter().map(|c| c.0).collect();
        covered.push("general.number_date_pending"); // in the sample itself
        for r in rules() {
            assert!(covered.contains(&r.id), "no test breaks {}", r.id);
        }
    }

    #[test]
    fn number_and_date_pending_is_advice_that_goes_once_both_are_filled() {
        let mut doc = sample();
        doc.fields.number = "12".into();
        let report = check(&doc);
        assert_eq!(ids(&report), ["general.number_date_pending"]);
        assert_eq!(
            report.findings[0].message,
            "Ngày ban hành còn để trống: điền khi ban hành."
        );
        assert_eq!(report.findings[0].severity, Severity::Advice);
        assert_eq!(
            report.findings[0].target.field.as_deref(),
            Some("issueDate")
        );
        doc.fields.issue_date = "2027-01-05".into();
        assert!(check(&doc).findings.is_empty());
        doc.fields.issue_date = "2026-12-28".into();
        assert!(check(&doc).findings.is_empty());
        doc.fields.issue_date = "2027-02-30".into();
        assert_eq!(
            check(&doc).findings[0].message,
            "Ngày ban hành “2027-02-30” không phải là một ngày hợp lệ."
        );
    }

    #[test]
    fn directive_07_is_recognised_only_as_the_document_a_basis_names() {
        for ok in [
            "Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ",
            "Căn cứ Chỉ thị 07 / CT - TTg",
            "chỉ thị số 7/ct‑ttg",
            "Chi\u{309} thi\u{323} 07/CT–TTg ngày 21 tháng 3 năm 2023",
        ] {
            assert!(names_directive_07(ok), "{ok}");
        }
        for not in [
            "Quyết định số 765/QĐ-BTTTT … thực hiện Chỉ thị số 07/CT-TTg",
            "Chỉ thị số 107/CT-TTg",
            "Chỉ thị số 07/CT-TTgX",
            "Luật Báo chí ngày 05/4/2016",
            "",
        ] {
            assert!(!names_directive_07(not), "{not}");
        }
    }

    #[test]
    fn symbols_follow_decree_30() {
        for ok in ["KH-SNNMT", "KH-UBND", "KH-SĐT", "KH-BCĐ-2027"] {
            assert!(symbol_ok(ok), "{ok}");
        }
        for not in [
            "KH-",
            "KH-snnmt",
            "QĐ-UBND",
            "KH-SNN MT",
            "KH--UBND",
            "KH-UBND-",
            "12/KH-UBND",
        ] {
            assert!(!symbol_ok(not), "{not}");
        }
        let mut doc = sample();
        doc.fields.symbol = String::new();
        assert_eq!(
            new_findings(&doc)[0].message,
            "Chưa có ký hiệu văn bản (ví dụ: KH-SNNMT)."
        );
    }

    #[test]
    fn stage_not_applicable_without_a_reason_has_its_own_message_and_target() {
        let mut doc = sample();
        doc.policies[4].stages[2].reason = " ".into();
        let new = new_findings(&doc);
        assert_eq!(new.len(), 1, "{new:#?}");
        assert_eq!(
            new[0].message,
            "Chính sách “Chính sách hỗ trợ đầu tư, quản lý, khai thác công trình cấp nước sạch nông thôn tập trung”: giai đoạn Hoàn thiện được đánh dấu không áp dụng nhưng chưa ghi lý do."
        );
        assert_eq!(
            new[0].target,
            Target {
                step: Step::Policies,
                entity: Some(Entity::PolicyStage),
                id: Some(doc.policies[4].stages[2].id),
                field: Some("reason".into()),
            }
        );
    }

    #[test]
    fn one_stage_finding_per_policy_and_stage() {
        let mut doc = sample();
        doc.activities.clear();
        let report = check(&doc);
        let stages: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.rule == "policy.stages")
            .collect();
        let expected: usize = doc
            .policies
            .iter()
            .map(|p| p.stages.iter().filter(|s| !s.not_applicable).count())
            .sum();
        assert_eq!(stages.len(), expected);
        assert!(
            stages
                .iter()
                .all(|f| f.target.entity == Some(Entity::PolicyStage))
        );
    }

    #[test]
    fn a_major_policy_whose_drafting_is_in_another_year_needs_no_consultation_now() {
        let mut doc = sample();
        for a in doc.activities.iter_mut().filter(|a| a.policy_id == Some(6)) {
            a.channel_id = Some(3);
            a.content = "Đăng tải".into();
        }
        for s in doc.policies[5].stages.iter_mut() {
            if matches!(s.stage, Stage::Drafting | Stage::Finalising) {
                s.not_applicable = true;
                s.reason = "Đã thực hiện năm 2026.".into();
            }
        }
        assert!(new_findings(&doc).is_empty(), "{:#?}", new_findings(&doc));
        // A consultation in another stage does not count.
        doc.policies[5].stages[1].not_applicable = false;
        activity_mut(&mut doc, 48).content = "Đối thoại với hộ chăn nuôi".into();
        assert_eq!(
            ids(&check(&doc))
                .iter()
                .filter(|r| **r == "policy.major_impact_consultation")
                .count(),
            1
        );
    }

    #[test]
    fn press_information_and_conferences_read_months_and_dates() {
        let mut doc = sample();
        // No press conference at all.
        doc.activities
            .retain(|a| !fold(&a.content).contains("hop bao"));
        let new = new_findings(&doc);
        assert_eq!(
            new.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>(),
            ["press.quarterly_conference"]
        );
        assert_eq!(
            new[0].target,
            Target {
                step: Step::Activities,
                entity: Some(Entity::Activity),
                id: None,
                field: None
            }
        );
        // A press-conference-only channel counts; dates spanning two quarters count for both.
        let channel = Channel {
            id: 50,
            name: "Họp báo".into(),
        };
        doc.channels.push(channel);
        doc.activities.push(Activity {
            id: 200,
            policy_id: None,
            stage: None,
            content: "Công bố kết quả".into(),
            channel_id: Some(50),
            audience: String::new(),
            lead_unit: String::new(),
            coordinating_units: String::new(),
            months: Vec::new(),
            start_date: "2026-12-20".into(),
            end_date: "2027-10-02".into(),
            expected_output: String::new(),
            target: String::new(),
        });
        assert!(new_findings(&doc).is_empty(), "{:#?}", new_findings(&doc));
        // The shared channel "Họp báo, cung cấp thông tin cho báo chí" alone is not a press conference.
        if let Some(a) = doc.activities.last_mut() {
            a.channel_id = Some(5);
        }
        assert_eq!(
            new_findings(&doc)[0].message,
            "Chưa có cuộc họp báo nào có thời gian trong năm; nên họp báo ít nhất mỗi quý một lần."
        );
    }

    use crate::document::Channel;

    #[test]
    fn regular_information_missing_entirely_is_said_so() {
        let mut doc = sample();
        doc.activities.retain(|a| a.id != 1 && a.id != 2);
        let new: Vec<Finding> = new_findings(&doc)
            .into_iter()
            .filter(|f| f.rule == "press.regular_information")
            .collect();
        assert_eq!(new.len(), 1, "{new:#?}");
        assert_eq!(
            new[0].message,
            "Chưa có hoạt động người phát ngôn cung cấp thông tin định kỳ hằng tháng cho báo chí."
        );
    }

    #[test]
    fn findings_are_ordered_by_step_then_rule_then_document() {
        let mut doc = sample();
        // Break things in reverse step order, and two lines of one rule.
        doc.recipients.clear();
        doc.budget_lines[5].funding_source_id = None;
        doc.budget_lines[1].funding_source_id = None;
        doc.fields.crisis_procedure = String::new();
        doc.fields.spokesperson_name = String::new();
        doc.fields.leader_name = String::new();
        doc.policies[3].key_messages = String::new();
        doc.policies[0].key_messages = String::new();
        doc.legal_bases.clear();
        let report = check(&doc);
        assert_eq!(
            ids(&report),
            [
                "legal.directive_07",
                "general.number_date_pending",
                "policy.key_messages",
                "policy.key_messages",
                "staffing.leader",
                "staffing.spokesperson",
                "monitoring.crisis_procedure",
                "budget.funding_source",
                "budget.funding_source",
                "signature.recipients",
            ]
        );
        assert_eq!(report.findings[2].target.id, Some(doc.policies[0].id));
        assert_eq!(report.findings[3].target.id, Some(doc.policies[3].id));
        assert_eq!(report.findings[7].target.id, Some(doc.budget_lines[1].id));
        assert_eq!(report.findings[8].target.id, Some(doc.budget_lines[5].id));
    }

    #[test]
    fn counts_per_step_and_in_total() {
        let mut doc = sample();
        doc.recipients.clear();
        doc.fields.crisis_procedure = String::new();
        doc.fields.false_information = String::new();
        doc.trainings.clear();
        doc.fields.leader_name = String::new();
        let report = check(&doc);
        assert_eq!((report.blocking, report.warnings, report.advice), (3, 2, 1));
        assert!(!report.can_submit());
        let steps: Vec<Step> = report.per_step.iter().map(|s| s.step).collect();
        assert_eq!(steps, Step::ALL);
        let counts: Vec<(u32, u32, u32)> = report
            .per_step
            .iter()
            .map(|s| (s.blocking, s.warnings, s.advice))
            .collect();
        assert_eq!(
            counts,
            [
                (0, 0, 1),
                (0, 0, 0),
                (0, 0, 0),
                (1, 1, 0),
                (0, 0, 0),
                (1, 1, 0),
                (0, 0, 0),
                (0, 0, 0),
                (1, 0, 0),
            ]
        );
    }

    #[test]
    fn rule_ids_are_unique_and_well_formed() {
        let all = rules();
        for (i, r) in all.iter().enumerate() {
            assert!(
                all[i + 1..].iter().all(|o| o.id != r.id),
                "duplicate id {}",
                r.id
            );
            let (area, name) = r.id.split_once('.').expect("area.name");
            assert!(!area.is_empty() && area.chars().all(|c| c.is_ascii_lowercase()));
            assert!(
                !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{}",
                r.id
            );
        }
        // Catalogue order follows the steps.
        let steps: Vec<usize> = all.iter().map(|r| step_index(r.step)).collect();
        assert!(steps.windows(2).all(|w| w[0] <= w[1]), "{steps:?}");
    }

    /// Vietnamese, not English: NFC and with at least one letter that has a
    /// Vietnamese diacritic.
    fn is_vietnamese(s: &str) -> bool {
        let nfc: String = s.nfc().collect();
        !s.trim().is_empty()
            && nfc == s
            && s.chars().any(|c| {
                "ăâđêôơưĂÂĐÊÔƠƯ".contains(c) || fold(&c.to_string()) != c.to_lowercase().to_string()
            })
    }

    #[test]
    fn every_rule_speaks_vietnamese() {
        for r in rules() {
            assert!(is_vietnamese(r.title), "{}: title", r.id);
            assert!(is_vietnamese(r.explanation), "{}: explanation", r.id);
            assert!(is_vietnamese(&r.citation), "{}: citation", r.id);
            assert!(
                r.explanation.chars().count() > r.title.chars().count(),
                "{}",
                r.id
            );
        }
        for s in Severity::ALL {
            assert!(is_vietnamese(s.label_vi()));
        }
        for s in LegalSource::ALL {
            assert!(is_vietnamese(s.label_vi()));
        }
        for s in Step::ALL {
            assert!(is_vietnamese(s.label_vi()));
        }
        let mut doc = sample();
        for (_, brk, _, _) in cases() {
            brk(&mut doc);
        }
        for f in check(&doc).findings {
            assert!(is_vietnamese(&f.message), "{}", f.message);
        }
    }

    #[test]
    fn codes_and_json_shape() {
        assert_eq!(
            serde_json::to_string(&Severity::Blocking).expect("json"),
            "\"blocking\""
        );
        for s in Severity::ALL {
            assert_eq!(
                serde_json::to_string(&s).expect("json"),
                format!("\"{}\"", s.code())
            );
        }
        assert_eq!(
            serde_json::to_string(&LegalSource::AccessToInformation).expect("json"),
            "\"access_to_information\""
        );
        let mut doc = sample();
        doc.budget_lines[0].funding_source_id = None;
        let report = check(&doc);
        let json = serde_json::to_value(&report).expect("json");
        assert_eq!(json["blocking"], 1);
        assert_eq!(json["perStep"].as_array().map(Vec::len), Some(9));
        assert_eq!(json["findings"][1]["rule"], "budget.funding_source");
        assert_eq!(json["findings"][1]["target"]["entity"], "budget_line");
        assert_eq!(json["findings"][1]["target"]["field"], "fundingSourceId");
        let back: CheckReport = serde_json::from_value(json).expect("round trip");
        assert_eq!(back, report);
    }
}
