//! The draft's YAML, written by hand so it reads like a bank a teacher wrote:
//! fields in the usual order, one list entry per line, `TODO` left plain.

use std::fmt::Write;
use std::sync::LazyLock;

use crate::bank::format;

/// The order of a question's fields in the file, derived from the format's
/// table ([`format::COMMON`], [`format::TYPES`]): what names the question
/// (`id` to `difficulty`), then every type's own fields, then the rest of
/// the common ones (`explanation`, `evidence`, `tags`…), each once.
pub static QUESTION_FIELDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let head = format::COMMON
        .iter()
        .position(|f| f.name == "difficulty")
        .map_or(0, |at| at + 1);
    let (naming, rest) = format::COMMON.split_at(head);
    let mut names: Vec<&'static str> = Vec::new();
    let own = format::TYPES.iter().flat_map(|t| t.fields);
    for field in naming.iter().chain(own).chain(rest) {
        if !names.contains(&field.name) {
            names.push(field.name);
        }
    }
    names
});

/// What the teacher must write: printed as a plain `TODO` that `check` counts.
pub const TODO: &str = "TODO";

/// A field's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A string (quoted), or [`TODO`] (plain).
    Text(String),
    /// A list of strings, one entry per line.
    List(Vec<String>),
    /// A number or a boolean, printed as is.
    Plain(String),
}

/// A drafted question: its fields by name, printed in [`QUESTION_FIELDS`] order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// `(field, value)` pairs, in any order.
    pub fields: Vec<(&'static str, Value)>,
}

impl Entry {
    /// Sets a text field.
    pub fn text(mut self, field: &'static str, value: impl Into<String>) -> Entry {
        self.fields.push((field, Value::Text(value.into())));
        self
    }

    /// Sets a list field.
    pub fn list(mut self, field: &'static str, values: Vec<String>) -> Entry {
        self.fields.push((field, Value::List(values)));
        self
    }

    /// Sets a number or boolean field.
    pub fn plain(mut self, field: &'static str, value: impl ToString) -> Entry {
        self.fields.push((field, Value::Plain(value.to_string())));
        self
    }

    /// The text of a field, if set.
    pub fn get(&self, field: &str) -> Option<&Value> {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, v)| v)
    }
}

/// Fields whose values are names (`single`, `sourcing`, ids): written plain.
const NAME_FIELDS: &[&str] = &["id", "type", "skill"];

/// A YAML double-quoted scalar, or plain `TODO`.
pub fn scalar(value: &str) -> String {
    if value == TODO {
        return TODO.to_owned();
    }
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether a value can be written plain: `[a-z0-9-]+`, not a YAML keyword.
fn is_name(value: &str) -> bool {
    let keyword = matches!(
        value,
        "true" | "false" | "yes" | "no" | "null" | "on" | "off" | "y" | "n"
    );
    !keyword
        && value.starts_with(|c: char| c.is_ascii_lowercase())
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Writes one question as a `questions:` list entry.
pub fn write_entry(out: &mut String, entry: &Entry) {
    debug_assert!(
        entry
            .fields
            .iter()
            .all(|(f, _)| QUESTION_FIELDS.contains(f)),
        "a drafted field the format does not declare: {:?}",
        entry.fields
    );
    let mut first = true;
    for field in QUESTION_FIELDS.iter() {
        let Some(value) = entry.get(field) else {
            continue;
        };
        let lead = if first { "  - " } else { "    " };
        first = false;
        match value {
            Value::Text(text) if NAME_FIELDS.contains(field) && is_name(text) => {
                let _ = writeln!(out, "{lead}{field}: {text}");
            }
            Value::Text(text) => {
                let _ = writeln!(out, "{lead}{field}: {}", scalar(text));
            }
            Value::Plain(text) => {
                let _ = writeln!(out, "{lead}{field}: {text}");
            }
            Value::List(items) if *field == "tags" => {
                let _ = writeln!(out, "{lead}{field}: [{}]", items.join(", "));
            }
            Value::List(items) => {
                let _ = writeln!(out, "{lead}{field}:");
                for item in items {
                    let _ = writeln!(out, "      - {}", scalar(item));
                }
            }
        }
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_order_names_first_and_keeps_every_field_once() {
        assert_eq!(QUESTION_FIELDS[..4], ["id", "type", "skill", "difficulty"]);
        let mut all = format::question_fields();
        let mut ordered = QUESTION_FIELDS.clone();
        all.sort_unstable();
        ordered.sort_unstable();
        assert_eq!(ordered, all);
        let at = |name| QUESTION_FIELDS.iter().position(|f| *f == name);
        assert!(at("prompt") < at("choices") && at("choices") < at("answer"));
        assert!(at("answer") < at("explanation") && at("explanation") < at("evidence"));
    }

    #[test]
    fn fields_follow_the_table_and_todo_stays_plain() {
        let entry = Entry::default()
            .text("explanation", TODO)
            .text("id", "q1")
            .list(
                "choices",
                vec!["« oui »".to_owned(), "a \"b\"".to_owned(), TODO.to_owned()],
            )
            .plain("difficulty", 2);
        let mut out = String::new();
        write_entry(&mut out, &entry);
        assert_eq!(
            out,
            "  - id: q1\n    difficulty: 2\n    choices:\n      - \"« oui »\"\n      - \"a \\\"b\\\"\"\n      - TODO\n    explanation: TODO\n\n"
        );
    }
}
