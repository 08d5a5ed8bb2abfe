//! `mediaquiz draft ARTICLE`: a bank drafted from an article, and the command
//! that checks it next.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Globals;
use crate::bank::name_of;
use crate::cli::DraftArgs;
use crate::error::Result;
use crate::i18n::{s, s_fr, say};

/// Runs `draft`: the bank is written, the note goes to `err`.
pub(super) fn run(globals: &Globals, args: &DraftArgs, err: &mut dyn Write) -> Result<ExitCode> {
    let (path, draft) =
        crate::draft::write(&args.article, args.out.as_deref(), args.force, globals.lang)?;
    let lang = globals.lang.unwrap_or(draft.lang);
    let check = next_check(&args.article, &path);
    let (path, n, todos) = (path.display(), draft.questions, draft.todos);
    let bank_lang = name_of(&draft.lang);
    let note = say(
        lang,
        &format!(
            "`{path}` écrit : {n} question{} ({bank_lang}), {todos} TODO à remplir ; puis `{check}`",
            s_fr(n)
        ),
        &format!(
            "wrote `{path}`: {n} question{} ({bank_lang}), {todos} TODO{} left to fill; then `{check}`",
            s(n),
            s(todos)
        ),
    );
    writeln!(err, "{note}")?;
    Ok(ExitCode::SUCCESS)
}

/// The command that checks a drafted bank: with `--root` the article's
/// folder when the article lies outside the bank's folder (the default root),
/// so the suggestion works as printed.
fn next_check(article: &Path, bank: &Path) -> String {
    let folder = |p: &Path| match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let inside = match (folder(article).canonicalize(), folder(bank).canonicalize()) {
        (Ok(article), Ok(bank)) => article.starts_with(bank),
        _ => true,
    };
    if inside {
        format!("mediaquiz check {}", bank.display())
    } else {
        let root = folder(article);
        format!(
            "mediaquiz --root {} check {}",
            root.display(),
            bank.display()
        )
    }
}
