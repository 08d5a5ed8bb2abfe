//! Figures: counts, dates and years, with the words that say what they count.

use std::ops::Range;

use super::sentence::MONTHS;

/// What a figure is, so distractors come from the same kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    /// A count or measure: "10 soldats", "deux heures", "3.5 million".
    Count,
    /// A day of a month: "12 septembre", "September 12".
    Date,
    /// A year: "2015".
    Year,
}

/// A figure found in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The number as written: "10", "deux", "2015".
    pub number: String,
    /// Its digits when written as a word ("2" for "deux"), accepted in answers.
    pub digits: Option<String>,
    /// Byte range of the number in the paragraph.
    pub range: Range<usize>,
    /// Count, date or year.
    pub kind: FigureKind,
    /// The number with the word after it ("10 soldats", "12 septembre").
    pub phrase: String,
}

/// Number words counted only before a unit (so "les deux parties" is no figure).
const NUMBER_WORDS: &[(&str, &str)] = &[
    ("deux", "2"),
    ("trois", "3"),
    ("quatre", "4"),
    ("cinq", "5"),
    ("six", "6"),
    ("sept", "7"),
    ("huit", "8"),
    ("neuf", "9"),
    ("dix", "10"),
    ("douze", "12"),
    ("quinze", "15"),
    ("vingt", "20"),
    ("cent", "100"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("twelve", "12"),
    ("fifteen", "15"),
    ("twenty", "20"),
    ("hundred", "100"),
];

const UNITS: &[&str] = &[
    "heure",
    "heures",
    "jour",
    "jours",
    "semaine",
    "semaines",
    "mois",
    "an",
    "ans",
    "année",
    "années",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "minute",
    "minutes",
    "personnes",
    "people",
    "morts",
    "blessés",
    "soldats",
    "soldiers",
    "victimes",
    "victims",
];

/// Words that scale or measure a number ("3 millions", "5 km").
const MEASURES: &[&str] = &[
    "million",
    "millions",
    "milliard",
    "milliards",
    "billion",
    "billions",
    "thousand",
    "percent",
    "km",
    "kg",
    "tonnes",
    "tons",
    "euros",
    "dollars",
    "livres",
    "pounds",
];

/// Words that do not say what a number counts ("14 of its 40").
const SMALL: &[&str] = &[
    "of", "de", "d", "des", "du", "sur", "per", "a", "à", "et", "and", "or", "ou", "from", "to",
    "in", "on", "at", "by", "for", "than", "over", "since", "en", "dans", "par", "pour", "depuis",
    "avant", "après", "the", "le", "la", "les", "un", "une",
];

/// The figures of one paragraph, in order.
pub fn find(text: &str) -> Vec<Figure> {
    let tokens = tokens(text);
    let mut found = Vec::new();
    for (i, (range, word)) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1).map(|(_, w)| w.to_lowercase());
        let prev = i.checked_sub(1).map(|p| tokens[p].1.to_lowercase());
        // The number with the noun it counts, up to three words on ("31
        // stations", "100,000 electric delivery vans", "61 %"), or alone when
        // no noun follows ("438 contre 86", "a 50 slip marina"): a phrase cut
        // before its noun ("900 bus") reads as a broken quote.
        let phrase = |with_next: bool| {
            let mut end = range.end;
            let mut last = range.end;
            for (r, w) in tokens.iter().skip(i + 1).take(3) {
                let lower = w.to_lowercase();
                let gap = text[last..r.start].trim();
                if with_next && gap.is_empty() && MONTHS.contains(&lower.as_str()) {
                    end = r.end;
                    break;
                }
                if !with_next
                    || !(gap.is_empty() || gap == "-")
                    || SMALL.contains(&lower.as_str())
                    || !w.chars().all(|c| c.is_lowercase() || c == '%')
                {
                    break;
                }
                last = r.end;
                let counted = lower == "%"
                    || UNITS.contains(&lower.as_str())
                    || MEASURES.contains(&lower.as_str())
                    || (lower.chars().count() >= 4
                        && (lower.ends_with('s') || lower.ends_with('x')));
                if counted {
                    end = r.end;
                    break;
                }
            }
            // "the 93 year-old": a compound unit is quoted whole.
            while end > range.end
                && text[end..].starts_with('-')
                && text[end + 1..].starts_with(char::is_alphabetic)
            {
                end += 1 + text[end + 1..]
                    .find(|c: char| !c.is_alphabetic())
                    .unwrap_or(text.len() - end - 1);
            }
            text[range.start..end].to_owned()
        };
        // "9/11", "24/7", "G40", "A350": a name or a date written with a
        // slash, not a figure to ask about (and never to be split in two).
        let glued = |c: Option<char>| c.is_some_and(|c| c == '/' || c.is_alphabetic());
        if glued(text[..range.start].chars().next_back()) || glued(text[range.end..].chars().next())
        {
            continue;
        }
        if is_hour(text, &tokens, i) || is_label(text, &tokens, i) || is_age(text, range) {
            continue;
        }
        if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            let is_month = |w: &Option<String>| w.as_deref().is_some_and(|w| MONTHS.contains(&w));
            let value: String = word.chars().filter(char::is_ascii_digit).collect();
            // "12 septembre", or "September 12" (the month right before, no comma).
            let month_before =
                is_month(&prev) && text[tokens[i - 1].0.end..range.start].trim().is_empty();
            let kind = if value.len() <= 2 && (is_month(&next) || month_before) {
                FigureKind::Date
            } else if value.len() == 4
                && word.len() == 4
                && (value.starts_with("19")
                    || value.starts_with("20")
                    // "at auction in 1896", « depuis 1870 »: an older year.
                    || (value.starts_with('1')
                        && prev.as_deref().is_some_and(|p| {
                            matches!(
                                p,
                                "in" | "en" | "since" | "depuis" | "until" | "from" | "by" | "of"
                                    | "de" | "dès" | "année" | "year"
                            )
                        })))
            {
                FigureKind::Year
            } else {
                FigureKind::Count
            };
            let phrase = match kind {
                FigureKind::Year => word.clone(),
                FigureKind::Date if !is_month(&next) => {
                    let (r, _) = &tokens[i - 1];
                    text[r.start..range.end].to_owned()
                }
                _ => phrase(true),
            };
            found.push(Figure {
                number: word.clone(),
                digits: None,
                range: range.clone(),
                kind,
                phrase,
            });
        } else if let Some((_, digits)) = {
            // Lower-cased once, not once a number word.
            let lower = word.to_lowercase();
            NUMBER_WORDS.iter().find(|(w, _)| *w == lower)
        } && next.as_deref().is_some_and(|n| UNITS.contains(&n))
            // « dix-neuf jours », "twenty-five years": a part of a compound
            // number is not the number.
            && !text[..range.start].ends_with('-')
            && !text[range.end..].starts_with('-')
        {
            found.push(Figure {
                number: word.clone(),
                digits: Some((*digits).to_owned()),
                range: range.clone(),
                kind: FigureKind::Count,
                phrase: phrase(true),
            });
        }
    }
    found
}

#[cfg(test)]
mod glued_tests {
    #[test]
    fn the_minutes_of_an_hour_are_no_figure() {
        let found = super::find("La réunion commence à 11 h 30 avec 46 élus.");
        let numbers: Vec<&str> = found.iter().map(|f| f.number.as_str()).collect();
        assert_eq!(numbers, ["46"]);
    }

    #[test]
    fn an_older_year_after_in_is_a_year() {
        let found = super::find("It was bought at auction in 1896 by a merchant.");
        assert!(
            found.iter().all(|f| f.kind == super::FigureKind::Year),
            "{found:?}"
        );
    }

    #[test]
    fn a_compound_number_word_is_not_cut_at_its_hyphen() {
        let found = super::find("La station a perdu dix-neuf jours de neige.");
        assert!(found.iter().all(|f| f.number != "neuf"), "{found:?}");
    }

    #[test]
    fn slashed_and_lettered_numbers_are_not_figures() {
        assert!(super::find("Since 9/11 and the G40 faction, open 24/7.").is_empty());
        assert_eq!(super::find("He has 3 cars.").len(), 1);
    }
}

/// Whether token `i` is an hour ("at 4 a.m.", "5 pm", « à 6 heures »,
/// « 18 h »): a time, not a count anyone gives.
fn is_hour(text: &str, tokens: &[(Range<usize>, String)], i: usize) -> bool {
    let (range, _) = &tokens[i];
    let after = text[range.end..].trim_start().to_lowercase();
    let meridian = ["a.m", "p.m", "am ", "pm ", "am.", "pm.", "am,", "pm,"]
        .iter()
        .any(|m| after.starts_with(m))
        || after == "am"
        || after == "pm";
    let prev = i.checked_sub(1).map(|p| tokens[p].1.to_lowercase());
    let next = tokens.get(i + 1).map(|(_, w)| w.to_lowercase());
    let at = prev
        .as_deref()
        .is_some_and(|p| ["à", "at", "vers", "around", "dès", "until", "jusqu"].contains(&p));
    let clock = next
        .as_deref()
        .is_some_and(|n| ["h", "heure", "heures", "o"].contains(&n));
    // « à 11 h 30 »: the minutes after the hour's "h".
    let minutes = prev.as_deref() == Some("h")
        && i >= 2
        && tokens[i - 2].1.chars().all(|c| c.is_ascii_digit());
    meridian || (at && clock) || next.as_deref() == Some("h") || minutes
}

/// Whether the number at `range` is an age in apposition after a name
/// ("Lorraine Whitby, 67, from Truro", « Georgette Aubier, 84 ans, »).
fn is_age(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].trim_end();
    let Some(before) = before.strip_suffix(',') else {
        return false;
    };
    let named = before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    let after = text[range.end..].trim_start();
    let closes = after.starts_with([',', ')'])
        || ["ans,", "ans)", "ans.", "years old", "ans "]
            .iter()
            .any(|p| after.starts_with(p));
    named && closes
}

/// Whether token `i` is a number that names, not counts: right after a
/// noun, with no word of its own ("cercle 1", "phase 2", "article 5").
fn is_label(text: &str, tokens: &[(Range<usize>, String)], i: usize) -> bool {
    /// Words a count follows ("contre 86", "about 30 percent").
    const BEFORE_COUNTS: &[&str] = &[
        "contre",
        "entre",
        "environ",
        "près",
        "presque",
        "plus",
        "moins",
        "dont",
        "soit",
        "about",
        "around",
        "nearly",
        "almost",
        "some",
        "over",
        "under",
        "than",
        "only",
        "just",
        "seulement",
    ];
    let (range, word) = &tokens[i];
    // A label is short ("cercle 1", "article 49"); a year is never one.
    if !word.chars().all(|c| c.is_ascii_digit()) || word.len() > 2 {
        return false;
    }
    let Some((prev_range, prev)) = i.checked_sub(1).map(|p| &tokens[p]) else {
        return false;
    };
    let joined = text[prev_range.end..range.start].trim().is_empty();
    let noun = prev.chars().all(char::is_lowercase)
        && prev.chars().count() >= 3
        && !SMALL.contains(&prev.as_str())
        && !BEFORE_COUNTS.contains(&prev.as_str())
        && !NUMBER_WORDS.iter().any(|(w, _)| w == prev);
    let counted = tokens.get(i + 1).is_some_and(|(r, w)| {
        text[range.end..r.start].trim().is_empty()
            && w.chars().all(|c| c.is_lowercase() || c == '%')
    });
    joined && noun && !counted
}

/// Words and numbers ("3,5", "1 200" stays two tokens; "2.5" one) with their ranges.
fn tokens(text: &str) -> Vec<(Range<usize>, String)> {
    let mut list = Vec::new();
    let mut start = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (n, &(i, c)) in chars.iter().enumerate() {
        let digit_sep = matches!(c, '.' | ',')
            && n > 0
            && chars[n - 1].1.is_ascii_digit()
            && chars.get(n + 1).is_some_and(|(_, c)| c.is_ascii_digit());
        // "12 000", "1 200": a space before exactly three digits groups thousands.
        let group = matches!(c, ' ' | '\u{a0}' | '\u{202f}')
            && n > 0
            && chars[n - 1].1.is_ascii_digit()
            && (1..=3).all(|k| chars.get(n + k).is_some_and(|(_, c)| c.is_ascii_digit()))
            && !chars.get(n + 4).is_some_and(|(_, c)| c.is_alphanumeric());
        let inner = c.is_alphanumeric() || c == '%' || digit_sep || group;
        match (inner, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                list.push((s..i, text[s..i].to_owned()));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        list.push((s..text.len(), text[s..].to_owned()));
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_dates_years_and_number_words() {
        let text = "Le 12 septembre, 10 soldats ont été tués après une résistance de deux heures; l'accord de 2015 tient pour les deux parties.";
        let found: Vec<(String, FigureKind)> =
            find(text).into_iter().map(|f| (f.phrase, f.kind)).collect();
        assert_eq!(
            found,
            [
                ("12 septembre".to_owned(), FigureKind::Date),
                ("10 soldats".to_owned(), FigureKind::Count),
                ("deux heures".to_owned(), FigureKind::Count),
                ("2015".to_owned(), FigureKind::Year),
            ]
        );
    }

    #[test]
    fn hours_and_labels_are_not_figures() {
        let found = find("Staff were told at 4 a.m. that 780 people would go, at 5 pm.");
        let phrases: Vec<&str> = found.iter().map(|f| f.phrase.as_str()).collect();
        assert_eq!(phrases, ["780 people"]);
        assert!(find("Lorraine Whitby, 67, from Truro, said so.").is_empty());
        assert!(find("Georgette Aubier, 84 ans, a raconté.").is_empty());
        let found = find("Le classement en cercle 1, à 6 heures, touche 12 communes.");
        let phrases: Vec<&str> = found.iter().map(|f| f.phrase.as_str()).collect();
        assert_eq!(phrases, ["12 communes"]);
    }

    #[test]
    fn english_dates_and_decimals() {
        let found = find("On September 12, prices rose 2.5 percent.");
        assert_eq!(found[0].phrase, "September 12");
        assert_eq!(found[0].kind, FigureKind::Date);
        assert_eq!(found[1].number, "2.5");
        let thousands = find("Lyon compte 12 000 habitants et 1 200 hectares, le 3 mai.");
        assert_eq!(thousands[0].phrase, "12 000 habitants");
        assert_eq!(thousands[1].number, "1 200");
    }
}
