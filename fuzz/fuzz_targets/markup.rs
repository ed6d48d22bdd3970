//! HTML and Markdown to text: never panics, never recurses past the stack.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax::corpus::markup;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    if markup::html_hazard(&text).is_none() {
        let (_, body) = markup::html_to_text(&text);
        assert!(!body.contains('\r'));
    }
    let _ = markup::markdown_to_text(&text);
});
