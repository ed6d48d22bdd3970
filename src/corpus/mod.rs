//! The document store: the only code that reads article files.
//!
//! [`load`] walks a folder recursively in a stable (sorted) order and reads every `.txt`,
//! `.md`/`.markdown` and `.html`/`.htm` file, and the PDF, Word, OpenDocument, e-mail and
//! `.mhtml` files of [`formats`], into [`Document`]s: decoded text, metadata, body,
//! publisher with evidence. Every problem becomes a warning; one bad file never stops
//! the rest loading. [`bundled_sample`] reads the sample corpus compiled into the binary.

pub mod byline;
pub mod dates;
pub mod decode;
pub mod formats;
pub mod front_matter;
pub mod markup;
pub mod publisher;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use include_dir::{Dir, include_dir};

use crate::comparison::SourceFormat;
use crate::lexicon::{LEXICON_FILES, Lexicon};
use crate::progress::{Progress, Stage};
pub use byline::Byline;
pub use dates::Published;
pub use front_matter::Metadata;
pub use publisher::Publisher;

/// The sample corpus, compiled in so a double-clicked app needs no files.
static SAMPLE: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/fixtures/alliance");

/// The name shown for the bundled sample in place of a folder.
pub const SAMPLE_ROOT: &str = "bundled sample (alliance)";

/// Limits on what is read. Each bounds the time and memory a hostile folder can cost; each
/// can be changed on the command line (`parallax analyze --help`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// Files larger than this are skipped with a warning, by their size on disk, unread.
    pub max_file_bytes: u64,
    /// At most this many documents are read; the rest are reported.
    pub max_documents: usize,
    /// Folders nested deeper than this below the opened folder are skipped with a warning.
    pub max_depth: usize,
    /// At most this many bytes of files are read in all (by their sizes on disk, in path
    /// order); the files past it are reported. Analysis needs some 25 times the text's size.
    pub max_total_bytes: u64,
}

/// The default [`LoadOptions::max_file_bytes`]: 8 MiB.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// The default [`LoadOptions::max_documents`].
pub const DEFAULT_MAX_DOCUMENTS: usize = 100_000;
/// The default [`LoadOptions::max_depth`].
pub const DEFAULT_MAX_DEPTH: usize = 64;
/// The default [`LoadOptions::max_total_bytes`]: 128 MiB (some 3 GB to analyse at most).
pub const DEFAULT_MAX_TOTAL_BYTES: u64 = 128 * 1024 * 1024;
/// Lexicon files (`topics.yaml`, …) larger than this are ignored with a warning.
pub const MAX_LEXICON_BYTES: u64 = 1024 * 1024;
/// Metadata titles longer than this many characters are cut at a word.
pub const MAX_TITLE_CHARS: usize = 300;

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            max_documents: DEFAULT_MAX_DOCUMENTS,
            max_depth: DEFAULT_MAX_DEPTH,
            max_total_bytes: DEFAULT_MAX_TOTAL_BYTES,
        }
    }
}

/// Why a folder could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The path does not exist.
    #[error("{0}: no such folder")]
    Missing(PathBuf),
    /// The path is not a folder.
    #[error("{0}: not a folder")]
    NotAFolder(PathBuf),
    /// The folder cannot be listed.
    #[error("{path}: cannot read folder: {source}")]
    Unreadable {
        /// The folder.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The load was cancelled through its [`Progress`].
    #[error("cancelled")]
    Cancelled,
}

/// One article.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// `d-` + a hash of [`Document::path`].
    pub id: String,
    /// Relative to the corpus root, `/` separators.
    pub path: String,
    /// What the document was read from.
    pub format: SourceFormat,
    /// Its metadata.
    pub meta: Metadata,
    /// The title: metadata, else the first line of the body.
    pub title: String,
    /// The decoded visible text, without metadata; statement spans index into it.
    pub body: String,
    /// The encoding the bytes were read as.
    pub encoding: &'static str,
    /// Who published it, and why the engine thinks so.
    pub publisher: Publisher,
    /// Problems met reading it.
    pub warnings: Vec<String>,
}

/// A paragraph of a document body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// 0-based index in the body.
    pub index: usize,
    /// Byte range in [`Document::body`], trimmed.
    pub span: Range<usize>,
}

impl Document {
    /// The body's paragraphs. When the body separates blocks with blank lines, a paragraph is
    /// such a block (a list item line is a paragraph of its own); otherwise every line is one.
    pub fn paragraphs(&self) -> Vec<Paragraph> {
        paragraphs(&self.body)
    }
}

/// Splits text into paragraphs (see [`Document::paragraphs`]).
pub fn paragraphs(body: &str) -> Vec<Paragraph> {
    let blank_separated = body.contains("\n\n") || body.contains("\n \n");
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut pos = 0;
    for line in body.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            spans.extend(current.take());
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let range = start + lead..start + lead + trimmed.len();
        let is_item = is_list_item(trimmed);
        match current.as_mut() {
            Some(cur) if blank_separated && !is_item && !is_list_item(&body[cur.clone()]) => {
                cur.end = range.end;
            }
            _ => {
                spans.extend(current.take());
                current = Some(range);
            }
        }
    }
    spans.extend(current);
    spans
        .into_iter()
        .enumerate()
        .map(|(index, span)| Paragraph { index, span })
        .collect()
}

fn is_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('*' | '-' | '•' | '–' | '·') => chars.next().is_some_and(char::is_whitespace),
        _ => false,
    }
}

/// All documents of a folder, with what went wrong.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The folder as the user gave it, or [`SAMPLE_ROOT`].
    pub root: String,
    /// The documents, sorted by path.
    pub documents: Vec<Document>,
    /// Folder-level warnings: skipped files and folders.
    pub warnings: Vec<String>,
    /// Lexicon files found at the folder's top level or in its `.parallax/`: `(name, text)`.
    pub lexicon_files: Vec<(String, String)>,
    /// The lexicon compiled from them, made on first use by [`Corpus::lexicon`] and shared by
    /// the corpus's clones (`..Corpus::default()` starts without one).
    pub lexicon_cache: LexiconCache,
}

/// A corpus's compiled lexicon with a hash of the files it was compiled from (so a change of
/// [`Corpus::lexicon_files`] is never answered from the cache).
#[derive(Debug, Clone, Default)]
pub struct LexiconCache(Arc<OnceLock<(u64, Arc<Lexicon>)>>);

fn lexicon_key(files: &[(String, String)]) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for (name, text) in files {
        hasher.update(&(name.len() as u64).to_le_bytes());
        hasher.update(name.as_bytes());
        hasher.update(&(text.len() as u64).to_le_bytes());
        hasher.update(text.as_bytes());
    }
    hasher.digest()
}

impl Corpus {
    /// The bundled vocabulary extended by the folder's own lexicon files: compiled (YAML
    /// parsed, patterns built) once per corpus, then shared.
    pub fn lexicon(&self) -> Arc<Lexicon> {
        let key = lexicon_key(&self.lexicon_files);
        let compile = || Arc::new(Lexicon::with_extensions(&self.lexicon_files));
        let (cached_key, lexicon) = self.lexicon_cache.0.get_or_init(|| (key, compile()));
        if *cached_key == key {
            lexicon.clone()
        } else {
            compile()
        }
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
}

/// The stable id of a document at a relative path.
pub fn document_id(path: &str) -> String {
    format!("d-{:016x}", xxhash_rust::xxh3::xxh3_64(path.as_bytes()))
}

/// What kind of article file a path is, by extension; `None` for anything else.
fn plain_format(path: &Path) -> Option<SourceFormat> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("txt" | "text") => Some(SourceFormat::Plain),
        Some("md" | "markdown") => Some(SourceFormat::Markdown),
        Some("html" | "htm" | "xhtml") => Some(SourceFormat::Html),
        _ => None,
    }
}

/// Reads one article from its bytes. `path` is relative to the corpus root.
///
/// Errors are the reason the file is skipped (binary, empty).
pub fn read_document(path: &str, bytes: &[u8], lexicon: &Lexicon) -> Result<Document, String> {
    let kind = plain_format(Path::new(path)).unwrap_or(SourceFormat::Plain);
    let decoded = decode::decode_bytes(bytes).map_err(|e| e.to_string())?;
    let mut warnings: Vec<String> = decoded.warning.into_iter().collect();
    let (format, meta, body) = match kind {
        SourceFormat::Html => {
            if let Some(why) = markup::html_hazard(&decoded.text) {
                return Err(why);
            }
            let page = formats::webpage::read_page(&decoded.text);
            warnings.extend(page.warnings);
            (SourceFormat::Html, page.meta, page.body)
        }
        _ => {
            let split = front_matter::split(&decoded.text, kind);
            warnings.extend(split.warnings);
            let rest = &decoded.text[split.body_start..];
            let mut meta = split.meta;
            let body = if kind == SourceFormat::Markdown {
                let (h1, text) = markup::markdown_to_text(rest);
                if meta.title.is_none() {
                    meta.title = h1;
                }
                text
            } else {
                decode::decode_entities(rest)
            };
            (split.format, meta, body)
        }
    };
    let extracted = formats::Extracted {
        meta,
        body,
        warnings,
        keep_empty: false,
    };
    finish(path, format, extracted, decoded.encoding, lexicon)
}

/// Reads one file from its bytes: its documents, with the path each is shown under (a
/// mailbox holds several, an e-mail's attached articles are documents of their own), or
/// the reason each is skipped. `path` is relative to the corpus root.
pub fn read_file(path: &str, bytes: &[u8], lexicon: &Lexicon) -> Vec<formats::Read> {
    match formats::Kind::of(path) {
        Some(kind) => formats::read(path, bytes, kind, lexicon),
        None => vec![(path.to_string(), read_document(path, bytes, lexicon))],
    }
}

/// Makes a [`Document`] of extracted text: the byline or date line, a date from the file
/// name, the title, the publisher and its evidence. Errors when no text is left.
pub(crate) fn finish(
    path: &str,
    format: SourceFormat,
    extracted: formats::Extracted,
    encoding: &'static str,
    lexicon: &Lexicon,
) -> Result<Document, String> {
    let formats::Extracted {
        mut meta,
        body,
        mut warnings,
        keep_empty,
    } = extracted;
    let mut body = trim_body(body);
    // a document without text only when its format keeps one and says why
    if body.is_empty() && (!keep_empty || warnings.is_empty()) {
        return Err("no text after the metadata".to_string());
    }
    let known = |name: &str| publisher::outlet_named(name, lexicon).is_some();
    if let Some(b) = byline::find(&body, &known) {
        if meta.published.is_none()
            && let Some(date) = b.published
        {
            meta.published = Some(date);
            meta.published_from = Some(format!("byline: “{}”", b.line));
        }
        body = set_apart(&body, b.span);
    }
    date_from_file_name(path, &mut meta, &mut warnings);
    let title = meta
        .title
        .as_deref()
        .filter(|t| !t.is_empty())
        .map(|t| cut_at_word(t, MAX_TITLE_CHARS))
        .unwrap_or_else(|| first_line_title(&body, lexicon));
    let title = if title.is_empty() {
        file_stem(path)
    } else {
        title
    };
    let publisher = publisher::find(path, &meta, &body, lexicon);
    Ok(Document {
        id: document_id(path),
        path: path.to_string(),
        format,
        meta,
        title,
        body,
        encoding,
        publisher,
        warnings,
    })
}

/// The last part of a path without its extension: the title of a document without text.
fn file_stem(path: &str) -> String {
    let name = path.rsplit(['/', '#']).next().unwrap_or(path);
    name.rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .to_string()
}

/// A line of the body made a paragraph of its own: when the body separates paragraphs
/// with blank lines and the line shares one with its neighbours (a headline, then a
/// byline), blank lines are put around it. Only line breaks are added.
fn set_apart(body: &str, span: Range<usize>) -> String {
    let blank_separated = body.contains("\n\n") || body.contains("\n \n");
    if !blank_separated {
        return body.to_string();
    }
    let head = body[..span.start].trim_end();
    let tail = body[span.end..].trim_start();
    let mut out = String::with_capacity(body.len() + 4);
    out.push_str(head);
    if !head.is_empty() {
        out.push_str("\n\n");
    }
    out.push_str(&body[span]);
    if !tail.is_empty() {
        out.push_str("\n\n");
        out.push_str(tail);
    }
    out
}

/// The date a file name starts with (`2021-03-04_…`), as the last fallback: the date when
/// the document gives none, or the day inside a month or year it gives (`October 2018` in
/// the text, `2018-10-11_…` as the name). Either way a warning says so.
fn date_from_file_name(path: &str, meta: &mut Metadata, warnings: &mut Vec<String>) {
    let Some(named) = dates::from_file_name(path) else {
        return;
    };
    match meta.published {
        None => {
            meta.published = Some(named);
            meta.published_from = Some("file name".to_string());
            warnings.push(format!(
                "the publication date {} is taken from the file name: the text and its metadata give none",
                named.to_iso()
            ));
        }
        Some(given) => {
            if let Some(finer) = given.refined_by(named) {
                meta.published = Some(finer);
                let from = meta
                    .published_from
                    .take()
                    .unwrap_or_else(|| "metadata".into());
                meta.published_from = Some(format!("file name, within {from}"));
                warnings.push(format!(
                    "the publication date {} is the file name's, inside the {} the document gives",
                    finer.to_iso(),
                    given.to_iso()
                ));
            }
        }
    }
}

/// Drops leading blank lines and trailing whitespace; keeps a single final newline off.
fn trim_body(body: String) -> String {
    let start = body.len() - body.trim_start_matches(['\n', '\r']).len();
    body[start..].trim_end().to_string()
}

/// The first line of the body that is not a caption or site furniture, cut to 120 characters.
fn first_line_title(body: &str, lexicon: &Lexicon) -> String {
    let furniture = |l: &str| {
        let bp = &lexicon.boilerplate;
        bp.captions
            .iter()
            .chain(&bp.furniture)
            .any(|re| re.is_match(l))
    };
    let mut lines = body.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.clone().next().unwrap_or("");
    let line = lines.find(|l| !furniture(l)).unwrap_or(first);
    cut_at_word(line, 120)
}

/// `text` when it has at most `max` characters, else cut at a word to fewer, with `…`.
fn cut_at_word(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(3)).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => format!("{cut}…"),
    }
}

/// Checks that `dir` is a folder that can be listed.
pub fn check_folder(dir: &Path) -> Result<(), LoadError> {
    let meta = std::fs::metadata(dir).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::Missing(dir.to_path_buf()),
        _ => LoadError::Unreadable {
            path: dir.to_path_buf(),
            source: e,
        },
    })?;
    if !meta.is_dir() {
        return Err(LoadError::NotAFolder(dir.to_path_buf()));
    }
    std::fs::read_dir(dir).map_err(|e| LoadError::Unreadable {
        path: dir.to_path_buf(),
        source: e,
    })?;
    Ok(())
}

/// Loads every article under `dir`.
///
/// Hidden folders and files, link loops, files over the size limit, binary and unreadable
/// files, special files (pipes, devices), folders deeper than the depth limit, and files of
/// other types are skipped with a warning each; a file whose name is not valid UTF-8 is read
/// under an escaped name (`\xFF`), with a warning. Lexicon files (`topics.yaml`, …) at the
/// top level or in `.parallax/` extend the vocabulary. No file is read into memory beyond
/// [`LoadOptions::max_file_bytes`].
pub fn load(dir: &Path, options: &LoadOptions) -> Result<Corpus, LoadError> {
    load_with(dir, options, &Progress::new())
}

/// [`load`], counting the files read in `progress` ([`Stage::Loading`]) and stopping with
/// [`LoadError::Cancelled`] between two files once it is cancelled.
pub fn load_with(
    dir: &Path,
    options: &LoadOptions,
    progress: &Progress,
) -> Result<Corpus, LoadError> {
    progress.start(Stage::Loading, 0);
    let mut laps = crate::timing::Laps::start("load");
    check_folder(dir)?;
    let mut corpus = Corpus {
        root: dir.display().to_string(),
        ..Corpus::default()
    };
    for name in LEXICON_FILES {
        for candidate in [dir.join(name), dir.join(".parallax").join(name)] {
            let shown = relative(dir, &candidate);
            match read_lexicon_file(&candidate) {
                Ok(Some(text)) => corpus.lexicon_files.push((name.to_string(), text)),
                Ok(None) => {}
                Err(why) => corpus
                    .warnings
                    .push(format!("ignored vocabulary file {shown}: {why}")),
            }
        }
    }
    let lexicon = corpus.lexicon();
    corpus.warnings.extend(lexicon.warnings.iter().cloned());

    laps.lap("lexicon");
    let mut walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    let mut files: Vec<(String, PathBuf, Option<String>)> = Vec::new();
    let mut found = 0usize;
    let (mut total, mut over_total) = (0u64, 0usize);
    let mut names = std::collections::HashSet::new();
    while let Some(entry) = walker.next() {
        if progress.is_cancelled() {
            return Err(LoadError::Cancelled);
        }
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                corpus.warnings.push(walk_warning(dir, &e));
                continue;
            }
        };
        let rel = relative(dir, entry.path());
        let is_dir = entry.file_type().is_dir();
        if entry.depth() > 0 && is_hidden(entry.file_name()) {
            // hidden folders are not read (our own `.parallax` silently); hidden files quietly
            if is_dir {
                if entry.file_name() != ".parallax" {
                    corpus.warnings.push(format!("skipped {rel}: hidden"));
                }
                walker.skip_current_dir();
            }
            continue;
        }
        if is_dir {
            if formats::webpage::is_saved_page_folder(entry.path()) {
                // a browser's `page_files/` beside `page.html`: images, scripts, styles
                walker.skip_current_dir();
                continue;
            }
            if entry.depth() > options.max_depth {
                corpus.warnings.push(format!(
                    "skipped {rel}: more than {} folders deep (the depth limit)",
                    options.max_depth
                ));
                walker.skip_current_dir();
            }
            continue;
        }
        if entry.depth() == 1 && LEXICON_FILES.contains(&rel.as_str()) {
            continue;
        }
        if plain_format(entry.path()).is_none() && formats::Kind::of(&rel).is_none() {
            let lexicon_like = rel.ends_with(".yaml") || rel.ends_with(".yml");
            if !lexicon_like {
                corpus.warnings.push(format!(
                    "skipped {rel}: not an article type (.txt, .md, .html, .pdf, .docx, .odt, .eml, .mbox, .mhtml)"
                ));
            }
            continue;
        }
        if !entry.file_type().is_file() {
            // a pipe would block the read, a device (`/dev/zero`) never end it
            corpus
                .warnings
                .push(format!("skipped {rel}: not a regular file"));
            continue;
        }
        // the size on disk decides before a byte is read
        let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
        if size > options.max_file_bytes {
            corpus.warnings.push(format!(
                "skipped {rel}: {size} bytes is over the {} byte limit",
                options.max_file_bytes
            ));
            continue;
        }
        if !names.insert(rel.clone()) {
            corpus.warnings.push(format!(
                "skipped {rel}: its name, shown escaped, is the same as another file's"
            ));
            continue;
        }
        found += 1;
        if files.len() >= options.max_documents {
            continue;
        }
        if over_total > 0 || total + size > options.max_total_bytes {
            over_total += 1;
            continue;
        }
        total += size;
        let name_warning = name_warning(dir, entry.path());
        files.push((rel, entry.into_path(), name_warning));
    }
    if over_total > 0 {
        corpus.warnings.push(format!(
            "read the first {} files ({total} bytes): {over_total} more would pass the {} byte total limit",
            files.len(),
            options.max_total_bytes
        ));
    }
    if found > options.max_documents {
        corpus.warnings.push(format!(
            "read the first {} of {} files: the document limit",
            options.max_documents, found
        ));
    }
    laps.lap("folder walked");
    // files are read and decoded independently, in parallel; what each gives is taken in
    // the walk's order
    progress.start(Stage::Loading, files.len());
    let read: Vec<Vec<Result<Document, String>>> = {
        use rayon::prelude::*;
        files
            .into_par_iter()
            .map(|(rel, path, name_warning)| {
                if progress.is_cancelled() {
                    return Vec::new();
                }
                progress.advance();
                match read_bounded(&path, options.max_file_bytes) {
                    Ok(Some(bytes)) => read_file(&rel, &bytes, &lexicon)
                        .into_iter()
                        .map(|(shown, read)| match read {
                            Ok(mut doc) => {
                                doc.warnings.splice(0..0, name_warning.clone());
                                Ok(doc)
                            }
                            Err(why) => Err(format!("skipped {shown}: {why}")),
                        })
                        .collect(),
                    Ok(None) => vec![Err(format!(
                        "skipped {rel}: grew over the {} byte limit while being read",
                        options.max_file_bytes
                    ))],
                    Err(e) => vec![Err(format!("skipped {rel}: cannot read: {e}"))],
                }
            })
            .collect()
    };
    laps.lap("files read");
    if progress.is_cancelled() {
        return Err(LoadError::Cancelled);
    }
    for item in read.into_iter().flatten() {
        match item {
            Ok(doc) => corpus.documents.push(doc),
            Err(warning) => corpus.warnings.push(warning),
        }
    }
    corpus.documents.sort_by(|a, b| a.path.cmp(&b.path));
    laps.lap("gathered");
    Ok(corpus)
}

/// Reads at most `limit` bytes of a file: `None` when it holds more (it grew after its size
/// was checked), so memory never holds more than the limit.
fn read_bounded(path: &Path, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// A lexicon file's text: `None` when there is none, an error when it cannot be used (not a
/// regular file, over [`MAX_LEXICON_BYTES`], not UTF-8, YAML too deeply nested to parse
/// safely).
fn read_lexicon_file(path: &Path) -> Result<Option<String>, String> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(None);
    };
    if !meta.is_file() {
        return Err("not a regular file".to_string());
    }
    if meta.len() > MAX_LEXICON_BYTES {
        return Err(format!(
            "{} bytes is over the {MAX_LEXICON_BYTES} byte limit",
            meta.len()
        ));
    }
    let bytes = read_bounded(path, MAX_LEXICON_BYTES)
        .map_err(|e| format!("cannot read: {e}"))?
        .ok_or_else(|| format!("grew over the {MAX_LEXICON_BYTES} byte limit"))?;
    let text = String::from_utf8(bytes).map_err(|_| "not valid UTF-8".to_string())?;
    if let Some(why) = front_matter::yaml_hazard(&text) {
        return Err(why);
    }
    Ok(Some(text))
}

/// The warning for a file whose path below `root` is not valid UTF-8 (or holds control
/// characters), shown under its escaped name.
fn name_warning(root: &Path, path: &Path) -> Option<String> {
    let below = path.strip_prefix(root).unwrap_or(path);
    let clean = below
        .to_str()
        .is_some_and(|n| !n.chars().any(char::is_control));
    (!clean).then(|| {
        "the file name is not valid UTF-8 or holds control characters: shown escaped".to_string()
    })
}

/// The sample corpus compiled into the binary.
pub fn bundled_sample() -> Corpus {
    let lexicon = Lexicon::bundled();
    let mut corpus = Corpus {
        root: SAMPLE_ROOT.to_string(),
        ..Corpus::default()
    };
    let mut files: Vec<_> = SAMPLE.files().collect();
    files.sort_by_key(|f| f.path().to_path_buf());
    for file in files {
        let rel = file.path().to_string_lossy().replace('\\', "/");
        // the sample's own story words (topics.yaml, compare.yaml) extend the vocabulary
        if LEXICON_FILES.contains(&rel.as_str()) {
            let text = String::from_utf8_lossy(file.contents()).into_owned();
            corpus.lexicon_files.push((rel, text));
            continue;
        }
        for (shown, read) in read_file(&rel, file.contents(), &lexicon) {
            match read {
                Ok(doc) => corpus.documents.push(doc),
                Err(why) => corpus.warnings.push(format!("skipped {shown}: {why}")),
            }
        }
    }
    corpus
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().starts_with(b".")
}

/// `path` relative to `root`, `/` separators, printable: bytes that are not UTF-8 are
/// written `\xFF` and control characters `\u{a}`, so every name shows, on one line.
fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| printable(c.as_os_str()))
        .collect::<Vec<_>>()
        .join("/")
}

fn printable(name: &std::ffi::OsStr) -> String {
    let mut out = String::new();
    for chunk in name.as_encoded_bytes().utf8_chunks() {
        for c in chunk.valid().chars() {
            if c.is_control() {
                out.extend(c.escape_unicode());
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

fn walk_warning(root: &Path, e: &walkdir::Error) -> String {
    let path = e
        .path()
        .map(|p| relative(root, p))
        .unwrap_or_else(|| "?".to_string());
    if let Some(ancestor) = e.loop_ancestor() {
        let to = relative(root, ancestor);
        let to = if to.is_empty() {
            "the folder itself".to_string()
        } else {
            to
        };
        format!("skipped {path}: link loop back to {to}")
    } else if let Some(io) = e.io_error() {
        format!("skipped {path}: cannot read: {io}")
    } else {
        format!("skipped {path}: {e}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_blank_separated_with_list_items() {
        let body = "First line\ncontinues.\n\n * one\n * two\n\nLast.";
        let p: Vec<&str> = paragraphs(body)
            .iter()
            .map(|p| &body[p.span.clone()])
            .collect();
        assert_eq!(p, vec!["First line\ncontinues.", "* one", "* two", "Last."]);
    }

    #[test]
    fn paragraphs_one_per_line_without_blank_lines() {
        let body = "One.\nTwo “quoted”.\nThree.";
        let p: Vec<&str> = paragraphs(body)
            .iter()
            .map(|p| &body[p.span.clone()])
            .collect();
        assert_eq!(p, vec!["One.", "Two “quoted”.", "Three."]);
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        assert_eq!(document_id("a/b.txt"), document_id("a/b.txt"));
        assert_ne!(document_id("a/b.txt"), document_id("a/c.txt"));
        assert!(document_id("x").starts_with("d-"));
    }

    #[test]
    fn first_line_title_is_cut_at_a_word() {
        let long = "word ".repeat(40);
        let t = first_line_title(&long, &Lexicon::bundled());
        assert!(t.ends_with('…') && t.chars().count() <= 120, "{t}");
        let t = first_line_title("Image caption A ship\nShips return.", &Lexicon::bundled());
        assert_eq!(t, "Ships return.");
    }
}
