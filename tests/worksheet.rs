//! `mediaquiz worksheet`: files, seeds, versions, filters, languages.

use std::fs;
use std::path::Path;

use crate::util::{mediaquiz, plain, stdout_of, worksheets};

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap()
}

#[test]
fn a_seeded_version_and_its_key_are_stable() {
    let dir = worksheets(&["--bank", "sheet.yaml", "-n", "9", "--seed", "3"]);
    insta::assert_snapshot!("worksheet-A", read(dir.path(), "worksheet-A.html"));
    insta::assert_snapshot!("answers-A", read(dir.path(), "answers-A.html"));
}

#[test]
fn writes_every_version_and_prints_the_paths_and_the_seed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let output = mediaquiz(&[
        "worksheet",
        "-n",
        "12",
        "--versions",
        "3",
        "--seed",
        "7",
        "--out",
        out,
    ])
    .output()
    .unwrap();
    assert!(output.status.success());
    let printed: Vec<String> = stdout_of(&output).lines().map(str::to_owned).collect();
    let expected: Vec<String> = [
        "worksheet-A",
        "worksheet-B",
        "worksheet-C",
        "answers-A",
        "answers-B",
        "answers-C",
        "explained-key",
    ]
    .iter()
    .map(|name| {
        dir.path()
            .join(format!("{name}.html"))
            .display()
            .to_string()
    })
    .collect();
    assert_eq!(printed, expected);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        plain(&stderr).contains(&format!(
            "graine 7 : `mediaquiz worksheet -n 12 --seed 7 --versions 3 --out {out}` refait ces feuilles"
        )),
        "{stderr}"
    );
    let a = read(dir.path(), "worksheet-A.html");
    assert!(a.contains("Graine 7"));
    assert!(a.contains("Version A"));
    assert_ne!(
        a,
        read(dir.path(), "worksheet-B.html").replace("Version B", "Version A")
    );
}

#[test]
fn the_same_seed_gives_identical_files() {
    let args = ["-n", "12", "--versions", "3", "--seed", "7"];
    let (one, two) = (worksheets(&args), worksheets(&args));
    for name in [
        "worksheet-A.html",
        "answers-A.html",
        "worksheet-C.html",
        "answers-C.html",
    ] {
        assert_eq!(read(one.path(), name), read(two.path(), name), "{name}");
    }
}

#[test]
fn version_a_does_not_depend_on_the_number_of_versions() {
    let one = worksheets(&["-n", "8", "--seed", "11", "--versions", "1"]);
    let three = worksheets(&["-n", "8", "--seed", "11", "--versions", "3"]);
    let strip = |s: String| s.replace(" --versions 3", "");
    assert_eq!(
        strip(read(one.path(), "worksheet-A.html")),
        strip(read(three.path(), "worksheet-A.html"))
    );
}

#[test]
fn without_a_seed_a_random_one_is_printed() {
    let dir = tempfile::tempdir().unwrap();
    let output = mediaquiz(&[
        "worksheet",
        "-n",
        "3",
        "--out",
        dir.path().to_str().unwrap(),
    ])
    .output()
    .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let seed: u64 = stderr
        .strip_prefix("graine ")
        .and_then(|rest| rest.split('\u{a0}').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no seed in {stderr}"));
    assert!(read(dir.path(), "worksheet-A.html").contains(&format!("Graine {seed}")));
}

#[test]
fn asking_for_too_many_questions_says_how_many_match() {
    mediaquiz(&["--lang", "en", "worksheet", "-n", "10", "--skill", "numbers", "--type", "claim", "--out", "unused"])
        .assert()
        .code(2)
        .stderr("error: asked for 10 questions, but only 1 match `--skill numbers --type claim`: ask for `-n 1` or relax the filters\n");
    assert!(!Path::new(&crate::util::fixtures().join("unused")).exists());
}

#[test]
fn cards_never_go_on_a_worksheet() {
    let dir = tempfile::tempdir().unwrap();
    mediaquiz(&[
        "--lang",
        "en",
        "worksheet",
        "--bank",
        "sheet.yaml",
        "-n",
        "10",
        "--out",
        dir.path().to_str().unwrap(),
    ])
    .assert()
    .code(2)
    .stderr(predicates::str::contains("the bank has only 9"));
}

#[test]
fn english_letter_paper_and_no_article() {
    let dir = worksheets(&[
        "--lang",
        "en",
        "--paper",
        "letter",
        "--no-article",
        "-n",
        "5",
        "--seed",
        "1",
    ]);
    let sheet = read(dir.path(), "worksheet-A.html");
    assert!(sheet.contains(r#"<html lang="en">"#));
    assert!(sheet.contains("size: letter;"));
    assert!(sheet.contains("Name:"));
    assert!(!sheet.contains("§1"));
    assert!(sheet.contains("--lang en worksheet -n 5 --seed 1 --paper letter --no-article"));
}

#[test]
fn a_french_bank_under_an_english_interface_marks_its_french_text() {
    let dir = worksheets(&["--lang", "en", "-n", "5", "--seed", "1"]);
    for name in ["worksheet-A.html", "answers-A.html"] {
        let page = read(dir.path(), name);
        assert!(page.contains(r#"<html lang="en">"#), "{name}");
        assert!(page.contains(r#"<h1 lang="fr">"#), "{name}");
        assert!(
            page.contains(r#"<div class="question" id="q1" lang="fr">"#)
                || page.contains(r#"<div class="entry" id="a1" lang="fr">"#),
            "{name}"
        );
        // The interface inside French content is marked back as English.
        assert!(page.contains(r#"<span class="pts" lang="en">"#), "{name}");
    }
    let sheet = read(dir.path(), "worksheet-A.html");
    // The French content keeps its own typography.
    assert!(sheet.contains("\u{a0}?") || sheet.contains("\u{202f}?"));
}

#[test]
fn a_sheet_in_its_bank_language_has_no_inner_lang_marks() {
    let dir = worksheets(&["-n", "5", "--seed", "1"]);
    let sheet = read(dir.path(), "worksheet-A.html");
    assert_eq!(sheet.matches(" lang=").count(), 1, "only <html lang>");
}

#[test]
fn sheet_details_read_right() {
    let dir = worksheets(&["--bank", "sheet.yaml", "-n", "9", "--seed", "3"]);
    let sheet = read(dir.path(), "worksheet-A.html");
    // One-word expected answers ask for a few words, not a sentence.
    assert!(sheet.contains("Répondez en quelques mots."), "{sheet}");
    assert!(!sheet.contains("Répondez en une phrase."));
    // A cloze label never ends a line away from its blank.
    assert!(sheet.contains(r#"<span class="gap-pair"><span class="gap-n">(1)</span>"#));
    // Match columns are two headed lists, not rows that read as pairs.
    assert!(sheet.contains(r#"<p class="match-head">À relier</p>"#));
    assert!(!sheet.contains("<table class=\"match\""));
}

#[test]
fn the_source_says_what_is_not_given_and_shows_its_url() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        crate::util::fixtures().join("article.txt"),
        dir.path().join("article.txt"),
    )
    .unwrap();
    let bank = fs::read_to_string(crate::util::fixtures().join("valid.yaml")).unwrap();
    assert!(
        bank.contains("  file: article.txt\n"),
        "fixture shape changed"
    );
    let bank: String = bank
        .lines()
        .filter(|l| {
            !l.starts_with("  outlet:") && !l.starts_with("  date:") && !l.starts_with("  url:")
        })
        .map(|l| format!("{l}\n"))
        .collect::<String>()
        .replace(
            "  file: article.txt\n",
            "  file: article.txt\n  url: https://example.org/a?b=1&c=2\n",
        );
    fs::write(dir.path().join("bank.yaml"), bank).unwrap();
    let out = dir.path().join("out");
    let bank = dir.path().join("bank.yaml");
    mediaquiz(&[
        "--bank",
        bank.to_str().unwrap(),
        "--lang",
        "en",
        "worksheet",
        "--out",
        out.to_str().unwrap(),
    ])
    .assert()
    .success();
    let sheet = read(&out, "worksheet-A.html");
    assert!(
        sheet.contains("(author, outlet and date not given)"),
        "{sheet}"
    );
    assert!(
        sheet.contains(r#"<span class="url">https://example.org/a?b=1&#38;c=2</span>"#),
        "{sheet}"
    );
}

#[test]
fn french_sheets_use_french_typography() {
    let dir = worksheets(&["-n", "5", "--seed", "1"]);
    let sheet = read(dir.path(), "worksheet-A.html");
    assert!(sheet.contains(r#"<html lang="fr">"#));
    assert!(sheet.contains("Nom\u{a0}:"));
    assert!(sheet.contains("§1"));
    assert!(!sheet.contains(" ?"), "a breakable space before `?`");
}

#[test]
fn user_text_is_escaped() {
    let dir = worksheets(&["--bank", "sheet.yaml", "-n", "2", "--seed", "1"]);
    let sheet = read(dir.path(), "worksheet-A.html");
    assert!(sheet.contains("&#60;Lere&#62; &#38; le CSP"));
    assert!(!sheet.contains("<Lere>"));
}

#[test]
fn pdf_without_chromium_is_a_clear_error_after_the_html_is_written() {
    let dir = tempfile::tempdir().unwrap();
    mediaquiz(&[
        "--lang",
        "en",
        "worksheet",
        "-n",
        "3",
        "--seed",
        "1",
        "--pdf",
        "--out",
        dir.path().to_str().unwrap(),
    ])
    .env("PATH", "/nonexistent")
    .env_remove("CHROME")
    .assert()
    .code(1)
    .stderr(predicates::str::contains(
        "`--pdf` needs Chromium, Chrome or Edge",
    ));
    assert!(dir.path().join("worksheet-A.html").exists());
    assert!(dir.path().join("answers-A.html").exists());
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_run_that_fails_midway_leaves_the_earlier_set_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    mediaquiz(&[
        "--lang",
        "en",
        "worksheet",
        "-n",
        "5",
        "--seed",
        "1",
        "--out",
        out,
    ])
    .assert()
    .success();
    let (sheet, key) = (
        read(dir.path(), "worksheet-A.html"),
        read(dir.path(), "answers-A.html"),
    );
    // A folder squats on the last file of the next run's set.
    fs::create_dir(dir.path().join("answers-B.html")).unwrap();
    let output = mediaquiz(&[
        "--lang",
        "en",
        "worksheet",
        "-n",
        "5",
        "--seed",
        "2",
        "--versions",
        "2",
        "--out",
        out,
    ])
    .output()
    .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "error: cannot write `{}`: a folder has that name;",
            dir.path().join("answers-B.html").display()
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("os error"), "{stderr}");
    assert_eq!(read(dir.path(), "worksheet-A.html"), sheet);
    assert_eq!(read(dir.path(), "answers-A.html"), key);
    assert_eq!(
        names_in(dir.path()),
        ["answers-A.html", "answers-B.html", "worksheet-A.html"],
        "a new file or a temporary was left behind"
    );
}

#[test]
fn files_of_an_earlier_run_that_are_not_replaced_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    mediaquiz(&[
        "--lang",
        "en",
        "worksheet",
        "-n",
        "5",
        "--seed",
        "1",
        "--versions",
        "3",
        "--out",
        out,
    ])
    .assert()
    .success();
    fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let output = mediaquiz(&[
        "--lang",
        "en",
        "worksheet",
        "-n",
        "5",
        "--seed",
        "1",
        "--out",
        out,
    ])
    .output()
    .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    // The class set's explained key too: a single sheet has its full key.
    let stale = ["answers-B", "answers-C", "explained-key"]
        .map(|n| format!("`{}`", dir.path().join(format!("{n}.html")).display()))
        .join(", ");
    assert!(
        stderr.contains(&format!(
            "warning: {stale} and 2 other files are from an earlier run, not replaced by this one: remove them"
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("notes.txt"));
    // The files stay until removed; a folder without them gives no warning.
    let again = mediaquiz(&[
        "--lang",
        "en",
        "worksheet",
        "-n",
        "5",
        "--seed",
        "1",
        "--out",
        out,
    ])
    .output()
    .unwrap();
    assert!(String::from_utf8_lossy(&again.stderr).contains("warning"));
    let fresh = worksheets(&["-n", "5", "--seed", "1"]);
    let quiet = mediaquiz(&[
        "--lang",
        "en",
        "worksheet",
        "-n",
        "5",
        "--seed",
        "1",
        "--out",
        fresh.path().to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(!String::from_utf8_lossy(&quiet.stderr).contains("warning"));
}

#[test]
fn out_naming_a_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sheets.html");
    fs::write(&file, "mine").unwrap();
    mediaquiz(&["--lang", "en", "worksheet", "--out", file.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(format!(
            "error: `--out {}` is a file, and the sheets need a folder",
            file.display()
        )));
    assert_eq!(fs::read_to_string(&file).unwrap(), "mine");
}

/// The words of the "make it again" line printed on standard error.
fn remake_words(stderr: &str) -> Vec<String> {
    let line = stderr
        .lines()
        .find(|l| l.starts_with("graine ") || l.starts_with("seed "))
        .unwrap_or_else(|| panic!("no remake line in {stderr}"));
    let command = line.split('`').nth(1).unwrap();
    shlex::split(command).unwrap()
}

#[test]
fn the_make_it_again_line_parses_back_to_the_same_run() {
    use clap::Parser;
    use mediaquiz::cli::Cli;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fiches d'élèves");
    let args = [
        "mediaquiz",
        "--lang",
        "en",
        "worksheet",
        "-n",
        "4",
        "--seed",
        "9",
        "--skill",
        "wording",
        "--skill",
        "sourcing",
        "--type",
        "single",
        "--type",
        "multi",
        "--versions",
        "2",
        "--paper",
        "letter",
        "--no-article",
        "--pdf",
        "--out",
        out.to_str().unwrap(),
    ];
    let output = mediaquiz(&args[1..])
        .env("PATH", "/nonexistent")
        .env_remove("CHROME")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let words = remake_words(&stderr);
    let again = Cli::try_parse_from(&words).unwrap();
    let first = Cli::try_parse_from(args).unwrap();
    assert_eq!(format!("{again:?}"), format!("{first:?}"), "{words:?}");
}

#[test]
fn without_a_seed_the_line_gives_the_printed_seed() {
    use clap::Parser;
    use mediaquiz::cli::{Cli, Command};
    let dir = tempfile::tempdir().unwrap();
    let output = mediaquiz(&[
        "worksheet",
        "-n",
        "3",
        "--out",
        dir.path().to_str().unwrap(),
    ])
    .output()
    .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let seed: u64 = stderr["graine ".len()..]
        .split('\u{a0}')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let again = Cli::try_parse_from(remake_words(&stderr)).unwrap();
    let Command::Worksheet(args) = again.command else {
        panic!("not a worksheet command");
    };
    assert_eq!(args.select.seed, Some(seed));
    assert_eq!(args.out, dir.path());
    assert_eq!(args.select.count, Some(3));
}

#[test]
fn more_than_26_versions_get_two_letters_that_list_in_order() {
    let dir = worksheets(&[
        "--bank",
        "sheet.yaml",
        "-n",
        "3",
        "--seed",
        "1",
        "--versions",
        "200",
    ]);
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("worksheet-"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 200);
    assert_eq!(
        &names[..3],
        [
            "worksheet-AA.html",
            "worksheet-AB.html",
            "worksheet-AC.html"
        ]
    );
    assert_eq!(names[26], "worksheet-BA.html");
    assert_eq!(names[199], "worksheet-HR.html");
    let sheet = read(dir.path(), "worksheet-BA.html");
    assert!(sheet.contains(" BA</span>"), "the sheet shows its label");
}

#[test]
fn a_small_bank_without_dash_n_gives_a_sheet_of_all_it_has() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let output = mediaquiz(&[
        "worksheet",
        "--bank",
        "sheet.yaml",
        "--seed",
        "3",
        "--out",
        out,
    ])
    .output()
    .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        plain(&stderr).starts_with(
            "9 questions correspondent, moins que les 10 par défaut : toutes sont utilisées\n"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("-n 9 --seed 3 "), "{stderr}");
}

#[test]
fn paper_is_accepted_in_any_case() {
    for paper in ["A4", "Letter", "LETTER"] {
        worksheets(&[
            "--bank",
            "sheet.yaml",
            "-n",
            "1",
            "--seed",
            "1",
            "--paper",
            paper,
        ]);
    }
}

#[test]
fn type_card_is_not_offered_to_worksheet_or_quiz() {
    for command in ["worksheet", "quiz"] {
        mediaquiz(&["--lang", "en", command, "--type", "card"])
            .assert()
            .code(2)
            .stderr(predicates::str::contains(
                "invalid value 'card' for '--type <TYPE>'",
            ))
            .stderr(predicates::str::contains(
                "[possible values: single, multi, truefalse, claim, short, cloze, match, order, open]",
            ));
        mediaquiz(&[command, "--type", "card"])
            .assert()
            .code(2)
            .stderr(predicates::str::contains(
                "erreur\u{a0}: valeur «\u{a0}card\u{a0}» invalide pour «\u{a0}--type <TYPE>\u{a0}»",
            ))
            .stderr(predicates::str::contains(
                "[valeurs possibles\u{a0}: single, multi, truefalse, claim, short, cloze, match, order, open]",
            ));
    }
}

/// A Chromium that fails as it starts: a clear error naming it and what it
/// said, exit 1, the HTML written and no PDF at all (neither a version's nor
/// the bound class set).
#[cfg(unix)]
#[test]
fn a_browser_that_fails_leaves_the_html_and_no_pdf() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let chromium = dir.path().join("chromium");
    fs::write(
        &chromium,
        "#!/bin/sh\necho 'cannot open display' >&2\nexit 1\n",
    )
    .unwrap();
    fs::set_permissions(&chromium, fs::Permissions::from_mode(0o755)).unwrap();
    let out = dir.path().join("out");
    mediaquiz(&[
        "--lang",
        "en",
        "worksheet",
        "-n",
        "3",
        "--seed",
        "1",
        "--versions",
        "2",
        "--pdf",
        "--out",
        out.to_str().unwrap(),
    ])
    .env("CHROME", &chromium)
    .assert()
    .code(1)
    .stderr(predicates::str::contains(format!(
        "`{}` quit while starting to print; it said: cannot open display",
        chromium.display()
    )))
    .stderr(predicates::str::contains("the HTML files are written"));
    assert_eq!(
        names_in(&out),
        [
            "answers-A.html",
            "answers-B.html",
            "explained-key.html",
            "worksheet-A.html",
            "worksheet-B.html"
        ]
    );
}

#[test]
fn a_class_set_of_an_earlier_run_is_named_when_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["class-set.pdf", "answers.pdf", "notes.pdf"] {
        fs::write(dir.path().join(name), "%PDF-").unwrap();
    }
    let output = mediaquiz(&[
        "--lang",
        "en",
        "worksheet",
        "-n",
        "3",
        "--seed",
        "1",
        "--out",
        dir.path().to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stale = ["answers.pdf", "class-set.pdf"]
        .map(|n| format!("`{}`", dir.path().join(n).display()))
        .join(", ");
    assert!(
        stderr.contains(&format!("warning: {stale} are from an earlier run")),
        "{stderr}"
    );
    assert!(!stderr.contains("notes.pdf"), "{stderr}");
}

#[test]
fn a_whole_earlier_class_set_is_counted_not_listed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let run = |versions: &str| {
        mediaquiz(&[
            "--lang",
            "en",
            "worksheet",
            "-n",
            "3",
            "--seed",
            "1",
            "--versions",
            versions,
            "--out",
            out,
        ])
        .output()
        .unwrap()
    };
    assert!(run("30").status.success());
    let output = run("1");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let warning = stderr
        .lines()
        .find(|l| l.starts_with("warning:"))
        .unwrap_or_else(|| panic!("no warning: {stderr}"));
    // 61 files left over (AA to BD, and the explained key): three named,
    // the other 58 counted.
    assert_eq!(warning.matches(".html`").count(), 3, "{warning}");
    assert!(
        warning.contains("answers-AC.html` and 58 other files are from an earlier run"),
        "{warning}"
    );
}
