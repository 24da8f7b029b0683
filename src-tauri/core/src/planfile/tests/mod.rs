//! Unit tests of the plan file: hash, UUIDs, parse round trip and refusals;
//! the results an approved plan's file carries in `results`.

mod results;

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
pub(super) fn revision_file(decision: Option<FileDecision>) -> PlanFileV2 {
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

pub(super) fn decision(action: ReviewAction, at: &str) -> Option<FileDecision> {
    Some(FileDecision {
        action,
        at: at.into(),
        by: "Sở Tư pháp".into(),
    })
}

pub(super) fn refusal(file: &PlanFileV2) -> String {
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

/// The sample's objectives.
fn v3_objectives() -> Vec<crate::plan::Objective> {
    crate::check::tests::sample().objectives
}

/// A file as version 2 wrote it: no objective, no previous results.
fn version_2_bytes(file: &PlanFileV2) -> Vec<u8> {
    let mut json = serde_json::to_value(file).expect("json");
    json["version"] = 2.into();
    let doc = without_empty_v3_keys(&json["document"]);
    json["document"] = doc;
    serde_json::to_vec_pretty(&json).expect("bytes")
}

#[test]
fn a_version_2_file_is_read_and_hashes_as_it_did() {
    let mut v2 = revision_file(None).document.expect("document");
    v2.objectives.clear();
    v2.fields.previous_results.clear();
    let file = PlanFileV2::of_plan(
        v2.clone(),
        uuid_v4([7; 16]),
        Some(1),
        "2027-01-05T08:00:00Z".into(),
        "0.1.0",
    );
    let stamp = file.revision.clone().expect("revision");
    // The hash of the document as version 2 wrote it.
    let v2_json = without_empty_v3_keys(&serde_json::to_value(&v2).expect("json"));
    assert!(v2_json.get("objectives").is_none());
    let mut canonical = Sha256::new();
    canonical.update(canonical_json(&v2_json).as_bytes());
    let hex: String = canonical
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(stamp.sha256, hex);
    let bytes = version_2_bytes(&file);
    let text = String::from_utf8(bytes.clone()).expect("utf-8");
    assert!(!text.contains("objectives") && !text.contains("previousResults"));
    let read = parse(&bytes).expect("a version 2 file");
    assert_eq!(read.document, Some(v2));
    assert_eq!(read.revision, Some(stamp));
    // Version 2 has no such keys: one there, empty or not, is a stranger.
    for extra in [
        serde_json::json!([]),
        serde_json::to_value(v3_objectives()).expect("json"),
    ] {
        let mut json: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
        json["document"]["objectives"] = extra;
        let refused =
            parse(&serde_json::to_vec(&json).expect("bytes")).expect_err("v2 with v3 keys");
        assert!(refused.message.contains("trường lạ"), "{}", refused.message);
    }
}

#[test]
fn objectives_and_previous_results_travel_in_a_version_3_file_and_count_in_the_hash() {
    let file = revision_file(None);
    let doc = file.document.clone().expect("document");
    assert!(!doc.objectives.is_empty(), "the sample has objectives");
    let read = parse(&file.to_bytes()).expect("a version 3 file");
    assert_eq!(read.version, VERSION);
    assert_eq!(read.document.as_ref(), Some(&doc));
    let mut fewer = doc.clone();
    fewer.objectives.pop();
    assert_ne!(sha256_of(&fewer), sha256_of(&doc));
    let mut opened = doc.clone();
    opened.fields.previous_results = "Năm 2026, …".into();
    assert_ne!(sha256_of(&opened), sha256_of(&doc));
    // A newer version is told apart from a broken file.
    let mut json = serde_json::to_value(&file).expect("json");
    json["version"] = (VERSION + 1).into();
    let newer = parse(&serde_json::to_vec(&json).expect("bytes")).expect_err("newer");
    assert!(
        newer
            .message
            .ends_with("hãy cập nhật ứng dụng để mở tệp này.")
    );
}
