//! Where the user starts: with no folder yet and no sample wanted, the window shows this
//! page: open a folder, the recent folders, the bundled sample, or drop a folder here. Also
//! the window's first size, fitted to the screen it opens on.

use std::path::PathBuf;

use egui::{RichText, Stroke, vec2};

use super::Source;
use super::command::Command;

/// The page.
pub fn start_ui(ui: &mut egui::Ui, recent: &[PathBuf]) -> Vec<Command> {
    let mut commands = Vec::new();
    let hovering = ui.input(|i| !i.raw.hovered_files.is_empty());
    egui::ScrollArea::vertical()
        .id_salt("start")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.set_max_width(560.0);
                ui.add_space(24.0);
                ui.heading(RichText::new("Parallax: who claims what").size(26.0));
                ui.label(
                    "Open a folder of press releases and news articles about one story: \
                     Parallax works out who claims what and lines the parties up side by side.",
                );
                ui.add_space(16.0);
                let open = egui::Button::new(RichText::new("Open a folder…").size(18.0))
                    .min_size(vec2(220.0, 36.0));
                if ui.add(open).on_hover_text("Ctrl+O").clicked() {
                    commands.push(Command::OpenFolderDialog);
                }
                ui.add_space(8.0);
                let sample = egui::Button::new("The bundled sample").min_size(vec2(220.0, 28.0));
                if ui
                    .add(sample)
                    .on_hover_text("The five articles Parallax comes with")
                    .clicked()
                {
                    commands.push(Command::Open(Source::Sample));
                }
                ui.add_space(16.0);
                let recent: Vec<&PathBuf> = recent.iter().filter(|d| d.is_dir()).collect();
                if !recent.is_empty() {
                    ui.label(RichText::new("Recent folders").strong());
                    for dir in recent {
                        if ui.button(dir.to_string_lossy()).clicked() {
                            commands.push(Command::Open(Source::Folder(dir.clone())));
                        }
                    }
                    ui.add_space(16.0);
                }
                // the drop zone (a drop anywhere on the window opens the folder)
                let (rect, response) =
                    ui.allocate_exact_size(vec2(420.0, 90.0), egui::Sense::hover());
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Label, true, "Drop a folder here")
                });
                let visuals = ui.visuals();
                let colour = if hovering {
                    visuals.selection.stroke.color
                } else {
                    visuals.weak_text_color()
                };
                if hovering {
                    ui.painter().rect_filled(
                        rect,
                        8.0,
                        visuals.selection.bg_fill.gamma_multiply(0.3),
                    );
                }
                ui.painter().rect_stroke(
                    rect,
                    8.0,
                    Stroke::new(1.5, colour),
                    egui::StrokeKind::Inside,
                );
                ui.painter().text(
                    rect.center(),
                    egui::Align2::CENTER_CENTER,
                    "Drop a folder here",
                    egui::FontId::proportional(16.0),
                    colour,
                );
            });
        });
    commands
}

/// The window's size on the screen it opens on: `None` when `inner` fits (in 92% of the
/// monitor, leaving room for panels and title bars), else `inner` shrunk to fit.
pub fn fitted_size(monitor: egui::Vec2, inner: egui::Vec2) -> Option<egui::Vec2> {
    let room = monitor * 0.92;
    if monitor.x <= 0.0 || monitor.y <= 0.0 || (inner.x <= room.x && inner.y <= room.y) {
        return None;
    }
    Some(vec2(
        inner.x.min(room.x).max(320.0),
        inner.y.min(room.y).max(240.0),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_shrinks_to_a_small_screen_and_keeps_its_size_on_a_big_one() {
        let default = vec2(1280.0, 800.0);
        assert_eq!(fitted_size(vec2(1920.0, 1080.0), default), None);
        assert_eq!(fitted_size(vec2(1440.0, 900.0), default), None);
        let laptop = fitted_size(vec2(1600.0, 768.0), default).unwrap();
        assert_eq!(
            laptop,
            vec2(1280.0, 768.0 * 0.92),
            "only the height shrinks"
        );
        let small = fitted_size(vec2(1024.0, 600.0), default).unwrap();
        assert!(
            small.x <= 1024.0 * 0.92 && small.y <= 600.0 * 0.92,
            "{small:?}"
        );
        assert_eq!(
            fitted_size(vec2(0.0, 0.0), default),
            None,
            "no monitor known"
        );
    }
}
