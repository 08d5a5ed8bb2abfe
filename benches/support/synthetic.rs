//! The synthetic bank generator, shared by `examples/genbank.rs` and the
//! benches: N questions, every type in turn, over a generated article long
//! enough that the evidence quotes are spread through it; every quote is in
//! the article. Deterministic: the same N gives the same files.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

/// Places, actors and verbs combined into distinct sentences.
const ACTORS: [&str; 8] = [
    "le porte-parole du conseil",
    "l’armée régionale",
    "des sources civiles locales",
    "le ministère de l’Intérieur",
    "une organisation humanitaire",
    "le maire de la commune",
    "des témoins sur place",
    "l’agence de presse nationale",
];
const VERBS: [&str; 6] = [
    "affirme que",
    "rapporte que",
    "dément que",
    "estime que",
    "confirme que",
    "annonce que",
];
const FACTS: [&str; 5] = [
    "le convoi est arrivé au poste",
    "la route principale a été fermée",
    "les écoles ont rouvert leurs portes",
    "le marché a accueilli des centaines de personnes",
    "l’électricité a été coupée pendant la nuit",
];
const TYPES: [&str; 11] = [
    "single",
    "multi",
    "truefalse",
    "claim",
    "short",
    "cloze",
    "match",
    "order",
    "card",
    "open",
    "justify",
];
const SKILLS: [&str; 7] = [
    "recall",
    "sourcing",
    "corroboration",
    "fact-opinion",
    "wording",
    "context",
    "numbers",
];

/// Sentence `i` of the article: unique through its number.
pub(crate) fn sentence(i: usize) -> String {
    format!(
        "Le jour {i}, {} {} {} (relevé n° {i}).",
        ACTORS[i % ACTORS.len()],
        VERBS[(i / 8) % VERBS.len()],
        FACTS[(i / 48) % FACTS.len()],
    )
}

/// Appends question `q` (block style, as teachers write it, but terse: about
/// 280 bytes, so that 100 000 questions stay under the 32 MB bank limit).
fn question(yaml: &mut String, q: usize, sentences: usize) -> std::fmt::Result {
    // A stride coprime with the sentence count spreads quotes through the
    // whole article rather than bunching them at its start.
    let s = (q * 7919) % sentences;
    let a = ACTORS[s % ACTORS.len()];
    let kind = TYPES[q % TYPES.len()];
    let shown = if kind == "justify" { "short" } else { kind };
    let skill = SKILLS[q % SKILLS.len()];
    let level = 1 + q % 3;
    writeln!(
        yaml,
        "  - id: q{q}\n    type: {shown}\n    skill: {skill}\n    difficulty: {level}"
    )?;
    match kind {
        "single" => writeln!(
            yaml,
            "    prompt: \"Qui parle le jour {s} ? ({q})\"\n    choices: [\"{a}\", un député, personne]\n    answer: \"{a}\""
        )?,
        "multi" => writeln!(
            yaml,
            "    prompt: \"Vrai du jour {s} ? ({q})\"\n    choices: [un relevé, un député, une source]\n    answers: [un relevé, une source]"
        )?,
        "truefalse" => writeln!(
            yaml,
            "    prompt: \"Le jour {s}, {a} parle ({q}).\"\n    answer: true"
        )?,
        "claim" => writeln!(
            yaml,
            "    prompt: \"Un député a publié le relevé {s} ({q}).\"\n    answer: not-stated"
        )?,
        "short" => writeln!(
            yaml,
            "    prompt: \"Mesure du jour {s} ? ({q})\"\n    answer: relevé n° {s}\n    accept: [relevé {s}]"
        )?,
        "cloze" => writeln!(yaml, "    text: \"Le jour {s}, {{{{{a}}}}} parle ({q}).\"")?,
        "match" => writeln!(
            yaml,
            "    prompt: \"Reliez ({q}).\"\n    pairs: [[Jour {s}, \"{a}\"], [Jour {}, \"{}\"]]",
            s + 1,
            ACTORS[(s + 1) % ACTORS.len()]
        )?,
        "order" => writeln!(
            yaml,
            "    prompt: \"Dans l’ordre ({q}).\"\n    items: [Relevé {s}, Relevé {}, Relevé {}]",
            s + 1,
            s + 2
        )?,
        "card" => writeln!(
            yaml,
            "    front: \"Qui parle le jour {s} ? ({q})\"\n    back: \"{a}\""
        )?,
        "open" => writeln!(
            yaml,
            "    prompt: \"Que vaut le relevé {s} ? ({q})\"\n    answer: Il est attribué.\n    rubric:\n      - {{points: 1, criterion: cite la source}}\n      - {{points: 0, criterion: rien}}"
        )?,
        _ => writeln!(
            yaml,
            "    justify: true\n    prompt: \"Source du jour {s} ? ({q})\"\n    answer: \"{a}\"\n    rubric:\n      - {{points: 1, criterion: nomme la source}}\n      - {{points: 0, criterion: rien}}"
        )?,
    }
    // Every third question quotes with an elision, to exercise ordered parts.
    let quote = if q.is_multiple_of(3) {
        format!("Le jour {s} … (relevé n° {s})")
    } else {
        format!("Le jour {s}, {a}")
    };
    writeln!(
        yaml,
        "    explanation: \"Voir le jour {s}.\"\n    evidence:\n      - \"{quote}\""
    )
}

/// The article for a bank of `count` questions, and its number of sentences.
pub(crate) fn article(count: usize) -> (String, usize) {
    // About one sentence per 9 questions: 100 000 questions over ~1 MB.
    let sentences = (count / 9).max(40);
    let mut article = String::from("Un article synthétique pour les mesures\n\n");
    for i in 0..sentences {
        article.push_str(&sentence(i));
        article.push(if i % 6 == 5 { '\n' } else { ' ' });
        if i % 6 == 5 {
            article.push('\n');
        }
    }
    (article, sentences)
}

/// The bank of `count` questions whose article is the file `article`.
pub(crate) fn bank(count: usize, stem: &str, article: &str, sentences: usize) -> String {
    let mut yaml = String::with_capacity(count * 300);
    yaml.push_str(&format!(
        "id: {stem}\ntitle: \"Banque synthétique de {count} questions\"\nlanguage: fr\nsource:\n  file: {article}\nquestions:\n"
    ));
    for q in 0..count {
        // Writing into a String cannot fail.
        let _ = question(&mut yaml, q, sentences);
    }
    yaml
}

/// Writes `DIR/bench-N.yaml` and `DIR/bench-N.txt`; returns the bank's path
/// and both sizes in bytes.
pub(crate) fn write(
    count: usize,
    dir: &Path,
) -> std::io::Result<(std::path::PathBuf, usize, usize)> {
    std::fs::create_dir_all(dir)?;
    let stem = format!("bench-{count}");
    let (article, sentences) = article(count);
    let yaml = bank(count, &stem, &format!("{stem}.txt"), sentences);
    std::fs::write(dir.join(format!("{stem}.txt")), &article)?;
    let path = dir.join(format!("{stem}.yaml"));
    std::fs::write(&path, &yaml)?;
    Ok((path, yaml.len(), article.len()))
}
