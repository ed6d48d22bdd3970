//! The formats' vocabulary (`assets/formats.yaml`), compiled in: page furniture of saved
//! web pages and webmail domains.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

/// One kind of page furniture (`navigation`, `cookie notice`, …).
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct Furniture {
    /// Element names.
    #[serde(default)]
    pub tags: HashSet<String>,
    /// ARIA roles.
    #[serde(default)]
    pub roles: HashSet<String>,
    /// Id and class words.
    #[serde(default)]
    pub words: HashSet<String>,
}

/// The vocabulary.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct Vocab {
    /// Page furniture by kind.
    pub page_furniture: BTreeMap<String, Furniture>,
    /// Domains of people's own mailboxes.
    pub webmail_domains: HashSet<String>,
    /// What a press office adds to its organisation's name as a sender, longest first.
    pub sender_suffixes: Vec<String>,
}

/// The compiled-in vocabulary.
pub(crate) fn vocab() -> &'static Vocab {
    static VOCAB: OnceLock<Vocab> = OnceLock::new();
    VOCAB.get_or_init(|| {
        serde_yaml::from_str(include_str!("../../../assets/formats.yaml"))
            .expect("assets/formats.yaml is valid (a test checks it)")
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bundled_vocabulary_parses() {
        let v = super::vocab();
        assert!(v.page_furniture["navigation"].tags.contains("nav"));
        assert!(v.page_furniture["cookie notice"].words.contains("consent"));
        assert!(v.webmail_domains.contains("gmail.com"));
        assert!(v.sender_suffixes.iter().any(|s| s == "press office"));
    }
}
