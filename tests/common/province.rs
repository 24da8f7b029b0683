//! A province's plan files for Tổng hợp: `count` synthetic units (core's
//! stress generator, as `commplan stress-files` writes them), each added to
//! the test's data folder database and each with its submitted plan file in
//! a folder.

use std::path::Path;

use commplan_core::planfile::{PlanFileV2, uuid_v4};
use commplan_core::{PlanStatus, UnitInput};
use commplan_store::Store;

/// Writes `count` units' files into `folder` — units "Đơn vị thử nghiệm số
/// 1" …, each a submitted first revision of `policies`, `activities` and
/// `lines` (budget lines) — and adds those units to the database in `data`.
pub fn province(data: &Path, folder: &Path, count: usize, sizes: (usize, usize, usize)) {
    let (policies, activities, lines) = sizes;
    let mut store = Store::open(&data.join(commplan_store::DB_FILE_NAME)).expect("store");
    for k in 1..=count {
        let mut doc = commplan_core::stress::unit_plan(k, policies, activities, lines, 2027);
        doc.status = PlanStatus::Submitted;
        store
            .create_unit(&UnitInput {
                name: doc.unit.name.clone(),
                parent_body: doc.unit.parent_body.clone(),
                abbreviation: doc.unit.abbreviation.clone(),
            })
            .expect("a unit");
        let mut seed = [0u8; 16];
        seed[..8].copy_from_slice(&(k as u64).to_le_bytes());
        let name = format!("Kế hoạch 2027 - {} - lần trình 1.khtt", doc.unit.name);
        let when = "2026-11-20T02:00:00Z".to_string();
        let file = PlanFileV2::of_plan(doc, uuid_v4(seed), Some(1), when, "0.1.0");
        std::fs::write(folder.join(name), file.to_bytes()).expect("write the plan file");
    }
}
