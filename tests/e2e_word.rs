//! End-to-end: "Xuất Word" beside "Xuất PDF" writes the plan as a Word file
//! where the user chose (the dialog is answered by COMMPLAN_SAVE_DIR), under
//! the PDF's name with .docx, holding what was typed a moment before.

mod common;

use std::io::Read;

use common::{click, exported, screenshot, tid, wait_for_text};

/// The text of `name` inside the .docx (a zip) at `path`.
fn part_of(path: &std::path::Path, name: &str) -> String {
    let file = std::fs::File::open(path).expect("the Word file");
    let mut zip = zip::ZipArchive::new(file).expect("a .docx is a zip");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name} in the .docx: {e}"))
        .read_to_string(&mut text)
        .expect("UTF-8 XML");
    text
}

#[tokio::test(flavor = "multi_thread")]
async fn the_plan_is_exported_to_word_beside_the_pdf() {
    let (_data, _driver, client, folder) = common::sample_to_export().await;
    wait_for_text(&client, &tid("export-pdf"), "Xuất PDF").await;
    wait_for_text(&client, &tid("export-word"), "Xuất Word").await;
    click(&client, &tid("export-word")).await;
    wait_for_text(
        &client,
        &tid("word-exported"),
        "Kế hoạch truyền thông chính sách 2027",
    )
    .await;
    wait_for_text(&client, &tid("word-exported"), ".docx").await;
    // Both buttons, and where the Word file went.
    screenshot(&client, "word-exported").await;

    let docx = exported(&folder, "docx");
    let name = docx.file_name().and_then(|n| n.to_str()).expect("a name");
    assert!(
        name.starts_with("Kế hoạch truyền thông chính sách 2027 - "),
        "{name}"
    );
    let document = part_of(&docx, "word/document.xml");
    assert!(
        document.contains("Pleiku, Gia Lai, ngày"),
        "the place typed a moment ago is in the Word file"
    );
    assert!(document.contains("Truyền thông chính sách năm 2027"));
    assert!(document.contains("<w:tblHeader />"));
    assert!(part_of(&docx, "word/styles.xml").contains("Times New Roman"));
    // Only the Word file: the PDF is its own button.
    assert!(
        std::fs::read_dir(&folder)
            .expect("the export folder")
            .flatten()
            .all(|e| e.path().extension().is_none_or(|x| x != "pdf"))
    );
    client.close().await.expect("quit");
}
