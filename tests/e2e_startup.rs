//! Start-up and memory beside an empty Tauri window. Each start is timed from
//! the WebDriver's new-session request to the first element found: for the
//! app its plan list, ready to use (the sample plan's button enabled, once the
//! plans are read); for the empty window its page. The calls go to
//! WebKitWebDriver itself, not through tauri-driver's proxy, which made one
//! call in five wait about 44 ms more at random
//! ([`Driver::launch_program_natively`]). Then the memory of each once it
//! has settled ([`settled_memory`]), the app with the sample plan open at its
//! budget step: the proportional set size of its process and the web
//! processes it started.
//!
//! `scripts/bench-startup` builds the empty window (bench/empty-window) with
//! the same profile, gives it here as `COMMPLAN_EMPTY_WINDOW`, sets
//! `COMMPLAN_STARTS=10` and prints the medians; nothing is asserted about
//! them. The empty window is measured twice: as Tauri draws it by default,
//! and drawn as the app draws its page on Linux, without WebKit's GPU
//! compositing (`WEBKIT_DISABLE_COMPOSITING_MODE=1`; the app sets it from its
//! code, `drawing.rs`), so that what the setting saves is seen apart from the
//! app's own cost. In the normal suite only the app is started, once, and the
//! test asserts what the figures are read from: its plan list shows, and its
//! processes' memory is found.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::procs::{Memory, memory_of};
use common::{APP, Driver, WAIT, click, look, open_sample, tid, wait_for, wait_for_condition};
use fantoccini::{Client, Locator};

const APP_READY: &str = "[data-testid=open-sample]:not([disabled])";
const EMPTY_READY: &str = "[data-testid=empty-page]";
/// Starts before those timed, to fill the system's caches.
const WARM_UP: usize = 2;

/// A program to start again and again, on a data folder of its own.
struct Program {
    label: &'static str,
    path: String,
    /// Its process's name, as `/proc` gives it.
    name: &'static str,
    ready: &'static str,
    driver: Driver,
    _data: tempfile::TempDir,
}

impl Program {
    fn new(label: &'static str, path: String, name: &'static str, ready: &'static str) -> Self {
        Program::with_env(label, path, name, ready, &[])
    }

    /// As [`Program::new`], with more environment for the program.
    fn with_env(
        label: &'static str,
        path: String,
        name: &'static str,
        ready: &'static str,
        env: &[(&str, &Path)],
    ) -> Self {
        let data = tempfile::tempdir().expect("temp dir");
        let driver = Driver::start_with(data.path(), env);
        Program {
            label,
            path,
            name,
            ready,
            driver,
            _data: data,
        }
    }

    /// Starts the program and waits, asking the WebDriver again and again
    /// without pause, for its first element; gives the client and the
    /// milliseconds from the session request.
    async fn start(&self) -> (Client, f64) {
        let t0 = Instant::now();
        let client = self
            .driver
            .launch_program_natively(Path::new(&self.path), &[])
            .await;
        loop {
            match client.find(Locator::Css(self.ready)).await {
                Ok(_) => break,
                Err(e) if e.is_no_such_element() && t0.elapsed() < WAIT => {}
                Err(e) => panic!("{}: {} not shown: {e}", self.label, self.ready),
            }
        }
        (client, t0.elapsed().as_secs_f64() * 1000.0)
    }

    /// Ends the session and waits until the process is gone (a second app
    /// started meanwhile would only hand over to the first).
    async fn stop(&self, client: Client) {
        let pid = self.pid();
        client.close().await.expect("end the session");
        wait_for_condition(&format!("{} to end", self.label), || {
            let running = std::path::Path::new(&format!("/proc/{pid}")).exists();
            look(!running, format!("process {pid} running"))
        })
        .await;
    }

    fn pid(&self) -> u32 {
        self.driver
            .pid_of(self.name)
            .unwrap_or_else(|| panic!("the process of {}", self.label))
    }
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

fn median(times: &mut [f64]) -> f64 {
    times.sort_by(f64::total_cmp);
    let n = times.len();
    if n % 2 == 1 {
        times[n / 2]
    } else {
        (times[n / 2 - 1] + times[n / 2]) / 2.0
    }
}

/// Times `starts` starts of each program, one after the other in turn (so
/// that a load on the machine weighs on both alike); gives the medians.
async fn time_starts(programs: &[Program], starts: usize) -> Vec<f64> {
    let warm_up = if starts > 1 { WARM_UP } else { 0 };
    let mut times = vec![Vec::new(); programs.len()];
    for k in 0..starts + warm_up {
        for (program, times) in programs.iter().zip(&mut times) {
            let (client, ms) = program.start().await;
            program.stop(client).await;
            if k >= warm_up {
                times.push(ms);
            }
        }
    }
    times.iter_mut().map(|t| median(t)).collect()
}

/// How often the memory is read while it settles.
const MEMORY_READ_EVERY: Duration = Duration::from_millis(150);
/// Readings in a row that must lie within MEMORY_SPREAD_KIB of each other.
const MEMORY_READINGS: usize = 4;
const MEMORY_SPREAD_KIB: u64 = 1000;

/// The memory of the program `pid` once it has settled: read every
/// MEMORY_READ_EVERY until MEMORY_READINGS readings in a row lie within
/// MEMORY_SPREAD_KIB (or WAIT has passed), the last of them. Read at once,
/// the empty window was still growing (254–259 MB when its page was found,
/// 270–272 MB from 300 ms on, three starts) and the app still shrinking
/// (287–288 MB at its budget step, 279–280 MB a second later).
async fn settled_memory(pid: u32) -> Memory {
    let start = Instant::now();
    let mut readings: Vec<Memory> = vec![memory_of(pid)];
    loop {
        let last = &readings[readings.len().saturating_sub(MEMORY_READINGS)..];
        let low = last.iter().map(|m| m.pss_kib).min().unwrap_or(0);
        let high = last.iter().map(|m| m.pss_kib).max().unwrap_or(0);
        if (last.len() == MEMORY_READINGS && high - low <= MEMORY_SPREAD_KIB)
            || start.elapsed() > WAIT
        {
            return readings.pop().expect("a reading");
        }
        tokio::time::sleep(MEMORY_READ_EVERY).await;
        readings.push(memory_of(pid));
    }
}

/// The app's memory with the sample plan open at its budget step.
async fn app_memory(app: &Program) -> Memory {
    let (client, _) = app.start().await;
    open_sample(&client).await;
    click(&client, &tid("step-budget")).await;
    wait_for(&client, &tid("budget-words")).await;
    let memory = settled_memory(app.pid()).await;
    app.stop(client).await;
    memory
}

async fn empty_memory(empty: &Program) -> Memory {
    let (client, _) = empty.start().await;
    let memory = settled_memory(empty.pid()).await;
    empty.stop(client).await;
    memory
}

/// Megabytes (10^6 bytes) in `kib` KiB.
fn mb(kib: u64) -> f64 {
    kib as f64 * 1.024 / 1000.0
}

#[tokio::test(flavor = "multi_thread")]
async fn the_app_starts_to_its_plan_list_and_its_memory_is_measured() {
    let starts = env_number("COMMPLAN_STARTS", 1);
    let mut programs = vec![Program::new("app", APP.into(), "commplan-app", APP_READY)];
    if let Some(empty) = std::env::var_os("COMMPLAN_EMPTY_WINDOW") {
        let path = empty.to_string_lossy().into_owned();
        programs.push(Program::new(
            "empty window",
            path.clone(),
            "empty-window",
            EMPTY_READY,
        ));
        programs.push(Program::with_env(
            "empty window without GPU compositing",
            path,
            "empty-window",
            EMPTY_READY,
            &[("WEBKIT_DISABLE_COMPOSITING_MODE", Path::new("1"))],
        ));
    }
    let medians = time_starts(&programs, starts).await;
    for (program, ms) in programs.iter().zip(&medians) {
        eprintln!(
            "start-up: {}: median of {starts} starts, session to first element: {ms:.0} ms",
            program.label
        );
    }

    let app = app_memory(&programs[0]).await;
    assert!(app.pss_kib > 0, "the app's memory is read: {app:?}");
    assert!(
        app.processes.iter().any(|p| p.starts_with("WebKitWeb")),
        "the app's web process is found: {app:?}"
    );
    eprintln!(
        "memory: app, sample plan at its budget step: {:.1} MB PSS ({})",
        mb(app.pss_kib),
        app.processes.join(", ")
    );
    for (empty, ms) in programs.iter().zip(&medians).skip(1) {
        let memory = empty_memory(empty).await;
        eprintln!(
            "memory: {}: {:.1} MB PSS ({})",
            empty.label,
            mb(memory.pss_kib),
            memory.processes.join(", ")
        );
        eprintln!(
            "start-up: app - {}: {:+.0} ms (target ≤ +60 ms)",
            empty.label,
            medians[0] - ms
        );
        eprintln!(
            "memory: app - {}: {:+.1} MB (target ≤ +30 MB)",
            empty.label,
            mb(app.pss_kib) - mb(memory.pss_kib)
        );
    }
}
