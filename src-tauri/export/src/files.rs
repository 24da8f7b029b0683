//! Writing exported files (PDF, XLSX) so that a reader never finds half of
//! one: the bytes go to a temporary file beside the target, are flushed to
//! disk, and the temporary file is renamed over the target in one step.
//!
//! An exported file is for people to pass around, so it gets the permissions
//! any other saved file gets (0666 less the umask: 0644 under the usual umask
//! 022), not the owner-only mode of a temporary file; a file it replaces keeps
//! its mode.

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
    let mut builder = tempfile::Builder::new();
    builder.prefix(".commplan-").suffix(".part");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| io_error("create temporary file in", dir, &e))?;
    if let Ok(existing) = std::fs::metadata(path) {
        tmp.as_file()
            .set_permissions(existing.permissions())
            .map_err(|e| io_error("keep the mode of", path, &e))?;
    }
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

    /// The mode of `path`'s permission bits.
    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o777
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_readable_by_others_and_a_replaced_one_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ke-hoach.pdf");
        write_atomically(&path, b"%PDF-1.7").expect("write");
        // What any program saving a file gets under the umask of this process.
        let plain = dir.path().join("plain.txt");
        std::fs::write(&plain, b"x").expect("plain write");
        assert_eq!(mode(&path), mode(&plain));
        assert_ne!(mode(&path) & 0o044, 0, "readable by group or others");

        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        write_atomically(&path, b"%PDF-1.7 new").expect("replace");
        assert_eq!(mode(&path), 0o640);
        assert_eq!(std::fs::read(&path).expect("read"), b"%PDF-1.7 new");
    }

    #[test]
    fn a_missing_folder_gets_a_vietnamese_message() {
        let dir = tempfile::tempdir().expect("temp dir");
        let err =
            write_atomically(&dir.path().join("no/such/folder/a.pdf"), b"x").expect_err("missing");
        assert!(err.message.starts_with("Không ghi được"), "{}", err.message);
    }
}
