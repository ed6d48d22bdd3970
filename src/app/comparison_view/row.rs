//! One row of the comparison: the relation and reasons, then a cell per column side.

use super::*;

/// One row: relation, reasons and the cells; returns the command of a click.
#[expect(clippy::too_many_arguments)]
pub(super) fn row_ui(
    ui: &mut egui::Ui,
    model: &Model<'_>,
    state: &mut State,
    m: &Metrics,
    rect: Rect,
    row: usize,
    g: usize,
    needle: &str,
) -> Option<Command> {
    let loaded = model.loaded;
    let group = &loaded.comparison.groups[g];
    let visuals = ui.visuals().clone();
    let dark = visuals.dark_mode;
    let selected = model.selected == Some(g);
    let cells = layout_cells(loaded, g, model.columns);
    let (badge, badge_colour) = theme::relation_badge(group.relation, dark);
    let verdict = verdict_marker(model.annotations, &group.id);
    let response = ui.interact(rect, ui.scope_id().with(("row", g)), Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::selected(
            egui::Role::Button,
            true,
            selected,
            row_label(loaded, model.columns, g, &cells, badge, verdict.as_deref()),
        )
    });
    let painter = ui.painter_at(rect.intersect(ui.clip_rect()));
    let background = if selected {
        visuals.selection.bg_fill.gamma_multiply(0.45)
    } else if response.hovered() {
        visuals.widgets.hovered.weak_bg_fill.gamma_multiply(0.6)
    } else if row % 2 == 1 {
        visuals.faint_bg_color
    } else {
        Color32::TRANSPARENT
    };
    painter.rect_filled(rect, 0.0, background);
    if selected {
        painter.rect_stroke(
            rect.shrink(1.0),
            2.0,
            visuals.selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
    painter.rect_filled(
        Rect::from_min_size(rect.min, vec2(4.0, rect.height())),
        0.0,
        badge_colour,
    );
    painter.hline(
        rect.x_range(),
        rect.bottom() - 0.5,
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
    );
    // the first cell: relation, the user's verdict, reasons, sides not in a column
    let weak = visuals.weak_text_color();
    let mut y = rect.top() + PAD;
    let x = rect.left() + PAD + 4.0;
    let badge_text = match &verdict {
        Some(v) => format!("{badge}  · {v}"),
        None => badge.to_string(),
    };
    let galley = painter.layout(
        badge_text,
        m.body.clone(),
        badge_colour,
        m.header_w - 2.0 * PAD,
    );
    painter.galley(pos2(x, y), galley, badge_colour);
    y += m.body_h;
    let reason_lines = State::reason_lines(loaded, g, m);
    if reason_lines > 0 {
        let text = reasons_text(group, 600);
        let galley = ui.fonts_mut(|f| {
            f.layout_job(capped(
                &text,
                m.small.clone(),
                visuals.text_color(),
                m.header_w - 2.0 * PAD - 4.0,
                reason_lines,
            ))
        });
        painter.galley(pos2(x, y), galley, visuals.text_color());
        y += reason_lines as f32 * m.small_h;
    }
    if !model.columns.is_empty() && !cells.others.is_empty() {
        let text = format!(
            "+{} from {}",
            cells.others.len(),
            other_sides(loaded, &cells.others, 3)
        );
        let galley = ui.fonts_mut(|f| {
            f.layout_job(capped(
                &text,
                m.small.clone(),
                weak,
                m.header_w - 2.0 * PAD - 4.0,
                1,
            ))
        });
        painter.galley(pos2(x, y), galley, weak);
    }
    // the cells
    let marks_style = theme::marks(&visuals);
    let topic_colour = |i: usize| theme::topic_colour(i, dark);
    for (c, shown) in cells.shown.iter().enumerate() {
        let left = rect.left() + m.header_w + c as f32 * m.column_w;
        painter.vline(
            left,
            rect.y_range(),
            Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
        );
        let width = m.column_w - 2.0 * PAD;
        let other = table::counterpart(&cells, c);
        let mut y = rect.top() + PAD;
        for &s in shown {
            let st = &loaded.comparison.statements[s];
            let doc = loaded.document_of_statement[s]
                .map_or("", |d| loaded.comparison.documents[d].title.as_str());
            let who = st
                .speaker
                .clone()
                .unwrap_or_else(|| format!("{:?}", st.kind).to_lowercase());
            let meta = if model.columns.is_empty() {
                format!(
                    "{} · {who} · {doc}",
                    loaded.side_name(st.claimant.as_deref())
                )
            } else {
                format!("{who} · {doc}")
            };
            let galley =
                ui.fonts_mut(|f| f.layout_job(capped(&meta, m.small.clone(), weak, width, 1)));
            painter.galley(pos2(left + PAD, y), galley, weak);
            y += m.small_h;
            let lines = state.lines(s, m);
            let marks = state.marks(loaded, s, other, needle);
            let job = highlight::job(
                &st.text,
                &marks,
                m.body.clone(),
                &marks_style,
                &topic_colour,
                width,
                lines,
            );
            let galley = ui.fonts_mut(|f| f.layout_job(job));
            painter.galley(pos2(left + PAD, y), galley, marks_style.text);
            y += lines as f32 * m.body_h + GAP;
        }
        if cells.counts[c] > shown.len() {
            painter.text(
                pos2(left + PAD, y),
                Align2::LEFT_TOP,
                format!(
                    "+{} more (see the inspector)",
                    cells.counts[c] - shown.len()
                ),
                m.small.clone(),
                weak,
            );
        }
    }
    if response.double_clicked() {
        Some(Command::OpenInspector)
    } else if response.clicked() {
        Some(Command::SelectGroup(g))
    } else {
        None
    }
}

/// A group's reasons as one text (`kind: detail; …`), cut after about `max` bytes: a big
/// group may have thousands, and only the first lines are shown.
pub fn reasons_text(group: &crate::comparison::Group, max: usize) -> String {
    let mut text = String::new();
    for (i, r) in group.reasons.iter().enumerate() {
        if text.len() > max {
            text.push_str(&format!(" (and {} more)", group.reasons.len() - i));
            break;
        }
        if i > 0 {
            text.push_str("; ");
        }
        text.push_str(&r.kind.label());
        text.push_str(": ");
        text.push_str(&r.detail);
    }
    text
}

/// The names of the first `max` distinct sides of `statements` (`unknown` for no claimant),
/// and how many more there are, without reading more than needed.
fn other_sides(loaded: &Loaded, statements: &[usize], max: usize) -> String {
    let mut seen: Vec<Option<usize>> = Vec::new();
    let mut more = false;
    for &s in statements {
        let side = loaded.statement_side[s];
        if !seen.contains(&side) {
            if seen.len() == max {
                more = true;
                break;
            }
            seen.push(side);
        }
    }
    let mut names: Vec<String> = seen
        .iter()
        .map(|i| {
            i.map_or_else(
                || "unknown".to_string(),
                |i| loaded.comparison.sides[i].name.clone(),
            )
        })
        .collect();
    names.sort();
    if more {
        names.push("other sides".to_string());
    }
    names.join(", ")
}

/// A one-format layout job cut to `rows` rows.
fn capped(
    text: &str,
    font: FontId,
    colour: Color32,
    width: f32,
    rows: usize,
) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::simple(text.to_string(), font, colour, width);
    job.wrap.max_rows = rows;
    job.wrap.break_anywhere = rows == 1;
    job.wrap.overflow_character = Some('…');
    job
}

/// What a screen reader says of a row: the relation, the verdict, the reasons, and each
/// column's first statement.
fn row_label(
    loaded: &Loaded,
    columns: &[String],
    g: usize,
    cells: &Cells,
    badge: &str,
    verdict: Option<&str>,
) -> String {
    let group = &loaded.comparison.groups[g];
    let mut label = badge.to_string();
    if let Some(v) = verdict {
        label.push_str(&format!(" ({v})"));
    }
    if !group.reasons.is_empty() {
        label.push_str(". ");
        label.push_str(&reasons_text(group, 1_000));
    }
    for (c, shown) in cells.shown.iter().enumerate() {
        if let Some(&s) = shown.first() {
            let side = columns
                .get(c)
                .map_or_else(|| "Statements".to_string(), |id| loaded.side_name(Some(id)));
            label.push_str(&format!(
                ". {side}: {}",
                loaded.comparison.statements[s].text
            ));
        }
    }
    label
}
