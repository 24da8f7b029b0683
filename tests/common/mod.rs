//! Shared by the end-to-end tests: a tauri-driver per test, the real app
//! binary, and small helpers over fantoccini that act as a person does
//! (click, type, choose). What the page shows is read and waited for through
//! `wait`. The tests need an X display (`scripts/test` runs them under
//! `xvfb-run`).

#![allow(dead_code)]

pub mod picture;
pub mod procs;
pub mod province;
mod wait;
pub mod xdnd;

pub use wait::*;

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::json;

pub const APP: &str = env!("CARGO_BIN_EXE_commplan-app");
pub const WAIT: Duration = Duration::from_secs(20);
pub const WINDOW_TITLE: &str = "Kế hoạch truyền thông chính sách";

/// One tauri-driver process, with the data folder the app it starts will use.
pub struct Driver {
    child: Child,
    port: u16,
    /// Where the WebKitWebDriver that tauri-driver started listens.
    native_port: u16,
}

/// A port for a WebDriver to listen on that nothing else takes meanwhile. It
/// is free now, never given twice by this process, and below the kernel's
/// ephemeral range: there, any program's `bind(0)` (WebKitWebDriver picks the
/// browser's port so) and every outgoing connection take their ports, and one
/// took a port chosen for a WebDriver before it could listen.
fn free_port() -> u16 {
    use std::hash::{BuildHasher, Hasher};
    static GIVEN: std::sync::Mutex<Vec<u16>> = std::sync::Mutex::new(Vec::new());
    let ephemeral = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|r| r.split_whitespace().next()?.parse::<u16>().ok())
        .unwrap_or(32768);
    let (low, high) = (10_000.min(ephemeral / 2), ephemeral);
    let mut given = GIVEN.lock().unwrap_or_else(|e| e.into_inner());
    for _ in 0..1000 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_usize(given.len());
        let port = low + (h.finish() % u64::from(high - low)) as u16;
        if !given.contains(&port) && TcpListener::bind(("127.0.0.1", port)).is_ok() {
            given.push(port);
            return port;
        }
    }
    panic!("no free local port below {high}");
}

fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(path);
    }
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    match home.map(|h| h.join("bin/tauri-driver")) {
        Some(p) if p.exists() => p,
        _ => PathBuf::from("tauri-driver"),
    }
}

impl Driver {
    pub fn start(data_dir: &Path) -> Driver {
        Driver::start_with(data_dir, &[])
    }

    /// As [`Driver::start`], with the save dialog answered: the app (built
    /// with `test-hooks`) saves each export under the name it offers in the
    /// folder this gives back (`COMMPLAN_SAVE_DIR`, `xuat/` in `data_dir`).
    pub fn start_exporting(data_dir: &Path) -> (Driver, PathBuf) {
        let folder = data_dir.join("xuat");
        std::fs::create_dir_all(&folder).expect("the export folder");
        let driver = Driver::start_with(data_dir, &[("COMMPLAN_SAVE_DIR", &folder)]);
        (driver, folder)
    }

    /// As [`Driver::start`], with more environment for the app.
    pub fn start_with(data_dir: &Path, env: &[(&str, &Path)]) -> Driver {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "the end-to-end tests need an X display: run them through scripts/test (xvfb-run)"
        );
        let port = free_port();
        let native_port = free_port();
        // WebKit writes its caches there and complains when they are missing.
        for dir in ["data", "cache", "config"] {
            std::fs::create_dir_all(data_dir.join("xdg").join(dir)).expect("XDG folders");
        }
        let child = Command::new(tauri_driver())
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("COMMPLAN_DATA_DIR", data_dir)
            // The web view keeps its own storage (the chosen language …) under
            // the XDG folders: each test gets fresh ones, so none sees another's.
            .env("XDG_DATA_HOME", data_dir.join("xdg/data"))
            .env("XDG_CACHE_HOME", data_dir.join("xdg/cache"))
            .env("XDG_CONFIG_HOME", data_dir.join("xdg/config"))
            // Mesa's shader cache is of no use to a test and only prints warnings.
            .env("MESA_SHADER_CACHE_DISABLE", "true")
            .envs(env.iter().map(|(k, v)| (*k, *v)))
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            // A process group of its own: WebKitWebDriver, the app and its
            // web processes join it, and Drop ends them all.
            .process_group(0)
            .spawn()
            .expect("start tauri-driver (cargo install tauri-driver --locked)");
        let driver = Driver {
            child,
            port,
            native_port,
        };
        // Ready once tauri-driver and the WebKitWebDriver it starts both listen.
        let deadline = Instant::now() + WAIT;
        for p in [port, native_port] {
            while TcpStream::connect(("127.0.0.1", p)).is_err() {
                assert!(
                    Instant::now() < deadline,
                    "the WebDriver did not listen on {p}"
                );
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        driver
    }

    /// Starts the app and connects to it.
    pub async fn launch(&self) -> Client {
        self.launch_with_args(&[]).await
    }

    /// Starts the app with `args` on its command line (files to open, as the
    /// file manager gives them) and connects to it.
    pub async fn launch_with_args(&self, args: &[&str]) -> Client {
        self.launch_program(Path::new(APP), args).await
    }

    /// Starts the program at `app` (the built binary, or one a package
    /// installed) with `args` and connects to it.
    pub async fn launch_program(&self, app: &Path, args: &[&str]) -> Client {
        let options = json!({ "application": app, "args": args });
        self.connect(self.port, "tauri:options", options).await
    }

    /// As [`Driver::launch_program`], talking to the WebKitWebDriver that
    /// tauri-driver started instead of through tauri-driver, which on Linux
    /// only renames the options of a new session and passes every call on.
    /// For timings: of 120 element lookups in the open app through
    /// tauri-driver, 25 took 42–48 ms and the others 1–4 ms; all 120 took
    /// 1–4 ms directly (as when a proxy's answer is sent in two parts and
    /// the second waits for the receiver's delayed acknowledgement).
    pub async fn launch_program_natively(&self, app: &Path, args: &[&str]) -> Client {
        let options = json!({ "binary": app, "args": args });
        self.connect(self.native_port, "webkitgtk:browserOptions", options)
            .await
    }

    async fn connect(&self, port: u16, key: &str, options: serde_json::Value) -> Client {
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("wry"));
        caps.insert(key.into(), options);
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let url = format!("http://127.0.0.1:{port}");
        let mut builder = ClientBuilder::new(connector);
        builder.capabilities(caps);
        tokio::time::timeout(WAIT, builder.connect(&url))
            .await
            .expect("the app did not start in time")
            .expect("WebDriver session")
    }
}

impl Drop for Driver {
    /// Ends tauri-driver, WebKitWebDriver, the app and its web processes, and
    /// waits until they are gone: an app left behind (tauri-driver does not
    /// stop it) would still hold the display and its data folder while the
    /// next test starts.
    fn drop(&mut self) {
        let group = self.child.id();
        let signal = |sig: &str| {
            let _ = Command::new("kill")
                .args([sig, "--", &format!("-{group}")])
                .stderr(Stdio::null())
                .status();
        };
        signal("-TERM");
        let _ = self.child.wait();
        let deadline = Instant::now() + Duration::from_secs(10);
        while group_running(group) {
            if Instant::now() > deadline {
                signal("-KILL");
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Whether a process of the process group `group` still runs (a zombie that
/// only waits to be reaped does not count).
fn group_running(group: u32) -> bool {
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return false;
    };
    procs.flatten().any(|p| {
        let Ok(stat) = std::fs::read_to_string(p.path().join("stat")) else {
            return false;
        };
        // After the command's name in parentheses: state, parent, group, …
        let mut fields = stat
            .rsplit_once(')')
            .map_or("", |(_, rest)| rest)
            .split_whitespace();
        let state = fields.next();
        let pgrp = fields.nth(1);
        state != Some("Z") && pgrp == Some(group.to_string().as_str())
    })
}

/// A fresh data folder, a tauri-driver on it and the app started on it.
/// Keep the folder and the driver as long as the app is used; the driver can
/// start the app again on the same folder.
pub async fn start_app() -> (tempfile::TempDir, Driver, Client) {
    let data = tempfile::tempdir().expect("temp dir");
    let driver = Driver::start(data.path());
    let client = driver.launch().await;
    (data, driver, client)
}

/// A fresh data folder whose database holds `doc`, imported as a plan file is.
pub fn data_with_plan(doc: commplan_core::PlanDocument) -> tempfile::TempDir {
    let data = tempfile::tempdir().expect("temp dir");
    let mut store = commplan_store::Store::open(&data.path().join(commplan_store::DB_FILE_NAME))
        .expect("open store");
    store
        .import_plan(&commplan_core::file::PlanFile::new(doc))
        .expect("import the plan");
    data
}

/// A fresh data folder whose app has the sample plan open, its place set
/// and saved, and its exports answered into the folder given last.
pub async fn sample_to_export() -> (tempfile::TempDir, Driver, Client, PathBuf) {
    let data = tempfile::tempdir().expect("temp dir");
    let (driver, folder) = Driver::start_exporting(data.path());
    let client = driver.launch().await;
    click(&client, &tid("open-sample")).await;
    fill(&client, "plan.place", "Pleiku, Gia Lai").await;
    wait_saved(&client).await;
    (data, driver, client, folder)
}

/// Opens the sample plan from the plan list and waits for its editor's steps.
pub async fn open_sample(client: &Client) {
    click(client, &tid("open-sample")).await;
    wait_for(client, "[data-testid=step-list]").await;
}

pub async fn create_plan(client: &Client, unit: &str, year: i32) {
    click(client, "[data-testid=new-plan]").await;
    // The units are read when the form opens; then the unit list takes the focus.
    choose(client, "[data-testid=new-plan-unit]", unit).await;
    let year_input = wait_for(client, "[data-testid=new-plan-year]").await;
    year_input.clear().await.expect("clear year");
    year_input
        .send_keys(&year.to_string())
        .await
        .expect("type year");
    click(client, "[data-testid=new-plan-submit]").await;
}

/// CSS for an element by its `data-testid`.
/// The one file in `folder` whose name ends in `.ext`: what the app exported.
pub fn exported(folder: &Path, ext: &str) -> PathBuf {
    let found: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("the export folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one .{ext} file in {}: {found:?}",
        folder.display()
    );
    found.into_iter().next().expect("one file")
}

pub fn tid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

/// Brings the element to the middle of the window, as a person scrolls to
/// it, and tells whether it is still there two frames later and nothing lies
/// over its middle. WebKit may scroll after a change of focus a frame late
/// (to reveal the field a Tab moved to), and a click aimed at where an element
/// was would land on another.
const SETTLE: &str = "const [el, done] = arguments;
    el.scrollIntoView({block: 'center'});
    const before = el.getBoundingClientRect();
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      const still = r.top === before.top && r.left === before.left;
      done(still && hit !== null && (hit === el || el.contains(hit)) ? 'settled' : 'moving');
    }));";

/// Clicks the element matching `css` once it is there, has stopped moving and
/// nothing lies over it (tried again while it is being re-drawn or moved).
pub async fn click(client: &Client, css: &str) {
    wait_until(client, &format!("{css} to take a click"), |c| async move {
        let el = wait::find(c, css).await?;
        let arg = serde_json::to_value(&el).map_err(|e| e.to_string())?;
        let state = c
            .execute_async(SETTLE, vec![arg])
            .await
            .map_err(|e| format!("scroll: {e}"))?;
        if state != serde_json::json!("settled") {
            return Err(format!("{css} was still moving or covered"));
        }
        el.click().await.map_err(|e| format!("click: {e}"))
    })
    .await;
}

/// Types `value` into the field with `data-testid` `id`, replacing what was
/// there, then leaves the field (which saves it).
pub async fn fill(client: &Client, id: &str, value: &str) {
    fill_in(client, &tid(id), value).await;
}

/// [`fill`] for the first field matching `css`.
pub async fn fill_in(client: &Client, css: &str, value: &str) {
    click(client, css).await;
    let el = wait_for(client, css).await;
    el.clear()
        .await
        .unwrap_or_else(|e| panic!("clear {css}: {e}"));
    // A line break is typed as the Enter key; emptying a field is typing a
    // letter and deleting it, as a user does (clearing alone sends no input event).
    let keys = if value.is_empty() {
        "x\u{E003}".to_string()
    } else {
        value.replace('\n', "\u{E007}")
    };
    el.send_keys(&keys)
        .await
        .unwrap_or_else(|e| panic!("type {css}: {e}"));
    el.send_keys("\u{E004}")
        .await
        .unwrap_or_else(|e| panic!("tab {css}: {e}"));
}

/// Presses `keys` (WebDriver key codes for Tab, Enter, arrows, Alt …) where the focus is.
pub async fn press(client: &Client, keys: &str) {
    client
        .active_element()
        .await
        .expect("the focused element")
        .send_keys(keys)
        .await
        .expect("keys");
}

/// Chooses the option with this visible label in a select, once the select
/// offers it (options often come from a list read when the form opens).
pub async fn choose(client: &Client, css: &str, label: &str) {
    let what = format!("{css} to offer {label:?}");
    wait_until(client, &what, |c| async move {
        wait::find(c, css)
            .await?
            .select_by_label(label)
            .await
            .map_err(|e| e.to_string())
    })
    .await;
}

/// Opens the first plan of the list.
pub async fn open_first_plan(client: &Client) {
    click(client, "[data-testid=plan-row] td").await;
    wait_for(client, "[data-testid=plan-editor] [data-testid=step-list]").await;
}

/// Saves a picture of the window to `target/screenshots/NAME.png`, for people to look at.
pub async fn screenshot(client: &Client, name: &str) {
    let png = picture::picture(client)
        .await
        .unwrap_or_else(|e| panic!("screenshot {name}: {e}"));
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    std::fs::write(dir.join(format!("{name}.png")), png).expect("write screenshot");
}

/// Asks the app's window to close, as the window manager does when the user
/// clicks its close button (a WM_DELETE_WINDOW message).
pub fn request_close(pid: u32) {
    use x11rb::connection::Connection;
    use x11rb::protocol::xproto::{
        AtomEnum, CLIENT_MESSAGE_EVENT, ClientMessageEvent, ConnectionExt, EventMask,
    };

    let (conn, screen) = x11rb::connect(None).expect("connect to the X display");
    let root = conn.setup().roots[screen].root;
    let atom = |name: &str| {
        conn.intern_atom(false, name.as_bytes())
            .expect("intern")
            .reply()
            .expect("atom")
            .atom
    };
    let (net_wm_pid, protocols, delete) = (
        atom("_NET_WM_PID"),
        atom("WM_PROTOCOLS"),
        atom("WM_DELETE_WINDOW"),
    );
    let children = conn
        .query_tree(root)
        .expect("tree")
        .reply()
        .expect("children")
        .children;
    let mut sent = 0;
    for window in children {
        let prop = conn
            .get_property(false, window, net_wm_pid, AtomEnum::CARDINAL, 0, 1)
            .expect("property")
            .reply()
            .expect("pid");
        if prop.value32().and_then(|mut v| v.next()) != Some(pid) {
            continue;
        }
        let event = ClientMessageEvent {
            response_type: CLIENT_MESSAGE_EVENT,
            format: 32,
            sequence: 0,
            window,
            type_: protocols,
            data: [delete, 0, 0, 0, 0].into(),
        };
        conn.send_event(false, window, EventMask::NO_EVENT, event)
            .expect("send");
        sent += 1;
    }
    conn.flush().expect("flush");
    assert!(sent > 0, "no window of process {pid}");
}

/// A private D-Bus session bus, as a desktop session has (the single-instance
/// plugin finds the first instance through it).
pub struct SessionBus {
    child: Child,
    pub address: String,
}

impl SessionBus {
    pub fn start() -> SessionBus {
        let mut child = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .spawn()
            .expect("dbus-daemon (Debian package dbus-daemon)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("bus address");
        SessionBus {
            child,
            address: line.trim().to_string(),
        }
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// In the open comment form, writes `text` on the first activity of step 3
/// ("Hoạt động truyền thông") and waits until the list holds `then` comments.
pub async fn comment_on_first_activity(client: &Client, text: &str, then: usize) {
    choose(client, &tid("comment-step"), "Hoạt động truyền thông").await;
    // The line list follows the chosen step: "whole step", then the activities.
    wait_until(
        client,
        "the activities to be offered as lines",
        |c| async move {
            let n = count(c, "[data-testid=comment-line] option").await;
            look(n > 1, n)
        },
    )
    .await;
    client
        .execute(
            "const s = document.querySelector('[data-testid=comment-line]');
             s.selectedIndex = 1;
             s.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .await
        .expect("choose the first activity");
    fill(client, "comment-text", text).await;
    click(client, &tid("comment-add")).await;
    wait_count(client, &tid("comment"), then).await;
}
