//! One module per subcommand (mdBook's `cmd/`): each reads its flags, builds
//! its [`Plan`] when it selects questions, chooses its outputs and hands them
//! to [`crate::output::write`] (through `Plan::write`). This file only dispatches, and holds the
//! options every subcommand takes.

mod allow;
mod check;
mod completions;
mod draft;
mod export;
mod flashcards;
mod man;
mod plan;
mod quiz;
mod review;
mod schema;
mod stats;
mod worksheet;

use std::cell::Cell;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub use plan::{Layout, Plan, Request, Setting, Unasked};

use crate::bank::{Bank, Lang};
use crate::check::load_bank_in;
use crate::cli::{Cli, Command, locale};
use crate::error::{Error, Failure, Result};
use crate::i18n::{s, s_fr, say, warning_word};

/// Runs a parsed command line, writing results to `out` and notes to `err`.
/// An error comes back with the interface language resolved by then, for
/// `main` to say it in.
pub fn run(
    cli: Cli,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::result::Result<ExitCode, Failure> {
    let Cli {
        command,
        bank,
        lang,
        root,
        include_drafts,
    } = cli;
    let fallback = locale::environment_lang().unwrap_or(Lang::Fr);
    let bank = one_bank(bank, &command).map_err(|error| Failure {
        lang: lang.unwrap_or(fallback),
        error,
    })?;
    let globals = Globals {
        bank,
        lang,
        root,
        include_drafts,
        bank_lang: Cell::new(None),
        fallback,
    };
    dispatch(command, &globals, out, err).map_err(|error| Failure {
        lang: globals.interface(),
        error,
    })
}

/// The bank named by `--bank` or by the subcommand's argument, which mean
/// the same; naming it both ways is refused rather than guessing which wins.
fn one_bank(flag: Option<PathBuf>, command: &Command) -> Result<Option<PathBuf>> {
    let (name, arg) = match command {
        Command::Stats(a) => ("stats", &a.bank),
        Command::Worksheet(a) => ("worksheet", &a.bank.bank),
        Command::Flashcards(a) => ("flashcards", &a.bank.bank),
        Command::Quiz(a) => ("quiz", &a.bank.bank),
        Command::Review(a) => ("review", &a.bank.bank),
        Command::Export(a) => ("export", &a.bank.bank),
        Command::Allow(a) => ("allow", &a.bank),
        Command::Check(_)
        | Command::Completions { .. }
        | Command::Draft(_)
        | Command::Man
        | Command::Schema => ("", &None),
    };
    match (flag, arg) {
        (Some(flag), Some(arg)) => {
            let (flag, arg) = (flag.display(), arg.display());
            Err(Error::usage(
                format!(
                    "deux banques sont données, `--bank {flag}` et `{arg}`\u{a0}: n’en donnez qu’une, par exemple `mediaquiz {name} {arg}` sans `--bank`"
                ),
                format!(
                    "two banks are given, `--bank {flag}` and `{arg}`: give only one, for example `mediaquiz {name} {arg}` without `--bank`"
                ),
            ))
        }
        (flag, arg) => Ok(flag.or_else(|| arg.clone())),
    }
}

/// One subcommand, run.
fn dispatch(
    command: Command,
    globals: &Globals,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    match command {
        Command::Check(args) => check::run(globals, &args, out, err),
        Command::Stats(_) => stats::run(globals, out),
        Command::Worksheet(args) => worksheet::run(globals, &args, out, err),
        Command::Flashcards(args) => flashcards::run(globals, &args, out, err),
        Command::Quiz(args) => quiz::run(globals, &args, out, err),
        Command::Review(args) => review::run(globals, &args, out, err),
        Command::Completions { shell } => completions::run(shell, out),
        Command::Draft(args) => draft::run(globals, &args, out, err),
        Command::Man => man::run(globals.interface(), out),
        Command::Export(args) => export::run(globals, &args, out, err),
        Command::Schema => schema::run(out),
        Command::Allow(args) => allow::run(globals, &args, out),
    }
}

/// The options every subcommand takes.
#[derive(Debug)]
pub struct Globals {
    /// `--bank`.
    pub bank: Option<PathBuf>,
    /// `--lang`.
    pub lang: Option<Lang>,
    /// `--root`.
    pub root: Option<PathBuf>,
    /// `--include-drafts`: questions not yet reviewed are kept.
    pub include_drafts: bool,
    /// The language of the bank once read: what errors are said in when
    /// `--lang` is not given.
    bank_lang: Cell<Option<Lang>>,
    /// The language before a bank is read, or without one: the locale's
    /// when French or English, else French (see `cli::locale`).
    fallback: Lang,
}

impl Globals {
    /// The interface language: `--lang`, or the bank's own.
    pub fn lang_for(&self, bank: &Bank) -> Lang {
        self.lang.unwrap_or(bank.language)
    }

    /// The interface language so far: `--lang`, else the bank's once it was
    /// read, else the locale's when French or English, else French (the
    /// users' language, and the bank format's default).
    fn interface(&self) -> Lang {
        self.lang.or(self.bank_lang.get()).unwrap_or(self.fallback)
    }

    /// The one bank a command works on: `--bank`, or the shipped one. A
    /// folder is refused here, since only `check` takes several banks.
    pub fn load_bank(&self) -> Result<Bank> {
        if let Some(path) = self.bank.as_deref().filter(|p| p.is_dir()) {
            return Err(Error::BankIsFolder {
                path: path.to_owned(),
            });
        }
        let bank = load_bank_in(self.bank.as_deref(), self.root.as_deref(), self.lang)
            .inspect_err(|error| {
                if let Error::InvalidBank { lang, .. } = error {
                    self.bank_lang.set(Some(*lang));
                }
            })?;
        self.bank_lang.set(Some(bank.language));
        Ok(bank)
    }

    /// The bank an output is made from: without `--include-drafts`, the
    /// questions still marked `draft: true` are left out, with one warning,
    /// so that nothing a person has not read reaches a sheet or a key.
    pub fn load_reviewed_bank(&self, err: &mut dyn Write) -> Result<Bank> {
        let mut bank = self.load_bank()?;
        if self.include_drafts {
            return Ok(bank);
        }
        let left_out = bank.drop_drafts();
        if left_out > 0 {
            let lang = self.lang_for(&bank);
            let n = left_out;
            let note = say(
                lang,
                &format!(
                    "{n} question{s} marquée{s} `draft: true` laissée{s} de côté : relisez-l{es} puis retirez la ligne `draft: true`, ou ajoutez `--include-drafts`",
                    s = s_fr(n),
                    es = if n == 1 { "a" } else { "es" },
                ),
                &format!(
                    "{n} question{s} marked `draft: true` left out: review {them}, then remove the `draft: true` line, or add `--include-drafts`",
                    s = s(n),
                    them = if n == 1 { "it" } else { "them" },
                ),
            );
            writeln!(err, "{} {note}", warning_word(lang))?;
        }
        if bank.questions.is_empty() {
            return Err(Error::usage(
                "toutes les questions de la banque sont encore des brouillons (`draft: true`) : relisez-les puis retirez cette ligne, ou ajoutez `--include-drafts`",
                "every question of the bank is still a draft (`draft: true`): review them and remove that line, or add `--include-drafts`",
            ));
        }
        Ok(bank)
    }
}
