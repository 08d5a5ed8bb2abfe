//! The command line, as data: clap derives only. Each subcommand maps to one
//! module of [`crate::cmd`]. The doc comments are the English help; `fr`
//! holds the French, and `locale` which of the two to speak.

pub mod fr;
pub mod locale;
pub mod usage;

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::bank::{Lang, QuestionType, Skill};
use crate::output::Duplex;
use crate::render::Paper;

/// Turn a news article into media-literacy practice: checked question banks,
/// printable worksheets with answer keys, a console quiz and spaced review.
#[derive(Debug, Parser)]
#[command(
    name = "mediaquiz",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Question bank: a YAML file, or a shipped bank's id: `lere` (French, the default) or `lere-en` (English)
    #[arg(long, global = true, value_name = "PATH|ID")]
    pub bank: Option<PathBuf>,
    /// Interface language; default: the bank's own, else the system's (LC_ALL, LC_MESSAGES, LANG) when French or English, else French
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// Folder that a bank's `source.file` must stay inside, this time; default: the bank's own folder (and any folder `mediaquiz allow` granted it)
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Also print, quiz and export questions still marked `draft: true` (not yet reviewed by a person)
    #[arg(long, global = true)]
    pub include_drafts: bool,
}

impl Cli {
    /// The command line's definition with its help in `lang`.
    pub fn command_in(lang: Lang) -> clap::Command {
        match lang {
            Lang::En => Self::command(),
            Lang::Fr => fr::translate(Self::command(), fr::Use::Help),
        }
    }

    /// Parses `args` (the program's name first) with help, `--version` and
    /// usage errors in `lang`.
    pub fn parse_in(lang: Lang, args: &[OsString]) -> Result<Self, clap::Error> {
        let mut command = Self::command_in(lang);
        let mut matches = command.try_get_matches_from_mut(args)?;
        Self::from_arg_matches_mut(&mut matches).map_err(|error| error.format(&mut command))
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check banks: structure, and every evidence quote against the article
    #[command(
        after_help = "Examples:\n  mediaquiz check                      the shipped bank\n  mediaquiz check my-bank.yaml banks/  files and folders\n  mediaquiz check --format json x.yaml for editors and scripts"
    )]
    Check(CheckArgs),
    /// Count a bank's questions per skill, type and difficulty
    Stats(BankArg),
    /// Write printable worksheets and answer keys (HTML, optionally PDF)
    #[command(
        after_help = "Examples:\n  mediaquiz worksheet -n 12 --versions 3 --seed 7\n  mediaquiz worksheet --skill sourcing --skill numbers -n 6 --pdf\n  mediaquiz --bank my-bank.yaml worksheet --paper letter --no-article"
    )]
    Worksheet(WorksheetArgs),
    /// Write printable double-sided flashcards (HTML, optionally PDF): 8 cards a page
    #[command(
        after_help = "Duplex: `long` (default) for printers flipping on the long edge, `short` for the short edge,\n`fold` without duplex (front beside back, fold along the middle).\n\nExamples:\n  mediaquiz flashcards --pdf                     every question, A4, long-edge duplex\n  mediaquiz flashcards --skill sourcing --paper letter --duplex short --out sourcing.html"
    )]
    Flashcards(FlashcardsArgs),
    /// Take a quiz in the console (also works with piped answers)
    #[command(
        after_help = "Answers: letters for choices (b, a c), v/f or t/f, a/c/n or s/c/n for claims,\nwords for short answers and blanks, 1b 2a 3c to match, 3 1 2 4 to order; q quits.\n\nExample:\n  mediaquiz quiz -n 5 --skill wording --retry"
    )]
    Quiz(QuizArgs),
    /// Review the bank as flashcards, spaced over days (progress is saved)
    #[command(
        after_help = "Enter shows the answer; rate 1 (again), 2 (hard), 3 (good) or 4 (easy); q quits.\nEvery rating is saved at once.\n\nExample:\n  mediaquiz review --new 5"
    )]
    Review(ReviewArgs),
    /// Print shell completions (bash, zsh, fish, elvish, powershell)
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Draft a bank from any article (a saved web page, pasted text, or standard input), for a teacher to review
    #[command(
        after_help = "Fields the article cannot supply are written `TODO`: `mediaquiz check` counts them.\n\nExamples:\n  mediaquiz draft article.html                writes article.yaml and the clean article beside it\n  mediaquiz draft article.txt --findings -    also prints what was found, as JSON\n  mediaquiz --lang en draft news.md --out news-bank.yaml --force\n\nEvery drafted question carries `draft: true`: sheets, keys, the quiz and exports leave it out until you have read it and deleted that line (or add `--include-drafts`)."
    )]
    Draft(DraftArgs),
    /// Print the manual page (roff): `mediaquiz man > mediaquiz.1`
    Man,
    /// Print the JSON Schema of the bank format, for editors: `mediaquiz schema > mediaquiz.schema.json`
    Schema,
    /// Export the bank for Moodle (XML or GIFT), Anki, Canvas (QTI), JSON, Markdown, or as an offline self-check page (html)
    #[command(
        after_help = "Examples:\n  mediaquiz export --format moodle --out lere.xml  Moodle: Question bank › Import › Moodle XML\n  mediaquiz export --format gift > lere.gift       Moodle: Question bank › Import\n  mediaquiz export --format anki --out lere.apkg   Anki: double-click the file\n  mediaquiz export --format qti --out lere.zip     Canvas: Settings › Import course content\n  mediaquiz export --format markdown --skill sourcing\n  mediaquiz export --format html --out quiz.html    one page to practise offline, on any phone"
    )]
    Export(ExportArgs),
    /// Let a bank read its article outside its own folder, from now on (without `--root` each time)
    #[command(
        after_help = "The permission is yours, kept in your data folder (never in the bank, which a colleague may have sent):\nit names this bank file and its article. Moving the bank, or pointing it at another file, asks again.\n\nExamples:\n  mediaquiz allow banks/ma-banque.yaml          when the article sits in ../articles/\n  mediaquiz allow --list\n  mediaquiz allow --forget banks/ma-banque.yaml"
    )]
    Allow(AllowArgs),
}

/// The bank named without `--bank`, as in `mediaquiz worksheet ma-banque.yaml`:
/// what a newcomer types first, since `check` takes its banks that way too.
#[derive(Debug, Clone, Args)]
pub struct BankArg {
    /// The bank (same as `--bank`): a YAML file, or a shipped bank's id
    #[arg(id = "bank_arg", value_name = "BANK")]
    pub bank: Option<PathBuf>,
}

/// Arguments of `draft`.
#[derive(Debug, Args)]
pub struct DraftArgs {
    /// The article: a saved web page (.html), or text (a title line, then paragraphs); `-` reads standard input
    #[arg(value_name = "ARTICLE")]
    pub article: PathBuf,
    /// The bank to write (default: the article's name with `.yaml`)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace the bank if it exists
    #[arg(long)]
    pub force: bool,
    /// Also write what was found (attributions, figures, loaded words) as JSON; `-`: standard output
    #[arg(long, value_name = "FILE|-")]
    pub findings: Option<PathBuf>,
    /// Also ask this language model (OpenAI-compatible endpoint), keeping only what verifies
    #[arg(long, value_name = "NAME")]
    pub model: Option<String>,
    /// The model's chat-completions endpoint, up to `/v1`; key from `MEDIAQUIZ_API_KEY`
    #[arg(long, value_name = "URL", requires = "model", default_value = crate::draft::model::DEFAULT_ENDPOINT)]
    pub endpoint: String,
    /// The longest the model may take, in seconds (a local model on a CPU takes minutes)
    #[arg(long, value_name = "SECS", requires = "model", default_value_t = 600, value_parser = clap::value_parser!(u64).range(1..=86400))]
    pub timeout: u64,
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Bank files, or folders searched for `*.yaml`; default: the shipped bank
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// Which questions, how many, and the seed: shared by worksheets and the quiz.
#[derive(Debug, Clone, Args)]
pub struct SelectArgs {
    /// How many questions [default: 10, or all that match if fewer]
    #[arg(short = 'n', long = "count", value_name = "N")]
    pub count: Option<usize>,
    /// Seed of the shuffle (default: random, and printed): the same seed gives the same result
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Only questions training this skill (repeatable)
    #[arg(long = "skill", value_enum, value_name = "SKILL")]
    pub skills: Vec<Skill>,
    /// Only questions of this type (repeatable); flashcards are for `review`
    #[arg(long = "type", value_name = "TYPE", value_parser = asked_type())]
    pub types: Vec<QuestionType>,
    /// Only questions of this difficulty, 1 to 3 (repeatable)
    #[arg(long = "difficulty", value_name = "1-3", value_parser = clap::value_parser!(u8).range(1..=3))]
    pub difficulties: Vec<u8>,
    /// Only questions with this tag (repeatable)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
}

/// Where `worksheet` writes when no `--out` is given.
pub const DEFAULT_OUT: &str = "worksheets";

/// The values of `--type`: every question type but `card`, which only
/// `review` shows, so that the flag never offers what cannot match.
fn asked_type() -> impl clap::builder::TypedValueParser<Value = QuestionType> {
    use clap::builder::{PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(
        QuestionType::ALL
            .iter()
            .filter(|t| !t.card_only())
            .filter_map(ValueEnum::to_possible_value),
    )
    .try_map(|name| <QuestionType as ValueEnum>::from_str(&name, false))
}

/// Arguments of `worksheet`.
#[derive(Debug, Args)]
pub struct WorksheetArgs {
    /// The bank, without `--bank`
    #[command(flatten)]
    pub bank: BankArg,
    /// Questions, filters and seed
    #[command(flatten)]
    pub select: SelectArgs,
    /// How many versions (A, B, C…; past 26: AA, AB… up to 676): same questions, different orders
    #[arg(long, default_value_t = 1, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=676))]
    pub versions: u16,
    /// Folder to write the sheets into
    #[arg(long, default_value = DEFAULT_OUT, value_name = "DIR")]
    pub out: std::path::PathBuf,
    /// Paper size (any case: A4 or a4)
    #[arg(long, value_enum, ignore_case = true, default_value_t = Paper::A4)]
    pub paper: Paper,
    /// Also print each page to PDF through Chromium, Chrome or Edge ($CHROME, PATH, or where installed)
    #[arg(long)]
    pub pdf: bool,
    /// Leave the article off the worksheet
    #[arg(long)]
    pub no_article: bool,
    /// With --versions: every version's key in full (explanations, quotes, rubrics), instead of a one-page key per version and one explained key
    #[arg(long)]
    pub full_keys: bool,
}

/// Arguments of `flashcards`.
#[derive(Debug, Args)]
pub struct FlashcardsArgs {
    /// The bank, without `--bank`
    #[command(flatten)]
    pub bank: BankArg,
    /// How many cards (default: every question that passes the filters)
    #[arg(short = 'n', long = "count", value_name = "N")]
    pub count: Option<usize>,
    /// Seed of the shuffle (default: random, and printed): the same seed gives the same file
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Which questions
    #[command(flatten)]
    pub filters: FilterArgs,
    /// The HTML file to write
    #[arg(long, default_value = "flashcards.html", value_name = "FILE")]
    pub out: PathBuf,
    /// Paper size (any case: A4 or a4)
    #[arg(long, value_enum, ignore_case = true, default_value_t = Paper::A4)]
    pub paper: Paper,
    /// How the backs are placed: for duplex flipped on the long or short edge, or to fold
    #[arg(long, value_enum, default_value_t = Duplex::Long)]
    pub duplex: Duplex,
    /// Also print it to PDF through an installed Chromium ($CHROME or PATH)
    #[arg(long)]
    pub pdf: bool,
}

/// Arguments of `quiz`.
#[derive(Debug, Args)]
pub struct QuizArgs {
    /// The bank, without `--bank`
    #[command(flatten)]
    pub bank: BankArg,
    /// Questions, filters and seed
    #[command(flatten)]
    pub select: SelectArgs,
    /// Ask the missed questions again at the end
    #[arg(long)]
    pub retry: bool,
}

/// Arguments of `review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The bank, without `--bank`
    #[command(flatten)]
    pub bank: BankArg,
    /// Progress file (default: review.json in your data folder)
    #[arg(long, value_name = "FILE")]
    pub state: Option<std::path::PathBuf>,
    /// New cards per day
    #[arg(long = "new", default_value_t = 10, value_name = "N")]
    pub new_per_day: u32,
    /// Start afresh: move the progress file aside as FILE.bak and begin again
    #[arg(long)]
    pub reset: bool,
}

/// Arguments of `allow`.
#[derive(Debug, Args)]
pub struct AllowArgs {
    /// The bank to allow (same as `--bank`)
    #[arg(id = "allow_bank", value_name = "BANK", conflicts_with_all = ["list", "forget"])]
    pub bank: Option<PathBuf>,
    /// List the banks allowed to read outside their folder
    #[arg(long, conflicts_with = "forget")]
    pub list: bool,
    /// Withdraw this bank's permission
    #[arg(long, value_name = "BANK")]
    pub forget: Option<PathBuf>,
}

/// How `check` prints its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// One line per finding: `file:line: error: message [id]`
    Text,
    /// A JSON object with every finding and the totals
    Json,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The bank, without `--bank`
    #[command(flatten)]
    pub bank: BankArg,
    /// What to make
    #[arg(long, value_enum)]
    pub format: crate::export::Format,
    /// File to write (required for `anki` and `qti`); default: standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Draw this many questions (spread over the skills) instead of exporting all
    #[arg(short = 'n', long = "count", value_name = "N")]
    pub count: Option<usize>,
    /// Seed of the draw with `-n`, and of the self-check page's shuffles (default: random, and printed)
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Which questions
    #[command(flatten)]
    pub filters: FilterArgs,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::{Cli, Lang, fr};

    #[test]
    fn the_cli_definition_is_consistent() {
        Cli::command().debug_assert();
        Cli::command_in(Lang::Fr).debug_assert();
        fr::translate(Cli::command(), fr::Use::Man).debug_assert();
    }

    /// A new flag, value or subcommand needs its line in `cli/fr.rs`:
    /// French help is the users' help, not a translation that may lag.
    #[test]
    fn every_argument_value_and_subcommand_has_its_french() {
        assert_eq!(fr::missing(&Cli::command()), Vec::<String>::new());
    }
}

/// The filters `flashcards` and `export` share (`worksheet` and `quiz` keep
/// their own, whose `--type` leaves out `card`).
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only questions training this skill (repeatable)
    #[arg(long = "skill", value_enum, value_name = "SKILL")]
    pub skills: Vec<Skill>,
    /// Only questions of this type (repeatable)
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    pub types: Vec<QuestionType>,
    /// Only questions of this difficulty, 1 to 3 (repeatable)
    #[arg(long = "difficulty", value_name = "1-3", value_parser = clap::value_parser!(u8).range(1..=3))]
    pub difficulties: Vec<u8>,
    /// Only questions with this tag (repeatable)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
}
