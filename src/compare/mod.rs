//! Comparing: statements of different documents lined up into claim groups, with typed
//! reasons for the disputed ones and a timeline of dated claims.
//!
//! ```text
//! claims ─▶ features (terms, polarity, credit, denial)            features
//!        ─▶ claim frames (what a figure measures, rebuttal, blame)  frames
//!        ─▶ verbatim copies merged by normalised-text hash         index::nodes
//!        ─▶ TF-IDF inverted index ─▶ candidate pairs (no all-pairs) index::Vectors
//!        ─▶ contested pairs within frame keys ─▶ small disputed groups  conflict
//!           (the rest goes on:)
//!        ─▶ score = cosine + shared figures/topics + polarity       score
//!        ─▶ clusters without chaining                              group
//!        ─▶ reasons ─▶ relation                                    dispute
//! ```
//!
//! Every narrative, quote or reported statement ends in exactly one group (alone, it is a
//! one-sided group of one); captions and boilerplate in none. Ids derive from content and
//! all work that runs in parallel is merged in a fixed order: the output is deterministic.
//!
//! ```
//! let corpus = parallax::corpus::bundled_sample();
//! let c = parallax::analyze(&corpus, &parallax::Settings::default());
//! let claims = c.statements.iter().filter(|s| s.kind.is_claim()).count();
//! assert_eq!(c.groups.iter().map(|g| g.statements.len()).sum::<usize>(), claims);
//! ```

pub mod conflict;
pub mod diff;
pub mod dispute;
pub mod features;
pub mod frames;
pub mod group;
pub mod index;
pub mod timeline;

use std::collections::HashMap;

use rayon::prelude::*;

use crate::comparison::{
    EntityKind, Group, Relation, Side, Statement, StatementKind, TimelineEntry,
};
use crate::lexicon::Lexicon;
use crate::progress::{Progress, Stage};
use dispute::Member;
use features::{Features, Vocab};
use group::Link;

/// The lowest cosine a candidate pair needs to be scored at all.
pub const CANDIDATE_MIN: f32 = 0.1;
/// The score at which two texts are linked into one group.
pub const LINK_MIN: f32 = 0.42;
/// The score at which two texts that share a specific value (a month of a year, an amount,
/// a share) are linked.
pub const SPECIFIC_MIN: f32 = 0.3;
/// What two texts gain when they credit different sides with providing the same thing.
pub const PROVISION_BONUS: f32 = 0.15;
/// What two texts of different documents gain when both time the same event.
pub const EVENT_BONUS: f32 = 0.25;
/// How alike a newcomer must be to a group's core text.
pub const CORE_MIN: f32 = 0.3;

/// What the compare stage adds to a comparison.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Compared {
    /// Claim groups, in the order of their first statement.
    pub groups: Vec<Group>,
    /// Dated claims.
    pub timeline: Vec<TimelineEntry>,
}

/// Compares the statements of a corpus (in document then text order).
pub fn compare(statements: &[Statement], sides: &[Side], lex: &Lexicon) -> Compared {
    compare_with(statements, sides, lex, &Progress::new())
}

/// How many steps [`compare_with`] counts in its progress.
pub const STEPS: usize = 7;

/// [`compare`], counting its [`STEPS`] in `progress`; once it is cancelled it stops at the
/// next step with nothing (the caller checks [`Progress::check`]).
pub fn compare_with(
    statements: &[Statement],
    sides: &[Side],
    lex: &Lexicon,
    progress: &Progress,
) -> Compared {
    progress.start(Stage::Comparing, STEPS);
    let mut laps = crate::timing::Laps::start("compare");
    let vocab = Vocab::new(lex, sides);
    let names: crate::text::WordMap<&str, &str> = sides
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    let side_name = |id: &str| names.get(id).copied().unwrap_or(id).to_string();
    let claims: Vec<usize> = (0..statements.len())
        .filter(|&i| statements[i].kind.is_claim())
        .collect();
    let feats: Vec<Features> = claims
        .par_iter()
        .map(|&i| match progress.is_cancelled() {
            true => Features::default(),
            false => features::features(&statements[i], &vocab, lex),
        })
        .collect();
    if progress.step_stops() {
        return Compared::default();
    }
    laps.lap("features");
    let mut doc_numbers: crate::text::WordMap<&str, u32> = Default::default();
    let docs: Vec<u32> = claims
        .iter()
        .map(|&i| {
            let next = doc_numbers.len() as u32;
            *doc_numbers
                .entry(statements[i].document.as_str())
                .or_insert(next)
        })
        .collect();
    let frame_vocab = frames::FrameVocab::new(lex);
    let frames: Vec<frames::Frames> = claims
        .par_iter()
        .map(|&i| match progress.is_cancelled() {
            true => frames::Frames::default(),
            false => frames::frames(&statements[i], &frame_vocab),
        })
        .collect();
    if progress.step_stops() {
        return Compared::default();
    }
    laps.lap("frames");
    let keys: Vec<u64> = feats.iter().map(|f| f.key).collect();
    let nodes = index::nodes(&keys, &docs);
    let node_terms: Vec<&[String]> = nodes
        .iter()
        .map(|n| feats[n.members[0]].terms.as_slice())
        .collect();
    let vectors = index::Vectors::build(&node_terms);
    if progress.step_stops() {
        return Compared::default();
    }
    laps.lap("vectors");
    let items: Vec<conflict::Item> = (0..claims.len())
        .map(|m| conflict::Item {
            statement: &statements[claims[m]],
            document: docs[m],
            frames: &frames[m],
            features: &feats[m],
        })
        .collect();
    // candidate pairs from the inverted index, same-document pairs included (two voices
    // of one report may argue)
    let all_pairs = vectors.candidates(CANDIDATE_MIN, |_, _| true);
    // counted first: a list of a million pairs grown step by step is copied each step
    let argues = |p: &&(u32, u32, f32)| p.2 >= conflict::ARGUMENT_MIN;
    let mut arguing: Vec<(u32, u32, f32)> =
        Vec::with_capacity(all_pairs.iter().filter(argues).count());
    arguing.extend(all_pairs.iter().filter(argues));
    if progress.step_stops() {
        return Compared::default();
    }
    laps.lap("candidates");
    let lexical = conflict::Lexical {
        cosine: &|a, b| vectors.cosine(a, b),
        pairs: &arguing,
        top_term: &|a, b| vectors.top_shared(a, b).map(str::to_string),
    };
    let disputes = conflict::disputes(&nodes, &items, &lexical, &|id: &str| side_name(id));
    if progress.step_stops() {
        return Compared::default();
    }
    laps.lap("disputes");
    let mut taken = vec![false; nodes.len()];
    for d in &disputes {
        for &n in &d.nodes {
            taken[n] = true;
        }
    }
    // pairs within one document only are not compared, nor texts already in a dispute
    let keep = |a: usize, b: usize| {
        let (da, db) = (&nodes[a].documents, &nodes[b].documents);
        !(taken[a] || taken[b] || (da.len() == 1 && da == db))
    };
    let mut candidates: Vec<(u32, u32, f32)> = all_pairs
        .into_iter()
        .filter(|p| keep(p.0 as usize, p.1 as usize))
        .collect();
    candidates.extend(polar_candidates(&nodes, &feats, &vectors, &keep));
    candidates.extend(event_candidates(&nodes, &feats, &vectors, &keep));
    candidates.sort_by_key(|x| (x.0, x.1));
    candidates.dedup_by(|x, y| (x.0, x.1) == (y.0, y.1));
    if progress.step_stops() {
        return Compared::default();
    }
    laps.lap("candidates kept");
    let links: Vec<Link> = candidates
        .par_iter()
        .map(|&(a, b, cos)| {
            let fa = &feats[nodes[a as usize].members[0]];
            let fb = &feats[nodes[b as usize].members[0]];
            let sa = &statements[claims[nodes[a as usize].members[0]]];
            let sb = &statements[claims[nodes[b as usize].members[0]]];
            let (score, affinity) = score(cos, fa, fb, sa, sb);
            Link {
                a,
                b,
                score,
                affinity,
                specific: shares_specific_value(fa, fb) || times_same_event(fa, fb),
            }
        })
        .collect();
    laps.lap("links");
    // clustering runs on one core: the disputed groups are built beside it
    let (clusters, disputed) = rayon::join(
        || group::cluster(nodes.len(), &links, LINK_MIN, SPECIFIC_MIN, CORE_MIN),
        || {
            (disputes.par_iter())
                .map(|d| {
                    let mut members: Vec<usize> = (d.nodes.iter())
                        .flat_map(|&n| nodes[n].members.iter().map(|&m| claims[m]))
                        .collect();
                    members.sort_unstable();
                    let first = members.first().copied().unwrap_or(0);
                    let group = disputed_group(statements, &members, d, &nodes, &claims);
                    (first, group)
                })
                .collect::<Vec<(usize, Group)>>()
        },
    );
    if progress.step_stops() {
        return Compared::default();
    }
    laps.lap("cluster, and the disputed groups beside it");
    let cosine = |a: usize, b: usize| vectors.cosine(a, b);
    let mut groups: Vec<(usize, Group)> = clusters
        .par_iter()
        .filter(|c| !(progress.is_cancelled() || c.nodes.len() == 1 && taken[c.nodes[0]]))
        .map(|c| {
            let mut members: Vec<(usize, Member)> = Vec::new();
            for &n in &c.nodes {
                for &m in &nodes[n].members {
                    members.push((
                        claims[m],
                        Member {
                            statement: &statements[claims[m]],
                            features: &feats[m],
                            node: n,
                        },
                    ));
                }
            }
            members.sort_by_key(|(i, _)| *i);
            let first = members.first().map_or(0, |(i, _)| *i);
            let headings: Vec<bool> = members
                .iter()
                .map(|(_, m)| items[nodes[m.node].members[0]].frames.heading)
                .collect();
            let ms: Vec<Member> = members.into_iter().map(|(_, m)| m).collect();
            (
                first,
                build_group(&ms, &headings, c.weakest, &cosine, &side_name),
            )
        })
        .collect();
    laps.lap("groups");
    // after the clusters' groups, as they were always listed (the sort below is stable)
    groups.extend(disputed);
    groups.sort_by_key(|(first, _)| *first);
    Compared {
        groups: groups.into_iter().map(|(_, g)| g).collect(),
        timeline: timeline::timeline(statements),
    }
}

/// How alike two distinct texts are, `(score, affinity)`: the affinity is their cosine plus
/// shared figures and dates; the score adds shared topics, and opposite readings of one
/// matter when they share a topic and an actor. Both 0..1.
pub fn score(cos: f32, fa: &Features, fb: &Features, sa: &Statement, sb: &Statement) -> (f32, f32) {
    // a shared amount, share or month is telling; a shared duration or bare year less so
    let shared_values: f32 = fa
        .figures
        .iter()
        .filter(|(k, v, _)| fb.figures.iter().any(|(kb, vb, _)| kb == k && vb == v))
        .map(|(k, v, _)| match k {
            EntityKind::Duration => 0.05,
            EntityKind::Date if v.len() <= 4 => 0.05,
            _ => 0.15,
        })
        .sum();
    let shared_topics = sa.topics.iter().filter(|t| sb.topics.contains(t)).count();
    let all_topics = sa.topics.len() + sb.topics.len() - shared_topics;
    let topic_overlap = if all_topics == 0 {
        0.0
    } else {
        shared_topics as f32 / all_topics as f32
    };
    let shared_actor = fa.actors.iter().any(|a| fb.actors.contains(a));
    // two parties, each quoted or reported, take opposite readings of one matter even when
    // neither names the other
    let voiced = |s: &Statement| s.claimant.is_some() && s.kind != StatementKind::Narrative;
    let two_parties = voiced(sa) && voiced(sb) && sa.claimant != sb.claimant;
    let opposite = shared_topics > 0
        && (shared_actor || two_parties)
        && fa.poles.iter().any(|p| {
            fb.poles
                .iter()
                .any(|q| q.polarity == p.polarity && q.positive != p.positive)
        });
    let affinity = cos + shared_values.min(0.3);
    let mut s = affinity + 0.1 * topic_overlap;
    if opposite {
        s += 0.4;
    }
    if features::competing_provision(fa, fb) {
        s += PROVISION_BONUS;
    }
    if times_same_event(fa, fb) {
        s += EVENT_BONUS;
    }
    (s.min(1.0), affinity.min(1.0))
}

/// Whether two texts share a specific value: an amount, a share, or a date that names a
/// month of a year (a bare year, month or duration is too common to tell).
pub fn shares_specific_value(fa: &Features, fb: &Features) -> bool {
    fa.figures.iter().any(|(k, v, _)| {
        let specific = match k {
            EntityKind::Money | EntityKind::Percent => true,
            EntityKind::Date => v.len() >= 7 && !v.starts_with("--"),
            _ => false,
        };
        specific && fb.figures.iter().any(|(kb, vb, _)| kb == k && vb == v)
    })
}

/// Whether both texts give a time for the same event ("due to end in May", "two years since
/// the decision to end it").
pub fn times_same_event(fa: &Features, fb: &Features) -> bool {
    fa.timed() && fb.timed() && fa.same_event(fb).is_some()
}

/// Pairs of texts that both time the same event (from lists of the timed texts holding each
/// event key; a key held by more than [`index::MAX_POSTINGS`] texts is too common to pair
/// on), with their cosine.
fn event_candidates(
    nodes: &[index::Node],
    feats: &[Features],
    vectors: &index::Vectors,
    keep: &(dyn Fn(usize, usize) -> bool + Sync),
) -> Vec<(u32, u32, f32)> {
    let mut lists: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
    for (n, node) in nodes.iter().enumerate() {
        let f = &feats[node.members[0]];
        if f.timed() {
            for e in &f.events {
                lists.entry(e.as_str()).or_default().push(n);
            }
        }
    }
    let mut out = Vec::new();
    for list in lists.values() {
        if list.len() < 2 || list.len() > index::MAX_POSTINGS {
            continue;
        }
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                if keep(a, b) {
                    out.push((a as u32, b as u32, vectors.cosine(a, b)));
                }
            }
        }
    }
    out
}

/// Pairs of texts that take opposite readings of one matter (from lists of the texts
/// holding each reading; a reading held by more than [`index::MAX_POSTINGS`] texts is too
/// common to pair on), with their cosine: lexically they may share little.
fn polar_candidates(
    nodes: &[index::Node],
    feats: &[Features],
    vectors: &index::Vectors,
    keep: &(dyn Fn(usize, usize) -> bool + Sync),
) -> Vec<(u32, u32, f32)> {
    let mut lists: std::collections::BTreeMap<(usize, bool), Vec<usize>> = Default::default();
    for (n, node) in nodes.iter().enumerate() {
        for p in &feats[node.members[0]].poles {
            lists.entry((p.polarity, p.positive)).or_default().push(n);
        }
    }
    let mut out = Vec::new();
    for ((polarity, positive), pos) in &lists {
        if !positive {
            continue;
        }
        let Some(neg) = lists.get(&(*polarity, false)) else {
            continue;
        };
        if pos.len() > index::MAX_POSTINGS || neg.len() > index::MAX_POSTINGS {
            continue;
        }
        for &a in pos {
            for &b in neg {
                let (x, y) = (a.min(b), a.max(b));
                if x != y && keep(x, y) {
                    out.push((x as u32, y as u32, vectors.cosine(x, y)));
                }
            }
        }
    }
    out
}

/// A disputed group of the conflict stage: `members` are statement positions, ascending.
fn disputed_group(
    statements: &[Statement],
    members: &[usize],
    d: &conflict::Dispute,
    nodes: &[index::Node],
    claims: &[usize],
) -> Group {
    let ids: Vec<String> = members.iter().map(|&i| statements[i].id.clone()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    let id = format!(
        "g-{:016x}",
        xxhash_rust::xxh3::xxh3_64(sorted.join("\n").as_bytes())
    );
    let mut sides: Vec<String> = members
        .iter()
        .flat_map(|&i| {
            let s = &statements[i];
            [&s.claimant, &s.counter_claimant, &s.answers]
                .into_iter()
                .flatten()
                .cloned()
        })
        .collect();
    sides.sort();
    sides.dedup();
    let mut topic_counts: HashMap<&str, usize> = HashMap::new();
    for &i in members {
        for t in &statements[i].topics {
            *topic_counts.entry(t.as_str()).or_default() += 1;
        }
    }
    let mut topics: Vec<(&str, usize)> = topic_counts.into_iter().collect();
    topics.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let node_ids = |n: usize| -> Vec<String> {
        nodes[n]
            .members
            .iter()
            .map(|&m| statements[claims[m]].id.clone())
            .collect()
    };
    let mut reasons: Vec<crate::comparison::Reason> = Vec::new();
    for e in &d.edges {
        if reasons
            .iter()
            .any(|r| r.kind == e.kind && r.detail == e.detail)
        {
            continue;
        }
        let mut who = node_ids(e.a);
        who.extend(node_ids(e.b));
        reasons.push(crate::comparison::Reason {
            kind: e.kind,
            detail: e.detail.clone(),
            statements: who,
        });
    }
    Group {
        id,
        statements: ids,
        sides,
        topics: topics.into_iter().map(|(t, _)| t.to_string()).collect(),
        relation: Relation::Disputed,
        similarity: (f64::from(d.strength) * 1000.0).round() / 1000.0,
        reasons,
        strength: (f64::from(d.strength) * 1000.0).round() / 1000.0,
        annotation: None,
    }
}

/// The strength of a dispute found by the group-level reasons of [`dispute::reasons`].
fn reason_strength(reasons: &[crate::comparison::Reason]) -> f64 {
    reasons
        .iter()
        .map(|r| match r.kind.as_str() {
            "conflicting-figure" => 0.5,
            "conflicting-date" | "denial" => 0.45,
            "competing-credit" => 0.4,
            "opposite-polarity" => 0.3,
            _ => 0.2,
        })
        .fold(0.0, f64::max)
}

/// A group of members (in statement order).
fn build_group(
    members: &[Member],
    headings: &[bool],
    weakest: f32,
    cosine: &dyn Fn(usize, usize) -> f32,
    side_name: &dyn Fn(&str) -> String,
) -> Group {
    let ids: Vec<String> = members.iter().map(|m| m.statement.id.clone()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    let id = format!(
        "g-{:016x}",
        xxhash_rust::xxh3::xxh3_64(sorted.join("\n").as_bytes())
    );
    let mut sides: Vec<String> = members
        .iter()
        .flat_map(|m| {
            [
                &m.statement.claimant,
                &m.statement.counter_claimant,
                &m.statement.answers,
            ]
            .into_iter()
            .flatten()
            .cloned()
        })
        .collect();
    sides.sort();
    sides.dedup();
    let mut topic_counts: HashMap<&str, usize> = HashMap::new();
    for m in members {
        for t in &m.statement.topics {
            *topic_counts.entry(t.as_str()).or_default() += 1;
        }
    }
    let mut topics: Vec<(&str, usize)> = topic_counts.into_iter().collect();
    topics.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    // headings, datelines and publication lines take no part in a dispute
    let speaking: Vec<Member> = members
        .iter()
        .zip(headings)
        .filter(|(_, h)| !**h)
        .map(|(m, _)| *m)
        .collect();
    let verdict = dispute::reasons(&speaking, cosine, side_name);
    let mut documents: Vec<&str> = members
        .iter()
        .map(|m| m.statement.document.as_str())
        .collect();
    documents.sort_unstable();
    documents.dedup();
    let relation = if verdict.conflict {
        Relation::Disputed
    } else if documents.len() >= 2 {
        Relation::Shared
    } else {
        Relation::OneSided
    };
    Group {
        id,
        statements: ids,
        sides,
        topics: topics.into_iter().map(|(t, _)| t.to_string()).collect(),
        relation,
        similarity: (f64::from(weakest) * 1000.0).round() / 1000.0,
        strength: if relation == Relation::Disputed {
            reason_strength(&verdict.reasons)
        } else {
            0.0
        },
        reasons: verdict.reasons,
        annotation: None,
    }
}
