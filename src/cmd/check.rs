//! `mediaquiz check`: the paths given, else the `--bank` bank, else the
//! shipped one; findings on standard output, the summary on standard error.

use std::io::Write;
use std::process::ExitCode;

use super::Globals;
use crate::bank::Lang;
use crate::check::check_paths;
use crate::cli::{CheckArgs, OutputFormat};
use crate::error::Result;

/// Runs `check`: exit code 1 when a bank has an error.
pub(super) fn run(
    globals: &Globals,
    args: &CheckArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let paths = match (args.paths.is_empty(), &globals.bank) {
        (true, Some(bank)) => vec![bank.clone()],
        _ => args.paths.clone(),
    };
    let report = check_paths(&paths, globals.root.as_deref(), globals.lang)?;
    match args.format {
        OutputFormat::Text => {
            for diagnostic in &report.diagnostics {
                writeln!(out, "{diagnostic}")?;
            }
            let lang = globals.lang.or(report.lang).unwrap_or(Lang::Fr);
            writeln!(err, "{}", crate::check::summary(lang, &report))?;
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
