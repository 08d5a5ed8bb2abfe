//! `mediaquiz worksheet`: worksheets and their answer keys into a folder (a
//! class set's keys: see [`crate::output::AnswerKey`]).

use std::io::Write;
use std::process::ExitCode;

use super::{Globals, Layout, Plan, Request, Setting, Unasked};
use crate::cli::{DEFAULT_OUT, WorksheetArgs};
use crate::error::Result;
use crate::i18n::say;
use crate::output::{AnswerKey, Destination, Output, Worksheet};

/// Runs `worksheet`.
pub(super) fn run(
    globals: &Globals,
    args: &WorksheetArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let bank = globals.load_reviewed_bank(err)?;
    let sheet = Worksheet {
        with_article: !args.no_article,
    };
    let key = AnswerKey {
        full: args.full_keys,
    };
    let outputs: [&dyn Output; 2] = [&sheet, &key];
    let select = &args.select;
    let request = Request {
        command: "worksheet",
        format: None,
        filters: select.filters(),
        count: select.count,
        unasked: Unasked::Ten,
        seed: select.seed,
        layout: Layout::Versions(args.versions),
        outputs: &outputs,
        paper: args.paper,
        settings: vec![
            Setting::NoArticle(args.no_article),
            Setting::FullKeys(args.full_keys),
        ],
        destination: Destination::resolve(sheet.target(), Some(&args.out))?,
        out: Some(args.out.clone()),
        default_out: Some(DEFAULT_OUT),
        pdf: args.pdf,
    };
    let plan = Plan::build(globals, &bank, request, err)?;
    let (seed, full) = (plan.context.seed, &plan.context.remake.full);
    let note = say(
        plan.context.lang,
        &format!("graine {seed} : `{full}` refait ces feuilles"),
        &format!("seed {seed}: `{full}` makes these sheets again"),
    );
    writeln!(err, "{note}")?;
    plan.write(&outputs, out, err)?;
    Ok(ExitCode::SUCCESS)
}
