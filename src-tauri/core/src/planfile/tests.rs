//! Unit tests of the plan file: hash, UUIDs, parse round trip and refusals.

use super::*;

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
