//! One answer view per question as shown: the right answer in words, the
//! display position of every choice, pair and item, accepted forms, per-choice
//! feedback, the explanation and the quotes with their §n.
//!
//! The answer key, the console quiz, review and every later output read the
//! answer from here, so none of them works out letters and positions again:
//! a key cannot disagree with the sheet it was built from the same [`Shown`].

use crate::bank::{Evidence, Lang, Question, RubricLevel, Segment, Shape, Verdict};
use crate::i18n::Strings;
use crate::select::Shown;

/// A choice of a single or multi question, where it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice<'b> {
    /// Display position (0 is the first letter).
    pub position: usize,
    /// Index as written in the bank.
    pub written: usize,
    /// The choice.
    pub text: &'b str,
    /// Whether it is a right choice.
    pub right: bool,
    /// Why it is wrong, when the bank says.
    pub feedback: Option<&'b str>,
}

/// A pair of a match question: left item (numbered as written) and the right
/// item that goes with it, at its shuffled display position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair<'b> {
    /// Number of the left item, from 1, in written order.
    pub number: usize,
    /// Left item.
    pub left: &'b str,
    /// Right item that matches it.
    pub right: &'b str,
    /// Display position of `right` in the shuffled right-hand column.
    pub position: usize,
}

/// An item of an order question with its rank and where it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked<'b> {
    /// Right rank, from 1.
    pub rank: usize,
    /// The item.
    pub text: &'b str,
    /// Display position in the shuffled list.
    pub position: usize,
}

/// The right answer, by shape (see [`Shape`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Solution<'b> {
    /// Every choice in display order, the right ones marked.
    Choices(Vec<Choice<'b>>),
    /// True or false.
    TrueFalse(bool),
    /// The right verdict.
    Verdict(Verdict),
    /// A written answer and the other forms accepted.
    Text {
        /// The model answer.
        answer: &'b str,
        /// Other accepted forms.
        accepted: &'b [String],
    },
    /// Per blank, in order: the expected form first, then other accepted ones.
    Gaps(Vec<&'b [String]>),
    /// The pairs, in written (left-column) order.
    Pairs(Vec<Pair<'b>>),
    /// The items in their right order.
    Ranked(Vec<Ranked<'b>>),
    /// A flashcard's back.
    Card(&'b str),
    /// A model answer and the rubric that scores it.
    Rubric {
        /// The model answer.
        answer: &'b str,
        /// The scoring levels, as written.
        rubric: &'b [RubricLevel],
    },
}

/// Everything about the answer to one question as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerView<'b> {
    /// The question.
    pub question: &'b Question,
    /// The right answer, with display positions.
    pub solution: Solution<'b>,
    /// Why the answer is right.
    pub explanation: &'b str,
    /// The quotes backing it, with their §n.
    pub evidence: &'b [Evidence],
}

impl<'b> AnswerView<'b> {
    /// The answer view of `shown`, positions taken from its permutation.
    pub fn new(shown: &Shown<'b>) -> AnswerView<'b> {
        let question = shown.question;
        let position_of = |written: usize| {
            shown
                .order
                .iter()
                .position(|&o| o == written)
                .unwrap_or(written)
        };
        let solution = match question.shape() {
            Shape::Choices { choices: c, .. } => Solution::Choices(
                shown
                    .order
                    .iter()
                    .enumerate()
                    .map(|(position, &written)| Choice {
                        position,
                        written,
                        text: &c.options[written],
                        right: c.correct.contains(&written),
                        feedback: c.feedback.get(written).and_then(Option::as_deref),
                    })
                    .collect(),
            ),
            Shape::TrueFalse { answer, .. } => Solution::TrueFalse(answer),
            Shape::Verdict { answer, .. } => Solution::Verdict(answer),
            Shape::Text { answer, accept, .. } => Solution::Text {
                answer,
                accepted: accept,
            },
            Shape::Gaps { segments, .. } => Solution::Gaps(
                segments
                    .iter()
                    .filter_map(|s| match s {
                        Segment::Gap(forms) => Some(forms.as_slice()),
                        Segment::Text(_) => None,
                    })
                    .collect(),
            ),
            Shape::Pairs { pairs, .. } => Solution::Pairs(
                pairs
                    .iter()
                    .enumerate()
                    .map(|(written, (left, right))| Pair {
                        number: written + 1,
                        left,
                        right,
                        position: position_of(written),
                    })
                    .collect(),
            ),
            Shape::Ranked { items, .. } => Solution::Ranked(
                items
                    .iter()
                    .enumerate()
                    .map(|(written, text)| Ranked {
                        rank: written + 1,
                        text,
                        position: position_of(written),
                    })
                    .collect(),
            ),
            Shape::Card { back, .. } => Solution::Card(back),
            Shape::Rubric { answer, rubric, .. } => Solution::Rubric { answer, rubric },
        };
        AnswerView {
            question,
            solution,
            explanation: &question.explanation,
            evidence: &question.evidence,
        }
    }

    /// The right choices, in display order (empty for other types).
    pub fn right_choices(&self) -> Vec<&Choice<'b>> {
        match &self.solution {
            Solution::Choices(choices) => choices.iter().filter(|c| c.right).collect(),
            Solution::TrueFalse(_)
            | Solution::Verdict(_)
            | Solution::Text { .. }
            | Solution::Gaps(_)
            | Solution::Pairs(_)
            | Solution::Ranked(_)
            | Solution::Card(_)
            | Solution::Rubric { .. } => Vec::new(),
        }
    }

    /// The choice written at index `written` (for the feedback of a wrong pick).
    pub fn choice(&self, written: usize) -> Option<&Choice<'b>> {
        match &self.solution {
            Solution::Choices(choices) => choices.iter().find(|c| c.written == written),
            Solution::TrueFalse(_)
            | Solution::Verdict(_)
            | Solution::Text { .. }
            | Solution::Gaps(_)
            | Solution::Pairs(_)
            | Solution::Ranked(_)
            | Solution::Card(_)
            | Solution::Rubric { .. } => None,
        }
    }

    /// For an order question, the rank of the item at each display position
    /// (what the student writes beside each letter); empty otherwise.
    pub fn ranks_by_position(&self) -> Vec<usize> {
        match &self.solution {
            Solution::Ranked(items) => {
                let mut ranks = vec![0; items.len()];
                for item in items {
                    if let Some(slot) = ranks.get_mut(item.position) {
                        *slot = item.rank;
                    }
                }
                ranks
            }
            Solution::Choices(_)
            | Solution::TrueFalse(_)
            | Solution::Verdict(_)
            | Solution::Text { .. }
            | Solution::Gaps(_)
            | Solution::Pairs(_)
            | Solution::Card(_)
            | Solution::Rubric { .. } => Vec::new(),
        }
    }

    /// The right answer in words, without letters: what stands alone (the
    /// back of a flashcard, a summary line).
    pub fn words(&self, lang: Lang) -> String {
        let t = Strings::get(lang);
        match &self.solution {
            Solution::Choices(_) => {
                let mut right: Vec<&Choice<'_>> = self.right_choices();
                right.sort_by_key(|c| c.written);
                right.iter().map(|c| c.text).collect::<Vec<_>>().join(" ; ")
            }
            Solution::TrueFalse(answer) => true_false(*answer, t).to_owned(),
            Solution::Verdict(verdict) => verdict.label(lang).to_owned(),
            Solution::Text { answer, .. } => (*answer).to_owned(),
            Solution::Gaps(gaps) => gaps
                .iter()
                .enumerate()
                .map(|(i, forms)| format!("({}) {}", i + 1, first(forms)))
                .collect::<Vec<_>>()
                .join(" · "),
            Solution::Pairs(pairs) => pairs
                .iter()
                .map(|p| format!("{} → {}", p.left, p.right))
                .collect::<Vec<_>>()
                .join(" ; "),
            Solution::Ranked(items) => items
                .iter()
                .map(|i| format!("{}. {}", i.rank, i.text))
                .collect::<Vec<_>>()
                .join(" "),
            Solution::Card(back) | Solution::Rubric { answer: back, .. } => (*back).to_owned(),
        }
    }
}

/// "True" or "False" in the interface language.
pub fn true_false(answer: bool, t: &Strings) -> &'static str {
    if answer { t.true_ } else { t.false_ }
}

/// The expected form of a blank (the first written).
pub fn first(forms: &[String]) -> &str {
    forms.first().map_or("", String::as_str)
}

/// Where a quote is in the article: `§n`, or the subheading word (as given).
pub fn place(evidence: &Evidence, subheading: &str) -> String {
    evidence
        .paragraph
        .map_or_else(|| subheading.to_owned(), |n| format!("§{n}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::load_bank;
    use crate::select::Seed;

    #[test]
    fn positions_follow_the_shown_permutation() {
        let bank = load_bank(None).unwrap();
        let mut rng = Seed(5).rng();
        for question in &bank.questions {
            let shown = Shown::shuffle(question, &mut rng);
            let view = AnswerView::new(&shown);
            match (&view.solution, question.shape()) {
                (Solution::Choices(choices), Shape::Choices { choices: c, .. }) => {
                    for choice in choices {
                        assert_eq!(shown.order[choice.position], choice.written);
                        assert_eq!(choice.text, c.options[choice.written]);
                    }
                    let positions: Vec<usize> =
                        view.right_choices().iter().map(|c| c.position).collect();
                    assert_eq!(positions, shown.correct_positions());
                }
                (Solution::Pairs(pairs), Shape::Pairs { pairs: written, .. }) => {
                    for pair in pairs {
                        assert_eq!(written[shown.order[pair.position]].1, pair.right);
                    }
                }
                (Solution::Ranked(items), Shape::Ranked { items: written, .. }) => {
                    for item in items {
                        assert_eq!(written[shown.order[item.position]], item.text);
                    }
                    let ranks = view.ranks_by_position();
                    for (position, rank) in ranks.iter().enumerate() {
                        assert_eq!(shown.order[position] + 1, *rank);
                    }
                }
                _ => {}
            }
        }
    }
}
