//! Checking banks: structure (see [`crate::bank::parse`]), evidence against the
//! article, and advice on weak questions. Also loads a bank for the other
//! commands, which refuse a bank that does not pass.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::article::Article;
use crate::bank::{Bank, Lang, Question, Unread, parse, suggest_id};
use crate::diagnostic::{Diagnostic, Findings, control_char};
use crate::error::{Error, Result};
use crate::fsutil::{self, ReadError};
use crate::i18n::tr;
use crate::shipped;
use crate::text::{fold_answer, words};

/// A bank's text and where it came from.
#[derive(Debug, Clone)]
pub struct BankFile {
    /// The file as the user named it.
    pub label: String,
    /// The YAML text.
    pub text: String,
    /// The file on disk, or `None` for the shipped bank.
    pub path: Option<PathBuf>,
}

impl BankFile {
    /// The bank compiled into the binary.
    pub fn shipped() -> BankFile {
        BankFile {
            label: shipped::LABEL.to_owned(),
            text: shipped::BANK.to_owned(),
            path: None,
        }
    }

    /// The shipped bank `id`, when `path` names no file but a shipped bank's
    /// id (a path that exists wins).
    pub fn shipped_by_path(path: &Path) -> Option<BankFile> {
        if path.exists() {
            return None;
        }
        let shipped = shipped::by_id(path.to_str()?)?;
        Some(BankFile {
            label: shipped.label.to_owned(),
            text: shipped.text.to_owned(),
            path: None,
        })
    }

    /// Reads a bank file; a file that is not UTF-8, not a regular file or
    /// over [`fsutil::BANK_LIMIT`] is reported as a finding, in `interface`
    /// (`--lang`) or else French, since the bank's own language is unknown.
    pub fn read(
        path: &Path,
        interface: Option<Lang>,
    ) -> Result<std::result::Result<BankFile, Diagnostic>> {
        let lang = interface.unwrap_or(Lang::Fr);
        let bytes = match fsutil::read_limited(path, fsutil::BANK_LIMIT, fsutil::What::Bank) {
            Ok(bytes) => bytes,
            Err(ReadError::Io(source)) => {
                return Err(Error::Read {
                    path: path.to_owned(),
                    source,
                });
            }
            Err(refused) => {
                let mut findings = Findings::new(crate::console::shown(path).to_string(), lang);
                let refused = refused.render(lang);
                findings.error(
                    1,
                    None,
                    tr!(
                        lang,
                        "impossible de lire cette banque\u{a0}: {refused}",
                        "cannot read this bank: {refused}"
                    ),
                );
                return Ok(Err(findings.list.remove(0)));
            }
        };
        let label = crate::console::shown(path).to_string();
        Ok(match String::from_utf8(bytes) {
            Ok(text) => Ok(BankFile {
                label,
                text: without_bom(text),
                path: Some(path.to_owned()),
            }),
            Err(err) => {
                let line = err.as_bytes()[..err.utf8_error().valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1;
                let mut findings = Findings::new(label, lang);
                findings.error(
                    line,
                    None,
                    tr!(
                        lang,
                        "ce fichier n’est pas du texte UTF-8\u{a0}: enregistrez-le en UTF-8 dans votre éditeur",
                        "this file is not UTF-8 text: save it as UTF-8 in your editor",
                    ),
                );
                Err(findings.list.remove(0))
            }
        })
    }
}

/// Drops the byte-order mark some editors (Windows Notepad) put in front of UTF-8.
fn without_bom(text: String) -> String {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

/// The outcome of checking one bank file.
#[derive(Debug)]
pub struct Checked {
    /// The bank, when it has no error.
    pub bank: Option<Bank>,
    /// Errors and warnings, by line.
    pub diagnostics: Vec<Diagnostic>,
    /// How many questions the file holds, readable or not.
    pub questions: usize,
    /// The language its findings speak: `--lang`, else the bank's, else French.
    pub lang: Lang,
    /// Whether its article was refused for lying outside the bank's folder
    /// (`mediaquiz allow` or `--root` settles it).
    pub outside: bool,
}

/// Checks one bank: structure, its article, every evidence quote, and advice.
/// Its article must lie in the bank's own folder; findings speak the bank's
/// language (French when it states none); see [`check_file_in`].
pub fn check_file(file: &BankFile) -> Checked {
    check_file_in(file, None, None)
}

/// Checks one bank whose article must resolve inside `root` (`--root`; by
/// default the bank file's own folder). Findings speak `interface` (`--lang`)
/// when given, else the bank's stated language, else French.
pub fn check_file_in(file: &BankFile, root: Option<&Path>, interface: Option<Lang>) -> Checked {
    let parsed = parse(&file.label, &file.text, interface);
    let mut findings = parsed.findings;
    let lang = findings.lang();
    let mut questions = parsed.questions;
    let mut outside = false;
    let article = parsed.source.as_ref().and_then(|source| {
        let line = parsed.outline.source("file");
        read_article(file, &source.file, root, line, &mut findings)
            .inspect_err(|unreadable| outside = unreadable.outside)
            .ok()
    });
    if let Some(article) = &article {
        verify_evidence(
            article,
            &mut questions,
            &parsed.outline,
            lang,
            &mut findings,
        );
        verify_unread(
            article,
            &parsed.unread,
            &parsed.outline,
            lang,
            &mut findings,
        );
    }
    advise(&questions, &mut findings);
    let id = parsed.id.or_else(|| default_id(file, &mut findings));
    report_todos(&file.text, &mut findings);
    report_drafts(&questions, &mut findings);
    two_right_answers(&questions, &mut findings);
    findings.list.sort_by_key(|d| (d.line, d.severity));
    let count = parsed.entries;
    let bank = match (
        findings.has_errors(),
        id,
        parsed.title,
        parsed.source,
        article,
    ) {
        (false, Some(id), Some(title), Some(source), Some(article)) => Some(Bank {
            label: file.label.clone(),
            id,
            title,
            language: parsed.language,
            source,
            article,
            questions,
        }),
        _ => None,
    };
    Checked {
        bank,
        diagnostics: findings.list,
        questions: count,
        lang,
        outside,
    }
}

/// The id of a bank without `id:`: its file name without extension (`lere`
/// for the shipped bank), made fit for `[a-z0-9-]+`.
fn default_id(file: &BankFile, findings: &mut Findings) -> Option<String> {
    let stem = Path::new(&file.label)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = suggest_id(&stem);
    if id.is_empty() {
        let message = tr!(
            findings.lang(),
            "aucun identifiant de banque ne se tire du nom de fichier `{stem}`\u{a0}: ajoutez une ligne comme `id: my-bank` (minuscules de a à z, chiffres et `-`)",
            "no bank id can be made from the file name `{stem}`: add a line such as `id: my-bank` (lower-case letters a to z, digits and `-`)",
        );
        findings.error(1, None, message);
        return None;
    }
    Some(id)
}

/// Loads the bank at `path` (or the shipped one), refusing one with errors.
pub fn load_bank(path: Option<&Path>) -> Result<Bank> {
    load_bank_in(path, None, None)
}

/// Like [`load_bank`], with the article confined to `root` (`--root`) and
/// the errors in `interface` (`--lang`; see [`check_file_in`]).
pub fn load_bank_in(
    path: Option<&Path>,
    root: Option<&Path>,
    interface: Option<Lang>,
) -> Result<Bank> {
    let file = match path {
        None => BankFile::shipped(),
        Some(path) if let Some(file) = BankFile::shipped_by_path(path) => file,
        Some(path) => BankFile::read(path, interface)?.map_err(|d| Error::InvalidBank {
            label: crate::console::shown(path).to_string(),
            errors: vec![d],
            lang: interface.unwrap_or(Lang::Fr),
            outside: false,
        })?,
    };
    let checked = check_file_in(&file, root, interface);
    checked.bank.ok_or_else(|| {
        let errors: Vec<Diagnostic> = checked
            .diagnostics
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect();
        Error::InvalidBank {
            label: file.label,
            lang: checked.lang,
            // Said apart only when it is the one error: with others, the
            // bank needs editing anyway.
            outside: checked.outside && errors.len() == 1,
            errors,
        }
    })
}

fn read_article(
    file: &BankFile,
    name: &str,
    root: Option<&Path>,
    line: usize,
    findings: &mut Findings,
) -> std::result::Result<Article, Unreadable> {
    match article_text(file, name, root, findings.lang()) {
        Ok(text) => Ok(Article::new(&text)),
        Err(unreadable) => {
            findings.error(line, None, unreadable.message.clone());
            Err(unreadable)
        }
    }
}

/// Why a bank's article cannot be read, as a finding's message.
#[derive(Debug)]
struct Unreadable {
    /// The finding's message.
    message: String,
    /// Whether the article is only outside the bank's folder: a trouble the
    /// user settles with `mediaquiz allow` or `--root`, not by editing.
    outside: bool,
}

impl From<String> for Unreadable {
    fn from(message: String) -> Unreadable {
        Unreadable {
            message,
            outside: false,
        }
    }
}

/// The article's text, or what is wrong with the file, as a finding's message
/// in `lang`.
fn article_text(
    file: &BankFile,
    name: &str,
    root: Option<&Path>,
    lang: Lang,
) -> std::result::Result<String, Unreadable> {
    let text = match &file.path {
        None => shipped::file(name).map(str::to_owned).ok_or_else(|| {
            tr!(
                lang,
                "le fichier source `{name}` n’est pas fourni avec mediaquiz",
                "source file `{name}` is not shipped with mediaquiz",
            )
        })?,
        Some(path) => {
            let full = article_path(path, name, root, lang)?;
            let bytes = fsutil::read_limited(&full, fsutil::ARTICLE_LIMIT, fsutil::What::Article)
                .map_err(|err| {
                let (full, err) = (crate::console::shown(full), err.render(lang));
                tr!(
                    lang,
                    "impossible de lire le fichier source `{full}`\u{a0}: {err}",
                    "cannot read source file `{full}`: {err}",
                )
            })?;
            String::from_utf8(bytes).map(without_bom).map_err(|_| {
                tr!(
                    lang,
                    "le fichier source `{name}` n’est pas du texte UTF-8\u{a0}: enregistrez l’article en UTF-8",
                    "source file `{name}` is not UTF-8 text: save the article as UTF-8",
                )
            })?
        }
    };
    if text.trim().is_empty() {
        return Err(tr!(
            lang,
            "le fichier source `{name}` est vide",
            "source file `{name}` is empty"
        )
        .into());
    }
    for (n, line) in text.lines().enumerate() {
        if let Some(control) = control_char(line) {
            let n = n + 1;
            return Err(tr!(
                lang,
                "le fichier source `{name}` a un caractère de contrôle ({control}) à sa ligne {n}\u{a0}: retirez-le (il parviendrait au terminal)",
                "source file `{name}` has a control character ({control}) on its line {n}: remove it (it would reach the terminal)",
            )
            .into());
        }
    }
    Ok(text)
}

/// Where `source.file` points, after symlinks, refused unless it lies inside
/// the root (as typst's `--root`): a bank shared by someone else must not pull
/// `~/.ssh/id_ed25519` or `/etc/passwd` onto a printed worksheet.
fn article_path(
    bank: &Path,
    name: &str,
    root: Option<&Path>,
    lang: Lang,
) -> std::result::Result<PathBuf, Unreadable> {
    let folder = bank.parent().unwrap_or(Path::new(""));
    let full = folder.join(name);
    let real = fs::canonicalize(&full).map_err(|err| {
        let shown = crate::console::shown(&full);
        match err.kind() {
            std::io::ErrorKind::NotFound => tr!(
                lang,
                "fichier source `{name}` introuvable (cherché à `{shown}`)\u{a0}: `file` est relatif au dossier de la banque",
                "source file `{name}` not found (looked for `{shown}`): `file` is relative to the bank's folder",
            ),
            _ => tr!(
                lang,
                "impossible de lire le fichier source `{shown}`\u{a0}: {err}",
                "cannot read source file `{shown}`: {err}",
            ),
        }
    })?;
    let root = match root {
        Some(root) => root,
        None if folder.as_os_str().is_empty() => Path::new("."),
        None => folder,
    };
    let real_root = fs::canonicalize(root).map_err(|err| {
        let root = crate::console::shown(root);
        tr!(
            lang,
            "impossible de lire le dossier racine `{root}`\u{a0}: {err}",
            "cannot read the root folder `{root}`: {err}",
        )
    })?;
    if !real.starts_with(&real_root) {
        let absolute = name.starts_with('/') || Path::new(name).is_absolute();
        if absolute {
            return Err(tr!(
                lang,
                "la banque lit son article à `{name}`, un chemin absolu\u{a0}: écrivez plutôt un chemin relatif au dossier de la banque (par exemple `article.txt` si l’article est à côté)",
                "the bank reads its article at `{name}`, an absolute path: write a path relative to the bank's folder instead (for example `article.txt` when the article sits beside it)",
            )
            .into());
        }
        // What the user allowed with `mediaquiz allow`, never what the bank
        // says: the grants file is looked at only here, when it matters.
        if let Ok(real_bank) = fs::canonicalize(bank) {
            match crate::allow::permitted(&real_bank, &real) {
                Ok(true) => return Ok(real),
                Ok(false) => {}
                Err(error) => return Err(error.render(lang).into()),
            }
        }
        let Some(grant) = article_folder(&full, &real).map(|_| real.clone()) else {
            // A link leading out: allowing where it leads could mean `/`,
            // so the advice is to copy the article instead.
            let real = crate::console::shown(real);
            return Err(tr!(
                lang,
                "la banque lit son article dans `{name}`, un lien qui mène à `{real}`, hors du dossier de la banque\u{a0}; par prudence, mediaquiz ne suit pas un tel lien\u{a0}: copiez l’article lui-même dans le dossier de la banque",
                "the bank reads its article from `{name}`, a link leading to `{real}`, outside the bank's folder; to be safe, mediaquiz does not follow such a link: copy the article itself into the bank's folder",
            )
            .into());
        };
        let allow = allow_command(bank);
        let (shown_root, grant) = (
            crate::console::shown(real_root),
            crate::console::shown(grant),
        );
        let message = match wider_root(folder, &full, &real) {
            Some(wider) => {
                let again = rerun_with_root(&wider);
                tr!(
                    lang,
                    "la banque lit son article dans `{name}`, hors de son dossier `{shown_root}`\u{a0}; par prudence, mediaquiz ne lit que les fichiers rangés dans le dossier de la banque (une banque reçue d’un collègue pourrait sinon faire imprimer vos propres fichiers). Si vous faites confiance à cette banque, autorisez-la une fois pour toutes à lire cet article, `{grant}`\u{a0}: `{allow}`\u{a0}; ou pour cette fois seulement\u{a0}: `{again}`",
                    "the bank reads its article from `{name}`, outside its folder `{shown_root}`; to be safe, mediaquiz only reads files kept in the bank's folder (a bank from a colleague could otherwise print your own files). If you trust this bank, allow it to read this article, `{grant}`, from now on: `{allow}`; or for this time only: `{again}`",
                )
            }
            // The path goes through a link to another folder: a `--root`
            // holding both could be `/`, so only the grant is offered.
            None => tr!(
                lang,
                "la banque lit son article dans `{name}`, qui mène à `{grant}`, hors de son dossier `{shown_root}`\u{a0}; par prudence, mediaquiz ne lit que les fichiers rangés dans le dossier de la banque (une banque reçue d’un collègue pourrait sinon faire imprimer vos propres fichiers). Si vous faites confiance à cette banque, autorisez-la une fois pour toutes à lire cet article\u{a0}: `{allow}`",
                "the bank reads its article from `{name}`, which leads to `{grant}`, outside its folder `{shown_root}`; to be safe, mediaquiz only reads files kept in the bank's folder (a bank from a colleague could otherwise print your own files). If you trust this bank, allow it to read that article from now on: `{allow}`",
            ),
        };
        return Err(Unreadable {
            message,
            outside: true,
        });
    }
    Ok(real)
}

/// The real folder that the path `full` (as the bank spells it) names, when
/// the article's real path `real` lies in it; `None` when the file itself is
/// a link leading out of it, which `mediaquiz allow` never grants.
fn article_folder(full: &Path, real: &Path) -> Option<PathBuf> {
    let folder = fs::canonicalize(full.parent()?).ok()?;
    real.starts_with(&folder).then_some(folder)
}

/// The place a bank's article would be read from, for `mediaquiz allow`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArticlePlace {
    /// Inside the bank's own folder: nothing to allow.
    BankFolder,
    /// Outside it, at this real path, which a grant would name.
    Outside(PathBuf),
}

/// Where the bank at `bank` (on disk) reads its article: in its own folder,
/// or in another folder a grant may name. The error says, in `lang`, why no
/// folder can be granted (no `source.file`, an absolute path, a missing
/// article, a link leading out).
pub fn article_place(
    bank: &BankFile,
    lang: Lang,
) -> std::result::Result<(PathBuf, ArticlePlace), String> {
    let Some(path) = bank.path.as_deref() else {
        return Err(tr!(
            lang,
            "la banque fournie avec mediaquiz lit déjà son propre article\u{a0}: il n’y a rien à autoriser",
            "the shipped bank already reads its own article: there is nothing to allow",
        ));
    };
    let parsed = parse(&bank.label, &bank.text, Some(lang));
    let Some(name) = parsed.source.map(|source| source.file) else {
        return Err(tr!(
            lang,
            "la banque n’indique pas son article (`source.file`)\u{a0}: `mediaquiz check` dit ce qui manque",
            "the bank does not name its article (`source.file`): `mediaquiz check` says what is missing",
        ));
    };
    let real_bank = fs::canonicalize(path).map_err(|err| {
        let shown = crate::console::shown(path);
        tr!(
            lang,
            "impossible de lire `{shown}`\u{a0}: {err}",
            "cannot read `{shown}`: {err}"
        )
    })?;
    let folder = path.parent().unwrap_or(Path::new(""));
    let here = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let real_here = fs::canonicalize(here).map_err(|err| {
        let shown = crate::console::shown(here);
        tr!(
            lang,
            "impossible de lire le dossier `{shown}`\u{a0}: {err}",
            "cannot read the folder `{shown}`: {err}"
        )
    })?;
    // The same refusals as `check` for what no grant may open.
    let full = article_path(path, &name, Some(Path::new("/")), lang).map_err(|u| u.message)?;
    if full.starts_with(&real_here) {
        return Ok((real_bank, ArticlePlace::BankFolder));
    }
    if name.starts_with('/') || Path::new(&name).is_absolute() {
        return Err(tr!(
            lang,
            "la banque lit son article à `{name}`, un chemin absolu\u{a0}: écrivez plutôt un chemin relatif au dossier de la banque, puis relancez cette commande",
            "the bank reads its article at `{name}`, an absolute path: write a path relative to the bank's folder instead, then run this command again",
        ));
    }
    match article_folder(&folder.join(&name), &full) {
        Some(_) => Ok((real_bank, ArticlePlace::Outside(full))),
        None => {
            let real = crate::console::shown(full);
            Err(tr!(
                lang,
                "la banque lit son article dans `{name}`, un lien qui mène à `{real}`\u{a0}; par prudence, mediaquiz n’autorise pas un tel lien\u{a0}: copiez l’article lui-même dans un dossier",
                "the bank reads its article from `{name}`, a link leading to `{real}`; to be safe, mediaquiz does not allow such a link: copy the article itself into a folder",
            ))
        }
    }
}

/// `mediaquiz allow BANK`, the bank as the user named it, quoted for a shell.
fn allow_command(bank: &Path) -> String {
    let bank = bank.to_string_lossy();
    let words = ["mediaquiz", "allow", bank.as_ref()];
    shlex::try_join(words).unwrap_or_else(|_| words.join(" "))
}

/// The narrowest folder holding both the bank's folder and the article, as
/// the user would type it (`..` resolved by text); `None` when a symlink
/// leads elsewhere than the text says.
fn wider_root(folder: &Path, full: &Path, real: &Path) -> Option<PathBuf> {
    let here = std::env::current_dir().ok()?;
    let wide = common(&normalize(&here.join(folder)), &normalize(&here.join(full)));
    if !fs::canonicalize(&wide).is_ok_and(|r| real.starts_with(r)) {
        return None;
    }
    // Said from the current folder, as the user typed the bank's path.
    Some(if let Ok(below) = wide.strip_prefix(&here) {
        if below.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            below.to_owned()
        }
    } else if let Ok(above) = here.strip_prefix(&wide) {
        above.components().map(|_| "..").collect()
    } else {
        wide
    })
}

/// `path` with `.` dropped and `..` taken off what precedes it, by text.
fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The longest leading folder `a` and `b` share.
fn common(a: &Path, b: &Path) -> PathBuf {
    a.components()
        .zip(b.components())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x)
        .collect()
}

/// The command the user ran, with `--root DIR` set to `root`: the line to
/// copy. Outside the `mediaquiz` binary (unit tests), a `check` line.
fn rerun_with_root(root: &Path) -> String {
    // `args_os`: `args` panics on a word that is not UTF-8.
    let mut words: Vec<String> = std::env::args_os()
        .map(|w| w.to_string_lossy().into_owned())
        .collect();
    let ours = words
        .first()
        .and_then(|w| Path::new(w).file_stem())
        .is_some_and(|stem| stem == "mediaquiz");
    if !ours {
        words = vec!["mediaquiz".to_owned(), "check".to_owned()];
    }
    words[0] = "mediaquiz".to_owned();
    // A `--root` already given is replaced, in either spelling.
    if let Some(at) = words.iter().position(|w| w == "--root") {
        words.drain(at..(at + 2).min(words.len()));
    }
    words.retain(|w| !w.starts_with("--root="));
    words.splice(1..1, ["--root".to_owned(), root.display().to_string()]);
    shlex::try_join(words.iter().map(String::as_str)).unwrap_or_else(|_| words.join(" "))
}

fn verify_evidence(
    article: &Article,
    questions: &mut [Question],
    outline: &crate::bank::Outline,
    lang: Lang,
    findings: &mut Findings,
) {
    let quotes = questions
        .iter()
        .flat_map(|q| q.evidence.iter().map(|e| e.quote.as_str()));
    let mut found = article.find_many(quotes).into_iter();
    for question in questions.iter_mut() {
        let lines = outline.item_at(question.line);
        for (n, evidence) in question.evidence.iter_mut().enumerate() {
            let Some(result) = found.next() else { break };
            match describe(result, lang) {
                Ok(paragraph) => evidence.paragraph = paragraph,
                Err(message) => {
                    findings.error(lines.entry("evidence", n), Some(&question.id), message)
                }
            }
        }
    }
}

/// Checks the quotes of questions that have other errors, so that one run of
/// `check` reports a wrong answer and a misquote together.
fn verify_unread(
    article: &Article,
    unread: &[Unread],
    outline: &crate::bank::Outline,
    lang: Lang,
    findings: &mut Findings,
) {
    for question in unread {
        let lines = outline.item_at(question.line);
        for (n, quote) in question.evidence.iter().enumerate() {
            if let Err(message) = describe(article.find(quote), lang) {
                findings.error(lines.entry("evidence", n), question.id.as_deref(), message);
            }
        }
    }
}

/// The paragraph of a quote, or the finding's message when the article does
/// not have it.
fn describe(
    result: std::result::Result<crate::article::Found, crate::article::Missing>,
    lang: Lang,
) -> std::result::Result<Option<usize>, String> {
    let missing = match result {
        Ok(found) => return Ok(found.paragraph),
        Err(missing) => missing,
    };
    let (open, close) = crate::i18n::quotes(lang);
    let part = format!("{open}{}{close}", shorten(&missing.part));
    let copy = lang.pick(
        "copiez les mots exactement depuis l’article (… pour sauter des mots)",
        "copy the words exactly from the article (use … to skip words)",
    );
    Err(if missing.out_of_order {
        lang.pick(
            format!("les parties de la preuve sont dans le désordre\u{A0}: {part} vient plus tôt dans l’article\u{A0}; les parties autour de `…` doivent suivre l’ordre de l’article"),
            format!("evidence parts are out of order: {part} comes earlier in the article; the parts around `…` must follow the article's order"),
        )
    } else if let Some(closest) = missing.closest {
        let closest = format!("{open}{}{close}", shorten(&closest));
        lang.pick(
            format!("preuve introuvable dans l’article\u{A0}: {part}\u{A0}; passage le plus proche\u{A0}: {closest}"),
            format!("evidence not found in the article: {part}; closest passage: {closest}"),
        )
    } else if !missing.searched {
        let max = crate::article::MAX_SEARCHED;
        lang.pick(
            format!("preuve introuvable dans l’article\u{A0}: {part}\u{A0}; pas de passage proche cherché (la citation dépasse {max} caractères)\u{A0}: {copy}"),
            format!("evidence not found in the article: {part}; no close passage was searched for (the quote is over {max} characters): {copy}"),
        )
    } else {
        lang.pick(
            format!("preuve introuvable dans l’article\u{A0}: {part}\u{A0}; {copy}"),
            format!("evidence not found in the article: {part}; {copy}"),
        )
    })
}

/// Longest quote shown whole in a finding, in characters.
const SHOWN_QUOTE: usize = 120;

/// A quote for a one-line finding: white space folded, long ones cut in the
/// middle (`…`) so both ends can still be found in the bank.
fn shorten(quote: &str) -> String {
    let words: Vec<&str> = quote.split_whitespace().collect();
    let flat = words.join(" ");
    if flat.chars().count() <= SHOWN_QUOTE {
        return flat;
    }
    // Whole words from each end, about half the room each.
    let half = SHOWN_QUOTE / 2;
    let mut head = String::new();
    for word in &words {
        if !head.is_empty() && head.chars().count() + word.chars().count() >= half {
            break;
        }
        if !head.is_empty() {
            head.push(' ');
        }
        head.push_str(&truncate(word, half));
    }
    let mut tail: Vec<&str> = Vec::new();
    let mut room = 0;
    for word in words.iter().rev() {
        room += word.chars().count() + 1;
        if !tail.is_empty() && room > half {
            break;
        }
        tail.push(word);
    }
    tail.reverse();
    format!("{head} … {}", truncate(&tail.join(" "), half))
}

/// At most `max` characters of `text` (one very long word stays bounded).
fn truncate(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// Fields a draft left as `TODO`: one counted error each, replacing whatever
/// else was found on their lines (a `TODO` choice is not a duplicate choice)
/// and the advice on their questions, which is premature until they are written.
fn report_todos(text: &str, findings: &mut Findings) {
    let todos = crate::draft::todo::find(text);
    if todos.is_empty() {
        return;
    }
    let lines: Vec<usize> = todos.iter().map(|t| t.line).collect();
    let unfinished: Vec<Option<String>> = todos.iter().map(|t| t.question.clone()).collect();
    findings.list.retain(|d| {
        !lines.contains(&d.line) && (d.is_error() || !unfinished.contains(&d.question))
    });
    let lang = findings.lang();
    let total = todos.len();
    // `TODO` is a word of the bank format: it takes no plural mark in French.
    let left = match lang {
        Lang::Fr => format!("{total} TODO à remplir"),
        Lang::En => format!(
            "{total} TODO{} left to fill",
            if total == 1 { "" } else { "s" }
        ),
    };
    for todo in &todos {
        let field = &todo.field;
        let message = tr!(
            lang,
            "`{field}` vaut encore `TODO`\u{a0}: écrivez-le ({left})",
            "`{field}` is still `TODO`: write it ({left})",
        );
        findings.error(todo.line, todo.question.as_deref(), message);
    }
}

/// Questions still marked `draft: true`: one warning each, with the count,
/// so the teacher reviews them before any output prints them.
fn report_drafts(questions: &[Question], findings: &mut Findings) {
    let drafts: Vec<&Question> = questions.iter().filter(|q| q.is_draft()).collect();
    let total = drafts.len();
    let s = if total == 1 { "" } else { "s" };
    let lang = findings.lang();
    for question in drafts {
        let message = tr!(
            lang,
            "question proposée par `draft`, pas encore relue\u{a0}: lisez-la contre l’article, puis supprimez `draft: true` ({total} question{s} à relire)",
            "question proposed by `draft`, not yet reviewed: read it against the article, then delete `draft: true` ({total} question{s} to review)",
        );
        findings.warning(question.line, Some(&question.id), message);
    }
}

/// A single-choice question with two right answers: a wrong choice that is
/// another name of the answer ("M. Fabius" beside "Laurent Fabius", "The
/// CAA" beside "The Civil Aviation Authority"), or that
/// the quoted evidence names as a speaker too.
pub(crate) fn two_right_answers(questions: &[Question], findings: &mut Findings) {
    use crate::draft::coref::same_person;
    let lang = findings.lang();
    for question in questions {
        let crate::bank::Shape::Choices {
            choices,
            several: false,
        } = question.shape()
        else {
            continue;
        };
        let Some(&right) = choices.correct.first() else {
            continue;
        };
        let answer = &choices.options[right];
        let speakers: Vec<String> = question
            .evidence
            .iter()
            .flat_map(|e| crate::draft::attribution::find(&e.quote, &mut None))
            .map(|a| a.speaker)
            .collect();
        // A "who says?" question: the answer is one of the evidence's speakers.
        // (or a body the reported evidence names: "X a confirmé…, selon Y").
        let answer_speaks = speakers
            .iter()
            .any(|s| same_person(s, answer) || fold_answer(s).contains(&fold_answer(answer)))
            || (!speakers.is_empty()
                && question
                    .evidence
                    .iter()
                    .any(|e| fold_answer(&e.quote).contains(&fold_answer(answer))));
        for (i, choice) in choices.options.iter().enumerate() {
            if choices.correct.contains(&i) {
                continue;
            }
            let message = if same_person(choice, answer)
                || crate::draft::coref::acronym_of_other(choice, answer)
            {
                tr!(
                    lang,
                    "le choix faux `{choice}` est un autre nom de la bonne réponse\u{a0}: deux bonnes réponses",
                    "the wrong choice `{choice}` is another name of the right answer: two right answers",
                )
            } else if speakers.iter().any(|s| same_person(choice, s)) {
                tr!(
                    lang,
                    "le choix faux `{choice}` parle aussi dans la citation donnée en preuve\u{a0}: deux bonnes réponses possibles",
                    "the wrong choice `{choice}` also speaks in the quoted evidence: two right answers",
                )
            } else if answer_speaks && crate::draft::coref::overlap(choice, answer) {
                // A question about who speaks: a body and its seat, its head
                // or its spokesman ("le Quai d’Orsay", "le ministère des
                // Affaires étrangères") speak with one voice.
                tr!(
                    lang,
                    "le choix faux `{choice}` fait partie de la réponse `{answer}` ou parle pour elle (même institution)\u{a0}: deux bonnes réponses possibles",
                    "the wrong choice `{choice}` is part of the answer `{answer}` or speaks for it (one body): two right answers",
                )
            } else {
                continue;
            };
            findings.warning(question.line, Some(&question.id), message);
        }
    }
}

/// The warnings `check` gives about the questions themselves (advice, two
/// right answers), for `draft`, which keeps no question `check` would warn on.
pub(crate) fn question_warnings(questions: &[Question], findings: &mut Findings) {
    advise(questions, findings);
    two_right_answers(questions, findings);
}

/// Warnings: questions that work but teach less than they could.
fn advise(questions: &[Question], findings: &mut Findings) {
    let lang = findings.lang();
    let mut prompts: HashMap<String, &Question> = HashMap::new();
    for question in questions {
        let id = Some(question.id.as_str());
        let prompt = fold_answer(&question.prompt());
        if let Some(first) = prompts.get(&prompt) {
            let (first, line) = (&first.id, first.line);
            findings.warning(
                question.line,
                id,
                tr!(
                    lang,
                    "l’énoncé répète la question `{first}` (ligne {line})",
                    "the prompt repeats question `{first}` (line {line})",
                ),
            );
        } else {
            prompts.insert(prompt.clone(), question);
        }
        if let Some(choices) = question.kind.as_choices() {
            let lengths: Vec<usize> = choices.options.iter().map(|c| c.chars().count()).collect();
            let longest_wrong = (0..lengths.len())
                .filter(|i| !choices.correct.contains(i))
                .map(|i| lengths[i])
                .max()
                .unwrap_or(0);
            if let Some(&right) = choices.correct.iter().map(|&i| &lengths[i]).max()
                && choices.correct.len() == 1
                && right * 10 > longest_wrong * 18
                && right > longest_wrong + 20
            {
                findings.warning(question.line, id, tr!(
                    lang,
                    "le bon choix est bien plus long que les autres ({right} caractères contre {longest_wrong} au plus)\u{a0}: les élèves peuvent le deviner à sa longueur",
                    "the right choice is much longer than the others ({right} characters against at most {longest_wrong}): students can guess it from its length",
                ));
            }
            if !choices.keep_order
                && let Some(all) = choices.options.iter().find(|c| is_catch_all(c))
            {
                findings.warning(
                    question.line,
                    id,
                    tr!(
                        lang,
                        "`{all}` n’a de sens qu’à une place fixe\u{a0}: ajoutez `keep_order: true`",
                        "`{all}` only makes sense in a fixed place: add `keep_order: true`",
                    ),
                );
            }
        }
        if let Some(answer) = question.stated_answer() {
            answer_in_prompt(&question.prompt(), answer, question, findings);
        }
    }
}

fn answer_in_prompt(prompt: &str, answer: &str, question: &Question, findings: &mut Findings) {
    // The whole answer, word for word, inside the prompt: a giveaway. Shared
    // single words ("article") are too common to mean anything.
    let answer = words(answer);
    let prompt = words(prompt);
    let significant = answer.iter().any(|w| w.chars().count() > 3);
    if significant && prompt.windows(answer.len()).any(|w| w == answer.as_slice()) {
        let answer = answer.join(" ");
        let message = tr!(
            findings.lang(),
            "la réponse `{answer}` figure déjà dans l’énoncé",
            "the answer `{answer}` is already in the prompt",
        );
        findings.warning(question.line, Some(&question.id), message);
    }
}

fn is_catch_all(choice: &str) -> bool {
    let folded = fold_answer(choice);
    [
        "toutes ces reponses",
        "aucune ces reponses",
        "all of above",
        "none of above",
        "toutes reponses ci dessus",
        "aucune reponses ci dessus",
    ]
    .iter()
    .any(|p| folded.contains(p))
}

/// What `check` found over all the banks it was given.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    /// Every finding, file by file.
    pub diagnostics: Vec<Diagnostic>,
    /// Banks checked.
    pub banks: usize,
    /// Questions read in them.
    pub questions: usize,
    /// How many findings are errors.
    pub errors: usize,
    /// How many are warnings.
    pub warnings: usize,
    /// The language the banks' findings share, French (the default
    /// interface language) when they differ.
    #[serde(skip)]
    pub lang: Option<Lang>,
}

impl Report {
    /// Findings about a file that was not read as a bank (a broken link):
    /// counted as findings, not as a bank checked.
    fn add_unread(&mut self, diagnostics: Vec<Diagnostic>) {
        self.errors += diagnostics.iter().filter(|d| d.is_error()).count();
        self.warnings += diagnostics.iter().filter(|d| !d.is_error()).count();
        self.diagnostics.extend(diagnostics);
    }

    fn add(&mut self, diagnostics: Vec<Diagnostic>, questions: usize, lang: Lang) {
        self.lang = match (self.banks, self.lang) {
            (0, _) => Some(lang),
            (_, Some(seen)) if seen == lang => Some(lang),
            _ => Some(Lang::Fr),
        };
        self.banks += 1;
        self.questions += questions;
        self.errors += diagnostics.iter().filter(|d| d.is_error()).count();
        self.warnings += diagnostics.iter().filter(|d| !d.is_error()).count();
        self.diagnostics.extend(diagnostics);
    }
}

/// Checks the banks at `paths` (files, or folders searched for `*.yaml`), or
/// the shipped bank when `paths` is empty; articles must lie inside `root`
/// (by default each bank's own folder). Findings speak `interface` (`--lang`)
/// when given, else each bank's language (see [`check_file_in`]).
pub fn check_paths(
    paths: &[PathBuf],
    root: Option<&Path>,
    interface: Option<Lang>,
) -> Result<Report> {
    let mut report = Report::default();
    if paths.is_empty() {
        let checked = check_file_in(&BankFile::shipped(), None, interface);
        report.add(checked.diagnostics, checked.questions, checked.lang);
        return Ok(report);
    }
    // What is found before a bank is read speaks `--lang`, else French.
    let lang = interface.unwrap_or(Lang::Fr);
    for path in paths {
        if let Some(file) = BankFile::shipped_by_path(path) {
            let checked = check_file_in(&file, root, interface);
            report.add(checked.diagnostics, checked.questions, checked.lang);
            continue;
        }
        let (files, broken) = bank_files(path)?;
        for (link, why) in broken {
            let mut findings = Findings::new(crate::console::shown(&link).to_string(), lang);
            let target = fs::read_link(&link).unwrap_or_default();
            let target = crate::console::shown(target);
            let message = if why.raw_os_error() == Some(libc::ELOOP) {
                tr!(
                    lang,
                    "ce lien symbolique (vers `{target}`) tourne en boucle\u{a0}: aucune banque n’a été vérifiée ici",
                    "this symbolic link (to `{target}`) loops back on itself: no bank was checked here",
                )
            } else {
                tr!(
                    lang,
                    "ce lien symbolique mène à `{target}`, qui n’existe pas\u{a0}: aucune banque n’a été vérifiée ici",
                    "this symbolic link leads to `{target}`, which does not exist: no bank was checked here",
                )
            };
            findings.warning(1, None, message);
            report.add_unread(findings.list);
        }
        if files.is_empty() {
            let mut findings = Findings::new(crate::console::shown(path).to_string(), lang);
            findings.error(
                1,
                None,
                tr!(
                    lang,
                    "aucune banque ici\u{a0}: une banque est un fichier `*.yaml`",
                    "no bank here: a bank is a `*.yaml` file",
                ),
            );
            report.add(findings.list, 0, lang);
        }
        for file in files {
            match BankFile::read(&file, interface)? {
                Ok(bank) => {
                    let checked = check_file_in(&bank, root, interface);
                    report.add(checked.diagnostics, checked.questions, checked.lang);
                }
                Err(diagnostic) => report.add(vec![diagnostic], 0, lang),
            }
        }
    }
    Ok(report)
}

/// A `*.yaml` link that leads nowhere, and why.
type BrokenLink = (PathBuf, std::io::Error);

/// The bank files at `path`: itself, or the `*.yaml`/`*.yml` files below it,
/// sorted. Symlinks are followed, but each real folder is entered once and
/// each real file listed once, so a symlink loop neither hangs the walk nor
/// counts a bank twice. Also returns the `*.yaml` links that lead nowhere
/// (dangling, or a loop), with why, to be reported rather than skipped.
fn bank_files(path: &Path) -> Result<(Vec<PathBuf>, Vec<BrokenLink>)> {
    let read_error = |path: &Path| {
        let path = path.to_owned();
        move |source| Error::Read { path, source }
    };
    let metadata = fs::metadata(path).map_err(read_error(path))?;
    if !metadata.is_dir() {
        return Ok((vec![path.to_owned()], Vec::new()));
    }
    let mut found = Vec::new();
    let mut broken = Vec::new();
    let mut entered = HashSet::new();
    let mut listed = HashSet::new();
    let mut pending = vec![path.to_owned()];
    while let Some(dir) = pending.pop() {
        let real = fs::canonicalize(&dir).map_err(read_error(&dir))?;
        if !entered.insert(real) {
            continue;
        }
        let entries = fs::read_dir(&dir).map_err(read_error(&dir))?;
        for entry in entries.flatten() {
            let path = entry.path();
            let is_bank = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
            // A dangling or looping symlink has no metadata: nothing to
            // check there, but a bank the user meant may be missing.
            let metadata = match fs::metadata(&path) {
                Ok(metadata) => metadata,
                Err(why) => {
                    if is_bank {
                        broken.push((path, why));
                    }
                    continue;
                }
            };
            if metadata.is_dir() {
                pending.push(path);
            } else if is_bank
                && listed.insert(fs::canonicalize(&path).unwrap_or_else(|_| path.clone()))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    broken.sort_by(|a, b| a.0.cmp(&b.0));
    Ok((found, broken))
}

/// The last line of `check`: what was checked and found.
pub fn summary(lang: Lang, report: &Report) -> String {
    let c = |n, one, many| crate::i18n::count(lang, n, one, many);
    match lang {
        Lang::Fr => format!(
            "{} vérifiée{} ({})\u{A0}: {}, {}",
            c(report.banks, "banque", "banques"),
            if report.banks > 1 { "s" } else { "" },
            c(report.questions, "question", "questions"),
            c(report.errors, "erreur", "erreurs"),
            c(report.warnings, "avertissement", "avertissements"),
        ),
        Lang::En => format!(
            "checked {} ({}): {}, {}",
            c(report.banks, "bank", "banks"),
            c(report.questions, "question", "questions"),
            c(report.errors, "error", "errors"),
            c(report.warnings, "warning", "warnings"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn long_quotes_are_cut_between_words() {
        let quote = "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf vingt vingt-et-un";
        assert_eq!(shorten("court\n  et net"), "court et net");
        let short = shorten(&quote.repeat(2));
        assert!(short.chars().count() <= SHOWN_QUOTE + 3, "{short}");
        assert!(
            short.starts_with("un deux trois") && short.ends_with("vingt vingt-et-un"),
            "{short}"
        );
        assert!(short.contains(" … "), "{short}");
        assert!(shorten(&"x".repeat(10_000)).chars().count() <= SHOWN_QUOTE + 3);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Whatever a teacher's editor does to a bank (a slice cut out,
        /// characters pasted in), checking it reports and never panics.
        #[test]
        fn a_damaged_bank_never_panics(cut in any::<prop::sample::Index>(), len in 0usize..400, paste in ".{0,12}") {
            let mut text = shipped::BANK.to_owned();
            let mut start = cut.index(text.len());
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + len).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(start..end, &paste);
            let file = BankFile { label: "bank.yaml".to_owned(), text, path: None };
            let checked = check_file(&file);
            prop_assert!(checked.bank.is_some() || checked.diagnostics.iter().any(Diagnostic::is_error));
        }
    }
}
