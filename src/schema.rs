//! `mediaquiz schema`: the JSON Schema (draft-07) of the bank format, derived
//! from the field table in [`crate::bank::format`] so the two cannot drift.
//!
//! Editors (VS Code with the YAML extension, and any yaml-language-server
//! client) use it for completion, hover text and checking as a teacher types.
//! It catches what a field's shape can say (unknown or misplaced fields,
//! missing ones, wrong names, wrong kinds of value); what needs the article or
//! the whole bank (evidence found verbatim, unique ids, answers among the
//! choices) stays with `mediaquiz check`.

use serde_json::{Map, Value, json};

use crate::bank::format::{COMMON, Field, SOURCE, Shape, TOP, TYPES};

/// The schema's `$id`: a stable name, not a place to download from.
pub const SCHEMA_ID: &str = "urn:mediaquiz:bank-schema";

/// The JSON Schema of a bank, as a JSON value.
pub fn bank_schema() -> Value {
    let mut definitions = Map::new();
    definitions.insert("text".to_owned(), text());
    definitions.insert("texts".to_owned(), texts());
    definitions.insert("rubric".to_owned(), rubric());
    definitions.insert("feedback".to_owned(), feedback());
    definitions.insert("pairs".to_owned(), pairs());
    definitions.insert(
        "source".to_owned(),
        object(SOURCE, "the article the questions are about"),
    );
    definitions.insert("question".to_owned(), question());
    let mut schema = object(TOP, "a mediaquiz question bank");
    let extra = [
        ("$schema", json!("http://json-schema.org/draft-07/schema#")),
        ("$id", json!(SCHEMA_ID)),
        ("title", json!("mediaquiz question bank")),
        ("definitions", Value::Object(definitions)),
    ];
    if let Value::Object(map) = &mut schema {
        for (key, value) in extra {
            map.insert(key.to_owned(), value);
        }
    }
    schema
}

/// The schema as pretty-printed JSON, ending with a newline.
pub fn bank_schema_text() -> String {
    // Serialising a `Value` built from strings and numbers cannot fail.
    let mut text = serde_json::to_string_pretty(&bank_schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// A closed object of `fields`: each described, the required ones required.
fn object(fields: &[Field], description: &str) -> Value {
    let properties: Map<String, Value> = fields
        .iter()
        .map(|f| (f.name.to_owned(), field(f)))
        .collect();
    json!({
        "type": "object",
        "description": description,
        "properties": properties,
        "required": required(fields),
        "additionalProperties": false,
    })
}

fn required(fields: &[Field]) -> Vec<&'static str> {
    fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect()
}

/// A field's value schema, with its one-line description.
fn field(field: &Field) -> Value {
    described(shape(field.shape), field.doc)
}

/// `value` with a description. In draft-07 a `$ref` hides its siblings, so a
/// reference is wrapped in `allOf` for the description to be seen.
fn described(value: Value, description: &str) -> Value {
    let mut value = if value.get("$ref").is_some() {
        json!({ "allOf": [value] })
    } else {
        value
    };
    if let Value::Object(map) = &mut value {
        map.insert("description".to_owned(), json!(description));
    }
    value
}

fn shape(shape: Shape) -> Value {
    let reference = |name: &str| json!({ "$ref": format!("#/definitions/{name}") });
    match shape {
        Shape::Text => reference("text"),
        Shape::Id => json!({ "type": "string", "pattern": "^[a-z0-9-]+$" }),
        Shape::Texts => reference("texts"),
        Shape::Flag => json!({ "type": "boolean" }),
        Shape::Number { min, max } => json!({ "type": "integer", "minimum": min, "maximum": max }),
        Shape::Name(names) => json!({ "type": "string", "enum": names }),
        Shape::Pairs => reference("pairs"),
        Shape::Feedback => reference("feedback"),
        Shape::Rubric => reference("rubric"),
        Shape::Source => reference("source"),
        Shape::Questions => json!({
            "type": "array",
            "minItems": 1,
            "items": reference("question"),
        }),
    }
}

/// Text: a string with something in it; the parser also takes a bare number
/// or boolean as text (`answer: 42`).
fn text() -> Value {
    json!({
        "description": "text (a bare number or true/false is read as text too)",
        "anyOf": [
            { "type": "string", "pattern": "\\S" },
            { "type": ["number", "boolean"] },
        ],
    })
}

/// A list of texts; a single text is read as a list of one.
fn texts() -> Value {
    json!({
        "description": "a list of texts (a single text is read as a list of one)",
        "anyOf": [
            { "type": "array", "items": { "$ref": "#/definitions/text" } },
            { "$ref": "#/definitions/text" },
        ],
    })
}

fn rubric() -> Value {
    json!({
        "description": "levels `{points, criterion}`, each a different score",
        "type": "array",
        "minItems": 1,
        "items": {
            "type": "object",
            "properties": {
                "points": {
                    "description": "what an answer at this level scores, a whole number from 0 to 100",
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 100,
                },
                "criterion": described(
                    json!({ "$ref": "#/definitions/text" }),
                    "what an answer at this level contains",
                ),
            },
            "required": ["points", "criterion"],
            "additionalProperties": false,
        },
    })
}

fn feedback() -> Value {
    json!({
        "description": "a wrong choice, as written, mapped to why it is wrong",
        "type": "object",
        "additionalProperties": { "$ref": "#/definitions/text" },
    })
}

fn pairs() -> Value {
    json!({
        "description": "pairs `[left, right]`",
        "type": "array",
        "items": {
            "type": "array",
            "items": { "$ref": "#/definitions/text" },
            "minItems": 2,
            "maxItems": 2,
        },
    })
}

/// A question: every field any type may have is listed (so an editor
/// completes them all), and one `if type is T then …` branch per type
/// requires T's fields, gives their shapes, and refuses the others.
fn question() -> Value {
    let mut properties = Map::new();
    for f in COMMON.iter().chain(TYPES.iter().flat_map(|t| t.fields)) {
        // A name several types share (`answer`) keeps its first description
        // here; its shape is given per type below.
        properties
            .entry(f.name.to_owned())
            .or_insert_with(|| json!({ "description": f.doc }));
    }
    for f in COMMON {
        properties.insert(f.name.to_owned(), field(f));
    }
    let branches: Vec<Value> = TYPES
        .iter()
        .map(|t| {
            let own: Map<String, Value> = t
                .fields
                .iter()
                .map(|f| (f.name.to_owned(), field(f)))
                .collect();
            let mut allowed: Vec<&str> = Vec::new();
            for f in COMMON.iter().chain(t.fields) {
                if !allowed.contains(&f.name) {
                    allowed.push(f.name);
                }
            }
            let mut then = json!({
                "properties": own,
                "required": required(t.fields),
                "propertyNames": { "enum": allowed },
            });
            if !t.supported
                && let Value::Object(map) = &mut then
            {
                map.insert(
                    "description".to_owned(),
                    json!(format!(
                        "type `{}` is declared by the format but not usable by this mediaquiz yet",
                        t.name
                    )),
                );
            }
            json!({
                "if": { "properties": { "type": { "const": t.name } }, "required": ["type"] },
                "then": then,
            })
        })
        .collect();
    json!({
        "type": "object",
        "description": "a question; `type` decides which other fields it has",
        "properties": properties,
        "required": required(COMMON),
        "additionalProperties": false,
        "allOf": branches,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::format;

    #[test]
    fn every_table_field_is_described() {
        let schema = bank_schema();
        let question = &schema["definitions"]["question"]["properties"];
        for name in format::question_fields() {
            let description = question[name]["description"].as_str().unwrap_or("");
            assert!(!description.is_empty(), "{name} has no description");
        }
        for f in TOP {
            assert!(schema["properties"][f.name]["description"].is_string());
        }
    }

    /// Every `$ref` stands alone (draft-07 ignores its siblings) and every
    /// enum lists each value once.
    #[test]
    fn references_stand_alone_and_enums_are_unique() {
        fn walk(value: &Value) {
            match value {
                Value::Object(map) => {
                    if map.contains_key("$ref") {
                        assert_eq!(map.len(), 1, "{value}");
                    }
                    if let Some(Value::Array(list)) = map.get("enum") {
                        let mut names: Vec<String> = list.iter().map(Value::to_string).collect();
                        names.sort_unstable();
                        names.dedup();
                        assert_eq!(names.len(), list.len(), "{value}");
                    }
                    map.values().for_each(walk);
                }
                Value::Array(list) => list.iter().for_each(walk),
                _ => {}
            }
        }
        walk(&bank_schema());
    }

    #[test]
    fn each_type_has_one_branch_with_its_required_fields() {
        let schema = bank_schema();
        let branches = schema["definitions"]["question"]["allOf"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert_eq!(branches.len(), TYPES.len());
        let open = branches
            .iter()
            .find(|b| b["if"]["properties"]["type"]["const"] == "open")
            .map(|b| b["then"]["required"].clone());
        assert_eq!(open, Some(json!(["prompt", "answer", "rubric"])));
    }
}
