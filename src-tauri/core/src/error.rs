//! The one error type that reaches the user: a stable code the UI can branch on
//! and a message in Vietnamese that it can show as it is.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What kind of failure happened; stable across versions, so the UI may branch on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum ErrorCode {
    /// The input breaks a rule; the message says which and how to fix it.
    Validation,
    /// The thing asked for does not exist (any more).
    NotFound,
    /// The change collides with existing data (a duplicate, a unit still in use).
    Conflict,
    /// The database is open read-only (for instance it was written by a newer version).
    ReadOnly,
    /// The plan is submitted or approved: its content may not change until it is returned.
    Locked,
    /// The database file was made by a newer version of commplan.
    NewerSchema,
    /// The file is not a commplan database.
    NotCommplanFile,
    /// SQLite reported a failure.
    Database,
    /// Another program holds the database longer than the busy timeout.
    Busy,
    /// A file failed its integrity check.
    Damaged,
    /// Reading or writing a file failed.
    Io,
    /// A defect in commplan itself.
    Internal,
}

/// An error as the user sees it: `{code, message}` with a Vietnamese message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }

    pub fn validation(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Validation, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::NotFound, message)
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Conflict, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
    }
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_code_and_message() {
        let e = AppError::validation("Năm phải từ 2000 đến 2100.");
        let json = serde_json::to_string(&e).expect("serialise");
        assert_eq!(
            json,
            r#"{"code":"validation","message":"Năm phải từ 2000 đến 2100."}"#
        );
    }
}
