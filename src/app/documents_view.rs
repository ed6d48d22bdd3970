//! The document list and the reader: a document in full, with its metadata and evidence.

use egui::text::LayoutJob;
use egui::{Color32, RichText, TextFormat};

use super::theme::{UNKNOWN, parse_hex};
use super::{Command, Loaded};
use crate::comparison::{DocumentInfo, Statement, StatementKind};

/// The publisher's display name and colour.
fn publisher_of(loaded: &Loaded, info: &DocumentInfo) -> (String, Color32) {
    info.publisher
        .as_ref()
        .and_then(|id| loaded.comparison.sides.iter().find(|s| s.id == *id))
        .map(|s| (s.name.clone(), parse_hex(&s.colour)))
        .unwrap_or_else(|| ("unknown".to_string(), UNKNOWN))
}

/// The list of documents (publisher, date, title) and the folder's warnings.
pub fn list_ui(ui: &mut egui::Ui, loaded: &Loaded, selected: Option<usize>) -> Option<Command> {
    let mut command = None;
    ui.heading("Documents");
    let warnings = &loaded.comparison.warnings;
    if !warnings.is_empty() {
        egui::CollapsingHeader::new(format!("Warnings ({})", warnings.len()))
            .id_salt("folder_warnings")
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("warnings_scroll")
                    .max_height(160.0)
                    .show(ui, |ui| {
                        for w in warnings {
                            ui.label(RichText::new(w).small());
                        }
                    });
            });
    }
    if loaded.comparison.documents.is_empty() {
        ui.label("No articles were found in this folder.");
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("document_list")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, info) in loaded.comparison.documents.iter().enumerate() {
                let (publisher, colour) = publisher_of(loaded, info);
                let mut job = LayoutJob::default();
                let style = ui.style();
                let body = egui::TextStyle::Body.resolve(style);
                let small = egui::TextStyle::Small.resolve(style);
                let text_colour = ui.visuals().text_color();
                let weak = ui.visuals().weak_text_color();
                job.append(&publisher, 0.0, TextFormat::simple(body.clone(), colour));
                let date = info.published.as_deref().unwrap_or("undated");
                job.append(
                    &format!("  {}\n", date.replace('T', " ")),
                    0.0,
                    TextFormat::simple(small, weak),
                );
                job.append(&info.title, 0.0, TextFormat::simple(body, text_colour));
                let response = ui
                    .selectable_label(selected == Some(i), job)
                    .on_hover_text(&info.path);
                if response.clicked() {
                    command = Some(Command::SelectDocument(i));
                }
                ui.add_space(4.0);
            }
        });
    command
}

/// The selected document in full.
pub fn reader_ui(ui: &mut egui::Ui, loaded: &Loaded, selected: Option<usize>) {
    let (Some(info), Some(doc)) = (
        selected.and_then(|i| loaded.comparison.documents.get(i)),
        selected.and_then(|i| loaded.corpus.documents.get(i)),
    ) else {
        ui.centered_and_justified(|ui| {
            ui.label("Open a folder of articles to read them here.");
        });
        return;
    };
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
        ui.label(RichText::new(&publisher).color(colour).strong());
        ui.label(RichText::new(format!("({})", info.publisher_evidence)).weak());
    });
    row(ui, "Published", &mut |ui| {
        ui.label(
            info.published
                .as_deref()
                .map_or("no date given".to_string(), |p| p.replace('T', " ")),
        );
    });
    if let Some(url) = &info.url {
        row(ui, "Address", &mut |ui| {
            ui.hyperlink_to(url, url);
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
            "Statements are tinted with the colour of the side that makes them; quotes are \
             italic, reported claims underlined, captions and boilerplate faded. \
             Hover a statement for its speaker, claimant, topics and figures.",
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
                        if start < pos || end > doc.body.len() {
                            continue; // overlapping or stale span: show the text once
                        }
                        if start > pos {
                            ui.label(&doc.body[pos..start]);
                        }
                        statement_ui(ui, loaded, st, &doc.body[start..end]);
                        pos = end;
                    }
                    if pos < p.span.end {
                        ui.label(&doc.body[pos..p.span.end]);
                    }
                });
                ui.add_space(8.0);
            }
        });
}

/// One statement in the reader: styled by kind and side, with its reading on hover.
fn statement_ui(ui: &mut egui::Ui, loaded: &Loaded, st: &Statement, text: &str) {
    let side = st
        .claimant
        .as_ref()
        .and_then(|id| loaded.comparison.sides.iter().find(|s| s.id == *id));
    let mut rich = RichText::new(text);
    if let Some(side) = side {
        rich = rich.background_color(parse_hex(&side.colour).gamma_multiply(0.22));
    }
    rich = match st.kind {
        StatementKind::Quote => rich.italics(),
        StatementKind::Reported => rich.underline(),
        StatementKind::Caption | StatementKind::Boilerplate => rich.weak(),
        StatementKind::Narrative => rich,
    };
    ui.label(rich).on_hover_ui(|ui| {
        ui.set_max_width(360.0);
        ui.strong(format!("{:?}", st.kind).to_lowercase());
        if let Some(speaker) = &st.speaker {
            ui.label(format!("Speaker: {speaker}"));
        }
        let side_name = |id: &Option<String>| {
            id.as_ref().map_or("unknown".to_string(), |id| {
                loaded
                    .comparison
                    .sides
                    .iter()
                    .find(|s| s.id == *id)
                    .map_or(id.clone(), |s| s.name.clone())
            })
        };
        if st.kind.is_claim() {
            ui.label(format!("Claimant: {}", side_name(&st.claimant)));
        }
        if st.counter_claimant.is_some() {
            ui.label(format!("Disputed by: {}", side_name(&st.counter_claimant)));
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
    });
}
