//! End-to-end: the directive check and the review on the sample plan. A
//! blocking gap shows as a finding (and as a count beside its step); "Sửa" takes
//! the officer to the field; filling it in clears the finding. Then the plan is
//! submitted (and locked), returned with a comment, fixed, resubmitted and
//! approved; the difference between the two submissions is exactly that fix.

mod common;

use common::{
    check_value, choose, click, comment_on_first_activity, fill, look, screenshot, start_app, tid,
    wait_count, wait_for, wait_for_text, wait_saved, wait_script, wait_until,
};
use fantoccini::Client;
use serde_json::{Value, json};

/// The blocking findings counted beside the staffing step.
fn staffing_findings() -> String {
    format!("{} {}", tid("step-staffing"), tid("step-findings"))
}

/// Runs a review action (submit, return …) and confirms it.
async fn confirm(client: &Client, action: &str) {
    click(client, &tid(action)).await;
    click(client, &tid("confirm-yes")).await;
}

/// The sample meets every required point.
async fn the_sample_can_be_submitted(client: &Client) {
    click(client, &tid("view-check")).await;
    wait_for_text(client, &tid("check-summary"), "có thể trình").await;
    wait_for_text(client, &tid("check-blocking"), "0").await;
    wait_count(client, "[data-testid=finding].blocking", 0).await;
}

/// Removing the spokesperson makes one blocking finding, counted beside its
/// step; "Sửa" opens the step with the field focused.
async fn a_missing_spokesperson_is_found(client: &Client) {
    click(client, &tid("step-staffing")).await;
    fill(client, "plan.spokespersonName", "").await;
    wait_saved(client).await;
    wait_for_text(client, &staffing_findings(), "1").await;
    click(client, &tid("view-check")).await;
    wait_for_text(client, &tid("check-summary"), "Còn 1 mục bắt buộc").await;
    wait_count(client, "[data-testid=finding].blocking", 1).await;
    let finding = "[data-testid=finding][data-rule=\"staffing.spokesperson\"]";
    wait_for_text(client, finding, "Nghị định").await;
    screenshot(client, "check").await;

    click(client, &format!("{finding} {}", tid("finding-go"))).await;
    wait_for(client, &tid("plan.spokespersonName")).await;
    wait_script(
        client,
        "the spokesperson's name to have the focus",
        "return document.activeElement && document.activeElement.dataset.testid",
        &[],
        json!("plan.spokespersonName"),
    )
    .await;
}

/// Filling the name in clears the finding.
async fn filling_it_in_clears_the_finding(client: &Client) {
    fill(client, "plan.spokespersonName", "Nguyễn Văn Phát").await;
    wait_saved(client).await;
    click(client, &tid("view-check")).await;
    wait_for_text(client, &tid("check-summary"), "có thể trình").await;
    wait_count(client, "[data-testid=finding].blocking", 0).await;
    wait_count(client, &staffing_findings(), 0).await;
}

/// Submitting freezes revision 1 and locks the plan.
async fn submitting_locks_the_plan(client: &Client) {
    click(client, &tid("view-review")).await;
    wait_for_text(client, &tid("review-status"), "Dự thảo").await;
    confirm(client, "submit-plan").await;
    wait_for_text(client, &tid("review-status"), "Đã trình").await;
    wait_for_text(client, &tid("review-banner"), "không sửa được").await;
    click(client, &tid("step-staffing")).await;
    wait_script(
        client,
        "a submitted plan's fields to be disabled",
        "const el = document.querySelector('[data-testid=\"plan.spokespersonContact\"]');
         return el ? el.matches(':disabled') : null;",
        &[],
        json!(true),
    )
    .await;
}

/// The reviewer returns the plan with a comment on the staffing section and
/// one on a line: the first activity.
async fn the_reviewer_returns_it_with_comments(client: &Client) {
    click(client, &tid("view-review")).await;
    choose(client, &tid("comment-step"), "Nhân sự").await;
    fill(client, "comment-author", "Sở Tư pháp").await;
    fill(
        client,
        "comment-text",
        "Bổ sung số điện thoại của người phát ngôn.",
    )
    .await;
    click(client, &tid("comment-add")).await;
    wait_count(client, &tid("comment"), 1).await;
    comment_on_first_activity(client, "Ghi rõ số lượng tin, bài.", 2).await;
    confirm(client, "return-plan").await;
    wait_for_text(client, &tid("review-status"), "Trả lại").await;
}

/// The officer sees each comment where it applies, fixes it and marks it done.
async fn the_officer_deals_with_the_comments(client: &Client) {
    let count_beside = |step: &str| format!("{} {}", tid(step), tid("step-comment-count"));
    wait_for_text(client, &count_beside("step-staffing"), "1").await;
    click(client, &tid("step-staffing")).await;
    wait_for_text(
        client,
        &tid("step-comments"),
        "Bổ sung số điện thoại của người phát ngôn.",
    )
    .await;
    wait_for_text(client, &tid("step-comments"), "Sở Tư pháp").await;
    screenshot(client, "step-comments").await;
    fill(client, "plan.spokespersonContact", "0269 3823 456").await;
    wait_saved(client).await;
    click(client, &tid("step-comment-resolve")).await;
    wait_count(client, &tid("step-comments"), 0).await;

    // The line comment is on the activity itself.
    wait_for_text(client, &count_beside("step-activities"), "1").await;
    click(client, &tid("step-activities")).await;
    wait_for_text(
        client,
        &format!("{} {}", tid("item-activity"), tid("line-comment")),
        "Ghi rõ số lượng tin, bài.",
    )
    .await;
    screenshot(client, "line-comment").await;
    click(client, &tid("step-comment-resolve")).await;
    wait_count(client, &tid("line-comment"), 0).await;
}

/// Resubmitted and approved; the revisions are listed again after the approval.
async fn resubmitted_and_approved(client: &Client) {
    click(client, &tid("view-review")).await;
    wait_count(client, "[data-testid=comment][data-state=resolved]", 2).await;
    confirm(client, "resubmit-plan").await;
    wait_for_text(client, &tid("review-status"), "Trình lại").await;
    confirm(client, "approve-plan").await;
    wait_for_text(client, &tid("review-status"), "Đã phê duyệt").await;
    wait_for_text(client, &tid("review-banner"), "đã được phê duyệt").await;
    // The list of revisions (and the choice of what to compare) is read again
    // after the status: the approved revision says it is approved.
    wait_count(client, &tid("revision-row"), 2).await;
    wait_for_text(
        client,
        "[data-testid=revision-row]:last-child",
        "Đã phê duyệt",
    )
    .await;
}

/// The difference between the two submissions is exactly the fix, shown word
/// by word: what was typed is inserted, what it replaced struck out.
async fn the_difference_is_the_fix(client: &Client) {
    check_value(client, "diff-from", "1").await;
    check_value(client, "diff-to", "2").await;
    click(client, &tid("diff-compare")).await;
    wait_count(client, &tid("diff-text"), 1).await;
    wait_for(
        client,
        "[data-testid=diff-text][data-field=spokespersonContact]",
    )
    .await;
    let words = wait_until(client, "the words of the fix", |c| async move {
        let words = c
            .execute(
                "const f = document.querySelector('[data-testid=diff-text]');
                 const all = (sel) => [...f.querySelectorAll(sel)].map((e) => e.textContent).join('');
                 return [all('ins'), all('del'), all('.diff-words > *')];",
                vec![],
            )
            .await
            .map_err(|e| e.to_string())?;
        let part = |i: usize| words[i].as_str().unwrap_or_default().to_string();
        let (inserted, removed) = (part(0), part(1));
        look(
            inserted.contains("3823") && inserted.contains("456") && removed.contains("Điện thoại:"),
            (inserted, removed, words),
        )
    })
    .await;
    let (inserted, removed, words): (String, String, Value) = words;
    assert!(
        !inserted.contains("0269") && !removed.contains("0269"),
        "unchanged words stay plain: {words}"
    );
    wait_count(client, &tid("diff-list"), 0).await;
    client
        .execute(
            "document.querySelector('[data-testid=diff]').scrollIntoView()",
            vec![],
        )
        .await
        .expect("scroll");
    screenshot(client, "review-diff").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_gap_is_found_and_fixed_then_the_plan_goes_through_its_review() {
    let (_data, _driver, client) = start_app().await;
    click(&client, &tid("open-sample")).await;
    the_sample_can_be_submitted(&client).await;
    a_missing_spokesperson_is_found(&client).await;
    filling_it_in_clears_the_finding(&client).await;
    submitting_locks_the_plan(&client).await;
    the_reviewer_returns_it_with_comments(&client).await;
    the_officer_deals_with_the_comments(&client).await;
    resubmitted_and_approved(&client).await;
    the_difference_is_the_fix(&client).await;
    client.close().await.expect("quit");
}
