//! Wording: words in quotation marks, loaded or euphemistic words, and the
//! evaluative words that mark an opinion. Short lists per language: a teacher
//! extends them by editing the draft, not the program.

use std::ops::Range;

use crate::bank::Lang;

/// A loaded or euphemistic word and why it matters, per language.
pub struct Loaded {
    /// The word's stem, matched at the start of a word ("neutralis" finds neutralisés).
    pub stem: &'static str,
    /// Why a reader should notice it.
    pub why: &'static str,
}

const LOADED_FR: &[Loaded] = &[
    Loaded {
        stem: "neutralis",
        why: "« neutralisés » est un euphémisme militaire : il ne dit pas s’il s’agit de morts, de blessés ou de prisonniers.",
    },
    Loaded {
        stem: "terroris",
        why: "« terroriste » est une qualification chargée : elle condamne celui qu’elle désigne, et chaque camp l’emploie pour l’autre.",
    },
    Loaded {
        stem: "régime",
        why: "« régime » désigne un gouvernement en suggérant qu’il n’est pas légitime.",
    },
    Loaded {
        stem: "bavure",
        why: "« bavure » présente comme un accident ce qui peut être une faute grave.",
    },
    Loaded {
        stem: "djihadist",
        why: "« djihadiste » range un groupe dans une catégorie qui oriente le jugement du lecteur.",
    },
    Loaded {
        stem: "frappes chirurgicales",
        why: "« frappes chirurgicales » suggère des bombardements sans victimes civiles.",
    },
    Loaded {
        stem: "dommages collatéraux",
        why: "« dommages collatéraux » est un euphémisme pour des victimes civiles.",
    },
    Loaded {
        stem: "pacifi",
        why: "« pacifier » présente une opération militaire comme un retour à la paix.",
    },
    Loaded {
        stem: "fustig",
        why: "« fustiger » dramatise une critique.",
    },
];

const LOADED_EN: &[Loaded] = &[
    Loaded {
        stem: "slammed",
        why: "“slammed” dramatises a criticism: it tells the reader how to feel about it.",
    },
    Loaded {
        stem: "regime",
        why: "“regime” names a government while suggesting it is illegitimate.",
    },
    Loaded {
        stem: "terroris",
        why: "“terrorist” is a loaded label: it condemns whoever it names, and each side uses it for the other.",
    },
    Loaded {
        stem: "neutrali",
        why: "“neutralised” is a military euphemism: it does not say whether people were killed, wounded or captured.",
    },
    Loaded {
        stem: "collateral damage",
        why: "“collateral damage” is a euphemism for civilian casualties.",
    },
    Loaded {
        stem: "thugs",
        why: "“thugs” condemns the people it names instead of describing them.",
    },
    Loaded {
        stem: "so-called",
        why: "“so-called” casts doubt on a name without saying why.",
    },
    Loaded {
        stem: "crackdown",
        why: "“crackdown” frames an action as harsh repression.",
    },
    Loaded {
        stem: "blasted",
        why: "“blasted” dramatises a criticism.",
    },
    Loaded {
        stem: "mob",
        why: "“mob” presents a crowd as dangerous and irrational.",
    },
];

const EVALUATIVE_FR: &[&str] = &[
    "inquiétant",
    "lourd",
    "urgence",
    "urgent",
    "grave",
    "dramatique",
    "catastrophique",
    "préoccupant",
    "alarmant",
    "regrettable",
    "scandaleu",
    "indispensable",
    "heureusement",
    "malheureusement",
    "terrible",
    "remarquable",
    "honteu",
    "il faut",
    "doit",
    "devrait",
    "inacceptable",
    "courageu",
    "désastreu",
    "salutaire",
    "absurde",
];

const EVALUATIVE_EN: &[&str] = &[
    "alarming",
    "badly",
    "deserve",
    "should",
    "must",
    "disgrace",
    "shameful",
    "worrying",
    "terrible",
    "fortunately",
    "sadly",
    "reckless",
    "excellent",
    "remarkable",
    "urgent",
    "crucial",
    "failure",
    "failed",
    "shocking",
    "welcome",
    "absurd",
    "disastrous",
    "brave",
    "unacceptable",
    "short-sighted",
    "best",
    "worst",
];

/// The loaded words of a language.
pub fn loaded(lang: Lang) -> &'static [Loaded] {
    lang.pick(LOADED_FR, LOADED_EN)
}

/// Where a word starting with `stem` is in `text`: the whole word's range.
pub fn find_stem(text: &str, stem: &str) -> Option<Range<usize>> {
    find_stem_lower(&lower_same_length(text)?, stem)
}

/// `text` lower-cased, when that keeps its byte length (French and English
/// do; ranges found in it are then ranges of `text`).
fn lower_same_length(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    (lower.len() == text.len()).then_some(lower)
}

/// A sentence lower-cased once, to find many stems in ([`find_stem`]).
pub struct Lowered(Option<String>);

impl Lowered {
    /// `text`, lower-cased.
    pub fn new(text: &str) -> Lowered {
        Lowered(lower_same_length(text))
    }

    /// [`find_stem`] in the text this was made of.
    pub fn find_stem(&self, stem: &str) -> Option<Range<usize>> {
        find_stem_lower(self.0.as_deref()?, stem)
    }
}

/// [`find_stem`] in a text already lower-cased: a sentence is lower-cased
/// once for all the stems looked for in it, not once a stem.
fn find_stem_lower(lower: &str, stem: &str) -> Option<Range<usize>> {
    let mut from = 0;
    while let Some(at) = lower[from..].find(stem) {
        let at = from + at;
        let boundary = lower[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if boundary {
            let end = at
                + lower[at..]
                    .find(|c: char| !(c.is_alphanumeric() || c == '-' || stem.contains(c)))
                    .unwrap_or(lower.len() - at);
            let end = if stem.contains(' ') {
                (at + stem.len()).max(end)
            } else {
                end
            };
            return Some(at..end);
        }
        from = at + stem.len();
    }
    None
}

/// The evaluative words of `sentence`, as written.
pub fn evaluative(sentence: &str, lang: Lang) -> Vec<String> {
    let Some(lower) = lower_same_length(sentence) else {
        return Vec::new();
    };
    let mut found: Vec<(usize, String)> = lang
        .pick(EVALUATIVE_FR, EVALUATIVE_EN)
        .iter()
        .filter_map(|stem| find_stem_lower(&lower, stem).map(|r| (r.start, sentence[r].to_owned())))
        // A compound noun names, it does not judge: "poids lourds" (the
        // heavyweights), "cas d'urgence", "état d’urgence", "heavy-duty".
        .filter(|(at, _)| {
            let before = sentence[..*at].trim_end().to_lowercase();
            // "L'urgence de trouver une solution" judges; "une urgence
            // opérationnelle" names a procedure.
            let after = sentence[*at..].to_lowercase();
            let urgency_of = !after.starts_with("urgence")
                || ["urgence de ", "urgence d'", "urgence d’"]
                    .iter()
                    .any(|p| after.starts_with(p));
            urgency_of
                && !before.ends_with("poids")
                && !before.ends_with(" d'")
                && !before.ends_with(" d’")
                && !sentence[..*at].ends_with('-')
        })
        .collect();
    found.sort();
    found.dedup_by(|a, b| a.1 == b.1);
    found.into_iter().map(|(_, w)| w).collect()
}

/// Words in quotation marks (« », “ ”, "…"), as byte ranges of the inner words.
pub fn quoted(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for (open, close) in [('«', '»'), ('“', '”'), ('"', '"')] {
        let mut from = 0;
        while let Some(at) = text[from..].find(open) {
            let start = from + at + open.len_utf8();
            let Some(len) = text[start..].find(close) else {
                break;
            };
            let inner = &text[start..start + len];
            let trimmed = inner.trim_matches(|c: char| c.is_whitespace());
            if !trimmed.is_empty() {
                let s = start + (inner.len() - inner.trim_start().len());
                found.push(s..s + trimmed.len());
            }
            from = start + len + close.len_utf8();
        }
    }
    found.sort_by_key(|r| r.start);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_match_whole_words_only() {
        let text = "avec 46 rebelles neutralisés et des attaques terroristes";
        assert_eq!(&text[find_stem(text, "neutralis").unwrap()], "neutralisés");
        assert_eq!(&text[find_stem(text, "terroris").unwrap()], "terroristes");
        assert!(find_stem("unmobbed", "mob").is_none());
    }

    #[test]
    fn quoted_words_in_every_style() {
        let text =
            "des \"attaques terroristes\" et l' « Alliance des États du Sahel » puis “regime”";
        let got: Vec<&str> = quoted(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            [
                "attaques terroristes",
                "Alliance des États du Sahel",
                "regime"
            ]
        );
    }

    #[test]
    fn evaluative_words_mark_opinions() {
        assert_eq!(
            evaluative(
                "la tension inquiétante et l'urgence de trouver une solution",
                Lang::Fr
            ),
            ["inquiétante", "urgence"]
        );
        assert!(evaluative("une urgence opérationnelle limitée", Lang::Fr).is_empty());
        // A noun of a situation or a compound names; it does not judge.
        assert!(
            evaluative(
                "sauf cas d’urgence, et des poids lourds de l’opposition",
                Lang::Fr
            )
            .is_empty()
        );
        assert_eq!(
            evaluative("The council badly failed.", Lang::En),
            ["badly", "failed"]
        );
    }
}
