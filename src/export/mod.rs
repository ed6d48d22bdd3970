//! Exports: a comparison (with its annotations) rendered for a reader or another program.
//!
//! Every export is a pure function of the [`Comparison`] and [`Options`]; nothing is
//! re-derived from the articles (the REFI-QDA project also carries the documents' texts, from
//! [`Options::corpus`]). Article text is untrusted: each format escapes it for itself (HTML
//! entities; Markdown backslash escapes; CSV cells that a spreadsheet would read as a formula
//! get a leading `'`; XML character references, and U+FFFD for what XML cannot hold).
//!
//! | format | what | module |
//! |---|---|---|
//! | [`Format::Html`] | one self-contained page (inline CSS, no scripts, no network), print-friendly | [`html`] |
//! | [`Format::Markdown`] | the same content as readable text, disputes first | [`markdown`] |
//! | [`Format::Csv`] | one row per statement, UTF-8 with BOM, RFC 4180 | [`csv`] |
//! | [`Format::Json`] | the comparison schema, annotations inside each group | [`json`] |
//! | [`Format::Qdpx`] | a REFI-QDA project (ZIP): sources, codes, coded selections, notes, cases | [`qdpx`] |
//!
//! ```
//! use parallax::export::{self, Filter, Format, Options};
//! let corpus = parallax::corpus::bundled_sample();
//! let comparison = parallax::analyze(&corpus, &parallax::Settings::default());
//! let options = Options {
//!     filter: Filter { disputed_only: true, ..Filter::default() },
//!     columns: Vec::new(),
//!     annotations: None,
//!     date: Some("2026-11-23".into()),
//!     topics: corpus.lexicon().topics.clone(),
//!     orphans: Vec::new(),
//!     corpus: None,
//! };
//! let html = export::export(Format::Html, &comparison, &options).unwrap();
//! let html = String::from_utf8(html).unwrap();
//! assert!(html.starts_with("<!DOCTYPE html>") && html.contains("2026-11-23"));
//! assert!(!html.contains("<script"));
//! ```

pub mod claim_map;
pub mod csv;
pub mod filter;
pub mod html;
pub mod json;
pub mod markdown;
pub mod qdpx;
pub mod view;

use std::io;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};

pub use filter::{Filter, SearchIndex, SortOrder};

use crate::annotations::{Annotations, GroupNote};
use crate::comparison::Comparison;
use crate::corpus::Corpus;
use crate::lexicon::Topic;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A self-contained HTML page.
    Html,
    /// Markdown text.
    Markdown,
    /// CSV, one row per statement.
    Csv,
    /// The comparison JSON.
    Json,
    /// A REFI-QDA project (`.qdpx`) for qualitative data analysis packages.
    Qdpx,
}

impl Format {
    /// All formats, in the order a picker shows them.
    pub const ALL: [Format; 5] = [
        Format::Html,
        Format::Markdown,
        Format::Csv,
        Format::Json,
        Format::Qdpx,
    ];

    /// The file extension (`html`, `md`, `csv`, `json`, `qdpx`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Qdpx => "qdpx",
        }
    }

    /// A name for menus and dialogs (`HTML report`, …).
    pub fn label(self) -> &'static str {
        match self {
            Format::Html => "HTML report",
            Format::Markdown => "Markdown",
            Format::Csv => "CSV (spreadsheet)",
            Format::Json => "JSON (comparison schema)",
            Format::Qdpx => "REFI-QDA project (MAXQDA, NVivo, ATLAS.ti, QualCoder)",
        }
    }

    /// The format of a file extension (`htm`, `markdown` included), case ignored.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "html" | "htm" => Some(Format::Html),
            "md" | "markdown" => Some(Format::Markdown),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "qdpx" => Some(Format::Qdpx),
            _ => None,
        }
    }
}

/// What an export holds besides the comparison.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Which groups (the default: all).
    pub filter: Filter,
    /// The column sides [`Filter::column_sides_only`] keeps to (the window's columns; empty:
    /// no such limit).
    pub columns: Vec<String>,
    /// The user's notes, put into each exported group's `annotation` (`None`: the groups'
    /// own, as they are): the comparison itself is only borrowed.
    pub annotations: Option<Annotations>,
    /// The date printed in HTML and Markdown (`None`: no date); see [`export_date`].
    pub date: Option<String>,
    /// The topic lexicon (`corpus.lexicon().topics`): labels and the words highlighted.
    /// Empty: topic ids, nothing highlighted.
    pub topics: Vec<Topic>,
    /// Notes whose groups are gone (see [`crate::annotations::attach::orphans`]), listed at
    /// the end of HTML and Markdown.
    pub orphans: Vec<(String, GroupNote)>,
    /// The documents themselves: the REFI-QDA project holds their texts (`None`: that
    /// export fails; the other formats need none).
    pub corpus: Option<Arc<Corpus>>,
}

/// A failed export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Serialising JSON failed.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// Writing CSV failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] ::csv::Error),
    /// Making the REFI-QDA project failed.
    #[error("cannot write the REFI-QDA project: {0}")]
    Qdpx(#[from] qdpx::QdpxError),
    /// Writing the export out failed.
    #[error("cannot write: {0}")]
    Io(#[from] std::io::Error),
}

/// Renders the comparison, narrowed by `options.filter`, in a format.
pub fn export(
    format: Format,
    comparison: &Comparison,
    options: &Options,
) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    export_to(format, comparison, options, &mut out)?;
    Ok(out)
}

/// Writes the comparison, narrowed by `options.filter`, in a format to `out` ([`export`]
/// collects the same bytes). JSON is written as it is made, and an export with no filter and no
/// notes to add works on the comparison itself, not a copy: at 10,000 documents the
/// comparison is some 600 MB and its JSON 160 MB.
pub fn export_to(
    format: Format,
    comparison: &Comparison,
    options: &Options,
    out: &mut dyn std::io::Write,
) -> Result<(), ExportError> {
    let shown: std::borrow::Cow<'_, Comparison> =
        if options.annotations.is_none() && options.filter.is_empty(&options.columns) {
            std::borrow::Cow::Borrowed(comparison)
        } else {
            std::borrow::Cow::Owned(shown(comparison, options))
        };
    match format {
        Format::Json => json::write(&shown, out)?,
        Format::Html => out.write_all(html::render(&shown, options).as_bytes())?,
        Format::Markdown => out.write_all(markdown::render(&shown, options).as_bytes())?,
        Format::Csv => out.write_all(&csv::render(&shown)?)?,
        Format::Qdpx => out.write_all(&qdpx::render(&shown, options)?)?,
    }
    Ok(())
}

/// The comparison an export holds: narrowed by the filter, with the notes applied.
fn shown(comparison: &Comparison, options: &Options) -> Comparison {
    let mut shown = options.filter.apply(comparison, &options.columns);
    if let Some(annotations) = &options.annotations {
        crate::annotations::attach::apply(&mut shown, annotations);
    }
    shown
}

/// The date an export is stamped with: `SOURCE_DATE_EPOCH` (seconds since 1970, the
/// reproducible-builds convention) when set, so outputs can be made byte-for-byte
/// repeatable; else today (UTC). `YYYY-MM-DD`.
pub fn export_date() -> String {
    let time = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| DateTime::<Utc>::from_timestamp(secs, 0))
        .unwrap_or_else(|| DateTime::<Utc>::from(std::time::SystemTime::now()));
    time.format("%Y-%m-%d").to_string()
}

/// Writes an export to a file: refuses to replace an existing file unless `replace`
/// (`ErrorKind::AlreadyExists`); a replacement is atomic.
pub fn write_file(path: &Path, bytes: &[u8], replace: bool) -> io::Result<()> {
    crate::annotations::atomic::write_file(path, bytes, replace)
}

/// [`write_file`] with the bytes written by `fill` as they are made (see
/// [`crate::annotations::atomic::write_file_with`]).
pub fn write_file_with(
    path: &Path,
    replace: bool,
    fill: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
) -> io::Result<()> {
    crate::annotations::atomic::write_file_with(path, replace, fill)
}
