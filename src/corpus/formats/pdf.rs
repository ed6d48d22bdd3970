//! PDF documents (`.pdf`), read through their text layer with lopdf (pure Rust).
//!
//! Each page's content stream is followed ([`super::pdf_layout`], [`super::pdf_paragraphs`]): where each run of text
//! is drawn, so lines and paragraphs come out in the order they are drawn (which is
//! reading order for the PDFs word processors write), hyphenation at line ends undone, and
//! the running headers, footers and page numbers that repeat on the pages dropped. The
//! title, author and creation date come from the document information (or, without it,
//! the XMP metadata). A PDF with no text layer (a scan) or one that is encrypted loads as
//! a document without text and a warning saying why.
//!
//! Limits: at most [`MAX_OBJECTS`] objects are loaded (the rest are refused while the
//! file is parsed, so a PDF of a million objects costs no more), [`MAX_PAGES`] pages read,
//! and no stream inflates past [`MAX_STREAM_BYTES`].

use std::cell::Cell;
use std::collections::BTreeMap;

use lopdf::{Document, LoadOptions, Object};

use super::Extracted;
use super::pdf_layout::{self, PageText};
use super::pdf_paragraphs;
use crate::corpus::dates::{Published, parse_published};

/// A PDF holding more objects than this is refused (a press release has a few hundred).
pub const MAX_OBJECTS: usize = 100_000;
/// Pages past this many are not read (a warning says so).
pub const MAX_PAGES: usize = 2_000;
/// No stream (page content, font map, object stream) is inflated past this many bytes.
pub const MAX_STREAM_BYTES: usize = 16 * 1024 * 1024;
/// Text past this many bytes is not read (a warning says so).
pub const MAX_TEXT_BYTES: usize = 16 * 1024 * 1024;

/// The warning of a PDF without a text layer.
pub const NO_TEXT_LAYER: &str = "no text layer: scanned PDFs need OCR, which Parallax does not do";

thread_local! {
    /// Objects loaded so far by this thread's current PDF.
    static OBJECTS: Cell<usize> = const { Cell::new(0) };
}

/// Counts each object as the parser meets it and refuses those past [`MAX_OBJECTS`].
///
/// lopdf keeps its own copy of a top-level object and uses what this returns only for the
/// members of object streams, which are never streams: so a stream is not copied.
fn count_object(id: (u32, u16), object: &mut Object) -> Option<((u32, u16), Object)> {
    let n = OBJECTS.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    if n > MAX_OBJECTS {
        return None;
    }
    match object {
        Object::Stream(_) => Some((id, Object::Null)),
        other => Some((id, other.clone())),
    }
}

/// Reads a PDF's text layer and its metadata.
pub fn read(bytes: &[u8]) -> Result<Extracted, String> {
    let head = &bytes[..bytes.len().min(1024)];
    if memchr::memmem::find(head, b"%PDF-").is_none() {
        return Err("not a PDF (no %PDF- header)".to_string());
    }
    OBJECTS.with(|c| c.set(0));
    let options = LoadOptions {
        filter: Some(count_object),
        max_decompressed_size: Some(MAX_STREAM_BYTES),
        ..LoadOptions::default()
    };
    let loaded = Document::load_mem_with_options(bytes, options);
    let objects = OBJECTS.with(Cell::get);
    if objects > MAX_OBJECTS {
        return Err(format!(
            "a PDF of more than {MAX_OBJECTS} objects (the limit): not read"
        ));
    }
    let doc = match loaded {
        Ok(doc) => doc,
        Err(e) if is_encryption_error(&e) => return Ok(encrypted()),
        Err(e) => return Err(format!("a damaged PDF: {e}")),
    };
    if doc.is_encrypted() {
        return Ok(encrypted());
    }
    let mut warnings = Vec::new();
    let pages = doc.get_pages();
    if pages.len() > MAX_PAGES {
        warnings.push(format!(
            "only the first {MAX_PAGES} of its {} pages are read",
            pages.len()
        ));
    }
    let mut texts: Vec<PageText> = Vec::new();
    let mut size = 0usize;
    let mut failed = 0usize;
    for (_, page_id) in pages.iter().take(MAX_PAGES) {
        match pdf_layout::page_text(&doc, *page_id, MAX_STREAM_BYTES) {
            Ok(page) => {
                size += page.lines.iter().map(|l| l.text.len()).sum::<usize>();
                texts.push(page);
            }
            Err(_) => {
                failed += 1;
                texts.push(PageText::default());
            }
        }
        if size > MAX_TEXT_BYTES {
            warnings.push(format!(
                "only the first {MAX_TEXT_BYTES} bytes of its text are read"
            ));
            break;
        }
    }
    if failed > 0 {
        warnings.push(format!(
            "{failed} of its pages could not be read (damaged content): left out"
        ));
    }
    let laid = pdf_paragraphs::paragraphs(&texts);
    if laid.dropped > 0 {
        warnings.push(format!(
            "left out {} running header, footer and page-number lines",
            laid.dropped
        ));
    }
    let body = super::join_paragraphs(&laid.paragraphs, false);
    let empty = body.trim().is_empty();
    if empty && failed > 0 && failed == texts.len() {
        return Err(format!(
            "a damaged PDF: none of its {failed} pages could be read"
        ));
    }
    if pages.is_empty() {
        warnings.push("a PDF without pages".to_string());
    } else if empty && failed == 0 {
        warnings.push(NO_TEXT_LAYER.to_string());
    }
    Ok(Extracted {
        meta: metadata(&doc),
        body,
        warnings,
        keep_empty: empty,
    })
}

fn is_encryption_error(e: &lopdf::Error) -> bool {
    let text = format!("{e:?}").to_ascii_lowercase();
    text.contains("decrypt") || text.contains("encrypt") || text.contains("password")
}

/// The document of an encrypted PDF: no text, a warning.
fn encrypted() -> Extracted {
    Extracted {
        warnings: vec![
            "encrypted: the PDF needs a password or permission to read its text, which Parallax does not have"
                .to_string(),
        ],
        keep_empty: true,
        ..Extracted::default()
    }
}

/// Title, author and dates from the document information dictionary, or the XMP
/// metadata stream when that gives what the dictionary lacks.
fn metadata(doc: &Document) -> crate::corpus::Metadata {
    let mut fields: BTreeMap<String, String> = BTreeMap::new();
    let info = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok());
    if let Some(info) = info {
        for (key, name) in [
            (&b"Title"[..], "title"),
            (b"Author", "author"),
            (b"CreationDate", "created"),
            (b"ModDate", "modified"),
            (b"Subject", "subject"),
        ] {
            let value = info
                .get(key)
                .ok()
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| lopdf::decode_text_string(o).ok())
                .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|v| !v.is_empty());
            if let Some(v) = value {
                fields.insert(format!("pdf.{name}"), v);
            }
        }
    }
    let xmp = xmp(doc);
    for (key, value) in xmp {
        let name = match key.as_str() {
            "CreateDate" => "created",
            "ModifyDate" => "modified",
            "creator" => "author",
            other => other,
        };
        fields.entry(format!("pdf.{name}")).or_insert(value);
    }
    let mut meta = crate::corpus::Metadata {
        title: fields.get("pdf.title").cloned(),
        ..Default::default()
    };
    for key in ["pdf.created", "pdf.modified"] {
        if let Some(date) = fields.get(key).and_then(|d| pdf_date(d)) {
            meta.published = Some(date);
            meta.published_from = Some(format!("PDF metadata: {}", key.trim_start_matches("pdf.")));
            break;
        }
    }
    meta.fields = fields;
    meta
}

/// The XMP metadata's title, creator and dates.
fn xmp(doc: &Document) -> Vec<(String, String)> {
    let stream = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Metadata").ok())
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_stream().ok());
    let Some(stream) = stream else {
        return Vec::new();
    };
    let bytes = stream
        .get_plain_content_with_limit(MAX_STREAM_BYTES)
        .unwrap_or_else(|_| stream.content.clone());
    let xml = String::from_utf8_lossy(&bytes);
    super::xml::properties(&xml, &["title", "creator", "CreateDate", "ModifyDate"])
}

/// A PDF date (`D:20230304091500+00'00'`, or ISO 8601 from XMP).
fn pdf_date(raw: &str) -> Option<Published> {
    let Some(digits) = raw.strip_prefix("D:") else {
        return parse_published(raw);
    };
    let digits: String = digits.chars().take_while(char::is_ascii_digit).collect();
    let num = |r: std::ops::Range<usize>, default: u32| {
        digits
            .get(r)
            .and_then(|s| s.parse::<u32>().ok())
            .unwrap_or(default)
    };
    let year = digits.get(0..4)?.parse::<i32>().ok()?;
    let date = chrono::NaiveDate::from_ymd_opt(year, num(4..6, 1), num(6..8, 1))?;
    if digits.len() < 6 {
        return Some(Published::Year(year));
    }
    if digits.len() < 8 {
        return Some(Published::Month {
            year,
            month: num(4..6, 1),
        });
    }
    if digits.len() >= 12 {
        let time = chrono::NaiveTime::from_hms_opt(num(8..10, 0), num(10..12, 0), num(12..14, 0))?;
        Some(Published::DateTime(date.and_time(time)))
    } else {
        Some(Published::Date(date))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates() {
        assert_eq!(
            pdf_date("D:20230304091500+00'00'")
                .map(|d| d.to_iso())
                .as_deref(),
            Some("2023-03-04T09:15:00")
        );
        assert_eq!(
            pdf_date("D:20230304").map(|d| d.to_iso()).as_deref(),
            Some("2023-03-04")
        );
        assert_eq!(
            pdf_date("2023-03-04T09:15:00Z")
                .map(|d| d.to_iso())
                .as_deref(),
            Some("2023-03-04T09:15:00")
        );
        assert_eq!(pdf_date("D:2023-bad"), Some(Published::Year(2023)));
        assert_eq!(
            pdf_date("D:202303").map(|d| d.to_iso()).as_deref(),
            Some("2023-03")
        );
        assert_eq!(pdf_date("D:bad"), None);
        assert_eq!(pdf_date("D:20231399"), None);
    }

    /// A PDF of these objects (the first the catalog), with its cross-reference table.
    fn tiny_pdf(objects: &[Vec<u8>]) -> Vec<u8> {
        let mut out = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend_from_slice(o);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        let n = objects.len() + 1;
        out.extend_from_slice(format!("xref\n0 {n}\n0000000000 65535 f \n").as_bytes());
        for o in offsets {
            out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        let tail = format!("trailer\n<< /Size {n} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        out.extend_from_slice(tail.as_bytes());
        out
    }

    #[test]
    fn no_pages_and_unreadable_pages() {
        let catalog = b"<< /Type /Catalog /Pages 2 0 R >>".to_vec();
        let none = tiny_pdf(&[
            catalog.clone(),
            b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec(),
        ]);
        let read_none = read(&none).unwrap();
        assert!(read_none.body.is_empty() && read_none.keep_empty);
        assert_eq!(read_none.warnings, vec!["a PDF without pages"]);
        // a page whose content nests arrays 100,000 deep: refused by the parser's own limit
        let deep = format!("BT /F1 10 Tf {} ET", "[".repeat(100_000));
        let mut stream = format!("<< /Length {} >>\nstream\n", deep.len()).into_bytes();
        stream.extend_from_slice(deep.as_bytes());
        stream.extend_from_slice(b"\nendstream");
        let damaged = tiny_pdf(&[
            catalog,
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>".to_vec(),
            stream,
        ]);
        assert_eq!(
            read(&damaged).unwrap_err(),
            "a damaged PDF: none of its 1 pages could be read"
        );
    }

    #[test]
    fn not_a_pdf() {
        assert!(read(b"hello").unwrap_err().contains("not a PDF"));
        assert!(read(b"%PDF-1.4\ngarbage").is_err());
    }
}
