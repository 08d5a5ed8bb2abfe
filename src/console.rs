//! The console: colour (on only for a terminal, never with `NO_COLOR`),
//! wrapping, and reading what the user types, shared by quiz and review.

use std::io::{self, BufRead, IsTerminal, Write};

/// What reading a line gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// A line, trimmed.
    Text(String),
    /// `q`, `quit` or `quitter`.
    Quit,
    /// End of input (Ctrl-D, a closed pipe).
    End,
}

/// Reads one line. With `echo` (input that is not a terminal), the line is
/// written back so a piped session's transcript reads like a typed one; at
/// the end of input a newline closes the pending prompt.
pub fn read_line(input: &mut dyn BufRead, out: &mut dyn Write, echo: bool) -> io::Result<Line> {
    let mut bytes = Vec::new();
    if input.read_until(b'\n', &mut bytes)? == 0 {
        writeln!(out)?;
        return Ok(Line::End);
    }
    // Invalid UTF-8 is not an answer: the lossy text gets a hint and is asked again.
    let line = String::from_utf8_lossy(&bytes).trim().to_owned();
    if echo {
        writeln!(out, "{line}")?;
    }
    Ok(match line.to_lowercase().as_str() {
        "q" | "quit" | "quitter" => Line::Quit,
        _ => Line::Text(line),
    })
}

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

    /// No colour, wrapped to `width`: what a narrow terminal gets, for tests.
    #[cfg(test)]
    pub(crate) fn narrow(width: usize) -> Style {
        Style {
            on: false,
            width: Some(width),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of `text`, colour codes taken out.
    fn words(text: &str) -> Vec<String> {
        let mut plain = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                chars.by_ref().find(|&c| c == 'm');
            } else {
                plain.push(c);
            }
        }
        plain.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn wrapping_never_splits_a_word_even_with_colour() {
        let text = "L’article attribue cette explication au CSP, qui affirme s’en distancier en s’en distanciant « par étapes ».";
        for on in [false, true] {
            for width in 40..=100 {
                let style = Style {
                    on,
                    width: Some(width),
                };
                let line = format!("{} {}", style.red("✗ Faux."), style.bold(text));
                let wrapped = style.wrap(&line);
                assert_eq!(words(&wrapped), words(&line), "width {width}, colour {on}");
            }
        }
    }
}
