//! Located findings about a bank: `file:line: error: message [question-id]`.

use std::fmt;

use serde::Serialize;

use crate::lang::Lang;

/// How bad a finding is: errors fail `check`, warnings only advise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The bank cannot be used until this is fixed.
    Error,
    /// The bank works, but a question could be better.
    Warning,
}

/// One finding, located in a file at a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The file as the user named it.
    pub file: String,
    /// 1-based line in that file.
    pub line: usize,
    /// Error or warning.
    pub severity: Severity,
    /// Lower-case message, values in backticks.
    pub message: String,
    /// The id of the question concerned, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
}

impl Diagnostic {
    /// Whether this finding fails the bank.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The severity word stays English in every language, as rustc's and
        // gcc's do: editors and CI parse `file:line: error:`.
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}: {severity}: {}",
            self.file, self.line, self.message
        )?;
        if let Some(id) = &self.question {
            write!(f, " [{id}]")?;
        }
        Ok(())
    }
}

/// Collects findings for one file, so each producer only says line and
/// message, in the language the findings speak ([`Findings::lang`]).
#[derive(Debug)]
pub struct Findings {
    file: String,
    lang: Lang,
    /// Everything found so far, in the order found.
    pub list: Vec<Diagnostic>,
}

impl Findings {
    /// Starts an empty list for `file`, whose messages speak `lang`.
    pub fn new(file: impl Into<String>, lang: Lang) -> Findings {
        Findings {
            file: file.into(),
            lang,
            list: Vec::new(),
        }
    }

    /// The language the messages speak (the severity word stays English for tools).
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Records an error.
    pub fn error(&mut self, line: usize, question: Option<&str>, message: impl Into<String>) {
        self.push(Severity::Error, line, question, message.into());
    }

    /// Records a warning.
    pub fn warning(&mut self, line: usize, question: Option<&str>, message: impl Into<String>) {
        self.push(Severity::Warning, line, question, message.into());
    }

    fn push(&mut self, severity: Severity, line: usize, question: Option<&str>, message: String) {
        self.list.push(Diagnostic {
            file: self.file.clone(),
            line: line.max(1),
            severity,
            message: one_line(&message),
            question: question.filter(|q| !q.is_empty()).map(one_line),
        });
    }

    /// Whether any error was recorded.
    pub fn has_errors(&self) -> bool {
        self.list.iter().any(Diagnostic::is_error)
    }
}

/// The first control character of `text` that must not reach a terminal (C0
/// other than tab and line feed, DEL, C1: so every escape sequence), named
/// `U+001B`; `None` when there is none.
pub fn control_char(text: &str) -> Option<String> {
    text.chars()
        .find(|&c| is_unsafe(c) && c != '\t' && c != '\n')
        .map(|c| format!("U+{:04X}", u32::from(c)))
}

fn is_unsafe(c: char) -> bool {
    c.is_control()
}

/// A finding's text on one line, whatever it quotes: line breaks and tabs
/// become spaces, other control characters are shown by code (`U+001B`).
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if is_unsafe(c) => out.push_str(&format!("U+{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_named() {
        assert_eq!(control_char("ok\tand\nfine"), None);
        assert_eq!(
            control_char("title\u{1b}]0;pwned\u{7}").as_deref(),
            Some("U+001B")
        );
        assert_eq!(control_char("del\u{7f}").as_deref(), Some("U+007F"));
        assert_eq!(control_char("csi\u{9b}").as_deref(), Some("U+009B"));
    }

    #[test]
    fn every_finding_is_one_line_without_escapes() {
        let mut findings = Findings::new("bank.yaml", Lang::En);
        findings.error(3, Some("q\u{1b}1"), "« two\nlines »\u{1b}[2J");
        let shown = findings.list[0].to_string();
        assert_eq!(
            shown,
            "bank.yaml:3: error: « two lines »U+001B[2J [qU+001B1]"
        );
    }
}
