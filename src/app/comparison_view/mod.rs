//! The comparison: a row per claim group, a column per chosen side, with the filter bar.
//!
//! Rows have different heights (a cell holds up to [`PER_CELL`] statements of up to
//! [`MAX_LINES`] lines), so `ScrollArea::show_rows` cannot be used: the heights of all rows
//! are estimated once from each statement's text width (cheap arithmetic, redone only when
//! the rows, the widths or the font change), and only the rows in view are laid out and
//! painted. Each statement's text is cut to its estimated lines, so a row never overflows;
//! the full text is in the inspector.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use egui::{Align2, Color32, FontId, Rect, RichText, Sense, Stroke, pos2, vec2};

mod filter_bar;
mod row;

use filter_bar::filter_bar_ui;
use row::row_ui;

use super::annotation_editor::verdict_marker;
use super::command::Command;
use super::highlight::{self, Marks};
use super::table::{self, Cells};
use super::theme;
use super::{Loaded, Source};
use crate::annotations::Annotations;
use crate::comparison::Relation;
use crate::export::{Filter, SortOrder};

/// At most this many statements of a side are shown in a cell (the rest are counted).
pub const PER_CELL: usize = crate::session::FIRST_PER_SIDE;
/// At most this many lines of a statement are shown in a cell.
pub const MAX_LINES: usize = 4;
/// At most this many lines of reasons are shown in a row's first cell.
const REASON_LINES: usize = 4;
/// The widest a row's first cell (relation and reasons) gets.
const HEADER_MAX_W: f32 = 190.0;
/// The narrowest a row's first cell gets.
const HEADER_MIN_W: f32 = 100.0;
/// The narrowest a column gets.
const MIN_COLUMN_W: f32 = 80.0;
const PAD: f32 = 6.0;
const GAP: f32 = 6.0;

/// The id of the search field (Ctrl+F puts the keyboard there).
pub fn search_id() -> egui::Id {
    egui::Id::unique("parallax_search")
}

/// The view's own state: the rows, their estimated heights, and caches of marks.
#[derive(Default)]
pub struct State {
    /// The group index of each row, in order.
    pub rows: Vec<usize>,
    /// Scroll the selected row into view on the next frame.
    pub scroll_to_selected: bool,
    rows_key: Option<(u64, Filter, Vec<String>)>,
    rows_version: u64,
    layout_key: Option<(u64, u64, u32, u32, u32)>,
    /// The top of each row (and the bottom of the last), from the content's top.
    offsets: Vec<f32>,
    widths_key: Option<(u64, u32)>,
    /// Each statement's text width in one line, at the body font.
    text_widths: Vec<f32>,
    cache_generation: u64,
    diffs: HashMap<(usize, usize), Vec<Range<usize>>>,
    topics: HashMap<usize, Vec<(Range<usize>, usize)>>,
    topic_counts: Option<(u64, BTreeMap<String, usize>)>,
}

impl State {
    /// Recomputes the rows when the analysis, the filter or the columns changed.
    pub fn refresh_rows(&mut self, loaded: &Loaded, filter: &Filter, columns: &[String]) {
        let fresh = self.rows_key.as_ref().is_some_and(|(g, f, c)| {
            *g == loaded.generation && f == filter && c.as_slice() == columns
        });
        if fresh {
            return;
        }
        self.rows = filter.rows(&loaded.comparison, &loaded.search, columns);
        self.rows_key = Some((loaded.generation, filter.clone(), columns.to_vec()));
        self.rows_version += 1;
    }

    /// Sizes of fonts and columns for laying the rows out.
    fn metrics(ui: &egui::Ui, width: f32, columns: usize) -> Metrics {
        let body = egui::TextStyle::Body.resolve(ui.style());
        let small = egui::TextStyle::Small.resolve(ui.style());
        let (body_h, small_h) = ui.fonts_mut(|f| (f.row_height(&body), f.row_height(&small)));
        let columns = columns.max(1);
        let header_w = (width * 0.2).clamp(HEADER_MIN_W, HEADER_MAX_W);
        let column_w = ((width - header_w) / columns as f32).max(MIN_COLUMN_W);
        Metrics {
            body,
            small,
            body_h,
            small_h,
            header_w,
            column_w,
        }
    }

    /// Measures every statement's text once per analysis and font size.
    fn measure(&mut self, ui: &egui::Ui, loaded: &Loaded, m: &Metrics) {
        let key = (loaded.generation, m.body.size.to_bits());
        if self.widths_key == Some(key) {
            return;
        }
        let table: Vec<f32> = ui.fonts_mut(|f| {
            (32u8..127)
                .map(|b| f.glyph_width(&m.body, char::from(b)))
                .collect()
        });
        let average = table[(b'n' - 32) as usize];
        self.text_widths = loaded
            .comparison
            .statements
            .iter()
            .map(|s| {
                s.text
                    .chars()
                    .map(|c| {
                        let i = c as usize;
                        if (32..127).contains(&i) {
                            table[i - 32]
                        } else {
                            average
                        }
                    })
                    .sum()
            })
            .collect();
        self.widths_key = Some(key);
    }

    /// Lines a statement gets in a cell: its estimated wrapped lines, at most [`MAX_LINES`].
    fn lines(&self, statement: usize, m: &Metrics) -> usize {
        let w = self.text_widths.get(statement).copied().unwrap_or(0.0);
        let avail = (m.column_w - 2.0 * PAD).max(20.0);
        // wrapping at word ends loses some width on every line
        ((w * 1.08 / avail).ceil() as usize).clamp(1, MAX_LINES)
    }

    /// Lines of reasons a row shows.
    fn reason_lines(loaded: &Loaded, group: usize, m: &Metrics) -> usize {
        let g = &loaded.comparison.groups[group];
        if g.reasons.is_empty() {
            return 0;
        }
        let per_line = ((m.header_w - 2.0 * PAD) / (m.small.size * 0.5)).max(8.0);
        // a big group may have thousands of reasons: count only what the lines can hold
        let cap = (per_line * REASON_LINES as f32) as usize;
        let mut chars = 0;
        for r in &g.reasons {
            chars += r.kind.as_str().len() + r.detail.len() + 4;
            if chars > cap {
                return REASON_LINES;
            }
        }
        ((chars as f32 * 1.1 / per_line).ceil() as usize).clamp(1, REASON_LINES)
    }

    /// A row's height: the tallest of its first cell and its columns. Runs for every row
    /// when the widths change, so it allocates nothing: `column_of_side` maps a side's index
    /// to its column (empty: no columns, every statement in one), `cols` is scratch space
    /// (height, shown, all) per column.
    fn row_height(
        &self,
        loaded: &Loaded,
        group: usize,
        column_of_side: &[Option<usize>],
        cols: &mut [(f32, usize, usize)],
        m: &Metrics,
    ) -> f32 {
        cols.fill((0.0, 0, 0));
        let no_columns = column_of_side.is_empty();
        let mut others = false;
        let statement_h = |s: usize| m.small_h + self.lines(s, m) as f32 * m.body_h + GAP;
        if no_columns {
            let members = &loaded.group_members[group];
            let shown = &members[..members.len().min(PER_CELL)];
            cols[0] = (
                shown.iter().map(|&s| statement_h(s)).sum(),
                shown.len(),
                members.len(),
            );
        } else {
            for cell in &loaded.group_cells[group] {
                match cell.side.and_then(|i| column_of_side[i]) {
                    Some(c) => {
                        let shown = &cell.first[..cell.first.len().min(PER_CELL)];
                        cols[c] = (
                            shown.iter().map(|&s| statement_h(s)).sum(),
                            shown.len(),
                            cell.count,
                        );
                    }
                    None => others = true,
                }
            }
        }
        let mut tallest = m.body_h + Self::reason_lines(loaded, group, m) as f32 * m.small_h;
        if others {
            tallest += m.small_h;
        }
        for &(h, shown, all) in cols.iter() {
            let more = if all > shown { m.small_h } else { 0.0 };
            tallest = tallest.max(h + more);
        }
        tallest + 2.0 * PAD
    }

    /// Estimates every row's height when the rows, the widths or the fonts changed.
    fn layout(&mut self, loaded: &Loaded, columns: &[String], m: &Metrics) {
        let key = (
            loaded.generation,
            self.rows_version,
            m.column_w.to_bits(),
            m.body.size.to_bits(),
            m.small.size.to_bits() ^ m.header_w.to_bits(),
        );
        if self.layout_key == Some(key) {
            return;
        }
        // empty when there are no columns: every statement in one
        let column_of_side: Vec<Option<usize>> = if columns.is_empty() {
            Vec::new()
        } else {
            loaded
                .comparison
                .sides
                .iter()
                .map(|side| columns.iter().position(|c| *c == side.id))
                .collect()
        };
        let mut cols = vec![(0.0, 0, 0); columns.len().max(1)];
        let mut offsets = Vec::with_capacity(self.rows.len() + 1);
        let mut y = 0.0;
        for &g in &self.rows {
            offsets.push(y);
            y += self.row_height(loaded, g, &column_of_side, &mut cols, m);
        }
        offsets.push(y);
        self.offsets = offsets;
        self.layout_key = Some(key);
    }

    fn forget_marks_of_old_analyses(&mut self, loaded: &Loaded) {
        if self.cache_generation != loaded.generation || self.diffs.len() > 20_000 {
            self.diffs.clear();
            self.topics.clear();
            self.cache_generation = loaded.generation;
        }
    }

    fn marks(&mut self, loaded: &Loaded, s: usize, other: Option<usize>, needle: &str) -> Marks {
        let st = &loaded.comparison.statements[s];
        let topics = self
            .topics
            .entry(s)
            .or_insert_with(|| highlight::topic_ranges(&st.text, &st.topics, &loaded.topic_words))
            .clone();
        let diff = match other {
            Some(o) if loaded.comparison.statements[o].text != st.text => self
                .diffs
                .entry((o, s))
                .or_insert_with(|| {
                    highlight::diff_ranges_if_alike(&loaded.comparison.statements[o].text, &st.text)
                })
                .clone(),
            _ => Vec::new(),
        };
        Marks {
            topics,
            diff,
            search: highlight::search_ranges(&st.text, needle),
        }
    }

    fn topic_counts(&mut self, loaded: &Loaded) -> &BTreeMap<String, usize> {
        if self.topic_counts.as_ref().map(|(g, _)| *g) != Some(loaded.generation) {
            let mut counts = BTreeMap::new();
            for g in &loaded.comparison.groups {
                for t in &g.topics {
                    *counts.entry(t.clone()).or_default() += 1;
                }
            }
            self.topic_counts = Some((loaded.generation, counts));
        }
        &self.topic_counts.as_ref().expect("just set").1
    }
}

struct Metrics {
    body: FontId,
    small: FontId,
    body_h: f32,
    small_h: f32,
    header_w: f32,
    column_w: f32,
}

/// A group's cells; with no columns, every statement in one column.
fn layout_cells(loaded: &Loaded, group: usize, columns: &[String]) -> Cells {
    let mut cells = table::cells(loaded, group, columns, PER_CELL);
    if columns.is_empty() {
        let all = std::mem::take(&mut cells.others);
        cells.counts = vec![all.len()];
        cells.shown = vec![all.into_iter().take(PER_CELL).collect()];
    }
    cells
}

/// What the comparison shows.
pub struct Model<'a> {
    /// The analysis.
    pub loaded: &'a Loaded,
    /// The user's notes (for the verdict markers).
    pub annotations: &'a Annotations,
    /// The column sides.
    pub columns: &'a [String],
    /// The selected group.
    pub selected: Option<usize>,
    /// The folder is being read and nothing of it is shown yet.
    pub reading: bool,
}

/// The filter bar, the column headers and the rows.
pub fn comparison_ui(
    ui: &mut egui::Ui,
    model: &Model<'_>,
    filter: &mut Filter,
    state: &mut State,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let loaded = model.loaded;
    filter_bar_ui(ui, loaded, filter, state);
    state.refresh_rows(loaded, filter, model.columns);
    let groups = &loaded.comparison.groups;
    let disputed = groups
        .iter()
        .filter(|g| g.relation == Relation::Disputed)
        .count();
    ui.label(
        RichText::new(format!(
            "{} of {} claims shown, {disputed} disputed",
            state.rows.len(),
            groups.len()
        ))
        .small()
        .weak(),
    );
    ui.separator();
    let width = ui.available_width();
    let m = State::metrics(ui, width, model.columns.len());
    headers_ui(ui, model, &m);
    ui.separator();
    if state.rows.is_empty() {
        ui.add_space(24.0);
        ui.vertical_centered(|ui| {
            ui.label(if groups.is_empty() {
                match loaded.source {
                    _ if model.reading => {
                        "Reading the folder: its claims appear here when it is read.".to_string()
                    }
                    Source::Sample => "No claims.".to_string(),
                    Source::Folder(_) => "No claims were found in this folder.".to_string(),
                }
            } else {
                "No claims match these filters.".to_string()
            });
        });
        return commands;
    }
    state.measure(ui, loaded, &m);
    state.layout(loaded, model.columns, &m);
    state.forget_marks_of_old_analyses(loaded);
    let needle = filter.needle();
    let scroll_to = state.scroll_to_selected;
    state.scroll_to_selected = false;
    egui::ScrollArea::vertical()
        .id_salt("comparison_rows")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            let total = state.offsets.last().copied().unwrap_or(0.0);
            ui.set_height(total);
            let origin = ui.max_rect().min;
            let width = ui.max_rect().width();
            if scroll_to
                && let Some(sel) = model.selected
                && let Some(r) = state.rows.iter().position(|&g| g == sel)
            {
                let rect = Rect::from_min_max(
                    pos2(origin.x, origin.y + state.offsets[r]),
                    pos2(origin.x + width, origin.y + state.offsets[r + 1]),
                );
                ui.scroll_to_rect(rect, None);
            }
            let first = state
                .offsets
                .partition_point(|&y| y <= viewport.min.y)
                .saturating_sub(1);
            let mut r = first;
            while r < state.rows.len() && state.offsets[r] < viewport.max.y {
                let rect = Rect::from_min_max(
                    pos2(origin.x, origin.y + state.offsets[r]),
                    pos2(origin.x + width, origin.y + state.offsets[r + 1]),
                );
                let g = state.rows[r];
                if let Some(c) = row_ui(ui, model, state, &m, rect, r, g, &needle) {
                    commands.push(c);
                }
                r += 1;
            }
        });
    commands
}

/// The column headers: each side's colour, name and number of claims.
fn headers_ui(ui: &mut egui::Ui, model: &Model<'_>, m: &Metrics) {
    let loaded = model.loaded;
    let dark = ui.visuals().dark_mode;
    let top = ui.cursor().min;
    let h = m.body_h + m.small_h + 4.0;
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), h), Sense::hover());
    let header = Rect::from_min_size(top, vec2(m.header_w, h));
    ui.scope_builder(
        egui::UiBuilder::new().max_rect(header.shrink2(vec2(PAD, 0.0))),
        |ui| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            ui.label(RichText::new("Claim").strong());
            ui.label(RichText::new("relation and reasons").small().weak());
        },
    );
    let names: Vec<(String, Color32, usize)> = if model.columns.is_empty() {
        vec![(
            "All statements".to_string(),
            ui.visuals().text_color(),
            loaded.group_members.iter().map(Vec::len).sum(),
        )]
    } else {
        model
            .columns
            .iter()
            .map(|id| {
                let colour = loaded.side_index(id).map_or(theme::UNKNOWN, |i| {
                    theme::parse_hex(&loaded.comparison.sides[i].colour)
                });
                (
                    loaded.side_name(Some(id)),
                    theme::side_text(colour, dark),
                    loaded.claims_of(Some(id)),
                )
            })
            .collect()
    };
    for (c, (name, colour, claims)) in names.into_iter().enumerate() {
        let x = rect.left() + m.header_w + c as f32 * m.column_w;
        let cell = Rect::from_min_size(pos2(x, rect.top()), vec2(m.column_w, h));
        ui.painter()
            .rect_filled(Rect::from_min_size(cell.min, vec2(4.0, h)), 1.0, colour);
        ui.scope_builder(
            egui::UiBuilder::new().max_rect(cell.shrink2(vec2(PAD + 4.0, 0.0))),
            |ui| {
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                ui.label(RichText::new(name).strong().color(colour));
                ui.label(RichText::new(format!("{claims} claims")).small().weak());
            },
        );
    }
}
