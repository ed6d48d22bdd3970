//! The seams to the outside world that tests replace: the folder dialog and the exporter.

use std::path::PathBuf;

use crate::annotations::Annotations;
use crate::comparison::Comparison;
use crate::export::{self, Format, Options};

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
    /// Exports `comparison` (with the user's notes inside each group) and `annotations`,
    /// as `options` say (the filter of what is shown, topics, orphaned notes, the date);
    /// `name` names what is shown (a file name to suggest). `Ok(None)` when the user
    /// cancelled, `Ok(Some(message))` ("saved report.html") or an error to show.
    fn export(
        &mut self,
        comparison: &Comparison,
        annotations: &Annotations,
        options: &Options,
        name: &str,
    ) -> Result<Option<String>, String>;
}

/// The real exporter: rfd's save dialog (which asks before replacing a file), the format
/// from the file's extension, and the last format and folder remembered for the session.
#[derive(Debug)]
pub struct RfdExporter {
    last_format: Format,
    last_dir: Option<PathBuf>,
}

impl Default for RfdExporter {
    fn default() -> Self {
        RfdExporter {
            last_format: Format::Html,
            last_dir: None,
        }
    }
}

impl Exporter for RfdExporter {
    fn export(
        &mut self,
        comparison: &Comparison,
        _annotations: &Annotations,
        options: &Options,
        name: &str,
    ) -> Result<Option<String>, String> {
        // the last format first: the dialog's first filter is the one offered
        let mut formats = vec![self.last_format];
        formats.extend(Format::ALL.iter().filter(|f| **f != self.last_format));
        let mut dialog = rfd::FileDialog::new()
            .set_title("Export the comparison")
            .set_file_name(format!("{name}.{}", self.last_format.extension()));
        for f in &formats {
            dialog = dialog.add_filter(f.label(), &[f.extension()]);
        }
        if let Some(dir) = &self.last_dir {
            dialog = dialog.set_directory(dir);
        }
        let Some(mut path) = dialog.save_file() else {
            return Ok(None);
        };
        let format = match path
            .extension()
            .and_then(|e| e.to_str())
            .and_then(Format::from_extension)
        {
            Some(f) => f,
            None => {
                path.set_extension(self.last_format.extension());
                self.last_format
            }
        };
        let bytes = export::export(format, comparison, options).map_err(|e| e.to_string())?;
        // the dialog asked before replacing an existing file
        export::write_file(&path, &bytes, true)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
        self.last_format = format;
        self.last_dir = path.parent().map(PathBuf::from);
        log::info!("exported {} to {}", format.label(), path.display());
        Ok(Some(format!("Exported to {}", path.display())))
    }
}
