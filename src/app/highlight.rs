//! Marked-up statement text: topic words in their topic's colour, the words that differ from
//! another column's counterpart, and search matches.

use std::ops::Range;

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{Color32, FontId};

use crate::compare::diff::{Change, word_diff};
use crate::session::TopicWords;

/// Byte ranges of a text to mark.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// Topic words, with the topic's place in the lexicon.
    pub topics: Vec<(Range<usize>, usize)>,
    /// Words not in the counterpart.
    pub diff: Vec<Range<usize>>,
    /// Search matches.
    pub search: Vec<Range<usize>>,
}

/// The words of `text` that put it on one of `topics` (ids of the statement's topics), with
/// the topic's place: the reading's own marks ([`crate::reading::topics::TopicIndex::marks`]),
/// the same words the reports mark.
pub fn topic_ranges(
    text: &str,
    topics: &[String],
    words: &TopicWords,
) -> Vec<(Range<usize>, usize)> {
    let wanted: Vec<usize> = topics.iter().filter_map(|t| words.index(t)).collect();
    words.index.marks(text, &wanted)
}

/// The byte ranges of `text` (in words) that are not in `other`.
pub fn diff_ranges(other: &str, text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for piece in word_diff(other, text) {
        match piece.change {
            Change::Removed => {}
            Change::Same => pos += piece.text.len(),
            Change::Added => {
                let t = piece.text.trim();
                if !t.is_empty() {
                    let lead = piece.text.len() - piece.text.trim_start().len();
                    out.push(pos + lead..pos + lead + t.len());
                }
                pos += piece.text.len();
            }
        }
    }
    out
}

/// Like [`diff_ranges`], but nothing when most of `text` differs: two texts that share little
/// are different sentences, and marking nearly every word would say nothing.
pub fn diff_ranges_if_alike(other: &str, text: &str) -> Vec<Range<usize>> {
    let ranges = diff_ranges(other, text);
    let marked: usize = ranges.iter().map(|r| r.len()).sum();
    if marked * 2 > text.trim().len() {
        Vec::new()
    } else {
        ranges
    }
}

/// The byte ranges of `text` where `needle` (lower-case) occurs, ignoring case. Texts whose
/// lower-case form has other byte offsets (a few non-ASCII letters) are matched but not marked.
pub fn search_ranges(text: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return Vec::new();
    }
    lower
        .match_indices(needle)
        .map(|(i, m)| i..i + m.len())
        .filter(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
        .collect()
}

/// Colours of the marks in one theme.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// The text's colour.
    pub text: Color32,
    /// The background of words that differ.
    pub diff: Color32,
    /// The background of search matches.
    pub search: Color32,
    /// The text colour on a search match.
    pub search_text: Color32,
}

/// A layout job for `text` with its marks, wrapped at `width`, at most `max_rows` rows (the
/// rest elided).
pub fn job(
    text: &str,
    marks: &Marks,
    font: FontId,
    style: &Style,
    topic_colour: &dyn Fn(usize) -> Color32,
    width: f32,
    max_rows: usize,
) -> LayoutJob {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for r in marks
        .diff
        .iter()
        .chain(&marks.search)
        .chain(marks.topics.iter().map(|(r, _)| r))
    {
        cuts.push(r.start.min(text.len()));
        cuts.push(r.end.min(text.len()));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let inside = |list: &[Range<usize>], at: usize| list.iter().any(|r| r.contains(&at));
    let mut job = LayoutJob {
        wrap: TextWrapping {
            max_width: width,
            max_rows,
            break_anywhere: false,
            overflow_character: Some('…'),
        },
        ..Default::default()
    };
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a >= b || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
            continue;
        }
        let mut format = TextFormat::simple(font.clone(), style.text);
        if let Some((_, t)) = marks.topics.iter().find(|(r, _)| r.contains(&a)) {
            format.color = topic_colour(*t);
        }
        if inside(&marks.diff, a) {
            format.background = style.diff;
        }
        if inside(&marks.search, a) {
            format.background = style.search;
            format.color = style.search_text;
        }
        job.append(&text[a..b], 0.0, format);
    }
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_ranges_mark_the_added_words_only() {
        let (a, b) = ("The ferry runs daily.", "The ferry now runs twice daily.");
        let marked: Vec<&str> = diff_ranges(a, b).into_iter().map(|r| &b[r]).collect();
        assert_eq!(marked, vec!["now", "twice"]);
        assert!(diff_ranges(a, a).is_empty());
        assert_eq!(diff_ranges_if_alike(a, b).len(), 2);
        let other = "Council tax will rise next April.";
        assert!(!diff_ranges(other, b).is_empty());
        assert!(
            diff_ranges_if_alike(other, b).is_empty(),
            "too different to mark"
        );
    }

    #[test]
    fn search_ranges_ignore_case() {
        let t = "Bus fares rise; the BUS depot closes.";
        let found: Vec<&str> = search_ranges(t, "bus").into_iter().map(|r| &t[r]).collect();
        assert_eq!(found, vec!["Bus", "BUS"]);
        assert!(search_ranges(t, "").is_empty());
        assert!(search_ranges(t, "tram").is_empty());
    }

    #[test]
    fn topic_words_are_found_by_stem_for_the_statements_topics_only() {
        let corpus = crate::corpus::Corpus::default();
        let words = TopicWords::new(&corpus);
        let t = "The trust says the subsidies are unsustainable.";
        let on: Vec<&str> = topic_ranges(t, &["subsidy".into()], &words)
            .into_iter()
            .map(|(r, _)| &t[r])
            .collect();
        assert_eq!(on, vec!["subsidies"]);
        let both = topic_ranges(t, &["subsidy".into(), "sustainability".into()], &words);
        assert_eq!(both.len(), 2);
        assert_ne!(both[0].1, both[1].1, "each word in its own topic");
        assert!(topic_ranges(t, &[], &words).is_empty());
    }

    #[test]
    fn a_job_covers_the_whole_text_with_marks_in_place() {
        let t = "Fares rise by 5% from May.";
        let marks = Marks {
            topics: vec![(0..5, 0)],
            diff: std::iter::once(14..16).collect(),
            search: std::iter::once(20..23).collect(),
        };
        let style = Style {
            text: Color32::BLACK,
            diff: Color32::YELLOW,
            search: Color32::RED,
            search_text: Color32::WHITE,
        };
        let j = job(
            t,
            &marks,
            FontId::proportional(14.0),
            &style,
            &|_| Color32::BLUE,
            200.0,
            2,
        );
        assert_eq!(j.text, t);
        let at = |i: usize| {
            j.sections
                .iter()
                .find(|s| s.byte_range.contains(&egui::text::ByteIndex(i)))
                .unwrap()
                .format
                .clone()
        };
        assert_eq!(at(0).color, Color32::BLUE);
        assert_eq!(at(14).background, Color32::YELLOW);
        assert_eq!(at(20).background, Color32::RED);
        assert_eq!(at(8).background, Color32::TRANSPARENT);
        assert_eq!(j.wrap.max_rows, 2);
    }
}
