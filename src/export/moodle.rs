//! Moodle XML, in the shape Moodle's own importer reads
//! (`question/format/xml/format.php` and each type's `import_from_xml`):
//! every mediaquiz type as its closest native Moodle type, the article as a
//! description first in the bank's category, one sub-category per skill.
//!
//! Text is HTML (`format="html"`) escaped for HTML, then for XML, so markup
//! in a bank shows as typed. Short answers and a match's right-hand side are
//! plain text, XML-escaped only, since Moodle compares or shows them as is.

use std::fmt::Write as _;

use super::{Input, Output, Skipped, bank_id, html, offered, quotes};
use crate::bank::{Lang, Question, Segment, Shape, Skill, name_of};
use crate::i18n;

/// Escapes text for XML element content and attributes.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// `<tag format="html"><text>…</text></tag>`, the content already HTML.
fn rich(tag: &str, html_text: &str) -> String {
    format!(
        "<{tag} format=\"html\"><text>{}</text></{tag}>",
        xml(html_text)
    )
}

/// Paragraphs of user text as HTML.
fn paragraphs(parts: &[String]) -> String {
    parts.iter().map(String::as_str).map(para).collect()
}

/// One paragraph of user text as HTML.
fn para(text: &str) -> String {
    format!("<p>{}</p>", html(text))
}

/// A short-answer pattern: `*` is Moodle's wildcard, so a typed star is
/// escaped (Moodle reads `\*` as a literal star).
fn pattern(form: &str) -> String {
    form.replace('*', "\\*")
}

/// A grade as Moodle writes fractions: 100, 50, 33.33333, -12.5…
fn fraction(value: f64) -> String {
    let text = format!("{value:.5}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// One `<question>` element: the header every type shares, then `body`.
struct Element {
    qtype: &'static str,
    name: String,
    /// The question text, HTML.
    text: String,
    /// What students see once the question is over, HTML.
    general: String,
    grade: u32,
    penalty: &'static str,
    idnumber: String,
    body: String,
    tags: Vec<String>,
}

impl Element {
    fn write(&self, out: &mut String) {
        let _ = writeln!(out, "  <question type=\"{}\">", self.qtype);
        let _ = writeln!(out, "    <name><text>{}</text></name>", xml(&self.name));
        let _ = writeln!(out, "    {}", rich("questiontext", &self.text));
        let _ = writeln!(out, "    {}", rich("generalfeedback", &self.general));
        let _ = writeln!(out, "    <defaultgrade>{}</defaultgrade>", self.grade);
        let _ = writeln!(out, "    <penalty>{}</penalty>", self.penalty);
        out.push_str("    <hidden>0</hidden>\n");
        let _ = writeln!(out, "    <idnumber>{}</idnumber>", xml(&self.idnumber));
        out.push_str(&self.body);
        if !self.tags.is_empty() {
            out.push_str("    <tags>\n");
            for tag in &self.tags {
                let _ = writeln!(out, "      <tag><text>{}</text></tag>", xml(tag));
            }
            out.push_str("    </tags>\n");
        }
        out.push_str("  </question>\n");
    }
}

/// A category element: `$course$/top/mediaquiz/<bank>[/<skill>]`.
fn category(out: &mut String, path: &str, info: &str) {
    let _ = writeln!(
        out,
        "  <question type=\"category\">\n    <category><text>$course$/top/{}</text></category>\n    {}\n    <idnumber></idnumber>\n  </question>",
        xml(path),
        rich("info", &html(info))
    );
}

/// Exports `input` as Moodle XML.
pub(super) fn export(input: &Input<'_>) -> Output {
    let bank = bank_id(input.bank);
    let lang = input.lang;
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
    let _ = writeln!(
        out,
        "<!-- {} (mediaquiz, bank {bank}): Question bank > Import > Moodle XML format -->",
        xml(&input.bank.title.replace("--", "- -"))
    );
    category(&mut out, &format!("mediaquiz/{bank}"), &input.bank.title);
    Element {
        qtype: "description",
        name: "Article".to_owned(),
        text: super::article_html(input.bank),
        general: String::new(),
        grade: 0,
        penalty: "0",
        idnumber: format!("{bank}:article"),
        body: String::new(),
        tags: vec!["article".to_owned()],
    }
    .write(&mut out);
    let mut skipped = Vec::new();
    for skill in Skill::ALL {
        let mut body = String::new();
        for question in input.questions.iter().filter(|q| q.skill == skill) {
            match elements(question, &bank, lang) {
                Ok(elements) => elements.iter().for_each(|e| e.write(&mut body)),
                Err(reason) => skipped.push(Skipped {
                    id: question.id.clone(),
                    reason,
                }),
            }
        }
        if !body.is_empty() {
            category(
                &mut out,
                &format!("mediaquiz/{bank}/{}", name_of(&skill)),
                &i18n::typography(lang, skill.label(lang)),
            );
            out.push_str(&body);
        }
    }
    out.push_str("</quiz>\n");
    Output {
        bytes: out.into_bytes(),
        skipped,
    }
}

/// The explanation and the quotes (§n): what students see after answering.
fn general(question: &Question, lang: Lang) -> String {
    let mut parts = vec![question.explanation.clone()];
    parts.extend(quotes(question, lang));
    paragraphs(&parts)
}

/// The rubric as the grader reads it, with what a full answer looks like.
fn grader_info(model_label: &str, model: &str, question: &Question, lang: Lang) -> String {
    let colon = lang.pick("\u{a0}:", ":");
    let mut parts = vec![format!("{model_label}{colon} {model}")];
    if !question.rubric().is_empty() {
        parts.push(format!("{}{colon}", lang.pick("Barème", "Rubric")));
    }
    let mut out = paragraphs(&parts);
    let lines = crate::present::rubric_lines(question.rubric(), lang);
    if !lines.is_empty() {
        out.push_str("<ul>");
        for line in lines {
            let _ = write!(out, "<li>{}</li>", html(&line));
        }
        out.push_str("</ul>");
    }
    out
}

/// An essay's options: a rich-text answer of `lines` lines (5 is the
/// smallest box Moodle's editing form offers), required, no files.
fn essay_body(lines: u32, grader: &str) -> String {
    format!(
        "    <responseformat>editor</responseformat>\n    <responserequired>1</responserequired>\n    <responsefieldlines>{lines}</responsefieldlines>\n    <attachments>0</attachments>\n    <attachmentsrequired>0</attachmentsrequired>\n    {}\n    {}\n",
        rich("graderinfo", grader),
        rich("responsetemplate", "")
    )
}

/// Empty combined feedback: Moodle's own words ("Your answer is correct")
/// are shown when these are empty, in the student's language.
const COMBINED: &str = "    <correctfeedback format=\"html\"><text></text></correctfeedback>\n    <partiallycorrectfeedback format=\"html\"><text></text></partiallycorrectfeedback>\n    <incorrectfeedback format=\"html\"><text></text></incorrectfeedback>\n";

/// The Moodle questions for one bank question (two with `justify: true`:
/// the question, then an essay for the reasoning), or why none.
fn elements(question: &Question, bank: &str, lang: Lang) -> Result<Vec<Element>, String> {
    let mut tags = vec![name_of(&question.skill)];
    tags.extend(
        question
            .tags
            .iter()
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty()),
    );
    // The key's points, less the justification's, which its essay carries.
    let grade = question.answer_points();
    let (qtype, text, penalty, body) = main(question, lang)?;
    let mut made = vec![Element {
        qtype,
        name: question.id.clone(),
        text,
        general: general(question, lang),
        grade,
        penalty,
        idnumber: format!("{bank}-{}", question.id),
        body,
        tags: tags.clone(),
    }];
    if question.justify {
        let t = i18n::Strings::get(lang);
        let text = format!(
            "{}{}",
            para(&question.prompt()),
            para(&i18n::typography(lang, t.justify))
        );
        let grader = grader_info(t.model_answer, &question.explanation, question, lang);
        tags.push("justification".to_owned());
        made.push(Element {
            qtype: "essay",
            name: format!("{} (justification)", question.id),
            text,
            general: String::new(),
            grade: question.justification_points(),
            penalty: "0",
            idnumber: format!("{bank}-{}:justification", question.id),
            body: essay_body(5, &grader),
            tags,
        });
    }
    Ok(made)
}

/// Type, question text, penalty and type-specific elements.
fn main(
    question: &Question,
    lang: Lang,
) -> Result<(&'static str, String, &'static str, String), String> {
    let third = "0.3333333";
    Ok(match question.shape() {
        Shape::Choices { .. } | Shape::Verdict { .. } => {
            let (options, correct) = offered(question, lang).unwrap_or_default();
            let (text, single, shuffle) = match question.shape() {
                Shape::Choices {
                    choices: c,
                    several,
                } => (para(&c.prompt), !several, !c.keep_order),
                // The claim, then what to judge it against; the verdicts in
                // their fixed order (supported, contradicted, not stated).
                Shape::Verdict { .. }
                | Shape::TrueFalse { .. }
                | Shape::Text { .. }
                | Shape::Gaps { .. }
                | Shape::Pairs { .. }
                | Shape::Ranked { .. }
                | Shape::Rubric { .. }
                | Shape::Card { .. } => {
                    let (open, close) = i18n::quotes(lang);
                    let instruction =
                        i18n::typography(lang, question.question_type().instruction(lang));
                    (
                        format!(
                            "<p>{open}{}{close}</p>{}",
                            html(&question.prompt()),
                            para(&instruction)
                        ),
                        true,
                        false,
                    )
                }
            };
            let (right, wrong) = (correct.len(), options.len() - correct.len());
            let mut body = format!(
                "    <single>{single}</single>\n    <shuffleanswers>{shuffle}</shuffleanswers>\n    <answernumbering>abc</answernumbering>\n    <showstandardinstruction>1</showstandardinstruction>\n{COMBINED}"
            );
            if !single {
                body.push_str("    <shownumcorrect/>\n");
            }
            for (i, option) in options.iter().enumerate() {
                let value = match (single, correct.contains(&i)) {
                    (true, true) => 100.0,
                    (true, false) => 0.0,
                    (false, true) => 100.0 / right as f64,
                    // The wrong choices together take back 100 %, so
                    // ticking everything scores nothing.
                    (false, false) => -100.0 / wrong.max(1) as f64,
                };
                let feedback = super::choice_feedback(question, i)
                    .map(para)
                    .unwrap_or_default();
                let _ = writeln!(
                    body,
                    "    <answer fraction=\"{}\" format=\"html\"><text>{}</text>{}</answer>",
                    fraction(value),
                    xml(&html(option)),
                    rich("feedback", &feedback)
                );
            }
            ("multichoice", text, third, body)
        }
        Shape::TrueFalse { prompt, answer } => {
            let mut body = String::new();
            for value in [true, false] {
                let _ = writeln!(
                    body,
                    "    <answer fraction=\"{}\" format=\"moodle_auto_format\"><text>{value}</text>{}</answer>",
                    if value == answer { 100 } else { 0 },
                    rich("feedback", "")
                );
            }
            ("truefalse", para(prompt), "1", body)
        }
        Shape::Text {
            prompt,
            answer,
            accept,
        } => {
            let forms: Vec<String> = std::iter::once(answer.to_owned())
                .chain(accept.iter().cloned())
                .collect();
            let mut body = String::from("    <usecase>0</usecase>\n");
            for form in accepted_forms(&forms) {
                let _ = writeln!(
                    body,
                    "    <answer fraction=\"100\" format=\"moodle_auto_format\"><text>{}</text>{}</answer>",
                    xml(&pattern(&form)),
                    rich("feedback", "")
                );
            }
            ("shortanswer", para(prompt), third, body)
        }
        Shape::Gaps { prompt, segments } => {
            let mut text = prompt.map(para).unwrap_or_default();
            text.push_str("<p>");
            for segment in segments {
                match segment {
                    // `{` opens an embedded answer: never let bank text do it.
                    Segment::Text(t) => text.push_str(&html(t).replace('{', "&#123;")),
                    Segment::Gap(forms) => {
                        let alternatives: Vec<String> = accepted_forms(forms)
                            .iter()
                            .map(|f| format!("={}", cloze_answer(f)))
                            .collect();
                        let _ = write!(text, "{{1:SHORTANSWER:{}}}", alternatives.join("~"));
                    }
                }
            }
            text.push_str("</p>");
            ("cloze", text, third, String::new())
        }
        Shape::Pairs { prompt, pairs } => {
            let mut body = format!("    <shuffleanswers>true</shuffleanswers>\n{COMBINED}");
            for (left, right) in pairs {
                let _ = writeln!(
                    body,
                    "    <subquestion format=\"html\"><text>{}</text><answer><text>{}</text></answer></subquestion>",
                    xml(&html(left)),
                    xml(right.trim())
                );
            }
            if pairs.len() < 3 {
                // Moodle asks for two questions and three answers; an
                // answer with no question is its way to add a wrong one.
                let _ = writeln!(
                    body,
                    "    <subquestion format=\"html\"><text></text><answer><text>{}</text></answer></subquestion>",
                    xml(&distractor(lang))
                );
            }
            ("matching", para(prompt), third, body)
        }
        Shape::Ranked { prompt, items } => {
            // Every item shown (ALL), vertical, one credit per item in its
            // place (ABSOLUTE_POSITION), the closest to the key's partial point.
            let mut body = format!(
                "    <layouttype>VERTICAL</layouttype>\n    <selecttype>ALL</selecttype>\n    <selectcount>0</selectcount>\n    <gradingtype>ABSOLUTE_POSITION</gradingtype>\n    <showgrading>SHOW</showgrading>\n    <numberingstyle>none</numberingstyle>\n{COMBINED}    <shownumcorrect>1</shownumcorrect>\n"
            );
            for (i, item) in items.iter().enumerate() {
                let _ = writeln!(
                    body,
                    "    <answer fraction=\"{}\" format=\"html\"><text>{}</text></answer>",
                    i + 1,
                    xml(&html(item))
                );
            }
            ("ordering", para(prompt), third, body)
        }
        Shape::Rubric { prompt, answer, .. } => {
            let label = lang.pick("Réponse modèle", "Model answer");
            let grader = grader_info(label, answer, question, lang);
            ("essay", para(prompt), "0", essay_body(10, &grader))
        }
        Shape::Card { .. } => {
            return Err(lang
                .pick(
                    "fiche seulement\u{a0}: aucune question à poser",
                    "flashcard only: nothing to ask",
                )
                .to_owned());
        }
    })
}

/// The wrong answer added to a match of two pairs.
fn distractor(lang: Lang) -> String {
    lang.pick("Aucune de ces réponses", "None of these")
        .to_owned()
}

/// A gap's accepted form inside `{1:SHORTANSWER:…}`. Moodle's cloze parser
/// ends an answer at `~`, `#` or `}` unless `\`, `&` or `&amp;` precedes
/// it, then decodes HTML entities: numeric entities carry those characters
/// (and `%`, `=`, `&`, `\`, which it would read as a weight, a mark, or an
/// escape of what follows) safely.
fn cloze_answer(form: &str) -> String {
    let mut out = String::new();
    for c in pattern(form).chars() {
        match c {
            '~' => out.push_str("&#126;"),
            '#' => out.push_str("&#35;"),
            '}' => out.push_str("&#125;"),
            '{' => out.push_str("&#123;"),
            '%' => out.push_str("&#37;"),
            '=' => out.push_str("&#61;"),
            // Not `&amp;` nor a bare `\`: Moodle reads a separator after
            // either as part of the answer.
            '&' => out.push_str("&#38;"),
            '\\' => out.push_str("&#92;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The forms Moodle must accept so that what mediaquiz's grader accepts is
/// graded right: each form as written, without accents, with punctuation
/// as spaces, without its leading article, each also with a final full stop.
/// Moodle ignores case (`usecase` 0) and trims; it cannot forgive a
/// spelling slip, nor punctuation other than these, nor an article added:
/// those need the teacher's regrade (see the README).
pub(crate) fn accepted_forms(forms: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut push = |form: String| {
        let form = form.split_whitespace().collect::<Vec<_>>().join(" ");
        if !form.is_empty() && seen.insert(form.to_lowercase()) {
            out.push(form);
        }
    };
    for form in forms {
        let mut bases = vec![form.trim().to_owned()];
        bases.push(spaced(form));
        bases.extend(without_article(form));
        bases.extend(without_article(&spaced(form)));
        let mut all = bases.clone();
        all.extend(bases.iter().map(|b| unaccented(b)));
        for base in &all {
            push(base.clone());
        }
        for base in &all {
            push(format!("{base}."));
        }
    }
    out
}

/// Punctuation as spaces, apostrophes kept: `quarante-six` → `quarante six`.
fn spaced(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '\'' | '’') {
                c
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text without its leading article, when it has one.
fn without_article(text: &str) -> Option<String> {
    let text = text.trim();
    let lower = text.to_lowercase();
    for article in [
        "le ", "la ", "les ", "l'", "l’", "un ", "une ", "des ", "du ", "the ", "a ", "an ",
    ] {
        if lower.starts_with(article) && lower.len() > article.len() {
            return Some(text[article.len()..].trim().to_owned());
        }
    }
    None
}

/// Accents dropped and ligatures opened, as a student without a French
/// keyboard types.
fn unaccented(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.replace('œ', "oe")
        .replace('Œ', "OE")
        .replace('æ', "ae")
        .replace('Æ', "AE")
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grade::{TextMatch, text_matches};

    /// Moodle's `compare_string_with_wildcard` for patterns with no
    /// wildcard: the trimmed response equals the pattern, case ignored,
    /// with `\*` read as a star.
    fn moodle_accepts(response: &str, patterns: &[String]) -> bool {
        let response = response.trim().to_lowercase();
        patterns
            .iter()
            .any(|p| p.replace("\\*", "*").to_lowercase() == response)
    }

    /// What students type for `form`: the variants the issue saw marked wrong.
    fn typed(form: &str) -> Vec<String> {
        let mut all = vec![
            form.to_owned(),
            format!("{form}."),
            form.to_uppercase(),
            unaccented(form),
            format!("{}.", unaccented(form)),
            spaced(form),
        ];
        all.extend(without_article(form));
        all.extend(without_article(form).map(|f| format!("{f}.")));
        all
    }

    #[test]
    fn moodle_accepts_what_the_grader_accepts_in_the_shipped_banks() {
        let mut checked = 0;
        for id in ["lere", "lere-en"] {
            let path = format!("questions/{id}/{id}.yaml");
            let bank = crate::check::load_bank(Some(std::path::Path::new(&path))).unwrap();
            for question in &bank.questions {
                let gaps: Vec<Vec<String>> = match question.shape() {
                    Shape::Text { answer, accept, .. } => {
                        vec![
                            std::iter::once(answer.to_owned())
                                .chain(accept.iter().cloned())
                                .collect(),
                        ]
                    }
                    Shape::Gaps { segments, .. } => segments
                        .iter()
                        .filter_map(|s| match s {
                            Segment::Gap(forms) => Some(forms.clone()),
                            Segment::Text(_) => None,
                        })
                        .collect(),
                    _ => continue,
                };
                for forms in gaps {
                    let patterns = accepted_forms(&forms);
                    for form in &forms {
                        for response in typed(form) {
                            if text_matches(&response, &forms) == TextMatch::Exact {
                                assert!(
                                    moodle_accepts(&response, &patterns),
                                    "{}: `{response}` is right for mediaquiz, not for Moodle ({patterns:?})",
                                    question.id
                                );
                                checked += 1;
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 100, "{checked}");
    }

    #[test]
    fn the_issues_cases_are_accepted() {
        let forms = |list: &[&str]| {
            accepted_forms(&list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>())
        };
        assert!(moodle_accepts("46.", &forms(&["46"])));
        assert!(!moodle_accepts("460", &forms(&["46"])));
        assert!(moodle_accepts("deux heures.", &forms(&["deux heures"])));
        assert!(moodle_accepts("determinees", &forms(&["déterminées"])));
        assert!(moodle_accepts(
            "le 12 septembre.",
            &forms(&["le 12 septembre"])
        ));
        assert!(moodle_accepts("12 septembre", &forms(&["le 12 septembre"])));
        assert!(moodle_accepts("quarante six", &forms(&["quarante-six"])));
        assert_eq!(pattern("a*b"), "a\\*b");
    }

    #[test]
    fn cloze_answers_cannot_end_early_or_carry_a_weight() {
        let answer = cloze_answer("%50%a~b#c}d=e\\*");
        for special in ['~', '}', '%', '='] {
            assert!(!answer.contains(special), "{answer}");
        }
        // Every `#` left is inside an entity (`&#…;`), which Moodle skips.
        assert!(
            answer
                .match_indices('#')
                .all(|(i, _)| &answer[i - 1..i] == "&")
        );
        assert_eq!(cloze_answer("40 %"), "40 &#37;");
        // What ends an answer is never a raw `&`, `&amp;` or backslash.
        assert_eq!(cloze_answer("a&"), "a&#38;");
        assert_eq!(cloze_answer("a\\"), "a&#92;");
        assert_eq!(cloze_answer("2*"), "2&#92;*");
    }

    #[test]
    fn fractions_are_on_moodles_list() {
        assert_eq!(fraction(100.0 / 3.0), "33.33333");
        assert_eq!(fraction(-50.0), "-50");
        assert_eq!(fraction(100.0), "100");
        assert_eq!(fraction(0.0), "0");
    }
}
