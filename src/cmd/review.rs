//! `mediaquiz review`: spaced review of the whole bank, progress saved.

use std::io::Write;
use std::process::ExitCode;

use super::Globals;
use crate::cli::ReviewArgs;
use crate::error::{Error, Result};

/// Runs `review` over standard input.
pub(super) fn run(
    globals: &Globals,
    args: &ReviewArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let bank = globals.load_reviewed_bank(err)?;
    let path = match &args.state {
        Some(path) => path.clone(),
        None => crate::state::default_path()?,
    };
    let mut state = crate::state::StateFile::open(&path, args.reset)?;
    let stdin = std::io::stdin();
    let options = crate::review::ReviewOptions {
        lang: globals.lang_for(&bank),
        new_per_day: args.new_per_day,
        today: today()?,
        style: crate::console::Style::detect(),
        echo: !std::io::IsTerminal::is_terminal(&stdin),
    };
    crate::review::run(&bank, &mut state, options, &mut stdin.lock(), out)?;
    Ok(ExitCode::SUCCESS)
}

/// The local date, or `MEDIAQUIZ_TODAY` (YYYY-MM-DD): the clock tests inject
/// to simulate days of review.
fn today() -> Result<chrono::NaiveDate> {
    match std::env::var("MEDIAQUIZ_TODAY") {
        Ok(day) => chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").map_err(|_| {
            Error::usage(
                format!("`MEDIAQUIZ_TODAY` doit être une date comme 2026-11-26, pas `{day}`"),
                format!("`MEDIAQUIZ_TODAY` must be a date like 2026-11-26, not `{day}`"),
            )
        }),
        Err(_) => Ok(chrono::Local::now().date_naive()),
    }
}
