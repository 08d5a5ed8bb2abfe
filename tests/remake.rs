//! The "make it again" line of every command that prints one, run as
//! printed: it makes byte-identical files (or the same quiz). The runs take
//! no `--seed`, so the line must carry the one drawn, and they name a bank
//! and an `--out` whose paths need quoting.

use std::fs;
use std::path::Path;

use crate::util::{fixtures, mediaquiz};

/// A folder holding `banque d'essai/sheet.yaml` (with its article): a bank
/// path with a space and a quote.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let banks = dir.path().join("banque d'essai");
    fs::create_dir(&banks).unwrap();
    for name in ["sheet.yaml", "article.txt"] {
        fs::copy(fixtures().join(name), banks.join(name)).unwrap();
    }
    dir
}

const BANK: &str = "banque d'essai/sheet.yaml";

/// Runs `mediaquiz ARGS` in `dir` with `stdin`, asserts success, and returns
/// its standard output and error.
fn run(dir: &Path, args: &[String], stdin: &str) -> (String, String) {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = mediaquiz(&args)
        .current_dir(dir)
        .write_stdin(stdin)
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    );
    assert!(output.status.success(), "{args:?}: {stderr}");
    (stdout, stderr)
}

/// The words after `mediaquiz` of the first `` `mediaquiz …` `` line in
/// `text`, split as a shell would.
fn printed_line(text: &str) -> Vec<String> {
    let start = text
        .find("`mediaquiz ")
        .unwrap_or_else(|| panic!("no make-it-again line in {text}"));
    let line = &text[start + 1..];
    let line = &line[..line.find('`').unwrap()];
    let mut words = shlex::split(line).unwrap();
    assert_eq!(words.remove(0), "mediaquiz", "{line}");
    words
}

/// A page's text with its `<code>` marks made backticks and askama's
/// escapes undone, as a reader copies the line from it.
fn as_read(html: &[u8]) -> String {
    String::from_utf8(html.to_vec())
        .unwrap()
        .replace("<code>", "`")
        .replace("</code>", "`")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&#38;", "&")
}

fn owned(args: &[&str]) -> Vec<String> {
    args.iter().map(|&a| a.to_owned()).collect()
}

/// Every file under `dir`, by name, with its bytes; `dir` is then emptied.
fn take_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let bytes = fs::read(&path).unwrap();
            fs::remove_file(&path).unwrap();
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                bytes,
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn worksheet_the_printed_line_makes_the_same_sheets() {
    let dir = workspace();
    let args = owned(&[
        "--lang",
        "en",
        "--bank",
        BANK,
        "worksheet",
        "-n",
        "4",
        "--skill",
        "sourcing",
        "--skill",
        "wording",
        "--versions",
        "2",
        "--paper",
        "LETTER",
        "--no-article",
        "--out",
        "sorties d'élèves/jeudi",
    ]);
    let (_, stderr) = run(dir.path(), &args, "");
    let out = dir.path().join("sorties d'élèves/jeudi");
    let first = take_files(&out);
    // Two sheets, their compact keys and the explained key.
    assert_eq!(first.len(), 5, "{first:?}");
    let again = printed_line(&stderr);
    assert!(again.contains(&"--seed".to_owned()), "{again:?}");
    run(dir.path(), &again, "");
    assert_eq!(take_files(&out), first, "{again:?}");

    // The line the sheets print leaves the folder out: run as printed, it
    // makes the same sheets in the default folder.
    assert_eq!(first[3].0, "worksheet-A.html");
    let printed = printed_line(&as_read(&first[3].1));
    assert!(!printed.contains(&"--out".to_owned()), "{printed:?}");
    run(dir.path(), &printed, "");
    assert_eq!(take_files(&dir.path().join("worksheets")), first);
}

#[test]
fn flashcards_the_printed_line_makes_the_same_deck() {
    let dir = workspace();
    let args = owned(&[
        "--bank",
        BANK,
        "flashcards",
        "--type",
        "single",
        "--type",
        "card",
        "--paper",
        "Letter",
        "--duplex",
        "short",
        "--out",
        "mes fiches/deck d'essai.html",
    ]);
    let (_, stderr) = run(dir.path(), &args, "");
    let out = dir.path().join("mes fiches");
    let first = take_files(&out);
    assert_eq!(first.len(), 1);
    let again = printed_line(&stderr);
    run(dir.path(), &again, "");
    assert_eq!(take_files(&out), first, "{again:?}");
}

#[test]
fn the_self_check_page_s_printed_line_makes_the_same_page() {
    let dir = workspace();
    let args = owned(&[
        "--bank",
        BANK,
        "export",
        "--format",
        "html",
        "-n",
        "4",
        "--difficulty",
        "1",
        "--difficulty",
        "2",
        "--out",
        "pages élèves/quiz (1).html",
    ]);
    let (_, stderr) = run(dir.path(), &args, "");
    let out = dir.path().join("pages élèves");
    let first = take_files(&out);
    assert_eq!(first.len(), 1);
    let again = printed_line(&stderr);
    run(dir.path(), &again, "");
    assert_eq!(take_files(&out), first, "{again:?}");
    // The page prints the same line.
    let printed = printed_line(&as_read(&first[0].1));
    assert_eq!(printed, again);
}

#[test]
fn the_quiz_s_printed_line_asks_the_same_questions_in_the_same_order() {
    let dir = workspace();
    let args = owned(&[
        "--bank", BANK, "--lang", "en", "quiz", "-n", "4", "--type", "single", "--type", "multi",
        "--type", "match", "--retry",
    ]);
    // Wrong answers, then the retry, then quit: the transcript shows the
    // questions, their shuffled choices and the retry order.
    let answers = "a\nb\n1a 2b 3c\na\nb\nq\n";
    let (first, _) = run(dir.path(), &args, answers);
    let again = printed_line(&first);
    assert!(again.contains(&"--retry".to_owned()), "{again:?}");
    let (second, _) = run(dir.path(), &again, answers);
    assert_eq!(second, first, "{again:?}");
}

/// An export drawn with `-n` prints the seed that draws it again (the file
/// is its own line: no command is printed).
#[test]
fn an_export_drawn_without_a_seed_says_the_seed_that_draws_it_again() {
    let dir = workspace();
    let args = owned(&["--bank", BANK, "export", "--format", "json", "-n", "3"]);
    let (first, stderr) = run(dir.path(), &args, "");
    let seed = stderr.split('`').nth(1).unwrap();
    let mut again = args.clone();
    again.extend(seed.split(' ').map(str::to_owned));
    let (second, _) = run(dir.path(), &again, "");
    assert_eq!(second, first);
}

#[test]
fn worksheet_a_bank_given_as_argument_prints_a_line_that_makes_the_same_sheets() {
    let dir = workspace();
    let args = owned(&["worksheet", BANK, "-n", "3", "--out", "out"]);
    let (_, stderr) = run(dir.path(), &args, "");
    let first = take_files(&dir.path().join("out"));
    assert_eq!(first.len(), 2, "{first:?}");
    let again = printed_line(&stderr);
    run(dir.path(), &again, "");
    assert_eq!(take_files(&dir.path().join("out")), first, "{again:?}");
}
