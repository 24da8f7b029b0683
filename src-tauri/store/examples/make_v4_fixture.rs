//! Makes the schema-4 migration fixture (see `tests/fixtures/README.md`): the
//! sample plan submitted once, with a comment added while submitted, then
//! returned with two more.
//!
//! `cargo run -p commplan-store --example make_v4_fixture -- FILE`, on a file
//! made by `commplan sample --db FILE`.

use commplan_core::review::{CommentAnchor, NewComment};
use commplan_core::{Entity, Step};
use commplan_store::Store;

fn on_line(entity: Entity, id: i64, text: &str) -> NewComment {
    NewComment {
        anchor: CommentAnchor::Line {
            entity,
            id,
            field: None,
        },
        text: text.into(),
        author: "Sở Tư pháp".into(),
    }
}

fn on_step(step: Step, text: &str) -> NewComment {
    NewComment {
        anchor: CommentAnchor::Section { step },
        text: text.into(),
        author: "Sở Tài chính".into(),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(path) = std::env::args_os().nth(1) else {
        return Err(
            "usage: make_v4_fixture FILE (a file made by `commplan sample --db FILE`)".into(),
        );
    };
    let mut store = Store::open(std::path::Path::new(&path))?;
    let plan = store
        .list_plans()?
        .first()
        .ok_or("the file has no plan")?
        .id;
    store.submit_plan(plan)?;
    let doc = store.plan_document(plan)?;
    store.add_comment(
        plan,
        &on_line(
            Entity::Activity,
            doc.activities[2].id,
            "Nêu rõ đối tượng tiếp nhận.",
        ),
    )?;
    store.return_plan(
        plan,
        &[
            on_step(Step::Budget, "Đối chiếu định mức chi."),
            on_line(
                Entity::BudgetLine,
                doc.budget_lines[0].id,
                "Dòng này cần ghi chú nguồn.",
            ),
        ],
    )?;
    Ok(())
}
