//! The load report: every file the folder's reading skipped or degraded, one line each.

use egui::RichText;

use super::Loaded;
use super::command::Command;

/// The report's lines: the folder's warnings, then each document's, as `(document, text)`.
pub fn lines(loaded: &Loaded) -> Vec<(Option<usize>, String)> {
    let mut out: Vec<(Option<usize>, String)> = loaded
        .comparison
        .warnings
        .iter()
        .map(|w| (None, w.clone()))
        .collect();
    for (i, d) in loaded.comparison.documents.iter().enumerate() {
        out.extend(
            d.warnings
                .iter()
                .map(|w| (Some(i), format!("{}: {w}", d.path))),
        );
    }
    out
}

/// How many lines the report has.
pub fn count(loaded: &Loaded) -> usize {
    loaded.comparison.warnings.len()
        + loaded
            .comparison
            .documents
            .iter()
            .map(|d| d.warnings.len())
            .sum::<usize>()
}

/// Where the annotations are kept, what went wrong with them, and the notes whose claims
/// are gone, for the report.
#[derive(Debug, Clone, Default)]
pub struct AnnotationsInfo {
    /// Where they are saved, and why there.
    pub location: String,
    /// Files set aside, moves to the data directory, failed saves.
    pub warnings: Vec<String>,
    /// Orphaned notes: `(group id, note text or verdict)`.
    pub orphans: Vec<(String, String)>,
    /// The log file, if one is written.
    pub log: Option<String>,
}

/// The report view.
pub fn load_report_ui(ui: &mut egui::Ui, loaded: &Loaded, info: &AnnotationsInfo) -> Vec<Command> {
    let mut commands = Vec::new();
    let lines = lines(loaded);
    ui.heading("Load report");
    ui.label(format!(
        "{} documents read from {}; {} warnings.",
        loaded.comparison.documents.len(),
        loaded.corpus.root,
        lines.len()
    ));
    ui.label(format!("Annotations: {}", info.location));
    for w in &info.warnings {
        ui.colored_label(ui.visuals().warn_fg_color, w);
    }
    if !info.orphans.is_empty() {
        ui.label(format!(
            "{} notes whose claims are no longer found (kept in the file, never dropped):",
            info.orphans.len()
        ));
        for (id, text) in &info.orphans {
            ui.label(format!("  {id}: {text}"));
        }
    }
    if let Some(log) = &info.log {
        ui.label(format!("Log file: {log}"));
    }
    ui.separator();
    if lines.is_empty() {
        ui.label("Every file was read without a problem.");
        return commands;
    }
    egui::ScrollArea::vertical()
        .id_salt("load_report")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            for (doc, line) in &lines {
                match doc {
                    Some(d) => {
                        if ui
                            .link(line)
                            .on_hover_text("Open the document in the reader")
                            .clicked()
                        {
                            commands.push(Command::SelectDocument(*d));
                        }
                    }
                    None => {
                        ui.label(RichText::new(line).color(ui.visuals().warn_fg_color));
                    }
                }
            }
        });
    commands
}
