//! The console: colour (on only for a terminal, never with `NO_COLOR`),
//! wrapping, and reading what the user types, shared by quiz and review.

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

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
    /// Standard input ended: later reads return at once (the Ctrl-C handler
    /// keeps the queue open, so waiting on it would be for ever).
    ended: bool,
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
        // Bounded, and fed in pieces of at most a line's cap: however much
        // is piped in (a 700 MB line, 40 million short ones), at most
        // `AHEAD` pieces wait in memory, about 1 MiB.
        let (sender, events) = sync_channel(AHEAD);
        let interrupted = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&interrupted);
        let on_signal: SyncSender<Event> = sender.clone();
        ctrlc::set_handler(move || {
            flag.store(true, Ordering::SeqCst);
            // Never blocks: if the queue is full, the reader is not waiting,
            // and the flag alone stops its next read. The receiver may be
            // gone at the very end: nothing left to stop.
            let _ = on_signal.try_send(Event::Interrupt);
        })
        .map_err(io::Error::other)?;
        std::thread::spawn(move || {
            let stdin = io::stdin();
            let mut lock = stdin.lock();
            loop {
                let mut line = Vec::new();
                let piece = Read::take(&mut lock, PIECE as u64).read_until(b'\n', &mut line);
                let event = match piece {
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
            ended: false,
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
        if self.consumed == self.buffer.len() && !self.ended {
            self.buffer.clear();
            self.consumed = 0;
            match self.events.recv() {
                Ok(Event::Bytes(bytes)) => self.buffer = bytes,
                Ok(Event::End) | Err(_) => self.ended = true,
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

/// The longest line read as an answer; a longer one (a file piped in by
/// mistake) is skipped without being held in memory.
pub const MAX_LINE: usize = 64 * 1024;
/// The most [`Interruptible`]'s reader takes from standard input at once.
const PIECE: usize = MAX_LINE;
/// How many pieces it reads ahead of the session.
const AHEAD: usize = 16;

/// Reads one line. With `echo` (input that is not a terminal), the line is
/// written back, control characters made visible, so a piped session's
/// transcript reads like a typed one; at the end of input a newline closes
/// the pending prompt. A line over [`MAX_LINE`] bytes is refused and the
/// next one read.
pub fn read_line(input: &mut dyn BufRead, out: &mut dyn Write, echo: bool) -> io::Result<Line> {
    let mut bytes = Vec::new();
    loop {
        bytes.clear();
        let read = match Read::take(&mut *input, MAX_LINE as u64 + 1).read_until(b'\n', &mut bytes)
        {
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
        if bytes.len() <= MAX_LINE || bytes.ends_with(b"\n") {
            break;
        }
        match skip_line(input) {
            Err(error) if is_interrupt(&error) => {
                writeln!(out)?;
                return Ok(Line::Interrupted);
            }
            skipped => skipped?,
        }
        writeln!(
            out,
            "(a line over {} KiB is not an answer: type a shorter one)",
            MAX_LINE / 1024
        )?;
        write!(out, "› ")?;
    }
    // Invalid UTF-8 is not an answer: the lossy text gets a hint and is asked again.
    let line = String::from_utf8_lossy(&bytes).trim().to_owned();
    if echo {
        writeln!(out, "{}", visible(&line))?;
    }
    Ok(match line.to_lowercase().as_str() {
        "q" | "quit" | "quitter" => Line::Quit,
        _ => Line::Text(line),
    })
}

/// Drops the rest of the current line, a buffer at a time.
fn skip_line(input: &mut dyn BufRead) -> io::Result<()> {
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        match buffer.iter().position(|&b| b == b'\n') {
            Some(at) => {
                input.consume(at + 1);
                return Ok(());
            }
            None => {
                let len = buffer.len();
                input.consume(len);
            }
        }
    }
}

/// Whether `c` is a control character a terminal could act on: C0 other
/// than newline and tab, DEL, and C1.
pub fn is_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// `text` with control characters made visible: `^[` for ESC, `^?` for DEL,
/// `<U+009B>` for C1, so that no text can drive the terminal.
pub fn visible(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    for c in text.chars() {
        push_visible(&mut shown, c);
    }
    shown
}

/// A path as [`visible`] text: a file name holding escape sequences (`ESC[8m`
/// hides what follows) or line breaks is shown, never obeyed, wherever a
/// path is printed.
pub fn shown(path: impl AsRef<std::path::Path>) -> String {
    visible(&path.as_ref().display().to_string())
}

fn push_visible(shown: &mut String, c: char) {
    match c {
        c if !is_control(c) => shown.push(c),
        '\u{7f}' => shown.push_str("^?"),
        c if u32::from(c) < 0x20 => {
            shown.push('^');
            shown.push(char::from(b'@' + c as u8));
        }
        c => shown.push_str(&format!("<U+{:04X}>", u32::from(c))),
    }
}

/// The last wall between text and the terminal: a writer that passes text,
/// newlines, tabs and colour codes (`ESC [ digits ; … m`, which can only
/// colour), and shows every other control character as [`visible`] does. So
/// even text that escaped `check` cannot set the title, write the clipboard
/// or erase lines.
#[derive(Debug)]
pub struct Sanitised<W: Write> {
    inner: W,
    /// Bytes of an unfinished escape sequence or UTF-8 character, held until
    /// the next write completes them.
    pending: Vec<u8>,
}

/// The longest colour code let through (`ESC[1;32m` is 7 bytes).
const MAX_SGR: usize = 16;

impl<W: Write> Sanitised<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        Sanitised {
            inner,
            pending: Vec::new(),
        }
    }

    /// The text of `bytes` made safe; keeps an unfinished tail in `pending`.
    fn clean(&mut self, bytes: &[u8]) -> Vec<u8> {
        let mut all = std::mem::take(&mut self.pending);
        all.extend_from_slice(bytes);
        let mut clean = Vec::with_capacity(all.len());
        let mut i = 0;
        while i < all.len() {
            let b = all[i];
            if b == 0x1b {
                match sgr_len(&all[i..]) {
                    Some(Some(len)) => {
                        clean.extend_from_slice(&all[i..i + len]);
                        i += len;
                        continue;
                    }
                    Some(None) => {
                        self.pending = all[i..].to_vec();
                        return clean;
                    }
                    None => {}
                }
            }
            if b < 0x80 {
                if b == b'\n' || b == b'\t' || !(b < 0x20 || b == 0x7f) {
                    clean.push(b);
                } else {
                    let mut shown = String::new();
                    push_visible(&mut shown, char::from(b));
                    clean.extend_from_slice(shown.as_bytes());
                }
                i += 1;
                continue;
            }
            let width = match b {
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf7 => 4,
                _ => 1,
            };
            if i + width > all.len() {
                self.pending = all[i..].to_vec();
                return clean;
            }
            match std::str::from_utf8(&all[i..i + width]) {
                Ok(text) => {
                    for c in text.chars() {
                        let mut shown = String::new();
                        push_visible(&mut shown, c);
                        clean.extend_from_slice(shown.as_bytes());
                    }
                    i += width;
                }
                Err(_) => {
                    // Not UTF-8: no terminal will read it as C1 either once
                    // replaced.
                    clean.extend_from_slice("\u{fffd}".as_bytes());
                    i += 1;
                }
            }
        }
        clean
    }
}

/// For bytes starting with ESC: `Some(Some(len))` for a whole colour code,
/// `Some(None)` when they may be the start of one, `None` for anything else.
fn sgr_len(bytes: &[u8]) -> Option<Option<usize>> {
    for (i, &b) in bytes.iter().enumerate().skip(1).take(MAX_SGR) {
        match (i, b) {
            (1, b'[') => {}
            (1, _) => return None,
            (_, b'0'..=b'9' | b';') => {}
            (_, b'm') => return Some(Some(i + 1)),
            _ => return None,
        }
    }
    (bytes.len() <= MAX_SGR).then_some(None)
}

impl<W: Write> Write for Sanitised<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let clean = self.clean(buf);
        self.inner.write_all(&clean)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        // A tail held back is shown as it is: no later byte can complete it.
        let rest = std::mem::take(&mut self.pending);
        if !rest.is_empty() {
            let shown = visible(&String::from_utf8_lossy(&rest));
            self.inner.write_all(shown.as_bytes())?;
        }
        self.inner.flush()
    }
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
    use proptest::prelude::*;

    fn through(writes: &[&[u8]]) -> String {
        let mut out = Sanitised::new(Vec::new());
        for bytes in writes {
            out.write_all(bytes).unwrap();
        }
        out.flush().unwrap();
        String::from_utf8(out.inner).unwrap()
    }

    #[test]
    fn colour_codes_pass_and_every_other_control_is_shown() {
        assert_eq!(
            through(&[b"\x1b[1;32mJuste\x1b[0m\n\tok"]),
            "\x1b[1;32mJuste\x1b[0m\n\tok"
        );
        assert_eq!(
            through(&["\x1b]0;title\x07\x1b[2K\r\x7f\u{9b}2J é".as_bytes()]),
            "^[]0;title^G^[[2K^M^?<U+009B>2J é"
        );
    }

    #[test]
    fn sequences_split_across_writes_are_judged_whole() {
        assert_eq!(through(&[b"a\x1b[1", b";31mb"]), "a\x1b[1;31mb");
        assert_eq!(through(&[b"a\x1b[1", b"Jb"]), "a^[[1Jb");
        assert_eq!(through(&[b"\xc2", b"\x9b", "é".as_bytes()]), "<U+009B>é");
    }

    #[test]
    fn a_long_line_is_refused_and_the_next_one_read() {
        let mut input = vec![b'x'; MAX_LINE + 10];
        input.extend_from_slice(b"\nb\n");
        let mut out = Vec::new();
        let line = read_line(&mut input.as_slice(), &mut out, true).unwrap();
        assert_eq!(line, Line::Text("b".to_owned()));
        let out = String::from_utf8(out).unwrap();
        assert!(out.starts_with("(a line over 64 KiB"), "{out}");
        assert!(out.len() < 200);
    }

    proptest! {
        /// Whatever is written, in whatever pieces, no control character
        /// but newline and tab comes out, and no ESC but a colour code's.
        #[test]
        fn nothing_but_colour_reaches_the_terminal(text in any::<Vec<u8>>(), cut in any::<prop::sample::Index>()) {
            let at = cut.index(text.len() + 1);
            let shown = through(&[&text[..at], &text[at..]]);
            let mut rest = shown.as_str();
            while let Some(at) = rest.find('\x1b') {
                rest = &rest[at..];
                let len = sgr_len(rest.as_bytes()).flatten();
                prop_assert!(len.is_some(), "{shown:?}");
                rest = &rest[len.unwrap_or(1)..];
            }
            prop_assert!(!shown.chars().any(|c| is_control(c) && c != '\x1b'), "{shown:?}");
        }
    }

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
