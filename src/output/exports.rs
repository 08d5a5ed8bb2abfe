//! The exports (Moodle, Anki, Canvas, JSON, Markdown) and the self-check page
//! as outputs: adapters from the [`RenderContext`] to the pure functions of
//! [`crate::export`] and [`crate::selfcheck`], which keep the formats.
//! Questions an export cannot carry become the file's warning.

use super::{OutFile, Output, RenderContext, Target};
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

impl Export {
    /// What `--out` names for `format`: a file of its own for a binary or
    /// the page; a file or standard output for the others.
    pub fn target_of(format: Format) -> Target {
        let example = format.example;
        if format.is_binary() {
            Target::File { example }
        } else {
            Target::FileOrStdout { example }
        }
    }
}

impl Output for Export {
    /// Exports read `ctx.questions` (in bank order, not shuffled), the bank
    /// file's time and, when they were drawn, the seed. The page reads the
    /// questions as shown in the one version (shuffled in selection order)
    /// and prints `remake.full`, the command that makes that file again.
    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<OutFile>> {
        if self.format.is_page() {
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

    fn target(&self) -> Target {
        Export::target_of(self.format)
    }

    fn carries_cards(&self) -> bool {
        self.format.carries_cards()
    }

    /// Only its own file: a named file has no earlier set to go stale.
    fn owns(&self, file_name: &str) -> bool {
        file_name == self.file_name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::ValueEnum;

    /// The table is the one list of formats: `--format` reads its names,
    /// one line each, and what `--out` names follows the line's `own_file`.
    #[test]
    fn the_format_table_drives_format_and_out() {
        let names: Vec<&str> = export::FORMATS.iter().map(|f| f.name).collect();
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "{names:?}");
        for format in export::FORMATS {
            assert_eq!(Format::from_str(format.name, false), Ok(*format));
            assert_eq!(Format::named(format.name), Some(*format));
            let expected = if format.own_file {
                Target::File {
                    example: format.example,
                }
            } else {
                Target::FileOrStdout {
                    example: format.example,
                }
            };
            assert_eq!(Export::target_of(*format), expected, "{}", format.name);
        }
        assert_eq!(
            export::FORMATS.iter().filter(|f| f.is_page()).count(),
            1,
            "one self-check page"
        );
        assert!(Format::named("pdf").is_none());
    }
}
