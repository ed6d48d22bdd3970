//! Keyboard shortcuts. Row movement, Enter and undo are left to a text field while one has
//! the keyboard (it has its own cursor keys and undo).

use egui::{Key, Modifiers};

use super::command::Command;

/// The shortcuts, as the README's Keyboard section lists them: `(keys, what they do)`.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Down, J", "next row"),
    ("Up, K", "previous row"),
    ("Page Down, Page Up", "ten rows down or up"),
    ("Home, End", "first or last row"),
    ("Enter", "open the inspector on the selected row"),
    ("Escape", "close the inspector"),
    ("Ctrl+F", "search"),
    ("Ctrl+O", "open a folder"),
    ("F5", "reload the folder"),
    ("Ctrl+E", "export"),
    ("Ctrl+Z", "undo an annotation or correction"),
    ("Ctrl+Shift+Z, Ctrl+Y", "redo"),
];

/// The commands of the keys pressed this frame (consumed, so widgets do not see them too).
pub fn shortcuts(ctx: &egui::Context) -> Vec<Command> {
    let typing = ctx.text_edit_focused();
    // Escape closes an open menu or popup first
    let popup = egui::Popup::is_any_open(ctx);
    ctx.input_mut(|i| {
        let mut out = Vec::new();
        let mut key = |m: Modifiers, k: Key, c: Command| {
            if i.consume_key(m, k) {
                out.push(c);
            }
        };
        key(Modifiers::COMMAND, Key::O, Command::OpenFolderDialog);
        key(Modifiers::NONE, Key::F5, Command::Reload);
        key(Modifiers::COMMAND, Key::E, Command::Export);
        key(Modifiers::COMMAND, Key::F, Command::FocusSearch);
        if typing {
            return out;
        }
        // the most specific first: Ctrl+Shift+Z before Ctrl+Z
        key(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z, Command::Redo);
        key(Modifiers::COMMAND, Key::Y, Command::Redo);
        key(Modifiers::COMMAND, Key::Z, Command::Undo);
        for (k, delta) in [
            (Key::ArrowDown, 1),
            (Key::J, 1),
            (Key::ArrowUp, -1),
            (Key::K, -1),
            (Key::PageDown, 10),
            (Key::PageUp, -10),
        ] {
            key(Modifiers::NONE, k, Command::MoveSelection(delta));
        }
        key(Modifiers::NONE, Key::Home, Command::SelectEnd(false));
        key(Modifiers::NONE, Key::End, Command::SelectEnd(true));
        key(Modifiers::NONE, Key::Enter, Command::OpenInspector);
        if !popup {
            key(Modifiers::NONE, Key::Escape, Command::CloseInspector);
        }
        out
    })
}
