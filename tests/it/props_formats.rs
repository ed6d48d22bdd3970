//! Property tests of the document formats: any release written as a PDF (any page size),
//! a Word or OpenDocument file, an e-mail, a saved page or an `.mhtml` reads back as its
//! text; damaged files of each format are refused or read into tidy paragraphs, never a
//! panic.

use chrono::NaiveDate;
use parallax::corpus::formats::make::{PdfLayout, Release};
use parallax::corpus::formats::{Extracted, docx, email, odt, pdf, webpage};
use parallax::lexicon::Lexicon;
use proptest::prelude::*;

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A word: a letter first, then letters, figures and the marks the formats must carry.
fn word() -> impl Strategy<Value = String> {
    "[a-zA-Zé][a-zA-Z0-9£’“”&é]{0,13}"
}

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..30).prop_map(|w| format!("{}.", w.join(" ")))
}

fn release() -> impl Strategy<Value = Release> {
    (
        prop::collection::vec(word(), 1..8),
        prop::collection::vec(prop::collection::vec(sentence(), 1..4), 1..6),
    )
        .prop_map(|(title, paragraphs)| Release {
            title: title.join(" "),
            paragraphs: paragraphs.into_iter().map(|p| p.join(" ")).collect(),
            organisation: "Test Press Office".into(),
            author: "A Writer".into(),
            email: "press@test.example".into(),
            issued: NaiveDate::from_ymd_opt(2024, 5, 6)
                .unwrap()
                .and_hms_opt(7, 8, 9)
                .unwrap(),
        })
}

/// Paragraphs separated by one blank line, each trimmed and not empty.
fn tidy(x: &Extracted) -> bool {
    x.body.is_empty()
        || x.body
            .split("\n\n")
            .all(|p| !p.is_empty() && p == p.trim() && !p.contains('\r'))
}

fn lexicon() -> &'static Lexicon {
    static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(Lexicon::bundled)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn every_format_reads_back_its_text(r in release(), width in 25usize..110, lines in 4usize..60) {
        let text = squash(&r.text());
        let laid = r.pdf(PdfLayout { chars_per_line: width, lines_per_page: lines });
        let from_pdf = pdf::read(&laid).expect("the PDF reads");
        prop_assert!(tidy(&from_pdf));
        let pages = lopdf::Document::load_mem(&laid).unwrap().get_pages().len();
        let header = format!("{} — news release", r.organisation);
        if pages == 1 {
            // one page shows no running header: it stays as text
            prop_assert_eq!(squash(&from_pdf.body), format!("{header} {text}"));
        } else {
            prop_assert_eq!(squash(&from_pdf.body), text.clone());
        }
        prop_assert_eq!(from_pdf.meta.title.as_deref(), Some(r.title.as_str()));
        for (name, read) in [("docx", docx::read(&r.docx())), ("odt", odt::read(&r.odt()))] {
            let read = read.expect(name);
            prop_assert!(tidy(&read), "{}", name);
            prop_assert_eq!(squash(&read.body), text.clone(), "{}", name);
            prop_assert_eq!(read.meta.title.as_deref(), Some(r.title.as_str()));
        }
        let mail = email::read(&r.eml(None), lexicon()).expect("the e-mail reads");
        prop_assert_eq!(squash(&mail.extracted.body), text.clone());
        prop_assert_eq!(mail.extracted.meta.title.as_deref(), Some(r.title.as_str()));
        let page = webpage::read_page(&r.html_page());
        prop_assert_eq!(squash(&page.body), text.clone());
        let saved = webpage::read_mhtml(&r.mhtml()).expect("the .mhtml reads");
        prop_assert_eq!(squash(&saved.body), text);
    }

    #[test]
    fn damaged_files_are_refused_or_read_tidily(
        r in release(),
        cuts in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..12),
        truncate in any::<prop::sample::Index>(),
    ) {
        let damage = |mut bytes: Vec<u8>| {
            for (at, b) in &cuts {
                let i = at.index(bytes.len());
                bytes[i] = *b;
            }
            let keep = truncate.index(bytes.len() + 1).max(bytes.len() / 2);
            bytes.truncate(keep);
            bytes
        };
        if let Ok(x) = pdf::read(&damage(r.pdf(PdfLayout::default()))) {
            prop_assert!(tidy(&x));
            prop_assert!(!x.keep_empty || x.body.is_empty());
        }
        for x in [docx::read(&damage(r.docx())), odt::read(&damage(r.odt()))].into_iter().flatten() {
            prop_assert!(tidy(&x));
        }
        if let Ok(m) = email::read(&damage(r.eml(Some(("a.pdf", b"%PDF-1.4")))), lexicon()) {
            for (name, _) in &m.attachments {
                prop_assert!(!name.contains('/'));
            }
        }
        if let Ok(x) = webpage::read_mhtml(&damage(r.mhtml())) {
            prop_assert!(!x.body.contains("\n\n\n"));
        }
    }
}
