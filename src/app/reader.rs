//! The reader: a document in full, with its metadata, the evidence for its publisher (and a
//! way to correct it), and its statements highlighted by the relation of their claim group.
//! Clicking a statement shows its group.

use egui::{Color32, RichText};

use super::Loaded;
use super::command::Command;
use super::theme::{self, UNKNOWN, parse_hex};
use crate::comparison::{DocumentInfo, Statement, StatementKind};
use crate::corrections::Corrections;

/// The publisher's display name and colour.
pub fn publisher_of(loaded: &Loaded, info: &DocumentInfo) -> (String, Color32) {
    info.publisher
        .as_ref()
        .and_then(|id| loaded.side_index(id))
        .map(|i| &loaded.comparison.sides[i])
        .map(|s| (s.name.clone(), parse_hex(&s.colour)))
        .unwrap_or_else(|| ("unknown".to_string(), UNKNOWN))
}

/// The reader's own state.
#[derive(Debug, Default)]
pub struct State {
    /// The statement to show and mark (from the inspector or the timeline).
    pub target: Option<usize>,
    /// Scroll to the target on the next frame.
    pub scroll_to_target: bool,
    /// A publisher name being typed.
    pub publisher_draft: String,
}

/// The selected document in full.
pub fn reader_ui(
    ui: &mut egui::Ui,
    loaded: &Loaded,
    corrections: &Corrections,
    selected: Option<usize>,
    state: &mut State,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let (Some(info), Some(doc)) = (
        selected.and_then(|i| loaded.comparison.documents.get(i)),
        selected.and_then(|i| loaded.corpus.documents.get(i)),
    ) else {
        ui.centered_and_justified(|ui| {
            ui.label("Choose a document in the Sides panel to read it here.");
        });
        return commands;
    };
    let dark = ui.visuals().dark_mode;
    ui.heading(&info.title);
    let (publisher, colour) = publisher_of(loaded, info);
    // Rows, not a grid: a long url must not widen the reader past the window.
    let row = |ui: &mut egui::Ui, name: &str, add: &mut dyn FnMut(&mut egui::Ui)| {
        ui.horizontal(|ui| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            ui.add_sized([72.0, 16.0], egui::Label::new(RichText::new(name).weak()));
            add(ui);
        });
    };
    row(ui, "Publisher", &mut |ui| {
        ui.label(
            RichText::new(&publisher)
                .color(theme::side_text(colour, dark))
                .strong(),
        );
        ui.label(RichText::new(format!("({})", info.publisher_evidence)).weak());
    });
    publisher_editor_ui(ui, loaded, corrections, info, state, &mut commands);
    row(ui, "Published", &mut |ui| {
        ui.label(
            info.published
                .as_deref()
                .map_or("no date given".to_string(), |p| p.replace('T', " ")),
        );
    });
    if let Some(url) = &info.url {
        row(ui, "Address", &mut |ui| {
            // only web addresses open: `file:`, `javascript:` and the like are shown as text
            if is_web_address(url) {
                ui.hyperlink_to(url, url);
            } else {
                ui.label(url);
            }
        });
    }
    row(ui, "File", &mut |ui| {
        ui.label(format!(
            "{}  ·  {}  ·  {}",
            info.path,
            info.format.as_str(),
            doc.encoding
        ));
    });
    for w in &info.warnings {
        ui.colored_label(ui.visuals().warn_fg_color, format!("Warning: {w}"));
    }
    ui.separator();
    ui.label(
        RichText::new(
            "Statements are tinted by their claim's relation (red: disputed, green: shared, \
             grey: one side only); quotes are italic, reported claims underlined, captions \
             and boilerplate faded. Hover a statement for its reading; click it to see its \
             claim side by side.",
        )
        .small()
        .weak(),
    );
    let statements = selected
        .and_then(|i| loaded.statements_by_document.get(i))
        .map_or(&[][..], Vec::as_slice);
    egui::ScrollArea::vertical()
        .id_salt(("reader", &info.id))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut next = 0;
            for p in doc.paragraphs() {
                ui.horizontal_wrapped(|ui| {
                    ui.spacing_mut().item_spacing.x = 0.0;
                    let mut pos = p.span.start;
                    while let Some(&si) = statements.get(next) {
                        let st = &loaded.comparison.statements[si];
                        let [start, end] = st.span;
                        if start >= p.span.end {
                            break;
                        }
                        next += 1;
                        if start < pos
                            || end > doc.body.len()
                            || !doc.body.is_char_boundary(start)
                            || !doc.body.is_char_boundary(end)
                        {
                            continue; // overlapping or stale span: show the text once
                        }
                        if start > pos {
                            ui.label(&doc.body[pos..start]);
                        }
                        let target = state.target == Some(si);
                        let response =
                            statement_ui(ui, loaded, si, st, &doc.body[start..end], target);
                        if target && state.scroll_to_target {
                            response.scroll_to_me(Some(egui::Align::Center));
                            state.scroll_to_target = false;
                        }
                        if response.clicked()
                            && let Some(g) = loaded.group_of_statement[si]
                        {
                            commands.push(Command::ShowGroup(g));
                        }
                        pos = end;
                    }
                    if pos < p.span.end {
                        ui.label(&doc.body[pos..p.span.end]);
                    }
                });
                ui.add_space(8.0);
            }
        });
    commands
}

/// Who published the document, as the user says: a side, a new name, or unknown.
fn publisher_editor_ui(
    ui: &mut egui::Ui,
    loaded: &Loaded,
    corrections: &Corrections,
    info: &DocumentInfo,
    state: &mut State,
    commands: &mut Vec<Command>,
) {
    egui::CollapsingHeader::new("Correct the publisher")
        .id_salt(("publisher_editor", &info.id))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label("Published by");
                for side in &loaded.comparison.sides {
                    if info.publisher.as_deref() != Some(side.id.as_str())
                        && ui.button(&side.name).clicked()
                    {
                        commands.push(Command::SetPublisher {
                            path: info.path.clone(),
                            name: Some(side.name.clone()),
                        });
                    }
                }
                if info.publisher.is_some() && ui.button("unknown").clicked() {
                    commands.push(Command::SetPublisher {
                        path: info.path.clone(),
                        name: Some(String::new()),
                    });
                }
            });
            ui.horizontal(|ui| {
                let label = ui.label("Another name");
                ui.add(
                    egui::TextEdit::singleline(&mut state.publisher_draft)
                        .hint_text("an organisation")
                        .desired_width(180.0),
                )
                .labelled_by(label.id);
                let name = state.publisher_draft.trim().to_string();
                if ui
                    .add_enabled(!name.is_empty(), egui::Button::new("Set publisher"))
                    .clicked()
                {
                    commands.push(Command::SetPublisher {
                        path: info.path.clone(),
                        name: Some(name),
                    });
                    state.publisher_draft.clear();
                }
            });
            if corrections.publishers.contains_key(&info.path)
                && ui.button("Back to the engine's reading").clicked()
            {
                commands.push(Command::SetPublisher {
                    path: info.path.clone(),
                    name: None,
                });
            }
        });
}

/// One statement in the reader: tinted by its group's relation, styled by kind, with its
/// reading on hover; clickable.
fn statement_ui(
    ui: &mut egui::Ui,
    loaded: &Loaded,
    si: usize,
    st: &Statement,
    text: &str,
    target: bool,
) -> egui::Response {
    let dark = ui.visuals().dark_mode;
    let relation = loaded.group_of_statement[si].map(|g| loaded.comparison.groups[g].relation);
    let mut rich = RichText::new(text);
    let tint = theme::relation_tint(relation, dark);
    rich = rich.background_color(if target {
        ui.visuals().selection.bg_fill
    } else {
        tint
    });
    if target {
        rich = rich.color(ui.visuals().selection.stroke.color);
    }
    rich = match st.kind {
        StatementKind::Quote => rich.italics(),
        StatementKind::Reported => rich.underline(),
        StatementKind::Caption | StatementKind::Boilerplate => rich.weak(),
        StatementKind::Narrative => rich,
    };
    let sense = if relation.is_some() {
        egui::Sense::click()
    } else {
        egui::Sense::hover()
    };
    ui.add(egui::Label::new(rich).sense(sense))
        .on_hover_ui(|ui| {
            ui.set_max_width(360.0);
            ui.strong(format!("{:?}", st.kind).to_lowercase());
            if let Some(g) = relation {
                let (badge, _) = theme::relation_badge(g, dark);
                ui.label(format!("Claim: {}", badge.to_lowercase()));
            }
            if let Some(speaker) = &st.speaker {
                ui.label(format!("Speaker: {speaker}"));
            }
            if st.kind.is_claim() {
                ui.label(format!(
                    "Claimant: {}",
                    loaded.side_name(st.claimant.as_deref())
                ));
            }
            if st.counter_claimant.is_some() {
                ui.label(format!(
                    "Disputed by: {}",
                    loaded.side_name(st.counter_claimant.as_deref())
                ));
            }
            if !st.topics.is_empty() {
                ui.label(format!("Topics: {}", st.topics.join(", ")));
            }
            for e in &st.entities {
                ui.label(
                    RichText::new(format!(
                        "{}: {} = {}",
                        format!("{:?}", e.kind).to_lowercase(),
                        e.text,
                        e.value
                    ))
                    .small(),
                );
            }
        })
}

/// Whether a document's address may be opened in the browser: an `http` or `https` URL.
fn is_web_address(address: &str) -> bool {
    url::Url::parse(address.trim()).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_open() {
        assert!(is_web_address("https://example.org/news/1"));
        assert!(is_web_address(" http://example.org "));
        for not in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "data:text/html,<b>x</b>",
            "ftp://example.org/a",
            "example.org/news",
            "",
        ] {
            assert!(!is_web_address(not), "{not}");
        }
    }
}
