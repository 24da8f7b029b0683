//! The domain of commplan: what a plan is, what makes an input valid, and the
//! errors the user sees. Nothing here does IO or knows about Tauri; every type
//! that crosses the IPC boundary is defined here and exported to TypeScript by
//! [`bindings::typescript`].

pub mod backup;
pub mod bindings;
pub mod check;
pub mod codes;
pub mod consolidate;
pub mod dates;
pub mod diff;
pub mod edit;
pub mod error;
pub mod file;
pub mod header_lines;
pub mod legal;
pub mod model;
pub mod plan;
pub mod planfile;
pub mod progress;
pub mod results;
pub mod review;
pub mod schedule;
pub mod signature;
pub mod stress;
pub mod text;

pub use codes::Code;
pub use edit::{Deleted, Entity, FieldEdit, FieldValue, NewItem};
pub use error::{AppError, ErrorCode};
pub use model::*;
pub use plan::*;
pub use progress::StepProgress;
pub mod budget;
pub mod money;
pub mod words;
pub mod xlsx;
