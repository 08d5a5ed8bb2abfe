//! Files: reading only regular files, within a size cap, without ever
//! blocking on a FIFO or draining a device; and writing so that nothing
//! already there is ever half-overwritten: the new content goes to a
//! temporary file in the same folder, which is then renamed over the old one
//! in one step. A run's files (sheets and their keys) are written as one set:
//! all or none.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
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
    note_input(path, &metadata, what);
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

/// One file this process read as an input, by identity.
#[derive(Debug, Clone)]
struct Input {
    /// Device and inode (`(0, 0)` where there are none).
    id: (u64, u64),
    what: What,
    path: PathBuf,
}

/// Every input this process has read: what an output is compared against
/// before it is written. A process reads a handful of files, so a list.
static INPUTS: std::sync::Mutex<Vec<Input>> = std::sync::Mutex::new(Vec::new());

#[cfg(unix)]
fn identity(metadata: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (metadata.dev(), metadata.ino())
}

#[cfg(not(unix))]
fn identity(_: &std::fs::Metadata) -> (u64, u64) {
    (0, 0)
}

/// Records the file at `path` (open, with `metadata`) as an input of this
/// run, so that no output replaces it ([`refuse_input`]).
pub fn note_input(path: &Path, metadata: &std::fs::Metadata, what: What) {
    let id = identity(metadata);
    if id == (0, 0) {
        return;
    }
    let mut inputs = INPUTS.lock().unwrap_or_else(|poison| poison.into_inner());
    if !inputs.iter().any(|input| input.id == id) {
        inputs.push(Input {
            id,
            what,
            path: path.to_owned(),
        });
    }
}

/// Whether `a` and `b` are one file (device and inode, symlinks followed),
/// whatever paths spell them; `false` if either is missing.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => identity(&a) != (0, 0) && identity(&a) == identity(&b),
        _ => false,
    }
}

/// An exclusive lock on `FILE.lock` beside a file that several runs read and
/// rewrite (review progress, the allowed banks), held until dropped. The lock
/// file goes with its holder: it is unlinked while still locked, and a run
/// that locks a file checks it is still the one at the path (not one a
/// finished run just unlinked), or starts over.
#[derive(Debug)]
pub struct Lock {
    file: File,
    path: PathBuf,
}

impl Lock {
    /// Locks `target`'s `.lock` file, or None at once when another run holds it.
    pub fn try_acquire(target: &Path) -> Result<Option<Lock>> {
        Lock::take(target)
    }

    /// Locks `target`'s `.lock` file, waiting up to `patience` for another
    /// run to let it go; None if it still holds it then (a run stopped in a
    /// debugger, a stuck network disk: better a message than a hang).
    pub fn acquire(target: &Path, patience: Duration) -> Result<Option<Lock>> {
        let until = Instant::now() + patience;
        loop {
            if let Some(lock) = Lock::take(target)? {
                return Ok(Some(lock));
            }
            if Instant::now() >= until {
                return Ok(None);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn take(target: &Path) -> Result<Option<Lock>> {
        let mut name = target.file_name().unwrap_or_default().to_os_string();
        name.push(".lock");
        let path = target.with_file_name(name);
        let error = |source| Error::Write {
            path: path.clone(),
            source,
        };
        // Only a regular file is a lock: opening a FIFO to write waits for a
        // reader forever, and a device has effects of its own.
        let refuse = |why: ReadError| why.about(&path);
        loop {
            regular_or_absent(&path).map_err(refuse)?;
            let mut options = OpenOptions::new();
            options.create(true).truncate(false).write(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                // Should a FIFO be swapped in after the check, fail at once.
                options.custom_flags(libc::O_NONBLOCK);
            }
            let file = options.open(&path).map_err(error)?;
            regular_or_absent(&path).map_err(refuse)?;
            if !file.metadata().map_err(error)?.is_file() {
                return Err(refuse(ReadError::NotRegular(Special::Other)));
            }
            match file.try_lock() {
                Ok(()) => {}
                Err(std::fs::TryLockError::WouldBlock) => return Ok(None),
                Err(std::fs::TryLockError::Error(source)) => return Err(error(source)),
            }
            if is_at(&file, &path).map_err(error)? {
                return Ok(Some(Lock { file, path }));
            }
            // The file we locked was unlinked by a run that just ended: lock
            // the one now at the path instead.
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Unlinked before the file is closed, so still under the lock; if it
        // fails the lock file merely stays, as before.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// Whether the open `file` is the one at `path`.
#[cfg(unix)]
fn is_at(file: &File, path: &Path) -> io::Result<bool> {
    let open = file.metadata()?;
    match std::fs::metadata(path) {
        Ok(there) => Ok(identity(&open) == identity(&there)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(err) => Err(err),
    }
}

#[cfg(not(unix))]
fn is_at(_: &File, _: &Path) -> io::Result<bool> {
    // Elsewhere a locked file cannot be unlinked, so it is always the one.
    Ok(true)
}

/// Refuses to write `target` if it is (symlinks followed, by device and
/// inode) a file this run read as an input, other than one of kind
/// `rewrites` (the progress file a review saves): a usage error, exit 2,
/// before anything is touched. `flag` is the option that named it.
pub fn refuse_input(target: &Path, rewrites: Option<What>, flag: &str) -> Result<()> {
    let Ok(metadata) = std::fs::metadata(target) else {
        return Ok(());
    };
    let id = identity(&metadata);
    let inputs = INPUTS.lock().unwrap_or_else(|poison| poison.into_inner());
    let Some(input) = inputs
        .iter()
        .find(|input| input.id == id && Some(input.what) != rewrites)
    else {
        return Ok(());
    };
    let (fr, en) = match input.what {
        What::Bank => ("la banque", "the bank"),
        What::Article => ("l’article", "the article"),
        What::Progress => ("le fichier de progression", "the progress file"),
        What::Grants => (
            "le fichier des banques autorisées",
            "the file of allowed banks",
        ),
    };
    let (out, read) = (
        crate::console::shown(target),
        crate::console::shown(&input.path),
    );
    Err(Error::usage(
        format!(
            "`{out}` est {fr} que cette commande lit (`{read}`) : mediaquiz n’écrit jamais sur ce qu’il lit ; choisissez un autre chemin pour `{flag}`"
        ),
        format!(
            "`{out}` is {en} this command reads (`{read}`): mediaquiz never writes over what it reads; choose another path for `{flag}`"
        ),
    ))
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

/// Writes `files` (`(name, bytes)`) into `dir` as one set, all or nothing
/// (see [`SetWriter`]). Returns the paths written, in order.
pub fn write_set(dir: &Path, files: &[(&str, &[u8])]) -> Result<Vec<PathBuf>> {
    let mut writer = SetWriter::open(dir)?;
    for (name, bytes) in files {
        writer.stage(name, bytes)?;
    }
    writer.commit()
}

/// The journal of a set being renamed into place: it exists only between
/// the first and the last rename, so a run killed there leaves it for the
/// next run, which finishes the job before anything else.
const JOURNAL: &str = ".mediaquiz-set.json";
/// Every temporary name a set uses starts with this, then six random
/// characters and a dot: `.mediaquiz-set-Xy12ab.worksheet-A.html` (the
/// file's own name last, so a browser printing a staged page sees `.html`).
const SET_MARK: &str = ".mediaquiz-set-";

/// Which way an interrupted set was going when it stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Direction {
    /// Placing the new set: finish placing it.
    Forward,
    /// A rename failed and the earlier set was being put back: finish that.
    Back,
}

/// One file of the set, as the journal records it (names within the folder).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    /// Its name once placed.
    name: String,
    /// The complete new file, until renamed to `name`.
    temp: String,
    /// Where the earlier file is moved before the new one takes its name.
    backup: String,
    /// Whether there was an earlier file at `name`.
    earlier: bool,
}

#[derive(Debug, Serialize, Deserialize)]
struct Journal {
    direction: Direction,
    entries: Vec<Entry>,
}

/// Writes a set of files into a folder so that, whatever stops the run (an
/// error, Ctrl-C, `kill -9`, a full disk), the folder ends up holding the
/// whole earlier set or the whole new one, never a sheet beside another
/// run's key; the user's other files are never touched.
///
/// How: the folder is locked (`flock` on the folder itself, so no lock file
/// appears in it) for the whole run; leftovers of an interrupted run are
/// repaired first. Every new file is then written in full under a temporary
/// name; only then is a journal listing the renames written (atomically), the
/// renames done, and the journal removed. A run killed during the renames
/// leaves the journal, and the next run into the folder finishes them
/// ([`recover`]); a rename that fails puts the earlier files back. Ctrl-C
/// and `kill` are held off during the renames (a few milliseconds for 120
/// files), so only `kill -9` can leave work for the next run.
#[derive(Debug)]
pub struct SetWriter {
    dir: PathBuf,
    // Held until the set is placed; the OS releases it if the process dies.
    _lock: File,
    staged: Vec<(String, TempPath)>,
}

impl SetWriter {
    /// Locks `dir` (made if missing) and repairs what an interrupted run left.
    pub fn open(dir: &Path) -> Result<SetWriter> {
        let error = |source| Error::Write {
            path: dir.to_owned(),
            source,
        };
        // `--out one.html` names a file in the current folder: `dir` is "".
        let folder = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        std::fs::create_dir_all(folder).map_err(error)?;
        let lock = File::open(folder).map_err(error)?;
        lock.lock().map_err(error)?;
        recover(folder)?;
        Ok(SetWriter {
            dir: dir.to_owned(),
            _lock: lock,
            staged: Vec::new(),
        })
    }

    /// Writes `bytes` under a temporary name in the folder, to become `name`
    /// at [`SetWriter::commit`]; returns the temporary file's path (a page to
    /// print before the set is placed, say).
    pub fn stage(&mut self, name: &str, bytes: &[u8]) -> Result<PathBuf> {
        let path = self.dir.join(name);
        let error = |source| Error::Write {
            path: path.clone(),
            source,
        };
        // A folder (or anything but a file) in the way fails now, before
        // any earlier file is moved.
        if let Ok(meta) = path.symlink_metadata()
            && meta.is_dir()
        {
            return Err(error(io::ErrorKind::IsADirectory.into()));
        }
        refuse_input(&path, None, "--out")?;
        let mut temp = set_temp(&self.dir, name, &path)?;
        temp.write_all(bytes).map_err(error)?;
        let temp = temp.into_temp_path();
        let staged = temp.to_path_buf();
        self.staged.push((name.to_owned(), temp));
        Ok(staged)
    }

    /// Renames every staged file into place, all or none; returns their
    /// paths, in the order staged.
    pub fn commit(self) -> Result<Vec<PathBuf>> {
        self.commit_until(usize::MAX)
    }

    /// [`SetWriter::commit`], stopping dead after `stop` renames as a kill
    /// would (for tests); `usize::MAX` never stops.
    fn commit_until(self, stop: usize) -> Result<Vec<PathBuf>> {
        let dir = &self.dir;
        let mut entries = Vec::with_capacity(self.staged.len());
        // Backups are named (made empty) before the journal names them.
        let mut keep = Vec::with_capacity(self.staged.len() * 2);
        for (name, temp) in &self.staged {
            let path = dir.join(name);
            let backup = set_temp(dir, &format!("old.{name}"), &path)?.into_temp_path();
            entries.push(Entry {
                name: name.clone(),
                temp: file_name_of(temp),
                backup: file_name_of(&backup),
                earlier: path.symlink_metadata().is_ok(),
            });
            keep.push(backup);
        }
        let mut journal = Journal {
            direction: Direction::Forward,
            entries,
        };
        let _quiet = HoldSignals::new();
        write_journal(dir, &journal)?;
        // From here the journal owns every temporary name: dropping these
        // handles must not delete what the journal needs.
        for temp in keep
            .into_iter()
            .chain(self.staged.into_iter().map(|(_, t)| t))
        {
            let _ = temp.keep();
        }
        let mut placed = 0;
        let mut failure = None;
        for entry in &journal.entries {
            if placed == stop {
                return Ok(Vec::new());
            }
            match place_entry(dir, entry) {
                Ok(()) => placed += 1,
                Err(error) => {
                    failure = Some(error);
                    break;
                }
            }
        }
        if let Some(error) = failure {
            journal.direction = Direction::Back;
            // If even the journal cannot be rewritten, putting back still
            // goes on; a kill then would finish the set instead.
            let _ = write_journal(dir, &journal);
            replay(dir, &journal);
            return Err(error);
        }
        debug_assert_eq!(placed, journal.entries.len());
        replay(dir, &journal);
        Ok(journal.entries.iter().map(|e| dir.join(&e.name)).collect())
    }
}

/// A new temporary file in `dir` for `name` (named by [`SET_MARK`]), with the
/// permissions `path`'s file has, or 0644.
fn set_temp(dir: &Path, name: &str, path: &Path) -> Result<NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    let suffix = format!(".{name}");
    builder
        .prefix(SET_MARK)
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

fn file_name_of(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

fn write_journal(dir: &Path, journal: &Journal) -> Result<()> {
    let path = dir.join(JOURNAL);
    let error = |source| Error::Write {
        path: path.clone(),
        source,
    };
    let json = serde_json::to_vec(journal)
        .map_err(io::Error::from)
        .map_err(error)?;
    let mut temp = set_temp(dir, "journal", &path)?;
    temp.write_all(&json).map_err(error)?;
    temp.persist(&path).map_err(|e| error(e.error))?;
    Ok(())
}

/// Moves the earlier file at `entry.name` to its backup, then the new one
/// onto the name.
fn place_entry(dir: &Path, entry: &Entry) -> Result<()> {
    let path = dir.join(&entry.name);
    let error = |source| Error::Write {
        path: path.clone(),
        source,
    };
    if entry.earlier {
        std::fs::rename(&path, dir.join(&entry.backup)).map_err(error)?;
    }
    std::fs::rename(dir.join(&entry.temp), &path).map_err(error)
}

/// Finishes what `journal` describes, whatever point it had reached, and
/// removes it: forward, every new file still under its temporary name takes
/// its place; back, every earlier file is put back where a new one was
/// placed. Best effort, file by file: each step can be redone.
fn replay(dir: &Path, journal: &Journal) {
    let exists = |name: &str| dir.join(name).symlink_metadata().is_ok();
    for entry in &journal.entries {
        let (path, temp, backup) = (
            dir.join(&entry.name),
            dir.join(&entry.temp),
            dir.join(&entry.backup),
        );
        match journal.direction {
            Direction::Forward => {
                if exists(&entry.temp) {
                    let _ = std::fs::rename(&temp, &path);
                }
            }
            Direction::Back => {
                let placed = !exists(&entry.temp);
                if placed && !entry.earlier {
                    let _ = std::fs::remove_file(&path);
                } else if entry.earlier && (placed || !exists(&entry.name)) && exists(&entry.backup)
                {
                    // Placed, or stopped between its two renames: the
                    // backup holds the earlier file.
                    let _ = std::fs::rename(&backup, &path);
                }
            }
        }
        let _ = std::fs::remove_file(&temp);
        let _ = std::fs::remove_file(&backup);
    }
    let _ = std::fs::remove_file(dir.join(JOURNAL));
}

/// Repairs `dir` after an interrupted set: finishes the journal's renames if
/// there is one, then removes every temporary file a set leaves (only names
/// starting [`SET_MARK`], plus the names earlier versions gave them).
/// [`SetWriter::open`] calls it under the folder's lock; call it only so.
pub fn recover(dir: &Path) -> Result<()> {
    let journal_path = dir.join(JOURNAL);
    match std::fs::read(&journal_path) {
        Ok(bytes) => {
            if let Ok(journal) = serde_json::from_slice::<Journal>(&bytes) {
                replay(dir, &journal);
            } else {
                // Written atomically, so never half: not ours. Left alone.
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(source) => {
            return Err(Error::Read {
                path: journal_path,
                source,
            });
        }
    }
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Read {
        path: dir.to_owned(),
        source,
    })?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if is_set_temporary(name) && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    Ok(())
}

/// Whether `name` is a set's temporary file: `.mediaquiz-set-XXXXXX.…`, or
/// as versions before the journal named them, `.NAME.mediaquiz-XXXXXX.tmp`
/// and `….old.tmp` for an output NAME (`worksheet-`, `answers-`, `cards`…;
/// a progress file's temporaries, which share the old pattern, are left to
/// the session that holds its lock).
fn is_set_temporary(name: &str) -> bool {
    let random_then_dot = |rest: &str| {
        rest.len() > TEMP_RANDOM
            && rest.is_char_boundary(TEMP_RANDOM)
            && rest[..TEMP_RANDOM]
                .chars()
                .all(|c| c.is_ascii_alphanumeric())
            && rest[TEMP_RANDOM..].starts_with('.')
    };
    if let Some(rest) = name.strip_prefix(SET_MARK) {
        return random_then_dot(rest);
    }
    let Some(rest) = name.strip_prefix('.') else {
        return false;
    };
    let Some((output, tail)) = rest.split_once(".mediaquiz-") else {
        return false;
    };
    let legacy_output = ["worksheet-", "answers-", "flashcards", "cards", "selfcheck"]
        .iter()
        .any(|p| output.starts_with(p));
    legacy_output && random_then_dot(tail) && matches!(&tail[TEMP_RANDOM..], ".tmp" | ".old.tmp")
}

/// Holds off Ctrl-C, `kill` and hang-ups while it lives (they are delivered
/// when it drops), so that a set's renames run to the end.
struct HoldSignals {
    #[cfg(unix)]
    old: libc::sigset_t,
}

impl HoldSignals {
    fn new() -> HoldSignals {
        #[cfg(unix)]
        {
            // SAFETY: sigset_t is plain data, initialised by sigemptyset;
            // pthread_sigmask only reads `set` and writes `old`.
            unsafe {
                let mut set: libc::sigset_t = std::mem::zeroed();
                let mut old: libc::sigset_t = std::mem::zeroed();
                libc::sigemptyset(&mut set);
                for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP, libc::SIGQUIT] {
                    libc::sigaddset(&mut set, signal);
                }
                libc::pthread_sigmask(libc::SIG_BLOCK, &set, &mut old);
                HoldSignals { old }
            }
        }
        #[cfg(not(unix))]
        HoldSignals {}
    }
}

impl Drop for HoldSignals {
    fn drop(&mut self) {
        #[cfg(unix)]
        // SAFETY: restores the mask saved in `new`.
        unsafe {
            libc::pthread_sigmask(libc::SIG_SETMASK, &self.old, std::ptr::null_mut());
        }
    }
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

    #[test]
    fn a_lock_file_unlinked_under_a_waiting_run_is_not_trusted() {
        // A run that locked a file since unlinked (by one that ended) must
        // not count as holding the lock.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.json.lock");
        let old = File::create(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        assert!(!is_at(&old, &path).unwrap());
        let new = File::create(&path).unwrap();
        assert!(is_at(&new, &path).unwrap());
    }

    #[test]
    fn a_waiting_lock_is_taken_once_the_holder_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("allowed.json");
        let long = Duration::from_secs(60);
        let first = Lock::acquire(&target, long).unwrap().unwrap();
        assert!(Lock::try_acquire(&target).unwrap().is_none());
        let waiter = {
            let target = target.clone();
            std::thread::spawn(move || Lock::acquire(&target, long).map(|l| l.is_some()))
        };
        std::thread::sleep(Duration::from_millis(50));
        assert!(!waiter.is_finished(), "the waiter took a held lock");
        drop(first);
        assert!(waiter.join().unwrap().unwrap(), "the waiter gave up");
        assert!(!dir.path().join("allowed.json.lock").exists());
    }

    #[test]
    fn a_lock_held_past_the_patience_is_not_waited_for() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("allowed.json");
        let _held = Lock::try_acquire(&target).unwrap().unwrap();
        let again = Lock::acquire(&target, Duration::from_millis(60)).unwrap();
        assert!(again.is_none());
    }
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

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_set_killed_at_any_rename_is_finished_by_the_next_run() {
        let files = ["w-A", "k-A", "w-B", "k-B", "w-C"];
        for stop in 0..=files.len() {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
            let old: Vec<(&str, &[u8])> = files[..4].iter().map(|n| (*n, &b"old"[..])).collect();
            write_set(dir.path(), &old).unwrap();
            let mut writer = SetWriter::open(dir.path()).unwrap();
            for name in files {
                writer.stage(name, b"new").unwrap();
            }
            writer.commit_until(stop).unwrap();
            if stop < files.len() {
                assert!(dir.path().join(JOURNAL).exists(), "stop {stop}");
            }
            // The next run, first thing.
            drop(SetWriter::open(dir.path()).unwrap());
            let mut expected: Vec<String> = files.iter().map(|n| n.to_string()).collect();
            expected.push("notes.txt".into());
            expected.sort();
            assert_eq!(names(dir.path()), expected, "stop {stop}");
            for name in files {
                assert_eq!(std::fs::read(dir.path().join(name)).unwrap(), b"new");
            }
            assert_eq!(
                std::fs::read(dir.path().join("notes.txt")).unwrap(),
                b"mine"
            );
        }
    }

    #[test]
    fn a_set_killed_while_putting_back_is_put_back_by_the_next_run() {
        let dir = tempfile::tempdir().unwrap();
        write_set(dir.path(), &[("a", b"old a"), ("b", b"old b")]).unwrap();
        let mut writer = SetWriter::open(dir.path()).unwrap();
        for name in ["a", "b", "c"] {
            writer.stage(name, b"new").unwrap();
        }
        // Both earlier files placed aside and replaced, then killed while
        // going back: a journal saying so is what the next run finds.
        let mut journal = Journal {
            direction: Direction::Back,
            entries: Vec::new(),
        };
        for (name, temp) in &writer.staged {
            let path = dir.path().join(name);
            let backup = set_temp(dir.path(), "old", &path).unwrap().into_temp_path();
            journal.entries.push(Entry {
                name: name.clone(),
                temp: file_name_of(temp),
                backup: file_name_of(&backup),
                earlier: path.exists(),
            });
            let _ = backup.keep();
        }
        write_journal(dir.path(), &journal).unwrap();
        let staged = std::mem::take(&mut writer.staged);
        drop(writer);
        for (entry, (_, temp)) in journal.entries.iter().zip(staged).take(2) {
            place_entry(dir.path(), entry).unwrap();
            let _ = temp.keep();
        }
        // `c` was never placed; its temporary is dropped with the writer.
        drop(SetWriter::open(dir.path()).unwrap());
        assert_eq!(names(dir.path()), ["a", "b"]);
        assert_eq!(std::fs::read(dir.path().join("a")).unwrap(), b"old a");
        assert_eq!(std::fs::read(dir.path().join("b")).unwrap(), b"old b");
    }

    #[test]
    fn leftover_temporaries_go_and_other_files_stay() {
        let dir = tempfile::tempdir().unwrap();
        let leftovers = [
            ".mediaquiz-set-Ab12cd.worksheet-A.html",
            ".mediaquiz-set-Ab12cd.old.answers-A.html",
            ".worksheet-A.html.mediaquiz-Xy12ab.tmp",
            ".answers-B.html.mediaquiz-Xy12ab.old.tmp",
        ];
        let kept = [
            ".review.json.mediaquiz-Xy12ab.tmp",
            ".mediaquiz-set-short",
            "worksheet-A.html",
            "notes.mediaquiz-set-Ab12cd.txt",
        ];
        for name in leftovers.iter().chain(&kept) {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        drop(SetWriter::open(dir.path()).unwrap());
        let mut expected: Vec<&str> = kept.to_vec();
        expected.sort();
        assert_eq!(names(dir.path()), expected);
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
