// Vietnamese, the default locale. Every string the user sees lives here and in
// en.ts; a test fails when a key is missing from either.
export const vi = {
  "app.title": "Kế hoạch truyền thông chính sách",
  "app.subtitle": "Theo Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ",
  "app.loading": "Đang mở dữ liệu…",
  "app.language": "Ngôn ngữ",
  "app.units": "Đơn vị",
  "app.plans": "Kế hoạch",
  "app.readOnly": "Chỉ đọc",

  "plans.heading": "Danh sách kế hoạch",
  "plans.new": "Tạo kế hoạch mới",
  "plans.count": "{n} kế hoạch",
  "plans.col.year": "Năm",
  "plans.col.unit": "Đơn vị",
  "plans.col.title": "Tên kế hoạch",
  "plans.col.status": "Trạng thái",
  "plans.col.updated": "Cập nhật",
  "plans.open": "Mở kế hoạch {title}",
  "plans.empty.title": "Chưa có kế hoạch nào",
  "plans.empty.body":
    "Mỗi năm, cơ quan, đơn vị xây dựng kế hoạch truyền thông chính sách theo Chỉ thị số 07/CT-TTg: chính sách cần truyền thông, hoạt động ở từng giai đoạn, nhân sự, báo chí, kinh phí và tổ chức thực hiện. Hãy bắt đầu bằng cách chọn đơn vị và năm kế hoạch.",
  "plans.empty.hint": "Dữ liệu được lưu ngay trên máy này, không cần mạng.",

  "newPlan.heading": "Tạo kế hoạch mới",
  "newPlan.unit": "Đơn vị ban hành",
  "newPlan.unitHelp": "Cơ quan, đơn vị ban hành kế hoạch. Danh sách đơn vị sửa được ở mục “Đơn vị”.",
  "newPlan.chooseUnit": "— Chọn đơn vị —",
  "newPlan.year": "Năm kế hoạch",
  "newPlan.yearHelp": "Năm mà kế hoạch được thực hiện, từ 2000 đến 2100.",
  "newPlan.create": "Tạo kế hoạch",
  "newPlan.cancel": "Hủy",
  "newPlan.noUnit": "Hãy chọn đơn vị ban hành.",
  "newPlan.noUnits": "Chưa có đơn vị nào. Hãy thêm đơn vị ở mục “Đơn vị” trước.",

  "editor.back": "Danh sách kế hoạch",
  "editor.steps": "Các bước soạn thảo",
  "editor.stepOf": "Bước {n}/{total}",
  "editor.savedNote": "Mọi thay đổi được lưu ngay khi nhập, không cần bấm Lưu.",
  "editor.upcoming": "Nội dung của bước này sẽ được bổ sung trong phiên bản tới.",
  "editor.unit": "Đơn vị",
  "editor.parentBody": "Cơ quan chủ quản",
  "editor.year": "Năm",
  "editor.title": "Tên kế hoạch",
  "editor.status": "Trạng thái",

  "step.general": "Thông tin chung",
  "step.general.desc":
    "Đơn vị ban hành, số và ký hiệu, địa danh và ngày tháng, căn cứ pháp lý, mục đích và yêu cầu của kế hoạch.",
  "step.policies": "Chính sách và giai đoạn",
  "step.policies.desc":
    "Các chính sách cần truyền thông, lĩnh vực, tác động xã hội, nhóm đối tượng, thông điệp chính, và năm giai đoạn: hoạch định, xây dựng, hoàn thiện, ban hành, thực thi.",
  "step.activities": "Hoạt động truyền thông",
  "step.activities.desc":
    "Nội dung, hình thức, đối tượng, đơn vị chủ trì và phối hợp, thời gian, sản phẩm và chỉ tiêu của từng hoạt động.",
  "step.staffing": "Nhân sự",
  "step.staffing.desc":
    "Lãnh đạo phụ trách, người phát ngôn (Nghị định số 09/2017/NĐ-CP), cán bộ đầu mối và việc bồi dưỡng, tập huấn.",
  "step.press": "Mạng lưới và báo chí",
  "step.press.desc":
    "Cơ quan báo chí phối hợp, đặt hàng và giao nhiệm vụ; phối hợp với Ban Tuyên giáo và Hội Nhà báo.",
  "step.monitoring": "Công khai thông tin và theo dõi dư luận",
  "step.monitoring.desc":
    "Công khai thông tin, theo dõi dư luận và mạng xã hội, xử lý thông tin sai sự thật, quy trình xử lý khủng hoảng truyền thông.",
  "step.budget": "Kinh phí",
  "step.budget.desc":
    "Dự toán kinh phí: số lượng, đơn giá, thành tiền, nguồn kinh phí; tổng hợp theo nhóm, nguồn, giai đoạn và quý.",
  "step.implementation": "Tổ chức thực hiện",
  "step.implementation.desc": "Trách nhiệm của từng đơn vị, chế độ báo cáo và thời hạn.",
  "step.signature": "Ký ban hành và nơi nhận",
  "step.signature.desc": "Thẩm quyền và chức vụ người ký, họ tên, danh sách nơi nhận.",

  "status.draft": "Dự thảo",
  "status.submitted": "Đã trình",
  "status.returned": "Trả lại",
  "status.resubmitted": "Trình lại",
  "status.approved": "Đã phê duyệt",

  "units.heading": "Đơn vị ban hành",
  "units.intro":
    "Danh sách cơ quan, đơn vị dùng khi tạo kế hoạch. Từ năm 2025, tên cơ quan thay đổi theo việc sắp xếp bộ máy: hãy sửa cho đúng với đơn vị của bạn.",
  "units.name": "Tên đơn vị",
  "units.parentBody": "Cơ quan chủ quản",
  "units.abbreviation": "Chữ viết tắt",
  "units.abbreviationHelp": "Dùng trong ký hiệu văn bản, ví dụ SVHTTDL trong “12/KH-SVHTTDL”.",
  "units.add": "Thêm đơn vị",
  "units.edit": "Sửa",
  "units.save": "Lưu đơn vị",
  "units.cancel": "Hủy",
  "units.delete": "Xóa",
  "units.empty": "Chưa có đơn vị nào. Hãy thêm đơn vị đầu tiên.",
  "units.confirmDelete": "Xóa đơn vị “{name}”?",
  "units.confirmDeleteBody": "Bạn có thể hoàn tác ngay sau khi xóa.",
  "units.deleted": "Đã xóa “{name}”.",
  "units.added": "Đã thêm “{name}”.",
  "units.saved": "Đã lưu “{name}”.",

  "common.confirm": "Xác nhận",
  "common.cancel": "Hủy",
  "common.undo": "Hoàn tác",
  "common.close": "Đóng",

  "error.validation": "Dữ liệu nhập chưa hợp lệ.",
  "error.not_found": "Không tìm thấy dữ liệu này; có thể nó đã bị xóa.",
  "error.conflict": "Thay đổi này trùng với dữ liệu đã có.",
  "error.read_only": "Cơ sở dữ liệu đang ở chế độ chỉ đọc.",
  "error.newer_schema": "Cơ sở dữ liệu được tạo bởi phiên bản mới hơn; tệp được mở chỉ đọc.",
  "error.not_commplan_file": "Tệp này không phải là cơ sở dữ liệu của ứng dụng.",
  "error.database": "Lỗi cơ sở dữ liệu; dữ liệu chưa bị thay đổi.",
  "error.io": "Không đọc hoặc ghi được tệp.",
  "error.internal": "Đã xảy ra lỗi ngoài dự kiến; thao tác chưa được thực hiện.",
} as const;

export type MessageKey = keyof typeof vi;
