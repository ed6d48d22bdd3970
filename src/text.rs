//! Small tools for words shared by the lexicon, reading and comparing: the hashed tables
//! words are looked up in.

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
