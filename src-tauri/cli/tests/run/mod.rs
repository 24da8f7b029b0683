//! Running the `commplan` binary as a user would, for the tests that need
//! a folder of their own.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// Runs `commplan` in the folder `dir`, which is also its data folder.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_commplan"))
        .current_dir(dir)
        .env("COMMPLAN_DATA_DIR", dir)
        .args(args)
        .output()
        .expect("run commplan")
}

/// A path as a command-line argument.
pub fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}
