include!("command_names.rs");

fn main() {
    // A capability granted or withdrawn rebuilds the app (tauri-build does not
    // watch a capabilities folder given by a pattern).
    println!("cargo:rerun-if-changed=src-tauri/app/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/app/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
