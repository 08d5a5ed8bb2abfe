//! The library's error type, and the exit code each error maps to.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::i18n::{Text, error_word, s, s_fr, say};
use crate::lang::Lang;

/// Everything that can stop a command.
///
/// Each variant keeps what it is about (paths, counts, reasons in both
/// languages as [`Text`]); [`Error::render`] says it in the interface
/// language, which `main` learns from `cmd::run`. `Display` is the English
/// rendering, for logs and tests.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("{}", self.render(Lang::En))]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A file was refused before reading: not a regular file, or too large.
    #[error("{}", self.render(Lang::En))]
    Refused {
        /// The file.
        path: PathBuf,
        /// Why.
        why: ReadError,
    },
    /// A file could not be written.
    #[error("{}", self.render(Lang::En))]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A file was read but its content cannot be used (empty, not UTF-8…).
    #[error("{}", self.render(Lang::En))]
    BadInput {
        /// The file.
        path: PathBuf,
        /// What is wrong with it and how to fix it.
        message: Text,
    },
    /// The bank has errors; `mediaquiz check` lists them.
    #[error("{}", self.render(Lang::En))]
    InvalidBank {
        /// The bank as named by the user.
        label: String,
        /// Its errors.
        errors: Vec<Diagnostic>,
        /// The language the errors speak, so the line above them matches.
        lang: Lang,
        /// Whether the one error is its article lying outside its folder,
        /// which the user settles by a command rather than by editing.
        outside: bool,
    },
    /// `--bank` names a folder where a command needs one bank file.
    #[error("{}", self.render(Lang::En))]
    BankIsFolder {
        /// The folder.
        path: PathBuf,
    },
    /// Another review session holds the progress file.
    #[error("{}", self.render(Lang::En))]
    StateLocked {
        /// The progress file.
        path: PathBuf,
    },
    /// Another run has held a shared file's lock for longer than a run takes.
    #[error("{}", self.render(Lang::En))]
    Busy {
        /// The file being written.
        path: PathBuf,
    },
    /// The progress file cannot be read as progress; it is left untouched.
    #[error("{}", self.render(Lang::En))]
    CorruptState {
        /// The progress file.
        path: PathBuf,
        /// What is wrong, with its line when known.
        reason: Text,
    },
    /// The flags ask for more questions than the bank (or the filters) give.
    #[error("{}", self.render(Lang::En))]
    NotEnoughQuestions {
        /// How many were asked for.
        asked: usize,
        /// How many match.
        available: usize,
        /// What was found, in words.
        found: Text,
        /// What to ask for instead.
        hint: Text,
    },
    /// A program mediaquiz runs (Chromium, for `--pdf`) is missing or failed.
    #[error("{}", self.render(Lang::En))]
    ExternalProgram {
        /// The program, as found or as looked for.
        program: String,
        /// What went wrong.
        problem: Text,
        /// What to do about it.
        advice: Text,
    },
    /// The progress file was written by a newer mediaquiz; it is left untouched.
    #[error("{}", self.render(Lang::En))]
    NewerState {
        /// The progress file.
        path: PathBuf,
        /// Its format version.
        version: u32,
    },
    /// The language model's endpoint (`draft --model`) gave no usable answer.
    #[error("{}", self.render(Lang::En))]
    Model {
        /// The endpoint's host, as printed before sending.
        host: String,
        /// What went wrong, and what to do.
        problem: Text,
    },
    /// The flags ask for something the bank cannot give.
    #[error("{}", self.render(Lang::En))]
    Usage(Text),
    /// A template failed to render (a bug: please report it).
    #[error("{}", self.render(Lang::En))]
    Render(#[from] askama::Error),
    /// An export's zip package could not be assembled in memory (a bug:
    /// please report it).
    #[error("{}", self.render(Lang::En))]
    Package {
        /// The package, as users know it (`Anki`, `QTI`).
        format: &'static str,
        /// Why.
        source: io::Error,
    },
    /// Reading from or writing to the terminal or a pipe failed.
    #[error("{}", self.render(Lang::En))]
    Io(#[from] io::Error),
}

impl Error {
    /// A usage error, said in French and in English.
    pub fn usage(fr: impl Into<String>, en: impl Into<String>) -> Error {
        Error::Usage(Text::new(fr, en))
    }

    /// The message in `lang`: what went wrong, about what, and what to do.
    pub fn render(&self, lang: Lang) -> String {
        let say = |fr: String, en: String| say(lang, &fr, &en);
        match self {
            Error::Read { path, source } => {
                let (path, why) = (crate::console::shown(path), reason(source, lang));
                say(
                    format!(
                        "impossible de lire `{path}` : {why} ; vérifiez le chemin et que vous avez le droit de le lire"
                    ),
                    format!("cannot read `{path}`: {why}; check the path and that you may read it"),
                )
            }
            Error::Refused { path, why } => {
                let (path, why) = (crate::console::shown(path), why.render(lang));
                say(
                    format!("impossible de lire `{path}` : {why}"),
                    format!("cannot read `{path}`: {why}"),
                )
            }
            Error::Write { path, source } => {
                let (path, why) = (crate::console::shown(path), reason(source, lang));
                say(
                    format!(
                        "impossible d’écrire `{path}` : {why} ; vérifiez que son dossier existe et que vous avez le droit d’y écrire, ou choisissez un autre endroit"
                    ),
                    format!(
                        "cannot write `{path}`: {why}; check that its folder exists and that you may write there, or choose another place"
                    ),
                )
            }
            Error::BadInput { path, message } => {
                let (path, message) = (crate::console::shown(path), message.get(lang));
                say(
                    format!("impossible d’utiliser `{path}` : {message}"),
                    format!("cannot use `{path}`: {message}"),
                )
            }
            Error::InvalidBank { label, outside, .. } if *outside => say(
                format!(
                    "la banque `{label}` n’a pas été lue, car son article est rangé hors de son dossier : suivez le conseil ci-dessus, puis réessayez"
                ),
                format!(
                    "the bank `{label}` was not read, since its article is kept outside its folder: follow the advice above, then try again"
                ),
            ),
            Error::InvalidBank { label, errors, .. } => {
                let n = errors.len();
                say(
                    format!(
                        "la banque `{label}` a {n} erreur{} ; corrigez-{} et réessayez (`mediaquiz check {label}` {})",
                        s_fr(n),
                        if n == 1 { "la" } else { "les" },
                        if n == 1 {
                            "la montre"
                        } else {
                            "les liste toutes"
                        }
                    ),
                    format!(
                        "the bank `{label}` has {n} error{}; fix {} and try again (`mediaquiz check {label}` {})",
                        s(n),
                        if n == 1 { "it" } else { "them" },
                        if n == 1 { "shows it" } else { "lists them all" }
                    ),
                )
            }
            Error::BankIsFolder { path } => {
                let path = crate::console::shown(path);
                say(
                    format!(
                        "`--bank {path}` est un dossier, mais cette commande travaille sur une seule banque : donnez l’un de ses fichiers `*.yaml` ; pour vérifier toutes les banques du dossier, lancez `mediaquiz check {path}`"
                    ),
                    format!(
                        "`--bank {path}` is a folder, but this command works on one bank: give one of its `*.yaml` files; to check every bank in the folder, run `mediaquiz check {path}`"
                    ),
                )
            }
            Error::StateLocked { path } => {
                let path = crate::console::shown(path);
                say(
                    format!(
                        "une autre séance de révision utilise `{path}` : terminez-la d’abord (son verrou est `{path}.lock`)"
                    ),
                    format!(
                        "another review session is using `{path}`: finish it first (its lock is `{path}.lock`)"
                    ),
                )
            }
            Error::Busy { path } => {
                let path = crate::console::shown(path);
                say(
                    format!(
                        "une autre commande mediaquiz modifie `{path}` depuis plus de dix secondes (son verrou est `{path}.lock`) : attendez qu’elle finisse, puis recommencez"
                    ),
                    format!(
                        "another mediaquiz command has been changing `{path}` for over ten seconds (its lock is `{path}.lock`): let it finish, then try again"
                    ),
                )
            }
            Error::CorruptState { path, reason } => {
                let (path, reason) = (crate::console::shown(path), reason.get(lang));
                say(
                    format!(
                        "le fichier de progression `{path}` est abîmé ({reason}) ; il n’a pas été modifié : réparez-le, ou repartez de zéro avec `--reset`, qui le garde en copie de secours"
                    ),
                    format!(
                        "the progress file `{path}` is damaged ({reason}); it was left untouched: repair it, or start afresh with `--reset`, which keeps it as a backup"
                    ),
                )
            }
            Error::NotEnoughQuestions {
                asked, found, hint, ..
            } => {
                let (found, hint) = (found.get(lang), hint.get(lang));
                say(
                    format!(
                        "{asked} question{} demandée{}, mais {found} : {hint}",
                        s_fr(*asked),
                        s_fr(*asked)
                    ),
                    format!("asked for {asked} questions, but {found}: {hint}"),
                )
            }
            // The program's own words (from `pdf`) are passed on as given.
            Error::ExternalProgram {
                problem, advice, ..
            } => format!(
                "{}{} {}",
                problem.get(lang),
                lang.pick("\u{a0}:", ":"),
                advice.get(lang)
            ),
            Error::NewerState { path, version } => {
                let path = crate::console::shown(path);
                say(
                    format!(
                        "le fichier de progression `{path}` a été écrit par un mediaquiz plus récent (version {version}) : mettez mediaquiz à jour"
                    ),
                    format!(
                        "the progress file `{path}` was written by a newer mediaquiz (version {version}): update mediaquiz"
                    ),
                )
            }
            Error::Model { host, problem } => {
                let problem = problem.get(lang);
                format!(
                    "{}{problem}",
                    say(
                        format!("le modèle de `{host}` n’a pas donné de questions : "),
                        format!("the model at `{host}` gave no questions: "),
                    )
                )
            }
            Error::Usage(text) => text.get(lang),
            Error::Render(error) => say(
                format!(
                    "impossible de produire une page ({error}) ; c’est un défaut de mediaquiz, merci de le signaler"
                ),
                format!(
                    "cannot render a page ({error}); this is a bug in mediaquiz, please report it"
                ),
            ),
            Error::Package { format, source } => {
                let why = reason(source, lang);
                say(
                    format!(
                        "impossible d’assembler le paquet {format} : {why} ; c’est un défaut de mediaquiz, merci de le signaler"
                    ),
                    format!(
                        "cannot assemble the {format} package: {why}; this is a bug in mediaquiz, please report it"
                    ),
                )
            }
            Error::Io(error) => {
                let why = reason(error, lang);
                say(
                    format!(
                        "impossible de lire ou d’écrire le terminal : {why} ; vérifiez d’où vient l’entrée et où va la sortie"
                    ),
                    format!(
                        "cannot read or write the terminal: {why}; check where the input comes from and the output goes"
                    ),
                )
            }
        }
    }

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

/// An error with the interface language it is to be said in: what
/// `cmd::run` hands `main`, which prints it once.
#[derive(Debug)]
pub struct Failure {
    /// What went wrong.
    pub error: Error,
    /// The interface language resolved so far: `--lang`, else the bank's
    /// once it was read, else French.
    pub lang: Lang,
}

impl fmt::Display for Failure {
    /// `erreur : …` or `error: …`, the line `main` prints.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}",
            error_word(self.lang),
            self.error.render(self.lang)
        )
    }
}

/// Why a file operation failed, in words, never a bare "(os error N)".
fn reason(error: &io::Error, lang: Lang) -> String {
    use io::ErrorKind as K;
    let said = match error.kind() {
        K::NotFound => lang.pick("il n’existe pas", "it does not exist"),
        K::PermissionDenied => lang.pick("permission refusée", "permission denied"),
        K::IsADirectory => lang.pick("un dossier porte ce nom", "a folder has that name"),
        K::NotADirectory => lang.pick(
            "une partie du chemin est un fichier, pas un dossier",
            "part of the path is a file, not a folder",
        ),
        K::StorageFull => lang.pick("le disque est plein", "the disk is full"),
        K::ReadOnlyFilesystem => {
            lang.pick("le disque est en lecture seule", "the disk is read-only")
        }
        K::AlreadyExists => lang.pick("il existe déjà", "it already exists"),
        K::DirectoryNotEmpty => lang.pick(
            "un dossier non vide porte ce nom",
            "a folder that is not empty has that name",
        ),
        _ => "",
    };
    if !said.is_empty() {
        return said.to_owned();
    }
    // The system's own words are English; French says what failed and the
    // error's number, which is what a search or a technician needs.
    let text = error.to_string();
    let text = match text.rfind(" (os error ") {
        Some(at) => text[..at].to_lowercase(),
        None => text,
    };
    match (lang, error.raw_os_error()) {
        (Lang::En, _) => text,
        (Lang::Fr, Some(code)) => format!("erreur du système n° {code}"),
        (Lang::Fr, None) => "erreur du système".to_owned(),
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A megabyte, for the size caps of files and their messages.
pub(crate) const MB: u64 = 1024 * 1024;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The operating system refused (missing file, permissions…).
    #[error("{0}")]
    Io(#[from] io::Error),
    /// A FIFO, a device, a socket or a folder: reading it could block forever
    /// or never end.
    #[error("{}", self.render(Lang::En))]
    NotRegular(Special),
    /// Over the cap for this kind of file.
    #[error("{}", self.render(Lang::En))]
    TooLarge {
        /// The cap, in bytes.
        limit: u64,
        /// What the file was meant to be.
        what: What,
    },
}

/// What a refused path is instead of a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    /// A folder.
    Folder,
    /// A FIFO (named pipe).
    Fifo,
    /// A character or block device.
    Device,
    /// A socket.
    Socket,
    /// Anything else that is not a regular file.
    Other,
}

/// What a file read with a size cap was meant to be, for its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    /// A question bank.
    Bank,
    /// An article.
    Article,
    /// A progress file.
    Progress,
    /// The file of banks allowed to read outside their folder (`mediaquiz allow`).
    Grants,
}

impl ReadError {
    /// Whether the file does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }

    /// As an `io::Error` (for [`Error::Read`]), keeping the English message.
    pub fn into_io(self) -> io::Error {
        match self {
            ReadError::Io(e) => e,
            other => io::Error::new(io::ErrorKind::InvalidInput, other.to_string()),
        }
    }

    /// As the library's error about `path`: [`Error::Read`] for what the
    /// system refused, [`Error::Refused`] for what mediaquiz refuses.
    pub fn about(self, path: &Path) -> Error {
        match self {
            ReadError::Io(source) => Error::Read {
                path: path.to_owned(),
                source,
            },
            why => Error::Refused {
                path: path.to_owned(),
                why,
            },
        }
    }

    /// Why, in `lang`, and what to do (the system's own reason as the
    /// system gives it).
    pub fn render(&self, lang: Lang) -> String {
        match self {
            ReadError::Io(error) => error.to_string(),
            ReadError::NotRegular(kind) => {
                let (fr, en) = match kind {
                    Special::Folder => ("un dossier", "a folder"),
                    Special::Fifo => ("un tube nommé (FIFO)", "a FIFO (named pipe)"),
                    Special::Device => ("un périphérique", "a device"),
                    Special::Socket => ("une socket", "a socket"),
                    Special::Other => ("un fichier spécial", "a special file"),
                };
                say(
                    lang,
                    &format!(
                        "c’est {fr}, pas un fichier ordinaire ; donnez le chemin d’un fichier"
                    ),
                    &format!("it is {en}, not a regular file; give the path of a file"),
                )
            }
            ReadError::TooLarge { limit, what } => {
                let (fr, en) = match what {
                    What::Bank => ("une banque", "a bank"),
                    What::Article => ("un article", "an article"),
                    What::Progress => ("un fichier de progression", "a progress file"),
                    What::Grants => (
                        "le fichier des banques autorisées",
                        "the file of allowed banks",
                    ),
                };
                let mb = limit / MB;
                say(
                    lang,
                    &format!("il dépasse {mb} Mo, le plus que puisse peser {fr}"),
                    &format!("it is larger than {mb} MB, the most {en} may weigh"),
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_package_error_names_the_package_not_the_terminal() {
        let error = Error::Package {
            format: "QTI",
            source: io::Error::other("invalid zip header"),
        };
        let english = error.render(Lang::En);
        assert!(
            english.starts_with("cannot assemble the QTI package: "),
            "{english}"
        );
        assert!(!english.contains("terminal"), "{english}");
        let french = error.render(Lang::Fr);
        assert!(
            french.starts_with("impossible d’assembler le paquet QTI\u{a0}: "),
            "{french}"
        );
    }

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
    fn french_file_errors_say_what_failed_in_french_with_its_typography() {
        let error = Error::Write {
            path: PathBuf::from("out/a b.html"),
            source: io::Error::from(io::ErrorKind::PermissionDenied),
        };
        assert_eq!(
            error.render(Lang::Fr),
            "impossible d’écrire `out/a b.html`\u{A0}: permission refusée\u{202F}; vérifiez que son dossier existe et que vous avez le droit d’y écrire, ou choisissez un autre endroit"
        );
        // A reason the table does not know: its number, never English words.
        let raw = Error::Read {
            path: PathBuf::from("bank.yaml"),
            source: io::Error::from_raw_os_error(5),
        };
        assert!(
            raw.render(Lang::Fr).ends_with("erreur du système n° 5\u{202F}; vérifiez le chemin et que vous avez le droit de le lire"),
            "{}",
            raw.render(Lang::Fr)
        );
    }

    #[test]
    fn main_prints_the_failure_with_the_word_of_its_language() {
        let failure = |lang| Failure {
            error: Error::usage("`-n` trop grand", "`-n` too large"),
            lang,
        };
        assert_eq!(
            failure(Lang::Fr).to_string(),
            "erreur\u{A0}: `-n` trop grand"
        );
        assert_eq!(failure(Lang::En).to_string(), "error: `-n` too large");
        assert_eq!(failure(Lang::Fr).error.to_string(), "`-n` too large");
    }

    #[test]
    fn a_failed_program_is_not_a_usage_error() {
        let error = Error::ExternalProgram {
            program: "chromium".to_owned(),
            problem: Text::new(
                "`chromium` n’a pas pu imprimer `a.html`",
                "`chromium` could not print `a.html`",
            ),
            advice: Text::new(
                "imprimez-le depuis un navigateur",
                "print it from a browser",
            ),
        };
        assert_eq!(error.exit_code(), 1);
    }
}
