//! The committed TypeScript bindings must equal what the Rust types generate.
//! Regenerate with `UPDATE_BINDINGS=1 cargo test -p commplan-core --test bindings`.

use std::path::PathBuf;

#[test]
fn committed_typescript_bindings_are_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings.ts");
    let generated = commplan_core::bindings::typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).expect("write bindings");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/lib/bindings.ts is stale; run scripts/gen-bindings and commit the result"
    );
}
