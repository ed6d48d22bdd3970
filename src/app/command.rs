//! What the user can ask for: the UI functions return [`Command`]s and
//! `ParallaxApp::apply` carries them out.

use crate::annotations::Verdict;

use super::Source;
use super::prefs::ThemeChoice;

/// Which view fills the centre of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The claim groups side by side, a column per side.
    #[default]
    Comparison,
    /// One document in full.
    Reader,
    /// The dated claims of each side on one time axis.
    Timeline,
    /// The folder's warnings: skipped and degraded files.
    LoadReport,
    /// Sides by topics: how many claims, how many disputed.
    ClaimMap,
    /// Two documents side by side, their statements aligned by shared claims.
    Pair,
}

/// Something the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Show the folder dialog and open what is chosen.
    OpenFolderDialog,
    /// Open this source.
    Open(Source),
    /// Read the current source again.
    Reload,
    /// Stop the running load or analysis and keep what is shown.
    CancelLoad,
    /// Export the comparison (with the annotations) through the exporter.
    Export,
    /// Show this document in the reader, from its top.
    SelectDocument(usize),
    /// Show this statement's document in the reader, scrolled to the statement.
    OpenStatement(usize),
    /// Select this claim group (in the comparison's rows).
    SelectGroup(usize),
    /// Show this claim group: select it, switch to the comparison, scroll to it and open
    /// the inspector (from the reader and the timeline).
    ShowGroup(usize),
    /// Move the selection this many rows (negative: up).
    MoveSelection(i32),
    /// Select the first (`false`) or last (`true`) row.
    SelectEnd(bool),
    /// Open the inspector on the selected group.
    OpenInspector,
    /// Close the inspector.
    CloseInspector,
    /// Put the keyboard in the search field.
    FocusSearch,
    /// Switch the central view.
    ShowView(View),
    /// Show or hide the sides panel.
    ToggleSidesPanel,
    /// Show or hide a side as a column.
    ToggleColumn(String),
    /// Go back to the default columns (the two sides with most claims).
    DefaultColumns,
    /// Give a side another name.
    RenameSide {
        /// The side's id.
        side: String,
        /// The new name (empty: back to the engine's name).
        name: String,
    },
    /// Count a side's statements for another side.
    MergeSide {
        /// The side merged away.
        side: String,
        /// The side it joins.
        into: String,
    },
    /// Undo every merge into or out of this side.
    UnmergeSide(String),
    /// Set who published a document.
    SetPublisher {
        /// The document's path.
        path: String,
        /// A side's name, a new name, `Some("")` for unknown, or `None` for the engine's
        /// own reading.
        name: Option<String>,
    },
    /// Set the verdict on a group.
    SetVerdict {
        /// The group's id.
        group: String,
        /// The verdict (`None`: no verdict).
        verdict: Option<Verdict>,
    },
    /// Set the note on a group.
    SetNote {
        /// The group's id.
        group: String,
        /// The note's text.
        note: String,
    },
    /// Add a tag to a group.
    AddTag {
        /// The group's id.
        group: String,
        /// The tag.
        tag: String,
    },
    /// Remove a tag from a group.
    RemoveTag {
        /// The group's id.
        group: String,
        /// The tag.
        tag: String,
    },
    /// Undo the last edit of annotations or corrections.
    Undo,
    /// Redo what was undone.
    Redo,
    /// Choose the theme.
    SetTheme(ThemeChoice),
    /// Show the comparison filtered to a side and a topic (from the claim map; `None`: any).
    ShowClaims {
        /// The side's id.
        side: Option<String>,
        /// The topic's id.
        topic: Option<String>,
    },
    /// Show two documents side by side (indices into the documents: left, right).
    OpenPair(usize, usize),
    /// Show the start page (open a folder, recent folders, the sample).
    ShowStart,
}
