//! SQLite storage of commplan. One database file per user; every edit goes
//! through [`Store::write`], one immediate transaction each, so the file is the
//! single source of truth.

mod backup;
mod budget;
mod connection;
mod edit;
mod error;
mod files;
mod import;
mod legal;
mod open;
mod opening;
mod perms;
mod plans;
mod purge;
mod read;
mod received;
mod received_results;
mod recovery;
mod references;
mod restore;
mod results;
mod review;
mod rows;
mod sample;
mod schema;
mod schema_check;
mod trash;
mod units;
mod verify;

pub use backup::{BACKUP_DIR_NAME, backup_dir_for, list_backups_in, newest_good_backup};
pub use error::db_error;
pub use files::{FileOut, read_plan_file};
pub use legal::{read_list_file, shipped_law};
pub use open::{APPLICATION_ID, DATA_DIR_ENV, DB_FILE_NAME, data_dir, default_db_path};
pub use purge::Purged;
pub use recovery::{Startup, open_at_startup, start_fresh};
pub use restore::{named_backup, restore_into, restore_into_file};
pub use schema::{LATEST_VERSION, seeded_units};
pub use schema_check::{DifferenceKind, SchemaDifference};
pub use trash::TRASH_KEPT;
pub use verify::{Verification, verify_file};

use std::path::{Path, PathBuf};

use commplan_core::AppError;
use rusqlite::{Connection, Transaction, TransactionBehavior};

pub type Result<T, E = AppError> = std::result::Result<T, E>;

/// An open commplan database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Why nothing may be written, when the file is open read-only.
    read_only: Option<AppError>,
}

impl Store {
    /// Opens (creating if needed) the database in the user's data folder.
    pub fn open_default() -> Result<Store> {
        Store::open(&default_db_path()?)
    }

    /// Opens (creating if needed) the database at `path`. See [`open`] for the rules.
    pub fn open(path: &Path) -> Result<Store> {
        open::open(path)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The reason the file is read-only, or `None` when it may be written.
    pub fn read_only(&self) -> Option<&AppError> {
        self.read_only.as_ref()
    }

    /// Schema version recorded in the file.
    pub fn schema_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(db_error)
    }

    /// The connection, for reads.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one immediate transaction: all of it is saved, or none of it.
    /// This is the only path by which anything is written.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        self.writable()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db_error)?;
        let value = f(&tx)?;
        tx.commit().map_err(db_error)?;
        Ok(value)
    }
}

/// Marks a plan as changed now.
pub(crate) fn touch_plan(tx: &Transaction<'_>, plan_id: i64) -> Result<()> {
    tx.execute(
        "UPDATE plans SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
        [plan_id],
    )
    .map_err(db_error)?;
    Ok(())
}
