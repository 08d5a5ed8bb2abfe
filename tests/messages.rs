//! Errors, warnings and notes speak the interface language: `--lang`, else
//! the bank's `language:` once read, else French.

use std::fs;
use std::path::Path;

use crate::util::{fixtures, mediaquiz, plain, stdout_of};

/// Standard error of `mediaquiz ARGS` run in `dir`, with its exit code.
fn stderr_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String) {
    let mut command = mediaquiz(args);
    command.current_dir(dir).write_stdin("");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_missing_bank_is_said_in_french_by_default_and_in_english_with_lang_en() {
    mediaquiz(&["--bank", "missing.yaml", "worksheet"])
        .assert()
        .code(1)
        .stderr(
            "erreur\u{a0}: impossible de lire `missing.yaml`\u{a0}: il n’existe pas\u{202f}; \
             vérifiez le chemin et que vous avez le droit de le lire\n",
        );
    mediaquiz(&["--lang", "en", "--bank", "missing.yaml", "worksheet"])
        .assert()
        .code(1)
        .stderr(
            "error: cannot read `missing.yaml`: it does not exist; \
             check the path and that you may read it\n",
        );
}

#[test]
fn an_english_bank_gets_english_errors_unless_lang_says_otherwise() {
    let (code, stderr) = stderr_in(
        &fixtures(),
        &["--bank", "lere-en", "worksheet", "-n", "500"],
        &[],
    );
    assert_eq!(code, Some(2));
    assert!(
        stderr.starts_with("error: asked for 500 questions, but the bank has only "),
        "{stderr}"
    );
    let (_, stderr) = stderr_in(
        &fixtures(),
        &[
            "--lang",
            "fr",
            "--bank",
            "lere-en",
            "worksheet",
            "-n",
            "500",
        ],
        &[],
    );
    assert!(
        plain(&stderr).starts_with("erreur : 500 questions demandées, mais la banque n’en a que "),
        "{stderr}"
    );
}

#[test]
fn the_small_bank_note_speaks_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    for (lang, note) in [
        (
            "fr",
            "9 questions correspondent, moins que les 10 par défaut : toutes sont utilisées\n",
        ),
        (
            "en",
            "9 questions match, fewer than the default 10: using all of them\n",
        ),
    ] {
        let (code, stderr) = stderr_in(
            &fixtures(),
            &[
                "--lang",
                lang,
                "--bank",
                "sheet.yaml",
                "worksheet",
                "--seed",
                "3",
                "--out",
                out,
            ],
            &[],
        );
        assert_eq!(code, Some(0), "{stderr}");
        assert!(plain(&stderr).starts_with(note), "{stderr}");
    }
}

/// The text outside `code spans`: paths and commands stay as typed.
fn prose(text: &str) -> String {
    text.split('`').step_by(2).collect::<Vec<_>>().join("…")
}

/// English that must never reach a French reader, and French typography
/// that must hold (no ordinary space before `: ; ! ?`, no straight apostrophe).
fn assert_french(scenario: &str, stderr: &str) {
    let text = prose(stderr);
    for english in [
        " the ", " is ", " must ", " not ", " cannot ", " file", " bank ", " give ", " run",
        "error:", "warning:",
    ] {
        assert!(
            !text.to_lowercase().contains(english),
            "English `{english}` in the French message of {scenario}:\n{stderr}"
        );
    }
    for bad in [" :", " ;", " !", " ?", "'"] {
        assert!(
            !text.contains(bad),
            "`{bad}` in the French message of {scenario}:\n{stderr}"
        );
    }
}

/// A run: its name, arguments, environment and exit code.
type Scenario<'a> = (&'a str, &'a [&'a str], &'a [(&'a str, &'a str)], i32);

#[test]
fn no_english_leaks_into_french_errors_and_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let here = dir.path();
    for name in ["valid.yaml", "article.txt", "sheet.yaml"] {
        fs::copy(fixtures().join(name), here.join(name)).unwrap();
    }
    fs::copy(
        fixtures().join("article.txt"),
        here.join("lere-article.fr.txt"),
    )
    .unwrap();
    fs::write(here.join("empty.txt"), "\n").unwrap();
    fs::write(here.join("a-file"), "x").unwrap();
    fs::write(
        here.join("corrupt.json"),
        "{ \"version\": 2, \"banks\": [ }",
    )
    .unwrap();
    fs::write(here.join("newer.json"), r#"{"version": 9}"#).unwrap();
    fs::create_dir(here.join("folder")).unwrap();
    fs::write(here.join("existing.yaml"), "mine").unwrap();
    fs::copy(fixtures().join("article.txt"), here.join("existing.txt")).unwrap();

    let scenarios: &[Scenario] = &[
        ("missing bank", &["--bank", "missing.yaml", "stats"], &[], 1),
        ("bank is a folder", &["--bank", "folder", "stats"], &[], 1),
        (
            "too many",
            &["worksheet", "-n", "500", "--out", "folder"],
            &[],
            2,
        ),
        ("zero", &["worksheet", "-n", "0", "--out", "folder"], &[], 2),
        (
            "no match",
            &[
                "worksheet",
                "-n",
                "5",
                "--skill",
                "numbers",
                "--type",
                "order",
            ],
            &[],
            2,
        ),
        (
            "out is a file",
            &["worksheet", "-n", "3", "--out", "a-file"],
            &[],
            2,
        ),
        ("binary to stdout", &["export", "--format", "anki"], &[], 2),
        (
            "export out folder",
            &["export", "--format", "anki", "--out", "folder"],
            &[],
            2,
        ),
        (
            "flashcards out folder",
            &["flashcards", "--out", "folder"],
            &[],
            2,
        ),
        (
            "flashcards not html",
            &["flashcards", "--out", "cards.txt"],
            &[],
            2,
        ),
        ("draft missing", &["draft", "nowhere.txt"], &[], 1),
        ("draft empty", &["draft", "empty.txt"], &[], 1),
        ("draft exists", &["draft", "existing.txt"], &[], 2),
        (
            "corrupt progress",
            &["--bank", "valid.yaml", "review", "--state", "corrupt.json"],
            &[],
            1,
        ),
        (
            "newer progress",
            &["--bank", "valid.yaml", "review", "--state", "newer.json"],
            &[],
            1,
        ),
        (
            "progress is a folder",
            &["--bank", "valid.yaml", "review", "--state", "folder"],
            &[],
            1,
        ),
        (
            "bad date",
            &["--bank", "valid.yaml", "review", "--state", "p.json"],
            &[("MEDIAQUIZ_TODAY", "tomorrow")],
            2,
        ),
        (
            "small bank note",
            &[
                "--bank",
                "sheet.yaml",
                "worksheet",
                "--seed",
                "1",
                "--out",
                "sheets",
            ],
            &[],
            0,
        ),
        (
            "no browser for --pdf",
            &[
                "worksheet",
                "-n",
                "3",
                "--seed",
                "1",
                "--pdf",
                "--out",
                "pdfs",
            ],
            &[("CHROME", "/nonexistent/chrome")],
            1,
        ),
        (
            "stale files",
            &["worksheet", "-n", "3", "--seed", "1", "--out", "sheets"],
            &[],
            0,
        ),
    ];
    for (scenario, args, env, code) in scenarios {
        let (got, stderr) = stderr_in(here, args, env);
        assert_eq!(got, Some(*code), "{scenario}: {stderr}");
        assert!(!stderr.is_empty(), "{scenario} said nothing");
        if *code != 0 {
            let last = stderr.lines().last().unwrap_or_default();
            assert!(last.starts_with("erreur\u{a0}: "), "{scenario}: {stderr}");
        }
        assert_french(scenario, &stderr);
    }
    // The stale-files warning of the last run, in French.
    let (_, stderr) = stderr_in(
        here,
        &["worksheet", "-n", "3", "--seed", "1", "--out", "sheets"],
        &[],
    );
    assert!(!stderr.contains("attention"), "{stderr}");
    let (_, stderr) = stderr_in(
        here,
        &[
            "--bank",
            "sheet.yaml",
            "worksheet",
            "-n",
            "3",
            "--seed",
            "1",
            "--versions",
            "2",
            "--out",
            "sheets",
        ],
        &[],
    );
    assert!(!stderr.contains("attention"), "{stderr}");
    let (_, stderr) = stderr_in(
        here,
        &["worksheet", "-n", "3", "--seed", "1", "--out", "sheets"],
        &[],
    );
    assert!(
        plain(&stderr).contains("attention : `sheets/answers-B.html`, `sheets/explained-key.html`, `sheets/worksheet-B.html` viennent d’une exécution précédente"),
        "{stderr}"
    );
    assert_french("stale files", &stderr);
}

/// Every command that reads one bank takes it as its argument, as `check`
/// does, and says exactly what `--bank` would.
#[test]
fn the_bank_as_an_argument_is_the_same_as_bank() {
    for args in [
        &["stats"][..],
        &["export", "--format", "gift"],
        &["export", "--format", "json"],
    ] {
        let (command, rest) = args.split_first().unwrap();
        let mut flagged = vec!["--bank", "sheet.yaml", command];
        flagged.extend_from_slice(rest);
        let mut positional = vec![*command, "sheet.yaml"];
        positional.extend_from_slice(rest);
        let by_flag = mediaquiz(&flagged).output().unwrap();
        let by_arg = mediaquiz(&positional).output().unwrap();
        assert!(by_arg.status.success(), "{positional:?}: {by_arg:?}");
        assert_eq!(by_arg.stdout, by_flag.stdout, "{positional:?}");
        assert!(stdout_of(&by_arg).contains("essai"), "{positional:?}");
    }
}

/// Naming the bank both ways is refused with the command to run instead.
#[test]
fn a_bank_given_twice_is_refused_with_the_command_to_run() {
    let output = mediaquiz(&["--bank", "lere-en", "worksheet", "sheet.yaml", "--out", "-"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("deux banques sont données, `--bank lere-en` et `sheet.yaml`\u{a0}:"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`mediaquiz worksheet sheet.yaml` sans `--bank`"),
        "{stderr}"
    );
}
