//! `commplan consolidate`: every unit's plan file of a year read together
//! (files, or every `.khtt` of a folder), the board printed, the workbook and
//! the report written. And, hidden, `commplan stress-files`, which writes the
//! synthetic plan files the benchmark consolidates.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use commplan_core::consolidate::{Board, Consolidation, Input, UnitMapping, consolidate};
use commplan_core::money::Money;
use commplan_core::planfile::{EXTENSION, PlanFileV2, uuid_v4};
use commplan_core::{AppError, ErrorCode, PlanStatus, Unit};

/// The plan files named: each file as it is, each folder's `.khtt` files
/// (not its subfolders), by name. A path that does not exist is an error.
pub fn plan_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, AppError> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|_| {
                AppError::new(
                    ErrorCode::Io,
                    format!("Không đọc được thư mục “{}”.", path.display()),
                )
            })?;
            let mut files: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && p.extension()
                            .and_then(|e| e.to_str())
                            .is_some_and(|e| e.eq_ignore_ascii_case(EXTENSION))
                })
                .collect();
            files.sort();
            out.extend(files);
        } else if path.exists() {
            out.push(path.clone());
        } else {
            return Err(AppError::not_found(format!(
                "Không tìm thấy tệp hoặc thư mục “{}”.",
                path.display()
            )));
        }
    }
    Ok(out)
}

/// Reads `files` into a consolidation of `year`; a file that cannot be read
/// is listed as refused with the reason, like a file that is not a plan file.
pub fn read(
    year: i32,
    files: &[PathBuf],
    units: &[Unit],
    law: &commplan_core::legal::Law,
) -> Consolidation {
    let mut inputs = Vec::with_capacity(files.len());
    let mut unreadable = Vec::new();
    for path in files {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        match commplan_store::read_plan_file(path) {
            Ok(bytes) => inputs.push(Input { name, bytes }),
            Err(e) => unreadable.push((name, e.message)),
        }
    }
    let mut c = consolidate(year, inputs, units, &UnitMapping::default(), law);
    for (name, reason) in unreadable {
        c.add_refused(&name, &reason);
    }
    c
}

/// The consolidating unit: `--unit`, else the unit of the list that belongs
/// to no body (the provincial People's Committee).
pub fn issuer(units: &[Unit], id: Option<i64>) -> Result<Unit, AppError> {
    let found = match id {
        Some(id) => units.iter().find(|u| u.id == id),
        None => units.iter().find(|u| u.parent_body.trim().is_empty()),
    };
    found.cloned().ok_or_else(|| {
        let list: Vec<String> = units
            .iter()
            .map(|u| format!("{} = {}", u.id, u.name))
            .collect();
        AppError::validation(format!(
            "Hãy chọn đơn vị tổng hợp (--unit ID) trong danh sách đơn vị: {}.",
            list.join("; ")
        ))
    })
}

fn money(m: Option<Money>) -> String {
    m.map(|m| commplan_core::money::group(m.dong()))
        .unwrap_or_default()
}

/// The board as text: the counts, one line per unit, the totals, then the
/// files that do not count with why.
pub fn board_text(board: &Board, issuer: &Unit) -> String {
    let mut out = format!(
        "{} — đơn vị tổng hợp: {}\n{}\n\n{}",
        commplan_core::consolidate::title(board.year),
        issuer.name,
        commplan_core::consolidate::counts_line(board),
        board_table(board)
    );
    out.push_str(&format!(
        "\n\nTổng dự toán: {}; được duyệt: {}.",
        board.total_proposed.map_or_else(
            || "không tính được".to_string(),
            |m| format!("{} đồng", money(Some(m)))
        ),
        board.total_approved.map_or_else(
            || "chưa có khoản nào".to_string(),
            |m| format!("{} đồng", money(Some(m)))
        )
    ));
    if let Some(done) = &board.activities_done {
        out.push_str(&format!(
            "\nKết quả thực hiện (các kế hoạch đã gửi kết quả): hoạt động đã hoàn thành {}; đã chi: {}.",
            done.label,
            board
                .total_spent
                .map_or_else(|| "chưa ghi".to_string(), |m| format!("{} đồng", money(Some(m))))
        ));
    }
    for (heading, lines) in board.not_counted() {
        out.push_str(&format!("\n\n{heading}:"));
        for line in lines {
            out.push_str(&format!("\n- {line}"));
        }
    }
    out
}

/// One line per row of the board: number, unit, state, file, blocking
/// findings, amounts, what was done of an approved plan.
fn board_table(board: &Board) -> String {
    let rows: Vec<Vec<String>> = board
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut state = r.state.label_vi().to_string();
            if r.conflict {
                state.push_str(" (trùng đơn vị)");
            }
            vec![
                (i + 1).to_string(),
                r.unit_name.clone(),
                state,
                r.revision
                    .map(commplan_core::consolidate::revision_label)
                    .unwrap_or_default(),
                r.revision
                    .map(|_| r.blocking.to_string())
                    .unwrap_or_default(),
                money(r.total_proposed),
                money(r.total_approved),
                r.activities_done
                    .as_ref()
                    .map(|d| d.label.clone())
                    .unwrap_or_default(),
                money(r.total_spent),
            ]
        })
        .collect();
    let table = crate::aligned(
        &[
            "TT",
            "ĐƠN VỊ",
            "TÌNH TRẠNG",
            "TỆP",
            "LỖI BẮT BUỘC SỬA",
            "DỰ TOÁN (ĐỒNG)",
            "ĐƯỢC DUYỆT (ĐỒNG)",
            "ĐÃ THỰC HIỆN",
            "ĐÃ CHI (ĐỒNG)",
        ],
        &rows,
    );
    // A unit not received ends in empty cells: no spaces after the last word.
    let lines: Vec<&str> = table.lines().map(str::trim_end).collect();
    lines.join("\n")
}

/// Writes `count` synthetic plan files (units "Đơn vị thử nghiệm số 1" …,
/// each a submitted revision of `policies` policies, `activities` activities
/// and `lines` budget lines) into `dir`, and gives back those units.
pub fn write_stress_files(
    dir: &Path,
    count: usize,
    sizes: (usize, usize, usize),
    year: i32,
) -> Result<Vec<commplan_core::UnitInput>, AppError> {
    let (policies, activities, lines) = sizes;
    let mut units = Vec::with_capacity(count);
    for k in 1..=count {
        let mut doc = commplan_core::stress::unit_plan(k, policies, activities, lines, year);
        doc.status = PlanStatus::Submitted;
        let mut seed = [0u8; 16];
        seed[..8].copy_from_slice(&u64::try_from(k).unwrap_or(0).to_le_bytes());
        let name = format!(
            "Kế hoạch {year} - {} - lần trình 1.{EXTENSION}",
            doc.unit.name
        );
        units.push(commplan_core::UnitInput {
            name: doc.unit.name.clone(),
            parent_body: doc.unit.parent_body.clone(),
            abbreviation: doc.unit.abbreviation.clone(),
        });
        let file = PlanFileV2::of_plan(
            doc,
            uuid_v4(seed),
            Some(1),
            format!("{}-11-20T02:00:00Z", year - 1),
            env!("CARGO_PKG_VERSION"),
        );
        commplan_export::write_atomically(&dir.join(name), &file.to_bytes())?;
    }
    Ok(units)
}

/// What `commplan consolidate` is asked for.
#[derive(clap::Args)]
pub struct Args {
    /// Năm kế hoạch. The plans' year.
    #[arg(long)]
    pub year: i32,
    /// Tệp cơ sở dữ liệu lấy danh sách đơn vị (phải có sẵn); mặc định: danh sách đơn vị mẫu.
    /// Database whose unit list counts; default: the seeded unit list.
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// Mã số đơn vị tổng hợp (ban hành báo cáo); mặc định: đơn vị không thuộc cơ quan nào.
    /// The consolidating unit's id; default: the unit that belongs to no body.
    #[arg(long, value_name = "ID")]
    pub unit: Option<i64>,
    /// Bảng tính cần ghi. The workbook to write.
    #[arg(long, value_name = "OUT.xlsx")]
    pub xlsx: Option<PathBuf>,
    /// Báo cáo PDF cần ghi. The report to write.
    #[arg(long, value_name = "OUT.pdf")]
    pub pdf: Option<PathBuf>,
    /// Tệp kế hoạch, hoặc thư mục (mọi tệp .khtt trong đó). Plan files or folders.
    #[arg(value_name = "FILE_OR_DIR", required = true)]
    pub paths: Vec<PathBuf>,
}

/// What `commplan stress-files` is asked for.
#[derive(clap::Args)]
pub struct StressArgs {
    /// Thư mục ghi tệp. The folder to write into.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Cơ sở dữ liệu được thêm các đơn vị này. A database the units are added to.
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    #[arg(long, default_value_t = 150)]
    pub count: usize,
    #[arg(long, default_value_t = 10)]
    pub policies: usize,
    #[arg(long, default_value_t = 100)]
    pub activities: usize,
    #[arg(long, default_value_t = 40)]
    pub lines: usize,
    #[arg(long, default_value_t = 2027)]
    pub year: i32,
}

/// Consolidates the plan files named, prints the board, writes what is asked.
pub fn run(args: Args) -> Result<ExitCode, AppError> {
    use commplan_export::{ConsolidationExport, render_consolidation, write_atomically};
    commplan_core::validate_year(args.year)?;
    let (units, law) = match args.db {
        Some(db) => {
            let store = crate::open_existing(Some(db))?;
            (store.list_units()?, store.law()?)
        }
        None => (
            commplan_store::seeded_units()?,
            commplan_store::shipped_law()?,
        ),
    };
    let issuer = issuer(&units, args.unit)?;
    let files = plan_files(&args.paths)?;
    let c = read(args.year, &files, &units, &law);
    println!("{}", board_text(&c.board(), &issuer));
    let asked: Vec<(ConsolidationExport, PathBuf)> = [
        (ConsolidationExport::Xlsx, args.xlsx),
        (ConsolidationExport::Pdf, args.pdf),
    ]
    .into_iter()
    .filter_map(|(kind, out)| Some((kind, out?)))
    .collect();
    // The workbook and the report are rendered side by side, written in order.
    let rendered: Vec<Result<Vec<u8>, AppError>> = std::thread::scope(|s| {
        let handles: Vec<_> = asked
            .iter()
            .map(|(kind, _)| s.spawn(|| render_consolidation(&c, &issuer, *kind)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(AppError::internal("Không tạo được tệp xuất.")))
            })
            .collect()
    });
    for ((_, out), bytes) in asked.iter().zip(rendered) {
        write_atomically(out, &bytes?)?;
        println!("Đã ghi {}.", out.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the benchmark's plan files, and their units into `--db` if given.
pub fn stress_files(args: &StressArgs) -> Result<ExitCode, AppError> {
    let sizes = (args.policies, args.activities, args.lines);
    let units = write_stress_files(&args.out, args.count, sizes, args.year)?;
    if let Some(db) = &args.db {
        let mut store = commplan_store::Store::open(db)?;
        for unit in &units {
            store.create_unit(unit)?;
        }
    }
    println!("{} tệp trong {}", units.len(), args.out.display());
    Ok(ExitCode::SUCCESS)
}
