//! The `mediaquiz` binary: parse the command line, run, map errors to exit codes.

use std::io::{self, Write};
use std::process::ExitCode;

use mediaquiz::bank::Lang;
use mediaquiz::cli::{locale, usage};
use mediaquiz::error::Failure;
use mediaquiz::{Error, cli::Cli, cmd, console::Sanitised};

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // Help and usage errors come before any bank: `--lang`, else the locale.
    let lang = locale::interface_lang(&args);
    let cli = match Cli::parse_in(lang, &args) {
        Ok(cli) => cli,
        Err(clap) => return clap_exit(&clap, lang),
    };
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
/// clap's silent success; a usage error is said in `lang`.
fn clap_exit(clap: &clap::Error, lang: Lang) -> ExitCode {
    match usage::print(clap, lang) {
        Ok(()) => ExitCode::from(u8::try_from(clap.exit_code()).unwrap_or(2)),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            let failure = Failure {
                error: Error::from(error),
                lang,
            };
            let _ = writeln!(Sanitised::new(io::stderr()), "{failure}");
            ExitCode::FAILURE
        }
    }
}
