//! Topics: which subjects a statement speaks of, from the topic lexicon (`topics.yaml`),
//! matched on word stems so that "subsidising", "subsidy" and "subsidies" meet.

use std::collections::BTreeSet;

use crate::lexicon::Topic;

/// Suffixes stripped by [`stem`], longest first, with what replaces them.
const SUFFIXES: &[(&str, &str)] = &[
    ("abilities", ""),
    ("ability", ""),
    ("ibility", ""),
    ("isations", "is"),
    ("izations", "is"),
    ("isation", "is"),
    ("ization", "is"),
    ("ations", ""),
    ("ation", ""),
    ("ments", ""),
    ("ment", ""),
    ("ingly", ""),
    ("ising", ""),
    ("izing", ""),
    ("ised", ""),
    ("ized", ""),
    ("ises", ""),
    ("izes", ""),
    ("ities", ""),
    ("ity", ""),
    ("iness", "i"),
    ("ness", ""),
    ("ables", ""),
    ("able", ""),
    ("ibles", ""),
    ("ible", ""),
    ("ings", ""),
    ("ing", ""),
    ("ise", ""),
    ("ize", ""),
    ("ied", "i"),
    ("ies", "i"),
    ("edly", ""),
    ("ed", ""),
    ("ers", ""),
    ("er", ""),
    ("ly", ""),
    ("es", ""),
    ("s", ""),
    ("e", ""),
];

/// For each last byte, the indices of [`SUFFIXES`] that end in it, in list order: a word
/// is only tried against the suffixes that can match it.
fn suffixes_ending_in() -> &'static [Vec<usize>; 256] {
    static TABLE: std::sync::OnceLock<[Vec<usize>; 256]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: [Vec<usize>; 256] = std::array::from_fn(|_| Vec::new());
        for (k, (suffix, _)) in SUFFIXES.iter().enumerate() {
            if let Some(&last) = suffix.as_bytes().last() {
                table[usize::from(last)].push(k);
            }
        }
        table
    })
}

/// A small, general English suffix-stripping stemmer.
///
/// It is not linguistically exact; it is consistent, which is what matching needs: the
/// inflections and common derivations of a word meet on one stem ("delay", "delays",
/// "delayed"; "subsidy", "subsidies", "subsidise", "subsidising").
pub fn stem(word: &str) -> String {
    // as `trim_end_matches("'s").trim_end_matches("’s")`, without building a searcher
    let mut trimmed = word;
    while let Some(t) = trimmed.strip_suffix("'s") {
        trimmed = t;
    }
    while let Some(t) = trimmed.strip_suffix("’s") {
        trimmed = t;
    }
    let mut w: String = if trimmed.is_ascii() {
        // the same letters without the per-character case tables, copied whole
        let mut w = trimmed.to_ascii_lowercase();
        if !w.bytes().all(|b| b.is_ascii_alphanumeric()) {
            w.retain(|c| c.is_ascii_alphanumeric());
        }
        w
    } else {
        trimmed
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    for _ in 0..2 {
        let before = w.len();
        // "business", "bonus", "basis": no plural to strip
        let no_plural = w.ends_with("ss") || w.ends_with("us") || w.ends_with("is");
        if let Some(&last) = w.as_bytes().last() {
            // only the suffixes that end in the word's last letter, in list order
            for &k in &suffixes_ending_in()[usize::from(last)] {
                let (suffix, replacement) = SUFFIXES[k];
                if no_plural && matches!(suffix, "s" | "es") {
                    break;
                }
                if w.ends_with(suffix) && w.len() - suffix.len() >= 3 {
                    w.truncate(w.len() - suffix.len());
                    w.push_str(replacement);
                    break;
                }
            }
        }
        if w.len() > 3 && w.ends_with('y') {
            w.pop();
            w.push('i');
        }
        if w.len() > 4 && w.ends_with('i') {
            w.pop();
        }
        let bytes = w.as_bytes();
        if w.len() > 4 {
            let (a, b) = (bytes[bytes.len() - 1], bytes[bytes.len() - 2]);
            if a == b && !matches!(a, b'l' | b's' | b'z') && !b"aeiou".contains(&a) {
                w.pop();
            }
        }
        if w.len() == before {
            break;
        }
    }
    w
}

/// The words of a text, hyphenated words split into their parts ("best-in-class" → "best",
/// "in", "class"), as `(raw word, stem)`; a hyphenated whole is returned after its parts
/// with `joined` set.
fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    for token in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
    {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric());
        if token.is_empty() {
            continue;
        }
        // where a piece of `text` starts (every piece is a slice of it)
        let at = |piece: &str| {
            let start = piece.as_ptr() as usize - text.as_ptr() as usize;
            start..start + piece.len()
        };
        if token.contains('-') {
            for part in token.split('-').filter(|p| !p.is_empty()) {
                out.push(Word {
                    raw: part,
                    stem: stem(part),
                    joined: false,
                    range: at(part),
                });
            }
            out.push(Word {
                raw: token,
                stem: stem(token),
                joined: true,
                range: at(token),
            });
        } else {
            out.push(Word {
                raw: token,
                stem: stem(token),
                joined: false,
                range: at(token),
            });
        }
    }
    out
}

/// A word of a text and its stem.
struct Word<'a> {
    raw: &'a str,
    stem: String,
    /// A hyphenated whole whose parts came before it (left out of phrase matching).
    joined: bool,
    /// Where it stands in the text, in bytes.
    range: std::ops::Range<usize>,
}

/// The topic lexicon compiled for matching.
#[derive(Debug, Clone, Default)]
pub struct TopicIndex {
    ids: Vec<String>,
    by_stem: crate::text::WordMap<String, Vec<usize>>,
    by_acronym: crate::text::WordMap<String, Vec<usize>>,
    /// Phrases by their first stem: `(topic, stems)`.
    phrases: crate::text::WordMap<String, Vec<(usize, Vec<String>)>>,
}

impl TopicIndex {
    /// Compiles topics: every word and phrase is stemmed once here.
    pub fn new(topics: &[Topic]) -> TopicIndex {
        let mut index = TopicIndex::default();
        for (i, topic) in topics.iter().enumerate() {
            index.ids.push(topic.id.clone());
            for word in &topic.words {
                for w in words(word)
                    .into_iter()
                    .filter(|w| w.joined || !word.contains('-'))
                {
                    let list = index.by_stem.entry(w.stem).or_default();
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
            }
            for acronym in &topic.acronyms {
                index.by_acronym.entry(acronym.clone()).or_default().push(i);
            }
            for phrase in &topic.phrases {
                let stems: Vec<String> = phrase.split_whitespace().map(stem).collect();
                if let Some(first) = stems.first() {
                    index
                        .phrases
                        .entry(first.clone())
                        .or_default()
                        .push((i, stems));
                }
            }
        }
        index
    }

    /// The topic ids, in lexicon order.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// The place of a topic id in the lexicon.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.ids.iter().position(|t| t == id)
    }

    /// Where `text` speaks of the topics at `wanted` (places in the lexicon), by the same
    /// rules as [`TopicIndex::topics_of`]: acronyms, word stems (a lone upper-case acronym is
    /// not the word it spells), phrases of stems. Byte ranges, in text order, overlapping
    /// ones joined (a joined range keeps the topic of its first word): what the window and
    /// every report mark as a statement's topic words.
    pub fn marks(&self, text: &str, wanted: &[usize]) -> Vec<(std::ops::Range<usize>, usize)> {
        if wanted.is_empty() {
            return Vec::new();
        }
        let ws = words(text);
        let mut found: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
        let first_wanted = |list: &[usize]| list.iter().copied().find(|t| wanted.contains(t));
        for w in &ws {
            let acronym = w.raw.len() > 1 && w.raw.chars().all(char::is_uppercase);
            let by_acronym = self.by_acronym.get(w.raw).and_then(|l| first_wanted(l));
            let by_stem = (!acronym)
                .then(|| self.by_stem.get(&w.stem).and_then(|l| first_wanted(l)))
                .flatten();
            if let Some(t) = by_acronym.or(by_stem) {
                found.push((w.range.clone(), t));
            }
        }
        let plain: Vec<&Word> = ws.iter().filter(|w| !w.joined).collect();
        for (k, w) in plain.iter().enumerate() {
            for (topic, phrase) in self.phrases.get(&w.stem).into_iter().flatten() {
                if wanted.contains(topic)
                    && plain.len() >= k + phrase.len()
                    && phrase.iter().zip(&plain[k..]).all(|(a, b)| *a == b.stem)
                {
                    let last = &plain[k + phrase.len() - 1];
                    found.push((w.range.start..last.range.end, *topic));
                }
            }
        }
        found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
        let mut merged: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
        for (r, t) in found {
            match merged.last_mut() {
                Some((last, _)) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push((r, t)),
            }
        }
        merged
    }

    /// The ids of the topics a text speaks of, in lexicon order.
    pub fn topics_of(&self, text: &str) -> Vec<String> {
        let ws = words(text);
        let mut hits: BTreeSet<usize> = BTreeSet::new();
        for w in &ws {
            if let Some(list) = self.by_acronym.get(w.raw) {
                hits.extend(list);
            }
            // a lone upper-case acronym ("IT") is not the word it spells in lower case
            let acronym = w.raw.len() > 1 && w.raw.chars().all(char::is_uppercase);
            if !acronym && let Some(list) = self.by_stem.get(&w.stem) {
                hits.extend(list);
            }
        }
        let stems: Vec<&str> = ws
            .iter()
            .filter(|w| !w.joined)
            .map(|w| w.stem.as_str())
            .collect();
        for (k, s) in stems.iter().enumerate() {
            if let Some(candidates) = self.phrases.get(*s) {
                for (topic, phrase) in candidates {
                    if stems.len() >= k + phrase.len()
                        && phrase.iter().zip(&stems[k..]).all(|(a, b)| a == b)
                    {
                        hits.insert(*topic);
                    }
                }
            }
        }
        hits.into_iter().map(|i| self.ids[i].clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    #[test]
    fn marks_are_the_words_that_put_a_text_on_its_topics() {
        let topics = vec![
            Topic {
                id: "fares".into(),
                label: "Fares".into(),
                words: vec!["fare".into(), "cost-cutting".into()],
                phrases: vec!["free of charge".into()],
                acronyms: vec!["TfX".into()],
            },
            Topic {
                id: "staff".into(),
                label: "Staff".into(),
                words: vec!["crew".into()],
                ..Topic::default()
            },
        ];
        let index = TopicIndex::new(&topics);
        let t = "Fares stay free of charge, TfX says; cost-cutting hits the crews, not IT.";
        let fares = index.position("fares").expect("a topic");
        let staff = index.position("staff").expect("a topic");
        let marked = |wanted: &[usize]| -> Vec<&str> {
            index
                .marks(t, wanted)
                .into_iter()
                .map(|(r, _)| &t[r])
                .collect()
        };
        assert_eq!(
            marked(&[fares]),
            vec!["Fares", "free of charge", "TfX", "cost-cutting"]
        );
        assert_eq!(marked(&[staff]), vec!["crews"]);
        assert_eq!(marked(&[fares, staff]).len(), 5);
        assert!(marked(&[]).is_empty());
        // the marks and the topics found agree
        assert_eq!(index.topics_of(t), vec!["fares", "staff"]);
    }

    #[test]
    fn stems_meet() {
        for group in [
            &["delay", "delays", "delayed", "delaying"][..],
            &[
                "subsidy",
                "subsidies",
                "subsidise",
                "subsidising",
                "subsidised",
            ],
            &["sustainable", "sustainability", "sustained"],
            &[
                "provide",
                "provides",
                "provided",
                "provider",
                "providers",
                "providing",
            ],
            &["deliver", "delivered", "delivery", "delivering"],
            &["service", "services"],
            &["hospital", "hospitals"],
        ] {
            let first = stem(group[0]);
            for w in group {
                assert_eq!(stem(w), first, "{w} vs {}", group[0]);
            }
        }
        assert_eq!(stem("business"), stem("businesses"));
        assert_ne!(stem("cost"), stem("coast"));
    }

    #[test]
    fn topics_on_stems_phrases_and_acronyms() {
        let index = TopicIndex::new(&Lexicon::bundled().topics);
        let t = index.topics_of("The club says the council has been subsidising the stadium.");
        assert!(t.contains(&"subsidy".to_string()), "{t:?}");
        let t = index.topics_of("Ward closures were postponed again.");
        assert!(t.contains(&"timeline".to_string()), "{t:?}");
        let t = index.topics_of("The trust will move its IT to a new supplier.");
        assert!(t.contains(&"technology".to_string()), "{t:?}");
        let t = index.topics_of("It was agreed.");
        assert!(!t.contains(&"technology".to_string()), "{t:?}");
        let t = index.topics_of("The hospital asked who pays for parking.");
        assert!(t.contains(&"subsidy".to_string()) && t.contains(&"health".to_string()));
    }

    #[test]
    fn folder_topics_are_used() {
        let lex = Lexicon::with_extensions(&[(
            "topics.yaml".into(),
            "topics: [{id: fishing, words: [trawler], phrases: [fishing quota]}]".into(),
        )]);
        let index = TopicIndex::new(&lex.topics);
        assert!(
            index
                .topics_of("Two trawlers were seized.")
                .contains(&"fishing".into())
        );
        assert!(
            index
                .topics_of("The fishing quotas fell.")
                .contains(&"fishing".into())
        );
    }
}
