//! Figures, dates and durations in a statement, and HTML entities: never panics; every
//! entity is written in the text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax::corpus::decode;
use parallax::reading::entities;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    for year in [None, Some(2020)] {
        for e in entities::figures(&text, year) {
            assert!(text.contains(&e.text) && !e.value.is_empty());
        }
    }
    let _ = decode::decode_entities(&text);
});
