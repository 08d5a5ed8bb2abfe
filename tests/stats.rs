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
