//! Bytes to text: byte-order marks, UTF-8, UTF-16, Windows-1252; HTML entities; line endings.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Text decoded from a file's bytes, with what was noticed on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, line endings normalised to `\n`, no byte-order mark.
    pub text: String,
    /// The encoding the bytes were read as (`UTF-8`, `UTF-16LE`, `windows-1252`, …).
    pub encoding: &'static str,
    /// A note for the user when the encoding had to be guessed or bytes were replaced.
    pub warning: Option<String>,
}

/// Why bytes could not be read as text at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The file holds NUL bytes or other control bytes: not text.
    #[error("binary file, not text")]
    Binary,
    /// The file holds nothing but whitespace.
    #[error("empty file")]
    Empty,
}

/// Decodes a file's bytes.
///
/// A byte-order mark decides (UTF-8, UTF-16LE/BE); without one the bytes are UTF-8 when they
/// are valid UTF-8 and Windows-1252 otherwise (with a warning). Bytes that look binary (NUL or
/// many control bytes) are refused.
pub fn decode_bytes(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (encoding, warning) = match Encoding::for_bom(bytes) {
        Some((enc, _)) => (enc, None),
        None if looks_binary(bytes) => return Err(DecodeError::Binary),
        None if std::str::from_utf8(bytes).is_ok() => (UTF_8, None),
        None => (
            WINDOWS_1252,
            Some("not valid UTF-8: decoded as Windows-1252".to_string()),
        ),
    };
    // `decode` strips a BOM of the sniffed encoding and replaces malformed sequences.
    let (text, used, had_errors) = encoding.decode(bytes);
    let warning = if had_errors {
        Some(format!(
            "malformed {} bytes replaced with U+FFFD",
            used.name()
        ))
    } else {
        warning
    };
    let mut text = normalise_newlines(&text);
    // a second byte-order mark (a file saved twice with one) is no text either
    let marks = text.len() - text.trim_start_matches('\u{feff}').len();
    text.drain(..marks);
    if text.chars().all(char::is_whitespace) {
        return Err(DecodeError::Empty);
    }
    if text.chars().filter(|c| is_bad_control(*c)).count() * 20 > text.chars().count().max(1) {
        return Err(DecodeError::Binary);
    }
    Ok(Decoded {
        text,
        encoding: used.name(),
        warning,
    })
}

/// Whether bytes without a byte-order mark are binary: a NUL in the first 8 KiB, or more
/// than one byte in twenty a control byte other than whitespace.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > head.len().max(1)
}

fn is_bad_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\t' | '\u{0c}')
}

/// `\r\n` and lone `\r` become `\n`; form feeds and NULs become line breaks / nothing.
pub fn normalise_newlines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{0c}' => out.push('\n'),
            '\u{0}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Decodes HTML entities (`&amp;`, `&#163;`, `&pound;`, …) with the full HTML5 table.
pub fn decode_entities(text: &str) -> String {
    if text.contains('&') {
        html_escape::decode_html_entities(text).into_owned()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode_bytes("Caf\u{e9} costs \u{a3}3".as_bytes()).unwrap();
        assert_eq!(plain.text, "Caf\u{e9} costs \u{a3}3");
        assert_eq!(plain.encoding, "UTF-8");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("Caf\u{e9}".as_bytes());
        let d = decode_bytes(&bom).unwrap();
        assert_eq!(d.text, "Caf\u{e9}");
        assert!(d.warning.is_none());
    }

    #[test]
    fn utf16_both_byte_orders() {
        let s = "Budget \u{a3}10.5m \u{2013} \u{201c}agreed\u{201d}";
        let mut le = vec![0xFF, 0xFE];
        le.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let mut be = vec![0xFE, 0xFF];
        be.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode_bytes(&le).unwrap().text, s);
        assert_eq!(decode_bytes(&be).unwrap().encoding, "UTF-16BE");
        assert_eq!(decode_bytes(&be).unwrap().text, s);
    }

    #[test]
    fn windows_1252_when_not_utf8_with_warning() {
        // 0x93/0x94 are curly quotes and 0xA3 the pound sign in Windows-1252.
        let bytes = b"He said \x93we paid \xa3300\x94.";
        let d = decode_bytes(bytes).unwrap();
        assert_eq!(d.text, "He said \u{201c}we paid \u{a3}300\u{201d}.");
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.warning.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(
            decode_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(DecodeError::Binary)
        );
        assert_eq!(decode_bytes(b"  \n\t\n"), Err(DecodeError::Empty));
        assert_eq!(decode_bytes(b""), Err(DecodeError::Empty));
    }

    #[test]
    fn doubled_byte_order_marks_are_dropped() {
        let d = decode_bytes(b"\xEF\xBB\xBF\xEF\xBB\xBFText").unwrap();
        assert_eq!(d.text, "Text");
        let d = decode_bytes(b"\xFF\xFE\xFF\xFEA\x00").unwrap();
        assert_eq!(d.text, "A");
    }

    #[test]
    fn newlines_are_normalised() {
        assert_eq!(decode_bytes(b"a\r\nb\rc\n").unwrap().text, "a\nb\nc\n");
    }

    #[test]
    fn entities_named_and_numeric() {
        assert_eq!(
            decode_entities("a=1&amp;b=2 &#163;5 &pound;6 &eacute; &#x2014;"),
            "a=1&b=2 \u{a3}5 \u{a3}6 \u{e9} \u{2014}"
        );
        assert_eq!(decode_entities("AT&T & co"), "AT&T & co");
    }
}
