//! The built-in folder and save picker, drawn by egui: used when the system's dialog cannot
//! be shown (no XDG desktop portal and no zenity on Linux, or a dialog that gave up at once).
//!
//! Keyboard driven: the path field has the keyboard; typing lists the matching folders,
//! Tab completes, Up and Down walk the list, Enter opens (or saves to) what the field
//! names, Escape cancels. Home, Up one folder and the recent folders are buttons; a click
//! on a listed folder puts it in the field, a double click goes into it. Saving over an
//! existing file asks first.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers, RichText};

use super::picker_paths::{self, complete, entries, expand, folder_text, listing_of};

/// What the picker is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// Choose a folder to open.
    OpenFolder,
    /// Choose a file to write, listing existing files with these extensions.
    Save(Vec<&'static str>),
}

/// What the user chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Open this folder.
    Folder(PathBuf),
    /// Write to this file (replacing it, if it exists, was agreed to).
    SaveTo(PathBuf),
    /// Closed without choosing.
    Cancelled,
}

/// The picker's state while it is open.
#[derive(Debug)]
pub struct BuiltinPicker {
    purpose: Purpose,
    home: PathBuf,
    recent: Vec<PathBuf>,
    text: String,
    dir: PathBuf,
    folders: Vec<String>,
    files: Vec<String>,
    list_error: Option<String>,
    selected: Option<usize>,
    message: Option<String>,
    overwrite: Option<PathBuf>,
}

/// The accessible name of the path field.
pub const PATH_FIELD: &str = "Path";

impl BuiltinPicker {
    /// A folder picker starting in `start` (else the home folder).
    pub fn open_folder(start: Option<&Path>, recent: &[PathBuf], home: PathBuf) -> BuiltinPicker {
        let start = start.filter(|d| d.is_dir()).unwrap_or(&home);
        let text = folder_text(start);
        BuiltinPicker::new(Purpose::OpenFolder, text, recent, home)
    }

    /// A save picker suggesting `suggested` (a file path), listing files with `extensions`.
    pub fn save_file(
        suggested: &Path,
        extensions: Vec<&'static str>,
        recent: &[PathBuf],
        home: PathBuf,
    ) -> BuiltinPicker {
        let text = suggested.to_string_lossy().into_owned();
        BuiltinPicker::new(Purpose::Save(extensions), text, recent, home)
    }

    fn new(purpose: Purpose, text: String, recent: &[PathBuf], home: PathBuf) -> BuiltinPicker {
        let mut p = BuiltinPicker {
            purpose,
            home,
            recent: recent.iter().filter(|d| d.is_dir()).cloned().collect(),
            text: String::new(),
            dir: PathBuf::new(),
            folders: Vec::new(),
            files: Vec::new(),
            list_error: None,
            selected: None,
            message: None,
            overwrite: None,
        };
        p.set_text(text);
        p
    }

    /// Puts `text` in the field and lists what it names.
    fn set_text(&mut self, text: String) {
        let (dir, prefix) = listing_of(&text, &self.home);
        // a save picker's field names a file: list its folder whole
        let prefix = match self.purpose {
            Purpose::Save(_) if !text.ends_with(std::path::MAIN_SEPARATOR) => String::new(),
            _ => prefix,
        };
        let extensions: &[&str] = match &self.purpose {
            Purpose::OpenFolder => &[],
            Purpose::Save(e) => e,
        };
        match entries(&dir, &prefix, extensions) {
            Ok((folders, files)) => {
                self.folders = folders;
                self.files = files;
                self.list_error = None;
            }
            Err(e) => {
                self.folders.clear();
                self.files.clear();
                self.list_error = Some(e);
            }
        }
        self.dir = dir;
        self.text = text;
        self.selected = None;
        self.message = None;
    }

    /// The field's text after a listed entry was picked (a save picker keeps the file name).
    fn entry_text(&self, i: usize) -> String {
        let name = match i.checked_sub(self.folders.len()) {
            None => self.folders[i].clone(),
            Some(f) => self.files.get(f).cloned().unwrap_or_default(),
        };
        let path = self.dir.join(&name);
        match &self.purpose {
            Purpose::Save(_) if i < self.folders.len() => {
                let file = Path::new(&self.text)
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default();
                path.join(file).to_string_lossy().into_owned()
            }
            _ => path.to_string_lossy().into_owned(),
        }
    }

    /// Goes into a folder.
    fn enter(&mut self, dir: &Path) {
        let text = match &self.purpose {
            Purpose::OpenFolder => folder_text(dir),
            Purpose::Save(_) => {
                let file = Path::new(&self.text)
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default();
                dir.join(file).to_string_lossy().into_owned()
            }
        };
        self.set_text(text);
    }

    /// What Enter (or the Open / Save button) does with the field's path.
    fn accept(&mut self) -> Option<Outcome> {
        let path = expand(&self.text, &self.home);
        match &self.purpose {
            Purpose::OpenFolder if path.is_dir() => Some(Outcome::Folder(path)),
            Purpose::OpenFolder => {
                self.message = Some(format!("{}: no such folder", path.display()));
                None
            }
            Purpose::Save(_) if path.is_dir() => {
                self.enter(&path);
                None
            }
            Purpose::Save(_) => {
                if !path.parent().is_some_and(Path::is_dir) {
                    self.message = Some(format!("{}: its folder does not exist", path.display()));
                    None
                } else if path.exists() {
                    self.overwrite = Some(path);
                    None
                } else {
                    Some(Outcome::SaveTo(path))
                }
            }
        }
    }

    /// Draws the picker as a modal window; returns what the user chose, once.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Outcome> {
        let mut outcome = None;
        let title = match self.purpose {
            Purpose::OpenFolder => "Open a folder of articles",
            Purpose::Save(_) => "Export the comparison",
        };
        let size = ctx.content_rect().size();
        egui::Modal::new(egui::Id::unique("parallax_builtin_picker")).show(ctx, |ui| {
            ui.set_width((size.x * 0.6).clamp(320.0, 720.0));
            ui.heading(title);
            if let Some(path) = self.overwrite.clone() {
                outcome = self.overwrite_ui(ui, &path);
                return;
            }
            outcome = self.keys(ui);
            ui.horizontal(|ui| {
                if ui
                    .button("Home")
                    .on_hover_text("Your home folder")
                    .clicked()
                {
                    let home = self.home.clone();
                    self.enter(&home);
                }
                if ui.button("Up one folder").clicked() {
                    let up = self.dir.clone();
                    let up = if self.text.ends_with(std::path::MAIN_SEPARATOR) {
                        up.parent().map(Path::to_path_buf).unwrap_or(up)
                    } else {
                        up
                    };
                    self.enter(&up);
                }
            });
            let label = ui.label(PATH_FIELD);
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.text)
                        .desired_width(f32::INFINITY)
                        .hint_text("a folder path; Tab completes"),
                )
                .labelled_by(label.id);
            if field.changed() {
                let text = self.text.clone();
                self.set_text(text);
            }
            field.request_focus();
            if let Some(m) = self.message.as_ref().or(self.list_error.as_ref()) {
                ui.colored_label(ui.visuals().error_fg_color, m);
            }
            self.list_ui(ui);
            if !self.recent.is_empty() {
                ui.separator();
                ui.label(RichText::new("Recent folders").strong());
                let mut go = None;
                for dir in self.recent.iter().take(5) {
                    if ui.button(dir.to_string_lossy()).clicked() {
                        go = Some(dir.clone());
                    }
                }
                if let Some(dir) = go {
                    self.enter(&dir);
                }
            }
            ui.separator();
            ui.horizontal(|ui| {
                let accept = match self.purpose {
                    Purpose::OpenFolder => "Open this folder",
                    Purpose::Save(_) => "Save",
                };
                if ui.button(accept).clicked() {
                    outcome = self.accept();
                }
                if ui.button("Cancel").clicked() {
                    outcome = Some(Outcome::Cancelled);
                }
                ui.label(
                    RichText::new("Enter opens · Tab completes · Up/Down pick · Escape cancels")
                        .small()
                        .weak(),
                );
            });
        });
        outcome
    }

    /// The keys the picker takes before the field sees them.
    fn keys(&mut self, ui: &mut egui::Ui) -> Option<Outcome> {
        let count = self.folders.len() + self.files.len();
        let (escape, enter, tab, down, up) = ui.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::Escape),
                i.consume_key(Modifiers::NONE, Key::Enter),
                i.consume_key(Modifiers::NONE, Key::Tab),
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
            )
        });
        if escape {
            return Some(Outcome::Cancelled);
        }
        if tab {
            let completed = match self.selected {
                Some(i) if i < self.folders.len() => {
                    Some(folder_text(&self.dir.join(&self.folders[i])))
                }
                _ => complete(&self.text, &self.home),
            };
            if let Some(text) = completed {
                self.set_text(text);
            }
        }
        if count > 0 && (down || up) {
            let next = match (self.selected, down) {
                (None, true) => 0,
                (None, false) => count - 1,
                (Some(i), true) => (i + 1).min(count - 1),
                (Some(i), false) => i.saturating_sub(1),
            };
            // the field shows the entry; the list stays as it is
            self.text = self.entry_text(next);
            self.selected = Some(next);
        }
        if enter {
            return self.accept();
        }
        None
    }

    fn list_ui(&mut self, ui: &mut egui::Ui) {
        let height = (ui.ctx().content_rect().height() * 0.4).clamp(120.0, 360.0);
        let mut clicked = None;
        let mut entered = None;
        egui::ScrollArea::vertical()
            .id_salt("picker_list")
            .max_height(height)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                if self.folders.is_empty() && self.files.is_empty() && self.list_error.is_none() {
                    ui.label(RichText::new("No folders here").weak());
                }
                let sep = std::path::MAIN_SEPARATOR;
                let names = self
                    .folders
                    .iter()
                    .map(|f| format!("{f}{sep}"))
                    .chain(self.files.iter().cloned());
                for (i, name) in names.enumerate() {
                    let r = ui.selectable_label(self.selected == Some(i), name);
                    if self.selected == Some(i) {
                        r.scroll_to_me(None);
                    }
                    if r.double_clicked() && i < self.folders.len() {
                        entered = Some(self.dir.join(&self.folders[i]));
                    } else if r.clicked() {
                        clicked = Some(i);
                    }
                }
                if self.folders.len() >= picker_paths::MAX_ENTRIES {
                    ui.label(RichText::new("(more not listed: type to narrow)").weak());
                }
            });
        if let Some(dir) = entered {
            self.enter(&dir);
        } else if let Some(i) = clicked {
            self.text = self.entry_text(i);
            self.selected = Some(i);
        }
    }

    fn overwrite_ui(&mut self, ui: &mut egui::Ui, path: &Path) -> Option<Outcome> {
        let mut outcome = None;
        ui.label(format!("{} exists. Replace it?", path.display()));
        let (enter, escape) = ui.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::Enter),
                i.consume_key(Modifiers::NONE, Key::Escape),
            )
        });
        ui.horizontal(|ui| {
            if ui.button("Replace").clicked() || enter {
                outcome = Some(Outcome::SaveTo(path.to_path_buf()));
            }
            if ui.button("Choose another name").clicked() || escape {
                self.overwrite = None;
            }
        });
        outcome
    }
}

/// The user's home folder (the root when none is known).
pub fn home_dir() -> PathBuf {
    directories::BaseDirs::new()
        .map(|b| b.home_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(std::path::MAIN_SEPARATOR_STR))
}
