//! The question bank: its model, and loading it from YAML with every problem
//! located (see [`parse`]).

pub mod format;
mod outline;
mod parse;

use std::fmt;

use clap::ValueEnum;
use serde::Serialize;

use crate::article::Article;
pub use crate::lang::Lang;
pub use outline::Outline;
pub use parse::{Parsed, Unread, parse, suggest_id};

/// The reading skill a question trains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ValueEnum, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Skill {
    /// The facts as the article states them.
    Recall,
    /// Who says it, and how.
    Sourcing,
    /// What is confirmed, by whom.
    Corroboration,
    /// Reporting versus commentary.
    FactOpinion,
    /// Loaded, euphemistic or borrowed words.
    Wording,
    /// What is missing, vague or inconsistent; what to check elsewhere.
    Context,
    /// Whose figures, how precise.
    Numbers,
}

impl Skill {
    /// Every skill, in display order.
    pub const ALL: [Skill; 7] = [
        Skill::Recall,
        Skill::Sourcing,
        Skill::Corroboration,
        Skill::FactOpinion,
        Skill::Wording,
        Skill::Context,
        Skill::Numbers,
    ];

    /// How a skill is called to students.
    pub fn label(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Fr, Skill::Recall) => "rappel des faits",
            (Lang::Fr, Skill::Sourcing) => "qui le dit ?",
            (Lang::Fr, Skill::Corroboration) => "recoupement",
            (Lang::Fr, Skill::FactOpinion) => "fait ou opinion",
            (Lang::Fr, Skill::Wording) => "choix des mots",
            (Lang::Fr, Skill::Context) => "contexte",
            (Lang::Fr, Skill::Numbers) => "chiffres",
            (Lang::En, Skill::Recall) => "recall",
            (Lang::En, Skill::Sourcing) => "who says so?",
            (Lang::En, Skill::Corroboration) => "corroboration",
            (Lang::En, Skill::FactOpinion) => "fact or opinion",
            (Lang::En, Skill::Wording) => "wording",
            (Lang::En, Skill::Context) => "context",
            (Lang::En, Skill::Numbers) => "numbers",
        }
    }
}

/// The kind of a question, as written in the bank's `type:` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionType {
    /// One right choice.
    Single,
    /// Several right choices.
    Multi,
    /// A statement, true or false.
    #[value(name = "truefalse")]
    TrueFalse,
    /// What the article says of a claim: supported, contradicted or not stated.
    Claim,
    /// A short free answer.
    Short,
    /// A text with gaps.
    Cloze,
    /// Pairs to match.
    Match,
    /// Items to put in order.
    Order,
    /// A flashcard only.
    Card,
    /// A written answer scored by hand against a rubric.
    Open,
}

impl QuestionType {
    /// Every type, in display order.
    pub const ALL: [QuestionType; 10] = [
        QuestionType::Single,
        QuestionType::Multi,
        QuestionType::TrueFalse,
        QuestionType::Claim,
        QuestionType::Short,
        QuestionType::Cloze,
        QuestionType::Match,
        QuestionType::Order,
        QuestionType::Card,
        QuestionType::Open,
    ];

    /// A flashcard only: left out of every output that does not carry cards.
    pub fn card_only(self) -> bool {
        match self {
            QuestionType::Card => true,
            QuestionType::Single
            | QuestionType::Multi
            | QuestionType::TrueFalse
            | QuestionType::Claim
            | QuestionType::Short
            | QuestionType::Cloze
            | QuestionType::Match
            | QuestionType::Order
            | QuestionType::Open => false,
        }
    }

    /// Scored by a person with its own rubric (its levels are the answer's
    /// points, not a justification's), so it takes no `justify`.
    pub fn has_own_rubric(self) -> bool {
        match self {
            QuestionType::Open => true,
            QuestionType::Single
            | QuestionType::Multi
            | QuestionType::TrueFalse
            | QuestionType::Claim
            | QuestionType::Short
            | QuestionType::Cloze
            | QuestionType::Match
            | QuestionType::Order
            | QuestionType::Card => false,
        }
    }

    /// The type's name in a narrow table column (`stats`).
    pub fn short_name(self) -> String {
        match self {
            QuestionType::TrueFalse => "t/f".to_owned(),
            QuestionType::Single
            | QuestionType::Multi
            | QuestionType::Claim
            | QuestionType::Short
            | QuestionType::Cloze
            | QuestionType::Match
            | QuestionType::Order
            | QuestionType::Card
            | QuestionType::Open => self.to_string(),
        }
    }

    /// The one-line instruction printed above a group of questions of one type.
    pub fn instruction(self, lang: Lang) -> &'static str {
        use QuestionType as T;
        match (lang, self) {
            (Lang::Fr, T::Single) => "Cochez la bonne réponse.",
            (Lang::Fr, T::Multi) => "Cochez toutes les bonnes réponses.",
            (Lang::Fr, T::TrueFalse) => "Vrai ou faux ?",
            (Lang::Fr, T::Claim) => "Que dit l’article ? Affirmé, contredit ou non mentionné.",
            (Lang::Fr, T::Short) => "Répondez en une phrase.",
            (Lang::Fr, T::Cloze) => "Complétez.",
            (Lang::Fr, T::Match) => "Reliez : écrivez dans chaque case la lettre qui convient.",
            (Lang::Fr, T::Order) => "Numérotez dans l’ordre (1 pour le premier).",
            (Lang::Fr, T::Card) => "Fiches.",
            (Lang::Fr, T::Open) => "Répondez en quelques phrases, en vous appuyant sur l’article.",
            (Lang::En, T::Single) => "Tick the right answer.",
            (Lang::En, T::Multi) => "Tick all the right answers.",
            (Lang::En, T::TrueFalse) => "True or false?",
            (Lang::En, T::Claim) => {
                "What does the article say? Supported, contradicted or not stated."
            }
            (Lang::En, T::Short) => "Answer in a few words.",
            (Lang::En, T::Cloze) => "Fill in the blanks.",
            (Lang::En, T::Match) => "Match: write the right letter in each box.",
            (Lang::En, T::Order) => "Number in order (1 for the first).",
            (Lang::En, T::Card) => "Cards.",
            (Lang::En, T::Open) => "Answer in a few sentences, drawing on the article.",
        }
    }

    /// The instruction above a sheet's group of questions of this type;
    /// `sentences`: some expected answer of the group is sentence-long.
    pub fn group_instruction(self, lang: Lang, sentences: bool) -> &'static str {
        match self {
            QuestionType::Short => crate::i18n::short_instruction(lang, sentences),
            QuestionType::Single
            | QuestionType::Multi
            | QuestionType::TrueFalse
            | QuestionType::Claim
            | QuestionType::Cloze
            | QuestionType::Match
            | QuestionType::Order
            | QuestionType::Card
            | QuestionType::Open => self.instruction(lang),
        }
    }
}

/// What the article says about a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ValueEnum, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The article states it.
    Supported,
    /// The article states the opposite.
    Contradicted,
    /// The article does not say.
    NotStated,
}

impl Verdict {
    /// The three verdicts, in the order they are offered.
    pub const ALL: [Verdict; 3] = [
        Verdict::Supported,
        Verdict::Contradicted,
        Verdict::NotStated,
    ];

    /// How a claim verdict is called.
    pub fn label(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Fr, Verdict::Supported) => "Affirmé",
            (Lang::Fr, Verdict::Contradicted) => "Contredit",
            (Lang::Fr, Verdict::NotStated) => "Non mentionné",
            (Lang::En, Verdict::Supported) => "Supported",
            (Lang::En, Verdict::Contradicted) => "Contradicted",
            (Lang::En, Verdict::NotStated) => "Not stated",
        }
    }
}

/// The name of a value as written in banks and on the command line.
pub fn name_of<T: ValueEnum>(value: &T) -> String {
    value
        .to_possible_value()
        .map(|v| v.get_name().to_owned())
        .unwrap_or_default()
}

macro_rules! display_by_name {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&name_of(self))
            }
        }
    )*};
}
display_by_name!(Skill, QuestionType, Verdict);

/// Choices of a single or multi question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choices {
    /// The question.
    pub prompt: String,
    /// The choices, as written.
    pub options: Vec<String>,
    /// Indexes of the right choices, ascending.
    pub correct: Vec<usize>,
    /// Keep the choices in the written order (for "none of these").
    pub keep_order: bool,
    /// Why a wrong choice is wrong, by choice index.
    pub feedback: Vec<Option<String>>,
}

/// A piece of cloze text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Segment {
    /// Text shown as is.
    Text(String),
    /// A gap: the expected answer first, then other accepted forms.
    Gap(Vec<String>),
}

/// What a question asks, by type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Kind {
    /// One right choice.
    Single(Choices),
    /// A non-empty set of right choices.
    Multi(Choices),
    /// A statement to judge.
    TrueFalse {
        /// The statement.
        prompt: String,
        /// Whether it is true.
        answer: bool,
    },
    /// A claim to judge against the article.
    Claim {
        /// The claim.
        prompt: String,
        /// What the article says of it.
        answer: Verdict,
    },
    /// A short written answer.
    Short {
        /// The question.
        prompt: String,
        /// The model answer.
        answer: String,
        /// Other accepted forms.
        accept: Vec<String>,
    },
    /// A text with gaps.
    Cloze {
        /// An optional instruction above the text.
        prompt: Option<String>,
        /// The text and its gaps, in order.
        segments: Vec<Segment>,
    },
    /// Pairs to match, left to right, as written (the right pairing).
    Match {
        /// The instruction.
        prompt: String,
        /// `(left, right)` pairs.
        pairs: Vec<(String, String)>,
    },
    /// Items written in the right order.
    Order {
        /// The instruction.
        prompt: String,
        /// The items, in the right order.
        items: Vec<String>,
    },
    /// A flashcard only.
    Card {
        /// Front of the card.
        front: String,
        /// Back of the card.
        back: String,
    },
    /// A written answer, scored by hand: never graded automatically.
    Open {
        /// The question.
        prompt: String,
        /// The model answer.
        answer: String,
        /// The scoring levels, as written (at least one).
        rubric: Vec<RubricLevel>,
    },
}

/// The closed set of answer shapes every output renders and grades by (a
/// question's answer; `format::Shape` is a YAML field's): a
/// kind says which one it has ([`Kind::shape`]), so a new kind of an
/// existing shape is met by every output and grader as it is, and a new
/// shape is named by the compiler in each of them (every `match` on a
/// shape lists them all).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape<'q> {
    /// Choices written in the bank: one right, or `several`.
    Choices {
        /// The prompt, the choices and the right ones.
        choices: &'q Choices,
        /// Several may be right (ticked as boxes, partial credit).
        several: bool,
    },
    /// Two fixed choices, true and false (written natively as such by
    /// GIFT, QTI and Moodle).
    TrueFalse {
        /// The statement.
        prompt: &'q str,
        /// Whether it is true.
        answer: bool,
    },
    /// The fixed choices of [`Verdict::ALL`].
    Verdict {
        /// The claim.
        prompt: &'q str,
        /// The right verdict.
        answer: Verdict,
    },
    /// Free text with its accepted forms.
    Text {
        /// The question.
        prompt: &'q str,
        /// The model answer, first accepted form.
        answer: &'q str,
        /// Other accepted forms.
        accept: &'q [String],
    },
    /// A text with gaps, each with its accepted forms.
    Gaps {
        /// An optional instruction above the text.
        prompt: Option<&'q str>,
        /// The text and its gaps, in order.
        segments: &'q [Segment],
    },
    /// Pairs to match, in the right pairing.
    Pairs {
        /// The instruction.
        prompt: &'q str,
        /// `(left, right)` pairs.
        pairs: &'q [(String, String)],
    },
    /// Items to rank, in the right order.
    Ranked {
        /// The instruction.
        prompt: &'q str,
        /// The items, in the right order.
        items: &'q [String],
    },
    /// Free text scored by a person against a rubric.
    Rubric {
        /// The question.
        prompt: &'q str,
        /// The model answer.
        answer: &'q str,
        /// The scoring levels (at least one).
        rubric: &'q [RubricLevel],
    },
    /// A flashcard: recalled, never graded.
    Card {
        /// Front of the card.
        front: &'q str,
        /// Back of the card.
        back: &'q str,
    },
}

/// What a question lists for the student to pick from or arrange, and how a
/// shuffle treats it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listed {
    /// Entries listed: choices, right-hand sides of pairs, items (0: none).
    pub count: usize,
    /// They stay in the written order (`keep_order`, or nothing listed).
    pub keep_order: bool,
    /// A shuffle must move them: the written order is the answer.
    pub must_move: bool,
}

impl Kind {
    /// The answer shape of this kind: the one place a kind says how every
    /// output shows, grades and exports it.
    pub fn shape(&self) -> Shape<'_> {
        match self {
            Kind::Single(choices) => Shape::Choices {
                choices,
                several: false,
            },
            Kind::Multi(choices) => Shape::Choices {
                choices,
                several: true,
            },
            Kind::TrueFalse { prompt, answer } => Shape::TrueFalse {
                prompt,
                answer: *answer,
            },
            Kind::Claim { prompt, answer } => Shape::Verdict {
                prompt,
                answer: *answer,
            },
            Kind::Short {
                prompt,
                answer,
                accept,
            } => Shape::Text {
                prompt,
                answer,
                accept,
            },
            Kind::Cloze { prompt, segments } => Shape::Gaps {
                prompt: prompt.as_deref(),
                segments,
            },
            Kind::Match { prompt, pairs } => Shape::Pairs { prompt, pairs },
            Kind::Order { prompt, items } => Shape::Ranked { prompt, items },
            Kind::Card { front, back } => Shape::Card { front, back },
            Kind::Open {
                prompt,
                answer,
                rubric,
            } => Shape::Rubric {
                prompt,
                answer,
                rubric,
            },
        }
    }

    /// A copy with `read` applied to every text the student reads (prompts,
    /// choices, feedback, pairs, items, a card, a model answer and its
    /// rubric's criteria); the answers a student types (short answers, gaps)
    /// stay as written, since they are compared.
    pub fn map_read(&self, read: &dyn Fn(&str) -> String) -> Kind {
        let all = |texts: &[String]| texts.iter().map(|t| read(t)).collect();
        match self {
            Kind::Single(c) | Kind::Multi(c) => {
                let c = Choices {
                    prompt: read(&c.prompt),
                    options: all(&c.options),
                    feedback: c.feedback.iter().map(|f| f.as_deref().map(read)).collect(),
                    ..c.clone()
                };
                if matches!(self, Kind::Single(_)) {
                    Kind::Single(c)
                } else {
                    Kind::Multi(c)
                }
            }
            Kind::TrueFalse { prompt, answer } => Kind::TrueFalse {
                prompt: read(prompt),
                answer: *answer,
            },
            Kind::Claim { prompt, answer } => Kind::Claim {
                prompt: read(prompt),
                answer: *answer,
            },
            Kind::Short {
                prompt,
                answer,
                accept,
            } => Kind::Short {
                prompt: read(prompt),
                answer: answer.clone(),
                accept: accept.clone(),
            },
            Kind::Cloze { prompt, segments } => Kind::Cloze {
                prompt: prompt.as_deref().map(read),
                segments: segments
                    .iter()
                    .map(|s| match s {
                        Segment::Text(text) => Segment::Text(read(text)),
                        Segment::Gap(forms) => Segment::Gap(forms.clone()),
                    })
                    .collect(),
            },
            Kind::Match { prompt, pairs } => Kind::Match {
                prompt: read(prompt),
                pairs: pairs.iter().map(|(l, r)| (read(l), read(r))).collect(),
            },
            Kind::Order { prompt, items } => Kind::Order {
                prompt: read(prompt),
                items: all(items),
            },
            Kind::Card { front, back } => Kind::Card {
                front: read(front),
                back: read(back),
            },
            Kind::Open {
                prompt,
                answer,
                rubric,
            } => Kind::Open {
                prompt: read(prompt),
                answer: read(answer),
                rubric: map_criteria(rubric, read),
            },
        }
    }

    /// The rubric that is the kind's own score (see
    /// [`QuestionType::has_own_rubric`]), for the parser to fill.
    pub fn own_rubric_mut(&mut self) -> Option<&mut Vec<RubricLevel>> {
        match self {
            Kind::Open { rubric, .. } => Some(rubric),
            Kind::Single(_)
            | Kind::Multi(_)
            | Kind::TrueFalse { .. }
            | Kind::Claim { .. }
            | Kind::Short { .. }
            | Kind::Cloze { .. }
            | Kind::Match { .. }
            | Kind::Order { .. }
            | Kind::Card { .. } => None,
        }
    }

    /// The choices written in the bank, for the shapes that have them.
    pub fn as_choices(&self) -> Option<&Choices> {
        match self.shape() {
            Shape::Choices { choices, .. } => Some(choices),
            Shape::TrueFalse { .. }
            | Shape::Verdict { .. }
            | Shape::Text { .. }
            | Shape::Gaps { .. }
            | Shape::Pairs { .. }
            | Shape::Ranked { .. }
            | Shape::Rubric { .. }
            | Shape::Card { .. } => None,
        }
    }

    /// What the question lists, for the shuffle.
    pub fn listed(&self) -> Listed {
        let (count, keep_order, must_move) = match self.shape() {
            Shape::Choices { choices, .. } => (choices.options.len(), choices.keep_order, false),
            Shape::Pairs { pairs, .. } => (pairs.len(), false, true),
            Shape::Ranked { items, .. } => (items.len(), false, true),
            Shape::TrueFalse { .. }
            | Shape::Verdict { .. }
            | Shape::Text { .. }
            | Shape::Gaps { .. }
            | Shape::Rubric { .. }
            | Shape::Card { .. } => (0, true, false),
        };
        Listed {
            count,
            keep_order,
            must_move,
        }
    }
}

/// An evidence quote, with the paragraph where the article has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The quote as written in the bank.
    pub quote: String,
    /// §n of the article, once checked (`None` for a subheading or unchecked).
    pub paragraph: Option<usize>,
}

/// One level of a rubric: what an answer worth `points` contains.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RubricLevel {
    /// Points given to an answer at this level.
    pub points: u32,
    /// What such an answer contains.
    pub criterion: String,
}

/// One question of a bank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// Unique id, `[a-z0-9-]+`.
    pub id: String,
    /// The skill trained.
    pub skill: Skill,
    /// 1 (easy) to 3 (hard).
    pub difficulty: u8,
    /// What is asked, by type.
    pub kind: Kind,
    /// Why the answer is right: the reading lesson.
    pub explanation: String,
    /// Quotes of the article backing the answer.
    pub evidence: Vec<Evidence>,
    /// Free tags.
    pub tags: Vec<String>,
    /// Ask the student for a sentence of reasoning.
    pub justify: bool,
    /// How to score the reasoning asked by `justify` (empty: no rubric).
    pub rubric: Vec<RubricLevel>,
    /// Proposed by `draft` and not yet reviewed (`draft: true`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// Line of the question in its YAML file.
    #[serde(skip)]
    pub line: usize,
}

impl Question {
    /// Whether a person has yet to review it (`draft: true`): outputs leave it
    /// out unless asked for drafts.
    pub fn is_draft(&self) -> bool {
        self.draft
    }

    /// The type of this question.
    pub fn question_type(&self) -> QuestionType {
        match self.kind {
            Kind::Single(_) => QuestionType::Single,
            Kind::Multi(_) => QuestionType::Multi,
            Kind::TrueFalse { .. } => QuestionType::TrueFalse,
            Kind::Claim { .. } => QuestionType::Claim,
            Kind::Short { .. } => QuestionType::Short,
            Kind::Cloze { .. } => QuestionType::Cloze,
            Kind::Match { .. } => QuestionType::Match,
            Kind::Order { .. } => QuestionType::Order,
            Kind::Card { .. } => QuestionType::Card,
            Kind::Open { .. } => QuestionType::Open,
        }
    }

    /// The question's answer shape (see [`Kind::shape`]).
    pub fn shape(&self) -> Shape<'_> {
        self.kind.shape()
    }

    /// A flashcard only: left out of every output that does not carry cards.
    pub fn card_only(&self) -> bool {
        self.question_type().card_only()
    }

    /// The question's main text: the prompt, the cloze text with blanks, or a card's front.
    pub fn prompt(&self) -> String {
        match self.shape() {
            Shape::Choices { choices, .. } => choices.prompt.clone(),
            Shape::TrueFalse { prompt, .. }
            | Shape::Verdict { prompt, .. }
            | Shape::Text { prompt, .. }
            | Shape::Pairs { prompt, .. }
            | Shape::Ranked { prompt, .. }
            | Shape::Rubric { prompt, .. } => prompt.to_owned(),
            Shape::Gaps { segments, .. } => segments
                .iter()
                .map(|s| match s {
                    Segment::Text(t) => t.as_str(),
                    Segment::Gap(_) => "____",
                })
                .collect(),
            Shape::Card { front, .. } => front.to_owned(),
        }
    }

    /// The answer as a single text, for the shapes that have one (one right
    /// choice, a free text): what the prompt must not give away.
    pub fn stated_answer(&self) -> Option<&str> {
        match self.shape() {
            Shape::Choices {
                choices,
                several: false,
            } => choices
                .correct
                .first()
                .and_then(|&i| choices.options.get(i))
                .map(String::as_str),
            Shape::Text { answer, .. } => Some(answer),
            Shape::Choices { several: true, .. }
            | Shape::TrueFalse { .. }
            | Shape::Verdict { .. }
            | Shape::Gaps { .. }
            | Shape::Pairs { .. }
            | Shape::Ranked { .. }
            | Shape::Rubric { .. }
            | Shape::Card { .. } => None,
        }
    }

    /// The rubric that scores this question by hand: an open question's own,
    /// or the one scoring a justification (empty: none).
    pub fn rubric(&self) -> &[RubricLevel] {
        match self.shape() {
            Shape::Rubric { rubric, .. } => rubric,
            Shape::Choices { .. }
            | Shape::TrueFalse { .. }
            | Shape::Verdict { .. }
            | Shape::Text { .. }
            | Shape::Gaps { .. }
            | Shape::Pairs { .. }
            | Shape::Ranked { .. }
            | Shape::Card { .. } => &self.rubric,
        }
    }

    /// Points the question is worth on every output that scores it (see
    /// `docs/scoring.md`): one per thing to find, an open question its
    /// rubric's top level, plus what the justification is worth.
    pub fn points(&self) -> u32 {
        self.answer_points() + self.justification_points()
    }

    /// Points of the answer alone, without the justification.
    pub fn answer_points(&self) -> u32 {
        let base = match &self.kind {
            Kind::Single(_) | Kind::TrueFalse { .. } | Kind::Claim { .. } => 1,
            Kind::Multi(_) | Kind::Short { .. } | Kind::Order { .. } => 2,
            Kind::Cloze { segments, .. } => segments
                .iter()
                .filter(|s| matches!(s, Segment::Gap(_)))
                .count(),
            Kind::Match { pairs, .. } => pairs.len(),
            Kind::Card { .. } => 0,
            Kind::Open { rubric, .. } => top_points(rubric).map_or(0, |p| p as usize),
        };
        u32::try_from(base).unwrap_or(u32::MAX)
    }

    /// How a wrong answer to this question still earns points.
    pub fn partial(&self) -> Partial {
        match &self.kind {
            Kind::Cloze { .. } | Kind::Match { .. } => Partial::PerPart,
            Kind::Multi(_) => Partial::AllButOne,
            Kind::Order { .. } => Partial::HalfInPlace,
            Kind::Single(_)
            | Kind::TrueFalse { .. }
            | Kind::Claim { .. }
            | Kind::Short { .. }
            | Kind::Card { .. } => Partial::None,
            // Scored by a person at one of the rubric's levels.
            Kind::Open { .. } => Partial::Rubric,
        }
    }

    /// Points an answer earns (out of [`Question::answer_points`]): all of
    /// them when it is right, else what [`Question::partial`] allows for
    /// `hits` parts right out of `parts`.
    pub fn earned(&self, right: bool, (hits, parts): (usize, usize)) -> u32 {
        let possible = self.answer_points();
        let earned = if right {
            possible
        } else {
            match self.partial() {
                Partial::PerPart => u32::try_from(hits).unwrap_or(0),
                Partial::AllButOne if hits + 1 == parts => 1,
                Partial::HalfInPlace if hits * 2 >= parts => 1,
                Partial::Rubric => u32::try_from(hits).unwrap_or(0),
                Partial::None | Partial::AllButOne | Partial::HalfInPlace => 0,
            }
        };
        earned.min(possible)
    }

    /// Points the justification is worth: its rubric's top level, or 1
    /// without a rubric; 0 when none is asked.
    pub fn justification_points(&self) -> u32 {
        if !self.justify {
            return 0;
        }
        top_points(&self.rubric).unwrap_or(1)
    }
}

/// How a wrong answer still earns points (the table in `docs/scoring.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Partial {
    /// All or nothing.
    None,
    /// A point per part right (gaps, pairs).
    PerPart,
    /// 1 point when exactly one choice is wrong (ticked or missed).
    AllButOne,
    /// 1 point when at least half the items are in place.
    HalfInPlace,
    /// The level a person gives with the rubric (`hits` is that level).
    Rubric,
}

/// A rubric with `read` applied to each criterion.
pub fn map_criteria(rubric: &[RubricLevel], read: &dyn Fn(&str) -> String) -> Vec<RubricLevel> {
    rubric
        .iter()
        .map(|level| RubricLevel {
            points: level.points,
            criterion: read(&level.criterion),
        })
        .collect()
}

/// The highest score of a rubric, if it has levels.
pub fn top_points(rubric: &[RubricLevel]) -> Option<u32> {
    rubric.iter().map(|level| level.points).max()
}

/// Where the article's text came from and how to cite it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The article file, relative to the bank.
    pub file: String,
    /// The article's headline, if known.
    pub title: Option<String>,
    /// The outlet that published it, if known.
    pub outlet: Option<String>,
    /// Who wrote it, if known.
    pub author: Option<String>,
    /// The publication date, if known.
    pub date: Option<String>,
    /// Where it was published, if known.
    pub url: Option<String>,
}

impl Source {
    /// "Title, Outlet, date", with whatever is known.
    pub fn citation(&self) -> Option<String> {
        let parts: Vec<&str> = [&self.title, &self.outlet, &self.date]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// A checked bank with its article.
#[derive(Debug, Clone)]
pub struct Bank {
    /// The file as the user named it (or the shipped bank's name).
    pub label: String,
    /// The stable id, `[a-z0-9-]+`: review progress and exports key on it.
    pub id: String,
    /// The bank's title.
    pub title: String,
    /// The interface language.
    pub language: Lang,
    /// Where the article came from.
    pub source: Source,
    /// The article itself.
    pub article: Article,
    /// The questions, in file order.
    pub questions: Vec<Question>,
}

/// Whether `a` and `b` are the same words, typography aside.
fn same_words(a: Option<&str>, b: &str) -> bool {
    a.is_some_and(|a| crate::text::fold_quote(a).text == crate::text::fold_quote(b).text)
}

impl Bank {
    /// The source as cited under the bank's title: without `source.title`
    /// when it is the bank's title again (a drafted bank takes its title from
    /// the page) and the source says something else (outlet, date), so a
    /// sheet says the title once. `None` when the source says nothing.
    pub fn citation_under_title(&self) -> Option<String> {
        let without_title = Source {
            title: None,
            ..self.source.clone()
        };
        if same_words(self.source.title.as_deref(), &self.title)
            && let Some(rest) = without_title.citation()
        {
            return Some(rest);
        }
        self.source.citation()
    }

    /// How many of the article's first blocks a page printing the bank's
    /// title and source leaves out: 1 when the article opens with a heading
    /// that repeats the bank's title or `source.title` (an article saved by
    /// `draft` starts with its own title line), else 0.
    pub fn article_title_lines(&self) -> usize {
        let first = self.article.paragraphs().first();
        usize::from(first.is_some_and(|first| {
            first.is_heading()
                && (same_words(Some(&first.text), &self.title)
                    || self
                        .source
                        .title
                        .as_deref()
                        .is_some_and(|title| same_words(Some(&first.text), title)))
        }))
    }

    /// Leaves out the questions no person has reviewed yet (`draft: true`),
    /// returning how many were left out, for the one warning that names them.
    pub fn drop_drafts(&mut self) -> usize {
        let before = self.questions.len();
        self.questions.retain(|q| !q.is_draft());
        before - self.questions.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `map_read` reaches every text a student reads and none they type: the
    /// identity gives each kind back, and a mark put on what is read shows in
    /// every prompt and choice but never in a short answer, a gap's forms or
    /// which choices are right.
    #[test]
    fn map_read_marks_what_is_read_and_keeps_what_is_typed() {
        let bank = crate::check::load_bank(None).unwrap();
        for question in &bank.questions {
            assert_eq!(question.kind.map_read(&|s| s.to_owned()), question.kind);
            let marked = Question {
                kind: question.kind.map_read(&|s| format!("[{s}]")),
                ..question.clone()
            };
            assert!(marked.prompt().contains('['), "{}", question.id);
            match (marked.shape(), question.shape()) {
                (Shape::Choices { choices: m, .. }, Shape::Choices { choices: q, .. }) => {
                    assert_eq!(m.correct, q.correct);
                    assert!(m.options.iter().all(|o| o.starts_with('[')));
                }
                (
                    Shape::Text { answer, accept, .. },
                    Shape::Text {
                        answer: a,
                        accept: b,
                        ..
                    },
                ) => {
                    assert_eq!((answer, accept), (a, b));
                }
                (Shape::Gaps { segments: m, .. }, Shape::Gaps { segments: q, .. }) => {
                    let gaps = |s: &[Segment]| -> Vec<Segment> {
                        s.iter()
                            .filter(|s| matches!(s, Segment::Gap(_)))
                            .cloned()
                            .collect()
                    };
                    assert_eq!(gaps(m), gaps(q));
                }
                (Shape::Rubric { rubric, .. }, _) => {
                    assert!(rubric.iter().all(|l| l.criterion.starts_with('[')));
                }
                (m, q) => assert_eq!(
                    std::mem::discriminant(&m),
                    std::mem::discriminant(&q),
                    "{}",
                    question.id
                ),
            }
        }
    }
}
