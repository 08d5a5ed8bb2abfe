//! Printable HTML: worksheets and their answer keys (askama templates in
//! `templates/`). Views are plain data built here, so templates only loop and
//! print; every text goes through askama's HTML escaping.

mod view;

use askama::Template;

use std::collections::{HashMap, HashSet};

use crate::bank::{Bank, Lang, Question};
use crate::error::Result;
use crate::i18n::Strings;
use crate::select::{Seed, Version};
pub use view::{Body, Gap, Item, KeyItem, Paragraph};

/// Paper size for printing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// The CSS `@page { size }` value.
    pub fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }
}

/// Everything a sheet needs besides the version itself.
#[derive(Debug, Clone)]
pub struct SheetOptions {
    /// Interface language.
    pub lang: Lang,
    /// The seed that made this set of versions.
    pub seed: Seed,
    /// Paper size.
    pub paper: Paper,
    /// Print the article before the questions.
    pub with_article: bool,
    /// The command that makes the sheet again, printed at the bottom.
    pub remake: String,
}

/// The page furniture shared by a worksheet and its key.
struct Head<'a> {
    t: &'static Strings,
    lang: &'static str,
    /// The bank's language, marked on its text when the interface differs.
    content: &'static str,
    /// Whether the interface and the bank differ in language.
    mixed: bool,
    title: String,
    source: String,
    /// `source.url`, printed as text (a sheet is read on paper).
    url: Option<String>,
    /// `Version A`, or `Versions A–AD` on the explained key of a class set.
    version: String,
    seed: Seed,
    total: u32,
    paper: &'static str,
    remake: &'a str,
}

#[derive(Template)]
#[template(path = "worksheet.html")]
struct WorksheetPage<'a> {
    head: Head<'a>,
    article: Vec<Paragraph>,
    groups: Vec<(String, Vec<Item>)>,
}

#[derive(Template)]
#[template(path = "answers.html")]
struct AnswersPage<'a> {
    head: Head<'a>,
    /// `(number, points)` in rows of ten, for the grading grid.
    grid: Vec<Vec<(usize, u32)>>,
    items: Vec<KeyItem>,
    /// Print each question's bank id (a version's key does not).
    ids: bool,
}

/// The page furniture of one version's sheet or key.
fn head<'a>(bank: &Bank, version: &Version<'_>, options: &'a SheetOptions) -> Head<'a> {
    let t = Strings::get(options.lang);
    let total = version.questions().map(|s| s.question.points()).sum();
    head_for(
        bank,
        format!("{} {}", t.version, version.label),
        total,
        options,
    )
}

/// The page furniture, for a page that `version` (`Version A`…) names and
/// whose questions are worth `total` points.
fn head_for<'a>(bank: &Bank, version: String, total: u32, options: &'a SheetOptions) -> Head<'a> {
    let t = Strings::get(options.lang);
    let typo = |s: &str| crate::i18n::typography(bank.language, s);
    // A drafted bank's title is its article's: said once, in the heading.
    let mut source = bank
        .citation_under_title()
        .unwrap_or_else(|| bank.source.file.clone());
    // Saying what is missing is itself a lesson: who wrote this, where, when?
    if bank.source.outlet.is_none() && bank.source.date.is_none() {
        source = format!("{source} ({})", t.not_given);
    }
    Head {
        t,
        lang: options.lang.tag(),
        content: bank.language.tag(),
        mixed: bank.language != options.lang,
        title: typo(&bank.title),
        source: typo(&source),
        url: bank.source.url.clone(),
        version,
        seed: options.seed,
        total,
        paper: options.paper.css(),
        remake: &options.remake,
    }
}

/// The article as the sheet prints it, without a first line repeating the
/// title printed above it (see [`Bank::article_title_lines`]).
fn printed_article(bank: &Bank) -> Vec<Paragraph> {
    let mut printed = view::article(&bank.article, bank.language);
    printed.drain(..bank.article_title_lines().min(printed.len()));
    printed
}

#[derive(Template)]
#[template(path = "compact-key.html")]
struct CompactKeyPage<'a> {
    head: Head<'a>,
    /// The rows, in two columns side by side (the second one shorter, if
    /// either), so that 40 questions fit on one page.
    columns: Vec<Vec<CompactRow>>,
}

/// One question's row in a compact key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompactRow {
    /// Number on the version's sheet.
    pub number: usize,
    /// The answer at a glance, as the version's sheet letters it.
    pub brief: String,
    /// Points, justification included.
    pub points: u32,
    /// Whether a justification is scored too (by the rubric).
    pub justified: bool,
    /// The question's number in the explained key.
    pub explained: usize,
}

#[derive(Template)]
#[template(path = "explained-key.html")]
struct ExplainedKeyPage<'a> {
    head: Head<'a>,
    items: Vec<KeyItem>,
    /// Print each question's bank id: the teacher finds it in the bank by it.
    ids: bool,
}

/// The student's worksheet for one version.
pub fn worksheet(bank: &Bank, version: &Version<'_>, options: &SheetOptions) -> Result<String> {
    let page = WorksheetPage {
        head: head(bank, version, options),
        article: if options.with_article {
            printed_article(bank)
        } else {
            Vec::new()
        },
        groups: view::groups(version, options.lang, bank.language),
    };
    Ok(page.render()?)
}

/// The answer key for one version.
pub fn answers(bank: &Bank, version: &Version<'_>, options: &SheetOptions) -> Result<String> {
    let items = view::key(version, options.lang, bank.language);
    let cells: Vec<(usize, u32)> = items.iter().map(|i| (i.number, i.points)).collect();
    let page = AnswersPage {
        head: head(bank, version, options),
        grid: cells.chunks(10).map(<[_]>::to_vec).collect(),
        items,
        ids: false,
    };
    Ok(page.render()?)
}

/// The selected `questions` in the order the bank writes them: the order of
/// a class set's explained key, which no version's shuffle decides.
pub fn written_order<'b>(bank: &'b Bank, questions: &[&'b Question]) -> Vec<&'b Question> {
    let chosen: HashSet<&str> = questions.iter().map(|q| q.id.as_str()).collect();
    bank.questions
        .iter()
        .filter(|q| chosen.contains(q.id.as_str()))
        .collect()
}

/// The rows of `version`'s compact key: each question's answer at a glance
/// (the same [`KeyItem::brief`] the full key prints, from the same
/// [`crate::answer::AnswerView`]), its points, and where `explained` (the
/// explained key's questions, in its order) explains it.
pub fn compact_rows(
    version: &Version<'_>,
    explained: &[&Question],
    lang: Lang,
    content: Lang,
) -> Vec<CompactRow> {
    let entry: HashMap<&str, usize> = explained
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i + 1))
        .collect();
    let t = Strings::get(lang);
    view::key(version, lang, content)
        .into_iter()
        .zip(version.questions())
        .map(|(item, shown)| CompactRow {
            number: item.number,
            // An open answer is scored by its rubric, which only the
            // explained key has room for.
            brief: if shown.question.question_type().has_own_rubric() {
                format!("/{} — {}", item.points, t.rubric_in_explained)
            } else {
                item.brief
            },
            points: item.points,
            justified: shown.question.justify,
            // Every question of a version is in the explained key: both are
            // made from the same selection. 0 would show a broken link.
            explained: entry
                .get(shown.question.id.as_str())
                .copied()
                .unwrap_or_default(),
        })
        .collect()
}

/// The compact key of one version of a class set: one page, the answer at
/// a glance and the points of each question, and the explained key's entry.
pub fn compact_key(
    bank: &Bank,
    version: &Version<'_>,
    explained: &[&Question],
    options: &SheetOptions,
) -> Result<String> {
    let rows = compact_rows(version, explained, options.lang, bank.language);
    let half = rows.len().div_ceil(2).max(1);
    let page = CompactKeyPage {
        head: head(bank, version, options),
        columns: rows.chunks(half).map(<[_]>::to_vec).collect(),
    };
    Ok(page.render()?)
}

/// The one explained key of a class set: `questions` in the bank's order,
/// answered in words (no version's letters), with explanations, feedback,
/// rubrics and quotes; `versions` name the set it serves.
pub fn explained_key(
    bank: &Bank,
    questions: &[&Question],
    versions: &[Version<'_>],
    options: &SheetOptions,
) -> Result<String> {
    let t = Strings::get(options.lang);
    let labels: Vec<String> = versions.iter().map(|v| v.label.to_string()).collect();
    let version = match labels.as_slice() {
        [] => String::new(),
        [one] => format!("{} {one}", t.version),
        [first, .., last] => format!("{} {first}–{last}", t.versions),
    };
    let total = questions.iter().map(|q| q.points()).sum();
    let page = ExplainedKeyPage {
        head: head_for(bank, version, total, options),
        items: view::explained(questions, options.lang, bank.language),
        ids: true,
    };
    Ok(page.render()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::load_bank;
    use crate::select::{Filters, select, versions};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Every row of every compact key names the question printed under
        /// its number (through the explained key's entry), with that
        /// version's answer at a glance and its points.
        #[test]
        fn compact_rows_follow_their_version(
            seed in any::<u64>(),
            count in 1usize..=40,
            version_count in 2usize..=5,
        ) {
            let bank = load_bank(None).unwrap();
            let mut rng = Seed(seed).rng();
            let chosen = select(&bank, &Filters::default(), count, false, &mut rng).unwrap();
            let explained = written_order(&bank, &chosen);
            prop_assert_eq!(explained.len(), count);
            let positions: Vec<usize> = explained
                .iter()
                .map(|q| bank.questions.iter().position(|b| b.id == q.id).unwrap())
                .collect();
            prop_assert!(positions.windows(2).all(|w| w[0] < w[1]), "not in the bank's order");
            for version in versions(&chosen, version_count, &mut rng) {
                let rows = compact_rows(&version, &explained, Lang::Fr, Lang::Fr);
                let full = view::key(&version, Lang::Fr, Lang::Fr);
                prop_assert_eq!(rows.len(), count);
                for ((row, shown), item) in rows.iter().zip(version.questions()).zip(&full) {
                    prop_assert_eq!(row.number, item.number);
                    prop_assert_eq!(&explained[row.explained - 1].id, &shown.question.id);
                    prop_assert_eq!(row.points, shown.question.points());
                    prop_assert_eq!(row.justified, shown.question.justify);
                    if !shown.question.question_type().has_own_rubric() {
                        prop_assert_eq!(&row.brief, &item.brief);
                    }
                }
            }
        }
    }
}
