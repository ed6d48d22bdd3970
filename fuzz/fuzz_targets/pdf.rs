//! PDF text layers: never panics, never hangs past the limits; the text read is tidy
//! paragraphs, and a document kept without text says why.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax::corpus::formats::pdf;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(read) = pdf::read(bytes) {
        for p in read.body.split("\n\n") {
            assert!(!p.is_empty() || read.body.is_empty());
            assert_eq!(p, p.trim());
        }
        assert!(!read.body.contains('\r'));
        if read.keep_empty {
            assert!(read.body.is_empty() && !read.warnings.is_empty());
        }
    }
});
