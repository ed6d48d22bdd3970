//! Saved web pages (.html main content, .mhtml): never panics; the main content is tidy
//! paragraphs and never longer than the page's whole visible text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax::corpus::formats::webpage;
use parallax::corpus::markup;

fuzz_target!(|bytes: &[u8]| {
    let _ = webpage::read_mhtml(bytes);
    let text = String::from_utf8_lossy(bytes);
    if markup::html_hazard(&text).is_some() {
        return;
    }
    let page = webpage::read_page(&text);
    assert!(!page.body.contains('\r') && !page.body.contains("\n\n\n"));
    let (_, all) = markup::html_to_text(&text);
    assert!(page.body.len() <= all.len(), "{} > {}", page.body.len(), all.len());
});
