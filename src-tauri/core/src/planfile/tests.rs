//! Unit tests of the plan file: hash, UUIDs, parse round trip and refusals.

use super::*;
use crate::review::ReviewAction;

#[test]
fn uuids_are_version_4_and_checked() {
    let u = uuid_v4([0xff; 16]);
    assert_eq!(u, "ffffffff-ffff-4fff-bfff-ffffffffffff");
    assert!(is_uuid_v4(&u));
    assert!(is_uuid_v4(&uuid_v4([0; 16])));
    assert!(!is_uuid_v4("FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF"));
    assert!(!is_uuid_v4("ffffffff-ffff-1fff-bfff-ffffffffffff"));
    assert!(!is_uuid_v4(""));
}

#[test]
fn canonical_json_sorts_keys_and_has_no_white_space() {
    let v: serde_json::Value =
        serde_json::from_str(r#"{ "b": [1, {"z": "ế", "a": null}], "a": "x\"y" }"#).expect("json");
    assert_eq!(
        canonical_json(&v),
        r#"{"a":"x\"y","b":[1,{"a":null,"z":"ế"}]}"#
    );
}

/// The sample's revision 1 as a plan file, with `decision` set as given.
fn revision_file(decision: Option<FileDecision>) -> PlanFileV2 {
    let mut doc = crate::check::tests::sample();
    doc.status = crate::PlanStatus::Submitted;
    let mut file = PlanFileV2::of_plan(
        doc,
        uuid_v4([7; 16]),
        Some(1),
        "2027-01-05T08:00:00Z".into(),
        "0.1.0",
    );
    file.decision = decision;
    file
}

fn decision(action: ReviewAction, at: &str) -> Option<FileDecision> {
    Some(FileDecision {
        action,
        at: at.into(),
        by: "Sở Tư pháp".into(),
    })
}

fn refusal(file: &PlanFileV2) -> String {
    parse(&file.to_bytes()).expect_err("refused").message
}

#[test]
fn an_approved_revision_carries_its_approval_outside_the_hash() {
    let plain = revision_file(None);
    let approved = revision_file(decision(ReviewAction::Approve, "2027-01-10T09:30:00Z"));
    let read = parse(&approved.to_bytes()).expect("an approved plan's file");
    assert_eq!(read.decision, approved.decision);
    assert_eq!(read.revision, plain.revision, "the hash is the document's");
    assert_eq!(parse(&plain.to_bytes()).expect("plain").decision, None);
}

#[test]
fn a_plan_file_carries_no_return_and_a_draft_no_decision() {
    let returned = revision_file(decision(ReviewAction::Return, "2027-01-10T09:30:00Z"));
    assert!(
        refusal(&returned).contains("chỉ có trong tệp trả lời"),
        "{}",
        refusal(&returned)
    );
    let submit = revision_file(decision(ReviewAction::Submit, "2027-01-10T09:30:00Z"));
    assert!(refusal(&submit).contains("chỉ được mang quyết định “Phê duyệt”"));
    let mut draft = revision_file(decision(ReviewAction::Approve, "2027-01-10T09:30:00Z"));
    draft.revision = None;
    assert!(
        refusal(&draft).starts_with("Bản nháp trong tệp kế hoạch không được mang quyết định"),
        "{}",
        refusal(&draft)
    );
    let undated = revision_file(decision(ReviewAction::Approve, "hôm qua"));
    assert_eq!(
        refusal(&undated),
        "Thời điểm quyết định trong tệp không hợp lệ."
    );
}
