//! The review gate: questions still marked `draft: true` reach no sheet, key,
//! quiz or export unless `--include-drafts` asks for them.

use std::fs;
use std::path::Path;

use crate::util::{fixtures, mediaquiz, plain, stdout_of};

/// A copy of the one-of-each-type fixture in `dir`, with `drafts` of its
/// questions (by id) marked `draft: true`, and its article beside it.
fn bank_with_drafts(dir: &Path, drafts: &[&str]) -> String {
    let text = fs::read_to_string(fixtures().join("sheet.yaml")).unwrap();
    let mut out = String::new();
    for line in text.lines() {
        out.push_str(line);
        out.push('\n');
        if let Some(id) = line.trim().strip_prefix("- id: ")
            && drafts.contains(&id)
        {
            out.push_str("    draft: true\n");
        }
    }
    fs::copy(fixtures().join("article.txt"), dir.join("article.txt")).unwrap();
    let bank = dir.join("bank.yaml");
    fs::write(&bank, out).unwrap();
    bank.to_str().unwrap().to_owned()
}

/// The question ids a JSON export holds.
fn exported_ids(args: &[&str]) -> (Vec<String>, String) {
    let output = mediaquiz(args).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let ids = json["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap().to_owned())
        .collect();
    (ids, plain(&String::from_utf8_lossy(&output.stderr)))
}

#[test]
fn drafts_are_left_out_with_one_warning() {
    let dir = tempfile::tempdir().unwrap();
    let bank = bank_with_drafts(dir.path(), &["aes", "moyens"]);
    let (ids, err) = exported_ids(&["--bank", &bank, "export", "--format", "json"]);
    assert!(
        !ids.iter().any(|id| id == "aes" || id == "moyens"),
        "{ids:?}"
    );
    assert!(ids.iter().any(|id| id == "retrait-source"), "{ids:?}");
    assert_eq!(
        err.lines().filter(|l| l.contains("draft")).count(),
        1,
        "{err}"
    );
    assert!(
        err.contains("2 questions marquées `draft: true` laissées de côté"),
        "{err}"
    );
    assert!(err.contains("--include-drafts"), "{err}");
}

#[test]
fn include_drafts_keeps_them_silently() {
    let dir = tempfile::tempdir().unwrap();
    let bank = bank_with_drafts(dir.path(), &["aes", "moyens"]);
    let (with, err) = exported_ids(&[
        "--bank",
        &bank,
        "--include-drafts",
        "export",
        "--format",
        "json",
    ]);
    let (all, _) = exported_ids(&["--bank", "sheet.yaml", "export", "--format", "json"]);
    assert_eq!(with, all);
    assert!(!err.contains("draft"), "{err}");
}

#[test]
fn a_worksheet_and_its_key_leave_drafts_out() {
    let dir = tempfile::tempdir().unwrap();
    let bank = bank_with_drafts(dir.path(), &["retrait-source"]);
    let out = dir.path().join("sheets");
    let output = mediaquiz(&[
        "--bank",
        &bank,
        "worksheet",
        "--seed",
        "3",
        "--out",
        out.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(output.status.success(), "{output:?}");
    let err = plain(&String::from_utf8_lossy(&output.stderr));
    assert!(
        err.contains("1 question marquée `draft: true` laissée de côté : relisez-la"),
        "{err}"
    );
    let sheet = fs::read_to_string(out.join("worksheet-A.html")).unwrap();
    let key = fs::read_to_string(out.join("answers-A.html")).unwrap();
    assert!(
        !sheet.contains("qui affirme que le retrait"),
        "a draft on the sheet"
    );
    assert!(
        !key.contains("qui affirme que le retrait"),
        "a draft in the key"
    );
    // The make-it-again line keeps the gate as it was.
    let with = mediaquiz(&[
        "--bank",
        &bank,
        "--include-drafts",
        "worksheet",
        "--seed",
        "3",
        "--out",
        out.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    let printed = format!(
        "{}{}",
        stdout_of(&with),
        String::from_utf8_lossy(&with.stderr)
    );
    assert!(
        printed
            .lines()
            .any(|l| l.contains("mediaquiz") && l.contains("--include-drafts")),
        "{printed}"
    );
    let sheet = fs::read_to_string(out.join("worksheet-A.html")).unwrap();
    assert!(sheet.contains("qui affirme que le retrait"));
}

#[test]
fn a_bank_of_drafts_only_is_refused_with_the_way_out() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(fixtures().join("sheet.yaml")).unwrap();
    let ids: Vec<String> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- id: ").map(str::to_owned))
        .collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let bank = bank_with_drafts(dir.path(), &ids);
    let output = mediaquiz(&["--bank", &bank, "quiz"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let err = plain(&String::from_utf8_lossy(&output.stderr));
    assert!(err.contains("encore des brouillons"), "{err}");
    assert!(err.contains("--include-drafts"), "{err}");
}

#[test]
fn check_still_sees_every_draft() {
    let dir = tempfile::tempdir().unwrap();
    let bank = bank_with_drafts(dir.path(), &["aes", "moyens"]);
    let output = mediaquiz(&["check", &bank]).output().unwrap();
    let all = format!(
        "{}{}",
        stdout_of(&output),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(all.matches("draft").count() >= 2, "{all}");
}

#[test]
fn draft_prints_its_findings_as_json_and_marks_every_question() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    fs::copy(fixtures().join("article.txt"), &article).unwrap();
    let findings = dir.path().join("findings.json");
    let output = mediaquiz(&[
        "draft",
        article.to_str().unwrap(),
        "--findings",
        findings.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&findings).unwrap()).unwrap();
    assert!(json.is_object(), "{json}");
    let on_stdout = mediaquiz(&[
        "draft",
        article.to_str().unwrap(),
        "--out",
        dir.path().join("again.yaml").to_str().unwrap(),
        "--findings",
        "-",
    ])
    .output()
    .unwrap();
    let printed: serde_json::Value = serde_json::from_slice(&on_stdout.stdout).unwrap();
    assert_eq!(printed, json);
    let bank = fs::read_to_string(dir.path().join("article.yaml")).unwrap();
    let questions = bank.matches("\n  - id: ").count();
    assert!(questions > 0);
    assert_eq!(
        bank.matches("\n    draft: true").count(),
        questions,
        "{bank}"
    );
}

/// A bank drafted from a saved page: its article starts with the page's
/// title, which is also the bank's `title` and `source.title`. The sheet says
/// it once, as its heading: not again on the source line, nor as a
/// subheading under « L’article ».
#[test]
fn a_drafted_bank_prints_its_article_title_once() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        fixtures().join("draft/real/real-01.html"),
        dir.path().join("real-01.html"),
    )
    .unwrap();
    mediaquiz(&["draft", "real-01.html"])
        .current_dir(dir.path())
        .assert()
        .success();
    // The questions the teacher has not finished (a `TODO` left) are
    // deleted, as she would before printing.
    let yaml = fs::read_to_string(dir.path().join("real-01.yaml")).unwrap();
    let mut entries = yaml.split("\n  - id:");
    let head = entries.next().unwrap();
    let kept: String = entries
        .filter(|q| !q.contains("TODO"))
        .map(|q| format!("\n  - id:{q}"))
        .collect();
    fs::write(dir.path().join("real-01.yaml"), format!("{head}{kept}")).unwrap();
    let out = dir.path().join("out");
    mediaquiz(&[
        "--include-drafts",
        "worksheet",
        "real-01.yaml",
        "-n",
        "3",
        "--seed",
        "1",
        "--out",
        out.to_str().unwrap(),
    ])
    .current_dir(dir.path())
    .assert()
    .success();
    let sheet = fs::read_to_string(out.join("worksheet-A.html")).unwrap();
    let title = "Un troisième Français mort dans le séisme au Népal";
    let body = &sheet[sheet.find("<body").unwrap()..];
    assert_eq!(body.matches(title).count(), 1, "{body}");
    // The head of the sheet and the article's start, as printed.
    let start = body.find("<header").unwrap();
    let end = body.find("<section class=\"questions\"").unwrap();
    let top: String = body[start..end]
        .lines()
        .filter(|l| {
            !l.contains("<p><span class=\"para-mark\">§")
                || l.contains(">§1<")
                || l.contains(">§2<")
        })
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!("drafted_bank_sheet_top", top);
    // The self-check page too: the title in its heading only.
    let page = dir.path().join("page.html");
    mediaquiz(&[
        "--include-drafts",
        "export",
        "real-01.yaml",
        "--format",
        "html",
        "--seed",
        "1",
        "--out",
        page.to_str().unwrap(),
    ])
    .current_dir(dir.path())
    .assert()
    .success();
    let page = fs::read_to_string(page).unwrap();
    let body = &page[page.find("<body").unwrap()..];
    assert_eq!(body.matches(title).count(), 1, "{body}");
    assert!(
        plain(body).contains("Source : <span lang=\"fr\">Libération.fr, 2015-04-30</span>"),
        "{body}"
    );
    // And every export that carries the article: the title once in it.
    let export = |format: &str| {
        let out = mediaquiz(&[
            "--include-drafts",
            "export",
            "real-01.yaml",
            "--format",
            format,
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
        assert!(out.status.success(), "{format}: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    for format in ["markdown", "markdown-handout"] {
        let text = export(format);
        assert_eq!(text.matches(title).count(), 1, "{format}: {text}");
        assert!(
            text.contains("Libération.fr, 2015-04-30\n"),
            "{format}: {text}"
        );
    }
    let gift = export("gift");
    let article = gift.lines().find(|l| l.starts_with("::Article::")).unwrap();
    assert_eq!(article.matches(title).count(), 1, "{article}");
    let moodle = export("moodle");
    let start = moodle.find("<name><text>Article</text></name>").unwrap();
    let end = start + moodle[start..].find("</question>").unwrap();
    assert_eq!(moodle[start..end].matches(title).count(), 1, "{moodle}");
}
