//! The first pass over a corpus: the organisations, parties, people and roles the
//! documents name, so that the second pass recognises them anywhere.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use super::actors::{self, Known, Mention, MentionKind};
use rayon::prelude::*;

use super::discover;
use super::segment::Layout;
use crate::corpus::Corpus;
use crate::lexicon::Lexicon;
use crate::progress::Progress;
use crate::sides::side_id;

/// The first pass: the organisations, parties and people the corpus names.
///
/// Organisations whose names hold no organisation word are found by their contexts first
/// ([`discover`]); one that turns out to be a person's name ("Doe's deputy") is dropped and
/// the pass runs again without it.
pub fn learn(corpus: &Corpus, lex: &Lexicon) -> Known {
    learn_with_progress(corpus, lex, &Progress::new())
}

/// [`learn`], stopping early (with what it learned so far) once `progress` is cancelled.
pub(super) fn learn_with_progress(corpus: &Corpus, lex: &Lexicon, progress: &Progress) -> Known {
    let layouts: Vec<Layout> = corpus
        .documents
        .par_iter()
        .map(|d| {
            if progress.is_cancelled() {
                Layout::default()
            } else {
                Layout::of(d, lex)
            }
        })
        .collect();
    learn_laid_out(corpus, &layouts, lex, progress)
}

/// [`learn_with_progress`] with each document's [`Layout`] (in document order) already found.
pub(super) fn learn_laid_out(
    corpus: &Corpus,
    layouts: &[Layout],
    lex: &Lexicon,
    progress: &Progress,
) -> Known {
    if progress.is_cancelled() {
        return Known::default();
    }
    let mut laps = crate::timing::Laps::start("learn");
    // discovery reads each paragraph alone: in parallel, gathered in document order
    let found: Vec<discover::Found> = (corpus.documents.par_iter().zip(layouts))
        .map(|(doc, layout)| {
            if progress.is_cancelled() {
                return Vec::new();
            }
            (layout.prose())
                .flat_map(|p| discover::organisations(&doc.body[p.span.clone()], lex))
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect();
    if progress.is_cancelled() {
        return Known::default();
    }
    let learn_with = |corpus: &Corpus, lex: &Lexicon, found: &[discover::Found]| {
        learn_with(corpus, layouts, lex, found, progress)
    };
    laps.lap("organisations found by context");
    let known = learn_with(corpus, lex, &found);
    laps.lap("names paragraph by paragraph");
    let clash = |f: &discover::Found| match f {
        discover::Found::Organisation(name) => {
            known.is_person_name(name)
                || name.rsplit_once(' ').is_some_and(|(_, last)| {
                    known.is_person_name(last) && !known.parties.contains_key(&side_id(name))
                })
        }
        discover::Found::Acronym { .. } => false,
    };
    let mut known = if found.iter().any(clash) {
        let kept: Vec<discover::Found> = found.iter().filter(|f| !clash(f)).cloned().collect();
        learn_with(corpus, lex, &kept)
    } else {
        known
    };
    laps.lap("names again without clashes");
    known.variants = known.merge_variants();
    settle_classes(&mut known, lex);
    laps.lap("classes");
    known
}

/// The class of a party by the head word of its name (the last word, or the word before
/// "of"): `union`, `police`, …; an acronym or brand takes the class of an organisation it
/// names (`organisations`), else it is a `company`.
pub(super) fn party_class(name: &str, organisations: &[&str], lex: &Lexicon) -> String {
    let classes = &lex.reading.party_nouns;
    let head = |name: &str| {
        let lower = name.to_lowercase();
        let head_part = lower.split(" of ").next().unwrap_or(&lower).to_string();
        head_part
            .split_whitespace()
            .last()
            .and_then(|h| classes.get(h).cloned())
    };
    head(name)
        .or_else(|| {
            (organisations.iter())
                .filter(|org| org.contains(' '))
                .find_map(|org| head(org))
        })
        .unwrap_or_else(|| "company".to_string())
}

/// Settles each party's class and, for each class, the party the folder names most.
fn settle_classes(known: &mut Known, lex: &Lexicon) {
    let mut orgs: HashMap<String, Vec<&str>> = HashMap::new();
    for (org, party) in &known.organisations {
        orgs.entry(side_id(party)).or_default().push(org);
    }
    let mut classes = crate::text::WordMap::default();
    for (id, name) in &known.parties {
        let of = orgs.get(id).map(Vec::as_slice).unwrap_or(&[]);
        classes.insert(id.clone(), party_class(name, of, lex));
    }
    let mut best: HashMap<String, (usize, String)> = HashMap::new();
    for (id, n) in &known.counts {
        let (Some(class), Some(name)) = (classes.get(id), known.parties.get(id)) else {
            continue;
        };
        if *n == 0 {
            continue;
        }
        let e = best.entry(class.clone()).or_insert((0, String::new()));
        if *n > e.0 || (*n == e.0 && name < &e.1) {
            *e = (*n, name.clone());
        }
    }
    known.roles.sort();
    known.roles.dedup();
    let mut role_index: crate::text::WordMap<String, Vec<usize>> = Default::default();
    for (i, (role, _, _)) in known.roles.iter().enumerate() {
        let words: BTreeSet<&str> = role
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        for w in words {
            role_index.entry(w.to_string()).or_default().push(i);
        }
    }
    known.role_index = role_index;
    known.classes = classes;
    known.class_best = best.into_iter().map(|(c, (_, p))| (c, p)).collect();
}

/// The first pass with the organisations discovery found.
fn learn_with(
    corpus: &Corpus,
    layouts: &[Layout],
    lex: &Lexicon,
    found: &[discover::Found],
    progress: &Progress,
) -> Known {
    let mut known = Known::default();
    for f in found {
        match f {
            discover::Found::Organisation(name) if known.party_named(name).is_none() => {
                let party = lex.party_name(name);
                known.add_organisation(name, &party, false);
            }
            discover::Found::Acronym { full, short } => {
                let party = actors::mentions(full, lex, &known)
                    .into_iter()
                    .find(|m| m.kind != MentionKind::Person && m.end >= full.len())
                    .and_then(|m| m.party)
                    .unwrap_or_else(|| lex.party_name(full));
                known.add_organisation(full, &party, false);
                known.add_alias(short, &party);
            }
            discover::Found::Organisation(_) => {}
        }
    }
    for doc in &corpus.documents {
        if let (Some(party), Some(org)) = (&doc.publisher.party, &doc.publisher.organisation) {
            known.add_party(party);
            // the organisation as the text would name it ("Mayor of X", not "X Mayor")
            let named = actors::mentions(org, lex, &known).into_iter().find(|m| {
                m.kind == MentionKind::Organisation
                    && m.party
                        .as_deref()
                        .is_some_and(|p| side_id(p) == side_id(party))
            });
            match named {
                Some(m) => known.add_organisation(&m.name, party, m.rewritten),
                None if org != party => known.add_organisation(org, party, false),
                None => {}
            }
        }
    }
    // a second look, with the parties the first learned, at the paragraphs that need it:
    // "A and B Police" may be two parties
    let mut revisit: Vec<(usize, Range<usize>, Vec<String>)> = Vec::new();
    // the pass that reads paragraph by paragraph (the others run in parallel) is counted
    progress.start(crate::progress::Stage::Learning, corpus.documents.len());
    // each paragraph is read with what the ones before it taught, so this pass runs in
    // order on one core; the part of the reading that needs no names (words, capitalised
    // runs, outlets) is done a few documents ahead on another thread
    std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<(Range<usize>, _)>>(32);
        scope.spawn(move || {
            for (doc, layout) in corpus.documents.iter().zip(layouts) {
                let prepared = (layout.prose())
                    .map(|p| {
                        (
                            p.span.clone(),
                            actors::prepare(&doc.body[p.span.clone()], lex),
                        )
                    })
                    .collect();
                // the receiver is gone once the pass stops (cancelled, or a panic)
                if send.send(prepared).is_err() {
                    break;
                }
            }
        });
        let documents = corpus.documents.iter().enumerate();
        for ((d, doc), paragraphs) in documents.zip(receive) {
            if progress.is_cancelled() {
                break;
            }
            progress.advance();
            for (span, prepared) in paragraphs {
                let ms = actors::mentions_prepared(&prepared, lex, &known);
                let joined: Vec<String> = ms
                    .iter()
                    .filter_map(|m| m.name.split_once(" and ").map(|(a, _)| side_id(a)))
                    .collect();
                if !joined.is_empty() {
                    revisit.push((d, span, joined));
                }
                learn_from(&mut known, &doc.id, ms);
            }
        }
    });
    for (d, span, joined) in revisit {
        if !joined.iter().any(|j| known.parties.contains_key(j)) {
            continue;
        }
        let doc = &corpus.documents[d];
        let ms = actors::mentions(&doc.body[span], lex, &known);
        learn_from(&mut known, &doc.id, ms);
    }
    known
}

/// Records the organisations and people of one paragraph's mentions.
fn learn_from(known: &mut Known, doc: &str, mentions: Vec<Mention>) {
    for m in mentions {
        if m.kind != MentionKind::Person
            && let Some(party) = &m.party
        {
            *known.counts.entry(side_id(party)).or_default() += 1;
        }
        match m.kind {
            MentionKind::Organisation => {
                if let Some(party) = &m.party {
                    known.add_organisation(&m.name, party, m.rewritten);
                }
            }
            MentionKind::Person if m.name.contains(' ') => {
                if let Some(role) = m.role.as_deref().filter(|r| !r.trim().is_empty()) {
                    let entry = (role.to_lowercase(), m.name.clone(), m.party.clone());
                    // duplicates are dropped once, after the pass (settle_classes)
                    known.roles.push(entry);
                }
                known.add_person(&m.name, m.party.as_deref());
                let people = known.doc_people.entry(doc.to_string()).or_default();
                if !people.iter().any(|(n, p)| *n == m.name && *p == m.party) {
                    people.push((m.name, m.party));
                }
            }
            _ => {}
        }
    }
}
