//! Plain data for the templates: what a question looks like on a sheet and
//! in the key, for one version.

use crate::answer::{self, AnswerView, Solution};
use crate::article::Article;
use crate::bank::{Lang, Segment, Shape, Verdict};
use crate::i18n::{Strings, typography};
use crate::letters;
use crate::select::{Shown, Version};

/// A paragraph of the article as printed.
#[derive(Debug)]
pub struct Paragraph {
    /// `§1`… or empty for a subheading.
    pub mark: String,
    /// The text.
    pub text: String,
}

/// Prints the article: numbered paragraphs and subheadings.
pub(super) fn article(article: &Article, lang: Lang) -> Vec<Paragraph> {
    article
        .paragraphs()
        .iter()
        .map(|p| Paragraph {
            mark: p.number.map(|n| format!("§{n}")).unwrap_or_default(),
            text: typography(lang, &p.text),
        })
        .collect()
}

/// A gap in cloze text.
#[derive(Debug)]
pub struct Gap {
    /// Text before the gap.
    pub before: String,
    /// Width class of the blank, from the expected answer's length (`s`, `m`, `l`).
    pub size: &'static str,
    /// Gap number, for the key.
    pub number: usize,
}

/// How a question's answer area is drawn.
#[derive(Debug)]
pub enum Body {
    /// Lettered choices with tick boxes.
    Choices {
        /// `(letter, text)`.
        options: Vec<(char, String)>,
    },
    /// A row of labelled tick boxes (true/false, claim verdicts).
    Boxes {
        /// Labels.
        labels: Vec<&'static str>,
    },
    /// Lines to write on.
    Lines {
        /// Width class (`s`, `m`, `l`).
        size: &'static str,
    },
    /// Text with blanks.
    Cloze {
        /// Text and blanks in order.
        gaps: Vec<Gap>,
        /// Text after the last gap.
        after: String,
    },
    /// Two columns to match, row by row: `(number, left text, letter, right text)`,
    /// the left column as written, the right one shuffled.
    Match {
        /// The rows.
        rows: Vec<(usize, String, char, String)>,
    },
    /// Items with a box for their rank.
    Order {
        /// `(letter, text)`, shuffled.
        items: Vec<(char, String)>,
    },
    /// Several full-width lines for a written answer (an open question).
    Written {
        /// One entry per line, numbered from 1, sized to the model answer.
        lines: Vec<usize>,
    },
}

/// A question on the worksheet.
#[derive(Debug)]
pub struct Item {
    /// Number on the sheet (continuous across groups).
    pub number: usize,
    /// Points it is worth.
    pub points: u32,
    /// The prompt (empty for cloze without instruction).
    pub prompt: String,
    /// The answer area.
    pub body: Body,
    /// Leave lines for a sentence of reasoning.
    pub justify: bool,
}

/// A question's entry in the answer key.
#[derive(Debug)]
pub struct KeyItem {
    /// Number on the sheet.
    pub number: usize,
    /// The question's id in the bank, for the teacher who edits it.
    pub id: String,
    /// Points it is worth.
    pub points: u32,
    /// The prompt, to recognise the question.
    pub prompt: String,
    /// The answer, one line per part (choice, gap, pair…).
    pub answer: Vec<String>,
    /// The answer in a few characters, for fast marking (`C`, `1B 2A`, `Vrai`).
    pub brief: String,
    /// Other accepted forms, if any.
    pub accepted: String,
    /// Why a wrong choice is wrong: `(letter and choice, why)`.
    pub feedback: Vec<(String, String)>,
    /// The explanation.
    pub explanation: String,
    /// `(quote, §n)`.
    pub evidence: Vec<(String, String)>,
    /// The question asks for reasoning: the explanation is the model answer.
    pub justify: bool,
    /// The rubric as a grading table, highest level first: `(points, criterion)`.
    pub rubric: Vec<(String, String)>,
}

/// Lines left for a written answer: about one per 60 characters of the model
/// answer, plus one for a student's looser hand, 3 to 10.
fn written_lines(answer: &str) -> Vec<usize> {
    let n = (answer.chars().count() / 60 + 2).clamp(3, 10);
    (1..=n).collect()
}

fn size_for(answer: &str) -> &'static str {
    match answer.chars().count() {
        0..=12 => "s",
        13..=30 => "m",
        _ => "l",
    }
}

/// The worksheet's groups, with their instruction, numbered continuously.
/// `lang` is the interface's language, `content` the bank's (its typography).
pub(super) fn groups(version: &Version<'_>, lang: Lang, content: Lang) -> Vec<(String, Vec<Item>)> {
    let mut number = 0;
    version
        .groups
        .iter()
        .map(|(qtype, shown)| {
            let items = shown
                .iter()
                .map(|s| {
                    number += 1;
                    item(s, number, lang, content)
                })
                .collect();
            let instruction = qtype.group_instruction(lang, sentences(shown));
            (typography(lang, instruction), items)
        })
        .collect()
}

/// Whether a group of free-text answers asks for sentences: some expected
/// answer is longer than a few words.
fn sentences(shown: &[Shown<'_>]) -> bool {
    shown.iter().any(|s| match s.question.shape() {
        Shape::Text { answer, .. } => answer.split_whitespace().count() > SHORT_WORDS,
        Shape::Choices { .. }
        | Shape::TrueFalse { .. }
        | Shape::Verdict { .. }
        | Shape::Gaps { .. }
        | Shape::Pairs { .. }
        | Shape::Ranked { .. }
        | Shape::Rubric { .. }
        | Shape::Card { .. } => false,
    })
}

/// Most words in an answer that "a few words" still describes.
const SHORT_WORDS: usize = 4;

fn item(shown: &Shown<'_>, number: usize, lang: Lang, content: Lang) -> Item {
    let t = Strings::get(lang);
    let typo = |s: &str| typography(content, s);
    let question = shown.question;
    let lettered = |texts: &[String]| -> Vec<(char, String)> {
        shown
            .order
            .iter()
            .enumerate()
            .map(|(i, &o)| (letters::upper(i), typo(&texts[o])))
            .collect()
    };
    let (prompt, body) = match question.shape() {
        Shape::Choices { choices: c, .. } => (
            typo(&c.prompt),
            Body::Choices {
                options: lettered(&c.options),
            },
        ),
        Shape::TrueFalse { prompt, .. } => (
            typo(prompt),
            Body::Boxes {
                labels: vec![t.true_, t.false_],
            },
        ),
        Shape::Verdict { prompt, .. } => (
            typo(prompt),
            Body::Boxes {
                labels: Verdict::ALL.iter().map(|v| v.label(lang)).collect(),
            },
        ),
        Shape::Text { prompt, answer, .. } => (
            typo(prompt),
            Body::Lines {
                size: size_for(answer),
            },
        ),
        Shape::Gaps { prompt, segments } => {
            let mut gaps = Vec::new();
            let mut before = String::new();
            for segment in segments {
                match segment {
                    Segment::Text(text) => before.push_str(text),
                    Segment::Gap(forms) => gaps.push(Gap {
                        before: typo(&std::mem::take(&mut before)),
                        size: size_for(
                            forms
                                .iter()
                                .max_by_key(|f| f.len())
                                .map_or("", String::as_str),
                        ),
                        number: gaps.len() + 1,
                    }),
                }
            }
            (
                prompt.map(typo).unwrap_or_default(),
                Body::Cloze {
                    gaps,
                    after: typo(&before),
                },
            )
        }
        Shape::Pairs { prompt, pairs } => {
            let rights: Vec<String> = pairs.iter().map(|p| p.1.clone()).collect();
            let rows = pairs
                .iter()
                .zip(lettered(&rights))
                .enumerate()
                .map(|(i, ((left, _), (letter, right)))| (i + 1, typo(left), letter, right))
                .collect();
            (typo(prompt), Body::Match { rows })
        }
        Shape::Ranked { prompt, items } => (
            typo(prompt),
            Body::Order {
                items: lettered(items),
            },
        ),
        Shape::Card { front, .. } => (typo(front), Body::Lines { size: "l" }),
        Shape::Rubric { prompt, answer, .. } => (
            typo(prompt),
            Body::Written {
                lines: written_lines(answer),
            },
        ),
    };
    Item {
        number,
        points: question.points(),
        prompt,
        body,
        justify: question.justify,
    }
}

/// The answer key of a version, in the worksheet's order.
pub(super) fn key(version: &Version<'_>, lang: Lang, content: Lang) -> Vec<KeyItem> {
    version
        .questions()
        .enumerate()
        .map(|(i, shown)| key_item(shown, i + 1, lang, content, Lettering::Sheet))
        .collect()
}

/// How a key names choices, pairs and items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lettering {
    /// By the letters of the one sheet the key goes with.
    Sheet,
    /// In words only: the explained key of a class set serves every
    /// version, and each version letters its lists differently.
    Words,
}

/// The explained key of a class set: `questions` (in the order given,
/// numbered from 1) answered in words, with no letter of any version.
pub(super) fn explained(
    questions: &[&crate::bank::Question],
    lang: Lang,
    content: Lang,
) -> Vec<KeyItem> {
    questions
        .iter()
        .enumerate()
        .map(|(i, question)| {
            let shown = Shown::as_written(question);
            key_item(&shown, i + 1, lang, content, Lettering::Words)
        })
        .collect()
}

fn key_item(
    shown: &Shown<'_>,
    number: usize,
    lang: Lang,
    content: Lang,
    lettering: Lettering,
) -> KeyItem {
    let t = Strings::get(lang);
    let typo = |s: &str| typography(content, s);
    let words = lettering == Lettering::Words;
    // `C. text` on a version's key; the text alone where no sheet's letters apply.
    let lettered = |position: usize, text: &str| {
        if words {
            typo(text)
        } else {
            format!("{}. {}", letters::upper(position), typo(text))
        }
    };
    let question = shown.question;
    let view = AnswerView::new(shown);
    let mut accepted = String::new();
    let mut feedback = Vec::new();
    let answer: Vec<String> = match &view.solution {
        Solution::Choices(choices) => {
            for choice in choices {
                if let Some(why) = choice.feedback {
                    feedback.push((lettered(choice.position, choice.text), typo(why)));
                }
            }
            view.right_choices()
                .iter()
                .map(|c| lettered(c.position, c.text))
                .collect()
        }
        Solution::TrueFalse(answer) => vec![answer::true_false(*answer, t).to_owned()],
        Solution::Verdict(verdict) => vec![verdict.label(lang).to_owned()],
        Solution::Text {
            answer,
            accepted: forms,
        } => {
            accepted = forms
                .iter()
                .map(|a| typo(a))
                .collect::<Vec<_>>()
                .join(" · ");
            vec![typo(answer)]
        }
        Solution::Gaps(gaps) => gaps
            .iter()
            .enumerate()
            .map(|(i, forms)| {
                let mut line = format!("({}) {}", i + 1, typo(answer::first(forms)));
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
        // The left column is numbered as written on every version.
        Solution::Pairs(pairs) if words => pairs
            .iter()
            .map(|p| format!("{}. {} ↔ {}", p.number, typo(p.left), typo(p.right)))
            .collect(),
        Solution::Pairs(pairs) => pairs
            .iter()
            .map(|p| {
                format!(
                    "{} → {} ({} ↔ {})",
                    p.number,
                    letters::upper(p.position),
                    typo(p.left),
                    typo(p.right)
                )
            })
            .collect(),
        Solution::Ranked(items) if words => items
            .iter()
            .map(|item| format!("{}. {}", item.rank, typo(item.text)))
            .collect(),
        Solution::Ranked(items) => {
            let ranks: Vec<String> = view
                .ranks_by_position()
                .iter()
                .enumerate()
                .map(|(position, rank)| format!("{} = {rank}", letters::upper(position)))
                .collect();
            let mut lines = vec![ranks.join(" · ")];
            lines.extend(items.iter().map(|item| {
                format!(
                    "{}. ({}) {}",
                    item.rank,
                    letters::upper(item.position),
                    typo(item.text)
                )
            }));
            lines
        }
        Solution::Card(back) | Solution::Rubric { answer: back, .. } => vec![typo(back)],
    };
    KeyItem {
        number,
        id: question.id.to_string(),
        points: question.points(),
        prompt: typo(&question.prompt()),
        // Letters at a glance belong to one sheet.
        brief: if words {
            String::new()
        } else {
            brief(&view, &answer, content, t)
        },
        answer,
        accepted,
        feedback,
        explanation: typo(view.explanation),
        evidence: view
            .evidence
            .iter()
            .map(|e| (typo(&e.quote), answer::place(e, t.subheading)))
            .collect(),
        justify: question.justify,
        rubric: {
            let mut levels: Vec<&crate::bank::RubricLevel> = question.rubric().iter().collect();
            levels.sort_by_key(|l| std::cmp::Reverse(l.points));
            levels
                .iter()
                .map(|l| {
                    (
                        crate::present::points_label(l.points, lang),
                        typo(&l.criterion),
                    )
                })
                .collect()
        },
    }
}

/// The answer in a few characters, as the student marks it on the sheet:
/// letters for choices, number-letter for matches, letter-rank for orders,
/// a pointer to the rubric for open questions (a model answer is a
/// paragraph, which would make one column of the glance far taller than the
/// others), otherwise the first line of the full answer.
fn brief(view: &AnswerView<'_>, answer: &[String], lang: Lang, t: &Strings) -> String {
    match &view.solution {
        Solution::Choices(_) => view
            .right_choices()
            .iter()
            .map(|c| String::from(letters::upper(c.position)))
            .collect::<Vec<_>>()
            .join(", "),
        Solution::Pairs(pairs) => pairs
            .iter()
            .map(|p| format!("{}{}", p.number, letters::upper(p.position)))
            .collect::<Vec<_>>()
            .join(" "),
        // As the student fills it in: the rank written beside each letter.
        Solution::Ranked(_) => view
            .ranks_by_position()
            .iter()
            .enumerate()
            .map(|(position, rank)| format!("{}{rank}", letters::upper(position)))
            .collect::<Vec<_>>()
            .join(" "),
        Solution::Gaps(gaps) => gaps
            .iter()
            .map(|forms| typography(lang, answer::first(forms)))
            .collect::<Vec<_>>()
            .join(" / "),
        Solution::Rubric { .. } => format!("({})", t.see_rubric),
        Solution::TrueFalse(_)
        | Solution::Verdict(_)
        | Solution::Text { .. }
        | Solution::Card(_) => answer.first().cloned().unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{QuestionType, Skill};
    use crate::check::load_bank;
    use crate::select::{Filters, Seed, select, versions};
    use proptest::prelude::*;

    /// The text shown beside `letter` in a worksheet item's list.
    fn shown_text(body: &Body, letter: char) -> Option<String> {
        let list: Vec<(char, String)> = match body {
            Body::Choices { options } => options.clone(),
            Body::Order { items } => items.clone(),
            Body::Match { rows } => rows.iter().map(|r| (r.2, r.3.clone())).collect(),
            _ => return None,
        };
        list.into_iter().find(|(l, _)| *l == letter).map(|(_, t)| t)
    }

    fn letters(brief: &str) -> Vec<char> {
        brief.chars().filter(char::is_ascii_uppercase).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever the seed, count, filters and number of versions, every key
        /// entry agrees with the shuffled question printed under its number.
        #[test]
        fn keys_match_their_shuffled_sheets(
            seed in any::<u64>(),
            count in 1usize..=20,
            version_count in 1usize..=4,
            skill in proptest::option::of(0usize..7),
            qtype in proptest::option::of(0usize..8),
        ) {
            let bank = load_bank(None).unwrap();
            let filters = Filters {
                skills: skill.map(|s| vec![Skill::ALL[s]]).unwrap_or_default(),
                types: qtype.map(|t| vec![QuestionType::ALL[t]]).unwrap_or_default(),
                ..Filters::default()
            };
            let mut rng = Seed(seed).rng();
            let matching = bank.questions.iter().filter(|q| q.question_type() != QuestionType::Card && filters.accepts(q)).count();
            let chosen = match select(&bank, &filters, count, false, &mut rng) {
                Ok(chosen) => chosen,
                Err(_) => {
                    prop_assert!(count > matching);
                    return Ok(());
                }
            };
            prop_assert_eq!(chosen.len(), count);
            let mut ids: Vec<&str> = chosen.iter().map(|q| q.id.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            prop_assert_eq!(ids.len(), count, "a question repeats");
            prop_assert!(chosen.iter().all(|q| filters.accepts(q) && q.question_type() != QuestionType::Card));
            if skill.is_none() {
                let available: std::collections::BTreeSet<Skill> = bank.questions.iter()
                    .filter(|q| q.question_type() != QuestionType::Card && filters.accepts(q)).map(|q| q.skill).collect();
                let covered: std::collections::BTreeSet<Skill> = chosen.iter().map(|q| q.skill).collect();
                prop_assert_eq!(covered.len(), count.min(available.len()), "selection is not spread over skills");
            }

            let all = versions(&chosen, version_count, &mut rng);
            for (i, version) in all.iter().enumerate() {
                for earlier in &all[..i] {
                    if count >= 3 {
                        prop_assert_ne!(&earlier.groups, &version.groups, "two versions are identical");
                    }
                }
                let mut printed: Vec<&str> = version.questions().map(|s| s.question.id.as_str()).collect();
                printed.sort_unstable();
                prop_assert_eq!(&printed, &ids, "a version does not hold the selected questions");

                let items: Vec<Item> = groups(version, Lang::Fr, Lang::Fr).into_iter().flat_map(|(_, items)| items).collect();
                let key = key(version, Lang::Fr, Lang::Fr);
                prop_assert_eq!(items.len(), key.len());
                for ((item, entry), shown) in items.iter().zip(&key).zip(version.questions()) {
                    prop_assert_eq!(item.number, entry.number);
                    let q = shown.question;
                    match q.shape() {
                        Shape::Choices { choices: c, .. } => {
                            let mut keyed: Vec<String> = letters(&entry.brief).into_iter()
                                .map(|l| shown_text(&item.body, l).unwrap()).collect();
                            let mut right: Vec<String> = c.correct.iter().map(|&i| typography(Lang::Fr, &c.options[i])).collect();
                            keyed.sort();
                            right.sort();
                            prop_assert_eq!(keyed, right, "key of {} disagrees with its choices", q.id);
                            if c.keep_order {
                                prop_assert!(shown.order.iter().enumerate().all(|(i, &o)| i == o));
                            }
                        }
                        Shape::Pairs { pairs, .. } => {
                            for (n, part) in entry.brief.split(' ').enumerate() {
                                let letter = part.chars().last().unwrap();
                                prop_assert_eq!(shown_text(&item.body, letter).unwrap(), typography(Lang::Fr, &pairs[n].1));
                            }
                        }
                        Shape::Ranked { items: right, .. } => {
                            let mut keyed: Vec<(usize, String)> = entry.brief.split(' ').map(|part| {
                                let letter = part.chars().next().unwrap();
                                let rank: usize = part[1..].parse().unwrap();
                                (rank, shown_text(&item.body, letter).unwrap())
                            }).collect();
                            keyed.sort();
                            let keyed: Vec<String> = keyed.into_iter().map(|(_, text)| text).collect();
                            let right: Vec<String> = right.iter().map(|i| typography(Lang::Fr, i)).collect();
                            prop_assert_eq!(keyed, right);
                            prop_assert!(shown.order.iter().enumerate().any(|(i, &o)| i != o), "order items printed in the answer's order");
                        }
                        Shape::TrueFalse { answer, .. } => {
                            prop_assert_eq!(&entry.brief, if answer { "Vrai" } else { "Faux" });
                        }
                        Shape::Verdict { answer, .. } => {
                            prop_assert_eq!(entry.brief.as_str(), answer.label(Lang::Fr));
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}
