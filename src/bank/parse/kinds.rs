//! Per-type rules: what each question type reads and checks.

use serde_yaml::{Mapping, Value};

use super::super::outline::ItemLines;
use super::super::{Choices, Kind, QuestionType, Verdict};
use super::cloze::parse_cloze;
use super::fields::{MAX_CHOICES, Reader, count, not_a_choice, show};

/// Reads the fields of a question's own type (see [`crate::bank::format::TYPES`]).
pub(super) fn read_kind(
    reader: &mut Reader<'_>,
    map: &mut Mapping,
    qtype: QuestionType,
    lines: &ItemLines,
) -> Option<Kind> {
    let at = |key: &str| lines.key(key);
    let why = |t: QuestionType| format!("type `{t}` needs it");
    match qtype {
        QuestionType::Single | QuestionType::Multi => {
            let prompt = reader.required_text(map, "prompt", lines, &why(qtype));
            let choices = reader.choices(map, lines);
            let keep_order = reader.flag(map, "keep_order", at("keep_order"));
            let correct = match qtype {
                QuestionType::Single => {
                    let answer = reader.required_text(
                        map,
                        "answer",
                        lines,
                        "write the right choice, exactly as in `choices`",
                    );
                    match (&answer, &choices) {
                        (Some(answer), Some(choices)) => {
                            let found = choices.iter().position(|c| c == answer);
                            if found.is_none() {
                                reader.error(at("answer"), not_a_choice("answer", answer, choices));
                            }
                            found.map(|i| vec![i])
                        }
                        _ => None,
                    }
                }
                _ => reader.answers(map, lines, choices.as_deref()),
            };
            let feedback = reader.feedback(map, lines, choices.as_deref(), correct.as_deref());
            Some(Kind::choices(
                qtype,
                Choices {
                    prompt: prompt?,
                    options: choices?,
                    correct: correct?,
                    keep_order,
                    feedback: feedback?,
                },
            ))
        }
        QuestionType::TrueFalse => {
            let prompt = reader.required_text(map, "prompt", lines, &why(qtype));
            let answer = match map.remove("answer") {
                Some(Value::Bool(b)) => Some(b),
                None => {
                    reader.error(
                        lines.line,
                        "missing `answer`: write `answer: true` or `answer: false`",
                    );
                    None
                }
                Some(other) => {
                    reader.error(
                        at("answer"),
                        format!(
                            "`answer` of a true/false question must be `true` or `false`, not `{}`",
                            show(&other)
                        ),
                    );
                    None
                }
            };
            Some(Kind::TrueFalse {
                prompt: prompt?,
                answer: answer?,
            })
        }
        QuestionType::Claim => {
            let prompt = reader.required_text(map, "prompt", lines, &why(qtype));
            let answer = reader.named::<Verdict>(map, "answer", at("answer"), true);
            Some(Kind::Claim {
                prompt: prompt?,
                answer: answer?,
            })
        }
        QuestionType::Short => {
            let prompt = reader.required_text(map, "prompt", lines, &why(qtype));
            let answer = reader.required_text(
                map,
                "answer",
                lines,
                "write the expected answer; add other accepted forms under `accept`",
            );
            let accept = reader.texts(map, "accept", lines).unwrap_or_default();
            Some(Kind::Short {
                prompt: prompt?,
                answer: answer?,
                accept,
            })
        }
        QuestionType::Cloze => {
            let prompt = reader.text(map, "prompt", at("prompt"));
            let text = reader.required_text(
                map,
                "text",
                lines,
                "write the text with each gap as `{{answer}}`",
            )?;
            match parse_cloze(&text) {
                Ok(segments) => Some(Kind::Cloze { prompt, segments }),
                Err(message) => {
                    reader.error(at("text"), message);
                    None
                }
            }
        }
        QuestionType::Match => {
            let prompt = reader.required_text(map, "prompt", lines, &why(qtype));
            let pairs = reader.pairs(map, lines);
            Some(Kind::Match {
                prompt: prompt?,
                pairs: pairs?,
            })
        }
        QuestionType::Order => {
            let prompt = reader.required_text(map, "prompt", lines, &why(qtype));
            let items = reader.texts(map, "items", lines);
            let items = match items {
                None => {
                    if !reader.was_reported(at("items")) {
                        reader.error(
                            lines.line,
                            "missing `items`: list 3 to 8 items in the right order",
                        );
                    }
                    None
                }
                Some(items) if !(3..=MAX_CHOICES).contains(&items.len()) => {
                    reader.error(
                        at("items"),
                        format!(
                            "`items` has {}: an order question needs 3 to 8",
                            count(items.len(), "item")
                        ),
                    );
                    None
                }
                Some(items) => {
                    let ok = reader.no_repeats(&items, "items", lines);
                    ok.then_some(items)
                }
            };
            Some(Kind::Order {
                prompt: prompt?,
                items: items?,
            })
        }
        QuestionType::Card => {
            let front = reader.required_text(
                map,
                "front",
                lines,
                "a card needs a `front` (the question side)",
            );
            let back = reader.required_text(
                map,
                "back",
                lines,
                "a card needs a `back` (the answer side)",
            );
            Some(Kind::Card {
                front: front?,
                back: back?,
            })
        }
        QuestionType::Open => {
            let prompt = reader.required_text(map, "prompt", lines, &why(qtype));
            let answer = reader.required_text(
                map,
                "answer",
                lines,
                "write a model answer, what a full-marks answer says",
            );
            // The rubric is read with the common fields and put in by the caller.
            Some(Kind::Open {
                prompt: prompt?,
                answer: answer?,
                rubric: Vec::new(),
            })
        }
    }
}

impl Kind {
    fn choices(qtype: QuestionType, choices: Choices) -> Kind {
        if qtype == QuestionType::Multi {
            Kind::Multi(choices)
        } else {
            Kind::Single(choices)
        }
    }
}
