//! Backups of the database as the user sees them, how their files are named,
//! and which of them rotation keeps. The copying itself is the store's; this
//! module decides, without IO.
//!
//! A backup file is named `commplan-YYYYMMDD-HHMMSS-mmm-KIND.sqlite3` (UTC), so
//! that its name alone says when and why it was made and names sort by time.

use crate::codes::Code;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum BackupKind {
    /// At start-up, after the file passed its check.
    Startup,
    /// The user asked for it ("Sao lưu ngay", `commplan backup`).
    Manual,
    /// Before the schema was upgraded; never rotated away.
    PreMigration,
    /// Before a plan was imported or created from a file.
    PreImport,
    /// The data as it was just before a backup was restored over it.
    PreRestore,
}

impl BackupKind {
    pub const ALL: [BackupKind; 5] = [
        BackupKind::Startup,
        BackupKind::Manual,
        BackupKind::PreMigration,
        BackupKind::PreImport,
        BackupKind::PreRestore,
    ];

    pub fn label_vi(self) -> &'static str {
        match self {
            BackupKind::Startup => "Tự động khi khởi động",
            BackupKind::Manual => "Sao lưu thủ công",
            BackupKind::PreMigration => "Trước khi nâng cấp dữ liệu",
            BackupKind::PreImport => "Trước khi nhập kế hoạch",
            BackupKind::PreRestore => "Trước khi khôi phục",
        }
    }
}

/// One backup file, as the "Sao lưu" screen and `commplan backup --list` show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct BackupInfo {
    /// The file name inside the backup folder (also its identity over IPC).
    pub file_name: String,
    pub kind: BackupKind,
    /// When it was made, RFC 3339 in UTC.
    pub created_at: String,
    #[ts(type = "number")]
    pub size_bytes: u64,
}

/// What start-up found when the database failed its check, and what it did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Recovery {
    pub damage: Damage,
    /// Where the damaged file (and its journal files) now lie, untouched.
    pub moved_to: String,
    /// The newest backup that passed its integrity check, offered to the user.
    pub newest_good_backup: Option<BackupInfo>,
}

/// How a database file was found damaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Damage {
    /// SQLite's check found broken pages or the file is not readable as a database.
    Corrupt,
    /// The file is shorter than its header says, or empty while backups exist.
    Truncated,
    /// The journal (-wal) file that held the latest saved changes is missing.
    LostJournal,
}

impl Damage {
    /// What happened, in words the officer can act on.
    pub fn message_vi(self) -> &'static str {
        match self {
            Damage::Corrupt => {
                "Tệp dữ liệu bị hỏng (có thể do mất điện hoặc lỗi ổ đĩa) nên không mở được an toàn."
            }
            Damage::Truncated => {
                "Tệp dữ liệu bị cắt cụt (ngắn hơn kích thước ghi trong tệp), có thể do ổ đĩa đầy hoặc sao chép dở dang."
            }
            Damage::LostJournal => {
                "Tệp nhật ký (-wal) chứa những thay đổi đã lưu gần nhất bị mất (có thể do phần mềm diệt virus hoặc sao chép thiếu tệp)."
            }
        }
    }
}

const PREFIX: &str = "commplan-";
const SUFFIX: &str = ".sqlite3";

/// `commplan-20261126-140512-000-startup.sqlite3` for a backup made at `at`.
pub fn file_name(at: DateTime<Utc>, kind: BackupKind) -> String {
    format!(
        "{PREFIX}{}-{:03}-{}{SUFFIX}",
        at.format("%Y%m%d-%H%M%S"),
        at.timestamp_subsec_millis().min(999),
        kind.code()
    )
}

/// The `n`-th name (from 2) for a backup made in the same millisecond as another.
pub fn numbered_file_name(at: DateTime<Utc>, kind: BackupKind, n: u32) -> String {
    let base = file_name(at, kind);
    match base.strip_suffix(SUFFIX) {
        Some(stem) if n > 1 => format!("{stem}-{n}{SUFFIX}"),
        _ => base,
    }
}

/// When and why a backup was made, read back from its name; `None` for a file
/// that is not one of ours (it is then never touched).
pub fn parse_file_name(name: &str) -> Option<(DateTime<Utc>, BackupKind)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (stamp, kind) = (rest.get(..15)?, rest.get(15..)?);
    let millis = kind.get(1..4)?;
    if kind.get(..1)? != "-" || !millis.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let kind = kind.get(4..)?;
    let kind = kind.strip_prefix('-')?;
    // Two backups of one kind in the same millisecond get "-2", "-3" … after the kind.
    let kind = match kind.rsplit_once('-') {
        Some((code, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            BackupKind::from_code(code)?
        }
        _ => BackupKind::from_code(kind)?,
    };
    let (day, clock) = stamp.split_once('-')?;
    if day.len() != 8
        || clock.len() != 6
        || !(day.bytes().chain(clock.bytes())).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let num = |s: &str| s.parse::<u32>().ok();
    let date = NaiveDate::from_ymd_opt(
        i32::try_from(num(&day[..4])?).ok()?,
        num(&day[4..6])?,
        num(&day[6..])?,
    )?;
    let at = date.and_hms_milli_opt(
        num(&clock[..2])?,
        num(&clock[2..4])?,
        num(&clock[4..])?,
        num(millis)?,
    )?;
    Some((at.and_utc(), kind))
}

/// How many of each period rotation keeps.
pub const KEEP_DAILY: usize = 7;
pub const KEEP_WEEKLY: usize = 4;
pub const KEEP_MONTHLY: usize = 12;
/// Copies made just before a restore are kept apart from the rotation: the
/// newest few always stay, so a mistaken restore can itself be undone.
pub const KEEP_PRE_RESTORE: usize = 5;

/// The names among `names` that rotation deletes. Kept: every pre-migration
/// copy; the newest [`KEEP_PRE_RESTORE`] pre-restore copies; and of the rest,
/// the newest copy of each of the [`KEEP_DAILY`] most recent days that have
/// one, of each of the [`KEEP_WEEKLY`] most recent ISO weeks, and of each of
/// the [`KEEP_MONTHLY`] most recent months. Names that are not backups are
/// never returned.
pub fn to_delete(names: &[String]) -> Vec<String> {
    let mut parsed: Vec<(DateTime<Utc>, BackupKind, &String)> = names
        .iter()
        .filter_map(|n| parse_file_name(n).map(|(at, kind)| (at, kind, n)))
        .collect();
    // Newest first; the name breaks ties so the result does not depend on the input order.
    parsed.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| b.2.cmp(a.2)));

    let mut keep = std::collections::HashSet::new();
    for (_, _, name) in parsed.iter().filter(|p| p.1 == BackupKind::PreMigration) {
        keep.insert(*name);
    }
    for (_, _, name) in parsed
        .iter()
        .filter(|p| p.1 == BackupKind::PreRestore)
        .take(KEEP_PRE_RESTORE)
    {
        keep.insert(*name);
    }
    let rotated: Vec<&(DateTime<Utc>, BackupKind, &String)> = parsed
        .iter()
        .filter(|p| !matches!(p.1, BackupKind::PreMigration | BackupKind::PreRestore))
        .collect();
    let mut keep_newest_per = |period: &dyn Fn(DateTime<Utc>) -> (i32, u32), count: usize| {
        let mut seen = Vec::new();
        for (at, _, name) in &rotated {
            let key = period(*at);
            if !seen.contains(&key) {
                if seen.len() == count {
                    break;
                }
                seen.push(key);
                keep.insert(*name);
            }
        }
    };
    keep_newest_per(&|at| (at.year(), at.ordinal()), KEEP_DAILY);
    keep_newest_per(
        &|at| {
            let week = at.iso_week();
            (week.year(), week.week())
        },
        KEEP_WEEKLY,
    );
    keep_newest_per(&|at| (at.year(), at.month()), KEEP_MONTHLY);

    parsed
        .iter()
        .filter(|p| !keep.contains(p.2))
        .map(|p| p.2.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    /// A moment in UTC.
    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32, ms: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, s)
            .single()
            .expect("a real moment")
            + Duration::milliseconds(i64::from(ms))
    }

    #[test]
    fn names_round_trip_and_strangers_are_ignored() {
        let at = utc(2026, 11, 26, 14, 5, 12, 345);
        for kind in BackupKind::ALL {
            let name = file_name(at, kind);
            assert_eq!(parse_file_name(&name), Some((at, kind)), "{name}");
        }
        assert_eq!(
            file_name(at, BackupKind::Startup),
            "commplan-20261126-140512-345-startup.sqlite3"
        );
        assert_eq!(
            parse_file_name(&numbered_file_name(at, BackupKind::PreMigration, 3)),
            Some((at, BackupKind::PreMigration))
        );
        assert_eq!(
            numbered_file_name(at, BackupKind::PreRestore, 2),
            "commplan-20261126-140512-345-pre-restore-2.sqlite3"
        );
        for stranger in [
            "commplan.sqlite3",
            "commplan-20261126-140512-345-startup.sqlite3-journal",
            "commplan-20261126-140512-345-unknown.sqlite3",
            "commplan-20261332-140512-345-startup.sqlite3",
            "commplan-2026112-1405123-345-startup.sqlite3",
            "commplan-20261126-140512-startup.sqlite3",
            "notes.txt",
        ] {
            assert_eq!(parse_file_name(stranger), None, "{stranger}");
        }
    }

    /// One startup backup a day at 08:00 for `days` days ending on 2026-11-26.
    fn daily(days: i64) -> Vec<String> {
        let last = utc(2026, 11, 26, 8, 0, 0, 0);
        (0..days)
            .map(|d| file_name(last - Duration::days(d), BackupKind::Startup))
            .collect()
    }

    #[test]
    fn rotation_keeps_seven_days_four_weeks_and_twelve_months() {
        let names = daily(800);
        let deleted = to_delete(&names);
        let kept: Vec<DateTime<Utc>> = names
            .iter()
            .filter(|n| !deleted.contains(n))
            .map(|n| parse_file_name(n).expect("ours").0)
            .collect();
        // The seven newest days are all kept.
        for d in 0..7 {
            assert!(kept.contains(&(utc(2026, 11, 26, 8, 0, 0, 0) - Duration::days(d))));
        }
        // Daily 7 + weekly and monthly picks that are not already among them.
        let weeks: std::collections::HashSet<_> = kept
            .iter()
            .map(|at| at.iso_week())
            .map(|w| (w.year(), w.week()))
            .collect();
        assert!(weeks.len() >= 4);
        let months: std::collections::HashSet<_> =
            kept.iter().map(|at| (at.year(), at.month())).collect();
        assert_eq!(months.len(), 12, "{kept:?}");
        // Nothing older than twelve months survives.
        let oldest = kept.iter().min().expect("some kept");
        assert!(*oldest >= utc(2025, 12, 1, 0, 0, 0, 0), "{oldest}");
        assert!(kept.len() <= KEEP_DAILY + KEEP_WEEKLY + KEEP_MONTHLY);
        // The result does not depend on the order of the listing.
        let mut reversed = names.clone();
        reversed.reverse();
        let mut a = to_delete(&reversed);
        let mut b = deleted.clone();
        a.sort();
        b.sort();
        assert_eq!(a, b);
    }

    #[test]
    fn several_backups_a_day_keep_only_the_newest_of_older_days() {
        let mut names = Vec::new();
        for hour in [8, 12, 17] {
            names.push(file_name(
                utc(2026, 11, 25, 0, 0, 0, 0) + Duration::hours(hour),
                BackupKind::Manual,
            ));
        }
        let deleted = to_delete(&names);
        assert_eq!(deleted.len(), 2);
        assert!(!deleted.contains(&names[2]), "the newest of the day stays");
    }

    #[test]
    fn pre_migration_copies_are_never_rotated_and_pre_restore_keeps_five() {
        let mut names = daily(400);
        let old = utc(2020, 1, 1, 0, 0, 0, 0);
        let migrations: Vec<String> = (0..3)
            .map(|i| file_name(old + Duration::days(i), BackupKind::PreMigration))
            .collect();
        names.extend(migrations.clone());
        let restores: Vec<String> = (0..8)
            .map(|i| file_name(old + Duration::hours(i), BackupKind::PreRestore))
            .collect();
        names.extend(restores.clone());
        names.push("somebody-else.sqlite3".into());
        let deleted = to_delete(&names);
        for m in &migrations {
            assert!(!deleted.contains(m), "{m}");
        }
        let kept_restores: Vec<&String> =
            restores.iter().filter(|r| !deleted.contains(r)).collect();
        assert_eq!(kept_restores.len(), KEEP_PRE_RESTORE);
        assert!(kept_restores.contains(&&restores[7]), "the newest stays");
        assert!(!deleted.contains(&"somebody-else.sqlite3".to_string()));
    }
}
