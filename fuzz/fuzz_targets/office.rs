//! Word (.docx) and OpenDocument (.odt) files: never panics; a ZIP never inflates past its
//! limit; the text read is tidy paragraphs. The first byte picks the format.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax::corpus::formats::{docx, odt};

fuzz_target!(|bytes: &[u8]| {
    let Some((pick, rest)) = bytes.split_first() else {
        return;
    };
    let read = if pick % 2 == 0 {
        docx::read(rest)
    } else {
        odt::read(rest)
    };
    if let Ok(read) = read {
        for p in read.body.split("\n\n") {
            assert!(!p.is_empty() || read.body.is_empty());
            assert_eq!(p, p.trim());
        }
        assert!(read.body.len() as u64 <= parallax::corpus::formats::ZIP_MAX_EXPANDED_BYTES);
    }
});
