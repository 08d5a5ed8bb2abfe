//! Generic field readers: text, lists, flags, names, each reporting its own
//! located problems against the current question.

use std::collections::HashMap;

use clap::ValueEnum;
use serde_yaml::{Mapping, Value};

use super::super::outline::ItemLines;
use super::super::{Lang, name_of};
use crate::diagnostic::{Findings, control_char};
use crate::i18n::tr;
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

    /// The language of the findings.
    pub(super) fn lang(&self) -> Lang {
        self.findings.lang()
    }

    /// Reports a control character in `text` (it would reach a terminal);
    /// true when there is none.
    pub(super) fn clean(&mut self, key: &str, line: usize, text: &str) -> bool {
        match control_char(text) {
            None => true,
            Some(name) => {
                let message = tr!(
                    self.lang(),
                    "`{key}` contient un caractère de contrôle ({name}), qui parviendrait au terminal\u{a0}: retirez-le",
                    "`{key}` contains a control character ({name}), which would reach the terminal: remove it",
                );
                self.error(line, message);
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
        let lang = self.lang();
        let empty = tr!(lang, "`{key}` est vide", "`{key}` is empty");
        match map.remove(key)? {
            Value::Null => {
                self.error(line, empty);
                None
            }
            value => match scalar(&value) {
                Some(text) if text.trim().is_empty() => {
                    self.error(line, empty);
                    None
                }
                Some(text) => self.clean(key, line, &text).then(|| text.trim().to_owned()),
                None => {
                    self.error(
                        line,
                        tr!(
                            lang,
                            "`{key}` doit être un texte, pas une liste ni un ensemble de champs (mettez-le entre guillemets)",
                            "`{key}` must be text, not a list or a set of fields (put it in quotes)",
                        ),
                    );
                    None
                }
            },
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
            let message = tr!(
                self.lang(),
                "`{key}` manquant\u{a0}: {why}",
                "missing `{key}`: {why}"
            );
            self.error(lines.line, message);
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
        let lang = self.lang();
        match map.remove(key)? {
            Value::Sequence(entries) => {
                let mut out = Vec::with_capacity(entries.len());
                let mut ok = true;
                for (index, entry) in entries.iter().enumerate() {
                    let empty = match scalar(entry) {
                        Some(text) if !text.trim().is_empty() => {
                            ok &= self.clean(key, lines.entry(key, index), &text);
                            out.push(text.trim().to_owned());
                            continue;
                        }
                        Some(_) => true,
                        None => matches!(entry, Value::Null),
                    };
                    let n = index + 1;
                    let message = if empty {
                        tr!(
                            lang,
                            "l’entrée {n} de `{key}` est vide",
                            "entry {n} of `{key}` is empty"
                        )
                    } else {
                        tr!(
                            lang,
                            "l’entrée {n} de `{key}` doit être un texte (mettez-la entre guillemets)",
                            "entry {n} of `{key}` must be text (put it in quotes)",
                        )
                    };
                    self.error(lines.entry(key, index), message);
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
                        tr!(
                            lang,
                            "`{key}` doit être une liste, par exemple `{key}: [\"…\", \"…\"]`",
                            "`{key}` must be a list, e.g. `{key}: [\"…\", \"…\"]`",
                        ),
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
                let lang = self.lang();
                let shown = show(&other, lang);
                self.error(
                    line,
                    tr!(
                        lang,
                        "`{key}` vaut `true` ou `false`, pas `{shown}`",
                        "`{key}` must be `true` or `false`, not `{shown}`",
                    ),
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
        let lang = self.lang();
        let present = contains(map, key);
        let Some(text) = self.text(map, key, line) else {
            if required && !present {
                let names = T::value_variants()
                    .iter()
                    .map(name_of)
                    .collect::<Vec<_>>()
                    .join(", ");
                self.error(
                    line,
                    tr!(
                        lang,
                        "`{key}` manquant\u{a0}: l’un de {names}",
                        "missing `{key}`: one of {names}"
                    ),
                );
            }
            return None;
        };
        match parse_name::<T>(&text, lang) {
            Ok(value) => Some(value),
            Err(hint) => {
                let message = match key {
                    "answer" => tr!(
                        lang,
                        "réponse d’affirmation `{text}` inconnue\u{a0}: {hint}",
                        "unknown claim answer `{text}`: {hint}",
                    ),
                    _ => tr!(
                        lang,
                        "valeur `{text}` inconnue pour `{key}`\u{a0}: {hint}",
                        "unknown {key} `{text}`: {hint}",
                    ),
                };
                self.error(line, message);
                None
            }
        }
    }

    pub(super) fn choices(&mut self, map: &mut Mapping, lines: &ItemLines) -> Option<Vec<String>> {
        let lang = self.lang();
        // Absent is reported here; a present but unreadable list was
        // reported by `texts` (another finding on the question's first line,
        // a missing `prompt` say, must not hide this one).
        let present = contains(map, "choices");
        let Some(choices) = self.texts(map, "choices", lines) else {
            if !present {
                self.error(
                    lines.line,
                    tr!(
                        lang,
                        "`choices` manquant\u{a0}: donnez de 2 à 8 choix, par exemple `choices: [\"…\", \"…\"]`",
                        "missing `choices`: list 2 to 8 choices, e.g. `choices: [\"…\", \"…\"]`",
                    ),
                );
            }
            return None;
        };
        let n = choices.len();
        if n < MIN_CHOICES {
            self.error(
                lines.key("choices"),
                tr!(
                    lang,
                    "seulement {n} choix\u{a0}: une question en demande de 2 à 8",
                    "only {n} choice: a question needs 2 to 8 choices",
                ),
            );
            return None;
        }
        if n > MAX_CHOICES {
            self.error(
                lines.key("choices"),
                tr!(
                    lang,
                    "{n} choix\u{a0}: une question en a 8 au plus (ils doivent tenir sur une ligne imprimée)",
                    "{n} choices: a question takes at most 8 (they must fit a printed line)",
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
        let lang = self.lang();
        let present = contains(map, "answers");
        let answers = self.texts(map, "answers", lines);
        if !present {
            let message = if contains(map, "answer") {
                tr!(
                    lang,
                    "`answers` manquant\u{a0}: donnez les bons choix (une question multi utilise `answers`, au pluriel, en liste)",
                    "missing `answers`: list the right choices (a multi question uses `answers`, plural, as a list)",
                )
            } else {
                tr!(
                    lang,
                    "`answers` manquant\u{a0}: donnez les bons choix",
                    "missing `answers`: list the right choices",
                )
            };
            self.error(lines.line, message);
            map.remove("answer");
            return None;
        }
        let answers = answers?;
        if answers.is_empty() {
            self.error(
                lines.key("answers"),
                tr!(
                    lang,
                    "`answers` est vide\u{a0}: donnez au moins un bon choix",
                    "`answers` is empty: list at least one right choice",
                ),
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
                        tr!(
                            lang,
                            "`{answer}` figure deux fois dans `answers`",
                            "`{answer}` is listed twice in `answers`",
                        ),
                    );
                }
                Some(i) => indexes.push(i),
                None => {
                    let message = not_a_choice(lang, "answers", answer, choices);
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
        let lang = self.lang();
        let Value::Mapping(entries) = value else {
            self.error(
                line,
                tr!(
                    lang,
                    "`feedback` associe à un mauvais choix la raison de son erreur\u{a0}: `\"le choix\": \"pourquoi\"`",
                    "`feedback` maps a wrong choice to why it is wrong: `\"the choice\": \"why\"`",
                ),
            );
            return None;
        };
        let (choices, correct) = (choices?, correct?);
        let mut out = vec![None; choices.len()];
        let mut ok = true;
        for (key, why) in &entries {
            let key = show(key, lang);
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
                    self.error(
                        line,
                        tr!(
                            lang,
                            "le feedback de `{key}` est vide",
                            "the feedback for `{key}` is empty"
                        ),
                    );
                    ok = false;
                }
                _ => {
                    self.error(
                        line,
                        tr!(
                            lang,
                            "la clé de feedback `{key}` n’est pas l’un des mauvais choix\u{a0}: le feedback explique pourquoi un mauvais choix est faux",
                            "feedback key `{key}` is not one of the wrong choices: feedback explains why a wrong choice is wrong",
                        ),
                    );
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
        let lang = self.lang();
        let entries = match map.remove("pairs") {
            Some(Value::Sequence(entries)) => entries,
            None => {
                self.error(
                    lines.line,
                    tr!(
                        lang,
                        "`pairs` manquant\u{a0}: donnez de 2 à 8 paires, chacune `[\"gauche\", \"droite\"]`",
                        "missing `pairs`: list 2 to 8 pairs, each `[\"left\", \"right\"]`",
                    ),
                );
                return None;
            }
            Some(_) => {
                self.error(
                    line,
                    tr!(
                        lang,
                        "`pairs` doit être une liste de paires, chacune `[\"gauche\", \"droite\"]`",
                        "`pairs` must be a list of pairs, each `[\"left\", \"right\"]`",
                    ),
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
                _ => {
                    let number = n + 1;
                    self.error(
                        lines.entry("pairs", n),
                        tr!(
                            lang,
                            "la paire {number} doit être deux textes, `[\"gauche\", \"droite\"]`",
                            "pair {number} must be two texts, `[\"left\", \"right\"]`",
                        ),
                    )
                }
            }
        }
        if pairs.len() != entries.len() {
            return None;
        }
        if !(2..=MAX_CHOICES).contains(&pairs.len()) {
            let has = count(lang, pairs.len(), ("paire", "paires"), ("pair", "pairs"));
            self.error(
                line,
                tr!(
                    lang,
                    "`pairs` a {has}\u{a0}: une question match en demande de 2 à 8",
                    "`pairs` has {has}: a match question needs 2 to 8",
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
        let lang = self.lang();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut ok = true;
        for (n, entry) in list.iter().enumerate() {
            if let Some(first) = seen.insert(fold_answer(entry), n) {
                let (first, second) = (first + 1, n + 1);
                self.error(
                    lines.entry(key, n),
                    tr!(
                        lang,
                        "`{entry}` figure deux fois dans `{key}` (entrées {first} et {second})",
                        "`{entry}` appears twice in `{key}` (entries {first} and {second})",
                    ),
                );
                ok = false;
            }
        }
        ok
    }

    /// Reports the keys of `map` not in `known`; `what` is what holds them,
    /// in the findings' language ("a question", "une question").
    pub(super) fn unknown_keys(
        &mut self,
        map: &Mapping,
        known: &[&str],
        line: impl Fn(&str) -> usize,
        what: &str,
    ) {
        let lang = self.lang();
        for key in map.keys() {
            let key = show(key, lang);
            if known.contains(&key.as_str()) {
                continue;
            }
            let message = match closest_name(&key, known.iter().copied()) {
                Some(near) => tr!(
                    lang,
                    "champ inconnu `{key}`, vouliez-vous dire `{near}`\u{a0}?",
                    "unknown field `{key}`, did you mean `{near}`?",
                ),
                None => {
                    let names = known.join(", ");
                    tr!(
                        lang,
                        "champ inconnu `{key}` ({what} a\u{a0}: {names})",
                        "unknown field `{key}` ({what} has: {names})",
                    )
                }
            };
            self.error(line(&key), message);
        }
    }
}

/// The message for an answer that is none of the choices, with the nearest one.
pub(super) fn not_a_choice(lang: Lang, key: &str, answer: &str, choices: &[String]) -> String {
    let near = choices
        .iter()
        .find(|c| fold_answer(c) == fold_answer(answer))
        .or_else(|| {
            closest_name(answer, choices.iter().map(String::as_str))
                .and_then(|n| choices.iter().find(|c| *c == n))
        });
    match near {
        Some(choice) => tr!(
            lang,
            "`{key}` `{answer}` n’est pas l’un des choix\u{a0}; vouliez-vous dire `{choice}`\u{a0}? (copiez-le exactement)",
            "`{key}` `{answer}` is not one of the choices; did you mean `{choice}`? (copy it exactly)",
        ),
        None => tr!(
            lang,
            "`{key}` `{answer}` n’est pas l’un des choix\u{a0}: copiez le bon choix exactement",
            "`{key}` `{answer}` is not one of the choices: copy the right choice exactly",
        ),
    }
}

/// Parses a value of an enum by its bank name, with a hint in `lang`
/// listing the names.
pub(crate) fn parse_name<T: ValueEnum>(text: &str, lang: Lang) -> Result<T, String> {
    if let Ok(value) = T::from_str(text.trim(), true) {
        return Ok(value);
    }
    let names: Vec<String> = T::value_variants().iter().map(name_of).collect();
    let hint = match closest_name(text, names.iter().map(String::as_str)) {
        Some(name) => tr!(
            lang,
            "vouliez-vous dire `{name}`\u{a0}?",
            "did you mean `{name}`?"
        ),
        None => {
            let names = names.join(", ");
            tr!(lang, "attendu l’un de {names}", "expected one of {names}")
        }
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

/// "only 1 pair", "9 pairs"; `fr` and `en` are each language's (singular, plural).
pub(super) fn count(lang: Lang, n: usize, fr: (&str, &str), en: (&str, &str)) -> String {
    match (lang, n) {
        (Lang::Fr, 1) => format!("une seule {}", fr.0),
        (Lang::Fr, _) => crate::i18n::count(lang, n, fr.0, fr.1),
        (Lang::En, 1) => format!("only 1 {}", en.0),
        (Lang::En, _) => crate::i18n::count(lang, n, en.0, en.1),
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
pub(super) fn show(value: &Value, lang: Lang) -> String {
    scalar(value).unwrap_or_else(|| {
        let what = match value {
            Value::Sequence(_) => lang.pick("une liste", "a list"),
            Value::Mapping(_) => lang.pick("un ensemble de champs", "a set of fields"),
            _ => lang.pick("rien", "nothing"),
        };
        what.to_owned()
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
