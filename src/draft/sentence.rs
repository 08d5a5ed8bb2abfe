//! Sentence splitting that survives abbreviations (`M.`, `Mme`, `Dr.`, `Mr.`,
//! `St.`), initials, and quotations holding full stops.
//!
//! Why not a crate: `unicode-segmentation` (UAX #29 sentence bounds) and
//! `icu_segmenter` break after every `Dr. ` or `M. ` followed by a capital and
//! inside quotations (`« Nous partirons. Demain. »` gives two sentences);
//! UAX #29 has no abbreviation suppressions. `srx` needs a rules file
//! (LanguageTool's is LGPL) and brings `regex`. Two languages and a dozen
//! abbreviations fit in this small, tested splitter.

use std::ops::Range;

/// The months, French and English: a date's word, never a name or the words said.
pub(crate) const MONTHS: &[&str] = &[
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The days a report names when something was said ("a déclaré jeudi",
/// "said on Thursday", "hier", "today"): when, never who or what. One list
/// for every rule that steps over them.
pub(crate) const DAYS: &[&str] = &[
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "hier",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
];

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "mgr", "st", "ste", "mr", "mrs", "ms",
    "jr", "sr", "gen", "gén", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "prof", "inc", "co",
    "corp", "ltd", "vs", "cf", "etc", "env", "av", "bd", "no", "n°", "p", "vol", "art",
];

/// The byte ranges of the sentences of `text`, trimmed of surrounding space.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // Straight quotes open and close alike: follow them only when they pair up.
    let straight = chars.iter().filter(|(_, c)| *c == '"').count() % 2 == 0;
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut depth: usize = 0;
    let mut in_straight = false;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let was_quoted = depth > 0 || in_straight;
        match c {
            '«' | '“' => depth += 1,
            '»' | '”' => depth = depth.saturating_sub(1),
            '"' if straight => in_straight = !in_straight,
            _ => {}
        }
        let quoted = depth > 0 || in_straight;
        // A quotation that ends with its own full stop ends the sentence too.
        if was_quoted && !quoted && ends_with_stop(&text[..at]) {
            let end = at + c.len_utf8();
            let next = chars[i + 1..]
                .iter()
                .find(|(_, c)| !c.is_whitespace())
                .map(|&(_, c)| c);
            let spaced = chars.get(i + 1).is_none_or(|(_, c)| c.is_whitespace());
            if spaced && next.is_none_or(starts_sentence) {
                push(text, start..end, &mut sentences);
                start = end;
            }
            i += 1;
            continue;
        }
        if matches!(c, '.' | '!' | '?' | '…') && !quoted && !is_abbreviation(text, at, c) {
            // Closing marks right after the stop belong to this sentence.
            let mut j = i + 1;
            while j < chars.len()
                && matches!(
                    chars[j].1,
                    '»' | '”' | '"' | ')' | '’' | '.' | '!' | '?' | '…' | '\u{a0}' | '\u{202f}'
                )
            {
                if chars[j].1 == '"' && straight {
                    in_straight = !in_straight;
                }
                if matches!(chars[j].1, '»' | '”') {
                    depth = depth.saturating_sub(1);
                }
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(at, _)| at);
            let next = chars[j..]
                .iter()
                .find(|(_, c)| !c.is_whitespace())
                .map(|&(_, c)| c);
            let spaced = chars.get(j).is_none_or(|(_, c)| c.is_whitespace());
            if spaced && next.is_none_or(starts_sentence) {
                push(text, start..end, &mut sentences);
                start = end;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(text, start..text.len(), &mut sentences);
    sentences
}

fn ends_with_stop(before: &str) -> bool {
    before
        .trim_end_matches(|c: char| c.is_whitespace())
        .ends_with(['.', '!', '?', '…'])
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '«' | '“' | '"' | '(' | '—' | '–' | '-')
}

/// Whether the full stop at `at` closes an abbreviation or an initial.
pub fn is_abbreviation(text: &str, at: usize, stop: char) -> bool {
    if stop != '.' {
        return false;
    }
    let before = &text[..at];
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '°')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let mut letters = word.chars();
    let initial = matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
    initial || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

fn push(text: &str, range: Range<usize>, sentences: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        sentences.push(range.start + lead..range.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("M. Dupont et Mme Diallo sont venus. Le Dr. Keita aussi."),
            ["M. Dupont et Mme Diallo sont venus.", "Le Dr. Keita aussi."]
        );
        assert_eq!(
            sentences("Mr. Brown met St. Louis officials. J. K. Smith said no."),
            ["Mr. Brown met St. Louis officials.", "J. K. Smith said no."]
        );
    }

    #[test]
    fn quotations_keep_their_full_stops() {
        assert_eq!(
            sentences("Il a dit : « Nous partirons. Demain. » Mme Diallo confirme."),
            [
                "Il a dit : « Nous partirons. Demain. »",
                "Mme Diallo confirme."
            ]
        );
        assert_eq!(
            sentences("\"We tried. It failed,\" he said. Mr. Brown agreed."),
            ["\"We tried. It failed,\" he said.", "Mr. Brown agreed."]
        );
        assert_eq!(
            sentences("“It is over.” The mayor left."),
            ["“It is over.”", "The mayor left."]
        );
    }

    #[test]
    fn lower_case_after_a_stop_continues_and_decimals_stay_whole() {
        assert_eq!(
            sentences("Prices rose 2.5 percent, etc. and more. Then it ended!"),
            ["Prices rose 2.5 percent, etc. and more.", "Then it ended!"]
        );
    }

    proptest! {
        /// Sentences are in order, never overlap, and hold every non-space character.
        #[test]
        fn sentences_cover_the_text(text in "[A-Za-zéÉ .!?«»\"“”M]{0,80}") {
            let ranges = split(&text);
            let mut last = 0;
            for r in &ranges {
                prop_assert!(r.start >= last && r.start < r.end);
                last = r.end;
            }
            let kept: String = ranges.iter().map(|r| &text[r.clone()]).collect::<String>().split_whitespace().collect();
            let all: String = text.split_whitespace().collect();
            prop_assert_eq!(kept, all);
        }
    }
}
