//! The console: colour (on only for a terminal, never with `NO_COLOR`),
//! wrapping, and reading what the user types, shared by quiz and review.

use std::io::{self, BufRead, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

/// What reading a line gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// A line, trimmed.
    Text(String),
    /// `q`, `quit` or `quitter`.
    Quit,
    /// End of input (Ctrl-D, a closed pipe).
    End,
    /// Ctrl-C, while reading or since the last read.
    Interrupted,
}

/// What the reading thread hands over.
enum Event {
    Bytes(Vec<u8>),
    End,
    Interrupt,
}

/// Standard input read on a thread of its own, with Ctrl-C turned into an
/// event: a blocked read cannot otherwise be woken, and the default action
/// would end the process before the quiz prints what was done. A Ctrl-C
/// between reads is kept, and the next read reports it first.
pub struct Interruptible {
    events: Receiver<Event>,
    interrupted: Arc<AtomicBool>,
    buffer: Vec<u8>,
    consumed: usize,
}

/// The error [`Interruptible`] reads as: not `ErrorKind::Interrupted`, which
/// `read_until` would silently retry.
#[derive(Debug)]
struct InterruptError;

impl std::fmt::Display for InterruptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("interrupted by Ctrl-C")
    }
}

impl std::error::Error for InterruptError {}

impl Interruptible {
    /// Standard input, with Ctrl-C caught for the rest of the process.
    pub fn stdin() -> io::Result<Interruptible> {
        let (sender, events) = channel();
        let interrupted = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&interrupted);
        let on_signal: Sender<Event> = sender.clone();
        ctrlc::set_handler(move || {
            flag.store(true, Ordering::SeqCst);
            // The receiver may be gone at the very end: nothing left to stop.
            let _ = on_signal.send(Event::Interrupt);
        })
        .map_err(io::Error::other)?;
        std::thread::spawn(move || {
            let stdin = io::stdin();
            let mut lock = stdin.lock();
            loop {
                let mut line = Vec::new();
                let event = match lock.read_until(b'\n', &mut line) {
                    Ok(0) | Err(_) => Event::End,
                    Ok(_) => Event::Bytes(line),
                };
                let end = matches!(event, Event::End);
                if sender.send(event).is_err() || end {
                    break;
                }
            }
        });
        Ok(Interruptible {
            events,
            interrupted,
            buffer: Vec::new(),
            consumed: 0,
        })
    }
}

impl io::Read for Interruptible {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Interruptible {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.interrupted.swap(false, Ordering::SeqCst) {
            return Err(io::Error::other(InterruptError));
        }
        if self.consumed == self.buffer.len() {
            self.buffer.clear();
            self.consumed = 0;
            match self.events.recv() {
                Ok(Event::Bytes(bytes)) => self.buffer = bytes,
                Ok(Event::End) | Err(_) => {}
                Ok(Event::Interrupt) => {
                    self.interrupted.store(false, Ordering::SeqCst);
                    return Err(io::Error::other(InterruptError));
                }
            }
        }
        Ok(&self.buffer[self.consumed..])
    }

    fn consume(&mut self, amount: usize) {
        self.consumed = (self.consumed + amount).min(self.buffer.len());
    }
}

fn is_interrupt(error: &io::Error) -> bool {
    error
        .get_ref()
        .is_some_and(|inner| inner.is::<InterruptError>())
}

/// Reads one line. With `echo` (input that is not a terminal), the line is
/// written back so a piped session's transcript reads like a typed one; at
/// the end of input a newline closes the pending prompt.
pub fn read_line(input: &mut dyn BufRead, out: &mut dyn Write, echo: bool) -> io::Result<Line> {
    let mut bytes = Vec::new();
    let read = match input.read_until(b'\n', &mut bytes) {
        Err(error) if is_interrupt(&error) => {
            writeln!(out)?;
            return Ok(Line::Interrupted);
        }
        read => read?,
    };
    if read == 0 {
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
