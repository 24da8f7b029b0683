//! SQLite errors turned into what the user can read. The raw text goes to the
//! log (the `log` facade), never to the screen.

use commplan_core::{AppError, ErrorCode};
use rusqlite::ErrorCode as SqliteCode;

/// The refusal of a schema trigger that guards the review (`004_review.sql`):
/// a change of a locked plan, or of a frozen revision; or one that guards the
/// results (`008_results.sql`): a result outside an own, approved plan, a
/// change of their history.
pub(crate) fn lock_error(err: &rusqlite::Error) -> Option<AppError> {
    let rusqlite::Error::SqliteFailure(e, Some(message)) = err else {
        return None;
    };
    if e.code != SqliteCode::ConstraintViolation {
        return None;
    }
    match message.as_str() {
        "plan_locked" => Some(commplan_core::review::locked_error(false)),
        "plan_approved" => Some(commplan_core::review::locked_error(true)),
        "plan_received" => Some(commplan_core::planfile::received_locked_error()),
        "plan_identity_frozen" => Some(AppError::new(
            ErrorCode::Locked,
            "Mã và nguồn gốc của một kế hoạch không bao giờ thay đổi.",
        )),
        "results_closed" => Some(commplan_core::results::recording_closed_error()),
        "history_frozen" => Some(AppError::new(
            ErrorCode::Locked,
            "Lịch sử ghi kết quả thực hiện được lưu nguyên trạng, không sửa được.",
        )),
        "revision_frozen" => Some(AppError::new(
            ErrorCode::Locked,
            "Bản đã trình được lưu nguyên trạng, không sửa được.",
        )),
        _ => None,
    }
}

/// Maps a SQLite failure to a Vietnamese message; logs the raw error.
pub fn db_error(err: rusqlite::Error) -> AppError {
    if let Some(locked) = lock_error(&err) {
        log::info!("refused by the review lock: {err}");
        return locked;
    }
    log::warn!("database error: {err}");
    match err.sqlite_error_code() {
        Some(SqliteCode::DatabaseBusy | SqliteCode::DatabaseLocked) => AppError::new(
            ErrorCode::Busy,
            "Cơ sở dữ liệu đang bị một chương trình khác giữ (có thể là một cửa sổ khác của ứng dụng, phần mềm sao lưu hoặc diệt virus). Thay đổi vừa rồi chưa được lưu; hãy đóng chương trình đó rồi thử lại.",
        ),
        Some(SqliteCode::DatabaseCorrupt) => AppError::new(
            ErrorCode::Damaged,
            "Tệp dữ liệu bị hỏng; thao tác chưa được thực hiện. Hãy khởi động lại ứng dụng để kiểm tra và khôi phục từ bản sao lưu.",
        ),
        Some(SqliteCode::NotADatabase) => AppError::new(
            ErrorCode::NotCommplanFile,
            "Tệp này không phải là cơ sở dữ liệu của ứng dụng hoặc đã bị hỏng.",
        ),
        Some(SqliteCode::DiskFull) => AppError::new(
            ErrorCode::Io,
            "Ổ đĩa đã đầy, không ghi được dữ liệu. Hãy giải phóng dung lượng rồi thử lại.",
        ),
        Some(SqliteCode::ReadOnly) => AppError::new(
            ErrorCode::ReadOnly,
            "Cơ sở dữ liệu đang ở chế độ chỉ đọc; không ghi được thay đổi.",
        ),
        Some(SqliteCode::CannotOpen | SqliteCode::PermissionDenied) => AppError::new(
            ErrorCode::Io,
            "Không mở được tệp cơ sở dữ liệu. Hãy kiểm tra quyền truy cập thư mục dữ liệu.",
        ),
        _ => AppError::new(
            ErrorCode::Database,
            "Lỗi cơ sở dữ liệu; thao tác chưa được thực hiện và dữ liệu chưa bị thay đổi.",
        ),
    }
}
