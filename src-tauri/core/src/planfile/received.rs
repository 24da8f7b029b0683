//! What a received plan's review state is: read-only, who sent it, when,
//! and the reviewer's decision on its latest revision.

use crate::review::{ReviewAction, ReviewState};

/// What a received plan's review state adds: who sent it, when, and the
/// reviewer's decision on its latest revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub sender: String,
    pub received_at: String,
    pub decision: Option<ReviewAction>,
}

impl ReviewState {
    /// The state of a received plan: never editable; while its latest
    /// revision waits for the reviewer's decision, comments and “Trả lại” /
    /// “Phê duyệt”; after it, the return file. A received draft has no action.
    pub fn received(mut self, received: Received) -> Self {
        let last = self.last_revision;
        let waiting = last > 0 && received.decision.is_none();
        self.editable = false;
        self.working_revision = last;
        self.received = true;
        self.can_send_file = false;
        self.actions = if waiting {
            vec![ReviewAction::Return, ReviewAction::Approve]
        } else {
            Vec::new()
        };
        self.can_comment = waiting;
        self.can_resolve = false;
        self.can_write_return = last > 0 && received.decision.is_some();
        self.notice = Some(received_notice(last, &received));
        self.decision = received.decision;
        self.sender = Some(received.sender);
        self.received_at = Some(received.received_at);
        self
    }
}

/// The banner of a received plan.
fn received_notice(last: i64, r: &Received) -> String {
    let from = &r.sender;
    match r.decision {
        _ if last == 0 => format!(
            "Bản nháp nhận được từ {from}: chỉ để xem, không sửa được trên máy này và không có thao tác xem xét."
        ),
        None => format!(
            "Hồ sơ nhận được từ {from} (lần trình {last}): chỉ để xem, không sửa được trên máy này. Hãy góp ý rồi chọn “Trả lại” hoặc “Phê duyệt”."
        ),
        Some(action) => format!(
            "Đã quyết định “{}” lần trình {last} của {from}. Hãy ghi tệp trả lời và gửi lại cho đơn vị.",
            action.label_vi()
        ),
    }
}

/// The refusal of any change of a received plan's content.
pub fn received_locked_error() -> crate::error::AppError {
    crate::error::AppError::new(
        crate::error::ErrorCode::Locked,
        "Đây là hồ sơ nhận được từ đơn vị khác: nội dung chỉ để xem, không sửa được trên máy này.",
    )
}
