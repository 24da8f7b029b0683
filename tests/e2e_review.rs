//! End-to-end: the directive check and the review on the sample plan. A
//! blocking gap shows as a finding (and as a count beside its step); "Sửa" takes
//! the officer to the field; filling it in clears the finding. Then the plan is
//! submitted (and locked), returned with a comment, fixed, resubmitted and
//! approved; the difference between the two submissions is exactly that fix.

mod common;

use common::{
    Driver, choose, click, fill, screenshot, tid, wait_count, wait_for, wait_for_text, wait_saved,
};

#[tokio::test(flavor = "multi_thread")]
async fn a_gap_is_found_and_fixed_then_the_plan_goes_through_its_review() {
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

    // Submit: revision 1 is frozen and the plan is locked.
    click(&client, &tid("view-review")).await;
    wait_for_text(&client, &tid("review-status"), "Dự thảo").await;
    click(&client, &tid("submit-plan")).await;
    click(&client, &tid("confirm-yes")).await;
    wait_for_text(&client, &tid("review-status"), "Đã trình").await;
    wait_for_text(&client, &tid("review-banner"), "không sửa được").await;
    click(&client, &tid("step-staffing")).await;
    let disabled = client
        .execute(
            "return document.querySelector('[data-testid=\"plan.spokespersonContact\"]').matches(':disabled')",
            vec![],
        )
        .await
        .expect("disabled");
    assert_eq!(
        disabled.as_bool(),
        Some(true),
        "a submitted plan cannot be edited"
    );

    // The reviewer returns it with a comment on the staffing section.
    click(&client, &tid("view-review")).await;
    choose(&client, &tid("comment-step"), "Nhân sự").await;
    fill(&client, "comment-author", "Sở Tư pháp").await;
    fill(
        &client,
        "comment-text",
        "Bổ sung số điện thoại của người phát ngôn.",
    )
    .await;
    click(&client, &tid("comment-add")).await;
    wait_count(&client, &tid("comment"), 1).await;
    // And one on a line: the first activity.
    choose(&client, &tid("comment-step"), "Hoạt động truyền thông").await;
    client
        .execute(
            "const s = document.querySelector('[data-testid=comment-line]');
             s.selectedIndex = 1;
             s.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .await
        .expect("choose the first activity");
    fill(&client, "comment-text", "Ghi rõ số lượng tin, bài.").await;
    click(&client, &tid("comment-add")).await;
    wait_count(&client, &tid("comment"), 2).await;
    click(&client, &tid("return-plan")).await;
    click(&client, &tid("confirm-yes")).await;
    wait_for_text(&client, &tid("review-status"), "Trả lại").await;

    // The officer sees it where it applies, fixes it and marks it done.
    wait_for_text(
        &client,
        &format!("{} {}", tid("step-staffing"), tid("step-comment-count")),
        "1",
    )
    .await;
    click(&client, &tid("step-staffing")).await;
    wait_for_text(
        &client,
        &tid("step-comments"),
        "Bổ sung số điện thoại của người phát ngôn.",
    )
    .await;
    wait_for_text(&client, &tid("step-comments"), "Sở Tư pháp").await;
    screenshot(&client, "step-comments").await;
    fill(&client, "plan.spokespersonContact", "0269 3823 456").await;
    wait_saved(&client).await;
    click(&client, &tid("step-comment-resolve")).await;
    wait_count(&client, &tid("step-comments"), 0).await;

    // The line comment is on the activity itself.
    wait_for_text(
        &client,
        &format!("{} {}", tid("step-activities"), tid("step-comment-count")),
        "1",
    )
    .await;
    click(&client, &tid("step-activities")).await;
    wait_for_text(
        &client,
        &format!("{} {}", tid("item-activity"), tid("line-comment")),
        "Ghi rõ số lượng tin, bài.",
    )
    .await;
    screenshot(&client, "line-comment").await;
    click(&client, &tid("step-comment-resolve")).await;
    wait_count(&client, &tid("line-comment"), 0).await;

    // Resubmit, approve.
    click(&client, &tid("view-review")).await;
    wait_count(&client, "[data-testid=comment][data-state=resolved]", 2).await;
    click(&client, &tid("resubmit-plan")).await;
    click(&client, &tid("confirm-yes")).await;
    wait_for_text(&client, &tid("review-status"), "Trình lại").await;
    click(&client, &tid("approve-plan")).await;
    click(&client, &tid("confirm-yes")).await;
    wait_for_text(&client, &tid("review-status"), "Đã phê duyệt").await;
    wait_for_text(&client, &tid("review-banner"), "đã được phê duyệt").await;

    // The difference between the two submissions is exactly the fix.
    wait_count(&client, &tid("revision-row"), 2).await;
    assert_eq!(common::value_of(&client, &tid("diff-from")).await, "1");
    assert_eq!(common::value_of(&client, &tid("diff-to")).await, "2");
    click(&client, &tid("diff-compare")).await;
    wait_count(&client, &tid("diff-text"), 1).await;
    wait_for(
        &client,
        "[data-testid=diff-text][data-field=spokespersonContact]",
    )
    .await;

    // Shown word by word: what was typed is inserted, what it replaced struck out.
    let words = client
        .execute(
            "const f = document.querySelector('[data-testid=diff-text]');
             const all = (sel) => [...f.querySelectorAll(sel)].map((e) => e.textContent).join('');
             return [all('ins'), all('del'), all('.diff-words > *')];",
            vec![],
        )
        .await
        .expect("diff words");
    let inserted = words[0].as_str().unwrap_or_default().to_string();
    let removed = words[1].as_str().unwrap_or_default().to_string();
    assert!(
        inserted.contains("3823") && inserted.contains("456"),
        "{words}"
    );
    assert!(removed.contains("Điện thoại:"), "{words}");
    assert!(
        !inserted.contains("0269") && !removed.contains("0269"),
        "unchanged words stay plain: {words}"
    );
    wait_count(&client, &tid("diff-list"), 0).await;
    client
        .execute(
            "document.querySelector('[data-testid=diff]').scrollIntoView()",
            vec![],
        )
        .await
        .expect("scroll");
    screenshot(&client, "review-diff").await;
    client.close().await.expect("quit");
}
