//! The source article: its paragraphs (numbered §1, §2… as printed on sheets)
//! and the verbatim-quote matcher that ties every answer to the text.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use crate::text::{Folded, fold_quote};

/// One block of the article, separated from the next by a blank line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The text, with inner line breaks joined by spaces.
    pub text: String,
    /// `Some(n)` for body paragraphs (§n); `None` for a subheading.
    pub number: Option<usize>,
    start: usize,
    end: usize,
}

impl Paragraph {
    /// Whether this block is a subheading (an intertitle) rather than body text.
    pub fn is_heading(&self) -> bool {
        self.number.is_none()
    }
}

/// An article loaded from its text file.
#[derive(Debug, Clone)]
pub struct Article {
    text: String,
    folded: Folded,
    paragraphs: Vec<Paragraph>,
}

/// Where a quote was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The paragraph number (§n) holding the quote's first part; `None` when it
    /// starts in a subheading.
    pub paragraph: Option<usize>,
}

/// Why a quote was not found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// The part of the quote (between elisions) that is not in the article.
    pub part: String,
    /// The closest passage of the article, when one is close enough to be a typo.
    pub closest: Option<String>,
    /// The part is in the article, but before the part that precedes it in the quote.
    pub out_of_order: bool,
    /// Whether a closest passage was searched for: not for a part longer than
    /// [`MAX_SEARCHED`] characters, so the search stays bounded.
    pub searched: bool,
}

/// The longest part (in characters) for which a closest passage is searched.
pub const MAX_SEARCHED: usize = 600;
/// How many places of the article, picked by shared trigrams, get the costly
/// edit-distance comparison.
const CANDIDATES: usize = 24;
/// Bits in the trigram filter: a quote of [`MAX_SEARCHED`] characters sets
/// at most a few thousand, so false hits stay rare.
const FILTER_BITS: usize = 1 << 20;

impl Article {
    /// Splits the text into paragraphs and prepares it for quote matching.
    pub fn new(text: &str) -> Article {
        let text = text.replace("\r\n", "\n");
        let mut paragraphs = Vec::new();
        let mut number = 0;
        let mut offset = 0;
        for block in text.split("\n\n") {
            let start = offset;
            offset += block.len() + 2;
            let joined = block.split_whitespace().collect::<Vec<_>>().join(" ");
            if joined.is_empty() {
                continue;
            }
            let heading = looks_like_heading(block, &joined);
            if !heading {
                number += 1;
            }
            paragraphs.push(Paragraph {
                text: joined,
                number: (!heading).then_some(number),
                start,
                end: start + block.len(),
            });
        }
        let folded = fold_quote(&text);
        Article {
            text,
            folded,
            paragraphs,
        }
    }

    /// The paragraphs and subheadings, in order.
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// Finds a quote in the article after folding typography; `…` (or `...`,
    /// `[…]`) separates parts that must appear in this order.
    pub fn find(&self, quote: &str) -> Result<Found, Missing> {
        let mut from = 0;
        let mut first = None;
        for part in split_elisions(quote) {
            let folded = fold_quote(&part).text;
            if folded.is_empty() {
                continue;
            }
            match self.folded.text[from..].find(&folded) {
                Some(at) => {
                    let at = from + at;
                    first.get_or_insert(self.folded.map[at]);
                    from = at + folded.len();
                }
                None if from > 0 && self.folded.text.contains(&folded) => {
                    return Err(Missing {
                        part,
                        closest: None,
                        out_of_order: true,
                        searched: false,
                    });
                }
                None => {
                    let searched = folded.chars().count() <= MAX_SEARCHED;
                    return Err(Missing {
                        closest: if searched {
                            self.closest(&folded)
                        } else {
                            None
                        },
                        part,
                        out_of_order: false,
                        searched,
                    });
                }
            }
        }
        let start = first.ok_or_else(|| Missing {
            part: quote.to_owned(),
            closest: None,
            out_of_order: false,
            searched: false,
        })?;
        Ok(Found {
            paragraph: self.paragraph_at(start),
        })
    }

    /// Finds many quotes at once, each as [`Article::find`] would: one
    /// Aho-Corasick pass over the folded article for every part of every
    /// quote, rather than one scan of the article per quote (quadratic on a
    /// bank of thousands of questions over a long article). A part found only
    /// before the part preceding it, or not at all, goes through
    /// [`Article::find`] for the same answer and message.
    pub fn find_many<'q>(
        &self,
        quotes: impl IntoIterator<Item = &'q str>,
    ) -> Vec<Result<Found, Missing>> {
        let quotes: Vec<&str> = quotes.into_iter().collect();
        let mut ids: HashMap<String, usize> = HashMap::new();
        let parts: Vec<Vec<usize>> = quotes
            .iter()
            .map(|quote| {
                split_elisions(quote)
                    .iter()
                    .map(|part| fold_quote(part).text)
                    .filter(|folded| !folded.is_empty())
                    .map(|folded| {
                        let next = ids.len();
                        *ids.entry(folded).or_insert(next)
                    })
                    .collect()
            })
            .collect();
        let mut patterns = vec![String::new(); ids.len()];
        for (folded, id) in ids {
            patterns[id] = folded;
        }
        // The earliest start of each distinct part in the folded article.
        let mut first = vec![usize::MAX; patterns.len()];
        // A contiguous NFA: the DFA the crate picks for a few hundred quotes
        // took longer to build (14 % of a whole `worksheet` run on the shipped
        // bank) than the one pass over the article it then speeds up.
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns);
        if let Ok(automaton) = automaton {
            for hit in automaton.find_overlapping_iter(&self.folded.text) {
                let slot = &mut first[hit.pattern().as_usize()];
                *slot = (*slot).min(hit.start());
            }
        }
        quotes
            .iter()
            .zip(&parts)
            .map(|(quote, parts)| {
                let mut from = 0;
                let mut start = None;
                for &id in parts {
                    let at = first[id];
                    if at == usize::MAX || at < from {
                        return self.find(quote);
                    }
                    start.get_or_insert(self.folded.map[at]);
                    from = at + patterns[id].len();
                }
                match start {
                    Some(start) => Ok(Found {
                        paragraph: self.paragraph_at(start),
                    }),
                    None => self.find(quote),
                }
            })
            .collect()
    }

    /// The paragraph number at byte `offset` of the text: a binary search, as
    /// a bank may ask this for every one of thousands of quotes.
    fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let after = self.paragraphs.partition_point(|p| p.start <= offset);
        let p = self.paragraphs.get(after.checked_sub(1)?)?;
        if offset <= p.end { p.number } else { None }
    }

    /// The passage of the article most like `folded` (already folded), if it
    /// differs by little enough to be a typo rather than another sentence.
    ///
    /// Bounded work whatever the sizes: one pass over the article counts, for
    /// each word start, the quote's trigrams in a window of the quote's
    /// length; only the best [`CANDIDATES`] places get the edit distance.
    fn closest(&self, folded: &str) -> Option<String> {
        let haystack = &self.folded.text;
        let want = folded.chars().count();
        let candidates = candidate_starts(haystack.as_bytes(), folded.as_bytes());
        let mut best: Option<(f64, usize, usize)> = None;
        for start in candidates {
            let rest = &haystack[start..];
            // Windows of the quote's length, give or take a few characters, so
            // a dropped or added word still lines up.
            for len in [want.saturating_sub(4), want, want + 4] {
                let end = rest.char_indices().nth(len).map_or(rest.len(), |(i, _)| i);
                let window = &rest[..end];
                let score = strsim::normalized_levenshtein(folded, window);
                if best.is_none_or(|(b, s, _)| score > b || (score == b && start < s)) {
                    best = Some((score, start, start + end));
                }
            }
        }
        let (score, start, end) = best?;
        if score < 0.6 {
            return None;
        }
        let (from, to) = widen_to_words(&self.text, self.folded.map[start], self.folded.map[end]);
        Some(
            self.text[from..to]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
}

/// The word starts of `haystack` whose window of `needle`'s length shares the
/// most byte trigrams with `needle`, best first (ties: earliest first). One
/// pass, whatever the lengths.
fn candidate_starts(haystack: &[u8], needle: &[u8]) -> Vec<usize> {
    let trigram = |w: &[u8]| {
        ((usize::from(w[0]) * 0x9e37) ^ (usize::from(w[1]) * 0x85eb) ^ (usize::from(w[2]) * 0xc2b3))
            % FILTER_BITS
    };
    let mut filter = vec![0u64; FILTER_BITS / 64];
    for w in needle.windows(3) {
        let bit = trigram(w);
        filter[bit / 64] |= 1 << (bit % 64);
    }
    let hit = |at: usize| {
        haystack.get(at..at + 3).is_some_and(|w| {
            let bit = trigram(w);
            filter[bit / 64] & (1 << (bit % 64)) != 0
        })
    };
    let span = needle.len().saturating_sub(2).max(1);
    let starts = std::iter::once(0).chain(
        haystack
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b' ')
            .map(|(i, _)| i + 1)
            .filter(|&i| i < haystack.len()),
    );
    // A sliding window [from, to) of trigram positions, moved to each word
    // start in turn: every position enters and leaves once.
    let (mut from, mut to, mut count) = (0, 0, 0usize);
    let mut scored: Vec<(usize, usize)> = Vec::new();
    for start in starts {
        while to < (start + span).min(haystack.len()) {
            count += usize::from(hit(to));
            to += 1;
        }
        while from < start {
            count -= usize::from(hit(from));
            from += 1;
        }
        scored.push((count, start));
        // Keeps memory bounded on a huge article: only the best few matter.
        if scored.len() >= CANDIDATES * 64 {
            keep_best(&mut scored);
        }
    }
    keep_best(&mut scored);
    scored.into_iter().map(|(_, start)| start).collect()
}

/// Keeps the [`CANDIDATES`] highest counts (earliest first among equals).
fn keep_best(scored: &mut Vec<(usize, usize)>) {
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.truncate(CANDIDATES);
}

/// Widens a byte range of `text` so it neither starts nor ends inside a word.
fn widen_to_words(text: &str, mut from: usize, mut to: usize) -> (usize, usize) {
    while from > 0 {
        let Some(c) = text[..from].chars().next_back() else {
            break;
        };
        if c.is_whitespace() {
            break;
        }
        from -= c.len_utf8();
    }
    while to < text.len() {
        let Some(c) = text[to..].chars().next() else {
            break;
        };
        if c.is_whitespace() || matches!(c, ',' | '.' | ';') {
            break;
        }
        to += c.len_utf8();
    }
    (from, to)
}

fn looks_like_heading(block: &str, joined: &str) -> bool {
    !block.trim().contains('\n')
        && joined.chars().count() < 90
        && !joined.ends_with(['.', '!', '?', ':', '»', '"', '…', ';', ','])
}

/// Splits a quote on elision marks: `…`, `...`, `[…]`, `(…)`.
pub fn split_elisions(quote: &str) -> Vec<String> {
    let unified = quote
        .replace("[…]", "…")
        .replace("(…)", "…")
        .replace("[...]", "…")
        .replace("(...)", "…")
        .replace("...", "…");
    unified
        .split('…')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Premier paragraphe, avec l' « Alliance des États du Sahel ».\n\nUn intertitre\n\nDeuxième paragraphe : 46 rebelles \"neutralisés\".\nSuite du même paragraphe.\n";

    #[test]
    fn find_many_answers_as_find_does_for_each_quote() {
        let article = Article::new(TEXT);
        let quotes = [
            "46 rebelles « neutralisés »",
            "Alliance des États du Sahel",
            "Suite du même … 46 rebelles",
            "Deuxième paragraphe … Suite",
            "absent de l'article",
            "",
        ];
        let many = article.find_many(quotes);
        let one: Vec<_> = quotes.iter().map(|q| article.find(q)).collect();
        assert_eq!(many, one);
        assert_eq!(many[0], Ok(Found { paragraph: Some(2) }));
        assert!(many[2].as_ref().is_err_and(|m| m.out_of_order));
    }

    #[test]
    fn paragraphs_are_numbered_and_headings_are_not() {
        let article = Article::new(TEXT);
        let numbers: Vec<_> = article.paragraphs().iter().map(|p| p.number).collect();
        assert_eq!(numbers, [Some(1), None, Some(2)]);
        assert!(article.paragraphs()[1].is_heading());
    }

    #[test]
    fn finds_quotes_whatever_their_typography() {
        let article = Article::new(TEXT);
        assert_eq!(
            article
                .find("l’«Alliance des États du Sahel»")
                .unwrap()
                .paragraph,
            Some(1)
        );
        assert_eq!(
            article
                .find("46 rebelles « neutralisés »")
                .unwrap()
                .paragraph,
            Some(2)
        );
        assert_eq!(
            article.find("neutralisés\". Suite").unwrap().paragraph,
            Some(2)
        );
    }

    #[test]
    fn elided_parts_must_appear_in_order() {
        let article = Article::new(TEXT);
        assert!(article.find("Premier paragraphe … Sahel").is_ok());
        assert!(article.find("Deuxième […] Suite du même").is_ok());
        let miss = article.find("Sahel … Premier paragraphe").unwrap_err();
        assert_eq!(miss.part, "Premier paragraphe");
        assert!(miss.out_of_order);
    }

    #[test]
    fn a_typo_gets_the_closest_passage() {
        let article = Article::new(TEXT);
        let miss = article.find("46 rebeles neutralisés").unwrap_err();
        assert_eq!(miss.closest.as_deref(), Some("46 rebelles \"neutralisés\""));
        let miss = article.find("rien à voir avec ce texte ici").unwrap_err();
        assert_eq!(miss.closest, None);
    }

    #[test]
    fn case_is_not_folded() {
        let article = Article::new(TEXT);
        assert!(article.find("premier paragraphe").is_err());
    }
}
