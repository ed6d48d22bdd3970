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
/// With no command, opens the window on the bundled sample.
#[derive(Debug, Parser)]
#[command(name = "parallax", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Option<Cmd>,
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
        #[command(flatten)]
        limits: Limits,
    },
}

/// Limits on what is read from a folder (each skipped file is named on standard error).
#[derive(Debug, clap::Args)]
struct Limits {
    /// Skip files larger than this (bytes, or with K, M or G: 512K, 20M).
    #[arg(long, value_name = "SIZE", default_value = "8M", value_parser = parse_size)]
    max_file_size: u64,
    /// Read at most this many bytes of files in all (bytes, or with K, M or G).
    #[arg(long, value_name = "SIZE", default_value = "128M", value_parser = parse_size)]
    max_total_size: u64,
    /// Read at most this many article files.
    #[arg(long, value_name = "N", default_value_t = corpus::DEFAULT_MAX_DOCUMENTS)]
    max_files: usize,
    /// Skip folders nested deeper than this below the folder.
    #[arg(long, value_name = "N", default_value_t = corpus::DEFAULT_MAX_DEPTH)]
    max_depth: usize,
}

impl Limits {
    fn options(&self) -> LoadOptions {
        LoadOptions {
            max_file_bytes: self.max_file_size,
            max_documents: self.max_files,
            max_depth: self.max_depth,
            max_total_bytes: self.max_total_size,
        }
    }
}

/// A size in bytes: `1000`, `512K`, `20M`, `1G` (powers of 1024; `KiB`, `MB`… also read).
fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit = t[digits.len()..].to_ascii_uppercase();
    let shift = match unit.trim_end_matches('B').trim_end_matches('I') {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => return Err(format!("{text}: not a size (use bytes, or K, M, G)")),
    };
    let n: u64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("{text}: not a size (use bytes, or K, M, G)"))?;
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("{text}: too large"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The comparison JSON (schema parallax.comparison/1).
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => window(Source::Sample),
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
            limits,
        }) => match analyze_to_json(&dir, &limits.options()) {
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

fn analyze_to_json(dir: &std::path::Path, options: &LoadOptions) -> Result<String, String> {
    let corpus = corpus::load(dir, options).map_err(|e| e.to_string())?;
    let comparison = analyze(&corpus, &Settings::default());
    print_warnings(&comparison);
    let mut json = serde_json::to_string_pretty(&comparison).map_err(|e| e.to_string())?;
    json.push('\n');
    Ok(json)
}

/// Every warning on standard error, one line each: skipped files, then each document's.
fn print_warnings(comparison: &parallax::comparison::Comparison) {
    let mut err = std::io::stderr().lock();
    let lines = comparison.warnings.iter().cloned().chain(
        comparison
            .documents
            .iter()
            .flat_map(|d| d.warnings.iter().map(move |w| format!("{}: {w}", d.path))),
    );
    for line in lines {
        // standard error gone is no reason to stop
        let _ = writeln!(err, "parallax: warning: {}", line.replace('\n', " "));
    }
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
