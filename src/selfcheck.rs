//! The offline self-check page: the quiz in one HTML file that works on any
//! phone with no network (`mediaquiz export --format html`).
//!
//! The page is the article (rendered by askama, so escaped like every sheet),
//! the questions as data, and a script written for the page that draws them,
//! grades them with the console quiz's rules (`templates/selfcheck.js` ports
//! [`crate::grade::text_matches`]; both run `tests/fixtures/grading-cases.json`)
//! and keeps progress in `localStorage`.
//!
//! Three things keep the file safe and reproducible:
//! - the questions travel as JSON inside `<script type="application/json">`,
//!   with `<`, `>`, `&`, U+2028 and U+2029 written as `\uXXXX`, so no bank text
//!   can close the element or open a comment ([`json_for_script`]);
//! - a Content-Security-Policy forbids every network source and allows only
//!   the page's own style and script, by their SHA-256 hash;
//! - the input is already shuffled ([`Shown`]) and nothing reads a clock or a
//!   hash map: the same seed gives the same bytes.

use std::fmt;

use askama::Template;
use base64::Engine;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::answer::AnswerView;
use crate::bank::{Bank, Lang, Partial, Segment, Shape, Verdict};
use crate::error::Result;
use crate::i18n::typography;
use crate::select::{Seed, Shown};

/// The page's style sheet, inlined (and allowed by its hash).
const STYLE: &str = include_str!("../templates/selfcheck.css");
/// The page's script, inlined (and allowed by its hash).
const SCRIPT: &str = include_str!("../templates/selfcheck.js");

/// Text written into the page as is: only this module's own code and JSON
/// already escaped for a `<script>` element ever get this type.
struct Embedded(String);

impl fmt::Display for Embedded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl askama::filters::HtmlSafe for Embedded {}

#[derive(Template)]
#[template(path = "selfcheck.html")]
struct Page<'a> {
    ui: &'static str,
    content: &'static str,
    t: &'static Shell,
    title: String,
    source: String,
    article: Vec<Paragraph>,
    seed: Seed,
    remake: &'a str,
    csp: String,
    style: Embedded,
    script: Embedded,
    data: Embedded,
}

/// One block of the article.
struct Paragraph {
    /// `Some(n)` for §n, `None` for a subheading.
    number: Option<usize>,
    text: String,
}

/// The few strings the HTML shell prints before the script runs.
struct Shell {
    article: &'static str,
    questions: &'static str,
    noscript: &'static str,
    seed: &'static str,
    remake: &'static str,
    source: &'static str,
    colon: &'static str,
}

const SHELL_FR: Shell = Shell {
    article: "L’article",
    questions: "Questions",
    noscript: "Cette page a besoin de JavaScript pour poser les questions. L’article reste lisible ci-dessus.",
    seed: "Graine",
    remake: "Pour refaire cette page :",
    source: "Source",
    colon: "\u{A0}:",
};

const SHELL_EN: Shell = Shell {
    article: "The article",
    questions: "Questions",
    noscript: "This page needs JavaScript to ask the questions. The article above can still be read.",
    seed: "Seed",
    remake: "To make this page again:",
    source: "Source",
    colon: ":",
};

/// The interface strings the script uses, in the interface language.
#[derive(Serialize)]
struct Ui {
    check: &'static str,
    right: &'static str,
    wrong: &'static str,
    partly: &'static str,
    answer: &'static str,
    why: &'static str,
    in_article: &'static str,
    you_chose: &'static str,
    slip: &'static str,
    empty: &'static str,
    justify: &'static str,
    model: &'static str,
    reveal: &'static str,
    knew: &'static str,
    missed_card: &'static str,
    rate: &'static str,
    /// Open questions: the rubric heading, the self-score prompt, the points unit.
    rubric: &'static str,
    score_yourself: &'static str,
    /// Justifications: the self-score prompt, and the two levels used when
    /// the question has no rubric (1, then 0).
    score_reasoning: &'static str,
    reasoning_levels: [&'static str; 2],
    pts: &'static str,
    up: &'static str,
    down: &'static str,
    moved: &'static str,
    gap: &'static str,
    pick: &'static str,
    previous: &'static str,
    next: &'static str,
    one_by_one: &'static str,
    all_at_once: &'static str,
    start_over: &'static str,
    confirm_over: &'static str,
    results: &'static str,
    see_results: &'static str,
    score: &'static str,
    /// "points over N questions answered", "not started".
    points: &'static str,
    answered: &'static str,
    not_started: &'static str,
    by_skill: &'static str,
    to_review: &'static str,
    all_right: &'static str,
    retry: &'static str,
    retrying: &'static str,
    question: &'static str,
    of: &'static str,
    true_: &'static str,
    false_: &'static str,
    verdicts: [&'static str; 3],
    subheading: &'static str,
    percent: &'static str,
    open_quote: &'static str,
    close_quote: &'static str,
    colon: &'static str,
}

const UI_FR: Ui = Ui {
    check: "Vérifier",
    right: "✓ Juste\u{202F}!",
    wrong: "✗ Pas tout à fait.",
    partly: "parties justes",
    answer: "La réponse",
    why: "Pourquoi",
    in_article: "Dans l’article",
    you_chose: "Vous avez choisi",
    slip: "Compté juste, mais l’orthographe est",
    empty: "Répondez d’abord (choisissez ou tapez une réponse).",
    justify: "Justifiez votre réponse en une phrase",
    model: "Justification attendue, à comparer avec la vôtre",
    reveal: "Voir la réponse",
    knew: "Je savais",
    missed_card: "Je ne savais pas",
    rate: "Le saviez-vous\u{202F}?",
    rubric: "Barème",
    score_yourself: "Votre note selon le barème",
    score_reasoning: "Notez votre justification selon le barème",
    reasoning_levels: [
        "elle dit l’essentiel de la justification attendue",
        "elle ne le dit pas",
    ],
    pts: "pt",
    up: "Monter",
    down: "Descendre",
    moved: "maintenant en position",
    gap: "Trou",
    pick: "— choisir —",
    previous: "← Précédente",
    next: "Suivante →",
    one_by_one: "Une question à la fois",
    all_at_once: "Toutes les questions",
    start_over: "Tout recommencer",
    confirm_over: "Effacer vos réponses et tout recommencer\u{202F}?",
    results: "Bilan",
    see_results: "Voir le bilan",
    score: "Score",
    points: "points sur",
    answered: "questions répondues",
    not_started: "non commencées",
    by_skill: "Par compétence",
    to_review: "À revoir",
    all_right: "Tout est juste. Bravo\u{202F}!",
    retry: "Refaire les questions manquées",
    retrying: "Nouvel essai des questions manquées, dans un autre ordre.",
    question: "Question",
    of: "sur",
    true_: "Vrai",
    false_: "Faux",
    verdicts: ["Affirmé", "Contredit", "Non mentionné"],
    subheading: "intertitre",
    percent: "\u{A0}%",
    open_quote: "«\u{A0}",
    close_quote: "\u{A0}»",
    colon: "\u{A0}:",
};

const UI_EN: Ui = Ui {
    check: "Check",
    right: "✓ Right!",
    wrong: "✗ Not quite.",
    partly: "parts right",
    answer: "The answer",
    why: "Why",
    in_article: "In the article",
    you_chose: "You chose",
    slip: "Counted right, but it is spelt",
    empty: "Answer first (pick or type an answer).",
    justify: "Justify your answer in one sentence",
    model: "Expected reasoning, to compare with yours",
    reveal: "Show the answer",
    knew: "I knew it",
    missed_card: "I did not know",
    rate: "Did you know it?",
    rubric: "Rubric",
    score_yourself: "Your score by the rubric",
    score_reasoning: "Score your reasoning by the rubric",
    reasoning_levels: ["it says what the expected reasoning says", "it does not"],
    pts: "pt",
    up: "Move up",
    down: "Move down",
    moved: "now in position",
    gap: "Blank",
    pick: "— choose —",
    previous: "← Previous",
    next: "Next →",
    one_by_one: "One question at a time",
    all_at_once: "All the questions",
    start_over: "Start over",
    confirm_over: "Clear your answers and start over?",
    results: "Results",
    see_results: "See the results",
    score: "Score",
    points: "points over",
    answered: "questions answered",
    not_started: "not started",
    by_skill: "By skill",
    to_review: "To review",
    all_right: "All right. Well done!",
    retry: "Try the missed ones again",
    retrying: "Trying the missed questions again, in a new order.",
    question: "Question",
    of: "of",
    true_: "True",
    false_: "False",
    verdicts: ["Supported", "Contradicted", "Not stated"],
    subheading: "subheading",
    percent: "%",
    open_quote: "“",
    close_quote: "”",
    colon: ":",
};

/// Everything the script reads, as one JSON object.
#[derive(Serialize)]
struct Data<'a> {
    bank: String,
    /// A string: JavaScript numbers lose digits past 2^53.
    seed: String,
    lang: &'static str,
    ui: &'a Ui,
    questions: Vec<QuestionData>,
}

/// One question as the script draws and grades it; lists are in shown order.
#[derive(Serialize)]
struct QuestionData {
    id: String,
    skill: &'static str,
    /// The instruction or question (empty for a cloze without one).
    prompt: String,
    /// How the question is named in the review list: the prompt, or the
    /// cloze text with blanks.
    title: String,
    #[serde(flatten)]
    body: Body,
    answer: String,
    explanation: String,
    evidence: Vec<Quote>,
    justify: bool,
    /// Points of the answer, and how a wrong one still earns some
    /// (`docs/scoring.md`; the script's `earned` applies it).
    points: u32,
    partial: Partial,
    /// Points of the justification (0 when none is asked), scored by the
    /// student.
    why_points: u32,
    /// The rubric of a justification, highest level first (empty: none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    rubric: Vec<(u32, String)>,
}

/// An evidence quote and its paragraph.
#[derive(Serialize)]
struct Quote {
    text: String,
    paragraph: Option<usize>,
}

/// What a question asks, by type, with what grading needs.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum Body {
    /// One or several right choices; `correct` are shown positions.
    Choices {
        multi: bool,
        choices: Vec<String>,
        correct: Vec<usize>,
        feedback: Vec<Option<String>>,
    },
    /// True or false.
    Truefalse { correct: bool },
    /// A verdict: 0 supported, 1 contradicted, 2 not stated.
    Claim { correct: usize },
    /// Typed text, each gap (one for a short answer) with its accepted forms;
    /// `parts` interleave text and gaps for cloze.
    Text {
        parts: Vec<Part>,
        gaps: Vec<Vec<String>>,
    },
    /// For each left item, the shown position of its right-hand partner.
    Match {
        left: Vec<String>,
        right: Vec<String>,
        correct: Vec<usize>,
    },
    /// `rank[i]`: the right rank (0-based) of the item shown in place `i`.
    Order {
        items: Vec<String>,
        rank: Vec<usize>,
    },
    /// A flashcard: reveal the back, then rate oneself.
    Card { back: String },
    /// An open question: write, reveal the model answer and the rubric,
    /// then score oneself at one of its levels (`rubric`: points, criterion).
    Open {
        rubric: Vec<(u32, String)>,
        top: u32,
    },
}

/// A piece of cloze text: either words, or the index of a gap.
#[derive(Serialize)]
#[serde(untagged)]
enum Part {
    Text(String),
    Gap(usize),
}

fn question_data(shown: &Shown<'_>, ui: Lang, content: Lang) -> QuestionData {
    let q = shown.question;
    let typo = |s: &str| typography(content, s);
    let shown_list =
        |list: &[String]| -> Vec<String> { shown.order.iter().map(|&i| typo(&list[i])).collect() };
    let body = match q.shape() {
        Shape::Choices {
            choices: c,
            several,
        } => Body::Choices {
            multi: several,
            choices: shown_list(&c.options),
            correct: shown.correct_positions(),
            feedback: shown
                .order
                .iter()
                .map(|&i| c.feedback.get(i).cloned().flatten().map(|f| typo(&f)))
                .collect(),
        },
        Shape::TrueFalse { answer, .. } => Body::Truefalse { correct: answer },
        Shape::Verdict { answer, .. } => Body::Claim {
            correct: Verdict::ALL.iter().position(|&v| v == answer).unwrap_or(0),
        },
        Shape::Text { answer, accept, .. } => Body::Text {
            parts: vec![Part::Gap(0)],
            gaps: vec![
                std::iter::once(answer.to_owned())
                    .chain(accept.iter().cloned())
                    .collect(),
            ],
        },
        Shape::Gaps { segments, .. } => {
            let mut parts = Vec::new();
            let mut gaps = Vec::new();
            for segment in segments {
                match segment {
                    Segment::Text(text) => parts.push(Part::Text(typo(text))),
                    Segment::Gap(forms) => {
                        parts.push(Part::Gap(gaps.len()));
                        gaps.push(forms.clone());
                    }
                }
            }
            Body::Text { parts, gaps }
        }
        Shape::Pairs { pairs, .. } => Body::Match {
            left: pairs.iter().map(|(l, _)| typo(l)).collect(),
            right: shown.order.iter().map(|&i| typo(&pairs[i].1)).collect(),
            correct: (0..pairs.len())
                .map(|left| shown.order.iter().position(|&o| o == left).unwrap_or(0))
                .collect(),
        },
        Shape::Ranked { items, .. } => Body::Order {
            items: shown_list(items),
            rank: shown.order.clone(),
        },
        Shape::Card { back, .. } => Body::Card { back: typo(back) },
        Shape::Rubric { rubric, .. } => Body::Open {
            rubric: sorted_rubric(rubric, content),
            top: crate::bank::top_points(rubric).unwrap_or(0),
        },
    };
    let prompt = match q.shape() {
        Shape::Gaps { prompt, .. } => prompt.unwrap_or_default().to_owned(),
        Shape::Choices { .. }
        | Shape::TrueFalse { .. }
        | Shape::Verdict { .. }
        | Shape::Text { .. }
        | Shape::Pairs { .. }
        | Shape::Ranked { .. }
        | Shape::Rubric { .. }
        | Shape::Card { .. } => q.prompt(),
    };
    QuestionData {
        id: q.id.clone(),
        skill: q.skill.label(ui),
        prompt: typo(&prompt),
        title: typo(&q.prompt()),
        body,
        answer: typo(&AnswerView::new(shown).words(ui)),
        explanation: typo(&q.explanation),
        evidence: q
            .evidence
            .iter()
            .map(|e| Quote {
                text: typo(&e.quote),
                paragraph: e.paragraph,
            })
            .collect(),
        justify: q.justify,
        points: q.answer_points(),
        partial: q.partial(),
        why_points: q.justification_points(),
        rubric: if matches!(q.shape(), Shape::Rubric { .. }) {
            Vec::new()
        } else {
            sorted_rubric(&q.rubric, content)
        },
    }
}

/// A rubric's levels, highest first, criteria typeset.
fn sorted_rubric(rubric: &[crate::bank::RubricLevel], lang: Lang) -> Vec<(u32, String)> {
    let mut levels: Vec<(u32, String)> = rubric
        .iter()
        .map(|l| (l.points, typography(lang, &l.criterion)))
        .collect();
    levels.sort_by_key(|l| std::cmp::Reverse(l.0));
    levels
}

/// JSON that can sit inside `<script type="application/json">`: `<`, `>` and
/// `&` as `\u003c`…, so neither `</script>` nor `<!--` can appear, and the
/// line separators U+2028/U+2029 escaped for older JavaScript parsers.
pub fn json_for_script<T: Serialize>(value: &T) -> Result<String> {
    let json = serde_json::to_string(value).map_err(std::io::Error::other)?;
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// The CSP source allowing exactly this inline text: `'sha256-…'`.
fn hash_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The self-check page for `questions` (already selected and shuffled from
/// `seed`), its interface in `lang`, with `remake` printed at the bottom as
/// the command that makes it again.
pub fn page(
    bank: &Bank,
    questions: &[Shown<'_>],
    lang: Lang,
    seed: Seed,
    remake: &str,
) -> Result<Vec<u8>> {
    let content = bank.language;
    let ui = lang.pick(&UI_FR, &UI_EN);
    let data = Data {
        bank: bank.id.clone(),
        seed: seed.to_string(),
        lang: content.tag(),
        ui,
        questions: questions
            .iter()
            .map(|s| question_data(s, lang, content))
            .collect(),
    };
    let source = bank
        .citation_under_title()
        .unwrap_or_else(|| bank.source.file.clone());
    let csp = format!(
        "default-src 'none'; script-src {}; style-src {}; img-src 'none'; base-uri 'none'; form-action 'none'",
        hash_source(SCRIPT),
        hash_source(STYLE)
    );
    let page = Page {
        ui: lang.tag(),
        content: content.tag(),
        t: lang.pick(&SHELL_FR, &SHELL_EN),
        title: typography(content, &bank.title),
        source: typography(content, &source),
        article: bank
            .article
            .paragraphs()
            .iter()
            .skip(bank.article_title_lines())
            .map(|p| Paragraph {
                number: p.number,
                text: typography(content, &p.text),
            })
            .collect(),
        seed,
        remake,
        csp,
        style: Embedded(STYLE.to_owned()),
        script: Embedded(SCRIPT.to_owned()),
        data: Embedded(json_for_script(&data)?),
    };
    Ok(page.render().map_err(std::io::Error::other)?.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_json_cannot_close_its_element() {
        let json = json_for_script(&"</script><!-- & \u{2028}").unwrap();
        assert_eq!(json, r#""\u003c/script\u003e\u003c!-- \u0026 \u2028""#);
        let back: String = serde_json::from_str(&json).unwrap();
        assert_eq!(back, "</script><!-- & \u{2028}");
    }

    proptest::proptest! {
        /// Whatever a bank says, its JSON cannot end the script element, open
        /// a comment or break a line for JavaScript, and reads back the same.
        #[test]
        fn any_text_is_embedded_safely(text in "(\\PC|[<>&/!\u{2028}\u{2029}-])*") {
            let json = json_for_script(&text).unwrap();
            for raw in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
                proptest::prop_assert!(!json.contains(raw));
            }
            let back: String = serde_json::from_str(&json).unwrap();
            proptest::prop_assert_eq!(back, text);
        }
    }

    #[test]
    fn the_hash_is_the_csp_form_of_sha256() {
        // echo -n 'x' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            hash_source("x"),
            "'sha256-LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE='"
        );
    }
}
