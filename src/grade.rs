//! Reading what a student types and grading it: pure functions, so the
//! console quiz, and any later front end, judge alike.
//!
//! Two rules shape everything here. Input that is not an answer at all (an
//! unknown letter, `1z`) is never graded: [`parse`] returns a hint and the
//! question is asked again. And free text is compared forgivingly (case,
//! accents, punctuation, articles, one slip in a long word) but never so
//! loosely that a different answer passes: digits must match exactly.

use crate::bank::{Lang, Question, Segment, Shape, Verdict};
use crate::letters;
use crate::select::Shown;
use crate::text::fold_answer;

/// A parsed answer, in display terms (positions as the student saw them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Choice positions, ascending (single: exactly one).
    Choices(Vec<usize>),
    /// True or false.
    Bool(bool),
    /// A claim verdict.
    Verdict(Verdict),
    /// Free text (short answers), or one text per gap (cloze).
    Texts(Vec<String>),
    /// For each left item (written order), the display position of the right item chosen.
    Pairs(Vec<usize>),
    /// Display positions in the order the student gave them.
    Order(Vec<usize>),
}

/// Why an input is not an answer: what to type instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint(pub String);

/// How a typed text compares with the accepted forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextMatch {
    /// Matches once folded.
    Exact,
    /// One letter off in a long word: counted right, with the right spelling.
    Slip(String),
    /// Does not match.
    No,
}

/// The verdict on one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grade {
    /// Entirely right.
    pub right: bool,
    /// Parts right and parts in all (gaps, pairs, choices…).
    pub parts: (usize, usize),
    /// Spelling slips forgiven: `(typed, right spelling)`.
    pub slips: Vec<(String, String)>,
    /// Wrong choices picked, as written indexes (for their feedback).
    pub wrong_choices: Vec<usize>,
    /// Pairs or ranks placed wrong, as written indexes (a match's left-hand
    /// items, numbered from 0), so feedback can say which.
    pub wrong_parts: Vec<usize>,
}

impl Grade {
    fn all_or_nothing(right: bool) -> Grade {
        Grade {
            right,
            parts: (usize::from(right), 1),
            slips: Vec::new(),
            wrong_choices: Vec::new(),
            wrong_parts: Vec::new(),
        }
    }
}

fn hint(lang: Lang, fr: &str, en: &str) -> Hint {
    Hint(lang.pick(fr, en).to_owned())
}

/// Parses one line typed for `shown` (for cloze, `line` is one gap's text).
pub fn parse(shown: &Shown<'_>, line: &str, lang: Lang) -> Result<Answer, Hint> {
    let input = line.trim();
    match shown.question.shape() {
        Shape::Choices { choices, several } => {
            let single = !several;
            let count = choices.options.len();
            let last = letters::lower(count - 1);
            let bad = || {
                if single {
                    hint(
                        lang,
                        &format!("Répondez par une lettre, de a à {last}."),
                        &format!("Answer with one letter, a to {last}."),
                    )
                } else {
                    hint(
                        lang,
                        &format!(
                            "Répondez par une ou plusieurs lettres de a à {last}, par exemple « a c »."
                        ),
                        &format!(
                            "Answer with one or more letters, a to {last}, for example \"a c\"."
                        ),
                    )
                }
            };
            let mut picked = Vec::new();
            for c in input
                .chars()
                .filter(|c| !c.is_whitespace() && !matches!(c, ',' | ';' | '/' | '+'))
            {
                picked.push(letters::position(c, count).ok_or_else(bad)?);
            }
            picked.sort_unstable();
            picked.dedup();
            if picked.is_empty() || (single && picked.len() > 1) {
                return Err(bad());
            }
            Ok(Answer::Choices(picked))
        }
        Shape::TrueFalse { .. } => match fold_answer(input).as_str() {
            "v" | "vrai" | "t" | "true" | "y" | "yes" | "o" | "oui" => Ok(Answer::Bool(true)),
            "f" | "faux" | "false" | "n" | "no" | "non" => Ok(Answer::Bool(false)),
            _ => Err(hint(
                lang,
                "Répondez v (vrai) ou f (faux).",
                "Answer t (true) or f (false).",
            )),
        },
        Shape::Verdict { .. } => {
            let folded = fold_answer(input);
            let verdict = match (lang, folded.as_str()) {
                (_, "c" | "contredit" | "contradicted") => Some(Verdict::Contradicted),
                (_, "n" | "non mentionne" | "not stated" | "not mentioned" | "nm" | "ns") => {
                    Some(Verdict::NotStated)
                }
                (Lang::Fr, "a") | (Lang::En, "s") | (_, "affirme" | "supported") => {
                    Some(Verdict::Supported)
                }
                _ => None,
            };
            verdict.map(Answer::Verdict).ok_or_else(|| {
                hint(
                    lang,
                    "Répondez a (affirmé), c (contredit) ou n (non mentionné).",
                    "Answer s (supported), c (contradicted) or n (not stated).",
                )
            })
        }
        Shape::Text { .. } | Shape::Gaps { .. } | Shape::Card { .. } | Shape::Rubric { .. } => {
            if fold_answer(input).is_empty() {
                Err(hint(
                    lang,
                    "Tapez une réponse (ou q pour quitter).",
                    "Type an answer (or q to quit).",
                ))
            } else {
                Ok(Answer::Texts(vec![input.to_owned()]))
            }
        }
        Shape::Pairs { pairs, .. } => parse_pairs(input, pairs.len(), lang),
        Shape::Ranked { items, .. } => parse_order(input, items.len(), lang),
    }
}

fn parse_pairs(input: &str, count: usize, lang: Lang) -> Result<Answer, Hint> {
    let last = letters::lower(count - 1);
    let bad = || {
        hint(
            lang,
            &format!(
                "Associez chaque numéro de 1 à {count} à une lettre de a à {last}, par exemple « 1b 2a »."
            ),
            &format!(
                "Match each number 1 to {count} with a letter a to {last}, for example \"1b 2a\"."
            ),
        )
    };
    let mut chosen: Vec<Option<usize>> = vec![None; count];
    let cleaned: String = input
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    // "1b 2a", "1 b 2 a", "1-b, 2-a": a number then a letter, repeatedly.
    let mut number = String::new();
    for c in cleaned.chars().filter(|c| !c.is_whitespace()) {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let left = number
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=count).contains(n))
            .ok_or_else(bad)?;
        let right = letters::position(c, count).ok_or_else(bad)?;
        chosen[left - 1] = Some(right);
        number.clear();
    }
    if !number.is_empty() || chosen.iter().any(Option::is_none) {
        return Err(bad());
    }
    Ok(Answer::Pairs(chosen.into_iter().flatten().collect()))
}

fn parse_order(input: &str, count: usize, lang: Lang) -> Result<Answer, Hint> {
    let bad = || {
        hint(
            lang,
            &format!(
                "Tapez les numéros 1 à {count} dans le bon ordre, chacun une fois, par exemple « 3 1 2 »."
            ),
            &format!(
                "Type the numbers 1 to {count} in the right order, each once, for example \"3 1 2\"."
            ),
        )
    };
    let numbers: Vec<usize> = if input.chars().all(|c| c.is_ascii_digit()) && count < 10 {
        input
            .chars()
            .filter_map(|c| c.to_digit(10))
            .map(|d| d as usize)
            .collect()
    } else {
        input
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse::<usize>().map_err(|_| bad()))
            .collect::<Result<_, _>>()?
    };
    let mut sorted = numbers.clone();
    sorted.sort_unstable();
    if sorted != (1..=count).collect::<Vec<_>>() {
        return Err(bad());
    }
    Ok(Answer::Order(numbers.into_iter().map(|n| n - 1).collect()))
}

/// Compares typed text with accepted forms, forgivingly (see module docs).
pub fn text_matches(typed: &str, forms: &[String]) -> TextMatch {
    let typed = fold_answer(typed);
    if typed.is_empty() {
        return TextMatch::No;
    }
    if forms.iter().any(|f| fold_answer(f) == typed) {
        return TextMatch::Exact;
    }
    forms
        .iter()
        .find(|f| one_slip(&typed, &fold_answer(f)))
        .map_or(TextMatch::No, |f| TextMatch::Slip(f.clone()))
}

/// Same words but one, and that one a long word of letters one edit away.
fn one_slip(typed: &str, expected: &str) -> bool {
    let (t, e): (Vec<&str>, Vec<&str>) =
        (typed.split(' ').collect(), expected.split(' ').collect());
    if t.len() != e.len() {
        return false;
    }
    let differing: Vec<(&str, &str)> = t
        .iter()
        .zip(&e)
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (*a, *b))
        .collect();
    match differing.as_slice() {
        [(typed, expected)] => {
            expected.chars().count() >= 5
                && expected.chars().all(char::is_alphabetic)
                && typed.chars().all(char::is_alphabetic)
                && strsim::damerau_levenshtein(typed, expected) == 1
        }
        _ => false,
    }
}

/// Points earned and points possible for one answer, as the answer key
/// grades the sheet (the rule is [`Question::earned`], written out in
/// `docs/scoring.md`). The justification is left out: the student scores it
/// with its rubric, never the grader.
pub fn points(question: &Question, graded: &Grade) -> (u32, u32) {
    (
        question.earned(graded.right, graded.parts),
        question.answer_points(),
    )
}

/// Grades a parsed answer against the shown question.
pub fn grade(shown: &Shown<'_>, answer: &Answer) -> Grade {
    match (shown.question.shape(), answer) {
        (
            Shape::Choices {
                choices: c,
                several,
            },
            Answer::Choices(picked),
        ) => {
            let right = shown.correct_positions();
            let written: Vec<usize> = picked.iter().map(|&p| shown.order[p]).collect();
            let hits = (0..c.options.len())
                .filter(|&p| picked.contains(&p) == right.contains(&p))
                .count();
            let single = !several;
            Grade {
                right: *picked == right,
                parts: if single {
                    (usize::from(*picked == right), 1)
                } else {
                    (hits, c.options.len())
                },
                slips: Vec::new(),
                wrong_choices: written
                    .into_iter()
                    .filter(|w| !c.correct.contains(w))
                    .collect(),
                wrong_parts: Vec::new(),
            }
        }
        (Shape::TrueFalse { answer, .. }, Answer::Bool(b)) => Grade::all_or_nothing(answer == *b),
        (Shape::Verdict { answer, .. }, Answer::Verdict(v)) => Grade::all_or_nothing(answer == *v),
        (Shape::Text { answer, accept, .. }, Answer::Texts(texts)) => {
            let forms: Vec<String> = std::iter::once(answer.to_owned())
                .chain(accept.iter().cloned())
                .collect();
            grade_texts(texts, &[forms])
        }
        (Shape::Gaps { segments, .. }, Answer::Texts(texts)) => {
            let gaps: Vec<Vec<String>> = segments
                .iter()
                .filter_map(|s| match s {
                    Segment::Gap(forms) => Some(forms.clone()),
                    Segment::Text(_) => None,
                })
                .collect();
            grade_texts(texts, &gaps)
        }
        // Both place each written item (a left-hand side, a rank) at a
        // display position; it is right where the shuffle put that item.
        (Shape::Pairs { .. }, Answer::Pairs(placed))
        | (Shape::Ranked { .. }, Answer::Order(placed)) => {
            let wrong_parts: Vec<usize> = placed
                .iter()
                .enumerate()
                .filter(|&(written, &position)| shown.order.get(position) != Some(&written))
                .map(|(written, _)| written)
                .collect();
            let hits = placed.len() - wrong_parts.len();
            Grade {
                right: hits == shown.order.len(),
                parts: (hits, shown.order.len()),
                slips: Vec::new(),
                wrong_choices: Vec::new(),
                wrong_parts,
            }
        }
        // A card is recalled and an open answer scored with its rubric: no
        // grader for them.
        (Shape::Card { .. } | Shape::Rubric { .. }, _) => Grade::all_or_nothing(false),
        // An answer of another shape than its question's (`parse` never
        // makes one) is wrong.
        (
            Shape::Choices { .. }
            | Shape::TrueFalse { .. }
            | Shape::Verdict { .. }
            | Shape::Text { .. }
            | Shape::Gaps { .. }
            | Shape::Pairs { .. }
            | Shape::Ranked { .. },
            _,
        ) => Grade::all_or_nothing(false),
    }
}

fn grade_texts(texts: &[String], gaps: &[Vec<String>]) -> Grade {
    let mut hits = 0;
    let mut slips = Vec::new();
    // A blank left unanswered is wrong too: start from all, keep the misses.
    let mut wrong_parts: Vec<usize> = (0..gaps.len()).collect();
    for (gap, (typed, forms)) in texts.iter().zip(gaps).enumerate() {
        match text_matches(typed, forms) {
            TextMatch::Exact => hits += 1,
            TextMatch::Slip(right) => {
                hits += 1;
                slips.push((typed.trim().to_owned(), right));
            }
            TextMatch::No => continue,
        }
        wrong_parts.retain(|&w| w != gap);
    }
    Grade {
        right: hits == gaps.len() && texts.len() == gaps.len(),
        parts: (hits, gaps.len()),
        slips,
        wrong_choices: Vec::new(),
        wrong_parts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Question;
    use crate::check::load_bank;
    use crate::select::Seed;
    use proptest::prelude::*;

    fn forms(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn text_is_compared_forgivingly_but_not_loosely() {
        let answer = forms(&["le 12 septembre", "12/09"]);
        assert_eq!(text_matches("12 Septembre", &answer), TextMatch::Exact);
        assert_eq!(
            text_matches("  LE 12 SEPTEMBRE. ", &answer),
            TextMatch::Exact
        );
        assert_eq!(
            text_matches("12 septembe", &answer),
            TextMatch::Slip("le 12 septembre".to_owned())
        );
        assert_eq!(text_matches("13 septembre", &answer), TextMatch::No);
        assert_eq!(text_matches("46", &forms(&["46"])), TextMatch::Exact);
        assert_eq!(text_matches("45", &forms(&["46"])), TextMatch::No);
        assert_eq!(
            text_matches("deux", &forms(&["deux heures"])),
            TextMatch::No
        );
        assert_eq!(
            text_matches("déterminés", &forms(&["déterminées"])),
            TextMatch::Slip("déterminées".to_owned())
        );
        assert_eq!(text_matches("", &forms(&["x"])), TextMatch::No);
    }

    fn shipped() -> crate::bank::Bank {
        load_bank(None).unwrap()
    }

    fn question<'b>(bank: &'b crate::bank::Bank, id: &str) -> &'b Question {
        bank.questions.iter().find(|q| q.id == id).unwrap()
    }

    /// Where each written item must go to be right, then with the first
    /// `swaps` neighbouring pairs exchanged.
    fn placed(shown: &Shown<'_>, swaps: usize) -> Vec<usize> {
        let mut placed: Vec<usize> = (0..shown.order.len())
            .map(|w| shown.order.iter().position(|&o| o == w).unwrap())
            .collect();
        for k in 0..swaps {
            placed.swap(2 * k, 2 * k + 1);
        }
        placed
    }

    #[test]
    fn partial_answers_score_as_the_key_grades_the_sheet() {
        let bank = shipped();
        let mut rng = Seed(1).rng();
        let matching = Shown::shuffle(question(&bank, "qui-fait-quoi"), &mut rng);
        let pairs = u32::try_from(matching.order.len()).unwrap();
        let graded = grade(&matching, &Answer::Pairs(placed(&matching, 1)));
        assert_eq!(points(matching.question, &graded), (pairs - 2, pairs));
        let graded = grade(&matching, &Answer::Pairs(placed(&matching, 0)));
        assert_eq!(points(matching.question, &graded), (pairs, pairs));

        let order = Shown::shuffle(question(&bank, "lere-sequence"), &mut rng);
        let graded = grade(&order, &Answer::Order(placed(&order, 1)));
        assert_eq!(points(order.question, &graded), (1, 2), "half in place");
        let graded = grade(&order, &Answer::Order(placed(&order, 2)));
        assert_eq!(points(order.question, &graded), (0, 2), "none in place");

        // A multi with two right choices, so one missed is half the points.
        let multi = question(&bank, "jugements");
        let shown = Shown::shuffle(multi, &mut rng);
        let mut right = shown.correct_positions();
        let all = grade(&shown, &Answer::Choices(right.clone()));
        assert_eq!(points(multi, &all), (2, 2));
        right.pop();
        let slip = grade(&shown, &Answer::Choices(right));
        assert_eq!(points(multi, &slip), (1, 2), "one choice missed");
    }

    proptest! {
        #[test]
        fn points_never_exceed_the_key_and_a_right_answer_gets_them_all(
            index in 0usize..200, seed in 0u64..1000, swaps in 0usize..3,
        ) {
            let bank = shipped();
            let scored: Vec<&Question> = bank.questions.iter()
                .filter(|q| matches!(q.shape(), Shape::Pairs { .. } | Shape::Ranked { .. }))
                .collect();
            let question = scored[index % scored.len()];
            let shown = Shown::shuffle(question, &mut Seed(seed).rng());
            let swaps = swaps.min(shown.order.len() / 2);
            let answer = if matches!(question.shape(), Shape::Pairs { .. }) {
                Answer::Pairs(placed(&shown, swaps))
            } else {
                Answer::Order(placed(&shown, swaps))
            };
            let graded = grade(&shown, &answer);
            let (earned, possible) = points(question, &graded);
            prop_assert!(earned <= possible);
            prop_assert_eq!(possible + u32::from(question.justify), question.points());
            prop_assert_eq!(graded.right, earned == possible && swaps == 0);
        }
    }

    #[test]
    fn unparseable_input_gets_a_hint() {
        let bank = shipped();
        let mut rng = Seed(1).rng();
        let single = Shown::shuffle(question(&bank, "retrait-source"), &mut rng);
        assert!(parse(&single, "z", Lang::Fr).is_err());
        assert!(parse(&single, "a b", Lang::Fr).is_err());
        assert!(parse(&single, "", Lang::Fr).is_err());
        assert_eq!(
            parse(&single, " B ", Lang::Fr),
            Ok(Answer::Choices(vec![1]))
        );
        let matching = Shown::shuffle(question(&bank, "qui-fait-quoi"), &mut rng);
        assert!(parse(&matching, "1z 2a 3b", Lang::Fr).is_err());
        assert!(parse(&matching, "1a 2b", Lang::Fr).is_err());
        assert_eq!(
            parse(&matching, "1-b, 2 a 3c", Lang::Fr),
            Ok(Answer::Pairs(vec![1, 0, 2]))
        );
        let order = Shown::shuffle(question(&bank, "lere-sequence"), &mut rng);
        assert_eq!(
            parse(&order, "3 1 2 4", Lang::Fr),
            Ok(Answer::Order(vec![2, 0, 1, 3]))
        );
        assert_eq!(
            parse(&order, "3124", Lang::Fr),
            Ok(Answer::Order(vec![2, 0, 1, 3]))
        );
        assert!(parse(&order, "3 1 2 2", Lang::Fr).is_err());
        let claim = Shown::shuffle(question(&bank, "victimes-civiles"), &mut rng);
        assert_eq!(
            parse(&claim, "N", Lang::Fr),
            Ok(Answer::Verdict(Verdict::NotStated))
        );
        assert_eq!(
            parse(&claim, "s", Lang::En),
            Ok(Answer::Verdict(Verdict::Supported))
        );
        assert!(parse(&claim, "s", Lang::Fr).is_err());
    }

    /// A casing and accent variant of `text`, chosen by `flips`.
    fn variant(text: &str, flips: &[bool]) -> String {
        use unicode_normalization::UnicodeNormalization;
        text.nfd()
            .filter(|c| {
                !unicode_normalization::char::is_combining_mark(*c) || flips.first() == Some(&true)
            })
            .enumerate()
            .map(|(i, c)| {
                if flips.get(i % flips.len().max(1)) == Some(&true) {
                    c.to_uppercase().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect::<String>()
            .replace(
                ' ',
                if flips.len().is_multiple_of(2) {
                    "  "
                } else {
                    " "
                },
            )
    }

    proptest! {
        /// The right answer, in any casing, accent or spacing form, is
        /// accepted; any other choice never is.
        #[test]
        fn right_answers_pass_and_wrong_choices_never_do(seed in any::<u64>(), flips in proptest::collection::vec(any::<bool>(), 1..12), pick in any::<prop::sample::Index>()) {
            let bank = shipped();
            let mut rng = Seed(seed).rng();
            for question in &bank.questions {
                let shown = Shown::shuffle(question, &mut rng);
                match question.shape() {
                    Shape::Choices { choices: c, several } => {
                        let right = shown.correct_positions();
                        let typed: String = right.iter().map(|&p| letters::lower(p)).map(|l| if flips[0] { l.to_ascii_uppercase() } else { l }).map(|l| format!(" {l}")).collect();
                        let answer = parse(&shown, &typed, Lang::Fr).unwrap();
                        prop_assert!(grade(&shown, &answer).right, "{}: {typed}", question.id);
                        // Any other set of choices is wrong.
                        let count = c.options.len();
                        let mask = pick.index((1 << count) - 1) + 1;
                        let other: Vec<usize> = (0..count).filter(|i| mask & (1 << i) != 0).collect();
                        if other != right && (several || other.len() == 1) {
                            let typed: String = other.iter().map(|&p| letters::lower(p)).collect();
                            let answer = parse(&shown, &typed, Lang::Fr).unwrap();
                            prop_assert!(!grade(&shown, &answer).right, "{}: {typed} accepted", question.id);
                        }
                    }
                    Shape::Text { answer, .. } => {
                        let typed = variant(answer, &flips);
                        prop_assert!(grade(&shown, &Answer::Texts(vec![typed.clone()])).right, "{}: {typed}", question.id);
                    }
                    Shape::Gaps { segments, .. } => {
                        let typed: Vec<String> = segments.iter().filter_map(|s| match s {
                            Segment::Gap(forms) => Some(variant(&forms[0], &flips)),
                            Segment::Text(_) => None,
                        }).collect();
                        prop_assert!(grade(&shown, &Answer::Texts(typed)).right, "{}", question.id);
                    }
                    Shape::TrueFalse { answer, .. } => {
                        let typed = match (answer, flips[0]) { (true, true) => "VRAI", (true, false) => "v", (false, true) => "Faux", (false, false) => "f" };
                        prop_assert!(grade(&shown, &parse(&shown, typed, Lang::Fr).unwrap()).right);
                        let wrong = if answer { "f" } else { "v" };
                        prop_assert!(!grade(&shown, &parse(&shown, wrong, Lang::Fr).unwrap()).right);
                    }
                    Shape::Verdict { answer, .. } => {
                        for verdict in Verdict::ALL {
                            let typed = match verdict { Verdict::Supported => "A", Verdict::Contradicted => "c", Verdict::NotStated => "Non mentionné" };
                            let graded = grade(&shown, &parse(&shown, typed, Lang::Fr).unwrap());
                            prop_assert_eq!(graded.right, verdict == answer);
                        }
                    }
                    Shape::Pairs { pairs, .. } => {
                        let typed: String = (0..pairs.len()).map(|left| {
                            let position = shown.order.iter().position(|&o| o == left).unwrap();
                            format!("{}{} ", left + 1, letters::lower(position))
                        }).collect();
                        prop_assert!(grade(&shown, &parse(&shown, &typed, Lang::Fr).unwrap()).right);
                    }
                    Shape::Ranked { items, .. } => {
                        let typed: Vec<String> = (0..items.len()).map(|rank| {
                            (shown.order.iter().position(|&o| o == rank).unwrap() + 1).to_string()
                        }).collect();
                        prop_assert!(grade(&shown, &parse(&shown, &typed.join(" "), Lang::Fr).unwrap()).right);
                        let reversed: Vec<String> = typed.iter().rev().cloned().collect();
                        prop_assert!(!grade(&shown, &parse(&shown, &reversed.join(" "), Lang::Fr).unwrap()).right);
                    }
                    Shape::Card { .. } | Shape::Rubric { .. } => {}
                }
            }
        }

        /// Whatever is typed, reading it gives an answer or a hint, never a panic.
        #[test]
        fn any_input_is_an_answer_or_a_hint(seed in any::<u64>(), typed in "\\PC{0,24}") {
            let bank = shipped();
            let mut rng = Seed(seed).rng();
            for question in &bank.questions {
                let shown = Shown::shuffle(question, &mut rng);
                if let Ok(answer) = parse(&shown, &typed, Lang::Fr) {
                    let _ = grade(&shown, &answer);
                }
            }
        }

        /// Another short question's answer is never accepted for this one.
        #[test]
        fn other_short_answers_are_refused(seed in any::<u64>()) {
            let bank = shipped();
            let mut rng = Seed(seed).rng();
            let shorts: Vec<&Question> = bank.questions.iter().filter(|q| matches!(q.shape(), Shape::Text { .. })).collect();
            for question in &shorts {
                let shown = Shown::shuffle(question, &mut rng);
                for other in &shorts {
                    if other.id == question.id { continue; }
                    let Shape::Text { answer, .. } = other.shape() else { continue };
                    prop_assert!(!grade(&shown, &Answer::Texts(vec![answer.to_owned()])).right, "{} accepts {}", question.id, answer);
                }
            }
        }
    }
}
