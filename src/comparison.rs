//! The comparison model: what every consumer (GUI, command line, exports, tests) reads.
//!
//! These are the serde types of the `parallax.comparison/1` JSON schema described in the
//! README. Fields may be added freely; renaming or removing one needs a new schema version.

use serde::{Deserialize, Serialize};

use crate::annotations::Verdict;

/// The schema tag written into every comparison.
pub const SCHEMA: &str = "parallax.comparison/1";

/// The whole result of analysing one folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// `parallax <version>`.
    pub generator: String,
    /// The folder as the user gave it (or `bundled sample`).
    pub root: String,
    /// The parties, each a set of organisations.
    pub sides: Vec<Side>,
    /// The loaded documents, in stable path order.
    pub documents: Vec<DocumentInfo>,
    /// The statements of all documents, in document then text order.
    pub statements: Vec<Statement>,
    /// Claim groups: statements that speak of the same claim.
    pub groups: Vec<Group>,
    /// Dated claims on one time axis.
    pub timeline: Vec<TimelineEntry>,
    /// Folder-level warnings (skipped files and the like).
    pub warnings: Vec<String>,
}

/// A party: one or more organisations that speak for the same interest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Side {
    /// A slug derived from the name, stable across runs.
    pub id: String,
    /// The party's display name.
    pub name: String,
    /// The organisation names that speak for this side.
    pub organisations: Vec<String>,
    /// `#rrggbb`.
    pub colour: String,
}

/// The source format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceFormat {
    /// A fenced ```` ```yaml ```` block at the top of a text file.
    FencedYaml,
    /// A `---` YAML front-matter block.
    Yaml,
    /// A leading ` date YYYY-MM-DD ` dateline.
    Dateline,
    /// Plain text without metadata.
    Plain,
    /// Markdown (`.md`, `.markdown`) without front matter.
    Markdown,
    /// HTML (`.html`, `.htm`): a saved web page, its main content.
    Html,
    /// PDF (`.pdf`): its text layer.
    Pdf,
    /// Word (`.docx`).
    Docx,
    /// OpenDocument text (`.odt`).
    Odt,
    /// E-mail (`.eml`, or one message of an `.mbox`).
    Email,
    /// A single-file saved web page (`.mhtml`, `.mht`).
    Mhtml,
}

impl SourceFormat {
    /// The name used in the JSON (`fenced-yaml`, `plain`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::FencedYaml => "fenced-yaml",
            SourceFormat::Yaml => "yaml",
            SourceFormat::Dateline => "dateline",
            SourceFormat::Plain => "plain",
            SourceFormat::Markdown => "markdown",
            SourceFormat::Html => "html",
            SourceFormat::Pdf => "pdf",
            SourceFormat::Docx => "docx",
            SourceFormat::Odt => "odt",
            SourceFormat::Email => "email",
            SourceFormat::Mhtml => "mhtml",
        }
    }
}

/// One document as it appears in the comparison (its text stays in the corpus).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentInfo {
    /// `d-` + a hash of the relative path.
    pub id: String,
    /// Relative to the root, with `/` separators.
    pub path: String,
    /// The title from metadata, or the first line of text.
    pub title: String,
    /// The article's address, entities decoded.
    pub url: Option<String>,
    /// `YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The publishing side's id; `None` when nothing in the document says who published it.
    pub publisher: Option<String>,
    /// Why the engine thinks so (or why it cannot tell).
    pub publisher_evidence: String,
    /// What the document was read from.
    pub format: SourceFormat,
    /// Problems met while reading this document.
    pub warnings: Vec<String>,
}

/// What kind of text a statement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StatementKind {
    /// The document's own voice.
    Narrative,
    /// Words inside quotation marks attributed to a speaker.
    Quote,
    /// The narrative reporting what another party says.
    Reported,
    /// An image caption or credit: not a claim.
    Caption,
    /// Site furniture, sign-offs, bylines: not a claim.
    Boilerplate,
}

impl StatementKind {
    /// Whether statements of this kind are claims that belong to a group.
    pub fn is_claim(self) -> bool {
        matches!(
            self,
            StatementKind::Narrative | StatementKind::Quote | StatementKind::Reported
        )
    }
}

/// A sentence-sized unit of a document, with who makes it and what it speaks of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// `s-` + a hash of the document id and the span.
    pub id: String,
    /// The document's id.
    pub document: String,
    /// The paragraph's index in the document body (0-based).
    pub paragraph: usize,
    /// Byte offsets `[start, end)` into the decoded body text.
    pub span: [usize; 2],
    /// The statement's text.
    pub text: String,
    /// What kind of text it is.
    pub kind: StatementKind,
    /// The quoted person, for quotes.
    pub speaker: Option<String>,
    /// The side that makes the claim.
    pub claimant: Option<String>,
    /// The side that denies the claim in the same sentence ("… – a claim the council
    /// disputes"); absent when nobody does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counter_claimant: Option<String>,
    /// The side whose words the claimant answers in the same sentence ("X dismissed Y's
    /// remarks as …", "X rejected the union's claims"): an added JSON field, absent when
    /// the statement answers nobody.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<String>,
    /// Topic ids (see `assets/topics.yaml`).
    pub topics: Vec<String>,
    /// Dates, figures and actors found in the text.
    pub entities: Vec<Entity>,
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    /// A calendar date or month.
    Date,
    /// A span of time.
    Duration,
    /// An amount of money.
    Money,
    /// A percentage.
    Percent,
    /// An organisation.
    Organisation,
    /// A person.
    Person,
}

/// A date, figure or actor found in a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// What kind of thing it is.
    pub kind: EntityKind,
    /// The text as written.
    pub text: String,
    /// The normalised value (`2018-10`, `GBP 10500000`, `0.31`, `P18M`, a canonical name).
    pub value: String,
}

/// How the statements of a group relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// Two parties, or one statement, in conflict.
    Disputed,
    /// The same claim in two or more documents, nothing conflicting.
    Shared,
    /// One side alone makes the claim.
    OneSided,
}

/// Statements that speak of the same claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// `g-` + a hash of the member statements' fingerprints.
    pub id: String,
    /// Member statement ids.
    pub statements: Vec<String>,
    /// The sides that make the claim.
    pub sides: Vec<String>,
    /// Topic ids.
    pub topics: Vec<String>,
    /// How the members relate.
    pub relation: Relation,
    /// The group's weakest link, 0..1.
    pub similarity: f64,
    /// Why the group is disputed.
    pub reasons: Vec<Reason>,
    /// How strong the evidence of a dispute is, 0..1 (0 for groups that are not
    /// disputed): a value conflict between two named parties (0.75 and up) beats one
    /// between two reports (0.55 and up), a rebuttal linked to the claim it answers
    /// (about 0.45), blame laid both ways (about 0.35) and opposite words in loosely
    /// matched statements (0.3). Left out of the JSON when 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub strength: f64,
    /// The user's judgement, if any (filled in by `annotations::attach::apply`).
    pub annotation: Option<GroupAnnotation>,
}

/// The user's judgement of a group as a comparison carries it: the note of
/// [`crate::annotations::GroupNote`] without its fingerprints. The fields are written in
/// this order, the verdict `null` when there is none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GroupAnnotation {
    /// Free text.
    pub note: String,
    /// Tags, in the order the user added them.
    pub tags: Vec<String>,
    /// When the note last changed (RFC 3339, UTC).
    pub updated: String,
    /// The user's verdict, if given.
    pub verdict: Option<Verdict>,
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

/// The kind of a [`Reason`], written in the JSON in kebab case (`competing-credit`, …).
///
/// The order is the order reasons of one group are listed in (then by detail).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReasonKind {
    /// Two sides take credit for the same thing.
    CompetingCredit,
    /// Different values of one figure.
    ConflictingFigure,
    /// Different dates or years for one event.
    ConflictingDate,
    /// One side rejects what another says.
    Denial,
    /// Opposite readings of one matter ("sustainable" vs "unsustainable").
    OppositePolarity,
    /// The same words quoted from two speakers.
    ReusedQuote,
    /// Parties blaming each other.
    Blame,
    /// Two named parties arguing over one matter in words they share.
    Contested,
    /// A kind this version does not know (read from a newer comparison): show the detail.
    #[serde(other)]
    Other,
}

impl ReasonKind {
    /// Every kind, in order.
    pub const ALL: [ReasonKind; 9] = [
        ReasonKind::CompetingCredit,
        ReasonKind::ConflictingFigure,
        ReasonKind::ConflictingDate,
        ReasonKind::Denial,
        ReasonKind::OppositePolarity,
        ReasonKind::ReusedQuote,
        ReasonKind::Blame,
        ReasonKind::Contested,
        ReasonKind::Other,
    ];

    /// The kind as written in the JSON (`competing-credit`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ReasonKind::CompetingCredit => "competing-credit",
            ReasonKind::ConflictingFigure => "conflicting-figure",
            ReasonKind::ConflictingDate => "conflicting-date",
            ReasonKind::Denial => "denial",
            ReasonKind::OppositePolarity => "opposite-polarity",
            ReasonKind::ReusedQuote => "reused-quote",
            ReasonKind::Blame => "blame",
            ReasonKind::Contested => "contested",
            ReasonKind::Other => "other",
        }
    }

    /// The kind in words (`competing credit`, …).
    pub fn label(self) -> String {
        self.as_str().replace('-', " ")
    }
}

impl std::fmt::Display for ReasonKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for ReasonKind {
    /// The kind written `s` in the JSON; [`ReasonKind::Other`] for one this version does not
    /// know.
    fn from(s: &str) -> ReasonKind {
        ReasonKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .unwrap_or(ReasonKind::Other)
    }
}

impl PartialEq<&str> for ReasonKind {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// A typed reason for a dispute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    /// What kind of conflict (readers that do not know a kind should show its `detail`). See
    /// `compare::dispute` and `compare::conflict`.
    pub kind: ReasonKind,
    /// A human-readable account.
    pub detail: String,
    /// The statements involved.
    pub statements: Vec<String>,
}

/// A dated claim on the time axis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// The normalised date.
    pub date: String,
    /// The statement's text.
    pub text: String,
    /// The statement's id.
    pub statement: String,
    /// The claimant side, if known.
    pub side: Option<String>,
}
