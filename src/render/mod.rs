//! Printable HTML: worksheets and their answer keys (askama templates in
//! `templates/`). Views are plain data built here, so templates only loop and
//! print; every text goes through askama's HTML escaping.

mod view;

use askama::Template;

use crate::bank::{Bank, Lang};
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
}

fn head<'a>(bank: &Bank, version: &Version<'_>, options: &'a SheetOptions) -> Head<'a> {
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
        version: version.label.to_string(),
        seed: options.seed,
        total: version.questions().map(|s| s.question.points()).sum(),
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
    };
    Ok(page.render()?)
}
