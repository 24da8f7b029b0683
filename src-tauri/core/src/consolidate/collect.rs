//! Reading the files (in parallel across the cores: parsing and checking are
//! the slow part) and choosing what counts: per plan UUID the latest
//! revision (of one revision the file carrying the approval, then the one
//! written last, whose results are the newest), each plan under the unit of
//! the list it names or is mapped to.

use std::collections::HashMap;

use crate::budget::{approved_sum, total_proposed};
use crate::check::{Severity, check};
use crate::legal::Law;
use crate::model::Unit;
use crate::money::Money;
use crate::plan::PlanDocument;
use crate::planfile::{FileDecision, FileKind, FileUnit, RevisionStamp, parse};
use crate::results::{Period, PlanResults, StatusCounts};
use crate::review::ReviewAction;

use super::board::{BoardState, IgnoredFile, RefusedFile};
use super::{Input, UnitMapping};

/// How many blocking findings of a plan the board names.
const BLOCKING_NAMED: usize = 3;

/// A plan file of the year, read and checked.
#[derive(Debug, Clone)]
pub(super) struct Received {
    pub name: String,
    pub uuid: String,
    pub unit: FileUnit,
    pub revision: Option<RevisionStamp>,
    /// The approval of the revision, when the plan's file says it is approved.
    pub decision: Option<FileDecision>,
    /// When the file was written, RFC 3339, and as milliseconds for ordering.
    pub written_at: String,
    written_ms: i64,
    pub doc: PlanDocument,
    pub blocking: u32,
    pub blocking_messages: Vec<String>,
    /// `None` past the maximum.
    pub proposed: Option<Money>,
    /// `None` while no line is approved (or past the maximum).
    pub approved: Option<Money>,
    /// What was done, as an approved plan's file carries it; `None` while
    /// the file carries none.
    pub results: Option<PlanResults>,
    /// The year's activities by where they stand (`results::report`'s
    /// counts), while the file carries results.
    pub done: Option<StatusCounts>,
    /// What was spent; `None` while nothing is recorded.
    pub spent: Option<Money>,
}

impl Received {
    /// The revision number, 0 for a draft (below any revision).
    pub fn number(&self) -> i64 {
        self.revision.as_ref().map_or(0, |r| r.number)
    }

    /// True when the file carries the approval of its revision.
    pub fn approved(&self) -> bool {
        self.decision
            .as_ref()
            .is_some_and(|d| d.action == ReviewAction::Approve)
    }

    /// Where the plan stands as this file says: approved when it carries the
    /// approval, else by the document's status.
    pub fn state(&self) -> BoardState {
        if self.approved() {
            BoardState::Approved
        } else {
            BoardState::of(self.doc.status)
        }
    }
}

/// One plan identity as counted: its latest file and the older ones.
#[derive(Debug, Clone)]
pub(super) struct Counted {
    /// Index of the latest file in the consolidation's `received`.
    pub latest: usize,
    /// The older files of the same plan, newest first.
    pub older: Vec<usize>,
    /// The unit of the list it is counted under; `None` until mapped.
    pub unit_id: Option<i64>,
    /// Another plan claims the same unit.
    pub conflict: bool,
}

/// What reading a batch of files gave.
#[derive(Default)]
pub(super) struct Read {
    pub received: Vec<Received>,
    pub refused: Vec<RefusedFile>,
    pub ignored: Vec<IgnoredFile>,
}

enum Outcome {
    Received(Box<Received>),
    Refused(RefusedFile),
    Ignored(IgnoredFile),
}

/// Reads every input, on as many threads as there are cores; the outcomes
/// keep the inputs' order.
pub(super) fn read_all(year: i32, inputs: Vec<Input>, law: &Law) -> Read {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, inputs.len().max(1));
    let mut shares: Vec<Vec<(usize, Input)>> = (0..threads).map(|_| Vec::new()).collect();
    for (i, input) in inputs.into_iter().enumerate() {
        shares[i % threads].push((i, input));
    }
    let mut outcomes: Vec<(usize, Outcome)> = std::thread::scope(|s| {
        let handles: Vec<_> = shares
            .into_iter()
            .map(|share| {
                s.spawn(move || {
                    share
                        .into_iter()
                        .map(|(i, input)| (i, read_one(year, input, law)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    outcomes.sort_by_key(|(i, _)| *i);
    let mut read = Read::default();
    for (_, outcome) in outcomes {
        match outcome {
            Outcome::Received(r) => read.received.push(*r),
            Outcome::Refused(r) => read.refused.push(r),
            Outcome::Ignored(i) => read.ignored.push(i),
        }
    }
    read
}

/// One file: refused with the parser's reason, ignored (a return file,
/// another year), or read and checked.
fn read_one(year: i32, input: Input, law: &Law) -> Outcome {
    let Input { name, bytes } = input;
    let file = match parse(&bytes) {
        Ok(file) => file,
        Err(e) => {
            return Outcome::Refused(RefusedFile {
                file_name: name,
                reason: e.message,
            });
        }
    };
    drop(bytes);
    let ignored = |reason: String| {
        Outcome::Ignored(IgnoredFile {
            file_name: name.clone(),
            reason,
            duplicate: false,
        })
    };
    if file.kind == FileKind::Return {
        return ignored(
            "Tệp trả lời (ý kiến và quyết định của người xem xét), không phải tệp kế hoạch: không dùng để tổng hợp."
                .to_string(),
        );
    }
    if file.year != year {
        return ignored(format!(
            "Kế hoạch năm {} của {}: không thuộc năm tổng hợp {year}.",
            file.year, file.unit.name
        ));
    }
    let Some(doc) = file.document else {
        return ignored("Tệp không có nội dung kế hoạch.".to_string());
    };
    let year = file
        .results
        .as_ref()
        .map(|results| crate::results::report(&doc, results, Period::Year));
    let report = check(&doc, law);
    let written_ms =
        chrono::DateTime::parse_from_rfc3339(&file.written_at).map_or(0, |t| t.timestamp_millis());
    Outcome::Received(Box::new(Received {
        name,
        uuid: file.plan_uuid,
        unit: file.unit,
        revision: file.revision,
        decision: file.decision,
        written_at: file.written_at,
        written_ms,
        blocking: report.blocking,
        blocking_messages: report
            .findings
            .into_iter()
            .filter(|f| f.severity == Severity::Blocking)
            .take(BLOCKING_NAMED)
            .map(|f| f.message)
            .collect(),
        proposed: total_proposed(&doc.budget_lines).ok(),
        approved: approved_sum(&doc.budget_lines).ok().flatten(),
        results: file.results,
        done: year.as_ref().map(|y| y.counts),
        spent: year.and_then(|y| y.total_spent),
        doc,
    }))
}

/// A unit's name as names are matched: NFC, lower case, single spaces.
pub(super) fn unit_key(name: &str) -> String {
    crate::text::clean(name)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The unit of the list a file's unit is counted under: the one of the same
/// name, else the one the user mapped its name to.
fn unit_for(unit: &FileUnit, by_name: &HashMap<String, i64>, mapping: &UnitMapping) -> Option<i64> {
    by_name
        .get(&unit_key(&unit.name))
        .copied()
        .or_else(|| mapping.unit_of(&unit.name))
}

/// The latest file of each plan UUID with its older ones, in the order of
/// the unit list (plans of no unit last, each in the order read), conflicts
/// flagged; files identical to a counted one are given back as ignored.
pub(super) fn select(
    received: &[Received],
    units: &[Unit],
    mapping: &UnitMapping,
) -> (Vec<Counted>, Vec<IgnoredFile>) {
    let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
    let mut group_of: HashMap<&str, usize> = HashMap::new();
    for (i, r) in received.iter().enumerate() {
        let g = *group_of.entry(&r.uuid).or_insert_with(|| {
            groups.push((&r.uuid, Vec::new()));
            groups.len() - 1
        });
        groups[g].1.push(i);
    }
    let by_name: HashMap<String, i64> = units.iter().map(|u| (unit_key(&u.name), u.id)).collect();
    let position: HashMap<i64, usize> = units.iter().enumerate().map(|(i, u)| (u.id, i)).collect();
    let mut duplicates = Vec::new();
    let mut counted: Vec<Counted> = groups
        .into_iter()
        .map(|(_, mut files)| {
            // Newest first, of one revision the approved file first, then
            // the one written last (its results are the newest); the sort
            // is stable, so equal files keep the order read.
            files.sort_by_key(|&i| {
                let r = &received[i];
                std::cmp::Reverse((r.number(), r.approved(), r.written_ms))
            });
            let (latest, older) = without_duplicates(received, files, &mut duplicates);
            Counted {
                latest,
                older,
                unit_id: unit_for(&received[latest].unit, &by_name, mapping),
                conflict: false,
            }
        })
        .collect();
    counted.sort_by_key(|c| {
        c.unit_id
            .and_then(|id| position.get(&id))
            .map_or(usize::MAX, |p| *p)
    });
    let mut claims: HashMap<i64, usize> = HashMap::new();
    for id in counted.iter().filter_map(|c| c.unit_id) {
        *claims.entry(id).or_default() += 1;
    }
    for c in &mut counted {
        c.conflict = c
            .unit_id
            .is_some_and(|id| claims.get(&id).copied().unwrap_or(0) > 1);
    }
    (counted, duplicates)
}

/// The first of `files` (newest first) and the others, a file carrying the
/// same revision (number and hash, or a draft written at the same moment)
/// as one kept being listed as a duplicate instead.
fn without_duplicates(
    received: &[Received],
    files: Vec<usize>,
    duplicates: &mut Vec<IgnoredFile>,
) -> (usize, Vec<usize>) {
    let mut kept: Vec<usize> = Vec::with_capacity(files.len());
    for i in files {
        let r = &received[i];
        let same = kept.iter().find(|&&k| {
            let other = &received[k];
            other.revision == r.revision
                && (r.revision.is_some() || other.written_at == r.written_at)
        });
        match same {
            Some(&k) => duplicates.push(IgnoredFile {
                file_name: r.name.clone(),
                reason: duplicate_reason(&received[k], r),
                duplicate: true,
            }),
            None => kept.push(i),
        }
    }
    let latest = kept.first().copied().unwrap_or_default();
    (latest, kept.into_iter().skip(1).collect())
}

/// Why `r` does not count beside `kept`, a file of the same revision: a
/// copy, or an approved plan's file written earlier whose results are older.
fn duplicate_reason(kept: &Received, r: &Received) -> String {
    let revision = revision_label(r.number());
    if kept.approved() && r.approved() && kept.results != r.results {
        return format!(
            "Cùng kế hoạch, cùng {revision} với tệp “{}” nhưng được ghi trước: kết quả thực hiện được lấy theo tệp ghi sau.",
            kept.name
        );
    }
    format!(
        "Trùng với tệp “{}” (cùng kế hoạch, cùng {revision}).",
        kept.name
    )
}

/// "lần trình 2", or "bản nháp" (revision 0).
pub fn revision_label(number: i64) -> String {
    if number == 0 {
        "bản nháp".to_string()
    } else {
        format!("lần trình {number}")
    }
}
