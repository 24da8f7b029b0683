//! `commplan`: the headless command. Everything it does goes through the same
//! store and renderer as the app.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use commplan_cli::open_existing;
use commplan_core::planfile::FileSource;
use commplan_core::results::Period;
use commplan_core::{AppError, ErrorCode};
use commplan_export::ExportKind;
use commplan_store::Store;

#[derive(Parser)]
#[command(
    name = "commplan",
    version,
    about = "Kế hoạch truyền thông chính sách — công cụ dòng lệnh (policy-communication plans, headless)",
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Liệt kê các kế hoạch trong cơ sở dữ liệu (id, đơn vị, năm, trạng thái). Lists the plans.
    List {
        /// Tệp cơ sở dữ liệu; được tạo nếu chưa có. Database file; created when missing.
        /// Default: the app's own database.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
    },
    /// Xuất dự toán kinh phí ra tệp Excel (.xlsx). Exports the budget estimate as a workbook.
    Budget {
        /// Tệp cơ sở dữ liệu (phải có sẵn). Database file (must exist). Default: the app's own database.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        /// Mã số kế hoạch (xem `commplan list`). The plan's id.
        #[arg(long, value_name = "ID")]
        plan: i64,
        /// Tệp Excel cần ghi. The workbook to write.
        #[arg(long, value_name = "OUT.xlsx")]
        xlsx: PathBuf,
    },
    /// Xuất kế hoạch đúng thể thức Nghị định 30/2020/NĐ-CP: PDF (.pdf) hoặc Word (.docx), theo đuôi
    /// tên tệp. Exports the plan as the official PDF or its Word copy, by the file's extension.
    Export {
        /// Tệp cơ sở dữ liệu (phải có sẵn). Database file (must exist). Default: the app's own database.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        /// Mã số kế hoạch (xem `commplan list`). The plan's id.
        #[arg(long, value_name = "ID")]
        plan: i64,
        /// Tệp cần ghi: .pdf hoặc .docx. The file to write: .pdf or .docx.
        #[arg(long, value_name = "FILE.pdf|FILE.docx")]
        out: PathBuf,
    },
    /// Xuất báo cáo kết quả thực hiện kế hoạch (6 tháng đầu năm hoặc cả năm): PDF và, nếu muốn,
    /// Excel. Exports the results report of an approved plan for a period.
    Report {
        /// Tệp cơ sở dữ liệu (phải có sẵn). Database file (must exist). Default: the app's own database.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        /// Mã số kế hoạch (xem `commplan list`). The plan's id.
        #[arg(long, value_name = "ID")]
        plan: i64,
        /// Kỳ báo cáo: 6m (6 tháng đầu năm) hoặc year (cả năm). The period.
        #[arg(long, value_enum)]
        period: PeriodArg,
        /// Tệp PDF cần ghi. The PDF to write.
        #[arg(long, value_name = "OUT.pdf")]
        pdf: PathBuf,
        /// Tệp Excel cần ghi (tùy chọn). The workbook to write (optional).
        #[arg(long, value_name = "OUT.xlsx")]
        xlsx: Option<PathBuf>,
    },
    /// Kiểm tra kế hoạch theo Chỉ thị 07/CT-TTg và các văn bản liên quan; mã thoát 0 khi không
    /// còn lỗi bắt buộc sửa, 1 khi còn, 2 khi có lỗi khác. Checks the plan against the directive.
    Check {
        /// Tệp cơ sở dữ liệu (phải có sẵn). Database file (must exist). Default: the app's own database.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        /// Mã số kế hoạch (xem `commplan list`). The plan's id.
        #[arg(long, value_name = "ID")]
        plan: i64,
        /// In kết quả dạng JSON. Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Tạo một kế hoạch lớn để đo hiệu năng. Creates a large synthetic plan (benchmarks).
    #[command(hide = true)]
    Stress {
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        #[arg(long, default_value_t = 100)]
        policies: usize,
        #[arg(long, default_value_t = 1000)]
        activities: usize,
    },
    /// Sao lưu cơ sở dữ liệu (vào thư mục backups/ bên cạnh, hoặc vào --out). Backs the database up.
    Backup {
        /// Tệp cơ sở dữ liệu. Database file. Default: the app's own database.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        /// Ghi bản sao lưu vào tệp này thay vì thư mục sao lưu. Write the copy here instead.
        #[arg(long, value_name = "FILE", conflicts_with = "list")]
        out: Option<PathBuf>,
        /// Chỉ liệt kê các bản sao lưu hiện có. Only list the existing backups.
        #[arg(long)]
        list: bool,
    },
    /// Khôi phục cơ sở dữ liệu từ một bản sao lưu (dữ liệu hiện tại được sao lưu trước). Restores a backup.
    Restore {
        /// Tệp cơ sở dữ liệu. Database file. Default: the app's own database.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        /// Bản sao lưu: tên tệp trong thư mục sao lưu (xem `commplan backup --list`) hoặc đường dẫn.
        /// The backup: a file name in the backup folder, or a path.
        #[arg(long, value_name = "BACKUP")]
        from: String,
    },
    /// Xóa vĩnh viễn dữ liệu đang giữ trong thùng rác để hoàn tác rồi ghi lại tệp cho gọn, khi phải
    /// xóa hẳn thông tin của một người. Empties the trash for good and compacts the file (VACUUM).
    Purge {
        /// Tệp cơ sở dữ liệu (phải có sẵn). Database file (must exist). Default: the app's own database.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
    },
    /// Kiểm tra một tệp cơ sở dữ liệu hoặc bản sao lưu mà không sửa nó. Checks a database file, read-only.
    Verify {
        /// Tệp cần kiểm tra. The file to check. Default: the app's own database.
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// In kết quả dạng JSON. Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Liệt kê các lần trình của một kế hoạch. Lists a plan's submissions (revisions).
    Revisions {
        /// Tệp cơ sở dữ liệu (phải có sẵn). Database file (must exist). Default: the app's own database.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        /// Mã số kế hoạch. The plan's id.
        #[arg(long, value_name = "ID")]
        plan: i64,
    },
    /// So sánh hai lần trình (hoặc một lần trình với bản đang soạn). Shows what changed between two revisions.
    Diff {
        /// Tệp cơ sở dữ liệu (phải có sẵn). Database file (must exist). Default: the app's own database.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        /// Mã số kế hoạch. The plan's id.
        #[arg(long, value_name = "ID")]
        plan: i64,
        /// Lần trình gốc: số lần trình, hoặc `dang-soan` cho bản đang soạn. The older revision.
        #[arg(long, value_name = "N")]
        from: String,
        /// Lần trình so với: số, hoặc `dang-soan` (mặc định). The newer revision; default: the working copy.
        #[arg(long, value_name = "N", default_value = "dang-soan")]
        to: String,
        /// In kết quả dạng JSON. Print the difference as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Danh mục văn bản pháp lý. The list of legal texts.
    #[command(name = "legal-texts", subcommand)]
    LegalTexts(LegalTextsCommand),
    /// Ghi tệp kế hoạch (.khtt) để gửi qua hệ thống văn bản điện tử hoặc thư điện tử: lần trình
    /// mới nhất (mặc định) hoặc bản đang soạn (--draft). Writes a plan file to send.
    #[command(name = "export-file")]
    ExportFile {
        /// Tệp cơ sở dữ liệu (phải có sẵn). Database file (must exist). Default: the app's own database.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        /// Mã số kế hoạch (xem `commplan list`). The plan's id.
        #[arg(long, value_name = "ID")]
        plan: i64,
        /// Tệp kế hoạch cần ghi. The plan file to write.
        #[arg(long, value_name = "PLAN.khtt")]
        out: PathBuf,
        /// Ghi bản đang soạn thay vì lần trình mới nhất. Write the working copy instead.
        #[arg(long)]
        draft: bool,
    },
    /// Mở một tệp kế hoạch (thành hồ sơ nhận được) hoặc một tệp trả lời (ý kiến và quyết định về
    /// kế hoạch của mình); cả tệp được kiểm tra trước khi ghi. Reads a plan file or a return file.
    Import {
        /// Tệp cơ sở dữ liệu (phải có sẵn). Database file (must exist). Default: the app's own database.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        /// Tệp kế hoạch hoặc tệp trả lời. The plan file or return file.
        #[arg(value_name = "PLAN.khtt")]
        file: PathBuf,
    },
    /// Tổng hợp kế hoạch của các đơn vị từ các tệp kế hoạch (.khtt) của một năm: in bảng theo dõi,
    /// ghi bảng tính và báo cáo PDF. Consolidates every unit's plan file of a year.
    Consolidate(commplan_cli::consolidate::Args),
    /// Ghi các tệp kế hoạch tổng hợp thử để đo hiệu năng. Writes synthetic plan files (benchmarks).
    #[command(name = "stress-files", hide = true)]
    StressFiles(commplan_cli::consolidate::StressArgs),
    /// Tạo kế hoạch mẫu (một sở cấp tỉnh) và in mã số của nó. Creates the sample plan, prints its id.
    Sample {
        /// Tệp cơ sở dữ liệu; được tạo nếu chưa có. Database file; created when missing.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum LegalTextsCommand {
    /// Nhập danh mục văn bản mới hơn từ tệp .json (cùng định dạng với assets/legal-texts.json); cả
    /// tệp được kiểm tra trước khi ghi, không kế hoạch nào bị thay đổi. Imports a newer list.
    Import {
        /// Tệp cơ sở dữ liệu (phải có sẵn). Database file (must exist). Default: the app's own database.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        /// Tệp danh mục văn bản. The list file.
        #[arg(value_name = "LIST.json")]
        list: PathBuf,
    },
}

fn open(db: Option<PathBuf>) -> Result<Store, AppError> {
    match db {
        Some(path) => Store::open(&path),
        None => Store::open_default(),
    }
}

/// Prints `value` as indented JSON.
fn print_json(value: &impl serde::Serialize) -> Result<(), AppError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| {
        AppError::new(
            ErrorCode::Internal,
            format!("Không tạo được kết quả JSON: {e}"),
        )
    })?;
    println!("{text}");
    Ok(())
}

/// What `run` ends with when a check finds blocking gaps (errors end with 2).
const EXIT_BLOCKING: u8 = 1;
const EXIT_ERROR: u8 = 2;

/// Success when `ok`, else the exit code of a failed check.
fn exit_unless_blocked(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_BLOCKING)
    }
}

fn list(db: Option<PathBuf>) -> Result<ExitCode, AppError> {
    let store = open(db)?;
    if let Some(notice) = store.read_only() {
        eprintln!("{}", notice.message);
    }
    let plans = store.list_plans()?;
    if plans.is_empty() {
        println!("Chưa có kế hoạch nào.");
    } else {
        println!("{}", commplan_cli::plan_table(&plans));
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes plan `plan` as `kind` to `out` and prints the path.
fn export(
    db: Option<PathBuf>,
    plan: i64,
    kind: ExportKind,
    out: &Path,
) -> Result<ExitCode, AppError> {
    let store = open_existing(db)?;
    commplan_export::export(&store, plan, kind, out)?;
    println!("{}", out.display());
    Ok(ExitCode::SUCCESS)
}

/// A results report's period as typed on the command line.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum PeriodArg {
    /// 6 tháng đầu năm.
    #[value(name = "6m")]
    FirstHalf,
    /// Cả năm.
    Year,
}

impl From<PeriodArg> for Period {
    fn from(p: PeriodArg) -> Period {
        match p {
            PeriodArg::FirstHalf => Period::FirstHalf,
            PeriodArg::Year => Period::Year,
        }
    }
}

/// The results report as a PDF and, when asked, a workbook; the findings of
/// what was recorded are printed as notes (they do not stop the export).
fn report(
    db: Option<PathBuf>,
    plan: i64,
    period: Period,
    pdf: &Path,
    xlsx: Option<&Path>,
) -> Result<ExitCode, AppError> {
    let store = open_existing(db)?;
    let kinds = [(ExportKind::ResultsPdf(period), Some(pdf))];
    let workbook = [(ExportKind::ResultsXlsx(period), xlsx)];
    for (kind, out) in kinds.into_iter().chain(workbook) {
        if let Some(out) = out {
            commplan_export::export(&store, plan, kind, out)?;
            println!("Đã ghi {}.", out.display());
        }
    }
    let today = commplan_core::dates::day_in_vietnam(chrono::Utc::now());
    for finding in store.check_results(plan, period, today)?.findings {
        println!("Lưu ý: {}", finding.message);
    }
    Ok(ExitCode::SUCCESS)
}

fn check(db: Option<PathBuf>, plan: i64, json: bool) -> Result<ExitCode, AppError> {
    let store = open_existing(db)?;
    let report = store.check_plan(plan)?;
    if json {
        print_json(&report)?;
    } else {
        println!("{}", commplan_cli::check_text(&report));
    }
    Ok(exit_unless_blocked(report.can_submit()))
}

fn stress(db: Option<PathBuf>, policies: usize, activities: usize) -> Result<ExitCode, AppError> {
    let mut store = open(db)?;
    let doc = commplan_core::stress::large_plan(policies, activities, 2027);
    let plan = store.import_plan(&commplan_core::file::PlanFile::new(doc))?;
    println!("{}", plan.id);
    Ok(ExitCode::SUCCESS)
}

fn backup(db: Option<PathBuf>, out: Option<PathBuf>, list: bool) -> Result<ExitCode, AppError> {
    let store = open(db)?;
    if list {
        let backups = store.list_backups()?;
        if backups.is_empty() {
            let dir = store.backup_dir();
            println!("Chưa có bản sao lưu nào trong {}.", dir.display());
        } else {
            println!("{}", commplan_cli::backup_table(&backups));
        }
        return Ok(ExitCode::SUCCESS);
    }
    match out {
        Some(path) => {
            store.backup_to(&path)?;
            println!("{}", path.display());
        }
        None => {
            let info = store.backup(commplan_core::backup::BackupKind::Manual)?;
            println!("{}", store.backup_dir().join(info.file_name).display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether `--from` names a backup of the backup folder (one of our backup
/// names, no folder) rather than a path.
fn names_a_backup(from: &str) -> bool {
    Path::new(from).components().count() == 1
        && commplan_core::backup::parse_file_name(from).is_some()
}

fn restore(db: Option<PathBuf>, from: &str) -> Result<ExitCode, AppError> {
    let path = match db {
        Some(p) => p,
        None => commplan_store::default_db_path()?,
    };
    let by_name = names_a_backup(from);
    if path.exists() {
        let mut store = Store::open(&path)?;
        if by_name {
            store.restore_backup(from)?;
        } else {
            store.restore_backup_file(Path::new(from))?;
        }
        println!(
            "Đã khôi phục {} từ “{from}”. Dữ liệu trước khi khôi phục được giữ trong {}.",
            path.display(),
            store.backup_dir().display()
        );
    } else {
        if by_name {
            commplan_store::restore_into(&path, from)?;
        } else {
            commplan_store::restore_into_file(&path, Path::new(from))?;
        }
        println!("Đã khôi phục {} từ “{from}”.", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn verify(file: Option<PathBuf>, json: bool) -> Result<ExitCode, AppError> {
    let path = match file {
        Some(p) => p,
        None => commplan_store::default_db_path()?,
    };
    let v = commplan_store::verify_file(&path)?;
    if json {
        print_json(&v)?;
    } else {
        println!("{}", commplan_cli::verification_text(&path, &v));
    }
    Ok(exit_unless_blocked(v.is_sound()))
}

fn purge(db: Option<PathBuf>) -> Result<ExitCode, AppError> {
    let mut store = open_existing(db)?;
    let purged = store.purge_trash()?;
    let backups = store.list_backups()?.len();
    println!(
        "{}",
        commplan_cli::purge_text(&purged, backups, &store.backup_dir())
    );
    Ok(ExitCode::SUCCESS)
}

fn revisions(db: Option<PathBuf>, plan: i64) -> Result<ExitCode, AppError> {
    let store = open_existing(db)?;
    let revisions = store.list_revisions(plan)?;
    if revisions.is_empty() {
        println!("Kế hoạch chưa được trình lần nào.");
    } else {
        println!("{}", commplan_cli::revision_table(&revisions));
    }
    Ok(ExitCode::SUCCESS)
}

fn diff(
    db: Option<PathBuf>,
    plan: i64,
    from: &str,
    to: &str,
    json: bool,
) -> Result<ExitCode, AppError> {
    let store = open_existing(db)?;
    let from = commplan_cli::revision_ref(from)?;
    let diff = store.revision_diff(plan, from, commplan_cli::revision_ref(to)?)?;
    if json {
        print_json(&diff)?;
    } else {
        println!("{}", commplan_core::diff::render_text(&diff));
    }
    Ok(ExitCode::SUCCESS)
}

fn import_legal_texts(db: Option<PathBuf>, list: &Path) -> Result<ExitCode, AppError> {
    let mut store = open_existing(db)?;
    let bytes = commplan_store::read_list_file(list)?;
    let done = store.import_legal_texts(&bytes)?;
    println!("{}", commplan_cli::legal_import_text(&done));
    Ok(ExitCode::SUCCESS)
}

/// Writes plan `plan`'s plan file to `out` (whole or not at all) and says what it holds.
fn export_file(
    db: Option<PathBuf>,
    plan: i64,
    out: &Path,
    draft: bool,
) -> Result<ExitCode, AppError> {
    let store = open_existing(db)?;
    let source = if draft {
        FileSource::Draft
    } else {
        FileSource::Submitted
    };
    let file = store.plan_file(plan, source)?;
    commplan_export::write_atomically(out, &file.bytes)?;
    let what = match store.review_state(plan)?.last_revision {
        _ if draft => "bản nháp".to_string(),
        n => format!("lần trình {n}"),
    };
    let summary = store.plan_summary(plan)?;
    println!("{}", commplan_cli::plan_file_text(&summary, &what, out));
    Ok(ExitCode::SUCCESS)
}

/// Opens a plan file or a return file and says what was done.
fn import_file(db: Option<PathBuf>, file: &Path) -> Result<ExitCode, AppError> {
    let mut store = open_existing(db)?;
    let bytes = commplan_store::read_plan_file(file)?;
    let opened = store.open_plan_file(&bytes)?;
    println!("{} (mã số kế hoạch: {})", opened.message, opened.plan.id);
    Ok(ExitCode::SUCCESS)
}

fn sample(db: Option<PathBuf>) -> Result<ExitCode, AppError> {
    let mut store = open(db)?;
    println!("{}", store.create_sample()?.id);
    Ok(ExitCode::SUCCESS)
}

fn run(cli: Cli) -> Result<ExitCode, AppError> {
    match cli.command {
        Command::List { db } => list(db),
        Command::Budget { db, plan, xlsx } => export(db, plan, ExportKind::BudgetXlsx, &xlsx),
        Command::Export { db, plan, out } => {
            ExportKind::plan_for(&out).and_then(|kind| export(db, plan, kind, &out))
        }
        Command::Report {
            db,
            plan,
            period,
            pdf,
            xlsx,
        } => report(db, plan, period.into(), &pdf, xlsx.as_deref()),
        Command::Check { db, plan, json } => check(db, plan, json),
        Command::Stress {
            db,
            policies,
            activities,
        } => stress(db, policies, activities),
        Command::Backup { db, out, list } => backup(db, out, list),
        Command::Restore { db, from } => restore(db, &from),
        Command::Purge { db } => purge(db),
        Command::Verify { file, json } => verify(file, json),
        Command::Revisions { db, plan } => revisions(db, plan),
        Command::Diff {
            db,
            plan,
            from,
            to,
            json,
        } => diff(db, plan, &from, &to, json),
        Command::LegalTexts(LegalTextsCommand::Import { db, list }) => {
            import_legal_texts(db, &list)
        }
        Command::ExportFile {
            db,
            plan,
            out,
            draft,
        } => export_file(db, plan, &out, draft),
        Command::Import { db, file } => import_file(db, &file),
        Command::Sample { db } => sample(db),
        Command::Consolidate(args) => commplan_cli::consolidate::run(args),
        Command::StressFiles(args) => commplan_cli::consolidate::stress_files(&args),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("Lỗi: {}", err.message);
            ExitCode::from(EXIT_ERROR)
        }
    }
}
