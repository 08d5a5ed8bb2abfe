//! The banks the user allowed to read their article outside their own folder
//! (`mediaquiz allow BANK`), kept in `allowed.json` in the user's data folder
//! (beside the review progress).
//!
//! Why the trust lives here and not in the bank: a bank file is shared
//! between colleagues, and a bank that could grant itself a wider folder
//! (`root: ../../..`) could print `~/Documents/…` onto a sheet. Only the
//! user's own command adds a grant, as direnv's `allow` does. A grant ties one
//! bank file (its real path) to one article (its real path): editing the
//! bank's questions keeps it, while moving the bank, or pointing it at any
//! other file, asks again. Not a folder: a bank saved over the granted one
//! could otherwise read every file beside or below the article (`~/.ssh/…`
//! when the article sat in the home folder).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::fsutil::{self, Durability, What};
use crate::i18n::Text;

/// The grants file's name in the data folder.
const FILE_NAME: &str = "allowed.json";

/// The grants file's format version.
const VERSION: u32 = 1;

/// A grants file is a few lines; anything larger is not ours.
const LIMIT: u64 = 4 * 1024 * 1024;

/// How long `allow` waits for another run writing the grants: an `allow`
/// takes milliseconds, so ten seconds means a run is stuck, and a message
/// beats a hang.
const LOCK_PATIENCE: std::time::Duration = std::time::Duration::from_secs(10);

/// One bank allowed to read one article outside its folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    /// The bank file, symlinks resolved.
    pub bank: PathBuf,
    /// The article it may read, symlinks resolved.
    pub article: PathBuf,
}

/// Every grant, as read from (and written back to) the grants file.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Grants {
    /// The format version.
    version: u32,
    /// The grants, in the order they were made.
    pub allowed: Vec<Grant>,
}

/// Where the grants are kept: `allowed.json` in the user's data folder.
pub fn default_path() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "mediaquiz")
        .map(|dirs| dirs.data_dir().join(FILE_NAME))
        .ok_or_else(|| {
            Error::usage(
                "impossible de trouver votre dossier de données, où mediaquiz garde les banques autorisées : donnez plutôt `--root DOSSIER` à chaque commande",
                "cannot find your data folder, where mediaquiz keeps the allowed banks: give `--root DIR` to each command instead",
            )
        })
}

impl Grants {
    /// The grants at `path`; none when the file does not exist yet.
    pub fn load(path: &Path) -> Result<Grants> {
        let bytes = match fsutil::read_limited(path, LIMIT, What::Grants) {
            Err(err) if err.is_not_found() => return Ok(Grants::default()),
            Err(err) => return Err(err.about(path)),
            Ok(bytes) => bytes,
        };
        let damaged = |why: String| Error::BadInput {
            path: path.to_owned(),
            message: Text::new(
                format!(
                    "ce fichier des banques autorisées est illisible ({why}) : supprimez-le, puis autorisez de nouveau vos banques avec `mediaquiz allow BANQUE`"
                ),
                format!(
                    "this file of allowed banks cannot be read ({why}): delete it, then allow your banks again with `mediaquiz allow BANK`"
                ),
            ),
        };
        let grants: Grants =
            serde_json::from_slice(&bytes).map_err(|err| damaged(err.to_string()))?;
        if grants.version != VERSION {
            return Err(damaged(format!("version {}", grants.version)));
        }
        // Only `mediaquiz allow` writes real, absolute paths: anything else
        // (an empty path matches every file) was not written by it.
        if let Some(bad) = grants
            .allowed
            .iter()
            .flat_map(|g| [&g.bank, &g.article])
            .find(|p| !p.is_absolute())
        {
            return Err(damaged(format!("`{}`", crate::console::shown(bad))));
        }
        Ok(grants)
    }

    /// Reads the grants at `path`, changes them with `change` and writes them
    /// back if they changed, under the grants file's lock: two `allow` runs at once each keep
    /// their grant, where two unlocked read-change-writes would lose one.
    pub fn update<T>(path: &Path, mut change: impl FnMut(&mut Grants) -> T) -> Result<T> {
        // A grants file reached by a symbolic link is locked and written
        // where it really is: the link stays, and two paths to one file
        // share one lock.
        let real = std::fs::canonicalize(path);
        let path = real.as_deref().unwrap_or(path);
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
        if let Some(dir) = dir.filter(|d| !d.exists()) {
            // No data folder yet: nothing to take back, and `--forget` of
            // nothing leaves no folder behind.
            let mut none = Grants::default();
            let result = change(&mut none);
            if none.allowed.is_empty() {
                return Ok(result);
            }
            std::fs::create_dir_all(dir).map_err(|source| Error::Write {
                path: dir.to_owned(),
                source,
            })?;
        }
        let _lock = fsutil::Lock::acquire(path, LOCK_PATIENCE)?.ok_or_else(|| Error::Busy {
            path: path.to_owned(),
        })?;
        let mut grants = Grants::load(path)?;
        let before = grants.allowed.clone();
        let result = change(&mut grants);
        if grants.allowed != before {
            grants.save(path)?;
        }
        Ok(result)
    }

    /// Writes the grants to `path` (temporary file, synced, renamed), making
    /// its folder when needed.
    pub fn save(&self, path: &Path) -> Result<()> {
        let bytes = serde_json::to_vec_pretty(&Grants {
            version: VERSION,
            allowed: self.allowed.clone(),
        })
        .map_err(|err| Error::Write {
            path: path.to_owned(),
            source: std::io::Error::other(err),
        })?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| Error::Write {
                path: dir.to_owned(),
                source,
            })?;
        }
        fsutil::write_atomic(path, &bytes, Durability::Synced)
    }

    /// Whether the bank at `bank` (real path) may read the article at
    /// `article` (real path).
    pub fn permits(&self, bank: &Path, article: &Path) -> bool {
        self.allowed
            .iter()
            .any(|g| g.bank == bank && g.article == article)
    }

    /// Adds a grant; false when it was already there.
    pub fn add(&mut self, grant: Grant) -> bool {
        if self.allowed.contains(&grant) {
            return false;
        }
        self.allowed.push(grant);
        true
    }

    /// Removes every grant of `bank`, returning them.
    pub fn forget(&mut self, bank: &Path) -> Vec<Grant> {
        let (gone, kept) = std::mem::take(&mut self.allowed)
            .into_iter()
            .partition(|g| g.bank == bank);
        self.allowed = kept;
        gone
    }
}

/// Whether the user allowed the bank at `bank` to read `article` (both real
/// paths), from the grants file; a grants file that cannot be read says why.
pub fn permitted(bank: &Path, article: &Path) -> std::result::Result<bool, Error> {
    let Ok(path) = default_path() else {
        return Ok(false);
    };
    Ok(Grants::load(&path)?.permits(bank, article))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant(bank: &str, article: &str) -> Grant {
        Grant {
            bank: PathBuf::from(bank),
            article: PathBuf::from(article),
        }
    }

    #[test]
    fn a_grant_covers_its_bank_and_its_article_only() {
        let mut grants = Grants::default();
        assert!(grants.add(grant("/t/banks/a.yaml", "/t/articles/x.txt")));
        assert!(!grants.add(grant("/t/banks/a.yaml", "/t/articles/x.txt")));
        assert!(grants.permits(Path::new("/t/banks/a.yaml"), Path::new("/t/articles/x.txt")));
        // Another bank, another file beside the article or below its folder.
        assert!(!grants.permits(Path::new("/t/banks/b.yaml"), Path::new("/t/articles/x.txt")));
        assert!(!grants.permits(Path::new("/t/banks/a.yaml"), Path::new("/t/articles/y.txt")));
        assert!(!grants.permits(
            Path::new("/t/banks/a.yaml"),
            Path::new("/t/articles/2026/x.txt")
        ));
        assert_eq!(grants.forget(Path::new("/t/banks/a.yaml")).len(), 1);
        assert!(!grants.permits(Path::new("/t/banks/a.yaml"), Path::new("/t/articles/x.txt")));
    }

    #[test]
    fn a_grants_file_with_a_relative_or_empty_path_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("allowed.json");
        std::fs::write(
            &path,
            r#"{"version":1,"allowed":[{"bank":"/t/banks/a.yaml","article":""}]}"#,
        )
        .unwrap();
        let error = Grants::load(&path)
            .unwrap_err()
            .render(crate::lang::Lang::En);
        assert!(error.contains("cannot be read"), "{error}");
    }

    #[test]
    fn grants_survive_a_save_and_a_damaged_file_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data/allowed.json");
        let mut grants = Grants::default();
        grants.add(grant("/t/banks/a.yaml", "/t/articles/x.txt"));
        grants.save(&path).unwrap();
        let again = Grants::load(&path).unwrap();
        assert_eq!(again.allowed, grants.allowed);
        std::fs::write(&path, "{ not json").unwrap();
        let error = Grants::load(&path)
            .unwrap_err()
            .render(crate::lang::Lang::Fr);
        assert!(error.contains("supprimez-le"), "{error}");
    }
}
