//! The `parallax` command line: the window, or an analysis printed as JSON.

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

fn main() -> ExitCode {
    let cli = Cli::parse();
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
    eprintln!("parallax: {message}");
    ExitCode::FAILURE
}

fn check_folder(dir: &std::path::Path) -> Result<(), String> {
    corpus::check_folder(dir).map_err(|e| e.to_string())
}

fn window(source: Source) -> ExitCode {
    match app::run(source) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("cannot open the window: {e}")),
    }
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
