//! End-to-end: "Dòng tiêu đề trên văn bản" in step 1 shows the header's
//! names as the PDF prints them ("SỞ NÔNG NGHIỆP" / "VÀ MÔI TRƯỜNG"); the
//! officer moves a line break with a click and the keyboard, it is saved and
//! the exported PDF prints the lines as set; "Tự động" gives them back.

mod common;

use std::process::Command;

use common::{
    Driver, click, exported, look, open_sample, press, screenshot, tid, wait_for_exact_text,
    wait_for_text, wait_saved, wait_script, wait_until,
};
use fantoccini::Client;
use serde_json::json;

const LEFT: &str = "\u{E012}";
const ENTER: &str = "\u{E007}";

/// Waits until the preview of `name` (parent, unit, subject) shows `expected`, line by line.
async fn wait_lines(client: &Client, name: &str, expected: &[&str]) {
    let css = format!(
        "{} [data-testid=header-line]",
        tid(&format!("header-{name}"))
    );
    wait_script(
        client,
        &format!("the {name}'s lines to be {expected:?}"),
        "return [...document.querySelectorAll(arguments[0])]
            .map((l) => l.textContent.replace(/\\s+/g, ' ').trim());",
        &[json!(css)],
        json!(expected),
    )
    .await;
}

/// The gap after the `n`th word of the unit's name (0 is after the first).
fn unit_gap(n: usize) -> String {
    format!("{} [data-gap=\"{n}\"]", tid("header-unit"))
}

/// Waits until the gap after the unit's `n`th word has the focus.
async fn wait_focus_on_gap(client: &Client, n: usize) {
    let want = n.to_string();
    let want = &want;
    wait_until(client, &format!("the focus on gap {n}"), |c| async move {
        let gap = c
            .execute(
                "const el = document.activeElement; return el && el.dataset.gap || '';",
                vec![],
            )
            .await
            .map_err(|e| e.to_string())?;
        look(gap == json!(want), gap)
    })
    .await;
}

/// A picture of the window with the preview in the middle of it.
async fn picture(client: &Client, name: &str) {
    // Scrolled, then two frames drawn before the picture is taken.
    client
        .execute_async(
            "const [css, done] = arguments;
             document.querySelector(css).scrollIntoView({block: 'center'});
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            vec![json!(tid("header-lines"))],
        )
        .await
        .expect("scroll to the preview");
    screenshot(client, name).await;
}

/// The left column of the PDF's first page as `pdftotext -layout` lays it
/// out: the first run of text of each line, before a wide gap.
fn left_column(pdf: &std::path::Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .args(["-layout", "-f", "1", "-l", "1"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .filter_map(|l| l.trim().split("   ").next().map(str::trim))
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_header_lines_are_shown_set_by_the_officer_printed_and_set_back_to_automatic() {
    let data = tempfile::tempdir().expect("temp dir");
    let (driver, folder) = Driver::start_exporting(data.path());
    let client = driver.launch().await;
    open_sample(&client).await;

    // As the PDF prints them, before any export.
    wait_lines(&client, "unit", &["SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"]).await;
    wait_lines(&client, "parent", &["ỦY BAN NHÂN DÂN TỈNH GIA LAI"]).await;
    wait_lines(&client, "subject", &["Truyền thông chính sách năm 2027"]).await;
    wait_for_exact_text(&client, &tid("header-unit-state"), "Xuống dòng tự động").await;
    picture(&client, "header-lines-automatic").await;

    // A new line after "VÀ" with a click, then the one after "NGHIỆP" joined
    // with the keyboard: the focus stays on the gap clicked.
    click(&client, &unit_gap(3)).await;
    wait_lines(&client, "unit", &["SỞ NÔNG NGHIỆP", "VÀ", "MÔI TRƯỜNG"]).await;
    wait_focus_on_gap(&client, 3).await;
    press(&client, LEFT).await;
    wait_focus_on_gap(&client, 2).await;
    press(&client, ENTER).await;
    wait_lines(&client, "unit", &["SỞ NÔNG NGHIỆP VÀ", "MÔI TRƯỜNG"]).await;
    wait_for_exact_text(
        &client,
        &tid("header-unit-state"),
        "Xuống dòng theo cách bạn đặt",
    )
    .await;
    wait_saved(&client).await;
    picture(&client, "header-lines-set").await;

    // Printed as set.
    click(&client, &tid("export-pdf")).await;
    wait_for_text(&client, &tid("pdf-exported"), "Kế hoạch").await;
    let left = left_column(&exported(&folder, "pdf"));
    let at = left
        .iter()
        .position(|l| l == "SỞ NÔNG NGHIỆP VÀ")
        .unwrap_or_else(|| panic!("the first line as set: {left:?}"));
    assert_eq!(left[at + 1], "MÔI TRƯỜNG", "{left:?}");

    // Back to the automatic lines.
    click(&client, &tid("header-unit-auto")).await;
    wait_lines(&client, "unit", &["SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"]).await;
    wait_for_exact_text(&client, &tid("header-unit-state"), "Xuống dòng tự động").await;
    common::wait_count(&client, &tid("header-unit-auto"), 0).await;
    client.close().await.expect("quit");
}
