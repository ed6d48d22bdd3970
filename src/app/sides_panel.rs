//! The sides panel: the sides with their colours and claims (tick one to make it a column),
//! the side editor (rename, merge), and the documents with publisher, date and title.

use egui::text::LayoutJob;
use egui::{RichText, Sense, TextFormat, vec2};

use super::Loaded;
use super::command::Command;
use super::reader::publisher_of;
use super::theme;
use crate::corrections::Corrections;

/// The side editor's state.
#[derive(Debug, Default)]
pub struct State {
    /// The side being edited.
    pub side: Option<String>,
    /// The name being typed.
    pub name: String,
    /// The side to merge into.
    pub merge_into: Option<String>,
}

/// What the panel shows.
pub struct Model<'a> {
    /// The analysis.
    pub loaded: &'a Loaded,
    /// The column sides.
    pub columns: &'a [String],
    /// The corrections in force.
    pub corrections: &'a Corrections,
    /// The document in the reader.
    pub selected_document: Option<usize>,
}

/// The panel.
pub fn sides_ui(ui: &mut egui::Ui, model: &Model<'_>, state: &mut State) -> Vec<Command> {
    let mut commands = Vec::new();
    let loaded = model.loaded;
    let dark = ui.visuals().dark_mode;
    egui::ScrollArea::vertical()
        .id_salt("sides_panel")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading("Sides");
            ui.label(
                RichText::new("Tick the sides to compare as columns.")
                    .small()
                    .weak(),
            );
            let mut order: Vec<usize> = (0..loaded.comparison.sides.len()).collect();
            order.sort_by_key(|&i| {
                std::cmp::Reverse(loaded.claims_of(Some(&loaded.comparison.sides[i].id)))
            });
            for i in order {
                let side = &loaded.comparison.sides[i];
                let colour = theme::parse_hex(&side.colour);
                ui.horizontal(|ui| {
                    let (swatch, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
                    ui.painter().rect_filled(swatch, 2.0, colour);
                    let mut on = model.columns.contains(&side.id);
                    if ui
                        .checkbox(
                            &mut on,
                            RichText::new(&side.name).color(theme::side_text(colour, dark)),
                        )
                        .on_hover_text(format!("Organisations: {}", side.organisations.join(", ")))
                        .changed()
                    {
                        commands.push(Command::ToggleColumn(side.id.clone()));
                    }
                    ui.label(
                        RichText::new(format!("{} claims", loaded.claims_of(Some(&side.id))))
                            .small()
                            .weak(),
                    );
                });
            }
            let unknown = loaded.claims_of(None);
            if unknown > 0 {
                ui.label(
                    RichText::new(format!("unknown claimant: {unknown} claims"))
                        .small()
                        .weak(),
                );
            }
            if ui.button("Default columns").clicked() {
                commands.push(Command::DefaultColumns);
            }
            ui.add_space(6.0);
            egui::CollapsingHeader::new("Rename or merge a side")
                .id_salt("side_editor")
                .show(ui, |ui| side_editor_ui(ui, model, state, &mut commands));
            ui.separator();
            documents_ui(ui, model, &mut commands);
        });
    commands
}

fn side_editor_ui(
    ui: &mut egui::Ui,
    model: &Model<'_>,
    state: &mut State,
    commands: &mut Vec<Command>,
) {
    let loaded = model.loaded;
    let sides = &loaded.comparison.sides;
    if sides.is_empty() {
        ui.label("No sides were found.");
        return;
    }
    if state
        .side
        .as_deref()
        .and_then(|s| loaded.side_index(s))
        .is_none()
    {
        state.side = Some(sides[0].id.clone());
        state.name.clear();
    }
    let current = state.side.clone().unwrap_or_default();
    let label = ui.label("Side to edit");
    let before = state.side.clone();
    egui::ComboBox::from_id_salt("side_to_edit")
        .selected_text(loaded.side_name(Some(&current)))
        .show_ui(ui, |ui| {
            for s in sides {
                ui.selectable_value(&mut state.side, Some(s.id.clone()), &s.name);
            }
        })
        .response
        .labelled_by(label.id);
    if state.side != before {
        state.name.clear();
        state.merge_into = None;
    }
    ui.horizontal(|ui| {
        let label = ui.label("New name");
        ui.add(
            egui::TextEdit::singleline(&mut state.name)
                .id(egui::Id::unique("side_new_name"))
                .hint_text(loaded.side_name(Some(&current)))
                .desired_width(150.0),
        )
        .labelled_by(label.id);
        let name = state.name.trim().to_string();
        if ui
            .add_enabled(!name.is_empty(), egui::Button::new("Rename"))
            .clicked()
        {
            commands.push(Command::RenameSide {
                side: current.clone(),
                name,
            });
            state.name.clear();
        }
    });
    if model.corrections.side_names.contains_key(&current)
        && ui.button("Back to the found name").clicked()
    {
        commands.push(Command::RenameSide {
            side: current.clone(),
            name: String::new(),
        });
    }
    ui.horizontal(|ui| {
        let label = ui.label("Merge into");
        let target = state
            .merge_into
            .as_deref()
            .map_or("choose a side".to_string(), |s| loaded.side_name(Some(s)));
        egui::ComboBox::from_id_salt("merge_into")
            .selected_text(target)
            .show_ui(ui, |ui| {
                for s in sides.iter().filter(|s| s.id != current) {
                    ui.selectable_value(&mut state.merge_into, Some(s.id.clone()), &s.name);
                }
            })
            .response
            .labelled_by(label.id);
        let into = state.merge_into.clone().filter(|t| *t != current);
        if ui
            .add_enabled(into.is_some(), egui::Button::new("Merge"))
            .on_hover_text("Count this side's statements for the other side")
            .clicked()
            && let Some(into) = into
        {
            commands.push(Command::MergeSide {
                side: current.clone(),
                into,
            });
            state.merge_into = None;
        }
    });
    let merged: Vec<&String> = model
        .corrections
        .merges
        .iter()
        .filter(|(_, into)| **into == current)
        .map(|(from, _)| from)
        .collect();
    if !merged.is_empty() {
        ui.label(
            RichText::new(format!(
                "Merged into it: {}",
                merged
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
            .small()
            .weak(),
        );
        if ui.button("Undo the merges").clicked() {
            commands.push(Command::UnmergeSide(current.clone()));
        }
    }
}

/// The documents, each with its publisher (in its colour), date and title.
fn documents_ui(ui: &mut egui::Ui, model: &Model<'_>, commands: &mut Vec<Command>) {
    let loaded = model.loaded;
    let dark = ui.visuals().dark_mode;
    ui.heading("Documents");
    if loaded.comparison.documents.is_empty() {
        ui.label("No articles were found in this folder.");
    }
    for (i, info) in loaded.comparison.documents.iter().enumerate() {
        let (publisher, colour) = publisher_of(loaded, info);
        let mut job = LayoutJob::default();
        let style = ui.style();
        let body = egui::TextStyle::Body.resolve(style);
        let small = egui::TextStyle::Small.resolve(style);
        let text_colour = ui.visuals().text_color();
        let weak = ui.visuals().weak_text_color();
        job.append(
            &publisher,
            0.0,
            TextFormat::simple(body.clone(), theme::side_text(colour, dark)),
        );
        let date = info.published.as_deref().unwrap_or("undated");
        job.append(
            &format!("  {}\n", date.replace('T', " ")),
            0.0,
            TextFormat::simple(small, weak),
        );
        job.append(&info.title, 0.0, TextFormat::simple(body, text_colour));
        let response = ui
            .selectable_label(model.selected_document == Some(i), job)
            .on_hover_text(&info.path);
        if response.clicked() {
            commands.push(Command::SelectDocument(i));
        }
        ui.add_space(2.0);
    }
}
