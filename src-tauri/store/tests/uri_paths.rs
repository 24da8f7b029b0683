//! A database path is a path, never a `file:` URI: `file:…?mode=memory`
//! given to the store names a real file of that literal name in the current
//! folder, whose plans are still there when it is opened again. (One test in
//! its own binary: it changes the process's current folder.)

use std::path::Path;

use commplan_store::{Store, verify_file};

#[test]
fn a_file_uri_is_opened_as_a_file_of_that_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::env::set_current_dir(dir.path()).expect("into the temp folder");
    for name in [
        "file:plans.sqlite3?mode=memory",
        "file:other.sqlite3?mode=ro&cache=shared",
        "file::memory:",
    ] {
        let path = Path::new(name);
        let plan = {
            let mut store = Store::open(path).expect(name);
            store.create_sample().expect("sample").id
        };
        let literal = dir.path().join(name);
        assert!(literal.is_file(), "{name}: no file of that name");
        assert!(literal.metadata().expect("size").len() > 0, "{name}");
        let store = Store::open(path).expect(name);
        assert_eq!(store.list_plans().expect("plans")[0].id, plan, "{name}");
        // The sample plan and its year before.
        let v = verify_file(path).expect(name);
        assert!(
            v.is_sound() && usize::try_from(v.plans) == Ok(2),
            "{name}: {v:?}"
        );
        // Its backups are beside it, under the literal name's folder.
        let info = store
            .backup(commplan_core::backup::BackupKind::Manual)
            .expect("backup");
        assert!(store.backup_dir().join(&info.file_name).is_file(), "{name}");
    }
}
