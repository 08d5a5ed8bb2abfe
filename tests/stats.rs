//! `mediaquiz stats`.

use crate::util::{mediaquiz, stdout_of};

#[test]
fn shows_every_type_and_skill_of_the_shipped_bank() {
    let output = mediaquiz(&["stats"]).output().unwrap();
    assert!(output.status.success());
    let stdout = stdout_of(&output);
    for name in [
        "single",
        "multi",
        "t/f",
        "claim",
        "short",
        "cloze",
        "match",
        "order",
        "card",
        "open",
        "recall",
        "sourcing",
        "corroboration",
        "fact-opinion",
        "wording",
        "context",
        "numbers",
    ] {
        assert!(stdout.contains(name), "`{name}` missing from\n{stdout}");
    }
}

#[test]
fn counts_a_small_bank() {
    let output = mediaquiz(&["stats", "--bank", "valid.yaml"])
        .output()
        .unwrap();
    insta::assert_snapshot!(stdout_of(&output));
}

#[test]
fn speaks_the_interface_language() {
    let french = stdout_of(&mediaquiz(&["stats"]).output().unwrap());
    assert!(
        french.contains("\nau-delà du rappel 50 sur 53 (94\u{a0}%)\n"),
        "{french}"
    );
    assert!(
        french.starts_with("Lere\u{a0}: l’armée malienne face au CSP (53 questions)\n"),
        "{french}"
    );
    let english = stdout_of(&mediaquiz(&["--lang", "en", "stats"]).output().unwrap());
    assert!(
        english.contains("\nbeyond recall 50 of 53 (94%)\n"),
        "{english}"
    );
    assert!(english.contains("\ndifficulty    1 (easy): 5   2: 20   3 (hard): 28\n"));
}

/// French `stats` names its skills in French, fits 80 columns, and still
/// lists the `--skill` values under the table.
#[test]
fn french_stats_name_the_skills_in_french_within_80_columns() {
    let output = mediaquiz(&["stats"]).output().unwrap();
    let stdout = stdout_of(&output);
    let table: Vec<&str> = stdout.lines().skip(2).take(9).collect();
    assert!(table[0].starts_with("compétence \\ type"), "{stdout}");
    assert!(table[1].starts_with("rappel des faits "), "{stdout}");
    assert!(table.iter().all(|l| l.chars().count() <= 80), "{stdout}");
    assert!(!stdout.contains("\nrecall "), "{stdout}");
    assert!(
        stdout.contains("compétences (--skill)\u{a0}: recall (rappel des faits), sourcing"),
        "{stdout}"
    );
    let english = stdout_of(&mediaquiz(&["--lang", "en", "stats"]).output().unwrap());
    assert!(english.contains("\nskill \\ type"), "{english}");
}
