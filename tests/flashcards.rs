//! `mediaquiz flashcards`: the file, its layout for each duplex, the flags
//! and their errors; printed by Chromium, where each back lands.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::print::{chromium, pdftotext, vnu_jar};
use crate::util::{fixtures, mediaquiz, plain, stdout_of};

/// Runs `mediaquiz [global] flashcards ARGS --out DIR/flashcards.html` and
/// returns the folder (kept alive), the file, and the standard error.
fn deck(global: &[&str], args: &[&str]) -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("flashcards.html");
    let mut all: Vec<&str> = global.to_vec();
    all.push("flashcards");
    all.extend_from_slice(args);
    all.extend_from_slice(&["--out", file.to_str().unwrap()]);
    let output = mediaquiz(&all).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stderr}");
    (dir, file, stderr)
}

/// The cells of each page of a deck, in reading order: `front-ID`,
/// `back-ID` or `empty`.
fn pages(html: &str) -> Vec<Vec<String>> {
    html.split("<section class=\"sheet\"")
        .skip(1)
        .map(|page| {
            page.split("<div class=\"card ")
                .skip(1)
                .map(|cell| {
                    cell.split_once("id=\"")
                        .filter(|_| !cell.starts_with("empty"))
                        .map_or("empty".to_owned(), |(_, rest)| {
                            rest.split('"').next().unwrap().to_owned()
                        })
                })
                .collect()
        })
        .collect()
}

/// How many questions the shipped bank has (`stats` says it on its first line).
fn shipped_count() -> usize {
    let output = mediaquiz(&["stats"]).output().unwrap();
    let first = stdout_of(&output).lines().next().unwrap().to_owned();
    let count = first.rsplit('(').next().unwrap();
    count.split(' ').next().unwrap().parse().unwrap()
}

#[test]
fn a_seeded_deck_is_stable() {
    let (_dir, file, _) = deck(&["--bank", "sheet.yaml"], &["--seed", "3"]);
    insta::assert_snapshot!("flashcards", std::fs::read_to_string(file).unwrap());
    let (_dir, file, _) = deck(
        &["--bank", "sheet.yaml", "--lang", "en"],
        &["--seed", "3", "--paper", "letter", "--duplex", "fold"],
    );
    insta::assert_snapshot!("flashcards-en-fold", std::fs::read_to_string(file).unwrap());
}

#[test]
fn every_question_is_a_card_two_pages_per_eight_cards() {
    let (_dir, file, stderr) = deck(&[], &["--seed", "4"]);
    let html = std::fs::read_to_string(file).unwrap();
    let cards = shipped_count();
    let pages = pages(&html);
    assert_eq!(pages.len(), 2 * cards.div_ceil(8));
    let fronts: Vec<&String> = pages
        .iter()
        .flatten()
        .filter(|c| c.starts_with("front-"))
        .collect();
    assert_eq!(fronts.len(), cards);
    // Flashcard-only questions are included.
    assert!(html.contains("id=\"front-card-"), "no `card` question");
    assert!(
        plain(&stderr).contains("graine 4 : `mediaquiz flashcards --seed 4 --out "),
        "{stderr}"
    );
}

#[test]
fn backs_mirror_their_fronts_for_each_duplex() {
    for (duplex, mirror) in [
        (
            "long",
            (|r, c| (r, 1 - c)) as fn(usize, usize) -> (usize, usize),
        ),
        ("short", |r, c| (3 - r, c)),
    ] {
        let (_dir, file, _) = deck(&[], &["--seed", "2", "--duplex", duplex]);
        let pages = pages(&std::fs::read_to_string(file).unwrap());
        for pair in pages.chunks(2) {
            let (fronts, backs) = (&pair[0], &pair[1]);
            assert_eq!((fronts.len(), backs.len()), (8, 8));
            for (k, cell) in fronts.iter().enumerate() {
                let (r, c) = mirror(k / 2, k % 2);
                let expected = cell.replace("front-", "back-");
                assert_eq!(backs[r * 2 + c], expected, "{duplex}: cell {k}");
            }
        }
    }
    // Fold: each row is a front beside its own back, 4 cards a page.
    let (_dir, file, _) = deck(&["--bank", "sheet.yaml"], &["--duplex", "fold"]);
    let pages = pages(&std::fs::read_to_string(file).unwrap());
    assert_eq!(pages.len(), 3);
    for row in pages.iter().flat_map(|p| p.chunks(2)) {
        assert_eq!(row[1], row[0].replace("front-", "back-"));
    }
}

#[test]
fn cards_show_everything_needed_to_answer_and_a_corner_label() {
    let (_dir, file, _) = deck(&["--bank", "sheet.yaml"], &["--seed", "3"]);
    let html = plain(&std::fs::read_to_string(file).unwrap());
    // The match card's front shows both columns; its back names the pairs.
    let front = html.split("id=\"front-acteurs\"").nth(1).unwrap();
    let front = front.split("<div class=\"card").next().unwrap();
    assert!(front.contains("class=\"columns\""));
    assert_eq!(front.matches("<li>").count(), 6);
    // Labels: skill and id, on both faces.
    assert_eq!(html.matches("qui le dit ? · retrait-source").count(), 2);
    // Bank text is escaped (the fixture's title has `<Lere> &`).
    assert!(html.contains("&#60;Lere&#62; &#38;"));
    assert!(!html.contains("<Lere>"));
}

#[test]
fn filters_and_count_choose_the_cards() {
    let (_dir, file, stderr) = deck(&[], &["--skill", "numbers", "-n", "3", "--seed", "1"]);
    let html = std::fs::read_to_string(file).unwrap();
    assert_eq!(html.matches("class=\"card front").count(), 3);
    assert_eq!(html.matches("class=\"card back").count(), 3);
    assert!(html.contains("class=\"card empty\""));
    assert!(
        stderr.contains("flashcards -n 3 --skill numbers --seed 1 --out"),
        "{stderr}"
    );
}

#[test]
fn the_same_seed_gives_identical_files() {
    let (_a, one, _) = deck(&[], &["--seed", "8"]);
    let (_b, two, _) = deck(&[], &["--seed", "8"]);
    assert_eq!(std::fs::read(one).unwrap(), std::fs::read(two).unwrap());
}

#[test]
fn writes_flashcards_html_in_the_current_folder_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let bank = fixtures().join("sheet.yaml");
    let output = mediaquiz(&[
        "--bank",
        bank.to_str().unwrap(),
        "flashcards",
        "--seed",
        "1",
    ])
    .current_dir(dir.path())
    .output()
    .unwrap();
    assert!(output.status.success());
    assert_eq!(stdout_of(&output).trim(), "./flashcards.html");
    assert!(dir.path().join("flashcards.html").is_file());
}

/// A bank with a card whose back is far too long for a card even at 7 pt,
/// and a card that fits, in a fresh folder beside a copy of the fixtures'
/// article (kept out of `tests/fixtures/`, whose bank count `check` tests).
fn long_card_bank() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixtures().join("article.txt"),
        dir.path().join("article.txt"),
    )
    .unwrap();
    let long = ["Le porte-parole du CSP parle au nom du groupe armé, et ses \
                 déclarations ne sont pas vérifiées par une source indépendante sur place.";
        14]
        .join(" ");
    let bank = format!(
        r#"title: "Cartes trop longues"
language: fr
source:
  file: article.txt
questions:
  - id: court
    type: card
    skill: sourcing
    front: "Qui parle pour le CSP ?"
    back: "Un porte-parole."
    explanation: "L’article cite un porte-parole."
    evidence: ["un porte-parole du CSP"]
  - id: bavard
    type: card
    skill: sourcing
    front: "Que vaut la parole du porte-parole ?"
    back: "{long}"
    explanation: "{long}"
    evidence: ["un porte-parole du CSP"]
"#
    );
    let path = dir.path().join("long-card.yaml");
    std::fs::write(&path, bank).unwrap();
    (dir, path)
}

#[test]
fn a_card_too_long_for_its_box_is_named_with_advice() {
    let (_bank_dir, bank) = long_card_bank();
    let (_dir, _, stderr) = deck(&["--bank", bank.to_str().unwrap()], &["--seed", "1"]);
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("attention\u{a0}:"))
        .collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(warnings[0].contains("`bavard` (verso\u{a0}:"), "{stderr}");
    assert!(!warnings[0].contains("`court`"), "{stderr}");
    assert!(warnings[0].contains("raccourcissez"), "{stderr}");
    // In English with `--lang en`.
    let (_dir, _, stderr) = deck(
        &["--lang", "en", "--bank", bank.to_str().unwrap()],
        &["--seed", "1"],
    );
    assert!(
        stderr.contains("warning: 1 card face is too long for a card even at 7 pt")
            && stderr.contains("`bavard` (back:"),
        "{stderr}"
    );
    // A bank whose cards all fit gives no warning.
    let (_dir, _, stderr) = deck(&["--bank", "sheet.yaml"], &["--seed", "1"]);
    assert!(!stderr.contains("attention"), "{stderr}");
}

#[test]
fn the_shipped_banks_print_with_no_card_too_long_on_either_paper() {
    // A teacher printing the shipped cards must not be told to edit the bank.
    for bank in ["lere", "lere-en"] {
        for paper in ["a4", "letter"] {
            let (_dir, file, stderr) = deck(&["--bank", bank], &["--seed", "1", "--paper", paper]);
            assert!(!stderr.contains("too long"), "{bank} on {paper}: {stderr}");
            let html = std::fs::read_to_string(file).unwrap();
            assert!(!html.contains(" too-long\""), "{bank} on {paper}");
        }
    }
}

#[test]
fn bad_flags_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().to_str().unwrap();
    let output = mediaquiz(&["--lang", "en", "flashcards", "--out", folder])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("is a folder: name the HTML file"),
        "{stderr}"
    );

    let text = dir.path().join("cards.txt");
    let output = mediaquiz(&[
        "--lang",
        "en",
        "flashcards",
        "--out",
        text.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("name a file ending in `.html`"), "{stderr}");
    assert!(!text.exists());

    let output = mediaquiz(&["--lang", "en", "flashcards", "--duplex", "sideways"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("[possible values: long, short, fold]")
    );

    let output = mediaquiz(&[
        "--lang",
        "en",
        "--bank",
        "sheet.yaml",
        "flashcards",
        "-n",
        "99",
    ])
    .output()
    .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("ask for `-n 10`"));
}

/// A card's corner label found in a printed PDF.
struct Label {
    /// The card's id.
    id: String,
    /// Its page, from 1.
    page: usize,
    /// Its top-left corner, in points.
    x: f64,
    y: f64,
}

/// A cell of a page: `(row, column)`.
type Place = (usize, usize);

/// The page size (points) and each card's corner label in a printed PDF,
/// from `pdftotext -bbox`: the id is the word after the label's `·`.
fn labels(pdftotext: &Path, pdf: &Path, ids: &[String]) -> (f64, f64, Vec<Label>) {
    let output = Command::new(pdftotext)
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    let attr = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[start..].split('"').next().unwrap().parse().unwrap()
    };
    let (mut width, mut height, mut page) = (0.0, 0.0, 0);
    let mut previous = String::new();
    let mut found = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with("<page ") {
            page += 1;
            width = attr(line, "width");
            height = attr(line, "height");
        } else if line.starts_with("<word ") {
            let word = line.split('>').nth(1).unwrap().split('<').next().unwrap();
            if previous == "·" && ids.iter().any(|id| id == word) {
                found.push(Label {
                    id: word.to_owned(),
                    page,
                    x: attr(line, "xMin"),
                    y: attr(line, "yMin"),
                });
            }
            previous = word.to_owned();
        }
    }
    (width, height, found)
}

/// Printed by Chromium on A4 and Letter: 2 × ceil(cards / 8) pages, and the
/// back of every card in the cell that backs onto its front's cell.
#[test]
fn printed_backs_land_behind_their_fronts() {
    let (Some(chromium), Some(pdftotext)) = (chromium(), pdftotext()) else {
        return;
    };
    let cards = shipped_count();
    for (paper, duplex) in [("a4", "long"), ("letter", "short"), ("a4", "short")] {
        let (_dir, html, _) = deck(&[], &["--seed", "6", "--paper", paper, "--duplex", duplex]);
        let pdf = html.with_extension("pdf");
        mediaquiz::pdf::print(&chromium, &html, &pdf).unwrap();
        let ids: Vec<String> = pages(&std::fs::read_to_string(&html).unwrap())
            .concat()
            .iter()
            .filter_map(|c| c.strip_prefix("front-").map(str::to_owned))
            .collect();
        let (width, height, labels) = labels(&pdftotext, &pdf, &ids);
        let pages = labels.iter().map(|l| l.page).max().unwrap();
        assert_eq!(pages, 2 * cards.div_ceil(8), "{paper} {duplex}");
        let cell = |x: f64, y: f64| {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let cell = ((y / (height / 4.0)) as usize, (x / (width / 2.0)) as usize);
            cell
        };
        let mut seen: BTreeMap<&str, Vec<(usize, Place)>> = BTreeMap::new();
        for label in &labels {
            seen.entry(&label.id)
                .or_default()
                .push((label.page, cell(label.x, label.y)));
        }
        assert_eq!(seen.len(), cards, "{paper} {duplex}");
        for (id, faces) in &seen {
            let [(front_page, (r, c)), (back_page, back)] = faces[..] else {
                panic!("{paper} {duplex}: card {id} printed {} times", faces.len());
            };
            assert_eq!(back_page, front_page + 1, "{paper} {duplex}: {id}");
            let mirrored = if duplex == "long" {
                (r, 1 - c)
            } else {
                (3 - r, c)
            };
            assert_eq!(back, mirrored, "{paper} {duplex}: {id}");
        }
    }
}

#[test]
fn the_nu_html_checker_finds_no_error_in_a_deck() {
    let Some(jar) = vnu_jar() else { return };
    let (_fr, french, _) = deck(&[], &["--seed", "5"]);
    let (_en, english, _) = deck(
        &["--lang", "en", "--bank", "sheet.yaml"],
        &["--seed", "5", "--paper", "letter", "--duplex", "fold"],
    );
    let output = Command::new("java")
        .arg("-jar")
        .arg(jar)
        .arg("--errors-only")
        .args([&french, &english])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && report.trim().is_empty(),
        "the Nu HTML Checker reports:\n{report}"
    );
}

/// `--paper` reads as `worksheet`'s does, in any case, and makes the same
/// deck as the lower-case name.
#[test]
fn paper_is_accepted_in_any_case() {
    let (_dir, lower, _) = deck(
        &["--bank", "sheet.yaml"],
        &["--seed", "2", "--paper", "letter"],
    );
    let lower = std::fs::read(lower).unwrap();
    for paper in ["LETTER", "Letter"] {
        let (_dir, file, _) = deck(
            &["--bank", "sheet.yaml"],
            &["--seed", "2", "--paper", paper],
        );
        assert_eq!(std::fs::read(file).unwrap(), lower, "{paper}");
    }
    deck(&["--bank", "sheet.yaml"], &["--seed", "2", "--paper", "A4"]);
}
