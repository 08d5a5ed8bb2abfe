//! The Plan: what a run that selects questions does, built once from its
//! command line (ripgrep's `HiArgs`): the bank and language, the questions
//! chosen and laid out from the seed, the paper, where the files go, and the
//! "make it again" line, derived here from the Plan and nowhere else.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::Globals;
use crate::bank::{Bank, Question, name_of};
use crate::error::{Error, Result};
use crate::export::Format;
use crate::i18n::{s, s_fr, say};
use crate::output::Duplex;
use crate::output::{Destination, Output, Remake, RenderContext};
use crate::render::Paper;
use crate::select::{self, Filters, Seed, Shown, Version, VersionLabel};

/// How many questions `worksheet` and `quiz` choose without `-n`.
const DEFAULT_COUNT: usize = 10;

/// How many questions a command takes when `-n` is not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unasked {
    /// Ten, or all that match when fewer (a note says so). The line repeats
    /// the count chosen.
    Ten,
    /// Every question that matches. The line repeats `-n` only when given:
    /// the default follows the bank.
    All,
}

/// How the chosen questions are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// That many versions (A, B, C…), each shuffled: sheets, flashcards.
    Versions(u16),
    /// One version: each question shuffled, in selection order (the quiz,
    /// the self-check page).
    Shown,
    /// Unshuffled, in bank order; drawn from the seed only with `-n`, else
    /// every question that matches (exports).
    BankOrder,
}

/// A flag that shapes the output beyond its questions, as the line repeats
/// it (only when not the default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// `--no-article`.
    NoArticle(bool),
    /// `--duplex`.
    Duplex(Duplex),
    /// `--retry`.
    Retry(bool),
    /// `--full-keys`.
    FullKeys(bool),
}

/// What a command asks for: its flags, before anything is chosen.
pub struct Request<'a> {
    /// The subcommand's name.
    pub command: &'static str,
    /// `export`'s `--format`.
    pub format: Option<Format>,
    /// Which questions.
    pub filters: Filters,
    /// `-n`.
    pub count: Option<usize>,
    /// How many without `-n`.
    pub unasked: Unasked,
    /// `--seed`.
    pub seed: Option<u64>,
    /// How the questions are laid out.
    pub layout: Layout,
    /// The outputs the run makes: whether one carries flashcard-only
    /// questions decides whether they may be chosen.
    pub outputs: &'a [&'a dyn Output],
    /// `--paper`.
    pub paper: Paper,
    /// The command's other flags.
    pub settings: Vec<Setting>,
    /// Where the files go.
    pub destination: Destination,
    /// `--out` as typed, repeated in the line unless it is `default_out`.
    pub out: Option<PathBuf>,
    /// `--out`'s default, if it has one.
    pub default_out: Option<&'static str>,
    /// `--pdf`.
    pub pdf: bool,
}

/// A run, planned: everything the outputs read (the [`RenderContext`]),
/// where they go, and the generator the seed left where the choice ended
/// (the quiz shuffles again with it).
#[derive(Debug)]
pub struct Plan<'b> {
    /// The bank, questions, versions, language, seed, paper and line.
    pub context: RenderContext<'b>,
    /// Where the files go.
    pub destination: Destination,
    /// `--pdf`.
    pub pdf: bool,
    /// The generator, after the choice and the shuffles.
    pub rng: select::Rng,
}

impl<'b> Plan<'b> {
    /// Writes `outputs` of this plan where it says, as one set (or to
    /// standard output), with `--pdf` when asked.
    pub fn write(
        &self,
        outputs: &[&dyn Output],
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> Result<()> {
        crate::output::write(
            outputs,
            &self.context,
            &self.destination,
            self.pdf,
            out,
            err,
        )
    }

    /// Chooses and lays out the questions `request` asks for, and derives
    /// the line that makes the same run again. A note goes to `err` when
    /// fewer questions than the default match.
    pub fn build(
        globals: &Globals,
        bank: &'b Bank,
        request: Request<'_>,
        err: &mut dyn Write,
    ) -> Result<Plan<'b>> {
        let lang = globals.lang_for(bank);
        let cards = request.outputs.iter().any(|o| o.carries_cards());
        let filters = &request.filters;
        let available = || select::matching(bank, filters, cards);
        let (count, in_line) = match (request.count, request.unasked) {
            (Some(count), _) => (count, Some(count)),
            (None, Unasked::Ten) => {
                let available = available();
                if (1..DEFAULT_COUNT).contains(&available) {
                    writeln!(err, "{}", fewer_than_default(available, lang))?;
                }
                let count = available.clamp(1, DEFAULT_COUNT);
                (count, Some(count))
            }
            (None, Unasked::All) => (available().max(1), None),
        };
        let drawn = request.layout != Layout::BankOrder || request.count.is_some();
        // Not drawn: no seed is recorded, and none is made up.
        let seed = match request.seed {
            Some(seed) => Seed(seed),
            None if drawn => Seed::random(),
            None => Seed(0),
        };
        let mut rng = seed.rng();
        let mut questions = if drawn {
            select::select(bank, filters, count, cards, &mut rng)?
        } else {
            every_match(bank, filters, cards)?
        };
        let versions = match request.layout {
            Layout::Versions(n) => select::versions(&questions, usize::from(n), &mut rng),
            Layout::Shown => vec![Version {
                label: VersionLabel::new(0, 1),
                groups: questions
                    .iter()
                    .map(|q| (q.question_type(), vec![Shown::shuffle(q, &mut rng)]))
                    .collect(),
            }],
            Layout::BankOrder => {
                in_bank_order(bank, &mut questions);
                Vec::new()
            }
        };
        let line = Line {
            globals,
            request: &request,
            count: in_line,
            seed: drawn.then_some(seed),
        };
        let remake = line.remake();
        let mut context =
            RenderContext::new(bank, questions, versions, lang, seed, request.paper, remake);
        context.drawn = drawn;
        if request.layout == Layout::BankOrder {
            context.modified = modified(globals.bank.as_deref());
        }
        Ok(Plan {
            context,
            destination: request.destination,
            pdf: request.pdf,
            rng,
        })
    }

    /// The one version's questions as shown, in order (the quiz's).
    pub fn shown(&self) -> Vec<Shown<'b>> {
        self.context
            .versions
            .iter()
            .flat_map(|v| v.groups.iter().flat_map(|(_, shown)| shown.iter().cloned()))
            .collect()
    }
}

/// The note when fewer questions than the default match.
fn fewer_than_default(available: usize, lang: crate::bank::Lang) -> String {
    let one = available == 1;
    say(
        lang,
        &format!(
            "{available} question{} {}, moins que les {DEFAULT_COUNT} par défaut : {}",
            s_fr(available),
            if one { "correspond" } else { "correspondent" },
            if one {
                "elle est utilisée"
            } else {
                "toutes sont utilisées"
            }
        ),
        &format!(
            "{available} question{} match, fewer than the default {DEFAULT_COUNT}: using {}",
            s(available),
            if one { "it" } else { "all of them" }
        ),
    )
}

/// Every question that passes `filters` (flashcard-only ones only when
/// `cards`: a quiz format leaves them out silently, as a worksheet does).
fn every_match<'b>(bank: &'b Bank, filters: &Filters, cards: bool) -> Result<Vec<&'b Question>> {
    let chosen: Vec<&Question> = bank
        .questions
        .iter()
        .filter(|q| cards || !q.card_only())
        .filter(|q| filters.accepts(q))
        .collect();
    if chosen.is_empty() {
        return Err(Error::usage(
            "aucune question ne correspond à ces filtres : assouplissez-les",
            "no question matches these filters: relax them",
        ));
    }
    Ok(chosen)
}

/// Puts `questions` in bank order, whatever the draw: exports are read, not
/// taken in order. (Indexed once: a search per question was quadratic,
/// minutes at 100 000.)
fn in_bank_order(bank: &Bank, questions: &mut [&Question]) {
    let place: HashMap<&str, usize> = bank
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    questions.sort_by_key(|q| place.get(q.id.as_str()).copied());
}

/// When the bank last changed, in seconds since 1970: the bank file's time,
/// or for the shipped bank the program's own (a new release may carry an
/// edited bank). 0 when the system cannot tell.
fn modified(bank: Option<&Path>) -> i64 {
    let file = match bank {
        Some(path) => path.to_owned(),
        None => match std::env::current_exe() {
            Ok(path) => path,
            Err(_) => return 0,
        },
    };
    std::fs::metadata(file)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .and_then(|d| i64::try_from(d.as_secs()).ok())
        .unwrap_or(0)
}

/// What the "make it again" line is made of.
struct Line<'a> {
    globals: &'a Globals,
    request: &'a Request<'a>,
    /// `-n`, when the line repeats it.
    count: Option<usize>,
    /// `--seed`, when the questions were drawn from it.
    seed: Option<Seed>,
}

impl Line<'_> {
    /// The line in its two forms: `content`, the flags that decide the
    /// files' content (what a sheet prints), and `full`, the exact run,
    /// adding `--out` when not the default and `--pdf`.
    fn remake(&self) -> Remake {
        let mut words = self.content();
        let content = join(&words);
        let request = self.request;
        if let Some(out) = &request.out
            && request.default_out.is_none_or(|d| out != Path::new(d))
        {
            words.extend(["--out".to_owned(), out.display().to_string()]);
        }
        if request.pdf {
            words.push("--pdf".to_owned());
        }
        Remake {
            content,
            full: join(&words),
        }
    }

    /// The words of the line up to its content flags: the same bank, root
    /// and language, the subcommand, its questions, seed and settings.
    fn content(&self) -> Vec<String> {
        let (globals, request) = (self.globals, self.request);
        let mut words = vec!["mediaquiz".to_owned()];
        let mut push = |flag: &str, value: String| {
            words.push(flag.to_owned());
            words.push(value);
        };
        if let Some(path) = &globals.bank {
            push("--bank", path.display().to_string());
        }
        if let Some(root) = &globals.root {
            push("--root", root.display().to_string());
        }
        if let Some(lang) = globals.lang {
            push("--lang", name_of(&lang));
        }
        if globals.include_drafts {
            words.push("--include-drafts".to_owned());
        }
        words.push(request.command.to_owned());
        let mut push = |flag: &str, value: String| {
            words.push(flag.to_owned());
            words.push(value);
        };
        if let Some(format) = request.format {
            push("--format", name_of(&format));
        }
        if let Some(count) = self.count {
            push("-n", count.to_string());
        }
        let filters = &request.filters;
        filters
            .skills
            .iter()
            .for_each(|s| push("--skill", name_of(s)));
        filters
            .types
            .iter()
            .for_each(|t| push("--type", name_of(t)));
        filters
            .difficulties
            .iter()
            .for_each(|d| push("--difficulty", d.to_string()));
        filters.tags.iter().for_each(|t| push("--tag", t.clone()));
        if let Some(seed) = self.seed {
            push("--seed", seed.to_string());
        }
        if let Layout::Versions(n) = request.layout
            && n > 1
        {
            push("--versions", n.to_string());
        }
        if request.paper != Paper::A4 {
            push("--paper", name_of(&request.paper));
        }
        for setting in &request.settings {
            match *setting {
                Setting::NoArticle(true) => words.push("--no-article".to_owned()),
                Setting::Duplex(duplex) if duplex != Duplex::Long => {
                    words.extend(["--duplex".to_owned(), name_of(&duplex)]);
                }
                Setting::Retry(true) => words.push("--retry".to_owned()),
                Setting::FullKeys(true) => words.push("--full-keys".to_owned()),
                Setting::NoArticle(false)
                | Setting::Duplex(_)
                | Setting::Retry(false)
                | Setting::FullKeys(false) => {}
            }
        }
        words
    }
}

impl crate::cli::FilterArgs {
    /// The filters these flags describe.
    pub fn filters(&self) -> Filters {
        Filters {
            skills: self.skills.clone(),
            types: self.types.clone(),
            difficulties: self.difficulties.clone(),
            tags: self.tags.clone(),
        }
    }
}

impl crate::cli::SelectArgs {
    /// The filters these flags describe.
    pub fn filters(&self) -> Filters {
        Filters {
            skills: self.skills.clone(),
            types: self.types.clone(),
            difficulties: self.difficulties.clone(),
            tags: self.tags.clone(),
        }
    }
}

/// The words as a POSIX shell reads them back, quoted where needed.
fn join(words: &[String]) -> String {
    // shlex refuses only a NUL, which no command-line word can hold; `.out`
    // paths and tags come from the command line.
    shlex::try_join(words.iter().map(String::as_str)).unwrap_or_else(|_| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_need_quotes_get_them_and_split_back() {
        let words: Vec<String> = [
            "mediaquiz",
            "--tag",
            "l'armée",
            "--out",
            "fiches d'élèves/x y",
        ]
        .map(str::to_owned)
        .to_vec();
        let line = join(&words);
        assert!(line.starts_with("mediaquiz --tag "), "{line}");
        assert_eq!(shlex::split(&line).unwrap(), words);
        assert_eq!(
            join(&["mediaquiz".into(), "-n".into(), "3".into()]),
            "mediaquiz -n 3"
        );
    }
}
