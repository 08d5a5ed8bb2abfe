//! `TODO`s left in a bank: fields a draft leaves to the teacher. `check`
//! reports them as one counted kind of error, located per field, before any
//! other finding on those lines (a `TODO` among choices is not a duplicate
//! choice, it is a choice still to write).

/// A field whose value is still `TODO`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Todo {
    /// 1-based line.
    pub line: usize,
    /// The field holding it (`explanation`, `choices`…).
    pub field: String,
    /// The id of the question holding it, when one was seen above.
    pub question: Option<String>,
}

/// Every YAML scalar equal to `TODO` (plain or quoted), by a scan of the raw
/// text: `key: TODO`, `- TODO`, entries of a flow list, or a block scalar's
/// only line.
pub fn find(text: &str) -> Vec<Todo> {
    let mut found = Vec::new();
    // The last key seen at each indentation, for `- TODO` entries.
    let mut keys: Vec<(usize, String)> = Vec::new();
    let mut question = None;
    for (n, line) in text.lines().enumerate() {
        let content = line.trim_start();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let indent = line.len() - content.len();
        let mut rest = content;
        let mut item_indent = indent;
        while let Some(after) = rest.strip_prefix("- ") {
            item_indent += 2;
            rest = after.trim_start();
        }
        let (key, value) = match rest.split_once(':') {
            Some((key, value))
                if !key.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
                    && (value.is_empty() || value.starts_with(' ')) =>
            {
                if key == "id" {
                    question = Some(value.trim().trim_matches(['"', '\'']).to_owned());
                }
                keys.retain(|(i, _)| *i < item_indent);
                keys.push((item_indent, key.to_owned()));
                (Some(key.to_owned()), value.trim())
            }
            _ => (None, rest.trim()),
        };
        let field = key.or_else(|| {
            keys.iter()
                .rev()
                .find(|(i, _)| *i < indent || (*i <= indent && content.starts_with("- ")))
                .map(|(_, k)| k.clone())
        });
        let count = if is_todo(value) {
            1
        } else if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            inner.split(',').filter(|v| is_todo(v.trim())).count()
        } else {
            0
        };
        for _ in 0..count {
            found.push(Todo {
                line: n + 1,
                field: field.clone().unwrap_or_else(|| "value".to_owned()),
                question: question.clone(),
            });
        }
    }
    found
}

fn is_todo(value: &str) -> bool {
    let value = value.split(" #").next().unwrap_or(value).trim();
    matches!(value, "TODO" | "\"TODO\"" | "'TODO'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_todo_with_its_field() {
        let text = "questions:\n  - id: q1\n    choices:\n      - \"Oui\"\n      - TODO\n      - 'TODO'\n    answers: [TODO, \"x\"]\n    explanation: TODO  # à écrire\n    prompt: \"TODO: pas un TODO\"\n";
        assert!(
            find(text)
                .iter()
                .all(|t| t.question.as_deref() == Some("q1"))
        );
        let found: Vec<(usize, String)> =
            find(text).into_iter().map(|t| (t.line, t.field)).collect();
        assert_eq!(
            found,
            [
                (5, "choices".to_owned()),
                (6, "choices".to_owned()),
                (7, "answers".to_owned()),
                (8, "explanation".to_owned()),
            ]
        );
    }
}
