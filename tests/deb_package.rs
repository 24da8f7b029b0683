//! The Linux package as a machine installs it: the .deb `COMMPLAN_DEB` names.
//! `scripts/test` builds a debug package and runs these tests on it with the
//! app's other tests; `scripts/test-package` builds the release package (or
//! takes the .deb given) and runs them on it. Without `COMMPLAN_DEB` they fail.
//!
//! Each test unpacks the package with `dpkg-deb -x` into a temporary folder,
//! the files `dpkg -i` would lay out under `/`, not with `dpkg -i` itself: that
//! needs root and changes the machine the tests run on (a developer's, CI's).
//! The package has no maintainer scripts (checked), so its files are all it
//! installs; what dpkg's triggers then do for the desktop (the MIME and desktop
//! databases) the .khtt test does in a temporary `XDG_DATA_HOME`. Checked: the
//! files match the package's checksums, the binary and the libraries it needs,
//! the desktop entry (named in Vietnamese, passing files to the app, the .khtt
//! type, valid for `desktop-file-validate`), the icons in the hicolor theme,
//! the .khtt type as the desktop tools read it (`xdg-mime`), and the installed
//! app started on a fresh data folder: as the menu starts it, its window shown
//! and closed as a user closes it; and through WebDriver, its plan list shown
//! and the sample plan opened. Under Xvfb, as `scripts/test` runs the app's
//! tests.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use common::{
    Driver, SessionBus, WINDOW_TITLE, look, open_sample, request_close, screenshot, tid, wait_for,
    wait_for_condition,
};
use serde_json::Value;
use tempfile::TempDir;

const CONF: &str = include_str!("../tauri.conf.json");

fn conf() -> Value {
    serde_json::from_str(CONF).expect("tauri.conf.json is JSON")
}

fn conf_str(pointer: &str) -> String {
    conf()
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("tauri.conf.json has no {pointer}"))
        .to_owned()
}

/// The type plan files have (`bundle.fileAssociations`).
fn plan_file_type() -> String {
    conf_str("/bundle/fileAssociations/0/mimeType")
}

/// The package to check. These tests never pass without one.
fn deb() -> PathBuf {
    let Some(path) = std::env::var_os("COMMPLAN_DEB").map(PathBuf::from) else {
        panic!(
            "COMMPLAN_DEB is not set: it names the .deb these tests check \
             (scripts/test builds a debug package and sets it; \
             scripts/test-package [PATH.deb] checks the release package)"
        )
    };
    assert!(
        path.is_file(),
        "COMMPLAN_DEB names {}, which is not a file",
        path.display()
    );
    path
}

/// Runs `cmd`, which must succeed; gives what it printed on its standard output.
fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?}: {}\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The package's files, unpacked as `dpkg -i` would install them under `/`.
struct Unpacked {
    dir: TempDir,
}

impl Unpacked {
    fn new() -> Unpacked {
        let dir = tempfile::tempdir().expect("temp dir");
        run(Command::new("dpkg-deb")
            .arg("-x")
            .arg(deb())
            .arg(dir.path().join("root")));
        Unpacked { dir }
    }

    /// Where the package puts `path` (absolute, as on the installed system).
    fn file(&self, path: &str) -> PathBuf {
        self.dir
            .path()
            .join("root")
            .join(path.trim_start_matches('/'))
    }

    /// A folder of the test's own beside the package's files.
    fn scratch(&self, name: &str) -> PathBuf {
        let dir = self.dir.path().join(name);
        std::fs::create_dir_all(&dir).expect("scratch folder");
        dir
    }

    /// The app's program as the package installs it.
    fn binary(&self) -> PathBuf {
        self.file(&format!("/usr/bin/{}", conf_str("/mainBinaryName")))
    }

    /// Asserts that process `pid` runs the package's program, not another
    /// copy of the app on the machine.
    fn assert_runs_in(&self, pid: u32) {
        let exe = std::fs::read_link(format!("/proc/{pid}/exe")).expect("the app's program");
        let installed = std::fs::canonicalize(self.binary()).expect("the installed binary");
        assert_eq!(exe, installed);
    }

    fn desktop_path(&self) -> PathBuf {
        self.file(&format!(
            "/usr/share/applications/{}.desktop",
            conf_str("/productName")
        ))
    }

    /// The keys of the desktop file's `[Desktop Entry]` group.
    fn desktop_entry(&self) -> BTreeMap<String, String> {
        let text = std::fs::read_to_string(self.desktop_path()).expect("the desktop file");
        text.lines()
            .skip_while(|l| l.trim() != "[Desktop Entry]")
            .skip(1)
            .take_while(|l| !l.starts_with('['))
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
            .collect()
    }
}

/// The fields of the package's control file.
fn control() -> BTreeMap<String, String> {
    run(Command::new("dpkg-deb").arg("-f").arg(deb()))
        .lines()
        .filter_map(|l| l.split_once(": "))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

#[test]
fn the_package_installs_the_app_whose_libraries_resolve() {
    let size = std::fs::metadata(deb()).expect("the .deb").len();
    println!("{}: {:.1} MB", deb().display(), size as f64 / 1e6);
    println!("{}", run(Command::new("dpkg-deb").arg("-c").arg(deb())));

    let control = control();
    assert_eq!(control["Package"], conf_str("/productName"));
    assert_eq!(control["Version"], conf_str("/version"));
    for library in ["libwebkit2gtk-4.1-0", "libgtk-3-0"] {
        assert!(control["Depends"].contains(library), "{control:?}");
    }

    let unpacked = Unpacked::new();
    // No preinst, postinst or other script: unpacking is the whole install.
    let meta = unpacked.scratch("DEBIAN");
    run(Command::new("dpkg-deb").arg("-e").arg(deb()).arg(&meta));
    let mut members: Vec<String> = std::fs::read_dir(&meta)
        .expect("the control members")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    members.sort();
    assert_eq!(members, ["control", "md5sums"]);
    // Every file arrived whole: md5sums lists them relative to `/`.
    run(Command::new("md5sum")
        .args(["--check", "--quiet"])
        .arg(meta.join("md5sums"))
        .current_dir(unpacked.file("/")));

    let binary = unpacked.binary();
    let kind = run(Command::new("file").arg("-b").arg(&binary));
    assert!(kind.starts_with("ELF 64-bit"), "{kind}");
    assert!(kind.contains("executable"), "{kind}");
    let libraries = run(Command::new("ldd").arg(&binary));
    assert!(!libraries.contains("not found"), "{libraries}");
    assert!(libraries.contains("libwebkit2gtk-4.1"), "{libraries}");
}

#[test]
fn the_desktop_entry_names_the_app_in_vietnamese_and_passes_plan_files() {
    let unpacked = Unpacked::new();
    let entry = unpacked.desktop_entry();
    println!("{entry:#?}");
    assert_eq!(entry["Type"], "Application");
    // Listed under Office in the menus (the bundler maps "Productivity" there).
    assert_eq!(entry["Categories"], "Office;");
    assert_eq!(entry["Name"], WINDOW_TITLE);
    assert!(entry["Comment"].starts_with("Soạn kế hoạch"), "{entry:?}");
    // The file manager hands the files opened with the app to it (%F).
    let exec: Vec<&str> = entry["Exec"].split_whitespace().collect();
    assert_eq!(exec.len(), 2, "{exec:?}");
    assert!(matches!(exec[1], "%F" | "%U"), "{exec:?}");
    assert!(
        unpacked.file(&format!("/usr/bin/{}", exec[0])).is_file(),
        "Exec names {} which the package does not install in /usr/bin",
        exec[0]
    );
    let types: Vec<&str> = entry["MimeType"].split(';').collect();
    assert!(types.contains(&plan_file_type().as_str()), "{types:?}");
    assert_eq!(entry["Icon"], conf_str("/mainBinaryName"));

    let report = Command::new("desktop-file-validate")
        .arg(unpacked.desktop_path())
        .output()
        .expect("desktop-file-validate (Debian package desktop-file-utils)");
    let said = String::from_utf8_lossy(&report.stdout).into_owned()
        + &String::from_utf8_lossy(&report.stderr);
    assert!(report.status.success() && said.trim().is_empty(), "{said}");
}

/// The width and height a PNG file states in its header.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(&bytes[1..4], b"PNG", "{} is a PNG", path.display());
    let be =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (be(16), be(20))
}

/// The size in pixels a hicolor folder's name gives its icons: `64x64` holds
/// 64-pixel images, `64x64@2` (scale 2) 128-pixel ones.
fn hicolor_pixels(folder: &str) -> u32 {
    let (size, scale) = folder.split_once('@').unwrap_or((folder, "1"));
    let side = size.split_once('x').map_or(size, |(w, _)| w);
    let parse = |n: &str| {
        n.parse::<u32>()
            .unwrap_or_else(|_| panic!("{folder} is not a size"))
    };
    parse(side) * parse(scale)
}

#[test]
fn the_icon_is_installed_in_the_hicolor_theme_at_every_size() {
    let unpacked = Unpacked::new();
    let icon = &unpacked.desktop_entry()["Icon"];
    let theme = unpacked.file("/usr/share/icons/hicolor");
    let mut folders = Vec::new();
    for entry in std::fs::read_dir(&theme).expect("the hicolor theme's folder") {
        let folder = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let path = theme.join(&folder).join(format!("apps/{icon}.png"));
        let px = hicolor_pixels(&folder);
        assert_eq!(png_size(&path), (px, px), "{}", path.display());
        folders.push(folder);
    }
    folders.sort_by_key(|f| hicolor_pixels(f));
    assert_eq!(folders, ["32x32", "64x64", "128x128", "256x256", "512x512"]);
}

/// `xdg-mime` as a session of no known desktop runs it, in a UTF-8 locale
/// (file names are Vietnamese), reading the system's folders and the user
/// folders in `home` only.
fn xdg_mime(home: &Path, args: &[&str]) -> String {
    let mut cmd = Command::new("xdg-mime");
    cmd.args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LC_ALL", "C.UTF-8")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("share"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_DIRS", "/usr/share")
        .env("XDG_CONFIG_DIRS", "/etc/xdg");
    run(&mut cmd).trim().to_owned()
}

#[test]
fn a_khtt_file_is_a_plan_file_that_opens_with_the_app() {
    let unpacked = Unpacked::new();
    let mime = plan_file_type();
    let xml_path = unpacked.file("/usr/share/mime/packages/commplan-khtt.xml");
    let xml = std::fs::read_to_string(&xml_path).expect("the shared-mime-info file");
    assert!(
        xml.contains(&format!("<mime-type type=\"{mime}\">")),
        "{xml}"
    );
    assert!(xml.contains("<glob pattern=\"*.khtt\"/>"), "{xml}");

    let home = unpacked.scratch("home");
    let plan = unpacked.scratch("files").join("Kế hoạch 2027.khtt");
    std::fs::write(&plan, "{}").expect("a plan file");
    let plan = plan.to_str().expect("UTF-8 path");
    let before = xdg_mime(&home, &["query", "filetype", plan]);
    assert_ne!(
        before, mime,
        "the type is known before the package's file is there"
    );

    // What the package's dpkg triggers do for /usr/share, done in `home`.
    let mime_dir = home.join("share/mime");
    std::fs::create_dir_all(mime_dir.join("packages")).expect("mime folder");
    std::fs::copy(&xml_path, mime_dir.join("packages/commplan-khtt.xml")).expect("copy");
    run(Command::new("update-mime-database")
        .arg(&mime_dir)
        .env("XDG_DATA_HOME", home.join("share")));
    let apps = home.join("share/applications");
    std::fs::create_dir_all(&apps).expect("applications folder");
    let desktop = unpacked.desktop_path();
    let desktop_name = desktop.file_name().expect("name").to_owned();
    std::fs::copy(&desktop, apps.join(&desktop_name)).expect("copy");
    run(Command::new("update-desktop-database").arg(&apps));

    assert_eq!(xdg_mime(&home, &["query", "filetype", plan]), mime);
    assert_eq!(
        xdg_mime(&home, &["query", "default", &mime]),
        desktop_name.to_string_lossy()
    );
}

/// The visible windows of process `pid` whose `field` (`--name`, `--classname`)
/// matches `pattern`, found as a desktop finds them (`xdotool search`).
fn windows(pid: u32, field: &str, pattern: &str) -> Vec<String> {
    let out = Command::new("xdotool")
        .args([
            "search",
            "--onlyvisible",
            "--pid",
            &pid.to_string(),
            field,
            pattern,
        ])
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("xdotool");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The app started from the package, ended when the test ends however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the program the desktop entry's `Exec` names, found on a `PATH` that
/// has the package's `/usr/bin` first, with `data` as its data folder.
fn start_installed(unpacked: &Unpacked, data: &Path, bus: &SessionBus) -> Running {
    let entry = unpacked.desktop_entry();
    let program = entry["Exec"].split_whitespace().next().expect("Exec");
    let path = std::env::join_paths(std::iter::once(unpacked.file("/usr/bin")).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .expect("PATH");
    let xdg = unpacked.scratch("xdg");
    let child = Command::new(program)
        .env("PATH", path)
        .env("COMMPLAN_DATA_DIR", data)
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .env("XDG_DATA_HOME", xdg.join("data"))
        .env("XDG_CACHE_HOME", xdg.join("cache"))
        .env("XDG_CONFIG_HOME", xdg.join("config"))
        .env("MESA_SHADER_CACHE_DISABLE", "true")
        .stdout(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("start {program}: {e}"));
    Running(child)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_installed_app_starts_on_a_fresh_data_folder_and_closes() {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "the installed app needs an X display: run the tests under xvfb-run as scripts/test does"
    );
    let unpacked = Unpacked::new();
    let data = unpacked.scratch("data");
    let bus = SessionBus::start();
    let mut app = start_installed(&unpacked, &data, &bus);
    let pid = app.0.id();
    unpacked.assert_runs_in(pid);

    let db = data.join(commplan_store::DB_FILE_NAME);
    wait_for_condition("the database in the fresh data folder", || {
        look(db.is_file(), db.display().to_string())
    })
    .await;
    // The desktop matches the window to its entry (StartupWMClass) to show its
    // icon. The title and the class are set one after the other: wait for both.
    let class = unpacked.desktop_entry()["StartupWMClass"].clone();
    wait_for_condition("the app's window, titled and classed", || {
        let titled = windows(pid, "--name", &format!("^{WINDOW_TITLE}$"));
        let classed = windows(pid, "--classname", &format!("^{class}$"));
        let both = titled.iter().any(|w| classed.contains(w));
        look(both, format!("titled {titled:?}, classed {classed:?}"))
    })
    .await;

    request_close(pid);
    let status = wait_for_condition("the app to end after its window was closed", || {
        let exited = app.0.try_wait().expect("wait");
        exited.ok_or_else(|| "still running".to_owned())
    })
    .await;
    assert!(status.success(), "{status}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_installed_app_shows_its_plan_list_and_opens_the_sample() {
    let unpacked = Unpacked::new();
    let data = unpacked.scratch("webdriver");
    let driver = Driver::start(&data);
    let client = driver.launch_program(&unpacked.binary(), &[]).await;
    unpacked.assert_runs_in(driver.app_pid().expect("the app's process"));

    // The page the package embeds (ui/dist), its commands answering.
    wait_for(&client, &tid("plan-list")).await;
    open_sample(&client).await;
    screenshot(&client, "deb-package-sample").await;
    client.close().await.expect("end the session");
}
