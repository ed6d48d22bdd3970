//! The timeline: the dated claims of each side on one time axis, a lane per side, with the
//! conflicting dates of one claim linked by a line.

use std::collections::HashMap;

use egui::{Align2, Color32, Pos2, Rect, RichText, Sense, Shape, Stroke, pos2, vec2};

use super::Loaded;
use super::command::Command;
use super::theme;
use crate::comparison::Comparison;

/// The timeline's own state.
#[derive(Debug, Clone)]
pub struct State {
    /// How many window widths the axis spans.
    pub zoom: f32,
    /// For an analysis (by generation): the placed entries and the links.
    cache: Option<(u64, Placed, Links)>,
}

/// Timeline entries with a place on the axis: `(entry, year)`.
type Placed = Vec<(usize, f64)>;
/// Pairs of entries joined as conflicting dates.
type Links = Vec<(usize, usize)>;

impl Default for State {
    fn default() -> Self {
        State {
            zoom: 1.0,
            cache: None,
        }
    }
}

/// A normalised date (`2020`, `2020-03`, `2020-03-30`, with or without a time) as a
/// fractional year; `None` for dates without a year (`--09`) or anything else.
pub fn year_position(date: &str) -> Option<f64> {
    let date = date.split('T').next()?;
    let mut parts = date.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: Option<u32> = match parts.next() {
        Some(m) => Some(m.parse().ok().filter(|m| (1..=12).contains(m))?),
        None => None,
    };
    let day: Option<u32> = match parts.next() {
        Some(d) => Some(d.parse().ok().filter(|d| (1..=31).contains(d))?),
        None => None,
    };
    let mut y = f64::from(year);
    if let Some(m) = month {
        y += f64::from(m - 1) / 12.0;
        if let Some(d) = day {
            y += f64::from(d - 1) / 372.0;
        }
    }
    Some(y)
}

/// Pairs of timeline entries (by index) to link: the dated statements of a group whose
/// reasons include `conflicting-date`, consecutive in date order, from different
/// statements with different dates.
pub fn conflict_links(comparison: &Comparison) -> Vec<(usize, usize)> {
    let mut entries_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, e) in comparison.timeline.iter().enumerate() {
        entries_of.entry(e.statement.as_str()).or_default().push(i);
    }
    let mut out = Vec::new();
    for g in &comparison.groups {
        let mut involved: Vec<&str> = Vec::new();
        for r in g
            .reasons
            .iter()
            .filter(|r| r.kind == crate::comparison::ReasonKind::ConflictingDate)
        {
            let list = if r.statements.is_empty() {
                &g.statements
            } else {
                &r.statements
            };
            involved.extend(list.iter().map(String::as_str));
        }
        involved.sort_unstable();
        involved.dedup();
        let mut entries: Vec<(f64, usize)> = involved
            .iter()
            .filter_map(|s| entries_of.get(s))
            .flatten()
            .filter_map(|&i| Some((year_position(&comparison.timeline[i].date)?, i)))
            .collect();
        entries.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        for w in entries.windows(2) {
            let (a, b) = (&comparison.timeline[w[0].1], &comparison.timeline[w[1].1]);
            if a.statement != b.statement && a.date != b.date {
                out.push((w[0].1, w[1].1));
            }
        }
    }
    out
}

/// The lanes: the column sides first, then the other sides with dated claims, then unknown.
fn lanes(loaded: &Loaded, columns: &[String]) -> Vec<Option<String>> {
    let mut lanes: Vec<Option<String>> = columns.iter().cloned().map(Some).collect();
    let mut unknown = false;
    for e in &loaded.comparison.timeline {
        match &e.side {
            Some(s) if !lanes.contains(&Some(s.clone())) => lanes.push(Some(s.clone())),
            None => unknown = true,
            _ => {}
        }
    }
    if unknown {
        lanes.push(None);
    }
    lanes
}

/// Ticks of the axis: every year, or every month over a short span.
fn ticks(from: f64, to: f64) -> Vec<(f64, String)> {
    let mut out = Vec::new();
    if to - from <= 2.5 {
        let mut m = (from * 12.0).ceil() as i64;
        while (m as f64) / 12.0 <= to {
            let (y, mo) = (m.div_euclid(12), m.rem_euclid(12) + 1);
            out.push((m as f64 / 12.0, format!("{y}-{mo:02}")));
            m += 1;
        }
    } else {
        let step = ((to - from) / 12.0).ceil().max(1.0) as i64;
        let mut y = from.ceil() as i64;
        while y as f64 <= to {
            out.push((y as f64, y.to_string()));
            y += step;
        }
    }
    out
}

/// The timeline view.
pub fn timeline_ui(
    ui: &mut egui::Ui,
    loaded: &Loaded,
    columns: &[String],
    state: &mut State,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let timeline = &loaded.comparison.timeline;
    let dark = ui.visuals().dark_mode;
    if state.cache.as_ref().map(|c| c.0) != Some(loaded.generation) {
        let placed: Vec<(usize, f64)> = timeline
            .iter()
            .enumerate()
            .filter_map(|(i, e)| Some((i, year_position(&e.date)?)))
            .collect();
        let links = conflict_links(&loaded.comparison);
        state.cache = Some((loaded.generation, placed, links));
    }
    let Some((_, placed, links)) = state.cache.clone() else {
        return commands;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "{} dated claims, {} conflicting dates linked",
            placed.len(),
            links.len()
        ));
        ui.separator();
        let label = ui.label("Zoom");
        ui.add(egui::Slider::new(&mut state.zoom, 1.0..=20.0).logarithmic(true))
            .labelled_by(label.id);
    });
    ui.label(
        RichText::new(
            "A lane per side; a dot per dated claim (hover for the text, click to see the \
             claim side by side). A red line joins dates that conflict within one claim.",
        )
        .small()
        .weak(),
    );
    let undated = timeline.len() - placed.len();
    if undated > 0 {
        ui.label(
            RichText::new(format!(
                "{undated} dates without a year are not placed on the axis."
            ))
            .small()
            .weak(),
        );
    }
    ui.separator();
    if placed.is_empty() {
        ui.label("No dated claims.");
        return commands;
    }
    let lanes = lanes(loaded, columns);
    let (mut from, mut to) = placed
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), &(_, y)| (a.min(y), b.max(y)));
    if to - from < 1.0 {
        from -= 0.5;
        to += 0.5;
    }
    let pad = (to - from) * 0.04;
    let (from, to) = (from - pad, to + pad);
    const LABEL_W: f32 = 140.0;
    const LANE_H: f32 = 44.0;
    const AXIS_H: f32 = 28.0;
    let font = egui::TextStyle::Small.resolve(ui.style());
    let text_colour = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let line_colour = ui.visuals().widgets.noninteractive.bg_stroke.color;
    egui::ScrollArea::both()
        .id_salt("timeline")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let width = (ui.available_width() * state.zoom).max(400.0);
            let height = AXIS_H + LANE_H * lanes.len() as f32 + 8.0;
            let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
            let painter = ui.painter_at(rect);
            let axis_left = rect.left() + LABEL_W;
            let axis_w = (rect.width() - LABEL_W - 16.0).max(50.0);
            let x_of = |y: f64| axis_left + ((y - from) / (to - from)) as f32 * axis_w;
            for (y, text) in ticks(from, to) {
                let x = x_of(y);
                painter.vline(
                    x,
                    rect.top() + AXIS_H - 6.0..=rect.bottom(),
                    Stroke::new(1.0, line_colour),
                );
                painter.text(
                    pos2(x, rect.top() + 2.0),
                    Align2::CENTER_TOP,
                    text,
                    font.clone(),
                    weak,
                );
            }
            let lane_y = |l: usize| rect.top() + AXIS_H + LANE_H * (l as f32 + 0.5);
            for (l, lane) in lanes.iter().enumerate() {
                let colour = lane
                    .as_deref()
                    .and_then(|s| loaded.side_index(s))
                    .map_or(theme::UNKNOWN, |i| {
                        theme::parse_hex(&loaded.comparison.sides[i].colour)
                    });
                let y = lane_y(l);
                painter.hline(
                    axis_left..=rect.right() - 8.0,
                    y,
                    Stroke::new(1.0, line_colour),
                );
                painter.text(
                    pos2(rect.left() + 4.0, y),
                    Align2::LEFT_CENTER,
                    loaded.side_name(lane.as_deref()),
                    egui::TextStyle::Body.resolve(ui.style()),
                    theme::side_text(colour, dark),
                );
            }
            // positions, nudged apart where dots of one lane would overlap
            let mut points: Vec<Option<Pos2>> = vec![None; timeline.len()];
            let lane_of: HashMap<Option<&str>, usize> = lanes
                .iter()
                .enumerate()
                .map(|(l, side)| (side.as_deref(), l))
                .collect();
            let mut taken: HashMap<(usize, i64), usize> = HashMap::new();
            for &(i, y) in &placed {
                let lane = lane_of
                    .get(&timeline[i].side.as_deref())
                    .copied()
                    .unwrap_or(0);
                let x = x_of(y);
                let slot = taken.entry((lane, (x / 9.0) as i64)).or_default();
                let crowd = *slot;
                *slot += 1;
                let dy = match crowd {
                    0 => 0.0,
                    n if n % 2 == 1 => -8.0 * n.div_ceil(2) as f32,
                    n => 8.0 * (n / 2) as f32,
                };
                points[i] = Some(pos2(x, lane_y(lane) + dy.clamp(-18.0, 18.0)));
            }
            let conflict = Color32::from_rgb(0xe5, 0x39, 0x35);
            for &(a, b) in &links {
                if let (Some(pa), Some(pb)) = (points[a], points[b]) {
                    painter.add(Shape::dashed_line(
                        &[pa, pb],
                        Stroke::new(2.0, conflict),
                        6.0,
                        4.0,
                    ));
                    painter.text(
                        pa.lerp(pb, 0.5) + vec2(0.0, -6.0),
                        Align2::CENTER_BOTTOM,
                        "conflicting dates",
                        font.clone(),
                        conflict,
                    );
                }
            }
            let clip = ui.clip_rect();
            for &(i, _) in &placed {
                let Some(p) = points[i] else { continue };
                let dot = Rect::from_center_size(p, vec2(12.0, 12.0));
                if !clip.intersects(dot) {
                    continue;
                }
                let e = &timeline[i];
                let colour = e
                    .side
                    .as_deref()
                    .and_then(|s| loaded.side_index(s))
                    .map_or(theme::UNKNOWN, |s| {
                        theme::parse_hex(&loaded.comparison.sides[s].colour)
                    });
                painter.circle(p, 5.0, colour, Stroke::new(1.0, text_colour));
                let side = loaded.side_name(e.side.as_deref());
                let label = format!("{} {side}: {}", e.date, e.text);
                let response = ui
                    .interact(dot, ui.scope_id().with(("dot", i)), Sense::click())
                    .on_hover_ui(|ui| {
                        ui.set_max_width(360.0);
                        ui.strong(format!("{}  {side}", e.date));
                        ui.label(&e.text);
                    });
                response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                if response.clicked()
                    && let Some(s) = loaded.statement_index(&e.statement)
                    && let Some(g) = loaded.group_of_statement[s]
                {
                    commands.push(Command::ShowGroup(g));
                }
            }
        });
    commands
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comparison::{Group, Reason, Relation, TimelineEntry};

    #[test]
    fn dates_become_year_positions() {
        assert_eq!(year_position("2012"), Some(2012.0));
        assert_eq!(year_position("2020-01"), Some(2020.0));
        let march = year_position("2020-03").unwrap();
        let late_march = year_position("2020-03-30T18:07:00").unwrap();
        assert!(
            2020.1 < march && march < late_march && late_march < year_position("2020-04").unwrap()
        );
        assert_eq!(year_position("--09"), None);
        assert_eq!(year_position("2020-13"), None);
        assert_eq!(year_position("soon"), None);
    }

    #[test]
    fn ticks_are_months_over_short_spans_and_years_over_long_ones() {
        let short = ticks(2020.0, 2020.5);
        assert_eq!(short.first().map(|t| t.1.as_str()), Some("2020-01"));
        assert_eq!(short.len(), 7);
        let long = ticks(2000.2, 2010.9);
        assert_eq!(long.first().map(|t| t.1.as_str()), Some("2001"));
        assert_eq!(long.last().map(|t| t.1.as_str()), Some("2010"));
    }

    fn entry(date: &str, statement: &str) -> TimelineEntry {
        TimelineEntry {
            date: date.into(),
            text: format!("text of {statement}"),
            statement: statement.into(),
            side: None,
        }
    }

    #[test]
    fn conflicting_dates_of_one_claim_are_linked_and_nothing_else() {
        let group = |id: &str, statements: &[&str], kind: &str| Group {
            id: id.into(),
            statements: statements.iter().map(|s| s.to_string()).collect(),
            sides: vec![],
            topics: vec![],
            relation: Relation::Disputed,
            similarity: 0.5,
            strength: 0.0,
            reasons: vec![Reason {
                kind: kind.into(),
                detail: String::new(),
                statements: statements.iter().map(|s| s.to_string()).collect(),
            }],
            annotation: None,
        };
        let mut c = crate::analyze(
            &crate::corpus::Corpus::default(),
            &crate::Settings::default(),
        );
        c.timeline = vec![
            entry("2021-03", "s-a"),
            entry("2021-06", "s-b"),
            entry("2021-03", "s-c"),
            entry("2022", "s-d"),
            entry("2021-09", "s-e"),
            entry("--09", "s-f"),
        ];
        c.groups = vec![
            group("g-1", &["s-a", "s-b"], "conflicting-date"),
            // same date from two statements: no conflict to draw
            group("g-2", &["s-c", "s-a2"], "conflicting-date"),
            group("g-3", &["s-d", "s-e"], "conflicting-figure"),
            // a date without a year cannot be placed
            group("g-4", &["s-f", "s-e"], "conflicting-date"),
        ];
        assert_eq!(conflict_links(&c), vec![(0, 1)]);
    }
}
