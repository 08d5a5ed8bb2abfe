//! `--help`, subcommand help, `man` and clap's usage errors in the interface
//! language: `--lang`, else the locale when French or English, else French.

use crate::util::{mediaquiz, plain, stdout_of};

/// Standard output of `mediaquiz ARGS` with `LANG=locale`, asserting `code`.
fn with_locale(locale: Option<&str>, args: &[&str], code: i32) -> String {
    let mut cmd = mediaquiz(args);
    if let Some(locale) = locale {
        cmd.env("LANG", locale);
    }
    let output = cmd.output().unwrap();
    assert_eq!(output.status.code(), Some(code), "{output:?}");
    stdout_of(&output)
}

const FRENCH_TOP: &str = "Faire d’un article de presse un entraînement";
const ENGLISH_TOP: &str = "Turn a news article into media-literacy practice";

#[test]
fn lang_fr_help_is_french() {
    let help = with_locale(None, &["--lang", "fr", "--help"], 0);
    insta::assert_snapshot!("help_fr", help);
    let help = plain(&help);
    for french in [
        "Utilisation : mediaquiz [OPTIONS] <COMMANDE>",
        "Commandes :",
        "Options :",
        "Afficher l’aide",
        "Afficher la version",
        "worksheet    Écrire des fiches imprimables",
    ] {
        assert!(help.contains(french), "{french} missing from\n{help}");
    }
    for english in [
        "Usage:",
        "Commands:",
        "Print help",
        "[default:",
        "Possible values",
    ] {
        assert!(!help.contains(english), "{english} left in\n{help}");
    }
}

#[test]
fn subcommand_help_is_french_with_its_examples_defaults_and_values() {
    let help = plain(&with_locale(
        None,
        &["--lang", "fr", "worksheet", "--help"],
        0,
    ));
    for french in [
        "Utilisation : mediaquiz worksheet [OPTIONS] [BANQUE]",
        "Arguments :",
        "Dossier où écrire les fiches [par défaut : worksheets]",
        "Valeurs possibles :",
        "- sourcing      : Qui le dit, et comment",
        "Exemples :",
        "mediaquiz worksheet ma-banque.yaml --versions 2 --pdf",
    ] {
        assert!(help.contains(french), "{french} missing from\n{help}");
    }
    let short = plain(&with_locale(None, &["--lang", "fr", "export", "-h"], 0));
    assert!(
        short.contains("[valeurs : gift, moodle, anki, anki-text, qti,"),
        "{short}"
    );
    // `help worksheet` is the same page.
    let via_help = plain(&with_locale(
        None,
        &["--lang", "fr", "help", "worksheet"],
        0,
    ));
    assert!(via_help.contains("Exemples :"), "{via_help}");
}

#[test]
fn help_follows_the_locale_when_french_or_english_else_french() {
    let top = |locale| with_locale(locale, &["--help"], 0);
    assert!(top(Some("fr_FR.UTF-8")).starts_with(FRENCH_TOP));
    assert!(top(Some("C")).starts_with(FRENCH_TOP));
    assert!(top(Some("de_DE.UTF-8")).starts_with(FRENCH_TOP));
    assert!(top(None).starts_with(FRENCH_TOP));
    assert!(top(Some("en_GB.UTF-8")).starts_with(ENGLISH_TOP));
    // `--lang` wins over the locale, both ways.
    let en = with_locale(
        Some("fr_FR.UTF-8"),
        &["--lang", "en", "worksheet", "--help"],
        0,
    );
    assert!(en.contains("Usage: mediaquiz worksheet"), "{en}");
    let fr = with_locale(
        Some("en_GB.UTF-8"),
        &["--lang", "fr", "worksheet", "--help"],
        0,
    );
    assert!(
        plain(&fr).contains("Utilisation : mediaquiz worksheet"),
        "{fr}"
    );
    // LC_ALL decides over LANG, as POSIX has it.
    let output = mediaquiz(&["--help"])
        .env("LANG", "fr_FR.UTF-8")
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .unwrap();
    assert!(stdout_of(&output).starts_with(ENGLISH_TOP));
}

#[test]
fn man_page_follows_the_interface_language() {
    let page = with_locale(None, &["--lang", "fr", "man"], 0);
    for french in [
        ".SH NOM",
        ".SH SOUS-COMMANDES",
        "Écrire des fiches imprimables",
        "Afficher l’aide",
    ] {
        assert!(page.contains(french), "{french} missing from\n{page}");
    }
    assert!(!page.contains("Print help"), "{page}");
    let page = with_locale(Some("fr_CA.UTF-8"), &["man"], 0);
    assert!(page.contains(".SH NOM"), "{page}");
    let page = with_locale(Some("en_GB.UTF-8"), &["man"], 0);
    assert!(
        page.contains(".SH NAME") && page.contains("Print help"),
        "{page}"
    );
}

#[test]
fn usage_errors_are_said_in_the_interface_language() {
    let output = mediaquiz(&["worksheet", "--frob"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = plain(&String::from_utf8_lossy(&output.stderr));
    assert_eq!(
        said,
        "erreur : argument inattendu « --frob »\n\nUtilisation : mediaquiz worksheet [OPTIONS] [BANQUE]\n\nPour en savoir plus : « --help ».\n"
    );
    let output = mediaquiz(&["worksheet", "--versions", "0"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = plain(&String::from_utf8_lossy(&output.stderr));
    assert!(
        said.starts_with(
            "erreur : valeur « 0 » invalide pour « --versions <N> » : 0 n’est pas entre 1 et 676"
        ),
        "{said}"
    );
    let output = mediaquiz(&["--lang", "en", "worksheet", "--frob"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.starts_with("error: unexpected argument '--frob' found"),
        "{said}"
    );
    // Conflicts, a flag given twice, and no subcommand: French too.
    for (args, first) in [
        (
            &["allow", "--list", "--forget", "x"][..],
            "erreur : l’argument « --list » ne va pas avec « --forget <BANQUE> »",
        ),
        (
            &["worksheet", "--pdf", "--pdf"][..],
            "erreur : l’argument « --pdf » ne se donne qu’une fois",
        ),
        (
            &["--lang", "fr"][..],
            "erreur : « mediaquiz » attend une sous-commande",
        ),
    ] {
        let output = mediaquiz(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let said = plain(&String::from_utf8_lossy(&output.stderr));
        assert!(said.starts_with(first), "{args:?}: {said}");
        assert!(!said.contains("cannot be used"), "{said}");
    }
}

#[test]
fn errors_before_a_bank_follow_the_locale_and_a_bank_its_own_language() {
    let output = mediaquiz(&["--bank", "missing.yaml", "worksheet"])
        .env("LANG", "en_GB.UTF-8")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.starts_with("error: cannot read `missing.yaml`"),
        "{said}"
    );
    // A French bank speaks French on an English machine: its sheets do.
    let output = mediaquiz(&["--bank", "valid.yaml", "stats"])
        .env("LANG", "en_GB.UTF-8")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stats = stdout_of(&output);
    let english = mediaquiz(&["--lang", "en", "--bank", "valid.yaml", "stats"])
        .output()
        .unwrap();
    assert_ne!(stats, stdout_of(&english), "the French bank spoke English");
}
