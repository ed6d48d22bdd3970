//! What every human-readable export shows, worked out once: the columns (sides), the rows
//! (groups, disputes first, the strongest first) with each statement's text cut into highlighted runs, and the
//! summary counts by topic. The format modules only render it.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use crate::annotations::GroupNote;
use crate::annotations::attach::note_of;
use crate::compare::diff::{Change, word_diff};
use crate::comparison::{
    Comparison, DocumentInfo, Group, Reason, Relation, Statement, StatementKind,
};
use crate::lexicon::Topic;
use crate::reading::topics::TopicIndex;

/// The grey of statements whose side is unknown.
pub const UNKNOWN_COLOUR: &str = "#7f8c8d";

/// A column: a side, or the statements of unknown side.
#[derive(Debug, Clone)]
pub struct Column {
    /// The side's id; `None` for the unknown column.
    pub id: Option<String>,
    /// The side's name, or `unknown`.
    pub name: String,
    /// `#rrggbb` (checked; anything else is replaced by grey).
    pub colour: String,
    /// The side's organisations.
    pub organisations: Vec<String>,
}

/// A run of a statement's text with its highlights.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text, as written.
    pub text: String,
    /// Differs from the group's first statement (or, in the first, from its counterpart).
    pub diff: bool,
    /// A word of one of the statement's topics.
    pub topic: bool,
}

/// A statement as shown in a cell.
#[derive(Debug, Clone)]
pub struct Cell<'a> {
    /// The statement.
    pub statement: &'a Statement,
    /// Its document, when known.
    pub document: Option<&'a DocumentInfo>,
    /// Its column's index.
    pub column: usize,
    /// Its text in highlighted runs (concatenated: the text).
    pub spans: Vec<Span>,
}

/// A group as shown in a row.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    /// The group.
    pub group: &'a Group,
    /// Its statements, in the group's order.
    pub cells: Vec<Cell<'a>>,
    /// The user's note, if any.
    pub note: Option<GroupNote>,
}

impl Row<'_> {
    /// The cells of one column.
    pub fn column(&self, column: usize) -> impl Iterator<Item = &Cell<'_>> {
        self.cells.iter().filter(move |c| c.column == column)
    }
}

/// Group counts by relation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Disputed groups.
    pub disputed: usize,
    /// Shared groups.
    pub shared: usize,
    /// One-sided groups.
    pub one_sided: usize,
}

impl Counts {
    fn add(&mut self, relation: Relation) {
        match relation {
            Relation::Disputed => self.disputed += 1,
            Relation::Shared => self.shared += 1,
            Relation::OneSided => self.one_sided += 1,
        }
    }

    /// All groups.
    pub fn total(&self) -> usize {
        self.disputed + self.shared + self.one_sided
    }
}

/// Everything a report shows.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    /// The (filtered) comparison.
    pub comparison: &'a Comparison,
    /// The columns: sides that speak in the rows, in the comparison's order, then unknown.
    pub columns: Vec<Column>,
    /// The groups: disputed (the strongest first), then shared, then one-sided, each
    /// otherwise in the comparison's order.
    pub rows: Vec<Row<'a>>,
    /// Per topic (label, counts), in the lexicon's order; `(no topic)` last.
    pub summary: Vec<(String, Counts)>,
    /// All groups.
    pub totals: Counts,
    /// Topic id → label.
    pub labels: HashMap<String, String>,
}

impl<'a> Report<'a> {
    /// Works out the report of a comparison (already filtered).
    pub fn new(comparison: &'a Comparison, topics: &[Topic]) -> Report<'a> {
        let statements: HashMap<&str, &Statement> = comparison
            .statements
            .iter()
            .map(|s| (s.id.as_str(), s))
            .collect();
        let documents: HashMap<&str, &DocumentInfo> = comparison
            .documents
            .iter()
            .map(|d| (d.id.as_str(), d))
            .collect();
        let mut order: Vec<&Group> = comparison.groups.iter().collect();
        // disputes first, the strongest first; then shared, then one-sided (stable: each
        // kind otherwise in the comparison's order)
        order.sort_by(|a, b| {
            rank(a.relation)
                .cmp(&rank(b.relation))
                .then(b.strength.total_cmp(&a.strength))
        });
        // columns: the sides that claim a shown statement
        let claimed: HashSet<&str> = order
            .iter()
            .flat_map(|g| &g.statements)
            .filter_map(|id| statements.get(id.as_str()))
            .filter_map(|s| s.claimant.as_deref())
            .collect();
        let mut columns: Vec<Column> = comparison
            .sides
            .iter()
            .filter(|s| claimed.contains(s.id.as_str()))
            .map(|s| Column {
                id: Some(s.id.clone()),
                name: s.name.clone(),
                colour: checked_colour(&s.colour),
                organisations: s.organisations.clone(),
            })
            .collect();
        let column_of: HashMap<String, usize> = columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.id.clone().map(|id| (id, i)))
            .collect();
        let unknown = columns.len();
        let highlighter = Highlighter::new(topics);
        let mut needs_unknown = false;
        let rows: Vec<Row> = order
            .into_iter()
            .map(|group| {
                let members: Vec<&Statement> = group
                    .statements
                    .iter()
                    .filter_map(|id| statements.get(id.as_str()).copied())
                    .collect();
                let column = |s: &Statement| {
                    s.claimant
                        .as_deref()
                        .and_then(|c| column_of.get(c).copied())
                        .unwrap_or(unknown)
                };
                needs_unknown |= members.iter().any(|s| column(s) == unknown);
                let cells = members
                    .iter()
                    .enumerate()
                    .map(|(i, s)| Cell {
                        statement: s,
                        document: documents.get(s.document.as_str()).copied(),
                        column: column(s),
                        spans: highlighter.spans(s, &diff_runs(&members, i, &column)),
                    })
                    .collect();
                Row {
                    group,
                    cells,
                    note: note_of(group.annotation.as_ref()).filter(|n| !n.is_empty()),
                }
            })
            .collect();
        if needs_unknown {
            columns.push(Column {
                id: None,
                name: "unknown".to_string(),
                colour: UNKNOWN_COLOUR.to_string(),
                organisations: Vec::new(),
            });
        }
        let labels: HashMap<String, String> = topics
            .iter()
            .map(|t| {
                let label = if t.label.trim().is_empty() {
                    t.id.clone()
                } else {
                    t.label.clone()
                };
                (t.id.clone(), label)
            })
            .collect();
        let mut totals = Counts::default();
        let mut by_topic: BTreeMap<String, Counts> = BTreeMap::new();
        for row in &rows {
            totals.add(row.group.relation);
            if row.group.topics.is_empty() {
                by_topic
                    .entry(String::new())
                    .or_default()
                    .add(row.group.relation);
            }
            for t in &row.group.topics {
                by_topic
                    .entry(t.clone())
                    .or_default()
                    .add(row.group.relation);
            }
        }
        let position = |id: &str| topics.iter().position(|t| t.id == id).unwrap_or(usize::MAX);
        let mut summary: Vec<(String, Counts, usize)> = by_topic
            .into_iter()
            .map(|(id, counts)| {
                if id.is_empty() {
                    ("(no topic)".to_string(), counts, usize::MAX)
                } else {
                    let label = labels.get(&id).cloned().unwrap_or_else(|| id.clone());
                    (label, counts, position(&id))
                }
            })
            .collect();
        // by the lexicon's order, unknown topics by name, "(no topic)" last
        summary.sort_by(|a, b| {
            let no = |x: &(String, Counts, usize)| x.0 == "(no topic)";
            (no(a), a.2, &a.0).cmp(&(no(b), b.2, &b.0))
        });
        Report {
            comparison,
            columns,
            rows,
            summary: summary.into_iter().map(|(l, c, _)| (l, c)).collect(),
            totals,
            labels,
        }
    }

    /// The label of a topic id.
    pub fn label<'b>(&'b self, topic: &'b str) -> &'b str {
        self.labels.get(topic).map_or(topic, String::as_str)
    }

    /// The rows of one relation.
    pub fn rows_of(&self, relation: Relation) -> impl Iterator<Item = &Row<'a>> {
        self.rows
            .iter()
            .filter(move |r| r.group.relation == relation)
    }

    /// How many documents and statements of a column the comparison holds.
    pub fn column_counts(&self, column: &Column) -> (usize, usize) {
        let docs = self
            .comparison
            .documents
            .iter()
            .filter(|d| d.publisher == column.id)
            .count();
        let statements = self
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .filter(|c| self.columns[c.column].id == column.id)
            .count();
        (docs, statements)
    }
}

fn rank(relation: Relation) -> u8 {
    match relation {
        Relation::Disputed => 0,
        Relation::Shared => 1,
        Relation::OneSided => 2,
    }
}

/// A relation as a reader says it: `disputed`, `shared`, `one-sided`.
pub fn relation_word(relation: Relation) -> &'static str {
    match relation {
        Relation::Disputed => "disputed",
        Relation::Shared => "shared",
        Relation::OneSided => "one-sided",
    }
}

/// A reason as a reader says it: `competing credit: …`.
pub fn reason_text(reason: &Reason) -> String {
    format!("{}: {}", reason.kind.label(), reason.detail)
}

/// A statement's kind and speaker as a reader says them: `quote, Ann Lee`.
pub fn attribution(statement: &Statement) -> String {
    let kind = kind_word(statement.kind).to_string();
    match statement.speaker.as_deref() {
        Some(speaker) if !speaker.trim().is_empty() => format!("{kind}, {speaker}"),
        _ => kind,
    }
}

/// A statement's kind as written in the JSON (`narrative`, `quote`, `reported`, …).
pub fn kind_word(kind: StatementKind) -> &'static str {
    match kind {
        StatementKind::Narrative => "narrative",
        StatementKind::Quote => "quote",
        StatementKind::Reported => "reported",
        StatementKind::Caption => "caption",
        StatementKind::Boilerplate => "boilerplate",
    }
}

/// A colour if it is `#rrggbb`, else [`UNKNOWN_COLOUR`]: nothing else reaches a style.
pub fn checked_colour(colour: &str) -> String {
    let ok = colour.len() == 7
        && colour.starts_with('#')
        && colour[1..].chars().all(|c| c.is_ascii_hexdigit());
    if ok {
        colour.to_ascii_lowercase()
    } else {
        UNKNOWN_COLOUR.to_string()
    }
}

/// The runs of statement `i`'s text and whether each differs: the others against the
/// group's first statement; the first against its counterpart (the first statement of
/// another column, else the second).
fn diff_runs(
    members: &[&Statement],
    i: usize,
    column: &dyn Fn(&Statement) -> usize,
) -> Vec<(String, bool)> {
    let text = members[i].text.as_str();
    if members.len() < 2 {
        return vec![(text.to_string(), false)];
    }
    let first = members[0];
    let (pieces, keep) = if i == 0 {
        let counterpart = members[1..]
            .iter()
            .find(|s| column(s) != column(first))
            .unwrap_or(&members[1]);
        (word_diff(text, &counterpart.text), Change::Removed)
    } else {
        (word_diff(&first.text, text), Change::Added)
    };
    let mut runs: Vec<(String, bool)> = pieces
        .into_iter()
        .filter(|p| p.change == Change::Same || p.change == keep)
        .map(|p| {
            // a change of punctuation alone is not worth a highlight
            let differs = p.change == keep && p.text.chars().any(char::is_alphanumeric);
            (p.text, differs)
        })
        .collect();
    // a space between two changed runs belongs to the change: one highlight, not several
    for k in 1..runs.len().saturating_sub(1) {
        if !runs[k].1 && runs[k].0.trim().is_empty() && runs[k - 1].1 && runs[k + 1].1 {
            runs[k].1 = true;
        }
    }
    let mut merged: Vec<(String, bool)> = Vec::with_capacity(runs.len());
    for (text, diff) in runs {
        match merged.last_mut() {
            Some(last) if last.1 == diff => last.0.push_str(&text),
            _ => merged.push((text, diff)),
        }
    }
    merged
}

/// Finds the words of a statement's topics in its text, by the reading's own topic rules
/// ([`TopicIndex::marks`]): the window marks the same words.
struct Highlighter {
    index: TopicIndex,
}

impl Highlighter {
    fn new(topics: &[Topic]) -> Highlighter {
        Highlighter {
            index: TopicIndex::new(topics),
        }
    }

    /// Byte ranges of topic words in a statement's text.
    fn ranges(&self, statement: &Statement) -> Vec<Range<usize>> {
        let wanted: Vec<usize> = (statement.topics.iter())
            .filter_map(|t| self.index.position(t))
            .collect();
        (self.index.marks(&statement.text, &wanted).into_iter())
            .map(|(r, _)| r)
            .collect()
    }

    /// The statement's text in runs, split at diff and topic boundaries.
    fn spans(&self, statement: &Statement, runs: &[(String, bool)]) -> Vec<Span> {
        let topic = self.ranges(statement);
        let mut out: Vec<Span> = Vec::new();
        let mut push = |text: &str, diff: bool, topic: bool| {
            if text.is_empty() {
                return;
            }
            match out.last_mut() {
                Some(last) if last.diff == diff && last.topic == topic => last.text.push_str(text),
                _ => out.push(Span {
                    text: text.to_string(),
                    diff,
                    topic,
                }),
            }
        };
        let mut offset = 0;
        for (text, diff) in runs {
            let end = offset + text.len();
            let mut at = offset;
            for r in topic.iter().filter(|r| r.end > offset && r.start < end) {
                let (s, e) = (r.start.max(offset), r.end.min(end));
                if s > at {
                    push(&text[at - offset..s - offset], *diff, false);
                }
                push(&text[s - offset..e - offset], *diff, true);
                at = e;
            }
            if at < end {
                push(&text[at - offset..], *diff, false);
            }
            offset = end;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement(text: &str, topics: &[&str]) -> Statement {
        Statement {
            id: "s-1".into(),
            document: "d-1".into(),
            paragraph: 0,
            span: [0, text.len()],
            text: text.into(),
            kind: StatementKind::Narrative,
            speaker: None,
            claimant: None,
            counter_claimant: None,
            answers: None,
            topics: topics.iter().map(|t| t.to_string()).collect(),
            entities: vec![],
        }
    }

    #[test]
    fn topic_words_and_phrases_are_marked_across_diff_runs() {
        let topics = vec![Topic {
            id: "fares".into(),
            label: "Fares".into(),
            words: vec!["fare".into()],
            phrases: vec!["free of charge".into()],
            acronyms: vec!["TfX".into()],
        }];
        let h = Highlighter::new(&topics);
        let s = statement("Fares stay free of charge, TfX says.", &["fares"]);
        let runs = vec![
            ("Fares stay free".to_string(), false),
            (" of charge, TfX says.".to_string(), true),
        ];
        let spans = h.spans(&s, &runs);
        let text: String = spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(text, s.text);
        let topical: Vec<&str> = spans
            .iter()
            .filter(|s| s.topic)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(topical, vec!["Fares", "free", " of charge", "TfX"]);
        assert!(spans.iter().any(|s| s.topic && s.diff && s.text == "TfX"));
        // a statement without the topic gets no marks
        let plain = statement("Fares stay free of charge.", &[]);
        assert!(
            h.spans(&plain, &[(plain.text.clone(), false)])
                .iter()
                .all(|s| !s.topic)
        );
    }

    #[test]
    fn colours_other_than_hex_never_reach_a_style() {
        assert_eq!(checked_colour("#A1B2C3"), "#a1b2c3");
        for bad in [
            "red",
            "#12345",
            "#1234567",
            "#12345g",
            "#fff;}</style><script>",
        ] {
            assert_eq!(checked_colour(bad), UNKNOWN_COLOUR, "{bad}");
        }
    }
}
