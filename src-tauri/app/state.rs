//! The app's state: the one open store, or why it is not open.
//!
//! The database is opened through the store's start-up check
//! ([`commplan_store::open_at_startup`]) the first time anything asks for it,
//! which is after the single-instance plugin has let this process go on: a
//! second window of the app never checks, backs up or writes the file.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use commplan_core::backup::Recovery;
use commplan_core::{AppError, AppStatus, ErrorCode};
use commplan_store::{Startup, Store};

enum Slot {
    /// Not looked at yet.
    Unopened,
    Open(Store),
    /// The file could not be opened; the message says why.
    Failed(AppError),
    /// The file failed its check and was moved aside; waiting for the user.
    Damaged(Recovery),
}

pub struct AppState {
    /// The database, behind the one writer lock.
    slot: Mutex<Slot>,
    path: Result<PathBuf, AppError>,
    /// Said once on every screen: a start-up backup that failed, for instance.
    warning: Mutex<Option<AppError>>,
}

impl AppState {
    /// The state for the database in the data folder (`COMMPLAN_DATA_DIR`
    /// overrides it). Nothing is opened yet.
    pub fn new() -> AppState {
        AppState {
            slot: Mutex::new(Slot::Unopened),
            path: commplan_store::default_db_path(),
            warning: Mutex::new(None),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Slot> {
        let mut guard = self.slot.lock().unwrap_or_else(|e| e.into_inner());
        if matches!(*guard, Slot::Unopened) {
            *guard = self.start();
        }
        guard
    }

    fn start(&self) -> Slot {
        let path = match &self.path {
            Ok(p) => p,
            Err(e) => return Slot::Failed(e.clone()),
        };
        match commplan_store::open_at_startup(path) {
            Ok(Startup::Opened {
                store,
                backup_warning,
            }) => {
                if let Some(w) = backup_warning {
                    log::warn!("start-up backup: {}", w.message);
                    *self.warning.lock().unwrap_or_else(|e| e.into_inner()) = Some(AppError::new(
                        w.code,
                        format!("Chưa tạo được bản sao lưu tự động hôm nay: {}", w.message),
                    ));
                }
                Slot::Open(store)
            }
            Ok(Startup::Damaged(recovery)) => Slot::Damaged(recovery),
            Err(err) => {
                log::error!("database not opened: {}", err.message);
                Slot::Failed(err)
            }
        }
    }

    /// Opens the database now, if nothing has yet.
    pub fn open_now(&self) {
        drop(self.lock());
    }

    pub fn status(&self) -> AppStatus {
        let guard = self.lock();
        let (read_only, notice, recovery) = match &*guard {
            Slot::Open(store) => (
                store.read_only().is_some(),
                store.read_only().cloned(),
                None,
            ),
            Slot::Failed(e) => (true, Some(e.clone()), None),
            Slot::Damaged(r) => (true, None, Some(r.clone())),
            Slot::Unopened => (true, None, None),
        };
        let warning = self
            .warning
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        AppStatus {
            database_path: self
                .path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            read_only,
            notice: notice.or(warning),
            version: env!("CARGO_PKG_VERSION").to_string(),
            recovery,
        }
    }

    /// Runs `f` on the store, holding the lock for the whole call.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let mut guard = self.lock();
        match &mut *guard {
            Slot::Open(store) => f(store),
            Slot::Failed(e) => Err(e.clone()),
            Slot::Damaged(_) => Err(AppError::new(
                ErrorCode::Damaged,
                "Tệp dữ liệu bị hỏng đã được chuyển sang thư mục riêng. Hãy chọn khôi phục từ bản sao lưu hoặc bắt đầu với dữ liệu trống.",
            )),
            Slot::Unopened => Err(AppError::internal("Cơ sở dữ liệu chưa được mở.")),
        }
    }

    /// After a damaged file was moved aside: puts the backup `file_name` in
    /// its place, or (with `None`) starts with an empty database.
    pub fn recover(&self, file_name: Option<&str>) -> Result<AppStatus, AppError> {
        {
            let mut guard = self.lock();
            if !matches!(*guard, Slot::Damaged(_)) {
                return Err(AppError::new(
                    ErrorCode::Conflict,
                    "Dữ liệu đang được dùng bình thường; không có gì cần khôi phục.",
                ));
            }
            let path = self.path.as_ref().map_err(Clone::clone)?;
            let store = match file_name {
                Some(name) => commplan_store::restore_into(path, name)?,
                None => commplan_store::start_fresh(path)?,
            };
            *guard = Slot::Open(store);
        }
        Ok(self.status())
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new()
    }
}
