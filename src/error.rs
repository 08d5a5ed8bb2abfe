//! The library's error type, and the exit code each error maps to.

use std::io;
use std::path::PathBuf;

use crate::diagnostic::Diagnostic;

/// Everything that can stop a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("cannot read `{}`: {}; check the path and that you may read it", path.display(), reason(source))]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A file could not be written.
    #[error("cannot write `{}`: {}; check that its folder exists and that you may write there, or choose another place", path.display(), reason(source))]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A file was read but its content cannot be used (empty, not UTF-8…).
    #[error("cannot use `{}`: {message}", path.display())]
    BadInput {
        /// The file.
        path: PathBuf,
        /// What is wrong with it and how to fix it.
        message: String,
    },
    /// The bank has errors; `mediaquiz check` lists them.
    #[error("the bank `{label}` has {} error{}; fix {} and try again (`mediaquiz check {label}` lists them all)",
        errors.len(), if errors.len() == 1 { "" } else { "s" }, if errors.len() == 1 { "it" } else { "them" })]
    InvalidBank {
        /// The bank as named by the user.
        label: String,
        /// Its errors.
        errors: Vec<Diagnostic>,
    },
    /// `--bank` names a folder where a command needs one bank file.
    #[error("`--bank {}` is a folder, but this command works on one bank: give one of its `*.yaml` files; to check every bank in the folder, run `mediaquiz check {}`", path.display(), path.display())]
    BankIsFolder {
        /// The folder.
        path: PathBuf,
    },
    /// Another review session holds the progress file.
    #[error("another review session is using `{}`: finish it first (its lock is `{}.lock`)", path.display(), path.display())]
    StateLocked {
        /// The progress file.
        path: PathBuf,
    },
    /// The progress file cannot be read as progress; it is left untouched.
    #[error("the progress file `{}` is damaged ({reason}); it was left untouched: repair it, or start afresh with `--reset`, which keeps it as a backup", path.display())]
    CorruptState {
        /// The progress file.
        path: PathBuf,
        /// What is wrong, with its line when known.
        reason: String,
    },
    /// The flags ask for more questions than the bank (or the filters) give.
    #[error("asked for {asked} questions, but {found}: {hint}")]
    NotEnoughQuestions {
        /// How many were asked for.
        asked: usize,
        /// How many match.
        available: usize,
        /// What was found, in words.
        found: String,
        /// What to ask for instead.
        hint: String,
    },
    /// A program mediaquiz runs (Chromium, for `--pdf`) is missing or failed.
    #[error("{problem}: {advice}")]
    ExternalProgram {
        /// The program, as found or as looked for.
        program: String,
        /// What went wrong.
        problem: String,
        /// What to do about it.
        advice: String,
    },
    /// The progress file was written by a newer mediaquiz; it is left untouched.
    #[error("the progress file `{}` was written by a newer mediaquiz (version {version}): update mediaquiz", path.display())]
    NewerState {
        /// The progress file.
        path: PathBuf,
        /// Its format version.
        version: u32,
    },
    /// The flags ask for something the bank cannot give.
    #[error("{0}")]
    Usage(String),
    /// A template failed to render (a bug: please report it).
    #[error("cannot render a page ({0}); this is a bug in mediaquiz, please report it")]
    Render(#[from] askama::Error),
    /// Reading from or writing to the terminal or a pipe failed.
    #[error("cannot read or write the terminal: {}; check where the input comes from and the output goes", reason(.0))]
    Io(#[from] io::Error),
}

impl Error {
    /// 1 when the input (bank, article, state) is wrong or a program it runs
    /// failed, 2 for a usage error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) | Error::NotEnoughQuestions { .. } => 2,
            _ => 1,
        }
    }

    /// Whether this is a closed pipe (`mediaquiz … | head`), which is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// Why a file operation failed, in words, never a bare "(os error N)".
fn reason(error: &io::Error) -> String {
    use io::ErrorKind as K;
    let said = match error.kind() {
        K::NotFound => "it does not exist",
        K::PermissionDenied => "permission denied",
        K::IsADirectory => "a folder has that name",
        K::NotADirectory => "part of the path is a file, not a folder",
        K::StorageFull => "the disk is full",
        K::ReadOnlyFilesystem => "the disk is read-only",
        K::AlreadyExists => "it already exists",
        K::DirectoryNotEmpty => "a folder that is not empty has that name",
        _ => "",
    };
    if !said.is_empty() {
        return said.to_owned();
    }
    let text = error.to_string();
    match text.rfind(" (os error ") {
        Some(at) => text[..at].to_lowercase(),
        None => text,
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_errors_name_the_path_and_say_what_to_do_in_words() {
        for kind in [
            io::ErrorKind::PermissionDenied,
            io::ErrorKind::StorageFull,
            io::ErrorKind::Interrupted,
        ] {
            let error = Error::Write {
                path: PathBuf::from("out/answers-B.html"),
                source: io::Error::from(kind),
            };
            let message = error.to_string();
            assert!(message.starts_with("cannot write `out/answers-B.html`: "));
            assert!(
                message.contains("check that its folder exists"),
                "{message}"
            );
            assert!(!message.contains("os error"), "{message}");
        }
        let raw = Error::Read {
            path: PathBuf::from("bank.yaml"),
            source: io::Error::from_raw_os_error(5),
        };
        assert!(!raw.to_string().contains("os error"), "{raw}");
    }

    #[test]
    fn a_failed_program_is_not_a_usage_error() {
        let error = Error::ExternalProgram {
            program: "chromium".to_owned(),
            problem: "`chromium` could not print `a.html`".to_owned(),
            advice: "print it from a browser".to_owned(),
        };
        assert_eq!(error.exit_code(), 1);
    }
}
