//! Crash safety: a child process edits a plan through the same store API the
//! app uses and prints each edit once it is committed; the parent kills it with
//! SIGKILL at a random moment, then checks the file. 30 cycles in the normal
//! test run; `COMMPLAN_KILL_CYCLES=300` for a long run.
//!
//! The random moment is counted from a point the child reports, not from its
//! start, so that a slow machine changes nothing: in even cycles from when it
//! has opened the file and found its plan ("ready"), so the kill may land in
//! the very first edit; in odd cycles from its first committed edit, so every
//! other cycle is sure to have something committed to look for.

mod common;

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

use common::{add, create_plan, db_in, edit, temp_dir, text};
use commplan_core::Entity;
use commplan_store::Store;

const CHILD_ENV: &str = "COMMPLAN_KILL_CHILD_DB";

/// How long the child may take to report, however busy the machine.
const REPORT_TIMEOUT: Duration = Duration::from_secs(120);

/// What the child reports on its standard output.
enum Report {
    /// The file is open and the plan exists: editing starts.
    Ready,
    /// A committed edit: the line's id and its unit price.
    Edit(i64, i64),
}

fn parse_report(line: &str) -> Option<Report> {
    if line == "ready" {
        return Some(Report::Ready);
    }
    let mut parts = line.split_whitespace();
    Some(Report::Edit(
        parts.next()?.parse().ok()?,
        parts.next()?.parse().ok()?,
    ))
}

/// The child: edit for ever, printing "line-id price" after each commit.
fn child(db: &Path) {
    let mut store = Store::open(db).expect("open");
    let plan = match store.list_plans().expect("plans").first() {
        Some(p) => p.id,
        None => create_plan(&mut store, 0, 2027).id,
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready").expect("print");
    out.flush().expect("flush");
    for price in 1_000i64.. {
        let line = add(&mut store, Entity::BudgetLine, plan);
        for (name, value) in [
            ("quantity", "2,5".to_owned()),
            ("unitPrice", price.to_string()),
        ] {
            edit(&mut store, Entity::BudgetLine, line, name, text(&value));
        }
        writeln!(out, "{line} {price}").expect("print");
        out.flush().expect("flush");
    }
}

fn random_below(n: u64) -> u64 {
    let mut h = RandomState::new().build_hasher();
    h.write_u64(n);
    h.finish() % n
}

/// The test's own name: the child is this test binary running only this test.
const TEST_NAME: &str = "committed_edits_survive_sigkill_and_the_file_stays_sound";

#[test]
fn committed_edits_survive_sigkill_and_the_file_stays_sound() {
    if let Some(db) = std::env::var_os(CHILD_ENV) {
        child(Path::new(&db));
        return;
    }
    let cycles: usize = std::env::var("COMMPLAN_KILL_CYCLES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(30);
    let dir = temp_dir();
    let db = db_in(dir.path());
    let mut committed: Vec<(i64, i64)> = Vec::new();
    for cycle in 0..cycles {
        let (mut child, rx, reader) = spawn_child(dir.path(), &db);
        // Wait for the child to reach the point the random moment counts from.
        let wait_for_edit = cycle % 2 == 1;
        loop {
            match rx.recv_timeout(REPORT_TIMEOUT) {
                Ok(Report::Ready) if !wait_for_edit => break,
                Ok(Report::Ready) => {}
                Ok(Report::Edit(line, price)) => {
                    committed.push((line, price));
                    break;
                }
                Err(e) => panic!("cycle {cycle}: the child did not report ({e})"),
            }
        }
        // A random moment: the fault this test injects, not a synchronisation.
        std::thread::sleep(Duration::from_millis(random_below(120)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        reader.join().expect("reader");
        committed.extend(rx.try_iter().filter_map(|r| match r {
            Report::Edit(line, price) => Some((line, price)),
            Report::Ready => None,
        }));
        check_after_kill(&db, cycle, &committed);
    }
    // Every odd cycle waited for a committed edit.
    assert!(
        committed.len() >= cycles / 2,
        "the child committed only {} edits",
        committed.len()
    );
}

/// Starts the child on `db` and a thread that passes on what it reports.
fn spawn_child(dir: &Path, db: &Path) -> (Child, mpsc::Receiver<Report>, JoinHandle<()>) {
    let exe = std::env::current_exe().expect("test binary");
    let mut child = Command::new(exe)
        .args(["--exact", TEST_NAME, "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, db)
        .env("COMMPLAN_DATA_DIR", dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the child");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(report) = parse_report(&line) {
                let _ = tx.send(report);
            }
        }
    });
    (child, rx, reader)
}

/// After a kill: the file opens and is sound, every committed edit is there,
/// and the stored amounts and total agree with the lines.
fn check_after_kill(db: &Path, cycle: usize, committed: &[(i64, i64)]) {
    let store = Store::open(db).unwrap_or_else(|e| panic!("cycle {cycle}: {}", e.message));
    let conn = rusqlite::Connection::open(db).expect("raw open");
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(ok, "ok", "cycle {cycle}");
    let fk: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .expect("fk check");
    assert_eq!(fk, 0, "cycle {cycle}");
    let plan = store.list_plans().expect("plans")[0].id;
    let view = store.budget_view(plan).expect("budget");
    for (line, price) in committed {
        let l = view
            .lines
            .iter()
            .find(|l| l.id == *line)
            .unwrap_or_else(|| panic!("cycle {cycle}: committed line {line} is gone"));
        assert_eq!(l.unit_price.dong(), *price, "cycle {cycle}: line {line}");
    }
    // Stored amounts agree with quantity × unit price, and the total with the lines.
    for l in &view.lines {
        assert_eq!(
            l.amount,
            commplan_core::money::line_amount(l.quantity, l.unit_price).expect("amount"),
            "cycle {cycle}: line {}",
            l.id
        );
    }
    assert_eq!(
        store.sql_budget_total(plan).expect("sum"),
        view.total.dong()
    );
}
