// Vietnamese strings of the plan file (.khtt): sending, opening, the plans
// received for review and the return file. Spread into vi.ts (its plan-list
// section); en.ts does the same with planfile.en.ts.
export const viPlanFile = {
  "planFile.send": "Gửi tệp kế hoạch",
  "planFile.sendHint":
    "Ghi lần trình mới nhất ra tệp .khtt để đính kèm vào hệ thống quản lý văn bản hoặc thư điện tử gửi người xem xét.",
  "planFile.sendNotYet": "Chỉ gửi được tệp kế hoạch sau khi trình: tệp mang lần trình đã chốt.",
  "planFile.saveDraft": "Lưu bản nháp ra tệp",
  "planFile.saveDraftHint":
    "Ghi bản đang soạn ra tệp .khtt (chưa phải bản trình) để chuyển sang máy khác hoặc xin ý kiến trước.",
  "planFile.writeReturn": "Ghi tệp trả lời",
  "planFile.writeReturnHint": "Ghi ý kiến và quyết định của bạn ra tệp .khtt để gửi lại đơn vị soạn kế hoạch.",
  "planFile.writeReturnNotYet": "Ghi được tệp trả lời sau khi bạn Trả lại hoặc Phê duyệt lần trình mới nhất.",
  "planFile.busy": "Đang ghi tệp…",
  "planFile.openFolder": "Mở thư mục",
  "planFile.open": "Mở tệp kế hoạch",
  "planFile.opening": "Đang mở tệp…",
  "planFile.openHint":
    "Mở tệp .khtt nhận được: kế hoạch gửi đến để xem xét, hoặc tệp trả lời của người xem xét. Có thể kéo thả tệp vào cửa sổ.",
  "planFile.openPlan": "Mở kế hoạch",
  "planFile.dropHint": "Thả tệp kế hoạch (.khtt) vào đây để mở",
  "planFile.dropDetail": "Kế hoạch gửi đến để xem xét, hoặc tệp trả lời của người xem xét.",
  "planFile.outcome.received": "Đã nhận kế hoạch của {unit}, lần trình {n}.",
  "planFile.outcome.returned": "Kế hoạch đã được trả lại kèm {comments} ý kiến; lần trình {n}.",
  "planFile.outcome.approved": "Kế hoạch đã được phê duyệt; lần trình {n}.",
  "planFile.outcome.unchanged": "Tệp này đã được mở trước đây; không có gì thay đổi.",

  "received.heading": "Hồ sơ nhận được",
  "received.intro":
    "Kế hoạch các đơn vị gửi đến qua tệp: xem, kiểm tra, cho ý kiến rồi trả lại hoặc phê duyệt; nội dung không sửa được trên máy này.",
  "received.empty":
    "Chưa nhận hồ sơ nào. Khi nhận được tệp kế hoạch (.khtt) qua hệ thống văn bản hoặc thư điện tử, bấm “Mở tệp kế hoạch” hoặc kéo thả tệp vào cửa sổ.",
  "received.own": "Kế hoạch của đơn vị",
  "received.ownEmpty": "Đơn vị chưa soạn kế hoạch nào trên máy này.",
  "received.col.unit": "Đơn vị gửi",
  "received.col.revision": "Lần trình",
  "received.col.receivedAt": "Nhận lúc",
  "received.col.decision": "Quyết định",
  "received.revisionN": "Lần {n}",
  "received.draft": "Bản nháp",
  "received.undecided": "Chưa quyết định",
  "received.decision.return": "Đã trả lại",
  "received.decision.approve": "Đã phê duyệt",
  "received.open": "Mở hồ sơ {title} của {unit}",
  "received.revisionWaiting": "Lần trình {n} chờ bạn xem xét",
  "received.revisionReturned": "Lần trình {n}: bạn đã trả lại",
  "received.revisionApproved": "Lần trình {n}: bạn đã phê duyệt",
  "received.reviewIntro":
    "Hồ sơ nhận qua tệp từ đơn vị khác: xem từng bước, chạy kiểm tra, so sánh các lần trình đã nhận, ghi ý kiến rồi quyết định. Quyết định và ý kiến được gửi về đơn vị bằng tệp trả lời.",
  "received.banner":
    "Hồ sơ nhận được từ {sender}, lần trình {n}, nhận lúc {time}: chỉ xem, kiểm tra và cho ý kiến; không sửa được nội dung.",
  "received.bannerDraft":
    "Bản nháp nhận được từ {sender}, nhận lúc {time}: chỉ xem; bản nháp chưa trình nên chưa quyết định được.",
  "received.decidedReturn": "Bạn đã trả lại lần trình này. Bấm “Ghi tệp trả lời” để gửi ý kiến về đơn vị.",
  "received.decidedApprove": "Bạn đã phê duyệt lần trình này. Bấm “Ghi tệp trả lời” để gửi quyết định về đơn vị.",
  "received.explain":
    "Ghi ý kiến vào từng phần hoặc từng dòng, rồi Trả lại (kèm ý kiến) hoặc Phê duyệt; sau đó bấm “Ghi tệp trả lời” để gửi về đơn vị.",
} as const;
