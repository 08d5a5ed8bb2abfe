//! Files: reading only regular files, within a size cap, without ever
//! blocking on a FIFO or draining a device; and writing so that nothing
//! already there is ever half-overwritten: the new content goes to a
//! temporary file in the same folder, which is then renamed over the old one
//! in one step.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;

use tempfile::NamedTempFile;

use crate::error::{Error, Result};

/// The most a bank file may weigh.
pub const BANK_LIMIT: u64 = 32 * MB;
/// The most an article may weigh.
pub const ARTICLE_LIMIT: u64 = 4 * MB;
/// The most a progress file may weigh.
pub const PROGRESS_LIMIT: u64 = 64 * MB;
const MB: u64 = 1024 * 1024;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The operating system refused (missing file, permissions…).
    #[error("{0}")]
    Io(#[from] io::Error),
    /// A FIFO, a device, a socket or a folder: reading it could block forever
    /// or never end.
    #[error("it is {0}, not a regular file: give the path of a file")]
    NotRegular(&'static str),
    /// Over the cap for this kind of file.
    #[error("it is larger than {} MB, the most {what} may weigh", limit / MB)]
    TooLarge {
        /// The cap, in bytes.
        limit: u64,
        /// What the file was meant to be ("a bank").
        what: &'static str,
    },
}

impl ReadError {
    /// Whether the file does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }

    /// As an `io::Error` (for [`Error::Read`]), keeping the message.
    pub fn into_io(self) -> io::Error {
        match self {
            ReadError::Io(e) => e,
            other => io::Error::new(io::ErrorKind::InvalidInput, other.to_string()),
        }
    }
}

/// Reads the regular file at `path` (following symlinks), refusing anything
/// else and anything over `limit` bytes; `what` names the file in the
/// message ("a bank"). The file is opened without blocking, so a FIFO is
/// refused rather than waited on, and read through a cap, so a file that
/// grows (or lies about its size) stops at the limit.
pub fn read_limited(path: &Path, limit: u64, what: &'static str) -> Result<Vec<u8>, ReadError> {
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
        "a folder"
    } else {
        special_kind(kind)
    }))
}

#[cfg(unix)]
fn special_kind(kind: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: std::fs::FileType) -> &'static str {
    "a special file"
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
}
