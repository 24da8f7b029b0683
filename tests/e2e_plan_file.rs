//! End-to-end: a plan that travels between two computers. Two apps run side by
//! side, each with its own data folder, its own tauri-driver and WebKitWebDriver
//! on its own ports: the officer's and the reviewer's. The officer submits the
//! sample and sends it as a plan file; the reviewer opens the file (it is
//! listed under "Hồ sơ nhận được"), comments on a step and on a line, returns
//! it and writes the return file; the officer opens the return, finds each
//! comment where it belongs, fixes the line, resubmits and sends again; the
//! reviewer opens revision 2 (the same received plan, compared with the
//! first), approves and writes the return; the officer opens it: approved
//! and locked. A file travels as a person carries it: saved by one app in its
//! `COMMPLAN_SAVE_DIR`, copied to the file the other app's open dialog
//! "chooses" (`COMMPLAN_OPEN_FILE`). Every screen is saved as
//! `target/screenshots/plan-file-….png`.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{
    APP, Driver, SessionBus, check_value, choose, click, comment_on_first_activity, fill, look,
    screenshot, tid, wait_count, wait_for, wait_for_condition, wait_for_text, wait_saved,
    wait_script, wait_until,
};
use commplan_core::planfile::FileSource;
use commplan_store::Store;
use fantoccini::Client;
use serde_json::json;

/// One computer: a data folder, its driver and the app on it. What the app
/// saves lands in `saved`; its open dialog "chooses" `inbox`.
struct Computer {
    name: &'static str,
    _data: tempfile::TempDir,
    _driver: Driver,
    client: Client,
    saved: PathBuf,
    inbox: PathBuf,
}

impl Computer {
    async fn start(name: &'static str) -> Computer {
        let data = tempfile::tempdir().expect("temp dir");
        let saved = data.path().join("xuat");
        let inbox = data.path().join("nhan").join("tep-nhan-duoc.khtt");
        std::fs::create_dir_all(&saved).expect("the save folder");
        std::fs::create_dir_all(inbox.parent().expect("a folder")).expect("the inbox");
        let driver = Driver::start_with(
            data.path(),
            &[
                ("COMMPLAN_SAVE_DIR", &saved),
                ("COMMPLAN_OPEN_FILE", &inbox),
            ],
        );
        let client = driver.launch().await;
        wait_for(&client, &tid("plan-list")).await;
        Computer {
            name,
            _data: data,
            _driver: driver,
            client,
            saved,
            inbox,
        }
    }

    /// A picture of this computer's window, `plan-file-NN-who-what.png`,
    /// once the page has painted what it shows.
    async fn shot(&self, n: u32, what: &str) {
        self.client
            .execute_async(
                "const done = arguments[0];
                 requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            )
            .await
            .expect("two frames painted");
        screenshot(
            &self.client,
            &format!("plan-file-{n:02}-{}-{what}", self.name),
        )
        .await;
    }

    /// Clicks `button`, which saves a plan file, and gives the file saved.
    async fn save_file(&self, button: &str) -> PathBuf {
        for old in khtt_files(&self.saved) {
            std::fs::remove_file(old).expect("clear the save folder");
        }
        click(&self.client, &tid(button)).await;
        wait_for_text(&self.client, &tid("plan-file-saved"), "Đã lưu tệp").await;
        wait_for_condition("one plan file saved", || {
            let files = khtt_files(&self.saved);
            look(files.len() == 1, files).map(|mut f| f.remove(0))
        })
        .await
    }

    /// `file` arrives and "Mở tệp kế hoạch" is clicked (the open dialog
    /// chooses it).
    async fn arrive_and_open(&self, file: &Path) {
        std::fs::copy(file, &self.inbox).expect("the file arrives");
        click(&self.client, &tid("nav-plans")).await;
        click(&self.client, &tid("open-plan-file")).await;
    }

    /// `file` arrives (by e-mail …) and is opened with "Mở tệp kế hoạch";
    /// gives the notice of what was done.
    async fn open_file(&self, file: &Path) -> String {
        self.arrive_and_open(file).await;
        let notice = tid("plan-file-opened");
        let notice = notice.as_str();
        wait_until(&self.client, "what opening the file did", |c| async move {
            let text = common::text(c, notice).await;
            look(!text.is_empty(), text)
        })
        .await
    }

    /// The reviewer returns or approves (`action`, confirmed; the banner then
    /// says `decided`) and writes the return file, which it gives.
    async fn decides(&self, action: &str, decided: &str, shot: (u32, &str)) -> PathBuf {
        confirm(&self.client, action).await;
        wait_for_text(&self.client, &tid("received-decided"), decided).await;
        let written = self.save_file("write-return").await;
        self.shot(shot.0, shot.1).await;
        written
    }

    /// The officer opens a return file: the notice says `said`, the plan
    /// list shows the plan `status`; then the plan is opened from the notice.
    async fn opens_the_return(&self, file: &Path, said: &str, status: &str, shot: (u32, &str)) {
        let c = &self.client;
        let notice = self.open_file(file).await;
        assert!(notice.contains(said), "{notice}");
        wait_for_text(c, &tid("plan-row"), status).await;
        self.shot(shot.0, shot.1).await;
        click(c, &tid("plan-file-open-plan")).await;
        wait_for(c, "[data-testid=plan-editor] [data-testid=step-list]").await;
    }
}

/// The `.khtt` files in `folder` (not a temporary file being written).
fn khtt_files(folder: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .expect("the folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "khtt"))
        .collect()
}

/// The step shown cannot be edited: its fields sit in a disabled fieldset.
async fn fields_are_disabled(c: &Client) {
    wait_script(
        c,
        "the step's fields to be disabled",
        "const f = document.querySelector('[data-testid=step-fields]');
         return f ? f.disabled : null;",
        &[],
        json!(true),
    )
    .await;
}

/// Runs a review action (submit, return …) and confirms it.
async fn confirm(client: &Client, action: &str) {
    click(client, &tid(action)).await;
    click(client, &tid("confirm-yes")).await;
}

/// The officer opens the sample, submits it and sends it.
async fn the_officer_submits_and_sends(officer: &Computer) -> PathBuf {
    let c = &officer.client;
    wait_for(c, &tid("received-empty")).await;
    officer.shot(1, "plan-list").await;
    click(c, &tid("open-sample")).await;
    wait_for(c, &tid("step-list")).await;
    // A draft can be saved as a file; sending waits for a submission.
    wait_script(
        c,
        "“Gửi tệp kế hoạch” to wait for a submission",
        "const b = document.querySelector('[data-testid=send-plan-file]');
         return b && b.disabled && b.title.includes('sau khi trình');",
        &[],
        json!(true),
    )
    .await;
    click(c, &tid("view-review")).await;
    confirm(c, "submit-plan").await;
    wait_for_text(c, &tid("review-status"), "Đã trình").await;
    let sent = officer.save_file("send-plan-file").await;
    officer.shot(2, "sent").await;
    sent
}

/// The reviewer opens the file: it is listed under "Hồ sơ nhận được", not
/// among the unit's own plans, and opens read-only with a banner.
async fn the_reviewer_receives_it(reviewer: &Computer, file: &Path, revision: u32) {
    let c = &reviewer.client;
    let said = reviewer.open_file(file).await;
    assert!(
        said.contains(&format!("Đã nhận lần trình {revision}")),
        "{said}"
    );
    wait_count(c, &tid("received-row"), 1).await;
    wait_for_text(c, &tid("received-revision"), &format!("Lần {revision}")).await;
    wait_count(c, &tid("plan-row"), 0).await;
    reviewer
        .shot(if revision == 1 { 3 } else { 13 }, "received")
        .await;
    click(c, "[data-testid=received-row] td").await;
    wait_for(c, "[data-testid=plan-editor] [data-testid=step-list]").await;
    wait_for_text(c, &tid("received-banner"), &format!("lần trình {revision}")).await;
    wait_for_text(c, &tid("received-banner"), "không sửa được").await;
    fields_are_disabled(c).await;
    wait_count(c, &tid("send-plan-file"), 0).await;
}

/// Every step of a received plan opens, its fields disabled.
async fn every_step_is_shown_read_only(c: &Client) {
    let steps = c
        .execute(
            "return [...document.querySelectorAll('[data-testid=step-list] button')]
                .map((b) => b.getAttribute('data-testid'));",
            vec![],
        )
        .await
        .expect("the steps");
    let steps: Vec<String> = serde_json::from_value(steps).expect("test ids");
    assert_eq!(steps.len(), 9, "{steps:?}");
    for step in steps {
        let name = common::text(c, &format!("{} .step-name", tid(&step))).await;
        click(c, &tid(&step)).await;
        wait_for_text(c, &tid("step-heading"), &name).await;
        fields_are_disabled(c).await;
    }
}

/// The reviewer runs the check, comments on the staffing step and on the
/// first activity, and returns the plan; then writes the return file.
async fn the_reviewer_comments_and_returns(reviewer: &Computer) -> PathBuf {
    let c = &reviewer.client;
    reviewer.shot(4, "received-plan").await;
    every_step_is_shown_read_only(c).await;
    click(c, &tid("view-check")).await;
    wait_for_text(c, &tid("check-summary"), "có thể trình").await;
    reviewer.shot(5, "check").await;
    click(c, &tid("export-pdf")).await;
    wait_for_text(c, &tid("pdf-exported"), "Đã lưu tệp").await;
    wait_for_condition("the received plan's PDF", || {
        let pdfs: Vec<PathBuf> = std::fs::read_dir(&reviewer.saved)
            .expect("the save folder")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .collect();
        look(pdfs.len() == 1, pdfs)
    })
    .await;
    click(c, &tid("view-review")).await;
    wait_for(c, &tid("return-plan")).await;
    choose(c, &tid("comment-step"), "Nhân sự").await;
    fill(c, "comment-author", "Sở Tư pháp").await;
    fill(
        c,
        "comment-text",
        "Bổ sung số điện thoại của người phát ngôn.",
    )
    .await;
    click(c, &tid("comment-add")).await;
    wait_count(c, &tid("comment"), 1).await;
    comment_on_first_activity(c, "Ghi rõ số lượng tin, bài.", 2).await;
    reviewer.shot(6, "comments").await;
    // The return file waits for a decision.
    wait_script(
        c,
        "“Ghi tệp trả lời” to wait for a decision",
        "const b = document.querySelector('[data-testid=write-return]');
         return b ? b.disabled : null;",
        &[],
        json!(true),
    )
    .await;
    reviewer
        .decides("return-plan", "trả lại", (7, "returned"))
        .await
}

/// The officer opens the return: the plan is returned, each comment shown
/// where it belongs (the staffing step, the first activity); the line is fixed.
async fn the_officer_finds_the_comments(officer: &Computer, file: &Path) {
    let c = &officer.client;
    officer
        .opens_the_return(file, "trả lại", "Trả lại", (8, "return-opened"))
        .await;
    let count_beside = |step: &str| format!("{} {}", tid(step), tid("step-comment-count"));
    wait_for_text(c, &count_beside("step-staffing"), "1").await;
    wait_for_text(c, &count_beside("step-activities"), "1").await;
    wait_for_text(c, &tid("review-banner"), "trả lại").await;
    click(c, &tid("step-staffing")).await;
    wait_for_text(c, &tid("step-comments"), "Bổ sung số điện thoại").await;
    wait_for_text(c, &tid("step-comments"), "Sở Tư pháp").await;
    officer.shot(9, "step-comment").await;
    click(c, &tid("step-activities")).await;
    let commented = format!("{} {}", tid("item-activity"), tid("line-comment"));
    wait_for_text(c, &commented, "Ghi rõ số lượng tin, bài.").await;
    officer.shot(10, "line-comment").await;
    let id = wait_until(c, "the commented activity's id", |c| async move {
        let id = c
            .execute(
                "const li = document.querySelector('[data-testid=line-comment]')?.closest('[data-testid=item-activity]');
                 return li ? li.dataset.id : null;",
                vec![],
            )
            .await
            .map_err(|e| e.to_string())?;
        id.as_str().map(str::to_string).ok_or(format!("{id}"))
    })
    .await;
    click(
        c,
        &format!(
            "[data-testid=item-activity][data-id=\"{id}\"] {}",
            tid("activity-toggle")
        ),
    )
    .await;
    fill(
        c,
        &format!("activity.{id}.expectedOutput"),
        "24 tin, bài trên Cổng thông tin",
    )
    .await;
    wait_saved(c).await;
}

/// The officer resubmits and sends revision 2.
async fn the_officer_resubmits_and_sends(officer: &Computer) -> PathBuf {
    let c = &officer.client;
    click(c, &tid("view-review")).await;
    confirm(c, "resubmit-plan").await;
    wait_for_text(c, &tid("review-status"), "Trình lại").await;
    let sent = officer.save_file("send-plan-file").await;
    officer.shot(11, "resent").await;
    sent
}

/// Revision 2 is a revision of the same received plan: the difference from
/// the first is the fix. The reviewer approves and writes the return.
async fn the_reviewer_compares_and_approves(reviewer: &Computer) -> PathBuf {
    let c = &reviewer.client;
    click(c, &tid("view-review")).await;
    wait_count(c, &tid("revision-row"), 2).await;
    check_value(c, "diff-from", "1").await;
    check_value(c, "diff-to", "2").await;
    click(c, &tid("diff-compare")).await;
    wait_for_text(c, &tid("diff"), "24 tin, bài trên Cổng thông tin").await;
    c.execute(
        "document.querySelector('[data-testid=diff]').scrollIntoView()",
        vec![],
    )
    .await
    .expect("scroll to the difference");
    reviewer.shot(14, "compare").await;
    reviewer
        .decides("approve-plan", "phê duyệt", (15, "approved"))
        .await
}

/// The officer opens the approval: approved and locked.
async fn the_officer_finds_it_approved(officer: &Computer, file: &Path) {
    let c = &officer.client;
    officer
        .opens_the_return(file, "phê duyệt", "Đã phê duyệt", (16, "approval-opened"))
        .await;
    wait_for_text(c, &tid("review-banner"), "đã được phê duyệt").await;
    click(c, &tid("step-staffing")).await;
    fields_are_disabled(c).await;
    officer.shot(17, "approved").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_plan_travels_to_the_reviewer_and_back_until_approved() {
    let officer = Computer::start("officer").await;
    let reviewer = Computer::start("reviewer").await;
    let sent = the_officer_submits_and_sends(&officer).await;
    the_reviewer_receives_it(&reviewer, &sent, 1).await;
    let returned = the_reviewer_comments_and_returns(&reviewer).await;
    the_officer_finds_the_comments(&officer, &returned).await;
    let sent = the_officer_resubmits_and_sends(&officer).await;
    the_reviewer_receives_it(&reviewer, &sent, 2).await;
    let approved = the_reviewer_compares_and_approves(&reviewer).await;
    the_officer_finds_it_approved(&officer, &approved).await;
    officer.client.close().await.expect("quit");
    reviewer.client.close().await.expect("quit");
}

/// The sample, submitted on another computer by `unit` and sent: a plan
/// file `name` in `folder`.
fn a_sent_plan_file(folder: &Path, name: &str, unit: &str) -> PathBuf {
    let computer = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&computer.path().join(commplan_store::DB_FILE_NAME))
        .expect("the other computer's database");
    let sample = store.create_sample().expect("the sample");
    let own = store
        .list_units()
        .expect("the units")
        .into_iter()
        .find(|u| u.id == sample.unit_id)
        .expect("the sample's unit");
    let renamed = commplan_core::UnitInput {
        name: unit.to_string(),
        parent_body: own.parent_body,
        abbreviation: own.abbreviation,
    };
    store
        .update_unit(own.id, &renamed)
        .expect("the unit's name");
    let plan = sample.id;
    store.submit_plan(plan).expect("submitted");
    let out = store
        .plan_file(plan, FileSource::Submitted)
        .expect("its plan file");
    let path = folder.join(name);
    std::fs::write(&path, out.bytes).expect("the file arrives");
    path
}

/// What the refusal says: a Vietnamese reason, not the message of a failure
/// nobody foresaw.
async fn refused(computer: &Computer) -> String {
    let said = wait_until(&computer.client, "the refusal", |c| async move {
        let text = common::text(c, &tid("plan-file-error")).await;
        look(!text.is_empty(), text)
    })
    .await;
    assert!(!said.contains("ngoài dự kiến"), "{said}");
    said
}

/// A file cut short is refused with its reason, opened or dropped, and
/// nothing is received; a good file dropped on the window is received; a
/// file that is not a plan file is refused by its name.
#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_file_is_refused_and_a_dropped_one_received() {
    let reviewer = Computer::start("reviewer").await;
    let c = &reviewer.client;
    let folder = reviewer.inbox.parent().expect("the inbox folder");
    let good = a_sent_plan_file(
        folder,
        "Kế hoạch gửi đến.khtt",
        "Sở Nông nghiệp và Môi trường",
    );
    let bytes = std::fs::read(&good).expect("the file");
    let cut = folder.join("Kế hoạch bị cắt.khtt");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("a file cut short");

    reviewer.arrive_and_open(&cut).await;
    let said = refused(&reviewer).await;
    reviewer.shot(18, "refused").await;
    wait_for(c, &tid("received-empty")).await;

    let pid = reviewer._driver.app_pid().expect("the app's process");
    let drag = common::xdnd::drag_files(pid, vec![good.clone()]);
    wait_for_text(c, &tid("drop-hint"), "Thả tệp kế hoạch").await;
    reviewer.shot(19, "drop-hint").await;
    drag.release().expect("the drop");
    wait_count(c, &tid("drop-hint"), 0).await;
    wait_for_text(c, &tid("plan-file-opened"), "nhận").await;
    wait_count(c, &tid("received-row"), 1).await;
    reviewer.shot(20, "dropped").await;
    // The same file again changes nothing, and says so.
    reviewer.open_file(&good).await;
    wait_for(c, "[data-testid=plan-file-opened][data-outcome=unchanged]").await;
    wait_count(c, &tid("received-row"), 1).await;

    common::xdnd::drag_files(pid, vec![cut])
        .release()
        .expect("the drop");
    assert_eq!(refused(&reviewer).await, said);
    let text = folder.join("ghi-chu.txt");
    std::fs::write(&text, "không phải tệp kế hoạch").expect("a text file");
    common::xdnd::drag_files(pid, vec![text])
        .release()
        .expect("the drop");
    wait_until(c, "the text file refused by its name", |c| async move {
        let said = common::text(c, &tid("plan-file-error")).await;
        look(said.contains("ghi-chu.txt"), said)
    })
    .await;
    wait_count(c, &tid("received-row"), 1).await;
    wait_for_text(c, &tid("received-revision"), "Lần 1").await;
}

/// The app started with a plan file (as the file manager starts it) opens
/// it; a second start with another file hands it over to the first window.
#[tokio::test(flavor = "multi_thread")]
async fn plan_files_given_to_the_app_are_opened_also_from_a_second_start() {
    let bus = SessionBus::start();
    let data = tempfile::tempdir().expect("temp dir");
    let folder = data.path().join("nhan");
    std::fs::create_dir_all(&folder).expect("a folder");
    let first = a_sent_plan_file(&folder, "Sở A.khtt", "Sở Nông nghiệp và Môi trường");
    let second = a_sent_plan_file(&folder, "Sở B.khtt", "Sở Dân tộc và Tôn giáo");
    let driver = Driver::start_with(
        data.path(),
        &[("DBUS_SESSION_BUS_ADDRESS", Path::new(&bus.address))],
    );
    let client = driver
        .launch_with_args(&[first.to_str().expect("a path")])
        .await;
    wait_for_text(&client, &tid("plan-file-opened"), "nhận").await;
    wait_count(&client, &tid("received-row"), 1).await;

    let status = Command::new(APP)
        .arg(&second)
        .env("COMMPLAN_DATA_DIR", data.path())
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("start the app a second time");
    assert!(status.success(), "{status}");
    wait_count(&client, &tid("received-row"), 2).await;
    client.close().await.expect("quit");
}
