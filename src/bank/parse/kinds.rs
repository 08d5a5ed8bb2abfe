//! Per-type rules: what each question type reads and checks.

use serde_yaml::{Mapping, Value};

use super::super::outline::ItemLines;
use super::super::{Choices, Kind, QuestionType, Verdict};
use super::cloze::parse_cloze;
use super::fields::{MAX_CHOICES, Reader, contains, count, not_a_choice, show};
use crate::i18n::tr;

/// Reads the fields of a question's own type (see [`crate::bank::format::TYPES`]).
pub(super) fn read_kind(
    reader: &mut Reader<'_>,
    map: &mut Mapping,
    qtype: QuestionType,
    lines: &ItemLines,
) -> Option<Kind> {
    let at = |key: &str| lines.key(key);
    let lang = reader.lang();
    let why = |t: QuestionType| tr!(lang, "le type `{t}` en a besoin", "type `{t}` needs it");
    match qtype {
        QuestionType::Single | QuestionType::Multi => {
            let prompt = reader.required_text(map, "prompt", lines, &why(qtype));
            let choices = reader.choices(map, lines);
            let keep_order = reader.flag(map, "keep_order", at("keep_order"));
            let correct = if qtype == QuestionType::Single {
                let answer = reader.required_text(
                    map,
                    "answer",
                    lines,
                    lang.pick(
                        "écrivez le bon choix, exactement comme dans `choices`",
                        "write the right choice, exactly as in `choices`",
                    ),
                );
                match (&answer, &choices) {
                    (Some(answer), Some(choices)) => {
                        let found = choices.iter().position(|c| c == answer);
                        if found.is_none() {
                            reader
                                .error(at("answer"), not_a_choice(lang, "answer", answer, choices));
                        }
                        found.map(|i| vec![i])
                    }
                    _ => None,
                }
            } else {
                reader.answers(map, lines, choices.as_deref())
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
                        tr!(
                            lang,
                            "`answer` manquant\u{a0}: écrivez `answer: true` ou `answer: false`",
                            "missing `answer`: write `answer: true` or `answer: false`",
                        ),
                    );
                    None
                }
                Some(other) => {
                    let shown = show(&other, lang);
                    reader.error(
                        at("answer"),
                        tr!(
                            lang,
                            "`answer` d’une question vrai/faux vaut `true` ou `false`, pas `{shown}`",
                            "`answer` of a true/false question must be `true` or `false`, not `{shown}`",
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
                lang.pick(
                    "écrivez la réponse attendue\u{a0}; ajoutez les autres formes acceptées sous `accept`",
                    "write the expected answer; add other accepted forms under `accept`",
                ),
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
                lang.pick(
                    "écrivez le texte, chaque trou noté `{{réponse}}`",
                    "write the text with each gap as `{{answer}}`",
                ),
            )?;
            match parse_cloze(&text, lang) {
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
            // Absent is reported here, unreadable by `texts` (see `choices`).
            let present = contains(map, "items");
            let items = reader.texts(map, "items", lines);
            let items = match items {
                None => {
                    if !present {
                        reader.error(
                            lines.line,
                            tr!(
                                lang,
                                "`items` manquant\u{a0}: donnez de 3 à 8 éléments, dans le bon ordre",
                                "missing `items`: list 3 to 8 items in the right order",
                            ),
                        );
                    }
                    None
                }
                Some(items) if !(3..=MAX_CHOICES).contains(&items.len()) => {
                    let has = count(
                        lang,
                        items.len(),
                        ("élément", "éléments"),
                        ("item", "items"),
                    );
                    reader.error(
                        at("items"),
                        tr!(
                            lang,
                            "`items` a {has}\u{a0}: une question order en demande de 3 à 8",
                            "`items` has {has}: an order question needs 3 to 8",
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
                lang.pick(
                    "une fiche a besoin d’un recto `front` (le côté question)",
                    "a card needs a `front` (the question side)",
                ),
            );
            let back = reader.required_text(
                map,
                "back",
                lines,
                lang.pick(
                    "une fiche a besoin d’un verso `back` (le côté réponse)",
                    "a card needs a `back` (the answer side)",
                ),
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
                lang.pick(
                    "écrivez une réponse modèle, ce que dit une réponse qui a tous les points",
                    "write a model answer, what a full-marks answer says",
                ),
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
