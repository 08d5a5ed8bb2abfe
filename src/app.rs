//! One function per subcommand: glue between the parsed command line, the
//! library, and the terminal.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use crate::bank::{Bank, name_of};
use crate::check::{check_paths, load_bank};
use crate::cli::{
    CheckArgs, Cli, Command, OutputFormat, QuizArgs, ReviewArgs, SelectArgs, WorksheetArgs,
};
use crate::error::{Error, Result};
use crate::fsutil::{self, Durability};
use crate::render::{self, Paper, SheetOptions};
use crate::select::{self, Filters, Seed};
use crate::{pdf, stats};

/// The options every subcommand takes.
#[derive(Debug)]
struct Globals {
    bank: Option<std::path::PathBuf>,
    lang: Option<crate::bank::Lang>,
}

impl Globals {
    /// The interface language: `--lang`, or the bank's own.
    fn lang_for(&self, bank: &Bank) -> crate::bank::Lang {
        self.lang.unwrap_or(bank.language)
    }

    /// The one bank a command works on: `--bank`, or the shipped one. A
    /// folder is refused here, since only `check` takes several banks.
    fn load_bank(&self) -> Result<Bank> {
        if let Some(path) = self.bank.as_deref().filter(|p| p.is_dir()) {
            return Err(Error::BankIsFolder {
                path: path.to_owned(),
            });
        }
        load_bank(self.bank.as_deref())
    }

    /// The command line that runs `subcommand` with `flags` on the same bank
    /// in the same language: printed so any output can be made again.
    fn command_line(&self, subcommand: &str, flags: Vec<String>) -> String {
        let mut words = vec!["mediaquiz".to_owned()];
        if let Some(path) = &self.bank {
            words.extend(["--bank".to_owned(), shell_word(&path.display().to_string())]);
        }
        if let Some(lang) = self.lang {
            words.extend(["--lang".to_owned(), name_of(&lang)]);
        }
        words.push(subcommand.to_owned());
        words.extend(flags);
        words.join(" ")
    }
}

/// Runs a parsed command line, writing results to `out` and notes to `err`.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitCode> {
    let Cli {
        command,
        bank,
        lang,
    } = cli;
    let globals = Globals { bank, lang };
    match command {
        Command::Check(args) => check(&args, globals.bank.as_deref(), out, err),
        Command::Stats => {
            let bank = globals.load_bank()?;
            out.write_all(stats::render(&bank, &stats::stats(&bank)).as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Worksheet(args) => {
            let bank = globals.load_bank()?;
            worksheet(&bank, &globals, &args, out, err)
        }
        Command::Quiz(args) => {
            let bank = globals.load_bank()?;
            quiz(&bank, &globals, &args, out, err)
        }
        Command::Review(args) => {
            let bank = globals.load_bank()?;
            review(&bank, &globals, &args, out)
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "mediaquiz", out);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `check`: the paths given, else the `--bank` bank, else the shipped one.
fn check(
    args: &CheckArgs,
    bank: Option<&std::path::Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let paths = match (args.paths.is_empty(), bank) {
        (true, Some(bank)) => vec![bank.to_owned()],
        _ => args.paths.clone(),
    };
    let report = check_paths(&paths)?;
    match args.format {
        OutputFormat::Text => {
            for diagnostic in &report.diagnostics {
                writeln!(out, "{diagnostic}")?;
            }
            writeln!(
                err,
                "checked {} bank{} ({} question{}): {} error{}, {} warning{}",
                report.banks,
                plural(report.banks),
                report.questions,
                plural(report.questions),
                report.errors,
                plural(report.errors),
                report.warnings,
                plural(report.warnings)
            )?;
        }
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &report).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
    }
    Ok(if report.errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// How many questions `worksheet` and `quiz` choose without `-n`.
const DEFAULT_COUNT: usize = 10;

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

impl SelectArgs {
    /// The filters these flags describe.
    pub fn filters(&self) -> Filters {
        Filters {
            skills: self.skills.clone(),
            types: self.types.clone(),
            difficulties: self.difficulties.clone(),
            tags: self.tags.clone(),
        }
    }

    /// The seed given, or a fresh one.
    pub fn seed(&self) -> Seed {
        self.seed.map_or_else(Seed::random, Seed)
    }

    /// The seed, its generator, and the questions chosen with it (never
    /// flashcard-only ones): the first draws of every seeded command.
    /// Without `-n`, a bank with fewer than the default gives all it has,
    /// and `err` says so; an explicit `-n` is never cut short.
    fn choose<'b>(
        &self,
        bank: &'b Bank,
        err: &mut dyn Write,
    ) -> Result<(Seed, select::Rng, Vec<&'b crate::bank::Question>)> {
        let filters = self.filters();
        let count = match self.count {
            Some(count) => count,
            None => {
                let available = select::matching(bank, &filters, false);
                if (1..DEFAULT_COUNT).contains(&available) {
                    writeln!(
                        err,
                        "{available} question{} match, fewer than the default {DEFAULT_COUNT}: using {}",
                        plural(available),
                        if available == 1 { "it" } else { "all of them" }
                    )?;
                }
                available.clamp(1, DEFAULT_COUNT)
            }
        };
        let seed = self.seed();
        let mut rng = seed.rng();
        let chosen = select::select(bank, &filters, count, false, &mut rng)?;
        Ok((seed, rng, chosen))
    }

    /// The flags again, for a command line that makes the same output:
    /// `count` is how many were chosen, given or not.
    fn flags(&self, seed: Seed, count: usize) -> Vec<String> {
        let mut flags = vec!["-n".to_owned(), count.to_string()];
        let mut push = |flag: &str, value: String| {
            flags.push(flag.to_owned());
            flags.push(value);
        };
        self.skills.iter().for_each(|s| push("--skill", name_of(s)));
        self.types.iter().for_each(|t| push("--type", name_of(t)));
        self.difficulties
            .iter()
            .for_each(|d| push("--difficulty", d.to_string()));
        self.tags.iter().for_each(|t| push("--tag", shell_word(t)));
        push("--seed", seed.to_string());
        flags
    }
}

fn shell_word(word: &str) -> String {
    if word
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
    {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

fn worksheet(
    bank: &Bank,
    cli: &Globals,
    args: &WorksheetArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let lang = cli.lang_for(bank);
    let (seed, mut rng, chosen) = args.select.choose(bank, err)?;
    let versions = select::versions(&chosen, usize::from(args.versions), &mut rng);

    let mut remake = args.select.flags(seed, chosen.len());
    if args.versions > 1 {
        remake.extend(["--versions".to_owned(), args.versions.to_string()]);
    }
    if args.paper != Paper::A4 {
        remake.extend(["--paper".to_owned(), name_of(&args.paper)]);
    }
    if args.no_article {
        remake.push("--no-article".to_owned());
    }
    let options = SheetOptions {
        lang,
        seed,
        paper: args.paper,
        with_article: !args.no_article,
        remake: cli.command_line("worksheet", remake),
    };

    std::fs::create_dir_all(&args.out).map_err(|source| Error::Write {
        path: args.out.clone(),
        source,
    })?;
    writeln!(
        err,
        "seed {seed}: `{}` makes these sheets again",
        options.remake
    )?;
    let mut written = Vec::new();
    for version in &versions {
        for (name, html) in [
            (
                format!("worksheet-{}.html", version.label),
                render::worksheet(bank, version, &options)?,
            ),
            (
                format!("answers-{}.html", version.label),
                render::answers(bank, version, &options)?,
            ),
        ] {
            let path = args.out.join(name);
            fsutil::write_atomic(&path, html.as_bytes(), Durability::Atomic)?;
            writeln!(out, "{}", path.display())?;
            written.push(path);
        }
    }
    if args.pdf {
        let chromium = pdf::find_chromium()?;
        for html in &written {
            let target = html.with_extension("pdf");
            pdf::print(&chromium, html, &target)?;
            writeln!(out, "{}", target.display())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn quiz(
    bank: &Bank,
    cli: &Globals,
    args: &QuizArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let lang = cli.lang_for(bank);
    let (seed, mut rng, chosen) = args.select.choose(bank, err)?;
    let shown: Vec<select::Shown<'_>> = chosen
        .iter()
        .map(|q| select::Shown::shuffle(q, &mut rng))
        .collect();
    let style = crate::console::Style::detect();
    let mut flags = args.select.flags(seed, chosen.len());
    if args.retry {
        flags.push("--retry".to_owned());
    }
    let replay = cli.command_line("quiz", flags);
    let intro = crate::quiz::intro(&bank.title, shown.len(), seed, &replay, lang);
    writeln!(out, "{}", style.wrap(&style.dim(&intro)))?;
    let options = crate::quiz::QuizOptions {
        lang,
        retry: args.retry,
        style,
        echo: !std::io::IsTerminal::is_terminal(&std::io::stdin()),
    };
    let mut input = crate::console::Interruptible::stdin()?;
    let summary = crate::quiz::run(&shown, options, &mut rng, &mut input, out)?;
    // 128 + SIGINT, as a shell reports a program stopped by Ctrl-C.
    Ok(if summary.interrupted {
        ExitCode::from(130)
    } else {
        ExitCode::SUCCESS
    })
}

fn review(bank: &Bank, cli: &Globals, args: &ReviewArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let path = match &args.state {
        Some(path) => path.clone(),
        None => crate::state::default_path()?,
    };
    let mut state = crate::state::StateFile::open(&path, args.reset)?;
    let stdin = std::io::stdin();
    let options = crate::review::ReviewOptions {
        lang: cli.lang_for(bank),
        new_per_day: args.new_per_day,
        today: today()?,
        style: crate::console::Style::detect(),
        echo: !std::io::IsTerminal::is_terminal(&stdin),
    };
    crate::review::run(bank, &mut state, options, &mut stdin.lock(), out)?;
    Ok(ExitCode::SUCCESS)
}

/// The local date, or `MEDIAQUIZ_TODAY` (YYYY-MM-DD): the clock tests inject
/// to simulate days of review.
fn today() -> Result<chrono::NaiveDate> {
    match std::env::var("MEDIAQUIZ_TODAY") {
        Ok(day) => chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").map_err(|_| {
            Error::Usage(format!(
                "`MEDIAQUIZ_TODAY` must be a date like 2026-11-26, not `{day}`"
            ))
        }),
        Err(_) => Ok(chrono::Local::now().date_naive()),
    }
}
