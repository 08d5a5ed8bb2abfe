//! The attribution finder: reported speech with its speaker and the span of
//! the words attributed, in French and English, speaker before or after.
//!
//! Rules, not a model: a cue (`selon`, `d'après`, `according to`, or a verb
//! of saying such as `affirme`, `a confirmé`, `said`, `warned`) and a speaker
//! that looks like someone (a proper name, a pronoun, or a noun from
//! [`SPEAKER_NOUNS`]). A teacher reviews every draft, so a doubtful subject
//! ("Ces événements soulignent…") is dropped rather than guessed.

use std::collections::HashMap;
use std::ops::Range;

use super::sentence;

/// How the words are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cue {
    /// `selon`, `d'après`, `according to`.
    According,
    /// Plain saying: `a déclaré`, `said`, `told`.
    Says,
    /// Confirmation: `a confirmé`, `confirmed`.
    Confirms,
    /// An accusation or denunciation: `accuse`, `dénonce`, `slammed`.
    Accuses,
    /// A denial: `dément`, `denied`.
    Denies,
    /// A warning: `prévient`, `warned`.
    Warns,
}

/// One piece of reported speech found in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Who speaks, as the article names them (a pronoun resolved to the last speaker named).
    pub speaker: String,
    /// The words attributed, as byte offsets in the paragraph.
    pub content: Range<usize>,
    /// The cue's clause inside them ("selon X,"), left out when they are shown.
    pub cut: Option<Range<usize>>,
    /// The sentence holding them, as byte offsets in the paragraph.
    pub sentence: Range<usize>,
    /// How they are reported.
    pub cue: Cue,
    /// Whether the source is left unnamed ("plusieurs sources", "a source close to").
    pub unnamed: bool,
    /// The cue as written: "selon", "a déclaré", "said".
    pub marker: String,
}

const AUXILIARIES: &[&str] = &[
    "a",
    "ont",
    "avait",
    "avaient",
    "aurait",
    "auraient",
    "avons",
    "as",
    "est",
    "sont",
    "se",
    "s",
    "ne",
    "n",
    "y",
    "lui",
    "leur",
    "has",
    "have",
    "had",
    "would",
    "will",
    "also",
    "aussi",
    "régulièrement",
    "finalement",
    "encore",
    "déjà",
    "pourtant",
    "ensuite",
    "enfin",
    "alors",
    "later",
    "then",
    "previously",
    "repeatedly",
    "publicly",
    "publiquement",
    "again",
    "quickly",
    "immediately",
    "already",
    "since",
    "va",
    "vont",
    "fermement",
    "firmly",
    "notamment",
    "clearly",
    "simply",
];

/// Words that open a circumstance before a subject ("In an interview, …",
/// "However, …"), never reported words.
const ADJUNCT_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "with",
    "without",
    "despite",
    "however",
    "but",
    "and",
    "speaking",
    "asked",
    "when",
    "while",
    "since",
    "earlier",
    "later",
    "dans",
    "en",
    "lors",
    "après",
    "avant",
    "pendant",
    "avec",
    "sans",
    "malgré",
    "cependant",
    "pourtant",
    "mais",
    "et",
    "interrogé",
    "interrogée",
    "quand",
    "alors",
    "depuis",
];

/// French object clitics and the negation's first half, which stand between
/// a subject and its verb ("l'éleveur l'a répété", "elle nous a dit", "il en
/// a parlé"): they end the subject, never belong to it.
const CLITICS: &[&str] = &[
    "l", "le", "la", "les", "me", "m", "te", "t", "nous", "vous", "en", "y", "lui", "leur", "se",
    "s", "ne", "n",
];

/// Words that negate a verb: the words after "n'a pas dit", "did not say"
/// were not said.
const NEGATIONS: &[&str] = &[
    "pas",
    "jamais",
    "rien",
    "point",
    "guère",
    "nullement",
    "not",
    "never",
    "didn",
    "doesn",
    "don",
    "hasn",
    "haven",
    "hadn",
    "wouldn",
    "won",
    "isn",
    "wasn",
    "aren",
    "weren",
];

const PASSIVE: &[&str] = &[
    "été", "was", "were", "been", "is", "are", "be", "être", "est", "sont",
];

const DETERMINERS: &[&str] = &[
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "des",
    "du",
    "de",
    "ce",
    "cet",
    "cette",
    "ces",
    "plusieurs",
    "certains",
    "certaines",
    "deux",
    "trois",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "several",
    "some",
    "two",
    "three",
    "many",
    "its",
    "his",
    "her",
    "their",
    "our",
    "nos",
    "notre",
    "selon",
    "en",
    "in",
    "on",
    "but",
    "mais",
    "and",
    "et",
    "however",
    "cependant",
    "pourtant",
    "yet",
    "still",
    "when",
    "quand",
    "lorsque",
    "as",
    "if",
    "si",
    "it",
    "il",
];

const PRONOUNS: &[&str] = &[
    "il", "elle", "ils", "elles", "lui", "eux", "he", "she", "they", "him", "her", "them",
];

/// Nouns that name someone who can speak: a subject holding one is a speaker.
pub const SPEAKER_NOUNS: &[&str] = &[
    "porte-parole",
    "source",
    "responsable",
    "ministre",
    "président",
    "présidente",
    "armée",
    "autorité",
    "gouvernement",
    "rebelle",
    "habitant",
    "témoin",
    "maire",
    "police",
    "policier",
    "officiel",
    "expert",
    "analyste",
    "directeur",
    "directrice",
    "représentant",
    "communiqué",
    "ong",
    "association",
    "syndicat",
    "militaire",
    "médecin",
    "chercheur",
    "chercheuse",
    "élu",
    "député",
    "opposition",
    "agence",
    "préfet",
    "préfecture",
    "procureur",
    "avocat",
    "avocate",
    "entreprise",
    "société",
    "collectif",
    "ministère",
    "commandant",
    "chef",
    "manifestant",
    "enseignant",
    "parent",
    "élève",
    "patron",
    "dirigeant",
    "conseil",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "minister",
    "president",
    "mayor",
    "resident",
    "witness",
    "witnesse",
    "analyst",
    "researcher",
    "company",
    "council",
    "government",
    "ministry",
    "army",
    "military",
    "chamber",
    "rebel",
    "lawyer",
    "union",
    "doctor",
    "director",
    "chief",
    "officer",
    "statement",
    "group",
    "agency",
    "commission",
    "committee",
    "prosecutor",
    "scientist",
    "teacher",
    "leader",
    "manager",
    "inspector",
    "engineer",
    "expert",
    "campaigner",
    "activist",
    "organiser",
    "organizer",
    "councillor",
    "councilor",
    "nurse",
    "farmer",
    "owner",
    "worker",
    "authoritie",
    "authority",
    "people",
    "person",
    "personne",
    "observateur",
    "observer",
    "proche",
    "spokespeople",
    "patient",
    "patiente",
    "neighbour",
    "neighbor",
    "voisin",
    "voisine",
    "soignant",
    "transporteur",
    "docker",
    "campaigner",
    "councillor",
    "trader",
    "commerçant",
    "agent",
    "délégué",
    "adjoint",
    "adjointe",
    "hydrologist",
    "cadre",
    "métropole",
    "cycliste",
    "étude",
    "study",
    "élue",
    "infirmière",
    "infirmier",
    "mairie",
    "direction",
    "chambre",
    "office",
    "institut",
    "observatoire",
    "fédération",
    "cabinet",
    "tribunal",
    "conseiller",
    "conseillère",
    "architecte",
    "hydrologue",
    "pêcheur",
    "agriculteur",
    "éleveur",
    "économiste",
    "sociologue",
    "historien",
    "historienne",
    "juriste",
    "trust",
    "investigator",
    "commissioner",
    "regulator",
    "watchdog",
    "operator",
    "board",
    "department",
    "economist",
    "historian",
    "professor",
    "survivor",
    "driver",
    "critic",
    "opponent",
    "supporter",
    "someone",
    "somebody",
    "quelqu'un",
];

/// Nouns that make a source unnamed when no proper name comes with them.
const UNNAMED_NOUNS: &[&str] = &[
    "source",
    "témoin",
    "habitant",
    "responsable",
    "official",
    "resident",
    "witness",
    "witnesse",
    "proche",
    "observateur",
    "observer",
    "person",
    "people",
    "personne",
    "someone",
    "somebody",
];

/// Cue verbs, by their lower-case forms.
fn verb_cue(word: &str) -> Option<Cue> {
    let cue = match word {
        "confirmé" | "confirme" | "confirment" | "confirmed" | "confirms" | "confirm"
        | "corroboré" | "corroborated" => Cue::Confirms,
        "dénonce" | "dénoncé" | "dénoncent" | "accuse" | "accusent" | "accusé" | "accuses"
        | "accused" | "accuse-t-il" | "denounced" | "denounces" | "slammed" | "condemned"
        | "condamne" | "condamné" | "condamnent" | "criticised" | "criticized" | "fustige" => {
            Cue::Accuses
        }
        "dément" | "démenti" | "démentent" | "denied" | "denies" | "deny" | "nie" | "nié" => {
            Cue::Denies
        }
        "prévient" | "prévenu" | "averti" | "avertit" | "warned" | "warns" | "warn" => Cue::Warns,
        "déclaré" | "déclare" | "déclarent" | "affirme" | "affirmé" | "affirment" | "assure"
        | "assuré" | "assurent" | "estime" | "estimé" | "estiment" | "explique" | "expliqué"
        | "expliquent" | "précise" | "précisé" | "annonce" | "annoncé" | "annoncent" | "ajoute"
        | "ajouté" | "raconte" | "raconté" | "reconnaît" | "reconnu" | "déplore" | "déploré"
        | "regrette" | "martèle" | "martelé" | "insiste" | "insisté" | "promet" | "promis"
        | "soutient" | "soutenu" | "soutiennent" | "répète" | "répété" | "dit" | "indiqué"
        | "rapporté" | "said" | "says" | "say" | "told" | "tells" | "claimed" | "claims"
        | "claim" | "announced" | "announces" | "stated" | "states" | "added" | "adds"
        | "explained" | "explains" | "insisted" | "insists" | "argued" | "argues" | "noted"
        | "wrote" | "acknowledged" | "admitted" | "alleged" | "alleges" | "stressed" | "urged"
        | "predicted" | "pledged" | "promised" | "reported" | "reports" | "cautioned"
        | "cautions" | "revealed" | "suggested" | "concluded" | "souligné" | "lancé" | "salue"
        | "saluent" | "salué" | "juge" | "jugent" | "rappelle" | "rappelé" | "critique"
        | "critiquent" | "critiqué" | "inquiète" | "inquiètent" | "inquiété" | "souligne"
        | "soulignent" | "relève" | "relèvent" | "relevé" | "indique" | "indiquent"
        | "précisent" | "rapporte" | "rapportent" | "ajoutent" | "observe" | "believe"
        | "believes" | "believed" | "soulève" | "soulèvent" | "soulevé" | "considère"
        | "considèrent" | "considéré" | "constate" | "constaté" | "constatent" | "révèle"
        | "révélé" | "révèlent" | "suggest" | "suggests" | "vowed" | "recalled" | "écrit"
        | "réplique" | "répliqué" | "rétorque" | "rétorqué" | "replied" | "retorted"
        | "estimated" | "estimates" | "conceded" | "complained" | "remarked" | "declared"
        | "responded" | "countered" | "maintained" | "asserted" | "contended" | "disclosed"
        | "recounted" | "observed" | "agreed" | "répond" | "répondu" | "confie" | "confié"
        | "poursuit" | "poursuivi" | "détaille" | "détaillé" | "résume" | "résumé" | "tranche"
        | "tranché" | "glisse" | "glissé" | "admet" | "admis" | "avance" | "avancé" | "signale"
        | "signalé" | "note" | "noté" | "concède" | "concédé" | "nuance" | "nuancé"
        | "renchérit" | "renchéri" | "commente" | "commenté" | "jugé" | "assène" | "asséné"
        | "indigne" | "indigné" | "indignée" | "insurge" | "insurgé" | "insurgée" | "exclame"
        | "exclamé" => Cue::Says,
        _ => return None,
    };
    Some(cue)
}

/// Verbs of saying that also take a plain object ("a répondu à l'appel",
/// "a confié la mission", "observed a silence", "agreed a deal"): words
/// reported only when a `que`/`that`, a colon or a quotation follows, or
/// when they close the words ("« … », a confié X").
const SAYING_WITH_A_CLAUSE: &[&str] = &[
    "observed",
    "agreed",
    "disclosed",
    "maintained",
    "répond",
    "répondu",
    "confie",
    "confié",
    "poursuit",
    "poursuivi",
    "détaille",
    "détaillé",
    "résume",
    "résumé",
    "tranche",
    "tranché",
    "glisse",
    "glissé",
    "admet",
    "admis",
    "avance",
    "avancé",
    "signale",
    "signalé",
    "note",
    "noté",
    "concède",
    "concédé",
    "nuance",
    "nuancé",
    "commente",
    "commenté",
    "jugé",
];

/// A word of a sentence: its byte range and lower-case form.
#[derive(Debug, Clone)]
struct Word {
    range: Range<usize>,
    lower: String,
}

fn words(text: &str) -> Vec<Word> {
    let mut list = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let inner = c.is_alphanumeric() || c == '-' || c == '°';
        match (inner, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let w = text[s..i].trim_matches('-');
                if !w.is_empty() {
                    let s = s + (text[s..i].len() - text[s..i].trim_start_matches('-').len());
                    list.push(Word {
                        range: s..s + w.len(),
                        lower: w.to_lowercase(),
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    list
}

/// What a reader carries from one paragraph to the next.
#[derive(Debug, Clone, Default)]
pub struct Thread {
    /// The last speaker named, for pronouns.
    pub previous: Option<String>,
    /// A speaker who announced a list ("Obama also said:"), with the cue.
    announced: Option<(String, String)>,
    /// Whether the last paragraph ended on someone's words, so that a
    /// paragraph of quotation alone goes on with them.
    speaking: bool,
    /// The last word (lower-cased) of every speaker named so far, with the
    /// longest such name's length, so that a surname alone opening a
    /// sentence ("Price expects…") is known as theirs: a lookup, not a pass
    /// over every speaker so far (which made long texts quadratic).
    named: HashMap<String, usize>,
}

/// Finds the attributions of one paragraph. `previous` is the last speaker
/// named before it, for pronouns.
pub fn find(paragraph: &str, previous: &mut Option<String>) -> Vec<Attribution> {
    let mut thread = Thread {
        previous: previous.take(),
        ..Thread::default()
    };
    let found = find_in(paragraph, &mut thread);
    *previous = thread.previous;
    found
}

/// [`find`], carrying over paragraphs what a reader carries: the last
/// speaker, a list announced by "X said:", a speech that goes on.
pub fn find_in(paragraph: &str, thread: &mut Thread) -> Vec<Attribution> {
    let mut found = Vec::new();
    let sentences = sentence::split(paragraph);
    // "President Obama also said:" then "- The UK must…" "- He is…": each
    // item of the list is theirs.
    let trimmed = paragraph.trim_start();
    let listed = trimmed.starts_with(['-', '•', '*', '–']);
    if let Some((speaker, marker)) = thread.announced.clone().filter(|_| listed) {
        let mut at = 0;
        for item in paragraph.split(" - ").flat_map(|i| i.split(" • ")) {
            let start = paragraph[at..].find(item).map_or(at, |i| at + i);
            at = start + item.len();
            let content = trim_content(paragraph, start..start + item.len());
            let content = {
                let inner = &paragraph[content.clone()];
                let lead = inner.len() - inner.trim_start_matches(['-', '•', '*', '–', ' ']).len();
                content.start + lead..content.end
            };
            let Some(sentence) = sentences
                .iter()
                .find(|r| r.contains(&content.start))
                .cloned()
            else {
                continue;
            };
            let content = content.start..content.end.min(sentence.end);
            if content.is_empty() {
                continue;
            }
            found.push(Attribution {
                unnamed: is_unnamed(&speaker),
                speaker: speaker.clone(),
                content,
                cut: None,
                sentence,
                cue: Cue::Says,
                marker: marker.clone(),
            });
        }
        return found;
    }
    thread.announced = None;
    let quotation_alone = trimmed.starts_with(['«', '"', '“']) && thread.speaking;
    thread.speaking = false;
    // The speaker of the last sentence that was a quotation, for a quotation
    // that follows with no verb ("« … », raconte X. … « … »").
    let mut quoting: Option<(String, String)> = None;
    // Each sentence, cut where a second speaker takes over ("X said A,
    // while Y said B"): the piece, and the whole sentence it is in.
    let pieces: Vec<Piece> = sentences
        .iter()
        .enumerate()
        .flat_map(|(n, whole)| {
            clauses(&paragraph[whole.clone()])
                .into_iter()
                .map(move |(c, found)| {
                    (
                        n,
                        whole.clone(),
                        whole.start + c.start..whole.start + c.end,
                        found,
                    )
                })
        })
        .collect();
    for (n, whole, range, piece) in pieces {
        let text = &paragraph[range.clone()];
        let Some((speaker, content, cue, cut, marker)) = piece else {
            // « … » after a paragraph of someone's words: still theirs; and
            // "« … », a-t-elle dit. « … »": the next quotation too, when no
            // one else was named between.
            // (Only a quotation and nothing else: "« … », s'indigne Julie"
            // names its own speaker.)
            let previous = if n == 0 && quotation_alone && is_quotation(text) {
                thread.previous.clone().map(|p| (p, String::new()))
            } else {
                quoting.clone().filter(|_| is_quotation(text))
            };
            // The verb that brought the speaker in goes on ("he said").
            if let Some((speaker, marker)) = previous {
                let content = trim_content(text, 0..text.len());
                if !content.is_empty() {
                    let at = range.start + content.start..range.start + content.end;
                    found.push(Attribution {
                        unnamed: is_unnamed(&speaker),
                        speaker,
                        content: at,
                        cut: None,
                        sentence: whole.clone(),
                        cue: Cue::Says,
                        marker,
                    });
                    thread.speaking = true;
                }
                continue;
            }
            // "Le préfet a appelé au dialogue. Il a averti que…": "il" is the
            // préfet. Another subject named ends a quotation's run.
            if let Some(subject) = sentence_subject(text, &thread.named) {
                if quoting.as_ref().is_some_and(|(q, _)| *q != subject) {
                    quoting = None;
                }
                thread.previous = Some(subject);
            } else if !starts_with_pronoun(text) && names_someone(text) {
                quoting = None;
            }
            continue;
        };
        let marker = text[marker].to_owned();
        let raw = clean_speaker(&text[speaker.clone()]);
        // A speaker is a whole noun phrase: never two sentences, never a quotation.
        let verb_first = words(&raw).first().is_some_and(|f| {
            matches!(
                f.lower.as_str(),
                "was"
                    | "were"
                    | "is"
                    | "are"
                    | "has"
                    | "have"
                    | "had"
                    | "est"
                    | "sont"
                    | "était"
                    | "étaient"
            )
        });
        if sentence::split(&raw).len() > 1 || raw.contains(['«', '»', '"', '“', '”']) || verb_first
        {
            continue;
        }
        // "À ses yeux", "in her view": the one just named.
        let view = matches!(
            raw.to_lowercase().as_str(),
            "ses yeux" | "leurs yeux" | "his view" | "her view" | "their view"
        );
        let speaker = if view || PRONOUNS.contains(&raw.to_lowercase().as_str()) {
            // Only a referent that agrees with the pronoun: otherwise no one
            // is certain, and nothing is found.
            match &thread.previous {
                Some(name) if view || agrees(&raw, name) => name.clone(),
                _ => continue,
            }
        } else {
            // "d'après son dernier bilan annuel": a document of the sentence's
            // subject is the subject's word.
            owner_of_possessive(text, &raw, cue).unwrap_or(raw)
        };
        if speaker.is_empty() {
            continue;
        }
        if let Some(last) = words(&speaker).last() {
            let longest = thread.named.entry(last.lower.clone()).or_default();
            *longest = (*longest).max(speaker.len());
        }
        // "C'est ce qu'a annoncé X": the words are the sentence before, not these.
        if is_cleft(text) {
            thread.previous = Some(speaker);
            continue;
        }
        let content = trim_content(text, content);
        if content.is_empty() {
            if text.trim_end().ends_with(':') {
                thread.announced = Some((speaker.clone(), marker));
                thread.previous = Some(speaker);
            }
            continue;
        }
        thread.previous = Some(speaker.clone());
        thread.speaking = n + 1 == sentences.len();
        quoting = text
            .contains(['«', '"', '“'])
            .then(|| (speaker.clone(), marker.clone()));
        // "X said A and warned that B", "X said A, adding B": two things said, one speaker.
        let (content, second) = match second_saying(text, content.clone()) {
            Some((first, second, cue)) => (first, Some((trim_content(text, second), cue))),
            None => match adding(text, content.clone()) {
                Some(second) => (content, Some((trim_content(text, second), cue))),
                None => (content, None),
            },
        };
        let at = |r: Range<usize>| range.start + r.start..range.start + r.end;
        found.push(Attribution {
            unnamed: is_unnamed(&speaker),
            speaker: speaker.clone(),
            content: at(content),
            cut: cut.map(at),
            sentence: whole.clone(),
            cue,
            marker: marker.clone(),
        });
        if let Some((content, cue)) = second.filter(|(c, _)| !c.is_empty()) {
            found.push(Attribution {
                unnamed: is_unnamed(&speaker),
                speaker,
                content: at(content),
                cut: None,
                sentence: whole.clone(),
                cue,
                marker: marker.clone(),
            });
        }
    }
    found
}

/// A piece of a sentence: the sentence's index and range, the piece's
/// range, and what was found in it.
type Piece = (usize, Range<usize>, Range<usize>, Option<Found>);

/// The attribution of one sentence (or piece of one), if any.
fn find_one(text: &str) -> Option<Found> {
    let said = by_verb(text);
    match according(text) {
        // "La ministre a précisé que …, un chiffre stable selon ses
        // services": a source inside someone's reported clause belongs to
        // their report; the one who reports keeps the words. ("Le Quai a
        // confirmé le bilan, selon l'AFP": no clause, the AFP reports it.)
        Some(source)
            if said.as_ref().is_some_and(|(speaker, said, _, _, marker)| {
                let clause = text.get(marker.end..said.start).is_some_and(|between| {
                    words(between)
                        .iter()
                        .any(|x| matches!(x.lower.as_str(), "que" | "qu" | "that"))
                });
                speaker.end <= said.start && clause && said.contains(&source.4.start)
            }) =>
        {
            said
        }
        Some(source) => Some(source),
        None => said.or_else(|| by_participle(text)),
    }
}

/// The pieces of a sentence, one per speaker: "X said A, while Y said B",
/// "X a annoncé A, tandis que Y juge B", "X said A and Y said B". A second
/// verb of saying with its own subject starts a new attribution; one
/// inside the words ("X said that Y had warned…") does not.
fn clauses(text: &str) -> Vec<(Range<usize>, Option<Found>)> {
    let mut pieces = Vec::new();
    let mut from = 0;
    loop {
        let piece = &text[from..];
        let found = find_one(piece);
        // Only words after their speaker can run into another's.
        let split = found
            .as_ref()
            .filter(|(speaker, content, ..)| content.start >= speaker.end && pieces.len() < 3)
            .and_then(|(_, content, ..)| another_speaker(piece, content.start));
        match (split, found) {
            (Some((cut, next)), Some((speaker, content, cue, source, marker))) => {
                // The first speaker's words end where the second's piece begins.
                let content = content.start..content.end.min(cut);
                pieces.push((
                    from..from + cut,
                    Some((speaker, content, cue, source, marker)),
                ));
                from += next;
            }
            (_, found) => {
                pieces.push((from..text.len(), found));
                return pieces;
            }
        }
    }
}

/// In `text`, after `after`: a conjunction (`while`, `whereas`, `tandis
/// que`, `alors que`, `and`, `et`, `but`, `mais`) outside quotation marks,
/// followed by a subject and its own verb of saying. Gives where the first
/// words end and where the second piece starts.
fn another_speaker(text: &str, after: usize) -> Option<(usize, usize)> {
    let w = words(text);
    // Quotation marks counted as the words go, so the scan stays linear.
    let mut scanned = 0;
    // « », “ ”, and straight quotes: [opened, closed, opened, closed, straight].
    let mut marks = [0usize; 5];
    for (i, x) in w.iter().enumerate() {
        for c in text[scanned..x.range.start].chars() {
            match c {
                '«' => marks[0] += 1,
                '»' => marks[1] += 1,
                '“' => marks[2] += 1,
                '”' => marks[3] += 1,
                '"' => marks[4] += 1,
                _ => {}
            }
        }
        scanned = x.range.start;
        let quoted = marks[0] > marks[1] || marks[2] > marks[3] || marks[4] % 2 == 1;
        if x.range.start < after || quoted {
            continue;
        }
        let next = w.get(i + 1).map(|n| n.lower.as_str());
        let skip = match (x.lower.as_str(), next) {
            ("while" | "whereas" | "and" | "et" | "but" | "mais", _) => 1,
            ("tandis" | "alors", Some("que" | "qu")) => 2,
            _ => continue,
        };
        let Some(first) = w.get(i + skip) else {
            continue;
        };
        // Only a verb of saying close after it can start a new attribution
        // (its subject is at most a dozen words): the rest is not parsed.
        if !w[i + skip..]
            .iter()
            .take(14)
            .any(|y| verb_cue(&y.lower).is_some())
        {
            continue;
        }
        // "and that…", "et qu'il…": still the first speaker's words.
        if matches!(
            first.lower.as_str(),
            "that" | "que" | "qu" | "if" | "si" | "whether" | "who" | "qui"
        ) {
            continue;
        }
        let start = first.range.start;
        let Some((speaker, words_said, ..)) = by_verb(&text[start..]) else {
            continue;
        };
        // The subject opens the piece (its name may follow its role: "la
        // députée, Sophie Abadie, juge…"), and its words follow it.
        // "…but was otherwise fine and the military said": a subject holds
        // no conjunction; the one after "and" is tried next.
        let joined = words(&text[start + speaker.start..start + speaker.end])
            .iter()
            .any(|x| matches!(x.lower.as_str(), "and" | "et" | "but" | "mais"));
        if joined {
            continue;
        }
        let lead = words(&text[start..start + speaker.start]);
        let nested = lead.iter().any(|x| {
            matches!(x.lower.as_str(), "que" | "qu" | "that") || verb_cue(&x.lower).is_some()
        });
        if speaker.end > words_said.start || lead.len() > 10 || nested {
            continue;
        }
        let cut = text[..x.range.start].trim_end().trim_end_matches(',').len();
        return Some((cut, start));
    }
    None
}

/// "C'est ce qu'a annoncé X", "That is what X said": a cleft whose words are
/// in the sentence before.
fn is_cleft(text: &str) -> bool {
    let lower = text.trim_start().to_lowercase().replace('’', "'");
    [
        "c'est ce qu",
        "c'est ce que",
        "that is what",
        "that's what",
        "voilà ce qu",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// "…," he said, adding that B / adding B: the words after `adding`.
fn adding(text: &str, content: Range<usize>) -> Option<Range<usize>> {
    let after = &text[content.end..];
    let w = words(after);
    let at = w
        .iter()
        .position(|x| matches!(x.lower.as_str(), "adding" | "ajoutant"))?;
    // Only right after the cue: "he said, adding…".
    if w[..at].len() > 3 || !after[..w[at].range.start].contains(',') {
        return None;
    }
    let mut start = w[at].range.end;
    if let Some(that) = w
        .get(at + 1)
        .filter(|x| matches!(x.lower.as_str(), "that" | "que" | "qu"))
    {
        start = that.range.end;
    }
    Some(content.end + start..text.len())
}

/// Speaker, words, cue, the cue's clause cut out of the words, and the cue's own words.
type Found = (
    Range<usize>,
    Range<usize>,
    Cue,
    Option<Range<usize>>,
    Range<usize>,
);

/// In words attributed, a second verb of saying joined by `and`/`et` and
/// followed by `that`/`que` ("… and warned that B"): the first words, the
/// second ones, and the second cue.
fn second_saying(text: &str, content: Range<usize>) -> Option<(Range<usize>, Range<usize>, Cue)> {
    let w = words(&text[content.clone()]);
    let shift = |r: &Range<usize>| content.start + r.start..content.start + r.end;
    w.windows(2).enumerate().find_map(|(i, pair)| {
        if !matches!(pair[0].lower.as_str(), "and" | "et" | "but" | "mais") || i == 0 {
            return None;
        }
        let cue = verb_cue(&pair[1].lower)?;
        let that = w[i + 2..]
            .iter()
            .take(3)
            .find(|x| matches!(x.lower.as_str(), "that" | "que" | "qu"))?;
        let and = shift(&pair[0].range);
        let first = content.start..text[..and.start].trim_end().trim_end_matches(',').len();
        Some((first, shift(&that.range).end..content.end, cue))
    })
}

/// `Selon X, …`, `…, d'après X.`, `According to X, …`.
fn according(text: &str) -> Option<Found> {
    let w = words(text);
    if let Some(found) = as_said_by(text, &w) {
        return Some(found);
    }
    let at = w.iter().enumerate().find_map(|(i, word)| {
        let next = w.get(i + 1).map(|n| n.lower.as_str());
        match (word.lower.as_str(), next) {
            ("selon", Some(n))
                if !matches!(n, "que" | "qu" | "moi" | "toi" | "nous" | "vous")
                    && !text[word.range.end..].trim_start().starts_with("les cas") =>
            {
                Some((i, i + 1))
            }
            ("d", Some("après")) if text[word.range.end..].starts_with(['\'', '’']) => {
                Some((i, i + 2))
            }
            ("according", Some("to")) => Some((i, i + 2)),
            // "À en croire plusieurs élus, …".
            ("à", Some("en")) if w.get(i + 2).is_some_and(|c| c.lower == "croire") => {
                Some((i, i + 3))
            }
            // "À ses yeux, …", "In her view, …": the one just named.
            ("à" | "a", Some("ses" | "leurs"))
                if i == 0 && w.get(i + 2).is_some_and(|n| n.lower == "yeux") =>
            {
                Some((i, i + 1))
            }
            ("in", Some("his" | "her" | "their"))
                if i == 0 && w.get(i + 2).is_some_and(|n| n.lower == "view") =>
            {
                Some((i, i + 1))
            }
            // "Pour l'hydrologue Sophie Marty, …": only opening the sentence.
            // Not "Pour repérer ces personnes, …": an infinitive gives a purpose.
            ("pour", Some(n)) if i == 0 && !is_infinitive(n) => Some((i, i + 1)),
            _ => None,
        }
    })?;
    let (cue_word, first) = at;
    let speaker_start = w.get(first)?.range.start;
    let speaker_end = clause_end(text, speaker_start);
    if w[cue_word].lower == "pour" && !is_opinion_holder(text, speaker_start..speaker_end) {
        return None;
    }
    // "According to the Chamber of Commerce (CoC), …": the acronym belongs to the speaker.
    let name_end = speaker_end;
    let speaker_end = match text[speaker_end..].strip_prefix('(') {
        Some(rest) if rest.find(')').is_some_and(|close| close < 12) => {
            speaker_end + 1 + rest.find(')').map_or(0, |c| c + 1)
        }
        _ => speaker_end,
    };
    let cue_start = w[cue_word].range.start;
    let before = text[..cue_start].trim_end();
    let (content, cut) = if before.is_empty() {
        // "Selon X, content."
        let mut after = text[speaker_end..].trim_start_matches([',', ' ']);
        // "Selon l'UFC, qui s'est constituée partie civile…, le préjudice…":
        // the relative clause is about the source, not its words.
        let relative = words(after).first().is_some_and(|f| {
            f.range.start == 0
                && matches!(
                    f.lower.as_str(),
                    "qui" | "dont" | "who" | "which" | "whose" | "lequel" | "laquelle"
                )
        });
        // « Pour Sophie Garnier, sociologue à l’université de Lille…, ces
        // mesures… »: a title in apposition describes the source too.
        let title = words(after).first().is_some_and(|f| {
            f.range.start == 0
                && after.starts_with(char::is_lowercase)
                && (SPEAKER_NOUNS.contains(&f.lower.as_str())
                    || SPEAKER_NOUNS.contains(&f.lower.trim_end_matches('e')))
        });
        let relative = relative || title;
        if relative
            && let Some(comma) = after.find(", ")
            && !inside_quotes(&after[..comma])
        {
            after = after[comma..].trim_start_matches([',', ' ']);
        }
        (text.len() - after.len()..text.len(), None)
    } else if text[speaker_end..]
        .trim()
        .trim_end_matches(['.', '!', '?'])
        .is_empty()
    {
        // "Content, selon X."
        (0..before.len(), None)
    } else {
        // "Content, selon X, content."
        let resume = speaker_end
            + (text[speaker_end..].len()
                - text[speaker_end..].trim_start_matches([',', ' ']).len());
        (
            0..text.len(),
            Some(before.trim_end_matches(',').len()..resume),
        )
    };
    let marker = w[cue_word].range.start..w[first - 1].range.end;
    Some((
        speaker_start..name_end,
        content,
        Cue::According,
        cut,
        marker,
    ))
}

/// Whether "Pour X, …" gives X's view: X is followed by a comma, and is a
/// speaker noun or a name of two capitalised words or more ("Pour la
/// première fois, …" and "Pour Paris, …" are not).
fn is_opinion_holder(text: &str, speaker: Range<usize>) -> bool {
    let phrase = &text[speaker.clone()];
    let list = words(phrase);
    let noun = list.iter().any(|w| {
        let singular = w.lower.strip_suffix('s').unwrap_or(&w.lower);
        SPEAKER_NOUNS.contains(&w.lower.as_str()) || SPEAKER_NOUNS.contains(&singular)
    });
    let capitals = list
        .iter()
        .filter(|w| phrase[w.range.clone()].starts_with(char::is_uppercase))
        .count();
    // "Pour Ferus, qui défend les grands prédateurs, …": a name the writer
    // introduces by what it does is someone with a view.
    let introduced = words(&text[speaker.end..])
        .first()
        .is_some_and(|w| matches!(w.lower.as_str(), "qui" | "who"))
        && capitals >= 1;
    text[speaker.end..].starts_with(',') && list.len() <= 6 && (noun || capitals >= 2 || introduced)
}

/// `X a déclaré que …`, `« … », a déclaré X.`, `"…," X said.`, `… a été confirmé par X`.
fn by_verb(text: &str) -> Option<Found> {
    let w = words(text);
    for (k, word) in w.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| w[p].lower.as_str());
        // "a-t-il fait savoir": the two words are one verb of saying.
        let phrase = word.lower == "savoir" && prev == Some("fait");
        // "souligne-t-il": the verb with its pronoun after it.
        let carries_pronoun = is_inverted(&word.lower);
        let base = if carries_pronoun {
            word.lower.split('-').next().unwrap_or_default()
        } else {
            word.lower.as_str()
        };
        let Some(cue) = verb_cue(&word.lower)
            .or_else(|| verb_cue(base))
            .or(phrase.then_some(Cue::Says))
        else {
            continue;
        };
        let head = if phrase { k - 1 } else { k };
        let marker = w[head].range.start..word.range.end;
        // "\"We should have told people sooner,\" he said": a verb inside the
        // quotation is the quoted speaker's, not the article's attribution.
        if inside_quotes(&text[..word.range.start]) {
            continue;
        }
        // "declined to say", "a refusé de dire": no words reported.
        let refusal = k >= 2
            && matches!(prev, Some("to" | "de" | "d"))
            && matches!(
                w[k - 2].lower.as_str(),
                "declined" | "refused" | "declines" | "refuses" | "refusé" | "refuse" | "souhaité"
            );
        if refusal {
            continue;
        }
        // "intelligence reports seen by Reuters suggest…", « des rapports
        // consultés par… »: a noun, described by a participle and its agent.
        let described = w
            .get(k + 1)
            .is_some_and(|n| is_participle(&n.lower) || n.lower == "seen")
            && w.get(k + 2)
                .is_some_and(|b| b.lower == "by" || b.lower == "par");
        if described {
            continue;
        }
        // "le juge", "la critique": a noun, not a verb.
        if prev.is_some_and(|p| {
            matches!(
                p,
                "le" | "la" | "les" | "l" | "un" | "une" | "des" | "du" | "the"
            )
        }) {
            continue;
        }
        if prev.is_some_and(|p| PASSIVE.contains(&p)) {
            // Passive: "a été confirmé par X".
            let by = w.get(k + 1)?;
            if by.lower != "par" && by.lower != "by" {
                continue;
            }
            let start = w.get(k + 2)?.range.start;
            let end = clause_end(text, start);
            let subject_end = w[..k]
                .iter()
                .rev()
                .find(|x| {
                    !AUXILIARIES.contains(&x.lower.as_str()) && !PASSIVE.contains(&x.lower.as_str())
                })?
                .range
                .end;
            let speaker = start..end;
            if !is_speaker(&text[speaker.clone()]) {
                continue;
            }
            return Some((
                speaker,
                clause_start(text, subject_end)..subject_end,
                cue,
                None,
                word.range.start..by.range.end,
            ));
        }
        // "n'a en revanche pas dit si…", "did not say whether…": words not
        // said are no attribution.
        if is_negated(text, &w, head) {
            continue;
        }
        // The subject: the words before the verb, past auxiliaries, clitics
        // ("l'a répété") and the adverbs an auxiliary holds ("a toutefois
        // rappelé").
        let mut s = head;
        while s > 0 && !ends_clause(&text[w[s - 1].range.end..w[s].range.start]) {
            if AUXILIARIES.contains(&w[s - 1].lower.as_str())
                || CLITICS.contains(&w[s - 1].lower.as_str())
            {
                s -= 1;
                continue;
            }
            match adverbs_after_auxiliary(text, &w, s, &word.lower) {
                Some(aux) => s = aux,
                None => break,
            }
        }
        // "…, a-t-il ajouté" / "…, a-t-elle fait savoir": the pronoun rides the auxiliary.
        let inverted_aux = if carries_pronoun {
            Some(k)
        } else {
            head.checked_sub(1).filter(|&a| {
                let aux = w[a].lower.split('-').next().unwrap_or_default();
                is_inverted(&w[a].lower)
                    && matches!(aux, "a" | "ont" | "avait" | "avaient" | "aurait" | "est")
            })
        };
        if let Some(a) = inverted_aux {
            s = a;
        }
        let inverted = inverted_aux.is_some()
            || text[word.range.end..].starts_with("-t-")
            || text[word.range.end..].starts_with("-il")
            || text[word.range.end..].starts_with("-elle");
        // Where the whole subject starts, when its name is an apposition
        // ("The agency's area manager, Claire Whitmore, told…").
        let mut subject_start = None;
        let subject = match s.checked_sub(1) {
            _ if inverted => None,
            None => None,
            // "L'Office fédéral de l'environnement (OFEV) avait révélé": the
            // acronym in parentheses belongs to the name before it.
            Some(p)
                if text[w[p].range.end..w[s].range.start].trim() == ")"
                    && text[..w[p].range.start].trim_end().ends_with('(') =>
            {
                let open = text[..w[p].range.start].trim_end().len() - 1;
                subject_before(text, text[..open].trim_end().len())
                    .map(|r| r.start..w[p].range.end + 1)
            }
            // "« On ne dort plus… », raconte X": a quotation closed just
            // before the verb is its words, and the speaker comes after it.
            Some(p) if closes_quotation(&text[w[p].range.end..w[s].range.start]) => None,
            Some(p) if ends_clause(&text[w[p].range.end..w[s].range.start]) => {
                apposition(text, w[s].range.start).map(|(name, whole)| {
                    subject_start = Some(whole);
                    name
                })
            }
            Some(p) if matches!(w[p].lower.as_str(), "but" | "and" | "mais" | "et") => {
                // "The WHO welcomed the findings but said…": the sentence's subject speaks.
                leading_subject(text).and_then(|name| {
                    let start = text.find(&name)?;
                    Some(start..start + name.len())
                })
            }
            Some(p) => subject_before(text, w[p].range.end),
        };
        // "si elle estime que…", "if he says…": a hypothesis, not words reported.
        let conditional = |i: usize| matches!(w[i].lower.as_str(), "si" | "s" | "if" | "unless");
        let hypothesis = s.checked_sub(1).is_some_and(conditional)
            || (s >= 2 && conditional(s - 2) && PRONOUNS.contains(&w[s - 1].lower.as_str()));
        if hypothesis {
            continue;
        }
        let after_start = word.range.end;
        let after = &text[after_start..];
        // "a lancé" is speech only after the words ("« … », a lancé X"), not in "X a lancé une offensive".
        let weak = word.lower == "lancé";
        match subject {
            Some(_) if weak => continue,
            Some(subject) if is_speaker(&text[subject.clone()]) => {
                let mut rest = content_after(text, after_start, &w[k + 1..]);
                let that_or_quote = rest.start > after_start;
                // "urged both sides to return": an appeal, not words reported.
                if word.lower == "urged" && rest.start == after_start {
                    continue;
                }
                if rest.start == after_start {
                    // "told reporters the licence could…": the one told is not the words.
                    if matches!(word.lower.as_str(), "told" | "tells" | "tell") {
                        rest.start = past_addressee(text, &w[k + 1..], rest.start).min(rest.end);
                    }
                    // "l'a répété devant la salle : « … »": the words after the colon.
                    rest.start = past_colon(text, rest.clone());
                }
                let subject_start = subject_start.unwrap_or(subject.start);
                // "…, and travel agents reported a rush of calls": a clause
                // joined before the subject is the writer's, not the words.
                let coordinated = words(&text[subject.clone()])
                    .first()
                    .is_some_and(|f| matches!(f.lower.as_str(), "and" | "et" | "but" | "mais"));
                // "Content, X said on Tuesday." / "\"Content,\" he told a meeting.":
                // a clause before the speaker, and no `that` or quote after the verb.
                let lead = text[..subject_start].trim_end();
                let introduced = that_or_quote
                    || text[after_start..]
                        .trim_start()
                        .starts_with([':', '«', '"', '“']);
                // "In an interview with the BBC, Mr Obama said it was…": a lead
                // opening on a preposition or a connective is a circumstance, not
                // the words said.
                let adjunct = !lead.contains(['"', '«', '“'])
                    && words(lead)
                        .first()
                        .is_some_and(|f| ADJUNCT_OPENERS.contains(&f.lower.as_str()));
                if SAYING_WITH_A_CLAUSE.contains(&word.lower.as_str()) && !introduced {
                    continue;
                }
                // A quotation closed just before the speaker is the words,
                // however short ("\"Nobody came,\" she told reporters").
                let quoted_lead = lead
                    .strip_suffix(['"', '»', '”'])
                    .is_some_and(|inside| inside.contains(['"', '«', '“']));
                let content_first = (word_count(lead) >= 4 || quoted_lead)
                    && lead.ends_with([',', '"', '»', '”'])
                    && !introduced
                    && !adjunct
                    && !coordinated;
                // "…, and travel agents reported a rush of calls": a thing
                // reported (an indefinite object), not words.
                let object = words(&text[rest.clone()])
                    .first()
                    .is_some_and(|f| matches!(f.lower.as_str(), "a" | "an" | "un" | "une"));
                if coordinated && !introduced && object {
                    continue;
                }
                // French reports words only after `que`, a colon or a
                // quotation. « L'association l'a annoncé mardi soir, lors
                // d'une assemblée… »: what follows a clitic object is when and
                // where, the thing said is behind. « Le ministère a annoncé en
                // mars un fonds…, mais son montant… est jugé insuffisant »: a
                // noun phrase after the verb is the thing announced, and it
                // ends at the first comma; what follows is the writer's.
                let bare = !introduced
                    && !content_first
                    && is_french(&w)
                    && !text[rest.clone()].contains(['«', '"', '“']);
                if bare {
                    let object_clitic = w[s..head]
                        .iter()
                        .any(|x| matches!(x.lower.as_str(), "l" | "le" | "la" | "les"));
                    if object_clitic {
                        continue;
                    }
                    rest.start = past_time(text, &w[k + 1..], rest.start).min(rest.end);
                    if let Some(comma) = text[rest.clone()].find(',') {
                        rest.end = rest.start + comma;
                    }
                }
                // "President Obama also said:" announces what follows (a list).
                if text[after_start..].trim() == ":" {
                    return Some((subject, after_start..after_start, cue, None, marker));
                }
                if content_first
                    || rest.is_empty()
                    || text[rest.clone()]
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        .is_empty()
                {
                    // "…," X said. / « … », ajoute X.
                    let end = clause_start(text, subject_start);
                    let before = 0..end;
                    if text[before.clone()].trim().is_empty() {
                        continue;
                    }
                    return Some((subject, before, cue, None, marker));
                }
                return Some((subject, rest, cue, None, marker));
            }
            Some(_) => continue,
            None => {
                // « Les écoles de conduite, elles, dénoncent un système… »: a
                // subject set off by its pronoun, not words before an
                // inverted speaker.
                let dislocated = s.checked_sub(1).is_some_and(|p| {
                    matches!(
                        w[p].lower.as_str(),
                        "elle" | "elles" | "il" | "ils" | "eux" | "lui" | "they" | "he" | "she"
                    )
                }) && !inverted;
                if dislocated {
                    continue;
                }
                // Inverted: "…, a déclaré X." / "…, said X." / "a-t-il ajouté".
                let start = text[..w[s].range.start].trim_end();
                if !start.ends_with([',', '»', '"', '”', ':']) || start.trim().is_empty() {
                    continue;
                }
                // "X, a ajouté : « … »": a colon or a quotation after the verb
                // opens the words; no subject stands there.
                if after.trim_start().starts_with([':', '«', '"', '“']) && !inverted {
                    continue;
                }
                let content = 0..start.len();
                if let Some(a) = inverted_aux {
                    let aux = &w[a];
                    let pronoun = aux.lower.rsplit('-').next().unwrap_or_default().len();
                    return Some((
                        aux.range.end - pronoun..aux.range.end,
                        content,
                        cue,
                        None,
                        marker,
                    ));
                }
                if inverted {
                    let pronoun = text[word.range.end..]
                        .trim_start_matches("-t")
                        .trim_start_matches('-');
                    let len = pronoun
                        .find(|c: char| !c.is_alphabetic())
                        .unwrap_or(pronoun.len());
                    let from = text.len() - pronoun.len();
                    return Some((from..from + len, content, cue, None, marker));
                }
                let speaker_start = past_circumstance(text, &w[k + 1..])?;
                let clause = clause_end(text, speaker_start);
                // The subject after the verb ends its clause: "…, said X." or
                // "…, said X, who…", never "…, said ministers had \"run…\"".
                if text[clause..].trim_start().starts_with(['"', '“', '«']) {
                    continue;
                }
                let speaker_end = relative_end(text, speaker_start, clause);
                let mut speaker = speaker_start..speaker_end;
                // "a lancé son président, Bruno Vernier, devant…": the name.
                // (From the clause's end: "l'adjointe chargée du commerce, Claire
                // Le Goff" keeps its name though its participle was cut.)
                if let Some(rest) = text[clause..].strip_prefix(", ") {
                    let name_end = clause_end(text, clause + 2);
                    let name = &text[clause + 2..name_end];
                    if name_end > clause + 2
                        && word_count(name) <= 4
                        && name
                            .split_whitespace()
                            .all(|w| w.starts_with(char::is_uppercase))
                        && rest.len() >= name.len()
                    {
                        speaker = clause + 2..name_end;
                    }
                }
                // "Amina Hussain, a nurse…, told the Yorkshire Post she would…": a
                // speaker after the verb is a short phrase, not the rest of the sentence.
                // "…, estime l'établissement public": after a verb of saying
                // that closes the words, a noun phrase is its subject, whatever
                // its noun.
                let phrase = &text[speaker.clone()];
                if after.trim_start().starts_with(['«', '"', '“'])
                    || word_count(phrase) > 8
                    || !(is_speaker(phrase) || is_noun_phrase(phrase))
                {
                    continue;
                }
                return Some((speaker, content, cue, None, marker));
            }
        }
    }
    None
}

/// Past a time right after the verb (« a annoncé en mars un fonds »,
/// « mardi soir »): when it was said, not what.
fn past_time(text: &str, rest: &[Word], from: usize) -> usize {
    let mut at = from;
    let mut i = rest
        .iter()
        .position(|x| x.range.start >= from)
        .unwrap_or(rest.len());
    loop {
        let Some(word) = rest.get(i) else {
            return at;
        };
        let next = rest.get(i + 1).map(|x| x.lower.as_str());
        let taken = if sentence::DAYS.contains(&word.lower.as_str())
            || matches!(
                word.lower.as_str(),
                "hier" | "aujourd" | "soir" | "matin" | "midi"
            ) {
            1
        } else if word.lower == "en"
            && next.is_some_and(|n| {
                sentence::MONTHS.contains(&n)
                    || n.len() == 4 && n.chars().all(|c| c.is_ascii_digit())
            })
        {
            2
        } else {
            return at;
        };
        i += taken;
        at = rest.get(i).map_or(text.len(), |x| x.range.start);
    }
}

/// Prepositions that end an agent's noun phrase ("by the institute among
/// 1,200 staff", « par le syndicat auprès de 1 200 salariés »).
const AFTER_AGENT: &[&str] = &[
    "auprès", "parmi", "sur", "dans", "pour", "avec", "entre", "à", "en", "among", "with", "from",
    "in", "on", "for", "between", "at", "to", "after", "après", "since", "depuis",
];

/// A past participle, French or English ("publié", "menée", "published",
/// "carried"): a noun phrase cut after one is cut in the middle.
fn is_participle(word: &str) -> bool {
    let long = word.chars().count() > 4;
    let french = ["é", "ée", "és", "ées"].iter().any(|e| word.ends_with(e));
    let english = word.ends_with("ed")
        || matches!(
            word,
            "made" | "written" | "given" | "drawn" | "taken" | "shown"
        );
    long && (french || english)
}

/// Whether a sentence is French, by its commonest words: the finder reads
/// both languages, and a few rules hold in one only.
fn is_french(w: &[Word]) -> bool {
    const FRENCH: &[&str] = &[
        "le", "la", "les", "des", "du", "une", "est", "et", "que", "qui", "pour", "dans", "au",
        "aux", "sur", "pas", "l", "d",
    ];
    const ENGLISH: &[&str] = &[
        "the", "and", "of", "to", "is", "was", "that", "for", "in", "on", "it", "with",
    ];
    let count = |list: &[&str]| {
        w.iter()
            .filter(|x| list.contains(&x.lower.as_str()))
            .count()
    };
    count(FRENCH) > count(ENGLISH)
}

/// A French infinitive ("repérer", "agir", "prendre"): after "pour" it
/// gives a purpose, never whose view follows.
fn is_infinitive(word: &str) -> bool {
    !DETERMINERS.contains(&word)
        && (word.ends_with("er") || word.ends_with("ir") || word.ends_with("re"))
        && word.chars().count() > 3
}

/// Discourse connectives that open a sentence: capitalised there, never a name.
const CONNECTIVES: &[&str] = &[
    "ainsi",
    "donc",
    "enfin",
    "puis",
    "alors",
    "aussi",
    "cependant",
    "pourtant",
    "toutefois",
    "néanmoins",
    "désormais",
    "thus",
    "also",
    "so",
    "yet",
    "still",
    "meanwhile",
    "moreover",
    "however",
    "therefore",
    "instead",
    "indeed",
    "now",
    "then",
];

/// Where a noun phrase ends before its relative clause ("Leigh Sears who is
/// the manager", "Berne qui se rallie…"): the relative is about the speaker,
/// not part of their name.
///
/// A participle after the noun is a relative too ("a retired fisherman
/// waiting at the desk"), but not a modifier before it ("a fishing guide").
fn relative_end(text: &str, start: usize, end: usize) -> usize {
    let phrase = &text[start..end];
    let list = words(phrase);
    list.iter()
        .enumerate()
        .skip(1)
        .find(|(i, w)| {
            matches!(w.lower.as_str(), "who" | "qui" | "which" | "whose" | "dont")
                // "un communiqué de la compagnie publié dans la nuit".
                || (*i >= 2
                    && ["é", "ée", "és", "ées"].iter().any(|e| w.lower.ends_with(e))
                    && w.lower.chars().count() > 4
                    && !DETERMINERS.contains(&list[*i - 1].lower.as_str())
                    && !matches!(list[*i - 1].lower.as_str(), "de" | "d" | "du" | "des"))
                || (*i >= 2
                    && w.lower.len() > 5
                    && w.lower.ends_with("ing")
                    && phrase[w.range.clone()].starts_with(char::is_lowercase)
                    // "someone at the meeting": after an article, a noun.
                    && !DETERMINERS.contains(&list[*i - 1].lower.as_str()))
        })
        .map_or(end, |(_, w)| {
            start + text[start..start + w.range.start].trim_end().len()
        })
}

/// Where an inverted subject starts, past when and to whom it was said: "a
/// indiqué mardi soir à l'AFP la direction de la SNCF", "a déclaré sur
/// BFMTV le ministre" (a day, a time of day, a prepositional phrase before
/// the noun phrase).
fn past_circumstance(text: &str, after: &[Word]) -> Option<usize> {
    let mut i = 0;
    while after.get(i).is_some_and(|x| {
        sentence::DAYS.contains(&x.lower.as_str()) || NOT_THE_SPEAKER.contains(&x.lower.as_str())
    }) {
        i += 1;
    }
    let first = after.get(i)?;
    if matches!(
        first.lower.as_str(),
        "à" | "au" | "aux" | "sur" | "dans" | "devant" | "lors" | "to" | "on"
    ) {
        // The noun phrase that follows the preposition's own.
        let next = after[i + 1..]
            .iter()
            .enumerate()
            .skip(1)
            .find(|(_, x)| {
                matches!(
                    x.lower.as_str(),
                    "le" | "la" | "les" | "l" | "un" | "une" | "the" | "a" | "an"
                )
            })
            .map(|(n, _)| i + 1 + n);
        if let Some(n) = next.filter(|&n| n <= i + 4) {
            let between = &text[first.range.start..after[n].range.start];
            if !between.contains([',', ';', ':', '«', '»', '"', '“', '”']) {
                return Some(after[n].range.start);
            }
        }
    }
    let _ = text;
    Some(first.range.start)
}

/// Words that open a noun phrase: articles, possessives, demonstratives and
/// numerals ("l'établissement public", "one customer").
const NOUN_PHRASE_OPENERS: &[&str] = &[
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "des",
    "du",
    "ce",
    "cet",
    "cette",
    "ces",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "notre",
    "nos",
    "plusieurs",
    "certains",
    "certaines",
    "deux",
    "trois",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "one",
    "its",
    "his",
    "her",
    "their",
    "our",
    "several",
    "some",
    "two",
    "three",
    "many",
];

/// Whether a phrase has the shape of a noun phrase: an opener and a noun,
/// no verb of saying, no sentence inside.
fn is_noun_phrase(phrase: &str) -> bool {
    let list = words(phrase);
    list.len() >= 2
        && NOUN_PHRASE_OPENERS.contains(&list[0].lower.as_str())
        && list.iter().all(|w| verb_cue(&w.lower).is_none())
        && sentence::split(phrase).len() == 1
}

/// Whether text ending here leaves a quotation open.
fn inside_quotes(before: &str) -> bool {
    let count = |c: char| before.matches(c).count();
    count('«') > count('»') || count('“') > count('”') || count('"') % 2 == 1
}

/// `a-t-il`, `souligne-t-elle`, `ont-ils`: a verb with its subject pronoun
/// after it.
fn is_inverted(word: &str) -> bool {
    let parts: Vec<&str> = word.split('-').collect();
    match parts.as_slice() {
        [_, "t", pronoun] | [_, pronoun] => {
            matches!(*pronoun, "il" | "elle" | "ils" | "elles" | "on")
        }
        _ => false,
    }
}

fn ends_clause(between: &str) -> bool {
    between.contains([',', ';', ':', '«', '»', '"', '“', '”', '(', ')', '—'])
}

/// Where the clause holding `at` starts: after the last comma, colon, quote…
fn clause_start(text: &str, at: usize) -> usize {
    text[..at]
        .rfind([',', ';', ':', '«', '»', '"', '“', '”', '(', '—'])
        .map_or(0, |i| i)
        .min(at)
}

/// Where the clause starting at `from` ends (not at the stop of `M.` or `Dr.`).
fn clause_end(text: &str, from: usize) -> usize {
    text[from..]
        .char_indices()
        .find(|&(i, c)| match c {
            '.' => !sentence::is_abbreviation(text, from + i, c),
            c => matches!(
                c,
                ',' | ';' | ':' | '(' | '«' | '»' | '"' | '“' | '”' | '!' | '?'
            ),
        })
        .map_or(text.len(), |(i, _)| from + i)
}

/// The noun phrase ending at `end`, back to the clause start.
fn subject_before(text: &str, end: usize) -> Option<Range<usize>> {
    let mark = |upto: usize| {
        text[..upto]
            .rfind([',', ';', ':', '«', '»', '"', '“', '”', '(', ')', '—'])
            .map_or(0, |i| {
                i + text[i..].chars().next().map_or(1, char::len_utf8)
            })
    };
    let mut start = mark(end);
    // "The Department for Culture, Media and Sport said": a list of
    // capitalised words closed by "and" is one name, commas and all.
    let capitalised = |part: &str| {
        words(part).iter().all(|w| {
            w.lower == "and"
                || w.lower == "et"
                || part[w.range.clone()].starts_with(char::is_uppercase)
        })
    };
    while start > 0
        && text[..start].ends_with(',')
        && words(&text[start..end])
            .iter()
            .any(|w| w.lower == "and" || w.lower == "et")
        && capitalised(&text[start..end])
    {
        let before = mark(start - 1);
        let part = &text[before..start - 1];
        if part.trim().is_empty()
            || !part
                .split_whitespace()
                .last()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
        {
            break;
        }
        start = before;
    }
    let segment = text[start..end].trim_start();
    (!segment.is_empty() && word_count(segment) <= 10).then(|| end - segment.len()..end)
}

/// "John Smith, the mayor, said": the name before the apposition; "The
/// agency's area manager, Claire Whitmore, told": the name in apposition;
/// "Lorraine Whitby, 67, from Truro, said": the name before an age and a
/// place. Gives the name and where the whole subject starts.
fn apposition(text: &str, verb_start: usize) -> Option<(Range<usize>, usize)> {
    let before = text[..verb_start].trim_end().strip_suffix(',')?;
    let open = before
        .rfind([';', ':', '«', '»', '"', '“', '”', '('])
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    // The parts between commas, as trimmed ranges in `before`.
    let mut parts = Vec::new();
    let mut at = open;
    // ", " and not ",": a decimal comma ("0,3 mètre") joins a number.
    for part in before[open..].split(", ") {
        let lead = part.len() - part.trim_start().len();
        parts.push(at + lead..at + part.trim_end().len());
        at += part.len() + 2;
    }
    if parts.len() < 2 {
        return None;
    }
    let text_of = |r: &Range<usize>| &before[r.clone()];
    // An apposition that describes: an age ("67", "46 ans"), a relative
    // or a participle ("who said…", "speaking on condition…"), a place
    // ("from Truro"), or a noun phrase after a name ("Jane Doe, a union
    // official"). A noun phrase after another description is the subject
    // ("…, the source, who said…, told").
    let describes = |i: usize| {
        let part = text_of(&parts[i]);
        let Some(first) = words(part).first().map(|f| f.lower.clone()) else {
            return false;
        };
        let lower = part.starts_with(char::is_lowercase);
        let linking = matches!(
            first.as_str(),
            "who"
                | "which"
                | "whose"
                | "qui"
                | "dont"
                | "from"
                | "of"
                | "at"
                | "in"
                | "de"
                | "du"
                | "d"
                | "à"
                | "originaire"
        ) || first.ends_with("ing")
            || ["é", "ée", "és", "ées", "u", "ue", "is", "ise"]
                .iter()
                .any(|e| first.ends_with(e) && first.chars().count() > 4);
        // After a name, or after an age that follows one ("Ms Lee, 42, a nurse").
        let after_name = i > 0
            && text_of(&parts[i - 1]).starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        word_count(part) <= 16
            && (part.starts_with(|c: char| c.is_ascii_digit())
                || (lower && (linking || after_name)))
    };
    let last = parts.len() - 1;
    let mut i = last;
    while i > 0 && describes(i) {
        i -= 1;
    }
    let name = text_of(&parts[i]);
    // Capitalised words only, with at most a leading article ("les Chassaing").
    let is_name = |p: &str| {
        let list: Vec<&str> = p.split_whitespace().collect();
        let body = match list.first() {
            Some(first) if matches!(first.to_lowercase().as_str(), "les" | "the") => &list[1..],
            _ => &list[..],
        };
        (1..=4).contains(&body.len()) && body.iter().all(|w| w.starts_with(char::is_uppercase))
    };
    if i > 0 && is_name(name) {
        // "Le maire de La Garde-Freinet, Pierre Jourdan, estime": the name is
        // the apposition of the role before it, when the role is someone or
        // the name is a person's (two words or more).
        let role = text_of(&parts[i - 1]);
        if CONNECTIVES.contains(&role.to_lowercase().as_str()) {
            return None;
        }
        let person = name.split_whitespace().count() >= 2;
        let whole = parts[i - 1].start;
        // "But Labour's health spokeswoman, Jo Kerr, said": a conjunction
        // joins the clause, it does not open a circumstance.
        let opener = words(role)
            .first()
            .map(|w| w.lower.clone())
            .unwrap_or_default();
        let conjunction = matches!(opener.as_str(), "but" | "and" | "mais" | "et");
        let role_is_subject = word_count(role) <= 8
            && (is_speaker(role) || is_noun_phrase(role))
            && (conjunction || !ADJUNCT_OPENERS.contains(&opener.as_str()));
        // ("Son compagnon, Thomas, a ajouté": one name after a noun phrase
        // is that noun phrase's name too.)
        if role_is_subject && (person || is_speaker(role) || is_noun_phrase(role)) {
            return Some((parts[i].clone(), whole));
        }
    }
    if i == last {
        return None;
    }
    if CONNECTIVES.contains(&name.to_lowercase().as_str()) {
        return None;
    }
    // "One senior manager at the company, speaking on condition of anonymity, admitted".
    (word_count(name) <= 8 && is_speaker(name)).then(|| (parts[i].clone(), parts[i].start))
}

/// Whether the words between a subject and its verb close a quotation
/// before a comma ("» ,", "\",", ",\""): the quotation is the words said.
fn closes_quotation(between: &str) -> bool {
    between.contains(',') && between.contains(['»', '”', '"'])
}

/// Whether the verb at `head` is negated: a negation among the three words
/// before it, in its clause ("n'a en revanche pas dit", "did not say",
/// "didn't say").
fn is_negated(text: &str, w: &[Word], head: usize) -> bool {
    // "ne précise pas si…", "n'a rien dit": French "ne" before the verb and
    // its second half after it, in simple tenses.
    let ne = (1..=3).any(|n| {
        head.checked_sub(n).is_some_and(|i| {
            matches!(w[i].lower.as_str(), "ne" | "n")
                && !ends_clause(&text[w[i].range.end..w[head].range.start])
        })
    });
    let second_half = w.get(head + 1).is_some_and(|x| {
        matches!(
            x.lower.as_str(),
            "pas" | "jamais" | "point" | "guère" | "nullement" | "plus" | "rien"
        )
    });
    if ne && second_half {
        return true;
    }
    let mut i = head;
    for _ in 0..3 {
        if i == 0 || ends_clause(&text[w[i - 1].range.end..w[i].range.start]) {
            return false;
        }
        i -= 1;
        if NEGATIONS.contains(&w[i].lower.as_str()) {
            return true;
        }
    }
    false
}

/// Auxiliaries that hold adverbs before their participle.
const AUXILIARY_VERBS: &[&str] = &[
    "a", "ont", "avait", "avaient", "aurait", "auraient", "has", "have", "had", "would", "will",
];

/// "a toutefois rappelé", "has since said": where the auxiliary stands when
/// one to three adverbs separate it from the verb, the word at `s` being the
/// verb or the first word after those adverbs. French "a" counts only
/// before a French participle, since in English it is an article ("a
/// spokesman for a company said").
fn adverbs_after_auxiliary(text: &str, w: &[Word], s: usize, verb: &str) -> Option<usize> {
    let participle = ["é", "i", "u", "is", "it"]
        .iter()
        .any(|end| verb.ends_with(end));
    (1..=3).find_map(|n| {
        let aux = s.checked_sub(n + 1)?;
        let between = &w[aux + 1..s];
        let joined = (aux..s).all(|j| !ends_clause(&text[w[j].range.end..w[j + 1].range.start]));
        let lower = between
            .iter()
            .all(|x| text[x.range.clone()].starts_with(char::is_lowercase));
        let word = w[aux].lower.as_str();
        let auxiliary = AUXILIARY_VERBS.contains(&word) && (word != "a" || participle);
        (joined && lower && auxiliary).then_some(aux)
    })
}

/// "told reporters the licence could…", "told the BBC it was…": past the one
/// told (a bare noun, a name, or an article and a name) to the words.
fn past_addressee(text: &str, rest: &[Word], from: usize) -> usize {
    let capital = |x: &Word| text[x.range.clone()].starts_with(char::is_uppercase);
    // Capitalised words that follow word `i` with only spaces between
    // ("the BBC", not "the BBC: \"We…").
    let name_run = |i: usize| {
        (i + 1..rest.len())
            .take_while(|&j| {
                capital(&rest[j])
                    && text[rest[j - 1].range.end..rest[j].range.start]
                        .chars()
                        .all(char::is_whitespace)
            })
            .count()
    };
    // Words that open the clause told: "told the council the works would…".
    const OPENS: &[&str] = &[
        "the", "a", "an", "it", "he", "she", "they", "we", "i", "its", "his", "her", "their",
        "this", "there",
    ];
    let mut i = 0;
    match rest.first() {
        Some(first) if matches!(first.lower.as_str(), "the" | "a") => {
            i = 1 + name_run(0);
            if i == 1 {
                let opens = rest
                    .get(2)
                    .is_some_and(|x| OPENS.contains(&x.lower.as_str()));
                if !opens {
                    return from;
                }
                i = 2;
            }
        }
        Some(first)
            if capital(first)
                || matches!(first.lower.as_str(), "him" | "her" | "them" | "me" | "us")
                || (first.lower.ends_with('s') && first.lower.len() > 3) =>
        {
            i = 1 + name_run(0);
        }
        _ => {}
    }
    // Only when words follow; "told reporters." keeps nothing to skip.
    // From the end of the one told, so that a colon or an opening quotation
    // mark is trimmed with the words.
    match rest.get(i) {
        Some(_) if i > 0 => rest[i - 1].range.end,
        _ => from,
    }
}

/// "répété devant la salle : « Sans tirs… »": a colon opening a quotation
/// starts the words, past the circumstance before it.
fn past_colon(text: &str, rest: Range<usize>) -> usize {
    let inner = &text[rest.clone()];
    let Some(colon) = inner.find(':') else {
        return rest.start;
    };
    let lead = &inner[..colon];
    let quoted = inner[colon + 1..].trim_start().starts_with(['«', '"', '“']);
    if quoted && !lead.contains(['«', '"', '“', '»', '”']) && word_count(lead) <= 8 {
        rest.start + colon + 1
    } else {
        rest.start
    }
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// The words after the verb: past an indirect object ("told Reuters"), `que`, `that`, `:`.
fn content_after(text: &str, from: usize, rest: &[Word]) -> Range<usize> {
    let mut start = from;
    // "que" of "tandis que", "alors que", "parce que", "that" of "so
    // that": a conjunction opening another clause, not the words said.
    let compound = |i: usize| {
        i > 0
            && matches!(
                rest[i - 1].lower.as_str(),
                "tandis"
                    | "alors"
                    | "bien"
                    | "parce"
                    | "pendant"
                    | "dès"
                    | "ainsi"
                    | "afin"
                    | "avant"
                    | "sans"
                    | "pour"
                    | "après"
                    | "depuis"
                    | "lors"
                    | "sauf"
                    | "so"
                    | "now"
                    | "given"
                    | "such"
                    | "except"
                    | "provided"
            )
    };
    // "The Reids said that would close the business": "that" before a verb
    // is the subject of the words, not the conjunction, and stays in them.
    let pronoun = |i: usize| {
        rest[i].lower == "that"
            && rest.get(i + 1).is_some_and(|n| {
                matches!(
                    n.lower.as_str(),
                    "would"
                        | "will"
                        | "could"
                        | "can"
                        | "was"
                        | "is"
                        | "had"
                        | "has"
                        | "meant"
                        | "means"
                        | "might"
                        | "may"
                        | "should"
                        | "must"
                )
            })
    };
    // "said in a survey published on Thursday that 72%…": a circumstance
    // after the verb may hold the conjunction further off.
    let circumstance = rest.first().is_some_and(|w| {
        matches!(
            w.lower.as_str(),
            "in" | "on"
                | "at"
                | "during"
                | "after"
                | "dans"
                | "lors"
                | "au"
                | "en"
                | "devant"
                | "à"
        )
    });
    let reach = if circumstance { 12 } else { 5 };
    if let Some(that) = rest
        .iter()
        .take(reach)
        .position(|w| matches!(w.lower.as_str(), "que" | "qu" | "that"))
        .filter(|&i| !compound(i))
    {
        start = if pronoun(that) {
            rest[that].range.start
        } else {
            rest[that].range.end
        };
    }
    let mut end = text.len();
    // Stop before a second action: ", soulignant…", ", adding…", " et cherchent…".
    for (i, w) in rest.iter().enumerate() {
        if w.range.start < start || i == 0 {
            continue;
        }
        let gap = &text[rest[i - 1].range.end..w.range.start];
        // ", while others warn…", ", tandis que…": a contrast brings in another voice.
        let contrast = gap.contains(',')
            && (matches!(w.lower.as_str(), "while" | "whereas" | "tandis")
                || (w.lower == "alors" && rest.get(i + 1).is_some_and(|n| n.lower == "que")));
        let participle = gap.contains(',')
            && (contrast || w.lower.ends_with("ant") || w.lower == "adding" || w.lower == "saying");
        // « …, et ne cache pas son amertume »: a negated verb after « et »
        // is another action of the subject's too.
        let conjugated = rest[i - 1].lower == "et"
            && (w.lower.ends_with("ent")
                || w.lower.ends_with("ont")
                || matches!(w.lower.as_str(), "ne" | "n"))
            && i >= 2;
        // "said he would consider it carefully, but gave no timeline": what
        // the speaker did (a past verb after "but"), told by the writer.
        let did = matches!(rest[i - 1].lower.as_str(), "but" | "mais")
            && i >= 2
            && rest[i - 1].range.start > start
            && (matches!(
                w.lower.as_str(),
                "gave"
                    | "did"
                    | "made"
                    | "took"
                    | "offered"
                    | "refused"
                    | "declined"
                    | "stopped"
                    | "kept"
                    | "left"
                    | "n"
                    | "ne"
                    | "a"
                    | "refuse"
                    | "a-t-il"
                    | "a-t-elle"
            ) || (w.lower.ends_with("ed") && w.lower.len() > 4))
            && verb_cue(&w.lower).is_none();
        if did {
            end = rest[i - 1].range.start;
            break;
        }
        // "argued that the ferry was a lifeline and called for a subsidy":
        // a demand of the same speaker, not the words (a second verb of
        // saying, "…and warned that…", is split off as its own attribution).
        let another_saying = matches!(rest[i - 1].lower.as_str(), "and" | "et")
            && i >= 2
            && rest[i - 1].range.start > start
            && verb_cue(&w.lower).is_none()
            && matches!(
                w.lower.as_str(),
                "called" | "urged" | "demanded" | "appealed" | "réclamé" | "demandé" | "appelé"
            );
        if another_saying {
            end = rest[i - 1].range.start;
            break;
        }
        if participle {
            end = rest[i - 1].range.end + gap.find(',').unwrap_or(0);
            break;
        }
        if conjugated {
            end = rest[i - 1].range.start;
            break;
        }
    }
    start..end.max(start)
}

/// Trims punctuation, and quote marks that enclose the whole, off the words attributed.
fn trim_content(text: &str, range: Range<usize>) -> Range<usize> {
    let inner = &text[range.clone()];
    let lead = |c: char| c.is_whitespace() || matches!(c, ',' | ':' | ';' | '—' | '–' | '\'' | '’');
    let trail = |c: char| c.is_whitespace() || matches!(c, ',' | '.' | ':' | ';');
    let mut trimmed = inner.trim_start_matches(lead).trim_end_matches(trail);
    let opens = |t: &str| t.starts_with(['«', '"', '“']);
    let closes = |t: &str| t.ends_with(['»', '"', '”']);
    let interior = |t: &str| {
        t.chars()
            .skip(1)
            .take(t.chars().count().saturating_sub(2))
            .any(|c| matches!(c, '«' | '»' | '"' | '“' | '”'))
    };
    if opens(trimmed)
        && (closes(trimmed)
            || !trimmed
                .chars()
                .skip(1)
                .any(|c| matches!(c, '»' | '"' | '”')))
        && !interior(trimmed)
    {
        trimmed = trimmed
            .trim_start_matches(['«', '"', '“'])
            .trim_end_matches(['»', '"', '”'])
            .trim_matches(|c: char| lead(c) || trail(c));
    }
    // "HEREFORD, England - Two families…": a dateline is the wire's, not
    // the words.
    trimmed = without_dateline(trimmed);
    // Every trim above returns a slice of `inner`: its offset is the pointer distance.
    let start = range.start + (trimmed.as_ptr() as usize - inner.as_ptr() as usize);
    start..start + trimmed.len()
}

/// Text without its opening dateline: a place in capitals, then at most a
/// few words, then a dash ("HEREFORD, England - ", "PARIS (AFP) — ").
fn without_dateline(text: &str) -> &str {
    let first: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
    if first.chars().count() < 3 || !first.chars().all(char::is_uppercase) {
        return text;
    }
    for dash in [" - ", " — ", " – "] {
        if let Some(at) = text.find(dash)
            && word_count(&text[..at]) <= 5
            && !text[..at].contains(['.', '«', '"', '“'])
        {
            return text[at + dash.len()..].trim_start();
        }
    }
    text
}

/// Words that can stand between a verb and its inverted subject, or open a
/// subject, without being part of the noun phrase: a day or a time ("a
/// déclaré jeudi le ministre"), a conjunction ("but the editor said").
const NOT_THE_SPEAKER: &[&str] = &[
    "aujourd'hui",
    "matin",
    "soir",
    "midi",
    "encore",
    "aussi",
    "also",
    "on",
    "but",
    "and",
    "mais",
    "et",
    "then",
    "later",
    "ensuite",
    "enfin",
    "finalement",
];

fn clean_speaker(raw: &str) -> String {
    let mut s = raw.trim().trim_end_matches(['.', ',']).to_owned();
    loop {
        let first = s
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_lowercase();
        let rest = s.split_once(' ').map(|(_, r)| r.trim_start().to_owned());
        match rest {
            Some(rest)
                if (sentence::DAYS.contains(&first.as_str())
                    || NOT_THE_SPEAKER.contains(&first.as_str()))
                    && !rest.is_empty() =>
            {
                s = rest
            }
            _ => break,
        }
    }
    for prefix in [
        "les déclarations d'",
        "les déclarations d’",
        "les déclarations de ",
        "des déclarations de ",
        "les propos d'",
        "les propos d’",
        "les propos de ",
        "les informations de ",
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.to_owned();
        }
    }
    for (prefix, article) in [("les déclarations du ", "le "), ("les propos du ", "le ")] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = format!("{article}{rest}");
        }
    }
    without_circumstance(&s).to_owned()
}

/// A speaker without the time or channel that follows it after an inverted
/// verb or before one ("précise l'OFAG jeudi dans un communiqué", "Microsoft
/// in 2017 announced"): when and where it spoke, not who.
fn without_circumstance(speaker: &str) -> &str {
    const WHEN: &[&str] = sentence::DAYS;
    let list = words(speaker);
    for (n, w) in list.iter().enumerate().skip(1) {
        let next = list.get(n + 1).map(|x| x.lower.as_str());
        let year = next.is_some_and(|x| x.len() == 4 && x.chars().all(|c| c.is_ascii_digit()));
        let channel = matches!(
            (w.lower.as_str(), next),
            ("dans", Some("un" | "une")) | ("in", Some("a" | "an")) | ("lors", _)
        );
        let at_time = matches!(w.lower.as_str(), "in" | "en" | "on")
            && (year || next.is_some_and(|x| WHEN.contains(&x)));
        if WHEN.contains(&w.lower.as_str()) || at_time || channel {
            let mut cut = speaker[..w.range.start].trim_end().trim_end_matches(',');
            // "un sondage Ifop publié dimanche": the participle went with the day.
            let kept = words(cut);
            if let [.., before, last] = kept.as_slice()
                && is_participle(&last.lower)
            {
                // "figures published on Tuesday by the Scottish government's
                // Fish Health Inspectorate": the agent is who gives them.
                let agent = list[n..]
                    .iter()
                    .position(|x| x.lower == "by" || x.lower == "par")
                    .map(|b| list[n + b].range.end)
                    .map(|from| {
                        // "…par le syndicat CFDT auprès de 1 200 salariés":
                        // whom it asked is not who it is.
                        let agent = &speaker[from..];
                        let end = words(agent)
                            .iter()
                            .skip(1)
                            .find(|x| AFTER_AGENT.contains(&x.lower.as_str()))
                            .map_or(agent.len(), |x| x.range.start);
                        agent[..end].trim().trim_end_matches(',')
                    })
                    .filter(|agent| starts_with_determiner(agent) || is_proper_name(agent));
                if let Some(agent) = agent {
                    return agent;
                }
                if kept.len() >= 3 && !DETERMINERS.contains(&before.lower.as_str()) {
                    cut = cut[..before.range.end].trim_end();
                }
            }
            if !cut.is_empty() {
                return cut;
            }
        }
    }
    speaker
}

impl Attribution {
    /// The words attributed, without the cue's clause, from the paragraph's text.
    pub fn words(&self, paragraph: &str) -> String {
        let parts = self.cut.as_ref().and_then(|cut| {
            Some((
                paragraph.get(self.content.start..cut.start)?,
                paragraph.get(cut.end..self.content.end)?,
            ))
        });
        match parts {
            Some((before, after)) => format!("{} {}", before.trim_end(), after.trim_start()),
            None => paragraph
                .get(self.content.clone())
                .unwrap_or_default()
                .to_owned(),
        }
        .trim_end_matches(['.', ' '])
        .to_owned()
    }
}

/// The subject a sentence opens with, when it names someone: "Le préfet",
/// "Mr. Owen Price".
fn leading_subject(text: &str) -> Option<String> {
    // "The mayor, Tracy Brabin, urged…": the name in apposition.
    let mut parts = text.splitn(3, ',');
    if let (Some(noun), Some(name), Some(_)) = (parts.next(), parts.next(), parts.next()) {
        let name = name.trim();
        // "les Chassaing": a family named by its article and surname.
        let body = name
            .strip_prefix("les ")
            .or_else(|| name.strip_prefix("the "))
            .unwrap_or(name);
        let capitals = body
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase));
        // "Le gérant, Yannick Brossolet, 46 ans, conteste…": a noun phrase
        // and a name in apposition to it, whatever the noun.
        let noun_phrase = word_count(noun) <= 8
            && words(noun)
                .first()
                .is_some_and(|f| NOUN_PHRASE_OPENERS.contains(&f.lower.as_str()));
        if capitals
            && (1..=4).contains(&word_count(body))
            && ((word_count(noun) <= 5 && is_speaker(noun)) || noun_phrase)
        {
            return Some(name.to_owned());
        }
    }
    let w = words(text);
    let first = w.first()?;
    let capital = |word: &Word| text[word.range.clone()].starts_with(char::is_uppercase);
    let end = if DETERMINERS.contains(&first.lower.as_str()) {
        let noun = w.get(1)?;
        let run = w[1..].iter().take_while(|word| capital(word)).count();
        if run >= 1 {
            // "The World Health Organization", "… (WHO)" with its parenthesis closed.
            let mut end = w[run].range.end;
            if text[end..].starts_with(')') && text[..end].contains('(') {
                end += 1;
            }
            return Some(text[first.range.start..with_acronym(text, end)].to_owned());
        }
        let singular = noun.lower.strip_suffix('s').unwrap_or(&noun.lower);
        (SPEAKER_NOUNS.contains(&singular) || SPEAKER_NOUNS.contains(&noun.lower.as_str()))
            .then_some(noun.range.end)?
    } else {
        let run = w.iter().take_while(|word| capital(word)).count();
        (2..=4).contains(&run).then(|| w[run - 1].range.end)?
    };
    Some(text[first.range.start..end].to_owned())
}

/// [`leading_subject`], or a surname alone that a speaker named before
/// bears ("Hannah Price said… Price expects…").
fn sentence_subject(text: &str, named: &HashMap<String, usize>) -> Option<String> {
    if let Some(subject) = leading_subject(text) {
        return Some(subject);
    }
    let w = words(text);
    let (first, next) = (w.first()?, w.get(1)?);
    let word = &text[first.range.clone()];
    (word.starts_with(char::is_uppercase)
        && text[next.range.clone()].starts_with(char::is_lowercase)
        && named.get(&first.lower).is_some_and(|&len| len > word.len()))
    .then(|| word.to_owned())
}

/// Whether a sentence opens with a subject pronoun ("Elle a perdu…").
fn starts_with_pronoun(text: &str) -> bool {
    words(text)
        .first()
        .is_some_and(|f| PRONOUNS.contains(&f.lower.as_str()) || f.lower == "on")
}

/// Whether a sentence is a quotation and nothing else: « … », "…", “…”.
fn is_quotation(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.');
    t.starts_with(['«', '"', '“']) && t.ends_with(['»', '"', '”'])
}

/// Whether a sentence names someone: a capitalised word inside it, not its
/// first word and not inside a quotation.
fn names_someone(text: &str) -> bool {
    words(text).iter().skip(1).any(|w| {
        text[w.range.clone()].starts_with(char::is_uppercase)
            && !inside_quotes(&text[..w.range.start])
    })
}

/// Grammatical number, when a phrase shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Number {
    Singular,
    Plural,
}

/// Grammatical gender, when a phrase shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Masculine,
    Feminine,
}

/// The number and gender a name shows by its article or title ("la
/// ministre", "les Chassaing", "Mme Darrieux", "Mr Obama", "campaigners").
fn features(name: &str) -> (Option<Number>, Option<Gender>) {
    let list = words(name);
    let Some(first) = list.first() else {
        return (None, None);
    };
    let gender = match first.lower.as_str() {
        "la" | "une" | "cette" | "mme" | "madame" | "mlle" | "mrs" | "ms" | "miss" => {
            Some(Gender::Feminine)
        }
        "le" | "un" | "ce" | "cet" | "m" | "monsieur" | "mr" => Some(Gender::Masculine),
        _ => None,
    };
    let number = match first.lower.as_str() {
        "les" | "des" | "ces" | "plusieurs" | "certains" | "certaines" | "deux" | "trois"
        | "several" | "many" | "two" | "three" | "these" | "those" => Some(Number::Plural),
        "le" | "la" | "l" | "un" | "une" | "son" | "sa" | "ce" | "cet" | "cette" | "a" | "an"
        | "one" | "this" | "its" | "m" | "mme" | "mr" | "mrs" | "ms" | "dr" | "me" => {
            Some(Number::Singular)
        }
        _ => {
            // "Campaigners", "the administrators": a lower-case plural head.
            let last = list.last().map(|l| &name[l.range.clone()]);
            let plural_noun = last.is_some_and(|l| {
                l.starts_with(char::is_lowercase) && l.ends_with('s') && !l.ends_with("ss")
            });
            let capitalised = list
                .iter()
                .all(|w| name[w.range.clone()].starts_with(char::is_uppercase));
            if plural_noun || (list.len() == 1 && capitalised && name.ends_with('s')) {
                // A lone capitalised plural ("Campaigners") opens a sentence.
                (list.len() == 1 || plural_noun).then_some(Number::Plural)
            } else {
                None
            }
        }
    };
    (number, gender)
}

/// Whether a pronoun can refer to `name`: their number and gender, where
/// both show them, agree. English "they" also stands for a body ("the
/// union said they…"), so it excludes only one titled person.
fn agrees(pronoun: &str, name: &str) -> bool {
    let (number, gender) = features(name);
    let p = pronoun.to_lowercase();
    let (want_number, want_gender) = match p.as_str() {
        // English "he" and "she" are people, never a body or a document
        // ("the company", "the decision"), as French « il », « elle » may be.
        "he" | "him" | "she" | "her" if names_a_thing(name) => return false,
        "il" | "he" | "him" => (Number::Singular, Some(Gender::Masculine)),
        "lui" => (Number::Singular, Some(Gender::Masculine)),
        "elle" | "she" | "her" => (Number::Singular, Some(Gender::Feminine)),
        "ils" | "eux" => (Number::Plural, None),
        "elles" => (Number::Plural, Some(Gender::Feminine)),
        "they" | "them" => {
            let titled = words(name).first().is_some_and(|f| {
                matches!(f.lower.as_str(), "mr" | "mrs" | "ms" | "dr" | "m" | "mme")
            });
            return !titled;
        }
        _ => return true,
    };
    number.is_none_or(|n| n == want_number)
        && match (gender, want_gender) {
            (Some(g), Some(w)) => g == w,
            _ => true,
        }
}

/// Whether an English phrase names a body or a document, not a person: a
/// description whose head is such a noun ("the company", "the Land Court",
/// "the court's decision", "a report").
fn names_a_thing(name: &str) -> bool {
    const THINGS: &[&str] = &[
        "company",
        "firm",
        "group",
        "operator",
        "union",
        "organisation",
        "organization",
        "agency",
        "council",
        "court",
        "tribunal",
        "government",
        "ministry",
        "department",
        "authority",
        "board",
        "committee",
        "association",
        "trust",
        "charity",
        "party",
        "decision",
        "ruling",
        "judgment",
        "judgement",
        "report",
        "study",
        "statement",
        "survey",
        "review",
        "inquiry",
        "airline",
        "bank",
        "university",
        "school",
        "hospital",
        "police",
        "army",
        "military",
    ];
    // The head comes before "of" ("the Bank of England"); capitalised with
    // no article, it is a surname ("Margaret Court").
    let list = words(name);
    let head_at = list
        .iter()
        .position(|w| matches!(w.lower.as_str(), "of" | "for"))
        .unwrap_or(list.len());
    let Some(head) = list[..head_at].last() else {
        return false;
    };
    let common = !name[head.range.clone()].starts_with(char::is_uppercase);
    THINGS.contains(&head.lower.as_str()) && (common || starts_with_determiner(name))
}

/// "La répression des fraudes a reçu…, d'après son dernier bilan annuel":
/// a source named by a possessive is the sentence subject's document, and
/// the subject is who says it. None when the cue is not `selon`-like or
/// the phrase has no possessive; empty when the sentence has no subject
/// to own it.
fn owner_of_possessive(text: &str, speaker: &str, cue: Cue) -> Option<String> {
    const POSSESSIVES: &[&str] = &[
        "son", "sa", "ses", "leur", "leurs", "its", "his", "her", "their",
    ];
    let first = words(speaker).first()?.lower.clone();
    if cue != Cue::According || !POSSESSIVES.contains(&first.as_str()) {
        return None;
    }
    let subject = leading_subject(text).or_else(|| {
        // "The airline employed…", "La répression des fraudes a reçu…": an
        // article, lower-case words, then the verb.
        let w = words(text);
        let det = w.first()?;
        if !NOUN_PHRASE_OPENERS.contains(&det.lower.as_str()) {
            return None;
        }
        let verb = w.iter().skip(2).take(5).position(|x| {
            AUXILIARY_VERBS.contains(&x.lower.as_str())
                || matches!(
                    x.lower.as_str(),
                    "est" | "sont" | "is" | "are" | "was" | "were"
                )
                || (x.lower.ends_with("ed") && x.lower.len() > 4)
        })?;
        Some(text[det.range.start..w[verb + 1].range.end].to_owned())
    });
    // No owner in the sentence: "its accounts" names no one (empty: dropped).
    Some(subject.unwrap_or_default())
}

/// The end of a name that goes on in lower case up to its acronym
/// ("L'Office fédéral de l'agriculture (OFAG)"): the whole name, not its
/// first capitalised word.
fn with_acronym(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let Some(open) = rest.find(" (") else {
        return end;
    };
    let (middle, after) = (&rest[..open], &rest[open + 2..]);
    let close = after.find(')').unwrap_or(0);
    let acronym = &after[..close];
    let plain_words = middle.split_whitespace().count() <= 6
        && middle
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '\'' || c == '’' || c == '-');
    if close >= 2 && acronym.chars().all(char::is_uppercase) && plain_words {
        end + open + 2 + close + 1
    } else {
        end
    }
}

/// "Le gouvernement se défend de…, arguant notamment que les données…":
/// a participle of saying after the main clause gives its subject's words.
/// Only when the sentence has no other cue (a second saying after one is
/// [`by_verb`]'s).
fn by_participle(text: &str) -> Option<Found> {
    const PARTICIPLES: &[&str] = &[
        "arguant",
        "estimant",
        "soulignant",
        "affirmant",
        "expliquant",
        "assurant",
        "rappelant",
        "arguing",
        "insisting",
        "claiming",
        "saying",
        "explaining",
        "noting",
    ];
    let w = words(text);
    let (i, participle) = w.iter().enumerate().find(|(i, x)| {
        *i > 0
            && PARTICIPLES.contains(&x.lower.as_str())
            && text[w[i - 1].range.end..x.range.start].contains(',')
    })?;
    // "arguant notamment que": one adverb may come between.
    let that = w[i + 1..]
        .iter()
        .take(2)
        .find(|x| matches!(x.lower.as_str(), "que" | "qu" | "that"))?;
    let subject = leading_subject(text)?;
    if !text.starts_with(&subject) || !is_speaker(&subject) {
        return None;
    }
    let start = text[that.range.end..]
        .find(|c: char| c.is_alphanumeric())
        .map(|k| that.range.end + k)?;
    let end = text.trim_end().trim_end_matches(['.', '!', '?']).len();
    (start < end).then(|| {
        (
            0..subject.len(),
            start..end,
            Cue::Says,
            None,
            participle.range.clone(),
        )
    })
}

/// "…, comme l'a souligné l'Arcep (…), sollicitée pour…, il est parfois
/// difficile de…": the speaker after the participle, the words from the
/// clause that follows it (past its parenthesis and appositions).
fn as_said_by(text: &str, w: &[Word]) -> Option<Found> {
    let at = w.windows(4).position(|x| {
        x[0].lower == "comme"
            && x[1].lower == "l"
            && matches!(x[2].lower.as_str(), "a" | "ont" | "avait" | "avaient")
            && verb_cue(&x[3].lower).is_some()
    })?;
    let speaker_start = w.get(at + 4)?.range.start;
    let mut speaker_end = clause_end(text, speaker_start);
    let mut rest = speaker_end;
    if text[speaker_end..].starts_with('(') {
        rest = speaker_end + text[speaker_end..].find(')')? + 1;
        speaker_end = text[..speaker_end].trim_end().len();
    }
    // Appositions ("sollicitée pour le versant technique") until a clause
    // opens with a subject.
    const SUBJECTS: &[&str] = &[
        "il", "elle", "ils", "elles", "on", "c", "ce", "cela", "le", "la", "les", "l", "un", "une",
        "des", "nous", "it", "he", "she", "they", "we", "there", "the", "this",
    ];
    let content_start = loop {
        let after = text[rest..].trim_start_matches([',', ' ']);
        let start = text.len() - after.len();
        let first = words(after).first().map(|x| x.lower.clone())?;
        if SUBJECTS.contains(&first.as_str()) {
            break start;
        }
        rest = start + after.find(", ")? + 1;
    };
    let end = text.trim_end().trim_end_matches(['.', '!', '?']).len();
    (content_start < end).then(|| {
        (
            speaker_start..speaker_end,
            content_start..end,
            Cue::Says,
            None,
            w[at].range.start..w[at + 3].range.end,
        )
    })
}

/// Whether the phrase starts with a determiner ("Les rebelles"), so it can
/// be lower-cased inside a sentence.
pub fn starts_with_determiner(phrase: &str) -> bool {
    words(phrase)
        .first()
        .is_some_and(|w| w.range.start == 0 && DETERMINERS.contains(&w.lower.as_str()))
}

/// Whether words look like someone who can speak.
pub fn is_speaker(phrase: &str) -> bool {
    let phrase = phrase.trim();
    let list = words(phrase);
    if list.is_empty() || list.len() > 12 {
        return false;
    }
    if list.len() == 1 && PRONOUNS.contains(&list[0].lower.as_str()) {
        return true;
    }
    let noun = list.iter().any(|w| {
        let singular = w.lower.strip_suffix('s').unwrap_or(&w.lower);
        SPEAKER_NOUNS.contains(&w.lower.as_str())
            || SPEAKER_NOUNS.contains(&singular)
            || is_agent_noun(singular)
    });
    noun || is_proper_name(phrase)
}

/// Whether a word is an agent noun by its suffix, someone who does
/// something ("administrator", "economist", "administrateur",
/// "juriste"). Only the unambiguous
/// suffixes (-ator, -ist, -ateur, -atrice, -iste), not -er or -eur
/// ("paper", "secteur").
fn is_agent_noun(word: &str) -> bool {
    word.chars().count() >= 6
        && ["ator", "ist", "ateur", "atrice", "iste"]
            .iter()
            .any(|end| word.ends_with(end))
        && verb_cue(word).is_none()
}

/// Whether a phrase names someone: a capitalised word that is not a determiner.
fn is_proper_name(phrase: &str) -> bool {
    words(phrase).iter().enumerate().any(|(i, w)| {
        let first = phrase[w.range.clone()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        first && (i > 0 || !DETERMINERS.contains(&w.lower.as_str()))
    })
}

/// Whether a speaker is left unnamed: a source noun and no proper name.
pub fn is_unnamed(speaker: &str) -> bool {
    let list = words(speaker);
    let noun = list.iter().any(|w| {
        let singular = w.lower.strip_suffix('s').unwrap_or(&w.lower);
        UNNAMED_NOUNS.contains(&singular) || UNNAMED_NOUNS.contains(&w.lower.as_str())
    });
    noun && !is_proper_name(speaker)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (String, String) {
        let found = find(text, &mut None);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        (
            found[0].speaker.clone(),
            text[found[0].content.clone()].to_owned(),
        )
    }

    #[test]
    fn selon_in_the_middle() {
        let (speaker, _) = one(
            "Ce retrait stratégique, selon les déclarations d'un porte-parole du CSP, viserait à éviter les bombardements.",
        );
        assert_eq!(speaker, "un porte-parole du CSP");
    }

    #[test]
    fn speaker_before_the_verb() {
        assert_eq!(
            one(
                "Plusieurs sources civiles locales ont confirmé ce départ, soulignant le retour au calme."
            ),
            (
                "Plusieurs sources civiles locales".to_owned(),
                "ce départ".to_owned()
            )
        );
        assert_eq!(
            one(
                "En retour, les autorités maliennes dénoncent des \"attaques terroristes\" et cherchent à renforcer leur coopération."
            ),
            (
                "les autorités maliennes".to_owned(),
                "des \"attaques terroristes\"".to_owned()
            )
        );
    }

    #[test]
    fn speaker_after_the_words() {
        assert_eq!(
            one("« Nous ne partirons pas », a déclaré le maire."),
            ("le maire".to_owned(), "Nous ne partirons pas".to_owned())
        );
        assert_eq!(
            one("\"The bridge is safe,\" the mayor said."),
            ("the mayor".to_owned(), "The bridge is safe".to_owned())
        );
        assert_eq!(
            one("The plant will close in March, said Jane Doe, a union official."),
            (
                "Jane Doe".to_owned(),
                "The plant will close in March".to_owned()
            )
        );
    }

    #[test]
    fn apposition_and_pronouns() {
        let text =
            "John Smith, the mayor, said that the bridge was safe. \"We checked twice,\" he added.";
        let found = find(text, &mut None);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].speaker, "John Smith");
        assert_eq!(found[1].speaker, "John Smith");
    }

    #[test]
    fn abbreviations_stay_in_the_speaker() {
        assert_eq!(
            one("Selon M. Dupont, le maire, la ville compte 12 000 habitants.").0,
            "M. Dupont"
        );
        assert_eq!(
            one("« Nous sommes prêts », a déclaré Mme Roux.").0,
            "Mme Roux"
        );
    }

    #[test]
    fn things_are_not_speakers() {
        assert!(
            find(
                "Ces événements soulignent la tension inquiétante.",
                &mut None
            )
            .is_empty()
        );
        assert!(find("The report said nothing new.", &mut None).is_empty());
    }

    proptest::proptest! {
        /// Whatever the text, finding never panics and every range is inside it.
        #[test]
        fn never_panics(text in "[A-Za-zéÉ ,.:;«»\"“”()'’-]{0,80}( a déclaré| said| selon| according to| told)?[A-Za-zé ,.«»\"]{0,40}") {
            for a in find(&text, &mut Some("x".to_owned())) {
                proptest::prop_assert!(text.get(a.content.clone()).is_some());
                proptest::prop_assert!(text.get(a.sentence.clone()).is_some());
                let _ = a.words(&text);
            }
        }
    }

    #[test]
    fn inverted_pronouns_ride_the_verb_or_its_auxiliary() {
        let text = "Le maire a visité le chantier. « Tout sera prêt en juin », assure-t-il. « Nous tiendrons les délais », a-t-il ajouté. « Rien ne bougera », a-t-il fait savoir.";
        let found = find(text, &mut None);
        let said: Vec<(&str, &str)> = found
            .iter()
            .map(|a| (a.speaker.as_str(), &text[a.content.clone()]))
            .collect();
        assert_eq!(
            said,
            [
                ("Le maire", "Tout sera prêt en juin"),
                ("Le maire", "Nous tiendrons les délais"),
                ("Le maire", "Rien ne bougera"),
            ]
        );
    }

    #[test]
    fn a_croire_and_opening_pour_name_a_view() {
        assert_eq!(
            one("À en croire deux syndicats, la grève durera."),
            ("deux syndicats".to_owned(), "la grève durera".to_owned())
        );
        assert_eq!(
            one("Pour l'économiste Marc Blanc, la reprise sera lente.").0,
            "l'économiste Marc Blanc"
        );
        assert!(find("Pour la première fois, la ville recule.", &mut None).is_empty());
        assert!(find("Pour Paris, la saison est finie.", &mut None).is_empty());
    }

    #[test]
    fn two_sayings_joined_by_and_or_but_make_two_attributions() {
        let text = "He said engineers would work through the night, but warned that some homes could stay dark.";
        let found = find(text, &mut Some("Mark Finch".to_owned()));
        let words: Vec<&str> = found.iter().map(|a| &text[a.content.clone()]).collect();
        assert_eq!(
            words,
            [
                "engineers would work through the night",
                "some homes could stay dark"
            ]
        );
        let text = "The council said rents would rise and warned that repairs would be delayed.";
        let found = find(text, &mut None);
        let words: Vec<&str> = found.iter().map(|a| &text[a.content.clone()]).collect();
        assert_eq!(words, ["rents would rise", "repairs would be delayed"]);
        assert!(found.iter().all(|a| a.speaker == "The council"));
    }

    #[test]
    fn quoted_verbs_refusals_and_appeals_are_not_attributions() {
        let (speaker, _) = one("\"I never said we would close,\" the manager said.");
        assert_eq!(speaker, "the manager");
        assert!(find("The club declined to say whether it paid.", &mut None).is_empty());
        assert!(find("The minister urged both sides to talk.", &mut None).is_empty());
    }

    #[test]
    fn long_appositions_and_object_pronouns_keep_the_speaker() {
        assert_eq!(
            one("A nurse at the clinic, speaking on condition of anonymity because she was not allowed to talk, said that beds were short.").0,
            "A nurse at the clinic"
        );
        let text = "Anna Berg is a historian. According to her, the bridge dates from 1820.";
        let found = find(text, &mut None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].speaker, "Anna Berg");
    }

    #[test]
    fn a_circumstance_before_the_speaker_is_not_the_words() {
        assert_eq!(
            one("In an interview with the BBC, Mr Obama said it was distressing."),
            ("Mr Obama".to_owned(), "it was distressing".to_owned())
        );
    }

    #[test]
    fn a_list_announced_by_a_colon_is_the_speakers() {
        let mut thread = Thread::default();
        assert!(
            find_in(
                "In a wide-ranging interview, President Obama also said:",
                &mut thread
            )
            .is_empty()
        );
        let list = "- The UK must stay in the EU - He is confident the deal will pass";
        let found = find_in(list, &mut thread);
        let said: Vec<(&str, &str)> = found
            .iter()
            .map(|a| (a.speaker.as_str(), &list[a.content.clone()]))
            .collect();
        assert_eq!(
            said,
            [
                ("President Obama", "The UK must stay in the EU"),
                ("President Obama", "He is confident the deal will pass")
            ]
        );
    }

    #[test]
    fn relatives_hypotheses_purposes_and_clefts() {
        assert_eq!(
            one("\"We'll have a marina,\" said Leigh Sears who is the concessions manager.").0,
            "Leigh Sears"
        );
        assert!(
            find(
                "La commission pourra saisir le juge si elle estime que la loi est violée.",
                &mut None
            )
            .is_empty()
        );
        assert!(
            find(
                "Pour repérer ces personnes, la loi permettra d’étendre la surveillance.",
                &mut None
            )
            .is_empty()
        );
        assert!(
            find(
                "C’est ce qu’a annoncé Éric Caldwell, mercredi matin.",
                &mut None
            )
            .is_empty()
        );
        assert_eq!(
            one(
                "Ainsi, huit véhicules sur dix étaient mal garés, a constaté la Ville, qui a fait le bilan."
            ),
            (
                "la Ville".to_owned(),
                "Ainsi, huit véhicules sur dix étaient mal garés".to_owned()
            )
        );
    }

    #[test]
    fn a_view_and_an_as_said_by_are_attributions() {
        let found = find(
            "Une centaine de substances ont été réexaminées, précise l'OFAG. A ses yeux, certains produits pourraient nuire à la santé.",
            &mut None,
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].speaker, "l'OFAG");
        let text = "Cependant, comme l’a souligné l’Arcep (l’Autorité de régulation), sollicitée pour le versant technique, il est parfois difficile de s’en assurer.";
        let found = find(text, &mut None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].speaker, "l’Arcep");
        assert_eq!(
            found[0].words(text),
            "il est parfois difficile de s’en assurer"
        );
    }

    #[test]
    fn a_participle_of_saying_gives_the_subject_words() {
        let text = "Le gouvernement se défend de toute similarité, arguant notamment que les données ne seront pas conservées.";
        let found = find(text, &mut None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].speaker, "Le gouvernement");
        assert_eq!(found[0].words(text), "les données ne seront pas conservées");
        // Not a speaker: no attribution.
        assert!(
            find(
                "Le chantier a pris du retard, rappelant que la ville manque de moyens.",
                &mut None
            )
            .is_empty()
        );
    }

    /// Every attribution of a text: (speaker, words shown).
    fn all(text: &str) -> Vec<(String, String)> {
        find(text, &mut None)
            .iter()
            .map(|a| (a.speaker.clone(), a.words(text)))
            .collect()
    }

    fn pair(speaker: &str, said: &str) -> (String, String) {
        (speaker.to_owned(), said.to_owned())
    }

    #[test]
    fn a_speaker_is_a_whole_noun_phrase_never_a_quotation_or_a_cut_name() {
        // The quotation closed before the verb is the words; the speaker
        // comes after the verb, without the relative clause about her.
        assert_eq!(
            all(
                "« On ne dort plus. Chaque matin, on monte au pré », raconte Céline Marduel, qui élève 340 brebis."
            ),
            [pair(
                "Céline Marduel",
                "On ne dort plus. Chaque matin, on monte au pré"
            )]
        );
        // An elided object pronoun ends the subject; a colon opens the words.
        assert_eq!(
            all(
                "L’éleveur de Saint-Symphorien-sur-Coise l’a répété devant la salle : « Sans tirs, il n’y aura plus de moutons. »"
            ),
            [pair(
                "L’éleveur de Saint-Symphorien-sur-Coise",
                "Sans tirs, il n’y aura plus de moutons"
            )]
        );
        assert_eq!(
            all(
                "\u{201c}Thirty years I\u{2019}ve flown from here,\u{201d} said a retired fisherman waiting at the empty desk."
            ),
            [pair(
                "a retired fisherman",
                "Thirty years I’ve flown from here"
            )]
        );
        // An age and a place in apposition are stepped over to the name.
        assert_eq!(
            all(
                "At Faro airport, Lorraine Whitby, 67, from Truro, said she had been queueing for five hours."
            ),
            [pair(
                "Lorraine Whitby",
                "she had been queueing for five hours"
            )]
        );
        // After a verb that closes the words, any noun phrase is the speaker.
        assert_eq!(
            all(
                "L’animal aurait parcouru 150 kilomètres, estime l’établissement public, qui n’exclut rien."
            ),
            [pair(
                "l’établissement public",
                "L’animal aurait parcouru 150 kilomètres"
            )]
        );
        // A decimal comma is not an apposition: a clause is never a speaker.
        assert_eq!(
            all("Le débit est descendu à 0,3 mètre cube par seconde, a relevé l’Office de l’eau."),
            [pair(
                "l’Office de l’eau",
                "Le débit est descendu à 0,3 mètre cube par seconde"
            )]
        );
    }

    #[test]
    fn a_noun_in_ing_after_an_article_stays_in_the_speaker() {
        assert_eq!(
            all("\"That's a city,\" said someone at the meeting."),
            [pair("someone at the meeting", "That's a city")]
        );
    }

    #[test]
    fn the_one_told_and_a_compound_que_are_not_the_words() {
        // A short quotation before "X told Y" is the words, not the one told.
        assert_eq!(
            all("\"Nobody came,\" Jan Lowe told The Associated Press by phone."),
            [pair("Jan Lowe", "Nobody came")]
        );
        assert_eq!(
            all("Mr Patel told the BBC: \"We are ready.\""),
            [pair("Mr Patel", "We are ready")]
        );
        assert_eq!(
            all("Local residents told the council the works would ruin trade."),
            [pair("Local residents", "the works would ruin trade")]
        );
        assert_eq!(
            all("Ms Lee, 42, a nurse from Leith, said she would use it every day."),
            [pair("Ms Lee", "she would use it every day")]
        );
        assert_eq!(
            all(
                "Le maire, Jean Colin, a annoncé une réunion publique, tandis que l’opposition dénonce « un passage en force »."
            ),
            [
                pair("Jean Colin", "une réunion publique"),
                pair("l’opposition", "un passage en force"),
            ]
        );
    }

    #[test]
    fn an_inverted_subject_comes_after_when_and_to_whom() {
        assert_eq!(
            all(
                "« Le service sera assuré à 60 % », a indiqué mardi soir à l’AFP la direction de la SNCF."
            ),
            [pair(
                "la direction de la SNCF",
                "Le service sera assuré à 60 %"
            )]
        );
        assert_eq!(
            all(
                "Le trafic restera perturbé, précise un communiqué de la compagnie publié dans la nuit."
            ),
            [pair(
                "un communiqué de la compagnie",
                "Le trafic restera perturbé"
            )]
        );
        // A subject after the verb ends its clause; a conjunction before a
        // role does not make it a circumstance.
        assert_eq!(
            all(
                "But Labour's health spokeswoman, Jo Kerr, said ministers had \"run out of excuses\"."
            ),
            [pair("Jo Kerr", "ministers had \"run out of excuses\"")]
        );
    }

    #[test]
    fn a_speaker_before_a_colon_and_a_quotation_in_a_new_paragraph() {
        assert_eq!(
            all("Son compagnon, Thomas, a ajouté : « C’est dangereux. »"),
            [pair("Thomas", "C’est dangereux")]
        );
        // A paragraph opening on a quotation after someone's words is theirs
        // only when the quotation is the whole sentence.
        let mut thread = Thread::default();
        let _ = find_in(
            "Le maire, Marc Lebrun, dénonce « un abandon ».",
            &mut thread,
        );
        let text = "« Il faudra une heure de route », s’indigne Julie, 31 ans.";
        let found = find_in(text, &mut thread);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].speaker, "Julie");
    }

    #[test]
    fn a_participle_left_by_a_day_goes_with_it() {
        assert_eq!(
            all(
                "D’après un sondage Ifop publié dimanche, 54 % des Français soutiennent le mouvement."
            ),
            [pair(
                "un sondage Ifop",
                "54 % des Français soutiennent le mouvement"
            )]
        );
    }

    #[test]
    fn a_title_between_commas_is_the_speakers_not_the_words() {
        assert_eq!(
            all(
                "The agency's area manager, Claire Whitmore, told reporters the licence could be withdrawn."
            ),
            [pair("Claire Whitmore", "the licence could be withdrawn")]
        );
        assert_eq!(
            all("Its county adviser, Tom Beddoes, warned that dams could flood farmland."),
            [pair("Tom Beddoes", "dams could flood farmland")]
        );
        assert_eq!(
            all(
                "Le gérant, Yannick Brossolet, 46 ans, a affirmé que ses vendeurs étaient indépendants."
            ),
            [pair(
                "Yannick Brossolet",
                "ses vendeurs étaient indépendants"
            )]
        );
    }

    #[test]
    fn a_second_speaker_with_a_verb_of_their_own_keeps_their_words() {
        assert_eq!(
            all(
                "Exeter Airport’s chief executive, Matt Carver, said the failure would cost jobs, while Ruth Penrose, leader of the council, said it was “a hammer blow” for tourism."
            ),
            [
                pair("Matt Carver", "the failure would cost jobs"),
                pair("Ruth Penrose", "it was “a hammer blow” for tourism"),
            ]
        );
        assert_eq!(
            all(
                "South Africa said the talks had failed and the military said the family was safe."
            ),
            [
                pair("South Africa", "the talks had failed"),
                pair("the military", "the family was safe"),
            ]
        );
        assert_eq!(
            all(
                "Le maire, Régis Chambe, assure que la commune paiera, tandis que la députée de la circonscription, Sophie Abadie, juge que « l’État a trois ans de retard »."
            ),
            [
                pair("Régis Chambe", "la commune paiera"),
                pair("Sophie Abadie", "l’État a trois ans de retard"),
            ]
        );
        // The subject after "and", not a clause running from "but".
        assert_eq!(
            all(
                "South Africa said he was confined to his home but was otherwise fine and the military said it was keeping him safe."
            ),
            [
                pair(
                    "South Africa",
                    "he was confined to his home but was otherwise fine"
                ),
                pair("the military", "it was keeping him safe"),
            ]
        );
        // "and that": still the first speaker's words.
        assert_eq!(
            all(
                "Jean Hurst said most customers were quietly pleased and that the council said nothing."
            ),
            [pair(
                "Jean Hurst",
                "most customers were quietly pleased and that the council said nothing"
            )]
        );
    }

    #[test]
    fn a_list_name_and_a_dislocated_subject() {
        assert_eq!(
            all(
                "The Department for Culture, Media and Sport said decisions were \"a matter for their trustees\"."
            ),
            [pair(
                "The Department for Culture, Media and Sport",
                "decisions were \"a matter for their trustees\""
            )]
        );
        assert!(
            all("Les écoles de conduite, elles, dénoncent un système qui les pénalise.").is_empty()
        );
        assert_eq!(
            all(
                "Pour Sophie Garnier, sociologue à l’université de Lille, ces mesures ne règlent rien."
            ),
            [pair("Sophie Garnier", "ces mesures ne règlent rien")]
        );
    }

    #[test]
    fn a_body_is_named_by_its_head_noun() {
        assert!(names_a_thing("the Bank of England"));
        assert!(names_a_thing("the city council"));
        assert!(names_a_thing("the Supreme Court"));
        assert!(!names_a_thing("Margaret Court"));
        assert!(!names_a_thing("Priya Raman"));
    }

    #[test]
    fn a_pronoun_is_resolved_only_to_a_referent_that_agrees() {
        // "Il" cannot be "la ministre": nobody is certain, nothing is found.
        let found = all("La ministre a visité la ferme. « Tout ira bien », a-t-il assuré.");
        assert!(found.is_empty(), "{found:?}");
        // A plural pronoun takes the plural subject before it, not the last
        // singular speaker.
        let text = "Son fils Bernard estime que sa mère a été trompée. Un couple de retraités de Thiers, les Chassaing, a témoigné. Les panneaux n’ont, selon eux, jamais été raccordés.";
        let found = all(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].0, "les Chassaing");
        // "she" is not the campaigners; "Price" alone is Hannah Price.
        let text = "Hannah Price said the trust was ready. Campaigners say the river is dying. Price expects a dam within weeks. \"They don't hang about,\" she said.";
        let found = all(text);
        assert_eq!(
            found.last().map(|f| f.0.as_str()),
            Some("Price"),
            "{found:?}"
        );
        let found = all("Campaigners say the river is dying. \"They don't hang about,\" she said.");
        assert_eq!(found.len(), 1, "{found:?}");
        // "she" is a person, never the body or the document named last.
        let text = "The company said it would appeal. Farmer Jan Lowe lives downstream. \"Nobody came,\" she told reporters.";
        assert_eq!(
            all(text).last(),
            Some(&pair("Farmer Jan Lowe", "Nobody came")),
            "{:?}",
            all(text)
        );
        let found = all("The company said it would appeal. \"It is a win,\" she said.");
        assert_eq!(found, [pair("The company", "it would appeal")]);
        // A source named by a possessive is its owner's; with no owner, no one.
        assert_eq!(
            all("The airline employed 780 people, according to its most recent accounts."),
            [pair("The airline", "The airline employed 780 people")]
        );
        assert_eq!(
            all("La répression des fraudes a reçu 9 000 signalements, d’après son dernier bilan."),
            [pair(
                "La répression des fraudes",
                "La répression des fraudes a reçu 9 000 signalements"
            )]
        );
        assert!(all("According to its accounts, 780 people worked there.").is_empty());
    }

    #[test]
    fn negated_speech_is_no_attribution() {
        assert!(all("Elle n’a en revanche pas dit si les communes seraient classées.").is_empty());
        assert!(all("Foster did not say whether it would include compensation.").is_empty());
        assert!(all("The mayor didn't say when the bridge would open.").is_empty());
        assert!(all("La ministre ne précise pas si les communes seront classées.").is_empty());
        assert!(all("Le préfet n’a rien dit des tirs.").is_empty());
        // An adverb between the auxiliary and the verb is not a negation.
        let text = "Le préfet du Rhône, Thierry Vassal, a annoncé des renforts. Il a toutefois rappelé que le loup restait protégé.";
        assert_eq!(
            all(text).last(),
            Some(&pair("Thierry Vassal", "le loup restait protégé"))
        );
    }

    #[test]
    fn a_source_inside_a_reported_clause_belongs_to_the_report() {
        assert_eq!(
            all(
                "La ministre a précisé que la population était de 1 013 loups, un chiffre stable selon ses services."
            ),
            [pair(
                "La ministre",
                "la population était de 1 013 loups, un chiffre stable selon ses services"
            )]
        );
        assert_eq!(
            all("The minister said that the figure was stable, according to her officials."),
            [pair(
                "The minister",
                "the figure was stable, according to her officials"
            )]
        );
        // No reported clause: the source reports the whole.
        assert_eq!(
            all("Le Quai d’Orsay a confirmé le bilan, selon l’AFP.")[0].0,
            "l’AFP"
        );
        // A relative clause after the source is about it, not its words.
        assert_eq!(
            all(
                "Selon l’UFC-Que Choisir, qui s’est constituée partie civile aux côtés de 112 plaignants, le préjudice dépasse 6 millions d’euros."
            ),
            [pair(
                "l’UFC-Que Choisir",
                "le préjudice dépasse 6 millions d’euros"
            )]
        );
    }

    #[test]
    fn a_quotation_with_no_verb_goes_on_with_the_last_speaker_quoted() {
        let text = "« On ne dort plus », raconte Céline Marduel. Dans la nuit, elle a perdu onze bêtes. « Onze, d’un coup. »";
        assert_eq!(
            all(text),
            [
                pair("Céline Marduel", "On ne dort plus"),
                pair("Céline Marduel", "Onze, d’un coup"),
            ]
        );
        let text = "\"Nobody knocked on my door,\" Gareth Lloyd said. \"If they dam the ditches, who pays?\"";
        assert_eq!(
            all(text)[1],
            pair("Gareth Lloyd", "If they dam the ditches, who pays?")
        );
        // Someone else named between: no longer theirs.
        let text = "\"Nobody knocked,\" Gareth Lloyd said. The Wildlife Trust disagrees. \"We wrote twice.\"";
        assert_eq!(all(text).len(), 1);
        // A wire dateline is not the words.
        assert_eq!(
            all("HEREFORD, England - Two beavers were released on Tuesday, Natural England said."),
            [pair(
                "Natural England",
                "Two beavers were released on Tuesday"
            )]
        );
    }

    #[test]
    fn verbs_that_also_take_an_object_report_only_a_clause_or_a_quotation() {
        assert_eq!(
            all("« Nous étions seuls », a confié Anne Morel."),
            [pair("Anne Morel", "Nous étions seuls")]
        );
        assert_eq!(
            all("Anne Morel a admis que le dossier était incomplet."),
            [pair("Anne Morel", "le dossier était incomplet")]
        );
        assert!(all("Le préfet a confié la mission à un inspecteur.").is_empty());
        // French words come after `que`, a colon or a quotation: a clitic
        // object points back, and a noun phrase object ends at its comma.
        assert!(
            all("L’association l’a annoncé mardi soir, lors d’une assemblée tendue.").is_empty()
        );
        assert_eq!(
            all(
                "Le ministère a annoncé en mars un fonds d’urgence, mais son montant est jugé faible."
            ),
            [pair("Le ministère", "un fonds d’urgence")]
        );
        assert!(all("The mayor observed a minute's silence.").is_empty());
        // "Pour X, qui …": a name introduced by what it does holds a view.
        assert_eq!(
            all(
                "Pour Ferus, qui défend les grands prédateurs, le retour du loup était prévisible."
            ),
            [pair("Ferus", "le retour du loup était prévisible")]
        );
    }

    #[test]
    fn a_source_cut_at_its_participle_is_the_agent() {
        assert_eq!(
            all(
                "More than 17 million fish died, according to figures published on Tuesday by the Fish Health Inspectorate."
            ),
            [pair(
                "the Fish Health Inspectorate",
                "More than 17 million fish died"
            )]
        );
        assert_eq!(
            all(
                "Un débutant gagne le smic, d’après une enquête menée en 2024 par le syndicat CFDT auprès de 1 200 salariés."
            ),
            [pair("le syndicat CFDT", "Un débutant gagne le smic")]
        );
    }

    #[test]
    fn unnamed_sources_are_flagged() {
        assert!(is_unnamed("Plusieurs sources civiles locales"));
        assert!(is_unnamed("a source close to the ministry"));
        assert!(!is_unnamed("un porte-parole du CSP"));
        assert!(!is_unnamed("Jane Doe"));
    }
}
