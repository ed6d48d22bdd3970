//! Statement fingerprints: a hash of a statement's normalised text, so a note can find its
//! statements again after the files change.
//!
//! Statement and group ids derive from a document's path and byte offsets, so they change as
//! soon as a file is edited above a statement or renamed. A fingerprint depends on the words
//! alone: letter case, runs of white space, curly or straight quotes, dash styles and
//! punctuation between words do not change it.
//!
//! ```
//! use parallax::annotations::fingerprint::fingerprint;
//! assert_eq!(
//!     fingerprint("“The depot  will close,” she said."),
//!     fingerprint("\"the depot will close\" she said"),
//! );
//! assert_ne!(fingerprint("The depot will close."), fingerprint("The depot will open."));
//! ```

use crate::comparison::{Comparison, Group};

/// The text as fingerprinted: lower case; curly and straight quotes, dash styles and other
/// punctuation unified to a gap between words, except what belongs to a word or a figure:
/// an apostrophe or hyphen between letters (`trust's`, `best-in-class`), a decimal point
/// (`4.5`), `%`, `&` and currency signs; a thousands comma (`10,500`) is dropped. Gaps are
/// single spaces, none at either end.
pub fn normalise(text: &str) -> String {
    let chars: Vec<char> = text
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        let between = |test: fn(&char) -> bool| {
            before.as_ref().is_some_and(test) && after.as_ref().is_some_and(test)
        };
        let keep = c.is_alphanumeric()
            || matches!(c, '%' | '&' | '£' | '$' | '€' | '¥')
            || (matches!(c, '\'' | '-') && between(|c| c.is_alphanumeric()))
            || (c == '.' && between(char::is_ascii_digit));
        if c == ',' && between(char::is_ascii_digit) {
            continue;
        }
        if keep {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// The fingerprint of a statement's text: `f-` + the xxh3 hash of [`normalise`]d text, in
/// hex. Stable across runs, platforms and versions of the engine's reading.
pub fn fingerprint(text: &str) -> String {
    format!(
        "f-{:016x}",
        xxhash_rust::xxh3::xxh3_64(normalise(text).as_bytes())
    )
}

/// The fingerprints of a group's statements, in the group's order (a statement id the
/// comparison does not hold is skipped).
pub fn group_fingerprints(comparison: &Comparison, group: &Group) -> Vec<String> {
    group
        .statements
        .iter()
        .filter_map(|id| comparison.statements.iter().find(|s| &s.id == id))
        .map(|s| fingerprint(&s.text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_of_quotes_dashes_case_and_spacing_do_not_matter() {
        let a = "The trust’s board — not the union — set the 4.5% rise.";
        let b = "  the trust's   board - not the union - set the 4.5% rise";
        assert_eq!(
            normalise(a),
            "the trust's board not the union set the 4.5% rise"
        );
        assert_eq!(fingerprint(a), fingerprint(b));
        assert_eq!(
            fingerprint("«Yes», he said"),
            fingerprint("\"Yes,\" he said")
        );
        assert_eq!(
            fingerprint("“We will act.” she said"),
            fingerprint("'We will act,' she said")
        );
        assert_eq!(
            normalise("£10,500,000 for best-in-class, Mr. Lee"),
            "£10500000 for best-in-class mr lee"
        );
    }

    #[test]
    fn different_words_or_figures_differ() {
        let base = fingerprint("The ferry fare rises by 4.5% in May.");
        for other in [
            "The ferry fare rises by 5.5% in May.",
            "The ferry fare falls by 4.5% in May.",
            "The ferry fare rises by 4.5% in June.",
            "The ferry fare rises by £4.5 in May.",
        ] {
            assert_ne!(fingerprint(other), base, "{other}");
        }
        assert!(base.starts_with("f-") && base.len() == 18);
    }
}
