//! The installers' configuration (`tauri.conf.json` > `bundle`). No Windows
//! machine builds here, so what the Windows installer must be is checked in
//! the configuration: it carries WebView2 for machines without internet,
//! speaks Vietnamese first and opens plan files with the app; and the Tauri
//! CLI pinned in `ui/package.json` accepts the whole configuration with its
//! schema, the Windows keys included, which a Linux build does not use.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const CONF: &str = include_str!("../tauri.conf.json");

fn conf() -> Value {
    serde_json::from_str(CONF).expect("tauri.conf.json is JSON")
}

/// The icon Windows shows for the program, its installer and its files.
fn windows_icon(bundle: &Value) -> &str {
    bundle["icon"]
        .as_array()
        .expect("bundle.icon")
        .iter()
        .filter_map(Value::as_str)
        .find(|path| path.ends_with(".ico"))
        .expect("an .ico in bundle.icon (tauri-build needs one for Windows)")
}

/// The sizes of the images in an .ico file (0 in the directory is 256).
fn ico_sizes(bytes: &[u8]) -> Vec<u32> {
    assert_eq!(&bytes[..4], [0, 0, 1, 0], "an .ico file");
    let count = usize::from(u16::from_le_bytes([bytes[4], bytes[5]]));
    (0..count)
        .map(|i| match bytes[6 + 16 * i] {
            0 => 256,
            px => u32::from(px),
        })
        .collect()
}

#[test]
fn the_windows_installer_carries_webview2_and_speaks_vietnamese() {
    let conf = conf();
    let bundle = &conf["bundle"];
    let targets = bundle["targets"].as_array().expect("bundle.targets");
    assert!(targets.contains(&"nsis".into()), "{targets:?}");
    assert!(targets.contains(&"deb".into()), "{targets:?}");

    let windows = &bundle["windows"];
    // Offline machines: the installer holds Microsoft's WebView2 installer
    // and runs it when the machine has no WebView2.
    assert_eq!(windows["webviewInstallMode"]["type"], "offlineInstaller");
    let nsis = &windows["nsis"];
    // The installer speaks the system's language when it is listed, else the first.
    assert_eq!(nsis["languages"][0], "Vietnamese");
    // No administrator rights needed: installed for the user who runs it.
    assert_eq!(nsis["installMode"], "currentUser");

    let ico = windows_icon(bundle);
    assert_eq!(nsis["installerIcon"], ico);
    let sizes = ico_sizes(&std::fs::read(ico).expect("the .ico file"));
    for px in [16, 32, 48, 256] {
        assert!(sizes.contains(&px), "{ico} has no {px}px image: {sizes:?}");
    }

    // Explorer opens .khtt files with the app and names their type in Vietnamese.
    let khtt = &bundle["fileAssociations"][0];
    assert_eq!(khtt["ext"], serde_json::json!(["khtt"]));
    assert!(
        khtt["description"]
            .as_str()
            .is_some_and(|d| d.starts_with("Tệp kế hoạch")),
        "{khtt}"
    );
}

/// `tauri inspect wix-upgrade-code` run in `dir`: the pinned CLI reads the
/// `tauri.conf.json` there, validates it with its schema and exits non-zero
/// on an error, without building anything.
fn cli_reading_config_in(dir: &Path) -> Output {
    let cli = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/node_modules/.bin/tauri");
    assert!(cli.exists(), "no Tauri CLI: run npm ci in ui");
    Command::new(cli)
        .args(["inspect", "wix-upgrade-code"])
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run the Tauri CLI (Node.js)")
}

fn said(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn the_pinned_tauri_cli_accepts_the_configuration_windows_keys_included() {
    let ours = cli_reading_config_in(Path::new(env!("CARGO_MANIFEST_DIR")));
    let text = said(&ours);
    assert!(ours.status.success(), "{text}");
    assert!(!text.contains("error"), "{text}");

    // The same check refuses a misspelt Windows key: it reads that section.
    let mut conf = conf();
    conf["bundle"]["windows"]["webviewInstallMode"]["type"] = "offlineInstallr".into();
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("tauri.conf.json"), conf.to_string()).expect("write");
    let broken = cli_reading_config_in(dir.path());
    let text = said(&broken);
    assert!(!broken.status.success(), "{text}");
    assert!(
        text.contains("bundle > windows > webviewInstallMode"),
        "{text}"
    );
}
