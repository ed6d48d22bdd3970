//! Byline and date lines near the top of a plain text: `Valley Gazette, 4 March 2023`,
//! `By Jane Doe, Reuters`, `Published 12 July 2024`, `12/07/2024 | The Outlet`,
//! `The Outlet — July 12, 2024`, `Outlet A / Outlet B, 2021`, `Outlet, November 2022
//! (a note)`, and `Reports from … (Outlet One, 6 February 2020; Outlet Two, 6 February 2020)`.
//!
//! Such a line is how a copied article keeps its source when it has no metadata. The line
//! stays in the body (its words are the document's); [`find`] only reads it.

use super::dates::{Published, parse_published};

/// What a byline or date line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    /// The outlet it names first (`None` for a date line or a person's byline alone).
    pub outlet: Option<String>,
    /// The date it gives, perhaps only a month or a year.
    pub published: Option<Published>,
    /// The line, trimmed.
    pub line: String,
    /// Its byte range in the text it was found in.
    pub span: std::ops::Range<usize>,
}

/// Lines longer than this are prose, not a byline.
const MAX_LINE_CHARS: usize = 240;

/// Words that open a date line: `Published 12 July 2024`, `Last updated: …`.
const DATE_LABELS: &[&str] = &[
    "first published",
    "last updated",
    "last modified",
    "published on",
    "published",
    "updated on",
    "updated",
    "posted on",
    "posted",
    "issued on",
    "issued",
    "dated",
    "date",
];

/// Words that open a source line: `Source: The Outlet, 3 May 2023`, `Via Outlet`.
const NAME_LABELS: &[&str] = &["published by", "source", "publisher", "from", "via"];

/// Words of a name that are not capitalised: `Express and Star`, `Stratford-upon-Avon
/// Herald`, `News of the World`.
const CONNECTORS: &[&str] = &[
    "and", "of", "the", "for", "on", "upon", "in", "de", "la", "le", "du", "am", "&", "+",
];

/// Staff titles that follow a name in a byline (`By Jane Doe, Health Correspondent`):
/// not an outlet.
const ROLE_WORDS: &[&str] = &[
    "correspondent",
    "editor",
    "reporter",
    "writer",
    "journalist",
    "columnist",
    "staff",
    "contributor",
    "analyst",
    "producer",
    "presenter",
    "chief",
    "senior",
];

/// The byline or date line among the first two non-empty lines of `text`, if one is.
/// `known` says whether a name is a known outlet (which may be written in lower case, as
/// `i` is).
pub fn find(text: &str, known: &dyn Fn(&str) -> bool) -> Option<Byline> {
    let mut pos = 0;
    let mut seen = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        seen += 1;
        if let Some(mut b) = parse_line(trimmed, known) {
            let lead = line.len() - line.trim_start().len();
            b.span = start + lead..start + lead + trimmed.len();
            return Some(b);
        }
        if seen == 2 {
            break;
        }
    }
    None
}

/// Reads one line as a byline or date line; `None` when it is anything else.
pub fn parse_line(line: &str, known: &dyn Fn(&str) -> bool) -> Option<Byline> {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > MAX_LINE_CHARS {
        return None;
    }
    let found = |outlet: Option<String>, published: Option<Published>| Byline {
        outlet,
        published,
        line: line.to_string(),
        span: 0..line.len(),
    };
    let (main, note) = trailing_note(line);
    if let Some(note) = note {
        // "Reports from … (Outlet One, 6 February 2020; Outlet Two, 6 February 2020)"
        let entries: Vec<(Option<String>, Option<Published>)> = note
            .split(';')
            .map(|e| name_and_date(e.trim(), known))
            .collect::<Option<_>>()
            .unwrap_or_default();
        if let Some((outlet, date)) = entries
            .iter()
            .find(|(o, d)| o.is_some() && d.is_some())
            .cloned()
        {
            return Some(found(outlet, date));
        }
    }
    let (outlet, published) = segments(main, known)?;
    Some(found(outlet, published))
}

/// Splits a line ending in a bracketed note into the line before it and the note.
fn trailing_note(line: &str) -> (&str, Option<&str>) {
    let Some(body) = line.strip_suffix(')') else {
        return (line, None);
    };
    let mut depth = 0usize;
    for (i, c) in body.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => return (body[..i].trim_end(), Some(&body[i + 1..])),
            '(' => depth -= 1,
            _ => {}
        }
    }
    (line, None)
}

/// Reads a line of `|`, `—`, `•` separated parts, each a name, a date, a labelled date or
/// a `By …` byline; `None` unless every part is one and the line names a date or an outlet
/// in a byline.
fn segments(
    line: &str,
    known: &dyn Fn(&str) -> bool,
) -> Option<(Option<String>, Option<Published>)> {
    let mut outlet: Option<String> = None;
    let mut date: Option<Published> = None;
    let mut byline_outlet = false;
    for part in split_parts(line) {
        if let Some(d) = labelled_date(part).or_else(|| parse_published(part)) {
            date = date.or(Some(d));
            continue;
        }
        if let Some(rest) = strip_word(part, "by") {
            // "By Jane Doe", "By Jane Doe, Reuters", "By Jane Doe, Reuters, 12 July 2024"
            let (names, d) = match date_cut(rest) {
                Some(i) => (rest[..i].trim(), parse_published(&rest[i + 1..])),
                None => (rest, None),
            };
            date = date.or(d);
            let pieces: Vec<&str> = names.split(',').map(str::trim).collect();
            if !pieces.iter().all(|p| is_name(p, known)) {
                return None;
            }
            if let Some(o) = pieces
                .iter()
                .skip(1)
                .find(|p| is_outlet_like(p, known))
                .filter(|_| outlet.is_none())
            {
                outlet = Some(first_name(o));
                byline_outlet = true;
            }
            continue;
        }
        match name_and_date(strip_name_label(part), known) {
            Some((name, d)) => {
                if outlet.is_none() {
                    outlet = name;
                }
                date = date.or(d);
            }
            None => return None,
        }
    }
    (date.is_some() || byline_outlet).then_some((outlet, date))
}

/// The parts of a line between `|`, `•`, `·` and spaced dashes.
fn split_parts(line: &str) -> Vec<&str> {
    let mut parts = vec![line];
    for sep in [" | ", "|", " • ", " · ", " — ", " – ", " - ", "—", "–"] {
        parts = parts
            .into_iter()
            .flat_map(|p| p.split(sep))
            .map(str::trim)
            .collect();
    }
    parts.into_iter().filter(|p| !p.is_empty()).collect()
}

/// `Published 12 July 2024`, `Last updated: 2024-07-12`: the date after a label.
fn labelled_date(part: &str) -> Option<Published> {
    let lower = part.to_lowercase();
    let label = DATE_LABELS.iter().find(|l| {
        lower.starts_with(*l) && !lower[l.len()..].starts_with(|c: char| c.is_alphanumeric())
    })?;
    let rest = part[label.len()..].trim_start_matches([':', ' ', '\u{a0}']);
    parse_published(rest)
}

/// `part` without a leading `Source:`, `From`, `Via` … ([`NAME_LABELS`]).
fn strip_name_label(part: &str) -> &str {
    for label in NAME_LABELS {
        if let Some(head) = part.get(..label.len())
            && head.eq_ignore_ascii_case(label)
        {
            let rest = &part[label.len()..];
            if rest.starts_with([':', ' ']) {
                return rest.trim_start_matches([':', ' ']);
            }
        }
    }
    part
}

/// `part` without a leading whole word `word` (any case).
fn strip_word<'a>(part: &'a str, word: &str) -> Option<&'a str> {
    let head = part.get(..word.len())?;
    let rest = &part[word.len()..];
    (head.eq_ignore_ascii_case(word) && rest.starts_with(char::is_whitespace))
        .then(|| rest.trim_start())
}

/// Where the date at the end of `text` starts, after its comma (the byte before it).
fn date_cut(text: &str) -> Option<usize> {
    text.char_indices()
        .filter(|&(_, c)| c == ',')
        .map(|(i, _)| i)
        .find(|&i| parse_published(&text[i + 1..]).is_some())
}

/// `Outlet, 4 March 2023`, `Outlet, July 12, 2024`, `Outlet A / Outlet B, 2021`, a date
/// alone, or a name alone: the name (its first outlet) and the date. `None` when the text
/// is neither.
fn name_and_date(
    text: &str,
    known: &dyn Fn(&str) -> bool,
) -> Option<(Option<String>, Option<Published>)> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(d) = parse_published(text) {
        return Some((None, Some(d)));
    }
    if let Some(i) = date_cut(text) {
        let name = text[..i].trim();
        let date = parse_published(&text[i + 1..]);
        return is_name(name, known).then(|| (Some(first_name(name)), date));
    }
    is_name(text, known).then(|| (Some(first_name(text)), None))
}

/// The first of names joined by `/` or ` + ` (`Outlet A / Outlet B`).
fn first_name(name: &str) -> String {
    let first = name.split('/').next().unwrap_or(name);
    first
        .split(" + ")
        .next()
        .unwrap_or(first)
        .trim()
        .to_string()
}

/// A proper name: a known outlet, or up to eight words each capitalised (or an acronym,
/// or `CityAM`-like) or a connector, without sentence punctuation; names joined by `/`
/// are each checked.
fn is_name(text: &str, known: &dyn Fn(&str) -> bool) -> bool {
    let text = text.trim();
    if text.is_empty() {
        return false;
    }
    if known(text) {
        return true;
    }
    text.split('/').map(str::trim).all(|name| {
        let words: Vec<&str> = name.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= 8
            && !name.ends_with(['.', '!', '?', ':'])
            && !name.contains(['"', '“', '”', ';'])
            && words[0].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && words.iter().all(|w| {
                CONNECTORS.contains(&w.to_lowercase().as_str())
                    || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            })
            || known(name)
    })
}

/// A name after the person in a byline that may be the outlet: a known one, or a name
/// that is not a staff title (`Health Correspondent`).
fn is_outlet_like(name: &str, known: &dyn Fn(&str) -> bool) -> bool {
    known(name)
        || !name
            .split_whitespace()
            .any(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(name: &str) -> bool {
        matches!(name, "i" | "Wire Service")
    }

    fn read(line: &str) -> Option<(Option<String>, Option<String>)> {
        parse_line(line, &known).map(|b| (b.outlet, b.published.map(Published::to_iso)))
    }

    fn both(outlet: &str, date: &str) -> Option<(Option<String>, Option<String>)> {
        Some((Some(outlet.to_string()), Some(date.to_string())))
    }

    #[test]
    fn outlet_then_date() {
        assert_eq!(
            read("Northvale Echo, 4 March 2023"),
            both("Northvale Echo", "2023-03-04")
        );
        assert_eq!(
            read("The Riverside Courier — July 12, 2024"),
            both("The Riverside Courier", "2024-07-12")
        );
        assert_eq!(
            read("Harbour Weekly, October 2018"),
            both("Harbour Weekly", "2018-10")
        );
        assert_eq!(read("i, 17 March 2023"), both("i", "2023-03-17"));
        assert_eq!(
            read("Vale Sports Daily / Northvale Football Club, 2021"),
            both("Vale Sports Daily", "2021")
        );
        assert_eq!(
            read("Metro Tech Review, November 2022 (reporting a radio interview)"),
            both("Metro Tech Review", "2022-11")
        );
    }

    #[test]
    fn date_then_outlet_and_date_lines() {
        assert_eq!(
            read("12/07/2024 | The Hospital Gazette"),
            both("The Hospital Gazette", "2024-07-12")
        );
        assert_eq!(
            read("Published 12 July 2024"),
            Some((None, Some("2024-07-12".to_string())))
        );
        assert_eq!(
            read("Source: The Borough Times, 3 May 2023"),
            both("The Borough Times", "2023-05-03")
        );
        assert_eq!(
            read("3 May 2023"),
            Some((None, Some("2023-05-03".to_string())))
        );
        assert_eq!(
            read("Last updated: 3 May 2021, 09:15"),
            Some((None, Some("2021-05-03T09:15:00".to_string())))
        );
    }

    #[test]
    fn bylines_name_the_outlet_after_the_person() {
        assert_eq!(
            read("By Jane Doe, Wire Service"),
            Some((Some("Wire Service".to_string()), None))
        );
        assert_eq!(
            read("By Sam Lee, Borough Times, 2 June 2022"),
            both("Borough Times", "2022-06-02")
        );
        // a staff title is not an outlet, and a person alone dates nothing
        assert_eq!(read("By Jane Doe, Health Correspondent"), None);
        assert_eq!(read("By Jane Doe"), None);
    }

    #[test]
    fn a_list_of_reports_names_its_first_outlet() {
        assert_eq!(
            read(
                "Reports from the council budget meeting of 5 February 2020 (Town Crier, 6 February 2020; Valley FM, 7 February 2020)"
            ),
            both("Town Crier", "2020-02-06")
        );
    }

    #[test]
    fn prose_is_not_a_byline() {
        for line in [
            "The council met on 4 March 2023 to agree the budget.",
            "Rates will rise, the council said, from April 2024",
            "Club confirms new manager",
            "Hospital waiting lists fell in 2021",
            "Fees rise - 2024",
            "\"We are delighted,\" said the chair, 4 March 2023",
        ] {
            assert_eq!(read(line), None, "{line}");
        }
    }

    /// The bundled boilerplate patterns make these lines statements that are not claims,
    /// so their words stay in the comparison; prose stays prose.
    #[test]
    fn bylines_are_boilerplate_and_prose_is_not() {
        let lex = crate::lexicon::Lexicon::bundled();
        let bp = &lex.boilerplate;
        let matched = |line: &str| {
            bp.furniture
                .iter()
                .chain(&bp.signoffs)
                .chain(&bp.captions)
                .any(|re| re.is_match(line))
        };
        for line in [
            "Northvale Echo, 4 March 2023",
            "The Riverside Courier — July 12, 2024",
            "Harbour Weekly, October 2018",
            "i, 17 March 2023",
            "Vale Sports Daily / Northvale Football Club, 2021",
            "Metro Tech Review, November 2022 (reporting a radio interview)",
            "12/07/2024 | The Hospital Gazette",
            "Published 12 July 2024",
            "Last updated: 3 May 2021, 09:15",
            "Source: The Borough Times, 3 May 2023",
            "Tue 2 May 2023 14.30 BST",
            "By Jane Doe | The Borough Times | Published: May 2023",
            "By Jane Doe, Wire Service",
            "By Sam Lee, Borough Times, 2 June 2022",
            "Reports from the council budget meeting of 5 February 2020 (Town Crier, 6 February 2020; Valley FM, 7 February 2020)",
        ] {
            assert!(parse_line(line, &known).is_some(), "{line}");
            assert!(matched(line), "not boilerplate: {line}");
        }
        for line in [
            "The council met on 4 March 2023 to agree the budget.",
            "Rates will rise, the council said, from April 2024",
            "Club confirms new manager",
            "Hospital waiting lists fell in 2021",
            "\"We are delighted,\" said the chair, 4 March 2023",
            "The figures came out last week (Office for Statistics, 12 March 2023).",
            "Tuesday 19 July 2022: the vote",
            "In 2021, the club was sold",
        ] {
            assert!(!matched(line), "boilerplate: {line}");
        }
    }

    #[test]
    fn found_on_the_first_or_second_line() {
        let text = "Stadium plan approved\nCounty Sport, 3 April 2022\n\nThe club said…";
        let b = find(text, &known).expect("a byline");
        assert_eq!(&text[b.span.clone()], "County Sport, 3 April 2022");
        assert_eq!(b.outlet.as_deref(), Some("County Sport"));
        assert!(find("One.\nTwo.\nCounty Sport, 3 April 2022", &known).is_none());
    }
}
