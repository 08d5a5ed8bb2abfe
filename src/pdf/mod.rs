//! Printing HTML pages to PDF through an installed Chromium (or Chrome).
//!
//! The page's own print CSS (`@page` size, margins, page numbers) drives the
//! layout; Chromium's header and footer are turned off.

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::render::Paper;

mod bind;
#[cfg(unix)]
mod session;

pub use bind::{bind, layout, padding};

/// The operating systems whose install locations differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Os {
    /// macOS: browsers are app bundles in `/Applications`, rarely on `PATH`.
    Mac,
    /// Windows: browsers live under Program Files, rarely on `PATH`.
    Windows,
    /// Linux and the other Unixes: browsers are on `PATH`.
    Other,
}

impl Os {
    const CURRENT: Os = if cfg!(target_os = "macos") {
        Os::Mac
    } else if cfg!(windows) {
        Os::Windows
    } else {
        Os::Other
    };
}

/// Program names looked up on `PATH`: the headless shells first (Debian's
/// `chromium-headless-shell`, Chrome for Testing's `chrome-headless-shell`),
/// which print the same pages with Blink but without the full browser's
/// processes, in half the time (docs/performance.md, "Class sets"); then the
/// browsers, most usual first.
fn path_names(os: Os) -> &'static [&'static str] {
    match os {
        Os::Windows => &[
            "chrome-headless-shell.exe",
            "chrome.exe",
            "msedge.exe",
            "chromium.exe",
        ],
        Os::Mac | Os::Other => &[
            "chromium-headless-shell",
            "chrome-headless-shell",
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
            "chrome",
            "microsoft-edge",
            "microsoft-edge-stable",
        ],
    }
}

/// Where the installers of Chrome, Chromium and Edge put the program, for
/// all users and for one; `env` reads an environment variable (`HOME`,
/// `ProgramFiles`, `ProgramFiles(x86)`, `LOCALAPPDATA`).
fn install_locations(os: Os, env: &dyn Fn(&str) -> Option<PathBuf>) -> Vec<PathBuf> {
    let join =
        |base: PathBuf, parts: &[&str]| parts.iter().fold(base, |path, part| path.join(part));
    match os {
        Os::Mac => {
            const APPS: [[&str; 4]; 4] = [
                ["Google Chrome.app", "Contents", "MacOS", "Google Chrome"],
                ["Chromium.app", "Contents", "MacOS", "Chromium"],
                ["Microsoft Edge.app", "Contents", "MacOS", "Microsoft Edge"],
                [
                    "Google Chrome Canary.app",
                    "Contents",
                    "MacOS",
                    "Google Chrome Canary",
                ],
            ];
            let roots = [
                Some(PathBuf::from("/Applications")),
                env("HOME").map(|home| home.join("Applications")),
            ];
            roots
                .into_iter()
                .flatten()
                .flat_map(|root| APPS.iter().map(move |app| (root.clone(), app)))
                .map(|(root, app)| join(root, app))
                .collect()
        }
        Os::Windows => {
            const PROGRAMS: [&[&str]; 3] = [
                &["Google", "Chrome", "Application", "chrome.exe"],
                &["Microsoft", "Edge", "Application", "msedge.exe"],
                &["Chromium", "Application", "chrome.exe"],
            ];
            ["ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA"]
                .iter()
                .filter_map(|var| env(var))
                .flat_map(|root| {
                    PROGRAMS
                        .iter()
                        .map(move |program| join(root.clone(), program))
                })
                .collect()
        }
        Os::Other => Vec::new(),
    }
}

/// Finds a Chromium: `$CHROME` first, then the usual names on `PATH`, then
/// the standard install locations of Chrome, Chromium and Edge on macOS and
/// Windows.
pub fn find_chromium() -> Result<PathBuf> {
    if let Some(chrome) = env::var_os("CHROME").filter(|c| !c.is_empty()) {
        let path = PathBuf::from(&chrome);
        if path.is_file() {
            return Ok(path);
        }
        if let Some(found) = on_path(&chrome.to_string_lossy()) {
            return Ok(found);
        }
        return Err(Error::ExternalProgram {
            program: path.display().to_string(),
            problem: Text::new(
                format!(
                    "`CHROME` vaut `{}`, qui n’est pas un programme",
                    path.display()
                ),
                format!(
                    "`CHROME` is set to `{}`, which is not a program",
                    path.display()
                ),
            ),
            advice: Text::new(
                "faites-le pointer vers Chromium ou Chrome, ou retirez-le pour chercher dans `PATH` ; les fichiers HTML sont écrits, imprimez-les depuis n’importe quel navigateur",
                "point it at Chromium or Chrome, or unset it to search `PATH`; the HTML files are written, print them from any browser",
            ),
        });
    }
    let from_env = |var: &str| {
        env::var_os(var)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    path_names(Os::CURRENT)
        .iter()
        .find_map(|name| on_path(name))
        .or_else(|| {
            install_locations(Os::CURRENT, &from_env)
                .into_iter()
                .find(|candidate| candidate.is_file())
        })
        .ok_or_else(|| Error::ExternalProgram {
            program: "chromium".to_owned(),
            problem: Text::new(
                "`--pdf` a besoin de Chromium, Chrome ou Edge, et aucun n’a été trouvé",
                "`--pdf` needs Chromium, Chrome or Edge, and none was found",
            ),
            advice: Text::new(
                "installez-en un (Debian/Ubuntu : `sudo apt install chromium`) ou indiquez-le avec `CHROME=/chemin/vers/chrome` ; les fichiers HTML sont écrits, imprimez-les depuis n’importe quel navigateur",
                "install one (Debian/Ubuntu: `sudo apt install chromium`) or set `CHROME=/path/to/chrome`; the HTML files are written, print them from any browser",
            ),
        })
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = env::var_os("PATH")?;
    env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// Chromium's flags for printing, in either way it is driven. Not
/// `--no-pdf-header-footer`, which is for `--print-to-pdf` alone: over the
/// DevTools pipe it makes every print fail.
const FLAGS: [&str; 7] = [
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
];

/// Prints the HTML pages of a run. On Unix one Chromium, started once,
/// prints them all (over the DevTools protocol on a pipe); elsewhere, where
/// Chromium's pipe needs file descriptors 3 and 4, Chromium is started once
/// per page, as its command line allows.
pub struct Printer {
    #[cfg_attr(not(unix), allow(dead_code))]
    paper: Paper,
    #[cfg(unix)]
    session: session::Session,
    #[cfg(not(unix))]
    chromium: PathBuf,
}

impl Printer {
    /// Starts `chromium`, to print pages on `paper` (the fallback size for
    /// a page whose CSS names none).
    pub fn start(chromium: &Path, paper: Paper) -> Result<Printer> {
        Ok(Printer {
            paper,
            #[cfg(unix)]
            session: session::Session::start(chromium, session::TIMEOUT)?,
            #[cfg(not(unix))]
            chromium: chromium.to_owned(),
        })
    }

    /// Prints every page of `pages` and returns their PDFs' bytes, in
    /// order, so that the caller can write them with the rest of its set.
    pub fn print_all(&mut self, pages: &[&Path]) -> Result<Vec<Vec<u8>>> {
        #[cfg(unix)]
        return self.session.print_all(pages, self.paper);
        #[cfg(not(unix))]
        return pages
            .iter()
            .map(|html| print_alone(&self.chromium, html))
            .collect();
    }
}

/// Prints `html` to `pdf` (written atomically: printed beside it, then renamed).
pub fn print(chromium: &Path, html: &Path, pdf: &Path) -> Result<()> {
    let mut printed = Printer::start(chromium, Paper::A4)?.print_all(&[html])?;
    let bytes = printed.pop().unwrap_or_default();
    crate::fsutil::write_atomic(pdf, &bytes, crate::fsutil::Durability::Atomic)
}

/// Prints `html` to PDF with a Chromium of its own, started for this page
/// only: the way where the DevTools pipe is not to be had.
#[cfg_attr(unix, allow(dead_code))]
fn print_alone(chromium: &Path, html: &Path) -> Result<Vec<u8>> {
    let absolute = html.canonicalize().map_err(|source| Error::Read {
        path: html.to_owned(),
        source,
    })?;
    let profile = tempfile::tempdir().map_err(|source| Error::Write {
        path: env::temp_dir(),
        source,
    })?;
    let partial = profile.path().join("printed.pdf");
    let mut command = Command::new(chromium);
    command
        .args(FLAGS)
        .arg("--no-pdf-header-footer")
        .arg(format!(
            "--user-data-dir={}",
            profile.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", partial.display()))
        .arg(file_url(&absolute))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if running_as_root() {
        // Chromium refuses to start as root with its sandbox on.
        command.arg("--no-sandbox");
    }
    let output = command.output().map_err(|source| Error::ExternalProgram {
        program: chromium.display().to_string(),
        problem: not_started(chromium, &source),
        advice: not_started_advice(),
    })?;
    let printed = std::fs::metadata(&partial).map(|m| m.len()).unwrap_or(0);
    if !output.status.success() || printed == 0 {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let last = stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        let (program, page) = (chromium.display(), html.display());
        return Err(Error::ExternalProgram {
            program: program.to_string(),
            problem: Text::new(
                format!("`{program}` n’a pas pu imprimer `{page}` ({last})"),
                format!("`{program}` could not print `{page}` ({last})"),
            ),
            advice: Text::new(
                "le fichier HTML est écrit : imprimez-le depuis n’importe quel navigateur, ou faites pointer `CHROME` vers un autre Chromium",
                "the HTML file is written: print it from any browser, or point `CHROME` at another Chromium",
            ),
        });
    }
    std::fs::read(&partial).map_err(|source| Error::Read {
        path: partial.clone(),
        source,
    })
}

fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                url.push(char::from(byte))
            }
            _ => url.push_str(&format!("%{byte:02X}")),
        }
    }
    url
}

#[cfg(unix)]
fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

#[cfg(not(unix))]
fn running_as_root() -> bool {
    false
}

/// Why `chromium` could not be started.
fn not_started(chromium: &Path, source: &std::io::Error) -> Text {
    let (program, kind) = (chromium.display(), source.kind());
    Text::new(
        format!("`{program}` n’a pas pu être lancé ({kind})"),
        format!("`{program}` could not be started ({kind})"),
    )
}

/// What to do when the browser could not be started.
fn not_started_advice() -> Text {
    Text::new(
        "vérifiez que c’est bien Chromium ou Chrome et que vous avez le droit de l’exécuter, ou faites pointer `CHROME` vers un autre",
        "check that it is Chromium or Chrome and that you may run it, or point `CHROME` at another one",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_escape_spaces_and_accents() {
        assert_eq!(
            file_url(Path::new("/tmp/fiche élève/a.html")),
            "file:///tmp/fiche%20%C3%A9l%C3%A8ve/a.html"
        );
    }

    fn fake_env(var: &str) -> Option<PathBuf> {
        match var {
            "HOME" => Some(PathBuf::from("/Users/ana")),
            "ProgramFiles" => Some(PathBuf::from("C:/Program Files")),
            "ProgramFiles(x86)" => Some(PathBuf::from("C:/Program Files (x86)")),
            "LOCALAPPDATA" => Some(PathBuf::from("C:/Users/ana/AppData/Local")),
            _ => None,
        }
    }

    fn shown(paths: Vec<PathBuf>) -> Vec<String> {
        paths
            .iter()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .collect()
    }

    #[test]
    fn macos_looks_in_applications_for_all_users_then_for_one() {
        let found = shown(install_locations(Os::Mac, &fake_env));
        assert_eq!(found.len(), 8);
        for expected in [
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
            "/Applications/Chromium.app/Contents/MacOS/Chromium",
            "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
            "/Users/ana/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        ] {
            assert!(
                found.iter().any(|f| f == expected),
                "{expected} in {found:?}"
            );
        }
        assert_eq!(
            found[0],
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
        );
    }

    #[test]
    fn windows_looks_under_program_files_and_local_app_data() {
        let found = shown(install_locations(Os::Windows, &fake_env));
        assert_eq!(
            &found[..3],
            [
                "C:/Program Files/Google/Chrome/Application/chrome.exe",
                "C:/Program Files/Microsoft/Edge/Application/msedge.exe",
                "C:/Program Files/Chromium/Application/chrome.exe",
            ]
        );
        for expected in [
            "C:/Program Files (x86)/Microsoft/Edge/Application/msedge.exe",
            "C:/Users/ana/AppData/Local/Google/Chrome/Application/chrome.exe",
        ] {
            assert!(
                found.iter().any(|f| f == expected),
                "{expected} in {found:?}"
            );
        }
        assert!(path_names(Os::Windows).iter().all(|n| n.ends_with(".exe")));
    }

    #[test]
    fn a_headless_shell_is_preferred_to_a_browser() {
        for os in [Os::Mac, Os::Other, Os::Windows] {
            let names = path_names(os);
            let shell = names.iter().position(|n| n.contains("headless-shell"));
            let browser = names.iter().position(|n| !n.contains("headless-shell"));
            assert!(shell.is_some() && shell < browser, "{names:?}");
        }
    }

    #[test]
    fn a_missing_variable_only_drops_its_own_locations() {
        let none = |_: &str| None;
        assert_eq!(install_locations(Os::Windows, &none), Vec::<PathBuf>::new());
        assert_eq!(install_locations(Os::Mac, &none).len(), 4);
        assert!(install_locations(Os::Other, &fake_env).is_empty());
    }
}
