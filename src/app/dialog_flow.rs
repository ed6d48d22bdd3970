//! Opening a folder and exporting: through the system's dialog when it can be shown, else
//! through the built-in picker ([`super::picker`]), saying once in the status line why.

use std::path::PathBuf;
use std::sync::Arc;

use super::picker::{BuiltinPicker, Outcome, home_dir};
use super::{Command, ParallaxApp, Source};
use crate::comparison::Comparison;
use crate::export::Format;

impl ParallaxApp {
    /// File → Open folder… (Ctrl+O): the system's dialog, or the built-in picker when it
    /// cannot be shown or gave up at once.
    pub(super) fn open_folder_dialog(&mut self) -> Vec<Command> {
        if let Some(reason) = self.picker.unavailable() {
            self.open_builtin_folder_picker(&reason);
            return Vec::new();
        }
        match self.picker.pick_folder() {
            Some(dir) => vec![Command::Open(Source::Folder(dir))],
            None => {
                if let Some(reason) = self.picker.unavailable() {
                    self.open_builtin_folder_picker(&reason);
                }
                Vec::new()
            }
        }
    }

    fn open_builtin_folder_picker(&mut self, reason: &str) {
        self.say_why_builtin(reason);
        // start beside the folder shown, where its siblings are
        let start = match &self.session.loaded().source {
            Source::Folder(dir) => dir.parent().map(PathBuf::from),
            Source::Sample => None,
        };
        self.builtin = Some(BuiltinPicker::open_folder(
            start.as_deref(),
            &self.prefs.recent,
            self.home.clone().unwrap_or_else(home_dir),
        ));
    }

    /// The status line says once per session why the system's dialog was not used.
    fn say_why_builtin(&mut self, reason: &str) {
        if !self.builtin_said {
            self.builtin_said = true;
            let mut r = reason.to_string();
            if let Some(first) = r.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            self.session.set_status(Some(r));
        }
    }

    /// Export… (Ctrl+E): the exporter's own dialog, or the built-in save picker.
    pub(super) fn export(&mut self) {
        let Some(exporter) = self.exporter.as_ref() else {
            self.session.set_status(Some(
                "Export needs an exporter, and this build has none".into(),
            ));
            return;
        };
        if let Some(reason) = exporter.unavailable() {
            self.open_builtin_save_picker(&reason);
            return;
        }
        let (comparison, options) = self.export_inputs();
        let name = self.export_name();
        let Some(exporter) = self.exporter.as_mut() else {
            return;
        };
        let result = exporter.export(&comparison, self.session.annotations(), &options, &name);
        let gave_up = exporter.unavailable();
        match result {
            Ok(Some(message)) => {
                self.session.set_status(Some(message));
                self.session.set_error(None);
            }
            Ok(None) => {
                if let Some(reason) = gave_up {
                    self.open_builtin_save_picker(&reason);
                }
            }
            Err(e) => self.session.set_error(Some(format!("export failed: {e}"))),
        }
    }

    fn open_builtin_save_picker(&mut self, reason: &str) {
        self.say_why_builtin(reason);
        let Some(exporter) = self.exporter.as_ref() else {
            return;
        };
        let home = self.home.clone().unwrap_or_else(home_dir);
        let suggested = exporter.suggested_path(&self.export_name(), &home);
        self.builtin = Some(BuiltinPicker::save_file(
            &suggested,
            Format::ALL.iter().map(|f| f.extension()).collect(),
            &self.prefs.recent,
            home,
        ));
    }

    /// What an export writes: the shown comparison (shared, not copied) and the options of
    /// what the window shows: its filter and column sides, so the export holds exactly the
    /// rows on screen, and the notes to put into the groups.
    fn export_inputs(&self) -> (Arc<Comparison>, crate::export::Options) {
        let loaded = self.session.loaded();
        let annotations = self.session.annotations();
        let options = crate::export::Options {
            filter: self.state.filter.clone(),
            columns: self.state.columns.clone(),
            annotations: Some(annotations.clone()),
            date: Some(crate::export::export_date()),
            topics: loaded.corpus.lexicon().topics.clone(),
            orphans: crate::annotations::attach::orphans(annotations, &loaded.comparison)
                .into_iter()
                .map(|(id, note)| (id.clone(), note.clone()))
                .collect(),
            // the REFI-QDA project holds the documents' texts
            corpus: Some(loaded.corpus.clone()),
        };
        (loaded.comparison.clone(), options)
    }

    /// Shows what a finished background export said; whether one is still running.
    pub(super) fn poll_export(&mut self) -> bool {
        let Some(exporter) = self.exporter.as_mut() else {
            return false;
        };
        match exporter.poll() {
            Some(Ok(message)) => {
                self.session.set_status(Some(message));
                self.session.set_error(None);
            }
            Some(Err(e)) => self.session.set_error(Some(format!("export failed: {e}"))),
            None => {}
        }
        exporter.busy()
    }

    /// The file name an export suggests.
    fn export_name(&self) -> String {
        let name = self.session.loaded().source.display_name();
        if name.contains("sample") {
            "parallax-sample".to_string()
        } else {
            name
        }
    }

    /// Draws the built-in picker while it is open and carries out what it chose.
    pub(super) fn builtin_picker_ui(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let Some(picker) = self.builtin.as_mut() else {
            return Vec::new();
        };
        let Some(outcome) = picker.ui(ctx) else {
            return Vec::new();
        };
        self.builtin = None;
        match outcome {
            Outcome::Folder(dir) => vec![Command::Open(Source::Folder(dir))],
            Outcome::Cancelled => Vec::new(),
            Outcome::SaveTo(path) => {
                let (comparison, options) = self.export_inputs();
                if let Some(exporter) = self.exporter.as_mut() {
                    match exporter.export_to(&path, &comparison, &options) {
                        Ok(message) => {
                            self.session.set_status(Some(message));
                            self.session.set_error(None);
                        }
                        Err(e) => self.session.set_error(Some(format!("export failed: {e}"))),
                    }
                }
                Vec::new()
            }
        }
    }

    /// Whether the built-in picker is open.
    pub fn builtin_picker_open(&self) -> bool {
        self.builtin.is_some()
    }

    /// The folder the built-in picker takes for home (tests set one; default: the user's).
    pub fn with_home(mut self, home: PathBuf) -> ParallaxApp {
        self.home = Some(home);
        self
    }
}
