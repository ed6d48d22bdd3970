//! The egui window: the only module that imports egui.
//!
//! [`ParallaxApp`] is a [`Session`] (the analysis shown, the background job, the folder's
//! one annotations store, the undo history: no egui there) plus the window's own [`State`]
//! (the view, the columns, the filter, the selections) and each view's caches, in the shape
//! of egui's demo app. UI functions (`*_ui`, one module per part of the window) read the
//! state and return [`Command`]s; [`ParallaxApp::apply`] carries them out (`apply.rs`), and
//! `frame.rs` draws a frame.
//!
//! ```text
//! top_bar      Open folder… | Recent | Reload | Export… | views | Undo Redo | theme | progress
//! sides_panel  sides (tick = column), rename/merge, documents   │ inspector (selected group,
//! centre       comparison_view | reader | timeline | load_report │  annotation_editor)
//! ```

mod annotation_editor;
mod apply;
mod claim_map;
mod command;
mod comparison_view;
mod dialog_flow;
mod dialogs;
mod frame;
mod highlight;
mod inspector;
mod keys;
mod load_report;
mod pair_align;
mod pair_view;
mod picker;
mod picker_paths;
mod prefs;
pub mod progress_bar;
mod reader;
mod sides_panel;
mod start_view;
mod table;
mod theme;
mod timeline;
mod top_bar;

pub use crate::export::{Filter, SortOrder};
pub use crate::session::{Loaded, Source, load_source};
pub use command::{Command, View};
pub use dialogs::{DialogEnvironment, Exporter, FolderPicker, RfdExporter, RfdPicker};
pub use keys::SHORTCUTS;
pub use picker::PATH_FIELD;
pub use prefs::{Prefs, ThemeChoice};
pub use table::default_columns;
pub use timeline::{conflict_links, year_position};

use std::sync::Arc;
use std::time::Duration;

use crate::annotations::Annotations;
use crate::annotations::store::{Store, StoreConfig};
use crate::corpus::LoadOptions;
use crate::session::{Session, Shown};

/// What the window shows of the session: kept apart from the session and from the views'
/// caches.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// The central view.
    pub view: View,
    /// The column sides, in order.
    pub columns: Vec<String>,
    /// The user chose the columns (they are carried to the next analysis as they are).
    pub columns_chosen: bool,
    /// The comparison's filter: the rows, and what an export holds.
    pub filter: Filter,
    /// The selected claim group.
    pub selected_group: Option<usize>,
    /// The document in the reader.
    pub selected_document: Option<usize>,
    /// Whether the inspector is open.
    pub inspector_open: bool,
    /// Whether the sides panel is shown.
    pub sides_open: bool,
    /// The start page is shown instead of a folder (nothing opened yet).
    pub start_page: bool,
}

/// Each view's caches and scroll targets.
#[derive(Default)]
struct Views {
    comparison: comparison_view::State,
    reader: reader::State,
    sides: sides_panel::State,
    inspector: inspector::State,
    timeline: timeline::State,
    claim_map: claim_map::State,
    pair: pair_view::State,
}

/// The application: a session and the window's state.
pub struct ParallaxApp {
    session: Session,
    state: State,
    views: Views,
    picker: Box<dyn FolderPicker>,
    exporter: Option<Box<dyn Exporter>>,
    /// The built-in folder or save picker, while it is open.
    builtin: Option<picker::BuiltinPicker>,
    /// The status line said why the built-in picker is used.
    builtin_said: bool,
    /// The built-in picker's home folder (`None`: the user's).
    home: Option<std::path::PathBuf>,
    prefs: Prefs,
    /// The stored corrections differ from those of what is shown: analyse again.
    reanalyse_wanted: bool,
    /// A document to show in the reader once its folder is loaded (its path relative to
    /// the folder, `/` separators): `parallax FILE` opens the file's folder on that file.
    select_when_loaded: Option<String>,
    /// The window was fitted to its screen (once, on the first frame that knows the screen).
    sized: bool,
    /// The session repaints this window when a background result is ready.
    notify_set: bool,
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
        ParallaxApp::on(Session::new(source), picker, Prefs::default())
    }

    /// A window on an analysis made elsewhere (benchmarks, tests), with no folder dialog.
    pub fn from_loaded(loaded: Loaded) -> ParallaxApp {
        ParallaxApp::on(
            Session::showing(loaded),
            Box::new(NoPicker),
            Prefs::default(),
        )
    }

    fn on(session: Session, picker: Box<dyn FolderPicker>, prefs: Prefs) -> ParallaxApp {
        let mut prefs = prefs;
        let loaded = session.loaded();
        prefs.opened(&loaded.source);
        let state = State {
            columns: table::default_columns(loaded),
            selected_document: (!loaded.corpus.documents.is_empty()).then_some(0),
            sides_open: true,
            ..State::default()
        };
        ParallaxApp {
            session,
            state,
            views: Views::default(),
            picker,
            exporter: None,
            builtin: None,
            builtin_said: false,
            home: None,
            prefs,
            reanalyse_wanted: false,
            select_when_loaded: None,
            sized: false,
            notify_set: false,
            shown_title: String::new(),
            applied_theme: None,
        }
    }

    /// The window as `run` starts it: the remembered preferences from eframe's storage, the
    /// last folder instead of the sample when there is one, loaded in the background with
    /// the limits of `options`.
    pub fn start(
        requested: Source,
        options: LoadOptions,
        cc: &eframe::CreationContext<'_>,
    ) -> ParallaxApp {
        let prefs = Prefs::load(cc.storage);
        let start_page = prefs.wants_start_page(&requested);
        let source = prefs.start_source(requested);
        let remembered = prefs.clone();
        let session = Session::showing(Loaded::empty(source.clone()));
        let mut app = ParallaxApp::on(session, Box::new(RfdPicker::default()), prefs)
            .with_exporter(Box::new(RfdExporter::default()))
            .with_store(StoreConfig::default());
        app.session.set_load_options(options);
        app.session.set_notify(repaint(&cc.egui_ctx));
        if start_page {
            // nothing is open: the placeholder under the start page is not remembered
            app.prefs = remembered;
            app.state.start_page = true;
        } else {
            app.session.set_initial();
            app.session.open(source);
        }
        app
    }

    /// Whether the start page is shown.
    pub fn start_page(&self) -> bool {
        self.state.start_page
    }

    /// Shows the start page, as a first start does (tests; File → Start page).
    pub fn with_start_page(mut self) -> ParallaxApp {
        self.state.start_page = true;
        self
    }

    /// The rows of the two-article view (pairs of statement indices) as last shown.
    pub fn pair_rows(&mut self) -> Vec<(Option<usize>, Option<usize>)> {
        let loaded = self.session.loaded();
        self.views
            .pair
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
        let documents = &self.session.loaded().comparison.documents;
        if let Some(i) = documents.iter().position(|d| d.path == *path) {
            self.state.selected_document = Some(i);
            self.state.view = View::Reader;
            self.select_when_loaded = None;
        }
    }

    /// Keeps annotations on disk: each folder's in its `.parallax/annotations.json` (or the
    /// data directory `config` names), saved a moment after each change and on closing.
    pub fn with_store(mut self, config: StoreConfig) -> ParallaxApp {
        self.reanalyse_wanted = self.session.use_store(config);
        self
    }

    /// The store of the shown folder's annotations, when they are kept on disk.
    pub fn store(&self) -> Option<&Store> {
        self.session.store()
    }

    /// Saves every store with unsaved changes now (on closing the window).
    pub fn flush_annotations(&mut self) {
        self.session.flush();
    }

    /// Plugs in the exporter that Export… (Ctrl+E) calls.
    pub fn with_exporter(mut self, exporter: Box<dyn Exporter>) -> ParallaxApp {
        self.exporter = Some(exporter);
        self
    }

    /// Sets how often the opened folder is checked for edits.
    pub fn set_watch_interval(&mut self, interval: Duration) {
        self.session.set_watch_interval(interval);
    }

    /// The session under the window.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// What the window shows of the session.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// What is shown now.
    pub fn loaded(&self) -> &Loaded {
        self.session.loaded()
    }

    /// The index of the document in the reader.
    pub fn selected(&self) -> Option<usize> {
        self.state.selected_document
    }

    /// The selected claim group.
    pub fn selected_group(&self) -> Option<usize> {
        self.state.selected_group
    }

    /// The central view.
    pub fn view(&self) -> View {
        self.state.view
    }

    /// The column sides, in order.
    pub fn columns(&self) -> &[String] {
        &self.state.columns
    }

    /// The rows of the comparison (group indices, filtered and sorted) as last shown.
    pub fn rows(&self) -> &[usize] {
        &self.views.comparison.rows
    }

    /// The filter of the comparison.
    pub fn filter(&self) -> &Filter {
        &self.state.filter
    }

    /// The filter of the comparison, to change.
    pub fn filter_mut(&mut self) -> &mut Filter {
        &mut self.state.filter
    }

    /// Whether the inspector is open.
    pub fn inspector_open(&self) -> bool {
        self.state.inspector_open && self.state.selected_group.is_some()
    }

    /// The statement the reader was asked to show.
    pub fn reader_target(&self) -> Option<usize> {
        self.views.reader.target
    }

    /// The user's annotations and corrections of the shown folder.
    pub fn annotations(&self) -> &Annotations {
        self.session.annotations()
    }

    /// The remembered preferences.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The last error shown to the user.
    pub fn error(&self) -> Option<&str> {
        self.session.error()
    }

    /// The last message shown to the user.
    pub fn status(&self) -> Option<&str> {
        self.session.status()
    }

    /// Whether a load or analysis is running in the background.
    pub fn is_loading(&self) -> bool {
        self.session.is_loading()
    }

    /// The window title for what is shown.
    pub fn title(&self) -> String {
        if self.state.start_page {
            return "Parallax".to_string();
        }
        format!("Parallax — {}", self.loaded().source.display_name())
    }

    /// Waits for a background job to finish and shows its result (tests use this; the
    /// window polls instead).
    pub fn wait_for_load(&mut self) {
        if let Some(shown) = self.session.wait_for_load() {
            self.shown(shown);
        }
    }

    /// Carries the window's state over to a newly shown analysis.
    fn shown(&mut self, shown: Shown) {
        let Shown {
            kind,
            previous,
            same_source,
        } = shown;
        let state = &mut self.state;
        state.start_page = false;
        if let crate::session::JobKind::Open(source) = &kind {
            self.prefs.opened(source);
        }
        if !same_source {
            state.columns_chosen = false;
            state.filter = Filter::default();
            state.inspector_open = false;
        }
        let loaded = self.session.loaded();
        // keep the selections where they still exist
        let group_id = state
            .selected_group
            .filter(|_| same_source)
            .and_then(|g| previous.comparison.groups.get(g))
            .map(|g| (g.id.clone(), g.statements.first().cloned()));
        state.selected_group = group_id.and_then(|(id, first)| {
            loaded.group_index(&id).or_else(|| {
                first
                    .and_then(|s| loaded.statement_index(&s))
                    .and_then(|s| loaded.group_of_statement[s])
            })
        });
        let doc_path = state
            .selected_document
            .filter(|_| same_source)
            .and_then(|d| previous.comparison.documents.get(d))
            .map(|d| d.path.clone());
        state.selected_document = doc_path
            .and_then(|p| loaded.comparison.documents.iter().position(|d| d.path == p))
            .or((!loaded.comparison.documents.is_empty()).then_some(0));
        if !same_source || self.views.reader.target.is_some() {
            self.views.reader.target = None;
        }
        let chosen = state.columns_chosen.then_some(state.columns.as_slice());
        state.columns = table::carry_columns(chosen, loaded, &loaded.corrections);
        if self.select_when_loaded.is_some() {
            self.take_document_selection();
        }
    }
}

/// A callback that asks egui to repaint (background threads call it when a result is ready).
fn repaint(ctx: &egui::Context) -> crate::session::Notify {
    let ctx = ctx.clone();
    Arc::new(move || ctx.request_repaint())
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
    run_on(source, None, LoadOptions::default())
}

/// Like [`run`], showing the document at `document` (a path relative to the folder, `/`
/// separators) in the reader once the folder is loaded, reading folders within the limits
/// of `options`.
pub fn run_on(
    source: Source,
    document: Option<String>,
    options: LoadOptions,
) -> eframe::Result<()> {
    let native = eframe::NativeOptions {
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
        native,
        Box::new(move |cc| {
            let app = ParallaxApp::start(source, options, cc);
            Ok(Box::new(match document {
                Some(path) => app.select_document_path(&path),
                None => app,
            }))
        }),
    )
}
