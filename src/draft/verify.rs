//! Verifying what a language model proposed ([`super::model`]): nothing it
//! returns is trusted. A question is kept only when it passes everything
//! `check` checks (run on a one-question bank over the same article), has no
//! markup or control character, and its single-choice distractors are not a
//! second right answer; evidence that differs from the article only by
//! typography or white space is replaced by the article's exact passage.

use crate::draft::coref::acronym_of_other;
use std::collections::HashSet;
use std::path::Path;

use serde_json::Value;
use serde_yaml::{Mapping, Value as Yaml};

use crate::article::split_elisions;
use crate::bank::format::question_fields;
use crate::bank::suggest_id;
use crate::check::{BankFile, check_file_in};
use crate::diagnostic::{Findings, control_char};
use crate::lang::Lang;
use crate::text::fold_quote;

use super::yaml::scalar;

/// What a question is checked against.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The article's text, as `source.file` holds it.
    pub article: &'a str,
    /// The bank being written: the article is found from its folder.
    pub bank: &'a Path,
    /// `source.file`, relative to the bank.
    pub source: &'a str,
    /// The language findings are written in.
    pub lang: Lang,
}

/// A question that passed.
#[derive(Debug, Clone)]
pub struct Kept {
    /// Its id, unique in the bank.
    pub id: String,
    /// Its skill, to tell two questions on the same point.
    pub skill: String,
    /// Its evidence, as the article has it.
    pub quotes: Vec<String>,
    /// How many quotes were replaced by the article's exact passage.
    pub requoted: usize,
    /// The question as written to the bank, fields in the format's order.
    pub mapping: Mapping,
}

impl Kept {
    /// The question as an item of the bank's `questions:` list.
    pub fn yaml(&self) -> String {
        let text =
            serde_yaml::to_string(&vec![Yaml::Mapping(self.mapping.clone())]).unwrap_or_default();
        text.lines().map(|l| format!("  {l}\n")).collect()
    }
}

/// Verifies one proposed question; `taken` holds the bank's ids, and gets
/// this one's when it is kept. The error lists every reason it fails.
pub fn verify(
    value: &Value,
    taken: &mut HashSet<String>,
    context: &Context<'_>,
) -> Result<Kept, Vec<String>> {
    let lang = context.lang;
    let Value::Object(fields) = value else {
        return Err(vec![lang.pick(
            "ce n’est pas une question (un objet JSON était attendu)".to_owned(),
            "not a question (a JSON object was expected)".to_owned(),
        )]);
    };
    let mut reasons = Vec::new();
    let mut strings = Vec::new();
    collect_strings(value, &mut strings);
    if let Some(c) = strings.iter().find_map(|s| control_char(s)) {
        reasons.push(lang.pick(
            format!("caractère de contrôle ({c}) dans le texte"),
            format!("control character ({c}) in the text"),
        ));
    }
    if let Some(markup) = strings.iter().find_map(|s| markup(s)) {
        reasons.push(lang.pick(
            format!("balisage HTML (`{markup}`) dans le texte"),
            format!("HTML markup (`{markup}`) in the text"),
        ));
    }
    let mut requoted = 0;
    let mut quotes = Vec::new();
    let mut mapping = Mapping::new();
    // A teacher reads the question before its proof: what is asked first,
    // then the explanation and the evidence, then the rest of the format.
    let mut order: Vec<&str> = [
        "id",
        "type",
        "skill",
        "difficulty",
        "prompt",
        "text",
        "front",
        "back",
        "choices",
        "answer",
        "answers",
        "accept",
        "pairs",
        "items",
    ]
    .to_vec();
    let rest: Vec<&str> = question_fields()
        .into_iter()
        .filter(|f| !order.contains(f))
        .collect();
    order.extend(rest);
    let mut keys: Vec<&String> = fields.keys().collect();
    keys.sort_by_key(|k| order.iter().position(|o| o == k).unwrap_or(order.len()));
    let wanted_id = fields
        .get("id")
        .and_then(Value::as_str)
        .map(suggest_id)
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| "model".to_owned());
    let id = unique(&wanted_id, taken);
    for key in keys {
        let field = &fields[key];
        let yaml = match key.as_str() {
            "id" => Yaml::String(id.clone()),
            "draft" => continue,
            "evidence" => {
                let listed: Vec<Value> = match field {
                    Value::String(one) => vec![Value::String(one.clone())],
                    Value::Array(list) => list.clone(),
                    other => vec![other.clone()],
                };
                let mut out = Vec::new();
                for quote in listed {
                    match quote {
                        Value::String(quote) => {
                            let exact = exact_passage(context.article, &quote);
                            if let Some(exact) = exact.filter(|e| *e != quote) {
                                requoted += 1;
                                quotes.push(exact.clone());
                                out.push(Yaml::String(exact));
                            } else {
                                quotes.push(quote.clone());
                                out.push(Yaml::String(quote));
                            }
                        }
                        other => out.push(to_yaml(&other)),
                    }
                }
                Yaml::Sequence(out)
            }
            _ => to_yaml(field),
        };
        mapping.insert(Yaml::String(key.clone()), yaml);
    }
    if !fields.contains_key("id") {
        mapping.insert(Yaml::String("id".into()), Yaml::String(id.clone()));
    }
    mapping.insert(Yaml::String("draft".into()), Yaml::Bool(true));
    let kept = Kept {
        skill: fields
            .get("skill")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned(),
        id,
        quotes,
        requoted,
        mapping,
    };
    reasons.extend(check_one(&kept, context));
    if reasons.is_empty() {
        taken.insert(kept.id.clone());
        Ok(kept)
    } else {
        Err(reasons)
    }
}

/// `check`'s errors on a bank of this one question, and its warnings about
/// a second right answer (which `check` leaves to the teacher, but a model's
/// question must not bring).
fn check_one(kept: &Kept, context: &Context<'_>) -> Vec<String> {
    let lang = context.lang;
    let text = format!(
        "title: verify\nlanguage: {}\nsource:\n  file: {}\nquestions:\n{}",
        lang.tag(),
        scalar(context.source),
        kept.yaml()
    );
    let file = BankFile {
        label: context.bank.display().to_string(),
        text,
        path: Some(context.bank.to_owned()),
    };
    // The article's path is the one `draft` itself wrote into `source.file`.
    let checked = check_file_in(&file, Some(Path::new("/")), Some(lang));
    let mut reasons: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.message.clone())
        .collect();
    if let Some(bank) = &checked.bank {
        let mut findings = Findings::new(file.label.clone(), lang);
        // A fragment ("selon un porte-parole") hides who speaks from the
        // attribution finder: the rule reads the whole sentences quoted from.
        let mut questions = bank.questions.clone();
        for evidence in questions.iter_mut().flat_map(|q| q.evidence.iter_mut()) {
            evidence.quote = sentences_of(context.article, &evidence.quote);
        }
        crate::check::two_right_answers(&questions, &mut findings);
        reasons.extend(findings.list.into_iter().map(|d| d.message));
    }
    if let Some(acronym) = acronym_choice(&kept.mapping) {
        reasons.push(lang.pick(
            format!("le choix faux `{acronym}` est le sigle ou le nom développé de la bonne réponse : deux bonnes réponses"),
            format!("the wrong choice `{acronym}` is the acronym or the full name of the right answer: two right answers"),
        ));
    }
    reasons.sort();
    reasons.dedup();
    reasons
}

/// The ids of the questions of `bank` (a drafted bank's YAML) that `check`
/// would warn about, drafts and `TODO`s aside: two right answers (another
/// name of the answer, its acronym, its seat, a speaker of the evidence), a
/// right choice given away by its length or by the prompt, a repeated
/// prompt. `draft` keeps none of them: the same rules, run once.
pub fn warned(bank: &str, lang: Lang) -> HashSet<String> {
    let parsed = crate::bank::parse("draft", bank, Some(lang));
    let mut findings = Findings::new("draft", lang);
    crate::check::question_warnings(&parsed.questions, &mut findings);
    findings
        .list
        .into_iter()
        .filter_map(|d| d.question)
        .collect()
}

/// A wrong choice of a single-choice question that is the right answer's
/// acronym or its spelled-out name ("le CSP", "le Cadre stratégique
/// permanent"), which the rule of `check` does not see.
fn acronym_choice(mapping: &Mapping) -> Option<String> {
    let text = |key: &str| mapping.get(key).and_then(Yaml::as_str).map(str::to_owned);
    let answer = text("answer")?;
    let choices = mapping.get("choices").and_then(Yaml::as_sequence)?;
    choices
        .iter()
        .filter_map(Yaml::as_str)
        .filter(|c| *c != answer)
        .find(|c| acronym_of_other(c, &answer))
        .map(str::to_owned)
}

/// The article's sentences that hold a part of `quote`, joined; the quote
/// itself when none holds a whole part (a part across two sentences).
fn sentences_of(article: &str, quote: &str) -> String {
    let parts: Vec<String> = split_elisions(quote)
        .iter()
        .map(|p| fold_quote(p).text)
        .filter(|p| !p.is_empty())
        .collect();
    let mut found = Vec::new();
    for paragraph in article.split("\n\n") {
        let paragraph = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        for range in super::sentence::split(&paragraph) {
            let sentence = &paragraph[range];
            let folded = fold_quote(sentence).text;
            if parts.iter().any(|p| folded.contains(p.as_str())) {
                found.push(sentence.to_owned());
            }
        }
    }
    if found.is_empty() {
        quote.to_owned()
    } else {
        found.join(" ")
    }
}

/// `wanted`, or `wanted-2`, `wanted-3`… when the bank has it already.
fn unique(wanted: &str, taken: &HashSet<String>) -> String {
    if !taken.contains(wanted) {
        return wanted.to_owned();
    }
    (2..)
        .map(|n| format!("{wanted}-{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_else(|| wanted.to_owned())
}

fn to_yaml(value: &Value) -> Yaml {
    serde_yaml::to_value(value).unwrap_or(Yaml::Null)
}

fn collect_strings<'v>(value: &'v Value, out: &mut Vec<&'v str>) {
    match value {
        Value::String(s) => out.push(s),
        Value::Array(list) => list.iter().for_each(|v| collect_strings(v, out)),
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            out.push(k);
            collect_strings(v, out)
        }),
        _ => {}
    }
}

/// An HTML tag (`<b>`, `</p>`, `<!--`) or entity (`&amp;`, `&#39;`) in `text`:
/// a model copying a web page's markup, never a teacher's words.
fn markup(text: &str) -> Option<String> {
    for (at, _) in text.match_indices('<') {
        let rest = &text[at + 1..];
        if rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
            && let Some(end) = rest.find('>')
        {
            return Some(text[at..at + end + 2].chars().take(40).collect());
        }
    }
    for (at, _) in text.match_indices('&') {
        let rest = &text[at + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
            .collect();
        if !name.is_empty() && rest[name.len()..].starts_with(';') {
            return Some(format!("&{name};"));
        }
    }
    None
}

/// The article's own passage for a quote that matches it once typography
/// and white space are folded (elided parts joined by ` … `); `None` when
/// a part is not in the article.
pub fn exact_passage(article: &str, quote: &str) -> Option<String> {
    let article = article.replace("\r\n", "\n");
    let folded = fold_quote(&article);
    let mut from = 0;
    let mut parts = Vec::new();
    for part in split_elisions(quote) {
        let needle = fold_quote(&part).text;
        if needle.is_empty() {
            continue;
        }
        let at = from + folded.text[from..].find(&needle)?;
        let last = at + needle.len() - 1;
        let start = folded.map[at];
        let end_char = folded.map[last];
        let end = end_char + article[end_char..].chars().next().map_or(0, char::len_utf8);
        parts.push(
            article[start..end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        );
        from = at + needle.len();
    }
    (!parts.is_empty()).then(|| parts.join(" … "))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Il a dit : « l’armée   s’est retirée » hier.\n\nSuite du texte.";

    #[test]
    fn a_typographic_variant_becomes_the_article_passage() {
        assert_eq!(
            exact_passage(ARTICLE, "l'armée s'est retirée").as_deref(),
            Some("l’armée s’est retirée")
        );
        assert_eq!(
            exact_passage(ARTICLE, "Il a dit … Suite").as_deref(),
            Some("Il a dit … Suite")
        );
        assert_eq!(exact_passage(ARTICLE, "l'armée a fui"), None);
        assert_eq!(exact_passage(ARTICLE, "Suite … Il a dit"), None);
    }

    #[test]
    fn markup_is_found_but_not_comparisons() {
        assert_eq!(markup("un <b>mot</b>").as_deref(), Some("<b>"));
        assert_eq!(markup("Tom &amp; Jerry").as_deref(), Some("&amp;"));
        assert_eq!(markup("3 < 5 et 6 > 2"), None);
        assert_eq!(markup("R&D ; oui"), None);
    }

    #[test]
    fn an_acronym_is_another_name() {
        assert!(crate::draft::coref::is_acronym_of(
            "Le CSP",
            "Le Cadre stratégique permanent"
        ));
        assert!(crate::draft::coref::is_acronym_of(
            "l'ONU",
            "l’Organisation des Nations unies"
        ));
        assert!(!crate::draft::coref::is_acronym_of(
            "Le CSP",
            "Le Groupe Wagner"
        ));
        assert!(!crate::draft::coref::is_acronym_of("Lere", "Le Edifice"));
    }

    #[test]
    fn a_question_check_would_warn_on_is_named() {
        let bank = "title: t\nlanguage: en\nsource:\n  file: a.txt\nquestions:\n\
            \x20 - id: caa\n    type: single\n    skill: sourcing\n    prompt: \"Who says: “stay home”?\"\n\
            \x20   choices: [\"The CAA\", \"The Civil Aviation Authority\", \"Dan Hollis\"]\n\
            \x20   answer: \"The CAA\"\n    explanation: \"It says so.\"\n\
            \x20   evidence: [\"Stay home, the CAA said.\"]\n\
            \x20 - id: fine\n    type: single\n    skill: sourcing\n    prompt: \"Who says: “go”?\"\n\
            \x20   choices: [\"Dan Hollis\", \"Amy Lockwood\", \"Priya Raman\"]\n\
            \x20   answer: \"Dan Hollis\"\n    explanation: \"He says so.\"\n\
            \x20   evidence: [\"Go, said Dan Hollis.\"]\n";
        let warned = warned(bank, Lang::En);
        assert!(warned.contains("caa"), "{warned:?}");
        assert!(!warned.contains("fine"), "{warned:?}");
    }

    #[test]
    fn ids_are_made_unique() {
        let taken: HashSet<String> = ["q".to_owned(), "q-2".to_owned()].into();
        assert_eq!(unique("q", &taken), "q-3");
        assert_eq!(unique("r", &taken), "r");
    }
}
