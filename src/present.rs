//! How answers and evidence read in the console (quiz feedback, review backs).

use crate::bank::{Evidence, Kind, Lang, Question, Segment};
use crate::grade::letter;
use crate::i18n::{self, Strings};
use crate::select::Shown;

/// The right answer of a question as shown (with its letters): a first line
/// that says it all, then, for matches and orders, the items spelled out.
pub fn answer_lines(shown: &Shown<'_>, lang: Lang) -> Vec<String> {
    let t = Strings::get(lang);
    let question = shown.question;
    match &question.kind {
        Kind::Single(c) | Kind::Multi(c) => vec![
            shown
                .correct_positions()
                .into_iter()
                .map(|p| format!("{}) {}", letter(p), c.options[shown.order[p]]))
                .collect::<Vec<_>>()
                .join(" · "),
        ],
        Kind::Match { pairs, .. } => {
            let mut lines = Vec::new();
            let mut code = Vec::new();
            for (left, (l, r)) in pairs.iter().enumerate() {
                let position = shown.order.iter().position(|&o| o == left).unwrap_or(0);
                code.push(format!("{}{}", left + 1, letter(position)));
                lines.push(format!("  {}. {l} → {}) {r}", left + 1, letter(position)));
            }
            lines.insert(0, code.join(" "));
            lines
        }
        Kind::Order { items, .. } => {
            let code: Vec<String> = (0..items.len())
                .map(|rank| {
                    (shown.order.iter().position(|&o| o == rank).unwrap_or(0) + 1).to_string()
                })
                .collect();
            let mut lines = vec![code.join(" ")];
            lines.extend(
                items
                    .iter()
                    .enumerate()
                    .map(|(rank, item)| format!("  {}. {item}", rank + 1)),
            );
            lines
        }
        _ => vec![answer_text(question, lang, t)],
    }
}

/// The right answer without letters: what the back of a flashcard shows.
pub fn answer_text(question: &Question, lang: Lang, t: &Strings) -> String {
    match &question.kind {
        Kind::Single(c) | Kind::Multi(c) => c
            .correct
            .iter()
            .map(|&i| c.options[i].as_str())
            .collect::<Vec<_>>()
            .join(" ; "),
        Kind::TrueFalse { answer, .. } => (if *answer { t.true_ } else { t.false_ }).to_owned(),
        Kind::Claim { answer, .. } => i18n::verdict(lang, *answer).to_owned(),
        Kind::Short { answer, .. } => answer.clone(),
        Kind::Cloze { segments, .. } => segments
            .iter()
            .filter_map(|s| match s {
                Segment::Gap(forms) => Some(forms[0].as_str()),
                Segment::Text(_) => None,
            })
            .enumerate()
            .map(|(i, g)| format!("({}) {g}", i + 1))
            .collect::<Vec<_>>()
            .join(" · "),
        Kind::Match { pairs, .. } => pairs
            .iter()
            .map(|(l, r)| format!("{l} → {r}"))
            .collect::<Vec<_>>()
            .join(" ; "),
        Kind::Order { items, .. } => items
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}. {s}", i + 1))
            .collect::<Vec<_>>()
            .join(" "),
        Kind::Card { back, .. } => back.clone(),
    }
}

/// One evidence quote as printed: « quote » (§n).
pub fn evidence_line(evidence: &Evidence, lang: Lang) -> String {
    let t = Strings::get(lang);
    let place = evidence
        .paragraph
        .map_or_else(|| t.subheading.to_lowercase(), |n| format!("§{n}"));
    let (open, close) = lang.pick(("« ", " »"), ("“", "”"));
    format!("{open}{}{close} ({place})", evidence.quote)
}
