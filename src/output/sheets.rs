//! The worksheet and its answer keys. One version: its sheet and its full
//! key. A class set (`--versions N`, N ≥ 2): a sheet and a one-page compact
//! key per version, and one explained key for the teacher; `--full-keys`
//! gives each version its full key instead.

use super::{Binding, OutFile, Output, RenderContext, Target, is_versioned};
use crate::error::Result;
use crate::render::{self, SheetOptions};

/// Every version's worksheet in one PDF, for a duplex printer.
const CLASS_SET: &str = "class-set.pdf";

/// Every version's answer key in one PDF.
const ALL_ANSWERS: &str = "answers.pdf";

/// The explained key of a class set, without its extension.
const EXPLAINED_KEY: &str = "explained-key";

/// The student's worksheets, `worksheet-A.html`…
#[derive(Debug, Clone, Copy, Default)]
pub struct Worksheet {
    /// Print the article before the questions.
    pub with_article: bool,
}

/// The answer keys, `answers-A.html`… and, for a class set, the explained
/// key `explained-key.html`.
#[derive(Debug, Clone, Copy, Default)]
pub struct AnswerKey {
    /// Every version's key in full (explanations, quotes, rubrics), as a
    /// single version's is, rather than compact keys and one explained key:
    /// for a teacher who hands each student the key of their own version
    /// to correct their copy, with explanations under their own numbers and
    /// letters.
    pub full: bool,
}

impl AnswerKey {
    /// Whether `ctx` gets compact keys and one explained key.
    fn compact(self, ctx: &RenderContext<'_>) -> bool {
        !self.full && ctx.versions.len() > 1
    }
}

fn options(ctx: &RenderContext<'_>, with_article: bool) -> SheetOptions {
    SheetOptions {
        lang: ctx.lang,
        seed: ctx.seed,
        paper: ctx.paper,
        with_article,
        remake: ctx.remake.content.clone(),
    }
}

impl Output for Worksheet {
    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<OutFile>> {
        let options = options(ctx, self.with_article);
        ctx.versions
            .iter()
            .map(|version| {
                Ok(OutFile::new(
                    format!("worksheet-{}.html", version.label),
                    render::worksheet(ctx.bank, version, &options)?.into_bytes(),
                ))
            })
            .collect()
    }

    fn target(&self) -> Target {
        Target::Folder
    }

    fn carries_cards(&self) -> bool {
        false
    }

    fn owns(&self, file_name: &str) -> bool {
        is_versioned(file_name, "worksheet") || file_name == CLASS_SET
    }

    fn bound_pdf(&self) -> Option<Binding> {
        Some(Binding {
            name: CLASS_SET,
            odd_starts: true,
            takes: |_| true,
        })
    }
}

impl Output for AnswerKey {
    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<OutFile>> {
        // The key never prints the article; the flag only shapes the sheet.
        let options = options(ctx, false);
        if !self.compact(ctx) {
            return ctx
                .versions
                .iter()
                .map(|version| {
                    Ok(OutFile::new(
                        format!("answers-{}.html", version.label),
                        render::answers(ctx.bank, version, &options)?.into_bytes(),
                    ))
                })
                .collect();
        }
        let explained = render::written_order(ctx.bank, &ctx.questions);
        let mut files = ctx
            .versions
            .iter()
            .map(|version| {
                Ok(OutFile::new(
                    format!("answers-{}.html", version.label),
                    render::compact_key(ctx.bank, version, &explained, &options)?.into_bytes(),
                ))
            })
            .collect::<Result<Vec<OutFile>>>()?;
        files.push(OutFile::new(
            format!("{EXPLAINED_KEY}.html"),
            render::explained_key(ctx.bank, &explained, &ctx.versions, &options)?.into_bytes(),
        ));
        Ok(files)
    }

    fn target(&self) -> Target {
        Target::Folder
    }

    fn carries_cards(&self) -> bool {
        false
    }

    fn owns(&self, file_name: &str) -> bool {
        is_versioned(file_name, "answers")
            || file_name == ALL_ANSWERS
            || file_name
                .strip_prefix(EXPLAINED_KEY)
                .is_some_and(|rest| rest == ".html" || rest == ".pdf")
    }

    fn bound_pdf(&self) -> Option<Binding> {
        Some(Binding {
            name: ALL_ANSWERS,
            // Full keys may go to the students, one each; compact keys stay
            // with the teacher, a page each with nothing between.
            odd_starts: self.full,
            takes: |name| is_versioned(name, "answers"),
        })
    }
}
