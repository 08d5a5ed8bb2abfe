//! `mediaquiz schema`: the bank format's JSON Schema.

use std::io::Write;
use std::process::ExitCode;

use crate::error::Result;

/// Runs `schema`.
pub(super) fn run(out: &mut dyn Write) -> Result<ExitCode> {
    out.write_all(crate::schema::bank_schema_text().as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
