//! A PDF's lines made paragraphs: by the space between lines, a change of size, a short
//! line ending a sentence; across pages, a paragraph that did not end a sentence goes on.
//! Running headers, footers and page numbers are dropped and hyphenation at line ends is
//! undone.

use std::collections::BTreeMap;

use super::pdf_layout::{Line, PageText};

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
}
