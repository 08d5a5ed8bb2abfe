//! Which language the interface speaks before any bank is read: `--help`,
//! `man`, clap's usage errors, and errors about a bank that cannot be read.
//!
//! The rule, for help and messages alike: `--lang` on the command line, else
//! the bank's `language:` once a bank is read (see `cmd::Globals`), else the
//! locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) when it is French or English,
//! else French. French last because the users are French teachers, whose
//! shipped bank and messages are French; a machine left at `C` or `POSIX`
//! (a fresh container, a school's locked-down PC) says nothing about them.

use std::ffi::{OsStr, OsString};

use crate::lang::Lang;

/// The value of `--lang` on the command line (`--lang fr`, `--lang=en`),
/// found before clap parses it, since `--help` stops clap before it gets
/// there. The last one wins (clap then refuses a second `--lang`, in the
/// language of that last one); a bad value is clap’s to refuse.
pub fn lang_arg<S: AsRef<OsStr>>(args: &[S]) -> Option<Lang> {
    let mut found = None;
    let mut args = args.iter().map(|a| a.as_ref().to_string_lossy());
    while let Some(arg) = args.next() {
        let value = match arg.as_ref() {
            // After `--`, everything is a value (an article named `--lang`).
            "--" => break,
            "--lang" => args.next().map(|v| v.into_owned()),
            other => other.strip_prefix("--lang=").map(str::to_owned),
        };
        match value.as_deref() {
            Some("fr") => found = Some(Lang::Fr),
            Some("en") => found = Some(Lang::En),
            _ => {}
        }
    }
    found
}

/// The language of a locale as POSIX reads it: the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set and not empty decides; it counts
/// when it is French (`fr`, `fr_FR.UTF-8`, `fr_CA`…) or English.
pub fn locale_lang(var: impl Fn(&str) -> Option<OsString>) -> Option<Lang> {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| var(name))
        .find(|value| !value.is_empty())?;
    let locale = locale.to_string_lossy();
    let language = locale
        .split(['_', '.', '@', '-'])
        .next()
        .unwrap_or_default();
    match language.to_ascii_lowercase().as_str() {
        "fr" => Some(Lang::Fr),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The environment's language: [`locale_lang`] of this process's variables.
pub fn environment_lang() -> Option<Lang> {
    locale_lang(|name| std::env::var_os(name))
}

/// The interface language before a bank is read: `--lang`, else the
/// environment's locale when French or English, else French.
pub fn interface_lang<S: AsRef<OsStr>>(args: &[S]) -> Lang {
    lang_arg(args).or_else(environment_lang).unwrap_or(Lang::Fr)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn the_lang_flag_is_found_in_both_spellings_and_the_last_wins() {
        assert_eq!(
            lang_arg(&["mediaquiz", "--lang", "en", "--help"]),
            Some(Lang::En)
        );
        assert_eq!(lang_arg(&["mediaquiz", "--lang=fr", "man"]), Some(Lang::Fr));
        assert_eq!(
            lang_arg(&["x", "--lang", "en", "--lang", "fr"]),
            Some(Lang::Fr)
        );
        assert_eq!(lang_arg(&["x", "--lang", "de"]), None);
        assert_eq!(lang_arg(&["x", "--lang"]), None);
        assert_eq!(lang_arg(&["x", "draft", "--", "--lang", "en"]), None);
    }

    #[test]
    fn the_locale_counts_when_french_or_english_in_posix_order() {
        assert_eq!(locale_lang(env(&[("LANG", "fr_FR.UTF-8")])), Some(Lang::Fr));
        assert_eq!(locale_lang(env(&[("LANG", "en_GB.UTF-8")])), Some(Lang::En));
        assert_eq!(locale_lang(env(&[("LANG", "fr")])), Some(Lang::Fr));
        assert_eq!(locale_lang(env(&[("LANG", "C")])), None);
        assert_eq!(locale_lang(env(&[("LANG", "C.UTF-8")])), None);
        assert_eq!(locale_lang(env(&[("LANG", "de_DE.UTF-8")])), None);
        assert_eq!(locale_lang(env(&[])), None);
        // LC_ALL overrides LC_MESSAGES, which overrides LANG; empty is unset.
        let both = [("LC_ALL", "en_US.UTF-8"), ("LANG", "fr_FR.UTF-8")];
        assert_eq!(locale_lang(env(&both)), Some(Lang::En));
        let messages = [("LC_ALL", ""), ("LC_MESSAGES", "fr_BE"), ("LANG", "en_US")];
        assert_eq!(locale_lang(env(&messages)), Some(Lang::Fr));
        // A German LC_ALL is not skipped for an English LANG: it decides.
        let german = [("LC_ALL", "de_DE"), ("LANG", "en_US")];
        assert_eq!(locale_lang(env(&german)), None);
    }
}
