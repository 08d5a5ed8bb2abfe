//! The one writer of every output: where the files go ([`Destination`], from
//! what each output's [`Target`] asks of `--out`), the set written at once,
//! each file's warnings, `--pdf`, and the warning about an earlier run's files.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{OutFile, Output, RenderContext};
use crate::error::{Error, Result};
use crate::fsutil;
use crate::i18n::{say, warning_word};
use crate::pdf;

/// What an output needs `--out` to name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A folder for a set of files (created if missing).
    Folder,
    /// One file; `example` names one in messages.
    File {
        /// A file name to suggest (`flashcards.html`, `lere.apkg`).
        example: &'static str,
    },
    /// One file with `--out FILE`, else standard output (text exports).
    FileOrStdout {
        /// A file name to suggest.
        example: &'static str,
    },
}

/// Where a run's files go, resolved from `--out` and the outputs' [`Target`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// A folder, as typed.
    Folder(PathBuf),
    /// One file: its folder (as typed, so the path printed is the one
    /// typed) and its name. A set of one, whose output owns that one name.
    File {
        /// The folder.
        dir: PathBuf,
        /// The file's name.
        name: String,
    },
    /// Standard output.
    Stdout,
}

impl Destination {
    /// The file `--out path` names; an error when it names a folder, which
    /// suggests `example` inside it.
    pub fn file(path: &Path, example: &str) -> Result<Destination> {
        let name = path
            .file_name()
            .filter(|_| !path.is_dir())
            .map(|n| n.to_string_lossy().into_owned());
        let Some(name) = name else {
            let like = path.join(example);
            let (path, like) = (crate::console::shown(path), crate::console::shown(like));
            // A page is named as one, so the suggestion reads as the file wanted.
            let (fr, en) = if example.ends_with(".html") {
                ("le fichier HTML", "the HTML file")
            } else {
                ("le fichier", "the file")
            };
            return Err(Error::usage(
                format!("`--out {path}` est un dossier : nommez {fr} à écrire, comme `{like}`"),
                format!("`--out {path}` is a folder: name {en} to write, like `{like}`"),
            ));
        };
        Ok(Destination::File {
            dir: path.parent().unwrap_or(Path::new("")).to_owned(),
            name,
        })
    }

    /// Where an output whose [`Target`] is `target` goes, given `--out`.
    pub fn resolve(target: Target, out: Option<&Path>) -> Result<Destination> {
        match (target, out) {
            (Target::Folder, Some(dir)) => Ok(Destination::Folder(dir.to_owned())),
            (Target::Folder, None) => Ok(Destination::Folder(PathBuf::from("."))),
            (Target::File { example } | Target::FileOrStdout { example }, Some(path)) => {
                Destination::file(path, example)
            }
            (Target::FileOrStdout { .. }, None) => Ok(Destination::Stdout),
            (Target::File { example }, None) => Err(Error::usage(
                format!(
                    "nommez le fichier à écrire avec `--out FICHIER`, par exemple `--out {example}`"
                ),
                format!("name the file to write with `--out FILE`, e.g. `--out {example}`"),
            )),
        }
    }

    /// The file's name, for a single-file output; `example` when there is
    /// none (standard output).
    pub fn file_name_or(&self, example: &str) -> String {
        match self {
            Destination::File { name, .. } => name.clone(),
            Destination::Folder(_) | Destination::Stdout => example.to_owned(),
        }
    }

    /// Whether an output whose [`Target`] is `target` can go here.
    fn suits(&self, target: Target) -> bool {
        matches!(
            (self, target),
            (Destination::Folder(_), Target::Folder)
                | (
                    Destination::File { .. },
                    Target::File { .. } | Target::FileOrStdout { .. }
                )
                | (Destination::Stdout, Target::FileOrStdout { .. })
        )
    }
}

/// Renders `outputs` from `ctx` and writes them to `destination`: a folder or
/// a file as one set (then, with `pdf`, every HTML file printed to PDF as a
/// second set), or standard output. Paths written go to `out`; the files' own
/// warnings (what an export left out) and a warning naming the files of an
/// earlier run that this run did not replace go to `err`.
pub fn write(
    outputs: &[&dyn Output],
    ctx: &RenderContext<'_>,
    destination: &Destination,
    pdf: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    debug_assert!(
        outputs.iter().all(|o| destination.suits(o.target())),
        "a command resolved {destination:?} for outputs that cannot go there"
    );
    match destination {
        Destination::Folder(dir) => write_set(outputs, ctx, dir, pdf, out, err),
        Destination::File { dir, .. } => write_set(outputs, ctx, dir, pdf, out, err),
        Destination::Stdout => {
            for output in outputs {
                print_output(*output, ctx, out, err)?;
            }
            Ok(())
        }
    }
}

/// Renders `output` and writes its files' bytes to `out` (standard output),
/// its warnings to `err`.
fn print_output(
    output: &dyn Output,
    ctx: &RenderContext<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    for file in output.render(ctx)? {
        for warning in &file.warnings {
            writeln!(err, "{warning}")?;
        }
        out.write_all(&file.bytes)?;
    }
    Ok(())
}

/// Writes every output's files into `dir` as one set (the HTML stays
/// written if `--pdf` then fails, to be printed from a browser).
fn write_set(
    outputs: &[&dyn Output],
    ctx: &RenderContext<'_>,
    dir: &Path,
    pdf: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    if dir.metadata().is_ok_and(|m| !m.is_dir()) {
        let dir = crate::console::shown(dir);
        return Err(Error::usage(
            format!(
                "`--out {dir}` est un fichier, et les feuilles ont besoin d’un dossier : nommez un dossier (il est créé s’il manque)"
            ),
            format!(
                "`--out {dir}` is a file, and the sheets need a folder: name a folder (it is created if missing)"
            ),
        ));
    }
    let mut files = Vec::new();
    // Which output made each file, for the PDFs it binds.
    let mut made_by = Vec::new();
    for (index, output) in outputs.iter().enumerate() {
        let made = output.render(ctx)?;
        made_by.extend(std::iter::repeat_n(index, made.len()));
        files.extend(made);
    }
    for warning in files.iter().flat_map(|f| &f.warnings) {
        writeln!(err, "{warning}")?;
    }
    // HTML and PDFs are one set: the PDFs are printed from the staged pages,
    // and nothing is placed until all are made.
    let mut set = fsutil::SetWriter::open(dir)?;
    let mut staged = Vec::with_capacity(files.len());
    for file in &files {
        staged.push(set.stage(&file.name, &file.bytes)?);
    }
    // Without a browser the HTML is still placed (as one set), to be printed
    // from a browser; the error follows.
    let printed = if pdf {
        print_pdfs(outputs, &files, &made_by, &staged, ctx)
    } else {
        Ok(Vec::new())
    };
    let printed = match printed {
        Ok(printed) => printed,
        Err(error) => {
            for path in set.commit()? {
                writeln!(out, "{}", crate::console::shown(path))?;
            }
            return Err(error);
        }
    };
    for (name, bytes) in printed {
        set.stage(&name, &bytes)?;
    }
    let written = set.commit()?;
    for path in &written {
        writeln!(out, "{}", crate::console::shown(path))?;
    }
    let stale = fsutil::stale_files(dir, &written, |name| {
        outputs.iter().any(|output| output.owns(name))
    });
    if let Some(warning) = stale_warning(&stale, ctx.lang) {
        writeln!(err, "{warning}")?;
    }
    Ok(())
}

/// The warning naming files an earlier run made that this one did not
/// replace, or `None` when there are none.
fn stale_warning(stale: &[PathBuf], lang: crate::bank::Lang) -> Option<String> {
    if stale.is_empty() {
        return None;
    }
    // A whole earlier class set (60 files) would bury the warning: name a
    // few and count the rest.
    const NAMED: usize = 4;
    let names: Vec<String> = stale
        .iter()
        .take(if stale.len() > NAMED {
            NAMED - 1
        } else {
            NAMED
        })
        .map(|p| format!("`{}`", crate::console::shown(p)))
        .collect();
    let more = stale.len() - names.len();
    let mut names = names.join(", ");
    if more > 0 {
        names += &lang.pick(
            format!(" et {more} autres fichiers"),
            format!(" and {more} other files"),
        );
    }
    let one = stale.len() == 1;
    let warning = say(
        lang,
        &format!(
            "{names} {} d’une exécution précédente, et {} pas été {} par celle-ci : {} pour ne pas {} prendre pour ceux de cette exécution",
            if one { "vient" } else { "viennent" },
            if one { "n’a" } else { "n’ont" },
            if one { "remplacé" } else { "remplacés" },
            if one { "supprimez-le" } else { "supprimez-les" },
            if one { "le" } else { "les" },
        ),
        &format!(
            "{names} {} from an earlier run, not replaced by this one: remove {} so that {} not taken for this run's",
            if one { "is" } else { "are" },
            if one { "it" } else { "them" },
            if one { "it is" } else { "they are" },
        ),
    );
    Some(format!("{} {warning}", warning_word(lang)))
}

/// Prints every HTML file of `files` (staged at `written`) to PDF in one
/// browser session, and binds each output's PDFs into its `bound_pdf`;
/// returns the PDFs' names and bytes, to be written as one set.
fn print_pdfs(
    outputs: &[&dyn Output],
    files: &[OutFile],
    made_by: &[usize],
    written: &[PathBuf],
    ctx: &RenderContext<'_>,
) -> Result<Vec<(String, Vec<u8>)>> {
    let chromium = pdf::find_chromium()?;
    let mut printer = pdf::Printer::start(&chromium, ctx.paper)?;
    let mut pages = Vec::new();
    let mut names = Vec::new();
    let mut printed_by = Vec::new();
    for ((file, path), &by) in files.iter().zip(written).zip(made_by) {
        if file.is_html() {
            pages.push(path.as_path());
            names.push(
                Path::new(&file.name)
                    .with_extension("pdf")
                    .display()
                    .to_string(),
            );
            printed_by.push(by);
        }
    }
    let mut printed: Vec<(String, Vec<u8>)> =
        names.into_iter().zip(printer.print_all(&pages)?).collect();
    drop(printer);
    for (index, output) in outputs.iter().enumerate() {
        let Some(binding) = output.bound_pdf() else {
            continue;
        };
        let parts: Vec<(&str, &[u8])> = printed
            .iter()
            .zip(&printed_by)
            .filter(|((name, _), by)| **by == index && (binding.takes)(name))
            .map(|((name, bytes), _)| (name.as_str(), bytes.as_slice()))
            .collect();
        // One page's bound file would only repeat it: one version, two PDFs.
        if parts.len() > 1 {
            let bound = pdf::bind(&parts, binding.odd_starts)?;
            printed.push((binding.name.to_owned(), bound));
        }
    }
    Ok(printed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_stale_files_are_named_and_the_rest_counted() {
        let lang = crate::bank::Lang::En;
        assert_eq!(stale_warning(&[], lang), None);
        let one = stale_warning(&[PathBuf::from("out/worksheet-C.html")], lang).unwrap();
        assert!(
            one.contains("`out/worksheet-C.html` is from an earlier run"),
            "{one}"
        );
        let many: Vec<PathBuf> = (0..6)
            .map(|i| PathBuf::from(format!("answers-{i}.html")))
            .collect();
        let warning = stale_warning(&many, lang).unwrap();
        assert!(
            warning.contains("`answers-2.html` and 3 other files are from"),
            "{warning}"
        );
        assert!(!warning.contains("answers-3.html"), "{warning}");
    }

    #[test]
    fn a_folder_given_for_a_file_suggests_a_file_inside_it() {
        let dir = tempfile::tempdir().unwrap();
        let error = Destination::file(dir.path(), "lere.apkg").unwrap_err();
        let message = error.render(crate::bank::Lang::En);
        assert!(
            message.contains("name the file to write, like"),
            "{message}"
        );
        assert_eq!(
            Destination::file(Path::new("out/deck.apkg"), "lere.apkg").unwrap(),
            Destination::File {
                dir: PathBuf::from("out"),
                name: "deck.apkg".to_owned()
            }
        );
    }
}
