//! Anki: an `.apkg` package (a legacy `collection.anki2` SQLite collection
//! in a zip, which every Anki since 2.1 imports), and the same notes as a
//! text file for Anki's "Import File".
//!
//! Re-importing must update, never duplicate: the note GUID derives from the
//! bank id and question id, never from the content; the note types have
//! fixed ids; the notes' modification time is the bank file's, so an edited
//! bank gives newer notes (Anki updates a note only when the incoming one is
//! newer) and an unchanged one gives the same bytes.
//!
//! One deck per bank, with tags by skill and difficulty rather than a subdeck
//! per skill: a student reviews one deck where skills interleave (which helps
//! them stick), and a filtered deck on `tag:mediaquiz::skill::sourcing` gives
//! a skill alone when wanted.

use std::io::Write as _;

use serde_json::json;

use super::{Input, Output, answer_text, bank_id, offered, quotes, stable_hash};
use crate::bank::{Lang, Question, Segment, Shape, name_of};
use crate::error::{Error, Result};
use crate::i18n;

/// The id of mediaquiz's basic note type (Front, Back, Explanation, Quote,
/// Skill). Fixed so that every export maps to the same type.
pub const BASIC_NOTETYPE_ID: i64 = 1_764_115_200_001;
/// The id of mediaquiz's cloze note type (Text, Explanation, Quote, Skill).
pub const CLOZE_NOTETYPE_ID: i64 = 1_764_115_200_002;
/// When the note types last changed (seconds): bump with their templates.
const NOTETYPE_MOD: i64 = 1_764_115_200;

/// Card styling: large type, comfortable on a phone, follows night mode.
const CSS: &str = ".card { font-family: system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif; font-size: 20px; line-height: 1.45; text-align: left; color: #1a1a1a; background: #fff; max-width: 36em; margin: 0 auto; padding: 0.8em; }
.card.nightMode, .nightMode .card { color: #eee; background: #222; }
ol.choices { padding-left: 1.6em; } ol.choices li { margin: 0.3em 0; }
.answer { font-weight: 600; }
.explanation { margin-top: 0.8em; }
blockquote { margin: 0.8em 0 0; padding-left: 0.8em; border-left: 3px solid #888; font-style: italic; }
.skill { margin-top: 1em; font-size: 0.75em; opacity: 0.7; }
.cloze { font-weight: 600; color: #0645ad; } .nightMode .cloze { color: #8ab4f8; }
";

const BACK_EXTRA: &str = "{{#Explanation}}<div class=\"explanation\">{{Explanation}}</div>{{/Explanation}}\n{{#Quote}}<blockquote>{{Quote}}</blockquote>{{/Quote}}\n<div class=\"skill\">{{Skill}}</div>";

/// A note: its GUID, type, fields and tags.
struct Note {
    guid: String,
    cloze: bool,
    fields: Vec<String>,
    tags: Vec<String>,
}

/// The GUID of a question's note: from the bank and question ids only.
fn guid(bank: &str, question: &Question) -> String {
    format!("mediaquiz/{bank}/{}", question.id)
}

/// Tags by skill and difficulty, then the bank's own (spaces made `_`, as
/// Anki tags cannot hold them).
fn tags(question: &Question) -> Vec<String> {
    let mut tags = vec![
        format!("mediaquiz::skill::{}", name_of(&question.skill)),
        format!("mediaquiz::difficulty::{}", question.difficulty),
    ];
    tags.extend(question.tags.iter().map(|t| {
        t.split_whitespace()
            .collect::<Vec<_>>()
            .join("_")
            .replace('"', "")
    }));
    tags.retain(|t| !t.is_empty());
    tags
}

/// Bank text as an Anki field: HTML-escaped, and Anki's own markup made
/// inert, since Anki reads it in the field's HTML before showing it: `[`
/// and `]` as entities (`[sound:…]` would play a file from the collection,
/// `[latex]…` would run LaTeX, `[$]…`, `[anki:…]`), `{` and `}` too (a
/// `{{c1::…}}` in text would make a cloze), and a zero-width space after a
/// backslash before a bracket or parenthesis (MathJax reads `\(…\)` and
/// `\[…\]` in the shown text, where entities are already decoded).
fn html(text: &str) -> String {
    let escaped = super::html(text);
    let mut out = String::with_capacity(escaped.len());
    let mut chars = escaped.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '[' => out.push_str("&#91;"),
            ']' => out.push_str("&#93;"),
            '{' => out.push_str("&#123;"),
            '}' => out.push_str("&#125;"),
            '\\' if matches!(chars.peek(), Some('(' | ')' | '[' | ']')) => {
                out.push_str("\\\u{200b}");
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes cloze syntax inside an answer, after HTML escaping.
fn cloze_safe(text: &str) -> String {
    html(text).replace('}', "&#125;").replace(':', "&#58;")
}

/// The front of a basic card: the prompt, and what there is to choose from.
fn front(question: &Question, lang: Lang) -> String {
    let mut out = html(&question.prompt());
    let list = |items: Vec<String>, kind: &str| {
        let items: String = items
            .iter()
            .map(|i| format!("<li>{}</li>", html(i)))
            .collect();
        format!("<ol class=\"choices\" type=\"{kind}\">{items}</ol>")
    };
    match question.shape() {
        Shape::Choices { .. } | Shape::Verdict { .. } => {
            if let Some((options, _)) = offered(question, lang) {
                out.push_str(&list(options, "a"));
            }
        }
        Shape::TrueFalse { .. } => {
            let t = i18n::Strings::get(lang);
            out.push_str(&format!("<br>({} / {})", t.true_, t.false_));
        }
        Shape::Pairs { pairs, .. } => {
            let right: Vec<String> = pairs.iter().map(|(_, r)| r.clone()).collect();
            let left: Vec<String> = pairs.iter().map(|(l, _)| l.clone()).collect();
            out.push_str(&list(left, "1"));
            out.push_str(&list(mixed(&right), "a"));
        }
        Shape::Ranked { items, .. } => out.push_str(&list(mixed(items), "a")),
        Shape::Text { .. } | Shape::Gaps { .. } | Shape::Card { .. } | Shape::Rubric { .. } => {}
    }
    out
}

/// `items` in an order that depends on their text only (the same in every
/// export, with no seed) and is never the written one, which is the answer.
fn mixed(items: &[String]) -> Vec<String> {
    let mut shown = items.to_vec();
    shown.sort_by_key(|item| stable_hash(item));
    if shown == items {
        shown.rotate_left(1);
    }
    shown
}

/// The notes of the export, and the questions left out (none: every type
/// reads as a card).
fn notes(input: &Input<'_>) -> Vec<Note> {
    let bank = bank_id(input.bank);
    let lang = input.lang;
    input
        .questions
        .iter()
        .map(|question| {
            let explanation = html(&question.explanation);
            let mut quote = quotes(question, lang)
                .iter()
                .map(|q| html(q))
                .collect::<Vec<_>>()
                .join("<br>");
            // The whole paragraph each quote comes from, with its §n: a card
            // is read far from the article.
            quote.push_str(&cited_paragraphs(input.bank, question));
            let skill = html(&i18n::typography(lang, question.skill.label(lang)));
            let (cloze, fields) = match question.shape() {
                Shape::Gaps { prompt, segments } => {
                    let mut text = prompt
                        .map(|p| format!("{}<br>", html(p)))
                        .unwrap_or_default();
                    let mut n = 0;
                    for segment in segments {
                        match segment {
                            Segment::Text(t) => text.push_str(&html(t)),
                            Segment::Gap(forms) => {
                                n += 1;
                                text.push_str(&format!("{{{{c{n}::{}}}}}", cloze_safe(&forms[0])));
                            }
                        }
                    }
                    (true, vec![text, explanation, quote, skill])
                }
                Shape::Choices { .. }
                | Shape::TrueFalse { .. }
                | Shape::Verdict { .. }
                | Shape::Text { .. }
                | Shape::Pairs { .. }
                | Shape::Ranked { .. }
                | Shape::Rubric { .. }
                | Shape::Card { .. } => (
                    false,
                    vec![
                        front(question, lang),
                        answer_with_rubric(question, lang),
                        explanation,
                        quote,
                        skill,
                    ],
                ),
            };
            Note {
                guid: guid(&bank, question),
                cloze,
                fields,
                tags: tags(question),
            }
        })
        .collect()
}

/// The paragraphs a question's quotes come from, each once, as HTML:
/// `<br><br><b>§n</b> text`, in the bank's language and typography.
fn cited_paragraphs(bank: &crate::bank::Bank, question: &crate::bank::Question) -> String {
    let mut numbers: Vec<usize> = question
        .evidence
        .iter()
        .filter_map(|e| e.paragraph)
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
        .iter()
        .filter_map(|n| {
            let paragraph = bank
                .article
                .paragraphs()
                .iter()
                .find(|p| p.number == Some(*n))?;
            let text = html(&i18n::typography(bank.language, &paragraph.text));
            Some(format!("<br><br><b>§{n}</b> {text}"))
        })
        .collect()
}

/// The deck's id: from the bank id, so each bank is its own deck.
fn deck_id(bank: &str) -> i64 {
    1_000_000_000_000
        + i64::try_from(stable_hash(&format!("deck/{bank}")) % 1_000_000_000_000).unwrap_or(0)
}

/// A note's or card's id, unique and stable (Anki re-maps ids that clash).
fn row_id(key: &str) -> i64 {
    1_000_000_000_000 + i64::try_from(stable_hash(key) % 1_000_000_000_000).unwrap_or(0)
}

/// The note type definitions, as the legacy collection stores them.
fn notetypes(deck: i64) -> serde_json::Value {
    let field = |name: &str, ord: usize| {
        json!({"name": name, "ord": ord, "sticky": false, "rtl": false,
               "font": "Arial", "size": 20, "media": []})
    };
    let template = |name: &str, qfmt: String, afmt: String| {
        json!({"name": name, "ord": 0, "qfmt": qfmt, "afmt": afmt,
               "bqfmt": "", "bafmt": "", "did": null, "bfont": "", "bsize": 0})
    };
    let basic_fields = ["Front", "Back", "Explanation", "Quote", "Skill"];
    let cloze_fields = ["Text", "Explanation", "Quote", "Skill"];
    let common = |id: i64, name: &str, kind: u8, fields: &[&str], tmpl, req| {
        json!({
            "id": id, "name": name, "type": kind, "mod": NOTETYPE_MOD, "usn": -1,
            "sortf": 0, "did": deck, "tmpls": [tmpl],
            "flds": fields.iter().enumerate().map(|(i, f)| field(f, i)).collect::<Vec<_>>(),
            "css": CSS, "latexPre": "", "latexPost": "", "latexsvg": false,
            "req": req, "tags": [], "vers": []
        })
    };
    json!({
        BASIC_NOTETYPE_ID.to_string(): common(
            BASIC_NOTETYPE_ID, "mediaquiz", 0, &basic_fields,
            template("Card", "{{Front}}".to_owned(),
                format!("{{{{FrontSide}}}}\n<hr id=\"answer\">\n<div class=\"answer\">{{{{Back}}}}</div>\n{BACK_EXTRA}")),
            json!([[0, "any", [0]]])),
        CLOZE_NOTETYPE_ID.to_string(): common(
            CLOZE_NOTETYPE_ID, "mediaquiz cloze", 1, &cloze_fields,
            template("Cloze", "{{cloze:Text}}".to_owned(),
                format!("{{{{cloze:Text}}}}\n<hr id=\"answer\">\n{BACK_EXTRA}")),
            json!([[0, "any", [0]]])),
    })
}

/// The collection's deck list: the default deck and the bank's deck.
fn decks(deck: i64, name: &str, modified: i64) -> serde_json::Value {
    let entry = |id: i64, name: &str| {
        json!({"id": id, "name": name, "desc": "", "mod": modified, "usn": -1,
               "collapsed": false, "browserCollapsed": false, "conf": 1, "dyn": 0,
               "extendNew": 0, "extendRev": 0, "newToday": [0, 0], "revToday": [0, 0],
               "lrnToday": [0, 0], "timeToday": [0, 0]})
    };
    json!({"1": entry(1, "Default"), deck.to_string(): entry(deck, name)})
}

const SCHEMA: &str = "
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
  scm integer not null, ver integer not null, dty integer not null, usn integer not null,
  ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,
  mod integer not null, usn integer not null, tags text not null, flds text not null,
  sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,
  ord integer not null, mod integer not null, usn integer not null, type integer not null,
  queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,
  ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null,
  time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
";

/// The first field with markup removed, for Anki's sort column.
fn sort_field(field: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in field.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Anki's checksum of the sort field: the first 8 hex digits of its SHA-1.
/// Anki recomputes it on import, so a stable hash stands in here.
fn checksum(sort: &str) -> i64 {
    i64::try_from(stable_hash(sort) >> 32).unwrap_or(0)
}

fn sqlite_error(path: &std::path::Path) -> impl Fn(rusqlite::Error) -> Error + '_ {
    move |e| Error::Write {
        path: path.to_owned(),
        source: std::io::Error::other(e),
    }
}

/// The collection database, as bytes.
fn collection(input: &Input<'_>, notes: &[Note]) -> Result<Vec<u8>> {
    let bank = bank_id(input.bank);
    let deck = deck_id(&bank);
    let modified = input.modified;
    let dir = tempfile::tempdir().map_err(|source| Error::Write {
        path: std::env::temp_dir(),
        source,
    })?;
    let path = dir.path().join("collection.anki2");
    let err = sqlite_error(&path);
    {
        let db = rusqlite::Connection::open(&path).map_err(&err)?;
        // A scratch file read back whole: no journal, no sync, one transaction
        // (else every insert waits for the disk).
        db.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN;")
            .map_err(&err)?;
        db.execute_batch(SCHEMA).map_err(&err)?;
        let conf = json!({"activeDecks": [deck], "curDeck": deck, "newSpread": 0,
            "collapseTime": 1200, "timeLim": 0, "estTimes": true, "dueCounts": true,
            "curModel": BASIC_NOTETYPE_ID.to_string(), "nextPos": notes.len() + 1,
            "sortType": "noteFld", "sortBackwards": false, "addToCur": true});
        let dconf = json!({"1": {"id": 1, "name": "Default", "mod": 0, "usn": 0,
            "maxTaken": 60, "autoplay": true, "timer": 0, "replayq": true, "dyn": false,
            "new": {"bury": true, "delays": [1.0, 10.0], "initialFactor": 2500,
                    "ints": [1, 4, 7], "order": 1, "perDay": 20, "separate": true},
            "lapse": {"delays": [10.0], "leechAction": 0, "leechFails": 8, "minInt": 1, "mult": 0.0},
            "rev": {"bury": true, "ease4": 1.3, "fuzz": 0.05, "ivlFct": 1.0, "maxIvl": 36500,
                    "minSpace": 1, "perDay": 200}}});
        db.execute(
            "INSERT INTO col VALUES (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, ?6, '{}')",
            rusqlite::params![
                modified,
                modified * 1000,
                conf.to_string(),
                notetypes(deck).to_string(),
                decks(deck, &input.bank.title, modified).to_string(),
                dconf.to_string(),
            ],
        )
        .map_err(&err)?;
        for (position, note) in notes.iter().enumerate() {
            let nid = row_id(&format!("note/{}", note.guid));
            let sort = sort_field(&note.fields[0]);
            db.execute(
                "INSERT INTO notes VALUES (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, ?8, 0, '')",
                rusqlite::params![
                    nid,
                    note.guid,
                    if note.cloze {
                        CLOZE_NOTETYPE_ID
                    } else {
                        BASIC_NOTETYPE_ID
                    },
                    modified,
                    format!(" {} ", note.tags.join(" ")),
                    note.fields.join("\u{1f}"),
                    sort,
                    checksum(&sort),
                ],
            )
            .map_err(&err)?;
            // A cloze note has one card per gap (c1, c2…), a basic note one.
            let cards = if note.cloze {
                note.fields[0].matches("{{c").count()
            } else {
                1
            };
            for ord in 0..cards {
                db.execute(
                    "INSERT INTO cards VALUES (?1, ?2, ?3, ?4, ?5, -1, 0, 0, ?6, 0, 0, 0, 0, 0, 0, 0, 0, '')",
                    rusqlite::params![
                        row_id(&format!("card/{}/{ord}", note.guid)),
                        nid,
                        deck,
                        i64::try_from(ord).unwrap_or(0),
                        modified,
                        i64::try_from(position + 1).unwrap_or(0),
                    ],
                )
                .map_err(&err)?;
            }
        }
        db.execute_batch("COMMIT;").map_err(&err)?;
        db.close().map_err(|(_, e)| err(e))?;
    }
    std::fs::read(&path).map_err(|source| Error::Read {
        path: path.clone(),
        source,
    })
}

/// Exports `input` as an `.apkg` package.
pub(super) fn package(input: &Input<'_>) -> Result<Output> {
    let notes = notes(input);
    let collection = collection(input, &notes)?;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // A fixed date inside the zip, so the same bank gives the same bytes.
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    // Into memory: a failure here is no user's doing, but say what failed.
    let zip_error = |e: zip::result::ZipError| Error::Package {
        format: "Anki",
        source: std::io::Error::other(e),
    };
    let write_error = |source| Error::Package {
        format: "Anki",
        source,
    };
    zip.start_file("collection.anki2", options)
        .map_err(zip_error)?;
    zip.write_all(&collection).map_err(write_error)?;
    zip.start_file("media", options).map_err(zip_error)?;
    zip.write_all(b"{}").map_err(write_error)?;
    let bytes = zip.finish().map_err(zip_error)?.into_inner();
    Ok(Output {
        bytes,
        skipped: Vec::new(),
    })
}

/// Exports `input` for Anki's "Import File": tab-separated, HTML fields, a
/// GUID column and a tags column, and no note type named, so that it imports
/// into the stock Basic type whatever Anki's language calls it. Columns:
/// GUID, Front, Back (answer, explanation, quote), tags.
pub(super) fn text(input: &Input<'_>) -> Output {
    let mut out = format!(
        "#separator:tab\n#html:true\n#guid column:1\n#tags column:4\n#deck:{}\n",
        input.bank.title.replace(['\n', '\r', '\t'], " ")
    );
    for note in notes(input) {
        // Two fields whatever the type: the stock Basic type has two.
        let (front, back) = if note.cloze {
            let hidden = hide_clozes(&note.fields[0]);
            let answer = reveal_clozes(&note.fields[0]);
            (
                hidden,
                format!(
                    "{answer}<br><br>{}<br><br>{}",
                    note.fields[1], note.fields[2]
                ),
            )
        } else {
            (
                note.fields[0].clone(),
                format!(
                    "<b>{}</b><br><br>{}<br><br>{}<br><br><small>{}</small>",
                    note.fields[1], note.fields[2], note.fields[3], note.fields[4]
                ),
            )
        };
        out.push_str(&format!(
            "{}\t{front}\t{back}\t{}\n",
            note.guid,
            note.tags.join(" ")
        ));
    }
    Output {
        bytes: out.into_bytes(),
        skipped: Vec::new(),
    }
}

/// Cloze text with each gap as a blank.
fn hide_clozes(text: &str) -> String {
    replace_clozes(text, |_| "____".to_owned())
}

/// Cloze text with each gap's answer in bold.
fn reveal_clozes(text: &str) -> String {
    replace_clozes(text, |answer| format!("<b>{answer}</b>"))
}

fn replace_clozes(text: &str, with: impl Fn(&str) -> String) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{c") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let (Some(sep), Some(end)) = (after.find("::"), after.find("}}")) else {
            break;
        };
        out.push_str(&with(&after[sep + 2..end]));
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

/// The answer field: the answer, then a rubric's levels when the question has
/// one (an open question's model answer is scored with it).
fn answer_with_rubric(question: &Question, lang: Lang) -> String {
    let mut field = html(&answer_text(question, lang));
    for level in question.rubric() {
        field.push_str(&format!(
            "<br>{} pt{} {}",
            level.points,
            lang.pick("\u{a0}:", ":"),
            html(&level.criterion)
        ));
    }
    field
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cloze_answers_cannot_close_the_cloze() {
        assert_eq!(cloze_safe("a}}b::c"), "a&#125;&#125;b&#58;&#58;c");
        assert_eq!(hide_clozes("x {{c1::a}} y {{c2::b}}"), "x ____ y ____");
        assert_eq!(reveal_clozes("x {{c1::a}}"), "x <b>a</b>");
    }

    #[test]
    fn anki_markup_in_bank_text_is_inert() {
        assert_eq!(
            html("[sound:x.mp3] [latex]\\x[/latex] {{c1::a}}"),
            "&#91;sound:x.mp3&#93; &#91;latex&#93;\\x&#91;/latex&#93; &#123;&#123;c1::a&#125;&#125;"
        );
        assert_eq!(
            html("\\(x\\) \\[y\\]"),
            "\\\u{200b}(x\\\u{200b}) \\\u{200b}&#91;y\\\u{200b}&#93;"
        );
        assert_eq!(cloze_safe("[sound:x]"), "&#91;sound&#58;x&#93;");
    }

    #[test]
    fn the_sort_field_has_no_markup() {
        assert_eq!(sort_field("a<ol><li>b</li></ol>"), "ab");
    }
}
