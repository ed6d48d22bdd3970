//! A PDF page's text in reading order: the content stream's text operators followed with
//! their positions (text and transformation matrices), runs on one baseline joined into
//! lines, lines into paragraphs by the space between them; then, over all pages, running
//! headers, footers and page numbers dropped and hyphenation at line ends undone.

use std::collections::{BTreeMap, HashMap};

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

/// The paragraphs of a document's pages, and how many header, footer and page-number
/// lines were left out.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Laid {
    /// The paragraphs, in order.
    pub paragraphs: Vec<String>,
    /// Lines left out.
    pub dropped: usize,
}

/// Lines within this many of a page's top or bottom may be running headers or footers.
const EDGE_LINES: usize = 2;

/// A line's form with its figures blanked: a running header or footer keeps it from page
/// to page (`Page 2 of 4` and `Page 3 of 4` are one form).
fn form(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// Whether a line is a page number alone (`3`, `- 3 -`, `Page 3`, `Page 3 of 4`, `3/4`).
fn is_page_number(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(['-', '–', '—', ' '])
        .to_ascii_lowercase();
    let t = t.strip_prefix("page").map_or(t.as_str(), str::trim_start);
    let mut parts = t
        .split(|c: char| c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty());
    let digits = |p: &str| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit());
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(a), None, None, None) => digits(a),
        (Some(a), Some(b), None, None) => digits(a) && digits(b),
        (Some(a), Some("of"), Some(b), None) => digits(a) && digits(b),
        _ => false,
    }
}

/// Lays out the pages' lines as paragraphs (see the module).
pub(crate) fn paragraphs(pages: &[PageText]) -> Laid {
    // forms seen at the edges of pages, counted once per page
    let mut at_edges: BTreeMap<String, usize> = BTreeMap::new();
    for page in pages {
        let n = page.lines.len();
        let mut seen: Vec<String> = Vec::new();
        for (i, line) in page.lines.iter().enumerate() {
            if (i < EDGE_LINES || i + EDGE_LINES >= n) && !seen.contains(&form(&line.text)) {
                seen.push(form(&line.text));
            }
        }
        for f in seen {
            *at_edges.entry(f).or_default() += 1;
        }
    }
    let running =
        |f: &str| pages.len() >= 2 && at_edges.get(f).copied().unwrap_or(0) * 2 > pages.len();
    let mut laid = Laid::default();
    let mut para: Vec<&Line> = Vec::new();
    let flush = |para: &mut Vec<&Line>, laid: &mut Laid| {
        if !para.is_empty() {
            laid.paragraphs.push(join_lines(para));
            para.clear();
        }
    };
    for page in pages {
        let n = page.lines.len();
        let kept: Vec<&Line> = page
            .lines
            .iter()
            .enumerate()
            .filter(|(i, l)| {
                let edge = *i < EDGE_LINES || i + EDGE_LINES >= n;
                let drop = edge && (is_page_number(&l.text) || running(&form(&l.text)));
                laid.dropped += usize::from(drop);
                !drop
            })
            .map(|(_, l)| l)
            .collect();
        let spacing = line_spacing(&kept);
        let widest = kept.iter().map(|l| l.x_end - l.x).fold(0.0, f64::max);
        for (i, line) in kept.iter().enumerate() {
            let breaks = match (i, para.last()) {
                (_, None) => false,
                // a new page: the paragraph goes on when it did not end a sentence
                (0, Some(prev)) => {
                    ends_sentence(&prev.text)
                        || starts_upper(&line.text) && ends_sentence(&prev.text)
                }
                (_, Some(prev)) => {
                    let gap = prev.y - line.y;
                    let short = prev.x_end - prev.x < 0.75 * widest && ends_sentence(&prev.text);
                    gap <= 0.0
                        || gap > spacing * 1.4
                        || (line.size - prev.size).abs() > 0.15 * prev.size
                        || short
                }
            };
            if breaks {
                flush(&mut para, &mut laid);
            }
            para.push(line);
        }
    }
    flush(&mut para, &mut laid);
    laid
}

/// The distance between the lines of a paragraph on a page: the smallest gap between
/// lines that is at least most of a line's height (smaller ones are sub- and superscripts).
fn line_spacing(lines: &[&Line]) -> f64 {
    lines
        .windows(2)
        .map(|w| (w[0].y - w[1].y, w[0].size))
        .filter(|(gap, size)| *gap >= 0.8 * size)
        .map(|(gap, _)| gap)
        .fold(f64::MAX, f64::min)
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', ':', '”', '"', '’', ')'])
}

fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// Joins a paragraph's lines: a word hyphenated at a line's end (`adminis-` then
/// `tration`) is made whole; other lines are joined with a space.
fn join_lines(lines: &[&Line]) -> String {
    let mut out = String::new();
    for line in lines {
        let text = line.text.as_str();
        let hyphenated = {
            let mut rev = out.chars().rev();
            matches!(rev.next(), Some('-' | '\u{ad}'))
                && rev.next().is_some_and(char::is_lowercase)
                && text.chars().next().is_some_and(char::is_lowercase)
        };
        if hyphenated {
            out.pop();
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, y: f64) -> Line {
        Line {
            text: text.to_string(),
            y,
            x: 72.0,
            x_end: 72.0 + text.len() as f64 * 5.0,
            size: 10.0,
        }
    }

    #[test]
    fn headers_footers_page_numbers_and_hyphens() {
        let page = |n: usize, body: &[(&str, f64)]| {
            let mut lines = vec![line("Vale Water news release", 800.0)];
            lines.extend(body.iter().map(|(t, y)| line(t, *y)));
            lines.push(line(&format!("Page {n} of 2"), 40.0));
            PageText { lines }
        };
        let pages = vec![
            page(
                1,
                &[
                    (
                        "The reservoir is full again after a wet winter and the adminis-",
                        700.0,
                    ),
                    ("tration says no ban is needed this summer.", 688.0),
                    ("A second paragraph starts here and runs on to", 660.0),
                ],
            ),
            page(2, &[("the next page without a break.", 700.0)]),
        ];
        let laid = paragraphs(&pages);
        assert_eq!(
            laid.paragraphs,
            vec![
                "The reservoir is full again after a wet winter and the administration says no ban is needed this summer.",
                "A second paragraph starts here and runs on to the next page without a break."
            ]
        );
        assert_eq!(laid.dropped, 4);
    }

    #[test]
    fn page_numbers() {
        for yes in ["3", "- 3 -", "Page 3", "Page 3 of 14", "3/14", "page 2"] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in ["3 people", "Page one", "2020 was a year", "12345"] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    #[test]
    fn a_single_page_keeps_its_first_and_last_lines() {
        let pages = vec![PageText {
            lines: vec![line("Title line", 800.0), line("Last line.", 700.0)],
        }];
        let laid = paragraphs(&pages);
        assert_eq!(laid.paragraphs.join(" "), "Title line Last line.");
        assert_eq!(laid.dropped, 0);
    }

    #[test]
    fn matrices_compose() {
        let m = Matrix::translate(10.0, 20.0).then(Matrix([2.0, 0.0, 0.0, 2.0, 1.0, 1.0]));
        assert_eq!(m.0, [2.0, 0.0, 0.0, 2.0, 21.0, 41.0]);
        assert_eq!(Matrix([1.0, 0.0, 0.0, -1.0, 0.0, 792.0]).scale(), 1.0);
    }
}
