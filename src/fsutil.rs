//! Writing files so that nothing already there is ever half-overwritten: the
//! new content goes to a temporary file in the same folder, which is then
//! renamed over the old one in one step.

use std::io::Write;
use std::path::Path;

use tempfile::NamedTempFile;

use crate::error::{Error, Result};

/// A temporary file in `path`'s folder, to be renamed onto `path` once
/// complete. It gets the permissions the result should have: those of the
/// file it replaces, or the usual 0644 (a temporary file is otherwise 0600).
pub fn temp_beside(path: &Path, suffix: &str) -> Result<NamedTempFile> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".mediaquiz-").suffix(suffix);
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
