//! Discovery: organisations whose names hold no organisation word ("Zeta Mobile", "Acme"),
//! found by how press prose writes about them, and acronyms the text defines.
//!
//! The contexts, all general English:
//! - a definition: `Northshire Hospitals Alliance (NHA)` makes `NHA` a name of that body;
//! - a spokesperson or source of it: `a Zeta Mobile spokesperson`, `an Acme source`,
//!   `a spokesperson for Acme`, `on behalf of Acme`;
//! - its officers: `Zeta Mobile's chief executive`, `Acme's board`.
//!
//! The cue nouns live in `reading.yaml` (`organisation_cues`); a phrase that is a known
//! person's name or surname is never taken for an organisation.

use super::actors::{Tok, tokens};
use crate::lexicon::Lexicon;

/// What the text defines or implies about one organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// `Full Name (ACR)`: the acronym stands for the full name.
    Acronym {
        /// The full name as written.
        full: String,
        /// The acronym.
        short: String,
    },
    /// A capitalised phrase that the context shows is an organisation.
    Organisation(String),
}

/// Connectors that an acronym skips (`Bank of England` → `BoE`, `BE`).
const SKIPPED: &[&str] = &["of", "and", "for", "the", "&", "on", "in", "to"];

/// Whether `short` (2 to 8 capitals) spells the initials of `words`, connectors optional.
fn spells(short: &str, words: &[&str]) -> bool {
    fn go(letters: &[char], words: &[&str]) -> bool {
        match (letters.first(), words.first()) {
            (None, None) => true,
            (_, None) => false,
            (l, Some(w)) => {
                let initial = w.chars().next().map(|c| c.to_ascii_uppercase());
                let lower = w.to_lowercase();
                let skip = SKIPPED.contains(&lower.as_str()) && go(letters, &words[1..]);
                skip || (l.is_some() && initial == l.copied() && go(&letters[1..], &words[1..]))
            }
        }
    }
    let letters: Vec<char> = short.chars().filter(char::is_ascii_alphabetic).collect();
    (2..=8).contains(&letters.len()) && go(&letters, words)
}

/// `Full Name (ACR)` definitions in a text: the full name is the shortest run of words
/// before the bracket whose initials spell the acronym.
pub fn acronyms(text: &str) -> Vec<Found> {
    acronyms_in(text, &tokens(text))
}

/// [`acronyms`] of a text already split into `toks`.
fn acronyms_in(text: &str, toks: &[Tok]) -> Vec<Found> {
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        let is_acronym = t.paren
            && t.text.len() >= 2
            && t.text.chars().all(|c| c.is_ascii_uppercase() || c == '&')
            && k > 0
            && !toks[k - 1].paren
            && text[toks[k - 1].end..t.start].contains('(');
        if !is_acronym {
            continue;
        }
        let from = k.saturating_sub(10);
        for start in (from..k).rev() {
            if !toks[start].cap
                || toks[start..k]
                    .iter()
                    .any(|w| w.break_after && w.end < toks[k - 1].end)
            {
                continue;
            }
            let words: Vec<&str> = toks[start..k].iter().map(|w| w.text).collect();
            if spells(t.text, &words) {
                out.push(Found::Acronym {
                    full: text[toks[start].start..toks[k - 1].end].to_string(),
                    short: t.text.to_string(),
                });
                break;
            }
        }
    }
    out
}

/// The capitalised phrase of tokens `range` when every word is a name word (not a function
/// word, title, role word, weekday or month).
fn name_phrase(toks: &[Tok], range: std::ops::Range<usize>, lex: &Lexicon) -> Option<String> {
    if range.is_empty() || range.len() > 4 {
        return None;
    }
    let r = &lex.reading;
    for t in &toks[range.clone()] {
        let l = t.lower();
        if !t.cap
            || r.function_words.contains(l)
            || r.titles.contains(l)
            || r.role_words.contains(l)
            || r.affiliations.contains(l)
            || r.calendar_words.contains(l)
        {
            return None;
        }
    }
    Some(
        toks[range]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The capitalised words that end at token `end` (exclusive), read backwards, at most four,
/// none with punctuation after it except the last.
fn phrase_before(toks: &[Tok], end: usize, lex: &Lexicon) -> std::ops::Range<usize> {
    let mut start = end;
    while start > 0 && end - start < 4 {
        let t = &toks[start - 1];
        if !t.cap
            || (t.break_after && start != end)
            || (t.possessive && start != end)
            || lex.reading.function_words.contains(t.lower())
        {
            break;
        }
        start -= 1;
    }
    start..end
}

/// Organisations that the contexts of this text reveal, acronym definitions first.
pub fn organisations(text: &str, lex: &Lexicon) -> Vec<Found> {
    let toks = tokens(text);
    let mut out = acronyms_in(text, &toks);
    let cues = &lex.reading.organisation_cues;
    let is_cue = |t: &Tok| cues.contains(t.lower()) || lex.reading.role_words.contains(t.lower());
    for k in 0..toks.len() {
        let t = &toks[k];
        // "a Zeta Mobile spokesperson", "an Acme source"
        if !t.cap && cues.contains(t.lower()) && k > 0 {
            let range = phrase_before(&toks, k, lex);
            let article =
                range.start > 0 && matches!(toks[range.start - 1].lower(), "a" | "an" | "the");
            if article
                && !toks[range.end - 1].possessive
                && !toks[range.end - 1].break_after
                && let Some(name) = name_phrase(&toks, range, lex)
            {
                out.push(Found::Organisation(name));
            }
        }
        // "Zeta Mobile's chief executive", "Acme's board"
        if t.possessive && t.cap && toks.get(k + 1).is_some_and(|n| !n.cap && is_cue(n)) {
            let range = phrase_before(&toks, k + 1, lex);
            if let Some(name) = name_phrase(&toks, range, lex) {
                out.push(Found::Organisation(name));
            }
        }
        // "Zeta Mobile chief executive Jo Bloggs": a name, a lower-case role, a person
        let role_then_person = !t.cap
            && lex.reading.role_words.contains(t.lower())
            && k > 0
            && toks[k - 1].cap
            && !toks[k - 1].possessive
            && !toks[k - 1].break_after;
        if role_then_person {
            let mut after = k + 1;
            while after < toks.len() && lex.reading.role_words.contains(toks[after].lower()) {
                after += 1;
            }
            let person_follows = toks.get(after).is_some_and(|n| n.cap)
                && toks.get(after + 1).is_some_and(|n| n.cap);
            let range = phrase_before(&toks, k, lex);
            if person_follows && let Some(name) = name_phrase(&toks, range, lex) {
                out.push(Found::Organisation(name));
            }
        }
        // "a spokesperson for Acme", "on behalf of Zeta Mobile"
        let for_of = (t.text == "for" && k > 0 && cues.contains(toks[k - 1].lower()))
            || (t.text == "of" && k > 1 && toks[k - 1].text == "behalf");
        if for_of {
            let mut end = k + 1;
            while end < toks.len() && end - k <= 4 && toks[end].cap {
                end += 1;
                if toks[end - 1].break_after || toks[end - 1].possessive {
                    break;
                }
            }
            if let Some(name) = name_phrase(&toks, k + 1..end, lex) {
                out.push(Found::Organisation(name));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs(text: &str) -> Vec<String> {
        organisations(text, &Lexicon::bundled())
            .into_iter()
            .map(|f| match f {
                Found::Organisation(n) => n,
                Found::Acronym { full, short } => format!("{full} = {short}"),
            })
            .collect()
    }

    #[test]
    fn an_acronym_defined_in_brackets() {
        assert_eq!(
            orgs("Nurses at the Northshire Hospitals Alliance (NHA) voted on Monday."),
            ["Northshire Hospitals Alliance = NHA"]
        );
        assert_eq!(
            orgs("the Bank of Lakeland (BoL) said"),
            Vec::<String>::new(),
            "mixed case is not an acronym"
        );
        assert_eq!(
            orgs("He joined the Guild of Screen Writers (GSW) in May."),
            ["Guild of Screen Writers = GSW"]
        );
        // brackets that do not spell the words before them define nothing
        assert!(orgs("Sales rose (UK only) in May.").is_empty());
    }

    #[test]
    fn spokespeople_sources_and_officers_show_an_organisation() {
        assert_eq!(
            orgs("A Zeta Mobile spokesperson said the outage was over."),
            ["Zeta Mobile"]
        );
        assert_eq!(orgs("An Acme source said talks had stalled."), ["Acme"]);
        assert_eq!(
            orgs("Zeta Mobile's chief executive apologised."),
            ["Zeta Mobile"]
        );
        assert_eq!(
            orgs("a spokesperson for Greenway Buses said"),
            ["Greenway Buses"]
        );
        assert_eq!(orgs("on behalf of Acme, the lawyer said"), ["Acme"]);
        assert_eq!(
            orgs("Zeta Mobile chief executive Jo Bloggs said"),
            ["Zeta Mobile"]
        );
        assert!(orgs("Labour councillor Jo Bloggs said").is_empty());
        // a person's title or a weekday is not an organisation
        assert!(orgs("A Monday spokesperson").is_empty());
        assert!(orgs("The Chief Executive's office").is_empty());
    }
}
