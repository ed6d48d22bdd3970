//! A PDF page's lines in the order they are drawn: the content stream's text operators
//! followed with their positions (text and transformation matrices), runs on one
//! baseline joined into lines ([`super::pdf_paragraphs`] makes paragraphs of them).

use std::collections::HashMap;

use lopdf::content::Content;
use lopdf::{Document, Encoding, Object, ObjectId};

/// One line of a page: its text, baseline, font size and where it starts and ends.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Line {
    /// The text.
    pub text: String,
    /// The baseline, in page units (upwards).
    pub y: f64,
    /// The left end.
    pub x: f64,
    /// The right end (estimated from glyph widths).
    pub x_end: f64,
    /// The font size, in page units.
    pub size: f64,
}

/// A page's lines, in the order they are drawn.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PageText {
    /// The lines.
    pub lines: Vec<Line>,
}

/// A 2D affine matrix `[a b c d e f]`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f64; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translate(x: f64, y: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self` then `then`.
    fn then(self, then: Matrix) -> Matrix {
        let [a1, b1, c1, d1, e1, f1] = self.0;
        let [a2, b2, c2, d2, e2, f2] = then.0;
        Matrix([
            a1 * a2 + b1 * c2,
            a1 * b2 + b1 * d2,
            c1 * a2 + d1 * c2,
            c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2,
            e1 * b2 + f1 * d2 + f2,
        ])
    }

    /// The vertical scale (the length of a unit upwards).
    fn scale(self) -> f64 {
        let [_, _, c, d, _, _] = self.0;
        (c * c + d * d).sqrt()
    }
}

/// A font of the page: how its bytes become text and how wide its glyphs are.
struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    first_char: i64,
    widths: Vec<f64>,
    two_byte: bool,
}

impl Font<'_> {
    /// The width of a string's glyphs in text space (thousandths of the font size → ems).
    fn width(&self, bytes: &[u8], chars: usize) -> f64 {
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

    fn decode(&self, bytes: &[u8]) -> String {
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

fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

fn fonts<'a>(doc: &'a Document, page: ObjectId, limit: usize) -> HashMap<Vec<u8>, Font<'a>> {
    let mut out = HashMap::new();
    let Ok(fonts) = doc.get_page_fonts(page) else {
        return out;
    };
    for (name, dict) in fonts {
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
        out.insert(
            name,
            Font {
                encoding,
                first_char,
                widths,
                two_byte,
            },
        );
    }
    out
}

/// The text state while a content stream is followed.
struct State {
    ctm: Matrix,
    stack: Vec<Matrix>,
    tm: Matrix,
    tlm: Matrix,
    font: Option<Vec<u8>>,
    size: f64,
    leading: f64,
    char_space: f64,
    word_space: f64,
    scale: f64,
}

/// A run of text where it is drawn: `(text, x, y, end x, size)`.
type Run = (String, f64, f64, f64, f64);

/// The lines of a page, in the order they are drawn.
pub(crate) fn page_text(doc: &Document, page: ObjectId, limit: usize) -> Result<PageText, String> {
    let fonts = fonts(doc, page, limit);
    let content = doc
        .get_page_content_with_limit(page, limit)
        .map_err(|e| e.to_string())?;
    let content = Content::decode(&content).map_err(|e| e.to_string())?;
    let mut st = State {
        ctm: Matrix::IDENTITY,
        stack: Vec::new(),
        tm: Matrix::IDENTITY,
        tlm: Matrix::IDENTITY,
        font: None,
        size: 12.0,
        leading: 0.0,
        char_space: 0.0,
        word_space: 0.0,
        scale: 1.0,
    };
    let mut runs: Vec<Run> = Vec::new();
    for op in &content.operations {
        let nums: Vec<f64> = op.operands.iter().filter_map(number).collect();
        let n = |i: usize| nums.get(i).copied().unwrap_or(0.0);
        match op.operator.as_str() {
            "q" if st.stack.len() < 256 => st.stack.push(st.ctm),
            "Q" => st.ctm = st.stack.pop().unwrap_or(Matrix::IDENTITY),
            "cm" if nums.len() == 6 => {
                st.ctm = Matrix([n(0), n(1), n(2), n(3), n(4), n(5)]).then(st.ctm);
            }
            "BT" => {
                st.tm = Matrix::IDENTITY;
                st.tlm = Matrix::IDENTITY;
            }
            "Tf" => {
                st.font = op
                    .operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .map(<[u8]>::to_vec);
                st.size = nums.first().copied().unwrap_or(12.0);
            }
            "TL" => st.leading = n(0),
            "Tc" => st.char_space = n(0),
            "Tw" => st.word_space = n(0),
            "Tz" => st.scale = n(0) / 100.0,
            "Td" => next_line(&mut st, n(0), n(1)),
            "TD" => {
                st.leading = -n(1);
                next_line(&mut st, n(0), n(1));
            }
            "Tm" if nums.len() == 6 => {
                st.tm = Matrix([n(0), n(1), n(2), n(3), n(4), n(5)]);
                st.tlm = st.tm;
            }
            "T*" => {
                let leading = st.leading;
                next_line(&mut st, 0.0, -leading);
            }
            "Tj" | "'" | "\"" | "TJ" => {
                if op.operator != "Tj" && op.operator != "TJ" {
                    let leading = st.leading;
                    next_line(&mut st, 0.0, -leading);
                }
                let font = st.font.as_ref().and_then(|f| fonts.get(f));
                let shown = match op.operator.as_str() {
                    "\"" => op.operands.get(2).into_iter().cloned().collect(),
                    "TJ" => op
                        .operands
                        .first()
                        .and_then(|o| o.as_array().ok())
                        .cloned()
                        .unwrap_or_default(),
                    _ => op.operands.first().into_iter().cloned().collect(),
                };
                show(&mut st, font, &shown, &mut runs);
            }
            _ => {}
        }
    }
    Ok(PageText { lines: lines(runs) })
}

fn next_line(st: &mut State, x: f64, y: f64) {
    st.tlm = Matrix::translate(x, y).then(st.tlm);
    st.tm = st.tlm;
}

/// Shows strings (and `TJ` adjustments), adding a run where they are drawn.
fn show(st: &mut State, font: Option<&Font<'_>>, shown: &[Object], runs: &mut Vec<Run>) {
    let start = st.tm.then(st.ctm);
    let size = st.size * start.scale();
    let mut text = String::new();
    for item in shown {
        match item {
            Object::String(bytes, _) => {
                let piece = match font {
                    Some(f) => f.decode(bytes),
                    None => String::from_utf8_lossy(bytes).into_owned(),
                };
                let chars = piece.chars().count();
                let spaces = piece.chars().filter(|c| *c == ' ').count();
                let em = font.map_or(chars as f64 * 0.5, |f| f.width(bytes, chars));
                let advance =
                    (em * st.size + st.char_space * chars as f64 + st.word_space * spaces as f64)
                        * st.scale;
                text.push_str(&piece);
                st.tm = Matrix::translate(advance, 0.0).then(st.tm);
            }
            other => {
                // a TJ adjustment, in thousandths of an em, leftwards: a big one is a space
                let adjust = number(other).unwrap_or(0.0);
                if adjust < -200.0 && !text.ends_with(' ') {
                    text.push(' ');
                }
                st.tm = Matrix::translate(-adjust / 1000.0 * st.size * st.scale, 0.0).then(st.tm);
            }
        }
    }
    let end = st.tm.then(st.ctm);
    if !text.trim().is_empty() {
        let [.., x, y] = start.0;
        runs.push((text, x, y, end.0[4], size.max(0.1)));
    }
}

/// Joins runs on one baseline into lines; a gap wider than a fifth of the size between
/// runs is a space.
fn lines(runs: Vec<Run>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    for (text, x, y, x_end, size) in runs {
        if let Some(last) = out.last_mut()
            && (last.y - y).abs() < 0.4 * size.min(last.size)
            && x >= last.x_end - 0.5 * size
        {
            let gap = x - last.x_end;
            if gap > 0.2 * size && !last.text.ends_with(' ') && !text.starts_with(' ') {
                last.text.push(' ');
            }
            last.text.push_str(&text);
            last.x_end = x_end;
            continue;
        }
        out.push(Line {
            text,
            y,
            x,
            x_end,
            size,
        });
    }
    for l in &mut out {
        l.text = l.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out.retain(|l| !l.text.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Stream, dictionary};

    /// The lines of a one-page PDF drawn by `content`, with Helvetica as `F1`.
    fn page_lines(content: &str) -> Vec<Line> {
        let mut doc = Document::with_version("1.5");
        let pages = doc.new_object_id();
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
            "Encoding" => "WinAnsiEncoding",
        });
        let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
        let contents = doc.add_object(Stream::new(dictionary! {}, content.as_bytes().to_vec()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages, "Contents" => contents, "Resources" => resources,
        });
        doc.objects.insert(
            pages,
            Object::Dictionary(
                dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
            ),
        );
        page_text(&doc, page, 1 << 20).unwrap().lines
    }

    fn lines_of(content: &str) -> Vec<String> {
        page_lines(content).into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn kerning_spaces_and_positions_make_lines() {
        // a TJ's big leftward adjustment is a space, a small one kerning
        let lines = lines_of("BT /F1 10 Tf 1 0 0 1 72 700 Tm [(Hel) -20 (lo) -300 (world)] TJ ET");
        assert_eq!(lines, vec!["Hello world"]);
        // runs on one baseline drawn apart are one line with a space; T* and ' go down
        let lines = lines_of(concat!(
            "BT /F1 10 Tf 12 TL 72 700 Td (Left) Tj 100 0 Td (right) Tj ET ",
            "BT /F1 10 Tf 12 TL 72 680 Td (One) Tj T* (Two) Tj (Three) ' ET"
        ));
        assert_eq!(lines, vec!["Left right", "One", "Two", "Three"]);
    }

    #[test]
    fn a_flipped_page_reads_top_down() {
        // a browser's PDF: y runs down the page under a flipping matrix
        let lines = page_lines(concat!(
            "1 0 0 -1 0 842 cm BT /F1 10 Tf 1 0 0 -1 72 100 Tm (First) Tj ET ",
            "BT /F1 10 Tf 1 0 0 -1 72 112 Tm (Second) Tj ET"
        ));
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, vec!["First", "Second"]);
        // in page space, upwards: the first line is the higher one, 12 units apart
        assert!((lines[0].y - 742.0).abs() < 1e-6, "{lines:?}");
        assert!((lines[0].y - lines[1].y - 12.0).abs() < 1e-6, "{lines:?}");
        assert!((lines[0].size - 10.0).abs() < 1e-6);
    }

    #[test]
    fn matrices_compose() {
        let m = Matrix::translate(10.0, 20.0).then(Matrix([2.0, 0.0, 0.0, 2.0, 1.0, 1.0]));
        assert_eq!(m.0, [2.0, 0.0, 0.0, 2.0, 21.0, 41.0]);
        assert_eq!(Matrix([1.0, 0.0, 0.0, -1.0, 0.0, 792.0]).scale(), 1.0);
    }
}
