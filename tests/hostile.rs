//! Hostile input: every case of issue 9 run as a user (or an attacker) would,
//! each with its exit code, its message, and a timeout that guards against a
//! hang (a guard, not a performance assertion). `docs/reliability.md` lists
//! the cases.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use assert_cmd::Command;

use crate::util::fixtures;

/// Generous: a case that needs it is hanging, not slow.
const HANG_GUARD: Duration = Duration::from_secs(60);

/// Scripts and markup for every text field: none may survive as HTML.
const INJECTED: &str = r#"<script>alert(1)</script><img src=x onerror=alert(2)>"&amp;"#;

/// `mediaquiz ARGS` run in `dir`, colour off, with the hang guard.
fn run_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mediaquiz"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("MEDIAQUIZ_TODAY", "2026-11-26")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(args)
        .write_stdin(stdin)
        .timeout(HANG_GUARD)
        .output()
        .unwrap()
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Asserts the exit code and that the output holds `message`.
fn assert_says(output: &Output, code: i32, message: &str) {
    let all = text(output);
    assert_eq!(output.status.code(), Some(code), "{all}");
    assert!(all.contains(message), "expected `{message}` in:\n{all}");
}

/// A folder with the fixture article and a bank of one single-choice question
/// whose prompt is `prompt` (YAML, double-quoted) and whose article file is `source`.
fn bank_dir(prompt: &str, source: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        fixtures().join("article.txt"),
        dir.path().join("article.txt"),
    )
    .unwrap();
    fs::write(dir.path().join("bank.yaml"), one_question(prompt, source)).unwrap();
    dir
}

fn one_question(prompt: &str, source: &str) -> String {
    format!(
        r#"title: "Essai"
language: fr
source:
  file: {source}
questions:
  - id: q1
    type: single
    skill: sourcing
    prompt: "{prompt}"
    choices: ["Un porte-parole du CSP", "L'armée malienne"]
    answer: "Un porte-parole du CSP"
    explanation: "Le CSP."
    evidence: ["selon les déclarations d'un porte-parole du CSP"]
"#
    )
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

// 1. Terminal safety.

#[test]
fn typed_control_characters_are_echoed_visibly() {
    let dir = bank_dir("Qui parle ?", "article.txt");
    let output = run_in(
        dir.path(),
        &["--bank", "bank.yaml", "quiz", "--seed", "1", "-n", "1"],
        b"\x1b]0;pwned\x07\x1b[2K\x7f\xc2\x9b\nq\n",
    );
    assert_says(&output, 0, "^[]0;pwned^G^[[2K^?<U+009B>");
    assert!(!output.stdout.contains(&0x1b), "{}", text(&output));
}

#[test]
fn an_answer_line_over_64_kib_is_refused() {
    let dir = bank_dir("Qui parle ?", "article.txt");
    let mut input = vec![b'a'; 200 * 1024];
    input.extend_from_slice(b"\nq\n");
    let output = run_in(
        dir.path(),
        &["--bank", "bank.yaml", "quiz", "--seed", "1", "-n", "1"],
        &input,
    );
    assert_says(
        &output,
        0,
        "(a line over 64 KiB is not an answer: type a shorter one)",
    );
    assert!(
        output.stdout.len() < 64 * 1024,
        "the long line is not echoed"
    );
}

#[test]
fn escape_sequences_in_a_bank_never_reach_the_terminal_raw() {
    // Title, clipboard write, erase line: whatever `check` says of them,
    // no command lets the ESC through.
    let dir = bank_dir(
        r"\e]0;owned\a\e]52;c;cm0gLXJmIH4=\a\e[2KQui parle ?\u009b2J",
        "article.txt",
    );
    for args in [
        &["--lang", "en", "check", "bank.yaml"][..],
        &["--bank", "bank.yaml", "stats"],
        &["--bank", "bank.yaml", "quiz", "--seed", "1", "-n", "1"],
        &["--bank", "bank.yaml", "review", "--state", "p.json"],
    ] {
        let output = run_in(dir.path(), args, b"a\n\n3\n");
        let all = [output.stdout.as_slice(), output.stderr.as_slice()].concat();
        assert!(!all.contains(&0x1b), "{args:?}: {}", text(&output));
        assert!(
            !String::from_utf8_lossy(&all).contains('\u{9b}'),
            "{args:?}: {}",
            text(&output)
        );
    }
}

// 2. Only regular files, within limits.

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_as_bank_article_progress_or_walked_file() {
    let dir = bank_dir("Qui parle ?", "pipe.txt");
    let path = dir.path();
    mkfifo(&path.join("pipe.txt"));
    mkfifo(&path.join("fifo.yaml"));
    let output = run_in(path, &["--lang", "en", "--bank", "fifo.yaml", "stats"], b"");
    assert_says(
        &output,
        1,
        "fifo.yaml:1: error: cannot read this bank: it is a FIFO (named pipe), not a regular file",
    );
    let output = run_in(path, &["--lang", "en", "check", "bank.yaml"], b"");
    assert_says(&output, 1, "bank.yaml:4: error: cannot read source file");
    assert!(text(&output).contains("pipe.txt`: it is a FIFO (named pipe), not a regular file"));
    // The folder walk finds `fifo.yaml` and reports it; the other bank is still checked.
    let output = run_in(path, &["--lang", "en", "check", "."], b"");
    assert_says(
        &output,
        1,
        "fifo.yaml:1: error: cannot read this bank: it is a FIFO",
    );
    assert!(
        text(&output).contains("checked 2 banks"),
        "{}",
        text(&output)
    );

    fs::copy(fixtures().join("valid.yaml"), path.join("valid.yaml")).unwrap();
    fs::copy(fixtures().join("article.txt"), path.join("article.txt")).unwrap();
    mkfifo(&path.join("progress.json"));
    let output = run_in(
        path,
        &["--bank", "valid.yaml", "review", "--state", "progress.json"],
        b"",
    );
    // The progress file's errors speak the interface language: French here.
    assert_says(
        &output,
        1,
        "c’est un tube nommé (FIFO), pas un fichier ordinaire",
    );
}

#[cfg(unix)]
#[test]
fn devices_are_refused_without_reading_them() {
    let dir = bank_dir("Qui parle ?", "zero.txt");
    let path = dir.path();
    let output = run_in(path, &["--lang", "en", "--bank", "/dev/zero", "stats"], b"");
    assert_says(
        &output,
        1,
        "cannot read this bank: it is a device, not a regular file",
    );
    std::os::unix::fs::symlink("/dev/zero", path.join("zero.txt")).unwrap();
    let output = run_in(
        path,
        &["--lang", "en", "--root", "/", "check", "bank.yaml"],
        b"",
    );
    assert_says(
        &output,
        1,
        "cannot read source file `/dev/zero`: it is a device, not a regular file",
    );
    std::os::unix::fs::symlink("/dev/zero", path.join("progress.json")).unwrap();
    fs::copy(fixtures().join("valid.yaml"), path.join("valid.yaml")).unwrap();
    fs::copy(fixtures().join("article.txt"), path.join("article.txt")).unwrap();
    let output = run_in(
        path,
        &["--bank", "valid.yaml", "review", "--state", "progress.json"],
        b"",
    );
    assert_says(
        &output,
        1,
        "impossible de lire `/dev/zero`\u{a0}: c’est un périphérique, pas un fichier ordinaire",
    );
}

#[test]
fn a_50_mb_bank_is_refused_by_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let big = fs::File::create(dir.path().join("big.yaml")).unwrap();
    // Sparse: the cap refuses it from its size, before reading a byte.
    big.set_len(50 * 1024 * 1024).unwrap();
    let output = run_in(dir.path(), &["--lang", "en", "check", "big.yaml"], b"");
    assert_says(
        &output,
        1,
        "big.yaml:1: error: cannot read this bank: it is larger than 32 MB, the most a bank may weigh",
    );
}

#[test]
fn an_article_over_4_mb_is_refused_by_the_cap() {
    let dir = bank_dir("Qui parle ?", "article.txt");
    let article = fs::File::create(dir.path().join("article.txt")).unwrap();
    article.set_len(5 * 1024 * 1024).unwrap();
    let output = run_in(dir.path(), &["--lang", "en", "check", "bank.yaml"], b"");
    assert_says(
        &output,
        1,
        "it is larger than 4 MB, the most an article may weigh",
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_walked_once() {
    let dir = tempfile::tempdir().unwrap();
    let banks = dir.path().join("banks");
    fs::create_dir_all(banks.join("sub")).unwrap();
    fs::copy(fixtures().join("valid.yaml"), banks.join("sub/valid.yaml")).unwrap();
    fs::copy(
        fixtures().join("article.txt"),
        banks.join("sub/article.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink("..", banks.join("sub/up")).unwrap();
    std::os::unix::fs::symlink("sub", banks.join("again")).unwrap();
    std::os::unix::fs::symlink("valid.yaml", banks.join("sub/same.yaml")).unwrap();
    let output = run_in(dir.path(), &["check", "banks"], b"");
    assert_says(
        &output,
        0,
        "1 banque vérifiée (1 question)\u{a0}: 0 erreur, 0 avertissement",
    );
}

// 3. Source files stay inside the root.

#[test]
fn a_source_file_outside_the_bank_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let banks = dir.path().join("banks");
    fs::create_dir(&banks).unwrap();
    fs::copy(
        fixtures().join("article.txt"),
        dir.path().join("article.txt"),
    )
    .unwrap();
    fs::write(
        banks.join("bank.yaml"),
        one_question("Qui parle ?", "../article.txt"),
    )
    .unwrap();
    let real = fs::canonicalize(dir.path()).unwrap();
    let output = run_in(&banks, &["--lang", "en", "check", "bank.yaml"], b"");
    assert_says(
        &output,
        1,
        &format!(
            "bank.yaml:4: error: the bank reads its article from `../article.txt`, outside its folder `{}`; to be safe, mediaquiz only reads files kept in the bank's folder (a bank from a colleague could otherwise print your own files). If you trust this bank, allow it to read this article, `{}`, from now on: `mediaquiz allow bank.yaml`; or for this time only: `mediaquiz --root .. --lang en check bank.yaml`",
            real.join("banks").display(),
            real.join("article.txt").display()
        ),
    );
    // The teacher who keeps articles in a sibling folder runs the command
    // the refusal prints, as printed.
    let said = text(&output);
    let line = said.rsplit("for this time only: `").next().unwrap();
    let words = shlex::split(&line[..line.find('`').unwrap()]).unwrap();
    assert_eq!(words[0], "mediaquiz");
    let words: Vec<&str> = words[1..].iter().map(String::as_str).collect();
    let output = run_in(&banks, &words, b"");
    assert_says(&output, 0, "checked 1 bank");
    // From the folder above, the same refusal names `.` and the sheet to make.
    let output = run_in(dir.path(), &["worksheet", "banks/bank.yaml"], b"");
    assert_says(
        &output,
        1,
        "ou pour cette fois seulement\u{a0}: `mediaquiz --root . worksheet banks/bank.yaml`",
    );
    assert_says(
        &output,
        1,
        "erreur\u{a0}: la banque `banks/bank.yaml` n’a pas été lue, car son article est rangé hors de son dossier\u{a0}: suivez le conseil ci-dessus, puis réessayez",
    );

    fs::write(
        banks.join("bank.yaml"),
        one_question("Qui parle ?", "/etc/passwd"),
    )
    .unwrap();
    let output = run_in(&banks, &["--lang", "en", "check", "bank.yaml"], b"");
    assert_says(
        &output,
        1,
        "the bank reads its article at `/etc/passwd`, an absolute path: write a path relative to the bank's folder instead",
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_root_is_refused_after_resolving_it() {
    let dir = bank_dir("Qui parle ?", "link.txt");
    std::os::unix::fs::symlink("/etc/hostname", dir.path().join("link.txt")).unwrap();
    let output = run_in(dir.path(), &["--lang", "en", "check", "bank.yaml"], b"");
    assert_says(
        &output,
        1,
        "the bank reads its article from `link.txt`, a link leading to `/etc/hostname`, outside the bank's folder; to be safe, mediaquiz does not follow such a link: copy the article itself into the bank's folder",
    );
}

// 4. Bounded work.

#[test]
fn a_10000_character_misquote_is_answered_at_once_and_shortened() {
    let dir = bank_dir("Qui parle ?", "article.txt");
    let quote = "les rebelles touareg ".repeat(500);
    let bank = one_question("Qui parle ?", "article.txt").replace(
        "selon les déclarations d'un porte-parole du CSP",
        quote.trim(),
    );
    fs::write(dir.path().join("bank.yaml"), bank).unwrap();
    let output = run_in(dir.path(), &["check", "bank.yaml"], b"");
    assert_says(
        &output,
        1,
        "pas de passage proche cherché (la citation dépasse 600 caractères)",
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.len() < 500, "the quote is shortened: {stdout}");
    assert!(stdout.contains(" … "), "{stdout}");
}

#[test]
fn a_typo_still_gets_its_closest_passage() {
    let dir = bank_dir("Qui parle ?", "article.txt");
    let bank = one_question("Qui parle ?", "article.txt").replace(
        "selon les déclarations d'un porte-parole du CSP",
        "selon les déclaration d'un porte-parole du CSP",
    );
    fs::write(dir.path().join("bank.yaml"), bank).unwrap();
    let output = run_in(dir.path(), &["check", "bank.yaml"], b"");
    assert_says(
        &output,
        1,
        "bank.yaml:13: error: preuve introuvable dans l’article\u{a0}: «\u{a0}selon les déclaration d'un porte-parole du CSP\u{a0}»\u{a0}; passage le plus proche\u{a0}: «\u{a0}selon les déclarations d'un porte-parole du CSP\u{a0}» [q1]",
    );
}

#[test]
fn an_english_bank_is_told_about_its_quotes_in_english_with_english_quote_marks() {
    let dir = bank_dir("Who speaks?", "article.txt");
    let bank = one_question("Who speaks?", "article.txt")
        .replace("language: fr", "language: en")
        .replace(
            "selon les déclarations d'un porte-parole du CSP",
            "selon les déclaration d'un porte-parole du CSP",
        );
    fs::write(dir.path().join("bank.yaml"), bank).unwrap();
    let output = run_in(dir.path(), &["check", "bank.yaml"], b"");
    assert_says(
        &output,
        1,
        "bank.yaml:13: error: evidence not found in the article: “selon les déclaration d'un porte-parole du CSP”; closest passage: “selon les déclarations d'un porte-parole du CSP” [q1]",
    );
    assert!(!text(&output).contains('«'), "{}", text(&output));
}

// 5. The progress file.

fn review_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(fixtures().join("valid.yaml"), dir.path().join("valid.yaml")).unwrap();
    fs::copy(
        fixtures().join("article.txt"),
        dir.path().join("article.txt"),
    )
    .unwrap();
    dir
}

fn review(dir: &Path, state: &str) -> Output {
    run_in(
        dir,
        &["--bank", "valid.yaml", "review", "--state", state],
        b"\n3\n",
    )
}

#[cfg(unix)]
#[test]
fn a_symlinked_progress_file_stays_a_symlink_and_its_lock_is_the_real_one() {
    let dir = review_dir();
    let path = dir.path();
    fs::create_dir(path.join("real")).unwrap();
    std::os::unix::fs::symlink("real/progress.json", path.join("link.json")).unwrap();
    let output = review(path, "link.json");
    assert_says(&output, 0, "");
    assert!(
        fs::symlink_metadata(path.join("link.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let saved = fs::read_to_string(path.join("real/progress.json")).unwrap();
    assert!(saved.contains("retrait-source"), "{saved}");
    // The lock goes with the session.
    assert!(!path.join("real/progress.json.lock").exists());
    assert!(!path.join("link.json.lock").exists());
}

#[test]
fn unknown_fields_in_the_progress_file_are_kept() {
    let dir = review_dir();
    fs::write(
        dir.path().join("p.json"),
        r#"{"version": 2, "banks": {"other": {"cards": {}, "colour": "blue"}}, "future": [1, 2]}"#,
    )
    .unwrap();
    assert_says(&review(dir.path(), "p.json"), 0, "");
    let saved: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("p.json")).unwrap()).unwrap();
    assert_eq!(saved["future"], serde_json::json!([1, 2]));
    assert_eq!(saved["banks"]["other"]["colour"], "blue");
}

#[test]
fn a_newer_progress_file_asks_for_an_update_not_a_reset() {
    let dir = review_dir();
    fs::write(
        dir.path().join("p.json"),
        r#"{"version": 7, "cards": "new"}"#,
    )
    .unwrap();
    let output = review(dir.path(), "p.json");
    assert_says(
        &output,
        1,
        "a été écrit par un mediaquiz plus récent (version 7)\u{a0}: mettez mediaquiz à jour",
    );
    assert!(!text(&output).contains("--reset"), "{}", text(&output));
}

#[test]
fn a_bom_in_the_progress_file_is_accepted() {
    let dir = review_dir();
    fs::write(
        dir.path().join("p.json"),
        "\u{feff}{\"version\": 1, \"banks\": {}}\r\n",
    )
    .unwrap();
    assert_says(&review(dir.path(), "p.json"), 0, "");
}

#[test]
fn temporaries_of_a_killed_save_are_removed_and_no_lock_stays() {
    let dir = review_dir();
    let path = dir.path();
    fs::write(path.join(".p.json.mediaquiz-a1B2c3.tmp"), "{ \"vers").unwrap();
    // Not names the tool makes: kept.
    fs::write(path.join(".p.json.mediaquiz-notes.txt"), "mine").unwrap();
    fs::write(path.join(".other.json.mediaquiz-a1B2c3.tmp"), "theirs").unwrap();
    assert_says(&review(path, "p.json"), 0, "");
    let mut names: Vec<String> = fs::read_dir(path)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            ".other.json.mediaquiz-a1B2c3.tmp",
            ".p.json.mediaquiz-notes.txt",
            "article.txt",
            "p.json",
            "valid.yaml"
        ]
    );
}

// 7. Odd but legitimate (or plainly broken) text.

#[test]
fn a_100000_character_prompt_is_checked_and_printed() {
    let dir = bank_dir(&"Qui parle vraiment ? ".repeat(5000), "article.txt");
    let output = run_in(dir.path(), &["--lang", "en", "check", "bank.yaml"], b"");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let output = run_in(
        dir.path(),
        &[
            "--bank",
            "bank.yaml",
            "worksheet",
            "-n",
            "1",
            "--seed",
            "1",
            "--out",
            "out",
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let sheet = fs::read_to_string(dir.path().join("out/worksheet-A.html")).unwrap();
    assert!(sheet.len() > 100_000);
}

#[test]
fn empty_comment_only_and_not_utf8_files_are_findings() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.yaml"), "").unwrap();
    fs::write(dir.path().join("comments.yaml"), "# nothing\n# here\n").unwrap();
    fs::write(dir.path().join("latin1.yaml"), b"title: \"caf\xe9\"\n").unwrap();
    for (file, says) in [
        ("empty.yaml", "empty.yaml:1: error:"),
        ("comments.yaml", "comments.yaml:1: error:"),
        (
            "latin1.yaml",
            "latin1.yaml:1: error: this file is not UTF-8 text: save it as UTF-8 in your editor",
        ),
    ] {
        assert_says(
            &run_in(dir.path(), &["--lang", "en", "check", file], b""),
            1,
            says,
        );
    }
}

#[test]
fn bom_crlf_and_tabs() {
    let dir = bank_dir("Qui parle ?", "article.txt");
    let bank = format!(
        "\u{feff}{}",
        one_question("Qui parle ?", "article.txt").replace('\n', "\r\n")
    );
    fs::write(dir.path().join("bank.yaml"), bank).unwrap();
    assert_says(
        &run_in(dir.path(), &["check", "bank.yaml"], b""),
        0,
        "1 banque vérifiée",
    );
    // A tab inside a value is text; a tab as indentation is a YAML error, located.
    let tabbed = one_question("Qui\tparle ?", "article.txt").replace("    type:", "\ttype:");
    fs::write(dir.path().join("bank.yaml"), tabbed).unwrap();
    assert_says(
        &run_in(dir.path(), &["--lang", "en", "check", "bank.yaml"], b""),
        1,
        "bank.yaml:7: error:",
    );
}

#[test]
fn empty_and_blank_quotes_are_errors() {
    let dir = bank_dir("Qui parle ?", "article.txt");
    for quote in ["", "   ", "…"] {
        let bank = one_question("Qui parle ?", "article.txt")
            .replace("selon les déclarations d'un porte-parole du CSP", quote);
        fs::write(dir.path().join("bank.yaml"), bank).unwrap();
        assert_says(
            &run_in(dir.path(), &["--lang", "en", "check", "bank.yaml"], b""),
            1,
            "bank.yaml:13: error:",
        );
    }
}

#[test]
fn arabic_tifinagh_emoji_and_right_to_left_marks_pass_through() {
    let dir = tempfile::tempdir().unwrap();
    let article = "قالت المصادر إن الهدوء عاد إلى المدينة.\n\nⴰⵎⴰⵣⵉⵖ ⵜⴰⵎⴰⵣⵉⵖⵜ ⴷ ⵜⵓⵜⵍⴰⵢⵜ.\n\nLe calme 🕊️ est revenu \u{200f}ici\u{200e}.\n";
    fs::write(dir.path().join("a.txt"), article).unwrap();
    let bank = one_question("ⵎⴰ ⵢⵏⵏⴰ? من قال؟ 🤔 \u{202e}txet\u{202c}", "a.txt")
        .replace(
            "selon les déclarations d'un porte-parole du CSP",
            "عاد إلى المدينة",
        )
        .replace("Un porte-parole du CSP", "ⵜⵓⵜⵍⴰⵢⵜ 🕊️");
    fs::write(dir.path().join("bank.yaml"), bank).unwrap();
    let output = run_in(dir.path(), &["--lang", "en", "check", "bank.yaml"], b"");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let output = run_in(
        dir.path(),
        &[
            "--bank",
            "bank.yaml",
            "worksheet",
            "-n",
            "1",
            "--seed",
            "1",
            "--out",
            "out",
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let key = fs::read_to_string(dir.path().join("out/answers-A.html")).unwrap();
    assert!(key.contains("ⵜⵓⵜⵍⴰⵢⵜ 🕊️"), "{key}");
    assert!(key.contains("عاد إلى المدينة"), "{key}");
}

/// Every text field of every question type, the title, the outlet and the
/// article carry [`INJECTED`].
fn injected_bank(dir: &Path) -> PathBuf {
    let p = INJECTED;
    fs::write(
        dir.join("article.txt"),
        format!("Texte piégé {p} fin du paragraphe.\n\nSuite {p} ici.\n"),
    )
    .unwrap();
    let bank = format!(
        r#"title: '{p}'
language: fr
source:
  file: article.txt
  outlet: '{p}'
questions:
  - id: single
    type: single
    skill: sourcing
    prompt: 'Prompt {p}'
    choices: ['Oui {p}', 'Non {p}']
    answer: 'Oui {p}'
    feedback:
      'Non {p}': 'Retour {p}'
    explanation: 'Explication {p}'
    evidence: ['Texte piégé {p} fin']
    justify: true
  - id: multi
    type: multi
    skill: recall
    prompt: 'Multi {p}'
    choices: ['A {p}', 'B {p}', 'C']
    answers: ['A {p}', 'B {p}']
    explanation: 'E {p}'
    evidence: ['Suite {p} ici']
  - id: tf
    type: truefalse
    skill: recall
    prompt: 'Vrai {p}'
    answer: true
    explanation: 'E {p}'
    evidence: ['Suite {p}']
  - id: claim
    type: claim
    skill: context
    prompt: 'Affirmation {p}'
    answer: not-stated
    explanation: 'E {p}'
    evidence: ['{p} fin']
  - id: short
    type: short
    skill: recall
    prompt: 'Court {p}'
    answer: 'mot {p}'
    accept: ['autre {p}']
    explanation: 'E {p}'
    evidence: ['piégé {p}']
  - id: cloze
    type: cloze
    skill: wording
    text: 'Le {{{{mot}}}} {p} et {{{{autre|{p}}}}}.'
    explanation: 'E {p}'
    evidence: ['Texte piégé']
  - id: match
    type: match
    skill: sourcing
    prompt: 'Relier {p}'
    pairs:
      - ['G1 {p}', 'D1 {p}']
      - ['G2 {p}', 'D2 {p}']
    explanation: 'E {p}'
    evidence: ['{p} ici']
  - id: order
    type: order
    skill: recall
    prompt: 'Ordre {p}'
    items: ['I1 {p}', 'I2 {p}', 'I3 {p}']
    explanation: 'E {p}'
    evidence: ['Suite']
"#
    );
    let path = dir.join("bank.yaml");
    fs::write(&path, bank).unwrap();
    path
}

#[test]
fn html_and_script_injection_in_every_field_stays_text() {
    let dir = tempfile::tempdir().unwrap();
    injected_bank(dir.path());
    let output = run_in(dir.path(), &["--lang", "en", "check", "bank.yaml"], b"");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let output = run_in(
        dir.path(),
        &[
            "--bank",
            "bank.yaml",
            "worksheet",
            "-n",
            "8",
            "--seed",
            "3",
            "--out",
            "out",
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    for page in ["worksheet-A.html", "answers-A.html"] {
        let html = fs::read_to_string(dir.path().join("out").join(page)).unwrap();
        assert!(!html.contains("<script>alert"), "{page}");
        assert!(!html.contains("<img src=x"), "{page}");
        assert!(!html.contains("onerror=alert(2)>"), "{page}");
        // Each injected field appears escaped: title, outlet, prompts, choices…
        let escaped = html
            .matches("&#60;script&#62;alert(1)&#60;/script&#62;")
            .count();
        assert!(escaped >= 10, "{page}: only {escaped} escaped copies");
    }
}

// Issue 20: no output ever replaces an input, whatever path spells it.

/// Every regular file of `dir` with its bytes, sorted: to compare before and after.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn an_export_over_the_bank_is_refused_in_every_format() {
    let dir = review_dir();
    let before = snapshot(dir.path());
    for format in [
        "gift",
        "anki",
        "anki-text",
        "qti",
        "json",
        "markdown",
        "html",
    ] {
        let output = run_in(
            dir.path(),
            &[
                "--lang",
                "en",
                "--bank",
                "valid.yaml",
                "export",
                "--format",
                format,
                "--out",
                "valid.yaml",
            ],
            b"",
        );
        assert_says(&output, 2, "is the bank this command reads");
        assert_eq!(snapshot(dir.path()), before, "{format}");
    }
}

#[cfg(unix)]
#[test]
fn an_output_over_an_input_is_refused_through_links_and_other_spellings() {
    let dir = review_dir();
    std::os::unix::fs::symlink("valid.yaml", dir.path().join("link.yaml")).unwrap();
    std::os::unix::fs::symlink("valid.yaml", dir.path().join("cards.html")).unwrap();
    fs::hard_link(dir.path().join("article.txt"), dir.path().join("hard.txt")).unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    let before = snapshot(dir.path());
    let cases: [(&[&str], &str); 6] = [
        (
            &["export", "--format", "gift", "--out", "./sub/../valid.yaml"],
            "the bank",
        ),
        (
            &["export", "--format", "gift", "--out", "link.yaml"],
            "the bank",
        ),
        (
            &["export", "--format", "json", "--out", "article.txt"],
            "the article",
        ),
        (
            &["export", "--format", "markdown", "--out", "hard.txt"],
            "the article",
        ),
        (&["flashcards", "--out", "cards.html"], "the bank"),
        (&["review", "--state", "./article.txt"], "the article"),
    ];
    for (args, what) in cases {
        let mut all = vec!["--lang", "en", "--bank", "valid.yaml"];
        all.extend_from_slice(args);
        let output = run_in(dir.path(), &all, b"");
        assert_says(&output, 2, &format!("is {what} this command reads"));
        assert_eq!(snapshot(dir.path()), before, "{args:?}");
    }
}

#[test]
fn review_state_over_the_bank_is_refused_and_says_so_in_french() {
    let dir = review_dir();
    let before = snapshot(dir.path());
    let output = run_in(
        dir.path(),
        &["--bank", "valid.yaml", "review", "--state", "valid.yaml"],
        b"",
    );
    assert_says(&output, 2, "est la banque que cette commande lit");
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn draft_out_over_the_article_is_refused_with_or_without_force() {
    let dir = review_dir();
    let before = snapshot(dir.path());
    for force in [false, true] {
        let mut args = vec![
            "--lang",
            "en",
            "draft",
            "article.txt",
            "--out",
            "./article.txt",
        ];
        if force {
            args.push("--force");
        }
        let output = run_in(dir.path(), &args, b"");
        assert_says(&output, 2, "is the article itself");
        assert_eq!(snapshot(dir.path()), before);
    }
}

// Issue 20: each failure of the probe, as a user meets it.

#[test]
fn one_mb_of_open_brackets_is_refused_while_scanning() {
    let dir = tempfile::tempdir().unwrap();
    for (name, opener) in [("square.yaml", "["), ("curly.yaml", "{a: ")] {
        let bank = format!(
            "title: x\nquestions: {}\n",
            opener.repeat((1 << 20) / opener.len())
        );
        fs::write(dir.path().join(name), bank).unwrap();
        let started = std::time::Instant::now();
        let output = run_in(dir.path(), &["--lang", "en", "check", name], b"");
        assert_says(&output, 1, "nested more than 128 levels deep");
        // 5× the issue's 1 s: a quadratic scan takes minutes.
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }
}

/// Every command that prints to standard output, from the fixtures folder.
const PRINTING: [&[&str]; 9] = [
    &["completions", "zsh"],
    &["man"],
    &["schema"],
    &["--help"],
    &["--version"],
    &["--bank", "valid.yaml", "stats"],
    &["--bank", "valid.yaml", "export", "--format", "json"],
    &["--bank", "valid.yaml", "export", "--format", "gift"],
    &["--bank", "valid.yaml", "worksheet", "--out", "{tmp}"],
];

fn printing(args: &[&str], tmp: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_mediaquiz"));
    cmd.current_dir(fixtures())
        .env("NO_COLOR", "1")
        .arg("--lang")
        .arg("en");
    for arg in args {
        match *arg {
            "{tmp}" => cmd.arg(tmp),
            _ => cmd.arg(arg),
        };
    }
    cmd
}

#[test]
fn completions_zsh_piped_to_head_exits_quietly_like_every_command() {
    use std::io::Read;
    let tmp = tempfile::tempdir().unwrap();
    for args in PRINTING {
        let mut child = printing(args, tmp.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // `| head -c 10`: read ten bytes, then close the pipe.
        let mut first = [0; 10];
        let mut stdout = child.stdout.take().unwrap();
        let _ = stdout.read(&mut first);
        drop(stdout);
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn stdout_to_dev_full_says_the_disk_is_full_for_every_command() {
    let tmp = tempfile::tempdir().unwrap();
    for args in PRINTING {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let output = printing(args, tmp.path()).stdout(full).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("the disk is full"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn unknown_fields_of_a_card_and_of_new_today_are_kept_through_a_save() {
    let dir = review_dir();
    let progress = r#"{"version": 2, "future": 1, "banks": {"other": {
        "cards": {"q": {"stability": 2.0, "difficulty": 5.0, "due": "2026-12-01",
                        "last": "2026-11-20", "reps": 4294967295, "lapses": 0,
                        "retrievability": 0.9, "history": [3, 3]}},
        "new_today": {"date": "2026-11-26", "count": 2, "source": "phone"}}}}"#;
    fs::write(dir.path().join("p.json"), progress).unwrap();
    assert_says(&review(dir.path(), "p.json"), 0, "");
    let saved: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("p.json")).unwrap()).unwrap();
    let other = &saved["banks"]["other"];
    assert_eq!(other["cards"]["q"]["retrievability"], 0.9);
    assert_eq!(other["cards"]["q"]["history"], serde_json::json!([3, 3]));
    assert_eq!(other["cards"]["q"]["reps"], 4294967295u32);
    assert_eq!(other["new_today"]["source"], "phone");
    assert_eq!(saved["future"], 1);
}

#[cfg(unix)]
#[test]
fn a_fifo_as_the_review_lock_file_is_refused_at_once() {
    let dir = review_dir();
    mkfifo(&dir.path().join("p.json.lock"));
    let output = run_in(
        dir.path(),
        &[
            "--lang",
            "en",
            "--bank",
            "valid.yaml",
            "review",
            "--state",
            "p.json",
        ],
        b"\n3\n",
    );
    assert_says(&output, 1, "it is a FIFO (named pipe), not a regular file");
    assert!(!dir.path().join("p.json").exists());
}

#[cfg(unix)]
#[test]
fn a_read_only_progress_file_is_refused_and_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = review_dir();
    let path = dir.path().join("p.json");
    fs::write(&path, r#"{"version": 2, "banks": {}}"#).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let output = review(dir.path(), "p.json");
    assert_says(&output, 1, "lecture seule");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        r#"{"version": 2, "banks": {}}"#
    );
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o444
    );
}

#[test]
fn gift_percent_weight_injection_is_escaped_in_every_text() {
    let dir = bank_dir("Qui parle à 100 % ?", "article.txt");
    let bank = fs::read_to_string(dir.path().join("bank.yaml"))
        .unwrap()
        .replace("\"L'armée malienne\"", "\"%100%faux\"")
        .replace("\"Le CSP.\"", "\"Sûr à 50 %.\"");
    fs::write(dir.path().join("bank.yaml"), bank).unwrap();
    let output = run_in(
        dir.path(),
        &["--bank", "bank.yaml", "export", "--format", "gift"],
        b"",
    );
    assert_says(&output, 0, "~&\\#37;100&\\#37;faux");
    let gift = crate::util::plain(&String::from_utf8_lossy(&output.stdout));
    assert!(gift.contains("100 &\\#37; ?"), "{gift}");
    assert!(gift.contains("50 &\\#37;."), "{gift}");
    // No `%` is left in any question: only `&#37;`, its `#` escaped for GIFT.
    let questions = gift.split("\n::").skip(1).collect::<String>();
    assert!(!questions.contains('%'), "{gift}");
}

#[test]
fn anki_sound_latex_and_cloze_markup_from_bank_text_is_inert() {
    let dir = bank_dir("Qui parle [sound:evil.mp3] ?", "article.txt");
    let bank = fs::read_to_string(dir.path().join("bank.yaml"))
        .unwrap()
        .replace("\"L'armée malienne\"", "\"{{c1::x}} \\\\(y\\\\)\"")
        .replace(
            "\"Le CSP.\"",
            "\"[latex]\\\\input{/etc/passwd}[/latex] [$]x[/$]\"",
        );
    fs::write(dir.path().join("bank.yaml"), bank).unwrap();
    let output = run_in(
        dir.path(),
        &["--bank", "bank.yaml", "export", "--format", "anki-text"],
        b"",
    );
    assert_says(&output, 0, "&#91;sound:evil.mp3&#93;");
    let text = String::from_utf8_lossy(&output.stdout);
    let notes: String = text.lines().filter(|l| !l.starts_with('#')).collect();
    for live in ["[sound:", "[latex]", "[$]", "{{c1::", "\\("] {
        assert!(!notes.contains(live), "`{live}` live in:\n{notes}");
    }
    assert!(notes.contains("&#91;latex&#93;"), "{notes}");
}

#[test]
fn escape_sequences_in_file_names_are_shown_not_obeyed() {
    let dir = bank_dir("Qui parle ?", "article.txt");
    let hidden = "conceal\x1b[8mhidden";
    // A bank with a finding, so that `check` names its file.
    fs::write(dir.path().join(format!("{hidden}.yaml")), "title: x\n").unwrap();
    fs::write(
        dir.path().join(format!("{hidden}.txt")),
        "Un article.\n".repeat(40),
    )
    .unwrap();
    let runs: [&[&str]; 3] = [
        &["--lang", "en", "check", "."],
        &["--lang", "en", "--bank", "missing\x1b[8m.yaml", "stats"],
        &["--lang", "en", "draft", "conceal\x1b[8mhidden.txt"],
    ];
    for args in runs {
        let output = run_in(dir.path(), args, b"");
        let all = text(&output);
        assert!(!all.contains('\x1b'), "{args:?}: raw ESC in {all:?}");
        assert!(all.contains("^[[8m"), "{args:?}: {all}");
    }
}

#[cfg(unix)]
#[test]
fn check_dir_reports_dangling_and_looping_yaml_links() {
    let dir = bank_dir("Qui parle ?", "article.txt");
    std::os::unix::fs::symlink("nowhere.yaml", dir.path().join("gone.yaml")).unwrap();
    std::os::unix::fs::symlink("loop.yaml", dir.path().join("loop.yaml")).unwrap();
    // Not a bank's name: still ignored.
    std::os::unix::fs::symlink("nowhere.txt", dir.path().join("gone.txt")).unwrap();
    let output = run_in(dir.path(), &["--lang", "en", "check", "."], b"");
    assert_says(
        &output,
        0,
        "gone.yaml:1: warning: this symbolic link leads to `nowhere.yaml`, which does not exist",
    );
    assert_says(
        &output,
        0,
        "loop.yaml:1: warning: this symbolic link (to `loop.yaml`) loops back on itself",
    );
    assert!(!text(&output).contains("gone.txt"));
    assert_says(&output, 0, "checked 1 bank");
}

#[test]
fn a_700_mb_answer_line_is_capped_and_its_end_of_input_ends_the_quiz() {
    // 20 MB here (700 MB in scripts/hostile.sh), with no newline: the line
    // is skipped in 64 KiB pieces and the end of input ends the quiz (it
    // once waited for ever after a skipped line).
    let dir = bank_dir("Qui parle ?", "article.txt");
    let input = vec![b'a'; 20 << 20];
    let output = run_in(
        dir.path(),
        &["--bank", "bank.yaml", "quiz", "--seed", "1", "-n", "1"],
        &input,
    );
    assert_says(&output, 0, "(a line over 64 KiB is not an answer");
}

#[test]
fn many_short_lines_on_the_quiz_stdin_are_read_as_answers_one_by_one() {
    let dir = bank_dir("Qui parle ?", "article.txt");
    let input = "9\n".repeat(1 << 20);
    let output = run_in(
        dir.path(),
        &["--bank", "bank.yaml", "quiz", "--seed", "1", "-n", "1"],
        input.as_bytes(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
}
