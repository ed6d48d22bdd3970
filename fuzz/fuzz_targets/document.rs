//! A whole document read and analysed: never panics (a panic would be contained and
//! reported; here it fails the target); every statement is its span of the body.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use parallax::corpus::{self, Corpus};
use parallax::lexicon::Lexicon;

static LEX: OnceLock<Lexicon> = OnceLock::new();

fuzz_target!(|bytes: &[u8]| {
    let lex = LEX.get_or_init(Lexicon::bundled);
    let (path, bytes) = match bytes.split_first() {
        Some((k, rest)) if k % 3 == 0 => ("doc.html", rest),
        Some((k, rest)) if k % 3 == 1 => ("doc.md", rest),
        Some((_, rest)) => ("doc.txt", rest),
        None => return,
    };
    let Ok(doc) = corpus::read_document(path, bytes, lex) else {
        return;
    };
    let corpus = Corpus {
        documents: vec![doc],
        ..Corpus::default()
    };
    let reading = parallax::reading::read_corpus(&corpus, lex);
    assert!(reading.warnings.is_empty(), "{:?}", reading.warnings);
    let body = &corpus.documents[0].body;
    for s in &reading.statements {
        assert_eq!(body.get(s.span[0]..s.span[1]), Some(s.text.as_str()));
    }
    let _ = parallax::analyze(&corpus, &parallax::Settings::default());
});
