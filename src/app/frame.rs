//! One frame of the window: the panels around the central view, each drawn by its `*_ui`
//! function, then the commands they returned carried out.

use std::time::Duration;

use super::{
    Command, ParallaxApp, Source, View, claim_map, comparison_view, inspector, keys, load_report,
    pair_view, progress_bar, reader, sides_panel, start_view, theme, timeline, top_bar,
};

impl ParallaxApp {
    /// Whether a folder is being read and nothing of it is shown yet: the empty lists then
    /// say so, not that the folder holds nothing.
    fn first_reading(&self) -> bool {
        self.session.is_loading() && self.session.loaded().comparison.documents.is_empty()
    }

    /// Draws one frame into `ui` and carries out what the user asked for. (eframe calls it
    /// through [`eframe::App::ui`]; benchmarks call it directly.)
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !std::mem::replace(&mut self.notify_set, true) {
            self.session.set_notify(super::repaint(&ctx));
        }
        if std::mem::take(&mut self.reanalyse_wanted) {
            self.session.reanalyse_if_needed();
        }
        if let Some(shown) = self.session.poll() {
            self.shown(shown);
        }
        if self.shown_title != self.title() {
            self.shown_title = self.title();
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(self.shown_title.clone()));
        }
        if self.applied_theme != Some(self.prefs.theme) {
            theme::apply(&ctx, self.prefs.theme);
            self.applied_theme = Some(self.prefs.theme);
        }
        // the built-in picker is modal: it takes the keys
        let mut commands = if self.builtin.is_some() {
            Vec::new()
        } else {
            keys::shortcuts(&ctx)
        };
        commands.extend(dropped_folder(&ctx).map(|dir| Command::Open(Source::Folder(dir))));
        let warnings = load_report::count(self.session.loaded());
        let progress = progress_bar::Model::of(&self.session);
        egui::Panel::top("top_bar").show(ui, |ui| {
            commands.extend(top_bar::top_bar_ui(
                ui,
                &top_bar::Model {
                    loaded: self.session.loaded(),
                    view: self.state.view,
                    recent: &self.prefs.recent,
                    progress,
                    error: self.session.error(),
                    status: self.session.status(),
                    can_undo: self.session.can_undo(),
                    can_redo: self.session.can_redo(),
                    can_export: self.exporter.is_some() && !self.state.start_page,
                    sides_open: self.state.sides_open,
                    warnings,
                    start_page: self.state.start_page,
                },
            ));
        });
        // panels that leave the comparison room at any zoom
        let width = ctx.content_rect().width();
        if !self.sized
            && let Some(monitor) = ctx.input(|i| i.viewport().monitor_size)
        {
            self.sized = true;
            let inner = ctx.content_rect().size();
            if let Some(size) = start_view::fitted_size(monitor, inner) {
                ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
            }
        }
        if self.state.start_page {
            egui::CentralPanel::default().show(ui, |ui| {
                commands.extend(start_view::start_ui(ui, &self.prefs.recent));
            });
            commands.extend(self.builtin_picker_ui(&ctx));
            for c in commands {
                self.apply(c, &ctx);
            }
            if self.session.is_loading() {
                ctx.request_repaint_after(Duration::from_millis(100));
            }
            return;
        }
        if self.state.sides_open {
            egui::Panel::left("sides")
                .resizable(true)
                .default_size((width * 0.22).clamp(170.0, 300.0))
                .max_size(width * 0.45)
                .show(ui, |ui| {
                    commands.extend(sides_panel::sides_ui(
                        ui,
                        &sides_panel::Model {
                            loaded: self.session.loaded(),
                            columns: &self.state.columns,
                            corrections: &self.session.annotations().corrections,
                            selected_document: self.state.selected_document,
                            reading: self.first_reading(),
                        },
                        &mut self.views.sides,
                    ));
                });
        }
        if self.state.inspector_open
            && let Some(g) = self.state.selected_group
        {
            egui::Panel::right("inspector")
                .resizable(true)
                .default_size((width * 0.3).clamp(220.0, 420.0))
                .max_size(width * 0.6)
                .show(ui, |ui| {
                    commands.extend(inspector::inspector_ui(
                        ui,
                        self.session.loaded(),
                        self.session.annotations(),
                        g,
                        &mut self.views.inspector,
                    ));
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let more = match self.state.view {
                View::Comparison => comparison_view::comparison_ui(
                    ui,
                    &comparison_view::Model {
                        loaded: self.session.loaded(),
                        annotations: self.session.annotations(),
                        columns: &self.state.columns,
                        selected: self.state.selected_group,
                        reading: self.first_reading(),
                    },
                    &mut self.state.filter,
                    &mut self.views.comparison,
                ),
                View::Reader => reader::reader_ui(
                    ui,
                    self.session.loaded(),
                    &self.session.annotations().corrections,
                    self.state.selected_document,
                    &mut self.views.reader,
                ),
                View::Timeline => timeline::timeline_ui(
                    ui,
                    self.session.loaded(),
                    &self.state.columns,
                    &mut self.views.timeline,
                ),
                View::LoadReport => {
                    load_report::load_report_ui(ui, self.session.loaded(), &self.annotations_info())
                }
                View::ClaimMap => {
                    claim_map::claim_map_ui(ui, self.session.loaded(), &mut self.views.claim_map)
                }
                View::Pair => pair_view::pair_ui(ui, self.session.loaded(), &mut self.views.pair),
            };
            commands.extend(more);
        });
        commands.extend(self.builtin_picker_ui(&ctx));
        // the rows as the keys will see them
        self.views.comparison.refresh_rows(
            self.session.loaded(),
            &self.state.filter,
            &self.state.columns,
        );
        for c in commands {
            self.apply(c, &ctx);
        }
        if self.session.is_loading() || self.poll_export() {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        if let Some(wait) = self.session.autosave() {
            ctx.request_repaint_after(wait);
        }
    }

    /// What the load report says of the annotations.
    fn annotations_info(&self) -> load_report::AnnotationsInfo {
        let orphans = crate::annotations::attach::orphans(
            self.session.annotations(),
            &self.session.loaded().comparison,
        )
        .into_iter()
        .map(|(id, n)| {
            let verdict = n.verdict.map(|v| v.as_str()).unwrap_or("no verdict");
            (id.clone(), format!("{verdict}; {}", n.note))
        })
        .collect();
        let log = crate::logging::current_path().map(|p| p.display().to_string());
        match self.store() {
            Some(store) => load_report::AnnotationsInfo {
                location: store.location_note(),
                warnings: store
                    .warnings()
                    .iter()
                    .cloned()
                    .chain(store.last_error().map(String::from))
                    .collect(),
                orphans,
                log,
            },
            None => load_report::AnnotationsInfo {
                location: "kept for this session only".into(),
                warnings: Vec::new(),
                orphans,
                log,
            },
        }
    }
}

/// The folder of the first thing dropped on the window (a dropped file opens its folder).
fn dropped_folder(ctx: &egui::Context) -> Option<std::path::PathBuf> {
    ctx.input(|i| {
        i.raw.dropped_files.iter().find_map(|f| {
            let path = f.path();
            if path.as_os_str().is_empty() {
                None
            } else if path.is_dir() {
                Some(path.to_path_buf())
            } else {
                path.parent().map(std::path::Path::to_path_buf)
            }
        })
    })
}
