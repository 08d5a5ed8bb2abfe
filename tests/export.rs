//! `mediaquiz export`: each format on a small bank, the usage errors, the
//! one warning for what a format cannot carry, and Anki's update rules.
//! `scripts/test` also reads every export back with its importer's parser.

use std::fs;
use std::path::Path;

use crate::util::{fixtures, mediaquiz, plain, stdout_of};

fn export(args: &[&str]) -> std::process::Output {
    let mut all = vec!["--bank", "sheet.yaml", "export"];
    all.extend_from_slice(args);
    let output = mediaquiz(&all).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

#[test]
fn text_exports_are_stable() {
    for (format, name) in [
        ("gift", "export-gift"),
        ("anki-text", "export-anki-text"),
        ("json", "export-json"),
        ("markdown", "export-markdown"),
    ] {
        insta::assert_snapshot!(name, stdout_of(&export(&["--format", format])));
    }
    insta::assert_snapshot!(
        "export-markdown-en",
        stdout_of(
            &mediaquiz(&[
                "--bank",
                "sheet.yaml",
                "--lang",
                "en",
                "export",
                "--format",
                "markdown"
            ])
            .output()
            .unwrap()
        )
    );
}

#[test]
fn binary_formats_need_an_output_file() {
    for format in ["anki", "qti"] {
        mediaquiz(&["--lang", "en", "export", "--format", format])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicates::str::contains(format!(
                "`--format {format}` makes a binary file: name it with `--out FILE`"
            )));
    }
}

#[test]
fn what_a_format_cannot_carry_is_named_in_one_warning() {
    let output = mediaquiz(&[
        "--bank",
        "export/injection.yaml",
        "export",
        "--format",
        "gift",
    ])
    .output()
    .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr,
        "attention\u{a0}: gift\u{a0}: 2 questions laissées de côté\u{a0}: `card-x` (fiche seulement)\u{202f}; `cloze-deux` (un texte à trous à 2 trous\u{a0}: la question «\u{a0}mot manquant\u{a0}» de GIFT n’en a qu’un\u{202f}; le type Cloze à plusieurs trous de Moodle n’est pas du GIFT)\n"
    );
    let english = mediaquiz(&[
        "--lang",
        "en",
        "--bank",
        "export/injection.yaml",
        "export",
        "--format",
        "gift",
    ])
    .output()
    .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&english.stderr),
        "warning: gift left out 2 questions: `card-x` (flashcard only); `cloze-deux` (a cloze with 2 gaps: GIFT's missing-word question has one; Moodle's multi-gap Cloze type is not GIFT)\n"
    );
    let gift = stdout_of(&output);
    assert!(!gift.contains("::cloze-deux::"));
    // Flashcards are no quiz questions: left out of GIFT, and named.
    assert!(!gift.contains("::card-x::"));
    assert!(gift.contains("// [id:injection-single-x] [tag:sourcing] [tag:tag <x> &] [tag:a|b]"));
}

#[test]
fn every_gift_special_character_is_escaped() {
    let output = mediaquiz(&[
        "--bank",
        "export/injection.yaml",
        "export",
        "--format",
        "gift",
    ])
    .output()
    .unwrap();
    // French typography: no-break spaces, made plain here to read as typed.
    let gift = plain(&stdout_of(&output));
    assert!(
        gift.contains(r"::single-x::[html]Qui a écrit &lt;b&gt;« non »&lt;/b&gt; &amp; \~ \= \# \{ \} \: \\ | * _ [l](u) -&gt; &quot;q&quot;&\#9;ici ?{"),
        "{gift}"
    );
}

#[test]
fn a_draw_prints_its_seed_and_keeps_bank_order() {
    let output = export(&["--format", "json", "-n", "3", "--seed", "5"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        plain(&stderr).contains("graine 5 : `--seed 5` tire à nouveau les mêmes questions"),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["seed"], 5);
    let ids: Vec<&str> = json["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 3);
    let bank = mediaquiz::check::load_bank(Some(&fixtures().join("sheet.yaml"))).unwrap();
    let positions: Vec<usize> = ids
        .iter()
        .map(|id| bank.questions.iter().position(|q| q.id == *id).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
    assert_eq!(
        export(&["--format", "json", "-n", "3", "--seed", "5"]).stdout,
        output.stdout
    );
}

#[test]
fn json_round_trips_ids_and_answers() {
    let output = export(&["--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["format_version"], 1);
    assert_eq!(json["bank"]["id"], "sheet");
    let bank = mediaquiz::check::load_bank(Some(&fixtures().join("sheet.yaml"))).unwrap();
    let questions = json["questions"].as_array().unwrap();
    assert_eq!(questions.len(), bank.questions.len());
    for (out, question) in questions.iter().zip(&bank.questions) {
        assert_eq!(out["id"], question.id.as_str());
        assert_eq!(out["uid"], format!("sheet/{}", question.id));
        assert_eq!(out["type"], question.question_type().to_string());
        let answer = match &question.kind {
            mediaquiz::bank::Kind::Single(c) | mediaquiz::bank::Kind::Multi(c) => {
                let right: Vec<&str> = out["choices"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|c| c["correct"] == true)
                    .map(|c| c["text"].as_str().unwrap())
                    .collect();
                let want: Vec<&str> = c.correct.iter().map(|&i| c.options[i].as_str()).collect();
                assert_eq!(right, want);
                continue;
            }
            mediaquiz::bank::Kind::TrueFalse { answer, .. } => serde_json::json!(answer),
            mediaquiz::bank::Kind::Claim { answer, .. } => serde_json::json!(answer.to_string()),
            mediaquiz::bank::Kind::Short { answer, .. } => serde_json::json!(answer),
            mediaquiz::bank::Kind::Order { items, .. } => {
                assert_eq!(out["items"], serde_json::json!(items));
                continue;
            }
            mediaquiz::bank::Kind::Match { pairs, .. } => {
                assert_eq!(out["pairs"], serde_json::json!(pairs));
                continue;
            }
            _ => continue,
        };
        assert_eq!(out["answer"], answer, "{}", question.id);
        assert_eq!(
            out["evidence"][0]["quote"],
            question.evidence[0].quote.as_str()
        );
    }
}

/// The notes of an `.apkg`: (guid, note type id, modification time, fields).
fn notes_of(apkg: &Path) -> Vec<(String, i64, i64, String)> {
    let mut archive = zip::ZipArchive::new(fs::File::open(apkg).unwrap()).unwrap();
    let mut names: Vec<String> = archive
        .file_names()
        .map(|n| n.unwrap().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["collection.anki2", "media"]);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.anki2");
    let mut file = archive.by_name("collection.anki2").unwrap();
    std::io::copy(&mut file, &mut fs::File::create(&db).unwrap()).unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let mut stmt = conn
        .prepare("SELECT guid, mid, mod, flds FROM notes ORDER BY guid")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn an_anki_deck_updates_instead_of_duplicating() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["sheet.yaml", "article.txt"] {
        fs::copy(fixtures().join(name), dir.path().join(name)).unwrap();
    }
    let bank = dir.path().join("sheet.yaml");
    let run = |out: &str| {
        let path = dir.path().join(out);
        mediaquiz(&[
            "--bank",
            bank.to_str().unwrap(),
            "export",
            "--format",
            "anki",
            "--out",
            path.to_str().unwrap(),
        ])
        .assert()
        .success()
        .stdout(format!("{}\n", path.display()));
        path
    };
    let first = run("a.apkg");
    let again = run("b.apkg");
    assert_eq!(
        fs::read(&first).unwrap(),
        fs::read(&again).unwrap(),
        "same bank, same bytes"
    );

    let before = notes_of(&first);
    assert_eq!(before.len(), 10, "every question, flashcards included");
    assert!(
        before
            .iter()
            .any(|n| n.0 == "sheet/retrait-source" || n.0 == "mediaquiz/sheet/retrait-source")
    );
    let cloze = before
        .iter()
        .filter(|n| n.1 == mediaquiz::export::CLOZE_NOTETYPE_ID)
        .count();
    assert_eq!(cloze, 1);

    // Edit the bank, a little later: same GUIDs, newer notes.
    let text = fs::read_to_string(&bank)
        .unwrap()
        .replace("qui affirme", "qui dit");
    fs::write(&bank, text).unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(120);
    fs::File::options()
        .write(true)
        .open(&bank)
        .unwrap()
        .set_modified(later)
        .unwrap();
    let after = notes_of(&run("c.apkg"));
    let guids = |notes: &[(String, i64, i64, String)]| {
        notes.iter().map(|n| n.0.clone()).collect::<Vec<_>>()
    };
    assert_eq!(guids(&after), guids(&before));
    assert!(
        after
            .iter()
            .zip(&before)
            .all(|(a, b)| a.2 > b.2 && a.1 == b.1)
    );
    assert!(after.iter().any(|n| n.3.contains("qui dit")));
}

#[test]
fn a_qti_package_has_its_manifest_and_resources() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("q.zip");
    export(&["--format", "qti", "--out", path.to_str().unwrap()]);
    let mut archive = zip::ZipArchive::new(fs::File::open(&path).unwrap()).unwrap();
    let mut names: Vec<String> = archive
        .file_names()
        .map(|n| n.unwrap().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "imsmanifest.xml",
            "mediaquiz_sheet/assessment_meta.xml",
            "mediaquiz_sheet/mediaquiz_sheet.xml"
        ]
    );
    let mut manifest = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("imsmanifest.xml").unwrap(),
        &mut manifest,
    )
    .unwrap();
    for name in &names[1..] {
        assert!(manifest.contains(&format!("href=\"{name}\"")), "{manifest}");
    }
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name(&names[2]).unwrap(), &mut xml).unwrap();
    for kind in [
        "multiple_choice_question",
        "multiple_answers_question",
        "true_false_question",
        "short_answer_question",
        "fill_in_multiple_blanks_question",
        "matching_question",
    ] {
        assert!(xml.contains(kind), "{kind}");
    }
    assert!(xml.contains("<item ident=\"mediaquiz_sheet_retrait-source\""));
    assert!(!xml.contains("carte"), "flashcards stay out of a quiz");
    let mut meta = String::new();
    std::io::Read::read_to_string(&mut archive.by_name(&names[1]).unwrap(), &mut meta).unwrap();
    assert!(
        meta.contains("<shuffle_answers>false</shuffle_answers>"),
        "`aucune` keeps its order, so Canvas must not shuffle"
    );
    // Points follow docs/scoring.md: each item is worth its answer's points,
    // in a question group of items worth the same (a group's points win in
    // Canvas), and the quiz is worth their sum.
    let points_of = |id: &str| {
        let item = &xml[xml
            .find(&format!("<item ident=\"mediaquiz_sheet_{id}\""))
            .unwrap()..];
        let field = "points_possible</fieldlabel><fieldentry>";
        let start = item.find(field).unwrap() + field.len();
        item[start..start + item[start..].find('<').unwrap()].to_owned()
    };
    assert_eq!(points_of("retrait-source"), "1.0");
    assert_eq!(points_of("aes"), "2.0", "a multi is worth 2");
    assert_eq!(points_of("acteurs"), "3.0", "a point per pair");
    for section in xml.split("<section ").skip(2) {
        let group = section
            .split("<points_per_item>")
            .nth(1)
            .and_then(|s| s.split('<').next())
            .unwrap();
        for item in section
            .split("<fieldlabel>points_possible</fieldlabel><fieldentry>")
            .skip(1)
        {
            assert!(
                item.starts_with(group),
                "an item worth other than its group's {group}"
            );
        }
    }
    assert!(
        meta.contains("<points_possible>15.0</points_possible>"),
        "{meta}"
    );
}

/// An open question is an essay worth its rubric's top level in Canvas.
#[test]
fn qti_grades_an_open_question_out_of_its_rubric() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("open.zip");
    let output = crate::util::mediaquiz(&[
        "--bank",
        "open.yaml",
        "export",
        "--format",
        "qti",
        "--out",
        path.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(output.status.success());
    let mut archive = zip::ZipArchive::new(fs::File::open(&path).unwrap()).unwrap();
    let name = archive
        .file_names()
        .map(|n| n.unwrap().into_owned())
        .find(|n| n.ends_with(".xml") && !n.contains("meta") && !n.contains("manifest"))
        .unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name(&name).unwrap(), &mut xml).unwrap();
    assert!(xml.contains("essay_question"), "{xml}");
    assert!(
        xml.contains("<fieldlabel>points_possible</fieldlabel><fieldentry>2.0</fieldentry>"),
        "{xml}"
    );
    assert!(
        xml.contains("<points_per_item>2.0</points_per_item>"),
        "{xml}"
    );
}

#[test]
fn an_out_file_is_written_by_the_set_writer_with_the_same_bytes_and_warning() {
    let dir = tempfile::tempdir().unwrap();
    let bank = fixtures().join("export/injection.yaml");
    // A folder that does not exist yet is made, as for sheets.
    let path = dir.path().join("moodle").join("lere.gift");
    let run = || {
        mediaquiz(&[
            "--bank",
            bank.to_str().unwrap(),
            "export",
            "--format",
            "gift",
            "--out",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap()
    };
    let written = run();
    assert!(written.status.success());
    assert_eq!(stdout_of(&written), format!("{}\n", path.display()));
    let warning = "attention\u{a0}: gift\u{a0}: 2 questions laissées de côté\u{a0}: `card-x` (fiche seulement)\u{202f}; `cloze-deux`";
    let stderr = String::from_utf8_lossy(&written.stderr);
    assert!(stderr.starts_with(warning), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let printed = mediaquiz(&[
        "--bank",
        bank.to_str().unwrap(),
        "export",
        "--format",
        "gift",
    ])
    .output()
    .unwrap();
    assert_eq!(fs::read(&path).unwrap(), printed.stdout);

    // Again over the earlier file: replaced, no temporary left, and no
    // stale-file warning for a file named on the command line.
    fs::write(&path, "an earlier export").unwrap();
    let again = run();
    assert!(again.status.success());
    assert_eq!(String::from_utf8_lossy(&again.stderr), stderr);
    assert_eq!(fs::read(&path).unwrap(), printed.stdout);
    let names: Vec<_> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["lere.gift"]);
}

#[test]
fn an_out_folder_is_refused_with_a_file_name_to_use() {
    let dir = tempfile::tempdir().unwrap();
    mediaquiz(&[
        "--lang",
        "en",
        "export",
        "--format",
        "anki",
        "--out",
        dir.path().to_str().unwrap(),
    ])
    .assert()
    .code(2)
    .stdout("")
    .stderr(predicates::str::contains(format!(
        "`--out {}` is a folder: name the file to write, like `{}`",
        dir.path().display(),
        dir.path().join("lere.apkg").display()
    )));
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// `export --format moodle` on `bank` (from the fixtures folder): standard
/// output and standard error.
fn moodle(bank: &str) -> (String, String) {
    let output = mediaquiz(&["--bank", bank, "export", "--format", "moodle"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        stdout_of(&output),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The elements of type `qtype` in a Moodle XML file, as text, in order.
fn moodle_questions<'x>(xml: &'x str, qtype: &str) -> Vec<&'x str> {
    let open = format!("<question type=\"{qtype}\">");
    xml.match_indices(&open)
        .map(|(at, _)| {
            let end = xml[at..].find("</question>").unwrap();
            &xml[at..at + end]
        })
        .collect()
}

#[test]
fn moodle_xml_is_stable() {
    let (xml, stderr) = moodle("moodle.yaml");
    insta::assert_snapshot!("export-moodle", xml);
    assert_eq!(
        plain(&stderr),
        "attention : moodle : 1 question laissée de côté : `carte` (fiche seulement : aucune question à poser)\n"
    );
    assert_eq!(
        moodle("moodle.yaml").0,
        xml,
        "the same bank, the same bytes"
    );
}

#[test]
fn moodle_xml_maps_every_type_natively() {
    let (xml, _) = moodle("moodle.yaml");
    // The article first, in the bank's category, before any skill's.
    let first = xml.find("<question type=\"description\">").unwrap();
    let skill = xml.find("mediaquiz/moodle-fixture/").unwrap();
    assert!(first < skill);
    assert!(xml[..first].contains("<text>$course$/top/mediaquiz/moodle-fixture</text>"));
    let article = moodle_questions(&xml, "description")[0];
    assert!(
        article.contains("&lt;strong&gt;§3&lt;/strong&gt; À cette occasion"),
        "{article}"
    );
    assert!(article.contains("<idnumber>moodle-fixture:article</idnumber>"));

    // Claims: the instruction, the verdicts in a fixed order, one right.
    let choices = moodle_questions(&xml, "multichoice");
    let claim = choices
        .iter()
        .find(|q| q.contains("<text>civils</text>"))
        .unwrap();
    assert!(plain(claim).contains("Que dit l’article ? Affirmé, contredit ou non mentionné."));
    assert!(claim.contains("<shuffleanswers>false</shuffleanswers>"));
    let verdicts: Vec<&str> = claim
        .match_indices("<answer fraction=\"")
        .map(|(i, _)| &claim[i + 18..i + 21])
        .collect();
    assert_eq!(verdicts, ["0\" ", "0\" ", "100"]);
    // keep_order: not shuffled; the others are.
    let aucune = choices
        .iter()
        .find(|q| q.contains("<text>aucune</text>"))
        .unwrap();
    assert!(aucune.contains("<shuffleanswers>false</shuffleanswers>"));
    let single = choices
        .iter()
        .find(|q| q.contains("<text>retrait-source</text>"))
        .unwrap();
    assert!(single.contains("<shuffleanswers>true</shuffleanswers>"));
    assert!(single.contains("L’armée n’est pas la source de cette explication."));
    // Multi: the right choices share 100, a wrong one takes back as much.
    let multi = choices
        .iter()
        .find(|q| q.contains("<text>aes</text>"))
        .unwrap();
    assert_eq!(multi.matches("fraction=\"50\"").count(), 2);
    assert_eq!(multi.matches("fraction=\"-100\"").count(), 1);
    assert!(
        multi.contains("<single>false</single>")
            && multi.contains("<defaultgrade>2</defaultgrade>")
    );

    // Justify: the question, then an essay worth the rubric's top level.
    let essays = moodle_questions(&xml, "essay");
    let justification = essays
        .iter()
        .find(|q| q.contains("retrait-source:justification"))
        .unwrap();
    assert!(justification.contains("<defaultgrade>2</defaultgrade>"));
    assert!(plain(justification).contains("Justification attendue : L’article attribue"));
    assert!(
        xml.find("<text>retrait-source</text>").unwrap()
            < xml.find("retrait-source:justification").unwrap()
    );
    // Open: an essay out of the rubric's top level; the model answer and the
    // rubric for the grader only, not in the general feedback.
    let open = essays
        .iter()
        .find(|q| q.contains("<text>qui-parle</text>"))
        .unwrap();
    assert!(open.contains("<defaultgrade>2</defaultgrade>"));
    let grader = &open[open.find("<graderinfo").unwrap()..open.find("</graderinfo>").unwrap()];
    assert!(
        plain(grader).contains("Réponse modèle : Un porte-parole du CSP"),
        "{grader}"
    );
    assert!(plain(grader).contains("2 pts : nomme le CSP et propose une source indépendante"));
    let general =
        &open[open.find("<generalfeedback").unwrap()..open.find("</generalfeedback>").unwrap()];
    assert!(!general.contains("Réponse modèle") && !general.contains("nomme le CSP"));

    // Order: a native ordering question, every item shown, in order.
    let order = moodle_questions(&xml, "ordering")[0];
    assert!(order.contains("<selecttype>ALL</selecttype>"));
    assert!(order.contains("<answer fraction=\"1\" format=\"html\"><text>Offensive du CSP</text>"));
    assert!(order.contains("<answer fraction=\"3\" format=\"html\"><text>Retrait du CSP</text>"));
    // Match of two pairs: a third answer with no question, as Moodle asks.
    let matching = moodle_questions(&xml, "matching")[0];
    assert_eq!(matching.matches("<subquestion").count(), 3);
    assert!(matching.contains(
        "<subquestion format=\"html\"><text></text><answer><text>Aucune de ces réponses</text>"
    ));
    // Cloze: every gap, each worth a point; `{` of the text cannot open one.
    let cloze = moodle_questions(&xml, "cloze")[0];
    assert_eq!(cloze.matches("{1:SHORTANSWER:").count(), 2);
    assert!(cloze.contains("=neutralisés~=neutralises~"));
    assert!(cloze.contains("&amp;#123;#1}"));
    // Short: the star typed in a form is no wildcard; accepted variants.
    let short = moodle_questions(&xml, "shortanswer")[0];
    assert!(short.contains("<text>2 h\\*</text>"));
    assert!(short.contains("<text>deux heures.</text>"));
    assert!(short.contains("<usecase>0</usecase>"));
    // Every question has its stable idnumber and its skill as a tag.
    assert!(xml.contains("<idnumber>moodle-fixture-moyens</idnumber>"));
    assert!(moodle_questions(&xml, "truefalse")[0].contains("<tag><text>recall</text></tag>"));
}

#[test]
fn the_shipped_bank_in_moodle_xml_holds_all_but_the_cards() {
    let output = mediaquiz(&["export", "--format", "moodle"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let xml = stdout_of(&output);
    let bank = mediaquiz::check::load_bank(None).unwrap();
    let cards = bank
        .questions
        .iter()
        .filter(|q| matches!(q.kind, mediaquiz::bank::Kind::Card { .. }))
        .count();
    let justified = bank.questions.iter().filter(|q| q.justify).count();
    let of_kind = |f: fn(&mediaquiz::bank::Kind) -> bool| {
        bank.questions.iter().filter(|q| f(&q.kind)).count()
    };
    let orders = of_kind(|k| matches!(k, mediaquiz::bank::Kind::Order { .. }));
    let opens = of_kind(|k| matches!(k, mediaquiz::bank::Kind::Open { .. }));
    let named = xml.matches("<idnumber>lere-").count();
    // The shipped bank has every kind, so each mapping below is exercised.
    assert!(cards > 0 && justified > 0 && orders > 0 && opens > 0);
    assert_eq!(
        named,
        bank.questions.len() - cards + justified,
        "every question but the cards, and each justification"
    );
    assert_eq!(moodle_questions(&xml, "ordering").len(), orders);
    let open: Vec<&str> = moodle_questions(&xml, "essay")
        .into_iter()
        .filter(|q| !q.contains(":justification"))
        .collect();
    assert_eq!(open.len(), opens);
    // Each open question marked out of its rubric's top level.
    for question in bank
        .questions
        .iter()
        .filter(|q| matches!(q.kind, mediaquiz::bank::Kind::Open { .. }))
    {
        let entry = open
            .iter()
            .find(|q| q.contains(&format!("<idnumber>lere-{}</idnumber>", question.id)))
            .unwrap();
        let grade = format!("<defaultgrade>{}</defaultgrade>", question.points());
        assert!(entry.contains(&grade), "{}: {grade}", question.id);
    }
    assert!(
        xml.find("<question type=\"description\">").unwrap()
            < xml.find("<question type=\"multichoice\">").unwrap()
    );
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains(&format!("{cards} questions laissées de côté")),
        "the cards are named"
    );
}

#[test]
fn the_markdown_handout_has_the_article_and_no_answers() {
    let output = mediaquiz(&[
        "--bank",
        "moodle.yaml",
        "export",
        "--format",
        "markdown-handout",
    ])
    .output()
    .unwrap();
    assert!(output.status.success());
    let handout = stdout_of(&output);
    insta::assert_snapshot!("export-markdown-handout", handout);
    let article = handout.find("**§1** Les forces armées maliennes").unwrap();
    assert!(
        article < handout.find("### 1\\.").unwrap(),
        "the article first"
    );
    let bank = mediaquiz::check::load_bank(Some(&fixtures().join("moodle.yaml"))).unwrap();
    for question in &bank.questions {
        assert!(
            !plain(&handout).contains(&plain(&question.explanation)),
            "{}",
            question.id
        );
    }
    assert!(
        !handout.contains("Un porte-parole du CSP ; il faudrait"),
        "no model answer"
    );
    // Order items are never in the answer's order; a kept order is kept.
    let order = &handout[handout.find("Remettez dans").unwrap()..];
    let at: Vec<usize> = ["Offensive du CSP", "Prise du camp", "Retrait du CSP"]
        .iter()
        .map(|item| order.find(item).unwrap())
        .collect();
    assert!(!at.windows(2).all(|w| w[0] < w[1]), "{order}");
    assert!(handout.contains("- a\\) Une\n- b\\) Deux\n- c\\) Aucune de ces réponses"));
    assert_eq!(
        plain(&String::from_utf8_lossy(&output.stderr)),
        "attention : markdown-handout : 1 question laissée de côté : `carte` (fiche seulement)\n"
    );
    let again = mediaquiz(&[
        "--bank",
        "moodle.yaml",
        "export",
        "--format",
        "markdown-handout",
    ])
    .output()
    .unwrap();
    assert_eq!(
        again.stdout, output.stdout,
        "the same bank, the same handout"
    );
}
