//! `mediaquiz schema`: the JSON Schema editors use. Every bank `check`
//! accepts passes it; every invalid fixture whose fault is in a field's shape
//! fails it; the faults only `check` can see (the article, relations between
//! fields, broken YAML) are listed with the reason.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::util::{fixtures, mediaquiz, stdout_of};

/// Banks `check` accepts: the schema must accept them too.
const VALID: &[&str] = &[
    "bom-crlf.yaml",
    "injection.yaml",
    "moodle.yaml",
    "open.yaml",
    "sheet.yaml",
    "valid.yaml",
    "warnings.yaml",
];

/// Invalid fixtures whose fault is in a field's shape, with the place in
/// the bank where the schema must report it.
const CAUGHT: &[(&str, &str)] = &[
    ("bank-id.yaml", "/id"),                      // "Lere Bank" breaks [a-z0-9-]+
    ("bank-shape.yaml", "/language"),             // `klingon`, `source: 42`, `questions: 5`
    ("english.yaml", "/questions/0"),             // `colour`
    ("more-messages.yaml", "/questions/0"),       // a question that is a bare text
    ("no-choices.yaml", "/questions/0"),          // a single question without `choices`
    ("no-language.yaml", "/questions/0"),         // `colour`
    ("empty.yaml", ""),                           // no bank at all
    ("every-problem.yaml", "/questions/1"),       // a question without `type`
    ("ids.yaml", "/questions/0"),                 // a question without `id`
    ("ids-broken.yaml", "/questions/0"),          // a true/false without `answer`
    ("messages.yaml", "/questions/0/difficulty"), // "2" in quotes, a null title…
    ("missing-content.yaml", "/questions/0"),     // no `explanation`
    ("shapes.yaml", "/questions/7/answer"),       // a claim verdict `maybe`
    ("type-skill.yaml", "/questions/0/type"),     // `singel`, `sourcng`, difficulty 5
    ("unknown-field.yaml", "/questions/0"),       // `promt`, `colour`
    ("wrong-types.yaml", "/questions/0/justify"), // `justify: maybe`, `answer: oui`
];

/// Invalid fixtures the schema accepts, and why only `check` can tell.
const NOT_CAUGHT: &[(&str, &str)] = &[
    (
        "choices.yaml",
        "the answer must be one of the choices: a relation between two fields' values",
    ),
    (
        "control-article.yaml",
        "the article holds control characters: the article is not in the bank",
    ),
    (
        "control-characters.yaml",
        "escape sequences are valid JSON text; `check` refuses control characters",
    ),
    (
        "evidence.yaml",
        "evidence must be found in the article, word for word",
    ),
    (
        "latin1-source.yaml",
        "the article is not UTF-8: the article is not in the bank",
    ),
    ("missing-source.yaml", "the article file does not exist"),
    (
        "open-rubric.yaml",
        "a rubric needs `justify: true`, levels differ: cross-field rules",
    ),
];

/// Fixtures that are not a YAML document an editor could check against any
/// schema: its YAML parser reports them before the schema applies.
const NOT_YAML: &[&str] = &[
    "alias-bomb.yaml",
    "deep-nesting.yaml",
    "huge-number.yaml",
    "latin1-bank.yaml",
    "nul-byte.yaml",
    "syntax.yaml",
    "yaml-brace.yaml",
    "yaml-bracket.yaml",
    "yaml-duplicate-key.yaml",
    "yaml-tab.yaml",
    "yaml-two-documents.yaml",
];

/// The schema `mediaquiz schema` prints, compiled as draft-07.
fn validator() -> jsonschema::Validator {
    let output = mediaquiz(&["schema"]).output().unwrap();
    assert!(output.status.success());
    let schema: Value = serde_json::from_str(&stdout_of(&output)).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    jsonschema::draft7::new(&schema).unwrap()
}

/// A YAML bank as the JSON value an editor's YAML server checks, if it is
/// one YAML document.
fn instance(path: &Path) -> Option<Value> {
    let text = fs::read_to_string(path).ok()?;
    let yaml: serde_yaml::Value = serde_yaml::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    serde_json::to_value(yaml).ok()
}

/// Where the schema finds fault, and what it says.
fn errors(validator: &jsonschema::Validator, value: &Value) -> Vec<(String, String)> {
    validator
        .iter_errors(value)
        .map(|e| (e.instance_path().to_string(), e.to_string()))
        .collect()
}

fn check_fails(name: &str) {
    mediaquiz(&["check", name]).assert().code(1);
}

#[test]
fn the_shipped_bank_and_every_valid_fixture_pass() {
    let validator = validator();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("questions/lere/lere.yaml");
    let mut banks = vec![shipped];
    banks.extend(VALID.iter().map(|name| fixtures().join(name)));
    for bank in banks {
        let value = instance(&bank).unwrap();
        assert_eq!(errors(&validator, &value), [], "{}", bank.display());
    }
    for name in VALID {
        mediaquiz(&["check", name]).assert().success();
    }
}

#[test]
fn each_invalid_fixture_the_schema_can_catch_is_rejected_where_it_is_wrong() {
    let validator = validator();
    for (name, place) in CAUGHT {
        check_fails(name);
        let value = instance(&fixtures().join(name)).unwrap();
        let found = errors(&validator, &value);
        assert!(
            found.iter().any(|(at, _)| at == place),
            "{name}: expected an error at `{place}`, got {found:?}"
        );
    }
}

#[test]
fn what_only_check_can_see_passes_the_schema_and_fails_check() {
    let validator = validator();
    for (name, why) in NOT_CAUGHT {
        check_fails(name);
        let value = instance(&fixtures().join(name)).unwrap();
        assert_eq!(errors(&validator, &value), [], "{name} ({why})");
    }
    for name in NOT_YAML {
        check_fails(name);
        assert!(instance(&fixtures().join(name)).is_none(), "{name}");
    }
}

/// A new fixture must be sorted into one of the lists above.
#[test]
fn every_fixture_bank_is_classified_once() {
    let mut listed: Vec<&str> = VALID.to_vec();
    listed.extend(CAUGHT.iter().map(|(name, _)| *name));
    listed.extend(NOT_CAUGHT.iter().map(|(name, _)| *name));
    listed.extend(NOT_YAML);
    listed.sort_unstable();
    let mut on_disk: Vec<String> = fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".yaml"))
        .collect();
    on_disk.sort_unstable();
    assert_eq!(listed, on_disk);
}

#[test]
fn a_draft_passes_the_schema_with_its_todos() {
    let dir = tempfile::tempdir().unwrap();
    let article = fixtures().join("draft/harbour-bridge.en.txt");
    fs::copy(&article, dir.path().join("bridge.txt")).unwrap();
    mediaquiz(&["draft", "bridge.txt"])
        .current_dir(dir.path())
        .assert()
        .success();
    let value = instance(&dir.path().join("bridge.yaml")).unwrap();
    assert_eq!(errors(&validator(), &value), []);
}

#[test]
fn fields_carry_descriptions_and_closed_sets_are_enums() {
    let output = mediaquiz(&["schema"]).output().unwrap();
    let schema: Value = serde_json::from_str(&stdout_of(&output)).unwrap();
    let question = &schema["definitions"]["question"];
    assert_eq!(question["additionalProperties"], false);
    assert_eq!(schema["additionalProperties"], false);
    assert_eq!(question["properties"]["skill"]["enum"][1], "sourcing");
    assert_eq!(question["properties"]["type"]["enum"][9], "open");
    assert_eq!(
        schema["properties"]["language"]["enum"],
        serde_json::json!(["fr", "en"])
    );
    let described = question["properties"]
        .as_object()
        .unwrap()
        .values()
        .all(|field| field["description"].as_str().is_some_and(|d| !d.is_empty()));
    assert!(described);
}
