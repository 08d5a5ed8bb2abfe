//! The `mediaquiz` binary: parse the command line, run, map errors to exit codes.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use mediaquiz::bank::Lang;
use mediaquiz::error::Failure;
use mediaquiz::{Error, cli::Cli, cmd, console::Sanitised};

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Said in `--lang` if flushing fails after the run: the bank is gone.
    let lang = cli.lang.unwrap_or(Lang::Fr);
    // Every byte for the terminal passes through a sanitiser: text from a
    // bank can colour nothing and drive nothing, even if `check` missed it.
    let mut out = Sanitised::new(io::stdout().lock());
    let mut err = Sanitised::new(io::stderr());
    match cmd::run(cli, &mut out, &mut err).and_then(|code| {
        out.flush().map(|()| code).map_err(|e| Failure {
            error: Error::from(e),
            lang,
        })
    }) {
        Ok(code) => code,
        Err(failure) if failure.error.is_broken_pipe() => ExitCode::SUCCESS,
        Err(failure) => {
            if let Error::InvalidBank { errors, .. } = &failure.error {
                for diagnostic in errors {
                    let _ = writeln!(err, "{diagnostic}");
                }
            }
            // The one place an error is printed, in the interface language.
            let _ = writeln!(err, "{failure}");
            let _ = err.flush();
            ExitCode::from(failure.error.exit_code())
        }
    }
}
