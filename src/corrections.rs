//! The user's corrections of the engine's reading: a document's publisher, a side's name, and
//! sides merged into one. They are applied inside [`crate::analyze`], so every consumer (the
//! window, the exports, the command line) sees the corrected comparison.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::comparison::{Side, Statement};
use crate::corpus::{Corpus, Publisher};
use crate::sides::side_id;

/// Corrections a user made for one folder. Empty by default; serialisable so the annotations
/// file can carry them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Corrections {
    /// Document path (relative to the root, `/` separators) → the publisher's name as the user
    /// gives it (an existing side's name or a new one). An empty name means "unknown".
    pub publishers: BTreeMap<String, String>,
    /// Side id → the name the user gives that side.
    pub side_names: BTreeMap<String, String>,
    /// Side id → the side id it is merged into (its statements count for that side).
    pub merges: BTreeMap<String, String>,
}

impl Corrections {
    /// True when there is nothing to correct.
    pub fn is_empty(&self) -> bool {
        self.publishers.is_empty() && self.side_names.is_empty() && self.merges.is_empty()
    }

    /// The side a side id ends up in after merges (following chains, stopping at cycles).
    pub fn merged(&self, id: &str) -> String {
        let mut current = id.to_string();
        let mut seen = vec![current.clone()];
        while let Some(next) = self.merges.get(&current) {
            if seen.contains(next) {
                break;
            }
            current = next.clone();
            seen.push(current.clone());
        }
        current
    }

    /// A copy of the corpus with the corrected publishers, or `None` when none is corrected.
    pub fn corrected_corpus(&self, corpus: &Corpus) -> Option<Corpus> {
        if self.publishers.is_empty()
            || !corpus
                .documents
                .iter()
                .any(|d| self.publishers.contains_key(&d.path))
        {
            return None;
        }
        let mut corrected = corpus.clone();
        for doc in &mut corrected.documents {
            if let Some(name) = self.publishers.get(&doc.path) {
                let name = name.trim();
                doc.publisher = if name.is_empty() {
                    Publisher {
                        organisation: None,
                        party: None,
                        evidence: "set by the user: unknown".to_string(),
                    }
                } else {
                    Publisher {
                        organisation: Some(name.to_string()),
                        party: Some(name.to_string()),
                        evidence: "set by the user".to_string(),
                    }
                };
            }
        }
        Some(corrected)
    }

    /// Applies merges and names to the sides and the statements' claimants.
    pub fn apply_to_sides(&self, sides: &mut Vec<Side>, statements: &mut [Statement]) {
        if !self.merges.is_empty() {
            let existing: Vec<String> = sides.iter().map(|s| s.id.clone()).collect();
            let target = |id: &str| {
                let t = self.merged(id);
                if existing.contains(&t) {
                    t
                } else {
                    id.to_string()
                }
            };
            for st in statements.iter_mut() {
                for c in [&mut st.claimant, &mut st.counter_claimant] {
                    if let Some(id) = c.as_mut() {
                        *id = target(id);
                    }
                }
                if st.counter_claimant.is_some() && st.counter_claimant == st.claimant {
                    st.counter_claimant = None;
                }
            }
            let mut merged: BTreeMap<String, Side> = BTreeMap::new();
            let mut order: Vec<String> = Vec::new();
            for side in sides.drain(..) {
                let into = target(&side.id);
                if into == side.id {
                    order.push(into.clone());
                    merged
                        .entry(into)
                        .and_modify(|s| s.organisations.extend(side.organisations.clone()))
                        .or_insert(side);
                } else {
                    merged
                        .entry(into.clone())
                        .or_insert_with(|| Side {
                            id: into.clone(),
                            name: into.clone(),
                            organisations: Vec::new(),
                            colour: side.colour.clone(),
                        })
                        .organisations
                        .extend(side.organisations);
                }
            }
            *sides = order
                .into_iter()
                .filter_map(|id| merged.remove(&id))
                .map(|mut s| {
                    s.organisations.sort();
                    s.organisations.dedup();
                    s
                })
                .collect();
        }
        for side in sides.iter_mut() {
            if let Some(name) = self.side_names.get(&side.id)
                && !name.trim().is_empty()
            {
                side.name = name.trim().to_string();
            }
        }
    }
}

/// The side id a user-given publisher name maps to (the same slug the engine uses).
pub fn publisher_side(name: &str) -> Option<String> {
    let name = name.trim();
    (!name.is_empty()).then(|| side_id(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_chains_stop_at_cycles() {
        let mut c = Corrections::default();
        c.merges.insert("a".into(), "b".into());
        c.merges.insert("b".into(), "c".into());
        assert_eq!(c.merged("a"), "c");
        c.merges.insert("c".into(), "a".into());
        let end = c.merged("a");
        assert!(["a", "b", "c"].contains(&end.as_str()));
        assert_eq!(c.merged("z"), "z");
    }

    #[test]
    fn corrections_round_trip_as_json() {
        let mut c = Corrections::default();
        c.publishers.insert("a/b.txt".into(), "Vale Council".into());
        c.side_names.insert("vale".into(), "Vale (council)".into());
        let json = serde_json::to_string(&c).unwrap();
        let back: Corrections = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
        let empty: Corrections = serde_json::from_str("{}").unwrap();
        assert!(empty.is_empty());
    }
}
