//! From YAML text to typed questions, reporting every problem with its line.
//!
//! The text is parsed once (syntax errors carry the parser's own line); each
//! entry of `questions:` becomes a YAML value as the parser reaches it, is read
//! into a typed question and dropped, so the whole bank is never held as one
//! value tree. Each field is read by hand rather than by a derived
//! `Deserialize`: one wrong field then costs one located message instead of the
//! whole question, and messages can say how to fix it.

mod cloze;
mod fields;
mod kinds;
mod yaml;

use std::collections::HashMap;

use serde_yaml::{Mapping, Value};

use super::format::{self, question_fields};
use super::outline::{ItemLines, Outline};
use super::{Kind, Lang, Question, QuestionType, RubricLevel, Skill, Source};
use crate::diagnostic::Findings;
use yaml::{Document, Questions};

pub(crate) use fields::parse_name;
pub use fields::suggest_id;
use fields::{Reader, contains, show};

/// Levels a rubric may have.
const MAX_RUBRIC_LEVELS: usize = 10;

/// What parsing a bank file yields: everything usable, and every problem.
#[derive(Debug)]
pub struct Parsed {
    /// The bank's `id:`, if it has a valid one.
    pub id: Option<String>,
    /// The bank's title, if it has one.
    pub title: Option<String>,
    /// The interface language (French when unset or wrong).
    pub language: Lang,
    /// The language the bank states, when it states a known one (findings
    /// about a bank that does not are in English).
    pub stated_language: Option<Lang>,
    /// The `source:` block, if readable.
    pub source: Option<Source>,
    /// Every question that could be read.
    pub questions: Vec<Question>,
    /// The evidence of questions that could not be read whole, to check anyway.
    pub unread: Vec<Unread>,
    /// Entries of the `questions:` list, readable or not.
    pub entries: usize,
    /// Lines of keys and questions, for later findings.
    pub outline: Outline,
    /// The problems found.
    pub findings: Findings,
}

/// The evidence quotes of a question with other errors: `check` still
/// verifies them, so one run reports every problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    /// Line of the question.
    pub line: usize,
    /// Its id, when readable.
    pub id: Option<String>,
    /// Its readable quotes.
    pub evidence: Vec<String>,
}

/// Parses and validates a bank's text. `label` names the file in findings.
pub fn parse(label: &str, text: &str) -> Parsed {
    let outline = Outline::scan(text);
    let mut parsed = Parsed {
        id: None,
        title: None,
        language: Lang::Fr,
        stated_language: None,
        source: None,
        questions: Vec::new(),
        unread: Vec::new(),
        entries: 0,
        outline: Outline::default(),
        findings: Findings::new(label),
    };
    read_bank(label, text, &outline, &mut parsed);
    parsed.outline = outline;
    parsed
}

/// The questions read so far while the parser streams `questions:`.
struct Entries<'a> {
    reader: Reader<'a>,
    outline: &'a Outline,
    questions: Vec<Question>,
    unread: Vec<Unread>,
    first_use: HashMap<String, usize>,
}

impl Entries<'_> {
    /// Reads entry `index` of `questions:` and drops its YAML value.
    fn read(&mut self, index: usize, item: Value) {
        let reader = &mut self.reader;
        let lines = self.outline.item(index);
        let question = match read_question(reader, item, &lines, index) {
            Ok(question) => question,
            Err(unread) => {
                self.unread.extend(unread);
                return;
            }
        };
        if let Some(first) = self.first_use.get(&question.id) {
            reader.id.clone_from(&question.id);
            reader.error(
                lines.key("id"),
                format!(
                    "duplicate id `{}`, first used at line {first}: ids must be unique",
                    question.id
                ),
            );
            self.unread.push(Unread {
                line: question.line,
                id: Some(question.id.clone()),
                evidence: question.evidence.into_iter().map(|e| e.quote).collect(),
            });
            return;
        }
        self.first_use.insert(question.id.clone(), lines.key("id"));
        self.questions.push(question);
    }
}

fn read_bank(label: &str, text: &str, outline: &Outline, parsed: &mut Parsed) {
    // The questions' findings come after the top-level fields' ones, as if
    // the fields were read first; they are kept apart until then.
    let mut item_findings = Findings::new(label);
    let mut entries = Entries {
        reader: Reader {
            findings: &mut item_findings,
            id: String::new(),
        },
        outline,
        questions: Vec::new(),
        unread: Vec::new(),
        first_use: HashMap::new(),
    };
    let document = yaml::load_streaming(text, &mut |index, item| entries.read(index, item));
    let (mut top, listed) = match document {
        Ok(Document::Fields { top, questions }) => (top, questions),
        Ok(Document::Empty) => {
            parsed.findings.error(
                1,
                None,
                "the file is empty: a bank starts with `title:`, `language:`, `source:` and `questions:` (see docs/bank-format.md)",
            );
            return;
        }
        Ok(Document::NotMapping) => {
            parsed.findings.error(
                1,
                None,
                "a bank is a set of fields (`title:`, `language:`, `source:`, `questions:`), not a list or a single value",
            );
            return;
        }
        Err((line, message)) => {
            parsed.findings.error(line, None, message);
            return;
        }
    };
    let Entries {
        questions, unread, ..
    } = entries;

    let mut reader = Reader {
        findings: &mut parsed.findings,
        id: String::new(),
    };
    let at = |key: &str| outline.top(key);
    if top.contains_key("<<") {
        reader.error(at("<<"), MERGE_KEY);
        return;
    }
    if let Some(id) = reader.text(&mut top, "id", at("id")) {
        if is_valid_id(&id) {
            parsed.id = Some(id);
        } else {
            reader.error(at("id"), bad_id("bank id", &id, "my-bank"));
        }
    }
    let has_title = contains(&top, "title");
    parsed.title = reader.text(&mut top, "title", at("title"));
    if !has_title {
        reader.error(
            1,
            "missing `title`: add a line such as `title: \"Lere : l'armée face au CSP\"`",
        );
    }
    if let Some(lang) = reader.text(&mut top, "language", at("language")) {
        match parse_name::<Lang>(&lang) {
            Ok(lang) => {
                parsed.language = lang;
                parsed.stated_language = Some(lang);
            }
            Err(hint) => reader.error(at("language"), format!("unknown language `{lang}`: {hint}")),
        }
    }
    parsed.source = read_source(&mut reader, &mut top, outline);
    let count = match listed {
        Questions::List(count) if count > 0 => count,
        Questions::List(_) | Questions::Other(Value::Null) => {
            reader.error(
                at("questions"),
                "`questions` is empty: a bank needs at least one question",
            );
            0
        }
        Questions::Other(_) => {
            reader.error(
                at("questions"),
                "`questions` must be a list, each question starting with `- id:`",
            );
            0
        }
        Questions::Absent => {
            reader.error(1, "missing `questions`: the list of questions");
            0
        }
    };
    reader.unknown_keys(
        &top,
        &format::names(format::TOP),
        |k| outline.top(k),
        "bank",
    );
    parsed.entries = count;
    parsed.findings.list.append(&mut item_findings.list);
    parsed.questions = questions;
    parsed.unread = unread;
}

fn read_source(reader: &mut Reader<'_>, top: &mut Mapping, outline: &Outline) -> Option<Source> {
    match top.remove("source") {
        None => {
            reader.error(1, "missing `source`: add `source:` with `file: article.txt`, the article the questions are about");
            None
        }
        Some(Value::Mapping(mut map)) => {
            let has_file = contains(&map, "file");
            let file = reader.text(&mut map, "file", outline.source("file"));
            if !has_file {
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
                url: reader.text(&mut map, "url", outline.source("url")),
            };
            let known = format::names(format::SOURCE);
            reader.unknown_keys(&map, &known, |k| outline.source(k), "source");
            (!source.file.is_empty()).then_some(source)
        }
        Some(Value::String(file)) => {
            reader.clean("source", outline.top("source"), &file);
            Some(Source {
                file,
                title: None,
                outlet: None,
                date: None,
                url: None,
            })
        }
        Some(_) => {
            reader.error(
                outline.top("source"),
                "`source` must hold `file: article.txt` (and optionally `title`, `outlet`, `date`, `url`)",
            );
            None
        }
    }
}

/// What every merge key costs: one message, and the question is skipped.
const MERGE_KEY: &str = "`<<` merge keys are not supported in a bank: write the fields out in full (each question's lines are checked where they are written)";

/// Reads one entry of `questions:`; a question with errors gives the quotes
/// that can still be checked against the article.
fn read_question(
    reader: &mut Reader<'_>,
    item: Value,
    lines: &ItemLines,
    index: usize,
) -> Result<Question, Option<Unread>> {
    reader.id.clear();
    let Value::Mapping(mut map) = item else {
        reader.error(
            lines.line,
            "each question is a set of fields starting with `- id:`, not a single value",
        );
        return Err(None);
    };
    let at = |key: &str| lines.key(key);
    if let Some(Value::String(id)) = map.get("id") {
        reader.id = id.trim().to_owned();
    }
    if map.contains_key("<<") {
        reader.error(at("<<"), MERGE_KEY);
        return Err(None);
    }
    reader.id.clear();
    let id = match reader.text(&mut map, "id", at("id")) {
        Some(id) => {
            reader.id.clone_from(&id);
            if !is_valid_id(&id) {
                let example = format!("question-{}", index + 1);
                reader.error(at("id"), bad_id("id", &id, &example));
            }
            Some(id)
        }
        None => {
            if !contains(&map, "id") && !reader.was_reported(at("id")) {
                reader.error(
                    lines.line,
                    "missing `id`: give each question a short unique name such as `retrait-source`",
                );
            }
            None
        }
    };
    let type_format = read_type(reader, &mut map, at("type"));
    let qtype = type_format.and_then(|t| parse_name::<QuestionType>(t.name).ok());
    let skill = reader.named::<Skill>(&mut map, "skill", at("skill"), true);
    let difficulty = match map.remove("difficulty") {
        None | Some(Value::Null) => Some(1),
        Some(Value::Number(n)) if n.as_u64().is_some_and(|d| (1..=3).contains(&d)) => {
            n.as_u64().and_then(|d| u8::try_from(d).ok())
        }
        Some(Value::String(s)) if s.trim().parse::<u64>().is_ok() => {
            reader.error(
                at("difficulty"),
                format!(
                    "`difficulty` must be a number without quotes: write `difficulty: {}`",
                    s.trim()
                ),
            );
            None
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
    let is_open = qtype == Some(QuestionType::Open);
    if is_open && justify {
        reader.error(
            at("justify"),
            "`justify` asks for reasoning on a closed question: an open question is all reasoning, scored by its `rubric`; remove `justify`",
        );
    }
    let had_rubric = contains(&map, "rubric");
    let mut rubric = read_rubric(reader, &mut map, lines, justify || is_open);
    if is_open && !had_rubric {
        reader.error(
            lines.line,
            "missing `rubric`: an open question is scored by hand, e.g. `rubric: [{points: 2, criterion: \"…\"}, {points: 0, criterion: \"…\"}]`",
        );
    }
    let mut kind = qtype.and_then(|t| kinds::read_kind(reader, &mut map, t, lines));
    // An open question's rubric is its own score, kept with its model answer.
    if let Some(Kind::Open { rubric: own, .. }) = &mut kind {
        match rubric.as_mut().filter(|levels| !levels.is_empty()) {
            Some(levels) => *own = std::mem::take(levels),
            None => kind = None,
        }
    }
    if let Some(t) = type_format.filter(|t| t.supported) {
        let known = question_fields();
        for key in map.keys() {
            let key = show(key);
            if known.contains(&key.as_str()) && !t.uses(&key) {
                reader.error(
                    at(&key),
                    format!(
                        "`{key}` is not used by type `{}`: remove it, or change the type",
                        t.name
                    ),
                );
            }
        }
    }
    if type_format.is_some_and(|t| !t.supported) {
        // The type's own fields are not read yet; only unknown names are wrong.
        map.retain(|key, _| !question_fields().contains(&show(key).as_str()));
    }
    reader.unknown_keys(&map, &question_fields(), at, "question");
    let unread = |evidence: Option<Vec<String>>, id: Option<String>| {
        evidence.filter(|e| !e.is_empty()).map(|evidence| Unread {
            line: lines.line,
            id,
            evidence,
        })
    };
    let (
        Some(id),
        Some(skill),
        Some(difficulty),
        Some(kind),
        Some(explanation),
        Some(evidence),
        Some(rubric),
    ) = (
        id.clone(),
        skill,
        difficulty,
        kind,
        explanation,
        evidence.clone(),
        rubric,
    )
    else {
        return Err(unread(evidence, id));
    };
    if evidence.is_empty() {
        return Err(None);
    }
    Ok(Question {
        id,
        skill,
        difficulty,
        kind,
        explanation,
        evidence: evidence
            .into_iter()
            .map(|quote| super::Evidence {
                quote,
                paragraph: None,
            })
            .collect(),
        tags,
        justify,
        rubric,
        line: lines.line,
    })
}

/// Reads `type:`.
fn read_type(
    reader: &mut Reader<'_>,
    map: &mut Mapping,
    line: usize,
) -> Option<&'static format::TypeFormat> {
    let qtype = reader.named::<QuestionType>(map, "type", line, true)?;
    format::question_type(&qtype.to_string())
}

/// Reads `rubric:`, a list of `{points, criterion}` levels, allowed on `open`
/// questions and with `justify: true`.
fn read_rubric(
    reader: &mut Reader<'_>,
    map: &mut Mapping,
    lines: &ItemLines,
    allowed: bool,
) -> Option<Vec<RubricLevel>> {
    let line = lines.key("rubric");
    let value = match map.remove("rubric") {
        None => return Some(Vec::new()),
        Some(value) => value,
    };
    if !allowed {
        reader.error(
            line,
            "`rubric` scores the sentence of reasoning asked by `justify: true`: add `justify: true`, or remove the rubric",
        );
        return None;
    }
    let shape = "`rubric` is a list of levels, each `{points: 2, criterion: \"…\"}`";
    let Value::Sequence(entries) = value else {
        reader.error(line, shape);
        return None;
    };
    if entries.is_empty() || entries.len() > MAX_RUBRIC_LEVELS {
        reader.error(
            line,
            format!(
                "`rubric` has {} levels: give 1 to {MAX_RUBRIC_LEVELS}",
                entries.len()
            ),
        );
        return None;
    }
    let mut levels: Vec<RubricLevel> = Vec::new();
    let mut ok = true;
    for (n, entry) in entries.into_iter().enumerate() {
        let at = lines.entry("rubric", n);
        let Value::Mapping(mut level) = entry else {
            reader.error(at, shape);
            ok = false;
            continue;
        };
        let points = match level.remove("points") {
            Some(Value::Number(p)) => p
                .as_u64()
                .and_then(|p| u32::try_from(p).ok())
                .filter(|&p| p <= 100),
            _ => None,
        };
        if points.is_none() {
            reader.error(
                at,
                format!(
                    "level {} of `rubric` needs `points:`, a whole number from 0 to 100 without quotes",
                    n + 1
                ),
            );
        }
        let has_criterion = contains(&level, "criterion");
        let criterion = reader.text(&mut level, "criterion", at);
        if !has_criterion {
            reader.error(
                at,
                format!(
                    "level {} of `rubric` needs `criterion:`, what an answer at this level contains",
                    n + 1
                ),
            );
        }
        reader.unknown_keys(&level, &["points", "criterion"], |_| at, "rubric level");
        match (points, criterion) {
            (Some(points), Some(_)) if levels.iter().any(|l| l.points == points) => {
                let unit = if points == 1 { "point" } else { "points" };
                reader.error(
                    at,
                    format!("two levels of `rubric` give {points} {unit}: each level gives a different score"),
                );
                ok = false;
            }
            (Some(points), Some(criterion)) => levels.push(RubricLevel { points, criterion }),
            _ => ok = false,
        }
    }
    if ok && levels.iter().all(|l| l.points == 0) {
        reader.error(
            line,
            "every level of `rubric` gives 0 points: the top level is what the answer is worth, give it 1 or more",
        );
        return None;
    }
    ok.then_some(levels)
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The message for an id that breaks the `[a-z0-9-]+` rule, with a suggestion
/// made from it, or `fallback` when nothing of it is Latin.
fn bad_id(what: &str, id: &str, fallback: &str) -> String {
    let suggestion = suggest_id(id);
    let example = if suggestion.is_empty() {
        fallback
    } else {
        &suggestion
    };
    format!(
        "{what} `{id}` may only use lower-case letters a to z, digits and `-` (e.g. `{example}`)"
    )
}
