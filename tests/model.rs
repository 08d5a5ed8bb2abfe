//! `mediaquiz draft --model`: against a chat-completions server on 127.0.0.1
//! (std::net, started and stopped by each test) that replays recorded
//! answers with planted faults. Every fault must be caught (dropped, or
//! repaired correctly) and no valid question dropped.
//!
//! Planted faults (47 in all: 34 in the main replay), and how each must be caught:
//!
//! | fault | count | caught |
//! |---|---|---|
//! | invented quote | 3 | 2 dropped, 1 repaired in the repair round |
//! | paraphrased quote | 3 | 2 dropped (closest passage named), 1 repaired |
//! | answer not among the choices (single) | 2 | 1 dropped, 1 repaired |
//! | multi answers not among the choices | 1 | dropped |
//! | same person twice (speaker of the evidence; `un`/`le` porte-parole) | 2 | dropped |
//! | another name of the answer (acronym) | 1 | dropped |
//! | unknown type / unknown field / invalid skill | 3 | dropped |
//! | HTML tag / HTML entity / control character | 3 | dropped |
//! | missing evidence / empty evidence / missing explanation | 3 | dropped |
//! | true/false or claim answer of the wrong kind | 2 | dropped |
//! | difficulty out of range / nine choices | 2 | dropped |
//! | elided parts out of order | 1 | dropped |
//! | not a question object | 1 | dropped |
//! | curly apostrophes / white space / straight quotes for « » | 3 | kept, quote replaced by the article's passage |
//! | id already in the bank / id twice in the answer | 2 | kept, id made unique |
//! | `draft: false` from the model | 1 | kept, `draft: true` |
//! | same point as a rule-based question | 1 | dropped |
//! | repair round answered by a 500 | 1 | failing question dropped, valid ones kept |
//! | 200 questions at once (196 repeats of 4 points) | 1 | 4 kept, 196 dropped as the same point |
//! | truncated JSON (content, envelope) / prose instead of JSON | 3 | clear error, nothing written |
//! | empty content / empty question list | 2 | clear error, nothing written |
//! | HTTP 500 / unknown model (404) / key refused (401, key echoed) | 3 | server's message shown, key blanked |
//! | server that never answers (`--timeout 1`) | 1 | timeout message within seconds |
//! | server that refuses JSON schemas (400) | 1 | asked again in plain JSON mode |
//! | unreachable endpoint | 1 | clear error |

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::util::{mediaquiz, stdout_of};

/// One recorded answer.
enum Reply {
    /// An HTTP status and body.
    Body(u16, String),
    /// Accepts and never answers (held for a few seconds, then closed).
    Hang,
}

/// A chat-completions answer whose message is `content`.
fn completion(content: &str) -> Reply {
    Reply::Body(
        200,
        json!({"choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}]})
            .to_string(),
    )
}

/// The questions, as a model's message.
fn questions(list: &[Value]) -> Reply {
    completion(&json!({ "questions": list }).to_string())
}

/// Serves `replies` in order on a fresh loopback port; the handle returns the
/// requests received (headers and body). Bounded: it stops after the last
/// reply or 30 s.
fn serve(replies: Vec<Reply>) -> (u16, JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    listener.set_nonblocking(true).unwrap();
    let handle = std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut requests = Vec::new();
        let mut replies = replies.into_iter();
        let mut next = replies.next();
        while let Some(reply) = next.take() {
            if Instant::now() > deadline {
                break;
            }
            let Ok((stream, _)) = listener.accept() else {
                std::thread::sleep(Duration::from_millis(10));
                next = Some(reply);
                continue;
            };
            stream.set_nonblocking(false).unwrap();
            stream
                .set_read_timeout(Some(Duration::from_secs(5)))
                .unwrap();
            let mut reader = BufReader::new(stream);
            let mut head = String::new();
            let mut length = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap_or(0);
                }
                head.push_str(&line);
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            requests.push(format!("{head}\r\n{}", String::from_utf8_lossy(&body)));
            let mut stream = reader.into_inner();
            match reply {
                Reply::Body(status, body) => {
                    let _ = write!(
                        stream,
                        "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                        body.len()
                    );
                }
                Reply::Hang => std::thread::sleep(Duration::from_secs(4)),
            }
            next = replies.next();
        }
        requests
    });
    (port, handle)
}

/// The Lere article, copied as `lere.txt` into a fresh folder.
fn lere() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("questions/lere/lere-article.fr.txt");
    std::fs::copy(article, dir.path().join("lere.txt")).unwrap();
    dir
}

/// Runs `draft lere.txt --model m` against the port, with `extra` flags.
fn draft(dir: &Path, port: u16, extra: &[&str]) -> std::process::Output {
    let endpoint = format!("http://127.0.0.1:{port}/v1");
    let mut args = vec![
        "--lang",
        "en",
        "draft",
        "lere.txt",
        "--model",
        "m",
        "--endpoint",
        &endpoint,
    ];
    args.extend_from_slice(extra);
    mediaquiz(&args)
        .current_dir(dir)
        .env_remove("MEDIAQUIZ_API_KEY")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap()
}

fn q(id: &str, kind: &str, skill: &str, prompt: &str, answer: Value, evidence: &[&str]) -> Value {
    json!({
        "id": id, "type": kind, "skill": skill, "difficulty": 1, "prompt": prompt,
        "answer": answer,
        "explanation": "L'article le dit dans ce passage.",
        "evidence": evidence,
    })
}

fn single(
    id: &str,
    skill: &str,
    prompt: &str,
    choices: &[&str],
    answer: &str,
    evidence: &[&str],
) -> Value {
    let mut v = q(id, "single", skill, prompt, json!(answer), evidence);
    v["choices"] = json!(choices);
    v
}

/// Valid questions, each on a point the rule-based draft does not ask.
fn good() -> Vec<Value> {
    vec![
        single(
            "offensive-lere",
            "recall",
            "Selon l'article, sur quelle localité le CSP a-t-il lancé une offensive dimanche après-midi ?",
            &["Lere", "Bourem", "Tombouctou"],
            "Lere",
            &["le CSP avait lancé une offensive sur Lere"],
        ),
        q(
            "bourem-date",
            "claim",
            "recall",
            "L'attaque majeure de Bourem a eu lieu le 12 septembre.",
            json!("supported"),
            &["une attaque majeure à Bourem le 12 septembre"],
        ),
        single(
            "operations-armee",
            "recall",
            "Selon l'article, qui a conjugué des opérations aériennes et terrestres ?",
            &[
                "L'armée malienne",
                "Les rebelles touareg",
                "Le Groupe Wagner",
            ],
            "L'armée malienne",
            &[
                "l'armée malienne, munie d'informations précises, avait conjugué des opérations aériennes et terrestres",
            ],
        ),
        q(
            "retrait-strategique",
            "truefalse",
            "wording",
            "L'article qualifie le retrait du CSP de « stratégique ».",
            json!(true),
            &["Ce retrait stratégique"],
        ),
    ]
}

/// A planted fault: the question the model sends, what the repair round
/// sends back for it (`None`: the same, still wrong), and whether the
/// result must be kept.
struct Fault {
    name: &'static str,
    first: Value,
    repair: Option<Value>,
}

fn faults() -> Vec<Fault> {
    let base = || good()[0].clone();
    let with = |id: &str, key: &str, value: Value| {
        let mut v = base();
        v["id"] = json!(id);
        v[key] = value;
        v
    };
    let fixed = |id: &str, prompt: &str, evidence: &str| {
        q(id, "truefalse", "context", prompt, json!(true), &[evidence])
    };
    let mut list = vec![
        Fault {
            name: "invented quote",
            first: with(
                "invente-1",
                "evidence",
                json!(["l'armée a perdu le contrôle de Tombouctou"]),
            ),
            repair: None,
        },
        Fault {
            name: "invented quote",
            first: with(
                "invente-2",
                "evidence",
                json!(["les rebelles étaient soutenus par un pays voisin"]),
            ),
            repair: None,
        },
        Fault {
            name: "invented quote",
            first: q(
                "invente-3",
                "truefalse",
                "context",
                "L'article donne l'heure exacte de l'offensive.",
                json!(false),
                &["l'offensive a commencé à 14 heures"],
            ),
            repair: Some(q(
                "invente-3",
                "truefalse",
                "context",
                "L'article donne l'heure exacte de l'offensive.",
                json!(false),
                &["dimanche après-midi"],
            )),
        },
        Fault {
            name: "paraphrased quote",
            first: with(
                "paraphrase-1",
                "evidence",
                json!(["le CSP a lancé une offensive sur Lere"]),
            ),
            repair: None,
        },
        Fault {
            name: "paraphrased quote",
            first: fixed(
                "paraphrase-2",
                "L'article dit combien de temps après l'offensive l'armée a riposté.",
                "l'armée a riposté dans la ville",
            ),
            repair: Some(q(
                "paraphrase-2",
                "truefalse",
                "context",
                "L'article dit combien de temps après l'offensive l'armée a riposté.",
                json!(false),
                &["après la riposte de l'armée malienne dans la ville"],
            )),
        },
        Fault {
            name: "paraphrased quote",
            first: with(
                "paraphrase-3",
                "evidence",
                json!(["10 soldats tués et 46 rebelles neutralisés"]),
            ),
            repair: None,
        },
        Fault {
            name: "answer not among the choices",
            first: with("hors-choix-1", "answer", json!("Gao")),
            repair: None,
        },
        Fault {
            name: "answer not among the choices",
            first: single(
                "hors-choix-2",
                "context",
                "Selon l'article, qui a violé l'accord de paix de 2015 ?",
                &["Les rebelles", "L'armée malienne"],
                "Personne",
                &["de violer l'accord de paix de 2015"],
            ),
            repair: Some(q(
                "hors-choix-2",
                "claim",
                "corroboration",
                "L'article établit que l'armée malienne a violé l'accord de paix de 2015.",
                json!("not-stated"),
                &["Les rebelles accusent régulièrement l'armée malienne"],
            )),
        },
        Fault {
            name: "same person twice among the choices",
            first: single(
                "meme-personne-1",
                "corroboration",
                "Qui a confirmé le départ des rebelles ?",
                &[
                    "Plusieurs sources civiles locales",
                    "Un porte-parole du CSP",
                    "Le Groupe Wagner",
                ],
                "Plusieurs sources civiles locales",
                &[
                    "selon les déclarations d'un porte-parole du CSP",
                    "Plusieurs sources civiles locales ont confirmé ce départ",
                ],
            ),
            repair: None,
        },
        Fault {
            name: "same person twice among the choices",
            first: single(
                "meme-personne-2",
                "sourcing",
                "Qui explique le retrait ?",
                &[
                    "Un porte-parole du CSP",
                    "Le porte-parole du CSP",
                    "Le Groupe Wagner",
                ],
                "Un porte-parole du CSP",
                &["selon les déclarations d'un porte-parole du CSP"],
            ),
            repair: None,
        },
        Fault {
            name: "another name of the answer (acronym)",
            first: single(
                "meme-personne-3",
                "recall",
                "Selon l'article, qui a attaqué Lere ?",
                &[
                    "Le CSP",
                    "Le Cadre stratégique permanent",
                    "Le Groupe Wagner",
                ],
                "Le CSP",
                &["rebelles touareg du Cadre stratégique permanent (CSP)"],
            ),
            repair: None,
        },
        Fault {
            name: "multi answers not among the choices",
            first: {
                let mut v = q(
                    "multi-hors",
                    "multi",
                    "recall",
                    "Selon l'article, avec quels pays ?",
                    json!(null),
                    &["avec le Niger et le Burkina Faso"],
                );
                let m = v.as_object_mut().unwrap();
                m.remove("answer");
                m.insert(
                    "choices".into(),
                    json!(["le Niger", "le Burkina Faso", "le Tchad"]),
                );
                m.insert("answers".into(), json!(["le Niger", "l'Algérie"]));
                v
            },
            repair: None,
        },
        Fault {
            name: "difficulty out of range",
            first: with("difficulte", "difficulty", json!(7)),
            repair: None,
        },
        Fault {
            name: "empty evidence list",
            first: with("preuve-vide", "evidence", json!([])),
            repair: None,
        },
        Fault {
            name: "unknown type",
            first: with("type-inconnu", "type", json!("essay")),
            repair: None,
        },
        Fault {
            name: "unknown field",
            first: with(
                "champ-inconnu",
                "hint",
                json!("Relisez le deuxième paragraphe."),
            ),
            repair: None,
        },
        Fault {
            name: "HTML tag",
            first: with(
                "html-1",
                "prompt",
                json!("<b>Selon l'article</b>, où le CSP a-t-il attaqué ?"),
            ),
            repair: None,
        },
        Fault {
            name: "HTML entity",
            first: with("html-2", "explanation", json!("L&apos;article le dit.")),
            repair: None,
        },
        Fault {
            name: "control character",
            first: with(
                "controle-1",
                "explanation",
                json!("L'article le dit.\u{1b}[31m"),
            ),
            repair: None,
        },
        Fault {
            name: "missing evidence",
            first: {
                let mut v = with("sans-preuve", "id", json!("sans-preuve"));
                v.as_object_mut().unwrap().remove("evidence");
                v
            },
            repair: None,
        },
        Fault {
            name: "missing explanation",
            first: {
                let mut v = with("sans-explication", "id", json!("sans-explication"));
                v.as_object_mut().unwrap().remove("explanation");
                v
            },
            repair: None,
        },
        Fault {
            name: "true/false answer not a boolean",
            first: q(
                "vf-peut-etre",
                "truefalse",
                "context",
                "L'article date l'offensive.",
                json!("maybe"),
                &["dimanche après-midi"],
            ),
            repair: None,
        },
        Fault {
            name: "claim answer not a verdict",
            first: q(
                "claim-vrai",
                "claim",
                "context",
                "Le CSP a attaqué Lere.",
                json!("vrai"),
                &["le CSP avait lancé une offensive sur Lere"],
            ),
            repair: None,
        },
        Fault {
            name: "elided parts out of order",
            first: with(
                "ellipse",
                "evidence",
                json!(["Cependant … À cette occasion"]),
            ),
            repair: None,
        },
        Fault {
            name: "not a question object",
            first: json!("question 5"),
            repair: None,
        },
        Fault {
            name: "too many choices",
            first: with(
                "neuf-choix",
                "choices",
                json!(["Lere", "A", "B", "C", "D", "E", "F", "G", "H"]),
            ),
            repair: None,
        },
        Fault {
            name: "invalid skill",
            first: with("competence", "skill", json!("critical-thinking")),
            repair: None,
        },
    ];
    // Each repaired question must be a new point; the others come back unchanged.
    for fault in &mut list {
        if fault.repair.is_none() {
            fault.repair = None;
        }
    }
    list
}

/// Faults that verification repairs by itself (kept, corrected): name,
/// question, and what the bank must then hold.
fn self_repaired() -> Vec<(&'static str, Value, &'static str)> {
    vec![
        (
            "curly apostrophes in a quote",
            q(
                "typo-apostrophes",
                "truefalse",
                "context",
                "L'article dit où l'armée a obtenu ses informations précises.",
                json!(false),
                &["l’armée malienne, munie d’informations précises"],
            ),
            "l'armée malienne, munie d'informations précises",
        ),
        (
            "white space in a quote",
            q(
                "typo-espaces",
                "truefalse",
                "recall",
                "Selon l'article, des sources civiles locales ont confirmé le départ.",
                json!(true),
                &["Plusieurs   sources civiles\n locales ont confirmé ce départ"],
            ),
            "Plusieurs sources civiles locales ont confirmé ce départ",
        ),
        (
            "guillemets typed as straight quotes",
            q(
                "typo-guillemets",
                "truefalse",
                "numbers",
                "L'article cite un nombre de pays membres de l'Alliance.",
                json!(false),
                &["l'\"Alliance des États du Sahel\""],
            ),
            "l' « Alliance des États du Sahel",
        ),
        (
            "id already in the bank",
            {
                let mut v = good()[3].clone();
                v["id"] = json!("acronym-csp");
                v["skill"] = json!("context");
                v
            },
            "acronym-csp-2",
        ),
        (
            "id twice in the answer",
            q(
                "offensive-lere",
                "truefalse",
                "wording",
                "L'article écrit que le CSP a pris « notamment » le camp militaire.",
                json!(true),
                &["prenant notamment le contrôle du camp militaire"],
            ),
            "offensive-lere-2",
        ),
        (
            "draft: false set by the model",
            {
                let mut v = q(
                    "brouillon-faux",
                    "truefalse",
                    "fact-opinion",
                    "« Une résistance de deux heures » est un fait rapporté.",
                    json!(true),
                    &["après une résistance de deux heures"],
                );
                v["draft"] = json!(false);
                v
            },
            "brouillon-faux",
        ),
    ]
}

#[test]
fn every_planted_fault_is_caught_and_no_valid_question_dropped() {
    let dir = lere();
    let faults = faults();
    let repaired_questions = self_repaired();
    let same_point = q(
        "meme-point",
        "single",
        "sourcing",
        "Selon l'article, qui dit que le retrait viserait à éviter les bombardements ?",
        json!("Un porte-parole du CSP"),
        &["selon les déclarations d'un porte-parole du CSP"],
    );
    let mut same_point = same_point;
    same_point["choices"] = json!([
        "Un porte-parole du CSP",
        "Le Groupe Wagner",
        "Les autorités maliennes"
    ]);
    let mut first: Vec<Value> = good();
    first.extend(repaired_questions.iter().map(|(_, v, _)| v.clone()));
    first.push(same_point);
    first.extend(faults.iter().map(|f| f.first.clone()));
    let repair: Vec<Value> = faults
        .iter()
        .map(|f| f.repair.clone().unwrap_or_else(|| f.first.clone()))
        .collect();
    let (port, server) = serve(vec![questions(&first), questions(&repair)]);
    let output = draft(dir.path(), port, &[]);
    let requests = server.join().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("127.0.0.1"),
        "the host is printed before sending: {stderr}"
    );
    let yaml = std::fs::read_to_string(dir.path().join("lere.yaml")).unwrap();

    // The first request: schema, not streamed, the article numbered, no key.
    assert_eq!(requests.len(), 2, "one request and one repair round");
    assert!(requests[0].starts_with("POST /v1/chat/completions"));
    assert!(!requests[0].to_ascii_lowercase().contains("authorization"));
    let body: Value = serde_json::from_str(requests[0].split("\r\n\r\n").nth(1).unwrap()).unwrap();
    assert_eq!(body["stream"], json!(false));
    assert_eq!(body["response_format"]["type"], "json_schema");
    let schema = &body["response_format"]["json_schema"]["schema"];
    assert_eq!(schema["required"], json!(["questions"]));
    assert!(
        schema["definitions"]["question"].is_object(),
        "the bank's own question schema"
    );
    assert!(
        body["messages"][1]["content"]
            .as_str()
            .unwrap()
            .contains("§2 Un peu plus tôt")
    );
    // The repair round carries exactly the failing questions, with findings.
    let body: Value = serde_json::from_str(requests[1].split("\r\n\r\n").nth(1).unwrap()).unwrap();
    let repair_text = body["messages"].as_array().unwrap().last().unwrap()["content"]
        .as_str()
        .unwrap()
        .to_owned();
    for fault in &faults {
        if let Some(id) = fault.first["id"].as_str() {
            assert!(
                repair_text.contains(&format!("\"{id}\"")),
                "{} sent for repair",
                fault.name
            );
        }
    }
    for good in good() {
        let id = good["id"].as_str().unwrap();
        assert!(
            !repair_text.contains(&format!("\"id\": \"{id}\"")),
            "valid `{id}` not sent for repair"
        );
    }

    // Every valid question kept, marked draft.
    let bank: serde_yaml::Value = serde_yaml::from_str(&yaml).unwrap();
    let kept: Vec<&serde_yaml::Value> = bank["questions"].as_sequence().unwrap().iter().collect();
    let ids: Vec<&str> = kept.iter().map(|q| q["id"].as_str().unwrap()).collect();
    for id in [
        "offensive-lere",
        "bourem-date",
        "operations-armee",
        "retrait-strategique",
        "invente-3",
        "paraphrase-2",
        "hors-choix-2",
    ] {
        assert!(ids.contains(&id), "`{id}` kept: {ids:?}\n{}", &yaml[..2500]);
    }
    for (name, _, expect) in &repaired_questions {
        if name.starts_with("id ") || name.starts_with("draft") {
            assert!(ids.contains(expect), "{name}: `{expect}` in {ids:?}");
        } else {
            assert!(yaml.contains(expect), "{name}: `{expect}` in the bank");
        }
    }
    assert!(
        kept.iter()
            .all(|q| q["draft"] == serde_yaml::Value::Bool(true)),
        "every question is a draft"
    );
    let unique: std::collections::HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "ids unique");

    // Every unrepaired fault is listed as dropped at the top, with its reason.
    let head: String = yaml
        .lines()
        .take_while(|l| l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    let mut dropped = 1; // the same point as a rule-based question
    assert!(
        head.contains("`meme-point`: same point as question `source-porte-parole-csp`"),
        "{head}"
    );
    for fault in &faults {
        let id = fault.first["id"].as_str().unwrap_or("#");
        if fault.repair.is_some() {
            assert!(
                !head.contains(&format!("`{id}`")),
                "{} repaired, not dropped",
                fault.name
            );
        } else {
            dropped += 1;
            assert!(
                head.contains(&format!("- `{id}")),
                "{} dropped: {head}",
                fault.name
            );
            assert!(!ids.contains(&id), "{} not kept", fault.name);
        }
    }
    assert_eq!(head.matches("\n#   - ").count(), dropped, "{head}");
    for reason in [
        "not found in the article",
        "HTML markup",
        "control character (U+001B)",
        "two right answers",
        "unknown",
    ] {
        assert!(head.contains(reason), "reason `{reason}` given: {head}");
    }

    // The bank passes `check` but for the draft warnings and its TODOs.
    let check = mediaquiz(&["--lang", "en", "check", "lere.yaml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let findings = stdout_of(&check);
    assert!(findings.contains("questions to review"), "{findings}");
    for line in findings.lines().filter(|l| l.contains(": error:")) {
        assert!(line.contains("TODO"), "only TODOs left: {line}");
    }
    let table = faults.len() + repaired_questions.len() + 1;
    assert!(table >= 30, "{table} planted faults");
}

#[test]
fn a_repair_round_that_fails_drops_the_failing_questions_only() {
    let dir = lere();
    let mut first = good();
    first.push(faults().remove(0).first);
    let (port, server) = serve(vec![
        questions(&first),
        Reply::Body(500, r#"{"error":{"message":"out of memory"}}"#.into()),
    ]);
    let output = draft(dir.path(), port, &[]);
    server.join().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let yaml = std::fs::read_to_string(dir.path().join("lere.yaml")).unwrap();
    assert!(yaml.contains("- `invente-1`"), "{yaml}");
    assert!(yaml.contains("repair failed") && yaml.contains("out of memory"));
    assert!(yaml.contains("id: bourem-date"));
}

#[test]
fn two_hundred_questions_at_once_stay_fast_and_unique() {
    let dir = lere();
    let list: Vec<Value> = (0..200)
        .map(|n| {
            let mut v = good()[n % 4].clone();
            v["id"] = json!(format!("q{n}"));
            v
        })
        .collect();
    let (port, server) = serve(vec![questions(&list)]);
    let started = Instant::now();
    let output = draft(dir.path(), port, &[]);
    server.join().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(started.elapsed() < Duration::from_secs(30));
    let yaml = std::fs::read_to_string(dir.path().join("lere.yaml")).unwrap();
    // Four points, each kept once; the 196 repeats are listed as the same point.
    assert_eq!(yaml.matches("same point as question `q").count(), 196);
    for n in 0..4 {
        assert!(yaml.contains(&format!("id: q{n}\n")));
    }
}

/// Runs the draft against one reply and returns its error message.
fn failure(replies: Vec<Reply>, extra: &[&str]) -> String {
    let dir = lere();
    let (port, server) = serve(replies);
    let output = draft(dir.path(), port, extra);
    server.join().unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        !dir.path().join("lere.yaml").exists(),
        "nothing written on failure"
    );
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn server_faults_give_clear_messages() {
    let cases: Vec<(Vec<Reply>, &[&str], &str)> = vec![
        (
            vec![completion(r#"{"questions": [{"id": "a", "type": "#)],
            &[],
            "cut off",
        ),
        (
            vec![completion("Voici vos questions : 1. Qui ?")],
            &[],
            "not readable JSON",
        ),
        (
            vec![Reply::Body(200, "{\"choices\": [".into())],
            &[],
            "cut off",
        ),
        (vec![completion("")], &[], "empty answer"),
        (
            vec![completion(r#"{"questions": []}"#)],
            &[],
            "empty answer",
        ),
        (
            vec![Reply::Body(
                500,
                r#"{"error":{"message":"out of memory"}}"#.into(),
            )],
            &[],
            "HTTP 500: out of memory",
        ),
        (
            vec![Reply::Body(
                404,
                r#"{"error":{"message":"model \"m\" not found, try pulling it first"}}"#.into(),
            )],
            &[],
            "ollama pull m",
        ),
        (
            vec![Reply::Hang],
            &["--timeout", "1"],
            "no answer within 1 s",
        ),
    ];
    for (replies, extra, expected) in cases {
        let started = Instant::now();
        let message = failure(replies, extra);
        assert!(message.contains(expected), "`{expected}` in {message}");
        assert!(message.contains("127.0.0.1:"), "{message}");
        assert!(started.elapsed() < Duration::from_secs(20));
    }
}

#[test]
fn a_server_without_schemas_is_asked_for_plain_json() {
    let dir = lere();
    let (port, server) = serve(vec![
        Reply::Body(
            400,
            r#"{"error":{"message":"response_format json_schema not supported"}}"#.into(),
        ),
        questions(&good()),
    ]);
    let output = draft(dir.path(), port, &[]);
    let requests = server.join().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(requests[1].contains(r#""type":"json_object""#));
}

#[test]
fn an_unreachable_endpoint_and_a_refused_key_are_explained_and_the_key_never_printed() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = lere();
    let output = draft(dir.path(), port, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot reach"));

    let (port, server) = serve(vec![Reply::Body(
        401,
        r#"{"error":{"message":"bad key sk-secret-123"}}"#.into(),
    )]);
    let endpoint = format!("http://127.0.0.1:{port}/v1");
    let output = mediaquiz(&[
        "--lang",
        "en",
        "draft",
        "lere.txt",
        "--model",
        "m",
        "--endpoint",
        &endpoint,
    ])
    .current_dir(dir.path())
    .env("MEDIAQUIZ_API_KEY", "sk-secret-123")
    .timeout(Duration::from_secs(30))
    .output()
    .unwrap();
    let requests = server.join().unwrap();
    assert!(requests[0].contains("Bearer sk-secret-123"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("key refused") && !stderr.contains("sk-secret"),
        "{stderr}"
    );
}
