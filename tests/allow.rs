//! `mediaquiz allow`: a bank whose article sits outside its folder is refused
//! until the user allows it once; the permission lives in the user's data
//! folder (here a temporary HOME), names one bank file, and can be withdrawn.

use std::fs;
use std::path::Path;
use std::process::Output;

use assert_cmd::Command;

use crate::util::fixtures;

/// A teacher's folders: `banks/bank.yaml` reads `../articles/article.txt`;
/// `home/` is the user's home, where the data folder goes.
fn classroom() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for folder in ["banks", "articles", "home"] {
        fs::create_dir(root.join(folder)).unwrap();
    }
    fs::copy(
        fixtures().join("article.txt"),
        root.join("articles/article.txt"),
    )
    .unwrap();
    let bank = r#"title: "Essai"
language: fr
source:
  file: ../articles/article.txt
questions:
  - id: q1
    type: single
    skill: sourcing
    prompt: "Qui parle ?"
    choices: ["Un porte-parole du CSP", "L'armée malienne"]
    answer: "Un porte-parole du CSP"
    explanation: "Le CSP."
    evidence: ["selon les déclarations d'un porte-parole du CSP"]
"#;
    fs::write(root.join("banks/bank.yaml"), bank).unwrap();
    fs::write(root.join("banks/other.yaml"), bank).unwrap();
    dir
}

/// `mediaquiz ARGS` run in `dir`, with `dir/home` as the user's home and
/// data folder (Linux reads `XDG_DATA_HOME`, macOS `HOME`).
fn run(dir: &Path, args: &[&str]) -> Output {
    run_from(dir, dir, args)
}

/// `mediaquiz ARGS` run in `cwd`, the user's home being `dir/home`.
fn run_from(dir: &Path, cwd: &Path, args: &[&str]) -> Output {
    let home = dir.join("home");
    Command::new(env!("CARGO_BIN_EXE_mediaquiz"))
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("data"))
        .args(args)
        .output()
        .unwrap()
}

fn said(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
    .replace(['\u{a0}', '\u{202f}'], " ")
}

/// The command between backticks after `before` in `text`, as words.
fn command_after(text: &str, before: &str) -> Vec<String> {
    let rest = &text[text
        .find(before)
        .unwrap_or_else(|| panic!("`{before}` in {text}"))
        + before.len()..];
    let rest = rest.strip_prefix('`').unwrap();
    shlex::split(&rest[..rest.find('`').unwrap()]).unwrap()
}

#[test]
fn a_bank_allowed_once_reads_its_article_without_root() {
    let dir = classroom();
    let dir = dir.path();
    let out = dir.join("sheets");
    let out = out.to_str().unwrap();
    let refused = run(dir, &["worksheet", "banks/bank.yaml", "--out", out]);
    assert_eq!(refused.status.code(), Some(1), "{}", said(&refused));
    let text = said(&refused);
    let articles = fs::canonicalize(dir.join("articles/article.txt")).unwrap();
    assert!(
        text.contains(&format!(
            "Si vous faites confiance à cette banque, autorisez-la une fois pour toutes à lire cet article, `{}` : `mediaquiz allow banks/bank.yaml` ; ou pour cette fois seulement : `mediaquiz --root . worksheet banks/bank.yaml --out {out}`",
            articles.display()
        )),
        "{text}"
    );
    assert!(
        text.contains("erreur : la banque `banks/bank.yaml` n’a pas été lue, car son article est rangé hors de son dossier : suivez le conseil ci-dessus, puis réessayez"),
        "{text}"
    );
    assert!(!out_exists(dir), "nothing written on a refusal");

    // The teacher runs the command printed, as printed.
    let allow = command_after(&text, &format!("`{}` : ", articles.display()));
    assert_eq!(allow, ["mediaquiz", "allow", "banks/bank.yaml"]);
    let words: Vec<&str> = allow[1..].iter().map(String::as_str).collect();
    let allowed = run(dir, &words);
    assert_eq!(allowed.status.code(), Some(0), "{}", said(&allowed));
    assert!(
        said(&allowed).contains(&format!(
            "c’est noté : la banque `banks/bank.yaml` peut lire son article, `{}`, sans `--root` désormais",
            articles.display()
        )),
        "{}",
        said(&allowed)
    );
    let grants = fs::read_to_string(dir.join("home/data/mediaquiz/allowed.json"))
        .or_else(|_| {
            fs::read_to_string(dir.join("home/Library/Application Support/mediaquiz/allowed.json"))
        })
        .unwrap();
    assert!(grants.contains("bank.yaml"), "{grants}");

    // From now on the sheet is made without `--root`…
    let made = run(dir, &["worksheet", "banks/bank.yaml", "--out", out]);
    assert_eq!(made.status.code(), Some(0), "{}", said(&made));
    assert!(dir.join("sheets/worksheet-A.html").exists());
    let sheet = fs::read_to_string(dir.join("sheets/worksheet-A.html")).unwrap();
    assert!(
        sheet.contains("porte-parole du CSP"),
        "the article is on the sheet"
    );
    // … and by `check`, here and from inside the bank's folder.
    let checked = run_from(dir, &dir.join("banks"), &["check", "bank.yaml"]);
    assert_eq!(checked.status.code(), Some(0), "{}", said(&checked));

    // Another bank, even a copy beside it reading the same article, is
    // still refused: the permission names one bank file.
    let other = run(dir, &["check", "banks/other.yaml"]);
    assert_eq!(other.status.code(), Some(1), "{}", said(&other));
    assert!(said(&other).contains("`mediaquiz allow banks/other.yaml`"));

    // The bank moved: asked again.
    fs::create_dir(dir.join("moved")).unwrap();
    fs::copy(dir.join("banks/bank.yaml"), dir.join("moved/bank.yaml")).unwrap();
    let moved = run(dir, &["check", "moved/bank.yaml"]);
    assert_eq!(moved.status.code(), Some(1), "{}", said(&moved));

    // The bank now reads another folder: asked again.
    fs::create_dir(dir.join("private")).unwrap();
    fs::copy(
        dir.join("articles/article.txt"),
        dir.join("private/article.txt"),
    )
    .unwrap();
    let bank = fs::read_to_string(dir.join("banks/bank.yaml")).unwrap();
    fs::write(
        dir.join("banks/bank.yaml"),
        bank.replace("../articles/", "../private/"),
    )
    .unwrap();
    let elsewhere = run(dir, &["check", "banks/bank.yaml"]);
    assert_eq!(elsewhere.status.code(), Some(1), "{}", said(&elsewhere));
    // Another file beside the granted article (a bank saved over this one,
    // reaching for a private file): asked again, since a grant names the
    // article, not its folder.
    fs::write(dir.join("articles/secret.txt"), "SECRET\n").unwrap();
    fs::write(
        dir.join("banks/bank.yaml"),
        bank.replace("../articles/article.txt", "../articles/secret.txt"),
    )
    .unwrap();
    let beside = run(dir, &["export", "banks/bank.yaml", "--format", "moodle"]);
    assert_eq!(beside.status.code(), Some(1), "{}", said(&beside));
    assert!(!said(&beside).contains("SECRET"), "{}", said(&beside));
    fs::write(dir.join("banks/bank.yaml"), bank).unwrap();

    let listed = run(dir, &["allow", "--list"]);
    let bank_real = fs::canonicalize(dir.join("banks/bank.yaml")).unwrap();
    assert_eq!(
        said(&listed).trim(),
        format!(
            "`{}` peut lire `{}`",
            bank_real.display(),
            articles.display()
        )
    );
}

fn out_exists(dir: &Path) -> bool {
    dir.join("sheets").exists()
}

#[test]
fn a_forgotten_bank_is_refused_again() {
    let dir = classroom();
    let dir = dir.path();
    let allowed = run(dir, &["allow", "banks/bank.yaml"]);
    assert_eq!(allowed.status.code(), Some(0), "{}", said(&allowed));
    assert_eq!(
        run(dir, &["check", "banks/bank.yaml"]).status.code(),
        Some(0)
    );

    let forgot = run(dir, &["allow", "--forget", "banks/bank.yaml"]);
    assert_eq!(forgot.status.code(), Some(0), "{}", said(&forgot));
    assert!(
        said(&forgot).contains("la banque `banks/bank.yaml` n’est plus autorisée à lire"),
        "{}",
        said(&forgot)
    );
    let refused = run(dir, &["check", "banks/bank.yaml"]);
    assert_eq!(refused.status.code(), Some(1), "{}", said(&refused));
    assert!(said(&refused).contains("`mediaquiz allow banks/bank.yaml`"));
    let listed = run(dir, &["allow", "--list"]);
    assert_eq!(
        said(&listed).trim(),
        "aucune banque n’est autorisée à lire hors de son dossier"
    );
    let again = run(dir, &["allow", "--forget", "banks/bank.yaml"]);
    assert!(said(&again).contains("n’avait aucune autorisation"));
}

#[test]
fn allow_grants_nothing_a_bank_does_not_need_or_a_link_would_open() {
    let dir = classroom();
    let dir = dir.path();
    // An article beside the bank: nothing to allow, nothing recorded.
    fs::copy(
        dir.join("articles/article.txt"),
        dir.join("banks/article.txt"),
    )
    .unwrap();
    let bank = fs::read_to_string(dir.join("banks/bank.yaml")).unwrap();
    fs::write(
        dir.join("banks/near.yaml"),
        bank.replace("../articles/article.txt", "article.txt"),
    )
    .unwrap();
    let near = run(dir, &["--lang", "en", "allow", "banks/near.yaml"]);
    assert_eq!(near.status.code(), Some(0), "{}", said(&near));
    assert_eq!(
        said(&near).trim(),
        "the bank `banks/near.yaml` reads its article in its own folder: it needs no permission"
    );
    assert!(!dir.join("home/data/mediaquiz/allowed.json").exists());
    // An absolute path is refused, as `check` refuses it.
    fs::write(
        dir.join("banks/abs.yaml"),
        bank.replace("../articles/article.txt", "/etc/hostname"),
    )
    .unwrap();
    let absolute = run(dir, &["--lang", "en", "allow", "banks/abs.yaml"]);
    assert_eq!(absolute.status.code(), Some(1), "{}", said(&absolute));
    assert!(
        said(&absolute).contains("an absolute path"),
        "{}",
        said(&absolute)
    );
    // An article that is a link leading elsewhere is not allowed either.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/etc/hostname", dir.join("articles/link.txt")).unwrap();
        fs::write(
            dir.join("banks/link.yaml"),
            bank.replace("article.txt", "link.txt"),
        )
        .unwrap();
        let link = run(dir, &["--lang", "en", "allow", "banks/link.yaml"]);
        assert_eq!(link.status.code(), Some(1), "{}", said(&link));
        assert!(said(&link).contains("a link leading to"), "{}", said(&link));
    }
    assert!(!dir.join("home/data/mediaquiz/allowed.json").exists());
}

#[test]
fn a_bank_outside_its_folder_with_other_errors_gets_the_usual_summary() {
    let dir = classroom();
    let dir = dir.path();
    let bank = fs::read_to_string(dir.join("banks/bank.yaml")).unwrap();
    fs::write(
        dir.join("banks/bank.yaml"),
        bank.replace("    explanation: \"Le CSP.\"\n", ""),
    )
    .unwrap();
    let refused = run(dir, &["worksheet", "banks/bank.yaml"]);
    assert_eq!(refused.status.code(), Some(1), "{}", said(&refused));
    let text = said(&refused);
    assert!(text.contains("`mediaquiz allow banks/bank.yaml`"), "{text}");
    assert!(
        text.contains("erreur : la banque `banks/bank.yaml` a 2 erreurs ; corrigez-les"),
        "{text}"
    );
}

#[test]
fn banks_allowed_at_the_same_moment_all_keep_their_grant() {
    // Each `allow` reads the grants, adds one and writes them back: run at
    // once without the grants file's lock, one would overwrite the other's.
    let dir = classroom();
    let dir = dir.path();
    let bank = fs::read_to_string(dir.join("banks/bank.yaml")).unwrap();
    let names: Vec<String> = (0..12).map(|n| format!("banks/b{n}.yaml")).collect();
    for name in &names {
        fs::write(dir.join(name), &bank).unwrap();
    }
    std::thread::scope(|scope| {
        for name in &names {
            scope.spawn(move || {
                let allowed = run(dir, &["allow", name]);
                assert_eq!(allowed.status.code(), Some(0), "{}", said(&allowed));
            });
        }
    });
    let listed = said(&run(dir, &["allow", "--list"]));
    for name in &names {
        let real = fs::canonicalize(dir.join(name)).unwrap();
        assert!(
            listed.contains(&format!("`{}` peut lire", real.display())),
            "{name} lost:\n{listed}"
        );
    }
    assert!(
        !dir.join("home/data/mediaquiz/allowed.json.lock").exists(),
        "the lock goes with the last run"
    );
}

#[test]
fn forgetting_with_no_grants_yet_leaves_no_data_folder() {
    let dir = classroom();
    let dir = dir.path();
    let forgot = run(dir, &["allow", "--forget", "banks/bank.yaml"]);
    assert_eq!(forgot.status.code(), Some(0), "{}", said(&forgot));
    assert!(said(&forgot).contains("n’avait aucune autorisation"));
    assert!(
        !dir.join("home/data/mediaquiz").exists(),
        "a folder was made for nothing"
    );
}

#[cfg(unix)]
#[test]
fn a_grants_file_behind_a_link_is_written_where_it_is_and_the_link_stays() {
    // A user who keeps their data folder in a synced place links the file.
    let dir = classroom();
    let dir = dir.path();
    let data = dir.join("home/data/mediaquiz");
    fs::create_dir_all(&data).unwrap();
    let synced = dir.join("synced");
    fs::create_dir_all(&synced).unwrap();
    fs::write(
        synced.join("allowed.json"),
        "{\"version\":1,\"allowed\":[]}",
    )
    .unwrap();
    std::os::unix::fs::symlink(synced.join("allowed.json"), data.join("allowed.json")).unwrap();
    let allowed = run(dir, &["allow", "banks/bank.yaml"]);
    assert_eq!(allowed.status.code(), Some(0), "{}", said(&allowed));
    assert!(
        fs::symlink_metadata(data.join("allowed.json"))
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was replaced by a file"
    );
    let kept = fs::read_to_string(synced.join("allowed.json")).unwrap();
    assert!(kept.contains("bank.yaml"), "{kept}");
    assert_eq!(
        run(dir, &["check", "banks/bank.yaml"]).status.code(),
        Some(0)
    );
}
