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
use crate::i18n::tr;
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
    /// The language the bank states, when it states a known one.
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
    /// The problems found, in the interface language (see [`parse`]).
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

/// Parses and validates a bank's text. `label` names the file in findings,
/// which speak the interface language: `interface` (`--lang`) when given,
/// else the language the bank states, else French.
pub fn parse(label: &str, text: &str, interface: Option<Lang>) -> Parsed {
    let outline = Outline::scan(text);
    let lang = interface
        .or_else(|| super::outline::stated_language(text))
        .unwrap_or(Lang::Fr);
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
        findings: Findings::new(label, lang),
    };
    read_bank(label, text, &outline, lang, &mut parsed);
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

impl<'a> Entries<'a> {
    /// None read yet; findings go to `findings`.
    fn new(findings: &'a mut Findings, outline: &'a Outline) -> Self {
        Entries {
            reader: Reader {
                findings,
                id: String::new(),
            },
            outline,
            questions: Vec::new(),
            unread: Vec::new(),
            first_use: HashMap::new(),
        }
    }

    /// Reads entry `index` of `questions:` and drops its YAML value.
    fn read(&mut self, index: usize, item: Value) {
        let reader = &mut self.reader;
        let lines = self.outline.item(index);
        let question = match read_question(reader, item, &lines, index) {
            Ok(question) => question,
            Err(unread) => {
                // An entry with other errors still claims its id: a second
                // use is reported with them, not after they are fixed.
                if let Some(id) = unread.as_ref().and_then(|u| u.id.clone()) {
                    self.claim(&id, &lines);
                }
                self.unread.extend(unread);
                return;
            }
        };
        if !self.claim(&question.id, &lines) {
            self.unread.push(Unread {
                line: question.line,
                id: Some(question.id.clone()),
                evidence: question.evidence.into_iter().map(|e| e.quote).collect(),
            });
            return;
        }
        self.questions.push(question);
    }

    /// Records that `id` is used by the entry at `lines`; false, with an
    /// error, when an earlier entry used it.
    fn claim(&mut self, id: &str, lines: &ItemLines) -> bool {
        let reader = &mut self.reader;
        let Some(first) = self.first_use.get(id) else {
            self.first_use.insert(id.to_owned(), lines.key("id"));
            return true;
        };
        reader.id = id.to_owned();
        let lang = reader.lang();
        reader.error(
            lines.key("id"),
            tr!(
                lang,
                "identifiant `{id}` en double, déjà utilisé ligne {first}\u{a0}: chaque identifiant est unique",
                "duplicate id `{id}`, first used at line {first}: ids must be unique",
            ),
        );
        false
    }
}

fn read_bank(label: &str, text: &str, outline: &Outline, lang: Lang, parsed: &mut Parsed) {
    // The questions' findings come after the top-level fields' ones, as if
    // the fields were read first; they are kept apart until then.
    let mut item_findings = Findings::new(label, lang);
    let mut entries = Entries::new(&mut item_findings, outline);
    let sliced = yaml::load_sliced(text, outline, lang, &mut |index, item| {
        entries.read(index, item);
    });
    let document = match sliced {
        Some(document) => document,
        None => {
            // The whole-document parse is the reference: what the cut
            // entries gave is forgotten, findings included.
            drop(entries);
            item_findings = Findings::new(label, lang);
            entries = Entries::new(&mut item_findings, outline);
            yaml::load_streaming(text, lang, &mut |index, item| entries.read(index, item))
        }
    };
    let (mut top, listed) = match document {
        Ok(Document::Fields { top, questions }) => (top, questions),
        Ok(Document::Empty) => {
            parsed.findings.error(
                1,
                None,
                tr!(
                    lang,
                    "le fichier est vide\u{a0}: une banque commence par `title:`, `language:`, `source:` et `questions:` (voir docs/bank-format.md)",
                    "the file is empty: a bank starts with `title:`, `language:`, `source:` and `questions:` (see docs/bank-format.md)",
                ),
            );
            return;
        }
        Ok(Document::NotMapping) => {
            parsed.findings.error(
                1,
                None,
                tr!(
                    lang,
                    "une banque est un ensemble de champs (`title:`, `language:`, `source:`, `questions:`), pas une liste ni une valeur seule",
                    "a bank is a set of fields (`title:`, `language:`, `source:`, `questions:`), not a list or a single value",
                ),
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
        reader.error(at("<<"), merge_key(lang));
        return;
    }
    if let Some(id) = reader.text(&mut top, "id", at("id")) {
        if is_valid_id(&id) {
            parsed.id = Some(id);
        } else {
            let what = lang.pick("l’identifiant de banque", "bank id");
            reader.error(at("id"), bad_id(lang, what, &id, "my-bank"));
        }
    }
    let has_title = contains(&top, "title");
    parsed.title = reader.text(&mut top, "title", at("title"));
    if !has_title {
        reader.error(
            1,
            tr!(
                lang,
                "`title` manquant\u{a0}: ajoutez une ligne comme `title: \"Lere : l'armée face au CSP\"`",
                "missing `title`: add a line such as `title: \"Lere : l'armée face au CSP\"`",
            ),
        );
    }
    if let Some(lang) = reader.text(&mut top, "language", at("language")) {
        match parse_name::<Lang>(&lang, reader.lang()) {
            Ok(lang) => {
                parsed.language = lang;
                parsed.stated_language = Some(lang);
            }
            Err(hint) => {
                let stated = lang;
                let lang = reader.lang();
                reader.error(
                    at("language"),
                    tr!(
                        lang,
                        "langue inconnue `{stated}`\u{a0}: {hint}",
                        "unknown language `{stated}`: {hint}"
                    ),
                );
            }
        }
    }
    parsed.source = read_source(&mut reader, &mut top, outline);
    let count = match listed {
        Questions::List(count) if count > 0 => count,
        Questions::List(_) | Questions::Other(Value::Null) => {
            reader.error(
                at("questions"),
                tr!(
                    lang,
                    "`questions` est vide\u{a0}: une banque a au moins une question",
                    "`questions` is empty: a bank needs at least one question",
                ),
            );
            0
        }
        Questions::Other(_) => {
            reader.error(
                at("questions"),
                tr!(
                    lang,
                    "`questions` doit être une liste, chaque question commençant par `- id:`",
                    "`questions` must be a list, each question starting with `- id:`",
                ),
            );
            0
        }
        Questions::Absent => {
            reader.error(
                1,
                tr!(
                    lang,
                    "`questions` manquant\u{a0}: la liste des questions",
                    "missing `questions`: the list of questions",
                ),
            );
            0
        }
    };
    reader.unknown_keys(
        &top,
        &format::names(format::TOP),
        |k| outline.top(k),
        lang.pick("une banque", "a bank"),
    );
    parsed.entries = count;
    parsed.findings.list.append(&mut item_findings.list);
    parsed.questions = questions;
    parsed.unread = unread;
}

fn read_source(reader: &mut Reader<'_>, top: &mut Mapping, outline: &Outline) -> Option<Source> {
    let lang = reader.lang();
    match top.remove("source") {
        None => {
            reader.error(
                1,
                tr!(
                    lang,
                    "`source` manquant\u{a0}: ajoutez `source:` avec `file: article.txt`, l’article dont parlent les questions",
                    "missing `source`: add `source:` with `file: article.txt`, the article the questions are about",
                ),
            );
            None
        }
        Some(Value::Mapping(mut map)) => {
            let has_file = contains(&map, "file");
            let file = reader.text(&mut map, "file", outline.source("file"));
            if !has_file {
                reader.error(
                    outline.top("source"),
                    tr!(
                        lang,
                        "`file` manquant sous `source`\u{a0}: le fichier texte de l’article, relatif à cette banque",
                        "missing `file` under `source`: the article's text file, relative to this bank",
                    ),
                );
            }
            let source = Source {
                file: file.unwrap_or_default(),
                title: reader.text(&mut map, "title", outline.source("title")),
                outlet: reader.text(&mut map, "outlet", outline.source("outlet")),
                author: reader.text(&mut map, "author", outline.source("author")),
                date: reader.text(&mut map, "date", outline.source("date")),
                url: reader.text(&mut map, "url", outline.source("url")),
            };
            let known = format::names(format::SOURCE);
            let what = lang.pick("`source`", "a source");
            reader.unknown_keys(&map, &known, |k| outline.source(k), what);
            (!source.file.is_empty()).then_some(source)
        }
        Some(Value::String(file)) => {
            reader.clean("source", outline.top("source"), &file);
            Some(Source {
                file,
                title: None,
                outlet: None,
                author: None,
                date: None,
                url: None,
            })
        }
        Some(_) => {
            reader.error(
                outline.top("source"),
                tr!(
                    lang,
                    "`source` doit contenir `file: article.txt` (et, au choix, `title`, `outlet`, `date`, `url`)",
                    "`source` must hold `file: article.txt` (and optionally `title`, `outlet`, `date`, `url`)",
                ),
            );
            None
        }
    }
}

/// What every merge key costs: one message, and the question is skipped.
fn merge_key(lang: Lang) -> String {
    tr!(
        lang,
        "les clés de fusion `<<` ne sont pas acceptées dans une banque\u{a0}: écrivez les champs en entier (les lignes de chaque question sont vérifiées là où elles sont écrites)",
        "`<<` merge keys are not supported in a bank: write the fields out in full (each question's lines are checked where they are written)",
    )
}

/// Reads one entry of `questions:`; a question with errors gives the quotes
/// that can still be checked against the article.
fn read_question(
    reader: &mut Reader<'_>,
    item: Value,
    lines: &ItemLines,
    index: usize,
) -> Result<Question, Option<Unread>> {
    reader.id.clear();
    let lang = reader.lang();
    let Value::Mapping(mut map) = item else {
        reader.error(
            lines.line,
            tr!(
                lang,
                "chaque question est un ensemble de champs commençant par `- id:`, pas une valeur seule",
                "each question is a set of fields starting with `- id:`, not a single value",
            ),
        );
        return Err(None);
    };
    let at = |key: &str| lines.key(key);
    if let Some(Value::String(id)) = map.get("id") {
        reader.id = id.trim().to_owned();
    }
    if map.contains_key("<<") {
        reader.error(at("<<"), merge_key(lang));
        return Err(None);
    }
    reader.id.clear();
    let id = match reader.text(&mut map, "id", at("id")) {
        Some(id) => {
            reader.id.clone_from(&id);
            if !is_valid_id(&id) {
                let example = format!("question-{}", index + 1);
                let what = lang.pick("l’identifiant", "id");
                reader.error(at("id"), bad_id(lang, what, &id, &example));
            }
            Some(id)
        }
        None => {
            if !contains(&map, "id") && !reader.was_reported(at("id")) {
                reader.error(
                    lines.line,
                    tr!(
                        lang,
                        "`id` manquant\u{a0}: donnez à chaque question un nom court et unique, comme `retrait-source`",
                        "missing `id`: give each question a short unique name such as `retrait-source`",
                    ),
                );
            }
            None
        }
    };
    let type_format = read_type(reader, &mut map, at("type"));
    let qtype = type_format.and_then(|t| parse_name::<QuestionType>(t.name, Lang::En).ok());
    let skill = reader.named::<Skill>(&mut map, "skill", at("skill"), true);
    let difficulty = match map.remove("difficulty") {
        None | Some(Value::Null) => Some(1),
        Some(Value::Number(n)) if n.as_u64().is_some_and(|d| (1..=3).contains(&d)) => {
            n.as_u64().and_then(|d| u8::try_from(d).ok())
        }
        Some(Value::String(s)) if s.trim().parse::<u64>().is_ok() => {
            let n = s.trim();
            reader.error(
                at("difficulty"),
                tr!(
                    lang,
                    "`difficulty` est un nombre sans guillemets\u{a0}: écrivez `difficulty: {n}`",
                    "`difficulty` must be a number without quotes: write `difficulty: {n}`",
                ),
            );
            None
        }
        Some(other) => {
            let shown = show(&other, lang);
            reader.error(
                at("difficulty"),
                tr!(
                    lang,
                    "`difficulty` vaut 1, 2 ou 3, pas `{shown}`",
                    "`difficulty` must be 1, 2 or 3, not `{shown}`"
                ),
            );
            None
        }
    };
    let explanation = reader.required_text(
        &mut map,
        "explanation",
        lines,
        lang.pick(
            "dites pourquoi la réponse est juste, pour que l’élève apprenne à lire",
            "say why the answer is right, so the student learns the reading skill",
        ),
    );
    let evidence = reader.texts(&mut map, "evidence", lines);
    if evidence.as_ref().is_none_or(Vec::is_empty) && !reader.was_reported(at("evidence")) {
        reader.error(
            at("evidence"),
            tr!(
                lang,
                "`evidence` manquant\u{a0}: citez les mots de l’article qui appuient la réponse, par exemple `evidence: [\"selon les déclarations d'un porte-parole du CSP\"]`",
                "missing `evidence`: quote the article's words that back the answer, e.g. `evidence: [\"selon les déclarations d'un porte-parole du CSP\"]`",
            ),
        );
    }
    let tags = reader.texts(&mut map, "tags", lines).unwrap_or_default();
    let justify = reader.flag(&mut map, "justify", at("justify"));
    let draft = reader.flag(&mut map, "draft", at("draft"));
    let is_open = qtype.is_some_and(QuestionType::has_own_rubric);
    if is_open && justify {
        reader.error(
            at("justify"),
            tr!(
                lang,
                "`justify` demande un raisonnement sur une question fermée\u{a0}: une question ouverte n’est que raisonnement, noté par son `rubric`\u{a0}; retirez `justify`",
                "`justify` asks for reasoning on a closed question: an open question is all reasoning, scored by its `rubric`; remove `justify`",
            ),
        );
    }
    let had_rubric = contains(&map, "rubric");
    let mut rubric = read_rubric(reader, &mut map, lines, justify || is_open);
    if is_open && !had_rubric {
        reader.error(
            lines.line,
            tr!(
                lang,
                "`rubric` manquant\u{a0}: une question ouverte est notée à la main, par exemple `rubric: [{{points: 2, criterion: \"…\"}}, {{points: 0, criterion: \"…\"}}]`",
                "missing `rubric`: an open question is scored by hand, e.g. `rubric: [{{points: 2, criterion: \"…\"}}, {{points: 0, criterion: \"…\"}}]`",
            ),
        );
    }
    let mut kind = qtype.and_then(|t| kinds::read_kind(reader, &mut map, t, lines));
    // A kind scored by its own rubric (an open question) keeps it with its
    // model answer.
    if let Some(own) = kind.as_mut().and_then(Kind::own_rubric_mut) {
        match rubric.as_mut().filter(|levels| !levels.is_empty()) {
            Some(levels) => *own = std::mem::take(levels),
            None => kind = None,
        }
    }
    if let Some(t) = type_format.filter(|t| t.supported) {
        let known = question_fields();
        for key in map.keys() {
            let key = show(key, lang);
            if known.contains(&key.as_str()) && !t.uses(&key) {
                let name = t.name;
                reader.error(
                    at(&key),
                    tr!(
                        lang,
                        "le type `{name}` n’utilise pas `{key}`\u{a0}: retirez-le, ou changez de type",
                        "`{key}` is not used by type `{name}`: remove it, or change the type",
                    ),
                );
            }
        }
    }
    if type_format.is_some_and(|t| !t.supported) {
        // The type's own fields are not read yet; only unknown names are wrong.
        map.retain(|key, _| !question_fields().contains(&show(key, lang).as_str()));
    }
    reader.unknown_keys(
        &map,
        &question_fields(),
        at,
        lang.pick("une question", "a question"),
    );
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
        draft,
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
    let lang = reader.lang();
    let value = match map.remove("rubric") {
        None => return Some(Vec::new()),
        Some(value) => value,
    };
    if !allowed {
        reader.error(
            line,
            tr!(
                lang,
                "`rubric` note la phrase de raisonnement demandée par `justify: true`\u{a0}: ajoutez `justify: true`, ou retirez le barème",
                "`rubric` scores the sentence of reasoning asked by `justify: true`: add `justify: true`, or remove the rubric",
            ),
        );
        return None;
    }
    let shape = tr!(
        lang,
        "`rubric` est une liste de niveaux, chacun `{{points: 2, criterion: \"…\"}}`",
        "`rubric` is a list of levels, each `{{points: 2, criterion: \"…\"}}`",
    );
    let Value::Sequence(entries) = value else {
        reader.error(line, shape);
        return None;
    };
    if entries.is_empty() || entries.len() > MAX_RUBRIC_LEVELS {
        let n = lang.pick(
            crate::i18n::count(lang, entries.len(), "niveau", "niveaux"),
            crate::i18n::count(lang, entries.len(), "level", "levels"),
        );
        reader.error(
            line,
            tr!(
                lang,
                "`rubric` a {n}\u{a0}: donnez-en de 1 à {MAX_RUBRIC_LEVELS}",
                "`rubric` has {n}: give 1 to {MAX_RUBRIC_LEVELS}",
            ),
        );
        return None;
    }
    let mut levels: Vec<RubricLevel> = Vec::new();
    let mut ok = true;
    for (n, entry) in entries.into_iter().enumerate() {
        let at = lines.entry("rubric", n);
        let Value::Mapping(mut level) = entry else {
            reader.error(at, shape.clone());
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
        let number = n + 1;
        if points.is_none() {
            reader.error(
                at,
                tr!(
                    lang,
                    "le niveau {number} de `rubric` demande `points:`, un nombre entier de 0 à 100 sans guillemets",
                    "level {number} of `rubric` needs `points:`, a whole number from 0 to 100 without quotes",
                ),
            );
        }
        let has_criterion = contains(&level, "criterion");
        let criterion = reader.text(&mut level, "criterion", at);
        if !has_criterion {
            reader.error(
                at,
                tr!(
                    lang,
                    "le niveau {number} de `rubric` demande `criterion:`, ce que contient une réponse de ce niveau",
                    "level {number} of `rubric` needs `criterion:`, what an answer at this level contains",
                ),
            );
        }
        let what = lang.pick("un niveau de `rubric`", "a rubric level");
        reader.unknown_keys(&level, &["points", "criterion"], |_| at, what);
        match (points, criterion) {
            (Some(points), Some(_)) if levels.iter().any(|l| l.points == points) => {
                let score = crate::i18n::count(lang, points as usize, "point", "points");
                reader.error(
                    at,
                    tr!(
                        lang,
                        "deux niveaux de `rubric` donnent {score}\u{a0}: chaque niveau donne une note différente",
                        "two levels of `rubric` give {score}: each level gives a different score",
                    ),
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
            tr!(
                lang,
                "tous les niveaux de `rubric` donnent 0 point\u{a0}: le niveau le plus haut est ce que vaut la réponse, donnez-lui 1 point ou plus",
                "every level of `rubric` gives 0 points: the top level is what the answer is worth, give it 1 or more",
            ),
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
/// made from it, or `fallback` when nothing of it is Latin; `what` is the
/// subject, already in `lang`.
fn bad_id(lang: Lang, what: &str, id: &str, fallback: &str) -> String {
    let suggestion = suggest_id(id);
    let example = if suggestion.is_empty() {
        fallback
    } else {
        &suggestion
    };
    tr!(
        lang,
        "{what} `{id}` ne peut contenir que des minuscules de a à z, des chiffres et `-` (par exemple `{example}`)",
        "{what} `{id}` may only use lower-case letters a to z, digits and `-` (e.g. `{example}`)",
    )
}
