//! The REFI-QDA project export (`.qdpx`): the comparison as a coded project that MAXQDA,
//! NVivo, ATLAS.ti and QualCoder open.
//!
//! A `.qdpx` file is a ZIP holding `project.qde` (QDA-XML, namespace
//! `urn:QDA-XML:project:1.0`, checked against the standard's schema in the tests) and
//! `sources/`, one UTF-8 text file per document named by its GUID. In the project:
//!
//! | element | what |
//! |---|---|
//! | `Users` | the exporting user (the system's user name, or `Parallax`) |
//! | `CodeBook` | folders of codes: sides, topics, relations, reason kinds, a code per disputed claim group (named by its matter), verdicts and tags; colours from the sides and topics |
//! | `Variables` | Publisher, Published, URL, Path: each source's values |
//! | `Cases` | a case per side, holding every selection it claims |
//! | `Sources` | a `TextSource` per document with a `PlainTextSelection` per statement of a claim group, coded (see [`codebook::CodeBook::codes_of`]) |
//! | `Notes` | a note per annotated group (verdict, tags, note), referred to by its selections and its dispute code; orphaned notes too |
//! | `Sets` | a set per side of the documents it published |
//!
//! Selections count positions as the standard says: Unicode code points from 0, the end
//! position one past the last character (as the standard's own examples do); they are
//! converted from the statements' byte spans and checked against the text.
//!
//! Every GUID is derived from a Parallax id ([`guid`]), so exporting the same folder again
//! gives the same GUIDs and a package that merges projects replaces rather than duplicates.

pub mod codebook;
pub mod qde;
pub mod xml;

use std::collections::HashMap;
use std::io::Write as _;

use xxhash_rust::xxh3::xxh3_128;
use zip::write::SimpleFileOptions;

use super::Options;
use crate::comparison::Comparison;

/// The name of the project file inside the ZIP.
pub const PROJECT_FILE: &str = "project.qde";

/// What can stop a REFI-QDA export.
#[derive(Debug, thiserror::Error)]
pub enum QdpxError {
    /// The export was asked for without the documents' texts.
    #[error("the REFI-QDA export needs the documents' texts, and none were given")]
    NoTexts,
    /// A document of the comparison is not among the texts.
    #[error("the text of {0} is missing (was the folder changed since it was read?)")]
    MissingText(String),
    /// A statement's span does not hold its text in its document.
    #[error(
        "statement {statement} does not match the text of {document} at bytes {start}..{end} \
         (was the folder changed since it was read?)"
    )]
    Span {
        /// The statement's id.
        statement: String,
        /// The document's path.
        document: String,
        /// The span's first byte.
        start: usize,
        /// The span's end byte.
        end: usize,
    },
    /// Writing the ZIP failed.
    #[error("cannot write the ZIP: {0}")]
    Zip(#[from] zip::result::ZipError),
    /// Writing into the ZIP failed.
    #[error("cannot write the ZIP: {0}")]
    Io(#[from] std::io::Error),
}

/// A GUID derived from a Parallax id: a 128-bit hash of `kind` and `key` in the form the
/// standard asks for (`8-4-4-4-12` upper-case hex digits), marked as an RFC 9562 version 8
/// (custom) UUID. The same kind and key give the same GUID on every export.
///
/// ```
/// use parallax::export::qdpx::guid;
/// let a = guid("source", "d-1234");
/// assert_eq!(a, guid("source", "d-1234"));
/// assert_ne!(a, guid("group", "d-1234"));
/// assert_eq!(a.len(), 36);
/// assert_eq!(&a[14..15], "8");
/// ```
pub fn guid(kind: &str, key: &str) -> String {
    let mut bytes = xxh3_128(format!("parallax/{kind}/{key}").as_bytes()).to_be_bytes();
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02X}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// The exporting user's name: `USER`, `USERNAME` or `LOGNAME` from the environment, else
/// `Parallax`.
pub fn user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "Parallax".to_string())
}

/// The code point positions (as the standard counts them) of byte offsets into `text`:
/// a map from each offset to the number of characters before it, or the first offset that
/// is past the end or inside a character.
///
/// ```
/// let text = "£5 – “yes” 😀 done";
/// let start = text.find("done").unwrap();
/// let positions = parallax::export::qdpx::char_positions(text, &[start, text.len()]).unwrap();
/// assert_eq!(positions[&start], 13);
/// assert_eq!(positions[&text.len()], text.chars().count());
/// ```
pub fn char_positions(text: &str, offsets: &[usize]) -> Result<HashMap<usize, usize>, usize> {
    let mut sorted = offsets.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut positions = HashMap::with_capacity(sorted.len());
    let (mut byte, mut chars) = (0, 0);
    for offset in sorted {
        if !text.is_char_boundary(offset) {
            return Err(offset);
        }
        chars += text[byte..offset].chars().count();
        byte = offset;
        positions.insert(offset, chars);
    }
    Ok(positions)
}

/// The comparison (already narrowed by the filter) as a `.qdpx` file: `options.corpus`
/// gives the documents' texts, `options.topics` the topic labels and `options.orphans` the
/// notes whose groups are gone.
pub fn render(comparison: &Comparison, options: &Options) -> Result<Vec<u8>, QdpxError> {
    let corpus = options.corpus.as_ref().ok_or(QdpxError::NoTexts)?;
    let texts: HashMap<&str, &str> = corpus
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.body.as_str()))
        .collect();
    let mut sources = Vec::with_capacity(comparison.documents.len());
    for d in &comparison.documents {
        let text = texts
            .get(d.id.as_str())
            .ok_or_else(|| QdpxError::MissingText(d.path.clone()))?;
        sources.push(qde::Source { info: d, text });
    }
    let user = user_name();
    let project = qde::Project {
        comparison,
        sources: &sources,
        topics: &options.topics,
        orphans: &options.orphans,
        user: &user,
        filter: options.filter.describe(comparison, &options.columns),
        date: options.date.as_deref(),
    };
    let qde = qde::write(&project)?;

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // a fixed date in the entries (the ZIP default, 1980-01-01), so the same comparison
    // gives the same bytes
    let deflated = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    zip.start_file(PROJECT_FILE, deflated)?;
    zip.write_all(qde.as_bytes())?;
    for source in &sources {
        zip.start_file(
            format!("sources/{}", qde::source_file(source.info)),
            deflated,
        )?;
        zip.write_all(source.text.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}
