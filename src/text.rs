//! Small tools for words shared by the lexicon, reading and comparing: the hashed tables
//! words are looked up in, and lists of phrases found in one pass.

/// A fast, non-keyed hasher for word tables (the lexicon's vocabularies and the compare
/// stage's, looked up for every word of every statement; the words are the corpus's own
/// and the lexicon's, so flooding is no concern): the multiply-rotate hash of rustc's
/// `FxHasher`. SipHash, the standard one, was a twentieth of the analysis's time.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let x = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
            self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.write(&[b]);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by words, with [`WordHasher`].
pub type WordMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;
/// A set of words, with [`WordHasher`].
pub type WordSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<WordHasher>>;

/// A list of phrases compiled into one automaton (aho-corasick), so that a text is searched
/// once for all of them instead of once per phrase. Keeps the list it was built from: a
/// caller holding a list that has changed since ([`Phrases::built_from`]) searches plainly.
#[derive(Debug, Clone)]
pub struct Phrases {
    list: Vec<String>,
    automaton: aho_corasick::AhoCorasick,
}

impl Phrases {
    /// The automaton of `list`, matching ASCII letters in either case when
    /// `ascii_case_insensitive`; `None` if it cannot be built.
    pub fn new(list: &[String], ascii_case_insensitive: bool) -> Option<Phrases> {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(ascii_case_insensitive)
            .build(list)
            .ok()
            .map(|automaton| Phrases {
                list: list.to_vec(),
                automaton,
            })
    }

    /// Whether this automaton was built from exactly `list`.
    pub fn built_from(&self, list: &[String]) -> bool {
        self.list == list
    }

    /// Every occurrence of every phrase in `text`, overlapping ones included, as
    /// `(index in the list, byte range)`, by end position.
    pub fn find_all<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (usize, std::ops::Range<usize>)> + 'a {
        self.automaton
            .find_overlapping_iter(text)
            .map(|m| (m.pattern().as_usize(), m.range()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_found_overlapping_and_in_either_case() {
        let list = vec![
            ", but ".to_string(),
            "but".to_string(),
            ", while ".to_string(),
        ];
        let p = Phrases::new(&list, true).expect("builds");
        let found: Vec<(usize, std::ops::Range<usize>)> =
            p.find_all("Fares rose, BUT the ferry ran.").collect();
        assert!(found.contains(&(0, 10..16)), "{found:?}");
        assert!(found.contains(&(1, 12..15)), "{found:?}");
        assert_eq!(found.len(), 2);
        assert!(p.built_from(&list));
        assert!(!p.built_from(&list[..2]));
    }
}
