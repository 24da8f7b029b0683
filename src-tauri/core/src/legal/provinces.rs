//! The provinces merged in 2025 under Resolution 202/2025/QH15, as data
//! (`assets/provinces-2025.json`, each merge with the pages that confirm it):
//! which provinces were joined into which, and the day the new provinces'
//! governments began to work. A provincial document issued before that day
//! is the former province's, and is cited with "(cũ)" after its name.

use chrono::NaiveDate;
use serde::Deserialize;

use super::SourcePage;
use crate::error::{AppError, Result};

/// What the app knows of the 2025 merger of provinces.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProvinceMerges {
    /// The first day the merged provinces' governments worked; `None` when
    /// not known (then nothing is said about former provinces).
    pub from: Option<NaiveDate>,
    pub merges: Vec<Merge>,
}

/// One province formed by the merger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merge {
    /// The province's name after the merger, e.g. "Gia Lai".
    pub province: String,
    /// The provinces it was formed from, e.g. "Gia Lai", "Bình Định".
    pub formed_from: Vec<String>,
}

/// A former province named in a legal basis without "(cũ)", and the basis
/// as it should read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormerProvince {
    /// The name as the data has it, e.g. "Gia Lai".
    pub name: String,
    /// The province it is now part of.
    pub now_in: String,
    /// The basis with "(cũ)" after the province's name.
    pub fixed: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct File {
    format: String,
    version: i64,
    new_governments_from: String,
    merges: Vec<FileMerge>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FileMerge {
    province: String,
    formed_from: Vec<String>,
    /// Checked to be there: a merge without a source is not data.
    sources: Vec<SourcePage>,
}

impl ProvinceMerges {
    /// Reads the merger data (`assets/provinces-2025.json`).
    pub fn parse(json: &str) -> Result<ProvinceMerges> {
        let bad = |what: &str| AppError::internal(format!("Dữ liệu sắp xếp tỉnh bị hỏng: {what}"));
        let file: File = serde_json::from_str(json).map_err(|_| bad("không đọc được."))?;
        if file.format != "commplan-province-merges" || file.version != 1 {
            return Err(bad("định dạng không đúng."));
        }
        let from = crate::dates::parse_iso(&file.new_governments_from)
            .ok_or_else(|| bad("ngày không hợp lệ."))?;
        let mut merges = Vec::new();
        for m in file.merges {
            if m.sources.is_empty() || m.formed_from.is_empty() {
                return Err(bad("một tỉnh không có nguồn."));
            }
            merges.push(Merge {
                province: crate::text::clean(&m.province),
                formed_from: m
                    .formed_from
                    .iter()
                    .map(|n| crate::text::clean(n))
                    .collect(),
            });
        }
        Ok(ProvinceMerges {
            from: Some(from),
            merges,
        })
    }
}
