//! Closing the window right after typing loses nothing: the window waits for
//! the text to be saved before it closes.

mod common;

use common::{
    check_value, click, look, open_first_plan, request_close, start_app, tid, wait_for,
    wait_for_condition,
};

#[tokio::test(flavor = "multi_thread")]
async fn text_typed_just_before_closing_the_window_is_saved() {
    let (_data, driver, client) = start_app().await;
    click(&client, &tid("open-sample")).await;
    click(&client, &tid("plan.place")).await;
    let field = wait_for(&client, &tid("plan.place")).await;
    field.clear().await.expect("clear");
    // Typed, not left, and closed at once: well within the 400 ms the field
    // waits before saving on its own.
    field.send_keys("Pleiku, Gia Lai").await.expect("type");
    let pid = driver.app_pid().expect("the app's process");
    request_close(pid);

    // The app saves and ends by itself.
    wait_for_condition("the app to close", || {
        let running = std::path::Path::new(&format!("/proc/{pid}")).exists();
        look(!running, format!("process {pid} running"))
    })
    .await;
    // End the WebDriver session of the app that is gone.
    let _ = client.close().await;

    let client = driver.launch().await;
    open_first_plan(&client).await;
    check_value(&client, "plan.place", "Pleiku, Gia Lai").await;
    client.close().await.expect("quit");
}
