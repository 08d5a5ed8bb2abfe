//! `mediaquiz man`: the manual page (roff), from the CLI definition.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::Result;

/// Runs `man`.
pub(super) fn run(out: &mut dyn Write) -> Result<ExitCode> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(ExitCode::SUCCESS)
}
