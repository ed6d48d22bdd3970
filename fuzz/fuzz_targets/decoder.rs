//! Bytes → text: never panics; what decodes re-reads as itself.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax::corpus::decode;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(d) = decode::decode_bytes(bytes) {
        assert!(!d.text.contains('\r'));
        let again = decode::decode_bytes(d.text.as_bytes()).map(|a| a.text);
        assert_eq!(again.as_deref(), Ok(d.text.as_str()));
    }
    let text = String::from_utf8_lossy(bytes);
    let _ = decode::decode_entities(&text);
});
