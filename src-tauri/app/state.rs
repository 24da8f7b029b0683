//! The app's state: the one open store, or why it could not be opened.

use std::sync::Mutex;

use commplan_core::{AppError, AppStatus, ErrorCode};
use commplan_store::Store;

pub struct AppState {
    /// The database, behind the one writer lock; `None` when it failed to open.
    store: Mutex<Option<Store>>,
    /// Why the database could not be opened.
    open_error: Option<AppError>,
    database_path: String,
}

impl AppState {
    /// Opens the database in the data folder (`COMMPLAN_DATA_DIR` overrides it).
    /// A failure is kept and shown by the UI instead of ending the app.
    pub fn open() -> AppState {
        let path = commplan_store::default_db_path();
        let database_path = path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        match path.and_then(|p| Store::open(&p)) {
            Ok(store) => AppState {
                store: Mutex::new(Some(store)),
                open_error: None,
                database_path,
            },
            Err(err) => {
                log::error!("database not opened: {}", err.message);
                AppState {
                    store: Mutex::new(None),
                    open_error: Some(err),
                    database_path,
                }
            }
        }
    }

    pub fn status(&self) -> AppStatus {
        let guard = self.store.lock().unwrap_or_else(|e| e.into_inner());
        let read_only = guard.as_ref().and_then(|s| s.read_only()).cloned();
        AppStatus {
            database_path: self.database_path.clone(),
            read_only: guard.is_none() || read_only.is_some(),
            notice: self.open_error.clone().or(read_only),
            version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }

    /// Runs `f` on the store, holding the lock for the whole call.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let mut guard = self.store.lock().unwrap_or_else(|e| e.into_inner());
        match guard.as_mut() {
            Some(store) => f(store),
            None => Err(self.open_error.clone().unwrap_or_else(|| {
                AppError::new(ErrorCode::Internal, "Cơ sở dữ liệu chưa được mở.")
            })),
        }
    }
}
