//! The `mediaquiz` binary: parse the command line, run, map errors to exit codes.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use mediaquiz::{Error, app, cli::Cli, console::Sanitised};

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Every byte for the terminal passes through a sanitiser: text from a
    // bank can colour nothing and drive nothing, even if `check` missed it.
    let mut out = Sanitised::new(io::stdout().lock());
    let mut err = Sanitised::new(io::stderr());
    match app::run(cli, &mut out, &mut err)
        .and_then(|code| out.flush().map(|()| code).map_err(Error::from))
    {
        Ok(code) => code,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            if let Error::InvalidBank { errors, .. } = &e {
                for diagnostic in errors {
                    let _ = writeln!(err, "{diagnostic}");
                }
            }
            let _ = writeln!(err, "error: {e}");
            let _ = err.flush();
            ExitCode::from(e.exit_code())
        }
    }
}
