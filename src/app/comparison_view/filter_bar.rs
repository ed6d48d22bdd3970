//! The comparison's filter bar: search, "disputed only", "column sides only", the side, the
//! order, and the topic chips.

use std::collections::BTreeMap;

use egui::RichText;

use super::{Filter, Loaded, SortOrder, State, search_id};
use crate::app::theme;

pub(super) fn filter_bar_ui(
    ui: &mut egui::Ui,
    loaded: &Loaded,
    filter: &mut Filter,
    state: &mut State,
) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Search");
        ui.add(
            egui::TextEdit::singleline(&mut filter.search)
                .id(search_id())
                .hint_text("words, speaker or title (Ctrl+F)")
                .desired_width(220.0),
        )
        .labelled_by(label.id);
        if !filter.search.is_empty() && ui.button("Clear search").clicked() {
            filter.search.clear();
        }
        ui.separator();
        ui.checkbox(&mut filter.disputed_only, "Disputed only");
        ui.checkbox(&mut filter.column_sides_only, "Column sides only")
            .on_hover_text("Hide the claims in which no column's side speaks");
        ui.separator();
        let side_label = ui.label("Side");
        // the window picks one side (the filter keeps groups of any of its sides)
        let mut side = filter.sides.first().cloned();
        let side_name = side
            .as_deref()
            .map_or("any side".to_string(), |s| loaded.side_name(Some(s)));
        egui::ComboBox::from_id_salt("side_filter")
            .selected_text(side_name)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut side, None, "any side");
                for s in &loaded.comparison.sides {
                    ui.selectable_value(&mut side, Some(s.id.clone()), &s.name);
                }
            })
            .response
            .labelled_by(side_label.id);
        if side.as_ref() != filter.sides.first() || filter.sides.len() > 1 {
            filter.sides = side.into_iter().collect();
        }
        let sort_label = ui.label("Sort by");
        egui::ComboBox::from_id_salt("sort_order")
            .selected_text(filter.sort.label())
            .show_ui(ui, |ui| {
                for s in SortOrder::ALL {
                    ui.selectable_value(&mut filter.sort, s, s.label());
                }
            })
            .response
            .labelled_by(sort_label.id);
    });
    let counts = state.topic_counts(loaded).clone();
    if counts.is_empty() {
        return;
    }
    ui.scope(|ui| topic_chips_ui(ui, loaded, filter, &counts));
}

/// The topic chips, on one line that scrolls sideways so the rows keep the height.
fn topic_chips_ui(
    ui: &mut egui::Ui,
    loaded: &Loaded,
    filter: &mut Filter,
    counts: &BTreeMap<String, usize>,
) {
    let dark = ui.visuals().dark_mode;
    // a solid bar: a floating one would lie over the chips and take their clicks
    ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
    egui::ScrollArea::horizontal()
        .id_salt("topic_chips")
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new("Topics").weak());
                if !filter.topics.is_empty() && ui.button("All topics").clicked() {
                    filter.topics.clear();
                }
                for (id, n) in counts {
                    let place = loaded.topic_words.index(id);
                    let name = place.map_or(id.as_str(), |i| loaded.topic_words.labels[i].as_str());
                    let colour = place.map_or(theme::UNKNOWN, |i| theme::topic_colour(i, dark));
                    let on = filter.topics.contains(id);
                    let chip = ui
                        .selectable_label(on, RichText::new(format!("{name} ({n})")).color(colour))
                        .on_hover_text("Show only the claims on this topic (several: any of them)");
                    if chip.clicked() {
                        if on {
                            filter.topics.remove(id);
                        } else {
                            filter.topics.insert(id.clone());
                        }
                    }
                }
            })
        });
}
