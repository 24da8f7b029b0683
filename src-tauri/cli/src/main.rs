//! `commplan`: the headless command. Everything it does goes through the same
//! store and renderer as the app.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use commplan_core::AppError;
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
        /// Tệp cơ sở dữ liệu. Database file.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        /// Mã số kế hoạch (xem `commplan list`). The plan's id.
        #[arg(long, value_name = "ID")]
        plan: i64,
        /// Tệp Excel cần ghi. The workbook to write.
        #[arg(long, value_name = "OUT.xlsx")]
        xlsx: PathBuf,
    },
    /// Tạo kế hoạch mẫu (một sở cấp tỉnh) và in mã số của nó. Creates the sample plan, prints its id.
    Sample {
        /// Tệp cơ sở dữ liệu; được tạo nếu chưa có. Database file; created when missing.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
    },
}

fn open(db: Option<PathBuf>) -> Result<Store, AppError> {
    match db {
        Some(path) => Store::open(&path),
        None => Store::open_default(),
    }
}

fn run(cli: Cli) -> Result<(), AppError> {
    match cli.command {
        Command::List { db } => {
            let store = open(db)?;
            if let Some(notice) = store.read_only() {
                eprintln!("{}", notice.message);
            }
            let plans = store.list_plans()?;
            if plans.is_empty() {
                println!("Chưa có kế hoạch nào.");
                return Ok(());
            }
            println!("{}", commplan_cli::plan_table(&plans));
            Ok(())
        }
        Command::Budget { db, plan, xlsx } => {
            let store = open(db)?;
            store.export_budget_xlsx(plan, &xlsx)?;
            println!("{}", xlsx.display());
            Ok(())
        }
        Command::Sample { db } => {
            let mut store = open(db)?;
            let plan = store.create_sample()?;
            println!("{}", plan.id);
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("Lỗi: {}", err.message);
            ExitCode::FAILURE
        }
    }
}
