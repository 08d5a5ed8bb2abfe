//! The bank format, declared once: every field of a bank and of each question
//! type, whether it is required, and how its value is written.
//!
//! The parser asks this table which fields a type uses (so "field not used by
//! this type" cannot drift from the types), and a JSON Schema or a `draft`
//! writer can be derived from it. [`question_value`] writes a question back as
//! YAML in this format; the round-trip property test holds parser and writer
//! to the same table.

use serde_yaml::{Mapping, Value};

use super::{Kind, Question, Segment, name_of};

/// How a field's value is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Text.
    Text,
    /// A name of lower-case letters, digits and hyphens (`[a-z0-9-]+`).
    Id,
    /// A list of texts (a single text is taken as a list of one).
    Texts,
    /// `true` or `false`.
    Flag,
    /// A whole number from `min` to `max`, without quotes.
    Number {
        /// Smallest value.
        min: u64,
        /// Largest value.
        max: u64,
    },
    /// One of a fixed set of names.
    Name(&'static [&'static str]),
    /// `[[left, right], ...]`.
    Pairs,
    /// A wrong choice mapped to why it is wrong.
    Feedback,
    /// A list of levels `{points, criterion}`.
    Rubric,
    /// The `source:` block.
    Source,
    /// The `questions:` list.
    Questions,
}

/// One field of the format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The key as written in YAML.
    pub name: &'static str,
    /// How its value is written.
    pub shape: Shape,
    /// Whether it must be given.
    pub required: bool,
    /// What it holds, in one line.
    pub doc: &'static str,
}

const fn req(name: &'static str, shape: Shape, doc: &'static str) -> Field {
    Field {
        name,
        shape,
        required: true,
        doc,
    }
}

const fn opt(name: &'static str, shape: Shape, doc: &'static str) -> Field {
    Field {
        name,
        shape,
        required: false,
        doc,
    }
}

/// What one question type reads, beyond [`COMMON`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeFormat {
    /// The type as written in `type:`.
    pub name: &'static str,
    /// Its own fields.
    pub fields: &'static [Field],
    /// Whether this mediaquiz can use questions of this type yet.
    pub supported: bool,
}

/// Names of the question types, as written in `type:`.
pub const TYPE_NAMES: &[&str] = &[
    "single",
    "multi",
    "truefalse",
    "claim",
    "short",
    "cloze",
    "match",
    "order",
    "card",
    "open",
];

/// Names of the skills, as written in `skill:`.
pub const SKILL_NAMES: &[&str] = &[
    "recall",
    "sourcing",
    "corroboration",
    "fact-opinion",
    "wording",
    "context",
    "numbers",
];

/// Names of the interface languages, as written in `language:`.
pub const LANGUAGE_NAMES: &[&str] = &["fr", "en"];

/// The three verdicts of a claim, as written in its `answer:`.
pub const VERDICT_NAMES: &[&str] = &["supported", "contradicted", "not-stated"];

/// Top-level fields of a bank.
pub const TOP: &[Field] = &[
    opt(
        "id",
        Shape::Id,
        "stable id, [a-z0-9-]+; default: the file name without extension",
    ),
    req("title", Shape::Text, "the bank's title"),
    opt(
        "language",
        Shape::Name(LANGUAGE_NAMES),
        "interface language of sheets and the quiz; default fr",
    ),
    req(
        "source",
        Shape::Source,
        "the article: `file` (relative to the bank), optional title, outlet, author, date, url",
    ),
    req("questions", Shape::Questions, "the questions"),
];

/// Fields under `source:`.
pub const SOURCE: &[Field] = &[
    req(
        "file",
        Shape::Text,
        "the article's text file, relative to the bank",
    ),
    opt("title", Shape::Text, "the article's headline"),
    opt("outlet", Shape::Text, "who published it"),
    opt("author", Shape::Text, "who wrote it"),
    opt("date", Shape::Text, "when it was published"),
    opt("url", Shape::Text, "where it was published"),
];

/// Fields every question has, whatever its type.
pub const COMMON: &[Field] = &[
    req("id", Shape::Id, "unique in the bank, [a-z0-9-]+"),
    req("type", Shape::Name(TYPE_NAMES), "the question type"),
    req(
        "skill",
        Shape::Name(SKILL_NAMES),
        "the reading skill trained",
    ),
    opt(
        "difficulty",
        Shape::Number { min: 1, max: 3 },
        "1 (easy) to 3 (hard); default 1",
    ),
    req(
        "explanation",
        Shape::Text,
        "why the answer is right: the reading lesson",
    ),
    req(
        "evidence",
        Shape::Texts,
        "verbatim quotes of the article backing the answer",
    ),
    opt("tags", Shape::Texts, "free tags"),
    opt(
        "justify",
        Shape::Flag,
        "ask the student for one sentence of reasoning",
    ),
    opt(
        "rubric",
        Shape::Rubric,
        "levels `{points, criterion}` to score the reasoning (its top level is the justification's points); only with `justify: true`",
    ),
    opt(
        "draft",
        Shape::Flag,
        "proposed by `mediaquiz draft` and not yet reviewed by a person: delete the line once reviewed",
    ),
];

const PROMPT: Field = req("prompt", Shape::Text, "the question");
const CHOICES: Field = req("choices", Shape::Texts, "2 to 8 choices");
const KEEP_ORDER: Field = opt(
    "keep_order",
    Shape::Flag,
    "keep the choices in the written order",
);
const FEEDBACK: Field = opt(
    "feedback",
    Shape::Feedback,
    "why a wrong choice is wrong, by choice",
);

/// Each question type's own fields.
pub const TYPES: &[TypeFormat] = &[
    TypeFormat {
        name: "single",
        fields: &[
            PROMPT,
            CHOICES,
            req("answer", Shape::Text, "the right choice, as written"),
            KEEP_ORDER,
            FEEDBACK,
        ],
        supported: true,
    },
    TypeFormat {
        name: "multi",
        fields: &[
            PROMPT,
            CHOICES,
            req("answers", Shape::Texts, "the right choices, as written"),
            KEEP_ORDER,
            FEEDBACK,
        ],
        supported: true,
    },
    TypeFormat {
        name: "truefalse",
        fields: &[
            req("prompt", Shape::Text, "a statement"),
            req("answer", Shape::Flag, "whether it is true"),
        ],
        supported: true,
    },
    TypeFormat {
        name: "claim",
        fields: &[
            req("prompt", Shape::Text, "a claim about the article"),
            req(
                "answer",
                Shape::Name(VERDICT_NAMES),
                "what the article itself says of it",
            ),
        ],
        supported: true,
    },
    TypeFormat {
        name: "short",
        fields: &[
            PROMPT,
            req("answer", Shape::Text, "the expected answer"),
            opt("accept", Shape::Texts, "other accepted forms"),
        ],
        supported: true,
    },
    TypeFormat {
        name: "cloze",
        fields: &[
            req(
                "text",
                Shape::Text,
                "the text, each gap `{{answer}}` or `{{answer|other}}`",
            ),
            opt("prompt", Shape::Text, "an instruction above the text"),
        ],
        supported: true,
    },
    TypeFormat {
        name: "match",
        fields: &[
            PROMPT,
            req("pairs", Shape::Pairs, "2 to 8 pairs `[left, right]`"),
        ],
        supported: true,
    },
    TypeFormat {
        name: "order",
        fields: &[
            PROMPT,
            req("items", Shape::Texts, "3 to 8 items, in the right order"),
        ],
        supported: true,
    },
    TypeFormat {
        name: "card",
        fields: &[
            req("front", Shape::Text, "the question side"),
            req("back", Shape::Text, "the answer side"),
        ],
        supported: true,
    },
    TypeFormat {
        name: "open",
        fields: &[
            PROMPT,
            req("answer", Shape::Text, "a model answer"),
            req(
                "rubric",
                Shape::Rubric,
                "levels `{points, criterion}` to score an answer; the top level is the question's points",
            ),
        ],
        supported: true,
    },
];

/// The format of type `name`, if it is one.
pub fn question_type(name: &str) -> Option<&'static TypeFormat> {
    TYPES.iter().find(|t| t.name == name)
}

impl TypeFormat {
    /// Whether a question of this type may have `key`.
    pub fn uses(&self, key: &str) -> bool {
        COMMON.iter().chain(self.fields).any(|f| f.name == key)
    }
}

/// Every field a question of some type may have, in table order, once.
pub fn question_fields() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for field in COMMON.iter().chain(TYPES.iter().flat_map(|t| t.fields)) {
        if !names.contains(&field.name) {
            names.push(field.name);
        }
    }
    names
}

/// Names of a list of fields.
pub fn names(fields: &[Field]) -> Vec<&'static str> {
    fields.iter().map(|f| f.name).collect()
}

/// A question written back as the YAML mapping a teacher would write, field
/// for field as [`TYPES`] declares it (defaults left out).
pub fn question_value(question: &Question) -> Mapping {
    let mut map = Mapping::new();
    let mut put = |key: &str, value: Value| {
        map.insert(Value::String(key.to_owned()), value);
    };
    let text = |s: &str| Value::String(s.to_owned());
    let texts = |list: &[String]| Value::Sequence(list.iter().map(|s| text(s)).collect());
    put("id", text(&question.id));
    put("type", text(&name_of(&question.question_type())));
    put("skill", text(&name_of(&question.skill)));
    if question.difficulty != 1 {
        put("difficulty", Value::Number(question.difficulty.into()));
    }
    match &question.kind {
        Kind::Single(c) | Kind::Multi(c) => {
            put("prompt", text(&c.prompt));
            put("choices", texts(&c.options));
            let right: Vec<String> = c.correct.iter().map(|&i| c.options[i].clone()).collect();
            if matches!(question.kind, Kind::Single(_)) {
                put("answer", text(&right[0]));
            } else {
                put("answers", texts(&right));
            }
            if c.keep_order {
                put("keep_order", Value::Bool(true));
            }
            let feedback: Mapping = c
                .feedback
                .iter()
                .enumerate()
                .filter_map(|(i, why)| Some((text(&c.options[i]), text(why.as_deref()?))))
                .collect();
            if !feedback.is_empty() {
                put("feedback", Value::Mapping(feedback));
            }
        }
        Kind::TrueFalse { prompt, answer } => {
            put("prompt", text(prompt));
            put("answer", Value::Bool(*answer));
        }
        Kind::Claim { prompt, answer } => {
            put("prompt", text(prompt));
            put("answer", text(&name_of(answer)));
        }
        Kind::Short {
            prompt,
            answer,
            accept,
        } => {
            put("prompt", text(prompt));
            put("answer", text(answer));
            if !accept.is_empty() {
                put("accept", texts(accept));
            }
        }
        Kind::Cloze { prompt, segments } => {
            if let Some(prompt) = prompt {
                put("prompt", text(prompt));
            }
            let written: String = segments
                .iter()
                .map(|s| match s {
                    Segment::Text(t) => t.clone(),
                    Segment::Gap(forms) => format!("{{{{{}}}}}", forms.join("|")),
                })
                .collect();
            put("text", text(&written));
        }
        Kind::Match { prompt, pairs } => {
            put("prompt", text(prompt));
            let pairs = pairs
                .iter()
                .map(|(l, r)| Value::Sequence(vec![text(l), text(r)]))
                .collect();
            put("pairs", Value::Sequence(pairs));
        }
        Kind::Order { prompt, items } => {
            put("prompt", text(prompt));
            put("items", texts(items));
        }
        Kind::Card { front, back } => {
            put("front", text(front));
            put("back", text(back));
        }
        Kind::Open { prompt, answer, .. } => {
            put("prompt", text(prompt));
            put("answer", text(answer));
        }
    }
    put("explanation", text(&question.explanation));
    let quotes: Vec<String> = question.evidence.iter().map(|e| e.quote.clone()).collect();
    put("evidence", texts(&quotes));
    if !question.tags.is_empty() {
        put("tags", texts(&question.tags));
    }
    if question.justify {
        put("justify", Value::Bool(true));
    }
    if !question.rubric().is_empty() {
        let levels = question
            .rubric()
            .iter()
            .map(|level| {
                let mut m = Mapping::new();
                m.insert(text("points"), Value::Number(level.points.into()));
                m.insert(text("criterion"), text(&level.criterion));
                Value::Mapping(m)
            })
            .collect();
        put("rubric", Value::Sequence(levels));
    }
    if question.draft {
        put("draft", Value::Bool(true));
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{Lang, QuestionType, Skill, Verdict};
    use clap::ValueEnum;

    fn all_names<T: ValueEnum>() -> Vec<String> {
        T::value_variants().iter().map(name_of).collect()
    }

    #[test]
    fn the_table_names_what_the_model_has() {
        assert_eq!(all_names::<QuestionType>(), TYPE_NAMES);
        assert_eq!(all_names::<Skill>(), SKILL_NAMES);
        assert_eq!(all_names::<Lang>(), LANGUAGE_NAMES);
        assert_eq!(all_names::<Verdict>(), VERDICT_NAMES);
        let typed: Vec<&str> = TYPES.iter().map(|t| t.name).collect();
        assert_eq!(typed, TYPE_NAMES);
    }

    #[test]
    fn every_type_is_supported() {
        let waiting: Vec<&str> = TYPES
            .iter()
            .filter(|t| !t.supported)
            .map(|t| t.name)
            .collect();
        assert!(waiting.is_empty(), "{waiting:?}");
    }

    mod round_trip {
        use proptest::prelude::*;
        use serde_yaml::{Mapping, Value};

        use super::super::question_value;
        use crate::bank::{
            Choices, Evidence, Kind, Question, RubricLevel, Segment, Skill, Verdict, parse,
        };

        /// Text as teachers write it: letters first, accents, French
        /// punctuation, YAML's own characters (`:`, `#`, quotes).
        fn text() -> impl Strategy<Value = String> {
            "[a-zA-Zéèàçô][a-zA-Zéèàçô0-9 ,.?!'’:#«»\"-]{0,24}".prop_map(|s| s.trim().to_owned())
        }

        /// `n` texts that stay distinct once folded (a suffix each).
        fn distinct(range: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = Vec<String>> {
            prop::collection::vec(text(), range).prop_map(|list| {
                list.into_iter()
                    .enumerate()
                    .map(|(i, t)| format!("{t} n{i}"))
                    .collect()
            })
        }

        fn choices() -> impl Strategy<Value = (Choices, bool)> {
            (
                distinct(2..=8),
                any::<bool>(),
                any::<bool>(),
                any::<prop::sample::Index>(),
            )
                .prop_flat_map(|(options, multi, keep_order, first)| {
                    let n = options.len();
                    let picks = prop::collection::vec(any::<bool>(), n);
                    let why = prop::collection::vec(prop::option::of(text()), n);
                    (
                        Just((options, multi, keep_order, first.index(n))),
                        picks,
                        why,
                    )
                })
                .prop_map(|((options, multi, keep_order, first), picks, why)| {
                    let correct: Vec<usize> = if multi {
                        (0..options.len())
                            .filter(|&i| i == first || picks[i])
                            .collect()
                    } else {
                        vec![first]
                    };
                    let feedback = why
                        .into_iter()
                        .enumerate()
                        .map(|(i, w)| w.filter(|_| !correct.contains(&i)))
                        .collect();
                    let choices = Choices {
                        prompt: String::new(),
                        options,
                        correct,
                        keep_order,
                        feedback,
                    };
                    (choices, multi)
                })
        }

        fn cloze() -> impl Strategy<Value = Kind> {
            let gap =
                prop::collection::vec("[a-zA-Zé][a-zA-Zé0-9 ]{0,10}", 1..3).prop_map(|forms| {
                    Segment::Gap(forms.iter().map(|f| f.trim().to_owned()).collect())
                });
            (
                prop::option::of(text()),
                prop::option::of(text()),
                prop::collection::vec((gap, prop::option::of(text())), 1..4),
            )
                .prop_map(|(prompt, lead, gaps)| {
                    let mut segments: Vec<Segment> = lead.into_iter().map(Segment::Text).collect();
                    for (gap, after) in gaps {
                        segments.push(gap);
                        segments.extend(after.map(|t| Segment::Text(format!(" {t} "))));
                    }
                    // The text is trimmed as a whole: so is its last piece.
                    if let Some(Segment::Text(last)) = segments.last_mut() {
                        *last = last.trim_end().to_owned();
                    }
                    Kind::Cloze { prompt, segments }
                })
        }

        fn kind() -> impl Strategy<Value = Kind> {
            prop_oneof![
                (text(), choices()).prop_map(|(prompt, (mut c, multi))| {
                    c.prompt = prompt;
                    if multi {
                        Kind::Multi(c)
                    } else {
                        Kind::Single(c)
                    }
                }),
                (text(), any::<bool>())
                    .prop_map(|(prompt, answer)| Kind::TrueFalse { prompt, answer }),
                (text(), prop::sample::select(Verdict::ALL.to_vec()))
                    .prop_map(|(prompt, answer)| Kind::Claim { prompt, answer }),
                (text(), text(), prop::collection::vec(text(), 0..3)).prop_map(
                    |(prompt, answer, accept)| Kind::Short {
                        prompt,
                        answer,
                        accept
                    }
                ),
                cloze(),
                (text(), distinct(2..=8), distinct(2..=8)).prop_map(|(prompt, l, r)| Kind::Match {
                    prompt,
                    pairs: l.into_iter().zip(r).collect(),
                }),
                (text(), distinct(3..=8)).prop_map(|(prompt, items)| Kind::Order { prompt, items }),
                (text(), text()).prop_map(|(front, back)| Kind::Card { front, back }),
                (
                    text(),
                    text(),
                    prop::collection::btree_map(0u32..=5, text(), 1..4)
                )
                    .prop_filter("a rubric worth something", |(_, _, levels)| {
                        levels.keys().any(|&p| p > 0)
                    })
                    .prop_map(|(prompt, answer, levels)| Kind::Open {
                        prompt,
                        answer,
                        rubric: levels
                            .into_iter()
                            .rev()
                            .map(|(points, criterion)| RubricLevel { points, criterion })
                            .collect(),
                    }),
            ]
        }

        fn question() -> impl Strategy<Value = Question> {
            (
                "[a-z0-9]{1,8}(-[a-z0-9]{1,4})?",
                prop::sample::select(Skill::ALL.to_vec()),
                1u8..=3,
                kind(),
                text(),
                prop::collection::vec(text(), 1..3),
                prop::collection::vec("[a-z][a-z-]{0,8}", 0..3),
                any::<bool>(),
                prop::collection::btree_map(1u32..=5, text(), 0..3),
            )
                .prop_map(
                    |(id, skill, difficulty, kind, explanation, quotes, tags, justify, levels)| {
                        // An open question is all reasoning: never `justify`.
                        let justify = justify && !matches!(kind, Kind::Open { .. });
                        Question {
                            id,
                            skill,
                            difficulty,
                            kind,
                            explanation,
                            evidence: quotes
                                .into_iter()
                                .map(|quote| Evidence {
                                    quote,
                                    paragraph: None,
                                })
                                .collect(),
                            tags,
                            justify,
                            rubric: if justify {
                                levels
                                    .into_iter()
                                    .rev()
                                    .map(|(points, criterion)| RubricLevel { points, criterion })
                                    .collect()
                            } else {
                                Vec::new()
                            },
                            draft: false,
                            line: 0,
                        }
                    },
                )
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(200))]

            /// Questions written in the declared format read back as the
            /// same questions, with no finding.
            #[test]
            fn written_questions_parse_back_the_same(list in prop::collection::vec(question(), 1..5)) {
                let list: Vec<Question> = list
                    .into_iter()
                    .enumerate()
                    .map(|(i, mut q)| {
                        q.id = format!("{}-{i}", q.id);
                        q
                    })
                    .collect();
                let mut source = Mapping::new();
                source.insert("file".into(), "article.txt".into());
                let mut bank = Mapping::new();
                bank.insert("id".into(), "round-trip".into());
                bank.insert("title".into(), "Aller-retour : « test »".into());
                bank.insert("language".into(), "fr".into());
                bank.insert("source".into(), Value::Mapping(source));
                let questions = list.iter().map(|q| Value::Mapping(question_value(q))).collect();
                bank.insert("questions".into(), Value::Sequence(questions));
                let yaml = serde_yaml::to_string(&bank).unwrap();
                let parsed = parse("bank.yaml", &yaml, None);
                prop_assert!(parsed.findings.list.is_empty(), "{:?}\n{yaml}", parsed.findings.list);
                let back: Vec<Question> = parsed
                    .questions
                    .into_iter()
                    .map(|mut q| {
                        q.line = 0;
                        q
                    })
                    .collect();
                prop_assert_eq!(back, list, "{}", yaml);
                prop_assert_eq!(parsed.id.as_deref(), Some("round-trip"));
            }
        }
    }

    #[test]
    fn each_type_uses_its_own_fields_and_the_common_ones() {
        let single = question_type("single").unwrap();
        assert!(single.uses("choices") && single.uses("evidence") && single.uses("rubric"));
        assert!(!single.uses("pairs") && !single.uses("answers"));
        assert!(question_type("open").unwrap().uses("rubric"));
        assert!(question_type("nope").is_none());
    }
}
