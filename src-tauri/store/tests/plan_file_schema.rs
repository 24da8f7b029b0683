//! `docs/plan-file.schema.json` describes what the app writes: for every
//! object of a plan file and of a return file, the schema's required keys are
//! exactly its properties and exactly the keys the writer writes (no JSON
//! Schema crate is among the dependencies, so the keys are compared).

mod common;
mod travel;

use std::collections::BTreeSet;

use serde_json::Value as Json;

fn schema() -> Json {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/plan-file.schema.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("schema")).expect("schema JSON")
}

fn keys(object: &Json) -> BTreeSet<String> {
    object
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

/// The object's required keys, its properties and the written keys agree.
fn agrees(name: &str, definition: &Json, written: &Json) {
    let required: BTreeSet<String> = definition["required"]
        .as_array()
        .unwrap_or_else(|| panic!("{name}: no required list"))
        .iter()
        .map(|k| k.as_str().expect("key").to_string())
        .collect();
    assert_eq!(
        required,
        keys(&definition["properties"]),
        "{name}: required ≠ properties"
    );
    assert_eq!(
        required,
        keys(written),
        "{name}: the schema ≠ what the writer writes"
    );
    assert_eq!(
        definition["additionalProperties"],
        Json::Bool(false),
        "{name}"
    );
}

#[test]
fn the_schema_names_every_key_the_writer_writes() {
    let officer = travel::officer();
    let plan = travel::json(&officer.file);
    let answer = travel::json(&travel::return_of(&officer.file));
    let schema = schema();
    let defs = &schema["$defs"];
    agrees("the plan file", &schema, &plan);
    agrees("the return file", &schema, &answer);
    let anchors = defs["anchor"]["oneOf"].as_array().expect("anchors");
    let objects = [
        ("unit", &plan["unit"]),
        ("revision", &plan["revision"]),
        ("totals", &plan["totals"]),
        ("comment", &answer["comments"][0]),
        ("decision", &answer["decision"]),
        ("document", &plan["document"]),
        ("documentUnit", &plan["document"]["unit"]),
        ("fields", &plan["document"]["fields"]),
        ("legalBasis", &plan["document"]["legalBases"][0]),
        ("policy", &plan["document"]["policies"][0]),
        ("stage", &plan["document"]["policies"][0]["stages"][0]),
        ("activity", &plan["document"]["activities"][0]),
        ("focalOfficer", &plan["document"]["focalOfficers"][0]),
        ("training", &plan["document"]["trainings"][0]),
        ("pressPartner", &plan["document"]["pressPartners"][0]),
        ("responsibility", &plan["document"]["responsibilities"][0]),
        ("report", &plan["document"]["reports"][0]),
        ("recipient", &plan["document"]["recipients"][0]),
        ("channel", &plan["document"]["channels"][0]),
        ("budgetLine", &plan["document"]["budgetLines"][0]),
        ("objective", &plan["document"]["objectives"][0]),
        ("refItem", &plan["document"]["budgetCategories"][0]),
        ("refItem", &plan["document"]["fundingSources"][0]),
    ];
    for (name, written) in objects {
        assert!(written.is_object(), "{name}: the sample writes none");
        agrees(name, &defs[name], written);
    }
    let line = &answer["comments"][0]["anchor"];
    let section = &answer["comments"][1]["anchor"];
    assert_eq!(
        (line["kind"].as_str(), section["kind"].as_str()),
        (Some("line"), Some("section"))
    );
    agrees("a line anchor", &anchors[1], line);
    agrees("a section anchor", &anchors[0], section);
    let lists = keys(&defs["document"]["properties"]);
    let written_lists = keys(&plan["document"]);
    assert_eq!(lists, written_lists);
    assert_eq!(
        schema["properties"]["version"]["const"],
        Json::from(commplan_core::planfile::VERSION)
    );
}
