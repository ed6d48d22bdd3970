//! Reading: from each document's text to attributed statements.
//!
//! ```text
//! paragraphs ─▶ captions / boilerplate            (segment)
//!            ─▶ quotations + speakers             (quotes, actors)
//!            ─▶ sentences ─▶ reported or narrative (segment, reported)
//!                         ─▶ figures, dates, actors, topics (entities, actors, topics)
//! ```
//!
//! Two passes over the corpus: the first learns the organisations, parties and people the
//! documents name (so "Riverton" alone, or "Mr Doe", can be recognised anywhere); the second
//! reads every document into [`Statement`]s. The claimant of a narrative statement is the
//! document's publisher; of a quotation, the speaker's side; of a reported claim, the party
//! reported. The sides are the publishers and every claimant party, each with the
//! organisations that speak for it.

pub mod actors;
pub mod discover;
pub mod entities;
pub mod quotes;
pub mod reported;
pub mod segment;
pub mod topics;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use chrono::Datelike;

use crate::comparison::{Entity, EntityKind, Side, Statement, StatementKind};
use crate::corpus::{Corpus, Document};
use crate::lexicon::Lexicon;
use crate::sides::{add_organisation, finish, side_id};
use actors::{Known, Mention, MentionKind, Speaker};
use quotes::QuoteSeg;
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
    use crate::contain::{catch, test_hook};
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
            learn(corpus, lex)
        })
    };
    let known = match learn_contained(corpus) {
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
    let index = TopicIndex::new(&lex.topics);
    // documents are read independently; collected in document order
    let per_doc: Vec<Result<Vec<Statement>, String>> = {
        use rayon::prelude::*;
        corpus
            .documents
            .par_iter()
            .enumerate()
            .map(|(i, doc)| {
                if skip.contains(&i) {
                    return Ok(Vec::new());
                }
                catch(|| {
                    test_hook::check(test_hook::Stage::Reading, [&doc.body]);
                    read_document(doc, lex, &known, &index)
                })
            })
            .collect()
    };
    let mut statements: Vec<Statement> = Vec::new();
    for (doc, read) in corpus.documents.iter().zip(per_doc) {
        match read {
            Ok(list) => statements.extend(list),
            Err(why) => warnings.push(failed(doc, &why)),
        }
    }
    let sides = build_sides(corpus, &known, &statements);
    Reading {
        sides,
        statements,
        warnings,
        variants: known.variants.clone(),
    }
}

/// The first pass: the organisations, parties and people the corpus names.
///
/// Organisations whose names hold no organisation word are found by their contexts first
/// ([`discover`]); one that turns out to be a person's name ("Doe's deputy") is dropped and
/// the pass runs again without it.
pub fn learn(corpus: &Corpus, lex: &Lexicon) -> Known {
    let mut found: Vec<discover::Found> = Vec::new();
    for doc in &corpus.documents {
        for p in doc.paragraphs() {
            let text = &doc.body[p.span.clone()];
            if segment::furniture(text, lex).is_none() {
                found.extend(discover::organisations(text, lex));
            }
        }
    }
    let known = learn_with(corpus, lex, &found);
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
    known.variants = known.merge_variants();
    settle_classes(&mut known, lex);
    known
}

/// The class of a party by the head word of its name (the last word, or the word before
/// "of"): `union`, `police`, …; an acronym or brand takes the class of an organisation it
/// names (`organisations`), else it is a `company`.
fn party_class(name: &str, organisations: &[&str], lex: &Lexicon) -> String {
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
    let mut classes = HashMap::new();
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
    let mut role_index: HashMap<String, Vec<usize>> = HashMap::new();
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
fn learn_with(corpus: &Corpus, lex: &Lexicon, found: &[discover::Found]) -> Known {
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
    for (d, doc) in corpus.documents.iter().enumerate() {
        for p in doc.paragraphs() {
            let text = &doc.body[p.span.clone()];
            if segment::furniture(text, lex).is_some() {
                continue;
            }
            let ms = actors::mentions(text, lex, &known);
            let joined: Vec<String> = ms
                .iter()
                .filter_map(|m| m.name.split_once(" and ").map(|(a, _)| side_id(a)))
                .collect();
            if !joined.is_empty() {
                revisit.push((d, p.span.clone(), joined));
            }
            learn_from(&mut known, &doc.id, ms);
        }
    }
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

/// A clause of a sentence with its own attribution and the actors it names.
type Clause = (Range<usize>, Attribution, Vec<Mention>);

/// Who makes a statement, and what kind it is.
struct Attribution {
    kind: StatementKind,
    speaker: Option<String>,
    claimant: Option<String>,
    counter: Option<String>,
    answers: Option<String>,
}

impl Attribution {
    /// A statement of this kind that nobody is known to make.
    fn of(kind: StatementKind) -> Attribution {
        Attribution {
            kind,
            speaker: None,
            claimant: None,
            counter: None,
            answers: None,
        }
    }
}

/// What a document's reading keeps as it goes.
struct DocState<'a> {
    doc: &'a Document,
    lex: &'a Lexicon,
    known: &'a Known,
    index: &'a TopicIndex,
    year: Option<i32>,
    publisher: Option<String>,
    /// People of this document, for surnames and pronouns.
    local: Known,
    /// Actors of the latest sentences, for anaphora.
    recent: Vec<Mention>,
    /// Every actor the document names, at byte offsets of the body, for "the union" and
    /// "the spokesperson".
    named: Vec<Mention>,
    /// The party of each person the document names, once a role or the folder says.
    people: HashMap<String, Option<String>>,
    /// The body in ASCII lower case (the same byte offsets), for word look-ups.
    lower: String,
    /// Set while [`DocState::author_of`] reads an earlier sentence, so that it never
    /// recurses (each level would scan every earlier sentence again).
    in_author: std::cell::Cell<bool>,
    out: Vec<Statement>,
}

/// Reads one document into statements.
pub fn read_document(
    doc: &Document,
    lex: &Lexicon,
    known: &Known,
    index: &TopicIndex,
) -> Vec<Statement> {
    let paragraphs = doc.paragraphs();
    let segs = quotes::find(&doc.body, &paragraphs, lex);
    let mut st = DocState {
        doc,
        lex,
        known,
        index,
        year: doc.meta.published.map(|p| p.date().year()),
        publisher: doc.publisher.party.as_deref().map(|p| known.party(p)),
        local: Known::default(),
        recent: Vec::new(),
        named: Vec::new(),
        people: HashMap::new(),
        lower: doc.body.to_ascii_lowercase(),
        in_author: std::cell::Cell::new(false),
        out: Vec::new(),
    };
    for p in &paragraphs {
        let text = &doc.body[p.span.clone()];
        if segment::furniture(text, lex).is_some() {
            continue;
        }
        for mut m in actors::mentions(text, lex, known) {
            m.start += p.span.start;
            m.end += p.span.start;
            st.named.push(m);
        }
    }
    st.settle_people();
    // the people this document names in full, for "Mr Doe" and "Doe added:"
    for (name, party) in known.doc_people.get(&doc.id).into_iter().flatten() {
        st.local.add_person(name, party.as_deref());
    }
    let speakers = chain_speakers(&st, &segs, &paragraphs);
    for p in &paragraphs {
        let span = p.span.clone();
        if let Some(kind) = segment::furniture(&doc.body[span.clone()], lex) {
            st.push(span, p.index, Attribution::of(kind), None);
            continue;
        }
        let mut cursor = span.start;
        for seg in segs.iter().filter(|s| s.paragraph == p.index && s.full) {
            if seg.open < cursor {
                continue;
            }
            let outside_end = seg.lead.as_ref().map_or(seg.open, |l| l.start.max(cursor));
            st.narrative(cursor..outside_end, p.index);
            let speaker = speakers.get(&seg.chain).cloned().flatten();
            let claimant = match &speaker {
                Some(s) => speaker_party(s, &st),
                // a quote nobody is named for, in a party's own release or letter: the party's
                None if st.is_party_release() => st.publisher.as_deref().map(side_id),
                None => None,
            };
            // the attribution stays with the quote it introduces or follows, so that no word
            // of the paragraph is lost: `Jane Doe said: "…` and `…," she said.`
            let mut sentences: Vec<Range<usize>> =
                segment::sentences(&doc.body, seg.content.clone(), lex)
                    .into_iter()
                    .map(|r| trim_quote_end(&doc.body, r))
                    .collect();
            if let (Some(lead), Some(first)) = (&seg.lead, sentences.first_mut())
                && lead.start >= cursor
                && lead.start < first.start
            {
                first.start = lead.start;
            }
            if let (Some(trail), Some(last)) = (&seg.trail, sentences.last_mut())
                && trail.end > last.end
            {
                last.end = doc.body[..trail.end].trim_end().len();
            }
            for r in sentences {
                let attribution = Attribution {
                    kind: StatementKind::Quote,
                    speaker: speaker.as_ref().map(|s| s.name.clone()),
                    claimant: claimant.clone(),
                    counter: None,
                    answers: None,
                };
                st.push(r, p.index, attribution, None);
            }
            cursor = seg
                .trail
                .as_ref()
                .map(|t| t.end)
                .or(seg.close)
                .unwrap_or(seg.content.end)
                .max(cursor);
        }
        st.narrative(cursor..span.end, p.index);
    }
    st.out
}

/// Byte position of an ASCII `needle` in `text`, ignoring ASCII case.
fn find_ascii_ci(text: &str, needle: &str) -> Option<usize> {
    let (t, n) = (text.as_bytes(), needle.as_bytes());
    if n.is_empty() || n.len() > t.len() {
        return None;
    }
    (0..=t.len() - n.len())
        .find(|&i| text.is_char_boundary(i) && t[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Drops a trailing comma or dash left inside the marks (`"We won," said …`).
fn trim_quote_end(body: &str, r: Range<usize>) -> Range<usize> {
    let text = &body[r.clone()];
    let trimmed = text.trim_end_matches([',', ' ', '-', '–', '—']);
    r.start..r.start + trimmed.len()
}

/// The words naming who speaks in an attribution clause (`Jane Doe said:` → `Jane Doe`,
/// `, said Jane Doe.` → `Jane Doe`).
fn who_of(clause: &str, lex: &Lexicon) -> Option<String> {
    let clean = clause
        .trim()
        .trim_matches(|c: char| matches!(c, ',' | ':' | '.' | ';') || c.is_whitespace());
    let words: Vec<&str> = clean.split_whitespace().collect();
    let verb_at = words.iter().position(|w| {
        lex.reading.speech_verbs.contains(
            &w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase(),
        )
    })?;
    let skip = |w: &&str| {
        matches!(
            w.to_lowercase().as_str(),
            "has" | "had" | "have" | "also" | "then" | "later"
        )
    };
    let before: Vec<&str> = words[..verb_at]
        .iter()
        .copied()
        .filter(|w| !skip(w))
        .collect();
    let who = if before.is_empty() {
        // "said Jane Doe, leader of the council"
        words[verb_at + 1..].join(" ")
    } else {
        let joined = before.join(" ");
        // "Speaking to the BBC, a spokesperson", "In a statement, the club": the opening
        // phrase is not the speaker
        match joined.split_once(',') {
            Some((opening, rest))
                if !rest.trim().trim_matches(',').is_empty()
                    && opening.split_whitespace().next().is_some_and(|w| {
                        let w = w.to_lowercase();
                        lex.reading.attribution_openers.contains(&w) || w.ends_with("ing")
                    }) =>
            {
                rest.to_string()
            }
            // "In their statement the pair": the opening phrase runs to its statement noun
            _ if before
                .first()
                .is_some_and(|w| lex.reading.attribution_openers.contains(&w.to_lowercase())) =>
            {
                match before
                    .iter()
                    .position(|w| lex.reading.organisation_cues.contains(&w.to_lowercase()))
                {
                    Some(k) if k + 1 < before.len() => before[k + 1..].join(" "),
                    _ => joined,
                }
            }
            _ => joined,
        }
    };
    let who = who
        .trim_matches(|c: char| c == ',' || c.is_whitespace())
        .to_string();
    (!who.is_empty()).then_some(who)
}

/// The speaker of each quotation chain: named by its lead or trail, else the speaker of the
/// quotation in the paragraph just before (a continuation), or a pronoun's last speaker.
fn chain_speakers(
    st: &DocState,
    segs: &[QuoteSeg],
    paragraphs: &[crate::corpus::Paragraph],
) -> HashMap<usize, Option<Speaker>> {
    let body = &st.doc.body;
    let mut out: HashMap<usize, Option<Speaker>> = HashMap::new();
    let mut last: Option<(Speaker, usize, usize)> = None; // speaker, paragraph and offset of the quote
    let mut local = st.local.clone();
    // the segments of each chain, chains in order of their first segment: one pass, so a
    // body of a million quote marks is not a million scans
    let mut by_chain: HashMap<usize, Vec<&QuoteSeg>> = HashMap::new();
    let mut order: Vec<usize> = Vec::new();
    for s in segs {
        let members = by_chain.entry(s.chain).or_default();
        if members.is_empty() {
            order.push(s.chain);
        }
        members.push(s);
    }
    let full: BTreeSet<usize> = segs.iter().filter(|s| s.full).map(|s| s.chain).collect();
    order.retain(|c| full.contains(c));
    for chain in order {
        let members = by_chain.remove(&chain).unwrap_or_default();
        let mut found: Option<Speaker> = None;
        for s in &members {
            for clause in [s.lead.clone(), s.trail.clone()].into_iter().flatten() {
                if found.is_some() {
                    break;
                }
                let Some(who) = who_of(&body[clause.clone()], st.lex) else {
                    continue;
                };
                let lower = who.to_lowercase();
                if st.lex.reading.person_pronouns.contains(&lower) {
                    // the latest person: the last quote's speaker or a person named since
                    // the latest person who is a sentence's subject, else the latest named
                    // (not a person named inside the quotation itself: "“Doe has misread
                    // it,” he said" is not Doe's)
                    let quoted = |m: &Mention| {
                        members
                            .iter()
                            .any(|q| q.content.start <= m.start && m.end <= q.content.end)
                    };
                    let candidates = || {
                        st.named.iter().rev().filter(|m| {
                            m.kind == MentionKind::Person
                                && m.end <= clause.start
                                && !quoted(m)
                                && last.as_ref().is_none_or(|(_, _, at)| m.start > *at)
                        })
                    };
                    let named = candidates()
                        .find(|m| st.opens_sentence(m))
                        .or_else(|| candidates().next());
                    found =
                        match named {
                            Some(m) => {
                                let name = actors::full_name(&m.name, &local);
                                let party =
                                    m.party.clone().or_else(|| {
                                        local.people.get(&name).cloned().flatten().or_else(|| {
                                            st.known.people.get(&name).cloned().flatten()
                                        })
                                    });
                                Some(Speaker {
                                    name,
                                    party,
                                    has_role: m.role.is_some(),
                                    person: true,
                                })
                            }
                            None => last.as_ref().map(|(s, _, _)| s.clone()),
                        };
                } else {
                    found = actors::speaker(&who, st.lex, st.known, &local);
                    // "Mr Doe and Ms Roe said": two people who speak as one; the first names it
                    if let Some((one, _)) = who.split_once(" and ")
                        && found.as_ref().is_none_or(|f| !f.person)
                        && let Some(first) = actors::speaker(one, st.lex, st.known, &local)
                        && first.person
                    {
                        found = Some(first);
                    }
                }
                if found.is_none() {
                    // "the spokesperson said", "the union said", "a union source said"
                    let words: Vec<String> = lower
                        .split_whitespace()
                        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
                        .filter(|w| {
                            !matches!(w.as_str(), "the" | "a" | "an" | "its" | "their" | "")
                        })
                        .collect();
                    if let Some((party, person)) = st.resolve_phrase(&words, clause.start)
                        && (party.is_some() || person.is_some())
                    {
                        found = Some(Speaker {
                            name: person
                                .clone()
                                .unwrap_or_else(|| party.clone().unwrap_or_default()),
                            party,
                            has_role: true,
                            person: person.is_some(),
                        });
                    }
                }
            }
        }
        let first = members[0];
        if found.is_none()
            && let Some((s, para, _)) = &last
            && *para == first.paragraph
        {
            // `"…," Doe said. "…"`: the next quote of the paragraph is still Doe's
            found = Some(s.clone());
        }
        if found.is_none() {
            let starts_paragraph = paragraphs
                .get(first.paragraph)
                .is_some_and(|p| p.span.start == first.open);
            if starts_paragraph && let Some((s, para, _)) = &last {
                // a continuation quote after the speaker's own quote
                if *para + 1 == first.paragraph || members.iter().any(|m| m.paragraph == *para) {
                    found = Some(s.clone());
                }
            }
        }
        if let Some(s) = &mut found
            && s.person
            && s.party.is_none()
        {
            s.party = st.people.get(&s.name).cloned().flatten();
        }
        if let Some(s) = &found {
            if s.person && s.name.contains(' ') {
                local.add_person(&s.name, s.party.as_deref());
            }
            let end_para = members.last().map_or(first.paragraph, |m| m.paragraph);
            let at = members.last().map_or(first.open, |m| m.open);
            last = Some((s.clone(), end_para, at));
        }
        out.insert(chain, found);
    }
    out
}

/// Whether a publisher is a known news outlet (by name or host label).
fn is_outlet(publisher: &str, lex: &Lexicon) -> bool {
    lex.outlet_by_key(&crate::lexicon::outlet_key(publisher))
        .is_some_and(|o| side_id(&o.name) == side_id(publisher))
}

/// The side a speaker speaks for: the party their role or the corpus names; a person
/// whose role names no party ("Chief Constable") in a release of a non-outlet publisher is
/// taken to speak for the publisher.
fn speaker_party(s: &Speaker, st: &DocState) -> Option<String> {
    if let Some(p) = &s.party {
        return Some(side_id(&st.known.party(p)));
    }
    let outlet = st
        .publisher
        .as_deref()
        .is_some_and(|p| is_outlet(p, st.lex));
    if s.person && s.has_role && !outlet {
        return st.publisher.as_deref().map(side_id);
    }
    None
}

impl DocState<'_> {
    /// The party (and person) a common noun phrase at body offset `pos` stands for: a role
    /// ("the spokesperson", "the chief executive") → the latest actor of the document given
    /// it, else a person of the folder given it; a party noun ("the union", "company
    /// bosses") → the latest party of that class the document names, its publisher, or the
    /// party of that class the folder names most.
    fn resolve_phrase(
        &self,
        words: &[String],
        pos: usize,
    ) -> Option<(Option<String>, Option<String>)> {
        let r = &self.lex.reading;
        let roles: Vec<&str> = words
            .iter()
            .map(String::as_str)
            .filter(|w| {
                (r.role_words.contains(*w) || r.organisation_cues.contains(*w))
                    && !r.party_nouns.contains_key(*w)
            })
            .collect();
        let body = &self.doc.body;
        if !roles.is_empty() {
            let has_role = |role: &str| {
                let role = role.to_lowercase();
                let parts: Vec<&str> = role.split(|c: char| !c.is_alphanumeric()).collect();
                roles.iter().all(|w| parts.contains(w))
            };
            let wanted = roles.join(" ");
            for m in self.named.iter().rev().filter(|m| m.end <= pos) {
                if m.kind == MentionKind::Person {
                    if m.role.as_deref().is_some_and(has_role) {
                        return Some((m.party.clone(), Some(m.name.clone())));
                    }
                    continue;
                }
                let after = body[m.end..]
                    .trim_start_matches(['\'', '’', 's'])
                    .trim_start();
                let after = after.to_lowercase();
                let before = body[..m.start].to_lowercase();
                if m.party.is_some()
                    && (after.starts_with(&wanted)
                        || before.trim_end().ends_with(&format!("{wanted} for"))
                        || before.trim_end().ends_with(&format!("{wanted} for the")))
                {
                    return Some((m.party.clone(), None));
                }
            }
            // the folder's people with a role holding the first role word, then all of them
            let listed = self
                .known
                .role_index
                .get(roles[0])
                .map_or(&[][..], Vec::as_slice);
            let people: Vec<&(String, String, Option<String>)> = (listed.iter())
                .map(|&i| &self.known.roles[i])
                .filter(|(role, _, _)| has_role(role))
                .take(2)
                .collect();
            if let [(_, name, party)] = people.as_slice() {
                return Some((party.clone(), Some(name.clone())));
            }
        }
        // "the forces said", "both unions insist": several parties of one class speak as one;
        // when the document has named two of them, the sentence is nobody's in particular
        let class = words.iter().find_map(|w| {
            let singular = [w.strip_suffix("ies").map(|s| format!("{s}y"))]
                .into_iter()
                .flatten()
                .chain(
                    [w.strip_suffix('s').map(str::to_string)]
                        .into_iter()
                        .flatten(),
                );
            r.party_nouns
                .get(w)
                .or_else(|| singular.filter_map(|s| r.party_nouns.get(&s)).next())
        });
        let joint = words.iter().any(|w| r.joint_nouns.contains(w))
            || (roles.is_empty() && words.iter().any(|w| matches!(w.as_str(), "both" | "two")));
        if joint && let Some(class) = class {
            let named: BTreeSet<String> = (self.named.iter())
                .filter(|m| m.end <= pos)
                .filter_map(|m| m.party.as_deref())
                .filter(|p| self.class_of(p) == *class)
                .map(side_id)
                .collect();
            if named.len() >= 2 {
                return Some((None, None));
            }
        }
        // "the pair", "the two", "both men": the latest person who is a sentence's subject
        if words
            .iter()
            .any(|w| matches!(w.as_str(), "pair" | "duo" | "two" | "both"))
        {
            let people = || {
                (self.named.iter().rev()).filter(|m| m.kind == MentionKind::Person && m.end <= pos)
            };
            if let Some(m) = people()
                .find(|m| self.opens_sentence(m))
                .or_else(|| people().next())
            {
                // the pair is the people of that sentence: the first of them whose party is
                // known names it ("X's commissioner Jo Roe and Deputy Chief Kim Lee")
                let same_sentence = |n: &&Mention| {
                    let (a, b) = if n.start < m.start {
                        (n.end, m.start)
                    } else {
                        (m.end, n.start)
                    };
                    a <= b && !body[a..b].contains(['.', '!', '?', '\n'])
                };
                let pair: Vec<&Mention> = (self.named.iter())
                    .filter(|n| n.kind == MentionKind::Person && n.end <= pos)
                    .filter(same_sentence)
                    .collect();
                let first = pair
                    .iter()
                    .find(|n| n.party.is_some())
                    .copied()
                    .unwrap_or(m);
                let party = first.party.clone().or_else(|| m.party.clone());
                return Some((party, Some(first.name.clone())));
            }
        }
        if let Some(author) = words
            .iter()
            .find(|w| r.document_nouns.contains(*w))
            .and_then(|noun| self.author_of(noun, pos))
        {
            return Some(author);
        }
        let Some(class) = words.iter().find_map(|w| r.party_nouns.get(w)) else {
            // "the statement says", "the letter said" in a party's own text: the party's
            if words.iter().any(|w| r.organisation_cues.contains(w)) && self.is_party_release() {
                return Some((self.publisher.clone(), None));
            }
            return None;
        };
        self.resolve_class(class, pos).map(|p| (Some(p), None))
    }

    /// The one other party a quoted or reported rebuttal names ("Doe has misread the
    /// issue", "the union's figures are false and misleading"): a rebuttal phrase or denial
    /// verb, and exactly one party (or person of known party) other than the claimant.
    fn rebutted(&self, text: &str, ms: &[Mention], claimant: Option<&str>) -> Option<String> {
        let claimant = claimant?;
        // the other parties first: most statements name none, and then no phrase is looked for
        let others: BTreeSet<String> = ms
            .iter()
            .filter_map(|m| match (&m.party, m.kind) {
                (Some(p), _) => Some(p.clone()),
                (None, MentionKind::Person) => self.people.get(&m.name).cloned().flatten(),
                _ => None,
            })
            .map(|p| side_id(&self.known.party(&p)))
            .filter(|id| id != claimant)
            .collect();
        if others.len() != 1 {
            return None;
        }
        let lower = text.to_lowercase();
        let has = |phrase: &str| {
            lower.match_indices(phrase).any(|(i, _)| {
                let before = lower[..i].chars().next_back();
                let after = lower[i + phrase.len()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric())
                    && after.is_none_or(|c| !c.is_alphanumeric())
            })
        };
        let rebuts = (self.lex.compare.denial_phrases.iter()).any(|p| has(p))
            || (self.lex.reading.denial_verbs.iter()).any(|v| has(v));
        rebuts.then(|| others.into_iter().next()).flatten()
    }

    /// Who issued the text a document noun ("statement", "letter") at body offset `pos`
    /// speaks of: the party reported in the first earlier sentence that speaks of such a
    /// text ("In a letter, the union told …"); failing that, the first person of known
    /// party, else the first party, named in such a sentence ("The statement, released by
    /// Jo Roe, …").
    fn author_of(&self, noun: &str, pos: usize) -> Option<(Option<String>, Option<String>)> {
        if self.in_author.get() {
            return None;
        }
        let body = &self.doc.body;
        let lower = &self.lower[..pos];
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        let mut sentences = Vec::new();
        let mut from = 0;
        // the first few sentences that speak of such a text: where it is introduced
        while sentences.len() < 4
            && let Some(i) = lower[from..].find(noun).map(|i| from + i)
        {
            from = i + noun.len();
            if boundary(lower[..i].chars().next_back()) && boundary(lower[from..].chars().next()) {
                let start = body[..i].rfind(['.', '!', '?', '\n']).map_or(0, |k| k + 1);
                let stop = body[i..]
                    .find(['.', '!', '?', '\n'])
                    .map_or(body.len(), |k| i + k);
                sentences.push(start..stop);
            }
        }
        self.in_author.set(true);
        let reported = sentences.iter().find_map(|r| {
            let text = &body[r.clone()];
            let ms = self.with_people(actors::mentions(text, self.lex, self.known));
            let before: Vec<Mention> = (self.named.iter())
                .take_while(|m| m.end <= r.start)
                .cloned()
                .collect();
            let at = r.start;
            let resolve = |words: &[String], p: usize| self.resolve_phrase(words, at + p);
            reported::report(text, &ms, &before, self.lex, &resolve)
                .filter(|rep| rep.claimant.is_some())
                .map(|rep| (rep.claimant, rep.speaker))
        });
        self.in_author.set(false);
        if reported.is_some() {
            return reported;
        }
        for r in &sentences {
            let in_sentence = || {
                (self.named.iter())
                    .filter(|m| m.start >= r.start && m.end <= r.end && m.party.is_some())
            };
            if let Some(m) = in_sentence().find(|m| m.kind == MentionKind::Person) {
                return Some((m.party.clone(), Some(m.name.clone())));
            }
            if let Some(m) = in_sentence().next() {
                return Some((m.party.clone(), None));
            }
        }
        None
    }

    /// The party of a class (`union`, `company`) meant at body offset `pos`: the latest of
    /// that class the document names before it, its publisher, or the folder's most named.
    fn resolve_class(&self, class: &str, pos: usize) -> Option<String> {
        let fits = |party: &str| self.class_of(party) == class;
        // the latest sentence subject of that class (a person counts for their party), then
        // any latest mention of it
        if let Some(m) = self.named.iter().rev().find(|m| {
            m.end <= pos && m.party.as_deref().is_some_and(fits) && self.opens_sentence(m)
        }) {
            return m.party.clone();
        }
        if let Some(m) = self.named.iter().rev().find(|m| {
            m.end <= pos && m.kind != MentionKind::Person && m.party.as_deref().is_some_and(fits)
        }) {
            return m.party.clone();
        }
        if let Some(p) = self.publisher.as_deref().filter(|p| fits(p)) {
            return Some(p.to_string());
        }
        self.known.class_best.get(class).cloned()
    }

    /// Whether the document is a party's own text (a release, a letter, a circular): its
    /// publisher is no known outlet and is a party the folder's texts name.
    fn is_party_release(&self) -> bool {
        let Some(p) = self.publisher.as_deref() else {
            return false;
        };
        let id = side_id(p);
        let outlet = is_outlet(p, self.lex);
        !outlet && self.known.counts.get(&id).is_some_and(|n| *n > 0)
    }

    /// Whether a mention is its sentence's subject: only capitalised words, role words and
    /// possessives ("Riverton's chief constable") stand between it and the sentence start.
    fn opens_sentence(&self, m: &Mention) -> bool {
        let before = &self.doc.body[..m.start];
        // after the mark that ends the previous sentence (curly quotes are three bytes)
        let start = before
            .rfind(['.', '!', '?', '\n', '"', '“', '”'])
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
        let words: Vec<&str> = before[start..].split_whitespace().collect();
        words.len() <= 5
            && words.iter().all(|w| {
                let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
                let lower = bare.to_lowercase();
                bare.chars().next().is_some_and(char::is_uppercase)
                    || self.lex.reading.role_words.contains(&lower)
                    || w.ends_with("'s")
                    || w.ends_with("’s")
                    || lower == "the"
            })
    }

    /// Gives the people the document names with a role that names their party only by a
    /// common noun ("the club's chair", "the union's general secretary") that party, and
    /// remembers every named person's party for their later mentions ("Doe said").
    fn settle_people(&mut self) {
        for i in 0..self.named.len() {
            let m = &self.named[i];
            if m.kind != MentionKind::Person || m.party.is_some() {
                continue;
            }
            let Some(role) = m.role.as_deref() else {
                continue;
            };
            let role = role.to_lowercase();
            let class = role
                .split(|c: char| !c.is_alphanumeric())
                .find_map(|w| self.lex.reading.party_nouns.get(w).cloned());
            if let Some(class) = class {
                let party = self.resolve_class(&class, m.start);
                self.named[i].party = party;
            }
        }
        for m in &self.named {
            if m.kind == MentionKind::Person && m.party.is_some() {
                self.local.add_person(&m.name, m.party.as_deref());
                self.people
                    .entry(m.name.clone())
                    .or_insert_with(|| m.party.clone());
            }
        }
    }

    /// Fills in the party of people in `ms` whose party this document has given.
    fn with_people(&self, mut ms: Vec<Mention>) -> Vec<Mention> {
        for m in &mut ms {
            if m.kind == MentionKind::Person && m.party.is_none() {
                m.party = self.people.get(&m.name).cloned().flatten();
            }
        }
        ms
    }

    /// The class of a party (`union`, `police`, `company`, …), as the first pass settled it.
    fn class_of(&self, party: &str) -> String {
        self.known
            .classes
            .get(&side_id(party))
            .cloned()
            .unwrap_or_else(|| party_class(&self.known.party(party), &[], self.lex))
    }

    /// Narrative text: sentences that are narrative or reported.
    fn narrative(&mut self, range: Range<usize>, paragraph: usize) {
        if range.start >= range.end {
            return;
        }
        for r in segment::sentences(&self.doc.body, range, self.lex) {
            let text = &self.doc.body[r.clone()];
            if !text.chars().any(char::is_alphanumeric) {
                continue;
            }
            match self.two_attributions(r.clone()) {
                Some(parts) => {
                    for (part, attribution, ms) in parts {
                        self.push(part, paragraph, attribution, Some(&ms));
                        self.recent = ms;
                    }
                }
                None => {
                    let ms = self.with_people(actors::mentions(text, self.lex, self.known));
                    let at = r.start;
                    let resolve =
                        |words: &[String], pos: usize| self.resolve_phrase(words, at + pos);
                    let before: Vec<Mention> = (self.named.iter())
                        .take_while(|m| m.end <= at)
                        .cloned()
                        .collect();
                    let report = reported::report(text, &ms, &before, self.lex, &resolve);
                    let attribution = self.attribution(report, false);
                    self.push(r, paragraph, attribution, Some(&ms));
                    self.recent = ms;
                }
            }
        }
    }

    /// Who makes a narrative sentence (or clause): the reported party, else the publisher.
    /// `speaker_enough` also takes a report that names only a person.
    fn attribution(&self, report: Option<reported::Report>, speaker_enough: bool) -> Attribution {
        match report {
            Some(rep) if rep.claimant.is_some() || (speaker_enough && rep.speaker.is_some()) => {
                Attribution {
                    kind: StatementKind::Reported,
                    claimant: rep
                        .claimant
                        .as_deref()
                        .map(|c| side_id(&self.known.party(c))),
                    speaker: rep.speaker,
                    counter: rep
                        .counter
                        .as_deref()
                        .map(|c| side_id(&self.known.party(c))),
                    // a person answered by surname ("Ms Doe's remarks"): their party, or
                    // their full name when they speak for themselves
                    answers: rep.answers.as_deref().map(|c| {
                        let bare = c.trim_end_matches("'s").trim_end_matches("’s");
                        let full = actors::full_name(bare, &self.local);
                        let party = self.people.get(&full).cloned().flatten();
                        side_id(&self.known.party(party.as_deref().unwrap_or(&full)))
                    }),
                }
            }
            _ => Attribution {
                claimant: self.publisher.as_deref().map(side_id),
                ..Attribution::of(StatementKind::Narrative)
            },
        }
    }

    /// A sentence that reports two parties in two clauses ("X said the plan was \"reckless\",
    /// but the council says it will save money"): the clauses, each with its own
    /// attribution, when both are reports of different claimants or speakers.
    fn two_attributions(&self, r: Range<usize>) -> Option<Vec<Clause>> {
        let body = &self.doc.body;
        let text = &body[r.clone()];
        let cut = self
            .lex
            .reading
            .clause_breaks
            .iter()
            .filter_map(|b| find_ascii_ci(text, b).map(|i| (i, b.len())))
            .min()?;
        let (at, len) = cut;
        let first_end = r.start
            + text[..at]
                .trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ';')
                .len();
        let brk = &text[at..at + len];
        let punct = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—');
        let second_start = r.start + at + (brk.len() - brk.trim_start_matches(punct).len());
        if first_end <= r.start || second_start >= r.end {
            return None;
        }
        let mut parts = Vec::new();
        let mut before = self.recent.clone();
        for part in [r.start..first_end, second_start..r.end] {
            let t = &body[part.clone()];
            let ms = self.with_people(actors::mentions(t, self.lex, self.known));
            let at = part.start;
            let resolve = |words: &[String], pos: usize| self.resolve_phrase(words, at + pos);
            let rep = reported::report(t, &ms, &before, self.lex, &resolve)?;
            if rep.claimant.is_none() && rep.speaker.is_none() {
                return None;
            }
            let attribution = self.attribution(Some(rep), true);
            before.extend(ms.iter().cloned());
            parts.push((part, attribution, ms));
        }
        let who = |a: &Attribution| (a.claimant.clone(), a.speaker.clone());
        (who(&parts[0].1) != who(&parts[1].1)).then_some(parts)
    }

    fn push(
        &mut self,
        span: Range<usize>,
        paragraph: usize,
        attribution: Attribution,
        mentions: Option<&[Mention]>,
    ) {
        let Attribution {
            kind,
            speaker,
            claimant,
            counter,
            answers,
        } = attribution;
        if span.start >= span.end {
            return;
        }
        let text = &self.doc.body[span.clone()];
        let claim = kind.is_claim();
        let mut answers = answers;
        let mut entities = if claim {
            entities::figures(text, self.year)
        } else {
            Vec::new()
        };
        if claim {
            let mut seen: BTreeSet<(EntityKind, String)> = BTreeSet::new();
            let found;
            let ms = match mentions {
                Some(ms) => ms,
                None => {
                    found = actors::mentions(text, self.lex, self.known);
                    &found
                }
            };
            for m in ms {
                let kind = match m.kind {
                    MentionKind::Person => EntityKind::Person,
                    _ => EntityKind::Organisation,
                };
                let value = match m.kind {
                    MentionKind::Person => actors::full_name(&m.name, &self.local),
                    _ => m.name.clone(),
                };
                if seen.insert((kind, value.clone())) {
                    entities.push(Entity {
                        kind,
                        text: text[m.start..m.end].to_string(),
                        value,
                    });
                }
            }
            if answers.is_none() && counter.is_none() && kind != StatementKind::Narrative {
                answers = self.rebutted(text, ms, claimant.as_deref());
            }
        }
        let topics = if claim {
            self.index.topics_of(text)
        } else {
            Vec::new()
        };
        self.out.push(Statement {
            id: statement_id(&self.doc.id, &span),
            document: self.doc.id.clone(),
            paragraph,
            span: [span.start, span.end],
            text: text.to_string(),
            kind,
            speaker,
            claimant: if claim { claimant } else { None },
            counter_claimant: counter,
            answers: if claim { answers } else { None },
            topics,
            entities,
        });
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
mod tests {
    use super::*;
    use crate::corpus::read_document as load;

    fn read(text: &str) -> Vec<Statement> {
        let lex = Lexicon::bundled();
        let doc = match load("test.txt", text.as_bytes(), &lex) {
            Ok(d) => d,
            Err(e) => panic!("{e}"),
        };
        let corpus = Corpus {
            root: "t".into(),
            documents: vec![doc],
            ..Corpus::default()
        };
        read_corpus(&corpus, &lex).statements
    }

    fn find<'a>(st: &'a [Statement], phrase: &str) -> &'a Statement {
        match st.iter().find(|s| s.text.contains(phrase)) {
            Some(s) => s,
            None => panic!("no statement holds {phrase:?}: {st:#?}"),
        }
    }

    #[test]
    fn a_quote_over_three_paragraphs_keeps_its_speaker() {
        let st = read(
            "Riverton City Council has approved the new library.\n\n\
             Council leader Amy Hart said: \"The library will open in May. It has cost £4m.\n\n\
             \"Readers asked for longer hours.\n\n\
             \"We listened to them.\"\n\n\
             The building work starts next week.",
        );
        for phrase in [
            "will open in May",
            "It has cost £4m",
            "longer hours",
            "We listened",
        ] {
            let s = find(&st, phrase);
            assert_eq!(s.kind, StatementKind::Quote, "{phrase}");
            assert_eq!(s.speaker.as_deref(), Some("Amy Hart"), "{phrase}");
            assert_eq!(
                s.claimant.as_deref(),
                Some("riverton-city-council"),
                "{phrase}"
            );
        }
        let s = find(&st, "building work");
        assert_eq!(s.kind, StatementKind::Narrative);
        assert_eq!(s.claimant.as_deref(), Some("riverton-city-council"));
        // the attribution stays with the quote it introduces: no word is lost, and it is
        // not a narrative claim of its own
        let intro: Vec<&Statement> = st.iter().filter(|s| s.text.contains("said:")).collect();
        assert_eq!(intro.len(), 1, "{st:#?}");
        assert_eq!(intro[0].kind, StatementKind::Quote);
        assert!(intro[0].text.starts_with("Council leader Amy Hart said:"));
        assert!(
            intro[0].text.ends_with("will open in May."),
            "{}",
            intro[0].text
        );
    }

    #[test]
    fn a_surname_after_first_mention_resolves_to_the_full_name() {
        let st = read(
            "The Harbour Trust says berth fees will rise.\n\n\
             Tom Reed, chief executive of Harbour Trust, said: \"Fees have not risen in years.\"\n\n\
             Mr Reed added: \"We have no choice.\"\n\n\
             \"The berths need dredging,\" Reed said.",
        );
        for phrase in ["not risen", "no choice", "need dredging"] {
            let s = find(&st, phrase);
            assert_eq!(s.speaker.as_deref(), Some("Tom Reed"), "{phrase}");
            assert_eq!(s.claimant.as_deref(), Some("harbour-trust"), "{phrase}");
        }
    }

    #[test]
    fn a_sentence_that_quotes_one_party_and_reports_another() {
        let st = read(
            "Harbour Trust has announced new fees for moorings.\n\n\
             Union leader Jo Park said the fees were \"reckless and unfair\", but the trust says they will pay for repairs.",
        );
        let first = find(&st, "reckless and unfair");
        assert_eq!(first.kind, StatementKind::Reported);
        assert_eq!(first.speaker.as_deref(), Some("Jo Park"));
        assert!(!first.text.contains("the trust says"), "{}", first.text);
        let second = find(&st, "the trust says");
        assert_eq!(second.kind, StatementKind::Reported);
        assert_eq!(second.claimant.as_deref(), Some("harbour-trust"));
        assert!(!second.text.contains("reckless"), "{}", second.text);
        // one party's two clauses stay one statement
        let st = read("Harbour Trust says fees will rise, but the trust says repairs come first.");
        assert_eq!(st.len(), 1);
    }

    #[test]
    fn a_sentence_that_reports_one_party_and_the_others_denial() {
        let st = read(
            "Lowmoor Rovers FC will share the stadium with Eastfield Athletic FC from August.\n\n\
             But Eastfield Athletic FC says it is paying for the pitch - a claim the club disputes - and wants a new deal.",
        );
        let s = find(&st, "says it is paying");
        assert_eq!(s.kind, StatementKind::Reported);
        assert_eq!(s.claimant.as_deref(), Some("eastfield-athletic-fc"));
        assert_eq!(s.counter_claimant.as_deref(), Some("lowmoor-rovers-fc"));
    }

    #[test]
    fn a_role_named_once_stands_for_its_holder() {
        let st = read(
            "Lakeside Rowing Club has left the regional league.\n\n\
             Jane Doe, the club's chair, who led the talks, said the league had been unfair.\n\n\
             Rivals accused the club of walking out. The chair rejected that charge.",
        );
        let s = find(&st, "rejected that charge");
        assert_eq!(s.kind, StatementKind::Reported);
        assert_eq!(s.speaker.as_deref(), Some("Jane Doe"));
        assert_eq!(s.claimant.as_deref(), Some("lakeside-rowing-club"));
    }

    #[test]
    fn a_quote_after_an_attributed_quote_in_its_paragraph_keeps_the_speaker() {
        let st = read(
            "Greenway Buses will cut two routes.\n\n\
             \"We had no choice,\" Greenway Buses director Sam Hill said. \"Fuel costs doubled. Fares cannot cover them.\"",
        );
        for phrase in ["no choice", "Fuel costs doubled", "Fares cannot"] {
            let s = find(&st, phrase);
            assert_eq!(s.speaker.as_deref(), Some("Sam Hill"), "{phrase}");
            assert_eq!(s.claimant.as_deref(), Some("greenway-buses"), "{phrase}");
        }
    }

    #[test]
    fn the_union_and_the_spokesperson_are_the_parties_the_document_named() {
        let st = read(
            "Nurses at Northshire Hospitals Trust have voted to strike, according to the Royal Guild of Nurses (RGN).\n\n\
             A Northshire Hospitals Trust spokesperson said the offer was fair. \"We have offered 6%,\" the spokesperson said.\n\n\
             The guild said the offer was worth 2% at most. An RGN source said members were angry.",
        );
        let s = find(&st, "We have offered");
        assert_eq!(s.claimant.as_deref(), Some("northshire-hospitals-trust"));
        let s = find(&st, "worth 2%");
        assert_eq!(s.claimant.as_deref(), Some("royal-guild-of-nurses"));
        let s = find(&st, "members were angry");
        assert_eq!(s.claimant.as_deref(), Some("royal-guild-of-nurses"));
        let s = find(&st, "have voted to strike");
        assert_eq!(s.claimant.as_deref(), Some("royal-guild-of-nurses"));
    }

    #[test]
    fn an_office_in_lower_case_before_a_name_gives_the_party() {
        let st = read(
            "Northshire Fire Service will close two stations.\n\n\
             Lowland police and crime commissioner Jo Bloggs said the plan was reckless.\n\n\
             \"Lives are at stake,\" Ms Bloggs said.",
        );
        let s = find(&st, "Lives are at stake");
        assert_eq!(s.speaker.as_deref(), Some("Jo Bloggs"));
        assert_eq!(s.claimant.as_deref(), Some("lowland"));
    }

    #[test]
    fn the_force_is_the_latest_subject_of_its_class_not_the_latest_mention() {
        let st = read(
            "Northshire Police and Southvale Police will end their joint patrols.\n\n\
             Northshire Police chief constable Jo Bloggs said the plan was fairer to Southvale Police. \
             The force itself described the criticism as out of date.",
        );
        let s = find(&st, "out of date");
        assert_eq!(s.kind, StatementKind::Reported);
        assert_eq!(s.claimant.as_deref(), Some("northshire"));
    }

    #[test]
    fn a_curly_quote_before_a_pronoun_attribution() {
        // a sentence start after a three-byte closing mark (found by the tiling proptest)
        let st = read(
            "Riverton Council met on Monday.\n\n“We disagree.” Jo Bloggs, the mayor of Riverton, said the money was there. \"It is not enough,\" she said.",
        );
        let s = find(&st, "It is not enough");
        assert_eq!(s.kind, StatementKind::Quote);
        assert_eq!(s.speaker.as_deref(), Some("Jo Bloggs"));
    }

    #[test]
    fn captions_figures_topics_and_ids() {
        let text = "Image caption The new ward at St Anne's\n\nThe hospital will spend £2.5m over 18 months, 40% more than planned.\n\nBack to news";
        let st = read(text);
        assert_eq!(st[0].kind, StatementKind::Caption);
        assert_eq!(st[0].claimant, None);
        assert_eq!(st.last().map(|s| s.kind), Some(StatementKind::Boilerplate));
        let s = find(&st, "spend");
        let values: Vec<&str> = s.entities.iter().map(|e| e.value.as_str()).collect();
        assert!(
            values.contains(&"GBP 2500000") && values.contains(&"P18M") && values.contains(&"0.4"),
            "{values:?}"
        );
        assert!(
            s.topics.contains(&"money".to_string()) && s.topics.contains(&"health".to_string()),
            "{:?}",
            s.topics
        );
        assert_eq!(s.id, statement_id(&s.document, &(s.span[0]..s.span[1])));
        let again = read(text);
        assert_eq!(st, again);
    }

    #[test]
    fn several_parties_of_one_class_speak_for_none_of_them() {
        let st = read(
            "Northvale Council merged its call centre with Southvale Council's in 2015, \
             when the councils said the move would save £3m.\n\n\
             The two councils said the merger had worked.",
        );
        for phrase in ["the councils said", "The two councils said"] {
            let s = find(&st, phrase);
            // narrative: the document's own (its publisher's), not one council's report
            assert_eq!(s.kind, StatementKind::Narrative, "{phrase}: {s:?}");
            assert_eq!(s.speaker, None, "{phrase}");
        }
        // one service named: the class noun is that service
        let st =
            read("Northvale Council has closed a library.\n\nThe council said books were safe.");
        assert_eq!(
            find(&st, "books were safe").claimant.as_deref(),
            Some("northvale-council")
        );
    }

    #[test]
    fn the_pair_is_the_person_of_known_party_named_with_the_other() {
        let st = read(
            "Eastmoor Council's leader Ana Ruiz and Deputy Chief Executive Tom Vale confirmed in a joint \
             statement that they would appeal.\n\n\
             In their statement the pair said: \"We will appeal the ruling.\"",
        );
        let s = find(&st, "We will appeal");
        assert!(
            matches!(s.speaker.as_deref(), Some("Ana Ruiz" | "Tom Vale")),
            "{s:?}"
        );
        assert_eq!(s.claimant.as_deref(), Some("eastmoor-council"));
    }

    #[test]
    fn a_former_officer_speaks_for_themselves() {
        let st = read(
            "Eastmoor Council has sold the library.\n\n\
             Rosa Lind, who was Eastmoor Council's leader and who opened the library, has written to the minister.\n\n\
             \"Selling it is a mistake,\" she wrote.\n\n\
             Former council chief executive Dan Oduya said the sale was rushed.",
        );
        let quote = find(&st, "Selling it is a mistake");
        assert_eq!(quote.speaker.as_deref(), Some("Rosa Lind"));
        assert_eq!(quote.claimant.as_deref(), Some("rosa-lind"));
        let reported = find(&st, "the sale was rushed");
        assert_eq!(reported.claimant.as_deref(), Some("dan-oduya"));
    }

    #[test]
    fn an_office_title_with_no_body_is_the_party() {
        let st = read("Transport Secretary Mia Holt said: \"The line will reopen in May.\"");
        let s = find(&st, "reopen in May");
        assert_eq!(s.speaker.as_deref(), Some("Mia Holt"));
        assert_eq!(s.claimant.as_deref(), Some("transport-secretary"));
        // a general secretary is no office of state
        let st = read("General Secretary Ola Berg said: \"We will strike.\"");
        assert_ne!(
            find(&st, "We will strike").claimant.as_deref(),
            Some("general-secretary")
        );
    }

    #[test]
    fn the_statement_speaks_for_whoever_issued_it() {
        let st = read(
            "The statement, issued yesterday by Riverside Trust's chair Kim Ode and its director Lee Park, \
             comes as the dispute deepens.\n\n\
             \"We cannot accept these terms,\" the statement says. \"They are unfair.\"\n\n\
             In a letter sent on Monday, the Dockworkers Union told Harbour Board chief executive Sam Eke \
             that the offer was too low.\n\n\
             \"You know the offer is worth less,\" the letter said, before calling on Eke to return to talks.\n\n\
             According to the letter, the offer would cut pay.",
        );
        let s = find(&st, "cannot accept these terms");
        assert_eq!(s.claimant.as_deref(), Some("riverside-trust"));
        assert_eq!(s.speaker.as_deref(), Some("Kim Ode"));
        assert_eq!(
            find(&st, "They are unfair").claimant.as_deref(),
            Some("riverside-trust")
        );
        // the letter is the union's, not its addressee's
        let s = find(&st, "worth less");
        assert_eq!(s.claimant.as_deref(), Some("dockworkers-union"));
        let s = find(&st, "would cut pay");
        assert_eq!(s.claimant.as_deref(), Some("dockworkers-union"));
    }

    #[test]
    fn plural_subjects_report_in_the_present() {
        let st = read(
            "Westport Council has cut two libraries.\n\n\
             Council chiefs say the cuts will not close reading groups.",
        );
        let s = find(&st, "will not close");
        assert_eq!(s.kind, StatementKind::Reported);
        assert_eq!(s.claimant.as_deref(), Some("westport-council"));
    }

    #[test]
    fn a_titled_person_with_a_role_after_a_comma() {
        let st = read(
            "Councillor Pat Reyes, chairman of the Lowfield Scrutiny Panel, said: \"We want the full cost.\"",
        );
        let s = find(&st, "full cost");
        assert_eq!(s.speaker.as_deref(), Some("Pat Reyes"));
        assert_eq!(s.claimant.as_deref(), Some("lowfield-scrutiny-panel"));
    }

    #[test]
    fn a_denial_of_another_partys_words_answers_that_party() {
        let st = read(
            "Lakeside Rowing Club has left the regional league.\n\n\
             Mia Sorensen, who was the league's chair, called the exit \"an act of vandalism\".\n\n\
             Lakeside Rowing Club dismissed Ms Sorensen's remarks as \"poorly informed\".\n\n\
             The club also rejected the league's figures on fees.",
        );
        let s = find(&st, "dismissed Ms Sorensen");
        assert_eq!(s.claimant.as_deref(), Some("lakeside-rowing-club"));
        assert_eq!(s.answers.as_deref(), Some("mia-sorensen"));
        // a denial with no owner named answers nobody
        let st = read("Lakeside Rowing Club has left the league.\n\nThe club dismissed the idea.");
        assert_eq!(find(&st, "dismissed the idea").answers, None);
    }

    #[test]
    fn in_his_words_is_the_last_persons_report() {
        let st = read(
            "Lakeside Rowing Club has left the regional league.\n\n\
             Former chair Mia Sorensen has written to the members.\n\n\
             In her words, many rowers \"will see this as a betrayal\".",
        );
        let s = find(&st, "In her words");
        assert_eq!(s.kind, StatementKind::Reported);
        assert_eq!(s.speaker.as_deref(), Some("Mia Sorensen"));
        assert_eq!(s.claimant.as_deref(), Some("mia-sorensen"));
    }

    #[test]
    fn a_person_named_inside_the_quote_is_not_its_speaker_and_a_rebuttal_answers_them() {
        let st = read(
            "Lakeside Rowing Club's chair Ola Berg has asked the league for an apology.\n\n\
             League president Sam Kerr said there would be no apology.\n\n\
             \"Ms Berg has misread both the rules and what I said,\" he said.",
        );
        let s = find(&st, "has misread");
        assert_eq!(s.speaker.as_deref(), Some("Sam Kerr"), "{s:?}");
        assert_eq!(s.answers.as_deref(), Some("lakeside-rowing-club"), "{s:?}");
    }
}
