//! The seams to the outside world that tests replace: the folder dialog and the exporter.

use std::path::PathBuf;

use crate::annotations::Annotations;
use crate::comparison::Comparison;

/// Asks the user for a folder. The real one is rfd's native dialog; tests put in their own.
pub trait FolderPicker {
    /// The chosen folder, or `None` when the user cancelled (or no dialog could be shown).
    fn pick_folder(&mut self) -> Option<PathBuf>;
}

/// rfd's native folder dialog.
#[derive(Debug, Default)]
pub struct RfdPicker;

impl FolderPicker for RfdPicker {
    fn pick_folder(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open a folder of articles")
            .pick_folder()
    }
}

/// Writes the comparison out (Ctrl+E, Export…): asks where and in which format, writes, and
/// says what it did. The window has none until one is given with
/// `ParallaxApp::with_exporter`; without one, Export is shown disabled.
pub trait Exporter {
    /// Exports `comparison` with the user's `annotations`; `Ok(None)` when the user
    /// cancelled, `Ok(Some(message))` ("saved report.html") or an error to show.
    fn export(
        &mut self,
        comparison: &Comparison,
        annotations: &Annotations,
    ) -> Result<Option<String>, String>;
}
