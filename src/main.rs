//! The `parallax` command line: the window, or an analysis printed as JSON.

// A release build started from the Windows desktop opens no console window beside its own.
#![cfg_attr(
    all(target_os = "windows", not(debug_assertions)),
    windows_subsystem = "windows"
)]

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use parallax::app::{self, Source};
use parallax::corpus::{self, LoadOptions};
use parallax::{Settings, analyze};

/// Who claims what: lines up what several parties say about one story, side by side.
///
/// With no command, opens the window on the bundled sample; given a folder (or a file, whose
/// folder opens), opens the window on it, as the desktop entry's `parallax %F` does.
#[derive(Debug, Parser)]
#[command(name = "parallax", version, about, long_about = None, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Cmd>,
    /// A folder of articles to open (or an article, whose folder opens). Only the first is
    /// used: the desktop passes every selected item.
    paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// Open the window on a folder of articles.
    Open {
        /// The folder (read recursively).
        dir: PathBuf,
    },
    /// Analyse a folder and print the comparison.
    Analyze {
        /// The folder (read recursively).
        dir: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The comparison JSON (schema parallax.comparison/1).
    Json,
}

/// Set in the environment of the retry that uses the software renderer.
const FALLBACK_ENV: &str = "PARALLAX_SOFTWARE_RENDERER";

fn main() -> ExitCode {
    let cli = Cli::parse();
    // the log file: the only trace of what happened when started from the desktop
    let log_dir = std::env::var_os("PARALLAX_LOG_DIR")
        .map(PathBuf::from)
        .or_else(parallax::logging::log_dir);
    let _log = log_dir.and_then(|dir| match parallax::logging::start(&dir) {
        Ok(log) => Some(log),
        Err(e) => {
            eprintln!("parallax: no log file: {e}");
            None
        }
    });
    log::info!(
        "{} started: {:?}",
        parallax::generator(),
        std::env::args().skip(1).collect::<Vec<_>>()
    );
    match cli.command {
        None => match cli.paths.first() {
            None => window(Source::Sample),
            Some(path) => {
                let dir = if path.is_file() {
                    path.parent()
                        .map_or_else(|| PathBuf::from("."), PathBuf::from)
                } else {
                    path.clone()
                };
                if let Err(e) = check_folder(&dir) {
                    return fail(&e);
                }
                window(Source::Folder(dir))
            }
        },
        Some(Cmd::Open { dir }) => {
            if let Err(e) = check_folder(&dir) {
                return fail(&e);
            }
            window(Source::Folder(dir))
        }
        Some(Cmd::Analyze {
            dir,
            format: Format::Json,
            output,
        }) => match analyze_to_json(&dir) {
            Ok(json) => match write_output(output.as_ref(), &json) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(&e),
            },
            Err(e) => fail(&e),
        },
    }
}

fn fail(message: &str) -> ExitCode {
    log::error!("{message}");
    eprintln!("parallax: {message}");
    ExitCode::FAILURE
}

fn check_folder(dir: &std::path::Path) -> Result<(), String> {
    corpus::check_folder(dir).map_err(|e| e.to_string())
}

fn window(source: Source) -> ExitCode {
    let error = match app::run(source) {
        Ok(()) => return ExitCode::SUCCESS,
        Err(e) => e.to_string(),
    };
    log::error!("cannot open the window: {error}");
    if std::env::var_os(FALLBACK_ENV).is_none() {
        // no usable GPU driver: try once more with OpenGL on the CPU (Mesa's llvmpipe), in a
        // new process, since the graphics stack cannot be set up twice in one
        log::warn!("retrying with the software renderer");
        let retry = std::env::current_exe().and_then(|exe| {
            std::process::Command::new(exe)
                .args(std::env::args_os().skip(1))
                .env(FALLBACK_ENV, "1")
                .env("WGPU_BACKEND", "gl")
                .env("LIBGL_ALWAYS_SOFTWARE", "1")
                .status()
        });
        match retry {
            Ok(status) if status.success() => return ExitCode::SUCCESS,
            // the retry has said why already
            Ok(_) => return ExitCode::FAILURE,
            Err(e) => log::error!("cannot start the software renderer: {e}"),
        }
    }
    let log = parallax::logging::current_path()
        .map(|p| format!("\n\nDetails are in the log: {}", p.display()))
        .unwrap_or_default();
    let message = format!(
        "Parallax could not open its window, with the graphics card or with the software \
         renderer:\n\n{error}\n\nOn Linux, install Mesa's drivers (Debian/Ubuntu: libegl1, \
         libgl1-mesa-dri) or update the graphics driver. The command line \
         (`parallax analyze FOLDER --format html -o report.html`) works without a window.{log}"
    );
    // a person who double-clicked has no terminal: say it in a dialog as well
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("Parallax cannot start")
        .set_description(&message)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
    fail(&message)
}

fn analyze_to_json(dir: &std::path::Path) -> Result<String, String> {
    let corpus = corpus::load(dir, &LoadOptions::default()).map_err(|e| e.to_string())?;
    let comparison = analyze(&corpus, &Settings::default());
    let mut json = serde_json::to_string_pretty(&comparison).map_err(|e| e.to_string())?;
    json.push('\n');
    Ok(json)
}

fn write_output(output: Option<&PathBuf>, text: &str) -> Result<(), String> {
    match output {
        Some(path) => {
            std::fs::write(path, text).map_err(|e| format!("{}: cannot write: {e}", path.display()))
        }
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Ok(()) => Ok(()),
                // a closed pipe (`| head`) is the reader's choice, not an error
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(format!("cannot write to standard output: {e}")),
            }
        }
    }
}
