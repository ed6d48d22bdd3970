//! The second pass: one document read into statements, paragraph by paragraph: page
//! furniture, quotations with their speakers, then the sentences between them, narrative or
//! reported.

use std::collections::BTreeSet;
use std::ops::Range;

use super::actors::{self, Known, Mention, MentionKind};
use super::speakers::{chain_speakers, speaker_party};
use super::statement_id;
use super::{entities, quotes, reported, segment, topics};
use crate::comparison::{Entity, EntityKind, Statement, StatementKind};
use crate::corpus::Document;
use crate::lexicon::Lexicon;
use crate::sides::side_id;
use chrono::Datelike;
use topics::TopicIndex;

/// A clause of a sentence with its own attribution and the actors it names.
pub(super) type Clause = (Range<usize>, Attribution, Vec<Mention>);

/// Who makes a statement, and what kind it is.
pub(super) struct Attribution {
    pub(super) kind: StatementKind,
    pub(super) speaker: Option<String>,
    pub(super) claimant: Option<String>,
    pub(super) counter: Option<String>,
    pub(super) answers: Option<String>,
}

impl Attribution {
    /// A statement of this kind that nobody is known to make.
    pub(super) fn of(kind: StatementKind) -> Attribution {
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
pub(super) struct DocState<'a> {
    pub(super) doc: &'a Document,
    pub(super) lex: &'a Lexicon,
    pub(super) known: &'a Known,
    pub(super) index: &'a TopicIndex,
    pub(super) year: Option<i32>,
    pub(super) publisher: Option<String>,
    /// People of this document, for surnames and pronouns.
    pub(super) local: Known,
    /// Actors of the latest sentences, for anaphora.
    pub(super) recent: Vec<Mention>,
    /// Every actor the document names, at byte offsets of the body, for "the union" and
    /// "the spokesperson".
    pub(super) named: Vec<Mention>,
    /// The party of each person the document names, once a role or the folder says.
    pub(super) people: crate::text::WordMap<String, Option<String>>,
    /// The body in ASCII lower case (the same byte offsets), for word look-ups.
    pub(super) lower: String,
    /// Set while [`DocState::author_of`] reads an earlier sentence, so that it never
    /// recurses (each level would scan every earlier sentence again).
    pub(super) in_author: std::cell::Cell<bool>,
    pub(super) out: Vec<Statement>,
}

/// Reads one document into statements.
pub fn read_document(
    doc: &Document,
    lex: &Lexicon,
    known: &Known,
    index: &TopicIndex,
) -> Vec<Statement> {
    read_laid_out(doc, &segment::Layout::of(doc, lex), lex, known, index)
}

/// [`read_document`] with the document's [`segment::Layout`] already found.
pub(super) fn read_laid_out(
    doc: &Document,
    layout: &segment::Layout,
    lex: &Lexicon,
    known: &Known,
    index: &TopicIndex,
) -> Vec<Statement> {
    let paragraphs = &layout.paragraphs;
    let segs = quotes::find(&doc.body, paragraphs, lex);
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
        people: Default::default(),
        lower: doc.body.to_ascii_lowercase(),
        in_author: std::cell::Cell::new(false),
        out: Vec::new(),
    };
    for p in layout.prose() {
        let text = &doc.body[p.span.clone()];
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
    let speakers = chain_speakers(&st, &segs, paragraphs);
    for (p, furniture) in paragraphs.iter().zip(&layout.furniture) {
        let span = p.span.clone();
        if let Some(kind) = *furniture {
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

/// Drops a trailing comma or dash left inside the marks (`"We won," said …`).
fn trim_quote_end(body: &str, r: Range<usize>) -> Range<usize> {
    let text = &body[r.clone()];
    let trimmed = text.trim_end_matches([',', ' ', '-', '–', '—']);
    r.start..r.start + trimmed.len()
}

impl DocState<'_> {
    /// Narrative text: sentences that are narrative or reported.
    pub(super) fn narrative(&mut self, range: Range<usize>, paragraph: usize) {
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
                    let (prepared, ms) = self.actors_of(text);
                    let at = r.start;
                    let resolve =
                        |words: &[String], pos: usize| self.resolve_phrase(words, at + pos);
                    let before = self.named_before(at);
                    let report =
                        reported::report_tokens(prepared.tokens(), &ms, before, self.lex, &resolve);
                    let attribution = self.attribution(report, false);
                    self.push(r, paragraph, attribution, Some(&ms));
                    self.recent = ms;
                }
            }
        }
    }

    /// Who makes a narrative sentence (or clause): the reported party, else the publisher.
    /// `speaker_enough` also takes a report that names only a person.
    pub(super) fn attribution(
        &self,
        report: Option<reported::Report>,
        speaker_enough: bool,
    ) -> Attribution {
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
    pub(super) fn two_attributions(&self, r: Range<usize>) -> Option<Vec<Clause>> {
        let body = &self.doc.body;
        let text = &body[r.clone()];
        let cut = self.lex.first_clause_break(text)?;
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
            let (prepared, ms) = self.actors_of(t);
            let at = part.start;
            let resolve = |words: &[String], pos: usize| self.resolve_phrase(words, at + pos);
            let rep = reported::report_tokens(prepared.tokens(), &ms, &before, self.lex, &resolve)?;
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

    pub(super) fn push(
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
