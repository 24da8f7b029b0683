//! `docs/plan-file.schema.json` describes what the app writes: for every
//! object of a plan file and of a return file, the schema's required keys are
//! exactly its properties and exactly the keys the writer writes (no JSON
//! Schema crate is among the dependencies, so the keys are compared); the
//! one optional key, a file's `results`, is written only in an approved
//! plan's file with something recorded.

mod common;
mod travel;

use std::collections::BTreeSet;

use commplan_core::results::{ObjectiveResult, Period, ReportTexts};
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

/// The file's results: what `travel::record_some` records, an objective's
/// actual value and the year's report texts.
fn results_written() -> Json {
    let officer = travel::approved_officer(|store, plan, doc| {
        travel::record_some(store, plan, doc);
        let manual = doc.objectives.iter().find(|o| !o.measure.is_computed());
        let actual = ObjectiveResult {
            objective_id: manual.expect("a manual objective").id,
            actual: Some(72),
            note: String::new(),
            recorded_at: String::new(),
        };
        store.record_objective(plan, &actual).expect("objective");
        let texts = ReportTexts {
            period: Period::Year,
            number: "45".into(),
            issue_date: String::new(),
            difficulties: String::new(),
            proposals: String::new(),
        };
        store.save_report_texts(plan, &texts).expect("texts");
    });
    travel::json(&officer.file)
}

#[test]
fn the_schema_names_every_key_the_writer_writes() {
    let officer = travel::officer();
    let mut plan = travel::json(&officer.file);
    let mut answer = travel::json(&travel::return_of(&officer.file));
    let schema = schema();
    let defs = &schema["$defs"];
    let approved = results_written();
    let results = &approved["results"];
    // `results` is required where it is written, and written only there.
    let mut with_results = schema.clone();
    with_results["required"]
        .as_array_mut()
        .expect("required")
        .push("results".into());
    agrees("an approved plan's file", &with_results, &approved);
    for file in [&mut plan, &mut answer] {
        assert!(file.get("results").is_none(), "nothing recorded: left out");
        file["results"] = Json::Null;
    }
    agrees("the plan file", &with_results, &plan);
    agrees("the return file", &with_results, &answer);
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
        ("results", results),
        ("activityResult", &results["activities"][0]),
        ("lineSpending", &results["spending"][0]),
        ("objectiveResult", &results["objectives"][0]),
        ("reportTexts", &results["reports"][0]),
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
