//! Quotations: never panics; every range lies on char boundaries inside its paragraph.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use parallax::corpus;
use parallax::lexicon::Lexicon;
use parallax::reading::quotes;

static LEX: OnceLock<Lexicon> = OnceLock::new();

fuzz_target!(|bytes: &[u8]| {
    let lex = LEX.get_or_init(Lexicon::bundled);
    let body = String::from_utf8_lossy(bytes);
    let paragraphs = corpus::paragraphs(&body);
    for q in quotes::find(&body, &paragraphs, lex) {
        let p = &paragraphs[q.paragraph].span;
        assert!(p.start <= q.open && q.open < q.content.start && q.content.end <= p.end);
        for r in [Some(q.content.clone()), q.lead.clone(), q.trail.clone()]
            .into_iter()
            .flatten()
        {
            assert!(r.start <= r.end && r.end <= body.len());
            assert!(body.is_char_boundary(r.start) && body.is_char_boundary(r.end));
        }
    }
});
