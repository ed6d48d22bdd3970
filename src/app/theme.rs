//! Colours and text styles of the window, for the light and the dark theme.

use egui::Color32;

use super::highlight;
use super::prefs::ThemeChoice;
use crate::comparison::Relation;

/// Parses `#rrggbb`; grey for anything else.
pub fn parse_hex(hex: &str) -> Color32 {
    let h = hex.trim_start_matches('#');
    let byte = |i: usize| h.get(i..i + 2).and_then(|s| u8::from_str_radix(s, 16).ok());
    match (h.len(), byte(0), byte(2), byte(4)) {
        (6, Some(r), Some(g), Some(b)) => Color32::from_rgb(r, g, b),
        _ => Color32::GRAY,
    }
}

/// The size of small text (notes, counts), in points.
pub const SMALL_TEXT: f32 = 11.0;

/// The colour of unknown publishers and claimants.
pub const UNKNOWN: Color32 = Color32::from_rgb(0x88, 0x88, 0x88);

/// A side's colour made readable as text on the theme's background: the palette's colours
/// are dark; on a dark background they are lightened.
pub fn side_text(colour: Color32, dark: bool) -> Color32 {
    if dark {
        colour.lerp_to_gamma(Color32::WHITE, 0.45)
    } else {
        colour
    }
}

/// The badge text and colour of a relation.
pub fn relation_badge(relation: Relation, dark: bool) -> (&'static str, Color32) {
    let (text, colour) = match relation {
        Relation::Disputed => ("DISPUTED", Color32::from_rgb(0xc6, 0x28, 0x28)),
        Relation::Shared => ("SHARED", Color32::from_rgb(0x2e, 0x7d, 0x32)),
        Relation::OneSided => ("ONE-SIDED", Color32::from_rgb(0x75, 0x75, 0x75)),
    };
    (text, side_text(colour, dark))
}

/// A statement's background in the reader, by its group's relation.
pub fn relation_tint(relation: Option<Relation>, dark: bool) -> Color32 {
    let alpha = if dark { 0.30 } else { 0.18 };
    match relation {
        Some(Relation::Disputed) => Color32::from_rgb(0xe5, 0x39, 0x35).gamma_multiply(alpha),
        Some(Relation::Shared) => Color32::from_rgb(0x43, 0xa0, 0x47).gamma_multiply(alpha),
        Some(Relation::OneSided) => Color32::from_rgb(0x90, 0x90, 0x90).gamma_multiply(alpha),
        None => Color32::TRANSPARENT,
    }
}

const TOPICS_LIGHT: &[Color32] = &[
    Color32::from_rgb(0x6a, 0x1b, 0x9a),
    Color32::from_rgb(0x00, 0x69, 0x5c),
    Color32::from_rgb(0xad, 0x14, 0x57),
    Color32::from_rgb(0x1a, 0x4f, 0x9c),
    Color32::from_rgb(0x8d, 0x4b, 0x00),
    Color32::from_rgb(0x2e, 0x6b, 0x10),
    Color32::from_rgb(0x4e, 0x34, 0x2e),
    Color32::from_rgb(0x00, 0x60, 0x8a),
];

const TOPICS_DARK: &[Color32] = &[
    Color32::from_rgb(0xce, 0x93, 0xd8),
    Color32::from_rgb(0x80, 0xcb, 0xc4),
    Color32::from_rgb(0xf4, 0x8f, 0xb1),
    Color32::from_rgb(0x90, 0xca, 0xf9),
    Color32::from_rgb(0xff, 0xcc, 0x80),
    Color32::from_rgb(0xc5, 0xe1, 0xa5),
    Color32::from_rgb(0xbc, 0xaa, 0xa4),
    Color32::from_rgb(0x81, 0xd4, 0xfa),
];

/// The colour of a topic (by its place in the lexicon).
pub fn topic_colour(index: usize, dark: bool) -> Color32 {
    let palette = if dark { TOPICS_DARK } else { TOPICS_LIGHT };
    palette[index % palette.len()]
}

/// The colours of marked-up statement text.
pub fn marks(visuals: &egui::Visuals) -> highlight::Style {
    if visuals.dark_mode {
        highlight::Style {
            text: visuals.text_color(),
            diff: Color32::from_rgb(0x5d, 0x4a, 0x00),
            search: Color32::from_rgb(0xff, 0xd5, 0x4f),
            search_text: Color32::BLACK,
        }
    } else {
        highlight::Style {
            text: visuals.text_color(),
            diff: Color32::from_rgb(0xff, 0xec, 0xb3),
            search: Color32::from_rgb(0xff, 0xc1, 0x07),
            search_text: Color32::BLACK,
        }
    }
}

/// Applies a theme choice to the window (`None`: follow the system), with text sizes that
/// stay readable: egui's small text (9 points) is raised to 11.
pub fn apply(ctx: &egui::Context, choice: Option<ThemeChoice>) {
    ctx.all_styles_mut(|style| {
        style.text_styles.insert(
            egui::TextStyle::Small,
            egui::FontId::proportional(SMALL_TEXT),
        );
    });
    ctx.set_theme(match choice {
        Some(ThemeChoice::Light) => egui::ThemePreference::Light,
        Some(ThemeChoice::Dark) => egui::ThemePreference::Dark,
        None => egui::ThemePreference::System,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours() {
        assert_eq!(parse_hex("#c0392b"), Color32::from_rgb(0xc0, 0x39, 0x2b));
        assert_eq!(parse_hex("nope"), Color32::GRAY);
        assert_eq!(parse_hex("#12345"), Color32::GRAY);
    }

    #[test]
    fn side_colours_lighten_on_dark_backgrounds() {
        let c = parse_hex("#2471a3");
        assert_eq!(side_text(c, false), c);
        let light = side_text(c, true);
        assert!(light.r() > c.r() && light.g() > c.g() && light.b() > c.b());
        assert_ne!(topic_colour(0, true), topic_colour(0, false));
        assert_eq!(
            topic_colour(0, false),
            topic_colour(TOPICS_LIGHT.len(), false)
        );
    }
}
