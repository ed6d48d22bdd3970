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
    /// The folder is being read and nothing of it is shown yet (an empty list is not "no
    /// articles" then).
    pub reading: bool,
}

/// The panel. The sides and the documents are lists with rows of one height, so only the
/// rows in view are laid out (a folder may hold thousands of each).
pub fn sides_ui(ui: &mut egui::Ui, model: &Model<'_>, state: &mut State) -> Vec<Command> {
    let mut commands = Vec::new();
    let loaded = model.loaded;
    let dark = ui.visuals().dark_mode;
    ui.heading("Sides");
    ui.label(
        RichText::new("Tick the sides to compare as columns.")
            .small()
            .weak(),
    );
    let row_h = ui
        .spacing()
        .interact_size
        .y
        .max(ui.text_style_height(&egui::TextStyle::Body));
    egui::ScrollArea::vertical()
        .id_salt("side_list")
        .max_height((ui.available_height() * 0.35).max(row_h * 3.0))
        .auto_shrink([false, true])
        .show_rows(ui, row_h, loaded.sides_by_claims.len(), |ui, range| {
            for &i in &loaded.sides_by_claims[range] {
                let side = &loaded.comparison.sides[i];
                let colour = theme::parse_hex(&side.colour);
                ui.horizontal(|ui| {
                    ui.set_height(row_h);
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
        });
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
    egui::CollapsingHeader::new("Rename or merge a side")
        .id_salt("side_editor")
        .show(ui, |ui| side_editor_ui(ui, model, state, &mut commands));
    ui.separator();
    documents_ui(ui, model, &mut commands);
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

/// The documents, each with its publisher (in its colour), date and title (cut to a line).
fn documents_ui(ui: &mut egui::Ui, model: &Model<'_>, commands: &mut Vec<Command>) {
    let loaded = model.loaded;
    let dark = ui.visuals().dark_mode;
    ui.heading("Documents");
    if loaded.comparison.documents.is_empty() {
        ui.label(if model.reading {
            "Reading the folder…"
        } else {
            "No articles were found in this folder."
        });
        return;
    }
    let body = egui::TextStyle::Body.resolve(ui.style());
    let small = egui::TextStyle::Small.resolve(ui.style());
    let line = ui.fonts_mut(|f| f.row_height(&body));
    let pad = 4.0;
    let row_h = 2.0 * line + 2.0 * pad;
    egui::ScrollArea::vertical()
        .id_salt("document_list")
        .auto_shrink([false, false])
        .show_rows(ui, row_h, loaded.comparison.documents.len(), |ui, range| {
            let width = ui.available_width();
            for i in range {
                let info = &loaded.comparison.documents[i];
                let (publisher, colour) = publisher_of(loaded, info);
                let date = info
                    .published
                    .as_deref()
                    .unwrap_or("undated")
                    .replace('T', " ");
                let text_colour = ui.visuals().text_color();
                let weak = ui.visuals().weak_text_color();
                let mut job = LayoutJob::default();
                job.append(
                    &publisher,
                    0.0,
                    TextFormat::simple(body.clone(), theme::side_text(colour, dark)),
                );
                job.append(
                    &format!("  {date}\n"),
                    0.0,
                    TextFormat::simple(small.clone(), weak),
                );
                job.append(
                    &info.title,
                    0.0,
                    TextFormat::simple(body.clone(), text_colour),
                );
                job.wrap.max_width = width - 2.0 * pad;
                job.wrap.max_rows = 2;
                job.wrap.overflow_character = Some('…');
                let galley = ui.fonts_mut(|f| f.layout_job(job));
                let (rect, response) = ui.allocate_exact_size(vec2(width, row_h), Sense::click());
                let selected = model.selected_document == Some(i);
                response.widget_info(|| {
                    egui::WidgetInfo::selected(
                        egui::Role::Button,
                        true,
                        selected,
                        format!("{publisher}  {date}\n{}", info.title),
                    )
                });
                let visuals = ui.visuals();
                if selected {
                    ui.painter()
                        .rect_filled(rect, 4.0, visuals.selection.bg_fill);
                } else if response.hovered() {
                    ui.painter()
                        .rect_filled(rect, 4.0, visuals.widgets.hovered.weak_bg_fill);
                }
                ui.painter()
                    .galley(rect.min + vec2(pad, pad), galley, text_colour);
                let response = response.on_hover_text(format!(
                    "{}\nRight-click: side by side with another document",
                    info.path
                ));
                response.context_menu(|ui| {
                    pair_menu_ui(ui, loaded, model.selected_document, i, commands);
                });
                if response.clicked() {
                    commands.push(Command::SelectDocument(i));
                }
            }
        });
}

/// The documents list's right-click menu: document `i` side by side with the one in the
/// reader, or with any other.
fn pair_menu_ui(
    ui: &mut egui::Ui,
    loaded: &Loaded,
    reading: Option<usize>,
    i: usize,
    commands: &mut Vec<Command>,
) {
    let docs = &loaded.comparison.documents;
    if let Some(r) = reading.filter(|&r| r != i && r < docs.len()) {
        if ui
            .button(format!("Side by side with “{}”", docs[r].title))
            .clicked()
        {
            commands.push(Command::OpenPair(r, i));
            ui.close();
        }
        ui.separator();
    }
    ui.label(RichText::new("Side by side with…").weak());
    egui::ScrollArea::vertical()
        .max_height(320.0)
        .show(ui, |ui| {
            for (d, other) in docs.iter().enumerate().filter(|(d, _)| *d != i) {
                if ui.button(&other.title).clicked() {
                    commands.push(Command::OpenPair(i, d));
                    ui.close();
                }
            }
        });
}
