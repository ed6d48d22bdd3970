//! A PDF page's lines in the order they are drawn: the content stream's text operators
//! followed with their positions (text and transformation matrices), runs on one
//! baseline joined into lines ([`super::pdf_paragraphs`] makes paragraphs of them).

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::pdf_fonts::{Font, Fonts, deref_dict, form, page_fonts, page_resources, resource_fonts};

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

/// A number operand or array item.
pub(super) fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// Forms drawing forms are followed this deep.
const MAX_FORM_DEPTH: usize = 4;

/// At most this many operators are followed on a page, its forms' included (a form drawn
/// many times by forms drawn many times would otherwise multiply).
const MAX_OPERATIONS: usize = 1_000_000;

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

/// The lines of a page, in the order they are drawn (the text of the forms it draws
/// included, where they draw it).
pub(crate) fn page_text(doc: &Document, page: ObjectId, limit: usize) -> Result<PageText, String> {
    let fonts = page_fonts(doc, page, limit);
    let resources = page_resources(doc, page);
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
    let mut walk = Walk {
        doc,
        limit,
        budget: MAX_OPERATIONS,
        runs: Vec::new(),
    };
    walk.run(&content.operations, &fonts, &resources, &mut st, 0);
    Ok(PageText {
        lines: lines(walk.runs),
    })
}

/// A page being followed: its document, what is left of its budget, the runs found.
struct Walk<'a> {
    doc: &'a Document,
    limit: usize,
    budget: usize,
    runs: Vec<Run>,
}

impl<'a> Walk<'a> {
    /// Follows operators with these fonts and resources; a form they draw is followed in
    /// turn, with its own resources when it has them.
    fn run(
        &mut self,
        ops: &[lopdf::content::Operation],
        fonts: &Fonts<'a>,
        resources: &[&'a Dictionary],
        st: &mut State,
        depth: usize,
    ) {
        for op in ops {
            if self.budget == 0 {
                return;
            }
            self.budget -= 1;
            let nums: Vec<f64> = op.operands.iter().filter_map(number).collect();
            let n = |i: usize| nums.get(i).copied().unwrap_or(0.0);
            match op.operator.as_str() {
                "Do" if depth < MAX_FORM_DEPTH => {
                    let name = op.operands.first().and_then(|o| o.as_name().ok());
                    if let Some(stream) = name.and_then(|n| form(self.doc, resources, n)) {
                        self.form(stream, fonts, resources, st, depth);
                    }
                }
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
                "Td" => next_line(st, n(0), n(1)),
                "TD" => {
                    st.leading = -n(1);
                    next_line(st, n(0), n(1));
                }
                "Tm" if nums.len() == 6 => {
                    st.tm = Matrix([n(0), n(1), n(2), n(3), n(4), n(5)]);
                    st.tlm = st.tm;
                }
                "T*" => {
                    let leading = st.leading;
                    next_line(st, 0.0, -leading);
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    if op.operator != "Tj" && op.operator != "TJ" {
                        let leading = st.leading;
                        next_line(st, 0.0, -leading);
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
                    show(st, font, &shown, &mut self.runs);
                }
                _ => {}
            }
        }
    }

    /// Follows a form XObject: its matrix onto the current one, its own resources (else
    /// the drawing page's), the state restored after.
    fn form(
        &mut self,
        stream: &'a Stream,
        fonts: &Fonts<'a>,
        resources: &[&'a Dictionary],
        st: &mut State,
        depth: usize,
    ) {
        let Ok(bytes) = stream.get_plain_content_with_limit(self.limit) else {
            return;
        };
        let Ok(content) = Content::decode(&bytes) else {
            return;
        };
        // decoding costs too: a form drawn a million times is decoded a million times
        let cost = bytes.len() / 64 + content.operations.len();
        self.budget = self.budget.saturating_sub(cost);
        let matrix = stream
            .dict
            .get(b"Matrix")
            .and_then(Object::as_array)
            .ok()
            .map(|a| a.iter().filter_map(number).collect::<Vec<f64>>())
            .filter(|m| m.len() == 6)
            .map_or(Matrix::IDENTITY, |m| {
                Matrix([m[0], m[1], m[2], m[3], m[4], m[5]])
            });
        let saved = st.ctm;
        let depth_of_stack = st.stack.len();
        st.ctm = matrix.then(st.ctm);
        match deref_dict(self.doc, stream.dict.get(b"Resources").ok()) {
            Some(own) => {
                let own_fonts = resource_fonts(self.doc, own, self.limit);
                self.run(&content.operations, &own_fonts, &[own], st, depth + 1);
            }
            None => self.run(&content.operations, fonts, resources, st, depth + 1),
        }
        st.ctm = saved;
        st.stack.truncate(depth_of_stack);
    }
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
    fn the_text_of_forms_is_read_where_they_draw_it() {
        let mut doc = Document::with_version("1.5");
        let pages = doc.new_object_id();
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let fonts = dictionary! { "Font" => dictionary! { "F9" => font } };
        // a letterhead form, moved up by its matrix, with its own font resources; a form
        // that draws itself is followed only so deep
        let letterhead = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Form", "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 0.into(), 100.into()],
                "Resources" => fonts,
            },
            b"BT /F9 10 Tf 72 700 Td (Harbour Authority letterhead) Tj ET".to_vec(),
        ));
        let looping = doc.new_object_id();
        doc.objects.insert(
            looping,
            Object::Stream(Stream::new(
                dictionary! { "Subtype" => "Form", "Resources" => dictionary! { "XObject" => dictionary! { "L" => looping } } },
                b"/L Do".to_vec(),
            )),
        );
        let xobjects = dictionary! { "XObject" => dictionary! { "Head" => letterhead, "L" => looping }, "Font" => dictionary! { "F1" => font } };
        let contents = doc.add_object(Stream::new(
            dictionary! {},
            b"/Head Do /L Do BT /F1 10 Tf 72 600 Td (Body text.) Tj ET".to_vec(),
        ));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages, "Contents" => contents, "Resources" => xobjects,
        });
        doc.objects.insert(
            pages,
            Object::Dictionary(
                dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
            ),
        );
        let lines = page_text(&doc, page, 1 << 20).unwrap().lines;
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, vec!["Harbour Authority letterhead", "Body text."]);
        assert!((lines[0].y - 800.0).abs() < 1e-6, "{lines:?}");
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
