//! The claim groups: a list of every group (only the visible rows are laid out) and the
//! selected group in full, with its reasons and word diffs.

use egui::{Color32, RichText};

use super::theme::{UNKNOWN, parse_hex};
use super::{Command, Loaded};
use crate::compare::diff::{Change, word_diff};
use crate::comparison::{Group, Relation, Statement};

/// What the user chose to see of the groups.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupFilter {
    /// Only groups whose relation is `disputed`.
    pub disputed_only: bool,
    /// Only groups with at least two statements.
    pub multi_only: bool,
}

impl GroupFilter {
    /// Whether a group passes the filter.
    pub fn keeps(&self, g: &Group) -> bool {
        (!self.disputed_only || g.relation == Relation::Disputed)
            && (!self.multi_only || g.statements.len() > 1)
    }
}

/// The badge text and colour of a relation.
pub fn relation_badge(relation: Relation) -> (&'static str, Color32) {
    match relation {
        Relation::Disputed => ("DISPUTED", Color32::from_rgb(0xe0, 0x4f, 0x3f)),
        Relation::Shared => ("SHARED", Color32::from_rgb(0x3c, 0xa0, 0x5a)),
        Relation::OneSided => ("ONE-SIDED", Color32::from_rgb(0x90, 0x90, 0x90)),
    }
}

fn side_name_colour(loaded: &Loaded, id: Option<&str>) -> (String, Color32) {
    id.and_then(|id| loaded.comparison.sides.iter().find(|s| s.id == id))
        .map(|s| (s.name.clone(), parse_hex(&s.colour)))
        .unwrap_or_else(|| ("unknown".to_string(), UNKNOWN))
}

/// The filter bar, the list of groups and the selected group.
pub fn groups_ui(
    ui: &mut egui::Ui,
    loaded: &Loaded,
    filter: &mut GroupFilter,
    selected: Option<usize>,
) -> Option<Command> {
    let mut command = None;
    let groups = &loaded.comparison.groups;
    let visible: Vec<usize> = (0..groups.len())
        .filter(|&i| filter.keeps(&groups[i]))
        .collect();
    ui.horizontal(|ui| {
        ui.checkbox(&mut filter.disputed_only, "Disputed only");
        ui.checkbox(&mut filter.multi_only, "Two or more statements");
        let disputed = groups
            .iter()
            .filter(|g| g.relation == Relation::Disputed)
            .count();
        ui.label(format!(
            "{} of {} groups shown, {disputed} disputed",
            visible.len(),
            groups.len()
        ));
    });
    ui.separator();
    let list_height = (ui.available_height() * 0.42).max(120.0);
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    egui::ScrollArea::vertical()
        .id_salt("group_list")
        .max_height(list_height)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, visible.len(), |ui, rows| {
            // one line a row, cut with an ellipsis: rows must keep the height show_rows assumes
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            for &gi in &visible[rows] {
                let g = &groups[gi];
                let (badge, colour) = relation_badge(g.relation);
                let first = g
                    .statements
                    .first()
                    .and_then(|id| loaded.statement(id))
                    .map_or("", |s| s.text.as_str());
                let sides: Vec<String> = g
                    .sides
                    .iter()
                    .map(|s| side_name_colour(loaded, Some(s)).0)
                    .collect();
                let mut job = egui::text::LayoutJob::default();
                let font = egui::TextStyle::Body.resolve(ui.style());
                let text_colour = ui.visuals().text_color();
                job.append(
                    &format!("{badge:<10}"),
                    0.0,
                    egui::TextFormat::simple(font.clone(), colour),
                );
                job.append(
                    &format!(" {} · {} ·  ", g.statements.len(), sides.join(", ")),
                    0.0,
                    egui::TextFormat::simple(font.clone(), ui.visuals().weak_text_color()),
                );
                job.append(first, 0.0, egui::TextFormat::simple(font, text_colour));
                if ui.selectable_label(selected == Some(gi), job).clicked() {
                    command = Some(Command::SelectGroup(gi));
                }
            }
        });
    ui.separator();
    match selected.and_then(|i| groups.get(i)) {
        Some(g) => {
            if let Some(c) = group_detail_ui(ui, loaded, g) {
                command = Some(c);
            }
        }
        None => {
            ui.label("Select a group to see its statements side by side.");
        }
    }
    command
}

/// One group in full: relation, sides, topics, reasons, then each statement with the words
/// that differ from the group's first statement highlighted.
fn group_detail_ui(ui: &mut egui::Ui, loaded: &Loaded, g: &Group) -> Option<Command> {
    let mut command = None;
    let (badge, colour) = relation_badge(g.relation);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(badge).color(colour).strong());
        for s in &g.sides {
            let (name, c) = side_name_colour(loaded, Some(s));
            ui.label(RichText::new(name).color(c).strong());
        }
        if !g.topics.is_empty() {
            ui.label(RichText::new(format!("topics: {}", g.topics.join(", "))).weak());
        }
        ui.label(RichText::new(format!("similarity {:.2}", g.similarity)).weak());
    });
    for r in &g.reasons {
        ui.label(RichText::new(format!("{}: {}", r.kind.replace('-', " "), r.detail)).strong());
    }
    let members: Vec<&Statement> = g
        .statements
        .iter()
        .filter_map(|id| loaded.statement(id))
        .collect();
    let base = members.first().copied();
    egui::ScrollArea::vertical()
        .id_salt(("group_detail", &g.id))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, st) in members.iter().enumerate() {
                let (side, c) = side_name_colour(loaded, st.claimant.as_deref());
                let doc = loaded
                    .document_index(&st.document)
                    .and_then(|d| loaded.comparison.documents.get(d));
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(side).color(c).strong());
                    if let Some(sp) = &st.speaker {
                        ui.label(format!("— {sp}"));
                    }
                    ui.label(RichText::new(format!("({:?})", st.kind).to_lowercase()).weak());
                    if let Some(d) = doc
                        && ui
                            .link(RichText::new(&d.title).small())
                            .on_hover_text("Open this document in the reader")
                            .clicked()
                        && let Some(di) = loaded.document_index(&st.document)
                    {
                        command = Some(Command::SelectDocument(di));
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    ui.spacing_mut().item_spacing.x = 0.0;
                    let other = if i == 0 {
                        members.get(1)
                    } else {
                        base.as_ref()
                    };
                    match other {
                        Some(o) if o.text != st.text => {
                            let highlight = c.gamma_multiply(0.35);
                            for piece in word_diff(&o.text, &st.text) {
                                match piece.change {
                                    Change::Same => {
                                        ui.label(piece.text);
                                    }
                                    Change::Added => {
                                        ui.label(
                                            RichText::new(piece.text)
                                                .background_color(highlight)
                                                .strong(),
                                        );
                                    }
                                    Change::Removed => {}
                                }
                            }
                        }
                        _ => {
                            ui.label(&st.text);
                        }
                    }
                });
                ui.add_space(8.0);
            }
        });
    command
}
