//! Files of every format written from one text: how the project's own test fixtures,
//! benchmark folders and fuzz seeds are made (no fixture is a real organisation's file).
//!
//! A [`Release`] (a headline, paragraphs, who issued it and when) is written as a `.txt`,
//! a PDF (wrapped lines, words hyphenated at line ends, a running header and page
//! numbers, the document information), a Word and an OpenDocument file (with their
//! properties), an e-mail (the text hard-wrapped as mail clients do, optionally with an
//! attachment), a saved web page with menus, a cookie notice, share buttons, related links
//! and comments around the article, and an `.mhtml` of that page.

use std::io::Write;

use chrono::NaiveDateTime;
use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};

/// A press release to write in each format.
#[derive(Debug, Clone)]
pub struct Release {
    /// The headline.
    pub title: String,
    /// The paragraphs after the headline.
    pub paragraphs: Vec<String>,
    /// The issuing organisation (the e-mail's sender, the page's site, the PDF's header).
    pub organisation: String,
    /// The author of the document's properties.
    pub author: String,
    /// The sender's address (`press@….example`).
    pub email: String,
    /// When it was issued.
    pub issued: NaiveDateTime,
}

/// How a PDF is laid out.
#[derive(Debug, Clone, Copy)]
pub struct PdfLayout {
    /// Characters on a line at most.
    pub chars_per_line: usize,
    /// Lines on a page at most.
    pub lines_per_page: usize,
}

impl Default for PdfLayout {
    fn default() -> Self {
        PdfLayout {
            chars_per_line: 80,
            lines_per_page: 40,
        }
    }
}

impl Release {
    /// The plain text: the headline, then the paragraphs, blank lines between.
    pub fn text(&self) -> String {
        let mut out = self.title.clone();
        for p in &self.paragraphs {
            out.push_str("\n\n");
            out.push_str(p);
        }
        out.push('\n');
        out
    }

    /// A PDF of the release (Helvetica, WinAnsi encoding, compressed streams).
    pub fn pdf(&self, layout: PdfLayout) -> Vec<u8> {
        // (text, font size, space before) of each line
        let mut lines: Vec<(String, f64, f64)> = vec![(self.title.clone(), 16.0, 0.0)];
        for p in &self.paragraphs {
            for (i, l) in wrap(p, layout.chars_per_line, true).into_iter().enumerate() {
                lines.push((l, 10.0, if i == 0 { 8.0 } else { 0.0 }));
            }
        }
        let pages: Vec<&[(String, f64, f64)]> =
            lines.chunks(layout.lines_per_page.max(1)).collect();
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let font_id = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
            "Encoding" => "WinAnsiEncoding",
        });
        let resources_id =
            doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
        let mut kids = Vec::new();
        let header = format!("{} — news release", self.organisation);
        for (n, page) in pages.iter().enumerate() {
            let mut ops = Vec::new();
            let mut put = |text: &str, size: f64, x: f64, y: f64| {
                ops.push(Operation::new("BT", vec![]));
                ops.push(Operation::new("Tf", vec!["F1".into(), size.into()]));
                ops.push(Operation::new("Td", vec![x.into(), y.into()]));
                ops.push(Operation::new(
                    "Tj",
                    vec![Object::string_literal(win_ansi(text))],
                ));
                ops.push(Operation::new("ET", vec![]));
            };
            put(&header, 8.0, 72.0, 800.0);
            let mut y = 760.0;
            for (text, size, before) in page.iter() {
                y -= before + size * 1.25;
                put(text, *size, 72.0, y);
            }
            put(
                &format!("Page {} of {}", n + 1, pages.len()),
                8.0,
                280.0,
                40.0,
            );
            let content = Content { operations: ops }.encode().unwrap_or_default();
            let content_id = doc.add_object(Stream::new(dictionary! {}, content));
            kids.push(Object::Reference(doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            })));
        }
        let count = kids.len() as i64;
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => kids, "Count" => count,
                "Resources" => resources_id,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            }),
        );
        let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        let date = format!("D:{}Z", self.issued.format("%Y%m%d%H%M%S"));
        let info_id = doc.add_object(dictionary! {
            "Title" => lopdf::text_string(&self.title),
            "Author" => lopdf::text_string(&self.author),
            "CreationDate" => Object::string_literal(date),
            "Producer" => Object::string_literal("parallax fixtures"),
        });
        doc.trailer.set("Root", catalog_id);
        doc.trailer.set("Info", info_id);
        doc.compress();
        let mut out = Vec::new();
        doc.save_to(&mut out).expect("writing to memory");
        out
    }

    /// A Word document: the headline in the Title style, the paragraphs, the properties.
    pub fn docx(&self) -> Vec<u8> {
        let mut body = para_xml("w", &self.title, Some("Title"));
        for p in &self.paragraphs {
            body.push_str(&para_xml("w", p, None));
        }
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr/></w:body></w:document>"#
        );
        let iso = self.issued.format("%Y-%m-%dT%H:%M:%SZ");
        let core = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{iso}</dcterms:modified></cp:coreProperties>"#,
            escape(&self.title),
            escape(&self.author)
        );
        zip_of(&[
            ("[Content_Types].xml", CONTENT_TYPES.to_string()),
            ("_rels/.rels", RELS.to_string()),
            ("word/document.xml", document),
            ("docProps/core.xml", core),
        ])
    }

    /// An OpenDocument text: the headline as a level-one heading, the paragraphs, `meta.xml`.
    pub fn odt(&self) -> Vec<u8> {
        let mut body = format!(
            r#"<text:h text:outline-level="1">{}</text:h>"#,
            escape(&self.title)
        );
        for p in &self.paragraphs {
            body.push_str(&format!("<text:p>{}</text:p>", escape(p)));
        }
        let content = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
        );
        let iso = self.issued.format("%Y-%m-%dT%H:%M:%S");
        let meta = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"><office:meta><dc:title>{}</dc:title><meta:initial-creator>{}</meta:initial-creator><meta:creation-date>{iso}</meta:creation-date><dc:date>{iso}</dc:date></office:meta></office:document-meta>"#,
            escape(&self.title),
            escape(&self.author)
        );
        zip_of(&[
            (
                "mimetype",
                "application/vnd.oasis.opendocument.text".to_string(),
            ),
            ("META-INF/manifest.xml", ODT_MANIFEST.to_string()),
            ("content.xml", content),
            ("meta.xml", meta),
        ])
    }

    /// An e-mail from the organisation's press office: the headline as its subject, the
    /// release as its text (lines wrapped at 72 characters), with an attachment if given.
    pub fn eml(&self, attachment: Option<(&str, &[u8])>) -> Vec<u8> {
        let mut text = String::new();
        for p in std::iter::once(&self.title).chain(&self.paragraphs) {
            text.push_str(&wrap(p, 72, false).join("\n"));
            text.push_str("\n\n");
        }
        let headers = format!(
            "From: \"{} Press Office\" <{}>\r\nTo: newsdesk@example.org\r\nSubject: {}\r\nDate: {}\r\nMessage-ID: <{}@fixtures.example>\r\nMIME-Version: 1.0\r\n",
            self.organisation,
            self.email,
            encoded_word(&self.title),
            self.issued.format("%a, %d %b %Y %H:%M:%S +0000"),
            self.issued.format("%Y%m%d%H%M%S")
        );
        let plain =
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n";
        let mut out = headers;
        match attachment {
            None => {
                out.push_str(plain);
                out.push_str("\r\n");
                out.push_str(&text.replace('\n', "\r\n"));
            }
            Some((name, bytes)) => {
                let b = "=-=parallax-fixture=-=";
                out.push_str(&format!(
                    "Content-Type: multipart/mixed; boundary=\"{b}\"\r\n\r\n--{b}\r\n{plain}\r\n{}\r\n--{b}\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"{name}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--{b}--\r\n",
                    text.replace('\n', "\r\n"),
                    base64_lines(bytes)
                ));
            }
        }
        out.into_bytes()
    }

    /// A saved news page: the article inside a site header and menu, a cookie notice,
    /// share buttons, related links, comments and a footer.
    pub fn html_page(&self) -> String {
        let mut article = format!("<h1>{}</h1>\n", escape(&self.title));
        for (i, p) in self.paragraphs.iter().enumerate() {
            article.push_str(&format!("<p>{}</p>\n", escape(p)));
            if i == 1 {
                article.push_str(
                    "<div class=\"share-buttons\"><a href=\"#s1\">Share on a network</a> <a href=\"#s2\">Share by e-mail</a></div>\n",
                );
            }
        }
        let org = escape(&self.organisation);
        format!(
            r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {org}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{org}">
<meta property="article:published_time" content="{iso}">
<link rel="stylesheet" href="page_files/site.css"><script src="page_files/site.js"></script>
</head><body>
<div id="cookie-consent"><p>We use cookies to make this site work and to count visits.</p><button>Accept all</button></div>
<header class="site-header"><a href="/">{org}</a><nav><ul><li><a href="/news">News</a></li><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></nav></header>
<main><article>
{article}</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Our annual report is out</a></li><li><a href="/b">New chair appointed</a></li></ul></aside>
<section id="comments"><h2>Comments</h2><p>This is welcome news for everyone here. — a reader</p></section>
</main>
<footer><p>© {org}. All rights reserved.</p><p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></p></footer>
</body></html>
"#,
            title = escape(&self.title),
            iso = self.issued.format("%Y-%m-%dT%H:%M:%SZ")
        )
    }

    /// The saved page as a single `.mhtml` file.
    pub fn mhtml(&self) -> Vec<u8> {
        let b = "----MultipartBoundary--parallax";
        format!(
            "From: <Saved by a browser>\r\nSnapshot-Content-Location: https://press.example/news/release\r\nSubject: {}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"{b}\"\r\n\r\n--{b}\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://press.example/news/release\r\n\r\n{}\r\n--{b}\r\nContent-Type: text/css\r\nContent-Location: https://press.example/site.css\r\n\r\nbody {{ margin: 0 }}\r\n--{b}--\r\n",
            encoded_word(&self.title),
            base64_lines(self.html_page().as_bytes())
        )
        .into_bytes()
    }
}

/// An mbox mailbox of these messages.
pub fn mbox(messages: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for m in messages {
        out.extend_from_slice(b"From press@example.org Sat Mar  4 09:00:00 2023\n");
        let text = String::from_utf8_lossy(m).replace("\r\n", "\n");
        for line in text.lines() {
            if line.starts_with("From ") {
                out.push(b'>');
            }
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
        out.push(b'\n');
    }
    out
}

/// Wraps a paragraph at `width` characters; with `hyphenate`, a long lower-case word that
/// does not fit is split with a hyphen when a useful part of it fits.
fn wrap(text: &str, width: usize, hyphenate: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let used = line.chars().count();
        let len = word.chars().count();
        if used > 0 && used + 1 + len > width {
            let room = width.saturating_sub(used + 2);
            let splittable = hyphenate
                && len >= 10
                && room >= 4
                && len - room >= 4
                && word.chars().all(|c| c.is_ascii_lowercase());
            if splittable {
                let (head, tail) = word.split_at(room);
                line.push(' ');
                line.push_str(head);
                line.push('-');
                lines.push(std::mem::take(&mut line));
                line.push_str(tail);
                continue;
            }
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn win_ansi(text: &str) -> Vec<u8> {
    encoding_rs::WINDOWS_1252.encode(text).0.into_owned()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn para_xml(ns: &str, text: &str, style: Option<&str>) -> String {
    let style = style
        .map(|s| format!("<{ns}:pPr><{ns}:pStyle {ns}:val=\"{s}\"/></{ns}:pPr>"))
        .unwrap_or_default();
    format!(
        "<{ns}:p>{style}<{ns}:r><{ns}:t xml:space=\"preserve\">{}</{ns}:t></{ns}:r></{ns}:p>",
        escape(text)
    )
}

/// A ZIP of these entries, deflated (the first stored when it is `mimetype`).
fn zip_of(entries: &[(&str, String)]) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in entries {
        let method = if *name == "mimetype" {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        w.start_file(
            *name,
            SimpleFileOptions::default().compression_method(method),
        )
        .expect("a ZIP entry in memory");
        w.write_all(text.as_bytes()).expect("writing to memory");
    }
    w.finish().expect("a ZIP in memory").into_inner()
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const ODT_MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

/// A header value as an RFC 2047 encoded word when it is not ASCII.
fn encoded_word(text: &str) -> String {
    if text.is_ascii() {
        text.to_string()
    } else {
        format!("=?utf-8?B?{}?=", base64(text.as_bytes()))
    }
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn base64_lines(bytes: &[u8]) -> String {
    let all = base64(bytes);
    all.as_bytes()
        .chunks(76)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_and_hyphenation() {
        let lines = wrap("the reorganisation happened quickly", 20, true);
        assert_eq!(lines, vec!["the reorganisation", "happened quickly"]);
        let lines = wrap("one two three reorganisation", 22, true);
        assert_eq!(lines, vec!["one two three reorgan-", "isation"]);
        assert_eq!(wrap("a b", 10, false), vec!["a b"]);
    }

    #[test]
    fn base64_of_known_strings() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }
}
