//! Claim groups: matched texts clustered without chaining into giant groups.
//!
//! Links are taken strongest first (union-find). Two clusters merge only when the link is
//! strong enough, the result stays under [`MAX_NODES`] distinct texts, and the newcomer is
//! also close to the cluster's core (its first text): a chain A–B–C–D of pairwise similar
//! texts does not pull A and D together unless they resemble each other too.

/// The most distinct texts in one group.
pub const MAX_NODES: usize = 24;

/// A link between two nodes with its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    /// The lower node.
    pub a: u32,
    /// The higher node.
    pub b: u32,
    /// How alike they are, 0..1.
    pub score: f32,
    /// How alike their words and figures are, without readings or topics: what a
    /// newcomer needs with a group's core when it does not link to the core itself.
    pub affinity: f32,
    /// Whether the two share a specific value (a month of a year, an amount, a share):
    /// such a link joins at a lower score than others, the caller's `specific_min`.
    pub specific: bool,
}

/// A cluster of nodes and its weakest accepted link.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Node numbers, ascending.
    pub nodes: Vec<usize>,
    /// The weakest link that joined it (1 for a single node).
    pub weakest: f32,
}

/// Clusters `n` nodes over `links` (any order): a link of at least `link_min` (or of at
/// least `specific_min` when the two share a specific value) joins two
/// clusters when it touches the core of a cluster it joins, or when the newcomer (a single
/// node) or the other cluster's core has an affinity of at least `core_min` with that core
/// (looked up among the links; a missing link counts as 0). Deterministic.
pub fn cluster(
    n: usize,
    links: &[Link],
    link_min: f32,
    specific_min: f32,
    core_min: f32,
) -> Vec<Cluster> {
    use rayon::prelude::*;
    // the affinities by lower node, each run sorted by the higher (the caller's links
    // usually come in that order already): a lookup is a binary search in one node's run
    let mut by_pair: Vec<(u32, u32, f32)> = links
        .iter()
        .map(|l| (l.a.min(l.b), l.a.max(l.b), l.affinity))
        .collect();
    if !by_pair.is_sorted_by_key(|p| (p.0, p.1)) {
        by_pair.par_sort_by_key(|p| (p.0, p.1));
    }
    let mut starts = vec![0usize; n + 1];
    for p in &by_pair {
        if let Some(s) = starts.get_mut(p.0 as usize + 1) {
            *s += 1;
        }
    }
    for i in 0..n {
        starts[i + 1] += starts[i];
    }
    let lookup = |x: usize, y: usize| -> f32 {
        if x == y {
            return 1.0;
        }
        let (lo, hi) = (x.min(y), x.max(y) as u32);
        let run = by_pair.get(starts[lo]..starts[lo + 1]).unwrap_or(&[]);
        // a pair given twice counts as the last one given, as a map would keep it
        match run.partition_point(|p| p.1 <= hi) {
            0 => 0.0,
            k if run[k - 1].1 == hi => run[k - 1].2,
            _ => 0.0,
        }
    };
    // strongest first, then by nodes, sorted as plain integers: the score's bits made to
    // order as `f32::total_cmp` does, inverted for descending (the score is kept beside:
    // links with equal keys are equal for the loop)
    let descending = |score: f32| {
        let bits = score.to_bits() as i32;
        let total = bits ^ ((((bits >> 31) as u32) >> 1) as i32);
        !((total as u32) ^ 0x8000_0000)
    };
    let mut order: Vec<(u32, u32, u32, u32)> = Vec::with_capacity(links.len());
    order.extend(
        (links.iter())
            .filter(|l| l.score >= link_min || (l.specific && l.score >= specific_min))
            .map(|l| (descending(l.score), l.a, l.b, l.score.to_bits())),
    );
    order.par_sort_unstable();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut size = vec![1usize; n];
    let core: Vec<usize> = (0..n).collect();
    let mut weakest = vec![1.0f32; n];
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (_, a, b, bits) in order {
        let (ra, rb) = (root(&mut parent, a as usize), root(&mut parent, b as usize));
        if ra == rb || size[ra] + size[rb] > MAX_NODES {
            continue;
        }
        let (ca, cb) = (core[ra], core[rb]);
        let (x, y) = (a as usize, b as usize);
        // a newcomer must link to the other cluster's core, or resemble it
        let close = match (size[ra], size[rb]) {
            (1, _) => y == cb || lookup(x, cb) >= core_min,
            (_, 1) => x == ca || lookup(y, ca) >= core_min,
            _ => lookup(ca, cb) >= core_min,
        };
        if !close {
            continue;
        }
        // the bigger cluster (then the lower core) keeps its core
        let (keep, gone) = if size[ra] > size[rb] || (size[ra] == size[rb] && ca < cb) {
            (ra, rb)
        } else {
            (rb, ra)
        };
        parent[gone] = keep;
        size[keep] += size[gone];
        weakest[keep] = weakest[keep].min(weakest[gone]).min(f32::from_bits(bits));
    }
    // each root's place in `out`, in order of first node
    let mut by_root: Vec<usize> = vec![usize::MAX; n];
    let mut out: Vec<Cluster> = Vec::new();
    for x in 0..n {
        let r = root(&mut parent, x);
        if by_root[r] == usize::MAX {
            by_root[r] = out.len();
            out.push(Cluster {
                nodes: Vec::new(),
                weakest: weakest[r],
            });
        }
        out[by_root[r]].nodes.push(x);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(a: u32, b: u32, score: f32) -> Link {
        Link {
            a,
            b,
            score,
            affinity: score,
            specific: false,
        }
    }

    #[test]
    fn strong_links_join_and_weak_ones_do_not() {
        let c = cluster(4, &[link(0, 1, 0.9), link(2, 3, 0.2)], 0.5, 0.5, 0.3);
        assert_eq!(c.len(), 3);
        assert_eq!(c[0].nodes, vec![0, 1]);
        assert!((c[0].weakest - 0.9).abs() < 1e-6);
        assert_eq!(c[1].nodes, vec![2]);
    }

    #[test]
    fn chains_do_not_pull_unrelated_ends_together() {
        // 0-1 and 1-2 are strong, 2-3 strong, but 3 shares nothing with 0's core
        let links = [
            link(0, 1, 0.9),
            link(1, 2, 0.8),
            link(0, 2, 0.6),
            link(2, 3, 0.7),
        ];
        let c = cluster(4, &links, 0.5, 0.5, 0.3);
        assert_eq!(c[0].nodes, vec![0, 1, 2]);
        assert_eq!(c[1].nodes, vec![3]);
    }
}
