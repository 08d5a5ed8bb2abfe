//! Loading the YAML text: bounded (control characters, alias expansion,
//! nesting are refused before they cost anything) and with the YAML crate's
//! errors worded for teachers, located where the problem starts.
//!
//! Each wording below matches one of the crate's own messages; the fixtures in
//! `tests/check.rs` fail if the crate changes them.

use std::cell::Cell;
use std::fmt;

use serde::Deserialize;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use serde_yaml::{Mapping, Value};

use crate::bank::Lang;
use crate::bank::outline::Outline;
use crate::diagnostic::control_char;
use crate::i18n::tr;

/// How many times its own size a file may grow to once its aliases are
/// expanded (counting each scalar's bytes plus one per node).
const EXPANSION_FACTOR: usize = 8;
/// Room for tiny files, whose few aliases may well exceed 8 times their size.
const EXPANSION_SLACK: usize = 64 * 1024;
/// How many entries of `questions:` [`load_sliced`] parses at a time: few
/// enough that their events weigh nothing, enough that starting a parser is
/// paid rarely.
const ENTRIES_PER_PARSE: usize = 64;
/// Marks our own refusal among the crate's errors.
const TOO_BIG: &str = "mediaquiz: alias expansion over budget";

/// Parses `text` into a YAML value, or says at which line and why not (in `lang`).
#[cfg(test)]
pub(super) fn load(text: &str, lang: Lang) -> Result<Value, (usize, String)> {
    refuse_early(text, lang)?;
    serde_yaml::from_str(text).map_err(|err| explain_yaml_error(&err, text, lang))
}

/// A bank's document once its `questions:` went through the callback.
#[derive(Debug)]
pub(super) enum Document {
    /// An empty file.
    Empty,
    /// A list or a single value rather than a set of fields.
    NotMapping,
    /// The top-level fields but `questions`, and what `questions` held.
    Fields {
        /// Every top-level field but `questions`.
        top: Mapping,
        /// What `questions:` held.
        questions: Questions,
    },
}

/// What a bank's `questions:` held.
#[derive(Debug)]
pub(super) enum Questions {
    /// No `questions:` key.
    Absent,
    /// A list of this many entries, each given to the callback.
    List(usize),
    /// Anything else (null, a mapping, a single value).
    Other(Value),
}

/// Parses `text` with each entry of the top-level `questions:` list handed
/// to `each` (with its index) as soon as the parser has built it, so that the
/// whole bank is never held as one value tree: memory stays near the typed
/// questions' own size. Errors are the same, and located the same, as a parse
/// into one `Value`.
pub(super) fn load_streaming(
    text: &str,
    lang: Lang,
    each: &mut dyn FnMut(usize, Value),
) -> Result<Document, (usize, String)> {
    refuse_early(text, lang)?;
    let de = serde_yaml::Deserializer::from_str(text);
    Top { each }
        .deserialize(de)
        .map_err(|err| explain_yaml_error(&err, text, lang))
}

/// Like [`load_streaming`], but parses the top-level fields and then each
/// entry of `questions:` as its own small document (cut where `outline` saw
/// it start), so the parser never holds the events of the whole file: peak
/// memory drops from about 19 to under 10 times the file. `None` when the text
/// is not plain enough to be cut safely (aliases, tabs, document markers, flow
/// style, a syntax error anywhere, a cut that does not give exactly one entry):
/// the caller then forgets what `each` was given and uses [`load_streaming`],
/// whose findings are the reference.
pub(super) fn load_sliced(
    text: &str,
    outline: &Outline,
    lang: Lang,
    each: &mut dyn FnMut(usize, Value),
) -> Option<Result<Document, (usize, String)>> {
    if let Err(found) = refuse_early(text, lang) {
        return Some(Err(found));
    }
    let cuts = Cuts::find(text, outline)?;
    // The top level with the entries cut out: `questions:` alone reads as null.
    let mut top_text = String::with_capacity(cuts.block.start + text.len() - cuts.block.end);
    top_text.push_str(&text[..cuts.block.start]);
    top_text.push_str(&text[cuts.block.end..]);
    let Ok(Document::Fields {
        top,
        questions: Questions::Other(Value::Null),
    }) = Top {
        each: &mut |_, _| {},
    }
    .deserialize(serde_yaml::Deserializer::from_str(&top_text))
    else {
        return None;
    };
    drop(top_text);
    // Entries a few at a time (a parser per entry costs a tenth more CPU),
    // under a `questions:` key of their own, so that they sit as deep as in
    // the whole file (the nesting limit counts the same).
    let count = cuts.items.len() - 1;
    let mut batch = String::new();
    for first in (0..count).step_by(ENTRIES_PER_PARSE) {
        let last = count.min(first + ENTRIES_PER_PARSE);
        batch.clear();
        batch.push_str("questions:\n");
        batch.push_str(&text[cuts.items[first]..cuts.items[last]]);
        // A wrong cut is caught by the count; what `each` got is then
        // forgotten by the caller.
        let parsed = Top {
            each: &mut |index, item| each(first + index, item),
        }
        .deserialize(serde_yaml::Deserializer::from_str(&batch));
        match parsed {
            Ok(Document::Fields {
                top,
                questions: Questions::List(n),
            }) if top.is_empty() && n == last - first => {}
            _ => return None,
        }
    }
    Some(Ok(Document::Fields {
        top,
        questions: Questions::List(count),
    }))
}

/// Where a bank's text is cut for [`load_sliced`], in bytes.
struct Cuts {
    /// The entries of `questions:`, from the line after `questions:` to the
    /// next top-level key (or the end).
    block: std::ops::Range<usize>,
    /// Where each entry starts, then where the block ends.
    items: Vec<usize>,
}

impl Cuts {
    /// The cuts, or `None` when the text has anything that a cut could
    /// change the meaning of.
    fn find(text: &str, outline: &Outline) -> Option<Cuts> {
        // Aliases and anchors tie entries together; tabs and lone carriage
        // returns make the line-based outline unreliable.
        let lone_return = |(at, _): (usize, &str)| text.as_bytes().get(at + 1) != Some(&b'\n');
        if text.contains(['&', '*', '\t']) || text.match_indices('\r').any(lone_return) {
            return None;
        }
        let questions = outline.top.get("questions")?.line;
        let first = outline.items.first()?.line;
        let mut offset = 0;
        let mut block_start = None;
        let mut block_end = text.len();
        let mut items = Vec::with_capacity(outline.items.len() + 1);
        let mut next = outline.items.iter().map(|item| item.line).peekable();
        for (index, raw) in text.split_inclusive('\n').enumerate() {
            let line = index + 1;
            let at = offset;
            offset += raw.len();
            // Document markers and directives: another document, or a tag.
            if raw.starts_with("---") || raw.starts_with("...") || raw.starts_with('%') {
                return None;
            }
            if line == questions {
                let rest = raw.strip_prefix("questions:")?.trim_end();
                if !(rest.is_empty() || rest.trim_start().starts_with('#')) {
                    return None;
                }
                block_start = Some(offset);
                continue;
            }
            if block_start.is_none() || block_end < text.len() {
                continue;
            }
            let content = raw.trim_start();
            if line < first && !(content.trim_end().is_empty() || content.starts_with('#')) {
                return None;
            }
            if next.peek() == Some(&line) {
                next.next();
                items.push(at);
                continue;
            }
            let top_level = raw.len() == content.len();
            if line > first
                && top_level
                && !content.trim_end().is_empty()
                && !content.starts_with(['#', '-'])
            {
                block_end = at;
            }
        }
        let block_start = block_start?;
        // Every entry the outline saw must lie inside the block.
        if next.next().is_some() || items.len() != outline.items.len() {
            return None;
        }
        items.push(block_end);
        if items.windows(2).any(|pair| pair[0] >= pair[1]) || items[0] < block_start {
            return None;
        }
        Some(Cuts {
            block: block_start..block_end,
            items,
        })
    }
}

/// Control characters and alias bombs, refused before the real parse.
fn refuse_early(text: &str, lang: Lang) -> Result<(), (usize, String)> {
    if let Some(found) = first_control_char(text, lang) {
        return Err(found);
    }
    if let Some(line) = flow_deeper_than(text, MAX_DEPTH) {
        return Err((line, too_deep(lang)));
    }
    // Without a `*` there is no alias, and a file cannot expand beyond about
    // twice its size: the counting walk (a whole extra parse) is not needed.
    if !text.contains('*') {
        return Ok(());
    }
    // Any error but ours is the crate's, reported by the real parse.
    if let Err(err) = expand_within(text, text.len() * EXPANSION_FACTOR + EXPANSION_SLACK)
        && err.to_string().contains(TOO_BIG)
    {
        return Err((
            err.location().map_or(1, |l| l.line()),
            tr!(
                lang,
                "les alias (`*nom`) de ce fichier le feraient grossir à plus de {EXPANSION_FACTOR} fois sa taille\u{a0}: écrivez les parties répétées en entier, ou utilisez moins d’alias",
                "the aliases (`*name`) in this file would expand it to more than {EXPANSION_FACTOR} times its size: write the repeated parts out, or use fewer aliases",
            ),
        ));
    }
    Ok(())
}

/// The YAML crate's own nesting limit, applied here while scanning.
const MAX_DEPTH: usize = 128;

fn too_deep(lang: Lang) -> String {
    tr!(
        lang,
        "listes ou champs imbriqués sur plus de {MAX_DEPTH} niveaux ici\u{a0}: une banque n’en demande que quelques-uns",
        "lists or fields are nested more than {MAX_DEPTH} levels deep here: a bank needs only a few levels",
    )
}

/// The line where `[`/`{` flow collections first nest deeper than `limit`,
/// found in one linear pass. The YAML scanner costs time in proportion to
/// the depth for every bracket (1 MB of `[` took minutes) and its own limit
/// applies only after the scan, so the depth is counted here first.
///
/// A sketch of YAML's scanner, erring towards counting less: a bracket
/// opens a collection only where a value starts (the file's start, after
/// `[`, `{`, `,`, or `- `, `? `, `: ` on their line or the next); quoted
/// text and comments are skipped. Text it
/// reads wrongly is at worst left to the parser's own limit.
fn flow_deeper_than(text: &str, limit: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut line = 1;
    // Whether the next non-blank byte starts a value or token.
    let mut at_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        match byte {
            // A line starts a value only if the last one ended with an
            // indicator (`key:`, `-`): else it may go on a plain scalar.
            b'\n' => line += 1,
            b' ' | b'\r' | b'\t' => {}
            b'#' if i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b'\n' | b'\r') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'"' | b'\'' if at_start => {
                i += 1;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' if byte == b'"' => i += 1,
                        b'\n' => line += 1,
                        // `''` is a quote inside single quotes.
                        b'\'' if byte == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 1,
                        quote if quote == byte => break,
                        _ => {}
                    }
                    i += 1;
                }
                at_start = false;
            }
            b'[' | b'{' if at_start => {
                depth += 1;
                if depth > limit {
                    return Some(line);
                }
                at_start = true;
            }
            b']' | b'}' if depth > 0 => {
                depth -= 1;
                at_start = false;
            }
            b',' if depth > 0 => at_start = true,
            // `-` and `?` are indicators where a value starts (elsewhere
            // they may be inside a plain scalar), `:` after a key too; all
            // three only when a blank follows.
            b'-' | b'?' | b':'
                if matches!(bytes.get(i + 1), Some(b' ' | b'\n' | b'\r' | b'\t') | None)
                    && (byte == b':' || at_start) =>
            {
                at_start = true;
            }
            _ => at_start = false,
        }
        i += 1;
    }
    None
}

/// The document's top level: a mapping whose `questions` are streamed.
struct Top<'f> {
    each: &'f mut dyn FnMut(usize, Value),
}

impl<'de> DeserializeSeed<'de> for Top<'_> {
    type Value = Document;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Document, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Top<'_> {
    type Value = Document;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The wording of `Value`'s own visitor, should a message quote it.
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Document, E> {
        Ok(Document::NotMapping)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Document, E> {
        Ok(Document::NotMapping)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Document, E> {
        Ok(Document::NotMapping)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Document, E> {
        Ok(Document::NotMapping)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Document, E> {
        Ok(Document::NotMapping)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Document, E> {
        Ok(Document::Empty)
    }
    fn visit_none<E: de::Error>(self) -> Result<Document, E> {
        Ok(Document::Empty)
    }
    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<Document, D::Error> {
        self.deserialize(de)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Document, A::Error> {
        // Read whole, so that an error inside is reported as before.
        Value::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
        Ok(Document::NotMapping)
    }
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Document, A::Error> {
        Value::deserialize(de::value::EnumAccessDeserializer::new(data))?;
        Ok(Document::NotMapping)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Document, A::Error> {
        let mut top = Mapping::new();
        let mut questions = Questions::Absent;
        while let Some(key) = map.next_key::<Value>()? {
            let is_questions = key.as_str() == Some("questions");
            if top.contains_key(&key) || (is_questions && !matches!(questions, Questions::Absent)) {
                return Err(de::Error::custom(duplicate(&key)));
            }
            if is_questions {
                questions = map.next_value_seed(List {
                    each: &mut *self.each,
                })?;
            } else {
                let value = map.next_value::<Value>()?;
                top.insert(key, value);
            }
        }
        Ok(Document::Fields { top, questions })
    }
}

/// The YAML crate's own message for a key given twice.
fn duplicate(key: &Value) -> String {
    match key {
        Value::Null => "duplicate entry with null key".to_owned(),
        Value::Bool(b) => format!("duplicate entry with key `{b}`"),
        Value::Number(n) => format!("duplicate entry with key {n}"),
        Value::String(s) => format!("duplicate entry with key {s:?}"),
        Value::Sequence(_) | Value::Mapping(_) | Value::Tagged(_) => {
            "duplicate entry in YAML map".to_owned()
        }
    }
}

/// The value of `questions:`: a list is handed out entry by entry.
struct List<'f> {
    each: &'f mut dyn FnMut(usize, Value),
}

impl<'de> DeserializeSeed<'de> for List<'_> {
    type Value = Questions;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Questions, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for List<'_> {
    type Value = Questions;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Questions, E> {
        Ok(Questions::Other(Value::Bool(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Questions, E> {
        Ok(Questions::Other(Value::from(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Questions, E> {
        Ok(Questions::Other(Value::from(v)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Questions, E> {
        Ok(Questions::Other(Value::from(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Questions, E> {
        Ok(Questions::Other(Value::from(v)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Questions, E> {
        Ok(Questions::Other(Value::Null))
    }
    fn visit_none<E: de::Error>(self) -> Result<Questions, E> {
        Ok(Questions::Other(Value::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<Questions, D::Error> {
        self.deserialize(de)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Questions, A::Error> {
        let value = Value::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(Questions::Other(value))
    }
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Questions, A::Error> {
        let value = Value::deserialize(de::value::EnumAccessDeserializer::new(data))?;
        Ok(Questions::Other(value))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Questions, A::Error> {
        let mut count = 0;
        while let Some(item) = seq.next_element::<Value>()? {
            (self.each)(count, item);
            count += 1;
        }
        Ok(Questions::List(count))
    }
}

/// The first raw control character in the file (tab, line feed and carriage
/// return are allowed), with its line and column: YAML refuses them, and they must never
/// reach a terminal.
fn first_control_char(text: &str, lang: Lang) -> Option<(usize, String)> {
    for (n, line) in text.split('\n').enumerate() {
        // A carriage return is a line break to YAML (Windows, old Macs).
        let line = line.replace('\r', "");
        if let Some(name) = control_char(&line) {
            let column = line
                .chars()
                .position(|c| control_char(c.encode_utf8(&mut [0; 4])).is_some())
                .map_or(1, |p| p + 1);
            return Some((
                n + 1,
                tr!(
                    lang,
                    "un caractère de contrôle ({name}) en colonne {column}\u{a0}: retirez-le (une banque ne contient que du texte imprimable)",
                    "a control character ({name}) at column {column}: remove it (a bank holds printable text only)",
                ),
            ));
        }
    }
    None
}

/// Walks the document as the YAML crate expands it, without building
/// anything, and stops once `budget` is spent.
fn expand_within(text: &str, budget: usize) -> Result<(), serde_yaml::Error> {
    let left = Cell::new(budget);
    let de = serde_yaml::Deserializer::from_str(text);
    Counter { left: &left }.deserialize(de)
}

/// Counts nodes and scalar bytes against a shared budget.
#[derive(Clone, Copy)]
struct Counter<'a> {
    left: &'a Cell<usize>,
}

impl Counter<'_> {
    fn spend<E: de::Error>(self, cost: usize) -> Result<(), E> {
        match self.left.get().checked_sub(cost + 1) {
            Some(left) => {
                self.left.set(left);
                Ok(())
            }
            None => Err(E::custom(TOO_BIG)),
        }
    }
}

impl<'de> DeserializeSeed<'de> for Counter<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Counter<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.spend(v.len())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        self.deserialize(de)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.spend(0)?;
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.spend(0)?;
        while map.next_key_seed(self)?.is_some() {
            map.next_value_seed(self)?;
        }
        Ok(())
    }
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        // A tagged value (`!tag value`): count the tag, then the value.
        let ((), variant) = data.variant_seed(self)?;
        variant.newtype_variant_seed(self)
    }
}

/// Turns the YAML parser's message into one a teacher can act on (in `lang`),
/// located at the line where the problem starts rather than where the parser
/// gave up.
fn explain_yaml_error(err: &serde_yaml::Error, text: &str, lang: Lang) -> (usize, String) {
    let full = err.to_string();
    let line = err.location().map_or(1, |l| l.line());
    let started = |what: &str| -> Option<(usize, usize)> {
        let rest = full.split(what).nth(1)?;
        let mut numbers = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|n| n.parse::<usize>().ok());
        Some((numbers.next()??, numbers.next()??))
    };
    if let Some((at, column)) = started("while scanning a quoted scalar at line ") {
        return (
            at,
            tr!(
                lang,
                "le texte entre guillemets qui commence en colonne {column} n’est jamais fermé\u{a0}: ajoutez le guillemet fermant",
                "the quoted text starting at column {column} is never closed: add the closing quote",
            ),
        );
    }
    if full.contains("recursion limit exceeded") {
        return (line, too_deep(lang));
    }
    if let Some(number) = full
        .split("invalid type: integer `")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
    {
        return (
            line,
            tr!(
                lang,
                "le nombre `{number}` est trop grand\u{a0}: écrivez un petit nombre entier, ou mettez-le entre guillemets si c’est du texte",
                "the number `{number}` is too large: write a small whole number, or put it in quotes if it is text",
            ),
        );
    }
    if let Some((at, _)) = started("while parsing a flow sequence at line ") {
        return (
            at,
            tr!(
                lang,
                "une liste `[` n’est pas fermée\u{a0}: cherchez une `,` ou un `]` manquant",
                "a `[` list is not closed: check for a missing `,` or `]`",
            ),
        );
    }
    if let Some((at, _)) = started("while parsing a flow mapping at line ") {
        return (
            at,
            tr!(
                lang,
                "une accolade `{{` n’est pas fermée\u{a0}: cherchez une `,` ou une `}}` manquante",
                "a `{{` is not closed: check for a missing `,` or `}}`",
            ),
        );
    }
    if text
        .lines()
        .nth(line.saturating_sub(1))
        .is_some_and(|l| l.starts_with(|c: char| c.is_whitespace()) && l.contains('\t'))
    {
        return (
            line,
            tr!(
                lang,
                "une tabulation sert à indenter\u{a0}: YAML n’indente qu’avec des espaces",
                "a tab is used to indent: YAML indents with spaces only",
            ),
        );
    }
    if full.contains("more than one document") {
        let second = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim_end() == "---")
            .map(|(i, _)| i + 1)
            .find(|&l| l > 1)
            .unwrap_or(line);
        return (
            second,
            tr!(
                lang,
                "un second document YAML commence ici (`---`)\u{a0}: une seule banque par fichier",
                "a second YAML document starts here (`---`): keep one bank per file",
            ),
        );
    }
    if let Some(key) = full
        .split("duplicate entry with key ")
        .nth(1)
        .and_then(|rest| rest.split(" at line ").next())
    {
        let key = key.trim_matches('"');
        let second = second_key(text, line, key).unwrap_or(line);
        return (
            second,
            tr!(
                lang,
                "`{key}` est donné deux fois\u{a0}: n’en gardez qu’un",
                "`{key}` is given twice: keep only one",
            ),
        );
    }
    let message = full.split(" at line ").next().unwrap_or(&full);
    if let Some((key, above)) = over_indented(text, line) {
        // The parser's "did not find expected key" names no key: say which
        // line moved, and where it belongs.
        return (
            line,
            tr!(
                lang,
                "`{key}:` est plus en retrait que `{above}:` juste au-dessus\u{a0}: alignez-le sous `{above}` (les champs d’une question commencent tous à la même colonne)",
                "`{key}:` is indented further than `{above}:` just above it: line it up under `{above}` (the fields of a question all start in the same column)",
            ),
        );
    }
    let hint = if message.contains("did not find expected key")
        || message.contains("expected '-' indicator")
        || message.contains("mapping values are not allowed")
    {
        lang.pick(
            "\u{a0}: vérifiez l’indentation (les champs d’une question s’alignent sous `id`) et mettez entre guillemets le texte qui contient `: `",
            ": check the indentation (the fields of a question line up under `id`) and put text containing `: ` in quotes",
        )
    } else {
        ""
    };
    // The parser's own words stay as they are (English): they name what it saw.
    let message = tr!(
        lang,
        "ce n’est pas du YAML valide (l’analyseur dit\u{a0}: «\u{a0}{message}\u{a0}»){hint}",
        "this is not valid YAML: {message}{hint}",
    );
    (line, message)
}

/// The key on `line` (1-based) and the key of the line above it, when `line`
/// starts a `key:` further right than a `key: value` above: a field indented
/// by mistake, which YAML reads as the value's continuation.
fn over_indented(text: &str, line: usize) -> Option<(String, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let here = *lines.get(line.checked_sub(1)?)?;
    let above = lines[..line - 1]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    let indent = |l: &str| l.len() - l.trim_start().len();
    let key = |l: &str| {
        let (key, _) = l.trim_start().trim_start_matches("- ").split_once(':')?;
        let plain = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        plain.then(|| key.to_owned())
    };
    let (key_here, key_above) = (key(here)?, key(above)?);
    let above_has_value = above
        .split_once(':')
        .is_some_and(|(_, value)| !value.trim().is_empty());
    (indent(here) > indent(above) && above_has_value).then_some((key_here, key_above))
}

/// The line of the second `key:` of the block mapping that starts at line
/// `start` (where the YAML crate reports a duplicate key).
fn second_key(text: &str, start: usize, key: &str) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let first = lines.get(start.checked_sub(1)?)?;
    // The mapping's keys line up where its first key starts, after any `- `.
    let lead = first.len() - first.trim_start().len();
    let rest = first.trim_start();
    let column = lead + (rest.len() - rest.trim_start_matches("- ").trim_start().len());
    let mut seen = 0;
    for (n, line) in lines.iter().enumerate().skip(start - 1) {
        let body = line.trim_start();
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let indent = line.len() - body.len();
        let (indent, body) = if n + 1 == start {
            (column, &line[column..])
        } else {
            (indent, body)
        };
        if indent < column {
            break;
        }
        let name = body
            .split(':')
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches(['"', '\'']);
        if indent == column && name == key && body.contains(':') {
            seen += 1;
            if seen == 2 {
                return Some(n + 1);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_mb_of_brackets_is_refused_while_scanning() {
        for opener in ["[", "{a: "] {
            let text = format!("title: x\nquestions: {}\n", opener.repeat(1 << 20 >> 2));
            let started = std::time::Instant::now();
            let (line, message) = load(&text, Lang::En).unwrap_err();
            assert_eq!(line, 2);
            assert!(message.contains("nested more than 128 levels"), "{message}");
            // Generous (the scan takes milliseconds): a quadratic scan takes minutes.
            assert!(started.elapsed() < std::time::Duration::from_secs(5));
        }
    }

    #[test]
    fn brackets_in_text_quotes_and_comments_are_not_nesting() {
        let deep = "[".repeat(200);
        for text in [
            format!("a: text {deep}\n"),
            format!("a: \"{deep}\"\n"),
            format!("a: '{deep} l''armée'\n"),
            format!("a: 1 # {deep}\n"),
            format!("a: [l'armée, \"{deep}\", '{deep}']\n"),
            format!("a: |\n  text {deep}\n"),
        ] {
            assert_eq!(flow_deeper_than(&text, MAX_DEPTH), None, "{text}");
            assert!(load(&text, Lang::En).is_ok(), "{text}");
        }
        assert_eq!(flow_deeper_than("a: [[[x]]]\nb: [[[[y]]]]\n", 3), Some(2));
    }

    proptest::proptest! {
        /// The scan never refuses what the parser accepts: at worst it
        /// leaves a refusal to the parser.
        #[test]
        fn the_depth_scan_refuses_only_what_the_parser_refuses(
            text in "[\\[\\]{}a:,'\" #\n-]{0,300}",
        ) {
            if flow_deeper_than(&text, 3).is_some() {
                let nested = serde_yaml::from_str::<Value>(&text)
                    .map(|value| depth_of(&value) > 3)
                    .unwrap_or(true);
                proptest::prop_assert!(nested, "{:?}", text);
            }
        }
    }

    fn depth_of(value: &Value) -> usize {
        match value {
            Value::Sequence(items) => 1 + items.iter().map(depth_of).max().unwrap_or(0),
            Value::Mapping(map) => {
                1 + map
                    .iter()
                    .map(|(k, v)| depth_of(k).max(depth_of(v)))
                    .max()
                    .unwrap_or(0)
            }
            Value::Tagged(tagged) => depth_of(&tagged.value),
            _ => 0,
        }
    }

    #[test]
    fn a_few_aliases_load_as_written() {
        let text = "a: &word \"mot\"\nb: [*word, *word]\n";
        let value = load(text, Lang::En).unwrap();
        assert_eq!(value["b"][1], Value::String("mot".to_owned()));
    }

    #[test]
    fn expansion_is_counted_against_the_budget() {
        let text = "a: &x [1, 2, 3, 4]\nb: [*x, *x, *x, *x]\n";
        // 5 nodes for `a`'s list, 4 times again under `b`, plus keys and lists.
        assert!(expand_within(text, 100).is_ok());
        let err = expand_within(text, 20).unwrap_err();
        assert!(err.to_string().contains(TOO_BIG), "{err}");
    }

    /// The entries `load_sliced` hands out, or `None` when it falls back.
    fn sliced(text: &str) -> Option<Vec<(usize, Value)>> {
        let mut got = Vec::new();
        let outline = Outline::scan(text);
        let document = load_sliced(text, &outline, Lang::En, &mut |i, v| got.push((i, v)))?;
        assert!(document.is_ok(), "{document:?}");
        Some(got)
    }

    /// The entries the whole-document parse hands out.
    fn whole(text: &str) -> Vec<(usize, Value)> {
        let mut got = Vec::new();
        load_streaming(text, Lang::En, &mut |i, v| got.push((i, v))).unwrap();
        got
    }

    #[test]
    fn entries_cut_apart_read_as_in_the_whole_file() {
        let mut text = "title: T\nquestions: # all\n\n".to_owned();
        for n in 0..150 {
            text.push_str(&format!(
                "  - id: q{n}\n    prompt: |+\n      line {n}\n\n    choices: [a, \"b: c\"]\n# between\n"
            ));
        }
        text.push_str("language: en\n");
        let got = sliced(&text).expect("a plain bank is cut");
        assert_eq!(got.len(), 150);
        assert_eq!(got, whole(&text));
    }

    #[test]
    fn anything_unusual_falls_back_to_the_whole_file() {
        let plain = "questions:\n- id: a\n- id: b\n";
        assert_eq!(sliced(plain).map(|g| g.len()), Some(2));
        for text in [
            "questions:\n  - id: &x a\n  - id: *x\n",
            "questions:\n  - id: a\n\t\n",
            "questions: [{id: a}]\n",
            "questions:\n  - id: \"a\n  - b\"\n",
            "questions:\n  - id: a\n---\nquestions:\n  - id: b\n",
            "questions:\n  - id: a\nquestions:\n  - id: b\n",
            "questions:\n  - id: a\n    id: b\n",
        ] {
            assert!(sliced(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn a_duplicate_key_is_found_in_its_own_mapping() {
        let text = "questions:\n  - id: a\n    prompt: x\n  - id: b\n    prompt: y\n    answer: z\n    prompt: w\n";
        assert_eq!(second_key(text, 4, "prompt"), Some(7));
        assert_eq!(second_key(text, 2, "prompt"), None);
    }
}
