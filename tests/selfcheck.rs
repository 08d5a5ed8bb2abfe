//! `mediaquiz export --format html`: the offline self-check page. What a
//! browser does with it is checked by `tests/browser/selfcheck.mjs`; here, the
//! file itself: reproducible, small, escaped, locked down by its CSP, valid.

use std::fs;
use std::path::{Path, PathBuf};

use base64::Engine;
use mediaquiz::grade::{TextMatch, text_matches};
use sha2::{Digest, Sha256};

use crate::util::{fixtures, mediaquiz, plain};

/// Runs `mediaquiz ARGS export --format html --out DIR/NAME` and returns the page.
fn export(dir: &Path, name: &str, args: &[&str]) -> String {
    let out: PathBuf = dir.join(name);
    let mut all: Vec<&str> = vec!["export", "--format", "html"];
    all.extend(args);
    all.extend(["--out", out.to_str().unwrap()]);
    let output = mediaquiz(&all).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    fs::read_to_string(out).unwrap()
}

/// The text between `open` and the next `</script>`.
fn between<'a>(page: &'a str, open: &str) -> &'a str {
    let start = page.find(open).unwrap() + open.len();
    let end = start + page[start..].find("</script>").unwrap();
    &page[start..end]
}

fn csp_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[test]
fn a_small_bank_gives_a_stable_page() {
    let dir = tempfile::tempdir().unwrap();
    let page = export(
        dir.path(),
        "quiz.html",
        &["--bank", "sheet.yaml", "--lang", "en", "--seed", "3"],
    );
    // The path differs per run; the command line at the bottom names it.
    let page = page.replace(dir.path().to_str().unwrap(), "DIR");
    // The style and the script are files of their own; the snapshot is the
    // page around them and its data.
    let (css, js) = (
        include_str!("../templates/selfcheck.css"),
        include_str!("../templates/selfcheck.js"),
    );
    let page = page
        .replace(&csp_hash(css), "sha256-OF-CSS")
        .replace(&csp_hash(js), "sha256-OF-JS")
        .replace(css, "/* selfcheck.css */")
        .replace(js, "/* selfcheck.js */");
    insta::assert_snapshot!("selfcheck-sheet-en", page);
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_the_command_to_remake_it() {
    let dir = tempfile::tempdir().unwrap();
    let output = mediaquiz(&[
        "export", "--format", "html", "-n", "12", "--seed", "42", "--out", "one.html",
    ])
    .current_dir(dir.path())
    .output()
    .unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stdout), "one.html\n");
    assert_eq!(
        plain(&String::from_utf8_lossy(&output.stderr)),
        "graine 42 : `mediaquiz export --format html -n 12 --seed 42 --out one.html` refait ce fichier\n"
    );
    let first = fs::read(dir.path().join("one.html")).unwrap();
    fs::rename(dir.path().join("one.html"), dir.path().join("kept.html")).unwrap();
    mediaquiz(&[
        "export", "--format", "html", "-n", "12", "--seed", "42", "--out", "one.html",
    ])
    .current_dir(dir.path())
    .assert()
    .success();
    assert_eq!(first, fs::read(dir.path().join("one.html")).unwrap());
    let page = String::from_utf8(first).unwrap();
    assert!(plain(&page).contains(
        "Graine 42 · Pour refaire cette page : <code>mediaquiz export --format html -n 12 --seed 42 --out one.html</code>"
    ));
    // Another seed, another page.
    let other = export(dir.path(), "one.html", &[]);
    assert_ne!(page, other);
}

#[test]
fn the_shipped_bank_fits_in_one_small_file_with_no_outside_reference() {
    let dir = tempfile::tempdir().unwrap();
    let page = export(dir.path(), "quiz.html", &["--seed", "1"]);
    assert!(page.len() < 200 * 1024, "{} bytes", page.len());
    // Every question of the bank, flashcards included.
    let data: serde_json::Value = serde_json::from_str(between(
        &page,
        r#"<script type="application/json" id="data">"#,
    ))
    .unwrap();
    assert_eq!(data["questions"].as_array().unwrap().len(), 53);
    assert_eq!(data["bank"], "lere");
    assert_eq!(data["seed"], "1");
    for reference in ["http:", "https:", "src=", "<link", "@import", "url("] {
        assert!(!page.contains(reference), "the page contains `{reference}`");
    }
}

#[test]
fn the_policy_allows_only_the_page_s_own_style_and_script() {
    let dir = tempfile::tempdir().unwrap();
    let page = export(dir.path(), "quiz.html", &["--seed", "1", "--lang", "en"]);
    let csp = page
        .split("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .replace("&#39;", "'");
    let script = between(&page, "<script>");
    let style_start = page.find("<style>").unwrap() + "<style>".len();
    let style = &page[style_start..style_start + page[style_start..].find("</style>").unwrap()];
    assert_eq!(
        csp,
        format!(
            "default-src 'none'; script-src '{}'; style-src '{}'; img-src 'none'; base-uri 'none'; form-action 'none'",
            csp_hash(script),
            csp_hash(style)
        )
    );
    assert_eq!(page.matches("<script").count(), 2);
}

#[test]
fn hostile_bank_text_stays_text() {
    let dir = tempfile::tempdir().unwrap();
    let page = export(
        dir.path(),
        "quiz.html",
        &["--bank", "injection.yaml", "--seed", "1"],
    );
    // Only the page's own two script elements open and close.
    assert_eq!(page.matches("<script").count(), 2);
    assert_eq!(page.matches("</script>").count(), 2);
    assert!(!page.contains("<!--"));
    assert!(!page.contains("<img"));
    let data = between(&page, r#"<script type="application/json" id="data">"#);
    for raw in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
        assert!(!data.contains(raw), "raw `{raw}` in the embedded data");
    }
    // The data still says exactly what the bank says.
    let data: serde_json::Value = serde_json::from_str(data).unwrap();
    let prompts: Vec<&str> = data["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["prompt"].as_str().unwrap())
        .collect();
    assert!(prompts.contains(&"</script><script>window.__pwned=6</script>\u{202f}?"));
}

#[test]
fn filters_and_count_choose_the_questions() {
    let dir = tempfile::tempdir().unwrap();
    let page = export(
        dir.path(),
        "quiz.html",
        &["--bank", "sheet.yaml", "--seed", "3"],
    );
    let data: serde_json::Value = serde_json::from_str(between(
        &page,
        r#"<script type="application/json" id="data">"#,
    ))
    .unwrap();
    assert_eq!(data["questions"].as_array().unwrap().len(), 10);
    let output = mediaquiz(&[
        "--lang",
        "en",
        "--bank",
        "sheet.yaml",
        "export",
        "--format",
        "html",
        "--type",
        "card",
        "-n",
        "3",
        "--out",
        dir.path().join("x.html").to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: asked for 3 questions, but only 1 match `--type card`: ask for `-n 1` or relax the filters\n"
    );
    assert!(!dir.path().join("x.html").exists());
}

#[test]
fn a_broken_bank_writes_nothing_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("quiz.html");
    let output = mediaquiz(&[
        "--bank",
        "evidence.yaml",
        "export",
        "--format",
        "html",
        "--out",
        out.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("evidence.yaml"));
    assert!(!out.exists());
}

/// The grading table the page's script is tested on too: the console quiz's
/// grader gives every verdict it lists.
#[test]
fn the_shared_grading_table_holds_for_the_console_grader() {
    let table: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(fixtures().join("grading-cases.json")).unwrap())
            .unwrap();
    let cases = table["cases"].as_array().unwrap();
    assert!(cases.len() >= 30);
    let mut wrong = Vec::new();
    for case in cases {
        let typed = case["typed"].as_str().unwrap();
        let forms: Vec<String> = case["forms"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap().to_owned())
            .collect();
        let expected = match case["expect"].as_str().unwrap() {
            "exact" => TextMatch::Exact,
            "slip" => TextMatch::Slip(case["form"].as_str().unwrap().to_owned()),
            "no" => TextMatch::No,
            other => panic!("unknown expectation `{other}`"),
        };
        let got = text_matches(typed, &forms);
        if got != expected {
            wrong.push(format!(
                "{}: `{typed}` gives {got:?}, table says {expected:?}",
                case["why"]
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The table's whole answers, graded and scored as the console quiz does,
/// under several shuffles: it covers every scored type and every
/// partial-credit rule, each with a right, a wrong and a partial case.
#[test]
fn the_shared_scoring_table_holds_for_the_console_grader() {
    use mediaquiz::bank::{Shape, Verdict, name_of};
    use mediaquiz::grade::{Answer, grade, points};
    use mediaquiz::select::{Seed, Shown};

    let table: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(fixtures().join("grading-cases.json")).unwrap())
            .unwrap();
    let cases = table["scoring"].as_array().unwrap();
    let bank = mediaquiz::check::load_bank(Some(&fixtures().join("scoring/scoring.yaml"))).unwrap();
    let mut wrong = Vec::new();
    let mut covered = std::collections::BTreeSet::new();
    // The bank may write no-break spaces where the table has spaces.
    let same = |a: &str, b: &str| {
        a.replace(['\u{a0}', '\u{202f}'], " ") == b.replace(['\u{a0}', '\u{202f}'], " ")
    };
    for case in cases {
        let id = case["question"].as_str().unwrap();
        let question = bank.questions.iter().find(|q| q.id == id).unwrap();
        let answer = &case["answer"];
        let texts = |key: &str| -> Vec<String> {
            answer[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap().to_owned())
                .collect()
        };
        let expected = (
            case["right"].as_bool().unwrap(),
            (
                u32::try_from(case["points"][0].as_u64().unwrap()).unwrap(),
                u32::try_from(case["points"][1].as_u64().unwrap()).unwrap(),
            ),
        );
        let kind = match (expected.0, expected.1.0) {
            (true, _) => "right",
            (false, 0) => "wrong",
            (false, _) => "partial",
        };
        covered.insert(format!("{} {kind}", name_of(&question.question_type())));
        for seed in 0..8 {
            let shown = Shown::shuffle(question, &mut Seed(seed).rng());
            // Where the shuffle put written entry `w`.
            let position = |w: usize| shown.order.iter().position(|&o| o == w).unwrap();
            let parsed = match question.shape() {
                Shape::Choices { choices: c, .. } => {
                    let mut picked: Vec<usize> = texts("choices")
                        .iter()
                        .map(|t| {
                            position(
                                c.options
                                    .iter()
                                    .position(|o| same(o, t))
                                    .unwrap_or_else(|| panic!("{id}: no choice {t}")),
                            )
                        })
                        .collect();
                    picked.sort_unstable();
                    Answer::Choices(picked)
                }
                Shape::TrueFalse { .. } => Answer::Bool(answer["bool"].as_bool().unwrap()),
                Shape::Verdict { .. } => Answer::Verdict(
                    *Verdict::ALL
                        .iter()
                        .find(|v| name_of(*v) == answer["verdict"].as_str().unwrap())
                        .unwrap(),
                ),
                Shape::Text { .. } | Shape::Gaps { .. } => Answer::Texts(texts("texts")),
                Shape::Pairs { pairs, .. } => Answer::Pairs(
                    texts("pairs")
                        .iter()
                        .map(|t| {
                            position(
                                pairs
                                    .iter()
                                    .position(|(_, r)| same(r, t))
                                    .unwrap_or_else(|| panic!("{id}: no pair {t}")),
                            )
                        })
                        .collect(),
                ),
                Shape::Ranked { items, .. } => Answer::Order(
                    texts("order")
                        .iter()
                        .map(|t| {
                            position(
                                items
                                    .iter()
                                    .position(|i| same(i, t))
                                    .unwrap_or_else(|| panic!("{id}: no item {t}")),
                            )
                        })
                        .collect(),
                ),
                Shape::Card { .. } | Shape::Rubric { .. } => panic!("{id}: not graded"),
            };
            let graded = grade(&shown, &parsed);
            let got = (graded.right, points(question, &graded));
            if got != expected {
                wrong.push(format!(
                    "{} (seed {seed}): {got:?}, table says {expected:?}",
                    case["why"]
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    for rule in ["multi", "match", "order", "cloze", "claim", "short"] {
        for kind in ["right", "wrong", "partial"] {
            // Claims and short answers have no partial credit: their "partial"
            // cases are near misses that earn nothing.
            let kind = if matches!(rule, "claim" | "short") && kind == "partial" {
                "wrong"
            } else {
                kind
            };
            assert!(
                covered.contains(&format!("{rule} {kind}")),
                "no {kind} case for {rule}"
            );
        }
    }
    for kind in ["single", "truefalse"] {
        assert!(
            covered.contains(&format!("{kind} right"))
                && covered.contains(&format!("{kind} wrong"))
        );
    }
}

/// The page passes the Nu HTML Checker (when `scripts/test` installed it).
#[test]
fn the_nu_html_checker_finds_no_error_in_the_page() {
    let Some(jar) = crate::print::vnu_jar() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    export(dir.path(), "fr.html", &["--seed", "4"]);
    export(
        dir.path(),
        "en.html",
        &["--bank", "injection.yaml", "--lang", "en", "--seed", "4"],
    );
    let output = std::process::Command::new("java")
        .arg("-jar")
        .arg(jar)
        .arg("--errors-only")
        .arg(dir.path().join("fr.html"))
        .arg(dir.path().join("en.html"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
