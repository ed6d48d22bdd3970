//! Quotations: where they are (straight and curly marks, British multi-paragraph quotes
//! whose paragraphs each open a mark and only the last closes it) and whether each is a full
//! quotation (attributed, sentence-like) or a fragment inside a narrative sentence
//! ("it was a “real opportunity” for the town").

use std::ops::Range;

use crate::corpus::Paragraph;
use crate::lexicon::Lexicon;

/// One quoted passage within one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSeg {
    /// The paragraph's index.
    pub paragraph: usize,
    /// The byte position of the opening mark in the body.
    pub open: usize,
    /// The quoted words, marks excluded, in body bytes.
    pub content: Range<usize>,
    /// The byte position just after the closing mark; `None` when the paragraph ends open.
    pub close: Option<usize>,
    /// Segments of one multi-paragraph quotation share a chain number.
    pub chain: usize,
    /// A full quotation (its sentences are quote statements), not a fragment.
    pub full: bool,
    /// The attribution before the opening mark ("Jane Doe said:"), in body bytes.
    pub lead: Option<Range<usize>>,
    /// The attribution after the closing mark (", said Jane Doe."), in body bytes.
    pub trail: Option<Range<usize>>,
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '“' | '„')
}

/// Finds the quotations of a document body.
pub fn find(body: &str, paragraphs: &[Paragraph], lex: &Lexicon) -> Vec<QuoteSeg> {
    let mut segs: Vec<QuoteSeg> = Vec::new();
    let mut chain = 0usize;
    let mut chain_open = false;
    for p in paragraphs {
        let text = &body[p.span.clone()];
        let continues = chain_open && text.starts_with(is_opening);
        let mut open: Option<(usize, usize)> = None; // (mark position, content start)
        let mut first = true;
        let mut prev: Option<char> = None;
        for (i, c) in text.char_indices() {
            let at = p.span.start + i;
            let after = at + c.len_utf8();
            match c {
                '“' | '„' => {
                    if let Some((o, s)) = open.take() {
                        push(&mut segs, p.index, o, s..at, None, chain);
                    }
                    if !(first && continues) {
                        chain += 1;
                    }
                    open = Some((at, after));
                }
                '”' => {
                    if let Some((o, s)) = open.take() {
                        push(&mut segs, p.index, o, s..at, Some(after), chain);
                    }
                }
                '"' => {
                    if let Some((o, s)) = open.take() {
                        push(&mut segs, p.index, o, s..at, Some(after), chain);
                    } else if prev.is_none_or(|q| {
                        q.is_whitespace() || matches!(q, '(' | '[' | ':' | '—' | '–' | '-' | '/')
                    }) {
                        if !(first && continues) {
                            chain += 1;
                        }
                        open = Some((at, after));
                    }
                }
                _ => {}
            }
            if !c.is_whitespace() {
                first = false;
            }
            prev = Some(c);
        }
        chain_open = false;
        if let Some((o, s)) = open {
            push(&mut segs, p.index, o, s..p.span.end, None, chain);
            chain_open = true;
        }
    }
    classify(body, paragraphs, &mut segs, lex);
    segs
}

fn push(
    segs: &mut Vec<QuoteSeg>,
    paragraph: usize,
    open: usize,
    content: Range<usize>,
    close: Option<usize>,
    chain: usize,
) {
    segs.push(QuoteSeg {
        paragraph,
        open,
        content,
        close,
        chain,
        full: false,
        lead: None,
        trail: None,
    });
}

/// The last word of a text, lower case, without punctuation.
fn last_word(text: &str) -> String {
    text.split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Decides which segments are full quotations and finds their attributions.
fn classify(body: &str, paragraphs: &[Paragraph], segs: &mut [QuoteSeg], lex: &Lexicon) {
    let verbs = &lex.reading.speech_verbs;
    let n = segs.len();
    for k in 0..n {
        let p = &paragraphs[segs[k].paragraph];
        // the text between the previous segment (or the paragraph's start) and this mark
        let lead_start = if k > 0 && segs[k - 1].paragraph == segs[k].paragraph {
            segs[k - 1].close.unwrap_or(segs[k - 1].content.end)
        } else {
            p.span.start
        };
        let lead_text = &body[lead_start..segs[k].open];
        // the attribution is the lead's last sentence
        let sentence_start = lead_text
            .rfind(['.', '!', '?'])
            .map_or(lead_start, |i| lead_start + i + 1);
        let lead_clause = body[sentence_start..segs[k].open].trim();
        let names_a_verb = lead_clause.split_whitespace().any(|w| {
            verbs.contains(
                &w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase(),
            )
        });
        let intro = lead_clause.ends_with(':')
            || (lead_clause.ends_with(',')
                && (verbs.contains(&last_word(lead_clause)) || names_a_verb));
        let at_sentence_start = lead_clause.is_empty();
        let content = body[segs[k].content.clone()].trim_end();
        let sentence_like = content.ends_with(['.', '!', '?', ',', '…']);
        // the text after the closing mark up to the sentence's end
        let trail = segs[k].close.map(|c| {
            let rest_end = if k + 1 < n && segs[k + 1].paragraph == segs[k].paragraph {
                segs[k + 1].open
            } else {
                p.span.end
            };
            let rest = &body[c..rest_end];
            let end = rest.find(['.', '!', '?']).map_or(rest.len(), |i| i + 1);
            c..c + end
        });
        let trail_attr = trail.clone().filter(|t| {
            let words: Vec<String> = body[t.clone()]
                .split_whitespace()
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .collect();
            words.len() <= 16 && words.iter().take(8).any(|w| verbs.contains(w))
        });
        let continuation = k > 0 && segs[k - 1].chain == segs[k].chain;
        let open_paragraph_end = segs[k].close.is_none();
        let full = intro
            || continuation
            || (at_sentence_start && (sentence_like || trail_attr.is_some() || open_paragraph_end))
            || (at_sentence_start
                && segs[k]
                    .close
                    .is_some_and(|c| body[c..p.span.end].trim().is_empty()));
        segs[k].full = full;
        if full && intro {
            segs[k].lead = Some(sentence_start..segs[k].open);
        }
        if full && at_sentence_start {
            segs[k].trail = trail_attr;
        }
    }
    // a chain is full when any of its segments is
    for k in 1..n {
        if segs[k].chain == segs[k - 1].chain && segs[k - 1].full {
            segs[k].full = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::paragraphs;

    fn quoted(body: &str) -> Vec<(String, bool, usize)> {
        let ps = paragraphs(body);
        find(body, &ps, &Lexicon::bundled())
            .into_iter()
            .map(|s| (body[s.content].to_string(), s.full, s.chain))
            .collect()
    }

    #[test]
    fn curly_multi_paragraph_quote_is_one_chain() {
        let body = "The mayor said: “We will rebuild the pier.\n“It will take two years.\n“It will cost £4m.”\nThe council voted.";
        let q = quoted(body);
        assert_eq!(q.len(), 3);
        assert!(
            q.iter().all(|(_, full, chain)| *full && *chain == q[0].2),
            "{q:?}"
        );
        assert_eq!(q[2].0, "It will cost £4m.");
    }

    #[test]
    fn straight_quotes_fragments_and_trailing_attribution() {
        let body =
            "The plan was \"a disaster\", it claimed.\n\n\"We are not to blame,\" said Ann Lee.";
        let q = quoted(body);
        assert_eq!(q[0], ("a disaster".to_string(), false, q[0].2));
        assert!(q[1].1, "{q:?}");
        let segs = find(body, &paragraphs(body), &Lexicon::bundled());
        let trail = segs[1].trail.clone().map(|t| &body[t]);
        assert_eq!(trail, Some(" said Ann Lee."));
    }
}
