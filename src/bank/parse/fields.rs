//! Generic field readers: text, lists, flags, names, each reporting its own
//! located problems against the current question.

use std::collections::HashMap;

use clap::ValueEnum;
use serde_yaml::{Mapping, Value};

use super::super::name_of;
use super::super::outline::ItemLines;
use crate::diagnostic::{Findings, control_char};
use crate::text::fold_answer;

/// Choices, pairs and items a question may have at most.
pub(super) const MAX_CHOICES: usize = 8;
const MIN_CHOICES: usize = 2;

/// Reads fields and records problems against the current question.
pub(super) struct Reader<'f> {
    pub(super) findings: &'f mut Findings,
    pub(super) id: String,
}

impl Reader<'_> {
    pub(super) fn error(&mut self, line: usize, message: impl Into<String>) {
        let id = (!self.id.is_empty()).then_some(self.id.as_str());
        self.findings.error(line, id, message);
    }

    /// Reports a control character in `text` (it would reach a terminal);
    /// true when there is none.
    pub(super) fn clean(&mut self, key: &str, line: usize, text: &str) -> bool {
        match control_char(text) {
            None => true,
            Some(name) => {
                self.error(
                    line,
                    format!("`{key}` contains a control character ({name}), which would reach the terminal: remove it"),
                );
                false
            }
        }
    }

    pub(super) fn was_reported(&self, line: usize) -> bool {
        self.findings
            .list
            .iter()
            .any(|d| d.line == line && d.question.as_deref().unwrap_or("") == self.id)
    }

    /// A text field; numbers and booleans are taken as text.
    pub(super) fn text(&mut self, map: &mut Mapping, key: &str, line: usize) -> Option<String> {
        match map.remove(key)? {
            Value::Null => {
                self.error(line, format!("`{key}` is empty"));
                None
            }
            value => {
                match scalar(&value) {
                    Some(text) if text.trim().is_empty() => {
                        self.error(line, format!("`{key}` is empty"));
                        None
                    }
                    Some(text) => self.clean(key, line, &text).then(|| text.trim().to_owned()),
                    None => {
                        self.error(line, format!("`{key}` must be text, not a list or a set of fields (put it in quotes)"));
                        None
                    }
                }
            }
        }
    }

    pub(super) fn required_text(
        &mut self,
        map: &mut Mapping,
        key: &str,
        lines: &ItemLines,
        why: &str,
    ) -> Option<String> {
        let present = contains(map, key);
        let text = self.text(map, key, lines.key(key));
        if !present {
            self.error(lines.line, format!("missing `{key}`: {why}"));
        }
        text
    }

    /// A list of texts; a single text is taken as a list of one.
    pub(super) fn texts(
        &mut self,
        map: &mut Mapping,
        key: &str,
        lines: &ItemLines,
    ) -> Option<Vec<String>> {
        match map.remove(key)? {
            Value::Sequence(entries) => {
                let mut out = Vec::with_capacity(entries.len());
                let mut ok = true;
                for (index, entry) in entries.iter().enumerate() {
                    let problem = match scalar(entry) {
                        Some(text) if !text.trim().is_empty() => {
                            ok &= self.clean(key, lines.entry(key, index), &text);
                            out.push(text.trim().to_owned());
                            continue;
                        }
                        Some(_) => "is empty",
                        None if matches!(entry, Value::Null) => "is empty",
                        None => "must be text (put it in quotes)",
                    };
                    self.error(
                        lines.entry(key, index),
                        format!("entry {} of `{key}` {problem}", index + 1),
                    );
                    ok = false;
                }
                ok.then_some(out)
            }
            Value::Null => Some(Vec::new()),
            value => match scalar(&value) {
                Some(text) => self
                    .clean(key, lines.key(key), &text)
                    .then(|| vec![text.trim().to_owned()]),
                None => {
                    self.error(
                        lines.key(key),
                        format!("`{key}` must be a list, e.g. `{key}: [\"…\", \"…\"]`"),
                    );
                    None
                }
            },
        }
    }

    pub(super) fn flag(&mut self, map: &mut Mapping, key: &str, line: usize) -> bool {
        match map.remove(key) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => b,
            Some(other) => {
                self.error(
                    line,
                    format!("`{key}` must be `true` or `false`, not `{}`", show(&other)),
                );
                false
            }
        }
    }

    /// A field whose value is one of an enum's names (`type`, `skill`, claim `answer`).
    pub(super) fn named<T: ValueEnum>(
        &mut self,
        map: &mut Mapping,
        key: &str,
        line: usize,
        required: bool,
    ) -> Option<T> {
        let present = contains(map, key);
        let Some(text) = self.text(map, key, line) else {
            if required && !present {
                let names = T::value_variants()
                    .iter()
                    .map(name_of)
                    .collect::<Vec<_>>()
                    .join(", ");
                self.error(line, format!("missing `{key}`: one of {names}"));
            }
            return None;
        };
        match parse_name::<T>(&text) {
            Ok(value) => Some(value),
            Err(hint) => {
                let what = if key == "answer" {
                    "claim answer".to_owned()
                } else {
                    key.to_owned()
                };
                self.error(line, format!("unknown {what} `{text}`: {hint}"));
                None
            }
        }
    }

    pub(super) fn choices(&mut self, map: &mut Mapping, lines: &ItemLines) -> Option<Vec<String>> {
        let Some(choices) = self.texts(map, "choices", lines) else {
            if !self.was_reported(lines.key("choices")) {
                self.error(
                    lines.line,
                    "missing `choices`: list 2 to 8 choices, e.g. `choices: [\"…\", \"…\"]`",
                );
            }
            return None;
        };
        if choices.len() < MIN_CHOICES {
            self.error(
                lines.key("choices"),
                format!(
                    "only {} choice: a question needs 2 to 8 choices",
                    choices.len()
                ),
            );
            return None;
        }
        if choices.len() > MAX_CHOICES {
            self.error(
                lines.key("choices"),
                format!(
                    "{} choices: a question takes at most 8 (they must fit a printed line)",
                    choices.len()
                ),
            );
            return None;
        }
        self.no_repeats(&choices, "choices", lines)
            .then_some(choices)
    }

    pub(super) fn answers(
        &mut self,
        map: &mut Mapping,
        lines: &ItemLines,
        choices: Option<&[String]>,
    ) -> Option<Vec<usize>> {
        let present = contains(map, "answers");
        let answers = self.texts(map, "answers", lines);
        if !present {
            let hint = if contains(map, "answer") {
                " (a multi question uses `answers`, plural, as a list)"
            } else {
                ""
            };
            self.error(
                lines.line,
                format!("missing `answers`: list the right choices{hint}"),
            );
            map.remove("answer");
            return None;
        }
        let answers = answers?;
        if answers.is_empty() {
            self.error(
                lines.key("answers"),
                "`answers` is empty: list at least one right choice",
            );
            return None;
        }
        let choices = choices?;
        let mut indexes = Vec::new();
        for (n, answer) in answers.iter().enumerate() {
            match choices.iter().position(|c| c == answer) {
                Some(i) if indexes.contains(&i) => {
                    self.error(
                        lines.entry("answers", n),
                        format!("`{answer}` is listed twice in `answers`"),
                    );
                }
                Some(i) => indexes.push(i),
                None => {
                    let message = not_a_choice("answers", answer, choices);
                    self.error(lines.entry("answers", n), message);
                }
            }
        }
        indexes.sort_unstable();
        (indexes.len() == answers.len()).then_some(indexes)
    }

    pub(super) fn feedback(
        &mut self,
        map: &mut Mapping,
        lines: &ItemLines,
        choices: Option<&[String]>,
        correct: Option<&[usize]>,
    ) -> Option<Vec<Option<String>>> {
        let Some(value) = map.remove("feedback") else {
            return Some(choices.map_or_else(Vec::new, |c| vec![None; c.len()]));
        };
        let line = lines.key("feedback");
        let Value::Mapping(entries) = value else {
            self.error(
                line,
                "`feedback` maps a wrong choice to why it is wrong: `\"the choice\": \"why\"`",
            );
            return None;
        };
        let (choices, correct) = (choices?, correct?);
        let mut out = vec![None; choices.len()];
        let mut ok = true;
        for (key, why) in &entries {
            let key = show(key);
            let why = scalar(why).unwrap_or_default();
            if !self.clean("feedback", line, &why) {
                ok = false;
                continue;
            }
            match choices.iter().position(|c| *c == key) {
                Some(i) if !correct.contains(&i) && !why.trim().is_empty() => {
                    out[i] = Some(why.trim().to_owned())
                }
                Some(i) if !correct.contains(&i) => {
                    self.error(line, format!("the feedback for `{key}` is empty"));
                    ok = false;
                }
                _ => {
                    self.error(line, format!("feedback key `{key}` is not one of the wrong choices: feedback explains why a wrong choice is wrong"));
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    pub(super) fn pairs(
        &mut self,
        map: &mut Mapping,
        lines: &ItemLines,
    ) -> Option<Vec<(String, String)>> {
        let line = lines.key("pairs");
        let entries = match map.remove("pairs") {
            Some(Value::Sequence(entries)) => entries,
            None => {
                self.error(
                    lines.line,
                    "missing `pairs`: list 2 to 8 pairs, each `[\"left\", \"right\"]`",
                );
                return None;
            }
            Some(_) => {
                self.error(
                    line,
                    "`pairs` must be a list of pairs, each `[\"left\", \"right\"]`",
                );
                return None;
            }
        };
        let mut pairs = Vec::new();
        for (n, entry) in entries.iter().enumerate() {
            let sides: Option<Vec<String>> = match entry {
                Value::Sequence(sides) => sides.iter().map(scalar).collect(),
                _ => None,
            };
            match sides.as_deref() {
                Some([left, right]) if !left.trim().is_empty() && !right.trim().is_empty() => {
                    let at = lines.entry("pairs", n);
                    if self.clean("pairs", at, left) & self.clean("pairs", at, right) {
                        pairs.push((left.trim().to_owned(), right.trim().to_owned()));
                    }
                }
                _ => self.error(
                    lines.entry("pairs", n),
                    format!("pair {} must be two texts, `[\"left\", \"right\"]`", n + 1),
                ),
            }
        }
        if pairs.len() != entries.len() {
            return None;
        }
        if !(2..=MAX_CHOICES).contains(&pairs.len()) {
            self.error(
                line,
                format!(
                    "`pairs` has {}: a match question needs 2 to 8",
                    count(pairs.len(), "pair")
                ),
            );
            return None;
        }
        let lefts: Vec<String> = pairs.iter().map(|p| p.0.clone()).collect();
        let rights: Vec<String> = pairs.iter().map(|p| p.1.clone()).collect();
        let ok = self.no_repeats(&lefts, "pairs", lines) & self.no_repeats(&rights, "pairs", lines);
        ok.then_some(pairs)
    }

    /// Reports entries of a list that repeat an earlier one (ignoring case and accents).
    pub(super) fn no_repeats(&mut self, list: &[String], key: &str, lines: &ItemLines) -> bool {
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut ok = true;
        for (n, entry) in list.iter().enumerate() {
            if let Some(first) = seen.insert(fold_answer(entry), n) {
                self.error(
                    lines.entry(key, n),
                    format!(
                        "`{entry}` appears twice in `{key}` (entries {} and {})",
                        first + 1,
                        n + 1
                    ),
                );
                ok = false;
            }
        }
        ok
    }

    pub(super) fn unknown_keys(
        &mut self,
        map: &Mapping,
        known: &[&str],
        line: impl Fn(&str) -> usize,
        what: &str,
    ) {
        for key in map.keys() {
            let key = show(key);
            if known.contains(&key.as_str()) {
                continue;
            }
            let hint = closest_name(&key, known.iter().copied()).map_or_else(
                || format!(" (a {what} has: {})", known.join(", ")),
                |k| format!(", did you mean `{k}`?"),
            );
            self.error(line(&key), format!("unknown field `{key}`{hint}"));
        }
    }
}

pub(super) fn not_a_choice(key: &str, answer: &str, choices: &[String]) -> String {
    let near = choices
        .iter()
        .find(|c| fold_answer(c) == fold_answer(answer))
        .or_else(|| {
            closest_name(answer, choices.iter().map(String::as_str))
                .and_then(|n| choices.iter().find(|c| *c == n))
        });
    match near {
        Some(choice) => format!(
            "`{key}` `{answer}` is not one of the choices; did you mean `{choice}`? (copy it exactly)"
        ),
        None => {
            format!("`{key}` `{answer}` is not one of the choices: copy the right choice exactly")
        }
    }
}

/// Parses a value of an enum by its bank name, with a hint listing the names.
pub(crate) fn parse_name<T: ValueEnum>(text: &str) -> Result<T, String> {
    if let Ok(value) = T::from_str(text.trim(), true) {
        return Ok(value);
    }
    let names: Vec<String> = T::value_variants().iter().map(name_of).collect();
    let hint = match closest_name(text, names.iter().map(String::as_str)) {
        Some(name) => format!("did you mean `{name}`?"),
        None => format!("expected one of {}", names.join(", ")),
    };
    Err(hint)
}

pub(super) fn closest_name<'a>(
    text: &str,
    names: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    names
        .map(|n| {
            (
                strsim::normalized_damerau_levenshtein(&text.to_lowercase(), &n.to_lowercase()),
                n,
            )
        })
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| n)
}

/// "1 pair", "9 pairs".
pub(super) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("only 1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

pub(super) fn contains(map: &Mapping, key: &str) -> bool {
    map.contains_key(key)
}

/// A scalar as text: strings, numbers and booleans.
pub(super) fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Tagged(tagged) => scalar(&tagged.value),
        _ => None,
    }
}

/// A short rendering of any value for messages.
pub(super) fn show(value: &Value) -> String {
    scalar(value).unwrap_or_else(|| match value {
        Value::Sequence(_) => "a list".to_owned(),
        Value::Mapping(_) => "a set of fields".to_owned(),
        _ => "nothing".to_owned(),
    })
}

/// A valid id made from an invalid one, or nothing when none of it is Latin.
pub fn suggest_id(id: &str) -> String {
    let folded = fold_answer(id).replace(' ', "-");
    let cleaned: String = folded
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let mut id = String::new();
    for part in cleaned.split('-').filter(|p| !p.is_empty()) {
        if !id.is_empty() {
            id.push('-');
        }
        id.push_str(part);
    }
    id
}
