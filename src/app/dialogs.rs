//! The seams to the outside world that tests replace: the folder dialog and the exporter.
//! Both know when the system's dialog cannot be shown ([`DialogEnvironment`], or a dialog
//! that came back at once without one): the window then uses its built-in picker.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use crate::annotations::Annotations;
use crate::comparison::Comparison;
use crate::export::{self, Format, Options};

/// A system dialog that answers "cancelled" sooner than this was never shown: no person
/// cancels a dialog that fast.
pub const NO_DIALOG_WITHIN: Duration = Duration::from_millis(350);

/// Asks the user for a folder. The real one is rfd's native dialog; tests put in their own.
pub trait FolderPicker {
    /// The chosen folder, or `None` when the user cancelled (or no dialog could be shown).
    fn pick_folder(&mut self) -> Option<PathBuf>;

    /// Why the system's dialog cannot be shown (checked before showing it, and again after
    /// a `None`): `Some(reason)` sends the window to its built-in picker.
    fn unavailable(&self) -> Option<String> {
        None
    }
}

/// What the window can tell, before showing a dialog, of where the system's dialogs come
/// from. On Linux and the BSDs rfd asks the XDG desktop portal over the D-Bus session bus,
/// and falls back to the `zenity` program; with neither, no dialog appears.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogEnvironment {
    /// A D-Bus session bus is known (`DBUS_SESSION_BUS_ADDRESS`, or the `bus` socket in
    /// `XDG_RUNTIME_DIR`), so a desktop portal may answer.
    pub session_bus: bool,
    /// `zenity` is on the `PATH`.
    pub zenity: bool,
    /// The platform's dialogs are its own (Windows, macOS): always there.
    pub native: bool,
}

impl DialogEnvironment {
    /// The environment of this process.
    pub fn detect() -> DialogEnvironment {
        let native = cfg!(any(target_os = "windows", target_os = "macos"));
        let session_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS")
            .is_some_and(|a| !a.is_empty())
            || std::env::var_os("XDG_RUNTIME_DIR")
                .is_some_and(|d| Path::new(&d).join("bus").exists());
        let zenity = std::env::var_os("PATH").is_some_and(|path| {
            std::env::split_paths(&path).any(|dir| dir.join("zenity").is_file())
        });
        DialogEnvironment {
            session_bus,
            zenity,
            native,
        }
    }

    /// Why no system dialog can be shown; `None` when one may be.
    pub fn unavailable(&self) -> Option<String> {
        (!self.native && !self.session_bus && !self.zenity).then(|| {
            "the system's file dialog cannot be shown here (no desktop portal: no D-Bus \
             session; no zenity), so Parallax's own picker is used"
                .to_string()
        })
    }
}

/// rfd's native folder dialog.
#[derive(Debug)]
pub struct RfdPicker {
    environment: DialogEnvironment,
    gave_up: Option<String>,
}

impl Default for RfdPicker {
    fn default() -> Self {
        RfdPicker::with_environment(DialogEnvironment::detect())
    }
}

impl RfdPicker {
    /// rfd's dialog in a given environment (tests give one without a portal or zenity).
    pub fn with_environment(environment: DialogEnvironment) -> RfdPicker {
        RfdPicker {
            environment,
            gave_up: None,
        }
    }
}

impl FolderPicker for RfdPicker {
    fn pick_folder(&mut self) -> Option<PathBuf> {
        let started = Instant::now();
        let picked = rfd::FileDialog::new()
            .set_title("Open a folder of articles")
            .pick_folder();
        self.gave_up = gave_up(picked.is_none(), started);
        picked
    }

    fn unavailable(&self) -> Option<String> {
        self.environment.unavailable().or(self.gave_up.clone())
    }
}

/// The reason to give when a dialog answered "cancelled" at once.
fn gave_up(cancelled: bool, started: Instant) -> Option<String> {
    (cancelled && started.elapsed() < NO_DIALOG_WITHIN).then(|| {
        "the system's file dialog did not appear (no desktop portal or zenity answered), \
         so Parallax's own picker is used"
            .to_string()
    })
}

/// Writes the comparison out (Ctrl+E, Export…): asks where and in which format, writes, and
/// says what it did. The window has none until one is given with
/// `ParallaxApp::with_exporter`; without one, Export is shown disabled.
pub trait Exporter {
    /// Exports `comparison` (shared with the window, so an export may run on another
    /// thread) with `annotations` (also in `options.annotations`, put into each group), as
    /// `options` say (the filter and column sides of what is shown, topics, orphaned notes,
    /// the date); `name` names what is shown (a file name to suggest). `Ok(None)` when the
    /// user cancelled, `Ok(Some(message))` ("saved report.html", or "Exporting to …" when
    /// the writing goes on in the background: see [`Exporter::poll`]) or an error to show.
    fn export(
        &mut self,
        comparison: &Arc<Comparison>,
        annotations: &Annotations,
        options: &Options,
        name: &str,
    ) -> Result<Option<String>, String>;

    /// The outcome of an export that went on in the background, once it is done (the
    /// window asks every frame).
    fn poll(&mut self) -> Option<Result<String, String>> {
        None
    }

    /// Whether an export is still being written in the background.
    fn busy(&self) -> bool {
        false
    }

    /// Why the system's save dialog cannot be shown (before showing it, and again after an
    /// `Ok(None)`): `Some(reason)` sends the window to its built-in save picker.
    fn unavailable(&self) -> Option<String> {
        None
    }

    /// The file the built-in save picker suggests for `name` (in `home` when nothing
    /// better is known).
    fn suggested_path(&self, name: &str, home: &Path) -> PathBuf {
        home.join(format!("{name}.{}", Format::Html.extension()))
    }

    /// Writes to `path`, chosen (and agreed to be replaced) in the built-in save picker;
    /// the format by its extension (HTML when it has none known). The message to show.
    fn export_to(
        &mut self,
        path: &Path,
        comparison: &Arc<Comparison>,
        options: &Options,
    ) -> Result<String, String> {
        write_export(path, Format::Html, comparison, options).map(|(_, m)| m)
    }
}

/// Writes an export to `path` (replacing a file there), in the format its extension names
/// (else `fallback`, and that extension added): the format used and the message to show.
pub fn write_export(
    path: &Path,
    fallback: Format,
    comparison: &Comparison,
    options: &Options,
) -> Result<(Format, String), String> {
    let (path, format) = export_path(path, fallback);
    let bytes = export::export(format, comparison, options).map_err(|e| e.to_string())?;
    export::write_file(&path, &bytes, true)
        .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    log::info!("exported {} to {}", format.label(), path.display());
    Ok((format, format!("Exported to {}", path.display())))
}

/// The file an export goes to and its format: the one its extension names, else
/// `fallback` with that extension added.
fn export_path(path: &Path, fallback: Format) -> (PathBuf, Format) {
    let mut path = path.to_path_buf();
    let format = match path
        .extension()
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension)
    {
        Some(f) => f,
        None => {
            path.set_extension(fallback.extension());
            fallback
        }
    };
    (path, format)
}

/// The real exporter: rfd's save dialog (which asks before replacing a file), the format
/// from the file's extension, and the last format and folder remembered for the session.
#[derive(Debug)]
pub struct RfdExporter {
    last_format: Format,
    last_dir: Option<PathBuf>,
    environment: DialogEnvironment,
    gave_up: Option<String>,
    /// The export being rendered and written on its own thread.
    running: Option<Receiver<Result<String, String>>>,
}

impl Default for RfdExporter {
    fn default() -> Self {
        RfdExporter::with_environment(DialogEnvironment::detect())
    }
}

impl RfdExporter {
    /// rfd's save dialog in a given environment (tests give one without a portal or zenity).
    pub fn with_environment(environment: DialogEnvironment) -> RfdExporter {
        RfdExporter {
            last_format: Format::Html,
            last_dir: None,
            environment,
            gave_up: None,
            running: None,
        }
    }

    /// Renders and writes the export on its own thread (the window stays responsive on a
    /// large folder); the message says where it goes.
    fn start(&mut self, path: &Path, comparison: &Arc<Comparison>, options: &Options) -> String {
        let (target, format) = export_path(path, self.last_format);
        self.last_format = format;
        self.last_dir = target.parent().map(PathBuf::from);
        let (tx, rx) = channel();
        let (path, comparison, options) = (path.to_path_buf(), comparison.clone(), options.clone());
        let started = std::thread::Builder::new()
            .name("parallax-export".into())
            .spawn(move || {
                let result = write_export(&path, format, &comparison, &options).map(|(_, m)| m);
                // the window may have closed: nobody to tell
                let _ = tx.send(result);
            });
        match started {
            Ok(_) => {
                self.running = Some(rx);
                format!("Exporting to {}…", target.display())
            }
            Err(e) => format!("cannot start the export: {e}"),
        }
    }
}

impl Exporter for RfdExporter {
    fn export(
        &mut self,
        comparison: &Arc<Comparison>,
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
        let started = Instant::now();
        let chosen = dialog.save_file();
        self.gave_up = gave_up(chosen.is_none(), started);
        let Some(path) = chosen else {
            return Ok(None);
        };
        // the dialog asked before replacing an existing file
        Ok(Some(self.start(&path, comparison, options)))
    }

    fn poll(&mut self) -> Option<Result<String, String>> {
        let result = match self.running.as_ref()?.try_recv() {
            Ok(r) => r,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Err("the export stopped unexpectedly".into()),
        };
        self.running = None;
        Some(result)
    }

    fn busy(&self) -> bool {
        self.running.is_some()
    }

    fn unavailable(&self) -> Option<String> {
        self.environment.unavailable().or(self.gave_up.clone())
    }

    fn suggested_path(&self, name: &str, home: &Path) -> PathBuf {
        let dir = self.last_dir.as_deref().unwrap_or(home);
        dir.join(format!("{name}.{}", self.last_format.extension()))
    }

    fn export_to(
        &mut self,
        path: &Path,
        comparison: &Arc<Comparison>,
        options: &Options,
    ) -> Result<String, String> {
        Ok(self.start(path, comparison, options))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_portal_and_no_zenity_means_no_system_dialog_anywhere_but_windows_and_macos() {
        let bare = DialogEnvironment {
            session_bus: false,
            zenity: false,
            native: false,
        };
        assert!(bare.unavailable().is_some_and(|r| r.contains("zenity")));
        for env in [
            DialogEnvironment {
                session_bus: true,
                ..bare.clone()
            },
            DialogEnvironment {
                zenity: true,
                ..bare.clone()
            },
            DialogEnvironment {
                native: true,
                ..bare.clone()
            },
        ] {
            assert_eq!(env.unavailable(), None, "{env:?}");
        }
    }

    #[test]
    fn a_cancel_at_once_is_a_dialog_that_never_appeared_a_slow_one_was_the_user() {
        assert!(gave_up(true, Instant::now()).is_some());
        let long_ago = Instant::now() - NO_DIALOG_WITHIN * 2;
        assert_eq!(gave_up(true, long_ago), None);
        assert_eq!(gave_up(false, Instant::now()), None);
    }
}
