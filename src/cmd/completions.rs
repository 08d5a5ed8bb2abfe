//! `mediaquiz completions SHELL`: shell completions, from the CLI definition.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::Result;

/// Runs `completions`.
pub(super) fn run(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<ExitCode> {
    clap_complete::generate(shell, &mut Cli::command(), "mediaquiz", out);
    Ok(ExitCode::SUCCESS)
}
