//! The processes a test's app runs as, found through `/proc`: the app (a
//! descendant of tauri-driver) and the web processes it starts, and how much
//! memory they use together (proportional set size, from `smaps_rollup`).

use std::path::Path;

use super::Driver;

/// The parent and the name (`comm`, at most 15 bytes) of process `pid`.
fn parent_and_name(proc_dir: &Path) -> Option<(u32, String)> {
    let stat = std::fs::read_to_string(proc_dir.join("stat")).ok()?;
    // pid (comm) state ppid …; comm may hold spaces, so split after the last ')'.
    let (head, tail) = stat.rsplit_once(')')?;
    let name = head.split_once('(')?.1.to_string();
    let ppid = tail.split_whitespace().nth(1)?.parse().ok()?;
    Some((ppid, name))
}

/// Every process running now: (pid, parent, name).
fn processes() -> Vec<(u32, u32, String)> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let pid = entry.file_name().to_string_lossy().parse::<u32>().ok()?;
            let (ppid, name) = parent_and_name(&entry.path())?;
            Some((pid, ppid, name))
        })
        .collect()
}

/// `pid` and all its descendants, with their names.
fn tree(pid: u32) -> Vec<(u32, String)> {
    let all = processes();
    let mut found: Vec<(u32, String)> = all
        .iter()
        .filter(|(p, _, _)| *p == pid)
        .map(|(p, _, name)| (*p, name.clone()))
        .collect();
    let mut k = 0;
    while k < found.len() {
        let parent = found[k].0;
        found.extend(
            all.iter()
                .filter(|(_, ppid, _)| *ppid == parent)
                .map(|(p, _, name)| (*p, name.clone())),
        );
        k += 1;
    }
    found
}

/// The proportional set size of one process in KiB (the `Pss:` line of
/// `/proc/PID/smaps_rollup`), or None when it is gone or unreadable.
fn pss_kib(pid: u32) -> Option<u64> {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    rollup
        .lines()
        .find_map(|line| line.strip_prefix("Pss:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
}

/// What a running app and its web processes use together.
#[derive(Debug)]
pub struct Memory {
    /// Proportional set size of the app and every process it started, in KiB.
    pub pss_kib: u64,
    /// Those processes, each named with its own share ("WebKitWebProces 279.0 MB";
    /// the app, its WebKit web and network processes …).
    pub processes: Vec<String>,
}

/// The memory of process `pid` and its descendants.
pub fn memory_of(pid: u32) -> Memory {
    let mut memory = Memory {
        pss_kib: 0,
        processes: Vec::new(),
    };
    for (p, name) in tree(pid) {
        if let Some(kib) = pss_kib(p) {
            memory.pss_kib += kib;
            memory
                .processes
                .push(format!("{name} {:.1} MB", kib as f64 * 1.024 / 1000.0));
        }
    }
    memory
}

impl Driver {
    /// The process id of the app this driver started (a descendant of tauri-driver).
    pub fn app_pid(&self) -> Option<u32> {
        self.pid_of("commplan-app")
    }

    /// The process named `name` (as `/proc/PID/stat` gives it, at most 15
    /// bytes) among the descendants of tauri-driver.
    pub fn pid_of(&self, name: &str) -> Option<u32> {
        tree(self.child.id())
            .into_iter()
            .find(|(_, n)| n == name)
            .map(|(pid, _)| pid)
    }
}
