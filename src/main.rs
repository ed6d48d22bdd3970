//! The `parallax` command line: the window, or an analysis exported as JSON, HTML, Markdown,
//! CSV or a REFI-QDA project (with the folder's annotations and corrections).

// A release build started from the Windows desktop opens no console window beside its own.
#![cfg_attr(
    all(target_os = "windows", not(debug_assertions)),
    windows_subsystem = "windows"
)]

/// mimalloc, not the system's allocator: see its line in Cargo.toml.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand, ValueEnum};
use parallax::annotations::attach;
use parallax::annotations::store::{Place, Store, StoreConfig};
#[cfg(feature = "gui")]
use parallax::app::{self, Source};
use parallax::corpus::{self, LoadOptions};
use parallax::export::{self, Filter};
use parallax::{Progress, Settings, analyze_with};

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
        #[command(flatten)]
        limits: Limits,
    },
    /// Analyse a folder and print the comparison, with the folder's annotations.
    Analyze {
        /// The folder (read recursively).
        dir: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write to this file instead of standard output (an existing file is kept unless
        /// --force is given).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long, requires = "output")]
        force: bool,
        /// Only disputed claim groups.
        #[arg(long)]
        disputed_only: bool,
        /// Only groups with this topic (an id such as `subsidy`; repeat for any of several).
        #[arg(long, value_name = "TOPIC")]
        topic: Vec<String>,
        /// Only groups where this side speaks (its id or name; repeat for any of several).
        #[arg(long, value_name = "SIDE")]
        side: Vec<String>,
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
    /// The comparison JSON (schema parallax.comparison/1), annotations in each group.
    Json,
    /// One self-contained HTML page, print-friendly.
    Html,
    /// Markdown, disputes first.
    #[value(alias = "markdown")]
    Md,
    /// CSV, one row per statement (UTF-8 with BOM).
    Csv,
    /// A REFI-QDA project (.qdpx, a ZIP) for MAXQDA, NVivo, ATLAS.ti, QualCoder; needs -o.
    Qdpx,
}

impl Format {
    fn export(self) -> export::Format {
        match self {
            Format::Json => export::Format::Json,
            Format::Html => export::Format::Html,
            Format::Md => export::Format::Markdown,
            Format::Csv => export::Format::Csv,
            Format::Qdpx => export::Format::Qdpx,
        }
    }
}

/// What `analyze` was asked for.
struct Request {
    dir: PathBuf,
    format: Format,
    disputed_only: bool,
    topics: Vec<String>,
    sides: Vec<String>,
    options: LoadOptions,
}

/// Set in the environment of the retry that uses the software renderer.
#[cfg(feature = "gui")]
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
            None => window(Source::Sample, LoadOptions::default()),
            Some(path) => {
                // a file: its folder, with the file shown in the reader
                let (dir, document) = if path.is_file() {
                    let dir = path
                        .parent()
                        .filter(|p| !p.as_os_str().is_empty())
                        .map_or_else(|| PathBuf::from("."), PathBuf::from);
                    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                    (dir, name)
                } else {
                    (path.clone(), None)
                };
                if let Err(e) = check_folder(&dir) {
                    return fail(&e);
                }
                window_on(Source::Folder(dir), document, LoadOptions::default())
            }
        },
        Some(Cmd::Open { dir, limits }) => {
            if let Err(e) = check_folder(&dir) {
                return fail(&e);
            }
            window(Source::Folder(dir), limits.options())
        }
        Some(Cmd::Analyze {
            dir,
            format,
            output,
            force,
            disputed_only,
            topic,
            side,
            limits,
        }) => {
            if format == Format::Qdpx && output.is_none() {
                return fail("a REFI-QDA project is a ZIP file: give -o FILE.qdpx");
            }
            let request = Request {
                dir,
                format,
                disputed_only,
                topics: topic,
                sides: side,
                options: limits.options(),
            };
            match run_analysis(&request) {
                Ok((comparison, options)) => {
                    let format = request.format.export();
                    let mut fill = |out: &mut dyn Write| {
                        export::export_to(format, &comparison, &options, out)
                            .map_err(std::io::Error::other)
                    };
                    let mut laps = parallax::timing::Laps::start("command");
                    let written = write_output(output.as_ref(), &mut fill, force);
                    laps.lap("written");
                    // the process ends now: freeing the comparison, the corpus and the
                    // lexicon piece by piece would take a twentieth of the run
                    std::mem::forget((comparison, options));
                    match written {
                        Ok(()) => ExitCode::SUCCESS,
                        Err(e) => fail(&e),
                    }
                }
                Err(e) => fail(&e),
            }
        }
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

fn window(source: Source, options: LoadOptions) -> ExitCode {
    window_on(source, None, options)
}

/// What the window opens, in a build without it (`--no-default-features`).
#[cfg(not(feature = "gui"))]
enum Source {
    Sample,
    Folder(PathBuf),
}

#[cfg(not(feature = "gui"))]
fn window_on(source: Source, _document: Option<String>, _options: LoadOptions) -> ExitCode {
    let what = match source {
        Source::Sample => "the bundled sample".to_string(),
        Source::Folder(dir) => dir.display().to_string(),
    };
    fail(&format!(
        "this build has no window (built without the `gui` feature), so {what} cannot be \
         opened in one: use `parallax analyze DIR --format html -o report.html`"
    ))
}

#[cfg(feature = "gui")]
fn window_on(source: Source, document: Option<String>, options: LoadOptions) -> ExitCode {
    let error = match app::run_on(source, document, options) {
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

/// Loads the folder, its annotations (read only: nothing on disk changes) and corrections,
/// analyses, attaches the notes and renders the export.
/// The analysis of a request's folder, with its notes applied, and how to export it.
fn run_analysis(
    request: &Request,
) -> Result<(parallax::comparison::Comparison, export::Options), String> {
    let place = Place::Folder(request.dir.clone());
    let (mut annotations, warnings) = Store::read_only(&place, &StoreConfig::default());
    for w in warnings {
        eprintln!("parallax: warning: {w}");
    }
    let settings = Settings {
        corrections: annotations.corrections.clone(),
    };
    let (corpus, comparison) = with_progress(|progress| {
        let mut laps = parallax::timing::Laps::start("command");
        let corpus = corpus::load_with(&request.dir, &request.options, progress)
            .map_err(|e| e.to_string())?;
        laps.lap("load");
        let comparison = analyze_with(&corpus, &settings, progress).map_err(|e| e.to_string())?;
        laps.lap("analyze");
        Ok::<_, String>((std::sync::Arc::new(corpus), comparison))
    })?;
    let mut laps = parallax::timing::Laps::start("command");
    let mut comparison = comparison;
    print_warnings(&comparison);
    attach::attach(&mut annotations, &comparison);
    attach::apply(&mut comparison, &annotations);
    let filter = Filter {
        column_sides_only: false,
        disputed_only: request.disputed_only,
        topics: request
            .topics
            .iter()
            .map(|t| export::filter::resolve_topic(&comparison, t))
            .collect::<Result<_, _>>()?,
        sides: request
            .sides
            .iter()
            .map(|s| export::filter::resolve_side(&comparison, s))
            .collect::<Result<_, _>>()?,
        ..Filter::default()
    };
    let options = export::Options {
        filter,
        columns: Vec::new(),
        annotations: None,
        date: Some(export::export_date()),
        topics: corpus.lexicon().topics.clone(),
        orphans: attach::orphans(&annotations, &comparison)
            .into_iter()
            .map(|(id, note)| (id.clone(), note.clone()))
            .collect(),
        corpus: Some(corpus.clone()),
    };
    laps.lap("annotations attached");
    Ok((comparison, options))
}

/// Runs `f` with a [`Progress`] that a second thread shows on standard error (`Reading 3,200
/// of 10,000 documents`, on one line written over) once the run has taken a second, when
/// standard error is a terminal; the line is cleared at the end.
fn with_progress<T>(f: impl FnOnce(&Progress) -> T) -> T {
    let progress = Progress::new();
    if !std::io::stderr().is_terminal() {
        return f(&progress);
    }
    let finished = AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let started = Instant::now();
            let mut shown = false;
            while !finished.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(100));
                if started.elapsed() >= Duration::from_secs(1) && !finished.load(Ordering::Relaxed)
                {
                    // standard error gone is no reason to stop
                    let _ = write!(std::io::stderr(), "\r\x1b[2K{}", progress.snapshot());
                    shown = true;
                }
            }
            if shown {
                let _ = write!(std::io::stderr(), "\r\x1b[2K");
            }
        });
        let out = f(&progress);
        finished.store(true, Ordering::Relaxed);
        out
    })
}

/// Writes an export made by `fill` to the output file (atomically, refusing to replace one
/// unless `force`) or to standard output, as it is made.
fn write_output(
    output: Option<&PathBuf>,
    fill: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    force: bool,
) -> Result<(), String> {
    match output {
        Some(path) => export::write_file_with(path, force, fill).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                format!(
                    "{}: already exists (use --force to replace it)",
                    path.display()
                )
            } else {
                format!("{}: cannot write: {e}", path.display())
            }
        }),
        None => {
            let mut out = PipeWatch {
                inner: std::io::BufWriter::new(std::io::stdout().lock()),
                closed: false,
            };
            match fill(&mut out).and_then(|()| out.flush()) {
                Ok(()) => Ok(()),
                // a closed pipe (`| head`) is the reader's choice, not an error
                Err(_) if out.closed => Ok(()),
                Err(e) => Err(format!("cannot write to standard output: {e}")),
            }
        }
    }
}

/// Standard output that remembers whether its reader went away (the error that says so
/// reaches the caller wrapped in the exporter's own).
struct PipeWatch<W: Write> {
    inner: W,
    closed: bool,
}

impl<W: Write> PipeWatch<W> {
    fn watch<T>(&mut self, result: std::io::Result<T>) -> std::io::Result<T> {
        if let Err(e) = &result
            && e.kind() == std::io::ErrorKind::BrokenPipe
        {
            self.closed = true;
        }
        result
    }
}

impl<W: Write> Write for PipeWatch<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let result = self.inner.write(buf);
        self.watch(result)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let result = self.inner.flush();
        self.watch(result)
    }
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
