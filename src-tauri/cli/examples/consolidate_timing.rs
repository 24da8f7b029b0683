//! What a user waits for in a consolidation, measured in process (run by
//! `scripts/bench-consolidate` on the files `commplan stress-files` writes):
//! opening the files (read, parsed, checked, views built), then the board and
//! the first page of each view, then the workbook and the report.
//!
//! `cargo run --release -p commplan-cli --example consolidate_timing -- DB YEAR DIR`

use std::path::PathBuf;
use std::time::Instant;

use commplan_core::consolidate::{ViewKind, ViewQuery};

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [db, year, dir] = args.as_slice() else {
        eprintln!("usage: consolidate_timing DB YEAR DIR");
        std::process::exit(2);
    };
    let year: i32 = year.parse().expect("a year");
    let store = commplan_store::Store::open(&PathBuf::from(db)).expect("the database");
    let units = store.list_units().expect("units");
    let law = store.law().expect("law");
    let files = commplan_cli::consolidate::plan_files(&[PathBuf::from(dir)]).expect("files");

    let start = Instant::now();
    let c = commplan_cli::consolidate::read(year, &files, &units, &law);
    let opened = ms(start);
    let start = Instant::now();
    let board = c.board();
    println!(
        "open {} files: {opened:.0} ms; board ({} rows): {:.1} ms",
        files.len(),
        board.rows.len(),
        ms(start)
    );
    let mut worst: f64 = 0.0;
    for kind in ViewKind::ALL {
        let query = ViewQuery {
            limit: 100,
            ..ViewQuery::all(kind)
        };
        let start = Instant::now();
        let page = c.view(&query);
        let first = ms(start);
        let sorted = ViewQuery {
            sort: page
                .columns
                .iter()
                .find(|c| c.sortable && !c.numeric)
                .map(|c| c.key.clone()),
            filter: "chinh sach".into(),
            desc: true,
            ..query
        };
        let start = Instant::now();
        let filtered = c.view(&sorted);
        let second = ms(start);
        worst = worst.max(first).max(second);
        println!(
            "view {:?}: first page of {} rows {first:.1} ms; filtered and sorted ({} rows) {second:.1} ms",
            kind, page.total, filtered.total
        );
    }
    println!("slowest first page: {worst:.1} ms (target ≤ 300 ms)");
    let issuer = commplan_cli::consolidate::issuer(&units, None).expect("issuer");
    let start = Instant::now();
    let xlsx = commplan_core::consolidate::workbook(&c, &issuer).expect("workbook");
    println!("workbook: {:.0} ms, {} KB", ms(start), xlsx.len() / 1024);
    let start = Instant::now();
    let options = commplan_pdf::RenderOptions { created_unix: 0 };
    let pdf = commplan_pdf::consolidation_report(&c, &issuer, options).expect("report");
    println!("report: {:.0} ms, {} KB", ms(start), pdf.len() / 1024);
}
