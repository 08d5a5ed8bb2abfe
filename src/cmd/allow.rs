//! `mediaquiz allow`: the user lets a bank read its article outside the
//! bank's folder from now on (`BANK`), lists such banks (`--list`), or takes
//! a permission back (`--forget BANK`). The grants live in the user's data
//! folder ([`crate::allow`]), never in the bank file.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::Globals;
use crate::allow::{Grant, Grants, default_path};
use crate::bank::Lang;
use crate::check::{ArticlePlace, BankFile, article_place};
use crate::cli::AllowArgs;
use crate::console::shown;
use crate::error::{Error, Result};
use crate::fsutil::{self, What};
use crate::i18n::{Text, say};

/// Runs `allow`.
pub(super) fn run(globals: &Globals, args: &AllowArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let file = default_path()?;
    if args.list {
        return list(&file, globals.lang.unwrap_or(Lang::Fr), out);
    }
    if let Some(bank) = &args.forget {
        return forget(&file, bank, globals.lang.unwrap_or(Lang::Fr), out);
    }
    let Some(bank) = globals.bank.as_deref() else {
        return Err(Error::usage(
            "donnez la banque à autoriser, par exemple `mediaquiz allow ma-banque.yaml` (ou `--list`, `--forget BANQUE`)",
            "give the bank to allow, for example `mediaquiz allow my-bank.yaml` (or `--list`, `--forget BANK`)",
        ));
    };
    allow(globals, &file, bank, out)
}

/// Records that `bank` may read its article.
fn allow(globals: &Globals, file: &Path, bank: &Path, out: &mut dyn Write) -> Result<ExitCode> {
    let read = match BankFile::shipped_by_path(bank) {
        Some(shipped) => Ok(shipped),
        None => BankFile::read(bank, globals.lang)?,
    };
    let bank_file = read.map_err(|d| Error::InvalidBank {
        label: shown(bank).to_string(),
        errors: vec![d],
        lang: globals.lang.unwrap_or(Lang::Fr),
        outside: false,
    })?;
    let lang = globals
        .lang
        .unwrap_or_else(|| crate::bank::parse(&bank_file.label, &bank_file.text, None).language);
    let (real_bank, place) = article_place(&bank_file, lang).map_err(|why| Error::BadInput {
        path: bank.to_owned(),
        message: Text::new(why.clone(), why),
    })?;
    let named = shown(bank);
    let article = match place {
        ArticlePlace::BankFolder => {
            let note = say(
                lang,
                &format!(
                    "la banque `{named}` lit son article dans son propre dossier : elle n’a besoin d’aucune autorisation"
                ),
                &format!(
                    "the bank `{named}` reads its article in its own folder: it needs no permission"
                ),
            );
            writeln!(out, "{note}")?;
            return Ok(ExitCode::SUCCESS);
        }
        ArticlePlace::Outside(article) => article,
    };
    fsutil::refuse_input(file, Some(What::Grants), "allow")?;
    let grant = Grant {
        bank: real_bank,
        article: article.clone(),
    };
    Grants::update(file, |grants| grants.add(grant.clone()))?;
    let (article, again) = (shown(&article), forget_command(bank));
    let note = say(
        lang,
        &format!(
            "c’est noté : la banque `{named}` peut lire son article, `{article}`, sans `--root` désormais. Si la banque change de place ou d’article, mediaquiz vous redemandera. Pour retirer cette autorisation : `{again}`"
        ),
        &format!(
            "done: the bank `{named}` may read its article, `{article}`, without `--root` from now on. If the bank moves or reads another file, mediaquiz will ask again. To withdraw this permission: `{again}`"
        ),
    );
    writeln!(out, "{note}")?;
    Ok(ExitCode::SUCCESS)
}

/// `mediaquiz allow --forget BANK`, quoted for a shell.
fn forget_command(bank: &Path) -> String {
    let bank = bank.to_string_lossy();
    let words = ["mediaquiz", "allow", "--forget", bank.as_ref()];
    shlex::try_join(words).unwrap_or_else(|_| words.join(" "))
}

/// Prints every grant, one a line: the bank, then the article it may read.
fn list(file: &Path, lang: Lang, out: &mut dyn Write) -> Result<ExitCode> {
    let grants = Grants::load(file)?;
    if grants.allowed.is_empty() {
        let note = say(
            lang,
            "aucune banque n’est autorisée à lire hors de son dossier",
            "no bank is allowed to read outside its folder",
        );
        writeln!(out, "{note}")?;
        return Ok(ExitCode::SUCCESS);
    }
    for grant in &grants.allowed {
        let (bank, article) = (shown(&grant.bank), shown(&grant.article));
        let gone = if grant.bank.exists() {
            ""
        } else {
            lang.pick(" (banque introuvable)", " (bank not found)")
        };
        let line = say(
            lang,
            &format!("`{bank}`{gone} peut lire `{article}`"),
            &format!("`{bank}`{gone} may read `{article}`"),
        );
        writeln!(out, "{line}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Withdraws every grant of `bank`: by its real path, or, for a bank since
/// moved or deleted, by the path as given made absolute.
fn forget(file: &Path, bank: &Path, lang: Lang, out: &mut dyn Write) -> Result<ExitCode> {
    let real = std::fs::canonicalize(bank).or_else(|_| std::path::absolute(bank))?;
    fsutil::refuse_input(file, Some(What::Grants), "allow")?;
    let gone = Grants::update(file, |grants| grants.forget(&real))?;
    let named = shown(bank);
    if gone.is_empty() {
        let note = say(
            lang,
            &format!("la banque `{named}` n’avait aucune autorisation : rien à retirer"),
            &format!("the bank `{named}` had no permission: nothing to withdraw"),
        );
        writeln!(out, "{note}")?;
        return Ok(ExitCode::SUCCESS);
    }
    for grant in gone {
        let article = shown(&grant.article);
        let note = say(
            lang,
            &format!(
                "la banque `{named}` n’est plus autorisée à lire `{article}` : mediaquiz la refusera de nouveau sans `--root`"
            ),
            &format!(
                "the bank `{named}` may no longer read `{article}`: mediaquiz will refuse it again without `--root`"
            ),
        );
        writeln!(out, "{note}")?;
    }
    Ok(ExitCode::SUCCESS)
}
