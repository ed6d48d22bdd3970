//! Atomic file replacement: a crash or power cut leaves the old file or the new one, never
//! half of one.
//!
//! The bytes go to a temporary file in the target's own folder (so the rename stays on one
//! file system), which is flushed to disk (`fsync`), renamed over the target, and the folder
//! is flushed too where the platform allows, so the rename itself survives a power cut.
//! The two steps are [`Pending::write`] and [`Pending::commit`]; tests stop between them to
//! play a crash.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The suffix of temporary files.
pub const TEMP_SUFFIX: &str = ".tmp";

/// Replaces `target` with `bytes` atomically (see the module docs).
pub fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    Pending::write(target, bytes)?.commit()
}

/// Writes a new file, refusing to replace one that exists (`ErrorKind::AlreadyExists`); or,
/// with `replace`, replaces it atomically. A new file that cannot be written completely is
/// removed.
pub fn write_file(target: &Path, bytes: &[u8], replace: bool) -> io::Result<()> {
    write_file_with(target, replace, &mut |w| w.write_all(bytes))
}

/// [`write_file`] with the bytes written by `fill` as they are made (through a buffer), so
/// that a large export is never held whole in memory. A `fill` that fails leaves no file
/// behind (and, with `replace`, the old one in place).
pub fn write_file_with(
    target: &Path,
    replace: bool,
    fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    if replace {
        return Pending::write_with(target, fill)?.commit();
    }
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(target)?;
    let mut out = io::BufWriter::new(file);
    let written = fill(&mut out)
        .and_then(|()| out.flush())
        .and_then(|()| out.get_ref().sync_all());
    if let Err(e) = written {
        drop(out);
        let _ = fs::remove_file(target);
        return Err(e);
    }
    Ok(())
}

/// The name prefix of `target`'s temporary files: `.<file name>.`.
pub fn temp_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}.")
}

/// New bytes written and flushed beside their target, not yet in its place.
#[derive(Debug)]
pub struct Pending {
    temp: PathBuf,
    target: PathBuf,
    done: bool,
}

impl Pending {
    /// Writes `bytes` to a new temporary file beside `target` and flushes it to disk.
    pub fn write(target: &Path, bytes: &[u8]) -> io::Result<Pending> {
        Pending::write_with(target, &mut |w| w.write_all(bytes))
    }

    /// [`Pending::write`] with the bytes written by `fill` as they are made, through a
    /// buffer; when `fill` fails the temporary file is removed.
    pub fn write_with(
        target: &Path,
        fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<Pending> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let dir = parent(target);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!(
            "{}{}-{n}{TEMP_SUFFIX}",
            temp_prefix(target),
            std::process::id()
        ));
        let pending = Pending {
            temp,
            target: target.to_path_buf(),
            done: false,
        };
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&pending.temp)?;
        let mut out = io::BufWriter::new(file);
        fill(&mut out)?;
        out.flush()?;
        out.get_ref().sync_all()?;
        Ok(pending)
    }

    /// The temporary file.
    pub fn temp_path(&self) -> &Path {
        &self.temp
    }

    /// Renames the temporary file over the target and flushes the folder.
    pub fn commit(mut self) -> io::Result<()> {
        fs::rename(&self.temp, &self.target)?;
        self.done = true;
        sync_dir(parent(&self.target));
        Ok(())
    }

    /// Leaves the temporary file where it is, as a crash between the two steps would.
    pub fn abandon(mut self) -> PathBuf {
        self.done = true;
        self.temp.clone()
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// Removes the temporary files a crash left beside `target` (older than a minute, so a save
/// running in another process is left alone). Returns how many were removed.
pub fn remove_leftovers(target: &Path) -> usize {
    let prefix = temp_prefix(target);
    let Ok(entries) = fs::read_dir(parent(target)) else {
        return 0;
    };
    let old = |e: &fs::DirEntry| {
        e.metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() >= 60)
    };
    entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(&prefix) && name.ends_with(TEMP_SUFFIX) && old(e)
        })
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Flushes a folder's entries (the rename) to disk; a no-op where folders cannot be opened.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.json");
        write_atomic(&target, b"one").unwrap();
        write_atomic(&target, b"two").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn an_abandoned_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.json");
        write_atomic(&target, b"old").unwrap();
        let temp = Pending::write(&target, b"new").unwrap().abandon();
        assert_eq!(fs::read(&target).unwrap(), b"old");
        assert_eq!(fs::read(&temp).unwrap(), b"new");
        // a dropped (failed) one cleans up after itself
        let pending = Pending::write(&target, b"newer").unwrap();
        let t = pending.temp_path().to_path_buf();
        drop(pending);
        assert!(!t.exists());
    }

    #[test]
    fn new_files_are_replaced_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.html");
        write_file(&target, b"first", false).unwrap();
        let e = write_file(&target, b"second", false).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&target).unwrap(), b"first");
        write_file(&target, b"second", true).unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"second");
    }
}
