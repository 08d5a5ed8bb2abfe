//! Moodle's GIFT format: one question per paragraph, `[html]` text (escaped
//! for HTML, then for GIFT), a `$CATEGORY:` per skill, the stable id and the
//! tags in the comment line Moodle reads above each question.

use std::fmt::Write as _;

use super::{Input, Output, Skipped, bank_id, html, offered};
use crate::bank::{Lang, Question, Segment, Shape, Skill, name_of};

/// Escapes GIFT's special characters (`~ = # { } :` and backslash) in text
/// already escaped for HTML.
fn gift(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '~' | '=' | '#' | '{' | '}' | ':' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// User text as GIFT `[html]` text: HTML-escaped, then GIFT-escaped. HTML
/// escaping turns `->` into `-&gt;`, so a match's left side cannot be cut;
/// `%` becomes `&#37;`, so a choice written `%100%faux` cannot set its own
/// weight (Moodle reads `~%100%` as fully right, and has no `\%` escape).
fn text(s: &str) -> String {
    // Before GIFT's escaping, so the entity's `#` is escaped too (a bare
    // `#` would start the feedback).
    gift(&html(s.trim()).replace('%', "&#37;"))
}

/// A match's right side, which Moodle keeps as plain text (no HTML).
fn plain(s: &str) -> String {
    gift(&s.trim().replace(['\n', '\r', '\t'], " "))
}

/// A weight as Moodle's grade list has it: 50, 33.33333, 12.5…
fn weight(fraction: f64) -> String {
    let text = format!("{:.5}", fraction * 100.0);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Tag text Moodle's `[tag:…]` pattern reads: no `]`, no control character.
fn tag(s: &str) -> String {
    s.chars()
        .filter(|c| *c != ']' && !c.is_control())
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Exports `input` as GIFT.
pub(super) fn export(input: &Input<'_>) -> Output {
    let bank = bank_id(input.bank);
    let lang = input.lang;
    let mut out = format!(
        "// {} — mediaquiz, bank `{bank}`\n// Moodle: Question bank › Import › GIFT format.\n\n",
        input.bank.title.replace(['\n', '\r'], " ")
    );
    // The article first, as a description in the bank's category: every
    // question cites it by §n.
    let _ = writeln!(
        out,
        "$CATEGORY: mediaquiz/{bank}\n\n// [id:{bank}:article] [tag:article]\n::Article::[html]{}\n",
        gift(&super::article_html(input.bank).replace('\n', ""))
    );
    let mut skipped = Vec::new();
    for skill in Skill::ALL {
        let mut body = String::new();
        for question in input.questions.iter().filter(|q| q.skill == skill) {
            match answers(question, lang) {
                Ok(answers) => {
                    let mut tags = vec![name_of(&question.skill)];
                    tags.extend(
                        question
                            .tags
                            .iter()
                            .map(|t| tag(t))
                            .filter(|t| !t.is_empty()),
                    );
                    let tags: Vec<String> = tags.iter().map(|t| format!("[tag:{t}]")).collect();
                    let _ = writeln!(body, "// [id:{bank}-{}] {}", question.id, tags.join(" "));
                    let _ = writeln!(body, "::{}::{answers}\n", question.id);
                }
                Err(reason) => skipped.push(Skipped {
                    id: question.id.clone(),
                    reason,
                }),
            }
        }
        if !body.is_empty() {
            let _ = writeln!(out, "$CATEGORY: mediaquiz/{bank}/{}\n", name_of(&skill));
            out.push_str(&body);
        }
    }
    Output {
        bytes: out.into_bytes(),
        skipped,
    }
}

/// The general feedback: the explanation and the quotes.
fn general(question: &Question, lang: Lang) -> String {
    let parts: Vec<String> = super::general_parts(question, lang)
        .iter()
        .map(|p| text(p))
        .collect();
    format!("\t####{}", parts.join("<br>"))
}

/// The question text and its answer block, or why GIFT cannot carry it.
fn answers(question: &Question, lang: Lang) -> Result<String, String> {
    let feedback = general(question, lang);
    let block = |stem: &str, lines: Vec<String>| {
        format!(
            "[html]{}{{\n{}\n{feedback}\n}}",
            text(stem),
            lines.join("\n")
        )
    };
    Ok(match question.shape() {
        Shape::Choices { several: false, .. } | Shape::Verdict { .. } => {
            let (options, correct) = offered(question, lang).unwrap_or_default();
            let lines = options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let mark = if correct.contains(&i) { '=' } else { '~' };
                    format!("\t{mark}{}{}", text(o), choice_feedback(question, i))
                })
                .collect();
            // A claim alone is no question: the instruction says what to
            // judge it against. (GIFT cannot keep the verdicts in order:
            // Moodle shuffles them as its settings say.)
            let stem = if matches!(question.shape(), Shape::Verdict { .. }) {
                let (open, close) = crate::i18n::quotes(lang);
                let instruction = question.question_type().instruction(lang);
                crate::i18n::typography(
                    lang,
                    &format!("{open}{}{close} {instruction}", question.prompt()),
                )
            } else {
                question.prompt().to_string()
            };
            block(&stem, lines)
        }
        Shape::Choices {
            choices: c,
            several: true,
        } => {
            let right = c.correct.len();
            let wrong = c.options.len() - right;
            let lines = c
                .options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let w = if c.correct.contains(&i) {
                        weight(1.0 / right as f64)
                    } else {
                        weight(-1.0 / wrong as f64)
                    };
                    format!("\t~%{w}%{}{}", text(o), choice_feedback(question, i))
                })
                .collect();
            block(&c.prompt, lines)
        }
        Shape::TrueFalse { prompt, answer } => {
            format!(
                "[html]{}{{{}\n{feedback}\n}}",
                text(prompt),
                if answer { "TRUE" } else { "FALSE" }
            )
        }
        Shape::Text {
            prompt,
            answer,
            accept,
        } => {
            let lines = std::iter::once(answer)
                .chain(accept.iter().map(String::as_str))
                .map(|a| format!("\t={}", text(a)))
                .collect();
            block(prompt, lines)
        }
        Shape::Gaps { prompt, segments } => {
            let gaps = segments
                .iter()
                .filter(|s| matches!(s, Segment::Gap(_)))
                .count();
            if gaps != 1 {
                return Err(lang.pick(
                    format!("un texte à trous à {gaps} trous\u{a0}: la question «\u{a0}mot manquant\u{a0}» de GIFT n’en a qu’un\u{202f}; le type Cloze à plusieurs trous de Moodle n’est pas du GIFT"),
                    format!("a cloze with {gaps} gaps: GIFT's missing-word question has one; Moodle's multi-gap Cloze type is not GIFT"),
                ));
            }
            let mut before = prompt
                .map(|p| format!("{}<br>", text(p)))
                .unwrap_or_default();
            let mut after = String::new();
            let mut forms = Vec::new();
            for segment in segments {
                match segment {
                    Segment::Text(t) if forms.is_empty() => before.push_str(&gift(&html(t))),
                    Segment::Text(t) => after.push_str(&gift(&html(t))),
                    Segment::Gap(f) => forms.clone_from(f),
                }
            }
            let lines: Vec<String> = forms.iter().map(|f| format!("\t={}", text(f))).collect();
            format!(
                "[html]{before}{{\n{}\n{feedback}\n}}{after}",
                lines.join("\n")
            )
        }
        Shape::Pairs { prompt, pairs } => {
            if pairs.len() < 3 {
                return Err(lang
                    .pick(
                        "un appariement de 2 paires\u{a0}: la question d’appariement de Moodle en demande 3",
                        "a match of 2 pairs: Moodle's matching question needs 3",
                    )
                    .to_owned());
            }
            let lines = pairs
                .iter()
                .map(|(l, r)| format!("\t={} -> {}", text(l), plain(r)))
                .collect();
            block(prompt, lines)
        }
        Shape::Ranked { prompt, items } => {
            // Faithful as a match: each rank to its item.
            let lines = items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    format!(
                        "\t={} -> {}",
                        text(&super::rank_label(lang, i + 1)),
                        plain(item)
                    )
                })
                .collect();
            block(prompt, lines)
        }
        Shape::Card { .. } => {
            return Err(lang.pick("fiche seulement", "flashcard only").to_owned());
        }
        // An essay: no answer to match, graded by the teacher with the
        // rubric given in the general feedback.
        Shape::Rubric { prompt, .. } => format!("[html]{}{{\n{feedback}\n}}", text(prompt)),
    })
}

/// `#feedback` after a choice, when the bank explains it.
fn choice_feedback(question: &Question, index: usize) -> String {
    super::choice_feedback(question, index)
        .map(|f| format!(" #{}", text(f)))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_special_character_is_escaped() {
        assert_eq!(gift(r"a~b=c#d{e}f:g\h"), r"a\~b\=c\#d\{e\}f\:g\\h");
    }

    #[test]
    fn a_percent_in_any_text_cannot_set_a_weight() {
        assert_eq!(text("%100%faux"), "&\\#37;100&\\#37;faux");
        assert_eq!(text("50 % = moitié"), "50 &\\#37; \\= moitié");
    }

    const SPECIAL: &str = "~=#{}:\\";

    proptest::proptest! {
        #[test]
        fn escaping_hides_every_special_character_and_reverses(s in "[a-z~=#{}:\\\\ ]{0,24}") {
            let escaped = gift(&s);
            let mut back = String::new();
            let mut chars = escaped.chars();
            while let Some(c) = chars.next() {
                if c == '\\' {
                    let next = chars.next();
                    let special = next.is_some_and(|n| SPECIAL.contains(n));
                    proptest::prop_assert!(special, "a lone backslash in {}", escaped);
                    back.extend(next);
                } else {
                    proptest::prop_assert!(!SPECIAL.contains(c), "unescaped {} in {}", c, escaped);
                    back.push(c);
                }
            }
            proptest::prop_assert_eq!(back, s);
        }
    }

    #[test]
    fn weights_are_on_moodles_grade_list() {
        assert_eq!(weight(1.0 / 3.0), "33.33333");
        assert_eq!(weight(0.5), "50");
        assert_eq!(weight(-1.0 / 8.0), "-12.5");
        assert_eq!(weight(1.0 / 6.0), "16.66667");
    }
}
