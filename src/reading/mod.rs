//! Reading: from each document's text to attributed statements.
//!
//! Two passes over the corpus. The first ([`learn`]) learns the organisations, parties,
//! people and roles the documents name, so that "Riverton" alone, "Mr Doe" or "the union"
//! can be recognised anywhere. The second reads each document once, down this list:
//!
//! | step | module |
//! |---|---|
//! | paragraphs: captions, boilerplate, headings; sentences | [`segment`] |
//! | the actors each paragraph names (organisations, people, roles) | [`actors`], [`discover`] |
//! | quotations, and who speaks each | [`quotes`], `speakers` |
//! | reported speech: who a sentence reports, and whom it answers | [`reported`] |
//! | what "the union", "the pair", "the statement" or "it" stands for | `resolve` |
//! | figures, dates, topics of each claim | [`entities`], [`topics`] |
//! | the statements, assembled in text order | `document` |
//!
//! The claimant of a narrative statement is the document's publisher; of a quotation, the
//! speaker's side; of a reported claim, the party reported. The sides are the publishers
//! and every claimant party, each with the organisations that speak for it.

pub mod actors;
pub mod discover;
mod document;
pub mod entities;
mod learn;
pub mod quotes;
pub mod reported;
mod resolve;
pub mod segment;
mod speakers;
pub mod topics;

pub use document::read_document;
pub use learn::learn;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use crate::comparison::{Side, Statement};
use crate::corpus::{Corpus, Document};
use crate::lexicon::Lexicon;
use crate::progress::{Progress, Stage};
use crate::sides::{add_organisation, finish, side_id};
use actors::Known;
use topics::TopicIndex;

/// The reading of a corpus: its sides and the statements of all documents.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// The parties: publishers and claimants, each with its organisations.
    pub sides: Vec<Side>,
    /// The statements, in document then text order.
    pub statements: Vec<Statement>,
    /// Documents whose reading failed (a bug, contained): each named, its statements left out.
    pub warnings: Vec<String>,
    /// Side ids of parties written two ways → the side id they stand for ("the-guardian" →
    /// "guardian"), for the documents' publishers.
    pub variants: BTreeMap<String, String>,
}

/// The stable id of a statement: `s-` + the xxh3 hash of its document id and span, in hex.
pub fn statement_id(document: &str, span: &Range<usize>) -> String {
    let key = format!("{document}:{}-{}", span.start, span.end);
    format!("s-{:016x}", xxhash_rust::xxh3::xxh3_64(key.as_bytes()))
}

/// Reads every document of a corpus.
///
/// A panic (a bug) while one document is read is contained: the document is named in
/// [`Reading::warnings`], its statements are left out, and the rest is read.
pub fn read_corpus(corpus: &Corpus, lex: &Lexicon) -> Reading {
    read_corpus_with(corpus, lex, &Progress::new())
}

/// [`read_corpus`], counting the documents read in `progress`; once it is cancelled the rest
/// is skipped (the caller checks [`Progress::check`] and drops what was read).
pub fn read_corpus_with(corpus: &Corpus, lex: &Lexicon, progress: &Progress) -> Reading {
    use crate::contain::{catch, test_hook};
    progress.start(Stage::Learning, 0);
    let mut laps = crate::timing::Laps::start("read");
    let mut warnings = Vec::new();
    let failed = |doc: &Document, why: &str| {
        format!(
            "could not analyse {}: {why}; its statements are left out",
            doc.path
        )
    };
    // the first pass, over all documents; when it fails, over each alone to find the
    // documents that make it fail, then over the rest
    let mut skip: BTreeSet<usize> = BTreeSet::new();
    let learn_contained = |corpus: &Corpus| {
        catch(|| {
            let bodies = corpus.documents.iter().map(|d| &d.body);
            test_hook::check(test_hook::Stage::Learning, bodies);
            learn::learn_with_progress(corpus, lex, progress)
        })
    };
    // each document's paragraphs and furniture, found once for both passes (None when a
    // document's layout failed: each pass then finds its own, contained as before); once
    // cancelled, the rest are left empty (nothing of a cancelled run is kept)
    let layouts: Option<Vec<segment::Layout>> = {
        use rayon::prelude::*;
        catch(|| {
            (corpus.documents.par_iter())
                .map(|d| {
                    if progress.is_cancelled() {
                        segment::Layout::default()
                    } else {
                        segment::Layout::of(d, lex)
                    }
                })
                .collect::<Vec<_>>()
        })
        .ok()
    };
    laps.lap("layouts");
    let first = match &layouts {
        Some(layouts) => catch(|| {
            let bodies = corpus.documents.iter().map(|d| &d.body);
            test_hook::check(test_hook::Stage::Learning, bodies);
            learn::learn_laid_out(corpus, layouts, lex, progress)
        }),
        None => learn_contained(corpus),
    };
    let known = match first {
        Ok(known) => known,
        Err(first) => {
            for (i, doc) in corpus.documents.iter().enumerate() {
                let alone = Corpus {
                    documents: vec![doc.clone()],
                    ..Corpus::default()
                };
                if let Err(why) = learn_contained(&alone) {
                    warnings.push(failed(doc, &why));
                    skip.insert(i);
                }
            }
            let rest = Corpus {
                documents: (corpus.documents.iter().enumerate())
                    .filter(|(i, _)| !skip.contains(i))
                    .map(|(_, d)| d.clone())
                    .collect(),
                ..Corpus::default()
            };
            let again = if skip.is_empty() {
                Err(first)
            } else {
                learn_contained(&rest)
            };
            again.unwrap_or_else(|why| {
                // a failure no single document explains: read each without the corpus's names
                warnings.push(format!(
                    "could not learn the names the documents share: {why}; each is read alone"
                ));
                Known::default()
            })
        }
    };
    laps.lap("learn");
    let index = TopicIndex::new(&lex.topics);
    progress.start(Stage::Reading, corpus.documents.len());
    // documents are read independently; collected in document order
    let per_doc: Vec<Result<Vec<Statement>, String>> = {
        use rayon::prelude::*;
        corpus
            .documents
            .par_iter()
            .enumerate()
            .map(|(i, doc)| {
                progress.advance();
                if skip.contains(&i) || progress.is_cancelled() {
                    return Ok(Vec::new());
                }
                catch(|| {
                    test_hook::check(test_hook::Stage::Reading, [&doc.body]);
                    match layouts.as_ref().and_then(|l| l.get(i)) {
                        Some(layout) => document::read_laid_out(doc, layout, lex, &known, &index),
                        None => read_document(doc, lex, &known, &index),
                    }
                })
            })
            .collect()
    };
    laps.lap("documents");
    // sized once (the statements of 10,000 documents are some hundred megabytes)
    let total = per_doc.iter().map(|r| r.as_ref().map_or(0, Vec::len)).sum();
    let mut statements: Vec<Statement> = Vec::with_capacity(total);
    for (doc, read) in corpus.documents.iter().zip(per_doc) {
        match read {
            Ok(list) => statements.extend(list),
            Err(why) => warnings.push(failed(doc, &why)),
        }
    }
    laps.lap("gather");
    let sides = build_sides(corpus, &known, &statements);
    laps.lap("sides");
    Reading {
        sides,
        statements,
        warnings,
        variants: known.variants.clone(),
    }
}

/// The sides: every publisher and every claimant party, each with the organisations the
/// corpus names for it (an organisation written two ways, "Mayor of X" and "X Mayor", once).
fn build_sides(corpus: &Corpus, known: &Known, statements: &[Statement]) -> Vec<Side> {
    let mut wanted: BTreeMap<String, String> = BTreeMap::new(); // id → display name
    for doc in &corpus.documents {
        if let Some(p) = &doc.publisher.party {
            let name = known.party(p);
            wanted.entry(side_id(&name)).or_insert(name);
        }
    }
    for s in statements {
        for id in s
            .claimant
            .iter()
            .chain(&s.counter_claimant)
            .chain(&s.answers)
        {
            if let Some(name) = known.parties.get(id) {
                wanted.entry(id.clone()).or_insert_with(|| name.clone());
            }
        }
    }
    let key = |org: &str| {
        org.to_lowercase()
            .split_whitespace()
            .filter(|w| *w != "the")
            .collect::<Vec<_>>()
            .join(" ")
    };
    // the organisations of each side id, in name order: one pass, not one per side
    let mut by_side: HashMap<String, Vec<&String>> = HashMap::new();
    for (org, party) in &known.organisations {
        by_side
            .entry(side_id(&known.party(party)))
            .or_default()
            .push(org);
    }
    let mut sides = BTreeMap::new();
    for (id, name) in &wanted {
        let mut orgs: Vec<(&String, bool)> = by_side
            .get(id)
            .into_iter()
            .flatten()
            .map(|org| (*org, known.rewritten.get(*org).copied().unwrap_or(false)))
            .collect();
        // written forms before rewritten ones, so a duplicate keeps the text's spelling
        orgs.sort_by_key(|(org, rewritten)| (*rewritten, (*org).clone()));
        let mut keys = BTreeSet::new();
        let mut kept = 0;
        for (org, _) in orgs {
            if keys.insert(key(org)) {
                add_organisation(&mut sides, name, org);
                kept += 1;
            }
        }
        if kept == 0 {
            add_organisation(&mut sides, name, name);
        }
    }
    finish(sides)
}

#[cfg(test)]
mod tests;
