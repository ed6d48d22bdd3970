//! Attaching notes to the groups of a fresh analysis.
//!
//! A note is keyed by its group's id. When the files change, ids change with them (they
//! derive from paths and byte offsets), so a note whose id is gone is matched to the group
//! that shares most of its statements' [fingerprints](super::fingerprint) (at least half of
//! the note's) and re-keyed to that group's id. A note that matches nothing stays in the
//! annotations under its old id, *orphaned*: never dropped, listed for the user, and
//! re-attached by a later analysis if its statements come back.
//!
//! ```
//! use parallax::annotations::{Annotations, GroupNote, Verdict, attach};
//! let corpus = parallax::corpus::bundled_sample();
//! let mut comparison = parallax::analyze(&corpus, &parallax::Settings::default());
//! let group = comparison.groups[0].id.clone();
//! let mut notes = Annotations::default();
//! notes.groups.insert(group.clone(), GroupNote { verdict: Some(Verdict::Agreed), ..GroupNote::default() });
//! let report = attach::attach(&mut notes, &comparison);
//! assert_eq!(report.attached, vec![group.clone()]);
//! attach::apply(&mut comparison, &notes);
//! assert_eq!(comparison.groups[0].annotation.as_ref().unwrap().verdict, Some(Verdict::Agreed));
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::fingerprint::fingerprint;
use super::{Annotations, GroupNote};
use crate::comparison::{Comparison, GroupAnnotation};

/// What [`attach`] did with each note.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttachReport {
    /// Notes whose group id is still there.
    pub attached: Vec<String>,
    /// Notes moved to another group by their fingerprints: `(old id, new id)`.
    pub reattached: Vec<(String, String)>,
    /// Notes that match no group: kept under their old id.
    pub orphaned: Vec<String>,
}

impl AttachReport {
    /// True when some note changed its key (the annotations need saving).
    pub fn changed(&self) -> bool {
        !self.reattached.is_empty()
    }
}

/// Attaches every note of `annotations` to a group of `comparison`, re-keying notes whose
/// group id is gone to the group that shares most of their statements' fingerprints (at
/// least half of the note's; ties go to the group with fewer other statements, then to the
/// first). A re-attached note takes its new group's fingerprints. A note that matches
/// nothing, or whose best match already has a note, is orphaned and left as it is.
pub fn attach(annotations: &mut Annotations, comparison: &Comparison) -> AttachReport {
    let mut report = AttachReport::default();
    let ids: BTreeSet<&str> = comparison.groups.iter().map(|g| g.id.as_str()).collect();
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut missing: Vec<String> = Vec::new();
    for id in annotations.groups.keys() {
        if ids.contains(id.as_str()) {
            report.attached.push(id.clone());
            taken.insert(id.clone());
        } else {
            missing.push(id.clone());
        }
    }
    if missing.is_empty() {
        return report;
    }
    // fingerprint → the groups holding a statement with it
    let text: HashMap<&str, &str> = comparison
        .statements
        .iter()
        .map(|s| (s.id.as_str(), s.text.as_str()))
        .collect();
    let mut holders: HashMap<String, Vec<usize>> = HashMap::new();
    let mut prints: Vec<Vec<String>> = Vec::with_capacity(comparison.groups.len());
    for (g, group) in comparison.groups.iter().enumerate() {
        let fps: Vec<String> = group
            .statements
            .iter()
            .filter_map(|s| text.get(s.as_str()))
            .map(|t| fingerprint(t))
            .collect();
        for fp in fps.iter().collect::<BTreeSet<_>>() {
            holders.entry(fp.clone()).or_default().push(g);
        }
        prints.push(fps);
    }
    let mut moves: Vec<(String, String, Vec<String>)> = Vec::new();
    for old in missing {
        let note = &annotations.groups[&old];
        let wanted: BTreeSet<&String> = note.statements.iter().collect();
        let mut shared: BTreeMap<usize, usize> = BTreeMap::new();
        for fp in &wanted {
            for &g in holders.get(fp.as_str()).into_iter().flatten() {
                *shared.entry(g).or_default() += 1;
            }
        }
        let need = wanted.len().div_ceil(2).max(1);
        let mut candidates: Vec<(usize, usize)> = shared
            .into_iter()
            .filter(|&(g, n)| n >= need && !taken.contains(&comparison.groups[g].id))
            .collect();
        // most shared, then the fewest statements besides, then document order
        candidates.sort_by_key(|&(g, n)| {
            (
                std::cmp::Reverse(n),
                prints[g].len() - n.min(prints[g].len()),
                g,
            )
        });
        match candidates.first() {
            Some(&(g, _)) => {
                let new = comparison.groups[g].id.clone();
                taken.insert(new.clone());
                moves.push((old, new, prints[g].clone()));
            }
            None => report.orphaned.push(old),
        }
    }
    for (old, new, fps) in moves {
        if let Some(mut note) = annotations.groups.remove(&old) {
            note.statements = fps;
            annotations.groups.insert(new.clone(), note);
            report.reattached.push((old, new));
        }
    }
    report.orphaned.sort();
    report
}

/// The notes of `annotations` whose group is not in `comparison` (after [`attach`], the
/// orphans), by id.
pub fn orphans<'a>(
    annotations: &'a Annotations,
    comparison: &Comparison,
) -> Vec<(&'a String, &'a GroupNote)> {
    let ids: BTreeSet<&str> = comparison.groups.iter().map(|g| g.id.as_str()).collect();
    annotations
        .groups
        .iter()
        .filter(|(id, _)| !ids.contains(id.as_str()))
        .collect()
}

/// A note as a comparison's group carries it (`annotation` in the comparison schema):
/// `{note, tags, updated, verdict}`.
pub fn note_json(note: &GroupNote) -> GroupAnnotation {
    GroupAnnotation {
        note: note.note.clone(),
        tags: note.tags.clone(),
        updated: note.updated.clone(),
        verdict: note.verdict,
    }
}

/// Reads a group's `annotation` back into a note (without fingerprints); `None` when the
/// group has none.
pub fn note_of(annotation: Option<&GroupAnnotation>) -> Option<GroupNote> {
    annotation.map(|a| GroupNote {
        verdict: a.verdict,
        note: a.note.clone(),
        tags: a.tags.clone(),
        statements: Vec::new(),
        updated: a.updated.clone(),
    })
}

/// Fills each group's `annotation` with its note (see [`note_json`]), or `None` when it has
/// none or an empty one. Call it after [`attach`].
pub fn apply(comparison: &mut Comparison, annotations: &Annotations) {
    for group in &mut comparison.groups {
        group.annotation = annotations
            .groups
            .get(&group.id)
            .filter(|n| !n.is_empty())
            .map(note_json);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::Verdict;
    use crate::comparison::{Group, Relation, Statement, StatementKind};

    fn statement(id: &str, text: &str) -> Statement {
        Statement {
            id: id.into(),
            document: "d-1".into(),
            paragraph: 0,
            span: [0, text.len()],
            text: text.into(),
            kind: StatementKind::Narrative,
            speaker: None,
            claimant: None,
            counter_claimant: None,
            answers: None,
            topics: vec![],
            entities: vec![],
        }
    }

    fn group(id: &str, statements: &[&str]) -> Group {
        Group {
            id: id.into(),
            statements: statements.iter().map(|s| s.to_string()).collect(),
            sides: vec![],
            topics: vec![],
            relation: Relation::OneSided,
            similarity: 1.0,
            reasons: vec![],
            strength: 0.0,
            annotation: None,
        }
    }

    fn comparison(statements: Vec<Statement>, groups: Vec<Group>) -> Comparison {
        Comparison {
            schema: crate::comparison::SCHEMA.into(),
            generator: String::new(),
            root: String::new(),
            sides: vec![],
            documents: vec![],
            statements,
            groups,
            timeline: vec![],
            warnings: vec![],
        }
    }

    fn note(texts: &[&str]) -> GroupNote {
        GroupNote {
            verdict: Some(Verdict::Unclear),
            note: "ask the depot".into(),
            statements: texts.iter().map(|t| fingerprint(t)).collect(),
            ..GroupNote::default()
        }
    }

    #[test]
    fn half_the_fingerprints_reattach_less_orphans() {
        let c = comparison(
            vec![
                statement("s-1", "The depot closes in May."),
                statement("s-2", "Buses run hourly."),
                statement("s-3", "The depot will stay open."),
            ],
            vec![group("g-new", &["s-1", "s-2"]), group("g-other", &["s-3"])],
        );
        let mut a = Annotations::default();
        // two of four fingerprints found: enough
        a.groups.insert(
            "g-old".into(),
            note(&["the depot closes in may", "Buses run hourly", "x", "y"]),
        );
        // one of three: not enough
        a.groups.insert(
            "g-gone".into(),
            note(&["The depot will stay open.", "a", "b"]),
        );
        let report = attach(&mut a, &c);
        assert_eq!(report.reattached, vec![("g-old".into(), "g-new".into())]);
        assert_eq!(report.orphaned, vec!["g-gone".to_string()]);
        assert!(a.groups.contains_key("g-gone"), "orphans are kept");
        assert_eq!(
            a.groups["g-new"].statements.len(),
            2,
            "takes the new prints"
        );
        assert_eq!(a.groups["g-new"].note, "ask the depot");
        assert_eq!(orphans(&a, &c).len(), 1);
    }

    #[test]
    fn a_group_with_its_own_note_is_not_taken() {
        let c = comparison(
            vec![statement("s-1", "Fares rise by 5%.")],
            vec![group("g-1", &["s-1"])],
        );
        let mut a = Annotations::default();
        a.groups.insert("g-1".into(), note(&["Fares rise by 5%."]));
        a.groups.insert("g-0".into(), note(&["Fares rise by 5%."]));
        let report = attach(&mut a, &c);
        assert_eq!(report.attached, vec!["g-1".to_string()]);
        assert_eq!(report.orphaned, vec!["g-0".to_string()]);
        assert_eq!(a.groups.len(), 2);
    }

    #[test]
    fn apply_fills_and_clears_annotations() {
        let mut c = comparison(
            vec![statement("s-1", "Fares rise.")],
            vec![group("g-1", &["s-1"]), group("g-2", &[])],
        );
        c.groups[1].annotation = Some(GroupAnnotation {
            note: "stale".into(),
            ..GroupAnnotation::default()
        });
        let mut a = Annotations::default();
        a.groups.insert("g-1".into(), note(&["Fares rise."]));
        apply(&mut c, &a);
        let v = serde_json::to_value(c.groups[0].annotation.as_ref().unwrap()).unwrap();
        assert_eq!(v["verdict"], "unclear");
        assert_eq!(v["note"], "ask the depot");
        assert!(v.get("statements").is_none());
        assert_eq!(c.groups[1].annotation, None);
        let back = note_of(c.groups[0].annotation.as_ref()).unwrap();
        assert_eq!(back.verdict, Some(Verdict::Unclear));
    }
}
