//! Everything fits an office laptop's window: at 1366×768 and at 1280×720,
//! on every screen, every step and every overview of the editor, with the
//! sample plan and with the stress plan, and on Tổng hợp (their plan files
//! opened: the board and every view), the page never scrolls sideways, no
//! box inside it scrolls sideways, and no control sits outside the window.
//! A picture of each screen is saved as `target/screenshots/layout-…png`.
//! A text area shows all its text, as it is typed and when the window narrows.

mod common;

use std::path::Path;

use common::{
    Driver, click, fill, look, screenshot, text, tid, wait_for, wait_for_text, wait_script,
    wait_until,
};
use commplan_core::file::PlanFile;
use commplan_core::planfile::FileSource;
use commplan_core::stress::large_plan;
use commplan_store::Store;
use fantoccini::Client;

/// The window sizes of the laptops officers use.
const SIZES: [(u32, u32); 2] = [(1366, 768), (1280, 720)];

/// What does not fit the window, one line per problem; empty when all fits.
const PROBE: &str = r#"
    const w = document.documentElement.clientWidth;
    const name = (el) => {
        const id = el.closest('[data-testid]')?.getAttribute('data-testid') ?? '';
        const text = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 30);
        return `${el.tagName.toLowerCase()}[${id}] “${text}”`;
    };
    // One line per kind of problem, with how many elements have it.
    const seen = new Map();
    const problems = { push: (p) => { const k = p.replace(/ at .*$/, ''); seen.set(k, [(seen.get(k)?.[0] ?? 0) + 1, p]); } };
    const page = document.documentElement.scrollWidth;
    if (page > w) problems.push(`the page is ${page} px wide in a ${w} px window`);
    for (const el of document.querySelectorAll('body *')) {
        const x = getComputedStyle(el).overflowX;
        if ((x === 'auto' || x === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
            problems.push(`${name(el)} scrolls sideways (${el.scrollWidth} > ${el.clientWidth} px)`);
        }
    }
    const controls = 'button, input:not([type=hidden]), select, textarea, a[href], summary';
    for (const el of document.querySelectorAll(controls)) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < -0.5 || r.right > w + 0.5) {
            problems.push(`${name(el)} lies outside the window at ${Math.round(r.left)}–${Math.round(r.right)} px`);
        }
    }
    // The toolbar of the editor stays on one line: "Xuất PDF" never wraps.
    const pdf = document.querySelector('[data-testid=export-pdf]');
    if (pdf) {
        const line = parseFloat(getComputedStyle(pdf).lineHeight) || 20;
        const text = document.createRange();
        text.selectNodeContents(pdf);
        const lines = new Set([...text.getClientRects()].map((r) => Math.round(r.top))).size;
        if (lines > 1 || pdf.getBoundingClientRect().height > 2.5 * line) {
            problems.push(`“Xuất PDF” takes ${lines} lines`);
        }
    }
    return [...seen.values()].map(([n, p]) => (n > 1 ? `${p} (and ${n - 1} more)` : p));
"#;

/// Resizes the window and waits until the page has the new width.
async fn resize(client: &Client, (w, h): (u32, u32)) {
    client
        .set_window_size(w, h)
        .await
        .expect("resize the window");
    wait_script(
        client,
        &format!("the page {w} px wide"),
        "return window.innerWidth;",
        &[],
        serde_json::json!(w),
    )
    .await;
}

/// Saves a picture of the screen shown and gives what of it does not fit.
async fn misfits(client: &Client, label: &str) -> Vec<String> {
    // Waits a moment for late layout (fonts, chunks drawn on scroll) by
    // waiting until two probes a poll apart agree.
    let problems = wait_until(
        client,
        &format!("{label}: a settled layout"),
        |c| async move {
            let first = probe(c).await;
            let again = probe(c).await;
            look(first == again, first)
        },
    )
    .await;
    screenshot(client, &format!("layout-{label}")).await;
    problems
        .into_iter()
        .map(|p| format!("{label}: {p}"))
        .collect()
}

async fn probe(client: &Client) -> Vec<String> {
    let value = client.execute(PROBE, vec![]).await.expect("layout probe");
    serde_json::from_value(value).expect("a list of problems")
}

/// The test ids of the editor's steps and overviews, in the side bar's order.
async fn sections(client: &Client) -> Vec<String> {
    let value = client
        .execute(
            "return [...document.querySelectorAll('.steps [data-testid^=step-], .steps [data-testid^=view-]')]
                .filter((b) => b.tagName === 'BUTTON')
                .map((b) => b.getAttribute('data-testid'));",
            vec![],
        )
        .await
        .expect("the side bar");
    serde_json::from_value(value).expect("test ids")
}

/// Every step and overview of the open plan, at the window's current size.
async fn every_section(client: &Client, plan: &str, size: (u32, u32)) -> Vec<String> {
    let mut problems = Vec::new();
    let ids = sections(client).await;
    assert!(ids.len() >= 13, "steps and overviews: {ids:?}");
    for id in ids {
        let name = text(client, &format!("{} .step-name", tid(&id))).await;
        click(client, &tid(&id)).await;
        wait_for_text(client, "[data-testid=step-heading]", &name).await;
        let label = format!("{plan}-{}x{}-{}", size.0, size.1, id);
        problems.extend(misfits(client, &label).await);
    }
    problems
}

/// The plan list, the unit list, the shared lists and the backups.
async fn every_screen(client: &Client, size: (u32, u32)) -> Vec<String> {
    let mut problems = Vec::new();
    for (nav, ready) in [
        ("nav-units", "[data-testid=unit-row]"),
        (
            "nav-catalogs",
            "[data-testid=catalog-channel] [data-testid=ref-item]",
        ),
        ("nav-backups", "[data-testid=backup-now]"),
        ("nav-plans", "[data-testid=plan-row]"),
    ] {
        click(client, &tid(nav)).await;
        wait_for(client, ready).await;
        let label = format!("{}x{}-{nav}", size.0, size.1);
        problems.extend(misfits(client, &label).await);
    }
    problems
}

/// Tổng hợp of 2028 (the stress plan's file and the sample's, of another
/// year): the board, then every view.
async fn consolidation(client: &Client, size: (u32, u32)) -> Vec<String> {
    let mut problems = Vec::new();
    click(client, &tid("nav-consolidate")).await;
    for tab in [
        "board",
        "activities",
        "policies",
        "spokespersons",
        "press",
        "budget",
    ] {
        click(client, &tid(&format!("cons-tab-{tab}"))).await;
        let ready = match tab {
            "board" => "[data-testid=cons-row][data-state=draft]".to_string(),
            view => format!(
                "[data-view={view}] [data-testid=cons-view-row], [data-testid=cons-view-empty]"
            ),
        };
        wait_for(client, &ready).await;
        let label = format!("{}x{}-consolidate-{tab}", size.0, size.1);
        problems.extend(misfits(client, &label).await);
    }
    problems
}

/// Writes the plan files of every plan in `store` into `folder`, as their units send them.
fn plan_files(store: &Store, folder: &Path) {
    std::fs::create_dir_all(folder).expect("the plan files' folder");
    for plan in store.list_plans().expect("the plans") {
        let out = store
            .plan_file(plan.id, FileSource::Draft)
            .expect("a plan file");
        std::fs::write(folder.join(out.file_name), out.bytes).expect("write the plan file");
    }
}

/// Opens the plan files on Tổng hợp for 2028 (`COMMPLAN_OPEN_FILE` names their folder).
async fn open_plan_files(client: &Client) {
    click(client, &tid("nav-consolidate")).await;
    wait_for(client, &tid("cons-empty")).await;
    fill(client, "cons-year", "2028").await;
    wait_for_text(client, &tid("cons-empty"), "2028").await;
    click(client, &tid("cons-open-folder")).await;
    wait_for(client, "[data-testid=cons-row][data-state=draft]").await;
}

/// Opens the plan whose row holds `title` from the plan list.
async fn open_plan(client: &Client, title: &str) {
    click(client, &tid("nav-plans")).await;
    let row = format!("//tr[@data-testid='plan-row'][contains(., '{title}')]/td[1]");
    let cell = client
        .wait()
        .at_most(common::WAIT)
        .for_element(fantoccini::Locator::XPath(&row))
        .await
        .unwrap_or_else(|e| panic!("the plan “{title}” in the list: {e}"));
    cell.click().await.expect("open the plan");
    wait_for(client, "[data-testid=plan-editor] [data-testid=step-list]").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_fits_an_office_laptop_with_the_sample_and_the_stress_plan() {
    let data = tempfile::tempdir().expect("temp dir");
    let files = data.path().join("khtt");
    {
        let mut store =
            Store::open(&data.path().join(commplan_store::DB_FILE_NAME)).expect("open store");
        store.create_sample().expect("the sample plan");
        store
            .import_plan(&PlanFile::new(large_plan(100, 1_000, 2028)))
            .expect("the stress plan");
        plan_files(&store, &files);
    }
    let driver = Driver::start_with(data.path(), &[("COMMPLAN_OPEN_FILE", &files)]);
    let client = driver.launch().await;
    wait_for(&client, "[data-testid=plan-row] td").await;
    open_plan_files(&client).await;
    let mut problems = Vec::new();
    for size in SIZES {
        resize(&client, size).await;
        problems.extend(every_screen(&client, size).await);
        problems.extend(consolidation(&client, size).await);
        for (plan, year) in [("sample", "2027"), ("stress", "2028")] {
            open_plan(&client, year).await;
            problems.extend(every_section(&client, plan, size).await);
        }
    }
    client.close().await.expect("quit");
    assert!(
        problems.is_empty(),
        "what does not fit the window:\n{}",
        problems.join("\n")
    );
}

/// The height of the text area `testid`, whether it shows all its text, and its width.
const AREA: &str = r#"
    const area = document.querySelector(`[data-testid="${arguments[0]}"]`);
    const r = area.getBoundingClientRect();
    return [Math.round(r.height), area.scrollHeight <= area.clientHeight + 1, Math.round(r.width)];
"#;

/// Waits until the text area `testid` shows all its text and is taller than
/// `than` px; gives its height and its width.
async fn wait_area_taller(client: &Client, testid: &str, than: u64) -> (u64, u64) {
    let what = format!("{testid} showing all its text, taller than {than} px");
    let seen = wait_until(client, &what, |c| async move {
        let got = c
            .execute(AREA, vec![testid.into()])
            .await
            .map_err(|e| e.to_string())?;
        let height = got[0].as_u64().unwrap_or(0);
        look(height > than && got[1] == serde_json::json!(true), got)
    })
    .await;
    let px = |i: usize| seen[i].as_u64().expect("pixels");
    (px(0), px(2))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_text_area_grows_with_its_text_and_when_the_window_narrows() {
    let (_data, _driver, client) = common::start_app().await;
    resize(&client, (1366, 768)).await;
    common::open_sample(&client).await;
    let area = "plan.purposes";
    let (before, wide) = wait_area_taller(&client, area, 0).await;
    let text =
        "Nâng cao nhận thức của cán bộ, công chức và Nhân dân về chính sách mới. ".repeat(40);
    fill(&client, area, &text).await;
    let (typed, typed_wide) = wait_area_taller(&client, area, before).await;
    eprintln!(
        "purposes: {before} px before ({wide} px wide), {typed} px typed ({typed_wide} px wide)"
    );
    // The step's column narrows with the window, and the text area with it.
    resize(&client, (1100, 768)).await;
    let (narrow, width) = wait_area_taller(&client, area, typed).await;
    assert!(
        width < wide,
        "the text area is {width} px wide, {wide} px before"
    );
    eprintln!(
        "purposes: {before} px before, {typed} px typed ({wide} px wide), {narrow} px at {width} px wide"
    );
    client.close().await.expect("quit");
}
