//! The command line, as data: clap derives only. Each subcommand maps to one
//! function of [`crate::app`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::bank::Lang;

/// Turn a news article into media-literacy practice: checked question banks,
/// printable worksheets with answer keys, a console quiz and spaced review.
#[derive(Debug, Parser)]
#[command(
    name = "mediaquiz",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Question bank (a YAML file); default: the shipped Lere bank
    #[arg(long, global = true, value_name = "PATH")]
    pub bank: Option<PathBuf>,
    /// Interface language; default: the bank's own
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check banks: structure, and every evidence quote against the article
    Check(CheckArgs),
    /// Count a bank's questions per skill, type and difficulty
    Stats,
    /// Print shell completions (bash, zsh, fish, elvish, powershell)
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Bank files, or folders searched for `*.yaml`; default: the shipped bank
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// How `check` prints its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// One line per finding: `file:line: error: message [id]`
    Text,
    /// A JSON object with every finding and the totals
    Json,
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_cli_definition_is_consistent() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
