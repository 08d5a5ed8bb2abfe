//! clap's usage errors in French: the error word, the message for the
//! mistakes a newcomer makes (an unknown flag, a bad value, a missing
//! argument, an unknown subcommand), the usage line and the closing hint.

use std::fmt::Write as _;
use std::io::{self, Write};

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::lang::Lang;

/// Prints what clap stopped on: help and version as clap writes them (the
/// help is already in `lang`), a usage error in `lang`.
pub fn print(error: &clap::Error, lang: Lang) -> io::Result<()> {
    let shown = matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    );
    if lang == Lang::En || shown {
        return error.print();
    }
    let text = french(error);
    if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        // The help, on standard error as clap puts it.
        let mut err = io::stderr().lock();
        return err.write_all(text.as_bytes()).and_then(|()| err.flush());
    }
    let mut err = io::stderr().lock();
    err.write_all(text.as_bytes())?;
    err.flush()
}

/// The error's text in French.
pub fn french(error: &clap::Error) -> String {
    let english = error.render().to_string();
    if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        return english;
    }
    // The usage and what follows it are clap's own: translate their words.
    let tail = english
        .find("\nUsage: ")
        .or_else(|| english.find("\nFor more information"));
    let (head, usage) = match tail {
        Some(at) => english.split_at(at),
        None => (english.as_str(), ""),
    };
    let head = message(error).unwrap_or_else(|| {
        head.replacen("error: ", "erreur\u{a0}: ", 1)
            .replace("\n  tip: ", "\n  conseil\u{a0}: ")
    });
    let usage = usage
        .replacen("\nUsage: ", "\nUtilisation\u{a0}: ", 1)
        .replace(
            "For more information, try '--help'.",
            "Pour en savoir plus\u{a0}: «\u{a0}--help\u{a0}».",
        );
    format!("{}{usage}", head.trim_end_matches('\n').to_owned() + "\n")
}

/// The French message of the commonest kinds, from the error's context.
fn message(error: &clap::Error) -> Option<String> {
    let get = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => Some(list.join(", ")),
        _ => None,
    };
    let quoted = |s: &str| format!("«\u{a0}{s}\u{a0}»");
    let mut text = match error.kind() {
        ErrorKind::UnknownArgument => {
            format!(
                "argument inattendu {}",
                quoted(&get(ContextKind::InvalidArg)?)
            )
        }
        ErrorKind::InvalidValue => {
            let value = get(ContextKind::InvalidValue).unwrap_or_default();
            let arg = get(ContextKind::InvalidArg)?;
            if value.is_empty() {
                format!("il manque une valeur à {}", quoted(&arg))
            } else {
                format!("valeur {} invalide pour {}", quoted(&value), quoted(&arg))
            }
        }
        ErrorKind::ValueValidation => {
            let value = get(ContextKind::InvalidValue)?;
            let arg = get(ContextKind::InvalidArg)?;
            let why = std::error::Error::source(error).map(ToString::to_string);
            let why = why.as_deref().map(range).unwrap_or_default();
            format!(
                "valeur {} invalide pour {}{why}",
                quoted(&value),
                quoted(&arg)
            )
        }
        ErrorKind::InvalidSubcommand => {
            format!(
                "sous-commande inconnue\u{a0}: {}",
                quoted(&get(ContextKind::InvalidSubcommand)?)
            )
        }
        ErrorKind::MissingRequiredArgument => {
            let Some(ContextValue::Strings(list)) = error.get(ContextKind::InvalidArg) else {
                return None;
            };
            let mut text = String::from("ces arguments obligatoires manquent\u{a0}:");
            for arg in list {
                let _ = write!(text, "\n  {arg}");
            }
            text
        }
        ErrorKind::ArgumentConflict => {
            let arg = get(ContextKind::InvalidArg)?;
            match get(ContextKind::PriorArg) {
                Some(prior) if prior == arg => {
                    format!("l’argument {} ne se donne qu’une fois", quoted(&arg))
                }
                Some(prior) => format!(
                    "l’argument {} ne va pas avec {}",
                    quoted(&arg),
                    quoted(&prior)
                ),
                None => format!(
                    "l’argument {} ne va pas avec un des autres arguments",
                    quoted(&arg)
                ),
            }
        }
        ErrorKind::MissingSubcommand => {
            let name = get(ContextKind::InvalidSubcommand)?;
            let mut text = format!("{} attend une sous-commande", quoted(&name));
            if let Some(valid) = get(ContextKind::ValidSubcommand) {
                let _ = write!(text, "\n  [sous-commandes\u{a0}: {valid}]");
            }
            text
        }
        _ => return None,
    };
    if let Some(valid) = get(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
        let _ = write!(text, "\n  [valeurs possibles\u{a0}: {valid}]");
    }
    let mut tips = Vec::new();
    if let Some(ContextValue::String(s)) = error.get(ContextKind::SuggestedArg) {
        tips.push(format!("un argument proche existe\u{a0}: {}", quoted(s)));
    }
    if let Some(ContextValue::String(s)) = error.get(ContextKind::SuggestedValue) {
        tips.push(format!("une valeur proche existe\u{a0}: {}", quoted(s)));
    }
    if let Some(ContextValue::Strings(s)) = error.get(ContextKind::SuggestedSubcommand) {
        tips.push(format!(
            "une sous-commande proche existe\u{a0}: {}",
            quoted(&s.join(", "))
        ));
    }
    if let Some(ContextValue::String(s)) = error.get(ContextKind::TrailingArg) {
        tips.push(format!(
            "pour passer {} comme valeur, écrivez «\u{a0}-- {s}\u{a0}»",
            quoted(s)
        ));
    }
    let mut out = format!("erreur\u{a0}: {text}\n");
    if !tips.is_empty() {
        out.push('\n');
        for tip in tips {
            let _ = writeln!(out, "  conseil\u{a0}: {tip}");
        }
    }
    Some(out)
}

/// clap's reason for a number out of range (`0 is not in 1..=676`) in
/// French, after a colon; another reason as clap gives it.
fn range(why: &str) -> String {
    let french = why
        .split_once(" is not in ")
        .and_then(|(value, range)| {
            let (low, high) = range.split_once("..=")?;
            Some(format!("{value} n’est pas entre {low} et {high}"))
        })
        .or_else(|| {
            why.starts_with("invalid digit")
                .then(|| "ce n’est pas un nombre entier positif".to_owned())
        });
    format!("\u{a0}: {}", french.unwrap_or_else(|| why.to_owned()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_range_reads_in_french_and_another_reason_stays() {
        assert_eq!(
            super::range("0 is not in 1..=676"),
            "\u{a0}: 0 n’est pas entre 1 et 676"
        );
        assert_eq!(
            super::range("invalid digit found in string"),
            "\u{a0}: ce n’est pas un nombre entier positif"
        );
        assert_eq!(super::range("too large"), "\u{a0}: too large");
    }
}
