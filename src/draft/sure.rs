//! What a drafted question needs before its key can be trusted: choices a
//! student can name, and words that are wholly the speaker's. The finders
//! ([`super::attribution`], [`super::coref`]) can be wrong; these rules are
//! the safety net that leaves a doubtful question out rather than print a
//! wrong key (a teacher is better served by fewer sure questions).
//!
//! Each rule is grammar, not a list of this or that article's words: a
//! choice is a whole noun phrase; the words asked about start and end at a
//! clause boundary and hold no one else's clause.

use std::ops::Range;

use super::sentence;

/// Words that never open a noun phrase naming someone: pronouns,
/// conjunctions, negations, prepositions, relatives ("Ne dort plus", "Elle
/// n’a en revanche pas", "in an interview with the BBC", "C’est ce qu").
const NOT_OPENING: &[&str] = &[
    // pronouns
    "il",
    "elle",
    "ils",
    "elles",
    "on",
    "nous",
    "vous",
    "je",
    "j",
    "tu",
    "lui",
    "eux",
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "him",
    "them",
    "us",
    "ce",
    "c",
    "cela",
    "ça",
    "ceci",
    "celui",
    "celle",
    "ceux",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "y",
    "en",
    // relatives and conjunctions
    "qui",
    "que",
    "qu",
    "quoi",
    "dont",
    "où",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "et",
    "mais",
    "ou",
    "donc",
    "or",
    "ni",
    "car",
    "and",
    "but",
    "nor",
    "so",
    "yet",
    "while",
    "tandis",
    "lorsque",
    "lorsqu",
    "quand",
    "when",
    "if",
    "si",
    "as",
    "because",
    "since",
    "puisque",
    "puisqu",
    "comme",
    "then",
    "alors",
    "ainsi",
    // negations
    "ne",
    "n",
    "pas",
    "not",
    "jamais",
    "never",
    "plus",
    // prepositions
    "à",
    "au",
    "aux",
    "dans",
    "par",
    "pour",
    "sur",
    "avec",
    "sans",
    "chez",
    "vers",
    "de",
    "d",
    "in",
    "on",
    "at",
    "with",
    "by",
    "for",
    "from",
    "to",
    "into",
    "of",
    "about",
    "after",
    "before",
    "après",
    "avant",
    "selon",
    "according",
    "d’après",
];

/// Words that never close a noun phrase: a phrase ending on one was cut in
/// the middle ("L’éleveur de Saint-Symphorien-sur-Coise l", "Mais le
/// ministère n’a pas").
const NOT_CLOSING: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "lorsqu", "jusqu", "puisqu", "de", "du", "des",
    "le", "la", "les", "un", "une", "à", "au", "aux", "et", "ou", "que", "qui", "pas", "ne", "par",
    "pour", "sur", "dans", "en", "of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "by",
    "for", "with", "not", "that", "who", "which",
];

/// Possessive determiners: "Its most recent accounts", « Ses services »
/// name no one outside the sentence they come from.
const POSSESSIVES: &[&str] = &[
    "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes", "its",
    "his", "her", "their", "our", "my", "your",
];

/// Negations: a phrase holding one is a clause, not a name.
const NEGATIONS: &[&str] = &["ne", "n", "pas", "not", "never", "jamais"];

/// The words of a phrase, split at spaces and apostrophes ("L’éleveur" is
/// "L" and "éleveur").
fn tokens(phrase: &str) -> Vec<&str> {
    phrase
        .split(|c: char| c.is_whitespace() || matches!(c, '\'' | '’'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `choice` is a whole noun phrase a student can name: not a clause
/// fragment (sentence punctuation inside, opening on a pronoun, negation,
/// preposition or conjunction, ending on an elided clitic or a function
/// word), not a possessive with no referent ("Its most recent accounts";
/// "Son fils Bernard" names him), not a bare pronoun.
pub fn nameable(choice: &str) -> bool {
    let choice = choice.trim();
    if choice.is_empty() || choice.contains([';', ':', '!', '?', '«', '»', '“', '”', '"']) {
        return false;
    }
    // A full stop that closes a sentence, not an abbreviation ("M. Fabius").
    if choice
        .match_indices('.')
        .any(|(at, _)| !sentence::is_abbreviation(choice, at, '.'))
    {
        return false;
    }
    let words = tokens(choice);
    let lower: Vec<String> = words
        .iter()
        .map(|w| w.trim_matches([',', '(', ')']).to_lowercase())
        .collect();
    let (Some(first), Some(last)) = (lower.first(), lower.last()) else {
        return false;
    };
    // "Une méthode de calcul que Patrice Lemaire": a relative clause cut
    // before its verb is a fragment, and its head is not who speaks.
    let relative = lower.iter().skip(1).any(|w| {
        matches!(
            w.as_str(),
            "que" | "qu" | "qui" | "dont" | "that" | "which" | "whom"
        )
    });
    if words.len() > 12
        || relative
        || NOT_OPENING.contains(&first.as_str())
        || NOT_CLOSING.contains(&last.as_str())
        || lower.iter().any(|w| NEGATIONS.contains(&w.as_str()))
    {
        return false;
    }
    if POSSESSIVES.contains(&first.as_str()) {
        // "Son fils Bernard": a name after the possessive says who.
        return words[1..].iter().any(|w| w.starts_with(char::is_uppercase));
    }
    true
}

/// Whether `words` hold a judgement in the passive with its agent (« est
/// jugé insuffisant par les professionnels », "was criticised by
/// residents"): a second voice inside the words, whose judgement is not the
/// speaker's.
pub fn passive_judgement(words: &str) -> bool {
    const JUDGED: &[&str] = &[
        "jugé",
        "estimé",
        "considéré",
        "critiqué",
        "contesté",
        "dénoncé",
        "salué",
        "qualifié",
        "décrit",
        "perçu",
        "vu",
        "regardé",
        "judged",
        "deemed",
        "considered",
        "criticised",
        "criticized",
        "condemned",
        "welcomed",
        "described",
        "seen",
        "viewed",
        "regarded",
        "called",
        "branded",
        "hailed",
        "praised",
        "questioned",
        "disputed",
        "slammed",
    ];
    const AGENT_OPENERS: &[&str] = &[
        "le",
        "la",
        "les",
        "l",
        "des",
        "du",
        "un",
        "une",
        "ses",
        "leurs",
        "the",
        "a",
        "an",
        "its",
        "their",
        "many",
        "some",
        "plusieurs",
        "certains",
    ];
    let raw = tokens(words);
    let lower: Vec<String> = raw
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    lower.iter().enumerate().any(|(i, w)| {
        let base = w.trim_end_matches('s').trim_end_matches('e');
        if !(JUDGED.contains(&w.as_str()) || JUDGED.contains(&base)) {
            return false;
        }
        // The agent: "par"/"by" within a few words, in the same phrase (no
        // comma), before a determiner or a name (« par repas » is a rate,
        // "by 5%" an amount; "by residents" is an agent).
        (i + 1..(i + 5).min(lower.len())).any(|j| {
            let Some(next) = lower.get(j + 1) else {
                return false;
            };
            let named = AGENT_OPENERS.contains(&next.as_str())
                || raw[j + 1].starts_with(char::is_uppercase);
            let by = match lower[j].as_str() {
                "par" => named,
                "by" => named || next.starts_with(char::is_alphabetic),
                _ => false,
            };
            by && raw[i..j].iter().all(|t| !t.ends_with(','))
        })
    })
}

/// `words` without what opens them and is not the speaker's: a dateline
/// ("HEREFORD, England - "), a relative clause about the speaker ("qui
/// s’est constituée partie civile…, le préjudice…"). `None` when what is
/// left is not a clause of its own.
pub fn trimmed_start(words: &str) -> Option<usize> {
    /// Connectives that link the words to what came before (« Ainsi, »,
    /// « De plus, », "However,"): the link is not the claim.
    const CONNECTIVES: &[&str] = &[
        "ainsi",
        "de plus",
        "en outre",
        "par ailleurs",
        "cependant",
        "pourtant",
        "toutefois",
        "néanmoins",
        "donc",
        "enfin",
        "however",
        "moreover",
        "furthermore",
        "meanwhile",
        "still",
        "besides",
        "therefore",
    ];
    let mut at = dateline(words);
    if let Some(comma) = words[at..].find(", ")
        && CONNECTIVES.contains(&words[at..at + comma].to_lowercase().as_str())
    {
        at += comma + 2;
    }
    let rest = &words[at..];
    let first = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    if ["qui", "que", "dont", "où", "which", "who", "whose", "whom"].contains(&first) {
        // The relative clause ends at its comma; what follows is the claim.
        let comma = rest.find(", ")?;
        let after = &rest[comma + 2..];
        if after.split_whitespace().count() < 4 {
            return None;
        }
        at += comma + 2;
    }
    Some(at)
}

/// The length of the dateline that opens `words` ("HEREFORD, England - ",
/// "PARIS (AFP) – "): a place in capitals, then a dash; 0 when none.
pub fn dateline(words: &str) -> usize {
    let head: String = words.chars().take(60).collect();
    let Some((dash, len)) = [" - ", " – ", " — "]
        .iter()
        .filter_map(|d| head.find(d).map(|at| (at, d.len())))
        .min()
    else {
        return 0;
    };
    let first = head[..dash]
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    let capitals = first.chars().count() >= 2 && first.chars().all(char::is_uppercase);
    if capitals { dash + len } else { 0 }
}

/// Where the words stop being the speaker's: a comment the writer adds on
/// the whole clause (« , ce que le prévenu a mis sur le compte de… »,
/// ", which…"), or a second clause set against it (", while Ruth Penrose…",
/// « , tandis que la députée… »).
pub fn trimmed_end(words: &str) -> usize {
    const AFTER: &[&str] = &[
        ", ce que ",
        ", ce qui ",
        ", ce dont ",
        ", ce qu’",
        ", ce qu'",
        ", which ",
        ", while ",
        ", whereas ",
        ", tandis que ",
        ", tandis qu’",
        ", tandis qu'",
        ", alors que ",
        ", alors qu’",
        ", alors qu'",
    ];
    let comment = AFTER.iter().filter_map(|p| words.find(p)).min();
    // A short noun phrase closing the clause sums it up in the writer's
    // words (", a charge the industry rejects", « , un montant contesté »).
    let summed = [", a ", ", an ", ", un ", ", une "]
        .iter()
        .filter_map(|p| words.rfind(p))
        .max()
        .filter(|&at| words[at + 2..].split_whitespace().count() <= 8);
    comment
        .into_iter()
        .chain(summed)
        .min()
        .unwrap_or(words.len())
}

/// The part of `range` in `sentence` that is the speaker's own words, as
/// [`trimmed_start`] and [`trimmed_end`] read it.
pub fn owned(sentence: &str, range: Range<usize>) -> Option<Range<usize>> {
    let words = sentence.get(range.clone())?;
    let lead = words.len() - words.trim_start().len();
    let words = words.trim_start();
    let start = trimmed_start(words)?;
    let end = trimmed_end(words);
    (start < end).then(|| range.start + lead + start..range.start + lead + end)
}

/// Whether the words come before the speaker but are not introduced by a
/// cue: a title in apposition ("The agency's area manager, Claire
/// Whitmore, told…": the words are who she is), or a clause joined by "and"
/// to the speaker's ("It has set up a helpline…, and travel agents in
/// Cornwall reported…": the first clause is someone else's).
pub fn framed_badly(sentence: &str, content: &Range<usize>, speaker: &str) -> bool {
    let Some(after) = sentence.get(content.end..) else {
        return false;
    };
    let lower = after.to_lowercase();
    let Some(at) = lower.find(&speaker.to_lowercase()) else {
        return false;
    };
    let gap = &lower[..at];
    let words: Vec<&str> = gap
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    // Only punctuation between the words and the name, and a comma after
    // the name: an apposition ("X, Claire Whitmore, told…"), not an
    // inversion ("…, the trust said").
    let closed = lower[at + speaker.len()..].trim_start().starts_with(',');
    let apposition =
        words.is_empty() && gap.contains(',') && !gap.contains(['»', '”', '"']) && closed;
    let joined = words
        .iter()
        .any(|w| ["and", "et", "but", "mais", "while", "tandis", "whereas"].contains(w));
    apposition || joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_judgement_in_the_passive_with_its_agent_is_a_second_voice() {
        for words in [
            "un fonds, mais son montant est jugé insuffisant par les professionnels du secteur",
            "the plan was criticised by residents",
            "la réforme, saluée par plusieurs syndicats",
        ] {
            assert!(passive_judgement(words), "{words}");
        }
        for words in [
            "le surcoût, estimé à 0,40 euro par repas, serait pris en charge par la ville",
            "the figures were published by the inspectorate",
            "le projet est jugé prioritaire",
        ] {
            assert!(!passive_judgement(words), "{words}");
        }
    }

    #[test]
    fn clause_fragments_are_not_choices() {
        for fragment in [
            "Ne dort plus. Chaque matin",
            "L’éleveur de Saint-Symphorien-sur-Coise l",
            "Elle n’a en revanche pas",
            "Its most recent accounts",
            "Ses services",
            "Son ancien directeur commercial",
            "In an interview with the BBC",
            "C’est ce qu",
            "Mais le ministère n’a pas",
            "Elle",
            "qui s’est constituée partie civile",
            "Une méthode de calcul que Patrice Lemaire",
        ] {
            assert!(!nameable(fragment), "{fragment}");
        }
    }

    #[test]
    fn names_and_roles_are_choices() {
        for name in [
            "M. Fabius",
            "Laurent Fabius",
            "Son fils Bernard",
            "Le ministre des Affaires étrangères",
            "Joint administrator Priya Raman",
            "The National Farmers' Union",
            "L’Office français de la biodiversité (OFB)",
            "Dr. Paul Okafor",
            "Une source du Quai d’Orsay",
        ] {
            assert!(nameable(name), "{name}");
        }
    }

    #[test]
    fn a_dateline_and_a_relative_clause_are_not_the_words() {
        let words = "HEREFORD, England - Two families of beavers were released";
        assert_eq!(
            &words[trimmed_start(words).unwrap_or(0)..],
            "Two families of beavers were released"
        );
        let words = "qui s’est constituée partie civile, le préjudice total dépasse 6 millions";
        assert_eq!(
            &words[trimmed_start(words).unwrap_or(0)..],
            "le préjudice total dépasse 6 millions"
        );
        assert_eq!(trimmed_start("qui s’est constituée partie civile"), None);
        let words = "Ainsi, huit véhicules sur dix étaient mal garés";
        assert_eq!(
            &words[trimmed_start(words).unwrap_or(0)..],
            "huit véhicules sur dix étaient mal garés"
        );
        assert_eq!(dateline("Le maire - qui parle - dit"), 0);
    }

    #[test]
    fn a_comment_on_the_clause_ends_the_words() {
        let words = "quatre clients sur dix n’avaient rien reçu, ce que le prévenu a mis sur le compte d’un problème";
        assert_eq!(
            &words[..trimmed_end(words)],
            "quatre clients sur dix n’avaient rien reçu"
        );
        let words = "the failure would cost a third, while Ruth Penrose said it was bad";
        assert_eq!(
            &words[..trimmed_end(words)],
            "the failure would cost a third"
        );
        let words = "run-off from farms is behind the blooms, a charge the industry rejects";
        assert_eq!(
            &words[..trimmed_end(words)],
            "run-off from farms is behind the blooms"
        );
    }

    #[test]
    fn a_title_or_a_joined_clause_is_not_the_speakers() {
        let s = "The agency's area manager, Claire Whitmore, told reporters the licence could go.";
        assert!(framed_badly(s, &(0..25), "Claire Whitmore"));
        let s = "It has set up a helpline, and travel agents in Cornwall reported a rush.";
        assert!(framed_badly(s, &(0..24), "travel agents in Cornwall"));
        let s = "Staff were told by email, said Dan Hollis.";
        assert!(!framed_badly(s, &(0..24), "Dan Hollis"));
        let s = "The project cost 180,000 pounds, the trust said.";
        assert!(!framed_badly(s, &(0..31), "the trust"));
    }
}
