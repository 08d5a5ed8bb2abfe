//! The whole bank, resolved, for other programs: ids, answers as text,
//! quotes with their paragraph. The shape is documented in
//! `docs/export-json.md` and described by `docs/export.schema.json`.

use serde::Serialize;

use super::{Input, Output, bank_id, question_uid};
use crate::bank::{Question, Segment, Shape, name_of};
use crate::error::Result;

/// The version of the JSON shape: raised when a field changes meaning or
/// goes away (new fields keep it).
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Export<'a> {
    format_version: u32,
    bank: BankInfo<'a>,
    /// The seed that drew the questions (`-n`), or null for every question.
    seed: Option<u64>,
    questions: Vec<QuestionOut<'a>>,
}

#[derive(Serialize)]
struct BankInfo<'a> {
    id: String,
    title: &'a str,
    language: &'static str,
    source: Source<'a>,
}

#[derive(Serialize)]
struct Source<'a> {
    file: &'a str,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    date: Option<&'a str>,
}

#[derive(Serialize)]
struct Choice<'a> {
    text: &'a str,
    correct: bool,
    feedback: Option<&'a str>,
}

#[derive(Serialize)]
struct Quote<'a> {
    quote: &'a str,
    paragraph: Option<usize>,
}

/// A question's answer, by shape; its `type` (the kind) is written before it.
#[derive(Serialize)]
#[serde(untagged)]
enum Body<'a> {
    Choices {
        prompt: &'a str,
        choices: Vec<Choice<'a>>,
        keep_order: bool,
    },
    TrueFalse {
        prompt: &'a str,
        answer: bool,
    },
    Verdict {
        prompt: &'a str,
        answer: String,
    },
    Text {
        prompt: &'a str,
        answer: &'a str,
        accept: &'a [String],
    },
    Gaps {
        prompt: Option<&'a str>,
        /// The text with each gap as `{{n}}` (1-based).
        text: String,
        /// Accepted forms of each gap, the expected one first.
        gaps: Vec<&'a [String]>,
    },
    Pairs {
        prompt: &'a str,
        pairs: Vec<[&'a str; 2]>,
    },
    Ranked {
        prompt: &'a str,
        items: &'a [String],
    },
    Card {
        front: &'a str,
        back: &'a str,
    },
    /// Scored by hand with `rubric`.
    Rubric {
        prompt: &'a str,
        answer: &'a str,
    },
}

#[derive(Serialize)]
struct QuestionOut<'a> {
    id: &'a str,
    uid: String,
    skill: String,
    difficulty: u8,
    tags: &'a [String],
    justify: bool,
    /// The question's type, as the bank writes it.
    #[serde(rename = "type")]
    kind: String,
    #[serde(flatten)]
    body: Body<'a>,
    /// An open question's scoring levels, or a justification's.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    rubric: &'a [crate::bank::RubricLevel],
    explanation: &'a str,
    evidence: Vec<Quote<'a>>,
}

fn choices(c: &crate::bank::Choices) -> Vec<Choice<'_>> {
    c.options
        .iter()
        .enumerate()
        .map(|(i, text)| Choice {
            text,
            correct: c.correct.contains(&i),
            feedback: c.feedback.get(i).and_then(Option::as_deref),
        })
        .collect()
}

fn body(question: &Question) -> Body<'_> {
    match question.shape() {
        Shape::Choices { choices: c, .. } => Body::Choices {
            prompt: &c.prompt,
            choices: choices(c),
            keep_order: c.keep_order,
        },
        Shape::TrueFalse { prompt, answer } => Body::TrueFalse { prompt, answer },
        Shape::Verdict { prompt, answer } => Body::Verdict {
            prompt,
            answer: name_of(&answer),
        },
        Shape::Text {
            prompt,
            answer,
            accept,
        } => Body::Text {
            prompt,
            answer,
            accept,
        },
        Shape::Gaps { prompt, segments } => {
            let mut text = String::new();
            let mut gaps = Vec::new();
            for segment in segments {
                match segment {
                    Segment::Text(t) => text.push_str(t),
                    Segment::Gap(forms) => {
                        gaps.push(forms.as_slice());
                        text.push_str(&format!("{{{{{}}}}}", gaps.len()));
                    }
                }
            }
            Body::Gaps { prompt, text, gaps }
        }
        Shape::Pairs { prompt, pairs } => Body::Pairs {
            prompt,
            pairs: pairs
                .iter()
                .map(|(l, r)| [l.as_str(), r.as_str()])
                .collect(),
        },
        Shape::Ranked { prompt, items } => Body::Ranked { prompt, items },
        Shape::Card { front, back } => Body::Card { front, back },
        Shape::Rubric { prompt, answer, .. } => Body::Rubric { prompt, answer },
    }
}

/// Exports `input` as pretty JSON.
pub(super) fn export(input: &Input<'_>) -> Result<Output> {
    let bank = input.bank;
    let export = Export {
        format_version: FORMAT_VERSION,
        bank: BankInfo {
            id: bank_id(bank),
            title: &bank.title,
            language: bank.language.tag(),
            source: Source {
                file: &bank.source.file,
                title: bank.source.title.as_deref(),
                outlet: bank.source.outlet.as_deref(),
                date: bank.source.date.as_deref(),
            },
        },
        seed: input.seed.map(|s| s.0),
        questions: input
            .questions
            .iter()
            .map(|q| QuestionOut {
                id: &q.id,
                uid: question_uid(bank, q),
                skill: name_of(&q.skill),
                difficulty: q.difficulty,
                tags: &q.tags,
                justify: q.justify,
                kind: q.question_type().to_string(),
                body: body(q),
                rubric: q.rubric(),
                explanation: &q.explanation,
                evidence: q
                    .evidence
                    .iter()
                    .map(|e| Quote {
                        quote: &e.quote,
                        paragraph: e.paragraph,
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut bytes = serde_json::to_vec_pretty(&export).map_err(std::io::Error::from)?;
    bytes.push(b'\n');
    Ok(Output {
        bytes,
        skipped: Vec::new(),
    })
}
