//! End-to-end tests: the real app binary, driven through tauri-driver and
//! WebKitWebDriver. They need an X display: `scripts/test` runs the whole test
//! suite under `xvfb-run`. Each test has its own data folder
//! (`COMMPLAN_DATA_DIR`) and its own tauri-driver.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

const APP: &str = env!("CARGO_BIN_EXE_commplan-app");
const WAIT: Duration = Duration::from_secs(20);
const WINDOW_TITLE: &str = "Kế hoạch truyền thông chính sách";

/// One tauri-driver process, with the data folder the app it starts will use.
struct Driver {
    child: Child,
    port: u16,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
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
    fn start(data_dir: &Path) -> Driver {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "the end-to-end tests need an X display: run them through scripts/test (xvfb-run)"
        );
        let port = free_port();
        let native_port = free_port();
        let child = Command::new(tauri_driver())
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("COMMPLAN_DATA_DIR", data_dir)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start tauri-driver (cargo install tauri-driver --locked)");
        let driver = Driver { child, port };
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
    async fn launch(&self) -> Client {
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("wry"));
        caps.insert("tauri:options".into(), json!({ "application": APP }));
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let url = format!("http://127.0.0.1:{}", self.port);
        let mut builder = ClientBuilder::new(connector);
        builder.capabilities(caps);
        tokio::time::timeout(WAIT, builder.connect(&url))
            .await
            .expect("the app did not start in time")
            .expect("WebDriver session")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // SIGTERM lets tauri-driver stop WebKitWebDriver and the app with it.
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

async fn wait_for(client: &Client, css: &str) -> Element {
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css} did not appear: {e}"))
}

async fn text(client: &Client, css: &str) -> String {
    wait_for(client, css).await.text().await.expect("text")
}

/// Waits until the element matching `css` shows `expected`.
async fn wait_for_text(client: &Client, css: &str, expected: &str) {
    let deadline = Instant::now() + WAIT;
    loop {
        if let Ok(el) = client.find(Locator::Css(css)).await
            && let Ok(t) = el.text().await
            && t.contains(expected)
        {
            return;
        }
        assert!(Instant::now() < deadline, "{css} never showed {expected:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn create_plan(client: &Client, unit: &str, year: i32) {
    wait_for(client, "[data-testid=new-plan]")
        .await
        .click()
        .await
        .expect("click new plan");
    let select = wait_for(client, "[data-testid=new-plan-unit]").await;
    select.select_by_label(unit).await.expect("choose unit");
    let year_input = wait_for(client, "[data-testid=new-plan-year]").await;
    year_input.clear().await.expect("clear year");
    year_input
        .send_keys(&year.to_string())
        .await
        .expect("type year");
    wait_for(client, "[data-testid=new-plan-submit]")
        .await
        .click()
        .await
        .expect("submit");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_plan_created_in_the_ui_is_listed_after_a_restart() {
    let data = tempfile::tempdir().expect("temp dir");
    let driver = Driver::start(data.path());

    let client = driver.launch().await;
    assert_eq!(client.title().await.expect("title"), WINDOW_TITLE);
    // The native window carries the Vietnamese title too.
    let found = Command::new("xdotool")
        .args(["search", "--name", WINDOW_TITLE])
        .output()
        .expect("run xdotool");
    assert!(
        !found.stdout.is_empty(),
        "no X window titled {WINDOW_TITLE:?}"
    );

    let empty = text(&client, "[data-testid=empty-state]").await;
    assert!(empty.contains("Chưa có kế hoạch nào"), "{empty}");

    create_plan(&client, "Sở Tư pháp", 2027).await;
    wait_for_text(
        &client,
        "[data-testid=editor-title]",
        "Kế hoạch truyền thông chính sách năm 2027",
    )
    .await;
    let steps = client
        .find_all(Locator::Css("[data-testid=step-list] button"))
        .await
        .expect("steps");
    let mut names = Vec::new();
    for s in &steps {
        let t = s.text().await.expect("step text");
        names.push(t.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    assert_eq!(
        names,
        [
            "1 Thông tin chung",
            "2 Chính sách và giai đoạn",
            "3 Hoạt động truyền thông",
            "4 Nhân sự",
            "5 Mạng lưới và báo chí",
            "6 Công khai thông tin và theo dõi dư luận",
            "7 Kinh phí",
            "8 Tổ chức thực hiện",
            "9 Ký ban hành và nơi nhận",
        ]
    );
    wait_for(&client, "[data-testid=step-budget]")
        .await
        .click()
        .await
        .expect("step");
    wait_for_text(&client, "[data-testid=step-heading]", "Kinh phí").await;
    client.close().await.expect("quit the app");

    // Second run of the app on the same data folder.
    let client = driver.launch().await;
    wait_for(&client, "[data-testid=plan-row]").await;
    let rows = client
        .find_all(Locator::Css("[data-testid=plan-row]"))
        .await
        .expect("rows");
    assert_eq!(rows.len(), 1);
    let row = rows[0].text().await.expect("row text");
    assert!(
        row.contains("2027") && row.contains("Sở Tư pháp") && row.contains("Dự thảo"),
        "{row}"
    );
    rows[0]
        .find(Locator::Css("td"))
        .await
        .expect("a cell")
        .click()
        .await
        .expect("open");
    wait_for_text(&client, "[data-testid=editor-year]", "2027").await;
    client.close().await.expect("quit");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_plan_for_the_same_unit_and_year_is_refused_in_vietnamese() {
    let data = tempfile::tempdir().expect("temp dir");
    let driver = Driver::start(data.path());
    let client = driver.launch().await;
    create_plan(&client, "Sở Y tế", 2028).await;
    wait_for(&client, "[data-testid=plan-editor]").await;
    wait_for(&client, "[data-testid=back-to-list]")
        .await
        .click()
        .await
        .expect("back");
    create_plan(&client, "Sở Y tế", 2028).await;
    wait_for_text(
        &client,
        "[data-testid=new-plan-error]",
        "Sở Y tế đã có kế hoạch năm 2028.",
    )
    .await;
    client.close().await.expect("quit");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_unit_added_in_the_app_can_be_deleted_and_the_deletion_undone() {
    let data = tempfile::tempdir().expect("temp dir");
    let driver = Driver::start(data.path());
    let client = driver.launch().await;
    wait_for(&client, "[data-testid=nav-units]")
        .await
        .click()
        .await
        .expect("units");
    let name = "Ủy ban nhân dân xã Ia Grai";
    wait_for(&client, "[data-testid=unit-name]")
        .await
        .send_keys(name)
        .await
        .expect("name");
    wait_for(&client, "[data-testid=unit-parent]")
        .await
        .send_keys("Ủy ban nhân dân tỉnh Gia Lai")
        .await
        .expect("parent");
    wait_for(&client, "[data-testid=unit-abbr]")
        .await
        .send_keys("UBND")
        .await
        .expect("abbr");
    wait_for(&client, "[data-testid=unit-add]")
        .await
        .click()
        .await
        .expect("add");
    wait_for_text(&client, "[data-testid=units-table]", name).await;

    let rows = client
        .find_all(Locator::Css("[data-testid=unit-row]"))
        .await
        .expect("rows");
    let count = rows.len();
    let mut target = None;
    for row in rows {
        if row.text().await.expect("row").contains(name) {
            target = Some(row);
        }
    }
    let row = target.expect("the new unit is listed");
    row.find(Locator::Css("[data-testid=unit-delete]"))
        .await
        .expect("delete button")
        .click()
        .await
        .expect("delete");
    wait_for_text(&client, "[data-testid=confirm-dialog]", name).await;
    wait_for(&client, "[data-testid=confirm-yes]")
        .await
        .click()
        .await
        .expect("confirm");
    wait_for_text(&client, "[data-testid=toast]", "Đã xóa").await;
    assert_eq!(
        client
            .find_all(Locator::Css("[data-testid=unit-row]"))
            .await
            .expect("rows")
            .len(),
        count - 1
    );
    wait_for(&client, "[data-testid=undo]")
        .await
        .click()
        .await
        .expect("undo");
    wait_for_text(&client, "[data-testid=units-table]", name).await;
    assert_eq!(
        client
            .find_all(Locator::Css("[data-testid=unit-row]"))
            .await
            .expect("rows")
            .len(),
        count
    );
    client.close().await.expect("quit");
}
