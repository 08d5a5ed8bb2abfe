//! The library's error type, and the exit code each error maps to.

use std::io;
use std::path::PathBuf;

use crate::diagnostic::Diagnostic;

/// Everything that can stop a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("cannot read `{}`: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A file could not be written.
    #[error("cannot write `{}`: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
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
    /// The flags ask for something the bank cannot give.
    #[error("{0}")]
    Usage(String),
    /// Writing to the terminal or a pipe failed.
    #[error(transparent)]
    Io(#[from] io::Error),
}

impl Error {
    /// 1 when the input (bank, article, state) is wrong, 2 for a usage error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            _ => 1,
        }
    }

    /// Whether this is a closed pipe (`mediaquiz … | head`), which is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
