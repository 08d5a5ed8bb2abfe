//! `mediaquiz flashcards`: every question that passes the filters (cards
//! included), spread over skills, as one printable HTML file.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{Globals, Layout, Plan, Request, Setting, Unasked};
use crate::cli::FlashcardsArgs;
use crate::error::Result;
use crate::i18n::say;
use crate::output::flashcards::Flashcards;
use crate::output::{Destination, Output};

/// Where `flashcards` writes without `--out`.
const DEFAULT_OUT: &str = "flashcards.html";

/// Runs `flashcards`.
pub(super) fn run(
    globals: &Globals,
    args: &FlashcardsArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let bank = globals.load_reviewed_bank(err)?;
    let destination = match Destination::resolve(Flashcards::TARGET, Some(&args.out))? {
        // A bare name is written in `.`, and said so: `./flashcards.html`.
        Destination::File { dir, name } if dir.as_os_str().is_empty() => Destination::File {
            dir: Path::new(".").to_owned(),
            name,
        },
        other => other,
    };
    let name = destination.file_name_or(DEFAULT_OUT);
    Flashcards::check_name(&name)?;
    let deck = Flashcards {
        file_name: name,
        duplex: args.duplex,
    };
    let outputs: [&dyn Output; 1] = [&deck];
    let request = Request {
        command: "flashcards",
        format: None,
        filters: args.filters.filters(),
        count: args.count,
        unasked: Unasked::All,
        seed: args.seed,
        layout: Layout::Versions(1),
        outputs: &outputs,
        paper: args.paper,
        settings: vec![Setting::Duplex(args.duplex)],
        destination,
        out: Some(args.out.clone()),
        default_out: Some(DEFAULT_OUT),
        pdf: args.pdf,
    };
    let plan = Plan::build(globals, &bank, request, err)?;
    let (lang, seed, full) = (
        plan.context.lang,
        plan.context.seed,
        &plan.context.remake.full,
    );
    let note = say(
        lang,
        &format!("graine {seed} : `{full}` refait ces fiches"),
        &format!("seed {seed}: `{full}` makes these cards again"),
    );
    writeln!(err, "{note}")?;
    plan.write(&outputs, out, err)?;
    Ok(ExitCode::SUCCESS)
}
