//! From YAML text to typed questions, reporting every problem with its line.
//!
//! The text is parsed once into a YAML value (syntax errors carry the parser's
//! own line). Then each field is read by hand rather than by a derived
//! `Deserialize`: one wrong field then costs one located message instead of the
//! whole question, and messages can say how to fix it.

use std::collections::HashMap;

use clap::ValueEnum;
use serde_yaml::{Mapping, Value};

use super::outline::{ItemLines, Outline};
use super::{
    Choices, Kind, Lang, Question, QuestionType, Segment, Skill, Source, Verdict, name_of,
};
use crate::diagnostic::Findings;
use crate::text::fold_answer;

/// The fields a question may have, whatever its type.
const QUESTION_FIELDS: &[&str] = &[
    "id",
    "type",
    "skill",
    "difficulty",
    "prompt",
    "choices",
    "answer",
    "answers",
    "accept",
    "text",
    "pairs",
    "items",
    "front",
    "back",
    "keep_order",
    "feedback",
    "justify",
    "explanation",
    "evidence",
    "tags",
];
const TOP_FIELDS: &[&str] = &["title", "language", "source", "questions"];
const SOURCE_FIELDS: &[&str] = &["file", "title", "outlet", "date"];
const MIN_CHOICES: usize = 2;
const MAX_CHOICES: usize = 8;

/// What parsing a bank file yields: everything usable, and every problem.
#[derive(Debug)]
pub struct Parsed {
    /// The bank's title, if it has one.
    pub title: Option<String>,
    /// The interface language (French when unset or wrong).
    pub language: Lang,
    /// The `source:` block, if readable.
    pub source: Option<Source>,
    /// Every question that could be read.
    pub questions: Vec<Question>,
    /// Entries of the `questions:` list, readable or not.
    pub entries: usize,
    /// Lines of keys and questions, for later findings.
    pub outline: Outline,
    /// The problems found.
    pub findings: Findings,
}

/// Parses and validates a bank's text. `label` names the file in findings.
pub fn parse(label: &str, text: &str) -> Parsed {
    let outline = Outline::scan(text);
    let mut parsed = Parsed {
        title: None,
        language: Lang::Fr,
        source: None,
        questions: Vec::new(),
        entries: 0,
        outline,
        findings: Findings::new(label),
    };
    let value: Value = match serde_yaml::from_str(text) {
        Ok(value) => value,
        Err(err) => {
            let (line, message) = explain_yaml_error(&err, text);
            parsed.findings.error(line, None, message);
            return parsed;
        }
    };
    if matches!(value, Value::Null) {
        parsed.findings.error(
            1,
            None,
            "the file is empty: a bank starts with `title:`, `language:`, `source:` and `questions:` (see docs/bank-format.md)",
        );
        return parsed;
    }
    let Value::Mapping(mut top) = value else {
        parsed.findings.error(
            1,
            None,
            "a bank is a set of fields (`title:`, `language:`, `source:`, `questions:`), not a list or a single value",
        );
        return parsed;
    };

    let outline = parsed.outline.clone();
    let mut reader = Reader {
        findings: &mut parsed.findings,
        id: String::new(),
    };
    let at = |key: &str| outline.top(key);
    parsed.title = reader.text(&mut top, "title", at("title"));
    if parsed.title.is_none() && !contains(&top, "title") {
        reader.error(
            1,
            "missing `title`: add a line such as `title: \"Lere : l'armée face au CSP\"`",
        );
    }
    if let Some(lang) = reader.text(&mut top, "language", at("language")) {
        match parse_name::<Lang>(&lang) {
            Ok(lang) => parsed.language = lang,
            Err(hint) => reader.error(at("language"), format!("unknown language `{lang}`: {hint}")),
        }
    }
    parsed.source = read_source(&mut reader, &mut top, &outline);
    let questions = match top.remove("questions") {
        Some(Value::Sequence(items)) if !items.is_empty() => items,
        Some(Value::Sequence(_)) | Some(Value::Null) => {
            reader.error(
                at("questions"),
                "`questions` is empty: a bank needs at least one question",
            );
            Vec::new()
        }
        Some(_) => {
            reader.error(
                at("questions"),
                "`questions` must be a list, each question starting with `- id:`",
            );
            Vec::new()
        }
        None => {
            reader.error(1, "missing `questions`: the list of questions");
            Vec::new()
        }
    };
    reader.unknown_keys(&top, TOP_FIELDS, |k| outline.top(k), "bank");

    parsed.entries = questions.len();
    let mut first_use: HashMap<String, usize> = HashMap::new();
    for (index, item) in questions.into_iter().enumerate() {
        let lines = outline.item(index);
        if let Some(question) = read_question(&mut reader, item, &lines) {
            if let Some(first) = first_use.get(&question.id) {
                reader.id.clone_from(&question.id);
                reader.error(
                    lines.key("id"),
                    format!(
                        "duplicate id `{}`, first used at line {first}: ids must be unique",
                        question.id
                    ),
                );
                continue;
            }
            first_use.insert(question.id.clone(), lines.key("id"));
            parsed.questions.push(question);
        }
    }
    parsed
}

fn read_source(reader: &mut Reader<'_>, top: &mut Mapping, outline: &Outline) -> Option<Source> {
    match top.remove("source") {
        None => {
            reader.error(1, "missing `source`: add `source:` with `file: article.txt`, the article the questions are about");
            None
        }
        Some(Value::Mapping(mut map)) => {
            let file = reader.text(&mut map, "file", outline.source("file"));
            if file.is_none() && !contains(&map, "file") {
                reader.error(
                    outline.top("source"),
                    "missing `file` under `source`: the article's text file, relative to this bank",
                );
            }
            let source = Source {
                file: file.unwrap_or_default(),
                title: reader.text(&mut map, "title", outline.source("title")),
                outlet: reader.text(&mut map, "outlet", outline.source("outlet")),
                date: reader.text(&mut map, "date", outline.source("date")),
            };
            reader.unknown_keys(&map, SOURCE_FIELDS, |k| outline.source(k), "source");
            (!source.file.is_empty()).then_some(source)
        }
        Some(Value::String(file)) => Some(Source {
            file,
            title: None,
            outlet: None,
            date: None,
        }),
        Some(_) => {
            reader.error(
                outline.top("source"),
                "`source` must hold `file: article.txt` (and optionally `title`, `outlet`, `date`)",
            );
            None
        }
    }
}

fn read_question(reader: &mut Reader<'_>, item: Value, lines: &ItemLines) -> Option<Question> {
    reader.id.clear();
    let Value::Mapping(mut map) = item else {
        reader.error(
            lines.line,
            "each question is a set of fields starting with `- id:`, not a single value",
        );
        return None;
    };
    let at = |key: &str| lines.key(key);
    let id = match reader.text(&mut map, "id", at("id")) {
        Some(id) => {
            reader.id.clone_from(&id);
            if !is_valid_id(&id) {
                reader.error(
                    at("id"),
                    format!(
                        "id `{id}` may only use lower-case letters, digits and `-` (e.g. `{}`)",
                        suggest_id(&id)
                    ),
                );
            }
            Some(id)
        }
        None => {
            if !contains(&map, "id") {
                reader.error(
                    lines.line,
                    "missing `id`: give each question a short unique name such as `retrait-source`",
                );
            }
            None
        }
    };
    let qtype = reader.named::<QuestionType>(&mut map, "type", at("type"), true);
    let skill = reader.named::<Skill>(&mut map, "skill", at("skill"), true);
    let difficulty = match map.remove("difficulty") {
        None | Some(Value::Null) => Some(1),
        Some(Value::Number(n)) if n.as_u64().is_some_and(|d| (1..=3).contains(&d)) => {
            n.as_u64().and_then(|d| u8::try_from(d).ok())
        }
        Some(other) => {
            reader.error(
                at("difficulty"),
                format!("`difficulty` must be 1, 2 or 3, not `{}`", show(&other)),
            );
            None
        }
    };
    let explanation = reader.required_text(
        &mut map,
        "explanation",
        lines,
        "say why the answer is right, so the student learns the reading skill",
    );
    let evidence = reader.texts(&mut map, "evidence", lines);
    if evidence.as_ref().is_none_or(Vec::is_empty) && !reader.was_reported(at("evidence")) {
        reader.error(
            at("evidence"),
            "missing `evidence`: quote the article's words that back the answer, e.g. `evidence: [\"selon les déclarations d'un porte-parole du CSP\"]`",
        );
    }
    let tags = reader.texts(&mut map, "tags", lines).unwrap_or_default();
    let justify = reader.flag(&mut map, "justify", at("justify"));
    let kind = qtype.and_then(|t| read_kind(reader, &mut map, t, lines));
    if let Some(t) = qtype {
        let used = |k: &str| QUESTION_FIELDS.contains(&k);
        for key in map.keys() {
            let key = show(key);
            if used(&key) {
                reader.error(
                    at(&key),
                    format!("`{key}` is not used by type `{t}`: remove it, or change the type"),
                );
            }
        }
    }
    reader.unknown_keys(&map, QUESTION_FIELDS, at, "question");
    Some(Question {
        id: id?,
        skill: skill?,
        difficulty: difficulty?,
        kind: kind?,
        explanation: explanation?,
        evidence: evidence?
            .into_iter()
            .map(|quote| super::Evidence {
                quote,
                paragraph: None,
            })
            .collect(),
        tags,
        justify,
        line: lines.line,
    })
}

fn read_kind(
    reader: &mut Reader<'_>,
    map: &mut Mapping,
    qtype: QuestionType,
    lines: &ItemLines,
) -> Option<Kind> {
    let at = |key: &str| lines.key(key);
    let why = |t: QuestionType| format!("type `{t}` needs it");
    match qtype {
        QuestionType::Single | QuestionType::Multi => {
            let prompt = reader.required_text(map, "prompt", lines, &why(qtype));
            let choices = reader.choices(map, lines);
            let keep_order = reader.flag(map, "keep_order", at("keep_order"));
            let correct = match qtype {
                QuestionType::Single => {
                    let answer = reader.required_text(
                        map,
                        "answer",
                        lines,
                        "write the right choice, exactly as in `choices`",
                    );
                    match (&answer, &choices) {
                        (Some(answer), Some(choices)) => {
                            let found = choices.iter().position(|c| c == answer);
                            if found.is_none() {
                                reader.error(at("answer"), not_a_choice("answer", answer, choices));
                            }
                            found.map(|i| vec![i])
                        }
                        _ => None,
                    }
                }
                _ => reader.answers(map, lines, choices.as_deref()),
            };
            let feedback = reader.feedback(map, lines, choices.as_deref(), correct.as_deref());
            Some(Kind::choices(
                qtype,
                Choices {
                    prompt: prompt?,
                    options: choices?,
                    correct: correct?,
                    keep_order,
                    feedback: feedback?,
                },
            ))
        }
        QuestionType::TrueFalse => {
            let prompt = reader.required_text(map, "prompt", lines, &why(qtype));
            let answer = match map.remove("answer") {
                Some(Value::Bool(b)) => Some(b),
                None => {
                    reader.error(
                        lines.line,
                        "missing `answer`: write `answer: true` or `answer: false`",
                    );
                    None
                }
                Some(other) => {
                    reader.error(
                        at("answer"),
                        format!(
                            "`answer` of a true/false question must be `true` or `false`, not `{}`",
                            show(&other)
                        ),
                    );
                    None
                }
            };
            Some(Kind::TrueFalse {
                prompt: prompt?,
                answer: answer?,
            })
        }
        QuestionType::Claim => {
            let prompt = reader.required_text(map, "prompt", lines, &why(qtype));
            let answer = reader.named::<Verdict>(map, "answer", at("answer"), true);
            Some(Kind::Claim {
                prompt: prompt?,
                answer: answer?,
            })
        }
        QuestionType::Short => {
            let prompt = reader.required_text(map, "prompt", lines, &why(qtype));
            let answer = reader.required_text(
                map,
                "answer",
                lines,
                "write the expected answer; add other accepted forms under `accept`",
            );
            let accept = reader.texts(map, "accept", lines).unwrap_or_default();
            Some(Kind::Short {
                prompt: prompt?,
                answer: answer?,
                accept,
            })
        }
        QuestionType::Cloze => {
            let prompt = reader.text(map, "prompt", at("prompt"));
            let text = reader.required_text(
                map,
                "text",
                lines,
                "write the text with each gap as `{{answer}}`",
            )?;
            match parse_cloze(&text) {
                Ok(segments) => Some(Kind::Cloze { prompt, segments }),
                Err(message) => {
                    reader.error(at("text"), message);
                    None
                }
            }
        }
        QuestionType::Match => {
            let prompt = reader.required_text(map, "prompt", lines, &why(qtype));
            let pairs = reader.pairs(map, lines);
            Some(Kind::Match {
                prompt: prompt?,
                pairs: pairs?,
            })
        }
        QuestionType::Order => {
            let prompt = reader.required_text(map, "prompt", lines, &why(qtype));
            let items = reader.texts(map, "items", lines);
            let items = match items {
                None => {
                    if !reader.was_reported(at("items")) {
                        reader.error(
                            lines.line,
                            "missing `items`: list 3 to 8 items in the right order",
                        );
                    }
                    None
                }
                Some(items) if !(3..=MAX_CHOICES).contains(&items.len()) => {
                    reader.error(
                        at("items"),
                        format!(
                            "`items` has {}: an order question needs 3 to 8",
                            count(items.len(), "item")
                        ),
                    );
                    None
                }
                Some(items) => {
                    let ok = reader.no_repeats(&items, "items", lines);
                    ok.then_some(items)
                }
            };
            Some(Kind::Order {
                prompt: prompt?,
                items: items?,
            })
        }
        QuestionType::Card => {
            let front = reader.required_text(
                map,
                "front",
                lines,
                "a card needs a `front` (the question side)",
            );
            let back = reader.required_text(
                map,
                "back",
                lines,
                "a card needs a `back` (the answer side)",
            );
            Some(Kind::Card {
                front: front?,
                back: back?,
            })
        }
    }
}

impl Kind {
    fn choices(qtype: QuestionType, choices: Choices) -> Kind {
        if qtype == QuestionType::Multi {
            Kind::Multi(choices)
        } else {
            Kind::Single(choices)
        }
    }
}

/// Reads fields and records problems against the current question.
struct Reader<'f> {
    findings: &'f mut Findings,
    id: String,
}

impl Reader<'_> {
    fn error(&mut self, line: usize, message: impl Into<String>) {
        let id = (!self.id.is_empty()).then_some(self.id.as_str());
        self.findings.error(line, id, message);
    }

    fn was_reported(&self, line: usize) -> bool {
        self.findings
            .list
            .iter()
            .any(|d| d.line == line && d.question.as_deref().unwrap_or("") == self.id)
    }

    /// A text field; numbers and booleans are taken as text.
    fn text(&mut self, map: &mut Mapping, key: &str, line: usize) -> Option<String> {
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
                    Some(text) => Some(text.trim().to_owned()),
                    None => {
                        self.error(line, format!("`{key}` must be text, not a list or a set of fields (put it in quotes)"));
                        None
                    }
                }
            }
        }
    }

    fn required_text(
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
    fn texts(&mut self, map: &mut Mapping, key: &str, lines: &ItemLines) -> Option<Vec<String>> {
        match map.remove(key)? {
            Value::Sequence(entries) => {
                let mut out = Vec::with_capacity(entries.len());
                let mut ok = true;
                for (index, entry) in entries.iter().enumerate() {
                    let problem = match scalar(entry) {
                        Some(text) if !text.trim().is_empty() => {
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
                Some(text) => Some(vec![text.trim().to_owned()]),
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

    fn flag(&mut self, map: &mut Mapping, key: &str, line: usize) -> bool {
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
    fn named<T: ValueEnum>(
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

    fn choices(&mut self, map: &mut Mapping, lines: &ItemLines) -> Option<Vec<String>> {
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

    fn answers(
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

    fn feedback(
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

    fn pairs(&mut self, map: &mut Mapping, lines: &ItemLines) -> Option<Vec<(String, String)>> {
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
                    pairs.push((left.trim().to_owned(), right.trim().to_owned()));
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
    fn no_repeats(&mut self, list: &[String], key: &str, lines: &ItemLines) -> bool {
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

    fn unknown_keys(
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

fn not_a_choice(key: &str, answer: &str, choices: &[String]) -> String {
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

fn closest_name<'a>(text: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
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
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("only 1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn contains(map: &Mapping, key: &str) -> bool {
    map.contains_key(key)
}

/// A scalar as text: strings, numbers and booleans.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Tagged(tagged) => scalar(&tagged.value),
        _ => None,
    }
}

/// A short rendering of any value for messages.
fn show(value: &Value) -> String {
    scalar(value).unwrap_or_else(|| match value {
        Value::Sequence(_) => "a list".to_owned(),
        Value::Mapping(_) => "a set of fields".to_owned(),
        _ => "nothing".to_owned(),
    })
}

/// Turns the YAML parser's message into one a teacher can act on, located at
/// the line where the problem starts rather than where the parser gave up.
fn explain_yaml_error(err: &serde_yaml::Error, text: &str) -> (usize, String) {
    let full = err.to_string();
    let line = err.location().map_or(1, |l| l.line());
    let started = |what: &str| -> Option<(usize, usize)> {
        let rest = full.split(what).nth(1)?;
        let mut numbers = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|n| n.parse::<usize>().ok());
        Some((numbers.next()??, numbers.next()??))
    };
    if let Some((at, column)) = started("while scanning a quoted scalar at line ") {
        return (
            at,
            format!(
                "the quoted text starting at column {column} is never closed: add the closing quote"
            ),
        );
    }
    if let Some((at, _)) = started("while parsing a flow sequence at line ") {
        return (
            at,
            "a `[` list is not closed: check for a missing `,` or `]`".to_owned(),
        );
    }
    if let Some((at, _)) = started("while parsing a flow mapping at line ") {
        return (
            at,
            "a `{` is not closed: check for a missing `,` or `}`".to_owned(),
        );
    }
    if text
        .lines()
        .nth(line.saturating_sub(1))
        .is_some_and(|l| l.starts_with(|c: char| c.is_whitespace()) && l.contains('\t'))
    {
        return (
            line,
            "a tab is used to indent: YAML indents with spaces only".to_owned(),
        );
    }
    if full.contains("more than one document") {
        let second = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim_end() == "---")
            .map(|(i, _)| i + 1)
            .find(|&l| l > 1)
            .unwrap_or(line);
        return (
            second,
            "a second YAML document starts here (`---`): keep one bank per file".to_owned(),
        );
    }
    if let Some(key) = full.strip_prefix("duplicate entry with key ") {
        let key = key.trim_matches('"');
        let second = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim_start().trim_start_matches("- ").split(':').next() == Some(key))
            .nth(1)
            .map_or(line, |(i, _)| i + 1);
        return (second, format!("`{key}` is given twice: keep only one"));
    }
    let message = full.split(" at line ").next().unwrap_or(&full);
    let hint = if message.contains("expected '-' indicator")
        || message.contains("mapping values are not allowed")
    {
        ": check the indentation (the fields of a question line up under `id`) and put text containing `: ` in quotes"
    } else {
        ""
    };
    (line, format!("this is not valid YAML: {message}{hint}"))
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn suggest_id(id: &str) -> String {
    let folded = fold_answer(id).replace(' ', "-");
    let cleaned: String = folded
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    cleaned.trim_matches('-').to_owned()
}

/// Splits cloze text into text and gaps: `{{answer}}` or `{{answer|other}}`.
pub(crate) fn parse_cloze(text: &str) -> Result<Vec<Segment>, String> {
    let mut segments = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let before = &rest[..open];
        if before.contains("}}") {
            return Err("cloze `text` has `}}` without a matching `{{`".to_owned());
        }
        if !before.is_empty() {
            segments.push(Segment::Text(before.to_owned()));
        }
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else {
            return Err("cloze `text` has a `{{` that is never closed with `}}`".to_owned());
        };
        let inner = &after[..close];
        if inner.contains("{{") {
            return Err(
                "cloze `text` has a `{{` inside another gap: close each gap with `}}`".to_owned(),
            );
        }
        let forms: Vec<String> = inner
            .split('|')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(str::to_owned)
            .collect();
        if forms.is_empty() {
            return Err("cloze `text` has an empty gap `{{}}`: write the answer inside".to_owned());
        }
        segments.push(Segment::Gap(forms));
        rest = &after[close + 2..];
    }
    if rest.contains("}}") {
        return Err("cloze `text` has `}}` without a matching `{{`".to_owned());
    }
    if !rest.is_empty() {
        segments.push(Segment::Text(rest.to_owned()));
    }
    if !segments.iter().any(|s| matches!(s, Segment::Gap(_))) {
        return Err("cloze `text` has no gap: mark each gap as `{{answer}}`".to_owned());
    }
    Ok(segments)
}
