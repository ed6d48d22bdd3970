//! Publication dates: never panics; a parsed date reads back as itself.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax::corpus::dates;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    if let Some(p) = dates::parse_published(&text) {
        assert_eq!(dates::parse_published(&p.to_iso()), Some(p));
    }
});
