//! The user's annotations of a folder: a verdict, a note and tags per claim group, and the
//! corrections of the engine's reading (publishers, side names, merges).
//!
//! The model lives here; around it:
//!
//! - [`store`]: the file `.parallax/annotations.json` (or the user's data directory when the
//!   folder cannot be written), read safely, saved atomically a moment after each change;
//! - [`fingerprint`]: statement fingerprints (hashes of normalised text) that outlive ids;
//! - [`attach`]: notes attached to the groups of a fresh analysis, re-keyed by fingerprints
//!   when ids changed, orphaned (never dropped) when nothing matches, and copied into each
//!   group's `annotation`;
//! - [`autosave`]: the debounce that decides when to save;
//! - [`atomic`]: write-to-temporary, fsync, rename.
//!
//! The usual cycle, as the window runs it:
//!
//! ```
//! use parallax::annotations::{attach, store::{Place, Store, StoreConfig}, Verdict};
//! let data = tempfile::tempdir().unwrap();
//! let config = StoreConfig { data_dir: Some(data.path().into()), ..StoreConfig::default() };
//! let mut store = Store::open_with(&Place::Sample, &config);   // reads, never fails
//! let corpus = parallax::corpus::bundled_sample();
//! let mut comparison = parallax::analyze(&corpus, &store.settings()); // with corrections
//! let report = store.attach(&comparison);                      // re-keys moved notes
//! assert!(report.orphaned.is_empty());
//! let group = comparison.groups[0].id.clone();
//! store.edit_note(&comparison, &group, |n| {
//!     n.verdict = Some(Verdict::Disputed);
//!     n.note = "ask both press offices".into();
//! });
//! attach::apply(&mut comparison, store.annotations());           // into the groups
//! assert_eq!(comparison.groups[0].annotation.as_ref().unwrap().verdict, Some(Verdict::Disputed));
//! // every frame: `store.tick(Instant::now())` saves a moment after the last change
//! store.flush().unwrap();                                        // on closing
//! assert!(store.location().unwrap().exists());
//! ```

pub mod atomic;
pub mod attach;
pub mod autosave;
pub mod fingerprint;
pub mod store;

pub use attach::{AttachReport, apply};
pub use store::{Place, Store, StoreConfig};

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::corrections::Corrections;

/// The schema string of the annotations file.
pub const ANNOTATIONS_SCHEMA: &str = "parallax.annotations/1";

/// The user's verdict on a claim group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The parties really disagree.
    Disputed,
    /// The parties agree (whatever the engine flagged).
    Agreed,
    /// Not clear yet; needs more work.
    Unclear,
    /// Not relevant to the story.
    Irrelevant,
}

impl Verdict {
    /// All verdicts, in the order a picker shows them.
    pub const ALL: [Verdict; 4] = [
        Verdict::Disputed,
        Verdict::Agreed,
        Verdict::Unclear,
        Verdict::Irrelevant,
    ];

    /// The verdict as written in files and exports (`disputed`, `agreed`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Disputed => "disputed",
            Verdict::Agreed => "agreed",
            Verdict::Unclear => "unclear",
            Verdict::Irrelevant => "irrelevant",
        }
    }
}

/// The annotation of one claim group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GroupNote {
    /// The user's verdict, if given.
    pub verdict: Option<Verdict>,
    /// Free text.
    pub note: String,
    /// Tags, in the order the user added them, without duplicates.
    pub tags: Vec<String>,
    /// Fingerprints (normalised-text hashes) of the group's statements when annotated, used to
    /// re-attach the note when the group's id changes.
    pub statements: Vec<String>,
    /// When the note last changed (RFC 3339, UTC).
    pub updated: String,
}

impl GroupNote {
    /// True when the note says nothing (no verdict, no text, no tags).
    pub fn is_empty(&self) -> bool {
        self.verdict.is_none() && self.note.trim().is_empty() && self.tags.is_empty()
    }
}

/// Everything the user annotated in one folder: the content of `.parallax/annotations.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Annotations {
    /// Always [`ANNOTATIONS_SCHEMA`].
    pub schema: String,
    /// Group id → its note.
    pub groups: BTreeMap<String, GroupNote>,
    /// Corrections of publishers, side names and merges.
    pub corrections: Corrections,
}

impl Default for Annotations {
    fn default() -> Self {
        Annotations {
            schema: ANNOTATIONS_SCHEMA.to_string(),
            groups: BTreeMap::new(),
            corrections: Corrections::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_round_trip_with_kebab_case_verdicts() {
        let mut a = Annotations::default();
        a.groups.insert(
            "g-1".into(),
            GroupNote {
                verdict: Some(Verdict::Irrelevant),
                note: "check the minutes".into(),
                tags: vec!["budget".into()],
                statements: vec!["f-1".into()],
                updated: "2026-11-23T12:00:00Z".into(),
            },
        );
        let json = serde_json::to_string(&a).unwrap();
        assert!(json.contains("\"verdict\":\"irrelevant\""));
        assert!(json.contains(ANNOTATIONS_SCHEMA));
        let back: Annotations = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
        assert!(GroupNote::default().is_empty());
    }
}
