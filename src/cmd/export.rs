//! `mediaquiz export --format F`: the questions chosen (all by default) made
//! into one format, written to `--out` (atomically) or standard output; or
//! the self-check page (`--format html`), its questions shuffled from the
//! seed, with the line that makes it again.

use std::io::Write;
use std::process::ExitCode;

use super::{Globals, Layout, Plan, Request, Unasked};
use crate::bank::name_of;
use crate::cli::ExportArgs;
use crate::error::{Error, Result};
use crate::i18n::say;
use crate::output::{Destination, Export, Output};

/// Runs `export`.
pub(super) fn run(
    globals: &Globals,
    args: &ExportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let format = args.format;
    let example = format.example;
    if format.is_binary() && args.out.is_none() {
        let name = name_of(&format);
        return Err(Error::usage(
            format!(
                "`--format {name}` produit un fichier binaire : nommez-le avec `--out FICHIER`, par exemple `--out {example}`"
            ),
            format!(
                "`--format {name}` makes a binary file: name it with `--out FILE`, e.g. `--out {example}`"
            ),
        ));
    }
    let destination = Destination::resolve(Export::target_of(format), args.out.as_deref())?;
    let bank = globals.load_reviewed_bank(err)?;
    let export = Export {
        format,
        file_name: destination.file_name_or(example),
    };
    let outputs: [&dyn Output; 1] = [&export];
    let page = format.is_page();
    let request = Request {
        command: "export",
        format: Some(format),
        filters: args.filters.filters(),
        count: args.count,
        unasked: Unasked::All,
        seed: args.seed,
        layout: if page {
            Layout::Shown
        } else {
            Layout::BankOrder
        },
        outputs: &outputs,
        paper: crate::render::Paper::A4,
        settings: Vec::new(),
        destination,
        out: args.out.clone(),
        default_out: None,
        pdf: false,
    };
    let plan = Plan::build(globals, &bank, request, err)?;
    let (lang, seed) = (plan.context.lang, plan.context.seed);
    if !page && plan.context.drawn {
        let note = say(
            lang,
            &format!("graine {seed} : `--seed {seed}` tire à nouveau les mêmes questions"),
            &format!("seed {seed}: `--seed {seed}` draws the same questions again"),
        );
        writeln!(err, "{note}")?;
    }
    plan.write(&outputs, out, err)?;
    if page {
        let full = &plan.context.remake.full;
        let note = say(
            lang,
            &format!("graine {seed} : `{full}` refait ce fichier"),
            &format!("seed {seed}: `{full}` makes this file again"),
        );
        writeln!(err, "{note}")?;
    }
    Ok(ExitCode::SUCCESS)
}
