//! The activities across units counted by channel, stage and month: what
//! the report prints as its first appendix (the list of every activity is
//! the view and the workbook's sheet).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::plan::Stage;
use crate::schedule::months_of;
use crate::text::fold;

use super::Consolidation;

/// The activities of one channel in one stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ActivityCount {
    /// The channel's name ("" for activities of no channel).
    pub channel: String,
    /// `None`: activities of no stage.
    pub stage: Option<Stage>,
    /// Activities taking place in each month, January first (one that lasts
    /// several months counts in each).
    pub months: Vec<u32>,
    /// Activities, each once.
    pub activities: u32,
    /// Units with at least one of them.
    pub units: u32,
}

/// The place of `stage` in the lifecycle, none last.
fn stage_rank(stage: Option<Stage>) -> usize {
    stage
        .and_then(|s| Stage::ALL.iter().position(|x| *x == s))
        .unwrap_or(Stage::ALL.len())
}

/// Every (channel, stage) with activities, by channel (folded, the first
/// spelling met shown) then stage in the lifecycle's order.
pub(super) fn activity_counts(c: &Consolidation) -> Vec<ActivityCount> {
    let mut index: HashMap<(String, usize), usize> = HashMap::new();
    let mut out: Vec<(String, ActivityCount, Vec<i64>)> = Vec::new();
    for (counted, r) in c.assigned() {
        let doc = &r.doc;
        for a in &doc.activities {
            let channel = doc.channel_name(a.channel_id).unwrap_or_default();
            let key = (fold(channel), stage_rank(a.stage));
            let i = *index.entry(key.clone()).or_insert_with(|| {
                let count = ActivityCount {
                    channel: channel.to_string(),
                    stage: a.stage,
                    months: vec![0; 12],
                    activities: 0,
                    units: 0,
                };
                out.push((key.0, count, Vec::new()));
                out.len() - 1
            });
            let (_, count, units) = &mut out[i];
            count.activities += 1;
            for m in months_of(a, doc.year) {
                count.months[usize::from(m - 1)] += 1;
            }
            let unit = counted.unit_id.unwrap_or_default();
            if !units.contains(&unit) {
                units.push(unit);
                count.units += 1;
            }
        }
    }
    out.sort_by(|a, b| (&a.0, stage_rank(a.1.stage)).cmp(&(&b.0, stage_rank(b.1.stage))));
    out.into_iter().map(|(_, count, _)| count).collect()
}
