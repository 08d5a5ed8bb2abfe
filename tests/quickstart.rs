//! `docs/fr/demarrage.md`, the French quick start, runs as written: every
//! command line of its ```sh blocks, in order, in a fresh folder holding a
//! copy of `docs/fr/exemple/`, with the built binary as `mediaquiz` on PATH.

use std::fs;
use std::path::Path;

fn doc() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/fr/demarrage.md")).unwrap()
}

#[cfg(unix)]
/// The comment that keeps a block from running: installing downloads and
/// compiles, which no test does.
const NOT_RUN: &str = "<!-- non exécuté par le test, car il télécharge et compile -->";

#[cfg(unix)]
/// The ```sh blocks' command lines, and whether the block is run.
fn sh_blocks(doc: &str) -> Vec<(Vec<String>, bool)> {
    let mut blocks = Vec::new();
    let mut lines = doc.lines();
    let mut before = "";
    while let Some(line) = lines.next() {
        if line == "```sh" {
            let block: Vec<String> = lines
                .by_ref()
                .take_while(|l| *l != "```")
                .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                .map(str::to_owned)
                .collect();
            blocks.push((block, before != NOT_RUN));
        }
        if !line.trim().is_empty() {
            before = line;
        }
    }
    blocks
}

#[cfg(unix)]
fn copy_folder(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn every_command_of_the_french_quick_start_runs_as_written() {
    use std::process::Command;

    use crate::print::chromium;

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("exemple");
    fs::create_dir(&work).unwrap();
    copy_folder(&root.join("docs/fr/exemple"), &work);
    let bin = dir.path().join("bin");
    fs::create_dir(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_mediaquiz"), bin.join("mediaquiz")).unwrap();
    let path = std::env::join_paths(std::iter::once(bin.clone()).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    let browser = chromium();

    let blocks = sh_blocks(&doc());
    let skipped: Vec<&String> = blocks.iter().filter(|b| !b.1).flat_map(|b| &b.0).collect();
    assert_eq!(
        skipped,
        [
            "curl --proto '=https' --tlsv1.2 -LsSf https://github.com/mediaquiz/mediaquiz/releases/latest/download/mediaquiz-installer.sh | sh",
            "cargo install --path .",
        ],
        "only installing is not run"
    );
    let mut ran = Vec::new();
    for line in blocks.iter().filter(|b| b.1).flat_map(|b| &b.0) {
        // Without a browser, `--pdf` cannot print: the rest still runs.
        let line = match (&browser, line.contains(" --pdf")) {
            (None, true) => line.replace(" --pdf", ""),
            _ => line.clone(),
        };
        let mut sh = Command::new("sh");
        sh.arg("-c")
            .arg(&line)
            .current_dir(&work)
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG");
        if let Some(chromium) = &browser {
            sh.env("CHROME", chromium);
        }
        let output = sh.output().unwrap();
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        // The draft's check fails on what only the teacher can write (its
        // `TODO`s), as the page says; every other line succeeds.
        let todo_left = line == "mediaquiz check article.yaml"
            && output.status.code() == Some(1)
            && said.contains("TODO à remplir");
        assert!(
            output.status.success() || todo_left,
            "`{line}` failed:\n{said}"
        );
        ran.push((line, said.replace('\u{a0}', " ")));
    }

    let said = |command: &str| {
        &ran.iter()
            .find(|(line, _)| line.starts_with(command))
            .unwrap_or_else(|| panic!("`{command}` is not in the quick start"))
            .1
    };
    // What the page says each step does.
    assert!(said("mediaquiz draft article.html").contains("`article.yaml` écrit"));
    assert!(said("mediaquiz check article.yaml").contains("11 questions à relire"));
    assert!(
        said("mediaquiz check ma-banque.yaml").contains("0 erreur, 0 avertissement"),
        "{}",
        said("mediaquiz check ma-banque.yaml")
    );
    assert!(said("mediaquiz --help").contains("Utilisation : mediaquiz"));
    assert!(said("mediaquiz worksheet --help").contains("Exemples :"));
    let mut made = vec![
        "article.yaml",
        "article.article.txt",
        "worksheets/worksheet-A.html",
        "worksheets/worksheet-B.html",
        "worksheets/answers-A.html",
        "worksheets/answers-B.html",
        "flashcards.html",
        "autoevaluation.html",
        "ma-banque.xml",
        "ma-banque.apkg",
    ];
    if browser.is_some() {
        made.extend([
            "worksheets/class-set.pdf",
            "worksheets/answers.pdf",
            "flashcards.pdf",
        ]);
    }
    for file in made {
        assert!(work.join(file).is_file(), "{file} was not written");
    }
}

/// The page's prose in French typography: typographic apostrophes, and a
/// no-break space inside « » and before : ; ? ! (code and links aside).
#[test]
fn the_quick_start_is_in_french_typography() {
    let mut in_code = false;
    for (n, line) in doc().lines().enumerate() {
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code || line.starts_with("<!--") {
            continue;
        }
        let prose: String = line
            .split('`')
            .step_by(2)
            .map(|part| part.split("](").next().unwrap_or(part))
            .collect();
        let n = n + 1;
        assert!(
            !prose.contains('\''),
            "line {n}: a straight apostrophe: {line}"
        );
        for mark in [" :", " ;", " ?", " !", " »", "« "] {
            assert!(
                !prose.contains(mark),
                "line {n}: `{mark}` wants a no-break space: {line}"
            );
        }
    }
}

#[test]
fn the_readme_sends_french_teachers_to_the_quick_start_first() {
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let top: Vec<&str> = readme.lines().take(5).collect();
    assert!(
        top.iter().any(|l| l.contains("docs/fr/demarrage.md")),
        "{top:#?}"
    );
}
