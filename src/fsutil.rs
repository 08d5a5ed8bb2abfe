//! Files: reading only regular files, within a size cap, without ever
//! blocking on a FIFO or draining a device; and writing so that nothing
//! already there is ever half-overwritten: the new content goes to a
//! temporary file in the same folder, which is then renamed over the old one
//! in one step. A run's files (sheets and their keys) are written as one set:
//! all or none.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use tempfile::{NamedTempFile, TempPath};

use crate::error::{Error, Result};

/// The most a bank file may weigh.
pub const BANK_LIMIT: u64 = 32 * MB;
/// The most an article may weigh.
pub const ARTICLE_LIMIT: u64 = 4 * MB;
/// The most a progress file may weigh.
pub const PROGRESS_LIMIT: u64 = 64 * MB;
use crate::error::MB;
pub use crate::error::{ReadError, Special, What};

/// Reads the regular file at `path` (following symlinks), refusing anything
/// else and anything over `limit` bytes; `what` names the file in the
/// message ("a bank"). The file is opened without blocking, so a FIFO is
/// refused rather than waited on, and read through a cap, so a file that
/// grows (or lies about its size) stops at the limit.
pub fn read_limited(path: &Path, limit: u64, what: What) -> Result<Vec<u8>, ReadError> {
    // Checked before opening too: opening some devices (a tape, a terminal)
    // has effects of its own.
    kind_check(&std::fs::metadata(path)?)?;
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    // Again on the open file: the path may have been swapped in between.
    let metadata = file.metadata()?;
    kind_check(&metadata)?;
    if metadata.len() > limit {
        return Err(ReadError::TooLarge { limit, what });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    read_capped(file, limit, &mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit, what });
    }
    Ok(bytes)
}

/// Refuses a path that exists and is not a regular file (following
/// symlinks); a missing file is fine: it is about to be made.
pub fn regular_or_absent(path: &Path) -> Result<(), ReadError> {
    match std::fs::metadata(path) {
        Ok(metadata) => kind_check(&metadata),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(err.into()),
    }
}

fn read_capped(file: File, limit: u64, bytes: &mut Vec<u8>) -> io::Result<usize> {
    file.take(limit.saturating_add(1)).read_to_end(bytes)
}

/// Refuses what is not a regular file, naming what it is.
fn kind_check(metadata: &std::fs::Metadata) -> Result<(), ReadError> {
    let kind = metadata.file_type();
    if kind.is_file() {
        return Ok(());
    }
    Err(ReadError::NotRegular(if kind.is_dir() {
        Special::Folder
    } else {
        special_kind(kind)
    }))
}

#[cfg(unix)]
fn special_kind(kind: std::fs::FileType) -> Special {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        Special::Fifo
    } else if kind.is_char_device() || kind.is_block_device() {
        Special::Device
    } else if kind.is_socket() {
        Special::Socket
    } else {
        Special::Other
    }
}

#[cfg(not(unix))]
fn special_kind(_: std::fs::FileType) -> Special {
    Special::Other
}

/// A temporary file in `path`'s folder, to be renamed onto `path` once
/// complete. It gets the permissions the result should have: those of the
/// file it replaces, or the usual 0644 (a temporary file is otherwise 0600).
pub fn temp_beside(path: &Path, suffix: &str) -> Result<NamedTempFile> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let prefix = temp_prefix(path);
    let suffix = format!("{suffix}{TEMP_SUFFIX}");
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(&prefix)
        .suffix(&suffix)
        .rand_bytes(TEMP_RANDOM);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::metadata(path).map_or_else(
            |_| std::fs::Permissions::from_mode(0o644),
            |m| m.permissions(),
        ));
    }
    builder.tempfile_in(dir).map_err(|source| Error::Write {
        path: path.to_owned(),
        source,
    })
}

const TEMP_SUFFIX: &str = ".tmp";
const TEMP_RANDOM: usize = 6;

/// `.review.json.mediaquiz-`: temporary files for `path` start with its own
/// name, so that cleaning up after one file never touches another's.
fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    format!(".{name}.mediaquiz-")
}

/// Removes the temporary files an interrupted [`write_atomic`] of `path` left
/// behind (only names this module makes: prefix, six random characters,
/// `.tmp`). Call it only while holding the file's lock, so that no other
/// writer of `path` is mid-save.
pub fn remove_stale_temporaries(path: &Path) -> io::Result<usize> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let prefix = temp_prefix(path);
    let mut removed = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let is_ours = name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
            .is_some_and(|random| {
                random.len() == TEMP_RANDOM && random.chars().all(|c| c.is_ascii_alphanumeric())
            });
        if is_ours && entry.file_type()?.is_file() {
            std::fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// How much a write must survive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// Readers never see a half-written file (generated output, which can be
    /// made again from its seed).
    Atomic,
    /// Also on disk before the rename, so a power cut cannot lose it (a
    /// student's saved progress).
    Synced,
}

/// Writes `bytes` to `path` atomically (temporary file, optional sync, rename).
pub fn write_atomic(path: &Path, bytes: &[u8], durability: Durability) -> Result<()> {
    let error = |source| Error::Write {
        path: path.to_owned(),
        source,
    };
    let mut file = temp_beside(path, "")?;
    file.write_all(bytes).map_err(error)?;
    if durability == Durability::Synced {
        file.as_file().sync_all().map_err(error)?;
    }
    file.persist(path).map_err(|e| error(e.error))?;
    Ok(())
}

/// Writes `files` (`(name, bytes)`) into `dir` as one set: every file goes
/// to a temporary name in `dir` first, and only when all are written are they
/// renamed into place. If anything fails (full disk, permission, a folder in
/// the way), the temporaries are removed and the files already renamed are
/// put back as they were, so an earlier set is never left half-replaced (never
/// a sheet without its key). Returns the paths written, in order.
pub fn write_set(dir: &Path, files: &[(&str, &[u8])]) -> Result<Vec<PathBuf>> {
    let mut staged = Vec::with_capacity(files.len());
    for (name, bytes) in files {
        let path = dir.join(name);
        let mut temp = temp_beside(&path, "")?;
        temp.write_all(bytes).map_err(|source| Error::Write {
            path: path.clone(),
            source,
        })?;
        staged.push((path, temp.into_temp_path()));
    }
    // Each placed file with the earlier file it replaced, kept until the end.
    let mut placed: Vec<(PathBuf, Option<TempPath>)> = Vec::with_capacity(staged.len());
    for (path, temp) in staged {
        match place(&path, temp) {
            Ok(backup) => placed.push((path, backup)),
            Err(error) => {
                for (path, backup) in placed.into_iter().rev() {
                    // Best effort: the error being reported matters more.
                    let _ = match backup {
                        Some(backup) => std::fs::rename(&backup, &path),
                        None => std::fs::remove_file(&path),
                    };
                }
                return Err(error);
            }
        }
    }
    Ok(placed.into_iter().map(|(path, _)| path).collect())
}

/// Renames `temp` onto `path`, moving any file already there aside first;
/// returns where it went, so that it can be put back.
fn place(path: &Path, temp: TempPath) -> Result<Option<TempPath>> {
    let error = |source| Error::Write {
        path: path.to_owned(),
        source,
    };
    let backup = match path.symlink_metadata() {
        // Renaming a folder aside would fail with a misleading reason.
        Ok(meta) if meta.is_dir() => {
            return Err(error(std::io::ErrorKind::IsADirectory.into()));
        }
        Ok(_) => {
            let backup = temp_beside(path, ".old")?.into_temp_path();
            std::fs::rename(path, &backup).map_err(error)?;
            Some(backup)
        }
        Err(_) => None,
    };
    if let Err(failed) = temp.persist(path) {
        if let Some(backup) = backup {
            let _ = std::fs::rename(&backup, path);
        }
        return Err(error(failed.error));
    }
    Ok(backup)
}

/// Files in `dir` that an earlier run made (`owned` says which names those
/// are) and that this run, which wrote `written`, did not replace; sorted.
pub fn stale_files(dir: &Path, written: &[PathBuf], owned: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut stale: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .filter(|entry| entry.file_name().to_str().is_some_and(&owned))
        .map(|entry| dir.join(entry.file_name()))
        .filter(|path| !written.contains(path))
        .collect();
    stale.sort();
    stale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_whole_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.html");
        write_atomic(&path, b"first, longer content", Durability::Synced).unwrap();
        write_atomic(&path, b"second", Durability::Atomic).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_others() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.html");
        write_atomic(&path, b"x", Durability::Atomic).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
    }

    #[test]
    fn a_set_that_fails_midway_leaves_the_earlier_set_untouched() {
        let dir = tempfile::tempdir().unwrap();
        write_set(dir.path(), &[("a.html", b"old a"), ("b.html", b"old b")]).unwrap();
        // A folder squats on the last name: the first two are renamed into
        // place before the third fails, and must be put back.
        std::fs::create_dir(dir.path().join("c.html")).unwrap();
        let error = write_set(
            dir.path(),
            &[
                ("a.html", b"new a"),
                ("b.html", b"new b"),
                ("c.html", b"new c"),
            ],
        )
        .unwrap_err();
        assert!(error.to_string().contains("c.html"), "{error}");
        assert_eq!(std::fs::read(dir.path().join("a.html")).unwrap(), b"old a");
        assert_eq!(std::fs::read(dir.path().join("b.html")).unwrap(), b"old b");
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["a.html", "b.html", "c.html"], "temporaries left");
    }

    #[test]
    fn a_new_file_of_a_failed_set_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("b.html")).unwrap();
        write_set(dir.path(), &[("a.html", b"a"), ("b.html", b"b")]).unwrap_err();
        assert!(!dir.path().join("a.html").exists());
    }

    #[test]
    fn stale_files_are_those_owned_and_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let written = write_set(dir.path(), &[("w-A.html", b"a")]).unwrap();
        for name in ["w-B.html", "notes.txt"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let stale = stale_files(dir.path(), &written, |n| n.starts_with("w-"));
        assert_eq!(stale, [dir.path().join("w-B.html")]);
    }
}
