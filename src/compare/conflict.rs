//! Disputes: pairs of statements that contest one matter, found within blocking keys (never
//! all pairs), and small disputed groups built from them.
//!
//! | evidence | strength |
//! |---|---|
//! | two named parties give different values of one frame | 0.75–0.9 |
//! | two documents (parties unknown) give different values of one frame | 0.55–0.7 |
//! | a rebuttal linked to the claim it restates, or to the claim just before it | 0.45–0.55 |
//! | one party gives two values of one frame in two documents | 0.4 |
//! | parties blame each other for one matter | 0.35 |
//! | two named parties, one contesting next to a word the other holds (`contested`) | 0.32–0.4 |
//!
//! Pairs are looked for only among statements sharing a frame key (a kind of value and a
//! head noun: `share:offer`) or a frame head near a rebuttal or blame cue; a key
//! held by more than [`MAX_BLOCK`] distinct texts is too common to pair on. A group holds
//! at most [`MAX_DISPUTE_NODES`] distinct texts: a newcomer joins a group through its
//! strongest pair, and two groups merge only when they are about the same frame key.

use std::collections::{BTreeMap, HashMap};

use super::features::Features;
use super::frames::{Frames, Value, ValueKind};
use super::index::Node;
use crate::comparison::{ReasonKind, Statement, StatementKind};

/// The most distinct texts a blocking key may hold and still be paired on.
pub const MAX_BLOCK: usize = 64;
/// The most distinct texts in one disputed group.
pub const MAX_DISPUTE_NODES: usize = 5;
/// The most distinct texts an argument pair (kind `contested`) may grow a group to: an
/// argument in shared words is looser evidence than a figure, so it stays a pair (3 was
/// measured: more statements flagged, no more disputes found).
pub const MAX_ARGUMENT_NODES: usize = 2;
/// The lexical similarity two statements timing something differently need, besides the
/// shared verb, to be taken as timing the same thing.
pub const DATE_MIN: f32 = 0.1;
/// The lexical similarity a rebuttal needs with a claim of another document it answers.
pub const REBUTTAL_MIN: f32 = 0.25;
/// The lexical similarity two statements laying blame (or an accusation and its denial)
/// need to be taken as speaking of one matter.
pub const BLAME_MIN: f32 = 0.12;
/// The most words a rebuttal may have and still be taken to answer the statement before
/// it ("You know that isn't so") rather than a claim it restates.
pub const SHORT_REBUTTAL: usize = 14;

/// The kinds of reason a pair gives: different values of one figure.
pub const CONFLICTING_FIGURE: ReasonKind = ReasonKind::ConflictingFigure;
/// Different dates or years for one event.
pub const CONFLICTING_DATE: ReasonKind = ReasonKind::ConflictingDate;
/// A rebuttal and the claim it answers.
pub const DENIAL: ReasonKind = ReasonKind::Denial;
/// Parties blaming each other.
pub const BLAME: ReasonKind = ReasonKind::Blame;
/// Two named parties contesting one matter: one answers, denies or accuses next to a word
/// the other's statement holds.
pub const CONTESTED: ReasonKind = ReasonKind::Contested;

/// The lexical similarity two named parties need, one contesting (a denial, rebuttal,
/// blame or accusation, "insisted", "hit back"), to
/// be taken as arguing over one matter.
pub const ARGUMENT_MIN: f32 = 0.25;
/// The cosine from which two texts are alike enough for the similarity grouping, whose
/// reasons (denial, opposite polarity, credit) then tell the dispute: argument pairs are
/// looked for below it only.
pub const ARGUMENT_MAX: f32 = super::LINK_MIN;

/// One statement of the corpus as the dispute finder sees it.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    /// The statement.
    pub statement: &'a Statement,
    /// Its document number.
    pub document: u32,
    /// Its frames.
    pub frames: &'a Frames,
    /// Its similarity features.
    pub features: &'a Features,
}

/// What the dispute finder knows of the lexical likeness of distinct texts (nodes).
pub struct Lexical<'a> {
    /// The cosine of two nodes.
    pub cosine: &'a (dyn Fn(usize, usize) -> f32 + Sync),
    /// Candidate pairs `(lower node, higher node, cosine)` from the inverted index (never
    /// all pairs), same-document pairs included.
    pub pairs: &'a [(u32, u32, f32)],
    /// The shared term that weighs most in the cosine of two nodes.
    pub top_term: &'a (dyn Fn(usize, usize) -> Option<String> + Sync),
}

/// A pair of distinct texts (nodes) that contest one matter.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// The lower node.
    pub a: usize,
    /// The higher node.
    pub b: usize,
    /// How strong the evidence is, 0..1.
    pub strength: f32,
    /// The frame key it is about (two groups merge only on the same key).
    pub key: String,
    /// The reason kind (`conflicting-figure`, …).
    pub kind: ReasonKind,
    /// A human-readable account.
    pub detail: String,
}

/// A disputed group: its nodes (ascending), strength and the pairs that make it.
#[derive(Debug, Clone, PartialEq)]
pub struct Dispute {
    /// Node numbers, ascending.
    pub nodes: Vec<usize>,
    /// The strongest evidence in it, 0..1.
    pub strength: f32,
    /// The pairs inside it, strongest first.
    pub edges: Vec<Edge>,
}

/// Who speaks, as far as two statements tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Voices {
    /// Two named, different parties.
    Named,
    /// Different documents, or different kinds of text, parties unknown.
    Other,
    /// One named party in two documents.
    OneParty,
    /// The same voice in one document.
    Same,
}

fn voices(x: &Item, y: &Item) -> Voices {
    let (a, b) = (x.statement, y.statement);
    match (&a.claimant, &b.claimant) {
        (Some(p), Some(q)) if p != q => Voices::Named,
        (Some(_), Some(_)) if x.document != y.document => Voices::OneParty,
        (Some(_), Some(_)) => Voices::Same,
        _ if x.document != y.document => Voices::Other,
        (p, q) if p != q => Voices::Other,
        _ if (a.kind == StatementKind::Narrative) != (b.kind == StatementKind::Narrative) => {
            Voices::Other
        }
        _ => Voices::Same,
    }
}

fn who(x: &Item, name: &dyn Fn(&str) -> String) -> String {
    x.statement
        .claimant
        .as_deref()
        .map(name)
        .unwrap_or_else(|| "one report".to_string())
}

/// The conflicting values of one frame key two statements give, as written: `None` when
/// every value of either agrees with one of the other's (a figure and the same figure
/// rounded, or one of them giving both).
fn value_conflict(x: &Frames, y: &Frames, kind: ValueKind, key: &str) -> Option<(String, String)> {
    let framed = |f: &'_ Frames| -> Vec<Value> {
        f.values
            .iter()
            .filter(|v| v.kind == kind && v.keys.iter().any(|k| k == key))
            .cloned()
            .collect()
    };
    let all = |f: &'_ Frames| -> Vec<Value> {
        f.values
            .iter()
            .chain(&f.when)
            .filter(|v| v.kind == kind)
            .cloned()
            .collect()
    };
    let (vx, vy) = (framed(x), framed(y));
    let (ax, ay) = (all(x), all(y));
    let only = |vs: &[Value], others: &[Value]| -> Vec<String> {
        vs.iter()
            .filter(|v| !others.iter().any(|o| v.agrees(o)))
            .map(|v| v.written.clone())
            .collect()
    };
    let (ox, oy) = (only(&vx, &ay), only(&vy, &ax));
    if ox.is_empty() || oy.is_empty() {
        return None;
    }
    // figures of different times measure different things
    if !matches!(kind, ValueKind::Date | ValueKind::Year)
        && !x.when.is_empty()
        && !y.when.is_empty()
        && !x.when.iter().any(|a| {
            y.when
                .iter()
                .any(|b| super::dispute::dates_agree(&a.date, &b.date))
        })
    {
        return None;
    }
    Some((ox.join(", "), oy.join(", ")))
}

/// The disputes among `nodes` (distinct texts; `items[node.members[0]]` speaks for a node);
/// `cosine(node, node)` is their lexical similarity; `name` turns a side id into a name.
pub fn disputes(
    nodes: &[Node],
    items: &[Item],
    lexical: &Lexical,
    name: &dyn Fn(&str) -> String,
) -> Vec<Dispute> {
    let cosine = lexical.cosine;
    let item = |n: usize| items[nodes[n].members[0]];
    let mut node_of = vec![0usize; items.len()];
    for (n, node) in nodes.iter().enumerate() {
        for &m in &node.members {
            node_of[m] = n;
        }
    }
    let live: Vec<bool> = (0..nodes.len()).map(|n| !item(n).frames.heading).collect();
    let mut edges: Vec<Edge> = Vec::new();
    let mut push = |a: usize, b: usize, strength: f32, key: String, kind, detail| {
        edges.push(Edge {
            a: a.min(b),
            b: a.max(b),
            strength,
            key,
            kind,
            detail,
        })
    };

    // 1. values of one frame
    let mut blocks: BTreeMap<(ValueKind, &str), Vec<usize>> = BTreeMap::new();
    for n in (0..nodes.len()).filter(|&n| live[n]) {
        for v in &item(n).frames.values {
            for k in &v.keys {
                let list = blocks.entry((v.kind, k.as_str())).or_default();
                if list.last() != Some(&n) {
                    list.push(n);
                }
            }
        }
    }
    let mut seen: crate::text::WordSet<(usize, usize, ValueKind)> = Default::default();
    for ((kind, key), list) in &blocks {
        if list.len() < 2 || list.len() > MAX_BLOCK {
            continue;
        }
        for (i, &a) in list.iter().enumerate() {
            for &b in &list[i + 1..] {
                if !seen.insert((a, b, *kind)) {
                    continue;
                }
                let (x, y) = (item(a), item(b));
                let v = voices(&x, &y);
                if v == Voices::Same {
                    continue;
                }
                // the first shared key that conflicts, and how many keys they share
                let shared: Vec<&String> = x
                    .frames
                    .values
                    .iter()
                    .filter(|p| p.kind == *kind)
                    .flat_map(|p| &p.keys)
                    .filter(|k| {
                        y.frames
                            .values
                            .iter()
                            .any(|q| q.kind == *kind && q.keys.contains(k))
                    })
                    .collect();
                let Some((k, (wx, wy))) = shared
                    .iter()
                    .find_map(|k| value_conflict(x.frames, y.frames, *kind, k).map(|c| (*k, c)))
                else {
                    continue;
                };
                // a date beside one verb may time different things ("the term ends in
                // July", "the subsidy ends in March"): they must share some words too
                let timed = matches!(kind, ValueKind::Date | ValueKind::Year);
                if timed && cosine(a, b) < DATE_MIN {
                    continue;
                }
                // two events timed: they must be the same event (verb and what it acts on)
                if timed
                    && !x.features.events.is_empty()
                    && !y.features.events.is_empty()
                    && x.features.same_event(y.features).is_none()
                {
                    continue;
                }
                let mut distinct = shared.clone();
                distinct.sort();
                distinct.dedup();
                let bonus =
                    0.05 * (distinct.len().min(3) as f32 - 1.0) + 0.1 * cosine(a, b).min(1.0);
                let (base, label) = match v {
                    Voices::Named => (0.75, ""),
                    Voices::Other => (0.55, ""),
                    _ => (0.4, "one party, two figures: "),
                };
                let kind_name = if timed {
                    CONFLICTING_DATE
                } else {
                    CONFLICTING_FIGURE
                };
                push(
                    a,
                    b,
                    base + bonus,
                    format!("{}:{}", kind.as_str(), key),
                    kind_name,
                    format!(
                        "{label}conflicting {} of the {}: {} ({}) vs {} ({})",
                        kind.as_str(),
                        k,
                        wx,
                        who(&x, name),
                        wy,
                        who(&y, name)
                    ),
                );
            }
        }
    }

    // 2. a short rebuttal answers the claim just before it
    for (n, node) in nodes.iter().enumerate().filter(|(n, _)| live[*n]) {
        for &m in &node.members {
            let r = items[m];
            if !r.frames.rebuts
                || !r.frames.values.is_empty()
                || r.frames.words > SHORT_REBUTTAL
                || m == 0
            {
                continue;
            }
            let prev = items[m - 1];
            if prev.document != r.document || prev.frames.heading || prev.frames.rebuts {
                continue;
            }
            let p = node_of[m - 1];
            if p != n {
                push(
                    p,
                    n,
                    0.45,
                    format!("answer:{p}"),
                    DENIAL,
                    format!(
                        "{} rebuts the claim before it: “{}” – “{}”",
                        who(&r, name),
                        short(&prev.statement.text),
                        short(&r.statement.text)
                    ),
                );
            }
        }
    }

    // 3. rebuttals and blame linked to the claims they answer, by frame head
    let mut heads: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for n in (0..nodes.len()).filter(|&n| live[n]) {
        for h in &item(n).frames.heads {
            heads.entry(h.as_str()).or_default().push(n);
        }
    }
    let mut paired: crate::text::WordSet<(usize, usize)> = Default::default();
    for (head, list) in &heads {
        if list.len() < 2 || list.len() > MAX_BLOCK {
            continue;
        }
        for (i, &a) in list.iter().enumerate() {
            for &b in &list[i + 1..] {
                let (x, y) = (item(a), item(b));
                let cue = |f: &Frames| f.cue_heads.iter().any(|h| h == head);
                let (rx, ry) = (
                    x.frames.rebuts && cue(x.frames),
                    y.frames.rebuts && cue(y.frames),
                );
                let blame = x.frames.blames && y.frames.blames && cue(x.frames) && cue(y.frames);
                if !(rx || ry || blame) {
                    continue;
                }
                if x.document == y.document || !paired.insert((a, b)) {
                    continue;
                }
                let v = voices(&x, &y);
                if matches!(v, Voices::Same | Voices::OneParty) {
                    continue;
                }
                let cos = cosine(a, b);
                let named = if v == Voices::Named { 0.1 } else { 0.0 };
                if (rx || ry) && cos >= REBUTTAL_MIN {
                    let r = if rx { x } else { y };
                    push(
                        a,
                        b,
                        0.45 + named,
                        format!("head:{head}"),
                        DENIAL,
                        format!(
                            "{} rebuts what {} says of the {head}: “{}”",
                            who(&r, name),
                            who(if rx { &y } else { &x }, name),
                            short(&r.statement.text)
                        ),
                    );
                } else if blame && cos >= BLAME_MIN {
                    push(
                        a,
                        b,
                        0.3 + named / 2.0,
                        format!("head:{head}"),
                        BLAME,
                        format!(
                            "{} and {} lay the blame for the {head} on each other",
                            who(&x, name),
                            who(&y, name)
                        ),
                    );
                }
            }
        }
    }

    // 4. arguments: two voices contest one matter in the rare words they share
    for &(a, b, cos) in lexical.pairs {
        let (a, b) = (a as usize, b as usize);
        if !(live[a] && live[b]) || paired.contains(&(a, b)) {
            continue;
        }
        let (x, y) = (item(a), item(b));
        let Some(evidence) = argument(&x, &y, cos) else {
            continue;
        };
        // two sides whose names hold one another are likely one voice read twice
        if let (Some(p), Some(q)) = (&x.statement.claimant, &y.statement.claimant)
            && one_voice(&name(p), &name(q))
        {
            continue;
        }
        let Some(term) = (lexical.top_term)(a, b) else {
            continue;
        };
        let named = voices(&x, &y) == Voices::Named;
        push(
            a,
            b,
            0.3 + if named { 0.05 } else { 0.0 } + 0.1 * cos.min(1.0),
            format!("term:{term}"),
            CONTESTED,
            format!(
                "{} and {} {evidence} over the {term}: “{}” – “{}”",
                who(&x, name),
                who(&y, name),
                short(&x.statement.text),
                short(&y.statement.text)
            ),
        );
    }

    cluster(nodes.len(), edges)
}

/// Whether two side names are one voice for an argument: one's words stand, in order, in
/// the other's ("Acme" and "Acme / Northshire", "the Teachers' Union" and "Speaking for
/// the Teachers' Union").
pub fn one_voice(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let (short, long) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    !short.is_empty() && long.windows(short.len()).any(|w| w == short.as_slice())
}

/// Why two statements of a candidate pair argue over one matter, if they do: two named,
/// different parties, lexically alike (from [`ARGUMENT_MIN`] to below [`ARGUMENT_MAX`]),
/// and one contesting (a denial, rebuttal, blame, accusation, "insisted") next to a word
/// the other statement holds. Statements that deny another party within the sentence,
/// read a polarity or give a date or duration are left to the similarity grouping and the
/// date frames, whose reasons tell them. Unnamed voices and bare negation were
/// measured and left out: too many unrelated pairs.
pub fn argument(x: &Item, y: &Item, cos: f32) -> Option<&'static str> {
    if voices(x, y) != Voices::Named || !(ARGUMENT_MIN..ARGUMENT_MAX).contains(&cos) {
        return None;
    }
    let contests = |i: &Item, o: &Item| {
        (i.frames.contests || i.features.denies)
            && i.frames
                .contested
                .iter()
                .any(|w| o.features.terms.iter().any(|t| t == w))
    };
    // a denial of another party within the sentence, a reading of a polarity or a timed
    // statement is told better by the similarity grouping's reasons (denial, opposite
    // polarity, conflicting date)
    let told = |i: &Item| {
        i.statement.counter_claimant.is_some()
            || i.statement.answers.is_some()
            || !i.features.poles.is_empty()
            || i.features.timed()
    };
    if told(x) || told(y) {
        None
    } else if contests(x, y) || contests(y, x) {
        Some("contest each other")
    } else {
        None
    }
}

/// Disputed groups from pairs, strongest first: a newcomer joins a group through its
/// strongest pair; two groups merge only on the same frame key; at most
/// [`MAX_DISPUTE_NODES`] texts each. Deterministic.
pub fn cluster(n: usize, mut edges: Vec<Edge>) -> Vec<Dispute> {
    edges.sort_by(|x, y| {
        y.strength
            .total_cmp(&x.strength)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
            .then(x.key.cmp(&y.key))
    });
    let mut parent: Vec<usize> = (0..n).collect();
    let mut size = vec![1usize; n];
    let mut key: HashMap<usize, String> = HashMap::new();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for e in &edges {
        let (ra, rb) = (root(&mut parent, e.a), root(&mut parent, e.b));
        let most = if e.kind == CONTESTED {
            MAX_ARGUMENT_NODES
        } else {
            MAX_DISPUTE_NODES
        };
        if ra == rb || size[ra] + size[rb] > most {
            continue;
        }
        let fits = |r: usize, size: &[usize]| size[r] == 1 || key.get(&r) == Some(&e.key);
        if !(fits(ra, &size) || fits(rb, &size)) {
            continue;
        }
        if size[ra] > 1 && size[rb] > 1 && !(fits(ra, &size) && fits(rb, &size)) {
            continue;
        }
        let (keep, gone) = if size[ra] >= size[rb] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let k = key.get(&keep).cloned().unwrap_or_else(|| e.key.clone());
        parent[gone] = keep;
        size[keep] += size[gone];
        key.remove(&gone);
        key.insert(keep, k);
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for x in 0..n {
        let r = root(&mut parent, x);
        if size[r] > 1 {
            by_root.entry(r).or_default().push(x);
        }
    }
    let mut out: Vec<Dispute> = Vec::new();
    for (r, nodes) in by_root {
        let inside: Vec<Edge> = edges
            .iter()
            .filter(|e| root(&mut parent, e.a) == r && root(&mut parent, e.b) == r)
            .cloned()
            .collect();
        let strength = inside.first().map_or(0.0, |e| e.strength);
        out.push(Dispute {
            nodes,
            strength,
            edges: inside,
        });
    }
    out
}

/// The text, cut to about 100 characters at a word boundary.
fn short(text: &str) -> String {
    if text.chars().count() <= 100 {
        return text.to_string();
    }
    let cut: String = text.chars().take(100).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut} …")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(a: usize, b: usize, strength: f32, key: &str) -> Edge {
        Edge {
            a,
            b,
            strength,
            key: key.into(),
            kind: CONFLICTING_FIGURE,
            detail: String::new(),
        }
    }

    #[test]
    fn groups_merge_only_on_one_frame_key() {
        let d = cluster(
            6,
            vec![
                edge(0, 1, 0.9, "share:offer"),
                edge(2, 3, 0.8, "amount:cost"),
                edge(1, 2, 0.7, "amount:cost"),
                edge(1, 4, 0.6, "share:offer"),
            ],
        );
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].nodes, vec![0, 1, 4]);
        assert_eq!(d[1].nodes, vec![2, 3]);
        assert!((d[0].strength - 0.9).abs() < 1e-6);
    }

    use crate::compare::features::{self, Vocab};
    use crate::compare::frames::{self, FrameVocab};
    use crate::lexicon::Lexicon;

    fn statement(text: &str, claimant: &str, document: &str) -> Statement {
        Statement {
            id: format!("s-{text}"),
            document: document.into(),
            paragraph: 0,
            span: [0, text.len()],
            text: text.into(),
            kind: StatementKind::Reported,
            speaker: None,
            claimant: Some(claimant.into()),
            counter_claimant: None,
            answers: None,
            topics: vec![],
            entities: vec![],
        }
    }

    /// Whether two statements (of two documents) argue, at a given cosine.
    fn argues(a: (&str, &str), b: (&str, &str), cos: f32) -> Option<&'static str> {
        let lex = Lexicon::bundled();
        let (fv, v) = (FrameVocab::new(&lex), Vocab::new(&lex, &[]));
        let (sa, sb) = (statement(a.0, a.1, "d1"), statement(b.0, b.1, "d2"));
        let (ra, rb) = (frames::frames(&sa, &fv), frames::frames(&sb, &fv));
        let (ea, eb) = (
            features::features(&sa, &v, &lex),
            features::features(&sb, &v, &lex),
        );
        let item = |statement, frames, features| Item {
            statement,
            document: 0,
            frames,
            features,
        };
        let (mut x, mut y) = (item(&sa, &ra, &ea), item(&sb, &rb, &eb));
        x.document = 1;
        y.document = 2;
        argument(&x, &y, cos)
    }

    #[test]
    fn an_accusation_and_the_answer_about_its_object_argue() {
        let accusation = (
            "The guild accused the studios of hiding streaming residuals from writers.",
            "guild",
        );
        let answer = (
            "The studios insisted that streaming residuals are paid on time at the agreed rate.",
            "studios",
        );
        assert_eq!(argues(accusation, answer, 0.3), Some("contest each other"));
        // one party does not argue with itself, nor do texts too unlike
        assert_eq!(argues(accusation, (answer.0, "guild"), 0.3), None);
        assert_eq!(argues(accusation, answer, 0.1), None);
    }

    #[test]
    fn a_cue_far_from_what_the_other_says_is_no_argument() {
        // the regulator criticises something the company's statement does not mention
        let critic = (
            "The regulator criticised the board over its late accounts, months before the tariff review began.",
            "regulator",
        );
        let other = (
            "The company said the tariff review would start in spring.",
            "company",
        );
        assert_eq!(argues(critic, other, 0.3), None);
    }

    #[test]
    fn names_that_hold_one_another_are_one_voice() {
        assert!(one_voice("Acme", "Acme / Northshire"));
        assert!(one_voice(
            "Speaking for the Teachers' Union",
            "the Teachers' Union"
        ));
        // whole words, not letters: a town is not the firm named like it
        assert!(!one_voice("Acme", "Acmeville Council"));
        assert!(!one_voice("Northshire Council", "Eastvale Trust"));
        assert!(!one_voice("Acme Union", "Union Acme"));
    }

    #[test]
    fn groups_stay_small() {
        let edges = (1..10).map(|b| edge(0, b, 0.9, "number:jobs")).collect();
        let d = cluster(10, edges);
        assert_eq!(d[0].nodes.len(), MAX_DISPUTE_NODES);
    }
}
