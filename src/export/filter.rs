//! Which groups an export holds: everything, or what the window's filters show.

use std::collections::{HashMap, HashSet};

use crate::comparison::{Comparison, Group, Relation};

/// The filters of the comparison view, as an export applies them. The default keeps
/// everything.
///
/// ```
/// use parallax::export::Filter;
/// let c = parallax::analyze(&parallax::corpus::bundled_sample(), &Default::default());
/// let disputed = Filter { disputed_only: true, ..Filter::default() }.apply(&c);
/// assert!(!disputed.groups.is_empty());
/// assert!(disputed.groups.iter().all(|g| g.relation == parallax::comparison::Relation::Disputed));
/// assert_eq!(Filter::default().apply(&c), c);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only groups whose relation is `disputed`.
    pub disputed_only: bool,
    /// Only groups of two or more statements.
    pub multi_only: bool,
    /// Only groups with one of these topic ids (none: any topic).
    pub topics: Vec<String>,
    /// Only groups where one of these side ids speaks (none: any side).
    pub sides: Vec<String>,
    /// Only groups with a statement containing this text, case ignored (empty: any).
    pub search: String,
}

impl Filter {
    /// True when the filter keeps every group.
    pub fn is_empty(&self) -> bool {
        !self.disputed_only
            && !self.multi_only
            && self.topics.is_empty()
            && self.sides.is_empty()
            && self.search.trim().is_empty()
    }

    /// The indices of the groups the filter keeps, in the comparison's order.
    pub fn matching_groups(&self, comparison: &Comparison) -> Vec<usize> {
        let needle = self.search.trim().to_lowercase();
        let texts: HashMap<&str, &str> = if needle.is_empty() {
            HashMap::new()
        } else {
            comparison
                .statements
                .iter()
                .map(|s| (s.id.as_str(), s.text.as_str()))
                .collect()
        };
        let found = |g: &Group| {
            needle.is_empty()
                || g.statements.iter().any(|s| {
                    texts
                        .get(s.as_str())
                        .is_some_and(|t| t.to_lowercase().contains(&needle))
                })
        };
        comparison
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| {
                (!self.disputed_only || g.relation == Relation::Disputed)
                    && (!self.multi_only || g.statements.len() > 1)
                    && (self.topics.is_empty() || g.topics.iter().any(|t| self.topics.contains(t)))
                    && (self.sides.is_empty() || g.sides.iter().any(|s| self.sides.contains(s)))
                    && found(g)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The comparison narrowed to the kept groups: their statements, the documents and
    /// dated claims of those statements; the sides and warnings stay. An empty filter gives
    /// the comparison unchanged.
    pub fn apply(&self, comparison: &Comparison) -> Comparison {
        if self.is_empty() {
            return comparison.clone();
        }
        let groups: Vec<Group> = self
            .matching_groups(comparison)
            .into_iter()
            .map(|i| comparison.groups[i].clone())
            .collect();
        let kept: HashSet<&str> = groups
            .iter()
            .flat_map(|g| g.statements.iter().map(String::as_str))
            .collect();
        let statements: Vec<_> = comparison
            .statements
            .iter()
            .filter(|s| kept.contains(s.id.as_str()))
            .cloned()
            .collect();
        let docs: HashSet<&str> = statements.iter().map(|s| s.document.as_str()).collect();
        Comparison {
            documents: comparison
                .documents
                .iter()
                .filter(|d| docs.contains(d.id.as_str()))
                .cloned()
                .collect(),
            timeline: comparison
                .timeline
                .iter()
                .filter(|t| kept.contains(t.statement.as_str()))
                .cloned()
                .collect(),
            statements,
            groups,
            ..comparison.clone()
        }
    }

    /// The filter in words (`disputed only; topics: subsidy; sides: Vale Council`), or
    /// `None` when it keeps everything.
    pub fn describe(&self, comparison: &Comparison) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let mut parts = Vec::new();
        if self.disputed_only {
            parts.push("disputed only".to_string());
        }
        if self.multi_only {
            parts.push("two or more statements".to_string());
        }
        if !self.topics.is_empty() {
            parts.push(format!("topics: {}", self.topics.join(", ")));
        }
        if !self.sides.is_empty() {
            let names: Vec<&str> = self
                .sides
                .iter()
                .map(|id| {
                    comparison
                        .sides
                        .iter()
                        .find(|s| &s.id == id)
                        .map_or(id.as_str(), |s| s.name.as_str())
                })
                .collect();
            parts.push(format!("sides: {}", names.join(", ")));
        }
        if !self.search.trim().is_empty() {
            parts.push(format!("text: \"{}\"", self.search.trim()));
        }
        Some(parts.join("; "))
    }
}

/// The id of the side a user names (its id or its name, case ignored), or an error that
/// lists the sides.
pub fn resolve_side(comparison: &Comparison, name: &str) -> Result<String, String> {
    let wanted = name.trim().to_lowercase();
    comparison
        .sides
        .iter()
        .find(|s| s.id == wanted || s.name.to_lowercase() == wanted)
        .map(|s| s.id.clone())
        .ok_or_else(|| {
            let known: Vec<String> = comparison
                .sides
                .iter()
                .map(|s| format!("{} ({})", s.id, s.name))
                .collect();
            format!("no side {name:?}; the sides are: {}", known.join(", "))
        })
}

/// The topic id a user names, checked against the topics the comparison's groups have, or
/// an error that lists them.
pub fn resolve_topic(comparison: &Comparison, name: &str) -> Result<String, String> {
    let wanted = name.trim().to_lowercase();
    let mut known: Vec<&str> = comparison
        .groups
        .iter()
        .flat_map(|g| g.topics.iter().map(String::as_str))
        .collect();
    known.sort_unstable();
    known.dedup();
    if known.contains(&wanted.as_str()) {
        Ok(wanted)
    } else {
        Err(format!(
            "no group has the topic {name:?}; the topics are: {}",
            known.join(", ")
        ))
    }
}
