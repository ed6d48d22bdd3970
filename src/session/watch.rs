//! Noticing edits to an opened folder: a background thread compares a cheap fingerprint of
//! the folder's article files (paths, sizes, modification times) every couple of seconds.
//!
//! Polling rather than OS notifications: it works the same on every platform and network
//! share, and costs one directory walk (no file reads) per interval.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use super::Notify;

/// How often an opened folder is checked for edits.
pub const INTERVAL: Duration = Duration::from_secs(2);

/// The text file endings the document store reads, and the vocabulary files a folder may
/// hold (the other formats it reads are `corpus::formats::EXTENSIONS`).
const WATCHED: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "yaml", "yml",
];

/// A fingerprint of the files of a folder that loading reads: it changes when one is added,
/// removed, resized or modified. Hidden folders are left out, except the folder's own
/// `.parallax/` (its vocabulary files); the annotations file there is not an article, so
/// saving annotations never looks like an edit. A missing folder has a fingerprint too.
pub fn fingerprint(dir: &Path) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    dir.exists().hash(&mut hasher);
    let walk = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let hidden = e.file_name().to_string_lossy().starts_with('.');
            e.depth() == 0 || !hidden || (e.depth() == 1 && e.file_name() == ".parallax")
        });
    for entry in walk.flatten() {
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let watched = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .is_some_and(|e| {
                WATCHED.contains(&e.as_str())
                    || crate::corpus::formats::EXTENSIONS.contains(&e.as_str())
            });
        if !watched {
            continue;
        }
        path.hash(&mut hasher);
        if let Ok(meta) = entry.metadata() {
            meta.len().hash(&mut hasher);
            if let Ok(modified) = meta.modified() {
                modified.hash(&mut hasher);
            }
        }
    }
    hasher.finish()
}

/// Watches one folder until dropped.
pub struct Watcher {
    /// The folder watched.
    pub dir: PathBuf,
    stop: Arc<AtomicBool>,
    rx: Receiver<()>,
}

impl Watcher {
    /// Starts watching `dir`, whose files had fingerprint `baseline` when they were read;
    /// calls `notify` when they change (the window repaints).
    pub fn start(
        dir: PathBuf,
        baseline: u64,
        interval: Duration,
        notify: &Notify,
    ) -> Option<Watcher> {
        let (tx, rx) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let (thread_stop, thread_dir, notify) = (stop.clone(), dir.clone(), notify.clone());
        std::thread::Builder::new()
            .name("parallax-watch".into())
            .spawn(move || {
                let mut last = baseline;
                let mut next = Instant::now() + interval;
                while !thread_stop.load(Ordering::Relaxed) {
                    std::thread::sleep(interval.min(Duration::from_millis(100)));
                    if Instant::now() < next {
                        continue;
                    }
                    next = Instant::now() + interval;
                    let now = fingerprint(&thread_dir);
                    if now != last {
                        last = now;
                        if tx.send(()).is_err() {
                            return;
                        }
                        notify();
                    }
                }
            })
            .ok()?;
        Some(Watcher { dir, stop, rx })
    }

    /// Whether the folder changed since the last call.
    pub fn changed(&self) -> bool {
        let mut changed = false;
        while self.rx.try_recv().is_ok() {
            changed = true;
        }
        changed
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_change_with_articles_not_with_annotations() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "The ferry runs daily.").unwrap();
        let first = fingerprint(dir.path());
        assert_eq!(first, fingerprint(dir.path()));
        std::fs::create_dir(dir.path().join(".parallax")).unwrap();
        std::fs::write(dir.path().join(".parallax/annotations.json"), "{}").unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        std::fs::write(dir.path().join(".git/notes.txt"), "x").unwrap();
        std::fs::write(dir.path().join("photo.jpg"), "x").unwrap();
        assert_eq!(first, fingerprint(dir.path()), "not articles");
        std::fs::write(dir.path().join(".parallax/topics.yaml"), "topics: []").unwrap();
        let with_topics = fingerprint(dir.path());
        assert_ne!(first, with_topics, "the folder's vocabulary counts");
        std::fs::write(dir.path().join("a.txt"), "The ferry runs twice daily.").unwrap();
        let edited = fingerprint(dir.path());
        assert_ne!(with_topics, edited, "an edited article");
        std::fs::write(dir.path().join("release.pdf"), "%PDF-1.4").unwrap();
        assert_ne!(edited, fingerprint(dir.path()), "a PDF is an article too");
        let gone = dir.path().join("gone");
        assert_ne!(fingerprint(&gone), with_topics);
    }
}
