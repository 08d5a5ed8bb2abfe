//! The exports (Moodle, Anki, Canvas, JSON, Markdown) and the self-check page
//! as outputs: adapters from the [`RenderContext`] to the pure functions of
//! [`crate::export`] and [`crate::selfcheck`], which keep the formats.
//! Questions an export cannot carry become the file's warning.

use super::{OutFile, Output, RenderContext};
use crate::error::Result;
use crate::export::{self, Format, Input};
use crate::select::Shown;

/// One export format written to one named file.
#[derive(Debug, Clone)]
pub struct Export {
    /// The format.
    pub format: Format,
    /// The file's name in the target folder.
    pub file_name: String,
}

impl Output for Export {
    fn name(&self) -> &'static str {
        match self.format {
            Format::Gift => "gift",
            Format::Moodle => "moodle",
            Format::Anki => "anki",
            Format::AnkiText => "anki-text",
            Format::Qti => "qti",
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::MarkdownHandout => "markdown-handout",
            Format::Html => "html",
        }
    }

    /// Exports read `ctx.questions` (in bank order, not shuffled), the bank
    /// file's time and, when they were drawn, the seed. The page reads the
    /// questions as shown in the one version (shuffled in selection order)
    /// and prints `remake.full`, the command that makes that file again.
    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<OutFile>> {
        if self.format == Format::Html {
            let shown: Vec<Shown<'_>> = ctx
                .versions
                .iter()
                .flat_map(|v| v.questions().cloned())
                .collect();
            let bytes =
                crate::selfcheck::page(ctx.bank, &shown, ctx.lang, ctx.seed, &ctx.remake.full)?;
            return Ok(vec![OutFile::new(self.file_name.clone(), bytes)]);
        }
        let input = Input {
            bank: ctx.bank,
            questions: &ctx.questions,
            lang: ctx.lang,
            seed: ctx.drawn.then_some(ctx.seed),
            modified: ctx.modified,
        };
        let made = export::export(self.format, &input)?;
        let mut file = OutFile::new(self.file_name.clone(), made.bytes);
        file.warnings
            .extend(export::warning(self.format, &made.skipped, ctx.lang));
        Ok(vec![file])
    }

    /// Only its own file: a named file has no earlier set to go stale.
    fn owns(&self, file_name: &str) -> bool {
        file_name == self.file_name
    }
}
