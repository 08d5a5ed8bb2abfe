//! Markdown, in the interface language: the teacher's key (`markdown`:
//! questions, answers, explanations and quotes) and the students' handout
//! (`markdown-handout`: the article, then the questions, no answers). User
//! text is escaped so that it reads as typed in any CommonMark renderer.

use std::fmt::Write as _;

use super::{Input, Output, Skipped, answer_text, offered, question_uid, quotes, stable_hash};
use crate::bank::{Question, Shape};
use crate::card::{CardView, ClozePart, FrontBody};
use crate::i18n::{self, Strings};
use crate::select::{Seed, Shown};

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

/// Like [`md`], for a piece inside a line: spaces at its ends kept.
fn md_inline(text: &str) -> String {
    let start = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let end = if text.ends_with(char::is_whitespace) && !text.trim().is_empty() {
        " "
    } else {
        ""
    };
    format!("{start}{}{end}", md(text))
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
    match question.shape() {
        Shape::Choices { .. } | Shape::Verdict { .. } => {
            if let Some((options, _)) = offered(question, lang) {
                for (i, option) in options.iter().enumerate() {
                    let _ = writeln!(out, "- {}\\) {}", crate::letters::lower(i), md(option));
                }
                out.push('\n');
            }
        }
        Shape::Pairs { pairs, .. } => {
            for (l, r) in pairs {
                let _ = writeln!(out, "- {} → {}", md(l), md(r));
            }
            out.push('\n');
        }
        Shape::TrueFalse { .. }
        | Shape::Text { .. }
        | Shape::Gaps { .. }
        | Shape::Ranked { .. }
        | Shape::Rubric { .. }
        | Shape::Card { .. } => {}
    }
    let _ = writeln!(
        out,
        "**{}{}** {}\n",
        t.answer,
        t.colon,
        md(&answer_text(question, lang))
    );
    if let Shape::Choices { choices: c, .. } = question.shape() {
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
    if let Some(citation) = bank.citation_under_title() {
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

/// Exports `input` as the students' handout: the article with its numbered
/// paragraphs, then each question as a student sees it (choices, columns and
/// items shuffled, each question by a seed from its own id, so the same
/// bank gives the same handout), with room to answer and no answer. The key
/// is `markdown`, whose answers are in words, so any shuffle matches it.
pub(super) fn handout(input: &Input<'_>) -> Output {
    let bank = input.bank;
    let lang = input.lang;
    let t = Strings::get(lang);
    let content = |s: &str| md(&i18n::typography(bank.language, s));
    let mut out = format!("# {}\n\n", md(&bank.title));
    if let Some(citation) = bank.citation_under_title() {
        let _ = writeln!(out, "{}{} {}\n", t.source, t.colon, md(&citation));
    }
    let _ = writeln!(out, "## {}\n", lang.pick("L’article", "The article"));
    for paragraph in bank
        .article
        .paragraphs()
        .iter()
        .skip(bank.article_title_lines())
    {
        match paragraph.number {
            Some(n) => {
                let _ = writeln!(out, "**§{n}** {}\n", content(&paragraph.text));
            }
            None => {
                let _ = writeln!(out, "### {}\n", content(&paragraph.text));
            }
        }
    }
    let _ = writeln!(out, "## {}\n", t.questions);
    let mut skipped = Vec::new();
    let mut number = 0;
    for question in input.questions {
        if matches!(question.shape(), Shape::Card { .. }) {
            skipped.push(Skipped {
                id: question.id.clone(),
                reason: lang.pick("fiche seulement", "flashcard only").to_owned(),
            });
            continue;
        }
        number += 1;
        let seed = Seed(stable_hash(&question_uid(bank, question)));
        let shown = Shown::shuffle(question, &mut seed.rng());
        handout_question(
            &mut out,
            number,
            &CardView::new(&shown, lang),
            question,
            input,
        );
    }
    Output {
        bytes: out.into_bytes(),
        skipped,
    }
}

/// One question of the handout: prompt, instruction, what it lists, room
/// to answer.
fn handout_question(
    out: &mut String,
    number: usize,
    card: &CardView,
    question: &Question,
    input: &Input<'_>,
) {
    let lang = input.lang;
    let t = Strings::get(lang);
    let typo = |s: &str| md(&i18n::typography(lang, s));
    let prompt = if card.front.prompt.is_empty() {
        String::new()
    } else {
        format!(" {}", md(&card.front.prompt))
    };
    let _ = writeln!(
        out,
        "### {number}\\.{prompt}\n\n*{} · {}*\n",
        typo(question.question_type().instruction(lang)),
        typo(question.skill.label(lang))
    );
    let line = "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_";
    match &card.front.body {
        FrontBody::Choices { choices, .. } => {
            for (letter, choice) in choices {
                let _ = writeln!(out, "- {}\\) {}", letter.to_ascii_lowercase(), md(choice));
            }
            out.push('\n');
        }
        FrontBody::TrueFalse(_) => {
            let _ = writeln!(out, "- {}\n- {}\n", t.true_, t.false_);
        }
        FrontBody::Verdicts(verdicts) => {
            for verdict in verdicts {
                let _ = writeln!(out, "- {}", md(verdict));
            }
            out.push('\n');
        }
        FrontBody::Cloze(parts) => {
            let text: String = parts
                .iter()
                .map(|part| match part {
                    ClozePart::Text(text) => md_inline(text),
                    ClozePart::Blank(n) => format!("\\_\\_\\_\\_ ({n})"),
                })
                .collect();
            let _ = writeln!(out, "{text}\n");
        }
        FrontBody::Match { left, right } => {
            for (n, item) in left {
                let _ = writeln!(out, "- {n}\\. {} → ……", md(item));
            }
            // A paragraph between the columns keeps them two lists.
            let _ = writeln!(out, "\n*{}*\n", typo(t.match_options));
            for (letter, item) in right {
                let _ = writeln!(out, "- {}\\) {}", letter.to_ascii_lowercase(), md(item));
            }
            out.push('\n');
        }
        FrontBody::Order(items) => {
            for (letter, item) in items {
                let _ = writeln!(
                    out,
                    "- {}\\) {} — ……",
                    letter.to_ascii_lowercase(),
                    md(item)
                );
            }
            out.push('\n');
        }
        FrontBody::Nothing => {
            let _ = writeln!(out, "{line}\n");
            if matches!(question.shape(), Shape::Rubric { .. }) {
                let _ = writeln!(out, "{line}\n\n{line}\n");
            }
        }
    }
    if question.justify {
        let _ = writeln!(out, "*{}*\n\n{line}\n", typo(t.justify));
    }
}
