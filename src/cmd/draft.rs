//! `mediaquiz draft ARTICLE`: a bank drafted from an article, and the command
//! that checks it next.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::time::Duration;

use super::Globals;
use crate::bank::Lang;
use crate::bank::name_of;
use crate::cli::DraftArgs;
use crate::draft::Options;
use crate::draft::model::{Ask, KEY_VARIABLE};
use crate::error::Result;
use crate::i18n::{s, s_fr, say};

/// Runs `draft`: the bank (and the clean article, when the input needed
/// cleaning) is written; the findings go to `out` with `--findings -`, the
/// notes to `err`. With `--model`, the model's questions are verified and
/// merged, and where the article is sent is said before it is.
pub(super) fn run(
    globals: &Globals,
    args: &DraftArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let ask = args.model.as_ref().map(|model| Ask {
        model: model.clone(),
        endpoint: args.endpoint.clone(),
        timeout: Duration::from_secs(args.timeout),
        key: std::env::var(KEY_VARIABLE).ok(),
        bank_schema: crate::schema::bank_schema(),
    });
    if let Some(ask) = &ask {
        // Said before sending, so the teacher knows where the article goes.
        let (model, host) = (&ask.model, ask.host());
        let lang = globals.lang.unwrap_or(Lang::Fr);
        let note = say(
            lang,
            &format!(
                "envoi de l’article et des consignes (rien d’autre) au modèle `{model}` sur `{host}`…"
            ),
            &format!(
                "sending the article and the instructions (nothing else) to model `{model}` at `{host}`…"
            ),
        );
        writeln!(err, "{note}")?;
    }
    let written = crate::draft::write_with(
        &args.article,
        Options {
            out: args.out.as_deref(),
            force: args.force,
            lang: globals.lang,
            findings: args.findings.as_deref(),
            model: ask.as_ref(),
        },
    )?;
    let draft = &written.draft;
    let lang = globals.lang.unwrap_or(draft.lang);
    if let Some(findings) = &written.findings {
        writeln!(out, "{findings}")?;
    }
    for note in &written.notes {
        writeln!(err, "{}", note.get(lang))?;
    }
    if let Some(outcome) = &written.model {
        let (kept, repaired, dropped) = (outcome.kept, outcome.repaired, outcome.dropped.len());
        let note = say(
            lang,
            &format!(
                "modèle : {kept} question{} gardée{} après vérification (dont {repaired} réparée{}), {dropped} écartée{} (raisons en tête du fichier) ; chacune reste à relire",
                s_fr(kept),
                s_fr(kept),
                s_fr(repaired),
                s_fr(dropped)
            ),
            &format!(
                "model: {kept} question{} kept after verification ({repaired} repaired), {dropped} dropped (reasons at the top of the file); every one still needs review",
                s(kept)
            ),
        );
        writeln!(err, "{note}")?;
    }
    // The article the bank names: the clean copy beside it, or the input.
    let article = written.article.as_deref().unwrap_or(&args.article);
    let check = next_check(article, &written.bank);
    let (path, n, todos) = (
        crate::console::shown(&written.bank),
        draft.questions,
        draft.todos,
    );
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
        format!("mediaquiz check {}", crate::console::shown(bank))
    } else {
        let root = folder(article);
        format!(
            "mediaquiz --root {} check {}",
            crate::console::shown(root),
            crate::console::shown(bank)
        )
    }
}
