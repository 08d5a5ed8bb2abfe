//! `mediaquiz check`: every error class, with its exact message and line.

use crate::util::{mediaquiz, stdout_of};

/// Runs `check` on one fixture and asserts its exact findings and exit code,
/// in English (`--lang en`): these tests are about the rules; the language
/// has tests of its own below.
fn assert_findings(fixture: &str, code: i32, expected: &[&str]) {
    let output = mediaquiz(&["--lang", "en", "check", fixture])
        .output()
        .unwrap();
    let stdout = stdout_of(&output);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines, expected, "findings for {fixture}");
    assert_eq!(output.status.code(), Some(code), "exit code for {fixture}");
}

/// Runs `check` on one French fixture with no `--lang`: its findings speak
/// French, the bank's language.
fn assert_findings_fr(fixture: &str, code: i32, expected: &[&str]) {
    let output = mediaquiz(&["check", fixture]).output().unwrap();
    let stdout = stdout_of(&output);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines, expected, "findings for {fixture}");
    assert_eq!(output.status.code(), Some(code), "exit code for {fixture}");
}

#[test]
fn syntax() {
    assert_findings(
        "syntax.yaml",
        1,
        &[
            r#"syntax.yaml:8: error: the quoted text starting at column 13 is never closed: add the closing quote"#,
        ],
    );
}

#[test]
fn unknown_field() {
    assert_findings(
        "unknown-field.yaml",
        1,
        &[
            r#"unknown-field.yaml:6: error: missing `prompt`: type `truefalse` needs it [q1]"#,
            r#"unknown-field.yaml:9: error: unknown field `promt`, did you mean `prompt`? [q1]"#,
            r#"unknown-field.yaml:13: error: unknown field `colour` (a question has: id, type, skill, difficulty, explanation, evidence, tags, justify, rubric, draft, prompt, choices, answer, keep_order, feedback, answers, accept, text, pairs, items, front, back) [q1]"#,
        ],
    );
}

#[test]
fn wrong_types() {
    assert_findings(
        "wrong-types.yaml",
        1,
        &[
            r#"wrong-types.yaml:9: error: `difficulty` must be 1, 2 or 3, not `hard` [q1]"#,
            r#"wrong-types.yaml:11: error: `answer` of a true/false question must be `true` or `false`, not `oui` [q1]"#,
            r#"wrong-types.yaml:12: error: `justify` must be `true` or `false`, not `maybe` [q1]"#,
        ],
    );
}

#[test]
fn ids() {
    assert_findings(
        "ids.yaml",
        1,
        &[
            r#"ids.yaml:6: error: missing `id`: give each question a short unique name such as `retrait-source`"#,
            r#"ids.yaml:12: error: id `Camp_Militaire` may only use lower-case letters a to z, digits and `-` (e.g. `camp-militaire`) [Camp_Militaire]"#,
            r#"ids.yaml:26: error: duplicate id `bourem`, first used at line 19: ids must be unique [bourem]"#,
        ],
    );
}

/// An entry with other errors still claims its id: its duplicate is
/// reported in the same run, whichever of the two is broken.
#[test]
fn a_duplicate_id_is_reported_beside_other_errors() {
    assert_findings(
        "ids-broken.yaml",
        1,
        &[
            r#"ids-broken.yaml:6: error: missing `answer`: write `answer: true` or `answer: false` [bourem]"#,
            r#"ids-broken.yaml:12: error: duplicate id `bourem`, first used at line 6: ids must be unique [bourem]"#,
            r#"ids-broken.yaml:26: error: duplicate id `lere`, first used at line 19: ids must be unique [lere]"#,
            r#"ids-broken.yaml:28: error: unknown skill `recal`: did you mean `recall`? [lere]"#,
        ],
    );
}

#[test]
fn type_skill() {
    assert_findings(
        "type-skill.yaml",
        1,
        &[
            r#"type-skill.yaml:7: error: unknown type `singel`: did you mean `single`? [q1]"#,
            r#"type-skill.yaml:14: error: unknown skill `sourcng`: did you mean `sourcing`? [q2]"#,
            r#"type-skill.yaml:15: error: `difficulty` must be 1, 2 or 3, not `5` [q2]"#,
        ],
    );
}

#[test]
fn choices() {
    assert_findings(
        "choices.yaml",
        1,
        &[
            r#"choices.yaml:10: error: only 1 choice: a question needs 2 to 8 choices [one-choice]"#,
            r#"choices.yaml:18: error: 9 choices: a question takes at most 8 (they must fit a printed line) [nine-choices]"#,
            r#"choices.yaml:29: error: `lère` appears twice in `choices` (entries 1 and 3) [repeated-choice]"#,
            r#"choices.yaml:38: error: `answer` `lere` is not one of the choices; did you mean `Lere`? (copy it exactly) [answer-not-a-choice]"#,
            r#"choices.yaml:46: error: `answers` is empty: list at least one right choice [answers-empty]"#,
            r#"choices.yaml:56: error: `answers` `Le Tchad` is not one of the choices: copy the right choice exactly [answers-not-subset]"#,
        ],
    );
}

#[test]
fn shapes() {
    assert_findings(
        "shapes.yaml",
        1,
        &[
            r#"shapes.yaml:9: error: cloze `text` has no gap: mark each gap as `{{answer}}` [cloze-no-gap]"#,
            r#"shapes.yaml:15: error: cloze `text` has a `{{` that is never closed with `}}` [cloze-unclosed]"#,
            r#"shapes.yaml:22: error: `pairs` has only 1 pair: a match question needs 2 to 8 [match-one-pair]"#,
            r#"shapes.yaml:32: error: `rebelles` appears twice in `pairs` (entries 1 and 2) [match-repeated]"#,
            r#"shapes.yaml:39: error: `items` has 2 items: an order question needs 3 to 8 [order-short]"#,
            r#"shapes.yaml:49: error: `Bourem` appears twice in `items` (entries 1 and 3) [order-repeated]"#,
            r#"shapes.yaml:52: error: missing `back`: a card needs a `back` (the answer side) [card-no-back]"#,
            r#"shapes.yaml:62: error: unknown claim answer `maybe`: expected one of supported, contradicted, not-stated [claim-bad]"#,
            r#"shapes.yaml:71: error: feedback key `Le CSP` is not one of the wrong choices: feedback explains why a wrong choice is wrong [feedback-on-answer]"#,
        ],
    );
}

#[test]
fn missing_content() {
    assert_findings(
        "missing-content.yaml",
        1,
        &[
            r#"missing-content.yaml:6: error: missing `explanation`: say why the answer is right, so the student learns the reading skill [no-explanation]"#,
            r#"missing-content.yaml:12: error: missing `evidence`: quote the article's words that back the answer, e.g. `evidence: ["selon les déclarations d'un porte-parole du CSP"]` [no-evidence]"#,
        ],
    );
}

#[test]
fn missing_source() {
    assert_findings(
        "missing-source.yaml",
        1,
        &[
            r#"missing-source.yaml:4: error: source file `missing-article.txt` not found (looked for `missing-article.txt`): `file` is relative to the bank's folder"#,
        ],
    );
}

#[test]
fn latin1_source() {
    assert_findings(
        "latin1-source.yaml",
        1,
        &[
            r#"latin1-source.yaml:4: error: source file `latin1-article.txt` is not UTF-8 text: save the article as UTF-8"#,
        ],
    );
}

#[test]
fn evidence() {
    assert_findings_fr(
        "evidence.yaml",
        1,
        &[
            "evidence.yaml:14: error: preuve introuvable dans l’article\u{a0}: «\u{a0}46 rebeles neutralisés\u{a0}»\u{a0}; passage le plus proche\u{a0}: «\u{a0}46 rebelles neutralisés\u{a0}» [typo]",
            "evidence.yaml:21: error: preuve introuvable dans l’article\u{a0}: «\u{a0}le CSP a publié un bilan officiel de cent morts ce matin\u{a0}»\u{a0}; copiez les mots exactement depuis l’article (… pour sauter des mots) [invented]",
            "evidence.yaml:28: error: les parties de la preuve sont dans le désordre\u{a0}: «\u{a0}Ce retrait stratégique\u{a0}» vient plus tôt dans l’article\u{a0}; les parties autour de `…` doivent suivre l’ordre de l’article [elision-order]",
        ],
    );
}

#[test]
fn warnings() {
    assert_findings(
        "warnings.yaml",
        0,
        &[
            r#"warnings.yaml:13: warning: the prompt repeats question `first` (line 6) [repeat]"#,
            r#"warnings.yaml:20: warning: the right choice is much longer than the others (73 characters against at most 7): students can guess it from its length [long-answer]"#,
            r#"warnings.yaml:28: warning: the answer `groupe wagner` is already in the prompt [giveaway]"#,
            r#"warnings.yaml:35: warning: `Toutes ces réponses` only makes sense in a fixed place: add `keep_order: true` [all-of-the-above]"#,
        ],
    );
}

#[test]
fn the_shipped_bank_passes() {
    mediaquiz(&["check"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicates::str::contains("0 erreur, 0 avertissement"));
}

#[test]
fn the_questions_folder_passes() {
    let questions = concat!(env!("CARGO_MANIFEST_DIR"), "/questions");
    mediaquiz(&["check", questions])
        .assert()
        .success()
        .stdout("");
}

#[test]
fn a_valid_fixture_passes() {
    mediaquiz(&["check", "valid.yaml"])
        .assert()
        .success()
        .stderr("1 banque vérifiée (1 question)\u{a0}: 0 erreur, 0 avertissement\n");
}

#[test]
fn the_summary_speaks_the_interface_language() {
    mediaquiz(&["--lang", "en", "check", "valid.yaml"])
        .assert()
        .success()
        .stderr("checked 1 bank (1 question): 0 errors, 0 warnings\n");
}

#[test]
fn several_files_are_all_reported() {
    let output = mediaquiz(&["check", "ids.yaml", "shapes.yaml", "valid.yaml"])
        .output()
        .unwrap();
    let stdout = stdout_of(&output);
    assert_eq!(
        stdout
            .lines()
            .filter(|l| l.starts_with("ids.yaml:"))
            .count(),
        3
    );
    assert_eq!(
        stdout
            .lines()
            .filter(|l| l.starts_with("shapes.yaml:"))
            .count(),
        9
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("3 banques vérifiées"));
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_folder_is_searched_for_banks() {
    let output = mediaquiz(&["check", "."]).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    // Banks in French and English: the summary speaks the default, French.
    assert!(stderr.contains("43 banques vérifiées"), "{stderr}");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn json_gives_the_same_findings() {
    let output = mediaquiz(&["--lang", "en", "check", "--format", "json", "choices.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["errors"], 6);
    assert_eq!(report["warnings"], 0);
    let first = &report["diagnostics"][0];
    assert_eq!(first["file"], "choices.yaml");
    assert_eq!(first["line"], 10);
    assert_eq!(first["severity"], "error");
    assert_eq!(first["question"], "one-choice");
    assert_eq!(
        first["message"],
        "only 1 choice: a question needs 2 to 8 choices"
    );
}

#[test]
fn a_missing_path_is_an_input_error() {
    mediaquiz(&["--lang", "en", "check", "no-such-bank.yaml"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("cannot read `no-such-bank.yaml`"));
}

#[test]
fn other_commands_refuse_a_broken_bank() {
    mediaquiz(&["--lang", "en", "stats", "--bank", "shapes.yaml"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "shapes.yaml:9: error: cloze `text` has no gap",
        ))
        .stderr(predicates::str::contains(
            "the bank `shapes.yaml` has 9 errors",
        ));
}

#[test]
fn a_windows_file_with_bom_and_crlf_passes() {
    mediaquiz(&["check", "bom-crlf.yaml"])
        .assert()
        .success()
        .stdout("");
}

#[test]
fn a_bank_that_is_not_utf8() {
    assert_findings(
        "latin1-bank.yaml",
        1,
        &[
            "latin1-bank.yaml:1: error: this file is not UTF-8 text: save it as UTF-8 in your editor",
        ],
    );
}

#[test]
fn an_empty_bank() {
    assert_findings(
        "empty.yaml",
        1,
        &[
            "empty.yaml:1: error: the file is empty: a bank starts with `title:`, `language:`, `source:` and `questions:` (see docs/bank-format.md)",
        ],
    );
}

// The YAML crate's own errors, one fixture per wording: each fails if the
// crate's message changes and the wording no longer applies.

#[test]
fn yaml_unclosed_bracket() {
    assert_findings(
        "yaml-bracket.yaml",
        1,
        &["yaml-bracket.yaml:10: error: a `[` list is not closed: check for a missing `,` or `]`"],
    );
}

#[test]
fn yaml_unclosed_brace() {
    assert_findings(
        "yaml-brace.yaml",
        1,
        &["yaml-brace.yaml:12: error: a `{` is not closed: check for a missing `,` or `}`"],
    );
}

#[test]
fn yaml_tab_indentation() {
    assert_findings(
        "yaml-tab.yaml",
        1,
        &["yaml-tab.yaml:9: error: a tab is used to indent: YAML indents with spaces only"],
    );
}

#[test]
fn yaml_second_document() {
    assert_findings(
        "yaml-two-documents.yaml",
        1,
        &[
            "yaml-two-documents.yaml:13: error: a second YAML document starts here (`---`): keep one bank per file",
        ],
    );
}

#[test]
fn yaml_duplicate_key_at_its_own_line() {
    assert_findings(
        "yaml-duplicate-key.yaml",
        1,
        &["yaml-duplicate-key.yaml:19: error: `prompt` is given twice: keep only one"],
    );
}

#[test]
fn every_problem_of_a_question_is_reported() {
    // A wrong answer does not hide a misquote, nor does a missing type.
    assert_findings_fr(
        "every-problem.yaml",
        1,
        &[
            "every-problem.yaml:11: error: `answer` `Le porte-parole du CSP` n’est pas l’un des choix\u{a0}; vouliez-vous dire `Un porte-parole du CSP`\u{a0}? (copiez-le exactement) [wrong-answer-and-misquote]",
            "every-problem.yaml:13: error: preuve introuvable dans l’article\u{a0}: «\u{a0}selon les déclarations d'un porte-parole du FLA\u{a0}»\u{a0}; passage le plus proche\u{a0}: «\u{a0}selon les déclarations d'un porte-parole du CSP\u{a0}» [wrong-answer-and-misquote]",
            "every-problem.yaml:14: error: `type` manquant\u{a0}: l’un de single, multi, truefalse, claim, short, cloze, match, order, card, open [no-type]",
            "every-problem.yaml:19: error: preuve introuvable dans l’article\u{a0}: «\u{a0}46 rebeles neutralisés\u{a0}»\u{a0}; passage le plus proche\u{a0}: «\u{a0}46 rebelles neutralisés\u{a0}» [no-type]",
        ],
    );
}

#[test]
fn control_characters_in_bank_text() {
    assert_findings(
        "control-characters.yaml",
        1,
        &[
            "control-characters.yaml:9: error: `prompt` contains a control character (U+001B), which would reach the terminal: remove it [escapes]",
            "control-characters.yaml:10: error: `choices` contains a control character (U+009B), which would reach the terminal: remove it [escapes]",
        ],
    );
}

#[test]
fn control_characters_in_the_article() {
    assert_findings(
        "control-article.yaml",
        1,
        &[
            "control-article.yaml:4: error: source file `control-article.txt` has a control character (U+001B) on its line 3: remove it (it would reach the terminal)",
        ],
    );
}

#[test]
fn a_nul_byte_on_its_own_line() {
    assert_findings(
        "nul-byte.yaml",
        1,
        &[
            "nul-byte.yaml:11: error: a control character (U+0000) at column 23: remove it (a bank holds printable text only)",
        ],
    );
}

#[test]
fn an_alias_bomb_is_refused() {
    // Ten levels of ten aliases: 10^9 strings once expanded, from 600 bytes.
    assert_findings(
        "alias-bomb.yaml",
        1,
        &[
            "alias-bomb.yaml:1: error: the aliases (`*name`) in this file would expand it to more than 8 times its size: write the repeated parts out, or use fewer aliases",
        ],
    );
}

#[test]
fn deep_nesting_is_refused() {
    assert_findings(
        "deep-nesting.yaml",
        1,
        &[
            "deep-nesting.yaml:2: error: lists or fields are nested more than 128 levels deep here: a bank needs only a few levels",
        ],
    );
}

#[test]
fn a_huge_number() {
    assert_findings(
        "huge-number.yaml",
        1,
        &[
            "huge-number.yaml:9: error: the number `99999999999999999999999` is too large: write a small whole number, or put it in quotes if it is text",
        ],
    );
}

#[test]
fn messages_say_exactly_what_is_wrong() {
    // An empty title is said once; a quoted number is named; an id in another
    // script gets a usable example; one merge key costs one error; a quote
    // over several lines stays on one line, shortened.
    assert_findings_fr(
        "messages.yaml",
        1,
        &[
            "messages.yaml:1: error: `title` est vide",
            "messages.yaml:9: error: `difficulty` est un nombre sans guillemets\u{a0}: écrivez `difficulty: 2` [quoted-difficulty]",
            "messages.yaml:14: error: l’identifiant `سؤال` ne peut contenir que des minuscules de a à z, des chiffres et `-` (par exemple `question-2`) [سؤال]",
            "messages.yaml:29: error: les clés de fusion `<<` ne sont pas acceptées dans une banque\u{a0}: écrivez les champs en entier (les lignes de chaque question sont vérifiées là où elles sont écrites) [merged]",
            "messages.yaml:39: error: preuve introuvable dans l’article\u{a0}: «\u{a0}Plusieurs sources civiles locales ont confirmé ce départ, … les rues pour célébrer la fin des combats toute la nuit.\u{a0}»\u{a0}; copiez les mots exactement depuis l’article (… pour sauter des mots) [long-quote]",
        ],
    );
}

#[test]
fn open_questions_and_rubrics() {
    assert_findings(
        "open-rubric.yaml",
        1,
        &[
            "open-rubric.yaml:28: error: two levels of `rubric` give 1 point: each level gives a different score [justified]",
            "open-rubric.yaml:37: error: `rubric` scores the sentence of reasoning asked by `justify: true`: add `justify: true`, or remove the rubric [rubric-without-justify]",
        ],
    );
}

#[test]
fn a_bank_id_follows_the_id_rule() {
    assert_findings(
        "bank-id.yaml",
        1,
        &[
            "bank-id.yaml:1: error: bank id `Lere Bank` may only use lower-case letters a to z, digits and `-` (e.g. `lere-bank`)",
        ],
    );
}

#[test]
fn check_without_a_path_checks_the_bank_given_by_dash_dash_bank() {
    let output = mediaquiz(&["--bank", "syntax.yaml", "check"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout_of(&output).starts_with("syntax.yaml:8: error:"));
}

#[test]
fn check_of_a_missing_dash_dash_bank_fails() {
    mediaquiz(&["--lang", "en", "--bank", "missing.yaml", "check"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("cannot read `missing.yaml`"));
}

#[test]
fn a_folder_as_the_one_bank_is_refused_clearly() {
    for command in ["stats", "quiz", "worksheet", "review"] {
        mediaquiz(&["--lang", "en", "--bank", ".", command])
            .assert()
            .code(1)
            .stderr(predicates::str::contains(
                "`--bank .` is a folder, but this command works on one bank",
            ));
    }
}

/// The articles have no byline, and the banks teach that: no explanation
/// may call the author "the journalist".
#[test]
fn no_shipped_explanation_names_a_journalist() {
    for (file, word) in [
        ("../../questions/lere/lere.yaml", "journaliste"),
        ("../../questions/lere-en/lere-en.yaml", "journalist"),
    ] {
        let text = std::fs::read_to_string(crate::util::fixtures().join(file)).unwrap();
        let yaml: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        let questions = yaml["questions"].as_sequence().unwrap();
        assert!(questions.len() >= 45, "{file}");
        for q in questions {
            let explanation = q["explanation"].as_str().unwrap_or_default().to_lowercase();
            assert!(
                !explanation.contains(&format!("le {word}"))
                    && !explanation.contains(&format!("the {word}")),
                "{file}: {:?} calls the author {word}",
                q["id"]
            );
        }
    }
}

/// docs/teaching-points.md lists each shipped item under the one point it
/// teaches: every item appears once, and no point has more than one
/// question and one flashcard, the rule the banks were revised to (issue 23).
#[test]
fn every_shipped_item_carries_one_listed_teaching_point() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("docs/teaching-points.md")).unwrap();
    for (bank, heading) in [
        ("questions/lere/lere.yaml", "## `lere` (French)"),
        ("questions/lere-en/lere-en.yaml", "## `lere-en` (English)"),
    ] {
        let text = std::fs::read_to_string(root.join(bank)).unwrap();
        let yaml: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        let questions = yaml["questions"].as_sequence().unwrap();
        let kind = |id: &str| {
            questions
                .iter()
                .find(|q| q["id"].as_str() == Some(id))
                .and_then(|q| q["type"].as_str())
                .unwrap_or_else(|| panic!("{bank}: `{id}` is listed but not in the bank"))
                .to_owned()
        };
        let table = doc
            .split(heading)
            .nth(1)
            .unwrap()
            .split("\n## ")
            .next()
            .unwrap();
        let mut listed = Vec::new();
        for row in table
            .lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| #"))
        {
            let cells: Vec<&str> = row.split(" | ").collect();
            let ids: Vec<&str> = cells[3..]
                .iter()
                .filter_map(|c| c.split('`').nth(1))
                .collect();
            let cards = ids.iter().filter(|id| kind(id) == "card").count();
            assert!(cards <= 1 && ids.len() - cards <= 1, "{bank}: {row}");
            listed.extend(ids);
        }
        let mut ids: Vec<&str> = questions.iter().filter_map(|q| q["id"].as_str()).collect();
        ids.sort_unstable();
        listed.sort_unstable();
        assert_eq!(listed, ids, "{bank}: each item listed exactly once");
        let recall = questions
            .iter()
            .filter(|q| q["skill"].as_str() == Some("recall"))
            .count();
        assert!(recall <= 3, "{bank}: {recall} recall-only items");
    }
}

#[test]
fn a_single_or_multi_question_without_choices_is_reported() {
    // Another finding on the question's first line (a missing `explanation`)
    // used to hide the missing `choices`.
    assert_findings(
        "no-choices.yaml",
        1,
        &[
            r#"no-choices.yaml:6: error: missing `choices`: list 2 to 8 choices, e.g. `choices: ["…", "…"]` [single-no-choices]"#,
            r#"no-choices.yaml:14: error: missing `choices`: list 2 to 8 choices, e.g. `choices: ["…", "…"]` [multi-no-choices]"#,
            r#"no-choices.yaml:22: error: missing `explanation`: say why the answer is right, so the student learns the reading skill [single-no-choices-nor-explanation]"#,
            r#"no-choices.yaml:22: error: missing `choices`: list 2 to 8 choices, e.g. `choices: ["…", "…"]` [single-no-choices-nor-explanation]"#,
        ],
    );
}

#[test]
fn a_french_bank_gets_french_findings() {
    assert_findings_fr(
        "ids.yaml",
        1,
        &[
            "ids.yaml:6: error: `id` manquant\u{a0}: donnez à chaque question un nom court et unique, comme `retrait-source`",
            "ids.yaml:12: error: l’identifiant `Camp_Militaire` ne peut contenir que des minuscules de a à z, des chiffres et `-` (par exemple `camp-militaire`) [Camp_Militaire]",
            "ids.yaml:26: error: identifiant `bourem` en double, déjà utilisé ligne 19\u{a0}: chaque identifiant est unique [bourem]",
        ],
    );
}

#[test]
fn dash_dash_lang_en_gives_english_findings_on_a_french_bank() {
    mediaquiz(&["--lang", "en", "check", "ids.yaml"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains(
            "ids.yaml:26: error: duplicate id `bourem`, first used at line 19: ids must be unique [bourem]",
        ))
        .stderr("checked 1 bank (4 questions): 3 errors, 0 warnings\n");
}

#[test]
fn an_english_bank_gets_english_findings_wherever_it_states_its_language() {
    // `language: en` is the file's last line: it still rules every finding,
    // with English quote marks.
    assert_findings_fr(
        "english.yaml",
        1,
        &[
            "english.yaml:11: error: evidence not found in the article: “selon les déclaration d'un porte-parole du CSP”; closest passage: “selon les déclarations d'un porte-parole du CSP” [q1]",
            "english.yaml:12: error: unknown field `colour` (a question has: id, type, skill, difficulty, explanation, evidence, tags, justify, rubric, draft, prompt, choices, answer, keep_order, feedback, answers, accept, text, pairs, items, front, back) [q1]",
        ],
    );
    mediaquiz(&["check", "english.yaml"])
        .assert()
        .stderr("checked 1 bank (1 question): 2 errors, 0 warnings\n");
    // And `--lang fr` turns it French.
    mediaquiz(&["--lang", "fr", "check", "english.yaml"])
        .assert()
        .stdout(predicates::str::contains(
            "english.yaml:12: error: champ inconnu `colour` (une question a\u{a0}: id,",
        ));
}

#[test]
fn a_bank_with_no_language_gets_french_findings() {
    assert_findings_fr(
        "no-language.yaml",
        1,
        &[
            "no-language.yaml:12: error: champ inconnu `colour` (une question a\u{a0}: id, type, skill, difficulty, explanation, evidence, tags, justify, rubric, draft, prompt, choices, answer, keep_order, feedback, answers, accept, text, pairs, items, front, back) [q1]",
        ],
    );
}

#[test]
fn other_commands_list_a_broken_bank_s_errors_in_its_language() {
    mediaquiz(&["stats", "--bank", "shapes.yaml"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "shapes.yaml:9: error: le `text` à trous n’a aucun trou\u{a0}: marquez chaque trou `{{réponse}}`",
        ));
}

/// A finding's message without what it quotes (values in backticks, quotes in
/// « », “ ”, parentheses after `l’analyseur dit`), the words left to judge.
fn own_words(line: &str) -> Option<String> {
    let (_, message) = line
        .split_once(": error: ")
        .or_else(|| line.split_once(": warning: "))?;
    let message = match message.rfind(" [") {
        Some(at) if message.ends_with(']') => &message[..at],
        _ => message,
    };
    let mut words = String::from(" ");
    let mut inside: Option<char> = None;
    for c in message.chars() {
        match (inside, c) {
            (None, '`') => inside = Some('`'),
            (None, '«') => inside = Some('»'),
            (None, '“') => inside = Some('”'),
            (Some(end), c) if c == end => inside = None,
            (Some(_), _) => {}
            (None, c) => words.push(c),
        }
    }
    words.push(' ');
    Some(words.to_lowercase().replace(['\u{a0}', '\u{202f}'], " "))
}

/// Every fixture, checked in French and in English: no English word left in
/// a French finding, no French word in an English one. A message someone
/// forgets to translate fails here.
#[test]
fn no_finding_mixes_the_languages() {
    const ENGLISH: &[&str] = &[
        " the ",
        " must ",
        " is ",
        " are ",
        " not ",
        " of ",
        " missing ",
        " and ",
        " with ",
        " needs ",
        " has ",
        " to ",
        " an ",
        " in ",
        " it ",
        " this ",
        " cannot ",
        " found ",
        " only ",
        " write ",
        " remove ",
        " list ",
        " choice ",
    ];
    const FRENCH: &[&str] = &[
        " le ",
        " la ",
        " les ",
        " est ",
        " une ",
        " des ",
        " du ",
        " pas ",
        " doit ",
        " manquant ",
        "’",
        "é",
        "è",
        "à",
        "ê",
    ];
    let mut fixtures: Vec<_> = std::fs::read_dir(crate::util::fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    fixtures.sort();
    let mut seen = 0;
    for (lang, foreign) in [("fr", ENGLISH), ("en", FRENCH)] {
        for fixture in &fixtures {
            let name = fixture.file_name().unwrap().to_str().unwrap();
            let output = mediaquiz(&["--lang", lang, "check", name])
                .output()
                .unwrap();
            for line in stdout_of(&output).lines() {
                let words = own_words(line).unwrap_or_else(|| panic!("not a finding: {line}"));
                seen += 1;
                for word in foreign {
                    assert!(
                        !words.contains(word),
                        "`{}` in a `--lang {lang}` finding:\n{line}",
                        word.trim()
                    );
                }
            }
        }
    }
    assert!(seen > 150, "only {seen} findings were read");
}

/// A field indented further than the one above is named, with where it
/// belongs, instead of the YAML crate's bare "did not find expected key".
#[test]
fn an_over_indented_field_is_named_with_where_it_belongs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("over-indented.yaml"),
        "title: Essai\nquestions:\n  - id: q1\n    type: single\n    skill: sourcing\n    prompt: \"Qui parle ?\"\n      choices:\n      - \"Le CSP\"\n      - \"L’armée\"\n    answer: \"Le CSP\"\n",
    )
    .unwrap();
    let output = mediaquiz(&["check", "over-indented.yaml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout_of(&output),
        "over-indented.yaml:7: error: `choices:` est plus en retrait que `prompt:` juste au-dessus\u{a0}: alignez-le sous `prompt` (les champs d’une question commencent tous à la même colonne)\n"
    );
}
