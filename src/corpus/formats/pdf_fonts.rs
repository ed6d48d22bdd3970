//! The fonts and resources of a PDF page: how a font's bytes become text and how wide its
//! glyphs are, and the form XObjects a page or a form draws.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Encoding, Object, ObjectId, Stream};

use super::pdf_layout::number;

/// A font of the page: how its bytes become text and how wide its glyphs are.
pub(super) struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    first_char: i64,
    widths: Vec<f64>,
    two_byte: bool,
}

impl Font<'_> {
    /// The width of a string's glyphs in text space (thousandths of the font size → ems).
    pub(super) fn width(&self, bytes: &[u8], chars: usize) -> f64 {
        if self.two_byte || self.widths.is_empty() {
            return chars as f64 * 0.5;
        }
        bytes
            .iter()
            .map(|b| {
                let i = i64::from(*b) - self.first_char;
                usize::try_from(i)
                    .ok()
                    .and_then(|i| self.widths.get(i))
                    .copied()
                    .filter(|w| *w > 0.0)
                    .unwrap_or(500.0)
                    / 1000.0
            })
            .sum()
    }

    pub(super) fn decode(&self, bytes: &[u8]) -> String {
        match &self.encoding {
            Some(e) => e.bytes_to_string(bytes).unwrap_or_default(),
            None => bytes
                .iter()
                .filter(|b| b.is_ascii_graphic() || **b == b' ')
                .map(|b| *b as char)
                .collect(),
        }
    }
}

/// A font dictionary read: its encoding and glyph widths.
fn font_of<'a>(doc: &'a Document, dict: &'a Dictionary, limit: usize) -> Font<'a> {
    let encoding = dict.get_font_encoding_with_limit(doc, limit).ok();
    let deref = |key: &[u8]| {
        dict.get(key)
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .map(|(_, o)| o)
    };
    let first_char = deref(b"FirstChar")
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(0);
    let widths = deref(b"Widths")
        .and_then(|o| o.as_array().ok())
        .map(|a| a.iter().map(|w| number(w).unwrap_or(0.0)).collect())
        .unwrap_or_default();
    let two_byte = dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .is_ok_and(|s| s == b"Type0");
    Font {
        encoding,
        first_char,
        widths,
        two_byte,
    }
}

/// The fonts of a page (its own and those it inherits).
pub(super) fn page_fonts(doc: &Document, page: ObjectId, limit: usize) -> Fonts<'_> {
    let Ok(fonts) = doc.get_page_fonts(page) else {
        return Fonts::new();
    };
    fonts
        .into_iter()
        .map(|(name, dict)| (name, font_of(doc, dict, limit)))
        .collect()
}

/// The fonts of a resource dictionary (a form's).
pub(super) fn resource_fonts<'a>(
    doc: &'a Document,
    resources: &'a Dictionary,
    limit: usize,
) -> Fonts<'a> {
    let Some(fonts) = deref_dict(doc, resources.get(b"Font").ok()) else {
        return Fonts::new();
    };
    fonts
        .iter()
        .filter_map(|(name, f)| {
            let dict = deref_dict(doc, Some(f))?;
            Some((name.clone(), font_of(doc, dict, limit)))
        })
        .collect()
}

/// Fonts by their resource name.
pub(super) type Fonts<'a> = HashMap<Vec<u8>, Font<'a>>;

pub(super) fn deref_dict<'a>(doc: &'a Document, o: Option<&'a Object>) -> Option<&'a Dictionary> {
    doc.dereference(o?).ok()?.1.as_dict().ok()
}

/// The resource dictionaries of a page, nearest first.
pub(super) fn page_resources(doc: &Document, page: ObjectId) -> Vec<&Dictionary> {
    let Ok((own, ids)) = doc.get_page_resources(page) else {
        return Vec::new();
    };
    own.into_iter()
        .chain(ids.into_iter().filter_map(|id| doc.get_dictionary(id).ok()))
        .collect()
}

/// The form XObject a resource name stands for in these resources.
pub(super) fn form<'a>(
    doc: &'a Document,
    resources: &[&'a Dictionary],
    name: &[u8],
) -> Option<&'a Stream> {
    resources.iter().find_map(|r| {
        let xobjects = deref_dict(doc, r.get(b"XObject").ok())?;
        let stream = doc
            .dereference(xobjects.get(name).ok()?)
            .ok()?
            .1
            .as_stream()
            .ok()?;
        let subtype = stream.dict.get(b"Subtype").and_then(Object::as_name).ok()?;
        (subtype == b"Form").then_some(stream)
    })
}
