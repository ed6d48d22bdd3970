//! Two articles side by side: their statements in two columns, a row for each pair in one
//! claim group (tinted by the group's relation, joined by a connector in the gutter, the
//! words that differ marked), and each unmatched statement on a row of its own, in its place.
//! One scroll area holds both columns, so they scroll together. The rows come from
//! [`super::pair_align`].

use std::collections::HashMap;
use std::ops::Range;

use egui::{RichText, Sense, Shape, Stroke, pos2, vec2};

use super::Loaded;
use super::command::Command;
use super::highlight::{self, Marks};
use super::pair_align::{PairRow, align};
use super::theme;

const GUTTER: f32 = 64.0;

/// The marked word ranges of a paired row: in the left statement, in the right one.
type RowMarks = (Vec<Range<usize>>, Vec<Range<usize>>);

/// The view's state: the two documents and their rows.
#[derive(Default)]
pub struct State {
    /// The left document (an index into the documents).
    pub left: Option<usize>,
    /// The right document.
    pub right: Option<usize>,
    rows_key: Option<(u64, usize, usize)>,
    rows: Vec<PairRow>,
    /// The marked differences of a paired row's two statements, by row.
    diffs: HashMap<usize, RowMarks>,
}

impl State {
    /// The rows of the two documents, worked out again when they or the analysis change.
    pub fn rows(&mut self, loaded: &Loaded) -> &[PairRow] {
        let docs = loaded.statements_by_document.len();
        let (Some(l), Some(r)) = (self.left, self.right) else {
            self.rows.clear();
            return &self.rows;
        };
        if l >= docs || r >= docs {
            self.rows.clear();
            return &self.rows;
        }
        let key = (loaded.generation, l, r);
        if self.rows_key != Some(key) {
            self.rows = align(
                &loaded.statements_by_document[l],
                &loaded.statements_by_document[r],
                &loaded.group_of_statement,
                |s| loaded.comparison.statements[s].text.as_str(),
            );
            self.diffs.clear();
            let statements = &loaded.comparison.statements;
            for (i, row) in self.rows.iter().enumerate() {
                if let (Some(a), Some(b)) = (row.left, row.right) {
                    let (a, b) = (&statements[a].text, &statements[b].text);
                    let marks = (
                        highlight::diff_ranges_if_alike(b, a),
                        highlight::diff_ranges_if_alike(a, b),
                    );
                    // both sides marked, or neither (one too different to mark is both)
                    if !marks.0.is_empty() && !marks.1.is_empty() {
                        self.diffs.insert(i, marks);
                    }
                }
            }
            self.rows_key = Some(key);
        }
        &self.rows
    }
}

/// A column's layout: top to bottom, left-aligned (text wraps at the column's width).
fn top_down() -> egui::Layout {
    egui::Layout::top_down(egui::Align::Min)
}

/// A document as the pickers name it: publisher, date, title.
fn document_name(loaded: &Loaded, d: usize) -> String {
    let info = &loaded.comparison.documents[d];
    let date = info
        .published
        .as_deref()
        .map_or("undated", |p| &p[..p.len().min(10)]);
    format!(
        "{} · {date} · {}",
        loaded.side_name(info.publisher.as_deref()),
        info.title
    )
}

/// The document pickers, the two headers and the aligned rows.
pub fn pair_ui(ui: &mut egui::Ui, loaded: &Loaded, state: &mut State) -> Vec<Command> {
    let mut commands = Vec::new();
    let docs = loaded.comparison.documents.len();
    ui.heading("Two articles side by side");
    for (name, slot) in [
        ("Left document", &mut state.left),
        ("Right document", &mut state.right),
    ] {
        let chosen = slot
            .filter(|&d| d < docs)
            .map_or("(choose)".to_string(), |d| document_name(loaded, d));
        ui.horizontal(|ui| {
            // the label beside it takes about 110 points; the name is cut to what fits
            let width = (ui.available_width() - 140.0).max(120.0);
            let fits = (width / 7.5) as usize;
            let shown = if chosen.chars().count() > fits {
                let cut: String = chosen.chars().take(fits.saturating_sub(1)).collect();
                format!("{cut}…")
            } else {
                chosen
            };
            egui::ComboBox::from_label(name)
                .selected_text(shown)
                .width(width)
                .show_ui(ui, |ui| {
                    for d in 0..docs {
                        ui.selectable_value(slot, Some(d), document_name(loaded, d));
                    }
                });
        });
    }
    if ui.button("Swap").clicked() {
        std::mem::swap(&mut state.left, &mut state.right);
    }
    let (Some(l), Some(r)) = (state.left, state.right) else {
        ui.add_space(16.0);
        ui.label(
            "Choose two documents here, right-click one in the documents list, or use \
             “Side by side” under the word differences in the inspector.",
        );
        return commands;
    };
    if l >= docs || r >= docs {
        return commands;
    }
    let dark = ui.visuals().dark_mode;
    let width = ui.available_width();
    // room for the gaps between the three parts and the scroll bar
    let gaps = 2.0 * ui.spacing().item_spacing.x + ui.spacing().scroll.bar_width + 8.0;
    let column = ((width - GUTTER - gaps) / 2.0).max(120.0);
    ui.separator();
    ui.horizontal_top(|ui| {
        for (d, gap) in [(l, GUTTER), (r, 0.0)] {
            let info = &loaded.comparison.documents[d];
            ui.allocate_ui_with_layout(vec2(column, 0.0), top_down(), |ui| {
                ui.set_width(column);
                let colour = loaded
                    .side_index(info.publisher.as_deref().unwrap_or(""))
                    .map_or(theme::UNKNOWN, |i| {
                        theme::parse_hex(&loaded.comparison.sides[i].colour)
                    });
                ui.label(
                    RichText::new(loaded.side_name(info.publisher.as_deref()))
                        .color(theme::side_text(colour, dark))
                        .strong(),
                );
                ui.add(egui::Label::new(RichText::new(&info.title).strong()).wrap());
                if let Some(p) = &info.published {
                    ui.label(RichText::new(p.replace('T', " ")).small().weak());
                }
            });
            ui.add_space(gap);
        }
    });
    let rows = state.rows(loaded).to_vec();
    let paired = rows.iter().filter(|r| r.group.is_some()).count();
    ui.label(
        RichText::new(format!(
            "{paired} statements paired by a shared claim; the others stand alone in their place. \
             Marked: words that differ."
        ))
        .small()
        .weak(),
    );
    ui.separator();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let marks_style = theme::marks(ui.visuals());
    let statements = &loaded.comparison.statements;
    egui::ScrollArea::vertical()
        .id_salt("pair_rows")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, row) in rows.iter().enumerate() {
                let relation = row.group.map(|g| loaded.comparison.groups[g].relation);
                let background = ui.painter().add(Shape::Noop);
                let (left_marks, right_marks) = state.diffs.get(&i).cloned().unwrap_or_default();
                let inner = ui.horizontal_top(|ui| {
                    let cell = |ui: &mut egui::Ui, s: Option<usize>, diff: Vec<Range<usize>>| {
                        ui.allocate_ui_with_layout(vec2(column, 0.0), top_down(), |ui| {
                            ui.set_width(column);
                            if let Some(s) = s {
                                let marks = Marks {
                                    diff,
                                    ..Marks::default()
                                };
                                let job = highlight::job(
                                    &statements[s].text,
                                    &marks,
                                    font.clone(),
                                    &marks_style,
                                    &|_| marks_style.text,
                                    column - 8.0,
                                    usize::MAX,
                                );
                                ui.add(egui::Label::new(job).wrap());
                            }
                        })
                        .response
                        .rect
                    };
                    let a = cell(ui, row.left, left_marks);
                    let sense = if row.group.is_some() {
                        Sense::click()
                    } else {
                        Sense::hover()
                    };
                    let (gutter, response) =
                        ui.allocate_exact_size(vec2(GUTTER, a.height().max(16.0)), sense);
                    let b = cell(ui, row.right, right_marks);
                    (a, gutter, b, response)
                });
                let (a, gutter, b, response) = inner.inner;
                let rect = inner.response.rect;
                if let (Some(g), Some(relation)) = (row.group, relation) {
                    let (badge, colour) = theme::relation_badge(relation, dark);
                    ui.painter().set(
                        background,
                        Shape::rect_filled(rect, 2.0, theme::relation_tint(Some(relation), dark)),
                    );
                    // the connector: from the left cell's middle to the right cell's
                    let y = rect.top() + 10.0;
                    ui.painter().line_segment(
                        [pos2(a.right(), y), pos2(b.left(), y)],
                        Stroke::new(2.0, colour),
                    );
                    ui.painter().text(
                        pos2(gutter.center().x, y + 10.0),
                        egui::Align2::CENTER_TOP,
                        badge,
                        egui::FontId::proportional(9.0),
                        colour,
                    );
                    let response = response.on_hover_text("Show this claim in the comparison");
                    response.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            format!("{badge} claim of row {}", i + 1),
                        )
                    });
                    if response.clicked() {
                        commands.push(Command::ShowGroup(g));
                    }
                }
                ui.add_space(4.0);
            }
        });
    commands
}
