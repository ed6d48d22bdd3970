//! The similarity index: verbatim copies merged first, then an inverted index over the
//! remaining distinct texts, weighted by rarity (TF-IDF), that yields candidate pairs
//! without all-pairs work.
//!
//! Terms found in more than [`MAX_POSTINGS`] distinct texts are left out of the index (and
//! of the weights), so the work per text is bounded and the whole stays close to linear.

use rayon::prelude::*;

pub use crate::text::{WordHasher, WordMap, WordSet};

/// The most distinct texts a term may occur in and still be indexed.
pub const MAX_POSTINGS: usize = 96;

/// A distinct normalised text: one or more statements (verbatim copies).
#[derive(Debug, Clone, Default)]
pub struct Node {
    /// Positions (in the claim list) of the statements with this text, ascending.
    pub members: Vec<usize>,
    /// The documents they are in (document numbers), ascending and unique.
    pub documents: Vec<u32>,
}

/// Groups claims by the hash of their normalised text, in first-seen order.
///
/// `keys[i]` and `documents[i]` are claim `i`'s text hash and document number.
pub fn nodes(keys: &[u64], documents: &[u32]) -> Vec<Node> {
    let mut by_key: WordMap<u64, usize> =
        WordMap::with_capacity_and_hasher(keys.len(), Default::default());
    let mut out: Vec<Node> = Vec::new();
    for (i, (key, doc)) in keys.iter().zip(documents).enumerate() {
        let n = *by_key.entry(*key).or_insert_with(|| {
            out.push(Node::default());
            out.len() - 1
        });
        let node = &mut out[n];
        node.members.push(i);
        if let Err(at) = node.documents.binary_search(doc) {
            node.documents.insert(at, *doc);
        }
    }
    out
}

/// Unit-length TF-IDF vectors of the nodes over the indexed terms, and the postings.
#[derive(Debug, Clone, Default)]
pub struct Vectors {
    /// Per node: `(term id, weight)`, by term id, of unit length (empty when no term is
    /// indexed).
    pub weights: Vec<Vec<(u32, f32)>>,
    /// Per indexed term: the nodes holding it, ascending, with the term's weight there.
    pub postings: Vec<Vec<(u32, f32)>>,
    /// Per term id: the term.
    pub names: Vec<String>,
}

impl Vectors {
    /// Builds the vectors of nodes given each node's terms (with repeats).
    pub fn build(terms: &[&[String]]) -> Vectors {
        // intern in node order: deterministic ids
        let mut ids: WordMap<&str, u32> = WordMap::default();
        let mut df: Vec<u32> = Vec::new();
        let mut counted: Vec<Vec<(u32, u32)>> = Vec::with_capacity(terms.len());
        for ts in terms {
            let mut local: Vec<u32> = ts
                .iter()
                .map(|t| {
                    let next = ids.len() as u32;
                    *ids.entry(t.as_str()).or_insert(next)
                })
                .collect();
            local.sort_unstable();
            let mut tf: Vec<(u32, u32)> = Vec::with_capacity(local.len());
            for t in local {
                match tf.last_mut() {
                    Some((last, n)) if *last == t => *n += 1,
                    _ => tf.push((t, 1)),
                }
            }
            for (t, _) in &tf {
                if *t as usize >= df.len() {
                    df.resize(*t as usize + 1, 0);
                }
                df[*t as usize] += 1;
            }
            counted.push(tf);
        }
        let n = terms.len() as f32;
        let weights: Vec<Vec<(u32, f32)>> = counted
            .par_iter()
            .map(|tf| {
                let mut v: Vec<(u32, f32)> = tf
                    .iter()
                    .filter(|(t, _)| df[*t as usize] as usize <= MAX_POSTINGS)
                    .map(|(t, c)| {
                        let idf = ((n + 1.0) / (df[*t as usize] as f32 + 1.0)).ln() + 1.0;
                        (*t, (1.0 + (*c as f32).ln()) * idf)
                    })
                    .collect();
                let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
                if norm > 0.0 {
                    v.iter_mut().for_each(|(_, w)| *w /= norm);
                }
                v
            })
            .collect();
        let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); df.len()];
        for (node, v) in weights.iter().enumerate() {
            for (t, w) in v {
                postings[*t as usize].push((node as u32, *w));
            }
        }
        let mut names = vec![String::new(); df.len()];
        for (t, id) in ids {
            names[id as usize] = t.to_string();
        }
        Vectors {
            weights,
            postings,
            names,
        }
    }

    /// The shared term that weighs most in the cosine of two nodes, by name.
    pub fn top_shared(&self, a: usize, b: usize) -> Option<&str> {
        let (va, vb) = (&self.weights[a], &self.weights[b]);
        let (mut i, mut j) = (0, 0);
        let mut best: Option<(u32, f32)> = None;
        while i < va.len() && j < vb.len() {
            match va[i].0.cmp(&vb[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let w = va[i].1 * vb[j].1;
                    if best.is_none_or(|(_, x)| w > x) {
                        best = Some((va[i].0, w));
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        best.map(|(t, _)| self.names[t as usize].as_str())
    }

    /// The cosine of two nodes' vectors.
    pub fn cosine(&self, a: usize, b: usize) -> f32 {
        let (va, vb) = (&self.weights[a], &self.weights[b]);
        let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
        while i < va.len() && j < vb.len() {
            match va[i].0.cmp(&vb[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += va[i].1 * vb[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        dot
    }

    /// Candidate pairs `(a, b, cosine)` with `a < b` and a cosine of at least `min`, found
    /// through the postings; `keep(a, b)` filters them (e.g. pairs within one document).
    /// In ascending `(a, b)` order, whatever the number of threads.
    pub fn candidates<F>(&self, min: f32, keep: F) -> Vec<(u32, u32, f32)>
    where
        F: Fn(usize, usize) -> bool + Sync,
    {
        let n = self.weights.len();
        let per_node: Vec<Vec<(u32, u32, f32)>> = (0..n)
            .into_par_iter()
            .map_init(
                || (vec![0.0f32; n], Vec::<u32>::new()),
                |(acc, touched), a| {
                    for (t, wa) in &self.weights[a] {
                        let list = &self.postings[*t as usize];
                        let from = list.partition_point(|(b, _)| (*b as usize) <= a);
                        for &(b, wb) in &list[from..] {
                            let slot = &mut acc[b as usize];
                            if *slot == 0.0 {
                                touched.push(b);
                            }
                            *slot += wa * wb;
                        }
                    }
                    touched.sort_unstable();
                    let mut out = Vec::new();
                    for &b in touched.iter() {
                        let cos = acc[b as usize];
                        acc[b as usize] = 0.0;
                        if cos >= min && keep(a, b as usize) {
                            out.push((a as u32, b, cos));
                        }
                    }
                    touched.clear();
                    out
                },
            )
            .collect();
        // sized once: growing a list of millions of pairs copies it again and again
        let mut all = Vec::with_capacity(per_node.iter().map(Vec::len).sum());
        for pairs in per_node {
            all.extend(pairs);
        }
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(texts: &[&str]) -> Vec<Vec<String>> {
        texts
            .iter()
            .map(|t| t.split_whitespace().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn copies_share_a_node() {
        let ns = nodes(&[7, 8, 7, 7], &[0, 0, 1, 2]);
        assert_eq!(ns.len(), 2);
        assert_eq!(ns[0].members, vec![0, 2, 3]);
        assert_eq!(ns[0].documents, vec![0, 1, 2]);
    }

    #[test]
    fn candidates_match_the_direct_cosine_and_skip_unrelated_texts() {
        let t = terms(&[
            "ferry fare rise summer",
            "ferry fare rise winter",
            "library opening hours",
            "ferry timetable",
        ]);
        let refs: Vec<&[String]> = t.iter().map(Vec::as_slice).collect();
        let v = Vectors::build(&refs);
        let pairs = v.candidates(0.0, |_, _| true);
        assert!(pairs.iter().all(|(a, b, _)| *a != 2 && *b != 2));
        for (a, b, cos) in &pairs {
            assert!((v.cosine(*a as usize, *b as usize) - cos).abs() < 1e-5);
        }
        assert_eq!(pairs.first().map(|p| (p.0, p.1)), Some((0, 1)));
    }
}
