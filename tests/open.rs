//! The `open` type and rubrics in every output, on `open.yaml`: an open
//! question, and a true/false question whose justification has a rubric.

use crate::util::{mediaquiz, stdout_of};

const BANK: &str = "open.yaml";

fn run(args: &[&str]) -> String {
    let mut all = vec!["--bank", BANK];
    all.extend_from_slice(args);
    let output = mediaquiz(&all).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout_of(&output)
}

#[test]
fn the_key_prints_the_model_answer_and_each_rubric_as_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    run(&["worksheet", "--seed", "1", "--out", out]);
    let key = std::fs::read_to_string(dir.path().join("open-fixture-A-answers.html"))
        .or_else(|_| {
            let name = std::fs::read_dir(dir.path())
                .unwrap()
                .filter_map(Result::ok)
                .map(|e| e.path())
                .find(|p| p.to_string_lossy().contains("answers"))
                .unwrap();
            std::fs::read_to_string(name)
        })
        .unwrap();
    assert_eq!(key.matches("<table class=\"rubric\">").count(), 2, "{key}");
    assert!(key.contains("nomme le porte-parole du CSP et propose une source indépendante"));
    assert!(key.contains("il faudrait chercher une autre source"));
    let sheet_path = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            let name = p.to_string_lossy();
            name.ends_with(".html") && !name.contains("answers")
        })
        .unwrap();
    let sheet = std::fs::read_to_string(sheet_path).unwrap();
    // Lines sized to the model answer (163 characters: 4 lines), never the answer itself.
    assert_eq!(
        sheet.matches("class=\"line line-l\"").count(),
        4 + 2,
        "{sheet}"
    );
    assert!(!sheet.contains("il faudrait chercher"));
    // Points: an open question is worth its top level; the justification too.
    assert!(
        sheet.contains("(2 pt)") || sheet.contains("(2\u{a0}pt)"),
        "{sheet}"
    );
    assert!(
        sheet.contains("(3 pt)") || sheet.contains("(3\u{a0}pt)"),
        "{sheet}"
    );
}

#[test]
fn the_quiz_asks_for_a_self_score_and_counts_it_in_the_score() {
    let output = mediaquiz(&["--bank", BANK, "quiz", "--seed", "1", "--type", "open"])
        .write_stdin("Le CSP ; il faudrait interroger des habitants.\n7\n1\n")
        .output()
        .unwrap();
    let stdout = stdout_of(&output);
    insta::assert_snapshot!("open-quiz", stdout);
    assert!(stdout.contains("Tapez un nombre du barème"));
    // Scored out of the rubric's top level, as the key counts it
    // (docs/scoring.md), and said to be the student's own score.
    assert!(
        stdout.contains("Score : 1/2 points (50\u{a0}%)"),
        "{stdout}"
    );
    assert!(
        stdout
            .contains("dont notés par vous (justifications, questions ouvertes)\u{a0}: 1/2 points")
    );
}

#[test]
fn exports_carry_the_model_answer_and_the_rubric() {
    for format in ["gift", "json", "markdown", "anki-text"] {
        let out = run(&["export", "--format", format]);
        insta::assert_snapshot!(format!("open-export-{format}"), out);
        assert!(
            out.contains("propose une source indépendante"),
            "{format}: {out}"
        );
    }
    let gift = run(&["export", "--format", "gift"]);
    assert!(gift.contains("::qui-parle::[html]"), "{gift}");
    assert!(
        gift.contains("?{\n\t####"),
        "an essay: no answer in the braces\n{gift}"
    );
}

#[test]
fn review_shows_an_open_question_as_a_card() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("review.json");
    let output = mediaquiz(&["review", "--bank", BANK, "--state", state.to_str().unwrap()])
        .env("MEDIAQUIZ_TODAY", "2026-11-26")
        .write_stdin("\n2\n\n2\n")
        .output()
        .unwrap();
    let stdout = crate::util::plain(&stdout_of(&output));
    assert!(
        stdout.contains("Qui explique le retrait des rebelles"),
        "{stdout}"
    );
    assert!(stdout.contains("ne dit pas qui parle"), "{stdout}");
}

#[test]
fn the_answers_at_a_glance_point_to_the_rubric_not_the_model_answer() {
    // A model answer is a paragraph: at a glance it made one column far
    // taller than the others.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    run(&["worksheet", "--seed", "1", "--out", out]);
    let key = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("answers"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .unwrap();
    let glance = key
        .split("<ol class=\"brief\">")
        .nth(1)
        .and_then(|rest| rest.split("</ol>").next())
        .unwrap();
    assert!(glance.contains("(voir le barème)"), "{glance}");
    assert!(!glance.contains("il faudrait chercher"), "{glance}");
}
