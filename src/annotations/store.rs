//! The annotations file of a folder: `.parallax/annotations.json`, never lost.
//!
//! - **Opening** ([`Store::open`]): a missing file is an empty set of annotations. A file
//!   that is not valid JSON, or holds another schema than [`ANNOTATIONS_SCHEMA`] (a newer
//!   Parallax wrote it), is renamed aside with a timestamp
//!   (`annotations.corrupt-20261123T120000Z.json`, `annotations.unsupported-….json`),
//!   reported in [`Store::warnings`], and never written over; the store starts empty.
//! - **Saving** ([`Store::save`], or [`Store::tick`] a moment after the last change): the
//!   whole file is replaced atomically (see [`super::atomic`]).
//! - **Where**: in the folder's `.parallax/` when the folder can be written; otherwise (a
//!   read-only folder, a `.parallax` that is not a folder, a failed write) in the user's data
//!   directory, in a file named after the folder and a hash of its canonical path. The
//!   bundled sample has no folder and always uses the data directory. [`Store::location`]
//!   and [`Store::location_note`] say where.
//!
//! The data directory is `$PARALLAX_DATA_DIR` when set, else the platform's data directory
//! for Parallax (via the `directories` crate; `~/.local/share/parallax` on Linux).
//!
//! ```
//! use parallax::annotations::store::{Place, Store, StoreConfig};
//! use parallax::annotations::Verdict;
//! let folder = tempfile::tempdir().unwrap();
//! std::fs::write(folder.path().join("a.txt"), "The council has approved the new bus lane.").unwrap();
//! let corpus = parallax::corpus::load(folder.path(), &Default::default()).unwrap();
//!
//! let mut store = Store::open(&Place::Folder(folder.path().into()));
//! let comparison = parallax::analyze(&corpus, &store.settings());
//! let group = comparison.groups[0].id.clone();
//! store.edit_note(&comparison, &group, |n| n.verdict = Some(Verdict::Agreed));
//! store.save().unwrap();
//! assert!(folder.path().join(".parallax/annotations.json").exists());
//!
//! let again = Store::open(&Place::Folder(folder.path().into()));
//! assert_eq!(again.annotations().groups[&group].verdict, Some(Verdict::Agreed));
//! ```

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use chrono::{DateTime, SecondsFormat, Utc};

use super::atomic::{remove_leftovers, write_atomic};
use super::attach::{AttachReport, attach};
use super::autosave::Autosave;
use super::fingerprint::group_fingerprints;
use super::{ANNOTATIONS_SCHEMA, Annotations, GroupNote};
use crate::comparison::Comparison;
use crate::corrections::Corrections;

/// The folder inside an opened folder that holds Parallax's own files.
pub const DIR_NAME: &str = ".parallax";
/// The annotations file's name.
pub const FILE_NAME: &str = "annotations.json";
/// The environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "PARALLAX_DATA_DIR";

/// Whose annotations: a folder's or the bundled sample's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A folder on disk.
    Folder(PathBuf),
    /// The sample compiled into the binary (no folder to write to).
    Sample,
}

/// Where a store may write; the defaults suit the app, tests set their own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoreConfig {
    /// The data directory for folders that cannot hold their annotations; `None` means
    /// [`default_data_dir`].
    pub data_dir: Option<PathBuf>,
    /// Whether the folder can be written; `None` means "find out" (a `.parallax` that is not
    /// a folder, or a folder whose permissions say read-only, cannot). A write that fails
    /// later moves the store to the data directory all the same.
    pub folder_writable: Option<bool>,
}

/// The user's data directory for Parallax: `$PARALLAX_DATA_DIR`, or the platform's.
pub fn default_data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "parallax").map(|d| d.data_dir().to_path_buf())
}

/// The annotations file inside a folder: `DIR/.parallax/annotations.json`.
pub fn folder_file(folder: &Path) -> PathBuf {
    folder.join(DIR_NAME).join(FILE_NAME)
}

/// The annotations file of a place in a data directory: `annotations/sample.json` for the
/// sample, `annotations/<folder name>-<hash of its canonical path>.json` for a folder.
pub fn data_file(data_dir: &Path, place: &Place) -> PathBuf {
    let name = match place {
        Place::Sample => "sample.json".to_string(),
        Place::Folder(folder) => {
            let canonical = fs::canonicalize(folder).unwrap_or_else(|_| absolute(folder));
            let hash = xxhash_rust::xxh3::xxh3_64(canonical.to_string_lossy().as_bytes());
            let base = canonical
                .file_name()
                .map(|n| crate::sides::side_id(&n.to_string_lossy()))
                .unwrap_or_else(|| "folder".to_string());
            format!("{base}-{hash:016x}.json")
        }
    };
    data_dir.join("annotations").join(name)
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Whether a folder can hold `.parallax/annotations.json`, as far as can be told without
/// writing: `.parallax` is a folder or absent, and neither it nor the folder is marked
/// read-only.
pub fn folder_looks_writable(folder: &Path) -> bool {
    let dir = folder.join(DIR_NAME);
    let writable =
        |p: &Path| fs::metadata(p).is_ok_and(|m| m.is_dir() && !m.permissions().readonly());
    match fs::symlink_metadata(&dir) {
        Ok(_) => writable(&dir),
        Err(_) => writable(folder),
    }
}

/// The current time as written into notes and aside names: RFC 3339, UTC, to the second.
pub fn now_rfc3339() -> String {
    DateTime::<Utc>::from(SystemTime::now()).to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A failed save. The annotations stay in memory (and the old file on disk, whole).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Neither the folder nor a data directory can be written.
    #[error("annotations cannot be saved: no writable place ({0})")]
    Nowhere(String),
    /// Writing the file failed.
    #[error("cannot save annotations to {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
}

/// What reading one annotations file gave.
#[derive(Debug)]
enum Read {
    Missing,
    Good(Box<Annotations>, SystemTime),
    /// Not annotations: `(kind for the aside name, reason)`.
    Bad(&'static str, String),
    Unreadable(io::Error),
}

fn read(path: &Path) -> Read {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Read::Missing,
        Err(e) => return Read::Unreadable(e),
    };
    let modified = fs::metadata(path)
        .and_then(|m| m.modified())
        .unwrap_or(SystemTime::UNIX_EPOCH);
    let value: serde_json::Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        Err(e) => return Read::Bad("corrupt", format!("not valid JSON ({e})")),
    };
    match value.get("schema").and_then(|s| s.as_str()) {
        Some(ANNOTATIONS_SCHEMA) => {}
        Some(other) => {
            return Read::Bad(
                "unsupported",
                format!("schema {other}, this version reads {ANNOTATIONS_SCHEMA}"),
            );
        }
        None => return Read::Bad("unsupported", "no schema".to_string()),
    }
    match serde_json::from_value::<Annotations>(value) {
        Ok(a) => Read::Good(Box::new(a), modified),
        Err(e) => Read::Bad("corrupt", format!("not annotations ({e})")),
    }
}

/// Renames a file aside: `annotations.<kind>-<UTC timestamp>.json` (with `-2`, `-3`, … when
/// taken). Returns the new path.
fn set_aside(path: &Path, kind: &str) -> io::Result<PathBuf> {
    let stamp = DateTime::<Utc>::from(SystemTime::now()).format("%Y%m%dT%H%M%SZ");
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "annotations".to_string());
    let dir = path.parent().unwrap_or(Path::new("."));
    for n in 1..1000 {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let aside = dir.join(format!("{stem}.{kind}-{stamp}{suffix}.json"));
        if fs::symlink_metadata(&aside).is_err() {
            fs::rename(path, &aside)?;
            return Ok(aside);
        }
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, "no free name"))
}

/// A place's annotations, where they are saved, and when the next save is due.
#[derive(Debug)]
pub struct Store {
    place: Place,
    annotations: Annotations,
    folder_file: Option<PathBuf>,
    data_file: Option<PathBuf>,
    /// Files that must not be written (they could not be read nor set aside).
    blocked: Vec<PathBuf>,
    /// Whether the folder's own file may be written.
    folder_ok: bool,
    location: Option<PathBuf>,
    warnings: Vec<String>,
    autosave: Autosave,
    last_error: Option<String>,
    /// Kept in memory only (never saved): [`Store::in_memory`].
    memory_only: bool,
}

impl Store {
    /// Opens a place's annotations with the default [`StoreConfig`].
    pub fn open(place: &Place) -> Store {
        Store::open_with(place, &StoreConfig::default())
    }

    /// Opens a place's annotations: reads them (setting aside a file that is not readable
    /// annotations), and decides where they will be saved. Never fails: what went wrong is
    /// in [`Store::warnings`].
    pub fn open_with(place: &Place, config: &StoreConfig) -> Store {
        let data_dir = config.data_dir.clone().or_else(default_data_dir);
        let folder_file = match place {
            Place::Folder(folder) => Some(self::folder_file(folder)),
            Place::Sample => None,
        };
        let data_file = data_dir.as_deref().map(|d| data_file(d, place));
        let mut store = Store {
            folder_file,
            data_file,
            memory_only: false,
            ..Store::in_memory(place)
        };
        let mut best: Option<(Box<Annotations>, SystemTime)> = None;
        for path in store.candidates() {
            match read(&path) {
                Read::Missing => {}
                Read::Good(a, modified) => {
                    remove_leftovers(&path);
                    if best.as_ref().is_none_or(|(_, t)| modified > *t) {
                        best = Some((a, modified));
                    }
                }
                Read::Bad(kind, reason) => store.set_aside_or_block(&path, kind, &reason),
                Read::Unreadable(e) => {
                    store.warnings.push(format!(
                        "{}: cannot be read ({e}); it is left as it is and not written over",
                        path.display()
                    ));
                    store.blocked.push(path);
                }
            }
        }
        if let Some((a, _)) = best {
            store.annotations = *a;
        }
        let folder_ok = match (&store.place, config.folder_writable) {
            (Place::Sample, _) => false,
            (_, Some(w)) => w,
            (Place::Folder(f), None) => folder_looks_writable(f),
        };
        store.folder_ok = folder_ok;
        store.location = store.writable_candidates().into_iter().next();
        store
    }

    /// A store that reads nothing and never saves: annotations for this session only (tests,
    /// benchmarks, a window made from an analysis). Its edits go through the same methods.
    pub fn in_memory(place: &Place) -> Store {
        Store {
            place: place.clone(),
            annotations: Annotations::default(),
            folder_file: None,
            data_file: None,
            blocked: Vec::new(),
            folder_ok: false,
            location: None,
            warnings: Vec::new(),
            autosave: Autosave::default(),
            last_error: None,
            memory_only: true,
        }
    }

    /// Reads a place's annotations without changing anything on disk (for the command line):
    /// the newest readable file of the folder and the data directory; unreadable ones are
    /// reported and ignored.
    pub fn read_only(place: &Place, config: &StoreConfig) -> (Annotations, Vec<String>) {
        let data_dir = config.data_dir.clone().or_else(default_data_dir);
        let mut files = Vec::new();
        if let Place::Folder(folder) = place {
            files.push(folder_file(folder));
        }
        files.extend(data_dir.as_deref().map(|d| data_file(d, place)));
        let mut warnings = Vec::new();
        let mut best: Option<(Box<Annotations>, SystemTime)> = None;
        for path in files {
            match read(&path) {
                Read::Missing => {}
                Read::Good(a, t) => {
                    if best.as_ref().is_none_or(|(_, b)| t > *b) {
                        best = Some((a, t));
                    }
                }
                Read::Bad(_, reason) => {
                    warnings.push(format!("{}: ignored: {reason}", path.display()))
                }
                Read::Unreadable(e) => {
                    warnings.push(format!("{}: ignored: cannot be read ({e})", path.display()))
                }
            }
        }
        (best.map(|(a, _)| *a).unwrap_or_default(), warnings)
    }

    fn candidates(&self) -> Vec<PathBuf> {
        [self.folder_file.clone(), self.data_file.clone()]
            .into_iter()
            .flatten()
            .collect()
    }

    fn set_aside_or_block(&mut self, path: &Path, kind: &str, reason: &str) {
        match set_aside(path, kind) {
            Ok(aside) => self.warnings.push(format!(
                "{}: {reason}; kept as {} and not written over; starting without its annotations",
                path.display(),
                aside.display()
            )),
            Err(e) => {
                self.warnings.push(format!(
                    "{}: {reason}; it could not be set aside ({e}), so it is left as it is and annotations are saved elsewhere",
                    path.display()
                ));
                self.blocked.push(path.to_path_buf());
            }
        }
    }

    /// Whose annotations these are.
    pub fn place(&self) -> &Place {
        &self.place
    }

    /// The annotations.
    pub fn annotations(&self) -> &Annotations {
        &self.annotations
    }

    /// The settings an analysis of this place runs with (the stored corrections).
    pub fn settings(&self) -> crate::Settings {
        crate::Settings {
            corrections: self.annotations.corrections.clone(),
        }
    }

    /// A group's note, if any.
    pub fn note(&self, group: &str) -> Option<&GroupNote> {
        self.annotations.groups.get(group)
    }

    /// Changes a group's note (creating it when new): `f` edits it, then the note takes the
    /// group's statement fingerprints and the time; a note left empty (no verdict, text or
    /// tags) is removed. Schedules a save.
    pub fn edit_note(
        &mut self,
        comparison: &Comparison,
        group: &str,
        f: impl FnOnce(&mut GroupNote),
    ) {
        let mut note = self
            .annotations
            .groups
            .get(group)
            .cloned()
            .unwrap_or_default();
        f(&mut note);
        self.set_note(comparison, group, note);
    }

    /// Sets a group's note (see [`Store::edit_note`]). Tags are trimmed and deduplicated.
    pub fn set_note(&mut self, comparison: &Comparison, group: &str, mut note: GroupNote) {
        let mut tags: Vec<String> = Vec::new();
        for t in note.tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
            if !tags.iter().any(|x| x == t) {
                tags.push(t.to_string());
            }
        }
        note.tags = tags;
        if note.is_empty() {
            if self.annotations.groups.remove(group).is_some() {
                self.changed();
            }
            return;
        }
        if let Some(g) = comparison.groups.iter().find(|g| g.id == group) {
            note.statements = group_fingerprints(comparison, g);
        }
        let old = self.annotations.groups.get(group);
        if old.is_some_and(|o| {
            o.verdict == note.verdict
                && o.note == note.note
                && o.tags == note.tags
                && o.statements == note.statements
        }) {
            return;
        }
        note.updated = now_rfc3339();
        self.annotations.groups.insert(group.to_string(), note);
        self.changed();
    }

    /// Replaces the corrections (publishers, side names, merges). Schedules a save; the
    /// caller re-runs the analysis with [`Store::settings`].
    pub fn set_corrections(&mut self, corrections: Corrections) {
        if self.annotations.corrections != corrections {
            self.annotations.corrections = corrections;
            self.changed();
        }
    }

    /// Replaces all annotations (undo and redo). Schedules a save.
    pub fn replace(&mut self, annotations: Annotations) {
        if self.annotations != annotations {
            self.annotations = annotations;
            self.annotations.schema = ANNOTATIONS_SCHEMA.to_string();
            self.changed();
        }
    }

    /// Attaches the notes to a fresh analysis (see [`super::attach::attach`]); a note
    /// re-keyed to a new group id schedules a save.
    pub fn attach(&mut self, comparison: &Comparison) -> AttachReport {
        let report = attach(&mut self.annotations, comparison);
        if report.changed() {
            self.changed();
        }
        report
    }

    /// The notes whose group is not in `comparison` (orphans, after [`Store::attach`]), by
    /// id: what the window lists and [`crate::export::Options::orphans`] takes.
    pub fn orphans(&self, comparison: &Comparison) -> Vec<(String, GroupNote)> {
        super::attach::orphans(&self.annotations, comparison)
            .into_iter()
            .map(|(id, note)| (id.clone(), note.clone()))
            .collect()
    }

    fn changed(&mut self) {
        if !self.memory_only {
            self.autosave.changed(Instant::now());
        }
    }

    /// True when there are changes not yet saved.
    pub fn has_unsaved(&self) -> bool {
        self.autosave.pending()
    }

    /// How long until the next save is due (for a repaint timer); `None` when all is saved.
    pub fn wait(&self, now: Instant) -> Option<Duration> {
        self.autosave.wait(now)
    }

    /// Saves when a save is due at `now` (a moment after the last change): call it every
    /// frame. `None` when nothing was due.
    pub fn tick(&mut self, now: Instant) -> Option<Result<PathBuf, String>> {
        if !self.autosave.due(now) {
            return None;
        }
        Some(self.save().map_err(|e| e.to_string()))
    }

    /// Saves now when anything is unsaved (on closing the window or switching folders).
    pub fn flush(&mut self) -> Result<(), StoreError> {
        if self.has_unsaved() {
            self.save()?;
        }
        Ok(())
    }

    /// Saves the annotations atomically to [`Store::location`]. When the folder cannot be
    /// written, moves to the data directory and saves there. On failure nothing on disk
    /// changes, the annotations stay in memory and a save is tried again a moment later.
    pub fn save(&mut self) -> Result<PathBuf, StoreError> {
        match self.try_save() {
            Ok(path) => {
                self.autosave.saved();
                self.last_error = None;
                Ok(path)
            }
            Err(e) => {
                self.autosave.retry(Instant::now());
                self.last_error = Some(e.to_string());
                Err(e)
            }
        }
    }

    fn try_save(&mut self) -> Result<PathBuf, StoreError> {
        let mut bytes = serde_json::to_vec_pretty(&self.annotations)
            .map_err(|e| StoreError::Nowhere(e.to_string()))?;
        bytes.push(b'\n');
        // where it should go first, then any other place this store may write
        let mut order: Vec<PathBuf> = self.location.iter().cloned().collect();
        for p in self.writable_candidates() {
            if !order.contains(&p) {
                order.push(p);
            }
        }
        let mut failures: Vec<String> = Vec::new();
        let mut last: Option<StoreError> = None;
        for path in order {
            match self.write_to(&path, &bytes) {
                Ok(()) => {
                    if self.location.as_ref() != Some(&path) {
                        self.warnings.push(format!(
                            "{}; annotations are now saved in {}",
                            failures.join("; "),
                            path.display()
                        ));
                        self.location = Some(path.clone());
                    }
                    return Ok(path);
                }
                Err(e) => {
                    failures.push(format!("cannot write {} ({e})", path.display()));
                    last = Some(StoreError::Write { path, source: e });
                }
            }
        }
        Err(last.unwrap_or_else(|| StoreError::Nowhere(self.location_note())))
    }

    /// The files this store may write, in order of preference.
    fn writable_candidates(&self) -> Vec<PathBuf> {
        [
            self.folder_file.clone().filter(|_| self.folder_ok),
            self.data_file.clone(),
        ]
        .into_iter()
        .flatten()
        .filter(|p| !self.blocked.contains(p))
        .collect()
    }

    fn write_to(&mut self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        // a file that appeared since opening and is not ours is set aside, not written over
        match read(path) {
            Read::Bad(kind, reason) => {
                let aside = set_aside(path, kind)?;
                self.warnings.push(format!(
                    "{}: {reason}; kept as {}",
                    path.display(),
                    aside.display()
                ));
            }
            Read::Unreadable(e) => return Err(e),
            Read::Missing | Read::Good(..) => {}
        }
        write_atomic(path, bytes)
    }

    /// Where the next save goes; `None` when nowhere can be written.
    pub fn location(&self) -> Option<&Path> {
        self.location.as_deref()
    }

    /// True when the annotations are saved inside the folder itself.
    pub fn in_folder(&self) -> bool {
        self.location.is_some() && self.location == self.folder_file
    }

    /// One sentence for the window: where the annotations are saved and why there, or that
    /// the last save failed.
    pub fn location_note(&self) -> String {
        if let Some(error) = &self.last_error {
            return format!(
                "The last save failed ({error}): the annotations are kept in memory and saving \
                 is tried again a moment after each change."
            );
        }
        match (&self.place, &self.location) {
            _ if self.memory_only => "Annotations are kept for this session only.".to_string(),
            (_, None) => "Annotations cannot be saved (neither the folder nor a data \
                          directory can be written): they last until the window closes."
                .to_string(),
            (Place::Sample, Some(p)) => format!(
                "The bundled sample has no folder: annotations are saved in {}.",
                p.display()
            ),
            (Place::Folder(_), Some(p)) if self.in_folder() => {
                format!("Annotations are saved in {}.", p.display())
            }
            (Place::Folder(_), Some(p)) => format!(
                "This folder cannot be written: annotations are saved in {}.",
                p.display()
            ),
        }
    }

    /// What went wrong while opening or saving (files set aside, a move to the data
    /// directory), oldest first.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The last save's error, until a save succeeds.
    pub fn last_error(&self) -> Option<&str> {
        self.last_error.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(data: &Path) -> StoreConfig {
        StoreConfig {
            data_dir: Some(data.to_path_buf()),
            folder_writable: None,
        }
    }

    #[test]
    fn data_files_are_keyed_by_canonical_path() {
        let data = Path::new("/data");
        let a = tempfile::tempdir().unwrap();
        let same = a.path().join(".");
        assert_eq!(
            data_file(data, &Place::Folder(a.path().into())),
            data_file(data, &Place::Folder(same))
        );
        let b = tempfile::tempdir().unwrap();
        assert_ne!(
            data_file(data, &Place::Folder(a.path().into())),
            data_file(data, &Place::Folder(b.path().into()))
        );
        assert_eq!(
            data_file(data, &Place::Sample),
            Path::new("/data/annotations/sample.json")
        );
    }

    #[test]
    fn the_sample_saves_in_the_data_dir() {
        let data = tempfile::tempdir().unwrap();
        let mut store = Store::open_with(&Place::Sample, &config(data.path()));
        assert!(!store.in_folder());
        assert!(store.location_note().contains("bundled sample"));
        let mut a = Annotations::default();
        a.groups.insert(
            "g-1".into(),
            GroupNote {
                note: "check".into(),
                ..GroupNote::default()
            },
        );
        store.replace(a.clone());
        assert!(store.has_unsaved());
        assert!(store.tick(Instant::now()).is_none(), "not due yet");
        let saved = store
            .tick(Instant::now() + Duration::from_secs(2))
            .unwrap()
            .unwrap();
        assert_eq!(saved, data.path().join("annotations/sample.json"));
        assert!(!store.has_unsaved());
        let again = Store::open_with(&Place::Sample, &config(data.path()));
        assert_eq!(again.annotations(), &a);
    }

    #[test]
    fn nowhere_to_save_keeps_the_notes_in_memory() {
        let folder = tempfile::tempdir().unwrap();
        let mut store = Store::open_with(
            &Place::Folder(folder.path().into()),
            &StoreConfig {
                data_dir: Some(folder.path().join("no-such").join("x")),
                folder_writable: Some(false),
            },
        );
        // the data dir can be created, so make it a file instead
        fs::write(folder.path().join("no-such"), b"a file").unwrap();
        let mut a = Annotations::default();
        a.groups.insert(
            "g-1".into(),
            GroupNote {
                note: "n".into(),
                ..GroupNote::default()
            },
        );
        store.replace(a.clone());
        assert!(store.save().is_err());
        assert!(store.has_unsaved());
        assert!(store.last_error().is_some());
        assert_eq!(store.annotations(), &a);
        assert!(
            store.location_note().contains("last save failed"),
            "{}",
            store.location_note()
        );
    }
}
