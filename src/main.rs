//! The `mediaquiz` binary: parse the command line, run, map errors to exit codes.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use mediaquiz::{Error, app, cli::Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = io::stdout().lock();
    let mut err = io::stderr();
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
            ExitCode::from(e.exit_code())
        }
    }
}
