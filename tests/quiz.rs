//! `mediaquiz quiz`, played through a pipe as a student would type.
//!
//! The fixture bank `sheet.yaml` has one question of each type; with
//! `--seed 4` the quiz asks them in this order: short, claim, cloze, match,
//! true/false, single (keep_order), order, single (justify), multi.

use crate::util::{mediaquiz, plain, stdout_of};

const ALL_RIGHT: &str = "deux heures\nn\ntués\nneutralisés\n1b 2c 3a\nf\nc\n2 1 3\na\nC’est la version du CSP.\n1\nb a\n";

fn play(args: &[&str], input: &str) -> (String, Option<i32>) {
    let mut all = vec!["quiz", "--bank", "sheet.yaml"];
    all.extend_from_slice(args);
    let output = mediaquiz(&all).write_stdin(input).output().unwrap();
    (stdout_of(&output), output.status.code())
}

#[test]
fn every_type_answered_right_in_french() {
    let (transcript, code) = play(&["-n", "9", "--seed", "4"], ALL_RIGHT);
    assert_eq!(code, Some(0));
    assert!(
        transcript.contains("Score : 16/16 points (100\u{a0}%) · 9/9 questions entièrement justes"),
        "{transcript}"
    );
    assert_eq!(transcript.matches("✓ Juste !").count(), 9);
    insta::assert_snapshot!(transcript);
}

#[test]
fn every_type_answered_wrong_in_english() {
    let input = "three hours\ns\nkilled\nwounded\n1a 2b 3c\nt\na\n1 2 3\nb\nBecause the army said so.\n0\na\n";
    let (transcript, code) = play(&["--lang", "en", "-n", "9", "--seed", "4"], input);
    assert_eq!(code, Some(0));
    assert!(
        transcript.contains("Score: 1/16 points (6%) · 0/9 questions entirely right"),
        "{transcript}"
    );
    assert!(
        transcript.contains(
            "  ↳ b) L’armée malienne — L’armée n’est pas la source de cette explication."
        )
    );
    assert!(transcript.contains(
        "Compare with the expected reasoning: L’article attribue cette explication au CSP lui-même."
    ));
    insta::assert_snapshot!(transcript);
}

#[test]
fn input_that_is_not_an_answer_is_asked_again_and_never_counted() {
    let (transcript, _) = play(
        &["--type", "match", "-n", "1", "--seed", "4"],
        "z\n1z 2a 3b\n1a\n1c 2a 3b\n",
    );
    assert_eq!(
        transcript
            .matches(
                "Associez chaque numéro de 1 à 3 à une lettre de a à c, par exemple « 1b 2a »."
            )
            .count(),
        3
    );
    assert!(
        transcript.contains("Score : 3/3 points (100\u{a0}%) · 1/1 question entièrement juste"),
        "{transcript}"
    );
}

#[test]
fn a_partly_right_answer_says_how_much() {
    let (transcript, _) = play(&["--type", "match", "-n", "1", "--seed", "4"], "1c 2b 3a\n");
    assert!(
        transcript.contains("✗ Pas tout à fait. La réponse : 1c 2a 3b"),
        "{transcript}"
    );
    assert!(transcript.contains("  1 juste sur 3"), "{transcript}");
    // Each pair says whether it was placed right.
    assert!(transcript.contains("✓ 1. Le CSP → c)"), "{transcript}");
    assert!(
        transcript.contains("✗ 2. Les sources civiles → a)"),
        "{transcript}"
    );
    // Scored as the key grades the sheet: a point per pair right; and the
    // summary spells the pairs out.
    assert!(
        transcript.contains("Score : 1/3 points (33\u{a0}%) · 0/1 question entièrement juste"),
        "{transcript}"
    );
    assert!(transcript.contains(
        "     → 1. Le CSP → c) lance une offensive\n     → 2. Les sources civiles → a) confirment le départ\n"
    ));
    assert!(!transcript.contains("→ 1c 2a 3b\n"), "{transcript}");
    // Each skill is scored in the same points, so the pair that was right counts.
    let by_skill = transcript
        .split("Par compétence :\n")
        .nth(1)
        .and_then(|rest| rest.lines().next())
        .unwrap_or_default();
    assert!(by_skill.ends_with(" 1/3 points"), "{transcript}");
}

#[test]
fn a_slip_in_a_long_word_is_right_and_the_spelling_shown() {
    let (transcript, _) = play(
        &["--type", "short", "-n", "1", "--seed", "4"],
        "Deux HEURS\n",
    );
    assert!(transcript.contains("✓ Juste !"), "{transcript}");
    assert!(
        plain(&transcript).contains("Attention à l’orthographe : « Deux HEURS » → « deux heures »")
    );
    // The English interface quotes as English does.
    let (transcript, _) = play(
        &["--lang", "en", "--type", "short", "-n", "1", "--seed", "4"],
        "Deux HEURS\n",
    );
    assert!(
        transcript.contains("“Deux HEURS” → “deux heures”"),
        "{transcript}"
    );
}

#[test]
fn q_quits_and_prints_the_summary() {
    let (transcript, code) = play(&["-n", "9", "--seed", "4"], "deux heures\nc\nq\n");
    assert_eq!(code, Some(0));
    let summary = transcript.split("── Bilan ──").nth(1).unwrap();
    assert_eq!(
        summary,
        "\nQuiz interrompu.\nScore : 2/3 points (67\u{a0}%) · 1/2 questions entièrement justes\n  2 questions répondues sur 9\nPar compétence :\n  rappel des faits     2/2 points\n  contexte             0/1 points\nÀ revoir :\n  2. Des civils ont été tués à Lere.\n     → Non mentionné\n"
    );
}

#[test]
fn one_answered_question_is_said_in_the_singular() {
    let (transcript, code) = play(&["-n", "9", "--seed", "4"], "deux heures\nq\n");
    assert_eq!(code, Some(0));
    assert!(
        transcript.contains("\n  1 question répondue sur 9\n"),
        "{transcript}"
    );
    let (transcript, _) = play(&["--lang", "en", "-n", "9", "--seed", "4"], "two\nq\n");
    assert!(
        transcript.contains("\n  1 question answered out of 9\n"),
        "{transcript}"
    );
}

#[test]
fn end_of_input_ends_cleanly() {
    let (transcript, code) = play(&["-n", "9", "--seed", "4"], "deux heures\nn\ntués\n");
    assert_eq!(code, Some(0));
    assert!(
        transcript.contains(
            "Quiz interrompu.\nScore : 3/3 points (100\u{a0}%) · 2/2 questions entièrement justes"
        ),
        "{transcript}"
    );
}

#[test]
fn retry_asks_the_missed_questions_again() {
    let input = "trois heures\nn\ntués\nneutres\n1b 2c 3a\nf\nc\n2 1 3\na\nparce que\n0\nb a\ndeux heures\ntués\nneutralisés\n";
    let (transcript, code) = play(&["-n", "9", "--seed", "4", "--retry"], input);
    assert_eq!(code, Some(0));
    assert!(
        transcript.contains("── Deuxième essai pour les questions manquées ──"),
        "{transcript}"
    );
    assert!(transcript.contains("Score : 12/16 points (75\u{a0}%) · 7/9 questions"));
    assert!(
        transcript.ends_with("Deuxième essai : 2/2\n"),
        "{transcript}"
    );
}

#[test]
fn the_seed_and_the_command_to_replay_are_printed() {
    let (transcript, _) = play(&["-n", "2", "--seed", "4", "--retry"], "");
    assert!(transcript.starts_with(
        "Fiche d'essai : <Lere> & le CSP · 2 questions · graine 4 (`mediaquiz --bank sheet.yaml quiz -n 2 --seed 4 --retry` pour le refaire)\n"
    ));
}

#[test]
fn no_colour_through_a_pipe() {
    let output = mediaquiz(&["quiz", "-n", "3", "--seed", "2"])
        .env_remove("NO_COLOR")
        .write_stdin("a\nb\n")
        .output()
        .unwrap();
    assert!(!stdout_of(&output).contains('\u{1b}'));
}

#[test]
fn the_shipped_bank_in_five_questions() {
    let output = mediaquiz(&["quiz", "-n", "5", "--seed", "1"])
        .write_stdin("v\nx\n2\n3 2 1 4\nc\nn\n")
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        stdout_of(&output).contains("Score : 7/7 points (100\u{a0}%) · 5/5 questions"),
        "{}",
        stdout_of(&output)
    );
}

#[test]
fn a_small_bank_without_dash_n_uses_every_question_and_says_so() {
    let output = mediaquiz(&[
        "--lang",
        "en",
        "quiz",
        "--bank",
        "sheet.yaml",
        "--seed",
        "4",
    ])
    .write_stdin(ALL_RIGHT)
    .output()
    .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout_of(&output).contains("9/9 questions"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr,
        "9 questions match, fewer than the default 10: using all of them\n"
    );
}

#[test]
fn an_explicit_dash_n_larger_than_the_bank_stays_an_error_that_is_not_about_worksheets() {
    let output = mediaquiz(&["--lang", "en", "quiz", "--bank", "sheet.yaml", "-n", "12"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr,
        "error: asked for 12 questions, but the bank has only 9 (flashcard-only questions are for `review`): ask for `-n 9`\n"
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_prints_the_summary_so_far_then_exits_130() {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::process::{Command, Stdio};

    let mut child = Command::new(env!("CARGO_BIN_EXE_mediaquiz"))
        .current_dir(crate::util::fixtures())
        .env("NO_COLOR", "1")
        .args(["quiz", "--bank", "sheet.yaml", "-n", "9", "--seed", "4"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // Stdin stays open: the quiz is waiting for the second answer, as a
    // student at the keyboard would be, when Ctrl-C comes.
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"deux heures\n").unwrap();
    stdin.flush().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut seen = String::new();
    while !seen.contains("Question 2/9") {
        let mut line = String::new();
        assert_ne!(stdout.read_line(&mut line).unwrap(), 0, "{seen}");
        seen.push_str(&line);
    }
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    stdout.read_to_string(&mut seen).unwrap();
    let code = child.wait().unwrap().code();
    drop(stdin);
    assert_eq!(code, Some(130), "{seen}");
    let summary = seen.split("── Bilan ──").nth(1).expect("a summary");
    assert!(
        summary.starts_with(
            "\nQuiz interrompu.\nScore : 2/2 points (100\u{a0}%) · 1/1 question entièrement juste\n"
        ),
        "{summary}"
    );
}

/// A justification is never credited by the program: the student reads the
/// rubric and scores it ("blabla" is worth what they give it, here 0 of 2),
/// and the question counts what the sheet counts (1 + 2 points).
#[test]
fn a_justification_is_scored_by_the_student_with_its_rubric() {
    let run = |input: &str| {
        let output = mediaquiz(&[
            "quiz", "--type", "single", "--skill", "sourcing", "-n", "1", "--seed", "2",
        ])
        .write_stdin(input)
        .output()
        .unwrap();
        stdout_of(&output)
    };
    let transcript = run("b\nblabla\n0\n");
    assert!(
        transcript.contains("Barème de la justification\u{a0}:\n  • 2 — Cite "),
        "{transcript}"
    );
    assert!(
        transcript.contains("Votre note pour la justification (0 à 2) › "),
        "{transcript}"
    );
    assert!(
        transcript.contains("Score : 1/3 points (33\u{a0}%) · 1/1 question entièrement juste\n  dont notés par vous (justifications, questions ouvertes)\u{a0}: 0/2 points"),
        "{transcript}"
    );
    // Only a level of the rubric is taken.
    let transcript = run("b\nparce que le CSP le dit\n3\n2\n");
    assert!(transcript.contains("Tapez un nombre du barème\u{a0}: 0, 1, 2"));
    assert!(
        transcript.contains("Score : 3/3 points (100\u{a0}%)"),
        "{transcript}"
    );
}

/// A cloze of two blanks half right marks each blank, so the student sees
/// which one was wrong.
#[test]
fn a_cloze_half_right_says_which_blank_was_wrong() {
    let (transcript, _) = play(
        &["--type", "cloze", "-n", "1", "--seed", "4"],
        "tués\nblessés\n",
    );
    assert!(transcript.contains("  ✓ (1) tués\n"), "{transcript}");
    assert!(transcript.contains("  ✗ (2) neutralisés\n"), "{transcript}");
    assert!(transcript.contains("  1 juste sur 2"), "{transcript}");
}
