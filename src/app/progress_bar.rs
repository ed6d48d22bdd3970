//! The progress of a running load or analysis in the top bar: what it does, a bar with the
//! counts ("Reading 3,200 of 10,000 documents") and Cancel.

use std::time::Duration;

use super::command::Command;
use crate::progress::Snapshot;
use crate::session::{JobKind, Session};

/// What the bar shows of a running job.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// What the job does: `Reading folder`, `Applying the corrections`, …
    pub what: String,
    /// Its stage and counts.
    pub snapshot: Snapshot,
    /// How long it has run.
    pub elapsed: Duration,
}

impl Model {
    /// The session's running job, if any.
    pub fn of(session: &Session) -> Option<Model> {
        let job = session.job()?;
        let what = match &job.kind {
            JobKind::Open(s)
                if *s == session.loaded().source
                    && !session.loaded().comparison.documents.is_empty() =>
            {
                "Reading the folder again".to_string()
            }
            JobKind::Open(s) => format!("Reading {}", s.display_name()),
            JobKind::Reanalyse => "Applying the corrections".to_string(),
        };
        Some(Model {
            what,
            snapshot: job.progress(),
            elapsed: job.elapsed(),
        })
    }
}

/// The job's line: what it does, the bar with its counts, the time, and Cancel.
pub fn progress_ui(ui: &mut egui::Ui, model: &Model) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.label(format!("{}…", model.what));
    let bar = match model.snapshot.fraction() {
        Some(f) => egui::ProgressBar::new(f),
        // a stage that is not counted: a bar that moves
        None => egui::ProgressBar::new(0.0).animate(true),
    };
    ui.add(bar.desired_width(260.0).text(model.snapshot.to_string()))
        .on_hover_text(model.snapshot.to_string());
    ui.label(format!("{:.1} s", model.elapsed.as_secs_f32()));
    if ui
        .button("Cancel")
        .on_hover_text("Stop and keep what is shown")
        .clicked()
    {
        commands.push(Command::CancelLoad);
    }
    commands
}
