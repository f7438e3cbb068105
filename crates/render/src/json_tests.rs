//! `render_json` against `schema/analysis.schema.json`: the sample analysis
//! must validate, every field it has must be declared by the schema (so a
//! model field added without a schema entry fails here), and the schema's
//! enums must be values the model accepts.

use std::path::PathBuf;

use boon::{Compiler, SchemaIndex, Schemas};
use corroborate_model::{ClaimStatus, ConflictKind, EntityKind, EventType};
use serde_json::Value;

use crate::fixture::sample_analysis;
use crate::render_json;

fn schema_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema/analysis.schema.json")
}

fn schema_json() -> Value {
    let text = std::fs::read_to_string(schema_path()).expect("schema file is readable");
    serde_json::from_str(&text).expect("schema is JSON")
}

fn compiled() -> (Schemas, SchemaIndex) {
    let mut schemas = Schemas::new();
    let mut compiler = Compiler::new();
    compiler.enable_format_assertions();
    let path = schema_path();
    let index = compiler
        .compile(path.to_str().expect("utf-8 path"), &mut schemas)
        .unwrap_or_else(|error| panic!("schema compiles: {error:#}"));
    (schemas, index)
}

fn sample_json() -> Value {
    let text = render_json(&sample_analysis()).expect("serialises");
    serde_json::from_str(&text).expect("output is JSON")
}

#[test]
fn sample_output_validates_against_the_schema() {
    let (schemas, index) = compiled();
    if let Err(error) = schemas.validate(&sample_json(), index) {
        panic!("{error:#}");
    }
}

#[test]
fn validation_rejects_contract_breaks() {
    let (schemas, index) = compiled();
    let mut bad_status = sample_json();
    bad_status["claims"][0]["status"] = Value::from("agreed");
    assert!(schemas.validate(&bad_status, index).is_err());
    let mut missing_field = sample_json();
    if let Some(event) = missing_field["events"][0].as_object_mut() {
        event.remove("independent_sources");
    }
    assert!(schemas.validate(&missing_field, index).is_err());
    let mut bad_date = sample_json();
    bad_date["reports"][0]["published"] = Value::from("6 March 2022");
    assert!(schemas.validate(&bad_date, index).is_err());
}

#[test]
fn output_is_pretty_and_in_struct_order() {
    let text = render_json(&sample_analysis()).expect("serialises");
    let keys = [
        "schema_version",
        "reports",
        "entities",
        "events",
        "claims",
        "conflicts",
        "skipped",
    ];
    let positions: Vec<usize> = keys
        .iter()
        .map(|key| {
            text.find(&format!("\n  \"{key}\":"))
                .expect("top-level key")
        })
        .collect();
    assert!(positions.windows(2).all(|pair| pair[0] < pair[1]));
}

/// Resolves a local `$ref` and picks the object branch of `anyOf`.
fn object_schema<'s>(root: &'s Value, mut schema: &'s Value) -> Option<&'s Value> {
    loop {
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let name = reference.strip_prefix("#/$defs/")?;
            schema = root.get("$defs")?.get(name)?;
        } else if let Some(branches) = schema.get("anyOf").and_then(Value::as_array) {
            schema = branches
                .iter()
                .find(|b| b.get("$ref").is_some() || b.get("properties").is_some())?;
        } else {
            return Some(schema);
        }
    }
}

/// Fails when `instance` has an object key the schema does not declare.
fn assert_declared(root: &Value, schema: &Value, instance: &Value, at: &str) {
    let Some(schema) = object_schema(root, schema) else {
        return;
    };
    match instance {
        Value::Object(fields) => {
            let properties = schema
                .get("properties")
                .unwrap_or_else(|| panic!("{at}: object without properties in schema"));
            for (key, value) in fields {
                let declared = properties
                    .get(key)
                    .unwrap_or_else(|| panic!("{at}/{key} is not in the schema"));
                assert!(
                    declared.get("description").is_some(),
                    "{at}/{key} has no description"
                );
                assert_declared(root, declared, value, &format!("{at}/{key}"));
            }
        }
        Value::Array(items) => {
            if let Some(item_schema) = schema.get("items") {
                for item in items {
                    assert_declared(root, item_schema, item, &format!("{at}[]"));
                }
            }
        }
        _ => {}
    }
}

#[test]
fn every_output_field_is_declared_and_described() {
    let root = schema_json();
    assert_declared(&root, &root, &sample_json(), "");
}

fn enum_values(root: &Value, definition: &str, property: &str) -> Vec<Value> {
    root["$defs"][definition]["properties"][property]["enum"]
        .as_array()
        .cloned()
        .expect("enum list")
}

#[test]
fn schema_enums_are_model_values() {
    let root = schema_json();
    for value in enum_values(&root, "Entity", "kind") {
        let kind: EntityKind = serde_json::from_value(value.clone()).expect("entity kind");
        assert_eq!(kind.as_str(), value);
    }
    for value in enum_values(&root, "Event", "type") {
        let kind: EventType = serde_json::from_value(value.clone()).expect("event type");
        assert_eq!(kind.as_str(), value);
    }
    for value in enum_values(&root, "Claim", "status") {
        let status: ClaimStatus = serde_json::from_value(value.clone()).expect("claim status");
        assert_eq!(status.as_str(), value);
    }
    for value in enum_values(&root, "Conflict", "kind") {
        let _: ConflictKind = serde_json::from_value(value).expect("conflict kind");
    }
    assert_eq!(enum_values(&root, "Event", "type").len(), 33);
}
