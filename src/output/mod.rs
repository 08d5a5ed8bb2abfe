//! The output extension point: every file mediaquiz prints (worksheets, answer
//! keys, flashcards, exports, the self-check page) is made by an
//! [`Output`] from one [`RenderContext`], and written by one writer,
//! [`write()`], as one set (see [`crate::fsutil::SetWriter`]) or to standard
//! output; `--pdf` applies to every HTML file an output makes.
//!
//! Modelled on mdBook's `Renderer` and its `#[non_exhaustive]` context: an
//! output reads what it needs from the context, and a field added to the
//! context later breaks no output.

mod exports;
pub mod flashcards;
mod sheets;
mod write;

use crate::bank::{Bank, Lang, Question};
use crate::error::Result;
use crate::render::Paper;
use crate::select::{Seed, Version};
pub use exports::Export;
pub use flashcards::{Duplex, Flashcards};
pub use sheets::{AnswerKey, Worksheet};
pub use write::{Destination, Target, write};

/// Everything an output is given: the bank, what was selected and shuffled,
/// and how the user asked for it.
#[derive(Debug)]
#[non_exhaustive]
pub struct RenderContext<'b> {
    /// The checked bank, with its article.
    pub bank: &'b Bank,
    /// The questions selected, in selection order.
    pub questions: Vec<&'b Question>,
    /// The shuffled versions (A, B, C…) of those questions.
    pub versions: Vec<Version<'b>>,
    /// The interface language.
    pub lang: Lang,
    /// The seed every shuffle was drawn from.
    pub seed: Seed,
    /// Paper size for printable outputs.
    pub paper: Paper,
    /// The command line that makes the same output again.
    pub remake: Remake,
    /// Whether `questions` were drawn at random from `seed` (`-n`) rather
    /// than all those the filters accept: an export records the seed only
    /// then. `false` unless set.
    pub drawn: bool,
    /// The bank file's modification time, in seconds since 1970 (Anki keeps
    /// a note only when the incoming one is newer). 0 unless set.
    pub modified: i64,
}

impl<'b> RenderContext<'b> {
    /// A context for `questions` of `bank` laid out in `versions`.
    pub fn new(
        bank: &'b Bank,
        questions: Vec<&'b Question>,
        versions: Vec<Version<'b>>,
        lang: Lang,
        seed: Seed,
        paper: Paper,
        remake: Remake,
    ) -> RenderContext<'b> {
        RenderContext {
            bank,
            questions,
            versions,
            lang,
            seed,
            paper,
            remake,
            drawn: false,
            modified: 0,
        }
    }
}

/// The command line that makes an output again, in two forms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Remake {
    /// The flags that decide the files' content: what a printed sheet shows
    /// (the folder and `--pdf` do not change a sheet, and a teacher's folder
    /// has no place on a student's page).
    pub content: String,
    /// The exact run, `--out` and `--pdf` included: what the terminal shows.
    pub full: String,
}

/// A file an output makes: its name in the target folder, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutFile {
    /// File name, without folder.
    pub name: String,
    /// Content.
    pub bytes: Vec<u8>,
    /// Warnings about this file (questions an export left out, card faces
    /// too long to print), printed by the writer, one line each.
    pub warnings: Vec<String>,
}

impl OutFile {
    /// A file with no warning.
    pub fn new(name: String, bytes: Vec<u8>) -> OutFile {
        OutFile {
            name,
            bytes,
            warnings: Vec::new(),
        }
    }

    /// Whether it is an HTML page (which `--pdf` also prints to PDF).
    pub fn is_html(&self) -> bool {
        self.name.ends_with(".html")
    }
}

/// One kind of output. Adding one is a module here and a line in the CLI
/// (see "Adding an output" in `ARCHITECTURE.md`).
pub trait Output {
    /// What its `--out` names: a folder, a file, or a file or standard output.
    fn target(&self) -> Target;

    /// Whether flashcard-only questions belong in it (and so may be chosen).
    fn carries_cards(&self) -> bool;

    /// The files it makes from `ctx`, in the order they are listed.
    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<OutFile>>;

    /// Whether a file of this name is one this output makes in some run
    /// (whatever its versions or `--pdf`): an earlier run's file of that name
    /// that this run did not replace is named in a warning.
    fn owns(&self, file_name: &str) -> bool;

    /// With `--pdf`, the file that binds the PDFs of its pages into one
    /// (`class-set.pdf`, `answers.pdf`), and how; `None` (the default) for
    /// none.
    fn bound_pdf(&self) -> Option<Binding> {
        None
    }
}

/// How an output's PDFs are bound into one file.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The bound file's name.
    pub name: &'static str,
    /// Whether each part starts on a right-hand page, so that a duplex
    /// print separates into one copy per student (a class set); otherwise
    /// parts follow one another, no blank page between (one-page keys).
    pub odd_starts: bool,
    /// Whether the PDF of this name (one of the output's) goes in.
    pub takes: fn(&str) -> bool,
}

/// Whether `file_name` is `{stem}-{LETTERS}.html` or `.pdf`, the names of
/// per-version files.
pub fn is_versioned(file_name: &str, stem: &str) -> bool {
    let Some(rest) = file_name
        .strip_prefix(stem)
        .and_then(|r| r.strip_prefix('-'))
    else {
        return false;
    };
    let letters = rest
        .strip_suffix(".html")
        .or_else(|| rest.strip_suffix(".pdf"));
    letters.is_some_and(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versioned_names() {
        assert!(is_versioned("worksheet-C.html", "worksheet"));
        assert!(is_versioned("worksheet-AB.pdf", "worksheet"));
        assert!(!is_versioned("worksheet-.html", "worksheet"));
        assert!(!is_versioned("worksheet-A.txt", "worksheet"));
        assert!(!is_versioned("answers-A.html", "worksheet"));
        assert!(!is_versioned("worksheet-A1.html", "worksheet"));
    }
}
