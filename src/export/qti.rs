//! Canvas: a QTI 1.2 package (zip) in the shape text2qti writes and Canvas
//! imports: `imsmanifest.xml`, the assessment, and its `assessment_meta.xml`.
//! Matching and fill-in-multiple-blanks items follow Canvas's own exports.
//! One question group per skill (`selection_number`: all of them; lower it in
//! Canvas to draw at random).

use std::fmt::Write as _;
use std::io::Write as _;

use super::{Input, Output, Skipped, bank_id, html, offered};
use crate::bank::{Lang, Question, Segment, Shape, Skill, name_of};
use crate::error::{Error, Result};
use crate::i18n;

/// Escapes text for XML (the text itself is HTML escaped first where Canvas
/// reads HTML, so markup in a bank shows as typed).
fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// User text as the content of an HTML `mattext`.
fn rich(text: &str) -> String {
    xml(&html(text))
}

fn mattext(content: &str, texttype: &str) -> String {
    format!("<material><mattext texttype=\"{texttype}\">{content}</mattext></material>")
}

/// An item: its Canvas type, presentation, scoring and feedback.
struct Item {
    kind: &'static str,
    answer_ids: Vec<String>,
    presentation: String,
    conditions: String,
    feedback: String,
}

fn item(ident: &str, question: &Question, lang: Lang) -> std::result::Result<Item, String> {
    let general = {
        let parts: Vec<String> = super::general_parts(question, lang)
            .iter()
            .map(|p| html(p))
            .collect();
        xml(&parts.join("<br>"))
    };
    let mut feedback = format!(
        "<itemfeedback ident=\"general_fb\"><flow_mat>{}</flow_mat></itemfeedback>\n",
        mattext(&general, "text/html")
    );
    let general_condition = "<respcondition continue=\"Yes\"><conditionvar><other/></conditionvar><displayfeedback feedbacktype=\"Response\" linkrefid=\"general_fb\"/></respcondition>\n";
    let mut conditions = general_condition.to_owned();
    let prompt = mattext(&rich(&question.prompt()), "text/html");
    let choice_list = |options: &[String], ids: &[String]| -> String {
        options
            .iter()
            .zip(ids)
            .map(|(o, id)| {
                format!(
                    "<response_label ident=\"{id}\">{}</response_label>\n",
                    mattext(&rich(o), "text/html")
                )
            })
            .collect()
    };
    Ok(match question.shape() {
        Shape::Choices { .. } | Shape::Verdict { .. } | Shape::TrueFalse { .. } => {
            let (options, correct) = match question.shape() {
                Shape::TrueFalse { answer, .. } => {
                    let t = i18n::Strings::get(lang);
                    (
                        vec![t.true_.to_owned(), t.false_.to_owned()],
                        vec![usize::from(!answer)],
                    )
                }
                Shape::Choices { .. } | Shape::Verdict { .. } => {
                    offered(question, lang).unwrap_or_default()
                }
                // Not in this arm of the outer match.
                Shape::Text { .. }
                | Shape::Gaps { .. }
                | Shape::Pairs { .. }
                | Shape::Ranked { .. }
                | Shape::Rubric { .. }
                | Shape::Card { .. } => (Vec::new(), Vec::new()),
            };
            let ids: Vec<String> = (0..options.len())
                .map(|i| format!("{ident}_c{i}"))
                .collect();
            let multi = matches!(question.shape(), Shape::Choices { several: true, .. });
            for (i, id) in ids.iter().enumerate() {
                if let Some(text) = super::choice_feedback(question, i) {
                    let _ = writeln!(
                        conditions,
                        "<respcondition continue=\"Yes\"><conditionvar><varequal respident=\"response1\">{id}</varequal></conditionvar><displayfeedback feedbacktype=\"Response\" linkrefid=\"{id}_fb\"/></respcondition>"
                    );
                    let _ = writeln!(
                        feedback,
                        "<itemfeedback ident=\"{id}_fb\"><flow_mat>{}</flow_mat></itemfeedback>",
                        mattext(&rich(text), "text/html")
                    );
                }
            }
            let test = if multi {
                let parts: String = ids
                    .iter()
                    .enumerate()
                    .map(|(i, id)| {
                        let equal = format!("<varequal respident=\"response1\">{id}</varequal>");
                        if correct.contains(&i) {
                            equal
                        } else {
                            format!("<not>{equal}</not>")
                        }
                    })
                    .collect();
                format!("<and>{parts}</and>")
            } else {
                format!(
                    "<varequal respident=\"response1\">{}</varequal>",
                    ids[correct.first().copied().unwrap_or(0)]
                )
            };
            let _ = writeln!(
                conditions,
                "<respcondition continue=\"No\"><conditionvar>{test}</conditionvar><setvar action=\"Set\" varname=\"SCORE\">100</setvar></respcondition>"
            );
            Item {
                kind: match question.shape() {
                    Shape::Choices { several: true, .. } => "multiple_answers_question",
                    Shape::TrueFalse { .. } => "true_false_question",
                    Shape::Choices { several: false, .. }
                    | Shape::Verdict { .. }
                    | Shape::Text { .. }
                    | Shape::Gaps { .. }
                    | Shape::Pairs { .. }
                    | Shape::Ranked { .. }
                    | Shape::Rubric { .. }
                    | Shape::Card { .. } => "multiple_choice_question",
                },
                presentation: format!(
                    "{prompt}\n<response_lid ident=\"response1\" rcardinality=\"{}\"><render_choice>\n{}</render_choice></response_lid>",
                    if multi { "Multiple" } else { "Single" },
                    choice_list(&options, &ids)
                ),
                answer_ids: ids,
                conditions,
                feedback,
            }
        }
        Shape::Text { answer, accept, .. } => {
            let tests: String = std::iter::once(answer)
                .chain(accept.iter().map(String::as_str))
                .map(|a| format!("<varequal respident=\"response1\">{}</varequal>", xml(a)))
                .collect();
            let _ = writeln!(
                conditions,
                "<respcondition continue=\"No\"><conditionvar>{tests}</conditionvar><setvar action=\"Set\" varname=\"SCORE\">100</setvar></respcondition>"
            );
            Item {
                kind: "short_answer_question",
                answer_ids: (0..=accept.len())
                    .map(|i| format!("{ident}_c{i}"))
                    .collect(),
                presentation: format!(
                    "{prompt}\n<response_str ident=\"response1\" rcardinality=\"Single\"><render_fib><response_label ident=\"answer1\" rshuffle=\"No\"/></render_fib></response_str>"
                ),
                conditions,
                feedback,
            }
        }
        Shape::Gaps { prompt, segments } => {
            let mut text = prompt
                .map(|p| format!("{}<br>", html(p)))
                .unwrap_or_default();
            let mut lids = String::new();
            let mut answer_ids = Vec::new();
            let gaps = segments
                .iter()
                .filter(|s| matches!(s, Segment::Gap(_)))
                .count();
            let share = 100.0 / gaps.max(1) as f64;
            let mut n = 0;
            for segment in segments {
                match segment {
                    Segment::Text(t) => text.push_str(&html(t)),
                    Segment::Gap(forms) => {
                        n += 1;
                        let blank = format!("mqgap{n}");
                        text.push_str(&format!("[{blank}]"));
                        let ids: Vec<String> = (0..forms.len())
                            .map(|i| format!("{ident}_g{n}_{i}"))
                            .collect();
                        let labels: String = forms
                            .iter()
                            .zip(&ids)
                            .map(|(f, id)| {
                                format!(
                                    "<response_label ident=\"{id}\">{}</response_label>",
                                    mattext(&xml(f), "text/plain")
                                )
                            })
                            .collect();
                        let _ = writeln!(
                            lids,
                            "<response_lid ident=\"response_{blank}\">{}<render_choice>{labels}</render_choice></response_lid>",
                            mattext(&blank, "text/plain")
                        );
                        let tests: String = ids
                            .iter()
                            .map(|id| {
                                format!("<varequal respident=\"response_{blank}\">{id}</varequal>")
                            })
                            .collect();
                        let _ = writeln!(
                            conditions,
                            "<respcondition><conditionvar><or>{tests}</or></conditionvar><setvar varname=\"SCORE\" action=\"Add\">{share:.2}</setvar></respcondition>"
                        );
                        answer_ids.extend(ids);
                    }
                }
            }
            Item {
                kind: "fill_in_multiple_blanks_question",
                answer_ids,
                presentation: format!("{}\n{lids}", mattext(&xml(&text), "text/html")),
                conditions,
                feedback,
            }
        }
        Shape::Pairs { pairs, .. } => matching(
            ident,
            &prompt,
            pairs.iter().map(|(l, r)| (l.clone(), r.clone())).collect(),
            conditions,
            feedback,
        ),
        Shape::Ranked { items, .. } => matching(
            ident,
            &prompt,
            items
                .iter()
                .enumerate()
                .map(|(i, item)| (super::rank_label(lang, i + 1), item.clone()))
                .collect(),
            conditions,
            feedback,
        ),
        Shape::Card { .. } => {
            return Err(lang.pick("fiche seulement", "flashcard only").to_owned());
        }
        // Canvas grades an essay by hand; the model answer and the rubric
        // are in the general feedback.
        Shape::Rubric { .. } => Item {
            kind: "essay_question",
            answer_ids: Vec::new(),
            presentation: format!(
                "{prompt}\n<response_str ident=\"response1\" rcardinality=\"Single\"><render_fib><response_label ident=\"answer1\" rshuffle=\"No\"/></render_fib></response_str>"
            ),
            conditions,
            feedback,
        },
    })
}

/// A matching item: one `response_lid` per left entry, every right entry
/// offered to each, an equal share of the score for each right pairing.
fn matching(
    ident: &str,
    prompt: &str,
    pairs: Vec<(String, String)>,
    mut conditions: String,
    feedback: String,
) -> Item {
    let rights: Vec<String> = (0..pairs.len()).map(|i| format!("{ident}_r{i}")).collect();
    let labels: String = pairs
        .iter()
        .zip(&rights)
        .map(|((_, r), id)| {
            format!(
                "<response_label ident=\"{id}\">{}</response_label>",
                mattext(&xml(r), "text/plain")
            )
        })
        .collect();
    let share = 100.0 / pairs.len().max(1) as f64;
    let mut lids = String::new();
    for (i, (left, _)) in pairs.iter().enumerate() {
        let lid = format!("response_{ident}_l{i}");
        let _ = writeln!(
            lids,
            "<response_lid ident=\"{lid}\">{}<render_choice>{labels}</render_choice></response_lid>",
            mattext(&xml(left), "text/plain")
        );
        let _ = writeln!(
            conditions,
            "<respcondition><conditionvar><varequal respident=\"{lid}\">{}</varequal></conditionvar><setvar varname=\"SCORE\" action=\"Add\">{share:.2}</setvar></respcondition>",
            rights[i]
        );
    }
    Item {
        kind: "matching_question",
        answer_ids: rights,
        presentation: format!("{prompt}\n{lids}"),
        conditions,
        feedback,
    }
}

/// The assessment XML.
fn assessment(input: &Input<'_>, ident: &str, skipped: &mut Vec<Skipped>) -> String {
    let bank = bank_id(input.bank);
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<questestinterop xmlns=\"http://www.imsglobal.org/xsd/ims_qtiasiv1p2\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.imsglobal.org/xsd/ims_qtiasiv1p2 http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd\">\n<assessment ident=\"{ident}\" title=\"{}\">\n<qtimetadata><qtimetadatafield><fieldlabel>cc_maxattempts</fieldlabel><fieldentry>1</fieldentry></qtimetadatafield></qtimetadata>\n<section ident=\"root_section\">\n",
        xml(&input.bank.title)
    );
    // The article first, as a text-only item (no points): every question
    // cites it by §n. Its title is capitalised, so no question id matches it.
    let _ = write!(
        out,
        "<item ident=\"{ident}__article\" title=\"Article\">\n<itemmetadata><qtimetadata>\n<qtimetadatafield><fieldlabel>question_type</fieldlabel><fieldentry>text_only_question</fieldentry></qtimetadatafield>\n<qtimetadatafield><fieldlabel>points_possible</fieldlabel><fieldentry>0.0</fieldentry></qtimetadatafield>\n</qtimetadata></itemmetadata>\n<presentation>\n{}\n</presentation>\n</item>\n",
        mattext(&xml(&super::article_html(input.bank)), "text/html")
    );
    for skill in Skill::ALL {
        // A Canvas question group gives each of its items the group's
        // points, so a skill's questions are grouped by their points
        // (docs/scoring.md: an open question is worth its rubric's top).
        let mut groups: std::collections::BTreeMap<u32, (String, usize)> =
            std::collections::BTreeMap::new();
        for question in input.questions.iter().filter(|q| q.skill == skill) {
            let qident = format!("mediaquiz_{bank}_{}", question.id);
            let points = question.answer_points();
            match item(&qident, question, input.lang) {
                Ok(item) => {
                    let (items, count) = groups.entry(points).or_default();
                    *count += 1;
                    let _ = write!(
                        items,
                        "<item ident=\"{qident}\" title=\"{}\">\n<itemmetadata><qtimetadata>\n<qtimetadatafield><fieldlabel>question_type</fieldlabel><fieldentry>{}</fieldentry></qtimetadatafield>\n<qtimetadatafield><fieldlabel>points_possible</fieldlabel><fieldentry>{points}.0</fieldentry></qtimetadatafield>\n<qtimetadatafield><fieldlabel>original_answer_ids</fieldlabel><fieldentry>{}</fieldentry></qtimetadatafield>\n<qtimetadatafield><fieldlabel>assessment_question_identifierref</fieldlabel><fieldentry>{qident}_ref</fieldentry></qtimetadatafield>\n</qtimetadata></itemmetadata>\n<presentation>\n{}\n</presentation>\n<resprocessing>\n<outcomes><decvar maxvalue=\"100\" minvalue=\"0\" varname=\"SCORE\" vartype=\"Decimal\"/></outcomes>\n{}</resprocessing>\n{}</item>\n",
                        xml(&question.id),
                        item.kind,
                        item.answer_ids.join(","),
                        item.presentation,
                        item.conditions,
                        item.feedback
                    );
                }
                Err(reason) => skipped.push(Skipped {
                    id: question.id.clone(),
                    reason,
                }),
            }
        }
        for (points, (items, count)) in groups {
            // The 1-point group keeps the skill's plain ident and title.
            let (suffix, title) = if points == 1 {
                (String::new(), skill.label(input.lang).to_owned())
            } else {
                (
                    format!("_{points}"),
                    format!("{} ({points} points)", skill.label(input.lang)),
                )
            };
            let _ = write!(
                out,
                "<section ident=\"{ident}_{}{suffix}\" title=\"{}\">\n<selection_ordering><selection><selection_number>{count}</selection_number><selection_extension><points_per_item>{points}.0</points_per_item></selection_extension></selection></selection_ordering>\n{items}</section>\n",
                name_of(&skill),
                xml(&i18n::typography(input.lang, &title))
            );
        }
    }
    out.push_str("</section>\n</assessment>\n</questestinterop>\n");
    out
}

/// The manifest: the assessment and its Canvas metadata as resources.
fn manifest(ident: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest identifier=\"{ident}_manifest\" xmlns=\"http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd\">\n<metadata><schema>IMS Content</schema><schemaversion>1.1.3</schemaversion></metadata>\n<organizations/>\n<resources>\n<resource identifier=\"{ident}\" type=\"imsqti_xmlv1p2\">\n<file href=\"{ident}/{ident}.xml\"/>\n<dependency identifierref=\"{ident}_meta\"/>\n</resource>\n<resource identifier=\"{ident}_meta\" type=\"associatedcontent/imscc_xmlv1p1/learning-application-resource\" href=\"{ident}/assessment_meta.xml\">\n<file href=\"{ident}/assessment_meta.xml\"/>\n</resource>\n</resources>\n</manifest>\n"
    )
}

/// Canvas's quiz settings, as text2qti writes them (an unpublished practice quiz).
fn meta(input: &Input<'_>, ident: &str, points: u32) -> String {
    let title = xml(&input.bank.title);
    let description = xml(&html(
        &input.bank.citation_under_title().unwrap_or_default(),
    ));
    // Canvas shuffles choices for the whole quiz or not at all: not when a
    // question keeps its order ("none of these" must stay last).
    let shuffle = !input
        .questions
        .iter()
        .any(|q| q.kind.as_choices().is_some_and(|c| c.keep_order));
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz identifier=\"{ident}\" xmlns=\"http://canvas.instructure.com/xsd/cccv1p0\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://canvas.instructure.com/xsd/cccv1p0 https://canvas.instructure.com/xsd/cccv1p0.xsd\">\n<title>{title}</title>\n<description>{description}</description>\n<shuffle_answers>{shuffle}</shuffle_answers>\n<scoring_policy>keep_highest</scoring_policy>\n<hide_results></hide_results>\n<quiz_type>practice_quiz</quiz_type>\n<points_possible>{points}.0</points_possible>\n<show_correct_answers>true</show_correct_answers>\n<anonymous_submissions>false</anonymous_submissions>\n<could_be_locked>false</could_be_locked>\n<allowed_attempts>-1</allowed_attempts>\n<one_question_at_a_time>false</one_question_at_a_time>\n<cant_go_back>false</cant_go_back>\n<available>false</available>\n<one_time_results>false</one_time_results>\n<show_correct_answers_last_attempt>false</show_correct_answers_last_attempt>\n<only_visible_to_overrides>false</only_visible_to_overrides>\n<module_locked>false</module_locked>\n<assignment_overrides>\n</assignment_overrides>\n</quiz>\n"
    )
}

/// Exports `input` as a QTI zip.
pub(super) fn export(input: &Input<'_>) -> Result<Output> {
    let ident = format!("mediaquiz_{}", bank_id(input.bank));
    let mut skipped = Vec::new();
    let assessment = assessment(input, &ident, &mut skipped);
    let points: u32 = input
        .questions
        .iter()
        .filter(|q| !skipped.iter().any(|s| s.id == q.id))
        .map(|q| q.answer_points())
        .sum();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    // Into memory: a failure here is no user's doing, but say what failed.
    let zip_error = |e: zip::result::ZipError| Error::Package {
        format: "QTI",
        source: std::io::Error::other(e),
    };
    let write_error = |source| Error::Package {
        format: "QTI",
        source,
    };
    for (name, content) in [
        ("imsmanifest.xml".to_owned(), manifest(&ident)),
        (format!("{ident}/{ident}.xml"), assessment),
        (
            format!("{ident}/assessment_meta.xml"),
            meta(input, &ident, points),
        ),
    ] {
        zip.start_file(name, options).map_err(zip_error)?;
        zip.write_all(content.as_bytes()).map_err(write_error)?;
    }
    let bytes = zip.finish().map_err(zip_error)?.into_inner();
    Ok(Output { bytes, skipped })
}
