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

/// The indices of [`SUFFIXES`] a word may end in, by the word's last two bytes, in list
/// order: a suffix of one byte is in every list of its byte, a longer one only in the list
/// of its own last two. A word is only tried against the suffixes that can match it.
struct SuffixTable {
    /// Where the list of the bytes `(last, before)` starts in `items`: at
    /// `starts[last * 256 + before]`, ending where the next starts.
    starts: Vec<u16>,
    items: Vec<u8>,
}

impl SuffixTable {
    fn get() -> &'static SuffixTable {
        static TABLE: std::sync::OnceLock<SuffixTable> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| {
            let mut lists: Vec<Vec<u8>> = vec![Vec::new(); 256 * 256];
            for (k, (suffix, _)) in SUFFIXES.iter().enumerate() {
                let k = u8::try_from(k).expect("under 256 suffixes");
                match suffix.as_bytes() {
                    [.., before, last] => {
                        lists[usize::from(*last) * 256 + usize::from(*before)].push(k)
                    }
                    [last] => (0..256).for_each(|b| lists[usize::from(*last) * 256 + b].push(k)),
                    [] => {}
                }
            }
            let mut starts = Vec::with_capacity(lists.len() + 1);
            let mut items = Vec::new();
            for list in &lists {
                starts.push(u16::try_from(items.len()).expect("a small table"));
                items.extend_from_slice(list);
            }
            starts.push(u16::try_from(items.len()).expect("a small table"));
            SuffixTable { starts, items }
        })
    }

    /// The suffixes (indices, in list order) a word ending in `before`, `last` may end in.
    fn candidates(&self, before: u8, last: u8) -> &[u8] {
        let at = usize::from(last) * 256 + usize::from(before);
        &self.items[usize::from(self.starts[at])..usize::from(self.starts[at + 1])]
    }
}

/// A small, general English suffix-stripping stemmer.
///
/// It is not linguistically exact; it is consistent, which is what matching needs: the
/// inflections and common derivations of a word meet on one stem ("delay", "delays",
/// "delayed"; "subsidy", "subsidies", "subsidise", "subsidising").
pub fn stem(word: &str) -> String {
    let mut w = String::with_capacity(word.len());
    stem_into(word, &mut w);
    w
}

/// [`stem`], appended to `out`: the stems of a text's words written one after another into
/// one string cost no allocation each.
pub fn stem_into(word: &str, out: &mut String) {
    // as `trim_end_matches("'s").trim_end_matches("’s")`, without building a searcher
    let mut trimmed = word;
    while let Some(t) = trimmed.strip_suffix("'s") {
        trimmed = t;
    }
    while let Some(t) = trimmed.strip_suffix("’s") {
        trimmed = t;
    }
    // the word is written at the end of `out`, from `base` on, and stemmed there
    let base = out.len();
    if trimmed.is_ascii() {
        // the same letters without the per-character case tables, copied whole
        if trimmed.bytes().all(|b| b.is_ascii_alphanumeric()) {
            out.push_str(trimmed);
        } else {
            out.extend(trimmed.chars().filter(char::is_ascii_alphanumeric));
        }
        out[base..].make_ascii_lowercase();
    } else {
        out.extend(
            trimmed
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase),
        );
    }
    // `out`'s bytes from `base`: the word, ASCII or not (suffixes are ASCII, and a
    // multi-byte character never ends in an ASCII byte, so cuts stay on boundaries)
    let ends = |out: &String, suffix: &[u8]| {
        let w = &out.as_bytes()[base..];
        // a byte loop: these suffixes are a few bytes, shorter than a call to memcmp
        w.len() >= suffix.len() && w[w.len() - suffix.len()..].iter().eq(suffix.iter())
    };
    let table = SuffixTable::get();
    for _ in 0..2 {
        let before = out.len() - base;
        // "business", "bonus", "basis": no plural to strip
        let no_plural = ends(out, b"ss") || ends(out, b"us") || ends(out, b"is");
        let word = &out.as_bytes()[base..];
        if let Some(&last) = word.last() {
            // only the suffixes that end in the word's last two letters (a word of one
            // letter: those of one letter), in list order
            let prev = word.len().checked_sub(2).map_or(0, |i| word[i]);
            for &k in table.candidates(prev, last) {
                let (suffix, replacement) = SUFFIXES[usize::from(k)];
                if no_plural && matches!(suffix, "s" | "es") {
                    break;
                }
                if ends(out, suffix.as_bytes()) && out.len() - base - suffix.len() >= 3 {
                    out.truncate(out.len() - suffix.len());
                    out.push_str(replacement);
                    break;
                }
            }
        }
        let len = out.len() - base;
        if len > 3 && out.ends_with('y') {
            out.pop();
            out.push('i');
        }
        if len > 4 && out.ends_with('i') {
            out.pop();
        }
        if out.len() - base > 4 {
            let bytes = out.as_bytes();
            let (a, b) = (bytes[bytes.len() - 1], bytes[bytes.len() - 2]);
            if a == b && !matches!(a, b'l' | b's' | b'z') && !b"aeiou".contains(&a) {
                out.pop();
            }
        }
        if out.len() - base == before {
            break;
        }
    }
}

/// The words of a text, hyphenated words split into their parts ("best-in-class" → "best",
/// "in", "class"), each with its stem; a hyphenated whole is listed after its parts with
/// `joined` set.
fn words(text: &str) -> Words<'_> {
    let mut out = Words {
        list: Vec::new(),
        stems: String::with_capacity(text.len()),
    };
    // `raw` is a piece of `text`: where it stands is where its bytes are
    fn push<'a>(text: &'a str, raw: &str, joined: bool, out: &mut Words<'a>) {
        let from = out.stems.len();
        stem_into(raw, &mut out.stems);
        let at = raw.as_ptr() as usize - text.as_ptr() as usize;
        out.list.push(Word {
            raw: &text[at..at + raw.len()],
            stem: from..out.stems.len(),
            joined,
            range: at..at + raw.len(),
        });
    }
    for token in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
    {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric());
        if token.is_empty() {
            continue;
        }
        if token.contains('-') {
            for part in token.split('-').filter(|p| !p.is_empty()) {
                push(text, part, false, &mut out);
            }
            push(text, token, true, &mut out);
        } else {
            push(text, token, false, &mut out);
        }
    }
    out
}

/// A text's words ([`words`]): their stems written one after another in one string.
struct Words<'a> {
    list: Vec<Word<'a>>,
    stems: String,
}

impl Words<'_> {
    /// The stem of a word of this list.
    fn stem(&self, w: &Word<'_>) -> &str {
        &self.stems[w.stem.clone()]
    }
}

/// A word of a text and where its stem is in [`Words::stems`].
struct Word<'a> {
    raw: &'a str,
    stem: std::ops::Range<usize>,
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
                let ws = words(word);
                for w in (ws.list.iter()).filter(|w| w.joined || !word.contains('-')) {
                    let list = index.by_stem.entry(ws.stem(w).to_string()).or_default();
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
        for w in &ws.list {
            let acronym = w.raw.len() > 1 && w.raw.chars().all(char::is_uppercase);
            let by_acronym = self.by_acronym.get(w.raw).and_then(|l| first_wanted(l));
            let by_stem = (!acronym)
                .then(|| self.by_stem.get(ws.stem(w)).and_then(|l| first_wanted(l)))
                .flatten();
            if let Some(t) = by_acronym.or(by_stem) {
                found.push((w.range.clone(), t));
            }
        }
        let plain: Vec<&Word> = ws.list.iter().filter(|w| !w.joined).collect();
        for (k, w) in plain.iter().enumerate() {
            for (topic, phrase) in self.phrases.get(ws.stem(w)).into_iter().flatten() {
                if wanted.contains(topic)
                    && plain.len() >= k + phrase.len()
                    && phrase.iter().zip(&plain[k..]).all(|(a, b)| a == ws.stem(b))
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
        for w in &ws.list {
            if let Some(list) = self.by_acronym.get(w.raw) {
                hits.extend(list);
            }
            // a lone upper-case acronym ("IT") is not the word it spells in lower case
            let acronym = w.raw.len() > 1 && w.raw.chars().all(char::is_uppercase);
            if !acronym && let Some(list) = self.by_stem.get(ws.stem(w)) {
                hits.extend(list);
            }
        }
        let stems: Vec<&str> = (ws.list.iter())
            .filter(|w| !w.joined)
            .map(|w| ws.stem(w))
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
