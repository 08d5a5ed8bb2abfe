//! `mediaquiz man`: the manual page (roff), from the CLI definition.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use crate::bank::Lang;
use crate::cli::{Cli, fr};
use crate::error::Result;

/// Runs `man`, in the interface language (`--lang`, else the locale's,
/// else French: see `cli::locale`).
pub(super) fn run(lang: Lang, out: &mut dyn Write) -> Result<ExitCode> {
    let command = match lang {
        Lang::En => Cli::command(),
        Lang::Fr => fr::translate(Cli::command(), fr::Use::Man),
    };
    let mut page = Vec::new();
    clap_mangen::Man::new(command).render(&mut page)?;
    if lang == Lang::Fr {
        // clap_mangen names this one section itself; the others come from
        // the command (SOUS-COMMANDES) or read the same in French.
        page = String::from_utf8_lossy(&page)
            .replacen(".SH NAME\n", ".SH NOM\n", 1)
            .into_bytes();
    }
    out.write_all(&page)?;
    Ok(ExitCode::SUCCESS)
}
