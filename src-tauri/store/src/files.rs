//! Writing exported files (PDF, XLSX) so that a reader never finds half of
//! one: the bytes go to a temporary file beside the target, are flushed to
//! disk, and the temporary file is renamed over the target in one step.

use std::io::Write;
use std::path::Path;

use commplan_core::{AppError, ErrorCode};

fn io_error(what: &str, path: &Path, err: &std::io::Error) -> AppError {
    log::warn!("{what} {}: {err}", path.display());
    let message = match err.kind() {
        std::io::ErrorKind::PermissionDenied => format!(
            "Không ghi được “{}”: không có quyền ghi vào thư mục này. Hãy chọn thư mục khác.",
            path.display()
        ),
        std::io::ErrorKind::NotFound => format!(
            "Không ghi được “{}”: thư mục không tồn tại.",
            path.display()
        ),
        _ => format!(
            "Không ghi được “{}”. Tệp cũ (nếu có) được giữ nguyên.",
            path.display()
        ),
    };
    AppError::new(ErrorCode::Io, message)
}

/// Writes `bytes` to `path` atomically: afterwards `path` holds either its old
/// content (or nothing) or all of `bytes`, never part of them.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), AppError> {
    write_atomically_with(path, bytes, |_| Ok(()))
}

/// As [`write_atomically`], with `before_rename` run between the write and the
/// rename (tests inject faults there).
pub fn write_atomically_with(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> Result<(), AppError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".commplan-")
        .suffix(".part")
        .tempfile_in(dir)
        .map_err(|e| io_error("create temporary file in", dir, &e))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| io_error("write", path, &e))?;
    before_rename(tmp.path()).map_err(|e| io_error("prepare", path, &e))?;
    tmp.persist(path)
        .map_err(|e| io_error("rename onto", path, &e.error))?;
    // Make the rename itself durable.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fault_before_the_rename_leaves_the_old_file_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("du-toan.xlsx");
        write_atomically(&path, b"old content").expect("first write");
        let err = write_atomically_with(&path, b"new content that is longer", |_| {
            Err(std::io::Error::other("power cut"))
        })
        .expect_err("fault");
        assert_eq!(err.code, ErrorCode::Io);
        assert_eq!(std::fs::read(&path).expect("read"), b"old content");
        // No temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, [std::ffi::OsString::from("du-toan.xlsx")]);
    }

    #[test]
    fn a_fault_on_a_new_file_leaves_none() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ke-hoach.pdf");
        write_atomically_with(&path, b"%PDF-1.7", |_| {
            Err(std::io::Error::other("disk full"))
        })
        .expect_err("fault");
        assert!(!path.exists());
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 0);
    }

    #[test]
    fn a_missing_folder_gets_a_vietnamese_message() {
        let dir = tempfile::tempdir().expect("temp dir");
        let err =
            write_atomically(&dir.path().join("no/such/folder/a.pdf"), b"x").expect_err("missing");
        assert!(err.message.starts_with("Không ghi được"), "{}", err.message);
    }
}
