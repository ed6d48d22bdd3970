//! The document formats: one release written by the project as `.txt`, PDF, Word,
//! OpenDocument, e-mail, a saved page and an `.mhtml` (`parallax::corpus::formats::make`)
//! reads the same; each format's own features (hyphens and running headers of a PDF,
//! replies and signatures of an e-mail, furniture of a page) and its failures.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use lopdf::dictionary;
use parallax::comparison::{SourceFormat, StatementKind};
use parallax::contain::test_hook::{self, Stage};
use parallax::corpus::formats::make::{self, PdfLayout, Release};
use parallax::corpus::formats::pdf::NO_TEXT_LAYER;
use parallax::corpus::{self, Corpus, LoadOptions};

use crate::support::{doc, folder};

/// A release written for these tests (a made-up harbour and its ferry).
pub fn release() -> Release {
    Release {
        title: "Ferry service to Gull Island resumes in April".into(),
        paragraphs: vec![
            "Published 4 March 2023".into(),
            "Kestrel Bay Harbour Authority said today that the ferry to Gull Island will run again from 3 April, after a refurbishment of the landing stage that cost £1.2m.".into(),
            "The service was suspended last October when inspectors found corrosion underneath the pontoon. Engineers replaced the supporting infrastructure and strengthened the approach.".into(),
            "“Islanders have waited patiently through a long winter, and we are grateful,” said harbour master Dana Whitlock. “Crossings will be every ninety minutes.”".into(),
            "Fares will stay at £4 for adults, although representatives of the islanders' association had asked for a reduction for residents.".into(),
            "The authority expects about 40,000 passengers in the first season, compared with 35,000 before the suspension.".into(),
            "A timetable will be published on the harbour noticeboards and in the terminal building before the reopening.".into(),
        ],
        organisation: "Kestrel Bay Harbour Authority".into(),
        author: "Dana Whitlock".into(),
        email: "press@kestrelbayharbour.example".into(),
        issued: NaiveDate::from_ymd_opt(2023, 3, 4)
            .unwrap()
            .and_hms_opt(9, 15, 0)
            .unwrap(),
    }
}

/// A small PDF page layout, so the release runs over several pages.
fn small_pages() -> PdfLayout {
    PdfLayout {
        chars_per_line: 70,
        lines_per_page: 9,
    }
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Each document's statements (text up to whitespace, kind), by path.
fn statements(corpus: &Corpus) -> BTreeMap<String, Vec<(String, StatementKind)>> {
    let lexicon = corpus.lexicon();
    let reading = parallax::reading::read_corpus(corpus, &lexicon);
    assert!(reading.warnings.is_empty(), "{:?}", reading.warnings);
    let mut out: BTreeMap<String, Vec<(String, StatementKind)>> = BTreeMap::new();
    for s in &reading.statements {
        let path = corpus
            .document(&s.document)
            .expect("its document")
            .path
            .clone();
        out.entry(path).or_default().push((squash(&s.text), s.kind));
    }
    out
}

/// The Show folder: the release in every format, as [`make`] writes it, with the
/// `_files/` folder a browser saves beside a page.
fn show_files() -> Vec<(&'static str, Vec<u8>)> {
    let r = release();
    vec![
        ("release.txt", r.text().into_bytes()),
        ("release.pdf", r.pdf(small_pages())),
        ("release.docx", r.docx()),
        ("release.odt", r.odt()),
        ("release.eml", r.eml(None)),
        ("release.html", r.html_page().into_bytes()),
        ("release_files/site.css", b"body { margin: 0 }".to_vec()),
        (
            "release_files/frame.html",
            b"<p>An advert frame.</p>".to_vec(),
        ),
        ("release.mhtml", r.mhtml()),
    ]
}

/// The committed Show folder (`parallax open fixtures/formats`).
fn show_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/formats")
}

#[test]
fn the_committed_show_folder_is_what_the_helper_writes() {
    let dir = show_dir();
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        for (name, bytes) in show_files() {
            let path = dir.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
    }
    // read, not compared byte for byte: another version of a compressor may write other
    // bytes for the same text
    let lexicon = parallax::lexicon::Lexicon::bundled();
    for (name, bytes) in show_files() {
        let committed = std::fs::read(dir.join(name)).unwrap_or_else(|e| {
            panic!("fixtures/formats/{name}: {e} (UPDATE_EXPECTED=1 cargo test --test it committed_show writes it)")
        });
        let read = |bytes: &[u8]| {
            corpus::read_file(name, bytes, &lexicon)
                .into_iter()
                .map(|(path, doc)| doc.map(|d| (path, d.title, d.body, d.meta.published)))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            read(&committed),
            read(&bytes),
            "fixtures/formats/{name} is not what the helper writes (UPDATE_EXPECTED=1 cargo test --test it committed_show rewrites it)"
        );
    }
}

#[test]
fn one_release_in_every_format_reads_the_same() {
    let r = release();
    let files = show_files();
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    let dir = folder(&files);
    let corpus = corpus::load(dir.path(), &LoadOptions::default()).expect("loads");
    assert!(corpus.warnings.is_empty(), "{:#?}", corpus.warnings);
    let formats: Vec<(&str, SourceFormat)> = corpus
        .documents
        .iter()
        .map(|d| (d.path.as_str(), d.format))
        .collect();
    assert_eq!(
        formats,
        vec![
            ("release.docx", SourceFormat::Docx),
            ("release.eml", SourceFormat::Email),
            ("release.html", SourceFormat::Html),
            ("release.mhtml", SourceFormat::Mhtml),
            ("release.odt", SourceFormat::Odt),
            ("release.pdf", SourceFormat::Pdf),
            ("release.txt", SourceFormat::Plain),
        ]
    );
    let day = NaiveDate::from_ymd_opt(2023, 3, 4).unwrap();
    for d in &corpus.documents {
        assert_eq!(d.title, r.title, "{}", d.path);
        assert_eq!(
            d.meta.published.map(|p| p.date()),
            Some(day),
            "{}: {:?}",
            d.path,
            d.meta.published
        );
        assert_eq!(squash(&d.body), squash(&r.text()), "{}", d.path);
    }
    let by_doc = statements(&corpus);
    let plain = &by_doc["release.txt"];
    assert!(plain.len() >= 10, "{plain:?}");
    for (path, list) in &by_doc {
        assert_eq!(list, plain, "{path} reads differently from the .txt");
    }
    // where each date came from: the file's own metadata, the text's date line for the .txt
    let from = |p: &str| {
        doc(&corpus, p)
            .meta
            .published_from
            .clone()
            .unwrap_or_default()
    };
    assert_eq!(from("release.pdf"), "PDF metadata: created");
    assert_eq!(from("release.docx"), "Word document properties: modified");
    assert_eq!(
        from("release.odt"),
        "OpenDocument document properties: modified"
    );
    assert_eq!(from("release.eml"), "e-mail Date header");
    assert!(
        from("release.txt").starts_with("byline"),
        "{}",
        from("release.txt")
    );
}

#[test]
fn a_pdf_loses_its_running_headers_page_numbers_and_hyphens() {
    let r = release();
    let bytes = r.pdf(small_pages());
    let raw = String::from_utf8_lossy(&bytes);
    assert!(
        !raw.contains("refurbishment"),
        "the fixture's streams are compressed"
    );
    let read = corpus::formats::pdf::read(&bytes).expect("reads");
    assert_eq!(squash(&read.body), squash(&r.text()));
    assert!(!read.body.contains("news release") && !read.body.contains("Page 1 of"));
    // the fixture splits words at line ends; the reading joins them again
    let lines = PdfLayout {
        chars_per_line: 70,
        lines_per_page: 9,
    };
    assert!(r.paragraphs.iter().any(|p| p.contains("refurbishment")));
    assert!(read.body.contains("refurbishment") && read.body.contains("infrastructure"));
    let pages = lopdf::Document::load_mem(&bytes).unwrap().get_pages().len();
    assert!(pages >= 2, "a release over several pages ({pages})");
    assert!(
        read.warnings
            .iter()
            .any(|w| w.contains("running header, footer and page-number lines")),
        "{:?}",
        read.warnings
    );
    assert_eq!(read.meta.fields["pdf.author"], "Dana Whitlock");
    assert_eq!(read.meta.title.as_deref(), Some(r.title.as_str()));
    // one page, no repetition to see: its header line is kept as text
    let one = corpus::formats::pdf::read(&r.pdf(PdfLayout {
        lines_per_page: 100,
        ..lines
    }))
    .expect("reads");
    assert!(
        one.body
            .starts_with("Kestrel Bay Harbour Authority — news release")
    );
    assert!(
        !one.body.contains("Page 1 of 1"),
        "a page number alone is dropped"
    );
}

/// A PDF of pages with no text (a scan's pages hold images).
fn scanned_pdf(pages: usize) -> Vec<u8> {
    use lopdf::{Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let kids: Vec<Object> = (0..pages)
        .map(|_| {
            let content = doc.add_object(Stream::new(
                dictionary! {},
                b"q 595 0 0 842 0 0 cm Q".to_vec(),
            ));
            doc.add_object(
                dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content },
            )
            .into()
        })
        .collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => pages as i64 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn scanned_encrypted_and_oversized_pdfs_load_or_are_refused_with_a_reason() {
    // an encrypted PDF: the release with an encryption dictionary it cannot be opened with
    let mut encrypted = lopdf::Document::load_mem(&release().pdf(PdfLayout::default())).unwrap();
    let enc = encrypted.add_object(dictionary! {
        "Filter" => "Standard", "V" => 1, "R" => 2, "P" => -4,
        "O" => lopdf::Object::string_literal(vec![7u8; 32]),
        "U" => lopdf::Object::string_literal(vec![9u8; 32]),
    });
    encrypted.trailer.set("Encrypt", enc);
    encrypted.trailer.set(
        "ID",
        vec![
            lopdf::Object::string_literal(vec![1u8; 16]),
            lopdf::Object::string_literal(vec![1u8; 16]),
        ],
    );
    let mut encrypted_bytes = Vec::new();
    encrypted.save_to(&mut encrypted_bytes).unwrap();
    let dir = folder(&[
        ("scan.pdf", &scanned_pdf(2)),
        ("locked.pdf", &encrypted_bytes),
        (
            "million.pdf",
            &many_objects(parallax::corpus::formats::pdf::MAX_OBJECTS + 10),
        ),
        ("truncated.pdf", &release().pdf(PdfLayout::default())[..400]),
        ("ok.txt", b"Kestrel Bay Harbour Authority opened a ferry."),
    ]);
    let corpus = corpus::load(dir.path(), &LoadOptions::default()).expect("loads");
    let scan = doc(&corpus, "scan.pdf");
    assert!(scan.body.is_empty());
    assert_eq!(scan.title, "scan");
    assert_eq!(scan.warnings, vec![NO_TEXT_LAYER.to_string()]);
    let locked = doc(&corpus, "locked.pdf");
    assert!(locked.body.is_empty());
    assert!(
        locked.warnings[0].starts_with("encrypted"),
        "{:?}",
        locked.warnings
    );
    let w = corpus.warnings.join("\n");
    assert!(
        w.contains("skipped million.pdf: a PDF of more than 100000 objects"),
        "{w}"
    );
    assert!(w.contains("skipped truncated.pdf: a damaged PDF"), "{w}");
    doc(&corpus, "ok.txt");
    // a document without text is analysed with the rest
    let analysis = parallax::analyze(&corpus, &parallax::Settings::default());
    assert_eq!(analysis.documents.len(), 3);
}

/// A PDF of `n` objects (each an empty dictionary), a valid cross-reference table.
fn many_objects(n: usize) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::with_capacity(n);
    for i in 1..=n {
        offsets.push(out.len());
        out.extend_from_slice(format!("{i} 0 obj\n<<>>\nendobj\n").as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", n + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            n + 1
        )
        .as_bytes(),
    );
    out
}

#[test]
fn an_email_s_sender_replies_signature_and_attachments() {
    let r = release();
    let mut reply = String::from_utf8(r.eml(None)).unwrap();
    reply = reply.replace("Subject: Ferry", "Subject: Re: Ferry");
    reply.push_str("-- \r\nDana Whitlock\r\nHarbour master\r\n\r\nOn Fri, 3 Mar 2023, a reporter wrote:\r\n> When does the ferry return?\r\n> Thanks\r\n");
    let with_pdf = r.eml(Some(("release.pdf", &r.pdf(small_pages()))));
    let html_only = "From: Vale Water <news@valewater.example>\r\nSubject: Supplies safe\r\nDate: Sat, 4 Mar 2023 10:00:00 +0000\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><nav><a href=/>Home</a><a href=/n>News</a></nav><p>Vale Water said supplies are safe after the storm.</p></body></html>\r\n";
    let dir = folder(&[
        ("reply.eml", reply.as_bytes()),
        ("statement.eml", &with_pdf),
        ("html-only.eml", html_only.as_bytes()),
        (
            "inbox.mbox",
            &make::mbox(&[
                r.eml(None),
                html_only.as_bytes().to_vec(),
                b"no headers here".to_vec(),
            ]),
        ),
    ]);
    let corpus = corpus::load(dir.path(), &LoadOptions::default()).expect("loads");
    let paths: Vec<&str> = corpus.documents.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "html-only.eml",
            "inbox.mbox#1",
            "inbox.mbox#2",
            "reply.eml",
            "statement.eml",
            "statement.eml/release.pdf"
        ]
    );
    assert!(
        corpus
            .warnings
            .iter()
            .any(|w| w.starts_with("skipped inbox.mbox#3: not an e-mail")),
        "{:?}",
        corpus.warnings
    );
    let replied = doc(&corpus, "reply.eml");
    assert_eq!(replied.title, r.title, "no Re: in the title");
    assert_eq!(
        replied.publisher.evidence,
        "e-mail sender “Kestrel Bay Harbour Authority Press Office”: Kestrel Bay Harbour Authority"
    );
    assert_eq!(
        replied.publisher.party.as_deref(),
        Some("Kestrel Bay Harbour Authority")
    );
    let attached = doc(&corpus, "statement.eml/release.pdf");
    assert_eq!(attached.format, SourceFormat::Pdf);
    assert_eq!(squash(&attached.body), squash(&r.text()));
    let html = doc(&corpus, "html-only.eml");
    assert_eq!(
        html.body,
        "Vale Water said supplies are safe after the storm."
    );
    assert!(
        html.warnings[0].contains("no plain-text part"),
        "{:?}",
        html.warnings
    );
    assert_eq!(
        html.publisher.evidence,
        "e-mail sender's domain valewater.example: Vale Water"
    );
    assert_eq!(doc(&corpus, "inbox.mbox#2").title, "Supplies safe");
    // the signature and the quoted question are boilerplate, never claims
    let by_doc = statements(&corpus);
    let reply_statements = &by_doc["reply.eml"];
    let boiler: Vec<&str> = reply_statements
        .iter()
        .filter(|(_, k)| *k == StatementKind::Boilerplate)
        .map(|(t, _)| t.as_str())
        .collect();
    assert!(
        boiler.iter().any(|t| t.starts_with("-- Dana Whitlock")),
        "{boiler:?}"
    );
    assert!(
        boiler.iter().any(|t| t.starts_with("On Fri, 3 Mar 2023")),
        "{boiler:?}"
    );
    let plain: Vec<&(String, StatementKind)> = reply_statements
        .iter()
        .filter(|(t, _)| !t.starts_with("--") && !t.starts_with("On Fri"))
        .collect();
    assert_eq!(plain.len(), by_doc["inbox.mbox#1"].len());
}

#[test]
fn word_and_opendocument_footnotes_and_zip_bombs() {
    use std::io::Write;
    let mut bomb = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    bomb.start_file("word/document.xml", opts).unwrap();
    let block = vec![b' '; 1 << 20];
    for _ in 0..65 {
        bomb.write_all(&block).unwrap();
    }
    let bomb = bomb.finish().unwrap().into_inner();
    assert!(bomb.len() < 1 << 20, "a small file ({} bytes)", bomb.len());
    let dir = folder(&[
        ("bomb.docx", &bomb),
        ("not-a-zip.docx", b"PK\x03\x04 but nothing more"),
        ("text.odt", b"plain text with the wrong extension"),
    ]);
    let corpus = corpus::load(dir.path(), &LoadOptions::default()).expect("loads");
    assert!(corpus.documents.is_empty());
    let w = corpus.warnings.join("\n");
    assert!(
        w.contains("skipped bomb.docx: its ZIP container expands to"),
        "{w}"
    );
    assert!(w.contains("ZIP bomb"), "{w}");
    assert!(
        w.contains("skipped not-a-zip.docx: not a Word (.docx) file"),
        "{w}"
    );
    assert!(
        w.contains("skipped text.odt: not an OpenDocument text (.odt) file"),
        "{w}"
    );
}

#[test]
fn a_panic_in_a_format_reader_costs_that_file_only() {
    test_hook::panic_on(Stage::Format, "explodes-in-reader");
    let r = release();
    let dir = folder(&[
        ("explodes-in-reader.pdf", &r.pdf(PdfLayout::default())),
        ("fine.docx", &r.docx()),
    ]);
    let corpus = corpus::load(dir.path(), &LoadOptions::default()).expect("loads");
    assert_eq!(corpus.documents.len(), 1);
    assert_eq!(corpus.documents[0].path, "fine.docx");
    assert_eq!(
        corpus.warnings,
        vec![
            "skipped explodes-in-reader.pdf: could not be read (a bug in the pdf reader: test hook: explodes-in-reader)"
                .to_string()
        ]
    );
}

#[test]
fn a_saved_page_s_furniture_is_counted_not_read() {
    let r = release();
    let page = parallax::corpus::formats::webpage::read_page(&r.html_page());
    for furniture in [
        "cookies",
        "About us",
        "Share on",
        "Related stories",
        "a reader",
        "All rights",
    ] {
        assert!(
            !page.body.contains(furniture),
            "{furniture} in {}",
            page.body
        );
    }
    let w = page.warnings.join(" ");
    for kind in ["sharing 1", "words around the article"] {
        assert!(w.contains(kind), "{w}");
    }
    // the whole page, as it was read before: the furniture became statements
    let (_, everything) = parallax::corpus::markup::html_to_text(&r.html_page());
    assert!(everything.contains("We use cookies") && everything.contains("Share on"));
}
