//! End-to-end: "Xuất PDF" in the editor writes the official PDF where the user
//! chose (the dialog is answered by COMMPLAN_SAVE_DIR), and a character the
//! font lacks is reported before anything is written.

mod common;

use std::process::Command;

use common::{click, exported, fill, tid, wait_for_text, wait_saved};

#[tokio::test(flavor = "multi_thread")]
async fn the_plan_is_exported_to_pdf_and_an_unprintable_character_is_reported() {
    let (_data, _driver, client, folder) = common::sample_to_export().await;
    click(&client, &tid("export-pdf")).await;
    wait_for_text(
        &client,
        &tid("pdf-exported"),
        "Kế hoạch truyền thông chính sách 2027",
    )
    .await;
    let pdf = exported(&folder, "pdf");
    let out = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains("Pleiku, Gia Lai, ngày"),
        "the place typed a moment ago is in the PDF"
    );
    // The subject under "KẾ HOẠCH", as the sample writes it.
    assert!(text.contains("Truyền thông chính sách năm 2027"));
    let before = std::fs::read(&pdf).expect("pdf");

    // A Chinese character cannot be printed with the document's font: said, not dropped.
    fill(&client, "plan.title", "Kế hoạch năm 2027 中").await;
    wait_saved(&client).await;
    click(&client, &tid("export-pdf")).await;
    wait_for_text(
        &client,
        &tid("pdf-error"),
        "Phông chữ của văn bản không có ký tự",
    )
    .await;
    wait_for_text(&client, &tid("pdf-error"), "U+4E2D").await;
    assert_eq!(
        std::fs::read(&pdf).expect("pdf"),
        before,
        "the earlier PDF is untouched"
    );
    client.close().await.expect("quit");
}
