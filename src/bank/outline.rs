//! Where things are in a bank's YAML text.
//!
//! The YAML crate gives no positions once a document is deserialized, so this
//! light scan of block-style YAML (what people write by hand) records the line
//! of each top-level key, of each question, of each question's keys and of the
//! entries of their lists. Anything it does not recognise (flow style) falls
//! back to the nearest enclosing line, so a location is never wrong by much.

use std::borrow::Cow;
use std::collections::HashMap;

use clap::ValueEnum;

use crate::lang::Lang;

/// The language a bank states on its top-level `language:` line, read from
/// the text before the YAML is parsed, so that every finding (even a syntax
/// error) speaks it, whatever the order of the keys. `None` when the line is
/// missing, not plain block style, or names no known language.
pub(super) fn stated_language(text: &str) -> Option<Lang> {
    let value = text
        .lines()
        .find_map(|line| line.strip_prefix("language:"))?;
    // A comment ends the value; quotes are allowed around it.
    let value = value.split(" #").next().unwrap_or(value).trim();
    let value = value.trim_matches(['"', '\'']);
    Lang::from_str(value, true).ok()
}

/// A key of a mapping and the lines of its block-list entries.
#[derive(Debug, Default, Clone)]
pub struct KeyLines {
    /// Line of `key:`.
    pub line: usize,
    /// Lines of the `- ` entries directly under the key, if it holds a block list.
    pub entries: Vec<usize>,
}

/// One question (an entry of `questions:`).
#[derive(Debug, Default, Clone)]
pub struct ItemLines {
    /// Line of the entry's `-`.
    pub line: usize,
    /// Its keys.
    pub keys: HashMap<String, KeyLines>,
}

impl ItemLines {
    /// Line of `key` in this question, or of the question itself.
    pub fn key(&self, key: &str) -> usize {
        self.keys.get(key).map_or(self.line, |k| k.line)
    }

    /// Line of entry `index` of list `key`, or of the key, or of the question.
    pub fn entry(&self, key: &str, index: usize) -> usize {
        self.keys.get(key).map_or(self.line, |k| {
            k.entries.get(index).copied().unwrap_or(k.line)
        })
    }
}

/// Lines of everything the checker may point at.
#[derive(Debug, Default, Clone)]
pub struct Outline {
    /// Top-level keys (`title`, `source`, `questions`...).
    pub top: HashMap<String, KeyLines>,
    /// Keys under `source:`.
    pub source: HashMap<String, KeyLines>,
    /// The questions, in order.
    pub items: Vec<ItemLines>,
}

impl Outline {
    /// Line of a top-level key, or 1.
    pub fn top(&self, key: &str) -> usize {
        self.top.get(key).map_or(1, |k| k.line)
    }

    /// Line of a key under `source:`, or of `source:`.
    pub fn source(&self, key: &str) -> usize {
        self.source
            .get(key)
            .map_or_else(|| self.top("source"), |k| k.line)
    }

    /// The lines of question `index`, with a fallback on `questions:`.
    /// Borrowed: a copy per question cost a tenth of `check`'s time.
    pub fn item(&self, index: usize) -> Cow<'_, ItemLines> {
        self.items.get(index).map_or_else(
            || {
                Cow::Owned(ItemLines {
                    line: self.top("questions"),
                    keys: HashMap::new(),
                })
            },
            Cow::Borrowed,
        )
    }

    /// The lines of the question that starts at `line`.
    pub fn item_at(&self, line: usize) -> Cow<'_, ItemLines> {
        // Items are in file order: a binary search, not a scan per question.
        self.items
            .binary_search_by_key(&line, |item| item.line)
            .ok()
            .and_then(|index| self.items.get(index))
            .map_or_else(
                || {
                    Cow::Owned(ItemLines {
                        line,
                        keys: HashMap::new(),
                    })
                },
                Cow::Borrowed,
            )
    }

    /// Scans block-style YAML.
    pub fn scan(text: &str) -> Outline {
        let mut outline = Outline::default();
        let mut section = Section::None;
        // Indent of the `- ` entries of `questions:`, and of their keys.
        let mut item_indent: Option<usize> = None;
        let mut key_indent = 0;
        // The key whose block list we are reading, with its entries' indent.
        let mut open_list: Option<(String, usize, Option<usize>)> = None;

        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let content = raw.trim_start();
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            let indent = raw.len() - content.len();
            if indent == 0 && !content.starts_with('-') {
                open_list = None;
                if let Some(key) = key_of(content) {
                    section = match key {
                        "questions" => Section::Questions,
                        "source" => Section::Source,
                        _ => Section::None,
                    };
                    outline.top.insert(
                        key.to_owned(),
                        KeyLines {
                            line,
                            entries: vec![],
                        },
                    );
                }
                continue;
            }
            match section {
                Section::None => {}
                Section::Source => {
                    if let Some(key) = key_of(content) {
                        outline.source.entry(key.to_owned()).or_insert(KeyLines {
                            line,
                            entries: vec![],
                        });
                    }
                }
                Section::Questions => {
                    let starts_item =
                        content.starts_with('-') && item_indent.is_none_or(|i| i == indent);
                    if starts_item {
                        item_indent = Some(indent);
                        let after = content[1..].trim_start();
                        key_indent = indent + (content.len() - after.len());
                        outline.items.push(ItemLines {
                            line,
                            keys: HashMap::new(),
                        });
                        open_list = None;
                        if let Some(key) = key_of(after) {
                            record_key(&mut outline, key, line);
                        }
                        continue;
                    }
                    if indent == key_indent {
                        open_list = None;
                        if let Some(key) = key_of(content) {
                            record_key(&mut outline, key, line);
                            open_list = Some((key.to_owned(), 0, None));
                        }
                        continue;
                    }
                    if content.starts_with('-')
                        && indent >= key_indent
                        && let Some((key, _, entry_indent)) = open_list.as_mut()
                        && *entry_indent.get_or_insert(indent) == indent
                        && let Some(item) = outline.items.last_mut()
                        && let Some(k) = item.keys.get_mut(key.as_str())
                    {
                        k.entries.push(line);
                    }
                }
            }
        }
        outline
    }
}

#[derive(Clone, Copy)]
enum Section {
    None,
    Source,
    Questions,
}

fn record_key(outline: &mut Outline, key: &str, line: usize) {
    if let Some(item) = outline.items.last_mut() {
        item.keys.entry(key.to_owned()).or_insert(KeyLines {
            line,
            entries: vec![],
        });
    }
}

/// The key of a `key: value` or `key:` line, if the line is one.
fn key_of(content: &str) -> Option<&str> {
    let colon = content.find(':')?;
    let key = &content[..colon];
    let after = &content[colon + 1..];
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-'));
    (plain && (after.is_empty() || after.starts_with(' '))).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stated_language_is_read_wherever_it_is() {
        let text = "title: T\nquestions: []\nlanguage: \"en\" # interface\n";
        assert_eq!(stated_language(text), Some(Lang::En));
        assert_eq!(stated_language("language: fr\n"), Some(Lang::Fr));
        assert_eq!(stated_language("  language: en\nlanguage: xx\n"), None);
        assert_eq!(stated_language("title: T\n"), None);
    }

    #[test]
    fn finds_questions_keys_and_list_entries() {
        let text = "title: T\nsource:\n  file: a.txt\nquestions:\n  - id: a\n    prompt: |\n      - not an entry\n    evidence:\n      - \"q1\"\n      - \"q2\"\n  - id: b\n    choices: [x, y]\n";
        let outline = Outline::scan(text);
        assert_eq!(outline.top("questions"), 4);
        assert_eq!(outline.source("file"), 3);
        assert_eq!(outline.items.len(), 2);
        let a = outline.item(0);
        assert_eq!((a.line, a.key("id"), a.key("prompt")), (5, 5, 6));
        assert_eq!(a.entry("evidence", 1), 10);
        let b = outline.item(1);
        assert_eq!(
            (b.line, b.key("choices"), b.entry("choices", 1)),
            (11, 12, 12)
        );
    }
}
