//! Writes a synthetic, valid bank for benchmarks: `cargo run --release
//! --example genbank -- N DIR` writes `DIR/bench-N.yaml` (N questions, every
//! type in turn) and `DIR/bench-N.txt`, an article long enough that the
//! evidence quotes are spread through it; every quote is in the article.
//! Deterministic: the same N gives the same files.

use std::fmt::Write as _;
use std::path::PathBuf;

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
const TYPES: [&str; 10] = [
    "single",
    "multi",
    "truefalse",
    "claim",
    "short",
    "cloze",
    "match",
    "order",
    "card",
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
fn sentence(i: usize) -> String {
    format!(
        "Le jour {i}, {} {} {} (relevé n° {i}).",
        ACTORS[i % ACTORS.len()],
        VERBS[(i / 8) % VERBS.len()],
        FACTS[(i / 48) % FACTS.len()],
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let count: usize = args
        .next()
        .ok_or("usage: genbank N DIR")?
        .parse()
        .map_err(|e| format!("N must be a whole number: {e}"))?;
    let dir = PathBuf::from(args.next().unwrap_or_else(|| ".".to_owned()));
    std::fs::create_dir_all(&dir)?;
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
    let stem = format!("bench-{count}");
    std::fs::write(dir.join(format!("{stem}.txt")), &article)?;

    let mut yaml = String::with_capacity(count * 320);
    writeln!(yaml, "id: {stem}")?;
    writeln!(yaml, "title: \"Banque synthétique de {count} questions\"")?;
    writeln!(yaml, "language: fr")?;
    writeln!(yaml, "source:\n  file: {stem}.txt\nquestions:")?;
    for q in 0..count {
        // A stride coprime with the sentence count spreads quotes through the
        // whole article rather than bunching them at its start.
        let s = (q * 7919) % sentences;
        let kind = TYPES[q % TYPES.len()];
        let kind = if kind == "justify" { "short" } else { kind };
        writeln!(yaml, "  - id: q{q}")?;
        writeln!(yaml, "    type: {kind}")?;
        writeln!(yaml, "    skill: {}", SKILLS[q % SKILLS.len()])?;
        writeln!(yaml, "    difficulty: {}", 1 + q % 3)?;
        let actor = ACTORS[s % ACTORS.len()];
        match TYPES[q % TYPES.len()] {
            "single" => {
                writeln!(
                    yaml,
                    "    prompt: \"Selon l’article, qui s’exprime le jour {s} (question {q}) ?\""
                )?;
                writeln!(
                    yaml,
                    "    choices: [\"{actor}\", \"un député\", \"un journaliste étranger\", \"personne\"]"
                )?;
                writeln!(yaml, "    answer: \"{actor}\"")?;
            }
            "multi" => {
                writeln!(
                    yaml,
                    "    prompt: \"Qu’est-ce qui est vrai du jour {s} ? (question {q})\""
                )?;
                writeln!(
                    yaml,
                    "    choices: [\"{actor} s’exprime\", \"le relevé n° {s} existe\", \"un député s’exprime\"]"
                )?;
                writeln!(
                    yaml,
                    "    answers: [\"{actor} s’exprime\", \"le relevé n° {s} existe\"]"
                )?;
            }
            "truefalse" => {
                writeln!(
                    yaml,
                    "    prompt: \"Le jour {s}, {actor} s’exprime (question {q}).\""
                )?;
                writeln!(yaml, "    answer: true")?;
            }
            "claim" => {
                writeln!(
                    yaml,
                    "    prompt: \"Le relevé n° {s} a été publié par un député (question {q}).\""
                )?;
                writeln!(yaml, "    answer: not-stated")?;
            }
            "short" => {
                writeln!(
                    yaml,
                    "    prompt: \"Comment l’article désigne-t-il sa mesure du jour {s} ? (question {q})\""
                )?;
                writeln!(yaml, "    answer: \"relevé n° {s}\"")?;
                writeln!(yaml, "    accept: [\"le relevé n° {s}\"]")?;
            }
            "cloze" => {
                writeln!(
                    yaml,
                    "    text: \"Le jour {s}, c’est {{{{{actor}}}}} qui s’exprime (question {q}).\""
                )?;
            }
            "match" => {
                writeln!(
                    yaml,
                    "    prompt: \"Reliez chaque jour à sa source (question {q}).\""
                )?;
                writeln!(yaml, "    pairs:")?;
                for k in 0..3 {
                    let d = (s + k) % sentences;
                    writeln!(
                        yaml,
                        "      - [\"Jour {d}\", \"{}\"]",
                        ACTORS[d % ACTORS.len()]
                    )?;
                }
            }
            "order" => {
                writeln!(
                    yaml,
                    "    prompt: \"Remettez ces relevés dans l’ordre de l’article (question {q}).\""
                )?;
                writeln!(
                    yaml,
                    "    items: [\"Relevé {s}\", \"Relevé {s} bis\", \"Relevé {s} ter\"]"
                )?;
            }
            "card" => {
                writeln!(
                    yaml,
                    "    front: \"Qui s’exprime le jour {s} ? (carte {q})\""
                )?;
                writeln!(yaml, "    back: \"{actor}\"")?;
            }
            _ => {
                // `open` is not in every build yet: `short` with `justify` and a
                // rubric exercises the same rubric paths.
                writeln!(yaml, "    justify: true")?;
                writeln!(
                    yaml,
                    "    prompt: \"Pourquoi l’article cite-t-il le relevé n° {s} ? (question {q})\""
                )?;
                writeln!(
                    yaml,
                    "    answer: \"Pour attribuer l’information à {actor}.\""
                )?;
                writeln!(yaml, "    rubric:")?;
                writeln!(
                    yaml,
                    "      - {{points: 2, criterion: \"nomme la source et le relevé\"}}"
                )?;
                writeln!(
                    yaml,
                    "      - {{points: 1, criterion: \"nomme la source\"}}"
                )?;
                writeln!(
                    yaml,
                    "      - {{points: 0, criterion: \"ni l’une ni l’autre\"}}"
                )?;
            }
        }
        writeln!(
            yaml,
            "    explanation: \"L’article l’attribue à {actor}, le jour {s}.\""
        )?;
        writeln!(yaml, "    evidence:")?;
        // Every third question quotes with an elision, to exercise ordered parts.
        let quote = sentence(s);
        if q % 3 == 0 {
            let (head, tail) = quote.split_at(quote.find(", ").unwrap_or(0));
            let tail = tail.trim_start_matches(", ");
            let tail = tail.split_once(' ').map_or(tail, |(_, rest)| rest);
            writeln!(yaml, "      - \"{head} … {tail}\"")?;
        } else {
            writeln!(yaml, "      - \"{quote}\"")?;
        }
    }
    std::fs::write(dir.join(format!("{stem}.yaml")), &yaml)?;
    eprintln!(
        "wrote {} ({} bytes) and {} ({} bytes)",
        dir.join(format!("{stem}.yaml")).display(),
        yaml.len(),
        dir.join(format!("{stem}.txt")).display(),
        article.len()
    );
    Ok(())
}
