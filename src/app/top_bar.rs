//! The top bar: opening (folder dialog, recent folders, sample, reload), export, the views,
//! undo and redo, the theme, and the progress of a running analysis with Cancel.

use egui::RichText;
use std::path::PathBuf;

use super::command::{Command, View};
use super::prefs::ThemeChoice;
use super::{Loaded, Source};

/// What the bar shows.
pub struct Model<'a> {
    /// The analysis shown.
    pub loaded: &'a Loaded,
    /// The central view.
    pub view: View,
    /// Recent folders.
    pub recent: &'a [PathBuf],
    /// A running job: what it does, how far it got, for how long.
    pub progress: Option<super::progress_bar::Model>,
    /// The last error.
    pub error: Option<&'a str>,
    /// The last message.
    pub status: Option<&'a str>,
    /// Whether undo and redo have a step.
    pub can_undo: bool,
    /// Whether redo has a step.
    pub can_redo: bool,
    /// Whether an exporter is plugged in.
    pub can_export: bool,
    /// Whether the sides panel is shown.
    pub sides_open: bool,
    /// The number of warnings of the load report.
    pub warnings: usize,
    /// The start page is shown (no folder yet): no views to switch, nothing to count.
    pub start_page: bool,
}

/// The bar.
pub fn top_bar_ui(ui: &mut egui::Ui, model: &Model<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, model, &mut commands));
        ui.menu_button("Edit", |ui| {
            if ui
                .add_enabled(
                    model.can_undo,
                    egui::Button::new("Undo").shortcut_text("Ctrl+Z"),
                )
                .on_hover_text("Undo the last annotation or correction")
                .clicked()
            {
                commands.push(Command::Undo);
                ui.close();
            }
            if ui
                .add_enabled(
                    model.can_redo,
                    egui::Button::new("Redo").shortcut_text("Ctrl+Shift+Z"),
                )
                .clicked()
            {
                commands.push(Command::Redo);
                ui.close();
            }
            ui.separator();
            if ui
                .add(egui::Button::new("Search").shortcut_text("Ctrl+F"))
                .clicked()
            {
                commands.push(Command::FocusSearch);
                ui.close();
            }
        });
        ui.separator();
        if model.start_page {
            return;
        }
        // the views and toggles wrap onto a second line in a narrow window (or at 200%)
        ui.horizontal_wrapped(|ui| views_ui(ui, model, &mut commands));
    });
    ui.horizontal_wrapped(|ui| {
        if model.start_page {
            if let Some(s) = model.status {
                ui.label(RichText::new(s).italics());
            }
            return;
        }
        ui.label(RichText::new(&model.loaded.corpus.root).strong());
        let c = &model.loaded.comparison;
        let disputed = c
            .groups
            .iter()
            .filter(|g| g.relation == crate::comparison::Relation::Disputed)
            .count();
        ui.label(format!(
            "{} documents, {} sides, {} claims, {disputed} disputed",
            c.documents.len(),
            c.sides.len(),
            c.groups.len()
        ));
        if let Some(progress) = &model.progress {
            ui.separator();
            commands.extend(super::progress_bar::progress_ui(ui, progress));
        }
        if let Some(s) = model.status {
            ui.separator();
            ui.label(RichText::new(s).italics());
        }
    });
    if let Some(e) = model.error {
        ui.colored_label(ui.visuals().error_fg_color, format!("Problem: {e}"));
    }
    commands
}

/// File: open (dialog, recent, sample), reload, export.
fn file_menu_ui(ui: &mut egui::Ui, model: &Model<'_>, commands: &mut Vec<Command>) {
    if ui
        .add(egui::Button::new("Open folder…").shortcut_text("Ctrl+O"))
        .on_hover_text("Open a folder of articles; or drop a folder on the window")
        .clicked()
    {
        commands.push(Command::OpenFolderDialog);
        ui.close();
    }
    ui.menu_button("Recent folders", |ui| {
        for dir in model.recent {
            if ui.button(dir.display().to_string()).clicked() {
                commands.push(Command::Open(Source::Folder(dir.clone())));
                ui.close();
            }
        }
        if model.recent.is_empty() {
            ui.label(RichText::new("No folders opened yet").weak());
        }
    });
    if ui.button("The bundled sample").clicked() {
        commands.push(Command::Open(Source::Sample));
        ui.close();
    }
    if ui
        .button("Start page")
        .on_hover_text("Open a folder, a recent one or the sample")
        .clicked()
    {
        commands.push(Command::ShowStart);
        ui.close();
    }
    if ui
        .add(egui::Button::new("Reload").shortcut_text("F5"))
        .on_hover_text("Read the folder again; edits on disk are picked up by themselves")
        .clicked()
    {
        commands.push(Command::Reload);
        ui.close();
    }
    ui.separator();
    if ui
        .add_enabled(
            model.can_export,
            egui::Button::new("Export…").shortcut_text("Ctrl+E"),
        )
        .on_hover_text("Export the comparison with your annotations")
        .on_disabled_hover_text("No exporter in this build")
        .clicked()
    {
        commands.push(Command::Export);
        ui.close();
    }
}

/// The views, the sides panel's toggle and the theme.
fn views_ui(ui: &mut egui::Ui, model: &Model<'_>, commands: &mut Vec<Command>) {
    let report = if model.warnings > 0 {
        format!("Load report ({})", model.warnings)
    } else {
        "Load report".to_string()
    };
    for (view, name) in [
        (View::Comparison, "Comparison".to_string()),
        (View::Reader, "Reader".to_string()),
        (View::Timeline, "Timeline".to_string()),
        (View::ClaimMap, "Claim map".to_string()),
        (View::Pair, "Two articles".to_string()),
        (View::LoadReport, report),
    ] {
        if ui.selectable_label(model.view == view, name).clicked() {
            commands.push(Command::ShowView(view));
        }
    }
    ui.separator();
    if ui
        .selectable_label(model.sides_open, "Sides panel")
        .on_hover_text("Show or hide the sides and documents")
        .clicked()
    {
        commands.push(Command::ToggleSidesPanel);
    }
    let dark = ui.visuals().dark_mode;
    let (text, choice) = if dark {
        ("Light theme", ThemeChoice::Light)
    } else {
        ("Dark theme", ThemeChoice::Dark)
    };
    if ui.button(text).clicked() {
        commands.push(Command::SetTheme(choice));
    }
}
