//! Article files that are not plain text: PDF, Word and OpenDocument documents, e-mail
//! (one message, or a mailbox of many) and single-file saved web pages (`.mhtml`).
//!
//! Each format has its own module that turns the file's bytes into an [`Extracted`]: the
//! text in reading order with paragraphs separated by blank lines, and the metadata the
//! file carries (title, author, dates, the sender). The document store then reads that
//! text as it reads a `.txt` (bylines, date lines, the publisher's evidence). Every reader
//! has limits ([`ZIP_MAX_EXPANDED_BYTES`], [`pdf::MAX_OBJECTS`], …) and runs contained: a
//! panic in a parser costs the file, named in a warning, never the folder.
//!
//! Saved `.html` pages are read by [`webpage`] (main-content extraction) through the same
//! path as other HTML.

pub mod docx;
pub mod email;
pub mod make;
pub mod odt;
pub mod pdf;
mod pdf_fonts;
mod pdf_layout;
mod pdf_paragraphs;
mod vocab;
pub mod webpage;
mod xml;
mod zipped;

use std::path::Path;

use super::front_matter::Metadata;
use super::{Document, finish};
use crate::comparison::SourceFormat;
use crate::lexicon::Lexicon;
pub use zipped::{ZIP_MAX_ENTRIES, ZIP_MAX_EXPANDED_BYTES};

/// What a format reader found in a file, before the document store reads the text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    /// The metadata the file carries (title, url, date, site).
    pub meta: Metadata,
    /// The text, paragraphs separated by blank lines.
    pub body: String,
    /// Problems met, and what was left out.
    pub warnings: Vec<String>,
    /// Whether the file is a document even without text (a scanned or encrypted PDF):
    /// then its warnings say why there is none.
    pub keep_empty: bool,
}

/// The extensions of these formats, lower case (for a watcher of the folder's files).
pub const EXTENSIONS: &[&str] = &["pdf", "docx", "odt", "eml", "mbox", "mhtml", "mht"];

/// A file of one of these formats, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `.pdf`
    Pdf,
    /// `.docx`
    Docx,
    /// `.odt`
    Odt,
    /// `.eml`
    Eml,
    /// `.mbox`
    Mbox,
    /// `.mhtml`, `.mht`
    Mhtml,
}

impl Kind {
    /// The kind of a path, by its extension (any case); `None` for other files.
    pub fn of(path: &str) -> Option<Kind> {
        let ext = Path::new(path)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("pdf") => Some(Kind::Pdf),
            Some("docx") => Some(Kind::Docx),
            Some("odt") => Some(Kind::Odt),
            Some("eml") => Some(Kind::Eml),
            Some("mbox") => Some(Kind::Mbox),
            Some("mhtml" | "mht") => Some(Kind::Mhtml),
            _ => None,
        }
    }

    /// What its text is read as, shown where a text file shows its encoding.
    pub fn encoding(self) -> &'static str {
        match self {
            Kind::Pdf => "PDF text layer",
            Kind::Docx | Kind::Odt => "UTF-8 (XML)",
            Kind::Eml | Kind::Mbox | Kind::Mhtml => "MIME",
        }
    }

    /// The source format its documents show.
    pub fn format(self) -> SourceFormat {
        match self {
            Kind::Pdf => SourceFormat::Pdf,
            Kind::Docx => SourceFormat::Docx,
            Kind::Odt => SourceFormat::Odt,
            Kind::Eml | Kind::Mbox => SourceFormat::Email,
            Kind::Mhtml => SourceFormat::Mhtml,
        }
    }
}

/// One document read out of a file, or why it could not be: `(its path, the result)`.
/// A mailbox gives one per message (`inbox.mbox#2`), an e-mail one more per attached
/// article (`statement.eml/release.pdf`).
pub type Read = (String, Result<Document, String>);

/// Reads a file of a [`Kind`]: its documents, each finished by the document store. A
/// panic in a parser (a bug) is contained: the file is skipped with its message.
pub fn read(path: &str, bytes: &[u8], kind: Kind, lexicon: &Lexicon) -> Vec<Read> {
    use crate::contain::{catch, test_hook};
    let read = catch(|| {
        test_hook::check(test_hook::Stage::Format, [&path.to_string()]);
        read_uncontained(path, bytes, kind, lexicon, 0)
    });
    match read {
        Ok(read) => read,
        Err(why) => vec![(
            path.to_string(),
            Err(format!(
                "could not be read (a bug in the {} reader: {why})",
                kind.format().as_str()
            )),
        )],
    }
}

/// Attachments inside attachments are read this deep at most (an e-mail forwarded as an
/// attachment of an e-mail holding a PDF is depth 2).
pub const MAX_NESTING: usize = 3;

fn read_uncontained(
    path: &str,
    bytes: &[u8],
    kind: Kind,
    lexicon: &Lexicon,
    depth: usize,
) -> Vec<Read> {
    let one = |x: Result<Extracted, String>| {
        let doc = x.and_then(|x| finish(path, kind.format(), x, kind.encoding(), lexicon));
        vec![(path.to_string(), doc)]
    };
    match kind {
        Kind::Pdf => one(pdf::read(bytes)),
        Kind::Docx => one(docx::read(bytes)),
        Kind::Odt => one(odt::read(bytes)),
        Kind::Mhtml => one(webpage::read_mhtml(bytes)),
        Kind::Eml | Kind::Mbox => {
            let messages = if kind == Kind::Mbox {
                email::split_mbox(bytes)
            } else {
                Ok((vec![bytes.to_vec()], false))
            };
            let (messages, more) = match messages {
                Ok(m) => m,
                Err(why) => return vec![(path.to_string(), Err(why))],
            };
            let many = kind == Kind::Mbox;
            let mut out = Vec::new();
            if more {
                out.push((
                    format!("{path}#{}…", email::MAX_MESSAGES + 1),
                    Err(format!(
                        "the mailbox holds more than {} messages (the limit): the rest are not read",
                        email::MAX_MESSAGES
                    )),
                ));
            }
            for (i, raw) in messages.iter().enumerate() {
                let doc_path = if many {
                    format!("{path}#{}", i + 1)
                } else {
                    path.to_string()
                };
                let message = match email::read(raw, lexicon) {
                    Ok(m) => m,
                    Err(why) => {
                        out.push((doc_path, Err(why)));
                        continue;
                    }
                };
                let email::Message {
                    extracted,
                    attachments,
                } = message;
                out.push((
                    doc_path.clone(),
                    finish(&doc_path, SourceFormat::Email, extracted, "MIME", lexicon),
                ));
                for (name, data) in attachments {
                    let inner = format!("{doc_path}/{name}");
                    match Kind::of(&name) {
                        Some(k) if depth < MAX_NESTING => {
                            out.extend(read_uncontained(&inner, &data, k, lexicon, depth + 1));
                        }
                        Some(_) => out.push((
                            inner,
                            Err(format!(
                                "attachments nested more than {MAX_NESTING} deep are not read"
                            )),
                        )),
                        None => {}
                    }
                }
            }
            out
        }
    }
}

/// Joins paragraphs into a body: each trimmed, inner runs of whitespace made one space
/// (line breaks inside a paragraph kept when `keep_lines`), empty ones dropped, blank
/// lines between.
pub(crate) fn join_paragraphs<S: AsRef<str>>(paragraphs: &[S], keep_lines: bool) -> String {
    let mut out = String::new();
    for p in paragraphs {
        let text = if keep_lines {
            p.as_ref()
                .lines()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            p.as_ref().split_whitespace().collect::<Vec<_>>().join(" ")
        };
        if text.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_extension_in_any_case() {
        assert_eq!(Kind::of("a/B.PDF"), Some(Kind::Pdf));
        assert_eq!(Kind::of("x.docx"), Some(Kind::Docx));
        assert_eq!(Kind::of("x.Odt"), Some(Kind::Odt));
        assert_eq!(Kind::of("x.eml"), Some(Kind::Eml));
        assert_eq!(Kind::of("x.mbox"), Some(Kind::Mbox));
        assert_eq!(Kind::of("x.mht"), Some(Kind::Mhtml));
        assert_eq!(Kind::of("x.txt"), None);
        assert_eq!(Kind::of("pdf"), None);
        for ext in EXTENSIONS {
            assert!(Kind::of(&format!("a.{ext}")).is_some(), "{ext}");
        }
    }

    #[test]
    fn paragraphs_are_joined_with_blank_lines() {
        let body = join_paragraphs(&["  One\n two ", "", "Three\n\tfour"], false);
        assert_eq!(body, "One two\n\nThree four");
        let body = join_paragraphs(&["a\n b", "c"], true);
        assert_eq!(body, "a\nb\n\nc");
    }
}
