//! `mediaquiz stats`: the bank's counts, and the shipped banks' ids.

use std::io::Write;
use std::process::ExitCode;

use super::Globals;
use crate::error::Result;
use crate::stats;

/// Runs `stats`.
pub(super) fn run(globals: &Globals, out: &mut dyn Write) -> Result<ExitCode> {
    let bank = globals.load_bank()?;
    let lang = globals.lang_for(&bank);
    out.write_all(stats::render(&bank, &stats::stats(&bank), lang).as_bytes())?;
    let ids: Vec<&str> = crate::shipped::BANKS.iter().map(|b| b.id).collect();
    let label = lang.pick(
        "banques fournies (--bank ID)\u{a0}:",
        "shipped banks (--bank ID):",
    );
    writeln!(out, "{label} {}", ids.join(", "))?;
    Ok(ExitCode::SUCCESS)
}
