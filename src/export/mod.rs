//! Files for other tools: Moodle (GIFT and Moodle XML), Anki (`.apkg` and text import),
//! Canvas (QTI 1.2), JSON and Markdown.
//!
//! Each format is one pure function from an [`Input`] (the bank, the
//! questions chosen, the interface language, the seed) to an [`Output`]
//! (bytes, and the questions it could not carry, with the reason), so that
//! plugging a format into an output pipeline is one small adapter.

mod anki;
mod gift;
mod json;
mod markdown;
mod moodle;
mod qti;

use clap::ValueEnum;

use crate::bank::{Bank, Evidence, Lang, Question, Shape};
use crate::error::Result;
use crate::select::Seed;

pub use anki::{BASIC_NOTETYPE_ID, CLOZE_NOTETYPE_ID};
pub use json::FORMAT_VERSION;

/// An export format, as named by `mediaquiz export --format`: one line of
/// [`FORMATS`], which says everything the command needs to know about it.
#[derive(Debug, Clone, Copy)]
pub struct Format {
    /// Its `--format` value.
    pub name: &'static str,
    /// What it makes, for `--help`.
    pub help: &'static str,
    /// A file name for examples, and the name standard output stands for.
    pub example: &'static str,
    /// Whether it is a file of its own (a binary, or a whole page), which
    /// needs `--out`; the others go to standard output without it.
    pub own_file: bool,
    /// Whether flashcard-only questions are handed to it (it keeps them, or
    /// names them in its warning, as Moodle XML, GIFT and QTI do: a teacher
    /// is told what did not go, never left to count).
    pub carries_cards: bool,
    /// How it is made.
    pub make: Make,
}

/// How a format is made.
#[derive(Debug, Clone, Copy)]
pub enum Make {
    /// From the questions in bank order: a pure function of the [`Input`],
    /// given with the interface language's typography when `typeset`
    /// (formats read by people) or exactly as the bank has it (data).
    File {
        /// Whether the questions get the interface language's typography.
        typeset: bool,
        /// The format's function.
        export: fn(&Input<'_>) -> Result<Output>,
    },
    /// The self-check page: shuffled questions, a seed and the line that
    /// makes it again; `output::Export` builds it with `selfcheck::page`.
    Page,
}

/// Every export format, in `--help` order. Adding one is its module and a
/// line here.
#[rustfmt::skip]
pub static FORMATS: &[Format] = &[
    Format { name: "gift", help: "Moodle's GIFT text format", example: "lere.gift", own_file: false, carries_cards: true, make: Make::File { typeset: true, export: |i| Ok(gift::export(i)) } },
    Format { name: "moodle", help: "Moodle XML: every type as its native Moodle type, the article first", example: "lere.xml", own_file: false, carries_cards: true, make: Make::File { typeset: true, export: |i| Ok(moodle::export(i)) } },
    Format { name: "anki", help: "An Anki deck package (`.apkg`)", example: "lere.apkg", own_file: true, carries_cards: true, make: Make::File { typeset: true, export: anki::package } },
    Format { name: "anki-text", help: "Anki's \"Import File\" text format (tab-separated, with headers)", example: "lere.txt", own_file: false, carries_cards: true, make: Make::File { typeset: true, export: |i| Ok(anki::text(i)) } },
    Format { name: "qti", help: "A Canvas QTI 1.2 package (zip)", example: "lere-qti.zip", own_file: true, carries_cards: true, make: Make::File { typeset: true, export: qti::export } },
    Format { name: "json", help: "The whole bank, resolved, for other programs", example: "lere.json", own_file: false, carries_cards: true, make: Make::File { typeset: false, export: json::export } },
    Format { name: "markdown", help: "The teacher's key in Markdown: questions with answers", example: "lere.md", own_file: false, carries_cards: true, make: Make::File { typeset: true, export: |i| Ok(markdown::export(i)) } },
    Format { name: "markdown-handout", help: "The students' handout in Markdown: the article and the questions, no answers", example: "lere-handout.md", own_file: false, carries_cards: true, make: Make::File { typeset: true, export: |i| Ok(markdown::handout(i)) } },
    Format { name: "html", help: "The offline self-check page: one HTML file (built in `selfcheck`)", example: "quiz.html", own_file: true, carries_cards: true, make: Make::Page },
];

impl Format {
    /// The format named `name`, if any.
    pub fn named(name: &str) -> Option<Format> {
        FORMATS.iter().copied().find(|f| f.name == name)
    }

    /// Whether the output is a file of its own (a binary, or a whole page), which needs `--out`.
    pub fn is_binary(self) -> bool {
        self.own_file
    }

    /// Whether flashcard-only questions belong in this format.
    pub fn carries_cards(self) -> bool {
        self.carries_cards
    }

    /// Whether this is the self-check page.
    pub fn is_page(self) -> bool {
        matches!(self.make, Make::Page)
    }
}

/// Formats are told apart by name: the table has one line per name.
impl PartialEq for Format {
    fn eq(&self, other: &Format) -> bool {
        self.name == other.name
    }
}

impl Eq for Format {}

/// `--format`'s values are the table's names.
impl ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Format] {
        FORMATS
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name).help(self.help))
    }
}

/// What an export is made from.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The checked bank.
    pub bank: &'a Bank,
    /// The questions to export, in bank order.
    pub questions: &'a [&'a Question],
    /// The interface language (labels such as "True", "Answer").
    pub lang: Lang,
    /// The seed that chose the questions, when they were drawn (`-n`).
    pub seed: Option<Seed>,
    /// The bank file's modification time, in seconds since 1970: Anki keeps
    /// a note only when the incoming one is newer.
    pub modified: i64,
}

/// A question left out of an export, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The question id.
    pub id: String,
    /// Why the format cannot carry it.
    pub reason: String,
}

/// What an export made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// The file's content.
    pub bytes: Vec<u8>,
    /// The questions left out.
    pub skipped: Vec<Skipped>,
}

/// Makes `format` from `input`.
pub fn export(format: Format, input: &Input<'_>) -> Result<Output> {
    let Make::File {
        typeset: for_people,
        export,
    } = format.make
    else {
        // The page needs shown (shuffled) questions and a seed:
        // `output::Export` builds it with `selfcheck::page`.
        return Err(crate::Error::usage(
            "la page d’auto-correction s’écrit avec `--out FICHIER`",
            "the self-check page is written with `--out FILE`",
        ));
    };
    if !for_people {
        // Data for programs: the text exactly as the bank has it.
        return export(input);
    }
    // Every format read by people gets the interface language's typography.
    let typeset: Vec<Question> = input
        .questions
        .iter()
        .map(|q| typeset(q, input.lang))
        .collect();
    let questions: Vec<&Question> = typeset.iter().collect();
    export(&Input {
        questions: &questions,
        ..*input
    })
}

/// A copy of `question` with French typography (no-break spaces before
/// `: ; ? !` and inside « ») on what is read; answers a student types
/// (short answers, gaps) stay as written, since they are compared.
fn typeset(question: &Question, lang: Lang) -> Question {
    let t = |s: &str| crate::i18n::typography(lang, s);
    let mut q = question.clone();
    q.explanation = t(&q.explanation);
    q.kind = question.kind.map_read(&t);
    q.rubric = crate::bank::map_criteria(&question.rubric, &t);
    q
}

/// The one warning an export prints about the questions it left out, in
/// `lang` (the reasons are written in it by the format).
pub fn warning(format: Format, skipped: &[Skipped], lang: Lang) -> Option<String> {
    if skipped.is_empty() {
        return None;
    }
    let list: Vec<String> = skipped
        .iter()
        .map(|s| format!("`{}` ({})", s.id, s.reason))
        .collect();
    let list = list.join(lang.pick("\u{202f}; ", "; "));
    let (name, n) = (crate::bank::name_of(&format), skipped.len());
    let message = lang.pick(
        format!(
            "{name}\u{a0}: {n} question{} laissée{} de côté\u{a0}: {list}",
            crate::i18n::s_fr(n),
            crate::i18n::s_fr(n)
        ),
        format!("{name} left out {n} question{}: {list}", crate::i18n::s(n)),
    );
    Some(format!("{} {message}", crate::i18n::warning_word(lang)))
}

/// The article as HTML, for exports a student answers in: its title, the
/// source line, then every paragraph with its §n (subheadings as headings),
/// in the bank's language and typography.
pub(crate) fn article_html(bank: &Bank) -> String {
    let lang = bank.language;
    let t = |s: &str| html(&crate::i18n::typography(lang, s));
    let mut source = bank
        .citation_under_title()
        .unwrap_or_else(|| bank.source.file.clone());
    // As on the sheets: what is missing is itself a lesson.
    if bank.source.outlet.is_none() && bank.source.date.is_none() {
        source = format!("{source} ({})", crate::i18n::Strings::get(lang).not_given);
    }
    let mut out = format!("<h3>{}</h3>\n<p><em>{}</em>", t(&bank.title), t(&source));
    if let Some(url) = &bank.source.url {
        out.push_str(&format!("<br>{}", html(url)));
    }
    out.push_str("</p>\n");
    for paragraph in bank
        .article
        .paragraphs()
        .iter()
        .skip(bank.article_title_lines())
    {
        match paragraph.number {
            Some(n) => out.push_str(&format!(
                "<p><strong>§{n}</strong> {}</p>\n",
                t(&paragraph.text)
            )),
            None => out.push_str(&format!("<h4>{}</h4>\n", t(&paragraph.text))),
        }
    }
    out
}

/// The bank's stable id, from which every exported id derives (Moodle
/// `[id:]`, Anki GUIDs, QTI identifiers): the bank's `id:`, by default its
/// file name without extension.
pub fn bank_id(bank: &Bank) -> String {
    bank.id.clone()
}

/// `bank-id/question-id`: unique across banks.
pub fn question_uid(bank: &Bank, question: &Question) -> String {
    format!("{}/{}", bank_id(bank), question.id)
}

/// Escapes text for HTML (every format that carries HTML uses this).
pub(crate) fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("<br>"),
            '\t' => out.push_str("&#9;"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// The choices a question offers, as written, with the indexes of the right
/// ones: single, multi, and a claim's three verdicts (in the interface language).
pub(crate) fn offered(question: &Question, lang: Lang) -> Option<(Vec<String>, Vec<usize>)> {
    match question.shape() {
        Shape::Choices { choices: c, .. } => Some((c.options.clone(), c.correct.clone())),
        Shape::Verdict { answer, .. } => {
            let verdicts = crate::bank::Verdict::ALL;
            Some((
                verdicts.iter().map(|v| v.label(lang).to_owned()).collect(),
                verdicts
                    .iter()
                    .position(|&v| v == answer)
                    .into_iter()
                    .collect(),
            ))
        }
        Shape::TrueFalse { .. }
        | Shape::Text { .. }
        | Shape::Gaps { .. }
        | Shape::Pairs { .. }
        | Shape::Ranked { .. }
        | Shape::Rubric { .. }
        | Shape::Card { .. } => None,
    }
}

/// Why a wrong choice is wrong, by choice index (single/multi only).
pub(crate) fn choice_feedback(question: &Question, index: usize) -> Option<&str> {
    question.kind.as_choices()?.feedback.get(index)?.as_deref()
}

/// The general feedback, paragraph by paragraph: an open question's model
/// answer, any rubric (one line a level), the explanation, the quotes.
pub(crate) fn general_parts(question: &Question, lang: Lang) -> Vec<String> {
    let mut parts = Vec::new();
    let colon = lang.pick("\u{a0}:", ":");
    if let Shape::Rubric { answer, .. } = question.shape() {
        parts.push(format!(
            "{}{colon} {answer}",
            lang.pick("Réponse modèle", "Model answer")
        ));
    }
    if !question.rubric().is_empty() {
        parts.push(format!("{}{colon}", lang.pick("Barème", "Rubric")));
        parts.extend(crate::present::rubric_lines(question.rubric(), lang));
    }
    parts.push(question.explanation.clone());
    parts.extend(quotes(question, lang));
    parts
}

/// The evidence quotes as printed: « quote » (§n).
pub(crate) fn quotes(question: &Question, lang: Lang) -> Vec<String> {
    question
        .evidence
        .iter()
        .map(|e: &Evidence| crate::i18n::typography(lang, &crate::present::evidence_line(e, lang)))
        .collect()
}

/// "Position 1" / "Rang 1": the left column when an order question becomes a match.
pub(crate) fn rank_label(lang: Lang, rank: usize) -> String {
    format!("{} {rank}", lang.pick("Rang", "Position"))
}

/// The right answer in words, without letters.
pub(crate) fn answer_text(question: &Question, lang: Lang) -> String {
    crate::answer::AnswerView::new(&crate::select::Shown::as_written(question)).words(lang)
}

/// A small, stable 64-bit hash (FNV-1a) for ids derived from names: the same
/// on every machine and every release, unlike `std`'s hasher.
pub(crate) fn stable_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stable_hash_is_pinned() {
        // Anki note and deck ids derive from it: a change would duplicate decks.
        assert_eq!(stable_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(stable_hash("a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn html_escapes_markup_and_keeps_lines() {
        assert_eq!(html("<b>&\"x'\n"), "&lt;b&gt;&amp;&quot;x'<br>");
    }
}
