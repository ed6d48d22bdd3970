//! The annotation editor of the inspector: the user's verdict, note and tags on a group.
//! Every edit is a [`Command`], so it passes through undo and the one place annotations are
//! saved.

use egui::RichText;

use super::command::Command;
use crate::annotations::{Annotations, Verdict};

/// What a row shows of the user's annotation: `verdict: agreed`, `noted`, or nothing.
pub fn verdict_marker(annotations: &Annotations, group: &str) -> Option<String> {
    let note = annotations.groups.get(group)?;
    match note.verdict {
        Some(v) => Some(format!("verdict: {}", v.as_str())),
        None if !note.is_empty() => Some("noted".to_string()),
        None => None,
    }
}

/// Text being typed in the editor and not yet an edit.
#[derive(Debug, Default)]
pub struct EditorState {
    /// The tag being typed.
    pub tag_draft: String,
}

/// Cleans a typed tag: trimmed, inner whitespace collapsed; `None` when empty.
pub fn clean_tag(tag: &str) -> Option<String> {
    let t = tag.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// The editor for group `group`.
pub fn editor_ui(
    ui: &mut egui::Ui,
    annotations: &Annotations,
    group: &str,
    state: &mut EditorState,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let note = annotations.groups.get(group).cloned().unwrap_or_default();
    ui.heading("Your annotation");
    ui.horizontal_wrapped(|ui| {
        ui.label("Verdict");
        if ui.radio(note.verdict.is_none(), "none").clicked() && note.verdict.is_some() {
            commands.push(Command::SetVerdict {
                group: group.to_string(),
                verdict: None,
            });
        }
        for v in Verdict::ALL {
            if ui.radio(note.verdict == Some(v), v.as_str()).clicked() && note.verdict != Some(v) {
                commands.push(Command::SetVerdict {
                    group: group.to_string(),
                    verdict: Some(v),
                });
            }
        }
    });
    let label = ui.label("Note");
    let mut text = note.note.clone();
    let edit = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .id(egui::Id::unique(("note", group)))
                .hint_text("What you found out, what to check")
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if edit.changed() {
        commands.push(Command::SetNote {
            group: group.to_string(),
            note: text,
        });
    }
    ui.horizontal_wrapped(|ui| {
        ui.label("Tags");
        if note.tags.is_empty() {
            ui.label(RichText::new("none").weak());
        }
        for t in &note.tags {
            if ui
                .button(format!("{t}  x"))
                .on_hover_text(format!("Remove the tag {t}"))
                .clicked()
            {
                commands.push(Command::RemoveTag {
                    group: group.to_string(),
                    tag: t.clone(),
                });
            }
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label("New tag");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut state.tag_draft)
                    .hint_text("a word or two")
                    .desired_width(160.0),
            )
            .labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button("Add tag").clicked() || entered)
            && let Some(tag) = clean_tag(&state.tag_draft)
        {
            commands.push(Command::AddTag {
                group: group.to_string(),
                tag,
            });
            state.tag_draft.clear();
        }
    });
    commands
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::GroupNote;

    #[test]
    fn tags_are_cleaned_and_markers_say_what_was_noted() {
        assert_eq!(clean_tag("  bus   fares "), Some("bus fares".to_string()));
        assert_eq!(clean_tag("   "), None);
        let mut a = Annotations::default();
        assert_eq!(verdict_marker(&a, "g-1"), None);
        a.groups.insert(
            "g-1".into(),
            GroupNote {
                note: "ask the trust".into(),
                ..Default::default()
            },
        );
        assert_eq!(verdict_marker(&a, "g-1").as_deref(), Some("noted"));
        a.groups.get_mut("g-1").unwrap().verdict = Some(Verdict::Agreed);
        assert_eq!(
            verdict_marker(&a, "g-1").as_deref(),
            Some("verdict: agreed")
        );
    }
}
