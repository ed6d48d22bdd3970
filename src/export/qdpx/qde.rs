//! `project.qde`: the project in QDA-XML, element by element in the schema's order (Users,
//! CodeBook, Variables, Cases, Sources, Notes, Sets, Description). A wrapper element that
//! would be empty is left out, as the schema wants at least one child in each.

use std::collections::{BTreeMap, HashMap};

use super::codebook::{CodeBook, short_name};
use super::xml::Writer;
use super::{QdpxError, char_positions, guid};
use crate::annotations::GroupNote;
use crate::annotations::attach::note_of;
use crate::comparison::{Comparison, DocumentInfo, Group, Statement};
use crate::export::view::{attribution, relation_word};
use crate::lexicon::Topic;

/// The QDA-XML namespace of a project.
pub const NAMESPACE: &str = "urn:QDA-XML:project:1.0";

/// A document and its text.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The document.
    pub info: &'a DocumentInfo,
    /// Its body: the text its statements' spans index into.
    pub text: &'a str,
}

/// Everything the project file is made from.
#[derive(Debug, Clone)]
pub struct Project<'a> {
    /// The comparison, already filtered.
    pub comparison: &'a Comparison,
    /// Its documents with their texts, in its order.
    pub sources: &'a [Source<'a>],
    /// The topic lexicon (labels, and colours by place).
    pub topics: &'a [Topic],
    /// Notes whose groups are gone.
    pub orphans: &'a [(String, GroupNote)],
    /// The exporting user's name.
    pub user: &'a str,
    /// The filter in words, if it keeps less than everything.
    pub filter: Option<String>,
    /// The export's date (`YYYY-MM-DD`), if any.
    pub date: Option<&'a str>,
}

/// The name of a source's text file in `sources/`: its GUID and `.txt`.
pub fn source_file(document: &DocumentInfo) -> String {
    format!("{}.txt", guid("source", &document.id))
}

/// Variables of every source: (key, name).
const VARIABLES: [(&str, &str); 4] = [
    ("publisher", "Publisher"),
    ("published", "Published"),
    ("url", "URL"),
    ("path", "Path"),
];

/// A statement placed in its source.
struct Selection<'a> {
    statement: &'a Statement,
    group: &'a Group,
    start: usize,
    end: usize,
}

/// `project.qde` for a project, or the first statement whose span does not hold its text.
pub fn write(project: &Project) -> Result<String, QdpxError> {
    let c = project.comparison;
    let notes: HashMap<String, GroupNote> = c
        .groups
        .iter()
        .filter_map(|g| note_of(g.annotation.as_ref()).map(|n| (g.id.clone(), n)))
        .filter(|(_, n)| !n.is_empty())
        .collect();
    let book = CodeBook::new(c, project.topics, &notes);
    let selections = place(project)?;
    let user = guid("user", project.user);
    let side_names: HashMap<&str, &str> = c
        .sides
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();

    let mut w = Writer::new();
    let root = project_name(&c.root);
    w.start(
        "Project",
        &[
            ("xmlns", NAMESPACE),
            ("name", &root),
            ("origin", &c.generator),
            ("creatingUserGUID", &user),
        ],
    );
    w.start("Users", &[]);
    w.empty("User", &[("guid", &user), ("name", project.user)]);
    w.end();

    if !book.folders.is_empty() {
        w.start("CodeBook", &[]);
        w.start("Codes", &[]);
        for folder in &book.folders {
            w.start(
                "Code",
                &[
                    ("guid", &folder.guid),
                    ("name", folder.name),
                    ("isCodable", "false"),
                ],
            );
            w.text("Description", folder.description);
            for code in &folder.codes {
                let mut attrs = vec![
                    ("guid", code.guid.as_str()),
                    ("name", code.name.as_str()),
                    ("isCodable", "true"),
                ];
                attrs.extend(code.colour.as_deref().map(|c| ("color", c)));
                w.start("Code", &attrs);
                w.text("Description", &code.description);
                if let Some(note) = &code.note {
                    w.empty("NoteRef", &[("targetGUID", note)]);
                }
                w.end();
            }
            w.end();
        }
        w.end();
        w.end();
    }

    if !project.sources.is_empty() {
        w.start("Variables", &[]);
        for (key, name) in VARIABLES {
            w.empty(
                "Variable",
                &[
                    ("guid", &guid("variable", key)),
                    ("name", name),
                    ("typeOfVariable", "Text"),
                ],
            );
        }
        w.end();
    }

    // a case per side: every selection it claims
    let mut claims: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for s in project
        .sources
        .iter()
        .filter_map(|d| selections.get(d.info.id.as_str()))
        .flatten()
    {
        if let Some(side) = s.statement.claimant.as_deref() {
            claims.entry(side).or_default().push(selection_guid(s));
        }
    }
    let cases: Vec<_> = c
        .sides
        .iter()
        .filter(|s| claims.contains_key(s.id.as_str()))
        .collect();
    if !cases.is_empty() {
        w.start("Cases", &[]);
        for side in cases {
            w.start(
                "Case",
                &[
                    ("guid", &guid("case", &side.id)),
                    ("name", &short_name(&side.name)),
                ],
            );
            w.text("Description", &format!("What {} claims", side.name));
            if let Some(code) = book.side(&side.id) {
                w.empty("CodeRef", &[("targetGUID", code)]);
            }
            for sel in &claims[side.id.as_str()] {
                w.empty("SelectionRef", &[("targetGUID", sel)]);
            }
            w.end();
        }
        w.end();
    }

    if !project.sources.is_empty() {
        w.start("Sources", &[]);
        let names = source_names(project.sources);
        for (source, name) in project.sources.iter().zip(&names) {
            let d = source.info;
            let path = format!("internal://{}", source_file(d));
            w.start(
                "TextSource",
                &[
                    ("guid", &guid("source", &d.id)),
                    ("name", name),
                    ("plainTextPath", &path),
                    ("creatingUser", &user),
                ],
            );
            let mut about = format!("{}. Publisher: {}", d.path, d.publisher_evidence);
            for warning in &d.warnings {
                about.push_str(&format!(". Warning: {warning}"));
            }
            w.text("Description", &about);
            for s in selections.get(d.id.as_str()).into_iter().flatten() {
                let note = notes.get(&s.group.id);
                let sel = selection_guid(s);
                w.start(
                    "PlainTextSelection",
                    &[
                        ("guid", &sel),
                        ("name", &short_name(&s.statement.text)),
                        ("startPosition", &s.start.to_string()),
                        ("endPosition", &s.end.to_string()),
                        ("creatingUser", &user),
                    ],
                );
                let side = s
                    .statement
                    .claimant
                    .as_deref()
                    .and_then(|id| side_names.get(id));
                w.text(
                    "Description",
                    &format!(
                        "{}; side: {}; claim group {} ({})",
                        attribution(s.statement),
                        side.unwrap_or(&"unknown"),
                        s.group.id,
                        relation_word(s.group.relation)
                    ),
                );
                for code in book.codes_of(s.statement, s.group, note) {
                    let coding = guid("coding", &format!("{}/{code}", s.statement.id));
                    w.start("Coding", &[("guid", &coding), ("creatingUser", &user)]);
                    w.empty("CodeRef", &[("targetGUID", &code)]);
                    w.end();
                }
                if note.is_some() {
                    w.empty("NoteRef", &[("targetGUID", &guid("note", &s.group.id))]);
                }
                w.end();
            }
            let publisher = d
                .publisher
                .as_deref()
                .map(|p| *side_names.get(p).unwrap_or(&p));
            let values = [
                publisher,
                d.published.as_deref(),
                d.url.as_deref(),
                Some(&d.path),
            ];
            for ((key, _), value) in VARIABLES.iter().zip(values) {
                if let Some(value) = value {
                    w.start("VariableValue", &[]);
                    w.empty("VariableRef", &[("targetGUID", &guid("variable", key))]);
                    w.text("TextValue", value);
                    w.end();
                }
            }
            w.end();
        }
        w.end();
    }

    write_notes(&mut w, project, &notes, &user);

    // a set per side: the documents it published
    let sets: Vec<_> = c
        .sides
        .iter()
        .map(|side| {
            let docs: Vec<&DocumentInfo> = c
                .documents
                .iter()
                .filter(|d| d.publisher.as_deref() == Some(side.id.as_str()))
                .collect();
            (side, docs)
        })
        .filter(|(_, docs)| !docs.is_empty())
        .collect();
    if !sets.is_empty() {
        w.start("Sets", &[]);
        for (side, docs) in sets {
            let name = short_name(&format!("Published by {}", side.name));
            w.start("Set", &[("guid", &guid("set", &side.id)), ("name", &name)]);
            w.text(
                "Description",
                &format!("The documents {} published", side.name),
            );
            if let Some(code) = book.side(&side.id) {
                w.empty("MemberCode", &[("targetGUID", code)]);
            }
            for d in docs {
                w.empty("MemberSource", &[("targetGUID", &guid("source", &d.id))]);
            }
            w.end();
        }
        w.end();
    }

    w.text("Description", &description(project));
    Ok(w.finish())
}

/// The project's name: `Parallax: ` and the folder's last component.
fn project_name(root: &str) -> String {
    let trimmed = root.trim_end_matches(['/', '\\']);
    let last = trimmed.rsplit(['/', '\\']).next().unwrap_or(trimmed);
    short_name(&format!(
        "Parallax: {}",
        if last.is_empty() { root } else { last }
    ))
}

fn description(project: &Project) -> String {
    let c = project.comparison;
    let mut text = format!("Exported by {} from {}", c.generator, c.root);
    if let Some(date) = project.date {
        text.push_str(&format!(" on {date}"));
    }
    text.push_str(&format!(
        ": {} documents, {} claim groups. Each statement of a claim group is a selection, coded \
         with its side, topics, relation, reasons and dispute; positions count Unicode code \
         points.",
        c.documents.len(),
        c.groups.len()
    ));
    if let Some(filter) = &project.filter {
        text.push_str(&format!(" Only the groups shown by the filter: {filter}."));
    }
    text
}

/// Each source's name: its title, with its path when another source has the same title.
fn source_names(sources: &[Source]) -> Vec<String> {
    let title = |d: &DocumentInfo| {
        let t = short_name(&d.title);
        if t.is_empty() { d.path.clone() } else { t }
    };
    let mut count: HashMap<String, usize> = HashMap::new();
    for s in sources {
        *count.entry(title(s.info)).or_default() += 1;
    }
    sources
        .iter()
        .map(|s| {
            let t = title(s.info);
            if count[&t] > 1 {
                format!("{t} ({})", s.info.path)
            } else {
                t
            }
        })
        .collect()
}

fn selection_guid(s: &Selection) -> String {
    guid("statement", &s.statement.id)
}

/// The selections of each document (by id), in text order: each statement of a group,
/// checked against its source's text, with its code point positions.
fn place<'a>(project: &Project<'a>) -> Result<HashMap<&'a str, Vec<Selection<'a>>>, QdpxError> {
    let c = project.comparison;
    let statements: HashMap<&str, &Statement> =
        c.statements.iter().map(|s| (s.id.as_str(), s)).collect();
    let mut by_doc: HashMap<&str, Vec<(&Statement, &Group)>> = HashMap::new();
    let mut seen = std::collections::HashSet::new();
    for g in &c.groups {
        for id in &g.statements {
            if let Some(s) = statements.get(id.as_str())
                && seen.insert(id.as_str())
            {
                by_doc.entry(s.document.as_str()).or_default().push((s, g));
            }
        }
    }
    let mut out = HashMap::new();
    for source in project.sources {
        let Some(mut members) = by_doc.remove(source.info.id.as_str()) else {
            continue;
        };
        members.sort_by_key(|(s, _)| (s.span[0], s.span[1]));
        let mismatch = |s: &Statement| QdpxError::Span {
            statement: s.id.clone(),
            document: source.info.path.clone(),
            start: s.span[0],
            end: s.span[1],
        };
        for (s, _) in &members {
            if source.text.get(s.span[0]..s.span[1]) != Some(s.text.as_str()) {
                return Err(mismatch(s));
            }
        }
        let offsets: Vec<usize> = members.iter().flat_map(|(s, _)| s.span).collect();
        let positions =
            char_positions(source.text, &offsets).map_err(|_| mismatch(members[0].0))?;
        let placed = members
            .into_iter()
            .map(|(statement, group)| Selection {
                statement,
                group,
                start: positions[&statement.span[0]],
                end: positions[&statement.span[1]],
            })
            .collect();
        out.insert(source.info.id.as_str(), placed);
    }
    Ok(out)
}

/// `Notes`: one per annotated group (and per orphaned note), with its verdict, tags and text.
fn write_notes(w: &mut Writer, project: &Project, notes: &HashMap<String, GroupNote>, user: &str) {
    let c = project.comparison;
    let mut written = Vec::new();
    for (i, g) in c.groups.iter().enumerate() {
        if let Some(note) = notes.get(&g.id) {
            let first = g
                .statements
                .first()
                .and_then(|id| c.statements.iter().find(|s| &s.id == id));
            let about = first.map_or_else(|| g.id.clone(), |s| s.text.clone());
            let name = short_name(&format!("Note {}: {about}", i + 1));
            written.push((guid("note", &g.id), name, note, Some(g)));
        }
    }
    for (id, note) in project.orphans.iter().filter(|(_, n)| !n.is_empty()) {
        let name = short_name(&format!("Note whose claims are no longer found ({id})"));
        written.push((guid("note", id), name, note, None));
    }
    if written.is_empty() {
        return;
    }
    w.start("Notes", &[]);
    for (guid, name, note, group) in written {
        let mut attrs = vec![
            ("guid", guid.as_str()),
            ("name", name.as_str()),
            ("creatingUser", user),
        ];
        let updated = chrono::DateTime::parse_from_rfc3339(&note.updated)
            .map(|t| t.to_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string())
            .ok();
        attrs.extend(updated.as_deref().map(|t| ("modifiedDateTime", t)));
        w.start("Note", &attrs);
        if let Some(g) = group {
            w.text(
                "Description",
                &format!(
                    "Your note on claim group {} ({})",
                    g.id,
                    relation_word(g.relation)
                ),
            );
        }
        let mut text = String::new();
        if let Some(v) = note.verdict {
            text.push_str(&format!("Verdict: {}\n", v.as_str()));
        }
        if !note.tags.is_empty() {
            text.push_str(&format!("Tags: {}\n", note.tags.join(", ")));
        }
        if !note.note.trim().is_empty() {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(note.note.trim());
        }
        w.text("PlainTextContent", &text);
        w.end();
    }
    w.end();
}
