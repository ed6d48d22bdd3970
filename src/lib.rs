//! # Parallax: who claims what
//!
//! Parallax reads a folder of press releases and news articles, splits them into statements,
//! works out who makes each claim, lines up the statements that speak of the same thing
//! across the parties and highlights what is disputed.
//!
//! One pure pipeline serves the GUI, the command line and the tests:
//!
//! ```text
//! folder ──▶ corpus ──▶ reading ──▶ compare ──▶ Comparison ──▶ session ──▶ app (egui)
//!                                                    │           └──────▶ export (one Filter)
//!            progress: counts and cancel, read by the window and the command line
//! ```
//!
//! [`analyze`] runs it; [`analyze_with`] runs it with a [`Progress`] that counts the work
//! and stops it ([`Cancelled`]) within a fraction of a second of [`Progress::cancel`].
//!
//! ```
//! let corpus = parallax::corpus::bundled_sample();
//! let comparison = parallax::analyze(&corpus, &parallax::Settings::default());
//! assert_eq!(comparison.documents.len(), 5);
//! assert_eq!(comparison.schema, "parallax.comparison/1");
//! ```
//!
//! - [`corpus`]: the document store (files → decoded, metadata-aware [`corpus::Document`]s);
//!   a corpus compiles its lexicon once ([`corpus::Corpus::lexicon`]).
//! - [`lexicon`]: general vocabulary from `assets/*.yaml`, extendable per folder.
//! - [`text`]: the word tables' hasher and phrase lists found in one pass, shared by the lexicon,
//!   reading and comparing.
//! - [`reading`], [`compare`]: documents → attributed statements → claim groups.
//! - [`comparison`]: the model every consumer reads, the JSON contract (typed reasons and
//!   annotations).
//! - [`progress`]: the progress and cancel handle of a run.
//! - [`session`]: a folder's analysis, background job, annotations store and undo history,
//!   without a window.
//! - [`annotations`]: the user's verdicts, notes and corrections, stored safely per folder.
//! - [`export`]: the one [`export::Filter`] of what is shown, and the comparison as HTML,
//!   Markdown, CSV, JSON or a REFI-QDA project.
//! - [`readable`]: normalised values (dates, durations, money, percentages) as a reader writes them.
//! - `app`: the egui window (the only module that imports egui), behind the `gui` feature:
//!   a session plus the window's state.

pub mod annotations;
#[cfg(feature = "gui")]
pub mod app;
pub mod compare;
pub mod comparison;
pub mod contain;
pub mod corpus;
pub mod corrections;
pub mod export;
pub mod generate;
pub mod lexicon;
pub mod logging;
pub mod progress;
pub mod readable;
pub mod reading;
pub mod session;
pub mod sides;
pub mod text;
pub mod timing;

use comparison::{Comparison, DocumentInfo, SCHEMA};
use corpus::Corpus;
pub use progress::{Cancelled, Progress};

/// Options of an analysis run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    /// The user's corrections (publishers, side names, merged sides), applied in the pipeline.
    pub corrections: corrections::Corrections,
}

/// The generator string written into every comparison: `parallax <version>`.
pub fn generator() -> String {
    format!("parallax {}", env!("CARGO_PKG_VERSION"))
}

/// Analyses a loaded corpus: the one pipeline behind the GUI, the command line and the tests.
///
/// Deterministic: the same corpus gives a byte-identical comparison.
pub fn analyze(corpus: &Corpus, settings: &Settings) -> Comparison {
    // nobody holds this progress, so nobody can cancel the run
    analyze_with(corpus, settings, &Progress::new())
        .unwrap_or_else(|Cancelled| empty_comparison(corpus))
}

/// [`analyze`] with a [`Progress`] handle: the stages and counts are written into it as the
/// run goes, and [`Progress::cancel`] (from another thread) stops the run between two
/// documents or two steps, within a fraction of a second, with [`Cancelled`].
pub fn analyze_with(
    corpus: &Corpus,
    settings: &Settings,
    progress: &Progress,
) -> Result<Comparison, Cancelled> {
    progress.check()?;
    let corrected = settings.corrections.corrected_corpus(corpus);
    let corpus = corrected.as_ref().unwrap_or(corpus);
    let mut laps = timing::Laps::start("analyze");
    let lexicon = corpus.lexicon();
    laps.lap("lexicon");
    let mut reading = reading::read_corpus_with(corpus, &lexicon, progress);
    laps.lap("read");
    progress.check()?;
    settings
        .corrections
        .apply_to_sides(&mut reading.sides, &mut reading.statements);
    let corrections = &settings.corrections;
    let documents = corpus
        .documents
        .iter()
        .map(|d| DocumentInfo {
            id: d.id.clone(),
            path: d.path.clone(),
            title: d.title.clone(),
            url: d.meta.url.clone(),
            published: d.meta.published.map(corpus::Published::to_iso),
            publisher: d.publisher.party.as_deref().map(|p| {
                let id = sides::side_id(p);
                corrections.merged(reading.variants.get(&id).unwrap_or(&id))
            }),
            publisher_evidence: d.publisher.evidence.clone(),
            format: d.format,
            warnings: d.warnings.clone(),
        })
        .collect();
    // a panic (a bug) in one document's reading or comparing costs that document, not the run
    let (compared, compare_warnings) = contain::compare(
        corpus,
        &reading.statements,
        &reading.sides,
        &lexicon,
        progress,
    );
    laps.lap("compare");
    progress.check()?;
    let mut warnings = corpus.warnings.clone();
    warnings.extend(reading.warnings);
    warnings.extend(compare_warnings);
    progress.start(progress::Stage::Done, 0);
    Ok(Comparison {
        schema: SCHEMA.to_string(),
        generator: generator(),
        root: corpus.root.clone(),
        sides: reading.sides,
        documents,
        statements: reading.statements,
        groups: compared.groups,
        timeline: compared.timeline,
        warnings,
    })
}

/// A comparison of nothing from `corpus`'s folder.
fn empty_comparison(corpus: &Corpus) -> Comparison {
    Comparison {
        schema: SCHEMA.to_string(),
        generator: generator(),
        root: corpus.root.clone(),
        sides: Vec::new(),
        documents: Vec::new(),
        statements: Vec::new(),
        groups: Vec::new(),
        timeline: Vec::new(),
        warnings: Vec::new(),
    }
}
