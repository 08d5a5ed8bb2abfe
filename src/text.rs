//! Text folding shared by the evidence matcher and the answer grader.
//!
//! Two different foldings live here because they answer different questions:
//! [`fold_quote`] keeps letters and case (a quote must be *verbatim*) and only
//! forgives typography, while [`fold_answer`] forgives everything a student may
//! type differently (case, accents, punctuation, articles).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A folded string with, for every byte of it, the byte offset in the original.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// `map[i]` is the original byte offset of folded byte `i`; one extra entry
    /// at the end holds the original length.
    pub map: Vec<usize>,
}

fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '«' | '»' | '“' | '”' | '„' | '‟' | '‹' | '›' | '〝' | '〞'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '′' | '`' | '´')
}

/// Folds typography so that a quote typed with straight or curly apostrophes,
/// guillemets or plain quotes, and any white space, matches the article.
///
/// Quote marks count as white space (so `l'« Alliance` and `l' « Alliance`
/// agree), runs of white space become one space, and a space after an
/// apostrophe is dropped. Letters and case are kept: evidence is verbatim.
pub fn fold_quote(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    let mut pending_space: Option<usize> = None;
    let mut after_apostrophe = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() || is_quote_mark(c) {
            if !text.is_empty() && !after_apostrophe && pending_space.is_none() {
                pending_space = Some(i);
            }
            continue;
        }
        if let Some(at) = pending_space.take() {
            text.push(' ');
            map.push(at);
        }
        let c = if is_apostrophe(c) { '\'' } else { c };
        after_apostrophe = c == '\'';
        let start = text.len();
        text.push(c);
        map.extend(std::iter::repeat_n(i, text.len() - start));
    }
    map.push(s.len());
    Folded { text, map }
}

/// Folds a typed answer for forgiving comparison: lower case, no accents, no
/// punctuation, no leading articles, single spaces.
pub fn fold_answer(s: &str) -> String {
    let ligatures_open = s.replace(['œ', 'Œ'], "oe").replace(['æ', 'Æ'], "ae");
    let lowered: String = ligatures_open
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            c if c.is_alphanumeric() => c,
            c if is_apostrophe(c) => '\'',
            _ => ' ',
        })
        .collect();
    // Elided articles ("l'armée") are split off before the article filter.
    let spaced = lowered.replace('\'', "' ");
    let words: Vec<&str> = spaced
        .split_whitespace()
        .map(|w| w.trim_end_matches('\''))
        .filter(|w| !w.is_empty())
        .collect();
    let kept: Vec<&str> = words.iter().copied().filter(|w| !is_article(w)).collect();
    // An answer made only of articles ("les") is still an answer.
    if kept.is_empty() { words } else { kept }.join(" ")
}

fn is_article(word: &str) -> bool {
    matches!(
        word,
        "le" | "la" | "les" | "l" | "un" | "une" | "des" | "du" | "de" | "d" | "the" | "a" | "an"
    )
}

/// Lower-case words of a text without accents, for loose "same words" checks.
pub fn words(s: &str) -> Vec<String> {
    fold_answer(s)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_folding_forgives_typography_only() {
        assert_eq!(fold_quote("l’« Alliance  »").text, "l'Alliance");
        assert_eq!(fold_quote("l' « Alliance »").text, "l'Alliance");
        assert_eq!(
            fold_quote("des \"attaques\nterroristes\"").text,
            "des attaques terroristes"
        );
        assert_eq!(fold_quote("Des ripostes").text, "Des ripostes");
    }

    #[test]
    fn quote_folding_maps_back_to_the_original() {
        let original = "a  «b»";
        let folded = fold_quote(original);
        assert_eq!(folded.text, "a b");
        assert_eq!(&original[folded.map[2]..], "b»");
        assert_eq!(*folded.map.last().unwrap(), original.len());
    }

    #[test]
    fn answer_folding_forgives_case_accents_articles_and_punctuation() {
        assert_eq!(fold_answer("  L'Armée   malienne ! "), "armee malienne");
        assert_eq!(fold_answer("le Groupe Wagner"), "groupe wagner");
        assert_eq!(fold_answer("Tombouctou."), "tombouctou");
        assert_eq!(fold_answer("les"), "les");
        assert_eq!(fold_answer("Cœur"), "coeur");
    }
}
