//! The review of a plan: who may move it where, what a reviewer's comment is,
//! what a frozen revision is, and the Vietnamese texts of all of it.
//!
//! A plan goes draft → submitted → (returned → resubmitted)* → approved; a
//! submitted or resubmitted plan may also be returned or approved. Submitting
//! and resubmitting each freeze a revision (numbered 1, 2, 3 … per plan), so
//! revision numbers count submissions: after a return the working copy is the
//! draft of the next revision. While a plan is submitted, resubmitted or
//! approved it is locked (see [`PlanStatus::is_locked`]); comments are not
//! content and may still be added and resolved.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::edit::{Entity, Scope};
use crate::error::{AppError, ErrorCode, Result};
use crate::model::{PlanStatus, Step};
use crate::money::Money;
use crate::text::clean;

/// Longest comment, in characters.
pub const MAX_COMMENT_CHARS: usize = 5_000;
/// Longest author name, in characters.
pub const MAX_AUTHOR_CHARS: usize = 300;

impl PlanStatus {
    /// True when the plan's content may not change (it waits for a review, or is approved).
    pub fn is_locked(self) -> bool {
        matches!(
            self,
            PlanStatus::Submitted | PlanStatus::Resubmitted | PlanStatus::Approved
        )
    }

    /// The allowed transitions of the review.
    pub fn can_move_to(self, to: PlanStatus) -> bool {
        use PlanStatus::*;
        matches!(
            (self, to),
            (Draft, Submitted)
                | (Submitted | Resubmitted, Returned)
                | (Returned, Resubmitted)
                | (Submitted | Resubmitted, Approved)
        )
    }

    /// The review actions allowed from this status, in the order of [`ReviewAction::ALL`].
    pub fn actions(self) -> Vec<ReviewAction> {
        ReviewAction::ALL
            .into_iter()
            .filter(|a| self.can_move_to(a.target()))
            .collect()
    }

    /// True when a reviewer may add comments: the plan waits for its review.
    pub fn takes_comments(self) -> bool {
        matches!(self, PlanStatus::Submitted | PlanStatus::Resubmitted)
    }

    /// True when comments may still be marked done or opened again: until approval.
    pub fn comments_open(self) -> bool {
        self != PlanStatus::Approved
    }

    /// Why a locked plan cannot be changed (`ErrorCode::Locked`); `None` when it can.
    pub fn lock_error(self) -> Option<AppError> {
        match self {
            PlanStatus::Submitted | PlanStatus::Resubmitted => Some(locked_error(false)),
            PlanStatus::Approved => Some(locked_error(true)),
            PlanStatus::Draft | PlanStatus::Returned => None,
        }
    }
}

/// The refusal of an edit of a locked plan.
pub fn locked_error(approved: bool) -> AppError {
    let message = if approved {
        "Kế hoạch đã được phê duyệt: không sửa được nữa. Muốn lập kế hoạch mới, hãy tạo bản sao sang năm khác."
    } else {
        "Kế hoạch đã trình, đang chờ xem xét: không sửa được cho đến khi được trả lại."
    };
    AppError::new(ErrorCode::Locked, message)
}

/// A step of the review, as a user asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum ReviewAction {
    Submit,
    Return,
    Resubmit,
    Approve,
}

impl ReviewAction {
    pub const ALL: [ReviewAction; 4] = [
        ReviewAction::Submit,
        ReviewAction::Return,
        ReviewAction::Resubmit,
        ReviewAction::Approve,
    ];

    /// The status the plan has after the action.
    pub fn target(self) -> PlanStatus {
        match self {
            ReviewAction::Submit => PlanStatus::Submitted,
            ReviewAction::Return => PlanStatus::Returned,
            ReviewAction::Resubmit => PlanStatus::Resubmitted,
            ReviewAction::Approve => PlanStatus::Approved,
        }
    }

    /// True when the action freezes a new revision.
    pub fn freezes(self) -> bool {
        matches!(self, ReviewAction::Submit | ReviewAction::Resubmit)
    }

    /// The Vietnamese verb, as on a button.
    pub fn label_vi(self) -> &'static str {
        match self {
            ReviewAction::Submit => "Trình",
            ReviewAction::Return => "Trả lại",
            ReviewAction::Resubmit => "Trình lại",
            ReviewAction::Approve => "Phê duyệt",
        }
    }

    /// The status the plan moves to, or a Vietnamese refusal naming where it is.
    pub fn from(self, current: PlanStatus) -> Result<PlanStatus> {
        let to = self.target();
        // Submit and resubmit are one button for the officer: name the right one.
        if current.can_move_to(to) {
            return Ok(to);
        }
        let needs = match self {
            ReviewAction::Submit => "Chỉ trình được kế hoạch đang ở trạng thái “Dự thảo”.",
            ReviewAction::Return => {
                "Chỉ trả lại được kế hoạch đã trình hoặc trình lại và đang chờ xem xét."
            }
            ReviewAction::Resubmit => "Chỉ trình lại được kế hoạch đã bị trả lại.",
            ReviewAction::Approve => "Chỉ phê duyệt được kế hoạch đã trình hoặc trình lại.",
        };
        Err(AppError::conflict(format!(
            "Không thể “{}”: kế hoạch đang ở trạng thái “{}”. {needs}",
            self.label_vi(),
            current.label_vi()
        )))
    }
}

/// The refusal of a submission while the checker finds `blocking` blocking gaps.
pub fn blocking_error(blocking: u32) -> AppError {
    AppError::validation(format!(
        "Chưa trình được: kế hoạch còn {blocking} nội dung bắt buộc phải sửa. Hãy mở “Kiểm tra” để xem và sửa từng nội dung, rồi trình lại."
    ))
}

/// What a comment is about: a whole section (a step of the editor) or one line
/// (an item of a list, or the plan's own field), optionally one field of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CommentAnchor {
    Section {
        step: Step,
    },
    Line {
        entity: Entity,
        #[ts(type = "number")]
        id: i64,
        /// The field's wire name (camelCase), as in the field registry.
        field: Option<String>,
    },
}

impl CommentAnchor {
    /// The step of the editor the comment is shown in.
    pub fn step(&self) -> Step {
        match self {
            CommentAnchor::Section { step } => *step,
            CommentAnchor::Line { entity, field, .. } => {
                entity.step_of(field.as_deref()).unwrap_or(Step::General)
            }
        }
    }

    /// The anchor checked against the registry: lines of plan content only,
    /// known fields only.
    pub fn validated(&self) -> Result<CommentAnchor> {
        match self {
            CommentAnchor::Section { .. } => Ok(self.clone()),
            CommentAnchor::Line { entity, id, field } => {
                if entity.def().scope == Scope::Global {
                    return Err(AppError::validation(
                        "Ý kiến chỉ gắn được với một phần hoặc một dòng của kế hoạch, không gắn với danh mục dùng chung.",
                    ));
                }
                let field = match field.as_deref().map(str::trim) {
                    None | Some("") => None,
                    Some(name) => Some(
                        entity
                            .field(name)
                            .map_err(|_| {
                                AppError::validation("Trường được góp ý không có trong kế hoạch.")
                            })?
                            .name
                            .to_string(),
                    ),
                };
                Ok(CommentAnchor::Line {
                    entity: *entity,
                    id: *id,
                    field,
                })
            }
        }
    }
}

/// What a reviewer writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct NewComment {
    pub anchor: CommentAnchor,
    pub text: String,
    /// Who comments, free text, e.g. "Sở Tư pháp".
    pub author: String,
}

impl NewComment {
    /// The comment in its stored form, or a Vietnamese message saying what is wrong.
    pub fn validated(&self) -> Result<NewComment> {
        let text = clean(&self.text);
        if text.is_empty() {
            return Err(AppError::validation("Hãy nhập nội dung ý kiến."));
        }
        if text.chars().count() > MAX_COMMENT_CHARS {
            return Err(AppError::validation(format!(
                "Ý kiến quá dài (tối đa {MAX_COMMENT_CHARS} ký tự)."
            )));
        }
        let author = clean(&self.author);
        if author.chars().count() > MAX_AUTHOR_CHARS {
            return Err(AppError::validation(format!(
                "Tên người góp ý quá dài (tối đa {MAX_AUTHOR_CHARS} ký tự)."
            )));
        }
        crate::text::refuse_emoji("Ý kiến", &text)?;
        crate::text::refuse_emoji("Người góp ý", &author)?;
        Ok(NewComment {
            anchor: self.anchor.validated()?,
            text,
            author,
        })
    }
}

/// A reviewer's comment as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Comment {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub plan_id: i64,
    /// The revision it was made on.
    #[ts(type = "number")]
    pub revision: i64,
    pub anchor: CommentAnchor,
    /// The step it is shown in.
    pub step: Step,
    /// What the anchor was called when the comment was made, e.g. "hoạt động “Họp báo …”".
    pub anchor_label: String,
    /// False when the line it is about has since been deleted.
    pub line_exists: bool,
    pub text: String,
    pub author: String,
    pub created_at: String,
    /// When the officer marked it resolved; `None` while open.
    pub resolved_at: Option<String>,
    /// What the officer did about it (may be empty).
    pub resolved_note: String,
}

/// Which version of a plan to compare: a frozen revision or the working copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RevisionRef {
    Revision {
        #[ts(type = "number")]
        number: i64,
    },
    Working,
}

impl RevisionRef {
    /// "lần trình 2", "bản đang soạn".
    pub fn label_vi(self) -> String {
        match self {
            RevisionRef::Revision { number } => format!("lần trình {number}"),
            RevisionRef::Working => "bản đang soạn".to_string(),
        }
    }
}

/// One frozen revision, as the history lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct RevisionSummary {
    #[ts(type = "number")]
    pub number: i64,
    /// The status it was frozen with (submitted or resubmitted).
    pub status: PlanStatus,
    pub created_at: String,
    /// When the plan was approved on this revision.
    pub approved_at: Option<String>,
    /// The proposed budget total; `None` past the maximum ("không tính được").
    pub total_proposed: Option<Money>,
    pub total_approved: Option<Money>,
    pub policies: u32,
    pub activities: u32,
    pub budget_lines: u32,
    /// Comments made on this revision, and how many of them are still open.
    pub comments: u32,
    pub open_comments: u32,
}

/// Where a plan stands in its review, for the editor's banner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ReviewState {
    pub status: PlanStatus,
    /// False while the plan is submitted, resubmitted or approved.
    pub editable: bool,
    /// The newest frozen revision (0 before the first submission).
    #[ts(type = "number")]
    pub last_revision: i64,
    /// The revision the working copy is or will be: `last_revision + 1` while
    /// editable ("đang soạn lần N+1"), `last_revision` while locked.
    #[ts(type = "number")]
    pub working_revision: i64,
    pub comments: u32,
    pub open_comments: u32,
    /// The Vietnamese banner text, if there is anything to say.
    pub notice: Option<String>,
    /// What may be done to the plan now ([`PlanStatus::actions`]).
    pub actions: Vec<ReviewAction>,
    /// A reviewer may add comments now ([`PlanStatus::takes_comments`]).
    pub can_comment: bool,
    /// Comments may be marked done or opened again now ([`PlanStatus::comments_open`]).
    pub can_resolve: bool,
    /// A plan received in a plan file: read-only forever on this computer.
    pub received: bool,
    /// An own plan with a frozen revision waiting or approved: “Gửi tệp kế hoạch”.
    pub can_send_file: bool,
    /// A received plan decided on its latest revision: “Ghi tệp trả lời”.
    pub can_write_return: bool,
    /// A received plan: the reviewer's decision on its latest revision, if taken.
    pub decision: Option<ReviewAction>,
    /// A received plan: the unit that sent it.
    pub sender: Option<String>,
    /// A received plan: when its latest revision (or draft) was received, RFC 3339.
    pub received_at: Option<String>,
}

impl ReviewState {
    pub fn new(status: PlanStatus, last_revision: i64, comments: u32, open_comments: u32) -> Self {
        let editable = !status.is_locked();
        let working_revision = if editable {
            last_revision + 1
        } else {
            last_revision
        };
        let open = if open_comments > 0 {
            format!(" Còn {open_comments} ý kiến chưa xử lý.")
        } else {
            String::new()
        };
        let notice = match status {
            PlanStatus::Draft if last_revision == 0 => None,
            PlanStatus::Draft => Some(format!("Đang soạn lần {working_revision}.")),
            PlanStatus::Submitted | PlanStatus::Resubmitted => Some(format!(
                "{} (lần {last_revision}), đang chờ xem xét: không sửa được cho đến khi được trả lại.{open}",
                if status == PlanStatus::Submitted {
                    "Kế hoạch đã trình"
                } else {
                    "Kế hoạch đã trình lại"
                }
            )),
            PlanStatus::Returned => Some(format!(
                "Kế hoạch bị trả lại (lần trình {last_revision}). Đang soạn lần {working_revision}: sửa theo ý kiến rồi trình lại.{open}"
            )),
            PlanStatus::Approved => Some(format!(
                "Kế hoạch đã được phê duyệt (lần trình {last_revision}); không sửa được nữa."
            )),
        };
        ReviewState {
            status,
            editable,
            last_revision,
            working_revision,
            comments,
            open_comments,
            notice,
            actions: status.actions(),
            can_comment: status.takes_comments(),
            can_resolve: status.comments_open(),
            received: false,
            can_send_file: status.is_locked() && last_revision > 0,
            can_write_return: false,
            decision: None,
            sender: None,
            received_at: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PlanStatus::*;

    #[test]
    fn the_transition_table() {
        let allowed = [
            (Draft, Submitted),
            (Submitted, Returned),
            (Submitted, Approved),
            (Returned, Resubmitted),
            (Resubmitted, Returned),
            (Resubmitted, Approved),
        ];
        for from in PlanStatus::ALL {
            for to in PlanStatus::ALL {
                assert_eq!(
                    from.can_move_to(to),
                    allowed.contains(&(from, to)),
                    "{from:?} → {to:?}"
                );
            }
        }
        for a in ReviewAction::ALL {
            let from: Vec<_> = PlanStatus::ALL
                .into_iter()
                .filter(|s| a.from(*s).is_ok())
                .collect();
            assert!(!from.is_empty());
            assert!(from.iter().all(|s| s.can_move_to(a.target())));
        }
    }

    #[test]
    fn the_actions_offered_follow_the_table() {
        use ReviewAction::{Approve, Resubmit, Return, Submit};
        assert_eq!(Draft.actions(), [Submit]);
        assert_eq!(Submitted.actions(), [Return, Approve]);
        assert_eq!(Returned.actions(), [Resubmit]);
        assert_eq!(Resubmitted.actions(), [Return, Approve]);
        assert!(Approved.actions().is_empty());
        for s in PlanStatus::ALL {
            let state = ReviewState::new(s, 1, 0, 0);
            assert_eq!(state.actions, s.actions());
            assert_eq!(state.can_comment, matches!(s, Submitted | Resubmitted));
            assert_eq!(state.can_resolve, s != Approved);
        }
    }

    #[test]
    fn locked_statuses_and_their_messages() {
        assert!(!Draft.is_locked() && !Returned.is_locked());
        assert!(Submitted.is_locked() && Resubmitted.is_locked() && Approved.is_locked());
        let e = Submitted.lock_error().expect("locked");
        assert_eq!(e.code, ErrorCode::Locked);
        assert_eq!(
            e.message,
            "Kế hoạch đã trình, đang chờ xem xét: không sửa được cho đến khi được trả lại."
        );
        assert!(
            Approved
                .lock_error()
                .expect("locked")
                .message
                .starts_with("Kế hoạch đã được phê duyệt")
        );
        assert!(Returned.lock_error().is_none());
    }

    #[test]
    fn illegal_moves_are_refused_in_vietnamese() {
        let e = ReviewAction::Approve.from(Draft).expect_err("draft");
        assert_eq!(e.code, ErrorCode::Conflict);
        assert_eq!(
            e.message,
            "Không thể “Phê duyệt”: kế hoạch đang ở trạng thái “Dự thảo”. Chỉ phê duyệt được kế hoạch đã trình hoặc trình lại."
        );
        assert!(ReviewAction::Submit.from(Submitted).is_err());
        assert_eq!(ReviewAction::Resubmit.from(Returned), Ok(Resubmitted));
    }

    #[test]
    fn blocking_message_names_the_count_and_the_checker() {
        let m = blocking_error(2).message;
        assert!(m.contains("còn 2 nội dung bắt buộc phải sửa"));
        assert!(m.contains("“Kiểm tra”"));
    }

    #[test]
    fn comments_are_cleaned_and_anchors_checked() {
        let c = NewComment {
            anchor: CommentAnchor::Line {
                entity: Entity::Activity,
                id: 3,
                field: Some("content".into()),
            },
            text: "  Bổ sung đô\u{300}i tượng ".into(),
            author: " Sở Tư pháp ".into(),
        }
        .validated()
        .expect("valid");
        assert_eq!(c.text, "Bổ sung đồi tượng");
        assert_eq!(c.author, "Sở Tư pháp");
        assert_eq!(c.anchor.step(), Step::Activities);

        let empty = NewComment {
            anchor: CommentAnchor::Section { step: Step::Budget },
            text: "  ".into(),
            author: String::new(),
        };
        assert_eq!(
            empty.validated().expect_err("empty").message,
            "Hãy nhập nội dung ý kiến."
        );
        let global = CommentAnchor::Line {
            entity: Entity::Channel,
            id: 1,
            field: None,
        };
        assert!(global.validated().is_err());
        let unknown = CommentAnchor::Line {
            entity: Entity::Activity,
            id: 1,
            field: Some("bogus".into()),
        };
        assert!(unknown.validated().is_err());
        let spokesperson = CommentAnchor::Line {
            entity: Entity::Plan,
            id: 1,
            field: Some("spokespersonName".into()),
        };
        assert_eq!(spokesperson.step(), Step::Staffing);
    }

    #[test]
    fn anchors_and_refs_have_a_stable_wire_form() {
        let a = CommentAnchor::Section { step: Step::Budget };
        assert_eq!(
            serde_json::to_string(&a).expect("json"),
            r#"{"kind":"section","step":"budget"}"#
        );
        let r: RevisionRef =
            serde_json::from_str(r#"{"kind":"revision","number":2}"#).expect("ref");
        assert_eq!(r, RevisionRef::Revision { number: 2 });
        let w: RevisionRef = serde_json::from_str(r#"{"kind":"working"}"#).expect("ref");
        assert_eq!(w, RevisionRef::Working);
    }

    #[test]
    fn review_state_counts_revisions_as_submissions() {
        let s = ReviewState::new(Returned, 1, 2, 2);
        assert!(s.editable);
        assert_eq!(s.working_revision, 2);
        let n = s.notice.expect("notice");
        assert!(n.contains("Đang soạn lần 2") && n.contains("Còn 2 ý kiến chưa xử lý"));
        let s = ReviewState::new(Submitted, 1, 0, 0);
        assert!(!s.editable);
        assert_eq!(s.working_revision, 1);
        assert_eq!(ReviewState::new(Draft, 0, 0, 0).notice, None);
    }
}
