//! `mediaquiz completions SHELL`: shell completions, from the CLI definition.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::Result;

/// Runs `completions`.
pub(super) fn run(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<ExitCode> {
    // Made in memory first: the crate panics on a write error (a closed
    // pipe, a full disk), which `out` reports instead.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "mediaquiz", &mut script);
    out.write_all(&script)?;
    Ok(ExitCode::SUCCESS)
}
