//! A small harness: run `mediaquiz` with arguments, from the fixtures folder.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The fixtures folder.
pub(crate) fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// `mediaquiz` with `args`, run from the fixtures folder, colour off, and
/// no locale: the interface falls back to French, whatever the machine's.
pub(crate) fn mediaquiz(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mediaquiz"));
    cmd.current_dir(fixtures()).env("NO_COLOR", "1").args(args);
    for locale in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(locale);
    }
    cmd
}

/// Standard output of a finished command, as text.
pub(crate) fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Output with no-break spaces (French typography) made plain spaces, so
/// assertions read as the text looks.
pub(crate) fn plain(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

/// Runs `mediaquiz worksheet ARGS --out DIR` into a fresh folder, which it
/// returns, and asserts success.
pub(crate) fn worksheets(args: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut all = vec!["worksheet"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--out", dir.path().to_str().unwrap()]);
    mediaquiz(&all).assert().success();
    dir
}
