//! The HTML as browsers and printers see it: the Nu HTML Checker, and
//! Chromium printing to PDF with no question cut across pages.
//!
//! These need Java with `vnu.jar`, Chromium and poppler's `pdftotext`.
//! `scripts/test` installs them and sets `MEDIAQUIZ_BROWSER_TESTS=1`, which
//! makes a missing tool a failure; a plain `cargo test` skips them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{mediaquiz, worksheets};

/// A tool's path, or `None` when it is missing and browser tests are
/// optional: the calling test then returns early, and says so in a `SKIPPED`
/// line (the test harness itself can only report it as passed). With
/// `MEDIAQUIZ_BROWSER_TESTS=1` (`scripts/test`, `.ci/run`) a missing tool
/// fails the test instead.
#[track_caller]
fn tool(name: &str, found: Option<PathBuf>) -> Option<PathBuf> {
    if found.is_none() {
        let test = std::thread::current()
            .name()
            .unwrap_or("a browser test")
            .to_owned();
        assert!(
            std::env::var_os("MEDIAQUIZ_BROWSER_TESTS").is_none(),
            "{test}: `{name}` is needed for the browser tests; run scripts/test, which installs it"
        );
        // Straight to the process's standard error: `eprintln!` is captured
        // for a passing test, and a skip must not pass unseen.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED {test}: `{name}` not found (scripts/test installs it; MEDIAQUIZ_BROWSER_TESTS=1 makes this a failure)"
        );
    }
    found
}

pub(crate) fn vnu_jar() -> Option<PathBuf> {
    let jar = std::env::var_os("VNU_JAR").map_or_else(
        || {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/browser/node_modules/vnu-jar/build/dist/vnu.jar")
        },
        PathBuf::from,
    );
    tool("vnu.jar", jar.is_file().then_some(jar))
}

pub(crate) fn chromium() -> Option<PathBuf> {
    tool("chromium", mediaquiz::pdf::find_chromium().ok())
}

pub(crate) fn pdftotext() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join("pdftotext"))
            .find(|p| p.is_file())
    });
    tool("pdftotext", found)
}

#[test]
fn the_nu_html_checker_finds_no_error() {
    let Some(jar) = vnu_jar() else { return };
    let french = worksheets(&["-n", "20", "--versions", "2", "--seed", "5"]);
    let english = worksheets(&[
        "--lang",
        "en",
        "--paper",
        "letter",
        "--bank",
        "sheet.yaml",
        "-n",
        "9",
        "--seed",
        "2",
    ]);
    let mut files: Vec<PathBuf> = [french.path(), english.path()]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    files.sort();
    // Two sheets, two compact keys and the explained key; a sheet and its key.
    assert_eq!(files.len(), 7);
    let output = Command::new("java")
        .arg("-jar")
        .arg(jar)
        .arg("--errors-only")
        .args(&files)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && report.trim().is_empty(),
        "the Nu HTML Checker reports:\n{report}"
    );
}

/// The text of each `.question` block of a worksheet, in document order.
fn question_texts(html: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    for part in html.split(r#"<div class="question" id=""#).skip(1) {
        let id = part.split('"').next().unwrap().to_owned();
        let end = ["<div class=\"question\"", "</section>"]
            .iter()
            .filter_map(|m| part.find(m))
            .min()
            .unwrap_or(part.len());
        let start = part.find('>').map_or(0, |i| i + 1);
        blocks.push((id, squeeze(&strip_tags(&part[start..end]))));
    }
    blocks
}

fn strip_tags(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    decode_entities(&text)
}

fn decode_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after.find(';').unwrap_or(0);
        let entity = &after[..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            _ => entity
                .strip_prefix('#')
                .and_then(|n| n.parse::<u32>().ok())
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Text as a PDF extractor gives it back, reduced to what survives
/// extraction: no spaces of any kind (they vary around punctuation), one kind
/// of apostrophe.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{202F}' | '\u{A0}'))
        .map(|c| if matches!(c, '’' | '‘') { '\'' } else { c })
        .collect()
}

fn pages_of(pdftotext: &Path, pdf: &Path) -> Vec<String> {
    let output = Command::new(pdftotext)
        .arg("-raw")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(output.status.success());
    String::from_utf8_lossy(&output.stdout)
        .split('\u{c}')
        .map(squeeze)
        .filter(|page| !page.is_empty())
        .collect()
}

/// The worksheet and key of a 3-version, 15-question set, printed by
/// Chromium on A4 and Letter: each question's text stands, whole and
/// uninterrupted, on one single page (a question cut by a page break would
/// have its end, and the page footer, elsewhere).
#[test]
fn printed_questions_are_never_cut_across_pages() {
    let (Some(chromium), Some(pdftotext)) = (chromium(), pdftotext()) else {
        return;
    };
    for paper in ["a4", "letter"] {
        let dir = worksheets(&[
            "-n",
            "15",
            "--versions",
            "3",
            "--seed",
            "9",
            "--paper",
            paper,
        ]);
        for version in ['A', 'B', 'C'] {
            let html = dir.path().join(format!("worksheet-{version}.html"));
            let pdf = html.with_extension("pdf");
            mediaquiz::pdf::print(&chromium, &html, &pdf).unwrap();
            let pages = pages_of(&pdftotext, &pdf);
            assert!(
                (2..=6).contains(&pages.len()),
                "{paper} {version}: {} pages",
                pages.len()
            );
            let blocks = question_texts(&std::fs::read_to_string(&html).unwrap());
            assert_eq!(blocks.len(), 15);
            for (id, text) in &blocks {
                let on = pages
                    .iter()
                    .filter(|page| page.contains(text.as_str()))
                    .count();
                assert_eq!(
                    on, 1,
                    "{paper} version {version}: question {id} is not whole on one page: {text}"
                );
            }

            // A class set's compact key: one page.
            let key = dir.path().join(format!("answers-{version}.html"));
            let key_pdf = key.with_extension("pdf");
            mediaquiz::pdf::print(&chromium, &key, &key_pdf).unwrap();
            let key_pages = pages_of(&pdftotext, &key_pdf);
            assert_eq!(key_pages.len(), 1, "{paper} key {version}");
        }
    }
}

#[test]
fn pdf_flag_writes_a_pdf_per_page() {
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    mediaquiz(&[
        "worksheet",
        "-n",
        "4",
        "--seed",
        "1",
        "--pdf",
        "--out",
        dir.path().to_str().unwrap(),
    ])
    .env("CHROME", &chromium)
    .assert()
    .success();
    for name in ["worksheet-A.pdf", "answers-A.pdf"] {
        let bytes = std::fs::read(dir.path().join(name)).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{name} is not a PDF");
    }
    // One version: binding it would only copy it, so two PDFs, not four.
    let mut pdfs: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".pdf"))
        .collect();
    pdfs.sort();
    assert_eq!(pdfs, ["answers-A.pdf", "worksheet-A.pdf"]);
}

fn page_count(pdf: &Path) -> usize {
    lopdf::Document::load(pdf)
        .unwrap_or_else(|e| panic!("{}: {e}", pdf.display()))
        .get_pages()
        .len()
}

fn page_text(pdftotext: &Path, pdf: &Path, page: usize) -> String {
    let output = Command::new(pdftotext)
        .args(["-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(output.status.success());
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// `worksheet --pdf` also binds every version into `class-set.pdf` and every
/// key into `answers.pdf`, each version starting on an odd (right-hand)
/// page, so that a duplex print separates into one copy per student.
#[test]
fn pdf_flag_binds_a_class_set_and_the_keys_for_duplex() {
    let (Some(chromium), Some(pdftotext)) = (chromium(), pdftotext()) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    mediaquiz(&[
        "worksheet",
        "-n",
        "12",
        "--versions",
        "3",
        "--seed",
        "7",
        "--pdf",
        "--full-keys",
        "--out",
        dir.path().to_str().unwrap(),
    ])
    .env("CHROME", &chromium)
    .assert()
    .success();
    for (bound, stem) in [("class-set.pdf", "worksheet"), ("answers.pdf", "answers")] {
        let counts: Vec<usize> = ["A", "B", "C"]
            .iter()
            .map(|v| page_count(&dir.path().join(format!("{stem}-{v}.pdf"))))
            .collect();
        if stem == "worksheet" {
            // Otherwise no blank page is tested.
            assert!(counts.iter().any(|c| c % 2 == 1), "{counts:?}");
        }
        let bound = dir.path().join(bound);
        let even = |c: usize| c.div_ceil(2) * 2;
        assert_eq!(
            page_count(&bound),
            counts.iter().map(|&c| even(c)).sum::<usize>(),
            "{stem}: {counts:?}"
        );
        let mut start = 1;
        for (version, count) in ["A", "B", "C"].iter().zip(&counts) {
            assert_eq!(start % 2, 1);
            let first = page_text(&pdftotext, &bound, start);
            assert!(
                first.contains(&format!("Version {version} ")),
                "{stem} {version} does not start on page {start}: {first}"
            );
            if count % 2 == 1 {
                let blank = page_text(&pdftotext, &bound, start + count);
                assert!(blank.trim().is_empty(), "page {}: {blank}", start + count);
            }
            start += even(*count);
        }
    }
}

/// A class set of 40 questions: each version's compact key prints on one
/// page, on A4 and on Letter, in French and in English; `answers.pdf` binds
/// them one after the other, no blank page between; the explained key is a
/// PDF of its own, every question once.
#[test]
fn a_class_set_s_compact_keys_are_one_page_each() {
    let (Some(chromium), Some(pdftotext)) = (chromium(), pdftotext()) else {
        return;
    };
    for (bank, paper) in [("lere", "a4"), ("lere-en", "letter")] {
        let dir = tempfile::tempdir().unwrap();
        mediaquiz(&[
            "--bank",
            bank,
            "worksheet",
            "-n",
            "40",
            "--versions",
            "3",
            "--seed",
            "11",
            "--paper",
            paper,
            "--pdf",
            "--out",
            dir.path().to_str().unwrap(),
        ])
        .env("CHROME", &chromium)
        .assert()
        .success();
        for version in ["A", "B", "C"] {
            let pdf = dir.path().join(format!("answers-{version}.pdf"));
            assert_eq!(page_count(&pdf), 1, "{bank} {paper} {version}");
            let text = squeeze(&page_text(&pdftotext, &pdf, 1));
            assert!(text.contains("Total") && text.contains("40"), "{text}");
        }
        let bound = dir.path().join("answers.pdf");
        assert_eq!(page_count(&bound), 3, "{bank}");
        for (page, version) in (1..).zip(["A", "B", "C"]) {
            let text = page_text(&pdftotext, &bound, page);
            assert!(text.contains(&format!("Version {version} ")), "{text}");
        }
        let explained = dir.path().join("explained-key.pdf");
        let pages = pages_of(&pdftotext, &explained);
        assert!(
            (6..=20).contains(&pages.len()),
            "{bank}: {} pages",
            pages.len()
        );
        assert!(!dir.path().join("explained-key-A.pdf").exists());
    }
}
