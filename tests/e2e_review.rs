//! End-to-end: the directive check on the sample plan. A blocking gap shows as a
//! finding (and as a count beside its step); "Sửa" takes the officer to the
//! field; filling it in clears the finding.

mod common;

use common::{
    Driver, click, fill, screenshot, tid, wait_count, wait_for, wait_for_text, wait_saved,
};

#[tokio::test(flavor = "multi_thread")]
async fn a_blocking_gap_is_found_located_and_cleared() {
    let data = tempfile::tempdir().expect("temp dir");
    let driver = Driver::start(data.path());
    let client = driver.launch().await;
    click(&client, &tid("open-sample")).await;

    // The sample meets every required point.
    click(&client, &tid("view-check")).await;
    wait_for_text(&client, &tid("check-summary"), "có thể trình").await;
    wait_for_text(&client, &tid("check-blocking"), "0").await;
    wait_count(&client, "[data-testid=finding].blocking", 0).await;

    // Remove the spokesperson: one blocking finding, counted beside its step.
    click(&client, &tid("step-staffing")).await;
    fill(&client, "plan.spokespersonName", "").await;
    wait_saved(&client).await;
    wait_for_text(
        &client,
        &format!("{} {}", tid("step-staffing"), tid("step-findings")),
        "1",
    )
    .await;
    click(&client, &tid("view-check")).await;
    wait_for_text(&client, &tid("check-summary"), "Còn 1 mục bắt buộc").await;
    wait_count(&client, "[data-testid=finding].blocking", 1).await;
    let finding = "[data-testid=finding][data-rule=\"staffing.spokesperson\"]";
    wait_for_text(&client, finding, "Nghị định").await;
    screenshot(&client, "check").await;

    // "Sửa" opens the staffing step with the field focused.
    click(&client, &format!("{finding} {}", tid("finding-go"))).await;
    wait_for(&client, &tid("plan.spokespersonName")).await;
    let deadline = std::time::Instant::now() + common::WAIT;
    loop {
        let focused = client
            .execute(
                "return document.activeElement && document.activeElement.dataset.testid",
                vec![],
            )
            .await
            .expect("active element");
        if focused.as_str() == Some("plan.spokespersonName") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "focused: {focused}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    // Filling it in clears the finding.
    fill(&client, "plan.spokespersonName", "Nguyễn Văn Phát").await;
    wait_saved(&client).await;
    click(&client, &tid("view-check")).await;
    wait_for_text(&client, &tid("check-summary"), "có thể trình").await;
    wait_count(&client, "[data-testid=finding].blocking", 0).await;
    assert_eq!(
        common::count(
            &client,
            &format!("{} {}", tid("step-staffing"), tid("step-findings"))
        )
        .await,
        0
    );
    client.close().await.expect("quit");
}
