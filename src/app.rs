//! One function per subcommand: glue between the parsed command line, the
//! library, and the terminal.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use crate::check::{check_paths, load_bank};
use crate::cli::{CheckArgs, Cli, Command, OutputFormat};
use crate::error::Result;
use crate::stats;

/// Runs a parsed command line, writing results to `out` and notes to `err`.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitCode> {
    match cli.command {
        Command::Check(args) => check(&args, out, err),
        Command::Stats => {
            let bank = load_bank(cli.bank.as_deref())?;
            out.write_all(stats::render(&bank, &stats::stats(&bank)).as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "mediaquiz", out);
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn check(args: &CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitCode> {
    let report = check_paths(&args.paths)?;
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

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
