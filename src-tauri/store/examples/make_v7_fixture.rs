//! Makes the schema-7 migration fixture (see `tests/fixtures/README.md`): on
//! FILE, the sample plan (own, 2027) submitted, sent, returned by a reviewer
//! on another database with a comment on a line, and the return opened, so
//! that FILE applied one return; and a plan received from another database
//! (the sample copied into 2028 there, submitted and sent), commented and
//! approved on FILE, its return file written.
//!
//! `cargo run -p commplan-store --example make_v7_fixture -- FILE`, on a file
//! made by `commplan sample --db FILE`.

use commplan_core::planfile::FileSource;
use commplan_core::review::{CommentAnchor, NewComment};
use commplan_core::{CopyPlan, Entity};
use commplan_store::Store;

fn comment(entity: Entity, id: i64, text: &str) -> NewComment {
    NewComment {
        anchor: CommentAnchor::Line {
            entity,
            id,
            field: Some("content".into()),
        },
        text: text.into(),
        author: "Sở Tư pháp".into(),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: make_v7_fixture FILE")?;
    let mut own = Store::open(std::path::Path::new(&path))?;
    let plan = own.list_plans()?.first().ok_or("no sample plan")?.id;
    own.submit_plan(plan)?;
    let sent = own.plan_file(plan, FileSource::Submitted)?;

    let elsewhere = tempfile::tempdir()?;
    let mut reviewer = Store::open(&elsewhere.path().join("reviewer.sqlite3"))?;
    let received = reviewer.open_plan_file(&sent.bytes)?.plan.id;
    let activity = reviewer.plan_document(received)?.activities[3].id;
    let note = comment(Entity::Activity, activity, "Nêu rõ đối tượng tiếp nhận.");
    reviewer.return_plan(received, &[note])?;
    own.open_plan_file(&reviewer.return_file(received)?.bytes)?;

    let mut other = Store::open(&elsewhere.path().join("other.sqlite3"))?;
    let sample = other.create_sample()?.id;
    let copy = other.copy_plan(&CopyPlan {
        from_id: sample,
        year: 2028,
    })?;
    other.submit_plan(copy.id)?;
    let incoming = own
        .open_plan_file(&other.plan_file(copy.id, FileSource::Submitted)?.bytes)?
        .plan
        .id;
    let line = own.plan_document(incoming)?.activities[0].id;
    own.add_comment(incoming, &comment(Entity::Activity, line, "Đồng ý."))?;
    own.approve_plan(incoming)?;
    own.return_file(incoming)?;
    Ok(())
}
