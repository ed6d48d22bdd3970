//! A session on a folder, without a window: what is shown ([`Loaded`]), the background job
//! that loads and analyses ([`Job`], with its [`crate::Progress`]), the folder's ONE
//! annotations [`Store`] (verdicts, notes, tags and corrections; every edit goes through its
//! methods), the undo history, and the watch on the folder's files.
//!
//! The window (`app`) is a session plus its view state and caches; the session never
//! imports egui: it tells the window to repaint through a [`Notify`] callback.
//!
//! ```
//! use parallax::session::{Session, Source};
//! let mut session = Session::new(Source::Sample);
//! assert_eq!(session.loaded().comparison.documents.len(), 5);
//! let group = session.loaded().comparison.groups[0].id.clone();
//! session.edit_note(&group, None, |n| n.tags = vec![" pay ".into(), "pay".into()]);
//! assert_eq!(session.annotations().groups[&group].tags, ["pay"], "trimmed, deduplicated");
//! assert!(session.undo());
//! assert!(session.annotations().groups.is_empty());
//! ```

pub mod history;
pub mod job;
pub mod loaded;
pub mod watch;

pub use job::{Job, JobKind};
pub use loaded::{
    FIRST_PER_SIDE, LoadResult, Loaded, SideCell, Source, TopicWords, load_source, load_source_with,
};

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::annotations::store::{Place, Store, StoreConfig};
use crate::annotations::{Annotations, GroupNote};
use crate::corpus::LoadOptions;
use crate::corrections::Corrections;
use crate::progress::Snapshot;
use history::History;
use watch::Watcher;

/// Called from a background thread when something is ready (the window asks for a repaint).
pub type Notify = Arc<dyn Fn() + Send + Sync>;

/// A finished job's analysis, now shown: what the window needs to carry its view over.
pub struct Shown {
    /// What the job did.
    pub kind: JobKind,
    /// What was shown before.
    pub previous: Loaded,
    /// The same source as before (a reload or a re-analysis), not another folder.
    pub same_source: bool,
}

/// A folder's analysis, annotations and history, kept apart from any window.
pub struct Session {
    loaded: Loaded,
    job: Option<Job>,
    /// Nothing was shown yet: a failed first load falls back to the sample.
    initial: bool,
    reload_wanted: bool,
    watcher: Option<Watcher>,
    watch_interval: Duration,
    /// Where annotations are kept on disk (`None`: only for the session, as in tests).
    store_config: Option<StoreConfig>,
    /// The store of each folder opened in this session: the one copy of its annotations.
    stores: HashMap<Source, Store>,
    history: History<Annotations>,
    load_options: LoadOptions,
    notify: Notify,
    error: Option<String>,
    status: Option<String>,
}

impl Session {
    /// A session showing `source`, loaded now (when it fails to load, the sample with the
    /// error); annotations for this session only until [`Session::use_store`].
    pub fn new(source: Source) -> Session {
        let (loaded, error) = match load_source(&source, &Corrections::default()) {
            Ok(l) => (l, None),
            Err(e) => (
                load_source(&Source::Sample, &Corrections::default())
                    .unwrap_or_else(|_| Loaded::empty(Source::Sample)),
                Some(e),
            ),
        };
        let mut session = Session::showing(loaded);
        session.error = error;
        let source = session.loaded.source.clone();
        session.store_of(&source);
        session
    }

    /// A session on an analysis made elsewhere (benchmarks, tests).
    pub fn showing(loaded: Loaded) -> Session {
        Session {
            loaded,
            job: None,
            initial: false,
            reload_wanted: false,
            watcher: None,
            watch_interval: watch::INTERVAL,
            store_config: None,
            stores: HashMap::new(),
            history: History::default(),
            load_options: LoadOptions::default(),
            notify: Arc::new(|| {}),
            error: None,
            status: None,
        }
    }

    /// Keeps annotations on disk: each folder's in its `.parallax/annotations.json` (or the
    /// data directory `config` names), saved a moment after each change and on closing.
    /// Returns whether the stored corrections differ from those of what is shown (then
    /// [`Session::reanalyse_if_needed`] runs the analysis again).
    pub fn use_store(&mut self, config: StoreConfig) -> bool {
        self.store_config = Some(config);
        self.stores.clear();
        let source = self.loaded.source.clone();
        let comparison = self.loaded.comparison.clone();
        let store = self.store_of(&source);
        if !comparison.groups.is_empty() {
            store.attach(&comparison);
        }
        self.annotations().corrections != self.loaded.corrections
    }

    /// Sets the callback that background threads call when a result is ready.
    pub fn set_notify(&mut self, notify: Notify) {
        self.notify = notify;
    }

    /// Sets the limits on what a folder's loading reads (`parallax open --max-files …`).
    pub fn set_load_options(&mut self, options: LoadOptions) {
        self.load_options = options;
    }

    /// Marks the session as not showing anything yet: a failed first load falls back to the
    /// sample.
    pub fn set_initial(&mut self) {
        self.initial = true;
    }

    /// Sets how often the opened folder is checked for edits.
    pub fn set_watch_interval(&mut self, interval: Duration) {
        self.watch_interval = interval;
        self.watcher = None;
    }

    /// What is shown now.
    pub fn loaded(&self) -> &Loaded {
        &self.loaded
    }

    /// The user's annotations and corrections of the shown folder (its store's).
    pub fn annotations(&self) -> &Annotations {
        static EMPTY: std::sync::OnceLock<Annotations> = std::sync::OnceLock::new();
        self.stores
            .get(&self.loaded.source)
            .map(Store::annotations)
            .unwrap_or_else(|| EMPTY.get_or_init(Annotations::default))
    }

    /// The store of the shown folder's annotations, when they are kept on disk.
    pub fn store(&self) -> Option<&Store> {
        self.store_config.as_ref()?;
        self.stores.get(&self.loaded.source)
    }

    /// The store of a source, opened on first use (in memory when nothing is kept on disk).
    fn store_of(&mut self, source: &Source) -> &mut Store {
        let config = self.store_config.clone();
        self.stores.entry(source.clone()).or_insert_with(|| {
            let place = match source {
                Source::Sample => Place::Sample,
                Source::Folder(dir) => Place::Folder(dir.clone()),
            };
            let Some(config) = config else {
                return Store::in_memory(&place);
            };
            let store = Store::open_with(&place, &config);
            for w in store.warnings() {
                log::warn!("annotations: {w}");
            }
            log::info!("annotations: {}", store.location_note());
            store
        })
    }

    /// The last error to show the user.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Sets (or clears) the error shown to the user.
    pub fn set_error(&mut self, error: Option<String>) {
        self.error = error;
    }

    /// The last message to show the user.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// Sets (or clears) the message shown to the user.
    pub fn set_status(&mut self, status: Option<String>) {
        self.status = status;
    }

    /// The running job, if any.
    pub fn job(&self) -> Option<&Job> {
        self.job.as_ref()
    }

    /// Whether a load or analysis is running in the background.
    pub fn is_loading(&self) -> bool {
        self.job.is_some()
    }

    /// The running job's progress, if any.
    pub fn progress(&self) -> Option<Snapshot> {
        self.job.as_ref().map(Job::progress)
    }

    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Whether there is an undone edit to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Reads and analyses a source in the background (the shown folder again: a reload).
    pub fn open(&mut self, source: Source) {
        self.start_job(JobKind::Open(source));
    }

    /// Changes a group's note through the store ([`Store::edit_note`]: tags trimmed and
    /// deduplicated, the statements' fingerprints taken, an empty note removed), as one
    /// undoable step (edits with the same `key` in a row join one step).
    pub fn edit_note(&mut self, group: &str, key: Option<&str>, f: impl FnOnce(&mut GroupNote)) {
        let source = self.loaded.source.clone();
        let before = self.annotations().clone();
        self.store_of(&source);
        if let Some(store) = self.stores.get_mut(&source) {
            store.edit_note(&self.loaded.comparison, group, f);
        }
        self.recorded(before, key);
    }

    /// Changes the corrections through the store ([`Store::set_corrections`]), as one
    /// undoable step; changed corrections run the analysis again in the background.
    pub fn edit_corrections(&mut self, f: impl FnOnce(&mut Corrections)) {
        let before = self.annotations().clone();
        let mut corrections = before.corrections.clone();
        f(&mut corrections);
        let source = self.loaded.source.clone();
        self.store_of(&source).set_corrections(corrections);
        self.recorded(before, None);
    }

    /// Records `before` in the history when the annotations changed from it.
    fn recorded(&mut self, before: Annotations, key: Option<&str>) {
        if *self.annotations() == before {
            return;
        }
        self.history.record(&before, key);
        self.reanalyse_if_needed();
    }

    /// Undoes the last edit; false when there was none.
    pub fn undo(&mut self) -> bool {
        self.step(true)
    }

    /// Redoes the last undone edit; false when there was none.
    pub fn redo(&mut self) -> bool {
        self.step(false)
    }

    fn step(&mut self, back: bool) -> bool {
        let mut current = self.annotations().clone();
        let stepped = if back {
            self.history.undo(&mut current)
        } else {
            self.history.redo(&mut current)
        };
        if stepped {
            let source = self.loaded.source.clone();
            self.store_of(&source).replace(current);
            self.reanalyse_if_needed();
        }
        stepped
    }

    /// Saves the shown folder's annotations when a save is due; returns how long until the
    /// next one (for a repaint).
    pub fn autosave(&mut self) -> Option<Duration> {
        let store = self.stores.get_mut(&self.loaded.source)?;
        let now = Instant::now();
        match store.tick(now) {
            Some(Err(e)) => {
                log::error!("annotations not saved: {e}");
                self.error = Some(format!("annotations not saved (tried again shortly): {e}"));
            }
            Some(Ok(path)) => log::debug!("annotations saved to {}", path.display()),
            None => {}
        }
        store.wait(now)
    }

    /// Saves every store with unsaved changes now (on closing the window).
    pub fn flush(&mut self) {
        for store in self.stores.values_mut() {
            if let Err(e) = store.flush() {
                log::error!("annotations not saved: {e}");
                self.error = Some(format!("annotations not saved: {e}"));
            }
        }
    }

    /// Starts an analysis with the current corrections unless the shown one (or the one
    /// running) has them; an open running makes its own check when it finishes.
    pub fn reanalyse_if_needed(&mut self) {
        let wanted = &self.annotations().corrections;
        match &self.job {
            Some(job) if matches!(job.kind, JobKind::Open(_)) => {}
            Some(job) if job.corrections == *wanted => {}
            Some(_) if *wanted == self.loaded.corrections => {
                self.job = None; // undone back to what is shown
            }
            _ if *wanted == self.loaded.corrections => {}
            _ => self.start_job(JobKind::Reanalyse),
        }
    }

    /// Starts a background job, replacing (and cancelling) a running one.
    fn start_job(&mut self, kind: JobKind) {
        let (source, corpus) = match &kind {
            JobKind::Open(source) => (source.clone(), None),
            JobKind::Reanalyse => (self.loaded.source.clone(), Some(self.loaded.corpus.clone())),
        };
        let corrections = self.store_of(&source).annotations().corrections.clone();
        self.job = None;
        let options = self.load_options;
        match Job::start(kind, corpus, source, corrections, options, &self.notify) {
            Ok(job) => self.job = Some(job),
            Err(e) => self.error = Some(e),
        }
    }

    /// Stops the running job (within a fraction of a second) and keeps what is shown.
    /// Corrections that were being applied are set back (one undoable step, so Undo brings
    /// them back).
    pub fn cancel(&mut self) {
        let Some(job) = self.job.take() else { return };
        let reanalysing = job.kind == JobKind::Reanalyse;
        drop(job);
        self.reload_wanted = false;
        let shown = self.loaded.corrections.clone();
        let before = self.annotations().clone();
        if reanalysing && before.corrections != shown {
            let source = self.loaded.source.clone();
            self.store_of(&source).set_corrections(shown);
            self.history.record(&before, None);
            self.status =
                Some("Cancelled: the corrections were not applied (Undo brings them back)".into());
        } else {
            self.status = Some("Cancelled: what was shown stays".into());
        }
    }

    /// Waits for a background job to finish and takes its result (tests use this; the
    /// window polls instead).
    pub fn wait_for_load(&mut self) -> Option<Shown> {
        let job = self.job.take()?;
        let kind = job.kind.clone();
        let result = job.wait();
        self.finish_job(kind, result, false)
    }

    /// Takes a finished job's result (call it every frame) and keeps the watch on the
    /// folder; `Some` when a new analysis is shown.
    pub fn poll(&mut self) -> Option<Shown> {
        let mut shown = None;
        if let Some(result) = self.job.as_ref().and_then(Job::poll) {
            let kind = self.job.take().map(|j| j.kind.clone());
            if let Some(kind) = kind {
                shown = self.finish_job(kind, result, true);
            }
        }
        self.watch();
        shown
    }

    /// Keeps a watcher on the shown folder, and reloads when its files change.
    fn watch(&mut self) {
        let dir = match &self.loaded.source {
            Source::Folder(dir) => dir.clone(),
            Source::Sample => {
                self.watcher = None;
                return;
            }
        };
        if self.watcher.as_ref().is_none_or(|w| w.dir != dir)
            && let Some(fingerprint) = self.loaded.fingerprint
        {
            self.watcher = Watcher::start(dir, fingerprint, self.watch_interval, &self.notify);
        }
        if self.watcher.as_ref().is_some_and(Watcher::changed) {
            self.reload_wanted = true;
        }
        if self.reload_wanted && self.job.is_none() {
            self.reload_wanted = false;
            self.status = Some("The files changed on disk: reading them again".into());
            self.start_job(JobKind::Open(self.loaded.source.clone()));
        }
    }

    /// Shows a finished job's result; `background` when more jobs may be started (not while
    /// a test waits).
    fn finish_job(&mut self, kind: JobKind, result: LoadResult, background: bool) -> Option<Shown> {
        let mut loaded = match result {
            Ok(l) => l,
            Err(e) => {
                // What was shown stays shown: a failed load loses nothing.
                self.error = Some(e);
                if self.initial {
                    self.initial = false;
                    if background {
                        self.start_job(JobKind::Open(Source::Sample));
                    } else if let Ok(l) = load_source(&Source::Sample, &Corrections::default()) {
                        let previous = std::mem::replace(&mut self.loaded, l);
                        return Some(Shown {
                            kind,
                            previous,
                            same_source: false,
                        });
                    }
                }
                return None;
            }
        };
        let same_source = loaded.source == self.loaded.source && !self.initial;
        if kind == JobKind::Reanalyse {
            // the same files as before: the watcher's baseline stays
            loaded.fingerprint = self.loaded.fingerprint;
        }
        self.initial = false;
        if let JobKind::Open(_) = &kind {
            // a fresh read: the watcher starts again from the new fingerprint
            self.watcher = None;
        }
        if !same_source {
            self.history.clear();
        }
        // notes whose groups changed id (the files changed) follow their statements
        self.store_of(&loaded.source).attach(&loaded.comparison);
        log::info!(
            "showing {}: {} documents, {} groups, {} warnings",
            loaded.source.display_name(),
            loaded.comparison.documents.len(),
            loaded.comparison.groups.len(),
            loaded.comparison.warnings.len()
        );
        let previous = std::mem::replace(&mut self.loaded, loaded);
        self.error = None;
        if matches!(kind, JobKind::Open(_))
            && self
                .status
                .as_deref()
                .is_some_and(|s| s.starts_with("The files changed"))
        {
            self.status = Some("Read again after the files changed on disk".into());
        }
        // corrections made while a folder was being read
        if background {
            self.reanalyse_if_needed();
        } else if self.annotations().corrections != self.loaded.corrections {
            let l = Loaded::analyse(
                self.loaded.source.clone(),
                self.loaded.corpus.clone(),
                self.annotations().corrections.clone(),
            );
            self.loaded = l;
        }
        Some(Shown {
            kind,
            previous,
            same_source,
        })
    }
}
