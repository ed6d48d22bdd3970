//! Which groups are shown: the one [`Filter`] of the window's comparison and of every export,
//! so an export holds exactly the rows the window shows.
//!
//! The filter reads a [`SearchIndex`] of the comparison (each group's statements, speakers
//! and document titles in lower case, and its earliest date): the window keeps one per
//! analysis, an export makes its own.

use std::collections::{BTreeSet, HashMap, HashSet};

use memchr::memmem;
use rayon::prelude::*;

use crate::comparison::{Comparison, Group, Relation};

/// The order of the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// As the claims first appear in the documents.
    Document,
    /// Disputed first, the strongest dispute first (then the most reasons and sides): the
    /// order the window opens on.
    #[default]
    Dispute,
    /// By the earliest publication date of the claim's documents; undated last.
    Date,
}

impl SortOrder {
    /// Every order, as the picker shows them.
    pub const ALL: [SortOrder; 3] = [SortOrder::Document, SortOrder::Dispute, SortOrder::Date];

    /// The name shown in the picker.
    pub fn label(self) -> &'static str {
        match self {
            SortOrder::Document => "document order",
            SortOrder::Dispute => "dispute",
            SortOrder::Date => "date",
        }
    }
}

/// What a search and the date order read of a comparison, per group.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// For each group, the lower-case text, speaker and document title of each of its
    /// statements, in one string (one search per group, over memory read in order).
    pub group_search: Vec<String>,
    /// For each group, the earliest publication date of its documents.
    pub group_dates: Vec<Option<String>>,
}

impl SearchIndex {
    /// Indexes the groups of a comparison.
    pub fn new(comparison: &Comparison) -> SearchIndex {
        let documents: HashMap<&str, (&str, Option<&str>)> = comparison
            .documents
            .iter()
            .map(|d| (d.id.as_str(), (d.title.as_str(), d.published.as_deref())))
            .collect();
        let statements: HashMap<&str, usize> = comparison
            .statements
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let (group_search, group_dates) = comparison
            .groups
            .iter()
            .map(|g| {
                let mut text = String::new();
                let mut date: Option<&str> = None;
                for id in &g.statements {
                    let Some(&i) = statements.get(id.as_str()) else {
                        continue;
                    };
                    let s = &comparison.statements[i];
                    let (title, published) = documents
                        .get(s.document.as_str())
                        .copied()
                        .unwrap_or(("", None));
                    let entry = format!(
                        "{}\n{}\n{}",
                        s.text,
                        s.speaker.as_deref().unwrap_or(""),
                        title
                    );
                    text.push_str(&entry.to_lowercase());
                    text.push('\n');
                    if let Some(p) = published
                        && date.is_none_or(|d| p < d)
                    {
                        date = Some(p);
                    }
                }
                (text, date.map(str::to_string))
            })
            .unzip();
        SearchIndex {
            group_search,
            group_dates,
        }
    }
}

/// Which groups are shown, and in what order: the window's filters, and what an export
/// holds. The default keeps every group.
///
/// ```
/// use parallax::export::Filter;
/// let c = parallax::analyze(&parallax::corpus::bundled_sample(), &Default::default());
/// let disputed = Filter { disputed_only: true, ..Filter::default() }.apply(&c, &[]);
/// assert!(!disputed.groups.is_empty());
/// assert!(disputed.groups.iter().all(|g| g.relation == parallax::comparison::Relation::Disputed));
/// assert_eq!(Filter::default().apply(&c, &[]), c);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// Only groups whose relation is `disputed`.
    pub disputed_only: bool,
    /// Only groups of two or more statements.
    pub multi_only: bool,
    /// Only groups on one of these topics (none chosen: every topic).
    pub topics: BTreeSet<String>,
    /// Only groups in which one of these sides speaks (none: any side; the window picks one).
    pub sides: BTreeSet<String>,
    /// Only groups with a statement, speaker or document title containing this text (case
    /// ignored; empty: any).
    pub search: String,
    /// Only groups in which one of the column sides speaks (when there are columns: the
    /// window's, passed to each method as `columns`).
    pub column_sides_only: bool,
    /// The order of the rows.
    pub sort: SortOrder,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            disputed_only: false,
            multi_only: false,
            topics: BTreeSet::new(),
            sides: BTreeSet::new(),
            search: String::new(),
            column_sides_only: true,
            sort: SortOrder::default(),
        }
    }
}

/// How strongly a group is disputed, for sorting (higher first): its relation, then its
/// strength (the engine's 0..1, in thousandths), its reasons and its sides.
pub fn dispute_rank(g: &Group) -> (u8, u32, usize, usize) {
    let relation = match g.relation {
        Relation::Disputed => 2,
        Relation::Shared => 1,
        Relation::OneSided => 0,
    };
    let strength = (g.strength.clamp(0.0, 1.0) * 1000.0).round() as u32;
    (relation, strength, g.reasons.len(), g.sides.len())
}

impl Filter {
    /// The search text as matched: trimmed and lower-case.
    pub fn needle(&self) -> String {
        self.search.trim().to_lowercase()
    }

    /// True when the filter keeps every group (with `columns` the column sides).
    pub fn is_empty(&self, columns: &[String]) -> bool {
        !self.disputed_only
            && !self.multi_only
            && self.topics.is_empty()
            && self.sides.is_empty()
            && self.needle().is_empty()
            && (!self.column_sides_only || columns.is_empty())
    }

    /// Whether group `g` is kept, with `columns` the column sides and `needle` the search
    /// (see [`Filter::needle`]) made into a finder.
    pub fn keeps(
        &self,
        comparison: &Comparison,
        index: &SearchIndex,
        g: usize,
        columns: &[String],
        needle: Option<&memmem::Finder<'_>>,
    ) -> bool {
        let group: &Group = &comparison.groups[g];
        if self.disputed_only && group.relation != Relation::Disputed {
            return false;
        }
        if self.multi_only && group.statements.len() < 2 {
            return false;
        }
        if !self.topics.is_empty() && !group.topics.iter().any(|t| self.topics.contains(t)) {
            return false;
        }
        if !self.sides.is_empty() && !group.sides.iter().any(|s| self.sides.contains(s)) {
            return false;
        }
        if self.column_sides_only
            && !columns.is_empty()
            && !group.sides.iter().any(|s| columns.contains(s))
        {
            return false;
        }
        needle.is_none_or(|f| {
            index
                .group_search
                .get(g)
                .is_some_and(|t| f.find(t.as_bytes()).is_some())
        })
    }

    /// The rows: the indices of the groups the filter keeps, in its order.
    pub fn rows(
        &self,
        comparison: &Comparison,
        index: &SearchIndex,
        columns: &[String],
    ) -> Vec<usize> {
        let needle = self.needle();
        let finder = (!needle.is_empty()).then(|| memmem::Finder::new(needle.as_bytes()));
        let groups = &comparison.groups;
        let keep = |&g: &usize| self.keeps(comparison, index, g, columns, finder.as_ref());
        // a search reads every statement: on both cores when there are many
        let mut rows: Vec<usize> = if groups.len() > 2_000 {
            (0..groups.len()).into_par_iter().filter(keep).collect()
        } else {
            (0..groups.len()).filter(keep).collect()
        };
        match self.sort {
            SortOrder::Document => {}
            SortOrder::Dispute => {
                rows.sort_by_key(|&g| std::cmp::Reverse(dispute_rank(&groups[g])));
            }
            SortOrder::Date => rows.sort_by(|&a, &b| {
                let date = |g: usize| index.group_dates.get(g).and_then(Option::as_ref);
                match (date(a), date(b)) {
                    (Some(x), Some(y)) => x.cmp(y),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                }
                .then(a.cmp(&b))
            }),
        }
        rows
    }

    /// The indices of the groups the filter keeps, in the comparison's order.
    pub fn matching_groups(&self, comparison: &Comparison, columns: &[String]) -> Vec<usize> {
        let index = SearchIndex::new(comparison);
        let mut rows = Filter {
            sort: SortOrder::Document,
            ..self.clone()
        }
        .rows(comparison, &index, columns);
        rows.sort_unstable();
        rows
    }

    /// The comparison narrowed to the kept groups (with `columns` the column sides): their
    /// statements, the documents and dated claims of those statements; the sides and warnings
    /// stay. An empty filter gives the comparison unchanged.
    pub fn apply(&self, comparison: &Comparison, columns: &[String]) -> Comparison {
        if self.is_empty(columns) {
            return comparison.clone();
        }
        let groups: Vec<Group> = self
            .matching_groups(comparison, columns)
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
    pub fn describe(&self, comparison: &Comparison, columns: &[String]) -> Option<String> {
        if self.is_empty(columns) {
            return None;
        }
        let name = |id: &String| {
            comparison
                .sides
                .iter()
                .find(|s| &s.id == id)
                .map_or(id.as_str(), |s| s.name.as_str())
                .to_string()
        };
        let mut parts = Vec::new();
        if self.disputed_only {
            parts.push("disputed only".to_string());
        }
        if self.multi_only {
            parts.push("two or more statements".to_string());
        }
        if !self.topics.is_empty() {
            let topics: Vec<&str> = self.topics.iter().map(String::as_str).collect();
            parts.push(format!("topics: {}", topics.join(", ")));
        }
        if !self.sides.is_empty() {
            let names: Vec<String> = self.sides.iter().map(name).collect();
            parts.push(format!("sides: {}", names.join(", ")));
        }
        if self.column_sides_only && !columns.is_empty() {
            let names: Vec<String> = columns.iter().map(name).collect();
            parts.push(format!("column sides: {}", names.join(", ")));
        }
        if !self.needle().is_empty() {
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
