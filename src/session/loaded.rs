//! What a session shows: the source, and a finished analysis indexed for the views and the
//! filter ([`Loaded`]).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::comparison::{Comparison, Statement};
use crate::corpus::{self, Corpus, LoadOptions};
use crate::corrections::Corrections;
use crate::export::SearchIndex;
use crate::progress::{Cancelled, Progress};
use crate::reading::topics::TopicIndex;
use crate::{Settings, analyze_with};

use super::watch;

/// What the window shows: the bundled sample or a folder.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Source {
    /// The sample corpus compiled into the binary.
    Sample,
    /// A folder on disk.
    Folder(PathBuf),
}

impl Source {
    /// A short name for the window title.
    pub fn display_name(&self) -> String {
        match self {
            Source::Sample => corpus::SAMPLE_ROOT.to_string(),
            Source::Folder(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
        }
    }
}

/// The topics of a folder for the window: their ids and labels, and the reading's own topic
/// matcher ([`TopicIndex`]), so that the window marks the words the reading put a statement
/// on a topic by, as every report does.
#[derive(Debug, Clone, Default)]
pub struct TopicWords {
    /// Topic ids in lexicon order.
    pub ids: Vec<String>,
    /// Topic labels in lexicon order.
    pub labels: Vec<String>,
    /// The topic matcher.
    pub index: TopicIndex,
}

impl TopicWords {
    /// Compiles the topic words of a corpus's lexicon.
    pub fn new(corpus: &Corpus) -> TopicWords {
        let lexicon = corpus.lexicon();
        TopicWords {
            ids: lexicon.topics.iter().map(|t| t.id.clone()).collect(),
            labels: lexicon.topics.iter().map(|t| t.label.clone()).collect(),
            index: TopicIndex::new(&lexicon.topics),
        }
    }

    /// The place of a topic id in the lexicon.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.ids.iter().position(|t| t == id)
    }
}

static GENERATION: AtomicU64 = AtomicU64::new(1);

/// How many statements of one side a group keeps at hand for a cell.
pub const FIRST_PER_SIDE: usize = 3;

/// The statements of one side in one group: how many, and the first few.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideCell {
    /// The side's index (`None`: no known claimant).
    pub side: Option<usize>,
    /// How many statements of the group this side makes.
    pub count: usize,
    /// The first [`FIRST_PER_SIDE`] of them, in the group's order.
    pub first: Vec<usize>,
}

/// A finished analysis, indexed for the views and the [`crate::export::Filter`].
pub struct Loaded {
    /// What was loaded.
    pub source: Source,
    /// The documents.
    pub corpus: Arc<Corpus>,
    /// Their comparison, shared with exports that run on another thread.
    pub comparison: Arc<Comparison>,
    /// The corrections the comparison was made with.
    pub corrections: Corrections,
    /// A number that changes with every analysis (views cache by it).
    pub generation: u64,
    /// The folder's files as they were when loading started (to notice edits); `None` for
    /// the sample.
    pub fingerprint: Option<u64>,
    /// For each document (by index), the indices of its statements in text order.
    pub statements_by_document: Vec<Vec<usize>>,
    /// For each group, the indices of its statements.
    pub group_members: Vec<Vec<usize>>,
    /// For each group, its statements by side (so a row's height needs no walk over
    /// thousands of members).
    pub group_cells: Vec<Vec<SideCell>>,
    /// For each statement, the group it belongs to.
    pub group_of_statement: Vec<Option<usize>>,
    /// For each statement, its document's index.
    pub document_of_statement: Vec<Option<usize>>,
    /// For each statement, the index of its claimant's side.
    pub statement_side: Vec<Option<usize>>,
    /// For each statement, lower-case text, speaker and document title, for searching.
    pub search_text: Vec<String>,
    /// What the filter's search and date order read, per group.
    pub search: SearchIndex,
    /// Claim statements per side id (and `None` for no known claimant).
    pub claims_by_side: HashMap<Option<String>, usize>,
    /// Side indices, the most claims first (ties in side order).
    pub sides_by_claims: Vec<usize>,
    /// Topic words for highlighting.
    pub topic_words: TopicWords,
    statement_positions: HashMap<String, usize>,
    document_positions: HashMap<String, usize>,
    side_positions: HashMap<String, usize>,
}

impl Loaded {
    /// Analyses a corpus with corrections and indexes the result.
    pub fn analyse(source: Source, corpus: Arc<Corpus>, corrections: Corrections) -> Loaded {
        let comparison = crate::analyze(
            &corpus,
            &Settings {
                corrections: corrections.clone(),
            },
        );
        let mut loaded = Loaded::new(source, corpus, comparison);
        loaded.corrections = corrections;
        loaded
    }

    /// [`Loaded::analyse`] with a [`Progress`] that counts the work and can cancel it.
    pub fn analyse_with(
        source: Source,
        corpus: Arc<Corpus>,
        corrections: Corrections,
        progress: &Progress,
    ) -> Result<Loaded, Cancelled> {
        let settings = Settings {
            corrections: corrections.clone(),
        };
        let comparison = analyze_with(&corpus, &settings, progress)?;
        let mut loaded = Loaded::new(source, corpus, comparison);
        loaded.corrections = corrections;
        Ok(loaded)
    }

    /// Indexes a corpus and its comparison for the views.
    pub fn new(source: Source, corpus: Arc<Corpus>, comparison: Comparison) -> Loaded {
        // each id's place in its list
        fn positions<'a>(ids: impl Iterator<Item = &'a String>) -> HashMap<String, usize> {
            ids.enumerate().map(|(i, id)| (id.clone(), i)).collect()
        }
        let document_positions = positions(comparison.documents.iter().map(|d| &d.id));
        let statement_positions = positions(comparison.statements.iter().map(|s| &s.id));
        let side_positions = positions(comparison.sides.iter().map(|s| &s.id));
        let mut statements_by_document = vec![Vec::new(); comparison.documents.len()];
        let mut document_of_statement = vec![None; comparison.statements.len()];
        let mut search_text = Vec::with_capacity(comparison.statements.len());
        let mut claims_by_side: HashMap<Option<String>, usize> = HashMap::new();
        for (i, s) in comparison.statements.iter().enumerate() {
            let doc = document_positions.get(s.document.as_str()).copied();
            if let Some(d) = doc {
                statements_by_document[d].push(i);
            }
            document_of_statement[i] = doc;
            let title = doc.map_or("", |d| comparison.documents[d].title.as_str());
            search_text.push(
                format!(
                    "{}\n{}\n{}",
                    s.text,
                    s.speaker.as_deref().unwrap_or(""),
                    title
                )
                .to_lowercase(),
            );
            if s.kind.is_claim() {
                *claims_by_side.entry(s.claimant.clone()).or_default() += 1;
            }
        }
        let statement_side: Vec<Option<usize>> = comparison
            .statements
            .iter()
            .map(|s| {
                s.claimant
                    .as_deref()
                    .and_then(|c| side_positions.get(c).copied())
            })
            .collect();
        for list in &mut statements_by_document {
            list.sort_by_key(|&i| comparison.statements[i].span[0]);
        }
        let mut group_of_statement = vec![None; comparison.statements.len()];
        let mut group_members = Vec::with_capacity(comparison.groups.len());
        for (g, group) in comparison.groups.iter().enumerate() {
            let members: Vec<usize> = group
                .statements
                .iter()
                .filter_map(|id| statement_positions.get(id.as_str()).copied())
                .collect();
            for &m in &members {
                group_of_statement[m] = Some(g);
            }
            group_members.push(members);
        }
        let search = SearchIndex::new(&comparison);
        let group_cells = group_members
            .iter()
            .map(|members| {
                let mut cells: Vec<SideCell> = Vec::new();
                for &m in members {
                    let side = statement_side[m];
                    let cell = match cells.iter().position(|c| c.side == side) {
                        Some(i) => &mut cells[i],
                        None => {
                            cells.push(SideCell {
                                side,
                                count: 0,
                                first: Vec::new(),
                            });
                            cells.last_mut().expect("just pushed")
                        }
                    };
                    cell.count += 1;
                    if cell.first.len() < FIRST_PER_SIDE {
                        cell.first.push(m);
                    }
                }
                cells
            })
            .collect();
        let topic_words = TopicWords::new(&corpus);
        let mut sides_by_claims: Vec<usize> = (0..comparison.sides.len()).collect();
        sides_by_claims.sort_by_key(|&i| {
            let id = Some(comparison.sides[i].id.clone());
            std::cmp::Reverse(claims_by_side.get(&id).copied().unwrap_or(0))
        });
        Loaded {
            source,
            corpus,
            comparison: Arc::new(comparison),
            corrections: Corrections::default(),
            generation: GENERATION.fetch_add(1, Ordering::Relaxed),
            fingerprint: None,
            statements_by_document,
            group_members,
            group_cells,
            group_of_statement,
            document_of_statement,
            statement_side,
            search_text,
            search,
            claims_by_side,
            sides_by_claims,
            topic_words,
            statement_positions,
            document_positions,
            side_positions,
        }
    }

    /// An empty window (nothing loaded yet).
    pub fn empty(source: Source) -> Loaded {
        Loaded::analyse(source, Arc::new(Corpus::default()), Corrections::default())
    }

    /// The statement with this id.
    pub fn statement(&self, id: &str) -> Option<&Statement> {
        self.statement_index(id)
            .and_then(|i| self.comparison.statements.get(i))
    }

    /// The index of the statement with this id.
    pub fn statement_index(&self, id: &str) -> Option<usize> {
        self.statement_positions.get(id).copied()
    }

    /// The index of the document with this id.
    pub fn document_index(&self, id: &str) -> Option<usize> {
        self.document_positions.get(id).copied()
    }

    /// The index of the side with this id.
    pub fn side_index(&self, id: &str) -> Option<usize> {
        self.side_positions.get(id).copied()
    }

    /// The index of the group with this id.
    pub fn group_index(&self, id: &str) -> Option<usize> {
        self.comparison.groups.iter().position(|g| g.id == id)
    }

    /// A side's display name (or `unknown`).
    pub fn side_name(&self, id: Option<&str>) -> String {
        id.and_then(|id| self.side_index(id)).map_or_else(
            || "unknown".to_string(),
            |i| self.comparison.sides[i].name.clone(),
        )
    }

    /// The number of claim statements of a side.
    pub fn claims_of(&self, id: Option<&str>) -> usize {
        self.claims_by_side
            .get(&id.map(str::to_string))
            .copied()
            .unwrap_or(0)
    }
}

/// The result of a background job.
pub type LoadResult = Result<Loaded, String>;

/// Loads and analyses a source (on whatever thread calls it) with the default limits.
pub fn load_source(source: &Source, corrections: &Corrections) -> LoadResult {
    load_source_with(
        source,
        corrections,
        &LoadOptions::default(),
        &Progress::new(),
    )
}

/// [`load_source`] with limits on what is read and a [`Progress`] (a cancelled load is an
/// error: `cancelled`).
pub fn load_source_with(
    source: &Source,
    corrections: &Corrections,
    options: &LoadOptions,
    progress: &Progress,
) -> LoadResult {
    let (corpus, fingerprint) = read_source(source, options, progress)?;
    let mut loaded = Loaded::analyse_with(
        source.clone(),
        Arc::new(corpus),
        corrections.clone(),
        progress,
    )
    .map_err(|e| e.to_string())?;
    loaded.fingerprint = fingerprint;
    Ok(loaded)
}

fn read_source(
    source: &Source,
    options: &LoadOptions,
    progress: &Progress,
) -> Result<(Corpus, Option<u64>), String> {
    Ok(match source {
        Source::Sample => (corpus::bundled_sample(), None),
        Source::Folder(dir) => {
            // taken before reading, so an edit made while loading is noticed afterwards
            let fingerprint = watch::fingerprint(dir);
            let corpus = corpus::load_with(dir, options, progress).map_err(|e| e.to_string())?;
            (corpus, Some(fingerprint))
        }
    })
}
