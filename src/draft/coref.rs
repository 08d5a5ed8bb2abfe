//! Coreference: when two names in an article are one speaker.
//!
//! Two rules a reader applies without thinking: a person keeps their surname
//! whatever title comes before it ("Laurent Fabius", "M. Fabius", "President
//! Barack Obama", "Mr Obama"); and a verb that continues a speech ("a
//! ajouté", "added") keeps the speaker of the sentence before, so the role
//! named there ("le ministre des Affaires étrangères") and the name given
//! here ("Laurent Fabius") are one person.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::text::fold_answer;

/// Titles and honorifics that come before a name and say nothing of who it is.
const TITLES: &[&str] = &[
    "m",
    "mme",
    "mlle",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "pr",
    "prof",
    "professor",
    "president",
    "vice",
    "premier",
    "prime",
    "minister",
    "ministre",
    "presidente",
    "senator",
    "senateur",
    "senatrice",
    "depute",
    "deputee",
    "maire",
    "mayor",
    "general",
    "colonel",
    "pope",
    "pape",
    "king",
    "queen",
    "roi",
    "reine",
    "former",
    "ancien",
    "ancienne",
    "us",
    "chancellor",
    "governor",
    "judge",
    "juge",
    "chef",
    "chief",
    "executive",
    "officer",
];

/// The name words of a phrase: its capitalised words (not the first word of
/// a determiner-led phrase), folded, titles left out.
fn name_words(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && !is_determiner(w))
        .map(fold_answer)
        .filter(|w| !w.is_empty() && !TITLES.contains(&w.as_str()))
        .collect()
}

/// The keys under which [`same_person`] or [`acronym_of_other`] can match
/// `name`: its folded form, its surname (the last name word), its initials
/// and the words it writes in capitals; two names with no key in common are
/// never one person or one body.
pub fn lookup_keys(name: &str) -> Vec<String> {
    let folded = fold_answer(name);
    let mut keys = vec![format!("={folded}")];
    if let Some(surname) = name_words(name).pop() {
        keys.push(format!("~{surname}"));
    }
    let initials = initials(name);
    if initials.chars().count() >= 2 {
        keys.push(format!("I{initials}"));
    }
    keys.extend(acronyms(name).map(|w| format!("A{w}")));
    keys
}

/// The keys to look `name` up by among names stored under their
/// [`lookup_keys`]: its initials meet the others' acronyms and its acronyms
/// the others' initials (two people with the same initials are not one).
fn query_keys(name: &str) -> Vec<String> {
    lookup_keys(name)
        .into_iter()
        .map(|key| match key.strip_prefix('I') {
            Some(initials) => format!("A{initials}"),
            None => match key.strip_prefix('A') {
                Some(acronym) => format!("I{acronym}"),
                None => key,
            },
        })
        .collect()
}

/// Whether two names are the same person: equal once folded, or the same
/// surname (the last name word) with no first names that differ.
pub fn same_person(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold_answer(a), fold_answer(b));
    if fa.is_empty() || fb.is_empty() {
        return false;
    }
    if fa == fb {
        return true;
    }
    let (na, nb) = (name_words(a), name_words(b));
    // A name is short, and its surname is not the word that opens a
    // sentence-like choice ("Que les chiffres viennent de l’armée").
    let name_like = |p: &str, names: &[String]| {
        let words: Vec<&str> = p.split_whitespace().collect();
        words.len() <= 6
            && (words.len() == 1
                || names
                    .last()
                    .is_some_and(|l| words.first().is_none_or(|f| fold_answer(f) != *l)))
    };
    if !name_like(a, &na) || !name_like(b, &nb) {
        return false;
    }
    let (Some(last_a), Some(last_b)) = (na.last(), nb.last()) else {
        return false;
    };
    // A name of one word that is a whole choice of several words ("France"
    // beside "South Africa") is a place or a body, not a surname.
    if last_a != last_b || last_a.chars().count() < 3 {
        return false;
    }
    let firsts = |n: &[String]| n[..n.len() - 1].to_vec();
    let (fa, fb) = (firsts(&na), firsts(&nb));
    // "Robert Mugabe" and "Grace Mugabe" are two people; "Mr Mugabe" may be either.
    fa.is_empty() || fb.is_empty() || fa == fb
}

/// Government bodies named by their seat ("le Quai d'Orsay" is the French
/// foreign ministry, "the White House" the US presidency), with the words of
/// what they stand for: a reader who knows one knows the other, so neither is
/// a wrong choice beside the other.
const SEATS: &[(&str, &[&str])] = &[
    ("quai orsay", &["affaires etrangeres", "diplomatie"]),
    ("elysee", &["president", "presidence"]),
    ("matignon", &["premier ministre"]),
    ("bercy", &["economie", "finances", "budget"]),
    ("beauvau", &["interieur"]),
    ("white house", &["president"]),
    ("downing street", &["prime minister"]),
    ("pentagon", &["defense", "defence", "military"]),
    ("kremlin", &["president", "russia", "russie"]),
    ("whitehall", &["government", "ministry", "department"]),
];

/// Capitals that stand for their country's government ("estime Berne",
/// "Washington said"): the government as a whole, which every official
/// body of that country speaks for.
const CAPITALS: &[&str] = &[
    "berne",
    "bern",
    "paris",
    "washington",
    "londres",
    "london",
    "moscou",
    "moscow",
    "pekin",
    "beijing",
    "bruxelles",
    "brussels",
    "berlin",
    "ottawa",
    "rome",
    "madrid",
    "tokyo",
    "kiev",
    "kyiv",
    "ankara",
    "teheran",
    "tehran",
    "canberra",
    "pretoria",
    "harare",
    "nairobi",
];

/// Collective nouns too wide to tell one speaker from another: "the
/// authorities" or "le gouvernement" take in every official the article
/// names, so they are neither a safe answer nor a safe wrong choice.
const COLLECTIVES: &[&str] = &[
    "autorites",
    "gouvernement",
    "executif",
    "pouvoir",
    "etat",
    "administration",
    "authorities",
    "government",
    "officials",
    "responsables",
    "state",
    // Parties of a council: a member speaks for them ("L'opposition juge…
    // Pour la conseillère Nathalie Guého…").
    "opposition",
    "majorite",
    "majority",
];

/// Whether a speaker is too broad to be told from the others: a collective
/// ("les autorités françaises", "the government") or a capital standing for
/// its government ("Berne").
pub fn is_broad(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| fold_answer(w)).collect();
    if folded.len() == 1 && CAPITALS.contains(&folded[0].as_str()) {
        return true;
    }
    // The collective is the head. In French it comes first and only
    // lower-case adjectives follow it ("les autorités françaises"); in
    // English it comes last ("the Zimbabwean government"), and before a
    // noun it is a modifier ("opposition councillors", "Government
    // Accountability Office").
    let french = words.first().is_some_and(|w| {
        let w = w.to_lowercase();
        matches!(w.as_str(), "le" | "la" | "les" | "un" | "une" | "des")
            || w.starts_with("l'")
            || w.starts_with("l’")
    });
    words.len() <= 4
        && folded.iter().enumerate().any(|(i, w)| {
            COLLECTIVES.contains(&w.as_str())
                && if french {
                    words[i + 1..]
                        .iter()
                        .all(|after| after.starts_with(char::is_lowercase))
                } else {
                    i + 1 == words.len()
                }
        })
}

/// Whether `short` holds an acronym (two or more capitals) made of the
/// initials of `long`'s words, small words left out.
pub fn is_acronym_of(short: &str, long: &str) -> bool {
    let initials = initials(long);
    initials.chars().count() >= 2 && acronyms(short).any(|w| w == initials)
}

/// The initials of a name's words, small words left out ("Civil Aviation
/// Authority" → "CAA").
fn initials(long: &str) -> String {
    const SMALL: &[&str] = &[
        "le", "la", "les", "l", "de", "du", "des", "d", "et", "un", "une", "the", "of", "and", "a",
        "an",
    ];
    long.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !SMALL.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The words of a name written in capitals ("The CAA" → "CAA").
fn acronyms(short: &str) -> impl Iterator<Item = &str> {
    short
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2 && w.chars().all(char::is_uppercase))
}

/// Whether one of two names is the other's acronym ("The CAA", "The Civil
/// Aviation Authority"): one body under two names.
pub fn acronym_of_other(a: &str, b: &str) -> bool {
    is_acronym_of(a, b) || is_acronym_of(b, a)
}

/// Whether two actors overlap: one is part of, speaks for, or is the seat
/// of the other ("Microsoft Corp" and "Microsoft President Brad Smith",
/// "une source du Quai d’Orsay" and "le Quai d’Orsay", "le ministre des
/// Affaires étrangères" and "le ministère des Affaires étrangères", "le
/// Quai d’Orsay" and "le ministère des Affaires étrangères"). Neither is then
/// a wrong choice when the other is the answer.
pub fn overlap(a: &str, b: &str) -> bool {
    let (na, nb) = (body_words(a), body_words(b));
    if na.iter().any(|w| nb.contains(w)) {
        return true;
    }
    let (fa, fb) = (fold_answer(a), fold_answer(b));
    // A group and one of its members by title: "the administrators" and
    // "joint administrator Priya Raman", "les enquêteurs" and "l'enquêteur
    // Paul Roux": one of them speaks for the others.
    let member = |group: &str, one: &str| {
        let words: Vec<&str> = group.split_whitespace().collect();
        words.len() <= 3
            && words.iter().any(|w| {
                w.chars().count() > 4
                    && w.strip_suffix('s')
                        .is_some_and(|single| one.split_whitespace().any(|o| o == single))
            })
    };
    if member(&fa, &fb) || member(&fb, &fa) {
        return true;
    }
    // An office and its institution share a stem: "le maire" and "la
    // mairie", "le ministre" and "le ministère", "the mayor" and "the
    // mayor's office". (Not "the council" and "opposition councillors":
    // a councillor may speak against the council.)
    // Bodies of one federal state ("l'Office fédéral de l'agriculture",
    // "le Conseil fédéral") answer to one government.
    let federal = |x: &str| x.split_whitespace().any(|w| w.starts_with("federa"));
    if federal(&fa) && federal(&fb) {
        return true;
    }
    const OFFICE_STEMS: &[&str] = &["maire", "mairi", "minis", "mayor", "prefe"];
    let stems = |x: &str| -> Vec<String> {
        x.split_whitespace()
            .filter(|w| w.chars().count() >= 5)
            .map(|w| w.chars().take(5).collect::<String>())
            .filter(|st| OFFICE_STEMS.contains(&st.as_str()))
            .map(|st| {
                if st == "mairi" {
                    "maire".to_owned()
                } else {
                    st
                }
            })
            .collect()
    };
    let (sa, sb) = (stems(&fa), stems(&fb));
    if sa.iter().any(|st| sb.contains(st)) {
        return true;
    }
    let seat = |x: &str, y: &str| {
        SEATS.iter().any(|(place, stands)| {
            x.contains(place) && stands.iter().any(|s| y.contains(s) || y.contains(place))
        })
    };
    // A court and a judge or member who sits on it ("the Land Court",
    // "Member Catherine Hale", « le tribunal », « la juge ») speak with one
    // voice: the judge writes the court's decision.
    let court = |x: &str| {
        x.split_whitespace()
            .any(|w| matches!(w, "court" | "tribunal" | "cour" | "juridiction"))
    };
    let judge = |x: &str, raw: &str| {
        x.split_whitespace()
            .any(|w| matches!(w, "judge" | "justice" | "magistrate" | "juge" | "magistrat"))
            || raw.starts_with("Member ")
    };
    if (court(&fa) && judge(&fb, b)) || (court(&fb) && judge(&fa, a)) {
        return true;
    }
    seat(&fa, &fb) || seat(&fb, &fa)
}

/// The capitalised words of a name that say whose it is, titles left out;
/// the first word counts only when every word is capitalised ("Microsoft
/// Corp"), since a choice's first letter is capitalised whatever it is
/// ("County officials who spoke").
fn body_words(phrase: &str) -> Vec<String> {
    let words: Vec<&str> = phrase
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let all_capital = words.iter().all(|w| w.starts_with(char::is_uppercase));
    words
        .iter()
        .enumerate()
        .filter(|(i, w)| {
            w.starts_with(char::is_uppercase)
                && (*i > 0 || all_capital)
                && !is_determiner(w)
                && w.chars().count() >= 3
        })
        .map(|(_, w)| fold_answer(w))
        .filter(|w| !w.is_empty() && !TITLES.contains(&w.as_str()))
        .collect()
}

/// Whether a phrase names someone by a proper name: a capitalised word in
/// its head, before any complement ("le ministre des Affaires étrangères"
/// is a role: its capitals are in the complement; "the BBC's editor Jon
/// Sopel" and "Laurent Fabius" are names).
pub fn has_name(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let head_end = words
        .iter()
        .position(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "de" | "des" | "du" | "d’" | "of" | "from" | "at" | "in" | "au" | "aux"
            ) || w.starts_with("d'")
                || w.starts_with("d’")
        })
        .unwrap_or(words.len());
    words[..head_end]
        .iter()
        .enumerate()
        .any(|(i, w)| w.starts_with(char::is_uppercase) && (i > 0 || !is_determiner(w)))
}

fn is_determiner(word: &str) -> bool {
    let lower = word.to_lowercase();
    let lower = lower.trim_end_matches(['\'', '’']);
    matches!(
        lower,
        "le" | "la"
            | "les"
            | "l"
            | "un"
            | "une"
            | "des"
            | "the"
            | "a"
            | "an"
            | "ce"
            | "cette"
            | "this"
            | "son"
            | "sa"
            | "his"
            | "her"
            | "their"
            | "its"
    ) || lower.starts_with("l'")
        || lower.starts_with("l’")
}

/// Speakers joined into people: each group lists the names of one speaker.
#[derive(Debug, Clone, Default)]
pub struct People {
    /// The names of each speaker; a group emptied by a merge stays, empty,
    /// so that the others keep their places.
    groups: Vec<Vec<String>>,
    /// The group of each name in `groups`.
    known: HashMap<String, usize>,
    /// The names in `groups` under their folded form and under their
    /// surname: the only names [`same_person`] can match, so a lookup
    /// compares a few names, not every one (comparing every one made a long
    /// article's draft cubic).
    by_key: HashMap<String, Vec<String>>,
    /// The pairs [`People::same`] has answered: a draft asks the same pair
    /// for every sentence of its speaker, and each answer folds both names.
    asked: RefCell<HashMap<(String, String), bool>>,
}

/// How many answers of [`People::same`] are kept: enough for any article,
/// and a bound on memory for a text of thousands of speakers.
const ASKED_KEPT: usize = 50_000;

impl People {
    /// Groups `speakers` (in reading order, each with how it links to the
    /// speaker before and the paragraph it is in).
    pub fn new<'a>(speakers: impl IntoIterator<Item = (&'a str, Link, usize)>) -> People {
        let mut people = People::default();
        let mut last: Option<(String, usize)> = None;
        for (speaker, continues, paragraph) in speakers {
            let at = people.index(speaker);
            let joined = match (&last, continues) {
                // "First West Yorkshire insisted… the company said…": a definite
                // description points back to the speaker just named.
                (Some((previous, _)), _) if is_listed_anaphor(speaker) && !is_anaphor(previous) => {
                    Some(people.index(previous))
                }
                // "…, estime l'établissement public" after "Selon l'Office
                // français de la biodiversité": a description points back to
                // a body just named, unless an earlier name holds it ("the
                // council" is "the city council", not the baker before it).
                (Some((previous, _)), _)
                    if points_back(speaker)
                        && !points_back(previous)
                        && is_body(previous)
                        && at.is_none()
                        && !people
                            .groups
                            .iter()
                            .flatten()
                            .any(|n| names_inside(speaker, n)) =>
                {
                    Some(people.index(previous))
                }
                // "Selon la FCPE, … Sa présidente, Hélène Brossard, rappelle…":
                // she speaks for it, so neither is a wrong answer for the other.
                (Some((previous, _)), Link::SpeaksFor) => Some(people.index(previous)),
                (Some((previous, p)), Link::Continues)
                    if *p == paragraph && !same_person(previous, speaker) =>
                {
                    // "a déclaré le ministre… « … », a ajouté Laurent Fabius":
                    // a role and a name, one person.
                    let previous_named = has_name(previous);
                    let named = has_name(speaker);
                    (previous_named != named).then(|| people.index(previous))
                }
                _ => None,
            };
            match (at, joined.flatten()) {
                (Some(a), Some(b)) if a != b => {
                    let moved = std::mem::take(&mut people.groups[b]);
                    for name in &moved {
                        people.known.insert(name.clone(), a);
                    }
                    people.groups[a].extend(moved);
                }
                (None, Some(b)) => people.add(speaker, b),
                (None, None) => {
                    people.groups.push(Vec::new());
                    people.add(speaker, people.groups.len() - 1);
                }
                _ => {}
            }
            last = Some((speaker.to_owned(), paragraph));
        }
        people
    }

    /// Puts `name` in group `at`.
    fn add(&mut self, name: &str, at: usize) {
        self.groups[at].push(name.to_owned());
        self.known.insert(name.to_owned(), at);
        for key in lookup_keys(name) {
            self.by_key.entry(key).or_default().push(name.to_owned());
        }
    }

    /// The first group holding `name`: the same person, or one body under
    /// its acronym and its spelled-out name ("the CAA", "the Civil Aviation
    /// Authority").
    fn index(&self, name: &str) -> Option<usize> {
        if let Some(&at) = self.known.get(name) {
            return Some(at);
        }
        query_keys(name)
            .iter()
            .filter_map(|key| self.by_key.get(key))
            .flatten()
            .filter(|n| same_person(n, name) || acronym_of_other(n, name))
            .filter_map(|n| self.known.get(n).copied())
            .min()
    }

    /// Whether two names are one speaker of this article.
    pub fn same(&self, a: &str, b: &str) -> bool {
        let key = (a.to_owned(), b.to_owned());
        if let Some(&same) = self.asked.borrow().get(&key) {
            return same;
        }
        let same = self.same_uncached(a, b);
        let mut asked = self.asked.borrow_mut();
        if asked.len() < ASKED_KEPT {
            asked.insert(key, same);
        }
        same
    }

    fn same_uncached(&self, a: &str, b: &str) -> bool {
        // One group first: for two speakers of the article, two hash lookups.
        if matches!((self.index(a), self.index(b)), (Some(x), Some(y)) if x == y) {
            return true;
        }
        let (fa, fb) = (fold_answer(a), fold_answer(b));
        // "la mairie" inside "la mairie de Rennes": the shorter names the longer.
        let inside =
            |x: &str, y: &str| !x.is_empty() && format!(" {y} ").contains(&format!(" {x} "));
        same_person(a, b) || inside(&fa, &fb) || inside(&fb, &fa)
    }

    /// The other names of `name`'s speaker.
    pub fn aliases(&self, name: &str) -> Vec<String> {
        self.index(name)
            .map(|i| {
                self.groups[i]
                    .iter()
                    .filter(|n| *n != name)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A definite description that points back to someone named earlier ("the
/// company", "l'élu", "the source", "the airline", "l'accusation",
/// "l'établissement public"): it names no one on its own, so as a wrong
/// choice it may be the right one under another name. A bare noun counts,
/// with at most one French adjective that is not a people's ("l'armée
/// malienne" names a body); an English modifier makes a name ("the city
/// council").
pub fn is_anaphor(phrase: &str) -> bool {
    if is_listed_anaphor(phrase) {
        return true;
    }
    let first = phrase
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let english = first == "the";
    let french =
        matches!(first.as_str(), "le" | "la") || first.starts_with("l'") || first.starts_with("l’");
    let rest: Vec<&str> = phrase
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .filter(|w| !w.is_empty())
        .skip(1)
        .collect();
    let lower = rest.iter().all(|w| w.starts_with(char::is_lowercase));
    let gentile = |w: &str| {
        [
            "ien", "ienne", "ais", "aise", "ain", "aine", "ois", "oise", "ique",
        ]
        .iter()
        .any(|end| w.ends_with(end))
    };
    lower
        && match rest.as_slice() {
            [_] => english || french,
            [_, adjective] => french && !gentile(adjective),
            _ => false,
        }
}

/// [`is_anaphor`]'s nouns that always point back ("the company", "l'élu"),
/// whatever came before.
fn is_listed_anaphor(phrase: &str) -> bool {
    const NOUNS: &[&str] = &[
        "company",
        "firm",
        "group",
        "operator",
        "union",
        "organisation",
        "organization",
        "agency",
        "source",
        "official",
        "société",
        "entreprise",
        "groupe",
        "opérateur",
        "syndicat",
        "élu",
        "élue",
        "agence",
        "organisation",
        "source",
        "responsable",
    ];
    // The nouns folded once, not once a speaker of a long text.
    static FOLDED: std::sync::LazyLock<Vec<String>> =
        std::sync::LazyLock::new(|| NOUNS.iter().map(|n| fold_answer(n)).collect());
    let folded = fold_answer(phrase);
    let words: Vec<&str> = folded.split_whitespace().collect();
    let starts_definite = phrase.split_whitespace().next().is_some_and(|w| {
        let w = w.to_lowercase();
        matches!(w.as_str(), "the" | "le" | "la") || w.starts_with("l'") || w.starts_with("l’")
    });
    starts_definite && words.len() == 1 && FOLDED.iter().any(|n| *n == words[0])
}

/// Whether a name is a body's, opening on an article ("the CAA", "l'Office
/// français de la biodiversité"), not a person's ("Tom Reed").
fn is_body(name: &str) -> bool {
    name.split_whitespace().next().is_some_and(|w| {
        let w = w.to_lowercase();
        matches!(w.as_str(), "the" | "le" | "la" | "les")
            || w.starts_with("l'")
            || w.starts_with("l’")
    })
}

/// Whether the words of a description, its article left out, stand inside
/// a name ("the council" in "the city council").
fn names_inside(description: &str, name: &str) -> bool {
    let (d, n) = (fold_answer(description), fold_answer(name));
    !d.is_empty() && d != n && format!(" {n} ").contains(&format!(" {d} "))
}

/// Whether a speaker may point back to the one named just before it:
/// [`is_anaphor`], or an article and a common noun with its adjectives, no
/// name and no complement saying whose it is ("l'établissement public" after
/// the Office français de la biodiversité, "the regulator" after the CAA;
/// not "la chambre d'agriculture"). Used to join speakers, not to rule out
/// wrong choices: "l'armée malienne" named first is a body of its own.
pub fn points_back(phrase: &str) -> bool {
    if is_anaphor(phrase) {
        return true;
    }
    let starts_definite = phrase.split_whitespace().next().is_some_and(|w| {
        let w = w.to_lowercase();
        matches!(w.as_str(), "the" | "le" | "la") || w.starts_with("l'") || w.starts_with("l’")
    });
    let rest: Vec<&str> = phrase
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .filter(|w| !w.is_empty())
        .skip(1)
        .collect();
    let complement = rest.iter().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "de" | "du" | "des" | "d" | "of" | "from" | "at" | "in" | "for" | "à" | "au" | "aux"
        )
    });
    starts_definite
        && (1..=3).contains(&rest.len())
        && rest.iter().all(|w| w.starts_with(char::is_lowercase))
        && !complement
}

/// How a speaker links to the one named before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// No link said.
    None,
    /// The verb goes on with the speech before ("a ajouté", "added").
    Continues,
    /// A possessive role ("Sa présidente, X", "Its spokesman"): X speaks for
    /// the one before.
    SpeaksFor,
}

/// How the speaker of `sentence`, cued by `marker`, links to the one before.
pub fn link(sentence: &str, marker: &str) -> Link {
    let first = sentence
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    const POSSESSIVES: &[&str] = &[
        "sa", "son", "ses", "leur", "leurs", "its", "his", "her", "their",
    ];
    // "…, said Mark Ellis, the company's chief executive": a role owned by
    // the body named before.
    let owned_role = sentence.split(", ").skip(1).any(|part| {
        let mut words = part.split_whitespace();
        let (a, b) = (
            words.next().unwrap_or_default(),
            words.next().unwrap_or_default(),
        );
        POSSESSIVES.contains(&a.to_lowercase().as_str())
            || (matches!(a, "the" | "The") && (b.ends_with("'s") || b.ends_with("’s")))
    });
    // "a expliqué l'adjointe chargée du commerce, Claire Le Goff": a role
    // that is an office of something (a deputy, a spokesperson) with no
    // owner said is an office of the body the article is about.
    const OFFICES: &[&str] = &[
        "adjoint",
        "adjointe",
        "porte-parole",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "directeur",
        "directrice",
        "director",
        "président",
        "présidente",
        "secrétaire",
        "conseiller",
        "conseillère",
        "councillor",
        "officer",
        "executive",
    ];
    let lower = sentence.to_lowercase().replace('’', "'");
    let office = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .any(|w| OFFICES.contains(&w.trim_start_matches("l'")))
        && !lower.contains("'s ");
    if POSSESSIVES.contains(&first.as_str()) || owned_role || office {
        Link::SpeaksFor
    } else if continues(marker) {
        Link::Continues
    } else {
        Link::None
    }
}

/// Whether a verb of saying continues the speech before it ("a ajouté",
/// "added", "poursuit", "l'a répété"): its speaker is the previous one.
pub fn continues(marker: &str) -> bool {
    let lower = marker.to_lowercase();
    [
        "ajout",
        "added",
        "adds",
        "poursui",
        "went on",
        "continued",
        "renchéri",
        "complété",
        // Saying again is going on: "L'éleveur de Saint-Symphorien l'a
        // répété", "he reiterated".
        "répét",
        "répèt",
        "réitér",
        "repeated",
        "reiterat",
    ]
    .iter()
    .any(|stem| lower.contains(stem))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_their_seats_heads_and_offices_overlap() {
        assert!(overlap(
            "Le Quai d’Orsay",
            "Le ministère des Affaires étrangères"
        ));
        assert!(overlap("Une source du Quai d’Orsay", "Le Quai d’Orsay"));
        assert!(overlap(
            "Le ministre des Affaires étrangères",
            "Le ministère des Affaires étrangères"
        ));
        assert!(overlap("Microsoft Corp", "Microsoft President Brad Smith"));
        assert!(overlap("Le cabinet du maire", "La mairie de Rennes"));
        assert!(overlap(
            "Le Conseil fédéral",
            "L'Office fédéral de l'environnement (OFEV)"
        ));
        assert!(!overlap("County officials who spoke", "Leigh Sears"));
        assert!(overlap(
            "The administrators",
            "Joint administrator Priya Raman"
        ));
        assert!(overlap("Les enquêteurs", "L’enquêteur Paul Roux"));
        assert!(!overlap("The administrators", "Amy Lockwood"));
        assert!(!overlap(
            "L'OMS",
            "L'Office fédéral de l'agriculture (OFAG)"
        ));
        assert!(!overlap("Jean-Marc Rouault", "La mairie de Rennes"));
    }

    #[test]
    fn collectives_and_capitals_are_broad() {
        for broad in [
            "les autorités françaises",
            "Le gouvernement",
            "the authorities",
            "Officials",
            "Berne",
            "L'opposition",
        ] {
            assert!(is_broad(broad), "{broad}");
        }
        for named in [
            "Government Accountability Office",
            "Opposition councillors",
            "La CNIL",
            "Laurent Fabius",
            "the Unite union",
        ] {
            assert!(!is_broad(named), "{named}");
        }
    }

    #[test]
    fn titles_and_first_names() {
        assert!(same_person("Laurent Fabius", "M. Fabius"));
        assert!(same_person("President Barack Obama", "Mr Obama"));
        assert!(same_person("President Obama", "Mr Obama"));
        assert!(!same_person("Robert Mugabe", "Grace Mugabe"));
        assert!(!same_person(
            "Laurent Fabius",
            "le ministre des Affaires étrangères"
        ));
        assert!(!same_person("South Africa", "the military"));
        assert!(!same_person(
            "Que les chiffres viennent de l’armée",
            "Que personne n’a été touché"
        ));
        assert!(!same_person(
            "The city council",
            "The article cites no source"
        ));
        assert!(!same_person("Les rebelles", "Les autorités maliennes"));
    }

    #[test]
    fn definite_descriptions_point_back() {
        assert!(is_anaphor("The company"));
        assert!(is_anaphor("L'élu"));
        assert!(points_back("L’établissement public"));
        assert!(points_back("The regulator"));
        assert!(!points_back("La chambre d’agriculture"));
        assert!(!points_back("the Civil Aviation Authority"));
        assert!(!is_anaphor("First West Yorkshire"));
        assert!(is_anaphor("The airline"));
        assert!(is_anaphor("L’accusation"));
        assert!(is_anaphor("L’établissement public"));
        assert!(!is_anaphor("L’armée malienne"));
        assert!(!is_anaphor("The city council"));
        assert!(!is_anaphor("Les rebelles"));
    }

    #[test]
    fn an_added_speech_joins_a_role_and_a_name() {
        let people = People::new([
            ("le ministre des Affaires étrangères", Link::None, 0),
            ("Laurent Fabius", Link::Continues, 0),
            ("une source du Quai d’Orsay", Link::None, 0),
            ("M. Fabius", Link::None, 1),
            ("la FCPE", Link::None, 2),
            (
                "Hélène Brossard",
                link("Sa présidente, Hélène Brossard, rappelle", "rappelle"),
                2,
            ),
        ]);
        assert!(people.same("la FCPE", "Hélène Brossard"));
        assert_eq!(
            link(
                "\"We held prices,\" said Mark Ellis, the company's chief executive.",
                "said"
            ),
            Link::SpeaksFor
        );
        assert!(people.same("le ministre des Affaires étrangères", "M. Fabius"));
        let people = People::new([
            ("Jean-Louis Perrichon", Link::None, 0),
            (
                "L’éleveur de Saint-Symphorien-sur-Coise",
                link(
                    "L’éleveur de Saint-Symphorien-sur-Coise l’a répété",
                    "répété",
                ),
                0,
            ),
        ]);
        assert!(people.same(
            "Jean-Louis Perrichon",
            "L’éleveur de Saint-Symphorien-sur-Coise"
        ));
        assert!(!people.same("une source du Quai d’Orsay", "Laurent Fabius"));
        let people = People::new([
            ("First West Yorkshire", Link::None, 0),
            ("the company", Link::None, 0),
        ]);
        assert!(people.same("First West Yorkshire", "The company"));
        assert!(overlap(
            "The Land Court of Queensland",
            "Member Catherine Hale"
        ));
        assert!(overlap("la juge Anne Roux", "le tribunal de Lyon"));
        assert!(!overlap(
            "The Land Court of Queensland",
            "Hydrogeologist Marcus Feeney"
        ));
        // An acronym and its expansion are one body, and "the regulator"
        // after it points back to it.
        let people = People::new([
            ("the Civil Aviation Authority", Link::None, 0),
            ("Priya Raman", Link::None, 1),
            ("the CAA", Link::None, 2),
            ("The regulator", Link::None, 2),
        ]);
        assert!(people.same("the CAA", "the Civil Aviation Authority"));
        assert!(people.same("The regulator", "the Civil Aviation Authority"));
        assert!(!people.same("Priya Raman", "the CAA"));
    }
}
