//! Output formatting of the `commplan` command, kept apart from `main` so that
//! it is unit-tested.

pub mod consolidate;

use std::path::PathBuf;

use commplan_core::PlanSummary;
use commplan_core::backup::BackupInfo;
use commplan_core::check::{CheckReport, Severity};
use commplan_core::legal::LegalTextsImported;
use commplan_core::review::{RevisionRef, RevisionSummary};
use commplan_store::Verification;

/// Opens a database that must already exist: a command that only reads a
/// plan says so when the file is not there, and creates nothing.
pub fn open_existing(
    db: Option<PathBuf>,
) -> Result<commplan_store::Store, commplan_core::AppError> {
    let path = match db {
        Some(path) => path,
        None => commplan_store::default_db_path()?,
    };
    if !path.exists() {
        return Err(commplan_core::AppError::new(
            commplan_core::ErrorCode::NotFound,
            format!(
                "Không tìm thấy tệp cơ sở dữ liệu “{}”. Hãy kiểm tra lại đường dẫn (--db).",
                path.display()
            ),
        ));
    }
    commplan_store::Store::open(&path)
}

/// Rows of cells as an aligned text table under `header`.
pub(crate) fn aligned(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[&str]| -> String {
        let mut out = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            out.push_str(cell);
            if i + 1 < cells.len() {
                let pad = w - cell.chars().count() + 2;
                out.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out
    };
    let mut out = line(header);
    for row in rows {
        out.push('\n');
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        out.push_str(&line(&cells));
    }
    out
}

/// The plan list as an aligned text table: id, unit, year, status.
pub fn plan_table(plans: &[PlanSummary]) -> String {
    let rows: Vec<Vec<String>> = plans
        .iter()
        .map(|p| {
            vec![
                p.id.to_string(),
                p.unit_name.clone(),
                p.year.to_string(),
                if p.received {
                    format!("{} (hồ sơ nhận được)", p.status.label_vi())
                } else {
                    p.status.label_vi().to_string()
                },
            ]
        })
        .collect();
    aligned(&["ID", "ĐƠN VỊ", "NĂM", "TRẠNG THÁI"], &rows)
}

/// What `export-file` wrote: "Đã ghi tệp kế hoạch (lần trình 2) của … năm … vào …".
pub fn plan_file_text(plan: &PlanSummary, what: &str, out: &std::path::Path) -> String {
    format!(
        "Đã ghi tệp kế hoạch ({what}) của {} năm {} vào {}.",
        plan.unit_name,
        plan.year,
        out.display()
    )
}

/// "2026-11-26T14:05:12.345Z" as "26/11/2026 14:05 UTC".
fn when(rfc3339: &str) -> String {
    let date = rfc3339.get(..10).unwrap_or(rfc3339);
    let clock = rfc3339.get(11..16).unwrap_or("");
    let mut parts = date.split('-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d)) => format!("{d}/{m}/{y} {clock} UTC"),
        _ => rfc3339.to_string(),
    }
}

/// The backups, newest first: file name, when, why, size.
pub fn backup_table(backups: &[BackupInfo]) -> String {
    let rows: Vec<Vec<String>> = backups
        .iter()
        .map(|b| {
            vec![
                b.file_name.clone(),
                when(&b.created_at),
                b.kind.label_vi().to_string(),
                format!(
                    "{} KB",
                    commplan_core::money::group(
                        i64::try_from(b.size_bytes.div_ceil(1024)).unwrap_or(i64::MAX)
                    )
                ),
            ]
        })
        .collect();
    aligned(&["TỆP", "THỜI ĐIỂM", "LÝ DO", "DUNG LƯỢNG"], &rows)
}

/// The submissions of a plan: number, status, when, proposed total, counts.
pub fn revision_table(revisions: &[RevisionSummary]) -> String {
    let rows: Vec<Vec<String>> = revisions
        .iter()
        .map(|r| {
            vec![
                r.number.to_string(),
                if r.approved_at.is_some() {
                    commplan_core::PlanStatus::Approved.label_vi().to_string()
                } else {
                    r.status.label_vi().to_string()
                },
                when(&r.created_at),
                r.total_proposed
                    .map_or_else(|| "không tính được".to_string(), |m| m.to_string()),
                format!("{} / {} / {}", r.policies, r.activities, r.budget_lines),
                format!("{} ({} chưa xử lý)", r.comments, r.open_comments),
            ]
        })
        .collect();
    aligned(
        &[
            "LẦN TRÌNH",
            "TRẠNG THÁI",
            "THỜI ĐIỂM",
            "TỔNG DỰ TOÁN",
            "CHÍNH SÁCH / HOẠT ĐỘNG / KHOẢN CHI",
            "Ý KIẾN",
        ],
        &rows,
    )
}

/// A revision as typed on the command line: its number, or `dang-soan`
/// (also `đang-soạn`, `working`) for the working copy.
pub fn revision_ref(text: &str) -> Result<RevisionRef, commplan_core::AppError> {
    let t = text.trim();
    if matches!(t, "dang-soan" | "đang-soạn" | "working") {
        return Ok(RevisionRef::Working);
    }
    match t.parse::<i64>() {
        Ok(n) if n >= 1 => Ok(RevisionRef::Revision { number: n }),
        _ => Err(commplan_core::AppError::validation(format!(
            "“{t}” không phải là số lần trình (1, 2, …) hoặc “dang-soan”."
        ))),
    }
}

/// What `commplan verify` found, line by line, in Vietnamese.
pub fn verification_text(path: &std::path::Path, v: &Verification) -> String {
    let ok = |good: bool| if good { "đạt" } else { "KHÔNG ĐẠT" };
    let mut out = format!("Tệp: {}\n", path.display());
    out.push_str(&format!(
        "Kết luận: {}\n",
        if v.is_sound() {
            "tệp nguyên vẹn, dùng được."
        } else {
            "tệp có vấn đề (xem các dòng dưới)."
        }
    ));
    out.push_str(&format!(
        "- Kiểm tra toàn vẹn (integrity_check): {}\n",
        ok(v.integrity_problems.is_empty())
    ));
    for problem in v.integrity_problems.iter().take(10) {
        out.push_str(&format!("    {problem}\n"));
    }
    out.push_str(&format!(
        "- Khóa ngoại (foreign_key_check): {}{}\n",
        ok(v.foreign_key_problems == 0),
        if v.foreign_key_problems > 0 {
            format!(", {} dòng sai", v.foreign_key_problems)
        } else {
            String::new()
        }
    ));
    out.push_str(&format!(
        "- Tệp của ứng dụng: {}\n",
        if v.ours { "có" } else { "không" }
    ));
    out.push_str(&format!(
        "- Phiên bản cấu trúc dữ liệu: {} (phiên bản này hiểu đến {}): {}\n",
        v.schema_version,
        commplan_store::LATEST_VERSION,
        ok(v.version_known())
    ));
    out.push_str(&schema_lines(v));
    out.push_str(&format!("- Số kế hoạch: {}\n", v.plans));
    out.push_str(&format!(
        "- Thành tiền = số lượng × đơn giá ở mọi dòng dự toán: {}",
        ok(v.amounts_disagreeing.is_empty())
    ));
    if !v.amounts_disagreeing.is_empty() {
        let ids: Vec<String> = v.amounts_disagreeing.iter().map(i64::to_string).collect();
        out.push_str(&format!(" (dòng số {})", ids.join(", ")));
    }
    out
}

/// How many schema differences `commplan verify` lists before it counts the rest.
const DIFFERENCES_LISTED: usize = 20;

/// The schema line of `commplan verify`, with each difference below it.
fn schema_lines(v: &Verification) -> String {
    let mut out = format!(
        "- Cấu trúc dữ liệu (bảng, chỉ mục, trigger) đúng như của ứng dụng: {}\n",
        if v.schema_differences.is_empty() {
            "đạt"
        } else {
            "KHÔNG ĐẠT"
        }
    );
    for d in v.schema_differences.iter().take(DIFFERENCES_LISTED) {
        out.push_str(&format!("    {}\n", d.message));
    }
    let more = v
        .schema_differences
        .len()
        .saturating_sub(DIFFERENCES_LISTED);
    if more > 0 {
        out.push_str(&format!("    … và {more} khác biệt khác\n"));
    }
    out
}

/// What `commplan purge` removed, and what it could not.
pub fn purge_text(
    purged: &commplan_store::Purged,
    backups: usize,
    backup_dir: &std::path::Path,
) -> String {
    let mut out = if purged.deletions == 0 {
        "Thùng rác đã trống: không còn dữ liệu nào được giữ để hoàn tác.\n".to_string()
    } else {
        format!(
            "Đã xóa vĩnh viễn dữ liệu của {} lần xóa được giữ để hoàn tác (trong đó {} kế hoạch đã xóa); không hoàn tác được các lần xóa này nữa.\n",
            purged.deletions, purged.plans
        )
    };
    out.push_str(&format!(
        "Tệp dữ liệu đã được ghi lại, không còn phần dữ liệu đã xóa: {} → {} byte.",
        purged.bytes_before, purged.bytes_after
    ));
    if backups > 0 {
        out.push_str(&format!(
            "\nLưu ý: {backups} bản sao lưu trong {} được tạo trước đó vẫn chứa dữ liệu cũ; nếu phải xóa hẳn thông tin của một người, hãy xóa cả các bản sao lưu đó.",
            backup_dir.display()
        ));
    }
    out
}

/// The directive check as text: findings grouped by step (with the step's
/// Vietnamese name), each with its severity, message and citation, then a
/// summary line.
pub fn check_text(report: &CheckReport) -> String {
    let mut out = String::new();
    for (n, step) in commplan_core::Step::ALL.into_iter().enumerate() {
        let findings: Vec<_> = report.findings.iter().filter(|f| f.step == step).collect();
        if findings.is_empty() {
            continue;
        }
        out.push_str(&format!("{}. {}\n", n + 1, step.label_vi()));
        for f in findings {
            out.push_str(&format!(
                "  [{}] {}\n      Căn cứ: {}\n",
                f.severity.label_vi(),
                f.message,
                report.rule(&f.rule).map_or("", |r| r.citation.as_str())
            ));
            if let Some(fix) = &f.fix {
                out.push_str(&format!("      Sửa nhanh trong ứng dụng: {}\n", fix.label));
            }
        }
        out.push('\n');
    }
    out.push_str(&check_summary(report));
    out
}

/// What `commplan legal-texts import` did, in one sentence.
pub fn legal_import_text(done: &LegalTextsImported) -> String {
    let reviewed = done
        .list_date
        .as_deref()
        .map(|d| format!(" (rà soát ngày {})", commplan_core::dates::format_vi(d)))
        .unwrap_or_default();
    format!(
        "Đã nhập danh mục văn bản pháp lý{reviewed}: thêm {}, cập nhật {}, giữ nguyên {} văn bản. Không kế hoạch nào bị thay đổi.",
        done.added, done.updated, done.kept
    )
}

/// "3 lỗi bắt buộc sửa, 2 cảnh báo, 1 gợi ý." or, when nothing blocks,
/// "Kế hoạch đáp ứng các yêu cầu bắt buộc; còn 2 cảnh báo, 1 gợi ý."
pub fn check_summary(report: &CheckReport) -> String {
    let counts = format!("{} cảnh báo, {} gợi ý", report.warnings, report.advice);
    if report.blocking > 0 {
        format!(
            "{} lỗi {}, {counts}.",
            report.blocking,
            Severity::Blocking.label_vi().to_lowercase()
        )
    } else if report.warnings == 0 && report.advice == 0 {
        "Kế hoạch đáp ứng các yêu cầu bắt buộc; không còn cảnh báo hay gợi ý nào.".to_string()
    } else {
        format!("Kế hoạch đáp ứng các yêu cầu bắt buộc; còn {counts}.")
    }
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
            received: false,
            received_revision: None,
            received_at: None,
            decision: None,
        }];
        assert_eq!(
            plan_table(&plans),
            "ID  ĐƠN VỊ      NĂM   TRẠNG THÁI\n7   Sở Tư pháp  2027  Dự thảo"
        );
    }

    fn report(rules: &[(&str, Severity, commplan_core::Step)]) -> CheckReport {
        use commplan_core::check::{Finding, LegalSource, RuleText, StepFindings, Target};
        let findings: Vec<Finding> = rules
            .iter()
            .map(|(rule, severity, step)| Finding {
                rule: (*rule).to_string(),
                severity: *severity,
                step: *step,
                message: format!("Thông báo {rule}."),
                target: Target {
                    step: *step,
                    entity: None,
                    id: None,
                    field: None,
                },
                fix: None,
            })
            .collect();
        let texts = rules
            .iter()
            .map(|(rule, _, _)| RuleText {
                id: (*rule).to_string(),
                title: format!("Quy tắc {rule}"),
                explanation: "Vì văn bản yêu cầu.".into(),
                source: LegalSource::Directive07,
                citation: "Chỉ thị 07/CT-TTg".into(),
            })
            .collect();
        let count = |s: Severity| {
            u32::try_from(findings.iter().filter(|f| f.severity == s).count()).expect("few")
        };
        CheckReport {
            blocking: count(Severity::Blocking),
            warnings: count(Severity::Warning),
            advice: count(Severity::Advice),
            per_step: commplan_core::Step::ALL
                .into_iter()
                .map(|step| StepFindings {
                    step,
                    blocking: 0,
                    warnings: 0,
                    advice: 0,
                })
                .collect(),
            findings,
            rules: texts,
        }
    }

    #[test]
    fn check_text_groups_by_step_and_sums_up() {
        use commplan_core::Step;
        let r = report(&[
            ("a.one", Severity::Blocking, Step::General),
            ("b.two", Severity::Warning, Step::Staffing),
            ("b.three", Severity::Advice, Step::Staffing),
        ]);
        assert_eq!(
            check_text(&r),
            "1. Thông tin chung\n  [Bắt buộc sửa] Thông báo a.one.\n      Căn cứ: Chỉ thị 07/CT-TTg\n\n\
             4. Nhân sự\n  [Cảnh báo] Thông báo b.two.\n      Căn cứ: Chỉ thị 07/CT-TTg\n  [Gợi ý] Thông báo b.three.\n      Căn cứ: Chỉ thị 07/CT-TTg\n\n\
             1 lỗi bắt buộc sửa, 1 cảnh báo, 1 gợi ý."
        );
        let ok = report(&[("b.two", Severity::Warning, Step::Press)]);
        assert_eq!(
            check_summary(&ok),
            "Kế hoạch đáp ứng các yêu cầu bắt buộc; còn 1 cảnh báo, 0 gợi ý."
        );
        assert_eq!(
            check_summary(&report(&[])),
            "Kế hoạch đáp ứng các yêu cầu bắt buộc; không còn cảnh báo hay gợi ý nào."
        );
    }

    #[test]
    fn a_fix_is_named_under_its_finding() {
        use commplan_core::check::Fix;
        use commplan_core::{Entity, FieldEdit, FieldValue, Step};
        let mut r = report(&[("legal.superseded", Severity::Warning, Step::General)]);
        r.findings[0].fix = Some(Fix {
            label: "Thay bằng “Luật Báo chí ngày 10 tháng 12 năm 2025”".into(),
            edit: FieldEdit {
                entity: Entity::LegalBasis,
                id: 1,
                field: "text".into(),
                value: FieldValue::Text("Luật Báo chí ngày 10 tháng 12 năm 2025".into()),
            },
        });
        assert!(check_text(&r).contains(
            "      Căn cứ: Chỉ thị 07/CT-TTg\n      Sửa nhanh trong ứng dụng: Thay bằng “Luật Báo chí ngày 10 tháng 12 năm 2025”\n"
        ));
    }

    #[test]
    fn an_import_says_what_it_did() {
        let done = LegalTextsImported {
            added: 1,
            updated: 11,
            kept: 2,
            list_date: Some("2027-01-15".into()),
        };
        assert_eq!(
            legal_import_text(&done),
            "Đã nhập danh mục văn bản pháp lý (rà soát ngày 15/01/2027): thêm 1, cập nhật 11, giữ nguyên 2 văn bản. Không kế hoạch nào bị thay đổi."
        );
    }
}
