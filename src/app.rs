//! One function per subcommand: glue between the parsed command line, the
//! library, and the terminal.

use std::cell::Cell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory;

use crate::bank::Lang;
use crate::bank::{Bank, name_of};
use crate::check::{check_paths, load_bank_in};
use crate::cli::DEFAULT_OUT;
use crate::cli::{
    CheckArgs, Cli, Command, FlashcardsArgs, OutputFormat, QuizArgs, ReviewArgs, SelectArgs,
    WorksheetArgs,
};
use crate::error::{Error, Failure, Result};
use crate::fsutil;
use crate::i18n::{s, s_fr, say, warning_word};
use crate::output::{AnswerKey, Output, Remake, RenderContext, Worksheet};
use crate::render::Paper;
use crate::select::{self, Filters, Seed};
use crate::{pdf, stats};

/// The options every subcommand takes.
#[derive(Debug)]
struct Globals {
    bank: Option<std::path::PathBuf>,
    lang: Option<Lang>,
    root: Option<std::path::PathBuf>,
    /// The language of the bank once read: what errors are said in when
    /// `--lang` is not given.
    bank_lang: Cell<Option<Lang>>,
}

impl Globals {
    /// The interface language: `--lang`, or the bank's own.
    fn lang_for(&self, bank: &Bank) -> Lang {
        self.lang.unwrap_or(bank.language)
    }

    /// The interface language so far: `--lang`, else the bank's once it was
    /// read, else French (the users' language, and the bank format's default).
    fn interface(&self) -> Lang {
        self.lang.or(self.bank_lang.get()).unwrap_or(Lang::Fr)
    }

    /// The one bank a command works on: `--bank`, or the shipped one. A
    /// folder is refused here, since only `check` takes several banks.
    fn load_bank(&self) -> Result<Bank> {
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

    /// The two lines that make an output again: `content`, printed on the
    /// page (what changes the page), and `full`, the exact run, adding
    /// `--out` when not the default and `--pdf`, which do not.
    fn remake(
        &self,
        subcommand: &str,
        mut flags: Vec<String>,
        out: &Path,
        default_out: &Path,
        pdf: bool,
    ) -> Remake {
        let content = self.command_line(subcommand, flags.clone());
        if out != default_out {
            flags.extend(["--out".to_owned(), shell_word(&out.display().to_string())]);
        }
        if pdf {
            flags.push("--pdf".to_owned());
        }
        Remake {
            content,
            full: self.command_line(subcommand, flags),
        }
    }

    /// The command line that runs `subcommand` with `flags` on the same bank
    /// in the same language: printed so any output can be made again.
    fn command_line(&self, subcommand: &str, flags: Vec<String>) -> String {
        let mut words = vec!["mediaquiz".to_owned()];
        if let Some(path) = &self.bank {
            words.extend(["--bank".to_owned(), shell_word(&path.display().to_string())]);
        }
        if let Some(root) = &self.root {
            words.extend(["--root".to_owned(), shell_word(&root.display().to_string())]);
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
    } = cli;
    let globals = Globals {
        bank,
        lang,
        root,
        bank_lang: Cell::new(None),
    };
    dispatch(command, &globals, out, err).map_err(|error| Failure {
        lang: globals.interface(),
        error,
    })
}

/// One subcommand, run.
fn dispatch(
    command: Command,
    globals: &Globals,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    match command {
        Command::Check(args) => check(
            &args,
            globals.bank.as_deref(),
            globals.root.as_deref(),
            globals.lang,
            out,
            err,
        ),
        Command::Stats => {
            let bank = globals.load_bank()?;
            out.write_all(
                stats::render(&bank, &stats::stats(&bank), globals.lang_for(&bank)).as_bytes(),
            )?;
            let ids: Vec<&str> = crate::shipped::BANKS.iter().map(|b| b.id).collect();
            let label = globals.lang_for(&bank).pick(
                "banques fournies (--bank ID)\u{a0}:",
                "shipped banks (--bank ID):",
            );
            writeln!(out, "{label} {}", ids.join(", "))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Worksheet(args) => {
            let bank = globals.load_bank()?;
            worksheet(&bank, globals, &args, out, err)
        }
        Command::Flashcards(args) => {
            let bank = globals.load_bank()?;
            flashcards(&bank, globals, &args, out, err)
        }
        Command::Quiz(args) => {
            let bank = globals.load_bank()?;
            quiz(&bank, globals, &args, out, err)
        }
        Command::Review(args) => {
            let bank = globals.load_bank()?;
            review(&bank, globals, &args, out)
        }
        Command::Completions { shell } => {
            // Made in memory first: the crate panics on a write error (a
            // closed pipe, a full disk), which `out` reports instead.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "mediaquiz", &mut script);
            out.write_all(&script)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Draft(args) => {
            let (path, draft) =
                crate::draft::write(&args.article, args.out.as_deref(), args.force, globals.lang)?;
            let lang = globals.lang.unwrap_or(draft.lang);
            let check = next_check(&args.article, &path);
            let (path, n, todos) = (crate::console::shown(path), draft.questions, draft.todos);
            let bank_lang = name_of(&draft.lang);
            let note = say(
                lang,
                &format!(
                    "`{path}` écrit : {n} question{} ({bank_lang}), {todos} TODO à remplir ; puis `{check}`",
                    s_fr(n)
                ),
                &format!(
                    "wrote `{path}`: {n} question{} ({bank_lang}), {todos} TODO{} left to fill; then `{check}`",
                    s(n),
                    s(todos)
                ),
            );
            writeln!(err, "{note}")?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            clap_mangen::Man::new(Cli::command()).render(out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export(args) => export(globals, &args, out, err),
        Command::Schema => {
            out.write_all(crate::schema::bank_schema_text().as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `check`: the paths given, else the `--bank` bank, else the shipped one.
fn check(
    args: &CheckArgs,
    bank: Option<&std::path::Path>,
    root: Option<&std::path::Path>,
    cli_lang: Option<crate::bank::Lang>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let paths = match (args.paths.is_empty(), bank) {
        (true, Some(bank)) => vec![bank.to_owned()],
        _ => args.paths.clone(),
    };
    let report = check_paths(&paths, root, cli_lang)?;
    match args.format {
        OutputFormat::Text => {
            for diagnostic in &report.diagnostics {
                writeln!(out, "{diagnostic}")?;
            }
            let lang = cli_lang.or(report.lang).unwrap_or(crate::bank::Lang::Fr);
            writeln!(err, "{}", crate::i18n::check_summary(lang, &report))?;
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
        lang: Lang,
        err: &mut dyn Write,
    ) -> Result<(Seed, select::Rng, Vec<&'b crate::bank::Question>)> {
        let filters = self.filters();
        let count = match self.count {
            Some(count) => count,
            None => {
                let available = select::matching(bank, &filters, false);
                if (1..DEFAULT_COUNT).contains(&available) {
                    let one = available == 1;
                    let note = say(
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
                    );
                    writeln!(err, "{note}")?;
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
    let (seed, mut rng, chosen) = args.select.choose(bank, lang, err)?;
    let versions = select::versions(&chosen, usize::from(args.versions), &mut rng);

    let mut flags = args.select.flags(seed, chosen.len());
    if args.versions > 1 {
        flags.extend(["--versions".to_owned(), args.versions.to_string()]);
    }
    if args.paper != Paper::A4 {
        flags.extend(["--paper".to_owned(), name_of(&args.paper)]);
    }
    if args.no_article {
        flags.push("--no-article".to_owned());
    }
    let remake = cli.remake(
        "worksheet",
        flags,
        &args.out,
        Path::new(DEFAULT_OUT),
        args.pdf,
    );
    let full = &remake.full;
    let note = say(
        lang,
        &format!("graine {seed} : `{full}` refait ces feuilles"),
        &format!("seed {seed}: `{full}` makes these sheets again"),
    );
    writeln!(err, "{note}")?;
    let ctx = RenderContext::new(bank, chosen, versions, lang, seed, args.paper, remake);
    let outputs: [&dyn Output; 2] = [
        &Worksheet {
            with_article: !args.no_article,
        },
        &AnswerKey,
    ];
    write_outputs(&outputs, &ctx, &args.out, args.pdf, out, err)?;
    Ok(ExitCode::SUCCESS)
}

/// `mediaquiz flashcards`: every question that passes the filters (cards
/// included), spread over skills, as one printable HTML file.
fn flashcards(
    bank: &Bank,
    cli: &Globals,
    args: &FlashcardsArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    use crate::output::flashcards::{self, Duplex, Flashcards};
    let lang = cli.lang_for(bank);
    let name = args
        .out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let Some(name) = name.filter(|_| !args.out.is_dir()) else {
        let (out, like) = (
            crate::console::shown(&args.out),
            args.out.join("flashcards.html"),
        );
        let like = crate::console::shown(like);
        return Err(Error::usage(
            format!(
                "`--out {out}` est un dossier : nommez le fichier HTML à écrire, comme `{like}`"
            ),
            format!("`--out {out}` is a folder: name the HTML file to write, like `{like}`"),
        ));
    };
    Flashcards::check_name(&name)?;
    let dir = match args.out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let filters = args.filters.filters();
    let available = bank.questions.iter().filter(|q| filters.accepts(q)).count();
    let seed = args.seed.map_or_else(Seed::random, Seed);
    let mut rng = seed.rng();
    let chosen = select::select(
        bank,
        &filters,
        args.count.unwrap_or(available.max(1)),
        true,
        &mut rng,
    )?;
    let versions = select::versions(&chosen, 1, &mut rng);

    let select = SelectArgs {
        count: args.count,
        seed: Some(seed.0),
        skills: args.filters.skills.clone(),
        types: args.filters.types.clone(),
        difficulties: args.filters.difficulties.clone(),
        tags: args.filters.tags.clone(),
    };
    let mut flags = select.flags(seed, chosen.len());
    if args.count.is_none() {
        // `-n` only when given: the default follows the bank.
        flags.drain(..2);
    }
    if args.paper != Paper::A4 {
        flags.extend(["--paper".to_owned(), name_of(&args.paper)]);
    }
    if args.duplex != Duplex::Long {
        flags.extend(["--duplex".to_owned(), name_of(&args.duplex)]);
    }
    let remake = cli.remake(
        "flashcards",
        flags,
        &args.out,
        Path::new("flashcards.html"),
        args.pdf,
    );
    let full = &remake.full;
    let note = say(
        lang,
        &format!("graine {seed} : `{full}` refait ces fiches"),
        &format!("seed {seed}: `{full}` makes these cards again"),
    );
    writeln!(err, "{note}")?;
    let ctx = RenderContext::new(bank, chosen, versions, lang, seed, args.paper, remake);
    let output = Flashcards {
        file_name: name,
        duplex: args.duplex,
    };
    write_outputs(&[&output], &ctx, dir, args.pdf, out, err)?;
    if let Some(warning) = flashcards::too_long_warning(&flashcards::deck(&ctx).1, lang) {
        writeln!(err, "{warning}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The command that checks a drafted bank: with `--root` the article's
/// folder when the article lies outside the bank's folder (the default root),
/// so the suggestion works as printed.
fn next_check(article: &Path, bank: &Path) -> String {
    let folder = |p: &Path| match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let inside = match (folder(article).canonicalize(), folder(bank).canonicalize()) {
        (Ok(article), Ok(bank)) => article.starts_with(bank),
        _ => true,
    };
    if inside {
        format!("mediaquiz check {}", crate::console::shown(bank))
    } else {
        let root = folder(article);
        format!(
            "mediaquiz --root {} check {}",
            crate::console::shown(root),
            crate::console::shown(bank)
        )
    }
}

/// The one writer of every output: renders `outputs` from `ctx`, writes all
/// their files into `dir` as one set, then, with `--pdf`, prints every HTML
/// file to PDF as a second set (the HTML stays written if that fails, to be
/// printed from a browser). Paths go to `out`; the files' own warnings (what
/// an export left out) and a warning naming the files of an earlier run that
/// this run did not replace go to `err`. `export --out FILE` is a set of one
/// file in the file's folder (whose output owns that one name only).
fn write_outputs(
    outputs: &[&dyn Output],
    ctx: &RenderContext<'_>,
    dir: &Path,
    pdf: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let lang = ctx.lang;
    if dir.metadata().is_ok_and(|m| !m.is_dir()) {
        let dir = crate::console::shown(dir);
        return Err(Error::usage(
            format!(
                "`--out {dir}` est un fichier, et les feuilles ont besoin d’un dossier : nommez un dossier (il est créé s’il manque)"
            ),
            format!(
                "`--out {dir}` is a file, and the sheets need a folder: name a folder (it is created if missing)"
            ),
        ));
    }
    let mut files = Vec::new();
    // Which output made each file, for the PDFs it binds.
    let mut made_by = Vec::new();
    for (index, output) in outputs.iter().enumerate() {
        let made = output.render(ctx)?;
        made_by.extend(std::iter::repeat_n(index, made.len()));
        files.extend(made);
    }
    for warning in files.iter().flat_map(|f| &f.warnings) {
        writeln!(err, "{warning}")?;
    }
    // HTML and PDFs are one set: the PDFs are printed from the staged pages,
    // and nothing is placed until all are made.
    let mut set = fsutil::SetWriter::open(dir)?;
    let mut staged = Vec::with_capacity(files.len());
    for file in &files {
        staged.push(set.stage(&file.name, &file.bytes)?);
    }
    // Without a browser the HTML is still placed (as one set), to be printed
    // from a browser; the error follows.
    let printed = if pdf {
        print_pdfs(outputs, &files, &made_by, &staged, ctx)
    } else {
        Ok(Vec::new())
    };
    let printed = match printed {
        Ok(printed) => printed,
        Err(error) => {
            for path in set.commit()? {
                writeln!(out, "{}", crate::console::shown(path))?;
            }
            return Err(error);
        }
    };
    for (name, bytes) in printed {
        set.stage(&name, &bytes)?;
    }
    let written = set.commit()?;
    for path in &written {
        writeln!(out, "{}", crate::console::shown(path))?;
    }
    let stale = fsutil::stale_files(dir, &written, |name| {
        outputs.iter().any(|output| output.owns(name))
    });
    if !stale.is_empty() {
        // A whole earlier class set (60 files) would bury the warning: name
        // a few and count the rest.
        const NAMED: usize = 4;
        let names: Vec<String> = stale
            .iter()
            .take(if stale.len() > NAMED {
                NAMED - 1
            } else {
                NAMED
            })
            .map(|p| format!("`{}`", crate::console::shown(p)))
            .collect();
        let more = stale.len() - names.len();
        let mut names = names.join(", ");
        if more > 0 {
            names += &lang.pick(
                format!(" et {more} autres fichiers"),
                format!(" and {more} other files"),
            );
        }
        let one = stale.len() == 1;
        let warning = say(
            lang,
            &format!(
                "{names} {} d’une exécution précédente, et {} pas été {} par celle-ci : {} pour ne pas {} prendre pour ceux de cette exécution",
                if one { "vient" } else { "viennent" },
                if one { "n’a" } else { "n’ont" },
                if one { "remplacé" } else { "remplacés" },
                if one { "supprimez-le" } else { "supprimez-les" },
                if one { "le" } else { "les" },
            ),
            &format!(
                "{names} {} from an earlier run, not replaced by this one: remove {} so that {} not taken for this run's",
                if one { "is" } else { "are" },
                if one { "it" } else { "them" },
                if one { "it is" } else { "they are" },
            ),
        );
        writeln!(err, "{} {warning}", warning_word(lang))?;
    }
    Ok(())
}

/// Prints every HTML file of `files` (staged at `written`) to PDF in one
/// browser session, and binds each output's PDFs into its `bound_pdf`;
/// returns the PDFs' names and bytes, to be written as one set.
fn print_pdfs(
    outputs: &[&dyn Output],
    files: &[crate::output::OutFile],
    made_by: &[usize],
    written: &[std::path::PathBuf],
    ctx: &RenderContext<'_>,
) -> Result<Vec<(String, Vec<u8>)>> {
    let chromium = pdf::find_chromium()?;
    let mut printer = pdf::Printer::start(&chromium, ctx.paper)?;
    let mut pages = Vec::new();
    let mut names = Vec::new();
    let mut printed_by = Vec::new();
    for ((file, path), &by) in files.iter().zip(written).zip(made_by) {
        if file.is_html() {
            pages.push(path.as_path());
            names.push(
                Path::new(&file.name)
                    .with_extension("pdf")
                    .display()
                    .to_string(),
            );
            printed_by.push(by);
        }
    }
    let mut printed: Vec<(String, Vec<u8>)> =
        names.into_iter().zip(printer.print_all(&pages)?).collect();
    drop(printer);
    for (index, output) in outputs.iter().enumerate() {
        let Some(name) = output.bound_pdf() else {
            continue;
        };
        let parts: Vec<(&str, &[u8])> = printed
            .iter()
            .zip(&printed_by)
            .filter(|(_, by)| **by == index)
            .map(|((name, bytes), _)| (name.as_str(), bytes.as_slice()))
            .collect();
        if !parts.is_empty() {
            let bound = pdf::bind(&parts)?;
            printed.push((name.to_owned(), bound));
        }
    }
    Ok(printed)
}

fn quiz(
    bank: &Bank,
    cli: &Globals,
    args: &QuizArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let lang = cli.lang_for(bank);
    let (seed, mut rng, chosen) = args.select.choose(bank, lang, err)?;
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
            Error::usage(
                format!("`MEDIAQUIZ_TODAY` doit être une date comme 2026-11-26, pas `{day}`"),
                format!("`MEDIAQUIZ_TODAY` must be a date like 2026-11-26, not `{day}`"),
            )
        }),
        Err(_) => Ok(chrono::Local::now().date_naive()),
    }
}

/// `export`: the questions chosen (all by default), made into one format,
/// written to `--out` (atomically) or standard output.
fn export(
    cli: &Globals,
    args: &crate::cli::ExportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    use crate::export::Format;
    use crate::output::Export;
    let format = args.format;
    if format.is_binary() && args.out.is_none() {
        let (name, example) = (name_of(&format), example_name(format));
        return Err(Error::usage(
            format!(
                "`--format {name}` produit un fichier binaire : nommez-le avec `--out FICHIER`, par exemple `--out {example}`"
            ),
            format!(
                "`--format {name}` makes a binary file: name it with `--out FILE`, e.g. `--out {example}`"
            ),
        ));
    }
    // `--out FILE`: the folder it goes in (as given, so the path printed is
    // the one typed) and its name.
    let target = match &args.out {
        Some(path) => {
            let name = path
                .file_name()
                .filter(|_| !path.is_dir())
                .map(|n| n.to_string_lossy().into_owned());
            let Some(name) = name else {
                let like = path.join(example_name(format));
                let (path, like) = (crate::console::shown(path), crate::console::shown(like));
                return Err(Error::usage(
                    format!(
                        "`--out {path}` est un dossier : nommez le fichier à écrire, comme `{like}`"
                    ),
                    format!("`--out {path}` is a folder: name the file to write, like `{like}`"),
                ));
            };
            Some((path.parent().unwrap_or(Path::new("")), name))
        }
        None => None,
    };
    let bank = cli.load_bank()?;
    let (ctx, remake) = match (format, &args.out) {
        (Format::Html, Some(path)) => {
            let ctx = page_context(&bank, cli, args, path)?;
            let remake = ctx.remake.full.clone();
            (ctx, Some(remake))
        }
        _ => (export_context(&bank, cli, args, err)?, None),
    };
    let output = Export {
        format,
        file_name: target
            .as_ref()
            .map_or_else(|| example_name(format).to_owned(), |(_, n)| n.clone()),
    };
    match target {
        Some((dir, _)) => write_outputs(&[&output], &ctx, dir, false, out, err)?,
        None => print_output(&output, &ctx, out, err)?,
    }
    if let Some(remake) = remake {
        let seed = ctx.seed;
        let note = say(
            ctx.lang,
            &format!("graine {seed} : `{remake}` refait ce fichier"),
            &format!("seed {seed}: `{remake}` makes this file again"),
        );
        writeln!(err, "{note}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A file name for `format`, for examples (and the name of standard output).
fn example_name(format: crate::export::Format) -> &'static str {
    use crate::export::Format;
    match format {
        Format::Gift => "lere.gift",
        Format::Anki => "lere.apkg",
        Format::AnkiText => "lere.txt",
        Format::Qti => "lere-qti.zip",
        Format::Json => "lere.json",
        Format::Markdown => "lere.md",
        Format::Html => "quiz.html",
    }
}

/// Renders `output` and writes its files' bytes to `out` (standard output),
/// its warnings to `err`.
fn print_output(
    output: &dyn Output,
    ctx: &RenderContext<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    for file in output.render(ctx)? {
        for warning in &file.warnings {
            writeln!(err, "{warning}")?;
        }
        out.write_all(&file.bytes)?;
    }
    Ok(())
}

/// The context of an export (not the page): the questions the filters
/// accept, or `-n` of them drawn from the seed, in bank order, unshuffled.
fn export_context<'b>(
    bank: &'b Bank,
    cli: &Globals,
    args: &crate::cli::ExportArgs,
    err: &mut dyn Write,
) -> Result<RenderContext<'b>> {
    let format = args.format;
    let filters = args.filters.filters();
    let (seed, mut questions) = match args.count {
        Some(count) => {
            let seed = args.seed.map_or_else(Seed::random, Seed);
            let chosen = select::select(
                bank,
                &filters,
                count,
                format.carries_cards(),
                &mut seed.rng(),
            )?;
            let note = say(
                cli.lang_for(bank),
                &format!("graine {seed} : `--seed {seed}` tire à nouveau les mêmes questions"),
                &format!("seed {seed}: `--seed {seed}` draws the same questions again"),
            );
            writeln!(err, "{note}")?;
            (Some(seed), chosen)
        }
        None => {
            // Flashcard-only questions are no quiz questions: left out of
            // quiz formats silently, as a worksheet leaves them out.
            let chosen: Vec<_> = bank
                .questions
                .iter()
                .filter(|q| {
                    format.carries_cards() || q.question_type() != crate::bank::QuestionType::Card
                })
                .filter(|q| filters.accepts(q))
                .collect();
            if chosen.is_empty() {
                return Err(Error::usage(
                    "aucune question ne correspond à ces filtres : assouplissez-les",
                    "no question matches these filters: relax them",
                ));
            }
            (None, chosen)
        }
    };
    // Bank order, whatever the draw: exports are read, not taken in order.
    // (Indexed once: a search per question was quadratic, minutes at 100 000.)
    let place: std::collections::HashMap<&str, usize> = bank
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    questions.sort_by_key(|q| place.get(q.id.as_str()).copied());
    let mut ctx = RenderContext::new(
        bank,
        questions,
        Vec::new(),
        cli.lang_for(bank),
        // Not drawn: no seed is recorded (`drawn` stays false).
        seed.unwrap_or(Seed(0)),
        Paper::A4,
        Remake::default(),
    );
    ctx.drawn = seed.is_some();
    ctx.modified = modified(cli.bank.as_deref());
    Ok(ctx)
}

/// When the bank last changed, in seconds since 1970: the bank file's time,
/// or for the shipped bank the program's own (a new release may carry an
/// edited bank). 0 when the system cannot tell.
fn modified(bank: Option<&std::path::Path>) -> i64 {
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

/// The context of `export --format html`, the self-check page, whose choices
/// and items are shuffled from the seed, so a seed is always drawn: one
/// version holding the questions in selection order, each shuffled.
fn page_context<'b>(
    bank: &'b Bank,
    cli: &Globals,
    args: &crate::cli::ExportArgs,
    out: &Path,
) -> Result<RenderContext<'b>> {
    let filters = args.filters.filters();
    let available = bank.questions.iter().filter(|q| filters.accepts(q)).count();
    let count = args.count.unwrap_or(available.max(1));
    let seed = args.seed.map_or_else(Seed::random, Seed);
    let mut rng = seed.rng();
    let chosen = select::select(bank, &filters, count, true, &mut rng)?;
    let shown: Vec<select::Shown<'_>> = chosen
        .iter()
        .map(|q| select::Shown::shuffle(q, &mut rng))
        .collect();

    let mut flags = vec!["--format".to_owned(), name_of(&args.format)];
    if let Some(n) = args.count {
        flags.extend(["-n".to_owned(), n.to_string()]);
    }
    args.filters
        .skills
        .iter()
        .for_each(|s| flags.extend(["--skill".to_owned(), name_of(s)]));
    args.filters
        .types
        .iter()
        .for_each(|t| flags.extend(["--type".to_owned(), name_of(t)]));
    flags.extend(["--seed".to_owned(), seed.to_string()]);
    args.filters
        .difficulties
        .iter()
        .for_each(|d| flags.extend(["--difficulty".to_owned(), d.to_string()]));
    args.filters
        .tags
        .iter()
        .for_each(|t| flags.extend(["--tag".to_owned(), shell_word(t)]));
    flags.extend(["--out".to_owned(), shell_word(&out.display().to_string())]);
    // The page prints the whole line, `--out` included: it is the command
    // that makes this very file again.
    let line = cli.command_line("export", flags);
    let version = select::Version {
        label: select::VersionLabel::new(0, 1),
        groups: shown
            .into_iter()
            .map(|s| (s.question.question_type(), vec![s]))
            .collect(),
    };
    let mut ctx = RenderContext::new(
        bank,
        chosen,
        vec![version],
        cli.lang_for(bank),
        seed,
        Paper::A4,
        Remake {
            content: line.clone(),
            full: line,
        },
    );
    ctx.drawn = true;
    Ok(ctx)
}
