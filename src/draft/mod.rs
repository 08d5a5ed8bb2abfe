//! `mediaquiz draft`: a first bank proposed from any article, for a teacher
//! to finish. Deterministic: the same article gives the same file.
//!
//! The article is read as the checker reads it ([`Article`]: paragraphs and
//! subheadings), cut into sentences ([`sentence`]), and each finder proposes
//! questions: attributions ([`attribution`]), figures ([`figures`]), wording
//! and opinion ([`wording`]), names ([`cards`]). Every evidence quote is a
//! passage copied from the article, so the draft passes `check` except for the
//! fields left as `TODO` ([`todo`]), which `check` counts.

pub mod attribution;
pub mod cards;
pub mod coref;
pub mod figures;
pub mod findings;
pub mod input;
pub mod model;
pub mod sentence;
pub mod sure;
pub mod todo;
pub mod verify;
pub mod wording;
pub mod yaml;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;

use crate::article::Article;
use crate::bank::Lang;
use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::text::fold_answer;

use attribution::{Attribution, Cue};
use figures::{Figure, FigureKind};
use yaml::{Entry, TODO};

/// The schema line editors read (`mediaquiz schema > mediaquiz.schema.json`).
pub const SCHEMA_LINE: &str = "# yaml-language-server: $schema=mediaquiz.schema.json";

/// A drafted bank.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The bank's YAML text.
    pub yaml: String,
    /// The article's language (given or detected).
    pub lang: Lang,
    /// How many questions it proposes.
    pub questions: usize,
    /// How many `TODO`s it leaves to fill.
    pub todos: usize,
}

/// The language of a text, from a count of each language's commonest words.
///
/// Two languages only, and stop words are the most frequent tokens of any
/// article, so a dozen per language decides even on a short text; an n-gram
/// detector crate (whatlang, lingua) would add tables for seventy languages.
pub fn detect_language(text: &str) -> Lang {
    const FR: &[&str] = &[
        "le", "la", "les", "des", "est", "et", "du", "une", "dans", "pour", "que", "qui", "sur",
        "au", "avec", "pas", "ont", "sont", "selon",
    ];
    const EN: &[&str] = &[
        "the", "and", "of", "to", "is", "in", "that", "was", "for", "with", "on", "said", "by",
        "has", "have", "were", "are", "it",
    ];
    let (mut fr, mut en) = (0, 0);
    for word in text.split(|c: char| !c.is_alphabetic()) {
        let word = word.to_lowercase();
        fr += usize::from(FR.contains(&word.as_str()));
        en += usize::from(EN.contains(&word.as_str()));
    }
    if en > fr { Lang::En } else { Lang::Fr }
}

/// One sentence of the article, with what was found in it.
#[derive(Debug)]
struct Sentence {
    text: String,
    paragraph: usize,
}

/// The article as the finders see it.
#[derive(Debug)]
struct Reading {
    sentences: Vec<Sentence>,
    /// The words standing before each mention of a name, where its title
    /// goes ([`Reading::titled`]), read once a name: once a question made
    /// a long article's draft quadratic.
    titles: RefCell<HashMap<String, HashSet<String>>>,
    /// [`Reading::overlap`]'s answers so far.
    overlaps: RefCell<HashMap<(String, String), bool>>,
    /// [`Reading::keys_of`]'s answers so far.
    keys: RefCell<HashMap<String, NameKeys>>,
    /// [`Reading::sure`]'s answers so far, by sentence, words and speaker.
    sure_kept: RefCell<HashMap<(usize, usize, usize, String), bool>>,
    /// Body paragraphs' text, in order.
    paragraphs: Vec<String>,
    attributions: Vec<(usize, Attribution)>,
    actors: Vec<String>,
    /// The actors a question may offer as a wrong choice, whatever the
    /// question: named well enough for a student to rule them out. Sorted
    /// out once, not for every question of a long text.
    choosable: Vec<String>,
    /// The speakers joined into people ("Laurent Fabius", "M. Fabius").
    people: coref::People,
    /// The first attribution of each sentence, by sentence index: looked up
    /// once per sentence and per figure, so kept linear.
    by_sentence: std::collections::HashMap<usize, usize>,
    /// Every attribution of each sentence, by sentence index.
    in_sentence: std::collections::HashMap<usize, Vec<usize>>,
    /// Paragraphs holding an attribution.
    sourced: HashSet<usize>,
    /// Words the article writes in lower case somewhere: a quote's first
    /// word is lower-cased in a prompt only if it is one ("Zimbabwe" stays).
    lower_words: HashSet<String>,
    /// The speakers of the attributions, folded.
    speakers: HashSet<String>,
}

impl Reading {
    /// The first attribution found in sentence `i`.
    fn attribution_at(&self, i: usize) -> Option<&Attribution> {
        self.by_sentence.get(&i).map(|&k| &self.attributions[k].1)
    }

    /// Actors that can be wrong choices for `answer` asked about `sentence`:
    /// never another name of the answer, nor anyone the sentence names (who
    /// might be the one who says it).
    fn distractors(&self, answer: &str, sentence: &str) -> Vec<String> {
        let answer_names: Vec<String> = std::iter::once(answer.to_owned())
            .chain(self.people.aliases(answer))
            .collect();
        let in_sentence = Named::new(sentence);
        // « notre réglementation », "our members": a speaker who says "we"
        // speaks for a body, maybe one of the bodies the article names
        // (« la Ville »), which is then no wrong choice. Names of people stay.
        let for_a_body = sentence
            .split(|c: char| !c.is_alphabetic())
            // "US" is a country.
            .any(|w| w != "US" && FIRST_PLURAL.contains(&w.to_lowercase().as_str()));
        let mut chosen: Vec<&String> = Vec::new();
        self.choosable
            .iter()
            .filter(|a| !(for_a_body && attribution::starts_with_determiner(a)))
            .filter(|a| {
                !self.people.same(a, answer)
                    && !in_sentence.mentions_keyed(a, &self.keys_of(a))
                    // Part of, head of, or seat of the answer under any of
                    // its names ("Une source du Quai d’Orsay" beside Laurent
                    // Fabius, "le ministre des Affaires étrangères").
                    && !answer_names.iter().any(|name| self.overlap(a, name))
                    // "Le maire" beside "Régis Chambe", whom the article
                    // calls « le maire de Saint-Martin-en-Haut »: one person.
                    && !self.titled(a, answer)
                    && !self.titled(answer, a)
            })
            .filter(|a| {
                // Another name of someone the sentence names is named too.
                !self.people.aliases(a).iter().any(|alias| {
                    in_sentence.mentions_keyed(alias, &self.keys_of(alias))
                        || self.people.same(alias, answer)
                        || self.overlap(alias, answer)
                })
            })
            // One name a person: "President Obama" and "Mr Obama" as two
            // wrong choices would be one.
            .filter(|a| {
                let new = !chosen.iter().any(|c| self.people.same(c, a));
                if new {
                    chosen.push(a);
                }
                new
            })
            // Enough to choose from: the rest of a cast of thousands would
            // each be compared with every one kept (quadratic, per question).
            .take(WRONG_WEIGHED)
            .cloned()
            .collect::<Vec<_>>()
            .into_iter()
            // Speakers the article quotes first, named ones before the
            // others: a role or body with no name ("l’accusation", "the
            // trust") may be the answer's own side, so it comes only when
            // named speakers run out.
            .enumerate()
            .map(|(n, a)| {
                let speaks = self.speakers.contains(&fold_answer(&a));
                let rank = match (speaks, named(&a)) {
                    (true, true) => 0,
                    (true, false) => 1,
                    (false, true) => 2,
                    (false, false) => 3,
                };
                (rank, n, a)
            })
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .map(|(_, _, a)| a)
            .collect()
    }

    /// [`coref::overlap`], each pair's answer kept: a long text asks the same
    /// pairs for every sentence of a speaker.
    fn overlap(&self, a: &str, b: &str) -> bool {
        let key = (a.to_owned(), b.to_owned());
        if let Some(&known) = self.overlaps.borrow().get(&key) {
            return known;
        }
        let answer = coref::overlap(a, b);
        let mut kept = self.overlaps.borrow_mut();
        if kept.len() < KEPT_ANSWERS {
            kept.insert(key, answer);
        }
        answer
    }

    /// An actor's folded name and [`coref::lookup_keys`], worked out once.
    fn keys_of(&self, actor: &str) -> NameKeys {
        if let Some(keys) = self.keys.borrow().get(actor) {
            return Rc::clone(keys);
        }
        let keys = Rc::new((fold_answer(actor), coref::lookup_keys(actor)));
        let mut kept = self.keys.borrow_mut();
        if kept.len() < KEPT_ANSWERS {
            kept.insert(actor.to_owned(), Rc::clone(&keys));
        }
        keys
    }

    /// Whether the article gives `name` the role that `role` names with no
    /// name of its own ("Le maire de Saint-Martin-en-Haut, Régis Chambe"
    /// for "Le maire"; "The agency's area manager, Claire Whitmore" for
    /// "The area manager"): the two may be one person.
    fn titled(&self, name: &str, role: &str) -> bool {
        /// How far before a name its title stands.
        const TITLE_CHARS: usize = 80;
        if named(role) || !named(name) {
            return false;
        }
        // Singular, so that "Analysts" meets "a soft commodities analyst".
        let singular = |w: &str| {
            let w = w.to_lowercase();
            match w.strip_suffix('s') {
                Some(stem) if stem.chars().count() >= 4 => stem.to_owned(),
                _ => w,
            }
        };
        let role_words: Vec<String> = role
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 4)
            .map(singular)
            .collect();
        if role_words.is_empty() {
            return false;
        }
        if let Some(before) = self.titles.borrow().get(name) {
            return role_words.iter().any(|w| before.contains(w));
        }
        let before: HashSet<String> = self
            .paragraphs
            .iter()
            .flat_map(|p| {
                p.match_indices(name).flat_map(move |(at, _)| {
                    let mut from = at.saturating_sub(TITLE_CHARS);
                    while !p.is_char_boundary(from) {
                        from += 1;
                    }
                    // And the apposition after it ("Julia Marchetti, a soft
                    // commodities analyst, said…"), up to its closing comma.
                    let after = &p[at + name.len()..];
                    let apposition = after
                        .strip_prefix(", ")
                        .map(|rest| &rest[..rest.find([',', '.']).unwrap_or(rest.len())])
                        .filter(|a| a.chars().count() <= TITLE_CHARS)
                        .unwrap_or_default();
                    format!("{} {apposition}", &p[from..at])
                        .split(|c: char| !c.is_alphabetic())
                        .filter(|w| w.chars().count() >= 4)
                        .map(singular)
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let titled = role_words.iter().any(|w| before.contains(w));
        let mut kept = self.titles.borrow_mut();
        if kept.len() < KEPT_ANSWERS {
            kept.insert(name.to_owned(), before);
        }
        titled
    }

    /// Whether a question about who says `a`'s words (or gives its figure)
    /// has one sure key: the speaker is a whole noun phrase, is the only
    /// one the sentence reports, is named in it or just before it (a
    /// pronoun's antecedent, not a guess across other people), and the
    /// words are not the speaker's title or a clause joined to theirs.
    /// Worked out once: "who says?" and "whose figure?" ask it of the same
    /// attributions, and each answer re-reads the sentences around.
    fn sure(&self, index: usize, a: &Attribution) -> bool {
        let key = (index, a.content.start, a.content.end, a.speaker.clone());
        if let Some(&known) = self.sure_kept.borrow().get(&key) {
            return known;
        }
        let answer = self.sure_uncached(index, a);
        self.sure_kept.borrow_mut().insert(key, answer);
        answer
    }

    fn sure_uncached(&self, index: usize, a: &Attribution) -> bool {
        let sentence = &self.sentences[index].text;
        if !sure::nameable(&a.speaker) || sure::framed_badly(sentence, &a.content, &a.speaker) {
            return false;
        }
        let same = |other: &str| {
            self.people.same(other, &a.speaker)
                || same_actor(&fold_answer(other), &fold_answer(&a.speaker))
        };
        // One speaker a sentence: with two, the finder may give one's words
        // to the other ("…, while Ruth Penrose… said it was “a hammer blow”").
        let others_found = self
            .in_sentence
            .get(&index)
            .is_some_and(|list| list.iter().any(|&k| !same(&self.attributions[k].1.speaker)));
        let others_read = attribution::find(sentence, &mut None).iter().any(|b| {
            !is_pronoun(&b.speaker) && !same(&b.speaker) && !mentions(&b.speaker, &a.speaker)
        });
        if others_found || others_read {
            return false;
        }
        self.antecedent_near(index, a)
    }

    /// Whether the speaker is named in sentence `index`, or, when it says
    /// "il", "selon eux", "she said", in the sentences just before, each
    /// of them either naming the speaker or reporting them again: a pronoun
    /// whose antecedent is further, past someone else, is a guess.
    fn antecedent_near(&self, index: usize, a: &Attribution) -> bool {
        let names = |i: usize| {
            let text = &self.sentences[i].text;
            mentions(text, &a.speaker)
                || self
                    .people
                    .aliases(&a.speaker)
                    .iter()
                    .any(|alias| mentions(text, alias))
        };
        let mut i = index;
        for _ in 0..4 {
            if names(i) {
                return true;
            }
            let Some(before) = i.checked_sub(1) else {
                return false;
            };
            // A sentence in between must report the same speaker again.
            if i != index
                && !self.in_sentence.get(&i).is_some_and(|list| {
                    list.iter().any(|&k| {
                        self.people
                            .same(&self.attributions[k].1.speaker, &a.speaker)
                    })
                })
            {
                return false;
            }
            i = before;
        }
        false
    }
}

/// Whether `sentence` names someone who may be the source of its figures:
/// quoted words, an actor or a noun for someone who speaks as its subject ("le procureur", "the
/// regulator"), a pronoun subject ("It reported…"), or a verb that gives a
/// figure (reported, estimated, recorded, « a enregistré »).
fn someone_named(r: &Reading, sentence: &str) -> bool {
    const GIVES: &[&str] = &[
        "report",
        "estimat",
        "announc",
        "publish",
        "record",
        "count",
        "enregistr",
        "recens",
        "comptabilis",
        "annonc",
        "publi",
        "estim",
        "chiffr",
        "indiqu",
        "selon",
        "according",
    ];
    /// The words that hold a sentence's subject, the one who gives its
    /// figures ("Le procureur de la République a requis…"); a noun further
    /// on is what is counted ("10 soldats maliens tués et 46 rebelles").
    const SUBJECT_WORDS: usize = 6;
    let words: Vec<String> = sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let subject: String = sentence
        .split_whitespace()
        .take(SUBJECT_WORDS)
        .collect::<Vec<_>>()
        .join(" ");
    let speaker_noun = words.iter().take(SUBJECT_WORDS).any(|w| {
        let singular = w.strip_suffix('s').unwrap_or(w);
        attribution::SPEAKER_NOUNS.contains(&w.as_str())
            || attribution::SPEAKER_NOUNS.contains(&singular)
    });
    let pronoun = words.first().is_some_and(|w| is_pronoun(w));
    // « La ville de Nantes veut servir 75 %… »: a name in the subject, even
    // one nobody quotes, owns the figure it aims at or pays.
    let proper = subject
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .skip(1)
        .any(|w| w.starts_with(char::is_uppercase));
    let gives = words
        .iter()
        .any(|w| is_saying(w) || GIVES.iter().any(|stem| w.starts_with(stem)));
    // Quoted words are someone's, and so may be a figure inside them (« Il
    // faut deux ans… », a répliqué X, with a cue the finder does not read).
    let quoting = sentence.contains(['«', '»', '“', '”', '"']);
    quoting
        || speaker_noun
        || pronoun
        || proper
        || gives
        || sentence.contains("d’après")
        || sentence.contains("d'après")
        || r.actors
            .iter()
            .any(|a| mentions(&subject, a) || name_word_in(&subject, a) || head_in(&subject, a))
}

/// Whether `subject` names an actor by the head noun of its name: "The
/// inspectorate visited 212 sites" after "the Scottish government's Fish
/// Health Inspectorate".
fn head_in(subject: &str, actor: &str) -> bool {
    let Some(head) = actor
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(str::to_lowercase)
    else {
        return false;
    };
    head.chars().count() >= 5
        && subject
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.to_lowercase() == head)
}

/// Whether a capitalised word of `actor`'s name (not its first word's
/// article or title) is a word of `text`: "Microsoft will invest…" names
/// "Microsoft Corp".
fn name_word_in(text: &str, actor: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .collect();
    actor
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| w.chars().count() >= 3 && w.starts_with(char::is_uppercase))
        .filter(|w| !attribution::starts_with_determiner(w))
        .any(|w| words.contains(&w))
}

/// Whether a speaker is a bare personal pronoun (the finder's "he" left
/// unresolved).
fn is_pronoun(speaker: &str) -> bool {
    const PRONOUNS: &[&str] = &[
        "il", "elle", "ils", "elles", "on", "nous", "je", "lui", "eux", "he", "she", "they", "it",
        "we", "i", "him", "her", "them",
    ];
    PRONOUNS.contains(&speaker.trim().to_lowercase().as_str())
}

/// The cue of an "according to" attribution as the sentence words it, in
/// lower case: « selon », « d’après », "according to", and the whole of
/// « à ses yeux », "in her view" (whose marker is only their first word).
fn according_cue(sentence: &str, marker: &str) -> String {
    let lower = marker.to_lowercase();
    let whole = match lower.as_str() {
        "à" | "a" | "in" => sentence
            .find(marker)
            .map(|at| {
                sentence[at..]
                    .split_whitespace()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" ")
                    .trim_end_matches(',')
                    .to_lowercase()
            })
            .unwrap_or(lower),
        _ => lower,
    };
    whole.replace('\'', "’")
}

/// "We" and its forms, French and English.
const FIRST_PLURAL: &[&str] = &["nous", "notre", "nos", "we", "our", "ours", "us"];

/// Whether a choice names its speaker by a proper name ("Natural England",
/// "la CNIL", "le ministre des Affaires étrangères"), not by a common noun
/// alone ("l’accusation", "the trust").
fn named(choice: &str) -> bool {
    choice
        .split(|c: char| c.is_whitespace() || matches!(c, '\'' | '’'))
        .filter(|w| !w.is_empty())
        .skip(1)
        .any(|w| w.starts_with(char::is_uppercase))
}

impl Reading {
    /// The words of `a` as a prompt quotes them: the cue's time or place
    /// left out ("annoncé lundi la fermeture" → "la fermeture"), the person
    /// told left out ("told the Yorkshire Post she would…"), the first
    /// letter lower-cased unless it begins a name, and whole: a quotation
    /// longer than a prompt holds is cut at the end of a sentence, or not
    /// asked about at all (a quote cut mid-phrase may say what its speaker
    /// did not).
    fn shown_words(&self, a: &Attribution, sentence: &str) -> Option<String> {
        let words = a.words(sentence);
        // "told X that…" opens the words only when the verb comes first.
        let verb_first = sentence
            .get(..a.content.start)
            .is_some_and(|before| before.to_lowercase().contains(&a.marker.to_lowercase()));
        let words = strip_opening(&words, if verb_first { &a.marker } else { "" });
        let words = without_apposition(words, sentence, a);
        // A dateline or a relative clause opening the words, a comment of
        // the writer's closing them: not what the speaker said.
        let words = &words[sure::trimmed_start(words)?..];
        let words = &words[..sure::trimmed_end(words)];
        let first: String = words.chars().take_while(|c| c.is_alphabetic()).collect();
        let lower = first.to_lowercase();
        let words = if first != lower && self.lower_words.contains(&lower) {
            lower_first(words)
        } else {
            words.to_owned()
        };
        fit_words(&balanced(&words), MAX_QUOTED_WORDS)
    }

    /// Whether the words given to `speaker` hold another saying ("…, but
    /// the BBC's editor Jon Sopel said the president…", "X said Y had told
    /// Z that…"): asked "who says this?", two choices would be right.
    fn mixed(&self, words: &str, speaker: &str) -> bool {
        // A pronoun ("it hopes", "he added") points back to the speaker.
        const PRONOUNS: &[&str] = &[
            "il", "elle", "ils", "elles", "on", "nous", "je", "he", "she", "they", "it", "we", "i",
        ];
        sure::passive_judgement(words)
            || attribution::find(words, &mut None).iter().any(|inner| {
                !PRONOUNS.contains(&inner.speaker.to_lowercase().as_str())
                    && !self.people.same(&inner.speaker, speaker)
            })
    }
}

/// The part of `a`'s words in `sentence` that is surely the speaker's: the
/// cue's clause left out when it opens or closes them, then what
/// [`sure::owned`] leaves (no dateline, no opening relative clause, no
/// closing comment of the writer's).
fn owned_range(sentence: &str, a: &Attribution) -> Option<Range<usize>> {
    let mut range = a.content.clone();
    if let Some(cut) = &a.cut {
        if cut.start <= range.start {
            range.start = cut.end.max(range.start);
        } else if cut.end >= range.end {
            range.end = cut.start.min(range.end);
        }
    }
    (range.start < range.end)
        .then(|| sure::owned(sentence, range))
        .flatten()
}

/// Whether the quotation at `quoted` follows the cue of `a` closely (« a
/// promis « … » », "said it was “…”", « juge que « … » ») or closes just
/// before it (« « … », a lancé… »): quoted words further inside reported
/// speech may be a third party's ("…se disaient envoyés « pour le compte
/// de l’État »": the salesmen's words, reported by the prosecutor).
fn near_cue(sentence: &str, a: &Attribution, quoted: &Range<usize>) -> bool {
    const MOST_WORDS_BETWEEN: usize = 3;
    /// Further from the cue, the words are still the speaker's if no
    /// other verb of saying comes between ("said the delays were caused by
    /// “a chaotic tendering process”"), a third party's if one does
    /// ("se disaient envoyés « … »", "had warned the board that “…”").
    const FURTHEST: usize = 12;
    let far_ok = |gap: &str| {
        let words: Vec<String> = gap
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        words.len() <= FURTHEST && !words.iter().any(|w| is_saying(w))
    };
    let marker = a.marker.to_lowercase();
    if marker.is_empty() {
        return false;
    }
    let lower = sentence.to_lowercase();
    if lower.len() != sentence.len() {
        // Offsets would not match: not sure.
        return false;
    }
    let count = |gap: &str| {
        gap.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    lower.match_indices(&marker).any(|(at, m)| {
        let end = at + m.len();
        // The mark that opens the quotation belongs to it.
        let open = sentence[..quoted.start]
            .trim_end_matches(['«', '“', '"', '\u{a0}', ' '])
            .len();
        if end <= open {
            let gap = &sentence[end..open];
            count(gap) <= MOST_WORDS_BETWEEN || far_ok(gap)
        } else if quoted.end <= at {
            count(&sentence[quoted.end..at]) <= MOST_WORDS_BETWEEN
        } else {
            false
        }
    })
}

/// Whether `a`'s words follow its cue as the verb's object, not as a
/// clause: no « que », « qu’ » or colon between, and an article opening them
/// (« considère la substance comme… », « a promis une réponse »).
fn object_of_cue(sentence: &str, a: &Attribution) -> bool {
    let Some(before) = sentence.get(..a.content.start) else {
        return false;
    };
    let lower = before.to_lowercase();
    let marker = a.marker.to_lowercase();
    let Some(at) = lower.rfind(&marker) else {
        return false;
    };
    let between = &lower[at + marker.len()..];
    // « Selon X, les analyses… »: a clause after the source, not an object.
    if a.cue == Cue::According || between.contains(',') {
        return false;
    }
    let introduced = between
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w == "que" || w == "qu" || w == "that")
        || between.contains(':');
    // French reports a clause only after `que` or a colon, or as an
    // infinitive (« affirme avoir vu… »): a noun phrase or an amount after
    // the verb is its object (« a promis 1,2 million d’euros sur cinq ans »).
    let words = sentence
        .get(a.content.clone())
        .unwrap_or_default()
        .trim_start_matches(['«', '“', '"', ' ', '\u{a0}']);
    let first = words
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let amount = words.starts_with(|c: char| c.is_ascii_digit());
    let determiner = [
        "le", "la", "les", "l", "un", "une", "des", "du", "d", "de", "à", "au", "aux", "sur",
        "contre", "the", "a", "an",
    ]
    .contains(&first.as_str());
    !introduced && (amount || determiner || a.cue == Cue::Accuses)
}

/// Whether a French infinitive of fear, hope or wish stands between the cue
/// and `a`'s words (« dit craindre que », « affirme espérer que »).
fn attitude_before(sentence: &str, a: &Attribution) -> bool {
    const ATTITUDES: &[&str] = &[
        "craindre",
        "redouter",
        "espérer",
        "souhaiter",
        "vouloir",
        "regretter",
        "déplorer",
        "douter",
        "refuser",
    ];
    let Some(before) = sentence.get(..a.content.start) else {
        return false;
    };
    let lower = before.to_lowercase();
    let marker = a.marker.to_lowercase();
    let Some(at) = lower.rfind(&marker) else {
        return false;
    };
    lower[at + marker.len()..]
        .split(|c: char| !c.is_alphabetic())
        .any(|w| ATTITUDES.contains(&w))
}

/// Whether `a`'s words open on a French infinitive (« avoir vu une
/// voiture… »): words of the speaker's, but no clause a statement can hold.
fn opens_on_infinitive(sentence: &str, a: &Attribution) -> bool {
    let first = sentence
        .get(a.content.clone())
        .unwrap_or_default()
        .trim_start_matches(['«', '“', '"', ' ', '\u{a0}'])
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    first.chars().count() > 3
        && ["er", "ir", "re"].iter().any(|end| first.ends_with(end))
        && ![
            "leur", "notre", "votre", "quatre", "entre", "contre", "outre",
        ]
        .contains(&first.as_str())
}

/// The verb of an accusation for a question's "who …?", in the present:
/// « accuse », « dénonce », "accuses", "denounces"; None for another cue.
fn accusing_verb(marker: &str, lang: Lang) -> Option<&'static str> {
    let lower = marker.to_lowercase();
    let has = |stem: &str| lower.split_whitespace().any(|w| w.starts_with(stem));
    match lang {
        Lang::Fr if has("accus") => Some("accuse"),
        Lang::Fr if has("dénon") => Some("dénonce"),
        Lang::Fr if has("reproch") => Some("reproche"),
        Lang::En if has("accus") => Some("accuses"),
        Lang::En if has("denounc") => Some("denounces"),
        Lang::En if has("condemn") => Some("condemns"),
        Lang::En if has("blam") => Some("blames"),
        Lang::En if has("slam") => Some("slams"),
        Lang::En if has("criticis") || has("criticiz") => Some("criticises"),
        Lang::Fr if has("critiqu") => Some("critique"),
        Lang::Fr if has("fustig") => Some("fustige"),
        _ => None,
    }
}

/// Whether a cue presents what follows as true (« reconnaît que », « rappelle
/// que », "acknowledged", "noted"): the writer vouches for it too, so "a fact
/// or only their version?" has two defensible answers.
fn factive(marker: &str) -> bool {
    const FACTIVE: &[&str] = &[
        "reconna",
        "rappel",
        "admet",
        "admis",
        "constat",
        "regrett",
        "soulign",
        "acknowledg",
        "admitt",
        "admit",
        "conced",
        "recall",
        "noted",
        "notes",
        "pointed",
        "points out",
        "observ",
        "regret",
    ];
    let lower = marker.to_lowercase();
    lower
        .split_whitespace()
        .any(|w| FACTIVE.iter().any(|f| w.starts_with(f)))
        || FACTIVE.iter().any(|f| f.contains(' ') && lower.contains(f))
}

/// Whether `a`'s words are a quotation, marks and all.
fn quoted_whole(sentence: &str, a: &Attribution) -> bool {
    let before = sentence
        .get(..a.content.start)
        .unwrap_or_default()
        .trim_end_matches([' ', '\u{a0}']);
    let words = sentence.get(a.content.clone()).unwrap_or_default().trim();
    before.ends_with(['«', '“', '"']) || words.starts_with(['«', '“', '"'])
}

/// Whether a word (lower case) is a verb of saying: « dit », « a
/// affirmé », "told", "warned", "claims".
fn is_saying(word: &str) -> bool {
    const SAYING: &[&str] = &[
        "dit", "dis", "disait", "disaient", "disent", "disant", "say", "says", "said", "saying",
        "tell", "tells", "told", "telling", "stated", "states", "added", "adds",
    ];
    const SAYING_STEMS: &[&str] = &[
        "promet", "promis", "affirm", "déclar", "annonc", "assur", "expliqu", "estim", "qualifi",
        "dénon", "souten", "soutien", "ajout", "précis", "indiqu", "confirm", "prétend", "argu",
        "warn", "claim", "insist", "accus", "describ", "call", "report", "alleg", "announc", "vow",
        "racont", "répliqu", "répond", "explain",
    ];
    SAYING.contains(&word) || SAYING_STEMS.iter().any(|s| word.starts_with(s))
}

/// Words without the apposition that opens them when the speaker comes
/// first ("Pour l'hydrologue Sophie Marty, chercheuse à l'université de
/// Toulouse, ces épisodes…": the researcher is who speaks, not what).
fn without_apposition<'w>(words: &'w str, sentence: &str, a: &Attribution) -> &'w str {
    let before = sentence
        .get(..a.content.start)
        .unwrap_or_default()
        .trim_end();
    let Some(comma) = words.find(", ") else {
        return words;
    };
    let head = &words[..comma];
    let after_speaker = before
        .trim_end_matches(',')
        .trim_end()
        .to_lowercase()
        .ends_with(&a.speaker.to_lowercase());
    // An apposition is a bare noun ("chercheuse à…", "pêcheur à Figeac"):
    // a clause or a circumstance opens with a pronoun, article or preposition.
    const OPENS_CLAUSE: &[&str] = &[
        "il", "elle", "ils", "elles", "on", "nous", "je", "c", "ce", "cela", "ça", "le", "la",
        "les", "l", "un", "une", "des", "du", "en", "dans", "à", "au", "aux", "depuis", "pour",
        "si", "it", "he", "she", "they", "we", "i", "you", "there", "this", "that", "the", "in",
        "on", "at", "by", "for", "if", "since", "when",
    ];
    let first = head
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let appositive = head.starts_with(char::is_lowercase)
        && !OPENS_CLAUSE.contains(&first.as_str())
        && head.split_whitespace().count() <= 8
        && !head.contains(['«', '“', '"']);
    let rest = &words[comma + 2..];
    if after_speaker && appositive && rest.split_whitespace().count() >= 4 {
        rest
    } else {
        words
    }
}

/// Words whose quotation closes after the cue ("The effort “will require
/// technology…,” Brad Smith said"): the mark that closes it added, so the
/// prompt's quotation marks pair up.
fn balanced(words: &str) -> String {
    let mut out = words.to_owned();
    for (open, close) in [('«', '»'), ('“', '”')] {
        if out.matches(open).count() > out.matches(close).count() {
            out.push(close);
        }
    }
    if out.matches('"').count() % 2 == 1 {
        out.push('"');
    }
    out
}

/// The most words a prompt quotes: a long quotation is a paragraph to read,
/// not a prompt.
const MAX_QUOTED_WORDS: usize = 35;

/// `words` whole if short enough, else its first sentences that fit (at
/// least five words), else nothing.
fn fit_words(words: &str, max: usize) -> Option<String> {
    let count = |s: &str| s.split_whitespace().count();
    if count(words) <= max {
        return Some(words.to_owned());
    }
    let mut best = None;
    for (at, c) in words.char_indices() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        let end = at + c.len_utf8();
        let next_is_start = words[end..].starts_with(' ')
            && words[end..]
                .trim_start()
                .starts_with(|n: char| n.is_uppercase() || n == '«' || n == '"' || n == '“');
        if !next_is_start {
            continue;
        }
        if count(&words[..end]) > max {
            break;
        }
        best = Some(end);
    }
    // The prompt puts its own stop after the quotation.
    best.map(|end| words[..end].trim_end_matches('.').to_owned())
        .filter(|w| count(w) >= 5)
}

/// Times of day that open reported words after the verb, beside
/// [`sentence::DAYS`] ("a annoncé ce matin…", "said tonight it…"): they say
/// when, not what.
const WHEN: &[&str] = &["aujourd'hui", "aujourd’hui", "soir", "matin", "tonight"];

/// Whether `word` (lower case) says when: a day, or a time of day.
fn is_when(word: &str) -> bool {
    sentence::DAYS.contains(&word) || WHEN.contains(&word)
}

/// `words` without what opens them and is not what was said: a day ("on
/// Thursday"), "in a statement", and after "told", the one told.
fn strip_opening<'w>(words: &'w str, marker: &str) -> &'w str {
    let mut rest = words.trim_start();
    loop {
        let mut parts = rest.splitn(2, char::is_whitespace);
        let first = parts.next().unwrap_or_default();
        let after = parts.next().unwrap_or_default().trim_start();
        let bare = first.trim_end_matches(',').to_lowercase();
        let next_bare = after
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .trim_end_matches(',')
            .to_lowercase();
        let day = is_when(&bare) && !after.is_empty();
        let on_day = (bare == "on" || bare == "ce") && is_when(&next_bare);
        if day || on_day {
            rest = after;
        } else if let Some(tail) = ["dans un communiqué", "in a statement", "in an interview"]
            .iter()
            .find_map(|p| {
                rest.get(..p.len())
                    .filter(|head| head.eq_ignore_ascii_case(p))
                    .map(|_| rest[p.len()..].trim_start_matches([',', ' ']))
            })
        {
            rest = tail;
        } else {
            break;
        }
    }
    // "Fuelling speculation that…, Tsvangirai returned…, his spokesman
    // said": a fronted participle clause is the writer's framing.
    let opener = rest.split_whitespace().next().unwrap_or_default();
    if opener.starts_with(char::is_uppercase)
        && opener.len() > 5
        && opener.ends_with("ing")
        && let Some(comma) = rest.find(", ")
        && rest[comma + 2..].split_whitespace().count() >= 5
    {
        rest = &rest[comma + 2..];
    }
    let told = matches!(marker.to_lowercase().as_str(), "told" | "tells" | "tell");
    if told {
        // "told the Yorkshire Post she would…": the words begin at "that"
        // or at the pronoun that opens the reported clause.
        const OPENERS: &[&str] = &["he", "she", "they", "it", "we", "i", "there"];
        let mut at = 0;
        for (n, word) in rest.split_whitespace().take(8).enumerate() {
            let start = word.as_ptr() as usize - rest.as_ptr() as usize;
            let lower = word.to_lowercase();
            if n > 0 && lower == "that" {
                at = start + word.len();
                break;
            }
            if n > 0 && OPENERS.contains(&lower.as_str()) {
                at = start;
                break;
            }
        }
        rest = rest[at..].trim_start();
    }
    rest
}

/// An actor's folded name and its [`coref::lookup_keys`].
type NameKeys = Rc<(String, Vec<String>)>;

/// How many answers a reading keeps of each question it asks again and
/// again: enough for any article, a bound on memory for a book.
const KEPT_ANSWERS: usize = 50_000;

/// A figure as compared across sentences: its number and the word after
/// it, spaces and case aside ("180 000 euros" and "180\u{a0}000 euros" are
/// one; "ten days" and "ten years" are two).
fn same_figure(phrase: &str) -> String {
    phrase
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `range` of `sentence` lies in an apposition between commas that
/// opens on an article or a preposition (", a development of 64 flats…,",
/// ", à 850 mètres d’altitude,"): a description set in the sentence, not
/// what it reports.
fn in_apposition(sentence: &str, range: &Range<usize>) -> bool {
    // Articles and prepositions open a description; relative pronouns a
    // clause about the noun before (", which employs 300 people,").
    const OPENERS: &[&str] = &[
        "a", "an", "un", "une", "à", "at", "of", "de", "which", "who", "whose", "qui", "dont",
    ];
    // A participle opens one too: ", estimé à 0,40 euro par repas," says
    // nothing of who estimated it.
    const PARTICIPLES: &[&str] = &[
        "estimé",
        "estimée",
        "estimés",
        "estimées",
        "évalué",
        "évaluée",
        "évalués",
        "évaluées",
        "chiffré",
        "chiffrée",
        "chiffrés",
        "chiffrées",
        "estimated",
        "valued",
        "put",
    ];
    const ADJUNCTS: &[&str] = &[
        "selon",
        "according",
        "pour",
        "en",
        "in",
        "on",
        "at",
        "à",
        "dans",
        "après",
        "avant",
        "depuis",
        "lors",
        "after",
        "before",
        "since",
        "during",
        "pendant",
        "sur",
        "by",
        "par",
        "with",
        "avec",
        "for",
        "as",
        "comme",
        "if",
        "si",
        "when",
        "quand",
        "while",
    ];
    let Some(open) = sentence[..range.start].rfind(',') else {
        return false;
    };
    let Some(close) = sentence[range.end..].find(',') else {
        return false;
    };
    let segment = &sentence[open + 1..range.end + close];
    // « son montant, 10 millions d’euros pour tout le pays, est jugé… »: an
    // apposition may also be the figure itself, naming the noun before it.
    // Not after an opening adjunct (« Selon la préfecture, 12 personnes,
    // … »), where the figure opens the clause itself.
    let lead = sentence[..open].rsplit(',').next().unwrap_or_default();
    let adjunct = lead
        .split_whitespace()
        .map(str::to_lowercase)
        .find(|w| !matches!(w.as_str(), "mais" | "et" | "but" | "and" | "or" | "ou"))
        .is_none_or(|w| {
            w.starts_with("d’") || w.starts_with("d'") || ADJUNCTS.contains(&w.as_str())
        });
    let the_figure =
        !adjunct && segment.trim_start().len() == sentence[range.start..range.end + close].len();
    the_figure
        || segment.split_whitespace().next().is_some_and(|first| {
            let first = first.to_lowercase();
            OPENERS.contains(&first.as_str()) || PARTICIPLES.contains(&first.as_str())
        })
}

/// Whether `sentence` names `actor`: its folded words in a row, or its surname.
fn mentions(sentence: &str, actor: &str) -> bool {
    // The name written out, found without keying every capitalised word of
    // the sentence (the speaker of most sentences is named in them).
    let name = fold_answer(actor);
    if !name.is_empty() && format!(" {} ", fold_answer(sentence)).contains(&format!(" {name} ")) {
        return true;
    }
    Named::new(sentence).mentions(actor)
}

/// A sentence's names, folded once to be tested against every actor of the
/// article (folding the sentence again for each made long drafts slow).
struct Named<'s> {
    /// The folded sentence, with a space at each end.
    folded: String,
    /// Its capitalised words, under the keys [`coref::same_person`] matches by.
    words: HashMap<String, Vec<&'s str>>,
}

impl<'s> Named<'s> {
    fn new(sentence: &'s str) -> Named<'s> {
        let mut words: HashMap<String, Vec<&'s str>> = HashMap::new();
        for word in sentence
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| w.chars().count() >= 2 && w.starts_with(char::is_uppercase))
        {
            for key in coref::lookup_keys(word) {
                words.entry(key).or_default().push(word);
            }
        }
        Named {
            folded: format!(" {} ", fold_answer(sentence)),
            words,
        }
    }

    /// Whether the sentence names `actor`: its folded words in a row, or its surname.
    fn mentions(&self, actor: &str) -> bool {
        self.mentions_keyed(actor, &(fold_answer(actor), coref::lookup_keys(actor)))
    }

    /// [`Named::mentions`], given the actor's folded name and lookup keys.
    fn mentions_keyed(&self, actor: &str, (name, keys): &(String, Vec<String>)) -> bool {
        if !name.is_empty() && self.folded.contains(&format!(" {name} ")) {
            return true;
        }
        keys.iter()
            .filter_map(|key| self.words.get(key))
            .flatten()
            .any(|w| coref::same_person(w, actor))
    }
}

/// Drafts a bank from an article's text; `source_file` is written as `source.file`.
pub fn draft(text: &str, source_file: &str, lang: Option<Lang>) -> Draft {
    draft_meta(text, source_file, lang, &input::Meta::default(), &[]).0
}

/// Drafts a bank from a read article ([`input::read`]), with what was found.
pub fn draft_input(
    input: &input::Input,
    source_file: &str,
    lang: Option<Lang>,
) -> (Draft, findings::Findings) {
    draft_meta(&input.text, source_file, lang, &input.meta, &input.notes)
}

fn draft_meta(
    text: &str,
    source_file: &str,
    lang: Option<Lang>,
    meta: &input::Meta,
    notes: &[Text],
) -> (Draft, findings::Findings) {
    let article = Article::new(text);
    let lang = lang.unwrap_or_else(|| detect_language(text));
    let mut title = None;
    let mut paragraphs = Vec::new();
    for (n, paragraph) in article.paragraphs().iter().enumerate() {
        if paragraph.is_heading() {
            if n == 0 {
                title = Some(paragraph.text.trim_start_matches('#').trim().to_owned());
            }
            continue;
        }
        paragraphs.push(paragraph.text.clone());
    }
    let title = meta.title.clone().or(title);
    let reading = read(paragraphs);
    let found = findings_of(&reading, lang);
    let mut questions = Questions::new(lang);
    questions.sourcing(&reading);
    questions.figures(&reading);
    questions.wording(&reading);
    questions.opinion(&reading);
    questions.names(&reading);

    let mut yaml = String::new();
    yaml.push_str(SCHEMA_LINE);
    yaml.push('\n');
    yaml.push_str(&lang.pick(
        format!("# Brouillon écrit par `mediaquiz draft` depuis {source_file} : relisez chaque question\n# contre l’article, remplacez chaque TODO, puis supprimez sa ligne `draft: true`.\n# Vérifiez avec `mediaquiz check`.\n"),
        format!("# Draft written by `mediaquiz draft` from {source_file}: read every question against\n# the article, replace every TODO, then delete its `draft: true` line.\n# Then run `mediaquiz check`.\n"),
    ));
    for note in notes {
        yaml.push_str(&format!("# {}\n", note.get(lang)));
    }
    let stem = source_file.rsplit('/').next().unwrap_or(source_file);
    let bank_title = title
        .clone()
        .unwrap_or_else(|| lang.pick(format!("Brouillon : {stem}"), format!("Draft: {stem}")));
    yaml.push_str(&format!(
        "title: {}\nlanguage: {}\nsource:\n  file: {}\n",
        yaml::scalar(&bank_title),
        lang.tag(),
        yaml::scalar(source_file)
    ));
    for (field, value) in [
        ("title", &title),
        ("outlet", &meta.outlet),
        ("author", &meta.author),
        ("date", &meta.date),
        ("url", &meta.url),
    ] {
        if let Some(value) = value {
            yaml.push_str(&format!("  {field}: {}\n", yaml::scalar(value)));
        }
    }
    yaml.push_str("\nquestions:\n");
    let mut todos = 0;
    for entry in &questions.list {
        yaml::write_entry(&mut yaml, entry);
    }
    for entry in &questions.list {
        for (_, value) in &entry.fields {
            todos += match value {
                yaml::Value::Text(t) => usize::from(t == TODO),
                yaml::Value::List(items) => items.iter().filter(|i| *i == TODO).count(),
                yaml::Value::Plain(_) => 0,
            };
        }
    }
    (
        Draft {
            yaml,
            lang,
            questions: questions.list.len(),
            todos,
        },
        found,
    )
}

/// What the finders found, for `--findings`.
fn findings_of(r: &Reading, lang: Lang) -> findings::Findings {
    use findings::{FoundAttribution, FoundFigure, FoundLoaded};
    let attributions = r
        .attributions
        .iter()
        .map(|(i, a)| FoundAttribution {
            speaker: a.speaker.clone(),
            words: a.words(&r.sentences[*i].text),
            marker: a.marker.clone(),
            paragraph: r.sentences[*i].paragraph + 1,
        })
        .collect();
    let mut figures = Vec::new();
    let mut loaded = Vec::new();
    for (i, s) in r.sentences.iter().enumerate() {
        let speaker = r.attribution_at(i).map(|a| a.speaker.clone());
        for f in figures::find(&s.text) {
            figures.push(FoundFigure {
                text: f.phrase,
                paragraph: s.paragraph + 1,
                source: speaker.clone(),
            });
        }
        for range in wording::quoted(&s.text) {
            loaded.push(FoundLoaded {
                words: s.text[range].to_owned(),
                paragraph: s.paragraph + 1,
            });
        }
        let lowered = wording::Lowered::new(&s.text);
        for word in wording::loaded(lang) {
            if let Some(range) = lowered.find_stem(word.stem) {
                loaded.push(FoundLoaded {
                    words: s.text[range].to_owned(),
                    paragraph: s.paragraph + 1,
                });
            }
        }
    }
    findings::Findings {
        language: lang.tag().to_owned(),
        attributions,
        figures,
        loaded,
    }
}

fn read(paragraphs: Vec<String>) -> Reading {
    let mut sentences = Vec::new();
    let mut attributions = Vec::new();
    let mut thread = attribution::Thread::default();
    let mut first_sentence = Vec::new();
    for (p, text) in paragraphs.iter().enumerate() {
        first_sentence.push(sentences.len());
        for range in sentence::split(text) {
            sentences.push(Sentence {
                text: text[range].to_owned(),
                paragraph: p,
            });
        }
        for found in attribution::find_in(text, &mut thread) {
            // Index by sentence: the one whose text is the attribution's sentence.
            let sentence_text = &text[found.sentence.clone()];
            let index = sentences
                .iter()
                .enumerate()
                .skip(first_sentence[p])
                .find(|(_, s)| s.text == sentence_text)
                .map_or(first_sentence[p], |(i, _)| i);
            let shift =
                |r: &Range<usize>| r.start - found.sentence.start..r.end - found.sentence.start;
            let content = shift(&found.content);
            let cut = found.cut.as_ref().map(shift);
            attributions.push((
                index,
                Attribution {
                    content,
                    cut,
                    ..found
                },
            ));
        }
    }
    // Each actor with its folded name; a name met before is skipped by hash,
    // a new one compared with the folded names (once folded, not each time).
    let mut actors: Vec<(String, String)> = Vec::new();
    let mut met: HashSet<String> = HashSet::new();
    let mut kept = ActorIndex::default();
    let mut push = |name: String, actors: &mut Vec<(String, String)>| {
        let folded = fold_answer(&name);
        if folded.is_empty() || !met.insert(folded.clone()) {
            return;
        }
        if !kept.overlaps(&folded, actors) {
            kept.add(&folded, actors.len());
            actors.push((capitalise(&name), folded));
        }
    };
    for (_, a) in &attributions {
        push(a.speaker.clone(), &mut actors);
    }
    for s in &sentences {
        for name in noun_phrases(&s.text) {
            push(name, &mut actors);
        }
    }
    for p in &paragraphs {
        for body in cards::bodies(p) {
            push(body.front, &mut actors);
        }
    }
    let attributed: HashSet<usize> = attributions.iter().map(|(i, _)| *i).collect();
    let people = coref::People::new(attributions.iter().map(|(i, a)| {
        // "The chief executive, Dr. Paul Okafor, apologised… “We should
        // have told people sooner,” he said": the role is given in the
        // sentence before, which reports nothing; it still says whom he
        // speaks for.
        let introduced = i
            .checked_sub(1)
            .filter(|p| sentences[*p].paragraph == sentences[*i].paragraph)
            .filter(|p| !attributed.contains(p))
            .map(|p| format!("{} {}", sentences[p].text, sentences[*i].text));
        let link = match (coref::link(&sentences[*i].text, &a.marker), introduced) {
            (coref::Link::None, Some(text)) => coref::link(&text, &a.marker),
            (link, _) => link,
        };
        (a.speaker.as_str(), link, sentences[*i].paragraph)
    }));
    let mut by_sentence = std::collections::HashMap::new();
    let mut in_sentence: std::collections::HashMap<usize, Vec<usize>> =
        std::collections::HashMap::new();
    let mut sourced = HashSet::new();
    for (k, (i, _)) in attributions.iter().enumerate() {
        by_sentence.entry(*i).or_insert(k);
        in_sentence.entry(*i).or_default().push(k);
        sourced.insert(sentences[*i].paragraph);
    }
    let speakers = attributions
        .iter()
        .map(|(_, a)| fold_answer(&a.speaker))
        .collect();
    let actors: Vec<String> = actors.into_iter().map(|(actor, _)| actor).collect();
    let choosable = actors
        .iter()
        .filter(|a| {
            !coref::is_anaphor(a)
                // "Someone at the meeting", "the authorities": a wrong
                // choice no student can rule out, since it may be anyone.
                // (Tested in the case the article wrote it.)
                && !attribution::is_unnamed(&lower_first(a))
                && !coref::is_broad(a)
                // A clause fragment is no one a student can choose.
                && sure::nameable(a)
        })
        // Each question weighs every one of them (a name of the answer?
        // named in its sentence?): an article has tens, a text of
        // thousands of speakers offers its first ones.
        .take(CHOOSABLE)
        .cloned()
        .collect();
    let lower_words = paragraphs
        .iter()
        .flat_map(|p| p.split(|c: char| !c.is_alphabetic()))
        .filter(|w| w.starts_with(char::is_lowercase))
        .map(str::to_owned)
        .collect();
    Reading {
        sentences,
        titles: RefCell::default(),
        overlaps: RefCell::default(),
        keys: RefCell::default(),
        sure_kept: RefCell::default(),
        paragraphs,
        attributions,
        actors,
        choosable,
        people,
        by_sentence,
        in_sentence,
        speakers,
        sourced,
        lower_words,
    }
}

/// Whether two folded names are the same actor ("les rebelles" and "rebelles touareg").
fn same_actor(a: &str, b: &str) -> bool {
    a == b || a.contains(b) || b.contains(a)
}

/// The folded names of the actors kept so far, indexed so that whether a
/// new name is [`same_actor`] as one of them takes time in the length of
/// the name, not in the number of actors (a text of 10 000 speakers compared
/// every new name with every kept one). Answers exactly as the scan would.
#[derive(Default)]
struct ActorIndex {
    /// Every kept name, for "the new name holds a kept one".
    names: HashSet<String>,
    /// Kept names by each three-byte run they hold, for "a kept name holds
    /// the new one": one holding it holds each of its runs.
    runs: HashMap<[u8; 3], Vec<usize>>,
    /// Kept names too short to hold a run.
    short: Vec<usize>,
}

impl ActorIndex {
    /// Records `folded`, kept as actor `at`.
    fn add(&mut self, folded: &str, at: usize) {
        self.names.insert(folded.to_owned());
        let bytes = folded.as_bytes();
        if bytes.len() < 3 {
            self.short.push(at);
        }
        let mut seen = HashSet::new();
        for run in bytes.windows(3) {
            let run = [run[0], run[1], run[2]];
            if seen.insert(run) {
                self.runs.entry(run).or_default().push(at);
            }
        }
    }

    /// Whether `folded` is [`same_actor`] as a kept name of `actors`.
    fn overlaps(&self, folded: &str, actors: &[(String, String)]) -> bool {
        // A kept name inside the new one (or equal to it).
        let bounds: Vec<usize> = folded
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(folded.len()))
            .collect();
        let inside = bounds.iter().enumerate().any(|(n, &start)| {
            bounds[n + 1..]
                .iter()
                .any(|&end| self.names.contains(&folded[start..end]))
        });
        if inside {
            return true;
        }
        // The new one inside a kept name: look only among the names that
        // hold its rarest run (all of them, when it is too short for one).
        let bytes = folded.as_bytes();
        if bytes.len() < 3 {
            return actors.iter().any(|(_, a)| same_actor(a, folded));
        }
        let rarest = bytes
            .windows(3)
            .map(|run| self.runs.get(&[run[0], run[1], run[2]]).map_or(0, Vec::len))
            .zip(bytes.windows(3))
            .min_by_key(|(count, _)| *count);
        let Some((_, run)) = rarest else {
            return false;
        };
        self.runs
            .get(&[run[0], run[1], run[2]])
            .is_some_and(|list| list.iter().any(|&i| actors[i].1.contains(folded)))
            || self.short.iter().any(|&i| same_actor(&actors[i].1, folded))
    }
}

/// Determiner + speaker noun + an adjective: "l'armée malienne", "the city council".
fn noun_phrases(sentence: &str) -> Vec<String> {
    const DETS: &[&str] = &["le", "la", "les", "l", "un", "une", "the"];
    let tokens: Vec<(usize, &str)> = sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| (w.as_ptr() as usize - sentence.as_ptr() as usize, w))
        .collect();
    let mut found = Vec::new();
    for (i, &(at, det)) in tokens.iter().enumerate() {
        if !DETS.contains(&det.to_lowercase().as_str()) {
            continue;
        }
        for span in 1..=2 {
            let Some(&(noun_at, noun)) = tokens.get(i + span) else {
                break;
            };
            let lower = noun.to_lowercase();
            let singular = lower.strip_suffix('s').unwrap_or(&lower);
            let between_lower = tokens[i + 1..i + span]
                .iter()
                .all(|(_, w)| w.chars().all(char::is_lowercase));
            if !between_lower
                || !(attribution::SPEAKER_NOUNS.contains(&singular)
                    || attribution::SPEAKER_NOUNS.contains(&lower.as_str()))
                || lower == "communiqué"
            {
                continue;
            }
            let mut end = noun_at + noun.len();
            if let Some(&(adj_at, adj)) = tokens.get(i + span + 1)
                && sentence[end..adj_at].trim().is_empty()
                && [
                    "ien", "ienne", "iens", "iennes", "ais", "aise", "aises", "ain", "aine",
                    "ains", "aines", "ale", "ales", "aux", "ique", "iques", "ois", "oise", "oises",
                    "al", "ic", "ian", "ese",
                ]
                .iter()
                // "aux" ends like an adjective but is a preposition: an
                // adjective is longer than its ending.
                .any(|e| adj.ends_with(e) && adj.len() > e.len() + 2)
                && adj.chars().all(char::is_lowercase)
            {
                end = adj_at + adj.len();
            }
            if span == 1 && end == noun_at + noun.len() {
                // A bare "le gouvernement": too vague to tell actors apart.
                break;
            }
            found.push(sentence[at..end].to_owned());
            break;
        }
    }
    found
}

/// [`contract`] on the prompt's own words only: a quotation is the
/// article's, verbatim ("de le faire respecter" stays: "le" is a pronoun).
fn contract_outside_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut start = 0;
    for (at, c) in text.char_indices() {
        match c {
            '«' => {
                if depth == 0 {
                    out.push_str(&contract(&text[start..at]));
                    start = at;
                }
                depth += 1;
            }
            '»' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let end = at + c.len_utf8();
                    out.push_str(&text[start..end]);
                    start = end;
                }
            }
            _ => {}
        }
    }
    if depth == 0 {
        out.push_str(&contract(&text[start..]));
    } else {
        out.push_str(&text[start..]);
    }
    out
}

/// French contractions of a preposition and an article: "à le" → "au".
fn contract(text: &str) -> String {
    let text = text
        .replace(" à le ", " au ")
        .replace(" à les ", " aux ")
        .replace(" de le ", " du ")
        .replace(" de les ", " des ")
        .replace(" de des ", " des ");
    // "de" and "que" elide before a vowel: "les mots d’une source", "d’Éric Caldwell".
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest
        .find(" de ")
        .into_iter()
        .chain(rest.find(" que "))
        .min()
    {
        let word = if rest[at..].starts_with(" de ") {
            "de"
        } else {
            "que"
        };
        let after = &rest[at + word.len() + 2..];
        let vowel = after
            .chars()
            .next()
            .is_some_and(|c| "aeiouyéèêâîôûAEIOUYÉÈÊÂÎÔÛ".contains(c));
        out.push_str(&rest[..at]);
        if vowel {
            out.push_str(&format!(" {}’", &word[..word.len() - 1]));
        } else {
            out.push_str(&format!(" {word} "));
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A speaker as written inside a sentence: "les rebelles", "John Smith".
fn in_text(speaker: &str) -> String {
    if attribution::starts_with_determiner(speaker) {
        lower_first(speaker)
    } else {
        speaker.to_owned()
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let second_upper = s.chars().nth(1).is_some_and(char::is_uppercase);
    if second_upper {
        s.to_owned()
    } else {
        first.to_lowercase().chain(chars).collect()
    }
}

/// Shortens a passage shown in a prompt to about `max` words.
fn shorten(s: &str, max: usize) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= max {
        s.to_owned()
    } else {
        format!("{}…", words[..max].join(" "))
    }
}

/// Straight double quotes paired into `open` and `close`: inside a French
/// prompt's « », "attaques terroristes" reads “attaques terroristes”.
fn straight_quotes(s: &str, open: char, close: char) -> String {
    let mut inside = false;
    s.chars()
        .map(|c| {
            if c == '"' {
                inside = !inside;
                if inside { open } else { close }
            } else {
                c
            }
        })
        .collect()
}

/// The words of a quotation in the prompt's language's marks.
fn quote(lang: Lang, s: &str) -> String {
    // A quotation inside the quoted words takes the second-level marks.
    match lang {
        Lang::Fr => {
            let inner = straight_quotes(s, '“', '”');
            let inner = inner
                .replace("«\u{a0}", "“")
                .replace("\u{a0}»", "”")
                .replace("« ", "“")
                .replace(" »", "”")
                .replace('«', "“")
                .replace('»', "”");
            format!("«\u{a0}{inner}\u{a0}»")
        }
        Lang::En => {
            let inner = straight_quotes(s, '‘', '’')
                .replace('“', "‘")
                .replace('”', "’");
            format!("“{inner}”")
        }
    }
}

/// Whether an unnamed speaker is described so loosely that any other
/// speaker may be them ("someone at the meeting", "another person",
/// "officials"): asked "who says?", a named choice could be right too. A
/// source with a role ("a source close to the contractor", "one senior
/// manager at the company") is described well enough to be told apart.
fn vague(speaker: &str) -> bool {
    const ANYONE: &[&str] = &[
        "someone",
        "somebody",
        "person",
        "people",
        "another",
        "others",
        "official",
        "officials",
        "quelqu",
        "personne",
        "personnes",
        "autre",
        "autres",
        "responsable",
        "responsables",
        "gens",
    ];
    attribution::is_unnamed(speaker)
        && fold_answer(speaker)
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| ANYONE.contains(&w))
}

/// The fewest real wrong choices a "who?" question is asked with.
const MIN_WRONG: usize = 2;

/// How many wrong choices [`Reading::distractors`] gathers at most before
/// ranking them: a question shows three, and no article of the fixtures
/// offers more than 11; a text of thousands of speakers gets its first ones.
const WRONG_WEIGHED: usize = 30;

/// How many actors [`Reading::choosable`] keeps, in the article's order:
/// no article of the fixtures has more than 13.
const CHOOSABLE: usize = 200;

/// How many attributions `sourcing` weighs for "who says?" at most: far
/// more than any article holds (the longest real one has under 40).
const WEIGHED: usize = 80;

/// The most "who says?" questions one speaker gets.
const PER_SPEAKER: usize = 2;

/// The questions proposed so far, with ids kept unique.
struct Questions {
    lang: Lang,
    list: Vec<Entry>,
    ids: HashSet<String>,
    /// How many of each kind were kept ([`cap`]).
    kinds: HashMap<String, usize>,
    /// The kept questions as YAML, for [`verify::warned`].
    written: String,
}

/// The most questions of one kind an article gets: each kind teaches one
/// point, and a draft of 30 figure questions teaches it thirty times.
fn cap(prefix: &str) -> usize {
    match prefix {
        // Attributions are each a different source to weigh, but a long text
        // of them is one lesson many times.
        "source" => 12,
        "chiffre" | "figure" | "avec" | "with" | "commentaire" | "comment" => 1,
        "completer" | "cloze" | "mot-charge" | "loaded" | "opinion" | "nom" | "name" => 2,
        _ => 3,
    }
}

impl Questions {
    fn new(lang: Lang) -> Questions {
        Questions {
            lang,
            list: Vec::new(),
            ids: HashSet::new(),
            kinds: HashMap::new(),
            written: String::new(),
        }
    }

    fn id(&mut self, prefix: &str, key: &str) -> String {
        let slug: Vec<String> = fold_answer(key)
            .split_whitespace()
            .map(|w| {
                w.chars()
                    .filter(char::is_ascii_alphanumeric)
                    .collect::<String>()
            })
            .filter(|w| !w.is_empty())
            .take(4)
            .collect();
        let base = if slug.is_empty() {
            prefix.to_owned()
        } else {
            format!("{prefix}-{}", slug.join("-"))
        };
        let mut id = base.clone();
        let mut n = 2;
        while !self.ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    /// Whether questions of kind `prefix` have reached their [`cap`].
    fn is_full(&self, prefix: &str) -> bool {
        self.kinds.get(prefix).is_some_and(|&n| n >= cap(prefix))
    }

    fn push(&mut self, prefix: &str, key: &str, entry: Entry) {
        if self.is_full(prefix) {
            return;
        }
        let id = self.id(prefix, key);
        let mut entry = entry;
        if self.lang == Lang::Fr {
            // "à le CSP" → "au CSP": a speaker's article meets the sentence's preposition.
            for (field, value) in &mut entry.fields {
                if let ("prompt" | "explanation", yaml::Value::Text(text)) = (*field, value) {
                    *text = contract_outside_quotes(text);
                }
            }
        }
        entry
            .fields
            .insert(0, ("id", yaml::Value::Text(id.clone())));
        // No person has read it yet: outputs leave it out until the line is deleted.
        entry
            .fields
            .push(("draft", yaml::Value::Plain("true".to_owned())));
        // What `check` would warn about (two right answers, an acronym
        // beside its expansion, a key given away) is left out, not printed
        // for the teacher to catch: the same rules, run on the bank so far.
        let mut written = String::new();
        yaml::write_entry(&mut written, &entry);
        let bank = format!(
            "title: draft\nlanguage: {}\nsource:\n  file: draft.txt\nquestions:\n{}{written}",
            self.lang.tag(),
            self.written
        );
        if verify::warned(&bank, self.lang).contains(&id) {
            self.ids.remove(&id);
            return;
        }
        self.written.push_str(&written);
        *self.kinds.entry(prefix.to_owned()).or_default() += 1;
        self.list.push(entry);
    }

    /// Choices: the answer first, then distractors that differ from it, padded with TODO.
    fn choices(
        answer: &str,
        others: impl IntoIterator<Item = String>,
        total: usize,
    ) -> Vec<String> {
        let folded = fold_answer(answer);
        let mut choices = vec![answer.to_owned()];
        let mut spare = Vec::new();
        for other in others {
            let f = fold_answer(&other);
            if !f.is_empty()
                && !same_actor(&f, &folded)
                && !choices.iter().any(|c| fold_answer(c) == f)
            {
                if choices.len() < total {
                    choices.push(other);
                } else {
                    spare.push(other);
                }
            }
        }
        // The right choice the longest by far would be guessed from its
        // length: the last wrong one gives way to the longest left.
        let length = |s: &String| s.chars().count();
        let longest_wrong = choices[1..].iter().map(length).max().unwrap_or(0);
        if choices.len() == total
            && total > 2
            && length(&choices[0]) > longest_wrong
            && let Some(long) = spare.into_iter().max_by_key(length)
            && length(&long) > longest_wrong
        {
            choices[total - 1] = long;
        }
        while choices.len() < total {
            choices.push(TODO.to_owned());
        }
        choices
    }

    /// "Who says…?" for each attribution; corroboration and attributed claims.
    fn sourcing(&mut self, r: &Reading) {
        let lang = self.lang;
        // How many "who says" each person has had: a speaker quoted six
        // times is one lesson, asked twice.
        let mut asked: Vec<(String, usize)> = Vec::new();
        // Each speaker's place in `asked`, found once: a speaker quoted
        // a thousand times is not weighed against every other a thousand times.
        let mut place: HashMap<&str, usize> = HashMap::new();
        let mut weighed = 0;
        for (index, a) in &r.attributions {
            // Nothing left to ask of this attribution: every kind it could
            // give is full (the rest of a long text is not weighed).
            let full = |fr: &str, en: &str| self.is_full(lang.pick(fr, en));
            let named_asked = a.cue == Cue::Confirms || a.unnamed;
            if full("source", "source")
                && full("fait-ou-version", "fact-or-claim")
                && (!named_asked || full("source-nommee", "source-named"))
            {
                continue;
            }
            let sentence = &r.sentences[*index].text;
            let Some(content) = r.shown_words(a, sentence) else {
                continue;
            };
            // Every question below names the speaker in its key or its
            // explanation: only when who speaks is sure.
            if r.mixed(&content, &a.speaker) || !r.sure(*index, a) {
                continue;
            }
            // « considère la substance comme… »: the verb's object, not a
            // clause; asked only when it is a quotation (« a promis « une
            // réponse rapide » »), and never as a statement of its own.
            // "accused ministers of having…": whom and of what, in English too.
            let object = (lang == Lang::Fr || a.cue == Cue::Accuses) && object_of_cue(sentence, a);
            // "accused ministers of having “looked away”": whom and of what,
            // asked as the sentence says it, with no quotation marks around
            // what are the writer's words ("who accused ministers of…?").
            let accusing = (object && !quoted_whole(sentence, a) && a.cue == Cue::Accuses)
                .then(|| accusing_verb(&a.marker, lang))
                .flatten();
            if object && !quoted_whole(sentence, a) && accusing.is_none() {
                continue;
            }
            // « dit craindre que des examinateurs… fassent baisser… »: a fear
            // or a hope told, not a claim; asked "who says?" it would turn
            // one into the other, and the words alone are a subjunctive.
            if lang == Lang::Fr && attitude_before(sentence, a) {
                continue;
            }
            let content = content.as_str();
            let speaker = capitalise(&a.speaker);
            let broad = coref::is_broad(&a.speaker);
            // An unnamed or collective speaker ("someone at the meeting",
            // "the authorities") may be any of the others: "who says?" would
            // have two right answers, so the question is whether the source
            // is named, or whether the article vouches for the claim.
            // Looked for only when they may be used (once "who says?" and
            // "fact or version?" are both full, they decide nothing): every
            // actor weighed for every sentence of a long text is a long wait.
            // An article has tens of attributions; past `WEIGHED` speakers
            // weighed, a text is a book, and each more would be weighed
            // against all the others (quadratic): its "who says?" stop there.
            let open = weighed < WEIGHED
                && (!self.is_full(lang.pick("source", "source"))
                    || !self.is_full(lang.pick("fait-ou-version", "fact-or-claim")));
            let times = open.then(|| {
                *place.entry(a.speaker.as_str()).or_insert_with(|| {
                    asked
                        .iter()
                        .position(|(name, _)| r.people.same(name, &a.speaker))
                        .unwrap_or_else(|| {
                            asked.push((a.speaker.clone(), 0));
                            asked.len() - 1
                        })
                })
            });
            // "The decision", "the company": a description that points back
            // is no answer a student can pick out from the other names.
            let may_ask = !vague(&a.speaker)
                && !broad
                && !coref::is_anaphor(&a.speaker)
                && times.is_some_and(|t| asked[t].1 < PER_SPEAKER);
            let others = if may_ask {
                weighed += 1;
                r.distractors(&speaker, sentence)
            } else {
                Vec::new()
            };
            // Two wrong choices at least: with fewer (one speaker, or one
            // body under several names), "who says?" is a guess between the
            // answer and TODOs; the question becomes whether the article
            // vouches for the claim.
            let ask_who = may_ask && others.len() >= MIN_WRONG;
            if let Some(t) = times.filter(|_| ask_who) {
                asked[t].1 += 1;
            }
            let named = in_text(&a.speaker);
            let verb = match a.cue {
                Cue::According | Cue::Says => lang.pick("affirme", "says"),
                Cue::Confirms => lang.pick("confirme", "confirms"),
                Cue::Accuses => lang.pick("accuse ou dénonce", "accuses or denounces"),
                Cue::Denies => lang.pick("dément", "denies"),
                Cue::Warns => lang.pick("avertit", "warns"),
            };
            let shown = quote(lang, content);
            let prompt = match accusing {
                Some(accuses) => lang.pick(
                    format!("D’après l’article, qui {accuses} {content} ?"),
                    format!("According to the article, who {accuses} {content}?"),
                ),
                None => lang.pick(
                    format!("D’après l’article, qui {verb} : {shown} ?"),
                    format!("According to the article, who {verb}: {shown}?"),
                ),
            };
            let mut explanation = lang.pick(
                format!("L’article attribue ces mots à {named} : c’est la version de cette source, pas un fait que le journaliste établit lui-même."),
                format!("The article attributes these words to {named}: this is that source’s account, not a fact the reporter establishes."),
            );
            if a.unnamed {
                explanation.push_str(lang.pick(
                    " La source n’est pas nommée : le lecteur ne peut pas vérifier qui parle.",
                    " The source is not named: the reader cannot check who is speaking.",
                ));
            }
            let skill = if a.cue == Cue::Confirms {
                "corroboration"
            } else {
                "sourcing"
            };
            let mut tags = vec!["attribution".to_owned()];
            if a.unnamed {
                tags.push(lang.pick("source-anonyme", "unnamed-source").to_owned());
            }
            let entry = Entry::default()
                .text("type", "single")
                .text("skill", skill)
                .plain("difficulty", 2)
                .text("prompt", prompt)
                .list("choices", Self::choices(&speaker, others, 4))
                .text("answer", speaker.clone())
                .text("explanation", explanation)
                .list("evidence", vec![sentence.clone()])
                .list("tags", tags.clone());
            if ask_who {
                self.push(lang.pick("source", "source"), &a.speaker, entry);
            }

            if a.cue == Cue::Confirms || a.unnamed {
                let statement = lang.pick(
                    format!("L’article nomme précisément la source qui {verb} : {shown}."),
                    format!("The article names the source who {verb}: {shown}."),
                );
                let explanation = if a.unnamed {
                    lang.pick(
                        format!("« {} » : la source n’a ni nom ni fonction précise. Une confirmation anonyme vaut moins qu’une confirmation vérifiable.", a.speaker),
                        format!("“{}”: the source has no name and no precise role. An anonymous confirmation is worth less than one a reader can check.", a.speaker),
                    )
                } else {
                    lang.pick(
                        format!("L’article nomme la source : {named}."),
                        format!("The article names the source: {named}."),
                    )
                };
                let entry = Entry::default()
                    .text("type", "truefalse")
                    .text("skill", "corroboration")
                    .plain("difficulty", 2)
                    .text("prompt", statement)
                    .plain("answer", !a.unnamed)
                    .text("explanation", explanation)
                    .list("evidence", vec![sentence.clone()])
                    .list("tags", tags.clone());
                self.push(
                    lang.pick("source-nommee", "source-named"),
                    &a.speaker,
                    entry,
                );
            }
            // An accusation's words say whom and of what ("accused ministers
            // of…"), not a claim that reads as a sentence of its own.
            // Nor a verb that vouches for the words, nor words that open on
            // an infinitive (no clause for "présente comme un fait que…").
            let infinitive = lang == Lang::Fr && opens_on_infinitive(sentence, a);
            if a.cue != Cue::Accuses
                && !object
                && !factive(&a.marker)
                && !infinitive
                && (a.cue == Cue::According || (!ask_who && !a.unnamed))
            {
                let statement = lang.pick(
                    format!(
                        "L’article présente comme un fait établi par le journaliste que {shown}."
                    ),
                    format!(
                        "The article presents as a fact the reporter established that {shown}."
                    ),
                );
                let entry = Entry::default()
                    .text("type", "truefalse")
                    .text("skill", "fact-opinion")
                    .plain("difficulty", 2)
                    .text("prompt", statement)
                    .plain("answer", false)
                    .text("explanation", if a.cue == Cue::According {
                        let cue = according_cue(sentence, &a.marker);
                        lang.pick(
                            format!("L’article l’attribue à {named} (« {cue}… ») : c’est une affirmation rapportée, pas un fait vérifié."),
                            format!("The article attributes it to {named} (“{cue}…”): a reported claim, not a checked fact."),
                        )
                    } else {
                        lang.pick(
                            format!("L’article l’attribue à {named} (« {} ») : c’est une affirmation rapportée, pas un fait vérifié.", a.marker),
                            format!("The article attributes it to {named} (“{}”): a reported claim, not a checked fact.", a.marker),
                        )
                    })
                    .list("evidence", vec![sentence.clone()])
                    .list("tags", tags.clone());
                self.push(
                    lang.pick("fait-ou-version", "fact-or-claim"),
                    &a.speaker,
                    entry,
                );
            }
        }
    }

    /// Numbers and dates: single choice for counts, cloze for dates, years and
    /// counts in words; "who gives this figure?" for every count.
    fn figures(&mut self, r: &Reading) {
        let lang = self.lang;
        let mut all: Vec<(usize, Figure)> = Vec::new();
        let mut seen = HashSet::new();
        // How many sentences give each number: a figure the standfirst gives
        // bare and a later paragraph sources has two answers to "whose?".
        let mut given: HashMap<String, HashSet<usize>> = HashMap::new();
        for (i, s) in r.sentences.iter().enumerate() {
            for f in figures::find(&s.text) {
                given.entry(same_figure(&f.phrase)).or_default().insert(i);
                // "5h45", "1990s": a time or a decade, not a count to ask about.
                let lettered = f.number.chars().any(char::is_alphabetic) && f.digits.is_none();
                if !lettered && seen.insert(f.phrase.clone()) {
                    all.push((i, f));
                }
            }
        }
        let mut asked_whose = HashSet::new();
        // A figure someone gives is the one worth asking about: whose it is.
        all.sort_by_key(|(i, _)| r.attribution_at(*i).is_none());
        for (i, f) in &all {
            // Every kind of figure question has its few: the rest of a long
            // text of figures is not read again.
            let full = |q: &Questions, fr: &str, en: &str| q.is_full(lang.pick(fr, en));
            if full(self, "chiffre", "figure")
                && full(self, "completer", "cloze")
                && full(self, "qui-compte", "who-counts")
            {
                break;
            }
            let sentence = &r.sentences[*i].text;
            let blank = |gap: &str| {
                format!(
                    "{}{gap}{}",
                    &sentence[..f.range.start],
                    &sentence[f.range.end..]
                )
            };
            let numeric = f.digits.is_none() && f.kind == FigureKind::Count;
            // A kind already full keeps nothing more: its choices among every
            // other figure of a long text are not weighed for nothing.
            if numeric && !full(self, "chiffre", "figure") {
                let others = all
                    .iter()
                    .filter(|(_, g)| {
                        g.kind == FigureKind::Count && g.digits.is_none() && g.number != f.number
                    })
                    .map(|(_, g)| g.number.clone());
                let shown = quote(lang, &blank("___"));
                let entry = Entry::default()
                    .text("type", "single")
                    .text("skill", "numbers")
                    .plain("difficulty", 1)
                    .text(
                        "prompt",
                        lang.pick(
                            format!("D’après l’article, quel nombre manque : {shown} ?"),
                            format!("According to the article, which number is missing: {shown}?"),
                        ),
                    )
                    .list("choices", Self::choices(&f.number, others, 4))
                    .text("answer", f.number.clone())
                    .text(
                        "explanation",
                        lang.pick(
                            format!("L’article écrit « {} ».", f.phrase),
                            format!("The article says “{}”.", f.phrase),
                        ),
                    )
                    .list("evidence", vec![sentence.clone()])
                    .list("tags", vec![lang.pick("chiffres", "figures").to_owned()]);
                self.push(lang.pick("chiffre", "figure"), &f.phrase, entry);
            } else if !numeric && !full(self, "completer", "cloze") {
                let gap = match &f.digits {
                    Some(d) => format!("{{{{{}|{d}}}}}", f.number),
                    None => format!("{{{{{}}}}}", f.number),
                };
                let skill = if f.kind == FigureKind::Count {
                    "numbers"
                } else {
                    "recall"
                };
                let tag = match f.kind {
                    FigureKind::Count => lang.pick("chiffres", "figures"),
                    _ => lang.pick("dates", "dates"),
                };
                let entry = Entry::default()
                    .text("type", "cloze")
                    .text("skill", skill)
                    .plain("difficulty", 1)
                    .text(
                        "prompt",
                        lang.pick(
                            "Complétez d’après l’article.",
                            "Fill in the blank from the article.",
                        ),
                    )
                    .text("text", blank(&gap))
                    .text(
                        "explanation",
                        lang.pick(
                            format!("L’article écrit « {} ».", f.phrase),
                            format!("The article says “{}”.", f.phrase),
                        ),
                    )
                    .list("evidence", vec![sentence.clone()])
                    .list("tags", vec![tag.to_owned()]);
                self.push(lang.pick("completer", "cloze"), &f.phrase, entry);
            }
            // One "whose figure?" a sentence: three figures of one sentence
            // have one source, and asking it thrice teaches nothing new.
            let once = given
                .get(&same_figure(&f.phrase))
                .is_none_or(|at| at.len() == 1);
            // At most `WEIGHED` sentences weighed (no article of the fixtures
            // has ten): past that a text is a book, each sentence's speaker
            // and wrong choices worked out for nothing.
            if f.kind == FigureKind::Count
                && once
                && asked_whose.len() < WEIGHED
                && asked_whose.insert(*i)
            {
                self.who_gives(r, *i, f);
            }
        }
    }

    /// "Who gives this figure?": the speaker attributed nearby, or nobody.
    fn who_gives(&mut self, r: &Reading, index: usize, f: &Figure) {
        /// Units of time: « depuis deux ans », "for ten days" say how long,
        /// a span nobody counts; "who gives it?" has no answer to teach.
        const SPANS: &[&str] = &[
            "an",
            "ans",
            "année",
            "années",
            "mois",
            "semaine",
            "semaines",
            "jour",
            "jours",
            "heure",
            "heures",
            "minute",
            "minutes",
            "siècle",
            "siècles",
            "decade",
            "decades",
            "year",
            "years",
            "month",
            "months",
            "week",
            "weeks",
            "day",
            "days",
            "hour",
            "hours",
            "minutes",
            "century",
            "centuries",
            "décennie",
            "décennies",
        ];
        let lang = self.lang;
        if self.is_full(lang.pick("qui-compte", "who-counts")) {
            return;
        }
        // ("a two-week trial": the unit after the hyphen.)
        let unit = f
            .phrase
            .rsplit(|c: char| c.is_whitespace() || c == '-')
            .next()
            .unwrap_or_default();
        if SPANS.contains(&unit.to_lowercase().as_str()) {
            return;
        }
        let sentence = &r.sentences[index].text;
        let paragraph = r.sentences[index].paragraph;
        // "Mill Yard, a development of 64 flats…, according to a report",
        // « Le pied des pistes, à 850 mètres d’altitude, a perdu… »: a figure
        // in an apposition describes; the claim is the rest of the sentence.
        // Inside quotation marks, an apposition is the speaker's own (« On
        // paie encore le crédit, 190 euros par mois, pour un toit… »).
        let quoted = wording::quoted(sentence)
            .iter()
            .any(|q| q.start <= f.range.start && f.range.end <= q.end);
        // (With no source in the sentence, the description is as surely the
        // writer's as the rest: "no source" stays the one answer.)
        if in_apposition(sentence, &f.range) && !quoted && r.attribution_at(index).is_some() {
            return;
        }
        // Whose a figure is, only when the article says it plainly: inside
        // the words it attributes (the speaker's), or in a sentence that
        // attributes nothing after one that attributes nothing (nobody's). A
        // figure beside an attribution but outside its words ("Jean-Marc
        // Rouault, fromager depuis vingt ans, estime…", "…, the trust
        // confirmed, nearly three weeks after…") is the writer's, and a
        // student may fairly give it to the speaker: not asked.
        let here = r.attribution_at(index);
        let before = index
            .checked_sub(1)
            .filter(|i| r.sentences[*i].paragraph == paragraph)
            .and_then(|i| r.attribution_at(i));
        // When the words quote someone, only the quoted part is surely
        // theirs ("Children growing up during the eight years of his
        // presidency “will have…”, he said": the eight years are the
        // writer's paraphrase).
        let marks = wording::quoted(sentence);
        let quoted_ok = |a: &Attribution| {
            let quoting: Vec<_> = marks
                .iter()
                .filter(|q| q.start < a.content.end && a.content.start < q.end)
                .collect();
            quoting.is_empty()
                || quoting
                    .iter()
                    .any(|q| q.start <= f.range.start && f.range.end <= q.end)
        };
        let inside = |a: &Attribution| {
            let own = owned_range(sentence, a);
            quoted_ok(a)
                && own.is_some_and(|own| own.start <= f.range.start && f.range.end <= own.end)
                && a.cut
                    .as_ref()
                    .is_none_or(|cut| f.range.end <= cut.start || cut.end <= f.range.start)
        };
        let nearby = match (here, before) {
            (Some(a), _)
                if inside(a) && !r.mixed(&a.words(sentence), &a.speaker) && r.sure(index, a) =>
            {
                Some(a)
            }
            (None, None) => None,
            _ => return,
        };
        // "Nobody gives it" only where the sentence names no one who may
        // have: « Le procureur a requis trois ans », "It reported a loss of
        // £41 million" give their figure with no cue the finder reads.
        if nearby.is_none() && someone_named(r, sentence) {
            return;
        }
        // « Le dirigeant » (« Selon lui ») names no one: the man it points
        // back to may be among the choices under his name.
        if nearby.is_some_and(|a| {
            a.unnamed || coref::is_broad(&a.speaker) || coref::is_anaphor(&a.speaker)
        }) {
            return;
        }
        let nobody = lang.pick(
            // Short, so its length does not give it away beside names.
            "Aucune source n’est citée",
            "No source is given",
        );
        let (answer, explanation) = match nearby {
            Some(a) => (
                capitalise(&a.speaker),
                lang.pick(
                    format!("Le chiffre vient de {} : c’est sa version, que l’article ne vérifie pas lui-même.", in_text(&a.speaker)),
                    format!("The figure comes from {}: their account, which the article does not check itself.", in_text(&a.speaker)),
                ),
            ),
            None => (
                nobody.to_owned(),
                lang.pick(
                    "Aucune attribution (« selon », « a déclaré »…) n’accompagne ce chiffre : le lecteur ne sait pas qui l’a compté, ni comment.".to_owned(),
                    "No attribution (“according to”, “said”…) comes with this figure: the reader cannot tell who counted it, or how.".to_owned(),
                ),
            ),
        };
        let mut others: Vec<String> = r.distractors(&answer, sentence);
        if nearby.is_some() {
            others.insert(0, nobody.to_owned());
        }
        if others.len() < MIN_WRONG {
            return;
        }
        let phrase = quote(lang, &f.phrase);
        let entry = Entry::default()
            .text("type", "single")
            .text("skill", "sourcing")
            .plain("difficulty", 2)
            .text(
                "prompt",
                lang.pick(
                    format!("D’après l’article, qui donne le chiffre {phrase} ?"),
                    format!("According to the article, who gives the figure {phrase}?"),
                ),
            )
            .list("choices", Self::choices(&answer, others, 4))
            .text("answer", answer)
            .text("explanation", explanation)
            .list("evidence", vec![sentence.clone()])
            .list("tags", vec![lang.pick("chiffres", "figures").to_owned()]);
        self.push(lang.pick("qui-compte", "who-counts"), &f.phrase, entry);
    }

    /// Words in quotation marks, and loaded or euphemistic words.
    fn wording(&mut self, r: &Reading) {
        let lang = self.lang;
        for (i, s) in r.sentences.iter().enumerate() {
            let attribution = r.attribution_at(i);
            if self.is_full(lang.pick("mots", "words")) {
                break;
            }
            for range in wording::quoted(&s.text) {
                let words = &s.text[range.clone()];
                let count = words.split_whitespace().count();
                let capital = words.chars().next().is_some_and(char::is_uppercase);
                // A capitalised quote is a name ("Alliance des États du Sahel"): cards handle it.
                if count > 6 || capital {
                    continue;
                }
                let shown = quote(lang, words);
                let entry = match attribution.filter(|a| {
                    r.sure(i, a)
                        && owned_range(&s.text, a)
                            .is_some_and(|own| own.start <= range.start && range.end <= own.end)
                        && near_cue(&s.text, a, &range)
                        && !coref::is_broad(&a.speaker)
                        && !vague(&a.speaker)
                        && !coref::is_anaphor(&a.speaker)
                        && r.distractors(&capitalise(&a.speaker), &s.text).len() >= MIN_WRONG
                }) {
                    Some(a) => {
                        let speaker = capitalise(&a.speaker);
                        Entry::default()
                            .text("type", "single")
                            .text("skill", "wording")
                            .plain("difficulty", 2)
                            .text("prompt", lang.pick(
                                format!("Dans l’article, qui emploie les mots {shown} ?"),
                                format!("In the article, whose words are {shown}?"),
                            ))
                            .list("choices", Self::choices(&speaker, r.distractors(&speaker, &s.text), 4))
                            .text("answer", speaker)
                            .text("explanation", lang.pick(
                                format!("Les guillemets signalent que {shown} sont les mots de {}, pas ceux du journaliste.", in_text(&a.speaker)),
                                format!("The quotation marks show that {shown} are the words of {}, not the reporter’s.", in_text(&a.speaker)),
                            ))
                    }
                    None => Entry::default()
                        .text("type", "truefalse")
                        .text("skill", "wording")
                        .plain("difficulty", 2)
                        .text("prompt", lang.pick(
                            format!("Dans l’article, les guillemets autour de {shown} montrent que ces mots ne sont pas ceux du journaliste."),
                            format!("In the article, the quotation marks around {shown} show that these are not the reporter’s own words."),
                        ))
                        .plain("answer", true)
                        .text("explanation", lang.pick(
                            "Les guillemets mettent le mot à distance : le journaliste le cite sans le reprendre à son compte.",
                            "Quotation marks keep a word at a distance: the reporter quotes it without endorsing it.",
                        )),
                };
                let entry = entry.list("evidence", vec![s.text.clone()]).list(
                    "tags",
                    vec![lang.pick("guillemets", "quotation-marks").to_owned()],
                );
                self.push(lang.pick("mots", "words"), words, entry);
            }
        }
        let mut seen = HashSet::new();
        // A word the article also quotes from a source (« détecter une
        // menace terroriste », the bill's own words) is the subject's own
        // vocabulary there: the writer's use of it judges no one for sure.
        let quoted_stems: HashSet<&str> = r
            .sentences
            .iter()
            .flat_map(|s| wording::quoted(&s.text).into_iter().map(|q| &s.text[q]))
            .flat_map(|q| {
                wording::loaded(lang)
                    .iter()
                    .filter(move |l| wording::find_stem(q, l.stem).is_some())
                    .map(|l| l.stem)
            })
            .collect();
        for (i, s) in r.sentences.iter().enumerate() {
            let lowered = wording::Lowered::new(&s.text);
            for loaded in wording::loaded(lang) {
                let Some(range) = lowered.find_stem(loaded.stem) else {
                    continue;
                };
                if quoted_stems.contains(loaded.stem) {
                    continue;
                }
                // The article's own word choice is the question: a word in a
                // sentence that reports someone ("the number killed by
                // terrorism", said Mr Obama) or between quotation marks (a
                // law's own title) is theirs, and "which word judges?" has
                // no sure answer there.
                let quoted = wording::quoted(&s.text)
                    .iter()
                    .any(|q| q.start <= range.start && range.end <= q.end);
                // The reporting verb itself ("slammed", "a fustigé") is the
                // writer's choice, and stays a question.
                let reported = r.attribution_at(i).is_some_and(|a| {
                    a.content.start <= range.start
                        && range.end <= a.content.end
                        && a.cut
                            .as_ref()
                            .is_none_or(|cut| range.end <= cut.start || cut.end <= range.start)
                });
                if quoted || reported {
                    continue;
                }
                if !seen.insert(loaded.stem) {
                    continue;
                }
                let word = s.text[range.clone()].to_owned();
                let others = s
                    .text
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| {
                        w.chars().count() >= 6 && w.chars().next().is_some_and(char::is_lowercase)
                    })
                    .filter(|w| *w != word && wording::evaluative(w, lang).is_empty())
                    .map(str::to_owned);
                // The sentence is named by its opening words, which must not give the answer away.
                let opening: Vec<&str> = s.text[..range.start].split_whitespace().take(6).collect();
                // Else by its closing words, after the one asked about.
                let closing: Vec<&str> = s.text[range.end..].split_whitespace().collect();
                let closing = &closing[closing.len().saturating_sub(6)..];
                // Two opening words do, when no other sentence opens so.
                let unique_opening = opening.len() == 2
                    && r.sentences
                        .iter()
                        .filter(|t| t.text.starts_with(&s.text[..range.start]))
                        .count()
                        == 1;
                let closing = if closing.join(" ").contains(['«', '»', '“', '”', '"']) {
                    &[][..]
                } else {
                    closing
                };
                let prompt = if opening.len() >= 3 || unique_opening {
                    let shown = quote(lang, &format!("{}…", opening.join(" ")));
                    lang.pick(
                        format!("Dans la phrase de l’article qui commence par {shown}, quel mot porte un jugement ou adoucit la réalité ?"),
                        format!("In the article’s sentence beginning {shown}, which word carries a judgement or softens reality?"),
                    )
                } else if closing.len() >= 3 {
                    let shown = quote(lang, &format!("…{}", closing.join(" ")));
                    lang.pick(
                        format!("Dans la phrase de l’article qui se termine par {shown}, quel mot porte un jugement ou adoucit la réalité ?"),
                        format!("In the article’s sentence ending {shown}, which word carries a judgement or softens reality?"),
                    )
                } else {
                    let shown = quote(lang, &s.text);
                    lang.pick(
                        format!("Dans ce passage, quel mot porte un jugement ou adoucit la réalité : {shown} ?"),
                        format!("In this passage, which word carries a judgement or softens reality: {shown}?"),
                    )
                };
                let entry = Entry::default()
                    .text("type", "single")
                    .text("skill", "wording")
                    .plain("difficulty", 2)
                    .text("prompt", prompt)
                    .list("choices", Self::choices(&word, others, 4))
                    .text("answer", word.clone())
                    .text("explanation", loaded.why)
                    .list("evidence", vec![s.text.clone()])
                    .list(
                        "tags",
                        vec![lang.pick("mots-charges", "loaded-words").to_owned()],
                    );
                self.push(lang.pick("mot-charge", "loaded"), &word, entry);
            }
        }
    }

    /// Sentences with evaluative words; paragraphs that judge with no source.
    fn opinion(&mut self, r: &Reading) {
        let lang = self.lang;
        for (i, s) in r.sentences.iter().enumerate() {
            let words = wording::evaluative(&s.text, lang);
            // A modal alone ("le chantier doit remettre aux normes", "works must
            // end in 2028") may say a plan, not a judgement: it takes a second,
            // evaluative word to tell the writer's view.
            let modal = |w: &String| {
                matches!(
                    w.to_lowercase().as_str(),
                    "doit" | "devrait" | "il faut" | "should" | "must"
                )
            };
            let words = if words.iter().all(modal) {
                Vec::new()
            } else {
                words
            };
            // Words in quotation marks are someone else's: the writer's own
            // judgement is only in a sentence that quotes no one.
            // A sentence that reports what someone said or decided ("…,
            // councillors ruled on Tuesday") is news, whatever adjective
            // describes its subject ("one of Bristol's best-known venues").
            // Past forms mostly: "rules" and « tranche » are nouns as often.
            const DECIDING: &[&str] = &[
                "ruled",
                "ruling",
                "decided",
                "decides",
                "voted",
                "votes",
                "approved",
                "rejected",
                "adopted",
                "décidé",
                "décide",
                "décident",
                "tranché",
                "voté",
                "votent",
                "adopté",
                "refusé",
                "autorisé",
            ];
            let reports = s
                .text
                .split(|c: char| !c.is_alphabetic())
                .map(str::to_lowercase)
                .any(|w| is_saying(&w) || DECIDING.contains(&w.as_str()));
            // "Not everyone welcomed the decision. Sir Robert… said…": a
            // sentence that announces the reactions reported next is news
            // about them, not the writer's own view.
            let announces = r
                .sentences
                .get(i + 1)
                .is_some_and(|next| next.paragraph == s.paragraph)
                && r.attribution_at(i + 1).is_some();
            if words.is_empty()
                || reports
                || announces
                || r.attribution_at(i).is_some()
                || s.text.contains(['«', '»', '“', '”', '"'])
            {
                continue;
            }
            let listed = words
                .iter()
                .map(|w| quote(lang, w))
                .collect::<Vec<_>>()
                .join(", ");
            let shown = quote(lang, &s.text);
            let entry = Entry::default()
                .text("type", "truefalse")
                .text("skill", "fact-opinion")
                .plain("difficulty", 2)
                .text("prompt", lang.pick(
                    format!("Cette phrase exprime un jugement plutôt qu’un fait vérifiable : {shown}"),
                    format!("This sentence expresses a judgement rather than a checkable fact: {shown}"),
                ))
                .plain("answer", true)
                .text("explanation", lang.pick(
                    format!("Les mots {listed} portent une appréciation, et aucune source n’est citée : c’est l’avis de l’auteur."),
                    format!("The words {listed} carry a judgement, and no source is given: this is the writer’s view."),
                ))
                .list("evidence", vec![s.text.clone()])
                .list("tags", vec![lang.pick("opinion", "opinion").to_owned()]);
            self.push("opinion", &words.join(" "), entry);
        }
        for (p, text) in r.paragraphs.iter().enumerate() {
            let sourced = r.sourced.contains(&p);
            let judged = wording::evaluative(text, lang);
            if sourced || judged.len() < 2 || text.contains(['«', '»', '“', '”', '"']) {
                continue;
            }
            let Some(first) = r.sentences.iter().find(|s| s.paragraph == p) else {
                continue;
            };
            let author = lang.pick("L’auteur de l’article", "The writer of the article");
            let opening = quote(lang, &shorten(&first.text, 6));
            let entry = Entry::default()
                .text("type", "single")
                .text("skill", "fact-opinion")
                .plain("difficulty", 3)
                .text("prompt", lang.pick(
                    format!("Dans le paragraphe qui commence par {opening}, qui porte ces jugements ?"),
                    format!("In the paragraph beginning {opening}, whose judgements are these?"),
                ))
                .list("choices", Self::choices(author, r.distractors(author, &first.text), 4))
                .text("answer", author)
                .text("explanation", lang.pick(
                    format!("Ce paragraphe ne cite personne et emploie des mots d’appréciation ({}) : c’est un commentaire de l’auteur, pas une information.", judged.join(", ")),
                    format!("This paragraph quotes no one and uses evaluative words ({}): it is the writer’s comment, not information.", judged.join(", ")),
                ))
                .list("evidence", vec![first.text.clone()])
                .list("tags", vec![lang.pick("opinion", "opinion").to_owned()]);
            self.push(lang.pick("commentaire", "comment"), &first.text, entry);
        }
    }

    /// Cards for acronyms and named bodies; the names that go with a body.
    fn names(&mut self, r: &Reading) {
        let lang = self.lang;
        let mut done: Vec<String> = Vec::new();
        for text in &r.paragraphs {
            for name in cards::acronyms(text) {
                if done.contains(&name.front) {
                    continue;
                }
                done.push(name.front.clone());
                done.push(name.expansion.clone());
                let entry = Entry::default()
                    .text("type", "card")
                    .text("skill", "context")
                    .plain("difficulty", 1)
                    .text("front", name.front.clone())
                    .text("back", name.expansion.clone())
                    .text(
                        "explanation",
                        lang.pick(
                            format!(
                                "L’article donne le nom complet une fois : « {} ».",
                                name.passage
                            ),
                            format!("The article spells it out once: “{}”.", name.passage),
                        ),
                    )
                    .list("evidence", vec![name.passage.clone()])
                    .list("tags", vec![lang.pick("sigles", "acronyms").to_owned()]);
                self.push(lang.pick("sigle", "acronym"), &name.front, entry);
            }
        }
        for (i, s) in r.sentences.iter().enumerate() {
            for body in cards::bodies(&s.text) {
                if done.iter().any(|d| d.contains(&body.front)) {
                    continue;
                }
                done.push(body.front.clone());
                let entry = Entry::default()
                    .text("type", "card")
                    .text("skill", "context")
                    .plain("difficulty", 1)
                    .text("front", body.front.clone())
                    .text("back", s.text.clone())
                    .text("explanation", TODO)
                    .list("evidence", vec![s.text.clone()])
                    .list("tags", vec![lang.pick("noms", "names").to_owned()]);
                self.push(lang.pick("nom", "name"), &body.front, entry);
                self.partners(s, i, &body.front);
            }
        }
    }

    /// A cloze on the other proper names in a body's sentence ("avec le {{Niger}}").
    fn partners(&mut self, s: &Sentence, _index: usize, body: &str) {
        let lang = self.lang;
        let Some(body_at) = s.text.find(body) else {
            return;
        };
        let body_range = body_at..body_at + body.len();
        let names = proper_names(&s.text)
            .into_iter()
            .filter(|r| r.start >= body_range.end || r.end <= body_range.start)
            .collect::<Vec<_>>();
        if names.is_empty() {
            return;
        }
        let mut text = String::new();
        let mut last = 0;
        for r in &names {
            text.push_str(&s.text[last..r.start]);
            text.push_str(&format!("{{{{{}}}}}", &s.text[r.clone()]));
            last = r.end;
        }
        text.push_str(&s.text[last..]);
        let listed = names
            .iter()
            .map(|r| &s.text[r.clone()])
            .collect::<Vec<_>>()
            .join(", ");
        let entry = Entry::default()
            .text("type", "cloze")
            .text("skill", "recall")
            .plain("difficulty", 2)
            .text(
                "prompt",
                lang.pick(
                    "Complétez d’après l’article.",
                    "Fill in the blanks from the article.",
                ),
            )
            .text("text", text)
            .text(
                "explanation",
                lang.pick(
                    format!("L’article cite avec {body} : {listed}."),
                    format!("The article names alongside {body}: {listed}."),
                ),
            )
            .list("evidence", vec![s.text.clone()])
            .list("tags", vec![lang.pick("noms", "names").to_owned()]);
        self.push(lang.pick("avec", "with"), body, entry);
    }
}

/// Capitalised word runs that are not the sentence's first word, nor an
/// acronym in parentheses: "Niger", "Burkina Faso".
fn proper_names(sentence: &str) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut first = true;
    for word in sentence.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
        if word.is_empty() {
            continue;
        }
        let at = word.as_ptr() as usize - sentence.as_ptr() as usize;
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let acronym = word.chars().all(char::is_uppercase) && word.chars().count() > 1;
        // "Thursday", « Mars »: a date's word, not a name.
        let lower = word.to_lowercase();
        let dated =
            sentence::DAYS.contains(&lower.as_str()) || sentence::MONTHS.contains(&lower.as_str());
        if capital && !first && !acronym && !dated {
            // "the University of Stirling", « la Banque de France »: one name
            // across "of" and « de ».
            let joined = |gap: &str| {
                matches!(
                    gap.trim(),
                    "" | "of" | "de" | "du" | "des" | "de la" | "d’" | "d'" | "for"
                ) && !gap.contains(['\n', ','])
            };
            match found.last_mut() {
                Some(last) if joined(&sentence[last.end..at]) => last.end = at + word.len(),
                _ => found.push(at..at + word.len()),
            }
        }
        first = false;
    }
    found
}

/// How `draft` writes its files.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// The bank to write (default: the article's name with `.yaml`).
    pub out: Option<&'a Path>,
    /// Replace the bank (and the clean article beside it) if they exist.
    pub force: bool,
    /// The article's language, when not detected.
    pub lang: Option<Lang>,
    /// Where to write the JSON of what was found (`-`: standard output,
    /// returned in [`Written::findings`] for the caller to print).
    pub findings: Option<&'a Path>,
    /// Also ask a language model (`--model`), keeping what verifies.
    pub model: Option<&'a model::Ask>,
}

/// What [`write_with`] wrote.
#[derive(Debug, Clone)]
pub struct Written {
    /// The bank.
    pub bank: PathBuf,
    /// The clean article written beside it, when the input was not one already.
    pub article: Option<PathBuf>,
    /// The draft.
    pub draft: Draft,
    /// The findings' JSON, when asked for on standard output (`--findings -`).
    pub findings: Option<String>,
    /// What was cleaned from the input, to tell the teacher.
    pub notes: Vec<Text>,
    /// What the model's questions came to, with `--model`.
    pub model: Option<model::Outcome>,
}

/// Reads `article`, drafts its bank and writes it to `out` (default: the
/// article's name with `.yaml`), never over an existing file unless `force`.
pub fn write(
    article: &Path,
    out: Option<&Path>,
    force: bool,
    lang: Option<Lang>,
) -> Result<(PathBuf, Draft)> {
    let written = write_with(
        article,
        Options {
            out,
            force,
            lang,
            findings: None,
            model: None,
        },
    )?;
    Ok((written.bank, written.draft))
}

/// Refuses to write `path` when it is the input or exists (unless `force`).
fn writable(path: &Path, input: &Path, force: bool) -> Result<()> {
    // By identity, not spelling: `./a.txt`, a symlink or a hard link to it
    // are the article too.
    if input.as_os_str() != "-" && (path == input || crate::fsutil::same_file(path, input)) {
        let path = crate::console::shown(path);
        return Err(Error::usage(
            format!("`{path}` est l’article lui-même : choisissez un autre nom avec `--out`"),
            format!("`{path}` is the article itself: choose another name with `--out`"),
        ));
    }
    if path.exists() && !force {
        let path = crate::console::shown(path);
        return Err(Error::usage(
            format!(
                "`{path}` existe déjà : ajoutez `--force` pour le remplacer, ou choisissez un autre nom avec `--out`"
            ),
            format!(
                "`{path}` already exists: add `--force` to replace it, or choose another name with `--out`"
            ),
        ));
    }
    Ok(())
}

/// Writes `bytes` to `path` through a temporary file beside it.
fn persist(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    crate::fsutil::regular_or_absent(path).map_err(|e| e.about(path))?;
    let file = crate::fsutil::temp_beside(path, ".tmp")?;
    let error = |source| Error::Write {
        path: path.to_owned(),
        source,
    };
    std::fs::write(file.path(), bytes).map_err(error)?;
    if force {
        file.persist(path).map_err(|e| error(e.error))?;
    } else {
        file.persist_noclobber(path).map_err(|e| error(e.error))?;
    }
    Ok(())
}

/// [`write`], with the clean article and the findings: a web page, standard
/// input or pasted text with single-line paragraphs is written as
/// `BANK.article.txt` beside the bank, which names it in `source.file`.
pub fn write_with(article: &Path, options: Options<'_>) -> Result<Written> {
    let stdin = article.as_os_str() == "-";
    let input = input::read(article)?;
    let out = match options.out {
        Some(out) => out.to_owned(),
        None if stdin => PathBuf::from("draft.yaml"),
        None => article.with_extension("yaml"),
    };
    writable(&out, article, options.force)?;
    let clean = input.changed.then(|| {
        let stem = out
            .file_stem()
            .map_or_else(|| "draft".into(), |s| s.to_string_lossy().into_owned());
        out.with_file_name(format!("{stem}.article.txt"))
    });
    if let Some(clean) = &clean {
        writable(clean, article, options.force)?;
    }
    if let Some(findings) = options.findings.filter(|f| f.as_os_str() != "-") {
        writable(findings, article, options.force)?;
    }
    let source_path = clean.as_deref().unwrap_or(article);
    if let Some(clean) = &clean {
        persist(clean, input.text.as_bytes(), options.force)?;
    }
    let source = relative_source(source_path, &out)?;
    let (drafted, found) = draft_input(&input, &source, options.lang);
    let (drafted, outcome) = match options.model {
        Some(ask) => {
            let (drafted, outcome) = model::extend(drafted, &input.text, &source, &out, ask)?;
            (drafted, Some(outcome))
        }
        None => (drafted, None),
    };
    let mut findings = None;
    if let Some(path) = options.findings {
        let json = found.to_json();
        if path.as_os_str() == "-" {
            findings = Some(json);
        } else {
            persist(path, json.as_bytes(), options.force)?;
        }
    }
    persist(&out, drafted.yaml.as_bytes(), options.force)?;
    Ok(Written {
        bank: out,
        article: clean,
        draft: drafted,
        findings,
        notes: input.notes,
        model: outcome,
    })
}

/// The article's path as seen from the bank's folder, with `/` separators.
fn relative_source(article: &Path, out: &Path) -> Result<String> {
    let folder = |p: &Path| match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let canonical = |p: PathBuf| {
        p.canonicalize().map_err(|source| Error::Write {
            path: out.to_owned(),
            source,
        })
    };
    let from = canonical(folder(out))?;
    let to = canonical(folder(article))?;
    let common = from
        .components()
        .zip(to.components())
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<String> = from
        .components()
        .skip(common)
        .filter(|c| matches!(c, Component::Normal(_)))
        .map(|_| "..".to_owned())
        .collect();
    parts.extend(
        to.components()
            .skip(common)
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.push(
        article
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
    );
    Ok(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_two_languages() {
        assert_eq!(
            detect_language("Le maire a dit que la ville est calme et que les écoles ouvrent."),
            Lang::Fr
        );
        assert_eq!(
            detect_language("The mayor said that the city was calm and the schools are open."),
            Lang::En
        );
    }

    #[test]
    fn the_same_article_gives_the_same_draft() {
        let text = crate::shipped::file("lere-article.fr.txt").unwrap_or_default();
        assert_eq!(
            draft(text, "a.txt", None).yaml,
            draft(text, "a.txt", None).yaml
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Any text drafts without a panic, and every evidence quote is in it.
        #[test]
        fn any_text_drafts(text in "([A-Z][a-zé]{0,8}|[a-zé]{1,8}|[0-9]{1,4}|[ ,.:;«»\"“”()'’-]|\n\n| selon | said | according to | a déclaré | (CSP) ){0,60}") {
            let drafted = draft(&text, "a.txt", None);
            let article = Article::new(&text);
            let mut in_evidence = false;
            for line in drafted.yaml.lines() {
                if line.starts_with("    ") && !line.starts_with("      ") {
                    in_evidence = line == "    evidence:";
                }
                if !in_evidence {
                    continue;
                }
                if let Some(quote) = line.strip_prefix("      - \"").and_then(|l| l.strip_suffix('"')) {
                    let quote = quote.replace("\\\"", "\"").replace("\\\\", "\\");
                    proptest::prop_assert!(article.find(&quote).is_ok() || quote == "TODO", "{quote}");
                }
            }
        }
    }

    /// The safety net on an invented article: a pronoun whose speaker is
    /// past someone else, a dateline, an hour, a title and a role with no
    /// name beside the person who holds it give no doubtful question.
    #[test]
    fn a_doubtful_key_is_left_out() {
        let text = "Grève au port\n\n\
            BREST - Le port fermera pendant deux semaines, a annoncé la capitainerie. \
            « Nous perdrons 300 emplois », a déclaré Jean Dupont. \
            Deux dockers, les Roy, ont témoigné à leur tour. \
            Le port ne rouvrira pas avant l’été, selon eux.\n\n\
            Le maire de Brest, Pierre Durand, conteste ces chiffres. \
            Les salariés ont été prévenus à 4 heures qu’ils ne seraient pas payés, a déclaré Anne Roux. \
            « On ne va pas attendre Paris », estime le maire. \
            Selon la CGT, 120 dockers ont cessé le travail.\n\n\
            L’inspection du travail considère la grève comme « probablement » légale. \
            Ainsi, les dockers seraient payés, a précisé la préfecture.";
        let yaml = draft(text, "a.txt", Some(Lang::Fr)).yaml;
        let prompts: Vec<&str> = yaml
            .lines()
            .filter(|l| l.trim_start().starts_with("prompt:"))
            .collect();
        assert!(!prompts.iter().any(|p| p.contains("BREST")), "{yaml}");
        assert!(!yaml.contains("chiffre « 4 »"), "{yaml}");
        // A verb's object is no statement; a connective is no part of one.
        assert!(!yaml.contains("« la grève comme"), "{yaml}");
        assert!(!prompts.iter().any(|p| p.contains("« Ainsi")), "{yaml}");
        for question in yaml.split("\n  - id: ") {
            // « selon eux » is the Roys', named just before, not the last
            // speaker's: never keyed or explained as Jean Dupont's.
            assert!(
                !(question.contains("rouvrira")
                    && (question.contains("answer: \"Jean Dupont\"")
                        || question.contains("à Jean Dupont"))),
                "{question}"
            );
            // « Le maire » and Pierre Durand, « le maire de Brest », are
            // never two choices of one question.
            assert!(
                !(question.contains("- \"Le maire\"") && question.contains("- \"Pierre Durand\"")),
                "{question}"
            );
        }
    }

    #[test]
    fn a_figure_in_an_apposition_is_a_description() {
        let s = "Almost all came from Mill Yard, a development of 64 flats that opened last year, according to a report.";
        let at = s.find("64").unwrap();
        assert!(in_apposition(s, &(at..at + 2)));
        let s = "Le pied des pistes, à 850 mètres d’altitude, a perdu trente-cinq jours.";
        let at = s.find("850").unwrap();
        assert!(in_apposition(s, &(at..at + 3)));
        let s = "Selon la préfecture, 12 personnes ont été blessées, dont deux gravement.";
        let at = s.find("12").unwrap();
        assert!(!in_apposition(s, &(at..at + 2)));
        let s = "The plant, which employs 300 people, will close, according to the union.";
        let at = s.find("300").unwrap();
        assert!(in_apposition(s, &(at..at + 3)));
        let s =
            "L’élu a indiqué que le surcoût, estimé à 0,40 euro par repas, serait pris en charge.";
        let at = s.find("0,40").unwrap();
        assert!(in_apposition(s, &(at..at + 4)));
        let s = "Le ministère a annoncé un fonds, mais son montant, 10 millions d’euros, est jugé faible.";
        let at = s.find("10").unwrap();
        assert!(in_apposition(s, &(at..at + 2)));
    }

    #[test]
    fn proper_names_skip_the_first_word() {
        let s = "En retour, la France rejoint le Burkina Faso.";
        let got: Vec<&str> = proper_names(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(got, ["France", "Burkina Faso"]);
        let s = "Dr Priya Raman, at the University of Stirling’s institute, said so.";
        let got: Vec<&str> = proper_names(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(got, ["Priya Raman", "University of Stirling"]);
    }

    #[test]
    fn a_fear_told_is_no_claim_to_ask_about() {
        let s = "Laurent Vidal dit craindre que des examinateurs fassent baisser la qualité.";
        let found = attribution::find(s, &mut None);
        assert!(
            !found.is_empty() && found.iter().all(|a| attitude_before(s, a)),
            "{found:?}"
        );
        let s = "Laurent Vidal dit que la qualité baissera.";
        let found = attribution::find(s, &mut None);
        assert!(!found.is_empty() && found.iter().all(|a| !attitude_before(s, a)));
    }

    #[test]
    fn an_according_cue_is_named_as_the_sentence_words_it() {
        assert_eq!(according_cue("Selon elle, tout va bien.", "Selon"), "selon");
        assert_eq!(
            according_cue("A ses yeux, tout va bien.", "A"),
            "a ses yeux"
        );
        assert_eq!(
            according_cue("Tout va bien, d'après elle.", "d'après"),
            "d’après"
        );
        assert_eq!(
            according_cue("All is well, according to her.", "according to"),
            "according to"
        );
    }

    proptest::proptest! {
        /// The index answers exactly as comparing with every kept name.
        #[test]
        fn the_actor_index_answers_as_the_scan(
            names in proptest::collection::vec("[abé ]{1,7}", 1..40)
        ) {
            let mut index = ActorIndex::default();
            let mut actors: Vec<(String, String)> = Vec::new();
            for name in names {
                let scan = actors.iter().any(|(_, a)| same_actor(a, &name));
                proptest::prop_assert_eq!(index.overlaps(&name, &actors), scan, "{}", name);
                if !scan {
                    index.add(&name, actors.len());
                    actors.push((name.clone(), name));
                }
            }
        }
    }

    #[test]
    fn a_figure_is_compared_with_its_word_spaces_aside() {
        assert_eq!(
            same_figure("180 000 euros"),
            same_figure("180\u{a0}000 Euros")
        );
        assert_ne!(same_figure("ten days"), same_figure("ten years"));
    }
}
