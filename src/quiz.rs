//! The console quiz: one question at a time, feedback that sends the student
//! back to the text, a summary at the end. It reads a `BufRead` and writes a
//! `Write`, so tests drive it through pipes exactly as a person would.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};

use crate::answer::{AnswerView, Solution};
use crate::bank::{Lang, Segment, Shape, Skill, Verdict};
use crate::console::{Line, Style, read_line};
use crate::grade::{self, Answer, Grade};
use crate::i18n::Strings;
use crate::letters;
use crate::present::{answer_lines, evidence_line, rubric_lines};
use crate::select::{Rng, Seed, Shown};

/// How the quiz runs.
#[derive(Debug, Clone, Copy)]
pub struct QuizOptions {
    /// Interface language.
    pub lang: Lang,
    /// Ask the missed questions again at the end.
    pub retry: bool,
    /// Terminal colours.
    pub style: Style,
    /// Repeat each answer read, for input that is not typed on a terminal
    /// (a pipe), so that the transcript reads like a session.
    pub echo: bool,
}

/// A question missed, for the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missed {
    /// Its number in this quiz.
    pub number: usize,
    /// Its prompt.
    pub prompt: String,
    /// The right answer: one line, or for a match or an order, one line
    /// per item, spelled out.
    pub answer: Vec<String>,
}

/// The outcome of a quiz.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Questions answered (not counting the retry round).
    pub answered: usize,
    /// Of which right.
    pub right: usize,
    /// `(earned, possible)` points, as the answer key grades the sheet
    /// (partial credit for gaps, pairs, multi and order; see [`grade::points`]).
    pub points: (u32, u32),
    /// `(earned, possible)` points per skill, counted as `points` is, so a
    /// half-right match shows as half, not as missed.
    pub by_skill: BTreeMap<Skill, (u32, u32)>,
    /// The questions missed.
    pub missed: Vec<Missed>,
    /// `(scored, possible)` points the student gave themselves with a
    /// rubric (open answers and justifications); part of `points`, never
    /// given by the program.
    pub self_scored: (u32, u32),
    /// Open questions answered and self-scored.
    pub open_answered: usize,
    /// Questions in the quiz (not counting the retry round).
    pub asked: usize,
    /// `(right, asked)` in the retry round.
    pub retried: (usize, usize),
    /// The quiz ended before its last question (`q`, or end of input).
    pub stopped: bool,
    /// Ctrl-C ended it: the summary is printed, then the exit code is 130.
    pub interrupted: bool,
}

struct Text {
    seed: &'static str,
    replay: &'static str,
    question: &'static str,
    one_line_per_gap: &'static str,
    right: &'static str,
    wrong: &'static str,
    /// "2 right out of 3": for one, for several.
    partly: (&'static str, &'static str),
    spelling: &'static str,
    why: &'static str,
    your_reason: &'static str,
    in_text: &'static str,
    summary: &'static str,
    score: &'static str,
    points: &'static str,
    /// After "right/answered": one, then several.
    all_right: (&'static str, &'static str),
    by_skill: &'static str,
    to_review: &'static str,
    retry_round: &'static str,
    retry_score: &'static str,
    quit_hint: &'static str,
    stopped: &'static str,
    nothing: &'static str,
    choices_hint: &'static str,
    multi_hint: &'static str,
    tf_hint: &'static str,
    claim_hint: &'static str,
    match_hint: &'static str,
    order_hint: &'static str,
    text_hint: &'static str,
    open_hint: &'static str,
    model_answer: &'static str,
    rubric: &'static str,
    /// Asks for a self-score; `{top}` is the top level.
    your_score: &'static str,
    justification_rubric: &'static str,
    justification_score: &'static str,
    /// The two levels of a justification without a rubric.
    justification_levels: [&'static str; 2],
    score_hint: &'static str,
    self_scored: &'static str,
    answered_of: (&'static str, &'static str),
}

const FR: Text = Text {
    seed: "graine",
    replay: "pour le refaire",
    question: "Question",
    one_line_per_gap: "Une ligne par trou",
    right: "✓ Juste !",
    wrong: "✗ Pas tout à fait. La réponse :",
    partly: ("juste sur", "justes sur"),
    spelling: "Attention à l’orthographe :",
    why: "Pourquoi :",
    your_reason: "Comparez avec la justification attendue :",
    in_text: "Dans l’article :",
    summary: "Bilan",
    score: "Score :",
    points: "points",
    all_right: ("question entièrement juste", "questions entièrement justes"),
    by_skill: "Par compétence :",
    to_review: "À revoir :",
    retry_round: "Deuxième essai pour les questions manquées",
    retry_score: "Deuxième essai :",
    quit_hint: "q pour quitter",
    stopped: "Quiz interrompu.",
    nothing: "Aucune question répondue.",
    choices_hint: "Tapez une lettre",
    multi_hint: "Tapez une ou plusieurs lettres, ex. « a c »",
    tf_hint: "Tapez v (vrai) ou f (faux)",
    claim_hint: "Tapez a (affirmé), c (contredit) ou n (non mentionné)",
    match_hint: "Associez chaque numéro à une lettre, ex. « 1b 2a 3c »",
    order_hint: "Tapez les numéros dans le bon ordre, ex. « 3 1 2 »",
    text_hint: "Tapez votre réponse",
    open_hint: "Écrivez votre réponse sur une ligne, puis notez-vous",
    model_answer: "Réponse modèle :",
    rubric: "Barème :",
    your_score: "Votre note selon le barème (0 à {top})",
    justification_rubric: "Barème de la justification\u{a0}:",
    justification_score: "Votre note pour la justification (0 à {top})",
    justification_levels: [
        "elle dit l’essentiel de la justification attendue",
        "elle ne le dit pas",
    ],
    score_hint: "Tapez un nombre du barème",
    self_scored: "dont notés par vous (justifications, questions ouvertes)\u{a0}:",
    answered_of: ("question répondue sur", "questions répondues sur"),
};

const EN: Text = Text {
    seed: "seed",
    replay: "to take it again",
    question: "Question",
    one_line_per_gap: "One line per blank",
    right: "✓ Right!",
    wrong: "✗ Not quite. The answer:",
    partly: ("right out of", "right out of"),
    spelling: "Mind the spelling:",
    why: "Why:",
    your_reason: "Compare with the expected reasoning:",
    in_text: "In the article:",
    summary: "Summary",
    score: "Score:",
    points: "points",
    all_right: ("question entirely right", "questions entirely right"),
    by_skill: "By skill:",
    to_review: "To review:",
    retry_round: "Second try at the questions missed",
    retry_score: "Second try:",
    quit_hint: "q to quit",
    stopped: "Quiz stopped.",
    nothing: "No question answered.",
    choices_hint: "Type one letter",
    multi_hint: "Type one or more letters, e.g. \"a c\"",
    tf_hint: "Type t (true) or f (false)",
    claim_hint: "Type s (supported), c (contradicted) or n (not stated)",
    match_hint: "Match each number with a letter, e.g. \"1b 2a 3c\"",
    order_hint: "Type the numbers in the right order, e.g. \"3 1 2\"",
    text_hint: "Type your answer",
    open_hint: "Write your answer on one line, then score yourself",
    model_answer: "Model answer:",
    rubric: "Rubric:",
    your_score: "Your score by the rubric (0 to {top})",
    justification_rubric: "Rubric for the reasoning:",
    justification_score: "Your score for the reasoning (0 to {top})",
    justification_levels: ["it says what the expected reasoning says", "it does not"],
    score_hint: "Type a number from the rubric",
    self_scored: "of which scored by you (reasoning, open questions):",
    answered_of: ("question answered out of", "questions answered out of"),
};

fn text(lang: Lang) -> &'static Text {
    lang.pick(&FR, &EN)
}

/// The quiz's first line: the bank, how many questions, the seed, and the
/// command that gives the same quiz again.
pub fn intro(title: &str, count: usize, seed: Seed, replay: &str, lang: Lang) -> String {
    let x = text(lang);
    let s = if count == 1 { "" } else { "s" };
    format!(
        "{title} · {count} question{s} · {} {seed} (`{replay}` {})",
        x.seed, x.replay
    )
}

/// What asking one question gave.
enum Asked {
    /// Graded, with the points the student gave their justification.
    Answered(Grade, u32),
    /// An open question: the points the student gave themselves, out of the top level.
    SelfScored(u32, u32),
    Quit,
    End,
    Interrupted,
}

/// Runs a quiz over `questions`, in order; `rng` reshuffles the retry round.
pub fn run(
    questions: &[Shown<'_>],
    options: QuizOptions,
    rng: &mut Rng,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> io::Result<Summary> {
    let x = text(options.lang);
    let mut summary = Summary {
        asked: questions.len(),
        ..Summary::default()
    };
    let mut missed_shown = Vec::new();
    for (index, shown) in questions.iter().enumerate() {
        let heading = format!(
            "{} {}/{} · {}",
            x.question,
            index + 1,
            questions.len(),
            shown.question.skill.label(options.lang)
        );
        match ask(shown, &heading, options, input, out)? {
            Asked::Answered(grade, reasoning) => {
                summary.answered += 1;
                let (earned, possible) = grade::points(shown.question, &grade);
                let reasoning_top = shown.question.justification_points();
                summary.self_scored.0 += reasoning;
                summary.self_scored.1 += reasoning_top;
                let (earned, possible) = (earned + reasoning, possible + reasoning_top);
                summary.points.0 += earned;
                summary.points.1 += possible;
                let cell = summary.by_skill.entry(shown.question.skill).or_default();
                cell.0 += earned;
                cell.1 += possible;
                if grade.right {
                    summary.right += 1;
                } else {
                    summary.missed.push(Missed {
                        number: index + 1,
                        prompt: shown.question.prompt(),
                        answer: missed_answer(shown, options.lang),
                    });
                    missed_shown.push(shown.question);
                }
            }
            Asked::SelfScored(scored, top) => {
                summary.answered += 1;
                summary.open_answered += 1;
                summary.self_scored.0 += scored;
                summary.self_scored.1 += top;
                summary.points.0 += scored;
                summary.points.1 += top;
                let cell = summary.by_skill.entry(shown.question.skill).or_default();
                cell.0 += scored;
                cell.1 += top;
                if scored == top {
                    summary.right += 1;
                } else {
                    summary.missed.push(Missed {
                        number: index + 1,
                        prompt: shown.question.prompt(),
                        answer: missed_answer(shown, options.lang),
                    });
                }
            }
            Asked::Quit | Asked::End => {
                summary.stopped = true;
                break;
            }
            Asked::Interrupted => {
                summary.stopped = true;
                summary.interrupted = true;
                break;
            }
        }
    }
    if options.retry && !summary.stopped && !missed_shown.is_empty() {
        writeln!(
            out,
            "\n{}",
            options.style.bold(&format!("── {} ──", x.retry_round))
        )?;
        let count = missed_shown.len();
        for (index, question) in missed_shown.into_iter().enumerate() {
            let shown = Shown::shuffle(question, rng);
            let heading = format!(
                "{} {}/{count} · {}",
                x.retry_score.trim_end_matches([':', ' ']),
                index + 1,
                question.skill.label(options.lang)
            );
            match ask(&shown, &heading, options, input, out)? {
                Asked::Answered(grade, _) => {
                    summary.retried.1 += 1;
                    summary.retried.0 += usize::from(grade.right);
                }
                Asked::SelfScored(..) => {}
                Asked::Quit | Asked::End => break,
                Asked::Interrupted => {
                    summary.interrupted = true;
                    break;
                }
            }
        }
    }
    write_summary(&summary, options, out)?;
    Ok(summary)
}

fn ask(
    shown: &Shown<'_>,
    heading: &str,
    options: QuizOptions,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> io::Result<Asked> {
    let (lang, style, x) = (options.lang, options.style, text(options.lang));
    let question = shown.question;
    writeln!(out, "\n{}", style.bold(heading))?;
    let mut gaps = 0;
    let hint = match question.shape() {
        Shape::Choices {
            choices: c,
            several,
        } => {
            say(out, style, &c.prompt)?;
            for (position, &written) in shown.order.iter().enumerate() {
                item(
                    out,
                    style,
                    &format!("  {})", letters::lower(position)),
                    &c.options[written],
                )?;
            }
            if several {
                x.multi_hint
            } else {
                x.choices_hint
            }
        }
        Shape::TrueFalse { prompt, .. } => {
            say(out, style, prompt)?;
            x.tf_hint
        }
        Shape::Verdict { prompt, .. } => {
            say(out, style, prompt)?;
            let verdicts: Vec<&str> = Verdict::ALL.iter().map(|v| v.label(lang)).collect();
            item(out, style, " ", &style.dim(&verdicts.join(" · ")))?;
            x.claim_hint
        }
        Shape::Text { prompt, .. } => {
            say(out, style, prompt)?;
            x.text_hint
        }
        Shape::Gaps { prompt, segments } => {
            if let Some(prompt) = prompt {
                say(out, style, prompt)?;
            }
            let mut line = String::new();
            for segment in segments {
                match segment {
                    Segment::Text(t) => line.push_str(t),
                    Segment::Gap(_) => {
                        gaps += 1;
                        line.push_str(&format!("__({gaps})__"));
                    }
                }
            }
            say(out, style, &line)?;
            x.one_line_per_gap
        }
        Shape::Pairs { prompt, pairs } => {
            say(out, style, prompt)?;
            for (i, (left, _)) in pairs.iter().enumerate() {
                item(out, style, &format!("  {}.", i + 1), left)?;
            }
            for (position, &written) in shown.order.iter().enumerate() {
                item(
                    out,
                    style,
                    &format!("  {})", letters::lower(position)),
                    &pairs[written].1,
                )?;
            }
            x.match_hint
        }
        Shape::Ranked { prompt, items } => {
            say(out, style, prompt)?;
            for (position, &written) in shown.order.iter().enumerate() {
                item(out, style, &format!("  {}.", position + 1), &items[written])?;
            }
            x.order_hint
        }
        Shape::Card { front, .. } => {
            say(out, style, front)?;
            x.text_hint
        }
        Shape::Rubric { prompt, .. } => {
            say(out, style, prompt)?;
            x.open_hint
        }
    };

    say(out, style, &style.dim(&format!("{hint} · {}", x.quit_hint)))?;
    let mut texts = Vec::with_capacity(gaps);
    let answer = loop {
        if gaps > 0 {
            write!(out, "({}) › ", texts.len() + 1)?;
        } else {
            write!(out, "› ")?;
        }
        out.flush()?;
        let line = match read_line(input, out, options.echo)? {
            Line::Quit => return Ok(Asked::Quit),
            Line::End => return Ok(Asked::End),
            Line::Interrupted => return Ok(Asked::Interrupted),
            Line::Text(line) => line,
        };
        match grade::parse(shown, &line, lang) {
            Err(hint) => writeln!(out, "{}", style.yellow(&hint.0))?,
            Ok(_) if gaps > 0 => {
                texts.push(line);
                if texts.len() == gaps {
                    break Answer::Texts(std::mem::take(&mut texts));
                }
            }
            Ok(answer) => break answer,
        }
    };

    if let Shape::Rubric { answer, rubric, .. } = question.shape() {
        return self_score(question, answer, rubric, options, input, out);
    }
    let graded = grade::grade(shown, &answer);
    let mut reason = None;
    if question.justify {
        write!(out, "{} › ", Strings::get(lang).justify)?;
        out.flush()?;
        match read_line(input, out, options.echo)? {
            Line::Text(line) => reason = Some(line),
            Line::Interrupted => return Ok(Asked::Interrupted),
            Line::Quit | Line::End => {}
        }
    }
    feedback(shown, &graded, reason.as_deref(), options, out)?;
    if reason.is_none() {
        // Nothing written: nothing to score (and never a point given).
        return Ok(Asked::Answered(graded, 0));
    }
    let levels: Vec<(u32, String)> = if question.rubric.is_empty() {
        vec![
            (1, x.justification_levels[0].to_owned()),
            (0, x.justification_levels[1].to_owned()),
        ]
    } else {
        question
            .rubric
            .iter()
            .map(|l| (l.points, l.criterion.clone()))
            .collect()
    };
    writeln!(out, "{}", style.bold(x.justification_rubric))?;
    for (points, criterion) in &levels {
        item(out, style, "  •", &format!("{points} — {criterion}"))?;
    }
    let points: Vec<u32> = levels.iter().map(|(p, _)| *p).collect();
    match ask_level(&points, x.justification_score, options, input, out)? {
        Ok(scored) => Ok(Asked::Answered(graded, scored)),
        Err(stop) => Ok(stop),
    }
}

/// Asks for one of the rubric's `levels` until one is typed; `Err` holds
/// how the quiz stops instead.
fn ask_level(
    levels: &[u32],
    prompt: &str,
    options: QuizOptions,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> io::Result<Result<u32, Asked>> {
    let (lang, style, x) = (options.lang, options.style, text(options.lang));
    let top = levels.iter().copied().max().unwrap_or(0);
    loop {
        write!(out, "{} › ", prompt.replace("{top}", &top.to_string()))?;
        out.flush()?;
        let line = match read_line(input, out, options.echo)? {
            Line::Quit => return Ok(Err(Asked::Quit)),
            Line::End => return Ok(Err(Asked::End)),
            Line::Interrupted => return Ok(Err(Asked::Interrupted)),
            Line::Text(line) => line,
        };
        match line.trim().parse::<u32>() {
            Ok(points) if levels.contains(&points) => return Ok(Ok(points)),
            _ => {
                let mut allowed = levels.to_vec();
                allowed.sort_unstable();
                let allowed: Vec<String> = allowed.iter().map(u32::to_string).collect();
                writeln!(
                    out,
                    "{}",
                    style.yellow(&format!(
                        "{}{} {}",
                        x.score_hint,
                        lang.pick("\u{a0}:", ":"),
                        allowed.join(", ")
                    ))
                )?;
            }
        }
    }
}

/// Shows an open question's model answer and rubric, then asks the student
/// for the level their answer reached.
fn self_score(
    question: &crate::bank::Question,
    answer: &str,
    rubric: &[crate::bank::RubricLevel],
    options: QuizOptions,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> io::Result<Asked> {
    let (lang, style, x) = (options.lang, options.style, text(options.lang));
    say(
        out,
        style,
        &format!("{} {answer}", style.bold(x.model_answer)),
    )?;
    writeln!(out, "{}", style.bold(x.rubric))?;
    for line in rubric_lines(rubric, lang) {
        item(out, style, "  •", &line)?;
    }
    say(
        out,
        style,
        &format!("{} {}", style.bold(x.why), question.explanation),
    )?;
    for evidence in &question.evidence {
        say(
            out,
            style,
            &format!("{} {}", style.dim(x.in_text), evidence_line(evidence, lang)),
        )?;
    }
    let top = crate::bank::top_points(rubric).unwrap_or(0);
    let levels: Vec<u32> = rubric.iter().map(|l| l.points).collect();
    Ok(
        match ask_level(&levels, x.your_score, options, input, out)? {
            Ok(points) => Asked::SelfScored(points, top),
            Err(stop) => stop,
        },
    )
}

fn feedback(
    shown: &Shown<'_>,
    graded: &Grade,
    reason: Option<&str>,
    options: QuizOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (lang, style, x) = (options.lang, options.style, text(options.lang));
    let view = AnswerView::new(shown);
    let answer = answer_lines(&view, lang);
    if graded.right {
        writeln!(out, "{}", style.green(x.right))?;
    } else {
        say(
            out,
            style,
            &format!("{} {}", style.red(x.wrong), style.bold(&answer[0])),
        )?;
        // A match half right marks each pair, so the student sees which.
        let partial_match = matches!(view.solution, Solution::Pairs(_)) && graded.parts.0 > 0;
        for (written, line) in answer[1..].iter().enumerate() {
            // "  1. left → b) right": continued under the left text.
            let (marker, rest) = line.trim_start().split_once(' ').unwrap_or(("", line));
            let marker = if !partial_match {
                format!("  {marker}")
            } else if graded.wrong_parts.contains(&written) {
                format!("✗ {marker}")
            } else {
                format!("✓ {marker}")
            };
            item(out, style, &marker, rest)?;
        }
        // A cloze of several blanks marks each, so the student sees which
        // one was wrong ("(1) tués · (2) neutralisés" alone does not say).
        if let Solution::Gaps(gaps) = &view.solution
            && gaps.len() > 1
        {
            for (gap, forms) in gaps.iter().enumerate() {
                let mark = if graded.wrong_parts.contains(&gap) {
                    "✗"
                } else {
                    "✓"
                };
                let expected = crate::answer::first(forms);
                item(out, style, &format!("  {mark} ({})", gap + 1), expected)?;
            }
        }
        if graded.parts.1 > 1 && graded.parts.0 > 0 {
            let (right, of) = graded.parts;
            let partly = if right == 1 { x.partly.0 } else { x.partly.1 };
            writeln!(out, "  {right} {partly} {of}")?;
        }
    }
    for (typed, right) in &graded.slips {
        item(
            out,
            style,
            " ",
            &format!(
                "{} {}",
                x.spelling,
                lang.pick(
                    format!("«\u{a0}{typed}\u{a0}» → «\u{a0}{right}\u{a0}»"),
                    format!("“{typed}” → “{right}”")
                )
            ),
        )?;
    }
    for choice in graded.wrong_choices.iter().filter_map(|&w| view.choice(w)) {
        if let Some(why) = choice.feedback {
            item(
                out,
                style,
                "  ↳",
                // A dash, not a colon: a choice often holds a colon itself
                // ("Une : le porte-parole du CSP").
                &format!(
                    "{}) {} — {why}",
                    letters::lower(choice.position),
                    choice.text
                ),
            )?;
        }
    }
    let lead = if reason.is_some() {
        x.your_reason
    } else {
        x.why
    };
    say(
        out,
        style,
        &format!("{} {}", style.bold(lead), view.explanation),
    )?;
    for evidence in view.evidence {
        say(
            out,
            style,
            &format!("{} {}", style.dim(x.in_text), evidence_line(evidence, lang)),
        )?;
    }
    Ok(())
}

/// Writes a paragraph, wrapped to the terminal when there is one.
fn say(out: &mut dyn Write, style: Style, text: &str) -> io::Result<()> {
    writeln!(out, "{}", style.wrap(text))
}

/// Writes `text` after a `marker` such as `  a)` or `  ↳`, wrapped with its
/// continuation lines under the text, not under the marker.
fn item(out: &mut dyn Write, style: Style, marker: &str, text: &str) -> io::Result<()> {
    let indent = " ".repeat(marker.chars().count() + 1);
    writeln!(
        out,
        "{}",
        style.wrap_indented(&format!("{marker} {text}"), &indent)
    )
}

/// The answer of a missed question for the summary: for a match or an
/// order, the items themselves (a bare "5 2 4 1 3" says nothing a day later).
fn missed_answer(shown: &Shown<'_>, lang: Lang) -> Vec<String> {
    let mut lines = answer_lines(&AnswerView::new(shown), lang);
    match shown.question.shape() {
        Shape::Pairs { .. } | Shape::Ranked { .. } if lines.len() > 1 => {
            lines.remove(0);
            lines.iter().map(|l| l.trim_start().to_owned()).collect()
        }
        Shape::Choices { .. }
        | Shape::TrueFalse { .. }
        | Shape::Verdict { .. }
        | Shape::Text { .. }
        | Shape::Gaps { .. }
        | Shape::Pairs { .. }
        | Shape::Ranked { .. }
        | Shape::Rubric { .. }
        | Shape::Card { .. } => lines.into_iter().take(1).collect(),
    }
}

fn write_summary(summary: &Summary, options: QuizOptions, out: &mut dyn Write) -> io::Result<()> {
    let (lang, style, x) = (options.lang, options.style, text(options.lang));
    writeln!(out, "\n{}", style.bold(&format!("── {} ──", x.summary)))?;
    if summary.stopped {
        writeln!(out, "{}", x.stopped)?;
    }
    if summary.answered == 0 {
        writeln!(out, "{}", x.nothing)?;
        return Ok(());
    }
    let (earned, possible) = summary.points;
    let percent = crate::stats::percent(
        usize::try_from(earned).unwrap_or(0),
        usize::try_from(possible).unwrap_or(0),
    );
    let nbsp = if lang == Lang::Fr { "\u{a0}" } else { "" };
    writeln!(
        out,
        "{} {earned}/{possible} {} ({percent}{nbsp}%) · {}/{} {}",
        style.bold(x.score),
        x.points,
        summary.right,
        summary.answered,
        if summary.answered == 1 {
            x.all_right.0
        } else {
            x.all_right.1
        }
    )?;
    if summary.self_scored.1 > 0 {
        writeln!(
            out,
            "  {} {}/{} {}",
            x.self_scored, summary.self_scored.0, summary.self_scored.1, x.points
        )?;
    }
    // A score says what it covers: the questions answered, not the quiz.
    if summary.answered < summary.asked {
        let answered_of = if summary.answered == 1 {
            x.answered_of.0
        } else {
            x.answered_of.1
        };
        writeln!(
            out,
            "  {} {answered_of} {}",
            summary.answered, summary.asked
        )?;
    }
    writeln!(out, "{}", x.by_skill)?;
    for (skill, (earned, possible)) in &summary.by_skill {
        writeln!(
            out,
            "  {:<20} {earned}/{possible} {}",
            skill.label(lang),
            x.points
        )?;
    }
    if !summary.missed.is_empty() {
        writeln!(out, "{}", x.to_review)?;
        for missed in &summary.missed {
            item(out, style, &format!("  {}.", missed.number), &missed.prompt)?;
            for line in &missed.answer {
                item(out, style, "     →", line)?;
            }
        }
    }
    if summary.retried.1 > 0 {
        writeln!(
            out,
            "{} {}/{}",
            x.retry_score, summary.retried.0, summary.retried.1
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::select::Seed;

    fn options(style: Style) -> QuizOptions {
        QuizOptions {
            lang: Lang::Fr,
            retry: false,
            style,
            echo: false,
        }
    }

    #[test]
    fn a_narrow_terminal_never_gets_a_word_split_and_feedback_continues_indented() {
        let bank = crate::check::load_bank(None).unwrap();
        let mut rng = Seed(2).rng();
        let style = Style::narrow(40);
        let mut out = Vec::new();
        for question in &bank.questions {
            let shown = Shown::shuffle(question, &mut rng);
            ask(&shown, "Q", options(style), &mut &b""[..], &mut out).unwrap();
            let wrong: Vec<usize> = match question.shape() {
                Shape::Choices { choices: c, .. } => (0..c.options.len())
                    .filter(|w| !c.correct.contains(w) && c.feedback[*w].is_some())
                    .collect(),
                _ => continue,
            };
            let graded = Grade {
                right: false,
                parts: (0, 1),
                slips: Vec::new(),
                wrong_choices: wrong,
                wrong_parts: Vec::new(),
            };
            feedback(&shown, &graded, None, options(style), &mut out).unwrap();
        }
        let transcript = String::from_utf8(out).unwrap();
        assert!(transcript.contains(" bombardements"), "the word is whole");
        let mut in_feedback = false;
        let mut continued = 0;
        for line in transcript.lines() {
            assert!(
                line.chars().count() <= 40 || !line.trim().contains(' '),
                "too wide: {line}"
            );
            if line.starts_with("  ↳ ") {
                in_feedback = true;
            } else if in_feedback && line.starts_with("    ") {
                continued += 1;
            } else {
                in_feedback = false;
            }
        }
        assert!(continued > 0, "a long ↳ line continues under its text");
    }
}
