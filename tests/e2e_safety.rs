//! End-to-end: nothing is lost. Backups made and restored from the "Sao lưu"
//! screen; a damaged database at start-up moved aside and recovered from the
//! newest good backup; a second start of the app bringing the first window
//! forward; a database held by another program; HTML and script typed into a
//! plan shown as text in the page and in the PDF; an emoji and a 100,000-character
//! text pasted into a field refused with the reason.

mod common;

use common::{
    APP, Driver, SessionBus, check_value, click, fill, look, screenshot, tid, wait_count, wait_for,
    wait_for_condition, wait_for_text, wait_for_texts, wait_saved,
};
use std::path::Path;
use std::process::{Command, Stdio};

/// The sample plan in `dir`'s database, closed; returns the plan's title.
fn sample_database(dir: &Path) -> String {
    let mut store = commplan_store::Store::open(&dir.join(commplan_store::DB_FILE_NAME))
        .expect("open the database");
    let plan = store.create_sample().expect("sample").id;
    store.plan_document(plan).expect("document").fields.title
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_made_on_the_backup_screen_restores_an_earlier_state() {
    let data = tempfile::tempdir().expect("temp dir");
    let title = sample_database(data.path());
    let driver = Driver::start(data.path());
    let client = driver.launch().await;

    click(&client, &tid("nav-backups")).await;
    // The start-up backup of the sample is listed already.
    wait_count(&client, &tid("backup-row"), 1).await;
    click(&client, &tid("backup-now")).await;
    wait_for_text(&client, &tid("toast"), "Đã sao lưu lúc").await;
    // Same day: rotation keeps the newest copy of the day.
    wait_count(&client, &tid("backup-row"), 1).await;
    wait_for_text(&client, &tid("backup-row"), "Sao lưu thủ công").await;
    screenshot(&client, "backups").await;

    // An edit after the backup …
    click(&client, &tid("nav-plans")).await;
    common::open_first_plan(&client).await;
    fill(&client, "plan.title", "Tiêu đề sửa sau khi sao lưu").await;
    wait_saved(&client).await;

    // … is undone by restoring the backup, after a confirmation.
    click(&client, &tid("nav-backups")).await;
    wait_count(&client, &tid("backup-row"), 1).await;
    click(&client, &tid("backup-restore")).await;
    wait_for_text(&client, &tid("confirm-dialog"), "Toàn bộ dữ liệu hiện tại").await;
    click(&client, &tid("confirm-yes")).await;
    wait_for_text(&client, &tid("toast"), "Đã khôi phục dữ liệu").await;
    // The data as it was before the restore is kept as its own backup.
    wait_for_text(&client, &tid("backups-table"), "Trước khi khôi phục").await;

    click(&client, &tid("nav-plans")).await;
    wait_for_text(&client, &tid("plan-row"), &title).await;
    client.close().await.expect("quit");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_database_is_moved_aside_and_the_newest_backup_restored() {
    let data = tempfile::tempdir().expect("temp dir");
    let title = sample_database(data.path());
    let db = data.path().join(commplan_store::DB_FILE_NAME);
    // One sound start makes the start-up backup.
    match commplan_store::open_at_startup(&db).expect("start") {
        commplan_store::Startup::Opened { .. } => {}
        commplan_store::Startup::Damaged(r) => panic!("sound file found damaged: {r:?}"),
    }
    // A failing disk sector: the headers of two b-tree pages are garbage.
    let mut bytes = std::fs::read(&db).expect("read");
    for page in [1usize, 2] {
        for b in &mut bytes[page * 4096..page * 4096 + 12] {
            *b ^= 0x5A;
        }
    }
    std::fs::write(&db, &bytes).expect("damage");

    let driver = Driver::start(data.path());
    let client = driver.launch().await;
    wait_for_text(
        &client,
        &tid("recovery-damage"),
        "tệp dữ liệu bị phát hiện là hỏng",
    )
    .await;
    let moved = wait_for_texts(&client, &tid("recovery-moved"), &["damaged"]).await;
    wait_for_text(&client, &tid("recovery-offer"), "Tự động khi khởi động").await;
    screenshot(&client, "recovery").await;
    // The damaged file lies untouched where the screen says.
    let moved_dir = data.path().join("damaged");
    let found: Vec<_> = std::fs::read_dir(&moved_dir)
        .expect("damaged folder")
        .flatten()
        .map(|e| e.path().join(commplan_store::DB_FILE_NAME))
        .collect();
    assert_eq!(found.len(), 1);
    assert!(moved.contains(&found[0].display().to_string()), "{moved}");
    assert_eq!(std::fs::read(&found[0]).expect("moved file"), bytes);

    click(&client, &tid("recovery-restore")).await;
    wait_for_text(&client, &tid("plan-row"), &title).await;
    client.close().await.expect("quit");
}

/// The top-level X window of process `pid`, and the window that has the input focus.
fn window_and_focus(pid: u32) -> (Option<u32>, u32) {
    use x11rb::connection::Connection;
    use x11rb::protocol::xproto::{AtomEnum, ConnectionExt};
    let (conn, screen) = x11rb::connect(None).expect("X display");
    let root = conn.setup().roots[screen].root;
    let net_wm_pid = conn
        .intern_atom(false, b"_NET_WM_PID")
        .expect("intern")
        .reply()
        .expect("atom")
        .atom;
    let mut window = None;
    for w in conn
        .query_tree(root)
        .expect("tree")
        .reply()
        .expect("children")
        .children
    {
        let prop = conn
            .get_property(false, w, net_wm_pid, AtomEnum::CARDINAL, 0, 1)
            .expect("property")
            .reply()
            .expect("pid");
        let viewable = conn
            .get_window_attributes(w)
            .expect("attributes")
            .reply()
            .is_ok_and(|a| a.map_state == x11rb::protocol::xproto::MapState::VIEWABLE);
        if viewable && prop.value32().and_then(|mut v| v.next()) == Some(pid) {
            window = Some(w);
        }
    }
    let focus = conn
        .get_input_focus()
        .expect("focus")
        .reply()
        .expect("focus reply")
        .focus;
    (window, focus)
}

fn drop_focus() {
    use x11rb::connection::Connection;
    use x11rb::protocol::xproto::{ConnectionExt, InputFocus};
    use x11rb::wrapper::ConnectionExt as _;
    let (conn, screen) = x11rb::connect(None).expect("X display");
    let root = conn.setup().roots[screen].root;
    conn.set_input_focus(InputFocus::NONE, root, x11rb::CURRENT_TIME)
        .expect("focus the root");
    conn.sync().expect("sync");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_start_brings_the_first_window_forward() {
    let bus = SessionBus::start();
    let data = tempfile::tempdir().expect("temp dir");
    let driver = Driver::start_with(
        data.path(),
        &[("DBUS_SESSION_BUS_ADDRESS", Path::new(&bus.address))],
    );
    let client = driver.launch().await;
    wait_for(&client, &tid("open-sample")).await;
    let pid = driver.app_pid().expect("the app's process");

    let window = wait_for_condition("the app's window to be shown", || {
        let (window, _) = window_and_focus(pid);
        window.ok_or_else(|| format!("no viewable window of process {pid}"))
    })
    .await;
    drop_focus();
    let (_, focus) = window_and_focus(pid);
    assert_ne!(focus, window, "the window starts without the focus");

    // The second start hands over to the first and ends.
    let mut second = Command::new(APP)
        .env("COMMPLAN_DATA_DIR", data.path())
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the app a second time");
    let ended = common::poll(|| {
        let exited = second.try_wait().expect("wait");
        std::future::ready(exited.ok_or_else(|| "still running".to_string()))
    })
    .await;
    let Ok(status) = ended else {
        let _ = second.kill();
        panic!("the second start did not end: two windows are open");
    };
    assert!(status.success(), "{status}");

    // The first window has the focus now.
    wait_for_condition("the first window to be brought forward", || {
        let (_, focus) = window_and_focus(pid);
        look(
            focus == window,
            format!("focus on {focus}, the window is {window}"),
        )
    })
    .await;
    // And it still works.
    click(&client, &tid("open-sample")).await;
    wait_for(&client, "[data-testid=plan-editor]").await;
    client.close().await.expect("quit");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_database_held_by_another_program_is_said_and_the_edit_saved_once_free() {
    let data = tempfile::tempdir().expect("temp dir");
    sample_database(data.path());
    let driver = Driver::start(data.path());
    let client = driver.launch().await;
    common::open_first_plan(&client).await;

    let other = rusqlite::Connection::open(data.path().join(commplan_store::DB_FILE_NAME))
        .expect("a second program");
    other
        .execute_batch("BEGIN IMMEDIATE")
        .expect("it holds the write lock");
    fill(&client, "plan.title", "Kế hoạch đã gõ khi tệp đang bận").await;
    wait_for_text(&client, &tid("save-problem"), "chương trình khác").await;
    wait_for_text(&client, &tid("save-state"), "đang thử lại").await;
    screenshot(&client, "busy").await;
    other
        .execute_batch("ROLLBACK")
        .expect("the other program lets go");
    // Tried again by itself: saved without retyping.
    wait_saved(&client).await;
    drop(other);
    let store =
        commplan_store::Store::open(&data.path().join(commplan_store::DB_FILE_NAME)).expect("open");
    let plan = store.list_plans().expect("plans")[0].id;
    assert_eq!(
        store.plan_document(plan).expect("doc").fields.title,
        "Kế hoạch đã gõ khi tệp đang bận"
    );
    client.close().await.expect("quit");
}

#[tokio::test(flavor = "multi_thread")]
async fn html_and_script_are_shown_as_text_and_pasted_bad_text_is_refused() {
    let data = tempfile::tempdir().expect("temp dir");
    let (driver, folder) = Driver::start_exporting(data.path());
    let client = driver.launch().await;
    click(&client, &tid("open-sample")).await;
    let title = "<img src=x onerror=\"document.title='hỏng'\"> Kế hoạch <b>đậm</b>";
    let purposes =
        "<script>document.title='hỏng'</script> Mục đích & “trích dẫn” '; DROP TABLE plans; --";
    fill(&client, "plan.title", title).await;
    fill(&client, "plan.purposes", purposes).await;
    wait_saved(&client).await;
    // Reopened from the database, the text comes back as typed, and nothing ran.
    click(&client, &tid("nav-plans")).await;
    common::open_first_plan(&client).await;
    check_value(&client, "plan.title", title).await;
    check_value(&client, "plan.purposes", purposes).await;
    // The side bar shows the title as text …
    wait_for_text(&client, "[data-testid=plan-editor]", "<img src=x").await;
    // … and, drawn, it ran nothing and added no element.
    let page_title = client.title().await.expect("title");
    assert_eq!(page_title, common::WINDOW_TITLE, "no script ran");
    assert_eq!(
        common::count(&client, "img[src=x], script:not([src])").await,
        0
    );

    // Text the keyboard driver cannot type (an emoji) or would take minutes to
    // (100,000 characters) is put in the field as a paste does, then the field
    // is left: refused with the reason, and the stored title stays.
    for (pasted, says) in [
        ("Kế hoạch 🎉 năm 2027".to_string(), "biểu tượng cảm xúc"),
        ("Đ".repeat(100_000), "quá dài"),
    ] {
        client
            .execute(
                "const el = document.querySelector('[data-testid=\"plan.title\"]');
                 el.focus();
                 el.value = arguments[0];
                 el.dispatchEvent(new Event('input', { bubbles: true }));
                 el.blur();",
                vec![serde_json::json!(pasted)],
            )
            .await
            .expect("paste");
        // Said under the field, and counted beside the save indicator.
        wait_for_text(&client, &tid("field-error"), says).await;
        wait_for_text(&client, &tid("refused-state"), "1 ô").await;
    }
    let store =
        commplan_store::Store::open(&data.path().join(commplan_store::DB_FILE_NAME)).expect("open");
    let plan = store.list_plans().expect("plans")[0].id;
    assert_eq!(store.plan_document(plan).expect("doc").fields.title, title);
    drop(store);

    click(&client, &tid("export-pdf")).await;
    wait_for_text(&client, &tid("pdf-exported"), ".pdf").await;
    let pdf = common::exported(&folder, "pdf");
    let out = Command::new("pdftotext")
        .args(["-raw", pdf.to_str().expect("path"), "-"])
        .output()
        .expect("pdftotext");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    // Lines are wrapped where the page ends them: compare word by word.
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("<script>document.title='hỏng'</script>"),
        "{text}"
    );
    assert!(text.contains("'; DROP TABLE plans; --"), "{text}");
    assert!(text.contains("<b>đậm</b>"));
    client.close().await.expect("quit");
}
