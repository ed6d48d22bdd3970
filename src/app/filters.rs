//! What the user chose to see of the claim groups, and in what order.

use std::collections::BTreeSet;

use memchr::memmem;
use rayon::prelude::*;

use super::Loaded;
use crate::comparison::{Group, Relation};

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

/// Which groups are rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// Only groups whose relation is `disputed`.
    pub disputed_only: bool,
    /// Only groups on one of these topics (none chosen: every topic).
    pub topics: BTreeSet<String>,
    /// Only groups in which this side speaks.
    pub side: Option<String>,
    /// Only groups with a statement, speaker or document title containing this text
    /// (case-insensitive).
    pub search: String,
    /// Only groups in which a column's side speaks (when there are columns).
    pub column_sides_only: bool,
    /// The order of the rows.
    pub sort: SortOrder,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            disputed_only: false,
            topics: BTreeSet::new(),
            side: None,
            search: String::new(),
            column_sides_only: true,
            sort: SortOrder::default(),
        }
    }
}

impl Filter {
    /// The search text as matched: trimmed and lower-case.
    pub fn needle(&self) -> String {
        self.search.trim().to_lowercase()
    }

    /// Whether group `g` of `loaded` is a row, with `columns` the column sides and `needle`
    /// the search (see [`Filter::needle`]) made into a finder.
    pub fn keeps(
        &self,
        loaded: &Loaded,
        g: usize,
        columns: &[String],
        needle: Option<&memmem::Finder<'_>>,
    ) -> bool {
        let group: &Group = &loaded.comparison.groups[g];
        if self.disputed_only && group.relation != Relation::Disputed {
            return false;
        }
        if !self.topics.is_empty() && !group.topics.iter().any(|t| self.topics.contains(t)) {
            return false;
        }
        if let Some(side) = &self.side
            && !group.sides.contains(side)
        {
            return false;
        }
        if self.column_sides_only
            && !columns.is_empty()
            && !group.sides.iter().any(|s| columns.contains(s))
        {
            return false;
        }
        needle.is_none_or(|f| f.find(loaded.group_search[g].as_bytes()).is_some())
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

/// The rows: the groups `filter` keeps, in its order.
pub fn rows(loaded: &Loaded, filter: &Filter, columns: &[String]) -> Vec<usize> {
    let needle = filter.needle();
    let finder = (!needle.is_empty()).then(|| memmem::Finder::new(needle.as_bytes()));
    let groups = &loaded.comparison.groups;
    let keep = |&g: &usize| filter.keeps(loaded, g, columns, finder.as_ref());
    // a search reads every statement: on both cores when there are many
    let mut rows: Vec<usize> = if groups.len() > 2_000 {
        (0..groups.len()).into_par_iter().filter(keep).collect()
    } else {
        (0..groups.len()).filter(keep).collect()
    };
    match filter.sort {
        SortOrder::Document => {}
        SortOrder::Dispute => {
            rows.sort_by_key(|&g| std::cmp::Reverse(dispute_rank(&groups[g])));
        }
        SortOrder::Date => rows.sort_by(|&a, &b| {
            match (&loaded.group_dates[a], &loaded.group_dates[b]) {
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
