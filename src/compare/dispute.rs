//! Why a group is disputed: typed reasons that name the statements involved.
//!
//! | kind | when |
//! |---|---|
//! | `competing-credit` | two statements credit different sides with the same outcome or service |
//! | `conflicting-figure` | the same quantity with different normalised money or percent values |
//! | `conflicting-date` | the same event with dates that cannot both hold |
//! | `denial` | a statement rejects another side's claim (or holds a claim and its rejection) |
//! | `opposite-polarity` | two sides take opposite readings (sustainable / unsustainable) |
//! | `reused-quote` | the same words quoted from different speakers |
//! | `contested` | two named parties argue over one matter in words they share: one denies, rebuts, blames or accuses next to a word the other holds (from `compare::conflict`: a pair of texts, never grown into a larger group) |

use std::collections::BTreeMap;

use super::diff::{longest_shared_keys, run_text};
use super::features::Features;
use crate::comparison::{EntityKind, Reason, ReasonKind, Statement, StatementKind};

/// A figure of a statement: `(kind, normalised value, as written)`.
type Figure = (EntityKind, String, String);

/// The lexical similarity two statements need before their figures, dates or credits are
/// compared: below it they are taken to speak of different things.
pub const REASON_MIN: f32 = 0.3;

/// The fewest words in a row two quotes must share to count as the same quote.
pub const QUOTE_RUN: usize = 6;

/// The most members of one text compared as variants (distinct claimants or speakers).
pub const MAX_VARIANTS: usize = 6;

/// A statement of a group, with what the compare stage read off it.
#[derive(Debug, Clone, Copy)]
pub struct Member<'a> {
    /// The statement.
    pub statement: &'a Statement,
    /// Its features.
    pub features: &'a Features,
    /// Its distinct text (node) number.
    pub node: usize,
}

/// The reasons of a group, and whether any of them is a conflict.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Verdict {
    /// Reasons, merged by kind and detail, in a stable order.
    pub reasons: Vec<Reason>,
    /// Whether a reason is a conflict between sides (the group is `disputed`).
    pub conflict: bool,
}

/// Reasons for a group's members (in statement order); `cosine(node, node)` is the lexical
/// similarity of two distinct texts; `side_name` turns a side id into its display name.
pub fn reasons(
    members: &[Member],
    cosine: &dyn Fn(usize, usize) -> f32,
    side_name: &dyn Fn(&str) -> String,
) -> Verdict {
    let mut found: BTreeMap<(ReasonKind, String), (Vec<usize>, bool)> = BTreeMap::new();
    let mut add = |kind: ReasonKind, detail: String, who: &[usize], conflict: bool| {
        let e = found.entry((kind, detail)).or_insert((Vec::new(), false));
        for w in who {
            if !e.0.contains(w) {
                e.0.push(*w);
            }
        }
        e.1 |= conflict;
    };
    // variants: members that differ in who makes them; copies add nothing new
    let mut variants: Vec<usize> = Vec::new();
    for (i, m) in members.iter().enumerate() {
        let s = m.statement;
        if let (Some(c), Some(other)) = (&s.claimant, &s.answers)
            && c != other
        {
            add(
                DENIAL,
                format!(
                    "{} rejects what {} said: {}",
                    side_name(c),
                    side_name(other),
                    short(&s.text)
                ),
                &[i],
                true,
            );
        }
        if let (Some(c), Some(counter)) = (&s.claimant, &s.counter_claimant) {
            add(
                DENIAL,
                format!(
                    "{} claims it, {} disputes it: {}",
                    side_name(c),
                    side_name(counter),
                    short(&s.text)
                ),
                &[i],
                true,
            );
        }
        // copies of one text: a few variants say all a text can (bounded work on
        // widely syndicated sentences)
        let same_node = variants.iter().filter(|&&v| members[v].node == m.node);
        let (mut count, mut dup) = (0, false);
        for &v in same_node {
            let o = members[v];
            count += 1;
            dup |= o.statement.claimant == s.claimant && o.statement.speaker == s.speaker;
        }
        if !dup && count < MAX_VARIANTS {
            variants.push(i);
        }
    }
    for (x, &i) in variants.iter().enumerate() {
        for &j in &variants[x + 1..] {
            let (a, b) = (members[i], members[j]);
            let cos = if a.node == b.node {
                1.0
            } else {
                cosine(a.node, b.node)
            };
            pair(a, b, cos, side_name, &mut |kind, detail, conflict| {
                add(kind, detail, &[i, j], conflict)
            });
        }
    }
    let mut conflict = false;
    let mut reasons = Vec::new();
    for ((kind, detail), (mut who, c)) in found {
        conflict |= c;
        who.sort_unstable();
        reasons.push(Reason {
            kind,
            detail,
            statements: who
                .iter()
                .map(|&w| members[w].statement.id.clone())
                .collect(),
        });
    }
    Verdict { reasons, conflict }
}

const COMPETING_CREDIT: ReasonKind = ReasonKind::CompetingCredit;
const CONFLICTING_FIGURE: ReasonKind = ReasonKind::ConflictingFigure;
const CONFLICTING_DATE: ReasonKind = ReasonKind::ConflictingDate;
const DENIAL: ReasonKind = ReasonKind::Denial;
const OPPOSITE_POLARITY: ReasonKind = ReasonKind::OppositePolarity;
const REUSED_QUOTE: ReasonKind = ReasonKind::ReusedQuote;

/// The reasons two statements of a group give, reported as `(kind, detail, conflict)`.
fn pair(
    a: Member,
    b: Member,
    cos: f32,
    side_name: &dyn Fn(&str) -> String,
    add: &mut dyn FnMut(ReasonKind, String, bool),
) {
    let (sa, sb) = (a.statement, b.statement);
    let (fa, fb) = (a.features, b.features);
    let other_side = sa.claimant != sb.claimant;
    if (cos >= REASON_MIN || super::features::competing_provision(fa, fb))
        && let (Some(ca), Some(cb)) = (&fa.credit, &fb.credit)
        && let (Some(ga), Some(gb)) = (&ca.agent, &cb.agent)
        && ga != gb
    {
        add(
            COMPETING_CREDIT,
            format!("{} … vs {} …", ca.phrase, cb.phrase),
            true,
        );
    }
    if cos >= REASON_MIN {
        for (kind, label) in [
            (EntityKind::Money, "figure"),
            (EntityKind::Percent, "figure"),
        ] {
            if let Some((x, y)) = unmatched(fa, fb, kind, figures_agree) {
                add(
                    CONFLICTING_FIGURE,
                    format!("conflicting {label}: {x} vs {y}"),
                    true,
                );
            }
        }
        if let Some((x, y)) = unmatched(fa, fb, EntityKind::Date, |x, y| dates_agree(&x.1, &y.1)) {
            add(
                CONFLICTING_DATE,
                format!("conflicting date: {x} vs {y}"),
                true,
            );
        }
    }
    if other_side
        && super::times_same_event(fa, fb)
        && let Some(event) = fa.same_event(fb)
        && let Some((x, y)) = timing_differs(fa, fb)
    {
        add(
            CONFLICTING_DATE,
            format!("different timing of the same event ({event}): {x} vs {y}"),
            true,
        );
    }
    if other_side {
        for (d, o) in [(a, b), (b, a)] {
            let s = d.statement;
            if d.features.denies && s.counter_claimant.is_none() {
                add(
                    DENIAL,
                    format!(
                        "{} rejects what {} says: {}",
                        name_of(side_name, &s.claimant),
                        name_of(side_name, &o.statement.claimant),
                        short(&s.text)
                    ),
                    true,
                );
            }
        }
        for pa in &fa.poles {
            for pb in &fb.poles {
                if pa.polarity == pb.polarity && pa.positive != pb.positive {
                    let (p, n) = if pa.positive { (pa, pb) } else { (pb, pa) };
                    add(
                        OPPOSITE_POLARITY,
                        format!("opposite readings: “{}” vs “{}”", p.text, n.text),
                        true,
                    );
                }
            }
        }
    }
    if sa.kind == StatementKind::Quote
        && sb.kind == StatementKind::Quote
        && let (Some(pa), Some(pb)) = (&sa.speaker, &sb.speaker)
        && pa != pb
        && fa.may_share_run(fb)
    {
        let (start, n) = longest_shared_keys(&fa.quote_words, &fb.quote_words);
        if n >= QUOTE_RUN {
            let run = run_text(&sa.text, start, n);
            add(
                REUSED_QUOTE,
                format!("the same words quoted from {pa} and from {pb}: “{run}”"),
                other_side,
            );
        }
    }
}

/// The values of `kind` each statement holds that the other does not, as written, when
/// both have some: `None` when they agree (or one has none).
fn unmatched(
    a: &Features,
    b: &Features,
    kind: EntityKind,
    agree: fn(&Figure, &Figure) -> bool,
) -> Option<(String, String)> {
    let va: Vec<&(EntityKind, String, String)> = a.figures.iter().filter(|f| f.0 == kind).collect();
    let vb: Vec<&(EntityKind, String, String)> = b.figures.iter().filter(|f| f.0 == kind).collect();
    if va.is_empty() || vb.is_empty() {
        return None;
    }
    let only = |xs: &[&(EntityKind, String, String)], ys: &[&(EntityKind, String, String)]| {
        xs.iter()
            .filter(|x| !ys.iter().any(|y| agree(x, y)))
            .map(|x| x.2.clone())
            .collect::<Vec<_>>()
    };
    let (oa, ob) = (only(&va, &vb), only(&vb, &va));
    if oa.is_empty() || ob.is_empty() {
        return None;
    }
    Some((oa.join(", "), ob.join(", ")))
}

/// The times (dates and durations) two statements give of one event, as written, when they
/// cannot both hold: dates that disagree, durations that differ, or one giving only dates
/// and the other only durations.
fn timing_differs(a: &Features, b: &Features) -> Option<(String, String)> {
    if let Some(d) = unmatched(a, b, EntityKind::Date, |x, y| dates_agree(&x.1, &y.1)) {
        return Some(d);
    }
    if let Some(d) = unmatched(a, b, EntityKind::Duration, |p, q| p.1 == q.1) {
        return Some(d);
    }
    let kinds = |f: &Features| {
        let has = |k| f.figures.iter().any(|(x, _, _)| *x == k);
        (has(EntityKind::Date), has(EntityKind::Duration))
    };
    let written = |f: &Features| {
        f.figures
            .iter()
            .filter(|(k, _, _)| matches!(k, EntityKind::Date | EntityKind::Duration))
            .map(|(_, _, w)| w.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (kinds(a), kinds(b)) {
        ((true, false), (false, true)) | ((false, true), (true, false)) => {
            Some((written(a), written(b)))
        }
        _ => None,
    }
}

/// Whether two figures of one kind agree: equal, or one the other rounded (`£42.3m` and
/// "about £42m"), judged by the precision each is written in.
fn figures_agree(a: &Figure, b: &Figure) -> bool {
    let number = |v: &str| -> Option<f64> { v.split_whitespace().last()?.parse().ok() };
    match (number(&a.1), number(&b.1)) {
        (Some(x), Some(y)) if a.1.split_whitespace().count() == b.1.split_whitespace().count() => {
            let slack = super::frames::slack_of(x, &a.2).max(super::frames::slack_of(y, &b.2));
            (x - y).abs() <= slack.max(1e-9 * x.abs())
        }
        _ => a.1 == b.1,
    }
}

/// Whether two normalised dates can name the same time: every part both give is equal
/// (`2018-10` and `--10` agree; `--10` and `--09` do not).
pub fn dates_agree(a: &str, b: &str) -> bool {
    let (ya, ma, da) = date_parts(a);
    let (yb, mb, db) = date_parts(b);
    let same = |x: Option<&str>, y: Option<&str>| match (x, y) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    same(ya, yb) && same(ma, mb) && same(da, db)
}

/// `(year, month, day)` of `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `--MM` or `--MM-DD`.
fn date_parts(v: &str) -> (Option<&str>, Option<&str>, Option<&str>) {
    if let Some(rest) = v.strip_prefix("--") {
        let mut it = rest.split('-');
        return (None, it.next(), it.next());
    }
    let mut it = v.split('-');
    (it.next(), it.next(), it.next())
}

/// A side's name for a detail line.
fn name_of(side_name: &dyn Fn(&str) -> String, s: &Option<String>) -> String {
    s.as_deref()
        .map_or_else(|| "an unknown side".to_string(), side_name)
}

/// The text, cut to about 120 characters at a word boundary.
fn short(text: &str) -> String {
    if text.chars().count() <= 120 {
        return text.to_string();
    }
    let cut: String = text.chars().take(120).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut} …")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_agree_on_the_parts_both_give() {
        assert!(dates_agree("2018-10", "--10"));
        assert!(dates_agree("2018-10", "2018-10-03"));
        assert!(!dates_agree("--10", "--09"));
        assert!(!dates_agree("2018-10", "2019-10"));
        assert!(dates_agree("2018", "2018-04-01"));
    }
}
