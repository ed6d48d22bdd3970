//! The claim map view: sides (rows) by topics (columns), each cell the number of claims
//! shaded by count, the disputed ones in the disputed colour, a row of totals. A click on a
//! cell shows the comparison filtered to that side and topic (a side's total: the side on
//! any topic; a topic's total: the topic, any side). The grid is worked out by the engine
//! ([`crate::export::claim_map`]), which the HTML report draws in the same colours.

use egui::{Align2, Color32, Rect, RichText, Sense, Stroke, pos2, vec2};

use super::Loaded;
use super::command::Command;
use super::theme;
use crate::export::claim_map::{self, CLAIMS_COLOUR, ClaimMap, Count, DISPUTED_COLOUR};

/// At most this many sides are rows.
pub const MAX_SIDES: usize = 40;
const CELL_W: f32 = 92.0;
const CELL_H: f32 = 42.0;
const SIDE_W: f32 = 180.0;

/// The view's state: the map of the analysis shown.
#[derive(Default)]
pub struct State {
    map: Option<(u64, ClaimMap)>,
}

impl State {
    /// The map of `loaded`, worked out once per analysis.
    pub fn map(&mut self, loaded: &Loaded) -> &ClaimMap {
        if self.map.as_ref().map(|(g, _)| *g) != Some(loaded.generation) {
            let lexicon = loaded.corpus.lexicon();
            let map = claim_map::claim_map(&loaded.comparison, &lexicon.topics, MAX_SIDES);
            self.map = Some((loaded.generation, map));
        }
        &self.map.as_ref().expect("just set").1
    }
}

/// The accessible name of a cell: `Side, topic: 3 claims, 1 disputed`.
pub fn cell_label(side: &str, topic: &str, count: Count) -> String {
    let claims = if count.claims == 1 { "claim" } else { "claims" };
    format!(
        "{side}, {topic}: {} {claims}, {} disputed",
        count.claims, count.disputed
    )
}

/// Draws the map; a click on a cell returns the filter to show.
pub fn claim_map_ui(ui: &mut egui::Ui, loaded: &Loaded, state: &mut State) -> Vec<Command> {
    let mut commands = Vec::new();
    let dark = ui.visuals().dark_mode;
    let map = state.map(loaded);
    ui.heading("Claim map");
    ui.label(
        RichText::new(
            "Claims by side and topic: the darker the cell, the more claims; disputed ones in \
             red. Click a cell to see its claims in the comparison.",
        )
        .small()
        .weak(),
    );
    if map.sides.is_empty() {
        ui.add_space(24.0);
        ui.label("No side makes a claim here yet.");
        return commands;
    }
    if map.hidden_sides > 0 {
        ui.label(
            RichText::new(format!(
                "{} more sides with fewer claims are not shown.",
                map.hidden_sides
            ))
            .small()
            .weak(),
        );
    }
    ui.separator();
    let claims_colour = theme::parse_hex(CLAIMS_COLOUR);
    let disputed_colour = theme::side_text(theme::parse_hex(DISPUTED_COLOUR), dark);
    egui::ScrollArea::both()
        .id_salt("claim_map")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("claim_map_grid")
                .spacing(vec2(3.0, 3.0))
                .min_col_width(CELL_W)
                .show(ui, |ui| {
                    fixed_label(ui, vec2(SIDE_W, CELL_H), RichText::new(""));
                    for t in &map.topics {
                        fixed_label(
                            ui,
                            vec2(CELL_W, CELL_H),
                            RichText::new(&t.label).small().strong(),
                        );
                    }
                    fixed_label(
                        ui,
                        vec2(CELL_W, CELL_H),
                        RichText::new("All topics").small().strong(),
                    );
                    ui.end_row();
                    let cell = |ui: &mut egui::Ui, label: String, count: Count| {
                        cell_ui(ui, map, label, count, claims_colour, disputed_colour)
                    };
                    for (i, side) in map.sides.iter().enumerate() {
                        let colour = theme::side_text(theme::parse_hex(&side.colour), dark);
                        fixed_label(
                            ui,
                            vec2(SIDE_W, CELL_H),
                            RichText::new(&side.name).color(colour).strong(),
                        );
                        for (t, topic) in map.topics.iter().enumerate() {
                            let count = map.cells[i][t];
                            if cell(ui, cell_label(&side.name, &topic.label, count), count) {
                                commands.push(Command::ShowClaims {
                                    side: Some(side.id.clone()),
                                    topic: Some(topic.id.clone()),
                                });
                            }
                        }
                        let total = map.side_totals[i];
                        if cell(ui, cell_label(&side.name, "all topics", total), total) {
                            commands.push(Command::ShowClaims {
                                side: Some(side.id.clone()),
                                topic: None,
                            });
                        }
                        ui.end_row();
                    }
                    fixed_label(
                        ui,
                        vec2(SIDE_W, CELL_H),
                        RichText::new("All sides").strong(),
                    );
                    for (t, topic) in map.topics.iter().enumerate() {
                        let count = map.topic_totals[t];
                        if cell(ui, cell_label("All sides", &topic.label, count), count) {
                            commands.push(Command::ShowClaims {
                                side: None,
                                topic: Some(topic.id.clone()),
                            });
                        }
                    }
                    if cell(
                        ui,
                        cell_label("All sides", "all topics", map.total),
                        map.total,
                    ) {
                        commands.push(Command::ShowClaims {
                            side: None,
                            topic: None,
                        });
                    }
                    ui.end_row();
                });
        });
    commands
}

/// A label in a box of `size`, left-aligned, centred in height and wrapped.
fn fixed_label(ui: &mut egui::Ui, size: egui::Vec2, text: RichText) {
    ui.allocate_ui_with_layout(
        size,
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_size(size);
            ui.set_max_width(size.x);
            ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Wrap));
        },
    );
}

/// One cell: shaded by its count, the count, the disputed count in red. Clicked?
fn cell_ui(
    ui: &mut egui::Ui,
    map: &ClaimMap,
    label: String,
    count: Count,
    claims_colour: Color32,
    disputed_colour: Color32,
) -> bool {
    let sense = if count.claims > 0 {
        Sense::click()
    } else {
        Sense::hover()
    };
    let (rect, response) = ui.allocate_exact_size(vec2(CELL_W, CELL_H), sense);
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, count.claims > 0, &label));
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 3.0, visuals.faint_bg_color);
    let shade = map.shade(count.claims);
    if shade > 0.0 {
        painter.rect_filled(rect, 3.0, claims_colour.gamma_multiply(shade));
    }
    // the disputed share as a red bar along the bottom
    if count.disputed > 0 {
        let share = count.disputed as f32 / count.claims.max(1) as f32;
        let bar = Rect::from_min_max(
            pos2(rect.left(), rect.bottom() - 4.0),
            pos2(rect.left() + rect.width() * share, rect.bottom()),
        );
        painter.rect_filled(bar, 1.0, disputed_colour);
    }
    if response.hovered() && count.claims > 0 {
        painter.rect_stroke(
            rect,
            3.0,
            Stroke::new(1.5, visuals.strong_text_color()),
            egui::StrokeKind::Inside,
        );
    }
    if count.claims > 0 {
        let text = visuals.strong_text_color();
        painter.text(
            pos2(rect.center().x, rect.top() + 13.0),
            Align2::CENTER_CENTER,
            count.claims.to_string(),
            egui::FontId::proportional(15.0),
            text,
        );
        if count.disputed > 0 {
            painter.text(
                pos2(rect.center().x, rect.top() + 29.0),
                Align2::CENTER_CENTER,
                format!("{} disputed", count.disputed),
                egui::FontId::proportional(theme::SMALL_TEXT),
                disputed_colour,
            );
        }
    }
    let response = response.on_hover_text(label);
    response.clicked()
}

impl super::ParallaxApp {
    /// Shows the comparison filtered to a side and a topic (any, for `None`): every claim
    /// the map's cell counts, disputed or not; the side becomes a column if it was not one.
    pub(super) fn show_claims(&mut self, side: Option<String>, topic: Option<String>) {
        let state = &mut self.state;
        state.filter = super::Filter {
            sides: side.iter().cloned().collect(),
            topics: topic.into_iter().collect(),
            column_sides_only: false,
            sort: state.filter.sort,
            ..super::Filter::default()
        };
        if let Some(side) = side
            && !state.columns.contains(&side)
        {
            state.columns.push(side);
            state.columns_chosen = true;
        }
        state.view = super::View::Comparison;
        state.selected_group = None;
        let rows = &mut self.views.comparison;
        rows.refresh_rows(self.session.loaded(), &state.filter, &state.columns);
        rows.scroll_to_selected = true;
    }
}
