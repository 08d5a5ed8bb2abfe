//! The `mediaquiz` binary: parse the command line, run, map errors to exit codes.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use mediaquiz::bank::Lang;
use mediaquiz::error::Failure;
use mediaquiz::{Error, cli::Cli, cmd, console::Sanitised};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(clap) => return clap_exit(&clap),
    };
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

/// What `Cli::parse` does on `--help`, `--version` or a usage error, but a
/// closed pipe ends quietly (0) and a full disk says so (1), instead of
/// clap's silent success.
fn clap_exit(clap: &clap::Error) -> ExitCode {
    match clap.print() {
        Ok(()) => ExitCode::from(u8::try_from(clap.exit_code()).unwrap_or(2)),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            // Clap stopped before `--lang` was parsed: look for it by hand.
            let args: Vec<String> = std::env::args_os()
                .map(|arg| arg.to_string_lossy().into_owned())
                .collect();
            let english = args
                .windows(2)
                .any(|pair| pair[0] == "--lang" && pair[1] == "en")
                || args.iter().any(|arg| arg == "--lang=en");
            let lang = if english { Lang::En } else { Lang::Fr };
            let failure = Failure {
                error: Error::from(error),
                lang,
            };
            let _ = writeln!(Sanitised::new(io::stderr()), "{failure}");
            ExitCode::FAILURE
        }
    }
}
