//! The worksheet and its answer key: one file of each per version.

use super::{OutFile, Output, RenderContext, Target, is_versioned};
use crate::error::Result;
use crate::render::{self, SheetOptions};

/// Every version's worksheet in one PDF, for a duplex printer.
const CLASS_SET: &str = "class-set.pdf";

/// Every version's answer key in one PDF.
const ALL_ANSWERS: &str = "answers.pdf";

/// The student's worksheets, `worksheet-A.html`…
#[derive(Debug, Clone, Copy, Default)]
pub struct Worksheet {
    /// Print the article before the questions.
    pub with_article: bool,
}

/// The answer keys, `answers-A.html`…
#[derive(Debug, Clone, Copy, Default)]
pub struct AnswerKey;

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

    fn bound_pdf(&self) -> Option<&'static str> {
        Some(CLASS_SET)
    }
}

impl Output for AnswerKey {
    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<OutFile>> {
        // The key never prints the article; the flag only shapes the sheet.
        let options = options(ctx, false);
        ctx.versions
            .iter()
            .map(|version| {
                Ok(OutFile::new(
                    format!("answers-{}.html", version.label),
                    render::answers(ctx.bank, version, &options)?.into_bytes(),
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
        is_versioned(file_name, "answers") || file_name == ALL_ANSWERS
    }

    fn bound_pdf(&self) -> Option<&'static str> {
        Some(ALL_ANSWERS)
    }
}
