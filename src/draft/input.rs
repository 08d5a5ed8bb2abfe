//! What a teacher has, made into the article `draft` reads: pasted text
//! (single or blank-line paragraphs, a title line), a saved web page, or
//! standard input. The result is the clean article, a title line and then
//! paragraphs separated by blank lines, with what the page says about itself.
//!
//! A web page's own text is found by `dom_smoothie` (a port of Mozilla's
//! Readability, the reader view of Firefox), then lines that no article
//! carries are dropped: "Lire aussi", "Related", promos, copyright lines,
//! photo credits.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};
use crate::fsutil::{self, What};
use crate::i18n::Text;

/// The most text `draft` reads once a page is stripped to its article: a
/// long read is 50 KB; past 1 MB it is a book, to be drafted by chapter, and
/// the time to draft grows with the text.
pub const TEXT_LIMIT: usize = 1024 * 1024;

/// An article as `draft` reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Input {
    /// The clean text: the title line (if any), a blank line, then
    /// paragraphs separated by blank lines.
    pub text: String,
    /// What the page says about itself.
    pub meta: Meta,
    /// Whether the text differs from the file as given (so it must be written
    /// beside the bank for `check` to read the same paragraphs).
    pub changed: bool,
    /// What was cleaned, to tell the teacher.
    pub notes: Vec<Text>,
}

/// The page's own metadata, for `source:`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// The headline.
    pub title: Option<String>,
    /// Who published it.
    pub outlet: Option<String>,
    /// Who wrote it.
    pub author: Option<String>,
    /// When it was published.
    pub date: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
}

/// What kind of text a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text or Markdown.
    Text,
    /// A saved web page.
    Html,
}

impl Kind {
    /// From the file name, else from the content: a page starts with a
    /// doctype or a tag.
    pub fn of(path: &Path, text: &str) -> Kind {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let start = text
            .trim_start()
            .get(..15)
            .unwrap_or_default()
            .to_lowercase();
        if matches!(ext.as_str(), "html" | "htm" | "xhtml")
            || start.starts_with("<!doctype html")
            || start.starts_with("<html")
        {
            Kind::Html
        } else {
            Kind::Text
        }
    }
}

/// Reads `path` (`-`: standard input) as a regular file under the size cap,
/// refusing a FIFO or a device at once, and makes it the clean article.
pub fn read(path: &Path) -> Result<Input> {
    let bytes = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        let limit = fsutil::ARTICLE_LIMIT;
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Read {
                path: path.to_owned(),
                source,
            })?;
        if bytes.len() as u64 > limit {
            return Err(fsutil::ReadError::TooLarge {
                limit,
                what: What::Article,
            }
            .about(path));
        }
        bytes
    } else {
        fsutil::read_limited(path, fsutil::ARTICLE_LIMIT, What::Article)
            .map_err(|e| e.about(path))?
    };
    let invalid = |fr: &str, en: &str| Error::BadInput {
        path: path.to_owned(),
        message: Text::new(fr, en),
    };
    let raw = String::from_utf8(bytes).map_err(|_| {
        invalid(
            "l’article n’est pas du texte UTF-8 : enregistrez-le en UTF-8",
            "the article is not UTF-8 text: save it as UTF-8",
        )
    })?;
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(&raw);
    let mut input = match Kind::of(path, raw) {
        Kind::Html => from_html(raw),
        Kind::Text => from_text(raw),
    };
    if path.as_os_str() == "-" {
        input.changed = true;
    }
    if input.text.trim().is_empty() {
        return Err(invalid("l’article est vide", "the article is empty"));
    }
    if input.text.len() > TEXT_LIMIT {
        return Err(invalid(
            "le texte de l’article dépasse 1 Mo : c’est un livre, faites un brouillon par chapitre",
            "the article's text is over 1 MB: that is a book, draft it one chapter at a time",
        ));
    }
    Ok(input)
}

/// Control characters other than line breaks and tabs: pasted from a
/// terminal or a broken export, they would reach every output.
fn strip_controls(text: &str, notes: &mut Vec<Text>) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let clean: String = text
        .chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    if clean.chars().count() != text.chars().count() {
        notes.push(Text::new(
            "des caractères de contrôle ont été retirés de l’article",
            "control characters were removed from the article",
        ));
    }
    clean
}

/// Pasted text: blank lines separate paragraphs when there are any, else
/// every line is one; a first short line with no closing punctuation is the
/// title.
pub fn from_text(raw: &str) -> Input {
    let mut notes = Vec::new();
    let text = strip_controls(raw, &mut notes);
    let blocks: Vec<String> = if text.lines().any(|l| l.trim().is_empty())
        && text.trim().contains("\n\n")
        || text.lines().filter(|l| !l.trim().is_empty()).count() <= 1
    {
        paragraphs_by_blank_lines(&text)
    } else {
        text.lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect()
    };
    let clean = blocks.join("\n\n") + "\n";
    let title = blocks
        .first()
        .filter(|t| looks_like_title(t) && blocks.len() > 1)
        .map(|t| t.trim_start_matches('#').trim().to_owned());
    let changed = clean != raw && clean.trim_end() != raw.trim_end();
    Input {
        text: clean,
        meta: Meta {
            title,
            ..Meta::default()
        },
        changed: changed && !same_paragraphs(raw, &blocks),
        notes,
    }
}

/// Whether a file's blank-line paragraphs are already `blocks` (lines inside
/// a paragraph joined), so the file itself can be the bank's article.
fn same_paragraphs(raw: &str, blocks: &[String]) -> bool {
    paragraphs_by_blank_lines(&raw.replace("\r\n", "\n")) == blocks
}

fn paragraphs_by_blank_lines(text: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                blocks.push(current.join(" "));
                current.clear();
            }
        } else {
            current.extend(line.split_whitespace());
        }
    }
    if !current.is_empty() {
        blocks.push(current.join(" "));
    }
    blocks
}

/// A headline: short, and not ended like a sentence.
fn looks_like_title(line: &str) -> bool {
    line.chars().count() < 200 && !line.ends_with(['.', '!', '?', ':', ';', ',', '»', '"', '”'])
}

/// A saved web page: its article's text, boilerplate lines dropped, and its
/// metadata.
pub fn from_html(raw: &str) -> Input {
    let mut notes = Vec::new();
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let parsed = dom_smoothie::Readability::new(raw, None, Some(config))
        .ok()
        .and_then(|mut r| r.parse().ok());
    let Some(article) = parsed else {
        notes.push(Text::new(
            "aucun article reconnu dans la page : son texte entier est repris",
            "no article recognised in the page: its whole text is used",
        ));
        return Input {
            text: String::new(),
            meta: Meta::default(),
            changed: true,
            notes,
        };
    };
    let body = strip_controls(&article.text_content, &mut notes);
    let asides = asides(&article.content);
    let mut blocks: Vec<String> = Vec::new();
    let mut dropped = 0;
    for line in body.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            continue;
        }
        if is_boilerplate(&line) || asides.contains(&line) {
            dropped += 1;
            continue;
        }
        blocks.push(line);
    }
    let title = Some(article.title.trim().to_owned()).filter(|t| !t.is_empty());
    // The page's headline often opens the text again.
    if let (Some(first), Some(title)) = (blocks.first(), &title)
        && first == title
    {
        blocks.remove(0);
    }
    // The standfirst ("chapeau") is often only in the page's description.
    if let Some(lead) = article.excerpt.as_ref().map(|e| squeeze(e))
        && lead.split_whitespace().count() >= 8
        && !lead.ends_with('…')
        && !lead.ends_with("...")
        && !blocks.iter().any(|b| b.contains(&lead))
        && !is_boilerplate(&lead)
    {
        blocks.insert(0, lead);
    }
    let mut text = String::new();
    if let Some(title) = &title {
        text.push_str(title);
        text.push_str("\n\n");
    }
    text.push_str(&blocks.join("\n\n"));
    text.push('\n');
    if dropped > 0 {
        notes.push(Text::new(
            format!("{dropped} ligne(s) de la page écartée(s) (« Lire aussi », crédits, mentions)"),
            format!("{dropped} line(s) of the page left out (“Related”, credits, notices)"),
        ));
    }
    let clean = |s: Option<String>| {
        s.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty())
    };
    Input {
        text: if blocks.is_empty() {
            String::new()
        } else {
            text
        },
        meta: Meta {
            title,
            outlet: clean(article.site_name.map(|s| s.to_string())),
            author: clean(article.byline.map(|s| s.to_string())),
            date: clean(article.published_time.map(|s| s.to_string())).map(day_of),
            url: clean(article.url.map(|s| s.to_string())),
        },
        changed: true,
        notes,
    }
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Texts of the cleaned article's HTML that are not its prose: figure
/// captions, and paragraphs or list items that are a single link (to
/// another story: "Five things we learned from Obama interview").
fn asides(html: &str) -> std::collections::HashSet<String> {
    let doc = dom_query::Document::from(html);
    let mut found = std::collections::HashSet::new();
    for node in doc.select("figcaption, figure, aside, nav").nodes() {
        for line in node.text().lines() {
            found.insert(squeeze(line));
        }
        found.insert(squeeze(&node.text()));
    }
    for item in doc.select("p, li").iter() {
        let links = item.select("a");
        let text = squeeze(&item.text());
        if links.length() == 1 && !text.is_empty() && squeeze(&links.text()) == text {
            found.insert(text);
        }
    }
    found.remove("");
    found
}

/// A line a page carries around its article: a link to another article
/// ("Lire aussi", "Related", "MORE:"), a copyright or credit line, a date
/// stamp, a call to click or subscribe.
pub fn is_boilerplate(line: &str) -> bool {
    let lower = line.to_lowercase();
    const OPENINGS: &[&str] = &[
        "lire aussi",
        "lire :",
        "lire:",
        "à lire aussi",
        "voir aussi",
        "revivez",
        "related",
        "read more",
        "read the full",
        "more:",
        "see also",
        "©",
        "(c) ",
        "copyright",
        "créé:",
        "créé :",
        "mis à jour",
        "publié le",
        "updated:",
        "published:",
        "photo:",
        "photo :",
        "crédit",
        "credit:",
        "image:",
        "abonnez-vous",
        "subscribe",
        "sign up",
        "advertisement",
        "publicité",
    ];
    if OPENINGS.iter().any(|o| lower.starts_with(o)) {
        return true;
    }
    let words = line.split_whitespace().count();
    // "Click here to watch live", "© Thomson Reuters 2020" at the end.
    if lower.contains("click here") || lower.contains("cliquez ici") {
        return true;
    }
    if lower.contains('©') && words <= 12 {
        return true;
    }
    // A photo caption ends with its credit: "… Mike Blake/Reuters files".
    let tail: Vec<&str> = line.split_whitespace().rev().take(3).collect();
    tail.iter().any(|w| {
        let parts: Vec<&str> = w.split('/').collect();
        parts.len() == 2
            && parts
                .iter()
                .all(|p| p.chars().next().is_some_and(char::is_uppercase))
    }) && !line.ends_with(['.', '!', '?', '»', '"', '”'])
}

/// A page's publication time as a sheet prints it: the day of an ISO 8601
/// time (`2015-04-30T07:19:58+02:00` → `2015-04-30`), since a teacher cites
/// the day, not the second; any other form is kept as the page wrote it.
fn day_of(time: String) -> String {
    let bytes = time.as_bytes();
    let is_day = bytes.len() >= 10
        && bytes[..10].iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
        && matches!(bytes.get(10), None | Some(b'T' | b' '));
    if is_day { time[..10].to_owned() } else { time }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_publication_time_is_cited_by_its_day() {
        assert_eq!(day_of("2015-04-30T07:19:58".into()), "2015-04-30");
        assert_eq!(day_of("2015-04-30T07:19:58+02:00".into()), "2015-04-30");
        assert_eq!(day_of("2015-04-30".into()), "2015-04-30");
        assert_eq!(day_of("30 avril 2015".into()), "30 avril 2015");
        assert_eq!(day_of("2015-04-3".into()), "2015-04-3");
    }
    use super::*;

    #[test]
    fn single_line_paragraphs_and_a_title() {
        let input =
            from_text("Le port en grève\nLes dockers ont cessé le travail.\nLe maire a réagi.\n");
        assert_eq!(
            input.text,
            "Le port en grève\n\nLes dockers ont cessé le travail.\n\nLe maire a réagi.\n"
        );
        assert_eq!(input.meta.title.as_deref(), Some("Le port en grève"));
        assert!(input.changed);
    }

    #[test]
    fn blank_line_paragraphs_join_their_lines() {
        let raw = "Title\n\nOne line\nwrapped here.\n\nTwo.\n";
        let input = from_text(raw);
        assert_eq!(input.text, "Title\n\nOne line wrapped here.\n\nTwo.\n");
        assert!(!input.changed, "the file itself reads the same");
    }

    #[test]
    fn control_characters_are_removed_with_a_note() {
        let input = from_text("Titre\n\nUn\u{7} texte\u{1b}[31m ici.\n");
        assert_eq!(input.text, "Titre\n\nUn texte[31m ici.\n");
        assert_eq!(input.notes.len(), 1);
    }

    #[test]
    fn boilerplate_lines() {
        for line in [
            "Lire aussi : Les critiques de la CNIL",
            "Read the full transcript of his interview",
            "© Thomson Reuters 2020",
            "MORE: Black-led group strikes deal",
            "If you're on the ABC7 News app, click here to watch live",
            "Microsoft plans to cut its emissions by 2030. Mike Blake/Reuters files",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
        for line in [
            "Le maire a parlé. « Nous ne partirons pas », a-t-il dit.",
            "Relations between the two countries are tense.",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }
}
