//! Word-level differences between two statements, via `similar`.
//!
//! ```
//! use parallax::compare::diff::{Change, word_diff};
//! let pieces = word_diff("is a leading force", "is the country's leading force");
//! assert!(pieces.iter().any(|p| p.change == Change::Removed && p.text.contains('a')));
//! assert!(pieces.iter().any(|p| p.change == Change::Added && p.text.contains("country")));
//! ```

use similar::{ChangeTag, TextDiff};

/// What happened to a run of words between the first and the second text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// In both texts.
    Same,
    /// Only in the first text.
    Removed,
    /// Only in the second text.
    Added,
}

/// A run of text (words and the spaces between them) with one [`Change`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// What happened to it.
    pub change: Change,
    /// The text, as written in its own statement.
    pub text: String,
}

/// The word-level difference of `old` and `new`: consecutive tokens of one kind are joined
/// into one [`Piece`]. Reading the `Same` and `Removed` pieces in order gives `old` back,
/// the `Same` and `Added` pieces give `new`.
pub fn word_diff(old: &str, new: &str) -> Vec<Piece> {
    let diff = TextDiff::configure().diff_unicode_words(old, new);
    let mut out: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            ChangeTag::Equal => Change::Same,
            ChangeTag::Delete => Change::Removed,
            ChangeTag::Insert => Change::Added,
        };
        let text = change.value();
        match out.last_mut() {
            Some(last) if last.change == kind => last.text.push_str(text),
            _ => out.push(Piece {
                change: kind,
                text: text.to_string(),
            }),
        }
    }
    out
}

/// The changed runs of a diff, trimmed, as `(removed, added)`: what a reader needs to see
/// ("a" vs "the country's").
pub fn changes(old: &str, new: &str) -> (Vec<String>, Vec<String>) {
    let mut removed = Vec::new();
    let mut added = Vec::new();
    for p in word_diff(old, new) {
        let t = p.text.trim();
        if t.is_empty() {
            continue;
        }
        match p.change {
            Change::Removed => removed.push(t.to_string()),
            Change::Added => added.push(t.to_string()),
            Change::Same => {}
        }
    }
    (removed, added)
}

/// The longest run of words the two texts share in the same order (case-insensitive,
/// punctuation ignored), counted in words, with the run's text as written in `a`.
pub fn longest_shared_run(a: &str, b: &str) -> (usize, String) {
    let (start, len) = longest_shared_keys(&word_keys(a), &word_keys(b));
    (len, run_text(a, start, len))
}

/// The words of a text as [`longest_shared_run`] compares them (case-insensitive,
/// punctuation ignored), each hashed: diffing integers instead of strings, made once per
/// statement (a quote's [`super::features::Features::quote_words`]) instead of once per pair.
pub fn word_keys(text: &str) -> Vec<u64> {
    word_slices(text)
        .map(|w| {
            // an ASCII word lower-cased on the stack; others with curly apostrophes folded
            let mut buf = [0u8; 64];
            if w.len() <= buf.len() && w.is_ascii() {
                let b = &mut buf[..w.len()];
                b.copy_from_slice(w.as_bytes());
                b.make_ascii_lowercase();
                xxhash_rust::xxh3::xxh3_64(b)
            } else {
                xxhash_rust::xxh3::xxh3_64(w.replace('’', "'").to_lowercase().as_bytes())
            }
        })
        .collect()
}

/// `(start in a, length)` of the longest run of equal [`word_keys`] the word diff of the
/// two finds.
pub fn longest_shared_keys(a: &[u64], b: &[u64]) -> (usize, usize) {
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, a, b);
    let mut best = (0usize, 0usize);
    for op in &ops {
        if let similar::DiffOp::Equal { old_index, len, .. } = *op
            && len > best.1
        {
            best = (old_index, len);
        }
    }
    best
}

/// The words `start..start + len` of a text (as [`word_keys`] counts them), joined by
/// spaces, as written.
pub fn run_text(text: &str, start: usize, len: usize) -> String {
    // only the run's words are copied
    let run: Vec<String> = word_slices(text)
        .skip(start)
        .take(len)
        .map(|w| w.replace('’', "'"))
        .collect();
    if run.len() < len {
        return String::new();
    }
    run.join(" ")
}

/// The words of a text as written: alphanumeric runs with their inner apostrophes.
fn word_slices(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c: char| c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_pieces_rebuild_both_texts() {
        let (a, b) = ("The ferry runs daily.", "The ferry now runs twice daily.");
        let pieces = word_diff(a, b);
        let old: String = pieces
            .iter()
            .filter(|p| p.change != Change::Added)
            .map(|p| p.text.as_str())
            .collect();
        let new: String = pieces
            .iter()
            .filter(|p| p.change != Change::Removed)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(old, a);
        assert_eq!(new, b);
        let (removed, added) = changes(a, b);
        assert!(removed.is_empty());
        assert_eq!(added, vec!["now", "twice"]);
    }

    #[test]
    fn shared_runs_ignore_case_and_punctuation() {
        let (n, run) = longest_shared_run(
            "Having weighed it, looking closely at rival bids, we chose Acme.",
            "We weighed options, Looking closely at rival bids and chose Acme.",
        );
        assert_eq!(n, 5);
        assert_eq!(run, "looking closely at rival bids");
    }

    #[test]
    fn shared_runs_are_found_on_hashed_words() {
        let (a, b) = (
            "Having weighed it, looking closely at rival bids, we chose Acme.",
            "We weighed options, Looking closely at rival bids and chose Acme.",
        );
        let (start, len) = longest_shared_keys(&word_keys(a), &word_keys(b));
        assert_eq!(len, 5);
        assert_eq!(run_text(a, start, len), "looking closely at rival bids");
        assert_eq!(longest_shared_keys(&word_keys("Ferries sail."), &[]).1, 0);
    }
}
