//! The comparison as a table: which sides are the columns, and which statements of a group
//! fall in each column.

use super::Loaded;
use crate::corrections::Corrections;

/// The default columns: the two sides with the most claims (so the two main narratives face
/// each other), fewer when the folder has fewer sides.
pub fn default_columns(loaded: &Loaded) -> Vec<String> {
    loaded
        .sides_by_claims
        .iter()
        .map(|&i| &loaded.comparison.sides[i].id)
        .filter(|id| loaded.claims_of(Some(id)) > 0)
        .take(2)
        .cloned()
        .collect()
}

/// The columns to show after a new analysis: the user's choice mapped through merges and
/// kept where the sides still exist, else the default.
pub fn carry_columns(
    chosen: Option<&[String]>,
    loaded: &Loaded,
    corrections: &Corrections,
) -> Vec<String> {
    let Some(chosen) = chosen else {
        return default_columns(loaded);
    };
    let mut out: Vec<String> = Vec::new();
    for id in chosen {
        let id = corrections.merged(id);
        if loaded.side_index(&id).is_some() && !out.contains(&id) {
            out.push(id);
        }
    }
    if out.is_empty() {
        default_columns(loaded)
    } else {
        out
    }
}

/// A group's statements by column (at most `per_cell` each, in text order) and how many
/// statements each column holds in all; plus the statements of sides that are not columns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cells {
    /// Statement indices per column (at most `per_cell`).
    pub shown: Vec<Vec<usize>>,
    /// How many statements each column has in all.
    pub counts: Vec<usize>,
    /// Statements whose side is not a column (or unknown).
    pub others: Vec<usize>,
}

/// Lays a group's statements out in the columns.
pub fn cells(loaded: &Loaded, group: usize, columns: &[String], per_cell: usize) -> Cells {
    let mut out = Cells {
        shown: vec![Vec::new(); columns.len()],
        counts: vec![0; columns.len()],
        others: Vec::new(),
    };
    for &s in &loaded.group_members[group] {
        let claimant = loaded.comparison.statements[s].claimant.as_deref();
        match claimant.and_then(|c| columns.iter().position(|col| col == c)) {
            Some(c) => {
                out.counts[c] += 1;
                if out.shown[c].len() < per_cell {
                    out.shown[c].push(s);
                }
            }
            None => out.others.push(s),
        }
    }
    out
}

/// The statement another column's text is compared with for the diff highlight: the first
/// statement of the nearest column to the left that has one, else to the right.
pub fn counterpart(cells: &Cells, column: usize) -> Option<usize> {
    let left = (0..column)
        .rev()
        .find_map(|c| cells.shown[c].first().copied());
    left.or_else(|| (column + 1..cells.shown.len()).find_map(|c| cells.shown[c].first().copied()))
}
