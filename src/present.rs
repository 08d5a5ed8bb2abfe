//! How answers and quotes read in the console (quiz feedback, review backs),
//! from the question's [`AnswerView`].

use crate::answer::{AnswerView, Solution};
use crate::bank::{Evidence, Lang};
use crate::i18n::Strings;
use crate::letters;

/// The right answer of a question as shown (with its letters): a first line
/// that says it all, then, for matches and orders, the items spelled out.
pub fn answer_lines(view: &AnswerView<'_>, lang: Lang) -> Vec<String> {
    match &view.solution {
        Solution::Choices(_) => vec![
            view.right_choices()
                .iter()
                .map(|c| format!("{}) {}", letters::lower(c.position), c.text))
                .collect::<Vec<_>>()
                .join(" · "),
        ],
        Solution::Pairs(pairs) => {
            let code: Vec<String> = pairs
                .iter()
                .map(|p| format!("{}{}", p.number, letters::lower(p.position)))
                .collect();
            let mut lines = vec![code.join(" ")];
            lines.extend(pairs.iter().map(|p| {
                format!(
                    "  {}. {} → {}) {}",
                    p.number,
                    p.left,
                    letters::lower(p.position),
                    p.right
                )
            }));
            lines
        }
        Solution::Ranked(items) => {
            let code: Vec<String> = items.iter().map(|i| (i.position + 1).to_string()).collect();
            let mut lines = vec![code.join(" ")];
            lines.extend(items.iter().map(|i| format!("  {}. {}", i.rank, i.text)));
            lines
        }
        Solution::TrueFalse(_)
        | Solution::Verdict(_)
        | Solution::Text { .. }
        | Solution::Gaps(_)
        | Solution::Card(_)
        | Solution::Rubric { .. } => vec![view.words(lang)],
    }
}

/// A rubric as printed, one level a line, highest first: `2 pts : criterion`.
pub fn rubric_lines(rubric: &[crate::bank::RubricLevel], lang: Lang) -> Vec<String> {
    let mut levels: Vec<&crate::bank::RubricLevel> = rubric.iter().collect();
    levels.sort_by_key(|l| std::cmp::Reverse(l.points));
    let colon = lang.pick("\u{a0}:", ":");
    levels
        .iter()
        .map(|l| format!("{}{colon} {}", points_label(l.points, lang), l.criterion))
        .collect()
}

/// "2 pts", "1 pt" (no-break space between).
pub fn points_label(points: u32, lang: Lang) -> String {
    let unit = match (lang, points) {
        (_, 0 | 1) => "pt",
        _ => "pts",
    };
    format!("{points}\u{a0}{unit}")
}

/// One evidence quote as printed: « quote » (§n).
pub fn evidence_line(evidence: &Evidence, lang: Lang) -> String {
    let t = Strings::get(lang);
    let place = crate::answer::place(evidence, &t.subheading.to_lowercase());
    quote_line(&evidence.quote, &place, lang)
}

/// A quote and where it is, as printed: « quote » (§n).
pub fn quote_line(quote: &str, place: &str, lang: Lang) -> String {
    // No-break spaces: a wrapped line never starts with a lone « or ».
    let (open, close) = lang.pick(("«\u{a0}", "\u{a0}»"), ("“", "”"));
    format!("{open}{quote}{close} ({place})")
}
