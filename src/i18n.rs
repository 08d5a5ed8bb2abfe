//! Interface strings in French and English, and French typography.

use crate::lang::Lang;

/// `format!` in one of two languages: `tr!(lang, "en français {x}", "in English {x}")`.
/// Only the chosen text is formatted; leaving one out does not compile, so no
/// message can lack its translation.
macro_rules! tr {
    ($lang:expr, $fr:literal, $en:literal $(,)?) => {
        match $lang {
            $crate::lang::Lang::Fr => format!($fr),
            $crate::lang::Lang::En => format!($en),
        }
    };
}
pub(crate) use tr;

/// Every interface string of the sheets and the quiz, in one language.
#[derive(Debug)]
pub struct Strings {
    /// Name field on a sheet.
    pub name: &'static str,
    /// Class field on a sheet.
    pub class: &'static str,
    /// Date field on a sheet.
    pub date: &'static str,
    /// "Version".
    pub version: &'static str,
    /// "Seed" (the number that makes the sheet again).
    pub seed: &'static str,
    /// "points".
    pub points: &'static str,
    /// "pt" (one point, abbreviated).
    pub point_short: &'static str,
    /// Heading of the article section.
    pub article: &'static str,
    /// Heading of the questions section.
    pub questions: &'static str,
    /// "Source".
    pub source: &'static str,
    /// Title suffix of the answer key.
    pub answer_key: &'static str,
    /// "Answer".
    pub answer: &'static str,
    /// "Explanation".
    pub explanation: &'static str,
    /// "In the article".
    pub in_the_article: &'static str,
    /// Lead of a wrong choice's feedback in the key.
    pub if_chosen: &'static str,
    /// Asks for a sentence of reasoning.
    pub justify: &'static str,
    /// Lead of the model answer to a justification.
    pub model_answer: &'static str,
    /// Heading of a rubric in the key.
    pub rubric: &'static str,
    /// Rubric column: points.
    pub points_col: &'static str,
    /// Rubric column: what an answer contains.
    pub criterion: &'static str,
    /// Heading of the grading grid.
    pub grading: &'static str,
    /// "Question" (grid column).
    pub question: &'static str,
    /// "Score" (grid column).
    pub score: &'static str,
    /// "Total".
    pub total: &'static str,
    /// "True".
    pub true_: &'static str,
    /// "False".
    pub false_: &'static str,
    /// "Page".
    pub page: &'static str,
    /// Footer line telling how to make the sheet again.
    pub remake: &'static str,
    /// "Write the letter" (match).
    pub write_letter: &'static str,
    /// Subheading marker for the article.
    pub subheading: &'static str,
    /// Accepted too (short answers).
    pub also_accepted: &'static str,
    /// Correct order (order questions).
    pub right_order: &'static str,
    /// Heading of the answers at a glance.
    pub brief: &'static str,
    /// An open question's entry in the answers at a glance: its model answer
    /// is too long for a glance, and the rubric grades it.
    pub see_rubric: &'static str,
    /// Heading of a match question's numbered items.
    pub match_items: &'static str,
    /// Heading of a match question's lettered options.
    pub match_options: &'static str,
    /// Said of an article whose author, outlet and date the bank does not give.
    pub not_given: &'static str,
    /// A colon as the language writes it after a label (`\u{A0}:` in French).
    pub colon: &'static str,
    /// "Versions" (the explained key of a class set serves them all).
    pub versions: &'static str,
    /// Title of a class set's one-page key per version.
    pub compact_key: &'static str,
    /// Title of a class set's one key with explanations, for every version.
    pub explained_key: &'static str,
    /// Compact key column: the question's number on the sheet.
    pub number_col: &'static str,
    /// Compact key column: the entry of the explained key.
    pub explained_col: &'static str,
    /// Beside an answer at a glance: a justification is scored too.
    pub with_justification: &'static str,
    /// An open question's entry in a compact key, after its points: the
    /// rubric that scores it is in the explained key.
    pub rubric_in_explained: &'static str,
    /// Under the compact key: where the explanations are.
    pub compact_note: &'static str,
    /// Above the explained key: its order, and why answers are in words.
    pub explained_note: &'static str,
}

const FR: Strings = Strings {
    name: "Nom",
    class: "Classe",
    date: "Date",
    version: "Version",
    seed: "Graine",
    points: "points",
    point_short: "pt",
    article: "L’article",
    questions: "Questions",
    source: "Source",
    answer_key: "Corrigé",
    answer: "Réponse",
    explanation: "Explication",
    in_the_article: "Dans l’article",
    if_chosen: "Si l’élève a choisi",
    justify: "Justifiez votre réponse en une phrase\u{a0}:",
    model_answer: "Justification attendue",
    rubric: "Barème",
    points_col: "Points",
    criterion: "La réponse…",
    grading: "Grille de notation",
    question: "Question",
    score: "Note",
    total: "Total",
    true_: "Vrai",
    false_: "Faux",
    page: "Page",
    remake: "Pour refaire cette feuille\u{a0}:",
    write_letter: "Écrivez la lettre",
    subheading: "Intertitre",
    also_accepted: "Accepté aussi",
    right_order: "Ordre attendu",
    brief: "Réponses en bref",
    see_rubric: "voir le barème",
    match_items: "À relier",
    match_options: "Lettres au choix",
    not_given: "auteur, média et date non précisés",
    colon: "\u{A0}:",
    versions: "Versions",
    compact_key: "Corrigé rapide",
    explained_key: "Corrigé expliqué",
    number_col: "N°",
    explained_col: "Expl.",
    with_justification: "+\u{a0}justification",
    rubric_in_explained: "barème au corrigé expliqué",
    compact_note: "Explications, citations de l’article et barèmes\u{a0}: dans le corrigé expliqué (explained-key), au numéro de la colonne «\u{a0}Expl.\u{a0}».",
    explained_note: "Un seul corrigé expliqué pour toutes les versions\u{a0}: les questions y suivent l’ordre de la banque et les réponses y sont écrites en toutes lettres, car chaque version change l’ordre des questions et les lettres des listes. Le corrigé rapide de chaque version (answers-A…) renvoie ici par sa colonne «\u{a0}Expl.\u{a0}».",
};

const EN: Strings = Strings {
    name: "Name",
    class: "Class",
    date: "Date",
    version: "Version",
    seed: "Seed",
    points: "points",
    point_short: "pt",
    article: "The article",
    questions: "Questions",
    source: "Source",
    answer_key: "Answer key",
    answer: "Answer",
    explanation: "Explanation",
    in_the_article: "In the article",
    if_chosen: "If the student chose",
    justify: "Justify your answer in one sentence:",
    model_answer: "Expected reasoning",
    rubric: "Rubric",
    points_col: "Points",
    criterion: "The answer…",
    grading: "Grading grid",
    question: "Question",
    score: "Score",
    total: "Total",
    true_: "True",
    false_: "False",
    page: "Page",
    remake: "To make this sheet again:",
    write_letter: "Write the letter",
    subheading: "Subheading",
    also_accepted: "Also accepted",
    right_order: "Right order",
    brief: "Answers at a glance",
    see_rubric: "see the rubric",
    match_items: "To match",
    match_options: "Letters to choose from",
    not_given: "author, outlet and date not given",
    colon: ":",
    versions: "Versions",
    compact_key: "Quick key",
    explained_key: "Explained key",
    number_col: "No.",
    explained_col: "Expl.",
    with_justification: "+\u{a0}reasoning",
    rubric_in_explained: "rubric in the explained key",
    compact_note: "Explanations, quotes from the article and rubrics: in the explained key (explained-key), under the number in the “Expl.” column.",
    explained_note: "One explained key for every version: its questions follow the bank’s order and its answers are written out in words, since each version reorders the questions and re-letters the lists. Each version’s quick key (answers-A…) points here through its “Expl.” column.",
};

impl Strings {
    /// The strings of `lang`.
    pub fn get(lang: Lang) -> &'static Strings {
        lang.pick(&FR, &EN)
    }
}

/// The instruction above short-answer questions: one sentence when some
/// expected answer is sentence-long, a few words otherwise.
pub fn short_instruction(lang: Lang, sentences: bool) -> &'static str {
    match (lang, sentences) {
        (Lang::Fr, true) => "Répondez en une phrase.",
        (Lang::Fr, false) => "Répondez en quelques mots.",
        (Lang::En, true) => "Answer in one sentence.",
        (Lang::En, false) => "Answer in a few words.",
    }
}

/// Opening and closing quote marks of `lang`: « » with no-break spaces in
/// French, “ ” in English.
pub fn quotes(lang: Lang) -> (&'static str, &'static str) {
    lang.pick(("«\u{A0}", "\u{A0}»"), ("“", "”"))
}

/// `n` and its noun, singular for 0 and 1 in French, for 1 only in English.
pub fn count(lang: Lang, n: usize, one: &str, many: &str) -> String {
    let singular = match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
    };
    format!("{n} {}", if singular { one } else { many })
}

/// French typography: a no-break space inside « », before : and a narrow
/// no-break space before ? ! ;, so punctuation never starts a line. Only spaces already typed are changed, so the text
/// stays the author's. English text is returned as is.
pub fn typography(lang: Lang, text: &str) -> String {
    if lang != Lang::Fr {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let next = chars.get(i + 1).copied();
            let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
            match (prev, next) {
                (_, Some('?' | '!' | ';')) => out.push('\u{202F}'),
                (_, Some(':' | '»')) | (Some('«'), _) => out.push('\u{A0}'),
                _ => out.push(' '),
            }
        } else {
            out.push(c);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Messages: errors, warnings and notes outside the console sessions.
//
// One mechanism: every message is written in both languages where it is
// built, and the language is chosen where it is printed. Structured errors
// (`Error`'s variants with fields) are rendered by `Error::render(lang)`;
// one-off messages built deep down, before the language is known, carry both
// texts in a [`Text`]. French messages go through [`say`], which sets the
// no-break spaces before : ; ! ? and inside « », outside `code spans`.
// ---------------------------------------------------------------------------

/// A message in both interface languages, chosen when it is printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    // Boxed: errors carry two of these, and a smaller `Error` keeps every
    // `Result` cheap to return.
    fr: Box<str>,
    en: Box<str>,
}

impl Text {
    /// The same message in French and in English.
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            fr: fr.into().into_boxed_str(),
            en: en.into().into_boxed_str(),
        }
    }

    /// The message in `lang`, French typography applied.
    pub fn get(&self, lang: Lang) -> String {
        say(lang, &self.fr, &self.en)
    }
}

/// `fr` or `en`; French gets its typography outside `code spans` (paths
/// and commands stay exactly as typed).
pub fn say(lang: Lang, fr: &str, en: &str) -> String {
    match lang {
        Lang::En => en.to_owned(),
        Lang::Fr => fr
            .split('`')
            .enumerate()
            .map(|(i, part)| {
                if i % 2 == 0 {
                    typography(Lang::Fr, part)
                } else {
                    part.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("`"),
    }
}

/// The word before a message `main` prints: `erreur` or `error`.
pub fn error_word(lang: Lang) -> &'static str {
    lang.pick("erreur\u{A0}:", "error:")
}

/// The word before a warning: `attention` or `warning`.
pub fn warning_word(lang: Lang) -> &'static str {
    lang.pick("attention\u{A0}:", "warning:")
}

/// The plural ending of an English noun for `n`: "" or "s".
pub fn s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The plural ending of a French noun or adjective for `n` (singular for 0 and 1).
pub fn s_fr(n: usize) -> &'static str {
    if n <= 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every French string of the sheets, checked at once: these are printed
    /// as they stand, without [`typography`] ("Pour refaire cette feuille :"
    /// once slipped through).
    #[test]
    fn the_french_table_has_no_plain_space_before_high_punctuation() {
        let table = format!("{FR:?}");
        for mark in [" :", " ;", " ?", " !"] {
            assert!(!table.contains(mark), "`{mark}` in {table}");
        }
        // Debug writes a no-break space as its escape.
        assert!(
            table.contains(r"Pour refaire cette feuille\u{a0}:"),
            "{table}"
        );
    }

    #[test]
    fn french_punctuation_does_not_start_a_line() {
        assert_eq!(
            typography(Lang::Fr, "Qui ? « Le CSP » : oui !"),
            "Qui\u{202F}? «\u{A0}Le CSP\u{A0}»\u{A0}: oui\u{202F}!"
        );
        assert_eq!(typography(Lang::En, "Who ? "), "Who ? ");
    }

    #[test]
    fn french_messages_keep_code_spans_as_typed() {
        assert_eq!(
            say(Lang::Fr, "`a :b ?` : lancez `x ; y` !", "en"),
            "`a :b ?`\u{A0}: lancez `x ; y`\u{202F}!"
        );
        assert_eq!(say(Lang::En, "fr", "`a` : b"), "`a` : b");
    }
}
