//! Paragraphs and sentences: never panics; spans on char boundaries, in order, inside.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use parallax::corpus;
use parallax::lexicon::Lexicon;
use parallax::reading::segment;

static LEX: OnceLock<Lexicon> = OnceLock::new();

fuzz_target!(|bytes: &[u8]| {
    let lex = LEX.get_or_init(Lexicon::bundled);
    let body = String::from_utf8_lossy(bytes);
    for p in corpus::paragraphs(&body) {
        assert!(body.is_char_boundary(p.span.start) && body.is_char_boundary(p.span.end));
        let _ = segment::furniture(&body[p.span.clone()], lex);
        let mut prev = p.span.start;
        for s in segment::sentences(&body, p.span.clone(), lex) {
            assert!(prev <= s.start && s.start < s.end && s.end <= p.span.end);
            assert!(body.is_char_boundary(s.start) && body.is_char_boundary(s.end));
            prev = s.end;
        }
    }
});
