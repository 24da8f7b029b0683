//! Erasing what the file keeps after a deletion, for the day a unit must
//! erase a person's details: the trash (what the last 200 deletions removed,
//! kept for undo, deleted plans with their revisions among them) is emptied,
//! the file is rewritten (`VACUUM`) and its journal emptied, so that the text
//! is no longer anywhere in the database's bytes. Backups made before are
//! copies of their own and keep what they held; the caller says so.

use commplan_core::{AppError, ErrorCode};
use serde::Serialize;

use crate::error::db_error;
use crate::{Result, Store};

/// What [`Store::purge_trash`] removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Purged {
    /// Deletions whose rows were held for undo.
    pub deletions: i64,
    /// Of them, deletions of a whole plan.
    pub plans: i64,
    /// The size of the database and its journal before and after.
    pub bytes_before: u64,
    pub bytes_after: u64,
}

impl Store {
    /// Empties the trash for good (nothing deleted can be undone afterwards),
    /// rewrites the file without the free space the deleted rows left, and
    /// empties the journal into it.
    pub fn purge_trash(&mut self) -> Result<Purged> {
        self.writable()?;
        let bytes_before = self.bytes_on_disk();
        let (deletions, plans) = self.write(|tx| {
            let counts = tx
                .query_row(
                    "SELECT count(*), count(*) FILTER (WHERE json_extract(rows, '$[0].table') = 'plans') FROM trash",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .map_err(db_error)?;
            tx.execute("DELETE FROM trash", []).map_err(db_error)?;
            Ok(counts)
        })?;
        self.conn.execute_batch("VACUUM").map_err(db_error)?;
        let busy: i64 = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))
            .map_err(db_error)?;
        if busy != 0 {
            return Err(AppError::new(
                ErrorCode::Busy,
                "Đã xóa dữ liệu trong thùng rác nhưng chưa ghi gọn được tệp nhật ký vì một chương trình khác (có thể là ứng dụng) đang mở cơ sở dữ liệu. Hãy đóng chương trình đó rồi chạy lại lệnh.",
            ));
        }
        Ok(Purged {
            deletions,
            plans,
            bytes_before,
            bytes_after: self.bytes_on_disk(),
        })
    }

    /// The size of the database file and its `-wal` journal.
    fn bytes_on_disk(&self) -> u64 {
        ["", "-wal"]
            .iter()
            .map(|suffix| {
                let mut name = self.path.as_os_str().to_owned();
                name.push(suffix);
                std::fs::metadata(&name).map(|m| m.len()).unwrap_or(0)
            })
            .sum()
    }
}
