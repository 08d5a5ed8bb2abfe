//! A card view of every question: the front holds everything needed to
//! answer it (lettered choices, both match columns, the order items, "true or
//! false?", the claim's three verdicts, the cloze text with numbered blanks);
//! the back holds the answer (lettered as on the front, from the question's
//! [`AnswerView`]), the explanation and the quotes with their §n.
//!
//! Review prints it in the console; printed flashcards lay it out on paper.
//! Texts are as written in the bank: each front end applies its own
//! typography.

use crate::answer::{self, AnswerView, Solution};
use crate::bank::{Lang, Segment, Shape, Skill, Verdict};
use crate::i18n::Strings;
use crate::letters;
use crate::select::Shown;

/// A piece of cloze text on a card's front.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClozePart {
    /// Text shown as is.
    Text(String),
    /// A numbered blank, from 1.
    Blank(usize),
}

/// What a card's front lists below its prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrontBody {
    /// Nothing: the answer is written or recalled.
    Nothing,
    /// Lettered choices, in display order.
    Choices {
        /// `(letter, choice)`.
        choices: Vec<(char, String)>,
        /// Several may be right.
        several: bool,
    },
    /// The statement is to be judged: "True or false?".
    TrueFalse(&'static str),
    /// The claim's three verdicts, in the order offered.
    Verdicts(Vec<&'static str>),
    /// The text with its numbered blanks.
    Cloze(Vec<ClozePart>),
    /// Both columns: left items numbered as written, right items lettered
    /// in their shuffled order.
    Match {
        /// `(number, left item)`.
        left: Vec<(usize, String)>,
        /// `(letter, right item)`.
        right: Vec<(char, String)>,
    },
    /// The items to order, lettered in their shuffled order.
    Order(Vec<(char, String)>),
}

/// The front of a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Front {
    /// The question (the instruction above a cloze text; may be empty).
    pub prompt: String,
    /// What it lists.
    pub body: FrontBody,
}

/// The back of a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Back {
    /// The answer: a first line that says it all, then details (pairs,
    /// items, accepted forms).
    pub answer: Vec<String>,
    /// Why.
    pub explanation: String,
    /// `(quote, place)`: place is `§n`, or the subheading word.
    pub evidence: Vec<(String, String)>,
}

/// A question as a flashcard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardView {
    /// The question's id (printed small, to find a card again).
    pub id: String,
    /// The skill it trains.
    pub skill: Skill,
    /// Front.
    pub front: Front,
    /// Back.
    pub back: Back,
}

impl CardView {
    /// The card of `shown`, in the interface language `lang`.
    pub fn new(shown: &Shown<'_>, lang: Lang) -> CardView {
        let question = shown.question;
        let view = AnswerView::new(shown);
        CardView {
            id: question.id.clone(),
            skill: question.skill,
            front: front(shown, &view, lang),
            back: back(&view, lang),
        }
    }
}

fn front(shown: &Shown<'_>, view: &AnswerView<'_>, lang: Lang) -> Front {
    let question = shown.question;
    let (prompt, body) = match (question.shape(), &view.solution) {
        (
            Shape::Choices {
                choices: c,
                several,
            },
            Solution::Choices(choices),
        ) => (
            c.prompt.clone(),
            FrontBody::Choices {
                choices: choices
                    .iter()
                    .map(|c| (letters::upper(c.position), c.text.to_owned()))
                    .collect(),
                several,
            },
        ),
        (Shape::TrueFalse { prompt, .. }, _) => (
            prompt.to_owned(),
            FrontBody::TrueFalse(lang.pick("Vrai ou faux ?", "True or false?")),
        ),
        (Shape::Verdict { prompt, .. }, _) => (
            prompt.to_owned(),
            FrontBody::Verdicts(Verdict::ALL.iter().map(|v| v.label(lang)).collect()),
        ),
        (Shape::Gaps { prompt, segments }, _) => {
            let mut blanks = 0;
            let parts = segments
                .iter()
                .map(|s| match s {
                    Segment::Text(text) => ClozePart::Text(text.clone()),
                    Segment::Gap(_) => {
                        blanks += 1;
                        ClozePart::Blank(blanks)
                    }
                })
                .collect();
            (
                prompt.unwrap_or_default().to_owned(),
                FrontBody::Cloze(parts),
            )
        }
        (Shape::Pairs { prompt, pairs }, Solution::Pairs(matched)) => {
            let mut right: Vec<(char, String)> = matched
                .iter()
                .map(|p| (letters::upper(p.position), p.right.to_owned()))
                .collect();
            right.sort_by_key(|(l, _)| *l);
            (
                prompt.to_owned(),
                FrontBody::Match {
                    left: pairs
                        .iter()
                        .enumerate()
                        .map(|(i, (left, _))| (i + 1, left.clone()))
                        .collect(),
                    right,
                },
            )
        }
        (Shape::Ranked { prompt, .. }, Solution::Ranked(items)) => {
            let mut shown_items: Vec<(char, String)> = items
                .iter()
                .map(|i| (letters::upper(i.position), i.text.to_owned()))
                .collect();
            shown_items.sort_by_key(|(l, _)| *l);
            (prompt.to_owned(), FrontBody::Order(shown_items))
        }
        (Shape::Text { prompt, .. }, _) => (prompt.to_owned(), FrontBody::Nothing),
        (Shape::Card { front, .. }, _) => (front.to_owned(), FrontBody::Nothing),
        (Shape::Rubric { prompt, .. }, _) => (prompt.to_owned(), FrontBody::Nothing),
        // The view is built from the same question: its solution always has
        // the question's shape, so these arms are never taken.
        (Shape::Choices { .. } | Shape::Pairs { .. } | Shape::Ranked { .. }, _) => {
            (question.prompt(), FrontBody::Nothing)
        }
    };
    Front { prompt, body }
}

fn back(view: &AnswerView<'_>, lang: Lang) -> Back {
    let t = Strings::get(lang);
    let answer = match &view.solution {
        Solution::Choices(_) => vec![
            view.right_choices()
                .iter()
                .map(|c| format!("{}. {}", letters::upper(c.position), c.text))
                .collect::<Vec<_>>()
                .join(" · "),
        ],
        Solution::Pairs(pairs) => {
            let mut lines = vec![
                pairs
                    .iter()
                    .map(|p| format!("{}{}", p.number, letters::upper(p.position)))
                    .collect::<Vec<_>>()
                    .join(" "),
            ];
            lines.extend(pairs.iter().map(|p| {
                format!(
                    "{}. {} → {}. {}",
                    p.number,
                    p.left,
                    letters::upper(p.position),
                    p.right
                )
            }));
            lines
        }
        Solution::Ranked(items) => {
            let mut lines = vec![
                items
                    .iter()
                    .map(|i| letters::upper(i.position).to_string())
                    .collect::<Vec<_>>()
                    .join(" "),
            ];
            lines.extend(
                items
                    .iter()
                    .map(|i| format!("{}. ({}) {}", i.rank, letters::upper(i.position), i.text)),
            );
            lines
        }
        Solution::Text { answer, accepted } if !accepted.is_empty() => vec![
            (*answer).to_owned(),
            format!("{}{} {}", t.also_accepted, t.colon, accepted.join(" · ")),
        ],
        Solution::Gaps(gaps) => gaps
            .iter()
            .enumerate()
            .map(|(i, forms)| {
                let mut line = format!("({}) {}", i + 1, answer::first(forms));
                if forms.len() > 1 {
                    line.push_str(&format!(
                        " — {}{} {}",
                        t.also_accepted.to_lowercase(),
                        t.colon,
                        forms[1..].join(" · ")
                    ));
                }
                line
            })
            .collect(),
        Solution::Rubric { answer, rubric } => {
            let mut lines = vec![(*answer).to_owned(), format!("{}{}", t.rubric, t.colon)];
            lines.extend(crate::present::rubric_lines(rubric, lang));
            lines
        }
        Solution::TrueFalse(_)
        | Solution::Verdict(_)
        | Solution::Text { .. }
        | Solution::Card(_) => vec![view.words(lang)],
    };
    Back {
        answer,
        explanation: view.explanation.to_owned(),
        evidence: view
            .evidence
            .iter()
            .map(|e| {
                (
                    e.quote.clone(),
                    answer::place(e, &t.subheading.to_lowercase()),
                )
            })
            .collect(),
    }
}

/// A cloze front's text on one line, blanks as `____ (n)`.
pub fn cloze_line(parts: &[ClozePart]) -> String {
    parts
        .iter()
        .map(|p| match p {
            ClozePart::Text(text) => text.clone(),
            ClozePart::Blank(n) => format!("____ ({n})"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{Bank, QuestionType};
    use crate::check::load_bank;
    use crate::select::Seed;

    fn bank() -> Bank {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sheet.yaml");
        load_bank(Some(&path)).unwrap()
    }

    /// The card of the fixture's question of type `qtype`, shuffled with seed 3.
    fn card(bank: &Bank, qtype: QuestionType, lang: Lang) -> (CardView, Shown<'_>) {
        let question = bank
            .questions
            .iter()
            .find(|q| q.question_type() == qtype)
            .unwrap();
        let shown = Shown::shuffle(question, &mut Seed(3).rng());
        (CardView::new(&shown, lang), shown)
    }

    #[test]
    fn single_front_letters_every_choice_and_the_back_names_the_right_one() {
        let bank = bank();
        let (card, shown) = card(&bank, QuestionType::Single, Lang::Fr);
        let FrontBody::Choices { choices, several } = &card.front.body else {
            panic!("{:?}", card.front.body);
        };
        assert!(!several);
        assert_eq!(choices.len(), 4);
        let right = shown.correct_positions()[0];
        assert_eq!(choices[right].1, "Un porte-parole du CSP");
        assert_eq!(
            card.back.answer,
            [format!("{}. Un porte-parole du CSP", letters::upper(right))]
        );
        assert_eq!(
            card.back.evidence,
            [(
                "selon les déclarations d'un porte-parole du CSP".to_owned(),
                "§1".to_owned()
            )]
        );
    }

    #[test]
    fn multi_front_says_several_and_the_back_lists_each_right_choice() {
        let bank = bank();
        let (card, _) = card(&bank, QuestionType::Multi, Lang::Fr);
        let FrontBody::Choices { choices, several } = &card.front.body else {
            panic!("{:?}", card.front.body);
        };
        assert!(several);
        assert_eq!(choices.len(), 3);
        let letters_of = |text: &str| choices.iter().find(|c| c.1 == text).unwrap().0;
        let mut right = [letters_of("Le Niger"), letters_of("Le Burkina Faso")];
        right.sort_unstable();
        assert!(card.back.answer[0].starts_with(&format!("{}. ", right[0])));
        assert!(card.back.answer[0].contains(&format!(" · {}. ", right[1])));
    }

    #[test]
    fn truefalse_front_asks_true_or_false() {
        let bank = bank();
        let (fr, _) = card(&bank, QuestionType::TrueFalse, Lang::Fr);
        assert_eq!(fr.front.body, FrontBody::TrueFalse("Vrai ou faux ?"));
        assert_eq!(fr.back.answer, ["Faux"]);
        let (en, _) = card(&bank, QuestionType::TrueFalse, Lang::En);
        assert_eq!(en.front.body, FrontBody::TrueFalse("True or false?"));
        assert_eq!(en.back.answer, ["False"]);
    }

    #[test]
    fn claim_front_offers_the_three_verdicts() {
        let bank = bank();
        let (card, _) = card(&bank, QuestionType::Claim, Lang::Fr);
        let FrontBody::Verdicts(verdicts) = &card.front.body else {
            panic!("{:?}", card.front.body);
        };
        assert_eq!(verdicts.len(), 3);
        assert_eq!(card.back.answer, [Verdict::NotStated.label(Lang::Fr)]);
    }

    #[test]
    fn short_back_gives_the_answer_and_the_other_forms() {
        let bank = bank();
        let (card, _) = card(&bank, QuestionType::Short, Lang::Fr);
        assert_eq!(card.front.prompt, "Combien de temps a duré la résistance ?");
        assert_eq!(card.front.body, FrontBody::Nothing);
        assert_eq!(
            card.back.answer,
            ["deux heures", "Accepté aussi\u{a0}: 2 heures"]
        );
    }

    #[test]
    fn cloze_front_numbers_its_blanks() {
        let bank = bank();
        let (card, _) = card(&bank, QuestionType::Cloze, Lang::Fr);
        let FrontBody::Cloze(parts) = &card.front.body else {
            panic!("{:?}", card.front.body);
        };
        assert_eq!(
            cloze_line(parts),
            "Les soldats sont « ____ (1) », les rebelles « ____ (2) »."
        );
        assert_eq!(card.back.answer[0], "(1) tués");
        assert!(card.back.answer[1].starts_with("(2) neutralisés — accepté aussi"));
    }

    #[test]
    fn match_front_shows_both_columns_and_the_back_pairs_them_by_letter() {
        let bank = bank();
        let (card, shown) = card(&bank, QuestionType::Match, Lang::Fr);
        let FrontBody::Match { left, right } = &card.front.body else {
            panic!("{:?}", card.front.body);
        };
        assert_eq!(left.len(), 3);
        assert_eq!(left[0], (1, "Le CSP".to_owned()));
        assert_eq!(right.len(), 3);
        let letters: Vec<char> = right.iter().map(|r| r.0).collect();
        assert_eq!(letters, ['A', 'B', 'C']);
        let Shape::Pairs { pairs, .. } = shown.question.shape() else {
            unreachable!()
        };
        // The back's code, e.g. `1B 2C 3A`, names the right item of each pair.
        for (n, code) in card.back.answer[0].split(' ').enumerate() {
            let l = code.chars().last().unwrap();
            let text = &right.iter().find(|r| r.0 == l).unwrap().1;
            assert_eq!(text, &pairs[n].1);
        }
    }

    #[test]
    fn order_front_lists_the_items_shuffled_and_the_back_gives_their_order() {
        let bank = bank();
        let (card, _) = card(&bank, QuestionType::Order, Lang::Fr);
        let FrontBody::Order(items) = &card.front.body else {
            panic!("{:?}", card.front.body);
        };
        let texts: Vec<&str> = items.iter().map(|i| i.1.as_str()).collect();
        assert_ne!(
            texts,
            ["Offensive du CSP", "Prise du camp", "Retrait du CSP"]
        );
        // The back's first line reads the letters in the right order.
        let ordered: Vec<&str> = card.back.answer[0]
            .split(' ')
            .map(|l| {
                let l = l.chars().next().unwrap();
                items.iter().find(|i| i.0 == l).unwrap().1.as_str()
            })
            .collect();
        assert_eq!(
            ordered,
            ["Offensive du CSP", "Prise du camp", "Retrait du CSP"]
        );
    }

    #[test]
    fn card_front_and_back_are_the_bank_s_own() {
        let bank = bank();
        let (card, _) = card(&bank, QuestionType::Card, Lang::Fr);
        assert_eq!(card.front.prompt, "CSP ?");
        assert_eq!(card.front.body, FrontBody::Nothing);
        assert_eq!(card.back.answer, ["Cadre stratégique permanent."]);
        assert_eq!(card.back.explanation, "Le sigle.");
    }
}
