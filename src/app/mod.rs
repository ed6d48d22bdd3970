//! The egui window: the only module that imports egui.
//!
//! [`ParallaxApp`] holds the loaded corpus and its comparison; loading runs on a background
//! thread so the window never freezes. UI functions (`*_ui`) read the state and return
//! [`Command`]s; [`ParallaxApp::apply`] carries them out.

mod documents_view;
mod groups_view;
mod theme;

pub use groups_view::GroupFilter;

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::comparison::Comparison;
use crate::corpus::{self, Corpus, LoadOptions};
use crate::{Settings, analyze};

/// What the window shows: the bundled sample or a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The sample corpus compiled into the binary.
    Sample,
    /// A folder on disk.
    Folder(PathBuf),
}

impl Source {
    /// A short name for the window title.
    pub fn display_name(&self) -> String {
        match self {
            Source::Sample => corpus::SAMPLE_ROOT.to_string(),
            Source::Folder(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
        }
    }
}

/// Asks the user for a folder. The real one is rfd's native dialog; tests put in their own.
pub trait FolderPicker {
    /// The chosen folder, or `None` when the user cancelled (or no dialog could be shown).
    fn pick_folder(&mut self) -> Option<PathBuf>;
}

/// rfd's native folder dialog.
#[derive(Debug, Default)]
pub struct RfdPicker;

impl FolderPicker for RfdPicker {
    fn pick_folder(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open a folder of articles")
            .pick_folder()
    }
}

/// Something the user asked for, returned by the UI functions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Show the folder dialog and open what is chosen.
    OpenFolderDialog,
    /// Open this source.
    Open(Source),
    /// Read the current source again.
    Reload,
    /// Show this document in the reader (from the list or a group's statement).
    SelectDocument(usize),
    /// Select this claim group.
    SelectGroup(usize),
    /// Switch the central view.
    ShowView(View),
}

/// A finished analysis.
pub struct Loaded {
    /// What was loaded.
    pub source: Source,
    /// The documents.
    pub corpus: Corpus,
    /// Their comparison.
    pub comparison: Comparison,
    /// For each document (by index), the indices of its statements in text order.
    pub statements_by_document: Vec<Vec<usize>>,
    statement_positions: std::collections::HashMap<String, usize>,
    document_positions: std::collections::HashMap<String, usize>,
}

impl Loaded {
    /// Indexes a corpus and its comparison for the views.
    pub fn new(source: Source, corpus: Corpus, comparison: Comparison) -> Loaded {
        let position: std::collections::HashMap<&str, usize> = comparison
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let mut statements_by_document = vec![Vec::new(); comparison.documents.len()];
        for (i, s) in comparison.statements.iter().enumerate() {
            if let Some(&d) = position.get(s.document.as_str()) {
                statements_by_document[d].push(i);
            }
        }
        for list in &mut statements_by_document {
            list.sort_by_key(|&i| comparison.statements[i].span[0]);
        }
        let statement_positions = comparison
            .statements
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let document_positions = comparison
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i))
            .collect();
        Loaded {
            source,
            corpus,
            comparison,
            statements_by_document,
            statement_positions,
            document_positions,
        }
    }

    /// The statement with this id.
    pub fn statement(&self, id: &str) -> Option<&crate::comparison::Statement> {
        self.statement_positions
            .get(id)
            .and_then(|&i| self.comparison.statements.get(i))
    }

    /// The index of the document with this id.
    pub fn document_index(&self, id: &str) -> Option<usize> {
        self.document_positions.get(id).copied()
    }
}

/// Which view fills the centre of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The claim groups and the selected group's statements.
    #[default]
    Claims,
    /// The selected document in full.
    Reader,
}

type LoadResult = Result<Loaded, String>;

/// Loads and analyses a source (on whatever thread calls it).
pub fn load_source(source: &Source) -> LoadResult {
    let corpus = match source {
        Source::Sample => corpus::bundled_sample(),
        Source::Folder(dir) => {
            corpus::load(dir, &LoadOptions::default()).map_err(|e| e.to_string())?
        }
    };
    let comparison = analyze(&corpus, &Settings::default());
    Ok(Loaded::new(source.clone(), corpus, comparison))
}

/// The application state.
pub struct ParallaxApp {
    loaded: Loaded,
    selected: Option<usize>,
    selected_group: Option<usize>,
    view: View,
    filter: GroupFilter,
    pending: Option<(Source, Receiver<LoadResult>)>,
    error: Option<String>,
    picker: Box<dyn FolderPicker>,
    shown_title: String,
}

impl ParallaxApp {
    /// A window showing `source`, loaded before the first frame, with rfd's folder dialog.
    /// When the source fails to load, the sample is shown with the error.
    pub fn new(source: Source) -> ParallaxApp {
        ParallaxApp::with_picker(source, Box::new(RfdPicker))
    }

    /// Like [`ParallaxApp::new`] with another folder picker (tests use a scripted one).
    pub fn with_picker(source: Source, picker: Box<dyn FolderPicker>) -> ParallaxApp {
        let (loaded, error) = match load_source(&source) {
            Ok(l) => (l, None),
            Err(e) => (
                load_source(&Source::Sample).unwrap_or_else(|_| empty(Source::Sample)),
                Some(e),
            ),
        };
        ParallaxApp {
            selected: (!loaded.corpus.documents.is_empty()).then_some(0),
            selected_group: None,
            view: View::default(),
            filter: GroupFilter::default(),
            loaded,
            pending: None,
            error,
            picker,
            shown_title: String::new(),
        }
    }

    /// What is shown now.
    pub fn loaded(&self) -> &Loaded {
        &self.loaded
    }

    /// The index of the document in the reader.
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// The selected claim group.
    pub fn selected_group(&self) -> Option<usize> {
        self.selected_group
    }

    /// The central view.
    pub fn view(&self) -> View {
        self.view
    }

    /// The last error shown to the user.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Whether a load is running in the background.
    pub fn is_loading(&self) -> bool {
        self.pending.is_some()
    }

    /// The window title for what is shown.
    pub fn title(&self) -> String {
        format!("Parallax — {}", self.loaded.source.display_name())
    }

    /// Carries out a command.
    pub fn apply(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::OpenFolderDialog => {
                if let Some(dir) = self.picker.pick_folder() {
                    self.start_load(Source::Folder(dir), ctx);
                }
            }
            Command::Open(source) => self.start_load(source, ctx),
            Command::Reload => self.start_load(self.loaded.source.clone(), ctx),
            Command::SelectDocument(i) => {
                if i < self.loaded.corpus.documents.len() {
                    self.selected = Some(i);
                    self.view = View::Reader;
                }
            }
            Command::SelectGroup(i) => {
                if i < self.loaded.comparison.groups.len() {
                    self.selected_group = Some(i);
                }
            }
            Command::ShowView(v) => self.view = v,
        }
    }

    /// Starts loading a source on a background thread.
    fn start_load(&mut self, source: Source, ctx: &egui::Context) {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let job = source.clone();
        let spawned = std::thread::Builder::new()
            .name("parallax-load".into())
            .spawn(move || {
                let result = load_source(&job);
                // The window may have closed: nobody to tell, nothing to do.
                let _ = tx.send(result);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.pending = Some((source, rx)),
            Err(e) => self.error = Some(format!("cannot start loading: {e}")),
        }
    }

    /// Waits for a background load to finish and takes its result (tests and the command
    /// line use this; the window polls instead).
    pub fn wait_for_load(&mut self) {
        if let Some((_, rx)) = &self.pending {
            let result = rx
                .recv()
                .map_err(|_| "loading stopped unexpectedly".to_string());
            self.pending = None;
            self.finish_load(result.and_then(|r| r));
        }
    }

    fn poll_load(&mut self) {
        let Some((_, rx)) = &self.pending else { return };
        match rx.try_recv() {
            Ok(result) => {
                self.pending = None;
                self.finish_load(result);
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                self.pending = None;
                self.error = Some("loading stopped unexpectedly".to_string());
            }
        }
    }

    fn finish_load(&mut self, result: LoadResult) {
        match result {
            Ok(loaded) => {
                let keep = self
                    .selected
                    .and_then(|i| self.loaded.corpus.documents.get(i))
                    .map(|d| d.path.clone())
                    .filter(|_| loaded.source == self.loaded.source);
                self.selected = keep
                    .and_then(|p| loaded.corpus.documents.iter().position(|d| d.path == p))
                    .or((!loaded.corpus.documents.is_empty()).then_some(0));
                if loaded.source != self.loaded.source
                    || loaded.comparison.groups.len() != self.loaded.comparison.groups.len()
                {
                    self.selected_group = None;
                }
                self.loaded = loaded;
                self.error = None;
            }
            // What was shown stays shown: a failed load loses nothing.
            Err(e) => self.error = Some(e),
        }
    }

    fn top_bar_ui(&self, ui: &mut egui::Ui) -> Option<Command> {
        let mut command = None;
        ui.horizontal(|ui| {
            if ui
                .button("Open folder…")
                .on_hover_text("Open a folder of articles (Ctrl+O)")
                .clicked()
            {
                command = Some(Command::OpenFolderDialog);
            }
            if ui
                .button("Reload")
                .on_hover_text("Read the folder again (F5)")
                .clicked()
            {
                command = Some(Command::Reload);
            }
            if self.loaded.source != Source::Sample && ui.button("Sample").clicked() {
                command = Some(Command::Open(Source::Sample));
            }
            ui.separator();
            for (view, name) in [(View::Claims, "Claims"), (View::Reader, "Reader")] {
                if ui.selectable_label(self.view == view, name).clicked() {
                    command = Some(Command::ShowView(view));
                }
            }
            ui.separator();
            ui.label(egui::RichText::new(&self.loaded.corpus.root).strong());
            let docs = self.loaded.corpus.documents.len();
            let warns = self.loaded.comparison.warnings.len();
            ui.label(format!("{docs} documents, {warns} warnings"));
            if let Some((source, _)) = &self.pending {
                ui.spinner();
                ui.label(format!("loading {}…", source.display_name()));
            }
        });
        if let Some(e) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, format!("Problem: {e}"));
        }
        command
    }

    fn shortcuts(&self, ctx: &egui::Context) -> Option<Command> {
        ctx.input_mut(|i| {
            if i.consume_key(egui::Modifiers::COMMAND, egui::Key::O) {
                Some(Command::OpenFolderDialog)
            } else if i.consume_key(egui::Modifiers::NONE, egui::Key::F5) {
                Some(Command::Reload)
            } else {
                None
            }
        })
    }
}

fn empty(source: Source) -> Loaded {
    let corpus = Corpus::default();
    let comparison = analyze(&corpus, &Settings::default());
    Loaded::new(source, corpus, comparison)
}

impl eframe::App for ParallaxApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.poll_load();
        if self.shown_title != self.title() {
            self.shown_title = self.title();
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(self.shown_title.clone()));
        }
        let mut commands: Vec<Command> = self.shortcuts(&ctx).into_iter().collect();
        egui::Panel::top("top_bar").show(ui, |ui| {
            commands.extend(self.top_bar_ui(ui));
        });
        egui::Panel::left("documents")
            .resizable(true)
            .default_size(380.0)
            .show(ui, |ui| {
                commands.extend(documents_view::list_ui(ui, &self.loaded, self.selected));
            });
        egui::CentralPanel::default().show(ui, |ui| match self.view {
            View::Reader => documents_view::reader_ui(ui, &self.loaded, self.selected),
            View::Claims => commands.extend(groups_view::groups_ui(
                ui,
                &self.loaded,
                &mut self.filter,
                self.selected_group,
            )),
        });
        for c in commands {
            self.apply(c, &ctx);
        }
        if self.pending.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }
}

/// Opens the window on a source; returns when the window closes.
pub fn run(source: Source) -> eframe::Result<()> {
    let app = ParallaxApp::new(source);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(app.title())
            .with_app_id("parallax")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    eframe::run_native("Parallax", options, Box::new(|_cc| Ok(Box::new(app))))
}
