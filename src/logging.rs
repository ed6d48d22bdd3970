//! The log file: Parallax started from the desktop has no terminal, so what matters goes to
//! a rotating file in the user's data directory (the window's About box says where), and
//! warnings and errors also to stderr for those who do start it from a shell.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use flexi_logger::{Cleanup, Criterion, Duplicate, FileSpec, Logger, LoggerHandle, Naming};

/// The largest log file before it is rotated.
pub const ROTATE_BYTES: u64 = 1024 * 1024;
/// How many rotated log files are kept.
pub const KEEP_FILES: usize = 5;

/// The folder of the log files: `<data dir>/logs` (on Linux `~/.local/share/parallax/logs`,
/// following `$XDG_DATA_HOME`), or `None` when the system names no home.
pub fn log_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "Parallax", "parallax").map(|d| d.data_dir().join("logs"))
}

static CURRENT: OnceLock<PathBuf> = OnceLock::new();

/// The file the log is written to, once [`start`] has succeeded in this process.
pub fn current_path() -> Option<&'static Path> {
    CURRENT.get().map(PathBuf::as_path)
}

/// The running log, to keep alive for the program's life, and the file it writes.
pub struct LogFile {
    /// Keeps the logger running; dropping it flushes and stops file logging.
    pub handle: LoggerHandle,
    /// The current log file.
    pub path: PathBuf,
}

/// Starts logging into `dir` (created when missing): `info` and above by default, or as
/// `RUST_LOG` says; rotated at [`ROTATE_BYTES`], the last [`KEEP_FILES`] kept. Panics are
/// logged too. An error says why the file could not be opened (the program goes on without).
pub fn start(dir: &Path) -> Result<LogFile, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let spec = FileSpec::default()
        .directory(dir)
        .basename("parallax")
        .suppress_timestamp();
    let handle = Logger::try_with_env_or_str("info")
        .map_err(|e| e.to_string())?
        .log_to_file(spec)
        .append()
        .rotate(
            Criterion::Size(ROTATE_BYTES),
            Naming::Numbers,
            Cleanup::KeepLogFiles(KEEP_FILES),
        )
        .duplicate_to_stderr(Duplicate::None)
        .format_for_files(flexi_logger::detailed_format)
        .start()
        .map_err(|e| format!("cannot log to {}: {e}", dir.display()))?;
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        log::error!("panic: {info}");
        default_hook(info);
    }));
    log::info!("log started");
    // the file being written is the newest one (flexi_logger names it `parallax_rCURRENT.log`)
    let path = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("parallax"))
        .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
        .map_or_else(|| dir.join("parallax_rCURRENT.log"), |e| e.path());
    let _ = CURRENT.set(path.clone());
    Ok(LogFile { handle, path })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_dir_is_under_the_data_dir() {
        if let Some(dir) = log_dir() {
            assert!(dir.ends_with("logs"));
            assert!(dir.to_string_lossy().contains("parallax"));
        }
    }
}
