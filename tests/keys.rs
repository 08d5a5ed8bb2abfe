//! A class set's keys (`worksheet --versions N`): one compact key per
//! version and one explained key, read back from the files as a teacher
//! reads them, and held to the sheets they go with: every row of a compact
//! key must name, in the letters of its own sheet, the answer that the
//! explained key writes out in words for the same question.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use dom_query::{Document, Selection};

use crate::util::{mediaquiz, plain, stdout_of, worksheets};

/// Text of a selection with no-break spaces made plain and runs of white
/// space made one.
fn text(selection: &Selection<'_>) -> String {
    plain(&selection.text())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A lettered (or numbered) list of the sheet: `(mark without its dot, text)`.
fn marked(list: &Selection<'_>) -> Vec<(String, String)> {
    list.select("li")
        .iter()
        .map(|li| {
            let mark = text(&li.select(".letter"));
            let all = text(&li);
            let rest = all.strip_prefix(&mark).unwrap_or(&all).trim().to_owned();
            (mark.trim_end_matches('.').to_owned(), rest)
        })
        .collect()
}

/// One entry of the explained key.
struct Explained {
    id: String,
    prompt: String,
    points: String,
    answer: Vec<String>,
}

fn explained_entries(html: &str) -> Vec<Explained> {
    let doc = Document::from(html);
    doc.select("div.entry")
        .iter()
        .map(|entry| {
            let points = text(&entry.select("p .pts"));
            Explained {
                id: entry
                    .attr("data-id")
                    .map(|a| a.to_string())
                    .unwrap_or_default(),
                prompt: text(&entry.select(".prompt-reminder")),
                points: points
                    .trim_start_matches('(')
                    .split(' ')
                    .next()
                    .unwrap_or_default()
                    .to_owned(),
                answer: entry.select("dd.answer").iter().map(|d| text(&d)).collect(),
            }
        })
        .collect()
}

/// Checks the class set in `dir` (every `worksheet-X.html` with its
/// `answers-X.html` and the one `explained-key.html`); returns how many
/// questions were checked, or what disagrees.
pub(crate) fn class_set_agrees(dir: &Path) -> Result<usize, String> {
    let read = |name: &str| fs::read_to_string(dir.join(name)).map_err(|e| format!("{name}: {e}"));
    let explained = explained_entries(&read("explained-key.html")?);
    if explained.is_empty() {
        return Err("the explained key has no entry".into());
    }
    let ids: BTreeSet<&str> = explained.iter().map(|e| e.id.as_str()).collect();
    if ids.len() != explained.len() {
        return Err("a question is twice in the explained key".into());
    }
    let mut checked = 0;
    let mut versions: Vec<String> = fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .filter_map(|e| {
            let name = e.ok()?.file_name().to_string_lossy().into_owned();
            Some(
                name.strip_prefix("worksheet-")?
                    .strip_suffix(".html")?
                    .to_owned(),
            )
        })
        .collect();
    versions.sort();
    for version in &versions {
        let sheet = Document::from(read(&format!("worksheet-{version}.html"))?.as_str());
        let key = Document::from(read(&format!("answers-{version}.html"))?.as_str());
        let questions: Vec<Selection<'_>> = sheet.select("div.question").iter().collect();
        let rows: Vec<Selection<'_>> = key.select("table.compact tbody tr[id]").iter().collect();
        if rows.len() != questions.len() || rows.len() != explained.len() {
            return Err(format!(
                "version {version}: {} questions, {} key rows, {} explained",
                questions.len(),
                rows.len(),
                explained.len()
            ));
        }
        let mut seen = BTreeSet::new();
        for (n, (question, row)) in (1..).zip(questions.iter().zip(&rows)) {
            let whence = format!("version {version}, question {n}");
            let cells: Vec<String> = row.select("th, td").iter().map(|c| text(&c)).collect();
            let [number, _, points, entry] = cells.as_slice() else {
                return Err(format!("{whence}: row of {} cells", cells.len()));
            };
            // `C + justification`: the answer, then the note.
            let brief = text(&row.select("td.brief"));
            let note = text(&row.select(".justified"));
            let brief = brief
                .strip_suffix(&note)
                .unwrap_or(&brief)
                .trim()
                .to_owned();
            if *number != n.to_string() || question.attr("id").as_deref() != Some(&format!("q{n}"))
            {
                return Err(format!("{whence}: numbered {number}"));
            }
            let e = entry
                .parse::<usize>()
                .ok()
                .and_then(|e| explained.get(e.wrapping_sub(1)))
                .ok_or_else(|| format!("{whence}: no explained entry `{entry}`"))?;
            if !seen.insert(e.id.clone()) {
                return Err(format!("{whence}: `{}` twice in one version", e.id));
            }
            let sheet_points = text(&question.select(".pts").first());
            if !sheet_points.starts_with(&format!("({points} ")) || e.points != *points {
                return Err(format!(
                    "{whence}: {points} points in the key, {sheet_points} on the sheet, {} explained",
                    e.points
                ));
            }
            let prompt = question.select("p.prompt").first();
            let printed = text(&prompt);
            let printed = printed
                .strip_prefix(&format!("{n}."))
                .unwrap_or(&printed)
                .trim()
                .strip_suffix(&sheet_points)
                .unwrap_or(&printed)
                .trim()
                .to_owned();
            // A cloze's text is printed with numbered blanks, not as its prompt.
            let cloze = question.select("p.cloze").exists();
            if !cloze && printed != e.prompt {
                return Err(format!(
                    "{whence}: the sheet asks `{printed}`, the explained entry {entry} is `{}`",
                    e.prompt
                ));
            }
            agrees(question, &brief, e).map_err(|problem| format!("{whence}: {problem}"))?;
            checked += 1;
        }
    }
    Ok(checked)
}

/// Whether the answer at a glance `brief`, read on `question` as printed,
/// is the answer `explained` writes out.
fn agrees(question: &Selection<'_>, brief: &str, explained: &Explained) -> Result<(), String> {
    let words = &explained.answer;
    let choices = question.select("ul.choices");
    let matching = question.select("div.match");
    let order = question.select("ol.order");
    if choices.exists() {
        let shown = marked(&choices);
        let mut picked: Vec<String> = brief
            .split(", ")
            .map(|letter| {
                shown
                    .iter()
                    .find(|(l, _)| l == letter)
                    .map(|(_, t)| t.clone())
                    .ok_or_else(|| format!("no choice {letter} on the sheet"))
            })
            .collect::<Result<_, _>>()?;
        let mut right = words.clone();
        picked.sort();
        right.sort();
        return if picked == right {
            Ok(())
        } else {
            Err(format!(
                "`{brief}` is {picked:?} on the sheet, not {right:?}"
            ))
        };
    }
    if matching.exists() {
        let columns: Vec<Selection<'_>> = matching.select(".match-col ul").iter().collect();
        let [left, right] = columns.as_slice() else {
            return Err("a match without two columns".into());
        };
        let (left, right) = (marked(left), marked(right));
        let parts: Vec<&str> = brief.split(' ').collect();
        if parts.len() != words.len() || parts.len() != left.len() {
            return Err(format!("`{brief}` for {} pairs", words.len()));
        }
        for ((part, line), (number, left_text)) in parts.iter().zip(words).zip(&left) {
            let (n, letter) = part.split_at(part.len() - 1);
            let right_text = right
                .iter()
                .find(|(l, _)| l == letter)
                .map(|(_, t)| t)
                .ok_or_else(|| format!("no letter {letter} on the sheet"))?;
            let expected = format!("{number}. {left_text} ↔ {right_text}");
            if n != number || *line != expected {
                return Err(format!(
                    "`{part}` reads `{expected}` on the sheet, not `{line}`"
                ));
            }
        }
        return Ok(());
    }
    if order.exists() {
        let shown = marked(&order);
        let mut ranked: Vec<(usize, String)> = brief
            .split(' ')
            .map(|part| {
                let (letter, rank) = part.split_at(1);
                let text = shown
                    .iter()
                    .find(|(l, _)| l == letter)
                    .map(|(_, t)| t.clone())
                    .ok_or_else(|| format!("no item {letter} on the sheet"))?;
                Ok((rank.parse().map_err(|_| format!("rank `{rank}`"))?, text))
            })
            .collect::<Result<_, String>>()?;
        ranked.sort();
        let read: Vec<String> = ranked
            .iter()
            .map(|(rank, text)| format!("{rank}. {text}"))
            .collect();
        return if read == *words {
            Ok(())
        } else {
            Err(format!(
                "`{brief}` orders {read:?} on the sheet, not {words:?}"
            ))
        };
    }
    if question.select("div.written").exists() {
        return if brief.starts_with(&format!("/{} ", explained.points)) {
            Ok(())
        } else {
            Err(format!("open question at a glance: `{brief}`"))
        };
    }
    if question.select("p.cloze").exists() {
        let firsts: Vec<String> = words
            .iter()
            .map(|line| {
                let form = line.split_once(") ").map_or(line.as_str(), |(_, f)| f);
                form.split(" — ").next().unwrap_or(form).to_owned()
            })
            .collect();
        return if brief == firsts.join(" / ") {
            Ok(())
        } else {
            Err(format!("cloze `{brief}`, explained {words:?}"))
        };
    }
    // Boxes (true/false, verdicts) and short answers: the same words.
    if words.first().map(String::as_str) == Some(brief) {
        Ok(())
    } else {
        Err(format!("`{brief}` at a glance, `{words:?}` explained"))
    }
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
fn every_compact_key_agrees_with_its_sheet_and_the_explained_key() {
    for (bank, count, seed) in [
        ("lere", "40", "1"),
        ("lere", "40", "2024"),
        ("lere-en", "40", "7"),
        ("sheet.yaml", "9", "3"),
        ("open.yaml", "2", "5"),
    ] {
        let dir = worksheets(&[
            "--bank",
            bank,
            "-n",
            count,
            "--seed",
            seed,
            "--versions",
            "6",
        ]);
        let checked = class_set_agrees(dir.path()).unwrap_or_else(|e| panic!("{bank}: {e}"));
        assert_eq!(
            checked.to_string(),
            (6 * count.parse::<usize>().unwrap()).to_string()
        );
    }
}

#[test]
fn a_key_that_disagrees_with_its_sheet_is_caught() {
    let dir = worksheets(&["-n", "40", "--seed", "1", "--versions", "2"]);
    assert_eq!(class_set_agrees(dir.path()), Ok(80));
    let key = dir.path().join("answers-B.html");
    let good = fs::read_to_string(&key).unwrap();
    // One right letter moved to its neighbour, in the first choice row.
    let at = good.find("<td class=\"brief\">").unwrap() + "<td class=\"brief\">".len();
    let letter = good[at..].chars().next().unwrap();
    assert!(letter.is_ascii_uppercase(), "{}", &good[at..at + 20]);
    let other = if letter == 'A' { 'B' } else { 'A' };
    let bad = format!("{}{other}{}", &good[..at], &good[at + 1..]);
    fs::write(&key, bad).unwrap();
    let problem = class_set_agrees(dir.path()).unwrap_err();
    assert!(problem.starts_with("version B, question 1:"), "{problem}");
    // Two rows pointing at each other's explanation.
    fs::write(
        &key,
        good.replacen("<td class=\"ref\">", "<td class=\"ref\">1", 1),
    )
    .unwrap();
    assert!(class_set_agrees(dir.path()).is_err());
}

/// What a class set writes, and what `--full-keys` and a single version do
/// instead.
#[test]
fn a_class_set_gives_compact_keys_and_one_explained_key() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("set");
    let output = mediaquiz(&[
        "worksheet",
        "-n",
        "6",
        "--seed",
        "4",
        "--versions",
        "3",
        "--out",
        out.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(output.status.success());
    let printed: Vec<String> = stdout_of(&output)
        .lines()
        .map(|l| l.rsplit('/').next().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        printed,
        [
            "worksheet-A.html",
            "worksheet-B.html",
            "worksheet-C.html",
            "answers-A.html",
            "answers-B.html",
            "answers-C.html",
            "explained-key.html"
        ]
    );
    let compact = fs::read_to_string(out.join("answers-B.html")).unwrap();
    assert!(compact.contains("<h1>Corrigé rapide · "), "{compact}");
    assert!(!compact.contains("class=\"entry\""));
    assert!(compact.contains("Version B"));
    // The run's identity on every key: the line that makes it again.
    assert!(compact.contains("--seed 4 --versions 3"));
    let explained = fs::read_to_string(out.join("explained-key.html")).unwrap();
    assert!(explained.contains("<h1>Corrigé expliqué · "));
    assert!(explained.contains("Versions A–C"));
    assert_eq!(explained.matches("class=\"entry\"").count(), 6);
    assert!(explained.contains("--seed 4 --versions 3"));

    // --full-keys: each version's key in full, and no explained key.
    let full = dir.path().join("full");
    mediaquiz(&[
        "worksheet",
        "-n",
        "6",
        "--seed",
        "4",
        "--versions",
        "3",
        "--full-keys",
        "--out",
        full.to_str().unwrap(),
    ])
    .assert()
    .success();
    assert_eq!(
        names_in(&full),
        [
            "answers-A.html",
            "answers-B.html",
            "answers-C.html",
            "worksheet-A.html",
            "worksheet-B.html",
            "worksheet-C.html"
        ]
    );
    let key = fs::read_to_string(full.join("answers-B.html")).unwrap();
    assert_eq!(key.matches("class=\"entry\"").count(), 6);
    assert!(key.contains("--full-keys"));
    // The sheets are the same either way.
    let strip = |s: String| s.replace(" --full-keys", "");
    assert_eq!(
        strip(fs::read_to_string(full.join("worksheet-C.html")).unwrap()),
        fs::read_to_string(out.join("worksheet-C.html")).unwrap()
    );

    // One version: one sheet and its full key, as before.
    let one = dir.path().join("one");
    mediaquiz(&[
        "worksheet",
        "-n",
        "6",
        "--seed",
        "4",
        "--out",
        one.to_str().unwrap(),
    ])
    .assert()
    .success();
    assert_eq!(names_in(&one), ["answers-A.html", "worksheet-A.html"]);
    let key = fs::read_to_string(one.join("answers-A.html")).unwrap();
    assert_eq!(key.matches("class=\"entry\"").count(), 6);
}

#[test]
fn compact_and_explained_keys_are_stable() {
    let dir = worksheets(&[
        "--bank",
        "sheet.yaml",
        "-n",
        "9",
        "--seed",
        "3",
        "--versions",
        "2",
    ]);
    let read = |name: &str| fs::read_to_string(dir.path().join(name)).unwrap();
    insta::assert_snapshot!("compact-key-B", read("answers-B.html"));
    insta::assert_snapshot!("explained-key", read("explained-key.html"));
}

#[test]
fn an_english_class_set_speaks_english() {
    let dir = worksheets(&[
        "--bank",
        "lere-en",
        "-n",
        "12",
        "--seed",
        "2",
        "--versions",
        "2",
    ]);
    let compact = fs::read_to_string(dir.path().join("answers-A.html")).unwrap();
    assert!(compact.contains("<h1>Quick key · "), "{compact}");
    assert!(compact.contains("under the number in the “Expl.” column"));
    let explained = fs::read_to_string(dir.path().join("explained-key.html")).unwrap();
    assert!(explained.contains("<h1>Explained key · "));
    assert!(explained.contains("Versions A–B"));
}

/// Hostile text in every field reaches the compact and explained keys as
/// text, and the keys still agree with their sheets.
#[test]
fn hostile_text_stays_text_in_a_class_set_s_keys() {
    let dir = worksheets(&[
        "--bank",
        "injection.yaml",
        "-n",
        "8",
        "--seed",
        "1",
        "--versions",
        "3",
    ]);
    for page in ["answers-A.html", "answers-C.html", "explained-key.html"] {
        let html = fs::read_to_string(dir.path().join(page)).unwrap();
        let body = html.split("<body>").nth(1).unwrap();
        for raw in ["<script", "<img", "<svg", "<b>", "<!--"] {
            assert!(!body.contains(raw), "{page}: {raw}");
        }
    }
    let explained = fs::read_to_string(dir.path().join("explained-key.html")).unwrap();
    assert!(explained.contains("&#60;/script&#62;&#60;script&#62;window.__pwned=6"));
    assert_eq!(class_set_agrees(dir.path()), Ok(24));
}
