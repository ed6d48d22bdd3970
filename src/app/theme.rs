//! Colours and text styles of the window.

use egui::Color32;

/// Parses `#rrggbb`; grey for anything else.
pub fn parse_hex(hex: &str) -> Color32 {
    let h = hex.trim_start_matches('#');
    let byte = |i: usize| h.get(i..i + 2).and_then(|s| u8::from_str_radix(s, 16).ok());
    match (h.len(), byte(0), byte(2), byte(4)) {
        (6, Some(r), Some(g), Some(b)) => Color32::from_rgb(r, g, b),
        _ => Color32::GRAY,
    }
}

/// The colour of unknown publishers.
pub const UNKNOWN: Color32 = Color32::from_rgb(0x88, 0x88, 0x88);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours() {
        assert_eq!(parse_hex("#c0392b"), Color32::from_rgb(0xc0, 0x39, 0x2b));
        assert_eq!(parse_hex("nope"), Color32::GRAY);
        assert_eq!(parse_hex("#12345"), Color32::GRAY);
    }
}
