//! `mediaquiz review`: spaced repetition over simulated days, and the safety
//! of the student's saved progress.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::util::{mediaquiz, plain, stdout_of};

/// Runs a review session on day `today` with `input` typed.
fn review(state: &Path, today: &str, args: &[&str], input: &str) -> std::process::Output {
    let mut all = vec![
        "review",
        "--bank",
        "sheet.yaml",
        "--state",
        state.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    mediaquiz(&all)
        .env("MEDIAQUIZ_TODAY", today)
        .write_stdin(input)
        .output()
        .unwrap()
}

fn cards(state: &Path) -> serde_json::Value {
    let progress: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(state).unwrap()).unwrap();
    // Keyed by the bank's id: `sheet.yaml` has no `id:`, so its file name.
    progress["banks"]["sheet"]["cards"].clone()
}

#[test]
fn progress_carries_over_the_days() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("review.json");

    // Day 1: two new cards, both remembered.
    let day1 = review(&state, "2026-11-26", &["--new", "2"], "\n3\n\n3\n");
    let out = plain(&stdout_of(&day1));
    assert!(day1.status.success());
    assert!(
        out.contains("À revoir aujourd’hui : 0 · nouvelles : 2 · 8 autres pour les jours suivants"),
        "{out}"
    );
    // New cards come spread over skills, recall last, the easiest first.
    assert!(out.contains("[1/2] nouvelle · qui le dit ?\nCombien de personnes sont nommées ?"));
    assert!(out.contains("[2/2] nouvelle · choix des mots\n"));
    insta::assert_snapshot!(
        "review_day_one",
        out.replace(&state.display().to_string(), "<STATE>")
    );
    assert!(out.contains("→ Prochaine révision dans 2 jours (le 28/11/2026)."));
    assert!(out.contains("Session terminée : 2 cartes revues.\nProchaine révision : dans 2 jours (le 28/11/2026) · 2 cartes.\n"), "{out}");
    assert_eq!(cards(&state).as_object().unwrap().len(), 2);

    // Later on day 1: the day's two new cards are used up.
    let again = plain(&stdout_of(&review(
        &state,
        "2026-11-26",
        &["--new", "2"],
        "",
    )));
    assert!(
        again.contains("À revoir aujourd’hui : 0 · nouvelles : 0"),
        "{again}"
    );
    assert!(again.contains("Rien à revoir aujourd’hui."));

    // Day 3: both are due; one forgotten comes back in the session, then is known.
    let day3 = review(&state, "2026-11-28", &["--new", "0"], "\n3\n\n1\n\n3\n");
    let out = plain(&stdout_of(&day3));
    assert!(
        out.contains("À revoir aujourd’hui : 2 · nouvelles : 0"),
        "{out}"
    );
    assert!(out.contains("[1/2] à revoir"));
    assert!(out.contains("→ Elle reviendra tout à l’heure."));
    assert!(out.contains("[3/3] à revoir"));
    assert_eq!(cards(&state)["verbes"]["lapses"], 1);
    let retrait = &cards(&state)["aucune"];
    assert_eq!(retrait["reps"], 2);
    assert_eq!(retrait["last"], "2026-11-28");
    assert!(
        retrait["due"].as_str().unwrap() > "2026-12-01",
        "interval did not grow: {retrait}"
    );
}

#[test]
fn new_cards_per_day_are_limited() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("review.json");
    let out = plain(&stdout_of(&review(
        &state,
        "2026-11-26",
        &["--new", "3"],
        &"\n4\n".repeat(5),
    )));
    assert!(out.contains("[3/3]"));
    assert!(!out.contains("[4/"));
    assert_eq!(cards(&state).as_object().unwrap().len(), 3);
}

#[test]
fn english_interface() {
    let dir = tempfile::tempdir().unwrap();
    let out = plain(&stdout_of(&review(
        &dir.path().join("r.json"),
        "2026-11-26",
        &["--lang", "en", "--new", "1"],
        "\n2\n",
    )));
    assert!(
        out.contains("Due today: 0 · new: 1 · 9 more for later days"),
        "{out}"
    );
    assert!(out.contains("Your rating (1 again · 2 hard · 3 good · 4 easy · q to quit) › 2"));
    assert!(out.contains("Session over: 1 card reviewed."));
}

#[test]
fn an_unknown_rating_is_asked_again() {
    let dir = tempfile::tempdir().unwrap();
    let out = plain(&stdout_of(&review(
        &dir.path().join("r.json"),
        "2026-11-26",
        &["--new", "1"],
        "\n7\nbof\n3\n",
    )));
    assert_eq!(
        out.matches("\n1 à revoir · 2 difficile · 3 bien · 4 facile · q pour quitter\n")
            .count(),
        2,
        "{out}"
    );
    assert!(out.contains("Session terminée : 1 carte revue."));
}

#[test]
fn a_corrupt_progress_file_is_reported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("review.json");
    fs::write(&state, "{ \"version\": 1, \"banks\": [ }").unwrap();
    let output = review(&state, "2026-11-26", &[], "\n3\n");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "erreur\u{a0}: le fichier de progression `{}` est abîmé (ligne 1\u{a0}: ce n’est pas du JSON valide)",
            state.display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("il n’a pas été modifié"), "{stderr}");
    assert_eq!(
        fs::read_to_string(&state).unwrap(),
        "{ \"version\": 1, \"banks\": [ }"
    );

    // --reset starts afresh and keeps the damaged file as a backup.
    let output = review(&state, "2026-11-26", &["--reset", "--new", "1"], "\n3\n");
    assert!(output.status.success());
    assert_eq!(
        fs::read_to_string(dir.path().join("review.json.bak")).unwrap(),
        "{ \"version\": 1, \"banks\": [ }"
    );
    assert_eq!(cards(&state).as_object().unwrap().len(), 1);
}

#[test]
fn a_second_session_on_the_same_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("review.json");
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.path().join("review.json.lock"))
        .unwrap();
    lock.lock().unwrap();
    let output = review(&state, "2026-11-26", &[], "\n3\n");
    assert_eq!(output.status.code(), Some(1));
    assert!(
        plain(&String::from_utf8_lossy(&output.stderr))
            .starts_with("erreur : une autre séance de révision utilise `")
    );
    assert!(!state.exists(), "the refused session wrote progress");
}

#[test]
fn progress_survives_kill_9_mid_session() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("review.json");
    let mut child = Command::new(env!("CARGO_BIN_EXE_mediaquiz"))
        .args([
            "review",
            "--bank",
            "sheet.yaml",
            "--new",
            "5",
            "--state",
            state.to_str().unwrap(),
        ])
        .current_dir(crate::util::fixtures())
        .env("MEDIAQUIZ_TODAY", "2026-11-26")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    stdin.write_all(b"\n3\n\n4\n").unwrap();
    stdin.flush().unwrap();
    // Wait until the third card is on screen: two ratings are saved by then.
    let mut line = String::new();
    while !line.starts_with("[3/5]") {
        line.clear();
        assert!(
            stdout.read_line(&mut line).unwrap() > 0,
            "the session ended early"
        );
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(cards(&state).as_object().unwrap().len(), 2);

    // The next session goes on where the last one stopped.
    let out = plain(&stdout_of(&review(
        &state,
        "2026-11-26",
        &["--new", "5"],
        "",
    )));
    assert!(out.contains("nouvelles : 3 · 5 autres"), "{out}");
}

#[test]
fn questions_removed_from_the_bank_keep_their_history() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("review.json");
    let gone = r#"{"version":1,"banks":{"Fiche d'essai : <Lere> & le CSP":{"cards":{"removed-question":{"stability":3.0,"difficulty":5.0,"due":"2026-11-20","last":"2026-11-10","reps":2,"lapses":0}}}}}"#;
    fs::write(&state, gone).unwrap();
    let out = plain(&stdout_of(&review(
        &state,
        "2026-11-26",
        &["--new", "1"],
        "\n3\n",
    )));
    assert!(
        out.contains("À revoir aujourd’hui : 0 · nouvelles : 1"),
        "{out}"
    );
    assert!(
        out.contains("progression mise au nouveau format ; l’ancien fichier est gardé dans"),
        "{out}"
    );
    let cards = cards(&state);
    assert_eq!(cards["removed-question"]["reps"], 2, "{cards}");
    assert_eq!(cards.as_object().unwrap().len(), 2);
    // The file keyed by title (version 1) was migrated, and kept as it was.
    assert_eq!(
        fs::read_to_string(dir.path().join("review.json.v1.bak")).unwrap(),
        gone
    );
}

/// A whole first day over the fixture bank (one question of each type), the
/// state file's path hidden.
fn first_day(lang: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("review.json");
    let output = review(
        &state,
        "2026-11-26",
        &["--lang", lang, "--new", "10"],
        &"\n3\n".repeat(10),
    );
    assert!(output.status.success());
    stdout_of(&output).replace(state.to_str().unwrap(), "[state]")
}

#[test]
fn every_type_s_front_shows_what_is_needed_to_answer_in_french() {
    let transcript = first_day("fr");
    let out = plain(&transcript);
    // Choices, both match columns and the order items are on the fronts.
    assert!(out.contains("  A. "), "{out}");
    assert!(out.contains("  1. Le CSP\n"), "{out}");
    assert!(out.contains(". Prise du camp\n"), "{out}");
    assert!(out.contains("  Vrai ou faux ?\n"), "{out}");
    assert!(out.contains("Les soldats sont « ____ (1) », les rebelles « ____ (2) »."));
    insta::assert_snapshot!(transcript);
}

#[test]
fn every_type_s_front_in_english() {
    let transcript = first_day("en");
    assert!(transcript.contains("  True or false?\n"), "{transcript}");
    insta::assert_snapshot!(transcript);
}
