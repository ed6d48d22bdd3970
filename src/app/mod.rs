//! The egui window: the only module that imports egui.
//!
//! [`ParallaxApp`] holds the shown analysis ([`Loaded`]), the user's annotations and
//! corrections (with undo), and the state of the views. Loading and analysis run on a
//! background thread ([`loading::Job`]) so the window never freezes; an opened folder is
//! watched for edits ([`watch`]). UI functions (`*_ui`, one module per part of the window)
//! read the state and return [`Command`]s; [`ParallaxApp::apply`] carries them out.
//!
//! ```text
//! top_bar      Open folder… | Recent | Reload | Export… | views | Undo Redo | theme
//! sides_panel  sides (tick = column), rename/merge, documents   │ inspector (selected group,
//! centre       comparison_view | reader | timeline | load_report │  annotation_editor)
//! ```

mod annotation_editor;
mod claim_map;
mod command;
mod comparison_view;
mod dialog_flow;
mod dialogs;
mod filters;
mod highlight;
mod history;
mod inspector;
mod keys;
mod load_report;
mod loading;
mod pair_align;
mod pair_view;
mod picker;
mod picker_paths;
mod prefs;
mod reader;
mod sides_panel;
mod start_view;
mod table;
mod theme;
mod timeline;
mod top_bar;
mod watch;

pub use command::{Command, View};
pub use dialogs::{DialogEnvironment, Exporter, FolderPicker, RfdExporter, RfdPicker};
pub use filters::{Filter, SortOrder};
pub use keys::SHORTCUTS;
pub use loading::{Loaded, Source, load_source};
pub use picker::PATH_FIELD;
pub use prefs::{Prefs, ThemeChoice};
pub use table::default_columns;
pub use timeline::{conflict_links, year_position};

use std::collections::HashMap;
use std::time::Duration;

use crate::annotations::store::{Place, Store, StoreConfig};
use crate::annotations::{Annotations, GroupNote};
use crate::corrections::Corrections;
use history::History;
use loading::{Job, JobKind};
use watch::Watcher;

/// The application state.
pub struct ParallaxApp {
    loaded: Loaded,
    job: Option<Job>,
    /// Nothing was shown yet: a failed first load falls back to the sample.
    initial: bool,
    reload_wanted: bool,
    watcher: Option<Watcher>,
    watch_interval: Duration,
    error: Option<String>,
    status: Option<String>,
    picker: Box<dyn FolderPicker>,
    exporter: Option<Box<dyn Exporter>>,
    /// The built-in folder or save picker, while it is open.
    builtin: Option<picker::BuiltinPicker>,
    /// The status line said why the built-in picker is used.
    builtin_said: bool,
    /// The built-in picker's home folder (`None`: the user's).
    home: Option<std::path::PathBuf>,
    prefs: Prefs,
    annotations: Annotations,
    /// Annotations of the folders opened in this session.
    session_annotations: HashMap<Source, Annotations>,
    /// Where annotations are kept on disk (`None`: only for the session, as in tests).
    store_config: Option<StoreConfig>,
    /// The stores of the folders opened in this session, saved a moment after each change.
    stores: HashMap<Source, Store>,
    /// The stored corrections differ from those of what is shown: analyse again.
    reanalyse_wanted: bool,
    /// A document to show in the reader once its folder is loaded (its path relative to
    /// the folder, `/` separators): `parallax FILE` opens the file's folder on that file.
    select_when_loaded: Option<String>,
    history: History<Annotations>,
    view: View,
    columns: Vec<String>,
    columns_chosen: bool,
    filter: Filter,
    selected_group: Option<usize>,
    selected_document: Option<usize>,
    inspector_open: bool,
    sides_open: bool,
    comparison: comparison_view::State,
    reader: reader::State,
    sides: sides_panel::State,
    inspector: inspector::State,
    timeline: timeline::State,
    claim_map: claim_map::State,
    pair: pair_view::State,
    /// The start page is shown instead of a folder (nothing opened yet).
    start_page: bool,
    /// The window was fitted to its screen (once, on the first frame that knows the screen).
    sized: bool,
    shown_title: String,
    applied_theme: Option<Option<ThemeChoice>>,
}

impl ParallaxApp {
    /// A window showing `source`, loaded before the first frame, with rfd's folder dialog.
    /// When the source fails to load, the sample is shown with the error.
    pub fn new(source: Source) -> ParallaxApp {
        ParallaxApp::with_picker(source, Box::new(RfdPicker::default()))
    }

    /// Like [`ParallaxApp::new`] with another folder picker (tests use a scripted one).
    pub fn with_picker(source: Source, picker: Box<dyn FolderPicker>) -> ParallaxApp {
        let (loaded, error) = match load_source(&source, &Corrections::default()) {
            Ok(l) => (l, None),
            Err(e) => (
                load_source(&Source::Sample, &Corrections::default())
                    .unwrap_or_else(|_| Loaded::empty(Source::Sample)),
                Some(e),
            ),
        };
        let mut app = ParallaxApp::showing(loaded, picker, Prefs::default());
        app.error = error;
        app
    }

    /// A window on an analysis made elsewhere (benchmarks, tests), with no folder dialog.
    pub fn from_loaded(loaded: Loaded) -> ParallaxApp {
        ParallaxApp::showing(loaded, Box::new(NoPicker), Prefs::default())
    }

    fn showing(loaded: Loaded, picker: Box<dyn FolderPicker>, prefs: Prefs) -> ParallaxApp {
        let mut prefs = prefs;
        prefs.opened(&loaded.source);
        ParallaxApp {
            columns: table::default_columns(&loaded),
            selected_document: (!loaded.corpus.documents.is_empty()).then_some(0),
            loaded,
            job: None,
            initial: false,
            reload_wanted: false,
            watcher: None,
            watch_interval: watch::INTERVAL,
            error: None,
            status: None,
            picker,
            exporter: None,
            builtin: None,
            builtin_said: false,
            home: None,
            prefs,
            annotations: Annotations::default(),
            session_annotations: HashMap::new(),
            store_config: None,
            stores: HashMap::new(),
            reanalyse_wanted: false,
            select_when_loaded: None,
            history: History::default(),
            view: View::default(),
            columns_chosen: false,
            filter: Filter::default(),
            selected_group: None,
            inspector_open: false,
            sides_open: true,
            comparison: comparison_view::State::default(),
            reader: reader::State::default(),
            sides: sides_panel::State::default(),
            inspector: inspector::State::default(),
            timeline: timeline::State::default(),
            claim_map: claim_map::State::default(),
            pair: pair_view::State::default(),
            start_page: false,
            sized: false,
            shown_title: String::new(),
            applied_theme: None,
        }
    }

    /// The window as `run` starts it: the remembered preferences from eframe's storage, the
    /// last folder instead of the sample when there is one, loaded in the background.
    pub fn start(requested: Source, cc: &eframe::CreationContext<'_>) -> ParallaxApp {
        let prefs = Prefs::load(cc.storage);
        let start_page = prefs.wants_start_page(&requested);
        let source = prefs.start_source(requested);
        let remembered = prefs.clone();
        let mut app = ParallaxApp::showing(
            Loaded::empty(source.clone()),
            Box::new(RfdPicker::default()),
            prefs,
        )
        .with_exporter(Box::new(RfdExporter::default()))
        .with_store(StoreConfig::default());
        if start_page {
            // nothing is open: the placeholder under the start page is not remembered
            app.prefs = remembered;
            app.start_page = true;
        } else {
            app.initial = true;
            app.start_job(JobKind::Open(source), &cc.egui_ctx);
        }
        app
    }

    /// Whether the start page is shown.
    pub fn start_page(&self) -> bool {
        self.start_page
    }

    /// Shows the start page, as a first start does (tests; File → Start page).
    pub fn with_start_page(mut self) -> ParallaxApp {
        self.start_page = true;
        self
    }

    /// The rows of the two-article view (pairs of statement indices) as last shown.
    pub fn pair_rows(&mut self) -> Vec<(Option<usize>, Option<usize>)> {
        let loaded = &self.loaded;
        self.pair
            .rows(loaded)
            .iter()
            .map(|r| (r.left, r.right))
            .collect()
    }

    /// Shows the document at `path` (relative to the folder, `/` separators) in the reader
    /// as soon as the folder is loaded (now, if it is).
    pub fn select_document_path(mut self, path: &str) -> ParallaxApp {
        self.select_when_loaded = Some(path.to_string());
        self.take_document_selection();
        self
    }

    /// Selects the document asked for with [`ParallaxApp::select_document_path`] when it is
    /// among the shown ones.
    fn take_document_selection(&mut self) {
        let Some(path) = &self.select_when_loaded else {
            return;
        };
        if let Some(i) = self
            .loaded
            .comparison
            .documents
            .iter()
            .position(|d| d.path == *path)
        {
            self.selected_document = Some(i);
            self.view = View::Reader;
            self.select_when_loaded = None;
        }
    }

    /// Keeps annotations on disk: each folder's in its `.parallax/annotations.json` (or the
    /// data directory `config` names), saved a moment after each change and on closing.
    pub fn with_store(mut self, config: StoreConfig) -> ParallaxApp {
        self.store_config = Some(config);
        let source = self.loaded.source.clone();
        let comparison = self.loaded.comparison.clone();
        if let Some(store) = self.store_of(&source) {
            if !comparison.groups.is_empty() {
                store.attach(&comparison);
            }
            self.annotations = store.annotations().clone();
        }
        self.session_annotations
            .insert(source, self.annotations.clone());
        self.reanalyse_wanted = self.annotations.corrections != self.loaded.corrections;
        self
    }

    /// The store of the shown folder's annotations, when they are kept on disk.
    pub fn store(&self) -> Option<&Store> {
        self.stores.get(&self.loaded.source)
    }

    /// Saves every store with unsaved changes now (on closing the window).
    pub fn flush_annotations(&mut self) {
        for store in self.stores.values_mut() {
            if let Err(e) = store.flush() {
                log::error!("annotations not saved: {e}");
                self.error = Some(format!("annotations not saved: {e}"));
            }
        }
    }

    /// What the load report says of the annotations.
    fn annotations_info(&self) -> load_report::AnnotationsInfo {
        let orphans =
            crate::annotations::attach::orphans(&self.annotations, &self.loaded.comparison)
                .into_iter()
                .map(|(id, n)| {
                    let verdict = n.verdict.map(|v| v.as_str()).unwrap_or("no verdict");
                    (id.clone(), format!("{verdict}; {}", n.note))
                })
                .collect();
        let log = crate::logging::current_path().map(|p| p.display().to_string());
        match self.store() {
            Some(store) => load_report::AnnotationsInfo {
                location: store.location_note(),
                warnings: store
                    .warnings()
                    .iter()
                    .cloned()
                    .chain(store.last_error().map(String::from))
                    .collect(),
                orphans,
                log,
            },
            None => load_report::AnnotationsInfo {
                location: "kept for this session only".into(),
                warnings: Vec::new(),
                orphans,
                log,
            },
        }
    }

    /// The store of a source, opened on first use (when annotations are kept on disk).
    fn store_of(&mut self, source: &Source) -> Option<&mut Store> {
        let config = self.store_config.as_ref()?;
        Some(self.stores.entry(source.clone()).or_insert_with(|| {
            let place = match source {
                Source::Sample => Place::Sample,
                Source::Folder(dir) => Place::Folder(dir.clone()),
            };
            let store = Store::open_with(&place, config);
            for w in store.warnings() {
                log::warn!("annotations: {w}");
            }
            log::info!("annotations: {}", store.location_note());
            store
        }))
    }

    /// Plugs in the exporter that Export… (Ctrl+E) calls.
    pub fn with_exporter(mut self, exporter: Box<dyn Exporter>) -> ParallaxApp {
        self.exporter = Some(exporter);
        self
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

    /// The index of the document in the reader.
    pub fn selected(&self) -> Option<usize> {
        self.selected_document
    }

    /// The selected claim group.
    pub fn selected_group(&self) -> Option<usize> {
        self.selected_group
    }

    /// The central view.
    pub fn view(&self) -> View {
        self.view
    }

    /// The column sides, in order.
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// The rows of the comparison (group indices, filtered and sorted) as last shown.
    pub fn rows(&self) -> &[usize] {
        &self.comparison.rows
    }

    /// The filter of the comparison.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// The filter of the comparison, to change.
    pub fn filter_mut(&mut self) -> &mut Filter {
        &mut self.filter
    }

    /// Whether the inspector is open.
    pub fn inspector_open(&self) -> bool {
        self.inspector_open && self.selected_group.is_some()
    }

    /// The statement the reader was asked to show.
    pub fn reader_target(&self) -> Option<usize> {
        self.reader.target
    }

    /// The user's annotations and corrections of the shown folder.
    pub fn annotations(&self) -> &Annotations {
        &self.annotations
    }

    /// The remembered preferences.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The last error shown to the user.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The last message shown to the user.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// Whether a load or analysis is running in the background.
    pub fn is_loading(&self) -> bool {
        self.job.is_some()
    }

    /// The window title for what is shown.
    pub fn title(&self) -> String {
        if self.start_page {
            return "Parallax".to_string();
        }
        format!("Parallax — {}", self.loaded.source.display_name())
    }

    /// Carries out a command.
    pub fn apply(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::OpenFolderDialog => {
                for c in self.open_folder_dialog() {
                    self.apply(c, ctx);
                }
            }
            Command::Open(source) => self.start_job(JobKind::Open(source), ctx),
            Command::Reload => self.start_job(JobKind::Open(self.loaded.source.clone()), ctx),
            Command::CancelLoad => self.cancel(),
            Command::Export if !self.start_page => self.export(),
            Command::Export => {}
            Command::SelectDocument(i) => {
                if i < self.loaded.corpus.documents.len() {
                    self.selected_document = Some(i);
                    self.reader.target = None;
                    self.view = View::Reader;
                }
            }
            Command::OpenStatement(s) => {
                if let Some(d) = self.loaded.document_of_statement.get(s).copied().flatten() {
                    self.selected_document = Some(d);
                    self.reader.target = Some(s);
                    self.reader.scroll_to_target = true;
                    self.view = View::Reader;
                }
            }
            Command::SelectGroup(g) => {
                if g < self.loaded.comparison.groups.len() {
                    self.selected_group = Some(g);
                    self.inspector_open = true;
                }
            }
            Command::ShowGroup(g) => self.show_group(g),
            Command::MoveSelection(delta) => self.move_selection(delta),
            Command::SelectEnd(last) => {
                let end = if last {
                    self.comparison.rows.last()
                } else {
                    self.comparison.rows.first()
                };
                if self.view == View::Comparison
                    && let Some(&g) = end
                {
                    self.selected_group = Some(g);
                    self.comparison.scroll_to_selected = true;
                }
            }
            Command::OpenInspector => {
                if self.selected_group.is_some() {
                    self.inspector_open = true;
                }
            }
            Command::CloseInspector => self.inspector_open = false,
            Command::FocusSearch => {
                self.view = View::Comparison;
                ctx.memory_mut(|m| m.request_focus(comparison_view::search_id()));
            }
            Command::ShowView(v) => self.view = v,
            Command::ToggleSidesPanel => self.sides_open = !self.sides_open,
            Command::ToggleColumn(side) => {
                if let Some(i) = self.columns.iter().position(|c| *c == side) {
                    self.columns.remove(i);
                } else {
                    self.columns.push(side);
                }
                self.columns_chosen = true;
            }
            Command::DefaultColumns => {
                self.columns = table::default_columns(&self.loaded);
                self.columns_chosen = false;
            }
            Command::RenameSide { side, name } => {
                let name = name.trim().to_string();
                self.edit(None, ctx, |a| {
                    if name.is_empty() {
                        a.corrections.side_names.remove(&side);
                    } else {
                        a.corrections.side_names.insert(side, name);
                    }
                });
            }
            Command::MergeSide { side, into } => {
                if side != into {
                    self.edit(None, ctx, |a| {
                        a.corrections.merges.insert(side, into);
                    });
                }
            }
            Command::UnmergeSide(side) => self.edit(None, ctx, |a| {
                a.corrections
                    .merges
                    .retain(|from, into| *from != side && *into != side);
            }),
            Command::SetPublisher { path, name } => self.edit(None, ctx, |a| match name {
                Some(n) => {
                    a.corrections.publishers.insert(path, n.trim().to_string());
                }
                None => {
                    a.corrections.publishers.remove(&path);
                }
            }),
            Command::SetVerdict { group, verdict } => {
                let key = format!("verdict:{group}");
                self.edit_note(&group, Some(key), ctx, |n| n.verdict = verdict);
            }
            Command::SetNote { group, note } => {
                let key = format!("note:{group}");
                self.edit_note(&group, Some(key), ctx, |n| n.note = note);
            }
            Command::AddTag { group, tag } => self.edit_note(&group, None, ctx, |n| {
                if !n.tags.contains(&tag) {
                    n.tags.push(tag);
                }
            }),
            Command::RemoveTag { group, tag } => {
                self.edit_note(&group, None, ctx, |n| n.tags.retain(|t| *t != tag));
            }
            Command::Undo => {
                if self.history.undo(&mut self.annotations) {
                    self.annotations_changed(ctx);
                }
            }
            Command::Redo => {
                if self.history.redo(&mut self.annotations) {
                    self.annotations_changed(ctx);
                }
            }
            Command::SetTheme(choice) => {
                self.prefs.theme = Some(choice);
            }
            Command::ShowClaims { side, topic } => self.show_claims(side, topic),
            Command::OpenPair(left, right) => {
                let docs = self.loaded.comparison.documents.len();
                if left < docs && right < docs {
                    self.pair.left = Some(left);
                    self.pair.right = Some(right);
                    self.view = View::Pair;
                }
            }
            Command::ShowStart => self.start_page = true,
        }
    }

    /// Changes the annotations through `change`, as one undoable step (edits with the same
    /// `key` in a row join one step).
    fn edit(
        &mut self,
        key: Option<String>,
        ctx: &egui::Context,
        change: impl FnOnce(&mut Annotations),
    ) {
        let before = self.annotations.clone();
        change(&mut self.annotations);
        if self.annotations == before {
            return;
        }
        self.history.record(&before, key.as_deref());
        self.annotations_changed(ctx);
    }

    /// Changes a group's note; an empty note is removed.
    fn edit_note(
        &mut self,
        group: &str,
        key: Option<String>,
        ctx: &egui::Context,
        change: impl FnOnce(&mut GroupNote),
    ) {
        let group = group.to_string();
        // the statements' fingerprints let the note follow its claim when the files change
        let fingerprints = self
            .loaded
            .comparison
            .groups
            .iter()
            .find(|g| g.id == group)
            .map(|g| {
                crate::annotations::fingerprint::group_fingerprints(&self.loaded.comparison, g)
            });
        self.edit(key, ctx, |a| {
            let note = a.groups.entry(group.clone()).or_default();
            change(note);
            if let Some(f) = fingerprints {
                note.statements = f;
            }
            note.updated = now_rfc3339();
            if note.is_empty() {
                a.groups.remove(&group);
            }
        });
    }

    /// Every change of the annotations (verdicts, notes, tags and corrections; edits, undo
    /// and redo) ends here. The one place to save them: the folder's store
    /// (`.parallax/annotations.json`) plugs in here. Changed corrections re-run the analysis
    /// in the background.
    fn annotations_changed(&mut self, ctx: &egui::Context) {
        self.session_annotations
            .insert(self.loaded.source.clone(), self.annotations.clone());
        let annotations = self.annotations.clone();
        let source = self.loaded.source.clone();
        if let Some(store) = self.store_of(&source) {
            store.replace(annotations);
        }
        self.reanalyse_if_needed(ctx);
    }

    /// Saves the shown folder's annotations when a save is due; returns how long until the
    /// next one (for a repaint).
    fn autosave(&mut self) -> Option<Duration> {
        let store = self.stores.get_mut(&self.loaded.source)?;
        let now = std::time::Instant::now();
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

    /// Starts an analysis with the current corrections unless the shown one (or the one
    /// running) has them; an open running makes its own check when it finishes.
    fn reanalyse_if_needed(&mut self, ctx: &egui::Context) {
        let wanted = &self.annotations.corrections;
        match &self.job {
            Some(job) if matches!(job.kind, JobKind::Open(_)) => {}
            Some(job) if job.corrections == *wanted => {}
            Some(_) if *wanted == self.loaded.corrections => {
                self.job = None; // undone back to what is shown
            }
            _ if *wanted == self.loaded.corrections => {}
            _ => self.start_job(JobKind::Reanalyse, ctx),
        }
    }

    /// Starts a background job, replacing (and cancelling) a running one.
    fn start_job(&mut self, kind: JobKind, ctx: &egui::Context) {
        let (source, corpus, corrections) = match &kind {
            JobKind::Open(source) => {
                let corrections = if *source == self.loaded.source {
                    self.annotations.corrections.clone()
                } else if let Some(a) = self.session_annotations.get(source) {
                    a.corrections.clone()
                } else {
                    self.store_of(source)
                        .map(|st| st.annotations().corrections.clone())
                        .unwrap_or_default()
                };
                (source.clone(), None, corrections)
            }
            JobKind::Reanalyse => (
                self.loaded.source.clone(),
                Some(self.loaded.corpus.clone()),
                self.annotations.corrections.clone(),
            ),
        };
        self.job = None;
        match Job::start(kind, corpus, source, corrections, ctx) {
            Ok(job) => self.job = Some(job),
            Err(e) => self.error = Some(e),
        }
    }

    /// Stops the running job and keeps what is shown. Corrections that were being applied
    /// are set back (one undoable step, so Ctrl+Z brings them back).
    fn cancel(&mut self) {
        let Some(job) = self.job.take() else { return };
        self.reload_wanted = false;
        if job.kind == JobKind::Reanalyse && self.annotations.corrections != self.loaded.corrections
        {
            let before = self.annotations.clone();
            self.annotations.corrections = self.loaded.corrections.clone();
            self.history.record(&before, None);
            self.session_annotations
                .insert(self.loaded.source.clone(), self.annotations.clone());
            self.status =
                Some("Cancelled: the corrections were not applied (Undo brings them back)".into());
        } else {
            self.status = Some("Cancelled: what was shown stays".into());
        }
    }

    /// Waits for a background job to finish and takes its result (tests use this; the
    /// window polls instead).
    pub fn wait_for_load(&mut self) {
        if let Some(job) = self.job.take() {
            let kind = job.kind.clone();
            let result = job.wait();
            self.finish_job(kind, result, None);
        }
    }

    fn poll(&mut self, ctx: &egui::Context) {
        if let Some(result) = self.job.as_ref().and_then(Job::poll) {
            let kind = self.job.take().map(|j| j.kind.clone());
            if let Some(kind) = kind {
                self.finish_job(kind, result, Some(ctx));
            }
        }
        self.watch(ctx);
    }

    /// Keeps a watcher on the shown folder, and reloads when its files change.
    fn watch(&mut self, ctx: &egui::Context) {
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
            self.watcher = Watcher::start(dir, fingerprint, self.watch_interval, ctx);
        }
        if self.watcher.as_ref().is_some_and(Watcher::changed) {
            self.reload_wanted = true;
        }
        if self.reload_wanted && self.job.is_none() {
            self.reload_wanted = false;
            self.status = Some("The files changed on disk: reading them again".into());
            self.start_job(JobKind::Open(self.loaded.source.clone()), ctx);
        }
    }

    fn finish_job(
        &mut self,
        kind: JobKind,
        result: loading::LoadResult,
        ctx: Option<&egui::Context>,
    ) {
        let mut loaded = match result {
            Ok(l) => l,
            Err(e) => {
                // What was shown stays shown: a failed load loses nothing.
                self.error = Some(e);
                if self.initial {
                    self.initial = false;
                    if let Some(ctx) = ctx {
                        self.start_job(JobKind::Open(Source::Sample), ctx);
                    } else if let Ok(l) = load_source(&Source::Sample, &Corrections::default()) {
                        self.loaded = l;
                        self.columns = table::default_columns(&self.loaded);
                    }
                }
                return;
            }
        };
        let same_source = loaded.source == self.loaded.source && !self.initial;
        if kind == JobKind::Reanalyse {
            // the same files as before: the watcher's baseline stays
            loaded.fingerprint = self.loaded.fingerprint;
        }
        self.initial = false;
        self.start_page = false;
        if let JobKind::Open(source) = &kind {
            self.prefs.opened(source);
            // a fresh read: the watcher starts again from the new fingerprint
            self.watcher = None;
        }
        if !same_source {
            let stored = self
                .store_of(&loaded.source)
                .map(|st| st.annotations().clone());
            self.annotations = self
                .session_annotations
                .get(&loaded.source)
                .cloned()
                .or(stored)
                .unwrap_or_default();
            self.history.clear();
            self.columns_chosen = false;
            self.filter = Filter::default();
            self.inspector_open = false;
        }
        // keep the selections where they still exist
        let group_id = self
            .selected_group
            .filter(|_| same_source)
            .and_then(|g| self.loaded.comparison.groups.get(g))
            .map(|g| (g.id.clone(), g.statements.first().cloned()));
        self.selected_group = group_id.and_then(|(id, first)| {
            loaded.group_index(&id).or_else(|| {
                first
                    .and_then(|s| loaded.statement_index(&s))
                    .and_then(|s| loaded.group_of_statement[s])
            })
        });
        let doc_path = self
            .selected_document
            .filter(|_| same_source)
            .and_then(|d| self.loaded.comparison.documents.get(d))
            .map(|d| d.path.clone());
        self.selected_document = doc_path
            .and_then(|p| loaded.comparison.documents.iter().position(|d| d.path == p))
            .or((!loaded.comparison.documents.is_empty()).then_some(0));
        if !same_source || self.reader.target.is_some() {
            self.reader.target = None;
        }
        // notes whose groups changed id (the files changed) follow their statements
        let source = loaded.source.clone();
        let select_after = self.select_when_loaded.is_some();
        let annotations = self.annotations.clone();
        if let Some(store) = self.store_of(&source) {
            store.replace(annotations);
            let report = store.attach(&loaded.comparison);
            if report.changed() {
                self.annotations = store.annotations().clone();
                self.session_annotations
                    .insert(source, self.annotations.clone());
            }
        }
        log::info!(
            "showing {}: {} documents, {} groups, {} warnings",
            loaded.source.display_name(),
            loaded.comparison.documents.len(),
            loaded.comparison.groups.len(),
            loaded.comparison.warnings.len()
        );
        let chosen = self.columns_chosen.then_some(self.columns.as_slice());
        self.columns = table::carry_columns(chosen, &loaded, &loaded.corrections);
        self.loaded = loaded;
        if select_after {
            self.take_document_selection();
        }
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
        if let Some(ctx) = ctx {
            self.reanalyse_if_needed(ctx);
        } else if self.annotations.corrections != self.loaded.corrections {
            let l = Loaded::analyse(
                self.loaded.source.clone(),
                self.loaded.corpus.clone(),
                self.annotations.corrections.clone(),
            );
            self.loaded = l;
        }
    }

    fn show_group(&mut self, g: usize) {
        if g >= self.loaded.comparison.groups.len() {
            return;
        }
        self.selected_group = Some(g);
        self.inspector_open = true;
        self.view = View::Comparison;
        self.comparison
            .refresh_rows(&self.loaded, &self.filter, &self.columns);
        if !self.comparison.rows.contains(&g) {
            self.filter = Filter {
                sort: self.filter.sort,
                column_sides_only: false,
                ..Filter::default()
            };
            self.status = Some("Filters cleared to show the claim".into());
        }
        self.comparison.scroll_to_selected = true;
    }

    fn move_selection(&mut self, delta: i32) {
        if self.view != View::Comparison {
            return;
        }
        let rows = &self.comparison.rows;
        if rows.is_empty() {
            return;
        }
        let at = self
            .selected_group
            .and_then(|g| rows.iter().position(|&r| r == g));
        let next = match at {
            Some(i) => (i as i64 + i64::from(delta)).clamp(0, rows.len() as i64 - 1) as usize,
            None if delta < 0 => rows.len() - 1,
            None => 0,
        };
        self.selected_group = Some(rows[next]);
        self.comparison.scroll_to_selected = true;
    }

    /// Draws one frame into `ui` and carries out what the user asked for. (eframe calls it
    /// through [`eframe::App::ui`]; benchmarks call it directly.)
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if std::mem::take(&mut self.reanalyse_wanted) {
            self.reanalyse_if_needed(&ctx);
        }
        self.poll(&ctx);
        if self.shown_title != self.title() {
            self.shown_title = self.title();
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(self.shown_title.clone()));
        }
        if self.applied_theme != Some(self.prefs.theme) {
            theme::apply(&ctx, self.prefs.theme);
            self.applied_theme = Some(self.prefs.theme);
        }
        // the built-in picker is modal: it takes the keys
        let mut commands = if self.builtin.is_some() {
            Vec::new()
        } else {
            keys::shortcuts(&ctx)
        };
        commands.extend(dropped_folder(&ctx).map(|dir| Command::Open(Source::Folder(dir))));
        let warnings = load_report::count(&self.loaded);
        let progress = self.job.as_ref().map(|j| {
            let what = match &j.kind {
                JobKind::Open(s) if *s == self.loaded.source => {
                    "Reading the folder again".to_string()
                }
                JobKind::Open(s) => format!("Reading {}", s.display_name()),
                JobKind::Reanalyse => "Applying the corrections".to_string(),
            };
            (what, j.elapsed())
        });
        egui::Panel::top("top_bar").show(ui, |ui| {
            commands.extend(top_bar::top_bar_ui(
                ui,
                &top_bar::Model {
                    loaded: &self.loaded,
                    view: self.view,
                    recent: &self.prefs.recent,
                    progress,
                    error: self.error.as_deref(),
                    status: self.status.as_deref(),
                    can_undo: self.history.can_undo(),
                    can_redo: self.history.can_redo(),
                    can_export: self.exporter.is_some() && !self.start_page,
                    sides_open: self.sides_open,
                    warnings,
                    start_page: self.start_page,
                },
            ));
        });
        // panels that leave the comparison room at any zoom
        let width = ctx.content_rect().width();
        if !self.sized
            && let Some(monitor) = ctx.input(|i| i.viewport().monitor_size)
        {
            self.sized = true;
            let inner = ctx.content_rect().size();
            if let Some(size) = start_view::fitted_size(monitor, inner) {
                ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
            }
        }
        if self.start_page {
            egui::CentralPanel::default().show(ui, |ui| {
                commands.extend(start_view::start_ui(ui, &self.prefs.recent));
            });
            commands.extend(self.builtin_picker_ui(&ctx));
            for c in commands {
                self.apply(c, &ctx);
            }
            if self.job.is_some() {
                ctx.request_repaint_after(Duration::from_millis(100));
            }
            return;
        }
        if self.sides_open {
            egui::Panel::left("sides")
                .resizable(true)
                .default_size((width * 0.22).clamp(170.0, 300.0))
                .max_size(width * 0.45)
                .show(ui, |ui| {
                    commands.extend(sides_panel::sides_ui(
                        ui,
                        &sides_panel::Model {
                            loaded: &self.loaded,
                            columns: &self.columns,
                            corrections: &self.annotations.corrections,
                            selected_document: self.selected_document,
                        },
                        &mut self.sides,
                    ));
                });
        }
        if self.inspector_open
            && let Some(g) = self.selected_group
        {
            egui::Panel::right("inspector")
                .resizable(true)
                .default_size((width * 0.3).clamp(220.0, 420.0))
                .max_size(width * 0.6)
                .show(ui, |ui| {
                    commands.extend(inspector::inspector_ui(
                        ui,
                        &self.loaded,
                        &self.annotations,
                        g,
                        &mut self.inspector,
                    ));
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let more = match self.view {
                View::Comparison => comparison_view::comparison_ui(
                    ui,
                    &comparison_view::Model {
                        loaded: &self.loaded,
                        annotations: &self.annotations,
                        columns: &self.columns,
                        selected: self.selected_group,
                    },
                    &mut self.filter,
                    &mut self.comparison,
                ),
                View::Reader => reader::reader_ui(
                    ui,
                    &self.loaded,
                    &self.annotations.corrections,
                    self.selected_document,
                    &mut self.reader,
                ),
                View::Timeline => {
                    timeline::timeline_ui(ui, &self.loaded, &self.columns, &mut self.timeline)
                }
                View::LoadReport => {
                    load_report::load_report_ui(ui, &self.loaded, &self.annotations_info())
                }
                View::ClaimMap => claim_map::claim_map_ui(ui, &self.loaded, &mut self.claim_map),
                View::Pair => pair_view::pair_ui(ui, &self.loaded, &mut self.pair),
            };
            commands.extend(more);
        });
        commands.extend(self.builtin_picker_ui(&ctx));
        // the rows as the keys will see them
        self.comparison
            .refresh_rows(&self.loaded, &self.filter, &self.columns);
        for c in commands {
            self.apply(c, &ctx);
        }
        if self.job.is_some() {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        if let Some(wait) = self.autosave() {
            ctx.request_repaint_after(wait);
        }
    }
}

/// The folder of the first thing dropped on the window (a dropped file opens its folder).
fn dropped_folder(ctx: &egui::Context) -> Option<std::path::PathBuf> {
    ctx.input(|i| {
        i.raw.dropped_files.iter().find_map(|f| {
            let path = f.path();
            if path.as_os_str().is_empty() {
                None
            } else if path.is_dir() {
                Some(path.to_path_buf())
            } else {
                path.parent().map(std::path::Path::to_path_buf)
            }
        })
    })
}

/// The time now as RFC 3339 (UTC, seconds).
fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// A folder picker that never picks (for windows made from an analysis).
struct NoPicker;

impl FolderPicker for NoPicker {
    fn pick_folder(&mut self) -> Option<std::path::PathBuf> {
        None
    }
}

impl eframe::App for ParallaxApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.prefs.save(storage);
        self.flush_annotations();
    }

    fn on_exit(&mut self) {
        self.flush_annotations();
    }
}

/// The app icon for the window's title bar and task bar (the 64 px rendering of
/// `assets/icon.svg`).
pub fn window_icon() -> std::sync::Arc<egui::IconData> {
    let png = include_bytes!("../../assets/icons/parallax-64.png");
    std::sync::Arc::new(eframe::icon_data::from_png_bytes(png).unwrap_or_default())
}

/// Opens the window on a source; returns when the window closes. Started without a folder
/// (`Source::Sample`), it reopens the folder open when it last closed.
pub fn run(source: Source) -> eframe::Result<()> {
    run_on(source, None)
}

/// Like [`run`], showing the document at `document` (a path relative to the folder, `/`
/// separators) in the reader once the folder is loaded.
pub fn run_on(source: Source, document: Option<String>) -> eframe::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(format!("Parallax — {}", source.display_name()))
            .with_app_id("parallax")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true)
            .with_icon(window_icon()),
        ..Default::default()
    };
    eframe::run_native(
        "Parallax",
        options,
        Box::new(move |cc| {
            let app = ParallaxApp::start(source, cc);
            Ok(Box::new(match document {
                Some(path) => app.select_document_path(&path),
                None => app,
            }))
        }),
    )
}
