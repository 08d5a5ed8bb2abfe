//! A student's saved review progress: one JSON file, locked while a session
//! runs, rewritten atomically (and synced) after every rating, never
//! replaced when it cannot be read.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::bank::Lang;
use crate::error::{Error, Result};
use crate::fsutil::{self, Durability, What};
use crate::i18n::Text;

/// Format version of the progress file: 2 keys banks by their id; 1 keyed
/// them by title, and is migrated when read.
const VERSION: u32 = 2;
/// The version that keyed progress by bank title.
const VERSION_BY_TITLE: u32 = 1;

/// What the scheduler knows of one card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardState {
    /// FSRS stability: days until recall falls to 90%.
    pub stability: f32,
    /// FSRS difficulty, 1 to 10.
    pub difficulty: f32,
    /// The day the card is due again.
    pub due: NaiveDate,
    /// The day it was last rated.
    pub last: NaiveDate,
    /// Ratings so far.
    pub reps: u32,
    /// Times it was forgotten ("again" after having been learnt).
    pub lapses: u32,
    /// Fields this version does not know (written by a newer one): kept as
    /// they are on save.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// New cards already introduced on a given day (for `--new`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewToday {
    /// The day.
    pub date: NaiveDate,
    /// How many new cards were seen that day.
    pub count: u32,
    /// Fields this version does not know: kept as they are on save.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// Progress on one bank, keyed by question id so that editing a question's
/// text keeps its history, and removing it from the bank keeps it too.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BankProgress {
    /// Fields this version does not know (written by a newer one): kept as
    /// they are on save.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
    /// Card states by question id.
    pub cards: BTreeMap<String, CardState>,
    /// New cards introduced today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_today: Option<NewToday>,
}

/// Everything in the progress file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// Format version.
    pub version: u32,
    /// Progress per bank, keyed by bank id.
    pub banks: BTreeMap<String, BankProgress>,
    /// Progress from a version-1 file, keyed by bank title, until its bank
    /// is reviewed again and [`Progress::claim`] moves it under the bank's id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by_title: BTreeMap<String, BankProgress>,
    /// Fields this version does not know (written by a newer one): kept as
    /// they are on save.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            version: VERSION,
            banks: BTreeMap::new(),
            by_title: BTreeMap::new(),
            extra: BTreeMap::new(),
        }
    }
}

impl Progress {
    /// The key of bank `id` in [`Progress::banks`], after moving there any
    /// progress a version-1 file kept under the bank's `title`.
    pub fn claim(&mut self, id: &str, title: &str) -> String {
        if let Some(old) = self.by_title.remove(title) {
            let progress = self.banks.entry(id.to_owned()).or_default();
            for (question, card) in old.cards {
                progress.cards.entry(question).or_insert(card);
            }
            if progress.new_today.is_none() {
                progress.new_today = old.new_today;
            }
        }
        id.to_owned()
    }
}

/// The progress file, open and locked for one session.
#[derive(Debug)]
pub struct StateFile {
    /// The real file (symlinks followed), so a save replaces the file the
    /// link points to rather than the link.
    path: PathBuf,
    // Held for the whole session; the OS releases it if the process dies.
    _lock: fsutil::Lock,
    /// The progress read from the file (or empty).
    pub progress: Progress,
    /// Where `--reset` moved the old file, if it did.
    pub backup: Option<PathBuf>,
    /// Where a version-1 file was kept when it was migrated, if it was.
    pub migrated: Option<PathBuf>,
}

/// The default progress file: `review.json` in the user's data folder.
pub fn default_path() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "mediaquiz")
        .map(|dirs| dirs.data_dir().join("review.json"))
        .ok_or_else(|| {
            Error::usage(
                "impossible de trouver votre dossier de données : donnez un fichier de progression avec `--state FICHIER`",
                "cannot find your data folder: give a progress file with `--state FILE`",
            )
        })
}

impl StateFile {
    /// Opens and locks the progress file at `path`; `reset` first moves an
    /// existing file aside as a backup.
    pub fn open(path: &Path, reset: bool) -> Result<StateFile> {
        let path = &real_path(path).map_err(|source| Error::Read {
            path: path.to_owned(),
            source,
        })?;
        let write_error = |source| Error::Write {
            path: path.to_owned(),
            source,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(write_error)?;
        }
        // A FIFO or a device is refused before its `.lock` is made beside it.
        fsutil::regular_or_absent(path).map_err(|err| err.about(path))?;
        // Nor is the bank or its article taken for progress (read, then replaced).
        fsutil::refuse_input(path, Some(What::Progress), "--state")?;
        // A save renames a new file over it, which its permissions do not
        // stop: refused now, rather than made writable behind the user's back.
        if fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
            return Err(Error::BadInput {
                path: path.to_owned(),
                message: Text::new(
                    "il est en lecture seule : mediaquiz ne pourrait pas y enregistrer votre progression ; rendez-le modifiable (`chmod u+w`) ou donnez un autre fichier avec `--state`",
                    "it is read-only: mediaquiz could not save your progress in it; make it writable (`chmod u+w`) or give another file with `--state`",
                ),
            });
        }
        let lock = fsutil::Lock::try_acquire(path)?.ok_or_else(|| Error::StateLocked {
            path: path.to_owned(),
        })?;
        // Under the lock, no other session is mid-save: any temporary file
        // of ours is a leftover of a save that was killed.
        fsutil::remove_stale_temporaries(path).map_err(write_error)?;
        let backup = if reset && path.exists() {
            let backup = free_backup_name(path);
            fs::rename(path, &backup).map_err(write_error)?;
            Some(backup)
        } else {
            None
        };
        let mut migrated = None;
        let progress = match fsutil::read_limited(path, fsutil::PROGRESS_LIMIT, What::Progress) {
            Err(err) if err.is_not_found() => Progress::default(),
            Err(err) => return Err(err.about(path)),
            Ok(bytes) => {
                let (progress, from_v1) = parse(&bytes).map_err(|problem| match problem {
                    Problem::Newer(version) => Error::NewerState {
                        path: path.to_owned(),
                        version,
                    },
                    Problem::Damaged(reason) => Error::CorruptState {
                        path: path.to_owned(),
                        reason,
                    },
                })?;
                if from_v1 {
                    // The old file is kept as it was before anything replaces it.
                    let kept = free_name(path, ".v1.bak");
                    fsutil::write_atomic(&kept, &bytes, Durability::Synced)?;
                    migrated = Some(kept);
                }
                progress
            }
        };
        let state = StateFile {
            path: path.to_owned(),
            _lock: lock,
            progress,
            backup,
            migrated,
        };
        if state.migrated.is_some() {
            state.save()?;
        }
        Ok(state)
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes the progress: to a temporary file, synced, then renamed over the old one.
    pub fn save(&self) -> Result<()> {
        let mut json = serde_json::to_vec_pretty(&self.progress).map_err(io::Error::from)?;
        json.push(b'\n');
        fsutil::refuse_input(&self.path, Some(What::Progress), "--state")?;
        fsutil::write_atomic(&self.path, &json, Durability::Synced)
    }
}

/// Reads progress file content as [`StateFile::open`] does, without a file:
/// the reason it is refused, if it is (for fuzzing and tools).
pub fn parse_progress(bytes: &[u8]) -> std::result::Result<Progress, String> {
    parse(bytes)
        .map(|(progress, _)| progress)
        .map_err(|problem| match problem {
            Problem::Newer(version) => format!("written by a newer mediaquiz (version {version})"),
            Problem::Damaged(reason) => reason.get(Lang::En),
        })
}

/// Why a progress file cannot be used.
enum Problem {
    /// Written by a newer mediaquiz, in this format version.
    Newer(u32),
    /// Not progress: what is wrong, with its line.
    Damaged(Text),
}

/// The progress in `bytes`, and whether it came from a version-1 file (then
/// migrated: its banks wait in `by_title` for their id).
fn parse(bytes: &[u8]) -> std::result::Result<(Progress, bool), Problem> {
    // Some editors put a byte-order mark in front of UTF-8.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let damaged = |e: serde_json::Error| Problem::Damaged(json_problem(&e));
    // The version first: a newer format may differ in any other field.
    #[derive(Deserialize)]
    struct Versioned {
        version: u32,
    }
    let versioned: Versioned = serde_json::from_slice(bytes).map_err(damaged)?;
    if versioned.version > VERSION {
        return Err(Problem::Newer(versioned.version));
    }
    let mut progress: Progress = serde_json::from_slice(bytes).map_err(damaged)?;
    let from_v1 = progress.version == VERSION_BY_TITLE;
    if from_v1 {
        progress.version = VERSION;
        let by_title = std::mem::take(&mut progress.banks);
        progress.by_title.extend(by_title);
    }
    if progress.version != VERSION {
        let found = progress.version;
        return Err(Problem::Damaged(Text::new(
            format!(
                "la version de format {found} n’est pas une de celles que ce mediaquiz lit ({VERSION})"
            ),
            format!("format version {found} is not one this mediaquiz reads ({VERSION})"),
        )));
    }
    for (bank, cards) in progress.banks.iter().chain(&progress.by_title) {
        for (id, card) in &cards.cards {
            let sane = card.stability.is_finite()
                && card.stability > 0.0
                && card.difficulty.is_finite()
                && (1.0..=10.0).contains(&card.difficulty)
                && card.last <= card.due;
            if !sane {
                return Err(Problem::Damaged(Text::new(
                    format!("la fiche `{id}` de `{bank}` a des valeurs impossibles"),
                    format!("card `{id}` of `{bank}` has impossible values"),
                )));
            }
        }
    }
    Ok((progress, from_v1))
}

/// What serde found wrong with the JSON, at its line: in English its own
/// words; in French what kind of problem it is (serde speaks English only).
fn json_problem(error: &serde_json::Error) -> Text {
    use serde_json::error::Category;
    let line = error.line();
    let fr = match error.classify() {
        Category::Eof => "le fichier s’arrête au milieu du JSON",
        Category::Syntax => "ce n’est pas du JSON valide",
        Category::Data => "une valeur n’a pas la forme attendue",
        Category::Io => "lecture interrompue",
    };
    Text::new(
        format!("ligne {line} : {fr}"),
        format!("line {line}: {error}"),
    )
}

/// `path` with symlinks followed, also when the link's target does not exist
/// yet (a first save then creates the target, not a file over the link).
fn real_path(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_owned();
    // As the kernel does, give up after 40 links: a loop is an error.
    for _ in 0..40 {
        match fs::canonicalize(&path) {
            Ok(real) => return Ok(real),
            Err(err) if err.kind() != io::ErrorKind::NotFound => return Err(err),
            Err(_) => {}
        }
        match fs::read_link(&path) {
            Ok(target) => {
                path = match path.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                }
            }
            // Not a symlink: a file yet to be made, in a folder yet to be made.
            Err(_) => return Ok(path),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        "too many levels of symbolic links",
    ))
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// `review.json.bak`, or `review.json.bak2`, `.bak3`… if taken.
fn free_backup_name(path: &Path) -> PathBuf {
    free_name(path, ".bak")
}

/// `path` + `suffix`, or + `suffix` and 2, 3… if taken.
fn free_name(path: &Path, suffix: &str) -> PathBuf {
    let first = sibling(path, suffix);
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| sibling(path, &format!("{suffix}{n}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn some_progress() -> Progress {
        let mut progress = Progress::default();
        progress
            .banks
            .entry("Lere".to_owned())
            .or_default()
            .cards
            .insert(
                "retrait-source".to_owned(),
                CardState {
                    stability: 2.3,
                    difficulty: 2.1,
                    due: day(28),
                    last: day(26),
                    reps: 1,
                    lapses: 0,
                    extra: BTreeMap::new(),
                },
            );
        progress
    }

    #[test]
    fn saves_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/review.json");
        let mut state = StateFile::open(&path, false).unwrap();
        state.progress = some_progress();
        state.save().unwrap();
        drop(state);
        assert_eq!(
            StateFile::open(&path, false).unwrap().progress,
            some_progress()
        );
    }

    #[test]
    fn a_second_session_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.json");
        let _first = StateFile::open(&path, false).unwrap();
        let second = StateFile::open(&path, false).unwrap_err();
        assert!(matches!(second, Error::StateLocked { .. }), "{second}");
    }

    #[test]
    fn a_corrupt_file_is_reported_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.json");
        fs::write(&path, "{\n  \"version\": 1,\n  \"banks\": {\n").unwrap();
        let err = StateFile::open(&path, false).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("is damaged (line 4"), "{message}");
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "{\n  \"version\": 1,\n  \"banks\": {\n"
        );
    }

    #[test]
    fn impossible_values_are_corruption_too() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.json");
        let mut progress = some_progress();
        progress
            .banks
            .get_mut("Lere")
            .unwrap()
            .cards
            .get_mut("retrait-source")
            .unwrap()
            .stability = -1.0;
        fs::write(&path, serde_json::to_string(&progress).unwrap()).unwrap();
        assert!(
            StateFile::open(&path, false)
                .unwrap_err()
                .to_string()
                .contains("card `retrait-source` of `Lere` has impossible values")
        );
    }

    #[test]
    fn a_file_keyed_by_title_is_migrated_to_bank_ids_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.json");
        let old = "{\n  \"version\": 1,\n  \"banks\": {\n    \"Lere\": {\n      \"cards\": {\n        \"retrait-source\": {\"stability\": 2.3, \"difficulty\": 2.1, \"due\": \"2026-11-28\", \"last\": \"2026-11-26\", \"reps\": 1, \"lapses\": 0}\n      }\n    }\n  }\n}\n";
        fs::write(&path, old).unwrap();
        let mut state = StateFile::open(&path, false).unwrap();
        let kept = dir.path().join("review.json.v1.bak");
        assert_eq!(state.migrated.as_deref(), Some(kept.as_path()));
        assert_eq!(fs::read_to_string(&kept).unwrap(), old);
        // The file on disk is now version 2, its bank waiting for its id.
        let saved: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        assert_eq!(saved["version"], 2);
        assert!(saved["by_title"]["Lere"]["cards"]["retrait-source"].is_object());
        // Reviewing the bank moves its history under the bank's id.
        assert_eq!(state.progress.claim("lere", "Lere"), "lere");
        assert_eq!(state.progress.banks["lere"], some_progress().banks["Lere"]);
        assert!(state.progress.by_title.is_empty());
        state.save().unwrap();
        drop(state);
        let again = StateFile::open(&path, false).unwrap();
        assert_eq!(again.migrated, None, "migrated once only");
        assert_eq!(again.progress.banks["lere"], some_progress().banks["Lere"]);
    }

    #[test]
    fn two_banks_with_one_title_keep_apart() {
        let mut progress = some_progress();
        progress.by_title = std::mem::take(&mut progress.banks);
        progress.claim("lere", "Lere");
        progress.claim("lere-copy", "Lere");
        assert!(progress.banks["lere"].cards.contains_key("retrait-source"));
        assert!(!progress.banks.contains_key("lere-copy"));
    }

    #[test]
    fn the_lock_file_goes_with_the_session_and_a_new_one_still_excludes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.json");
        let lock = dir.path().join("review.json.lock");
        let first = StateFile::open(&path, false).unwrap();
        assert!(lock.exists());
        drop(first);
        assert!(!lock.exists());
        let _second = StateFile::open(&path, false).unwrap();
        let third = StateFile::open(&path, false).unwrap_err();
        assert!(matches!(third, Error::StateLocked { .. }), "{third}");
    }

    #[test]
    fn newer_versions_bom_and_unknown_fields() {
        assert!(matches!(
            parse(br#"{"version": 9}"#),
            Err(Problem::Newer(9))
        ));
        let (progress, _) = parse(b"\xef\xbb\xbf{\"version\": 2, \"banks\": {}, \"x\": true}")
            .ok()
            .unwrap();
        assert_eq!(progress.extra["x"], serde_json::Value::Bool(true));
        let json = serde_json::to_string(&progress).unwrap();
        assert!(json.contains("\"x\":true"), "{json}");
    }

    #[test]
    fn reset_keeps_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.json");
        fs::write(&path, "not json").unwrap();
        let state = StateFile::open(&path, true).unwrap();
        assert_eq!(state.progress, Progress::default());
        assert_eq!(
            state.backup.as_deref(),
            Some(dir.path().join("review.json.bak").as_path())
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("review.json.bak")).unwrap(),
            "not json"
        );
    }

    #[test]
    fn a_write_interrupted_before_the_rename_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.json");
        let mut state = StateFile::open(&path, false).unwrap();
        state.progress = some_progress();
        state.save().unwrap();
        // The process dies after writing the temporary file, before renaming it.
        let mut partial = fsutil::temp_beside(&path, "").unwrap();
        io::Write::write_all(&mut partial, b"{ \"version\": 1, \"ban").unwrap();
        let (_file, _kept) = partial.keep().unwrap();
        drop(state);
        assert_eq!(
            StateFile::open(&path, false).unwrap().progress,
            some_progress()
        );
    }
}
