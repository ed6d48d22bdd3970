//! The claim map: an overview of a folder as a grid of sides (rows) by topics (columns).
//! Each cell counts the claims (groups) on that topic in which that side speaks, and how
//! many of them are disputed; a row of totals counts each claim once. The window draws it
//! (`app::claim_map`) and the HTML report holds it as a table, both in the colours here.
//!
//! ```
//! let corpus = parallax::corpus::bundled_sample();
//! let comparison = parallax::analyze(&corpus, &parallax::Settings::default());
//! let map = parallax::export::claim_map::claim_map(&comparison, &corpus.lexicon().topics, 20);
//! assert!(map.total.disputed > 0 && map.total.claims >= map.total.disputed);
//! ```

use std::collections::HashMap;
use std::fmt::Write as _;

use html_escape::encode_text;

use super::view::checked_colour;
use crate::comparison::{Comparison, Relation};
use crate::lexicon::Topic;

/// The colour of disputed counts (the disputed badge's red, in the window and the report).
pub const DISPUTED_COLOUR: &str = "#c62828";
/// The colour a cell is shaded in, stronger for more claims.
pub const CLAIMS_COLOUR: &str = "#1565c0";
/// The shade of a cell with one claim; the fullest cell gets [`MAX_SHADE`].
pub const MIN_SHADE: f32 = 0.08;
/// The shade of the fullest cell.
pub const MAX_SHADE: f32 = 0.55;

/// Claims and disputed claims.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    /// Claim groups.
    pub claims: usize,
    /// Of them, disputed.
    pub disputed: usize,
}

impl Count {
    fn add(&mut self, disputed: bool) {
        self.claims += 1;
        self.disputed += usize::from(disputed);
    }
}

/// A row of the map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapSide {
    /// The side's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its colour, `#rrggbb`.
    pub colour: String,
}

/// A column of the map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapTopic {
    /// The topic's id.
    pub id: String,
    /// Its label.
    pub label: String,
}

/// The grid.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClaimMap {
    /// The rows: sides, the most claims first (ties in the comparison's order).
    pub sides: Vec<MapSide>,
    /// The columns: topics that some claim is on, in the lexicon's order.
    pub topics: Vec<MapTopic>,
    /// `cells[side][topic]`.
    pub cells: Vec<Vec<Count>>,
    /// Each side's claims on any topic (or none).
    pub side_totals: Vec<Count>,
    /// Each topic's claims, each claim counted once whatever its sides.
    pub topic_totals: Vec<Count>,
    /// All claims.
    pub total: Count,
    /// Sides left out to keep the map readable (beyond the most claims).
    pub hidden_sides: usize,
    /// The most claims in one cell (for shading).
    pub max_cell: usize,
}

impl ClaimMap {
    /// How strongly a cell of `claims` is shaded, 0 (none) to [`MAX_SHADE`] (the fullest
    /// cell, and any total beyond it), by the square root so that small cells still show.
    pub fn shade(&self, claims: usize) -> f32 {
        if claims == 0 || self.max_cell == 0 {
            return 0.0;
        }
        let share = (claims as f32 / self.max_cell as f32).sqrt().min(1.0);
        MIN_SHADE + (MAX_SHADE - MIN_SHADE) * share
    }
}

/// The map of a comparison, with at most `max_sides` rows.
pub fn claim_map(comparison: &Comparison, topics: &[Topic], max_sides: usize) -> ClaimMap {
    let side_index: HashMap<&str, usize> = comparison
        .sides
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    // topics in use, the lexicon's first, then others by id
    let mut used: Vec<&str> = comparison
        .groups
        .iter()
        .flat_map(|g| g.topics.iter().map(String::as_str))
        .collect();
    used.sort_unstable();
    used.dedup();
    let position = |id: &str| topics.iter().position(|t| t.id == id).unwrap_or(usize::MAX);
    used.sort_by_key(|id| (position(id), *id));
    let topic_index: HashMap<&str, usize> = used.iter().enumerate().map(|(i, t)| (*t, i)).collect();
    let mut cells = vec![vec![Count::default(); used.len()]; comparison.sides.len()];
    let mut side_totals = vec![Count::default(); comparison.sides.len()];
    let mut topic_totals = vec![Count::default(); used.len()];
    let mut total = Count::default();
    for g in &comparison.groups {
        let disputed = g.relation == Relation::Disputed;
        total.add(disputed);
        for t in &g.topics {
            topic_totals[topic_index[t.as_str()]].add(disputed);
        }
        for s in &g.sides {
            let Some(&si) = side_index.get(s.as_str()) else {
                continue;
            };
            side_totals[si].add(disputed);
            for t in &g.topics {
                cells[si][topic_index[t.as_str()]].add(disputed);
            }
        }
    }
    let mut order: Vec<usize> = (0..comparison.sides.len())
        .filter(|&i| side_totals[i].claims > 0)
        .collect();
    order.sort_by_key(|&i| std::cmp::Reverse(side_totals[i].claims));
    let hidden_sides = order.len().saturating_sub(max_sides);
    order.truncate(max_sides);
    let cells: Vec<Vec<Count>> = order.iter().map(|&i| cells[i].clone()).collect();
    let max_cell = cells.iter().flatten().map(|c| c.claims).max().unwrap_or(0);
    ClaimMap {
        sides: order
            .iter()
            .map(|&i| {
                let s = &comparison.sides[i];
                MapSide {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    colour: checked_colour(&s.colour),
                }
            })
            .collect(),
        topics: used
            .iter()
            .map(|id| MapTopic {
                id: id.to_string(),
                label: topics
                    .iter()
                    .find(|t| t.id == *id && !t.label.trim().is_empty())
                    .map_or_else(|| id.to_string(), |t| t.label.clone()),
            })
            .collect(),
        side_totals: order.iter().map(|&i| side_totals[i]).collect(),
        cells,
        topic_totals,
        total,
        hidden_sides,
        max_cell,
    }
}

/// `#rrggbb` and an opacity as CSS `rgba(…)`.
fn rgba(hex: &str, alpha: f32) -> String {
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0x80);
    format!("rgba({},{},{},{alpha:.2})", byte(1), byte(3), byte(5))
}

fn cell_html(out: &mut String, map: &ClaimMap, count: Count, tag: &str) {
    let shade = map.shade(count.claims);
    let style = if shade > 0.0 {
        format!(" style=\"background:{}\"", rgba(CLAIMS_COLOUR, shade))
    } else {
        String::new()
    };
    let _ = write!(out, "<{tag} class=\"n\"{style}>");
    if count.claims > 0 {
        let _ = write!(out, "{}", count.claims);
        if count.disputed > 0 {
            let _ = write!(
                out,
                " <span style=\"color:{DISPUTED_COLOUR};font-weight:bold\">{} disputed</span>",
                count.disputed
            );
        }
    }
    let _ = write!(out, "</{tag}>");
}

/// The map as an HTML section: a table in the same colours as the window's map.
pub fn html(map: &ClaimMap) -> String {
    let mut out = String::new();
    if map.sides.is_empty() || map.topics.is_empty() {
        return out;
    }
    out.push_str(
        "<section>\n<h2>Claim map</h2>\n<p class=\"legend\">Claims by side and topic: \
         the darker the cell, the more claims; disputed ones in red. A claim counts under each \
         of its topics and each side that speaks in it.</p>\n\
         <table class=\"summary claim-map\">\n<thead><tr><th>Side</th>",
    );
    for t in &map.topics {
        let _ = write!(out, "<th>{}</th>", encode_text(&t.label));
    }
    out.push_str("<th>All topics</th></tr></thead>\n<tbody>\n");
    for (i, side) in map.sides.iter().enumerate() {
        let _ = write!(
            out,
            "<tr><th style=\"text-align:left;border-left:4px solid {}\">{}</th>",
            side.colour,
            encode_text(&side.name)
        );
        for &count in &map.cells[i] {
            cell_html(&mut out, map, count, "td");
        }
        cell_html(&mut out, map, map.side_totals[i], "td");
        out.push_str("</tr>\n");
    }
    out.push_str("<tr class=\"total\"><th style=\"text-align:left\">All sides</th>");
    for &count in &map.topic_totals {
        cell_html(&mut out, map, count, "td");
    }
    cell_html(&mut out, map, map.total, "td");
    out.push_str("</tr>\n</tbody>\n</table>\n");
    if map.hidden_sides > 0 {
        let _ = writeln!(
            out,
            "<p class=\"legend\">{} more sides with fewer claims are not shown.</p>",
            map.hidden_sides
        );
    }
    out.push_str("</section>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comparison::{Group, Side};

    fn side(id: &str) -> Side {
        Side {
            id: id.into(),
            name: id.to_uppercase(),
            organisations: vec![],
            colour: "#112233".into(),
        }
    }

    fn group(sides: &[&str], topics: &[&str], relation: Relation) -> Group {
        Group {
            id: format!("g-{}-{}", sides.join("+"), topics.join("+")),
            statements: vec![],
            sides: sides.iter().map(|s| s.to_string()).collect(),
            topics: topics.iter().map(|s| s.to_string()).collect(),
            relation,
            similarity: 1.0,
            reasons: vec![],
            strength: 0.0,
            annotation: None,
        }
    }

    fn topic(id: &str) -> Topic {
        Topic {
            id: id.into(),
            label: format!("{id} label"),
            words: vec![],
            phrases: vec![],
            acronyms: vec![],
        }
    }

    fn comparison() -> Comparison {
        let mut c = crate::analyze(
            &crate::corpus::Corpus::default(),
            &crate::Settings::default(),
        );
        c.sides = vec![side("ferry"), side("council"), side("quiet")];
        c.groups = vec![
            group(&["council", "ferry"], &["fares"], Relation::Disputed),
            group(&["council"], &["fares", "jobs"], Relation::OneSided),
            group(&["council", "ferry"], &["jobs"], Relation::Shared),
            group(&["council"], &[], Relation::OneSided),
        ];
        c
    }

    #[test]
    fn cells_count_claims_per_side_and_topic_and_totals_count_each_claim_once() {
        let map = claim_map(&comparison(), &[topic("jobs"), topic("fares")], 10);
        let names: Vec<&str> = map.sides.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            names,
            ["council", "ferry"],
            "most claims first, silent sides left out"
        );
        let topics: Vec<&str> = map.topics.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(topics, ["jobs label", "fares label"], "the lexicon's order");
        // council: jobs 2 (none disputed), fares 2 (1 disputed)
        assert_eq!(
            map.cells[0],
            [
                Count {
                    claims: 2,
                    disputed: 0
                },
                Count {
                    claims: 2,
                    disputed: 1
                }
            ]
        );
        assert_eq!(
            map.cells[1],
            [
                Count {
                    claims: 1,
                    disputed: 0
                },
                Count {
                    claims: 1,
                    disputed: 1
                }
            ]
        );
        assert_eq!(
            map.side_totals[0],
            Count {
                claims: 4,
                disputed: 1
            }
        );
        // the fares dispute has two sides but is one claim in the totals
        assert_eq!(
            map.topic_totals[1],
            Count {
                claims: 2,
                disputed: 1
            }
        );
        assert_eq!(
            map.total,
            Count {
                claims: 4,
                disputed: 1
            }
        );
        assert_eq!(map.max_cell, 2);
        assert!(map.shade(2) > map.shade(1) && map.shade(1) > 0.0 && map.shade(0) == 0.0);
        assert_eq!(map.shade(4), MAX_SHADE, "a total beyond the fullest cell");
        let few = claim_map(&comparison(), &[], 1);
        assert_eq!((few.sides.len(), few.hidden_sides), (1, 1));
    }

    #[test]
    fn the_html_table_has_a_row_per_side_the_totals_and_disputes_in_red() {
        let mut c = comparison();
        c.sides[0].name = "<Ferry & Co>".into();
        let map = claim_map(&c, &[topic("jobs"), topic("fares")], 10);
        let html = html(&map);
        assert_eq!(
            html.matches("<tr>").count(),
            1 + 2,
            "the header and two sides"
        );
        assert!(html.contains("&lt;Ferry &amp; Co&gt;"), "{html}");
        assert!(html.contains("All sides"));
        assert_eq!(html.matches(DISPUTED_COLOUR).count(), 6, "{html}");
        assert!(html.contains(&rgba(CLAIMS_COLOUR, map.shade(2))));
        assert_eq!(super::html(&ClaimMap::default()), "");
    }
}
