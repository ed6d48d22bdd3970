//! Two documents' statements lined up by the claim groups they share, without egui: the
//! rows of the two-article view.
//!
//! A statement of the left document and one of the right in the same claim group are a
//! pair (of several in one group, the two sharing the most words); the pairs kept are the longest run that goes down both documents in order (so
//! rows never cross, as in a diff tool), and every other statement is a row of its own, in
//! its place in its document.

use std::collections::{HashMap, HashSet};

/// A row of the two-article view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PairRow {
    /// The left document's statement (an index into the comparison's statements).
    pub left: Option<usize>,
    /// The right document's statement.
    pub right: Option<usize>,
    /// The claim group the two share, when both are given.
    pub group: Option<usize>,
}

/// Lines up the statements `left` and `right` (each in text order) by their groups
/// (`group_of[statement]`); `text` gives a statement's text.
pub fn align<'t>(
    left: &[usize],
    right: &[usize],
    group_of: &[Option<usize>],
    text: impl Fn(usize) -> &'t str,
) -> Vec<PairRow> {
    let group = |s: usize| group_of.get(s).copied().flatten();
    let words = |s: usize| -> HashSet<String> {
        text(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    // candidate pairs: each left statement with the first unused right statement of its group
    let mut waiting: HashMap<usize, Vec<(usize, HashSet<String>)>> = HashMap::new();
    for (j, &b) in right.iter().enumerate() {
        if let Some(g) = group(b) {
            waiting.entry(g).or_default().push((j, words(b)));
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (i, &a) in left.iter().enumerate() {
        let Some(candidates) = group(a).and_then(|g| waiting.get_mut(&g)) else {
            continue;
        };
        if candidates.is_empty() {
            continue;
        }
        // the right statement sharing the most words (the first of equals)
        let mine = words(a);
        let best = (0..candidates.len())
            .max_by_key(|&k| {
                let shared = candidates[k].1.intersection(&mine).count();
                (shared, std::cmp::Reverse(k))
            })
            .unwrap_or(0);
        let (j, _) = candidates.remove(best);
        pairs.push((i, j));
    }
    pairs.sort_unstable();
    let kept = increasing_run(&pairs);
    let mut rows = Vec::with_capacity(left.len() + right.len());
    let (mut i, mut j) = (0, 0);
    for &(pi, pj) in &kept {
        rows.extend(left[i..pi].iter().map(|&s| PairRow {
            left: Some(s),
            right: None,
            group: None,
        }));
        rows.extend(right[j..pj].iter().map(|&s| PairRow {
            left: None,
            right: Some(s),
            group: None,
        }));
        rows.push(PairRow {
            left: Some(left[pi]),
            right: Some(right[pj]),
            group: group(left[pi]),
        });
        (i, j) = (pi + 1, pj + 1);
    }
    rows.extend(left[i..].iter().map(|&s| PairRow {
        left: Some(s),
        right: None,
        group: None,
    }));
    rows.extend(right[j..].iter().map(|&s| PairRow {
        left: None,
        right: Some(s),
        group: None,
    }));
    rows
}

/// The longest subsequence of `pairs` (sorted by their first index) whose second indices
/// increase: patience sorting, O(n log n).
fn increasing_run(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // tails[k]: index into pairs of the smallest tail of an increasing run of length k + 1
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; pairs.len()];
    for (p, &(_, j)) in pairs.iter().enumerate() {
        let k = tails.partition_point(|&t| pairs[t].1 < j);
        previous[p] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(p);
        } else {
            tails[k] = p;
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(p) = at {
        run.push(pairs[p]);
        at = previous[p];
    }
    run.reverse();
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_text(_: usize) -> &'static str {
        ""
    }

    #[test]
    fn of_several_in_one_group_the_two_sharing_most_words_pair() {
        let texts = [
            "The ferry leaves at noon",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "Fares will rise in spring",
            "The ferry now leaves at noon daily",
        ];
        let g = group_of(&[(0, 3), (10, 3), (11, 3)]);
        let rows = align(&[0], &[10, 11], &g, |s| texts[s]);
        let shape: Vec<(Option<usize>, Option<usize>)> =
            rows.iter().map(|r| (r.left, r.right)).collect();
        assert_eq!(shape, [(None, Some(10)), (Some(0), Some(11))]);
    }

    /// Statements 0..5 on the left, 10..15 on the right; `groups` gives (statement, group).
    fn group_of(groups: &[(usize, usize)]) -> Vec<Option<usize>> {
        let mut g = vec![None; 20];
        for &(s, grp) in groups {
            g[s] = Some(grp);
        }
        g
    }

    #[test]
    fn shared_groups_share_a_row_and_the_rest_stand_in_their_places() {
        let left = [0, 1, 2, 3];
        let right = [10, 11, 12];
        // 1 ~ 11 (group 7), 3 ~ 12 (group 8); 0, 2 and 10 are unmatched
        let g = group_of(&[(1, 7), (11, 7), (3, 8), (12, 8), (2, 9), (10, 5)]);
        let rows = align(&left, &right, &g, no_text);
        let shape: Vec<(Option<usize>, Option<usize>)> =
            rows.iter().map(|r| (r.left, r.right)).collect();
        assert_eq!(
            shape,
            [
                (Some(0), None),
                (None, Some(10)),
                (Some(1), Some(11)),
                (Some(2), None),
                (Some(3), Some(12)),
            ]
        );
        assert_eq!(rows[2].group, Some(7));
        assert_eq!(rows[0].group, None);
    }

    #[test]
    fn crossing_pairs_keep_the_longest_order_and_show_the_other_unmatched() {
        let left = [0, 1, 2];
        let right = [10, 11, 12];
        // 0 ~ 12 crosses 1 ~ 10 and 2 ~ 11: the two in order win
        let g = group_of(&[(0, 1), (12, 1), (1, 2), (10, 2), (2, 3), (11, 3)]);
        let rows = align(&left, &right, &g, no_text);
        let paired: Vec<(usize, usize)> = rows
            .iter()
            .filter_map(|r| Some((r.left?, r.right?)))
            .collect();
        assert_eq!(paired, [(1, 10), (2, 11)]);
        // every statement appears exactly once
        let mut seen: Vec<usize> = rows
            .iter()
            .flat_map(|r| [r.left, r.right])
            .flatten()
            .collect();
        seen.sort_unstable();
        assert_eq!(seen, [0, 1, 2, 10, 11, 12]);
    }

    #[test]
    fn a_group_pairs_each_statement_once() {
        // two left statements and one right in one group: one pair, one left alone
        let g = group_of(&[(0, 4), (1, 4), (10, 4)]);
        let rows = align(&[0, 1], &[10], &g, no_text);
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].left, rows[0].right), (Some(0), Some(10)));
        assert_eq!((rows[1].left, rows[1].right), (Some(1), None));
        assert!(align(&[], &[], &g, no_text).is_empty());
    }
}
