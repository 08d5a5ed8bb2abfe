//! Terminal colours: on only for a terminal, and never with `NO_COLOR`.

use std::io::IsTerminal;

/// Whether to colour and wrap output, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    on: bool,
    /// Wrap long lines at word boundaries to this width (terminals only; a
    /// pipe gets lines as they are).
    width: Option<usize>,
}

impl Style {
    /// Colours when standard output is a terminal and `NO_COLOR` is unset or empty.
    pub fn detect() -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let terminal = std::io::stdout().is_terminal();
        Style {
            on: !no_color && terminal,
            width: terminal.then(|| textwrap::termwidth().clamp(40, 100)),
        }
    }

    /// No colours and no wrapping.
    pub fn plain() -> Style {
        Style {
            on: false,
            width: None,
        }
    }

    /// `text` wrapped at word boundaries to the terminal's width; colour
    /// codes do not count towards the width.
    pub fn wrap(self, text: &str) -> String {
        self.wrap_indented(text, "")
    }

    /// Like [`Style::wrap`], continuing lines under `indent`.
    pub fn wrap_indented(self, text: &str, indent: &str) -> String {
        match self.width {
            Some(width) => textwrap::fill(
                text,
                textwrap::Options::new(width).subsequent_indent(indent),
            ),
            None => text.to_owned(),
        }
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
