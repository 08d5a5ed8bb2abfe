//! A readable handout in Markdown: questions, answers, explanations and
//! quotes, in the interface language. User text is escaped so that it reads
//! as typed in any CommonMark renderer.

use std::fmt::Write as _;

use super::{Input, Output, answer_text, offered, quotes};
use crate::bank::{Kind, Question};
use crate::i18n::{self, Strings};

/// Escapes what CommonMark could read as markup (inline punctuation
/// anywhere; a list, heading or quote marker at the start), and folds line
/// breaks, so one question's text stays one paragraph and reads as typed.
fn md(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + 8);
    // A leading `-`, `+`, `=` or `1.`/`1)` would start a list or an underline.
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in text.chars().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if i == digits && digits > 0 => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn question(out: &mut String, number: usize, question: &Question, input: &Input<'_>) {
    let lang = input.lang;
    let t = Strings::get(lang);
    let _ = writeln!(
        out,
        "### {number}\\. {}\n\n*{} · {}*\n",
        md(&question.prompt()),
        md(&i18n::typography(
            lang,
            question.question_type().instruction(lang)
        )),
        md(&i18n::typography(lang, question.skill.label(lang)))
    );
    match &question.kind {
        Kind::Single(_) | Kind::Multi(_) | Kind::Claim { .. } => {
            if let Some((options, _)) = offered(question, lang) {
                for (i, option) in options.iter().enumerate() {
                    let _ = writeln!(out, "- {}\\) {}", crate::letters::lower(i), md(option));
                }
                out.push('\n');
            }
        }
        Kind::Match { pairs, .. } => {
            for (l, r) in pairs {
                let _ = writeln!(out, "- {} → {}", md(l), md(r));
            }
            out.push('\n');
        }
        Kind::TrueFalse { .. }
        | Kind::Short { .. }
        | Kind::Cloze { .. }
        | Kind::Order { .. }
        | Kind::Card { .. }
        | Kind::Open { .. } => {}
    }
    let _ = writeln!(
        out,
        "**{}{}** {}\n",
        t.answer,
        t.colon,
        md(&answer_text(question, lang))
    );
    if let Kind::Single(c) | Kind::Multi(c) = &question.kind {
        for (i, feedback) in c.feedback.iter().enumerate() {
            if let Some(feedback) = feedback {
                let _ = writeln!(
                    out,
                    "- *{} {}{}* {}",
                    t.if_chosen,
                    md(&c.options[i]),
                    t.colon,
                    md(feedback)
                );
            }
        }
        if c.feedback.iter().any(Option::is_some) {
            out.push('\n');
        }
    }
    if !question.rubric().is_empty() {
        let _ = writeln!(out, "**{}{}**\n", t.rubric, t.colon);
        for line in crate::present::rubric_lines(question.rubric(), lang) {
            let _ = writeln!(out, "- {}", md(&line));
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "**{}{}** {}\n",
        t.explanation,
        t.colon,
        md(&question.explanation)
    );
    for quote in quotes(question, lang) {
        let _ = writeln!(out, "> {}\n", md(&quote));
    }
}

/// Exports `input` as a Markdown handout.
pub(super) fn export(input: &Input<'_>) -> Output {
    let bank = input.bank;
    let t = Strings::get(input.lang);
    let mut out = format!("# {}\n\n", md(&bank.title));
    if let Some(citation) = bank.source.citation() {
        let _ = writeln!(out, "{}{} {}\n", t.source, t.colon, md(&citation));
    }
    for (i, q) in input.questions.iter().enumerate() {
        question(&mut out, i + 1, q, input);
    }
    Output {
        bytes: out.into_bytes(),
        skipped: Vec::new(),
    }
}
