//! Metadata blocks: never panics; the body starts on a char boundary.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax::comparison::SourceFormat;
use parallax::corpus::front_matter;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    for plain in [SourceFormat::Plain, SourceFormat::Markdown] {
        let s = front_matter::split(&text, plain);
        assert!(text.is_char_boundary(s.body_start) && s.body_start <= text.len());
    }
    // the same bytes as a front matter block, whatever they hold
    let framed = format!("---\n{text}\n---\nBody.");
    let s = front_matter::split(&framed, SourceFormat::Plain);
    assert!(framed.is_char_boundary(s.body_start));
});
