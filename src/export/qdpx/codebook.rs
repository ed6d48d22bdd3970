//! The project's codes: folders of sides, topics, relations, reasons, disputes, verdicts and
//! tags, and which of them each statement is coded with.

use std::collections::{BTreeSet, HashMap};

use super::guid;
use crate::annotations::GroupNote;
use crate::comparison::{Comparison, Group, Relation, Statement};
use crate::export::view::{checked_colour, relation_word};
use crate::lexicon::Topic;

/// The topic colours, by the topic's place in the lexicon: the window's light palette
/// (`app::theme`), repeated here because only the window may depend on egui.
const TOPIC_COLOURS: [&str; 8] = [
    "#6a1b9a", "#00695c", "#ad1457", "#1a4f9c", "#8d4b00", "#2e6b10", "#4e342e", "#00608a",
];

/// The longest code or selection name, in characters; longer ones end in `…`.
pub const NAME_CHARS: usize = 90;

/// A code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// Its GUID.
    pub guid: String,
    /// Its name, unique in the code book.
    pub name: String,
    /// `#rrggbb`, if it has a colour.
    pub colour: Option<String>,
    /// What it stands for.
    pub description: String,
    /// The GUID of the note attached to it, if any.
    pub note: Option<String>,
}

/// A folder of codes (a code that cannot be coded with).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folder {
    /// Its GUID.
    pub guid: String,
    /// Its name.
    pub name: &'static str,
    /// What its codes are.
    pub description: &'static str,
    /// Its codes, in a stable order.
    pub codes: Vec<Code>,
}

/// Every code of the project and what each statement is coded with.
#[derive(Debug, Clone, Default)]
pub struct CodeBook {
    /// The folders that hold codes, in the order they are written.
    pub folders: Vec<Folder>,
    sides: HashMap<String, String>,
    topics: HashMap<String, String>,
    relations: HashMap<&'static str, String>,
    reasons: HashMap<String, String>,
    disputes: HashMap<String, String>,
    verdicts: HashMap<&'static str, String>,
    tags: HashMap<String, String>,
}

/// `text` on one line, spaces collapsed, cut to [`NAME_CHARS`] characters.
pub fn short_name(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let one_line = words.join(" ");
    if one_line.chars().count() <= NAME_CHARS {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(NAME_CHARS - 1).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// A reason kind as a code name: `conflicting-figure` → `Conflicting figure`.
fn reason_name(kind: &str) -> String {
    let words = kind.replace('-', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Other".to_string(),
    }
}

/// A disputed group's name: its number among the disputes shown and its matter (the first
/// reason's account), else its first statement.
pub fn dispute_name(number: usize, group: &Group, comparison: &Comparison) -> String {
    let matter = match group.reasons.first() {
        Some(r) => format!("{}: {}", r.kind.label(), r.detail),
        None => group
            .statements
            .first()
            .and_then(|id| comparison.statements.iter().find(|s| &s.id == id))
            .map(|s| s.text.clone())
            .unwrap_or_default(),
    };
    short_name(&format!("{number}. {matter}"))
}

impl CodeBook {
    /// The codes of a (filtered) comparison: a side code for each side that claims a
    /// statement, a topic code for each topic of one, the relations and reason kinds of its
    /// groups, a code per disputed group (with its note's GUID, from `notes`), and the
    /// verdicts and tags of the user's notes.
    pub fn new(
        comparison: &Comparison,
        topics: &[Topic],
        notes: &HashMap<String, GroupNote>,
    ) -> CodeBook {
        let mut book = CodeBook::default();
        let claimed: BTreeSet<&str> = comparison
            .statements
            .iter()
            .filter_map(|s| s.claimant.as_deref())
            .collect();
        let sides = comparison
            .sides
            .iter()
            .filter(|s| claimed.contains(s.id.as_str()))
            .map(|side| {
                let code = Code {
                    guid: guid("side", &side.id),
                    name: short_name(&format!("Side: {}", side.name)),
                    colour: Some(checked_colour(&side.colour)),
                    description: format!("Speaks for: {}", side.organisations.join("; ")),
                    note: None,
                };
                book.sides.insert(side.id.clone(), code.guid.clone());
                code
            })
            .collect();
        book.folder(
            "Sides",
            "Who makes the claim (the statement's claimant)",
            sides,
        );

        let used: BTreeSet<&str> = comparison
            .statements
            .iter()
            .flat_map(|s| s.topics.iter().map(String::as_str))
            .collect();
        let mut topic_codes: Vec<(usize, Code)> = used
            .into_iter()
            .map(|id| {
                let place = topics.iter().position(|t| t.id == id);
                let label = place.map_or(id, |i| topics[i].label.as_str());
                let code = Code {
                    guid: guid("topic", id),
                    name: short_name(&format!("Topic: {label}")),
                    colour: place.map(|i| TOPIC_COLOURS[i % TOPIC_COLOURS.len()].to_string()),
                    description: format!("Statements on the topic {id}"),
                    note: None,
                };
                book.topics.insert(id.to_string(), code.guid.clone());
                (place.unwrap_or(usize::MAX), code)
            })
            .collect();
        topic_codes.sort_by(|a, b| (a.0, &a.1.name).cmp(&(b.0, &b.1.name)));
        let topic_codes = topic_codes.into_iter().map(|(_, c)| c).collect();
        book.folder("Topics", "What the statement speaks of", topic_codes);

        let mut relation_codes = Vec::new();
        for (relation, colour, description) in [
            (
                Relation::Disputed,
                "#c62828",
                "The claim is disputed between sides",
            ),
            (
                Relation::Shared,
                "#2e7d32",
                "Several documents make the claim alike",
            ),
            (
                Relation::OneSided,
                "#757575",
                "One side alone makes the claim",
            ),
        ] {
            if comparison.groups.iter().any(|g| g.relation == relation) {
                let word = relation_word(relation);
                let code = Code {
                    guid: guid("relation", word),
                    name: format!("Relation: {word}"),
                    colour: Some(colour.to_string()),
                    description: description.to_string(),
                    note: None,
                };
                book.relations.insert(word, code.guid.clone());
                relation_codes.push(code);
            }
        }
        book.folder(
            "Relations",
            "How the claim's statements relate",
            relation_codes,
        );

        let kinds: BTreeSet<&str> = comparison
            .groups
            .iter()
            .flat_map(|g| g.reasons.iter().map(|r| r.kind.as_str()))
            .collect();
        let reason_codes = kinds
            .into_iter()
            .map(|kind| {
                let code = Code {
                    guid: guid("reason", kind),
                    name: short_name(&format!("Reason: {}", reason_name(kind))),
                    colour: Some("#c62828".to_string()),
                    description: format!("Statements a reason of the kind {kind} names"),
                    note: None,
                };
                book.reasons.insert(kind.to_string(), code.guid.clone());
                code
            })
            .collect();
        book.folder("Reasons", "Why a claim is disputed", reason_codes);

        let dispute_codes = comparison
            .groups
            .iter()
            .filter(|g| g.relation == Relation::Disputed)
            .enumerate()
            .map(|(i, g)| {
                let reasons: Vec<String> = g
                    .reasons
                    .iter()
                    .map(crate::export::view::reason_text)
                    .collect();
                let code = Code {
                    guid: guid("group", &g.id),
                    name: dispute_name(i + 1, g, comparison),
                    colour: Some("#e53935".to_string()),
                    description: format!("Claim group {}. {}", g.id, reasons.join(". ")),
                    note: notes.contains_key(&g.id).then(|| guid("note", &g.id)),
                };
                book.disputes.insert(g.id.clone(), code.guid.clone());
                code
            })
            .collect();
        book.folder(
            "Disputes",
            "Each disputed claim, named by its matter",
            dispute_codes,
        );

        let mut verdicts: BTreeSet<&'static str> = BTreeSet::new();
        let mut tags: BTreeSet<&str> = BTreeSet::new();
        for note in notes.values() {
            verdicts.extend(note.verdict.map(|v| v.as_str()));
            tags.extend(note.tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()));
        }
        let verdict_codes = verdicts
            .into_iter()
            .map(|v| {
                let code = Code {
                    guid: guid("verdict", v),
                    name: format!("Verdict: {v}"),
                    colour: None,
                    description: format!("Claims you judged {v} in Parallax"),
                    note: None,
                };
                book.verdicts.insert(v, code.guid.clone());
                code
            })
            .collect();
        book.folder("Verdicts", "Your verdicts on the claims", verdict_codes);
        let tag_codes = tags
            .into_iter()
            .map(|t| {
                let code = Code {
                    guid: guid("tag", t),
                    name: short_name(&format!("Tag: {t}")),
                    colour: None,
                    description: format!("Claims you tagged {t} in Parallax"),
                    note: None,
                };
                book.tags.insert(t.to_string(), code.guid.clone());
                code
            })
            .collect();
        book.folder("Tags", "Your tags on the claims", tag_codes);
        book
    }

    fn folder(&mut self, name: &'static str, description: &'static str, codes: Vec<Code>) {
        if !codes.is_empty() {
            self.folders.push(Folder {
                guid: guid("folder", name),
                name,
                description,
                codes,
            });
        }
    }

    /// The side code of a side id.
    pub fn side(&self, side: &str) -> Option<&str> {
        self.sides.get(side).map(String::as_str)
    }

    /// The GUIDs of the codes a statement of `group` is coded with: its side, its topics,
    /// its group's relation, the kinds of the reasons that name it (all of the group's when
    /// a reason names no statement), the group's dispute code, and the verdict and tags of
    /// the group's note. No GUID twice.
    pub fn codes_of(
        &self,
        statement: &Statement,
        group: &Group,
        note: Option<&GroupNote>,
    ) -> Vec<String> {
        let mut out: Vec<&str> = Vec::new();
        out.extend(statement.claimant.as_deref().and_then(|s| self.side(s)));
        out.extend(
            statement
                .topics
                .iter()
                .filter_map(|t| self.topics.get(t))
                .map(String::as_str),
        );
        out.extend(
            self.relations
                .get(relation_word(group.relation))
                .map(String::as_str),
        );
        for reason in &group.reasons {
            if reason.statements.is_empty() || reason.statements.contains(&statement.id) {
                out.extend(self.reasons.get(reason.kind.as_str()).map(String::as_str));
            }
        }
        out.extend(self.disputes.get(&group.id).map(String::as_str));
        if let Some(note) = note {
            out.extend(
                note.verdict
                    .and_then(|v| self.verdicts.get(v.as_str()))
                    .map(String::as_str),
            );
            out.extend(
                note.tags
                    .iter()
                    .filter_map(|t| self.tags.get(t.trim()))
                    .map(String::as_str),
            );
        }
        let mut seen = BTreeSet::new();
        out.into_iter()
            .filter(|g| seen.insert(*g))
            .map(str::to_string)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_cut_on_one_line() {
        assert_eq!(short_name("  a\n b\tc "), "a b c");
        let long = "word ".repeat(40);
        let cut = short_name(&long);
        assert_eq!(cut.chars().count(), NAME_CHARS);
        assert!(cut.ends_with("word…"), "{cut}");
        assert_eq!(reason_name("conflicting-figure"), "Conflicting figure");
    }
}
