//! `mediaquiz quiz`: a console quiz over the questions its Plan chose.

use std::io::Write;
use std::process::ExitCode;

use super::{Globals, Layout, Plan, Request, Setting, Unasked};
use crate::cli::QuizArgs;
use crate::error::Result;
use crate::output::{Destination, RenderContext};

/// Runs `quiz` over standard input: exit code 130 when stopped by Ctrl-C.
pub(super) fn run(
    globals: &Globals,
    args: &QuizArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let bank = globals.load_reviewed_bank(err)?;
    let select = &args.select;
    let request = Request {
        command: "quiz",
        format: None,
        filters: select.filters(),
        count: select.count,
        unasked: Unasked::Ten,
        seed: select.seed,
        layout: Layout::Shown,
        outputs: &[],
        paper: crate::render::Paper::A4,
        settings: vec![Setting::Retry(args.retry)],
        destination: Destination::Stdout,
        out: None,
        default_out: None,
        pdf: false,
    };
    let mut plan = Plan::build(globals, &bank, request, err)?;
    let shown = plan.shown();
    let RenderContext {
        lang, seed, remake, ..
    } = &plan.context;
    let style = crate::console::Style::detect();
    let intro = crate::quiz::intro(&bank.title, shown.len(), *seed, &remake.content, *lang);
    writeln!(out, "{}", style.wrap(&style.dim(&intro)))?;
    let options = crate::quiz::QuizOptions {
        lang: *lang,
        retry: args.retry,
        style,
        echo: !std::io::IsTerminal::is_terminal(&std::io::stdin()),
    };
    let mut input = crate::console::Interruptible::stdin()?;
    let summary = crate::quiz::run(&shown, options, &mut plan.rng, &mut input, out)?;
    // 128 + SIGINT, as a shell reports a program stopped by Ctrl-C.
    Ok(if summary.interrupted {
        ExitCode::from(130)
    } else {
        ExitCode::SUCCESS
    })
}
