//! Output formatting of the `commplan` command, kept apart from `main` so that
//! it is unit-tested.

use commplan_core::PlanSummary;

/// The plan list as an aligned text table: id, unit, year, status.
pub fn plan_table(plans: &[PlanSummary]) -> String {
    let header = ["ID", "ĐƠN VỊ", "NĂM", "TRẠNG THÁI"];
    let rows: Vec<[String; 4]> = plans
        .iter()
        .map(|p| {
            [
                p.id.to_string(),
                p.unit_name.clone(),
                p.year.to_string(),
                p.status.label_vi().to_string(),
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 4]| -> String {
        let mut out = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            out.push_str(cell);
            if i + 1 < cells.len() {
                let pad = w - cell.chars().count() + 2;
                out.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out
    };
    let mut out = line(header);
    for row in &rows {
        out.push('\n');
        out.push_str(&line([&row[0], &row[1], &row[2], &row[3]]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use commplan_core::PlanStatus;

    #[test]
    fn table_aligns_vietnamese_by_characters() {
        let plans = vec![PlanSummary {
            id: 7,
            unit_id: 1,
            unit_name: "Sở Tư pháp".into(),
            year: 2027,
            status: PlanStatus::Draft,
            title: String::new(),
            updated_at: String::new(),
        }];
        assert_eq!(
            plan_table(&plans),
            "ID  ĐƠN VỊ      NĂM   TRẠNG THÁI\n7   Sở Tư pháp  2027  Dự thảo"
        );
    }
}
