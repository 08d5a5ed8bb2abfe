//! Terminal colours: on only for a terminal, and never with `NO_COLOR`.

use std::io::IsTerminal;

/// Whether to colour output, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    on: bool,
}

impl Style {
    /// Colours when standard output is a terminal and `NO_COLOR` is unset or empty.
    pub fn detect() -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            on: !no_color && std::io::stdout().is_terminal(),
        }
    }

    /// No colours at all.
    pub fn plain() -> Style {
        Style { on: false }
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// Bold.
    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    /// Faint, for hints.
    pub fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }

    /// Green, for a right answer.
    pub fn green(self, text: &str) -> String {
        self.paint("1;32", text)
    }

    /// Red, for a wrong answer.
    pub fn red(self, text: &str) -> String {
        self.paint("1;31", text)
    }

    /// Yellow, for a hint after input that is not an answer.
    pub fn yellow(self, text: &str) -> String {
        self.paint("33", text)
    }
}
