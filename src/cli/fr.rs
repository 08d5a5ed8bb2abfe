//! The command line's help in French: the clap definition of [`super::Cli`]
//! keeps its English doc comments (what `--lang en` shows), and this module
//! walks the built `Command`, replacing every about, argument help, value
//! description, heading and example with its French text from the tables
//! below.
//!
//! A new flag or subcommand needs one line in [`ARGS`] or [`SUBCOMMANDS`] (and
//! in [`VALUES`] for a new value with a description): `missing` lists what
//! lacks one, and a test fails on it, so nothing slips in English-only.

use clap::builder::{PossibleValue, Str, StyledStr};
use clap::{Arg, Command};

/// A subcommand's French texts: its name, what it does, and what follows its
/// options (examples), when the English has something there.
struct Subcommand {
    name: &'static str,
    about: &'static str,
    after_help: Option<&'static str>,
}

/// The top-level command's description.
const ABOUT: &str = "Faire d’un article de presse un entraînement à l’éducation aux médias\u{a0}: \
banques de questions vérifiées, fiches imprimables avec corrigés, quiz en console et révision espacée";

/// Every subcommand, in French.
const SUBCOMMANDS: &[Subcommand] = &[
    Subcommand {
        name: "check",
        about: "Vérifier des banques\u{a0}: leur structure, et chaque citation face à l’article",
        after_help: Some(
            "Exemples\u{a0}:\n  mediaquiz check                         la banque fournie\n  mediaquiz check ma-banque.yaml banques/ des fichiers et des dossiers\n  mediaquiz check --format json x.yaml    pour les éditeurs et les scripts",
        ),
    },
    Subcommand {
        name: "stats",
        about: "Compter les questions d’une banque par compétence, type et difficulté",
        after_help: None,
    },
    Subcommand {
        name: "worksheet",
        about: "Écrire des fiches imprimables et leurs corrigés (HTML, et PDF au choix)",
        after_help: Some(
            "Exemples\u{a0}:\n  mediaquiz worksheet ma-banque.yaml --versions 2 --pdf\n  mediaquiz worksheet -n 12 --versions 3 --seed 7\n  mediaquiz worksheet --skill sourcing --skill numbers -n 6 --pdf\n  mediaquiz worksheet ma-banque.yaml --paper letter --no-article",
        ),
    },
    Subcommand {
        name: "flashcards",
        about: "Écrire des cartes recto verso à imprimer (HTML, et PDF au choix)\u{a0}: 8 cartes par page",
        after_help: Some(
            "Recto verso\u{a0}: `long` (par défaut) pour une imprimante qui retourne la feuille sur le bord long,\n`short` sur le bord court, `fold` sans recto verso (recto à côté du verso, à plier au milieu).\n\nExemples\u{a0}:\n  mediaquiz flashcards --pdf                     toutes les questions, A4, recto verso bord long\n  mediaquiz flashcards --skill sourcing --duplex short --out sources.html",
        ),
    },
    Subcommand {
        name: "quiz",
        about: "Faire un quiz dans la console (marche aussi avec des réponses envoyées par un tube)",
        after_help: Some(
            "Réponses\u{a0}: des lettres pour les choix (b, a c), v/f pour vrai ou faux,\na/c/n pour ce que dit l’article (affirmé, contredit, non mentionné),\ndes mots pour les réponses courtes et les trous, 1b 2a 3c pour associer,\n3 1 2 4 pour ordonner\u{a0}; q pour quitter.\n\nExemple\u{a0}:\n  mediaquiz quiz -n 5 --skill wording --retry",
        ),
    },
    Subcommand {
        name: "review",
        about: "Réviser la banque en cartes, espacées sur plusieurs jours (la progression est enregistrée)",
        after_help: Some(
            "Entrée montre la réponse\u{a0}; notez 1 (à revoir), 2 (difficile), 3 (bien) ou 4 (facile)\u{a0}; q quitte.\nChaque note est enregistrée aussitôt.\n\nExemple\u{a0}:\n  mediaquiz review --new 5",
        ),
    },
    Subcommand {
        name: "completions",
        about: "Écrire la complétion pour un shell (bash, zsh, fish, elvish, powershell)",
        after_help: None,
    },
    Subcommand {
        name: "draft",
        about: "Rédiger un brouillon de banque à partir d’un article (page web enregistrée, texte collé ou entrée standard), à relire par l’enseignant·e",
        after_help: Some(
            "Ce que l’article ne peut pas fournir est écrit `TODO`\u{a0}: `mediaquiz check` les compte.\n\nExemples\u{a0}:\n  mediaquiz draft article.html              écrit article.yaml, et l’article nettoyé à côté\n  mediaquiz draft article.txt --findings -  affiche aussi ce qui a été trouvé, en JSON\n  mediaquiz draft depeche.md --out banque.yaml --force\n\nChaque question rédigée porte `draft: true`\u{a0}: fiches, corrigés, quiz et exports la laissent de côté\njusqu’à ce que vous l’ayez relue et ayez supprimé cette ligne (ou ajoutez `--include-drafts`).",
        ),
    },
    Subcommand {
        name: "man",
        about: "Écrire la page de manuel (roff)\u{a0}: `mediaquiz man > mediaquiz.1`",
        after_help: None,
    },
    Subcommand {
        name: "schema",
        about: "Écrire le schéma JSON du format des banques, pour les éditeurs\u{a0}: `mediaquiz schema > mediaquiz.schema.json`",
        after_help: None,
    },
    Subcommand {
        name: "allow",
        about: "Autoriser une banque à lire son article hors de son dossier, une fois pour toutes (sans `--root` à chaque fois)",
        after_help: Some(
            "L’autorisation est la vôtre, gardée dans votre dossier de données (jamais dans la banque, qu’un collègue a pu vous envoyer)\u{a0}:\nelle nomme ce fichier de banque et son article. Déplacer la banque, ou la faire pointer vers un autre fichier, redemande.\n\nExemples\u{a0}:\n  mediaquiz allow banques/ma-banque.yaml        quand l’article est rangé dans ../articles/\n  mediaquiz allow --list\n  mediaquiz allow --forget banques/ma-banque.yaml",
        ),
    },
    Subcommand {
        name: "export",
        about: "Exporter la banque pour Moodle (XML ou GIFT), Anki, Canvas (QTI), en JSON, en Markdown, ou en page d’autoévaluation hors ligne (html)",
        after_help: Some(
            "Exemples\u{a0}:\n  mediaquiz export --format moodle --out lere.xml  Moodle, Éléa\u{a0}: Banque de questions › Importer\n  mediaquiz export --format gift > lere.gift       Moodle\u{a0}: Banque de questions › Importer › GIFT\n  mediaquiz export --format anki --out lere.apkg   Anki\u{a0}: double-cliquez sur le fichier\n  mediaquiz export --format qti --out lere.zip     Canvas\u{a0}: Paramètres › Importer du contenu\n  mediaquiz export --format markdown --skill sourcing\n  mediaquiz export --format html --out quiz.html   une page d’entraînement hors ligne, sur téléphone",
        ),
    },
];

/// Every argument's help, keyed by subcommand (`""`: the top level, whose
/// options every subcommand takes; `"*"`: the same id in every subcommand
/// that has no line of its own) and argument id (the field's name).
const ARGS: &[(&str, &str, &str)] = &[
    (
        "",
        "bank",
        "Banque de questions\u{a0}: un fichier YAML, ou l’identifiant d’une banque fournie\u{a0}: `lere` (en français, par défaut) ou `lere-en` (en anglais)",
    ),
    (
        "",
        "lang",
        "Langue de l’interface\u{a0}; par défaut\u{a0}: celle de la banque, sinon celle du système (LC_ALL, LC_MESSAGES, LANG) si c’est le français ou l’anglais, sinon le français",
    ),
    (
        "",
        "root",
        "Dossier dont le `source.file` d’une banque ne doit pas sortir\u{a0}; par défaut\u{a0}: le dossier de la banque",
    ),
    (
        "",
        "include_drafts",
        "Imprimer, interroger et exporter aussi les questions encore marquées `draft: true` (pas encore relues)",
    ),
    (
        "*",
        "bank_arg",
        "La banque (comme `--bank`)\u{a0}: un fichier YAML, ou l’identifiant d’une banque fournie",
    ),
    (
        "check",
        "paths",
        "Fichiers de banque, ou dossiers où chercher les `*.yaml`\u{a0}; par défaut\u{a0}: la banque fournie",
    ),
    ("check", "format", "Format de sortie"),
    (
        "draft",
        "article",
        "L’article\u{a0}: une page web enregistrée (.html), ou du texte (une ligne de titre, puis les paragraphes)\u{a0}; `-` lit l’entrée standard",
    ),
    (
        "draft",
        "out",
        "La banque à écrire (par défaut\u{a0}: le nom de l’article avec `.yaml`)",
    ),
    ("draft", "force", "Remplacer la banque si elle existe déjà"),
    (
        "allow",
        "allow_bank",
        "La banque à autoriser (comme `--bank`)",
    ),
    (
        "allow",
        "list",
        "Lister les banques autorisées à lire hors de leur dossier",
    ),
    ("allow", "forget", "Retirer l’autorisation de cette banque"),
    (
        "draft",
        "findings",
        "Écrire aussi ce qui a été trouvé (attributions, chiffres, mots connotés) en JSON\u{a0}; `-`\u{a0}: la sortie standard",
    ),
    (
        "draft",
        "model",
        "Interroger aussi ce modèle de langue (point d’accès compatible OpenAI), en ne gardant que ce qui se vérifie",
    ),
    (
        "draft",
        "endpoint",
        "Le point d’accès chat-completions du modèle, jusqu’à `/v1`\u{a0}; clé dans `MEDIAQUIZ_API_KEY`",
    ),
    (
        "draft",
        "timeout",
        "Le temps maximal laissé au modèle, en secondes (un modèle local sur processeur prend des minutes)",
    ),
    (
        "*",
        "count",
        "Combien de questions [par défaut\u{a0}: 10, ou toutes celles qui conviennent s’il y en a moins]",
    ),
    (
        "*",
        "seed",
        "Graine du mélange (par défaut\u{a0}: tirée au hasard, et affichée)\u{a0}: la même graine donne le même résultat",
    ),
    (
        "*",
        "skills",
        "Seulement les questions qui entraînent cette compétence (répétable)",
    ),
    (
        "*",
        "types",
        "Seulement les questions de ce type (répétable)\u{a0}; les cartes (`card`) sont pour `review`",
    ),
    (
        "*",
        "difficulties",
        "Seulement les questions de cette difficulté, de 1 à 3 (répétable)",
    ),
    (
        "*",
        "tags",
        "Seulement les questions qui ont ce tag (répétable)",
    ),
    (
        "worksheet",
        "versions",
        "Combien de versions (A, B, C…\u{a0}; au-delà de 26\u{a0}: AA, AB… jusqu’à 676)\u{a0}: mêmes questions, dans d’autres ordres",
    ),
    ("worksheet", "out", "Dossier où écrire les fiches"),
    (
        "worksheet",
        "full_keys",
        "Avec --versions\u{a0}: le corrigé complet de chaque version (explications, citations, barèmes), au lieu d’un corrigé d’une page par version et d’un seul corrigé expliqué",
    ),
    (
        "*",
        "paper",
        "Format du papier (en majuscules ou non\u{a0}: A4 ou a4)",
    ),
    (
        "worksheet",
        "pdf",
        "Imprimer aussi chaque page en PDF avec Chromium, Chrome ou Edge ($CHROME, le PATH, ou l’emplacement d’installation)",
    ),
    (
        "worksheet",
        "no_article",
        "Ne pas mettre l’article sur la fiche",
    ),
    (
        "flashcards",
        "count",
        "Combien de cartes (par défaut\u{a0}: toutes les questions qui passent les filtres)",
    ),
    (
        "flashcards",
        "seed",
        "Graine du mélange (par défaut\u{a0}: tirée au hasard, et affichée)\u{a0}: la même graine donne le même fichier",
    ),
    (
        "flashcards",
        "types",
        "Seulement les questions de ce type (répétable)",
    ),
    ("flashcards", "out", "Le fichier HTML à écrire"),
    (
        "flashcards",
        "duplex",
        "Où vont les versos\u{a0}: pour un recto verso retourné sur le bord long ou court, ou à plier",
    ),
    (
        "flashcards",
        "pdf",
        "L’imprimer aussi en PDF avec un Chromium installé ($CHROME ou le PATH)",
    ),
    ("quiz", "retry", "Reposer à la fin les questions manquées"),
    (
        "review",
        "state",
        "Fichier de progression (par défaut\u{a0}: review.json dans votre dossier de données)",
    ),
    ("review", "new_per_day", "Nouvelles cartes par jour"),
    (
        "review",
        "reset",
        "Repartir de zéro\u{a0}: mettre le fichier de progression de côté sous le nom FICHIER.bak et recommencer",
    ),
    ("export", "format", "Ce qu’il faut produire"),
    (
        "export",
        "out",
        "Fichier à écrire (obligatoire pour `anki` et `qti`)\u{a0}; par défaut\u{a0}: la sortie standard",
    ),
    (
        "export",
        "count",
        "Tirer ce nombre de questions (réparties entre les compétences) au lieu de tout exporter",
    ),
    (
        "export",
        "seed",
        "Graine du tirage avec `-n`, et des mélanges de la page d’autoévaluation (par défaut\u{a0}: tirée au hasard, et affichée)",
    ),
    (
        "export",
        "types",
        "Seulement les questions de ce type (répétable)",
    ),
    ("completions", "shell", "Le shell pour lequel compléter"),
];

/// The descriptions of values (`--format moodle`, `--skill sourcing`…), keyed
/// by their English text: the same value may mean two things (`json` for
/// `check` and for `export`), and an English text that changes loses its
/// French until this table follows.
const VALUES: &[(&str, &str)] = &[
    ("Français", "Français"),
    ("English", "English"),
    (
        "One line per finding: `file:line: error: message [id]`",
        "Une ligne par constat\u{a0}: `fichier:ligne: error: message [id]`",
    ),
    (
        "A JSON object with every finding and the totals",
        "Un objet JSON avec chaque constat et les totaux",
    ),
    (
        "The facts as the article states them",
        "Les faits tels que l’article les donne",
    ),
    ("Who says it, and how", "Qui le dit, et comment"),
    (
        "What is confirmed, by whom",
        "Ce qui est confirmé, et par qui",
    ),
    (
        "Reporting versus commentary",
        "Le compte rendu et le commentaire",
    ),
    (
        "Loaded, euphemistic or borrowed words",
        "Les mots connotés, euphémismes et mots repris",
    ),
    (
        "What is missing, vague or inconsistent; what to check elsewhere",
        "Ce qui manque, est vague ou incohérent\u{a0}; ce qu’il faut vérifier ailleurs",
    ),
    (
        "Whose figures, how precise",
        "De qui viennent les chiffres, et leur précision",
    ),
    ("One right choice", "Un seul bon choix"),
    ("Several right choices", "Plusieurs bons choix"),
    (
        "A statement, true or false",
        "Une affirmation, vraie ou fausse",
    ),
    (
        "What the article says of a claim: supported, contradicted or not stated",
        "Une affirmation, confirmée, contredite ou non mentionnée par l’article",
    ),
    ("A short free answer", "Une réponse libre et courte"),
    ("A text with gaps", "Un texte à trous"),
    ("Pairs to match", "Des paires à associer"),
    (
        "Items to put in order",
        "Des éléments à remettre dans l’ordre",
    ),
    ("A flashcard only", "Une carte de révision seulement"),
    (
        "A written answer scored by hand against a rubric",
        "Une réponse rédigée, notée à la main selon une grille",
    ),
    ("ISO A4, 210 × 297 mm", "A4 (ISO), 210 × 297 mm"),
    ("US Letter, 8.5 × 11 in", "Lettre US, 8,5 × 11 pouces"),
    (
        "Duplex, flipped on the long edge (the usual setting): the backs' page mirrors the columns",
        "Recto verso, bord long (le réglage habituel)\u{a0}: les versos inversent les colonnes",
    ),
    (
        "Duplex, flipped on the short edge: the backs' page mirrors the rows",
        "Recto verso, bord court\u{a0}: les versos inversent les lignes",
    ),
    (
        "No duplex: each front beside its back (4 cards a page), to fold along the middle",
        "Sans recto verso\u{a0}: recto à côté du verso (4 cartes par page), à plier au milieu",
    ),
    (
        "Moodle's GIFT text format",
        "Le format texte GIFT de Moodle",
    ),
    (
        "Moodle XML: every type as its native Moodle type, the article first",
        "XML Moodle (et Éléa)\u{a0}: chaque type dans son type Moodle, l’article en premier",
    ),
    ("An Anki deck package (`.apkg`)", "Un paquet Anki (`.apkg`)"),
    (
        "Anki's \"Import File\" text format (tab-separated, with headers)",
        "Le format texte «\u{a0}Importer\u{a0}» d’Anki (tabulations, avec en-têtes)",
    ),
    (
        "A Canvas QTI 1.2 package (zip)",
        "Un paquet QTI 1.2 pour Canvas (zip)",
    ),
    (
        "The whole bank, resolved, for other programs",
        "Toute la banque, résolue, pour d’autres programmes",
    ),
    (
        "The teacher's key in Markdown: questions with answers",
        "Le corrigé en Markdown\u{a0}: les questions et leurs réponses",
    ),
    (
        "The students' handout in Markdown: the article and the questions, no answers",
        "Le document élève en Markdown\u{a0}: l’article et les questions, sans réponses",
    ),
    (
        "The offline self-check page: one HTML file (built in `selfcheck`)",
        "La page d’autoévaluation hors ligne\u{a0}: un seul fichier HTML",
    ),
];

/// Value names (`<FILE>`, `[BANK]`) in French; one missing stays as it is.
const VALUE_NAMES: &[(&str, &str)] = &[
    ("PATH|ID", "CHEMIN|ID"),
    ("PATH", "CHEMIN"),
    ("BANK", "BANQUE"),
    ("FILE", "FICHIER"),
    ("FILE|-", "FICHIER|-"),
    ("DIR", "DOSSIER"),
    ("NAME", "NOM"),
    ("SECS", "SECONDES"),
    ("SKILL", "COMPÉTENCE"),
    ("LANG", "LANGUE"),
    ("PAPER", "PAPIER"),
    ("DUPLEX", "RECTO-VERSO"),
];

/// What the French command is for: the terminal's `--help`, or `man`,
/// whose sections clap_mangen names from the headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// `--help`, `-h`, `help`, and usage errors.
    Help,
    /// `mediaquiz man`.
    Man,
}

/// The French of a heading, with the no-break space French puts before the
/// colon clap adds.
const OPTIONS: &str = "Options\u{a0}";
/// Positional arguments' heading.
const ARGUMENTS: &str = "Arguments\u{a0}";
/// Subcommands' heading.
const COMMANDS: &str = "Commandes\u{a0}";
/// clap's default layout with the usage heading in French.
const TEMPLATE: &str =
    "{before-help}{about-with-newline}\nUtilisation\u{a0}: {usage}\n\n{all-args}{after-help}";

/// `--help`'s help when there is no long help.
const HELP: &str = "Afficher l’aide";
/// `-h`'s help when `--help` says more.
const HELP_SHORT: &str = "Afficher l’aide (plus de détails avec «\u{a0}--help\u{a0}»)";
/// `--help`'s help when `-h` says less.
const HELP_LONG: &str = "Afficher l’aide (un résumé avec «\u{a0}-h\u{a0}»)";

/// `command` (built from [`super::Cli`]) with every text in French, built.
pub fn translate(command: Command, use_: Use) -> Command {
    let mut command = translate_command(command, "", use_);
    // clap adds `--help`, `--version` and the `help` subcommand when it
    // builds: they are translated after.
    command.build();
    translate_built(command, use_)
}

/// One command and its subcommands, before clap builds them.
fn translate_command(mut command: Command, name: &str, use_: Use) -> Command {
    if name.is_empty() {
        command = command.about(ABOUT);
    } else if let Some(sub) = SUBCOMMANDS.iter().find(|s| s.name == name) {
        command = command.about(sub.about);
        if let Some(after) = sub.after_help {
            command = command.after_help(after);
        }
    }
    command = command.long_about(None).subcommand_value_name("COMMANDE");
    if use_ == Use::Help {
        command = command
            .help_template(TEMPLATE)
            .subcommand_help_heading(COMMANDS);
    } else {
        command = command.subcommand_help_heading("SOUS-COMMANDES");
    }
    let ids: Vec<clap::Id> = command
        .get_arguments()
        .map(|a| a.get_id().clone())
        .collect();
    for id in ids {
        let help = arg_help(name, id.as_str());
        command = command.mut_arg(id, |arg| translate_arg(arg, help, use_));
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for sub in names {
        command = command.mut_subcommand(&sub, |c| translate_command(c, &sub, use_));
    }
    command
}

/// The French help of argument `id` of subcommand `name`.
fn arg_help(name: &str, id: &str) -> Option<&'static str> {
    let find = |scope: &str| {
        ARGS.iter()
            .find(|(s, i, _)| *s == scope && *i == id)
            .map(|(_, _, help)| *help)
    };
    find(name).or_else(|| find("*")).or_else(|| find(""))
}

/// The French of a value's English description.
fn value_help(english: &str) -> Option<&'static str> {
    VALUES
        .iter()
        .find(|(en, _)| *en == english)
        .map(|(_, fr)| *fr)
}

/// One argument in French: its help, and the default and the values clap
/// would print in English (`[default: …]`, `Possible values:`) written out
/// in French instead.
fn translate_arg(arg: Arg, help: Option<&'static str>, use_: Use) -> Arg {
    let Some(help) = help else {
        return arg;
    };
    let names: Vec<Str> = arg
        .get_value_names()
        .unwrap_or_default()
        .iter()
        .map(|name| {
            VALUE_NAMES
                .iter()
                .find(|(en, _)| *en == name.as_str())
                .map_or_else(|| name.clone(), |(_, fr)| Str::from(*fr))
        })
        .collect();
    let arg = if names.is_empty() {
        arg
    } else {
        arg.value_names(names)
    };
    let mut short = help.to_owned();
    if arg.get_action().takes_values() && !arg.is_hide_default_value_set() {
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() {
            short.push_str(&format!(" [par défaut\u{a0}: {}]", defaults.join(", ")));
        }
    }
    let values: Vec<PossibleValue> =
        if arg.is_hide_possible_values_set() || !arg.get_action().takes_values() {
            Vec::new()
        } else {
            arg.get_possible_values()
                .into_iter()
                .filter(|v| !v.is_hide_set())
                .collect()
        };
    let mut long = None;
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        let described: Vec<(&str, String)> = values
            .iter()
            .filter_map(|v| {
                let english = v.get_help()?.to_string();
                let french = value_help(&english).map_or(english, str::to_owned);
                Some((v.get_name(), french))
            })
            .collect();
        if described.is_empty() {
            short.push_str(&format!(" [valeurs\u{a0}: {}]", names.join(", ")));
        } else {
            let list = match use_ {
                Use::Help => {
                    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
                    described
                        .iter()
                        .map(|(name, text)| format!("- {name:width$}\u{a0}: {text}"))
                        .collect::<Vec<_>>()
                        .join("\n")
                }
                // roff fills lines: one sentence, the values separated.
                Use::Man => described
                    .iter()
                    .map(|(name, text)| format!("{name} ({text})"))
                    .collect::<Vec<_>>()
                    .join("\u{a0}; "),
            };
            long = Some(match use_ {
                Use::Help => format!("{short}\n\nValeurs possibles\u{a0}:\n{list}"),
                Use::Man => format!("{short}. Valeurs possibles\u{a0}: {list}."),
            });
            short.push_str(&format!(" [valeurs\u{a0}: {}]", names.join(", ")));
        }
    }
    let arg = if arg.get_action().takes_values() {
        arg.hide_default_value(true).hide_possible_values(true)
    } else {
        arg
    }
    .help(short);
    // Without values to describe, the English has no long help either.
    let arg = match long {
        Some(long) => arg.long_help(long),
        None => arg.long_help(None::<&str>),
    };
    heading(arg, use_)
}

/// The French section of an argument in `--help`; `man` keeps its own
/// section names (OPTIONS reads the same in French).
fn heading(arg: Arg, use_: Use) -> Arg {
    match use_ {
        Use::Help if arg.is_positional() => arg.help_heading(ARGUMENTS),
        Use::Help => arg.help_heading(OPTIONS),
        Use::Man => arg,
    }
}

/// What clap added while building, in French: `--help`, `--version` and the
/// `help` subcommand, in every command.
fn translate_built(mut command: Command, use_: Use) -> Command {
    let has = |command: &Command, id: &str| command.get_arguments().any(|a| a.get_id() == id);
    if has(&command, "help") {
        command = command.mut_arg("help", |arg| {
            let arg = if arg.get_long_help().is_some() {
                arg.help(HELP_SHORT).long_help(HELP_LONG)
            } else {
                arg.help(HELP)
            };
            heading(arg, use_)
        });
    }
    if has(&command, "version") {
        command = command.mut_arg("version", |arg| {
            heading(arg.help("Afficher la version"), use_)
        });
    }
    if has(&command, "subcommand") && command.get_name() == "help" {
        command = command.mut_arg("subcommand", |arg| {
            heading(
                arg.help("Afficher l’aide de cette commande")
                    .value_name("COMMANDE"),
                use_,
            )
        });
    }
    if command.get_name() == "help" {
        command = command.about("Afficher ce message, ou l’aide d’une commande");
        if use_ == Use::Help {
            command = command.help_template(TEMPLATE);
        }
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for sub in names {
        command = command.mut_subcommand(&sub, |c| translate_built(c, use_));
    }
    command
}

/// Every argument, value and subcommand of `command` (the English, unbuilt
/// [`super::Cli`] command) that has no French text, as `subcommand --arg`,
/// `value: English` or `subcommand`: empty when the tables are complete.
pub fn missing(command: &Command) -> Vec<String> {
    let mut missing = Vec::new();
    missing_in(command, "", &mut missing);
    missing
}

fn missing_in(command: &Command, name: &str, missing: &mut Vec<String>) {
    if !name.is_empty() {
        match SUBCOMMANDS.iter().find(|s| s.name == name) {
            None => missing.push(format!("subcommand {name}")),
            Some(sub) if sub.after_help.is_none() && command.get_after_help().is_some() => {
                missing.push(format!("{name}: after_help"));
            }
            Some(_) => {}
        }
    }
    for arg in command.get_arguments() {
        let id = arg.get_id().as_str();
        if arg_help(name, id).is_none() {
            missing.push(format!("{name} {id}"));
        }
        for value in arg.get_possible_values() {
            if let Some(help) = value.get_help().map(StyledStr::to_string)
                && value_help(&help).is_none()
            {
                missing.push(format!("{name} {id} {}: {help}", value.get_name()));
            }
        }
    }
    for sub in command.get_subcommands() {
        missing_in(sub, sub.get_name(), missing);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every French text of the tables, for the typography test.
    fn texts() -> Vec<&'static str> {
        let mut all = vec![ABOUT, HELP, HELP_SHORT, HELP_LONG];
        for sub in SUBCOMMANDS {
            all.push(sub.about);
            all.extend(sub.after_help);
        }
        all.extend(ARGS.iter().map(|(_, _, help)| *help));
        all.extend(VALUES.iter().map(|(_, fr)| *fr));
        all
    }

    #[test]
    fn the_french_is_in_french_typography() {
        for text in texts() {
            // Code spans (`fichier:ligne: error:`) stay as typed.
            let prose: String = text.split('`').step_by(2).collect();
            assert!(!prose.contains('\''), "a straight apostrophe: {text}");
            for mark in [" :", " ;", " ?", " !", " »", "« "] {
                assert!(
                    !prose.contains(mark),
                    "`{mark}` wants a no-break space: {text}"
                );
            }
        }
    }
}
