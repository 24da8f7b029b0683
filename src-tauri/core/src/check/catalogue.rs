//! The catalogue of rules: for each requirement its stable id, severity, step,
//! Vietnamese title and explanation, and the legal text it rests on. The order
//! of [`CATALOGUE`] is the order findings are reported within a step.

use super::{LegalSource, Rule, Severity};
use crate::model::Step;

/// A rule as written in the catalogue; [`RuleDef::rule`] gives its public form.
pub(super) struct RuleDef {
    pub(super) id: &'static str,
    pub(super) severity: Severity,
    pub(super) step: Step,
    pub(super) title: &'static str,
    pub(super) explanation: &'static str,
    pub(super) source: LegalSource,
    pub(super) citation: &'static str,
}

impl RuleDef {
    pub(super) fn rule(&self) -> Rule {
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
/// What the directive asks of the unit that the rule rests on: a yearly plan.
const CT07_PLAN: &str = "Chỉ thị 07/CT-TTg (kế hoạch truyền thông hằng năm)";
const ND09: &str = "Nghị định 09/2017/NĐ-CP";
const ND30_FORMAT: &str = "Nghị định 30/2020/NĐ-CP, Điều 8 và Phụ lục I";
/// The document as a whole, where no article of the decree is confirmed for the rule.
const ND30_DOCUMENT: &str = "Nghị định 30/2020/NĐ-CP (thể thức văn bản hành chính)";
const ND30_SIGN: &str = "Nghị định 30/2020/NĐ-CP, Điều 8 và Điều 13";
const ND30_RECIPIENTS: &str = "Nghị định 30/2020/NĐ-CP, Phụ lục I";

pub(super) const LEGAL_DIRECTIVE_07: RuleDef = RuleDef {
    id: "legal.directive_07",
    severity: Severity::Blocking,
    step: Step::General,
    title: "Căn cứ Chỉ thị số 07/CT-TTg",
    explanation: "Kế hoạch truyền thông chính sách hằng năm được ban hành để thực hiện Chỉ thị số 07/CT-TTg về việc tăng cường công tác truyền thông chính sách, nên chỉ thị phải được nêu trong phần căn cứ.",
    source: LegalSource::Directive07,
    citation: CT07,
};

pub(super) const LEGAL_NOT_IN_FORCE: RuleDef = RuleDef {
    id: "legal.not_in_force",
    severity: Severity::Warning,
    step: Step::General,
    title: "Căn cứ có hiệu lực trong năm kế hoạch",
    explanation: "Văn bản nêu ở phần căn cứ phải có hiệu lực trong năm thực hiện kế hoạch; văn bản chưa có hiệu lực hoặc đã hết hiệu lực trước năm kế hoạch thì không dùng làm căn cứ.",
    source: LegalSource::LegalTexts,
    citation: "Danh mục văn bản pháp lý: ngày có hiệu lực, ngày hết hiệu lực",
};

pub(super) const LEGAL_SUPERSEDED: RuleDef = RuleDef {
    id: "legal.superseded",
    severity: Severity::Warning,
    step: Step::General,
    title: "Căn cứ là văn bản hiện hành",
    explanation: "Khi văn bản đã được thay thế, hoặc đã có văn bản mới hơn cùng loại, cùng lĩnh vực có hiệu lực trong năm kế hoạch, kế hoạch nên viện dẫn văn bản hiện hành.",
    source: LegalSource::LegalTexts,
    citation: "Danh mục văn bản pháp lý: văn bản thay thế, văn bản mới hơn cùng lĩnh vực",
};

pub(super) const LEGAL_FORMER_PROVINCE: RuleDef = RuleDef {
    id: "legal.former_province",
    severity: Severity::Advice,
    step: Step::General,
    title: "Ghi “(cũ)” sau tên tỉnh trước sắp xếp",
    explanation: "Sau khi sắp xếp đơn vị hành chính cấp tỉnh, văn bản do tỉnh ban hành trước khi chính quyền tỉnh mới hoạt động được viện dẫn với chữ “(cũ)” sau tên tỉnh, để phân biệt với tỉnh hình thành sau sắp xếp.",
    source: LegalSource::Resolution202,
    citation: "Nghị quyết số 202/2025/QH15",
};

pub(super) const GENERAL_SYMBOL: RuleDef = RuleDef {
    id: "general.symbol",
    severity: Severity::Blocking,
    step: Step::General,
    title: "Ký hiệu văn bản đúng thể thức",
    explanation: "Số, ký hiệu là thành phần thể thức bắt buộc của văn bản hành chính; ký hiệu của kế hoạch gồm chữ viết tắt tên loại “KH” (Phụ lục III của Nghị định, mục I, số thứ tự 10: Kế hoạch — KH) và chữ viết tắt tên cơ quan ban hành, nối bằng dấu gạch nối.",
    source: LegalSource::Decree30,
    citation: "Nghị định 30/2020/NĐ-CP, Điều 8, Phụ lục I; chữ viết tắt “KH”: Phụ lục III, mục I, số thứ tự 10",
};

pub(super) const GENERAL_NUMBER: RuleDef = RuleDef {
    id: "general.number",
    severity: Severity::Blocking,
    step: Step::General,
    title: "Số văn bản chỉ gồm chữ số",
    explanation: "Số của văn bản hành chính được ghi bằng chữ số Ả Rập; chữ cái và ký hiệu thuộc phần ký hiệu, không thuộc phần số.",
    source: LegalSource::Decree30,
    citation: ND30_FORMAT,
};

pub(super) const GENERAL_ISSUE_DATE: RuleDef = RuleDef {
    id: "general.issue_date",
    severity: Severity::Blocking,
    step: Step::General,
    title: "Ngày ban hành hợp lệ",
    explanation: "Thời gian ban hành là thành phần thể thức của văn bản hành chính; ngày ghi ở đó phải là một ngày có thật.",
    source: LegalSource::Decree30,
    citation: ND30_FORMAT,
};

pub(super) const GENERAL_ISSUE_YEAR: RuleDef = RuleDef {
    id: "general.issue_year",
    severity: Severity::Warning,
    step: Step::General,
    title: "Ngày ban hành gần năm kế hoạch",
    explanation: "Chỉ thị số 07/CT-TTg yêu cầu xây dựng kế hoạch truyền thông hằng năm; kế hoạch của một năm thường được ban hành cuối năm trước hoặc trong năm đó, nên ngày ban hành ngoài hai năm này thường là ghi nhầm năm. Nghị định số 30/2020/NĐ-CP chỉ quy định cách ghi ngày ban hành, không quy định thời điểm ban hành kế hoạch.",
    source: LegalSource::Directive07,
    citation: CT07_PLAN,
};

pub(super) const GENERAL_PLACE: RuleDef = RuleDef {
    id: "general.place",
    severity: Severity::Blocking,
    step: Step::General,
    title: "Địa danh",
    explanation: "Địa danh ghi trước ngày tháng năm ban hành là thành phần thể thức bắt buộc của văn bản hành chính.",
    source: LegalSource::Decree30,
    citation: ND30_FORMAT,
};

pub(super) const GENERAL_SUBJECT: RuleDef = RuleDef {
    id: "general.subject_repeats_type",
    severity: Severity::Warning,
    step: Step::General,
    title: "Trích yếu không lặp lại tên loại văn bản",
    explanation: "Tên loại “KẾ HOẠCH” được in riêng một dòng; tên kế hoạch là trích yếu nội dung in ngay dưới dòng đó, nên chỉ nêu nội dung (ví dụ: “Truyền thông chính sách năm 2027”), không lặp lại chữ “Kế hoạch”.",
    source: LegalSource::Decree30,
    citation: ND30_DOCUMENT,
};

pub(super) const GENERAL_PENDING: RuleDef = RuleDef {
    id: "general.number_date_pending",
    severity: Severity::Advice,
    step: Step::General,
    title: "Số và ngày ban hành điền khi ban hành",
    explanation: "Dự thảo có thể để trống số và ngày; văn thư cấp số và ghi ngày khi văn bản được ký ban hành.",
    source: LegalSource::Decree30,
    citation: ND30_FORMAT,
};

pub(super) const POLICY_STAGES: RuleDef = RuleDef {
    id: "policy.stages",
    severity: Severity::Blocking,
    step: Step::Policies,
    title: "Truyền thông đủ năm giai đoạn của chính sách",
    explanation: "Chỉ thị số 07/CT-TTg yêu cầu truyền thông chính sách từ khi hoạch định chủ trương, trong quá trình xây dựng, hoàn thiện, ban hành và thực thi; giai đoạn nào không có hoạt động trong năm kế hoạch phải ghi rõ lý do không áp dụng.",
    source: LegalSource::Directive07,
    citation: CT07,
};

pub(super) const POLICY_CONSULTATION: RuleDef = RuleDef {
    id: "policy.major_impact_consultation",
    severity: Severity::Blocking,
    step: Step::Policies,
    title: "Lấy ý kiến về chính sách có tác động lớn",
    explanation: "Đề án được phê duyệt tại Quyết định số 407/QĐ-TTg đặt mục tiêu chính sách có tác động lớn đến xã hội được truyền thông từ khi lấy ý kiến đối với đề nghị xây dựng văn bản quy phạm pháp luật đến khi thông qua, ban hành văn bản; trong kế hoạch đó là các giai đoạn Hoạch định chủ trương, Xây dựng, Hoàn thiện và Ban hành. Trong năm có giai đoạn nào từ Hoạch định chủ trương đến Hoàn thiện thì kế hoạch phải có hoạt động lấy ý kiến, tham vấn hoặc đối thoại với đối tượng chịu tác động trong các giai đoạn từ Hoạch định chủ trương đến Ban hành.",
    source: LegalSource::Decision407,
    citation: "Quyết định 407/QĐ-TTg (truyền thông từ khi lấy ý kiến đối với đề nghị xây dựng văn bản quy phạm pháp luật đến khi thông qua, ban hành)",
};

pub(super) const POLICY_KEY_MESSAGES: RuleDef = RuleDef {
    id: "policy.key_messages",
    severity: Severity::Advice,
    step: Step::Policies,
    title: "Thông điệp chính của chính sách",
    explanation: "Thông điệp chính ngắn gọn, dễ hiểu giúp các hoạt động truyền thông của cùng một chính sách nói thống nhất với nhau.",
    source: LegalSource::Directive07,
    citation: CT07,
};

pub(super) const POLICY_SEMICOLON_CAPITAL: RuleDef = RuleDef {
    id: "policy.capital_after_semicolon",
    severity: Severity::Advice,
    step: Step::Policies,
    title: "Chữ viết thường sau dấu chấm phẩy",
    explanation: "Trong nhóm đối tượng chịu tác động và thông điệp chính, dấu chấm phẩy ngăn các vế của cùng một câu hoặc một mục liệt kê; chữ đứng sau viết thường, trừ tên riêng và tên cơ quan, tổ chức (ví dụ: “Ủy ban nhân dân các xã”, “Nhà nước”).",
    source: LegalSource::Decree30,
    citation: ND30_DOCUMENT,
};

pub(super) const ACTIVITY_CHANNEL_TIMING: RuleDef = RuleDef {
    id: "activity.channel_timing",
    severity: Severity::Advice,
    step: Step::Activities,
    title: "Hình thức và thời gian của hoạt động",
    explanation: "Mỗi hoạt động cần rõ hình thức truyền thông và thời gian thực hiện để phân công, bố trí kinh phí và theo dõi kết quả.",
    source: LegalSource::Directive07,
    citation: CT07,
};

pub(super) const RESULTS_UNRECORDED: RuleDef = RuleDef {
    id: "results.unrecorded_activity",
    severity: Severity::Warning,
    step: Step::Activities,
    title: "Ghi kết quả hoạt động đã đến hạn",
    explanation: "Hoạt động đã qua tháng dự kiến thực hiện cần được ghi kết quả (hoàn thành, đang thực hiện, hoặc không thực hiện và lý do) để báo cáo kết quả thực hiện kế hoạch 6 tháng và cả năm đầy đủ, đúng thực tế.",
    source: LegalSource::Directive07,
    citation: CT07_PLAN,
};

pub(super) const STAFFING_LEADER: RuleDef = RuleDef {
    id: "staffing.leader",
    severity: Severity::Blocking,
    step: Step::Staffing,
    title: "Lãnh đạo phụ trách",
    explanation: "Chỉ thị số 07/CT-TTg đặt trách nhiệm truyền thông chính sách lên người đứng đầu cơ quan; kế hoạch phải nêu lãnh đạo trực tiếp phụ trách công tác này.",
    source: LegalSource::Directive07,
    citation: CT07,
};

pub(super) const STAFFING_SPOKESPERSON: RuleDef = RuleDef {
    id: "staffing.spokesperson",
    severity: Severity::Blocking,
    step: Step::Staffing,
    title: "Người phát ngôn",
    explanation: "Cơ quan hành chính nhà nước phát ngôn và cung cấp thông tin cho báo chí qua người đứng đầu hoặc người được giao phát ngôn; kế hoạch phải nêu rõ người phát ngôn.",
    source: LegalSource::Decree09,
    citation: ND09,
};

pub(super) const STAFFING_FOCAL: RuleDef = RuleDef {
    id: "staffing.focal_officer",
    severity: Severity::Blocking,
    step: Step::Staffing,
    title: "Cán bộ đầu mối truyền thông chính sách",
    explanation: "Chỉ thị số 07/CT-TTg yêu cầu bố trí cán bộ phụ trách truyền thông chính sách; kế hoạch phải nêu ít nhất một cán bộ đầu mối có họ tên.",
    source: LegalSource::Directive07,
    citation: CT07,
};

pub(super) const STAFFING_TRAINING: RuleDef = RuleDef {
    id: "staffing.training",
    severity: Severity::Warning,
    step: Step::Staffing,
    title: "Bồi dưỡng, tập huấn",
    explanation: "Chỉ thị số 07/CT-TTg yêu cầu bồi dưỡng, nâng cao năng lực đội ngũ làm truyền thông chính sách; đơn vị có thể cử cán bộ dự lớp do cơ quan khác tổ chức, nên thiếu tập huấn trong kế hoạch là cảnh báo, không chặn việc trình.",
    source: LegalSource::Directive07,
    citation: CT07,
};

pub(super) const PRESS_PARTNER: RuleDef = RuleDef {
    id: "press.partner",
    severity: Severity::Warning,
    step: Step::Press,
    title: "Cơ quan báo chí phối hợp, đặt hàng",
    explanation: "Chỉ thị số 07/CT-TTg khuyến khích kết nối mạng lưới truyền thông, đặt hàng, giao nhiệm vụ cho cơ quan báo chí phù hợp với yêu cầu và kinh phí; đơn vị nhỏ có thể chưa có hợp đồng nên đây là cảnh báo.",
    source: LegalSource::Directive07,
    citation: CT07,
};

pub(super) const PRESS_REGULAR: RuleDef = RuleDef {
    id: "press.regular_information",
    severity: Severity::Warning,
    step: Step::Press,
    title: "Cung cấp thông tin định kỳ hằng tháng cho báo chí",
    explanation: "Điều 5 khoản 2 điểm a Nghị định số 09/2017/NĐ-CP quy định bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ và Ủy ban nhân dân cấp tỉnh hằng tháng cung cấp thông tin định kỳ cho báo chí. Với sở và các đơn vị khác, khoản này không áp dụng trực tiếp; cung cấp thông tin hằng tháng là cách làm nên theo. Vì vậy kế hoạch nên bố trí việc này trong cả 12 tháng, và thiếu là cảnh báo, không chặn việc trình.",
    source: LegalSource::Decree09,
    citation: "Nghị định 09/2017/NĐ-CP, Điều 5 khoản 2 điểm a (bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân cấp tỉnh)",
};

pub(super) const PRESS_CONFERENCE: RuleDef = RuleDef {
    id: "press.quarterly_conference",
    severity: Severity::Warning,
    step: Step::Press,
    title: "Họp báo mỗi quý",
    explanation: "Điều 5 khoản 2 điểm b Nghị định số 09/2017/NĐ-CP quy định bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ và Ủy ban nhân dân cấp tỉnh ít nhất 3 tháng một lần tổ chức họp báo để cung cấp thông tin định kỳ cho báo chí. Với sở và các đơn vị khác, khoản này không áp dụng trực tiếp; họp báo mỗi quý là cách làm nên theo. Vì vậy kế hoạch nên có ít nhất một cuộc họp báo trong mỗi quý, và thiếu là cảnh báo, không chặn việc trình.",
    source: LegalSource::Decree09,
    citation: "Nghị định 09/2017/NĐ-CP, Điều 5 khoản 2 điểm b (bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân cấp tỉnh)",
};

pub(super) const MONITORING_DISCLOSURE: RuleDef = RuleDef {
    id: "monitoring.public_disclosure",
    severity: Severity::Blocking,
    step: Step::Monitoring,
    title: "Công khai thông tin",
    explanation: "Cơ quan nhà nước phải công khai thông tin theo Luật Tiếp cận thông tin; kế hoạch phải nêu thông tin nào được công khai, bằng hình thức nào.",
    source: LegalSource::AccessToInformation,
    citation: "Luật Tiếp cận thông tin năm 2016",
};

pub(super) const MONITORING_OPINION: RuleDef = RuleDef {
    id: "monitoring.opinion",
    severity: Severity::Blocking,
    step: Step::Monitoring,
    title: "Theo dõi dư luận xã hội",
    explanation: "Chỉ thị số 07/CT-TTg yêu cầu nắm bắt dư luận xã hội, thông tin trên báo chí và mạng xã hội về chính sách để kịp thời định hướng, điều chỉnh.",
    source: LegalSource::Directive07,
    citation: CT07,
};

pub(super) const MONITORING_FALSE_INFO: RuleDef = RuleDef {
    id: "monitoring.false_information",
    severity: Severity::Blocking,
    step: Step::Monitoring,
    title: "Xử lý thông tin sai sự thật",
    explanation: "Chỉ thị số 07/CT-TTg yêu cầu chủ động phát hiện, bác bỏ, ngăn chặn thông tin sai sự thật, xuyên tạc chủ trương, chính sách.",
    source: LegalSource::Directive07,
    citation: CT07,
};

pub(super) const MONITORING_CRISIS: RuleDef = RuleDef {
    id: "monitoring.crisis_procedure",
    severity: Severity::Warning,
    step: Step::Monitoring,
    title: "Quy trình xử lý khủng hoảng truyền thông",
    explanation: "Khi có sự việc đột xuất, bất thường, người phát ngôn phải cung cấp thông tin kịp thời cho báo chí; một quy trình định sẵn (ai phát hiện, ai quyết định, ai phát ngôn, trong bao lâu) giúp làm được điều đó.",
    source: LegalSource::Decree09,
    citation: ND09,
};

pub(super) const BUDGET_SOURCE: RuleDef = RuleDef {
    id: "budget.funding_source",
    severity: Severity::Blocking,
    step: Step::Budget,
    title: "Nguồn kinh phí của từng khoản chi",
    explanation: "Chỉ thị số 07/CT-TTg yêu cầu bố trí kinh phí cho truyền thông chính sách; mỗi khoản chi phải ghi rõ nguồn để cơ quan tài chính thẩm định và bố trí.",
    source: LegalSource::Directive07,
    citation: CT07,
};

pub(super) const BUDGET_FUNDING_LEVEL: RuleDef = RuleDef {
    id: "budget.funding_level",
    severity: Severity::Warning,
    step: Step::Budget,
    title: "Nguồn kinh phí của cấp khác",
    explanation: "Dự toán của kế hoạch chỉ gồm những khoản đơn vị ban hành tự bố trí được. Một sở, ban hay văn phòng của tỉnh không cam kết được ngân sách cấp xã (hay cấp huyện trước đây): kinh phí đó do cấp xã bố trí trong dự toán của mình. Phần việc xã làm bằng kinh phí của xã nên ghi ở phần phối hợp hoặc ở ghi chú, không ghi làm nguồn của dòng kinh phí.",
    source: LegalSource::Directive07,
    citation: CT07_PLAN,
};

pub(super) const BUDGET_QUANTITY_TARGET: RuleDef = RuleDef {
    id: "budget.quantity_target",
    severity: Severity::Warning,
    step: Step::Budget,
    title: "Số lượng khớp với hoạt động",
    explanation: "Dự toán được lập và thẩm định theo từng hoạt động: khi sản phẩm dự kiến hoặc chỉ tiêu của hoạt động nêu số lượng cùng đơn vị tính với dòng kinh phí gắn với nó (ví dụ “03 hội nghị”), số lượng của dòng phải khớp với số đó.",
    source: LegalSource::Directive07,
    citation: CT07_PLAN,
};

pub(super) const BUDGET_FRACTIONAL: RuleDef = RuleDef {
    id: "budget.fractional_count",
    severity: Severity::Warning,
    step: Step::Budget,
    title: "Số lượng nguyên cho đơn vị đếm được",
    explanation: "Hội nghị, cuộc, kỳ, tin, bài, bộ, lớp, người … được đếm từng đơn vị; số lượng lẻ (ví dụ 150,5 bộ) không mua, không tổ chức được. Phần lẻ thường là một khoản khác, nên ghi thành dòng riêng với đơn vị tính của nó.",
    source: LegalSource::Directive07,
    citation: CT07_PLAN,
};

pub(super) const RESULTS_OVERSPENT: RuleDef = RuleDef {
    id: "results.overspent",
    severity: Severity::Warning,
    step: Step::Budget,
    title: "Giải trình khoản chi vượt",
    explanation: "Khoản đã chi nhiều hơn số được duyệt (hoặc số dự toán, khi dòng chưa có số được duyệt) cần ghi rõ lý do, để báo cáo kết quả thực hiện và quyết toán kinh phí minh bạch.",
    source: LegalSource::Directive07,
    citation: CT07_PLAN,
};

pub(super) const IMPLEMENTATION_REPORTING: RuleDef = RuleDef {
    id: "implementation.reporting",
    severity: Severity::Advice,
    step: Step::Implementation,
    title: "Chế độ báo cáo",
    explanation: "Nêu rõ báo cáo nào, gửi ai, hạn nào giúp theo dõi và đánh giá kết quả thực hiện kế hoạch.",
    source: LegalSource::Directive07,
    citation: CT07,
};

pub(super) const SIGNATURE_SIGNER: RuleDef = RuleDef {
    id: "signature.signer",
    severity: Severity::Blocking,
    step: Step::Signature,
    title: "Thẩm quyền, chức vụ và họ tên người ký",
    explanation: "Quyền hạn, chức vụ, họ tên của người ký là thành phần thể thức bắt buộc; người ký thay, thay mặt phải ghi đúng thẩm quyền (TM., KT., TL. …).",
    source: LegalSource::Decree30,
    citation: ND30_SIGN,
};

pub(super) const SIGNATURE_RECIPIENTS: RuleDef = RuleDef {
    id: "signature.recipients",
    severity: Severity::Blocking,
    step: Step::Signature,
    title: "Nơi nhận",
    explanation: "Nơi nhận là thành phần thể thức bắt buộc của văn bản hành chính.",
    source: LegalSource::Decree30,
    citation: ND30_RECIPIENTS,
};

pub(super) const SIGNATURE_ARCHIVE: RuleDef = RuleDef {
    id: "signature.archive_copy",
    severity: Severity::Blocking,
    step: Step::Signature,
    title: "Lưu văn thư ở cuối nơi nhận",
    explanation: "Dòng cuối của nơi nhận ghi “Lưu: VT,” và chữ viết tắt tên đơn vị soạn thảo, số lượng bản lưu khi cần.",
    source: LegalSource::Decree30,
    citation: ND30_RECIPIENTS,
};

/// The catalogue, in the order findings are reported within a step.
pub(super) const CATALOGUE: &[&RuleDef] = &[
    &LEGAL_DIRECTIVE_07,
    &LEGAL_NOT_IN_FORCE,
    &LEGAL_SUPERSEDED,
    &LEGAL_FORMER_PROVINCE,
    &GENERAL_SYMBOL,
    &GENERAL_NUMBER,
    &GENERAL_ISSUE_DATE,
    &GENERAL_ISSUE_YEAR,
    &GENERAL_PLACE,
    &GENERAL_SUBJECT,
    &GENERAL_PENDING,
    &POLICY_STAGES,
    &POLICY_CONSULTATION,
    &POLICY_KEY_MESSAGES,
    &POLICY_SEMICOLON_CAPITAL,
    &ACTIVITY_CHANNEL_TIMING,
    &RESULTS_UNRECORDED,
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
    &BUDGET_FUNDING_LEVEL,
    &BUDGET_QUANTITY_TARGET,
    &BUDGET_FRACTIONAL,
    &RESULTS_OVERSPENT,
    &IMPLEMENTATION_REPORTING,
    &SIGNATURE_SIGNER,
    &SIGNATURE_RECIPIENTS,
    &SIGNATURE_ARCHIVE,
];
