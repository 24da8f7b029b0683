//! Running the `commplan` binary as a user would, in a folder that is also
//! its data folder, and reading what it printed.

// Each test file is its own crate and uses only some of these.
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

pub fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A path as a command-line argument.
pub fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// The command ended with `code`; what it printed shown otherwise.
pub fn assert_exit(o: &Output, code: i32) {
    assert_eq!(o.status.code(), Some(code), "{}{}", out(o), err(o));
}
