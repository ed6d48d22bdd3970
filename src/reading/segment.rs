//! Paragraphs → sentences, and the paragraphs that are not claims (captions, furniture,
//! sign-offs, bylines).
//!
//! The splitter works on byte ranges of the document body so every statement keeps its
//! exact span. A full stop ends a sentence only when whitespace and a sentence opener
//! follow it, and not after an abbreviation (`Mr.`, `e.g.`), an initial (`J. Smith`) or a
//! number abbreviation before a number (`No. 10`); decimals (`£10.5m`, `3.5%`) never have
//! whitespace after the point. Closing quote marks and brackets after the stop stay with
//! the sentence (`…sustainable." Next`).

use std::ops::Range;

use crate::comparison::StatementKind;
use crate::corpus::{Document, Paragraph};
use crate::lexicon::Lexicon;

/// A document's paragraphs, each with its furniture kind ([`furniture`]), found once per
/// document and shared by the passes that walk it: the boilerplate patterns are long, and
/// matching them again in every pass was a tenth of the reading's time.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// For each paragraph, `Some(kind)` when it is a caption or boilerplate.
    pub furniture: Vec<Option<StatementKind>>,
}

impl Layout {
    /// The layout of one document.
    pub fn of(doc: &Document, lex: &Lexicon) -> Layout {
        let paragraphs = doc.paragraphs();
        let furniture = (paragraphs.iter())
            .map(|p| furniture(&doc.body[p.span.clone()], lex))
            .collect();
        Layout {
            paragraphs,
            furniture,
        }
    }

    /// The paragraphs that may hold claims (not captions or boilerplate).
    pub fn prose(&self) -> impl Iterator<Item = &Paragraph> {
        (self.paragraphs.iter().zip(&self.furniture))
            .filter(|(_, kind)| kind.is_none())
            .map(|(p, _)| p)
    }
}

/// The kind of a paragraph that is not a claim: a caption or boilerplate; `None` otherwise.
pub fn furniture(paragraph: &str, lex: &Lexicon) -> Option<StatementKind> {
    let p = paragraph.trim();
    let bp = &lex.boilerplate;
    if bp.captions.iter().any(|re| re.is_match(p)) {
        Some(StatementKind::Caption)
    } else if bp
        .furniture
        .iter()
        .chain(&bp.signoffs)
        .any(|re| re.is_match(p))
    {
        Some(StatementKind::Boilerplate)
    } else {
        None
    }
}

/// Characters that close a quotation or a bracket after a sentence's final stop.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

/// Characters that may open a sentence besides letters and digits.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '•' | '*' | '£' | '$' | '€'
    )
}

/// Where a leading list marker (`* `, `• `, `- `, `– `) ends, or 0.
pub fn bullet_len(text: &str) -> usize {
    let mut chars = text.char_indices();
    match chars.next() {
        Some((_, '*' | '-' | '•' | '–' | '·')) => match chars.next() {
            Some((i, c)) if c.is_whitespace() => {
                let rest = &text[i..];
                i + rest.len() - rest.trim_start().len()
            }
            _ => 0,
        },
        _ => 0,
    }
}

/// The sentences of `body[range]`, as trimmed byte ranges of `body`. A leading list marker
/// is left out of the first sentence; empty pieces are dropped.
pub fn sentences(body: &str, range: Range<usize>, lex: &Lexicon) -> Vec<Range<usize>> {
    let text = &body[range.clone()];
    let base = range.start;
    let mut out = Vec::new();
    let mut start = bullet_len(text.trim_start()) + (text.len() - text.trim_start().len());
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if !matches!(c, '.' | '!' | '?' | '…') {
            k += 1;
            continue;
        }
        // the run of stops and closers after this stop
        let mut m = k + 1;
        while m < chars.len()
            && (matches!(chars[m].1, '.' | '!' | '?' | '…') || is_closer(chars[m].1))
        {
            m += 1;
        }
        let end = chars.get(m).map_or(text.len(), |&(j, _)| j);
        if m >= chars.len() {
            break;
        }
        if !chars[m].1.is_whitespace() {
            k = m;
            continue;
        }
        let mut n = m;
        while n < chars.len() && chars[n].1.is_whitespace() {
            n += 1;
        }
        let Some(&(_, next)) = chars.get(n) else {
            break;
        };
        let opens = next.is_uppercase() || next.is_numeric() || is_opener(next);
        if opens && (c != '.' || full_stop_ends(&text[start..i], &text[chars[n].0..], lex)) {
            push_trimmed(&mut out, body, base + start..base + end);
            start = chars[n].0;
        }
        k = n;
    }
    push_trimmed(&mut out, body, base + start..range.end);
    out
}

/// The longest sentence kept whole, in bytes. A longer one (text without stops: a scraped
/// table, a file of one line) is cut at spaces into pieces no longer, so that no statement
/// is a whole file and the work on each stays small.
pub const MAX_SENTENCE_BYTES: usize = 2_000;

fn push_trimmed(out: &mut Vec<Range<usize>>, body: &str, r: Range<usize>) {
    if r.start >= r.end {
        return;
    }
    let s = &body[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return;
    }
    let (mut start, end) = (r.start + lead, r.end - trail);
    while end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !body.is_char_boundary(limit) {
            limit -= 1;
        }
        let piece = &body[start..limit];
        let cut = match piece.rfind(char::is_whitespace) {
            Some(i) if !piece[..i].trim_end().is_empty() => start + piece[..i].trim_end().len(),
            _ => limit,
        };
        out.push(start..cut);
        let rest = &body[cut..end];
        start = cut + (rest.len() - rest.trim_start().len());
    }
    out.push(start..end);
}

/// Whether a full stop after `before` ends the sentence, given the text `after` it.
fn full_stop_ends(before: &str, after: &str, lex: &Lexicon) -> bool {
    let word = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    let lower = word.to_lowercase();
    let next_word: String = after
        .chars()
        .skip_while(|c| !c.is_alphanumeric())
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let r = &lex.reading;
    if r.abbreviations.contains(&lower) {
        return false;
    }
    if r.numeric_abbreviations.contains(&lower)
        && next_word.starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next())
        && first.is_uppercase()
    {
        return false; // an initial: "J. Smith"
    }
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1) {
        // a dotted acronym ("U.N."): a sentence ends only if a common opener follows
        return r.function_words.contains(&next_word.to_lowercase());
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let lex = Lexicon::bundled();
        sentences(text, 0..text.len(), &lex)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn press_prose() {
        assert_eq!(
            split(
                "Mr. Hale met Dr Singh at St. Anne's. The deal is worth £10.5m, up 3.5% on 2019."
            ),
            vec![
                "Mr. Hale met Dr Singh at St. Anne's.",
                "The deal is worth £10.5m, up 3.5% on 2019."
            ]
        );
        assert_eq!(
            split("Lots, e.g. buses, were sold. Rooms No. 4 and 5 shut. J. R. Cole wrote it."),
            vec![
                "Lots, e.g. buses, were sold.",
                "Rooms No. 4 and 5 shut.",
                "J. R. Cole wrote it."
            ]
        );
        assert_eq!(
            split("The U.K. team won. The U.K. Olympic body agreed."),
            vec!["The U.K. team won.", "The U.K. Olympic body agreed."]
        );
    }

    #[test]
    fn quotes_end_inside_the_mark_and_dashes_do_not_split() {
        assert_eq!(
            split(
                "She called it “a disgrace.” The club – which denies it – said no. \"Why?\" he asked."
            ),
            vec![
                "She called it “a disgrace.”",
                "The club – which denies it – said no.",
                "\"Why?\" he asked."
            ]
        );
    }

    #[test]
    fn bullets_and_spans() {
        let body = "Intro.\n * Ward 3 closes. Ward 4 stays.";
        let lex = Lexicon::bundled();
        let got: Vec<&str> = sentences(body, 7..body.len(), &lex)
            .into_iter()
            .map(|r| &body[r])
            .collect();
        assert_eq!(got, vec!["Ward 3 closes.", "Ward 4 stays."]);
    }

    #[test]
    fn furniture_kinds() {
        let lex = Lexicon::bundled();
        assert_eq!(
            furniture("Image caption The new ward", &lex),
            Some(StatementKind::Caption)
        );
        assert_eq!(
            furniture("Back to news archive", &lex),
            Some(StatementKind::Boilerplate)
        );
        assert_eq!(
            furniture("Issued by the Press Office", &lex),
            Some(StatementKind::Boilerplate)
        );
        assert_eq!(
            furniture("By Jane Doe", &lex),
            Some(StatementKind::Boilerplate)
        );
        assert_eq!(furniture("The ward opens in May.", &lex), None);
    }
}
