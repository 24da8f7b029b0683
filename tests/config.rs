//! The app's security configuration, read from the files the build uses: a
//! regression here fails the test suite.

use std::collections::BTreeSet;

use serde_json::Value;

const CONF: &str = include_str!("../tauri.conf.json");
const CAPABILITY: &str = include_str!("../src-tauri/app/capabilities/main-window.json");

fn conf() -> Value {
    serde_json::from_str(CONF).expect("tauri.conf.json is JSON")
}

fn capability() -> Value {
    serde_json::from_str(CAPABILITY).expect("the capability file is JSON")
}

/// The CSP directives, as a map from directive to its sources.
fn csp() -> Vec<(String, Vec<String>)> {
    let conf = conf();
    let csp = &conf["app"]["security"]["csp"];
    match csp {
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| {
                let sources = v.as_str().expect("a CSP directive is a string");
                (
                    k.clone(),
                    sources.split_whitespace().map(str::to_owned).collect(),
                )
            })
            .collect(),
        Value::String(s) => s
            .split(';')
            .filter(|d| !d.trim().is_empty())
            .map(|d| {
                let mut parts = d.split_whitespace().map(str::to_owned);
                let name = parts.next().unwrap_or_default();
                (name, parts.collect())
            })
            .collect(),
        _ => panic!("app.security.csp must be set"),
    }
}

fn directive(name: &str) -> Vec<String> {
    csp()
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("CSP has no {name}"))
}

#[test]
fn csp_is_strict() {
    assert_eq!(directive("default-src"), ["'self'"]);
    let connect: BTreeSet<String> = directive("connect-src").into_iter().collect();
    let expected: BTreeSet<String> = ["ipc:", "http://ipc.localhost"].map(String::from).into();
    assert_eq!(connect, expected);
    for (name, sources) in csp() {
        assert!(
            !sources
                .iter()
                .any(|s| s == "'unsafe-eval'" || s == "'wasm-unsafe-eval'"),
            "{name} allows eval"
        );
        if name == "script-src" || name == "default-src" {
            assert!(
                !sources.iter().any(|s| s == "'unsafe-inline'" || s == "*"),
                "{name} allows inline scripts"
            );
        }
    }
    let scripts = directive("script-src");
    assert_eq!(scripts, ["'self'"]);
}

#[test]
fn prototype_is_frozen_and_the_csp_is_not_disabled() {
    let conf = conf();
    let security = &conf["app"]["security"];
    assert_eq!(security["freezePrototype"], Value::Bool(true));
    assert!(
        security
            .get("dangerousDisableAssetCspModification")
            .is_none()
    );
    assert!(
        conf["app"]
            .get("withGlobalTauri")
            .is_none_or(|v| v == &Value::Bool(false))
    );
}

#[test]
fn the_window_is_titled_in_vietnamese() {
    let conf = conf();
    let windows = conf["app"]["windows"].as_array().expect("windows");
    assert_eq!(windows.len(), 1);
    assert_eq!(windows[0]["label"], "main");
    assert_eq!(windows[0]["title"], "Kế hoạch truyền thông chính sách");
}

#[test]
fn one_capability_for_the_main_window_grants_exactly_our_commands() {
    let conf = conf();
    assert_eq!(
        conf["app"]["security"]["capabilities"],
        serde_json::json!(["main-window"]),
        "only the main-window capability is enabled"
    );
    let cap = capability();
    assert_eq!(cap["identifier"], "main-window");
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
    assert!(cap.get("webviews").is_none() && cap.get("remote").is_none());

    let granted: BTreeSet<String> = cap["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| match p {
            Value::String(s) => s.clone(),
            other => other["identifier"].as_str().expect("identifier").to_owned(),
        })
        .collect();
    let mut wanted: BTreeSet<String> = commplan_app::COMMANDS
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    // The window listens for one event: the request to close, so it can save first.
    wanted.insert("core:event:allow-listen".into());
    wanted.insert("core:event:allow-unlisten".into());
    assert_eq!(
        granted, wanted,
        "the capability must grant every app command and nothing else"
    );
    for forbidden in ["fs:", "shell:", "http:", "opener:"] {
        assert!(
            !granted.iter().any(|p| p.starts_with(forbidden)),
            "{forbidden} granted"
        );
    }
}

#[test]
fn every_declared_command_is_a_handler() {
    let lib = include_str!("../src-tauri/app/lib.rs");
    let handlers: BTreeSet<&str> = lib
        .split("generate_handler![")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("generate_handler! in lib.rs")
        .split(',')
        .map(|s| s.trim().rsplit("::").next().unwrap_or_default())
        .filter(|s| !s.is_empty())
        .collect();
    let declared: BTreeSet<&str> = commplan_app::COMMANDS.iter().copied().collect();
    assert_eq!(handlers, declared);
}

#[test]
fn no_plugin_is_configured_that_reaches_files_shell_or_network() {
    let manifest = include_str!("../Cargo.toml");
    for plugin in [
        "tauri-plugin-fs",
        "tauri-plugin-shell",
        "tauri-plugin-http",
        "tauri-plugin-opener",
    ] {
        assert!(
            !manifest.contains(plugin),
            "{plugin} must not be a dependency"
        );
    }
}

/// The test hooks (`COMMPLAN_SAVE_DIR` answering the save dialog,
/// `COMMPLAN_OPEN_FILE` the open dialogs: a list import, a plan file, Tổng
/// hợp's files) are compiled
/// in only when a test build asks for the `test-hooks` feature: no default
/// feature turns them on, nor does the run script or the Tauri build.
#[test]
fn the_test_hooks_are_never_in_a_release_build() {
    let manifest = include_str!("../Cargo.toml");
    let features = manifest
        .split("\n[features]\n")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .expect("a [features] table");
    assert!(features.contains("test-hooks = []"), "{features}");
    for line in features
        .lines()
        .filter(|l| l.trim_start().starts_with("default"))
    {
        assert!(!line.contains("test-hooks"), "{line}");
    }
    for (what, text) in [
        ("scripts/run", include_str!("../scripts/run")),
        ("tauri.conf.json", CONF),
    ] {
        assert!(
            !text.contains("test-hooks"),
            "{what} must not enable the test hooks"
        );
    }
    let dialogs = include_str!("../src-tauri/app/dialogs.rs");
    for (hook, what) in [
        ("saved_without_asking", "the save dialog"),
        ("opened_without_asking", "the open dialog"),
    ] {
        assert_eq!(
            dialogs
                .matches(&format!("#[cfg(feature = \"test-hooks\")]\nfn {hook}"))
                .count(),
            1,
            "{what} is skipped only in a build with test-hooks"
        );
    }
}

/// The Debian package associates plan files (`.khtt`) with the app: the
/// desktop file names their type and passes the files to the app (`%F`),
/// and the package teaches the system that type (a shared-mime-info file
/// installed in /usr/share/mime/packages).
#[test]
fn the_package_opens_plan_files_with_the_app() {
    let conf = conf();
    let associations = conf["bundle"]["fileAssociations"]
        .as_array()
        .expect("bundle.fileAssociations");
    assert_eq!(associations.len(), 1);
    let khtt = &associations[0];
    assert_eq!(khtt["ext"], serde_json::json!(["khtt"]));
    let mime = khtt["mimeType"].as_str().expect("a MIME type");
    assert!(
        khtt["description"]
            .as_str()
            .is_some_and(|d| d.contains("kế hoạch"))
    );

    // A category the bundler knows ("Office" is not one, and stops the
    // package from being made); it writes "Office;" in the desktop file.
    assert_eq!(conf["bundle"]["category"], "Productivity");

    let deb = &conf["bundle"]["linux"]["deb"];
    let template = deb["desktopTemplate"].as_str().expect("a desktop template");
    let desktop = std::fs::read_to_string(template).expect("the desktop template");
    assert!(desktop.contains("\nExec={{exec}} %F\n"), "{desktop}");
    assert!(desktop.contains("MimeType={{mime_type}}"), "{desktop}");

    let files = deb["files"].as_object().expect("bundle.linux.deb.files");
    let (target, source) = files.iter().next().expect("the MIME type's file");
    assert!(target.starts_with("/usr/share/mime/packages/"), "{target}");
    let xml = std::fs::read_to_string(source.as_str().expect("a path")).expect("the MIME file");
    assert!(
        xml.contains(&format!("<mime-type type=\"{mime}\">")),
        "{xml}"
    );
    assert!(xml.contains("<glob pattern=\"*.khtt\"/>"), "{xml}");
}
