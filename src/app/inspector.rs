//! The inspector: the selected group in full. Its reasons, each statement in its paragraph
//! with speaker, document (a link to the reader at that place) and entities, the word
//! differences between the statements of different sides, and the annotation editor.

use egui::text::LayoutJob;
use egui::{Color32, RichText, TextFormat};

use super::Loaded;
use super::annotation_editor::{self, EditorState};
use super::command::Command;
use super::theme;
use crate::annotations::Annotations;
use crate::compare::diff::{Change, word_diff};

/// At most this many pairs of statements are shown as word differences.
const MAX_PAIRS: usize = 8;
/// Pairs are looked for among this many first statements (a group may hold thousands).
const PAIR_POOL: usize = 40;
/// Statements shown at first, and added by "Show more".
const STATEMENTS_STEP: usize = 30;
/// Reasons shown.
const MAX_REASONS: usize = 20;

/// The inspector's own state.
#[derive(Debug, Default)]
pub struct State {
    /// Text typed in the annotation editor.
    pub editor: EditorState,
    /// How many statements are shown, and of which group.
    shown: (String, usize),
}

/// The inspector on group `g`.
pub fn inspector_ui(
    ui: &mut egui::Ui,
    loaded: &Loaded,
    annotations: &Annotations,
    g: usize,
    state: &mut State,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(group) = loaded.comparison.groups.get(g) else {
        return commands;
    };
    let dark = ui.visuals().dark_mode;
    ui.horizontal(|ui| {
        ui.heading("Inspector");
        if ui
            .button("Close inspector")
            .on_hover_text("Escape")
            .clicked()
        {
            commands.push(Command::CloseInspector);
        }
    });
    egui::ScrollArea::vertical()
        .id_salt(("inspector", &group.id))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let (badge, colour) = theme::relation_badge(group.relation, dark);
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(badge).color(colour).strong());
                for s in &group.sides {
                    let c = loaded.side_index(s).map_or(theme::UNKNOWN, |i| {
                        theme::parse_hex(&loaded.comparison.sides[i].colour)
                    });
                    ui.label(
                        RichText::new(loaded.side_name(Some(s)))
                            .color(theme::side_text(c, dark))
                            .strong(),
                    );
                }
            });
            if !group.topics.is_empty() {
                let names: Vec<&str> = group
                    .topics
                    .iter()
                    .map(|t| {
                        loaded
                            .topic_words
                            .index(t)
                            .map_or(t.as_str(), |i| loaded.topic_words.labels[i].as_str())
                    })
                    .collect();
                ui.label(RichText::new(format!("Topics: {}", names.join(", "))).weak());
            }
            ui.label(
                RichText::new(format!(
                    "{} statements, weakest link {:.2}",
                    group.statements.len(),
                    group.similarity
                ))
                .weak(),
            );
            if !group.reasons.is_empty() {
                ui.add_space(6.0);
                ui.label(RichText::new("Why it is disputed").strong());
                for r in group.reasons.iter().take(MAX_REASONS) {
                    ui.label(format!("{}: {}", r.kind.label(), r.detail));
                }
                if group.reasons.len() > MAX_REASONS {
                    ui.label(
                        RichText::new(format!(
                            "and {} more reasons",
                            group.reasons.len() - MAX_REASONS
                        ))
                        .weak(),
                    );
                }
            }
            ui.add_space(6.0);
            ui.separator();
            ui.label(RichText::new("Statements").strong());
            if state.shown.0 != group.id {
                state.shown = (group.id.clone(), STATEMENTS_STEP);
            }
            let members = &loaded.group_members[g];
            for &s in members.iter().take(state.shown.1) {
                if let Some(c) = statement_ui(ui, loaded, s) {
                    commands.push(c);
                }
                ui.add_space(6.0);
            }
            if members.len() > state.shown.1 {
                let more = (members.len() - state.shown.1).min(STATEMENTS_STEP);
                if ui
                    .button(format!("Show {more} more of {}", members.len()))
                    .clicked()
                {
                    state.shown.1 += STATEMENTS_STEP;
                }
            }
            commands.extend(pairs_ui(ui, loaded, g));
            ui.separator();
            commands.extend(annotation_editor::editor_ui(
                ui,
                annotations,
                &group.id,
                &mut state.editor,
            ));
        });
    commands
}

/// One statement: side, speaker, kind, document link, its paragraph, its entities.
fn statement_ui(ui: &mut egui::Ui, loaded: &Loaded, s: usize) -> Option<Command> {
    let mut command = None;
    let dark = ui.visuals().dark_mode;
    let st = &loaded.comparison.statements[s];
    let side_colour = st
        .claimant
        .as_deref()
        .and_then(|id| loaded.side_index(id))
        .map_or(theme::UNKNOWN, |i| {
            theme::parse_hex(&loaded.comparison.sides[i].colour)
        });
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(loaded.side_name(st.claimant.as_deref()))
                .color(theme::side_text(side_colour, dark))
                .strong(),
        );
        if let Some(sp) = &st.speaker {
            ui.label(format!("— {sp}"));
        }
        ui.label(RichText::new(format!("({:?})", st.kind).to_lowercase()).weak());
    });
    if let Some(d) = loaded.document_of_statement[s] {
        let info = &loaded.comparison.documents[d];
        ui.horizontal_wrapped(|ui| {
            if ui
                .link(&info.title)
                .on_hover_text("Open the document in the reader at this statement")
                .clicked()
            {
                command = Some(Command::OpenStatement(s));
            }
            if let Some(p) = &info.published {
                ui.label(RichText::new(p.replace('T', " ")).small().weak());
            }
        });
        if let Some(doc) = loaded.corpus.documents.get(d) {
            let [start, end] = st.span;
            let paragraph = doc
                .paragraphs()
                .into_iter()
                .find(|p| p.span.start <= start && start < p.span.end.max(start + 1));
            if let Some(p) = paragraph
                && end <= p.span.end
                && doc.body.is_char_boundary(start)
                && doc.body.is_char_boundary(end)
            {
                let font = egui::TextStyle::Body.resolve(ui.style());
                let weak = ui.visuals().weak_text_color();
                let strong = ui.visuals().strong_text_color();
                let mut job = LayoutJob::default();
                job.append(
                    &doc.body[p.span.start..start],
                    0.0,
                    TextFormat::simple(font.clone(), weak),
                );
                let mut format = TextFormat::simple(font.clone(), strong);
                format.background = side_colour.gamma_multiply(if dark { 0.35 } else { 0.18 });
                job.append(&doc.body[start..end], 0.0, format);
                job.append(
                    &doc.body[end..p.span.end],
                    0.0,
                    TextFormat::simple(font, weak),
                );
                ui.label(job);
            } else {
                ui.label(&st.text);
            }
        }
    } else {
        ui.label(&st.text);
    }
    if !st.entities.is_empty() {
        let entities: Vec<String> = st
            .entities
            .iter()
            .map(|e| {
                let kind = crate::readable::kind_word(e.kind);
                format!("{kind}: {}", crate::readable::readable(e))
            })
            .collect();
        ui.label(RichText::new(entities.join(";  ")).small().weak());
    }
    command
}

/// The word differences between statements of different sides (or, in a one-sided group,
/// between its statements): removed words struck through, added words marked. Each pair
/// from two documents has a button to see the two documents side by side.
fn pairs_ui(ui: &mut egui::Ui, loaded: &Loaded, g: usize) -> Option<Command> {
    let mut command = None;
    let members = &loaded.group_members[g];
    let members = &members[..members.len().min(PAIR_POOL)];
    let statements = &loaded.comparison.statements;
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    'pairs: for (i, &a) in members.iter().enumerate() {
        for &b in &members[i + 1..] {
            if statements[a].text != statements[b].text
                && statements[a].claimant != statements[b].claimant
            {
                pairs.push((a, b));
                if pairs.len() > MAX_PAIRS {
                    break 'pairs;
                }
            }
        }
    }
    if pairs.is_empty() {
        for w in members.windows(2) {
            if statements[w[0]].text != statements[w[1]].text {
                pairs.push((w[0], w[1]));
            }
        }
    }
    if pairs.is_empty() {
        return None;
    }
    ui.separator();
    ui.label(RichText::new("Word differences").strong());
    ui.label(
        RichText::new("struck through: only in the first; marked: only in the second")
            .small()
            .weak(),
    );
    let marks = theme::marks(ui.visuals());
    let removed_colour = if ui.visuals().dark_mode {
        Color32::from_rgb(0xef, 0x9a, 0x9a)
    } else {
        Color32::from_rgb(0xb7, 0x1c, 0x1c)
    };
    let more = pairs.len() > MAX_PAIRS;
    for &(a, b) in pairs.iter().take(MAX_PAIRS) {
        let name = |s: usize| {
            let st = &statements[s];
            match &st.speaker {
                Some(sp) => format!("{} ({sp})", loaded.side_name(st.claimant.as_deref())),
                None => loaded.side_name(st.claimant.as_deref()),
            }
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!("{} vs {}", name(a), name(b)))
                    .small()
                    .strong(),
            );
            let docs = (
                loaded.document_of_statement[a],
                loaded.document_of_statement[b],
            );
            if let (Some(da), Some(db)) = docs
                && da != db
                && ui
                    .small_button("Side by side")
                    .on_hover_text("See the two documents side by side, aligned by their claims")
                    .clicked()
            {
                command = Some(Command::OpenPair(da, db));
            }
        });
        let pieces = word_diff(&statements[a].text, &statements[b].text);
        if !alike(&pieces) {
            ui.label(
                RichText::new("worded too differently for a word-by-word comparison")
                    .small()
                    .weak(),
            );
            ui.add_space(4.0);
            continue;
        }
        let font = egui::TextStyle::Body.resolve(ui.style());
        let mut job = LayoutJob::default();
        for piece in pieces {
            let mut format = TextFormat::simple(font.clone(), marks.text);
            match piece.change {
                Change::Same => {}
                Change::Removed => {
                    format.color = removed_colour;
                    format.strikethrough = egui::Stroke::new(1.0, removed_colour);
                }
                Change::Added => format.background = marks.diff,
            }
            job.append(&piece.text, 0.0, format);
        }
        ui.label(job);
        ui.add_space(4.0);
    }
    if more {
        ui.label(RichText::new("and more pairs").weak());
    }
    command
}

/// Whether two texts share enough words, in order, for their word diff to be readable: at
/// least two fifths of the shorter one (in letters) is common.
fn alike(pieces: &[crate::compare::diff::Piece]) -> bool {
    let letters = |c: Change| -> usize {
        pieces
            .iter()
            .filter(|p| p.change == c)
            .map(|p| p.text.chars().filter(|c| c.is_alphanumeric()).count())
            .sum()
    };
    let same = letters(Change::Same);
    let shorter = (same + letters(Change::Removed)).min(same + letters(Change::Added));
    same * 5 >= shorter * 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewordings_are_alike_and_different_sentences_are_not() {
        let pieces = word_diff(
            "The ferry will run from May at a cost of 2m.",
            "The ferry will now run from June at a cost of 3m.",
        );
        assert!(alike(&pieces));
        let pieces = word_diff(
            "Bus fares will rise next year, the operator says.",
            "The council has opened a new library in the town centre.",
        );
        assert!(!alike(&pieces));
    }
}
